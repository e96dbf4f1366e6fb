"""Outlook's winmail.dat (TNEF): the files inside are ingested on their own.

The samples in ``samples/tnef`` were written by Outlook and Exchange (see its make_tnef.py);
``winmail.dat`` carries the institution form filled in Chrome, ``winmail.eml`` carries that
winmail.dat the way a mail program other than Outlook saves it.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

from ingest_support import sample_workspace

from ingest import archive, mailbox
from ingest.pipeline import (
    Limits,
    ReadContext,
    discover,
    ingest_into_register,
    ingest_sources,
    read_pdf,
)
from ingest.report import Status
from ingest.submission import Provenance
from ingest.validate import validate

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TNEF = SAMPLES / "tnef"
FORM = (SAMPLES / "pdf" / "institution_pdfium.pdf").read_bytes()


def test_a_form_in_winmail_dat_is_merged_with_the_mails_sender(tmp_path: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    mail = TNEF / "winmail.eml"
    report = ingest_into_register([mail], ws)
    the_mail, dat, text, form = report.outcomes
    assert the_mail.status is dat.status is Status.CONTAINER
    assert dat.name == f"{mail}#1/1 winmail.dat"
    assert dat.reason == "Outlook's winmail.dat (TNEF) of 2 files"
    assert text.name == f"{mail}#1/1#1 AUTHORS" and text.status is Status.SKIPPED
    assert form.name == f"{mail}#1/1#2 Rückmeldung Praxis Öztürk.pdf"
    assert form.merged and form.reader == "acroform-pdf"
    assert form.sha256 == hashlib.sha256(FORM).hexdigest()  # the very bytes Chrome saved


def test_every_value_of_the_form_in_winmail_dat_comes_back(tmp_path: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    ctx = ReadContext.for_workspace(ws)
    report = ingest_sources(discover([TNEF / "winmail.eml"])[0], ctx)
    (sub,) = report.submissions
    direct = read_pdf(FORM, Provenance("institution_pdfium.pdf", "", len(FORM), "pdf"), ctx)
    assert sub.entries == validate(direct, ctx.registry, ctx.secret).entries
    assert sum(len(e.entry) for e in sub.entries) >= 10
    p = sub.provenance
    assert p.mail_from == "Çiğdem Öztürk <praxis.oeztuerk@example.org>"
    assert p.mail_subject == "AW: Bestandsaufnahme – Rückmeldung"
    assert p.file_name == "Rückmeldung Praxis Öztürk.pdf"
    assert p.container == f"{TNEF / 'winmail.eml'}#1/1#2"


def test_outlooks_own_files_keep_their_long_unicode_names(tmp_path: Path) -> None:
    """umlaut.dat and anhaenge.dat as Outlook wrote them: 8.3 names beside the long ones."""
    scan = mailbox.MailScan()
    umlaut = list(
        archive.tnef_members(
            TNEF / "umlaut.dat", "umlaut.dat", scan, 100, 1 << 20, mailbox.MailInfo()
        )
    )
    assert [a.name for a in umlaut] == [
        "TBZ PARIV GmbH.jpg",
        "image003.jpg",
        "UmlautAnhang-äüö.txt",
    ]
    assert [a.position for a in umlaut] == ["1", "2", "3"] and not scan.problems
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_into_register([TNEF / "anhaenge.dat"], ws)
    dat, doc, pdf, htm = report.outcomes
    assert dat.status is Status.CONTAINER
    assert doc.name.endswith("anhaenge.dat#1 VIA_Nytt_1402.doc")
    assert doc.reason.endswith("ask the sender to save it as .docx or PDF")
    # a PDF inside that is no formgen form is kept aside like any other
    assert pdf.status is Status.QUARANTINED and pdf.quarantine_kind == "unknown-form"
    assert htm.status is Status.SKIPPED
    assert [p.name for p in ws.quarantine_dir.iterdir() if p.suffix == ".pdf"] == [
        f"{pdf.sha256}.pdf"
    ]


def test_a_damaged_part_is_reported_and_the_files_are_read_all_the_same(tmp_path: Path) -> None:
    data = bytearray((TNEF / "winmail.dat").read_bytes())
    data[data.index(b"Authors of tnef")] ^= 0x20  # in the first attachment's text
    path = tmp_path / "winmail.dat"
    path.write_bytes(bytes(data))
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_into_register([path], ws)
    dat, text, form = report.outcomes
    assert text.name.endswith("winmail.dat#1 AUTHORS")
    assert dat.status is Status.WARNINGS
    assert dat.warnings == (
        "1 part fails its checksum (winmail.dat damaged on the way?); what it holds is read "
        "all the same",
    )
    assert form.merged
    # a German workspace's report says it in German
    assert report.lines(lang="de")[:2] == [
        f"Hinweise     {path}: eine winmail.dat von Outlook (TNEF) mit 2 Dateien",
        "    bei 1 Teil stimmt die Prüfsumme nicht (winmail.dat unterwegs beschädigt?); der "
        "Inhalt wird trotzdem gelesen",
    ]


def test_a_damaged_or_oversized_winmail_dat_is_one_line_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    good = (TNEF / "winmail.dat").read_bytes()
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    # an attachment's attribute before any attachment started: tnefparse fails on it
    (inbox / "a-kaputt.dat").write_bytes(good[:6] + b"\x02" + good[7:])
    (inbox / "b-abgeschnitten.dat").write_bytes(good[: len(good) // 2])
    (inbox / "c-gut.pdf").write_bytes(FORM)
    ws = sample_workspace(tmp_path / "ws")
    read = ingest_into_register([inbox], ws)
    broken, cut, *cut_files, fine = read.outcomes
    assert broken.status is Status.UNREADABLE
    assert broken.reason == (
        "Outlook's winmail.dat is damaged and cannot be unpacked; ask the sender to send the "
        "form again as a normal attachment (message format HTML)"
    )
    assert broken.line("de") == (
        f"unlesbar     {inbox / 'a-kaputt.dat'}: die winmail.dat von Outlook ist beschädigt und "
        "kann nicht entpackt werden; bitte beim Absender das Formular neu als normalen Anhang "
        "anfordern (Nachrichtenformat HTML)"
    )
    # cut off in the middle of the form: the form inside is cut off too, and says so
    assert cut.status is Status.WARNINGS and "checksum (winmail.dat damaged" in cut.warnings[0]
    assert cut_files[-1].status is Status.UNREADABLE
    assert "cut off" in cut_files[-1].reason or "truncated" in cut_files[-1].reason
    assert fine.merged
    big = tmp_path / "gross.dat"
    big.write_bytes(good)
    report = ingest_sources(
        discover([big])[0], ReadContext.for_workspace(ws), limits=Limits(max_file_bytes=10_000)
    )
    (outcome,) = report.outcomes
    assert outcome.status is Status.UNREADABLE
    assert outcome.reason.startswith(f"Outlook's winmail.dat of {len(good):,} bytes is more than")


def test_an_outlook_item_inside_gives_its_files_and_one_without_is_a_line(
    tmp_path: Path,
) -> None:
    """A forwarded mail attached as an Outlook item: its winmail.dat is inside an attachment
    (PR_ATTACH_DATA_OBJ, after the IMessage signature). verteiler.dat, as Outlook wrote it,
    holds a distribution list, an item without files."""
    value = b"\x07\x03\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00\x46"
    value += (TNEF / "winmail.dat").read_bytes()
    props = struct.pack("<IHHII", 1, 0x000D, 0x3701, 1, len(value)) + value
    props += b"\0" * (-len(value) % 4)

    def attribute(ident: int, body: bytes) -> bytes:  # attachment level, bytes
        return (
            struct.pack("<BHHI", 2, ident, 6, len(body))
            + body
            + struct.pack("<H", sum(body) & 0xFFFF)
        )

    outer = tmp_path / "weitergeleitet.dat"
    outer.write_bytes(
        b"\x78\x9f\x3e\x22\x01\x00"
        + attribute(0x9002, b"\x01\x00" + b"\xff" * 12)
        + attribute(0x9005, props)
    )
    ws = sample_workspace(tmp_path / "ws")
    report = ingest_into_register([outer, TNEF / "verteiler.dat"], ws)
    fwd, text, form, lst = report.outcomes
    assert fwd.reason == "Outlook's winmail.dat (TNEF) of 2 files" and not fwd.warnings
    assert text.name.endswith("weitergeleitet.dat#1/1 AUTHORS")
    assert form.name.endswith("weitergeleitet.dat#1/2 Rückmeldung Praxis Öztürk.pdf")
    assert form.merged
    assert lst.status is Status.WARNINGS and lst.reason == "Outlook's winmail.dat (TNEF) of 0 files"
    assert lst.warnings == (
        "#1 Untitled Attachment: an Outlook item (a mail, contact or list) without files; "
        "nothing to read",
        "2 parts fail their checksum (winmail.dat damaged on the way?); what it holds is read "
        "all the same",
    )
