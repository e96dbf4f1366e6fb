r"""Bounces: delivery status notifications (RFC 3464) that come back after a mail was accepted.

The SMTP server accepting a mail is not the end: the recipient's server may refuse it later and
send a bounce to the sender. Saved from the mail program (``.eml``, or an ``.mbox`` folder), the
bounces are read here and matched to the send log by the original's Message-ID (or its
``X-Formgen-Institution`` header, or the address). :func:`parse_bounce` is bytes in, bounces
out; :func:`iter_mail_files` reads the files.

A server that speaks SMTPUTF8 reports in the forms of RFC 6533: the report may be
``message/global-delivery-status`` (UTF-8 throughout, perhaps base64-encoded) with the original's
headers as ``message/global-headers``, and an address of type ``utf-8`` may write a character as
``\x{FC}`` (``utf-8; info@b\x{FC}ro.example``). Both are read, and the address is shown as the
person wrote it (``info@büro.example``). An ``rfc822`` address may come as xtext (RFC 3461, as
sendmail writes it: ``olga+2Bspkom@example.org`` for ``olga+spkom@example.org``); a ``+`` that
starts no escape (``+ZZ``, a cut-off ``+4``) is an address written without xtext and stays.
"""

from __future__ import annotations

import base64
import contextlib
import mailbox
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes, message_from_string, policy
from email.message import Message
from pathlib import Path

from formgen.errors import UnreadableFileError
from formgen.recipients import normalise_email

_STATUS_RE = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
_EMBEDDED_RE = re.compile(r"\\x\{([0-9A-Fa-f]{1,6})\}")
"""RFC 6533's EmbeddedUnicodeChar: ``\\x{HEXPOINT}`` in a ``utf-8`` address."""
_XTEXT_RE = re.compile(r"\+([0-9A-F]{2})")
"""RFC 3461's hexchar: ``+2B`` for ``+`` in an xtext address (two upper case hex digits)."""
_REPORTS = ("message/delivery-status", "message/global-delivery-status")
_ORIGINALS = ("message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers")


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


def _part_bytes(part: Message) -> bytes:
    """The body of ``part`` as it was sent, decoded from base64 or quoted-printable.

    The standard library parses ``message/delivery-status`` into header blocks and every other
    ``message/*`` type as one embedded message; either way this gives back the bytes (UTF-8 kept
    as it came), so that every report is read the same way."""
    payload = part.get_payload()
    if isinstance(payload, list):
        raw = b"\n".join(
            m.as_bytes(policy=policy.compat32) for m in payload if isinstance(m, Message)
        )
    else:
        decoded = part.get_payload(decode=True)
        return decoded if isinstance(decoded, bytes) else str(payload).encode("utf-8", "replace")
    cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    with contextlib.suppress(ValueError):  # damaged base64: read what is there as it is
        if cte == "base64":
            return base64.b64decode(raw)
        if cte == "quoted-printable":
            return quopri.decodestring(raw)
    return raw


def _headers(data: bytes) -> Message:
    """Header fields (a block of a report, the original's headers) from their bytes, UTF-8 kept."""
    text = data.decode("utf-8", "replace").lstrip("\r\n")
    return message_from_string(text, policy=policy.compat32)


def _original_headers(msg: Message) -> Message | None:
    for part in msg.walk():
        if part.get_content_type() in _ORIGINALS and part is not msg:
            return _headers(_part_bytes(part))
    return None


def _status_blocks(msg: Message) -> list[Message]:
    for part in msg.walk():
        if part.get_content_type() in _REPORTS:
            text = _part_bytes(part).decode("utf-8", "replace")
            return [
                message_from_string(block.strip("\r\n"), policy=policy.compat32)
                for block in re.split(r"\r?\n[ \t]*\r?\n", text.strip())
                if block.strip()
            ]
    return []


def _addr(value: str | None) -> str:
    """The address of a recipient field (``rfc822; a@b``, ``utf-8; a@b\\x{FC}c``), readable."""
    text = " ".join(str(value or "").split())
    kind, sep, address = text.partition(";")
    if not sep:
        kind, address = "rfc822", text
    address = address.strip().strip("<>").strip()
    if kind.strip().lower() == "utf-8":
        address = _EMBEDDED_RE.sub(_embedded_char, address)
    else:
        address = _XTEXT_RE.sub(_xtext_char, address)
    return address.lower()


def _xtext_char(m: re.Match[str]) -> str:
    """The character a hexchar names; one that names none an address can hold (a space, a
    control, a non-ASCII byte) is a '+' of an address written without xtext: left as written."""
    code = int(m.group(1), 16)
    return chr(code) if 0x21 <= code <= 0x7E else m.group(0)


def _embedded_char(m: re.Match[str]) -> str:
    code = int(m.group(1), 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:  # no character: leave it as written
        return m.group(0)
    return chr(code)


def address_key(address: str) -> str:
    """``address`` as compared with the send log: lower case, the domain in its ASCII form
    (``info@büro.example`` and ``info@xn--bro-hoa.example`` are the same mailbox)."""
    return normalise_email(address).lower()


def parse_bounce(data: bytes, source: str = "bounce.eml") -> list[Bounce]:
    """The failed recipients a delivery status notification reports; ``[]`` when it is no bounce.
    Raises :class:`~formgen.errors.UnreadableFileError` for a mail whose parts are nested too
    deeply to be read (thousands of levels: no mail program writes that)."""
    try:
        msg = message_from_bytes(data, policy=policy.compat32)
        blocks = _status_blocks(msg)
        original = _original_headers(msg) if blocks else None
    except RecursionError:
        raise UnreadableFileError(
            source, "too-large", "nested too deeply to read (a damaged or hostile file?)"
        ) from None
    if not blocks:
        return []
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
