"""A Word form prefilled with Arabic and Persian values (mixed with German words and digits)
marks their paragraphs right to left, so Word and LibreOffice show them from the right edge in
the order an Arabic reader expects; German values and empty controls stay as they were. Saved
again by LibreOffice, or exported by it as PDF, every value still reads back as typed."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from ingest_support import libreoffice, prefilled_request
from lxml import etree

from formgen.docx_form import render_docx
from formgen.docx_xml import iter_controls, qn
from formgen.forms import GeneratedForm, new_identity
from formgen.schema_load import default_schema
from ingest.docx_reader import read_docx
from ingest.flat_reader import ORDER_GUESSED, read_pdf
from ingest.odt_reader import read_odt

SCHEMA = default_schema()
RTL = {
    "institution.name": "مركز الأمل e.V.",
    "institution.traeger": "مركز الأمل – Beratung für Familien",
    "institution.street": "شارع الملك 12",
    "psychotherapie.contact_name": "مريم الحسيني",
    "psychotherapie.contact_role": "مشاور خانواده، تهران ۱۲",  # Persian: ی, ۱۲
    "psychotherapie.office_hours": "هاتف 0211 123456",
    "psychotherapie.agreements": "مركز النور (فرع نويس)، الغرفة 12-14",
}
"""Values whose first letter is Arabic: right-to-left paragraphs."""
LTR = {
    "institution.city": "Düsseldorf",
    "institution.opening_hours": "Termine: اتصل بنا على 0211 123456",
    "psychotherapie.concepts": "Beratung auf Deutsch und Arabisch",
}
"""Values whose first letter is Latin: left-to-right paragraphs, also with Arabic in them."""
TYPED = RTL | LTR


@pytest.fixture(scope="module")
def form() -> GeneratedForm:
    request = prefilled_request(SCHEMA, TYPED)
    identity = new_identity(SCHEMA, request, b"formgen tests: rtl docx", random.Random(5))
    return render_docx(SCHEMA, request, identity)


def _paragraphs(docx: bytes) -> dict[str, etree._Element]:
    """Tag → the paragraph holding that content control."""
    root = etree.fromstring(_part(docx, "word/document.xml"))
    out = {}
    for sdt in root.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        if tag is not None:
            p = next(a for a in sdt.iterancestors() if a.tag == qn("w:p"))
            out[tag.get(qn("w:val"))] = p
    return out


def _bidi(p: etree._Element) -> bool:
    return p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None


def _rtl_runs(p: etree._Element) -> list[str]:
    """The text of the runs marked right to left in ``p``."""
    return [
        "".join(t.text or "" for t in r.iter(qn("w:t")))
        for r in p.iter(qn("w:r"))
        if r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None
    ]


def test_arabic_values_are_right_to_left_paragraphs_and_german_ones_are_not(
    form: GeneratedForm,
) -> None:
    paragraphs = _paragraphs(form.data)
    marked = {tag for tag, p in paragraphs.items() if _bidi(p)}
    assert marked == set(RTL)
    runs = {tag: _rtl_runs(p) for tag, p in paragraphs.items() if _rtl_runs(p)}
    assert set(runs) == set(RTL)
    # the Arabic stretches right to left; a German or Latin part keeps its own order, „e.V.“
    # with its last full stop (in a right-to-left run Word drew it at the other end: „.e.V“)
    assert runs["institution.name"] == ["مركز الأمل "]
    assert runs["institution.traeger"] == ["مركز الأمل – "]
    assert runs["institution.street"] == ["شارع الملك 12"]
    assert "".join(runs["psychotherapie.agreements"]) == RTL["psychotherapie.agreements"]


def test_an_arabic_other_box_is_a_right_to_left_paragraph_its_label_first() -> None:
    """The "other" box of a multiple choice prefilled with Arabic (labelled „Weitere:“ in this
    sample, made before it took the PDF's „Andere:“): its paragraph is right to
    left like the other Arabic values, the label stands first (at the right) with its colon
    after it, held there by a left-to-right mark; a German other box stays left to right."""
    samples = Path(__file__).resolve().parents[1] / "samples" / "docx"
    paragraphs = _paragraphs((samples / "blank-arabic.docx").read_bytes())
    other = paragraphs["psychotherapie.languages_offered._other"]
    assert _bidi(other)
    label = "".join(t.text or "" for t in other.iter(qn("w:t")))
    assert label == "Weitere:\u200e الأمازيغية، الكردية"
    assert _rtl_runs(other) == ["الأمازيغية، الكردية"]
    german = _paragraphs((samples / "blank-institution.docx").read_bytes())
    assert not _bidi(german["psychotherapie.languages_offered._other"])


def test_the_form_reads_back_as_prefilled(form: GeneratedForm) -> None:
    sub = read_docx(form.data, "form.docx", schema=SCHEMA)
    assert {path: sub.values.get(path) for path in TYPED} == TYPED


@pytest.mark.external
@pytest.mark.slow
def test_saved_again_by_libreoffice_it_keeps_the_direction_and_every_value(
    form: GeneratedForm, tmp_path: Path
) -> None:
    saved = libreoffice(form.data, "docx:MS Word 2007 XML", tmp_path)
    sub = read_docx(saved, "saved.docx", schema=SCHEMA)
    assert {path: sub.values.get(path) for path in TYPED} == TYPED
    # LibreOffice 7.4 drops the tags (and splits a control of mixed scripts, the first one
    # holding the whole value): each value's paragraph is found by its first control
    root = etree.fromstring(_part(saved, "word/document.xml"))
    direction = {}
    for p in root.iter(qn("w:p")):
        first = next(iter_controls(p), None)
        if first is not None and first.text in TYPED.values():
            direction[first.text] = _bidi(p)
    assert direction == {value: value in RTL.values() for value in TYPED.values()}


@pytest.mark.external
@pytest.mark.slow
def test_an_arabic_other_box_saved_as_odt_reads_back_without_the_mark(tmp_path: Path) -> None:
    """Read row by row (an .odt of LibreOffice 7.4), the „Weitere:“ box's Arabic value comes
    back as prefilled: the left-to-right mark after the label is no part of it."""
    samples = Path(__file__).resolve().parents[1] / "samples" / "docx"
    odt = libreoffice((samples / "blank-arabic.docx").read_bytes(), "odt", tmp_path)
    sub = read_odt(odt, "form.odt", SCHEMA)
    assert sub.values["psychotherapie.languages_offered._other"] == "الأمازيغية، الكردية"
    assert sub.values["psychotherapie.languages_offered.fa"] is True


def _part(docx: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx)).read(name)


@pytest.mark.external
@pytest.mark.slow
def test_a_pdf_libreoffice_made_of_it_shows_arabic_at_the_right_and_reads_back(
    form: GeneratedForm, tmp_path: Path
) -> None:
    pdf = libreoffice(form.data, "pdf", tmp_path)
    identity = form.identity
    sub = read_pdf(pdf, "copy.pdf", schema=SCHEMA, lookup={identity.instance_id: identity}.get)
    assert sub.provenance.reader == "docx-pdf"
    assert {path: sub.values.get(path) for path in TYPED} == TYPED
    guessed = {note.split(":")[0] for note in sub.notes if ORDER_GUESSED in note}
    # laid out right to left, the Arabic values' order is certain (left to right it was not:
    # „شارع الملك 12“ and „12 شارع الملك“ are drawn alike there)
    assert guessed <= {"institution.opening_hours"}  # digits beside Arabic in a German line
