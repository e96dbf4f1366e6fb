"""Reading returned DOCX forms: the committed samples from real programs, and every bad input."""

from __future__ import annotations

import copy
import functools
import hashlib
import io
import json
import random
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from ingest_support import check_word_form_values, libreoffice, sample_workspace, workspace
from lxml import etree
from pdf_engines import drawn_lines
from pypdf import PdfReader
from test_register_returns import run

from formgen.docx_form import form_plan, render_docx
from formgen.docx_xml import qn
from formgen.errors import IdentityError, NotADocxError, NotOurFormError, UnsafeDocxError
from formgen.forms import FormRequest, new_identity
from formgen.messages import in_language
from formgen.schema_load import default_schema
from formgen.workspace import Workspace
from ingest import flat_reader, journal
from ingest.archive import MAX_RATIO
from ingest.docx_reader import read_docx
from ingest.form_rows import values_from_rows
from ingest.pipeline import ingest_into_register
from ingest.report import Status

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "docx"
REPORT = json.loads((SAMPLES / "report.json").read_text("utf-8"))
SCHEMA = default_schema()
SECRET = b"test-secret-0123456789abcdef0123"
SAMPLE_WORKSPACE = Workspace.open(SAMPLES.parent / "workspace")
"""The workspace whose secret signed the samples (the one ``formgen demo`` ingests them with)."""


def filled_samples() -> list[str]:
    return sorted(p.name for p in SAMPLES.glob("*.docx") if not p.name.startswith("blank-"))


FORM_KIND = {"arabic": "institution", "hints": "institution"}
"""The kind of the form a sample's ``expected-<form>.json`` holds, where it is not its name:
``*-arabic.docx`` is the institution form of an institution whose values are Arabic and
Persian, ``*-hints.docx`` one of an institution the register knows little of (its empty
controls show their fields' own hints)."""


SPLIT_WITHOUT_TRACE = {
    "lo74-arabic.docx": {"institution.opening_hours", "psychotherapie.agreements"}
}
"""Multi-line values LibreOffice 7.4 wrote in pieces (Arabic) with no trace of the break."""


@pytest.mark.parametrize("name", filled_samples())
def test_every_value_of_a_real_program_sample_comes_back(name: str) -> None:
    """Filled by LibreOffice 7.4 / 25.2 (UNO) or as Word edits controls, saved, read back."""
    form = name.rsplit("-", 1)[1].removesuffix(".docx")
    kind = FORM_KIND.get(form, form)
    expected = json.loads((SAMPLES / f"expected-{form}.json").read_text("utf-8"))
    sub = read_docx((SAMPLES / name).read_bytes(), name)
    got = {k: v for k, v in sub.values.items() if v is not False}
    assert sub.identity is not None and sub.identity.verify(SAMPLE_WORKSPACE.secret)
    assert SAMPLE_WORKSPACE.issued()[sub.identity.instance_id] == sub.identity
    assert sub.identity.kind == kind
    joined = set(REPORT["samples"][name.removesuffix(".docx")]["lines_joined_by_libreoffice_7_4"])
    unsure = SPLIT_WITHOUT_TRACE.get(name, set())
    for path, value in expected.items():
        # LibreOffice 7.4 stores plain-text controls as input fields and drops their line
        # breaks: the reader puts them back where the two lines meet as two w:t in one run
        assert got.get(path) == (value.replace("\n", "") if path in unsure else value), path
    assert set(got) == set(expected)
    restored = [note for note in sub.notes if "dropped the line breaks" in note]
    if joined - unsure:
        (note,) = restored
        assert f"line breaks in {len(joined - unsure)} fields" in note
        assert "an empty line between two lines leaves no trace" in note
    else:
        assert not restored
    said_unsure = [note for note in sub.notes if "left no trace of their line breaks" in note]
    assert len(said_unsure) == (1 if unsure else 0)
    if unsure:
        assert "'Opening hours'" in said_unsure[0] and "'Agreements'" in said_unsure[0]
    assert (
        sub.provenance.reader == "docx" and sub.provenance.size == (SAMPLES / name).stat().st_size
    )
    # 7.4 splits each control of Arabic (or mixed scripts) into pieces, each the whole text
    # (after a run of it): the first was read complete, nothing lost, so nothing is said of it
    assert not [note for note in sub.notes if "was split into" in note]


def test_libreoffice_7_4_sample_is_recovered_by_position_and_flagged() -> None:
    sub = read_docx((SAMPLES / "lo74-checklist.docx").read_bytes(), "lo74-checklist.docx")
    assert sub.confidence == "low"
    text = " ".join(sub.notes)
    assert "removed the names of 520 fields" in text and "where they stand in the form" in text
    assert "please check these values" in text
    assert "saved by LibreOffice/7.4" in text
    # the program really stripped every tag
    doc = zipfile.ZipFile(SAMPLES / "lo74-checklist.docx").read("word/document.xml")
    assert b"<w:tag " not in doc


def test_current_libreoffice_keeps_tags() -> None:
    sub = read_docx((SAMPLES / "lo252-checklist.docx").read_bytes(), "lo252-checklist.docx")
    assert sub.confidence == "high"
    assert sub.notes == ()


# ---------------------------------------------------------------- edits of a generated form


