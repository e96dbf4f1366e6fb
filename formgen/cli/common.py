"""Helpers shared by the CLI modules: error translation and shared options."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from formgen.errors import FormgenError
from formgen.model import Schema
from formgen.schema_load import default_schema, load_schema

F = TypeVar("F", bound=Callable[..., Any])


def library_errors(func: F) -> F:
    """Turn library errors into ``Error: …`` on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FormgenError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def workspace_option(func: F) -> F:
    """``--workspace/-w DIR``: the workspace (default: $FORMGEN_WORKSPACE, else the current folder)."""
    return click.option(
        "--workspace",
        "-w",
        "workspace_dir",
        type=click.Path(file_okay=False),
        default=".",
        show_default=True,
        envvar="FORMGEN_WORKSPACE",
        help="The workspace (made by 'formgen init'; env FORMGEN_WORKSPACE).",
    )(func)


def schema_option(func: F) -> F:
    """``--schema FILE``: the schema to use (default: the shipped Arbeitshilfe)."""
    return click.option(
        "--schema",
        "schema_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Schema file (YAML). Default: the shipped Arbeitshilfe schema.",
    )(func)


def lang_option(func: F) -> F:
    """``--lang de|en``: the language of labels and texts."""
    return click.option(
        "--lang",
        type=click.Choice(["de", "en"]),
        default=None,
        help="Language of labels and texts (default: the schema's default language, de).",
    )(func)


def resolve_schema(schema_path: str | None) -> Schema:
    return load_schema(schema_path) if schema_path else default_schema()
