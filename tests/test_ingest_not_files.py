"""Things in a folder or on the command line that are not files — a named pipe, a socket, a
device, a link to nothing or in a loop — are never opened and each gets its own line; the
forms beside them are read and merged."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES, sample_workspace

from formgen.cli import main
from formgen.messages import in_language
from ingest.pipeline import ReadContext, discover, ingest_sources
from ingest.report import Status

FORM = (SAMPLES / "pdf" / "institution_pdfjs.pdf").read_bytes()


@pytest.fixture(autouse=True)
def _never_hang() -> Iterator[None]:
    """Opening a named pipe blocks until someone writes to it: fail the test instead."""

    def hung(*_: object) -> None:
        raise TimeoutError("formgen opened something that blocks")

    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, before)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "rueckmeldung.pdf").write_bytes(FORM)
    os.mkfifo(folder / "fifo.pdf")
    (folder / "dangling.pdf").symlink_to(tmp_path / "gone.pdf")
    (folder / "loop-a.pdf").symlink_to(folder / "loop-b.pdf")
    (folder / "loop-b.pdf").symlink_to(folder / "loop-a.pdf")
    (folder / "zero.pdf").symlink_to("/dev/zero")
    (folder / ".versteckt.pdf").write_bytes(b"hidden")
    (folder / "~$antrag.docx").write_bytes(b"an Office lock file")
    return folder


def _socket(path: Path) -> socket.socket | None:
    if len(os.fsencode(path)) > 100:  # AF_UNIX paths are short
        return None
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    return sock


def test_each_thing_that_is_not_a_file_in_a_folder_gets_its_own_line(
    tmp_path: Path, inbox: Path
) -> None:
    sock = _socket(inbox / "s.pdf")
    try:
        tasks, others = discover([inbox])
    finally:
        if sock is not None:
            sock.close()
    assert [t.name for t in tasks] == [str(inbox / "rueckmeldung.pdf")]
    said = {Path(o.name).name: (o.status, o.reason) for o in others}
    assert said.pop("fifo.pdf") == (
        Status.SKIPPED,
        "a named pipe (FIFO), not a file; not read",
    )
    assert said.pop("zero.pdf") == (
        Status.SKIPPED,
        "a link to a device (like /dev/zero), not a file; not read",
    )
    assert said.pop("dangling.pdf") == (
        Status.UNREADABLE,
        f"a link to something that does not exist ({tmp_path / 'gone.pdf'}); not read",
    )
    for loop in ("loop-a.pdf", "loop-b.pdf"):
        assert said.pop(loop) == (
            Status.UNREADABLE,
            "a link that loops (it leads back to itself); not read",
        )
    if sock is not None:
        assert said.pop("s.pdf") == (Status.SKIPPED, "a socket, not a file; not read")
    # the hidden file and the Office lock file: one line that counts them
    assert said.pop("in") == (
        Status.SKIPPED,
        "1 hidden file (names starting with '.'), 1 Office lock or temporary file (~$…, "
        "~….tmp) left out; to read one, name it on the command line",
    )
    assert not said


def test_named_on_the_command_line_they_are_reported_and_the_form_merged(
    tmp_path: Path, inbox: Path
) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    names = ["fifo.pdf", "dangling.pdf", "loop-a.pdf", "zero.pdf", "rueckmeldung.pdf"]
    result = CliRunner().invoke(main, ["ingest", *(str(inbox / n) for n in names), "-w", str(ws)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        f"übersprungen {inbox / 'fifo.pdf'}: eine benannte Pipe (FIFO), keine Datei; nicht gelesen"
        in lines
    )
    assert (
        f"unlesbar     {inbox / 'dangling.pdf'}: eine Verknüpfung auf etwas, das es nicht gibt "
        f"({tmp_path / 'gone.pdf'}); nicht gelesen" in lines
    )
    assert (
        f"unlesbar     {inbox / 'loop-a.pdf'}: eine Verknüpfung im Kreis (sie führt auf sich "
        "selbst zurück); nicht gelesen" in lines
    )
    assert (
        f"übersprungen {inbox / 'zero.pdf'}: eine Verknüpfung, dahinter ein Gerät (wie /dev/zero), "
        "keine Datei; nicht gelesen" in lines
    )
    (merged,) = [line for line in lines if "rueckmeldung.pdf" in line]
    assert "übernommen" in merged or "neu aufgenommen" in merged, merged
    assert lines[-2].startswith("5 Dateien in ")


def test_a_missing_path_stays_misuse_but_a_link_to_nothing_is_reported(
    tmp_path: Path, inbox: Path
) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    result = CliRunner().invoke(main, ["ingest", str(inbox / "fehlt.pdf"), "-w", str(ws)])
    assert result.exit_code == 2 and "gibt es nicht" in result.output
    result = CliRunner().invoke(
        main, ["ingest", str(inbox / "dangling.pdf"), "-w", str(ws), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert "eine Verknüpfung auf etwas, das es nicht gibt" in result.output


def test_a_file_replaced_by_a_named_pipe_before_it_is_read_is_not_opened(
    tmp_path: Path, inbox: Path
) -> None:
    ws = sample_workspace(tmp_path / "ws")
    (inbox / "later.pdf").write_bytes(b"%PDF-1.7 soon replaced")
    tasks, _ = discover([inbox / "later.pdf", inbox / "rueckmeldung.pdf"])
    (inbox / "later.pdf").unlink()
    os.mkfifo(inbox / "later.pdf")  # a mail program, a sync tool … between discover and reading
    report = ingest_sources(tasks, ReadContext.for_workspace(ws), jobs=1)
    replaced, form = report.outcomes
    assert replaced.status is Status.SKIPPED
    assert replaced.reason == "a named pipe (FIFO), not a file; not read"
    assert (
        in_language(replaced.reason, "de")
        == "eine benannte Pipe (FIFO), keine Datei; nicht gelesen"
    )
    assert form.status in (Status.OK, Status.WARNINGS) and len(report.submissions) == 1


def test_a_folder_that_cannot_be_listed_gets_its_own_line(
    tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A subfolder the coordinator may not read (root ignores permissions, so it is refused
    the way the system refuses it to others)."""
    locked = inbox / "gesperrt"
    locked.mkdir()
    scandir = os.scandir

    def refuse(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    tasks, others = discover([inbox])
    assert str(inbox / "rueckmeldung.pdf") in [t.name for t in tasks]
    said = {o.name: (o.status, o.reason) for o in others}
    assert said[str(locked)] == (
        Status.UNREADABLE,
        "cannot read the folder: Permission denied; its files were not read (check its "
        "permissions)",
    )
    assert in_language(said[str(locked)][1], "de") == (  # what the system says too
        "der Ordner kann nicht gelesen werden: keine Berechtigung; seine Dateien wurden nicht "
        "gelesen (bitte seine Zugriffsrechte prüfen)"
    )


def test_hidden_files_and_links_to_folders_are_counted_and_named_not_dropped_silently(
    tmp_path: Path,
) -> None:
    """Found by the hostile-input audit: hidden files and links to folders in a folder were
    left out without a word. A link to a folder is not followed — it may lead back into the
    folder being read (a circle) or to files read twice — but named, and the folder it leads
    to is read when given on its own."""
    folder = tmp_path / "Rückläufe"
    (folder / "2026" / ".git" / "objects").mkdir(parents=True)
    (folder / "2026" / "rueckmeldung.pdf").write_bytes(FORM)
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / "2026" / "._rueckmeldung.pdf").write_bytes(b"\0\5\26\7")  # macOS' AppleDouble
    (folder / "2026" / ".~lock.antwort.docx#").write_text("LibreOffice lock")
    (folder / "zurück").symlink_to("..")  # a circle
    elsewhere = tmp_path / "Postfach Łódź"
    elsewhere.mkdir()
    (elsewhere / "antwort.pdf").write_bytes(FORM)
    (folder / "2026" / "Postfach").symlink_to(elsewhere)
    ws = tmp_path / "ws"
    sample_workspace(ws)
    result = CliRunner().invoke(main, ["ingest", str(folder), "-w", str(ws), "--json"])
    assert result.exit_code == 0, result.output
    said = {o["name"]: (o["status"], o["reason"]) for o in json.loads(result.stdout)["files"]}
    why = "not followed (it may lead in a circle, or to files read twice) — ingest that folder on its own"
    assert said == {
        str(folder / "2026" / "Postfach"): ("skipped", f"a link to a folder ({elsewhere}); {why}"),
        str(folder / "zurück"): ("skipped", f"a link to a folder (..); {why}"),
        str(folder): (
            "skipped",
            "3 hidden files and 1 hidden folder (names starting with '.') left out; to read one, "
            "name it on the command line",
        ),
        # pdf.js left a checkbox state the reader warns about
        str(folder / "2026" / "rueckmeldung.pdf"): ("warnings", ""),
    }
    # as the line says: the folder the link leads to, given on its own, is read
    again = CliRunner().invoke(main, ["ingest", str(folder / "2026" / "Postfach"), "-w", str(ws)])
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0].startswith(
        f"doppelt      {folder / '2026' / 'Postfach' / 'antwort.pdf'}: "
    )


