"""A reply „keine Änderungen“ without a form: known by the mail it answers, told with the
institution it is from, and read in as the form that mail carried, unchanged, only when the
coordinator says so (``formgen ingest MAIL --no-changes``; a tester's finding: the line named
no one, and its advice failed in a workspace started from a recipients list)."""

from __future__ import annotations

import io
import json
import mailbox
import re
import shlex
import shutil
import time
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import olefile
import pdfplumber
from click.testing import CliRunner
from mailkit import Inbox, make_workspace, smtp_server
from PIL import Image

from formgen.cli import main

RECIPIENTS = Path(__file__).parent / "data" / "mail" / "excel_utf8_bom.csv"
SAMPLES = Path(__file__).parent.parent / "samples" / "mail"
OLGA = "Ольга Петренко <o.petrenko@konsultacia.example>"
"""Not the address formgen mailed (olga@example.org): a colleague answers."""


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def reply(
    original: bytes, sender: str, out: Path, threaded: bool = True, quoted: bool = True
) -> Path:
    """The institution's answer in words to ``original`` (a mail formgen wrote), no form."""
    mail = message_from_bytes(original, policy=policy.default)
    assert isinstance(mail, EmailMessage)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "spkom@example.org"
    msg["Subject"] = f"AW: {mail['Subject']}"
    msg["Date"] = "Wed, 25 Nov 2026 09:12:00 +0100"
    if threaded:
        msg["In-Reply-To"] = mail["Message-ID"]
        msg["References"] = mail["Message-ID"]
    body = mail.get_body(("plain",))
    assert body is not None
    quote = "\n".join(f"> {line}" for line in body.get_content().splitlines())
    msg.set_content("Guten Tag,\n\nbei uns keine Änderungen.\n\nО. Петренко\n\n" + quote * quoted)
    out.write_bytes(msg.as_bytes(policy=policy.SMTP))
    return out


def status_row(ws: Path, iid: str) -> dict[str, object]:
    rows = json.loads(run("status", "-w", str(ws), "--json"))["rows"]
    (row,) = [r for r in rows if r["id"] == iid]
    return dict(row)


