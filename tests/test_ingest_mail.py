"""Returned forms in saved mails: .eml, forwarded mails, .mbox and Maildir (samples/mail/)."""

from __future__ import annotations

import email.utils
import hashlib
import json
import re
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import sample_workspace
from mailkit import make_workspace
from test_mail_messages import LONG_NAMES

from formgen.cli import main
from formgen.mailing import MAIL_POLICY
from ingest import mailbox
from ingest.pipeline import Limits, ReadContext, discover, ingest_sources
from ingest.report import Status
from ingest.sniff import CONTAINER_KINDS, Kind, looks_like_container, sniff

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "mail"
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text("utf-8"))


def scan(path: Path) -> list[mailbox.Attachment]:
    s = mailbox.MailScan()
    kind = sniff(path)
    if kind is Kind.EML:
        return list(mailbox.eml_attachments(path.read_bytes(), s))
    if kind is Kind.MBOX:
        return list(mailbox.mbox_attachments(path, s))
    assert kind is Kind.MAILDIR
    return list(mailbox.maildir_attachments(path, s))


def _attachment(container: str, position: str) -> bytes:
    return next(a.data for a in scan(SAMPLES / container) if a.position == position)


@pytest.mark.parametrize("container", sorted({m["container"] for m in MANIFEST}))
def test_every_form_attachment_is_found_with_its_mail(container: str) -> None:
    found = {a.position: a for a in scan(SAMPLES / container)}
    expected = [m for m in MANIFEST if m["container"] == container]
    assert expected
    for m in expected:
        att = found[m["position"]]
        assert hashlib.sha256(att.data).hexdigest() == m["sha256"]
        assert att.mail.sender == m["from"]
        assert att.mail.subject == m["subject"]
        assert att.mail.date == email.utils.parsedate_to_datetime(m["date"]).isoformat()


def test_a_forwarded_mail_gives_the_original_sender() -> None:
    (att,) = scan(SAMPLES / "weitergeleitet.eml")
    assert att.position == "1/1/1"
    assert att.mail.sender == "Psychosoziales Zentrum <pz@example.org>"


@pytest.mark.parametrize("container", sorted({m["container"] for m in MANIFEST}))
def test_mailed_forms_are_ingested_with_the_mail_as_provenance(
    container: str, tmp_path: Path
) -> None:
    expected = {m["sha256"]: m for m in MANIFEST if m["container"] == container}
    ws = sample_workspace(tmp_path / "ws")  # its secret signed every sample, PDF and DOCX
    ctx = ReadContext.for_workspace(ws)
    tasks, _ = discover([SAMPLES / container])
    report = ingest_sources(tasks, ctx)
    assert report.outcomes[0].status is Status.CONTAINER
    forms = [o for o in report.outcomes if o.sha256 in expected]
    assert len(forms) == len(expected)
    assert all(o.status in (Status.OK, Status.WARNINGS) for o in forms), [o.line() for o in forms]
    by_sha = {s.provenance.sha256: s for s in report.submissions}
    for sha, m in expected.items():
        prov = by_sha[sha].provenance
        assert prov.container is not None and prov.container.startswith(f"{SAMPLES / container}#")
        assert prov.mail_from == m["from"] and prov.mail_subject == m["subject"]
        # The same values as when the attached file itself is ingested (the sample file, unless
        # samples/ was regenerated since: then the bytes the mail carries).
        alone_path = SAMPLES.parent / m["sample"]
        if hashlib.sha256(alone_path.read_bytes()).hexdigest() != sha:
            alone_path = tmp_path / "attachment"
            alone_path.write_bytes(_attachment(container, m["position"]))
        alone = ingest_sources(discover([alone_path])[0], ctx).submissions[0]
        assert by_sha[sha].entries == alone.entries


def _mail(n: int) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg["Subject"] = "x"
    msg.set_content("x")
    for i in range(n):
        msg.add_attachment(
            b"%PDF-" + bytes([i % 256]), maintype="application", subtype="pdf", filename=f"f{i}.pdf"
        )
    return msg


def test_attachments_beyond_the_limit_are_reported_not_lost_silently() -> None:
    s = mailbox.MailScan()
    atts = list(mailbox.eml_attachments(bytes(_mail(12)), s, max_attachments=10))
    assert len(atts) == 10
    assert s.problems == [
        "#1/11: more than 10 attachments; the rest were not read — split the mail or save the attachments as files"
    ]


