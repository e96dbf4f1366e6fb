"""formgen mail --send against a real SMTP server in-process (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import base64
import datetime as dt
import getpass
import io
import json
import mailbox
import os
import re
import resource
import signal
import socket
import subprocess
import sys
from dataclasses import replace
from email import message_from_bytes, policy
from email.header import decode_header
from email.message import EmailMessage
from email.utils import encode_rfc2231
from pathlib import Path

import pytest
from aiosmtpd.smtp import AuthResult
from click.testing import CliRunner, Result
from mailkit import (
    Inbox,
    free_port,
    header_text,
    identity_in,
    make_workspace,
    pdf_value,
    renderers,
    self_signed,
    smtp_server,
)
from pdf_engines import pdfium_fill
from register_support import SCHEMA, YILMAZ, institution_form
from test_mail_cli import deadlines_pass, write_register
from test_register_returns import mailed_form
from test_terminal_encoding import piped

import formgen.workspace
from formgen.bounces import MAX_MAIL_BYTES, read_bounces
from formgen.cli import main
from formgen.errors import UnreadableFileError
from formgen.forms import FormRequest, new_identity
from formgen.mailing import build_message, shipped_template
from formgen.mailrun import SmtpSender, smtp_settings
from formgen.messages import in_language
from formgen.recipients import Recipient
from formgen.sendlog import SendLog
from formgen.smtp import RateLimiter, SmtpTransport
from ingest import values
from ingest.register import Register

DATA = Path(__file__).parent / "data" / "mail"


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def log_events(ws: Path) -> list[dict]:
    return [json.loads(line) for line in (ws / "sendlog.jsonl").read_text("utf-8").splitlines()]


def issued(ws: Path) -> dict[str, dict]:
    out = {}
    for line in (ws / "issued.jsonl").read_text("utf-8").splitlines():
        d = json.loads(line)
        out[d["formgen.instance_id"]] = d
    return out


def test_every_mail_arrives_with_its_own_forms_byte_identical(tmp_path):
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        csv = DATA / "excel_utf8_bom.csv"
        result = run(
            "mail",
            str(csv),
            "-w",
            str(ws),
            "--send",
            "--format",
            "both",
            "--deadline",
            (dt.date.today() + dt.timedelta(days=30)).isoformat(),  # never in the past
        )
    assert result.exit_code == 0, result.output
    assert "4 von 4 Mails gesendet" in result.output
    received = inbox.by_rcpt()
    assert sorted(received) == [
        "lodz@example.org",
        "markaz@example.org",
        "olga@example.org",
        "sule@danisma.example",
    ]
    expected_names = {
        "sule@danisma.example": ("bs-ist", "Şule Yılmaz Danışmanlık"),
        "olga@example.org": ("ua-1", "Ольга Петренко – Консультація"),
        "lodz@example.org": ("lodz", "Poradnia Łódź"),
        "markaz@example.org": ("ar-1", "مركز الاستشارة"),
    }
    identities = issued(ws)
    sent = {e["institution_id"]: e for e in log_events(ws) if e["event"] == "prepared"}
    for rcpt, msg in received.items():
        iid, name = expected_names[rcpt]
        assert header_text(msg, "To") == f"{name} <{rcpt}>"
        assert name in header_text(msg, "Subject")
        assert header_text(msg, "From") == "SPKoM Düsseldorf <spkom@example.org>"
        assert msg["X-Formgen-Institution"] == iid
        atts = list(msg.iter_attachments())
        assert [a.get_filename().rsplit(".", 1)[1] for a in atts] == ["pdf", "docx"]
        assert all(name.replace(" ", "_") in a.get_filename() for a in atts)
        files = sent[iid]["files"]
        for att, f in zip(atts, files, strict=True):
            # byte-identical to the form generated and kept in the workspace
            assert att.get_content() == (ws / f["path"]).read_bytes()
            # and that form was made for this institution: the identity in the file itself,
            # the one recorded as issued, and the prefilled name all say so
            suffix = "." + att.get_filename().rsplit(".", 1)[1]
            carried = identity_in(att.get_content(), suffix)
            assert carried["formgen.institution_id"] == iid
            assert carried["formgen.instance_id"] == f["instance_id"]
            assert identities[f["instance_id"]]["formgen.institution_id"] == iid
            if suffix == ".pdf":
                assert pdf_value(att.get_content(), "institution.name") == name
        assert msg["X-Formgen-Instance"] == sent[iid]["instance_ids"][0]
        # the run's line names the institution as the coordinator knows it, any script; the
        # Message-ID, which she has no use for, only in the send log (and with --verbose)
        assert f"  gesendet {iid} ({name}) <{rcpt}>" in result.output.splitlines()
        logged = [e for e in log_events(ws) if e["event"] == "sent" and e["institution_id"] == iid]
        assert [e["message_id"] for e in logged] == [msg["Message-ID"]]
    assert "Message-ID" not in result.output
    # a second run sends nothing again
    with smtp_server(inbox) as server:
        _set_port(ws, server.port)
        again = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
    assert again.exit_code == 0, again.output
    assert "0 zu versenden, 4 bereits erledigt" in again.output
    # when, as the clock on the wall says it
    assert re.search(
        r"  übersprungen ar-1 \(مركز الاستشارة\): bereits gesendet in Runde Einladung \d{4} "
        r"\(\d{4}-\d\d-\d\d \d\d:\d\d\)\n",
        again.output,
    ), again.output
    assert len(inbox.messages) == 4


def test_attachment_names_beyond_ascii_are_given_both_ways_for_outlook(tmp_path):
    """Classic Outlook over POP/IMAP shows an attachment named only RFC 2231's way
    (``filename*=utf-8''…``) as „Unbenannte Anlage“ (MimeKit #186, MailKit #1041): each name is
    given as RFC 2047 words too, ``name="=?utf-8?b?…?="`` on Content-Type and ``filename=`` on
    Content-Disposition, and Python still reads the name once, as written."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        args = ("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert run(*args, "--format", "both").exit_code == 0
    assert len(inbox.messages) == 4
    for (_, _, raw), msg in zip(inbox.messages, inbox.parsed(), strict=True):
        assert raw.isascii()
        atts = list(msg.iter_attachments())
        assert len(atts) == 2
        names = [a.get_filename() for a in atts]
        assert all(not n.isascii() for n in names), names  # every one has a letter beyond ASCII
        parts = raw.split(b"\r\n\r\n")
        heads = [p.decode() for p in parts if b"Content-Disposition: attachment" in p]
        for head, name in zip(heads, names, strict=True):
            lines = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
            ctype, disp = lines["Content-Type"], lines["Content-Disposition"]
            assert f"filename*={encode_rfc2231(name, 'utf-8')}" in disp
            for header, key in ((ctype, "name"), (disp, "filename")):
                (words,) = re.findall(rf'(?:^|; ){key}="([^"]*)"', header)
                assert all(len(w) <= 75 for w in words.split())  # RFC 2047's limit per word
                decoded = "".join(
                    part.decode(charset) if isinstance(part, bytes) else part
                    for part, charset in decode_header(words)
                )
                assert decoded == name
            assert "name*=" not in ctype


def _set_port(ws: Path, port: int) -> None:
    toml = ws / "workspace.toml"
    lines = [
        f"port = {port}" if line.startswith("port = ") else line
        for line in toml.read_text().splitlines()
    ]
    toml.write_text("\n".join(lines) + "\n")


def test_refused_recipient_is_logged_and_only_it_is_retried(tmp_path):
    inbox = Inbox(reject={"olga@example.org"})
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        first = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert first.exit_code == 1
        assert (
            "ABGEWIESEN ua-1 (Ольга Петренко – Консультація) <olga@example.org>: 550 5.1.1"
            in first.output
        )
        # a 550 is for good: waiting does not help, a corrected address does
        said = " ".join(first.output.split())
        assert (
            "Fehler: 1 Mail vom Server endgültig abgewiesen (ABGEWIESEN oben: an diese Adresse "
            "nimmt er keine Mail an; in sendlog.jsonl vermerkt, keine Runde schreibt sie wieder "
            "an): die Adresse in der Empfängerliste oder im Register korrigieren oder die "
            "Einrichtung auf anderem Weg nach ihrer Adresse fragen; dann denselben Befehl noch "
            "einmal ausführen"
        ) in said
        assert "abwarten" not in said
        assert len(inbox.messages) == 3
        failed = [e for e in log_events(ws) if e["event"] == "failed"]
        assert [(e["institution_id"], e["code"], e["permanent"]) for e in failed] == [
            ("ua-1", 550, True)
        ]
        # never reached, its address refused for good: status counts it not mailed, by its
        # reason, as the rerun below counts it ('1 ohne brauchbare E-Mail-Adresse (1 abgewiesen)')
        status = run("status", "-w", str(ws), "--list")
        assert "fehlgeschlagen     0\n" in status.output
        assert (
            "nicht versandt (keine brauchbare Adresse) 1 (1 abgewiesen)  → die Adresse in der "
            "Empfängerliste oder im Register ergänzen oder korrigieren" in status.output
        )
        (row,) = [line for line in status.output.splitlines() if line.startswith("ua-1 ")]
        assert row.split()[1:3] == ["nicht", "versandt"]
        assert row.endswith(
            "die Adresse olga@example.org wurde vom Server abgewiesen (550 5.1.1 "
            "<olga@example.org>: Recipient address rejected: User unknown) in Runde "
            f"Einladung {dt.date.today().year} am {dt.date.today():%d.%m.%Y}"
        )
        (by_round,) = json.loads(run("status", "-w", str(ws), "--json").output)["rounds"]
        assert [by_round[k] for k in ("mailed", "waiting", "failed", "not_mailed")] == [3, 3, 0, 1]

        inbox.reject.clear()  # the mailbox exists again, as the coordinator learns
        # the same command again does not try an address refused for good ...
        same = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert same.exit_code == 0, same.output
        assert (
            "0 zu versenden, 3 bereits erledigt, 1 ohne brauchbare E-Mail-Adresse (1 abgewiesen)"
            in (same.output)
        )
        assert len(inbox.messages) == 3
        # ... --force does
        second = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send", "--force")
    assert second.exit_code == 0, second.output
    assert "1 zu versenden, 3 bereits erledigt" in second.output
    assert [rcpts for _, rcpts, _ in inbox.messages].count(["olga@example.org"]) == 1
    assert len(inbox.messages) == 4
    # the retry carries the form prepared for the first attempt (no second instance for ua-1)
    prepared = [
        e for e in log_events(ws) if e["event"] == "prepared" and e["institution_id"] == "ua-1"
    ]
    assert len(prepared) == 1
    assert (
        inbox.by_rcpt()["olga@example.org"]["X-Formgen-Instance"] == prepared[0]["instance_ids"][0]
    )


def test_a_mail_left_in_doubt_by_a_killed_run_is_shown_as_maybe_sent(tmp_path):
    """A run killed (kill -9) while the server took a mail leaves a ``sending`` line with no
    answer after it: status said „vorbereitet (Formulare erstellt, noch nicht versandt)“ of a
    mail the institution may well have; it says maybe sent, and what to do."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send").exit_code == 0
    log = ws / "sendlog.jsonl"
    lines = log.read_text("utf-8").splitlines(keepends=True)
    sent = next(i for i, line in enumerate(lines) if '"event": "sent"' in line)
    assert '"event": "sending"' in lines[sent - 1]
    iid = json.loads(lines[sent])["institution_id"]
    log.write_text("".join(lines[:sent] + lines[sent + 1 :]), "utf-8")  # as kill -9 leaves it

    status = " ".join(run("status", "-w", str(ws)).output.split())
    listed = run("status", "-w", str(ws), "--list").output
    rows = json.loads(run("status", "-w", str(ws), "--json").output)["rows"]

    assert (
        "vorbereitet 1 (Formulare erstellt, noch nicht versandt; davon 1 möglicherweise "
        "gesendet: ein Lauf endete, während die Mail an den Server ging"
    ) in status
    (line,) = (line for line in listed.splitlines() if line.startswith(iid))
    assert "möglicherweise gesendet: ein Lauf vom " in line
    assert [(r["id"], r["state"]) for r in rows if r["maybe_sent"]] == [(iid, "prepared")]


def test_connection_dropped_mid_batch_rerun_sends_only_the_missing(tmp_path):
    inbox = Inbox(drop_at=3)
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        first = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert first.exit_code == 1
        assert (
            "VIELLEICHT NICHT ZUGESTELLT lodz (Poradnia Łódź) <lodz@example.org>: die Verbindung zu"
            in first.output
        )
        assert "ist abgebrochen" in first.output and "abgebrochen nach 3 von 4" in first.output
        assert "LOST" not in first.output
        assert "Denselben Befehl noch einmal ausführen, um den Rest zu senden" in first.output
        assert len(inbox.messages) == 2
        second = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
    assert second.exit_code == 0, second.output
    assert "2 zu versenden, 2 bereits erledigt" in second.output
    rcpts = sorted(r for _, rs, _ in inbox.messages for r in rs)
    assert rcpts == [
        "lodz@example.org",
        "markaz@example.org",
        "olga@example.org",
        "sule@danisma.example",
    ]


def test_connection_dropped_after_the_server_kept_a_mail_says_it_may_come_twice(tmp_path):
    """SMTP cannot tell whether a mail whose confirmation never came was delivered: the run says
    so, and a rerun sends it again (better twice than not at all)."""
    inbox = Inbox(drop_after_accept=2)
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        first = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert first.exit_code == 1
        assert (
            "VIELLEICHT NICHT ZUGESTELLT ua-1 (Ольга Петренко – Консультація) <olga@example.org>: die Verbindung zu"
            in first.output
        )
        assert "diese Mail ist vielleicht zugestellt worden, vielleicht nicht" in first.output
        assert (
            "Die Mail an ua-1 ist vielleicht zugestellt worden, vielleicht nicht (keine "
            "Bestätigung). Denselben Befehl noch einmal ausführen, um den Rest zu senden: Er "
            "sendet die Mail an ua-1 noch einmal, diese Einrichtung bekommt sie also vielleicht "
            "doppelt; die Mails davor werden nicht noch einmal gesendet"
        ) in first.output
        assert [rs for _, rs, _ in inbox.messages] == [
            ["sule@danisma.example"],
            ["olga@example.org"],
        ]
        second = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
    assert second.exit_code == 0, second.output
    assert "3 zu versenden, 1 bereits erledigt" in second.output
    rcpts = [r for _, rs, _ in inbox.messages for r in rs]
    assert rcpts.count("olga@example.org") == 2 and len(rcpts) == 5


def _auth(expected_password: str):
    def check(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == b"spkom" and auth_data.password == expected_password.encode()
        return AuthResult(success=ok, handled=False)

    return check


def _mail_again_with_a_login(ws: Path) -> Result:
    """The same round again, with the login the server asked for added to the settings."""
    with open(ws / "workspace.toml", "a", encoding="utf-8") as fh:
        fh.write('user = "spkom"\n')
    return run(
        "mail",
        str(DATA / "excel_utf8_bom.csv"),
        "-w",
        str(ws),
        "--send",
        env={"FORMGEN_SMTP_PASSWORD": "geheim"},
    )


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_tls_and_login_password_from_environment_never_stored(tmp_path, security):
    server_ctx, _ = self_signed(tmp_path)
    password = "geheim-Pässwort-42"
    inbox = Inbox()
    if security == "starttls":
        kwargs = {"tls_context": server_ctx, "require_starttls": True, "auth_required": True}
    else:  # aiosmtpd does not see implicit TLS, so it must be told that AUTH is fine here
        kwargs = {"ssl_context": server_ctx, "auth_require_tls": False}
    with smtp_server(inbox, authenticator=_auth(password), **kwargs) as server:
        ws = make_workspace(
            tmp_path / "ws",
            server.port,
            security,
            f'user = "spkom"\ncafile = "{tmp_path / "cert.pem"}"\n',
        ).root
        # security = none is refused for a real host; here the TLS modes are the real thing
        result = run(
            "mail",
            str(DATA / "excel_cp1252.csv"),
            "-w",
            str(ws),
            "--send",
            env={"FORMGEN_SMTP_PASSWORD": password},
        )
        assert result.exit_code == 0, result.output
        assert len(inbox.messages) == 3  # wohn-2 has no address
        assert (
            "NICHT VERSANDT wohn-2 (Betreutes Wohnen Meerbusch): keine E-Mail-Adresse"
            in result.output
        )
        wrong = run(
            "mail",
            str(DATA / "excel_cp1252.csv"),
            "-w",
            str(ws),
            "--send",
            "--round",
            "second",
            "--force",  # the forms of the first round are still on their way
            env={"FORMGEN_SMTP_PASSWORD": "falsch"},
        )
    assert wrong.exit_code == 1
    assert "Anmeldung als spkom abgewiesen (535); Benutzer und Passwort prüfen" in wrong.output
    for path in ws.rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path
            assert b"falsch" not in path.read_bytes(), path
    assert password not in result.output and "falsch" not in wrong.output


def test_server_requiring_a_login_stops_the_round_and_says_to_add_user(tmp_path):
    server_ctx, _ = self_signed(tmp_path)
    inbox = Inbox()
    kwargs = {"tls_context": server_ctx, "require_starttls": True, "auth_required": True}
    with smtp_server(inbox, authenticator=_auth("geheim"), **kwargs) as server:
        ws = make_workspace(
            tmp_path / "ws", server.port, "starttls", f'cafile = "{tmp_path / "cert.pem"}"\n'
        ).root  # no user: the server answers MAIL FROM with 530
        result = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert result.exit_code == 1
        assert (
            f"Fehler: 127.0.0.1:{server.port}: der Server verlangt eine Anmeldung "
            '(530 5.7.0 Authentication required); user = "sie@example.org"' in result.output
        )
        assert "unter [smtp] in workspace.toml eintragen" in result.output
        assert "FORMGEN_SMTP_PASSWORD" in result.output
        assert "REFUSED" not in result.output and "sender refused" not in result.output
        # the first 530 ends the round: nobody else is tried, nobody is marked as failed
        assert inbox.messages == []
        assert [e["event"] for e in log_events(ws)] == ["prepared", "sending", "not_sent"]
        status = json.loads(run("status", "-w", str(ws), "--json").output)
        assert status["counts"]["failed"] == 0 and status["counts"]["prepared"] == 1
        # with the login added, the same command sends all four
        again = _mail_again_with_a_login(ws)
    assert again.exit_code == 0, again.output
    assert "4 zu versenden, 0 bereits erledigt" in again.output
    assert len(inbox.messages) == 4


@pytest.mark.parametrize(
    ("stage", "reply"),
    [
        ("RCPT", "530 5.7.0 Authentication required"),
        ("DATA", "530 5.7.0 Authentication required"),
        ("RCPT", "550 5.7.1 Client was not authenticated: authentication required"),
        ("RCPT", "553 5.7.1 <spkom@example.org>: Sender address rejected: not logged in"),
    ],
)
def test_server_asking_for_a_login_at_rcpt_or_data_stops_the_round_and_refuses_nobody(
    tmp_path, stage, reply
):
    # a server that takes mail for some addresses without a login, but not for Łódź's
    inbox = Inbox(login_for={"lodz@example.org"}, login_at=stage, login_reply=reply)
    kwargs = {"authenticator": _auth("geheim"), "auth_require_tls": False}
    with smtp_server(inbox, **kwargs) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        result = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert result.exit_code == 1
        assert (
            f"Fehler: 127.0.0.1:{server.port}: der Server verlangt eine Anmeldung ({reply}); "
            'user = "sie@example.org"' in result.output
        )
        assert "REFUSED" not in result.output
        # the run says what went out before the stop, then why it stopped (like a lost connection)
        sent_lines = [line for line in result.output.splitlines() if line.startswith("  gesendet ")]
        assert [line.split(" (")[0] for line in sent_lines] == [
            "  gesendet bs-ist",
            "  gesendet ua-1",
        ]
        assert (
            "  gesendet ua-1 (Ольга Петренко – Консультація) <olga@example.org>"
            in result.output.splitlines()
        )
        assert result.output.index("2 von 4 Mails gesendet") < result.output.index("Fehler: ")
        # the two mails before Łódź stay sent; Łódź is not marked as failed, Arabic not tried
        assert [rcpts for _, rcpts, _ in inbox.messages] == [
            ["sule@danisma.example"],
            ["olga@example.org"],
        ]
        events = [(e["event"], e["institution_id"]) for e in log_events(ws)]
        assert events == [
            ("prepared", "bs-ist"),
            ("sending", "bs-ist"),
            ("sent", "bs-ist"),
            ("prepared", "ua-1"),
            ("sending", "ua-1"),
            ("sent", "ua-1"),
            ("prepared", "lodz"),
            ("sending", "lodz"),
            ("not_sent", "lodz"),  # the server took no mail: the rerun says nothing of it
        ]
        status = json.loads(run("status", "-w", str(ws), "--json").output)
        assert status["counts"]["failed"] == 0 and status["counts"]["prepared"] == 1
        # with the login added, the same command sends the two still missing, nobody twice
        again = _mail_again_with_a_login(ws)
    assert again.exit_code == 0, again.output
    assert "2 zu versenden, 2 bereits erledigt" in again.output
    assert "möglicherweise" not in again.output
    assert sorted(r for _, rcpts, _ in inbox.messages for r in rcpts) == [
        "lodz@example.org",
        "markaz@example.org",
        "olga@example.org",
        "sule@danisma.example",
    ]


QUOTA = (
    "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to "
    "process message due to a permanent exception"
)


@pytest.mark.parametrize(
    ("stage", "reply", "advice"),
    [
        ("MAIL", QUOTA, "Tageslimit, z. B. bei Microsoft 365); denselben Befehl morgen erneut"),
        # Microsoft 365 says the day's quota after the mail was sent too
        ("DATA", QUOTA, "Tageslimit, z. B. bei Microsoft 365); denselben Befehl morgen erneut"),
        ("DATA", "500 Error: internal server error", "fragen, was diese Antwort bedeutet"),
        # the sender's mailbox is full (Microsoft 365 keeps what SMTP sends in Sent Items)
        (
            "DATA",
            "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException."
            "MapiExceptionShutoffQuotaExceeded",
            "das Absenderpostfach ist voll",
        ),
        ("RCPT", "550 5.2.252 Sender throttled due to continuous send as denied errors", "was"),
        ("DATA", "550 5.7.60 SMTP; Client does not have permissions to send as this sender", "was"),
        ("RCPT", "554 5.7.1 <lodz@example.org>: Relay access denied", "Antwort bedeutet"),
        # Microsoft 365's account blocked for sending spam: a 5.1.x, but the sender's (RFC 3463)
        ("RCPT", "550 5.1.8 Access denied, bad outbound sender", "Antwort bedeutet"),
        # Postfix says its no to the sender in reply to RCPT TO (smtpd_delay_reject)
        (
            "RCPT",
            "553 5.7.1 <spkom@example.org>: Sender address rejected: not owned by user web1",
            "Antwort bedeutet",
        ),
        # a Postfix policy's no to the DATA command itself, before the mail is sent
        (
            "DATA command",
            "554 5.7.1 <DATA>: Data command rejected: only 10 messages per day",
            "was",
        ),
    ],
)
def test_a_server_refusing_the_sender_or_the_mail_stops_the_round_and_refuses_nobody(
    tmp_path, stage, reply, advice
):
    # the third mail (Łódź's) is refused: at MAIL FROM after two mails (the day's quota), or
    # at DATA or RCPT TO for reasons that are not the address's
    if stage == "MAIL":
        inbox = Inbox(mail_from_reply=reply, mail_from_after=2)
    elif stage == "DATA command":
        inbox = Inbox(data_command_reply=reply, data_command_after=2)
    else:
        inbox = Inbox(login_for={"lodz@example.org"}, login_at=stage, login_reply=reply)
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        result = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert result.exit_code == 1
        assert (
            f"Fehler: 127.0.0.1:{server.port}: der Server hat die Mail selbst abgelehnt, nicht "
            f"ihren Empfänger ({reply}), daher hält die Runde hier an; keine Adresse wird als "
            "abgewiesen vermerkt" in " ".join(result.output.split())
        )
        assert advice in " ".join(result.output.split())
        assert "ABGEWIESEN" not in result.output and "korrigieren" not in result.output
        assert result.output.index("2 von 4 Mails gesendet") < result.output.index("Fehler: ")
        assert len(inbox.messages) == 2
        assert [(e["event"], e["institution_id"]) for e in log_events(ws)][-3:] == [
            ("prepared", "lodz"),
            ("sending", "lodz"),
            ("not_sent", "lodz"),  # nobody's address is marked, the Arabic centre not tried
        ]
        status = json.loads(run("status", "-w", str(ws), "--json").output)
        assert status["counts"]["failed"] == 0 and status["counts"]["prepared"] == 1
        # the quota is back (the mail smaller, the provider asked): the same command sends the rest
        inbox.mail_from_reply = inbox.data_command_reply = ""
        inbox.login_for.clear()
        again = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
    assert again.exit_code == 0, again.output
    assert "2 zu versenden, 2 bereits erledigt" in again.output
    assert "NICHT VERSANDT" not in again.output and "möglicherweise" not in again.output
    assert sorted(r for _, rcpts, _ in inbox.messages for r in rcpts) == [
        "lodz@example.org",
        "markaz@example.org",
        "olga@example.org",
        "sule@danisma.example",
    ]


@pytest.mark.parametrize(
    "reply",
    [
        "552 5.3.4 Message size exceeds fixed limit",  # Postfix's message_size_limit
        "552 Message size exceeds maximum permitted",  # Exim's, with no enhanced code
        "552 5.7.0 This message was blocked because its content presents a potential security "
        "issue",  # Gmail
        "554 5.7.1 Spam message rejected",  # a spam filter's milter behind Postfix
        "550 5.7.1 Message content rejected",  # Postfix's body_checks
        "554 5.6.0 Mail message is malformed. Not accepted.",  # Gmail
    ],
)
def test_a_server_refusing_one_mail_for_its_size_or_content_refuses_it_alone_and_goes_on(
    tmp_path, reply
):
    """The server reads Łódź's mail and refuses it for itself (too big, spam judged on its
    content): that mail is MAIL ABGELEHNT with the server's words, the round goes on to the
    Arabic centre, no address is marked refused, and the same command sends it again."""
    inbox = Inbox(login_for={"lodz@example.org"}, login_at="DATA", login_reply=reply)
    listed = str(DATA / "excel_utf8_bom.csv")
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        result = run("mail", listed, "-w", str(ws), "--send")
        assert result.exit_code == 1
        assert (
            f"  MAIL ABGELEHNT lodz (Poradnia Łódź) <lodz@example.org>: {reply}\n" in result.output
        )
        said = " ".join(result.output.split())
        assert "3 von 4 Mails gesendet" in said and "ABGEWIESEN" not in said
        assert (
            "Fehler: 1 Mail vom Server selbst abgelehnt, nicht ihr Empfänger (MAIL ABGELEHNT oben: "
            "ihre Größe oder ihr Inhalt; keine Adresse wird als abgewiesen vermerkt): zu groß"
        ) in said
        assert said.endswith("dann denselben Befehl noch einmal ausführen")
        assert sorted(r for _, rcpts, _ in inbox.messages for r in rcpts) == [
            "markaz@example.org",
            "olga@example.org",
            "sule@danisma.example",
        ]
        (failed,) = [e for e in log_events(ws) if e["event"] == "failed"]
        assert (failed["institution_id"], failed["error"], failed["permanent"]) == (
            "lodz",
            reply,
            False,
        )
        status = json.loads(run("status", "-w", str(ws), "--json").output)
        assert status["counts"]["failed"] == 1 and status["refused_for_good"] == 0
        (row,) = [r for r in status["rows"] if r["id"] == "lodz"]
        assert (row["state"], row["error"], row["mail_refused"]) == ("failed", reply, True)
        shown = run("status", "-w", str(ws), "--list").output
        (line,) = [x for x in shown.splitlines() if x.startswith("lodz ")]
        assert line.endswith(
            "→ der Server hat die Mail selbst abgelehnt, nicht die Adresse: zu groß? nur ein "
            "Formular senden (--format pdf); sonst den Anbieter des Mailservers fragen, was seine "
            f"Antwort bedeutet; dann den Befehl der Runde Einladung {dt.date.today().year} "
            "erneut ausführen"
        )
        # the form made smaller, or the provider asked: the same command sends it, and only it
        inbox.login_for.clear()
        again = run("mail", listed, "-w", str(ws), "--send")
    assert again.exit_code == 0, again.output
    assert "1 zu versenden, 3 bereits erledigt, 0 ohne brauchbare E-Mail-Adresse" in again.output
    assert [rcpts for _, rcpts, _ in inbox.messages][-1] == ["lodz@example.org"]
    assert len(inbox.messages) == 4


def test_the_same_refusal_of_three_mails_in_a_row_is_no_one_mails_fault_and_stops_the_round(
    tmp_path,
):
    """Every mail is too big for the server: the first two are MAIL ABGELEHNT each, the third
    alike stops the round (it would refuse every mail of a round of 300), and says why."""
    reply = "552 5.3.4 Message size exceeds fixed limit"
    everyone = {"sule@danisma.example", "olga@example.org", "lodz@example.org"}
    inbox = Inbox(login_for=everyone, login_at="DATA", login_reply=reply)
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        result = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert said.count("MAIL ABGELEHNT") == 2 and "0 von 4 Mails gesendet" in said
    assert (
        f"Fehler: 127.0.0.1:{server.port}: der Server hat die Mail selbst abgelehnt, nicht ihren "
        f"Empfänger ({reply}; 3 Mails nacheinander so abgelehnt: nicht eine einzelne Mail ist "
        "schuld), daher hält die Runde hier an"
    ) in said
    assert "nur ein Formular senden (--format pdf)" in said
    events = [(e["event"], e["institution_id"]) for e in log_events(ws) if e["event"] != "prepared"]
    assert events[-2:] == [("sending", "lodz"), ("not_sent", "lodz")]
    assert "ar-1" not in {iid for _, iid in events}  # not tried


def test_a_quota_refusal_an_older_formgen_logged_as_the_recipients_blocks_no_address(tmp_path):
    # an older formgen logged a 554 to MAIL FROM as the recipient's, refused for good
    inbox = Inbox(mail_from_reply=QUOTA, mail_from_after=2)
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code
        lines = (ws / "sendlog.jsonl").read_text("utf-8").splitlines()
        last = json.loads(lines[-1])
        assert last["event"] == "not_sent"
        old = {**last, "event": "failed", "error": f"sender refused: {QUOTA}"}
        old.update(code=554, permanent=True)
        lines[-1] = json.dumps(old, ensure_ascii=False)
        (ws / "sendlog.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        status = run("status", "-w", str(ws)).output
        assert "endgültig abgewiesen" not in status and "erneut ausführen" in status
        inbox.mail_from_reply = ""
        again = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
    assert again.exit_code == 0, again.output
    assert "2 zu versenden, 2 bereits erledigt" in again.output
    assert "NICHT VERSANDT" not in again.output
    assert "lodz@example.org" in [r for _, rcpts, _ in inbox.messages for r in rcpts]


def test_untrusted_certificate_is_a_clear_error(tmp_path):
    server_ctx, _ = self_signed(tmp_path)
    with smtp_server(Inbox(), tls_context=server_ctx, require_starttls=True) as server:
        ws = make_workspace(tmp_path / "ws", server.port, "starttls").root
        result = run("mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send")
    assert result.exit_code == 1
    assert "dem Zertifikat des Servers wird nicht vertraut (self-signed certificate)" in (
        result.output
    )
    assert '[smtp] cafile = "ca.pem"' in result.output
    assert not any(e["event"] == "sent" for e in log_events(ws))


def test_a_host_name_the_certificate_does_not_cover_says_the_names_it_does(tmp_path):
    server_ctx, _ = self_signed(tmp_path)  # for 127.0.0.1 only
    with smtp_server(Inbox(), tls_context=server_ctx, require_starttls=True) as server:
        cafile = f'cafile = "{tmp_path / "cert.pem"}"\n'
        ws = make_workspace(tmp_path / "ws", server.port, "starttls", cafile).root
        toml = ws / "workspace.toml"
        toml.write_text(toml.read_text("utf-8").replace('"127.0.0.1"', '"localhost"'), "utf-8")
        result = run("mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send")
    assert result.exit_code == 1
    assert (
        f"localhost:{server.port}: das Zertifikat des Servers gilt für 127.0.0.1, nicht für "
        "localhost; diesen Namen als host unter [smtp]"
    ) in " ".join(result.output.split())
    assert not any(e["event"] == "sent" for e in log_events(ws))


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_cafile_that_does_not_exist_is_said_before_the_round_is_planned(tmp_path, dry_run):
    ws = make_workspace(tmp_path / "ws", free_port(), "starttls", 'cafile = "nichtda.pem"\n').root
    args = ["mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send"]
    result = run(*args, *(["--dry-run"] if dry_run else []))
    assert result.exit_code == 1
    assert "zu versenden" not in result.output and "Errno" not in result.output
    assert f"[smtp] cafile = '{ws / 'nichtda.pem'}': diese Datei gibt es nicht" in " ".join(
        result.output.split()
    )


def test_a_relay_on_this_machine_without_starttls_is_told_security_none(tmp_path):
    """A test server or a local Postfix offers no STARTTLS: for localhost the message names the
    setting that sends to it, and with that setting the mail arrives."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port, "starttls").root
        result = run("mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send")
        assert result.exit_code == 1
        assert (
            f"Fehler: 127.0.0.1:{server.port}: der Server bietet kein STARTTLS an; security = 'ssl' "
            "(Port 465) verwenden oder, für einen Relay-Server auf diesem Rechner, security = "
            "'none'" in result.output
        )
        toml = ws / "workspace.toml"
        toml.write_text(toml.read_text("utf-8").replace('"starttls"', '"none"'), "utf-8")
        result = run("mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send")
    assert result.exit_code == 0, result.output
    assert len(inbox.messages) == 3


