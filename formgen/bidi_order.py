"""Mixed right-to-left and left-to-right text in the order it is drawn: the Unicode bidi algorithm.

PDF text operators (and reportlab) draw glyphs left to right as given, so a line holding Arabic,
Persian or Hebrew is put in visual order first. People write such text in names, addresses and
notes: „Beratungsstelle Al-Amal (مركز الأمل)“, „مركز الأمل – Beratung für Familien“, „شارع كولن
12“. :func:`visual_line` follows UAX #9 (https://www.unicode.org/reports/tr9/) for one line
of a paragraph: numbers resolved by the weak rules (W1–W7), brackets by their pairs (N0), other
neutrals by their neighbours (N1, N2), runs reversed (L1, L2) and brackets in right-to-left text
drawn mirrored (L4). Typed text has no explicit embeddings or isolates; their characters are
taken as neutral. One rule is added (:func:`glue_to_latin`): punctuation typed against a Latin
word belongs to that word, as if the Latin part were isolated (FSI … PDI, HTML's ``<bdi>``).
Plain UAX #9 gives the last full stop of „جمعية الأمل e.V.“ the paragraph's direction and draws
„.e.V“, as LibreOffice and browsers do with the name typed so. The direction of a paragraph
(:func:`paragraph_rtl`) is decided once for the whole paragraph, before it is broken into lines.

(python-bidi's default ``get_display`` does not mirror brackets; its pure-Python one knows no
bracket pairs, so „مركز (Al-Amal e.V.) – Beratung“ drew two closing parentheses.)
"""

from __future__ import annotations

import unicodedata

MIRRORED = str.maketrans("()[]{}<>«»‹›≤≥", ")(][}{><»«›‹≥≤")
"""The glyph a character is drawn with in right-to-left text (Unicode BidiMirroring.txt: the
brackets, quotes and signs people type)."""
_OPENING = {"(": ")", "[": "]", "{": "}"}
"""Opening bracket → its closing one (Unicode BidiBrackets.txt, the ASCII brackets)."""
_BRACKETS = frozenset(_OPENING) | frozenset(_OPENING.values())


