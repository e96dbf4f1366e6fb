"""A text quoted back to a person in a message or a note and too long for it is shortened with
„…“ (:func:`formgen.linebreak.shorten`), so it is never read as the whole text: it was cut with
a slice and no mark."""

from __future__ import annotations

import pytest
from register_support import SCHEMA

from formgen.bounces import parse_bounce
from formgen.docx_xml import DATE, Control, interpret
from formgen.errors import FormgenError, IdentityError, QuarantineError
from formgen.identity import FormIdentity
from ingest.schemas import SchemaRegistry

LONG = "Beratungsstelle für Geflüchtete und Migrantinnen im Rhein-Kreis Neuss und Umgebung"


def test_a_category_or_region_named_wrong_is_quoted_shortened() -> None:
    with pytest.raises(FormgenError) as category:
        SCHEMA.category_named(LONG)
    with pytest.raises(FormgenError) as region:
        SCHEMA.region_named(LONG)
    for error in (category, region):
        assert "„Beratungsstelle für Geflüchtete und Migrantinnen im…" in str(error.value) or (
            "'Beratungsstelle für Geflüchtete und Migrantinnen im…'" in str(error.value)
        ), str(error.value)
        assert LONG[:60] not in str(error.value)


@pytest.mark.parametrize("key", ["instance_id", "kind", "base_version"])
def test_a_malformed_identity_value_is_quoted_shortened(key: str) -> None:
    fields = {
        "formgen.schema_id": "s",
        "formgen.schema_version": "1",
        "formgen.instance_id": "ABCD234567",
        "formgen.kind": "institution",
        f"formgen.{key}": LONG,
    }
    with pytest.raises(IdentityError) as refused:
        FormIdentity.from_fields(fields)
    assert "'Beratungsstelle für Geflüchtete und…'" in str(refused.value), str(refused.value)


def test_a_date_word_cannot_read_is_quoted_shortened_in_its_note() -> None:
    reading = interpret(Control(DATE, "t", None, LONG, full_date="2026-11-24T00:00:00Z"))
    assert reading.note == "date_unread"
    assert reading.args["text"] == "Beratungsstelle für Geflüchtete und…"


def test_an_unknown_schema_is_named_shortened() -> None:
    with pytest.raises(QuarantineError) as unknown:
        SchemaRegistry(SCHEMA).get(LONG.replace(" ", "_"), "1.0.0-" + "x" * 30)
    text = str(unknown.value)
    assert "Beratungsstelle_für_Geflüchtete_und_Migrantinnen_im_Rhein-K…" in text, text
    assert "1.0.0-xxxxxxxxxxxxx…" in text and "x" * 14 not in text


def test_a_bounce_s_long_diagnostic_is_shortened_with_a_mark() -> None:
    words = " ".join(["rejected:", *(["mailbox unavailable, see policy"] * 20)])
    dsn = (
        "From: MAILER-DAEMON@mx.example\r\nTo: spkom@example.org\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nnot delivered\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example\r\n\r\n"
        "Final-Recipient: rfc822; praxis@example.org\r\nAction: failed\r\nStatus: 5.2.1\r\n"
        f"Diagnostic-Code: smtp; 550 5.2.1 {words}\r\n"
        "--B--\r\n"
    ).encode()
    (bounce,) = parse_bounce(dsn)
    assert len(bounce.diagnostic) <= 300 and bounce.diagnostic.endswith(
        ", see policy mailbox unavailable,…"
    )
    assert bounce.diagnostic.startswith("550 5.2.1 rejected: mailbox unavailable")
