"""Institution records: what the register holds about one institution, as generators take it.

A record is plain JSON, the same shape the register exports for one institution and the prefill
input of personalised forms::

    {
      "id": "inst-0001",                 # the institution (entity) id, stable
      "base_version": 3,                 # register revision the values come from (optional)
      "categories": ["psychotherapie"],  # the checklists this institution belongs to
      "institution": {"name": "…", "region": "duesseldorf", …},
      "entries": {"psychotherapie": {"languages_offered": ["fa", "ar"], "date": "2025-09-24", …}}
    }

Typed values: text types are strings; ``integer``/``percentage`` are ints; ``date`` is an ISO
date string ``YYYY-MM-DD``; ``select_one``/``yes_no_none`` hold the choice value;
``select_multiple``/``language_list`` hold a list of codes, and text typed into the "other" box
is kept under ``"<field>._other"`` as a string.

Text from outside, one rule for every way in:

* A **lone surrogate** (half of a UTF-16 character pair, standing alone) is no character: no
  file formgen writes (the register's JSON, a PDF, XML) can hold it. Only a JSON file
  (``"\\ud800"``) or the command line (bytes of another encoding than UTF-8, which Python
  hands over as U+DC80–U+DCFF) can bring one; a record (:func:`record_from_json`) and a
  value, note, reason or centre name given on the command line
  (:func:`formgen.cli.common.text_only`) are refused with the field named. Every other way in
  decodes bytes itself and never makes one: a returned PDF's text, a CSV, an XLSX, XML.
* A **control character** (``\\u0007``, ``\\u001b``; what a returned PDF may carry) is kept
  as typed: in the register, its JSON and CSV, and the PDF forms. XML 1.0 cannot hold it
  (:data:`NOT_IN_XML`), so a Word form leaves it out, with a warning naming the field
  (:mod:`formgen.docx_form`), and so does the XLSX export (:mod:`ingest.export`). What
  formgen prints shows it as its escape (:func:`formgen.cli.common.echo`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from formgen import languages
from formgen.errors import RecordError
from formgen.filenames import SURROGATE, windows_device
from formgen.linebreak import shorten
from formgen.messages import Arg, Said, SaidJoined, per_language, say
from formgen.model import (
    CHOICE_TYPES,
    INSTITUTION,
    OTHER,
    Choice,
    Field,
    FieldPath,
    FieldType,
    Schema,
    choices_of,
)

Value = str | int | list[str]
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
"""An institution's id and a mail round's name: letters A-Z without accents, digits, '.', '_'
and '-', beginning with a letter or digit, at most 64 characters (messages ``mail_list_bad_id``,
``rec_bad_id``, ``mail_bad_round``)."""
ERASED = "(erased #{n})"
"""What an erased value (:meth:`ingest.register.Register.erase`, ``formgen register erase``)
is replaced by, everywhere the register, the journal and the send log held it: its raw text,
with no typed value. Numbered, so that values that differed still differ (a rebuild from the
journal merges alike); an erasure numbers on from the register's highest marker
(:meth:`ingest.register.Register.erased_so_far`), so two institutions' erased names or phone
numbers never look alike to the matcher. No name, no address: the send log reads one as ``""``
(:class:`formgen.sendlog.Delivery`)."""
ERASED_MARK = re.compile(r"\(erased #(\d+)\)")
"""A marker of :data:`ERASED` (``fullmatch``: the whole text is one), its number the group."""


def erased_shown(text: str, lang: str) -> str:
    """``text`` as a reader is shown it: each marker of an erased value or of a text erased
    inside it (:data:`ERASED_MARK`) as ``lang`` says erased, „(gelöscht)“."""
    return ERASED_MARK.sub(say("erased", lang), text) if "(erased #" in text else text


def wholly_erased(text: str) -> bool:
    """Whether ``text`` holds markers of erased texts (:data:`ERASED_MARK`) and nothing else
    but blanks and punctuation: nothing of it is left to show."""
    return "(erased #" in text and not re.search(r"[^\W_]", ERASED_MARK.sub("", text))


NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character XML 1.0 cannot hold (its ``Char`` production): control characters but tab and
line breaks, lone surrogates, U+FFFE and U+FFFF."""


def lone_surrogate(text: str) -> str | None:
    """Why ``text`` is no text to store, or ``None``: the first lone surrogate in it, said
    (``'Praxis \\udcfc' holds U+DCFC, …``)."""
    found = SURROGATE.search(text)
    if found is None:
        return None
    shown = SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return Said("rec_lone_surrogate", shown=f"{shown:.60}", code=f"{ord(found.group()):04X}")


