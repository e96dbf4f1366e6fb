"""What each PDF engine SHOWS of Unicode values in a formgen form (a measurement, not a test).

Run:  python bench/measure_pdf_display.py [--pdfjs DIR]

A blank checklist is filled with Turkish, Polish, Cyrillic, Greek and Arabic values by
PDFium (form-fill API), pdf.js (``--pdfjs``: a folder with ``node_modules/pdfjs-dist`` and the
fill script ``fill_pdfjs.mjs``; skipped without), pdftk-java ``fill_form`` (as is, and with
``need_appearances``), and by nobody but with ``/V`` set and appearances removed (what a viewer
that only stores values leaves). Each result is then "printed" three ways and its text
extracted: PDFium (load with forms, FLAT_PRINT), poppler (``pdftocairo -pdf`` → ``pdftotext``)
and qpdf (``--generate-appearances --flatten-annotations=all`` → ``pdftotext``). The table says
which values were displayed. Prefilled values of an institution form are measured the same way.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pikepdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from pdf_engines import pdfium_fill, pdfium_print_text

from formgen.forms import FormRequest, new_identity
from formgen.pdf_form import render_pdf
from formgen.record import record_from_json
from formgen.schema_load import default_schema

VALUES = {
    "Turkish": ("psychotherapie.1.name", "Şule Yılmaz"),
    "Polish": ("psychotherapie.1.city", "Łódź"),
    "Cyrillic": ("psychotherapie.1.traeger", "Ольга Петренко"),
    "Greek": ("psychotherapie.1.catchment_area", "Ελληνικά"),
    "Arabic": ("psychotherapie.1.street", "مركز الاستشارة"),
}
ARABIC_FORMS = ("مركز", "ﻣﺮﻛﺰ", "زكرم", "ﺰﻛﺮﻣ")


def shown(text: str) -> str:
    marks = []
    for script, (_, value) in VALUES.items():
        ok = any(form in text for form in ARABIC_FORMS) if script == "Arabic" else value in text
        marks.append("✓" if ok else "✗")
    return " ".join(marks)


def poppler_text(data: bytes, tmp: Path) -> str:
    (tmp / "in.pdf").write_bytes(data)
    subprocess.run(["pdftocairo", "-pdf", str(tmp / "in.pdf"), str(tmp / "out.pdf")], check=True)
    return subprocess.run(
        ["pdftotext", str(tmp / "out.pdf"), "-"], capture_output=True, encoding="utf-8", check=True
    ).stdout


def qpdf_text(data: bytes, tmp: Path) -> str:
    (tmp / "in.pdf").write_bytes(data)
    subprocess.run(
        ["qpdf", "--generate-appearances", "--flatten-annotations=all", str(tmp / "in.pdf"),
         str(tmp / "flat.pdf")],
        check=False, capture_output=True,
    )  # fmt: skip
    return subprocess.run(
        ["pdftotext", str(tmp / "flat.pdf"), "-"], capture_output=True, encoding="utf-8", check=True
    ).stdout


def values_only(data: bytes) -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    wanted = {path: value for path, value in VALUES.values()}
    for annot in pdf.pages[0].Annots:
        if "/Parent" not in annot or "/T" not in annot:
            continue
        name = (
            f"{annot.Parent.Parent.T}.{annot.Parent.T}.{annot.T}"
            if "/Parent" in annot.Parent
            else ""
        )
        if name in wanted:
            annot.V = pikepdf.String(wanted[name])
            del annot["/AP"]
    pdf.Root.AcroForm.NeedAppearances = True
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfjs", type=Path, default=None)
    args = parser.parse_args()
    schema = default_schema()
    request = FormRequest("checklist", ("psychotherapie",), None, "de", "2026-11-22")
    blank = render_pdf(
        schema, request, new_identity(schema, request, b"m" * 32, random.Random(1))
    ).data
    typed = {path: value for path, value in VALUES.values()}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        filled: dict[str, bytes] = {"PDFium (form-fill API)": pdfium_fill(blank, typed)}
        if args.pdfjs and shutil.which("node"):
            (tmp / "blank.pdf").write_bytes(blank)
            (tmp / "values.json").write_text(json.dumps(typed, ensure_ascii=False), "utf-8")
            subprocess.run(
                ["node", str(args.pdfjs / "fill_pdfjs.mjs"), str(tmp / "blank.pdf"),
                 str(tmp / "values.json"), str(tmp / "pdfjs.pdf")],
                check=True, cwd=args.pdfjs, capture_output=True,
            )  # fmt: skip
            filled["pdf.js (saveDocument)"] = (tmp / "pdfjs.pdf").read_bytes()
        if shutil.which("pdftk"):
            fields = "".join(
                f'<field name="{p}"><value>{v}</value></field>' for p, v in typed.items()
            )
            xfdf = (
                '<?xml version="1.0" encoding="UTF-8"?><xfdf xmlns="http://ns.adobe.com/xfdf/">'
                f"<fields>{fields}</fields></xfdf>"
            )
            (tmp / "blank.pdf").write_bytes(blank)
            (tmp / "data.xfdf").write_text(xfdf, "utf-8")
            for label, extra in (
                ("pdftk fill_form", []),
                ("pdftk fill_form need_appearances", ["need_appearances"]),
            ):
                subprocess.run(
                    ["pdftk", str(tmp / "blank.pdf"), "fill_form", str(tmp / "data.xfdf"),
                     "output", str(tmp / "pdftk.pdf"), *extra],
                    check=True, capture_output=True,
                )  # fmt: skip
                filled[label] = (tmp / "pdftk.pdf").read_bytes()
        filled["/V only, no appearance (NeedAppearances)"] = values_only(blank)

        record = record_from_json(
            schema,
            {
                "id": "m1",
                "categories": ["psychotherapie"],
                "institution": {"name": "Şule Yılmaz", "city": "Łódź", "traeger": "Ольга Петренко",
                                "street": "مركز الاستشارة", "website": "Ελληνικά"},
            },
        )  # fmt: skip
        inst_request = FormRequest("institution", ("psychotherapie",), record, "de", "2026-11-22")
        prefilled = render_pdf(
            schema, inst_request, new_identity(schema, inst_request, b"m" * 32, random.Random(2))
        ).data

        print(f"scripts: {' '.join(VALUES)}  (✓ = the value is in the printed page's text)\n")
        print("| filled by | PDFium print | poppler print | qpdf generate+flatten |")
        print("|---|---|---|---|")
        for label, data in [*filled.items(), ("formgen prefilled (institution form)", prefilled)]:
            pdfium = shown("\n".join(pdfium_print_text(data)))
            poppler = shown(poppler_text(data, tmp)) if shutil.which("pdftocairo") else "—"
            qpdf = shown(qpdf_text(data, tmp)) if shutil.which("qpdf") else "—"
            print(f"| {label} | {pdfium} | {poppler} | {qpdf} |")


if __name__ == "__main__":
    main()
