"""A workspace a newer formgen worked on: each store holds keys this formgen does not know.

Found by the s18 audit the other way round: the formgen of the first day crashed on a journal
the current one wrote (``Provenance.__init__() got an unexpected keyword argument
'came_in'``). This formgen reads every store with a key a newer one may add — the journal, the
register, the send log, ``issued.jsonl``, the quarantine's records, ``workspace.toml`` — as
before, without a traceback, and where it writes a record again the key stays.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from click.testing import CliRunner
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from test_register_returns import RECIPIENTS, mail_from, mailed_form

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import load

NEW = {"zukunft": "von einem neueren formgen"}
CONTACT = "Оксана Коваленко"


def cli(ws: Workspace, *args: str) -> str:
    done = CliRunner().invoke(main, [*args, "-w", str(ws.root)])
    assert done.exit_code == 0, done.output
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    return done.output


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """ua-1 mailed its form back (a mail: its provenance names the sender), the update round
    went out prefilled, and a letter that is no form waits in the quarantine."""
    ws = make_workspace(tmp_path / "ws")
    cli(ws, "mail", str(RECIPIENTS), "--drafts", str(tmp_path / "d1"))
    form = tmp_path / "Rückmeldung Łódź.pdf"
    values = {"psychotherapie.contact_name": CONTACT, "institution.phone": "0211 7654321"}
    form.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), values))
    cli(ws, "ingest", str(mail_from("olga@example.org", form, tmp_path / "antwort.eml")))
    cli(ws, "mail", "--from-register", "--drafts", str(tmp_path / "d2"), "--round", "r2")
    letter = tmp_path / "Brief Şule.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(letter)
    cli(ws, "ingest", str(letter))
    assert list(ws.quarantine_dir.glob("*.json"))
    return ws


def lines(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Each JSON line of ``path`` as ``change`` makes it."""
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    for record in records:
        change(record)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")


def each_value(values: dict[str, Any]) -> None:
    for stored in values.values():
        if isinstance(stored, dict):
            stored.update(NEW)


def journal_op(op: dict[str, Any]) -> None:
    op.update(NEW)
    if op["op"] == "merge":
        sub = op["submission"]
        for record in (sub, sub["provenance"]):
            record.update(NEW)
        sub["identity"]["formgen.zukunft"] = "neu"
        for e in sub["entries"]:
            e.update(NEW)
            each_value(e["institution"])
            each_value(e["entry"])


def test_a_journal_with_keys_of_a_newer_formgen_rebuilds_to_the_same_register(
    ws: Workspace,
) -> None:
    before = load(ws).institutions
    journal = ws.root / "journal.jsonl"
    lines(journal, journal_op)
    for how in ((), ("--reread",)):
        cli(ws, "register", "rebuild", *how)
        assert load(ws).institutions == before, how
    assert "(Mail von olga@example.org)" in cli(ws, "register", "history", "ua-1")
    cli(ws, "register", "erase", "ua-1", "psychotherapie.contact_name", "--note", "Mail", "--yes")
    *ops, erased = map(json.loads, journal.read_text("utf-8").splitlines())
    assert erased["op"] == "erase"
    assert all("zukunft" in op for op in ops)  # the lines it wrote again too
    assert all("zukunft" in op["submission"]["provenance"] for op in ops if op["op"] == "merge")


def test_a_register_with_keys_of_a_newer_formgen_is_read_by_every_command(
    ws: Workspace, tmp_path: Path
) -> None:
    data = json.loads(ws.register_path.read_text("utf-8"))
    data.update(NEW)
    for inst in data["institutions"].values():
        inst.update(NEW)
        each_value(inst["institution"])
        for e in inst["entries"].values():
            e.update(NEW)
            each_value(e["fields"])
        for h in inst["history"]:
            h.update(NEW)
    for src in data["sources"].values():
        src.update(NEW)
    ws.register_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    assert CONTACT in cli(ws, "register", "history", "ua-1")
    assert "ua-1" in cli(ws, "register", "find", "Коваленко")
    for command in (("status",), ("register", "stale"), ("register", "conflicts")):
        cli(ws, *command)
    cli(ws, "register", "export", "--format", "json", "-o", str(tmp_path / "register.json"))
    exported = json.loads((tmp_path / "register.json").read_text("utf-8-sig"))
    assert CONTACT in json.dumps(exported, ensure_ascii=False)


def test_a_send_log_with_keys_and_events_of_a_newer_formgen_is_read_as_before(
    ws: Workspace, tmp_path: Path
) -> None:
    before = cli(ws, "status", "--list")
    log = ws.root / "sendlog.jsonl"
    lines(log, lambda event: event.update(NEW))
    with open(log, "a", encoding="utf-8") as fh:  # an event this formgen does not know
        fh.write(json.dumps({"event": "geöffnet", "round": "r2", "institution_id": "ua-1"}) + "\n")
    assert cli(ws, "status", "--list") == before  # no „beschädigte Zeile“ either
    cli(ws, "mail", "--overdue", "--drafts", str(tmp_path / "d3"))
    cli(ws, "register", "erase", "ua-1", "institution.phone", "--note", "Anruf", "--yes")
    assert all("zukunft" in e for e in map(json.loads, log.read_text("utf-8").splitlines()[:-1]))


def test_issued_forms_with_keys_of_a_newer_formgen_still_take_their_returns(
    ws: Workspace, tmp_path: Path
) -> None:
    issued = ws.root / "issued.jsonl"
    lines(issued, lambda form: form.update(NEW))
    back = tmp_path / "ua-1 Update.pdf"
    update = mailed_form(ws, "ua-1", "r2").read_bytes()
    back.write_bytes(pdfium_fill(update, {"institution.phone": "0211 1112233"}))
    cli(ws, "ingest", str(back))
    assert load(ws).value("ua-1", "institution.phone")["raw"] == "0211 1112233"  # type: ignore[index]
    cli(ws, "register", "erase", "ua-1", "psychotherapie.contact_name", "--note", "Mail", "--yes")
    assert all("zukunft" in f for f in map(json.loads, issued.read_text("utf-8").splitlines()))


def test_a_quarantine_record_with_keys_of_a_newer_formgen_is_listed_and_marked_done(
    ws: Workspace,
) -> None:
    (record,) = ws.quarantine_dir.glob("*.json")
    data = json.loads(record.read_text("utf-8"))
    data.update(NEW)
    for arrival in data["arrivals"]:
        arrival.update(NEW)
    record.write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    assert "Brief Şule.pdf" in cli(ws, "quarantine")
    cli(ws, "status")
    cli(ws, "quarantine", "--done", record.stem[:8], "--note", "kein Formular, abgelegt")
    kept = json.loads(record.read_text("utf-8"))
    assert kept["zukunft"] == NEW["zukunft"] and kept["dealt_with"]["note"]


def test_a_workspace_toml_with_settings_of_a_newer_formgen_is_read_as_before(
    ws: Workspace,
) -> None:
    config = ws.root / "workspace.toml"
    text = config.read_text("utf-8").replace("[centre]", '[centre]\nzukunft = "neu"', 1)
    config.write_text(f'zukunft = "neu"\n{text}\n[zukunft_tabelle]\nx = 1\n', "utf-8")
    assert "Register" in cli(ws, "status")
    assert "ua-1" in cli(ws, "register", "find", "Коваленко")
