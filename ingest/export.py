"""Exports of the consolidated register: JSON (with a JSON Schema), CSV (wide and long), XLSX.

Core functions return bytes; the CLI writes them to files.

* **JSON** — one object per institution in the shape of :mod:`formgen.record` (so an exported
  institution is also prefill input), plus per-entry status (last confirmation, stale, confirmed
  by the institution) and every invalid value as typed with its problem: the English text, and
  (when the value was stored with one) the message key and args a program can say it with in
  another language (``problem_key``, ``problem_args``; see :mod:`formgen.messages`). Described by
  ``schema/register-export.schema.json``.
* **CSV** — for Excel and LibreOffice, as :mod:`formgen.csv_write` writes every table: UTF-8
  with BOM, CRLF line ends, ``;`` for a table in German.
  *Wide*: one row per entry (institution × category), languages joined with ", ". *Long*: one row
  per value with its provenance (file, SHA-256, form instance, reader, confidence, ingest time;
  for a value a coordinator set by hand, ``set by hand: NOTE`` in place of the file and the
  time it was set).
  A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or CR gets a leading apostrophe, so a
  spreadsheet never runs it as a formula (CSV injection; OWASP's advice); a phone number
  (``+49 211 1000777``) is no formula and gets none. Excel and Calc still read a postcode
  ``04109`` as the number 4109: the XLSX keeps it.
* **XLSX** — the same two tables as sheets; every text is stored as a text cell, so a value
  starting with ``=`` stays text and phone numbers keep their ``+``.

``personal=False`` leaves out every field the schema marks ``personal: true`` (contact persons),
the long table's ``source_file`` (blank): a return's file name may name the person who sent
it, as a note on a value set by hand may, and the reason given for retiring an institution
(blank; null in the JSON): „Frau X ist gegangen“ (the one it was merged into stays).

A retired institution (``formgen register retire``) stays in the JSON, with ``retired``: when
and why (and ``merged_into``: the institution it was merged into by ``formgen register merge``). The tables are for people looking for a service, to whom a closed clinic is noise, so
they leave it out; ``with_retired=True`` keeps it, with two more columns saying when and why
(:data:`RETIRED_COLUMNS`), blank for the others.

``labels=True`` (tables for people) says everything in ``lang``: headers, checklists and
fields by their names (the wide table puts a label two columns would share under its
checklist's name, :func:`wide_header`), choices and languages by their names, dates as
``lang`` writes them, the problems of invalid values by their templates in ``lang``
(:meth:`formgen.messages.Problem.in_language`; a value stored before message keys existed keeps
its stored text) under the field's name, and yes/no as ``ja``/``nein`` or ``yes``/``no``. The
long table says its confidence and the time read in (in this computer's time zone) in
``lang`` too, and the XLSX names its sheets in it. Without labels a table is for programs
and stays as it was: ids and codes, English headers, ``ja``/``nein``, the stored English
problem text, ISO dates, ISO times in UTC (the JSON export carries each problem's
``problem_key`` and ``problem_args`` for translating it).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from formgen import languages
from formgen.csv_write import to_csv
from formgen.identity import reference
from formgen.linebreak import pasted
from formgen.messages import (
    ENGLISH,
    Problem,
    Said,
    date_text,
    day_text,
    moment_text,
    phone_text,
    problem_text,
    say,
)
from formgen.model import INSTITUTION, OTHER, Field, FieldType, Schema, Scope, choices_of
from formgen.record import NOT_IN_XML, erased_shown
from formgen.schema_load import shipped_schema_path
from ingest.labels import (
    field_label,
    field_of,
    option_text,
    path_label,
    scope_label,
    value_field,
)
from ingest.register import Json, Register, by_hand, local_day, retired_reason
from ingest.schemas import SchemaRegistry
from ingest.staleness import holds_dropped, is_stale, last_confirmed
from ingest.submission import CUT
from ingest.values import APPROXIMATE_FORMAT, remarked_languages, shown_as_typed

EXPORT_FORMAT = "formgen-register-export"
EXPORT_VERSION = 1
WIDE_META = (
    ("institution_id", "col_id"),
    ("revision", "col_revision"),
    ("category", "col_category"),
)
WIDE_TAIL = (
    ("last_confirmed", "col_last_confirmed"),
    ("stale", "col_stale"),
    ("confirmed_by_institution", "col_by_institution"),
    ("problems", "col_problems"),
)
"""The fixed columns of the wide table before and after the fields: (header for programs,
key of the header people read in :data:`formgen.messages.WORDS`)."""
LONG_COLUMNS = (
    ("institution_id", "col_id"),
    ("category", "col_category"),
    ("field", "col_field"),
    ("value", "col_value"),
    ("raw", "col_raw"),
    ("problem", "col_problem"),
    ("revision", "col_revision"),
    ("source_file", "col_file"),
    ("source_sha256", "col_sha256"),
    ("form_instance", "col_form"),
    ("reader", "col_reader"),
    ("confidence", "col_confidence"),
    ("ingested_at", "col_read_in"),
)
"""The columns of the long table: (header for programs, key of the header people read in
:data:`formgen.messages.WORDS`)."""
LONG_HEADER = tuple(code for code, _ in LONG_COLUMNS)
LIST_IDS = "list_ids"
"""The column of the wide table after the institution's id, where institutions hold ids the
centre's own lists gave them (:meth:`~ingest.register.Register.list_ids`, ``register import``
reads it back): its header for programs; for people :data:`formgen.messages.WORDS`'
``col_list_ids``."""
LIST_IDS_APART = "; "
"""Between an institution's list ids in one cell."""
RETIRED_COLUMNS = (("retired_on", "col_retired_on"), ("retired_reason", "col_retired_reason"))
"""The last columns of both tables when they hold retired institutions (``--with-retired``):
the day it was retired and why; blank for the others."""


