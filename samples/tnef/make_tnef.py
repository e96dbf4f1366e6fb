"""Outlook's winmail.dat (TNEF) samples: real files written by Outlook and Exchange, and one
of them carrying a returned form.

Run from the repository root with the venv active: ``python samples/tnef/make_tnef.py``.

No Outlook runs here, so the winmail.dat files come from the test data of tnefparse 1.4.0
(https://github.com/koodaamo/tnefparse, LGPL-3.0), collected from real mail; this script
downloads its source archive from PyPI and copies three of them:

* ``two-files.tnef`` → ``zwei-dateien.dat``: Exchange (1999), two text attachments;
* ``umlaut.tnef`` → ``umlaut.dat``: Outlook, attachment names with German umlauts, kept as
  8.3 short names and as Unicode long names;
* ``MAPI_ATTACH_DATA_OBJ.tnef`` → ``anhaenge.dat``: Outlook, a .doc, a PDF (a newsletter, not
  a formgen form) and an .htm;
* ``IPM-DistList.tnef`` → ``verteiler.dat``: Outlook, a distribution list attached as an
  Outlook item, which holds no file.

``winmail.dat`` is ``zwei-dateien.dat`` with its second attachment (README) replaced by the
institution form filled in Chrome (``samples/pdf/institution_pdfium.pdf``) under the name
``Rückmeldung Praxis Öztürk.pdf``: the attachment's data, its 8.3 title and its long-name and
size properties are rewritten, with their lengths and checksums; every other byte is
Exchange's. ``winmail.eml`` is a mail that carries it as ``application/ms-tnef``, the way a
client that does not understand TNEF saves what Outlook sent.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import tarfile
import tempfile
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORM = HERE.parent / "pdf" / "institution_pdfium.pdf"
FORM_NAME = "Rückmeldung Praxis Öztürk.pdf"
COPIES = {
    "two-files.tnef": "zwei-dateien.dat",
    "umlaut.tnef": "umlaut.dat",
    "MAPI_ATTACH_DATA_OBJ.tnef": "anhaenge.dat",
    "IPM-DistList.tnef": "verteiler.dat",
}

ATT_ATTACH_REND_DATA = 0x9002  # starts an attachment
ATT_ATTACH_TITLE = 0x8010
ATT_ATTACH_DATA = 0x800F
ATT_ATTACHMENT = 0x9005  # the attachment's MAPI properties
PR_ATTACH_SIZE = 0x0E20
PR_ATTACH_LONG_FILENAME = 0x3707


def fetch_examples(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--dest",
                tmp,
                "tnefparse==1.4.0",
            ],
            check=True,
        )
        (archive,) = Path(tmp).glob("tnefparse-1.4.0.tar.gz")
        with tarfile.open(archive) as tar:
            for source, target in COPIES.items():
                member = tar.extractfile(f"tnefparse-1.4.0/tests/examples/{source}")
                assert member is not None
                (out / target).write_bytes(member.read())


def attributes(data: bytes) -> list[tuple[int, int, int, bytes]]:
    """(level, id, type, data) of each TNEF attribute after the 6-byte header."""
    out, offset = [], 6
    while offset < len(data):
        level, ident, kind, length = struct.unpack_from("<BHHI", data, offset)
        out.append((level, ident, kind, data[offset + 9 : offset + 9 + length]))
        offset += 9 + length + 2
    return out


def attribute(level: int, ident: int, kind: int, body: bytes) -> bytes:
    checksum = sum(body) & 0xFFFF
    return struct.pack("<BHHI", level, ident, kind, len(body)) + body + struct.pack("<H", checksum)


def _padded(body: bytes) -> bytes:
    return body + b"\0" * (-len(body) % 4)


def rewrite_props(props: bytes, name: bytes, size: int) -> bytes:
    """The MAPI properties of an attachment with another long file name and size."""
    (count,) = struct.unpack_from("<I", props)
    out, offset = [props[:4]], 4
    for _ in range(count):
        start = offset
        kind, ident = struct.unpack_from("<HH", props, offset)
        offset += 4
        assert ident < 0x8000, "named properties do not occur in this sample"
        if kind in (0x001E, 0x001F, 0x0102, 0x000D):  # counted, length-prefixed values
            (values,) = struct.unpack_from("<I", props, offset)
            offset += 4
            for _ in range(values):
                (length,) = struct.unpack_from("<I", props, offset)
                offset += 4 + length + (-length % 4)
        elif kind in (0x0040, 0x0014, 0x0005, 0x0006, 0x0007):
            offset += 8
        else:  # 16- and 32-bit values take four bytes
            offset += 4
        if ident == PR_ATTACH_LONG_FILENAME:
            value = name + b"\0"
            out.append(struct.pack("<HHII", kind, ident, 1, len(value)) + _padded(value))
        elif ident == PR_ATTACH_SIZE:
            out.append(struct.pack("<HHI", kind, ident, size))
        else:
            out.append(props[start:offset])
    return b"".join(out)


def with_form(tnef: bytes, form: bytes) -> bytes:
    """``tnef`` with its second attachment replaced by ``form`` named ``FORM_NAME``."""
    name = FORM_NAME.encode("cp1252")  # the message's code page (attOemCodepage 1252)
    out, attachment = [tnef[:6]], 0
    for level, ident, kind, body in attributes(tnef):
        if ident == ATT_ATTACH_REND_DATA:
            attachment += 1
        if attachment == 2 and ident == ATT_ATTACH_TITLE:
            body = b"RCKMEL~1.PDF\0"
        elif attachment == 2 and ident == ATT_ATTACH_DATA:
            body = form
        elif attachment == 2 and ident == ATT_ATTACHMENT:
            body = rewrite_props(body, name, len(form))
        out.append(attribute(level, ident, kind, body))
    return b"".join(out)


def main() -> None:
    fetch_examples(HERE)
    dat = with_form((HERE / "zwei-dateien.dat").read_bytes(), FORM.read_bytes())
    (HERE / "winmail.dat").write_bytes(dat)
    msg = EmailMessage()
    msg["From"] = "Çiğdem Öztürk <praxis.oeztuerk@example.org>"
    msg["To"] = "spkom@example.org"
    msg["Subject"] = "AW: Bestandsaufnahme – Rückmeldung"
    msg["Date"] = "Tue, 17 Nov 2026 10:42:00 +0100"
    msg.set_content("Sehr geehrte Damen und Herren,\n\nanbei unser ausgefüllter Bogen.\n")
    msg.add_attachment(dat, maintype="application", subtype="ms-tnef", filename="winmail.dat")
    (HERE / "winmail.eml").write_bytes(bytes(msg))


if __name__ == "__main__":
    main()
