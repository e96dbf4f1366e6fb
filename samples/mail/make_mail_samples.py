"""Make the saved-mail samples: returned forms as they arrive by e-mail, built with Python's
``email`` package.

    python samples/mail/make_mail_samples.py

Writes into ``samples/mail/``:

* ``rueckmeldung.eml`` — one institution's reply with its filled form attached (PDF);
* ``weitergeleitet.eml`` — a colleague forwarding (``message/rfc822``) that reply, with a note;
* ``postfach.mbox`` — a mailbox export (Thunderbird): three replies, one of them with two forms,
  one with an inline logo and a signature that are not forms;
* ``Maildir/`` — the same kind of mailbox as a Maildir folder (``cur``/``new``/``tmp``);
* ``manifest.json`` — every form attachment: the mail, its position, sender, date and subject,
  the SHA-256 of the attached file and which sample it is.

The forms: formgen's own institution and checklist forms filled with PDFium (Chrome's engine,
``samples/pdf/tools/fill_pdfium.py``) and signed with the test workspace secret of
``tests/data/ingest/make_bad_inputs.py``; plus every filled sample found under ``samples/pdf``
and ``samples/docx`` (made by their own scripts with pdf.js, PDFium, pdftk, qpdf, poppler,
LibreOffice). Dates, Message-IDs and MIME boundaries are fixed; the forms get new instance
ids on every run, so re-running changes the attached files (and manifest.json) only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
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


def _maker():  # type: ignore[no-untyped-def]
    path = ROOT / "tests" / "data" / "ingest" / "make_bad_inputs.py"
    spec = importlib.util.spec_from_file_location("make_bad_inputs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def forms() -> dict[str, bytes]:
    """Sample name → bytes of every filled form to attach."""
    maker = _maker()
    inst_form, _ = maker.blank_form(maker.institution_request())
    check_form, _ = maker.blank_form(
        maker.FormRequest("checklist", ("facharzt",), stand="2025-09-01")
    )
    out = {
        "institution-pdfium.pdf": maker.fill(inst_form, maker.INSTITUTION_VALUES),
        "checkliste-pdfium.pdf": maker.fill(check_form, maker.CHECKLIST_VALUES),
    }
    for folder, pattern in (
        (ROOT / "samples" / "pdf", "*.pdf"),
        (ROOT / "samples" / "docx", "*.docx"),
    ):
        for path in sorted(folder.glob(pattern)) if folder.is_dir() else []:
            out[f"{folder.name}/{path.name}"] = path.read_bytes()
    return out


def _when(day: int, hour: int) -> str:
    return format_datetime(
        dt.datetime(2025, 9, day, hour, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    )


def reply(
    sender: str, subject: str, day: int, body: str, attachments: list[tuple[str, bytes]]
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = SPKOM
    msg["Subject"] = subject
    msg["Date"] = _when(day, 10)
    digest = hashlib.sha256(subject.encode()).hexdigest()[:8]
    msg["Message-ID"] = f"<{day}.{digest}@example.org>"
    msg.set_content(body)
    for name, data in attachments:
        maintype, subtype = DOCX if name.endswith(".docx") else PDF
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
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
    files = forms()
    inst = files["institution-pdfium.pdf"]
    checklist = files["checkliste-pdfium.pdf"]
    others = [(name.split("/")[-1], data) for name, data in files.items() if "/" in name]
    manifest: list[dict[str, object]] = []

    def note(container: str, position: str, msg: EmailMessage, name: str, data: bytes) -> None:
        manifest.append(
            {
                "container": container,
                "position": position,
                "file_name": name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "from": str(msg["From"]),
                "date": str(msg["Date"]),
                "subject": str(msg["Subject"]),
            }
        )

    # One reply.
    one = reply(
        "Şule Yılmaz <praxis.yilmaz@example.org>",
        "AW: Aktualisierung Ihrer Angaben – Psychotherapie",
        24,
        "Sehr geehrte Damen und Herren,\n\nanbei der ausgefüllte Bogen.\n\nŞule Yılmaz",
        [("Bogen Praxis Yılmaz.pdf", inst)],
    )
    (HERE / "rueckmeldung.eml").write_bytes(_fixed(one, "one"))
    note("rueckmeldung.eml", "1/1", one, "Bogen Praxis Yılmaz.pdf", inst)

    # Forwarded by a colleague: the institution's mail inside, as message/rfc822.
    fwd = EmailMessage()
    fwd["From"] = "Kollegin Ольга Петренко <o.petrenko@example.org>"
    fwd["To"] = SPKOM
    fwd["Subject"] = "WG: AW: Aktualisierung Ihrer Angaben – Psychotherapie"
    fwd["Date"] = _when(25, 9)
    fwd["Message-ID"] = "<25.forwarded@example.org>"
    fwd.set_content("Hallo, das kam bei mir an – bitte einpflegen. Ольга")
    fwd.add_attachment(one)
    (HERE / "weitergeleitet.eml").write_bytes(_fixed(fwd, "fwd"))
    note("weitergeleitet.eml", "1/1/1", one, "Bogen Praxis Yılmaz.pdf", inst)

    # A mailbox export.
    mails = [
        reply(
            "Beratungszentrum مركز الاستشارة <info@beratung.example.org>",
            "Checkliste Fachärzte",
            26,
            "Anbei die Checkliste.\n\nمع التحية",
            [("checkliste fachärzte.pdf", checklist)],
        ),
        reply(
            "Çiğdem Öztürk-İnce <c.oeztuerk@example.org>",
            "Formulare zurück",
            27,
            "Zwei Formulare anbei.",
            [("bogen-1.pdf", inst), *others[:4]],
        ),
    ]
    logo = reply("Łódź Verein <verein@example.org>", "Rückfrage", 28, "Wir melden uns noch.", [])
    logo.add_attachment(
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, maintype="image", subtype="png", filename="logo.png"
    )
    logo.add_attachment(
        "-- \nVerein Łódź e. V.\n".encode(),
        maintype="text",
        subtype="plain",
        filename="signatur.txt",
    )
    mails.append(logo)
    box_path = HERE / "postfach.mbox"
    box_path.unlink(missing_ok=True)
    box = mailbox.mbox(str(box_path))
    for number, msg in enumerate(mails, start=1):
        entry = mailbox.mboxMessage(_fixed(msg, f"mbox{number}"))
        entry.set_from("MAILER-DAEMON", time.gmtime(1758700000 + number * 3600))
        box.add(entry)
        for index, part in enumerate(p for p in msg.iter_attachments()):
            name = part.get_filename() or ""
            if name.endswith((".pdf", ".docx")):
                note(
                    "postfach.mbox",
                    f"{number}/{index + 1}",
                    msg,
                    name,
                    part.get_payload(decode=True),
                )
    box.flush()
    box.close()

    # The same as a Maildir.
    md_path = HERE / "Maildir"
    shutil.rmtree(md_path, ignore_errors=True)
    md = mailbox.Maildir(str(md_path), create=True)
    for sub in ("cur", "tmp"):  # git keeps no empty folders; the reader skips dot files
        (md_path / sub / ".gitkeep").touch()
    for number, msg in enumerate(mails[:2], start=1):
        key = md.add(_fixed(msg, f"md{number}"))
        # Fixed file names, so re-running gives the same folder.
        old = Path(md_path, "new", key)
        old.rename(old.with_name(f"1758700000.M{number}P1.formgen-sample"))
    manifest.extend(
        {**m, "container": "Maildir"}
        for m in manifest
        if m["container"] == "postfach.mbox" and str(m["position"]).split("/")[0] in ("1", "2")
    )
    (HERE / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    for path in sorted(HERE.rglob("*")):
        if path.is_file() and path.suffix != ".py":
            print(f"{path.stat().st_size:>10,}  {path.relative_to(HERE)}")


if __name__ == "__main__":
    sys.exit(main())
