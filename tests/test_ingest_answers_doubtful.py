"""Answers without a form that nobody should credit by themselves (a tester's findings, s23H):
one sent from another institution's address carrying this one's Message-ID or form reference,
a mail cut off in its header, an empty or damaged file in a Maildir, a text in a charset no one
knows — each said as what it is, none read in with ``--no-changes``; and a mailbox of answers
read in says what each form is, once, not the notes of a form sent back untouched."""

from __future__ import annotations

import json
import mailbox
import shlex
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from click.testing import CliRunner
from mailkit import make_workspace
from pypdf import PdfReader, PdfWriter

from formgen.cli import main

RECIPIENTS = Path(__file__).parent / "data" / "mail" / "excel_utf8_bom.csv"
SULE = "Şule Yılmaz <sule@danisma.example>"
"""The address formgen mailed bs-ist (Şule Yılmaz Danışmanlık) at."""


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def drafted(tmp_path: Path, folder: str = "d1") -> Path:
    ws = make_workspace(tmp_path / "ws").root
    run("mail", str(RECIPIENTS), "-w", str(ws), "--drafts", str(tmp_path / folder))
    return ws


def answer(draft: Path, sender: str, threaded: bool = True, text: str = "") -> EmailMessage:
    """A reply in words, no form, to the mail formgen drafted at ``draft``."""
    mail = message_from_bytes(draft.read_bytes(), policy=policy.default)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "spkom@example.org"
    msg["Subject"] = f"AW: {mail['Subject']}"
    msg["Date"] = "Wed, 25 Nov 2026 09:12:00 +0100"
    if threaded:
        msg["In-Reply-To"] = mail["Message-ID"]
        msg["References"] = mail["Message-ID"]
    msg.set_content(text or "Guten Tag,\nbei uns keine Änderungen.\nŞule Yılmaz")
    return msg


def reference(draft: Path) -> str:
    """The form reference (FG-…) a draft's text names."""
    text = draft.read_text("utf-8", "replace")
    at = text.index("FG-")
    return text[at : at + 14]


def state(ws: Path, iid: str) -> str:
    rows = json.loads(run("status", "-w", str(ws), "--json"))["rows"]
    return str(next(r["state"] for r in rows if r["id"] == iid))


def test_an_answer_sent_from_another_institutions_address_is_credited_to_neither(
    tmp_path: Path,
) -> None:
    """bs-ist answers from its own address with ua-1's Message-ID (a forward, a mix-up, a
    forgery), or quotes lodz's form reference in a mail of its own: --no-changes took each as
    the other's „keine Änderungen“. Now the line names both institutions and reads in neither;
    a colleague's address the send log does not know still counts for the reference."""
    ws = drafted(tmp_path)
    forged = tmp_path / "forged.eml"
    forged.write_bytes(bytes(answer(tmp_path / "d1" / "ua-1.eml", SULE)))
    quoting = tmp_path / "quote.eml"
    ref = reference(tmp_path / "d1" / "lodz.eml")
    text = f"Keine Änderungen bei uns. Übrigens: Poradnia hat {ref} nicht bekommen."
    quoting.write_bytes(bytes(answer(tmp_path / "d1" / "lodz.eml", SULE, False, text)))

    said = run("ingest", str(forged), str(quoting), "-w", str(ws), "--no-changes").splitlines()
    by_mid, by_ref = said[0], said[1]
    assert by_mid.startswith(f"Hinweise     {forged}: 1 Mail, 0 Anhänge, kein Formular: ")
    assert "auf die Mail an ua-1 (Ольга Петренко – Консультація)" in by_mid
    assert "auf die Mail an lodz (Poradnia Łódź)" in by_ref
    assert "(erkannt an der Formularnummer, die sie zitiert)" in by_ref
    for line in (by_mid, by_ref):
        assert "geschickt hat sie aber die Adresse von bs-ist (Şule Yılmaz Danışmanlık)" in line
        assert "keiner der beiden gutgeschrieben, auch mit --no-changes nicht" in line
        assert "eingelesen" not in line
    assert said[2].endswith(": 2 mit Hinweisen, 2 Mails ohne Formular"), said
    for iid in ("ua-1", "lodz", "bs-ist"):
        assert state(ws, iid) == "outstanding"
    assert json.loads((ws / "register.json").read_text("utf-8"))["institutions"] == {}
    # --json stays English
    found = json.loads(run("ingest", str(forged), "-w", str(ws), "--json"))["files"][0]
    assert "credited to neither" in found["reason"]

    # the coordinator decides: the command the line gives, with the one that answered
    command = shlex.split(by_mid.rsplit("von Hand eintragen: ", 1)[1])
    assert command == ["formgen", "register", "confirm", "ID", "-w", str(ws), "--note", "Mail sule@danisma.example 2026-11-25"]  # fmt: skip

    # the same answer from bs-ist's own address is bs-ist's
    own = tmp_path / "own.eml"
    own.write_bytes(bytes(answer(tmp_path / "d1" / "bs-ist.eml", SULE)))
    said = run("ingest", str(own), "-w", str(ws), "--no-changes").splitlines()
    assert "auf die Mail an bs-ist (Şule Yılmaz Danışmanlık)" in said[0]
    assert "eingelesen als ihr Formular FG-" in said[0] and "geschickt hat" not in said[0]
    assert state(ws, "bs-ist") == "returned" and state(ws, "ua-1") == "outstanding"


