"""Read a flattened or printed-to-PDF copy of a formgen form: values recovered by position.

When a form is printed to PDF (a browser's "Save as PDF", poppler's ``pdftocairo -pdf``) or
flattened (``qpdf --flatten-annotations``), its fields are gone; what was typed is drawn on the
page. Such a copy is recognised by the form reference in the footer of every page
(``FG-XXXXX-XXXXX``); the caller's ``lookup`` (the workspace's issued forms) turns the
reference back into the form's identity. The identity gives schema, kind, categories and
language, so :func:`formgen.layout.layout_form` recomputes exactly the geometry the generator
used, and the text drawn inside each box is the value:

* text boxes: the characters whose centre lies inside the box (pdfplumber), but those of a
  text begun in another box and drawn on past its edge (a value longer than its box: the page
  cuts it off, the file holds it) belong to that box, which gets a note
  (:func:`box_glyphs`); one line per text line, each in the order it was written
  (:func:`written_order`: mixed Arabic and Latin text); where the viewer wrapped a long value
  (the next line's first word would not have fitted), the lines are joined with a space (none
  in an e-mail or web address, which holds none and was broken inside a word), and a line
  typed with Enter stays one (:func:`box_reading`);
* checkboxes: ticked when a mark (a glyph or a path smaller than the box outline) is drawn
  inside the box; a group of exclusive boxes gives the value of the one ticked box;
* drop-downs: the shown label, mapped back to its choice value.

The copy's pages are read in order when the form's labels are found on them so; otherwise
each page is read as the form's page whose printed labels it shows (:func:`pages_shown`): a
copy whose pages a print driver or scanner put out last page first, or with a page twice, or
without one, is read with a note saying so (:func:`page_notes`); a page the copy shows twice is
read where it is filled in, and a field filled in otherwise on each is held
(:func:`read_twice`). A page without a form reference (a covering letter or fax cover sheet
sent in one PDF with the form, before or after it) is named and not read
(:func:`foreign_page`). A copy that shows nothing in any box is not read as a blank return: a
program that merged it (``mutool merge``) may have dropped the fields with what was typed.

A copy that still has its fields' widgets, but not the fields above them and so not their names
(pdfunite, pypdf's ``add_page``: :func:`widget_fields`), is read from the widgets, each named by
the box whose rectangle it covers: their values are what was typed, ``confidence="high"``
(reader ``acroform-pdf``), with a note saying how they were read.

Values read from the page are ``confidence="low"`` (reader ``flattened-pdf``): what a viewer drew
may differ from what was typed (a font without a glyph drops that letter), and a value whose
right-to-left text shows only its order on the page gets a note that its parts' order was
guessed.

A PDF made of the Word form (Word's "Save as PDF", LibreOffice's export, a print driver) has
the same reference in its footer but none of the PDF form's geometry. Its tables are read
instead (:func:`read_word_copy`, reader ``docx-pdf``): every two-cell row, label and value, in
reading order, matched against the rows the Word form was written with
(:func:`formgen.docx_form.form_plan`); its cells are read as the boxes above (a value's wrapped
lines joined without a space where its field is an e-mail or web address), each line as one
of a paragraph laid out in the direction its alignment shows (the Word form marks a prefilled
value that starts with an Arabic word right to left, and LibreOffice sets it against the cell's
right edge; every other paragraph, also one a person typed Arabic into, it lays out left to
right), with the same note on a value whose order the page leaves open.
"""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, BinaryIO, NamedTuple

import pdfplumber

from formgen import linebreak
from formgen.bidi_order import MIRRORED, drawn_order, paragraph_rtl, visual_line
from formgen.docx_form import form_plan
from formgen.errors import FormgenError, UnreadableFileError
from formgen.identity import FormIdentity, parse_reference
from formgen.layout import (
    LAYOUT_EDITION,
    MARGIN_BOTTOM,
    Box,
    FormLayout,
    Rect,
    TextLine,
    WidgetKind,
    layout_for_identity,
    text_width,
)
from formgen.messages import Said, SaidJoined
from formgen.model import OTHER, UNSPACED_TYPES, Schema, choice_value
from ingest.form_rows import values_from_rows
from ingest.pdf_reader import (
    DEFAULT_LIMITS,
    FROM_INFO_NOTE,
    INFO_KEY,
    NO_FIELDS_NOTE,
    FieldNode,
    ReadLimits,
    check_end_marker,
    check_header,
    check_object_count,
    field_type,
    field_values,
    identity_from_json,
    info_strings,
    normalise_text,
    open_pdf,
    page_widgets,
    provenance,
    read_acroform,
    read_bounded,
)
from ingest.pdf_reader import READER as FIELDS_READER
from ingest.sniff import SCAN_NOTE
from ingest.submission import FormPart, RawSubmission, RawValue, short

READER = "flattened-pdf"
WORD_READER = "docx-pdf"
Lookup = Callable[[str], FormIdentity | None]
"""Instance id → the identity the workspace issued under it, or ``None``."""
Glyph = tuple[float, float, float, float, str, float]
"""(x0, y0, x1, y1, text, size) of a glyph drawn on a page (:class:`_PageContent`)."""

FOOTER_TOP = MARGIN_BOTTOM + 40.0
"""The footer band (from the page's bottom edge) where the reference is printed."""
MIN_LAYOUT_MATCH = 0.95
"""Share of the layout's printed labels that must be found where the layout puts them before
values are read by position (a form of an older layout matched 90 %, a current copy 100 %)."""
ORDER_GUESSED = Said("ingest_pdf_order_guessed")
"""The note, after a field's path, on a value read from a line whose order was guessed
(:func:`written_order`)."""
UNREADABLE = Said("ingest_pdf_unreadable")
"""The note, after a field's path, on a box whose text holds a glyph that maps to no character
(:func:`box_reading`): pdftk-java draws typed text in the form's (composite) field font as
glyph 0 (.notdef), qpdf writes it there as one byte a character where the font reads two; a
flattened copy keeps those drawings, and no reading of them is the value."""
_UNMAPPED = re.compile(r"\(cid:\d+\)")
"""pdfminer's text for a glyph that its font maps to no character."""
CUT_OFF = Said("ingest_pdf_cut_off")
"""The note, after a field's path, on a value drawn beyond its box (:func:`box_glyphs`)."""
_SLACK = 1.0
"""Points a glyph's centre may lie outside its box (anti-aliasing, rounding of printers)."""
_TEXT_KINDS = (WidgetKind.TEXT, WidgetKind.MULTILINE, WidgetKind.COMBO)
_ALIGNED = 2.0
"""Points a line of a Word form's cell stands nearer its right edge than its left when its
paragraph is right-aligned (both cell margins are 4.25 pt; a left-aligned line that fills the
cell ends within a word's width of the right margin, but never beyond it)."""


