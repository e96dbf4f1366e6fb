"""Who changed the register: two coordinators share a workspace on a drive; every change a
person starts journals her login name, and ``register history`` and ``register find --all``
name it („von Hand gesetzt: per Telefon — von mueller“). A journal of a formgen before, without
it, rebuilds as it was."""

from __future__ import annotations

import getpass
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from formgen.cli import main
from ingest import journal

USER = journal.user
"""The login name as formgen asks for it: tests/conftest.py replaces it by none."""

LIST = (
    "Checkliste;Name der Einrichtung;PLZ;Ort;Telefon (Zentrale);Versorgungsregion\n"
    "psychotherapie;Praxis Yılmaz;40210;Düsseldorf;0211 123456;duesseldorf\n"
    "psychotherapie;Praxis Wiśniewska;40211;Düsseldorf;0211 654321;duesseldorf\n"
)


def run(monkeypatch: pytest.MonkeyPatch, user: str, *args: str) -> str:
    monkeypatch.setenv("LOGNAME", user)  # what getpass.getuser() reads first
    done = CliRunner().invoke(main, list(args))
    assert done.exit_code == 0, done.output
    return done.output


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A register imported by şule, then changed by hand by mueller."""
    monkeypatch.setattr(journal, "user", USER)
    root = tmp_path / "ws"
    run(monkeypatch, "şule", "init", str(root))
    table = tmp_path / "bestand.csv"
    table.write_text(LIST, encoding="utf-8")
    w = ("-w", str(root))
    run(monkeypatch, "şule", "register", "import", str(table), "--note", "Bestand", *w)
    run(monkeypatch, "mueller", "register", "set", "inst-0001", "institution.phone",
        "0211 999999", "--note", "per Telefon", *w)  # fmt: skip
    run(monkeypatch, "mueller", "register", "confirm", "inst-0001", "--note", "am Telefon", *w)
    run(monkeypatch, "oksana", "register", "retire", "inst-0002", "--reason", "geschlossen", *w)
    return root


def test_history_names_who_changed_what(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = run(monkeypatch, "someone", "register", "history", "inst-0001", "-w", str(ws))
    lines = out.splitlines()
    imported = next(line for line in lines if "importiert" in line)
    assert imported.endswith("[importierte Liste: Bestand] — von şule")
    by_hand = next(line for line in lines if "von Hand gesetzt: per Telefon" in line)
    assert by_hand.endswith("— von mueller")
    confirmed = next(line for line in lines if "am Telefon" in line)
    assert confirmed.endswith("— von mueller")
    assert "someone" not in out  # who looks is not who changed
    out = run(monkeypatch, "someone", "register", "history", "inst-0002", "-w", str(ws))
    assert next(line for line in out.splitlines() if "geschlossen" in line).endswith("von oksana")
    ops = journal.read_journal(journal_ws(ws))
    assert [op.get("by") for op in ops] == ["şule", "mueller", "mueller", "oksana"]
    assert "by" in json.loads(run(monkeypatch, "x", "register", "history", "inst-0001",
                                  "--json", "-w", str(ws)))[-2]  # fmt: skip


def test_find_all_names_who_set_and_replaced(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = run(monkeypatch, "x", "register", "find", "--all", "0211", "-w", str(ws))
    now = next(line for line in out.splitlines() if "„0211 999999“" in line and "inst-0001" in line)
    assert " von mueller: „0211 999999“" in now
    earlier = next(
        line for line in out.splitlines() if "„0211 123456“" in line and "ersetzt" in line
    )
    replaced = r"ersetzt \d\d\.\d\d\.\d{4} von mueller: „0211 123456“"
    assert re.search(replaced, earlier), earlier  # mueller replaced what şule's list gave


def test_rebuild_keeps_who_and_old_journal_rebuilds_alike(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = run(monkeypatch, "x", "register", "history", "inst-0001", "-w", str(ws))
    run(monkeypatch, "anna", "register", "rebuild", "-w", str(ws))
    assert run(monkeypatch, "x", "register", "history", "inst-0001", "-w", str(ws)) == before
    # a journal a formgen before wrote: no "by"; it rebuilds to the history it had, no name
    path = ws / journal.JOURNAL
    ops = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    old = [{k: v for k, v in op.items() if k != "by"} for op in ops]
    path.write_text(
        "".join(json.dumps(op, ensure_ascii=False, sort_keys=True) + "\n" for op in old),
        encoding="utf-8",
    )
    run(monkeypatch, "anna", "register", "rebuild", "-w", str(ws))
    after = run(monkeypatch, "x", "register", "history", "inst-0001", "-w", str(ws))
    assert after == before.replace(" — von şule", "").replace(" — von mueller", "")
    assert "anna" not in after  # who rebuilt changed nothing


def test_no_login_name_records_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ws: Path
) -> None:
    def no_user() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_user)  # USER asks getpass
    run(monkeypatch, "ignored", "register", "restore", "inst-0002", "-w", str(ws))
    assert "by" not in journal.read_journal(journal_ws(ws))[-1]
    out = run(monkeypatch, "x", "register", "history", "inst-0002", "-w", str(ws))
    assert out.rstrip().splitlines()[-1].rstrip().endswith("wieder aufgenommen")


def journal_ws(root: Path) -> journal.Workspace:
    return journal.Workspace.open(root)


def test_a_decision_a_merge_and_an_erasure_name_who(
    ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = ("-w", str(ws))
    later = tmp_path / "bestand-2.csv"
    later.write_text(LIST.replace("0211 123456", "0211 555555"), encoding="utf-8")
    run(monkeypatch, "anna", "register", "import", str(later), *w)  # held: mueller set it
    run(monkeypatch, "anna", "register", "resolve", "inst-0001", "--take", "theirs", *w)
    run(monkeypatch, "piotr", "register", "restore", "inst-0002", *w)
    run(monkeypatch, "piotr", "register", "merge", "inst-0001", "inst-0002", "--note", "eine", *w)
    erase = ("register", "erase", "inst-0001", "institution.phone", "--note", "Art. 17", "--yes")
    run(monkeypatch, "ewa", *erase, *w)
    out = run(monkeypatch, "x", "register", "history", "inst-0001", *w).splitlines()
    decided = next(line for line in out if "Entscheidung c-0001" in line)
    assert decided.endswith("— von anna")
    merged = next(line for line in out if "zusammengeführt aus inst-0002: eine" in line)
    assert merged.endswith("— von piotr")
    erased = next(line for line in out if "Daten gelöscht: Art. 17" in line)
    assert erased.endswith("— von ewa")
    out = run(monkeypatch, "x", "register", "history", "inst-0002", *w).splitlines()
    assert next(line for line in out if "zusammengeführt und aus" in line).endswith("von piotr")
    ops = journal.read_journal(journal_ws(ws))
    assert [op.get("by") for op in ops[4:]] == ["anna", "anna", "piotr", "piotr", "ewa"]