def paragraph_rtl(text: str) -> bool:
    """True when a paragraph is right to left: its first strong letter is (UAX #9 P2, P3)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def visual_line(text: str, rtl: bool | None = None, plain: bool = False) -> str:
    """One line of a paragraph, from the order it is written in into the order it is drawn
    (left to right). ``rtl`` is the paragraph's direction (:func:`paragraph_rtl` of the whole
    paragraph: a line of an Arabic note that starts with a German word is still right to left);
    by default that of the line itself. ``plain``: UAX #9 alone, without
    :func:`glue_to_latin`, as LibreOffice and browsers draw (to read back what they drew)."""
    return "".join(ch for _, ch in drawn_order(text, rtl, plain))


def drawn_order(text: str, rtl: bool | None = None, plain: bool = False) -> list[tuple[int, str]]:
    """Each character of one line as it is drawn, left to right: its index in ``text`` and the
    character drawn (a bracket in right-to-left text facing the other way); ``rtl`` and
    ``plain`` as for :func:`visual_line`."""
    if rtl is None:
        rtl = paragraph_rtl(text)
    types = [unicodedata.bidirectional(ch) or "L" for ch in text]
    if not rtl and not any(t in ("R", "AL", "AN") for t in types):
        return list(enumerate(text))
    base = "R" if rtl else "L"
    _weak(types, base)
    _brackets(text, types, base)
    if not plain:
        glue_to_latin(text, types)
    _neutrals(types, base)
    # I1, I2: the level of each character (odd: drawn right to left)
    if rtl:
        levels = [1 if t == "R" else 2 for t in types]
    else:
        levels = [0 if t == "L" else 1 if t == "R" else 2 for t in types]
    embedding = 1 if rtl else 0
    # L1: spaces at the end of the line are at the paragraph's level
    for i in reversed(range(len(text))):
        if unicodedata.bidirectional(text[i]) not in ("WS", "BN", "S"):
            break
        levels[i] = embedding
    # L2: from the highest level down to the lowest odd one, reverse every run at or above it
    order = list(range(len(text)))
    lowest_odd = min((lv for lv in levels if lv % 2), default=max(levels, default=0) + 1)
    for level in range(max(levels, default=0), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    # L4: in right-to-left text a bracket is drawn facing the other way
    return [(k, text[k].translate(MIRRORED) if levels[k] % 2 else text[k]) for k in order]


def _weak(types: list[str], base: str) -> None:
    """W1–W7: what marks, digits, separators and terminators are (in place)."""
    before = base
    for i, t in enumerate(types):  # W1: a mark (or joiner) is what it is written on
        if t in ("NSM", "BN"):
            types[i] = before
        before = types[i]
    strong = base
    for i, t in enumerate(types):  # W2, W3: digits after Arabic letters are Arabic numbers
        if t == "EN" and strong == "AL":
            types[i] = "AN"
        elif t in ("L", "R", "AL"):
            strong = t
            types[i] = "R" if t == "AL" else t
    for i in range(1, len(types) - 1):  # W4: 12.03.2027, 0211/123456, 1,5 are one number
        left, t, right = types[i - 1 : i + 2]
        joins = (t == "CS" and left in ("EN", "AN")) or (t == "ES" and left == "EN")
        if joins and left == right:
            types[i] = left
    i = 0
    while i < len(types):  # W5: a currency or per cent sign next to a number belongs to it
        j = i
        while j < len(types) and types[j] == "ET":
            j += 1
        if j > i and ((i > 0 and types[i - 1] == "EN") or (j < len(types) and types[j] == "EN")):
            types[i:j] = ["EN"] * (j - i)
        i = max(j, i + 1)
    strong = base
    for i, t in enumerate(types):  # W6, W7
        if t in ("ES", "ET", "CS"):
            types[i] = "ON"
        elif t == "EN" and strong == "L":
            types[i] = "L"
        elif t in ("L", "R"):
            strong = t


def _direction(t: str) -> str | None:
    """L or R for what counts as strong among neutrals (numbers count as right to left)."""
    return "L" if t == "L" else "R" if t in ("R", "EN", "AN") else None


def _brackets(text: str, types: list[str], base: str) -> None:
    """N0: a pair of brackets takes the direction of what it encloses (in place): with text of
    the paragraph's direction inside, that one; with only the other direction inside, the
    other one when the text before the pair is of it too."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if types[i] != "ON":
            continue
        if ch in _OPENING:
            stack.append((_OPENING[ch], i))
        elif ch in _OPENING.values():
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    for start, end in sorted(pairs):
        inside = {_direction(t) for t in types[start + 1 : end]} - {None}
        if not inside:
            continue
        if base in inside:
            kind = base
        else:  # only the other direction inside: it, if the text before the pair is of it too
            before = (_direction(t) for t in reversed(types[:start]))
            kind = next((d for d in before if d), base)
        for i in (start, end):  # the bracket and the marks written on it
            types[i] = kind
            while i + 1 < len(text) and unicodedata.bidirectional(text[i + 1]) == "NSM":
                i += 1
                types[i] = kind


def glue_to_latin(text: str, types: list[str]) -> None:
    """Punctuation typed against a Latin word, with no space between, takes its direction
    (``types``: the bidi class of each character of ``text``, changed in place): the full stop
    of „e.V.“ or „Str.“, the „…“ of a shortened name, the quotes of „Wspólnota“, also where
    the bracket of a pair (N0) closes on it: „(Beratung e.V.)“ in Arabic text, whose brackets
    take the paragraph's direction, keeps its full stop. Not where it also touches a
    right-to-left letter or a number: then it stands between two words and N1, N2 decide."""
    i = 0
    while i < len(types):
        if _direction(types[i]) is not None or text[i].isspace():
            i += 1
            continue
        j = i
        while j < len(types) and _direction(types[j]) is None and not text[j].isspace():
            j += 1
        sides = {
            _direction(types[k])
            if 0 <= k < len(text) and not text[k].isspace() and text[k] not in _BRACKETS
            else None
            for k in (i - 1, j)
        }
        if sides in ({"L"}, {"L", None}):
            types[i:j] = ["L"] * (j - i)
        i = j


def _neutrals(types: list[str], base: str) -> None:
    """N1, N2: a run of neutrals between text of one direction takes it; any other run takes
    the paragraph's direction (in place)."""
    i = 0
    while i < len(types):
        if _direction(types[i]) is not None:
            i += 1
            continue
        j = i
        while j < len(types) and _direction(types[j]) is None:
            j += 1
        before = (_direction(types[i - 1]) if i > 0 else None) or base
        after = (_direction(types[j]) if j < len(types) else None) or base
        types[i:j] = [before if before == after else base] * (j - i)
        i = j
