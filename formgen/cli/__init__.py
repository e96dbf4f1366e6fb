"""The ``formgen`` command: a thin click layer over the library.

Each sub-area has its own module with its commands; this module only assembles them. Library
errors (:class:`formgen.errors.FormgenError`) and errors of the operating system (``OSError``: a
read-only workspace, permission denied, a full disk) become ``Error: …`` on stderr with exit
status 1; misuse (unknown options, missing arguments) exits 2 (click's default).
"""

from __future__ import annotations

import click

from formgen import __version__
from formgen.cli import demo as demo_cmd
from formgen.cli import generate as generate_cmd
from formgen.cli import generate_docx as generate_docx_cmd
from formgen.cli import ingest as ingest_cmd
from formgen.cli import mail as mail_cmd
from formgen.cli import register as register_cmd
from formgen.cli import schema as schema_cmd
from formgen.cli import workspace as workspace_cmd
from formgen.cli.common import FormgenGroup


@click.group(
    cls=FormgenGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="formgen")
def main() -> None:
    """formgen — checklists of the regional care landscape: generate fillable PDF/DOCX forms
    from one schema, ingest the returned forms and keep a consolidated register current.

    Start with `formgen demo DIR` to see the whole cycle on the shipped Arbeitshilfe schema.
    """


main.add_command(schema_cmd.schema)
main.add_command(demo_cmd.demo)
main.add_command(workspace_cmd.init)
main.add_command(mail_cmd.mail)
main.add_command(mail_cmd.status)
main.add_command(mail_cmd.bounces)
main.add_command(generate_cmd.generate)
main.add_command(ingest_cmd.ingest)
main.add_command(register_cmd.register)
generate_cmd.generate.add_command(generate_docx_cmd.docx)
