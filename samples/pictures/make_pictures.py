"""Paper forms that come back as pictures: a scan, a phone's .heic, and a mail carrying one.

Run from the repository root with the venv active: ``python samples/pictures/make_pictures.py``.
Needs poppler's ``pdftoppm`` and libheif's ``heif-enc`` (Debian: poppler-utils,
libheif-examples).

An institution prints the form, fills it in by hand and sends a scan or a photo back. formgen
reads no handwriting: such a picture is kept aside for the coordinator to type in, while the
logos in a mail's signature are skipped. The pictures are made by the programs that make them
in real life, from the institution form filled in Chrome (``samples/pdf/institution_pdfium.pdf``):

* ``scan-rueckmeldung.jpg``: poppler renders its first page at 150 dpi, as a scanner would
  deliver it (1240×1754 pixels);
* ``foto-rueckmeldung.heic``: libheif encodes that scan as HEIC, the format of an iPhone's
  photos (Pillow cannot read its size, so formgen judges it by its bytes);
* ``logo.png``: poppler renders the blank form's first page 120 pixels high — a picture the
  size of a logo in a signature;
* ``foto-mail.eml``: a reply carrying the scan as an attachment and the logo inline in the
  signature, the way mail programs send them (built with Python's ``email`` package).
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PDF = HERE.parent / "pdf"


def main() -> None:
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-jpeg",
            "-jpegopt",
            "quality=85",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            PDF / "institution_pdfium.pdf",
            HERE / "scan-rueckmeldung",
        ],
        check=True,
    )
    subprocess.run(
        [
            "heif-enc",
            "-q",
            "60",
            "-o",
            HERE / "foto-rueckmeldung.heic",
            HERE / "scan-rueckmeldung.jpg",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        [
            "pdftoppm",
            "-scale-to",
            "120",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            PDF / "institution_blank.pdf",
            HERE / "logo",
        ],
        check=True,
    )
    mail = EmailMessage()
    mail["From"] = "Çiğdem Öztürk <praxis.oeztuerk@example.org>"
    mail["To"] = "SPKoM Düsseldorf <spkom@example.org>"
    mail["Subject"] = "AW: Bestandsaufnahme – Rückmeldung (ausgedruckt und eingescannt)"
    mail["Date"] = format_datetime(datetime(2025, 9, 26, 9, 14, tzinfo=UTC))
    mail["Message-ID"] = "<foto-rueckmeldung@example.org>"
    mail.set_content("Guten Tag,\n\nanbei der ausgefüllte Bogen als Scan.\n\nÇiğdem Öztürk\n")
    mail.add_alternative(
        "<p>Guten Tag,</p><p>anbei der ausgefüllte Bogen als Scan.</p>"
        '<p>Çiğdem Öztürk<br><img src="cid:logo@praxis"></p>',
        subtype="html",
    )
    html = mail.get_payload()[1]
    html.add_related(
        (HERE / "logo.png").read_bytes(),
        "image",
        "png",
        cid="<logo@praxis>",
        filename="image001.png",
        disposition="inline",
    )
    mail.add_attachment(
        (HERE / "scan-rueckmeldung.jpg").read_bytes(),
        maintype="image",
        subtype="jpeg",
        filename="Scan Rückmeldung Öztürk.jpg",
    )
    (HERE / "foto-mail.eml").write_bytes(bytes(mail))
    for p in sorted(HERE.glob("*.*")):
        print(f"{p.name:28} {p.stat().st_size:>9,} bytes")


if __name__ == "__main__":
    main()
