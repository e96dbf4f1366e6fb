"""Returned forms packed into ZIP archives: each file inside is ingested on its own."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import re
import shutil
import subprocess
import tarfile
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from ingest_support import sample_workspace

from formgen.errors import UnreadableFileError
from ingest import archive, mailbox
from ingest.pipeline import Limits, ReadContext, discover, ingest_into_register, ingest_sources
from ingest.report import Status

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZIPS = SAMPLES / "zip"
FORM = (SAMPLES / "pdf" / "institution_pdfjs.pdf").read_bytes()


def test_the_forms_in_a_zip_are_ingested_under_their_own_names(tmp_path: Path) -> None:
    """rueckmeldungen.zip (Info-ZIP): a folder with two returned forms, names in Turkish and
    Polish written as UTF-8 without the ZIP's UTF-8 flag."""
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_into_register([ZIPS / "rueckmeldungen.zip"], ws)
    packed, first, second = report.outcomes
    assert packed.status is Status.CONTAINER and packed.reason == "a ZIP archive of 2 files"
    assert first.name == f"{ZIPS / 'rueckmeldungen.zip'}#1 Praxis Şule Yılmaz.pdf"
    assert second.name == f"{ZIPS / 'rueckmeldungen.zip'}#2 Beratung Łódź (Word als PDF).pdf"
    assert first.reader == "acroform-pdf" and second.reader == "docx-pdf"
    assert first.merged and second.merged
    sources = json.loads((ws.root / "register.json").read_text("utf-8"))["sources"]
    assert sources[first.sha256]["file_name"] == "Praxis Şule Yılmaz.pdf"
    assert sources[first.sha256]["container"] == f"{ZIPS / 'rueckmeldungen.zip'}#1"


