"""File names that are not UTF-8 (copied from a USB stick or a Windows share) are read like any
other file and shown decoded: in the report, the register, the journal and the quarantine."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES, sample_workspace

from formgen.cli import main
from formgen.filenames import readable, slug
from ingest.mailbox import display_name

RETURNED = os.fsdecode(b"Antwort_\xc4mal.pdf")
"""'Antwort_Ämal.pdf' as a Windows share hands it over: Windows-1252, not UTF-8."""
FOLDER = os.fsdecode(b"R\xfcckl\xe4ufe")
"""'Rückläufe', the folder given on the command line, in Windows-1252 too."""


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except (OSError, UnicodeEncodeError) as exc:
        pytest.skip(f"this file system refuses names that are not UTF-8: {exc}")


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A returned form under a Windows-1252 name beside a good one, in a Windows-1252 folder."""
    folder = tmp_path / FOLDER
    try:
        folder.mkdir()
    except (OSError, UnicodeEncodeError) as exc:
        pytest.skip(f"this file system refuses names that are not UTF-8: {exc}")
    _write(folder / RETURNED, (SAMPLES / "pdf" / "institution_pdfium.pdf").read_bytes())
    (folder / "Rueckmeldung.pdf").write_bytes(
        (SAMPLES / "pdf" / "checklist_pdfium.pdf").read_bytes()
    )
    return folder


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_a_windows_1252_name_is_read_merged_and_shown_decoded(tmp_path: Path, inbox: Path) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    code, output = _run("ingest", str(inbox), "-w", str(ws))
    assert code == 0, output
    lines = [line for line in output.splitlines() if not line.startswith(" ")]
    shown = f"{tmp_path}/Rückläufe/Antwort_Ämal.pdf"
    assert any(line.startswith("Hinweise") and f"{shown}: Formular FG-" in line for line in lines)
    assert any(
        line.startswith("Hinweise") and "Rueckmeldung.pdf: Formular FG-" in line for line in lines
    )
    assert lines[-2].startswith("2 Dateien in ")
    (saved,) = (ws / "exports").glob("ingest-*.txt")
    assert shown in saved.read_text("utf-8")
    journal = [json.loads(line) for line in (ws / "journal.jsonl").read_text("utf-8").splitlines()]
    merged = [op["submission"]["provenance"]["file_name"] for op in journal if op["op"] == "merge"]
    assert sorted(merged) == ["Antwort_Ämal.pdf", "Rueckmeldung.pdf"]
    assert "Antwort_Ämal.pdf" in (ws / "register.json").read_text("utf-8")


def test_the_json_report_names_it_decoded(tmp_path: Path, inbox: Path) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    code, output = _run("ingest", str(inbox), "-w", str(ws), "--json", "--dry-run")
    assert code == 0, output
    names = [f["name"] for f in json.loads(output)["files"]]
    assert f"{tmp_path}/Rückläufe/Antwort_Ämal.pdf" in names


def test_a_quarantined_file_keeps_its_decoded_name(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    blank = pypdf.PdfWriter()
    blank.add_blank_page(595, 842)
    data = io.BytesIO()
    blank.write(data)
    _write(tmp_path / os.fsdecode(b"Fragebogen_\xdcbersicht.pdf"), data.getvalue())
    code, output = _run("ingest", str(tmp_path), "-w", str(ws))
    assert code == 0, output
    assert output.startswith(
        f"Quarantäne   {tmp_path}/Fragebogen_Übersicht.pdf: unbekanntes Formular"
    )
    (record,) = (ws / "quarantine").glob("*.json")
    (arrival,) = json.loads(record.read_text("utf-8"))["arrivals"]
    assert arrival["file_name"] == "Fragebogen_Übersicht.pdf"
    assert arrival["file"] == f"{tmp_path}/Fragebogen_Übersicht.pdf"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Rückmeldung.pdf", "Rückmeldung.pdf"),  # UTF-8 stays as it is
        (os.fsdecode(b"Antwort_\xc4mal.pdf"), "Antwort_Ämal.pdf"),  # Windows-1252
        (os.fsdecode(b"R\xc3\xbcck/Antwort_\xc4mal.pdf"), "Rück/Antwort_Ämal.pdf"),  # per folder
        (os.fsdecode(b"x\x81y.pdf"), "x\ufffdy.pdf"),  # undefined in Windows-1252
        ("x\ud800y.pdf", "x\ufffdy.pdf"),  # a surrogate that stands for no byte
    ],
)
def test_readable(name: str, shown: str) -> None:
    assert readable(name) == shown
    assert readable(name).encode("utf-8")


