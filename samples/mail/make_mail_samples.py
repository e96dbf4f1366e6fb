"""Make the saved-mail samples: returned forms as they arrive by e-mail, built with Python's
``email`` package from the real filled forms in ``samples/pdf`` and ``samples/docx``.

    python samples/mail/make_mail_samples.py

Writes into ``samples/mail/``:

* ``rueckmeldung.eml`` — one institution's reply with its form filled in Chrome (PDFium);
* ``weitergeleitet.eml`` — a colleague forwarding (``message/rfc822``) a reply whose form was
  filled in Firefox (pdf.js);
* ``postfach.mbox`` — a mailbox export (Thunderbird): a checklist filled with pdftk, a mail with
  two forms, a "printed to PDF" copy (poppler), and a mail whose attachments are a logo and a
  signature (not forms);
* ``Maildir/`` — a Maildir folder (``cur``/``new``/``tmp``): a qpdf-flattened copy and a
  checklist filled in Chrome;
* ``word-rueckmeldung.eml`` — a Word-edited DOCX return (``samples/docx``);
* ``rueckmeldung.msg``, ``weitergeleitet.msg`` — the first two as Outlook .msg files, written by
  aspose-email-foss (a pure-Python MSG writer; ``pip install aspose-email-foss`` to remake them —
  Outlook itself cannot run here);
* ``manifest.json`` — every form attachment: container, position, the sample it is, its
  SHA-256 and the sender, date and subject of the mail that carried it.

The PDF and DOCX samples are all signed with ``samples/workspace/secret.key`` (see
``manifest.json``: ``workspace``), so they verify in the sample workspace. Dates,
Message-IDs, mbox separators and MIME boundaries are fixed, so the output depends only on the
sample files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import mailbox
import shutil
import sys
import time
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

PDF = ("application", "pdf")
DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
SPKOM = "SPKoM Düsseldorf <spkom@example.org>"


def sample(rel: str) -> tuple[str, bytes]:
    """A filled sample by its path under ``samples/``."""
    return rel, (ROOT / "samples" / rel).read_bytes()


def _when(day: int, hour: int) -> str:
    return format_datetime(
        dt.datetime(2025, 9, day, hour, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    )


def reply(sender: str, subject: str, day: int, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = SPKOM
    msg["Subject"] = subject
    msg["Date"] = _when(day, 10)
    digest = hashlib.sha256(subject.encode()).hexdigest()[:8]
    msg["Message-ID"] = f"<{day}.{digest}@example.org>"
    msg.set_content(body)
    return msg


def _fixed(msg: EmailMessage, tag: str) -> bytes:
    """The mail's bytes with deterministic MIME boundaries (Message-IDs are set explicitly)."""
    counter = 0
    for part in msg.walk():
        if part.is_multipart():
            counter += 1
            part.set_boundary(f"==formgen-sample-{tag}-{counter}==")
    return msg.as_bytes(policy=SMTP)


