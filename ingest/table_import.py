"""A centre's own list of institutions as the register's starting point (``register import``).

A coordination centre that starts with formgen already keeps a list: institutions with
addresses, phones, contact persons, languages, per checklist. Imported, it fills the register,
so that the first mail round (``formgen mail --from-register``) sends each institution a form
prefilled with what the centre knew, to confirm or correct.

* **The table** is the register's wide table, as ``formgen register export --format csv|xlsx``
  writes it (:func:`ingest.export.wide_rows`): one row per institution and checklist; the
  columns by their ids or, as ``--labels`` writes them, by their labels in a language of the
  schema, with or without the personal columns, or by the names a recipients list gives them
  (:func:`_named`: ``Einrichtung``, ``Straße``, ``Kennung``); its header may stand below a
  title (:func:`ingest.sheet.with_header`). So export → edit in Excel → import round-trips.
  A recipients list's columns for ``formgen mail``, the mails' language and format
  (``Sprache``, ``Format``), are not read, as the register does not hold them, and the report
  says so (:data:`MAIL`): the list a round mailed imports as its note advises.
  The columns the export computes (revision, last confirmed, stale, confirmed by the
  institution, problems, retired) are not read. The file is read by :mod:`ingest.sheet`, as
  a recipients list is: an XLSX from its first sheet (a note names its further sheets that
  hold data, as ``formgen mail`` does, but the export's own sheets of values and its key,
  „Werte“ and „Info“), a CSV as Excel saves it. A file that is no such table (another kind
  of file, a column the table does not have) raises :class:`~formgen.errors.RegisterError`
  naming what is wrong: nothing is imported. So does a file larger than a centre's list, an
  XLSX that fails the checks a returned DOCX passes (zip bomb, XML declaring a DOCTYPE or
  entities), and a CSV with a NUL byte or with
  Windows-1252 bytes among UTF-8 (read as Windows-1252, every ü of it would be garbled).
* **A row** whose ``institution_id`` the register knows updates that institution, and so does
  one giving an id the centre's list gave it (:meth:`ingest.register.Register.list_ids`); an id
  neither knows (the list's own ``Kennung``, ``K-17``; not one as the register numbers its own,
  :data:`FORMGEN_ID`) is kept as the list's id of the institution the row goes to, and so are
  the ids of the export's column :data:`ingest.export.LIST_IDS`. One without an id the register
  knows is matched as a checklist block from someone else
  (:mod:`ingest.matching`: merged into a known one when name and postcode or phone agree, else
  held as a probable duplicate, else a new institution). Values are checked as a returned
  form's are (:func:`ingest.validate.check_typed`: German dates, phone numbers — one Excel
  stored as a number given back its 0 where that is sure, :func:`formgen.recipients.phone_cell`
  —, languages and choices by name or code, lists separated by commas, a choice's label one item though it
  holds a comma or „und“); an invalid value is kept as typed and flagged (held where the
  register holds a valid one). A choice a later
  schema version dropped, as ``--labels`` writes it („Dormagen (nicht mehr in der Auswahl)“)
  or by its earlier label, is the choice the register holds, in a single choice as in a
  multiple one (:func:`_held_choices`). A blank cell changes nothing. A cell holding a
  control character or U+202E (which ``register set`` refuses) is imported as typed, as a
  return's value is, and said once under its row (:func:`_not_typed`).
  A row that cannot be imported (an unknown checklist, neither id nor name, letters lost by
  Excel's plain CSV, a cell it reads holding a formula whose result was never saved, which
  reads as empty) is reported and left out; the others are imported. So is a row of the same
  institution and checklist as an earlier row (the same id; without one, the same name and
  postcode or phone): the first row's values are imported, and a later one, copied in Excel or
  giving other values, names it.
* **The register** merges the file as one submission, one entry return per row, whose
  provenance's reader is :data:`ingest.register.IMPORT` (:meth:`ingest.register.Register.merge`
  says what that changes: never over what the institution gave or confirmed itself or a
  coordinator set by hand, no confirmation). It is journaled like a return and the file archived, so ``register
  rebuild`` makes it again; the same file imported twice changes nothing.

:func:`plan_import` is the core (no files); :func:`import_file` the I/O layer the CLI calls;
:func:`report_lines` what the CLI prints, in the workspace's language.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import random
import re
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from formgen.bounces import address_key
from formgen.errors import FormgenError, RegisterError, SheetError
from formgen.filenames import not_typed
from formgen.filenames import shown as escaped
from formgen.fold import alike_names
from formgen.identity import FormIdentity, new_instance_id
from formgen.messages import (
    WORDS,
    Said,
    SaidJoined,
    date_text,
    in_language,
    problem,
    reason_text,
    say,
    say_count,
)
from formgen.model import (
    INSTITUTION,
    OTHER,
    Field,
    FieldType,
    Schema,
    choice_value,
    name_beside,
    name_key,
)
from formgen.recipients import (
    MAIL_COLUMNS,
    PLAIN_CSV,
    category_ids,
    category_meant,
    column_key,
    columns_meant,
    columns_twice,
    look_alike,
    lost_letters,
    phone_cell,
)
from formgen.record import ERASED_MARK, erased_shown
from formgen.schema_load import did_you_mean
from formgen.workspace import Workspace
from ingest import journal
from ingest.export import (
    CHOICES_SHEET,
    LIST_IDS,
    LIST_IDS_APART,
    RETIRED_COLUMNS,
    WIDE_TAIL,
    wide_columns,
)
from ingest.labels import (
    dropped_option,
    field_label,
    field_of,
    option_names,
    path_label,
    scope_label,
)
from ingest.matching import normalise_name, normalise_phone, normalise_postcode
from ingest.register import (
    IMPORT,
    QUARANTINED,
    Json,
    MergeOutcome,
    Register,
    file_said,
    local_day,
    retired_text,
)
from ingest.sheet import XLSX, Sheet, read_sheet, two_lines_said, with_header
from ingest.submission import Checked, EntryReturn, Provenance, Submission, short
from ingest.validate import check_typed
from ingest.values import allowed, split_list

ID = "institution_id"
FORMGEN_ID = re.compile(r"inst-\d{4,}")
"""An id as the register gives a new institution (``inst-0042``): never kept as a list's own
id, which the register may give another institution one day."""
CATEGORY = "category"
REGION = "region"
NAME = "name"
IGNORED = frozenset({"revision", *(c for c, _ in WIDE_TAIL), *(c for c, _ in RETIRED_COLUMNS)})
"""The columns the export computes: not read."""
EXPORT_SHEETS = frozenset(
    {
        "Werte",
        "Info",
        CHOICES_SHEET,
        *(say(s, lang) for s in ("sheet_values", "sheet_info", "sheet_choices") for lang in WORDS),
    }
)
"""The names of the sheets an XLSX export writes after its table, its values, its key and the
values of its columns of choices (:func:`ingest.export.export_xlsx`): not read, and not named as sheets left out."""


@dataclass(frozen=True)
class Row:
    """One row of the table and what it gives the register."""

    line: int
    """Its line in the file (a CSV's line it starts on; an XLSX's row); the header is line 1
    (2 after a line ``sep=;``)."""
    name: str
    """The institution's name as the row gives it."""
    entry: EntryReturn | None
    """What it gives the register; ``None`` when it cannot be imported (:attr:`skipped`)."""
    skipped: str | None = None
    """Why it cannot be imported, in the language asked for."""
    notes: tuple[str, ...] = ()
    """What else to know about it (a value left out, an id the register does not know)."""
    invalid: tuple[tuple[str, str], ...] = ()
    """Its invalid values, kept as typed: the path and why (a value held for a decision is
    said as held, :func:`report_lines`)."""