def test_dry_run_sends_makes_and_logs_nothing(tmp_path):
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        result = run("mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send", "--dry-run")
    assert result.exit_code == 0, result.output
    assert (
        "würde versenden an kbs-01 (Kontakt- und Beratungsstelle Düsseldorf-Süd) "
        "<kbs@beispiel-duesseldorf.de>: „Kontakt- und Beratungsstelle (ggf. auch, Kontaktzentrum, "
        "Psychosoziales oder Sozialpsychiatrisches Zentrum etc. genannt)“ als pdf" in result.output
    )
    assert "Probelauf: nichts wurde erstellt, versandt oder protokolliert" in result.output
    assert "(none), keine Begrenzung der Mails pro Minute" in result.output  # [smtp] rate = 0
    assert inbox.messages == []
    assert not (ws / "sendlog.jsonl").exists() and not (ws / "issued.jsonl").exists()


def test_a_dry_run_says_a_fractional_pace_as_the_workspace_language_writes_it(tmp_path):
    for language, pace in (("de", "höchstens 0,5/min"), ("en", "at most 0.5/min")):
        ws = make_workspace(tmp_path / language, 2525, language=language).root
        listed = str(DATA / "excel_cp1252.csv")
        result = run("mail", listed, "-w", str(ws), "--send", "--dry-run", "--rate", "0.5")
        assert result.exit_code == 0, result.output
        assert f"127.0.0.1:2525 (none), {pace}\n" in result.output


def test_no_mail_sent_says_sent_not_written(tmp_path):
    inbox = Inbox(reject={"kbs@beispiel-duesseldorf.de"})
    csv = tmp_path / "one.csv"
    csv.write_text(
        "id;institution;email;categories;region\n"
        "kbs-01;Beratungsstelle;kbs@beispiel-duesseldorf.de;krisendienst;\n",
        "utf-8",
    )
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        result = run("mail", str(csv), "-w", str(ws), "--send")
    assert result.exit_code == 1
    assert "0 von 1 Mails gesendet" in result.output and "written" not in result.output


def test_mixed_failures_say_which_need_a_new_address(tmp_path):
    inbox = Inbox(reject={"olga@example.org"}, greylist={"markaz@example.org"})
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 1
    # the 451 needs a rerun; the 550, never reached, a new address: not mailed, as a rerun says
    status = run("status", "-w", str(ws)).output
    assert (
        "fehlgeschlagen     1  (nicht zugestellt; denselben formgen-mail-Befehl erneut ausführen)"
        in status
    )
    assert "nicht versandt (keine brauchbare Adresse) 1 (1 abgewiesen)  → die Adresse" in status
    as_json = json.loads(run("status", "-w", str(ws), "--json").output)
    assert as_json["counts"]["failed"] == 1 and as_json["refused_for_good"] == 0
    assert as_json["not_mailed"] == 1


def test_no_server_listening_says_what_to_check(tmp_path):
    port = free_port()  # nothing listens there
    ws = make_workspace(tmp_path / "ws", port).root
    result = run("mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send")
    assert result.exit_code == 1
    assert f"Fehler: keine Verbindung zum SMTP-Server 127.0.0.1:{port}: " in result.output
    assert (
        "; host und port unter [smtp] in workspace.toml prüfen, ob der Mailserver läuft und ob "
        "dieser Rechner ihn erreicht (Netzwerk, VPN, Firewall)" in result.output
    )
    assert not any(e["event"] in ("sent", "failed") for e in log_events(ws))


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]], ids=["send", "dry-run"])
def test_no_smtp_settings_says_how_to_add_them_before_any_plan(
    tmp_path: Path, dry_run: list[str]
) -> None:
    """The settings are checked first: no round is shown (a dry run's plan too) and nothing
    is logged, not even the institution without an address as not mailed."""
    ws = make_workspace(tmp_path / "ws").root
    listed = tmp_path / "Liste.csv"
    listed.write_text(
        "id;institution;email;categories;region\r\n"
        "tr-1;Praxis Şule Yılmaz;yilmaz@example.org;psychotherapie;duesseldorf\r\n"
        "pl-1;Poradnia Łódź;;psychotherapie;dormagen\r\n",
        "utf-8",
    )
    result = run("mail", str(listed), "-w", str(ws), "--send", *dry_run)
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Fehler: {ws / 'workspace.toml'}: keine [smtp]-Einstellungen; bitte ergänzen:"
    )
    assert "--drafts ORDNER" in result.output and "Runde " not in result.output
    assert not (ws / "sendlog.jsonl").exists() or log_events(ws) == []


def test_bounce_after_acceptance_marks_failed_and_rerun_resends_same_form(tmp_path):
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
        sent = {e["institution_id"]: e for e in log_events(ws) if e["event"] == "sent"}
        # the receiving server refuses lodz@ later: a Postfix-style DSN comes back
        template = (DATA / "bounce_postfix.eml").read_text("ascii")
        dsn = (
            template.replace("{ADDRESS}", "lodz@example.org")
            .replace("{MESSAGE_ID}", sent["lodz"]["message_id"])
            .replace("{INSTITUTION}", "lodz")
        )
        (tmp_path / "bounce.eml").write_text(dsn, "ascii")
        (tmp_path / "other.eml").write_bytes(inbox.messages[0][2])  # not a bounce
        result = run(
            "bounces", str(tmp_path / "bounce.eml"), str(tmp_path / "other.eml"), "-w", str(ws)
        )
        assert result.exit_code == 0, result.output
        assert "unzustellbar lodz <lodz@example.org> 5.1.1 550 5.1.1" in result.output
        assert (
            "keine Unzustellbarkeitsmeldung:" in result.output
            and "1 Unzustellbarkeitsmeldung erfasst" in result.output
        )
        again = run("bounces", str(tmp_path / "bounce.eml"), "-w", str(ws))
        assert (
            "(bereits erfasst)" in again.output
            and "0 Unzustellbarkeitsmeldungen erfasst" in again.output
        )
        status = run("status", "-w", str(ws), "--list")
        assert "fehlgeschlagen     1  (endgültig abgewiesen: die Adresse" in status.output
        assert "bounce 5.1.1" in status.output
        # the same address again: nothing goes out, the coordinator learns what to fix
        same = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert same.exit_code == 0, same.output
        assert (
            "0 zu versenden, 3 bereits erledigt, 1 ohne brauchbare E-Mail-Adresse (1 abgewiesen)"
            in (same.output)
        )
        assert (
            "  NICHT VERSANDT lodz (Poradnia Łódź): die Adresse lodz@example.org war unzustellbar (bounce "
            "5.1.1 550 5.1.1" in same.output
        )
        assert (
            f"in Runde Einladung {dt.date.today().year} am {dt.date.today():%d.%m.%Y}; "
            f"in {DATA / 'excel_utf8_bom.csv'}:4 korrigieren; --force versendet trotzdem"
        ) in same.output
        # the address is fixed: the same form goes out again, only to lodz
        fixed = tmp_path / "fixed.csv"
        fixed.write_bytes(
            (DATA / "excel_utf8_bom.csv")
            .read_bytes()
            .replace(b"lodz@example.org", b"poradnia@lodz.example")
        )
        rerun = run("mail", str(fixed), "-w", str(ws), "--send")
    assert rerun.exit_code == 0, rerun.output
    assert "1 zu versenden, 3 bereits erledigt" in rerun.output
    assert len(inbox.messages) == 5
    assert inbox.messages[-1][1] == ["poradnia@lodz.example"]
    resent = message_from_bytes(inbox.messages[-1][2], policy=policy.default)
    assert resent["X-Formgen-Instance"] == sent["lodz"]["instance_ids"][0]


