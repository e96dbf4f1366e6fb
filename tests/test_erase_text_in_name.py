"""``formgen register erase --text``: her surname is in her practice's name too („Praxis Ольга
Петренко“), and a mail round's checklist row took the round's id by that name (s23 H finding
1). The erasure marks it in every journaled key too, a rebuild still makes the same
institutions under the same ids, an erasure whose replay would fail changes nothing, and a
workspace a formgen before left half erased (the erasure journaled, ``register.json`` behind)
is finished by ``register rebuild`` or by the erasure run again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from test_register_erase import register, snapshot
from test_register_returns import run

from formgen.errors import RegisterError
from formgen.fold import fold
from formgen.messages import Said
from formgen.sendlog import SendLog
from formgen.workspace import Workspace
from ingest import journal
from ingest.journal import load
from ingest.pipeline import ingest_into_register
from ingest.register import named_erased

MAILED = {
    "inst-0002": "Praxis Ольга Петренко",
    "inst-0003": "Beratung Łódź – Paweł Wiśniewski",
    "inst-0004": "Praxis Dr. Yılmaz",
}
"""As the demo's round mailed them, and a partner's checklist named them (blocks 1–3)."""
ERASED = {"inst-0002": ("Петренко", "Praxis Ольга"), "inst-0004": ("Yılmaz", "Praxis Dr.")}
"""The surname erased, and what is left of the practice's name."""
NOTE = "Art. 17: Mail vom 24.11."


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """The round mailed inst-0002 … inst-0004 by name; a blank crisis service checklist filled
    in PDFium names all three (blocks 1–3: each row takes its round's id by its name), with a
    contact person each; a coordinator then set inst-0002's and inst-0004's phones by hand
    (later operations on them), and exported the register (a file holding the names)."""
    ws = make_workspace(tmp_path / "ws")
    log = SendLog(ws.root)
    for iid, name in MAILED.items():
        log.append("prepared", round="r1", institution_id=iid, name=name)
    blank = tmp_path / "krisendienst.pdf"
    run("generate", "pdf", "--kind", "checklist", "--category", "krisendienst", "-w", str(ws.root), "--out", str(blank))  # fmt: skip
    typed: dict[str, str | bool] = {}
    for n, name in enumerate(MAILED.values(), 1):
        typed |= {
            f"krisendienst.{n}.name": name,
            f"krisendienst.{n}.region": "Dormagen",
            f"krisendienst.{n}.contact_name": f"Jan Kowalski {n}",
            f"krisendienst.{n}.date": dt.date.today().strftime("%d.%m.%Y"),
            f"krisendienst.{n}.initials": "JK",
        }
    filled = tmp_path / "Krisendienste Dormagen.pdf"
    filled.write_bytes(pdfium_fill(blank.read_bytes(), typed))
    ingest_into_register([filled], ws)
    for iid in ERASED:
        code, out = register(ws, "set", iid, "institution.phone", "+49 2133 1234", "--note", "tel.")
        assert code == 0, out
    run("register", "export", "--format", "csv", "-w", str(ws.root))
    assert {i: load(ws).name_of(i) for i in MAILED} == MAILED
    return ws


def erase_text(ws: Workspace, iid: str) -> tuple[int, str]:
    return register(ws, "erase", iid, "--text", ERASED[iid][0], "--note", NOTE, "--yes")


def journaled(ws: Workspace) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in (ws.root / "journal.jsonl").read_text("utf-8").splitlines()
    ]


def nowhere_in_journal(ws: Workspace, text: str) -> bool:
    """Whether the journal holds ``text`` in no way: as typed, case and accents aside (a
    ``named`` key is folded), nor escaped."""
    data = (ws.root / "journal.jsonl").read_text("utf-8")
    return fold(text) not in fold(data) and json.dumps(text)[1:-1] not in data


