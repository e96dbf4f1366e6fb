"""Attachments of saved mails: .eml, .mbox, Maildir folders and Outlook .msg.

Each attachment is yielded with the sender, date and subject of the mail that carried it (for
the submission's provenance) and its position in the container (``#3/2``: third mail, second
attachment; a forwarded mail inside it adds a level: ``#3/1/2``). For a forwarded mail, the
sender is the one of the innermost mail that carried the attachment — the institution, not the
colleague who forwarded it.

An attachment's name is only ever shown to people (:attr:`Attachment.name` is cleaned of
control characters and path separators for display); it is **never** used as a path. Whoever
writes an attachment to disk names it by its SHA-256.

Bounds: at most ``max_attachments`` attachments per container and forwarded mails nested at most
``max_depth`` deep; what lies beyond is reported in :attr:`MailScan.problems`, not silently lost.
"""

from __future__ import annotations

import binascii
import contextlib
import email
import email.errors
import email.header
import email.message
import email.policy
import email.utils
import mailbox
import os
import re
import unicodedata
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import Message
from pathlib import Path
from typing import Any

from formgen.errors import NotAFileError, UnreadableFileError
from formgen.filenames import readable
from formgen.linebreak import shorten
from formgen.messages import Said, os_error_said, said_count
from ingest.answers import Reply, answered, reply_of
from ingest.sniff import (
    HEAD_BYTES,
    HEADER_LINE,
    image_suffix,
    is_page_picture,
    open_regular,
    starts_like_mail,
)

MAX_ATTACHMENTS = 1000
MAX_DEPTH = 8
_POLICY = email.policy.default.clone(max_line_length=None)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")
_SEPARATORS = re.compile(r"[/\\]")


@dataclass(frozen=True)
class MailInfo:
    """Who sent the mail that carried an attachment, when, and with which subject."""

    sender: str | None = None
    date: str | None = None
    """ISO 8601 when the Date header could be read, else as written."""
    subject: str | None = None


@dataclass(frozen=True)
class Attachment:
    """One attachment: its bytes, its name (for display only) and where it came from."""

    data: bytes
    name: str
    position: str
    """``3/2`` (mail 3, attachment 2); nested forwarded mails add levels."""
    mail: MailInfo


@dataclass
class MailScan:
    """What a container held: counts and the problems met (each one a line for the report)."""

    mails: int = 0
    attachments: int = 0
    problems: list[str] = field(default_factory=list)
    """Each a :class:`~formgen.messages.Said`, shown in the workspace's language."""
    notes: list[str] = field(default_factory=list)
    """What is said of the container where nothing in it went unread (two ZIP archives joined
    into one file, both read): shown under its line, as problems are, but no failure."""
    replies: dict[str, Reply] = field(default_factory=dict)
    """The mails that carried no attachment, or a signature's logos only (:func:`_logo`), by
    their number in the container (``"3"``): what each says of the mail it answers
    (:mod:`ingest.answers`)."""


def _admitted(scan: MailScan, where: str, limit: int, key: str) -> bool:
    """Whether the attachment at ``where`` is read: the first ``limit`` of a scan are; the first
    one past them is counted and noted once (the words ``key``), the rest are not even counted
    (a mail of 1,001 attachments says "1000" and one problem)."""
    if scan.attachments == limit:
        scan.problems.append(Said(key, position=where, limit=limit))
    if scan.attachments > limit:
        return False
    scan.attachments += 1
    return scan.attachments <= limit


def display_name(name: str | None, limit: int = 120) -> str:
    """An attachment name fit for a report line: the last part of a path sent as the name
    (``../../../etc/passwd.pdf`` → ``passwd.pdf``), NFC, no control characters, no lone
    surrogates (a name that was not valid UTF-8 is decoded as Windows-1252); one longer than
    ``limit`` characters shortened as :func:`formgen.linebreak.shorten` shortens."""
    if not name:
        return "(no name)"
    parts = [p for p in _SEPARATORS.split(str(name)) if p.strip()]
    text = unicodedata.normalize("NFC", readable(parts[-1] if parts else ""))
    text = _UNSAFE.sub("_", text).strip() or "(no name)"
    return shorten(text, len, limit)


