"""Who answered: the state of every institution that was mailed, from the send log and the register.

Returns are matched to sends by the form instance id: the register keeps, in each value's
provenance, the identity of the form it came from. Mails are grouped into *cycles*: an
invitation or an update mail starts one, reminders continue it. An institution has returned when
any form of its latest cycle came back; it is overdue when none did and the latest deadline has
passed. Its earlier cycles stay answered: an institution that returned the invitation and was
then asked for an update waits for the update, and the invitation's round still counts its
answer (:func:`round_status`, the per-round view of ``formgen status``).

The register is seen through :class:`RegisterView` (the ``ingest`` package provides one), so that
this module needs no register; without it, returns are unknown and the status says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from formgen.bounces import address_key
from formgen.messages import Said
from formgen.recipients import check_email, mailed_elsewhere
from formgen.record import InstitutionRecord
from formgen.sendlog import Delivery

STATES = ("returned", "overdue", "outstanding", "failed", "prepared")
DELAY_WAIT = dt.timedelta(days=5)
"""How long after a mail was sent a receiving server that reported it delayed may go on trying
before it gives up and sends the final bounce: RFC 5321 4.5.4.1 wants a give-up time of at
least 4–5 days; Postfix's maximal_queue_lifetime is 5 days, Exim's default retry rule 4 days,
Exchange's 2 days, Microsoft 365's 1 day. Until then its mail is on its way, not to be sent
again; after it, with no bounce, the mail most likely arrived (servers report no success)."""


FieldProblems = dict[str, dict[str, str]]
"""Field id → language (``de``, ``en``) → why its value is invalid, as the register says it."""

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class Removed:
    """An institution's address a coordinator removed from the register by hand (``formgen
    register set ID institution.email --clear``) or erased (``formgen register erase``), the
    register holding none since: a round of the register does not mail it where a mail went
    before that (:func:`fallback_email`)."""

    email: str
    """``""`` when erased since."""
    at: str
    """When, ISO 8601."""
    note: str
    erased: bool = False
    """Erased (``formgen register erase``), not removed by hand."""

    def said(self) -> Said:
        """When and why, to be said in the language of the output."""
        day = _moment(self.at).astimezone().date().isoformat()
        if self.erased:
            return Said("mail_erased_on", day=day, note=self.note)
        if not self.email:
            return Said("mail_removed_by_hand_none", day=day, note=self.note)
        return Said("mail_removed_by_hand", email=self.email, day=day, note=self.note)

    def __str__(self) -> str:
        return str(self.said())


@dataclass(frozen=True)
class Vouched:
    """An institution's address a coordinator set by hand (``formgen register set ID
    institution.email ADDRESS``, anew or again): a mail to it that bounced or was refused for
    good before then no longer counts (:meth:`InstitutionStatus.dead`). An address that only
    came back unchanged on a returned form vouches for nothing."""

    email: str
    at: str
    """When, ISO 8601."""


UNUSABLE = {"no_email": "none", "invalid_email": "invalid", "dead_email": "refused"}
"""Why an institution was not mailed for want of a usable address
(:attr:`Delivery.not_mailed_reason`), as the counts of ``formgen mail`` and ``formgen status``
say it: ``refused`` is an address the server refused for good or whose mail bounced."""


def unusable_counts(reasons: Sequence[str], words: Mapping[str, str] = UNUSABLE) -> str:
    """``1 none, 1 refused``: how many of ``reasons`` (:data:`UNUSABLE`) there are of each,
    each said by its word in ``words`` (``formgen status`` in the workspace's language)."""
    return ", ".join(f"{n} {words[key]}" for key in UNUSABLE if (n := reasons.count(key)))


@dataclass(frozen=True)
class Note:
    """Something ``formgen status`` says below its counts (e.g. the register is empty): its
    ``key`` and ``args`` say it in the workspace's language (``status_note_KEY`` of
    :data:`formgen.messages.WORDS`), ``text`` in English (``--json``)."""

    key: str
    text: str
    args: Mapping[str, str] = field(default_factory=dict)


class RegisterView(Protocol):
    """What mailing needs from the register; every query may be unavailable (``None``)."""

    notes: list[Note]
    """Why something is unavailable, for the status output."""
    today: dt.date
    """The day the update list (:meth:`stale`) is judged as of: today, or a later day, e.g. a
    round's deadline (``--stale-by``), for what will be out of date by then."""

    def institution_ids(self) -> Sequence[str]:
        """The register's institutions, the retired ones left out."""
        ...

    def retired(self) -> Mapping[str, str]:
        """The institutions taken out of the register (``formgen register retire``: closed,
        merged into another, no longer relevant), each with when and why in words: ``retired on
        2026-11-23 (geschlossen)``, to be said in the workspace's language
        (:func:`~formgen.messages.in_language`) (empty: none, or unknown). No round mails them,
        no count of ``formgen status`` has them."""
        ...

    def merged(self) -> Mapping[str, str]:
        """The institutions merged into another (``formgen register merge``), each with the one
        its forms and returns go to now (empty: none, or unknown)."""
        ...

    def listed(self) -> Mapping[str, str]:
        """The ids the centre's own lists gave institutions (``register import``: a ``Kennung``
        that is no id of the register), each with the institution's id (empty: none, or
        unknown)."""
        ...

    def record(self, institution_id: str) -> InstitutionRecord | None:
        """The institution's prefill record (with ``base_version``), or None when unknown."""
        ...

    def returned_instances(self) -> set[str] | None:
        """Instance ids of every form whose values are in the register (None: unknown)."""
        ...

    def stale(self) -> dict[str, tuple[str, ...]] | None:
        """The update list: institution → its categories with an entry out of date, incomplete,
        invalid or never confirmed by the institution (None: unknown)."""
        ...

    def missing(self) -> dict[str, dict[str, tuple[str, ...]]] | None:
        """Institution → category → the ids of its required fields with no value, for the
        institutions whose entries lack some (None: unknown)."""
        ...

    def invalid(self) -> dict[str, dict[str, FieldProblems]] | None:
        """Institution → category → its fields holding an invalid value (kept as typed), with
        why, for the institutions whose entries hold some (None: unknown)."""
        ...

    def conflict_count(self) -> int | None:
        """Values waiting for review because both sides changed them (None: unknown)."""
        ...

    def emails_removed(self) -> Mapping[str, Removed]:
        """The institutions whose address a coordinator removed by hand or erased and that
        have none in the register since (empty: none, or unknown)."""
        ...

    def emails_vouched(self) -> Mapping[str, Vouched]:
        """The institutions whose latest change of address by hand set one (not removed it),
        with that address and when (empty: none, or unknown)."""
        ...

    def own_returns(self) -> Mapping[str, Sequence[tuple[str, str]]]:
        """Institution → the forms made for it (``formgen generate pdf --institution``, or a
        round's) whose return is in the register: each its instance id and when it was made,
        ISO 8601, and its confirmations by hand (``formgen register confirm``), each with the
        instance id ``""`` and when it was recorded (empty: none, or unknown). See
        :func:`own_forms`."""
        ...


@dataclass
class InstitutionStatus:
    """Where one institution stands in the mailing."""

    institution_id: str
    name: str
    email: str
    state: str
    """``returned``, ``overdue``, ``outstanding`` (sent or drafted, deadline not passed),
    ``failed`` (not delivered: the server refused it, the connection broke, or it bounced;
    or a mail tried after the latest delivered one failed so, until a rerun of its round
    delivers it), ``prepared``,
    ``not_mailed`` (left out of its rounds for want of a usable address, and never mailed:
    :attr:`Delivery.not_mailed`; or never reached, its latest mail refused for good, 550 user
    unknown, as a rerun of its round leaves it out: :attr:`not_mailed_reason`; not one of
    :data:`STATES`) or ``not_made`` (never mailed, its
    latest form could not be made: :attr:`Delivery.not_made`; not one of :data:`STATES`)."""
    latest: Delivery
    """The latest delivered mail, or a mail tried after it that failed (refused for good: like
    a bounce, it ends the wait for an answer; or not yet delivered, 451 or a broken connection:
    a rerun of its round sends it); the latest attempt when none was delivered."""
    cycle: list[Delivery] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)
    """The rounds whose form came back (a reminder's return answers the round it reminds of)."""
    delivered: Delivery | None = None
    """The latest delivered mail (None: none was)."""
    refused: list[Delivery] = field(default_factory=list)
    """The mails tried after :attr:`delivered` (every one, when none was delivered) that the
    server refused for good (550 user unknown …) and that never went out, oldest first."""
    not_made: list[Delivery] = field(default_factory=list)
    """Its deliveries whose form could not be made (:attr:`Delivery.not_made`) since
    :attr:`delivered` (every one, when none was delivered), oldest first: a rerun of their
    round mails them once the cause is gone."""

    @property
    def not_mailed_reason(self) -> str:
        """Why it is ``not_mailed``: :attr:`Delivery.not_mailed_reason` (a key of
        :data:`UNUSABLE`), or ``dead_email`` where the server refused its latest mail for good;
        ``""`` in another state."""
        if self.state != "not_mailed":
            return ""
        return self.latest.not_mailed_reason if self.latest.not_mailed else "dead_email"

    @property
    def answered_before(self) -> bool:
        """Not back from its latest mail, but it answered an earlier round."""
        return self.state != "returned" and bool(self.answered)

    @property
    def deadline(self) -> str:
        return self.latest.deadline

    @property
    def thread_start(self) -> str:
        """The Message-ID of the first mail of its latest cycle that went out through SMTP (the
        invitation or update mail a reminder answers); ``""`` when none did: a draft is sent
        from the mail program, which gives it a Message-ID of its own."""
        first = (d.message_id for d in reversed(self.cycle) if _MESSAGE_ID.fullmatch(d.message_id))
        return next(first, "")

    @property
    def categories(self) -> tuple[str, ...]:
        return self.latest.categories

    @property
    def dead_address(self) -> Delivery | None:
        """The mail that showed the address of :attr:`delivered` no longer works (:meth:`dead`);
        None while the address works (and when none was delivered)."""
        return self.dead(self.delivered.email) if self.delivered is not None else None

    def dead(self, email: str, vouched: Vouched | None = None) -> Delivery | None:
        """The latest mail that showed ``email`` no longer works: :attr:`delivered` when it went
        there and bounced, or a mail there the server refused for good since; None while no
        mail shows that, or a coordinator set that address by hand after it failed
        (``vouched``). No round mails an address shown dead (unless forced): the rule of every
        round and of ``formgen status``."""
        key = address_key(email)
        d = self.delivered
        bounced = [d] if d is not None and d.bounced and address_key(d.email) == key else []
        shown = [*bounced, *(r for r in self.refused if address_key(r.email) == key)]
        # the bounce first: the log's times are to the second, and max keeps the first of equals
        latest = max(shown, key=lambda r: _moment(r.last_failed_at), default=None)
        if (
            latest is not None
            and vouched is not None
            and address_key(vouched.email) == key
            and _moment(latest.last_failed_at) < _moment(vouched.at)
        ):
            return None
        return latest

    @property
    def working_email(self) -> str:
        """The address that worked: the one its latest delivered mail went to, unless it no
        longer works (:attr:`dead_address`; ``""`` then, and when none was delivered). A round
        of the register mails it there when the register has no usable address (a returned
        form's e-mail field left blank, or holding an invalid address)."""
        d = self.delivered
        return d.email if d is not None and self.dead_address is None else ""