@pytest.mark.parametrize("iid", list(ERASED))
def test_a_surname_in_the_practices_name_is_erased_from_every_journaled_key(
    ws: Workspace, iid: str
) -> None:
    """The erasure finishes; the surname is nowhere in the journal, also not in the key the
    checklist row took the round's id by; the register is checkpointed at the journal's last
    operation, with the same institutions under the same ids, the name shown „Praxis Ольга
    (gelöscht)“ (in the erasure's last line too: it printed the surname), the later phone
    kept; a rebuild gives the same register."""
    before = load(ws)

    code, out = erase_text(ws, iid)

    assert code == 0, out
    surname, kept = ERASED[iid]
    last = out.splitlines()[-1]
    assert last.startswith(f"{iid} {kept} (gelöscht): Daten gelöscht ({NOTE})"), last
    assert nowhere_in_journal(ws, surname)
    ops = journaled(ws)
    (merge,) = [op for op in ops if op.get("named")]
    assert merge["named"][fold(f"{kept} (erased #1)")] == iid
    assert {v: k for k, v in merge["named"].items()}[iid] != fold(MAILED[iid])
    reg = load(ws)
    assert reg.data["journal_seq"] == ops[-1]["seq"] == len(ops)
    assert list(reg.institutions) == list(before.institutions)
    assert reg.name_of(iid, "de") == f"{kept} (gelöscht)"
    assert reg.value(iid, "institution.phone")["v"] == "+49 2133 1234"  # type: ignore[index]
    for other in set(MAILED) - {iid}:
        assert reg.institutions[other] == before.institutions[other]
    code, shown = register(ws, "find", "Dormagen")
    assert code == 0 and f"{kept} (gelöscht)" in shown and surname not in shown, shown
    erased = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == erased


def test_a_service_split_off_a_name_with_a_text_erased_names_it_with_one_bracket(
    ws: Workspace, tmp_path: Path
) -> None:
    """The print names the service a new one split off by its name and id: „Praxis Ольга
    (erased, inst-0002)“; it read „Praxis Ольга (erased) (inst-0002)“."""
    iid = "inst-0002"
    surname, kept = ERASED[iid]
    assert erase_text(ws, iid)[0] == 0
    code, out = register(ws, "split", iid, "--name", f"{kept} Nord", "--note", "Aufteilung")
    assert code == 0, out
    pdf = tmp_path / "register-en.pdf"
    assert register(ws, "print", "--lang", "en", "--output", str(pdf))[0] == 0
    with pdfplumber.open(pdf) as doc:
        text = " ".join((p.extract_text() or "").replace("\n", " ") for p in doc.pages)
    assert f"split off from {kept} (erased, {iid}) on" in text.replace("\xa0", " "), text
    assert "(erased) (" not in text and surname not in text, text


def test_a_name_with_a_text_erased_in_it_is_shown_erased_in_the_lines_and_tables(
    ws: Workspace,
) -> None:
    """``register stale``, ``retire``, ``restore`` and ``formgen status --list`` show „Praxis
    Ольга (gelöscht)“, as the print and the forms do, never the register's marker."""
    assert erase_text(ws, "inst-0002")[0] == 0
    shown = "inst-0002 Praxis Ольга (gelöscht): "
    for args in (("stale",), ("retire", "inst-0002", "--reason", "t"), ("restore", "inst-0002")):
        code, out = register(ws, *args)
        assert code == 0 and "(erased #" not in out, out
        assert (shown if args[0] != "stale" else "Praxis Ольга (gelöscht)") in out, out
    out = run("status", "--list", "-w", str(ws.root))
    assert "Praxis Ольга (gelöscht)" in out and "(erased #" not in out, out


def failing_replay(how: str) -> Any:
    """``journal.replay`` made to fail: raising as a replay that never makes the institution
    does, or making another institution under another id."""
    replay = journal.replay

    def failing(*args: Any, **kwargs: Any) -> Any:
        if how == "raises":
            raise RegisterError(Said("gen_no_institution", iid="inst-0002"))
        reg = replay(*args, **kwargs)
        reg.institutions["inst-0011"] = reg.institutions.pop("inst-0003")
        return reg

    return failing