def read_flattened(
    source: bytes | BinaryIO,
    file_name: str,
    *,
    schema: Schema,
    lookup: Lookup,
    limits: ReadLimits = DEFAULT_LIMITS,
    sha256: str | None = None,
) -> RawSubmission:
    """Read a copy without form fields; ``schema`` is the workspace's (the generator's) schema.

    Raises :class:`~formgen.errors.UnreadableFileError` for files that are not readable PDFs.
    A copy without a form reference, or with one this workspace never issued, gives identity
    ``None`` (an unknown form) and no values, with a note saying why.
    """
    data = read_bounded(source, file_name, limits)
    check_header(data, file_name)
    check_end_marker(data, file_name)
    with open_pdf(data, file_name) as qpdf:  # encryption, damage and size checks
        check_object_count(qpdf, file_name, limits)
        if len(qpdf.pages) > limits.max_pages:
            too_many = Said(
                "ingest_pdf_too_many_pages", count=len(qpdf.pages), limit=limits.max_pages
            )
            raise UnreadableFileError(file_name, "too-large", too_many)
        info = info_strings(qpdf)
        with_widgets = any(page_widgets(qpdf, file_name, limits))
    prov = replace(provenance(data, file_name, info, sha256), reader=READER)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_PageContent.of(p) for p in pdf.pages]
            # no text anywhere, but pictures: a scan or a photo of a paper form
            scanned = not any(p.chars for p in pages) and any(p.images for p in pdf.pages)
    except Exception as exc:  # pdfminer raises many unrelated types on broken page content
        for cause in (exc, exc.__context__):  # pdfplumber wraps them in PdfminerException
            if isinstance(cause, MemoryError | RecursionError):
                raise cause from None  # the worker's bounds: the pipeline says so
        raise UnreadableFileError(file_name, "damaged", Said("ingest_pdf_pages_damaged")) from None
    reference, ref_notes = find_reference(pages)
    notes = list(ref_notes)
    if reference is None:
        notes.append(SCAN_NOTE if scanned else Said("ingest_pdf_no_reference"))
        return RawSubmission(None, {}, prov, "low", tuple(notes))
    identity, id_notes = resolve_identity(reference, info.get(INFO_KEY), lookup)
    notes += id_notes
    if identity is None:
        return RawSubmission(None, {}, prov, "low", tuple(notes))
    if (identity.schema_id, identity.schema_version) != (schema.schema_id, schema.schema_version):
        notes.append(
            Said(
                "ingest_pdf_other_schema",
                schema=identity.schema_id,
                version=identity.schema_version,
                current=schema.schema_id,
                current_version=schema.schema_version,
            )
        )
        return RawSubmission(identity, {}, prov, "low", tuple(notes), unread=True)
    try:
        layout, shows, placement, match = fitting_layout(pages, schema, identity)
    except FormgenError as exc:
        notes.append(Said("ingest_pdf_no_layout", error=str(exc)))
        return RawSubmission(identity, {}, prov, "low", tuple(notes), unread=True)
    if match < MIN_LAYOUT_MATCH:
        word_values, word_notes, illegible = read_word_copy(pages, schema, identity)
        notes += word_notes
        if word_values is not None:
            notes.append(Said("ingest_pdf_word_copy", reference=identity.reference))
            prov = replace(prov, reader=WORD_READER)
            return RawSubmission(
                identity, word_values, prov, "low", tuple(notes), illegible=tuple(illegible)
            )
        if not word_notes:  # no copy of the Word form either
            maker = word_processor(info)
            notes.append(
                Said("ingest_pdf_word_processor", maker=maker)
                if maker
                else Said(
                    "ingest_pdf_no_match", reference=identity.reference, percent=round(match * 100)
                )
            )
        return RawSubmission(identity, {}, prov, "low", tuple(notes), unread=True)
    read = {i for copies in shows for i in copies}
    foreign = [i for i, page in enumerate(pages) if i not in read and foreign_page(page)]
    if with_widgets and placement == Placement():
        with open_pdf(data, file_name) as qpdf:
            widgets = page_widgets(qpdf, file_name, limits)
            nodes = widget_fields([widgets[c[0]] if c else [] for c in shows], layout)
            if nodes is not None:
                values, _, value_notes, illegible = field_values(nodes, limits)
                firsts = sum(1 for copies in shows if copies)
                if len(pages) > firsts + len(foreign):  # another PDF merged after it
                    notes.append(
                        Said(
                            "ingest_pdf_pages_beyond",
                            count=len(pages),
                            form_pages=layout.page_count,
                        )
                    )
                notes += [*foreign_notes(foreign), *value_notes, NAMES_BY_POSITION_NOTE]
                prov = replace(prov, reader=FIELDS_READER)
                return RawSubmission(
                    identity, values, prov, "high", tuple(notes), illegible=tuple(illegible)
                )
    if placement != Placement():
        notes.append(Said("ingest_pdf_scaled", percent=round(placement.scale * 100)))
    shown = [pages[copies[0]] if copies else None for copies in shows]
    notes += page_notes(shows, len(pages), layout.page_count, foreign)
    recovered = recover_values(shown, layout, placement)
    values, value_notes, illegible = read_twice(pages, shows, recovered, layout, placement)
    notes += value_notes
    if not illegible and all(v in BLANK for v in values.values()):
        notes.append(Said("ingest_pdf_nothing_filled"))
        return RawSubmission(identity, {}, prov, "low", tuple(notes), unread=True)
    notes.append(Said("ingest_pdf_by_position", reference=identity.reference))
    return RawSubmission(identity, values, prov, "low", tuple(notes), illegible=tuple(illegible))


def page_notes(
    shows: Sequence[Sequence[int]], count: int, form_pages: int, foreign: Sequence[int]
) -> list[str]:
    """What the copy's pages say of the form's (``shows``: :func:`pages_shown`, ``count``:
    the copy's pages): out of order, missing, or showing none of the form's pages
    (``foreign``: those with no form reference, :func:`foreign_notes`)."""
    notes: list[str] = []
    firsts = [copies[0] for copies in shows if copies]
    if firsts != sorted(firsts):
        shown = {i: number for number, copies in enumerate(shows) for i in copies}
        order = ", ".join(str(shown[i] + 1) for i in sorted(shown))
        notes.append(Said("ingest_pdf_out_of_order", order=order))
    missing = [str(number + 1) for number, copies in enumerate(shows) if not copies]
    if missing:
        key = "ingest_pdf_page_missing" if len(missing) == 1 else "ingest_pdf_pages_missing"
        notes.append(Said(key, count=count, form_pages=form_pages, pages=", ".join(missing)))
    read = {i for copies in shows for i in copies}
    notes += foreign_notes(foreign)
    notes += [
        Said("ingest_pdf_page_unknown", page=i + 1)
        for i in range(count)
        if i not in read and i not in foreign
    ]
    return notes


def foreign_notes(foreign: Sequence[int]) -> list[str]:
    """The note naming the copy's pages that are none of the form's (:func:`foreign_page`)."""
    if not foreign:
        return []
    key = "ingest_pdf_not_form_page" if len(foreign) == 1 else "ingest_pdf_not_form_pages"
    return [Said(key, pages=", ".join(str(i + 1) for i in foreign))]


def read_twice(
    pages: list[_PageContent],
    shows: Sequence[Sequence[int]],
    read: tuple[dict[str, RawValue], list[str], list[str]],
    layout: FormLayout,
    placement: Placement,
) -> tuple[dict[str, RawValue], list[str], list[str]]:
    """The values, notes and fields not read (:func:`recover_values`) of a copy that shows a
    form's page more than once (``shows``: :func:`pages_shown`), from ``read``: those of the
    first page showing each.

    Field by field (a multiple choice: its ticks and other text as one): what one page shows
    filled in, and the others blank or not readably (:data:`UNREADABLE`), is read from it (a
    copy printed twice, filled in once); what two pages show filled in otherwise is held, not
    read, with both values, for the sender to settle — a page drawn by another program shows
    the same text otherwise too; what only pages that cannot be read back show is not read
    either. A page showing every field as the first one gets a note saying so."""
    values, value_notes, illegible = read
    out, notes, unread = dict(values), list(value_notes), list(illegible)
    twice: list[str] = []
    for number, copies in enumerate(shows):
        if len(copies) < 2:
            continue
        field_of = {b.path: _field_of(b) for b in layout.boxes_on(number)}
        readings = [read]
        for again in copies[1:]:
            only = [pages[again] if n == number else None for n in range(len(shows))]
            readings.append(recover_values(only, layout, placement))
        taken: list[str] = []
        differ = False
        for field in dict.fromkeys(field_of.values()):
            shown = [  # None: not readable there
                None
                if field in cannot
                else tuple(
                    (p, v) for p, v in r.items() if field_of.get(p) == field and v not in BLANK
                )
                for r, _, cannot in readings
            ]
            if len(set(shown)) < 2:
                continue
            differ = True
            for path in [p for p in out if field_of.get(p) == field]:
                del out[path]
            about = (f"{field}:", f"{field}.")  # a note on the field's value
            notes = [n for n in notes if not n.startswith(about)]
            unread = [f for f in unread if f != field]
            filled = list(dict.fromkeys(s for s in shown if s))
            if len(filled) == 1:
                r, told, _ = readings[shown.index(filled[0])]
                out.update((p, v) for p, v in r.items() if field_of.get(p) == field)
                notes += [n for n in told if n.startswith(about)]
                taken.append(field)
                continue
            unread.append(field)
            if not filled:  # readable nowhere
                notes.append(SaidJoined((field, UNREADABLE), ": "))
                continue
            both = " / ".join(short(", ".join(_shown(p, v) for p, v in f)) for f in filled)
            pages_ = ", ".join(str(c + 1) for c in copies)
            twice.append(
                Said(
                    "ingest_pdf_page_twice",
                    path=field,
                    number=number + 1,
                    pages=pages_,
                    values=both,
                )
            )
        if taken:
            pages_ = ", ".join(str(c + 1) for c in copies)
            fields = ", ".join(taken)
            twice.append(
                Said("ingest_pdf_page_twice_filled", number=number + 1, pages=pages_, fields=fields)
            )
        if not differ:
            first = {"number": number + 1, "first": copies[0] + 1}
            twice += [Said("ingest_pdf_page_twice_same", again=a + 1, **first) for a in copies[1:]]
    return out, twice + notes, unread


