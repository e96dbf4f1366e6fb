"""A damaged journal (found by the s18 audit): every command names the line and what is wrong
with it in the workspace's language, and no command makes the register smaller unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from register_support import YILMAZ, checklist, institution_form

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import journal_path, writing


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A German workspace of two institutions, three operations journaled."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf", language="de")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.merge(checklist("psychotherapie", dict(YILMAZ, name="Łódź Hilfe e.V.", postcode="41460")))
        w.merge(institution_form("inst-0001", base=1, phone="+49 211 999999"))
    return ws


def run(ws: Workspace, *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "-w", str(ws.root)])


def damage_line(ws: Workspace, n: int, line: bytes) -> None:
    lines = journal_path(ws).read_bytes().split(b"\n")
    lines[n - 1] = line
    journal_path(ws).write_bytes(b"\n".join(lines))


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (b"null", "kein Vorgang"),
        (b'"hallo"', "kein Vorgang"),
        (b'{"seq": 2, "op": "merge", "note": "Gr\xfc\xdfe"}', "kein UTF-8 bei Byte 38"),
        (b'{"seq": 2, "op": "merge",', "kein JSON bei Zeichen 26"),
    ],
)
def test_a_damaged_line_is_named_in_german_and_the_register_is_kept(
    ws: Workspace, line: bytes, said: str
) -> None:
    register = ws.register_path.read_bytes()
    damage_line(ws, 2, line)
    for command in (["register", "rebuild"], ["status"]):
        done = run(ws, *command)
        assert done.exit_code == 1, done.output
        assert done.output == (
            f"Fehler: {journal_path(ws)}:2: beschädigte Zeile im Journal ({said}); das Register "
            "ist bis dorthin noch lesbar; die Datei aus einer Sicherung wiederherstellen\n"
        )
    assert ws.register_path.read_bytes() == register
    assert not list(ws.root.glob("register.json.*"))
