"""Damaged ZIP entries, an edited signature and a reader that fails: each is one clear line of
the report, and the valid form beside it (or inside the same archive) is still read."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from ingest_support import SAMPLES, sample_workspace

from formgen.identity import FormIdentity
from ingest import pipeline
from ingest.pipeline import Limits, ReadContext, discover, ingest_sources
from ingest.report import IngestReport, Status
from ingest.sniff import Kind

READ = (Status.OK, Status.WARNINGS)
"""A valid return was read (the sample forms have a few invalid values kept as typed)."""
FORM = (SAMPLES / "pdf" / "institution_pdfjs.pdf").read_bytes()
WORD = SAMPLES / "docx" / "lo252-institution.docx"


def _ingest(tmp_path: Path, *paths: Path) -> IngestReport:
    ws = sample_workspace(tmp_path / "ws")
    return ingest_sources(discover(paths)[0], ReadContext.for_workspace(ws), jobs=1)


def _valid(tmp_path: Path) -> Path:
    path = tmp_path / "valid.pdf"
    path.write_bytes(FORM)
    return path


def _damage(packed: bytes, member: str) -> bytes:
    """``packed`` with the start of the packed bytes of ``member`` made unreadable for its
    method: the "BZh" mark of bzip2, the properties of LZMA, the first block type of Deflate."""
    with zipfile.ZipFile(io.BytesIO(packed)) as zf:
        info = zf.getinfo(member)
    data = bytearray(packed)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    at = {zipfile.ZIP_LZMA: start + 4}.get(info.compress_type, start)
    data[at] = 0xFF
    return bytes(data)


def test_a_signature_with_other_than_ascii_is_a_tampered_identity(tmp_path: Path) -> None:
    identity = FormIdentity("s", "1", "0123456789", "institution", ("a",)).sign(b"k")
    edited = FormIdentity("s", "1", "0123456789", "institution", ("a",), signature="é" * 64)
    assert identity.verify(b"k") and not edited.verify(b"k")

    with zipfile.ZipFile(WORD) as zi, zipfile.ZipFile(tmp_path / "edited.docx", "w") as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename == "docProps/custom.xml":
                data = re.sub(rb'(name="formgen.signature"><vt:lpwstr>).', "\\g<1>é".encode(), data)
            zo.writestr(info, data)
    report = _ingest(tmp_path, tmp_path / "edited.docx", _valid(tmp_path))
    docx, pdf = report.outcomes
    assert docx.status is Status.QUARANTINED
    assert "tampered or forged identity" in docx.reason
    assert pdf.status in READ and len(report.submissions) == 1


@pytest.mark.parametrize(
    "method",
    [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2, zipfile.ZIP_DEFLATED],
    ids=["lzma", "bzip2", "deflate"],
)
def test_a_damaged_entry_is_one_warning_and_the_rest_of_the_archive_is_read(
    tmp_path: Path, method: int
) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        zf.writestr("antrag.pdf", FORM[:4000] + bytes(2000))
        zf.writestr("valid.pdf", FORM)
    (tmp_path / "both.zip").write_bytes(_damage(out.getvalue(), "antrag.pdf"))
    report = _ingest(tmp_path, tmp_path / "both.zip")
    packed, valid = report.outcomes
    assert packed.status is Status.WARNINGS
    (problem,) = packed.warnings
    assert problem == (  # never zlib's, lzma's or bz2's own message
        "#1 antrag.pdf: damaged in the archive; not read — ask the sender to pack and send it again"
    )
    assert valid.name.endswith("both.zip#2 valid.pdf") and valid.status in READ
    assert len(report.submissions) == 1


@pytest.mark.parametrize("damage", ["deflated", "encrypted"])
def test_a_damaged_or_encrypted_mimetype_entry_does_not_lose_the_form_beside_it(
    tmp_path: Path, damage: str
) -> None:
    """An ODT's 'mimetype' entry is read to tell an ODT from a ZIP: damaged, or flagged as
    encrypted, it is one warning of the archive, and the form packed beside it is read."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", b"application/vnd.oasis.opendocument.text" * 20)
        zf.writestr("form.pdf", FORM)
    packed = out.getvalue()
    if damage == "deflated":
        packed = _damage(packed, "mimetype")
    else:  # mimetype's "encrypted" bit, in its local header and in the central directory
        data = bytearray(packed)
        data[packed.index(b"PK\x03\x04") + 6] |= 0x1
        data[packed.index(b"PK\x01\x02") + 8] |= 0x1
        packed = bytes(data)
    (tmp_path / "forms.zip").write_bytes(packed)
    report = _ingest(tmp_path, tmp_path / "forms.zip")
    archive, form = report.outcomes
    assert archive.status is Status.WARNINGS and archive.kind == "zip"
    (problem,) = archive.warnings
    assert problem.startswith("#1 mimetype: ")
    assert form.name.endswith("forms.zip#2 form.pdf") and form.status in READ


