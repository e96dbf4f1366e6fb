"""Fill and print formgen PDFs with real engines, for the tests and the sample scripts.

* :func:`pdfium_fill` — PDFium (Chrome's engine, PyPI ``pypdfium2``) through its form-fill API,
  the way a person types: focus the field, select all, type the text (``FORM_ReplaceSelection``),
  click checkboxes, choose list entries; then save.
* :func:`pdfium_alternate_names` — what PDFium gives a screen reader as each field's name.
* :func:`pdfium_print_text` — load with the form environment (missing appearances are built, as
  Chrome does), flatten every page for print (:func:`pdfium_flatten`) and return the text of
  each page.
* :func:`drawn_lines` — the text lines of a PDF as they stand on the page, left to right, and
  :func:`right_to_left` — Arabic text as it stands there: to assert what a reader sees of mixed
  Arabic and Latin text.
* :func:`pdfium_render` — PNG-ready images of pages with forms drawn.
* :func:`glyph_outline` and :func:`drawn_glyphs` — which glyphs of a font a PDF draws (a letter
  in its initial, medial or final form), whatever the glyphs' numbers and names in the subset.
"""

from __future__ import annotations

import ctypes
import io
import re
import unicodedata
from collections.abc import Mapping

import pdfplumber
import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as c
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont


def _wide(getter: object, *args: object) -> str:
    """Call a PDFium getter that fills a UTF-16LE buffer and return the text."""
    n = getter(*args, None, 0)  # type: ignore[operator]
    if n <= 2:
        return ""
    buf = (ctypes.c_ushort * (n // 2))()
    getter(*args, buf, n)  # type: ignore[operator]
    return bytes(buf)[: n - 2].decode("utf-16-le")


def _annots(doc: pdfium.PdfDocument, page: pdfium.PdfPage) -> list[tuple[str, object, int]]:
    form = doc.formenv.raw
    out = []
    for i in range(c.FPDFPage_GetAnnotCount(page.raw)):
        annot = c.FPDFPage_GetAnnot(page.raw, i)
        name = _wide(c.FPDFAnnot_GetFormFieldName, form, annot)
        out.append((name, annot, i))
    return out


def _rect(annot: object) -> tuple[float, float, float, float]:
    r = c.FS_RECTF()
    c.FPDFAnnot_GetRect(annot, r)
    return r.left, r.bottom, r.right, r.top


def _export_value(doc: pdfium.PdfDocument, annot: object) -> str:
    form = doc.formenv.raw
    return _wide(c.FPDFAnnot_GetFormFieldExportValue, form, annot)


def pdfium_fill(data: bytes, values: Mapping[str, str | bool]) -> bytes:
    """Fill ``values`` (field name → text, True to tick a checkbox, or a choice value for an
    exclusive checkbox group / combo box) and return the saved file."""
    doc = pdfium.PdfDocument(data)
    doc.init_forms()
    form = doc.formenv.raw
    todo = dict(values)
    for index in range(len(doc)):
        page = doc[index]
        for name, annot, _ in _annots(doc, page):
            if name not in todo:
                continue
            value = todo[name]
            kind = c.FPDFAnnot_GetFormFieldType(form, annot)
            x0, y0, x1, y1 = _rect(annot)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if kind == c.FPDF_FORMFIELD_TEXTFIELD:
                c.FORM_SetFocusedAnnot(form, annot)
                c.FORM_SelectAllText(form, page.raw)
                text = str(value).replace("\n", "\r\n")
                raw = (text + "\0").encode("utf-16-le")
                wbuf = (ctypes.c_ushort * (len(raw) // 2)).from_buffer_copy(raw)
                c.FORM_ReplaceSelection(form, page.raw, wbuf)
                c.FORM_ForceToKillFocus(form)
                todo.pop(name)
            elif kind == c.FPDF_FORMFIELD_CHECKBOX:
                if value is True or _export_value(doc, annot) == value:
                    c.FORM_OnMouseMove(form, page.raw, 0, cx, cy)
                    c.FORM_OnLButtonDown(form, page.raw, 0, cx, cy)
                    c.FORM_OnLButtonUp(form, page.raw, 0, cx, cy)
                    if value is True:
                        todo.pop(name)
            elif kind == c.FPDF_FORMFIELD_COMBOBOX:
                count = c.FPDFAnnot_GetOptionCount(form, annot)
                for i in range(count):
                    label = _wide(c.FPDFAnnot_GetOptionLabel, form, annot, i)
                    if label == value:
                        c.FORM_SetFocusedAnnot(form, annot)
                        c.FORM_SetIndexSelected(form, page.raw, i, True)
                        c.FORM_ForceToKillFocus(form)
                        todo.pop(name)
                        break
            c.FPDFPage_CloseAnnot(annot)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def pdfium_alternate_names(data: bytes) -> dict[str, set[str]]:
    """Each field's alternate name (``/TU``) as PDFium gives it for its boxes: the name a screen
    reader says for the field."""
    doc = pdfium.PdfDocument(data)
    doc.init_forms()
    out: dict[str, set[str]] = {}
    for index in range(len(doc)):
        for name, annot, _ in _annots(doc, doc[index]):
            said = _wide(c.FPDFAnnot_GetFormFieldAlternateName, doc.formenv.raw, annot)
            out.setdefault(name, set()).add(said)
    return out


def pdfium_flatten(data: bytes) -> bytes:
    """The copy PDFium prints: every page flattened for print (form environment loaded), the
    fields drawn with their appearance streams."""
    doc = pdfium.PdfDocument(data)
    doc.init_forms()
    for index in range(len(doc)):
        page = doc[index]
        c.FPDFPage_Flatten(page.raw, c.FLAT_PRINT)
    flat = io.BytesIO()
    doc.save(flat)
    return flat.getvalue()


def pdfium_print_text(data: bytes) -> list[str]:
    """Flatten every page for print (form environment loaded) and return each page's text
    (as PDFium extracts it: right-to-left text put back in the order it was written)."""
    doc2 = pdfium.PdfDocument(pdfium_flatten(data))
    texts = []
    for index in range(len(doc2)):
        textpage = doc2[index].get_textpage()
        texts.append(textpage.get_text_bounded())
    return texts


def pdfium_render(data: bytes, page: int = 0, scale: float = 1.0) -> object:
    """A PIL image of ``page`` with form fields drawn (as Chrome shows it)."""
    doc = pdfium.PdfDocument(data)
    doc.init_forms()
    return doc[page].render(scale=scale, may_draw_forms=True).to_pil()


def drawn_lines(data: bytes) -> list[list[str]]:
    """Each page's text lines as they stand on the page, every line read left to right glyph by
    glyph (pdfplumber: no reordering), Arabic shaped glyphs as the letters they show."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    return [[_letters(line) for line in page.splitlines()] for page in pages]


def _letters(text: str) -> str:
    return "".join(
        unicodedata.normalize("NFKC", ch) if 0xFB50 <= ord(ch) <= 0xFEFF else ch for ch in text
    )


def right_to_left(text: str) -> str:
    """Arabic (or Persian) ``text`` as it stands on the page read left to right: its letters
    reversed. ``text`` holds no lam followed by alef: the pair is drawn as one glyph (ﻻ)."""
    assert not re.search("ل[اأإآ]", text), f"{text}: lam-alef is one glyph, choose other words"
    return text[::-1]


def glyph_outline(font: TTFont, name: str) -> tuple[object, ...]:
    """Glyph ``name`` of ``font`` as it is drawn: its advance and outline (components drawn in),
    to compare glyphs across a font and its subsets, which renumber and rename them."""
    glyphs = font.getGlyphSet()
    pen = DecomposingRecordingPen(glyphs)
    glyphs[name].draw(pen)
    return (glyphs[name].width, *pen.value)


def drawn_glyphs(data: bytes, font: str) -> set[tuple[object, ...]]:
    """The glyphs (:func:`glyph_outline`) of the embedded TrueType font ``font`` (every subset
    ``ABCDEF+font`` on every page) in a PDF that embeds only the glyphs it draws (reportlab)."""
    out: set[tuple[object, ...]] = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            pdf_font = ref.get_object()
            if str(pdf_font["/BaseFont"]).split("+")[-1] == font:
                program = pdf_font["/FontDescriptor"]["/FontFile2"].get_data()
                with TTFont(io.BytesIO(program)) as subset:
                    out |= {glyph_outline(subset, name) for name in subset.getGlyphOrder()}
    return out