def export_json_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`export_json` (``schema/register-export.schema.json``)."""
    text = shipped_schema_path("register-export.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def personal_fields(schema: Schema) -> set[str]:
    """The ids of the fields ``personal=False`` leaves out (the schema marks them ``personal``):
    the exports' rule, and the printed register's."""
    return {f.id for c in schema.categories for f in c.fields if f.personal}


def _keep(key: str, personal: bool, hidden: set[str]) -> bool:
    return personal or key.partition(".")[0] not in hidden


def export_data(
    reg: Register, personal: bool = True, today: dt.date | None = None, stand: dt.date | None = None
) -> Json:
    """The register as the JSON export has it; with ``stand`` (the register as it was at the
    end of that day, :func:`ingest.journal.as_of`) its entries stale as of that day, which it
    names (``"stand"``)."""
    today = today or dt.date.today()
    judged = stand or today
    hidden = personal_fields(reg.schema)
    own = {f.id: f for f in reg.schema.institution_fields()}
    by_id = {c.id: {f.id: f for f in reg.schema.entry_fields(c.id)} for c in reg.schema.categories}
    out = []
    for iid in reg.ids(with_retired=True):
        inst = reg.institutions[iid]
        problems: dict[str, Json] = {}
        as_typed: dict[str, str] = {}
        entries: Json = {}
        status: Json = {}
        for cid, entry in inst["entries"].items():
            entries[cid] = _plain_values(
                entry["fields"], cid, personal, hidden, problems, by_id.get(cid, {}), as_typed
            )
            seen = last_confirmed(entry)
            status[cid] = {
                "last_confirmed": seen.isoformat() if seen else None,
                "stale": is_stale(reg, cid, entry, judged),
                "confirmed_by_institution": bool(entry.get("by_institution")),
            }
        out.append(
            {
                "id": iid,
                **({"list_ids": list(ids)} if (ids := reg.list_ids(iid)) else {}),
                "base_version": inst["rev"],
                "categories": list(entries),
                "institution": _plain_values(
                    inst["institution"], INSTITUTION, personal, hidden, problems, own, as_typed
                ),
                "entries": entries,
                "status": status,
                "problems": problems,
                **({"as_typed": as_typed} if as_typed else {}),
                **(
                    {"retired": _retired_json(retired, personal)}
                    if (retired := reg.retired(iid))
                    else {}
                ),
            }
        )
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "schema_id": reg.schema.schema_id,
        "schema_version": reg.schema.schema_version,
        "register_revision": reg.revision,
        "exported_on": today.isoformat(),
        **({"stand": stand.isoformat()} if stand else {}),
        "personal_data": personal,
        "institutions": out,
    }


def _plain_values(
    stored: Json,
    scope: str,
    personal: bool,
    hidden: set[str],
    problems: dict[str, Json],
    fields: Mapping[str, Field],
    as_typed: dict[str, str],
) -> Json:
    """The valid values of ``stored`` (its invalid ones into ``problems``, and what was typed
    for a value :func:`~ingest.values.shown_as_typed` into ``as_typed``, by value path, and
    for a list of languages named with a remark, :func:`~ingest.values.remarked_languages`)."""
    vals: Json = {}
    for key in sorted(stored):
        if not _keep(key, personal, hidden):
            continue
        sv = stored[key]
        found = Problem.from_json(sv)
        if found is not None:
            problems[f"{scope}.{key}"] = {"raw": sv["raw"], **found.to_json()}
        elif sv.get("v") is not None:
            vals[key] = sv["v"]
            f = fields.get(key)
            raw = str(sv.get("raw", ""))
            if f is not None and (
                shown_as_typed(f, sv["v"], raw)
                or (f.type is FieldType.LANGUAGE_LIST and remarked_languages(sv["v"], raw))
            ):
                as_typed[f"{scope}.{key}"] = raw
    return vals


def export_json(
    reg: Register, personal: bool = True, today: dt.date | None = None, stand: dt.date | None = None
) -> bytes:
    data = export_data(reg, personal, today, stand)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode() + b"\n"


# ---------------------------------------------------------------------- tables


def _columns(schema: Schema, personal: bool) -> tuple[list[Field], list[Field]]:
    hidden = set() if personal else personal_fields(schema)
    inst = [f for f in schema.institution_fields() if f.id not in hidden]
    seen: dict[str, Field] = {}
    for c in schema.categories:
        for f in schema.entry_fields(c.id):
            if f.id not in hidden:
                seen.setdefault(f.id, f)
    return inst, list(seen.values())


_ENGLISH_CUT = re.compile(r" …\[[0-9,]+ characters in the original\]\Z")
"""How formgen marked a value it kept shortened before (:data:`ingest.submission.CUT`): in
English, inside the value."""


def typed(sv: Json, labels: bool) -> str:
    """What was typed; with ``labels`` (for people), a value an older formgen kept shortened
    ends in "…" as formgen cuts values now, not in the English mark it stored in the value."""
    raw = str(sv.get("raw", ""))
    return _ENGLISH_CUT.sub(CUT, raw) if labels and sv.get("problem") else raw


def display(
    f: Field | None,
    sv: Json | None,
    labels: bool,
    lang: str = "de",
    kept: SchemaRegistry | None = None,
) -> str:
    """One stored value as a cell: lists joined with ", ", invalid values as typed
    (:func:`typed`), and so are a month given for a date and an approximate percentage
    (:func:`~ingest.values.shown_as_typed`: „Januar 2027“, „ca. 90 %“); with ``labels`` a date as ``lang`` writes dates
    (:func:`formgen.messages.day_text`), a phone number's extension too
    (:func:`formgen.messages.phone_text`: ``+49 211 4469596-12`` in German), languages in the
    words typed where they say more than its name (:func:`~ingest.values.remarked_languages`:
    „Arabisch (Syrisch), Arabisch (Marokkanisch)“), choices by their
    labels (:func:`ingest.labels.option_text`: one the schema dropped as the versions ``kept``
    name it); an erased value, or a text erased inside it (``register erase --text``), as
    ``lang`` says erased, „Frau (gelöscht) nimmt Fälle …“, in a table for programs too (as the
    print shows it; :func:`ingest.table_import` takes it back as the value it shows)."""
    return erased_shown(_display(f, sv, labels, lang, kept), lang)


def _display(
    f: Field | None, sv: Json | None, labels: bool, lang: str, kept: SchemaRegistry | None
) -> str:
    if sv is None:
        return ""
    if f is not None and shown_as_typed(f, sv.get("v"), str(sv.get("raw", ""))):
        return typed(sv, labels)  # „Januar 2027“, „ca. 90 %“: more than its value says
    if labels and f is not None and f.type is FieldType.DATE and (day := day_text(sv, lang)):
        return day
    v = sv.get("v")
    if v is None:
        return typed(sv, labels)
    if isinstance(v, list):
        # a language in the words typed that say more than its name, with labels or codes
        is_language = f is not None and f.type is FieldType.LANGUAGE_LIST
        own = remarked_languages(v, str(sv.get("raw", ""))) if is_language else {}
        if labels and f is not None:
            return ", ".join(own.get(x) or option_text(f, x, lang, kept) for x in v)
        return ", ".join(own.get(x) or x for x in v)
    if labels and f is not None and f.type in (FieldType.SELECT_ONE, FieldType.YES_NO_NONE):
        return option_text(f, str(v), lang, kept)
    if labels and f is not None and f.type is FieldType.PHONE:
        return phone_text(str(v), lang)
    return str(v)


_TOWN = re.compile(r"(?<!\d)\d{5}\s+([^\d,;]+)$")
"""The town after a postcode at the end of an address: „Kölner Str. 5, 40210 Düsseldorf“."""


def town_of(values: dict[str, Any]) -> str:
    """The town of an institution's address (``values``: its stored values): its ``city``;
    where that is empty, the town after the postcode its postcode or street field holds (an
    address typed whole into one box: „40210 Düsseldorf“, „Kölner Str. 5, 40210 Düsseldorf“)."""

    def text(key: str) -> str:
        return pasted(display(None, values.get(key), labels=True)).strip()

    if town := text("city"):
        return town
    for key in ("postcode", "street"):
        if m := _TOWN.search(text(key)):
            return m[1].strip(" .")
    return ""


def wide_rows(
    reg: Register,
    personal: bool = True,
    labels: bool = False,
    today: dt.date | None = None,
    lang: str = "de",
    with_retired: bool = False,
) -> Iterator[list[str | int]]:
    """Header, then one row per entry (an institution without entries: one row, no category).
    With ``labels`` in ``lang`` for people: headers (:func:`wide_header`), the checklist by its
    name, values and problems as :func:`display` and :func:`ingest.labels.path_label` say
    them, yes/no and the day last confirmed in words and dates of ``lang``. Retired
    institutions only ``with_retired``, and then with :data:`RETIRED_COLUMNS`."""
    today = today or dt.date.today()
    said = lang if labels else None
    schema = reg.schema
    inst_fields, entry_fields = _columns(schema, personal)
    listed = bool(reg.listed())
    yield list(wide_columns(schema, personal, labels, lang, with_retired, with_list_ids=listed))
    for iid in reg.ids(with_retired):
        inst = reg.institutions[iid]
        head: list[str | int] = [iid, inst["rev"]]
        if listed:
            head.insert(1, LIST_IDS_APART.join(reg.list_ids(iid)))
        inst_cells = _cells(inst_fields, inst["institution"], labels, lang, reg.kept)
        problems_inst = _problems(schema, inst["institution"], INSTITUTION, said)
        retired = _retired_cells(reg, iid, labels, lang, personal) if with_retired else []
        entries = inst["entries"] or {"": None}
        for cid, entry in entries.items():
            if entry is None:
                blank = [""] * sum(1 + f.is_multi for f in entry_fields)
                yield [*head, "", *inst_cells, *blank, "", "", "", "", *retired]
                continue
            seen = last_confirmed(entry)
            yield [
                *head,
                scope_label(schema, cid, lang) if labels else cid,
                *inst_cells,
                *_cells(entry_fields, entry["fields"], labels, lang, reg.kept),
                (date_text(seen, lang) if labels else seen.isoformat()) if seen else "",
                _yes_no(is_stale(reg, cid, entry, today), said),
                _yes_no(bool(entry.get("by_institution")), said),
                "; ".join(problems_inst + _problems(schema, entry["fields"], cid, said)),
                *retired,
            ]


def wide_columns(
    schema: Schema,
    personal: bool = True,
    labels: bool = False,
    lang: str = "de",
    with_retired: bool = False,
    before: bool = False,
    with_list_ids: bool = False,
) -> list[str]:
    """The header of the wide table (:func:`wide_rows`): for programs the ids, the fields
    (``languages_offered._other`` for the "other" text of a list) and the columns of
    :data:`WIDE_META` and :data:`WIDE_TAIL`; with ``labels`` in ``lang`` (:func:`wide_header`,
    ``before``: as formgen wrote it until 2026-11); ``with_retired`` also
    :data:`RETIRED_COLUMNS`; ``with_list_ids`` :data:`LIST_IDS` after the id."""
    retired = _retired_header(labels, lang) if with_retired else []
    if not labels:
        return [code for code, _ in _wide_layout(schema, personal, with_list_ids)] + retired
    inst_fields, entry_fields = _columns(schema, personal)
    out = [*wide_header(schema, inst_fields, entry_fields, lang, before), *retired]
    if with_list_ids:
        out.insert(1, say("col_list_ids", lang))
    return out


CATEGORY = "category"


def _wide_layout(schema: Schema, personal: bool, with_list_ids: bool) -> list[tuple[str, Any]]:
    """The columns of the wide table (:func:`wide_rows`) but the retired ones, each as its
    header for programs and what it holds (:func:`wide_kinds`)."""
    inst_fields, entry_fields = _columns(schema, personal)
    out: list[tuple[str, Any]] = [(c, CATEGORY if c == CATEGORY else None) for c, _ in WIDE_META]
    for f in (*inst_fields, *entry_fields):
        out += [(f.id, f), (f"{f.id}.{OTHER}", None)] if f.is_multi else [(f.id, f)]
    out += [(code, None) for code, _ in WIDE_TAIL]
    if with_list_ids:
        out.insert(1, (LIST_IDS, None))
    return out


def wide_kinds(schema: Schema, personal: bool = True, with_list_ids: bool = False) -> list[Any]:
    """What each column of :func:`wide_columns` holds, by its place: :data:`CATEGORY` for the
    checklist, a :class:`~formgen.model.Field` for a field's value, ``None`` for the others (the
    ids, a list's "other" text, the computed columns; the retired ones are not listed)."""
    return [kind for _, kind in _wide_layout(schema, personal, with_list_ids)]


