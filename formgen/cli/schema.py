"""``formgen schema check|show``."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

import click

from formgen.cli.common import echo, lang_option, library_errors, optional_workspace_option
from formgen.errors import FormgenError, Problem, problem_count
from formgen.messages import ENGLISH, in_language, say, say_count
from formgen.model import Schema
from formgen.outline import outline_data
from formgen.schema_load import check_schema, load_schema, shipped_schema_path

if TYPE_CHECKING:
    from formgen.workspace import Workspace


@click.group()
def schema() -> None:
    """Check and outline schema files."""


@schema.command("check")
@click.argument("file", type=click.Path(dir_okay=False), required=False)
@optional_workspace_option(
    "Also check FILE against the schema versions this workspace issued forms with: "
    "fields changed without a new schema_version, renamed_from naming no earlier field. "
    "Without FILE, the workspace's own schema is checked (env FORMGEN_WORKSPACE)."
)
@library_errors
def check(file: str | None, workspace_dir: str | None) -> None:
    """Check a schema FILE (default: the workspace's with --workspace, else the shipped
    Arbeitshilfe) and report every problem.

    Each problem is printed with file, line and what to do. Exit status 0 when the schema is
    valid, 1 when it is not. With --workspace, a new version of the workspace's schema is also
    checked against the versions its forms were issued with.
    """
    from formgen.workspace import Workspace

    ws = Workspace.open(workspace_dir) if workspace_dir is not None else None
    lang = ws.language if ws else ENGLISH  # what it says: in the workspace's language
    path = file or str(ws.schema_file if ws else shipped_schema_path())
    model, problems = check_schema(path)
    if model is not None and ws is not None:
        problems = [Problem(path, None, said) for said in ws.check_against_issued(model)]
    if model is None or problems:
        for problem in problems:  # in the workspace's language
            echo(str(replace(problem, message=in_language(problem.message, lang))), err=True)
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
    if ws is not None:
        for note in _register_notes(ws, model):
            echo(say("schema_note", lang, path=path, note=note))


def _register_notes(ws: Workspace, model: Schema) -> list[str]:
    """What ``model`` means for the values the workspace's register holds: the choices it
    drops that institutions hold, in the workspace's language. A register that cannot be read
    is said so, not an error: the file checked is valid."""
    from ingest import journal  # the CLI is the one place knowing both
    from ingest.staleness import choices_dropped

    try:
        reg = journal.load(ws)
    except FormgenError as exc:
        return [say("schema_not_compared", ws.language, error=str(exc))]
    return choices_dropped(reg, model, ws.language)


@schema.command("show")
@click.argument("file", type=click.Path(dir_okay=False), required=False)
@optional_workspace_option(
    "Without FILE, show the schema this workspace uses: its own schema file, with its own "
    "regions (env FORMGEN_WORKSPACE)."
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
    else:
        model = load_schema(file or shipped_schema_path())
    if as_json:
        echo(json.dumps(outline_data(model, lang), ensure_ascii=False, indent=2))
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
    "Copy the schema this workspace uses (its own schema file) instead of the shipped one "
    "(env FORMGEN_WORKSPACE)."
)
@library_errors
def copy(target: str, workspace_dir: str | None) -> None:
    """Write the schema file in use to TARGET, to adapt it: the workspace's with --workspace,
    else the shipped Arbeitshilfe. An existing TARGET is never replaced.

    Give the copy a new schema_version when you change it, check it with
    `formgen schema check TARGET --workspace DIR` and name it in workspace.toml.
    """
    from formgen.workspace import Workspace

    ws = Workspace.open(workspace_dir) if workspace_dir is not None else None
    lang = ws.language if ws else ENGLISH  # what it says: in the workspace's language
    source = ws.schema_file if ws else shipped_schema_path()
    data = source.read_bytes()
    try:
        with open(target, "xb") as fh:
            fh.write(data)
    except FileExistsError:
        raise click.ClickException(say("schema_copy_exists", lang, target=target)) from None
    except OSError as exc:
        why = str(exc.strerror or exc)
        raise click.ClickException(
            say("schema_cannot_write", lang, target=target, why=why)
        ) from None
    echo(say("schema_copied", lang, target=target, source=str(source)))