@dataclass(frozen=True)
class ImportPlan:
    """A table read and checked against the register: its rows, and the submission to merge."""

    file_name: str
    rows: tuple[Row, ...]
    submission: Submission
    """One entry return per row that can be imported (its block: the row's line)."""
    left_out: tuple[str, ...] = ()
    """The names of a workbook's further sheets that hold data, which are not read."""
    header_below: int | None = None
    """The line of the header when it was found below lines not read (a title:
    :func:`read_table`)."""
    mail_columns: tuple[str, ...] = ()
    """The headers of a recipients list's columns for the mail (``Sprache``, ``Format``), as
    written: not read (:data:`MAIL`)."""
    unread: tuple[str, ...] = ()
    """The headers of the columns the table does not have and that mean none of its own
    (:attr:`Columns.unknown`), quoted: not read."""
    headerless: tuple[str, ...] = ()
    """The columns with values under a blank header, said (:func:`_headerless`): not read."""
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """A header of two lines: each merged cell over several columns and the columns' headers
    as read (:attr:`ingest.sheet.Sheet.groups`)."""


@dataclass(frozen=True)
class Imported:
    """What :func:`import_file` did (or, as a dry run, would do)."""

    plan: ImportPlan
    register: Register
    """The register after the import (as a dry run: in memory only)."""
    outcome: MergeOutcome | None
    """What the merge did; ``None`` when no row could be imported."""
    lang: str
    """The language of the rows' texts and of :func:`report_lines`."""
    dry_run: bool = False


# ---------------------------------------------------------------------- reading the table


def _key(header: object) -> str:
    """A header cell as compared: blanks folded, case ignored, no BOM."""
    return " ".join(str(header or "").replace("\ufeff", " ").split()).casefold()


EXPORT_HINT = Said("table_register_fix")
"""What to do with a file of another kind given as the table."""


def read_table(data: bytes, file_name: str, schema: Schema, encoding: str | None = None) -> Sheet:
    """The header and the rows with their lines (blank rows left out): an XLSX (first sheet),
    else a CSV (:func:`ingest.sheet.read_sheet`); the header in one of the first lines where
    the first holds no column of ``schema``'s table (a title above it:
    :func:`ingest.sheet.with_header`). ``encoding``: a plain CSV's code page as the
    coordinator names it (``--encoding``), not guessed. Raises :class:`RegisterError` for a
    file that is no table, an empty one, one larger than a centre's list is, or a plain CSV
    whose code page its letters do not tell (naming ``--encoding``)."""
    try:
        what = Said("table_what_register")
        sheet = read_sheet(data, file_name, what, EXPORT_HINT, encoding)
    except SheetError as exc:
        said = (
            Said("table_import_unreadable_fix", where=exc.where, what=exc.what, fix=exc.fix)
            if exc.fix
            else Said("table_import_unreadable", where=exc.where, what=exc.what)
        )
        raise RegisterError(said) from None
    if not sheet.header and not sheet.rows:
        empty = "sheet" if sheet.encoding == XLSX else "file"
        raise RegisterError(Said(f"regerr_import_empty_{empty}", file=file_name))
    variants = [variant for _, variant in _variants(schema)]
    names = {g for variant in variants for g in variant}
    wide = {column for variant in variants for column, _ in variant.values()}

    def known(header: str) -> bool:
        listed = column_key(header)
        return _key(header) in names or LIST_COLUMNS.get(listed, listed) in wide

    return with_header(sheet, known)


# ---------------------------------------------------------------------- the header


def _variants(schema: Schema) -> Iterator[tuple[bool, dict[str, tuple[str, str]]]]:
    """The headers the wide export writes, each as whether it is by ids, and header key →
    (column, header as written): by ids (also those a field had before a rename, as an export
    made before the new schema version names its column, and ``id`` for the institution's id,
    as the tables by labels and a recipients list name it), and by labels in each language of
    the schema, with and without personal columns (also those a field had before its label was
    reworded, as a table exported then names its column), also as formgen wrote them until
    2026-11 (the contact person's ``E-Mail`` beside ``Einrichtung › E-Mail``: either may stand),
    each column said as the export writes it now."""
    renamed = {old: new for ids in schema.renamed_ids.values() for old, new in ids.items()}
    fields = {f.id: f for c in schema.categories for f in schema.entry_fields(c.id)}
    fields |= {f.id: f for f in schema.institution_fields()}
    for personal in (True, False):
        keys = wide_columns(schema, personal, with_retired=True, with_list_ids=True)
        earlier = {
            old + k[len(new) :]: k
            for k in keys
            for old, new in renamed.items()
            if k.partition(".")[0] == new
        }
        ids = {_key(k): (k, k) for k in keys} | {_key(o): (k, o) for o, k in earlier.items()}
        yield True, {"id": (ID, "id")} | ids
        for lang in schema.languages:
            names = wide_columns(schema, personal, True, lang, True, with_list_ids=True)
            before: dict[str, tuple[str, str]] = {}
            for n, k in zip(names, keys, strict=True):
                f = fields.get(k.partition(".")[0])
                now, *was = f.labels(lang) if f else ("",)
                for old in was if now and now in n else ():
                    before[_key(n.replace(now, old, 1))] = (k, n.replace(now, old, 1))
            then = wide_columns(schema, personal, True, lang, True, True, with_list_ids=True)
            before |= {_key(b): (k, n) for b, n, k in zip(then, names, keys, strict=True)}
            yield False, before | {_key(n): (k, n) for n, k in zip(names, keys, strict=True)}


