"""Make the mail samples: .eml drafts as formgen writes them, one per script people write in.

Run from the repository root:  python samples/mail/drafts/make_samples.py
then parse them with an independent MIME implementation (Node's mailparser, the parser of the
Nodemailer/WildDuck family; RFC 2047 headers and RFC 2231 file names):
    (cd samples/mail/drafts && npm install mailparser@3 && node parse_mailparser.mjs > mailparser.json)
tests/test_mail_samples.py checks that it decodes what formgen meant.
Attachments are small one-page PDFs (pypdf) so that the samples stay small; the form itself does
not matter to MIME.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pypdf import PdfWriter

from formgen.forms import GeneratedForm
from formgen.identity import FormIdentity
from formgen.mailing import as_draft, build_message, shipped_template
from formgen.recipients import Recipient
from formgen.schema_load import default_schema

HERE = Path(__file__).parent
NAMES = {
    "de": "Praxis für Psychotherapie „Brücke“ – Jörg Weiß",
    "tr": "Çiğdem Öztürk-İnce Danışmanlık Merkezi",
    "ru": "Ольга Петренко – Консультація",
    "pl": "Poradnia Zdrowia Psychicznego Łódź",
    "el": "Κέντρο Συμβουλευτικής Αθηνά",
    "ar": "مركز الاستشارة",
    # long enough that its subject is folded between two encoded words, where Python's own
    # folding dropped the space (CPython gh-144156): "für FlüchtlingeDüsseldorf"
    "psz": "Psychosoziales Zentrum für Flüchtlinge Düsseldorf",
}


def pdf() -> bytes:
    w = PdfWriter()
    w.add_blank_page(200, 200)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def main() -> None:
    for n, (key, name) in enumerate(NAMES.items(), 1):
        ident = FormIdentity(
            "arbeitshilfe_migration_psychiatrie",
            "1.0.0",
            f"SAMP{n:06d}",
            "institution",
            ("psychotherapie",),
            f"sample-{key}",
            1,
            "de",
        ).sign(b"sample")
        form = GeneratedForm(pdf(), ident, ".pdf")
        msg = build_message(
            recipient=Recipient(f"sample-{key}", name, f"{key}@example.org", ("psychotherapie",)),
            forms=[form],
            template=shipped_template("invitation", "de"),
            titles=default_schema().mail_titles("de"),
            sender="spkom@example.org",
            centre="SPKoM Düsseldorf",
            deadline=dt.date(2026, 12, 15),
            checklists=("PsychotherapeutIn, niedergelassen",),  # as a round names it
            now=dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC),
            message_id=f"<sample-{key}@example.org>",
        )
        (HERE / f"draft-{key}.eml").write_bytes(as_draft(msg))


if __name__ == "__main__":
    main()