def test_a_reply_to_a_draft_names_the_institution_and_the_command_that_records_it(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    draft = (tmp_path / "d1" / "ua-1.eml").read_bytes()
    (drafted,) = [
        e
        for e in map(json.loads, (ws / "sendlog.jsonl").read_text("utf-8").splitlines())
        if e["event"] == "drafted" and e["institution_id"] == "ua-1"
    ]
    assert drafted["message_id"] == message_from_bytes(draft)["Message-ID"]
    answer = reply(draft, OLGA, tmp_path / "Antwort.eml", quoted=False)

    said = run("ingest", str(answer), "-w", str(ws)).splitlines()
    assert said[0].startswith(f"Sammlung     {answer}: 1 Mail, 0 Anhänge, kein Formular: die ")
    assert f"die Antwort von {OLGA} (25.11.2026, „AW: " in said[0]
    assert (
        "auf die Mail an ua-1 (Ольга Петренко – Консультація) vom " in said[0]
        and "(erkannt an der Message-ID der Mail, auf die sie antwortet)" in said[0]
    )
    assert said[0].endswith(f": formgen ingest {answer} -w {ws} --no-changes"), said[0]
    assert said[1].endswith(": 1 Mail ohne Formular")
    # told, not recorded: the coordinator reads it first
    assert status_row(ws, "ua-1")["state"] == "outstanding"
    assert "ua-1" not in json.loads((ws / "register.json").read_text("utf-8"))["institutions"]

    command = shlex.split(said[0].rsplit(": formgen ", 1)[1])
    taken = run(*command).splitlines()
    assert taken[0].endswith(", eingelesen als ihr Formular FG-" + taken[0].split("FG-")[-1])
    assert "unverändert zurückgeschickt (--no-changes)" in taken[0]
    assert taken[1].startswith(f"Hinweise     {answer}#1 ua-1_FG-")
    assert ", ua-1 (neu), " in taken[1]
    told = "\n".join(taken)
    assert "von der Checkliste ist nichts ausgefüllt, auch Datum und Handzeichen nicht" in told
    assert "nur Datum und Handzeichen" not in told  # the line is true: none of them is there

    assert status_row(ws, "ua-1")["state"] == "returned"
    stale = json.loads(run("register", "stale", "-w", str(ws), "--json"))
    (finding,) = [f for f in stale if f["institution_id"] == "ua-1"]
    assert finding["reasons"] == ["missing"]
    assert "migrant_experience" in finding["missing"]
    assert finding["last_confirmed"] == "2026-11-25"  # the mail's day: no date on the form
    assert f"(Mail von {OLGA})" in run("register", "history", "ua-1", "-w", str(ws))
    # a second time changes nothing
    again = run(*command).splitlines()
    assert again[1].startswith(f"doppelt      {answer}#1 ua-1_FG-"), again
    assert again[1].endswith("; nichts geändert")


def test_the_print_marks_an_entry_that_answered_nothing_of_its_checklist(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    answer = reply((tmp_path / "d1" / "ua-1.eml").read_bytes(), OLGA, tmp_path / "a.eml")
    run("ingest", str(answer), "-w", str(ws), "--no-changes")
    run("register", "print", "-w", str(ws), "--simplex")
    (printed,) = (ws / "exports").glob("register-*.pdf")
    with pdfplumber.open(printed) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    (page,) = [p for p in pages if "Ольга Петренко – Консультація" in p and "ua-1" in p]
    lines = page.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Ольга Петренко"))
    assert lines[at + 1] == "⚠ CHECKLISTE UNBEANTWORTET – nicht einmal „Fehlanzeige“"
    assert lines[at + 2] == "bestätigt am 25.11.2026"
    assert any(p.startswith("Verzeichnis und Zeichenerklärung") for p in pages)
    assert (
        "CHECKLISTE UNBEANTWORTET – nicht einmal „Fehlanzeige“: von der Checkliste ist"
        in "".join(pages).replace("\n", " ")
    )


def test_a_reply_is_known_by_the_form_it_quotes_or_by_an_address_of_one_institution(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    draft = (tmp_path / "d1" / "lodz.eml").read_bytes()
    quoting = reply(draft, "Anna <anna@poradnia.example>", tmp_path / "q.eml", threaded=False)
    bare = reply(draft, "Poradnia <lodz@example.org>", tmp_path / "b.eml", False, False)
    stranger = reply(draft, "Jan <jan@poradnia.example>", tmp_path / "s.eml", False, False)
    said = run("ingest", str(quoting), str(bare), str(stranger), "-w", str(ws)).splitlines()
    by_ref, by_address, unknown = (next(s for s in said if s.startswith(f"Sammlung     {p}")) for p in (quoting, bare, stranger))  # fmt: skip
    assert "an lodz (Poradnia Łódź)" in by_ref
    assert "(erkannt an der Formularnummer, die sie zitiert)" in by_ref
    assert "(erkannt an der Absenderadresse, die nur diese Einrichtung hat)" in by_address
    assert unknown.startswith(
        f"Sammlung     {stranger}: 1 Mail, 0 Anhänge (Mail von Jan <jan@poradnia.example>, "
        "Betreff „AW: "
    )
    assert ": kein Anhang zum Einlesen; " in unknown
    assert said[-2].endswith(": 3 Mails ohne Formular")


def test_a_reply_to_a_mail_sent_is_known_by_its_message_id(tmp_path: Path) -> None:
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = make_workspace(tmp_path / "ws", server.port).root
        run("mail", str(RECIPIENTS), "-w", str(ws), "--send", "--format", "both")
    sent = inbox.by_rcpt()["markaz@example.org"]
    answer = reply(sent.as_bytes(), "مركز <info@markaz.example>", tmp_path / "r.eml", True, False)
    taken = run("ingest", str(answer), "-w", str(ws), "--no-changes").splitlines()
    assert "auf die Mail an ar-1 (مركز الاستشارة)" in taken[0]
    assert "(erkannt an der Message-ID der Mail, auf die sie antwortet)" in taken[0]
    assert len([t for t in taken if t.startswith(("Hinweise", "ok"))]) == 1  # its PDF only
    assert status_row(ws, "ar-1")["state"] == "returned"


def test_a_reply_with_only_a_signature_logo_is_known_too(tmp_path: Path) -> None:
    """Outlook sends its signature's logo along (image001.png, inline in the HTML part): that
    picture, too small to be a form's page, is skipped as ever, and the mail is still told as
    the answer it is, and read in with --no-changes."""
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    answer = reply((tmp_path / "d1" / "bs-ist.eml").read_bytes(), "Şule <s@x.example>", tmp_path / "l.eml", quoted=False)  # fmt: skip
    msg = message_from_bytes(answer.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    msg.add_alternative('<p>keine Änderungen</p><img src="cid:image001.png@01DB">', subtype="html")
    logo = io.BytesIO()
    Image.new("RGB", (120, 40), "navy").save(logo, "PNG")
    html = msg.get_payload()[1]
    html.add_related(logo.getvalue(), "image", "png", cid="<image001.png@01DB>", filename="image001.png")  # fmt: skip
    answer.write_bytes(msg.as_bytes(policy=policy.SMTP))
    told = run("ingest", str(answer), "-w", str(ws)).splitlines()
    assert told[0].startswith(f"Sammlung     {answer}: 1 Mail, 1 Anhang, kein Formular: die ")
    assert told[-2].endswith(": 1 übersprungen, 1 Mail ohne Formular")  # not „ohne Anhang“
    said = run("ingest", str(answer), "-w", str(ws), "--no-changes").splitlines()
    assert "auf die Mail an bs-ist (Şule Yılmaz Danışmanlık)" in said[0]
    assert said[1].startswith(f"übersprungen {answer}#1/1 image001.png: ein Bild mit 120×40 Pixeln")
    assert said[2].startswith(f"Hinweise     {answer}#2 bs-ist_FG-")
    assert status_row(ws, "bs-ist")["state"] == "returned"


def test_a_confirmation_by_hand_answers_the_round_under_way(tmp_path: Path) -> None:
    """„keine Änderungen“ on the telephone, or in a mail formgen cannot place, recorded with
    `register confirm`: the round's status counts it answered, and `mail --overdue` would not
    remind it (it stayed „ausstehend“, then „überfällig“). A confirmation before the round
    answers none."""
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    answer = reply((tmp_path / "d1" / "lodz.eml").read_bytes(), OLGA, tmp_path / "a.eml")
    run("ingest", str(answer), "-w", str(ws), "--no-changes")
    run("register", "confirm", "lodz", "--note", "vor der Runde", "-w", str(ws))
    time.sleep(1.1)  # the log and the register say the second: the round begins after it
    run("mail", "--stale", "-w", str(ws), "--drafts", str(tmp_path / "d2"))  # its checklist
    assert status_row(ws, "lodz")["state"] == "outstanding"
    run("register", "confirm", "lodz", "--note", "Mail vom 25.11.2026: keine Änderungen", "-w", str(ws))  # fmt: skip
    assert status_row(ws, "lodz")["state"] == "returned"
    rounds = json.loads(run("status", "-w", str(ws), "--json"))["rounds"]
    assert [(r["round"].split("-")[0], r["answered"]) for r in rounds] == [("invitation", 1), ("update", 1)]  # fmt: skip


def test_a_reply_whose_form_is_no_longer_kept_gives_a_confirmation_that_runs(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    draft = (tmp_path / "d1" / "ua-1.eml").read_bytes()
    run("ingest", str(reply(draft, OLGA, tmp_path / "1.eml")), "-w", str(ws), "--no-changes")
    for form in (ws / "forms" / "mail").rglob("ua-1_*"):
        form.unlink()
    said = run("ingest", str(reply(draft, OLGA, tmp_path / "2.eml")), "-w", str(ws)).splitlines()
    assert "das Formular dieser Mail hat der Arbeitsbereich nicht mehr" in said[0]
    command = shlex.split(
        said[0].rsplit(": sagt sie, dass sich nichts geändert hat, formgen ", 1)[1]
    )
    assert command == ["register", "confirm", "ua-1", "-w", str(ws), "--note", "Mail o.petrenko@konsultacia.example 2026-11-25"]  # fmt: skip
    assert "bestätigt am" in run(*command)


def _reference(draft: Path) -> str:
    """The form reference a mail formgen wrote names in its text."""
    msg = message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    body = msg.get_body(("plain",))
    assert body is not None
    found = re.search(r"FG-[0-9A-Z]{5}-[0-9A-Z]{5}", body.get_content())
    assert found is not None
    return found[0]


def _logo() -> bytes:
    logo = io.BytesIO()
    Image.new("RGB", (120, 40), "navy").save(logo, "PNG")
    return logo.getvalue()


def test_the_answers_in_a_mailbox_are_each_told_and_read_in_with_no_changes(
    tmp_path: Path,
) -> None:
    """A coordinator saves the round's replies as one .mbox (Thunderbird's „Speichern unter“ of
    a folder): each answer in it is named under the mailbox's line, the mails that answer none
    of formgen's in one line, and --no-changes reads in every answer recognised, each said."""
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    box = mailbox.mbox(str(tmp_path / "Antworten.mbox"))
    for sender, draft, threaded in (
        (OLGA, "ua-1", True),  # by the Message-ID it answers
        ("Anna <anna@poradnia.example>", "lodz", False),  # by the reference it quotes
    ):
        one = reply((tmp_path / "d1" / f"{draft}.eml").read_bytes(), sender, tmp_path / "r.eml", threaded)  # fmt: skip
        box.add(one.read_bytes())
    stranger = EmailMessage()
    stranger["From"] = "Jan <jan@elsewhere.example>"
    stranger["Subject"] = "Fortbildung im Dezember"
    stranger.set_content("Hallo,\nhaben Sie Interesse?")
    box.add(stranger)
    box.close()
    path = tmp_path / "Antworten.mbox"

    said = run("ingest", str(path), "-w", str(ws)).splitlines()
    assert said[0] == f"Sammlung     {path}: 3 Mails, 0 Anhänge"
    # first, as the report shows the first five lines under a file's unless --verbose
    assert said[1].startswith(
        "    --no-changes liest jede in diesem Postfach erkannte Antwort ein (2)"
    )
    assert said[2].startswith(f"    #1, kein Formular: die Antwort von {OLGA} (25.11.2026, ")
    assert "auf die Mail an ua-1 (Ольга Петренко – Консультація)" in said[2]
    assert said[2].endswith(f": formgen ingest {path} -w {ws} --no-changes")
    assert "#2, kein Formular: die Antwort von Anna" in said[3]
    assert "an lodz (Poradnia Łódź)" in said[3] and "an der Formularnummer" in said[3]
    assert said[4].startswith("    #3: kein Anhang zum Einlesen; ")
    assert said[5].endswith(": 3 Mails ohne Formular")
    assert status_row(ws, "ua-1")["state"] == "outstanding"  # told, not recorded

    taken = run("ingest", str(path), "-w", str(ws), "--no-changes").splitlines()
    assert "#1, kein Formular: die Antwort von " in taken[1]
    assert "eingelesen als ihr Formular FG-" in taken[1]
    assert "--no-changes liest" not in "\n".join(taken)  # it did
    assert any(t.startswith(f"Hinweise     {path}#1/1 ua-1_FG-") for t in taken), taken
    assert any(t.startswith(f"Hinweise     {path}#2/1 lodz_FG-") for t in taken), taken
    assert taken[-2].endswith(", 1 Mail ohne Formular"), taken  # the stranger's
    assert status_row(ws, "ua-1")["state"] == "returned"
    assert status_row(ws, "lodz")["state"] == "returned"
    assert status_row(ws, "bs-ist")["state"] == "outstanding"


def test_an_answer_in_a_maildir_is_read_in_with_no_changes(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    folder = mailbox.Maildir(str(tmp_path / "Maildir"))
    answer = reply((tmp_path / "d1" / "ar-1.eml").read_bytes(), "مركز <info@markaz.example>", tmp_path / "r.eml")  # fmt: skip
    folder.add(answer.read_bytes())
    folder.close()
    said = run("ingest", str(tmp_path / "Maildir"), "-w", str(ws), "--no-changes").splitlines()
    assert "#1, kein Formular: die Antwort von مركز <info@markaz.example>" in said[1]
    assert "auf die Mail an ar-1 (مركز الاستشارة)" in said[1]
    assert any(s.startswith(f"Hinweise     {tmp_path / 'Maildir'}#1/1 ar-1_FG-") for s in said)
    assert status_row(ws, "ar-1")["state"] == "returned"


def test_an_outlook_msg_answer_with_its_logo_is_told_as_a_mail_without_a_form(
    tmp_path: Path,
) -> None:
    """An Outlook user saves the answer as .msg; its only attachment is the signature's logo.
    Made from the sample .msg (aspose-email-foss, samples/mail/README.md): its form's bytes
    replaced by a logo, its text by one quoting the form's reference (streams of the same
    size, as olefile writes them)."""
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    ref = _reference(tmp_path / "d1" / "bs-ist.eml")
    path = tmp_path / "AW Aktualisierung.msg"
    shutil.copy(SAMPLES / "rueckmeldung.msg", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = "__attach_version1.0_#00000000/__substg1.0_37010102"
        ole.write_stream(data, _logo().ljust(ole.get_size(data), b"\0"))
        body = "__substg1.0_1000001F"
        text = f"Keine Änderungen.\n> Ihr Formular {ref}\n"
        ole.write_stream(body, text.ljust(ole.get_size(body) // 2).encode("utf-16-le"))

    said = run("ingest", str(path), "-w", str(ws)).splitlines()
    assert said[0].startswith(f"Sammlung     {path}: 1 Mail, 1 Anhang, kein Formular: die ")
    assert "die Antwort von Şule Yılmaz (24.09.2025, „AW: Aktualisierung Ihrer Angaben“)" in said[0]
    assert "an bs-ist (Şule Yılmaz Danışmanlık)" in said[0] and "an der Formularnummer" in said[0]
    assert said[0].endswith(f": formgen ingest {shlex.quote(str(path))} -w {ws} --no-changes")
    assert said[1].startswith(f"übersprungen {path}#1/1 ")
    assert ": ein Bild mit 120×40 Pixeln" in said[1]
    # the count says what the line says: a mail without a form (it has an attachment)
    assert said[2].endswith(": 1 übersprungen, 1 Mail ohne Formular"), said

    taken = run("ingest", str(path), "-w", str(ws), "--no-changes").splitlines()
    assert "eingelesen als ihr Formular " + ref in taken[0]
    assert taken[2].startswith(f"Hinweise     {path}#2 bs-ist_FG-")
    assert "Mail ohne Formular" not in taken[-2]
    assert status_row(ws, "bs-ist")["state"] == "returned"


def test_empty_parts_without_a_name_are_passed_over_in_one_line(tmp_path: Path) -> None:
    """A crafted mail with 200 parts of neither name nor content gave 200 lines „leere Datei“;
    now one line for the mail, and the answer it is still known."""
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / "d1"))
    answer = reply((tmp_path / "d1" / "ua-1.eml").read_bytes(), OLGA, tmp_path / "e.eml")
    msg = message_from_bytes(answer.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    msg.make_mixed()
    for _ in range(200):
        empty = EmailMessage()
        empty["Content-Type"] = "application/octet-stream"
        msg.attach(empty)
    named = EmailMessage()
    named.set_content(b"", "application", "pdf", filename="Bogen.pdf")
    answer.write_bytes(msg.as_bytes(policy=policy.SMTP))
    said = run("ingest", str(answer), "-w", str(ws)).splitlines()
    assert "kein Formular: die Antwort von " in said[0]
    assert said[1] == "    #1: 200 leere Teile ohne Namen übergangen (Reste eines Mailprogramms)"
    assert said[2].endswith(": 1 Mail ohne Formular"), said
    assert not any("leer" in s for s in said[3:]), said

    msg.attach(named)  # a named file that came empty is still said: the sender is asked again
    answer.write_bytes(msg.as_bytes(policy=policy.SMTP))
    said = run("ingest", str(answer), "-w", str(ws)).splitlines()
    assert said[1] == "    #1: 200 leere Teile ohne Namen übergangen (Reste eines Mailprogramms)"
    (empty_file,) = [s for s in said if "leere Datei" in s]
    assert empty_file.startswith(f"unlesbar     {answer}#1/1 Bogen.pdf: leere Datei (0 Bytes)")
