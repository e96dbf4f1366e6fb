"""Searching the register: by category, region, language and free text.

"Psychotherapists in Düsseldorf who offer Farsi" is
``find(reg, category="psychotherapie", region="duesseldorf", language="fa")``. A language is
given as a code or a name in German or English (:func:`formgen.languages.lookup`: "Farsi",
"Persisch"); it matches every language list of the entry (team, contact person) and the
"other languages" text. Text matches any value of the institution or the entry, ignoring case
and accents as :func:`formgen.fold.fold` does ("Yilmaz" finds "Yılmaz", "Lodz" "Łódź").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from formgen import languages
from formgen.errors import RegisterError
from formgen.fold import fold
from formgen.messages import Said, say, say_count
from formgen.model import FieldType
from ingest.labels import region_text
from ingest.register import Json, Register
from ingest.staleness import CATEGORY_COLUMNS, region_held, region_of
from ingest.tables import cut, table
from ingest.values import pasted

NAME_COLUMNS = 40
"""A longer name is cut with "…" in the table (``--json`` gives it whole)."""


@dataclass(frozen=True)
class Hit:
    institution_id: str
    name: str
    category: str
    region: str
    languages: tuple[str, ...]


def language_code(text: str) -> str:
    """The ISO code for a code or name; a clear error when it is no known language."""
    code = languages.lookup(text)
    if code is None:
        raise RegisterError(Said("regerr_unknown_language", text=text))
    return code


def _values(stored: Json) -> list[Any]:
    return [sv.get("v") if sv.get("v") is not None else sv.get("raw") for sv in stored.values()]


def find(
    reg: Register,
    category: str | None = None,
    region: str | None = None,
    language: str | None = None,
    text: str | None = None,
    lang: str | None = None,
) -> list[Hit]:
    """Entries matching every criterion given, sorted by category order and name. A category or
    region by its id or its name (:func:`~ingest.staleness.region_held`: also one the schema no
    longer offers that entries hold); an unknown one is an error naming the known ones in
    ``lang``."""
    if category is not None:
        category = reg.schema.category_named(category, lang).id
    if region is not None:
        region = region_held(reg, region, lang)
    code = language_code(language) if language else None
    needle = fold(pasted(text)) if text else None
    order = {c.id: n for n, c in enumerate(reg.schema.categories)}
    hits = []
    for iid, cid, entry in reg.iter_entries():
        if category is not None and cid != category:
            continue
        where = region_of(reg, iid)
        if region is not None and where != region:
            continue
        langs = _languages(reg, cid, entry)
        if code is not None and code not in langs and not _other_mentions(entry, code):
            continue
        if needle is not None:
            inst = reg.institutions[iid]["institution"]
            hay = " ".join(str(v) for v in _values(inst) + _values(entry["fields"]))
            if needle not in fold(pasted(hay)):  # stored before it was read so
                continue
        hits.append(Hit(iid, reg.name_of(iid), cid, where, tuple(langs)))
    hits.sort(key=lambda h: (order.get(h.category, 999), fold(h.name), h.institution_id))
    return hits


def _languages(reg: Register, category: str, entry: Json) -> list[str]:
    out: list[str] = []
    for f in reg.schema.entry_fields(category):
        if f.type is FieldType.LANGUAGE_LIST:
            v = entry["fields"].get(f.id, {}).get("v")
            if isinstance(v, list):
                out.extend(x for x in v if x not in out)
    return out


def _other_mentions(entry: Json, code: str) -> bool:
    for key, sv in entry["fields"].items():
        if key.endswith("._other"):
            for part in str(sv.get("raw", "")).replace(";", ",").split(","):
                if part.strip() and languages.lookup(part.strip()) == code:
                    return True
    return False


def hits_table(reg: Register, hits: list[Hit], lang: str = "de", columns: int | None = None) -> str:
    """The entries found as a table for the terminal in ``lang`` (its headers; checklist, region
    (none for a schema without regions) and languages by their names) and how many there are;
    fitted to ``columns`` (:func:`ingest.tables.table`)."""
    if not hits:
        return say("no_match", lang)
    regions = bool(reg.schema.regions)
    heads = ("id", "name", "category", *(["region"] if regions else []), "languages")
    rows: list[tuple[str, ...]] = [tuple(say(f"col_{c}", lang) for c in heads)]
    for h in hits:
        region = region_text(reg.schema, h.region, lang, reg.kept) if h.region else "—"
        rows.append(
            (
                h.institution_id,
                cut(h.name, NAME_COLUMNS),
                cut(reg.schema.category_label(h.category, lang), CATEGORY_COLUMNS),
                *([region] if regions else []),
                ", ".join(languages.name(code, lang) for code in h.languages),
            )
        )
    return f"{table(rows, columns)}\n{say_count('entries', lang, len(hits))}"
