"""Who answered a round: a form made for the institution by hand during the round answers it, and
a reminder belongs to the latest round only (formgen status, formgen mail --overdue)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from click.testing import CliRunner
from mailkit import make_workspace
from pdf_engines import pdfium_fill

from formgen.cli import main

RECIPIENTS = Path(__file__).parent / "data" / "mail" / "excel_utf8_bom.csv"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def deadlines_pass(ws: Path) -> None:
    """Time goes by: the return date of every form mailed so far lies in the past, the second
    round's after the first's."""
    log = ws / "sendlog.jsonl"
    events = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    for e in events:
        if "deadline" in e:
            e["deadline"] = "2020-03-31" if e["round"] == "runde-2" else "2020-01-31"
    log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), "utf-8")


def mailed_pdf(ws: Path, iid: str) -> bytes:
    prepared = [
        e
        for e in map(json.loads, (ws / "sendlog.jsonl").read_text("utf-8").splitlines())
        if e["event"] == "prepared" and e["institution_id"] == iid
    ]
    (pdf,) = [f["path"] for f in prepared[-1]["files"] if f["path"].endswith(".pdf")]
    return (ws / pdf).read_bytes()


def returned(tmp_path: Path, name: str, form: bytes, phone: str) -> str:
    path = tmp_path / name
    path.write_bytes(pdfium_fill(form, {"institution.phone": phone}))
    return str(path)


def own_form(ws: Path, iid: str, out: Path) -> bytes:
    """The institution's own form, prefilled from the register (the coordinator on the phone)."""
    run("generate", "pdf", "--institution", iid, "-w", str(ws), "--out", str(out))
    return out.read_bytes()


def two_rounds(tmp_path: Path) -> Path:
    """Round 1 to four institutions; bs-ist and ua-1 return its forms. A form of ua-1 is made by
    hand, then round 2 (runde-2) mails the register's two; then a form of bs-ist is made by
    hand. Both hand-made forms come back; every deadline passes."""
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    first = [
        returned(tmp_path, f"{iid}-1.pdf", mailed_pdf(ws, iid), "0211 100")
        for iid in ("bs-ist", "ua-1")
    ]
    run("ingest", *first, "-w", str(ws))
    early = own_form(ws, "ua-1", tmp_path / "ua-1-vorher.pdf")
    time.sleep(1.1)  # the send log and issued.jsonl count in seconds
    run(
        "mail",
        "--from-register",
        "--round",
        "runde-2",
        "-w",
        str(ws),
        "--drafts",
        str(tmp_path / "d2"),
    )
    time.sleep(1.1)
    late = own_form(ws, "bs-ist", tmp_path / "bs-ist-telefon.pdf")
    run(
        "ingest",
        returned(tmp_path, "Rückmeldung Yılmaz.pdf", late, "0211 222"),
        returned(tmp_path, "Петренко.pdf", early, "0211 333"),
        "-w",
        str(ws),
    )
    deadlines_pass(ws)
    return ws


def test_a_return_of_its_own_form_made_during_the_round_answers_the_round(tmp_path):
    """bs-ist answered runde-2 on a form made for it by hand while the round ran: it is
    zurückgemeldet, the round counts its answer and no reminder goes to it; ua-1's form made
    before runde-2 crossed that round's mail and answers none of it: ua-1 stays overdue."""
    ws = two_rounds(tmp_path)
    data = json.loads(run("status", "-w", str(ws), "--json"))
    rows = {r["id"]: r for r in data["rows"]}
    assert rows["bs-ist"]["state"] == "returned" and rows["bs-ist"]["round"] == "runde-2"
    assert "runde-2" in rows["bs-ist"]["answered"]
    assert rows["ua-1"]["state"] == "overdue" and "runde-2" not in rows["ua-1"]["answered"]
    (second,) = [r for r in data["rounds"] if r["round"] == "runde-2"]
    assert (second["mailed"], second["answered"], second["overdue"]) == (2, 1, 1)
    listed = run("status", "-w", str(ws), "--list").splitlines()
    (line,) = [x for x in listed if x.startswith("bs-ist")]
    assert "zurückgemeldet" in line and "überfällig" not in line

    dry = run("mail", "--overdue", "-w", str(ws), "--drafts", str(tmp_path / "r"), "--dry-run")
    assert "würde versenden an ua-1" in dry
    assert "an bs-ist" not in dry  # it answered: no „Bisher haben wir Ihre Antwort …“


def test_a_reminder_belongs_to_the_latest_round_and_says_what_it_skips(tmp_path):
    """lodz and ar-1 never answered round 1, whose deadline passed before runde-2 began: round 1
    is over, and a reminder of it now would ask for a form out of date. The reminder round
    skips them, says why and what asks them again; --force reminds them all the same."""
    ws = two_rounds(tmp_path)
    out = str(tmp_path / "r")
    dry = run("mail", "--overdue", "-w", str(ws), "--drafts", out, "--dry-run")
    lines = dry.splitlines()
    assert "1 zu versenden" in lines[0] and "2 übersprungen" in lines[0]
    for iid in ("lodz", "ar-1"):
        (said,) = [x for x in lines if x.startswith(f"  übersprungen {iid} ")]
        assert "folgte die Runde runde-2, begonnen am " in said
        assert (
            "eine Erinnerung gilt nur der letzten Runde; neu anfragen: formgen mail --stale "
            "--drafts ORDNER (oder --send), wenn ihre Einträge veraltet sind" in said
        )
        assert said.endswith("--force versendet trotzdem")
    # status says so beside its overdue count, not only the reminder round
    status = run("status", "-w", str(ws)).splitlines()
    at = next(i for i, x in enumerate(status) if x.startswith("  überfällig         3  → "))
    assert status[at + 1] == (
        "  davon 2 überfällig in einer abgelösten Runde: eine spätere folgte und ist auch über "
        "ihre Frist; formgen mail --overdue --drafts ORDNER (oder --send) erinnert sie nur mit "
        "--force"
    )
    forced = run("mail", "--overdue", "-w", str(ws), "--drafts", out, "--dry-run", "--force")
    assert all(f"würde versenden an {iid} " in forced for iid in ("lodz", "ar-1", "ua-1"))
    assert "an bs-ist" not in forced