def fallback_email(
    status: InstitutionStatus | None, removed: Removed | None, known: Iterable[str] = ()
) -> str:
    """Where a round of the register mails an institution it holds no usable address for: the
    address that worked (:attr:`InstitutionStatus.working_email`), unless a coordinator removed
    the register's address by hand after that mail went out (``removed``), or it went to
    another domain than an address ``known`` for the institution, as formgen wrote that one
    before IDNA 2008 (:func:`fallback_elsewhere`); ``""``: nowhere."""
    if status is None or status.delivered is None:
        return ""
    if removed is not None and _moment(status.delivered.delivered_at) < _moment(removed.at):
        return ""
    return "" if fallback_elsewhere(status, known) else status.working_email


def fallback_elsewhere(status: InstitutionStatus, known: Iterable[str]) -> str:
    """The address the mail that worked (:attr:`InstitutionStatus.working_email`) was meant for
    where it went to another domain, as formgen wrote that address before IDNA 2008
    (``info@strassenfussball-neuss.de`` for ``info@straßenfußball-neuß.de``): one of ``known``
    (the register's, as :func:`went_elsewhere` checks it, an invalid one here), or the one a
    run of its round found in its recipients list (:attr:`~formgen.sendlog.Delivery.meant`);
    ``""``: none."""
    d = status.delivered
    return elsewhere_of(status.working_email, (*known, d.meant if d is not None else ""))