def test_forwarding_nested_too_deep_is_reported() -> None:
    msg = _mail(1)
    for _ in range(mailbox.MAX_DEPTH + 2):
        outer = EmailMessage()
        outer["From"] = "fwd@example.org"
        outer.set_content("fwd")
        outer.add_attachment(msg)
        msg = outer
    s = mailbox.MailScan()
    assert list(mailbox.eml_attachments(bytes(msg), s)) == []
    assert "nested deeper than" in s.problems[0]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\evil.docx", "evil.docx"),
        ("../", ".."),
        ("a\x00b\nc.pdf", "a_b_c.pdf"),
        (None, "(no name)"),
        ("Bogen Praxis Yılmaz.pdf", "Bogen Praxis Yılmaz.pdf"),
    ],
)
def test_attachment_names_are_for_display_only(name: str | None, shown: str) -> None:
    assert mailbox.display_name(name) == shown


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", Kind.EMPTY),
        (b"%PDF-1.7\n", Kind.PDF),
        (b"\xef\xbb\xbf  %PDF-1.4\n", Kind.PDF),
        (b"From MAILER-DAEMON Wed Sep 24 08:46:40 2025\nFrom: a@b\n\nx\n", Kind.MBOX),
        (b"Return-Path: <a@b>\nFrom: a@b\nSubject: x\n\nbody\n", Kind.EML),
        (b"\x89PNG\r\n\x1a\n\x00\x00", Kind.IMAGE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, Kind.OLE),
        (b"\x78\x9f\x3e\x22\x01\x00\x00", Kind.TNEF),
        (b"Sehr geehrte Damen und Herren,\n", Kind.TEXT),
        (b"\x00\x01\x02\xff", Kind.UNKNOWN),
    ],
)
def test_type_by_content_not_by_name(tmp_path: Path, data: bytes, kind: Kind) -> None:
    path = tmp_path / "antwort.pdf"
    path.write_bytes(data)
    assert sniff(path) is kind


@pytest.mark.parametrize(
    ("name", "sample", "position", "subject"),
    [
        (
            "rueckmeldung.msg",
            "pdf/institution_pdfium.pdf",
            "1/1",
            "AW: Aktualisierung Ihrer Angaben",
        ),
        (
            "weitergeleitet.msg",
            "pdf/institution_pdfjs.pdf",
            "1/1/1",
            "Rückmeldung Bestandsaufnahme",
        ),
    ],
)
def test_outlook_msg_attachments(
    name: str, sample: str, position: str, subject: str, tmp_path: Path
) -> None:
    path = SAMPLES / name
    assert sniff(path) is Kind.MSG
    s = mailbox.MailScan()
    (att,) = list(mailbox.msg_attachments(path, name, s))
    assert att.data == _attachment(name.replace(".msg", ".eml"), position)
    assert att.position == position and att.mail.subject == subject
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_sources(discover([path])[0], ReadContext.for_workspace(ws))
    (sub,) = report.submissions
    assert sub.provenance.mail_subject == subject
    assert sub.provenance.container == f"{path}#{position}"


def test_a_mails_sender_and_subject_are_kept_on_one_line_of_at_most_300_characters() -> None:
    """An .eml's headers and an Outlook .msg's fields are kept alike: blanks and folded lines
    as one space, at most 300 characters (a longer one shortened after its last whole word,
    ending in „…“: cut without it, it read as the whole subject), nothing where the mail says
    nothing."""
    names = "Çiğdem Öztürk-İnce " * 20
    raw = (
        "From: Praxis  Ольга\r\n  Петренко <olga@example.org>\r\n"
        f"Subject: Rückmeldung\r\n\tBestandsaufnahme  {names}\r\n"
        "Date: \r\n\r\nText\r\n"
    )
    msg = email.message_from_bytes(raw.encode(), policy=mailbox._POLICY)
    info = mailbox.mail_info(msg)
    assert info.sender == "Praxis Ольга Петренко <olga@example.org>"
    assert info.subject == f"Rückmeldung Bestandsaufnahme {names[:265]}…"  # 14 names whole
    assert info.date is None