def _mailed_and_bounced(tmp_path, *addresses):
    """A workspace whose round was sent (to olga@example.org among others) and an mbox of one
    bounce per address, each matched by its address alone (no Message-ID, no institution)."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
    template = (DATA / "bounce_postfix.eml").read_text("ascii")
    box = mailbox.mbox(tmp_path / "Posteingang.mbox")
    for addr in addresses:
        dsn = template.replace("{ADDRESS}", addr).replace("{MESSAGE_ID}", "<unknown@x>")
        box.add(mailbox.mboxMessage(dsn.replace("{INSTITUTION}", "").encode("ascii")))
    box.close()
    return ws, tmp_path / "Posteingang.mbox"


def test_bounces_in_an_mbox_matched_by_address(tmp_path):
    ws, box = _mailed_and_bounced(tmp_path, "olga@example.org", "nobody@example.org")
    result = run("bounces", str(box), "-w", str(ws))
    assert result.exit_code == 0, result.output
    assert "unzustellbar ua-1 <olga@example.org> 5.1.1" in result.output
    assert (
        "NICHT ZUGEORDNET nobody@example.org 5.1.1: keine Mail an diese Adresse im Versandprotokoll"
        in result.output
    )


def test_a_delay_read_after_the_bounce_of_the_same_mail_leaves_it_bounced(tmp_path):
    # Exchange names its notices by their subject: "Unzustellbar_ …" sorts before
    # "Zustellung verzögert_ …", so the earlier delay is read after the final failure
    ws, _ = _mailed_and_bounced(tmp_path)
    template = (DATA / "bounce_postfix.eml").read_text("ascii")
    failed = template.replace("{ADDRESS}", "olga@example.org").replace("{MESSAGE_ID}", "<u@x>")
    delayed = failed.replace("Action: failed\nStatus: 5.1.1", "Action: delayed\nStatus: 4.4.1")
    delayed = delayed.replace("smtp; 550 5.1.1", "smtp; 451 4.4.1 Connection timed out")
    ndr = tmp_path / "ndr"
    ndr.mkdir()
    (ndr / "Unzustellbar_ Bestandsaufnahme.eml").write_text(failed.replace("{INSTITUTION}", ""))
    (ndr / "Zustellung verzögert_ Bestandsaufnahme.eml").write_text(
        delayed.replace("{INSTITUTION}", "")
    )
    result = run("bounces", *sorted(str(p) for p in ndr.iterdir()), "-w", str(ws))
    assert result.exit_code == 0, result.output
    assert "  unzustellbar ua-1 <olga@example.org> 5.1.1" in result.output
    assert "  verzögert (nicht endgültig) ua-1 <olga@example.org> 4.4.1" in result.output
    assert "1 Unzustellbarkeitsmeldung erfasst" in result.output
    assert "1 Verzögerung erfasst (nicht endgültig" in result.output
    listed = run("status", "-w", str(ws), "--list").output
    (line,) = [line for line in listed.splitlines() if line.startswith("ua-1")]
    assert "bounce 5.1.1" in line and "4.4.1" not in line and "erneut ausführen" not in line
    rerun = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send", "--dry-run")
    (said,) = [line for line in rerun.output.splitlines() if "NICHT VERSANDT ua-1" in line]
    assert "bounce 5.1.1" in said and "4.4.1" not in said


def test_a_delay_on_its_own_shows_the_mail_on_its_way_and_a_rerun_does_not_send_it_again(
    tmp_path,
):
    """A delay notice (4.4.1: the receiving server still tries) says nothing final: the mail
    is on its way. Status shows it delayed, waiting, not to be sent again, and until when the
    server may try (5 days after it was sent); the same command does not send it again. Past
    that day, with no bounce, the mail most likely arrived; a bounce after the delay fails it."""
    ws, _ = _mailed_and_bounced(tmp_path)
    template = (DATA / "bounce_postfix.eml").read_text("ascii")
    failed = template.replace("{ADDRESS}", "olga@example.org").replace("{MESSAGE_ID}", "<u@x>")
    delayed = failed.replace("Action: failed\nStatus: 5.1.1", "Action: delayed\nStatus: 4.4.1")
    delayed = delayed.replace("smtp; 550 5.1.1", "smtp; 451 4.4.1 Connection timed out")
    (tmp_path / "Zustellung verzögert.eml").write_text(delayed.replace("{INSTITUTION}", ""))
    assert run("bounces", str(tmp_path / "Zustellung verzögert.eml"), "-w", str(ws)).exit_code == 0
    sent_at = next(e["at"] for e in log_events(ws) if e["event"] == "sent")
    until = dt.datetime.fromisoformat(sent_at).astimezone().date() + dt.timedelta(days=5)

    shown = " ".join(run("status", "-w", str(ws)).output.split())
    assert (
        "ausstehend 4 (angeschrieben, Frist läuft noch; davon 1 verzögert: der Server des Empfängers "
        "versucht es noch, nicht erneut senden (siehe --list))"
    ) in shown
    assert "fehlgeschlagen 0" in shown
    (line,) = [x for x in run("status", "-w", str(ws), "--list").output.splitlines() if "ua-1" in x]
    assert line.split()[1] == "ausstehend"
    assert "  verzögert: der Server des Empfängers meldete am " in line
    assert "(bounce 4.4.1 451 4.4.1 Connection timed out" in line
    assert line.endswith(f"sonst ist die Mail bis zum {until:%d.%m.%Y} wohl angekommen")
    assert "erneut ausführen" not in line
    (row,) = [r for r in json.loads(run("status", "-w", str(ws), "--json").output)["rows"]
              if r["id"] == "ua-1"]  # fmt: skip
    assert (row["state"], row["delayed"]["until"]) == ("outstanding", until.isoformat())
    again = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send", "--dry-run")
    assert "0 zu versenden, 4 bereits erledigt" in again.output

    # six days on (the log's times moved back), no bounce came: it most likely arrived
    log = ws / "sendlog.jsonl"
    week_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=6)).isoformat(timespec="seconds")
    log.write_text(
        "".join(
            json.dumps({**e, "at": week_ago}, ensure_ascii=False) + "\n" for e in log_events(ws)
        ),
        "utf-8",
    )
    assert "verzögert" not in run("status", "-w", str(ws)).output
    listed = run("status", "-w", str(ws), "--list").output
    (line,) = [x for x in listed.splitlines() if "ua-1" in x]
    assert "keine Unzustellbarkeitsmeldung erfasst: die Mail ist wohl angekommen" in line

    # the server gave up after all: the final bounce fails it, the delay said no more
    (tmp_path / "Unzustellbar.eml").write_text(failed.replace("{INSTITUTION}", ""))
    assert run("bounces", str(tmp_path / "Unzustellbar.eml"), "-w", str(ws)).exit_code == 0
    (row,) = [r for r in json.loads(run("status", "-w", str(ws), "--json").output)["rows"]
              if r["id"] == "ua-1"]  # fmt: skip
    assert (row["state"], row["delayed"], row["refused_for_good"]) == ("failed", None, True)


def test_a_final_bounce_with_a_4xx_status_fails_the_mail_not_the_address(tmp_path):
    """Postfix gives up on a mail deferred for 5 days with a bounce whose Action is failed and
    whose Status is the last deferral's, 4.4.1 (Exchange: 4.4.7 message expired): final, the
    mail did not arrive, but the address is not refused for good. It was read as a delay: the
    mail stayed 'ausstehend', and with the delay said now, 'nicht erneut senden'."""
    ws, _ = _mailed_and_bounced(tmp_path)
    template = (DATA / "bounce_postfix.eml").read_text("ascii")
    failed = template.replace("{ADDRESS}", "olga@example.org").replace("{MESSAGE_ID}", "<u@x>")
    gave_up = failed.replace("Status: 5.1.1", "Status: 4.4.1").replace(
        "smtp; 550 5.1.1", "smtp; 451 4.4.1 Connection timed out"
    )
    assert "Action: failed\nStatus: 4.4.1" in gave_up
    (tmp_path / "Unzustellbar.eml").write_text(gave_up.replace("{INSTITUTION}", ""))
    read = run("bounces", str(tmp_path / "Unzustellbar.eml"), "-w", str(ws))
    assert read.exit_code == 0, read.output
    assert "  nicht zugestellt (der Server hat aufgegeben; ein neuer Lauf sendet sie noch " in (
        read.output
    )
    assert "1 Unzustellbarkeitsmeldung erfasst" in read.output and "Verzögerung" not in read.output
    status = json.loads(run("status", "-w", str(ws), "--json").output)
    (row,) = [r for r in status["rows"] if r["id"] == "ua-1"]
    assert (row["state"], row["refused_for_good"], row["delayed"]) == ("failed", False, None)
    (line,) = [x for x in run("status", "-w", str(ws), "--list").output.splitlines() if "ua-1" in x]
    assert "bounce 4.4.1" in line and "→ den Befehl der Runde Einladung " in line
    again = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send", "--dry-run")
    assert "1 zu versenden, 3 bereits erledigt, 0 ohne brauchbare E-Mail-Adresse" in again.output
    assert "würde versenden an ua-1 (Ольга Петренко – Консультація) <olga@example.org>" in (
        again.output
    )


def test_the_lines_of_bounces_fit_80_columns_with_every_word(tmp_path):
    """In an 80-column terminal each line of 'formgen bounces' (a bounce with the server's
    words, one matching no mail) is folded at its spaces, the rest four columns further in,
    every word kept; to a pipe one line each."""
    long_name = "niemand.mit.einem.langen.namen@beratung.example.org"
    ws, box = _mailed_and_bounced(tmp_path, "olga@example.org", long_name)
    args = ("bounces", str(box), "-w", str(ws))
    narrow = run(*args, env={"COLUMNS": "80"}).output
    assert max(len(line) for line in narrow.splitlines()) <= 80, narrow
    assert narrow.splitlines()[:2] == [
        "  unzustellbar ua-1 <olga@example.org> 5.1.1 550 5.1.1 <olga@example.org>:",
        "      Recipient address rejected: User unknown in virtual mailbox table",
    ]
    wide = run(*args).output  # recorded before: the same lines, '(bereits erfasst)'
    assert len(wide.splitlines()) == 3 and max(len(line) for line in wide.splitlines()) > 80
    assert " ".join(narrow.split()).replace("1 Unzustellbarkeitsmeldung erfasst", "") == (
        " ".join(wide.split())
        .replace(" (bereits erfasst)", "")
        .replace("0 Unzustellbarkeitsmeldungen erfasst", "")
    )


def test_a_bounce_nested_too_deeply_is_one_line_and_the_other_bounces_are_recorded(tmp_path):
    """Found by the mutation audit: a mail whose parts are nested thousands of levels deep
    stopped `formgen bounces` with a traceback (RecursionError), the other files unread."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
    dsn = (
        (DATA / "bounce_postfix.eml")
        .read_text("ascii")
        .replace("{ADDRESS}", "olga@example.org")
        .replace("{MESSAGE_ID}", "<unknown@x>")
        .replace("{INSTITUTION}", "")
    )
    depth = 3000
    deep = "From: MAILER-DAEMON@mx.example.org\nContent-Type: multipart/mixed; boundary=b0\n\n"
    deep += "".join(
        f"--b{i}\nContent-Type: multipart/mixed; boundary=b{i + 1}\n\n" for i in range(depth)
    )
    deep += f"--b{depth}\n{dsn.split(chr(10) + chr(10), 1)[1]}"
    deep += "".join(f"--b{i}--\n" for i in range(depth, -1, -1))
    (tmp_path / "Unzustellbar (tief).eml").write_text(deep, "ascii")
    (tmp_path / "Unzustellbar.eml").write_text(dsn, "ascii")
    result = run(
        "bounces",
        str(tmp_path / "Unzustellbar (tief).eml"),
        str(tmp_path / "Unzustellbar.eml"),
        "-w",
        str(ws),
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "  nicht gelesen: Unzustellbar (tief).eml: zu tief verschachtelt, um sie zu lesen (eine "
        "beschädigte oder feindselige Datei?)",
        "  unzustellbar ua-1 <olga@example.org> 5.1.1 550 5.1.1 <olga@example.org>: Recipient address "
        "rejected: User unknown in virtual mailbox table",
        "1 Unzustellbarkeitsmeldung erfasst",
    ]


def test_a_file_of_bounces_too_large_is_refused_in_the_workspace_language():
    """Said in German to a German coordinator, as every line of `formgen bounces` is: it was
    English text in formgen/bounces.py."""
    with pytest.raises(UnreadableFileError, match="2,000 bytes is more than the 1,000") as caught:
        read_bounces(io.BytesIO(b"x" * 2000), "Posteingang.mbox", 1000)
    assert caught.value.file_name == "Posteingang.mbox"
    assert in_language(caught.value.said or "", "de").startswith(
        "2.000 Bytes sind mehr als die 1.000 Bytes, die eine Datei mit "
        "Unzustellbarkeitsmeldungen haben darf – die Meldungen im Mailprogramm in einen eigenen "
        "Ordner verschieben"
    )


def _mailed_workspace(tmp_path: Path) -> Path:
    """A workspace whose round went to the four institutions of excel_utf8_bom.csv."""
    with smtp_server(Inbox()) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
    return ws


def _postfix_dsn(address: str) -> str:
    """A Postfix bounce for ``address``, matched by the address (no Message-ID of a sent mail)."""
    return (
        (DATA / "bounce_postfix.eml")
        .read_text("ascii")
        .replace("{ADDRESS}", address)
        .replace("{MESSAGE_ID}", "<unknown@x>")
        .replace("{INSTITUTION}", "")
    )


def test_bounces_never_opens_a_named_pipe_or_a_device_and_reads_the_other_files(tmp_path):
    """Found by the hostile-input audit: `formgen bounces` opened whatever it was given; a named
    pipe hung it until killed, a link to /dev/zero grew it to gigabytes. Each is a line of its
    own, never opened, as `formgen ingest` does; the bounce beside them is recorded."""
    ws = _mailed_workspace(tmp_path)
    os.mkfifo(tmp_path / "Unzustellbar.eml")
    (tmp_path / "zero.eml").symlink_to("/dev/zero")
    (tmp_path / "bounce.eml").write_text(_postfix_dsn("olga@example.org"), "ascii")

    def hung(*_: object) -> None:
        raise TimeoutError("formgen bounces opened a named pipe")

    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        result = run(
            "bounces",
            *(str(tmp_path / n) for n in ("Unzustellbar.eml", "zero.eml", "bounce.eml")),
            "-w",
            str(ws),
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"  nicht gelesen: {tmp_path / 'Unzustellbar.eml'}: eine benannte Pipe (FIFO), keine Datei",
        f"  nicht gelesen: {tmp_path / 'zero.eml'}: eine Verknüpfung, dahinter ein Gerät (wie "
        "/dev/zero), keine Datei",
        "  unzustellbar ua-1 <olga@example.org> 5.1.1 550 5.1.1 <olga@example.org>: Recipient address "
        "rejected: User unknown in virtual mailbox table",
        "1 Unzustellbarkeitsmeldung erfasst",
    ]


def test_a_mailbox_of_other_mails_is_one_line_and_its_bounces_are_listed(tmp_path):
    """Found by the hostile-input audit: an Inbox of 50,000 mails saved with the bounces printed
    50,000 lines 'not a bounce'; one line counts them, the bounces are each listed."""
    ws = _mailed_workspace(tmp_path)
    other = (
        "From: kollegin@example.org\nTo: spkom@example.org\nSubject: Termin {n}\n\nBis morgen.\n\n"
    )
    mails = [other.format(n=n) for n in range(1500)]
    mails[700] = _postfix_dsn("olga@example.org") + "\n"
    mails[1400] = _postfix_dsn("lodz@example.org") + "\n"
    (tmp_path / "Posteingang").write_text(
        "".join(f"From MAILER-DAEMON Mon Nov 23 09:12:04 2026\n{m}" for m in mails), "utf-8"
    )
    result = run("bounces", str(tmp_path / "Posteingang"), "-w", str(ws))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"  keine Unzustellbarkeitsmeldung: 1.498 der 1.500 Mails in {tmp_path / 'Posteingang'}",
        "  unzustellbar ua-1 <olga@example.org> 5.1.1 550 5.1.1 <olga@example.org>: Recipient address "
        "rejected: User unknown in virtual mailbox table",
        "  unzustellbar lodz <lodz@example.org> 5.1.1 550 5.1.1 <lodz@example.org>: Recipient address "
        "rejected: User unknown in virtual mailbox table",
        "2 Unzustellbarkeitsmeldungen erfasst",
    ]


def test_a_bounce_that_returns_the_whole_original_is_read_though_only_its_start_is_kept(tmp_path):
    """Of each mail only the first MAX_MAIL_BYTES are read: the report comes first (RFC 6522), the
    original's headers right after it. A server that returns the whole original, with an
    attachment of some megabytes, still gives the bounce, matched by the original's Message-ID;
    so does a mail in an mbox whose 'From ' line is longer than a line is read at a time."""
    ws = _mailed_workspace(tmp_path)
    sent = {e["institution_id"]: e for e in log_events(ws) if e["event"] == "sent"}
    attachment = base64.encodebytes(os.urandom(3 * MAX_MAIL_BYTES)).decode("ascii")
    dsn = (
        _postfix_dsn("lodz@example.org")
        .replace("<unknown@x>", sent["lodz"]["message_id"])
        .replace("Content-Type: text/rfc822-headers", "Content-Type: message/rfc822")
        .replace(
            "X-Formgen-Institution: \n",
            'X-Formgen-Institution: \nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="o"'
            '\n\n--o\nContent-Type: application/pdf; name="Bestandsaufnahme.pdf"\n'
            f"Content-Transfer-Encoding: base64\n\n{attachment}--o--\n",
        )
    )
    assert len(dsn) > 4 * MAX_MAIL_BYTES
    (tmp_path / "bounce.eml").write_text(dsn, "ascii")
    long_from = "From MAILER-DAEMON " + "x" * 100_000 + " Mon Nov 23 09:12:04 2026\n"
    (tmp_path / "Posteingang.mbox").write_text(
        long_from + _postfix_dsn("olga@example.org"), "ascii"
    )
    result = run(
        "bounces", str(tmp_path / "bounce.eml"), str(tmp_path / "Posteingang.mbox"), "-w", str(ws)
    )
    assert result.exit_code == 0, result.output
    assert "  unzustellbar lodz <lodz@example.org> 5.1.1 550 5.1.1" in result.output
    assert "  unzustellbar ua-1 <olga@example.org> 5.1.1 550 5.1.1" in result.output
    assert (
        "not a bounce" not in result.output
        and "2 Unzustellbarkeitsmeldungen erfasst" in result.output
    )


