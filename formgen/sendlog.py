"""The send log: what was mailed to whom, when, and which form instance — append-only JSON lines.

``DIR/sendlog.jsonl`` holds one event per line, each appended and fsynced before the next step
(:func:`formgen.workspace.append_line`), so that what the log says was sent stays said after a
crash. A *delivery* is one institution in one round; its events are:

``prepared``  the forms were generated and stored (``forms/mail/<round>/``): instance ids,
              files with SHA-256, deadline, kind, language. A rerun reuses them.
``drafted``   an ``.eml`` draft was written (the coordinator sends it from the mail program),
              with its Message-ID (a line of an older formgen has none); a mail program
              that keeps it when it sends the draft has replies name it.
``sending``   the mail is being handed to the SMTP server (its Message-ID): a ``sent``,
              ``failed`` or ``not_sent`` follows. Where none does, the run ended before the
              server's answer was logged (killed, the machine turned off): the server may have
              taken the mail. The rerun sends it again and says so
              (:attr:`Delivery.maybe_sent_at`).
``not_sent``  the mail of a ``sending`` did not go, and no recipient is at fault: no mail can
              go with these settings (the server wants a login); the round stopped.
``sent``      the SMTP server accepted the mail (with its Message-ID and the server's reply).
``failed``    the server refused the recipient or the connection broke; ``permanent`` for 5xx;
              ``bounce`` when it came later as a delivery status notification, with its
              ``action`` (``failed``: final, also with a 4.x.x status when the server gave up
              retrying; ``delayed``: it still tries; a line of an older formgen has none);
              ``whole_mail`` when the server read the mail and refused it for itself (its
              size, its content), not its recipient.
``not_mailed`` the institution was in the round's list but got no mail: ``reason`` ``no_email``
              (no address), ``invalid_email`` or ``dead_email`` (the register's or the list's
              address, a mail to which bounced or was refused for good) (``email``: the address
              as given, ``detail``: why it cannot be mailed, in English, and ``detail_said``:
              its words, :func:`formgen.messages.said_json`, to say it in the workspace's
              language; a line of an older formgen has ``detail`` only). Logged once per round and
              institution by a real run; a later mail to it supersedes it.
``not_made``  its form could not be made (``error``: why, e.g. its record holds a value the
              generator refuses, in English, and ``error_said``: its words, as ``detail_said``
              of ``not_mailed``; a line of an older formgen has ``error`` only), so nothing
              was mailed. Any later event of the delivery (its
              forms prepared, a mail drafted or sent, ``not_mailed``) supersedes it.
``elsewhere`` a run of the round found its mail went to another domain than the address the list
              or the register gives (``address``, as it goes on the wire), as formgen wrote a
              domain with ß before IDNA 2008 (:attr:`Delivery.meant`); logged once per address,
              for ``formgen status``, which reads no recipients list.

A ``drafted`` event names the draft by its absolute path and the workspace whose round it is
(``workspace``, its folder's absolute path); a line of an older formgen has the path as given to
``formgen mail --drafts``, relative to the folder it ran in, and no ``workspace``.

A test's mails (``formgen mail --test-to``) are logged nowhere; only the drafts it wrote are
remembered, in :data:`TEST_DRAFTS`, for ``register erase`` to name (it cannot know what they
hold, and does not delete them).

``formgen register erase`` replaces an erased name or address in the log by its marker
(:data:`formgen.record.ERASED`); a delivery reads it as none (:attr:`Delivery.email_erased`),
and a marker in a server's reply or a reason's English as ``(erased)``; in a reason's words
(``detail_said``, ``error_said``) an arg that is a marker is the words ``erased``, said in the
workspace's language („(gelöscht)“). The log itself keeps the markers.

A formgen older than ``not_mailed`` (or ``not_made``, ``sending``, ``not_sent``, ``elsewhere``) skips those lines as damaged (``formgen
status`` notes their line numbers) and reads the rest of the log as before.

The log never holds a password or a mail body, only addresses, ids and server replies.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from formgen.record import ERASED_MARK
from formgen.replies import SENDER_REFUSED, blames_recipient
from formgen.workspace import append_line

SENDLOG = "sendlog.jsonl"
TEST_DRAFTS = "testdrafts.jsonl"
"""The drafts of tests (``formgen mail --test-to --drafts``): one line each, ``at``,
``institution_id`` and ``path`` (absolute); no value of the institution."""
EVENTS = (
    "prepared",
    "drafted",
    "sending",
    "sent",
    "failed",
    "not_sent",
    "not_mailed",
    "not_made",
    "elsewhere",
)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


@dataclass
class Delivery:
    """One institution in one round, as the log tells it."""

    round: str
    institution_id: str
    kind: str = "invitation"
    name: str = ""
    email: str = ""
    categories: tuple[str, ...] = ()
    instance_ids: tuple[str, ...] = ()
    files: tuple[dict[str, str], ...] = ()
    deadline: str = ""
    lang: str = "de"
    prepared_at: str = ""
    drafted_at: str = ""
    draft_path: str = ""
    sent_at: str = ""
    message_id: str = ""
    maybe_sent_at: str = ""
    """When a run began to send its mail and ended before the server's answer was logged (a
    ``sending`` with no ``sent``, ``failed`` or ``not_sent`` after it): the server may have
    taken it."""
    failures: list[dict[str, Any]] = field(default_factory=list)
    not_mailed_at: str = ""
    not_mailed_reason: str = ""
    """``no_email``, ``invalid_email`` or ``dead_email`` (:attr:`email` holds the address as
    given)."""
    not_mailed_detail: str = ""
    """Why, in English as stored (:func:`formgen.mailrun.not_mailed_said`: in any language)."""
    not_mailed_words: Any = None
    """Why, as its words were stored (``detail_said``; None in an older formgen's line)."""
    not_made_at: str = ""
    """When its form could not be made; ``""`` once a later event of the delivery superseded
    that (:func:`deliveries_from`)."""
    not_made_error: str = ""
    """Why, in English as stored (:func:`formgen.mailrun.not_made_said`: in any language)."""
    not_made_words: Any = None
    """Why, as its words were stored (``error_said``; None in an older formgen's line)."""
    name_erased: bool = False
    """``formgen register erase`` erased the institution's name: the log holds its marker
    (:data:`formgen.record.ERASED`) there, and :attr:`name` is ``""``."""
    email_erased: bool = False
    """``formgen register erase`` erased the address: the log holds its marker there, and
    :attr:`email` is ``""``: no address, never one to mail."""
    meant: str = ""
    """The address a run of the round found its mail meant for, the list's or the register's
    (an ``elsewhere`` line), where the mail went to another domain, as formgen wrote it before
    IDNA 2008 (:func:`~formgen.recipients.mailed_elsewhere`); ``""``: none found."""

    @property
    def not_mailed(self) -> bool:
        """Left out of the round for want of a usable address, and not mailed or tried since."""
        tried = [self.prepared_at, *(str(f.get("at", "")) for f in self.failures)]
        return (
            bool(self.not_mailed_at)
            and not self.delivered
            and not self.not_made
            and self.not_mailed_at >= max(tried)
        )

    @property
    def not_made(self) -> bool:
        """Its form could not be made when its round last tried it, so nothing was mailed."""
        return bool(self.not_made_at) and not self.delivered

    @property
    def delivered(self) -> bool:
        """Sent through SMTP, or written as a draft for the coordinator to send."""
        return bool(self.sent_at or self.drafted_at)

    @property
    def delivered_at(self) -> str:
        return self.sent_at or self.drafted_at

    @property
    def bounced(self) -> bool:
        """A bounce (delivery status notification) came back after the last delivery."""
        return bool(self._bounces_since(permanent=True))

    @property
    def gave_up(self) -> bool:
        """A final bounce with a 4.x.x status came back after the last delivery (``action``
        ``failed``): the receiving server gave up retrying (Postfix's bounce of a mail that
        stayed deferred 5 days, Exchange's 4.4.7 message expired). The mail did not arrive, but
        the address is not refused for good: a rerun sends it again."""
        return any(f.get("action") == "failed" for f in self._bounces_since(permanent=False))

    @property
    def came_back(self) -> bool:
        """The mail did not arrive, a bounce says: for good (:attr:`bounced`), or the server
        gave up retrying (:attr:`gave_up`)."""
        return self.bounced or self.gave_up

    @property
    def delay(self) -> dict[str, Any] | None:
        """The latest delay notice of its mail (a bounce that is not final, ``action``
        ``delayed``, 4.x.x: the receiving server still tries to deliver it, Exchange's
        „Zustellung verzögert“; a line of an older formgen has no ``action``), unless a final
        bounce came since; None: none came."""
        if self.came_back:
            return None
        notices = [f for f in self._bounces_since(permanent=False) if f.get("action") != "failed"]
        return notices[-1] if notices else None

    def _bounces_since(self, permanent: bool) -> list[dict[str, Any]]:
        """The bounces logged after the last delivery, permanent or not."""
        at = self.delivered_at
        return [
            f
            for f in self.failures
            if at
            and f.get("bounce")
            and bool(f.get("permanent")) == permanent
            and str(f.get("at", "")) >= at
        ]

    @property
    def refused_for_good(self) -> bool:
        """Its latest failure was permanent (a 5xx such as 550 user unknown, or a bounce): only
        a corrected address gets a mail through, where a temporary one (451, a broken
        connection) needs just another run."""
        return bool(self.failures) and bool(self.failures[-1].get("permanent"))

    @property
    def refused_whole_mail(self) -> bool:
        """Its latest failure: the server read the mail and refused it for itself (its size,
        its content), not its recipient (``whole_mail``)."""
        return bool(self.failures) and bool(self.failures[-1].get("whole_mail"))

    @property
    def last_error(self) -> str:
        return str(self.failures[-1].get("error", "")) if self.failures else ""

    @property
    def last_failed_at(self) -> str:
        """When it last failed (the server refused it, or a bounce came back), ISO 8601."""
        return str(self.failures[-1].get("at", "")) if self.failures else ""

    @property
    def failed_how(self) -> str:
        """How it showed its address does not work, for a message: ``bounced`` or ``was
        refused by the server``."""
        return "bounced" if self.bounced else "was refused by the server"


class SendLog:
    """Read and append the workspace's send log."""

    def __init__(self, root: Path) -> None:
        self.path = root / SENDLOG
        self.damaged_lines: list[int] = []
        self.workspace = str(root.resolve())
        """The workspace's folder as a ``drafted`` event names it."""

    def append(self, event: str, **fields: Any) -> None:
        if event not in EVENTS:
            raise ValueError(f"unknown send log event {event!r}")
        data = {"event": event, "at": now_iso(), **fields}
        append_line(self.path, json.dumps(data, ensure_ascii=False, sort_keys=False))

    def test_drafted(self, institution_id: str, path: str) -> None:
        """Remember a test's draft (:data:`TEST_DRAFTS`)."""
        data = {"at": now_iso(), "institution_id": institution_id, "path": path}
        append_line(self.path.with_name(TEST_DRAFTS), json.dumps(data, ensure_ascii=False))

    def events(self) -> list[dict[str, Any]]:
        """Every event in order; a damaged line (a crash mid-write) is skipped and remembered,
        an event of a kind a newer formgen logs is skipped (its keys this one does not know are
        never read)."""
        self.damaged_lines = []
        if not self.path.exists():
            return []
        out = []
        with open(self.path, encoding="utf-8", errors="replace") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except ValueError:
                    self.damaged_lines.append(number)
                    continue
                if not isinstance(data, dict) or not isinstance(data.get("event"), str):
                    self.damaged_lines.append(number)
                elif data["event"] in EVENTS:  # another is a newer formgen's: not read here
                    out.append(data)
        return out

    def deliveries(self) -> list[Delivery]:
        """Every delivery, in the order they were first prepared."""
        return deliveries_from(self.events())


def deliveries_from(events: Iterable[dict[str, Any]]) -> list[Delivery]:
    by_key: dict[tuple[str, str], Delivery] = {}
    for ev in events:
        key = (str(ev.get("round", "")), str(ev.get("institution_id", "")))
        d = by_key.get(key)
        if d is None:
            d = by_key[key] = Delivery(*key)
        kind = ev["event"]
        if kind == "sending":  # the server's answer follows: sent, failed or not_sent
            d.maybe_sent_at = str(ev.get("at", ""))
            continue
        if kind == "elsewhere":
            d.meant = str(ev.get("address", ""))
            continue
        if kind in ("sent", "failed", "not_sent"):
            d.maybe_sent_at = ""
        if kind == "not_sent":
            continue
        if kind != "not_made":  # tried again since: what happened then counts
            d.not_made_at = d.not_made_error = ""
            d.not_made_words = None
        if kind == "prepared":
            # a delivery prepared again (e.g. forms lost) takes the new forms and starts afresh
            d.kind = str(ev.get("kind", d.kind))
            d.name = str(ev.get("name", ""))
            d.email = str(ev.get("email", ""))
            d.categories = tuple(ev.get("categories", ()))
            d.instance_ids = tuple(ev.get("instance_ids", ()))
            d.files = tuple(ev.get("files", ()))
            d.deadline = str(ev.get("deadline", ""))
            d.lang = str(ev.get("lang", "de"))
            d.prepared_at = str(ev.get("at", ""))
            d.meant = ""
        elif kind == "drafted":
            d.drafted_at = str(ev.get("at", ""))
            d.draft_path = str(ev.get("path", ""))
        elif kind == "sent":
            d.sent_at = str(ev.get("at", ""))
            d.message_id = str(ev.get("message_id", ""))
            d.email = str(ev.get("email", d.email))
        elif kind == "failed":
            if ev.get("bounce") and not ev.get("permanent") and d.bounced:
                continue  # a delay (4.x.x) read after the mail bounced for good changes nothing
            d.failures.append(_as_now(ev))
        elif kind == "not_mailed":
            d.kind = str(ev.get("kind", d.kind))
            d.name = str(ev.get("name", d.name))
            d.email = str(ev.get("email", ""))
            d.not_mailed_at = str(ev.get("at", ""))
            d.not_mailed_reason = str(ev.get("reason", ""))
            d.not_mailed_detail = str(ev.get("detail", ""))
            d.not_mailed_words = ev.get("detail_said")
        elif kind == "not_made":
            d.kind = str(ev.get("kind", d.kind))
            d.name = str(ev.get("name", d.name))
            # an address a mail of the delivery went to stays (a 550 keeps it refused)
            d.email = d.email or str(ev.get("email", ""))
            d.not_made_at = str(ev.get("at", ""))
            d.not_made_error = str(ev.get("error", ""))
            d.not_made_words = ev.get("error_said")
    for d in by_key.values():  # an erased name or address is none, and no text shows its marker
        if ERASED_MARK.fullmatch(d.name):
            d.name, d.name_erased = "", True
        if ERASED_MARK.fullmatch(d.email):
            d.email, d.email_erased = "", True
        d.not_mailed_detail = ERASED_MARK.sub("(erased)", d.not_mailed_detail)
        d.not_mailed_words = _erased_in(d.not_mailed_words)
        d.not_made_error = ERASED_MARK.sub("(erased)", d.not_made_error)
        d.not_made_words = _erased_in(d.not_made_words)
        for f in d.failures:
            f["error"] = ERASED_MARK.sub("(erased)", str(f.get("error", "")))
    return list(by_key.values())


def _as_now(failed: dict[str, Any]) -> dict[str, Any]:
    """A ``failed`` event as formgen judges it now: an older formgen logged the server's
    permanent no to the sender or the message (``sender refused: 554 5.2.0 … quota`` at MAIL
    FROM, ``552`` at DATA) as the recipient's; such a one is not permanent (the address is not
    at fault, a rerun sends the mail). A 550 at DATA reads as one at RCPT TO: the log does not
    tell them apart."""
    code = failed.get("code")
    if failed.get("bounce") or not failed.get("permanent") or not isinstance(code, int):
        return failed
    error = str(failed.get("error", ""))
    text = error.removeprefix(SENDER_REFUSED).removeprefix(f"{code} ")
    if not error.startswith(SENDER_REFUSED) and blames_recipient(code, text):
        return failed
    return {**failed, "permanent": False}


def _erased_in(words: Any) -> Any:
    """Stored words (``detail_said``, ``error_said``) with an arg that is an erased marker as
    the words ``erased`` (said in the language the whole is said in), a marker within a text
    as ``(erased)``."""
    if isinstance(words, str):
        if ERASED_MARK.fullmatch(words):
            return {"said": "erased", "args": {}}
        return ERASED_MARK.sub("(erased)", words)
    if isinstance(words, dict):
        return {k: _erased_in(v) for k, v in words.items()}
    if isinstance(words, list):
        return [_erased_in(v) for v in words]
    return words