@pytest.mark.parametrize("name", LONG_NAMES)
def test_a_long_sender_name_in_several_encoded_words_is_read_without_a_blank_between_them(
    name: str,
) -> None:
    """A mail program folds a long name into encoded words split inside a word, as formgen
    does (``=?utf-8?b?…0L8=?=`` ``=?utf-8?b?0YHQuNGF…?=``); RFC 2047 joins them, and so does
    the sender an ingest keeps: the standard library's address parser read „Консульта ція“, which
    'register erase --text Консультація' did not find (CPython gh-128110)."""
    sent = EmailMessage(policy=MAIL_POLICY)
    sent["From"] = Address(display_name=name, addr_spec="info@example.org")
    sent["Subject"] = "Re: Bestandsaufnahme"
    sent.set_content("Anbei.")
    raw = sent.as_bytes()
    assert re.search(rb"\?=\r\n =\?utf-8\?", raw)  # several encoded words, folded

    info = mailbox.mail_info(email.message_from_bytes(raw, policy=mailbox._POLICY))

    assert info.sender == f"{name} <info@example.org>"
    quoted = "Psychosoziales Zentrum, Beratung für Geflüchtete – Dolmetschen Türkçe Polski Русский"
    sent.replace_header("From", Address(display_name=quoted, addr_spec="pz@example.org"))
    info = mailbox.mail_info(email.message_from_bytes(sent.as_bytes(), policy=mailbox._POLICY))
    assert info.sender == f'"{quoted}" <pz@example.org>'  # a comma: quoted, as one address


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