def main() -> None:
    manifest: list[dict[str, object]] = []

    def note(container: str, position: str, msg: EmailMessage, rel: str, data: bytes) -> None:
        manifest.append(
            {
                "container": container,
                "position": position,
                "sample": rel,
                "workspace": "samples/workspace",
                "sha256": hashlib.sha256(data).hexdigest(),
                "from": str(msg["From"]),
                "date": str(msg["Date"]),
                "subject": str(msg["Subject"]),
            }
        )

    def attach(msg: EmailMessage, shown: str, rel: str) -> bytes:
        _, data = sample(rel)
        maintype, subtype = DOCX if rel.endswith(".docx") else PDF
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=shown)
        return data

    def write_eml(
        name: str, msg: EmailMessage, tag: str, parts: list[tuple[str, str, bytes]]
    ) -> None:
        (HERE / name).write_bytes(_fixed(msg, tag))
        for position, rel, data in parts:
            note(name, position, msg, rel, data)

    # One reply.
    one = reply(
        "Şule Yılmaz <praxis.yilmaz@example.org>",
        "AW: Aktualisierung Ihrer Angaben",
        24,
        "Sehr geehrte Damen und Herren,\n\nanbei der ausgefüllte Bogen.\n\nŞule Yılmaz",
    )
    data = attach(one, "Bogen Praxis Yılmaz.pdf", "pdf/institution_pdfium.pdf")
    write_eml("rueckmeldung.eml", one, "one", [("1/1", "pdf/institution_pdfium.pdf", data)])

    # Forwarded by a colleague: the institution's mail inside, as message/rfc822.
    inner = reply(
        "Psychosoziales Zentrum <pz@example.org>",
        "Rückmeldung Bestandsaufnahme",
        23,
        "Anbei unser Bogen (mit Firefox ausgefüllt).",
    )
    data = attach(inner, "Bestandsaufnahme PSZ.pdf", "pdf/institution_pdfjs.pdf")
    fwd = EmailMessage()
    fwd["From"] = "Kollegin Ольга Петренко <o.petrenko@example.org>"
    fwd["To"] = SPKOM
    fwd["Subject"] = "WG: Rückmeldung Bestandsaufnahme"
    fwd["Date"] = _when(25, 9)
    fwd["Message-ID"] = "<25.forwarded@example.org>"
    fwd.set_content("Hallo, das kam bei mir an – bitte einpflegen. Ольга")
    fwd.add_attachment(inner)
    (HERE / "weitergeleitet.eml").write_bytes(_fixed(fwd, "fwd"))
    note("weitergeleitet.eml", "1/1/1", inner, "pdf/institution_pdfjs.pdf", data)

    # A mailbox export.
    mails: list[tuple[EmailMessage, list[tuple[str, str]]]] = [
        (
            reply(
                "Beratungszentrum مركز الاستشارة <info@beratung.example.org>",
                "Checkliste Psychotherapie",
                26,
                "Anbei die Checkliste.\n\nمع التحية",
            ),
            [("checkliste psychotherapie.pdf", "pdf/checklist_pdftk.pdf")],
        ),
        (
            reply(
                "Çiğdem Öztürk-İnce <c.oeztuerk@example.org>",
                "Formulare zurück",
                27,
                "Zwei Formulare anbei.",
            ),
            [
                ("bogen.pdf", "pdf/institution_pdftk.pdf"),
                ("checkliste.pdf", "pdf/checklist_pdfjs.pdf"),
            ],
        ),
        (
            reply(
                "Ελένη Παπαδοπούλου <eleni@example.org>",
                "Ausgedruckt und als PDF gespeichert",
                28,
                "Ich habe den Bogen ausgedruckt.",
            ),
            [("Scan.pdf", "pdf/institution_poppler_print.pdf")],
        ),
    ]
    logo = reply("Łódź Verein <verein@example.org>", "Rückfrage", 29, "Wir melden uns noch.")
    logo.add_attachment(
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, maintype="image", subtype="png", filename="logo.png"
    )
    logo.add_attachment(
        "-- \nVerein Łódź e. V.\n".encode(),
        maintype="text",
        subtype="plain",
        filename="signatur.txt",
    )
    mails.append((logo, []))
    box_path = HERE / "postfach.mbox"
    box_path.unlink(missing_ok=True)
    box = mailbox.mbox(str(box_path))
    for number, (msg, parts) in enumerate(mails, start=1):
        for index, (shown, rel) in enumerate(parts, start=1):
            note("postfach.mbox", f"{number}/{index}", msg, rel, attach(msg, shown, rel))
        entry = mailbox.mboxMessage(_fixed(msg, f"mbox{number}"))
        entry.set_from("MAILER-DAEMON", time.gmtime(1758700000 + number * 3600))
        box.add(entry)
    box.flush()
    box.close()

    # A Maildir folder.
    md_path = HERE / "Maildir"
    shutil.rmtree(md_path, ignore_errors=True)
    md = mailbox.Maildir(str(md_path), create=True)
    for sub in ("cur", "tmp"):  # git keeps no empty folders; the reader skips dot files
        (md_path / sub / ".gitkeep").touch()
    md_mails = [
        (
            reply(
                "Praxis Dormagen <praxis@dormagen.example.org>",
                "Bogen (flach gespeichert)",
                30,
                "Anbei.",
            ),
            [("formular.pdf", "pdf/institution_qpdf_flat.pdf")],
        ),
        (
            reply(
                "Kontaktstelle Neuss <kontakt@neuss.example.org>",
                "Checkliste",
                30,
                "Anbei die Liste.",
            ),
            [("liste.pdf", "pdf/checklist_pdfium.pdf")],
        ),
    ]
    for number, (msg, parts) in enumerate(md_mails, start=1):
        for index, (shown, rel) in enumerate(parts, start=1):
            note("Maildir", f"{number}/{index}", msg, rel, attach(msg, shown, rel))
        key = md.add(_fixed(msg, f"md{number}"))
        new = Path(md_path, "new", key)
        new.rename(new.with_name(f"1758700000.M{number}P1.formgen-sample"))  # stable names

    # A Word return.
    word = reply(
        "Praxis Şule Yılmaz <praxis@example.org>",
        "Formular in Word ausgefüllt",
        30,
        "Anbei das Word-Formular.",
    )
    data = attach(word, "Formular Praxis Yılmaz.docx", "docx/wordsim-institution.docx")
    write_eml(
        "word-rueckmeldung.eml", word, "word", [("1/1", "docx/wordsim-institution.docx", data)]
    )

    # The two single mails as Outlook .msg files, when aspose-email-foss (a pure-Python MSG
    # writer) is installed; Outlook itself cannot run here. extract-msg reads them back.
    try:
        from aspose.email_foss.msg import MapiMessage
    except ImportError:
        print("aspose-email-foss is not installed: the .msg samples were left as they are")
    else:
        for name, msg in (("rueckmeldung", one), ("weitergeleitet", fwd)):
            (HERE / f"{name}.msg").write_bytes(MapiMessage.from_email_message(msg).to_bytes())

    (HERE / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    for path in sorted(HERE.rglob("*")):
        if path.is_file() and path.suffix != ".py":
            print(f"{path.stat().st_size:>10,}  {path.relative_to(HERE)}")


if __name__ == "__main__":
    sys.exit(main())
