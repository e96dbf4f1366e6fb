"""Plain-text tables for the terminal, in columns whatever script a name is written in.

A column is as wide as its widest cell *as the terminal shows it*: a combining accent (a
decomposed "ü", Arabic vowel marks) takes no column, a Chinese or Japanese character takes two,
Latin, Greek, Cyrillic and Arabic letters one each. ``str.ljust`` counts code points, so a name
with combining marks would push every later column of its row to the right.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from formgen.filenames import terminal
from formgen.linebreak import one_line

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
    """``text`` in at most ``limit`` columns: a longer one ends with "…" (a combining mark stays
    with its letter); a line break is shown as „↵“, so a cell stays on its row and the reader
    sees the break, and a no-break space stays what it is (:func:`formgen.linebreak.one_line`). A control character counts as
    the escape the terminal shows for it (``\\x07`` takes four columns), so that :func:`table`
    keeps the column within ``limit``."""
    text = terminal(one_line(text))
    if width(text) <= limit:
        return text
    out: list[str] = []
    used = 0
    for ch in text:
        w = char_width(ch)
        if used + w > limit - 1:
            if w == 0 and out:  # a mark of the last letter kept
                out.append(ch)
                continue
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + "…"


def pad(text: str, columns: int) -> str:
    """``text`` followed by blanks up to ``columns`` columns."""
    return text + " " * max(columns - width(text), 0)


def table(rows: Sequence[Sequence[str]]) -> str:
    """The first row is the header, underlined with dashes; columns separated by two blanks. A
    control character in a cell is measured as the escape the terminal shows for it
    (:func:`formgen.filenames.terminal`), so that the columns stay in line."""
    rows = [[terminal(c) for c in r] for r in rows]
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        SEPARATOR.join(pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    lines.insert(1, SEPARATOR.join("-" * w for w in widths))
    return "\n".join(lines)
