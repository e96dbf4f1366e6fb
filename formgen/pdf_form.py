"""Fillable PDF forms (AcroForm) from the schema: :func:`render_pdf`.

How a form is made:

1. :func:`formgen.layout.layout_form` places every label and box (from the identity only);
2. the pages are drawn — headings, labels, box outlines, the footer with the form reference,
   "Stand" date, page X/Y and, on an institution form, the institution's name — in DejaVu Sans
   (:mod:`formgen.pdf_font`), so every script prints;
3. the form fields are a real hierarchy (``psychotherapie`` → ``2`` → ``name``, so the fully
   qualified name is the schema path), each with ``/DA`` naming the same font, which is the
   form's default font in ``/AcroForm /DR``; prefilled values get appearance streams written
   here, in any script (Arabic shaped and placed right to left, drawn in the order written:
   :meth:`formgen.pdf_font.FieldFont.show`); the lines of a right-to-left paragraph stand
   against the field's right edge.

The file is written directly by :mod:`formgen.pdf_write` (about ten times faster than building
it through a PDF library; a batch of a thousand forms matters). The font program, its widths and
ToUnicode map are serialised once per process and copied into every file.

``/NeedAppearances`` is ``false`` on purpose: every field carries the appearance formgen wrote,
and a viewer that changes a value rebuilds that one field's appearance from ``/DA`` and
``/DR``. With ``true``, viewers would throw away the shaped prefilled appearances and Acrobat
would ask to save on closing an untouched form.

Every text field is left-aligned (``/Q 0``), also one prefilled with Arabic: ``/Q`` belongs to
the field, not to its value. PDFium (Chrome) rebuilds the appearance with it when a value is
typed, and a German name typed over an Arabic one under ``/Q 2`` stood at the right, a wrapped
note ragged on the left. What ``/Q 2`` would have kept right-aligned is only a rebuilt Arabic
value, which poppler draws backwards and unjoined either way; untouched, every viewer shows
formgen's appearance.

Field types: text-like fields are text fields (``textarea`` multi-line and wrapping), without
``/MaxLen`` (a prefilled value longer than the schema's ``max_length`` is kept whole, drawn
smaller; a line break in a single-line field's value is drawn as a space; ``/V`` holds the value
as typed). A prefilled value too long for one line of its box (a long name, address, web
address) is wrapped into the box instead of being cut off, and that field is multi-line on that
form with ``/DA`` size 0 (auto), so a viewer's own appearance wraps and fits it as well; what does
not fit even at :data:`MIN_FONT_SIZE` ends in „…“ (so does a note of more lines than its box
shows: at the last line shown, never joined to the next). A text or web address in half a line
has a box two lines high (:data:`~formgen.layout.TWO_LINE_BOX_HEIGHT`), multi-line at
``/DA`` 10 pt: a long value typed there wraps, a short one stays at 10 pt (size 0 only where a
prefilled value needs it smaller). ``select_one`` is a combo box with
``/Opt [[value label] …]`` (``/V`` holds the value) or, with ``widget: checkboxes``, a group of
mutually exclusive checkboxes; ``yes_no_none`` is such a group with the on-states ``/ja``,
``/nein``, ``/fehlanzeige``; every option of a multiple choice is its own checkbox
``<path>.<option>`` (on-state ``/Yes``) plus a text field ``<path>._other``. What a screen
reader says for a box (``/TU``) is the field's label, then the option the box stands for, then the
help (with the first box of a group only: :func:`formgen.layout.spoken`); an exclusive group's own
``/TU`` lists its choices. The boxes of a page are listed by rows, top to bottom, left to right in
a row, and the page says so (``/Tabs /R``): Tab and a screen reader go in that order. A viewer
shows the title, not the file's name (``/DisplayDocTitle``). Identity: hidden read-only text
fields ``formgen.<key>`` and the document information key ``/FormgenIdentity`` (JSON).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import Any

from formgen import languages
from formgen.bidi_order import paragraph_rtl
from formgen.errors import RecordError
from formgen.filenames import shown
from formgen.forms import FormRequest, GeneratedForm
from formgen.identity import FormIdentity
from formgen.layout import (
    CHECKBOX,
    CONTENT_LEFT,
    CONTENT_RIGHT,
    FIELD_FONT_SIZE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RUNNING_HEAD_SIZE,
    TEXTAREA_FONT_SIZE,
    TWO_LINE_BOX_HEIGHT,
    FormLayout,
    WidgetKind,
    layout_form,
    spoken,
)
from formgen.linebreak import LINE_BREAK, collapse, shorten, split_word
from formgen.messages import Said, SaidJoined, date_text, phone_text
from formgen.model import ON_STATE, OTHER, Field, FieldType, Schema, choices_of, other_text
from formgen.pdf_font import BASE_FONT, FONT_NAME, FieldFont, field_font
from formgen.pdf_write import Name, PdfWriter, Ref, serialize, stream_bytes
from formgen.record import Value, check_value

# Field flags (PDF 32000-1, 12.7.3.1 and 12.7.4).
FF_READ_ONLY = 1
FF_REQUIRED = 2
FF_MULTILINE = 1 << 12
FF_COMBO = 1 << 17
# Annotation flags (12.5.3).
F_HIDDEN = 2
F_PRINT = 4

_FOOTER = {
    "de": {"page": "Seite {n}/{total}", "stand": "Stand: {date}"},
    "en": {"page": "Page {n}/{total}", "stand": "As of: {date}"},
}


def render_pdf(schema: Schema, request: FormRequest, identity: FormIdentity) -> GeneratedForm:
    """A fillable PDF for ``request`` carrying ``identity``; pure (bytes in memory, no files).

    Raises :class:`~formgen.errors.RecordError` naming the field when a prefilled value is one
    its field cannot hold (:func:`_prefill_values`),
    :class:`~formgen.errors.UnknownCategoryError` for an unknown category.
    """
    layout = layout_form(schema, request.kind, request.categories, request.lang)
    values = _prefill_values(schema, request, layout)
    stand = _stand(request)
    name = request.record.name if request.kind == "institution" and request.record else None
    data = _write(layout, values, identity, stand, name, _title(schema, layout, identity))
    return GeneratedForm(
        data=data, identity=identity, suffix=".pdf", warnings=_unprintable(values, name)
    )


def _unprintable(values: Mapping[str, Value], name: str | None) -> tuple[str, ...]:
    """Warnings for prefilled characters the form font has no glyph for (stored, not shown)."""
    cmap = field_font().cmap
    texts = {path: v for path, v in values.items() if isinstance(v, str)}
    if name:
        texts[Said("mail_form_footer")] = name
    out = []
    for where, text in texts.items():
        missing = dict.fromkeys(
            cluster
            for cluster in _clusters(text)
            if any(ord(ch) not in cmap and ch not in "\r\n\t" for ch in cluster)
        )
        if missing:
            chars = shown("".join(list(missing)[:10]))  # a control character as its escape: \x07
            out.append(Said("mail_form_no_glyph", where=where, chars=chars))
    return tuple(out)


def _clusters(text: str) -> list[str]:
    """``text`` cut into the characters a reader sees (grapheme clusters, as far as a warning
    needs them): a flag's two regional indicators (🇵🇱), an emoji with its skin tone (👍🏽),
    variation selector, keycap or tags, a ZWJ sequence (👩‍💻) and a letter with its combining
    marks each stay one."""
    out: list[str] = []
    for ch in text:
        if out and _joins(out[-1], ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _joins(cluster: str, ch: str) -> bool:
    """Whether ``ch`` belongs to the cluster ``cluster`` so far (see :func:`_clusters`)."""
    code = ord(ch)
    if (
        ch == "\u200d"  # zero width joiner
        or unicodedata.category(ch) in ("Mn", "Me")  # combining marks, the keycap U+20E3
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tags (the flag of Scotland)
    ):
        return True
    if cluster.endswith("\u200d"):
        return unicodedata.category(ch) == "So"  # the next emoji of a ZWJ sequence
    return len(cluster) == 1 and _regional(cluster) and _regional(ch)  # a flag's second letter


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


# --------------------------------------------------------------------------- prefill values


def _stand(request: FormRequest) -> dt.date:
    if request.stand:
        try:
            return dt.date.fromisoformat(request.stand)
        except ValueError:
            raise RecordError(
                f"'Stand' date '{request.stand:.40}' is not an ISO date (YYYY-MM-DD)"
            ) from None
    return dt.date.today()


def _prefill_values(schema: Schema, request: FormRequest, layout: FormLayout) -> dict[str, Value]:
    """Field path → value to show, each as the record holds it: also one the register keeps
    as typed and flags as invalid (``4021``, a name over the field's length), so that the
    institution sees it and corrects it; so is text a date or number field cannot hold
    (:attr:`~formgen.record.InstitutionRecord.typed`). Refused (:func:`~formgen.record.check_value`) is only
    what a field cannot hold: a choice that is none of its options (a combo box or checkbox
    group has no state for it), or a value of another type."""
    record = request.record
    if request.kind != "institution" or record is None:
        return {}
    fields = layout.fields()
    out: dict[str, Value] = {}
    where = Said("mail_form_record", iid=record.id)
    for path, value in record.form_values(schema).items():
        category = path.split(".", 1)[0]
        if path.endswith("." + OTHER):
            boxes = fields.get(path)
            if boxes is None:
                if category in request.categories or category == "institution":
                    raise RecordError(Said("mail_form_no_field", where=where, path=path))
                continue
            if not isinstance(value, str):
                raise RecordError(Said("mail_form_other_text", where=where, path=path))
            out[path] = value
            continue
        f = layout.value_fields.get(path)
        if f is None:
            if category in request.categories or category == "institution":
                raise RecordError(Said("mail_form_no_field", where=where, path=path))
            continue  # values of categories this form does not cover are not shown
        typed = path in record.typed  # kept as typed: its text box shows it so
        out[path] = value if typed else check_value(f, value, SaidJoined((where, path), ": "))
    # chosen codes without a checkbox are shown in the "other" box, by name
    for path, value in list(out.items()):
        if isinstance(value, list):
            other_path = f"{path}.{OTHER}"
            f, typed_other = layout.value_fields[path], str(out.get(other_path, ""))
            other = other_text(f, value, typed_other, request.lang, record.named.get(path))
            if other:
                out[other_path] = other
    return out


def display_text(f: Field, value: Value, lang: str) -> str:
    """How a prefilled value is shown in its text box (a date as ``lang`` writes dates, as the
    field's hint says: 24.09.2025, 2025-09-24; a phone number's extension too:
    :func:`formgen.messages.phone_text`)."""
    if f.type is FieldType.PHONE and isinstance(value, str):
        return phone_text(value, lang)
    if f.type is FieldType.DATE and isinstance(value, str):
        try:
            return date_text(dt.date.fromisoformat(value), lang)
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(languages.name(v, lang) for v in value)
    return str(value)


# --------------------------------------------------------------------------- shared objects

HEAD_Y = PAGE_HEIGHT - MARGIN_TOP - 6
FOOTER_TOP = MARGIN_BOTTOM + 22  # the lowest text line sits 2 pt above the 15 mm margin
FOOTER_LINE1 = FOOTER_TOP - 11
FOOTER_LINE2 = FOOTER_TOP - 20

# Objects 1–10 are the same in every form; they are serialised once per process.
_FONT = Ref(1)
_RESOURCES = Ref(8)
_CHECK_ON = Ref(9)
_CHECK_OFF = Ref(10)
_EMPTY_TEXT = Ref(11)
_SHARED_COUNT = 11


@cache
def _shared_objects() -> tuple[bytes, ...]:
    """Objects 1–11: the field font (Type0 → CIDFont → descriptor → font file, ToUnicode, widths),
    ZapfDingbats, the default resources, the checkbox and empty-text appearances."""
    font = field_font()
    widths: list[Any] = []
    run: list[int] = []
    start, prev = -1, -2
    for gid in sorted(font.widths):
        if gid != prev + 1 and run:
            widths += [start, run]
            run = []
        if not run:
            start = gid
        run.append(font.widths[gid])
        prev = gid
    if run:
        widths += [start, run]
    base = Name(BASE_FONT)
    tick = b"q 0 g 1.2 w 1 J 1 j 2.2 5.2 m 4.2 2.6 l 8 8 l S Q"  # a drawn tick: no font needed
    box = [0, 0, CHECKBOX, CHECKBOX]
    form_xobject = {"Type": Name("XObject"), "Subtype": Name("Form")}
    file_head = {"Length1": len(font.ttf), "Filter": Name("FlateDecode")}
    file_head["Length"] = len(font.ttf_deflated)
    return (
        serialize(
            {
                "Type": Name("Font"),
                "Subtype": Name("Type0"),
                "BaseFont": base,
                "Encoding": Name("Identity-H"),
                "DescendantFonts": [Ref(2)],
                "ToUnicode": Ref(5),
            }
        ),
        serialize(
            {
                "Type": Name("Font"),
                "Subtype": Name("CIDFontType2"),
                "BaseFont": base,
                "CIDSystemInfo": {"Registry": "Adobe", "Ordering": "Identity", "Supplement": 0},
                "FontDescriptor": Ref(3),
                "DW": 1000,
                "W": Ref(6),
                "CIDToGIDMap": Name("Identity"),
            }
        ),
        serialize(
            {
                "Type": Name("FontDescriptor"),
                "FontName": base,
                "Flags": 32,
                "FontBBox": list(font.bbox),
                "ItalicAngle": 0,
                "Ascent": font.ascent,
                "Descent": font.descent,
                "CapHeight": font.cap_height,
                "StemV": 80,
                "FontFile2": Ref(4),
            }
        ),
        serialize(file_head) + b"\nstream\n" + font.ttf_deflated + b"\nendstream",
        stream_bytes(font.to_unicode),
        serialize(widths),
        serialize(
            {"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name("ZapfDingbats")}
        ),
        serialize({"Font": {FONT_NAME: _FONT, "ZaDb": Ref(7)}}),
        stream_bytes(tick, {**form_xobject, "BBox": box}, compress=False),
        stream_bytes(b"", {**form_xobject, "BBox": box}, compress=False),
        stream_bytes(b"/Tx BMC EMC", {**form_xobject, "BBox": [0, 0, 10, 10]}, compress=False),
    )


# --------------------------------------------------------------------------- page content


def _show(
    font: FieldFont,
    x: float,
    y: float,
    size: float,
    text: str,
    gray: float = 0,
    bold: bool = False,
    rtl: bool | None = None,
) -> str:
    """Draw one line (``rtl``: the direction of its paragraph; by default the line's own)."""
    # bold is the regular face stroked as well as filled: one embedded font for everything
    mode = f"2 Tr {size * 0.045:.2f} w {gray:g} G" if bold else "0 Tr"
    return (
        f"BT /{FONT_NAME} {size:g} Tf {gray:g} g {mode} 1 0 0 1 {x:.2f} {y:.2f} Tm "
        f"{font.show(text, rtl)} ET"
    )


_STATIC: dict[int, tuple[FormLayout, tuple[bytes, ...]]] = {}


def _static_pages(layout: FormLayout) -> tuple[bytes, ...]:
    """The compressed content stream of every page without what differs between forms
    (cached per layout: a batch draws each combination of categories once)."""
    hit = _STATIC.get(id(layout))
    if hit is not None and hit[0] is layout:
        return hit[1]
    font = field_font()
    pages: list[list[str]] = [[] for _ in range(layout.page_count)]
    for page, head in enumerate(layout.running_heads):
        pages[page].append(_show(font, CONTENT_LEFT, HEAD_Y, RUNNING_HEAD_SIZE, head, 0.35))
    for band in layout.bands:
        r = band.rect
        pages[band.page].append(
            f"{band.gray:g} g {r.x0:.2f} {r.y0:.2f} {r.width:.2f} {r.height:.2f} re f"
        )
    for t in layout.texts:
        pages[t.page].append(_show(font, t.x, t.y, t.size, t.text, t.gray, t.bold, t.rtl))
    for page_ops in pages:
        page_ops.append("0.3 G 0.6 w")
    for b in layout.boxes:
        r = b.rect
        pages[b.page].append(f"{r.x0:.2f} {r.y0:.2f} {r.width:.2f} {r.height:.2f} re S")
    for page_ops in pages:
        page_ops.append(
            f"0.6 G 0.5 w {CONTENT_LEFT:.2f} {FOOTER_TOP:.2f} m {CONTENT_RIGHT:.2f} "
            f"{FOOTER_TOP:.2f} l S"
        )
    out = tuple(stream_bytes(("q\n" + "\n".join(ops) + "\nQ").encode("ascii")) for ops in pages)
    if len(_STATIC) >= 64:
        _STATIC.pop(next(iter(_STATIC)))
    _STATIC[id(layout)] = (layout, out)
    return out


def _footer(
    font: FieldFont,
    layout: FormLayout,
    identity: FormIdentity,
    stand: dt.date,
    name: str | None,
    page: int,
) -> bytes:
    """Reference (bold), Stand, page X/Y and the institution: what differs between forms."""
    words = _FOOTER.get(layout.lang, _FOOTER["de"])
    stand_text = words["stand"].format(date=date_text(stand, layout.lang))
    page_text = words["page"].format(n=page + 1, total=layout.page_count)
    schema = f"{layout.schema_id} {layout.schema_version}"
    # the institution's name, then the schema: the name in its own direction, not as the
    # start of one line with the schema (an Arabic name would put the schema before it); the
    # name shortened to leave the schema room inside the margin
    second = f"  ·  {schema}" if name else schema
    room = CONTENT_RIGHT - CONTENT_LEFT - font.width(second, 7)
    name = _fit(collapse(name), font, 7, room) if name else ""  # a line break as a space
    ref = identity.reference
    centre = (CONTENT_LEFT + CONTENT_RIGHT) / 2
    ops = [
        "q",
        _show(font, CONTENT_RIGHT - font.width(ref, RUNNING_HEAD_SIZE), HEAD_Y, 7, ref, 0.35),
        _show(font, CONTENT_LEFT, FOOTER_LINE1, 9, ref, bold=True),
        _show(font, centre - font.width(stand_text, 8) / 2, FOOTER_LINE1, 8, stand_text),
        _show(font, CONTENT_RIGHT - font.width(page_text, 8), FOOTER_LINE1, 8, page_text),
        _show(font, CONTENT_LEFT, FOOTER_LINE2, 7, name, 0.35),
        _show(font, CONTENT_LEFT + font.width(name, 7), FOOTER_LINE2, 7, second, 0.35),
        "Q",
    ]
    return "\n".join(ops).encode("ascii")


def _fit(text: str, font: FieldFont, size: float, width: float, cut: bool = False) -> str:
    """``text`` whole where it fits ``width``, else its longest head that fits with „…“ (also
    where ``cut``: ``text`` is the head of a longer one), as :func:`formgen.linebreak.shorten`
    shortens it."""
    most = font.most_chars(size, width)
    if cut or len(text) > most:
        text = text[:most] + "…"
    return shorten(text, lambda line: font.width(line, size), width)


# --------------------------------------------------------------------------- appearances


MIN_FONT_SIZE = 6.0
"""Prefilled text that does not fit is drawn smaller, down to this size; what does not fit
then ends in „…“ (the value itself is always stored whole)."""

_PAD = 2.0
_LEADING = 1.16
"""Line height of a field's text, in font sizes."""


def _one_line(text: str) -> str:
    """A single-line field's value as drawn: a line break as a space, as the Word form shows
    it."""
    return LINE_BREAK.sub(" ", text)


def _one_line_size(font: FieldFont, text: str, width: float, size: float) -> float:
    """The size ``text`` is drawn at on one line of a box ``width`` wide: ``size``, or smaller
    where it does not fit (in quarter points, not below :data:`MIN_FONT_SIZE`)."""
    natural = font.width(text, size)
    if natural <= width - 2 * _PAD:
        return size
    return max(MIN_FONT_SIZE, int(size * (width - 2 * _PAD) / natural * 4) / 4)


def _wraps(font: FieldFont, text: str, width: float, height: float) -> bool:
    """Whether a single-line field's prefilled ``text`` is set on several lines (its field made
    multi-line for that form): wrapped, it is drawn larger than on one line, or on one line it
    would be cut off even at :data:`MIN_FONT_SIZE` (a long name, an address, a web address)."""
    if len(text) > font.most_chars(MIN_FONT_SIZE, width - 2 * _PAD):
        return True  # cut off on one line (measuring all of a long value took minutes)
    line = _one_line(text)
    one = _one_line_size(font, line, width, FIELD_FONT_SIZE)
    if one == FIELD_FONT_SIZE:
        return False
    cut = font.width(line, MIN_FONT_SIZE) > width - 2 * _PAD
    return cut or one < _wrapped(font, text, width, height, FIELD_FONT_SIZE)[0]


def _wrapped(
    font: FieldFont, text: str, width: float, height: float, size: float
) -> tuple[float, list[tuple[str, bool]]]:
    """``text`` wrapped in a box: the size, from ``size`` down to :data:`MIN_FONT_SIZE`, at
    which its lines fit the height, and the lines; where they do not fit even then, the last
    line that does ends in „…“: the rest of its paragraph cut, never the line after a line
    break of the value joined to it („Zeile 9 … Zeile 10“ read as one line). Only as much of
    ``text`` is wrapped as the box can show at that size and one line more: a value of 100,000
    characters or 5,000 lines took minutes."""
    inner = width - 2 * _PAD
    most = (int((height - _PAD) / (MIN_FONT_SIZE * _LEADING)) + 2) * font.most_chars(
        MIN_FONT_SIZE, inner
    )
    cut = len(text) > most
    text = text[:most]
    paras = _wrap_field(text, font, size, inner)
    while size > MIN_FONT_SIZE and sum(map(len, paras)) * size * _LEADING > height - _PAD:
        size = max(MIN_FONT_SIZE, size - 0.5)
        paras = _wrap_field(text, font, size, inner)
    lines = [line for para in paras for line in para]
    room = max(1, int((height - _PAD) / (size * _LEADING)))
    if len(lines) > room or cut:
        last = min(room, len(lines)) - 1
        end = next(n for n in itertools.accumulate(map(len, paras)) if n > last)
        rest = " ".join(line for line, _rtl in lines[last:end])
        lines[last:] = [(_fit(rest, font, size, inner, cut=True), lines[last][1])]
    return size, lines


def _text_appearance(
    font: FieldFont, text: str, width: float, height: float, size: float, multiline: bool
) -> bytes:
    pad = _PAD
    if multiline:
        size, lines = _wrapped(font, text, width, height, size)
        y = height - pad - size * font.ascent / 1000
    else:
        text = _one_line(text)
        size = _one_line_size(font, text, width, size)
        lines = [(text, paragraph_rtl(text))]
        y = (height - size * (font.ascent - font.descent) / 1000) / 2 - size * font.descent / 1000
    ops = [f"/Tx BMC q {pad / 2:.2f} {pad / 2:.2f} {width - pad:.2f} {height - pad:.2f} re W n"]
    ops.append(f"BT /{FONT_NAME} {size:g} Tf 0 g")
    for line, rtl in lines:
        # a right-to-left paragraph's lines stand against the right edge, where it is read from
        x = width - pad - font.width(line, size) if rtl else pad
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm {font.show(line, rtl)}")
        y -= size * _LEADING
    ops.append("ET Q EMC")
    return stream_bytes(
        " ".join(ops).encode("ascii"),
        {
            "Type": Name("XObject"),
            "Subtype": Name("Form"),
            "BBox": [0, 0, round(width, 2), round(height, 2)],
            "Resources": _RESOURCES,
        },
    )


def _wrap_field(
    text: str, font: FieldFont, size: float, width: float
) -> list[list[tuple[str, bool]]]:
    """The lines of each paragraph of ``text`` that fit ``width``: broken at spaces, over-long
    words as :func:`formgen.linebreak.split_word` breaks them; each with the direction of its
    paragraph (True: right to left)."""
    paras: list[list[tuple[str, bool]]] = []
    for para in LINE_BREAK.split(text):
        rtl = paragraph_rtl(para)
        lines: list[tuple[str, bool]] = []
        paras.append(lines)
        line = ""
        for word in para.split(" "):
            candidate = f"{line} {word}" if line else word
            if font.width(candidate, size) <= width:
                line = candidate
                continue
            if line:
                lines.append((line, rtl))
            full, line = split_word(word, lambda chars: font.width(chars, size), width)
            lines += [(piece, rtl) for piece in full]
        lines.append((line, rtl))
    return paras


# --------------------------------------------------------------------------- the file


class _Tree:
    """The field hierarchy: one node per name prefix, terminal fields hold widget entries."""

    def __init__(self, w: PdfWriter) -> None:
        self.w = w
        self.nodes: dict[str, tuple[Ref, dict[str, Any]]] = {}
        self.top: list[Ref] = []

    def node(self, name: str, entries: dict[str, Any] | None = None) -> tuple[Ref, dict[str, Any]]:
        if name in self.nodes:
            return self.nodes[name]
        parent_name, _, part = name.rpartition(".")
        ref = self.w.reserve()
        data: dict[str, Any] = {"T": part}
        if parent_name:
            parent_ref, parent = self.node(parent_name)
            data["Parent"] = parent_ref
            parent.setdefault("Kids", []).append(ref)
        else:
            self.top.append(ref)
        data.update(entries or {})
        self.nodes[name] = (ref, data)
        return ref, data

    def write(self) -> None:
        for ref, data in self.nodes.values():
            self.w.set(ref, data)


def _write(
    layout: FormLayout,
    values: Mapping[str, Value],
    identity: FormIdentity,
    stand: dt.date,
    name: str | None,
    title: str,
) -> bytes:
    font = field_font()
    w = PdfWriter()
    for body in _shared_objects():
        w.add_raw(body)
    lang = layout.lang
    pages_ref = w.reserve()
    page_refs = [w.reserve() for _ in range(layout.page_count)]
    annots: list[list[Ref]] = [[] for _ in page_refs]
    tree = _Tree(w)
    da_text = f"/{FONT_NAME} {FIELD_FONT_SIZE:g} Tf 0 g"
    da_area = f"/{FONT_NAME} {TEXTAREA_FONT_SIZE:g} Tf 0 g"
    da_wrapped = f"/{FONT_NAME} 0 Tf 0 g"  # auto size: a viewer's own appearance fits the box
    check_da = "/ZaDb 0 Tf 0 g"

    for box in layout.boxes:
        r = box.rect
        f = box.field
        widget: dict[str, Any] = {
            "Type": Name("Annot"),
            "Subtype": Name("Widget"),
            "Rect": [round(v, 2) for v in (r.x0, r.y0, r.x1, r.y1)],
            "F": F_PRINT,
            "P": page_refs[box.page],
        }
        if box.kind in (WidgetKind.TEXT, WidgetKind.MULTILINE, WidgetKind.COMBO):
            # a text box two lines high (edition 5) wraps a long value at 10 pt
            two_lines = box.kind is WidgetKind.TEXT and r.height >= TWO_LINE_BOX_HEIGHT
            multiline = box.kind is WidgetKind.MULTILINE or two_lines
            widget["FT"] = Name("Tx")
            widget["TU"] = box.tooltip
            widget["DA"] = da_area if box.kind is WidgetKind.MULTILINE else da_text
            flags = (FF_MULTILINE if multiline else 0) | (
                FF_REQUIRED if f.required and box.option is None else 0
            )
            value = values.get(box.path)
            shown = ""
            if box.kind is WidgetKind.COMBO:
                widget["FT"] = Name("Ch")
                flags |= FF_COMBO
                widget["Opt"] = [[c.value, c.label.get(lang)] for c in choices_of(f)]
                if isinstance(value, str) and value:
                    widget["V"] = value
                    choice = f.choice(value)
                    shown = choice.label.get(lang) if choice else value
            elif value is not None and value != "":
                shown = (
                    value
                    if box.option == OTHER and isinstance(value, str)
                    else display_text(f, value, lang)
                )
                widget["V"] = shown
                if two_lines:  # smaller only where two lines at 10 pt do not hold it
                    shown = _one_line(shown)  # a line break drawn as a space, as on one line
                    if (
                        _wrapped(font, shown, r.width, r.height, FIELD_FONT_SIZE)[0]
                        < FIELD_FONT_SIZE
                    ):
                        widget["DA"] = da_wrapped
                elif box.kind is WidgetKind.TEXT and _wraps(font, shown, r.width, r.height):
                    multiline = True
                    flags |= FF_MULTILINE
                    widget["DA"] = da_wrapped
            if flags:
                widget["Ff"] = flags
            widget["Q"] = 0
            widget["MK"] = {}
            if shown:
                size = TEXTAREA_FONT_SIZE if box.kind is WidgetKind.MULTILINE else FIELD_FONT_SIZE
                ap = w.add_raw(_text_appearance(font, shown, r.width, r.height, size, multiline))
            else:
                ap = _EMPTY_TEXT
            widget["AP"] = {"N": ap}
            ref, _ = tree.node(box.path, widget)
        elif box.kind is WidgetKind.CHECKBOX:
            value = values.get(box.path.rpartition(".")[0])
            state = Name(ON_STATE if isinstance(value, list) and box.option in value else "Off")
            widget.update(
                FT=Name("Btn"),
                TU=box.tooltip,
                DA=check_da,
                MK={"CA": "4"},
                AP={"N": {ON_STATE: _CHECK_ON, "Off": _CHECK_OFF}},
                V=state,
                AS=state,
            )
            ref, _ = tree.node(box.path, widget)
        else:  # WidgetKind.CHOICE: one box of an exclusive group
            assert box.option is not None
            value = values.get(box.path)
            chosen = isinstance(value, str) and bool(value)
            group_ref, group = tree.node(
                box.path,
                {
                    "FT": Name("Btn"),
                    # for a viewer that names each box by its field (PDFium): the choices in
                    # the boxes' order
                    "TU": spoken(f, lang, " / ".join(c.label.get(lang) for c in choices_of(f))),
                    "V": Name(str(value) if chosen else "Off"),
                    **({"Ff": FF_REQUIRED} if f.required else {}),
                },
            )
            widget.update(
                Parent=group_ref,
                TU=box.tooltip,  # each box its own name: pdf.js speaks the widget's, not the group's
                DA=check_da,
                MK={"CA": "4"},
                AP={"N": {box.option: _CHECK_ON, "Off": _CHECK_OFF}},
                AS=Name(box.option if value == box.option else "Off"),
            )
            ref = w.add(widget)
            group.setdefault("Kids", []).append(ref)
        annots[box.page].append(ref)

    # identity: hidden read-only text fields on the first page, and /Info
    for key, text in identity.to_fields().items():
        ref, _ = tree.node(
            key,
            {
                "Type": Name("Annot"),
                "Subtype": Name("Widget"),
                "Rect": [0, 0, 0, 0],
                "F": F_HIDDEN,
                "P": page_refs[0],
                "FT": Name("Tx"),
                "Ff": FF_READ_ONLY,
                "DA": da_text,
                "V": text,
            },
        )
        annots[0].append(ref)
    tree.write()

    static = _static_pages(layout)
    for index, page_ref in enumerate(page_refs):
        content = w.add_raw(static[index])
        footer = w.stream(_footer(font, layout, identity, stand, name, index), compress=False)
        w.set(
            page_ref,
            {
                "Type": Name("Page"),
                "Parent": pages_ref,
                "MediaBox": [0, 0, round(PAGE_WIDTH, 2), round(PAGE_HEIGHT, 2)],
                "Resources": _RESOURCES,
                "Contents": [content, footer],
                "Annots": annots[index],
                # Tab goes through the boxes by rows, as they are laid out and listed
                **({"Tabs": Name("R")} if annots[index] else {}),
            },
        )
    w.set(pages_ref, {"Type": Name("Pages"), "Kids": page_refs, "Count": len(page_refs)})
    acroform = w.add(
        {"Fields": tree.top, "DR": _RESOURCES, "DA": da_text, "NeedAppearances": False}
    )
    root = w.add(
        {
            "Type": Name("Catalog"),
            "Pages": pages_ref,
            "AcroForm": acroform,
            "Lang": lang,
            # the title bar and a screen reader say the title, not the file's name
            "ViewerPreferences": {"DisplayDocTitle": True},
        }
    )
    date = stand.strftime("D:%Y%m%d000000Z")
    info = w.add(
        {
            "Title": title,
            "Author": "formgen",
            "Creator": "formgen",
            "Producer": "formgen",
            "CreationDate": date,
            "ModDate": date,
            "FormgenIdentity": json.dumps(identity.to_fields(), ensure_ascii=False, sort_keys=True),
        }
    )
    return w.write(root, info)


_TITLE_WORDS = {
    "de": ("Bestandsaufnahme", ("Checkliste", "Checklisten"), "„{}“"),
    "en": ("Inventory", ("Checklist", "Checklists"), "“{}”"),
}
"""The document title's words per language: an institution's form; a blank form of one
checklist, of more; how a checklist's name is quoted."""


def _title(schema: Schema, layout: FormLayout, identity: FormIdentity) -> str:
    """The title a viewer shows in its title bar: the checklists by their names in the form's
    language (``Checklist “Psychotherapist in private practice” – FG-…``), up to
    :data:`_TITLE_NAMES` of them; the schema's title for a form of more."""
    inventory, checklist, quoted = _TITLE_WORDS.get(layout.lang, _TITLE_WORDS["de"])
    if layout.kind == "institution":
        what = inventory
    elif len(layout.categories) > _TITLE_NAMES:  # a title bar shows a few names, not 25
        what = schema.title.get(layout.lang)
    else:
        names = [quoted.format(schema.category_label(c, layout.lang)) for c in layout.categories]
        what = f"{checklist[len(names) > 1]} {', '.join(names)}"
    return f"{what} – {identity.reference}"


_TITLE_NAMES = 3
"""Checklists a blank form's title names; a form of more is titled by the schema's title."""
