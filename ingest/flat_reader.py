"""Read a flattened or printed-to-PDF copy of a formgen form: values recovered by position.

When a form is printed to PDF (a browser's "Save as PDF", poppler's ``pdftocairo -pdf``) or
flattened (``qpdf --flatten-annotations``), its fields are gone; what was typed is drawn on the
page. Such a copy is recognised by the form reference in the footer of every page
(``FG-XXXXX-XXXXX``); the caller's ``lookup`` (the workspace's issued forms) turns the
reference back into the form's identity. The identity gives schema, kind, categories and
language, so :func:`formgen.layout.layout_form` recomputes exactly the geometry the generator
used, and the text drawn inside each box is the value:

* text boxes: the characters whose centre lies inside the box (pdfplumber), in reading order,
  one line per text line; right-to-left runs (Arabic) are turned back into logical order;
* checkboxes: ticked when a mark (a glyph or a path smaller than the box outline) is drawn
  inside the box; a group of exclusive boxes gives the value of the one ticked box;
* drop-downs: the shown label, mapped back to its choice value.

Values read this way are ``confidence="low"`` (reader ``flattened-pdf``): what a viewer drew
may differ from what was typed (a font without a glyph drops that letter).

A PDF made of the Word form (Word's "Save as PDF", LibreOffice's export, a print driver) has
the same reference in its footer but none of the PDF form's geometry. Its tables are read
instead (:func:`read_word_copy`, reader ``docx-pdf``): every two-cell row, label and value, in
reading order, matched against the rows the Word form was written with
(:func:`formgen.docx_form.form_plan`).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

import pdfplumber

from formgen.docx_form import form_plan
from formgen.errors import FormgenError, UnreadableFileError
from formgen.identity import FormIdentity, parse_reference
from formgen.layout import MARGIN_BOTTOM, FormLayout, Rect, WidgetKind, layout_for_identity
from formgen.model import Schema
from ingest.form_rows import values_from_rows
from ingest.pdf_reader import (
    DEFAULT_LIMITS,
    INFO_KEY,
    MESSAGES,
    NO_FIELDS_NOTE,
    ReadLimits,
    check_end_marker,
    check_header,
    check_object_count,
    identity_from_json,
    info_strings,
    normalise_text,
    open_pdf,
    provenance,
    read_acroform,
    read_bounded,
)
from ingest.sniff import PAPER_ADVICE
from ingest.submission import RawSubmission, RawValue
from ingest.values import choice_value

READER = "flattened-pdf"
WORD_READER = "docx-pdf"
Lookup = Callable[[str], FormIdentity | None]
"""Instance id → the identity the workspace issued under it, or ``None``."""

FOOTER_TOP = MARGIN_BOTTOM + 40.0
"""The footer band (from the page's bottom edge) where the reference is printed."""
MIN_LAYOUT_MATCH = 0.95
"""Share of the layout's printed labels that must be found where the layout puts them before
values are read by position (a form of an older layout matched 90 %, a current copy 100 %)."""
SCAN_NOTE = (
    "the pages are pictures without text: a scan or a photo of a paper form, which formgen "
    f"cannot read; {PAPER_ADVICE}"
)
_SLACK = 1.0
"""Points a glyph's centre may lie outside its box (anti-aliasing, rounding of printers)."""


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
            raise UnreadableFileError(
                file_name,
                "too-large",
                MESSAGES["too-many-pages"].format(count=len(qpdf.pages), limit=limits.max_pages),
            )
        info = info_strings(qpdf)
    prov = replace(provenance(data, file_name, info, sha256), reader=READER)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_PageContent.of(p) for p in pdf.pages]
            # no text anywhere, but pictures: a scan or a photo of a paper form
            scanned = not any(p.chars for p in pages) and any(p.images for p in pdf.pages)
    except Exception as exc:  # pdfminer raises many unrelated types on broken page content
        raise UnreadableFileError(
            file_name,
            "damaged",
            f"the PDF's pages could not be read ({exc.__class__.__name__}); ask the sender "
            "to print or save the form again",
        ) from None
    reference, ref_notes = find_reference(pages)
    notes = list(ref_notes)
    if reference is None:
        notes.append(
            SCAN_NOTE
            if scanned
            else "no form reference (FG-XXXXX-XXXXX) found on the pages: not a formgen form, "
            "or the footer was cut off"
        )
        return RawSubmission(None, {}, prov, "low", tuple(notes))
    identity, id_notes = resolve_identity(reference, info.get(INFO_KEY), lookup)
    notes += id_notes
    if identity is None:
        return RawSubmission(None, {}, prov, "low", tuple(notes))
    if (identity.schema_id, identity.schema_version) != (schema.schema_id, schema.schema_version):
        notes.append(
            f"the form was made with schema {identity.schema_id} {identity.schema_version}, "
            f"not {schema.schema_id} {schema.schema_version}; its field positions are unknown"
        )
        return RawSubmission(identity, {}, prov, "low", tuple(notes), unread=True)
    try:
        layout = layout_for_identity(schema, identity)
    except FormgenError as exc:
        notes.append(f"the form's layout could not be rebuilt: {exc}")
        return RawSubmission(identity, {}, prov, "low", tuple(notes), unread=True)
    placement, match = best_placement(pages, layout)
    if match < MIN_LAYOUT_MATCH:
        word_values, word_notes = read_word_copy(pages, schema, identity)
        notes += word_notes
        if word_values is not None:
            notes.append(
                f"values were read from the tables of a PDF made of the Word form (reference "
                f"{identity.reference}), row by row; check them before relying on them"
            )
            return RawSubmission(
                identity, word_values, replace(prov, reader=WORD_READER), "low", tuple(notes)
            )
        if not word_notes:  # no copy of the Word form either
            maker = word_processor(info)
            notes.append(
                f"a PDF that {maker} made of the form, without the Word form's tables: no "
                "values were read — ask the sender for the .docx or the PDF form itself"
                if maker
                else f"the pages do not match the layout of form {identity.reference}: only "
                f"{match:.0%} of its printed labels are where formgen put them (printed scaled, "
                "made by another formgen version, or edited); no values were read — enter them "
                "by hand"
            )
        return RawSubmission(identity, {}, prov, "low", tuple(notes), unread=True)
    if placement != Placement():
        notes.append(
            f"the copy was printed at {placement.scale:.0%} of the form's size; "
            "positions were scaled to match"
        )
    values, value_notes = recover_values(pages, layout, placement)
    notes += value_notes
    notes.append(
        f"values were recovered by position from a copy without form fields "
        f"(reference {identity.reference}); check them before relying on them"
    )
    return RawSubmission(identity, values, prov, "low", tuple(notes))


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
    if NO_FIELDS_NOTE not in sub.notes:
        return sub
    return read_flattened(
        data, file_name, schema=schema, lookup=lookup, limits=limits, sha256=sha256
    )