@pytest.mark.parametrize(
    ("damage", "name"),
    [
        # cut off on the way: its directory (at the end) is gone with the last 4 KB
        (lambda data: data[:-4096], "abgeschnitten.msg"),
        # cut off at half: no stream's name left in its bytes, only its name says what it was
        (lambda data: data[: len(data) // 2], "Ольга halb.msg"),
        # the stream of its named properties renamed: the mail program's part is missing
        (
            lambda data: data.replace(
                _utf16("__substg1.0_00020102"), _utf16("__substg1.0_00020103")
            ),
            "Rückmeldung Łódź.msg",
        ),
    ],
)
def test_a_damaged_outlook_mail_is_one_line_saying_so(
    damage: object, name: str, tmp_path: Path
) -> None:
    """Found by the mutation audit: a damaged .msg was 'an old Office file … ask the sender to
    save it as .docx' or a reader failure to report; it is a damaged Outlook mail."""
    assert callable(damage)
    path = tmp_path / name
    path.write_bytes(damage((SAMPLES / "rueckmeldung.msg").read_bytes()))
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_sources(discover([path])[0], ReadContext.for_workspace(ws), jobs=1)
    (outcome,) = report.outcomes
    assert outcome.status is Status.UNREADABLE and outcome.kind == "msg"
    assert outcome.reason == (
        "the Outlook mail (.msg) is damaged and cannot be read; save it from Outlook again, "
        "or ask the sender to send the form again"
    )


def test_a_bad_message_file_is_one_line_and_the_other_mails_of_the_maildir_are_read(
    tmp_path: Path,
) -> None:
    import os
    import shutil

    box = tmp_path / "Maildir"
    shutil.copytree(SAMPLES / "Maildir", box)
    os.mkfifo(box / "cur" / "1758600000.M1P1.host:2,S")  # never opened: it would block
    (box / "cur" / "1758600001.M1P1.host:2,S").symlink_to(tmp_path / "moved-away")
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_sources(
        discover([box])[0],
        ReadContext.for_workspace(ws),
        limits=Limits(container_seconds=30),  # the named pipe, opened, would block until then
        jobs=1,
    )
    maildir, *attachments = report.outcomes
    assert maildir.status is Status.WARNINGS
    assert maildir.reason == "2 mails, 2 attachments"
    assert maildir.warnings == (
        "#1 cur/1758600000.M1P1.host:2,S: a named pipe (FIFO), not a mail; not read",
        "#2 cur/1758600001.M1P1.host:2,S: a link to something that does not exist; not read",
    )
    assert [a.name.rsplit("#", 1)[1] for a in attachments] == ["3/1 formular.pdf", "4/1 liste.pdf"]
    assert len(report.submissions) == 2


def test_a_folder_in_a_maildirs_cur_or_new_is_a_skipped_line_of_its_own(tmp_path: Path) -> None:
    """A coordinator drags a folder of saved mails into the Maildir's cur/: a mail program
    keeps only mails there, so formgen does not read it as mails — but says so."""
    import shutil

    from click.testing import CliRunner

    from formgen.cli import main

    box = tmp_path / "Postfach"
    shutil.copytree(SAMPLES / "Maildir", box)
    older = box / "cur" / "Ältere Rückmeldungen"
    older.mkdir()
    shutil.copy(SAMPLES / "rueckmeldung.eml", older / "Ответ.eml")
    (box / "new" / "Архив").mkdir()
    (box / "new" / "verlinkt").symlink_to(older)
    (box / "cur" / ".Trash").mkdir()  # hidden, like hidden files: left out silently
    ws = sample_workspace(tmp_path / "ws")
    result = CliRunner().invoke(main, ["ingest", str(box), "-w", str(ws.root), "--strict"])
    assert result.exit_code == 1  # --strict: the mails' forms come with warnings
    lines = [line for line in result.stdout.splitlines() if not line.startswith("    ")]
    why = (
        "in {}/ des Maildir-Ordners, wo ein Mailprogramm nur Mails ablegt; nicht gelesen – wenn "
        "er gespeicherte Mails enthält, ihn einzeln einlesen"
    )
    assert lines[:4] == [
        f"übersprungen {older}: ein Ordner {why.format('cur')}",
        f"übersprungen {box / 'new' / 'verlinkt'}: eine Verknüpfung auf einen Ordner "
        f"{why.format('new')}",
        f"übersprungen {box / 'new' / 'Архив'}: ein Ordner {why.format('new')}",
        f"Sammlung     {box}: 2 Mails, 2 Anhänge",
    ]
    assert ".Trash" not in result.stdout
    # as the line says, the folder ingested on its own gives its mail's form
    again = CliRunner().invoke(main, ["ingest", str(older), "-w", str(ws.root)])
    assert (
        again.exit_code == 0
        and f"Sammlung     {older / 'Ответ.eml'}: 1 Mail, 1 Anhang" in again.stdout
    )


def test_a_mail_moved_away_while_the_maildir_is_read_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mail program moves a mail from new/ to cur/ (or deletes it) while formgen reads."""
    listed = mailbox._maildir_files(SAMPLES / "Maildir")
    monkeypatch.setattr(
        mailbox, "_maildir_files", lambda path: [("new", "1758600000.M9P9.gone"), *listed]
    )
    s = mailbox.MailScan()
    found = list(mailbox.maildir_attachments(SAMPLES / "Maildir", s))
    assert [a.position for a in found] == ["2/1", "3/1"] and s.mails == 2
    assert s.problems == [
        "#1 new/1758600000.M9P9.gone: gone before it was read (moved by a mail program?); not "
        "read — ingest the Maildir again"
    ]


@pytest.mark.parametrize(
    ("sample", "containers"),
    [
        ("mail/postfach.mbox", ["4 mails, 6 attachments"]),
        ("zip/rueckmeldungen.zip", ["a ZIP archive of 2 files"]),
        ("tnef/zwei-dateien.dat", ["Outlook's winmail.dat (TNEF) of 2 files"]),
        # a winmail.dat attached to a mail: looked at when the mail is taken apart
        ("tnef/winmail.eml", ["1 mail, 1 attachment", "Outlook's winmail.dat (TNEF) of 2 files"]),
    ],
)
def test_a_container_found_in_a_folder_gets_the_longer_time_limit_of_a_container(
    tmp_path: Path, sample: str, containers: list[str]
) -> None:
    """Whether a file is a container — a mail, a mailbox, a ZIP archive of 300 returns, an
    Outlook winmail.dat — is read from its first bytes when it is handed to a worker (not while
    the folder is walked); it then has ``container_seconds`` to be taken apart, not the seconds
    of one form."""
    folder = tmp_path / "returns"
    folder.mkdir()
    (folder / "posteingang").write_bytes((SAMPLES.parent / sample).read_bytes())  # no suffix
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_sources(
        discover([folder])[0],
        ReadContext.for_workspace(ws),
        limits=Limits(seconds=0.001, container_seconds=60),
        jobs=1,
    )
    assert report.outcomes[0].name.endswith("posteingang")
    assert [o.reason for o in report.outcomes if o.status is Status.CONTAINER] == containers


def test_the_quick_look_of_the_time_limit_agrees_with_sniff_on_every_sample() -> None:
    """The parent reads the first bytes of every file before a worker gets it; for every sample
    (mails, mailboxes, ZIP archives, winmail.dat, and DOCX and ODT as Word and LibreOffice
    write them) that look says "container" exactly when :func:`sniff` does. Only an OLE2 file
    (an old .xls) is taken for a possible Outlook mail: telling them apart takes its directory."""
    root = SAMPLES.parents[1]
    paths = [SAMPLES / "Maildir"] + [
        p
        for p in sorted((root / "samples").rglob("*"))
        + sorted((root / "tests" / "data").rglob("*"))
        if p.is_file()
    ]
    differ = [
        (str(p.relative_to(root)), kind)
        for p in paths
        if looks_like_container(p) != ((kind := sniff(p)) in CONTAINER_KINDS)
    ]
    assert differ == [
        (f"tests/data/mail/{name}", Kind.OLE)
        for name in ("Verteiler-Passwort.xlsx", "Verteiler.xls")
    ]


FORM = SAMPLES.parent / "pdf" / "institution_pdfium.pdf"
"""A form filled in Chrome, signed with the sample workspace's secret."""
SENDER = "Beratung Yılmaz <a@example.org>"


def _reply(
    headers: list[tuple[str, str]], cte: str = "base64", form: bytes = FORM.read_bytes()
) -> bytes:
    """A reply carrying ``form``, with ``headers`` before its own (as a server adds them),
    written by Python's ``email`` package."""
    msg = EmailMessage()
    for name, value in headers:
        msg[name] = value
    msg["From"] = SENDER
    msg["To"] = "spkom@example.org"
    msg["Subject"] = "Antwort Łódź"
    msg["Date"] = "Mon, 23 Nov 2026 10:00:00 +0100"
    msg.set_content("Anbei der Bogen.")
    msg.add_attachment(form, maintype="application", subtype="pdf", filename="antwort.pdf", cte=cte)
    return bytes(msg)


_SIGNATURE = "".join(f"{i:02x}" for i in range(1200))
_EXCHANGE = [
    *[
        (
            "Received",
            f"from AM9PR01MB{i}.eurprd01.prod.outlook.com (2603:10a6:20b:2d4::{i}) by "
            f"DB9PR01MB{i}.eurprd01.prod.outlook.com with HTTPS; Mon, 23 Nov 2026 09:00:0{i} +0000",
        )
        for i in range(4)
    ],
    ("ARC-Seal", f"i=1; a=rsa-sha256; s=arcselector9901; d=microsoft.com; cv=none; b={_SIGNATURE}"),
    ("ARC-Message-Signature", f"i=1; a=rsa-sha256; d=microsoft.com; b={_SIGNATURE}"),
    ("DKIM-Signature", f"v=1; a=rsa-sha256; d=example.org; s=selector1; b={_SIGNATURE}"),
    *[(f"X-MS-Exchange-AntiSpam-MessageData-{i}", _SIGNATURE) for i in range(3)],
]


@pytest.mark.parametrize(
    ("headers", "head"),
    [
        # Microsoft 365 / Exchange: received lines, ARC and DKIM signatures, X-MS-Exchange-*
        (_EXCHANGE, b"Received: from AM9PR01MB0"),
        # a name of 20 KB, and a Cc of 400 addresses folded over as many lines
        ([("Reply-To", f'"{"Zentrum Łódź " * 1500}" <a@example.org>')], b"Reply-To: "),
        ([("Cc", ", ".join(f"Person {i} <p{i}@example.org>" for i in range(400)))], b"Cc: "),
    ],
    ids=["microsoft-365", "huge-reply-to", "long-cc"],
)
def test_a_mail_whose_header_runs_past_the_first_8_kb_is_a_mail(
    headers: list[tuple[str, str]], head: bytes, tmp_path: Path
) -> None:
    """Found by the hostile-input audit: a mail saved from Microsoft 365, whose first 8 KB are
    headers of servers before its From, was "a text file, not a returned form" — the form it
    carried dropped, and --strict content."""
    from click.testing import CliRunner

    from formgen.cli import main

    path = tmp_path / "Antwort.eml"
    path.write_bytes(_reply(headers))
    assert path.read_bytes().startswith(head)
    assert b"\n\n" not in path.read_bytes()[:8192].replace(b"\r\n", b"\n")
    assert sniff(path) is Kind.EML and looks_like_container(path)
    ws = sample_workspace(tmp_path / "ws")
    result = CliRunner().invoke(main, ["ingest", str(path), "-w", str(ws.root), "--json"])
    assert result.exit_code == 0, result.output
    mail, form = json.loads(result.stdout)["files"]
    assert (mail["status"], mail["reason"]) == ("container", "1 mail, 1 attachment")
    assert form["status"] in ("ok", "warnings") and form["form"]
    (sub,) = ingest_sources(discover([path])[0], ReadContext.for_workspace(ws)).submissions
    assert sub.provenance.mail_from == SENDER and sub.provenance.mail_subject == "Antwort Łódź"


def test_a_pdf_attached_unencoded_is_read_from_its_mail(tmp_path: Path) -> None:
    """Content-Transfer-Encoding: binary puts the PDF's own bytes, %PDF- and all, in the first
    kilobyte: the file was read as a bare PDF and the sender was lost."""
    path = tmp_path / "Antwort.eml"
    # The PDF's bytes as they are (Python's generator would write its CRLFs as LFs).
    path.write_bytes(_reply([], cte="binary", form=b"FORM").replace(b"FORM", FORM.read_bytes()))
    assert b"%PDF-" in path.read_bytes()[:1024]
    assert sniff(path) is Kind.EML and looks_like_container(path)
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_sources(discover([path])[0], ReadContext.for_workspace(ws))
    (sub,) = report.submissions
    assert sub.provenance.sha256 == hashlib.sha256(FORM.read_bytes()).hexdigest()
    assert sub.provenance.mail_from == SENDER


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        # a header and no body: a mail cut off (the mail reader says so)
        (b"Received: from mx.example.org by mx2.example.org; Mon, 23 Nov 2026\n", Kind.EML),
        (
            b"From: a@example.org\r\nTo: b@example.org\r\nthe separating line is missing\r\n",
            Kind.EML,
        ),
        # one mail header, then a text: a note, not a mail
        (b"Subject: Notizen\n\nAnruf bei Frau Yilmaz\n", Kind.TEXT),
        # an HTTP response's header (Date is not a mail's only) before a PDF
        (b"HTTP-Date: x\nDate: Mon, 23 Nov 2026\nServer: nginx\n\n%PDF-1.7\n", Kind.PDF),
        (b"Date: Mon, 23 Nov 2026\nContent-Type: application/pdf\n\n%PDF-1.7\n", Kind.PDF),
        # a log and a CSV whose first fields end in a colon
        (b"2026-11-23T10:00:00 ingest started\n2026-11-23T10:00:01 done\n", Kind.TEXT),
        (b"id,time:from,to\ninst-a,10:00,12:00\n", Kind.TEXT),
        (b"schema_id: arbeitshilfe\nschema_version: 1.2.0\n" * 400, Kind.TEXT),
    ],
)
def test_a_mail_by_the_shape_of_its_header(tmp_path: Path, data: bytes, kind: Kind) -> None:
    path = tmp_path / "eingang.txt"
    path.write_bytes(data)
    assert sniff(path) is kind
    assert looks_like_container(path) is (kind is Kind.EML)


