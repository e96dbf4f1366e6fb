"""File names as people read them.

On Linux a file name is bytes. One copied from a USB stick or a Windows share is often
Windows-1252 ("Antwort_\\xc4mal.pdf"), which is not UTF-8; Python then hands it over with lone
surrogates in place of the bytes it could not decode ("Antwort_\\udcc4mal.pdf"). Such a string
opens the file, but it cannot be written as UTF-8 (a report, the journal, JSON) or shown.

:func:`readable` is the name to show and to store; the path as the file system gave it stays
the one that is opened. :func:`shown` is :func:`readable` for a report line: a name may
hold a line break or another control character (any byte but ``/`` and NUL is allowed), which
is shown as its escape (``\\n``) so that one file stays one line. :func:`terminal` does the
same for every line formgen writes to the terminal (:func:`formgen.cli.common.echo`).

:func:`slug` is the other way round: a name formgen gives a file of its own, from a label
(``Rhein-Kreis Neuss (Neuss, Meerbusch)`` → ``rhein-kreis-neuss-neuss-meerbusch``), readable in
any program and safe on any file system.
"""

from __future__ import annotations

import hashlib
import os
import re

from formgen.fold import UMLAUTS, fold

SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: half of a UTF-16 character pair, no character."""
CONTROL = "\x00-\x1f\x7f-\x9f"
"""The control characters (Unicode's category Cc: C0, DEL and C1), as a character class of a
regular expression holds them."""
NOT_TEXT = re.compile(f"(?![\t\n\r])[{CONTROL}]")
"""A control character other than the tab and the line breaks: no text holds one (a schema's,
a value typed with ``register set``), and no form can show it."""
OVERRIDE = re.compile("[\u202d\u202e]")
"""The characters that override the direction of the text after them (U+202D, U+202E): a value
``\u202eHbmG liveE`` shows as ``Evil GmbH``. The embeddings and isolates (U+202A–U+202C,
U+2066–U+2069) that programs put around a pasted phone number only keep it together."""
_CONTROL = re.compile(f"[{CONTROL}\u2028\u2029\u202a-\u202e\u2066-\u2069]")
""":data:`CONTROL`, the other characters that break a line (``str.splitlines``), and those
that override or isolate the direction of the text around them (U+202A–U+202E, U+2066–U+2069:
``rechnung\\u202efdp.exe`` shows as ``rechnungexe.pdf``). The marks that only say a direction
(U+200E, U+200F, U+061C), the joiners (U+200C, U+200D) and combining marks are letters' business
and not among them."""


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


def terminal(text: str) -> str:
    """``text`` as the terminal is to show it: each character of :data:`_CONTROL` but the line
    break as its escape, as :func:`shown` does. A value from outside (a returned form, an
    imported table, a recipients list) can then neither clear the screen (``\\x1b[2J``),
    overwrite a line (``\\r``), ring the bell nor turn text round (``\\u202e``): the coordinator
    reads what the register holds. The escapes are valid in JSON too, so ``--json`` output stays
    JSON with the same values. So only ``\\n`` starts a line here, not every line break of
    :data:`formgen.linebreak.LINE_BREAK`: JSON writes U+2028 and U+2029 in a string as they are,
    and a new line there would break it; a value's line breaks are laid out before it gets here
    (:func:`formgen.linebreak.one_line`, :func:`ingest.history.under`)."""
    return "\n".join(_CONTROL.sub(_escape, line) for line in text.split("\n"))


def _escape(match: re.Match[str]) -> str:
    """``\\x07``, ``\\r`` for a C0 control; ``\\u009b``, ``\\u202e`` for the others (what JSON
    writes too; Python would write ``\\x9b``)."""
    ch = match.group()
    return ascii(ch)[1:-1] if ch < "\x7f" else f"\\u{ord(ch):04x}"


def not_typed(text: str) -> tuple[str, str] | None:
    """The first character of ``text`` that no text a coordinator gives may hold (a value of
    ``register set``, a cell of ``register import``, a ``--note``), as its escape, and the rule
    it breaks: ``("control", "\\x01")`` for :data:`NOT_TEXT`, ``("override", "\\u202e")`` for
    :data:`OVERRIDE`; None where ``text`` holds neither."""
    for kind, refused in (("control", NOT_TEXT), ("override", OVERRIDE)):
        if found := refused.search(text):
            return kind, shown(found.group())
    return None


WINDOWS_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(10))]
)
"""The names Windows keeps for devices: no file on a Windows drive or in OneDrive can be
called so, in any case, with any ending (``nul.eml``, ``Con.pdf``)."""


def windows_device(name: str) -> bool:
    """Whether a file called ``name`` (``CON.eml``; an id a file is named after) is one Windows
    cannot save: its part before the first dot is a device's name (:data:`WINDOWS_DEVICES`)."""
    return name.split(".")[0].upper() in WINDOWS_DEVICES


_WORD = re.compile("[a-z0-9]+")


def slug(text: str, limit: int = 60) -> str:
    """``text`` (a label) as part of a file name: its words in ASCII lower case joined by
    ``-`` (``Flüchtlingsberatungsstellen`` → ``fluechtlingsberatungsstellen``, ``Łódź`` →
    ``lodz``). Where that cannot stand for all of ``text`` (letters of another script, such as
    Arabic or Cyrillic, or longer than ``limit``: cut at a word), the first six hex digits of
    its SHA-256 follow, so that different texts never get the same slug."""
    folded = fold(text.casefold().translate(UMLAUTS))
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
