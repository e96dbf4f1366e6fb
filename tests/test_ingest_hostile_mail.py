"""Mails that break Python's mail parser or the mbox split: a From name with a line break in
it, a line "From …" in a mail's text followed by a line "From: …". Every attachment is read,
and no other mail of the mailbox is lost. Damaged saved mails of every kind each get a line."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from ingest_support import SAMPLES, sample_workspace

from ingest import mailbox
from ingest.pipeline import ReadContext, discover, ingest_sources
from ingest.report import Status

MAIL = (SAMPLES / "mail" / "rueckmeldung.eml").read_bytes()
FORM = (SAMPLES / "pdf" / "institution_pdfjs.pdf").read_bytes()
FROM_LINE = b"From a@example.org Wed Sep 24 08:46:40 2025\n"


def _with_sender(sender: bytes) -> bytes:
    head, sep, rest = MAIL.partition(b"\nTo:")
    assert head.startswith(b"From: ") and sep
    return b"From: " + sender + sep + rest


def test_a_from_name_with_a_line_break_loses_no_mail_of_the_mailbox(tmp_path: Path) -> None:
    """``=?utf-8?b?UHJheGlzCk5vcmQ=?=`` is "Praxis\\nNord": Python's mail parser raises on
    reading it, which made the whole mailbox unreadable and lost the good mail after it."""
    bad = _with_sender(b"=?utf-8?b?UHJheGlzCk5vcmQ=?= <praxis@example.org>")
    crlf = _with_sender(b"=?utf-8?b?UHJheGlzDQpOb3Jk?= <praxis@example.org>")  # CR LF
    good = _with_sender(b"=?utf-8?q?=C5=9Eule_Y=C4=B1lmaz?= <praxis.yilmaz@example.org>")
    path = tmp_path / "Posteingang.mbox"
    path.write_bytes(
        b"".join(FROM_LINE + m.replace(b"\r\n", b"\n") + b"\n" for m in (bad, crlf, good))
    )
    scan = mailbox.MailScan()
    found = list(mailbox.mbox_attachments(path, scan))
    assert scan.mails == 3 and not scan.problems
    assert [a.position for a in found] == ["1/1", "2/1", "3/1"]
    assert [a.mail.sender for a in found] == [
        "Praxis Nord <praxis@example.org>",
        "Praxis Nord <praxis@example.org>",
        "Şule Yılmaz <praxis.yilmaz@example.org>",
    ]
    assert found[0].data == found[2].data and found[0].data.startswith(b"%PDF-")


def test_a_from_name_with_a_line_break_in_a_saved_mail_is_read() -> None:
    scan = mailbox.MailScan()
    bad = _with_sender(b"=?utf-8?b?UHJheGlzCk5vcmQ=?= <praxis@example.org>")
    (found,) = mailbox.eml_attachments(bad, scan)
    assert found.mail.sender == "Praxis Nord <praxis@example.org>"
    assert found.data.startswith(b"%PDF-")


def test_a_quoted_from_header_after_a_from_line_does_not_cut_the_mail(tmp_path: Path) -> None:
    """A line "From Monday on …" left unmarked, then "From: Praxis Nord <…>": the mbox split
    took the second line for a new mail's header, and the form after it was lost ("2 mails,
    0 attachments")."""
    first = EmailMessage()
    first["From"] = "Praxis Nord <p@example.org>"
    first["Subject"] = "Antwort"
    first.set_content(
        "From Monday on we are in the new office.\nFrom: Praxis Nord <p@example.org>\n"
    )
    first.add_attachment(FORM, maintype="application", subtype="pdf", filename="Bogen.pdf")
    second = EmailMessage()
    second["From"] = "Ольга Петренко <olga@example.org>"
    second["Subject"] = "Rückmeldung"
    second.set_content("Anbei.")
    second.add_attachment(FORM, maintype="application", subtype="pdf", filename="Łódź.pdf")
    path = tmp_path / "Posteingang.mbox"
    path.write_bytes(b"".join(FROM_LINE + bytes(m) + b"\n" for m in (first, second)))
    assert b"\nFrom Monday on we are" in path.read_bytes()
    scan = mailbox.MailScan()
    found = list(mailbox.mbox_attachments(path, scan))
    assert scan.mails == 2 and not scan.problems
    assert [(a.position, a.name, a.data == FORM) for a in found] == [
        ("1/1", "Bogen.pdf", True),
        ("2/1", "Łódź.pdf", True),
    ]


def test_damaged_copies_of_every_kind_of_saved_mail_each_get_their_line(tmp_path: Path) -> None:
    """A folder of damaged mails (cut off, bytes changed, a header mangled), as the fuzz run of
    session 22 made 286 of them (/work/notes/s22/B/fuzz_mail.py): one batch, every file its
    line, none a reader's failure; a cut .msg is a damaged Outlook mail, attached too."""
    folder = tmp_path / "eingang"
    folder.mkdir()
    mails = SAMPLES / "mail"
    for name in ("rueckmeldung.eml", "weitergeleitet.eml", "rueckmeldung.msg", "postfach.mbox"):
        data = (mails / name).read_bytes()
        stem, suffix = name.rsplit(".", 1)
        (folder / f"{stem}-halb.{suffix}").write_bytes(data[: len(data) // 2])
        flipped = bytearray(data)
        for at in range(len(data) // 7, len(data), len(data) // 7):
            flipped[at] ^= 0xFF
        (folder / f"{stem}-bytes.{suffix}").write_bytes(bytes(flipped))
    mangled = MAIL.replace(b"Content-Type: application/pdf", b"Content-Type: multipart/mixed", 1)
    (folder / "Rückmeldung Ольга-mangled.eml").write_bytes(mangled)
    carrier = EmailMessage()
    carrier["From"] = "Ольга Петренко <olga@example.org>"
    carrier["Subject"] = "WG: Rückmeldung"
    carrier.set_content("Die Mail von Frau Yılmaz anbei.")
    carrier.add_attachment(
        (folder / "rueckmeldung-halb.msg").read_bytes(),
        maintype="application",
        subtype="vnd.ms-outlook",
        filename="Rückmeldung Yılmaz.msg",
    )
    (folder / "weitergeleitet-msg.eml").write_bytes(bytes(carrier))
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_sources(discover([folder])[0], ReadContext.for_workspace(ws), jobs=1)
    tops = {o.name: o for o in report.outcomes if o.container is None}
    assert sorted(Path(name).name for name in tops) == sorted(p.name for p in folder.iterdir())
    failed = [o for o in report.outcomes if "failed" in str(o.reason)]
    assert failed == []
    cut = tops[str(folder / "rueckmeldung-halb.msg")]
    attached = [o for o in report.outcomes if o.name.endswith("#1/1 Rückmeldung Yılmaz.msg")]
    for msg in (cut, *attached):
        assert (msg.status, msg.kind) == (Status.UNREADABLE, "msg")
    assert len(attached) == 1