class Columns(NamedTuple):
    """What :func:`columns` reads of a table's header."""

    read: list[str | None]
    """The column of each header cell (``None``: none read)."""
    unknown: tuple[int, ...] = ()
    """Where the headers stand that name no column of the table nor one it may mean (a
    centre's own ``Notizen``): not read, and said so."""


def columns(schema: Schema, header: list[str], file_name: str) -> Columns:
    """The column of each header cell (``None``: a blank header); the header variant that
    names most of them (the ids, where labels name as many: ``name`` is the institution's name
    by ids, its contact person's by English labels; else the one that leaves out fewest of its
    own; naming none, the first by labels); a recipients list's column for the mail
    (``Sprache``) as :data:`MAIL`'s; a column the table does not have and that means none of
    its own (``Notizen``) is not read (:attr:`Columns.unknown`). Raises
    :class:`RegisterError` for a column the table does not have that may mean one of its own
    (named with it: ``Tel.``, ``Strase``), one named twice, or a table without id and name."""
    given = [_key(h) for h in header]
    best: dict[str, tuple[str, str]] = {}
    score = (-1, False, 0)
    variants = list(_variants(schema))
    for by_ids, variant in variants:
        found = [g for g in given if g in variant]
        # naming none (a centre's own list, read by a recipients list's names): by labels,
        # which the suggestions for its other columns then name
        now = (
            (len(found), by_ids, -len(set(variant) - set(found))) if found else (0, False, -by_ids)
        )
        if now > score:
            best, score = variant, now
    written = {column: shown for column, shown in best.values()}
    # the personal columns as the variant names them (the best may be the one without them)
    wider = next(v for _, v in variants if set(best) <= set(v))
    named_anyhow = {column: shown for column, shown in wider.values()} | written
    meaning = {
        g: column for _, v in reversed(variants) for g, (column, _) in v.items()
    }  # the first

    def hint(i: int, h: str, g: str) -> str:
        """This table's header of the column another table names ``h`` (``institution_id``
        among labels: ``ID``) or a word for it means (``Ansprechpartner/in``: the contact
        person's name), else the header that begins with ``h`` or holds it as a word
        (``Straße``: ``Straße und Hausnummer``), else the closest header, never ``h``
        itself, else the column of a recipients list close to it (:func:`columns_meant`:
        ``Strase``, ``Webseite``, ``Sprahce``) as this table names it."""
        column = meaning.get(g) or SYNONYMS.get(re.sub(r"\W+", "", g))
        if (same := named_anyhow.get(column or "")) is not None:
            return Said("import_did_you_mean", name=same)
        free = [n for c, n in written.items() if c not in out]  # never one the file has
        words = set(g.split())
        holding = [n for n in free if words <= set(_key(n).split())]
        if holding:
            return Said("import_did_you_mean", name=min(holding, key=len))
        before = [
            n
            for lang in schema.languages
            for n in wide_columns(schema, True, True, lang, True, before=True)
        ]
        every = [
            s for s in [*(s for _, v in variants for _, s in v.values()), *before] if _key(s) != g
        ]
        if close := did_you_mean(h, free):
            return close
        if (listed := meant.get(i)) in MAIL_COLUMNS:
            return Said("import_did_you_mean", name=Said(f"mail_column_{listed}"))
        if (same := written.get(LIST_COLUMNS.get(listed or "", listed or ""))) is not None:
            return Said("import_did_you_mean", name=same)
        return did_you_mean(h, every)

    own = {best[g][0] for g in given if g in best}
    out = [
        _named(h, best.get(g), own, written) or _mail_column(h) if g else None
        for h, g in zip(header, given, strict=True)
    ]
    meant = columns_meant(header, schema)
    if not any(out):
        shown = ", ".join(f"'{short(h, 30)}'" for h in header[:6] if h.strip())
        raise RegisterError(
            Said("regerr_import_not_table", file=file_name, shown=shown or Said("regerr_none"))
        )
    hints = {
        i: hint(i, h.strip(), g)
        for i, (h, g, col) in enumerate(zip(header, given, out, strict=True))
        if g and col is None
    }
    unknown = [
        Said("regerr_import_column", column=header[i].strip(), hint=said)
        for i, said in hints.items()
        if said
    ]
    if unknown:
        key = (
            "regerr_import_unknown_columns" if len(unknown) > 1 else "regerr_import_unknown_column"
        )
        raise RegisterError(Said(key, file=file_name, columns=SaidJoined(unknown)))
    twice = columns_twice(header, out)
    if twice:
        said = Said("table_import_twice", file=file_name, twice=SaidJoined(twice, "; "))
        raise RegisterError(said)
    if ID not in out and NAME not in out:
        raise RegisterError(Said("regerr_import_no_id", file=file_name, id=ID, name=NAME))
    return Columns(out, tuple(i for i, said in hints.items() if not said))


ADDRESS = re.compile(r"(.*[^\s,])\s*,\s*(\d{5})\s+(\S.*)")
"""A whole address in one cell: „Kölner Str. 5, 40210 Düsseldorf“ (street, PLZ, Ort)."""
SYNONYMS = {
    "ansprechpartnerin": "contact_name",
    "ansprechpartner": "contact_name",
    "ansprechperson": "contact_name",
    "kontaktperson": "contact_name",
    "contactperson": "contact_name",
    "anschrift": "street",
    "adresse": "street",
    "address": "street",
    "bereich": CATEGORY,
    "nr": ID,  # a list's own number, or a row's running one: said, not read as its id
    "art": CATEGORY,
    "typ": CATEGORY,
    "einrichtungsart": CATEGORY,
    "angebot": CATEGORY,
    "tel": "phone",
    "telnr": "phone",
    "telefonnummer": "phone",
    "fon": "phone",
}
"""Header words of a centre's own list (letters only, lower case) and the column they may mean:
said as a suggestion, not read as it (``Ansprechpartner/in`` may be a name or a phone)."""
LIST_COLUMNS = {"id": ID, "institution": NAME, "categories": CATEGORY}
"""A recipients list's columns (:func:`formgen.recipients.column_key`) that the register's
table names otherwise; its others are the institution's fields' ids."""


