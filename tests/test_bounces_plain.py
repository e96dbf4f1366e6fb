"""Bounces written as plain text, as Exim and qmail-send write them (no delivery-status part):
recorded as the DSN ones are; an out-of-office reply or an answer quoting our mail is none."""

from __future__ import annotations

from test_mail_smtp import DATA, _mailed_workspace, log_events, run

EXIM_DELAY = """\
Auto-Submitted: auto-replied
From: Mail Delivery System <Mailer-Daemon@mx.example.org>
To: spkom@example.org
Subject: Warning: message 1tXyZb-0002cd-Ef delayed 24 hours
Date: Wed, 25 Nov 2026 22:58:00 +0100

This message was created automatically by mail delivery software.
A message that you sent has not yet been delivered to one or more of its
recipients after more than 24 hours on the queue on mx.example.org.

The message identifier is:     1tXyZb-0002cd-Ef
The subject of the message is: Bestandsaufnahme der regionalen Versorgung
The date of the message is:    Tue, 24 Nov 2026 21:53:27 +0000

The address to which the message has not yet been delivered is:

  olga@example.org
    Delay reason: SMTP error from remote mail server after RCPT TO:<olga@example.org>:
    host mail.example.org [192.0.2.7]: 451 4.7.1 Greylisted, try again later

No action is required on your part. Delivery attempts will continue for
some time, and this warning may be repeated at intervals if the message
remains undelivered. Eventually the mail delivery software will give up,
and when that happens, the message will be returned to you.
"""

OUT_OF_OFFICE = """\
From: =?utf-8?b?xZ51bGUgWcSxbG1heg==?= <sule@danisma.example>
To: spkom@example.org
Subject: Abwesenheitsnotiz: Bestandsaufnahme der regionalen Versorgung
Auto-Submitted: auto-replied
X-Autoreply: yes

Ich bin bis zum 7.12. nicht im Büro. Ihre Mail an sule@danisma.example wird nicht
weitergeleitet; This message was created automatically.
"""


def _reply_quoting(original: str) -> str:
    """A person's answer that quotes our mail, headers and all, below her words."""
    quoted = original.split("\n\n", 1)[0]
    return (
        "From: lodz@example.org\nTo: spkom@example.org\nSubject: AW: Bestandsaufnahme\n\n"
        "Der Bogen kommt nächste Woche.\n\n-----Ursprüngliche Nachricht-----\n"
        + "\n".join("> " + line for line in quoted.splitlines())
        + "\n"
    )


def test_exim_and_qmail_plain_bounces_are_recorded_and_other_mails_are_none(tmp_path):
    """Found by the tester (s20 K, item 5): Exim's 'Mail delivery failed: returning message to
    sender' was 'keine Unzustellbarkeitsmeldung' and the institution stayed 'ausstehend'."""
    ws = _mailed_workspace(tmp_path)
    sent = {e["institution_id"]: e for e in log_events(ws) if e["event"] == "sent"}
    exim = (DATA / "bounce_exim_plain.eml").read_text("ascii")
    qmail = (DATA / "bounce_qmail.eml").read_text("ascii")
    # lodz: matched by the Message-ID in Exim's copy, though the bounce names another address
    (tmp_path / "exim.eml").write_text(
        exim.replace("{ADDRESS}", "poradnia@lodz.example")
        .replace("{MESSAGE_ID}", sent["lodz"]["message_id"])
        .replace("{INSTITUTION}", ""),
        "ascii",
    )
    # bs-ist: matched by our own header in qmail's copy (the Message-ID is not ours)
    (tmp_path / "qmail.eml").write_text(
        qmail.replace("{ADDRESS}", "sule@danisma.example")
        .replace("{MESSAGE_ID}", "<rewritten@relay.example>")
        .replace("{INSTITUTION}", "bs-ist"),
        "ascii",
    )
    (tmp_path / "delay.eml").write_text(EXIM_DELAY, "ascii")
    (tmp_path / "Abwesenheit.eml").write_text(OUT_OF_OFFICE, "utf-8")
    ours = exim.split(" ------\n\n", 1)[1]  # our mail to lodz, its headers and all
    ours = ours.replace("{MESSAGE_ID}", sent["lodz"]["message_id"]).replace("{INSTITUTION}", "lodz")
    (tmp_path / "Antwort.eml").write_text(
        _reply_quoting(ours.replace("{ADDRESS}", "lodz@example.org")), "utf-8"
    )
    names = ("exim.eml", "qmail.eml", "delay.eml", "Abwesenheit.eml", "Antwort.eml")
    result = run("bounces", *(str(tmp_path / n) for n in names), "-w", str(ws))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"  keine Unzustellbarkeitsmeldung: {tmp_path / 'Abwesenheit.eml'}",
        f"  keine Unzustellbarkeitsmeldung: {tmp_path / 'Antwort.eml'}",
        "  unzustellbar lodz <poradnia@lodz.example> 5.1.1 550 5.1.1 <poradnia@lodz.example>: "
        "Recipient address rejected: User unknown",
        "  unzustellbar bs-ist <sule@danisma.example> 5.1.1 550 5.1.1 <sule@danisma.example>... "
        "User unknown Giving up on 192.0.2.9.",
        "  verzögert (nicht endgültig) ua-1 <olga@example.org> 4.7.1 451 4.7.1 Greylisted, try "
        "again later",
        "2 Unzustellbarkeitsmeldungen erfasst",
        "1 Verzögerung erfasst (nicht endgültig: der Server versucht es weiter)",
    ]
    listed = run("status", "-w", str(ws), "--list").output
    rows = {line.split()[0]: line for line in listed.splitlines() if line[:1].isalnum()}
    assert "bounce 5.1.1" in rows["lodz"] and "bounce 5.1.1" in rows["bs-ist"]
    assert "bounce" not in rows["ar-1"]