_WORD_PROCESSOR = re.compile(
    r"LibreOffice|OpenOffice|Microsoft.{0,3}Word|Google Docs|^Pages\b", re.IGNORECASE
)
"""What Word, LibreOffice, Google Docs and Pages write into a PDF's ``/Creator`` or ``/Producer``
(not print drivers such as "PDFwriter": a printed copy is read by position)."""


def word_processor(info: Mapping[str, str]) -> str | None:
    """The word processor that made the PDF, as its ``/Creator`` or ``/Producer`` names it."""
    for key in ("/Creator", "/Producer"):
        if _WORD_PROCESSOR.search(info.get(key, "")):
            return info[key]
    return None


def read_pdf(
    source: bytes | BinaryIO,
    file_name: str,
    *,
    schema: Schema,
    lookup: Lookup,
    limits: ReadLimits = DEFAULT_LIMITS,
    sha256: str | None = None,
) -> RawSubmission:
    """Any returned PDF: its form fields when it has them, else the flattened-copy reader.

    ``sha256``: the bytes' digest, when the caller has it already."""
    data = read_bounded(source, file_name, limits)
    sub = read_acroform(data, file_name, limits=limits, sha256=sha256)
    if sub.identity is None and sub.values:  # formgen's fields, no identity: some pages only?
        return replace(sub, part_of=form_part(data))
    if FROM_INFO_NOTE in sub.notes and (part := form_part(data)) and part.missing:
        return replace(sub, notes=(*sub.notes, Said("ingest_pdf_part", pages=part.said())))
    if NO_FIELDS_NOTE not in sub.notes:
        return sub
    return read_flattened(
        data, file_name, schema=schema, lookup=lookup, limits=limits, sha256=sha256
    )


_PAGE_NUMBER = re.compile(r"\b(?:Seite|Page) (\d{1,3})/(\d{1,3})\b")
"""A formgen PDF's page number as its footer prints it (:data:`formgen.pdf_form._FOOTER`)."""


