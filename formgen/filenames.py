"""File names as people read them.

On Linux a file name is bytes. One copied from a USB stick or a Windows share is often
Windows-1252 ("Antwort_\\xc4mal.pdf"), which is not UTF-8; Python then hands it over with lone
surrogates in place of the bytes it could not decode ("Antwort_\\udcc4mal.pdf"). Such a string
opens the file, but it cannot be written as UTF-8 (a report, the journal, JSON) or shown.

:func:`readable` is the name to show and to store; the path as the file system gave it stays
the one that is opened. :func:`shown` is :func:`readable` for a report line: a name may
hold a line break or another control character (any byte but ``/`` and NUL is allowed), which
is shown as its escape (``\\n``) so that one file stays one line.

:func:`slug` is the other way round: a name formgen gives a file of its own, from a label
(``Rhein-Kreis Neuss (Neuss, Meerbusch)`` → ``rhein-kreis-neuss-neuss-meerbusch``), readable in
any program and safe on any file system.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata

SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: half of a UTF-16 character pair, no character."""
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters, and the other characters that break a line (``str.splitlines``)."""


def readable(name: str | os.PathLike[str]) -> str:
    """``name`` (a file name or a path) fit to show and to store as UTF-8.

    A name the file system gave as valid UTF-8 is returned as it is. Otherwise each part of
    the path is decoded from its bytes as UTF-8, else as Windows-1252 (what such names usually
    are: ``Antwort_Ämal.pdf``); a byte Windows-1252 leaves undefined, and a lone surrogate that
    stands for no byte, becomes U+FFFD.
    """
    text = os.fspath(name)
    if not SURROGATE.search(text):
        return text
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:  # a surrogate that stands for no byte of the name
        return SURROGATE.sub("\ufffd", text)
    return "/".join(_decode(part) for part in raw.split(b"/"))


def _decode(part: bytes) -> str:
    try:
        return part.decode("utf-8")
    except UnicodeDecodeError:
        # Windows-1252 leaves five bytes undefined; none of them is a letter of a name.
        return part.decode("cp1252", errors="replace")


def shown(name: str | os.PathLike[str]) -> str:
    """``name`` as a report line shows it: :func:`readable`, with each control character
    (a line break, a tab, an escape sequence's ESC) as its visible escape (``\\n``,
    ``\\x1b``), so that a file name cannot break a report line or forge one."""
    return _CONTROL.sub(_escape, readable(name))


def _escape(match: re.Match[str]) -> str:
    return ascii(match.group())[1:-1]


_ASCII_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ł": "l", "ı": "i", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe"}
)
"""Letters (after ``casefold``, which makes ß ss) written otherwise without their marks:
German umlauts as German writes them, and those Unicode decomposes into no base letter (ł, ı)."""
_WORD = re.compile("[a-z0-9]+")


def slug(text: str, limit: int = 60) -> str:
    """``text`` (a label) as part of a file name: its words in ASCII lower case joined by
    ``-`` (``Flüchtlingsberatungsstellen`` → ``fluechtlingsberatungsstellen``, ``Łódź`` →
    ``lodz``). Where that cannot stand for all of ``text`` (letters of another script, such as
    Arabic or Cyrillic, or longer than ``limit``: cut at a word), the first six hex digits of
    its SHA-256 follow, so that different texts never get the same slug."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_ASCII_LETTERS))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _WORD.findall(folded)
    out = "-".join(words)
    lost = any(ch.isalnum() and not ch.isascii() for ch in folded)
    if not lost and out and len(out) <= limit:
        return out
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
    cut = out[: limit - len(digest) - 1]
    if len(out) > len(cut) and out[len(cut)] != "-":
        cut = cut.rpartition("-")[0]  # at a word
    return f"{cut.strip('-')}-{digest}" if cut.strip("-") else digest