def _cycles(mails: Sequence[Delivery]) -> list[list[Delivery]]:
    """Mails (in the order they went out, or were refused) grouped into cycles: an invitation
    or an update mail with the reminders that followed it."""
    cycles: list[list[Delivery]] = []
    for d in mails:
        if d.kind == "reminder" and cycles:
            cycles[-1].append(d)
        else:
            cycles.append([d])
    return cycles


OwnReturns = Mapping[str, Sequence[str]]
"""Institution → when each form made for it outside every round that came back was made
(:func:`own_forms`)."""


def own_forms(view: RegisterView | None, deliveries: Sequence[Delivery]) -> dict[str, list[str]]:
    """When each institution's own forms made outside the rounds (``formgen generate pdf
    --institution ID``: no mail of the send log carried them) that came back were made, and
    when a coordinator confirmed its entries by hand, as the register holds them; a round's
    forms are matched by instance id instead."""
    if view is None:
        return {}
    mailed = {i for d in deliveries for i in d.instance_ids}
    return {
        iid: times
        for iid, returns in view.own_returns().items()
        if (times := [at for instance, at in returns if instance not in mailed])
    }


def _answered(
    cycles: Sequence[Sequence[Delivery]], returned: set[str] | None, own: Sequence[str] = ()
) -> list[bool]:
    """Whether each cycle came back: a form it carried, or a form made for the institution
    outside the rounds after the cycle's first mail and before the next cycle's, and returned
    (the institution answered the round on a form made for it by hand: the coordinator sent it
    or it asked for one), or confirmed by hand then (``register confirm``: its answer on the
    telephone or by mail). A form made before the round crossed it and answers none."""
    starts = [_moment(_first_mailed(c[0])) for c in cycles]
    ends = [*starts[1:], dt.datetime.max.replace(tzinfo=dt.UTC)][: len(starts)]
    came = [_moment(at) for at in own]
    return [
        (returned is not None and any(i in returned for d in c for i in d.instance_ids))
        or any(start <= at < end for at in came)
        for c, start, end in zip(cycles, starts, ends, strict=True)
    ]


