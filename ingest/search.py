"""Searching the register: by category, region, language and free text.

"Psychotherapists in Düsseldorf who offer Farsi" is
``find(reg, category="psychotherapie", region="duesseldorf", language=("fa",))``. A language
is given as a code or a name in German or English (:func:`formgen.languages.lookup`: "Farsi",
"Persisch"), a language of which others are varieties as them too ("Kurdisch": Kurmanji,
Sorani); it matches every language list of the entry (team, contact person) and the "other
languages" text, and of several languages any. A variety finds the entries that name only the
language it is one of, too, marked as such (:attr:`Hit.wider`: „Sorani“ finds „Kurdisch“). Text matches an entry holding every word of it,
each anywhere in the entry's values, its institution's, its checklist's, region's and languages'
names, ignoring case and accents as :func:`formgen.fold.search_folds` does ("Yilmaz" finds
"Yılmaz", "Lodz" "Łódź", "Mueller" „Müller“, ``روانشناسي`` typed on an Arabic keyboard
``روانشناسی`` typed on a Persian one); a phone number by its digits (:func:`matcher`).
"""

from __future__ import annotations

import functools
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from formgen import languages
from formgen.errors import FormgenError, RegisterError
from formgen.fold import name_order, search_folds
from formgen.linebreak import pasted
from formgen.messages import Said, SaidJoined, phone_text, said_count, say, say_count
from formgen.model import INSTITUTION, FieldType
from formgen.record import erased_shown
from ingest.export import town_of
from ingest.labels import field_of, region_text
from ingest.matching import normalise_phone
from ingest.register import Json, Register
from ingest.staleness import CATEGORY_COLUMNS, region_held, region_of
from ingest.tables import cut, table

NAME_COLUMNS = 40
"""A longer name is cut with "…" in the table (``--json`` gives it whole)."""
SHOWN = ("city", "phone")
"""The institution's fields the table shows after its region, where the schema has them (where
it is and the number to call), as :class:`Hit` holds them."""
PHONE = re.compile(r"\+?\(?\d[\d ()/.\-]*\d")
"""A phone number as typed, in a text or as the text looked for (``(0211) 123456`` too)."""


@dataclass(frozen=True)
class Hit:
    institution_id: str
    name: str
    category: str
    region: str
    languages: tuple[str, ...]
    city: str = ""
    """The town: the city field, else the town after a postcode typed in the street or postcode
    field (:func:`ingest.export.town_of`, as the print's index has it)."""
    phone: str = ""
    wider: tuple[str, ...] = ()
    """Found only by the wider language of the varieties looked for: the entry says
    „Kurdisch“ where Sorani was asked for, and not which Kurdish."""


def matcher(text: str) -> Callable[[str], bool]:
    """Whether a stored text holds ``text``: every word of it (folded: case, accents, NFC or
    NFD, Arabic or Persian forms of a letter aside, an umlaut as ``ue`` too:
    :func:`formgen.fold.search_folds`), or, when ``text`` is a phone number, its digits in a number of the stored text
    (:func:`ingest.matching.normalise_phone`, the „(0)“ of „+49 (0)211 …“ left out as when it
    is dialled: ``0211/9876543`` and ``+49 (0)211 9876543`` find ``+49 211 9876543``)."""
    which = matchers((text,))
    return lambda stored: which(stored)[0]


def matchers(texts: Sequence[str]) -> Callable[[str], tuple[bool, ...]]:
    """Which of ``texts`` a stored text holds, each as :func:`matcher` has it: a stored text
    folded once for all of them (``register find --all`` looks for a name and its parts in one
    reading of the workspace)."""
    needles = []
    for text in texts:
        words = [f for w in pasted(text).split() if (f := search_folds(w))[0].strip()]
        digits = _digits(text) if PHONE.fullmatch(text.strip()) else ""
        needles.append((words, digits if len(digits) >= 5 else ""))

    def holds(stored: str) -> tuple[bool, ...]:
        plain, german = search_folds(pasted(stored))
        numbers: list[str] | None = None  # the stored text's phone numbers, where looked for
        held = []
        for words, digits in needles:
            hit = bool(words) and all(w in plain or w_de in german for w, w_de in words)
            if not hit and digits:
                if numbers is None:
                    numbers = [_digits(m.group()) for m in PHONE.finditer(stored)]
                hit = any(digits in number for number in numbers)
            held.append(hit)
        return tuple(held)

    # a workspace holds the same texts again and again (each revision of the journal, the
    # register's history): each is looked at once
    return functools.cache(holds)


def _digits(phone: str) -> str:
    return normalise_phone(phone.replace("(0)", ""))


def language_codes(text: str, lang: str = "de") -> tuple[str, ...]:
    """The ISO code for a code or name, and the codes of its varieties
    (:func:`formgen.languages.varieties`: Kurdish's Kurmanji and Sorani); a clear error when it
    is no known language, with the name in ``lang`` it may be a typo of
    (:func:`formgen.languages.meant`), in the words of the schema check's "did you mean"."""
    code = languages.lookup(text)
    if code is None:
        meant = languages.meant(text, lang)
        hint = Said("import_did_you_mean", name=meant) if meant else ""
        raise RegisterError(Said("regerr_unknown_language", text=text, hint=hint))
    return languages.varieties(code)


