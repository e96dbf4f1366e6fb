"""Plain-text tables for the terminal, in columns whatever script a name is written in.

A column is as wide as its widest cell *as the terminal shows it*: a combining accent (a
decomposed "ü", Arabic vowel marks) takes no column, a Chinese or Japanese character takes two,
Latin, Greek, Cyrillic and Arabic letters one each. ``str.ljust`` counts code points, so a name
with combining marks would push every later column of its row to the right.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from formgen.filenames import terminal
from formgen.linebreak import BREAKS, one_line, shorten

SEPARATOR = "  "


def char_width(ch: str) -> int:
    """Columns the terminal gives ``ch``: 0 for combining marks and invisible format
    characters (a zero-width joiner, a direction mark), 2 for wide East Asian ones, else 1."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """Columns ``text`` takes in the terminal."""
    return sum(char_width(ch) for ch in text)


def cut(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` columns: a longer one ends with "…"
    (:func:`formgen.linebreak.shorten`; a combining mark stays with its letter); a line break is
    shown as „↵“, so a cell stays on its row and the reader sees the break, and a no-break space
    stays what it is (:func:`formgen.linebreak.one_line`). A control character counts as the
    escape the terminal shows for it (``\\x07`` takes four columns), so that :func:`table` keeps
    the column within ``limit``."""
    return shorten(terminal(one_line(text)), width, limit)


def pad(text: str, columns: int) -> str:
    """``text`` followed by blanks up to ``columns`` columns."""
    return text + " " * max(columns - width(text), 0)


def table(rows: Sequence[Sequence[str]], columns: int | None = None, under: int = 0) -> str:
    """The first row is the header, underlined with dashes; columns separated by two blanks. A
    control character in a cell is measured as the escape the terminal shows for it
    (:func:`formgen.filenames.terminal`), so that the columns stay in line.

    A table wider than ``columns`` (the terminal's width; ``None``: no limit) is fitted to it.
    Its last ``under`` columns (by default its last one where it is its widest: a reason, the
    languages) go on a line of their own under each row's second column, their cells joined by
    " · " and folded at the width (:func:`fold`): each row stays together. Then the widest
    cells are cut with "…" (:func:`cut`) as far as needed, never below :data:`_NARROWEST`
    columns, so that an id stays whole."""
    shown = [[terminal(c) for c in r] for r in rows]
    widths = [max(width(r[i]) for r in shown) for i in range(len(shown[0]))]
    if columns is None or _across(widths) <= columns:
        lines = [_row(r, widths) for r in shown]
        lines.insert(1, _dashes(widths))
        return "\n".join(lines)
    if not under and len(widths) > 2 and widths[-1] == max(widths):
        under = 1
    if under:
        del widths[-under:]
    while _across(widths) > columns and (w := max(widths)) > _NARROWEST:
        widths[widths.index(w)] -= 1
    indent = " " * (widths[0] + len(SEPARATOR))
    lines = []
    for r in rows:
        lines.append(_row([cut(c, w) for c, w in zip(r, widths, strict=False)], widths))
        if under:
            below = " · ".join(one_line(c) for c in r[-under:])
            lines.append(fold(indent + terminal(below), columns, len(indent)))
    lines.insert(2 if under else 1, _dashes(widths))
    return "\n".join(lines)


_NARROWEST = 12
"""Columns a cut cell keeps at least: an id (``inst-0001``, ``c-0001``) and a word and "…"."""


def _across(widths: Sequence[int]) -> int:
    """Columns a row of cells ``widths`` wide takes."""
    return sum(widths) + len(SEPARATOR) * (len(widths) - 1)


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return SEPARATOR.join(pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip()


def _dashes(widths: Sequence[int]) -> str:
    return SEPARATOR.join("-" * w for w in widths)


COMMAND = re.compile(r"formgen(?: --?[\w-]+| [\w.<>-]+){1,5}")
"""A command a text names, with up to five words or options after ``formgen`` (``formgen
register resolve c-NNNN --take mine``): :func:`fold` keeps it on one line where it can, so that
it can be copied whole."""


def fold(line: str, columns: int | None, indent: int = 4) -> str:
    """``line`` in lines of at most ``columns`` columns (the terminal's width; ``None``: no
    limit), broken at the spaces a line may break at (:data:`formgen.linebreak.BREAKS`), those
    after the first ``indent`` blanks in, so that a long sentence reads as one block under its
    start; as it is where it fits. A word longer than a line (an address, a path) stays whole,
    on a line of its own as far as it can: one cut in two could not be copied; a command (:data:`COMMAND`) is not broken where the line
    can break before it."""
    if columns is None or width(line) <= columns:
        return line
    out: list[str] = []
    lead, rest = "", line
    while width(lead + rest) > columns:
        room = columns - len(lead)
        inside = [m.span() for m in COMMAND.finditer(rest)]
        at = at_all = None
        for space in BREAKS.finditer(rest):
            if width(rest[: space.start()]) > room:
                break
            if rest[: space.start()].strip():
                at_all = space
                if not any(start < space.start() < end for start, end in inside):
                    at = space
        if at_all is None:  # a word longer than the line: the break after it
            words = (space for space in BREAKS.finditer(rest) if rest[: space.start()].strip())
            at_all = next(words, None)
        at = at or at_all
        if at is None:
            break
        out.append(lead + rest[: at.start()])
        lead, rest = " " * indent, rest[at.end() :]
    return "\n".join([*out, lead + rest])


def fold_in(text: str, columns: int | None) -> str:
    """Each line of ``text`` folded to ``columns`` (:func:`fold`), the rest of a line four
    columns further in than it starts: a line of a report under its start, an indented note
    under its own."""
    return "\n".join(
        fold(line, columns, len(line) - len(line.lstrip(" ")) + 4) for line in text.split("\n")
    )