MAIL = {key: f"mail {key}" for key in MAIL_COLUMNS}
"""A recipients list's columns for ``formgen mail``, the mail's language and its forms' format
(``Sprache``, ``Format``), as the table's columns (no field's id: it has a blank): not read,
as the register does not hold them, and said so (:attr:`ImportPlan.mail_columns`)."""


def _mail_column(header: str) -> str | None:
    """The column of ``header`` where it names a recipients list's column for the mail."""
    return MAIL.get(column_key(header))


def _named(
    header: str, named: tuple[str, str] | None, own: set[str], written: dict[str, str]
) -> str | None:
    """The column of ``header``: as the register's table names it (``named``), or as a
    recipients list names it (``Einrichtung``, ``Straße``, ``Kennung``), so that both read a
    centre's own list alike. A header naming one of the contact person's columns as formgen
    wrote them until 2026-11 (``E-Mail``, ``Telefon``) is the institution's column it names
    in a recipients list where the table has no column of the institution's by its own name
    (``own``: the columns named so): a centre's list means its institution's e-mail, an
    export beside ``Einrichtung › E-Mail`` its contact person's. ``written``: the columns of
    the table as the header variant names them."""
    listed = column_key(header)
    listed = LIST_COLUMNS.get(listed, listed)
    if listed in written and listed not in own:
        return listed
    return named[0] if named else None


# ---------------------------------------------------------------------- the rows


@dataclass
class _Reading:
    """What reading the rows one by one needs to remember."""

    reg: Register
    lang: str
    encoding: str
    today: dt.date | None
    names: bool
    """Whether the table has the column of the institution's name."""
    changed: dict[tuple[str, str], tuple[int, Checked]] = field(default_factory=dict)
    """(institution, field) → the first row that changes that institution field, and its value."""
    first: dict[tuple[str | None, ...], int] = field(default_factory=dict)
    """An institution and checklist (:func:`_same`) → the line of the first row imported for it."""
    listed: dict[str, str] = field(default_factory=dict)
    """The ids the centre's lists gave institutions → theirs (:meth:`Register.listed`)."""


def _stored(c: Checked) -> Json:
    """``c`` as the register stores it, why it is invalid too: :meth:`Register.same` holds a
    choice a later schema version dropped, stored valid before, the same however typed."""
    said = c.problem.to_json() if c.problem is not None else {}
    return {"v": c.value if c.problem is None else None, "raw": c.raw, **said}


def _holds(reg: Register, iid: str, path: str, c: Checked) -> bool:
    """Whether the register holds ``c`` at ``path`` as it is: not where it holds the same text
    flagged (by an earlier formgen) that is valid now (``DE-40212``), which the merge may take
    (:meth:`Register._plan`)."""
    held = reg.value(iid, path)
    flagged = held is not None and "problem" in held and c.problem is None
    return not flagged and reg.same(path, held, _stored(c))


def _shows_held(reg: Register, iid: str | None, path: str, text: str) -> bool:
    """Whether ``text``, a cell holding an erased value's marker or the word for it
    („(gelöscht)“), is the value ``iid`` holds at ``path`` as an export shows it
    (:func:`formgen.record.erased_shown`, in any language) or as stored."""
    held = reg.value(iid, path) if iid is not None else None
    if held is None:
        return False
    raw = str(held.get("raw", ""))
    return " ".join(text.split()) in {" ".join(erased_shown(raw, k).split()) for k in WORDS} | {
        " ".join(raw.split())
    }


def _category(schema: Schema, text: str) -> str | None:
    try:
        return schema.category_named(text).id
    except FormgenError:
        return None