def _past(deadline: str, today: dt.date) -> bool:
    try:
        return bool(deadline) and dt.date.fromisoformat(deadline) < today
    except ValueError:
        return False  # a damaged date in the log: not known to be past


def _by_institution(deliveries: Iterable[Delivery]) -> dict[str, list[Delivery]]:
    by_inst: dict[str, list[Delivery]] = {}
    for d in deliveries:
        by_inst.setdefault(d.institution_id, []).append(d)
    return by_inst


def institution_status(
    deliveries: Iterable[Delivery],
    returned: set[str] | None,
    today: dt.date,
    own: OwnReturns | None = None,
) -> dict[str, InstitutionStatus]:
    """The state of every institution in the send log; ``own``: when its own forms made
    outside the rounds came back (:func:`own_forms`)."""
    out: dict[str, InstitutionStatus] = {}
    for iid, ds in _by_institution(deliveries).items():
        delivered = sorted((d for d in ds if d.delivered), key=lambda d: d.delivered_at)
        # a mail that failed since the latest delivery (or ever, when none was) is the latest:
        # refused for good, it counts as a mail that bounced; else until a rerun delivers it
        since = _moment(delivered[-1].delivered_at if delivered else "")
        tried = sorted(
            (
                d
                for d in ds
                if not d.delivered
                and d.failures
                and not d.not_mailed
                and _moment(d.last_failed_at) >= since
            ),
            key=lambda d: _moment(d.last_failed_at),
        )
        refused = [d for d in tried if d.refused_for_good]
        # a form not made since: tried again, nothing went out (a 550 before still counts above)
        not_made = sorted(
            (d for d in ds if d.not_made and _moment(d.not_made_at) >= since),
            key=lambda d: _moment(d.not_made_at),
        )
        if not delivered:
            latest = max(ds, key=lambda d: max(d.prepared_at, d.not_mailed_at, d.not_made_at))
            # never reached, its address refused for good: not mailed, as the rerun counts it
            state = (
                "not_mailed"
                if latest.not_mailed
                else "not_made"
                if latest.not_made
                else "not_mailed"
                if latest.refused_for_good
                else "failed"
                if latest.failures
                else "prepared"
            )
            out[iid] = InstitutionStatus(
                iid,
                latest.name,
                latest.email,
                state,
                latest,
                [latest],
                refused=refused,
                not_made=not_made,
            )
            continue
        mails = [*delivered, *(d for d in tried if not d.not_made)]
        cycles = _cycles(mails)
        cycle = cycles[-1]
        latest = mails[-1]
        answers = _answered(cycles, returned, (own or {}).get(iid, ()))
        answered = [c[0].round for c, a in zip(cycles, answers, strict=True) if a]
        if answers[-1]:
            state = "returned"
        elif latest.came_back or not latest.delivered:
            state = "failed"
        elif _past(latest.deadline, today):
            state = "overdue"
        else:
            state = "outstanding"
        out[iid] = InstitutionStatus(
            iid,
            latest.name,
            latest.email,
            state,
            latest,
            cycle[::-1],
            answered,
            delivered[-1],
            refused,
            not_made,
        )
    return out