def test_cut_empty_damaged_and_unreadable_mails_are_said_and_never_answers(
    tmp_path: Path,
) -> None:
    """The torn last mail of a cut mbox, a Maildir's 0-byte file and random bytes, and a mail
    in an unknown charset: --no-changes read the first and the last in as answers, and told
    the Maildir's files as mails without an attachment."""
    ws = drafted(tmp_path)
    d1 = tmp_path / "d1"
    box_path = tmp_path / "Antworten.mbox"
    box = mailbox.mbox(str(box_path))
    box.add(answer(d1 / "ua-1.eml", "Ольга <olga@example.org>"))
    box.add(answer(d1 / "ar-1.eml", "مركز <markaz@example.org>"))
    box.close()
    data = box_path.read_bytes()
    torn_at = data.rindex(b"Date: ") + len(b"Date: Wed, 25 N")  # the second mail's Date
    box_path.write_bytes(data[:torn_at])

    said = run("ingest", str(box_path), "-w", str(ws), "--no-changes").splitlines()
    assert said[0] == f"Hinweise     {box_path}: 2 Mails, 0 Anhänge"
    assert "#1, kein Formular: die Antwort von Ольга <olga@example.org>" in said[1]
    assert said[2].startswith("    #2: eine Mail, deren Mailkopf nicht endet (keine Leerzeile")
    assert "sie zählt nicht als Antwort" in said[2]
    assert not any("#2, kein Formular" in s for s in said)
    assert state(ws, "ua-1") == "returned"
    assert state(ws, "ar-1") == "outstanding"

    folder = mailbox.Maildir(str(tmp_path / "Maildir"))
    unknown = answer(d1 / "bs-ist.eml", SULE)
    unknown.replace_header("Content-Type", 'text/plain; charset="x-mac-klingon"')
    folder.add(unknown)
    folder.close()
    (tmp_path / "Maildir" / "new" / "1.empty.host").write_bytes(b"")
    (tmp_path / "Maildir" / "new" / "2.noise.host").write_bytes(bytes(range(256)) * 4)
    said = run("ingest", str(tmp_path / "Maildir"), "-w", str(ws), "--no-changes").splitlines()
    lines = "\n".join(said)
    assert said[0] == f"Hinweise     {tmp_path / 'Maildir'}: 3 Mails, 0 Anhänge"
    assert " new/1.empty.host: eine leere Datei (0 Bytes), keine Mail; nichts zu lesen" in lines
    assert " new/2.noise.host: kein Mailkopf an ihrem Anfang (eine beschädigte Datei?)" in lines
    (charset,) = [s for s in said if ", kein Formular: " in s]
    assert "auf die Mail an bs-ist (Şule Yılmaz Danışmanlık)" in charset
    assert "ihr Text ist nicht lesbar (im Zeichensatz „x-mac-klingon“ geschrieben" in charset
    assert "nicht eingelesen, auch mit --no-changes nicht" in charset
    assert charset.endswith(f"formgen register confirm bs-ist -w {ws} --note 'Mail sule@danisma.example 2026-11-25'")  # fmt: skip
    assert "kein Anhang zum Einlesen" not in lines
    assert state(ws, "bs-ist") == "outstanding"


