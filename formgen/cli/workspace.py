"""``formgen init``: create a workspace."""

from __future__ import annotations

import shlex

import click

from formgen.cli.common import (
    SaidHelp,
    echo,
    library_errors,
    text_only,
)
from formgen.filenames import readable
from formgen.messages import say
from formgen.workspace import Workspace, git_work_tree


@click.command("init", cls=SaidHelp)
@click.argument("directory", type=click.Path(file_okay=False))
@click.option(
    "--name",
    default="SPKoM",
    show_default=True,
    callback=text_only,
    help="Name of the coordination centre.",
)
@click.option("--sender", default="", help="E-mail address mails are sent from.")
@click.option(
    "--lang",
    type=click.Choice(["de", "en"], case_sensitive=False),
    default="de",
    show_default=True,
    help="The workspace's language ([centre] language): of forms and mails to institutions "
    "not asked otherwise, and of the register's tables, history, exports and print.",
)
@click.option(
    "--with-files",
    is_flag=True,
    help="Make DIRECTORY a workspace although it holds other files (they are left as they are).",
)
@library_errors
def init(directory: str, name: str, sender: str, lang: str, with_files: bool) -> None:
    """Create a workspace in DIRECTORY: configuration, signing secret, register and archive.

    DIRECTORY is a new or empty folder; one that holds other files (returned forms, say) is
    refused unless --with-files is given. A workspace, or what is left of one, is never
    overwritten. The folder is made readable by you only (mode 0700): it will hold personal
    data.
    """
    ws = Workspace.init(directory, name=name, sender=sender, language=lang, with_files=with_files)
    echo(say("init_created", lang, root=str(ws.root)))
    echo(say("init_configuration", lang, path=str(ws.root / "workspace.toml")))
    echo(say("init_secret", lang, path=str(ws.root / "secret.key")))
    echo(say("init_private", lang))
    if (repo := git_work_tree(ws.root.parent)) is not None and (ws.root / ".gitignore").is_file():
        echo(say("init_git_ignored", lang, repo=readable(repo)))
    echo(say("init_next", lang, root=shlex.quote(readable(directory))))
