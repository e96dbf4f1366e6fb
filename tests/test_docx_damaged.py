"""Word and ODT returns an audit made up (audit s18M): each built here from a sample, ingested in
one batch with a good return, which is merged whatever happens to the bad one."""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

from ingest_support import sample_workspace

from formgen.schema_load import default_schema
from ingest.docx_reader import read_docx
from ingest.pipeline import ingest_into_register
from ingest.report import Outcome, Status

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "docx"
GOOD = "lo252-checklist.docx"


def _repacked(
    sample: str, change: Callable[[str, bytes], bytes] = lambda _n, d: d, extra: str = ""
) -> bytes:
    """``sample`` packed again with ``change(name, data)`` for each part, and a second copy of
    the part ``extra`` (changed) after the others."""
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLES / sample) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, change(name, src.read(name)), zipfile.ZIP_DEFLATED)
        if extra:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # zipfile warns of the duplicate name
                dst.writestr(extra, change(extra, src.read(extra)), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _ingest(tmp_path: Path, name: str, data: bytes) -> Outcome:
    """The outcome of ``data`` saved as ``name`` and ingested with a good return, merged."""
    ws = sample_workspace(tmp_path / "ws")
    inbox = tmp_path / "Rückläufe"
    inbox.mkdir()
    (inbox / name).write_bytes(data)
    (inbox / GOOD).write_bytes((SAMPLES / GOOD).read_bytes())
    outcomes = list(ingest_into_register([inbox], ws).outcomes)
    good = next(o for o in outcomes if o.name.endswith(GOOD))
    assert good.status is Status.OK
    (bad,) = [o for o in outcomes if o is not good]
    return bad


def _name_replaced(new: str) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        old = "Çiğdem Öztürk-İnce, Łódź – Ελληνικά 5".encode()
        return data.replace(old, new.encode()) if name == "word/document.xml" else data

    return change


def test_a_docx_holding_two_document_parts_is_refused_as_ambiguous(tmp_path: Path) -> None:
    """zipfile read the last of the two 'word/document.xml' silently; Word may show the other."""
    data = _repacked(
        "lo252-institution.docx", _name_replaced("Ольга Петренко"), "word/document.xml"
    )
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert [i.filename for i in zf.infolist()].count("word/document.xml") == 2
    bad = _ingest(tmp_path, "Rückmeldung Şule.docx", data)
    assert bad.status is Status.UNREADABLE and bad.kind == "docx"
    assert bad.reason.startswith(
        "the archive holds 2 parts named 'word/document.xml', and Word or LibreOffice may show "
        "another one than formgen would read: damaged or altered, refused unread"
    )


def test_an_odt_holding_two_meta_parts_is_refused_as_ambiguous(tmp_path: Path) -> None:
    data = _repacked("lo252-odt-checklist.odt", extra="meta.xml")
    bad = _ingest(tmp_path, "Rückmeldung Łódź.odt", data)
    assert bad.status is Status.UNREADABLE and bad.kind == "odt"
    assert "2 parts named 'meta.xml'" in bad.reason


def _encrypted(data: bytes) -> bytes:
    """``data`` (a ZIP archive) with the "encrypted" bit set on every part, in the local headers
    and the central directory, as an archiver packing with a password sets it."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at != -1:
            out[at + offset] |= 0x1
            at = out.find(signature, at + 4)
    return bytes(out)


def test_a_docx_packed_with_a_password_is_said_protected_as_an_odt_is(tmp_path: Path) -> None:
    """It was „beschädigt“ (damaged) where the same ODT was said to be protected."""
    bad = _ingest(tmp_path, "Formular.docx", _encrypted(_repacked("lo252-institution.docx")))
    assert bad.status is Status.UNREADABLE and bad.kind == "docx"
    assert bad.reason.startswith(
        "this file is protected with a password: its parts are encrypted in its ZIP archive "
        "('_rels/.rels' and 28 more), so its fields cannot be read"
    )


def test_an_odt_whose_mimetype_is_wrong_is_read_as_the_text_its_manifest_says(
    tmp_path: Path,
) -> None:
    """'mimetype' said application/zip: it was unpacked as a ZIP archive of 21 parts, all
    skipped, and the returned form lost from view."""

    def change(name: str, data: bytes) -> bytes:
        return b"application/zip" if name == "mimetype" else data

    bad = _ingest(tmp_path, "Rückmeldung Çiğdem.odt", _repacked("lo74-odt-institution.odt", change))
    assert bad.kind == "odt" and bad.status is Status.WARNINGS  # read by its rows (LO 7.4)
    assert bad.merged and bad.merged.startswith("updated, inst-0042")


def test_a_zip_named_docx_is_one_line_not_an_archive_of_its_parts(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("Formular.pdf", (SAMPLES.parent / "pdf" / "README.md").read_bytes())
        zf.writestr("Notiz.txt", "Ольга")
    bad = _ingest(tmp_path, "Rückmeldung.docx", out.getvalue())
    assert bad.kind == "docx" and bad.status is Status.UNREADABLE
    assert bad.reason.startswith("a ZIP archive but not a Word document")


def test_a_checkbox_with_an_invalid_state_is_read_as_its_glyph_shows_and_said(
    tmp_path: Path,
) -> None:
    """w14:checked w14:val="2" was read as unticked, unsaid, while the box showed ☒: a language
    the institution ticked was lost from its list."""

    def change(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        for code in ("en", "fa"):  # ticked (☒) and unticked (☐) in the sample
            tag = f'<w:tag w:val="psychotherapie.languages_offered.{code}"/>'.encode()
            at = data.index(tag)
            end = data.index(b"</w:sdtPr>", at)
            state = data[at:end].replace(b'w14:checked w14:val="1"', b'w14:checked w14:val="2"')
            state = state.replace(b'w14:checked w14:val="0"', b'w14:checked w14:val="2"')
            data = data[:at] + state + data[end:]
        return data

    data = _repacked("lo252-institution.docx", change)
    sub = read_docx(data, "Formular.docx", default_schema())
    assert sub.values["psychotherapie.languages_offered.en"] is True
    assert sub.values["psychotherapie.languages_offered.fa"] is False
    assert [str(n) for n in sub.notes] == [
        "psychotherapie.languages_offered.en: the checkbox's stored state '2' is not valid; read "
        "as the box it shows (☒), please check",
        "psychotherapie.languages_offered.fa: the checkbox's stored state '2' is not valid; read "
        "as the box it shows (☐), please check",
    ]
    bad = _ingest(tmp_path, "Rückmeldung Ольга.docx", data)
    assert bad.status is Status.WARNINGS and bad.merged
    assert any("languages_offered.en" in str(w) for w in bad.warnings)


def test_a_part_declaring_latin_1_but_holding_utf_8_is_read_as_utf_8_and_said(
    tmp_path: Path,
) -> None:
    """It was read as declared and merged as ok: „Ã\\x87iÄ\\x9fdem“ for „Çiğdem“."""

    def change(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        return data.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"', 1)

    data = _repacked("lo252-institution.docx", change)
    sub = read_docx(data, "Formular.docx", default_schema())
    assert sub.values["institution.name"] == "Çiğdem Öztürk-İnce, Łódź – Ελληνικά 5"
    assert [str(n) for n in sub.notes] == [
        "part 'word/document.xml' declares the encoding ISO-8859-1 but holds UTF-8, which Word "
        "and LibreOffice write: read as UTF-8, please check its texts"
    ]
    bad = _ingest(tmp_path, "Rückmeldung Şule.docx", data)
    assert bad.status is Status.WARNINGS and bad.merged


def test_a_control_nested_in_another_is_read_apart_and_said(tmp_path: Path) -> None:
    """A phone control inside the name's content was glued into the name („0211 NESTEDÇiğdem
    …“) and merged ok, unsaid."""
    nested = (
        b'<w:sdt><w:sdtPr><w:tag w:val="institution.phone"/><w:text/></w:sdtPr><w:sdtContent>'
        b"<w:r><w:t>0211 7654305</w:t></w:r></w:sdtContent></w:sdt>"
    )

    def change(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        at = data.index(b"<w:sdtContent>", data.index(b'<w:tag w:val="institution.name"/>'))
        at += len(b"<w:sdtContent>")
        return data[:at] + nested + data[at:]

    data = _repacked("lo252-institution.docx", change)
    sub = read_docx(data, "Formular.docx", default_schema())
    assert sub.values["institution.name"] == "Çiğdem Öztürk-İnce, Łódź – Ελληνικά 5"
    assert sub.values["institution.phone"] == "0211 7654305"
    assert (
        "the control 'institution.phone' is nested inside the control 'institution.name': each "
        "was read with its own text, please review"
    ) in [str(n) for n in sub.notes]
    bad = _ingest(tmp_path, "Rückmeldung Şule.docx", data)
    assert bad.status is Status.WARNINGS and bad.merged