def test_a_file_that_starts_like_a_mail_but_holds_none_is_unreadable(tmp_path: Path) -> None:
    """A mail whose header is broken off, or cut off before its end, and a "mailbox" with no
    mail's header after its From line yield nothing: each is unreadable, and --strict counts
    it — not a text file skipped, nor a mail of no attachments."""
    from click.testing import CliRunner

    from formgen.cli import main

    mail = _reply(_EXCHANGE)
    at = mail.index(b"\nFrom: ")
    folder = tmp_path / "eingang"
    folder.mkdir()
    (folder / "abgebrochen.eml").write_bytes(mail[:at] + b"\n(Text eingefuegt)" + mail[at:])
    (folder / "abgeschnitten.eml").write_bytes(mail[:6000])
    # a note whose first line looks like the "From " line that starts a mailbox's mail
    (folder / "notiz.txt").write_text("From Montag an geschlossen bis 5. Januar 2026\nGrüße\n")
    ws = sample_workspace(tmp_path / "ws")
    result = CliRunner().invoke(main, ["ingest", str(folder), "-w", str(ws.root), "--strict"])
    assert result.exit_code == 1
    advice = (
        "kein Anhang konnte gelesen werden — die Mail im Mailprogramm neu speichern oder beim "
        "Absender das Formular neu anfordern"
    )
    assert result.stdout.splitlines()[:3] == [
        f"unlesbar     {folder / 'abgebrochen.eml'}: beginnt wie eine gespeicherte Mail, aber "
        f"der Mailkopf bricht an einer Zeile ab, die keine Kopfzeile ist; {advice}",
        f"unlesbar     {folder / 'abgeschnitten.eml'}: beginnt wie eine gespeicherte Mail, aber "
        f"der Mailkopf endet nicht (keine Leerzeile danach: abgeschnitten?); {advice}",
        f"unlesbar     {folder / 'notiz.txt'}: beginnt wie ein Postfach (eine Zeile „From …“), "
        "aber es folgt kein Mailkopf; keine Mail konnte gelesen werden — das Postfach im "
        "Mailprogramm neu exportieren oder die Mail als .eml speichern",
    ]
    assert "--strict: 3 von 3 Dateien waren nicht ok" in result.stderr
    # --json, and an English workspace, keep the English words
    again = CliRunner().invoke(main, ["ingest", str(folder), "-w", str(ws.root), "--json"])
    reasons = [f["reason"] for f in json.loads(again.stdout)["files"]]
    advice = (
        "no attachment could be read — save the mail again from the mail program, or ask the "
        "sender to send the form again"
    )
    assert reasons == [
        "starts like a saved mail, but its header is broken off by a line that is no header "
        f"line; {advice}",
        f"starts like a saved mail, but its header never ends (no blank line after it: cut off?); "
        f"{advice}",
        "starts like a mailbox (a line 'From …'), but no mail's header follows; no mail could be "
        "read — export the mailbox again from the mail program, or save the mail as .eml",
    ]
    assert "--strict: 3 von 3 Dateien waren nicht ok" in result.stderr
    english = ws.root / "workspace.toml"
    english.write_text(english.read_text("utf-8").replace('language = "de"', 'language = "en"'))
    english_lines = CliRunner().invoke(main, ["ingest", str(folder), "-w", str(ws.root)]).stdout
    assert english_lines.splitlines()[0].endswith(f"line that is no header line; {advice}")