def column_choices(schema: Schema, kind: Any, labels: bool, lang: str) -> list[str]:
    """The values a cell of a column of :data:`CATEGORY` or of one choice (a region, a choice,
    yes/no) may hold, as the table writes them (with ``labels`` their names in ``lang``) and
    ``register import`` reads them back; none for any other column (text, a list of several)."""
    if kind == CATEGORY:
        return [scope_label(schema, c.id, lang) if labels else c.id for c in schema.categories]
    if isinstance(kind, Field) and kind.type in (FieldType.SELECT_ONE, FieldType.YES_NO_NONE):
        return [option_text(kind, c.value, lang) if labels else c.value for c in choices_of(kind)]
    return []


def _retired_json(retired: Json, personal: bool) -> Json:
    """When and why an institution was retired, in the shape the export's JSON Schema has
    (``merged_into``: the institution ``register merge`` merged it into); without
    ``personal`` no reason (null): the coordinator's words may name people („Frau X ist
    gegangen“)."""
    out = {"at": retired["at"], "reason": retired.get("reason") if personal else None}
    return out | ({"merged_into": retired["merged_into"]} if "merged_into" in retired else {})


def _retired_header(labels: bool, lang: str) -> list[str]:
    return [say(word, lang) if labels else code for code, word in RETIRED_COLUMNS]


