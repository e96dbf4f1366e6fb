"""'formgen register repair': the way out of a damaged journal for a centre without a backup
(s19). Every change was refused until the journal was restored from a backup it did not have."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from register_support import YILMAZ, ŁÓDŹ, checklist, institution_form, journaled

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import journal_path, writing


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A German workspace of two institutions, three operations journaled."""
    return journaled(tmp_path / "ws")


def run(ws: Workspace, *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "-w", str(ws.root)])


def without_line(ws: Workspace, n: int) -> bytes:
    """Delete line ``n`` of the journal; the journal as it was."""
    journal = journal_path(ws).read_bytes()
    lines = journal.split(b"\n")
    del lines[n - 1]
    journal_path(ws).write_bytes(b"\n".join(lines))
    return journal


def institutions(ws: Workspace) -> dict[str, dict[str, object]]:
    held: dict[str, dict[str, object]] = json.loads(ws.register_path.read_bytes())["institutions"]
    return held


def kept_aside(ws: Workspace, name: str) -> list[Path]:
    return sorted(ws.root.glob(f"{name}.damaged-*"))


def test_a_journal_missing_a_line_is_repaired_and_nothing_of_the_register_is_lost(
    ws: Workspace,
) -> None:
    """Operation 2 lost from the middle: retire, set and rebuild refused it, naming only a
    backup. The repair keeps the journal aside, keeps register.json's institutions with their
    history, and every command works again."""
    before = institutions(ws)
    without_line(ws, 2)
    damaged = journal_path(ws).read_bytes()
    refused = run(ws, "register", "retire", "inst-0002")
    assert refused.exit_code == 1
    assert f"'formgen register repair -w {ws.root}' ausführen" in refused.output
    done = run(ws, "register", "repair")
    assert done.exit_code == 0, done.output
    (kept,) = kept_aside(ws, "journal.jsonl")
    assert kept.read_bytes() == damaged
    assert done.output == (
        f"{journal_path(ws)} repariert: das beschädigte Journal wurde als {kept} aufbewahrt; das "
        "neue beginnt mit dem Register, wie es ist (2 Einrichtungen, 3 Vorgänge)\n"
        f"von {ws.register_path} geht nichts verloren: seine 2 Einrichtungen mit ihrem Verlauf "
        "und die Vorgänge des Registers bis 3\n"
        "ab jetzt geht jeder Befehl wieder; 'formgen register rebuild' beginnt mit dem Register, "
        "wie es jetzt ist (mit --reread liest es nur die ab jetzt eingelesenen Rückläufe noch "
        f"einmal). {kept} enthält personenbezogene Daten wie das Journal (register erase erreicht "
        "sie nicht): löschen, sobald sie nicht mehr gebraucht wird\n"
    )
    assert institutions(ws) == before
    assert run(ws, "register", "retire", "inst-0002", "--reason", "geschlossen").exit_code == 0
    set_phone = ["register", "set", "inst-0001", "institution.phone", "+49 211 5555555"]
    assert run(ws, *set_phone, "--note", "per Telefon").exit_code == 0
    ops = [json.loads(line) for line in journal_path(ws).read_bytes().splitlines()]
    assert [(op["seq"], op["op"]) for op in ops] == [(4, "base"), (5, "retire"), (6, "set")]
    register = ws.register_path.read_bytes()
    rebuilt = run(ws, "register", "rebuild")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert json.loads(ws.register_path.read_bytes()) == json.loads(register)
    history = run(ws, "register", "history", "inst-0001")
    assert history.output.count("\nRevision ") == 3  # two returns, the phone set by hand
    # run again: nothing to repair, nothing changed
    again = run(ws, "register", "repair")
    assert (again.exit_code, again.output) == (
        0,
        f"{journal_path(ws)} ist unbeschädigt: nichts zu reparieren, nichts geändert\n",
    )
    assert ws.register_path.read_bytes() == register
    assert kept_aside(ws, "journal.jsonl") == [kept]


def test_a_journal_cut_off_at_its_end_is_repaired_from_register_json(ws: Workspace) -> None:
    before = institutions(ws)
    journal = journal_path(ws).read_bytes()
    journal_path(ws).write_bytes(journal[:-40])
    done = run(ws, "register", "repair")
    assert done.exit_code == 0 and "nichts verloren" in done.output
    assert "\nverloren: " not in done.output
    assert institutions(ws) == before
    assert run(ws, "register", "rebuild").exit_code == 0
    assert institutions(ws) == before


def test_a_damaged_register_json_too_is_kept_and_the_loss_is_said(ws: Workspace) -> None:
    """Both damaged: the register is made from the journal's operations before the damaged
    line, register.json kept aside, and the operations lost are said, not passed over."""
    without_line(ws, 2)
    journal = journal_path(ws).read_bytes()
    register = ws.register_path.read_bytes()[:-30]
    ws.register_path.write_bytes(register)
    done = run(ws, "register", "repair")
    assert done.exit_code == 0, done.output
    (journal_kept,) = kept_aside(ws, "journal.jsonl")
    (register_kept,) = kept_aside(ws, "register.json")
    assert register_kept.read_bytes() == register
    assert journal_kept.read_bytes() == journal
    assert (
        f"{ws.register_path} war auch beschädigt und wurde als {register_kept} aufbewahrt"
        in done.output
    )
    assert (
        "verloren: die Vorgänge 2 bis 3, nach der beschädigten Stelle nummeriert (eingelesene "
        f"Rückläufe, Entscheidungen, von Hand gesetzte Werte); {journal_kept} zeigt, was sie "
        "waren" in done.output
    )
    assert list(institutions(ws)) == ["inst-0001"]
    assert run(ws, "register", "retire", "inst-0001").exit_code == 0


