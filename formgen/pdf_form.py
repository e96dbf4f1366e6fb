"""Fillable PDF forms (AcroForm) from the schema: :func:`render_pdf`.

How a form is made:

1. :func:`formgen.layout.layout_form` places every label and box (from the identity only);
2. reportlab draws the static pages — headings, labels, box outlines, the footer with the form
   reference, "Stand" date, page X/Y and, on an institution form, the institution's name —
   in DejaVu Sans, so every script prints;
3. pikepdf adds the form fields as a real hierarchy (``psychotherapie`` → ``2`` → ``name``, so
   the fully qualified name is the schema path), each with ``/DA`` naming the field font
   (:mod:`formgen.pdf_font`, DejaVu Sans as a Type0 font in ``/AcroForm /DR``) and an appearance
   stream written here, for prefilled values in any script (Arabic shaped, right-to-left in
   visual order).

``/NeedAppearances`` is ``false`` on purpose: every field carries the appearance formgen wrote,
and a viewer that changes a value rebuilds that one field's appearance from ``/DA`` and
``/DR``. With ``true``, viewers would throw away the shaped prefilled appearances and Acrobat
would ask to save on closing an untouched form.

Field types: text-like fields are text fields (``textarea`` multi-line and wrapping), without
``/MaxLen``; ``select_one`` is a combo box with ``/Opt [[value label] …]`` (``/V`` holds the
value) or, with ``widget: checkboxes``, a group of mutually exclusive checkboxes; ``yes_no_none``
is such a group with the on-states ``/ja``, ``/nein``, ``/fehlanzeige``; every option of a
multiple choice is its own checkbox ``<path>.<option>`` (on-state ``/Yes``) plus a text field
``<path>._other``. Identity: hidden read-only text fields ``formgen.<key>`` and the document
information key ``/FormgenIdentity`` (JSON).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Mapping

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from formgen import languages
from formgen.errors import RecordError
from formgen.forms import FormRequest, GeneratedForm
from formgen.identity import FormIdentity
from formgen.layout import (
    CONTENT_LEFT,
    CONTENT_RIGHT,
    FIELD_FONT_SIZE,
    FONT,
    FONT_BOLD,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXTAREA_FONT_SIZE,
    FormLayout,
    WidgetKind,
    layout_form,
    register_fonts,
)
from formgen.model import OTHER, Field, FieldType, Schema, choices_of
from formgen.pdf_font import FONT_NAME, FieldFont, field_font, visual_order
from formgen.record import Value, check_value

ON_STATE = "Yes"
"""On-state of an independent checkbox (one option of a multiple choice)."""

# Field flags (PDF 32000-1, 12.7.3.1 and 12.7.4).
FF_READ_ONLY = 1
FF_REQUIRED = 2
FF_MULTILINE = 1 << 12
FF_COMBO = 1 << 17
# Annotation flags (12.5.3).
F_HIDDEN = 2
F_PRINT = 4

_FOOTER = {
    "de": {"page": "Seite {n}/{total}", "stand": "Stand: {date}", "ref": "Formular {ref}"},
    "en": {"page": "Page {n}/{total}", "stand": "As of: {date}", "ref": "Form {ref}"},
}


def render_pdf(schema: Schema, request: FormRequest, identity: FormIdentity) -> GeneratedForm:
    """A fillable PDF for ``request`` carrying ``identity``; pure (bytes in memory, no files).

    Raises :class:`~formgen.errors.RecordError` naming the field when a prefilled value does
    not fit, :class:`~formgen.errors.UnknownCategoryError` for an unknown category.
    """
    layout = layout_form(schema, request.kind, request.categories, request.lang)
    values = _prefill_values(schema, request, layout)
    stand = _stand(request)
    name = request.record.name if request.kind == "institution" and request.record else None
    static = _draw_static(layout, identity, stand, name)
    data = _add_fields(static, layout, values, identity, stand)
    return GeneratedForm(data=data, identity=identity, suffix=".pdf")


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
    """Field path → value to show, every value checked against its field."""
    record = request.record
    if request.kind != "institution" or record is None:
        return {}
    fields = layout.fields()
    out: dict[str, Value] = {}
    where = f"record '{record.id}'"
    for path, value in record.form_values(schema).items():
        category = path.split(".", 1)[0]
        if path.endswith("." + OTHER):
            boxes = fields.get(path)
            if boxes is None:
                if category in request.categories or category == "institution":
                    raise RecordError(f"{where}: {path}: this form has no such field")
                continue
            if not isinstance(value, str):
                raise RecordError(f"{where}: {path}: the 'other' text must be text")
            out[path] = value
            continue
        boxes = fields.get(path)
        f: Field | None = boxes[0].field if boxes else None
        if f is None:
            # a multiple choice has no box under its own path, only per option
            prefix = path + "."
            f = next(
                (
                    b[0].field
                    for p, b in fields.items()
                    if p.startswith(prefix) and b[0].field.is_multi
                ),
                None,
            )
        if f is None:
            if category in request.categories or category == "institution":
                raise RecordError(f"{where}: {path}: this form has no such field")
            continue  # values of categories this form does not cover are not shown
        checked = check_value(f, value, f"{where}: {path}")
        _check_fits(f, checked, f"{where}: {path}")
        out[path] = checked
    return out


def _check_fits(f: Field, value: Value, where: str) -> None:
    if not isinstance(value, str):
        return
    limit = f.constraints.max_length
    if limit is not None and len(value) > limit:
        raise RecordError(
            f"{where}: {len(value)} characters do not fit this field (at most {limit}); shorten the value in the register"
        )
    if f.type is not FieldType.TEXTAREA and ("\n" in value or "\r" in value):
        raise RecordError(
            f"{where}: a line break does not fit this single-line field; put the value on one line"
        )
    pattern = f.constraints.pattern
    choice = f.type in (FieldType.SELECT_ONE, FieldType.YES_NO_NONE)
    if pattern and not choice and not re.fullmatch(pattern, value):
        raise RecordError(
            f"{where}: '{value:.40}' does not match the field's pattern {pattern}; correct the value in the register"
        )


def display_text(f: Field, value: Value, lang: str) -> str:
    """How a prefilled value is shown in its text box (dates as TT.MM.JJJJ)."""
    if f.type is FieldType.DATE and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(languages.name(v, lang) for v in value)
    return str(value)


# --------------------------------------------------------------------------- static pages


def _draw_static(
    layout: FormLayout, identity: FormIdentity, stand: dt.date, name: str | None
) -> bytes:
    register_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=True, pageCompression=1)
    canvas.setTitle(f"{identity.reference}")
    canvas.setAuthor("formgen")
    canvas.setCreator("formgen")
    footer = _FOOTER.get(layout.lang, _FOOTER["de"])
    texts = _by_page(layout.texts, layout.page_count)
    bands = _by_page(layout.bands, layout.page_count)
    boxes = _by_page(layout.boxes, layout.page_count)
    for page in range(layout.page_count):
        head = layout.running_heads[page]
        canvas.setFillGray(0.35)
        canvas.setFont(FONT, 7)
        canvas.drawString(CONTENT_LEFT, PAGE_HEIGHT - MARGIN_TOP - 6, head)
        canvas.drawRightString(CONTENT_RIGHT, PAGE_HEIGHT - MARGIN_TOP - 6, identity.reference)
        for band in bands[page]:
            canvas.setFillGray(band.gray)
            r = band.rect
            canvas.rect(r.x0, r.y0, r.width, r.height, stroke=0, fill=1)
        for t in texts[page]:
            canvas.setFillGray(t.gray)
            canvas.setFont(FONT_BOLD if t.bold else FONT, t.size)
            canvas.drawString(t.x, t.y, t.text)
        canvas.setStrokeGray(0.3)
        canvas.setLineWidth(0.6)
        canvas.setFillGray(1)
        for b in boxes[page]:
            r = b.rect
            canvas.rect(r.x0, r.y0, r.width, r.height, stroke=1, fill=0)
        # footer: reference (bold, for scanners and people), Stand, page X/Y, institution
        canvas.setStrokeGray(0.6)
        canvas.setLineWidth(0.5)
        top = MARGIN_BOTTOM + 20
        canvas.line(CONTENT_LEFT, top, CONTENT_RIGHT, top)
        canvas.setFillGray(0)
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawString(CONTENT_LEFT, top - 11, identity.reference)
        canvas.setFont(FONT, 8)
        stand_text = footer["stand"].format(date=stand.strftime("%d.%m.%Y"))
        canvas.drawCentredString((CONTENT_LEFT + CONTENT_RIGHT) / 2, top - 11, stand_text)
        canvas.drawRightString(
            CONTENT_RIGHT, top - 11, footer["page"].format(n=page + 1, total=layout.page_count)
        )
        canvas.setFont(FONT, 7)
        canvas.setFillGray(0.35)
        second = f"{layout.schema_id} {layout.schema_version}"
        if name:
            second = visual_order(_fit(name, 7, 360)) + "  ·  " + second
        canvas.drawString(CONTENT_LEFT, top - 20, second)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _fit(text: str, size: float, width: float) -> str:
    from formgen.layout import text_width

    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def _by_page(items: tuple, count: int) -> list[list]:  # type: ignore[type-arg]
    out: list[list] = [[] for _ in range(count)]  # type: ignore[type-arg]
    for item in items:
        out[item.page].append(item)
    return out


# --------------------------------------------------------------------------- fields


class _Writer:
    def __init__(self, pdf: pikepdf.Pdf, font: FieldFont) -> None:
        self.pdf = pdf
        self.font = font
        self.font_ref = pdf.make_indirect(_type0_font(pdf, font))
        self.zadb_ref = pdf.make_indirect(
            Dictionary(
                Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.ZapfDingbats, Name=Name.ZaDb
            )
        )
        self.text_resources = Dictionary(Font=Dictionary({f"/{FONT_NAME}": self.font_ref}))
        self.nodes: dict[str, pikepdf.Object] = {}
        self.top: list[pikepdf.Object] = []
        self._check_on: pikepdf.Object | None = None
        self._check_off: pikepdf.Object | None = None
        self._empty: dict[tuple[float, float], pikepdf.Object] = {}

    # -- the field tree --------------------------------------------------------------

    def node(self, name: str) -> pikepdf.Object:
        """The (non-terminal) field dictionary for a name prefix, made on first use."""
        if name in self.nodes:
            return self.nodes[name]
        parent_name, _, part = name.rpartition(".")
        obj = self.pdf.make_indirect(Dictionary(T=String(part), Kids=Array()))
        if parent_name:
            parent = self.node(parent_name)
            obj.Parent = parent
            parent.Kids.append(obj)
        else:
            self.top.append(obj)
        self.nodes[name] = obj
        return obj

    def attach(self, name: str, obj: pikepdf.Object) -> None:
        parent_name, _, part = name.rpartition(".")
        obj.T = String(part)
        if parent_name:
            parent = self.node(parent_name)
            obj.Parent = parent
            parent.Kids.append(obj)
        else:
            self.top.append(obj)
        self.nodes[name] = obj

    # -- appearance streams ------------------------------------------------------------

    def stream(self, content: bytes, width: float, height: float, fonts: bool) -> pikepdf.Object:
        s = pikepdf.Stream(self.pdf, content)
        s.Type = Name.XObject
        s.Subtype = Name.Form
        s.BBox = Array([0, 0, round(width, 2), round(height, 2)])
        if fonts:
            s.Resources = self.text_resources
        return s

    def empty_text(self, width: float, height: float) -> pikepdf.Object:
        key = (round(width, 2), round(height, 2))
        if key not in self._empty:
            self._empty[key] = self.stream(b"/Tx BMC EMC", width, height, False)
        return self._empty[key]

    def text_appearance(
        self, text: str, width: float, height: float, size: float, multiline: bool
    ) -> pikepdf.Object:
        font = self.font
        pad = 2.0
        ops = [f"/Tx BMC q {pad / 2:.2f} {pad / 2:.2f} {width - pad:.2f} {height - pad:.2f} re W n"]
        ops.append(f"BT /{FONT_NAME} {size:g} Tf 0 g")
        if multiline:
            leading = size * 1.16
            lines = _wrap_field(text, font, size, width - 2 * pad)
            y = height - pad - size * font.ascent / 1000
            for line in lines:
                ops.append(f"1 0 0 1 {pad:.2f} {y:.2f} Tm <{font.encode(line).hex()}> Tj")
                y -= leading
        else:
            text_h = size * (font.ascent - font.descent) / 1000
            y = (height - text_h) / 2 - size * font.descent / 1000
            ops.append(f"1 0 0 1 {pad:.2f} {y:.2f} Tm <{font.encode(text).hex()}> Tj")
        ops.append("ET Q EMC")
        return self.stream(" ".join(ops).encode("ascii"), width, height, True)

    def check_states(self, on: str) -> pikepdf.Object:
        if self._check_on is None:
            size = 10.0
            # a tick drawn as a path: no font needed, prints everywhere
            tick = b"q 0 g 1.2 w 1 J 1 j 2.2 5.2 m 4.2 2.6 l 8 8 l S Q"
            self._check_on = self.pdf.make_indirect(self.stream(tick, size, size, False))
            self._check_off = self.pdf.make_indirect(self.stream(b"", size, size, False))
        return Dictionary({f"/{on}": self._check_on, "/Off": self._check_off})


def _wrap_field(text: str, font: FieldFont, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for para in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if line and font.width(candidate, size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _type0_font(pdf: pikepdf.Pdf, font: FieldFont) -> Dictionary:
    font_file = pikepdf.Stream(pdf, font.ttf_deflated)
    font_file.Filter = Name.FlateDecode
    font_file.Length1 = len(font.ttf)
    descriptor = Dictionary(
        Type=Name.FontDescriptor,
        FontName=Name(f"/{FONT_NAME}"),
        Flags=32,
        FontBBox=Array(list(font.bbox)),
        ItalicAngle=0,
        Ascent=font.ascent,
        Descent=font.descent,
        CapHeight=font.cap_height,
        StemV=80,
        FontFile2=pdf.make_indirect(font_file),
    )
    widths = Array()
    for gid in sorted(font.widths):
        widths.append(gid)
        widths.append(Array([font.widths[gid]]))
    cid_font = Dictionary(
        Type=Name.Font,
        Subtype=Name.CIDFontType2,
        BaseFont=Name(f"/{FONT_NAME}"),
        CIDSystemInfo=Dictionary(
            Registry=String("Adobe"), Ordering=String("Identity"), Supplement=0
        ),
        FontDescriptor=pdf.make_indirect(descriptor),
        DW=1000,
        W=pdf.make_indirect(_compact_widths(font)),
        CIDToGIDMap=Name.Identity,
    )
    to_unicode = pikepdf.Stream(pdf, font.to_unicode)
    return Dictionary(
        Type=Name.Font,
        Subtype=Name.Type0,
        BaseFont=Name(f"/{FONT_NAME}"),
        Encoding=Name("/Identity-H"),
        DescendantFonts=Array([pdf.make_indirect(cid_font)]),
        ToUnicode=pdf.make_indirect(to_unicode),
    )


def _compact_widths(font: FieldFont) -> Array:
    """``/W`` as runs ``first [w1 w2 …]`` of consecutive glyph ids."""
    out = Array()
    run: list[int] = []
    start = -1
    prev = -2
    for gid in sorted(font.widths):
        if gid != prev + 1 and run:
            out.append(start)
            out.append(Array(run))
            run = []
        if not run:
            start = gid
        run.append(font.widths[gid])
        prev = gid
    if run:
        out.append(start)
        out.append(Array(run))
    return out


def _add_fields(
    static: bytes,
    layout: FormLayout,
    values: Mapping[str, Value],
    identity: FormIdentity,
    stand: dt.date,
) -> bytes:
    pdf = pikepdf.open(io.BytesIO(static))
    w = _Writer(pdf, field_font())
    lang = layout.lang
    pages = list(pdf.pages)
    annots: list[list[pikepdf.Object]] = [[] for _ in pages]
    groups: dict[str, pikepdf.Object] = {}
    da_text = f"/{FONT_NAME} {FIELD_FONT_SIZE:g} Tf 0 g"
    da_area = f"/{FONT_NAME} {TEXTAREA_FONT_SIZE:g} Tf 0 g"

    for box in layout.boxes:
        page = pages[box.page]
        r = box.rect
        widget = Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            Rect=Array(r.as_list()),
            F=F_PRINT,
            P=page.obj,
        )
        f = box.field
        if box.kind in (WidgetKind.TEXT, WidgetKind.MULTILINE, WidgetKind.COMBO):
            multiline = box.kind is WidgetKind.MULTILINE
            size = TEXTAREA_FONT_SIZE if multiline else FIELD_FONT_SIZE
            widget.FT = Name.Tx
            widget.DA = String(da_area if multiline else da_text)
            widget.TU = String(box.tooltip or box.label)
            flags = (FF_MULTILINE if multiline else 0) | (
                FF_REQUIRED if f.required and box.option is None else 0
            )
            value = values.get(box.path)
            shown = ""
            if box.kind is WidgetKind.COMBO:
                widget.FT = Name.Ch
                flags |= FF_COMBO
                widget.Opt = Array(
                    [Array([String(c.value), String(c.label.get(lang))]) for c in choices_of(f)]
                )
                if isinstance(value, str) and value:
                    widget.V = String(value)
                    choice = f.choice(value)
                    shown = choice.label.get(lang) if choice else value
            elif value is not None and value != "":
                shown = (
                    value
                    if box.option == OTHER and isinstance(value, str)
                    else display_text(f, value, lang)
                )
                widget.V = String(shown)
            if flags:
                widget.Ff = flags
            widget.Q = 0
            widget.MK = Dictionary()
            if shown:
                ap = w.text_appearance(shown, r.width, r.height, size, multiline)
            else:
                ap = w.empty_text(r.width, r.height)
            widget.AP = Dictionary(N=ap)
            obj = pdf.make_indirect(widget)
            w.attach(box.path, obj)
        elif box.kind is WidgetKind.CHECKBOX:
            value = values.get(_value_path(box.path))
            on = isinstance(value, list) and box.option in value
            widget.FT = Name.Btn
            widget.TU = String(f"{box.tooltip or f.label.get(lang)} – {box.label}")
            widget.MK = Dictionary(CA=String("4"))
            widget.DA = String("/ZaDb 0 Tf 0 g")
            widget.AP = Dictionary(N=w.check_states(ON_STATE))
            widget.AS = Name(f"/{ON_STATE}") if on else Name.Off
            widget.V = Name(f"/{ON_STATE}") if on else Name.Off
            obj = pdf.make_indirect(widget)
            w.attach(box.path, obj)
        else:  # WidgetKind.CHOICE: one box of an exclusive group
            assert box.option is not None
            value = values.get(box.path)
            group = groups.get(box.path)
            if group is None:
                group = pdf.make_indirect(
                    Dictionary(
                        FT=Name.Btn,
                        TU=String(box.tooltip or f.label.get(lang)),
                        Kids=Array(),
                        V=Name(f"/{value}") if isinstance(value, str) and value else Name.Off,
                    )
                )
                if f.required:
                    group.Ff = FF_REQUIRED
                w.attach(box.path, group)
                groups[box.path] = group
            widget.MK = Dictionary(CA=String("4"))
            widget.DA = String("/ZaDb 0 Tf 0 g")
            widget.AP = Dictionary(N=w.check_states(box.option))
            widget.AS = Name(f"/{box.option}") if value == box.option else Name.Off
            widget.Parent = group
            obj = pdf.make_indirect(widget)
            group.Kids.append(obj)
        annots[box.page].append(obj)

    # identity: hidden read-only fields on the first page, and /Info
    for key, text in identity.to_fields().items():
        widget = Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            Rect=Array([0, 0, 0, 0]),
            F=F_HIDDEN,
            P=pages[0].obj,
            FT=Name.Tx,
            Ff=FF_READ_ONLY,
            DA=String(da_text),
            V=String(text),
        )
        obj = pdf.make_indirect(widget)
        w.attach(key, obj)
        annots[0].append(obj)

    for page, items in zip(pages, annots, strict=True):
        page.obj.Annots = Array(items)

    pdf.Root.AcroForm = Dictionary(
        Fields=Array(w.top),
        DR=Dictionary(
            Font=Dictionary({f"/{FONT_NAME}": w.font_ref, "/ZaDb": w.zadb_ref}),
        ),
        DA=String(da_text),
        NeedAppearances=False,
    )
    date = stand.strftime("D:%Y%m%d000000Z")
    info = pdf.docinfo
    info[Name("/Title")] = String(_title(layout, identity))
    info[Name("/Creator")] = String("formgen")
    info[Name("/Producer")] = String("formgen (reportlab, pikepdf)")
    info[Name("/CreationDate")] = String(date)
    info[Name("/ModDate")] = String(date)
    info[Name("/FormgenIdentity")] = String(
        json.dumps(identity.to_fields(), ensure_ascii=False, sort_keys=True)
    )
    out = io.BytesIO()
    pdf.save(
        out,
        deterministic_id=True,
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return out.getvalue()


def _value_path(option_path: str) -> str:
    return option_path.rpartition(".")[0]


def _title(layout: FormLayout, identity: FormIdentity) -> str:
    if layout.kind == "institution":
        return f"Bestandsaufnahme – {identity.reference}"
    return f"Checkliste {', '.join(layout.categories)} – {identity.reference}"