def _row(
    r: _Reading, line: int, cells: dict[str, str], given_id: str, text_category: str, listed: str
) -> Row:
    """One row checked: its entry return, or why it cannot be imported."""
    schema, lang = r.reg.schema, r.lang
    name = cells.get(NAME, "").strip()

    def skip(key: str, **args: str | int) -> Row:
        return Row(line, name, None, say(key, lang, **args))

    if r.encoding in PLAIN_CSV:
        lost = next((v for v in cells.values() if lost_letters(v)), None)
        if lost is not None:
            return skip("import_why_lost", value=short(lost, 40))
    category = None
    if text_category:
        category = _category(schema, text_category)
        if category is None:
            names = [n for c in schema.categories for n in (c.id, c.label.get(lang))]
            close = difflib.get_close_matches(text_category, names, n=1)
            meant = category_meant(schema, text_category, lang) or (close[0] if close else "")
            hint = say("import_did_you_mean", lang, name=meant) if meant else ""
            return skip("import_why_category", text=short(text_category, 40), hint=hint)
    notes: list[str] = []
    address = ADDRESS.fullmatch(cells.get("street", ""))
    if address and not (cells.get("postcode") or cells.get("city")):
        street, cells["postcode"], cells["city"] = address.groups()
        notes.append(
            say(
                "import_address_split",
                lang,
                value=short(cells["street"], 80),
                street=street,
                postcode=cells["postcode"],
                city=cells["city"],
            )
        )
        cells["street"] = street
    notes.extend(in_language(said, lang) for v in cells.values() if (said := look_alike(v)))
    # the list's own ids: its id where the register has none such, and those the export wrote
    list_ids = [
        lid
        for lid in dict.fromkeys([given_id, *(p.strip() for p in listed.split(LIST_IDS_APART))])
        if lid and lid not in r.reg.institutions and not FORMGEN_ID.fullmatch(lid)
    ]
    iid = given_id if given_id in r.reg.institutions else None
    iid = iid or next((r.listed[lid] for lid in list_ids if lid in r.listed), None)
    if iid is None and given_id in list_ids:
        notes.append(say("import_list_id_kept", lang, id=short(given_id, 40)))
    elif given_id and iid is None:
        notes.append(say("import_unknown_id", lang, id=short(given_id, 40)))
    inst_fields = {f.id: f for f in schema.institution_fields()}
    entry_fields = {f.id: f for f in schema.entry_fields(category)} if category else {}
    everywhere = {f.id: f for c in schema.categories for f in c.entry_fields}
    wanted: dict[str, Field] = {}
    for key in cells:
        fid = key.partition(".")[0]
        f = inst_fields.get(fid) or entry_fields.get(fid) or everywhere.get(fid)
        if f is not None:
            wanted.setdefault(fid, f)
    institution: dict[str, Checked] = {}
    entry: dict[str, Checked] = {}
    without: list[str] = []
    for fid, f in wanted.items():
        text = ", ".join(t for t in (cells.get(fid, ""), cells.get(f"{fid}.{OTHER}", "")) if t)
        if fid in inst_fields:
            into = institution
        elif not category:
            without.append(fid)
            continue
        elif fid not in entry_fields:
            label = path_label(schema, f"{category}.{fid}", lang)
            where = scope_label(schema, category, lang)
            notes.append(
                say("import_no_place", lang, field=label, value=short(text, 40), category=where)
            )
            continue
        else:
            into = entry
        if ERASED_MARK.search(text) or any(w["erased"] in text for w in WORDS.values()):
            # as an export shows an erased value: the register's as it is, never a new one
            path = f"{INSTITUTION if into is institution else category}.{fid}"
            if not _shows_held(r.reg, iid, path, text):
                field = path_label(schema, path, lang)
                notes.append(say("import_erased_cell", lang, field=field, value=short(text, 40)))
            continue
        if f.type is FieldType.SELECT_ONE:  # a choice no longer offered, as --labels writes it
            text = dropped_option(f, text, r.reg.kept) or text
        if f.type is FieldType.PHONE:
            text = phone_cell(text)
        if f.type is FieldType.SELECT_MULTIPLE:
            into.update(_held_choices(f, text, r))
        elif fid == REGION and choice_value(f, text) is None and schema.region_value(text):
            # as a recipients list reads it („Rhein-Kreis Neuss“), kept as typed
            into[fid] = Checked(text, schema.region_value(text))
        else:
            into.update(check_typed(f, text, r.today))
    if without:
        fields = ", ".join(field_label(wanted[fid], fid, lang) for fid in without)
        return skip("import_why_no_category", fields=fields, column=say("col_category", lang))
    if iid is not None and NAME in institution and _another(r.reg, iid, institution):
        held, typed = r.reg.name_of(iid), institution[NAME].text
        return skip("import_why_other_id", id=iid, other=short(held, 60), name=short(typed, 60))
    if not institution.get("email") and not (iid and r.reg.value(iid, f"{INSTITUTION}.email")):
        given = [f for f in entry_fields.values() if f.type is FieldType.EMAIL and f.id in entry]
        if given:  # the mailing writes to the institution's address only
            notes.append(
                say(
                    "import_contact_email",
                    lang,
                    field=_header_name(schema, given[0].id, lang),
                    email=_header_name(schema, "email", lang),
                )
            )
    if iid is None and not (institution.get(NAME) and institution[NAME].raw.strip()):
        if r.names:
            return skip("import_why_no_name")
        return skip("import_why_no_name_column", column=inst_fields[NAME].label.get(lang))
    same = _same(iid or next(iter(list_ids), None), category, institution)
    earlier = min((r.first[k] for k in same if k in r.first), default=None)
    if earlier is not None:
        return skip("import_why_repeated", first=earlier)
    for k in same:
        r.first[k] = line
    if iid is not None:
        notes.extend(_changes_only(r, line, iid, institution, category, entry))
    invalid = [
        (f"{scope}.{key}", c.problem.in_language(lang))
        for scope, values in ((INSTITUTION, institution), (category or INSTITUTION, entry))
        for key, c in values.items()
        if c.problem is not None
    ]
    name = name or r.reg.name_of(iid or "")
    return Row(
        line,
        name,
        EntryReturn(iid, category, line, institution, entry, tuple(list_ids)),
        notes=tuple(notes),
        invalid=tuple(invalid),
    )


def _region_wanted(reg: Register, iid: str) -> tuple[str, str | None] | None:
    """Whether the region of ``iid`` is to be said after the import: none where the schema
    requires one, or a town given as the region („Neuss“), as the town and the region it lies
    in (:meth:`~formgen.model.Schema.region_of_town`; ``None``: no town, or none it lies in,
    where the schema requires one); ``None``: nothing to say (also for a retired institution,
    which ``register set`` refuses)."""
    schema = reg.schema
    f = next((f for f in schema.institution_fields() if f.id == REGION), None)
    if f is None or not schema.regions or reg.retired(iid) is not None:
        return None
    held = reg.value(iid, f"{INSTITUTION}.{REGION}") or {}
    if held.get("v") and "problem" not in held:
        return None
    raw = str(held.get("raw") or "").strip()
    city = reg.value(iid, f"{INSTITUTION}.city") or {}
    town = raw or str(city.get("v") or city.get("raw") or "").strip()
    value = schema.region_of_town(town) if town else None
    if value is None and (raw or not f.required):
        return None
    return town, value


def _region_offers(
    reg: Register, towns: Mapping[tuple[str, str], list[str]], lang: str
) -> list[str]:
    """A line for each town and region → the institutions whose region is wanted there
    (:func:`_region_wanted`): how many, the region it lies in and the one command that sets it
    for them all, never set without the coordinator."""
    schema = reg.schema
    field = _region_label(schema, lang)
    lines = []
    for (town, value), ids in towns.items():
        note = shlex.quote(say("import_region_note", lang, town=town))
        command = (
            f"formgen register set {','.join(ids)} {INSTITUTION}.{REGION} {value} --note {note}"
        )
        said = say_count(
            "import_region_towns",
            lang,
            len(ids),
            field=field,
            town=short(town, 40),
            region=schema.region_label(value, lang),
            command=command,
        )
        lines.append(said)
    return lines


def _region_label(schema: Schema, lang: str) -> str:
    """The region field's label in ``lang`` („Versorgungsregion“)."""
    return field_label(field_of(schema, INSTITUTION, REGION), REGION, lang)


def _regions_said(schema: Schema, lang: str) -> str:
    """The regions one may set, each its value and, where that is not it, its name in ``lang``:
    ``dormagen, neuss_meerbusch (Rhein-Kreis Neuss (Neuss, Meerbusch))``."""
    said = ((r.value, name_beside(r.value, r.label, lang)) for r in schema.regions)
    return ", ".join(f"{value} ({name})" if name else value for value, name in said)


def _header_name(schema: Schema, column: str, lang: str) -> str:
    """The header of ``column`` in the table ``register export --labels`` writes in ``lang``."""
    names = wide_columns(schema, labels=True, lang=lang)
    return dict(zip(wide_columns(schema), names, strict=True))[column]


