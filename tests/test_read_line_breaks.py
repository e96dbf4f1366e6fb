"""A line break pasted into a form comes back as ``\\n``, as one typed with Enter does.

Text copied from a web page or a Mac program may carry its line breaks as U+2028 LINE
SEPARATOR or U+2029 PARAGRAPH SEPARATOR (Cocoa's text system writes a line break within a
paragraph as U+2028). PDFium (Chrome's engine) stores a pasted one in the field's value as it
is, and LibreOffice keeps one in a control when it saves the form as DOCX or ODT; Enter gives
``\\r\\n`` in PDFium, ``\\n`` in pdf.js, a ``<w:br/>`` in Word. formgen shows and splits all of
them as line breaks (:data:`formgen.linebreak.LINE_BREAK`), so every reader stores them as
``\\n``: the same text is then the same value in the register, whichever program it came from.
The rest of the text stays as typed (NFC).
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pypdf
import pytest
from ingest_support import libreoffice, prefilled_request
from lxml import etree
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from test_register_import import formgen, stored, write_csv
from test_register_returns import RECIPIENTS, mailed_form, run

from formgen.docx_form import render_docx
from formgen.docx_xml import iter_controls, qn
from formgen.forms import new_identity
from formgen.pdf_form import render_pdf
from formgen.schema_load import default_schema
from ingest.docx_reader import read_docx
from ingest.flat_reader import read_pdf
from ingest.journal import load
from ingest.odt_reader import read_odt
from ingest.pipeline import ingest_into_register

SCHEMA = default_schema()
SECRET = b"formgen tests: line breaks"
PASTED = {
    "institution.opening_hours": "Mo 9–12\u2028Di 14–16",
    "psychotherapie.concepts": "Beratung für Familien\u2029مشاوره خانواده\u2028Ольга Петренко",
}
"""Field → the text pasted into it, its line breaks as Unicode's separators."""
READ = {path: text.replace("\u2028", "\n").replace("\u2029", "\n") for path, text in PASTED.items()}


def test_pasted_into_pdfium_they_read_back_as_line_breaks() -> None:
    request = prefilled_request(SCHEMA, {})
    identity = new_identity(SCHEMA, request, SECRET, random.Random(7))
    filled = pdfium_fill(render_pdf(SCHEMA, request, identity).data, PASTED)
    fields = pypdf.PdfReader(io.BytesIO(filled)).get_fields() or {}
    assert {path: fields[path].get("/V") for path in PASTED} == PASTED  # PDFium keeps them
    sub = read_pdf(
        filled, "Rückmeldung.pdf", schema=SCHEMA, lookup={identity.instance_id: identity}.get
    )
    assert sub.provenance.reader == "acroform-pdf"
    assert {path: sub.values.get(path) for path in PASTED} == READ


def _pasted_docx() -> bytes:
    """The Word form whose controls hold :data:`PASTED` as LibreOffice keeps a pasted text: the
    separators in the control's ``w:t``."""
    spaced = {
        path: text.replace("\u2028", " ").replace("\u2029", " ") for path, text in PASTED.items()
    }
    request = prefilled_request(SCHEMA, spaced)
    identity = new_identity(SCHEMA, request, SECRET, random.Random(8))
    data = render_docx(SCHEMA, request, identity).data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            part = src.read(item.filename)
            if item.filename == "word/document.xml":
                xml = part.decode("utf-8")
                for path, text in PASTED.items():
                    assert xml.count(spaced[path]) == 1, path
                    xml = xml.replace(spaced[path], text)
                part = xml.encode("utf-8")
            dst.writestr(item, part)
    return out.getvalue()


def test_pasted_into_a_word_control_they_read_back_as_line_breaks() -> None:
    sub = read_docx(_pasted_docx(), "Rückmeldung.docx", schema=SCHEMA)
    assert {path: sub.values.get(path) for path in PASTED} == READ


@pytest.mark.external
@pytest.mark.slow
@pytest.mark.parametrize("target", ["docx:MS Word 2007 XML", "odt"])
def test_saved_by_libreoffice_as_docx_or_odt_they_read_back_as_line_breaks(
    target: str, tmp_path: Path
) -> None:
    saved = libreoffice(_pasted_docx(), target, tmp_path)
    if target == "odt":
        assert "\u2028" in zipfile.ZipFile(io.BytesIO(saved)).read("content.xml").decode()
        sub = read_odt(saved, "Rückmeldung.odt", SCHEMA)
    else:
        assert "\u2028" in zipfile.ZipFile(io.BytesIO(saved)).read("word/document.xml").decode()
        sub = read_docx(saved, "Rückmeldung.docx", schema=SCHEMA)
    assert {path: sub.values.get(path) for path in PASTED} == READ


def test_the_same_text_from_a_table_and_from_a_form_is_the_same_value(tmp_path: Path) -> None:
    """Opening hours imported from a table saved on Windows (``\\r\\n`` in the cell) and the
    same hours pasted into the institution's form (U+2028), returned after the import: one
    value, not two. They differed before, a conflict held for the coordinator to decide (the
    form was made before the import) over two texts that read the same."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    form = mailed_form(ws, "ua-1").read_bytes()
    first = tmp_path / "Rückmeldung.pdf"
    first.write_bytes(pdfium_fill(form, {"psychotherapie.initials": "ОП"}))
    ingest_into_register([first], ws)
    head = ["institution_id", "category", "opening_hours"]
    row = {
        "institution_id": "ua-1",
        "category": "psychotherapie",
        "opening_hours": "Mo 9–12\r\nDi 14–16",
    }
    code, said = formgen(
        ws, "register", "import", str(write_csv(tmp_path / "Bestand.csv", head, [row]))
    )
    assert code == 0, said
    imported = stored(ws, "ua-1", "institution.opening_hours")
    assert imported is not None and imported["raw"] == imported["v"] == "Mo 9–12\nDi 14–16"

    pasted = {"institution.opening_hours": "Mo 9–12\u2028Di 14–16", "psychotherapie.initials": "ОП"}
    again = tmp_path / "Rückmeldung 2.pdf"
    again.write_bytes(pdfium_fill(form, pasted))
    ingest_into_register([again], ws)
    reg = load(ws)
    assert reg.conflicts() == []
    value = dict(reg.value("ua-1", "institution.opening_hours") or {})
    assert value.pop("confirmed", None)  # the institution's form confirmed the imported text
    assert value == imported


def test_a_held_separator_is_prefilled_into_the_word_form_as_a_line_break() -> None:
    """A register that holds :data:`PASTED` as typed (an import, or a return read before the
    readers stored ``\\n``) prefills the Word form with a ``w:br`` for each line break, as
    Word writes one, not with the separator inside the text."""
    request = prefilled_request(SCHEMA, PASTED)
    data = render_docx(
        SCHEMA, request, new_identity(SCHEMA, request, SECRET, random.Random(9))
    ).data
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    controls = {c.tag: c.element for c in iter_controls(root)}
    for path, text in READ.items():
        sdt = controls[path]
        assert sdt is not None
        assert len(list(sdt.iter(qn("w:br")))) == text.count("\n"), path
        assert "".join(t.text or "" for t in sdt.iter(qn("w:t"))) == text.replace("\n", ""), path
    sub = read_docx(data, "Formular.docx", schema=SCHEMA)
    assert {path: sub.values.get(path) for path in PASTED} == READ
