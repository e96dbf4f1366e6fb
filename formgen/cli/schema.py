"""``formgen schema check|show``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from formgen.cli.common import (
    SaidHelpGroup,
    echo,
    echo_json,
    lang_option,
    language_here,
    library_errors,
    optional_workspace_option,
)
from formgen.errors import FormgenError, Problem, problem_count
from formgen.messages import Said, SaidJoined, in_language, os_error_said, say, say_count
from formgen.model import Schema
from formgen.outline import outline_data
from formgen.schema_load import check_schema, load_schema, shipped_schema_path

if TYPE_CHECKING:
    from formgen.workspace import Workspace


@click.group(cls=SaidHelpGroup)
def schema() -> None:
    """Check and outline schema files."""


@schema.command("check")
@click.argument("file", type=click.Path(dir_okay=False), required=False)
@optional_workspace_option(
    "Also check FILE (relative to DIR, as workspace.toml names it) against the schema "
    "versions this workspace issued forms with: fields changed without a new schema_version, "
    "renamed_from naming no earlier field; notes labels reworded without former_labels; and "
    "that the workspace's own schema can be read. "
    "Without FILE, the workspace's own schema is checked (env FORMGEN_WORKSPACE)."
)
@library_errors
def check(file: str | None, workspace_dir: str | None) -> None:
    """Check a schema FILE (default: the workspace's with --workspace, else the shipped
    Arbeitshilfe) and report every problem.

    Each problem is printed with file, line and what to do, and so is each note on an id formgen
    relies on that the schema leaves out (no field 'date': no entry becomes stale by age; no
    regions). Exit status 0 when the schema is
    valid, 1 when it is not. With --workspace, a relative FILE is the workspace's, as
    workspace.toml names it, and a new version of the workspace's schema is also checked
    against the versions its forms were issued with; a workspace whose own schema cannot be
    used (every command of it fails) fails the check too.
    """
    from formgen.workspace import CONFIG, Workspace, labels_reworded

    ws = Workspace.open(workspace_dir) if workspace_dir is not None else None
    lang = ws.language if ws else language_here()  # the workspace's, else the folder's
    if ws is None:
        path = file or str(shipped_schema_path())
    else:
        path = str(ws.root / file if file else ws.schema_file)
    model, problems = check_schema(path)
    notes = [
        say("schema_note", lang, path=p.where, note=in_language(p.message, lang))
        for p in problems
        if p.note
    ]
    problems = [p for p in problems if not p.note]
    if model is not None and ws is not None:
        problems = [Problem(path, None, said) for said in ws.check_against_issued(model)]
    if model is None or problems:
        for problem in problems:  # in the workspace's language
            echo(str(replace(problem, message=in_language(problem.message, lang))), err=True)
        for note in notes:
            echo(note, err=True)
        raise click.ClickException(
            say_count("schema_invalid", lang, problem_count(problems), path=path)
        )
    echo(
        say(
            "schema_valid",
            lang,
            path=path,
            schema=model.schema_id,
            version=model.schema_version,
            groups=len(model.groups),
            categories=len(model.categories),
            fields=len({f.id for c in model.categories for f in c.fields}),
        )
    )
    for note in notes:  # what the schema means for formgen: ids it relies on left out
        echo(note)
    if ws is not None:
        try:
            ws.schema()
        except FormgenError as exc:
            raise _unusable(ws, exc.args[0]) from None
        also = [in_language(n, lang) for n in labels_reworded(ws.schema(), model, lang)]
        if ws.regions and not any(f.id == "region" for f in model.institution_fields()):
            also.append(say("schema_regions_unused", lang, config=str(ws.root / CONFIG)))
        for note in [*also, *_register_notes(ws, model)]:
            echo(say("schema_note", lang, path=path, note=note))


def _unusable(ws: Workspace, error: str) -> FormgenError:
    """The workspace's own schema cannot be used, so every command of it fails: ``error``
    says why."""
    from formgen.workspace import CONFIG

    return FormgenError(
        Said("schema_workspace_unusable", config=str(ws.root / CONFIG), error=error)
    )


def _register_notes(ws: Workspace, model: Schema) -> list[str]:
    """What ``model`` means for the values the workspace's register holds: the fields it drops
    or gives another type and the choices it drops that institutions hold, in the workspace's
    language. A register that cannot be read
    is said so, not an error: the file checked is valid."""
    from ingest import journal  # the CLI is the one place knowing both
    from ingest.staleness import choices_dropped, fields_changed

    try:
        reg = journal.load(ws)
    except FormgenError as exc:  # its message said in the workspace's language too
        return [
            say("schema_not_compared", ws.language, error=in_language(exc.args[0], ws.language))
        ]
    return [*fields_changed(reg, model, ws.language), *choices_dropped(reg, model, ws.language)]


@schema.command("show")
@click.argument("file", type=click.Path(dir_okay=False), required=False)
@optional_workspace_option(
    "Without FILE, show the schema this workspace uses: its own schema file, with its own "
    "regions; a relative FILE is the workspace's, as workspace.toml names it "
    "(env FORMGEN_WORKSPACE)."
)
@lang_option(
    "Language of labels and texts (default: without FILE, the workspace's with --workspace; "
    "else the schema's own, de for the shipped one)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the outline as JSON.")
@library_errors
def show(file: str | None, workspace_dir: str | None, lang: str | None, as_json: bool) -> None:
    """Print a readable outline of a schema FILE (default: the workspace's with --workspace,
    else the shipped Arbeitshilfe): groups, categories, field counts, regions, version.

    The workspace's schema is shown in the workspace's language unless --lang is given."""
    if file is None and workspace_dir is not None:
        from formgen.workspace import Workspace

        ws = Workspace.open(workspace_dir)
        model = ws.schema()
        lang = lang or ws.language
    else:  # with a workspace, a relative FILE is the workspace's, as in check and copy
        path = Path(workspace_dir) / file if file and workspace_dir else file
        model = load_schema(path or shipped_schema_path())
    if as_json:
        echo_json(outline_data(model, lang))
    else:
        echo(outline_text(model, lang or model.default_language))


def outline_text(model: Schema, lang: str) -> str:
    """The schema as an indented outline in ``lang``, its labels and its words: groups,
    categories, field counts, version."""
    data = outline_data(model, lang)
    regions = ", ".join(r["label"] for r in data["regions"])
    lines = [
        f"{data['title']}",
        say(
            "schema_outline_head",
            lang,
            schema=data["schema_id"],
            version=data["schema_version"],
            languages=", ".join(data["languages"]),
            groups=len(data["groups"]),
            categories=sum(len(g["categories"]) for g in data["groups"]),
        ),
        say(
            "schema_outline_regions",
            lang,
            regions=regions or say("schema_outline_no_regions", lang),
        ),
    ]
    number = 0
    for g in data["groups"]:
        lines.append("")
        lines.append(f"{g['label']}  [{g['id']}]")
        for c in g["categories"]:
            number += 1
            lines.append(
                say(
                    "schema_outline_category",
                    lang,
                    number=number,
                    label=c["label"],
                    id=c["id"],
                    fields=c["fields"],
                    blocks=c["entry_blocks"],
                    days=c["stale_after_days"],
                )
            )
    return "\n".join(lines)


@schema.command("copy")
@click.argument("target", type=click.Path(dir_okay=False))
@optional_workspace_option(
    "Copy the schema this workspace uses (its own schema file) instead of the shipped one, "
    "into the workspace when TARGET is relative (as workspace.toml names it) "
    "(env FORMGEN_WORKSPACE)."
)
@library_errors
def copy(target: str, workspace_dir: str | None) -> None:
    """Write the schema file in use to TARGET, to adapt it: the workspace's with --workspace,
    else the shipped Arbeitshilfe. With --workspace, a relative TARGET is written into the
    workspace (workspace.toml names its schema relative to it). An existing TARGET is never
    replaced.

    Give the copy a new schema_version when you change it, check it with
    `formgen schema check TARGET --workspace DIR` and name it in workspace.toml
    (`path = "TARGET"` under [schema]): what to do is said with the names to use.
    """
    from formgen.workspace import CONFIG, Workspace

    ws = Workspace.open(workspace_dir) if workspace_dir is not None else None
    lang = ws.language if ws else language_here()  # the workspace's, else the folder's
    source = ws.schema_file if ws else shipped_schema_path()
    name, target = target, str(ws.root / target if ws else target)
    try:
        data = source.read_bytes()
    except OSError as exc:
        if ws is None:
            raise  # the shipped schema: formgen's installation is broken
        unread = Said("schema_problem_cannot_read", why=os_error_said(exc))
        raise _unusable(ws, SaidJoined((str(source), unread), ": ")) from None
    try:
        with open(target, "xb") as fh:
            fh.write(data)
    except FileExistsError:
        raise click.ClickException(say("schema_copy_exists", lang, target=target)) from None
    except OSError as exc:
        why = in_language(os_error_said(exc), lang)
        raise click.ClickException(
            say("schema_cannot_write", lang, target=target, why=why)
        ) from None
    if ws is None:
        echo(say("schema_copied", lang, target=target, source=str(source)))
        return
    config = str(ws.root / CONFIG)
    said = {"target": target, "source": str(source), "name": name, "config": config}
    echo(say("schema_copied_for", lang, root=str(ws.root), **said))