def test_a_form_uuencoded_into_a_plain_text_mail_is_found(tmp_path: Path) -> None:
    """Outlook, told to "encode attachments in UUENCODE format when sending plain text
    messages" (and older mail programs), writes the file into the mail's text between
    ``begin 644 name`` and ``end``: that was "0 attachments: no attachment to ingest"."""
    import binascii

    data = FORM.read_bytes()
    lines = [binascii.b2a_uu(data[i : i + 45]).decode() for i in range(0, len(data), 45)]
    text = "Guten Tag,\nanbei der Bogen.\n\nbegin 644 Bogen Łódź.pdf\n"
    msg = EmailMessage()
    msg["From"] = SENDER
    msg["Subject"] = "Antwort"
    msg.set_content(text + "".join(lines) + "`\nend\n\nGrüße\n", cte="8bit")
    path = tmp_path / "Antwort.eml"
    path.write_bytes(bytes(msg))
    (att,) = scan(path)
    assert (att.data, att.name, att.position) == (data, "Bogen Łódź.pdf", "1/1")
    ws = sample_workspace(tmp_path / "ws")
    (sub,) = ingest_sources(discover([path])[0], ReadContext.for_workspace(ws)).submissions
    assert sub.provenance.mail_from == SENDER


def test_a_line_from_in_a_mails_text_left_unmarked_does_not_split_the_mail(
    tmp_path: Path,
) -> None:
    """A program that writes a mailbox without marking a line starting with "From " in a
    mail's text (">From") lets that line look like the start of the next mail: the form after
    it was lost ("2 mails, 0 attachments")."""
    first = EmailMessage()
    first["From"] = SENDER
    first["Subject"] = "Antwort"
    first.set_content("Hallo,\nFrom Montag an sind wir umgezogen, Mon Nov 23 10:00:00 2026\n")
    first.add_attachment(
        FORM.read_bytes(), maintype="application", subtype="pdf", filename="antwort.pdf"
    )
    second = _mail(1)
    path = tmp_path / "Posteingang.mbox"
    path.write_bytes(
        b"".join(
            b"From a@example.org Mon Nov 23 10:00:00 2026\n" + bytes(m) + b"\n"
            for m in (first, second)
        )
    )
    assert b"\nFrom Montag an" in path.read_bytes()
    s = mailbox.MailScan()
    found = list(mailbox.mbox_attachments(path, s))
    assert s.mails == 2 and not s.problems
    assert [(a.position, a.name) for a in found] == [("1/1", "antwort.pdf"), ("2/1", "f0.pdf")]
    assert found[0].data == FORM.read_bytes() and found[0].mail.sender == SENDER


