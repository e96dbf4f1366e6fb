"""The journal lines register.json covers are not read again (s20): the checkpoint records the
journal it was written with (its bytes, the last operation's seq, their SHA-256), so a command
parses only the operations after them; a journal changed among them is read and checked whole,
so a line deleted or there twice is still found."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from register_support import YILMAZ, checklist, institution_form, journaled

from formgen.errors import RegisterError
from formgen.workspace import Workspace
from ingest import journal
from ingest.journal import journal_path, load, writing
from ingest.register import COVERS, Register


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A German workspace of two institutions, three operations journaled."""
    return journaled(tmp_path / "ws")


@pytest.fixture
def read_from(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The byte each reading of the journal by :func:`ingest.journal.load` began at."""
    starts: list[int] = []
    lines = journal.journal_lines

    def spy(data: bytes, path: Path, start: int = 0, before: int = 0) -> Iterator[Any]:
        starts.append(start)
        return lines(data, path, start, before)

    monkeypatch.setattr(journal, "journal_lines", spy)
    return starts


def without_checkpoint(ws: Workspace) -> None:
    """One operation journaled after register.json (the writer killed before its checkpoint)."""
    with pytest.raises(KeyboardInterrupt), writing(ws) as w:
        w.retire("inst-0002", "geschlossen")
        raise KeyboardInterrupt


def seal(ws: Workspace, reg: Register) -> None:
    """Write ``reg`` with its record as it is, sealed as a checkpoint seals it."""
    with ws.register_path.open("wb") as fh:
        reg.write_json(fh.write, sealed=True)


def test_the_checkpoint_records_the_journal_it_covers(ws: Workspace) -> None:
    data = journal_path(ws).read_bytes()
    held = json.loads(ws.register_path.read_bytes())
    assert held[COVERS]["bytes"] == len(data) and held[COVERS]["seq"] == 3 == held["journal_seq"]
    assert COVERS not in load(ws).data  # not part of the register: export, rebuild compare it


def test_a_current_register_parses_no_journal_line_and_is_the_same(
    ws: Workspace, read_from: list[int]
) -> None:
    reg = load(ws)
    assert read_from == [journal_path(ws).stat().st_size]
    assert len(reg.institutions) == 2 and reg.data["journal_seq"] == 3


def test_operations_after_it_are_read_and_replayed(ws: Workspace, read_from: list[int]) -> None:
    covered = journal_path(ws).stat().st_size
    without_checkpoint(ws)
    read_from.clear()
    reg = load(ws)
    assert read_from == [covered]
    assert reg.data["journal_seq"] == 4 and reg.retired("inst-0002") is not None
    with writing(ws) as w:  # a writer too, and its checkpoint covers the fourth
        w.restore("inst-0002")
    assert json.loads(ws.register_path.read_bytes())[COVERS]["seq"] == 5
    assert load(ws).retired("inst-0002") is None


@pytest.mark.parametrize(
    ("change", "n", "said"),
    [
        (lambda lines: [lines[0], lines[2]], 2, "Vorgang 3 folgt auf Vorgang 1: Zeilen fehlen"),
        (
            lambda lines: [lines[0], lines[1], lines[1], lines[2]],
            3,
            "Vorgang 2 folgt auf Vorgang 2: eine Zeile steht doppelt",
        ),
    ],
)
def test_a_line_deleted_or_there_twice_among_those_covered_is_found(
    ws: Workspace, change: Any, n: int, said: str
) -> None:
    path = journal_path(ws)
    lines = path.read_bytes().splitlines()
    path.write_bytes(b"\n".join(change(lines)) + b"\n")
    reg = load(ws)
    assert f"journal.jsonl:{n}: beschädigte Zeile im Journal ({said}" in str(
        reg.damaged_journal.in_language("de")
    )
    with pytest.raises(RegisterError, match=f"journal.jsonl:{n}: damaged"), writing(ws):
        pass


def test_a_damaged_line_after_those_covered_is_named_by_its_line_in_the_file(
    ws: Workspace,
) -> None:
    without_checkpoint(ws)
    with journal_path(ws).open("ab") as fh:
        fh.write(b'{"seq": 5, "op": "restore",\n{"seq": 6}\n')
    said = load(ws).damaged_journal.in_language("de")
    assert f"{journal_path(ws)}:5: beschädigte Zeile im Journal (kein JSON" in said


def test_a_register_changed_outside_formgen_has_its_journal_read_whole(
    ws: Workspace, read_from: list[int]
) -> None:
    text = ws.register_path.read_text("utf-8")
    ws.register_path.write_text(text.replace("Praxis", "Praxen", 1), "utf-8")
    reg = load(ws)
    assert read_from == [0] and reg.covers is None and len(reg.institutions) == 2


def test_a_record_of_operations_the_register_does_not_hold_is_not_trusted(
    ws: Workspace, read_from: list[int]
) -> None:
    """A record that would skip operations after the register's own (not written so by any
    checkpoint): the journal is read whole and they are replayed."""
    without_checkpoint(ws)
    reg = Register.loads(load(ws).schema, ws.register_path.read_bytes())
    assert reg.data["journal_seq"] == 3
    reg.covers = journal._covers(journal_path(ws).read_bytes())
    assert reg.covers is not None and reg.covers["seq"] == 4
    seal(ws, reg)
    read_from.clear()
    again = load(ws)
    assert read_from == [0] and again.retired("inst-0002") is not None


def test_an_older_record_still_reads_the_operations_after_it(
    ws: Workspace, read_from: list[int]
) -> None:
    """A checkpoint of a formgen that kept an earlier record (it knew no such key): the lines it
    covers are skipped, the rest read and checked."""
    covers = json.loads(ws.register_path.read_bytes())[COVERS]
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", dict(YILMAZ, name="Praxis Öztürk")))
        w.merge(institution_form("inst-0002", base=1, phone="+49 211 777777"))
    reg = load(ws)
    reg.covers = covers
    seal(ws, reg)
    read_from.clear()
    again = load(ws)
    assert read_from == [covers["bytes"]] and again.data == reg.data
