"""``formgen init``: create a workspace."""

from __future__ import annotations

import click

from formgen.cli.common import library_errors
from formgen.workspace import Workspace


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--name", default="SPKoM", show_default=True, help="Name of the coordination centre.")
@click.option("--sender", default="", help="E-mail address mails are sent from.")
@library_errors
def init(directory: str, name: str, sender: str) -> None:
    """Create a workspace in DIRECTORY: configuration, signing secret, register and archive."""
    ws = Workspace.init(directory, name=name, sender=sender)
    click.echo(f"workspace created in {ws.root}")
    click.echo(f"  configuration: {ws.root / 'workspace.toml'} (centre name, sender, regions)")
    click.echo(f"  signing secret: {ws.root / 'secret.key'} (keep it; never mail it)")