def _two_content_types(tmp_path: Path, second: str) -> tuple[Status, str, tuple[str, ...]]:
    """Status, reason and warnings of a reply whose form's part says ``Content-Type:
    text/plain``, then ``Content-Type: second``."""
    mail = re.sub(
        rb"Content-Type: application/pdf\n(.*\n)*?Content-Disposition: attachment.*\n",
        f"Content-Type: text/plain\nContent-Type: {second}\n".encode(),
        _reply([]),
    )
    assert mail.count(b"Content-Type: ") == 4 and b"Content-Disposition" not in mail
    path = tmp_path / "Antwort.eml"
    path.write_bytes(mail)
    ws = sample_workspace(tmp_path / "ws")
    (outcome,) = ingest_sources(discover([path])[0], ReadContext.for_workspace(ws)).outcomes
    return outcome.status, outcome.reason, outcome.warnings


def test_a_part_with_two_content_types_is_a_warning_not_silence(tmp_path: Path) -> None:
    """No mail program writes a Content-Type twice; a mail that does (damaged or forged) is
    read by the first one, as Python's email package reads it — and the report says so,
    where it said "no attachment to ingest" and --strict passed."""
    status, reason, warnings = _two_content_types(tmp_path, "application/pdf; name=antwort.pdf")
    assert (status, reason) == (Status.WARNINGS, "1 mail, 0 attachments")
    assert warnings == (
        "#1: a part with 2 Content-Type headers (text/plain, application/pdf), which no mail "
        "program writes; read as text/plain — a damaged or forged mail: ask the sender to send "
        "the form again",
    )


