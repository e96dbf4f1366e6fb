"""``formgen ingest`` says the pipeline's own lines in the workspace's language: German in a
German workspace (the default), English in an English one; ``--json``, the quarantine's
records and the library's outcomes keep the English."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES, sample_workspace

from formgen.cli import main
from ingest import pipeline
from ingest.pipeline import ReadContext
from ingest.sniff import Kind
from ingest.submission import Provenance, RawSubmission

OLE_HEAD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
"""How an old Word file (.doc) starts; the rest does not matter to the sniffer."""


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A folder as a coordinator's inbox holds it: a return and a copy of it, an empty file, a
    note saved as .pdf and as .txt, an old Word file, a logo, a scan, a ZIP archive of returns,
    a hidden file and an Office lock file."""
    folder = tmp_path / "Eingang"
    folder.mkdir()
    shutil.copy(SAMPLES / "pdf" / "institution_pdfium.pdf", folder / "Praxis Yılmaz.pdf")
    shutil.copy(SAMPLES / "pdf" / "institution_pdfium.pdf", folder / "Yılmaz Kopie.pdf")
    (folder / "leer.pdf").write_bytes(b"")
    (folder / "notiz.pdf").write_text("Rückruf bei Frau Öztürk\n", "utf-8")
    (folder / "notiz.txt").write_text("Termin mit Frau Öztürk\n", "utf-8")
    (folder / "alt.doc").write_bytes(OLE_HEAD)
    shutil.copy(SAMPLES / "pictures" / "logo.png", folder / "logo.png")
    shutil.copy(SAMPLES / "pictures" / "scan-rueckmeldung.jpg", folder / "scan.jpg")
    shutil.copy(SAMPLES / "zip" / "rueckmeldungen.zip", folder / "rueckmeldungen.zip")
    (folder / ".versteckt.pdf").write_bytes(b"%PDF-1.7")
    (folder / "~$antrag.docx").write_bytes(b"lock")
    return folder


def _english(root: Path) -> Path:
    sample_workspace(root)
    config = root / "workspace.toml"
    config.write_text(config.read_text("utf-8").replace('language = "de"', 'language = "en"'))
    return root


def _reasons(lines: list[str], inbox: Path) -> dict[str, str]:
    """Each report line of a file in ``inbox`` by the file's name: ``status: reason``."""
    out = {}
    for line in lines:
        status, _, rest = line.partition(f" {inbox}/")
        name, _, reason = rest.partition(": ")
        if name:
            out[name] = f"{status.strip()}: {reason}"
    return out