def test_a_mailbox_of_answers_read_in_says_each_form_once(tmp_path: Path) -> None:
    """Each form --no-changes took said it came back untouched („abgeschnitten … die
    ausgefüllte anfordern“) and that Datum and Handzeichen were left empty, which the
    coordinator had just said; and each copy of an answer was a line „doppelt“ (5,000 answers
    printed 5,055 lines)."""
    ws = drafted(tmp_path)
    # the form as returned filled in: only Datum and Handzeichen (pypdf fills its fields)
    (sent,) = (ws / "forms" / "mail").rglob("ua-1_FG-*.pdf")
    form = PdfWriter(clone_from=PdfReader(sent))
    values = {"psychotherapie.date": "20.11.2026", "psychotherapie.initials": "OP"}
    form.update_page_form_field_values(None, values, auto_regenerate=False)
    form.write(tmp_path / "Rückmeldung.pdf")
    run("ingest", str(tmp_path / "Rückmeldung.pdf"), "-w", str(ws))
    box_path = tmp_path / "Runde.mbox"
    box = mailbox.mbox(str(box_path))
    for _ in range(6):  # „keine Änderungen“ besides, the same mail saved six times
        box.add(answer(tmp_path / "d1" / "ua-1.eml", "Ольга <olga@example.org>"))
    box.close()

    said = run("ingest", str(box_path), "-w", str(ws), "--no-changes").splitlines()
    lines = "\n".join(said)
    assert "genau so zurück" not in lines and "abgeschnitten" not in lines
    assert "auf dem Formular leer gelassen" not in lines
    (kept,) = [s for s in said if "das Register behält ihre Werte" in s]
    assert kept == (
        "    eine Antwort ohne Formular füllt keines der Pflichtfelder aus, die beim Versand "
        "leer waren (Datum, Handzeichen); das Register behält ihre Werte"
    )
    (form,) = [s for s in said if s.startswith(("ok ", "Hinweise     " + f"{box_path}#1/"))]
    assert form.startswith(f"ok           {box_path}#1/1 ua-1_FG-"), said
    # the note is no warning: the line counts none, as the summary counts the form ok
    assert form.endswith(", bestätigt, ua-1") and "Hinweis" not in form, form
    assert said[said.index(form) + 1] == kept
    assert ": 1 ok, " in lines, said
    (copies,) = [s for s in said if s.startswith("doppelt")]
    assert copies == (
        f"doppelt      {box_path}#2/1 … {box_path}#6/1: 5 Anhänge mit dem Inhalt eines Anhangs "
        "vor ihnen; jeder Inhalt nur einmal bearbeitet (--json listet sie)"
    )
    assert len(said) <= 12, said
    held = json.loads((ws / "register.json").read_text("utf-8"))["institutions"]["ua-1"]
    assert "2026-11-20" in json.dumps(held) and '"OP"' in json.dumps(held)
    assert state(ws, "ua-1") == "returned"


def test_in_a_mailbox_the_answers_credited_to_no_one_and_its_damage_are_said_first(
    tmp_path: Path,
) -> None:
    """Under a mailbox's line the report shows five lines unless --verbose: behind the lines of
    eight answers read in, a forged one and a torn mail would be „… und 5 weitere“."""
    ws = drafted(tmp_path)
    d1 = tmp_path / "d1"
    box_path = tmp_path / "Runde.mbox"
    box = mailbox.mbox(str(box_path))
    for _ in range(8):
        box.add(answer(d1 / "ua-1.eml", "Ольга <olga@example.org>"))
    box.add(answer(d1 / "lodz.eml", SULE))  # bs-ist's address, lodz's Message-ID
    box.add(answer(d1 / "ar-1.eml", "مركز <markaz@example.org>"))
    box.close()
    data = box_path.read_bytes()
    box_path.write_bytes(data[: data.rindex(b"Date: ") + 10])  # the last mail torn in its Date

    said = run("ingest", str(box_path), "-w", str(ws), "--no-changes").splitlines()
    assert said[0] == f"Hinweise     {box_path}: 10 Mails, 0 Anhänge"
    assert said[1].startswith("    #9, kein Formular: die Antwort von Şule Yılmaz <sule@")
    assert "auf die Mail an lodz (Poradnia Łódź)" in said[1] and "keiner der beiden" in said[1]
    assert said[2].startswith("    #10: eine Mail, deren Mailkopf nicht endet")
    assert said[3].startswith("    #1, kein Formular: die Antwort von Ольга")
    assert said[6] == "    … und 5 weitere (--json zeigt alle)"
    assert [state(ws, i) for i in ("ua-1", "lodz", "bs-ist", "ar-1")] == ["returned", "outstanding", "outstanding", "outstanding"]  # fmt: skip