def test_a_header_said_twice_is_quoted_shortened_with_an_ellipsis(tmp_path: Path) -> None:
    """The values of a header written twice are quoted cut to 40 characters: a Word file's
    type was cut without a mark („…officedoc“ read as all it said); now it ends in „…“, as
    every text formgen shortens for people."""
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    _status, _reason, (warning,) = _two_content_types(tmp_path, f"{docx}; name=antwort.docx")
    assert "(text/plain, application/vnd.openxmlformats-officedo…), " in warning


def test_a_reply_without_attachment_is_counted_and_says_how_to_record_it(tmp_path: Path) -> None:
    """An institution answers the round in words („bei uns keine Änderungen“): nothing to read
    in, but the coordinator is told it counts as a mail and how to record such an answer, and
    the summary and --json count it (it said only „kein Anhang zum Einlesen“, "0 Dateien")."""
    ws = make_workspace(tmp_path / "ws").root
    reply = EmailMessage()
    reply["From"] = "Sozialpsychiatrischer Dienst <spdi@rhein-kreis-neuss.example>"
    reply["To"] = "spkom@example.org"
    reply["Subject"] = "AW: Bestandsaufnahme – Fehlanzeige"
    reply["Date"] = email.utils.format_datetime(email.utils.localtime())
    reply.set_content("Guten Tag, bei uns keine Änderungen; bitte Fehlanzeige eintragen.")
    path = tmp_path / "AW Fehlanzeige.eml"
    path.write_bytes(reply.as_bytes())

    out = CliRunner().invoke(main, ["ingest", str(path), "-w", str(ws)]).output
    lines = out.splitlines()
    assert lines[0].endswith(
        "AW Fehlanzeige.eml: 1 Mail, 0 Anhänge (Mail von Sozialpsychiatrischer Dienst "
        "<spdi@rhein-kreis-neuss.example>, Betreff „AW: Bestandsaufnahme – Fehlanzeige“): kein "
        "Anhang zum Einlesen; eine Antwort ohne "
        "Formular („keine Änderungen“, eine Fehlanzeige) trägt man von Hand ein: formgen register "
        'confirm ID --note "Mail vom TAG: keine Änderungen" (die ID: formgen register find '
        'NAME), einen genannten Wert: formgen register set ID PFAD WERT --note "Mail vom TAG"'
    ), out
    assert re.match(r"1 Datei in [\d,]+ s \([\d,]+/s\): 1 Mail ohne Formular$", lines[1]), out
    data = json.loads(
        CliRunner().invoke(main, ["ingest", str(path), "-w", str(ws), "--json"]).output
    )
    assert data["summary"]["without_attachment"] == 1