def form_part(data: bytes) -> FormPart | None:
    """The form whose reference the pages of ``data`` print, with the page numbers their
    footers print; ``None`` without a reference (or when the page content cannot be read:
    the file then stays an unknown form)."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = [page.extract_text() or "" for page in pdf.pages]
    except (MemoryError, RecursionError):
        raise  # the worker's bounds: the pipeline says so
    except Exception:  # pdfminer raises many unrelated types on broken page content
        return None
    instance = parse_reference(" ".join(text))
    if instance is None:
        return None
    numbers = [m.groups() for t in text for m in _PAGE_NUMBER.finditer(t)]
    totals = {int(total) for _, total in numbers}
    total = totals.pop() if len(totals) == 1 else None
    return FormPart(instance, tuple(int(n) for n, _ in numbers), total)


# --------------------------------------------------------------------------- page content


class _PageContent:
    """What is drawn on one page, in PDF coordinates (origin bottom left)."""

    __slots__ = ("_index", "chars", "height", "marks", "rows", "width")

    def __init__(
        self,
        width: float,
        height: float,
        chars: list[tuple[float, float, float, float, str, float]],
        marks: list[tuple[float, float, float, float]],
        rows: list[list[Rect]] | None = None,
    ) -> None:
        self.width = width
        self.height = height
        self.chars = chars
        """(x0, y0, x1, y1, text, size) of every glyph."""
        self.marks = marks
        """Bounding boxes of every drawn path (lines, curves, rectangles)."""
        self.rows = rows or []
        """The cells of every table row drawn with ruled lines, top to bottom (a PDF of the
        Word form); found while the page is parsed, which costs far more than finding them."""
        self._index: dict[str, list[tuple[float, float]]] | None = None

    @classmethod
    def of(cls, page: Any) -> _PageContent:
        h = float(page.height)
        chars = [
            (
                float(c["x0"]),
                h - float(c["bottom"]),
                float(c["x1"]),
                h - float(c["top"]),
                str(c["text"]),
                float(c.get("size") or 0.0),
            )
            for c in page.chars
        ]
        marks = [
            (float(o["x0"]), h - float(o["bottom"]), float(o["x1"]), h - float(o["top"]))
            for kind in ("lines", "curves", "rects")
            for o in getattr(page, kind)
        ]
        try:
            tables = sorted(page.find_tables(), key=lambda t: (t.bbox[1], t.bbox[0]))
        except Exception:  # only a PDF of the Word form needs them: never lose a page over them
            tables = []
        rows = [
            [Rect(x0, h - bottom, x1, h - top) for x0, top, x1, bottom in filter(None, row.cells)]
            for table in tables
            for row in table.rows
        ]
        return cls(float(page.width), h, chars, marks, rows)

    def char_index(self) -> dict[str, list[tuple[float, float]]]:
        """Where each character is drawn (its glyphs' lower left corners), found once for every
        layout and placement tried (:func:`layout_match`, :func:`pages_shown`)."""
        if self._index is None:
            self._index = {}
            for c in self.chars:
                self._index.setdefault(c[4], []).append((c[0], c[1]))
        return self._index


def find_reference(pages: list[_PageContent]) -> tuple[str | None, list[str]]:
    """The instance id printed in the pages' footers; a note when pages disagree."""
    found: list[str] = []
    for page in pages:
        ref = _footer_reference(page)
        if ref is None:  # a printer may scale the page: look anywhere on it
            ref = parse_reference(" ".join(_lines(page.chars)))
        if ref:
            found.append(ref)
    if not found:
        return None, []
    distinct = list(dict.fromkeys(found))
    notes: list[str] = []
    if len(distinct) > 1:
        refs = ", ".join(f"FG-{r[:5]}-{r[5:]}" for r in distinct)
        notes.append(Said("ingest_pdf_references", refs=refs))
    return distinct[0], notes


def _footer_reference(page: _PageContent) -> str | None:
    """The instance id printed in the page's footer band, or ``None``."""
    return parse_reference(" ".join(_lines(c for c in page.chars if c[1] < FOOTER_TOP)))


def foreign_page(page: _PageContent) -> bool:
    """Whether the page is none of a formgen form's: no form reference anywhere on it (a
    covering letter, a fax cover sheet, sent in one PDF with the form; a letter that quotes
    the reference in its text counts as a page of another form)."""
    return _footer_reference(page) is None and parse_reference(" ".join(_lines(page.chars))) is None


def resolve_identity(
    instance_id: str, info_json: str | None, lookup: Lookup
) -> tuple[FormIdentity | None, list[str]]:
    """The issued identity for a printed reference; ``/Info`` only as a cross-check."""
    notes: list[str] = []
    issued = lookup(instance_id)
    from_info: FormIdentity | None = None
    if info_json:
        try:
            from_info = identity_from_json(info_json)
        except FormgenError:
            from_info = None
    ref = f"FG-{instance_id[:5]}-{instance_id[5:]}"
    if issued is not None:
        if from_info is not None and from_info.instance_id != instance_id:
            notes.append(
                Said("ingest_pdf_info_other_form", other=from_info.reference, reference=ref)
            )
        return issued, notes
    if from_info is not None and from_info.instance_id == instance_id:
        notes.append(Said("ingest_pdf_not_issued_info", reference=ref))
        return from_info, notes
    notes.append(Said("ingest_pdf_not_issued", reference=ref))
    return None, notes


# --------------------------------------------------------------------------- a PDF of the Word form


def read_word_copy(
    pages: list[_PageContent], schema: Schema, identity: FormIdentity
) -> tuple[dict[str, RawValue] | None, list[str], list[str]]:
    """The values a PDF of the Word form shows in its tables, or ``None`` and why not (no note:
    the PDF shows none of the Word form's rows, it is no copy of it); the fields whose value
    cell cannot be read back (:data:`UNREADABLE`, noted)."""
    try:
        plan = form_plan(schema, identity.kind, identity.categories, identity.lang)
    except FormgenError as exc:
        return None, [Said("ingest_pdf_word_rows", error=str(exc))], []
    rows = word_copy_rows(pages)
    guessed = {i: ORDER_GUESSED for i, (_, cell) in enumerate(rows) if cell.guessed}
    unspaced = {i: cell.unspaced for i, (_, cell) in enumerate(rows) if cell.unspaced != cell.text}
    unread = {i for i, (_, cell) in enumerate(rows) if cell.unreadable}
    values, notes, illegible = values_from_rows(
        [(label, cell.text) for label, cell in rows], plan, guessed, unspaced, unread
    )
    if values is None and notes:
        notes = [Said("ingest_pdf_word_copy_failed", why=notes[0])]
    notes += [SaidJoined((path, UNREADABLE), ": ") for path in illegible]
    return values, notes, illegible


def word_copy_rows(pages: list[_PageContent]) -> list[tuple[str, BoxReading]]:
    """The label text and the value cell's reading of every two-cell table row on the pages,
    in reading order (:func:`box_reading` of a paragraph whose direction its alignment
    shows)."""
    return [
        (box_text(page, row[0]), box_reading(page, row[1], word=True))
        for page in pages
        for row in page.rows
        if len(row) == 2
    ]


# --------------------------------------------------------------------------- values by position

NAMES_BY_POSITION_NOTE = Said("ingest_pdf_names_by_position")
_WIDGET_SLACK = 1.0
"""Points a widget's rectangle may differ from its box (rounding of the writing program)."""
_FIELD_TYPES = {
    WidgetKind.TEXT: "/Tx",
    WidgetKind.MULTILINE: "/Tx",
    WidgetKind.COMBO: "/Ch",
    WidgetKind.CHECKBOX: "/Btn",
    WidgetKind.CHOICE: "/Btn",
}


def widget_fields(pages: list[list[Any]], layout: FormLayout) -> list[FieldNode] | None:
    """The fields of a copy whose widgets kept their values but not their names, each named
    by the layout's box whose rectangle it covers; ``None`` unless every box has its widget.

    pdfunite copies the pages' widgets without the fields above them (its ``/AcroForm
    /Fields`` point to objects it never wrote); pypdf's ``add_page`` drops their ``/Parent``
    and writes no ``/AcroForm``. A widget keeps its own part of the name (``name``; ``en``, the
    same in two lists) with its value, type and flags; the boxes of an exclusive group keep
    only which one is ticked (``/AS``), their field's type, flags and value are gone."""
    found: dict[str, list[Any]] = {}
    kinds: dict[str, WidgetKind] = {}
    for box in layout.boxes:
        if box.page >= len(pages):
            return None
        widget = next((w for w in pages[box.page] if _covers(w.get("/Rect"), box.rect)), None)
        if widget is None:
            return None
        found.setdefault(box.path, []).append(widget)
        kinds[box.path] = box.kind
    nodes = []
    for path, widgets in found.items():
        first = widgets[0]
        ft, ff = first.get("/FT"), first.get("/Ff")
        nodes.append(
            FieldNode(
                name=path,
                ft=field_type(ft) if ft is not None else _FIELD_TYPES[kinds[path]],
                flags=int(ff) if isinstance(ff, int) else 0,
                value=next((w.get("/V") for w in widgets if "/V" in w), None),
                obj=first,
                widgets=widgets,
            )
        )
    return nodes


def _covers(rect: Any, box: Rect) -> bool:
    try:
        x0, y0, x1, y1 = (float(v) for v in rect)
    except (TypeError, ValueError):
        return False
    return all(
        abs(a - b) <= _WIDGET_SLACK
        for a, b in zip(
            (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)),
            (box.x0, box.y0, box.x1, box.y1),
            strict=True,
        )
    )


