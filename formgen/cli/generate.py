"""``formgen generate pdf|docx``: fillable forms from the schema (one, or one per recipient).

The options every form format shares are decorator factories (:func:`form_options`); each format's
command adds ``@form_options`` and calls :func:`run_generate` with its ``fmt``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from formgen.batch import generate_batch, generate_one, require_recipients
from formgen.cli.common import (
    DATE,
    SaidHelpGroup,
    echo,
    encoding_option,
    lang_option,
    library_errors,
    read_list,
    read_recipients,
    resolve_schema,
    warn_of_workspace,
)
from formgen.errors import FormgenError
from formgen.forms import FormRequest
from formgen.identity import NO_WORKSPACE
from formgen.messages import ENGLISH, Said, SaidJoined, in_language, os_error_said, say, say_count
from formgen.model import Schema
from formgen.record import record_from_json

F = TypeVar("F", bound=Callable[..., Any])


def form_options(func: F) -> F:
    """The options shared by every ``formgen generate`` format."""
    options = [
        click.option(
            "--kind",
            type=click.Choice(["checklist", "institution"], case_sensitive=False),
            default=None,
            help="checklist: blank entry blocks per category; institution: one institution's own "
            "form (needs --record, --institution or --recipients). Default: institution with "
            "one of those, else checklist.",
        ),
        click.option(
            "--category",
            "categories",
            multiple=True,
            metavar="CATEGORY",
            help="A category (checklist) to include, by its id or its name (Psychotherapie); "
            "repeat for several. Default: all (checklist) or the institution's own categories.",
        ),
        click.option(
            "--record",
            "record_path",
            type=click.Path(dir_okay=False, exists=True),
            default=None,
            help="JSON record of one institution to prefill (see formgen/record.py for its shape).",
        ),
        click.option(
            "--institution",
            "institution_id",
            metavar="ID",
            default=None,
            help="One institution's own form, prefilled with what the workspace's register holds "
            "now (its id as 'formgen register find' shows it; the workspace is the current "
            "folder unless given): to hand over, or to fill in on the telephone, and ingest "
            "like any return.",
        ),
        click.option(
            "--recipients",
            "recipients_path",
            type=click.Path(dir_okay=False, exists=True),
            default=None,
            help="Recipients list, an Excel workbook (XLSX, its first sheet) or a CSV (columns "
            "id, institution, categories, region, email; optionally language): one personalised "
            "form each, into the folder --out, each in its row's language unless --lang is "
            "given; an institution the workspace's register knows is prefilled with what it "
            "holds, as formgen mail does. The format column (for formgen mail) is not used: the "
            "command names the format.",
        ),
        encoding_option,
        click.option(
            "--out",
            "out",
            type=click.Path(),
            default=None,
            help="Output file (one form) or folder (--recipients). Default: in the workspace's "
            "forms/ folder, else the current folder.",
        ),
        lang_option(
            "Language of the form(s), for every institution (default: a recipients row's "
            "language column, else the workspace's, else the schema's own, de for the shipped "
            "one)."
        ),
        click.option(
            "--seed",
            type=int,
            default=None,
            help="Seed for form instance ids: the same input and seed give the same files.",
        ),
        click.option(
            "--stand",
            type=DATE,
            default=None,
            help='The "Stand" date printed on every page (15.12.2026 or 2026-12-15; default: '
            "today).",
        ),
        click.option(
            "--workspace",
            "-w",
            "workspace_dir",
            type=click.Path(file_okay=False),
            default=None,
            envvar="FORMGEN_WORKSPACE",
            help="Workspace: its schema, signing secret and log of issued forms (env "
            "FORMGEN_WORKSPACE). Without it, ingest cannot check the forms' signature: it "
            "keeps their returns aside until they are taken in with --accept-no-workspace.",
            callback=warn_of_workspace,
        ),
        click.option(
            "--schema",
            "schema_path",
            type=click.Path(dir_okay=False),
            default=None,
            help="Schema file (YAML). Default: the workspace's, else the shipped Arbeitshilfe. "
            "With a workspace, its own regions (workspace.toml) replace the file's.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group("generate", cls=SaidHelpGroup)
def generate() -> None:
    """Generate fillable forms from the schema: blank checklists or personalised forms."""


@generate.command("pdf")
@form_options
@library_errors
def pdf(**options: Any) -> None:
    """Fillable PDF forms (AcroForm) that show every script and print on A4.

    \b
    Examples:
      formgen generate pdf --category psychotherapie --out psychotherapie.pdf
      formgen generate pdf --record inst-0001.json --workspace ws
      formgen generate pdf --institution inst-0001 --workspace ws
      formgen generate pdf --recipients recipients.csv --out forms/ --workspace ws --seed 1
    """
    run_generate("pdf", **options)


@generate.command("docx")
@form_options
@library_errors
def docx(**options: Any) -> None:
    """Fillable DOCX forms (Word content controls) that Word and LibreOffice fill and save.

    Every value is a content control tagged with its field path (the same names as the PDF
    form's fields); the form's identity is in the document properties and its reference in
    the footer. DejaVu Sans is embedded, so every script shows on any machine.

    \b
    Examples:
      formgen generate docx --category psychotherapie --out psychotherapie.docx
      formgen generate docx --record inst-0001.json --workspace ws
      formgen generate docx --institution inst-0001 --workspace ws
      formgen generate docx --recipients recipients.csv --out forms/ --workspace ws --seed 1
    """
    run_generate("docx", **options)


def run_generate(
    fmt: str,
    *,
    kind: str | None,
    categories: tuple[str, ...],
    record_path: str | None,
    institution_id: str | None,
    recipients_path: str | None,
    encoding: str | None,
    out: str | None,
    lang: str | None,
    seed: int | None,
    stand: dt.date | None,
    workspace_dir: str | None,
    schema_path: str | None,
) -> None:
    """What every ``formgen generate FORMAT`` command does; ``fmt`` picks the renderer."""
    named = (
        ("--record", record_path),
        ("--institution", institution_id),
        ("--recipients", recipients_path),
    )
    sources = [option for option, value in named if value]
    # said as click's own usage errors are: in the language of the workspace -w names, else
    # of the one in the current folder, else of the locale (cli.common._said_usage)
    if len(sources) > 1:
        and_ = Said("gen_usage_and")
        given = SaidJoined([p for s in sources for p in (and_, s)][1:], sep=" ")
        raise click.UsageError(Said("gen_usage_one_source", given=given))
    if kind == "checklist" and sources:
        raise click.UsageError(Said("gen_usage_checklist", option=sources[0]))
    if kind == "institution" and not sources:
        raise click.UsageError(Said("gen_usage_institution"))
    stand_iso = stand.isoformat() if stand else None  # as a FormRequest holds it
    if institution_id and not workspace_dir:
        workspace_dir = "."  # the register it is prefilled from: as 'formgen register' finds it

    lang_given = lang is not None
    workspace = None
    said_in = ENGLISH  # what this command says: in the workspace's language
    if workspace_dir:
        from formgen.workspace import Workspace

        workspace = Workspace.open(workspace_dir)
        schema: Schema = (
            workspace.for_forms(resolve_schema(schema_path))  # the workspace issues its forms
            if schema_path
            else workspace.schema()
        )
        secret = workspace.secret
        said_in = workspace.language
        lang = lang or workspace.language
    else:
        schema = resolve_schema(schema_path)
        secret = NO_WORKSPACE
    lang = lang or schema.default_language
    if workspace is None:  # said in the forms' language: there is no workspace to say it in
        echo(say("gen_no_workspace", lang), err=True)
    default_dir = workspace.forms_dir if workspace else Path(".")
    categories = tuple(dict.fromkeys(schema.category_named(c, lang).id for c in categories))
    view = None
    if workspace and (institution_id or recipients_path):
        from ingest.mailview import WorkspaceRegisterView  # the CLI is the one place knowing both

        view = WorkspaceRegisterView(workspace)

    if recipients_path:
        from formgen.mailrun import in_place_of_merged, prefill_from, reused_ids
        from formgen.sendlog import SendLog

        source = Path(recipients_path).name
        data = read_list(recipients_path)
        listed = read_recipients(data, source, schema, lang, said_in, encoding)
        if workspace:  # a row under another institution's id would get its form
            listed = reused_ids(listed, view, SendLog(workspace.root).deliveries())
        recipients, merged = in_place_of_merged(
            require_recipients(listed, source, said_in),
            view,
            view.retired() if view else {},
        )
        for note in merged:
            echo(say("mail_note", said_in, note=in_language(note, said_in)), err=True)
        # as formgen mail does: an institution the register knows is prefilled with what it
        # holds (base_version its revision), asked for the checklists its row names
        prefill = prefill_from(view.record if view else (lambda _iid: None))
        records = [replace(prefill(r), categories=r.categories) for r in recipients]
        _warn_retired(view, [r.id for r in recipients], said_in)
        # a row's language chooses its form's, unless --lang says one for all (as in formgen mail)
        langs = {} if lang_given else {r.id: r.lang for r in recipients if r.lang}
        out_dir = Path(out) if out else default_dir
        # on a terminal only, as ingest's: elsewhere click would print its label as a line of
        # its own before the line that says what was made
        bar = (
            click.progressbar(
                length=len(records),
                label=say("gen_progress", said_in, n=len(records), fmt=fmt.upper()),
                file=sys.stderr,
            )
            if sys.stderr.isatty()
            else None
        )
        with bar or contextlib.nullcontext():
            last = [0]

            def progress(done: int, total: int) -> None:
                if bar is not None:
                    bar.update(done - last[0])
                last[0] = done

            result = generate_batch(
                schema,
                records,
                out_dir,
                secret=secret,
                fmt=fmt,
                lang=lang,
                langs=langs,
                emails={r.id: r.email for r in recipients if r.email},
                categories=categories or None,
                seed=seed,
                stand=stand_iso,
                progress=progress,
                workspace=workspace,
            )
        if workspace is not None and out:  # where its values went, for an erasure to name
            for item in result.items:
                workspace.wrote(result.out_dir / item.file, item.record_id)
            workspace.wrote(result.out_dir / "manifest.csv")
        echo(
            say_count(
                "gen_batch",
                said_in,
                len(result.items),
                folder=str(result.out_dir),
                mb=result.total_bytes / 1e6,
                manifest=str(result.out_dir / "manifest.csv"),
            )
        )
        for warning in result.warnings:
            echo(say("mail_gen_warning", said_in, warning=in_language(warning, said_in)), err=True)
        return

    record = None
    if institution_id:
        assert view is not None  # --institution opens the workspace
        record = view.record(institution_id)
        if record is None:
            raise FormgenError(say("gen_no_institution", said_in, iid=institution_id))
        if keep := view.merged().get(institution_id):
            retired = in_language(view.retired()[institution_id], said_in)
            raise FormgenError(
                say("gen_merged", said_in, iid=institution_id, retired=retired, keep=keep, fmt=fmt)
            )
        _warn_retired(view, [institution_id], said_in)
    elif record_path:
        record = record_from_json(schema, _read_json(record_path, said_in), Path(record_path).name)
    if record is not None:
        cats = categories or record.categories
        request = FormRequest("institution", tuple(cats), record, lang, stand_iso)
        target = Path(out) if out else default_dir / f"{record.id}.{fmt}"
    else:
        cats = categories or tuple(c.id for c in schema.categories)
        request = FormRequest("checklist", tuple(cats), None, lang, stand_iso)
        stem = cats[0] if len(cats) == 1 else ("checklisten" if lang == "de" else "checklists")
        target = Path(out) if out else default_dir / f"{stem}.{fmt}"
    form = generate_one(
        schema, request, target, secret=secret, fmt=fmt, seed=seed, workspace=workspace
    )
    if workspace is not None and out and institution_id:  # where its values went, for erase
        workspace.wrote(target, institution_id)
    echo(
        say(
            "gen_made",
            said_in,
            path=str(target),
            reference=form.identity.reference,
            kb=len(form.data) / 1e3,
        )
    )
    for warning in form.warnings:
        echo(say("mail_gen_warning", said_in, warning=in_language(warning, said_in)), err=True)


def _warn_retired(view: Any, ids: list[str], lang: str) -> None:
    """A form made for a retired institution is made all the same (the coordinator asked for
    it), but its return will be merged and flagged: say so, in ``lang``."""
    retired = view.retired() if view else {}
    for iid in ids:
        if (was := retired.get(iid)) is not None:
            echo(say("mail_gen_retired", lang, iid=iid, retired=in_language(was, lang)), err=True)


def _read_json(path: str, lang: str) -> Any:
    """The JSON file ``path``; what is wrong with it said in ``lang``."""
    try:
        text = Path(path).read_text("utf-8-sig")
    except UnicodeDecodeError:
        raise FormgenError(say("gen_not_utf8", lang, path=path)) from None
    except OSError as exc:
        raise FormgenError(
            say("gen_cannot_read", lang, path=path, why=in_language(os_error_said(exc), lang))
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormgenError(
            say("gen_not_json", lang, path=path, line=exc.lineno, why=exc.msg)
        ) from None