def _filename(part: Message) -> str | None:
    """The attachment's name as sent. Read again from the header as written where the mail's
    parser lost it: an unquoted name holding a ``/`` (``filename=../../../etc/passwd.pdf``,
    which the standard forbids and mail programs write) it cuts there (``..``), and an RFC 2231
    name in a charset Python does not know (``filename*=x-unknown''%E4.pdf``) it shows as
    "\ufffd": that one is read as Latin-1. Read again, an RFC 2231 name is taken before a plain
    one (RFC 6266, 4.3) and encoded words in it are decoded (:func:`_encoded_words`): a ``/`` in
    their base64 (``filename="=?utf-8?b?…1/FgcOz…?="``, as formgen's drafts and Outlook name a
    Polish, Greek or Arabic file) showed "FgcOz…?= =?utf-8?b?V2nF…" where the parser had it
    right."""
    name = part.get_filename()
    for key, value in part.raw_items():
        if key.lower() == "content-disposition" and ("/" in value or "\ufffd" in (name or "")):
            legacy = email.message.Message()
            legacy[key] = value
            sent = [v for k, v in legacy.get_params([], header=key) if k.lower() == "filename"]
            if sent:
                param = next((v for v in sent if isinstance(v, tuple)), sent[0])
                text = email.utils.collapse_rfc2231_value(param, fallback_charset="latin-1")
                return _encoded_words(text, name)
    return name


def _encoded_words(text: str, parsed: str | None) -> str | None:
    """``text`` with its RFC 2047 encoded words decoded (``=?utf-8?b?0KTQvtGA0LzQsC5wZGY=?=`` →
    „Форма.pdf“), as a mail program shows them in a name; where they cannot be (a charset
    Python does not know), the name as the mail's parser read it, ``parsed``."""
    if "=?" not in text:
        return text
    try:
        return str(email.header.make_header(email.header.decode_header(text)))
    except (ValueError, LookupError, email.errors.HeaderParseError):
        return parsed


_ADJACENT_WORDS = re.compile(r"\?=\s+=\?")


def _rfc2047_addresses(raw: object) -> str | None:
    """An address header with adjacent encoded words (``=?utf-8?b?…?= =?utf-8?b?…?=
    <a@b.de>``, as Thunderbird, Outlook and formgen fold a long name) as RFC 2047 reads it: the
    blank between the words left out, „Консультація <a@b.de>“. The standard library's address
    parser keeps it (CPython gh-128110, Python 3.11 to 3.13): „Консульта ція“, which no
    ``register erase --text Консультація`` then finds. ``None`` where there are none."""
    if not isinstance(raw, str) or not raw.isascii() or not _ADJACENT_WORDS.search(raw):
        return None
    decode = email.header.decode_header
    with contextlib.suppress(ValueError, LookupError, email.errors.HeaderParseError):
        return ", ".join(
            str(Address(display_name=str(email.header.make_header(decode(n))), addr_spec=a))
            for n, a in email.utils.getaddresses([raw])
        )
    return None


def _header(msg: Any, name: str) -> str | None:
    """A header's text, decoded. One the mail's parser refuses (an encoded From name holding a
    line break: ``=?utf-8?b?UHJheGlzCk5vcmQ=?=``, "Praxis\\nNord") is decoded from the header
    as written, or else shown as written: the mail and its attachments are still read. A
    sender's name in adjacent encoded words is read as RFC 2047 says
    (:func:`_rfc2047_addresses`)."""

    def raw() -> Any:
        return next((v for k, v in msg.raw_items() if k.lower() == name.lower()), None)

    if name.lower() == "from" and (joined := _rfc2047_addresses(raw())):
        return _clean(joined)
    try:
        value = msg.get(name)
    except (ValueError, TypeError, IndexError, AttributeError):  # malformed header
        value = raw()
        with contextlib.suppress(ValueError, LookupError, email.errors.HeaderParseError):
            value = str(email.header.make_header(email.header.decode_header(value or "")))
    return _clean(value)


