"""Damaged or crafted containers: a winmail.dat whose property count runs past its end, two
ZIP archives joined into one file. Each says what is wrong, and what can be read is read."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import sample_workspace

from formgen.cli import main
from formgen.errors import UnreadableFileError
from formgen.messages import in_language
from ingest import archive, mailbox

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FORM = (SAMPLES / "pdf" / "institution_pdfium.pdf").read_bytes()


def _tnef_files(path: Path) -> tuple[list[mailbox.Attachment], list[str]]:
    scan = mailbox.MailScan()
    found = list(archive.tnef_members(path, "winmail.dat", scan, 100, 10**8, mailbox.MailInfo()))
    return found, [str(p) for p in scan.problems]


def test_a_property_count_past_the_end_of_a_winmail_dat_is_damage_not_an_endless_loop(
    tmp_path: Path,
) -> None:
    """One byte 0x00 → 0xe8 makes an attachment's property list claim 3.9 billion entries:
    tnefparse looped over them until the per-file time limit (600 s)."""
    whole = (SAMPLES / "tnef" / "zwei-dateien.dat").read_bytes()
    assert whole[2074] == 0
    damaged = tmp_path / "winmail.dat"
    damaged.write_bytes(whole[:2074] + b"\xe8" + whole[2075:])
    (tmp_path / "whole.dat").write_bytes(whole)
    expected, none = _tnef_files(tmp_path / "whole.dat")
    assert none == []
    started = time.monotonic()
    found, problems = _tnef_files(damaged)
    assert time.monotonic() - started < 5
    assert [(a.name, a.data) for a in found] == [(a.name, a.data) for a in expected]
    assert problems[0] == (
        "winmail.dat is damaged: a list of properties in it claims 3,892,314,124 entries, more "
        "than the file holds; what it holds is read all the same"
    )


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _joined_members(path: Path) -> tuple[list[mailbox.Attachment], mailbox.MailScan]:
    scan = mailbox.MailScan()
    found = list(archive.zip_members(path, path.name, scan, 100, 10**8, mailbox.MailInfo()))
    return found, scan


def test_zip_archives_joined_are_each_read_and_said_once(tmp_path: Path) -> None:
    """cat a.zip b.zip c.zip: zipfile reads only the last; the files of each are read, in the
    order they stand, numbered on, and one note says what the file is (no problem: all read)."""
    path = tmp_path / "alle.zip"
    path.write_bytes(
        _zip({"Bogen Łódź.pdf": b"%PDF-1 a"})
        + _zip({"Ольга.pdf": b"%PDF-1 b", "Şule.pdf": b"%PDF-1 c"})
        + _zip({"رسالة.pdf": b"%PDF-1 d"})
    )
    found, scan = _joined_members(path)
    assert [(a.position, a.name, a.data) for a in found] == [
        ("1", "Bogen Łódź.pdf", b"%PDF-1 a"),
        ("2", "Ольга.pdf", b"%PDF-1 b"),
        ("3", "Şule.pdf", b"%PDF-1 c"),
        ("4", "رسالة.pdf", b"%PDF-1 d"),
    ]
    assert scan.problems == [] and scan.attachments == 4
    assert [in_language(n, "de") for n in scan.notes] == [
        "die Datei besteht aus 3 aneinandergehängten ZIP-Archiven; die Dateien jedes Archivs "
        "wurden gelesen"
    ]


def test_a_damaged_archive_before_the_last_is_a_problem_and_the_last_is_read(
    tmp_path: Path,
) -> None:
    first = _zip({"Bogen Łódź.pdf": FORM})[:3000]  # cut: its directory is lost
    path = tmp_path / "beide.zip"
    path.write_bytes(first + _zip({"Ольга.pdf": FORM}))
    found, scan = _joined_members(path)
    assert [a.name for a in found] == ["Ольга.pdf"] and scan.notes == []
    assert [in_language(p, "de") for p in scan.problems] == [
        "die Datei besteht aus aneinandergehängten ZIP-Archiven: die 3.000 Bytes vor dem letzten "
        "sind ein beschädigtes Archiv, dessen Dateien nicht gelesen wurden; bitte beim Absender "
        "jedes Archiv einzeln anfordern"
    ]


def test_formgen_ingest_strict_reads_two_joined_archives_and_counts_their_forms(
    tmp_path: Path,
) -> None:
    """The coordinator's view: each form once, one line for the join, the archive itself not
    counted as a file, --strict content (exit 0) as nothing went unread."""
    ws = sample_workspace(tmp_path / "ws")
    path = tmp_path / "Rückmeldungen.zip"
    other = (SAMPLES / "pdf" / "institution_e2_pdfium.pdf").read_bytes()  # another form
    path.write_bytes(_zip({"Praxis Şule.pdf": FORM}) + _zip({"Дом Ольги.pdf": other}))
    args = ["ingest", "--strict", "--dry-run", "--workspace", str(ws.root), str(path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:4] == [
        f"Sammlung     {path}: ein ZIP-Archiv mit 2 Dateien",
        "    die Datei besteht aus 2 aneinandergehängten ZIP-Archiven; die Dateien jedes "
        "Archivs wurden gelesen",
        f"ok           {path}#1 Praxis Şule.pdf: Formular FG-84G7Z-WYRD6, 2 Einträge",
        f"ok           {path}#2 Дом Ольги.pdf: Formular FG-FK6SY-9541S, 2 Einträge",
    ]
    assert re.fullmatch(r"2 Dateien in .* s \(.*/s\): 2 ok \(Probelauf.*\)", lines[4])
    summary = json.loads(CliRunner().invoke(main, [*args, "--json"]).stdout)["summary"]
    assert summary["files"] == 2 and summary["ok"] == 2 and "warnings" not in summary


def test_one_zip_archive_and_a_self_extracting_one_say_nothing_of_joins(tmp_path: Path) -> None:
    for data in (_zip({"a.pdf": FORM}), b"MZ\x90\x00" + bytes(500) + _zip({"a.pdf": FORM})):
        path = tmp_path / "a.zip"
        path.write_bytes(data)
        scan = mailbox.MailScan()
        (found,) = archive.zip_members(path, "a.zip", scan, 100, 10**8, mailbox.MailInfo())
        assert found.data == FORM and scan.problems == []


def test_more_joined_archives_than_files_read_are_not_all_looked_for(tmp_path: Path) -> None:
    """A file of many tiny archives joined (crafted, or a loop gone wrong) is read up to the
    limit of files from one archive, from its end, and the rest is said to be left unread."""
    one = _zip({"Şule.pdf": b"%PDF-1 x"})
    path = tmp_path / "viele.zip"
    path.write_bytes(one * 12)
    scan = mailbox.MailScan()
    found = list(archive.zip_members(path, "viele.zip", scan, 5, 10**8, mailbox.MailInfo()))
    assert len(found) == 5
    assert [in_language(p, "de") for p in scan.problems] == [
        f"die Datei besteht aus mehr als 5 aneinandergehängten ZIP-Archiven: die "
        f"{len(one) * 7:,} Bytes vor den letzten 5 wurden nicht gelesen; bitte beim Absender "
        "jedes Archiv einzeln anfordern".replace(",", ".")
    ]


def _cut_after_a_whole_one(path: Path, cut: int) -> str:
    """``cat a.zip b.zip`` with b.zip cut off after ``cut`` bytes; what the report says of the
    cut one, with the name of its first file where its header holds it."""
    other = (SAMPLES / "pdf" / "institution_e2_pdfium.pdf").read_bytes()
    second = _zip({"Дом Ольги.pdf": other, "Ş.pdf": FORM})[:cut]
    path.write_bytes(_zip({"Praxis Şule.pdf": FORM}) + second)
    left = f"{len(second):,}".replace(",", ".")
    named = " (die erste: „Дом Ольги.pdf“)" if len(second) > 30 + len("Дом Ольги.pdf") else ""
    return (
        f"die Datei besteht aus aneinandergehängten ZIP-Archiven: die letzten {left} Bytes sind "
        f"ein abgeschnittenes Archiv, dessen Dateien{named} nicht gelesen wurden; bitte beim "
        "Absender jedes Archiv einzeln anfordern"
    )


@pytest.mark.parametrize("cut", [-10, 3000, 29])
def test_an_archive_cut_off_after_a_whole_one_is_said_and_the_whole_one_is_read(
    tmp_path: Path, cut: int
) -> None:
    """The last archive cut off (its directory lost): the file read as „beschädigt“, nothing of
    it read, when the cut one was long; zipfile read the first one alone, nothing said of the
    rest, when it was short (its directory's end among the last 64 KB). The first file's name
    is said where its header holds it whole (29 bytes: not even the header)."""
    path = tmp_path / "Rückmeldungen.zip"
    said = _cut_after_a_whole_one(path, cut)
    found, scan = _joined_members(path)
    assert [(a.position, a.name, a.data) for a in found] == [("1", "Praxis Şule.pdf", FORM)]
    assert [in_language(p, "de") for p in scan.problems] == [said]
    assert ("Дом Ольги.pdf" in said) is (cut != 29)
    assert scan.notes == []


def test_formgen_ingest_reads_the_form_before_a_cut_archive_and_says_what_is_cut(
    tmp_path: Path,
) -> None:
    ws = sample_workspace(tmp_path / "ws")
    path = tmp_path / "Rückmeldungen.zip"
    said = _cut_after_a_whole_one(path, -10)
    args = ["ingest", "--dry-run", "--workspace", str(ws.root), str(path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        f"Hinweise     {path}: ein ZIP-Archiv mit 1 Datei",
        f"    {said}",
        f"ok           {path}#1 Praxis Şule.pdf: Formular FG-84G7Z-WYRD6, 2 Einträge",
    ]
    (container,) = json.loads(CliRunner().invoke(main, [*args, "--json"]).stdout)["files"][:1]
    assert "are an archive cut off, its files (the first: 'Дом Ольги.pdf')" in str(container)


def test_a_file_crafted_of_directory_ends_is_damaged_not_opened_a_million_times(
    tmp_path: Path,
) -> None:
    """Each record of a directory's end is a place an archive may end (an archive cut off
    after a whole one is looked for from the file's end): 1.5 million of them behind a ZIP
    archive's start are tried 64 times, not each."""
    path = tmp_path / "ends.zip"
    path.write_bytes(b"PK\x03\x04" + b"PK\x05\x06" * 1_500_000)
    started = time.monotonic()
    with pytest.raises(UnreadableFileError, match="the ZIP archive is damaged"):
        _joined_members(path)
    assert time.monotonic() - started < 5