def _retired_cells(
    reg: Register, iid: str, labels: bool, lang: str, personal: bool
) -> list[str | int]:
    """The day ``iid`` was retired (on this computer's clock; ISO, or with ``labels`` as
    ``lang`` writes dates) and why (without ``personal`` as :func:`retired_reason` says it);
    blank for one that is not."""
    retired = reg.retired(iid)
    if retired is None:
        return ["", ""]
    day = local_day(retired.get("at"))
    shown = (date_text(day, lang) if labels else day.isoformat()) if day else ""
    return [shown, retired_reason(retired, lang if labels else ENGLISH, personal) or ""]


def wide_header(
    schema: Schema,
    inst_fields: list[Field],
    entry_fields: list[Field],
    lang: str,
    before: bool = False,
) -> list[str]:
    """The header of the wide table for people, in ``lang``: the fixed columns in words, the
    fields by their labels (``Sprachen (weitere)`` for the "other" text of a list). A label
    that would stand twice in the header (the institution's "E-Mail" and the contact
    person's), or an entry field's that one of the institution's labels starts with (the
    contact person's "Telefon" beside "Telefon (Zentrale)"), is put under the name of where
    it belongs: ``Einrichtung › E-Mail``, a checklist's name for a column of one checklist,
    else its section's name (``Kooperations- oder GesprächspartnerIn › E-Mail``), so that a
    column copied in by its name lands where it is meant; what is still not unique is its
    label with the field's id, ``Notiz (notiz)``. ``before``: the header formgen wrote until
    2026-11, which put only a label standing twice under a name, and not the contact
    person's (``E-Mail``), as ``register import`` still reads it."""
    head = [say(word, lang) for _, word in WIDE_META]
    tail = [say(word, lang) for _, word in WIDE_TAIL]
    owners: dict[str, list[str]] = {}
    sections: dict[str, str] = {}
    for c in schema.categories:
        for s in c.sections:
            for f in s.fields:
                sections.setdefault(f.id, s.label.get(lang) or s.id)
        for f in c.entry_fields:
            owners.setdefault(f.id, []).append(c.id)
    scoped = [(f, say("institution", lang)) for f in inst_fields] + [
        (f, schema.category_label(lists[0], lang) if len(lists := owners[f.id]) == 1 else None)
        for f in entry_fields
    ]
    columns = []  # (key, label, the label under the name of where it belongs, an entry's?)
    for f, scope in scoped:
        for key in (f.id, f"{f.id}.{OTHER}") if f.is_multi else (f.id,):
            label = field_label(f, key, lang)
            where = scope or (None if before else sections[f.id])
            under = f"{where} › {label}" if where else label
            columns.append((key, label, under, f.scope is Scope.ENTRY))
    taken = Counter([*head, *tail, *(label for _, label, _, _ in columns)])
    institutions = [field_label(f, f.id, lang) for f in inst_fields]

    def unclear(label: str, entry: bool) -> bool:
        """Whether ``label`` stands twice, or is an entry field's that begins one of the
        institution's labels (``Telefon``, ``Telefon (Zentrale)``)."""
        return taken[label] > 1 or (
            entry and not before and any(i.startswith(f"{label} ") for i in institutions)
        )

    names = [under if unclear(label, entry) else label for _, label, under, entry in columns]
    taken = Counter([*head, *tail, *names])
    names = [
        f"{label} ({key})" if taken[n] > 1 else n
        for n, (key, label, _, _) in zip(names, columns, strict=True)
    ]
    return [*head, *names, *tail]