def test_an_attachment_or_zip_member_name_never_carries_a_surrogate() -> None:
    assert display_name("Antwort_\udcc4mal.pdf") == "Antwort_Ämal.pdf"
    assert display_name("x\ud800y.pdf") == "x\ufffdy.pdf"


def test_a_line_break_in_a_file_name_cannot_forge_a_report_line(tmp_path: Path) -> None:
    """Any byte but '/' may be part of a file name on Linux, a line break and ESC included."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    folder = tmp_path / "eingang"
    folder.mkdir()
    forged = "antrag.pdf\nok          gefaelscht.pdf: form FG-AAAAA-BBBBB, 9 entries\x1b[2K"
    (folder / forged).write_bytes((SAMPLES / "pdf" / "institution_pdfium.pdf").read_bytes())
    (folder / "z-liste.pdf").write_bytes((SAMPLES / "pdf" / "checklist_pdfium.pdf").read_bytes())
    code, output = _run("ingest", str(folder), "-w", str(ws))
    assert code == 0, output
    lines = [line for line in output.splitlines() if not line.startswith(" ")]
    escaped = "antrag.pdf\\nok          gefaelscht.pdf: form FG-AAAAA-BBBBB, 9 entries\\x1b[2K"
    assert lines[0].startswith(f"Hinweise     {folder}/{escaped}: Formular FG-")
    assert lines[1].startswith(f"Hinweise     {folder}/z-liste.pdf: Formular FG-")
    assert lines[2].startswith("2 Dateien in ")
    assert not any(line.startswith("ok          gefaelscht") for line in output.splitlines())
    (saved,) = (ws / "exports").glob("ingest-*.txt")
    assert escaped in saved.read_text("utf-8")
    code, output = _run("ingest", str(folder), "-w", str(ws), "--json", "--dry-run")
    assert code == 0, output
    assert f"{folder}/{escaped}" in [f["name"] for f in json.loads(output)["files"]]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Düsseldorf", "duesseldorf"),
        ("Rhein-Kreis Neuss (Neuss, Meerbusch)", "rhein-kreis-neuss-neuss-meerbusch"),
        ("Krisen(interventions)dienst", "krisen-interventions-dienst"),
        ("Straße der Flüchtlingsberatung", "strasse-der-fluechtlingsberatung"),
        ("Şule Yılmaz Danışmanlık", "sule-yilmaz-danismanlik"),
        ("Poradnia Łódź – Paweł Wiśniewski", "poradnia-lodz-pawel-wisniewski"),
        ("Þór Guðmundsson, Savjetovalište ĐURIĆ", "thor-gudmundsson-savjetovaliste-duric"),
    ],
)
def test_a_label_names_a_file_in_ascii_words(label: str, expected: str) -> None:
    assert slug(label) == expected


def test_a_label_ascii_cannot_spell_whole_gets_a_fingerprint_that_keeps_it_apart() -> None:
    """A name in Arabic or Cyrillic letters, or one cut for its length, keeps what ASCII
    can spell and a short fingerprint: two such labels never name the same file."""
    long_de = "Kontakt- und Beratungsstelle (ggf. auch, Kontaktzentrum, Psychosoziales Zentrum)"
    names = {
        label: slug(label)
        for label in (
            "مركز الاستشارة",
            "شبكة المنظمات",
            "Ольга Петренко",
            "Netzwerk ДІМ",
            "Netzwerk ДОМ",
            long_de,
            long_de.replace("Psychosoziales", "Sozialpsychiatrisches"),
        )
    }
    assert len(set(names.values())) == len(names)
    for name in names.values():
        assert name.isascii() and re.fullmatch("[a-z0-9]+(-[a-z0-9]+)*", name), name
        assert len(name) <= 60
    assert names["Netzwerk ДІМ"].startswith("netzwerk-")
    assert names[long_de].startswith("kontakt-und-beratungsstelle-ggf-auch-")