def _value(stored: Json | None) -> Any:
    """A stored value; an invalid one as typed."""
    if not stored:
        return ""
    return stored.get("v") if stored.get("v") is not None else stored.get("raw")


def find(
    reg: Register,
    category: str | None = None,
    region: str | None = None,
    language: tuple[str, ...] = (),
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
        region = _region(reg, region, lang)
    said = lang or reg.schema.default_language
    codes = {code for name in language for code in language_codes(name, said)}
    wider = {w for c in codes if (w := languages.wider(c)) is not None} - codes
    holds = matcher(text) if text and text.strip() else None
    order = {c.id: n for n, c in enumerate(reg.schema.categories)}
    hits = []
    for iid, cid, entry in reg.iter_entries():
        if category is not None and cid != category:
            continue
        where = region_of(reg, iid)
        if region is not None and where != region:
            continue
        langs = _languages(reg, cid, entry)
        only: tuple[str, ...] = ()
        if codes and codes.isdisjoint(langs) and not _other_mentions(entry, codes):
            only = tuple(sorted(w for w in wider if w in langs or _other_mentions(entry, {w})))
            if not only:
                continue
        inst = reg.institutions[iid]["institution"]
        if holds is not None:
            names = [
                reg.schema.category_label(cid, said),
                *(languages.name(c, said) for c in langs),
                *reg.list_ids(iid),
            ]
            if where:
                names.append(region_text(reg.schema, where, said, reg.kept))
            values = [_value(sv) for sv in (*inst.values(), *entry["fields"].values())]
            if not holds("\n".join(map(str, [*values, *names]))):
                continue
        city, phone = town_of(inst), str(_value(inst.get("phone")))
        hits.append(Hit(iid, reg.name_of(iid), cid, where, tuple(langs), city, phone, only))
    hits.sort(key=lambda h: (order.get(h.category, 999), name_order(h.name), h.institution_id))
    return hits


def _region(reg: Register, text: str, lang: str | None) -> str:
    """The region ``text`` names (:func:`~ingest.staleness.region_held`); where it names none
    but entries hold it as text (a town: „Köln“), the error says so, with the command that
    finds them."""
    try:
        return region_held(reg, text, lang)
    except FormgenError as error:
        held = find(reg, text=text, lang=lang)
        if not held:
            raise
        words = text if re.fullmatch(r"[\w .-]+", text) else shlex.quote(text)
        hint = said_count(
            "find_region_as_text", len(held), text=text, command=f"formgen register find {words}"
        )
        raise RegisterError(SaidJoined((error.args[0], hint), "\n")) from error


def _languages(reg: Register, category: str, entry: Json) -> list[str]:
    out: list[str] = []
    for f in reg.schema.entry_fields(category):
        if f.type is FieldType.LANGUAGE_LIST:
            v = entry["fields"].get(f.id, {}).get("v")
            if isinstance(v, list):
                out.extend(x for x in v if x not in out)
    return out


def _other_mentions(entry: Json, codes: set[str]) -> bool:
    for key, sv in entry["fields"].items():
        if key.endswith("._other"):
            for part in str(sv.get("raw", "")).replace(";", ",").split(","):
                if part.strip() and languages.lookup(part.strip()) in codes:
                    return True
    return False


def _shown(hit: Hit, key: str, lang: str) -> str:
    """A value of :data:`SHOWN` as the table shows it: a phone number's extension as ``lang``
    writes it (:func:`formgen.messages.phone_text`)."""
    value = str(getattr(hit, key))
    return phone_text(value, lang) if key == "phone" else value


def hits_table(reg: Register, hits: list[Hit], lang: str = "de", columns: int | None = None) -> str:
    """The entries found as a table for the terminal in ``lang`` (its headers; checklist, region
    (none for a schema without regions), town, phone (:data:`SHOWN`, where the schema has them)
    and languages by their names) and how many there are; fitted to ``columns``
    (:func:`ingest.tables.table`: the town, phone and languages under each row where it is too
    wide); a language found as the wider term (:attr:`Hit.wider`) marked „*“ and said under
    the count."""
    if not hits:
        return say("no_match", lang)
    regions = bool(reg.schema.regions)
    shown = [key for key in SHOWN if field_of(reg.schema, INSTITUTION, key)]
    heads = ("id", "name", "category", *(["region"] if regions else []), *shown, "languages")
    rows: list[tuple[str, ...]] = [tuple(say(f"col_{c}", lang) for c in heads)]
    for h in hits:
        region = region_text(reg.schema, h.region, lang, reg.kept) if h.region else "—"
        rows.append(
            (
                h.institution_id,
                cut(erased_shown(h.name, lang), NAME_COLUMNS),  # „Praxis Dr. (gelöscht)“
                cut(reg.schema.category_label(h.category, lang), CATEGORY_COLUMNS),
                *([region] if regions else []),
                *(cut(_shown(h, key, lang), NAME_COLUMNS) or "—" for key in shown),
                ", ".join(
                    languages.name(code, lang) + ("*" if code in h.wider else "")
                    for code in (*h.languages, *(w for w in h.wider if w not in h.languages))
                ),
            )
        )
    under = len(shown) + 1 if shown else 0
    wider = sorted({w for h in hits for w in h.wider})
    notes = (say("find_wider", lang, language=languages.name(w, lang)) for w in wider)
    return "\n".join((table(rows, columns, under), say_count("entries", lang, len(hits)), *notes))