def _yes_no(flag: bool, lang: str | None) -> str:
    """``ja``/``nein`` for programs (``lang`` ``None``), else in ``lang``."""
    if lang is None:
        return "ja" if flag else "nein"
    return say("yes" if flag else "no", lang)


class Approximate(int):
    """An approximate percentage in a row of the wide table: its number, in an XLSX a cell of
    :data:`~ingest.values.APPROXIMATE_FORMAT` (its column sums), and as typed („ca. 90 %“)
    where a cell is text (CSV)."""

    text: str

    def __new__(cls, value: int, text: str) -> Approximate:
        self = int.__new__(cls, value)
        self.text = text
        return self

    def __str__(self) -> str:
        return self.text


def _cells(
    fields: list[Field], stored: Json, labels: bool, lang: str, kept: SchemaRegistry | None
) -> list[str | int]:
    out: list[str | int] = []
    for f in fields:
        sv = stored.get(f.id)
        v = sv.get("v") if sv else None
        # a whole number stays a number: an XLSX column of them sorts and sums; an approximate
        # one („ca. 90 %“) too, shown as typed
        if isinstance(v, int) and shown_as_typed(f, v, str(sv.get("raw", "") if sv else "")):
            out.append(Approximate(v, display(f, sv, labels, lang, kept)))
        elif isinstance(v, int):
            out.append(v)
        else:
            out.append(display(f, sv, labels, lang, kept))
        if f.is_multi:
            out.append(display(None, stored.get(f"{f.id}._other"), labels, lang))
    return out


def _problems(schema: Schema, stored: Json, scope: str, lang: str | None) -> list[str]:
    """``scope.field: why`` for each invalid value, the stored text, and each value holding a
    choice the schema no longer offers (as ``register stale`` says it); in ``lang`` the field by
    its label under its checklist's name (:func:`ingest.labels.path_label`) and why in ``lang``."""
    out = []
    for k, sv in sorted(stored.items()):
        if sv.get("problem"):
            why = problem_text(sv, lang) if lang else sv["problem"]
        elif "." not in k and holds_dropped(field_of(schema, scope, k), sv):
            why = say("reg_reason_dropped", lang or ENGLISH)
        else:
            continue
        out.append(
            f"{path_label(schema, f'{scope}.{k}', lang)}: {why}" if lang else f"{scope}.{k}: {why}"
        )
    return out


