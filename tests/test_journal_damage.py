"""A damaged journal (found by the s18 audit): every command names the line and what is wrong
with it in the workspace's language, and no command makes the register smaller unsaid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from register_support import YILMAZ, checklist, journaled

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import journal_path, writing


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A German workspace of two institutions, three operations journaled."""
    return journaled(tmp_path / "ws")


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
def test_a_damaged_line_is_named_in_german_and_only_commands_that_read_work(
    ws: Workspace, line: bytes, said: str
) -> None:
    """A line 'null' crashed 'register rebuild' (AttributeError) and was passed over by the
    others unsaid; a line of bad UTF-8 stopped even 'status' and 'find', said in English."""
    register = ws.register_path.read_bytes()
    damage_line(ws, 2, line)
    damaged = (
        f"{journal_path(ws)}:2: beschädigte Zeile im Journal ({said}); das Register ist bis "
        "dorthin noch lesbar; die Datei aus einer Sicherung wiederherstellen oder 'formgen "
        f"register repair -w {ws.root}' ausführen (ohne Sicherung: bewahrt die Datei auf und macht "
        "mit dem Register weiter, wie es ist)\n"
    )
    for command in (["register", "rebuild"], ["register", "retire", "inst-0001"]):
        done = run(ws, *command)
        assert (done.exit_code, done.output) == (1, f"Fehler: {damaged}")
    assert ws.register_path.read_bytes() == register
    assert not list(ws.root.glob("register.json.*"))
    done = run(ws, "register", "find", "Łódź")
    assert done.exit_code == 0 and f"Hinweis: {damaged}" in done.output
    assert "Łódź Hilfe e.V." in done.output  # merged on the damaged line: register.json has it
    done = run(ws, "status")
    assert done.exit_code == 0 and done.output.endswith(f"Hinweis: {damaged}")


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (None, "Vorgang 3 folgt auf Vorgang 1: Zeilen fehlen"),
        (
            1,
            "Vorgang 1 folgt auf Vorgang 1: eine Zeile steht doppelt oder nicht in der Reihenfolge da",
        ),
        (3, "Vorgang 3 folgt auf Vorgang 1: Zeilen fehlen"),
    ],
)
def test_a_line_deleted_or_copied_in_the_middle_is_a_damaged_line(
    ws: Workspace, line: int | None, said: str
) -> None:
    """Operation 2 deleted from the journal (or overwritten by a copy of another) was not
    noticed: 'register rebuild' made the register without it, one institution fewer, unsaid.
    The operations are numbered ("seq"): a gap or a repeat is a damaged line."""
    register = ws.register_path.read_bytes()
    lines = journal_path(ws).read_bytes().split(b"\n")
    damage_line(ws, 2, lines[line - 1] if line else b"")
    damaged = (
        f"{journal_path(ws)}:{3 if line is None else 2}: beschädigte Zeile im Journal ({said})"
    )
    for command in (["register", "rebuild"], ["register", "retire", "inst-0001"]):
        done = run(ws, *command)
        assert done.exit_code == 1 and done.output.startswith(f"Fehler: {damaged}")
    assert ws.register_path.read_bytes() == register
    done = run(ws, "register", "find", "Łódź")
    assert done.exit_code == 0 and f"Hinweis: {damaged}" in done.output
    assert "Łódź Hilfe e.V." in done.output


def test_a_journal_cut_off_at_its_end_is_not_rebuilt_into_a_smaller_register(ws: Workspace) -> None:
    """The last line lost its end (disk full, a copy broken off) though register.json holds
    it: a rebuild made the register again without it, one institution fewer, unsaid."""
    register = ws.register_path.read_bytes()
    journal = journal_path(ws).read_bytes()
    journal_path(ws).write_bytes(journal[:-40])
    said = (
        f"Fehler: {journal_path(ws)}:3: Journal beschädigt: es endet mit Vorgang 2, aber "
        f"{ws.register_path} enthält 3 (seine letzte Zeile abgeschnitten oder Zeilen fehlen); "
        f"nichts geändert: {journal_path(ws)} aus einer Sicherung wiederherstellen oder 'formgen "
        f"register repair -w {ws.root}' ausführen (ohne Sicherung: bewahrt die Datei auf und macht "
        "mit dem Register weiter, wie es ist); bis dahin ist das Register so lesbar, wie es ist, "
        "aber nicht zu ändern oder neu aufzubauen\n"
    )
    erase = ["register", "erase", "inst-0001", "psychotherapie.contact_name", "--note", "Art. 17"]
    for command in (["register", "rebuild"], ["register", "retire", "inst-0001"], erase):
        done = run(ws, *command, "--yes") if command is erase else run(ws, *command)
        assert (done.exit_code, done.output) == (1, said)
    assert ws.register_path.read_bytes() == register
    assert journal_path(ws).read_bytes() == journal[:-40]
    assert not list(ws.root.glob("register.json.*"))
    done = run(ws, "register", "find", "Łódź")
    assert done.exit_code == 0 and "Łódź Hilfe e.V." in done.output
    assert f"Hinweis: {said.removeprefix('Fehler: ')}" in done.output


def test_a_line_torn_by_a_crash_is_cut_off_before_the_next_operation(ws: Workspace) -> None:
    """A run killed during its append left a torn line, never reported; the next writer
    appended its operation to it, and every command stopped at the line then damaged."""
    journal = journal_path(ws).read_bytes()
    journal_path(ws).write_bytes(journal + b'{"seq": 4, "op": "merge", "submission": {"ident')
    assert run(ws, "register", "retire", "inst-0002", "--reason", "geschlossen").exit_code == 0
    ops = [json.loads(line) for line in journal_path(ws).read_bytes().splitlines()]
    assert [(op["seq"], op["op"]) for op in ops] == [
        (1, "merge"),
        (2, "merge"),
        (3, "merge"),
        (4, "retire"),
    ]
    register = json.loads(ws.register_path.read_bytes())
    done = run(ws, "register", "rebuild")
    assert done.exit_code == 0, done.output
    assert json.loads(ws.register_path.read_bytes()) == register
    assert register["institutions"]["inst-0002"]["retired"]


def test_a_first_line_torn_after_one_byte_is_cut_off_too(tmp_path: Path) -> None:
    """A crash after the first byte of a new workspace's first operation left „{“: the check
    for a torn end skipped a journal of one byte, and the next operation was glued to it."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf", language="de")
    journal_path(ws).write_bytes(b"{")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
    lines = journal_path(ws).read_bytes().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["seq"] == 1


def test_a_dry_run_of_a_change_refuses_a_damaged_journal_as_the_real_run_does(
    ws: Workspace, tmp_path: Path
) -> None:
    """'register import --dry-run' and 'register merge --dry-run' said what they would do over
    a damaged journal, and the real run then refused it (s19 brief)."""
    table = tmp_path / "Bestand.csv"
    assert run(ws, "register", "export", "--format", "csv", "-o", str(table)).exit_code == 0
    damage_line(ws, 2, b"null")
    before = {p: p.read_bytes() for p in ws.root.rglob("*") if p.is_file()}
    for command in (
        ["register", "import", str(table)],
        ["register", "merge", "inst-0001", "inst-0002", "--note", "eine Praxis"],
    ):
        dry, real = run(ws, *command, "--dry-run"), run(ws, *command)
        assert dry.exit_code == real.exit_code == 1
        assert dry.output == real.output
        assert dry.output.startswith(f"Fehler: {journal_path(ws)}:2: beschädigte Zeile im Journal")
    assert {p: p.read_bytes() for p in ws.root.rglob("*") if p.is_file()} == before
