"""``formgen ingest``: read returned forms (files, folders, saved mails) into the register."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shlex
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from formgen.cli.common import (
    SaidHelp,
    command_line,
    echo,
    echo_fitted,
    echo_json,
    library_errors,
    workspace_option,
)
from formgen.filenames import readable, shown
from formgen.workspace import Workspace, write_atomic

if TYPE_CHECKING:
    from ingest.report import IngestReport

PROGRESS_FROM = 10
"""Show a progress bar (on a terminal, on stderr) from this many files on."""


def _existing(ctx: click.Context, param: click.Parameter, paths: tuple[Path, ...]) -> Any:
    """A path that is not there is misuse (a typo); a link is there even when it leads nowhere
    or in a loop (``click.Path(exists=True)`` would refuse the whole run): ingest reports it."""
    for path in paths:
        if not os.path.lexists(path):
            raise click.BadParameter(f"Path '{shown(path)}' does not exist.", ctx, param)
    return paths


@click.command("ingest", cls=SaidHelp)
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), callback=_existing
)
@workspace_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (for machines).")
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print only the counts line and where the report is kept, no file names (for cron, "
    "which mails the output around); the exit status and the kept report as without it.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 when any file was not simply ok (warnings, quarantined, unreadable, unsupported).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Read and check the files, but write nothing (no merge, no quarantine copies).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes (default: one per core, at most 2).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1, 3600),
    default=60.0,
    show_default=True,
    help="Seconds one file may take before it is stopped and reported.",
)
@click.option(
    "--memory",
    "memory_mb",
    type=click.IntRange(64, 65536),
    default=1024,
    show_default=True,
    help="Megabytes one file may use (on top of the worker's own) before it is stopped.",
)
@click.option(
    "--accept-no-workspace",
    "no_workspace_ok",
    is_flag=True,
    help="Take in blank checklists made without a workspace ('formgen generate' without "
    "--workspace), whose signature cannot be checked: look at them first. Kept aside otherwise.",
)
@click.option(
    "--no-changes",
    is_flag=True,
    help="A mail without a form that answers a mail of formgen (its line names whose answer to "
    "which mail): read it in as the forms that mail carried, sent back unchanged by the "
    "institution ('no changes'); in a mailbox (.mbox, Maildir) every answer recognised. "
    "Without this option such a mail is only told.",
)
@library_errors
def ingest(
    paths: tuple[Path, ...],
    workspace_dir: str,
    as_json: bool,
    quiet: bool,
    strict: bool,
    dry_run: bool,
    jobs: int | None,
    timeout: float,
    memory_mb: int,
    no_workspace_ok: bool,
    no_changes: bool,
) -> None:
    """Ingest returned forms: PDF, DOCX and ODT files, folders and ZIP archives of them, and
    saved mails (.eml, .mbox, Maildir folders, Outlook .msg) whose attachments are the forms.

    Every file gets one line: ok, warnings (invalid values kept as typed, missing required
    fields, a printed copy), quarantined (unknown form, tampered identity, unknown schema —
    kept in the workspace's quarantine/ folder, not merged), or unreadable (with the reason).
    A form merged goes into the register (register.json, its history in journal.jsonl) and
    the file into the workspace's archive/ folder; the report, with every warning, is kept as
    exports/ingest-DATE-TIME.txt, below a line with the time, the command line and the
    workspace (not with --dry-run, nor where there was nothing to read).
    Exit status 0 when every file was handled, even if some were quarantined or unreadable;
    1 when the run itself failed (or, with --strict, when any file was not ok). With --quiet
    only the counts line and the report's place are printed: no file name (a CV's, a doctor's
    letter's) in a cron job's mail.
    """
    started = time.time()
    from formgen.messages import os_error_message, say, say_count
    from ingest import journal
    from ingest.answers import Answers
    from ingest.pipeline import (
        Limits,
        ReadContext,
        discover_for,
        ingest_sources,
        register_merge,
    )
    from ingest.report import Outcome

    ws = Workspace.open(workspace_dir)
    # a dry run says what the real run would refuse (a damaged register), before it reads a file
    if dry_run:
        journal.load_to_change(ws)
    tasks, missing = discover_for(ws, paths)
    ctx = ReadContext.for_workspace(ws, no_workspace_ok)
    told = shlex.quote(workspace_dir)
    ctx = dataclasses.replace(ctx, answers=Answers(str(ws.root), told, no_changes))
    limits = Limits(seconds=timeout, memory_bytes=memory_mb << 20)
    total = len(tasks) + len(missing)
    bar: Any = None
    if total >= PROGRESS_FROM and not as_json and sys.stderr.isatty():
        bar = click.progressbar(
            length=total, label=say("ingest_pipeline_progress", ws.language), file=sys.stderr
        )

    merged = 0

    def progress(outcome: Outcome) -> None:
        nonlocal merged
        merged += outcome.merged is not None
        if bar is not None and outcome.container is None:
            bar.update(1)

    def run(merge: Any, ingested: Any = None) -> Any:
        return ingest_sources(
            tasks,
            ctx,
            quarantine_dir=None if merge is None else ws.quarantine_dir,
            merge=merge,
            limits=limits,
            jobs=jobs,
            progress=progress,
            outcomes=missing,
            archive=None if merge is None else ws,
            issued_by=ws,
            ingested=ingested,
        )

    try:
        if bar is not None:
            bar.__enter__()
        if dry_run:
            report = run(None)
        else:
            with journal.writing(ws) as writer:
                report = run(register_merge(ws, writer), writer.register.data["sources"])
    except OSError as exc:  # the workspace itself (disk full, permissions): the run failed
        why = os_error_message(exc).in_language(ws.language)
        failed = (
            say_count("ingest_pipeline_run_failed_kept", ws.language, merged, why=why)
            if merged
            else say("ingest_pipeline_run_failed", ws.language, why=why)
        )
        raise click.ClickException(failed) from exc
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    report.finish(since=started)  # loading and writing the register are part of the run

    saved: Path | None = None
    if not dry_run and (report.outcomes or report.unfinished):  # not for an empty inbox
        try:
            saved = save_report(ws, report)
        except OSError as exc:
            why = os_error_message(exc).in_language(ws.language)
            echo(say("ingest_pipeline_report_not_saved", ws.language, why=why), err=True)
    if as_json:
        echo_json(report.to_json())
    else:
        for line in () if quiet else report.lines(lang=ws.language):
            echo_fitted(line)
        summary = report.summary(ws.language)
        if dry_run:
            summary += " " + say("ingest_pipeline_dry_run", ws.language)
        echo_fitted(summary)
        if saved is not None:
            echo_fitted(say("ingest_pipeline_report_saved", ws.language, path=readable(saved)))
    if report.unfinished:
        raise click.ClickException(
            say_count(
                "ingest_pipeline_interrupted",
                ws.language,
                report.unfinished,
                by=report.interrupted_by,
            )
        )
    failed = report.failed_strict()
    if strict and failed:
        raise click.ClickException(
            say("ingest_pipeline_strict", ws.language, failed=len(failed), n=len(report.files()))
        )


def save_report(ws: Workspace, report: IngestReport) -> Path:
    """Keep the run's report in the workspace's exports (the unreadable files are nowhere else),
    below a line that says when it ran, in this computer's zone as ``status`` and ``register
    history`` say a time, the command line and the workspace: a report of cron's run is read
    later by someone else."""
    from formgen.messages import moment_text, say

    now = dt.datetime.now(dt.UTC)
    stamp = now.astimezone().strftime("%Y-%m-%d-%H%M%S")
    path = ws.exports_dir / f"ingest-{stamp}.txt"
    n = 1
    while path.exists():
        n += 1
        path = ws.exports_dir / f"ingest-{stamp}-{n}.txt"
    at = moment_text(now.isoformat(timespec="seconds"), ws.language)
    root = readable(os.path.abspath(ws.root))
    header = say(
        "ingest_pipeline_report_header", ws.language, at=at, command=command_line(), root=root
    )
    lines = report.lines(verbose=True, lang=ws.language)
    text = "\n".join([header, *lines, report.summary(ws.language)]) + "\n"
    ws.exports_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode())
    return path