def long_rows(
    reg: Register,
    personal: bool = True,
    labels: bool = False,
    lang: str = "de",
    with_retired: bool = False,
) -> Iterator[list[str | int]]:
    """Header, then one row per stored value with its provenance. With ``labels`` in ``lang``
    for people: headers, checklist and field by their names, choices and languages by their
    labels, why a value is invalid, the form by its printed reference (FG-…), the confidence
    in words and the time read in as :func:`formgen.messages.moment_text` writes it. Retired
    institutions only ``with_retired``, and then with :data:`RETIRED_COLUMNS`. Without
    ``personal``, the personal fields are left out and ``source_file`` is blank."""
    schema = reg.schema
    hidden = set() if personal else personal_fields(schema)
    sources: dict[str, Json] = reg.data["sources"]
    header = [say(word, lang) for _, word in LONG_COLUMNS] if labels else list(LONG_HEADER)
    yield [*header, *(_retired_header(labels, lang) if with_retired else [])]
    for iid in reg.ids(with_retired):
        inst = reg.institutions[iid]
        retired = _retired_cells(reg, iid, labels, lang, personal) if with_retired else []
        scopes = [(INSTITUTION, inst["institution"])] + [
            (cid, e["fields"]) for cid, e in inst["entries"].items()
        ]
        for scope, stored in scopes:
            for key in sorted(stored):
                if key.partition(".")[0] in hidden:
                    continue
                sv = stored[key]
                src = _shown_source(sources.get(sv.get("src"), {}), lang if labels else ENGLISH)
                if not personal:  # a return's name names its sender ('Bogen von Paweł Nowak')
                    src = {**src, "file_name": ""}
                if labels:
                    yield _long_labelled(reg, iid, scope, key, sv, src, lang) + retired
                    continue
                yield [
                    iid,
                    "" if scope == INSTITUTION else scope,
                    key,
                    display(None, sv, False, lang) if sv.get("v") is not None else "",
                    erased_shown(str(sv.get("raw", "")), lang),
                    str(sv.get("problem") or ""),
                    int(sv.get("rev", 0)),
                    str(src.get("file_name", "")),
                    str(src.get("sha256", "")),
                    str(src.get("instance_id", "")),
                    str(src.get("reader", "")),
                    str(src.get("confidence", "")),
                    str(src.get("ingested_at", "")),
                    *retired,
                ]


def _shown_source(src: Json, lang: str) -> Json:
    """The source of a value as the long table shows it: a value set by hand (no file, no
    form) says so with its note where a file's name stands (:func:`ingest.register.by_hand`)."""
    how = by_hand(src, lang)
    return src if how is None else {**src, "file_name": how}


def _long_labelled(
    reg: Register, iid: str, scope: str, key: str, sv: Json, src: Json, lang: str
) -> list[str | int]:
    """One row of :func:`long_rows` with labels."""
    schema = reg.schema
    known = field_of(schema, scope, key)
    form = src.get("instance_id")
    confidence = str(src.get("confidence", ""))
    if confidence in ("high", "low"):
        confidence = say(f"confidence_{confidence}", lang)
    at = src.get("ingested_at")
    return [
        iid,
        scope_label(schema, scope, lang),
        field_label(known, key, lang),
        display(value_field(schema, scope, key), sv, True, lang, reg.kept)
        if sv.get("v") is not None
        else "",
        typed(sv, True),
        problem_text(sv, lang),
        int(sv.get("rev", 0)),
        str(src.get("file_name", "")),
        str(src.get("sha256", "")),
        reference(str(form)) if form else "",
        str(src.get("reader", "")),
        confidence,
        moment_text(str(at), lang) if at else "",
    ]


def export_csv(
    reg: Register,
    form: str = "wide",
    delimiter: str = ",",
    personal: bool = True,
    labels: bool = False,
    today: dt.date | None = None,
    lang: str = "de",
    with_retired: bool = False,
) -> bytes:
    rows = (
        wide_rows(reg, personal, labels, today, lang, with_retired)
        if form == "wide"
        else long_rows(reg, personal, labels, lang, with_retired)
    )
    return to_csv(rows, delimiter)