# --------------------------------------------------------------------------- page content


class _PageContent:
    """What is drawn on one page, in PDF coordinates (origin bottom left)."""

    __slots__ = ("chars", "height", "marks", "rows", "width")

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


def find_reference(pages: list[_PageContent]) -> tuple[str | None, list[str]]:
    """The instance id printed in the pages' footers; a note when pages disagree."""
    found: list[str] = []
    for page in pages:
        footer = _lines(c for c in page.chars if c[1] < FOOTER_TOP)
        ref = parse_reference(" ".join(footer))
        if ref is None:  # a printer may scale the page: look anywhere on it
            ref = parse_reference(" ".join(_lines(page.chars)))
        if ref:
            found.append(ref)
    if not found:
        return None, []
    distinct = list(dict.fromkeys(found))
    notes = []
    if len(distinct) > 1:
        refs = ", ".join(f"FG-{r[:5]}-{r[5:]}" for r in distinct)
        notes.append(f"the pages carry different form references ({refs}); the first was used")
    return distinct[0], notes


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
                f"the document metadata names another form ({from_info.reference}) than the "
                f"printed reference {ref}; the printed reference was used"
            )
        return issued, notes
    if from_info is not None and from_info.instance_id == instance_id:
        notes.append(
            f"the reference {ref} is not in this workspace's issued forms; the identity was "
            "taken from the document metadata"
        )
        return from_info, notes
    notes.append(
        f"the form reference {ref} was not issued by this workspace: an unknown form "
        "(made in another workspace, or the reference was misread)"
    )
    return None, notes


# --------------------------------------------------------------------------- a PDF of the Word form