def test_an_erasure_after_a_repair_reaches_the_register_the_new_journal_begins_with(
    ws: Workspace,
) -> None:
    """The new journal holds the register as it was: an erasure marks the value there too,
    so it is nowhere in register.json or journal.jsonl, and a rebuild gives the same; nor in
    the damaged journal kept aside, which find --all named before (s20)."""
    without_line(ws, 3)
    assert run(ws, "register", "repair").exit_code == 0
    (kept,) = kept_aside(ws, "journal.jsonl")
    found = run(ws, "register", "find", "--all", "Петренко")
    assert f"{kept.name} Zeile 2" in found.output  # what the damaged copy holds is found
    erase = ["register", "erase", "inst-0002", "psychotherapie.contact_name"]
    done = run(ws, *erase, "--note", "Art. 17, Mail vom 24.11.", "--yes")
    assert done.exit_code == 0, done.output
    for path in (ws.register_path, journal_path(ws), kept):
        assert "Петренко" not in path.read_text("utf-8")
    register = json.loads(ws.register_path.read_bytes())
    assert run(ws, "register", "rebuild").exit_code == 0
    assert json.loads(ws.register_path.read_bytes()) == register
    found = run(ws, "register", "find", "--all", "Петренко")
    assert found.output.startswith("„Петренко“: nirgends gefunden"), found.output


def test_an_erasure_after_a_repair_takes_the_sender_and_file_name_of_her_return_whole(
    tmp_path: Path,
) -> None:
    """Her checklist came back as „Bogen von Frau Петренко.pdf“ from her private address under
    her surname only; after a repair the register the new journal begins with holds its
    source: erasing her name takes its file name and sender whole there too (s19B, 1)."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf", language="de")
    hers = checklist("psychotherapie", dict(YILMAZ, **ŁÓDŹ), file="Bogen von Frau Петренко.pdf")
    sender = '"О. Петренко" <o.petrenko@mail.example>'
    hers = replace(hers, provenance=replace(hers.provenance, mail_from=sender))
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.merge(hers)
        w.merge(institution_form("inst-0001", base=1, phone="+49 211 999999"))
    without_line(ws, 3)
    assert run(ws, "register", "repair").exit_code == 0
    erase = ["register", "erase", "inst-0002", "psychotherapie.contact_name"]
    done = run(ws, *erase, "--note", "Art. 17, Mail vom 24.11.", "--yes")
    assert done.exit_code == 0, done.output
    for path in (ws.register_path, journal_path(ws)):
        assert "Петренко" not in path.read_text("utf-8"), path
        assert "o.petrenko@" not in path.read_text("utf-8"), path
    history = run(ws, "register", "history", "inst-0002").output
    assert "aus (gelöscht) [acroform-pdf" in history and "(Mail von (gelöscht))" in history
    register = json.loads(ws.register_path.read_bytes())
    assert run(ws, "register", "rebuild").exit_code == 0
    assert json.loads(ws.register_path.read_bytes()) == register


CRASH = """
import os, signal, sys
from ingest import journal
calls = []
def crash(*args, **kwargs):
    calls.append(1)
    if len(calls) == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
real = getattr(journal, sys.argv[1])
setattr(journal, sys.argv[1], crash)
from formgen.cli import main
main(["register", "repair", "-w", sys.argv[3]])
"""


@pytest.mark.parametrize(
    ("where", "call"),
    [("write_atomic", 1), ("write_atomic", 2), ("checkpoint", 1)],
    ids=["before-keeping-aside", "before-the-new-journal", "before-register-json"],
)
def test_a_repair_killed_midway_loses_nothing_and_finishes_when_run_again(
    ws: Workspace, where: str, call: int
) -> None:
    before = institutions(ws)
    without_line(ws, 2)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    killed = subprocess.run(
        [sys.executable, "-c", CRASH, where, str(call), str(ws.root)], env=env, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    status = run(ws, "register", "find", "Hilfe")
    assert status.exit_code == 0 and "Łódź Hilfe e.V." in status.output
    done = run(ws, "register", "repair")
    assert done.exit_code == 0, done.output
    assert institutions(ws) == before
    assert run(ws, "register", "retire", "inst-0002").exit_code == 0
    assert run(ws, "register", "rebuild").exit_code == 0
    assert set(institutions(ws)) == set(before)


@pytest.mark.parametrize("call", [("write_atomic", 2), ("checkpoint", 1)], ids=str)
def test_a_repair_killed_midway_with_register_json_damaged_too_finishes_when_run_again(
    ws: Workspace, call: tuple[str, int]
) -> None:
    without_line(ws, 2)
    ws.register_path.write_bytes(ws.register_path.read_bytes()[:-30])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    where, n = call
    killed = subprocess.run(
        [sys.executable, "-c", CRASH, where, str(n), str(ws.root)], env=env, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    done = run(ws, "register", "repair")  # killed at the checkpoint: nothing left to repair
    assert done.exit_code == 0, done.output
    assert len(kept_aside(ws, "register.json")) == 1
    found = run(ws, "register", "find", "Praxis")
    assert found.exit_code == 0 and "Şule Yılmaz" in found.output and "Łódź" not in found.output
    assert run(ws, "register", "retire", "inst-0001").exit_code == 0
    assert list(institutions(ws)) == ["inst-0001"]


def test_status_json_says_the_damage_in_english_as_its_other_notes(ws: Workspace) -> None:
    """--json is the same in every language (README: English notes); the text says it in
    German, naming the repair."""
    without_line(ws, 2)
    notes = json.loads(run(ws, "status", "--json").stdout)["notes"]
    assert any("damaged journal line" in n and "formgen register repair" in n for n in notes)
    assert "Hinweis: " in run(ws, "status").output