def test_huge_files_of_bounces_are_read_in_bounded_memory_or_refused(tmp_path):
    """Found by the hostile-input audit: a 300 MB mail took 3.2 GB of memory. Now `formgen
    bounces` runs in 512 MiB of address space over sparse files: a mailbox whose middle mail
    holds 600 MiB (its bounces before and after are recorded), a single mail of 600 MiB, and a
    file of more than 2 GiB (refused unread: ingest's bound on what one mailbox may carry)."""
    ws = _mailed_workspace(tmp_path)
    start = "From MAILER-DAEMON Mon Nov 23 09:12:04 2026\n"
    with open(tmp_path / "Posteingang.mbox", "wb") as fh:
        fh.write(f"{start}{_postfix_dsn('olga@example.org')}\n{start}Subject: Scan\n\n".encode())
        fh.seek(600 << 20, os.SEEK_CUR)  # a hole: 600 MiB of zero bytes, on no disk
        fh.write(f"\n\n{start}{_postfix_dsn('lodz@example.org')}".encode())
    with open(tmp_path / "Scan.eml", "wb") as fh:
        fh.write(b"From: kollegin@example.org\nSubject: Scan\n\n")
        fh.truncate(600 << 20)
    with open(tmp_path / "Sicherung.mbox", "wb") as fh:
        fh.write(start.encode())
        fh.truncate((2 << 30) + 1)
    files = [str(tmp_path / n) for n in ("Posteingang.mbox", "Scan.eml", "Sicherung.mbox")]

    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (512 << 20, 512 << 20))

    cli = [sys.executable, "-c", "from formgen.cli import main; main()"]
    done = subprocess.run(
        [*cli, "bounces", *files, "-w", str(ws)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=bounded,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"  keine Unzustellbarkeitsmeldung: 1 der 3 Mails in {files[0]}",
        f"  keine Unzustellbarkeitsmeldung: {files[1]}",
        "  nicht gelesen: Sicherung.mbox: 2.147.483.649 Bytes sind mehr als die 2.147.483.648 "
        "Bytes, die eine Datei mit Unzustellbarkeitsmeldungen haben darf – die Meldungen im "
        "Mailprogramm in einen eigenen Ordner verschieben und die Datei dieses Ordners angeben",
        "  unzustellbar ua-1 <olga@example.org> 5.1.1 550 5.1.1 <olga@example.org>: Recipient address "
        "rejected: User unknown in virtual mailbox table",
        "  unzustellbar lodz <lodz@example.org> 5.1.1 550 5.1.1 <lodz@example.org>: Recipient address "
        "rejected: User unknown in virtual mailbox table",
        "2 Unzustellbarkeitsmeldungen erfasst",
    ]


def _global_dsn(address: str, message_id: str) -> bytes:
    """A bounce as an SMTPUTF8 server writes it (RFC 6533): the report is
    message/global-delivery-status, in UTF-8 and base64-encoded, with message/global-headers."""
    report = (
        "Reporting-MTA: dns; mx.bücherei.example\r\n\r\n"
        f"Final-Recipient: utf-8; {address}\r\n"
        "Action: failed\r\n"
        "Status: 5.1.1\r\n"
        f"Diagnostic-Code: smtp; 550 5.1.1 <{address}>: user unknown\r\n"
    )
    encoded = base64.encodebytes(report.encode("utf-8")).decode("ascii")
    return (
        "From: MAILER-DAEMON@mx.example\r\nTo: spkom@example.org\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=global-delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        f"Die Nachricht an {address} konnte nicht zugestellt werden.\r\n"
        "--B\r\nContent-Type: message/global-delivery-status\r\n"
        f"Content-Transfer-Encoding: base64\r\n\r\n{encoded}"
        "--B\r\nContent-Type: message/global-headers\r\n\r\n"
        f"From: spkom@example.org\r\nTo: {address}\r\nMessage-ID: {message_id}\r\n\r\n"
        "--B--\r\n"
    ).encode()


def test_bounces_of_an_smtputf8_server_show_the_address_as_written(tmp_path):
    """An address of type utf-8 (\\x{FC} for ü) or a UTF-8 report (message/global-delivery-status)
    is shown decoded and matched to the mail sent to the domain's ASCII form (xn--…)."""
    recipients = tmp_path / "Einrichtungen.csv"
    recipients.write_text(
        "id;institution;email;categories;region\n"
        "bu-1;Beratung Büro Nord;info@büro.example;psychotherapie;duesseldorf\n"
        "bi-2;Stadtbücherei Treff;post@bücherei.example;migrantenselbstorganisationen;dormagen\n",
        "utf-8",
    )
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(recipients), "-w", str(ws), "--send").exit_code == 0
    assert sorted(r for _, rcpts, _ in inbox.messages for r in rcpts) == [
        "info@xn--bro-hoa.example",
        "post@xn--bcherei-n2a.example",
    ]
    xtext = (
        (DATA / "bounce_postfix.eml")
        .read_text("ascii")
        .replace(
            "Final-Recipient: rfc822; {ADDRESS}",
            r"Final-Recipient: utf-8; info@b\x{00FC}ro.example",
        )
        .replace("{ADDRESS}", "info@xn--bro-hoa.example")
        .replace("{MESSAGE_ID}", "<unknown@x>")
        .replace("{INSTITUTION}", "")
    )
    (tmp_path / "xtext.eml").write_text(xtext, "ascii")
    (tmp_path / "global.eml").write_bytes(_global_dsn("post@bücherei.example", "<unknown@y>"))
    result = run(
        "bounces", str(tmp_path / "xtext.eml"), str(tmp_path / "global.eml"), "-w", str(ws)
    )
    assert result.exit_code == 0, result.output
    assert "unzustellbar bu-1 <info@büro.example> 5.1.1" in result.output
    assert "unzustellbar bi-2 <post@bücherei.example> 5.1.1 550 5.1.1" in result.output
    assert "\\x{" not in result.output and "2 Unzustellbarkeitsmeldungen erfasst" in result.output
    states = {
        r["id"]: r["state"]
        for r in json.loads(run("status", "-w", str(ws), "--json").output)["rows"]
    }
    assert states == {"bu-1": "failed", "bi-2": "failed"}


def test_bounces_with_xtext_addresses_are_read_and_a_plus_starting_no_escape_kept(tmp_path):
    """A DSN may write the address as xtext (RFC 3461: '+2B' for '+', as sendmail does); a '+'
    that starts no escape ('+ZZ', a cut-off '+4', '+20' that would be a space) is an address
    written without xtext and stays as it is."""
    recipients = tmp_path / "Einrichtungen.csv"
    recipients.write_text(
        "id;institution;email;categories;region\n"
        "ua-1;Ольга Петренко – Консультація;olga+spkom@example.org;psychotherapie;andere\n"
        "lodz;Poradnia Łódź;lodz+4@example.org;facharzt;\n"
        "ar-1;مركز الاستشارة;markaz+zz@example.org;krisendienst;dormagen\n"
        "bs-ist;Şule Yılmaz Danışmanlık;sule+2024@danisma.example;psychotherapie;andere\n",
        "utf-8",
    )
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(recipients), "-w", str(ws), "--send").exit_code == 0
    template = (DATA / "bounce_postfix.eml").read_text("ascii")
    box = mailbox.mbox(tmp_path / "Posteingang.mbox")
    for written, address in (
        ("olga+2Bspkom@example.org", "olga+spkom@example.org"),  # xtext
        ("lodz+4@example.org", "lodz+4@example.org"),  # a '+4' that is cut off: no escape
        ("markaz+ZZ@example.org", "markaz+zz@example.org"),  # '+ZZ' names no character
        ("sule+2024@danisma.example", "sule+2024@danisma.example"),  # '+20' would be a space
    ):
        dsn = (
            template.replace("rfc822; {ADDRESS}", f"rfc822; {written}")
            .replace("rfc822;{ADDRESS}", f"rfc822;{written}")
            .replace("{ADDRESS}", address)
            .replace("{MESSAGE_ID}", "<unknown@x>")
            .replace("{INSTITUTION}", "")
        )
        box.add(mailbox.mboxMessage(dsn.encode("ascii")))
    box.close()
    result = run("bounces", str(tmp_path / "Posteingang.mbox"), "-w", str(ws))
    assert result.exit_code == 0, result.output
    assert "unzustellbar ua-1 <olga+spkom@example.org> 5.1.1" in result.output
    assert "unzustellbar lodz <lodz+4@example.org> 5.1.1" in result.output
    assert "unzustellbar ar-1 <markaz+zz@example.org> 5.1.1" in result.output
    assert "unzustellbar bs-ist <sule+2024@danisma.example> 5.1.1" in result.output
    assert (
        "NOT MATCHED" not in result.output
        and "4 Unzustellbarkeitsmeldungen erfasst" in result.output
    )


def test_reply_ingested_counts_as_returned_by_its_instance(tmp_path):
    """The whole loop: send, the institution replies with the form attached, ingest, status."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        sent = run(
            "mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send", "--format", "both"
        )
        assert sent.exit_code == 0, sent.output
    # ua-1 answers: its mail comes back with both attachments (one form instance in two formats),
    # unchanged: the institution confirms what the register holds
    answer = inbox.by_rcpt()["olga@example.org"]
    answer.replace_header("To", answer["From"])
    answer.replace_header("From", "Ольга Петренко <olga@example.org>")
    reply = tmp_path / "Antwort.eml"
    reply.write_bytes(answer.as_bytes())
    ingested = run("ingest", str(reply), "--workspace", str(ws))
    assert ingested.exit_code == 0, ingested.output
    data = json.loads(run("status", "-w", str(ws), "--json").output)
    assert data["returns_known"] is True
    assert data["counts"]["returned"] == 1 and data["counts"]["outstanding"] == 3
    assert {r["id"]: r["state"] for r in data["rows"]}["ua-1"] == "returned"


def test_password_prompt_when_no_environment_variable(tmp_path):
    server_ctx, _ = self_signed(tmp_path)
    inbox = Inbox()
    kwargs = {"tls_context": server_ctx, "require_starttls": True, "auth_required": True}
    with smtp_server(inbox, authenticator=_auth("Prompt-Wort"), **kwargs) as server:
        ws = make_workspace(
            tmp_path / "ws",
            server.port,
            "starttls",
            f'user = "spkom"\ncafile = "{tmp_path / "cert.pem"}"\n',
        ).root
        result = CliRunner().invoke(
            main,
            ["mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send"],
            input="Prompt-Wort\n",
            env={"FORMGEN_SMTP_PASSWORD": ""},
        )
    assert result.exit_code == 0, result.output
    assert "SMTP-Passwort für spkom bei 127.0.0.1" in result.output
    assert "Prompt-Wort" not in result.output  # typed hidden, never echoed
    assert len(inbox.messages) == 3


def test_a_password_variable_not_set_without_a_terminal_names_it_and_says_how_to_set_it(tmp_path):
    """Audit s20K: in cron (no terminal, standard input empty) a ``password_env`` that is not
    set said Python's English getpass warnings, then „abgebrochen (Ende der Eingabe)“."""
    inbox = Inbox()
    kwargs = {"authenticator": _auth("Pässwort"), "auth_require_tls": False}
    with smtp_server(inbox, **kwargs) as server:
        extra = 'user = "spkom"\npassword_env = "SPKOM_PW"\n'
        ws = make_workspace(tmp_path / "ws", server.port, extra=extra).root
        args = ["mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send"]
        cli = [sys.executable, "-c", "from formgen.cli import main; main()", *args]
        env = {k: v for k, v in os.environ.items() if k not in ("SPKOM_PW", "COLUMNS")}
        cron = subprocess.run(
            cli, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env
        )
        assert cron.returncode == 1
        said = " ".join((cron.stdout + cron.stderr).split())
        assert (
            "Fehler: kein SMTP-Passwort für spkom: die Umgebungsvariable SPKOM_PW ist nicht gesetzt, "
            "und ohne Terminal (cron, eine Pipe) kann formgen nicht danach fragen; sie für diesen "
            "Aufruf setzen, z. B. in dem Skript, das formgen aufruft: export SPKOM_PW='…'" in said
        )
        assert "Warning" not in said and "abgebrochen" not in said
        assert inbox.messages == []
        # the password on standard input (a pipe) still does, and it is never echoed
        piped = subprocess.run(cli, input="Pässwort\n", capture_output=True, text=True, env=env)
    assert piped.returncode == 0, piped.stdout + piped.stderr
    assert "Pässwort" not in piped.stdout + piped.stderr and "Warning" not in piped.stderr
    assert len(inbox.messages) == 4


def test_greylisted_recipient_is_a_temporary_failure_and_retried(tmp_path):
    inbox = Inbox(greylist={"markaz@example.org"})
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        first = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert first.exit_code == 1
        # put off, not refused: nothing sends the coordinator after a good address
        assert "AUFGESCHOBEN ar-1 (مركز الاستشارة) <markaz@example.org>: 451 4.7.1" in first.output
        assert "ABGEWIESEN" not in first.output and "korrigieren" not in first.output
        assert (
            "Fehler: 1 Mail vom Server aufgeschoben (AUFGESCHOBEN oben: eine 4xx-Antwort wie 451 "
            "Greylisting, keine Abweisung; die Adresse ist nicht schuld); einige Minuten warten; "
            "dann denselben Befehl noch einmal ausführen" in " ".join(first.output.split())
        )
        (failed,) = [e for e in log_events(ws) if e["event"] == "failed"]
        assert (failed["code"], failed["permanent"]) == (451, False)
        status = run("status", "-w", str(ws)).output
        assert (
            "fehlgeschlagen     1  (nicht zugestellt; denselben formgen-mail-Befehl erneut ausführen)"
            in status
        )
        inbox.greylist.clear()
        second = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
    assert second.exit_code == 0 and "1 zu versenden, 3 bereits erledigt" in second.output
    assert len(inbox.messages) == 4


def test_a_bounced_reminder_goes_again_to_the_fixed_address_in_the_next_reminder_round(tmp_path):
    """status says: fix the address, then run formgen mail again. For a reminder that bounced
    that is the next --overdue round (the institution is failed, not overdue) with the fixed
    address; without one, it says what to do instead of 'nothing to do'."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
        lines = []
        for e in log_events(ws):  # time goes by: the invitation's return date has passed
            e["deadline"] = "2020-01-31" if "deadline" in e else None
            lines.append(json.dumps({k: v for k, v in e.items() if v is not None}))
        (ws / "sendlog.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        reminded = run("mail", "--overdue", "-w", str(ws), "--send", "--round", "erinnerung")
        assert "4 zu versenden" in reminded.output, reminded.output
        sent = {
            e["institution_id"]: e
            for e in log_events(ws)
            if e["event"] == "sent" and e["round"] == "erinnerung"
        }
        dsn = (
            (DATA / "bounce_postfix.eml")
            .read_text("ascii")
            .replace("{ADDRESS}", "lodz@example.org")
            .replace("{MESSAGE_ID}", sent["lodz"]["message_id"])
            .replace("{INSTITUTION}", "lodz")
        )
        (tmp_path / "bounce.eml").write_text(dsn, "ascii")
        assert (
            "1 Unzustellbarkeitsmeldung erfasst"
            in run("bounces", str(tmp_path / "bounce.eml"), "-w", str(ws)).output
        )
        assert "endgültig abgewiesen" in run("status", "-w", str(ws)).output
        # the address is not fixed yet: the coordinator learns what to do, nothing goes out
        same = run("mail", "--overdue", "-w", str(ws), "--send", "--round", "erinnerung-2")
        assert same.exit_code == 0, same.output
        assert same.output.startswith(
            "Runde erinnerung-2 (Erinnerung): 0 zu versenden, 0 bereits erledigt, "
            "1 ohne brauchbare E-Mail-Adresse (1 abgewiesen)\n"
        ), same.output
        assert (
            "  NICHT VERSANDT lodz (Poradnia Łódź): die Adresse lodz@example.org war unzustellbar (bounce 5.1.1"
            in same.output
        )
        assert (
            "; die neue Adresse in einer Empfängerliste (formgen mail LISTE --overdue --drafts ORDNER, "
            "oder --send) oder im Register (formgen mail --from-register --overdue --drafts ORDNER, "
            "oder --send) angeben; --force versendet trotzdem; "
            "bitte auf anderem Weg Kontakt aufnehmen\n"
        ) in same.output
        assert len(inbox.messages) == 8
        fixed = tmp_path / "fixed.csv"
        fixed.write_bytes(
            (DATA / "excel_utf8_bom.csv")
            .read_bytes()
            .replace(b"lodz@example.org", b"poradnia@lodz.example")
        )
        rerun = run(
            "mail", str(fixed), "--overdue", "-w", str(ws), "--send", "--round", "erinnerung-2"
        )
    assert rerun.exit_code == 0, rerun.output
    assert "Runde erinnerung-2 (Erinnerung): 1 zu versenden" in rerun.output, rerun.output
    assert len(inbox.messages) == 9 and inbox.messages[-1][1] == ["poradnia@lodz.example"]
    status = json.loads(run("status", "-w", str(ws), "--json").output)
    assert {r["id"]: r["state"] for r in status["rows"]}["lodz"] == "outstanding"


def test_a_centre_with_an_umlaut_domain_mails_a_server_without_smtputf8(tmp_path):
    """The sender's and a recipient's domain go in their ASCII form (xn--…), which every server
    takes; the sender's Unicode domain stopped the round as a 'broken connection'."""
    csv = tmp_path / "idn.csv"
    csv.write_text(
        "id;institution;email;categories;region\n"
        "bs-ist;Şule Yılmaz Danışmanlık;sule@danisma.example;psychotherapie;\n"
        "buero;Beratungsbüro Öz;info@büro.example;krisendienst;\n",
        "utf-8",
    )
    inbox = Inbox()
    with smtp_server(inbox, enable_SMTPUTF8=False) as server:
        ws = make_workspace(tmp_path / "ws", server.port, sender="spkom@düsseldorf.example").root
        result = run("mail", str(csv), "-w", str(ws), "--send")
    assert result.exit_code == 0, result.output
    assert "2 von 2 Mails gesendet" in result.output and "abgebrochen" not in result.output
    assert [(frm, rcpts) for frm, rcpts, _ in inbox.messages] == [
        ("spkom@xn--dsseldorf-q9a.example", ["sule@danisma.example"]),
        ("spkom@xn--dsseldorf-q9a.example", ["info@xn--bro-hoa.example"]),
    ]
    for msg in inbox.parsed():
        assert msg["From"].addresses[0].addr_spec == "spkom@xn--dsseldorf-q9a.example"
        assert msg["Message-ID"].endswith("@xn--dsseldorf-q9a.example>")
    assert header_text(inbox.parsed()[0], "To") == "Şule Yılmaz Danışmanlık <sule@danisma.example>"


def test_an_umlaut_domain_is_shown_as_the_list_writes_it_and_mailed_in_its_ascii_form(tmp_path):
    """The coordinator finds info@büro.example in her list, not info@xn--bro-hoa.example: the
    lines of mail, status --list, the NICHT VERSANDT line and the test mails' subjects show
    the domain in Unicode; the server and the send log get its ASCII form."""
    csv = tmp_path / "idn.csv"
    csv.write_text(
        "id;institution;email;categories;region\n"
        "buero;Beratungsbüro Öz;info@büro.example;krisendienst;\n"
        "ua;Ольга Петренко;olga@büro-22.example;psychotherapie;\n",
        "utf-8",
    )
    inbox = Inbox(reject={"olga@xn--bro-22-3ya.example"})
    with smtp_server(inbox, enable_SMTPUTF8=False) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        test = run("mail", str(csv), "-w", str(ws), "--send", "--test-to", "me@spkom.example")
        first = run("mail", str(csv), "-w", str(ws), "--send")
        again = run("mail", str(csv), "-w", str(ws), "--send")
    assert "gesendet buero (Beratungsbüro Öz) <info@büro.example>" in first.output
    assert "ABGEWIESEN ua (Ольга Петренко) <olga@büro-22.example>: 550" in first.output
    assert "NICHT VERSANDT ua (Ольга Петренко): die Adresse olga@büro-22.example" in " ".join(
        again.output.split()
    )
    assert "idn.csv:3 korrigieren" in " ".join(again.output.split())
    listed = run("status", "-w", str(ws), "--list").output
    assert "<info@büro.example>" in listed and "<olga@büro-22.example>" in listed
    reply = "<olga@xn--bro-22-3ya.example>: Recipient address rejected"  # the server's words
    assert "xn--" not in (first.output + again.output + listed).replace(reply, "")
    assert test.exit_code == 0, test.output
    subjects = [header_text(m, "Subject") for m in inbox.parsed()[:2]]
    assert [s.split("] ")[0] for s in subjects] == [
        "[TEST, an info@büro.example",
        "[TEST, an olga@büro-22.example",
    ]
    assert [rcpts for _, rcpts, _ in inbox.messages] == [
        ["me@spkom.example"],
        ["me@spkom.example"],
        ["info@xn--bro-hoa.example"],
    ]
    logged = {e["institution_id"]: e["email"] for e in log_events(ws) if "email" in e}
    assert logged == {"buero": "info@xn--bro-hoa.example", "ua": "olga@xn--bro-22-3ya.example"}


def _invitation(ws, recipient):
    """The invitation formgen writes to ``recipient``, with its form (as a round makes it)."""
    request = FormRequest("institution", recipient.categories, recipient.record())
    identity = new_identity(ws.schema(), request, ws.secret)
    return build_message(
        recipient=recipient,
        forms=[renderers()["pdf"](ws.schema(), request, identity)],
        template=shipped_template("invitation", "de"),
        titles=ws.schema().mail_titles("de"),
        sender=ws.sender,
        centre=ws.centre_name,
        deadline=dt.date(2026, 12, 15),
    )