ROUND_COLUMNS = (
    "mailed",
    "answered",
    "waiting",
    "overdue",
    "failed",
    "asked_again",
    "not_mailed",
    "not_made",
)


@dataclass
class RoundStatus:
    """Who was asked in one round and who answered."""

    round: str
    kind: str
    counts: dict[str, int]
    """``mailed`` (sent or drafted: the mails that left; not one the server refused or a broken
    connection stopped) and what became of the mails tried, which add up to ``mailed`` and
    those refused: ``answered`` (its form, or the form of a reminder of it, came back),
    ``waiting`` (deadline not passed), ``overdue``, ``failed`` (bounced, or put off, refused
    for itself or stopped by a broken connection and not sent since),
    ``asked_again`` (no answer, and the institution got a later mail: a reminder or a form of
    another round); and apart from those, ``not_mailed``: institutions of the round left out
    for want of a usable address (:attr:`Delivery.not_mailed`), or whose mail the server
    refused for good (550 user unknown) and that got none since, as a rerun of the round counts
    them, and ``not_made``: those whose
    form could not be made when the round last tried it (:attr:`Delivery.not_made`). A later
    mail that did not reach the institution (it bounced, or the server refused it) is no later
    mail it got: the round before still waits for its answer (``waiting`` or ``overdue``), and
    the later round counts that mail as ``failed`` or ``not_mailed``."""
    deadline: str
    """The latest return date of the round."""
    started: str

    def to_json(self) -> dict[str, object]:
        return {"round": self.round, "kind": self.kind, "deadline": self.deadline, **self.counts}