def test_what_windows_explorer_leaves_in_a_folder_is_left_out_not_called_unreadable(
    tmp_path: Path,
) -> None:
    """Found by the return-season audit: an inbox folder saved on Windows holds Explorer's
    thumbnail cache, an OLE2 file like an old Word document; it was called an old Office file
    to be saved again as .docx by its sender, and failed ``--strict``. Windows names ignore
    case, so ``desktop.ini`` is left out however it is written."""
    folder = tmp_path / "Rückläufe Öztürk"
    folder.mkdir()
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    for name in ("Thumbs.db", "ehthumbs.db", "Desktop.ini"):
        (folder / name).write_bytes(ole2 if name.endswith(".db") else b"[.ShellClassInfo]\r\n")
    form = shutil.copy(SAMPLES / "pdf" / "institution_pdfium.pdf", folder)
    ws = tmp_path / "ws"
    sample_workspace(ws)
    assert CliRunner().invoke(main, ["ingest", str(form), "-w", str(ws)]).exit_code == 0
    result = CliRunner().invoke(main, ["ingest", str(folder), "-w", str(ws), "--strict"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"übersprungen {folder}: 3 Dateien des Windows-Explorers (Thumbs.db, desktop.ini) "
        "ausgelassen: nie ein zurückgesandtes Formular"
    )
    assert "Office" not in result.output
    tasks, (skipped,) = discover([folder])
    assert [Path(t.name).name for t in tasks] == ["institution_pdfium.pdf"]
    assert skipped.reason == (
        "3 files of Windows Explorer (Thumbs.db, desktop.ini) left out: never a returned form"
    )
    (folder / "Desktop.ini").unlink()
    (folder / "ehthumbs.db").unlink()
    (_, (one,)) = discover([folder])
    assert in_language(one.reason, "de").startswith("1 Datei des Windows-Explorers (Thumbs.db")


def test_office_and_explorer_files_named_one_by_one_are_left_out_as_in_a_folder(
    tmp_path: Path,
) -> None:
    """Found by the shared-drive audit: `formgen ingest inbox/*` named Word's lock file, which
    was called unreadable (ask the sender for the form), and Thumbs.db "of another type".
    Named, they are never a return either: one line for their folder, as when it is walked;
    a hidden file named is read (only it may be a return)."""
    inbox = tmp_path / "Posteingang Öztürk"
    inbox.mkdir()
    (inbox / "~$Formular.docx").write_bytes(bytes(range(162)))  # Word's lock file
    (inbox / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (inbox / "Desktop.ini").write_bytes(b"[.ShellClassInfo]\r\n")
    (inbox / "Ответ.pdf").write_bytes(FORM)
    (inbox / ".Antwort Łódź.pdf").write_bytes(FORM)
    ws = tmp_path / "ws"
    sample_workspace(ws)
    named = sorted(str(p) for p in inbox.iterdir())
    result = CliRunner().invoke(main, ["ingest", *named, "-w", str(ws)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert lines[0] == (
        f"übersprungen {inbox}: 1 Office-Sperr- oder -Temporärdatei (~$…, ~….tmp), 2 Dateien "
        "des Windows-Explorers (Thumbs.db, desktop.ini) ausgelassen: nie ein zurückgesandtes Formular"
    )
    assert lines[1].startswith(f"Hinweise     {inbox / '.Antwort Łódź.pdf'}: Formular FG-")
    assert lines[2].startswith(f"doppelt      {inbox / 'Ответ.pdf'}: ")
    assert "unlesbar" not in result.stdout and "anderer Typ" not in result.stdout
    assert lines[3].startswith("3 Dateien in ")  # the three on one line, as in a folder


@pytest.mark.parametrize("named", [False, True])
def test_words_temporary_files_are_left_out_as_its_lock_files_named_or_in_a_folder(
    tmp_path: Path, named: bool
) -> None:
    """Word keeps a document it saves in ~WRL0003.tmp, ~WRD0001.tmp beside it (left behind
    when it crashed): they were read, and called unreadable or a duplicate of the form. They
    are counted with the Office lock files, on one line for their folder."""
    inbox = tmp_path / "Posteingang Łódź"
    inbox.mkdir()
    (inbox / "~WRL0003.tmp").write_bytes(FORM)
    (inbox / "~wrd0001.TMP").write_bytes(bytes(range(256)))
    (inbox / "~$Formular.docx").write_bytes(bytes(range(162)))
    tasks, (one,) = discover(sorted(inbox.iterdir()) if named else [inbox])
    assert tasks == []
    assert (one.name, one.status) == (str(inbox), Status.SKIPPED)
    assert in_language(one.reason, "de") == (
        "3 Office-Sperr- oder -Temporärdateien (~$…, ~….tmp) ausgelassen: nie ein "
        "zurückgesandtes Formular"
    )


def test_a_half_download_is_said_to_be_still_downloading_named_or_in_a_folder(
    tmp_path: Path,
) -> None:
    """Found by the shared-drive audit: a browser's unfinished download (Chrome's
    .crdownload, Firefox's .part, Edge's .partial) was called a cut-off PDF to be asked of the
    sender again. It is skipped, with the file it becomes, named or met in a folder."""
    inbox = tmp_path / "Downloads"
    inbox.mkdir()
    (inbox / "Rückmeldung Yılmaz.pdf.crdownload").write_bytes(FORM[:4000])
    (inbox / "Ответ.pdf.part").write_bytes(FORM[:9000])
    (inbox / "x.pdf.PARTIAL").write_bytes(FORM)
    ws = tmp_path / "ws"
    sample_workspace(ws)
    said = (
        "wird noch heruntergeladen, oder der Download wurde nicht beendet ({suffix} eines "
        "Browsers); wenn er fertig ist, {name} einlesen, oder die Datei neu herunterladen"
    )
    expected = [
        f"übersprungen {inbox / 'Rückmeldung Yılmaz.pdf.crdownload'}: "
        + said.format(suffix=".crdownload", name="Rückmeldung Yılmaz.pdf"),
        f"übersprungen {inbox / 'x.pdf.PARTIAL'}: " + said.format(suffix=".PARTIAL", name="x.pdf"),
        f"übersprungen {inbox / 'Ответ.pdf.part'}: "
        + said.format(suffix=".part", name="Ответ.pdf"),
    ]
    for given in ([str(inbox)], sorted(str(p) for p in inbox.iterdir())):
        result = CliRunner().invoke(main, ["ingest", *given, "-w", str(ws), "--strict"])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[:3] == expected
    assert not list(ws.glob("quarantine/*.pdf*"))