@pytest.mark.parametrize("smtputf8", [False, True])
def test_an_address_needing_smtputf8_fails_alone_on_a_server_without_it(tmp_path, smtputf8):
    """A name before the @ with letters outside ASCII has no ASCII form: a server without
    SMTPUTF8 cannot take it. That mail fails for good (said so, logged, not a broken
    connection), the next goes out over the same connection; a server with SMTPUTF8 takes both.
    (formgen's recipients lists refuse such an address; a program using formgen may not.)"""
    sule = Recipient("sule", "Şule Yılmaz", "şule@beratung.example", ("psychotherapie",))
    olga = Recipient("olga", "Ольга Петренко", "olga@example.org", ("psychotherapie",))
    inbox = Inbox()
    with smtp_server(inbox, enable_SMTPUTF8=smtputf8) as server:
        ws = make_workspace(tmp_path / "ws", server.port)
        # the mail as formgen writes it, to the address as the program using formgen has it
        to_sule = _invitation(ws, replace(sule, email="sule@beratung.example"))
        del to_sule["To"]
        to_sule["To"] = "Şule Yılmaz <şule@beratung.example>"
        transport = SmtpTransport(smtp_settings(ws))
        deliverer = SmtpSender(transport, RateLimiter(0))
        log = SendLog(ws.root)
        outcomes = [
            deliverer.deliver(
                r, msg, log, {"round": "r1", "institution_id": r.id, "email": r.email}
            )
            for r, msg in ((sule, to_sule), (olga, _invitation(ws, olga)))
        ]
        transport.close()
    if smtputf8:
        assert [o.status for o in outcomes] == ["sent", "sent"]
        assert inbox.messages[0][1] == ["şule@beratung.example"]
        return
    assert [o.status for o in outcomes] == ["refused", "sent"]
    assert outcomes[0].detail == (
        "127.0.0.1 cannot take a mail to şule@beratung.example: an address with letters "
        "outside ASCII (ş, ä, …) needs SMTPUTF8, which this server does not offer; ask the "
        "institution for a plain-ASCII address"
    )
    assert [rcpts for _, rcpts, _ in inbox.messages] == [["olga@example.org"]]
    failed = [e for e in log_events(ws.root) if e["event"] == "failed"]
    assert [(e["institution_id"], e["permanent"]) for e in failed] == [("sule", True)]
    assert failed[0]["error"] == outcomes[0].detail


def test_a_server_refusing_the_greeting_says_so_not_a_broken_connection(tmp_path):
    reply = "550 5.7.1 <pc-spkom>: Helo command rejected: need fully-qualified hostname"
    inbox = Inbox(refuse_greeting=reply)
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        result = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
    assert result.exit_code == 1
    assert (
        f"Fehler: 127.0.0.1:{server.port}: der Server hat die Begrüßung dieses Rechners "
        f"abgewiesen (EHLO und HELO: {reply}); vielleicht verlangt er einen vollständigen "
        "Rechnernamen" in result.output
    )
    assert "abgebrochen" not in result.output and "VIELLEICHT NICHT ZUGESTELLT" not in result.output
    assert "0 von 4 Mails gesendet" in result.output
    assert inbox.messages == []
    assert [e["event"] for e in log_events(ws)] == ["prepared"]


def test_reminders_answer_the_first_mail_so_mail_programs_show_one_conversation(tmp_path):
    """Each reminder carries In-Reply-To and References with the Message-ID of the invitation
    the institution got (from the send log), the second reminder too; the invitation none."""
    inbox = Inbox()

    def deadlines_pass() -> None:
        log = ws / "sendlog.jsonl"
        lines = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
        for e in lines:
            e.update({"deadline": "2020-01-31"} if "deadline" in e else {})
        log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in lines), "utf-8")

    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
        invitations = inbox.by_rcpt()
        deadlines_pass()
        for name in ("erinnerung", "erinnerung-2"):
            inbox.messages.clear()
            result = run("mail", "--overdue", "-w", str(ws), "--send", "--round", name)
            assert "4 zu versenden" in result.output, result.output
            reminders = inbox.by_rcpt()
            assert sorted(reminders) == sorted(invitations)
            for address, reminder in reminders.items():
                first = invitations[address]
                assert first["In-Reply-To"] is None and first["References"] is None
                assert header_text(reminder, "Subject").startswith("Erinnerung: ")
                assert reminder["In-Reply-To"] == first["Message-ID"], address
                assert reminder["References"] == first["Message-ID"], address
                assert reminder["Message-ID"] != first["Message-ID"]
            deadlines_pass()
    sent = [e for e in log_events(ws) if e["event"] == "sent"]
    assert {e["message_id"] for e in sent if e["round"].startswith("invitation")} == {
        str(m["Message-ID"]) for m in invitations.values()
    }


OLD = (dt.date.today() - dt.timedelta(days=800)).isoformat()


def returned_long_ago(ws: Path, forms: dict[str, dict], answered: bool = True) -> None:
    """The register holds what each institution wrote on its invitation form (the one the send
    log says it was mailed; not ``answered``: on a form of a survey before), confirmed so long
    ago that the entry is out of date."""
    prepared = {e["institution_id"]: e for e in log_events(ws) if e["event"] == "prepared"}
    reg = Register(SCHEMA)
    for iid, written in forms.items():
        instance = prepared[iid]["instance_ids"][0] if answered else None
        category = prepared[iid]["categories"][0]
        reg.merge(institution_form(iid, category, instance=instance, **{**YILMAZ, **written}))
    (ws / "register.json").write_bytes(reg.dumps())


def test_an_address_refused_for_good_is_not_taken_from_the_send_log_again(tmp_path):
    """ua-1's returned form left the e-mail field blank: the update round mails it where the
    invitation went, and the server refuses that address for good (550). No later run takes
    that address from the send log again, even once the server would take it: ua-1 is not
    mailed, says why, and 'formgen status' counts it as failed, refused for good, without an
    e-mail address, as it counts one whose mail bounced."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        invitation = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert invitation.exit_code == 0, invitation.output
        year = dt.date.today().year
        returned_long_ago(ws, {"ua-1": {"name": "Ольга Петренко – Консультація", "date": OLD}})
        inbox.reject.add("olga@example.org")
        update = run("mail", "--stale", "-w", str(ws), "--send", "--round", "update-1")
        assert update.exit_code == 1
        assert (
            "  ABGEWIESEN ua-1 (Ольга Петренко – Консультація) <olga@example.org> (Adresse aus "
            f"Versandprotokoll: Einladung {year}): 550 5.1.1 <olga@example.org>" in update.output
        )
        status = json.loads(run("status", "-w", str(ws), "--json").output)
        assert (status["counts"]["failed"], status["refused_for_good"]) == (1, 1)
        assert status["without_email"] == ["ua-1"]
        (row,) = [r for r in status["rows"] if r["id"] == "ua-1"]
        assert (row["state"], row["round"], row["email"]) == (
            "failed",
            "update-1",
            "olga@example.org",
        )
        assert row["error"].startswith("550 5.1.1 <olga@example.org>")
        shown = run("status", "-w", str(ws)).output
        assert "fehlgeschlagen     1  (endgültig abgewiesen: die Adresse" in shown
        assert "ohne brauchbare E-Mail-Adresse 1 (1 keine): ua-1\n" in shown

        inbox.reject.clear()  # the server would take it now: formgen must not try it
        for round_name in ("update-1", "update-2"):  # a rerun of the round, and the next one
            again = run("mail", "--stale", "-w", str(ws), "--send", "--round", round_name)
            assert again.exit_code == 0, again.output
            assert (
                "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): keine E-Mail-Adresse (Register: "
                "ua-1); die letzte Adresse, olga@example.org (Runde update-1), wurde vom Server abgewiesen "
                "(550 5.1.1 <olga@example.org>"
            ) in again.output
            assert (
                "die neue Adresse im Register oder in einer Empfängerliste eintragen"
                in again.output
            )
    assert [rcpts for _, rcpts, _ in inbox.messages].count(["olga@example.org"]) == 1
    assert json.loads(run("status", "-w", str(ws), "--json").output)["without_email"] == ["ua-1"]


def _register_address_refused(ws: Path, inbox: Inbox) -> None:
    """ua-1 wrote its address on its returned form, long ago; the update round mails it there
    and the server refuses that address for good (550). Then the server would take it."""
    assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
    returned_long_ago(
        ws,
        {
            "ua-1": {
                "name": "Ольга Петренко – Консультація",
                "email": values.parse_email("olga@example.org"),
                "date": OLD,
            }
        },
    )
    inbox.reject.add("olga@example.org")
    update = run("mail", "--stale", "-w", str(ws), "--send", "--round", "update-1")
    assert (
        "  ABGEWIESEN ua-1 (Ольга Петренко – Консультація) <olga@example.org>: 550 5.1.1"
        in update.output
    )
    inbox.reject.clear()  # the server would take it now: formgen must not try it


def test_a_register_address_refused_for_good_is_not_mailed_again_until_set_anew(tmp_path):
    """The register holds ua-1's address and the server refused it for good (550) in the last
    update round: no later round mails it there (a rerun, the next round), each says why and
    how to set the new one, and 'formgen status' counts ua-1 without an e-mail address. Once
    the coordinator sets the new address, the next round mails that one."""
    inbox = Inbox()
    today = f"{dt.date.today():%d.%m.%Y}"  # as German writes it
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        _register_address_refused(ws, inbox)
        for round_name in ("update-1", "update-2"):  # a rerun of the round, and the next one
            again = run("mail", "--stale", "-w", str(ws), "--send", "--round", round_name)
            assert again.exit_code == 0, again.output
            assert (
                "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): die Adresse im Register "
                "olga@example.org wurde vom Server abgewiesen (550 5.1.1 <olga@example.org>"
            ) in again.output
            assert (
                f"in Runde update-1 am {today}; die neue eintragen: formgen register set ua-1 "
                'institution.email ADRESSE --note "neue Adresse"; --force versendet trotzdem'
            ) in again.output
        assert [rcpts for _, rcpts, _ in inbox.messages].count(["olga@example.org"]) == 1
        (logged,) = [e for e in log_events(ws) if e["event"] == "not_mailed"]
        assert (logged["round"], logged["reason"], logged["email"]) == (
            "update-2",
            "dead_email",
            "olga@example.org",
        )
        status = json.loads(run("status", "-w", str(ws), "--json").output)
        assert (status["counts"]["failed"], status["refused_for_good"]) == (1, 1)
        assert (status["without_email"], status["without_email_reasons"]) == (
            ["ua-1"],
            {"ua-1": "dead_email"},
        )
        assert (
            "ohne brauchbare E-Mail-Adresse 1 (1 abgewiesen): ua-1\n"
            in run("status", "-w", str(ws)).output
        )

        new = "o.petrenko@example.org"
        set_ = run(
            "register",
            "set",
            "ua-1",
            "institution.email",
            new,
            "--note",
            "per Telefon",
            "-w",
            str(ws),
        )
        assert set_.exit_code == 0, set_.output
        fixed = run("mail", "--stale", "-w", str(ws), "--send", "--round", "update-2")
    assert fixed.exit_code == 0, fixed.output
    assert "Runde update-2 (Aktualisierung): 1 zu versenden" in fixed.output, fixed.output
    assert inbox.messages[-1][1] == [new]
    assert header_text(inbox.parsed()[-1], "To") == f"Ольга Петренко – Консультація <{new}>"
    assert json.loads(run("status", "-w", str(ws), "--json").output)["without_email"] == []


def test_force_mails_a_register_address_refused_for_good_all_the_same(tmp_path):
    """The coordinator knows the mailbox works again: --force mails the refused address."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        _register_address_refused(ws, inbox)
        plain = run("mail", "--stale", "-w", str(ws), "--send", "--round", "update-2", "--dry-run")
        assert (
            "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): die Adresse im Register"
            in plain.output
        )
        assert "würde versenden" not in plain.output
        forced = run("mail", "--stale", "-w", str(ws), "--send", "--round", "update-2", "--force")
    assert forced.exit_code == 0, forced.output
    assert "Runde update-2 (Aktualisierung): 1 zu versenden" in forced.output, forced.output
    assert "NICHT VERSANDT" not in forced.output
    assert inbox.messages[-1][1] == ["olga@example.org"]


def test_a_register_address_whose_mail_bounced_is_not_mailed_again(tmp_path):
    """The update mail to the register's address went out, then bounced (recorded with
    'formgen bounces'): the next update round does not mail that address and says why."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        _register_address_refused(ws, inbox)  # sets the register up; update-1 is refused
        # a later round gets through, then bounces
        sent = run("mail", "--stale", "-w", str(ws), "--send", "--round", "update-2", "--force")
        assert sent.exit_code == 0, sent.output
        (mail,) = [e for e in log_events(ws) if e["event"] == "sent" and e["round"] == "update-2"]
        dsn = (
            (DATA / "bounce_postfix.eml")
            .read_text("ascii")
            .replace("{ADDRESS}", "olga@example.org")
            .replace("{MESSAGE_ID}", mail["message_id"])
            .replace("{INSTITUTION}", "ua-1")
        )
        (tmp_path / "bounce.eml").write_text(dsn, "ascii")
        assert run("bounces", str(tmp_path / "bounce.eml"), "-w", str(ws)).exit_code == 0
        again = run("mail", "--stale", "-w", str(ws), "--send", "--round", "update-3")
    assert again.exit_code == 0, again.output
    assert (
        "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): die Adresse im Register "
        "olga@example.org war unzustellbar (bounce 5.1.1"
    ) in again.output
    assert "in Runde update-2 am " in again.output
    assert [rcpts for _, rcpts, _ in inbox.messages].count(["olga@example.org"]) == 2
    assert json.loads(run("status", "-w", str(ws), "--json").output)["without_email"] == ["ua-1"]


def test_a_register_address_refused_for_good_in_its_first_round_is_not_mailed_again(tmp_path):
    """No mail ever reached kyiv: the server refused die Adresse im Register for good in the
    invitation round. The update round does not mail it there either, and says why."""
    inbox = Inbox(reject={"kyiv@example.org"})
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        reg = Register(SCHEMA)
        written = {"name": "Центр «Київ»", "email": "kyiv@example.org", "date": OLD}
        reg.merge(institution_form("kyiv", instance="imported", **{**YILMAZ, **written}))
        (ws / "register.json").write_bytes(reg.dumps())
        invited = run("mail", "--from-register", "-w", str(ws), "--send", "--round", "einladung")
        assert "  ABGEWIESEN kyiv (Центр «Київ») <kyiv@example.org>: 550 5.1.1" in invited.output
        inbox.reject.clear()
        update = run("mail", "--stale", "-w", str(ws), "--send", "--round", "update-1")
    assert update.exit_code == 0, update.output
    assert (
        "  NICHT VERSANDT kyiv (Центр «Київ»): die Adresse im Register kyiv@example.org wurde vom "
        "Server abgewiesen (550 5.1.1 <kyiv@example.org>"
    ) in update.output
    assert "in Runde einladung am " in update.output
    assert inbox.messages == []


def test_status_list_says_why_a_refused_address_was_not_mailed_in_the_workspaces_language(
    tmp_path,
):
    """The server refused lodz's address for good (550) in the invitation round, and a later
    round left it out. 'formgen status --list' in a German workspace says why in German, as
    the round's NICHT VERSANDT line did: the send log keeps the reason's words beside its
    English. A line an older formgen wrote (the English only) is shown as it is."""
    inbox = Inbox(reject={"lodz@example.org"})
    listed = str(DATA / "excel_utf8_bom.csv")
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", listed, "-w", str(ws), "--send").exit_code == 1
        log = ws / "sendlog.jsonl"
        earlier = [{**e, "at": "2026-11-02T09:00:00+00:00"} for e in log_events(ws)]
        log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in earlier), "utf-8")
        assert run("mail", listed, "-w", str(ws), "--send", "--round", "zwei").exit_code == 0
    (logged,) = [e for e in log_events(ws) if e["event"] == "not_mailed"]
    assert logged["detail"].startswith("the address lodz@example.org was refused by the server")
    year = dt.date.today().year
    german = (
        "die Adresse lodz@example.org wurde vom Server abgewiesen (550 5.1.1 <lodz@example.org>: "
        f"Recipient address rejected: User unknown) in Runde Einladung {year} am 02.11.2026; "
        f"in {listed}:4 korrigieren; --force versendet trotzdem"
    )
    (row,) = [line for line in run("status", "-w", str(ws), "--list").output.splitlines()
              if line.startswith("lodz ")]  # fmt: skip
    assert row.startswith("lodz                 nicht versandt") and row.endswith(f"  {german}")
    rows = json.loads(run("status", "-w", str(ws), "--json").output)["rows"]
    assert {r["id"]: r["error"] for r in rows}["lodz"] == logged["detail"]  # English, as before

    old = [{k: v for k, v in e.items() if k != "detail_said"} for e in log_events(ws)]
    log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in old), "utf-8")
    shown = run("status", "-w", str(ws), "--list").output
    assert f"  {logged['detail']}\n" in shown and german not in shown

    # words a newer formgen stored, or a hand edit that broke them: the English as stored
    for words in ({"said": "words_of_a_newer_formgen", "args": {}}, {"said": 3}, [1, 2]):
        edited = [{**e, "detail_said": words} if e["event"] == "not_mailed" else e for e in old]
        log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in edited), "utf-8")
        result = run("status", "-w", str(ws), "--list")
        assert result.exit_code == 0 and f"  {logged['detail']}\n" in result.output, words


def test_an_invalid_register_address_falls_back_to_the_address_that_worked_and_says_so(
    tmp_path,
):
    """ua-1 wrote 'olga(at)example.org' on its returned form, lodz 'kontakt@' (kept as typed,
    flagged invalid). The update round mails ua-1 where its invitation went and says the
    register's address is invalid; lodz's invitation was refused for good, so no address
    worked: it is not mailed, and the line names the invalid address. Neither stops the round."""
    inbox = Inbox(reject={"lodz@example.org"})
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        invitation = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert "ABGEWIESEN lodz (Poradnia Łódź) <lodz@example.org>: 550" in invitation.output
        invited = len(inbox.messages)
        year = dt.date.today().year
        returned_long_ago(
            ws,
            {
                "ua-1": {
                    "name": "Ольга Петренко – Консультація",
                    "email": values.parse_email("olga(at)example.org"),
                    "date": OLD,
                },
                "lodz": {
                    "name": "Poradnia Łódź",
                    "email": values.parse_email("kontakt@"),
                    "date": OLD,
                },
            },
        )
        inbox.reject.clear()
        update = run("mail", "--stale", "-w", str(ws), "--send", "--verbose")
    assert update.exit_code == 0, update.output
    (sent,) = inbox.parsed()[invited:]  # ua-1's, and no other
    assert header_text(sent, "To") == "Ольга Петренко – Консультація <olga@example.org>"
    assert (
        "  gesendet ua-1 (Ольга Петренко – Консультація) <olga@example.org> (Adresse aus Versandprotokoll: "
        f"Einladung {year}; die Adresse im Register „olga(at)example.org“ ist ungültig): "
        f"Message-ID {sent['Message-ID']}"
    ) in update.output.splitlines()
    assert (
        "  NICHT VERSANDT lodz (Poradnia Łódź): ungültige E-Mail-Adresse (Register: lodz): „kontakt@“ "
        "ist keine E-Mail-Adresse (erwartet: name@example.org); bitte auf anderem Weg Kontakt aufnehmen"
    ) in update.output.splitlines()
    (logged,) = [e for e in log_events(ws) if e["event"] == "not_mailed"]
    assert (logged["institution_id"], logged["reason"], logged["email"]) == (
        "lodz",
        "invalid_email",
        "kontakt@",
    )
    status = json.loads(run("status", "-w", str(ws), "--json").output)
    assert status["without_email"] == ["lodz"]


def test_a_reminder_refused_for_good_goes_again_only_to_another_address(tmp_path):
    """The server refused lodz's reminder for good (550): like a reminder that bounced, the next
    reminder round does not send it to that address again, but says to give its new one; given
    in a recipients list, the reminder goes there."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
        lines = []
        for e in log_events(ws):  # time goes by: the invitation's return date has passed
            e["deadline"] = "2020-01-31" if "deadline" in e else None
            lines.append(json.dumps({k: v for k, v in e.items() if v is not None}))
        (ws / "sendlog.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        inbox.reject.add("lodz@example.org")
        reminded = run("mail", "--overdue", "-w", str(ws), "--send", "--round", "erinnerung")
        assert "ABGEWIESEN lodz (Poradnia Łódź) <lodz@example.org>: 550 5.1.1" in reminded.output
        status = json.loads(run("status", "-w", str(ws), "--json").output)
        assert (status["counts"]["failed"], status["refused_for_good"]) == (1, 1)
        inbox.reject.clear()  # the server would take it now: formgen must not try it
        same = run("mail", "--overdue", "-w", str(ws), "--send", "--round", "erinnerung-2")
        assert same.exit_code == 0, same.output
        assert (
            "  NICHT VERSANDT lodz (Poradnia Łódź): die Adresse lodz@example.org wurde vom Server abgewiesen "
            "(550 5.1.1 <lodz@example.org>" in same.output
        )
        assert [rcpts for _, rcpts, _ in inbox.messages].count(["lodz@example.org"]) == 1
        fixed = tmp_path / "fixed.csv"
        fixed.write_bytes(
            (DATA / "excel_utf8_bom.csv")
            .read_bytes()
            .replace(b"lodz@example.org", b"poradnia@lodz.example")
        )
        rerun = run(
            "mail", str(fixed), "--overdue", "-w", str(ws), "--send", "--round", "erinnerung-2"
        )
    assert rerun.exit_code == 0, rerun.output
    assert "Runde erinnerung-2 (Erinnerung): 1 zu versenden" in rerun.output, rerun.output
    assert inbox.messages[-1][1] == ["poradnia@lodz.example"]


def _bounce(ws: Path, tmp_path: Path, iid: str, round_name: str) -> None:
    """A Postfix bounce of ``iid``'s mail of ``round_name`` comes back and is recorded."""
    (mail,) = [
        e
        for e in log_events(ws)
        if e["event"] == "sent" and (e["institution_id"], e["round"]) == (iid, round_name)
    ]
    dsn = (
        (DATA / "bounce_postfix.eml")
        .read_text("ascii")
        .replace("{ADDRESS}", mail["email"])
        .replace("{MESSAGE_ID}", mail["message_id"])
        .replace("{INSTITUTION}", iid)
    )
    (tmp_path / "bounce.eml").write_text(dsn, "ascii")
    assert run("bounces", str(tmp_path / "bounce.eml"), "-w", str(ws)).exit_code == 0


def _a_minute_ago(ws: Path) -> None:
    """Everything the send log holds happened a minute earlier (its times are to the second)."""
    log = ws / "sendlog.jsonl"
    events = log_events(ws)
    for e in events:
        e["at"] = (dt.datetime.fromisoformat(e["at"]) - dt.timedelta(minutes=1)).isoformat()
    log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), "utf-8")