def export_xlsx(
    reg: Register,
    personal: bool = True,
    labels: bool = False,
    today: dt.date | None = None,
    lang: str = "de",
    with_retired: bool = False,
    warnings: list[str] | None = None,
    centre: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """A workbook with the sheets "Register" (wide) and "Werte" (long, with provenance); with
    ``labels`` their names are in ``lang`` ("Values" in English). Last a sheet "Info"
    ("About" in English) says in ``lang`` what the file is: the Stand (``today``), the
    centre, the sheets and what the computed columns mean (:func:`_info_rows`); a program
    reads the first sheet. A cell whose control characters were left out (:func:`_clean`) is
    one line in ``warnings`` naming the institution and the field (its column), once for both
    sheets. ``progress`` is told (institutions written, of how many) as each sheet's rows of
    the next begin: each institution counts once for each of the two sheets. The table is one
    to fill in too (a new workspace's, empty, is where a centre copies its list): each column
    of choices (:func:`column_choices`) a drop-down over the rows ``register import`` reads,
    its values on a sheet „Auswahl“ before „Info“; the header of a column the schema requires orange,
    and the sheet "Info" says how to fill it in and names those columns."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from ingest.sheet import MAX_ROWS  # here: it loads lxml, which find and history do not need

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    marked = PatternFill("solid", fgColor=REQUIRED_COLOUR)
    kinds = wide_kinds(reg.schema, personal, bool(reg.listed()))
    choices_title = say("sheet_choices", lang) if labels else CHOICES_SHEET
    lists: list[tuple[int, str, list[str]]] = []  # the Register's columns of choices
    required: list[str] = []
    wrap = Alignment(wrap_text=True, vertical="top")
    warned: set[tuple[str | int, str]] = set()  # (institution, field): one line for both sheets
    sheets = (
        say("sheet_register", lang) if labels else "Register",
        say("sheet_values", lang) if labels else "Werte",
    )
    total = 2 * len(reg.ids(with_retired))
    done = 0
    for title, rows in (
        (sheets[0], wide_rows(reg, personal, labels, today, lang, with_retired)),
        (sheets[1], long_rows(reg, personal, labels, lang, with_retired)),
    ):
        ws = wb.create_sheet(title)
        ws.freeze_panes = "B2"
        # columns as wide as the first rows need (a write-only sheet sets them before its rows)
        rows = iter(rows)
        first = list(itertools.islice(rows, _SAMPLE_ROWS))
        widths = _widths(first)
        for col, w in enumerate(widths, 1):
            ws.column_dimensions[_column_letter(col)].width = w
        width = 0
        header: list[str | int] = []
        last: Any = None
        for n, row in enumerate(itertools.chain(first, rows)):
            header = header or row
            if n and row[0] != last:  # an institution's rows are together, its id first
                last = row[0]
                done += 1
                if progress is not None:
                    progress(done, total)
            cells: list[Any] = []
            for col, raw in enumerate(row):
                value = _clean(raw)
                if value != raw and warnings is not None:
                    field = str(header[col] if title == sheets[0] else row[2])
                    if (row[0], field) not in warned:
                        warned.add((row[0], field))
                        left_out = dict.fromkeys(NOT_IN_XML.findall(str(raw)))
                        chars = ", ".join(f"U+{ord(ch):04X}" for ch in left_out)
                        warnings.append(
                            Said(
                                "regerr_export_left_out", iid=str(row[0]), field=field, chars=chars
                            )
                        )
                long = isinstance(value, str) and (
                    "\n" in value or (col < len(widths) and len(value) > widths[col])
                )
                if n == 0 or long or (isinstance(value, str) and value.startswith("=")):
                    # openpyxl would store "=…" as a formula: force a text cell; a header,
                    # and a text longer than its column or of several lines, wraps
                    cell = WriteOnlyCell(ws, value=value)
                    if isinstance(value, str):
                        cell.data_type = "s"
                    if n == 0 or long:
                        cell.alignment = wrap
                    if n == 0:
                        cell.font = bold
                        if title == sheets[0] and col < len(kinds) and _required(kinds[col]):
                            cell.fill = marked
                    cells.append(cell)
                elif isinstance(value, Approximate):
                    cell = WriteOnlyCell(ws, value=int(value))
                    cell.number_format = APPROXIMATE_FORMAT
                    cells.append(cell)
                else:
                    cells.append(value)
            width = max(width, len(cells))
            ws.append(cells)
        if width:
            ws.auto_filter.ref = f"A1:{_column_letter(width)}1"
        if title != sheets[0]:
            continue
        # the table to fill in: a drop-down for each column of choices, its values on the
        # sheet of choices (a list typed into the rule holds 255 characters and no comma)
        required = [str(header[c]) for c, kind in enumerate(kinds) if _required(kind)]
        for col, kind in enumerate(kinds):
            if values := column_choices(reg.schema, kind, labels, lang):
                lists.append((col, str(header[col]), values))
        for n, (col, _head, values) in enumerate(lists, 1):
            there = _column_letter(n)
            rule = DataValidation(
                type="list",
                formula1=f"'{choices_title}'!${there}$2:${there}${len(values) + 1}",
                allow_blank=True,
                errorStyle="warning",  # a town for a region, say: import keeps it and says so
                errorTitle=choices_title,
                error=say("xlsx_not_a_choice", lang, sheet=choices_title),
            )
            letter = _column_letter(col + 1)
            rule.add(f"{letter}2:{letter}{MAX_ROWS + 1}")  # as many rows as import reads
            ws.data_validations.append(rule)
    if lists:  # the values of each column of choices, under its header
        sheet = wb.create_sheet(choices_title)
        sheet.freeze_panes = "A2"
        columns = [[head, *values] for _col, head, values in lists]
        for n, column in enumerate(columns, 1):
            widest = max(len(word) for text in column for word in str(text).split())
            sheet.column_dimensions[_column_letter(n)].width = min(widest + 2, _WIDEST)
        for n, line in enumerate(itertools.zip_longest(*columns)):
            choices: list[Any] = []
            for text in line:
                cell = WriteOnlyCell(sheet, value=text)
                cell.data_type = "s"
                cell.alignment = wrap
                if n == 0:
                    cell.font = bold
                choices.append(cell if text is not None else None)
            sheet.append(choices)
    info = wb.create_sheet(say("sheet_info", lang) if labels else "Info")
    # printed one page wide; a text's row as high as its lines, which Calc does not work out
    info.sheet_properties.pageSetUpPr.fitToPage = True
    info.page_setup.fitToHeight = 0
    info.column_dimensions["A"].width = 30
    info.column_dimensions["B"].width = INFO_WIDTH
    top = Alignment(vertical="top")
    key = _info_rows(reg, personal, labels, today, lang, centre, sheets)
    computed = say(WIDE_TAIL[0][1], lang) if labels else WIDE_TAIL[0][0]  # formgen's, from there
    key += [
        (
            say("info_fill_head", lang),
            say("info_fill", lang, sheet=choices_title, computed=computed),
        ),
        (say("info_required_head", lang), say("info_required", lang, columns=", ".join(required))),
    ]
    for n, (label, text) in enumerate(key, 1):
        head, body = WriteOnlyCell(info, value=label), WriteOnlyCell(info, value=text)
        head.font, head.alignment, body.alignment = bold, top, wrap
        body.data_type = "s"
        info.row_dimensions[n].height = 15 * -(-len(text) // INFO_WIDTH)
        info.append([head, body])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


CHOICES_SHEET = "Auswahl"
"""The name of the XLSX's sheet of the values each column of choices offers, without
``labels`` (with them, in the language: „Auswahl“, "Choices")."""
REQUIRED_COLOUR = "FFD27F"
"""The fill of the header of a column whose value the schema requires (light orange)."""


def _required(kind: Any) -> bool:
    """Whether a column of :func:`wide_kinds` is one the schema requires: the checklist, a
    field required."""
    return kind == CATEGORY or (isinstance(kind, Field) and kind.required)


INFO_WIDTH = 58
"""The width of the text column of the XLSX's sheet „Info“, in characters."""
_SAMPLE_ROWS = 200
"""The rows of a table that set its columns' widths in the XLSX (:func:`_widths`)."""
_WIDEST = 50
"""The widest column of the XLSX's tables, in characters; a longer text wraps."""


def _widths(rows: list[list[Any]]) -> list[float]:
    """The width of each column of a table in the XLSX, in characters, from its first rows
    (``rows[0]`` the header): its longest line, from 6 to :data:`_WIDEST`; a header wraps at
    its longest word. Without them Excel shows every column 8.4 characters wide, a name of 60
    cut off after its first word."""
    out = []
    for col, head in enumerate(rows[0] if rows else ()):
        lines = [len(word) for word in str(head).split()]
        for row in rows[1:]:
            if col < len(row):
                lines += (len(line) for line in str(row[col]).splitlines())
        out.append(float(min(max([4, *lines]) + 2, _WIDEST)))
    return out


def _info_rows(
    reg: Register,
    personal: bool,
    labels: bool,
    today: dt.date | None,
    lang: str,
    centre: str,
    sheets: tuple[str, str],
) -> list[tuple[str, str]]:
    """The XLSX export's sheet "Info", in ``lang``: (label, text) a row. Readers asked for the
    Stand and a key in the file, not only in its name; the columns are named as the table names
    them (``stale``, with ``labels`` „veraltet“), yes and no as its cells say them. The Stand
    (``today``) and the day the file was made are two (``register export --stand``): the
    entries are stale as of the Stand."""
    made = dt.date.today()
    stand = date_text(today or made, lang)
    said = lang if labels else None
    yes, no = _yes_no(True, said), _yes_no(False, said)
    codes = ("de", "ar")
    example = ", ".join(languages.name(c, lang) for c in codes) if labels else ", ".join(codes)
    columns = {code: say(word, lang) if labels else code for code, word in WIDE_TAIL}
    return [
        (say("print_title", lang), reg.schema.title.get(lang)),
        (say("print_stand", lang), stand),
        (say("info_made", lang), date_text(made, lang)),
        *([(say("info_centre", lang), NOT_IN_XML.sub("", centre))] if centre else []),
        *([("", say("print_no_personal", lang))] if not personal else []),
        ("", say("info_sheets", lang, register=sheets[0], values=sheets[1])),
        (columns["last_confirmed"], say("info_last_confirmed", lang)),
        (columns["stale"], say("info_stale", lang, yes=yes, stand=stand)),
        (columns["confirmed_by_institution"], say("info_by_institution", lang, yes=yes, no=no)),
        (columns["problems"], say("info_problems", lang)),
        ("", say("info_languages", lang, example=example)),
    ]


def _clean(value: str | int) -> str | int:
    """XLSX is XML: a character XML cannot hold (a control character other than tab and line
    breaks) is left out; the CSV and JSON exports keep it."""
    if isinstance(value, str) and NOT_IN_XML.search(value):
        return NOT_IN_XML.sub("", value)
    return value


def _column_letter(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out
