"""Mails without a form that answer formgen's own mails („bei uns keine Änderungen“).

A reply is known by the Message-ID of the mail it answers (its ``In-Reply-To`` or
``References``: formgen logs the Message-ID of every mail it sends and of every draft it
writes), else by a form's reference (``FG-XXXXX-XXXXX``) in its subject or text (a reply
quoting the mail, whose mail program gave the draft a Message-ID of its own), else by its
sender's address when the send log knows that address of one institution only. What it
answered is the institution's latest mail of the round it belongs to: the forms that mail
carried, kept in ``forms/mail/<round>/``. A reply sent from an address the send log knows of
other institutions only, not of the one whose mail it answers (a forward, a mix-up, a forged
Message-ID, another's form reference quoted), is credited to neither (:attr:`Found.others`);
one from an address it does not know (a colleague's) counts for what it answers. A reply whose
text cannot be read (:attr:`Reply.unreadable`) is told, never read in.

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
    unreadable: str = ""
    """Why its text cannot be read, where it cannot: the charset it names that no one knows
    (``x-unknown``), or ``"?"``. Such a reply is told, never read in: nobody read what it says."""


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

    def find(self, reply: Reply) -> Found | None:
        """The mail ``reply`` answers, how it was known and whose address sent it, or
        ``None``."""
        log = Path(self.root) / SENDLOG
        try:
            seen = log.stat()
        except OSError:
            return None  # nothing mailed yet
        table = _table(self.root, seen.st_mtime_ns, seen.st_size)
        address = parseaddr(reply.sender)[1]
        senders = table.owners.get(address_key(address), ()) if address else ()
        found = next((table.by_mid[m] for m in reply.answers if m in table.by_mid), None)
        how = "message_id"
        if found is None:
            how = "reference"
            refs = REFERENCE_RE.finditer(f"{reply.subject}\n{reply.text}")
            found = next((table.by_ref[r[0]] for r in refs if r[0] in table.by_ref), None)
        if found is None and len(senders) == 1 and senders[0][0] in table.latest:
            return Found(table.latest[senders[0][0]], "address")
        if found is None:
            return None
        if senders and found.institution_id not in {iid for iid, _ in senders}:
            return Found(found, how, senders)
        return Found(found, how)


@dataclass(frozen=True)
class Found:
    """The mail of formgen a reply answers (:meth:`Answers.find`)."""

    mailed: Mailed
    how: str
    """How it was known: ``message_id``, ``reference`` or ``address``."""
    others: tuple[tuple[str, str], ...] = ()
    """The institutions (id, name) whose address the send log knows the reply's sender as,
    when the institution mailed is not among them: another institution's answer carries this
    one's Message-ID or form reference (a forward, a mix-up, a forgery). Such a reply is
    credited to neither."""


@dataclass(frozen=True)
class _Table:
    by_mid: dict[str, Mailed]
    by_ref: dict[str, Mailed]
    latest: dict[str, Mailed]
    """Each institution's latest mail."""
    owners: dict[str, tuple[tuple[str, str], ...]]
    """The institutions (id, name) of each address the send log knows, by
    :func:`~formgen.bounces.address_key`."""


@functools.lru_cache(maxsize=2)
def _table(root: str, mtime_ns: int, size: int) -> _Table:
    """formgen's mails by Message-ID, by form reference and by institution (its latest), and the
    institutions of each address the send log knows, as the send log of ``root`` is (read
    again when its time or size changed)."""
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
    names: dict[str, str] = {}
    for ev in events:
        iid = str(ev.get("institution_id", ""))
        if email := str(ev.get("email", "")):
            logged.setdefault(email, set()).add(iid)
        if name := str(ev.get("name", "")):
            names[iid] = name
    owners: dict[str, set[str]] = {}
    for email, ids in logged.items():
        owners.setdefault(address_key(email), set()).update(ids)
    return _Table(
        by_mid,
        by_ref,
        {m.institution_id: m for m in ordered},
        {a: tuple((i, names.get(i, i)) for i in sorted(ids)) for a, ids in owners.items()},
    )


def reply_of(msg: Any, sender: str | None, date: str | None, subject: str | None) -> Reply:
    """What the parsed mail ``msg`` (with its header as :func:`ingest.mailbox.mail_info` read
    it) says of the mail it answers."""
    text = unreadable = ""
    body = msg.get_body(("plain",)) if hasattr(msg, "get_body") else None
    if body is not None:
        try:
            text = str(body.get_content())[:65536]
        except LookupError:  # a charset Python does not know
            unreadable = str(body.get_content_charset() or "?")
        except (ValueError, AssertionError):
            unreadable = "?"
    return Reply(sender or "", date or "", subject or "", answered(msg), text, unreadable)


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
