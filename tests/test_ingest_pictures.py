"""Paper forms that come back as pictures are kept aside to be typed in; logos are skipped.

The samples in ``samples/pictures`` were made by poppler and libheif from the institution form
filled in Chrome (see its make_pictures.py); the signature images of ``samples/tnef/umlaut.dat``
were sent by Outlook.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import sample_workspace
from pdf_engines import pdfium_render
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from formgen.cli import main
from ingest import archive, mailbox
from ingest.pipeline import ingest_into_register
from ingest.report import Status
from ingest.sniff import PAPER_ADVICE, Kind, image_suffix, kind_of, picture_size

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PICTURES = SAMPLES / "pictures"
SCAN = (PICTURES / "scan-rueckmeldung.jpg").read_bytes()


def test_a_scanned_form_in_a_mail_is_kept_aside_and_the_signature_logo_skipped(
    tmp_path: Path,
) -> None:
    ws = sample_workspace(tmp_path / "ws")
    mail = PICTURES / "foto-mail.eml"
    form = SAMPLES / "pdf" / "institution_pdfium.pdf"
    report = ingest_into_register([mail, form], ws)
    by_name = {o.name.rsplit("/", 1)[-1].rsplit(" ", 1)[-1]: o for o in report.outcomes}
    assert by_name["institution_pdfium.pdf"].merged  # the batch goes on around the pictures
    logo = by_name["image001.png"]
    assert logo.status is Status.SKIPPED and logo.kind == "image"
    assert logo.reason == (
        "a picture of 85×120 pixels, too small for a form's page (a logo?); not a returned form"
    )
    assert logo.line("de").endswith(
        ": ein Bild mit 85×120 Pixeln, zu klein für eine Formularseite (ein Logo?); kein "
        "zurückgesandtes Formular"
    )
    scan = by_name["Öztürk.jpg"]
    assert scan.name == f"{mail}#1/2 Scan Rückmeldung Öztürk.jpg"
    assert scan.status is Status.QUARANTINED and scan.quarantine_kind == "picture"
    assert scan.reason.startswith("a picture of 1241×1754 pixels: a photo or scan of a paper form")
    assert scan.reason.endswith(PAPER_ADVICE)
    # kept as the very bytes that came, under a name a picture viewer opens
    sha = hashlib.sha256(SCAN).hexdigest()
    assert scan.sha256 == sha and scan.quarantined_to == str(ws.quarantine_dir / f"{sha}.jpg")
    assert Path(scan.quarantined_to).read_bytes() == SCAN
    record = json.loads((ws.quarantine_dir / f"{sha}.json").read_text("utf-8"))
    assert record["kind"] == "picture"
    (arrival,) = record["arrivals"]
    assert arrival["file_name"] == "Scan Rückmeldung Öztürk.jpg"
    assert arrival["mail_from"] == "Çiğdem Öztürk <praxis.oeztuerk@example.org>"


def test_a_phones_heic_photo_is_judged_by_its_size_in_bytes(tmp_path: Path) -> None:
    """Pillow cannot read an iPhone's .heic; a photo of a page is far above the bound."""
    heic = PICTURES / "foto-rueckmeldung.heic"
    assert picture_size(heic.read_bytes()) is None
    ws = sample_workspace(tmp_path / "ws")
    (out,) = ingest_into_register([heic], ws).outcomes
    assert out.status is Status.QUARANTINED and out.kind == "image"
    assert out.reason.startswith("a picture: a photo or scan of a paper form")
    assert out.quarantined_to and out.quarantined_to.endswith(".heic")
    # a picture too small to be read and too small to be a page is skipped
    tiny = tmp_path / "cut.heic"
    tiny.write_bytes(heic.read_bytes()[:4000])
    (cut,) = ingest_into_register([tiny], ws).outcomes
    assert cut.status is Status.SKIPPED
    assert cut.reason == "a picture, too small for a form's page (a logo?); not a returned form"


def test_outlooks_signature_pictures_are_skipped(tmp_path: Path) -> None:
    scan = mailbox.MailScan()
    members = archive.tnef_members(
        SAMPLES / "tnef" / "umlaut.dat", "umlaut.dat", scan, 100, 1 << 20, mailbox.MailInfo()
    )
    sizes = {a.name: picture_size(a.data) for a in members if a.name.endswith(".jpg")}
    assert sizes == {"TBZ PARIV GmbH.jpg": (100, 66), "image003.jpg": (38, 25)}
    ws = sample_workspace(tmp_path / "ws")
    outcomes = ingest_into_register([SAMPLES / "tnef" / "umlaut.dat"], ws).outcomes
    pictures = [o for o in outcomes if o.kind == "image"]
    assert len(pictures) == 2 and {o.status for o in pictures} == {Status.SKIPPED}
    assert not ws.quarantine_dir.exists() or not any(ws.quarantine_dir.iterdir())


def test_the_cli_names_the_picture_and_the_run_succeeds(tmp_path: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    inbox = tmp_path / "Rückläufe"
    inbox.mkdir()
    shutil.copy(PICTURES / "scan-rueckmeldung.jpg", inbox / "Scan Öztürk.JPG")
    result = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert (
        f"Quarantäne   {inbox / 'Scan Öztürk.JPG'}: ein Bild mit 1241×1754 Pixeln: ein Foto "
        "oder Scan eines Papierformulars? formgen kann keine Bilder lesen; in die Quarantäne "
        "gelegt – seine Werte eintippen und das einlesen: ein einer Einrichtung gemailtes "
        "Formular in dieses"
    ) in result.output
    strict = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws.root), "--strict"])
    assert strict.exit_code == 1  # a picture needs the coordinator: not a clean run