def mail_info(msg: Message) -> MailInfo:
    date = _header(msg, "Date")
    if date:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            date = email.utils.parsedate_to_datetime(date).isoformat()
    return MailInfo(_header(msg, "From"), date, _header(msg, "Subject"))


def _is_attachment(part: Message) -> bool:
    if part.is_multipart():
        return False
    disposition = (part.get_content_disposition() or "").lower()
    if disposition == "attachment" or part.get_filename():
        return True
    ctype = part.get_content_type()
    return not ctype.startswith("text/") and ctype != "message/rfc822"


_ONCE = ("Content-Type", "Content-Transfer-Encoding", "Content-Disposition")
"""Headers a part has once: no mail program writes one twice."""


def _twice(part: Message, position: str) -> Said | None:
    """What is wrong with ``part`` (at ``position``) when it has one of :data:`_ONCE` more than
    once (``None``: nothing): it is read by the first one, as Python's ``email`` reads it, which
    the other may contradict (``text/plain``, then ``application/pdf``) — a damaged or forged
    mail."""
    for name in _ONCE:
        values = part.get_all(name) or []
        if len(values) > 1:
            said = ", ".join(
                shorten(" ".join(str(v).split(";")[0].split()), len, 40) for v in values[:3]
            )
            return Said(
                "ingest_mail_headers_twice",
                position=position,
                n=len(values),
                header=name,
                said=said,
                ctype=part.get_content_type(),
            )
    return None