def test_a_listed_address_refused_for_good_or_bounced_is_not_mailed_in_any_round(tmp_path):
    """The server refused lodz's invitation for good (550), ua-1's bounced. The next invitation
    round and an update round given the same recipients list do not mail those addresses (the
    server would take them now): each line says why, as for the register's address, and the
    round's line counts them; another address in the list is mailed, and --force mails the
    refused one all the same."""
    inbox = Inbox(reject={"lodz@example.org"})
    listed = DATA / "excel_utf8_bom.csv"
    today = f"{dt.date.today():%d.%m.%Y}"  # as German writes it
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        first = run("mail", str(listed), "-w", str(ws), "--send", "--round", "einladung")
        assert "ABGEWIESEN lodz (Poradnia Łódź) <lodz@example.org>: 550 5.1.1" in first.output
        _bounce(ws, tmp_path, "ua-1", "einladung")
        inbox.reject.clear()  # the server would take both now: formgen must not try them

        again = run("mail", str(listed), "-w", str(ws), "--send", "--round", "einladung-2")
        assert again.exit_code == 0, again.output
        assert (
            "Runde einladung-2 (Einladung): 0 zu versenden, 0 bereits erledigt, 2 übersprungen, "
            "2 ohne brauchbare E-Mail-Adresse (2 abgewiesen)\n"
        ) in again.output
        assert (
            "  NICHT VERSANDT lodz (Poradnia Łódź): die Adresse lodz@example.org wurde vom Server abgewiesen "
            "(550 5.1.1 <lodz@example.org>: Recipient address rejected: User unknown) in "
            f"Runde einladung am {today}; in {listed}:4 korrigieren; --force versendet "
            "trotzdem; bitte auf anderem Weg Kontakt aufnehmen"
        ) in again.output.splitlines()
        assert (
            "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): die Adresse olga@example.org "
            "war unzustellbar (bounce 5.1.1 550 5.1.1"
        ) in again.output
        assert f"in Runde einladung am {today}; in {listed}:3 korrigieren; --force" in again.output
        logged = {e["institution_id"]: e for e in log_events(ws) if e["event"] == "not_mailed"}
        assert {iid: (e["reason"], e["email"]) for iid, e in logged.items()} == {
            "lodz": ("dead_email", "lodz@example.org"),
            "ua-1": ("dead_email", "olga@example.org"),
        }
        assert len(inbox.messages) == 3

        # an update round given the list keeps to the same rule
        returned_long_ago(
            ws,
            {
                "ua-1": {"name": "Ольга Петренко – Консультація", "date": OLD},
                "lodz": {"name": "Poradnia Łódź", "date": OLD},
            },
        )
        update = ("mail", "--stale", "-w", str(ws), "--send", "--round", "update-1")
        stale = run(*update[:2], str(listed), *update[2:])
        assert stale.exit_code == 0, stale.output
        assert (
            "Runde update-1 (Aktualisierung): 0 zu versenden, 0 bereits erledigt, "
            "2 ohne brauchbare E-Mail-Adresse (2 abgewiesen)\n"
        ) in stale.output
        assert (
            "NICHT VERSANDT lodz (Poradnia Łódź): die Adresse lodz@example.org wurde"
            in stale.output
        )
        assert len(inbox.messages) == 3

        # another address for lodz in the list is mailed; ua-1's refused one only with --force
        fixed = tmp_path / "Empfänger.csv"
        fixed.write_bytes(listed.read_bytes().replace(b"lodz@example.org", b"poradnia@lodz.pl"))
        moved = run(*update[:2], str(fixed), *update[2:])
        assert moved.exit_code == 0, moved.output
        assert (
            "Runde update-1 (Aktualisierung): 1 zu versenden, 0 bereits erledigt, "
            "1 ohne brauchbare E-Mail-Adresse (1 abgewiesen)\n"
        ) in moved.output
        assert inbox.messages[-1][1] == ["poradnia@lodz.pl"]
        assert "NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): die Adresse" in moved.output
        forced = run(*update[:2], str(fixed), *update[2:], "--force")
    assert forced.exit_code == 0, forced.output
    assert "Runde update-1 (Aktualisierung): 1 zu versenden, 1 bereits erledigt" in forced.output
    assert inbox.messages[-1][1] == ["olga@example.org"]
    assert len(inbox.messages) == 5


def test_a_refused_register_address_set_again_by_hand_is_mailed_again(tmp_path):
    """The server refused ua-1's register address for good (550) in update-1. Its form of that
    round comes back with the address as it was prefilled: that vouches for nothing, the next
    round does not mail it. On the telephone the coordinator learns that the mailbox was made
    anew and sets the same address by hand: the next round mails it, and 'formgen status' no
    longer counts ua-1 without an address. A mail to it that bounces after that counts again;
    removed and set anew by hand, it is mailed again."""
    inbox = Inbox()
    root = tmp_path / "ws"
    with smtp_server(inbox) as server:
        ws = make_workspace(root, server.port)
        _register_address_refused(root, inbox)
        _a_minute_ago(root)  # the update round went out before the telephone call
        form = mailed_form(ws, "ua-1", "update-1").read_bytes()
        returned = tmp_path / "Відповідь.pdf"
        returned.write_bytes(pdfium_fill(form, {"psychotherapie.initials": "ОП"}))
        assert run("ingest", str(returned), "-w", str(root)).exit_code == 0
        assert (
            Register.loads(SCHEMA, (root / "register.json").read_bytes()).value(
                "ua-1", "institution.email"
            )["v"]
            == "olga@example.org"
        )
        everyone = ("mail", "--from-register", "-w", str(root), "--send", "--round")
        unvouched = run(*everyone, "alle-1")
        assert unvouched.exit_code == 0, unvouched.output
        assert (
            "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): die Adresse im Register "
            "olga@example.org wurde vom Server abgewiesen (550 5.1.1"
        ) in unvouched.output
        assert json.loads(run("status", "-w", str(root), "--json").output)["without_email"] == [
            "ua-1"
        ]

        note = "per Telefon: Postfach neu angelegt"
        set_ = ("register", "set", "ua-1", "institution.email")
        vouched = run(*set_, "olga@example.org", "--note", note, "-w", str(root))
        assert vouched.exit_code == 0, vouched.output
        assert vouched.output == (
            "ua-1 institution.email: „olga@example.org“ erneut gesetzt: die Mailrunden verwenden "
            f"sie wieder (von Hand gesetzt: {note})\n"
        )
        assert json.loads(run("status", "-w", str(root), "--json").output)["without_email"] == []
        mailed = run(*everyone, "alle-2")
        assert mailed.exit_code == 0, mailed.output
        assert (
            "Runde alle-2 (Einladung): 1 zu versenden, 0 bereits erledigt, 0 ohne" in mailed.output
        )
        assert inbox.messages[-1][1] == ["olga@example.org"]

        _bounce(root, tmp_path, "ua-1", "alle-2")  # after the telephone call: dead again
        bounced = run(*everyone, "alle-3", "--dry-run")
        assert (
            "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): die Adresse im Register "
            "olga@example.org war unzustellbar (bounce 5.1.1"
        ) in bounced.output
        _a_minute_ago(root)
        assert run(*set_, "--clear", "--note", "Postfach voll", "-w", str(root)).exit_code == 0
        anew = run(*set_, "olga@example.org", "--note", "wieder da", "-w", str(root))
        assert anew.exit_code == 0, anew.output
        again = run(*everyone, "alle-3", "--dry-run")
    assert (
        "würde versenden an ua-1 (Ольга Петренко – Консультація) <olga@example.org>" in again.output
    )


def test_the_round_counts_every_institution_not_mailed_for_want_of_a_usable_address(tmp_path):
    """An invitation round whose list gives ua-1 no address, ar-1 an invalid one and lodz one
    the server refused for good in the round before: its line counts the three with why, and
    'formgen status' counts as many, by the same reasons, in its total and in the round's."""
    inbox = Inbox(reject={"lodz@example.org"})
    listed = tmp_path / "Einrichtungen.csv"
    rows = [
        "id;institution;email;categories;region",
        "lodz;Poradnia Łódź;lodz@example.org;facharzt;",
        "ua-1;Ольга Петренко – Консультація;;psychotherapie;andere",
        "ar-1;مركز الاستشارة;markaz(at)example.org;krisendienst;dormagen",
    ]
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        listed.write_text("\n".join(rows[:2]) + "\n", "utf-8")
        first = run("mail", str(listed), "-w", str(ws), "--send", "--round", "erste")
        assert "ABGEWIESEN lodz (Poradnia Łódź) <lodz@example.org>: 550 5.1.1" in first.output
        _a_minute_ago(ws)
        inbox.reject.clear()
        listed.write_text("\n".join(rows) + "\n", "utf-8")
        second = run(
            "mail", str(listed), "-w", str(ws), "--send", "--round", "zweite", "--skip-invalid"
        )
    assert second.exit_code == 0, second.output
    assert (
        "Runde zweite (Einladung): 0 zu versenden, 0 bereits erledigt, "
        "3 ohne brauchbare E-Mail-Adresse (1 keine, 1 ungültig, 1 abgewiesen)\n"
    ) in second.output
    assert inbox.messages == []
    shown = run("status", "-w", str(ws)).output
    assert (
        "nicht versandt (keine brauchbare Adresse) 3 (1 keine, 1 ungültig, 1 abgewiesen)  → die "
        "Adresse in der Empfängerliste oder im Register ergänzen oder korrigieren"
    ) in shown
    (row,) = [line.split() for line in shown.splitlines() if line.startswith("  zweite ")]
    assert row[1:8] == ["0", "0", "0", "0", "0", "0", "3"]
    status = json.loads(run("status", "-w", str(ws), "--json").output)
    assert status["not_mailed"] == 3
    assert {r["id"]: r["reason"] for r in status["rows"] if r["state"] == "not_mailed"} == {
        "ua-1": "no_email",
        "ar-1": "invalid_email",
        "lodz": "dead_email",
    }


NAMES = {
    "bs-ist": "Şule Yılmaz Danışmanlık",
    "ua-1": "Ольга Петренко – Консультація",
    "lodz": "Poradnia Łódź",
    "ar-1": "مركز الاستشارة",
}


def _by_round(ws: Path) -> dict[str, dict]:
    return {
        r["round"]: r for r in json.loads(run("status", "-w", str(ws), "--json").output)["rounds"]
    }


def test_a_later_mail_that_never_reached_the_institution_asked_nobody_again(tmp_path):
    """No institution answered the invitation (the register knows them from a survey long
    before), and all four are asked for an update: bs-ist's and ar-1's update mails arrive, the
    server refuses lodz's for good (550), ua-1's bounces. By round, the update counts ua-1's as
    failed and lodz's as not mailed (it never left: a rerun leaves its address out), three as
    mailed, and the invitation counts bs-ist and ar-1 as asked again, but lodz and ua-1 as
    overdue: no later mail reached them (each institution by its latest mail: failed)."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        invited = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert invited.exit_code == 0, invited.output
        deadlines_pass(ws)
        returned_long_ago(
            ws, {iid: {"name": name, "date": OLD} for iid, name in NAMES.items()}, answered=False
        )
        inbox.reject.add("lodz@example.org")
        update = run("mail", "--stale", "-w", str(ws), "--send", "--round", "update-1")
        assert update.exit_code == 1 and "4 zu versenden" in update.output, update.output
        _bounce(ws, tmp_path, "ua-1", "update-1")
    invitation = f"invitation-{dt.date.today().year}"
    columns = ("mailed", "answered", "waiting", "overdue", "failed", "asked_again")
    rounds = _by_round(ws)
    assert [rounds[invitation][c] for c in columns] == [4, 0, 0, 2, 0, 2]
    # lodz's update mail never left, refused for good: not mailed in its round, as a rerun of
    # the round counts it (as the run said: 3 of 4 sent); ua-1's bounced: failed
    assert [rounds["update-1"][c] for c in (*columns, "not_mailed")] == [3, 0, 2, 0, 1, 0, 1]
    status = json.loads(run("status", "-w", str(ws), "--json").output)
    assert {r["id"]: r["state"] for r in status["rows"]} == {
        "bs-ist": "outstanding",
        "ar-1": "outstanding",
        "lodz": "failed",
        "ua-1": "failed",
    }
    shown = run("status", "-w", str(ws)).output
    named = f"Einladung {dt.date.today().year}"  # the round's German name, its id in --json
    (row,) = [line.split() for line in shown.splitlines() if line.startswith(f"  {named} ")]
    assert row[2:8] == ["4", "0", "0", "2", "0", "2"]


def test_a_mail_not_delivered_yet_shows_its_institution_failed_until_a_rerun_delivers_it(
    tmp_path,
):
    """The server puts ar-1's reminder off (451, greylisting): ar-1 shows as failed, by its
    latest mail as by round, and '--list' says to run the round's command again; run again, it
    sends ar-1's reminder and only that, and ar-1 waits for its answer."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        invited = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert invited.exit_code == 0, invited.output
        deadlines_pass(ws)
        inbox.greylist.add("markaz@example.org")
        remind = ("mail", "--overdue", "-w", str(ws), "--send", "--round", "erinnerung")
        reminded = run(*remind)
        assert reminded.exit_code == 1
        assert (
            "AUFGESCHOBEN ar-1 (مركز الاستشارة) <markaz@example.org>: 451 4.7.1" in reminded.output
        )
        status = json.loads(run("status", "-w", str(ws), "--json").output)
        assert status["counts"] == {
            "returned": 0,
            "overdue": 0,
            "outstanding": 3,
            "failed": 1,
            "prepared": 0,
        }
        assert status["refused_for_good"] == 0
        (row,) = [r for r in status["rows"] if r["id"] == "ar-1"]
        assert (row["state"], row["round"], row["refused_for_good"]) == (
            "failed",
            "erinnerung",
            False,
        )
        assert row["error"].startswith("451 4.7.1 <markaz@example.org>")
        assert _by_round(ws)["erinnerung"]["failed"] == 1
        listed = run("status", "-w", str(ws), "--list").output
        assert (
            "fehlgeschlagen     1  (nicht zugestellt; denselben formgen-mail-Befehl erneut ausführen)"
            in listed
        )
        (line,) = [line for line in listed.splitlines() if line.startswith("ar-1 ")]
        assert line.split()[1] == "fehlgeschlagen"
        assert line.endswith(
            "Greylisted, try again later  → den Befehl der Runde erinnerung erneut ausführen (er "
            "verschickt, was noch fehlt)"
        )

        inbox.greylist.clear()
        again = run(*remind)
    assert again.exit_code == 0, again.output
    assert "Runde erinnerung (Erinnerung): 1 zu versenden, 0 bereits erledigt" in again.output
    assert inbox.messages[-1][1] == ["markaz@example.org"] and len(inbox.messages) == 8
    rows = json.loads(run("status", "-w", str(ws), "--json").output)["rows"]
    assert {r["id"]: r["state"] for r in rows}["ar-1"] == "outstanding"
    assert _by_round(ws)["erinnerung"]["failed"] == 0


def test_force_mails_an_address_that_failed_in_the_same_round_and_says_so(tmp_path):
    """The server refused lodz's invitation for good (550), ua-1's bounced. The same command
    with --force mails both addresses again (the server takes them now), and says for each
    which address it mails despite what, as for its other effects."""
    inbox = Inbox(reject={"lodz@example.org"})
    listed = DATA / "excel_utf8_bom.csv"
    today = f"{dt.date.today():%d.%m.%Y}"  # as German writes it
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        invite = ("mail", str(listed), "-w", str(ws), "--send", "--round", "einladung")
        assert (
            "ABGEWIESEN lodz (Poradnia Łódź) <lodz@example.org>: 550 5.1.1" in run(*invite).output
        )
        _bounce(ws, tmp_path, "ua-1", "einladung")
        inbox.reject.clear()
        dry = run(*invite, "--force", "--dry-run")
        assert "  würde trotzdem versenden: lodz (Poradnia Łódź): die Adresse lodz@example.org" in (
            dry.output
        )
        forced = run(*invite, "--force")
    assert forced.exit_code == 0, forced.output
    assert "Runde einladung (Einladung): 2 zu versenden, 2 bereits erledigt" in forced.output
    assert (
        "  trotzdem versandt: lodz (Poradnia Łódź): die Adresse lodz@example.org wurde vom Server abgewiesen "
        "(550 5.1.1 <lodz@example.org>: Recipient address rejected: User unknown) in Runde "
        f"einladung am {today} (--force)"
    ) in forced.output.splitlines()
    assert (
        "  trotzdem versandt: ua-1 (Ольга Петренко – Консультація): die Adresse olga@example.org "
        "war unzustellbar (bounce 5.1.1"
    ) in forced.output
    assert sorted(rcpts[0] for _, rcpts, _ in inbox.messages[3:]) == [
        "lodz@example.org",
        "olga@example.org",
    ]


