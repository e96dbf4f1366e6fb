"""The ``formgen`` command: a thin click layer over the library.

Each sub-area has its own module with its commands; this module only names them. A command's
module is imported when the command runs (or its help is asked for), so ``formgen --help`` and
``formgen status`` start without loading reportlab or the ingest pipeline. Library errors
(:class:`formgen.errors.FormgenError`) and errors of the operating system (``OSError``: a
read-only workspace, permission denied, a full disk) become ``Error: …`` on stderr (in German
„Fehler: …“) with exit status 1; misuse (unknown options, missing arguments) exits 2 (click's
default); where a reader of the output stops reading (``formgen mail --send | head -1``)
the command goes on quietly to its end and exits with status 141, as SIGPIPE ends ``git
log | head``, unless it failed otherwise. Every file and folder a command writes is readable
by the user only (the umask gets 077 added): it may hold personal data, in the workspace or
outside it (mail drafts, forms, prints). A file written anew keeps the mode and group it had
(:func:`formgen.workspace.keep_mode`): one shared on purpose stays shared.
"""

from __future__ import annotations

import os

import click

from formgen.cli.common import FormgenGroup, echo

COMMANDS = {
    "bounces": (
        "formgen.cli.mail:bounces",
        "Record bounced mails: read delivery status notifications (.eml files or an .mbox folder "
        "saved from the mail program), match them to the send log and mark those mails as failed.",
    ),
    "demo": (
        "formgen.cli.demo:demo",
        "Run the whole cycle on the shipped schema and sample returns, into DIRECTORY.",
    ),
    "generate": (
        "formgen.cli.generate:generate",
        "Generate fillable forms from the schema: blank checklists or personalised forms.",
    ),
    "ingest": (
        "formgen.cli.ingest:ingest",
        "Ingest returned forms: PDF, DOCX and ODT files, folders and ZIP archives of them, and "
        "saved mails (.eml, .mbox, Maildir folders, Outlook .msg) whose attachments are the forms.",
    ),
    "init": (
        "formgen.cli.workspace:init",
        "Create a workspace in DIRECTORY: configuration, signing secret, register and archive.",
    ),
    "mail": (
        "formgen.cli.mail:mail",
        "Mail each institution its own prefilled form, as drafts (--drafts DIR) or via SMTP (--send).",
    ),
    "quarantine": (
        "formgen.cli.quarantine:quarantine",
        "List the files kept aside in the quarantine: why, who sent them, whether they were "
        "dealt with; mark one dealt with, or delete one.",
    ),
    "register": (
        "formgen.cli.register:register",
        "Look after the consolidated register: history, conflicts, staleness, exports, print.",
    ),
    "schema": ("formgen.cli.schema:schema", "Check and outline schema files."),
    "status": (
        "formgen.cli.mail:status",
        "Sent / returned / overdue / stale / conflicts / quarantine at a glance, from the send "
        "log, the register and the quarantine.",
    ),
}
"""Each command: where it is defined, and its short help for ``formgen --help`` (the first
sentence of its help; tests/test_cli_docs.py checks that the two agree)."""


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``formgen --version``, as click's version option says it; the version is looked up only
    now (importlib.metadata takes longer to load than most commands take to run)."""
    if value and not ctx.resilient_parsing:
        import formgen

        echo(f"formgen, version {formgen.__version__}")
        ctx.exit()


@click.group(
    cls=FormgenGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
def main() -> None:
    """formgen — checklists of the regional care landscape: generate fillable PDF/DOCX forms
    from one schema, ingest the returned forms and keep a consolidated register current.

    Start with `formgen demo DIR` to see the whole cycle on the shipped Arbeitshilfe schema;
    then `formgen init DIR` makes your centre's workspace.
    """
    # what formgen writes (the register, forms, drafts, exports, in the workspace or anywhere
    # else) may hold personal data: readable by the user only, whatever the umask allowed
    os.umask(os.umask(0o077) | 0o077)