def _payload(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    if isinstance(data, bytes):
        return data
    inner = part.get_payload()
    return inner.encode("utf-8", "surrogateescape") if isinstance(inner, str) else b""


def message_attachments(
    msg: Message,
    position: str,
    scan: MailScan,
    max_attachments: int = MAX_ATTACHMENTS,
    depth: int = 0,
    info: MailInfo | None = None,
) -> Iterator[Attachment]:
    """The attachments of one parsed mail (whose header says ``info``, read when not given),
    forwarded mails (``message/rfc822``) included."""
    info = info or mail_info(msg)
    index = 0
    empty = 0  # parts with no name and no content: a mail program's leftovers
    for part in _leaves(msg):
        if part.get_content_type() == "message/rfc822":
            index += 1
            inner = part.get_payload()
            nested = inner[0] if isinstance(inner, list) and inner else None
            if not isinstance(nested, Message):
                continue
            if depth + 1 > MAX_DEPTH:
                scan.problems.append(
                    Said("ingest_mail_nested_deep", position=f"{position}/{index}", depth=MAX_DEPTH)
                )
                continue
            yield from message_attachments(
                nested, f"{position}/{index}", scan, max_attachments, depth + 1
            )
            continue
        twice = _twice(part, position)
        if twice:
            scan.problems.append(twice)
        if _is_attachment(part):
            one = (_payload(part), _filename(part))
            if one == (b"", None):
                empty += 1
                continue
            files: Iterable[tuple[bytes, str | None]] = [one]
        elif part.get_content_type() == "text/plain":
            files = _uuencoded(_payload(part))
        else:
            continue
        for data, name in files:
            index += 1
            if _admitted(scan, f"{position}/{index}", max_attachments, "ingest_mail_too_many"):
                yield Attachment(data, display_name(name), f"{position}/{index}", info)
    if empty:
        scan.notes.append(said_count("ingest_mail_empty_parts", empty, position=position))


def _told(
    atts: Iterator[Attachment],
    scan: MailScan,
    number: str,
    reply: Callable[[], Reply],
    torn: str | None = None,
) -> Iterator[Attachment]:
    """The attachments ``atts`` of the mail ``number`` of a container; when they are none, or
    a signature's logos only (pictures too small to be a form's page), what the mail says of the
    mail it answers (``reply()``) is kept in :attr:`MailScan.replies` — unless its header is
    ``torn`` (:func:`torn`): then nobody can read it, and it is a problem of the container,
    never an answer."""
    logos_only = True
    for att in atts:
        logos_only = logos_only and _logo(att.data)
        yield att
    if logos_only and torn:
        scan.problems.append(Said(f"ingest_mail_torn_{torn}", position=number))
    elif logos_only:
        scan.replies[number] = reply()


def _logo(data: bytes) -> bool:
    """Whether the attachment ``data`` is a picture too small to be a photo or scan of a form's
    page (:func:`~ingest.sniff.is_page_picture`): a signature's logo, Outlook's."""
    return bool(image_suffix(data[:HEAD_BYTES])) and not is_page_picture(data)[0]


def torn(msg: Message, data: bytes) -> str | None:
    """How the header of the mail ``data`` (parsed: ``msg``) is damaged: ``broken`` off by a line
    that is no header line, or ``unended`` (no blank line after it: cut off, as the last mail of
    a mailbox cut short is); ``None`` when it is whole."""
    if any(isinstance(d, email.errors.MissingHeaderBodySeparatorDefect) for d in msg.defects):
        return "broken"
    if not re.search(rb"\r?\n\r?\n", data):
        return "unended"
    return None


def _mail(
    data: bytes, number: str, scan: MailScan, max_attachments: int
) -> Generator[Attachment, None, str | None]:
    """The attachments of the mail ``data``, number ``number`` of a container (:func:`_told`);
    returns how its header is torn (:func:`torn`), if it is."""
    msg = parse(data)
    info = mail_info(msg)  # read once: for the attachments and for the reply
    atts = message_attachments(msg, number, scan, max_attachments, info=info)
    reply = lambda: reply_of(msg, info.sender, info.date, info.subject)  # noqa: E731
    why = torn(msg, data)
    yield from _told(atts, scan, number, reply, why)
    return why


_UU_BEGIN = re.compile(rb"^begin [0-7]{3,4} ([^\r\n]+?)\r?$", re.MULTILINE)


def _uuencoded(text: bytes) -> Iterator[tuple[bytes, str]]:
    """Files written into a plain-text mail's text with uuencode (``begin 644 antwort.pdf`` …
    ``end``), as Outlook does when told to ("Encode attachments in UUENCODE format when sending
    plain text messages") and older mail programs did: each one's bytes and name."""
    for begin in _UU_BEGIN.finditer(text):
        data = bytearray()
        for line in text[begin.end() :].splitlines()[1:]:
            if line.rstrip() == b"end":
                break
            try:
                data += binascii.a2b_uu(line)
            except binascii.Error:
                try:  # padded beyond what it holds (some encoders): what its length says
                    data += binascii.a2b_uu(line[: (((line[0] - 32) & 63) * 4 + 5) // 3])
                except binascii.Error:
                    break  # not uuencode after all: the reader of what came so far says so
        yield bytes(data), begin[1].decode("utf-8", "surrogateescape")


def _leaves(msg: Message) -> Iterator[Message]:
    """The leaf parts of a mail, and its forwarded mails as one part each (not looked into)."""
    if msg.get_content_type() == "message/rfc822" or not msg.is_multipart():
        yield msg
        return
    payload = msg.get_payload()
    for sub in payload if isinstance(payload, list) else []:
        if isinstance(sub, Message):
            yield from _leaves(sub)


def parse(data: bytes) -> Message:
    return email.message_from_bytes(data, policy=_POLICY)


def eml_attachments(
    data: bytes, scan: MailScan, max_attachments: int = MAX_ATTACHMENTS, name: str = "the mail"
) -> Iterator[Attachment]:
    """Attachments of one saved mail (.eml), called ``name`` in messages.

    Raises :class:`~formgen.errors.UnreadableFileError` when it starts like a mail but its
    header is broken off by a line that is no header line, or never ends, and no attachment was
    found: what it carried cannot be told apart from its header."""
    scan.mails += 1
    before = scan.attachments
    why = yield from _mail(data, "1", scan, max_attachments)
    if scan.attachments == before and why:
        raise UnreadableFileError(name, "damaged", Said(f"ingest_mail_header_{why}"))


def mbox_attachments(
    path: Path, scan: MailScan, max_attachments: int = MAX_ATTACHMENTS, name: str = "the mailbox"
) -> Iterator[Attachment]:
    """Attachments of every mail in an mbox file (called ``name`` in messages), mail by mail
    (the file is never read whole).

    Raises :class:`~formgen.errors.UnreadableFileError` when no ``From`` line of it is followed
    by a mail's header (a text that starts "From Monday on … 2026"): it holds no mail."""
    box = mailbox.mbox(str(path), create=False)
    mails = 0
    try:
        for number, data in enumerate(_mbox_mails(box), start=1):
            scan.mails += 1
            mails += bool(HEADER_LINE.match(data))
            yield from _mail(data, str(number), scan, max_attachments)
    finally:
        box.close()
    if not mails:
        raise UnreadableFileError(name, "damaged", Said("ingest_mail_mbox_no_mail"))


def _mbox_mails(box: mailbox.mbox) -> Iterator[bytes]:
    """The mails of ``box``. A line starting with ``From`` in a mail's text that the program
    writing the mailbox did not mark (``>From``) is taken by :mod:`mailbox` for the start of
    another mail; what follows it has no mail's header (:func:`~ingest.sniff.starts_like_mail`:
    one line ``From: Praxis Nord <p@example.org>`` after it is none), and is put back onto the
    mail it is part of."""
    mail = None
    for key in box.iterkeys():
        data = box.get_bytes(key)
        if mail is not None and not starts_like_mail(data):
            mail += box.get_bytes(key, from_=True)
            continue
        if mail is not None:
            yield mail
        mail = data
    if mail is not None:
        yield mail


def maildir_attachments(
    path: Path, scan: MailScan, max_attachments: int = MAX_ATTACHMENTS
) -> Iterator[Attachment]:
    """Attachments of every mail in a Maildir folder (``cur`` and ``new``), in a stable order.

    A mail file that cannot be read — gone meanwhile (a mail program moved it), a link to
    nothing, a named pipe or a device (never opened), no permission — is a line in
    ``scan.problems`` naming it; the other mails are read."""
    for number, (sub, name) in enumerate(_maildir_files(path), start=1):
        where = f"#{number} {sub}/{display_name(name)}"
        try:
            with open_regular(path / sub / name, where) as fh:
                data = fh.read()
        except NotAFileError as exc:
            scan.problems.append(Said("ingest_mail_maildir_not_file", where=where, what=exc.what))
            continue
        except FileNotFoundError:
            gone = os.path.islink(path / sub / name)
            scan.problems.append(
                Said(
                    "ingest_mail_maildir_dangling" if gone else "ingest_mail_maildir_gone",
                    where=where,
                )
            )
            continue
        except OSError as exc:
            scan.problems.append(
                Said("ingest_mail_maildir_unreadable", where=where, error=os_error_said(exc))
            )
            continue
        scan.mails += 1
        if not _mail_like(data):
            empty = "empty" if not data else "no_mail"
            scan.problems.append(Said(f"ingest_mail_maildir_{empty}", where=where))
            continue
        yield from _mail(data, str(number), scan, max_attachments)


def _mail_like(data: bytes) -> bool:
    """Whether a Maildir's file starts as a mail does: with a header line (or the ``From`` line
    some delivery programs put before it); not with nothing (0 bytes) or random bytes."""
    head = data[:HEAD_BYTES].lstrip(b"\r\n\t ")
    return bool(HEADER_LINE.match(head)) or head.startswith(b"From ")


def _maildir_files(path: Path) -> list[tuple[str, str]]:
    """(``cur`` or ``new``, file name) of the mails of a Maildir, by their unique name (the part
    before the ``:2,FLAGS`` a mail program adds), as :class:`mailbox.Maildir` orders them;
    hidden files (``.gitkeep``, an editor's) and folders (:func:`maildir_folders`) are left
    out."""
    found = []
    for sub in ("new", "cur"):
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            for name in os.listdir(path / sub):
                if not name.startswith(".") and not os.path.isdir(path / sub / name):
                    found.append((name.split(":")[0], sub, name))
    return [(sub, name) for _, sub, name in sorted(found)]


def maildir_folders(path: Path) -> list[tuple[str, str]]:
    """(``cur`` or ``new``, folder name) of the folders (and links to folders) in a Maildir's
    ``cur`` and ``new``, where a mail program keeps only mails: they are not read as mails,
    and the report says so (:func:`ingest.pipeline.discover`). Hidden ones are left out."""
    found = []
    for sub in ("cur", "new"):
        with contextlib.suppress(OSError):  # no such folder, no permission: the mails tell
            for name in os.listdir(path / sub):
                if not name.startswith(".") and os.path.isdir(path / sub / name):
                    found.append((sub, name))
    return sorted(found)


def msg_attachments(
    path: Path, name: str, scan: MailScan, max_attachments: int = MAX_ATTACHMENTS
) -> Iterator[Attachment]:
    """Attachments of the Outlook .msg file at ``path`` (called ``name``: its file or attachment
    name), embedded mails included (extract-msg).

    Raises :class:`~formgen.errors.UnreadableFileError` when the mail cannot be read."""
    import extract_msg

    try:
        msg = extract_msg.openMsg(str(path), strict=False)
        try:
            scan.mails += 1
            info = _msg_info(msg)  # read once: for the attachments and for the reply
            parts = list(
                _told(
                    _msg_parts(msg, info, "1", scan, max_attachments, 0),
                    scan,
                    "1",
                    lambda: _msg_reply(msg, info),
                )
            )
        finally:
            msg.close()
    except MemoryError:
        raise  # the worker's memory bound: the pipeline says so
    except Exception:  # extract-msg and olefile fail with whatever they meet in a damaged file
        raise UnreadableFileError(name, "damaged", Said("ingest_mail_msg_damaged")) from None
    yield from parts


def _msg_info(msg: Any) -> MailInfo:
    date = getattr(msg, "date", None)
    return MailInfo(
        _clean(getattr(msg, "sender", None)),
        date.isoformat() if date is not None and hasattr(date, "isoformat") else _clean(date),
        _clean(getattr(msg, "subject", None)),
    )


def _msg_reply(msg: Any, info: MailInfo) -> Reply:
    """What an Outlook .msg (its header ``info``) says of the mail it answers: the Message-IDs
    of the transport headers Outlook kept (none in a mail it drafted), its plain text."""
    header = getattr(msg, "header", None)
    body = getattr(msg, "body", None)
    return Reply(
        info.sender or "",
        info.date or "",
        info.subject or "",
        answered(header) if isinstance(header, Message) else (),
        str(body)[:65536] if body else "",
    )


def _msg_parts(
    msg: Any, info: MailInfo, position: str, scan: MailScan, max_attachments: int, depth: int
) -> Iterator[Attachment]:
    empty = 0
    for index, att in enumerate(getattr(msg, "attachments", ()), start=1):
        data = getattr(att, "data", None)
        name = getattr(att, "longFilename", None) or getattr(att, "shortFilename", None)
        if data == b"" and not name:
            empty += 1
        elif isinstance(data, bytes):
            where = f"{position}/{index}"
            if _admitted(scan, where, max_attachments, "ingest_mail_msg_too_many"):
                yield Attachment(data, display_name(name), where, info)
        elif data is not None and hasattr(data, "attachments"):  # an embedded (forwarded) mail
            where = f"{position}/{index}"
            if depth + 1 > MAX_DEPTH:
                scan.problems.append(Said("ingest_mail_msg_nested", position=where))
                continue
            yield from _msg_parts(data, _msg_info(data), where, scan, max_attachments, depth + 1)
    if empty:
        scan.notes.append(said_count("ingest_mail_empty_parts", empty, position=position))


def _clean(value: object) -> str | None:
    """A mail's sender, date or subject for the report and the quarantine's record: on one
    line, its blanks folded, at most 300 characters (a longer one shortened, ending in „…“);
    ``None`` for none."""
    if value is None:
        return None
    return shorten(" ".join(str(value).split()), len, 300) or None