def round_status(
    deliveries: Iterable[Delivery],
    returned: set[str] | None,
    today: dt.date,
    own: OwnReturns | None = None,
) -> list[RoundStatus]:
    """Every round of the send log in the order it was first mailed, with who was asked and
    answered (``own`` as for :func:`institution_status`)."""
    rounds: dict[str, RoundStatus] = {}

    def row(d: Delivery) -> RoundStatus:
        r = rounds.get(d.round)
        if r is None:
            r = rounds[d.round] = RoundStatus(
                d.round, d.kind, dict.fromkeys(ROUND_COLUMNS, 0), "", _first_mailed(d)
            )
        r.started = min(r.started, _first_mailed(d), key=_moment)
        r.deadline = max(r.deadline, d.deadline)
        return r

    for iid, ds in _by_institution(deliveries).items():
        delivered = sorted((d for d in ds if d.delivered), key=lambda d: d.delivered_at)
        for d in ds:
            if d.not_mailed:
                row(d).counts["not_mailed"] += 1
            elif d.not_made:
                row(d).counts["not_made"] += 1
            elif not d.delivered and d.refused_for_good:
                # refused for good (550 user unknown) it never left: not mailed, its address
                # refused, as a rerun of the round counts it ('1 abgewiesen')
                row(d).counts["not_mailed"] += 1
            elif not d.delivered and d.failures:  # put off, refused for itself, or the line broke:
                row(d).counts["failed"] += 1  # it never left ('N von M Mails gesendet')
        # the latest mail that reached it: one that bounced asked nobody again
        reached = [d for d in delivered if not d.came_back]
        latest = reached[-1] if reached else None
        cycles = _cycles(delivered)
        for cycle, answered in zip(
            cycles, _answered(cycles, returned, (own or {}).get(iid, ())), strict=True
        ):
            for d in cycle:
                r = row(d)
                r.counts["mailed"] += 1
                if answered:
                    what = "answered"
                elif d.came_back:
                    what = "failed"
                elif d is not latest:
                    what = "asked_again"
                elif _past(d.deadline, today):
                    what = "overdue"
                else:
                    what = "waiting"
                r.counts[what] += 1
    return sorted(rounds.values(), key=lambda r: (_moment(r.started), r.round))


def _first_mailed(d: Delivery) -> str:
    """When ``d`` was first mailed: drafted or sent, or tried and refused — not when its forms
    were prepared (forms prepared by a run that stopped go out in a later run)."""
    tried = [str(f.get("at", "")) for f in d.failures if not f.get("bounce")]
    return min(
        [t for t in (d.delivered_at, *tried) if t]
        or [d.prepared_at or d.not_mailed_at or d.not_made_at],
        key=_moment,
    )


def delay_until(d: Delivery) -> dt.date:
    """The day until which the receiving server may go on trying ``d``'s mail
    (:data:`DELAY_WAIT` after it was sent)."""
    return (_moment(d.delivered_at) + DELAY_WAIT).astimezone().date()


def _moment(at: str) -> dt.datetime:
    """A send log time (ISO 8601, local time with its offset) to compare across offsets (a
    change to summer time); a missing or unreadable one counts as the earliest."""
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return moment if moment.tzinfo else moment.astimezone()


def current_name(status: InstitutionStatus, record: InstitutionRecord | None) -> str:
    """The institution's name as the register has it now (``record``, None where it has not:
    a return may have changed it), else the name it was mailed under."""
    name = record.institution.get("name") if record is not None else None
    return str(name) if isinstance(name, str) and name.strip() else status.name


def went_elsewhere(status: InstitutionStatus, record: InstitutionRecord | None) -> str:
    """The address of the institution whose latest mail went to another domain, as formgen
    wrote that address before IDNA 2008 (:func:`~formgen.recipients.mailed_elsewhere`:
    ``info@strassenfussball-neuss.de`` for ``info@straßenfußball-neuß.de``): the register's
    (``record``'s), else the one a run of its round found in the recipients list
    (:attr:`~formgen.sendlog.Delivery.meant`); else ``""``."""
    email = str(record.institution.get("email") or "").strip() if record is not None else ""
    return elsewhere_of(status.email, (email, status.latest.meant))


def elsewhere_of(logged: str, addresses: Iterable[str]) -> str:
    """The first of ``addresses`` that a mail the send log says went to ``logged`` was meant
    for, as formgen wrote it before IDNA 2008, another domain
    (:func:`~formgen.recipients.mailed_elsewhere`); ``""``: none."""
    return next((a for a in addresses if a and logged and mailed_elsewhere(logged, a)), "")


