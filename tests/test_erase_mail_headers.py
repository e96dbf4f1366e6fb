"""``register erase`` looks for a text in a mail draft's headers as a mail program shows them:
a name beyond ASCII stands there only encoded (RFC 2047 words in To and Subject, RFC 2231 and
RFC 2047 in an attachment's file name), as formgen writes it."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage

import pytest

from formgen.mailing import MAIL_POLICY
from ingest.erase import _mail_holds


def draft(to: str, subject: str, file_name: str) -> bytes:
    """A draft as formgen writes one, whose text and attachment name nobody."""
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["From"] = Address("SPKoM Düsseldorf", addr_spec="spkom@example.org")
    msg["To"] = Address(to, addr_spec="praxis@example.org")
    msg["Subject"] = subject
    msg.set_content("Guten Tag,\n\nim Anhang Ihr Bogen.\n", cte="quoted-printable")
    msg.add_attachment(
        b"%PDF-1.7\n%%EOF\n", maintype="application", subtype="pdf", filename=file_name
    )
    list(msg.iter_attachments())[-1].set_param("name", file_name)
    return msg.as_bytes()


MAIL = draft(
    "Ольга Петренко – Консультація für Geflüchtete in Düsseldorf",
    "Bestandsaufnahme – Praxis Dr. Şahin",
    "Bestandsaufnahme_Poradnia_Wiśniewska_FG-1ME6M-N7TV0.pdf",
)


@pytest.mark.parametrize(
    "text", ["Петренко", "Ольга Петренко", "Şahin", "Wiśniewska", "Консультація für Geflüchtete"]
)
def test_a_name_only_in_an_encoded_header_or_file_name_is_found(text: str) -> None:
    assert text.encode() not in MAIL  # it stands there only encoded
    assert _mail_holds(MAIL, [text])


def test_a_name_the_draft_does_not_hold_is_not_found() -> None:
    assert not _mail_holds(MAIL, ["Kowalczyk"])
    assert not _mail_holds(b"=?utf-8?b?!!!?= no mail at all", ["Petrenko"])
