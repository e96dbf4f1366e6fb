"""Damaged or crafted containers: a winmail.dat whose property count runs past its end, two
ZIP archives joined into one file. Each says what is wrong, and what can be read is read."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

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


def test_two_zip_archives_joined_say_that_the_first_is_not_read(tmp_path: Path) -> None:
    first = _zip({"Bogen Łódź.pdf": FORM})
    path = tmp_path / "beide.zip"
    path.write_bytes(first + _zip({"Ольга.pdf": FORM}))
    scan = mailbox.MailScan()
    found = list(archive.zip_members(path, "beide.zip", scan, 100, 10**8, mailbox.MailInfo()))
    assert [a.name for a in found] == ["Ольга.pdf"]
    size = f"{len(first):,}".replace(",", ".")
    assert [in_language(p, "de") for p in scan.problems] == [
        f"die Datei besteht aus zwei aneinandergehängten ZIP-Archiven: nur die Dateien des "
        f"letzten wurden gelesen, nicht die in den {size} Bytes davor; bitte beim Absender "
        "jedes Archiv einzeln anfordern"
    ]


def test_one_zip_archive_and_a_self_extracting_one_say_nothing_of_joins(tmp_path: Path) -> None:
    for data in (_zip({"a.pdf": FORM}), b"MZ\x90\x00" + bytes(500) + _zip({"a.pdf": FORM})):
        path = tmp_path / "a.zip"
        path.write_bytes(data)
        scan = mailbox.MailScan()
        (found,) = archive.zip_members(path, "a.zip", scan, 100, 10**8, mailbox.MailInfo())
        assert found.data == FORM and scan.problems == []
