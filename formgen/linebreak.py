"""Where a line of text may break: at spaces, never at a no-break space.

German typography ties „z. B.“, „40 %“, „Nr. 5“ or „S. 3“ together with U+00A0 NO-BREAK
SPACE or U+202F NARROW NO-BREAK SPACE (U+2007 FIGURE SPACE, in numbers, is no-break too).
Python's ``str.split()`` breaks at all three, and so does reportlab's ``simpleSplit`` (which then
joins the pieces with ordinary spaces); reportlab's ``Paragraph`` keeps U+00A0 together but breaks
at U+202F and U+2007 (reportlab 4/5, ``platypus.paragraph._wsc``). Every PDF formgen makes
wraps its text with the helpers here, so both kinds of no-break space keep their words together
and are drawn as what they are (DejaVu Sans has a glyph for each, as wide as a space or, for
U+202F, narrower).

A value pasted from Word or a web page brings characters nobody sees (soft hyphens, zero-width
spaces, no-break spaces): :func:`pasted` takes them out where a value is read in (a returned
form, an imported table, a recipients list) and compared or searched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

NO_BREAK = "\u00a0\u2007\u202f"
"""The spaces a line must not break at (Unicode line-break class GL)."""

BREAKS = re.compile(rf"[^\S{NO_BREAK}]+")
"""A run of whitespace a line may break at: every whitespace character but the no-break ones."""


def words(text: str) -> list[str]:
    """``text`` split at the spaces a line may break at, like ``str.split()`` but with the
    no-break spaces kept inside the words they join."""
    return [word for word in BREAKS.split(text) if word]


def collapse(text: str) -> str:
    """Runs of breakable whitespace as one space, ends trimmed; no-break spaces kept."""
    return " ".join(words(text))


SHOWN_BREAK = "\u21b5"
"""How a line break of a value is shown where the value stands on one line: „↵“ (DejaVu Sans has
it). A space hid it (a phone number flagged for the line break it holds read as two numbers
side by side); „/“ is what people write between two phone numbers."""


LINE_BREAK = re.compile("\r\n|[\n\r\u2028\u2029]")
"""A line break as a value may hold it, the one definition formgen goes by: ``\n``, ``\r\n``
and ``\r`` (a cell of a table made on Windows or an old Mac), U+2028 LINE SEPARATOR and U+2029
PARAGRAPH SEPARATOR (text pasted from a web page or a word processor; Unicode's own line
breaks, which ``str.splitlines`` and the terminal's escapes count as breaks too)."""


def newlines(text: str) -> str:
    """``text`` with each line break as ``\\n``, nothing else changed: how formgen keeps a value
    read from a returned form or a table. The same text then is the same value, whether a
    viewer stored Enter as ``\\r\\n`` (PDFium) or ``\\n`` (pdf.js), or the line break came
    pasted as U+2028 (PDFium and LibreOffice keep that as typed)."""
    if text.isascii() and "\r" not in text:  # the only ASCII line breaks are \n and \r
        return text
    return LINE_BREAK.sub("\n", text)


_PASTED = str.maketrans(
    {
        "\u00ad": None,  # soft hyphen: where Word may hyphenate; drawn as „-“ in the print
        "\u200b": None,  # zero-width space: a web page's place to break a long word
        "\ufeff": None,  # byte order mark / zero-width no-break space
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
    }
)
"""Characters pasted from Word or a web page that nobody sees or means to type: searched for,
compared or printed they are not the text a person reads. The zero-width non-joiner and joiner
(U+200C, U+200D) are kept: Persian and Arabic words and emoji are written with them."""
_BROKEN_LINE = re.compile(rf"\s*(?:{LINE_BREAK.pattern}|\t)\s*")
"""A line break or a tab (a cell copied from a table, a field left with the Tab key), with the
blanks around it: one space in a one-line value."""


def pasted(text: str, one_line: bool = False) -> str:
    """``text`` without the characters pasted with it unseen (:data:`_PASTED`: soft hyphens and
    zero-width spaces left out, no-break spaces as spaces); ``one_line``: each line break or
    tab, with the blanks around it, as one space (a name pasted from two lines, a street
    copied from two cells of a table: ``Königsallee\t12``)."""
    text = text.translate(_PASTED)
    # every line break and the tab is unprintable: most texts need no look for them
    return _BROKEN_LINE.sub(" ", text) if one_line and not text.isprintable() else text


def breaks_shown(text: str) -> str:
    """``text`` with each line break as :data:`SHOWN_BREAK`, nothing else changed."""
    return LINE_BREAK.sub(SHOWN_BREAK, text)


def one_line(text: str) -> str:
    """``text`` for one line: the whitespace of each of its lines as :func:`collapse` leaves
    it, a line break as :data:`SHOWN_BREAK`."""
    return SHOWN_BREAK.join(collapse(line) for line in LINE_BREAK.split(text))


def wrap(text: str, measure: Callable[[str], float], width: float) -> list[str]:
    """``text`` broken at breakable spaces into lines that ``measure`` no wider than ``width``
    (line breaks kept). A word wider than ``width`` (a long compound, a web address) is broken
    as :func:`split_word` breaks it: drawn whole, it went on beyond its column and off the
    page."""
    lines: list[str] = []
    for para in LINE_BREAK.split(text):
        line = ""
        for word in words(para):
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            full, line = split_word(word, measure, width)
            lines += full
        lines.append(line)
    return lines


BREAK_AFTER = "/.@-"
"""Where a word wider than its line (a compound) is broken first: after a slash, a dot, an at
sign or a hyphen, not inside a name."""

ADDRESS_AFTER, ADDRESS_BEFORE = "/@", ".-"
"""Where a web or e-mail address wider than its line is broken: after a slash or an at sign,
before a dot or a hyphen (so that a line never ends in a hyphen or a dot of the address's own,
which a reader takes for a word broken at its end or for the address's end:
„…psychosoziales-zentrum-“ / „duesseldorf.de“), not inside a name („beratungszentrum.exam“ /
„ple“)."""


def _address(word: str) -> bool:
    return "@" in word or "://" in word or word.casefold().startswith("www.")


def split_word(word: str, measure: Callable[[str], float], width: float) -> tuple[list[str], str]:
    """A word wider than ``width``: the lines it fills, and its rest (the start of the next
    line). Each line ends after the last of :data:`BREAK_AFTER` that fits (never between two of
    them: „https://“ stays whole) — in a web or e-mail address where :data:`ADDRESS_AFTER` and
    :data:`ADDRESS_BEFORE` allow —, else where the line is full."""
    lines: list[str] = []
    address = _address(word)
    while len(word) > 1 and (cut := _fitting(word, measure, width)) < len(word):
        if address:
            at = (k for k in range(cut, 0, -1) if _address_break(word, k))
        else:
            at = (k for k in range(cut, 0, -1) if word[k - 1] in BREAK_AFTER)
            at = (k for k in at if word[k] not in BREAK_AFTER)
        cut = next(at, cut)
        lines.append(word[:cut])
        word = word[cut:]
    return lines, word


def _address_break(word: str, k: int) -> bool:
    """An address may be broken before ``word[k]``: after a slash or an at sign, before a dot or
    a hyphen, never between two of these („https://“, „.-“)."""
    before, after = word[k - 1], word[k]
    marks = ADDRESS_AFTER + ADDRESS_BEFORE
    if before in marks and after in marks:
        return False
    return before in ADDRESS_AFTER or after in ADDRESS_BEFORE


def _fitting(word: str, measure: Callable[[str], float], width: float) -> int:
    """How many of ``word``'s characters fit ``width``: all, or at least one (a combining mark
    stays with the letter before it)."""
    low = _most(lambda n: measure(word[:n]) <= width, 1, len(word))
    while low > 1 and low < len(word) and unicodedata.combining(word[low]):
        low -= 1
    return low


def shorten(text: str, measure: Callable[[str], float], width: float, least: int = 0) -> str:
    """``text`` whole where ``measure`` puts it within ``width``, else its longest head that
    fits with „…“ after it, the head's blanks at its end dropped (``Praxis Dr.…``). The head
    ends where a word ends (before a space a line may break at, :data:`BREAKS`) if that leaves
    no more than the last third of ``width`` empty, else within the word („Beratungsstelle
    für Migration“ in 24 columns: ``Beratungsstelle für…``, not ``Beratungsstelle für Mi…``;
    an Arabic word cut within is drawn as another word, its last letter in the form that ends
    a word). A shortened text has at least ``least`` characters, „…“ counted: one of no more
    is kept whole."""
    if len(text) <= least or measure(text) <= width:
        return text

    def cut(n: int) -> str:
        return text[:n].rstrip() + "…"

    low = max(least - 1, 0)
    head = _most(lambda n: measure(cut(n)) <= width, low, len(text) - 1)
    word = max((m.start() for m in BREAKS.finditer(text, low, head + 1)), default=0)
    if word and measure(cut(word)) >= width * 2 / 3:
        head = word
    return cut(head)


def _most(fits: Callable[[int], bool], low: int, high: int) -> int:
    """The largest ``n`` from ``low`` to ``high`` that ``fits`` (``low`` where none does), for a
    ``fits`` that holds up to some ``n`` and for none above. Found by doubling (``high`` tried
    where the doubling passes it), then halving, so that no more than twice the answer is
    measured at a time: measuring the rest of a word of 100,000 letters for each of its lines,
    or all of a cell's value for each cut, took seconds."""
    step = max(low, 1)
    while low < high:
        probe = min(low + step, high)
        if not fits(probe):
            high = probe - 1
            break
        low, step = probe, 2 * step
    while low < high:
        mid = (low + high + 1) // 2
        if fits(mid):
            low = mid
        else:
            high = mid - 1
    return low


def for_paragraph(text: str, narrow: str = "\u00a0") -> str:
    """``text`` as reportlab's ``Paragraph`` keeps it together: it breaks at U+202F and U+2007
    but not at U+00A0, so U+2007 is given to it as U+00A0 and U+202F as ``narrow``: by default a
    U+00A0 too (drawn a little wider), or markup that draws one as narrow as U+202F."""
    return text.replace("\u202f", narrow).replace("\u2007", "\u00a0")