def _held_choices(f: Field, text: str, r: _Reading) -> dict[str, Checked]:
    """The multiple choice ``text`` of ``f`` checked, with the items naming a choice the
    schema no longer offers (:func:`~ingest.labels.dropped_option`: „Telefonberatung (nicht mehr
    in der Auswahl)“) read as that choice, not as the field's "other" text: the list by its
    values in the order given, kept as typed and flagged, as a single choice no longer offered
    is (so it is the same as the list the register holds, :meth:`Register.same`)."""
    items = split_list(text, option_names(f, r.reg.kept))
    dropped = {item: code for item in items if (code := dropped_option(f, item, r.reg.kept))}
    if not dropped:
        return check_typed(f, text, r.today)
    out = check_typed(f, ", ".join(i for i in items if i not in dropped), r.today)
    codes = dict.fromkeys(c for i in items if (c := dropped.get(i) or choice_value(f, i)))
    said = problem("choice_labels", raw=", ".join(dropped.values()), allowed=allowed(f))
    out[f.id] = Checked(", ".join(codes), None, said)
    return out


def _same(
    iid: str | None, category: str | None, institution: dict[str, Checked]
) -> list[tuple[str | None, ...]]:
    """What makes two rows the same institution and checklist: the register's id, or, without
    one, the name (:func:`ingest.matching.normalise_name`) and the postcode or the phone, as
    the register matches a checklist without an id."""
    if iid is not None:
        return [(category, iid)]

    def text(key: str) -> str:
        c = institution.get(key)
        return c.text if c else ""

    name = normalise_name(text(NAME))
    places = (
        ("postcode", normalise_postcode(text("postcode"))),
        ("phone", normalise_phone(text("phone"))),
    )
    return [(category, name, kind, place) for kind, place in places if name and place]


def _another(reg: Register, iid: str, institution: Mapping[str, Checked]) -> bool:
    """Whether a row giving ``iid`` is of another institution than the register's: a name not
    alike (:func:`~formgen.fold.alike_names`) and neither its e-mail address nor its phone
    number (an id copied into the wrong row, or a self-made one given again)."""
    if alike_names(reg.name_of(iid), institution[NAME].text):
        return False
    for key, same in (("email", address_key), ("phone", normalise_phone)):
        held, given = reg.value(iid, f"{INSTITUTION}.{key}"), institution.get(key)
        held_text = str((held or {}).get("v") or (held or {}).get("raw") or "")
        if given is not None and (key_held := same(held_text)) and key_held == same(given.text):
            return False
    return True


def _changes_only(
    r: _Reading,
    line: int,
    iid: str,
    institution: dict[str, Checked],
    category: str | None,
    entry: dict[str, Checked],
) -> list[str]:
    """What a row of a known institution changes: the values the register holds as they are
    are left out (so only new invalid values are reported; the table repeats the institution's
    own fields in each of its rows, and a value corrected in one row is not undone by the
    next), and an institution field another row of it gave otherwise first is left out too,
    with a note."""
    for key, c in list(entry.items()):
        if category and _holds(r.reg, iid, f"{category}.{key}", c):
            del entry[key]
    notes = []
    for key, c in list(institution.items()):
        path = f"{INSTITUTION}.{key}"
        if _holds(r.reg, iid, path, c):
            del institution[key]
            continue
        first_line, first = r.changed.setdefault((iid, key), (line, c))
        if first_line != line and not r.reg.same(path, _stored(first), _stored(c)):
            del institution[key]
            notes.append(
                say(
                    "import_differs",
                    r.lang,
                    field=path_label(r.reg.schema, path, r.lang),
                    value=short(c.raw, 40),
                    first=first_line,
                    other=short(first.raw, 40),
                )
            )
    return notes


def plan_import(
    reg: Register,
    data: bytes,
    file_name: str,
    note: str | None = None,
    lang: str = "de",
    today: dt.date | None = None,
    table: Sheet | None = None,
) -> ImportPlan:
    """Read the table ``data`` (named ``file_name``; ``table``: as :func:`read_table` read it
    already) and check each row against ``reg``: the rows, each with its entry return or why it
    cannot be imported (in ``lang``), and the submission to merge. ``today``: the day its dates
    must not lie too far after (default: today; :func:`~ingest.validate.check_typed`). Raises :class:`RegisterError` for a file that is no
    such table (see the module docstring); ``reg`` is not changed."""
    sheet = table or read_table(data, file_name, reg.schema)
    cols, unknown = columns(reg.schema, sheet.header, file_name)
    unread = IGNORED | set(MAIL.values())
    read = [i for i, col in enumerate(cols) if col is not None and col not in unread]
    types = {f.id: f.type for c in reg.schema.categories for f in c.entry_fields}
    types |= {f.id: f.type for f in reg.schema.institution_fields()}
    text = [i for i in read if types.get(str(cols[i]).partition(".")[0]) != FieldType.YES_NO_NONE]
    reading = _Reading(reg, lang, sheet.encoding, today, NAME in cols, listed=reg.listed())
    rows: list[Row] = []
    for line, cells in sheet.rows:
        if len(cells) > len(cols) and any(c.strip() for c in cells[len(cols) :]):
            why = say("import_why_columns", lang, n=len(cells), m=len(cols))
            rows.append(Row(line, "", None, why))
            continue
        named = {
            col: text.strip()
            for col, text in zip(cols, cells, strict=False)
            if col is not None and col not in unread and text.strip()
        }
        if footer := _footer(named, any((line, i) in sheet.formulas for i in read), lang):
            rows.append(Row(line, named.get(NAME, ""), None, footer))
            continue
        formulas = [i for i in read if (line, i) in sheet.unsaved]
        if formulas:  # it reads as empty: never imported as if the cell were blank
            shown = ", ".join(
                say("quoted", lang, value=short(sheet.header[i].strip(), 40)) for i in formulas
            )
            why = say_count("import_why_formula", lang, len(formulas), columns=shown)
            rows.append(Row(line, "", None, why))
            continue
        yes_no = [i for i in text if (line, i) in sheet.yes_no]
        if yes_no:  # TRUE reads as 'ja': no name, street or id
            shown = ", ".join(
                say("quoted", lang, value=short(sheet.header[i].strip(), 40)) for i in yes_no
            )
            why = say_count("import_why_yes_no", lang, len(yes_no), columns=shown)
            rows.append(Row(line, "", None, why))
            continue
        given_id, listed = named.pop(ID, ""), named.pop(LIST_IDS, "")
        text_category = named.pop(CATEGORY, "")
        several = _category(reg.schema, text_category) is None and text_category
        # several checklists in one cell, as a recipients list gives them: a row for each
        ids = (several and category_ids(text_category, reg.schema)) or ()
        odd = _not_typed(sheet, read, cells, lang)  # said once: under its first row imported
        for category in ids or [text_category]:
            row = _row(reading, line, dict(named), given_id, category, listed)
            if ids:
                label = reg.schema.category_label(category, lang)
                said = say("import_split", lang, checklist=label, n=len(ids), cell=text_category)
                row = replace(row, notes=(*row.notes, said))
            if odd and row.entry is not None:
                row, odd = replace(row, notes=(*odd, *row.notes)), []
            rows.append(row)
    entries = tuple(r.entry for r in rows if r.entry is not None)
    sha = hashlib.sha256(data).hexdigest()
    identity = FormIdentity(
        schema_id=reg.schema.schema_id,
        schema_version=reg.schema.schema_version,
        instance_id=new_instance_id(random.Random(sha)),  # the same file, the same id
        kind="checklist",  # no form: nothing the institution itself said
        categories=tuple(dict.fromkeys(e.category for e in entries if e.category)),
    )
    provenance = Provenance(file_name, sha, len(data), IMPORT, note=note)
    submission = Submission(identity, provenance, "high", entries)
    left_out = tuple(n for n in sheet.left_out if n not in EXPORT_SHEETS)
    below = sheet.header_line if sheet.titled else None
    mail = tuple(h for h, col in zip(sheet.header, cols, strict=True) if col in MAIL.values())
    own = tuple(say("quoted", lang, value=short(sheet.header[i].strip(), 40)) for i in unknown)
    return ImportPlan(
        file_name,
        tuple(rows),
        submission,
        left_out,
        below,
        mail,
        own,
        _headerless(sheet, lang),
        sheet.groups,
    )


