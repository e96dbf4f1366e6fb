"""Fillable DOCX forms (Word content controls) from the schema: checklists and institution forms.

``render_docx(schema, request, identity)`` returns the bytes of a ``.docx``; no files, no terminal.
The field paths (``w:tag``) are the same as the PDF form's field names:

* checklist: ``<category>.<n>.<field>``; institution form: ``institution.<field>`` and
  ``<category>.<field>``;
* a multiple choice (select_multiple, language_list): one checkbox per option,
  ``<path>.<option>``, and a text control ``<path>._other``;
* a single choice (select_one, yes_no_none): one drop-down control ``<path>`` (value = choice
  value, display text = label).

Where every control sits (table, row, position in the cell) is computed once by
:func:`form_plan` and used by the writer and by the reader, which recovers controls whose tag a
program stripped (LibreOffice 7.4 does) by their position.

Layout: A4 portrait, DejaVu Sans (regular and bold embedded in the file, cut to the scripts people
write: Turkish, Polish, Greek, Cyrillic and Arabic show on any machine; Word and LibreOffice read
embedded fonts), each checklist category on a new page with its title, description and one
two-column table per entry block (label and help | control). Header: the schema's title; footer:
"Stand", the form reference and "Seite X von Y". Forms protection ("filling in forms", no
password) is set as a convenience; the reader never relies on it. The output is deterministic:
fixed zip timestamps, core properties dated from the "Stand" date.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from xml.sax.saxutils import escape

from lxml import etree

from formgen.bidi_order import paragraph_rtl
from formgen.docx_xml import (
    CHECKBOX,
    DATE,
    DROPDOWN,
    NSMAP,
    PLACEHOLDER_STYLE,
    TEXT,
    Item,
    W,
    checkbox_control,
    date_control,
    dropdown_control,
    el,
    qn,
    run_props,
    sub,
    text_control,
    text_runs,
    word_language,
)
from formgen.errors import FormgenError
from formgen.fonts import DOCX_FACES
from formgen.forms import FormRequest, GeneratedForm
from formgen.identity import FormIdentity
from formgen.layout import ui_text
from formgen.messages import Said, date_text, phone_text
from formgen.model import (
    INSTITUTION,
    OTHER,
    Field,
    FieldPath,
    FieldType,
    Schema,
    choices_of,
    confirmed_on,
    option_label,
    option_values,
    other_text,
)
from formgen.record import NOT_IN_XML, InstitutionRecord, Value

SUFFIX = ".docx"
FONT = "DejaVu Sans"

# A4 in twentieths of a point; 2 cm side margins.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_LR, MARGIN_TOP, MARGIN_BOTTOM = 1134, 1077, 1134
TEXT_W = PAGE_W - 2 * MARGIN_LR
LABEL_W = 3260
VALUE_W = TEXT_W - LABEL_W

ACCENT = "1F4E79"
HELP_GREY = "595959"
SECTION_FILL = "EDEDED"
ENTRY_FILL = "D6E3F0"
VALUE_FILL = "F7F9FC"
"""A faint tint on the cells people fill in (prints almost white)."""
AFTER_TABLE = 260
"""Space before a heading that follows a table (twips): Heading1's own 120 and the 140 of the
empty paragraph that stood between them (6 pt DejaVu Sans, one line), which a screen reader
announced as „leer“."""
PLACEHOLDER_GREY = "6E6E6E"
"""The hint an empty control shows: 4.83:1 against :data:`VALUE_FILL` (WCAG AA asks 4.5:1 for
text; Word's own 808080 is 3.74:1), still lighter than what people type."""

_UI: dict[str, dict[str, str]] = {
    "de": {
        "enter": "Bitte eintragen",
        "choose": "Bitte wählen",
        "date": ui_text("de", "date_hint"),
        "month": ui_text("de", "month_hint"),
        "number": "Zahl",
        "percent": "0–100",
        "other_hint": "weitere, durch Komma getrennt",
        "entry": "Eintrag {n} von {total}",
        "stand": "Stand",
        "form": "Formular",
        "page": "Seite",
        "of": "von",
        "required": "Pflichtangabe",
        "required_alias": "Pflichtfeld",
        "checklist": "Checkliste",
        "institution_title": "Ihre Angaben: {name}",
        "institution_data": "Angaben zur Einrichtung",
        "how": (
            "So füllen Sie das Formular aus: in der rechten Spalte auf den Hinweis im Feld "
            "klicken und schreiben; Ankreuzfelder mit einem Klick setzen; Auswahllisten und "
            "Datumsfelder über den Pfeil öffnen (oder das Datum als TT.MM.JJJJ tippen, einen "
            "Termin auch als Monat: MM.JJJJ). Mit der "
            "Tastatur (das Dokument ist zum Ausfüllen geschützt): Tab springt zum nächsten Feld, "
            "Umschalt+Tab zum vorigen; die Leertaste setzt oder entfernt ein Kreuz; Alt+Pfeil "
            "nach unten öffnet eine Liste. Die Datei danach im Format .docx "
            "speichern und zurücksenden. Leere Felder gelten als „nicht ausgefüllt“; gibt es ein "
            "Angebot nicht, wählen Sie „Fehlanzeige“. Mit * markierte Felder sind Pflichtangaben."
        ),
        "prefilled": (
            "Das Formular ist mit den Angaben vorausgefüllt, die uns vorliegen. Bitte prüfen, "
            "korrigieren und ergänzen Sie sie, auch wenn sich nichts geändert hat: Datum und "
            "Handzeichen bestätigen die Angaben."
        ),
    },
    "en": {
        "enter": "Enter text",
        "choose": "Choose",
        "date": ui_text("en", "date_hint"),
        "month": ui_text("en", "month_hint"),
        "number": "Number",
        "percent": "0–100",
        "other_hint": "others, separated by commas",
        "entry": "Entry {n} of {total}",
        "stand": "As of",
        "form": "Form",
        "page": "Page",
        "of": "of",
        "required": "required",
        "required_alias": "required",
        "checklist": "Checklist",
        "institution_title": "Your details: {name}",
        "institution_data": "About the institution",
        "how": (
            "How to fill in this form: in the right-hand column, click on the hint in the box and "
            "type; tick boxes with a click; open lists and dates with the arrow (or type the "
            "date as YYYY-MM-DD, an appointment also as a month: YYYY-MM). With the keyboard (the "
            "document is protected for filling in "
            "forms): Tab moves to the next field, Shift+Tab to the previous one; Space ticks or "
            "clears a box; Alt+Down Arrow opens a list. Then save the "
            "file as .docx and send it back. Empty boxes mean “not filled in”; if a service does "
            "not exist, choose “None available”. Fields marked * are required."
        ),
        "prefilled": (
            "This form is prefilled with what we know. Please check, correct and complete it, "
            "also if nothing has changed: date and initials confirm the details."
        ),
    },
}


def ui(lang: str, key: str) -> str:
    return _UI.get(lang, _UI["de"])[key]


EARLIER_OTHER = ("Weitere:", "Others:")
"""The label an older formgen put before the "other" text of a multiple choice (German,
English), where the PDF form and this one now both put :func:`formgen.layout.ui_text`'s
„Andere:“, "Other:": a copy of a form made before is read by it."""

EARLIER_HINTS = ("DD.MM.YYYY",)
"""Hints an older formgen put into empty controls: its English date hint (English forms now
write dates as the English texts do, ``YYYY-MM-DD``). A form made before and sent back with the
hint still in a control is blank there, never the date „DD.MM.YYYY“. So is a day's hint
(„TT.MM.JJJJ“) in a date that may be a month, which showed it until part 23."""


_HINT_KEYS = ("enter", "choose", "date", "month", "number", "percent", "other_hint")


def placeholder_texts(slot: Slot | None = None, lang: str = "de") -> frozenset[str]:
    """The hints that mean "blank" in a control, never a value. Given its ``slot``: its own
    hint (:func:`control_hint`) and the generic one formgen puts, or put before the field's
    help, into a control of its kind, in every language (a date's also :data:`EARLIER_HINTS`):
    another field's help or hint is a value there („Bitte wählen“ typed as a catchment area).
    Without a slot (a control no plan names): every generic hint. Spaces as
    :func:`is_placeholder` and the table reader compare them: every run of white space (also a
    no-break space) one space."""
    if slot is None:
        texts = {*(strings[k] for strings in _UI.values() for k in _HINT_KEYS), *EARLIER_HINTS}
    else:
        key = _hint_key(slot)
        keys = (key, "date") if key == "month" else (key,)
        earlier = EARLIER_HINTS if "date" in keys else ()
        generic = (strings[k] for strings in _UI.values() for k in keys)
        texts = {*(control_hint(slot, lang, k) for k in keys), *generic, *earlier}
    return frozenset(" ".join(text.split()) for text in texts)


def after_hint(text: str, hints: frozenset[str]) -> str | None:
    """What ``text`` holds after the longest of ``hints`` it begins with (white space as the
    hints compare it), stripped: what was typed after a hint left in the control (LibreOffice
    7.4's input field keeps it, the cursor at its end: „Postleitzahl41460“,
    „KommuneCaritasverband“); None when it begins with none. A hint whose last word goes on in
    small letters is none: „Zahlen 12“ is a word typed, not the hint „Zahl“ and „en 12“."""
    for hint in sorted(hints, key=len, reverse=True):
        m = re.match(r"\s*" + r"\s+".join(map(re.escape, hint.split())), text)
        if m and not (text[m.end() - 1].isalpha() and text[m.end() : m.end() + 1].islower()):
            return text[m.end() :].strip()
    return None


def control_alias(f: Field, lang: str) -> str:
    """A control's title (``w:alias``), what a screen reader says for it: the field's label and,
    for a required one, „(Pflichtfeld)“ (the red * beside it is not read with it)."""
    label = f.label.get(lang)
    return f"{label} ({ui(lang, 'required_alias')})" if f.required else label


def control_hint(slot: Slot, lang: str, kind: str | None = None) -> str:
    """The grey hint an empty text, date or list control shows (and a screen reader says after
    its title): the field's help where it has one (a date's with the form of a date), else what
    to enter („Bitte eintragen“, „Zahl“, „TT.MM.JJJJ“, for a date that may be a month
    „TT.MM.JJJJ oder MM.JJJJ“, as the PDF form's label); a multiple choice's "other" text: how
    to list more. ``kind``: the key of another hint (:data:`_UI`) than the slot's own."""
    kind = kind or _hint_key(slot)
    if kind == "other_hint":
        return ui(lang, kind)
    help_text = slot.field.help.get(lang)
    if not help_text:
        return ui(lang, kind)
    return f"{help_text} ({ui(lang, kind)})" if slot.kind == DATE else help_text


def _hint_key(slot: Slot) -> str:
    """The key of the generic hint (:data:`_UI`) of ``slot``'s kind of control."""
    if slot.option == OTHER:
        return "other_hint"
    if slot.kind == DROPDOWN:
        return "choose"
    if slot.kind == DATE:
        return "date" if confirmed_on(slot.field) else "month"
    types = {FieldType.INTEGER: "number", FieldType.PERCENTAGE: "percent"}
    return types.get(slot.field.type, "enter")


# ---------------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Slot:
    """One control: its tag (field path), kind, the field it belongs to and, for a checkbox,
    the option it stands for (``_other`` for the "other" text)."""

    path: str
    kind: str
    field: Field
    option: str | None = None

    @property
    def value_path(self) -> str:
        return str(FieldPath.parse(self.path).value_path)


@dataclass(frozen=True)
class Row:
    """One table row: a heading row (no slots) or a field row (label | controls)."""

    label: str
    slots: tuple[Slot, ...] = ()
    heading: str = ""
    """``entry`` or ``section`` for heading rows."""
    help: str = ""
    field: Field | None = None


@dataclass(frozen=True)
class TablePlan:
    """One table of the form, in document order."""

    category: str | None
    block: int | None
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class FormPlan:
    kind: str
    lang: str
    tables: tuple[TablePlan, ...]

    def slots(self) -> Iterator[tuple[int, int, int, Slot]]:
        """(table index, row index, position in the cell, slot) for every control."""
        for t, table in enumerate(self.tables):
            for r, row in enumerate(table.rows):
                for i, slot in enumerate(row.slots):
                    yield t, r, i, slot

    def paths(self) -> list[str]:
        return [slot.path for *_, slot in self.slots()]


def control_kind(f: Field) -> str:
    if f.type is FieldType.DATE:
        return DATE
    if f.type in (FieldType.SELECT_ONE, FieldType.YES_NO_NONE):
        return DROPDOWN
    return TEXT


def field_slots(path: FieldPath, f: Field) -> tuple[Slot, ...]:
    """The controls of one field: one, or one checkbox per option plus the "other" text."""
    if f.is_multi:
        boxes = tuple(
            Slot(str(FieldPath(path.category, path.block, path.field, opt)), CHECKBOX, f, opt)
            for opt in option_values(f)
        )
        other = Slot(str(FieldPath(path.category, path.block, path.field, OTHER)), TEXT, f, OTHER)
        return (*boxes, other)
    return (Slot(str(path), control_kind(f), f),)


def _field_rows(
    fields: list[tuple[FieldPath, Field]], schema: Schema, category_id: str, lang: str
) -> list[Row]:
    rows: list[Row] = []
    by_id = {f.id: (p, f) for p, f in fields}
    for section in schema.category(category_id).sections:
        members = [by_id[f.id] for f in section.fields if f.id in by_id]
        if not members:
            continue
        rows.append(Row(section.label.get(lang), heading="section", help=section.help.get(lang)))
        for path, f in members:
            rows.append(
                Row(f.label.get(lang), field_slots(path, f), help=f.help.get(lang), field=f)
            )
    return rows


def form_plan(schema: Schema, kind: str, categories: tuple[str, ...], lang: str) -> FormPlan:
    """Every table, row and control of a form, in document order (writer and reader share it)."""
    tables: list[TablePlan] = []
    if kind == "checklist":
        for cid in categories:
            cat = schema.category(cid)
            for block in range(1, cat.entry_blocks + 1):
                fields = [(FieldPath(cid, block, f.id), f) for f in cat.fields]
                title = ui(lang, "entry").format(n=block, total=cat.entry_blocks)
                rows = [Row(title, heading="entry"), *_field_rows(fields, schema, cid, lang)]
                tables.append(TablePlan(cid, block, tuple(rows)))
    else:
        inst = [(FieldPath(INSTITUTION, None, f.id), f) for f in schema.institution_fields()]
        first = categories[0] if categories else schema.categories[0].id
        tables.append(TablePlan(None, None, tuple(_field_rows(inst, schema, first, lang))))
        for cid in categories:
            fields = [(FieldPath(cid, None, f.id), f) for f in schema.entry_fields(cid)]
            tables.append(TablePlan(cid, None, tuple(_field_rows(fields, schema, cid, lang))))
    return FormPlan(kind, lang, tuple(tables))


# ------------------------------------------------------------------------------ prefill values


def _prefill(schema: Schema, request: FormRequest) -> dict[str, Value]:
    """Field path → value for an institution form; list values also give per-option paths.

    Language codes that have no checkbox are written into the "other" text by name, so that
    nothing the register holds is hidden from the institution.
    """
    if request.record is None:
        return {}
    raw = request.record.form_values(schema)
    out: dict[str, Value] = {}
    for key, value in raw.items():
        if isinstance(value, list):
            path = FieldPath.parse(key)
            f = _field_at(schema, path)
            if f is None:
                continue
            offered = set(option_values(f))
            for code in value:
                if code in offered:
                    out[str(FieldPath(path.category, path.block, path.field, code))] = "1"
            other_key = str(FieldPath(path.category, path.block, path.field, OTHER))
            named = request.record.named.get(key)
            other = other_text(f, value, str(raw.get(other_key, "")), request.lang, named)
            if other:
                out[other_key] = other
        elif key.endswith("." + OTHER) and key in out:
            continue
        else:
            out[key] = value
    return out


def _field_at(schema: Schema, path: FieldPath) -> Field | None:
    if path.category == INSTITUTION:
        return next((f for f in schema.institution_fields() if f.id == path.field), None)
    try:
        return schema.category(path.category).field(path.field)
    except FormgenError:  # unknown category or field: record_from_json already refused it
        return None


# ----------------------------------------------------------------------------- document pieces


def _para(
    *runs: etree._Element,
    style: str | None = None,
    keep_next: bool = False,
    page_break: bool = False,
    tabs: tuple[tuple[str, int], ...] = (),
    space_before: int | None = None,
    space_after: int | None = None,
    bidi: bool = False,
) -> etree._Element:
    p = el("w:p")
    ppr = sub(p, "w:pPr")
    if style:
        sub(ppr, "w:pStyle", {"w:val": style})
    if keep_next:
        sub(ppr, "w:keepNext")
    if page_break:
        sub(ppr, "w:pageBreakBefore")
    if tabs:
        tab_el = sub(ppr, "w:tabs")
        for kind, pos in tabs:
            sub(tab_el, "w:tab", {"w:val": kind, "w:pos": str(pos)})
    if bidi:  # a right-to-left paragraph: starts at the right edge (ECMA-376 §17.3.1.6)
        sub(ppr, "w:bidi")
    spacing = {"w:before": space_before, "w:after": space_after}
    if any(v is not None for v in spacing.values()):
        sub(ppr, "w:spacing", {k: str(v) for k, v in spacing.items() if v is not None})
    for r in runs:
        p.append(r)
    return p


def _text(text: str, **props: object) -> list[etree._Element]:
    return text_runs(text, run_props(**props))  # type: ignore[arg-type]


def _field_runs(instr: str, cached: str) -> list[etree._Element]:
    """A complex field (PAGE, NUMPAGES) with its cached result."""
    out = []
    for kind in ("begin", None, "separate", "result", "end"):
        r = el("w:r")
        if kind is None:
            t = sub(r, "w:instrText", {"xml:space": "preserve"})
            t.text = f" {instr} "
        elif kind == "result":
            sub(r, "w:t").text = cached
        else:
            sub(r, "w:fldChar", {"w:fldCharType": kind})
        out.append(r)
    return out


def _cell(
    width: int, *paras: etree._Element, span: int = 1, fill: str | None = None
) -> etree._Element:
    tc = el("w:tc")
    pr = sub(tc, "w:tcPr")
    sub(pr, "w:tcW", {"w:w": str(width), "w:type": "dxa"})
    if span > 1:
        sub(pr, "w:gridSpan", {"w:val": str(span)})
    if fill:
        sub(pr, "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill})
    for p in paras or (_para(),):
        tc.append(p)
    return tc


class _Ids:
    def __init__(self) -> None:
        self.next = 1000

    def __call__(self) -> int:
        self.next += 1
        return self.next


def _controls_paras(
    row: Row, values: Mapping[str, Value], lang: str, ids: _Ids
) -> list[etree._Element]:
    """The paragraphs of a value cell: the field's control(s)."""
    f = row.field
    assert f is not None
    alias = control_alias(f, lang)
    if f.is_multi:
        boxes = [s for s in row.slots if s.kind == CHECKBOX]
        other = next(s for s in row.slots if s.option == OTHER)
        p = _para()
        for i, slot in enumerate(boxes):
            assert slot.option is not None
            label = option_label(f, slot.option, lang)
            if i:
                p.extend(_text("   "))
            p.append(
                checkbox_control(slot.path, f"{alias}: {label}", ids(), bool(values.get(slot.path)))
            )
            p.extend(_text("\u00a0" + label))
        other_value = str(values.get(other.path) or "") or None
        rtl = other_value is not None and paragraph_rtl(other_value)
        # in a right-to-left paragraph the label stands at the right, its colon kept after it
        # (a left-to-right mark: between the label and Arabic the colon would turn to its left)
        label = ui_text(lang, "other") + ("\u200e " if rtl else " ")
        q = _para(*_text(label, color=HELP_GREY), bidi=rtl)
        q.append(
            text_control(
                other.path,
                f"{alias}: {ui_text(lang, 'other')}",
                ids(),
                other_value,
                control_hint(other, lang),
            )
        )
        return [p, q]
    slot = row.slots[0]
    value = values.get(slot.path)
    hint = control_hint(slot, lang)
    if slot.kind == DROPDOWN:
        items = [Item(c.value, c.label.get(lang)) for c in choices_of(f)]
        node = dropdown_control(slot.path, alias, ids(), items, str(value) if value else None, hint)
    elif slot.kind == DATE:
        date: dt.date | str | None = None
        if isinstance(value, str) and value:
            try:
                date = dt.date.fromisoformat(value)
            except ValueError:
                date = value  # kept as typed (InstitutionRecord.typed): shown as typed
        node = date_control(slot.path, alias, ids(), date, hint, lang=lang)
    else:
        text = None if value is None or value == "" else str(value)
        if text is not None and f.type is FieldType.PHONE:
            text = phone_text(text, lang)
        node = text_control(
            slot.path, alias, ids(), text, hint, multiline=f.type is FieldType.TEXTAREA
        )
        return [_para(node, bidi=text is not None and paragraph_rtl(text))]
    return [_para(node)]


def _table(table: TablePlan, values: Mapping[str, Value], lang: str, ids: _Ids) -> etree._Element:
    tbl = el("w:tbl")
    pr = sub(tbl, "w:tblPr")
    sub(pr, "w:tblStyle", {"w:val": "FormTable"})
    sub(pr, "w:tblW", {"w:w": str(TEXT_W), "w:type": "dxa"})
    sub(pr, "w:tblLayout", {"w:type": "fixed"})
    sub(
        pr,
        "w:tblLook",
        {
            "w:val": "0000",
            "w:firstRow": "0",
            "w:lastRow": "0",
            "w:firstColumn": "0",
            "w:lastColumn": "0",
            "w:noHBand": "1",
            "w:noVBand": "1",
        },
    )
    grid = sub(tbl, "w:tblGrid")
    sub(grid, "w:gridCol", {"w:w": str(LABEL_W)})
    sub(grid, "w:gridCol", {"w:w": str(VALUE_W)})
    for row in table.rows:
        tr = sub(tbl, "w:tr")
        trpr = sub(tr, "w:trPr")
        sub(trpr, "w:cantSplit")
        if row.heading == "entry":
            sub(trpr, "w:tblHeader")
            tr.append(
                _cell(
                    TEXT_W,
                    _para(*_text(row.label, bold=True, color=ACCENT, size_pt=10.5), keep_next=True),
                    span=2,
                    fill=ENTRY_FILL,
                )
            )
            continue
        if row.heading == "section":
            runs = _text(row.label, bold=True)
            if row.help:
                runs += _text(" – " + row.help, color=HELP_GREY, size_pt=8)
            tr.append(_cell(TEXT_W, _para(*runs, keep_next=True), span=2, fill=SECTION_FILL))
            continue
        f = row.field
        assert f is not None
        if f.type is FieldType.TEXTAREA:
            sub(
                trpr,
                "w:trHeight",
                {"w:val": str(260 * max(f.lines, 1) + 120), "w:hRule": "atLeast"},
            )
        label_runs = _text(row.label)
        if f.required:
            label_runs += _text(" *", bold=True, color="C00000")
        label_paras = [_para(*label_runs, space_after=0)]
        if row.help:
            label_paras.append(_para(*_text(row.help, color=HELP_GREY, size_pt=7.5), space_after=0))
        tr.append(_cell(LABEL_W, *label_paras))
        tr.append(_cell(VALUE_W, *_controls_paras(row, values, lang, ids), fill=VALUE_FILL))
    return tbl


# ---------------------------------------------------------------------------------- the parts


def _stand(request: FormRequest) -> dt.date:
    if request.stand:
        return dt.date.fromisoformat(request.stand)
    return dt.date.today()


def _document(schema: Schema, request: FormRequest, plan: FormPlan) -> bytes:
    lang = request.lang
    values = _prefill(schema, request)
    ids = _Ids()
    body = el("w:body")
    tables = iter(plan.tables)
    if request.kind == "checklist":
        body.append(_para(*_text(schema.title.get(lang)), style="Title"))
        body.append(_para(*_text(ui(lang, "how")), style="Intro"))
        for i, cid in enumerate(request.categories):
            cat = schema.category(cid)
            group = next(g for g in schema.groups if any(c.id == cid for c in g.categories))
            body.append(
                _para(
                    *_text(group.label.get(lang)),
                    style="GroupLabel",
                    keep_next=True,
                    page_break=i > 0,
                )
            )
            body.append(
                _para(*_text(f"{ui(lang, 'checklist')}: {cat.label.get(lang)}"), style="Heading1")
            )
            if cat.description:
                body.append(_para(*_text(cat.description.get(lang)), style="Description"))
            for block in range(cat.entry_blocks):
                if block:  # Word joins two tables with nothing between them into one
                    body.append(_para(style="Spacer"))
                body.append(_table(next(tables), values, lang, ids))
    else:
        assert request.record is not None
        name = request.record.name
        body.append(_para(*_text(ui(lang, "institution_title").format(name=name)), style="Title"))
        body.append(_para(*_text(ui(lang, "prefilled")), style="Intro"))
        body.append(_para(*_text(ui(lang, "how")), style="Intro"))
        body.append(_para(*_text(ui(lang, "institution_data")), style="Heading1"))
        body.append(_table(next(tables), values, lang, ids))
        for cid in request.categories:
            cat = schema.category(cid)
            heading = f"{ui(lang, 'checklist')}: {cat.label.get(lang)}"
            body.append(_para(*_text(heading), style="Heading1", space_before=AFTER_TABLE))
            if cat.description:
                body.append(_para(*_text(cat.description.get(lang)), style="Description"))
            body.append(_table(next(tables), values, lang, ids))
    sect = sub(body, "w:sectPr")
    sub(sect, "w:headerReference", {"w:type": "default", "r:id": "rIdHeader"})
    sub(sect, "w:footerReference", {"w:type": "default", "r:id": "rIdFooter"})
    sub(sect, "w:pgSz", {"w:w": str(PAGE_W), "w:h": str(PAGE_H)})
    sub(
        sect,
        "w:pgMar",
        {
            "w:top": str(MARGIN_TOP),
            "w:right": str(MARGIN_LR),
            "w:bottom": str(MARGIN_BOTTOM),
            "w:left": str(MARGIN_LR),
            "w:header": "510",
            "w:footer": "454",
            "w:gutter": "0",
        },
    )
    doc = etree.Element(qn("w:document"), nsmap=NSMAP)
    doc.append(body)
    doc.set(qn("mc:Ignorable"), "w14")
    return _xml(doc)


def _header(schema: Schema, request: FormRequest) -> bytes:
    hdr = etree.Element(qn("w:hdr"), nsmap=NSMAP)
    hdr.append(_para(*_text(schema.title.get(request.lang)), style="Header"))
    return _xml(hdr)


def _footer(request: FormRequest, identity: FormIdentity) -> bytes:
    lang = request.lang
    stand = date_text(_stand(request), lang)
    runs = [
        *_text(
            f"{ui(lang, 'stand')}: {stand}\t{ui(lang, 'form')} {identity.reference}\t{ui(lang, 'page')} "
        ),
        *_field_runs("PAGE", "1"),
        *_text(f" {ui(lang, 'of')} "),
        *_field_runs("NUMPAGES", "1"),
    ]
    ftr = etree.Element(qn("w:ftr"), nsmap=NSMAP)
    ftr.append(_para(*runs, style="Footer", tabs=(("center", TEXT_W // 2), ("right", TEXT_W))))
    return _xml(ftr)


def _xml(root: etree._Element) -> bytes:
    etree.cleanup_namespaces(root, top_nsmap=NSMAP)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults>
 <w:rPrDefault><w:rPr><w:rFonts w:ascii="{F}" w:hAnsi="{F}" w:eastAsia="{F}" w:cs="{F}"/><w:sz w:val="18"/><w:szCs w:val="18"/><w:lang w:val="{LANG}" w:eastAsia="{LANG}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
 <w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="160"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="100"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="GroupLabel"><w:name w:val="Group label"/><w:basedOn w:val="Normal"/><w:next w:val="Heading1"/><w:pPr><w:keepNext/><w:spacing w:after="0"/></w:pPr><w:rPr><w:caps/><w:color w:val="{GREY}"/><w:sz w:val="15"/><w:szCs w:val="15"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Description"><w:name w:val="Description"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="160"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Intro"><w:name w:val="Intro"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="140"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Spacer"><w:name w:val="Spacer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="12"/><w:szCs w:val="12"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="{GREY}"/><w:sz w:val="14"/><w:szCs w:val="14"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="{GREY}"/><w:sz w:val="15"/><w:szCs w:val="15"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="character" w:styleId="{PH}"><w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="{PHGREY}"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="FormTable"><w:name w:val="Form table"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
"""

_SETTINGS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}">
<w:embedTrueTypeFonts/>
<w:documentProtection w:edit="forms" w:enforcement="1"/>
<w:defaultTabStop w:val="709"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="{LANG}"/>
</w:settings>
"""

# Fixed font keys: the embedded font parts are obfuscated with them (ECMA-376 Part 1 §17.8.1).
_FONT_KEYS = {
    "Regular": "{5D3F1A7C-2B64-4E0B-9C1D-7A2E6F4B8C01}",
    "Bold": "{5D3F1A7C-2B64-4E0B-9C1D-7A2E6F4B8C02}",
}

_FONT_TABLE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W}" xmlns:r="{R}">
<w:font w:name="{F}"><w:panose1 w:val="020B0603030804020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/><w:embedRegular r:id="rIdFontR" w:fontKey="{KR}"/><w:embedBold r:id="rIdFontB" w:fontKey="{KB}"/></w:font>
</w:fonts>
"""


def obfuscate_font(data: bytes, font_key: str) -> bytes:
    """Obfuscate (or de-obfuscate: XOR is its own inverse) an embedded font.

    The first 32 bytes are XORed with the 16 bytes of the GUID ``font_key`` in reverse order.
    """
    key = bytes.fromhex(font_key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


@cache
def embedded_fonts() -> tuple[bytes, bytes]:
    """The font parts (regular, bold): DejaVu Sans cut to the scripts people write, with the
    tables Word and LibreOffice join Arabic letters with (:data:`formgen.fonts.DOCX_FACES`),
    obfuscated; ≈235 KB each instead of ≈730 KB. Read once per process."""
    regular, bold = (
        obfuscate_font(path.read_bytes(), _FONT_KEYS[key])
        for path, key in zip(DOCX_FACES, ("Regular", "Bold"), strict=True)
    )
    return regular, bold


def _content_types() -> bytes:
    overrides = {
        "/word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "/word/styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "/word/settings.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        "/word/fontTable.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
        "/word/header1.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
        "/word/footer1.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        "/docProps/custom.xml": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    }
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        '<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>',
        *(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items()),
        "</Types>",
    ]
    return "\n".join(lines).encode()


def _rels(rels: list[tuple[str, str, str]]) -> bytes:
    base = "http://schemas.openxmlformats.org/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
        *(f'<Relationship Id="{i}" Type="{base}{t}" Target="{target}"/>' for i, t, target in rels),
        "</Relationships>",
    ]
    return "\n".join(lines).encode()


OD = "officeDocument/2006/relationships/"


def _core(schema: Schema, request: FormRequest, identity: FormIdentity) -> bytes:
    stamp = f"{_stand(request).isoformat()}T00:00:00Z"
    title = schema.title.get(request.lang)
    if request.record is not None:
        title = f"{request.record.name} – {title}"
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{escape(title)}</dc:title>
<dc:subject>{escape(identity.reference)}</dc:subject>
<dc:creator>formgen</dc:creator>
<cp:lastModifiedBy>formgen</cp:lastModifiedBy>
<dc:identifier>{escape(identity.reference)}</dc:identifier>
<dc:language>{word_language(request.lang)}</dc:language>
<cp:revision>1</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>
</cp:coreProperties>
""".encode()


_APP = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>formgen</Application><DocSecurity>0</DocSecurity></Properties>
"""

CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _custom(identity: FormIdentity) -> bytes:
    props = [
        f'<property fmtid="{CUSTOM_FMTID}" pid="{pid}" name="{escape(key)}"><vt:lpwstr>{escape(value)}</vt:lpwstr></property>'
        for pid, (key, value) in enumerate(identity.to_fields().items(), start=2)
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        + "".join(props)
        + "</Properties>\n"
    ).encode()


def _zip(parts: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def render_docx(schema: Schema, request: FormRequest, identity: FormIdentity) -> GeneratedForm:
    """A fillable DOCX for ``request``, carrying ``identity`` (custom properties and footer).

    A character XML cannot hold (a control character a returned PDF brought into the
    register) is left out of the form, with a warning naming the field: :func:`_for_xml`.
    """
    for cid in request.categories:
        schema.category(cid)  # unknown category → UnknownCategoryError naming the known ones
    warnings: list[str] = []
    if request.record is not None:
        request = replace(request, record=_for_xml(request.record, warnings))
    plan = form_plan(schema, request.kind, request.categories, request.lang)
    fmt = {
        "W": W,
        "R": NSMAP["r"],
        "F": FONT,
        "LANG": word_language(request.lang),
        "ACCENT": ACCENT,
        "GREY": HELP_GREY,
        "PH": PLACEHOLDER_STYLE,
        "PHGREY": PLACEHOLDER_GREY,
        "KR": _FONT_KEYS["Regular"],
        "KB": _FONT_KEYS["Bold"],
    }
    regular, bold = embedded_fonts()
    parts = [
        ("[Content_Types].xml", _content_types()),
        (
            "_rels/.rels",
            _rels(
                [
                    ("rId1", OD + "officeDocument", "word/document.xml"),
                    (
                        "rId2",
                        "package/2006/relationships/metadata/core-properties",
                        "docProps/core.xml",
                    ),
                    ("rId3", OD + "extended-properties", "docProps/app.xml"),
                    ("rId4", OD + "custom-properties", "docProps/custom.xml"),
                ]
            ),
        ),
        ("word/document.xml", _document(schema, request, plan)),
        (
            "word/_rels/document.xml.rels",
            _rels(
                [
                    ("rIdStyles", OD + "styles", "styles.xml"),
                    ("rIdSettings", OD + "settings", "settings.xml"),
                    ("rIdFonts", OD + "fontTable", "fontTable.xml"),
                    ("rIdHeader", OD + "header", "header1.xml"),
                    ("rIdFooter", OD + "footer", "footer1.xml"),
                ]
            ),
        ),
        ("word/styles.xml", _fill(_STYLES, fmt)),
        ("word/settings.xml", _fill(_SETTINGS, fmt)),
        ("word/fontTable.xml", _fill(_FONT_TABLE, fmt)),
        (
            "word/_rels/fontTable.xml.rels",
            _rels(
                [
                    ("rIdFontR", OD + "font", "fonts/font1.odttf"),
                    ("rIdFontB", OD + "font", "fonts/font2.odttf"),
                ]
            ),
        ),
        ("word/fonts/font1.odttf", regular),
        ("word/fonts/font2.odttf", bold),
        ("word/header1.xml", _header(schema, request)),
        ("word/footer1.xml", _footer(request, identity)),
        ("docProps/core.xml", _core(schema, request, identity)),
        ("docProps/app.xml", _APP),
        ("docProps/custom.xml", _custom(identity)),
    ]
    return GeneratedForm(
        data=_zip(parts), identity=identity, suffix=SUFFIX, warnings=tuple(warnings)
    )


def _for_xml(record: InstitutionRecord, warnings: list[str]) -> InstitutionRecord:
    """``record`` without the characters XML cannot hold (:data:`~formgen.record.NOT_IN_XML`:
    control characters such as U+0007), and a warning in ``warnings`` for each value that had
    one; the record itself, and the register it came from, keep the value as it is."""

    def clean(scope: str, values: Mapping[str, Value]) -> dict[str, Value]:
        out = dict(values)
        for key, value in values.items():
            if isinstance(value, str) and (found := NOT_IN_XML.findall(value)):
                out[key] = NOT_IN_XML.sub("", value)
                chars = ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(found))
                warnings.append(Said("mail_form_control", path=f"{scope}.{key}", chars=chars))
        return out

    return replace(
        record,
        institution=clean(INSTITUTION, record.institution),
        entries={cid: clean(cid, values) for cid, values in record.entries.items()},
    )


def _fill(template: str, fmt: Mapping[str, str]) -> bytes:
    out = template
    for key, value in fmt.items():
        out = out.replace("{" + key + "}", value)
    return out.encode()
