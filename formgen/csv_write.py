"""CSV tables for Excel and LibreOffice, one way for every table formgen writes (the register's
exports, :mod:`ingest.export`; a batch's ``manifest.csv``, :mod:`formgen.batch`).

UTF-8 with BOM (so that Excel reads it as UTF-8 at all), CRLF line ends, ``;`` between the
values of a table in German (:func:`csv_delimiter`), and a leading apostrophe before a cell
that starts with ``=``, ``+``, ``-``, ``@``, a tab or CR, so that a spreadsheet never runs it as
a formula (CSV injection; OWASP's advice). :mod:`ingest.sheet` takes the apostrophe off again.
Not before a phone number (:data:`PHONE`): it can name no function, cell or program, and
LibreOffice Calc shows the apostrophe as part of the number (``'+49 211 1000777``).

No CSV keeps a postcode's leading zero in Excel or Calc (a quoted ``"04109"`` is read as the
number 4109 all the same); for them, the register's export is ``--format xlsx``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""How a cell a spreadsheet would run as a formula starts."""

PHONE = re.compile(r"\+[0-9 ()/-]+")
"""A phone number (``+49 211 1000777``, ``+49 (0)211/100-0777``): at worst a spreadsheet reads
it as a number or a sum, never as a function, a reference or a program to run (those take
letters, ``:``, ``!`` or ``|``); left without the apostrophe."""


def neutralise(text: str) -> str:
    """A cell a spreadsheet will not run as a formula: ``=1+1`` → ``'=1+1``; a phone number
    (:data:`PHONE`) as it is."""
    if text.startswith(FORMULA_START) and not PHONE.fullmatch(text):
        return "'" + text
    return text


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
