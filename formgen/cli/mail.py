"""``formgen mail`` and ``formgen status``: mail each institution its own form; see who answered."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from formgen.bounces import address_key, read_bounces
from formgen.cli.common import (
    DATE,
    SaidHelp,
    agreed,
    columns,
    echo,
    echo_fitted,
    echo_json,
    encoding_option,
    lang_option,
    library_errors,
    read_list,
    read_recipients,
    stale_by_option,
    workspace_language,
    workspace_option,
)
from formgen.errors import (
    MailError,
    NotAFileError,
    RecipientsError,
    SchemaError,
    UnreadableFileError,
)
from formgen.filenames import terminal
from formgen.languages import name as language_name
from formgen.linebreak import breaks_shown
from formgen.mailing import parse_template
from formgen.mailrun import (
    DraftWriter,
    Outcome,
    RoundReport,
    RoundSettings,
    SmtpSender,
    check_sender,
    contact_address,
    default_renderers,
    default_round,
    mail_round,
    mailing_status,
    plan_round,
    prefill_from,
    record_bounces,
    record_elsewhere,
    record_not_mailed,
    register_recipients,
    reused_ids,
    round_targets,
    smtp_settings,
)
from formgen.messages import (
    WORDS,
    SaidJoined,
    day_text,
    in_language,
    os_error_said,
    round_text,
    say,
    say_count,
)
from formgen.recipients import (
    FORMAT_CHOICES,
    Recipient,
    RecipientList,
    address_in,
    check_email,
    look_alike,
    shown_email,
)
from formgen.record import erased_shown
from formgen.roundforms import forget, round_forms
from formgen.schema_load import mail_problems
from formgen.sendlog import Delivery, SendLog
from formgen.tracking import (
    ROUND_COLUMNS,
    STATES,
    UNUSABLE,
    RegisterView,
    RoundStatus,
    unusable_counts,
)
from formgen.workspace import Workspace
from ingest.tables import fold, pad, width

if TYPE_CHECKING:
    from formgen.smtp import SmtpSettings
    from ingest.mailview import WorkspaceRegisterView
    from ingest.quarantine import Kept


def _register_view(ws: Workspace, today: dt.date) -> WorkspaceRegisterView | None:
    from ingest.mailview import WorkspaceRegisterView  # the CLI is the one place knowing both

    view = WorkspaceRegisterView(ws, today)
    return view if view.available else None


@click.command("mail", cls=SaidHelp)
@click.argument("recipients", type=click.Path(dir_okay=False, exists=True), required=False)
@workspace_option
@click.option("--from-register", is_flag=True, help="Mail every institution of the register.")
@click.option(
    "--overdue", is_flag=True, help="Remind institutions whose form is overdue (fresh form)."
)
@click.option(
    "--stale",
    is_flag=True,
    help="Ask every institution 'formgen register stale' lists for an update.",
)
@stale_by_option(
    "With --stale: also ask for the entries that will be out of date on this date "
    "(15.12.2026 or 2026-12-15; e.g. the round's deadline or the next meeting), as "
    "'formgen register stale --today DATE' lists them."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMAT_CHOICES), case_sensitive=False),
    default=None,
    help="Attach the form as PDF, Word (DOCX) or both, for every institution (default: the "
    "format column of RECIPIENTS, else as the institution's last mail, e.g. Word again in a "
    "reminder; pdf for an institution not mailed before).",
)
@lang_option(
    "Language of mail and form, for every institution (default: the language column of "
    "RECIPIENTS, else as the institution's last mail, e.g. English again in a reminder; the "
    "workspace's for an institution not mailed before, and for all with --template).",
)
@click.option(
    "--deadline",
    type=DATE,
    default=None,
    help="Return date (15.12.2026 or 2026-12-15), today or later.",
)
@click.option(
    "--days",
    type=click.IntRange(1, 365),
    default=28,
    show_default=True,
    help="Return date in N days (when no --deadline).",
)
@click.option(
    "--round",
    "round_name",
    default=None,
    help="Name of this round (default: invitation-YEAR, reminder-DATE, update-DATE); a rerun of a round never mails anyone twice.",
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Own mail template for this run, in one language: first line 'Betreff: …', then the body; placeholders {name} {deadline} {sender} {centre} {reference} {categories} {title} {short_title} {formats} {missing} (a workspace's own texts, one per kind and language: mail_templates/invitation.en.txt etc. in the workspace).",
)
@click.option(
    "--drafts",
    "drafts_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Write .eml drafts to DIR (open in Outlook/Thunderbird, then send).",
)
@click.option("--send", is_flag=True, help="Send through the SMTP server of workspace.toml [smtp].")
@click.option(
    "--test-to",
    metavar="ADDRESS",
    default=None,
    help="A test first: the same mails with the same prefilled forms, every one to ADDRESS "
    "only (your own), its subject marked [TEST]; nothing is logged, so the round, 'formgen "
    "status' and later rounds stay as they were. With --send or --drafts DIR.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Only show who would get which mail; nothing is made, sent or logged.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Also mail institutions whose form from another round is still on its way (mailed, "
    "not returned, deadline not passed), retired ones a RECIPIENTS row names, and addresses "
    "that bounced or were refused for good (a line says each such address); they are "
    "skipped otherwise.",
)
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Mail the valid rows of a recipients list some of whose rows have problems (a list "
    "that cannot be read as a whole, such as an .xls or a damaged workbook, is refused all the "
    "same).",
)
@click.option(
    "--rate",
    type=click.FloatRange(min=0),
    default=None,
    help="At most N mails per minute (default: [smtp] rate, 30).",
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Also say the Message-ID of each mail sent (the send log keeps it in any case).",
)
@click.option(
    "--forget-forms",
    is_flag=True,
    help="With --round ROUND: delete the forms kept for the round (forms/mail/ROUND/) once all "
    "its mails have gone; issued.jsonl and the send log stay.",
)
@click.option("--yes", is_flag=True, help="With --forget-forms: do not ask before deleting.")
@encoding_option
@click.option("--seed", type=int, hidden=True, help="Reproducible form ids (formgen demo).")
@library_errors
def mail(
    recipients: str | None,
    workspace_dir: str,
    from_register: bool,
    overdue: bool,
    stale: bool,
    stale_by: dt.date | None,
    fmt: str | None,
    lang: str | None,
    deadline: dt.date | None,
    days: int,
    round_name: str | None,
    template: str | None,
    drafts_dir: str | None,
    send: bool,
    test_to: str | None,
    dry_run: bool,
    force: bool,
    skip_invalid: bool,
    rate: float | None,
    verbose: bool,
    forget_forms: bool,
    yes: bool,
    encoding: str | None,
    seed: int | None,
) -> None:
    """Mail each institution its own prefilled form, as drafts (--drafts DIR) or via SMTP (--send).

    Recipients come from RECIPIENTS (an Excel workbook, XLSX, read from its first sheet, or a
    CSV, with id, institution, email, categories, region and optionally language and format of
    each institution's mail and form; Excel CSVs with ';' in Windows-1252 (1254, 1250, 1251
    from a Turkish, Polish or Czech, Cyrillic Windows) or UTF-8 read as they are) or
    --from-register.
    --overdue and --stale make the next round: reminders for forms not returned in time, and
    update requests for stale entries, each with a freshly prefilled form. A reminder belongs
    to the latest round: one whose institution's round was followed by another invitation or
    update round, begun after its deadline and itself past its deadline now, is skipped and
    the line says so (--force reminds it all the same); an institution that returned a form made for it during the round
    ('formgen generate pdf --institution ID') answered it.
    Every step is logged in sendlog.jsonl, and each form mailed is kept in the workspace's
    forms/mail/ROUND/ folder (a test's are not); running the same command again sends only
    what is still missing.

    --stale mails the update list of 'formgen register stale': every institution with an entry
    out of date, incomplete, holding invalid values or never confirmed by the institution itself
    (typed in by the centre or sent on a checklist by someone else), asking only about those
    checklists.

    No round mails an address, the list's or the register's, to which a mail bounced or that
    the server refused for good (550), in an earlier run of the round or an earlier round: the
    institution is NOT MAILED, and the line says why, unless --force ('mailed despite: the
    address … was refused …' says each one it mails so), or the coordinator set that address by
    hand since ('formgen register set ID institution.email ADDRESS': set again, it vouches for
    it). So --overdue sends a reminder that bounced or was refused again only to a corrected
    address (a RECIPIENTS file or --from-register), or to one vouched for, or with --force; one
    the server put off (451) goes again when the same command runs again.

    --from-register and --stale mail each institution at the register's address; where the
    register has none (its returned form left the e-mail field blank) or an invalid one, at the
    address its latest delivered mail went to (the send log), unless that mail bounced, a
    later mail to that address was refused for good, the register's address was removed by
    hand since ('formgen register set ID institution.email --clear'), or it went to the
    address with 'ss' for 'ß', another domain, as formgen wrote it before 25.11.2026.

    An institution whose form from another round is still on its way (mailed, not returned,
    deadline not passed) is not mailed again, neither by --stale nor by a RECIPIENTS file or
    --from-register: the output lists it as skipped. --force mails it all the same.

    An institution retired from the register ('formgen register retire') gets no mail: no
    round of the register has it, and a RECIPIENTS row naming it is skipped with when it was
    retired, unless --force.
    --test-to ADDRESS sends yourself a test first: the mails this command would send, each
    with its institution's prefilled form, go to ADDRESS only (or are written as drafts to
    it), the subject marked '[TEST, an info@…]'; nothing is logged, so the round, 'formgen
    status', reminders and the real run stay as if the test had not been.

    --forget-forms --round ROUND deletes the forms kept for a round that is done (every mail
    sent or written as a draft, or its address refused for good), saying how many files and
    how much it frees, after asking (--yes: without; --dry-run: only says it); a round with
    mails not yet gone is refused. Its returns are still recognised and counted: issued.jsonl
    and the send log stay.
    """
    if forget_forms or yes:
        lang_ws = workspace_language(workspace_dir)
        if not forget_forms:
            raise click.UsageError(say("mail_usage_yes", lang_ws))
        if not round_name:
            raise click.UsageError(say("mail_usage_forget", lang_ws))
        if others := _given_besides(FORGET_TAKES):
            raise click.UsageError(say("mail_usage_forget_not", lang_ws, options=others))
        _forget_forms(Workspace.open(workspace_dir), round_name, dry_run, yes)
        return
    if bool(drafts_dir) == send:
        raise click.UsageError(say("mail_usage_where", workspace_language(workspace_dir)))
    if overdue and stale:
        raise click.UsageError(say("mail_usage_overdue_stale", workspace_language(workspace_dir)))
    if recipients and from_register:
        raise click.UsageError(
            say("mail_usage_list_or_register", workspace_language(workspace_dir))
        )
    if not (recipients or from_register or overdue or stale):
        raise click.UsageError(say("mail_usage_whom", workspace_language(workspace_dir)))
    if stale_by is not None and not stale:
        raise click.UsageError(say("mail_usage_stale_by", workspace_language(workspace_dir)))
    if deadline is not None and deadline < dt.date.today():
        raise click.UsageError(
            say(
                "mail_usage_deadline_past",
                workspace_language(workspace_dir),
                deadline=deadline.isoformat(),
                today=dt.date.today().isoformat(),
            ),
            ctx=click.get_current_context(),
        )

    if test_to is not None:
        # as a mail program copies it, "Maria Müller <maria@spkom.example>": the address in <…>
        test_to = address_in(test_to) or test_to
        if why := check_email(test_to):
            lang_ws = workspace_language(workspace_dir)
            raise click.BadParameter(in_language(why, lang_ws), param_hint="'--test-to'")

    ws = Workspace.open(workspace_dir)
    if ws.config.get("schema", {}).get("path") and (unmailable := mail_problems(ws.schema_file)):
        raise SchemaError(unmailable)  # no institution field name / email: no row could be mailed
    check_sender(ws)  # before anything is planned: a dry run that passes, the real run must too
    # and so the [smtp] settings --send uses: nothing planned, shown or logged without them
    smtp = smtp_settings(ws) if send else None
    if not dry_run:  # a run holding the workspace (another round) is said before the plan
        with ws.lock():
            pass
    schema = ws.schema()
    today = dt.date.today()
    kind = "reminder" if overdue else "update" if stale else "invitation"
    settings = RoundSettings(
        round=round_name or default_round(kind, today),
        kind=kind,
        formats=FORMAT_CHOICES[fmt or "pdf"],
        formats_given=fmt is not None,
        lang=lang or ws.language,
        lang_given=lang is not None,
        deadline=deadline or today + dt.timedelta(days=days),
        template=parse_template(Path(template).read_text("utf-8"), template) if template else None,
        deadline_given=deadline is not None
        or click.get_current_context().get_parameter_source("days")
        is click.core.ParameterSource.COMMANDLINE,
        seed=seed,
        test_to=test_to or "",
    )
    settings.resolved_template(ws.templates_dir)  # a broken template fails before anything is made
    view = _register_view(ws, stale_by or today)
    log = SendLog(ws.root)
    deliveries = log.deliveries()

    listed = _recipient_list(
        recipients,
        from_register or (stale and not recipients),
        schema,
        view,
        ws.language,
        deliveries,
        force,
        encoding,
    )
    if test_to:
        _check_test_to(test_to, ws, view, listed)
    if listed is not None:
        _echo_problems(listed, skip_invalid, ws.language)
        for r in listed.with_email:  # mailed all the same: the address is the institution's word
            if said := look_alike(r.email):
                note = f"{r.id}: {in_language(said, ws.language)}"
                echo_fitted(say("mail_note", ws.language, note=note), err=True)
    targets = round_targets(
        kind,
        # those whose address cannot be mailed are in the round too: reported and logged as not mailed
        [*listed.recipients, *listed.unmailable] if listed is not None else None,
        deliveries,
        view,
        today,
        round_name=settings.round,
        force=force,
    )
    out = ws.language  # what the command says; the mails go in each institution's language
    for note in targets.notes:
        echo_fitted(say("mail_note", out, note=in_language(note, out)), err=True)
    for iid in targets.missing:
        echo_fitted(say("mail_not_in_list", out, iid=iid), err=True)
    if targets.nothing_due:
        echo_fitted(say("mail_nothing_overdue" if overdue else "mail_nothing_stale", out))
        return
    pool = targets.recipients
    returned = targets.returned
    plan = plan_round(pool, deliveries, settings, "send" if send else "drafts", returned, force)
    # one report: those left out before the plan (a form on its way) are counted and listed
    # like those the plan skips (already done in this round)
    left_out = say("mail_left_out", out, n=len(targets.skipped)) if targets.skipped else ""
    invalid = listed.invalid_rows if listed is not None else 0
    if recipients and listed is not None:
        # a row whose address cannot be mailed, of an institution this round is not for, was
        # told as skipped (invalid): it is left out as every other invalid row is
        in_round = {r.id for r in targets.recipients} | {iid for iid, _ in targets.skipped}
        invalid += sum(r.id not in in_round for r in listed.unmailable)
    unusable = [r.not_mailed_reason for r in plan.without_email]
    words = {k: say(f"status_unusable_{k}", out) for k in UNUSABLE}
    if test_to:
        echo_fitted(say("mail_test_note", out, address=test_to))
    echo_fitted(
        say(
            "mail_round_head",
            out,
            round=settings.round,
            # a round formgen named by its kind (Einladung 2026) says it once
            kind=""
            if round_text(settings.round, out) != settings.round
            else say("mail_round_kind", out, kind=say(f"status_kind_{kind}", out)),
            todo=len(plan.todo),
            done=len(plan.skipped),
            left_out=left_out,
            without=len(unusable),
            why=f" ({unusable_counts(unusable, words)})" if unusable else "",
            invalid=say_count("mail_invalid_rows", out, invalid) if invalid else "",
        )
    )
    if from_register and view is not None and not view.institution_ids():
        echo_fitted(say("mail_register_empty", out))  # nothing imported yet: the next step
    # the latest mail's name, else the list's (a retired institution the list names)
    names = {r.id: r.name for r in (listed.recipients if listed is not None else pool) if r.name}
    names.update({d.institution_id: d.name for d in deliveries if d.name})
    for iid, why in targets.skipped:
        who = f"{iid} ({names[iid]})" if iid in names else iid
        echo_fitted(say("mail_skipped", out, who=who, why=in_language(why, out)))
    for s in plan.skipped:
        who = _who(s.recipient, out, address=False)
        echo_fitted(say("mail_skipped", out, who=who, why=in_language(s.reason, out)))
    for r in plan.without_email:
        problem = in_language(r.email_problem, out)
        source = in_language(r.source, out)
        if r.dead_email:
            why = problem
        elif r.given_email:
            why = say("mail_invalid_address", out, source=source, problem=problem)
            if from_register:  # corrected there, not in a list; the first of several given
                parts = r.given_email.replace(",", ";").split(";")
                first = next((p.strip() for p in parts if not check_email(p.strip())), "")
                why += say("mail_fix_address", out, iid=r.id, address=first or "NAME@EXAMPLE.ORG")
        else:  # none in the list or the register, and none that worked in the send log
            why = say("mail_no_address", out, source=source) + (
                f"; {problem}" if r.email_problem else ""
            )
            # offered where it has none at all (not one that bounced or was removed by hand)
            record = view.record(r.id) if view is not None and not r.email_problem else None
            contact = contact_address(record)
            if contact is not None:
                checklist = schema.category_label(contact[0], out)
                why += say(
                    "mail_contact_address", out, iid=r.id, address=contact[1], checklist=checklist
                )
        echo_fitted(say("mail_not_mailed", out, who=_who(r, out, address=False), why=why))
    for r in plan.todo:
        if r.id in plan.redrafts:
            who = _who(r, out, address=False)
            path = plan.redrafts[r.id]
            echo_fitted(say("mail_redraft", out, who=who, round=settings.round, path=path))
        if r.id in targets.forced:
            echo_fitted(
                say(
                    "mail_would_despite" if dry_run else "mail_mailed_despite",
                    out,
                    who=_who(r, out, address=False),
                    why=in_language(targets.forced[r.id], out),
                )
            )
    if dry_run:
        if smtp is not None:  # the settings a real run would use
            per_minute = smtp.rate if rate is None else rate
            pace = (
                say("mail_pace", out, rate=per_minute) if per_minute else say("mail_no_pace", out)
            )
            echo_fitted(
                say(
                    "mail_via",
                    out,
                    host=smtp.host,
                    port=smtp.port,
                    security=smtp.security,
                    pace=pace,
                )
            )
        for r in plan.todo:
            again = say("mail_prepared_before", out) if r.id in plan.reuse else ""
            as_ = say("mail_and", out).join(plan.formats_of(r.id, settings))
            lang = plan.lang_of(r.id, settings)
            # the checklists by their names in the mail's language, as the mail names them, quoted
            # as the line's language quotes (German „…“)
            named = ", ".join(
                say("quoted", out, value=schema.category_label(c, lang)) for c in r.categories
            )
            echo_fitted(
                say(
                    "mail_would_mail",
                    out,
                    who=_who(r, out),
                    named=named,
                    formats=as_,
                    language=language_name(lang, out),
                    again=again,
                )
            )
        echo_fitted(say("mail_dry_run", out))
        return
    if not test_to:
        record_not_mailed(ws, plan, settings)
        record_elsewhere(ws, plan, settings)
    if not plan.todo:
        return

    default_renderers(plan.all_formats(settings))  # a missing generator fails before the prompt
    if smtp is not None:
        from formgen.smtp import RateLimiter, SmtpTransport  # smtplib, ssl: only to send

        password = _password(smtp, out) if smtp.user else None
        transport = SmtpTransport(smtp, password)
        deliverer: DraftWriter | SmtpSender = SmtpSender(
            transport, RateLimiter(smtp.rate if rate is None else rate)
        )
    else:
        assert drafts_dir is not None
        transport = None
        deliverer = DraftWriter(Path(drafts_dir))
    lookup = view.record if view else (lambda _iid: None)
    try:
        report = mail_round(
            ws,
            plan,
            settings,
            deliverer,
            schema=schema,
            prefill=prefill_from(lookup),
            returned=returned,
            incomplete=targets.incomplete,
            invalid=targets.invalid,
            replies_to=targets.replies_to,
            progress=lambda outcome: _echo_outcome(outcome, out, verbose),  # each as it goes
        )
    finally:
        if transport is not None:
            transport.close()
    try:
        _echo_report(report, send, out)
    finally:  # the drafts written, also when some could not be
        if test_to and drafts_dir:  # 'register erase' names them, never deletes them
            echo_fitted(say("mail_test_drafts_note", out, folder=drafts_dir))


FORGET_TAKES = ("workspace_dir", "round_name", "dry_run", "yes", "forget_forms")
"""The parameters of ``mail --forget-forms``; a mail round's others it refuses."""


def _given_besides(takes: Collection[str]) -> str:
    """The parameters of the running command given on its command line other than ``takes``,
    as typed (``--send, --format, RECIPIENTS``): ``""`` for none."""
    ctx = click.get_current_context()
    return ", ".join(
        p.opts[0] if isinstance(p, click.Option) else p.human_readable_name
        for p in ctx.command.params
        if p.name not in takes
        and ctx.get_parameter_source(str(p.name)) is click.core.ParameterSource.COMMANDLINE
    )


def _forget_forms(ws: Workspace, round_name: str, dry_run: bool, yes: bool) -> None:
    """``mail --forget-forms``: say what the round's kept forms are, ask, delete them."""
    lang = ws.language
    with ws.lock():
        forms = round_forms(ws, round_name)
        args: dict[str, str | int | float] = {
            "round": round_name,
            "n": len(forms.files),
            "mb": forms.size / 1e6,
        }
        if not forms.files:
            echo(say("forget_forms_none", lang, folder=str(forms.folder), round=round_name))
            return
        echo(say("forget_forms_what", lang, folder=str(forms.folder), **args))
        if dry_run:
            echo(say("forget_forms_dry", lang))
            return
        if not (yes or agreed(say("forget_forms_ask", lang), say("erase_ask_again", lang))):
            raise click.ClickException(say("forget_forms_declined", lang))
        forget(forms)
    echo(say("forget_forms_done", lang, **args))


def _recipient_list(
    path: str | None,
    from_register: bool,
    schema: Any,
    view: RegisterView | None,
    lang: str,
    deliveries: Sequence[Delivery],
    force: bool,
    encoding: str | None = None,
) -> RecipientList | None:
    if path:
        return reused_ids(
            read_recipients(read_list(path), path, schema, lang, lang, encoding),
            view,
            deliveries,
        )
    return register_recipients(view, deliveries, force=force) if from_register else None


def _check_test_to(
    address: str,
    ws: Workspace,
    view: WorkspaceRegisterView | None,
    listed: RecipientList | None,
) -> None:
    """Refuse a --test-to ADDRESS that is an institution's (in the list being mailed or the
    register; a typo, an address completed by the mail program): every institution's prefilled
    form, its contact's data, would go to that one institution. The workspace's own sender
    address is the coordinator's, whoever else gives it."""
    key = address_key(address)
    if key == address_key(ws.sender):
        return
    listed_ones = listed.recipients if listed is not None else ()
    whose = {r.id: r.name for r in listed_ones if address_key(r.email) == key}
    records = (view.record(iid) for iid in view.institution_ids()) if view is not None else ()
    for rec in records:
        if rec is not None and address_key(str(rec.institution.get("email", ""))) == key:
            whose.setdefault(rec.id, rec.name)
    if whose:
        who = ", ".join(f"{iid} ({name})" for iid, name in whose.items())
        raise click.BadParameter(
            say("mail_test_to_institution", ws.language, address=address, who=who),
            param_hint="'--test-to'",
        )


def _echo_problems(listed: RecipientList, skip_invalid: bool, lang: str) -> None:
    if listed.problems:
        if not skip_invalid:
            raise RecipientsError(list(listed.problems), lang)
        for p in listed.problems:
            said = replace(p, message=in_language(p.message, lang))
            echo_fitted(say("mail_skipped_invalid", lang, problem=str(said)), err=True)


def _who(r: Recipient, lang: str, address: bool = True) -> str:
    """An institution as a coordinator finds it in the output: id, name and address (and where
    the address comes from when the register has no usable one: the send log), in ``lang``."""
    name = breaks_shown(erased_shown(r.name, lang))  # on one line, a text erased in it so said
    if not address:
        return f"{r.id} ({name})"
    via = ""
    if r.from_send_log:
        given = breaks_shown(f"{r.given_email:.60}")
        invalid = say("mail_register_invalid", lang, given=given) if r.given_email else ""
        via = say("mail_address_from", lang, source=in_language(r.source, lang), invalid=invalid)
    return f"{r.id} ({name}) <{breaks_shown(shown_email(r.email))}>{via}"


def _password(smtp: SmtpSettings, lang: str) -> str:
    """The SMTP password: from the environment (``password_env``), else asked for. Without a
    terminal (cron, a pipe) it is a line of standard input, read without getpass's English
    warnings; none there says which variable to set, where "abgebrochen (Ende der Eingabe)"
    named none."""
    if password := os.environ.get(smtp.password_env):
        return password
    # user and host as echo shows them: workspace.toml may spell any character
    prompt = terminal(say("mail_password_prompt", lang, user=smtp.user, host=smtp.host))
    if sys.stdin.isatty():
        return str(click.prompt(prompt, hide_input=True))
    echo(f"{prompt}: ")
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        said = say("mail_password_not_set", lang, env=smtp.password_env, user=smtp.user)
        raise MailError(terminal(said))
    return line


def _echo_outcome(o: Outcome, lang: str, verbose: bool = False) -> None:
    """One mail of the round, said as soon as it was sent, written or went wrong; a sent mail's
    Message-ID (kept in the send log) only ``verbose`` or where there is a warning about it."""
    if o.status in ("sent", "drafted"):
        who = _who(o.recipient, lang)
        if o.status == "sent" and not (verbose or o.warnings):
            echo_fitted(say("mail_sent_to", lang, who=who))
        else:
            detail = f"Message-ID {o.detail}" if o.status == "sent" else o.detail
            echo_fitted(say(f"mail_{o.status}", lang, who=who, detail=detail))
        for warning in o.warnings:
            echo_fitted(say("mail_warning", lang, warning=in_language(warning, lang)))
    else:
        # how a coordinator reads an outcome that went wrong (else the status in capitals)
        key = f"mail_outcome_{o.status}"
        label = say(key, lang) if key in WORDS["en"] else o.status.upper()
        detail = in_language(o.detail, lang)
        echo_fitted(f"  {label} {_who(o.recipient, lang)}: {detail}", err=True)


def _echo_report(report: RoundReport, send: bool, lang: str) -> None:
    """The round's end, its mails said already (:func:`_echo_outcome`): how many went, and
    what to do about the others."""
    done = report.count("sent") + report.count("drafted")
    total = len(report.plan.todo)
    echo_fitted(say("mail_done_sent" if send else "mail_done_written", lang, n=done, total=total))
    if report.stopped:
        raise MailError(in_language(report.stopped, lang))
    if report.interrupted_by and (left := total - len(report.outcomes)):
        key = "mail_interrupted_sent" if send else "mail_interrupted_written"
        raise MailError(say_count(key, lang, left, by=report.interrupted_by))
    if report.problems:
        unmade = report.count("error")  # no form, no mail: the send log says not_made
        deferred = report.count("deferred")  # a 4xx: the address is not at fault
        rejected = report.count("rejected")  # the mail itself (size, content): nor here
        undelivered = report.count("refused")  # the recipient's address, for good
        said = []
        if undelivered:
            said.append(say_count("mail_undelivered", lang, undelivered))
        if rejected:
            said.append(say_count("mail_rejected", lang, rejected))
        if deferred:
            said.append(say_count("mail_deferred", lang, deferred))
        if unmade:
            said.append(say_count("mail_unmade", lang, unmade))
        raise MailError(say("mail_run_again", lang, what="; ".join(said)))


@click.command("status", cls=SaidHelp)
@workspace_option
@click.option("--list", "as_list", is_flag=True, help="One line per institution.")
@click.option("--json", "as_json", is_flag=True, help="Everything as JSON.")
@stale_by_option(
    "Count as to update also the institutions whose entries will be out of date on this date "
    "(15.12.2026 or 2026-12-15; e.g. the round's deadline), as "
    "'formgen mail --stale --stale-by DATE' mails them."
)
@library_errors
def status(workspace_dir: str, as_list: bool, as_json: bool, stale_by: dt.date | None) -> None:
    """Sent / returned / overdue / stale / conflicts / quarantine at a glance, from the send log, the register and the quarantine.

    Each institution counts once, by its latest mail: returned, outstanding, overdue or failed
    (outstanding and overdue: its answer is still awaited; one that answered the invitation and
    was then asked for an update waits for the update; one that returned a form made for it
    during the round, 'formgen generate pdf --institution ID', answered it). A draft counts as
    mailed ("angeschrieben"): formgen learns that it went out only when its form comes back or
    its mail bounces, and the counts say how many of those awaited are drafts. "by round" shows per round how many were
    mailed and what became of them: answered, waiting, overdue, failed, or asked again (a
    reminder or a later round reached the institution without an answer; a later mail that
    bounced or that the server refused leaves the round waiting or overdue, and counts as
    failed in its own round), and how many of the round were not
    mailed for want of a usable address: none, an invalid one (left out by 'mail --skip-invalid',
    or the register's, with no address that worked before) or one refused (a mail to it bounced
    or the server refused it for good, this mail of the round too: 550 user unknown). Those
    never mailed (one whose only mails the server refused for good too) count as "not mailed
    (no usable address)", by reason, as a rerun of their round counts them, until a later mail
    reaches them. "form not made" names those whose
    form could not be made (the ERROR lines of 'formgen mail': e.g. its record holds a value
    the generator refuses), with the round and why, and "not made" counts them in their
    round's line, until the round's command run again mails them (the institution still counts
    by its latest mail: one overdue whose reminder was not made stays overdue). A mail that
    bounced, or that the server refused (550 for good, 451 for now) or could not take (a broken
    connection) after the latest one that reached the institution, counts as failed: refused
    for good, until a corrected address gets a mail through; else until a rerun of its round's
    command delivers it (--list says so). A mail the receiving server reported delayed (a
    4.x.x notice read by 'formgen bounces') is on its way, outstanding or overdue, "delayed"
    and not sent again: for 5 days after it was sent the server may still try (RFC 5321's
    give-up time; Postfix 5 days, Microsoft 365 1); after that, with no bounce, it has most
    likely arrived (--list says which).

    "without a usable e-mail address" counts the register's institutions no round can mail, by
    the reasons of the round's line: none, invalid, or refused (the register's address bounced
    or was refused for good, and nobody set it by hand since).

    "institutions with entries to update, to mail now" counts the institutions 'formgen register
    stale' lists (entries out of date, incomplete, invalid or never confirmed by the institution)
    that 'formgen mail --stale' would mail now; "waiting" those of the list whose form is still
    on its way (deadline not passed). Institutions, not entries: the printed register's cover
    counts the list's entries, their form on its way or not.
    With --stale-by DATE both count what will be out of date by DATE, as 'formgen mail --stale
    --stale-by DATE' mails it.

    An institution retired from the register ('formgen register retire') is in none of these
    counts: no answer is awaited from it; "retired" says how many there are.

    "quarantine" counts the files ingest kept aside that are still open, by why, and how many
    were dealt with (marked so, or answered by their institution since); 'formgen quarantine'
    lists them with why, who sent them and what to do.

    Said in the workspace's language (German or English), dates as it writes them; --json is
    the same in every language.
    """
    ws = Workspace.open(workspace_dir)
    today = dt.date.today()
    view = _register_view(ws, stale_by or today)
    report = mailing_status(ws, view, today)
    from ingest import quarantine as quarantine_mod

    kept = quarantine_mod.kept(ws, view.data if view else None)
    if as_json:
        still, done = (
            quarantine_mod.by_kind(k for k in kept if k.open is o) for o in (True, False)
        )
        echo_json(report.to_json(still, done), indent=1)
        return
    lang = ws.language
    summary = report.summary
    cols = columns()

    def line(text: str, indent: int = 4) -> None:  # folded to the terminal's width
        echo(fold(text, cols, indent))

    c = summary.counts
    answered = (
        say_count("status_answered_any", lang, summary.answered) if summary.returns_known else ""
    )
    line(
        say(
            "status_head",
            lang,
            n=summary.institutions,
            sent=summary.via["sent"],
            drafted=summary.via["drafted"],
            answered=answered,
        )
    )
    echo(say("status_latest", lang, n=c["outstanding"] + c["overdue"]))
    before = {
        state: say_count("status_answered_before", lang, n)
        for state, n in summary.answered_before.items()
    }
    label = _states(lang)
    column = max(map(width, label.values()))

    def count(state: str, after: str = "") -> None:
        echo(f"  {pad(label[state], column)}  {c[state]:4d}{after}")

    count("returned")
    today_iso = today.isoformat()
    delayed = sum(
        1
        for r in report.rows
        if r["state"] == "outstanding" and r["delayed"] and r["delayed"]["until"] >= today_iso
    )
    count(
        "outstanding",
        "  "
        + say(
            "status_outstanding_why",
            lang,
            before=(f"; {before['outstanding']}" if "outstanding" in before else "")
            + (say("status_outstanding_delayed", lang, n=delayed) if delayed else ""),
        ),
    )
    count(
        "overdue",
        ("  " + say("status_overdue_next", lang) if c["overdue"] else "")
        + (f"  ({before['overdue']})" if "overdue" in before else ""),
    )
    if summary.superseded:  # mail --overdue skips them: said here, not only there
        line("  " + say_count("status_superseded", lang, summary.superseded), 6)
    if summary.awaited_drafts:  # a draft may lie unsent in the mail program: say so
        line("  " + say_count("status_drafts_unknown", lang, summary.awaited_drafts), 6)
    count("failed", _failed_hint(c["failed"], summary.refused_for_good, lang))
    if c["prepared"]:
        maybe = sum(1 for r in report.rows if r["maybe_sent"])
        why = say("status_prepared_maybe", lang, n=maybe) if maybe else ""
        count("prepared", "  " + say("status_prepared_why", lang, maybe=why))
    unusable = {k: say(f"status_unusable_{k}", lang) for k in UNUSABLE}
    if summary.not_mailed:
        reasons = [r["reason"] for r in report.rows if r["state"] == "not_mailed"]
        why = unusable_counts(reasons, unusable)
        line(say("status_not_mailed_line", lang, n=summary.not_mailed, why=why))
    if summary.not_made:
        unmade = [(r, n) for r in report.rows for n in r["not_made"]]
        echo(say("status_not_made_line", lang, n=summary.not_made))
        for r, n in unmade[:10]:
            name = _name(r, lang)
            line(
                say(
                    "status_not_made_row",
                    lang,
                    iid=r["id"],
                    name=name,
                    round=n["round"],
                    error=in_language(n["error"], lang),
                )
            )
        if len(unmade) > 10:
            echo(say("status_more", lang, n=len(unmade) - 10))
    if summary.elsewhere:
        shown = _first_ids(summary.elsewhere)
        line(say("status_elsewhere_line", lang, n=len(summary.elsewhere), ids=shown))
    if summary.rounds:
        echo(_rounds_table(summary.rounds, lang, cols))
    unknown = say("status_unknown", lang)
    due_txt = unknown if summary.to_update is None else str(summary.to_update)
    conf_txt = unknown if summary.conflicts is None else str(summary.conflicts)
    by = summary.stale_by if summary.stale_by and summary.stale_by > today else None
    on, as_of, also = (
        (say("status_stale_by", lang, day=by.isoformat()), f" --today {by}", f" --stale-by {by}")
        if by
        else ("",) * 3
    )
    head = say("status_register", lang)
    indent = " " * (width(head) + 1)
    line(
        f"{head} {say('status_to_update', lang, n=due_txt)}{on}"
        + (say("status_to_update_why", lang, as_of=as_of, also=also) if summary.to_update else "")
    )
    if summary.update_waiting:
        line(
            indent + say("status_update_waiting", lang, n=len(summary.update_waiting)),
            len(indent) + 4,
        )
    echo(indent + say("status_conflicts", lang, n=conf_txt))
    if summary.retired:
        echo(indent + say("status_retired", lang, n=summary.retired))
    if summary.without_email:
        ids = list(summary.without_email)
        shown = _first_ids(ids)
        why = unusable_counts(list(summary.without_email.values()), unusable)
        line(
            indent + say("status_without_email", lang, n=len(ids), why=why, ids=shown),
            len(indent) + 4,
        )
    if kept:
        line(_kept_aside(kept, str(ws.root), lang))
    for note in summary.notes:
        said = f"status_note_{note.key}"
        text = say(said, lang, **note.args) if said in WORDS["en"] else in_language(note.text, lang)
        line(say("status_note", lang, note=text))
    if as_list:
        _echo_list(report.rows, lang, cols)


def _first_ids(ids: Sequence[str]) -> str:
    """A line's ids: the first ten, „…“ for more."""
    return ", ".join(ids[:10]) + (" …" if len(ids) > 10 else "")


def _kept_aside(kept: Sequence[Kept], root: str, lang: str) -> str:
    """The quarantine's line of ``formgen status``: the files still open, by kind, and how many
    were dealt with."""
    from ingest.quarantine import by_kind, kind_word

    still = by_kind(k for k in kept if k.open)
    done = len(kept) - sum(still.values())
    if not still:
        return say_count("status_kept_aside_all_done", lang, done, root=root)
    kinds = ", ".join(f"{n} {kind_word(kind, lang)}" for kind, n in still.items())
    more = say("status_kept_aside_done", lang, n=done) if done else ""
    n = sum(still.values())
    return say_count("status_kept_aside", lang, n, kinds=kinds, done=more, root=root)


def _echo_list(rows: Sequence[dict[str, Any]], lang: str, cols: int | None) -> None:
    """``formgen status --list``: one line per institution, its state in ``lang``; a line
    longer than the terminal's ``cols`` folded, the rest four columns in."""
    label = _states(lang)
    column = max(map(width, label.values())) + 1
    due = say("status_due", lang)
    for r in rows:
        extra = f"  {in_language(r['error'], lang)}" if r["error"] else ""
        if r["answered"] and r["state"] != "returned":
            rounds = ", ".join(round_text(a, lang) for a in r["answered"])
            extra += say("status_asked_in", lang, rounds=rounds, round=r["round"])
        if r["maybe_sent"]:
            extra += say("status_maybe_sent", lang, at=r["maybe_sent"])
        if r["elsewhere"]:
            extra += say("status_elsewhere", lang, email=shown_email(r["elsewhere"]))
        if r["state"] == "failed" and not r["refused_for_good"]:
            rerun = "status_rerun_mail" if r["mail_refused"] else "status_rerun"
            extra += say(rerun, lang, round=r["round"])
        if delayed := r["delayed"]:  # on its way: the receiving server still tries, or tried
            key = (
                "status_delayed"
                if delayed["until"] >= dt.date.today().isoformat()
                else "status_delayed_over"
            )
            extra += say(key, lang, **delayed)
        for n in r["not_made"]:  # the row's own state says the latest one's error
            if r["state"] != "not_made" or n["round"] != r["round"]:
                error = in_language(n["error"], lang)
                extra += say("status_not_made_in", lang, round=n["round"], error=error)
        if r["not_made"]:
            rounds = ", ".join(dict.fromkeys(round_text(n["round"], lang) for n in r["not_made"]))
            extra += say("status_fix_rerun", lang, rounds=rounds)
        email = f" <{shown_email(r['email'])}>" if r["email"] else ""
        state = label.get(r["state"], r["state"])
        deadline = day_text({"raw": r["deadline"]}, lang) or r["deadline"] or "-"
        name = _name(r, lang)
        said = f"{r['id']:<20} {pad(state, column)} {due} {deadline:<10} {name}{email}{extra}"
        echo(fold(said, cols))


def _name(row: Mapping[str, Any], lang: str) -> str:
    """An institution's name in a row of ``formgen status``: the register's now, on one line
    (an imported cell's break shown), or that it was erased (``formgen register erase``), a
    text erased in it so said („Praxis Dr. (gelöscht)“)."""
    return (
        say("erased", lang) if row["name_erased"] else breaks_shown(erased_shown(row["name"], lang))
    )


def _rounds_table(rounds: Sequence[RoundStatus], lang: str, cols: int | None) -> str:
    """Per round: how many were mailed, and what became of those mails. Where the table is
    wider than the terminal's ``cols``, each round on a line of its own with its kind and
    deadline, and its counts under it by their words."""
    heads = [say(f"status_{k}", lang) for k in ROUND_COLUMNS]
    first = say("status_by_round", lang)
    column = max(width(first), *(width(round_text(r.round, lang)) + 2 for r in rounds))
    lines = [pad(first, column) + "".join(f"  {h}" for h in heads)]
    narrow = cols is not None and any(
        width(lines[0]) + width(_round_after(r, lang)) + 2 > cols for r in rounds
    )
    if narrow:
        lines = [first]
    for r in rounds:
        if narrow:
            lines.append(fold(f"  {round_text(r.round, lang)}  {_round_after(r, lang)}", cols))
            said = ", ".join(
                f"{h} {r.counts[k]}" for k, h in zip(ROUND_COLUMNS, heads, strict=True)
            )
            lines.append(fold(f"    {said}", cols, 4))
            continue
        cells = "".join(
            f"  {r.counts[k]:>{width(h)}d}" for k, h in zip(ROUND_COLUMNS, heads, strict=True)
        )
        lines.append(
            pad(f"  {round_text(r.round, lang)}", column) + cells + f"  {_round_after(r, lang)}"
        )
    return "\n".join(lines)


def _round_after(r: RoundStatus, lang: str) -> str:
    """What follows a round's counts: its kind and deadline, ``(Einladung, Frist 22.12.2026)``."""
    kind = _word("kind", r.kind, lang)
    return (
        say("status_round_due", lang, kind=kind, deadline=r.deadline) if r.deadline else f"({kind})"
    )


def _states(lang: str) -> dict[str, str]:
    """Each state an institution can be in by its latest mail, by its word in ``lang``."""
    return {s: say(f"status_{s}", lang) for s in (*STATES, "not_mailed", "not_made")}


def _word(what: str, key: str, lang: str) -> str:
    """The word for a kind of round in ``lang``; one formgen has no word for (a newer formgen
    wrote it) as stored."""
    said = f"status_{what}_{key}"
    return say(said, lang) if said in WORDS["en"] else key


def _failed_hint(failed: int, for_good: int, lang: str) -> str:
    """What to do about the failed mails: those refused for good (550 user unknown, a bounce)
    need a corrected address; the others (451, a broken connection) only another run."""
    if not failed:
        return ""
    fix = say("status_fix_address", lang)
    if not for_good:
        return "  " + say("status_failed_again", lang)
    if for_good == failed:
        return "  " + say("status_failed_refused", lang, fix=fix)
    return "  " + say("status_failed_some", lang, n=for_good, fix=fix)


@click.command("bounces", cls=SaidHelp)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True))
@workspace_option
@library_errors
def bounces(files: tuple[str, ...], workspace_dir: str) -> None:
    """Record bounced mails: read delivery status notifications (.eml files or an .mbox folder
    saved from the mail program), match them to the send log and mark those mails as failed.

    A bounced institution shows as failed in 'formgen status'; after the address is fixed in the
    recipients list, 'formgen mail' sends the same form again.
    """
    from ingest.pipeline import Limits  # not at start-up: `formgen --help` stays quick
    from ingest.sniff import open_regular

    ws = Workspace.open(workspace_dir)
    lang = ws.language
    found = []
    for name in files:
        try:
            with open_regular(name, name) as fh:
                read = read_bounces(fh, Path(name).name, Limits().max_container_bytes)
        except NotAFileError as exc:  # a device, a named pipe: never opened; the others go on
            echo_fitted(
                say("mail_bounce_not_a_file", lang, name=name, what=in_language(exc.what, lang))
            )
            continue
        except UnreadableFileError as exc:
            said = SaidJoined((exc.file_name, exc.said or str(exc)), ": ")
            echo_fitted(say("mail_bounce_not_read", lang, problem=in_language(said, lang)))
            continue
        except OSError as exc:
            why = in_language(os_error_said(exc), lang)
            echo_fitted(say("mail_bounce_cannot_read", lang, name=name, why=why))
            continue
        for problem in read.problems:
            echo_fitted(say("mail_bounce_not_read", lang, problem=in_language(problem, lang)))
        if read.not_bounces and read.mails == 1:
            echo_fitted(say("mail_bounce_not_bounce", lang, name=name))
        elif read.not_bounces:
            echo_fitted(
                say("mail_bounce_not_bounces", lang, n=read.not_bounces, of=read.mails, name=name)
            )
        found.extend(read.bounces)
    with ws.lock():
        matches = record_bounces(ws, found)
    for m in matches:
        b = m.bounce
        if b.test:
            echo_fitted(say("mail_bounce_test", lang, address=b.address, source=b.source))
            continue
        if m.delivery is None:
            echo_fitted(
                say(
                    "mail_bounce_unmatched",
                    lang,
                    address=b.address,
                    status=b.status,
                    source=b.source,
                )
            )
            continue
        final = b.action == "failed"  # with a 4.x.x: the server gave up retrying
        key = "bounced" if b.permanent else "gave_up" if final else "not_final"
        what = say(f"mail_bounce_{key}", lang)
        again = "" if m.new else say("mail_bounce_before", lang)
        iid = m.delivery.institution_id
        echo_fitted(f"  {what} {iid} <{b.address}> {b.status} {b.diagnostic}{again}")
    new = [m.bounce.action == "failed" for m in matches if m.new]
    echo_fitted(say_count("mail_bounces_recorded", lang, new.count(True)))
    if delays := new.count(False):
        echo_fitted(say_count("mail_delays_recorded", lang, delays))