def read_word_copy(
    pages: list[_PageContent], schema: Schema, identity: FormIdentity
) -> tuple[dict[str, RawValue] | None, list[str]]:
    """The values a PDF of the Word form shows in its tables, or ``None`` and why not (no note:
    the PDF shows none of the Word form's rows, it is no copy of it)."""
    try:
        plan = form_plan(schema, identity.kind, identity.categories, identity.lang)
    except FormgenError as exc:
        return None, [f"the Word form's rows could not be rebuilt: {exc}"]
    values, notes = values_from_rows(word_copy_rows(pages), plan)
    if values is None and notes:
        notes = [
            f"a PDF made of the Word form (.docx), but {notes[0]}: no values were read — ask "
            "the sender for the .docx"
        ]
    return values, notes


def word_copy_rows(pages: list[_PageContent]) -> list[tuple[str, str]]:
    """(label, value) text of every two-cell table row on the pages, in reading order."""
    return [
        (box_text(page, row[0]), box_text(page, row[1]))
        for page in pages
        for row in page.rows
        if len(row) == 2
    ]


# --------------------------------------------------------------------------- values by position


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
    pages: list[_PageContent], layout: FormLayout, placement: Placement | None = None
) -> float:
    """The share of the layout's static text lines whose first glyph is drawn where the layout
    put it: the check that the geometry fits this copy before anything is read by position."""
    where = placement or Placement()
    index: list[dict[str, list[tuple[float, float]]]] = []
    for page in pages:
        by_char: dict[str, list[tuple[float, float]]] = {}
        for c in page.chars:
            by_char.setdefault(c[4], []).append((c[0], c[1]))
        index.append(by_char)
    found = total = 0
    for line in layout.texts:
        first = line.text.lstrip()[:1]
        if not first or line.page >= len(pages):  # a missing page is noted elsewhere
            continue
        total += 1
        x, y = where.point(line.x, line.y)
        size = line.size * where.scale
        if any(
            abs(cx - x) < 1.5 and y - size * 0.6 <= cy <= y + size * 0.3
            for cx, cy in index[line.page].get(first, ())
        ):
            found += 1
    return found / total if total else 0.0


def best_placement(pages: list[_PageContent], layout: FormLayout) -> tuple[Placement, float]:
    """The placement under which most of the layout's labels are found (as made wins ties)."""
    if not pages:
        return Placement(), 0.0
    best, score = Placement(), -1.0
    for candidate in placements(pages[0], layout):
        match = layout_match(pages, layout, candidate)
        if match > score + 1e-9:
            best, score = candidate, match
        if score >= 0.999:
            break
    return best, score


def recover_values(
    pages: list[_PageContent], layout: FormLayout, placement: Placement | None = None
) -> tuple[dict[str, RawValue], list[str]]:
    """Every value the boxes of ``layout`` show on ``pages`` (text, ticks, shown choices)."""
    notes: list[str] = []
    if len(pages) != layout.page_count:
        notes.append(
            f"the copy has {len(pages)} pages, the form had {layout.page_count}; "
            "boxes on missing pages were not read"
        )
    values: dict[str, RawValue] = {}
    groups: dict[str, list[str]] = {}
    for box in layout.boxes:
        if box.page >= len(pages):
            continue
        page = pages[box.page]
        rect = (placement or Placement()).rect(box.rect)
        if box.kind in (WidgetKind.CHECKBOX, WidgetKind.CHOICE):
            ticked = box_marked(page, rect)
            if box.kind is WidgetKind.CHECKBOX:
                values[box.path] = ticked
            else:
                chosen = groups.setdefault(box.path, [])
                if ticked and box.option:
                    chosen.append(box.option)
            continue
        text = box_text(page, rect)
        if not text:
            continue
        if box.kind is WidgetKind.COMBO:
            value = choice_value(box.field, text)
            if value is None:
                notes.append(f"{box.path}: the shown text '{text[:60]}' is none of the choices")
                value = text
            values[box.path] = value
        else:
            values[box.path] = text
    for path, chosen in groups.items():
        if len(chosen) == 1:
            values[path] = chosen[0]
        elif len(chosen) > 1:
            notes.append(f"{path}: several boxes are ticked ({', '.join(chosen)}); left out")
    return values, notes


