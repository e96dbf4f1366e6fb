"""Addresses that no mail header can carry, from wherever a round takes them (a recipients
list, the register, the send log): a reported, skipped recipient, never a traceback (a real
SMTP server in-process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from mailkit import Inbox, make_workspace, smtp_server
from test_mail_cli import deadlines_pass
from test_register_returns import RECIPIENTS

from formgen.cli import main
from formgen.recipients import check_email

OLGA = "Ольга Петренко – Консультація"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize(
    "address", [".olga@example.org", "olga.@example.org", "olga@example\\.org"]
)
def test_a_send_log_address_that_is_no_address_is_reported_and_the_round_goes_on(
    tmp_path: Path, address: str
) -> None:
    """The send log says ua-1's mail went to something no mail header can carry (a log edited
    by hand, or written before formgen checked): the reminder round reports ua-1 NOT MAILED
    with why, and mails the three others; no traceback."""
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
    assert "3 to mail, 0 already done, 1 without a usable e-mail address" in reminded.output
    assert f"  NOT MAILED ua-1 ({OLGA}): invalid e-mail address (send log): '" in reminded.output
    assert "3 of 3 mails sent" in reminded.output


@pytest.mark.parametrize(
    "address", [".a@example.org", "a.@example.org", "a@exa\\mple.org", "a@exa\x00mple.org"]
)
def test_an_address_no_mail_header_can_carry_is_no_address(address: str) -> None:
    assert check_email(address) is not None
