"""``formgen quarantine``: the files ingest kept aside, why, and which were dealt with."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

from formgen.cli.common import (
    SaidHelp,
    agreed,
    echo,
    library_errors,
    note_only,
    workspace_option,
)
from formgen.messages import Said, in_language, say, say_count
from formgen.workspace import Workspace
from ingest.quarantine import SHORT, Kept, local_day


@click.command("quarantine", cls=SaidHelp)
@click.option(
    "--done",
    metavar="NUMBER",
    help="Mark this file dealt with: its number as listed (e.g. 814edb40), or the name it "
    "came under; it stays in the quarantine.",
)
@click.option(
    "--reopen",
    metavar="NUMBER",
    help="Count this file as open again: a --done given to the wrong file, or an institution's "
    "answer that did not hold what the file held; the mark undone stays in its record.",
)
@click.option(
    "--delete",
    metavar="NUMBER",
    help="Delete this file (a private person's letter, no institution's) and what its record "
    "says of where it came from; the record keeps that a file was deleted, when and why.",
)
@click.option(
    "--note",
    callback=note_only,
    help="With --done: what was done, kept in its record: e.g. 'abgetippt in das Formular von "
    "inst-0017'; with --reopen: why it is open again; with --delete: why it was deleted, e.g. "
    "'Arztbrief einer Privatperson, an Beratungsstelle verwiesen'.",
)
@click.option("--yes", is_flag=True, help="With --delete: do not ask before deleting.")
@workspace_option
@library_errors
def quarantine(
    done: str | None,
    reopen: str | None,
    delete: str | None,
    note: str | None,
    yes: bool,
    workspace_dir: str,
) -> None:
    """List the files kept aside in the quarantine: why, who sent them, whether they were dealt with; mark one dealt with, or delete one.

    Each file: its number, why it was kept aside (in the workspace's language), the name and
    day it came in, the mail's sender and subject. A file counts as dealt with when it was
    marked so with --done NUMBER --note TEXT (a photo of the paper form typed into the
    institution's form, the sender asked), or when the institution it came from — the form it
    names was made for it, or its mail came from the institution's address — has had a return
    merged since it came in (not so a form whose identity was tampered with). A file dealt
    with stays in the quarantine (formgen deletes none by itself) and 'formgen status' no longer counts
    it as open. --reopen NUMBER --note TEXT counts it as open again (marked by mistake, or the
    institution's answer did not hold what the file held): the mark undone stays in its
    record, and only an answer merged after that counts.

    --delete NUMBER --note TEXT deletes a file that is no institution's (a citizen's letter
    with a doctor's report, mailed to the centre's address): the file goes, and so do its
    names, sender, subject and date from its record, which keeps only that a file was deleted,
    when and why. Asks first, unless --yes; an institution's own return kept aside (a form
    this workspace made) is said to be one before the question.
    """
    from ingest import quarantine as quarantine_mod
    from ingest.mailview import WorkspaceRegisterView

    ws = Workspace.open(workspace_dir)
    lang = ws.language
    folder, root = str(ws.quarantine_dir), str(ws.root)
    if sum(x is not None for x in (done, reopen, delete)) > 1:
        raise click.UsageError(Said("quarantine_done_or_delete"))
    if yes and delete is None:
        raise click.UsageError(Said("quarantine_yes_needs_delete"))
    if delete is not None:
        note = " ".join((note or "").split())
        if not note:
            raise click.UsageError(Said("quarantine_delete_needs_note"))

        def asked(k: Kept) -> bool:
            _show(k, lang)
            if whose := quarantine_mod.returned_by(ws, k, WorkspaceRegisterView(ws).data):
                echo("  " + in_language(whose, lang))
            if reports := quarantine_mod.named_in_reports(ws, k):
                paths = ", ".join(str(p) for p in reports)
                echo("  " + say("quarantine_delete_reports", lang, paths=paths))
            return yes or agreed(say("quarantine_delete_ask", lang), say("erase_ask_again", lang))

        deleted = quarantine_mod.delete(ws, delete, note, asked)
        if deleted is None:
            raise click.ClickException(say("quarantine_delete_declined", lang))
        echo(say("quarantine_deleted", lang, id=deleted.number, name=deleted.name, note=note))
        return
    if done is not None:
        note = " ".join((note or "").split())
        if not note:
            raise click.UsageError(Said("quarantine_done_needs_note"))
        marked = quarantine_mod.mark_done(ws, done, note)
        echo(say("quarantine_marked", lang, id=marked.number, name=marked.name, note=note))
        echo("  " + say("quarantine_how_reopen", lang, root=root, id=marked.number, folder=folder))
        return
    if reopen is not None:
        note = " ".join((note or "").split())
        if not note:
            raise click.UsageError(Said("quarantine_reopen_needs_note"))
        register = WorkspaceRegisterView(ws).data
        again = quarantine_mod.reopen(ws, reopen, note, register)
        echo(say("quarantine_reopened", lang, id=again.number, name=again.name, note=note))
        return
    if note is not None:
        raise click.UsageError(Said("quarantine_note_needs_done"))
    files = quarantine_mod.kept(ws, WorkspaceRegisterView(ws).data)
    gone = quarantine_mod.deleted(ws)
    if not files:
        echo(say("quarantine_none", lang, folder=folder))
        _deleted(gone, lang)
        return
    still = [k for k in files if k.open]
    echo(say_count("quarantine_head", lang, len(files), folder=folder, open=len(still)))
    for k in files:
        echo()
        _show(k, lang)
        if k.open and (undone := k.reopened) is not None:
            day = in_language(local_day(undone.get("at")), lang)
            echo("  " + say("quarantine_open_again", lang, day=day, note=str(undone.get("note"))))
        elif k.by_hand is not None:
            day = in_language(local_day(k.by_hand.get("at")), lang)
            echo("  " + say("quarantine_by_hand", lang, day=day, note=str(k.by_hand.get("note"))))
        elif k.answered is not None:
            a = k.answered
            day = in_language(local_day(a.at), lang)
            echo(
                "  " + say("quarantine_answered", lang, iid=a.institution_id, name=a.name, day=day)
            )
    _deleted(gone, lang)
    if still:
        echo()
        echo("→ " + say("quarantine_how_done", lang, root=root, id=still[0].number))
        if any(k.kind != "picture" for k in still):  # a picture is never read: typed in
            echo("→ " + say("quarantine_how_again", lang, root=root, folder=folder))
        echo("→ " + say("quarantine_how_delete", lang, root=root, id=still[0].number))


def _show(k: Kept, lang: str) -> None:
    """A file of the quarantine as listed: number, why, name, day, sender and subject, and
    why in words."""
    arrivals = k.record.get("arrivals") or [{}]
    first = arrivals[0]
    came = say(
        "quarantine_came",
        lang,
        name=k.name,
        day=in_language(local_day(first.get("quarantined_at")), lang),
    )
    if first.get("mail_from"):
        came += say("quarantine_from", lang, sender=str(first["mail_from"]))
    if first.get("mail_subject"):
        came += say("quarantine_subject", lang, subject=str(first["mail_subject"]))
    if len(arrivals) > 1:
        came += say_count("quarantine_more_arrivals", lang, len(arrivals) - 1)
    echo(f"{k.number}  {k.kind_word(lang)}  {came}")
    echo(f"  {k.reason(lang)}")


def _deleted(gone: list[tuple[str, Mapping[str, Any]]], lang: str) -> None:
    """The files deleted from the quarantine (--delete): number, day and why."""
    if gone:
        echo()
    for sha, what in gone:
        day = in_language(local_day(what.get("at")), lang)
        echo(
            say("quarantine_gone", lang, id=sha[:SHORT], day=day, note=str(what.get("note") or ""))
        )