@dataclass(frozen=True)
class Placement:
    """Where the form's page sits on the copy's page: scaled by ``scale`` about the origin,
    then moved by (``dx``, ``dy``) — how a print dialog fits a page ("fit to printable area")."""

    scale: float = 1.0
    dx: float = 0.0
    dy: float = 0.0

    def point(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale + self.dx, y * self.scale + self.dy

    def rect(self, r: Rect) -> Rect:
        x0, y0 = self.point(r.x0, r.y0)
        x1, y1 = self.point(r.x1, r.y1)
        return Rect(x0, y0, x1, y1)


def placements(page: _PageContent, layout: FormLayout) -> list[Placement]:
    """Candidate placements: as made, then scaled to fit the page and centred, down to 85 %."""
    w, h = layout.page_size
    out = []
    if abs(page.width - w) < 2 and abs(page.height - h) < 2:
        out.append(Placement())
    fit = min(page.width / w, page.height / h)
    for step in range(31):
        scale = fit * (1 - step * 0.005)
        out.append(Placement(scale, (page.width - w * scale) / 2, (page.height - h * scale) / 2))
    return out


def layout_match(
    pages: Sequence[_PageContent | None], layout: FormLayout, placement: Placement | None = None
) -> float:
    """The share of the layout's static text lines whose first glyph is drawn where the layout
    put it: the check that the geometry fits this copy before anything is read by position.
    ``pages[n]``: the copy's page that shows the form's page ``n`` (``None``, or none beyond
    the list: not in the copy, left out of the count)."""
    where = placement or Placement()
    found = total = 0
    for page, lines in zip(pages, _labels(layout), strict=False):
        if page is not None:
            found += _labels_found(page.char_index(), lines, where)
            total += len(lines)
    return found / total if total else 0.0


def _labels(layout: FormLayout) -> list[list[TextLine]]:
    """The static text lines that :func:`layout_match` looks for, by the form's page."""
    out: list[list[TextLine]] = [[] for _ in range(layout.page_count)]
    for line in layout.texts:
        if line.text.strip():
            out[line.page].append(line)
    return out


def _labels_found(
    index: dict[str, list[tuple[float, float]]], lines: Sequence[TextLine], where: Placement
) -> int:
    """How many of ``lines`` have their first glyph drawn where the layout put it."""
    found = 0
    for line in lines:
        x, y = where.point(line.x, line.y)
        size = line.size * where.scale
        if any(
            abs(cx - x) < 1.5 and y - size * 0.6 <= cy <= y + size * 0.3
            for cx, cy in index.get(line.text.lstrip()[0], ())
        ):
            found += 1
    return found


def _older_layouts(
    schema: Schema, identity: FormIdentity, current: FormLayout
) -> Iterator[FormLayout]:
    """The layouts of the editions before ``current``'s, newest first, each that reads a copy
    otherwise than those before it: an edition that only reworded a label reads as the one
    after it (:attr:`~formgen.layout.FormLayout.as_read`)."""
    seen = {current.as_read}
    for edition in reversed(range(LAYOUT_EDITION)):
        older = layout_for_identity(schema, identity, edition)
        if older.as_read not in seen:
            seen.add(older.as_read)
            yield older


def fitting_layout(
    pages: list[_PageContent], schema: Schema, identity: FormIdentity
) -> tuple[FormLayout, list[list[int]], Placement, float]:
    """The layout of the form ``identity`` names that the copy shows, for each of its pages
    the copy's pages that show it (:func:`pages_shown`), the placement and the share of its
    labels found (:func:`layout_match`): the form's layout now or, for a copy of a form made
    before, the newest earlier one that fits (:data:`~formgen.layout.LAYOUT_EDITION`), also
    where today's fits but not all of its labels are found and the earlier one finds more;
    where none fits, the layout now and how little of it was found.

    Raises :class:`~formgen.errors.FormgenError` for an identity without a layout."""
    layout = layout_for_identity(schema, identity)
    placement, match = Placement(), 0.0
    if not foreign_page(pages[0]):  # a covering letter first: the form's pages are found below
        placement, match = best_placement(pages, layout)
        for older in _older_layouts(schema, identity, layout):
            fits = match >= MIN_LAYOUT_MATCH and len(pages) == layout.page_count
            if fits and match >= _ALL_FOUND:
                break
            if older.page_count == len(pages):
                older_placement, older_match = best_placement(pages, older)
                # a copy of an older form fits today's too where only a few boxes moved (the
                # e-mail box beside a wider phone box): the layout whose labels it shows wins
                if older_match >= MIN_LAYOUT_MATCH and (not fits or older_match > match + 1e-9):
                    layout, placement, match = older, older_placement, older_match
    shows = [[n] if n < len(pages) else [] for n in range(layout.page_count)]
    if match < MIN_LAYOUT_MATCH or len(pages) != layout.page_count:
        # pages missing, doubled or out of order: each matched to the form's page it shows
        tried = [layout]
        if match < MIN_LAYOUT_MATCH:  # none fits as a whole (still today's): the earlier ones too
            tried += _older_layouts(schema, identity, layout)
        best = -1.0
        for candidate in tried:  # the one whose labels the pages show best, the newest of equals
            found = pages_shown(pages, candidate)
            if found is not None:
                if found[2] > best + 1e-9:
                    shows, placement, best = found
                    match, layout = 1.0, candidate
                if found[2] >= _ALL_FOUND:
                    break
    return layout, shows, placement, match


_ALL_FOUND = 0.999
"""A match of every label: the copy is of that layout (:func:`best_placement` stops there)."""


def best_placement(pages: list[_PageContent], layout: FormLayout) -> tuple[Placement, float]:
    """The placement under which most of the layout's labels are found (as made wins ties)."""
    if not pages:
        return Placement(), 0.0
    best, score = Placement(), -1.0
    for candidate in placements(pages[0], layout):
        match = layout_match(pages, layout, candidate)
        if match > score + 1e-9:
            best, score = candidate, match
        if score >= _ALL_FOUND:
            break
    return best, score


_PRINTED_PAGE = re.compile(r"\b(\d+)/(\d+)$")
"""The page number a form prints at the end of a footer line („Seite 2/3“)."""


def pages_shown(
    pages: list[_PageContent], layout: FormLayout
) -> tuple[list[list[int]], Placement, float] | None:
    """For each of the form's pages, the copy's pages that show it (in the copy's order), the
    placement under which they do, and the share of the labels found on the first copy of
    each page shown (:func:`layout_match` of those pages); ``None`` when no page of the copy
    shows one of the form's pages, or one shows a page partly (another layout, an edited copy).

    A copy's page shows the form's page whose printed labels are found on it
    (:data:`MIN_LAYOUT_MATCH`); of several alike (the entries of a checklist), the one whose
    number its footer prints. A page with under half of any page's labels shows none (a
    covering letter or fax cover sheet before or after the form); a placement under which the
    first page with a form reference on it (:func:`foreign_page`) shows none is not
    tried further (a copy that is none: a PDF of the Word form). For copies whose pages are
    missing, doubled or out of order (a scanner or print driver that puts the last page first):
    a copy in order costs one :func:`best_placement`, as before.
    """
    labels = _labels(layout)
    indexes = [page.char_index() for page in pages]
    printed = []  # the form's page each page's footer names (-1: none of this form's)
    for page in pages:
        footer = _lines(c for c in page.chars if c[1] < FOOTER_TOP)
        number = next(filter(None, map(_PRINTED_PAGE.search, footer)), None)
        same_form = number is not None and int(number[2]) == layout.page_count
        printed.append(int(number[1]) - 1 if number and same_form else -1)
    first = next((i for i, page in enumerate(pages) if not foreign_page(page)), 0)
    for candidate in placements(pages[first], layout):
        shows: list[list[int]] = [[] for _ in labels]
        found = [0] * len(labels)  # the labels found on the first copy of each page shown
        for i, index in enumerate(indexes):
            counts = [_labels_found(index, ls, candidate) for ls in labels]
            shares = [n / max(len(ls), 1) for n, ls in zip(counts, labels, strict=True)]
            fits = [n for n, share in enumerate(shares) if share >= MIN_LAYOUT_MATCH]
            if fits:
                shown = printed[i] if printed[i] in fits else max(fits, key=shares.__getitem__)
                if not shows[shown]:
                    found[shown] = counts[shown]
                shows[shown].append(i)
            elif i == first or max(shares) >= 0.5:
                break
        else:
            if any(shows):
                total = sum(len(ls) for ls, copies in zip(labels, shows, strict=True) if copies)
                return shows, candidate, sum(found) / total if total else 0.0
    return None


def recover_values(
    pages: Sequence[_PageContent | None], layout: FormLayout, placement: Placement | None = None
) -> tuple[dict[str, RawValue], list[str], list[str]]:
    """Every value the boxes of ``layout`` show on ``pages`` (text, ticks, shown choices); the
    fields whose text cannot be read back (:data:`UNREADABLE`, noted). ``pages[n]``: the copy's
    page that shows the form's page ``n`` (``None``, or none beyond the list: not in the copy,
    its boxes not read)."""
    notes: list[str] = []
    where = placement or Placement()
    values: dict[str, RawValue] = {}
    groups: dict[str, list[str]] = {}
    illegible: list[str] = []
    held: dict[tuple[int, Rect], list[Glyph]] = {}  # the glyphs of each text box
    for number, page in enumerate(pages):
        if page is None:
            continue
        rects = [where.rect(b.rect) for b in layout.boxes_on(number) if b.kind in _TEXT_KINDS]
        held.update(((number, r), g) for r, g in zip(rects, box_glyphs(page, rects), strict=True))
    for box in layout.boxes:
        page = pages[box.page] if box.page < len(pages) else None
        if page is None:
            continue
        rect = where.rect(box.rect)
        if box.kind in (WidgetKind.CHECKBOX, WidgetKind.CHOICE):
            ticked = box_marked(page, rect)
            if box.kind is WidgetKind.CHECKBOX:
                values[box.path] = ticked
            else:
                chosen = groups.setdefault(box.path, [])
                if ticked and box.option:
                    chosen.append(box.option)
            continue
        glyphs = held[box.page, rect]
        text, unspaced, guessed, unreadable = box_reading(page, rect, glyphs=glyphs)
        if unreadable:
            # a list's other text is part of its value: its ticks alone would be another value
            field = box.path.removesuffix(f".{OTHER}") if box.option == OTHER else box.path
            notes.append(SaidJoined((field, UNREADABLE), ": "))
            illegible.append(field)
            continue
        if box.field.type in UNSPACED_TYPES:
            text = unspaced
        if not text:
            continue
        if guessed:
            notes.append(SaidJoined((box.path, ORDER_GUESSED), ": "))
        if any(_past(rect, c) for c in glyphs if c[4].strip()):
            notes.append(SaidJoined((box.path, CUT_OFF), ": "))
        if box.kind is WidgetKind.COMBO:
            value = choice_value(box.field, text)
            if value is None:
                notes.append(Said("ingest_pdf_not_a_choice", path=box.path, text=text[:60]))
                value = text
            values[box.path] = value
        else:
            values[box.path] = text
    for path, chosen in groups.items():
        if len(chosen) == 1:
            values[path] = chosen[0]
        elif len(chosen) > 1:
            notes.append(Said("ingest_pdf_several_ticked", path=path, chosen=", ".join(chosen)))
    if illegible:  # the ticks of a list whose other text cannot be read
        values = {p: v for p, v in values.items() if p.rpartition(".")[0] not in illegible}
    return values, notes, illegible


BLANK = ("", False)
"""What a box shows when nothing is written or ticked in it."""


def _field_of(box: Box) -> str:
    """The field whose value ``box`` holds part of: a multiple choice's for its ticks and its
    other text, else the box's own path."""
    if box.option and box.kind is not WidgetKind.CHOICE:
        return box.path.rpartition(".")[0]
    return box.path


def _shown(path: str, value: RawValue) -> str:
    """A value read from a box, as a note names it (a tick: its option's code)."""
    return path.rpartition(".")[2] if value is True else str(value)


def box_text(page: _PageContent, rect: Rect) -> str:
    """The text drawn inside ``rect``: its lines top to bottom, NFC, each as it was written."""
    return box_reading(page, rect)[0]


class BoxReading(NamedTuple):
    """What :func:`box_reading` read inside a box."""

    text: str
    """Its lines top to bottom, NFC, each as it was written; wrapped lines joined with a space."""
    unspaced: str
    """The same with the lines the viewer wrapped joined without a space."""
    guessed: bool
    """Whether the order of a line's parts was guessed (see :func:`written_order`)."""
    unreadable: bool = False
    """A glyph inside maps to no character (:data:`UNREADABLE`): the texts are then empty,
    whatever else the box shows, since a reading without it would be another value."""


def box_reading(
    page: _PageContent, rect: Rect, word: bool = False, glyphs: Sequence[Glyph] | None = None
) -> BoxReading:
    """:func:`box_text`; the same with the lines the viewer wrapped joined without a space, as
    a value that holds none (an e-mail or web address) was broken inside a word; whether the
    order of a line's parts was guessed; and whether a glyph inside cannot be read back
    (:class:`BoxReading`). ``word``: a cell of the Word form, whose paragraph is laid out in the
    direction its alignment shows: right to left when it stands at the cell's right edge (the
    form marks a prefilled value that starts with an Arabic word so), else left to right.
    ``glyphs``: the ones the box holds (:func:`box_glyphs`); by default those whose centre lies
    inside it."""
    if glyphs is None:
        glyphs = [c for c in page.chars if _centre_in(rect, c)]
    inside = [c for c in glyphs if c[4] not in ("", "\x00")]
    if any(_UNMAPPED.fullmatch(c[4]) for c in inside):
        return BoxReading("", "", False, unreadable=True)
    lines = _read_lines(inside, False if word else None)
    if word and any(ln.left - rect.x0 > rect.x1 - ln.right + _ALIGNED for ln in lines):
        lines = _read_lines(inside, True)
    if not lines:  # nothing inside, or only spaces (glyphs of a font whose encoding is damaged)
        return BoxReading("", "", False)
    # the box's inner edge: as far from its border as the text comes closest (a viewer's padding)
    pad = max(0.0, min(min(ln.left - rect.x0, rect.x1 - ln.right) for ln in lines))
    text = unspaced = lines[0].text
    for above, line in itertools.pairwise(lines):
        wrapped = _wrapped(above, line, rect.width - 2 * pad)
        text += (" " if wrapped else "\n") + line.text
        unspaced += ("" if wrapped else "\n") + line.text
    guessed = any(ln.guessed for ln in lines)
    return BoxReading(normalise_text(text).strip(), normalise_text(unspaced).strip(), guessed)


def box_glyphs(page: _PageContent, rects: Sequence[Rect]) -> list[list[Glyph]]:
    """The glyphs each of ``rects`` (the text boxes of ``page``) holds: those whose centre lies
    inside it, and those of a run of text begun inside it that goes on past its edge.

    A value longer than its box is cut off on the page where the box ends, but the viewer draws
    it whole (PDFium, qpdf's appearances: clipped to the box), and a print driver keeps what is
    drawn (poppler's ``pdftocairo`` some of it): the rest lies beside or below the box, in the
    next box or beyond the page's margin. A run — glyphs drawn one after the other, each of the
    same size where the one before ends, or at the start of the next line of a box that goes
    on over several (:func:`_goes_on`) — is one stretch of one field's text. It belongs to the
    box its first line begins in, at its leftmost glyph: a viewer sets a field's text from the
    left edge of its box, and what does not fit runs on past the right edge (PDFium draws
    right-to-left text so too, from its first letter beyond that edge). So the next box holds
    only its own text. A run whose first line begins outside every box is read glyph by glyph
    where it lies."""
    runs: list[list[Glyph]] = []
    line = 0  # where the run's current line starts
    leading: float | None = None  # how far the run's lines are apart, once it has two
    for k, c in enumerate(page.chars):
        before = page.chars[k - 1]
        if k and _goes_on(before, c, page.chars[line], leading):
            if c[1] < before[1] - c[5] / 2:
                line, leading = k, before[1] - c[1]
            runs[-1].append(c)
        else:
            line, leading = k, None
            runs.append([c])
    held: list[list[Glyph]] = [[] for _ in rects]
    for run in runs:
        start = min((c for c in run if abs(c[1] - run[0][1]) < c[5] / 2), key=lambda c: c[0])
        owner = next((i for i, r in enumerate(rects) if _centre_in(r, start)), None)
        if owner is not None:
            held[owner] += run
            continue
        for c in run:
            for i, r in enumerate(rects):
                if _centre_in(r, c):
                    held[i].append(c)
    return held


def _goes_on(before: Glyph, glyph: Glyph, line: Glyph, leading: float | None) -> bool:
    """Whether ``glyph``, drawn right after ``before``, goes on the text of ``before``'s run:
    of the same size, either on the same baseline where ``before`` ends (or, right to left,
    where it begins), or one line lower where the run's current line (its first glyph ``line``)
    begins (or ends) — as far below as the run's lines are apart (``leading``), or 0.9 to 1.6
    times the size at its first line break (PDFium's line spacing is 1.0, pdf.js's 1.47).
    Exactly there: a viewer draws a field's text as one string, line under line, while another
    field's text meets it so only by chance."""
    size = glyph[5]
    if size <= 0 or abs(before[5] - size) > size * 0.01:
        return False
    near = size * 0.03
    drop = before[1] - glyph[1]
    if abs(drop) <= near:
        return abs(glyph[0] - before[2]) <= near or abs(before[0] - glyph[2]) <= near
    below = 0.9 * size <= drop <= 1.6 * size if leading is None else abs(drop - leading) <= near
    return below and (abs(glyph[0] - line[0]) <= near or abs(glyph[2] - line[2]) <= near)


def _centre_in(rect: Rect, c: Glyph) -> bool:
    return rect.contains((c[0] + c[2]) / 2, (c[1] + c[3]) / 2, _SLACK)


def _past(rect: Rect, c: Glyph) -> bool:
    """Whether the glyph reaches past the edge of ``rect`` (no slack: a viewer clips a field's
    text inside its box, PDFium 1 pt inside), so the copy shows it cut off."""
    return not (rect.contains(c[0], c[1]) and rect.contains(c[2], c[3]))


def _wrapped(above: _Line, line: _Line, width: float) -> bool:
    """Whether the viewer broke the text before ``line`` because it ran out of ``width``: the
    first word of ``line`` would not have fitted after ``above``, with a space before it and,
    when more words follow, one after it (PDFium keeps room for that one). A line typed with
    Enter ends short of that. Judged on widths, not on where a line ends, so a right-to-left
    line is judged alike. Within half a per cent of ``width`` it counts as not fitted: a copy
    printed again (poppler) draws a line that much narrower or wider."""
    if above.y - line.y > 1.6 * line.size:  # a blank line between: typed with Enter
        return False
    words = linebreak.words(line.text)
    need = f" {words[0]}{' ' if len(words) > 1 else ''}"
    return above.right - above.left + text_width(need, line.size) > width * 0.995


class _Line(NamedTuple):
    """One text line of glyphs: its text as written, whether that order was guessed, where its
    glyphs (spaces aside) start and end, the bottom of their boxes, and their font size."""

    text: str
    guessed: bool
    left: float
    right: float
    y: float
    size: float


def _lines(chars: Iterable[tuple[float, float, float, float, str, float]]) -> list[str]:
    """The text lines of ``chars``, top to bottom (:func:`_read_lines` without its guesses)."""
    return [line.text for line in _read_lines(chars)]


def _read_lines(
    chars: Iterable[tuple[float, float, float, float, str, float]], rtl: bool | None = None
) -> list[_Line]:
    """Glyphs grouped into text lines (top to bottom), each as it was written
    (:func:`written_order`), with whether the order of its parts was guessed and where it is
    drawn (:class:`_Line`).

    Spaces are the ones drawn, and a gap wider than a fifth of the font size next to none (a
    space is a quarter to a third of it: DejaVu Sans 0.32; letters of a word touch or kern):
    some producers position words instead of drawing spaces, and poppler's ``pdftocairo``
    leaves out a space here and there in a line drawn in the order written.
    """
    rows: list[list[tuple[int, tuple[float, float, float, float, str, float]]]] = []
    for i, c in sorted(enumerate(chars), key=lambda ic: -(ic[1][1] + ic[1][3]) / 2):
        mid = (c[1] + c[3]) / 2
        if rows:
            last = rows[-1][0][1]
            tolerance = max(1.0, (last[3] - last[1]) * 0.5)
            if abs((last[1] + last[3]) / 2 - mid) <= tolerance:
                rows[-1].append((i, c))
                continue
        rows.append([(i, c)])
    lines = []
    for row in rows:
        row.sort(key=lambda ic: ic[1][0])
        glyphs: list[tuple[float, str]] = []
        right = float("-inf")  # where the glyphs so far end (a zero-width one ends early)
        crossings = None  # worked out at the row's first missing space only
        for i, c in row:
            gap = c[0] - right if glyphs and " " not in (c[4], glyphs[-1][1]) else 0.0
            if gap > max(c[5], 1.0) / 5:
                crossings = _crossings(row) if crossings is None else crossings
                glyphs.append((_space_at(crossings, right, c[0], min(glyphs[-1][0], i)), " "))
            glyphs.append((i, c[4]))
            right = max(right, c[2])
        text, guessed = written_order(glyphs, rtl)
        if text.strip():
            ink = [c for _, c in row if c[4].strip()]
            lines.append(
                _Line(
                    text.strip(),
                    guessed,
                    min(c[0] for c in ink),
                    max(c[2] for c in ink),
                    min(c[1] for c in ink),
                    max(c[5] for c in ink),
                )
            )
    return lines


def _crossings(
    row: list[tuple[int, tuple[float, float, float, float, str, float]]],
) -> list[tuple[float, float, float]]:
    """Each step from a glyph of ``row`` to the next one drawn: (the place in the drawing order
    between them, the leftmost and the rightmost of their middles)."""
    drawn = sorted(row)
    out = []
    for (i, a), (_, b) in itertools.pairwise(drawn):
        x, y = (a[0] + a[2]) / 2, (b[0] + b[2]) / 2
        out.append((i + 0.5, min(x, y), max(x, y)))
    return out


def _space_at(
    crossings: list[tuple[float, float, float]], x0: float, x1: float, near: float
) -> float:
    """Where in the drawing order a space read from a gap between ``x0`` and ``x1`` goes: at
    the step from one glyph to the next drawn that crosses the gap (formgen and PDFium draw
    in the order written; a number in right-to-left text stands left of the word written
    before it: „هاتف 0211 123456“, its spaces left out by poppler, was read „هاتف 0 211123456“),
    or, where none does, after the neighbour drawn first (``near``)."""
    for place, left, right in crossings:
        if left <= x0 and right >= x1:
            return place
    return near + 0.5


_DRAWN_LAM_ALEF = re.compile("[\u0622\u0623\u0625\u0627]\u0644")
"""The text of a lam-alef glyph of formgen's fonts: alef (with or without hamza or madda), lam."""


def written_order(glyphs: Sequence[tuple[float, str]], rtl: bool | None = None) -> tuple[str, bool]:
    """One line's glyphs, left to right, back in the order the text was written, and whether
    that order is a guess.

    Each glyph comes with its place in the drawing order (a space read from a gap: after the
    neighbour drawn first) and its text: several letters already in the order written for a
    ligature (lam-alef is "لا"; formgen's font gives its letters as drawn, "ال"), or an Arabic
    presentation form (a shaped glyph) for the letter it shows. Only lines with right-to-left
    letters (Arabic, Hebrew) need it.

    formgen draws such a line (:meth:`formgen.pdf_font.FieldFont.show`), as PDFium draws what
    is typed, glyph by glyph in the order written, each at its place: that order is the text
    (formgen's brackets, drawn facing the other way in right-to-left text, turned back; PDFium
    draws them as typed). A lone bracket is drawn alike by both („1) مركز“ by PDFium, „1( مركز“
    by formgen): the reading with fewer brackets left unpaired, then fewer left open, is taken
    — a list is numbered „1)“, a bracket is rarely opened and never closed. A
    line drawn left to right (LibreOffice; formgen's forms made before it drew so) shows only
    the visual order, read back with the writer's bidi algorithm (:mod:`formgen.bidi_order`,
    plain UAX #9: without formgen's full stop of „e.V.“ kept with its word) as the text whose
    drawing it is. Where right-to-left text meets Latin letters, or numbers
    in a left-to-right line, several texts are drawn alike („مركز – Beratung“ and „Beratung –
    مركز“): that is a guess, and so is a line that formgen would not draw so.

    ``rtl``: the direction of the line's paragraph when the page shows it (a PDF of the Word
    form, laid out by LibreOffice, each run of one direction drawn on its own, its glyphs left
    to right): left to right whatever its letters (:func:`_ltr_reading`), or right to left
    (:func:`_rtl_reading`); ``None``: the direction follows from the text, as formgen draws it.
    """
    units = [
        "".join(unicodedata.normalize("NFKC", ch) if 0xFB50 <= ord(ch) <= 0xFEFF else ch
                for ch in text)
        for _, text in glyphs
    ]  # fmt: skip
    # formgen's font gives a lam-alef's letters as drawn (formgen.pdf_font.glyph_text): one
    # glyph's "ال" is the ligature "لا" (an alef joins no letter after it)
    units = [unit[::-1] if _DRAWN_LAM_ALEF.fullmatch(unit) else unit for unit in units]
    if not any(_is_rtl(ch) for unit in units for ch in unit):
        return "".join(units), False
    # what is drawn, a character each, as formgen.bidi_order draws it (a ligature's letters
    # right to left); compared without the zero-width joiners, drawn either side of a glyph
    visual = "".join(unit[::-1] if any(map(_is_rtl, unit)) else unit for unit in units)
    if rtl is not None:
        return _rtl_reading(visual) if rtl else _ltr_reading(visual)
    shown = _no_joiners(visual)
    in_order = sorted(range(len(units)), key=lambda k: glyphs[k][0])
    if in_order != list(range(len(units))):
        written = "".join(units[k] for k in in_order)
        # formgen draws a bracket in right-to-left text facing the other way, PDFium as typed: a
        # lone one („1) مركز“) is drawn alike by both, so the reading whose brackets pair wins
        readings = [written]
        base = paragraph_rtl(written)
        for rtl in () if _unpaired(written) == (0, 0) else (base, not base):
            turned = "".join(
                ch.translate(MIRRORED) if drawn != ch else ch
                for ch, (_, drawn) in zip(written, sorted(drawn_order(written, rtl)), strict=True)
            )
            if _no_joiners(visual_line(turned, rtl)) == shown:
                readings.append(turned)
        return min(readings, key=_unpaired), False
    rtl = paragraph_rtl(visual)
    text = _drawn_as(visual_line(visual, rtl, plain=True), visual, rtl)
    if text is None:
        return visual_line(visual, rtl, plain=True), True
    kinds = {unicodedata.bidirectional(ch) for ch in text}
    return text, "L" in kinds or (not rtl and bool(kinds & {"EN", "AN"}))


def _ltr_reading(visual: str) -> tuple[str, bool]:
    """What a line drawn as ``visual`` in a left-to-right paragraph was written as, and whether
    that is a guess: LibreOffice's PDF of the Word form.

    Only where the glyphs are drawn counts (LibreOffice draws each run of one direction on its
    own, its glyphs left to right). In such a paragraph Latin text keeps its place and each
    stretch of right-to-left letters is drawn reversed, with the numbers and brackets that
    belong to it; what the page leaves open is how far a stretch reaches over the digits and
    brackets beside it („12 مركز“ and „مركز 12“ are drawn alike). Each reach that draws what
    the page shows is a reading; as in :func:`written_order` the one with fewer brackets left
    unpaired, then fewer left open, is taken, then the one whose digits follow the Arabic
    („شارع كولن 12“). It is a guess when another reading is as likely. A bracket drawn facing
    the other way is read as the glyph it shows or, where that pairs more brackets, as the
    character typed: LibreOffice may name the glyph so (the „[“ of „الأمل [مركز]“).
    """
    kinds = ["R" if _is_rtl(ch) else unicodedata.bidirectional(ch) for ch in visual]
    reaches: list[list[tuple[int, int]]] = []  # per stretch of right-to-left letters
    latin = -1  # the last Latin letter before the stretch
    k = 0
    while k < len(visual):
        if kinds[k] != "R":
            latin = k if kinds[k] == "L" else latin
            k += 1
            continue
        start = end = k
        while k < len(visual) and kinds[k] != "L":  # up to the next Latin letter
            end = k + 1 if kinds[k] == "R" else end
            k += 1
        lefts = [start, *(j for j in range(latin + 1, start) if _may_end_run(visual, j, j - 1))]
        rights = [end, *(j + 1 for j in range(end, k) if _may_end_run(visual, j, j + 1))]
        reaches.append([(left, right) for left in lefts for right in rights])
    readings: dict[tuple[str, bool], None] = {}  # (text, bracket read as its glyph)
    for reach in itertools.islice(itertools.product(*reaches), _MAX_READINGS):
        for mirrored in (True, False):
            seed = list(visual)
            for left, right in reach:
                run = visual[left:right][::-1]
                seed[left:right] = run.translate(MIRRORED) if mirrored else run
            text = _drawn_as("".join(seed), visual, False, mirrored)
            if text is not None:
                readings[text, mirrored] = None
    if not readings:
        return visual_line(visual, False, plain=True), True

    def likely(reading: tuple[str, bool]) -> tuple[tuple[int, int], bool]:
        return _unpaired(reading[0]), not reading[1]

    best = min(readings, key=lambda r: (*likely(r), -_digits_after_rtl(r[0])))
    return best[0], sum(likely(r) == likely(best) for r in readings) > 1


def _rtl_reading(visual: str) -> tuple[str, bool]:
    """What a line drawn as ``visual`` in a right-to-left paragraph was written as, and whether
    that is a guess: LibreOffice's PDF of a prefilled Arabic value of the Word form. Only where
    the glyphs are drawn counts, as in :func:`_ltr_reading`; with the paragraph's direction
    known, the text is the one the bidi algorithm draws so. A bracket drawn facing the other way
    is read as the glyph shown or, where that draws nothing alike, as the character typed. Open
    is only how far Latin text reaches over the digits beside it („Haus 12“ and „12 Haus“ are
    drawn alike): a line holding both is a guess."""
    first = visual_line(visual, True, plain=True)
    text = _drawn_as(first, visual, True) or _drawn_as(first, visual, True, mirrored=False)
    if text is None:
        return first, True
    kinds = {unicodedata.bidirectional(ch) for ch in text}
    return text, "L" in kinds and bool(kinds & {"EN", "AN"})


_MAX_READINGS = 64
"""How many reaches of a line's right-to-left stretches are tried (a line holds one or two)."""


def _may_end_run(visual: str, k: int, beyond: int) -> bool:
    """Whether a right-to-left run may end at ``visual[k]`` (``beyond``: the next one out): a
    number's last digit (or %, €), a bracket, a mark."""
    kind = unicodedata.bidirectional(visual[k])
    if visual[k] in "()[]{}" or kind == "NSM":
        return True
    if kind not in ("EN", "AN", "ET"):
        return False
    return not (0 <= beyond < len(visual) and visual[beyond].isdigit())


def _digits_after_rtl(text: str) -> int:
    """How many digits of ``text`` follow right-to-left letters (no Latin letter between)."""
    strong, count = "L", 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind in ("EN", "AN") and strong != "L":
            count += 1
    return count


def _drawn_as(text: str, visual: str, rtl: bool, mirrored: bool = True) -> str | None:
    """The text, found from a first guess ``text``, that a paragraph of direction ``rtl`` draws
    as ``visual`` (zero-width joiners aside), or ``None``. ``mirrored``: a bracket drawn facing
    the other way is read as the glyph it shows (else as the character it stands for)."""
    shown = _no_joiners(visual)
    for _ in range(4):
        order = drawn_order(text, rtl, plain=True)
        drawn = "".join(glyph if mirrored else text[k] for k, glyph in order)
        if _no_joiners(drawn) == shown:
            return text
        chars = [""] * len(text)
        for at, (k, glyph) in enumerate(order):
            turned = mirrored and glyph != text[k]
            chars[k] = visual[at].translate(MIRRORED) if turned else visual[at]
        text = "".join(chars)
    return None


def _unpaired(text: str) -> tuple[int, int]:
    """How many brackets in ``text`` pair with none, and how many of those open one (fewer is
    likelier typed: a lone closing bracket numbers a list, „1) …“, „a) …“)."""
    open_: list[str] = []
    closing = 0
    for ch in text:
        if ch in "([{":
            open_.append(ch)
        elif ch in ")]}":
            if open_ and open_[-1] == "([{"[")]}".index(ch)]:
                open_.pop()
            else:
                closing += 1
    return closing + len(open_), len(open_)


def _no_joiners(text: str) -> str:
    """``text`` without zero-width (non-)joiners (ZWNJ in می‌خواهم)."""
    return text.replace("\u200c", "").replace("\u200d", "")


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def box_marked(page: _PageContent, rect: Rect) -> bool:
    """A tick drawn inside the box: a glyph, or a path clearly smaller than the box outline."""
    for c in page.chars:
        if c[4].strip() and rect.contains((c[0] + c[2]) / 2, (c[1] + c[3]) / 2, _SLACK):
            return True
    for x0, y0, x1, y1 in page.marks:
        if not rect.contains((x0 + x1) / 2, (y0 + y1) / 2, 0.0):
            continue
        if x0 < rect.x0 - _SLACK or x1 > rect.x1 + _SLACK:
            continue
        if y0 < rect.y0 - _SLACK or y1 > rect.y1 + _SLACK:
            continue
        outline = (x1 - x0) >= rect.width * 0.9 and (y1 - y0) >= rect.height * 0.9
        if not outline:
            return True
    return False


__all__ = [
    "CUT_OFF",
    "ORDER_GUESSED",
    "READER",
    "UNREADABLE",
    "WORD_READER",
    "BoxReading",
    "Lookup",
    "Placement",
    "best_placement",
    "find_reference",
    "foreign_notes",
    "foreign_page",
    "layout_match",
    "page_notes",
    "pages_shown",
    "read_flattened",
    "read_pdf",
    "read_twice",
    "read_word_copy",
    "recover_values",
    "resolve_identity",
    "written_order",
]
