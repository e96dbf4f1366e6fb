"""Fill a PDF form with PDFium (Chrome's PDF engine) through its form-fill API, and save it.

    python fill_pdfium.py IN.pdf VALUES.json OUT.pdf

Does what Chrome's PDF viewer does for a person at the keyboard and mouse: the form environment
is initialised (``FPDFDOC_InitFormFillEnvironment``), each page is announced with
``FORM_OnAfterLoadPage``; a text field gets the focus and its text is typed character by
character with ``FORM_OnChar`` (Enter as carriage return, as a keyboard sends it) when it spans
several lines, or pasted with ``FORM_ReplaceSelection`` otherwise; a checkbox is clicked
(``FORM_OnLButtonDown``/``Up`` at its centre); a combo box option is picked by its *visible*
label (``FORM_SetIndexSelected``). Focus is killed before saving (``FORM_ForceToKillFocus``) and
the document is written with ``FPDF_SaveAsCopy``.

VALUES.json maps fully qualified field names to what a person enters:
  text: "string"; checkbox: true/false; a group of boxes sharing one name: the export value of
  the box to click ("fehlanzeige"); combo box: the label of the option to pick ("Dormagen").
"""

from __future__ import annotations

import ctypes
import json
import sys

import pypdfium2 as pdfium
import pypdfium2.raw as raw

TEXT, CHECKBOX, RADIO, COMBO, LISTBOX = (
    raw.FPDF_FORMFIELD_TEXTFIELD,
    raw.FPDF_FORMFIELD_CHECKBOX,
    raw.FPDF_FORMFIELD_RADIOBUTTON,
    raw.FPDF_FORMFIELD_COMBOBOX,
    raw.FPDF_FORMFIELD_LISTBOX,
)
MULTILINE = 1 << 12


def _wide(text: str):  # type: ignore[no-untyped-def]
    buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    return ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR))


def _read_utf16(fn, *args) -> str:  # type: ignore[no-untyped-def]
    size = fn(*args, None, 0)
    if size <= 2:
        return ""
    buf = ctypes.create_string_buffer(size)
    fn(*args, ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)), size)
    return buf.raw[: size - 2].decode("utf-16-le")


def _centre(annot) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    rect = raw.FS_RECTF()
    raw.FPDFAnnot_GetRect(annot, ctypes.byref(rect))
    return (rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2


def fill(src: str, values: dict[str, object], dst: str) -> list[str]:
    pdf = pdfium.PdfDocument(src)
    pdf.init_forms()
    env = pdf.formenv.raw
    done: set[str] = set()
    for index in range(len(pdf)):
        page = pdf[index]  # pypdfium2 calls FORM_OnAfterLoadPage for a document with forms
        for i in range(raw.FPDFPage_GetAnnotCount(page.raw)):
            annot = raw.FPDFPage_GetAnnot(page.raw, i)
            name = _read_utf16(raw.FPDFAnnot_GetFormFieldName, env, annot)
            if name not in values:
                raw.FPDFPage_CloseAnnot(annot)
                continue
            value = values[name]
            kind = raw.FPDFAnnot_GetFormFieldType(env, annot)
            if kind == TEXT:
                raw.FORM_SetFocusedAnnot(env, annot)
                raw.FORM_SelectAllText(env, page.raw)
                text = str(value)
                if raw.FPDFAnnot_GetFormFieldFlags(env, annot) & MULTILINE:
                    for ch in text:
                        code = 0x0D if ch == "\n" else ord(ch)
                        raw.FORM_OnChar(env, page.raw, code, 0)
                else:
                    raw.FORM_ReplaceSelection(env, page.raw, _wide(text))
                done.add(name)
            elif kind in (CHECKBOX, RADIO):
                export = _read_utf16(raw.FPDFAnnot_GetFormFieldExportValue, env, annot)
                want = value if isinstance(value, bool) else export == value
                if bool(raw.FPDFAnnot_IsChecked(env, annot)) != want:
                    x, y = _centre(annot)
                    raw.FORM_OnLButtonDown(env, page.raw, 0, x, y)
                    raw.FORM_OnLButtonUp(env, page.raw, 0, x, y)
                done.add(name)
            elif kind in (COMBO, LISTBOX):
                labels = [
                    _read_utf16(raw.FPDFAnnot_GetOptionLabel, env, annot, k)
                    for k in range(raw.FPDFAnnot_GetOptionCount(env, annot))
                ]
                if value not in labels:
                    raise SystemExit(f"{name}: no option labelled {value!r}; options: {labels}")
                raw.FORM_SetFocusedAnnot(env, annot)
                raw.FORM_SetIndexSelected(env, page.raw, labels.index(str(value)), True)
                done.add(name)
            raw.FORM_ForceToKillFocus(env)
            raw.FPDFPage_CloseAnnot(annot)
    raw.FORM_ForceToKillFocus(env)
    pdf.save(dst)
    return sorted(set(values) - done)


def main() -> None:
    if len(sys.argv) != 4:
        raise SystemExit("usage: python fill_pdfium.py IN.pdf VALUES.json OUT.pdf")
    src, values_path, dst = sys.argv[1:]
    with open(values_path, encoding="utf-8") as fh:
        values = json.load(fh)
    missing = fill(src, values, dst)
    if missing:
        raise SystemExit(f"fields not in the form: {', '.join(missing)}")
    print(f"PDFium {pdfium.version.PDFIUM_INFO}: {dst}")


if __name__ == "__main__":
    main()