@functools.cache
def generated(kind: str = "checklist") -> bytes:
    request = FormRequest(kind, ("psychotherapie",), stand="2026-11-22")
    identity = new_identity(SCHEMA, request, SECRET, random.Random(3))
    return render_docx(SCHEMA, request, identity).data


def edit(data: bytes, change, part: str = "word/document.xml") -> bytes:  # type: ignore[no-untyped-def]
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == part:
                root = etree.fromstring(body)
                change(root)
                body = etree.tostring(root)
            zout.writestr(info.filename, body)
    return out.getvalue()


def replace_part(data: bytes, part: str, body: bytes) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, body if info.filename == part else zin.read(info.filename))
    return out.getvalue()


def without(data: bytes, part: str) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != part:
                zout.writestr(info.filename, zin.read(info.filename))
    return out.getvalue()


def sdt(root: etree._Element, tag: str) -> etree._Element:
    for node in root.iter(qn("w:sdt")):
        if node.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")) == tag:
            return node
    raise KeyError(tag)


def type_into(node: etree._Element, text: str, clear_flag: bool = True) -> None:
    pr = node.find(qn("w:sdtPr"))
    if clear_flag and pr.find(qn("w:showingPlcHdr")) is not None:
        pr.remove(pr.find(qn("w:showingPlcHdr")))
    node.find(f".//{qn('w:t')}").text = text


def test_placeholder_with_cleared_flag_is_blank() -> None:
    data = edit(
        generated(), lambda r: type_into(sdt(r, "psychotherapie.1.name"), "Bitte eintragen")
    )
    assert "psychotherapie.1.name" not in read_docx(data, "f.docx").values


def test_typed_value_replaces_placeholder() -> None:
    data = edit(generated(), lambda r: type_into(sdt(r, "psychotherapie.1.name"), "Ольга Петренко"))
    assert read_docx(data, "f.docx").values["psychotherapie.1.name"] == "Ольга Петренко"


def test_duplicated_tag_is_flagged() -> None:
    def copy_control(root: etree._Element) -> None:
        node = sdt(root, "psychotherapie.1.name")
        type_into(node, "Erste")
        twin = copy.deepcopy(node)
        twin.find(f".//{qn('w:t')}").text = "Zweite"
        node.addnext(twin)

    sub = read_docx(edit(generated(), copy_control), "dup.docx")
    assert sub.values["psychotherapie.1.name"] == "Erste"
    assert any("appears 2 times" in n and "different values" in n for n in sub.notes)


def test_stripped_tag_is_recovered_by_table_position() -> None:
    def strip(root: etree._Element) -> None:
        node = sdt(root, "psychotherapie.2.contact_name")
        type_into(node, "Şule Yılmaz")
        pr = node.find(qn("w:sdtPr"))
        pr.remove(pr.find(qn("w:tag")))

    sub = read_docx(edit(generated(), strip), "stripped.docx")
    assert sub.values["psychotherapie.2.contact_name"] == "Şule Yılmaz"
    assert sub.confidence == "low"
    (note,) = [n for n in sub.notes if "where it stands in the form" in n]
    assert note.startswith("LibreOffice 7.4 removed the name of one field when it saved")
    assert "Psychotherapist in private practice, block 2: 'Name of the contact person'" in note
    assert "PsychotherapeutIn, niedergelassen, Block 2: „Name der Ansprechperson“" in in_language(
        note, "de"
    )


def test_deleted_control_is_flagged() -> None:
    def delete(root: etree._Element) -> None:
        node = sdt(root, "psychotherapie.3.email")
        node.getparent().remove(node)

    sub = read_docx(edit(generated(), delete), "deleted.docx")
    (note,) = [n for n in sub.notes if "missing from the form (deleted?)" in n]
    assert note.startswith("a field is missing"), note
    assert note.endswith("Psychotherapist in private practice, block 3: 'E-mail'"), note


def test_missing_identity_gives_none_and_a_note_with_the_footer_reference() -> None:
    data = generated()
    sub = read_docx(without(data, "docProps/custom.xml"), "noid.docx")
    assert sub.identity is None
    assert sub.confidence == "low"
    assert any("identity" in n and "FG-" in n for n in sub.notes)


def test_forged_identity_is_an_identity_error() -> None:
    def forge(root: etree._Element) -> None:
        for prop in root:
            if prop.get("name") == "formgen.instance_id":
                prop[0].text = "not-an-id"

    data = edit(generated(), forge, part="docProps/custom.xml")
    with pytest.raises(IdentityError, match=r"forged\.docx: form identity: instance id"):
        read_docx(data, "forged.docx")


def test_an_identity_value_no_form_has_is_kept_aside_without_being_quoted(tmp_path: Path) -> None:
    """Found by the mutation audit: an identity whose categories were edited to 100,000
    characters was quoted whole in the report line (and again in a note)."""

    def lengthen(root: etree._Element) -> None:
        for prop in root:
            if prop.get("name") == "formgen.categories":
                prop[0].text = "psychotherapie " * 7000

    form = tmp_path / "Rückmeldung Praxis Yılmaz.docx"
    form.write_bytes(
        edit((SAMPLES / "lo252-institution.docx").read_bytes(), lengthen, "docProps/custom.xml")
    )
    (outcome,) = ingest_into_register([form], sample_workspace(tmp_path / "ws")).outcomes
    assert outcome.status is Status.QUARANTINED and outcome.quarantine_kind == "tampered"
    assert outcome.reason == (
        "tampered or damaged identity: form identity: categories has 104,999 characters, more "
        "than a form made by formgen ever has; not merged — check with the sender"
    )
    assert outcome.warnings == ()


