"""A readable outline of a schema (``formgen schema show``), as text or as plain data."""

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


def outline_text(schema: Schema, lang: str | None = None) -> str:
    """The schema as an indented outline: groups, categories, field counts, version."""
    data = outline_data(schema, lang)
    n_cats = sum(len(g["categories"]) for g in data["groups"])
    lines = [
        f"{data['title']}",
        f"schema {data['schema_id']} version {data['schema_version']} · "
        f"languages {', '.join(data['languages'])} · {len(data['groups'])} groups · {n_cats} categories",
        "regions: " + (", ".join(r["label"] for r in data["regions"]) or "(none)"),
    ]
    number = 0
    for g in data["groups"]:
        lines.append("")
        lines.append(f"{g['label']}  [{g['id']}]")
        for c in g["categories"]:
            number += 1
            lines.append(
                f"  {number:>2}. {c['label']}  [{c['id']}]  "
                f"{c['fields']} fields, {c['entry_blocks']} blocks, stale after {c['stale_after_days']} days"
            )
    return "\n".join(lines)
