"""``formgen demo``: the whole cycle on the shipped schema and samples."""

from __future__ import annotations

import click

from formgen.cli.common import library_errors
from formgen.outline import outline_text
from formgen.schema_load import default_schema, shipped_schema_path


@click.command()
@click.argument("directory", type=click.Path(file_okay=False), required=False)
@library_errors
def demo(directory: str | None) -> None:
    """Run the main job on the shipped default data and say where each output is.

    Checks and outlines the shipped Arbeitshilfe schema.
    """
    schema = default_schema()
    click.echo(f"{shipped_schema_path()}: valid")
    click.echo(outline_text(schema))