def box_text(page: _PageContent, rect: Rect) -> str:
    """The text drawn inside ``rect``: its lines top to bottom, NFC, RTL runs in logical order."""
    inside = [
        c
        for c in page.chars
        if rect.contains((c[0] + c[2]) / 2, (c[1] + c[3]) / 2, _SLACK) and c[4] not in ("", "\x00")
    ]
    if not inside:
        return ""
    return normalise_text("\n".join(_lines(inside))).strip()


def _lines(chars: Iterable[tuple[float, float, float, float, str, float]]) -> list[str]:
    """Glyphs grouped into text lines (top to bottom), each read left to right.

    Spaces are the ones drawn; only when a line draws none (some producers position words
    instead of drawing spaces) is a gap wider than a fifth of the font size read as a space (a
    space is a quarter to a third of it: DejaVu Sans 0.32; letters of a word touch or kern).
    """
    rows: list[list[tuple[float, float, float, float, str, float]]] = []
    for c in sorted(chars, key=lambda c: -(c[1] + c[3]) / 2):
        mid = (c[1] + c[3]) / 2
        if rows:
            last = rows[-1][0]
            tolerance = max(1.0, (last[3] - last[1]) * 0.5)
            if abs((last[1] + last[3]) / 2 - mid) <= tolerance:
                rows[-1].append(c)
                continue
        rows.append([c])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c[0])
        drawn_spaces = any(c[4] == " " for c in row)
        parts: list[str] = []
        prev: tuple[float, float, float, float, str, float] | None = None
        for c in row:
            if prev is not None and not drawn_spaces:
                gap = c[0] - prev[2]
                if gap > max(c[5], 1.0) / 5:
                    parts.append(" ")
            parts.append(c[4])
            prev = c
        lines.append(logical_order(parts).strip())
    return [line for line in lines if line]


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


_NEUTRAL = frozenset({"WS", "CS", "ON", "EN", "AN", "ES", "ET", "NSM"})
"""Bidirectional classes that take the direction of the text around them."""


def logical_order(line: str | Sequence[str]) -> str:
    """A line read left to right from the page (visual order) back in logical order.

    ``line`` is the text, or the text of each glyph: a glyph may stand for several characters
    already in logical order (the Arabic ligature lam-alef is "لا"), and stays as it is.
    Right-to-left runs (Arabic, Hebrew; with the spaces and digits between their letters) are
    reversed glyph by glyph; when the line starts right-to-left, the order of the runs is
    reversed too. Arabic presentation forms (shaped glyphs) become the letters they show.
    """
    units = list(line)
    if not any(_is_rtl(ch) for unit in units for ch in unit):
        return "".join(units)
    runs: list[tuple[bool, list[str]]] = []
    for unit in units:
        classes = [unicodedata.bidirectional(ch) for ch in unit]
        strong_rtl = any(c in ("R", "AL") for c in classes)
        neutral = all(c in _NEUTRAL for c in classes)
        rtl = strong_rtl or (neutral and bool(runs) and runs[-1][0])
        if runs and runs[-1][0] == rtl:
            runs[-1][1].append(unit)
        else:
            runs.append((rtl, [unit]))
    # trailing neutrals of an RTL run belong to the text that follows
    fixed: list[tuple[bool, str]] = []
    for rtl, run in runs:
        text = "".join(run)
        if rtl:
            core = text.rstrip(" ")
            fixed.append((True, "".join(reversed(run)).lstrip(" ")))
            if len(core) < len(text):
                fixed.append((False, text[len(core) :]))
        else:
            fixed.append((False, text))
    first_strong = next(
        (ch for ch in "".join(units) if unicodedata.bidirectional(ch) in ("L", "R", "AL")), ""
    )
    if first_strong and _is_rtl(first_strong):
        fixed.reverse()
    ordered = "".join(t for _, t in fixed)
    return "".join(
        unicodedata.normalize("NFKC", ch) if 0xFB50 <= ord(ch) <= 0xFEFF else ch for ch in ordered
    )


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
    "READER",
    "WORD_READER",
    "Lookup",
    "Placement",
    "best_placement",
    "find_reference",
    "layout_match",
    "logical_order",
    "read_flattened",
    "read_pdf",
    "read_word_copy",
    "recover_values",
    "resolve_identity",
]