def superseded(
    statuses: Mapping[str, InstitutionStatus],
    ids: Iterable[str],
    deliveries: Sequence[Delivery],
    today: dt.date,
) -> list[tuple[str, str]]:
    """Of ``ids``, those whose latest round was superseded, each with why: an invitation or
    update round of the workspace began after its deadline (the reminder's, when it was
    reminded), and its own deadline has passed too: the centre moved on twice. While that later
    round still runs, the earlier one's reminder is still due. A reminder belongs to the latest round: months later "we have not received your
    answer yet" reminds of a form out of date, and the later round (an update round asks
    every institution whose entries are stale) is where it is asked again."""
    began: dict[str, str] = {}
    due: dict[str, str] = {}
    for d in deliveries:
        if d.kind != "reminder" and (at := d.delivered_at):
            began[d.round] = min(began.get(d.round, at), at, key=_moment)
            due[d.round] = max(due.get(d.round, ""), d.deadline)
    out: list[tuple[str, str]] = []
    for iid in ids:
        s = statuses[iid]
        first = s.cycle[-1] if s.cycle else s.latest
        after = [
            (_moment(at), r)
            for r, at in began.items()
            if _moment(at) > _moment(first.delivered_at)
            and r not in {d.round for d in s.cycle}
            and _past(s.deadline, _moment(at).astimezone().date())
            and due[r] > s.deadline
            and _past(due[r], today)
        ]
        if after:
            began_at, later = min(after)
            out.append(
                (
                    iid,
                    Said(
                        "mail_superseded",
                        round=first.round,
                        due=s.deadline,
                        later=later,
                        later_due=due[later],
                        day=began_at.astimezone().date().isoformat(),
                    ),
                )
            )
    return out


def on_its_way(status: InstitutionStatus | None, round_name: str = "") -> str:
    """Why a new form for this institution would cross the one it was sent: that one is still on
    its way (mailed, not returned, not bounced, deadline not passed; the state ``outstanding``).
    ``""`` when no form is on its way, or when it is one of round ``round_name`` (a rerun of a
    round decides about its own mails)."""
    if status is None or status.state != "outstanding" or status.latest.round == round_name:
        return ""
    d = status.latest
    due = status.deadline or Said("mail_due_undated")
    return Said("mail_on_its_way", day=d.delivered_at[:10], round=d.round, due=due)


def split_on_its_way(
    ids: Iterable[str], statuses: Mapping[str, InstitutionStatus], round_name: str = ""
) -> tuple[list[str], list[tuple[str, str]]]:
    """``ids`` without the institutions whose form is on its way, and those with why (the rule
    of ``mail --stale``, ``mail --from-register`` and the "to update" of ``status``)."""
    todo, waiting = [], []
    for iid in ids:
        why = on_its_way(statuses.get(iid), round_name)
        if why:
            waiting.append((iid, why))
        else:
            todo.append(iid)
    return todo, waiting


@dataclass
class StatusSummary:
    """The at-a-glance numbers of ``formgen status``."""

    institutions: int
    counts: dict[str, int]
    via: dict[str, int]
    """How the latest delivered mail went out: ``sent`` (SMTP) or ``drafted`` (.eml for the mail
    program)."""
    stale: int | None
    """Institutions on the update list (``formgen register stale``)."""
    answered: int
    """Institutions that answered at least one round."""
    answered_before: dict[str, int]
    """Per state other than ``returned``: the institutions that answered an earlier round."""
    rounds: list[RoundStatus]
    conflicts: int | None
    without_email: dict[str, str]
    """Register institutions that cannot be mailed, each with why (a key of :data:`UNUSABLE`):
    the register's address bounced or was refused for good (:meth:`InstitutionStatus.dead`,
    ``dead_email``); or no e-mail address in the register or an invalid one (``no_email``,
    ``invalid_email``), and none that worked in the send log (:func:`fallback_email`)."""
    returns_known: bool
    notes: list[Note]
    to_update: int | None = None
    """Of ``stale``, those ``formgen mail --stale`` would mail now."""
    update_waiting: list[str] = field(default_factory=list)
    """Of ``stale``, those whose form is on its way (their answer may bring the update)."""
    refused_for_good: int = 0
    """Of the ``failed``, those whose latest mail was refused for good
    (:attr:`Delivery.refused_for_good`): they need a corrected address, the others another run."""
    not_mailed: int = 0
    """Institutions left out of a round for want of a usable address (no or an invalid one) and
    never mailed since; not among ``institutions``."""
    not_made: int = 0
    """Institutions whose form could not be made in a round and that were mailed nothing since
    (:attr:`InstitutionStatus.not_made`); those never mailed (state ``not_made``) are not among
    ``institutions``, the others count there by their latest mail too."""
    retired: int = 0
    """Institutions taken out of the register (:meth:`RegisterView.retired`): in none of the other counts."""
    stale_by: dt.date | None = None
    """The day ``stale`` and ``to_update`` are judged as of (:attr:`RegisterView.today`; None:
    without a register)."""
    awaited_drafts: int = 0
    """Of those whose answer is awaited (``outstanding``, ``overdue``), those whose latest mail
    is a draft: formgen learns that it went out only from a return or a bounce."""
    superseded: int = 0
    """Of the ``overdue``, those whose round a later one superseded (:func:`superseded`):
    ``formgen mail --overdue`` reminds them only with ``--force``."""
    elsewhere: list[str] = field(default_factory=list)
    """The institutions whose latest mail went to another domain than their address's, as
    formgen wrote it before IDNA 2008 (:func:`went_elsewhere`): to be mailed again."""


