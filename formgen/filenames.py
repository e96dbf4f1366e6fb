"""File names as people read them.

On Linux a file name is bytes. One copied from a USB stick or a Windows share is often
Windows-1252 ("Antwort_\\xc4mal.pdf"), which is not UTF-8; Python then hands it over with lone
surrogates in place of the bytes it could not decode ("Antwort_\\udcc4mal.pdf"). Such a string
opens the file, but it cannot be written as UTF-8 (a report, the journal, JSON) or shown.

:func:`readable` is the name to show and to store; the path as the file system gave it stays
the one that is opened.
"""

from __future__ import annotations

import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")


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
