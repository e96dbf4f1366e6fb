"""Damaged or crafted containers: a winmail.dat whose property count runs past its end, two
ZIP archives joined into one file. Each says what is wrong, and what can be read is read."""

from __future__ import annotations

import time
from pathlib import Path

from ingest import archive, mailbox

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


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