@dataclass(frozen=True)
class InstitutionRecord:
    """One institution with its entries, ready to prefill a form."""

    id: str
    categories: tuple[str, ...]
    institution: Mapping[str, Value] = field(default_factory=dict)
    entries: Mapping[str, Mapping[str, Value]] = field(default_factory=dict)
    base_version: int | None = None
    typed: Mapping[str, str] = field(default_factory=dict)
    """Field path (``psychotherapie.share_migrants``) → text kept as typed that its field's
    type cannot hold (a percentage „etwa ein Drittel“, a date „Frühjahr 2027“): the register
    flags it as invalid, and the form shows it in its box as typed, as it shows an invalid
    e-mail address, so that the institution sees what to correct; and text a valid value says
    less than (a month „ab Jan. 2026“, a percentage „ca. 90 %“), shown as typed. Not a value
    of the record's JSON."""
    named: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Field path of a language list → code → the name the institution typed for it
    („Kurdisch (Kurmancî)“ for ``kmr``, „Aramäisch“ for ``syr``): a form shows a language it
    has no box for by these words in its "other" box, not by formgen's name for it
    (:func:`formgen.model.other_text`). Not a value of the record's JSON."""

    @property
    def name(self) -> str:
        return str(self.institution.get("name", "")) or self.id

    def languages_as_typed(self) -> dict[str, dict[str, str]]:
        """Field path of a language list → code → the words its form shows the language by
        where they say more than its name (:func:`formgen.languages.says_more`: „Arabisch
        (Syrisch)“ under „Andere“ beside the ticked box, :func:`formgen.model.other_text`);
        :class:`formgen.workspace.IssuedForm` records them, as forms made before 2026-11-25 showed
        the ticked box only."""
        out: dict[str, dict[str, str]] = {}
        for path, named in self.named.items():
            said = {
                code: words for code, words in named.items() if languages.says_more(words, code)
            }
            if said:
                out[path] = said
        return out

    def shown(self, lang: str) -> InstitutionRecord:
        """The record as its form shows it to the institution: a text erased inside a value
        (``register erase --text``) as ``lang`` says erased, „Frau (gelöscht) nimmt Fälle …“
        (:func:`erased_shown`), never the register's marker „(erased #1)“ (nor in the words a
        language is named by, :attr:`named`: „Russisch (bei Frau (gelöscht))“); a value erased
        whole that way (Handzeichen „GK“ erased with ``--text GK``: markers alone) is left out,
        so its field is empty, as for a value erased at its path (a required one is said empty
        when the form comes back, never taken back as „(gelöscht)“). What the form was
        prefilled with (``issued.jsonl``) is this too, so that a form returned as it was
        prefilled changes nothing."""

        def texts(values: Mapping[str, Value]) -> dict[str, Value]:
            return {
                k: erased_shown(v, lang) if isinstance(v, str) else v
                for k, v in values.items()
                if not (isinstance(v, str) and wholly_erased(v))
            }

        return replace(
            self,
            institution=texts(self.institution),
            entries={cid: texts(values) for cid, values in self.entries.items()},
            typed={k: erased_shown(v, lang) for k, v in self.typed.items() if not wholly_erased(v)},
            named={
                k: {code: erased_shown(words, lang) for code, words in named.items()}
                for k, named in self.named.items()
            },
        )

    def form_values(self, schema: Schema) -> dict[str, Value]:
        """Field path (institution form) → value, for every value the record holds (and the
        text of each :attr:`typed`)."""
        out: dict[str, Value] = {}
        for key, value in self.institution.items():
            out[str(FieldPath(INSTITUTION, None, key.split(".")[0])) + _suffix(key)] = value
        for cid, values in self.entries.items():
            for key, value in values.items():
                out[str(FieldPath(cid, None, key.split(".")[0])) + _suffix(key)] = value
        out.update(self.typed)
        return out


def _suffix(key: str) -> str:
    return "." + key.split(".", 1)[1] if "." in key else ""


def offered(f: Field, value: Value | None) -> Value | None:
    """``value`` as far as ``f`` still offers it: a choice a later schema version dropped (a
    region merged into another) is no answer any more, so it is left out (``None`` when nothing
    is left). Any other value as it is."""
    if f.type not in CHOICE_TYPES and f.type is not FieldType.YES_NO_NONE:
        return value
    allowed = {c.value for c in choices_of(f)}
    if isinstance(value, list):
        return [v for v in value if v in allowed] or None
    return value if value in allowed else None