def _not_typed(sheet: Sheet, read: list[int], cells: list[str], lang: str) -> list[str]:
    """A note for each cell read that holds a control character or U+202E
    (:func:`formgen.filenames.not_typed`): its column, the character and the value as escapes.
    The value is imported as typed, as a return's is (``register set`` refuses such a value), and
    every output shows it escaped (:func:`formgen.filenames.terminal`)."""
    notes = []
    for i in read:
        value = cells[i].strip() if i < len(cells) else ""
        if odd := not_typed(value):
            kind, char = odd
            column = short(sheet.header[i].strip(), 40)
            notes.append(
                say(
                    f"import_{kind}",
                    lang,
                    column=column,
                    char=char,
                    value=escaped(short(value, 40)),
                )
            )
    return notes


TOTAL = re.compile(
    r"(?:zwischen)?summen?|gesamt|insgesamt|total|sum|anzahl|stand|quelle|anmerkung|hinweis",
    re.IGNORECASE,
)
"""The first word of a row under a centre's list that is no institution: a total („Summe: 6
Einrichtungen“, „Gesamt“), the list's date or a remark („Stand: 03/2025“, „Hinweis: …“)."""
PLACES = ("email", "street", "postcode", "phone", "website")
"""The columns of which a total or a remark under the list holds none."""


def _footer(named: Mapping[str, str], formula: bool, lang: str) -> str | None:
    """Why a row is a total or a remark under the list, no institution (``None``: it may be
    one): it gives no id, checklist, address, phone or e-mail, and its name starts with a word
    such as „Summe“ (:data:`TOTAL`) or one of its cells holds a formula (``formula``)."""
    if any(named.get(column) for column in (ID, LIST_IDS, CATEGORY, *PLACES)):
        return None
    name = named.get(NAME, "")
    first = re.match(r"\w+", name)
    if first and TOTAL.fullmatch(first[0]):
        return say("import_why_total", lang, name=short(name, 60))
    if formula:
        return say("import_why_total_formula", lang, name=short(name, 60))
    return None


def _headerless(sheet: Sheet, lang: str) -> tuple[str, ...]:
    """The columns with values under a blank header (a merged cell over data, a column added
    beside the table), each with how many rows give one: not read, and said so."""
    from openpyxl.utils.cell import get_column_letter

    out = []
    for i, header in enumerate(sheet.header):
        if header.strip():
            continue
        n = sum(1 for _, cells in sheet.rows if i < len(cells) and cells[i].strip())
        if n:
            said = say_count("import_headerless", lang, n, column=get_column_letter(i + 1))
            out.append(said)
    return tuple(out)


# ---------------------------------------------------------------------- the I/O layer


def import_file(
    ws: Workspace,
    data: bytes,
    file_name: str,
    note: str | None = None,
    dry_run: bool = False,
    encoding: str | None = None,
) -> Imported:
    """Import the table ``data`` into the workspace's register: the file archived, the merge
    journaled (:func:`ingest.journal.writing`). With ``dry_run``, on the register in memory:
    nothing is written. ``encoding``: as :func:`read_table` takes it. Raises
    :class:`RegisterError` for a file that is no such table; nothing is changed then."""
    lang = ws.language
    if dry_run:
        reg = journal.load_to_change(ws)
        table = read_table(data, file_name, reg.schema, encoding)
        plan = plan_import(reg, data, file_name, note, lang, table=table)
        entries = plan.submission.entries
        ids = journal.given(ws)
        outcome = (
            reg.merge(plan.submission, first_new=ids.first_new, named=ids.named)
            if entries
            else None
        )
        return Imported(plan, reg, _merged(outcome, file_name), lang, dry_run=True)
    # a file that is no such table is refused before the register is opened for writing (which
    # makes register.json and the journal in a workspace that has none yet)
    table = read_table(data, file_name, ws.schema(), encoding)
    columns(ws.schema(), table.header, file_name)  # refused before the register is opened
    with journal.writing(ws) as writer:
        plan = plan_import(writer.register, data, file_name, note, lang, table=table)
        outcome = None
        if plan.submission.entries:
            journal.archive(ws, data, plan.submission.provenance.sha256)
            outcome = writer.merge(plan.submission)
        return Imported(plan, writer.register, _merged(outcome, file_name), lang)


def _merged(outcome: MergeOutcome | None, file_name: str) -> MergeOutcome | None:
    """``outcome``, unless the register refused the whole file (nothing was merged then)."""
    if outcome is not None and outcome.status == QUARANTINED:
        raise RegisterError(
            Said("regerr_import_refused", file=file_name, reason=outcome.reason or "")
        )
    return outcome


