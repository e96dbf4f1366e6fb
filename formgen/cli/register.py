"""``formgen register …``: history, conflicts, resolve, retire, restore, merge, set, confirm,
import, rebuild, stale, gaps, export, find, print.

A thin layer over :mod:`ingest.register`, :mod:`ingest.journal`, :mod:`ingest.staleness`,
:mod:`ingest.export`, :mod:`ingest.search` and :mod:`ingest.printed`. :mod:`ingest.history`,
:mod:`ingest.export` and :mod:`ingest.printed` load the PDF layout (fontTools) or reportlab, so
only the commands that use them import them: ``register find`` starts without either.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import json
import re
from collections.abc import Callable
from dataclasses import replace
from email.utils import parseaddr
from pathlib import Path
from typing import Any, TypeVar

import click

from formgen.cli.common import (
    DATE,
    SaidHelpGroup,
    agreed,
    columns,
    echo,
    echo_fitted,
    echo_json,
    encoding_option,
    lang_option,
    library_errors,
    note_only,
    progress_bar,
    read_list,
    text_only,
    workspace_option,
)
from formgen.csv_write import csv_delimiter
from formgen.errors import FormgenError, RegisterError
from formgen.filenames import readable
from formgen.linebreak import breaks_shown
from formgen.messages import (
    WORDS,
    Said,
    date_text,
    in_language,
    reason_text,
    round_text,
    said_count,
    say,
    say_count,
)
from formgen.recipients import look_alike
from formgen.record import erased_shown
from formgen.workspace import WRITTEN, Workspace, write_atomic
from ingest import journal, search, staleness
from ingest.register import EMAIL, IMPORT, Register, name_line, same_value
from ingest.tables import cut, fold

F = TypeVar("F", bound=Callable[..., Any])

# a progress bar on a terminal (stderr) from this much work on, as 'formgen ingest' shows one
# from ten files: a run of a few seconds or more
REBUILD_PROGRESS = 1000
"""journal operations (300 institutions over five years: 1,737, 2 s)"""
PRINT_PROGRESS = 100
"""entries printed (each pass of the layout lays them out; 100: about 4 s)"""
XLSX_PROGRESS = 300
"""institutions exported (300: about 2 s)"""
ERASE_PROGRESS = 300
"""pages of prints register erase reads (300 pages: about 1 s, more where many may show it)"""


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for machines.")(func)


def _open(workspace_dir: str) -> tuple[Workspace, Register]:
    ws = Workspace.open(workspace_dir)
    reg = journal.load(ws)
    if reg.damaged_journal:
        lang = ws.language
        echo(say("regerr_warning", lang, warning=in_language(reg.damaged_journal, lang)), err=True)
    return ws, reg


@click.group(cls=SaidHelpGroup)
def register() -> None:
    """Look after the consolidated register: history, conflicts, staleness, exports, print."""


@register.command("history")
@click.argument("institution_id")
@workspace_option
@json_option
@library_errors
def history(institution_id: str, workspace_dir: str, as_json: bool) -> None:
    """Show every revision of INSTITUTION_ID: when, from which file, what changed."""
    from ingest import history as history_mod

    ws, reg = _open(workspace_dir)
    if as_json:
        echo_json(history_mod.history_json(reg, institution_id))
        return
    echo(history_mod.history_text(reg, institution_id, ws.language, columns()))


def _filters(func: F) -> F:
    func = click.option("--region", help="Only this region (value or name, e.g. Düsseldorf).")(func)
    func = click.option(
        "--category",
        "categories",
        multiple=True,
        help="Only this category: id or name, e.g. Psychotherapie (repeatable).",
    )(func)
    return func


@register.command("conflicts")
@_filters
@click.option(
    "--institution",
    "institution_id",
    metavar="ID",
    help="Only this institution's (its id, e.g. inst-0007, as 'register resolve' takes it).",
)
@workspace_option
@json_option
@library_errors
def conflicts(
    categories: tuple[str, ...],
    region: str | None,
    institution_id: str | None,
    workspace_dir: str,
    as_json: bool,
) -> None:
    """List values held for review and new institutions that look like known ones, how many
    first.

    --category, --region and --institution list those only: a held value of an institution's
    own data counts for each checklist it has an entry in, a probable duplicate for its
    checklist, the region it gave and the institution it looks like."""
    from ingest import history as history_mod

    ws, reg = _open(workspace_dir)
    lang = ws.language
    held, dups = history_mod.waiting(reg, categories, region, institution_id, lang)
    if as_json:
        now = [{**c, "now": reg.held_now(c)} for c in held]
        echo_json({"conflicts": now, "duplicates": dups})
        return
    if not held and not dups:
        n = len(reg.conflicts()) + len(reg.duplicates())
        echo(say("no_conflicts_here", lang, n=n) if n else say("no_conflicts", lang))
        return
    cols = columns()
    for line in history_mod.waiting_count(reg, held, dups, lang):
        echo(fold(line, cols))
    echo()
    for c in held:
        echo(history_mod.held_text(reg, c, lang, cols))
    for d in dups:
        said = say(
            "duplicate",
            lang,
            name=breaks_shown(d["entry"]["institution"].get("name", {}).get("raw", "?")),
            category=reg.schema.category_label(d["entry"]["category"], lang),
            candidate=d["candidate"],
            candidate_name=name_line(reg, d["candidate"], lang),
            reason=reason_text(d, lang),
        )
        echo(fold(f"{d['id']}  {said}", cols))
    echo()
    for line in say("decide", lang).split("\n"):  # a command to a line
        echo(fold(line, cols))


@register.command("resolve")
@click.argument("target", required=False)
@click.option(
    "--take",
    type=click.Choice(["mine", "theirs"], case_sensitive=False),
    help="For a conflict: mine keeps the value the register holds; theirs takes the value "
    "returned on a form or imported from a list ('register conflicts' shows both).",
)
@click.option(
    "--field",
    "path",
    help="With an institution id: only this value path, e.g. psychotherapie.languages_offered; "
    "without TARGET: this field's held values of every institution.",
)
@click.option(
    "--merge",
    "decision",
    flag_value="merge",
    help="For a probable duplicate: it is the same institution.",
)
@click.option(
    "--new",
    "decision",
    flag_value="new",
    help="For a probable duplicate: it is a different institution.",
)
@_filters
@click.option("--dry-run", is_flag=True, help="Say what would be decided; change nothing.")
@workspace_option
@library_errors
def resolve(
    target: str | None,
    take: str | None,
    path: str | None,
    decision: str | None,
    categories: tuple[str, ...],
    region: str | None,
    dry_run: bool,
    workspace_dir: str,
) -> None:
    """Decide what waits for review. TARGET is a conflict (c-0001), an institution id (all its
    conflicts, or one with --field) or a probable duplicate (d-0001); without TARGET, --field
    PATH decides that field's held values of every institution alike (of --region and
    --category only, where given: 'register conflicts' with them lists them), e.g.
    'register resolve --field institution.phone --region Dormagen --take theirs --dry-run'.

    A probable duplicate merged never replaces by itself what the institution gave or
    confirmed, or what was set by hand: each such value is held as a conflict, and said with
    the value the register keeps; an invalid value it takes is kept as typed and said too."""
    ws = Workspace.open(workspace_dir)
    from ingest import history as history_mod

    if target is None and path is None:
        raise click.UsageError(Said("reg_usage_target"))
    if target is not None and (region or categories):
        raise click.UsageError(Said("reg_usage_group", target=target))
    if target is not None and target.startswith("d-"):
        if decision is None:
            raise click.UsageError(Said("reg_usage_duplicate"))
        if dry_run:
            raise click.UsageError(Said("reg_usage_dry_duplicate", target=target))
        with journal.writing(ws) as w:
            before = set(w.register.data["conflicts"])
            iid = w.resolve_duplicate(target, decision)
            reg = w.register
        done = "merged_into" if decision == "merge" else "created_as"
        echo(say(done, ws.language, target=target, iid=iid))
        for c in reg.conflicts():  # the values it gave that wait for a decision, as import says
            if c["id"] not in before:
                echo("  " + history_mod.merge_held_text(reg, c, ws.language))
        for line in history_mod.kept_invalid_lines(reg, iid, f"resolve {target}", ws.language):
            echo(f"  {line}")
        return
    if take is None:
        raise click.UsageError(Said("reg_usage_conflict"))

    def decide(by: journal.RegisterWriter | Register, reg: Register) -> list[str]:
        if target is not None:
            return by.resolve(target, take, path)
        ids = history_mod.held_of(reg, str(path), categories, region, ws.language)
        for cid in ids:  # one decision each, as one at a time journals it
            by.resolve(cid, take)
        return ids

    if dry_run:
        reg = journal.load_to_change(ws)
        held = {c["id"]: c for c in reg.conflicts()}
        ids = decide(reg, reg)
    else:
        with journal.writing(ws) as w:
            reg = w.register
            held = {c["id"]: c for c in reg.conflicts()}
            ids = decide(w, reg)
    for cid in ids:
        echo(history_mod.decided_text(reg, held[cid], take, ws.language, would=dry_run))
    if dry_run:
        echo(say("import_dry_run", ws.language))


@register.command("retire")
@click.argument("institution_id")
@click.option(
    "--reason",
    callback=note_only,
    help="Why, kept in its history: e.g. 'geschlossen zum 30.06.2026', 'merged into inst-0007'.",
)
@workspace_option
@library_errors
def retire(institution_id: str, reason: str | None, workspace_dir: str) -> None:
    """Take INSTITUTION_ID out of the register: closed, merged into another, no longer relevant.

    Nothing is deleted: its history shows when and why, the JSON export marks it retired.
    From now on it is left out of find, stale, gaps, print, the CSV/XLSX tables (unless
    --with-retired), status and every mail round (a recipients list naming it skips it unless
    --force). A form it still returns is merged, with a warning. 'formgen register restore'
    takes it back.
    """
    ws = Workspace.open(workspace_dir)
    with journal.writing(ws) as w:
        done = w.retire(institution_id, reason)
        name = name_line(w.register, institution_id, ws.language)
    why = f" ({done['reason']})" if done["reason"] else ""
    echo(say("retired", ws.language, iid=institution_id, name=name, why=why))


@register.command("restore")
@click.argument("institution_id")
@workspace_option
@library_errors
def restore(institution_id: str, workspace_dir: str) -> None:
    """Take a retired INSTITUTION_ID back: into the lists, the print and the mail rounds again.

    One merged into another ('formgen register merge') comes back as it was before the merge:
    what the merge took into the other stays there, and returns of its forms go to it again.
    """
    ws = Workspace.open(workspace_dir)
    with journal.writing(ws) as w:
        keep = (w.register.retired(institution_id) or {}).get("merged_into")
        w.restore(institution_id)
        name = name_line(w.register, institution_id, ws.language)
    echo(say("restored", ws.language, iid=institution_id, name=name))
    if keep:
        echo(say("merge_restored", ws.language, iid=institution_id, keep=keep))


@register.command("merge", short_help="Merge OTHER into KEEP: two institutions that are one.")
@click.argument("keep")
@click.argument("other")
@click.option(
    "--note",
    callback=note_only,
    required=True,
    help="Why they are one, kept in both histories: e.g. 'dieselbe Praxis, zweimal erfasst'.",
)
@click.option("--dry-run", is_flag=True, help="Say what the merge would do; change nothing.")
@workspace_option
@library_errors
def merge(keep: str, other: str, note: str, dry_run: bool, workspace_dir: str) -> None:
    """OTHER is the same institution as KEEP (entered twice under two spellings, or two
    services that merged): merge OTHER into KEEP.

    What only OTHER holds is taken into KEEP (its history names OTHER and the note); where
    both hold different values KEEP's stays and OTHER's waits in 'register conflicts' ('register
    resolve' decides it); a value the institution gave or confirmed itself stays its own.
    OTHER is retired (its history stays and shows the merge): left out of find, stale, gaps,
    status, the print, the tables and the mail rounds; a form of it still out that comes back
    goes to KEEP, and so does a row of a recipients list or an imported table naming it
    ('formgen generate --institution OTHER' is refused, naming KEEP's form). Refused, and nothing changed: the same id twice, an unknown one, a retired
    KEEP, an OTHER retired or merged already or with values waiting for a decision.

    'formgen register restore OTHER' takes OTHER back as it was before the merge: what the
    merge took into KEEP stays there, and returns of OTHER's forms go to OTHER again.
    """
    from ingest.history import stored_text
    from ingest.labels import path_label

    note = _one_line(note, "merge")
    ws = Workspace.open(workspace_dir)
    lang = ws.language
    if dry_run:
        reg = journal.load_to_change(ws)
        done = reg.merge_institutions(keep, other, note)
    else:
        with journal.writing(ws) as w:
            done = w.merge_institutions(keep, other, note)
            reg = w.register
    names = {"name": name_line(reg, keep, lang), "other_name": name_line(reg, other, lang)}
    said = "merge_would" if dry_run else "merge_done"
    echo(say(said, lang, keep=keep, other=other, note=note, **names))
    for path in done.taken:
        shown = stored_text(reg, path, reg.value(keep, path), lang, quoted=True)
        field = path_label(reg.schema, path, lang)
        echo(say("merge_taken", lang, other=other, field=field, value=shown))
    held = {c["id"]: c for c in reg.conflicts()}
    for cid in done.held:
        path = held[cid]["path"]
        mine, theirs = (
            stored_text(reg, path, held[cid][k], lang, quoted=True) for k in ("mine", "theirs")
        )
        field = path_label(reg.schema, path, lang)
        echo(
            say(
                "merge_held",
                lang,
                cid=cid,
                field=field,
                keep=keep,
                other=other,
                mine=mine,
                theirs=theirs,
            )
        )
    if done.same:
        echo(say_count("merge_same_values", lang, done.same))


@register.command("split", short_help="A service split off ID: a new institution NAME.")
@click.argument("institution_id")
@click.option("--name", "name", callback=text_only, required=True, help="The new service's name.")
@click.option(
    "--note",
    callback=note_only,
    required=True,
    help="Why, kept in both histories: e.g. 'Beratungsstelle aufgeteilt in Nord und Süd'.",
)
@click.option("--dry-run", is_flag=True, help="Say what the split would do; change nothing.")
@workspace_option
@library_errors
def split(institution_id: str, name: str, note: str, dry_run: bool, workspace_dir: str) -> None:
    """A service split off INSTITUTION_ID ('Beratungsstelle X' became 'X Nord' and 'X Süd'):
    a new institution named NAME, INSTITUTION_ID keeping its id and history.

    The new one starts with INSTITUTION_ID's other values and checklists (not their date and
    initials, nor its contact persons: personal data, which the new one names on its own
    form), none of them its word: its entries count as never confirmed, so 'formgen mail
    --stale' mails it a form to correct them; 'register set' corrects one now (rename
    INSTITUTION_ID so too, 'X Süd'). Both histories, 'find --all' and the print say which split
    off which; a checklist tells them apart by their names (an address or phone number they
    share tells nothing); 'register rebuild' makes the split again from the journal. Refused,
    and nothing changed: an unknown or retired INSTITUTION_ID, an invalid NAME (one holding a
    control character or U+202E too, as 'register set' refuses it), or its own.
    --dry-run says the new id and each value it would start with, and changes nothing.
    """
    from ingest.history import stored_text
    from ingest.labels import path_label

    note = _one_line(note, "split")
    ws = Workspace.open(workspace_dir)
    lang = ws.language
    if dry_run:
        reg = journal.load_to_change(ws)
        new, values = journal.split(reg, institution_id, name, note, journal.given(ws))
    else:
        with journal.writing(ws) as w:
            new = w.split_institution(institution_id, name, note)
            reg = w.register
    names = {"name": name_line(reg, new, lang), "old": name_line(reg, institution_id, lang)}
    said = "split_would" if dry_run else "split_done"
    echo(say(said, lang, new=new, iid=institution_id, note=note, **names))
    if not dry_run:
        return
    for path in values:
        shown = breaks_shown(stored_text(reg, path, reg.value(new, path), lang, quoted=True))
        echo(say("split_would_value", lang, field=path_label(reg.schema, path, lang), value=shown))
    if entries := reg.institutions[new]["entries"]:
        categories = ", ".join(reg.schema.category_label(cid, lang) for cid in entries)
        echo(say("split_would_checklists", lang, categories=categories))


def _one_line(note: str, ask: str) -> str:
    """A ``--note`` on one line, as typed; a blank one is a usage error that says to ``ask``
    (the words ``reg_usage_ask_…``)."""
    note = " ".join(note.split())
    if not note:
        raise click.UsageError(Said("reg_usage_note_blank", ask=Said(f"reg_usage_ask_{ask}")))
    return note


@register.command("set")
@click.argument("institution_id")
@click.argument("path")
@click.argument("value", required=False, callback=text_only)
@click.option("--clear", is_flag=True, help="Remove the value (a blank on a form never does).")
@click.option(
    "--note",
    callback=note_only,
    required=True,
    help="Where the change comes from, kept as its source: e.g. 'per Telefon 23.11.'.",
)
@click.option("--force", is_flag=True, help="Set a value of a retired institution all the same.")
@workspace_option
@library_errors
def set_cmd(
    institution_id: str,
    path: str,
    value: str | None,
    clear: bool,
    note: str,
    force: bool,
    workspace_dir: str,
) -> None:
    """Set a value of INSTITUTION_ID by hand, or remove it with --clear: what an institution
    told on the telephone, an address that bounces, a contact who left.

    INSTITUTION_ID may name several, separated by commas (inst-0002,inst-0005: the region of
    the institutions of one town, as 'register import' offers it): each is set, or none where
    one of them cannot be.

    PATH as in the forms: institution.phone, psychotherapie.contact_name. VALUE is checked as a
    returned form's value is (dates 24.11.2026, phone numbers, languages and choices by name or
    code; a list separated by commas: 'Türkisch, Polnisch'); an invalid one is refused, and so
    is one holding a control character or a character that turns the text after it round
    (U+202E, which ingest flags in a return). The change is a new revision, its source the note
    ('register history', the long export); a form sent before that comes back with the old
    value does not undo it. A value set is the
    centre's word: its entry no longer counts as confirmed by the institution ('nein' in the
    tables, marked in the print, on the update list) until the institution confirms it, on its
    next form or to you ('formgen register confirm ID --note …'); a value removed changes
    nothing there.

    institution.email may be set to the address it holds already: set again by hand (or after
    --clear), it vouches that the address works, and 'formgen mail' mails it again although a
    mail to it bounced or was refused for good before.
    """
    if clear == (value is not None):
        raise click.UsageError(Said("reg_usage_value_or_clear"))
    if value is not None and not value.strip():
        raise click.UsageError(Said("reg_usage_value_blank"))
    note = _one_line(note, "set")
    from ingest import history as history_mod

    ws = Workspace.open(workspace_dir)
    lang = ws.language
    ids = list(dict.fromkeys(i.strip() for i in institution_id.split(",") if i.strip()))
    done = []
    with journal.writing(ws) as w:
        for iid in ids:  # each checked before any is set: all of them, or none
            w.register.hand_values(iid, path, value, force)
        for iid in ids:
            entries = w.register.institutions[iid]["entries"]
            confirmed = {cid for cid, e in entries.items() if e.get("by_institution")}
            done.append((iid, confirmed, w.set(iid, path, value, note, force)))
        reg = w.register
    how = say("by_hand", lang, note=note)

    def shown(changed: str, stored: Any) -> str:
        return history_mod.stored_text(reg, changed, stored, lang, quoted=True)

    for iid, confirmed, changes in done:
        for changed, old, new in changes:
            if changed == EMAIL and same_value(old, new):  # vouched for: see the docstring
                said = say(
                    "set_again", lang, iid=iid, path=changed, value=shown(changed, new), how=how
                )
            else:
                said = say(
                    "set_done",
                    lang,
                    iid=iid,
                    path=changed,
                    old=shown(changed, old),
                    new=shown(changed, new),
                    how=how,
                )
            echo(said)
        if value is not None and (odd := look_alike(value)):  # set all the same, as typed
            echo(say("regerr_warning", lang, warning=in_language(odd, lang)), err=True)
        entries = reg.institutions[iid]["entries"]
        unconfirmed = [cid for cid in confirmed if not entries[cid].get("by_institution")]
        if unconfirmed:  # the centre's word, not the institution's: said, with how to confirm
            categories = ", ".join(reg.schema.category_label(cid, lang) for cid in unconfirmed)
            echo(say("set_unconfirmed", lang, iid=iid, categories=categories))


@register.command(
    "erase", short_help="Erase a person's data (DSGVO Art. 17) from the whole workspace."
)
@click.argument("institution_id")
@click.argument("paths", nargs=-1)
@click.option(
    "--note",
    callback=note_only,
    required=True,
    help="Who asked for the erasure and when, kept in its history: e.g. 'Antrag auf Löschung "
    "(Art. 17) vom 23.11.'.",
)
@click.option(
    "--keep-current",
    is_flag=True,
    help="Keep the values PATH holds now (a successor's, set by hand); erase only earlier ones.",
)
@click.option(
    "--only-with",
    "texts",
    multiple=True,
    callback=text_only,
    help="Erase only the values that contain TEXT (case and accents aside), e.g. her surname "
    "(repeatable).",
)
@click.option(
    "--text",
    "inner",
    multiple=True,
    callback=text_only,
    help="Erase TEXT (her surname) also inside the institution's notes (register set, "
    "confirm, erase), its other fields' texts and what its forms were prefilled with "
    "(repeatable); found as whole words, case and accents aside, as she spells it "
    "(Yilmaz, YILMAZ: „Yılmaz“), in the send log and files too.",
)
@click.option("--yes", is_flag=True, help="Do not ask before erasing.")
@workspace_option
@library_errors
def erase(
    institution_id: str,
    paths: tuple[str, ...],
    note: str,
    keep_current: bool,
    texts: tuple[str, ...],
    inner: tuple[str, ...],
    yes: bool,
    workspace_dir: str,
) -> None:
    """Erase a person's data (DSGVO Art. 17): every value PATH of INSTITUTION_ID ever held, the
    current one and all earlier ones, from the whole workspace.

    PATH as in 'register set': psychotherapie.contact_name, institution.email. The values go
    from the register, its history, held conflicts and the journal (a marker takes their
    place; the history shows the erasure with the note), and with them what the institution's
    own returns that held one say of who sent them (file name, sender, subject: a private
    address, a short form of the name), whole; archived originals and quarantine
    copies that carry one are deleted (its own returns also where Word says she saved them:
    lastModifiedBy) (also a checklist that names other institutions: they
    keep their values, only the file goes), and so are quarantine copies mailed from the
    institution's address or naming its form; the send log's entries of the institution get the
    marker, and so do the copies 'register repair' and 'register rebuild' kept aside (a damaged
    journal or register, one changed outside formgen), which are kept; its mail drafts (mail
    --drafts; only those the send log shows are this workspace's,
    not the original's when run in a copy) and files made by formgen (its forms, exports/, an
    ingest report naming her files) that contain one are listed and deleted; its test drafts
    (mail --test-to) are named, to be deleted by hand, and so are the mails of its rounds whose
    forms held one (round, day, address; sent, a draft, or maybe sent by a run killed before
    the server's answer: in the mailboxes, out of reach) and
    the files formgen wrote outside the workspace with --out/--output/-o that hold one (or are
    no longer there); folders an ingest killed outright left
    in the temporary folder (formgen-ingest-…) are listed and deleted. Other institutions' files stay: those
    whose own values hold the same text (a contact person of the same name) are named first,
    with the command to erase there too where it is the same person; one merged into it
    (register merge) as such, the same institution; and so are the institution's own other
    fields that hold it (a free text naming her). A form made before the erasure that comes
    back with the erased value as prefilled does not bring it back: the value is left out.
    --keep-current keeps the values PATH holds now (the successor's) and erases the earlier
    ones; --only-with TEXT erases only the values that contain TEXT. --text TEXT (her surname;
    without PATH too) erases TEXT inside the institution's notes (register set, confirm, an
    earlier erase), its other fields' texts (Verabredungen naming her), what its forms were
    prefilled with (issued.jsonl) and its returns' names, a marker in its place; its archived
    originals and formgen's files holding it go as for a value. The erasure's own note keeps a
    marker where it names what is erased. Says what it will erase (each
    value shortened, with its field and whether it is the current value; the current values
    that stay) and asks first, unless --yes.
    """
    from ingest import erase as erase_mod
    from ingest.quarantine import local_day

    ws = Workspace.open(workspace_dir)
    lang = ws.language
    if not paths and not inner:
        raise click.UsageError(say("erase_no_path", lang))
    if yes and (short := [t for t in inner if len(t.strip()) < erase_mod.MIN_NEEDLE]):
        # initials: erased as a word of their own, but only once each place was seen
        raise click.UsageError(say("erase_text_short_yes", lang, text=short[0]))
    bar = contextlib.ExitStack()  # the prints read: ended before what will be erased is said
    tell = bar.enter_context(progress_bar(say("erase_progress", lang), ERASE_PROGRESS))

    def shown(e: erase_mod.Erasure) -> bool:
        bar.close()
        reg = journal.load(ws)
        name = erased_shown(e.name, lang)  # a text erased in it before: „Praxis Dr. (gelöscht)“
        if e.paths:
            paths = ", ".join(e.paths)
            echo(say("erase_head", lang, iid=e.institution_id, name=name, paths=paths))
        else:  # --text alone: what it looks for, initials as typed (each place follows)
            looked = ", ".join(
                f"--text „{t if len(t) < erase_mod.MIN_NEEDLE else erase_mod.shortened(t)}“"
                for t in e.inner
            )
            echo(say("erase_head_texts", lang, iid=e.institution_id, name=name, texts=looked))
        # one merged into this one (register merge) is the same institution: said so apart
        merged = [(o, at) for o, at in e.elsewhere if reg.merged_into(o) == e.institution_id]
        elsewhere = [found for found in e.elsewhere if found not in merged]
        for key, found in (("erase_merged_at", merged), ("erase_elsewhere_at", elsewhere)):
            if found and key == "erase_elsewhere_at":
                count = say_count("erase_count_elsewhere", lang, len(found))
                echo(say("erase_elsewhere", lang, count=count))
            for other, at in found:
                echo(
                    say(
                        key,
                        lang,
                        iid=other,
                        name=name_line(reg, other, lang),
                        keep=e.institution_id,
                        paths=", ".join(at),
                        command=f"formgen register erase {other} {' '.join(at)} --note …",
                    )
                )
        if e.within:
            again = f"formgen register erase {e.institution_id} {' '.join(e.within)} --note …"
            fields = ", ".join(e.within)
            echo(say("erase_within", lang, iid=e.institution_id, paths=fields, command=again))
        counts = {
            k: say_count(f"erase_count_{k}", lang, n)
            for k, n in (
                ("revisions", e.revisions),
                ("conflicts", e.conflicts),
                ("duplicates", e.duplicates),
                ("operations", e.operations),
                ("sendlog", e.sendlog),
            )
        }
        count = say_count("erase_count_values", lang, len(e.values))
        echo(say("erase_values", lang, count=count, **counts))
        copied = dict(e.copied)
        for text, field, now in e.shown:
            when = say("erase_value_now" if now else "erase_value_before", lang)
            if text in copied:  # the other's person too: its values and files keep it
                when = say("erase_value_copied", lang, when=when, iid=copied[text])
            value = erase_mod.shortened(text)
            echo(say("erase_value", lang, path=field, value=value, when=when))
        for field, text in e.kept:
            echo(say("erase_kept", lang, path=field, value=erase_mod.shortened(text)))
        if e.inner:
            inside = ", ".join(erase_mod.shortened(t) for t in e.inner)
            echo(say("erase_inner", lang, text=inside))
        for short in dict.fromkeys(t for t, *_ in e.hits):
            hits = [h for h in e.hits if h[0] == short]
            echo(
                say(
                    "erase_hits",
                    lang,
                    text=short,
                    count=say_count("erase_count_hits", lang, len(hits)),
                )
            )
            for _t, kind, where, around in hits:
                place = (
                    where
                    if kind == "value"
                    else say("erase_hit_note", lang, rev=where)
                    if kind == "note"
                    else say(f"erase_kind_{kind}", lang)
                )
                echo(say("erase_hit", lang, where=place, text=erased_shown(around, lang)))
        if e.note != " ".join(note.split()):
            kept = erased_shown(e.note, lang)
            echo(say("erase_note_marked", lang, note=kept))
        for key, named in (("erase_noted", e.noted), ("erase_note_names", e.note_names)):
            if named:
                short = ", ".join(erase_mod.shortened(t) for t in named)
                echo(say(key, lang, iid=e.institution_id, texts=short))
        if e.provenance:  # masked as the values: the sender's name, else its address
            texts = (
                f"{say(f'erase_kind_{k}', lang)} "
                + erase_mod.mask(next(filter(None, parseaddr(t)), t) if k == "mail_from" else t)
                for k, t in e.provenance
            )
            echo(say("erase_provenance", lang, texts=", ".join(texts)))
        for key, files in (("erase_original", e.originals), ("erase_quarantine", e.quarantine)):
            for o in files:
                name = erased_shown(o.file_name, lang)
                echo(say(key, lang, file=f"{name} ({o.sha256[:12]}…)"))
                if o.others and reg.source(o.sha256).get("kind") == IMPORT:
                    # the centre's list of many institutions: counted, not named one by one
                    n = len(o.others) + 1
                    echo(say("erase_others_list", lang, n=n, more=len(o.others)))
                elif o.others:
                    others = ", ".join(_named(reg, i, lang) for i in o.others)
                    echo(say("erase_others", lang, others=others))
        for path in e.made:
            command = erase_mod.made_again(ws, path)
            if command is None:
                echo(say("erase_made", lang, path=str(path)))
            else:
                echo(say("erase_made_again", lang, path=str(path), command=command))
        for path in e.aside:
            echo(say("erase_aside", lang, path=str(path)))
        for path in e.drafts:
            echo(say("erase_draft", lang, path=str(path)))
        for missing in e.missing:
            echo(say("erase_draft_missing", lang, path=missing))
        for path in e.unproven:
            echo(say("erase_draft_unproven", lang, path=str(path)))
        for m in e.mails:  # out of reach: named with what finds it in a mailbox
            to = erase_mod.mask(m.to) if m.to in e.values else m.to or "?"
            day = in_language(local_day(m.at), lang)
            key = (
                "erase_mail_maybe"
                if m.maybe
                else "erase_mail_sent"
                if m.sent
                else "erase_mail_draft"
            )
            echo(say(key, lang, round=m.round, day=day, to=to))
        for test in e.test_drafts:
            echo(say("erase_test_draft", lang, path=test))
        for file, when in e.outside:  # where the coordinator had it written: never deleted
            echo(say("erase_outside", lang, path=file, day=in_language(local_day(when), lang)))
        for file, when in e.outside_gone:
            echo(say("erase_outside_gone", lang, path=file, day=in_language(local_day(when), lang)))
        for folder in e.spools:
            echo(say("erase_spool", lang, path=str(folder)))
        return yes or agreed(say("erase_ask", lang), say("erase_ask_again", lang))

    with bar:
        done = erase_mod.erase(
            ws,
            institution_id,
            paths,
            note,
            shown,
            progress=tell,
            keep_current=keep_current,
            texts=texts,
            inner=inner,
        )
    if done is None:
        raise click.ClickException(say("reg_erase_declined", lang))
    note = erased_shown(done.note, lang)
    name = erased_shown(done.name, lang)
    echo(say("erase_done", lang, iid=done.institution_id, name=name, note=note))


@register.command(
    "erase-login",
    short_help="Erase a coordinator's login name from who changed the register.",
)
@click.argument("login", callback=text_only)
@click.option("--yes", is_flag=True, help="Do not ask before erasing.")
@workspace_option
@library_errors
def erase_login(login: str, yes: bool, workspace_dir: str) -> None:
    """Erase a coordinator's login name (DSGVO Art. 17: a coordinator who left asks for it)
    from who changed the register: every change the journal says LOGIN made (register set,
    confirm, resolve, merge, retire, restore, erase, import) names a marker instead, shown as
    (gelöscht) by register history and find --all; the copies register repair and register
    rebuild kept aside too. The changes themselves stay; register rebuild and repair replay
    the journal as before. Says how many changes name it and asks first, unless --yes.
    """
    from ingest import erase as erase_mod

    ws = Workspace.open(workspace_dir)
    lang = ws.language

    def shown(e: erase_mod.LoginErasure) -> bool:
        echo(say("erase_login_head", lang, login=e.login, n=e.operations))
        for path in e.aside:
            echo(say("erase_login_aside", lang, path=str(path)))
        return yes or agreed(say("erase_login_ask", lang), say("erase_ask_again", lang))

    done = erase_mod.erase_login(ws, login, shown)
    if done is None:
        raise click.ClickException(say("reg_erase_declined", lang))
    echo(say("erase_login_done", lang, login=done.login, n=done.operations))


def _note_written(ws: Workspace, path: Path) -> None:
    """Note a print or table written outside the workspace (:meth:`Workspace.wrote`); a
    workspace this user may only read (a colleague's) cannot note it, which is said."""
    try:
        ws.wrote(path)
    except OSError as exc:
        error = exc.strerror or str(exc)
        said = say("written_not_noted", ws.language, path=str(path), log=WRITTEN, error=error)
        echo(said, err=True)


def _named(reg: Register, iid: str, lang: str) -> str:
    """``iid`` and its name, and the institution it was merged into (register merge), if so."""
    named = f"{iid} {name_line(reg, iid, lang)}"
    keep = reg.merged_into(iid)
    return named if keep is None else f"{named} {say('erase_merged_into', lang, keep=keep)}"


@register.command("confirm")
@click.argument("institution_id")
@click.option(
    "--category",
    "categories",
    multiple=True,
    help="Only its entry in this checklist: id or name, e.g. Psychotherapie (repeatable; "
    "default: all its entries).",
)
@click.option(
    "--note",
    callback=note_only,
    required=True,
    help="Who confirmed it and how, kept in its history: e.g. 'telefonisch bestätigt, Frau Öztürk'.",
)
@click.option("--force", is_flag=True, help="Confirm a retired institution all the same.")
@workspace_option
@library_errors
def confirm(
    institution_id: str, categories: tuple[str, ...], note: str, force: bool, workspace_dir: str
) -> None:
    """Record that INSTITUTION_ID confirmed its entries as they are, e.g. on the telephone
    ("Is everything on your entry still true?" — "Yes.").

    Its entries (all, or those of --category) count as confirmed by the institution today:
    they leave the update list ('register stale', 'status', 'mail --stale') until they are out
    of date again. No value changes, forms already sent stay current; its history shows the
    note. Their values and the institution's own (name, address …) count as the institution's
    word, as if confirmed on its form: an imported list or a checklist from someone else never
    replaces them by itself ('register conflicts' shows them held, with the day and the note).
    An entry that lacks required data or holds an invalid value stays on the list for that:
    correct it with 'formgen register set'.
    """
    note = _one_line(note, "confirm")
    ws = Workspace.open(workspace_dir)
    lang = ws.language
    with journal.writing(ws) as w:
        done = w.confirm(institution_id, categories, note, force, lang)
        reg = w.register
    entries = reg.institutions[institution_id]["entries"]
    findings = {
        f.category: f
        for f in staleness.review(reg, categories=done, lang=lang)
        if f.institution_id == institution_id
    }
    for cid in done:
        day = staleness.last_confirmed(entries[cid])
        said = say(
            "confirmed_done",
            lang,
            iid=institution_id,
            name=name_line(reg, institution_id, lang),
            category=reg.schema.category_label(cid, lang),
            date=date_text(day, lang) if day else "?",
            note=note,
        )
        echo(said)
        if cid in findings:
            echo(say("still_incomplete", lang, why=staleness.why_text(reg, findings[cid], lang)))


@register.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--note",
    callback=note_only,
    help="Where the list comes from, kept with its source ('register history'): e.g. "
    "'Bestandsliste der Koordinationsstelle 2025'.",
)
@click.option("--dry-run", is_flag=True, help="Say what the import would do; change nothing.")
@encoding_option
@workspace_option
@library_errors
def import_cmd(
    file: str, note: str | None, dry_run: bool, encoding: str | None, workspace_dir: str
) -> None:
    """Import the centre's own list of institutions (CSV or XLSX) as the register's starting
    point, to be confirmed by each institution.

    FILE is the table 'formgen register export --format csv|xlsx' writes (with or without
    --labels): one row per institution and checklist. So export → edit in Excel → import
    round-trips; a list of your own fits when its columns are named so. A row with an
    institution_id of the register updates that institution; a list's own id (K-17) stays
    linked to its institution, which a later row giving it updates; one without is matched by
    name and postcode or phone (merged, held as a probable duplicate, or a new institution).
    Values are checked as a returned form's are; an invalid one is kept as typed and flagged.
    An imported value never replaces one the institution gave itself or one set by hand (it
    waits in 'register conflicts'), and it confirms nothing: the entries stay on the update
    list until the institution answers — 'formgen mail --from-register' sends each its
    prefilled form. One line per row; a file that is no such table changes nothing (exit 1).
    """
    from ingest import table_import

    if note is not None:
        note = _one_line(note, "import")
    ws = Workspace.open(workspace_dir)
    done = table_import.import_file(ws, read_list(file), Path(file).name, note, dry_run, encoding)
    for line in table_import.report_lines(done):
        echo(line)


def _pipeline_reread(ws: Workspace) -> journal.Reread:
    try:
        module = importlib.import_module("ingest.pipeline")
        make = getattr(module, "make_reread", None)  # needs the workspace's secret and schemas
        func: journal.Reread = make(ws) if make is not None else module.reread
    except (ImportError, AttributeError):
        raise click.ClickException(say("regerr_no_reread", ws.language)) from None
    return func


@register.command("rebuild")
@click.option(
    "--reread",
    is_flag=True,
    help="Read every archived original again with the current readers (instead of the journal's copy).",
)
@workspace_option
@library_errors
def rebuild(reread: bool, workspace_dir: str) -> None:
    """Make register.json again from the journal and the archive (a damaged one is kept aside)."""
    ws = Workspace.open(workspace_dir)
    lang = ws.language
    again = _pipeline_reread(ws) if reread else None
    with progress_bar(say("rebuild_progress", lang), REBUILD_PROGRESS) as tell:
        report = journal.rebuild(ws, again, progress=tell)
    said = say(
        "rebuilt",
        lang,
        path=str(ws.register_path),
        operations=say_count("operations", lang, report.operations),
        merged=say_count("returns_merged", lang, report.merged),
        institutions=say_count("institutions", lang, report.institutions),
    )
    echo(said)
    for file_name in report.erased:
        echo(say("erase_reread", lang, file=erased_shown(file_name, lang)))
    if report.damaged_copy:
        echo(say("damaged_kept", ws.language, path=str(report.damaged_copy)))
    if report.edited_copy:
        echo(say("edited_kept", ws.language, path=str(report.edited_copy)))
    for iid in report.half_erased:
        echo(say("rebuild_half_erased", lang, iid=iid))


@register.command("repair")
@workspace_option
@library_errors
def repair(workspace_dir: str) -> None:
    """Repair a damaged journal without a backup, so that the register can be changed again.

    The damaged journal.jsonl is kept as journal.jsonl.damaged-TIME and a new one begins with
    the register as it is: register.json with what the journal holds after it up to the
    damaged line (or, where register.json is damaged too, the journal's operations before that
    line; register.json is kept as register.json.damaged-TIME). It says what is lost: the
    operations numbered after the damage that neither holds. With a backup of journal.jsonl,
    restore that instead: this keeps the register's history, but 'register rebuild --reread'
    reads again only the returns ingested after the repair. A whole journal is left as it is.
    """
    ws = Workspace.open(workspace_dir)
    done = journal.repair(ws)
    lang = ws.language
    path = str(journal.journal_path(ws))
    if done.damage is None:
        echo(say("repair_nothing", lang, path=path))
        return
    institutions = say_count("institutions", lang, done.institutions)
    operations = say_count("operations", lang, done.operations)
    kept = str(done.journal_kept)
    echo(
        say(
            "repair_done",
            lang,
            path=path,
            kept=kept,
            institutions=institutions,
            operations=operations,
        )
    )
    register = str(ws.register_path)
    if done.was is not None:
        was = say_count("institutions", lang, done.was)
        echo(say("repair_kept_all", lang, register=register, institutions=was, seq=done.operations))
    elif done.register_kept is not None:
        echo(say("repair_register_damaged", lang, register=register, path=str(done.register_kept)))
    else:
        echo(say("repair_register_missing", lang, register=register))
    if done.lost:
        first, last = done.operations + 1, done.operations + done.lost
        echo(
            say(
                "repair_lost_one" if done.lost == 1 else "repair_lost",
                lang,
                first=first,
                last=last,
                kept=kept,
            )
        )
    echo(say("repair_after", lang, kept=kept))


@register.command("stale")
@_filters
@click.option(
    "--today",
    type=DATE,
    help="Judge staleness as of this date (15.12.2026 or 2026-12-15; default today).",
)
@click.option(
    "--records",
    "records_path",
    type=click.Path(dir_okay=False),
    help="Also write the institutions concerned as JSON records: the input list for update forms.",
)
@workspace_option
@json_option
@library_errors
def stale(
    categories: tuple[str, ...],
    region: str | None,
    today: dt.date | None,
    records_path: str | None,
    workspace_dir: str,
    as_json: bool,
) -> None:
    """Entries that are out of date, lack required data, hold invalid values or were never
    confirmed by the institution itself.

    Their institutions are the update list: 'formgen status' counts them as 'to update' and
    'formgen mail --stale' asks each of them, for these checklists, for an update.
    """
    ws, reg = _open(workspace_dir)
    found = staleness.review(reg, today, categories or None, region, ws.language)
    if records_path:
        recs = [staleness.record_json(r) for r in staleness.update_records(reg, found)]
        write_atomic(Path(records_path), json.dumps(recs, ensure_ascii=False, indent=1).encode())
    if as_json:
        echo_json([f.to_json() for f in found])
    else:
        lang = ws.language
        echo(staleness.findings_table(reg, found, lang, columns()))
        count = len({f.institution_id for f in found})
        if records_path:
            echo("\n" + say_count("update_list_file", lang, count, path=records_path))
        elif found:
            # a day to come: the round that asks for what will be out of date by then
            ahead = today is not None and today > dt.date.today()
            command = "formgen mail --stale" + (f" --stale-by {today}" if ahead else "")
            echo("\n" + say_count("update_list", lang, count, command=command))


@register.command("gaps")
@_filters
@workspace_option
@json_option
@library_errors
def gaps(
    categories: tuple[str, ...], region: str | None, workspace_dir: str, as_json: bool
) -> None:
    """Categories with no entry in a region, or only entries answering "Fehlanzeige" (a schema
    without regions: categories with no entry at all, or only "Fehlanzeige")."""
    ws, reg = _open(workspace_dir)
    found = staleness.gaps(reg, [region] if region else None, categories or None, ws.language)
    if as_json:
        echo_json([g.to_json() for g in found])
    else:
        notes = staleness.dropped_note(reg, ws.language, region)
        if not (region and notes):  # a region no longer offered has no gaps, only its line
            echo(staleness.gaps_table(reg, found, ws.language, columns()))
        for line in notes:
            echo(line)


@register.command("report")
@click.option(
    "--year",
    type=click.IntRange(1900, 9999),
    help="The year (default: this one). Of a year that is over, the register as it was at its "
    "end, 31.12., and the answers that came in that year as read by today.",
)
@lang_option("Language of the texts (default: the workspace's).")
@workspace_option
@json_option
@library_errors
def report(year: int | None, lang: str | None, workspace_dir: str, as_json: bool) -> None:
    """A year's figures for the annual report to the funder: institutions in the register by
    checklist and region, how many are new, answered, confirmed, taken out.

    Each figure by one rule. In the register as it was at the end of the year (this year's:
    today's): new are the institutions that came into the register that year (an imported
    list's too); taken out those retired that year and not back, apart from those merged into
    another ('register merge'), which are counted as that one. By the day an answer came in
    (its mail's Date, else the day it was read), among all read by today: answered those a
    returned form came from that year, whatever it changed (values held for a decision too; a
    value set by hand or an import is no answer); confirmed those with an entry confirmed by a
    return or 'register confirm' that came in that year, whatever date its form gives. A mail
    of 30.12. read on 02.01. counts in the old year. Mailed are the institutions a mail of
    formgen reached that year (sent or a draft, by the send log; one that came back
    undelivered not), with the number of rounds, and of them answered those that answered
    these mails by today, with their share: a December mail answered in January counts for
    December's year."""
    from formgen.sendlog import SendLog
    from ingest import yearly
    from ingest.mailview import WorkspaceRegisterView

    ws, reg = _open(workspace_dir)
    lang = lang or ws.language
    today = dt.date.today()
    year = year or today.year
    if year > today.year:
        today_said = date_text(today, ws.language)
        said = say("report_future", ws.language, year=str(year), today=today_said)
        raise click.UsageError(said)
    stand = min(dt.date(year, 12, 31), today)
    now = reg  # the answers read by today count in the year they came in
    if stand < today:
        _before_start(ws, stand)
        reg = _as_of(ws, stand, shown=not as_json) or reg
    view = WorkspaceRegisterView(ws, today, now)
    mailed = yearly.year_mailed(now, view, SendLog(ws.root).deliveries(), year, today)
    figures = replace(yearly.year_figures(reg, year, stand, now, today), mailed=mailed)
    if as_json:
        echo_json(figures.to_json())
    else:
        echo(yearly.figures_text(reg, figures, lang, columns()))


@register.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "xlsx"], case_sensitive=False),
    default="csv",
    show_default=True,
    help="File format.",
)
@click.option(
    "--form",
    type=click.Choice(["wide", "long"], case_sensitive=False),
    default="wide",
    show_default=True,
    help="CSV: one row per entry (wide) or per value with its source (long).",
)
@click.option(
    "--delimiter",
    type=click.Choice([",", ";", "tab"], case_sensitive=False),
    default=None,
    help="CSV separator (default: ';' for a table in German, the workspace's language or "
    "--lang de, as German Excel expects it; else ',').",
)
@click.option(
    "--no-personal",
    is_flag=True,
    help="Leave out personal data (fields marked personal: contact persons; the long "
    "table's source file names; why an institution was retired, which may name people).",
)
@click.option(
    "--labels",
    is_flag=True,
    help="CSV/XLSX for people: headers, checklists and fields by their names, choices and "
    "languages as words (Persisch (Farsi)) instead of codes (fa), yes/no, dates and why a value "
    "is invalid in the same language; the long table also its times (local), the XLSX its "
    "sheet names.",
)
@lang_option(
    "With --labels: the language of labels and problems; of a CSV also its separator "
    "(default: the workspace's).",
)
@click.option(
    "--with-retired",
    is_flag=True,
    help="CSV/XLSX: also the retired institutions (left out otherwise), with the day each was "
    "retired and why in two more columns. The JSON always has them, marked 'retired'.",
)
@click.option(
    "--stand",
    type=DATE,
    help="The register as it was at the end of that day, one gone by (31.12.2025 or "
    "2025-12-31; default today), as 'register print --stand' prints it: its entries stale "
    "as of that day, the day in the file's name.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Output file (default: exports/register-DATE.EXT in the workspace, a CSV "
    "register-DATE-wide.csv or -long.csv; with --labels -beschriftet before the .EXT, with "
    "--no-personal -ohne-personen, in English -labels and -no-personal). The same export made "
    "again that day replaces its file; another never does.",
)
@workspace_option
@library_errors
def export(
    fmt: str,
    form: str,
    delimiter: str | None,
    no_personal: bool,
    labels: bool,
    lang: str | None,
    with_retired: bool,
    stand: dt.date | None,
    output: str | None,
    workspace_dir: str,
) -> None:
    """Export the consolidated register as JSON, CSV (UTF-8 with BOM; ';' between the values of
    a table in German, as German Excel expects them, else ',') or XLSX.

    The CSV and XLSX tables leave out retired institutions ('formgen register retire') unless
    --with-retired; the JSON keeps every institution and marks those retired.

    --stand 31.12.2025 exports the register as it was at the end of that day (for the year's
    report), as 'register print --stand' prints it."""
    from ingest import export as export_mod

    ws, reg = _open(workspace_dir)
    _stand_known(ws, stand)
    if stand is not None:  # the register as it was that day, not today's under its date
        reg = _as_of(ws, stand) or reg
    personal = not no_personal
    lang = lang or ws.language
    with_retired = with_retired or fmt == "json"
    sep = "\t" if delimiter == "tab" else delimiter or csv_delimiter(lang)
    if fmt == "json":
        data = export_mod.export_json(reg, personal, stand=stand)
    elif fmt == "csv":
        data = export_mod.export_csv(
            reg, form, sep, personal, labels, stand, lang=lang, with_retired=with_retired
        )
    else:
        left_out: list[str] = []
        with progress_bar(say("export_progress", ws.language), XLSX_PROGRESS) as tell:
            data = export_mod.export_xlsx(
                reg,
                personal,
                labels,
                today=stand,
                lang=lang,
                with_retired=with_retired,
                warnings=left_out,
                centre=ws.centre_name,
                progress=tell,
            )
        for warning in left_out:
            echo(
                say("regerr_warning", ws.language, warning=in_language(warning, ws.language)),
                err=True,
            )
    # each table has its own name, as the print: never taken for another, nor written over it
    suffix = f"-{form}" if fmt == "csv" else ""
    if labels and fmt != "json":
        suffix += f"-{say('export_file_labels', lang)}"
    if no_personal:
        suffix += f"-{say('print_file_no_personal', lang)}"
    path = (
        Path(output)
        if output
        else ws.exports_dir / f"register-{(stand or dt.date.today()).isoformat()}{suffix}.{fmt}"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    _note_written(ws, path)
    if stand is not None:  # said once it is written: an error is said alone
        _before_start(ws, stand)
    said = "exported_no_personal" if no_personal else "exported"
    count = say_count("institutions", ws.language, len(reg.ids(with_retired)))
    echo(say(said, ws.language, path=str(path), institutions=count, fmt=fmt))
    if fmt == "csv":
        echo(say("exported_csv_spreadsheet", ws.language))
        if sep == ",":
            echo(say("exported_csv_comma", ws.language))


@register.command("find")
@click.argument("words", nargs=-1, callback=text_only)
@click.option("--category", callback=text_only, help="Category id or name, e.g. psychotherapie.")
@click.option("--region", callback=text_only, help="Region value or name, e.g. Düsseldorf.")
@click.option(
    "--language",
    multiple=True,
    callback=text_only,
    help="Language code or name, e.g. fa or Farsi; Kurdisch also finds Sorani and Kurmandschi. "
    "Repeated (--language Dari --language Farsi): entries offering any of them.",
)
@click.option(
    "--text",
    callback=text_only,
    help="Words anywhere in the entry, each of them, in any order (case and accents ignored, "
    "ü found as ue too); a phone number as written (0211/1234567, +49 (0)211 1234567).",
)
@click.option(
    "--all",
    "everywhere",
    is_flag=True,
    help="Look for the text (a person's name, address, phone number) in everything the "
    "workspace stores, earlier values, senders, quarantine, send log and reports too, and say "
    "where each is (a name of several words: its parts too, said as such), and the folders an "
    "ingest killed outright left: to answer an access request (DSGVO Art. 15).",
)
@workspace_option
@json_option
@library_errors
def find(
    words: tuple[str, ...],
    category: str | None,
    region: str | None,
    language: tuple[str, ...],
    text: str | None,
    everywhere: bool,
    workspace_dir: str,
    as_json: bool,
) -> None:
    """Find entries, e.g. psychotherapists in Düsseldorf who offer Farsi:
    --category psychotherapie --region duesseldorf --language fa

    WORDS, if given, are the text to look for, as with --text: 'formgen register find Yılmaz';
    several words find the entries holding each of them, in any order ('formgen register find
    Frauen Dormagen'), a phone number as a letterhead prints it the number stored
    ('formgen register find 0211 1234567'). Each entry found is shown with its town and phone.

    With --all, the text is looked for in everything formgen stores in the workspace (an
    access request, DSGVO Art. 15: 'formgen register find --all "Oksana Petrenko"'): the
    values now and earlier, where they came from (file names, mail senders), held values,
    the journal and the copies 'register repair' and 'register rebuild' kept aside, the
    quarantine's records, who the Word files in the archive and the quarantine say saved
    them, the send log, the forms issued (issued.jsonl) and the reports and exports, and the
    mails a form found there went out with; each place with its file, institution, field and
    date. The files formgen wrote outside the workspace
    (--out, --output, -o) are named, not searched. A phone number is matched by its digits."""
    if words and text:
        raise click.UsageError(Said("reg_usage_text_once"))
    text = " ".join(words) or text
    if everywhere:
        if category or region or language or not (text or "").strip():
            raise click.UsageError(Said("reg_usage_all_text_only"))
        _find_all(Workspace.open(workspace_dir), str(text), as_json)
        return
    ws, reg = _open(workspace_dir)
    hits = search.find(reg, category, region, language, text, ws.language)
    if as_json:
        echo_json(
            [
                {
                    "institution_id": h.institution_id,
                    "name": h.name,
                    "category": h.category,
                    "region": h.region,
                    "city": h.city,
                    "phone": h.phone,
                    "languages": list(h.languages),
                    "wider": list(h.wider),
                }
                for h in hits
            ]
        )
        return
    echo(search.hits_table(reg, hits, ws.language, columns()))
    if region is not None and reg.schema.region_value(region) is None:  # one no longer offered
        echo(
            staleness.region_dropped(
                reg, staleness.region_held(reg, region, ws.language), ws.language
            )
        )


def _find_all(ws: Workspace, text: str, as_json: bool) -> None:
    """``register find --all``: every place of the workspace that holds ``text``
    (:mod:`ingest.access`), by kind, in the workspace's language."""
    from ingest import access, spool
    from ingest.quarantine import local_day

    places = access.look(ws, text)
    unsearched = access.not_searched(ws)
    left = [str(folder) for folder in spool.abandoned()]
    outside = [{**w, "there": Path(w["path"]).exists()} for w in ws.written_outside()]
    if as_json:
        echo_json(
            {
                "text": text,
                "places": [p.as_json() for p in places],
                "not_searched": unsearched,
                "left_by_ingest": left,
                "written_outside": outside,
            }
        )
        return
    lang, root = ws.language, str(ws.root)
    try:
        reg: Register | None = journal.load(ws)
    except RegisterError as exc:  # damaged or edited by hand: searched as text, names unknown
        echo(say("regerr_warning", lang, warning=in_language(exc.args[0], lang)), err=True)
        reg = None
    stored = [p for p in places if p.where != "mail"]  # a mail lies in mailboxes, not in root
    if not stored:
        echo(say("access_none", lang, text=text, root=root))
    else:
        echo(say_count("access_head", lang, len(stored), text=text, root=root))
        if partial := list(dict.fromkeys(p.partial for p in stored if p.partial)):
            n = sum(1 for p in stored if p.partial)
            named = ", ".join(f"„{part}“" for part in partial)
            echo(say_count("access_partial", lang, n, parts=named))
    for where in access.WHERE:
        here = [p for p in places if p.where == where]
        if here:
            echo()
            echo(say(f"access_where_{where}", lang))
        for p in here:
            parts = []
            if p.institution_id:
                name = ""
                if reg is not None and p.institution_id in reg.institutions:
                    name = reg.name_of(p.institution_id, lang)
                parts.append(f"{p.institution_id} {name}".strip())
            if p.line is not None:
                parts.append(say("access_line", lang, file=p.file, n=p.line))
            elif p.where in ("quarantine", "export", "property"):
                parts.append(p.file)
            if p.where == "mail":  # a mail: its round, sent or a draft
                parts += [round_text(p.about or "?", lang), say(f"access_mail_{p.field}", lang)]
            else:
                about = _about_text(p.about, p.where, lang) if p.about else None
                field = _keys_text(p.field, reg, lang) if p.field else None
                parts += [x for x in (about, field) if x]
            if p.until:  # an earlier value: since when it was stored, when it was replaced
                until = in_language(local_day(p.until), lang)
                since = in_language(local_day(p.at), lang) if p.at else "?"
                parts.append(say("access_since_until", lang, since=since, until=until))
            elif p.at:
                parts.append(in_language(local_day(p.at), lang))
            if p.by:  # who set it (or replaced it: after „ersetzt …“), imported it, wrote the note
                parts[-1] += " " + say("changed_by", lang, user=p.by)
            if p.partial:
                parts.append(say("access_partial_at", lang, part=p.partial))
            text = erased_shown(p.text, lang)  # a text erased inside it
            echo_fitted(f"  {' · '.join(parts)}: „{cut(text, 100)}“")
    echo()
    files = "".join(say_count(f"access_count_{k}", lang, n) for k, n in unsearched.items() if n)
    echo_fitted(say("access_not_searched", lang, files=files))
    for folder in left:
        echo_fitted(say("access_spool", lang, path=folder))
    if outside:  # --out, --output, -o: where the coordinator had them written
        echo_fitted(say("access_outside", lang))
    for w in outside:
        day = in_language(local_day(w["at"]), lang)
        key = "access_outside_file" if w["there"] else "access_outside_gone"
        echo_fitted(say(key, lang, path=str(w["path"]), day=day))


@register.command("print")
@click.option(
    "--category",
    "categories",
    multiple=True,
    help="Only this category: id or name, e.g. Psychotherapie (repeatable).",
)
@click.option(
    "--region",
    help="Only this region (value or name, e.g. Düsseldorf): the categories holding entries "
    "there; the contents name the others.",
)
@lang_option("Language of the texts (default: the workspace's).")
@click.option(
    "--stand",
    type=DATE,
    help="The 'Stand' date (31.12.2025 or 2025-12-31; default today): the register as it was at "
    "the end of that day, one gone by.",
)
@click.option(
    "--no-personal",
    is_flag=True,
    help="Leave out personal data (fields marked personal: contact persons), as 'register "
    "export --no-personal' does: for partners or a published guide. The cover says so.",
)
@click.option(
    "--changed-since",
    type=DATE,
    help="Only the sheets to replace in a binder printed with this Stand: the sections whose "
    "entries changed since, with cover, contents and index, behind a first page that says "
    "which sheets to take out and put in.",
)
@click.option(
    "--simplex",
    is_flag=True,
    help="For single-sided printing or reading on screen (einseitig): no blank pages („Diese "
    "Seite bleibt frei“) before a section; each still begins on a page of its own and numbers "
    "its own pages. Default: duplex, every section on the front of a sheet. The file name ends "
    "in -einseitig (in English -simplex).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Output PDF (default: exports/register-DATE.pdf; with --region or --category "
    "they are named in it, e.g. register-DATE-duesseldorf.pdf; with --no-personal "
    "-ohne-personen.pdf, in English -no-personal.pdf; in another language than the "
    "workspace's its code, e.g. register-DATE-en.pdf). The same print made again that day "
    "replaces its file; another never does.",
)
@workspace_option
@library_errors
def print_cmd(
    categories: tuple[str, ...],
    region: str | None,
    lang: str | None,
    stand: dt.date | None,
    no_personal: bool,
    changed_since: dt.date | None,
    simplex: bool,
    output: str | None,
    workspace_dir: str,
) -> None:
    """Print the register as a loose-leaf PDF: cover, contents, one section per category
    holding entries (the contents name the others under "Noch keine Einträge"), an index by
    language and by town with a key.

    Each section begins on the front of a sheet (the page before it left blank where needed)
    and numbers its own pages ("2. Betreutes Wohnen · Seite 3/6"), so that a section printed
    alone (--category) is the same sheets. With --simplex, for single-sided printing or the
    screen: no blank pages, each section still on pages of its own. The contents list the institutions taken out of
    the register in the year before, with their sections: their sheets are to be removed.

    In each section every region lists its entries; a region without any entry says "Kein
    Eintrag", one whose institutions all answered "Fehlanzeige" (nothing to offer) says
    "Fehlanzeige". Every entry says when it was last confirmed, or never confirmed, as of
    which day; stale entries are marked.

    With --no-personal, for partner organisations or a published guide: without the contact
    persons' personal data (what 'register export --no-personal' leaves out), said on the
    cover and in the file name.

    A print of one region (--region Dormagen) has the categories holding entries there; the
    others are named together in its contents ("Ohne Eintrag in Dormagen"), not a sheet each,
    unless --category asks for them.

    A print of one region or some categories names them in its file name
    (register-DATE-duesseldorf-psychotherapeutin-niedergelassen.pdf, in ASCII), and one in
    another language than the workspace's (--lang) ends in its code (register-DATE-en.pdf), so
    it never replaces the full print of the day, nor another.

    A region the schema no longer offers that entries hold (--region dormagen, by id or old
    name) prints those entries under its old name, marked as no longer offered, in the
    categories that hold them.

    For the binder: --changed-since 25.11.2026 (the Stand on its pages) prints the sections
    whose entries changed since, with cover, contents and index, behind a first page naming
    the sheets to take out and put in (a changed section whole: its pages are numbered "3/6"
    within it). Changed since the print of that Stand as recorded in prints.jsonl, or, for a
    binder printed before it was kept, since the register of the day before, made again from
    the journal (seconds a year). --stand 31.12.2025 prints the register as it was at the end
    of that day (a day to come is refused). A print of some sections (--category) says so on
    its cover,
    contents and index.
    """
    from ingest.printed import PrintOptions, file_name, render_register
    from ingest.reprint import (
        PRINTS,
        changed_against,
        prints_of,
        record_print,
        render_changed,
        section_digests,
    )

    ws, reg = _open(workspace_dir)
    _stand_known(ws, stand)
    if changed_since is not None and (categories or region is not None):
        raise click.UsageError(say("print_changed_with", ws.language))
    if changed_since is not None and changed_since > (stand or dt.date.today()):
        day = (stand or dt.date.today()).isoformat()
        said = say("print_changed_after", ws.language, since=changed_since.isoformat(), stand=day)
        raise click.UsageError(said)
    if stand is not None:  # the register as it was that day, not today's under its date
        reg = _as_of(ws, stand) or reg
    printed_on = stand or dt.date.today()
    options = PrintOptions(
        centre=ws.centre_name,
        stand=printed_on,
        categories=categories,
        region=region,
        lang=lang or ws.language,
        personal=not no_personal,
        since=changed_since,
        duplex=not simplex,
    )
    changed, older = [], []
    prints = ws.root / PRINTS
    whole = not categories and region is None  # the binder's print: recorded, compared
    digests = section_digests(reg, not no_personal) if whole else {}
    if changed_since is not None:  # the binder holds a print of that Stand: as recorded, or
        recorded = prints_of(prints, changed_since, not no_personal)  # the day before's register
        printed = recorded.prints
        if recorded.damaged:  # said with what is compared instead, the first line's why
            (n, error), *more = recorded.damaged
            instead = "prints_damaged_compared" if printed else "prints_damaged_journal"
            lines = ", ".join(str(m) for m, _ in more[:10]) + (", …" if len(more) > 10 else "")
            said = Said(
                "prints_damaged_line" if n else "prints_damaged_file",
                path=readable(prints),
                n=n,
                error=error,
                more=said_count("prints_damaged_more", len(more), lines=lines) if more else "",
                instead=Said(instead, since=changed_since.isoformat(), n=len(printed)),
            )
            echo(Said("regerr_warning", warning=said).in_language(ws.language), err=True)
        if not printed:  # not recorded: a binder of a formgen before 2026-11-25, perhaps
            before = _as_of(ws, changed_since - dt.timedelta(days=1)) or reg
            printed = [section_digests(before, not no_personal)]
            older = [c for c in reg.schema.categories if c.id not in digests]
        changed = changed_against(printed, digests, reg.schema.categories)
        if not changed:
            echo(say("printed_unchanged", ws.language, since=changed_since.isoformat()))
            return
    with progress_bar(say("print_progress", ws.language), PRINT_PROGRESS) as tell:
        if changed:
            result = render_changed(reg, changed, options, tell, older)
            pdf = result.pdf
        else:
            pdf = render_register(reg, options, tell)
    path = Path(output) if output else ws.exports_dir / file_name(reg, options, ws.language)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, pdf)
    _note_written(ws, path)
    if stand is not None:  # said once it is written: an error is said alone
        _before_start(ws, stand)
    if whole:  # the whole binder as of its Stand, sections swapped
        record_print(prints, printed_on, not no_personal, digests)
    if changed:
        sections = ", ".join(title for _n, title, _pages in result.sections)
        echo(
            say(
                "printed_changed",
                ws.language,
                path=str(path),
                since=changed_since.isoformat() if changed_since else "",
                sections=sections,
                pages=result.pages,
                total=result.all_pages,
                kb=len(pdf) // 1024,
            )
        )
        if result.every:
            since = changed_since.isoformat() if changed_since else ""
            echo(say("printed_changed_all", ws.language, since=since))
        return
    said = "printed_no_personal" if no_personal else "printed"
    echo(say(said, ws.language, path=str(path), kb=len(pdf) // 1024))
    if region is not None and reg.schema.region_value(region) is None:  # one no longer offered
        echo(
            staleness.region_dropped(
                reg, staleness.region_held(reg, region, ws.language), ws.language
            )
        )


print_cmd.name = "print"


def _stand_known(ws: Workspace, stand: dt.date | None) -> None:
    """A ``--stand`` of a day to come is misuse (exit 2), as ``report --year`` of a year not
    begun: the register is known as it was at the end of a day gone by, or today's; one of a
    day to come would be today's, its entries judged stale as of a day nobody has seen."""
    today = dt.date.today()
    if stand is not None and stand > today:
        said = say("stand_future", ws.language, stand=stand.isoformat(), today=today.isoformat())
        raise click.UsageError(said)


def _before_start(ws: Workspace, day: dt.date) -> None:
    """Say (on stderr, in the workspace's language) where ``day`` lies before the register
    began (:func:`ingest.journal.began`): a report, export or print of it holds no institution,
    which is no mistake of formgen's but may be one of the day typed (01.01.1900 for 2026)."""
    first = journal.began(ws)
    if first is not None and day < first:
        said = say(
            "stand_before_start", ws.language, stand=day.isoformat(), first=first.isoformat()
        )
        echo(said, err=True)


def _as_of(ws: Workspace, day: dt.date, shown: bool = True) -> Register | None:
    """:func:`ingest.journal.as_of` with a progress bar while the journal is replayed (not
    ``shown`` for ``--json``)."""
    if not shown:
        return journal.as_of(ws, day)
    said = say("as_of_progress", ws.language, day=date_text(day, ws.language))
    with progress_bar(said, REBUILD_PROGRESS) as tell:
        return journal.as_of(ws, day, tell)


_OPERATION = re.compile(r"([a-z-]+) #(\d+)")
"""What :mod:`ingest.access` says a journal line is about: its operation and number."""


def _about_text(about: str, where: str, lang: str) -> str:
    """What a place of ``find --all`` is about, as the coordinator reads it: a journal line's
    operation in words (``merge #11`` → ``Vorgang 11: Rückmeldung eingelesen``), an erased
    file name as erased (``(gelöscht)``); ``--json`` keeps them as stored."""
    about = erased_shown(about, lang)
    op = _OPERATION.fullmatch(about) if where == "journal" else None
    if op is None:
        return about
    key = f"access_op_{op[1].replace('-', '_')}"
    said = say(key, lang) if key in WORDS["en"] else op[1]
    return say("access_operation", lang, n=int(op[2]), op=said)


def _keys_text(keys: str, reg: Register | None, lang: str) -> str:
    """The keys a text was found under (:attr:`ingest.access.Place.field`), as the coordinator
    reads them: a value path by its checklist's name and field's label, a field's own key
    beside its path once, a record's key in words (``note`` → ``Notiz``), a field's own key
    alone (a line of the journal: ``concepts``) by its field's label."""
    from ingest.labels import key_label

    each = keys.split(", ")
    paths = [k for k in each if "." in k]
    shown: list[str] = []
    for key in each:
        if key in paths:
            shown.append(_path_text(key, reg, lang))
        elif not any(p.endswith(f".{key}") for p in paths):  # else the same field again
            word = f"access_key_{key}"
            field = key_label(reg.schema, key, lang) if reg is not None else key
            shown.append(say(word, lang) if word in WORDS["en"] else field)
    return ", ".join(dict.fromkeys(shown))


def _path_text(path: str, reg: Register | None, lang: str) -> str:
    """A value path by its label (:func:`ingest.labels.path_label`), as stored where the
    register could not be read or the schema has no such checklist."""
    from ingest.labels import path_label

    if reg is None:
        return path
    try:
        return path_label(reg.schema, path, lang)
    except FormgenError:  # no checklist of the schema: as stored
        return path
