"""CSV tables for Excel and LibreOffice, one way for every table formgen writes (the register's
exports, :mod:`ingest.export`; a batch's ``manifest.csv``, :mod:`formgen.batch`).

UTF-8 with BOM (so that Excel reads it as UTF-8 at all), CRLF line ends, ``;`` between the
values of a table in German (:func:`csv_delimiter`), and a leading apostrophe before a cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab or CR, so that a spreadsheet never runs it as
a formula (CSV injection; OWASP's advice). :mod:`ingest.sheet` takes the apostrophe off again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""How a cell a spreadsheet would run as a formula starts."""


def neutralise(text: str) -> str:
    """A cell a spreadsheet will not run as a formula: ``=1+1`` → ``'=1+1``."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_delimiter(lang: str) -> str:
    """The delimiter of a CSV table written in ``lang``: ``;`` in German, as Excel in Germany
    expects it (a ``,`` file opens there with every row in column A), else ``,``."""
    return ";" if lang == "de" else ","


def to_csv(rows: Iterable[list[str | int]], delimiter: str = ",") -> bytes:
    """UTF-8 with BOM and CRLF, every text cell neutralised against formulas."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(c) if isinstance(c, str) else c for c in row])
    return buf.getvalue().encode("utf-8-sig")