@pytest.mark.parametrize(
    ("head", "suffix"),
    [
        (SCAN[:16], ".jpg"),
        ((PICTURES / "logo.png").read_bytes()[:16], ".png"),
        ((PICTURES / "foto-rueckmeldung.heic").read_bytes()[:16], ".heic"),
        (b"GIF89a\x01\x00", ".gif"),
        (b"II*\x00\x08\x00\x00\x00", ".tif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", ".webp"),
        (b"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00", ".bmp"),
        (b"BMW Niederlassung: Rechnung", ""),  # text, not a bitmap
        (b"%PDF-1.7\n", ""),
    ],
)
def test_pictures_are_known_by_their_first_bytes(head: bytes, suffix: str) -> None:
    assert image_suffix(head) == suffix
    assert (kind_of(head, Path("x")) is Kind.IMAGE) == bool(suffix)


def test_a_scanned_pdf_is_kept_aside_as_a_picture_and_a_letter_as_an_unknown_form(
    tmp_path: Path,
) -> None:
    """A paper form scanned to PDF (each page a picture, no text, no fields: as a scanner's
    software writes it, here Pillow) is what a photo of it is: kept aside as ``picture`` with
    the advice to type its values into the form, and ``formgen quarantine`` says that advice
    too. It was ``unknown-form``, the advice in the ingest line only. A PDF with text but no
    formgen form (a cover letter) stays an unknown form."""
    ws = sample_workspace(tmp_path / "ws")
    scan = tmp_path / "استمارة الأمل.pdf"
    page = Image.open(io.BytesIO(SCAN))
    page.save(scan, "PDF", resolution=150, save_all=True, append_images=[page.rotate(180)])
    letter = tmp_path / "Anschreiben.pdf"
    written = canvas.Canvas(str(letter))
    written.drawString(72, 720, "Sehr geehrte Damen und Herren, anbei unser Formular.")
    written.drawImage(ImageReader(page), 72, 100, 200, 280)  # and a picture of it
    written.save()
    report = ingest_into_register([scan, letter], ws)
    by_name = {Path(o.name).name: o for o in report.outcomes}
    scanned = by_name[scan.name]
    assert scanned.status is Status.QUARANTINED and scanned.quarantine_kind == "picture"
    assert scanned.reason.startswith(
        "a PDF whose pages are only pictures, without text or form fields: a photo or scan of "
        "a paper form? formgen cannot read pictures; kept aside in the quarantine — "
    )
    assert scanned.reason.endswith(PAPER_ADVICE) and scanned.warnings == ()
    assert by_name[letter.name].quarantine_kind == "unknown-form"
    listed = CliRunner().invoke(main, ["quarantine", "-w", str(ws.root)])
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    (at,) = [i for i, line in enumerate(lines) if scan.name in line]
    assert "Foto oder Scan" in lines[at]
    assert lines[at + 1].strip().startswith("ein PDF, dessen Seiten nur Bilder sind")
    assert lines[at + 1].endswith(PAPER_ADVICE.in_language("de")), lines[at + 1]


def test_a_hand_filled_blank_checklist_scanned_or_photographed_gets_the_advice_for_it(
    tmp_path: Path,
) -> None:
    """A blank checklist handed out on paper, filled in by hand and sent back as a scan (a PDF
    of pictures) or a photo (JPG): no form was mailed for it, so the advice names the
    commands that make a form to type it into, and both are listed alike."""
    ws = sample_workspace(tmp_path / "ws")
    blank = tmp_path / "Checkliste.pdf"
    made = CliRunner().invoke(
        main, ["generate", "pdf", "--category", "psychotherapie", "--out", str(blank)]
    )
    assert made.exit_code == 0, made.output
    page = pdfium_render(blank.read_bytes(), scale=150 / 72).convert("RGB")
    page.save(tmp_path / "Scan Çelik Psychotherapie.pdf", "PDF", resolution=150)
    page.save(tmp_path / "Foto Checkliste Wróbel.jpg", "JPEG")
    done = CliRunner().invoke(
        main,
        [
            "ingest",
            str(tmp_path / "Scan Çelik Psychotherapie.pdf"),
            str(tmp_path / "Foto Checkliste Wróbel.jpg"),
            "-w",
            str(ws.root),
            "--json",
        ],
    )
    files = json.loads(done.output)["files"]
    assert [f["quarantine_kind"] for f in files] == ["picture", "picture"]
    for kept in files:
        assert "a blank checklist handed out on paper" in kept["reason"]
        assert "'formgen generate pdf --category CATEGORY'" in kept["reason"]
        assert "'formgen generate pdf --institution ID'" in kept["reason"]
    listed = CliRunner().invoke(main, ["quarantine", "-w", str(ws.root)]).output.splitlines()
    for name in ("Scan Çelik Psychotherapie.pdf", "Foto Checkliste Wróbel.jpg"):
        (at,) = [i for i, line in enumerate(listed) if name in line]
        assert "Foto oder Scan" in listed[at]
        assert "„formgen generate pdf --category KATEGORIE“" in listed[at + 1]