def test_a_german_workspace_gets_the_pipelines_lines_in_german(tmp_path: Path, inbox: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    result = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    said = _reasons(lines, inbox)
    assert said["leer.pdf"] == (
        "unlesbar: leere Datei (0 Bytes): nichts zu lesen; den Absender bitten, das Formular "
        "noch einmal zu schicken"
    )
    assert said["notiz.pdf"] == (
        "unlesbar: heißt .pdf, ist aber eine Textdatei, kein PDF; den Absender um das Formular "
        "selbst bitten"
    )
    assert said["notiz.txt"] == (
        "übersprungen: eine Textdatei, kein zurückgesandtes Formular (PDF, DOCX oder ODT)"
    )
    assert said["alt.doc"] == (
        "anderer Typ: eine alte Office-Datei (.doc/.xls) oder eine andere OLE2-Datei, kein "
        "zurückgesandtes Formular (PDF, DOCX oder ODT); falls es das Formular ist, den Absender "
        "bitten, es als .docx oder PDF zu speichern"
    )
    assert said["logo.png"].startswith("übersprungen: ein Bild mit ")
    assert said["logo.png"].endswith(
        " Pixeln, zu klein für eine Formularseite (ein Logo?); kein zurückgesandtes Formular"
    )
    assert said["scan.jpg"].startswith(
        "Quarantäne: ein Bild mit 1241×1754 Pixeln: ein Foto oder Scan eines Papierformulars? "
        "formgen kann keine Bilder lesen; in die Quarantäne gelegt – seine Werte eintippen und "
        "das einlesen: ein einer Einrichtung gemailtes Formular in dieses"
    )
    assert said["Praxis Yılmaz.pdf"].startswith(("ok: ", "Hinweise: "))
    assert said["Yılmaz Kopie.pdf"] == (
        f"doppelt: gleicher Inhalt wie {inbox / 'Praxis Yılmaz.pdf'}; nur einmal bearbeitet"
    )
    assert said["rueckmeldungen.zip"] == "Sammlung: ein ZIP-Archiv mit 2 Dateien"
    assert f"übersprungen {inbox}: 1 versteckte Datei (Namen, die mit „.“ beginnen), 1 " in (
        result.stdout
    )
    assert (
        "1 Office-Sperr- oder -Temporärdatei (~$…, ~….tmp) ausgelassen; zum Lesen einzeln in "
        "der Befehlszeile angeben" in result.stdout
    )
    # the report kept in the workspace says the same, every warning included
    (saved,) = ws.exports_dir.glob("ingest-*.txt")
    assert lines[-1] == f"Bericht mit allen Hinweisen: {saved}"
    kept = saved.read_text("utf-8").splitlines()
    assert _reasons(kept, inbox) == said and kept[-1] == lines[-2]
    # the quarantine's record keeps the English, as every record does
    (record,) = ws.quarantine_dir.glob("*.json")
    kept_why = json.loads(record.read_text("utf-8"))["reason"]
    assert kept_why.startswith("a picture of 1241×1754 pixels: a photo or scan of a paper form?")


def test_an_english_workspace_and_json_keep_the_english(tmp_path: Path, inbox: Path) -> None:
    english = _english(tmp_path / "en")
    result = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(english), "--dry-run"])
    assert result.exit_code == 0, result.output
    said = _reasons(result.stdout.splitlines(), inbox)
    assert said["leer.pdf"] == (
        "unreadable: empty file (0 bytes): nothing to read; ask the sender to send the form again"
    )
    assert said["alt.doc"] == (
        "unsupported: an old Office file (.doc/.xls) or another OLE2 file, not a returned form "
        "(PDF, DOCX or ODT); if it is the form, ask the sender to save it as .docx or PDF"
    )
    assert said["rueckmeldungen.zip"] == "container: a ZIP archive of 2 files"
    assert result.stdout.splitlines()[-1].endswith(" (dry run: nothing merged)")
    german = sample_workspace(tmp_path / "de")
    data = json.loads(
        CliRunner()
        .invoke(main, ["ingest", str(inbox), "-w", str(german.root), "--dry-run", "--json"])
        .stdout
    )
    by_name = {Path(f["name"]).name: f["reason"] for f in data["files"]}
    assert by_name["leer.pdf"] == (
        "empty file (0 bytes): nothing to read; ask the sender to send the form again"
    )
    assert by_name["Yılmaz Kopie.pdf"] == (
        f"same content as {inbox / 'Praxis Yılmaz.pdf'}; handled once"
    )
    assert by_name["rueckmeldungen.zip"] == "a ZIP archive of 2 files"
    assert by_name["Eingang"] == (
        "1 hidden file (names starting with '.'), 1 Office lock or temporary file (~$…, "
        "~….tmp) left out; to read one, name it on the command line"
    )


def _slow_or_failing(data: bytes, prov: Provenance, ctx: ReadContext) -> RawSubmission:
    if prov.file_name == "langsam.pdf":
        time.sleep(30)
    raise ValueError("Tabelle  kaputt")


def test_a_reader_that_fails_or_takes_too_long_is_said_in_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sample_workspace(tmp_path / "ws")
    inbox = tmp_path / "Eingang"
    inbox.mkdir()
    (inbox / "kaputt.pdf").write_bytes(b"%PDF-1.7 kaputt")
    (inbox / "langsam.pdf").write_bytes(b"%PDF-1.7 langsam")
    monkeypatch.setitem(pipeline.READERS, Kind.PDF, _slow_or_failing)
    result = CliRunner().invoke(
        main, ["ingest", str(inbox), "-w", str(ws.root), "--timeout", "1", "--strict", "--dry-run"]
    )
    assert result.exit_code == 1, result.output
    said = _reasons(result.stdout.splitlines(), inbox)
    assert said == {
        "kaputt.pdf": "unlesbar: das Lesen der pdf-Datei ist fehlgeschlagen (ValueError: "
        "Tabelle kaputt); die Datei bleibt, wo sie ist – bitte diesen Fehler mit der Datei "
        "melden",
        "langsam.pdf": "unlesbar: das Lesen dauerte länger als 1 s und wurde abgebrochen (eine "
        "beschädigte oder bösartige Datei?); nicht gelesen, die übrigen Dateien liefen weiter – "
        "die Datei allein mit einem längeren --timeout noch einmal einlesen und, wenn sie wieder "
        "abgebrochen wird, den Absender bitten, das Formular noch einmal zu speichern",
    }
    assert result.stdout.splitlines()[-1].endswith(" (Probelauf: nichts übernommen)")
    assert (
        result.stderr
        == "Fehler: --strict: 2 von 2 Dateien waren nicht ok; siehe den Bericht oben\n"
    )


def test_a_report_that_cannot_be_saved_is_a_german_warning(tmp_path: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    ws.exports_dir.write_text("kein Ordner")  # in the way of the folder the report goes in
    (tmp_path / "leer.pdf").write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "leer.pdf"), "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Warnung: der Bericht konnte nicht gespeichert werden: ")
    assert "Bericht mit allen Hinweisen" not in result.stdout
