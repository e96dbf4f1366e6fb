r"""Bounces: delivery status notifications (RFC 3464) that come back after a mail was accepted.

The SMTP server accepting a mail is not the end: the recipient's server may refuse it later and
send a bounce to the sender. Saved from the mail program (``.eml``, or an ``.mbox`` folder), the
bounces are read here and matched to the send log by the original's Message-ID (or its
``X-Formgen-Institution`` header, or the address); a test mail's (``formgen mail --test-to``,
header ``X-Formgen-Test``) matches none. A bounce in plain text, as Exim and qmail-send write
it, is read from its text and the copy of the original below it (:func:`_plain_bounces`).
:func:`parse_bounce` is bytes in, bounces
out; :func:`read_bounces` reads an open file of saved mails, mail by mail, at most
:data:`MAX_MAIL_BYTES` of each; the caller opens only regular files (never a named pipe or a
device) and says how large one may be.

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
import os
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, message_from_string, policy
from email.message import Message
from typing import BinaryIO

from formgen.errors import UnreadableFileError
from formgen.linebreak import shorten
from formgen.messages import Said, SaidJoined
from formgen.recipients import normalise_email

_STATUS_RE = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
_EMBEDDED_RE = re.compile(r"\\x\{([0-9A-Fa-f]{1,6})\}")
"""RFC 6533's EmbeddedUnicodeChar: ``\\x{HEXPOINT}`` in a ``utf-8`` address."""
_XTEXT_RE = re.compile(r"\+([0-9A-F]{2})")
"""RFC 3461's hexchar: ``+2B`` for ``+`` in an xtext address (two upper case hex digits)."""
_REPORTS = ("message/delivery-status", "message/global-delivery-status")
_ORIGINALS = ("message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers")
MAX_MAIL_BYTES = 1 << 20
"""How much of one mail is read. A bounce is a ``multipart/report`` (RFC 6522) whose first part
is a short text for people and whose second is the report (RFC 3464); the original's headers
follow, then perhaps its body, cut or whole (Postfix's ``bounce_size_limit``, Exim's
``bounce_return_size_limit``; a formgen mail with its form is some 250 KB). All a bounce is read
for lies near its start: in Postfix's (tests/data/mail/bounce_postfix.eml) the report begins at
byte 1,085."""
_LINE_BYTES = 1 << 16


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
    test: bool = False
    """The original was a test mail (``formgen mail --test-to``): it is no mail of the send log."""

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
    """The failed recipients a delivery status notification (or a plain-text bounce of Exim or
    qmail) reports; ``[]`` when it is no bounce.
    Raises :class:`~formgen.errors.UnreadableFileError` for a mail whose parts are nested too
    deeply to be read (thousands of levels: no mail program writes that)."""
    try:
        msg = message_from_bytes(data, policy=policy.compat32)
        blocks = _status_blocks(msg)
        original = _original_headers(msg) if blocks else None
        if not blocks:
            return _plain_bounces(msg, source)
    except RecursionError:
        raise UnreadableFileError(source, "too-large", Said("bounce_nested")) from None
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
        status = status_match.group(1) if status_match else ""
        out.append(_bounce(_addr(str(recipient)), action, status, diagnostic, original, source))
    return out


def _bounce(
    address: str,
    action: str,
    status: str,
    diagnostic: str,
    original: Message | None,
    source: str,
) -> Bounce:
    """One recipient's bounce, with what the original's headers say to find the mail by."""

    def header(name: str) -> str:
        return str(original[name] or "").strip() if original is not None else ""

    return Bounce(
        address=address,
        action=action,
        status=status,
        diagnostic=shorten(diagnostic, len, 300),
        message_id=header("Message-ID"),
        institution_id=header("X-Formgen-Institution"),
        source=source,
        test=original is not None and original["X-Formgen-Test"] is not None,
    )


# --------------------------------------------------------------------------- plain-text bounces

_COPY_RE = re.compile(
    r"^(?:-{6} This is a copy of the (?:message|body of the message)\b.*"  # Exim
    r"|--- Below this line is (?:a copy|the top) of the message\.)[ \t]*\r?$",  # qmail
    re.MULTILINE,
)
"""The line a plain-text bounce puts above the copy of the original: Exim's ``------ This is a
copy of the message, including all the headers. ------`` (``… of the message's headers``, ``… of
the body of the message, without the headers``), qmail-send's ``--- Below this line is a copy of
the message.`` (``… the top of the message``)."""
_QMAIL_START = "Hi. This is the qmail-send program"
_EXIM_START = "This message was created automatically by mail delivery software."
_QMAIL_ADDRESS_RE = re.compile(r"^<([^<>\s]+@[^<>\s]+)>:[ \t]*\r?$", re.MULTILINE)
_EXIM_ADDRESS_RE = re.compile(r"^  (\S+@\S+?)[ \t]*\r?$", re.MULTILINE)
_SMTP_CODE_RE = re.compile(r"(?:^|(?<=[\s:]))([245])\d\d[ -]")
"""The server's reply in a bounce's text (``550 5.1.1 …``): where what it said begins."""


def _plain_text(msg: Message) -> str:
    """The text a plain-text bounce is written in: the mail's body, or its first text part."""
    for part in msg.walk():
        if not part.is_multipart() and part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload.decode(part.get_content_charset() or "utf-8", "replace")
            return str(part.get_payload())
    return ""