def summarise(
    statuses: dict[str, InstitutionStatus],
    view: RegisterView | None,
    returns_known: bool,
    rounds: Sequence[RoundStatus] = (),
) -> StatusSummary:
    """The numbers of ``formgen status``; ``rounds`` from :func:`round_status`. ``statuses``
    and ``rounds`` without the retired institutions (:func:`formgen.mailrun.mailing_status`)."""
    counts = dict.fromkeys(STATES, 0)
    via = {"sent": 0, "drafted": 0}
    not_mailed = sum(1 for s in statuses.values() if s.state == "not_mailed")
    not_made = sum(1 for s in statuses.values() if s.not_made)
    logged_all = statuses  # the addresses of those never mailed count too (a 550)
    statuses = {iid: s for iid, s in statuses.items() if s.state not in ("not_mailed", "not_made")}
    for s in statuses.values():
        counts[s.state] += 1
        if s.delivered is not None:
            via["sent" if s.delivered.sent_at else "drafted"] += 1
    stale_ids = view.stale() if view else None
    without_email = {}
    if view is not None:
        removed = view.emails_removed()
        vouched = view.emails_vouched()
        for iid in view.institution_ids():
            rec = view.record(iid)
            if rec is None:
                continue
            logged = logged_all.get(iid)
            email = str(rec.institution.get("email", "")).strip()
            invalid = bool(email) and check_email(email) is not None
            if email and logged is not None and logged.dead(email, vouched.get(iid)) is not None:
                without_email[iid] = "dead_email"
            elif (not email or invalid) and not fallback_email(logged, removed.get(iid), (email,)):
                without_email[iid] = "invalid_email" if invalid else "no_email"
    conflicts = view.conflict_count() if view else None
    notes = list(view.notes) if view else [Note("no_register", "no register in this workspace yet")]
    if not returns_known:
        notes.append(
            Note(
                "unmatched",
                "returns cannot be matched (the register does not show form instance ids); "
                "every mailed institution counts as outstanding or overdue",
            )
        )
    due, waiting = split_on_its_way(sorted(stale_ids or ()), statuses)
    return StatusSummary(
        institutions=len(statuses),
        counts=counts,
        via=via,
        stale=len(stale_ids) if stale_ids is not None else None,
        answered=sum(1 for s in statuses.values() if s.answered),
        answered_before={
            state: n
            for state in STATES
            if (n := sum(1 for s in statuses.values() if s.answered_before and s.state == state))
        },
        rounds=list(rounds),
        conflicts=conflicts,
        without_email=without_email,
        returns_known=returns_known,
        notes=notes,
        to_update=len(due) if stale_ids is not None else None,
        update_waiting=[iid for iid, _ in waiting],
        refused_for_good=sum(
            1 for s in statuses.values() if s.state == "failed" and s.latest.refused_for_good
        ),
        not_mailed=not_mailed,
        not_made=not_made,
        retired=len(view.retired()) if view else 0,
        stale_by=view.today if view else None,
        awaited_drafts=sum(
            1
            for s in statuses.values()
            if s.state in ("outstanding", "overdue")
            and s.delivered is not None
            and not s.delivered.sent_at
        ),
    )