@pytest.mark.parametrize("how", ["raises", "other-ids"])
def test_an_erasure_whose_replay_fails_deletes_and_writes_nothing(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The erasure replays the journal it would write before it deletes a file: a replay that
    fails leaves every file of the workspace as it was (the archived checklist, the export,
    the send log, the journal, ``register.json``), and says why."""
    before = snapshot(ws)
    assert any(p.startswith("archive") for p in before) and any(
        p.startswith("exports") for p in before
    )
    monkeypatch.setattr(journal, "replay", failing_replay(how))

    code, out = erase_text(ws, "inst-0002")

    assert code == 1
    assert "inst-0002: mit der Löschung ergäbe das Journal das Register nicht wieder (" in out
    why = "keine Einrichtung „inst-0002“" if how == "raises" else "inst-0003, inst-0011"
    assert why in out and "nichts gelöscht, nichts geändert" in out, out
    assert snapshot(ws) == before


def test_an_erasure_of_a_login_whose_replay_fails_writes_nothing(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``register erase-login`` replays the journal it would write first too: a replay that
    fails leaves the journal and ``register.json`` as they were, and says why."""
    login = "zeynep.yılmaz"
    monkeypatch.setattr(journal, "user", lambda: login)
    code, out = register(ws, "set", "inst-0003", "institution.phone", "0211 7654321", "--note", "t")
    assert code == 0, out
    before = snapshot(ws)
    monkeypatch.setattr(journal, "replay", failing_replay("raises"))

    code, out = register(ws, "erase-login", login, "--yes")

    assert code == 1
    assert f"{login}: mit der Löschung ergäbe das Journal das Register nicht wieder (" in out, out
    assert snapshot(ws) == before


def left_by_a_formgen_before(ws: Workspace, iid: str) -> None:
    """The erasure as a formgen before 2026-11-25 left it: the journal with the surname marked
    in the row's name but the ``named`` key as it was, its erasure operation written, and
    ``register.json`` still at the operation before (its replay failed)."""
    held = ws.register_path.read_bytes()
    assert erase_text(ws, iid)[0] == 0
    lines = []
    for op in journaled(ws):
        if op.get("named") and iid in op["named"].values():
            named = {k: v for k, v in op["named"].items() if v != iid}
            op["named"] = named | {fold(MAILED[iid]): iid}
        lines.append(json.dumps(op, ensure_ascii=False, sort_keys=True) + "\n")
    (ws.root / "journal.jsonl").write_text("".join(lines), "utf-8")
    ws.register_path.write_bytes(held)
    assert json.loads(held)["journal_seq"] == len(lines) - 1


@pytest.mark.parametrize("iid", list(ERASED))
@pytest.mark.parametrize("finish", ["rebuild", "erase-again"])
def test_a_workspace_left_half_erased_by_a_formgen_before_is_finished(
    ws: Workspace, iid: str, finish: str
) -> None:
    """``register rebuild`` makes the register from it again, the row under the round's id (its
    name's marker stands for the surname), and says to run the erasure again: that (also
    straight away) erases the surname from the ``named`` key too, and a rebuild says nothing
    more; every institution keeps its id."""
    ids = list(load(ws).institutions)
    left_by_a_formgen_before(ws, iid)
    surname, kept = ERASED[iid]
    assert not nowhere_in_journal(ws, surname)

    if finish == "rebuild":
        code, out = register(ws, "rebuild")
        assert code == 0, out
        assert (
            f"{iid}: das Journal hält ihren Namen noch, wie er vor dem Löschen eines Textes darin "
            "war, als den Namen, unter dem eine Checkliste ihre Kennung fand"
        ) in out
        assert f"'formgen register erase {iid} --text TEXT --note …'" in out
        reg = load(ws)
        assert reg.data["journal_seq"] == len(journaled(ws))
        assert list(reg.institutions) == ids
        assert reg.name_of(iid, "de") == f"{kept} (gelöscht)"

    code, out = erase_text(ws, iid)

    assert code == 0, out
    assert "(erased #" not in out  # its name after a rebuild: „Praxis Ольга (gelöscht)“
    if finish == "rebuild":
        assert f"{iid} {kept} (gelöscht): Daten gelöscht ({NOTE})" in out, out
    assert nowhere_in_journal(ws, surname)
    reg = load(ws)
    assert reg.data["journal_seq"] == len(journaled(ws))
    assert list(reg.institutions) == ids
    assert reg.name_of(iid, "de") == f"{kept} (gelöscht)"
    code, out = register(ws, "rebuild")
    assert code == 0 and "das Journal hält ihren Namen noch" not in out, out
    assert list(load(ws).institutions) == ids


def test_a_marker_stands_for_a_text_of_one_key_no_other_row_is_named() -> None:
    """An erased name matches the key its markers alone tell apart from it, never a key that
    differs otherwise, nor one of two such keys, nor the key of another row of the return,
    nor a key another row's erased name fits as well (a row created anew, a text erased in its
    name since, takes no other row's id)."""
    named = {"praxis ольга петренко": "inst-0002", "praxis dr. yilmaz": "inst-0004"}
    rows = ["Praxis Ольга (erased #3)", "Praxis Dr. Yılmaz", "Beratung Łódź"]
    assert named_erased(named, "Praxis Ольга (erased #3)", rows) == "inst-0002"
    assert named_erased(named, "Praxis Dr. (erased #1)", rows[:1]) == "inst-0004"
    assert named_erased(named, "Praxis (erased #1) Petrenko", rows) is None
    assert named_erased(named, "Praxis (erased #1)", ["Praxis (erased #1)"]) is None  # both fit
    assert named_erased(named, "Praxis (erased #1)", rows[1:]) == "inst-0002"  # the other a row
    assert named_erased(named, "Praxis Ольга (erased #3)", [*rows, "Praxis (erased #1)"]) is None
    assert named_erased(named, "Praxis Dr. Yilmaz", rows) == "inst-0004"
    assert named_erased(named, "Beratung Łódź", rows) is None
