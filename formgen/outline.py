"""The outline of a schema (``formgen schema show``) as plain data; the command writes it as
text in the language it is shown in."""

from __future__ import annotations

from typing import Any

from formgen.model import Schema


def outline_data(schema: Schema, lang: str | None = None) -> dict[str, Any]:
    """The schema's structure as plain data (for ``--json``)."""
    lang = lang or schema.default_language
    return {
        "schema_id": schema.schema_id,
        "schema_version": schema.schema_version,
        "languages": list(schema.languages),
        "title": schema.title.get(lang),
        "regions": [{"value": r.value, "label": r.label.get(lang)} for r in schema.regions],
        "groups": [
            {
                "id": g.id,
                "label": g.label.get(lang),
                "categories": [
                    {
                        "id": c.id,
                        "label": c.label.get(lang),
                        "fields": len(c.fields),
                        "required": [f.id for f in c.fields if f.required],
                        "entry_blocks": c.entry_blocks,
                        "stale_after_days": c.stale_after_days,
                    }
                    for c in g.categories
                ],
            }
            for g in schema.groups
        ],
    }