def test_a_zip_attached_to_a_mail_gives_its_forms_the_mail_sender(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "Paweł Wiśniewski <pawel@example.org>"
    msg["Subject"] = "Rückmeldungen unserer Einrichtungen"
    msg["Date"] = "Mon, 23 Nov 2026 09:15:00 +0100"
    msg.set_content("Anbei die Bögen.")
    msg.add_attachment(
        (ZIPS / "rueckmeldungen.zip").read_bytes(),
        maintype="application",
        subtype="zip",
        filename="rueckmeldungen.zip",
    )
    mail = tmp_path / "mail.eml"
    mail.write_bytes(bytes(msg))
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_sources(discover([mail])[0], ReadContext.for_workspace(ws))
    statuses = [o.status for o in report.outcomes]
    assert statuses[:2] == [Status.CONTAINER, Status.CONTAINER]  # the mail, then the archive
    assert len(report.submissions) == 2
    for sub in report.submissions:
        assert sub.provenance.mail_from == "Paweł Wiśniewski <pawel@example.org>"
        assert sub.provenance.mail_subject == "Rückmeldungen unserer Einrichtungen"


def test_password_protected_files_are_reported_one_by_one(tmp_path: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    (packed,) = ingest_into_register([ZIPS / "mit-passwort.zip"], ws).outcomes
    assert packed.status is Status.WARNINGS
    assert packed.warnings == (
        "#1 Praxis Şule Yılmaz.pdf: protected with a password; ask the sender to send it without one",
        "#2 Beratung Łódź (Word als PDF).pdf: protected with a password; ask the sender to send it "
        "without one",
    )


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_zip_bomb_is_not_inflated_and_the_rest_is_read(tmp_path: Path) -> None:
    bomb = _zip(
        tmp_path / "bomb.zip",
        {"a.pdf": FORM, "zeros.pdf": bytes(150 << 20), "b.pdf": FORM[:-10] + b"%%EOF\n"},
    )
    scan = mailbox.MailScan()
    found = list(archive.zip_members(bomb, "bomb.zip", scan, 100, 200 << 20, mailbox.MailInfo()))
    assert [a.name for a in found] == ["a.pdf", "b.pdf"]
    (problem,) = scan.problems
    assert problem.startswith("#2 zeros.pdf: would unpack to 157,286,400 bytes from")
    assert problem.endswith("refused as a possible zip bomb")


def test_names_inside_are_shown_never_used_as_paths(tmp_path: Path) -> None:
    packed = _zip(
        tmp_path / "evil.zip",
        {
            "../../../../tmp/formgen-escaped.pdf": FORM,
            "__MACOSX/Rückmeldungen/._Praxis.pdf": b"\x00\x05\x16\x07",
            "Rückmeldungen/.DS_Store": b"Bud1",
            "Rückmeldungen/thumbs.db": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "C:\\Users\\x\\bogen.pdf": FORM + b"\n",
        },
    )
    scan = mailbox.MailScan()
    found = list(archive.zip_members(packed, packed.name, scan, 100, 200 << 20, mailbox.MailInfo()))
    assert [a.name for a in found] == ["formgen-escaped.pdf", "bogen.pdf"]  # system files left out
    assert scan.attachments == 2 and not scan.problems
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_into_register([packed], ws)
    assert [o.merged.split(",")[0] for o in report.outcomes[1:]] == ["updated", "unchanged"]
    assert not Path("/tmp/formgen-escaped.pdf").exists()


def test_archives_nested_too_deep_are_not_unpacked(tmp_path: Path) -> None:
    data = FORM
    for level in range(archive.MAX_NESTING + 2):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr(f"level{level}.zip" if level else "form.pdf", data)
        data = buf.getvalue()
    (tmp_path / "nested.zip").write_bytes(data)
    report = ingest_sources(
        discover([tmp_path / "nested.zip"])[0],
        ReadContext.for_workspace(sample_workspace(tmp_path / "ws")),
    )
    last = report.outcomes[-1]
    assert last.status is Status.UNREADABLE
    assert f"nested more than {archive.MAX_NESTING} deep; not unpacked" in last.reason
    assert not report.submissions


def test_files_beyond_the_limit_are_reported_not_lost_silently(tmp_path: Path) -> None:
    packed = _zip(tmp_path / "many.zip", {f"f{i}.pdf": FORM + bytes([i]) for i in range(5)})
    scan = mailbox.MailScan()
    found = list(archive.zip_members(packed, packed.name, scan, 3, 200 << 20, mailbox.MailInfo()))
    assert len(found) == 3
    assert scan.problems == ["the archive holds 5 files; only the first 3 were read"]


def test_a_damaged_zip_is_unreadable_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = (ZIPS / "rueckmeldungen.zip").read_bytes()
    (tmp_path / "a-kaputt.zip").write_bytes(good[:1000])
    (tmp_path / "b.pdf").write_bytes(FORM)
    report = ingest_sources(
        discover([tmp_path])[0],
        ReadContext.for_workspace(sample_workspace(tmp_path / "ws")),
        limits=Limits(),
    )
    broken, form = report.outcomes
    assert broken.status is Status.UNREADABLE
    assert broken.reason == "the ZIP archive is damaged; ask the sender to pack and send it again"
    assert form.status in (Status.OK, Status.WARNINGS)


def test_a_damaged_archive_raises_a_clear_error(tmp_path: Path) -> None:
    damaged = tmp_path / "x.zip"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(UnreadableFileError, match="the ZIP archive is damaged"):
        list(
            archive.zip_members(
                damaged, "x.zip", mailbox.MailScan(), 10, 1 << 20, mailbox.MailInfo()
            )
        )


def test_a_damaged_zip_attached_to_a_mail_is_reported_by_its_attachment_name(
    tmp_path: Path,
) -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg["Subject"] = "Bögen"
    msg.set_content("Anbei.")
    damaged = (ZIPS / "rueckmeldungen.zip").read_bytes()[:1000]
    msg.add_attachment(damaged, maintype="application", subtype="zip", filename="bögen.zip")
    (tmp_path / "mail.eml").write_bytes(bytes(msg))
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_sources(discover([tmp_path / "mail.eml"])[0], ReadContext.for_workspace(ws))
    _, packed = report.outcomes
    assert packed.name.endswith("mail.eml#1/1 bögen.zip") and packed.status is Status.UNREADABLE
    assert packed.reason == "the ZIP archive is damaged; ask the sender to pack and send it again"


def _tar(path: Path, mode: str) -> None:
    with tarfile.open(path, mode) as tar:
        member = tarfile.TarInfo("Rückmeldung Şahin.pdf")
        member.size = len(FORM)
        tar.addfile(member, io.BytesIO(FORM))


def test_an_archive_formgen_does_not_unpack_says_to_unpack_it_and_a_program_not_to_run_it(
    tmp_path: Path,
) -> None:
    """A .gz, .tar.gz, .7z or .rar was 'not a file type formgen reads' with nothing to do, a
    .tar with a PDF in its first kilobyte 'a truncated PDF', and a self-extracting archive
    (a Windows program with the ZIP archive behind it) no different from any other file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf.gz").write_bytes(gzip.compress(FORM))
    _tar(folder / "b.tar.gz", "w:gz")
    _tar(folder / "c.tar", "w")
    (folder / "d.7z").write_bytes(b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24))
    (folder / "e.rar").write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(24))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr("Rückmeldung.pdf", FORM)
    (folder / "f.exe").write_bytes(b"MZ\x90\x00" + bytes(60) + b"stub" * 1000 + packed.getvalue())
    report = ingest_sources(
        discover([folder])[0], ReadContext.for_workspace(sample_workspace(tmp_path / "ws")), jobs=1
    )
    unpack = ", not a returned form (PDF, DOCX or ODT); unpack it and ingest the files in it"
    assert [
        (o.name.removeprefix(f"{folder}/"), o.status, o.kind, o.reason) for o in report.outcomes
    ] == [
        (
            "a.pdf.gz",
            Status.UNSUPPORTED,
            "archive",
            f"a gzip-compressed file (.gz, .tar.gz){unpack}",
        ),
        (
            "b.tar.gz",
            Status.UNSUPPORTED,
            "archive",
            f"a gzip-compressed file (.gz, .tar.gz){unpack}",
        ),
        ("c.tar", Status.UNSUPPORTED, "archive", f"a tar archive (.tar){unpack}"),
        ("d.7z", Status.UNSUPPORTED, "archive", f"a 7-Zip archive (.7z){unpack}"),
        ("e.rar", Status.UNSUPPORTED, "archive", f"a RAR archive (.rar){unpack}"),
        (
            "f.exe",
            Status.UNSUPPORTED,
            "program",
            "a Windows program (.exe), perhaps a self-extracting archive, not a returned form "
            "(PDF, DOCX or ODT); do not run it: ask the sender for the forms themselves (PDF, "
            "DOCX or a ZIP archive of them)",
        ),
    ]


def test_bzip2_xz_and_zstd_files_are_named_not_taken_for_a_damaged_pdf(tmp_path: Path) -> None:
    """A returned form compressed with bzip2, xz or zstd was 'not a file type formgen reads' with
    nothing to do, and a .zst (which may hold the form's first bytes as they are) 'a damaged PDF
    that could not be repaired'. A text that starts like bzip2's name is still a text."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf.bz2").write_bytes(bz2.compress(FORM))
    (folder / "b.pdf.xz").write_bytes(lzma.compress(FORM))
    (folder / "c.txt").write_bytes(b"BZh, Anmerkung zur R\xc3\xbcckmeldung\n")
    expected = [
        ("a.pdf.bz2", Status.UNSUPPORTED, "a bzip2-compressed file (.bz2, .tar.bz2)"),
        ("b.pdf.xz", Status.UNSUPPORTED, "an xz-compressed file (.xz, .tar.xz)"),
        ("c.txt", Status.SKIPPED, "a text file"),
    ]
    zstd = shutil.which("zstd")
    if zstd:  # the zstd program, as a sender's Linux desktop packs files
        (folder / "d.pdf").write_bytes(FORM)
        subprocess.run([zstd, "-q", "--rm", str(folder / "d.pdf")], check=True)
        expected.append(
            ("d.pdf.zst", Status.UNSUPPORTED, "a zstd-compressed file (.zst, .tar.zst)")
        )
    report = ingest_sources(
        discover([folder])[0], ReadContext.for_workspace(sample_workspace(tmp_path / "ws")), jobs=1
    )
    got = [(o.name.removeprefix(f"{folder}/"), o.status, o.reason) for o in report.outcomes]
    assert [(name, status, reason.split(", not")[0]) for name, status, reason in got] == expected
    for _name, status, reason in got:
        if status is Status.UNSUPPORTED:
            assert reason.endswith("; unpack it and ingest the files in it")


def test_archives_and_mails_are_told_in_the_workspaces_language(tmp_path: Path) -> None:
    """A German workspace reads in German what was in an archive or mail and what to do about
    it (a password, a zip bomb, a .7z, an .exe, a text attachment); --json keeps the English."""
    from click.testing import CliRunner

    from formgen.cli import main

    folder = tmp_path / "eingang"
    folder.mkdir()
    (folder / "a.zip").write_bytes((ZIPS / "mit-passwort.zip").read_bytes())
    _zip(folder / "b.zip", {"nullen.pdf": bytes(5 << 20)})
    (folder / "c.7z").write_bytes(b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24))
    (folder / "d.exe").write_bytes(b"MZ\x90\x00" + bytes(60) + b"stub" * 100)
    msg = EmailMessage()
    msg["From"] = "Şule Yılmaz <sule@example.org>"
    msg.set_content("Anbei unsere Notiz.")
    msg.add_attachment("Öffnungszeiten: Mo–Fr".encode(), "text", "plain", filename="notiz.txt")
    (folder / "e.eml").write_bytes(bytes(msg))
    ws = sample_workspace(tmp_path / "ws")
    result = CliRunner().invoke(main, ["ingest", str(folder), "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    password = "mit einem Passwort geschützt; bitte beim Absender ohne Passwort anfordern"
    not_a_form = "kein zurückgesandtes Formular (PDF, DOCX oder ODT)"
    assert lines[:3] == [
        f"Hinweise     {folder / 'a.zip'}: ein ZIP-Archiv mit 2 Dateien",
        f"    #1 Praxis Şule Yılmaz.pdf: {password}",
        f"    #2 Beratung Łódź (Word als PDF).pdf: {password}",
    ]
    assert lines[3] == f"Hinweise     {folder / 'b.zip'}: ein ZIP-Archiv mit 1 Datei"
    assert re.fullmatch(
        r"    #1 nullen\.pdf: ergäbe entpackt 5\.242\.880 Bytes aus [0-9.]+ \(mehr als 200:1\); "
        r"als mögliche ZIP-Bombe abgelehnt",
        lines[4],
    )
    assert lines[5:9] == [
        f"anderer Typ  {folder / 'c.7z'}: ein 7-Zip-Archiv (.7z), {not_a_form}; bitte entpacken und "
        "die Dateien darin einlesen",
        f"anderer Typ  {folder / 'd.exe'}: ein Windows-Programm (.exe), vielleicht ein "
        f"selbstentpackendes Archiv, {not_a_form}; nicht ausführen: den Absender um die "
        "Formulare selbst bitten (PDF, DOCX oder ein ZIP-Archiv davon)",
        f"Sammlung     {folder / 'e.eml'}: 1 Mail, 1 Anhang",
        f"übersprungen {folder / 'e.eml'}#1/1 notiz.txt: eine Textdatei, {not_a_form}",
    ]
    # --json says it in English, as before
    again = CliRunner().invoke(main, ["ingest", str(folder), "-w", str(ws.root), "--json"])
    files = {f["name"].removeprefix(f"{folder}/"): f for f in json.loads(again.stdout)["files"]}
    assert files["a.zip"]["reason"] == "a ZIP archive of 2 files"
    assert files["a.zip"]["warnings"][0] == (
        "#1 Praxis Şule Yılmaz.pdf: protected with a password; ask the sender to send it without one"
    )
    assert files["b.zip"]["warnings"][0].endswith("refused as a possible zip bomb")
    assert files["e.eml"]["reason"] == "1 mail, 1 attachment"
    assert files["e.eml#1/1 notiz.txt"]["reason"] == (
        "a text file, not a returned form (PDF, DOCX or ODT)"
    )
