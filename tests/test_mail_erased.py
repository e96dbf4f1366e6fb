"""``formgen register erase`` of an institution's address or name, then the mail rounds and
``formgen status`` (a real SMTP server in-process, forms filled by PDFium): an erased address is
no address, the round goes on, and neither the output nor a mail shows the erase marker."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from mailkit import Inbox, make_workspace, smtp_server
from pdf_engines import pdfium_fill
from test_mail_cli import deadlines_pass
from test_register_returns import RECIPIENTS, mailed_form

from formgen.cli import main
from formgen.messages import said_json
from formgen.recipients import check_email
from formgen.sendlog import deliveries_from
from formgen.workspace import Workspace

NOTE = "persönliche Adresse, Löschersuchen"
OLGA = "Ольга Петренко – Консультація"
MARKAZ = "مركز الاستشارة"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def log_lines(ws: Path) -> list[str]:
    return (ws / "sendlog.jsonl").read_text("utf-8").splitlines()


def events(ws: Path, kind: str) -> list[dict]:
    return [e for e in map(json.loads, log_lines(ws)) if e["event"] == kind]


def all_asked_again(ws: Path) -> None:
    """The invitation went to the four institutions of the list; ua-1 and ar-1 returned their
    forms (filled in PDFium), and the register's round asked both again; no form came back
    since, every deadline passed."""
    assert (
        "4 von 4 Mails gesendet"
        in run("mail", RECIPIENTS, "-w", ws, "--send", "--round", "erste").output
    )
    for iid in ("ua-1", "ar-1"):
        form = mailed_form(Workspace.open(ws), iid).read_bytes()
        filled = ws.parent / f"{iid}.pdf"
        filled.write_bytes(pdfium_fill(form, {"institution.phone": "0211 1"}))
        assert run("ingest", filled, "-w", ws).exit_code == 0
    assert "2 von 2 Mails gesendet" in run("mail", "--from-register", "-w", ws, "--send").output
    deadlines_pass(ws)


def erase(ws: Path, iid: str, path: str) -> None:
    done = run("register", "erase", iid, path, "-w", ws, "--note", NOTE, "--yes")
    assert done.exit_code == 0, done.output


def no_marker(*outputs: str) -> None:
    for out in outputs:
        assert "(erased #" not in out, out


def test_an_erased_address_is_no_address_in_every_round_and_the_others_are_mailed(
    tmp_path: Path,
) -> None:
    """ua-1's address is erased (register erase): the reminder round reports it NOT MAILED,
    with no address, erased on which day, counted with those without a usable address, and
    mails the three others; a rerun mails nobody twice; the register's rounds, forced, do not
    mail it either; 'formgen status --list' shows ua-1 without an address."""
    inbox = Inbox()
    ws = tmp_path / "ws"
    with smtp_server(inbox) as server:
        make_workspace(ws, server.port)
        all_asked_again(ws)
        erase(ws, "ua-1", "institution.email")
        today = dt.date.today().strftime("%d.%m.%Y")
        mailed = len(inbox.messages)
        logged = len(log_lines(ws))

        listed = run("status", "-w", ws, "--list")
        (row,) = [line for line in listed.output.splitlines() if line.startswith("ua-1 ")]
        assert f" {OLGA}  (beantwortet: erste; erneut angeschrieben in " in row
        assert "<" not in row and "@" not in row
        shown = json.loads(run("status", "-w", ws, "--json").output)
        (ua,) = [r for r in shown["rows"] if r["id"] == "ua-1"]
        assert (ua["email"], ua["name"]) == ("", OLGA)
        assert shown["without_email"] == ["ua-1"]

        reminder = ("mail", "--overdue", "-w", ws, "--send", "--round", "erinnerung")
        dry = run(*reminder, "--dry-run")
        assert dry.exit_code == 0, dry.output
        real = run(*reminder)
        assert real.exit_code == 0, real.output
        for out in (dry.output, real.output):
            assert (
                "Runde erinnerung (Erinnerung): 3 zu versenden, 0 bereits erledigt, "
                "1 ohne brauchbare E-Mail-Adresse (1 keine)\n"
            ) in out
            assert (
                f"  NICHT VERSANDT ua-1 ({OLGA}): keine E-Mail-Adresse (Versandprotokoll); ihre "
                f"Adresse wurde am {today} gelöscht ({NOTE}); die neue Adresse in einer "
                "Empfängerliste"
            ) in out
        assert "3 von 3 Mails gesendet" in real.output
        assert sorted(r for _, rcpts, _ in inbox.messages[mailed:] for r in rcpts) == [
            "lodz@example.org",
            "markaz@example.org",
            "sule@danisma.example",
        ]
        (not_mailed,) = [e for e in events(ws, "not_mailed") if e["round"] == "erinnerung"]
        assert (not_mailed["institution_id"], not_mailed["email"], not_mailed["reason"]) == (
            "ua-1",
            "",
            "no_email",
        )
        prepared = [e["institution_id"] for e in events(ws, "prepared")]
        assert prepared[-3:] == ["ar-1", "bs-ist", "lodz"]  # no form made for ua-1
        again = run(*reminder)  # the three reminded wait for their new deadline
        assert again.exit_code == 0, again.output
        assert (
            "0 zu versenden, 0 bereits erledigt, 1 ohne brauchbare E-Mail-Adresse" in again.output
        )
        assert len(inbox.messages) == mailed + 3

        mailed = len(inbox.messages)
        for forced in (
            ("mail", "--from-register", "-w", ws, "--send", "--force", "--round", "alle"),
            ("mail", "--stale", "-w", ws, "--send", "--force", "--round", "veraltet"),
        ):
            done = run(*forced)
            assert done.exit_code == 0, done.output
            assert (
                f"  NICHT VERSANDT ua-1 ({OLGA}): keine E-Mail-Adresse (Register: ua-1); ihre "
                f"Adresse wurde am {today} gelöscht ({NOTE}); die neue eintragen: formgen "
                'register set ua-1 institution.email ADRESSE --note "neue Adresse"; bitte auf '
                "anderem Weg Kontakt "
                "aufnehmen"
            ) in done.output
            no_marker(done.output)
        rcpts = [r for _, rs, _ in inbox.messages[mailed:] for r in rs]
        assert "markaz@example.org" in rcpts and len(rcpts) == 2
        no_marker(listed.output, dry.output, real.output, again.output)
        no_marker(*log_lines(ws)[logged:])  # nothing the rounds logged since


def test_an_erased_name_is_shown_as_erased_and_never_as_its_marker(tmp_path: Path) -> None:
    """ar-1's name is erased: 'formgen status --list' says „(gelöscht)“ where the name stood;
    the reminder goes to its address, named by its id, and no output or mail shows the
    marker."""
    inbox = Inbox()
    ws = tmp_path / "ws"
    with smtp_server(inbox) as server:
        make_workspace(ws, server.port)
        all_asked_again(ws)
        erase(ws, "ar-1", "institution.name")
        mailed = len(inbox.messages)
        listed = run("status", "-w", ws, "--list").output
        (row,) = [line for line in listed.splitlines() if line.startswith("ar-1 ")]
        assert " (gelöscht) <markaz@example.org>" in row
        assert MARKAZ not in listed
        rows = json.loads(run("status", "-w", ws, "--json").output)["rows"]
        (ar,) = [r for r in rows if r["id"] == "ar-1"]
        assert (ar["name"], ar["name_erased"], ar["email"]) == ("", True, "markaz@example.org")
        reminded = run("mail", "--overdue", "-w", ws, "--send")
    assert reminded.exit_code == 0, reminded.output
    assert "4 von 4 Mails gesendet" in reminded.output
    assert "  gesendet ar-1 (ar-1) <markaz@example.org>" in reminded.output
    no_marker(listed, reminded.output, *(m.decode() for _, _, m in inbox.messages[mailed:]))


@pytest.mark.parametrize(
    ("address", "why"),
    [
        (".olga@example.org", "ungültige E-Mail-Adresse (Versandprotokoll): „.olga@example.org“"),
        ("olga.@example.org", "ungültige E-Mail-Adresse (Versandprotokoll): „olga.@example.org“"),
        (
            "olga@example\\.org",
            "ungültige E-Mail-Adresse (Versandprotokoll): „olga@example\\.org“",
        ),
        (
            "(erased #1)",
            "keine E-Mail-Adresse (Versandprotokoll); ihre Adresse wurde gelöscht (formgen "
            "register erase); die neue Adresse",
        ),
    ],
)
def test_a_send_log_address_that_is_no_address_is_reported_and_the_round_goes_on(
    tmp_path: Path, address: str, why: str
) -> None:
    """The send log says ua-1's mail went to something no mail header can carry (a log edited
    by hand, or written before formgen checked; the marker of an address erased, without a
    register to say when): the reminder round reports ua-1 NOT MAILED with why, and mails the
    three others; no traceback."""
    inbox = Inbox()
    ws = tmp_path / "ws"
    with smtp_server(inbox) as server:
        make_workspace(ws, server.port)
        assert run("mail", RECIPIENTS, "-w", ws, "--send").exit_code == 0
        deadlines_pass(ws)
        log = ws / "sendlog.jsonl"
        as_json = json.dumps(address)[1:-1]  # a backslash as JSON writes it
        log.write_text(log.read_text("utf-8").replace("olga@example.org", as_json), "utf-8")
        reminded = run("mail", "--overdue", "-w", ws, "--send")
    assert reminded.exit_code == 0, reminded.output
    assert "3 zu versenden, 0 bereits erledigt, 1 ohne brauchbare E-Mail-Adresse" in reminded.output
    assert f"  NICHT VERSANDT ua-1 ({OLGA}): {why}" in reminded.output
    assert "3 von 3 Mails gesendet" in reminded.output
    no_marker(reminded.output)


@pytest.mark.parametrize(
    "address", [".a@example.org", "a.@example.org", "a@exa\\mple.org", "a@exa\x00mple.org"]
)
def test_an_address_no_mail_header_can_carry_is_no_address(address: str) -> None:
    assert check_email(address) is not None


def test_the_send_log_reads_an_erased_name_and_address_as_none_and_shows_no_marker() -> None:
    at = "2026-11-24T09:00:00+01:00"
    base = {"round": "erste", "institution_id": "ua-1", "at": at, "email": "(erased #2)"}
    (d,) = deliveries_from(
        [
            {**base, "event": "prepared", "name": "(erased #1)", "instance_ids": ["A"]},
            {**base, "event": "failed", "error": "550 5.1.1 <(erased #2)>: User unknown"},
            {**base, "event": "not_mailed", "reason": "invalid_email", "name": "(erased #1)",
             "detail": "'(erased #2)' is not an e-mail address (expected name@example.org)"},
        ]
    )  # fmt: skip
    assert (d.name, d.email, d.name_erased, d.email_erased) == ("", "", True, True)
    assert d.last_error == "550 5.1.1 <(erased)>: User unknown"
    assert d.not_mailed_detail.startswith("'(erased)' is not an e-mail address")


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("de", "„(gelöscht)“ ist keine E-Mail-Adresse (erwartet: name@example.org)"),
        ("en", "'(erased)' is not an e-mail address (expected name@example.org)"),
    ],
)
def test_an_erased_address_in_why_not_mailed_is_said_in_the_workspace_language(
    tmp_path: Path, language: str, said: str
) -> None:
    """The send log stores why ua-1 was not mailed with its words, their address the marker
    of an erased one (the log keeps the marker): 'formgen status --list' of a German
    workspace says „(gelöscht)“ there, of an English one '(erased)'."""
    ws = tmp_path / "ws"
    make_workspace(ws, language=language)
    why = check_email("(erased #2)")
    assert why is not None
    line = {
        "event": "not_mailed", "round": "erste", "institution_id": "ua-1", "kind": "invitation",
        "at": "2026-11-24T09:00:00+01:00", "name": OLGA, "email": "(erased #2)",
        "reason": "invalid_email", "detail": why, "detail_said": said_json(why),
    }  # fmt: skip
    (ws / "sendlog.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    listed = run("status", "-w", ws, "--list")
    assert listed.exit_code == 0, listed.output
    (row,) = [line for line in listed.output.splitlines() if line.startswith("ua-1 ")]
    assert row.endswith(said), row
    assert "(erased #" in (ws / "sendlog.jsonl").read_text("utf-8")  # the log is as written
    no_marker(listed.output)