def _plain_bounces(msg: Message, source: str) -> list[Bounce]:
    """The failed (or delayed) recipients of a bounce written as plain text, as Exim and qmail
    send it (no ``message/delivery-status`` part): Exim names them in ``X-Failed-Recipients``
    (its delay warning, ``has not yet been delivered``, only in the text), qmail-send in its
    text (``<inst06@beratung.example>:``) under ``Hi. This is the qmail-send program``. The
    original is found by its headers in the copy below the separator line. Any other mail (an
    out-of-office reply, an answer quoting our mail) is none: ``[]``."""
    text = _plain_text(msg).replace("\r\n", "\n")
    start = text.lstrip()
    cut = _COPY_RE.search(text)
    report = text[: cut.start()] if cut else text
    failed_header = ",".join(str(v) for v in msg.get_all("X-Failed-Recipients") or [])
    if start.startswith(_QMAIL_START):
        action = "failed"  # qmail-send sends nothing before it gives up
        found = _QMAIL_ADDRESS_RE.finditer(report)
    elif failed_header or (start.startswith(_EXIM_START) and "not yet been delivered" in report):
        action = "failed" if failed_header else "delayed"
        found = _EXIM_ADDRESS_RE.finditer(report)
    else:
        return []
    said: dict[str, str] = {}  # address → what the server said, in the order written
    matches = list(found)
    for m, after in zip(matches, [*matches[1:], None], strict=True):
        end = after.start() if after else len(report)
        lines = report[m.end() : end].split("\n\n", 1)[0]
        said.setdefault(_addr(m.group(1)), " ".join(lines.split()))
    for address in failed_header.split(","):
        if address.strip():
            said.setdefault(_addr(address), "")
    original = _original_headers(msg)
    if original is None and cut:
        original = _headers(text[cut.end() :].encode("utf-8"))
    out = []
    for address, diagnostic in said.items():
        status_match = _STATUS_RE.search(diagnostic)
        code = _SMTP_CODE_RE.search(diagnostic)
        diagnostic = diagnostic[code.start() :] if code else diagnostic
        status = (
            status_match.group(1)
            if status_match
            else f"{code.group(1)}.0.0"
            if code
            else ("5.0.0" if action == "failed" else "4.0.0")
        )
        out.append(_bounce(address, action, status, diagnostic, original, source))
    return out


@dataclass
class BounceFile:
    """What one file of saved mails holds: the bounces, how many mails are none, what could not
    be read."""

    mails: int = 0
    bounces: list[Bounce] = field(default_factory=list)
    not_bounces: int = 0
    """Mails that are no delivery report (the rest of an Inbox saved with the bounces)."""
    problems: list[str] = field(default_factory=list)
    """A mail that could not be read, one line each (the others are read), to be said in the
    workspace's language (:func:`~formgen.messages.in_language`)."""


def read_bounces(fh: BinaryIO, name: str, max_file_bytes: int) -> BounceFile:
    """The bounces in an open file of saved mails called ``name``: one mail (``.eml``) or an
    ``.mbox`` folder, read mail by mail; of each mail only its first :data:`MAX_MAIL_BYTES`
    are kept, so neither a mailbox nor one huge mail is ever held whole.

    Raises :class:`~formgen.errors.UnreadableFileError` for a file over ``max_file_bytes``."""
    size = fh.seek(0, os.SEEK_END)
    if size > max_file_bytes:
        said = Said("bounce_file_too_large", size=size, most=max_file_bytes)
        raise UnreadableFileError(name, "too-large", said)
    fh.seek(0)
    out = BounceFile()
    for source, data in _mails(fh, name, max_file_bytes):
        out.mails += 1
        try:
            found = parse_bounce(data, source)
        except UnreadableFileError as exc:  # one such mail never stops the others
            out.problems.append(SaidJoined((exc.file_name, exc.said or str(exc)), ": "))
            continue
        out.bounces.extend(found)
        out.not_bounces += not found
    return out


def _mails(fh: BinaryIO, name: str, max_bytes: int) -> Iterator[tuple[str, bytes]]:
    """Each mail of ``fh`` with a name (``Posteingang.mbox#3``) and its first
    :data:`MAX_MAIL_BYTES`. A file that starts with ``From `` is an mbox: every line that starts
    so begins a mail (as :class:`mailbox.mbox` reads it); the file is read a line (at most
    :data:`_LINE_BYTES`) at a time, ``max_bytes`` in all (it may grow while it is read)."""
    if fh.read(5) != b"From ":
        fh.seek(0)
        yield name, fh.read(MAX_MAIL_BYTES)
        return
    fh.seek(0)
    number, mail, left = 0, bytearray(), max_bytes
    line_start, in_from_line = True, False
    while left > 0 and (line := fh.readline(min(_LINE_BYTES, left))):
        left -= len(line)
        if line_start and line.startswith(b"From "):
            if number:
                yield f"{name}#{number}", bytes(mail)
            number += 1
            mail.clear()
            in_from_line = True
        elif not in_from_line and len(mail) < MAX_MAIL_BYTES:
            mail += line[: MAX_MAIL_BYTES - len(mail)]
        line_start = line.endswith(b"\n")
        in_from_line = in_from_line and not line_start
    if number:
        yield f"{name}#{number}", bytes(mail)
