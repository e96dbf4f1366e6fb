"""A mailing round: plan it, make each institution's form, write drafts or send, log every step.

The I/O layer over :mod:`formgen.mailing`. One round has a name (``invitation-2026``,
``reminder-2026-11-22`` …); within a round an institution gets at most one mail. Work goes one
institution at a time — prepare (render, store, log ``prepared``), deliver (draft or SMTP), log
the result — so that a crash, a refused recipient or a lost connection leaves a log from which a
rerun continues: sent mails are never sent again, prepared forms are reused, failed ones are
retried.

Generators are plain callables ``render(schema, request, identity) -> GeneratedForm``
(:data:`Renderer`); :func:`default_renderers` finds the PDF and DOCX writers of this build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import random
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from formgen.bounces import Bounce, address_key
from formgen.errors import (
    ConnectionLost,
    FormgenError,
    MailError,
    Problem,
    WrongRecipientError,
)
from formgen.fold import alike_names, fold
from formgen.forms import FormRequest, GeneratedForm, new_identity
from formgen.identity import FormIdentity, test_key
from formgen.interrupts import Interrupts
from formgen.languages import MAIL_LANGUAGES
from formgen.mailing import (
    MailTemplate,
    as_draft,
    build_message,
    missing_text,
    parse_template,
    shipped_template,
)
from formgen.messages import Said, SaidJoined, said_count, said_from_json, said_json
from formgen.model import Schema
from formgen.recipients import (
    Recipient,
    RecipientList,
    check_email,
    invisible_shown,
    mailed_elsewhere,
    normalise_email,
    recipients_from_records,
    sender_problem,
    shown_email,
)
from formgen.record import ID_RE, InstitutionRecord
from formgen.sendlog import Delivery, SendLog
from formgen.tracking import (
    FieldProblems,
    InstitutionStatus,
    Note,
    RegisterView,
    Removed,
    StatusSummary,
    Vouched,
    current_name,
    delay_until,
    fallback_elsewhere,
    fallback_email,
    institution_status,
    own_forms,
    round_status,
    split_on_its_way,
    summarise,
    superseded,
    went_elsewhere,
)
from formgen.workspace import CONFIG, IssuedForm, Workspace, WorkspaceError, write_atomic

if TYPE_CHECKING:  # smtplib and ssl load only for a round that sends ('formgen status' needs none)
    from formgen.smtp import RateLimiter, SmtpSettings, SmtpTransport

Renderer = Callable[[Schema, FormRequest, FormIdentity], GeneratedForm]
_T = TypeVar("_T")
FORMATS = {"pdf": ("formgen.pdf_form", "render_pdf"), "docx": ("formgen.docx_form", "render_docx")}


def default_renderers(formats: Iterable[str]) -> dict[str, Renderer]:
    """The generators for ``formats`` (``pdf``, ``docx``) in this build of formgen."""
    out: dict[str, Renderer] = {}
    for fmt in formats:
        if fmt not in FORMATS:
            raise MailError(f"unknown form format '{fmt}'; use pdf, docx or both")
        module_name, func = FORMATS[fmt]
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            raise MailError(
                f"this build of formgen has no {fmt.upper()} generator ({module_name}); "
                f"use --format {'docx' if fmt == 'pdf' else 'pdf'}"
            ) from None
        out[fmt] = getattr(module, func)
    return out


def default_round(kind: str, today: dt.date) -> str:
    """``invitation-2026``, ``reminder-2026-11-22``, ``update-2026-11-22``."""
    return f"invitation-{today.year}" if kind == "invitation" else f"{kind}-{today.isoformat()}"


@dataclass(frozen=True)
class RoundSettings:
    """What this round sends."""

    round: str
    kind: str = "invitation"
    formats: tuple[str, ...] = ("pdf",)
    lang: str = "de"
    deadline: dt.date = field(default_factory=lambda: dt.date.today() + dt.timedelta(days=28))
    template: MailTemplate | None = None
    """Default: the shipped template of ``kind`` in each mail's language. An own template is
    one text: every mail and form of the round is then in ``lang``."""
    deadline_given: bool = False
    """The coordinator chose ``deadline`` for this run (else forms prepared by an earlier run
    of the round keep theirs)."""
    formats_given: bool = False
    """The coordinator chose ``formats`` for this run; else an institution gets its forms in
    the formats its recipients row names, else (mailed before) as it got them last time (Word
    stays Word in the reminder), and ``formats`` is for the others."""
    lang_given: bool = False
    """The coordinator chose ``lang`` for this run; else (and without an own ``template``) an
    institution gets mail and form in the language its recipients row names, else (mailed
    before) in the one it got last time (English stays English in the reminder), and ``lang``
    is for the others."""
    seed: int | None = None
    """Makes the round's form ids reproducible: ``formgen demo`` mails with one, so that the
    returns it ships answer the very forms it mails."""
    test_to: str = ""
    """A test (``formgen mail --test-to``): every mail of the run goes to this address only,
    its subject marked as a test, with forms made afresh; nothing is stored or logged, so the
    round, the send log, ``issued.jsonl`` and ``formgen status`` stay as they were."""

    def __post_init__(self) -> None:
        if not ID_RE.match(self.round):  # the rule of an id
            raise MailError(Said("mail_bad_round", round=f"{self.round:.60}"))

    @property
    def carries_lang(self) -> bool:
        """Whether an institution's language may be its own: from its recipients row or its
        earlier mails."""
        return not self.lang_given and self.template is None

    def resolved_template(self, own: Path, lang: str | None = None) -> MailTemplate:
        """The template of a mail in ``lang`` (default: the round's language): the one given,
        else the workspace's own ``<kind>.<lang>.txt`` in the folder ``own``, else the shipped one."""
        if self.template:
            return self.template
        path = own / f"{self.kind}.{lang or self.lang}.txt"
        if path.is_file():
            return parse_template(path.read_text("utf-8"), str(path))
        return shipped_template(self.kind, lang or self.lang)


# --------------------------------------------------------------------------- planning


@dataclass(frozen=True)
class Skip:
    recipient: Recipient
    reason: str


@dataclass
class Plan:
    """Who gets a mail in this round, who is skipped and why, who has no address."""

    todo: list[Recipient]
    skipped: list[Skip]
    without_email: list[Recipient]
    reuse: dict[str, Delivery]
    """Deliveries of this round already prepared (their forms are reused)."""
    formats: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per recipient to mail: the formats its forms are made in (those the coordinator chose,
    else its recipients row's, else :func:`carried_over`, else the round's)."""
    langs: dict[str, str] = field(default_factory=dict)
    """Per recipient to mail: the language of its mail and form (the one the coordinator
    chose, else its recipients row's, else :func:`carried_over`, else the round's)."""
    maybe_sent: dict[str, str] = field(default_factory=dict)
    """Per recipient to mail: when a run of this round began to send it its mail and ended
    before the server's answer was logged (:attr:`Delivery.maybe_sent_at`)."""
    redrafts: dict[str, str] = field(default_factory=dict)
    """Per recipient to mail (``force``): the draft of this round written before, whose file
    is gone (deleted before it was sent, or after): written again."""

    def formats_of(self, recipient_id: str, settings: RoundSettings) -> tuple[str, ...]:
        return self.formats.get(recipient_id, settings.formats)

    def lang_of(self, recipient_id: str, settings: RoundSettings) -> str:
        return self.langs.get(recipient_id, settings.lang)

    def all_formats(self, settings: RoundSettings) -> tuple[str, ...]:
        """Every format some mail of this plan needs (for :func:`default_renderers`)."""
        found = {f for r in self.todo for f in self.formats_of(r.id, settings)}
        return tuple(f for f in FORMATS if f in found)

    def all_langs(self, settings: RoundSettings) -> tuple[str, ...]:
        """Every language some mail of this plan is written in."""
        return tuple(dict.fromkeys(self.lang_of(r.id, settings) for r in self.todo))


def plan_round(
    recipients: Sequence[Recipient],
    deliveries: Sequence[Delivery],
    settings: RoundSettings,
    action: str,
    returned: Collection[str] = (),
    force: bool = False,
) -> Plan:
    """Decide per recipient: mail it, skip it (already done in this round), or list it (no
    address, or one no mail header can carry: :func:`~formgen.recipients.check_email`, say of
    a send log edited by hand). A draft of this round whose file is gone is skipped too, as it
    may have been sent from the mail program before it was deleted, and the reason says so;
    ``force`` writes it again (:attr:`Plan.redrafts`).

    ``returned``: instance ids of the forms that came back. A mail of this round that bounced is
    sent again, but not once its form came back. Whether its address may be mailed again is
    decided before, by the one rule of every round (:func:`unless_dead`, applied by
    :func:`round_targets` and :func:`register_recipients`): an address known dead comes here
    without an address, one a coordinator vouched for since (or ``--force``) with it."""
    if action not in ("send", "drafts"):
        raise ValueError(action)
    this_round = {d.institution_id: d for d in deliveries if d.round == settings.round}
    todo, skipped, without = [], [], []
    reuse: dict[str, Delivery] = {}
    formats: dict[str, tuple[str, ...]] = {}
    langs: dict[str, str] = {}
    maybe_sent: dict[str, str] = {}
    redrafts: dict[str, str] = {}
    carried = carried_over(deliveries, settings)
    for r in recipients:
        d = this_round.get(r.id)
        # done in this round already, whatever address the list or the register gives now
        if d is not None and d.sent_at and not d.came_back:
            at = d.sent_at[:16].replace("T", " ")
            said = Said("mail_skip_sent", round=settings.round, at=at)
            skipped.append(Skip(r, _elsewhere(said, d, r)))
            continue
        gone = d is not None and bool(d.draft_path) and not Path(d.draft_path).exists()
        if d is not None and d.drafted_at and not d.came_back and not (gone and force):
            # sent from the mail program (or about to be): never mail the same form again
            key = "mail_skip_draft_gone" if gone else "mail_skip_drafted"
            said = Said(key, round=settings.round, path=d.draft_path)
            skipped.append(Skip(r, _elsewhere(said, d, r)))
            continue
        if d is not None and d.drafted_at and not d.came_back:
            redrafts[r.id] = d.draft_path
        if not r.email:
            without.append(r)
            continue
        if why := check_email(r.email):  # e.g. a send log edited by hand: no mail header takes it
            without.append(replace(r, email="", given_email=r.email, email_problem=why))
            continue
        if d is not None and d.came_back and any(i in returned for i in d.instance_ids):
            skipped.append(Skip(r, Said("mail_skip_returned")))
            continue
        # the coordinator's choice, else the recipients row's, else as its last mail, else the round's
        before = carried.get(r.id)
        listed_formats = () if settings.formats_given else r.formats
        listed_lang = r.lang if settings.carries_lang else ""
        formats[r.id] = listed_formats or (before.formats if before else settings.formats)
        langs[r.id] = listed_lang or (before.lang if before else settings.lang)
        if (
            d is not None
            and d.prepared_at
            and _prepared_as(d, settings, formats[r.id], langs[r.id])
        ):
            reuse[r.id] = d
        if d is not None and d.maybe_sent_at:
            maybe_sent[r.id] = d.maybe_sent_at
        todo.append(r)
    return Plan(todo, skipped, without, reuse, formats, langs, maybe_sent, redrafts)


def _elsewhere(said: Said, d: Delivery, r: Recipient) -> str:
    """``said`` (why ``r`` is skipped: mailed in this round), and where the mail ``d`` went to
    another domain than ``r``'s address (:func:`~formgen.recipients.mailed_elsewhere`)."""
    if not (d.email and r.email and mailed_elsewhere(d.email, r.email)):
        return said
    other = Said("mail_skip_elsewhere", sent=d.email, email=shown_email(r.email))
    return SaidJoined((said, other), "; ")


def delivery_formats(d: Delivery) -> tuple[str, ...]:
    """The formats of the forms ``d`` carried (``pdf``, ``docx``), in the order of :data:`FORMATS`."""
    found = {Path(f.get("path", "")).suffix.lstrip(".").lower() for f in d.files}
    return tuple(f for f in FORMATS if f in found)


@dataclass(frozen=True)
class Carried:
    """How an institution mailed before gets this round's mail: as it got its last one."""

    formats: tuple[str, ...]
    lang: str


def carried_over(deliveries: Iterable[Delivery], settings: RoundSettings) -> dict[str, Carried]:
    """Per institution mailed before, the formats and the language of this round's forms (and
    mail) as far as the coordinator chose none: those of its latest mail of another round that
    reached it (a Word form is followed by a Word form, an English mail by an English one). What
    the coordinator chose (``formats_given``, ``lang_given``, an own template) is taken as it is;
    a language of the log that formgen has no mail text in gives way to the round's."""
    latest: dict[str, Delivery] = {}
    for d in deliveries:
        if d.delivered and d.round != settings.round and delivery_formats(d):
            seen = latest.get(d.institution_id)
            if seen is None or d.delivered_at > seen.delivered_at:
                latest[d.institution_id] = d
    return {
        iid: Carried(
            settings.formats if settings.formats_given else delivery_formats(d),
            d.lang if settings.carries_lang and d.lang in MAIL_LANGUAGES else settings.lang,
        )
        for iid, d in latest.items()
    }


def _prepared_as(d: Delivery, settings: RoundSettings, formats: Sequence[str], lang: str) -> bool:
    """Whether the forms an earlier run prepared for ``d`` are what this run would make: the
    same language and formats, and the deadline chosen now (if one was). Forms never delivered
    are made afresh when the coordinator changed these."""
    return (
        d.lang == lang
        and set(delivery_formats(d)) == set(formats)
        and (not settings.deadline_given or d.deadline == settings.deadline.isoformat())
    )


# --------------------------------------------------------------------------- delivering


class Deliverer(Protocol):
    """Where a finished mail goes: a drafts folder or an SMTP server."""

    action: str

    def wait(self) -> None:
        """Wait until the next mail may go (the rate limit): a stop signal ends the wait."""
        ...

    def deliver(
        self, recipient: Recipient, msg: EmailMessage, log: SendLog, base: dict[str, object]
    ) -> Outcome:
        """Deliver one mail and log the result. Raise :class:`ConnectionLost` to stop the batch
        when this mail may or may not have gone out, :class:`MailError` when no mail can go
        (e.g. the server wants a login the settings do not give): the batch stops too."""
        ...


@dataclass(frozen=True)
class Outcome:
    """What happened to one recipient in this run."""

    recipient: Recipient
    status: str
    """``sent``, ``drafted``, ``refused`` (the server said no to the recipient for good),
    ``rejected`` (the server read the mail and refused it for itself, its size or its content:
    the address is not at fault, the rerun sends it again), ``deferred`` (the server
    put it off, a 4xx such as 451 greylisting: the rerun sends it), ``error`` (the form could not be
    made: logged ``not_made``), ``lost`` (the connection broke while sending it)."""
    detail: str = ""
    instance_ids: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    """What the generators said of the forms made for this mail (a control character left out
    of the Word form, a character the PDF's font cannot show)."""


class DraftWriter:
    """Writes each mail as ``<dir>/<institution id>.eml``, an unsent draft."""

    action = "drafts"

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    def wait(self) -> None:
        pass

    def deliver(
        self, recipient: Recipient, msg: EmailMessage, log: SendLog, base: dict[str, object]
    ) -> Outcome:
        path = self.directory / f"{recipient.id}.eml"
        write_atomic(path, as_draft(msg))
        # where it is, wherever formgen runs next, and whose it is: a copy of the workspace
        # names the same draft, which ``register erase`` there must not delete
        # and its Message-ID: a reply that keeps it names the mail it answers (ingest.answers)
        log.append(
            "drafted",
            **base,
            path=str(path.resolve()),
            workspace=log.workspace,
            message_id=str(msg["Message-ID"]),
        )
        return Outcome(recipient, "drafted", str(path))


class SmtpSender:
    """Sends through an :class:`SmtpTransport`, at most ``limiter``'s rate."""

    action = "send"

    def __init__(self, transport: SmtpTransport, limiter: RateLimiter) -> None:
        self.transport = transport
        self.limiter = limiter

    def wait(self) -> None:
        self.limiter.wait()

    def deliver(
        self, recipient: Recipient, msg: EmailMessage, log: SendLog, base: dict[str, object]
    ) -> Outcome:
        from formgen.smtp import Refusal

        self.transport.ensure_open()  # no connection, no login: no mail goes, nothing to log
        # said before the mail is handed over: a run that ends before it logs the server's
        # answer (killed, the machine off) leaves the rerun knowing this mail may have gone out
        log.append("sending", **base, message_id=str(msg["Message-ID"]))
        try:
            result = self.transport.send(msg)
        except ConnectionLost as exc:
            log.append("failed", **base, error=str(exc), code=None, permanent=False)
            raise
        except MailError as exc:  # the server took no mail: it wants a login
            log.append("not_sent", **base, error=str(exc))
            raise
        if isinstance(result, Refusal):
            # a mail refused for itself (its size, its content) is no address's fault: a rerun
            # sends it again, as one put off (4xx)
            whole = {"whole_mail": True} if result.whole_mail else {}
            log.append(
                "failed",
                **base,
                error=result.error,
                code=result.code,
                permanent=result.permanent,
                **whole,
            )
            status = (
                "rejected" if result.whole_mail else "refused" if result.permanent else "deferred"
            )
            return Outcome(recipient, status, result.error)
        log.append("sent", **base, message_id=str(msg["Message-ID"]), response=result)
        return Outcome(recipient, "sent", str(msg["Message-ID"]))


class _NoLog(SendLog):
    """The send log of a test (:attr:`RoundSettings.test_to`): nothing is written; a test
    draft is remembered in :data:`formgen.sendlog.TEST_DRAFTS`, for ``register erase`` to
    name."""

    def append(self, event: str, **fields: Any) -> None:
        if event == "drafted":
            self.test_drafted(str(fields["institution_id"]), str(fields["path"]))


# --------------------------------------------------------------------------- the round


@dataclass
class RoundReport:
    outcomes: list[Outcome]
    plan: Plan
    stopped: str = ""
    """Why the batch stopped early (a lost connection, a login the server wants); empty when
    it went through. ``outcomes`` holds what happened before."""
    interrupted_by: str = ""
    """The stop signal that ended the batch between two mails (``Ctrl-C``, ``SIGTERM``,
    ``SIGHUP``: :data:`~formgen.interrupts.STOP_SIGNALS`); empty when none came."""

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def problems(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status not in ("sent", "drafted")]


def smtp_settings(ws: Workspace) -> SmtpSettings:
    """The workspace's ``[smtp]`` settings; a mistake names workspace.toml and how to fix it."""
    from formgen.smtp import SmtpSettings

    return SmtpSettings.from_config(ws.config, str(ws.root / CONFIG), ws.root)


def check_sender(ws: Workspace) -> None:
    """Raise :class:`MailError` when the workspace has no sender address to mail From, or one
    no mail can go out From: not an address at all (``spkom``), a domain without a dot
    (``koordination@localhost``), or letters outside ASCII before the @ (a domain such as
    ``büro.example`` has an ASCII form, a name before the @ has none) — the same check as a
    recipient's address gets (:func:`~formgen.recipients.sender_problem`), said with why."""
    if not ws.sender:
        raise MailError(Said("mail_no_sender", config=str(ws.root / CONFIG)))
    if (why := sender_problem(ws.sender)) is not None:
        raise MailError(
            Said(
                "mail_bad_sender",
                config=str(ws.root / CONFIG),
                sender=invisible_shown(ws.sender),
                why=why,
            )
        )


def run_round(
    ws: Workspace,
    plan: Plan,
    settings: RoundSettings,
    deliverer: Deliverer,
    *,
    schema: Schema,
    renderers: Mapping[str, Renderer],
    prefill: Callable[[Recipient], InstitutionRecord],
    signature: str = "",
    incomplete: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
    invalid: Mapping[str, Mapping[str, FieldProblems]] | None = None,
    replies_to: Mapping[str, str] | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> RoundReport:
    """Prepare and deliver every planned mail, one institution at a time, logging each step;
    ``progress`` is told each outcome as it comes. A stop signal (Ctrl-C, SIGTERM, SIGHUP:
    :data:`~formgen.interrupts.STOP_SIGNALS`) ends the round between two mails:
    :attr:`RoundReport.interrupted_by` says which.

    ``incomplete``: per institution, category → required fields with no value; ``invalid``:
    category → fields holding an invalid value, with why. The mail names them (``{missing}`` of
    the template) among the checklists its form covers. ``replies_to``: per institution, the
    Message-ID of the mail its mail answers (:attr:`Targets.replies_to`)."""
    check_sender(ws)
    test_to = settings.test_to
    if new := [r for r in plan.todo if test_to or r.id not in plan.reuse]:
        _check_secret(ws, len(new))
    log = _NoLog(ws.root) if test_to else SendLog(ws.root)
    templates = {
        lang: settings.resolved_template(ws.templates_dir, lang)
        for lang in plan.all_langs(settings)
    }
    outcomes: list[Outcome] = []
    issued = ws.issued() if plan.reuse else {}
    report = RoundReport(outcomes, plan)
    rng = random.Random(settings.seed) if settings.seed is not None else None

    def done(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome)

    def make(
        recipient: Recipient, lang: str, mailed_to: str
    ) -> tuple[list[GeneratedForm], EmailMessage]:
        """The recipient's forms (made, or reused from an earlier run) and its mail."""
        forms = None if test_to else _reuse(ws, plan.reuse.get(recipient.id), issued)
        if forms is None:
            forms = _prepare(
                ws,
                recipient,
                settings,
                plan.formats_of(recipient.id, settings),
                lang,
                schema,
                renderers,
                prefill,
                log,
                rng,
            )
        categories = forms[0].identity.categories
        msg = build_message(
            recipient=recipient,
            forms=forms,
            template=templates[lang],
            titles=schema.mail_titles(lang),
            sender=ws.sender,
            centre=ws.centre_name,
            deadline=_deadline_of(plan.reuse.get(recipient.id), settings),
            lang=lang,
            signature=signature,
            checklists=[schema.category_label(c, lang) for c in categories],
            missing_text=missing_text(
                schema,
                _on_form(incomplete, recipient.id, categories),
                lang,
                _on_form(invalid, recipient.id, categories),
            ),
            in_reply_to=(replies_to or {}).get(recipient.id, ""),
        )
        if test_to:  # the address the real mail goes to, as the subject's mark says it
            mark = Said("mail_test_subject", email=shown_email(mailed_to))
            msg.replace_header("Subject", f"{mark.in_language(ws.language)} {msg['Subject']}")
            msg["X-Formgen-Test"] = "1"  # its bounce is no real mail's (record_bounces)
        return forms, msg

    interrupts = Interrupts()
    with interrupts.caught():
        try:
            for recipient in plan.todo:
                lang = plan.lang_of(recipient.id, settings)
                mailed_to = recipient.email  # a test's subject names it
                if test_to:
                    recipient = replace(recipient, email=test_to)
                # a stop signal waits until the forms made are logged, and a mail handed to the
                # server until the server's answer is: the round stops between two mails
                with interrupts.held():
                    try:
                        forms, msg = make(recipient, lang, mailed_to)
                    except WrongRecipientError:
                        raise  # a programming error: never carry on after it
                    except FormgenError as exc:
                        # logged, so that 'formgen status' shows it until a rerun mails it
                        log.append(
                            "not_made",
                            round=settings.round,
                            kind=settings.kind,
                            institution_id=recipient.id,
                            name=recipient.name,
                            email=recipient.email,
                            error=str(exc),
                            error_said=said_json(_message(exc)),
                        )
                        done(Outcome(recipient, "error", _message(exc)))
                        continue
                ids = tuple(dict.fromkeys(f.identity.instance_id for f in forms))
                base: dict[str, object] = {
                    "round": settings.round,
                    "institution_id": recipient.id,
                    "email": recipient.email,
                    "instance_ids": list(ids),
                }
                warnings = tuple(dict.fromkeys(w for f in forms for w in f.warnings))
                if (at := plan.maybe_sent.get(recipient.id)) and not test_to:
                    warnings += (Said("mail_maybe_sent_before", at=at),)
                deliverer.wait()  # the rate limit: a stop signal ends the wait at once
                with interrupts.held():
                    try:
                        outcome = deliverer.deliver(recipient, msg, log, base)
                        done(replace(outcome, instance_ids=ids, warnings=warnings))
                    except ConnectionLost as exc:
                        lost = Said("mail_lost", error=_message(exc))
                        done(Outcome(recipient, "lost", lost, ids))
                        report.stopped = Said(
                            "mail_stopped_lost",
                            error=_message(exc),
                            done=len(outcomes),
                            total=len(plan.todo),
                            iid=recipient.id,
                        )
                        break
                    except MailError as exc:  # no mail goes with these settings: nobody's fault
                        report.stopped = _message(exc)
                        break
        except KeyboardInterrupt:
            report.interrupted_by = interrupts.by
    return report


def _check_secret(ws: Workspace, n: int) -> None:
    """Raise :class:`MailError` when the workspace's signing secret is missing or damaged,
    before the round makes any of its ``n`` forms that need it: said once, not once a row."""
    try:
        ws.secret  # noqa: B018 -- read to be checked; each form made reads it again
    except WorkspaceError as exc:
        raise MailError(said_count("mail_no_secret", n, why=_message(exc))) from None


def _message(exc: FormgenError) -> str:
    """An error's message as made: a :class:`Said` stays one, to be said in the workspace's
    language."""
    said = exc.args[0] if exc.args else None
    return said if isinstance(said, Said) else str(exc)


def mail_round(
    ws: Workspace,
    plan: Plan,
    settings: RoundSettings,
    deliverer: Deliverer,
    *,
    schema: Schema,
    prefill: Callable[[Recipient], InstitutionRecord],
    returned: Collection[str] = (),
    incomplete: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
    invalid: Mapping[str, Mapping[str, FieldProblems]] | None = None,
    replies_to: Mapping[str, str] | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> RoundReport:
    """:func:`run_round` under the workspace's lock, with the recipients of ``plan`` planned
    again first: another run may have mailed some of them since ``plan`` was made, and nobody
    gets a mail twice in one round."""
    with ws.lock():
        plan = plan_round(
            plan.todo,
            SendLog(ws.root).deliveries(),
            settings,
            deliverer.action,
            returned,
            force=bool(plan.redrafts),  # a draft another run wrote since is there: skipped
        )
        return run_round(
            ws,
            plan,
            settings,
            deliverer,
            schema=schema,
            renderers=default_renderers(plan.all_formats(settings)),
            prefill=prefill,
            signature=ws.signature,
            incomplete=incomplete,
            invalid=invalid,
            replies_to=replies_to,
            progress=progress,
        )


def record_not_mailed(ws: Workspace, plan: Plan, settings: RoundSettings) -> None:
    """Log ``not_mailed`` for the institutions of ``plan`` without a usable address, so that
    ``formgen status`` keeps showing them: once per round and institution (again only when the
    reason or the address as given changed), never for one this round mailed already, nor for
    one whose mail of this round the server refused for good (the log says so and keeps the
    address refused, as for a mail that bounced)."""
    if not plan.without_email:
        return
    with ws.lock():
        log = SendLog(ws.root)
        this_round = {d.institution_id: d for d in log.deliveries() if d.round == settings.round}
        for r in plan.without_email:
            reason = r.not_mailed_reason
            d = this_round.get(r.id)
            if d is not None and (
                d.delivered
                or d.refused_for_good
                or (d.not_mailed and (d.not_mailed_reason, d.email) == (reason, r.given_email))
            ):
                continue
            detail = r.email_problem or Said("status_no_email")
            log.append(
                "not_mailed",
                round=settings.round,
                kind=settings.kind,
                institution_id=r.id,
                name=r.name,
                email=r.given_email,
                reason=reason,
                detail=detail,
                detail_said=said_json(detail),
                source=r.source,
            )


def record_elsewhere(ws: Workspace, plan: Plan, settings: RoundSettings) -> None:
    """Log ``elsewhere`` for the institutions of ``plan`` skipped as mailed in this round whose
    mail went to another domain than the address the list or the register gives now, as formgen
    wrote it before IDNA 2008 (:func:`_elsewhere`), so that ``formgen status`` says so of one
    mailed from a recipients list too, which it cannot read; once per address."""
    with ws.lock():
        log = SendLog(ws.root)
        this_round = {d.institution_id: d for d in log.deliveries() if d.round == settings.round}
        for s in plan.skipped:
            d, r = this_round.get(s.recipient.id), s.recipient
            if d is None or not (d.email and r.email and mailed_elsewhere(d.email, r.email)):
                continue
            if d.meant != (address := normalise_email(r.email)):
                log.append("elsewhere", round=settings.round, institution_id=r.id, address=address)


def not_made_said(d: Delivery) -> str:
    """Why the form of the send log's delivery ``d`` could not be made, to be said in the
    workspace's language: by the words the log stores with it; a line of an older formgen
    (English only) as stored."""
    return said_from_json(d.not_made_words, d.not_made_error)


def not_mailed_said(d: Delivery) -> str:
    """Why the send log's delivery ``d`` was not mailed, to be said in the workspace's
    language: by the words the log stores with it; in a line of an older formgen, which
    stores the English only, a :class:`Said` where that is what formgen says for its
    ``reason`` and address (none; one :func:`~formgen.recipients.check_email` refuses), else
    as stored (an address that bounced, more than one reason, a hand edit). A delivery the
    server refused for good, never mailed otherwise, says how (:func:`dead_said`)."""
    if not d.not_mailed and d.refused_for_good:  # never reached: refused for good (a 550)
        return dead_said(d, Said("mail_whose"), d.email)
    if d.not_mailed_words:
        return said_from_json(d.not_mailed_words, d.not_mailed_detail)
    said: str | None = None
    if d.not_mailed_reason == "no_email":
        said = Said("status_no_email")
    elif d.not_mailed_reason == "invalid_email":
        said = check_email(d.email)
    return said if said == d.not_mailed_detail else d.not_mailed_detail


def _on_form(
    fields: Mapping[str, Mapping[str, _T]] | None,
    institution_id: str,
    categories: Collection[str],
) -> dict[str, _T]:
    """The institution's fields of ``fields`` (category → field ids) among the checklists its
    form covers."""
    own = (fields or {}).get(institution_id, {})
    return {cid: ids for cid, ids in own.items() if cid in categories}


def _deadline_of(reused: Delivery | None, settings: RoundSettings) -> dt.date:
    if reused is not None and reused.deadline:
        try:
            return dt.date.fromisoformat(reused.deadline)
        except ValueError:
            pass
    return settings.deadline


def _reuse(
    ws: Workspace, d: Delivery | None, issued: Mapping[str, FormIdentity]
) -> list[GeneratedForm] | None:
    """The forms prepared for this delivery in an earlier run, when they are all still intact."""
    if d is None or not d.files:
        return None
    forms = []
    for f in d.files:
        path = ws.root / f.get("path", "")
        ident = issued.get(f.get("instance_id", ""))
        if ident is None or not path.is_file():
            return None
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != f.get("sha256"):
            return None
        forms.append(GeneratedForm(data, ident, path.suffix))
    return forms


def _prepare(
    ws: Workspace,
    recipient: Recipient,
    settings: RoundSettings,
    formats: Sequence[str],
    lang: str,
    schema: Schema,
    renderers: Mapping[str, Renderer],
    prefill: Callable[[Recipient], InstitutionRecord],
    log: SendLog,
    rng: random.Random | None = None,
) -> list[GeneratedForm]:
    record = prefill(recipient)
    if record.id != recipient.id:
        raise WrongRecipientError(
            f"the register returned the record of {record.id} for {recipient.id}; nothing was sent"
        )
    categories = recipient.categories or record.categories
    request = FormRequest("institution", tuple(categories), record, lang=lang)
    # a test's form is signed so that ingest never takes it for the institution's return
    identity = new_identity(
        schema, request, test_key(ws.secret) if settings.test_to else ws.secret, rng
    )
    forms = []
    for fmt in formats:
        if fmt not in renderers:
            raise MailError(f"no {fmt.upper()} generator was given for {recipient.id}'s form")
        form = renderers[fmt](schema, request, identity)
        if form.identity.instance_id != identity.instance_id:
            raise MailError(f"the {fmt} generator did not use the identity it was given")
        forms.append(form)
    if settings.test_to:  # a test's forms are nobody's: neither issued nor stored
        return forms
    made = IssuedForm.made(schema, request.record, *(f.data for f in forms))
    ws.record_issued([identity], {identity.instance_id: made}, schema=schema)
    folder = ws.forms_dir / "mail" / settings.round
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for form in forms:
        path = folder / f"{recipient.id}_{form.identity.reference}{form.suffix}"
        write_atomic(path, form.data)
        files.append(
            {
                "path": path.relative_to(ws.root).as_posix(),
                "sha256": hashlib.sha256(form.data).hexdigest(),
                "instance_id": form.identity.instance_id,
            }
        )
    log.append(
        "prepared",
        round=settings.round,
        kind=settings.kind,
        institution_id=recipient.id,
        name=recipient.name,
        email=recipient.email,
        categories=list(categories),
        instance_ids=[identity.instance_id],
        base_version=record.base_version,
        files=files,
        deadline=settings.deadline.isoformat(),
        lang=lang,
    )
    return forms


# --------------------------------------------------------------------------- who gets the next round


def prefill_from(
    lookup: Callable[[str], InstitutionRecord | None],
) -> Callable[[Recipient], InstitutionRecord]:
    """Prefill from the register when it knows the institution, else from the recipients row."""

    def prefill(recipient: Recipient) -> InstitutionRecord:
        return lookup(recipient.id) or recipient.record()

    return prefill


def register_recipients(
    view: RegisterView | None, deliveries: Sequence[Delivery] = (), *, force: bool = False
) -> RecipientList:
    """Every institution of the register, with the address the register holds, unless a mail
    to that address bounced or the server refused it for good (550 user unknown): then it is
    :attr:`RecipientList.unmailable` (:attr:`Recipient.dead_email`), until the register holds
    another address, or a coordinator set that one again by hand since (``formgen register
    set``: :class:`~formgen.tracking.Vouched`), or ``force``. One it holds none or an invalid
    one for (a returned form's e-mail field left blank, or holding ``info(at)example.org``)
    with the address that worked, that of its latest delivered mail in the send log
    (``deliveries``), unless that mail
    bounced, a later mail to that address was refused for good, or a coordinator removed the
    register's address by hand since (:func:`~formgen.tracking.fallback_email`): then it has
    none, and :attr:`Recipient.email_problem` says why (one with an invalid address is then
    :attr:`RecipientList.unmailable`, the address as given)."""
    if view is None:
        raise MailError(Said("mail_no_register"))
    records = [r for r in (view.record(i) for i in view.institution_ids()) if r is not None]
    listed = recipients_from_records(records)
    logged = institution_status(deliveries, None, dt.date.today())  # only its addresses count
    removed = view.emails_removed()
    vouched = view.emails_vouched()
    everyone = [
        _logged_address(r, logged.get(r.id), removed.get(r.id), vouched.get(r.id), force)
        for r in (*listed.recipients, *listed.unmailable)
    ]
    return replace(
        listed,
        recipients=tuple(r for r in everyone if r.email or not r.given_email),
        unmailable=tuple(r for r in everyone if r.given_email and not r.email),
    )


def _logged_address(
    recipient: Recipient,
    status: InstitutionStatus | None,
    removed: Removed | None,
    vouched: Vouched | None,
    force: bool,
) -> Recipient:
    """``recipient`` without a usable address in the register, with the one its latest
    delivered mail went to, or with why that one cannot be used either (one that went to
    another domain than the address it was meant for, as formgen wrote that before IDNA 2008,
    too: :func:`~formgen.tracking.fallback_elsewhere`); with the register's address known dead
    (unless ``force``), without an address, and why."""
    if recipient.email:
        if force:
            return recipient
        fix = Said("mail_fix_register", iid=recipient.id)
        return unless_dead(recipient, status, vouched, Said("mail_whose_register"), fix)
    known = (recipient.given_email,)
    if email := fallback_email(status, removed, known):
        assert status is not None and status.delivered is not None  # an address worked
        return replace(
            recipient,
            email=email,
            source=Said("mail_source_log_round", round=status.delivered.round),
            from_send_log=True,
        )
    if removed is not None:
        why: str = Said("mail_removed", removed=removed.said(), iid=recipient.id)
    elif status is not None and (meant := fallback_elsewhere(status, known)):
        assert status.delivered is not None  # an address worked, but for another domain
        fix = Said("mail_fix_register", iid=recipient.id)
        why = SaidJoined((_elsewhere_said(status.delivered, meant), fix), "; ")
    elif status is not None and (d := status.dead_address) is not None:
        why = Said(
            "mail_last_address_dead",
            email=d.email,
            round=d.round,
            how=_failed_how(d),
            error=d.last_error or Said("mail_not_delivered"),
        )
    else:
        return recipient
    return replace(
        recipient,
        email_problem=SaidJoined((recipient.email_problem, why), "; ")
        if recipient.email_problem
        else why,
    )


def unless_dead(
    recipient: Recipient,
    status: InstitutionStatus | None,
    vouched: Vouched | None,
    whose: str,
    fix: str,
) -> Recipient:
    """``recipient``, or without its address when a mail to it bounced or the server refused
    it for good (:meth:`InstitutionStatus.dead`, the one rule): then it is not mailed, and
    :attr:`Recipient.email_problem` says ``whose`` address failed how, in which round and on
    which day, and how to ``fix`` it."""
    dead = why_dead(recipient, status, vouched, whose)
    if not dead:
        return recipient
    return replace(
        recipient,
        email="",
        given_email=recipient.email,
        dead_email=True,
        email_problem=SaidJoined((dead, fix, FORCE_HINT), "; "),
    )


def why_dead(
    recipient: Recipient, status: InstitutionStatus | None, vouched: Vouched | None, whose: str
) -> str:
    """How a mail showed that ``recipient``'s address no longer works
    (:meth:`InstitutionStatus.dead`): ``the address … was refused by the server (550 …) in
    round R on DAY``; ``""`` while it works."""
    d = status.dead(recipient.email, vouched) if status is not None and recipient.email else None
    return dead_said(d, whose, recipient.email) if d is not None else ""


def dead_said(d: Delivery, whose: str, email: str) -> Said:
    """How the mail ``d`` showed ``whose`` address ``email`` no longer works: ``the address …
    was refused by the server (550 …) in round R on DAY``."""
    return Said(
        "mail_dead",
        whose=whose,
        email=shown_email(email),
        how=_failed_how(d),
        error=d.last_error or Said("mail_not_delivered"),
        round=d.round,
        day=d.last_failed_at[:10],
    )


ERASED_ADDRESS = Said("mail_erased_address")
"""Why an address of the send log cannot be mailed when the register does not say when it was
erased."""


def _erased(institution_id: str, removed: Mapping[str, Removed] | None) -> Said:
    """Why an erased address is none: when and why it was erased, where the register says."""
    gone = (removed or {}).get(institution_id)
    return gone.said() if gone is not None else ERASED_ADDRESS


def _elsewhere_said(d: Delivery, meant: str) -> Said:
    """Why no mail goes where the mail ``d`` went: another domain than the address ``meant``,
    as formgen wrote that before IDNA 2008 (:func:`~formgen.tracking.elsewhere_of`)."""
    return Said("mail_fallback_elsewhere", sent=d.email, round=d.round, email=shown_email(meant))


def _not_elsewhere(r: Recipient, status: InstitutionStatus, view: RegisterView | None) -> Recipient:
    """``r``, rebuilt from the send log, without its address where its latest mail went to
    another domain than the register's address or the list's a run of its round found
    (:func:`~formgen.tracking.went_elsewhere`), and why: a reminder goes there no more."""
    if not r.email:
        return r
    if not (meant := went_elsewhere(status, view.record(r.id) if view is not None else None)):
        return r
    return replace(r, email="", email_problem=_elsewhere_said(status.latest, meant))


def _failed_how(d: Delivery) -> Said:
    """How a mail showed its address does not work (:attr:`Delivery.failed_how`), to be said."""
    return Said("mail_bounced" if d.bounced else "mail_refused")


def recipients_from_log(
    statuses: Iterable[InstitutionStatus], removed: Mapping[str, Removed] | None = None
) -> list[Recipient]:
    """Recipients rebuilt from the send log (the address and checklists of their latest mail).
    One whose address was erased (``formgen register erase``) has none, and
    :attr:`Recipient.email_problem` says so, and when as far as ``removed`` (the register's
    :meth:`~formgen.tracking.RegisterView.emails_removed`) knows."""
    return [
        Recipient(
            s.institution_id,
            s.name or s.institution_id,
            s.email,
            s.categories,
            "",
            Said("mail_source_log"),
            email_problem=_erased(s.institution_id, removed) if s.latest.email_erased else "",
        )
        for s in statuses
    ]


def select(
    recipients: Sequence[Recipient], ids: Iterable[str]
) -> tuple[list[Recipient], list[str]]:
    """The recipients whose id is in ``ids`` (in list order) and the ids the list lacks."""
    wanted = list(dict.fromkeys(ids))
    by_id = {r.id: r for r in recipients}
    return [by_id[i] for i in wanted if i in by_id], [i for i in wanted if i not in by_id]


@dataclass
class Targets:
    """Who the next round is for, and who was left out and why."""

    recipients: list[Recipient]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(institution id, why): e.g. an update form is already on its way."""
    missing: list[str] = field(default_factory=list)
    """Institutions due for this round that the given recipients list lacks."""
    notes: list[str] = field(default_factory=list)
    nothing_due: bool = False
    incomplete: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    """Update rounds: per institution, category → the required fields the register lacks (the
    update mail names them)."""
    invalid: dict[str, dict[str, FieldProblems]] = field(default_factory=dict)
    """Update rounds: per institution, category → the fields holding an invalid value, with why
    (the update mail asks to check them)."""
    replies_to: dict[str, str] = field(default_factory=dict)
    """Reminder rounds: per institution, the Message-ID of the mail the reminder answers
    (:attr:`InstitutionStatus.thread_start`), so that mail programs show it in the same
    conversation. Update rounds start a new one: they ask again, months later, with a new form."""
    returned: set[str] = field(default_factory=set)
    """The form instances the register holds returns of (empty without a register)."""
    forced: dict[str, str] = field(default_factory=dict)
    """``force``: per institution whose address a mail showed no longer works, how
    (:func:`why_dead`); it is mailed there all the same."""


FORCE_HINT = Said("mail_force_hint")


def contact_address(record: InstitutionRecord | None) -> tuple[str, str] | None:
    """The e-mail address of the contact person a checklist of ``record`` names, and that
    checklist's id: the first usable one. A mail goes to the institution's own address only,
    so where it has none this one is offered, not taken: a person's own mailbox may be read
    by nobody else, and every later round would write to it."""
    for cid, values in (record.entries if record is not None else {}).items():
        address = str(values.get("contact_email", "")).strip()
        if address and check_email(address) is None:
            return cid, address
    return None


def reused_ids(
    listed: RecipientList, view: RegisterView | None, deliveries: Sequence[Delivery]
) -> RecipientList:
    """``listed`` with each row whose id is another institution's a problem of the list: the
    register's, or, where the register does not know the id, that of the latest mail the send
    log holds under it (a self-made id such as ``neu-1`` given again to a new institution in a
    later list). Its form would be the other's, prefilled with the other's data and its return
    merged into the other, or its mail counted as the other's, already sent. Another
    institution: a name not alike (:func:`~formgen.fold.alike_names`) and another address;
    both are named. So too an id the centre's list gave an institution of the register
    (:meth:`RegisterView.listed`). An id that differs from one of the register only in case (``Inst-A``,
    ``inst-a``) is a problem too: Windows takes their drafts and forms for one file."""
    sent = {d.institution_id: d for d in deliveries if d.name}  # the latest mail of each id
    folded = {i.casefold(): i for i in view.institution_ids()} if view is not None else {}
    own = view.listed() if view is not None else {}
    problems: list[Problem] = []
    kept: dict[str, list[Recipient]] = {"recipients": [], "unmailable": []}
    for part, rows in kept.items():
        for r in getattr(listed, part):
            iid = own.get(r.id, r.id)  # a list's own id: its institution's (in_place_of_merged)
            record = view.record(iid) if view is not None else None
            address = r.email or r.given_email
            said: Said | None = None
            d = sent.get(r.id)
            if record is not None:
                theirs = str(record.institution.get("email", ""))
                if not (alike_names(record.name, r.name) or _same_address(theirs, address)):
                    key = "mail_list_reused_id" if iid == r.id else "mail_list_reused_list_id"
                    said = Said(key, rid=r.id, iid=iid, other=record.name, name=r.name)
            elif (same := folded.get(r.id.casefold())) is not None and view is not None:
                other = view.record(same)
                name = other.name if other is not None else ""
                said = Said("mail_list_id_case", rid=r.id, theirs=same, other=name)
            elif d is not None and not (
                alike_names(d.name, r.name) or _same_address(d.email, address)
            ):
                said = Said(
                    "mail_list_reused_sent_id",
                    rid=r.id,
                    other=d.name,
                    email=d.email,
                    round=d.round,
                    name=r.name,
                )
            if said is None:
                rows.append(r)
            else:
                problems.append(Problem(r.source, None, said))
    if not problems:
        return listed
    return replace(
        listed,
        recipients=tuple(kept["recipients"]),
        unmailable=tuple(kept["unmailable"]),
        problems=(*listed.problems, *problems),
        invalid_rows=listed.invalid_rows + len(problems),
    )


def _same_address(a: str, b: str) -> bool:
    return bool(a and b) and address_key(a) == address_key(b)


def in_place_of_merged(
    listed: Sequence[Recipient], view: RegisterView | None, retired: Mapping[str, str]
) -> tuple[list[Recipient], list[str]]:
    """A recipients list's rows, those naming an institution merged into another (``formgen
    register merge``) as rows of the one it was merged into (mailed, prefilled, named and
    logged as that one: the mail names the institution its form is for), or left out where the
    list names that one already; so too a row giving the id the centre's list gave an
    institution of the register (:meth:`RegisterView.listed`: ``register import`` kept its
    ``Kennung``), as a row of that institution; a row of an institution of the register under
    the register's name (:func:`_as_registered`); and a note on each."""
    merged = view.merged() if view else {}
    own = view.listed() if view else {}
    named = {r.id for r in listed}
    rows: list[Recipient] = []
    notes: list[str] = []
    instead: list[str] = []
    for r in listed:
        if (ours := own.get(r.id)) is not None:
            if ours in named:
                notes.append(Said("mail_list_id_listed", iid=r.id, source=r.source, keep=ours))
                continue
            instead.append(f"{r.id} → {ours}")
            named.add(ours)
            r = replace(r, id=ours)
        keep = merged.get(r.id)
        if keep is None:
            rows.append(_as_registered(r, view, notes))
            continue
        key = "mail_merged_listed" if keep in named else "mail_merged_instead"
        notes.append(Said(key, iid=r.id, source=r.source, retired=retired[r.id], keep=keep))
        if keep not in named:
            named.add(keep)
            kept = view.record(keep) if view else None
            rows.append(replace(r, id=keep, name=kept.name if kept else r.name))
    if instead:  # each row of a centre's list, it may be: how many, and the first
        shown = ", ".join(instead[:3]) + (", …" if len(instead) > 3 else "")
        notes.insert(0, said_count("mail_list_ids", len(instead), ids=shown))
    return rows, notes


def _as_registered(r: Recipient, view: RegisterView | None, notes: list[str]) -> Recipient:
    """``r`` named as the register names its institution: its form is prefilled with the
    register's name, so its mail says that one too; a note in ``notes`` where the list's is
    another (not one only written otherwise, „Sule Yilmaz“), with how to rename it."""
    record = view.record(r.id) if view is not None and r.name else None
    kept = " ".join(record.name.split()) if record is not None else ""  # as a mail names it
    if not kept or kept == r.name:
        return r
    if fold(kept) != fold(r.name):
        notes.append(
            Said("mail_list_other_name", iid=r.id, source=r.source, name=r.name, kept=kept)
        )
    return replace(r, name=kept)


def round_targets(
    kind: str,
    listed: Sequence[Recipient] | None,
    deliveries: Sequence[Delivery],
    view: RegisterView | None,
    today: dt.date,
    *,
    round_name: str = "",
    force: bool = False,
) -> Targets:
    """The recipients of a round of ``kind``.

    ``invitation``: the list as given, except institutions whose form from another round is still
    on its way (mailed, not returned, deadline not passed): a second form would cross it; and
    except those the register has retired. ``reminder``: institutions whose form is overdue,
    and those whose reminder failed (:func:`failed_reminder_ids`; addresses from ``listed``
    when given, else from the send log), never a retired one. ``update``:
    institutions with stale entries (addresses from ``listed``: a CSV, or the register and,
    where it has none, the send log: :func:`register_recipients`),
    except those with a form on its way (a retired institution is on no update list).
    An invitation skips too a row whose institution this round mailed under another id
    already (:func:`mailed_as`).
    ``force`` mails those whose form is on its way, the retired ones a list names, and those
    mailed under another id, all the same (never twice under one id in one round). A row of ``listed`` naming an institution merged into
    another is that one's (:func:`in_place_of_merged`), in every kind of round.

    No round mails an address that bounced or that the server refused for good
    (:func:`unless_dead`), of ``listed`` or of the send log (for those an update round adds
    from it, mailed in this round; for a reminder round without ``listed``), unless a
    coordinator vouched for it by hand since, or ``force``: those are in
    :attr:`Targets.recipients` without an address (:attr:`Recipient.dead_email`), to be
    reported and logged as not mailed; with ``force``, :attr:`Targets.forced` says how each
    such address failed.
    """
    returned = view.returned_instances() if view else None
    retired = view.retired() if view else {}
    statuses = institution_status(deliveries, returned, today, own_forms(view, deliveries))
    notes: list[str] = []
    if returned is None and kind != "invitation":
        notes.append(Said("mail_note_unmatched"))
    skipped: list[tuple[str, str]] = []
    gone: list[tuple[str, str]] = []
    """(institution id, why): a recipients row naming a retired institution."""
    incomplete: dict[str, dict[str, tuple[str, ...]]] = {}
    invalid: dict[str, dict[str, FieldProblems]] = {}
    replies_to: dict[str, str] = {}
    from_log: set[str] = set()
    """The institutions whose address comes from the send log: those an update round adds to
    the list (mailed in this round); every one of a reminder round without a list."""
    elsewhere: str = Said("mail_elsewhere_list")
    """How to fix an address from the send log that no longer works."""
    if listed is not None:  # a row naming an institution merged into another is that one's
        listed, merged = in_place_of_merged(listed, view, retired)
        notes.extend(merged)
    if kind == "invitation":
        pool = list(listed or ())
        gone = [
            (r.id, Said("mail_retired", retired=retired[r.id], iid=r.id))
            for r in pool
            if r.id in retired
        ]
        current = [r.id for r in pool if r.id not in retired]
        ids, skipped = split_on_its_way(current, statuses, round_name)
        twins = mailed_as(pool, deliveries, round_name)
        if force:
            ids = [r.id for r in pool]
            if twins:
                shown = ", ".join(f"{iid} ({old})" for iid, old in twins.items())
                notes.append(said_count("mail_note_force_twin", len(twins), ids=shown))
        else:
            ids = [i for i in ids if i not in twins]
    elif kind == "reminder":
        # a reminder that failed goes again: one not delivered yet (451) as it was, one that
        # bounced or was refused for good only where the one rule lets it (below)
        due = [*overdue_ids(statuses), *failed_reminder_ids(statuses)]
        ids = sorted(i for i in due if i not in retired)
        if not force:  # a reminder of a round the centre moved on from: skipped, said why
            skipped = superseded(statuses, ids, deliveries, today)
            passed = {i for i, _ in skipped}
            ids = [i for i in ids if i not in passed]
        if listed is None:
            from_log = set(ids)
            elsewhere = Said("mail_elsewhere_overdue")
            pool = [
                replace(r, email_problem=SaidJoined((r.email_problem, elsewhere), "; "))
                if r.email_problem
                else r
                for r in (
                    _not_elsewhere(r, statuses[r.id], view)
                    for r in recipients_from_log(
                        (statuses[i] for i in ids), view.emails_removed() if view else None
                    )
                )
            ]
        else:
            pool = list(listed)
        replies_to = {i: start for i in ids if (start := statuses[i].thread_start)}
    elif kind == "update":
        stale = view.stale() if view else None
        if stale is None:
            raise MailError(Said("mail_no_register_stale"))
        # a rerun of this round decides about its own mails (done already), not "on its way"
        ids, skipped = split_on_its_way(sorted(stale), statuses, round_name)
        if force:
            ids = sorted(stale)
        # the update form asks about the stale checklists only
        pool = [replace(r, categories=stale[r.id]) if r.id in stale else r for r in listed or ()]
        # mailed in this round already, though the list given now lacks them: done, as logged
        given = {r.id for r in pool}
        logged = recipients_from_log(
            statuses[i]
            for i in ids
            if i not in given
            and i in statuses
            and statuses[i].latest.round == round_name
            and statuses[i].latest.delivered
        )
        pool += logged
        from_log = {r.id for r in logged}
        incomplete = {i: m for i, m in ((view.missing() if view else None) or {}).items() if m}
        invalid = {i: m for i, m in ((view.invalid() if view else None) or {}).items() if m}
    else:
        raise MailError(f"unknown kind of round '{kind}'")
    forced: dict[str, str] = {}
    # an address that bounced or was refused for good is not mailed, the list's (or the send
    # log's) as the register's is not (register_recipients)
    vouched = view.emails_vouched() if view else {}
    if force:
        forced = {
            r.id: why
            for r in pool
            if (why := why_dead(r, statuses.get(r.id), vouched.get(r.id), Said("mail_whose")))
        }
    else:
        pool = [
            unless_dead(
                r,
                statuses.get(r.id),
                vouched.get(r.id),
                Said("mail_whose"),
                elsewhere if r.id in from_log else Said("mail_correct_in", source=r.source),
            )
            for r in pool
        ]
    if force and skipped:
        ids_ = ", ".join(iid for iid, _ in skipped)
        notes.append(said_count("mail_note_force_on_its_way", len(skipped), ids=ids_))
        skipped = []
    if force and gone:
        ids_ = ", ".join(iid for iid, _ in gone)
        notes.append(said_count("mail_note_force_retired", len(gone), ids=ids_))
        gone = []
    skipped = [(iid, SaidJoined((why, FORCE_HINT), "; ")) for iid, why in [*gone, *skipped]]
    if kind == "invitation" and not force:  # their own words of --force
        told = {iid for iid, _ in skipped}
        skipped += [
            (r.id, Said("mail_twin", round=round_name, old=twins[r.id], email=r.email))
            for r in pool
            if r.id in twins and r.id not in told
        ]
    chosen, missing = select(pool, ids)
    nothing_due = kind != "invitation" and not ids and not skipped
    wanted = {r.id for r in chosen}
    return Targets(
        chosen,
        skipped,
        missing,
        notes,
        nothing_due=nothing_due,
        incomplete={i: m for i, m in incomplete.items() if i in wanted},
        invalid={i: m for i, m in invalid.items() if i in wanted},
        replies_to={i: m for i, m in replies_to.items() if i in wanted},
        returned=returned or set(),
        forced={i: why for i, why in forced.items() if i in wanted},
    )


def mailed_as(
    listed: Sequence[Recipient], deliveries: Sequence[Delivery], round_name: str
) -> dict[str, str]:
    """Per row of ``listed`` not mailed in round ``round_name`` under its own id, the id under
    which that round mailed the same institution already (the same name but for case, accents
    and spacing, and the same address): a list of the centre's own ids (``dn-01``) after one
    with others (``1``). Mailed again, it would get a second form, and count twice. Names only
    alike are two institutions a Träger's one address may serve („Betreutes Wohnen Haus 1“,
    „… Haus 2“)."""
    mailed = [d for d in deliveries if d.round == round_name and d.delivered]
    own = {d.institution_id for d in mailed}
    by_address: dict[str, list[Delivery]] = {}
    for d in mailed:
        if d.email:
            by_address.setdefault(address_key(d.email), []).append(d)
    out: dict[str, str] = {}
    for r in listed:
        if r.id in own or not r.email:
            continue
        same = (
            d for d in by_address.get(address_key(r.email), ()) if _words(d.name) == _words(r.name)
        )
        if (twin := next(same, None)) is not None:
            out[r.id] = twin.institution_id
    return out


def _words(name: str) -> list[str]:
    """``name``'s words but for case and accents (:func:`~formgen.fold.fold`)."""
    return re.findall(r"\w+", fold(name))


def overdue_ids(statuses: Mapping[str, InstitutionStatus]) -> list[str]:
    return sorted(i for i, s in statuses.items() if s.state == "overdue")


def failed_reminder_ids(statuses: Mapping[str, InstitutionStatus]) -> list[str]:
    """Institutions whose latest mail, a reminder, failed: it bounced or was refused for good
    (the next reminder round sends it again, where the rule of every round lets it go:
    :func:`unless_dead`), or it was not delivered yet (451, a broken connection: a rerun of its
    round, or the next one, sends it); a failed invitation or update form goes again in its
    own round."""
    return sorted(
        i for i, s in statuses.items() if s.state == "failed" and s.latest.kind == "reminder"
    )


# --------------------------------------------------------------------------- bounces


@dataclass(frozen=True)
class BounceMatch:
    bounce: Bounce
    delivery: Delivery | None
    new: bool
    """False when this bounce was recorded before."""


def record_bounces(ws: Workspace, bounces: Iterable[Bounce]) -> list[BounceMatch]:
    """Match bounces to sent mails (Message-ID, then institution, then address) and log them;
    a test mail's bounce matches none (its header names the institution whose mail it copied).

    Addresses match whatever form the bounce writes the domain in (``büro.example`` or
    ``xn--bro-hoa.example``)."""
    log = SendLog(ws.root)
    deliveries = [d for d in log.deliveries() if d.delivered]
    by_mid = {d.message_id: d for d in deliveries if d.message_id}
    latest_by_inst: dict[str, Delivery] = {}
    latest_by_addr: dict[str, Delivery] = {}
    for each in sorted(deliveries, key=lambda d: d.delivered_at):
        latest_by_inst[each.institution_id] = each
        latest_by_addr[address_key(each.email)] = each
    out = []
    for b in bounces:
        if b.test:
            out.append(BounceMatch(b, None, False))
            continue
        d = by_mid.get(b.message_id) if b.message_id else None
        if d is None and b.institution_id:
            d = latest_by_inst.get(b.institution_id)
        if d is None:
            d = latest_by_addr.get(address_key(b.address))
        if d is None:
            out.append(BounceMatch(b, None, False))
            continue
        seen = any(
            f.get("bounce") and f.get("source") == b.source and f.get("email") == b.address
            for f in d.failures
        )
        if not seen:
            log.append(
                "failed",
                round=d.round,
                institution_id=d.institution_id,
                email=b.address,
                instance_ids=list(d.instance_ids),
                error=f"bounce {b.status} {b.diagnostic}".strip(),
                code=None,
                permanent=b.permanent,
                action=b.action,  # failed with a 4.x.x: the server gave up, the mail goes again
                bounce=True,
                source=b.source,
            )
            d.failures.append({"bounce": True, "source": b.source, "email": b.address})
        out.append(BounceMatch(b, d, not seen))
    return out


# --------------------------------------------------------------------------- status


@dataclass
class MailingStatus:
    """What ``formgen status`` shows: the numbers, and one row per institution mailed."""

    summary: StatusSummary
    rows: list[dict[str, Any]]
    """By institution id: ``id``, ``name`` (as the register has it now; ``""`` and
    ``name_erased`` when ``formgen register erase`` erased it), ``mailed_name``,
    ``email``, ``state``, and of its latest mail ``round``, ``mailed``, ``deadline``,
    ``instances``; ``answered`` (the rounds it answered) and ``error`` (why it failed, or
    for ``not_mailed`` why its address cannot be mailed; ``reason``: ``no_email``,
    ``invalid_email`` or ``dead_email``, ``email`` then the address as given; for
    ``not_made`` why its form could not be made);
    ``refused_for_good`` (failed: only a corrected address gets a mail through; else a rerun
    of its round sends it; one never reached whose mail was refused for good is ``not_mailed``,
    ``reason`` ``dead_email``); ``mail_refused`` (failed: the server refused the mail itself,
    its size or its content: to be changed, or the provider asked, before a rerun sends it);
    ``delayed`` (outstanding or overdue: the delay notice of its
    mail, ``at``, ``error`` and ``until``, the day the receiving server may try until; None:
    none); ``not_made``: ``round``, ``error`` and ``at`` of each form that
    could not be made since its latest mail went out (:attr:`InstitutionStatus.not_made`)."""

    def to_json(
        self, quarantine: Mapping[str, int], dealt_with: Mapping[str, int]
    ) -> dict[str, Any]:
        """``formgen status --json``; ``quarantine``: files kept aside and still open, by kind;
        ``dealt_with``: those kept aside that were dealt with, by kind."""
        s = self.summary
        return {
            "institutions": s.institutions,
            "counts": s.counts,
            "refused_for_good": s.refused_for_good,
            "not_mailed": s.not_mailed,
            "not_made": s.not_made,
            "elsewhere": s.elsewhere,
            "retired": s.retired,
            "answered": s.answered,
            "answered_before": s.answered_before,
            "rounds": [r.to_json() for r in s.rounds],
            "via": s.via,
            "stale": s.stale,
            "stale_by": s.stale_by.isoformat() if s.stale_by else None,
            "to_update": s.to_update,
            "update_waiting": s.update_waiting,
            "conflicts": s.conflicts,
            "without_email": list(s.without_email),
            "without_email_reasons": s.without_email,
            "returns_known": s.returns_known,
            "quarantine": dict(quarantine),
            "quarantine_dealt_with": dict(dealt_with),
            "notes": [n.text for n in s.notes],
            "rows": self.rows,
        }


def mailing_status(ws: Workspace, view: RegisterView | None, today: dt.date) -> MailingStatus:
    """Each institution by its latest mail in the send log, matched to the returns the register
    (``view``, None without one) holds; damaged lines of the log are skipped with a note. The
    mails of a retired institution are left out: it is waited for no longer."""
    returned = view.returned_instances() if view else None
    # a damaged line of issued.jsonl said (once a run): a return of its form waits in the
    # quarantine, so the institution counts as not answered until the log is restored
    ws.issued_damaged()
    log = SendLog(ws.root)
    retired = view.retired() if view else {}
    # a retired institution is no longer waited for: out of every count and row
    deliveries = [d for d in log.deliveries() if d.institution_id not in retired]
    own = own_forms(view, deliveries)  # its own form answers the round too
    statuses = institution_status(deliveries, returned, today, own)
    rounds = round_status(deliveries, returned, today, own)
    summary = summarise(statuses, view, returned is not None, rounds)
    summary.superseded = len(superseded(statuses, overdue_ids(statuses), deliveries, today))
    if log.damaged_lines:
        lines = ", ".join(map(str, log.damaged_lines))
        summary.notes.append(
            Note("damaged", f"sendlog.jsonl: damaged line(s) {lines} skipped", {"lines": lines})
        )
    records = {i: view.record(i) if view is not None else None for i in statuses}
    rows = [
        {
            "id": s.institution_id,
            "name": (name := current_name(s, records[s.institution_id])),
            "name_erased": not name and s.latest.name_erased,
            "mailed_name": s.name,
            "email": s.email,
            "state": s.state,
            "round": s.latest.round,
            "mailed": s.latest.delivered_at,
            "deadline": s.deadline,
            "instances": list(s.latest.instance_ids),
            "answered": s.answered,
            "error": {
                "failed": s.latest.last_error,
                "not_mailed": not_mailed_said(s.latest),
                "not_made": not_made_said(s.latest),
            }.get(s.state, ""),
            "reason": s.not_mailed_reason,
            # the server may have taken it: a run ended before its answer was logged
            "maybe_sent": s.latest.maybe_sent_at if s.state == "prepared" else "",
            # went to another domain than the register's address: formgen's before IDNA 2008
            "elsewhere": went_elsewhere(s, records[s.institution_id]),
            "refused_for_good": s.state == "failed" and s.latest.refused_for_good,
            "mail_refused": s.state == "failed" and s.latest.refused_whole_mail,
            # the receiving server still tries: on its way, not to be sent again
            "delayed": _delayed(s.latest) if s.state in ("outstanding", "overdue") else None,
            "not_made": [
                {"round": d.round, "error": not_made_said(d), "at": d.not_made_at}
                for d in s.not_made
            ],
        }
        for s in sorted(statuses.values(), key=lambda s: s.institution_id)
    ]
    summary.elsewhere = [str(r["id"]) for r in rows if r["elsewhere"]]
    return MailingStatus(summary, rows)


def _delayed(d: Delivery) -> dict[str, str] | None:
    """The delay notice of ``d``'s mail (:attr:`Delivery.delay`) for a row of ``formgen
    status``: when it was recorded, what the server said, and the day until which the receiving
    server may go on trying (:func:`~formgen.tracking.delay_until`)."""
    notice = d.delay
    if notice is None:
        return None
    return {
        "at": str(notice.get("at", "")),
        "error": str(notice.get("error", "")),
        "until": delay_until(d).isoformat(),
    }
