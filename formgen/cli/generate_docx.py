"""``formgen generate docx``: fillable Word forms (content controls), the same options as ``pdf``."""

from __future__ import annotations

from typing import Any

import click

from formgen.cli.common import library_errors
from formgen.cli.generate import form_options, run_generate


@click.command("docx")
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
      formgen generate docx --recipients recipients.csv --out forms/ --workspace ws --seed 1
    """
    run_generate("docx", **options)
