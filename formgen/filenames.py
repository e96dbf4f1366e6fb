"""File names as people read them.

On Linux a file name is bytes. One copied from a USB stick or a Windows share is often
Windows-1252 ("Antwort_\\xc4mal.pdf"), which is not UTF-8; Python then hands it over with lone
surrogates in place of the bytes it could not decode ("Antwort_\\udcc4mal.pdf"). Such a string
opens the file, but it cannot be written as UTF-8 (a report, the journal, JSON) or shown.

:func:`readable` is the name to show and to store; the path as the file system gave it stays
the one that is opened. :func:`shown` is :func:`readable` for a report line: a name may
hold a line break or another control character (any byte but ``/`` and NUL is allowed), which
is shown as its escape (``\\n``) so that one file stays one line.
"""

from __future__ import annotations

import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")
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
    if not _SURROGATE.search(text):
        return text
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:  # a surrogate that stands for no byte of the name
        return _SURROGATE.sub("\ufffd", text)
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