def test_a_bounced_address_set_again_by_hand_is_mailed_by_a_rerun_of_its_round(tmp_path):
    """The register's address of ua-1 bounced in round alle-1: the same command run again does
    not mail it. On the telephone the coordinator learns that the mailbox works again and sets
    the same address by hand: that vouches for it, and the same command, round alle-1 again,
    mails it the form of that round, as a new round would."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
        returned_long_ago(
            ws,
            {
                "ua-1": {
                    "name": "Ольга Петренко – Консультація",
                    "email": values.parse_email("olga@example.org"),
                }
            },
        )
        everyone = ("mail", "--from-register", "-w", str(ws), "--send", "--round", "alle-1")
        assert "1 zu versenden" in run(*everyone).output
        _bounce(ws, tmp_path, "ua-1", "alle-1")
        _a_minute_ago(ws)  # the bounce came before the telephone call
        bounced = run(*everyone)
        assert bounced.exit_code == 0, bounced.output
        assert (
            "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): die Adresse im Register "
            "olga@example.org war unzustellbar (bounce 5.1.1"
        ) in bounced.output
        assert len(inbox.messages) == 5

        vouched = run(
            *("register", "set", "ua-1", "institution.email", "olga@example.org"),
            *("--note", "per Telefon: Postfach wieder da", "-w", str(ws)),
        )
        assert vouched.exit_code == 0, vouched.output
        again = run(*everyone)
    assert again.exit_code == 0, again.output
    assert again.output.startswith(
        "Runde alle-1 (Einladung): 1 zu versenden, 0 bereits erledigt, 0 ohne brauchbare E-Mail-Adresse\n"
    ), again.output
    assert "skipped" not in again.output
    assert len(inbox.messages) == 6 and inbox.messages[-1][1] == ["olga@example.org"]
    (first, resent) = [
        message_from_bytes(m, policy=policy.default) for _, _, m in inbox.messages[4:]
    ]
    assert resent["X-Formgen-Instance"] == first["X-Formgen-Instance"]
    assert json.loads(run("status", "-w", str(ws), "--json").output)["without_email"] == []


def test_a_forced_update_round_says_it_mails_an_address_from_the_send_log_despite_a_bounce(
    tmp_path,
):
    """The update mail of round update-1 to ua-1 bounced. The coordinator runs update-1 again
    with a list that names only lodz: ua-1, mailed in this round, comes from the send log, at
    the address that bounced. It is not mailed, and the line says why; with --force it is,
    and the output says which address it mails despite what, as for a listed one."""
    inbox = Inbox()
    listed = DATA / "excel_utf8_bom.csv"
    today = f"{dt.date.today():%d.%m.%Y}"  # as German writes it
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(listed), "-w", str(ws), "--send").exit_code == 0
        returned_long_ago(
            ws,
            {
                "ua-1": {"name": "Ольга Петренко – Консультація", "date": OLD},
                "lodz": {"name": "Poradnia Łódź", "date": OLD},
            },
        )
        update = ("mail", "--stale", "-w", str(ws), "--send", "--round", "update-1")
        assert "2 zu versenden" in run(*update[:2], str(listed), *update[2:]).output
        _bounce(ws, tmp_path, "ua-1", "update-1")
        only_lodz = tmp_path / "Łódź.csv"
        only_lodz.write_text(
            "id;institution;email;categories;region\n"
            "lodz;Poradnia Łódź;lodz@example.org;facharzt;\n",
            "utf-8",
        )
        again = run(*update[:2], str(only_lodz), *update[2:])
        assert again.exit_code == 0, again.output
        assert (
            "Runde update-1 (Aktualisierung): 0 zu versenden, 1 bereits erledigt, "
            "1 ohne brauchbare E-Mail-Adresse (1 abgewiesen)\n"
        ) in again.output
        assert (
            "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): die Adresse olga@example.org "
            "war unzustellbar (bounce 5.1.1"
        ) in again.output
        assert (
            f"in Runde update-1 am {today}; die neue Adresse in der Empfängerliste angeben; "
            "--force versendet trotzdem; bitte auf anderem Weg Kontakt aufnehmen"
        ) in again.output
        assert len(inbox.messages) == 6
        forced = run(*update[:2], str(only_lodz), *update[2:], "--force")
    assert forced.exit_code == 0, forced.output
    assert "Runde update-1 (Aktualisierung): 1 zu versenden, 1 bereits erledigt" in forced.output
    (despite,) = [line for line in forced.output.splitlines() if "trotzdem versandt" in line]
    assert despite.startswith(
        "  trotzdem versandt: ua-1 (Ольга Петренко – Консультація): die Adresse olga@example.org "
        "war unzustellbar (bounce 5.1.1"
    )
    assert despite.endswith(f"in Runde update-1 am {today} (--force)")
    assert len(inbox.messages) == 7 and inbox.messages[-1][1] == ["olga@example.org"]


def _reminder_bounced(ws: Path, tmp_path: Path) -> None:
    """Nobody sent back the invitation form; the register holds what Poradnia Łódź wrote on a
    form of a survey before, with its address. The reminders of round erinnerung go out, and
    Łódź's bounces (a minute ago)."""
    assert run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send").exit_code == 0
    returned_long_ago(
        ws,
        {"lodz": {"name": "Poradnia Łódź", "email": values.parse_email("lodz@example.org")}},
        answered=False,
    )
    deadlines_pass(ws)
    reminded = run("mail", "--overdue", "-w", str(ws), "--send", "--round", "erinnerung")
    assert "Runde erinnerung (Erinnerung): 4 zu versenden" in reminded.output, reminded.output
    _bounce(ws, tmp_path, "lodz", "erinnerung")
    _a_minute_ago(ws)  # the bounce came before anything the coordinator does next


def test_a_bounced_reminder_address_set_again_by_hand_is_reminded_again(tmp_path):
    """Łódź's reminder bounced: the next reminder round does not mail that address, and says
    why, as every other round does. On the telephone the coordinator learns that the mailbox
    works again and sets the same address by hand: that vouches for it, and --overdue reminds
    Łódź there, as an invitation or update round would mail it."""
    inbox = Inbox()
    today = f"{dt.date.today():%d.%m.%Y}"  # as German writes it
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        _reminder_bounced(ws, tmp_path)
        remind = ("mail", "--overdue", "-w", str(ws), "--send", "--round", "erinnerung-2")
        bounced = run(*remind)
        assert bounced.exit_code == 0, bounced.output
        assert bounced.output.startswith(
            "Runde erinnerung-2 (Erinnerung): 0 zu versenden, 0 bereits erledigt, "
            "1 ohne brauchbare E-Mail-Adresse (1 abgewiesen)\n"
        ), bounced.output
        (line,) = [x for x in bounced.output.splitlines() if "NICHT VERSANDT" in x]
        assert line.startswith(
            "  NICHT VERSANDT lodz (Poradnia Łódź): die Adresse lodz@example.org war unzustellbar (bounce 5.1.1"
        )
        assert line.endswith(
            f"in Runde erinnerung am {today}; die neue Adresse in einer Empfängerliste (formgen "
            "mail LISTE --overdue --drafts ORDNER, oder --send) oder im Register (formgen mail "
            "--from-register --overdue --drafts ORDNER, oder --send) angeben; "
            "--force versendet trotzdem; bitte auf anderem Weg Kontakt aufnehmen"
        )
        assert len(inbox.messages) == 8

        vouched = run(
            *("register", "set", "lodz", "institution.email", "lodz@example.org"),
            *("--note", "per Telefon: Postfach wieder da", "-w", str(ws)),
        )
        assert vouched.exit_code == 0, vouched.output
        assert "„lodz@example.org“ erneut gesetzt" in vouched.output  # the same address
        again = run(*remind)
    assert again.exit_code == 0, again.output
    assert again.output.startswith(
        "Runde erinnerung-2 (Erinnerung): 1 zu versenden, 0 bereits erledigt, "
        "0 ohne brauchbare E-Mail-Adresse\n"
    ), again.output
    assert "despite" not in again.output
    assert len(inbox.messages) == 9 and inbox.messages[-1][1] == ["lodz@example.org"]
    status = json.loads(run("status", "-w", str(ws), "--json").output)
    assert {r["id"]: r["state"] for r in status["rows"]}["lodz"] == "outstanding"


def test_force_reminds_an_address_whose_reminder_bounced_and_says_so(tmp_path):
    """Łódź's reminder bounced, and nobody vouched for the address (the register holds it from a
    returned form, which does not): --force reminds Łódź there all the same, and the output
    says which address it mails despite what, as in every other round."""
    inbox = Inbox()
    today = f"{dt.date.today():%d.%m.%Y}"  # as German writes it
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        _reminder_bounced(ws, tmp_path)
        forced = run(
            *("mail", "--overdue", "-w", str(ws), "--send", "--round", "erinnerung-2", "--force")
        )
    assert forced.exit_code == 0, forced.output
    assert forced.output.startswith(
        "Runde erinnerung-2 (Erinnerung): 1 zu versenden, 0 bereits erledigt, "
        "0 ohne brauchbare E-Mail-Adresse\n"
    ), forced.output
    (despite,) = [line for line in forced.output.splitlines() if "trotzdem versandt" in line]
    assert despite.startswith(
        "  trotzdem versandt: lodz (Poradnia Łódź): die Adresse lodz@example.org war unzustellbar (bounce 5.1.1"
    )
    assert despite.endswith(f"in Runde erinnerung am {today} (--force)")
    assert len(inbox.messages) == 9 and inbox.messages[-1][1] == ["lodz@example.org"]


def test_the_password_prompt_shows_control_characters_of_the_settings_as_escapes(tmp_path):
    # workspace.toml may spell any character ("\u001b"): the prompt is shown as echo shows lines
    port = free_port()  # nothing listens there: the round ends after the prompt
    ws = make_workspace(tmp_path / "ws", port, extra='user = "spkom\\u001b[2J\\u202ex"\n').root
    result = CliRunner().invoke(
        main, ["mail", str(DATA / "excel_cp1252.csv"), "-w", str(ws), "--send"], input="geheim\n"
    )
    assert result.exit_code == 1
    assert "SMTP-Passwort für spkom\\x1b[2J\\u202ex bei 127.0.0.1: " in result.output, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output


def test_a_test_mail_goes_to_the_coordinator_only_and_the_real_round_is_untouched(tmp_path):
    """She sends herself a register institution's mail first (--test-to): the same mail and
    prefilled form, to her address only, marked as a test; the round, the send log, the forms
    issued and 'formgen status' know nothing of it, so the real round mails that institution
    as if the test had not been (it used to skip it as mailed, at her address)."""
    me = "koordination@spkom.example"
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        write_register(
            ws,
            {
                "reg-1": {
                    "institution": {
                        "name": "Türkisch-Deutscher Gesundheitsverein Şifa e.V.",
                        "email": "info@sifa.example",
                    },
                    "categories": {"psychotherapie": dt.date.today().isoformat()},
                },
                "reg-2": {
                    "institution": {"name": "Центр «Надежда»", "email": "nadezhda@example.org"},
                    "categories": {"krisendienst": dt.date.today().isoformat()},
                },
            },
        )
        one = tmp_path / "test.csv"
        one.write_text(
            "ID;Einrichtung;E-Mail;Kategorien;Region\n"
            "reg-1;Türkisch-Deutscher Gesundheitsverein Şifa e.V.;info@sifa.example;psychotherapie;"
            "Düsseldorf\n",
            "utf-8",
        )

        def files() -> dict[str, bytes]:
            return {
                str(p.relative_to(ws)): p.read_bytes()
                for p in ws.rglob("*")
                if p.is_file() and p.name != ".lock"
            }

        before = files()
        test = run("mail", str(one), "-w", str(ws), "--send", "--test-to", me, "--round", "test")
        assert test.exit_code == 0, test.output
        assert test.output.splitlines()[0] == (
            f"Test: jede Mail dieses Laufs geht nur an {me}, im Betreff als [TEST] markiert; "
            "nichts wird protokolliert (Runde, Versandprotokoll, ausgegebene Formulare und "
            "„formgen status“ bleiben, wie sie waren)"
        )
        assert "1 von 1 Mails gesendet" in test.output
        drafts = tmp_path / "entwuerfe"
        drafted = run("mail", str(one), "-w", str(ws), "--drafts", str(drafts), "--test-to", me)
        assert drafted.exit_code == 0, drafted.output
        # nothing logged, issued or stored; where the test draft is, for 'register erase' to name
        (noted,) = files().keys() - before.keys()
        assert {k: v for k, v in files().items() if k != noted} == before
        (line,) = map(json.loads, (ws / noted).read_text("utf-8").splitlines())
        assert noted == "testdrafts.jsonl" and line.keys() == {"at", "institution_id", "path"}
        assert line["path"] == str((drafts / "reg-1.eml").resolve())
        status = json.loads(run("status", "-w", str(ws), "--json").output)
        assert status["rounds"] == [] and status["institutions"] == 0 and status["rows"] == []

        real = run("mail", "--from-register", "-w", str(ws), "--send")
        assert real.exit_code == 0, real.output
        assert "übersprungen" not in real.output
        assert "2 von 2 Mails gesendet" in real.output

    (test_mail, *real_mails) = inbox.parsed()
    assert [rcpts for _, rcpts, _ in inbox.messages] == [
        [me],
        ["info@sifa.example"],
        ["nadezhda@example.org"],
    ]
    sifa = real_mails[0]
    assert header_text(test_mail, "To") == f"Türkisch-Deutscher Gesundheitsverein Şifa e.V. <{me}>"
    assert header_text(test_mail, "Subject") == (
        "[TEST, an info@sifa.example] " + header_text(sifa, "Subject")
    )

    def text(mail: EmailMessage) -> str:  # but for the reference of the form it carries
        return re.sub(r"FG-\w{5}-\w{5}", "FG-…", mail.get_body().get_content())

    assert "FG-…" in text(sifa) and text(test_mail) == text(sifa)
    (form,) = test_mail.iter_attachments()
    (real_form,) = sifa.iter_attachments()
    assert form.get_filename().rsplit("_", 1)[0] == real_form.get_filename().rsplit("_", 1)[0]
    pdf = form.get_content()
    # the register's prefilled form of the institution, not the list row's
    assert pdf_value(pdf, "institution.name") == "Türkisch-Deutscher Gesundheitsverein Şifa e.V."
    assert identity_in(pdf, ".pdf")["formgen.institution_id"] == "reg-1"
    # the draft too goes to her only, marked as a test
    draft = message_from_bytes((drafts / "reg-1.eml").read_bytes(), policy=policy.default)
    assert header_text(draft, "To") == f"Türkisch-Deutscher Gesundheitsverein Şifa e.V. <{me}>"
    assert header_text(draft, "Subject").startswith("[TEST, an info@sifa.example] ")
    rows = json.loads(run("status", "-w", str(ws), "--json").output)["rows"]
    assert {(r["id"], r["email"], r["round"]) for r in rows} == {
        ("reg-1", "info@sifa.example", "invitation-" + str(dt.date.today().year)),
        ("reg-2", "nadezhda@example.org", "invitation-" + str(dt.date.today().year)),
    }


def test_the_bounce_of_a_test_mail_changes_nothing_in_the_send_log(tmp_path):
    """She mistyped her own address in --test-to and the test mail bounced; its original names
    the institution whose mail it copied (X-Formgen-Institution). The bounce is said to be a
    test mail's and recorded nowhere: the institution's real mail, to its right address, was
    marked failed and that address never mailed again."""
    ws = make_workspace(tmp_path / "ws", port=1).root
    listed = str(DATA / "excel_utf8_bom.csv")
    test = run("mail", listed, "-w", str(ws), "--drafts", str(tmp_path / "t"),
               "--test-to", "spkom@exmaple.org")  # fmt: skip
    assert test.exit_code == 0, test.output
    assert run("mail", listed, "-w", str(ws), "--drafts", str(tmp_path / "d")).exit_code == 0
    draft = message_from_bytes((tmp_path / "t" / "lodz.eml").read_bytes(), policy=policy.compat32)
    assert draft["X-Formgen-Test"] == "1" and draft["X-Formgen-Institution"] == "lodz"
    original = "".join(f"{k}: {v}\n" for k, v in draft.items())
    template = (DATA / "bounce_postfix.eml").read_text("ascii")
    head, _, _ = template.partition("From: SPKoM")
    closing = template.rsplit("\n", 2)[-2]  # the report's last boundary
    dsn = f"{head.replace('{ADDRESS}', 'spkom@exmaple.org')}{original}\n{closing}"
    (tmp_path / "bounce.eml").write_text(dsn, "utf-8")
    log = (ws / "sendlog.jsonl").read_bytes()
    result = run("bounces", str(tmp_path / "bounce.eml"), "-w", str(ws))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "  TESTMAIL spkom@exmaple.org: Unzustellbarkeitsmeldung einer Testmail (formgen mail "
        "… --test-to), nichts erfasst (bounce.eml)",
        "0 Unzustellbarkeitsmeldungen erfasst",
    ]
    assert (ws / "sendlog.jsonl").read_bytes() == log
    again = run("mail", listed, "-w", str(ws), "--drafts", str(tmp_path / "d2"))
    assert "NICHT VERSANDT" not in again.output and "0 zu versenden, 4 bereits erledigt" in (
        again.output
    )


def test_a_test_address_that_is_an_institutions_is_refused_unless_it_is_the_senders(tmp_path):
    """--test-to with an institution's address (a typo, the mail program's completion) sent
    every institution's prefilled form, its contact's data, to that institution: refused,
    saying whose address it is, whether the list being mailed or the register has it."""
    ws = make_workspace(tmp_path / "ws", port=1).root
    write_register(
        ws,
        {
            "reg-1": {
                "institution": {"name": "Центр «Надежда»", "email": "nadezhda@example.org"},
                "categories": {"krisendienst": dt.date.today().isoformat()},
            }
        },
    )
    listed = str(DATA / "excel_utf8_bom.csv")
    drafts = tmp_path / "d"
    for address, who in [
        ("Lodz@Example.org", "lodz (Poradnia Łódź)"),  # in the list
        ("nadezhda@example.org", "reg-1 (Центр «Надежда»)"),  # in the register only
    ]:
        result = CliRunner().invoke(
            main, ["mail", listed, "-w", str(ws), "--drafts", str(drafts), "--test-to", address]
        )
        assert result.exit_code == 2, result.output
        assert (
            f"Fehler: Ungültiger Wert für '--test-to': {address} ist die Adresse von {who}: der "
            "Test schickte ihr die vorausgefüllten Formulare aller Einrichtungen"
        ) in " ".join(result.stderr.split())
        assert not drafts.exists() and not (ws / "sendlog.jsonl").exists()
    # the workspace's sender is the coordinator's, even where a list row gives it
    own = tmp_path / "own.csv"
    own.write_text(
        "id;institution;email;categories;region\nich;SPKoM;spkom@example.org;facharzt;\n"
    )
    ok = run("mail", str(own), "-w", str(ws), "--drafts", str(drafts), "--test-to",
             "spkom@example.org")  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert [p.name for p in drafts.iterdir()] == ["ich.eml"]


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "de",
            "Die Testentwürfe in {folder} enthalten personenbezogene Daten der Einrichtungen, "
            "und formgen weiß nicht, was in ihnen steht („formgen register erase“ nennt sie, "
            "löscht sie aber nicht): löschen Sie sie, wenn Sie sie angesehen haben",
        ),
        (
            "en",
            "the test drafts in {folder} hold the institutions' personal data, and formgen "
            "does not know what is in them ('formgen register erase' names them but does not "
            "delete them): delete them once you have looked at them",
        ),
    ],
)
def test_test_drafts_are_said_to_hold_personal_data_erase_does_not_delete(tmp_path, lang, note):
    """Test drafts are prefilled with the institutions' data, but formgen does not know what
    they hold, so 'register erase' only names them: the run says so, in the workspace's
    language."""
    ws = make_workspace(tmp_path / "ws", port=1, language=lang).root
    drafts = tmp_path / "Entwürfe"
    result = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--drafts",
                 str(drafts), "--test-to", "spkom@example.org")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == note.format(folder=drafts)  # after the drafts
    assert len(list(drafts.glob("*.eml"))) == 4
    real = run("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--drafts",
               str(tmp_path / "d"))  # fmt: skip
    assert "personal" not in real.output and "personenbezogen" not in real.output


def test_a_test_address_with_a_display_name_mails_the_address_in_it(tmp_path):
    """Audit s20K: ``--test-to "Maria Müller <maria@spkom.example>"``, as a mail program
    copies an address, was refused as letters like ü before the @, with advice to ask the
    institution; the address in <…> is taken."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        args = ("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        result = run(*args, "--test-to", "Maria Müller <maria@spkom.example>")
    assert result.exit_code == 0, result.output
    assert [rcpts for _, rcpts, _ in inbox.messages] == [["maria@spkom.example"]] * 4
    assert all(str(m["Subject"]).startswith("[TEST") for m in inbox.parsed())
    assert not (ws / "sendlog.jsonl").exists()
    # a display name holding another address is refused: which of the two is meant?
    two = run(*args, "--test-to", "anna@spkom.example <maria@spkom.example>")
    assert two.exit_code == 2 and "ist keine E-Mail-Adresse" in two.output


@pytest.mark.parametrize("address", ["koordination@localhost", "ich"])
def test_a_test_address_that_cannot_be_mailed_is_refused_before_anything(tmp_path, address):
    ws = make_workspace(tmp_path / "ws", port=1).root
    result = CliRunner().invoke(
        main,
        ["mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send", "--test-to", address],
    )
    assert result.exit_code == 2
    assert "Fehler: Ungültiger Wert für '--test-to': " in result.stderr
    assert f"„{address}“ ist keine E-Mail-Adresse" in result.stderr
    assert not (ws / "sendlog.jsonl").exists()


def _formgen(*args: str) -> subprocess.Popen[str]:
    """formgen in a process of its own, the stop signals as a terminal leaves them."""

    def default_signals() -> None:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)

    cli = [sys.executable, "-c", "from formgen.cli import main; main()"]
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}  # a pipe: whole lines
    return subprocess.Popen(
        [*cli, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=default_signals,
    )


def test_a_round_piped_to_head_sends_every_mail_and_ends_141(tmp_path):
    """Audit s18U: ``formgen mail --send … | head -1`` (or ``| less`` quit after one screen)
    sent one mail and stopped unsaid where head had ended. How much a round sends never
    depends on the reader of its output: every mail arrives and is logged as sent, and the
    exit status 141 says that the output was cut."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        status, shown, err = piped(
            "head -1", "mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send"
        )
    assert (status, err) == (141, ""), err
    assert shown.startswith("Runde Einladung "), shown  # the plan, the first line
    rcpts = sorted(r for _, rs, _ in inbox.messages for r in rs)
    assert rcpts == [
        "lodz@example.org",
        "markaz@example.org",
        "olga@example.org",
        "sule@danisma.example",
    ]
    assert sum(e["event"] == "sent" for e in log_events(ws)) == 4