# ---------------------------------------------------------------------- what the CLI says


def report_lines(done: Imported) -> list[str]:
    """The notes on the file (a header below a title, further sheets, a recipients list's
    columns for the mail), a line per row (and below it its invalid values, held values and
    notes), then the counts, the region offered for each town (:func:`_region_offers`) and what
    to do next, in the workspace's language."""
    reg, plan, outcome, lang = done.register, done.plan, done.outcome, done.lang
    lines: list[str] = []
    if plan.header_below is not None:
        lines.append(say("table_header_at", lang, file=plan.file_name, line=plan.header_below))
    if plan.left_out:
        sheets = ", ".join(say("quoted", lang, value=n) for n in plan.left_out)
        lines.append(
            say_count(
                "import_left_out", lang, len(plan.left_out), file=plan.file_name, sheets=sheets
            )
        )
    lines.extend(two_lines_said(plan.groups, plan.header_below or 1, plan.file_name, lang))
    if plan.unread:
        lines.append(
            say_count(
                "import_unread",
                lang,
                len(plan.unread),
                file=plan.file_name,
                columns=", ".join(plan.unread),
            )
        )
    lines.extend(
        say("import_headerless_note", lang, file=plan.file_name, column=said)
        for said in plan.headerless
    )
    if plan.mail_columns:
        shown = ", ".join(
            say("quoted", lang, value=short(h.strip(), 40)) for h in plan.mail_columns
        )
        quoted = shlex.quote(plan.file_name)
        lines.append(
            say("import_mail_columns", lang, file=plan.file_name, columns=shown, quoted=quoted)
        )
    if outcome is not None and outcome.already_ingested:
        src = reg.source(plan.submission.provenance.sha256)
        day = local_day(src.get("ingested_at"))
        return [
            *lines,
            say(
                "import_again",
                lang,
                file=plan.file_name,
                date=date_text(day, lang) if day else "?",
                earlier=file_said(src).in_language(lang),
            ),
        ]
    merged = iter(outcome.entries if outcome is not None else ())
    told: set[str] = set()  # the institutions whose region was looked at
    without: list[str] = []  # those without the region the schema requires, no town to offer
    towns: dict[tuple[str, str], list[str]] = {}  # town, region → those it is offered to
    spelled: dict[tuple[str, str], str] = {}  # name_key(town), region → the town as first given
    counts = dict.fromkeys(("new", "updated", "unchanged", "duplicates", "skipped"), 0)
    invalid = held = 0
    for row in plan.rows:
        waits: set[str] = set()  # the paths held for a decision (a probable duplicate: all)
        if row.entry is None:
            counts["skipped"] += 1
            lines.append(say("import_skipped", lang, line=row.line, why=row.skipped or ""))
            continue
        did = next(merged)
        if did.duplicate is not None:
            waits = {path for path, _why in row.invalid}
            counts["duplicates"] += 1
            dup = reg.data["duplicates"].get(did.duplicate, {})
            lines.append(
                say(
                    "import_duplicate",
                    lang,
                    line=row.line,
                    name=short(row.name, 80),
                    did=did.duplicate,
                    candidate=did.candidate or "?",
                    candidate_name=short(reg.name_of(did.candidate or ""), 80),
                    reason=reason_text(dup, lang),
                )
            )
        else:
            iid = did.institution or "?"
            if did.created:
                kind, status = "new", say("import_status_new", lang)
            elif did.changes:
                kind = "updated"
                status = say_count("import_status_updated", lang, did.changes)
            else:
                kind, status = "unchanged", say("import_status_unchanged", lang)
            counts[kind] += 1
            if did.matched:
                status = say("import_matched", lang, status=status)
            lines.append(
                say(
                    "import_row",
                    lang,
                    line=row.line,
                    iid=iid,
                    name=short(reg.name_of(iid), 80),
                    status=status,
                )
            )
            given = row.entry.institution_id
            if given and given != iid and reg.merged_into(given) == iid:
                day = local_day((reg.retired(given) or {}).get("at"))
                date = date_text(day, lang) if day else "?"
                said = say("import_merged_into", lang, iid=given, keep=iid, date=date)
                lines.append(f"  {said}")
            for cid in did.conflicts:
                c = reg.data["conflicts"][cid]
                waits.add(c["path"])
                lines.append(
                    "  "
                    + say(
                        "import_held",
                        lang,
                        field=path_label(reg.schema, c["path"], lang),
                        cid=cid,
                        why=reason_text(c, lang),
                    )
                )
            held += len(did.conflicts)
            if (retired := reg.retired(iid)) is not None:
                said = say("import_retired", lang, iid=iid, retired=retired_text(retired, lang))
                lines.append(f"  {said}")
            if iid not in told and (wanted := _region_wanted(reg, iid)) is not None:
                town, value = wanted
                if value is None:
                    without.append(iid)
                else:  # one line for each town, „Köln“ and „KÖLN“ alike
                    town = spelled.setdefault((name_key(town), value), town)
                    towns.setdefault((town, value), []).append(iid)
            told.add(iid)
        for path, why in row.invalid:  # as stored: kept as typed, or held with the rest
            kept = path not in waits
            invalid += kept
            key = "import_invalid" if kept else "reg_import_held_invalid"
            field = path_label(reg.schema, path, lang)
            lines.append(f"  {say(key, lang, field=field, why=why)}")
        lines.extend(f"  {text}" for text in row.notes)
    lines.append(
        say_count(
            "import_summary",
            lang,
            len({row.line for row in plan.rows}),
            file=plan.file_name,
            invalid=invalid,
            held=held,
            **counts,
        )
    )
    lines.extend(_region_offers(reg, towns, lang))
    if without:
        shown = ", ".join(without[:5]) + (", …" if len(without) > 5 else "")
        field = _region_label(reg.schema, lang)
        regions = _regions_said(reg.schema, lang)
        lines.append(
            say_count(
                "import_regions_missing",
                lang,
                len(without),
                field=field,
                ids=shown,
                regions=regions,
            )
        )
    if held or counts["duplicates"]:
        lines.append(say("import_decide", lang))
    if counts["new"] or counts["updated"]:
        lines.append(say("import_next", lang))
    if done.dry_run:
        lines.append(say("import_dry_run", lang))
    return lines
