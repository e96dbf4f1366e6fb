"""Bounces: delivery status notifications (RFC 3464) that come back after a mail was accepted.

The SMTP server accepting a mail is not the end: the recipient's server may refuse it later and
send a bounce to the sender. Saved from the mail program (``.eml``, or an ``.mbox`` folder), the
bounces are read here and matched to the send log by the original's Message-ID (or its
``X-Formgen-Institution`` header, or the address). :func:`parse_bounce` is bytes in, bounces
out; :func:`iter_mail_files` reads the files.
"""

from __future__ import annotations

import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path

_STATUS_RE = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")


@dataclass(frozen=True)
class Bounce:
    """One recipient a bounce reports as failed (or delayed)."""

    address: str
    action: str
    """``failed`` or ``delayed`` (RFC 3464 Action)."""
    status: str
    """The enhanced status code, ``5.1.1``."""
    diagnostic: str
    message_id: str
    """The Message-ID of the original mail, when the bounce carries it."""
    institution_id: str
    source: str

    @property
    def permanent(self) -> bool:
        return self.action == "failed" and self.status.startswith("5")


def _text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return payload.decode(part.get_content_charset() or "utf-8", "replace")
    return str(part.get_payload())


def _original_headers(msg: Message) -> Message | None:
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner:
                first = inner[0]
                if isinstance(first, Message):
                    return first
        if ctype == "text/rfc822-headers":
            return message_from_bytes(
                _text(part).encode("utf-8", "replace"), policy=policy.compat32
            )
    return None


def _status_blocks(msg: Message) -> list[Message]:
    for part in msg.walk():
        if part.get_content_type() == "message/delivery-status":
            payload = part.get_payload()
            if isinstance(payload, list):
                return [p for p in payload if isinstance(p, Message)]
            text = _text(part)
            return [
                message_from_bytes(block.encode("utf-8", "replace"), policy=policy.compat32)
                for block in re.split(r"\r?\n\r?\n", text.strip())
            ]
    return []


def _addr(value: str | None) -> str:
    text = str(value or "")
    return (
        text.split(";", 1)[1].strip().strip("<>").lower()
        if ";" in text
        else text.strip("<> ").lower()
    )


def parse_bounce(data: bytes, source: str = "bounce.eml") -> list[Bounce]:
    """The failed recipients a delivery status notification reports; ``[]`` when it is no bounce."""
    msg = message_from_bytes(data, policy=policy.compat32)
    blocks = _status_blocks(msg)
    if not blocks:
        return []
    original = _original_headers(msg)
    message_id = str(original["Message-ID"] or "").strip() if original is not None else ""
    institution = (
        str(original["X-Formgen-Institution"] or "").strip() if original is not None else ""
    )
    out = []
    for block in (
        blocks[1:] or blocks
    ):  # the first block is about the message, the rest per recipient
        recipient = block["Final-Recipient"] or block["Original-Recipient"]
        action = str(block["Action"] or "").strip().lower()
        if not recipient or action not in ("failed", "delayed"):
            continue
        status_match = _STATUS_RE.search(str(block["Status"] or ""))
        diagnostic = " ".join(str(block["Diagnostic-Code"] or "").split())
        if diagnostic.lower().startswith("smtp;"):
            diagnostic = diagnostic[5:].strip()
        out.append(
            Bounce(
                address=_addr(str(recipient)),
                action=action,
                status=status_match.group(1) if status_match else "",
                diagnostic=diagnostic[:300],
                message_id=message_id,
                institution_id=institution,
                source=source,
            )
        )
    return out


def iter_mail_files(path: Path) -> Iterator[tuple[str, bytes]]:
    """Every message in an ``.eml`` file or an ``.mbox`` folder, with a name for messages."""
    with open(path, "rb") as fh:
        is_mbox = fh.read(5) == b"From "
    if not is_mbox:
        yield str(path), path.read_bytes()
        return
    box = mailbox.mbox(path, create=False)
    try:
        for n, key in enumerate(box.keys(), 1):
            yield f"{path}#{n}", box.get_bytes(key)
    finally:
        box.close()