# ------------------------------------------------------------------------------ bad input


def test_not_a_zip() -> None:
    with pytest.raises(NotADocxError, match=r"notes\.docx: not a DOCX file .*starts with 48 61"):
        read_docx(b"Hallo, anbei das Formular", "notes.docx")
    with pytest.raises(NotADocxError, match="empty file"):
        read_docx(b"", "empty.docx")


def test_binary_word_doc() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    with pytest.raises(
        NotADocxError,
        match=r"old\.doc: this is a binary Word document \(\.doc\).*save it as 'Word document \(\.docx\)'",
    ):
        read_docx(ole, "old.doc")


def test_pdf_given_as_docx() -> None:
    with pytest.raises(NotADocxError, match="this is a PDF"):
        read_docx(b"%PDF-1.7\n...", "form.docx")


def test_odt() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(
        NotADocxError, match=r"form\.odt: this is an OpenDocument text \(\.odt\).*Word 2007–365"
    ):
        read_docx(out.getvalue(), "form.odt")


def test_truncated_zip() -> None:
    data = generated()
    with pytest.raises(NotADocxError, match="ZIP archive is damaged"):
        read_docx(data[: len(data) // 2], "cut.docx")


def test_xml_nested_too_deeply_is_said_in_words_not_by_lxml() -> None:
    """lxml's "Excessive depth in document: 256, use XML_PARSE_HUGE option" told the
    coordinator of a parser option; a hostile file (or a damaged one) is refused in words."""
    data = generated()
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    deep = body.replace(b"<w:body>", b"<w:body>" + b"<w:p>" * 300 + b"</w:p>" * 300, 1)
    with pytest.raises(UnsafeDocxError) as caught:
        read_docx(replace_part(data, "word/document.xml", deep), "deep.docx")
    assert str(caught.value) == (
        "deep.docx: part 'word/document.xml' is nested too deeply or holds a text too long to be "
        "read (a damaged or hostile file); ask the sender to save the form again from Word or "
        "LibreOffice"
    )
    broken = body.replace(b"</w:body>", b"</w:bod>", 1)
    with pytest.raises(NotADocxError) as caught:
        read_docx(replace_part(data, "word/document.xml", broken), "broken.docx")
    assert str(caught.value) == (
        "broken.docx: part 'word/document.xml' is not well-formed XML: the file is damaged; ask "
        "the sender to save it again"
    )


def test_zip_bomb_is_refused_from_declared_sizes() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<" + b" " * (8 * 1024 * 1024) + b"/>")
    data = out.getvalue()
    assert len(data) < 64 * 1024
    with pytest.raises(
        UnsafeDocxError,
        match=rf"bomb\.docx: part 'word/document\.xml' would unpack to 8\.0 MiB .*limit {MAX_RATIO}:1.*zip bomb",
    ):
        read_docx(data, "bomb.docx")


def test_part_larger_than_declared_is_refused() -> None:
    data = bytearray(generated())
    zf = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = zf.getinfo("word/document.xml")
    # forge the declared size in the central directory (and local header) to a smaller one
    small = (100).to_bytes(4, "little")
    real = info.file_size.to_bytes(4, "little")
    central = data.rfind(b"word/document.xml") - 46 + 24
    local = info.header_offset + 22
    assert data[central : central + 4] == real and data[local : local + 4] == real
    data[central : central + 4] = small
    data[local : local + 4] = small
    with pytest.raises(
        (UnsafeDocxError, NotADocxError),
        match=r"forged\.docx: part 'word/document\.xml' .*(damaged|declared)",
    ):
        read_docx(bytes(data), "forged.docx")


def test_external_entity_docx_is_refused_unparsed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("geheim")
    data = generated()
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "word/document.xml":
                head, rest = body.split(b"?>", 1)
                body = (
                    head
                    + b"?>"
                    + f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()
                    + rest
                )
                body = body.replace(b"Bitte eintragen", b"&xxe;", 1)
            zout.writestr(info.filename, body)
    with pytest.raises(
        UnsafeDocxError,
        match=r"xxe\.docx: part 'word/document\.xml' declares a DOCTYPE or XML entities.*refused unread",
    ):
        read_docx(out.getvalue(), "xxe.docx")


def test_utf16_doctype_is_refused_too() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    data = replace_part(generated(), "docProps/custom.xml", text.encode("utf-16"))
    with pytest.raises(UnsafeDocxError, match=r"custom\.xml' declares a DOCTYPE"):
        read_docx(data, "utf16.docx")


def test_word_document_that_is_not_ours(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Sehr geehrte Damen und Herren, anbei unsere Angaben.")
    buf = io.BytesIO()
    document.save(buf)
    with pytest.raises(
        NotOurFormError, match=r"brief\.docx: a Word document, but not a formgen form"
    ):
        read_docx(buf.getvalue(), "brief.docx")


def test_reads_from_a_file_object() -> None:
    sub = read_docx(io.BytesIO(generated("checklist")), "stream.docx")
    assert sub.identity is not None and sub.identity.categories == ("psychotherapie",)


def test_the_provenance_names_the_bytes_by_their_sha256() -> None:
    data = generated("checklist")
    assert read_docx(data, "f.docx").provenance.sha256 == hashlib.sha256(data).hexdigest()
    # The pipeline has hashed the bytes already; the digest it passes is not computed again.
    given = "0" * 64
    assert read_docx(data, "f.docx", sha256=given).provenance.sha256 == given


def test_archive_with_too_many_entries_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for i in range(6000):
            zf.writestr(f"word/media/x{i}.xml", "")
    with pytest.raises(UnsafeDocxError, match=r"many\.docx: the archive has 6000 entries"):
        read_docx(out.getvalue(), "many.docx")


def test_strict_open_xml_is_named() -> None:
    strict = generated()
    zin = zipfile.ZipFile(io.BytesIO(strict))
    body = zin.read("word/document.xml").replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    data = replace_part(strict, "word/document.xml", body)
    with pytest.raises(NotADocxError, match=r"strict\.docx: saved as 'Strict Open XML Document'"):
        read_docx(data, "strict.docx")


def test_password_protected_docx_is_named() -> None:
    ole = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 1000
        + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(
        NotADocxError, match=r"secret\.docx: this DOCX is protected with a password"
    ):
        read_docx(ole + b"\x00" * 100, "secret.docx")


WORD_PDFS = {
    "lo74-export-institution.pdf": "institution",
    "lo74-export-institution-printed.pdf": "institution",
    "lo74-export-checklist.pdf": "checklist",
}
"""PDFs of the filled Word form (``lo252-*.docx``): exported by LibreOffice 7.4, and that export
printed once more by poppler (``export_pdf.sh``)."""


@pytest.mark.parametrize("name", sorted(WORD_PDFS))
def test_every_value_of_a_pdf_made_of_the_word_form_comes_back(name: str) -> None:
    """An institution that sends a PDF of the filled Word form instead of the .docx: its values
    are read from the tables, row by row, and match what the .docx itself holds."""
    kind = WORD_PDFS[name]
    issued = SAMPLE_WORKSPACE.issued()
    sub = flat_reader.read_pdf(
        (SAMPLES / name).read_bytes(), name, schema=SCHEMA, lookup=issued.get
    )
    assert sub.identity is not None and sub.identity == issued[sub.identity.instance_id]
    assert sub.identity.kind == kind and not sub.unread
    assert sub.provenance.reader == "docx-pdf" and sub.confidence == "low"
    # the Word form's paragraphs are left to right, so a line where Arabic meets Latin letters
    # ("Русскийمركز الاستشارة") is drawn as no other text is: read as typed, with no note
    assert any(_arabic_and_latin(value) for value in sub.values.values())
    assert sub.notes == (
        "values were read from the tables of a PDF made of the Word form (reference "
        f"{sub.identity.reference}), row by row; check them before relying on them",
    )
    # LibreOffice 7.4 draws a plain-text control's lines as one line: the PDF shows the page
    check_word_form_values(sub, kind, lines_joined_by_lo74=True)


def _arabic_and_latin(value: object) -> bool:
    """A line of ``value`` holds Arabic and Latin (or Cyrillic) letters."""
    lines = value.splitlines() if isinstance(value, str) else []
    kinds = [{unicodedata.bidirectional(ch) for ch in line} for line in lines]
    return any("L" in k and bool(k & {"R", "AL"}) for k in kinds)


BIDI_PDFS = ("lo74-export-bidi.pdf", "lo74-export-bidi-printed.pdf", "lo252-export-bidi.pdf")
"""``blank-institution.docx`` filled by LibreOffice 25.2 with Arabic among Latin letters,
numbers and brackets (``fill-bidi.json``), exported by LibreOffice 7.4 (and that export printed
again by poppler) and by 25.2 (``export_pdf.sh``)."""
ORDER_OPEN = ("شارع كولن 12", "للتواصل: 0211 7654321", "مركز 12 – Beratung")
"""Typed values that a left-to-right paragraph draws exactly as it draws another text: digits
before the Arabic („12 شارع كولن“, „7654321 للتواصل: 0211“, „12 مركز – Beratung“)."""


@pytest.mark.parametrize("name", BIDI_PDFS)
def test_arabic_in_a_pdf_made_of_the_word_form_reads_as_typed(name: str) -> None:
    """LibreOffice lays out every paragraph of the Word form left to right, also one that starts
    with an Arabic word: "1) مركز الأمل" is drawn "1) لمألا زكرم", not as in a right-to-left
    paragraph. Every value comes back as it was typed; only the values whose drawing another
    text shares carry the note that their order was guessed."""
    issued = SAMPLE_WORKSPACE.issued()
    sub = flat_reader.read_pdf(
        (SAMPLES / name).read_bytes(), name, schema=SCHEMA, lookup=issued.get
    )
    assert sub.identity is not None and sub.provenance.reader == "docx-pdf"
    plan = form_plan(SCHEMA, sub.identity.kind, sub.identity.categories, sub.identity.lang)
    paths = {(t, r, i): slot.path for t, r, i, slot in plan.slots()}
    fill = json.loads((SAMPLES / "fill-bidi.json").read_text("utf-8"))
    typed = {paths[t, r, i]: value for t, r, i, _, value in fill}
    assert {path: sub.values.get(path) for path in typed} == typed
    guessed = [path for path, value in typed.items() if value in ORDER_OPEN]
    assert [note for note in sub.notes if flat_reader.ORDER_GUESSED in note] == [
        f"{path}: {flat_reader.ORDER_GUESSED}" for path in guessed
    ]
    german = in_language(flat_reader.ORDER_GUESSED, "de")  # a German workspace's report
    assert [in_language(n, "de") for n in sub.notes if flat_reader.ORDER_GUESSED in n] == [
        f"{path}: {german}" for path in guessed
    ]


MADE_BEFORE = {
    "lo74-export-institution.pdf": "institution",
    "lo74-export-institution-printed.pdf": "institution",
    "lo74-export-checklist.pdf": "checklist",
    "lo74-export-arabic.pdf": "arabic",
    "lo74-odt-institution.odt": "institution",
}
"""Copies read row by row of Word forms made when they wrote „Weitere:“ before a multiple
choice's "other" text (now the PDF's „Andere:“): LibreOffice's PDFs and an ODT."""


@pytest.mark.parametrize("name", sorted(MADE_BEFORE))
def test_the_other_text_of_a_word_form_made_before_is_read_after_its_old_label(name: str) -> None:
    from ingest.odt_reader import read_odt

    data = (SAMPLES / name).read_bytes()
    if name.endswith(".odt"):
        shown = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode("utf-8")
        sub = read_odt(data, name, SCHEMA)
    else:
        shown = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        sub = flat_reader.read_pdf(data, name, schema=SCHEMA, lookup=SAMPLE_WORKSPACE.issued().get)
    assert "Weitere" in shown and "Andere:" not in shown
    expected = json.loads((SAMPLES / f"expected-{MADE_BEFORE[name]}.json").read_text("utf-8"))
    other = {k: v for k, v in expected.items() if k.endswith("._other")}
    assert other
    assert {k: v for k, v in sub.values.items() if k.endswith("._other") and v} == other


def test_arabic_and_persian_values_of_a_pdf_made_of_the_word_form_come_back() -> None:
    """The institution form prefilled with Arabic and Persian values (``blank-arabic.docx``),
    filled as Word does and exported as PDF by LibreOffice 7.4: every value is read from the
    tables, the right-to-left ones (also the „Weitere:“ box of a multiple choice, as forms made before wrote it) in the order
    they were typed."""
    issued = SAMPLE_WORKSPACE.issued()
    name = "lo74-export-arabic.pdf"
    sub = flat_reader.read_pdf(
        (SAMPLES / name).read_bytes(), name, schema=SCHEMA, lookup=issued.get
    )
    assert sub.identity is not None and sub.identity == issued[sub.identity.instance_id]
    assert sub.identity.institution_id == "inst-0077" and not sub.unread
    assert sub.provenance.reader == "docx-pdf" and sub.confidence == "low"
    assert sub.notes == (
        "values were read from the tables of a PDF made of the Word form (reference "
        f"{sub.identity.reference}), row by row; check them before relying on them",
    )
    expected = json.loads((SAMPLES / "expected-arabic.json").read_text("utf-8"))
    joined = set(REPORT["samples"]["lo74-arabic"]["lines_joined_by_libreoffice_7_4"])
    assert joined == {"institution.opening_hours", "psychotherapie.agreements"}
    for path, value in expected.items():
        if path in joined:
            # LibreOffice 7.4 draws a plain-text control's lines as one line
            value = value.replace("\n", "")
        # Known difference: LibreOffice draws a zero-width non-joiner (پناه‌جویان) with the
        # glyph of a space and names the character only in a marked-content /ActualText, which
        # pdfplumber does not read: it comes back as a space. Not taken as equal: a space
        # there is another spelling, and the reader cannot tell it from a typed one.
        value = value.replace("\u200c", " ") if isinstance(value, str) else value
        assert sub.values.get(path) == value, path
    assert {k for k, v in sub.values.items() if v is not False} == set(expected)


LONG_VALUES = {
    "institution.name": "Psychosoziale Beratungsstelle Düsseldorf",
    "institution.email": "info@psychosoziale-beratungsstelle-duesseldorf-neuss-mettmann.example.org",
    "institution.website": "https://www.psychosoziale-beratungsstelle-duesseldorf.example.org/"
    "angebote/migration",
    "institution.traeger": "Çiğdem Öztürk-İnce Stiftung für Geflüchtete und Migrantinnen und "
    "Migranten",
    "institution.phone": "+49 211 123456-789 / 0211 98765432 (Zentrale) / 0211 98765433 (Fax)",
    "institution.opening_hours": "Mo–Fr 9–13 Uhr\nDo 14–18 Uhr",
    "psychotherapie.contact_email": "sule.yilmaz.oeztuerk@beratungsstelleduesseldorfneussmettmann"
    "krefeldwuppertal.example",
}
"""Register values of an institution too long for one line of the Word form's cell: e-mail and
web addresses (LibreOffice breaks them after a hyphen, or inside a word too long for the line),
a name and phone numbers (broken at a space); and opening hours of two lines typed with Enter.
``LONG_RECORD`` of ``samples/docx/make_samples.py`` holds the same."""


@pytest.mark.external
@pytest.mark.slow
def test_a_long_e_mail_or_web_address_in_a_pdf_of_the_word_form_comes_back_without_a_space(
    tmp_path: Path,
) -> None:
    # read back as „https://www.psychosoziale-beratungsstelle- duesseldorf.exam…“
    def values(group: str) -> dict[str, str]:
        return {p.split(".")[1]: v for p, v in LONG_VALUES.items() if p.startswith(group + ".")}

    record = {
        "id": "inst-0123",
        "categories": ["psychotherapie"],
        "institution": values("institution"),
        "entries": {"psychotherapie": values("psychotherapie")},
    }
    ws, rec, docx = Workspace.init(tmp_path / "ws"), tmp_path / "r.json", tmp_path / "form.docx"
    rec.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    run("generate", "docx", "--record", str(rec), "-w", str(ws.root), "--out", str(docx))
    check_long_values(libreoffice(docx.read_bytes(), "pdf", tmp_path), ws.issued().get)


def test_the_long_values_of_a_sample_pdf_of_the_word_form_come_back() -> None:
    """The same form made by ``samples/docx/make_samples.py long`` (``LONG_RECORD``, the values
    of ``LONG_VALUES``) and exported by LibreOffice 7.4: ``lo74-export-long.pdf``."""
    pdf = (SAMPLES / "lo74-export-long.pdf").read_bytes()
    check_long_values(pdf, SAMPLE_WORKSPACE.issued().get)


def check_long_values(pdf: bytes, lookup: flat_reader.Lookup) -> None:
    """``pdf`` of the Word form prefilled with ``LONG_VALUES`` shows each long value on two lines
    and reads every one back exactly."""
    lines = [line for page in drawn_lines(pdf) for line in page]
    for path in sorted(LONG_VALUES.keys() - {"institution.name", "institution.opening_hours"}):
        first, last = LONG_VALUES[path][:12], LONG_VALUES[path][-8:]
        assert not any(first in line and last in line for line in lines), path
    sub = flat_reader.read_pdf(pdf, "form.pdf", schema=SCHEMA, lookup=lookup)
    assert sub.provenance.reader == "docx-pdf" and not sub.unread
    expected = dict(LONG_VALUES)
    made_by = PdfReader(io.BytesIO(pdf)).metadata
    if made_by and made_by.producer == "LibreOffice 7.4":
        # 7.4 draws a plain-text control's lines as one line (samples/docx/README.md)
        expected["institution.opening_hours"] = LONG_VALUES["institution.opening_hours"].replace(
            "\n", ""
        )
    assert {path: sub.values.get(path) for path in LONG_VALUES} == expected


def test_a_pdf_made_of_the_word_form_is_merged_into_the_register(tmp_path: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    before = len(journal.read_journal(ws))
    (outcome,) = ingest_into_register([SAMPLES / "lo74-export-institution.pdf"], ws).outcomes
    assert outcome.status is Status.WARNINGS and outcome.form == "FG-CPX3D-EJZDN"
    assert outcome.reader == "docx-pdf" and outcome.confidence == "low"
    assert outcome.merged.startswith("updated, inst-0042")
    assert len(journal.read_journal(ws)) == before + 1


def test_a_value_cell_of_a_word_copy_drawn_unreadably_is_named_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every "@" of the PDF made of the Word form drawn with a glyph its font maps to no
    character (pdfminer: "(cid:…)"; no label holds one): the three e-mail addresses are named
    as not readable and not read, every other value is read as from the intact copy."""
    real = flat_reader._PageContent.of

    def at_unmapped(page: object) -> flat_reader._PageContent:
        content = real(page)
        content.chars = [(*c[:4], "(cid:35)" if c[4] == "@" else c[4], c[5]) for c in content.chars]
        return content

    pdf = (SAMPLES / "lo74-export-institution.pdf").read_bytes()
    lookup = Workspace.open(SAMPLES.parent / "workspace").issued().get
    intact = flat_reader.read_pdf(pdf, "x.pdf", schema=default_schema(), lookup=lookup)
    monkeypatch.setattr(flat_reader._PageContent, "of", at_unmapped)
    sub = flat_reader.read_pdf(pdf, "x.pdf", schema=default_schema(), lookup=lookup)
    emails = [p for p, v in intact.values.items() if isinstance(v, str) and "@" in v]
    assert emails == [
        "institution.email",
        "psychotherapie.contact_email",
        "migrantenselbstorganisationen.contact_email",
    ]
    assert sub.illegible == tuple(emails)
    assert [n for n in sub.notes if n.endswith(flat_reader.UNREADABLE)] == [
        f"{path}: {flat_reader.UNREADABLE}" for path in emails
    ]
    assert sub.values == {p: v for p, v in intact.values.items() if p not in emails}


def test_a_pdf_of_an_edited_word_form_is_kept_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row deleted from the Word form before it was saved as PDF: the rows after it would be
    read under the wrong labels, so no value is read and the copy is kept aside."""
    real = flat_reader.word_copy_rows

    def one_row_less(pages: list[object]) -> list[tuple[str, flat_reader.BoxReading]]:
        rows = real(pages)  # type: ignore[arg-type]
        assert rows[4][0] == "Ort"
        return rows[:4] + rows[5:]

    monkeypatch.setattr(flat_reader, "word_copy_rows", one_row_less)
    ws = sample_workspace(tmp_path / "ws")
    before = len(journal.read_journal(ws))
    (outcome,) = ingest_into_register(
        [SAMPLES / "lo74-export-institution.pdf"], ws, jobs=1
    ).outcomes
    assert outcome.status is Status.QUARANTINED and outcome.quarantine_kind == "unread-copy"
    assert outcome.warnings[-1] == (
        "a PDF made of the Word form (.docx), but its tables show 41 of the form's 42 rows, or in "
        "another order (rows deleted, moved or relabelled): no values were read — ask the "
        "sender for the .docx"
    )
    assert len(journal.read_journal(ws)) == before  # nothing merged
    assert (ws.quarantine_dir / f"{outcome.sha256}.pdf").exists()


def test_a_note_never_hides_what_the_register_found(tmp_path: Path) -> None:
    """A control the sender added with a tag of their own ("institution") is ignored with a
    note naming the tag; the register's flag that the institution was created still shows,
    though its text contains that tag, and the invalid e-mail address is listed once."""

    def add_own_control(root: etree._Element) -> None:
        email = sdt(root, "institution.email")
        type_into(email, "şule.yılmaz(at)pszd.example")
        own = copy.deepcopy(email)
        own.find(qn("w:sdtPr")).find(qn("w:tag")).set(qn("w:val"), "institution")
        own.find(f".//{qn('w:t')}").text = "Stempel der Einrichtung"
        email.addnext(own)

    form = tmp_path / "Rückmeldung Praxis Yılmaz.docx"
    form.write_bytes(edit((SAMPLES / "lo252-institution.docx").read_bytes(), add_own_control))
    (outcome,) = ingest_into_register([form], sample_workspace(tmp_path / "ws")).outcomes
    why = "'şule.yılmaz(at)pszd.example' is not an e-mail address"
    assert outcome.status is Status.WARNINGS and outcome.merged.startswith("merged-flagged")
    assert ", merged with warnings, inst-0042 (new), " in outcome.line()  # --json: the status word
    assert outcome.warnings == (
        f"institution.email: {why}; write one address like name@example.org",
        "1 controls with tags that are not formgen field paths were ignored: institution",
        "psychotherapie: institution inst-0042 was not in the register; created under that id",
    )


@pytest.mark.parametrize("name", ["lo74-hints.docx", "lo74-export-hints.pdf"])
def test_a_field_s_own_hint_is_never_a_value_after_libreoffice(name: str) -> None:
    """The Word form shows each empty control's own hint (the field's help: „Trägerorganisation,
    z. B. Wohlfahrtsverband, Kommune“). LibreOffice 7.4 keeps it as the text of a tagless input
    field without the placeholder flag, and prints it into the PDF it exports: read from either,
    the hints are blank, and what was typed and prefilled comes back."""
    data = (SAMPLES / name).read_bytes()
    if name.endswith(".pdf"):
        shown = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        sub = flat_reader.read_pdf(data, name, schema=SCHEMA, lookup=SAMPLE_WORKSPACE.issued().get)
    else:
        shown = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
        sub = read_docx(data, name)
    assert "Wohlfahrtsverband, Kommune" in shown and "Fünfstellige Postleitzahl" in shown
    expected = json.loads((SAMPLES / "expected-hints.json").read_text("utf-8"))
    assert {k: v for k, v in sub.values.items() if v is not False} == expected


def ingested(tmp_path: Path, typed: dict[str, str]) -> tuple[str, dict[str, object]]:
    """``formgen ingest``'s output for the generated checklist with ``typed`` typed into its
    controls, and the values the register then holds of the institution it created."""

    def change(root: etree._Element) -> None:
        for tag, text in typed.items():
            type_into(sdt(root, tag), text)

    form = tmp_path / "Rückmeldung.docx"
    form.write_bytes(edit(generated(), change))
    ws = workspace(tmp_path / "ws", SECRET)
    out = run("ingest", str(form), "-w", str(ws.root))
    (inst,) = journal.load(ws).institutions.values()
    fields = {**inst["institution"], **inst["entries"]["psychotherapie"]["fields"]}
    return out, {k: v["v"] for k, v in fields.items() if isinstance(v, dict) and "v" in v}


def test_another_field_s_hint_or_help_is_a_value(tmp_path: Path) -> None:
    """Only a control's own hint is blank: „Zahl“ (a number's hint) typed as the name, „Bitte
    wählen“ (a list's) as the catchment area and the postcode's help as the street are what
    was typed, and the required name is not told unfilled. A control showing its own help
    („Trägerorganisation, …“ after LibreOffice cleared the flag) stays blank."""
    out, held = ingested(
        tmp_path,
        {
            "psychotherapie.1.name": "Zahl",
            "psychotherapie.1.catchment_area": "Bitte wählen",
            "psychotherapie.1.street": "Fünfstellige Postleitzahl",
            "psychotherapie.1.traeger": "Trägerorganisation, z.\u00a0B. Wohlfahrtsverband, Kommune",
            "psychotherapie.1.city": "Neuss",
        },
    )
    assert held["name"] == "Zahl" and held["catchment_area"] == "Bitte wählen"
    assert held["street"] == "Fünfstellige Postleitzahl" and held["city"] == "Neuss"
    assert "traeger" not in held
    assert "„Name der Einrichtung“" not in out and "grauen Hinweis" not in out


def test_a_hint_left_before_the_typed_value_is_taken_off_and_said(tmp_path: Path) -> None:
    """LibreOffice 7.4 keeps the hint as an input field's text, the cursor at its end: what is
    typed follows it. The hint is taken off, the note keeps the text as typed."""
    out, held = ingested(
        tmp_path,
        {
            "psychotherapie.1.name": "Beratungsstelle Çiğdem",
            "psychotherapie.1.postcode": "Fünfstellige Postleitzahl41460",
            "psychotherapie.1.traeger": "Trägerorganisation, z.\u00a0B. Wohlfahrtsverband, "
            "KommuneCaritasverband Łódź",
        },
    )
    assert held["postcode"] == "41460" and held["traeger"] == "Caritasverband Łódź"
    assert held["name"] == "Beratungsstelle Çiğdem"
    said = "begann mit dem grauen Hinweis des Feldes, der vor dem Eingetragenen stehen blieb; "
    assert (
        f"PsychotherapeutIn, niedergelassen, Block 1 › PLZ: {said}ohne den Hinweis gelesen (so eingetragen: "
        "„Fünfstellige Postleitzahl41460“)"
    ) in out
    assert (
        f"PsychotherapeutIn, niedergelassen, Block 1 › Träger: {said}ohne den Hinweis gelesen (so eingetragen: "
        "„Trägerorganisation, z.\u00a0B. Wohlfahrtsverband, KommuneCaritasverband Łódź“)"
    ) in out


def test_a_word_that_begins_with_the_hint_is_kept_as_typed(tmp_path: Path) -> None:
    """„Zahl“ is the hint of a number's control (a German workspace's own schema): „Zahlen 12“
    and „Zahlreiche“ typed there are words, kept as typed and flagged as no whole number (they
    were read as „en 12“ and „reiche“, the hint taken off, as LibreOffice 7.4's copy read too).
    „Zahl12“, the hint LibreOffice 7.4 kept with the cursor at its end, is still 12, said."""
    ws = tmp_path / "ws"
    run("init", str(ws), "--name", "Jugendnetz Köln", "--sender", "netz@example.org")
    schema = Path(__file__).parent / "data" / "own_schema" / "youth-1.yaml"
    (ws / "youth.yaml").write_bytes(schema.read_bytes())
    toml = ws / "workspace.toml"
    text = toml.read_text("utf-8").replace('# path = "my-schema.yaml"', 'path = "youth.yaml"')
    toml.write_text(text, "utf-8")
    blank = tmp_path / "leer.docx"
    run("generate", "docx", "--category", "housing", "-w", str(ws), "--out", str(blank))
    typed = {"1.name": "Dom Łódź", "1.places": "Zahlen 12", "2.name": "Центр Надежда"}
    typed |= {"2.places": "Zahlreiche", "3.name": "Çiğdem Öztürk", "3.places": "Zahl12"}

    def change(root: etree._Element) -> None:
        for path, value in typed.items():
            type_into(sdt(root, f"housing.{path}"), value)

    form = tmp_path / "Rückmeldung.docx"
    form.write_bytes(edit(blank.read_bytes(), change))
    out = run("ingest", str(form), "-w", str(ws))
    register = json.loads((ws / "register.json").read_text("utf-8"))
    places = {
        inst["institution"]["name"]["v"]: inst["entries"]["housing"]["fields"]["places"]
        for inst in register["institutions"].values()
    }
    assert {n: (p["raw"], p["v"]) for n, p in places.items()} == {
        "Dom Łódź": ("Zahlen 12", None),
        "Центр Надежда": ("Zahlreiche", None),
        "Çiğdem Öztürk": ("12", 12),
    }
    block = "Supported housing, Block {} › Places for minors"  # a block's field by its labels
    assert f"{block.format(1)}: „Zahlen 12“ ist keine ganze Zahl" in out
    assert f"{block.format(2)}: „Zahlreiche“ ist keine ganze Zahl" in out
    assert "so eingetragen: „Zahl12“" in out and "so eingetragen: „Zahlen" not in out


def test_a_copy_s_rows_blank_only_a_field_s_own_hint() -> None:
    """A PDF or ODT of the Word form shows its rows as text: there too a field's own hint is
    blank, another's is a value, and one left before what was typed is taken off and said."""
    plan = form_plan(SCHEMA, "checklist", ("psychotherapie",), "de")
    typed = {
        "psychotherapie.1.name": "Zahl",
        "psychotherapie.1.street": "Fünfstellige Postleitzahl",
        "psychotherapie.1.postcode": "Fünfstellige Postleitzahl 41460",
        "psychotherapie.1.traeger": "Trägerorganisation, z.\u00a0B. Wohlfahrtsverband, Kommune",
    }
    rows = [
        (f"{row.label}{' *' if row.field.required else ''} {row.help}", typed.get(slot.path, ""))
        for table in plan.tables
        for row in table.rows
        if row.field is not None
        for slot in row.slots[:1]
    ]
    values, notes, _ = values_from_rows(rows, plan)
    assert values is not None and "psychotherapie.1.traeger" not in values
    assert values["psychotherapie.1.name"] == "Zahl"
    assert values["psychotherapie.1.street"] == "Fünfstellige Postleitzahl"
    assert values["psychotherapie.1.postcode"] == "41460"
    said = [in_language(n, "en") for n in notes]
    assert [n for n in said if "boxes" not in n] == [
        "psychotherapie.1.postcode: began with the field's grey hint, left in it before what was "
        "typed; read without the hint (as typed: 'Fünfstellige Postleitzahl 41460')"
    ]