def check_value(f: Field, value: Any, where: str) -> Value:
    """Check one typed value against its field; raise :class:`RecordError` naming ``where``
    (its message a :class:`~formgen.messages.Said`: ``formgen mail`` says it in the
    workspace's language)."""

    def fail(key: str, **args: Arg) -> RecordError:
        return RecordError(SaidJoined((where, Said(key, **args)), ": "))

    t = f.type
    if t in (FieldType.SELECT_MULTIPLE, FieldType.LANGUAGE_LIST):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail("mail_value_not_list", kind=t.value, value=f"{value!r:.60}")
        if t is FieldType.LANGUAGE_LIST:
            unknown = [v for v in value if v not in languages.LANGUAGES]
            if unknown:
                raise fail("mail_value_language", codes=", ".join(unknown))
        else:
            allowed = {c.value for c in f.choices}
            unknown = [v for v in value if v not in allowed]
            if unknown:
                said = _choices_said(f.choices)
                raise fail("mail_value_choices", codes=", ".join(unknown), allowed=said)
        return list(value)
    if t in (FieldType.INTEGER, FieldType.PERCENTAGE):
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail("mail_value_not_whole", kind=t.value, value=f"{value!r:.60}")
        low, high = f.constraints.minimum, f.constraints.maximum
        if t is FieldType.PERCENTAGE:
            low, high = (0 if low is None else low), (100 if high is None else high)
        if (low is not None and value < low) or (high is not None and value > high):
            raise fail("mail_value_outside", value=str(value), low=str(low), high=str(high))
        return value
    if not isinstance(value, str):
        raise fail("mail_value_not_text", kind=t.value, type=type(value).__name__)
    if t is FieldType.DATE:
        try:  # a day, or a month, as the register's export has it
            day_of(value)
        except ValueError:
            raise fail("mail_value_not_date", value=f"{value:.40}") from None
    if t in (FieldType.SELECT_ONE, FieldType.YES_NO_NONE):
        choices = choices_of(f)
        if value not in {c.value for c in choices}:
            said = _choices_said(choices)
            raise fail("mail_value_not_choice", value=f"{value:.80}", allowed=said)
    return value


def month_of(value: object) -> bool:
    """Whether a stored date ``value`` is a month (``2026-01``), not a day."""
    return isinstance(value, str) and len(value) == 7 and value[4] == "-"


def day_of(value: str) -> dt.date:
    """The day a stored date ``value`` stands for, a month (``2027-01``: „Januar 2027“) by its
    first day; ValueError when it is neither."""
    return dt.date.fromisoformat(value + "-01" * month_of(value))


def _choices_said(choices: Iterable[Choice]) -> dict[str, str]:
    """The choices a value may take, by their labels (each cut at 40 characters) with their
    codes, in the schema's order, in each language: „District 01 – Bavaria (d01), …“, as
    ``register set`` names them, with the codes a JSON record or a list may give too (the code
    alone where a choice has no label)."""

    def named(c: Choice, lang: str) -> str:
        label = shorten(c.label.get(lang), len, 40)
        return f"{label} ({c.value})" if label else c.value

    return per_language(lambda lang: ", ".join(named(c, lang) for c in choices))


def record_from_json(schema: Schema, data: Any, source: str = "record") -> InstitutionRecord:
    """Check a JSON record against the schema and build it; every message names the field."""
    if not isinstance(data, dict):
        raise RecordError(Said("rec_not_object", source=source))
    rid = data.get("id")
    if not isinstance(rid, str) or not ID_RE.match(rid):
        raise RecordError(Said("rec_bad_id", source=source, got=f"{rid!r:.60}"))
    if windows_device(rid):  # its form is named after it
        raise RecordError(SaidJoined((source, Said("id_windows_device", rid=rid)), ": "))
    base = data.get("base_version")
    if base is not None and (isinstance(base, bool) or not isinstance(base, int) or base < 0):
        raise RecordError(Said("rec_bad_base", source=source))
    inst_fields = {f.id: f for f in schema.institution_fields()}
    institution = _check_values(data.get("institution", {}), inst_fields, f"{source}: institution")

    entries_raw = data.get("entries", {})
    if not isinstance(entries_raw, dict):
        raise RecordError(Said("rec_bad_entries", source=source))
    cats = data.get("categories", list(entries_raw))
    if not isinstance(cats, list) or not all(isinstance(c, str) for c in cats):
        raise RecordError(Said("rec_bad_categories", source=source))
    entries: dict[str, Mapping[str, Value]] = {}
    for cid in list(dict.fromkeys([*cats, *entries_raw])):
        schema.category(cid)  # raises UnknownCategoryError naming the known ones
        fields = {f.id: f for f in schema.entry_fields(cid)}
        entries[cid] = _check_values(entries_raw.get(cid, {}), fields, f"{source}: {cid}")
    return InstitutionRecord(
        id=rid,
        categories=tuple(dict.fromkeys([*cats, *entries_raw])),
        institution=institution,
        entries=entries,
        base_version=base,
    )


def _check_values(raw: Any, fields: Mapping[str, Field], where: str) -> dict[str, Value]:
    if not isinstance(raw, dict):
        raise RecordError(Said("rec_not_fields", where=where))
    out: dict[str, Value] = {}
    for key, value in raw.items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and (why := lone_surrogate(text)):
                raise RecordError(Said("rec_split_character", where=where, name=key, why=why))
        fid, _, option = str(key).partition(".")
        f = fields.get(fid)
        if f is None:
            known = ", ".join(fields)
            raise RecordError(Said("rec_no_field", where=where, name=key, known=known))
        if option:
            if option != OTHER or not f.is_multi:
                raise RecordError(Said("rec_other_multi", where=where, name=key, other=OTHER))
            if not isinstance(value, str):
                raise RecordError(Said("rec_other_text", where=where, name=key))
            out[key] = value
            continue
        if value is None or value == "" or value == []:
            continue
        out[key] = check_value(f, value, f"{where}.{key}")
    return out