@pytest.mark.parametrize(
    ("signum", "by"),
    [(signal.SIGINT, "Ctrl-C"), (signal.SIGTERM, "SIGTERM"), (signal.SIGHUP, "SIGHUP")],
)
def test_a_round_stopped_by_a_signal_says_each_mail_as_it_goes_and_what_is_left(
    tmp_path, signum, by
):
    """Found by the shared-drive audit: the lines of the mails sent came only when the round
    ended (minutes at 30 a minute); Ctrl-C printed English 'Aborted!', kill and a closed
    terminal nothing. Each mail is said as it goes; a stop signal ends the round between two
    mails, which says how many are left and to run the same command again."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        args = ("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        proc = _formgen(*args, "--rate", "6")  # 10 s between two mails
        try:
            assert proc.stdout is not None
            shown = [proc.stdout.readline() for _ in range(2)]  # the plan, then the first mail
            assert shown[1].startswith("  gesendet bs-ist (Şule Yılmaz"), shown
            proc.send_signal(signum)
            out, err = proc.communicate(timeout=60)
        finally:
            proc.kill()
            proc.communicate()
        assert proc.returncode == 1, err
        assert len(inbox.messages) == 1
        assert out == "1 von 4 Mails gesendet\n"
        assert err == (
            f"Fehler: abgebrochen ({by}) zwischen zwei Mails: 3 Mails nicht gesendet; um sie zu "
            "senden, denselben Befehl noch einmal ausführen (die gesendeten sind vermerkt und "
            "gehen nicht noch einmal)\n"
        )
        again = run(*args)
    assert again.exit_code == 0, again.output
    assert "3 zu versenden, 1 bereits erledigt" in again.output
    rcpts = [r for _, rs, _ in inbox.messages for r in rs]
    assert sorted(rcpts) == [
        "lodz@example.org",
        "markaz@example.org",
        "olga@example.org",
        "sule@danisma.example",
    ]


def test_ctrl_c_while_the_round_is_planned_or_at_the_password_prompt_says_so(tmp_path, monkeypatch):
    """Ctrl-C before the first mail (while the round was planned, at the password prompt)
    printed click's English 'Aborted!'; it is said in the workspace's language, exit 1, and
    nothing is sent or logged as sent."""
    ws = make_workspace(tmp_path / "ws", port=1, extra='user = "spkom"\n').root
    args = ["mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send"]
    no_answer = CliRunner().invoke(main, args, input="")  # the input ends at the prompt
    assert no_answer.exit_code == 1, no_answer.output
    # no terminal, no password: the variable to set is named (see the test of cron above)
    assert no_answer.stderr.startswith(
        "Fehler: kein SMTP-Passwort für spkom: die Umgebungsvariable FORMGEN_SMTP_PASSWORD ist "
    )
    assert "Aborted" not in no_answer.output

    def ctrl_c(*_args: object) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # the coordinator presses Ctrl-C

    monkeypatch.setattr("formgen.cli.mail.default_renderers", ctrl_c)
    stopped = CliRunner().invoke(main, args)
    assert stopped.exit_code == 1, stopped.output
    assert stopped.stderr == "Fehler: abgebrochen (Ctrl-C); danach wurde nichts mehr getan\n"
    assert not (ws / "sendlog.jsonl").exists()


def test_a_mail_whose_servers_answer_was_never_logged_goes_again_said_maybe_sent(tmp_path):
    """A run that ends after the server took a mail but before its 'sent' was logged (killed,
    the machine turned off) cannot know whether the mail went: the rerun sends it again,
    better twice than never, and says that the institution may get it twice."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        args = ("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        assert run(*args).exit_code == 0
        lines = (ws / "sendlog.jsonl").read_text("utf-8").splitlines(keepends=True)
        last_sent = max(i for i, line in enumerate(lines) if '"event": "sent"' in line)
        assert '"event": "sending"' in lines[last_sent - 1]
        (ws / "sendlog.jsonl").write_text("".join(lines[:last_sent]), "utf-8")
        iid = json.loads(lines[last_sent])["institution_id"]
        again = run(*args)
    assert again.exit_code == 0, again.output
    assert "1 zu versenden, 3 bereits erledigt" in again.output
    said = again.output.splitlines()
    at = said.index(next(line for line in said if line.startswith(f"  gesendet {iid} ")))
    assert said[at + 1].startswith(
        "    Hinweis: möglicherweise schon gesendet: ein Lauf vom "
    ) and said[at + 1].endswith(
        "endete, während diese Mail an den Server ging, bevor seine Antwort vermerkt war; noch "
        "einmal gesendet, die Einrichtung bekommt sie also vielleicht doppelt"
    )
    rcpts = [r for _, rs, _ in inbox.messages for r in rs]
    assert len(rcpts) == 5 and len(set(rcpts)) == 4
    third = run(*args)
    assert "0 zu versenden" in third.output and "möglicherweise" not in third.output


def test_a_run_waiting_for_a_mail_round_is_told_which_run_holds_the_workspace(
    tmp_path, monkeypatch
):
    """Found by the shared-drive audit: an ingest during a mail round waited 30 s, then said in
    English only that the workspace 'is in use by another formgen run'; a second mail printed
    its whole plan first. The run holding the workspace writes what it is into the lock file;
    the one waiting names it, in the workspace's language, and a second mail fails before its
    plan."""
    monkeypatch.setattr(formgen.workspace, "LOCK_WAIT", 0.5)
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        args = ("mail", str(DATA / "excel_utf8_bom.csv"), "-w", str(ws), "--send")
        proc = _formgen(*args, "--rate", "6")
        try:
            assert proc.stdout is not None
            shown = [proc.stdout.readline() for _ in range(2)]  # the plan, then the first mail
            assert shown[1].startswith("  gesendet bs-ist"), shown
            held = (
                f"{ws} wird gerade von einem anderen formgen-Lauf benutzt (0 s gewartet): "
                "„formgen mail … -w … --send --rate …“ seit "  # no path, no value
            )
            by = (
                f", auf dem Computer {socket.gethostname()} von {getpass.getuser()} "
                f"(Prozess {proc.pid}); noch einmal versuchen, wenn er fertig ist"
            )
            second = run(*args)
            ingest = run("ingest", str(tmp_path), "-w", str(ws))
            proc.send_signal(signal.SIGTERM)
            proc.communicate(timeout=60)
        finally:
            proc.kill()
            proc.communicate()
    assert second.exit_code == 1
    waits = f"{ws} wird gerade von einem anderen formgen-Lauf benutzt: „formgen mail … -w "
    assert second.output.startswith(waits), second.output  # said at once, before it fails
    said = second.output[second.output.index("Fehler: ") :]
    assert said.startswith(f"Fehler: {held}"), second.output  # no plan before it
    assert by in second.output
    assert ingest.exit_code == 1
    assert held in ingest.output and by in ingest.output
    with formgen.workspace.Workspace.open(ws).lock(wait=0):  # the round ended: free again
        assert (ws / ".lock").read_text("utf-8").startswith('{"command": "formgen ')
    assert (ws / ".lock").read_text("utf-8") == ""


SF_ASCII = "info@xn--straenfuball-neu-jlbei.de"
"""info@straßenfußball-neuß.de on the wire: IDNA 2008 keeps ß, a letter of its own in a domain
since 2010 (Python's codec ``"straßenfußball-neuß".encode("punycode")`` gives the same label)."""


def test_a_domain_with_sharp_s_is_mailed_to_its_own_domain_never_the_one_with_ss(tmp_path):
    """A tester's finding: info@straßenfußball-neuß.de went to strassenfussball-neuss.de, another
    registered domain (IDNA 2003 writes ß as ss), and a returned address too in the next round of
    the register. The server is asked for the ß domain's own ASCII form; the coordinator reads
    the address as written; an address IDNA 2008 refuses is named and not mailed."""
    csv = tmp_path / "idn.csv"
    csv.write_text(
        "id;institution;email;categories;region\n"
        "sf;Straßenfußball Neuß e.V.;info@straßenfußball-neuß.de;krisendienst;\n",
        "utf-8",
    )
    inbox = Inbox()
    with smtp_server(inbox, enable_SMTPUTF8=False) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        first = run("mail", str(csv), "-w", str(ws), "--send")
        write_register(
            ws,
            {
                "mso": {
                    "institution": {
                        "name": "Türkisch-Arabischer Elternverein Neuss e.V.",
                        "email": "beratung@elternverein-neuß.de",  # as a return gave it
                    },
                    "categories": {"psychotherapie": "2026-01-05"},
                },
                "zwj": {
                    "institution": {"name": "Praxis Ağa", "email": "praxis@a\u200dga.example"},
                    "categories": {"psychotherapie": "2026-01-05"},
                },
            },
        )
        stale = run("mail", "--stale", "--stale-by", "01.01.2099", "-w", str(ws), "--send")
    assert first.exit_code == 0 and stale.exit_code == 0, first.output + stale.output
    assert [rcpts for _, rcpts, _ in inbox.messages] == [
        [SF_ASCII],
        ["beratung@xn--elternverein-neu-vlb.de"],
    ]
    assert inbox.parsed()[0]["To"].addresses[0].addr_spec == SF_ASCII
    assert "gesendet sf (Straßenfußball Neuß e.V.) <info@straßenfußball-neuß.de>" in first.output
    assert "<beratung@elternverein-neuß.de>" in stale.output, stale.output
    said = " ".join(stale.output.split())
    assert (
        "„praxis@a\\u200dga.example“ kann nicht angeschrieben werden: der Teil nach dem @, "
        "„a\\u200dga.example“, ist kein Domainname, den IDNA 2008 zulässt: er enthält U+200D Zero "
        "Width Joiner"
    ) in said, said  # the joiner, which shows as nothing, as its escape
    logged = {e["institution_id"]: e["email"] for e in log_events(ws) if e.get("email")}
    assert logged["sf"] == SF_ASCII and logged["mso"] == "beratung@xn--elternverein-neu-vlb.de"
    assert "neuss" not in (ws / "sendlog.jsonl").read_text("utf-8")


def test_a_round_run_again_says_a_mail_of_it_went_to_the_ss_domain_before(tmp_path):
    """A send log of a formgen before IDNA 2008 holds info@strassenfussball-neuss.de for the
    list's info@straßenfußball-neuß.de: the round run again skips it as sent, and says that
    mail went to another domain and how to mail it."""
    csv = tmp_path / "idn.csv"
    csv.write_text(
        "id;institution;email;categories;region\n"
        "sf;Straßenfußball Neuß e.V.;info@straßenfußball-neuß.de;krisendienst;\n"
        "buero;Beratungsbüro Öz;info@büro.example;krisendienst;\n",
        "utf-8",
    )
    inbox = Inbox()
    with smtp_server(inbox, enable_SMTPUTF8=False) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(csv), "-w", str(ws), "--send", "--round", "r1").exit_code == 0
        log = ws / "sendlog.jsonl"
        log.write_text(  # as formgen wrote it before
            log.read_text("utf-8").replace(SF_ASCII, "info@strassenfussball-neuss.de"), "utf-8"
        )
        again = run("mail", str(csv), "-w", str(ws), "--send", "--round", "r1")
        third = run("mail", str(csv), "-w", str(ws), "--send", "--round", "r1")
    assert again.exit_code == 0 and len(inbox.messages) == 2, again.output
    said = " ".join(again.output.split())
    assert (
        "aber an info@strassenfussball-neuss.de, die Adresse mit „ss“ statt „ß“, eine andere "
        "Domain als die von info@straßenfußball-neuß.de (so schrieb formgen sie vor dem "
        "25.11.2026); bitte in einer eigenen Runde erneut senden (--round)"
    ) in said, said
    assert said.count("andere Domain") == 1  # büro.example went to its own domain
    assert third.exit_code == 0 and "andere Domain" in third.output
    # status cannot read the list: the run logged the address it found, once
    found = [e for e in log_events(ws) if e["event"] == "elsewhere"]
    assert [(e["institution_id"], e["address"]) for e in found] == [("sf", SF_ASCII)]
    listed = " ".join(run("status", "-w", str(ws), "--list").output.split())
    assert (
        "Straßenfußball Neuß e.V. <info@strassenfussball-neuss.de> an die Adresse mit „ss“ statt "
        "„ß“ gesendet, eine andere Domain als die von info@straßenfußball-neuß.de (so schrieb "
        "formgen sie vor dem 25.11.2026); bitte in einer eigenen Runde erneut senden (--round)"
    ) in listed, listed
    assert listed.count("andere Domain als") == 1  # the summary's line names it by its id
    summary = run("status", "-w", str(ws)).output.splitlines()
    assert (
        "an die Adresse mit „ss“ statt „ß“ gesendet 1, eine andere Domain: sf  → bitte in einer "
        "eigenen Runde erneut senden (--round; siehe --list)"
    ) in summary, summary
    status = json.loads(run("status", "-w", str(ws), "--json").output)
    assert status["elsewhere"] == ["sf"]
    assert {r["id"]: r["elsewhere"] for r in status["rows"]} == {"buero": "", "sf": SF_ASCII}


def test_status_says_a_mail_went_to_another_domain_than_the_registers_address(tmp_path):
    """The register's beratung@elternverein-neuß.de (as a return gave it), mailed by a formgen
    before IDNA 2008 to beratung@elternverein-neuss.de: status --list says so and how to mail
    it; --json gives the register's address; one mailed to its own domain says nothing."""
    inbox = Inbox()
    with smtp_server(inbox, enable_SMTPUTF8=False) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        write_register(
            ws,
            {
                "mso": {
                    "institution": {
                        "name": "Türkisch-Arabischer Elternverein Neuss e.V.",
                        "email": "beratung@elternverein-neuß.de",
                    },
                    "categories": {"psychotherapie": "2026-01-05"},
                },
                "buero": {
                    "institution": {"name": "Beratungsbüro Öz", "email": "info@büro.example"},
                    "categories": {"psychotherapie": "2026-01-05"},
                },
            },
        )
        stale = run("mail", "--stale", "--stale-by", "01.01.2099", "-w", str(ws), "--send")
    assert stale.exit_code == 0 and len(inbox.messages) == 2, stale.output
    log = ws / "sendlog.jsonl"
    before = "beratung@elternverein-neuss.de"  # as formgen wrote it before
    log.write_text(
        log.read_text("utf-8").replace("xn--elternverein-neu-vlb.de", before[9:]), "utf-8"
    )
    listed = " ".join(run("status", "-w", str(ws), "--list").output.split())
    assert (
        f"<{before}> an die Adresse mit „ss“ statt „ß“ gesendet, eine andere Domain als die von "
        "beratung@elternverein-neuß.de (so schrieb formgen sie vor dem 25.11.2026); bitte in "
        "einer eigenen Runde erneut senden (--round)"
    ) in listed, listed
    assert listed.count("andere Domain als") == 1  # the summary's line names it by its id
    assert "an die Adresse mit „ss“ statt „ß“ gesendet 1, eine andere Domain: mso " in listed
    rows = json.loads(run("status", "-w", str(ws), "--json").output)["rows"]
    assert {r["id"]: r["elsewhere"] for r in rows} == {
        "buero": "",
        "mso": "beratung@elternverein-neuß.de",
    }


def test_a_round_of_the_register_mails_no_ss_domain_the_send_log_holds_for_want_of_an_address(
    tmp_path,
):
    """A formgen before IDNA 2008 mailed the list's info@straßenfußball-neuß.de to
    info@strassenfussball-neuss.de, someone else's domain, and a rerun of that round said so
    (an elsewhere line). Both institutions' forms came back with the e-mail field blank: the
    update round mails each where its last mail went, but not to the „ss“ domain: that row
    says why and how to set the address, the rest of the round goes out, and status counts it
    as without an address."""
    csv = tmp_path / "idn.csv"
    csv.write_text(
        "id;institution;email;categories;region\n"
        "sf;Straßenfußball Neuß e.V.;info@straßenfußball-neuß.de;krisendienst;\n"
        "buero;Beratungsbüro Öz;info@büro.example;krisendienst;\n",
        "utf-8",
    )
    inbox = Inbox()
    ss = "info@strassenfussball-neuss.de"
    with smtp_server(inbox, enable_SMTPUTF8=False) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(csv), "-w", str(ws), "--send", "--round", "r1").exit_code == 0
        log = ws / "sendlog.jsonl"
        log.write_text(log.read_text("utf-8").replace(SF_ASCII, ss), "utf-8")  # as before
        again = run("mail", str(csv), "-w", str(ws), "--send", "--round", "r1")  # logs it
        assert "andere Domain" in again.output and len(inbox.messages) == 2
        returned_long_ago(
            ws,
            {
                "sf": {"name": "Straßenfußball Neuß e.V.", "date": OLD},
                "buero": {"name": "Beratungsbüro Öz", "date": OLD},
            },
        )
        update = run("mail", "--stale", "-w", str(ws), "--send", "--round", "u1")
    assert update.exit_code == 0, update.output
    assert [rcpts for _, rcpts, _ in inbox.messages] == [
        [SF_ASCII],
        ["info@xn--bro-hoa.example"],
        ["info@xn--bro-hoa.example"],  # the update round's: buero's only, none to the ss domain
    ]
    said = " ".join(update.output.split())
    assert (
        "NICHT VERSANDT sf (Straßenfußball Neuß e.V.): keine E-Mail-Adresse (Register: sf); ihre "
        f"letzte Mail ging an {ss} (Runde r1), die Adresse mit „ss“ statt „ß“, eine andere Domain als die "
        "von info@straßenfußball-neuß.de (so schrieb formgen sie vor dem 25.11.2026): dorthin "
        "geht keine Mail; die neue eintragen: formgen register set sf institution.email "
        'ADRESSE --note "neue Adresse"'
    ) in said, said
    assert (
        "gesendet buero (Beratungsbüro Öz) <info@büro.example> (Adresse aus Versandprotokoll: r1)"
        in said
    )
    (logged,) = [e for e in log_events(ws) if e["event"] == "not_mailed"]
    assert (logged["institution_id"], logged["round"], logged["reason"]) == ("sf", "u1", "no_email")
    status = json.loads(run("status", "-w", str(ws), "--json").output)
    assert status["without_email"] == ["sf"]


def test_a_reminder_goes_no_more_to_the_ss_domain_its_invitation_went_to(tmp_path):
    """The invitation went to info@strassenfussball-neuss.de for the list's
    info@straßenfußball-neuß.de (a formgen before IDNA 2008), as a rerun of its round found: a
    reminder without a list, which mails where the last mail went, does not go there again;
    the line says why and where to give the address, and the other reminder goes out."""
    csv = tmp_path / "idn.csv"
    csv.write_text(
        "id;institution;email;categories;region\n"
        "sf;Straßenfußball Neuß e.V.;info@straßenfußball-neuß.de;krisendienst;\n"
        "buero;Beratungsbüro Öz;info@büro.example;krisendienst;\n",
        "utf-8",
    )
    inbox = Inbox()
    ss = "info@strassenfussball-neuss.de"
    with smtp_server(inbox, enable_SMTPUTF8=False) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        assert run("mail", str(csv), "-w", str(ws), "--send", "--round", "r1").exit_code == 0
        log = ws / "sendlog.jsonl"
        log.write_text(log.read_text("utf-8").replace(SF_ASCII, ss), "utf-8")  # as before
        assert (
            "andere Domain"
            in run("mail", str(csv), "-w", str(ws), "--send", "--round", "r1").output
        )
        deadlines_pass(ws)
        reminder = run("mail", "--overdue", "-w", str(ws), "--send", "--round", "rem")
    assert reminder.exit_code == 0, reminder.output
    assert [rcpts for _, rcpts, _ in inbox.messages[2:]] == [["info@xn--bro-hoa.example"]]
    said = " ".join(reminder.output.split())
    assert (
        "NICHT VERSANDT sf (Straßenfußball Neuß e.V.): keine E-Mail-Adresse (Versandprotokoll); "
        f"ihre letzte Mail ging an {ss} (Runde r1), die Adresse mit „ss“ statt „ß“, eine andere Domain als die "
        "von info@straßenfußball-neuß.de (so schrieb formgen sie vor dem 25.11.2026): dorthin "
        "geht keine Mail; die neue Adresse in einer Empfängerliste (formgen mail LISTE --overdue"
    ) in said, said
    assert "gesendet buero (Beratungsbüro Öz) <info@büro.example>" in said
