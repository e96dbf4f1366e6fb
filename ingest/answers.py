"""Mails without a form that answer formgen's own mails („bei uns keine Änderungen“).

A reply is known by the Message-ID of the mail it answers (its ``In-Reply-To`` or
``References``: formgen logs the Message-ID of every mail it sends and of every draft it
writes), else by a form's reference (``FG-XXXXX-XXXXX``) in its subject or text (a reply
quoting the mail, whose mail program gave the draft a Message-ID of its own), else by its
sender's address when the send log knows that address of one institution only. What it
answered is the institution's latest mail of the round it belongs to: the forms that mail
carried, kept in ``forms/mail/<round>/``.

It is known in every mail container ingest reads: a single ``.eml``, an Outlook ``.msg``, and
each mail of an ``.mbox`` or a Maildir (:attr:`ingest.mailbox.MailScan.replies`). Such a reply
is told, never recorded by itself: the coordinator reads it and, if it says that nothing
changed, runs ``formgen ingest MAIL --no-changes``, which reads it in as the forms its mail
carried, sent back unchanged by the institution's own mail (:func:`ingest.pipeline._unattached`);
given a mailbox, every answer recognised in it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import getaddresses, parseaddr
from pathlib import Path
from typing import Any

from formgen.bounces import address_key
from formgen.identity import REFERENCE_RE, reference
from formgen.sendlog import SENDLOG, SendLog, deliveries_from

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class Mailed:
    """One mail formgen sent or drafted: to whom, when, with which forms."""

    institution_id: str
    name: str
    at: str
    """When it was sent or drafted (ISO 8601)."""
    files: tuple[str, ...] = ()
    """The forms it carried as kept in the workspace (absolute paths), one per form instance:
    its PDF where it went as PDF and DOCX."""
    references: tuple[str, ...] = ()
    """Their references, ``FG-XXXXX-XXXXX``."""


@dataclass(frozen=True)
class Reply:
    """What a mail without attachment says of itself."""

    sender: str = ""
    date: str = ""
    subject: str = ""
    answers: tuple[str, ...] = ()
    """The Message-IDs of ``In-Reply-To`` and ``References``, the one it answers first."""
    text: str = ""
    """Its plain text (the first 64 KiB), where a quoted mail names its form."""


@dataclass(frozen=True)
class Answers:
    """Where to look up formgen's mails for a reply (sent to the workers with the read
    context); the send log is read only when a mail without attachment is met
    (:func:`_table`), so a run of forms alone pays nothing for it."""

    root: str
    """The workspace's folder."""
    workspace: str = ""
    """The workspace as the command line named it (for the command a line gives)."""
    take: bool = False
    """``formgen ingest --no-changes``: a reply recognised is read in as its forms unchanged."""

    def find(self, reply: Reply) -> tuple[Mailed, str] | None:
        """The mail ``reply`` answers and how it was known (``message_id``, ``reference``,
        ``address``), or ``None``."""
        log = Path(self.root) / SENDLOG
        try:
            seen = log.stat()
        except OSError:
            return None  # nothing mailed yet
        by_mid, by_ref, by_address = _table(self.root, seen.st_mtime_ns, seen.st_size)
        for mid in reply.answers:
            if mid in by_mid:
                return by_mid[mid], "message_id"
        for ref in REFERENCE_RE.finditer(f"{reply.subject}\n{reply.text}"):
            if (found := by_ref.get(ref[0])) is not None:
                return found, "reference"
        address = parseaddr(reply.sender)[1]
        if address and (found := by_address.get(address_key(address))) is not None:
            return found, "address"
        return None


_Table = tuple[dict[str, Mailed], dict[str, Mailed], dict[str, Mailed]]


@functools.lru_cache(maxsize=2)
def _table(root: str, mtime_ns: int, size: int) -> _Table:
    """formgen's mails by Message-ID, by form reference and by an address the send log knows of
    one institution only (its latest mail), as the send log of ``root`` is (read again when
    its time or size changed)."""
    folder = Path(root)
    events = SendLog(folder).events()
    mails: dict[tuple[str, str], Mailed] = {}
    for d in deliveries_from(events):
        if not d.delivered:
            continue
        # one form per instance (a mail of --format both carries it as PDF and as DOCX)
        kept: dict[str, str] = {}
        for f in sorted(d.files, key=lambda f: not str(f.get("path", "")).endswith(".pdf")):
            kept.setdefault(str(f.get("instance_id", f["path"])), str(folder / f["path"]))
        refs = tuple(reference(i) for i in d.instance_ids)
        mails[(d.round, d.institution_id)] = Mailed(
            d.institution_id, d.name, d.delivered_at, tuple(kept.values()), refs
        )
    by_mid: dict[str, Mailed] = {}
    for ev in events:
        mid = str(ev.get("message_id", ""))
        key = (str(ev.get("round", "")), str(ev.get("institution_id", "")))
        if ev["event"] in ("sending", "sent", "drafted") and mid and key in mails:
            by_mid[mid] = mails[key]
    ordered = sorted(mails.values(), key=lambda m: m.at)
    by_ref = {ref: m for m in ordered for ref in m.references}
    logged: dict[str, set[str]] = {}  # as logged: each address normalised once
    for ev in events:
        if email := str(ev.get("email", "")):
            logged.setdefault(email, set()).add(str(ev.get("institution_id", "")))
    owners: dict[str, set[str]] = {}
    for email, ids in logged.items():
        owners.setdefault(address_key(email), set()).update(ids)
    latest = {m.institution_id: m for m in ordered}
    by_address = {
        a: latest[next(iter(ids))]
        for a, ids in owners.items()
        if len(ids) == 1 and next(iter(ids)) in latest
    }
    return by_mid, by_ref, by_address


def reply_of(msg: Any, sender: str | None, date: str | None, subject: str | None) -> Reply:
    """What the parsed mail ``msg`` (with its header as :func:`ingest.mailbox.mail_info` read
    it) says of the mail it answers."""
    text = ""
    body = msg.get_body(("plain",)) if hasattr(msg, "get_body") else None
    if body is not None:
        try:
            text = str(body.get_content())[:65536]
        except (LookupError, ValueError, AssertionError):
            text = ""
    return Reply(sender or "", date or "", subject or "", answered(msg), text)


def answered(header: Any) -> tuple[str, ...]:
    """The Message-IDs of the ``In-Reply-To`` and ``References`` of a mail's ``header`` (a parsed
    mail, or the transport headers an Outlook .msg kept), the one it answers first."""
    answers: list[str] = []
    for name in ("In-Reply-To", "References"):
        for value in _all(header, name):
            answers += _MESSAGE_ID.findall(value)
    return tuple(dict.fromkeys(answers))


def _all(msg: Any, name: str) -> Iterable[str]:
    try:
        return [str(v) for v in msg.get_all(name) or ()]
    except (ValueError, TypeError, IndexError, AttributeError):  # a malformed header
        return [str(v) for k, v in msg.raw_items() if k.lower() == name.lower()]


def sender_address(sender: str) -> str:
    """The address of a From header, for the note a command gives."""
    found = getaddresses([sender])
    return found[0][1] if found and found[0][1] else sender