@pytest.mark.parametrize(
    "method",
    [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2, zipfile.ZIP_DEFLATED],
    ids=["lzma", "bzip2", "deflate"],
)
def test_a_word_form_with_a_damaged_part_is_unreadable_with_the_part_named(
    tmp_path: Path, method: int
) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(WORD) as zi, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            packed_as = method if info.filename == "word/document.xml" else zipfile.ZIP_DEFLATED
            zo.writestr(info.filename, zi.read(info), compress_type=packed_as)
    (tmp_path / "antrag.docx").write_bytes(_damage(out.getvalue(), "word/document.xml"))
    report = _ingest(tmp_path, tmp_path / "antrag.docx", _valid(tmp_path))
    docx, pdf = report.outcomes
    assert docx.status is Status.UNREADABLE
    assert docx.reason == (  # never zlib's "Error -3 while decompressing data: …"
        "part 'word/document.xml' cannot be unpacked: the file is damaged; ask the sender to "
        "save and send it again"
    )
    assert pdf.status in READ


def _failing_reader(data: bytes, prov: Any, ctx: Any) -> Any:
    raise KeyError("a bug in a reader")


def test_a_failing_reader_says_where_the_coordinator_finds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(pipeline.READERS, Kind.PDF, _failing_reader)
    msg = EmailMessage()
    msg["From"] = "praxis@example.org"
    msg["Subject"] = "Rückmeldung"
    msg.set_content("Anbei.")
    msg.add_attachment(FORM, maintype="application", subtype="pdf", filename="antrag.pdf")
    (tmp_path / "mail.eml").write_bytes(bytes(msg))
    other = tmp_path / "checklist.pdf"
    other.write_bytes((SAMPLES / "pdf" / "checklist_pdfjs.pdf").read_bytes())
    report = _ingest(tmp_path, tmp_path / "mail.eml", other)
    _, attached, top = report.outcomes
    assert attached.status is Status.UNREADABLE
    assert attached.reason.startswith("the pdf reader failed (KeyError: 'a bug in a reader'); ")
    assert attached.reason.endswith(
        f"it came in {tmp_path / 'mail.eml'}#1/1 (formgen keeps no copy of it) — please report "
        "this with that mail or archive"
    )
    assert top.reason.endswith("the file is kept where it is — please report this with the file")


def test_library_log_lines_on_a_damaged_pdf_stay_out_of_stderr(tmp_path: Path) -> None:
    """pdfminer logs "Data-loss while decompressing corrupted data" for this one changed byte;
    such lines (sometimes hundreds) are not printed beside the report or the JSON."""
    import json
    import subprocess
    import sys

    data = bytearray((SAMPLES / "pdf" / "institution_qpdf_flat.pdf").read_bytes())
    data[45312] = 0x91
    (tmp_path / "flipped.pdf").write_bytes(bytes(data))
    valid = _valid(tmp_path)
    ws = sample_workspace(tmp_path / "ws")
    cli = [sys.executable, "-c", "from formgen.cli import main; main()"]
    files = [str(tmp_path / "flipped.pdf"), str(valid)]
    run = subprocess.run(
        [*cli, "ingest", "--json", *files, "-w", str(ws.root)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    flipped, form = json.loads(run.stdout)["files"]
    assert flipped["name"].endswith("flipped.pdf") and flipped["status"]
    assert form["status"] in ("ok", "warnings") and form["merged"]


def _content_bomb(path: Path, unpacked: int) -> None:
    """A printed copy (no fields) whose first page's content stream unpacks to ``unpacked``
    bytes of drawing operators from a few hundred kilobytes — as a hostile file would."""
    pdf = pikepdf.open(io.BytesIO(FORM))
    del pdf.Root["/AcroForm"]
    for page in pdf.pages:
        if "/Annots" in page:
            del page["/Annots"]
    packer = zlib.compressobj(1)
    chunk = b"q Q " * (1 << 18)
    packed = b"".join(packer.compress(chunk) for _ in range(unpacked // len(chunk)))
    stream = pikepdf.Stream(pdf, packed + packer.flush())
    stream.Filter = pikepdf.Name.FlateDecode
    pdf.pages[0].Contents = pdf.make_indirect(stream)
    pdf.save(path)


@pytest.mark.slow
def test_a_content_stream_bomb_is_over_the_memory_bound_in_words(tmp_path: Path) -> None:
    """pdfminer's MemoryError came wrapped as '(PdfminerException)'; it is the memory bound,
    said as the pipeline says it, and the worker starts afresh for the form after it."""
    _content_bomb(tmp_path / "bomb.pdf", 400 << 20)
    ws = sample_workspace(tmp_path / "ws")
    tasks, _ = discover([tmp_path / "bomb.pdf", _valid(tmp_path)])
    report = ingest_sources(
        tasks, ReadContext.for_workspace(ws), limits=Limits(memory_bytes=256 << 20), jobs=1
    )
    bomb, valid = report.outcomes
    assert bomb.status is Status.UNREADABLE
    assert bomb.reason == (
        "needed more than the 256 MB memory bound per file; not read (a damaged or hostile "
        "file?) — ask the sender to save the form again"
    )
    assert valid.status in READ and len(report.submissions) == 1
