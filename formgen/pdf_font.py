"""The fields' Unicode font: DejaVu Sans as a composite (Type0, Identity-H) PDF font.

Form fields show what is typed with the font their default appearance (``/DA``) names in the
form's resources (``/AcroForm /DR``). Viewers that rebuild a field's appearance (pdf.js after
saving, PDFium, poppler, Acrobat) take the glyphs from that font, so it must hold every script
institutions write in: Latin (incl. Turkish, Polish), Greek, Cyrillic, Hebrew and Arabic. The
standard-14 fonts hold none of these beyond Latin-1.

The font is DejaVu Sans (shipped in :mod:`formgen.fonts`), cut down to the
Unicode blocks the register's users write in (:func:`formgen.fonts.cut_font`, without the
OpenType layout tables: viewers run no shaping in form fields; ≈120 KB compressed instead of
≈380 KB for the whole font), embedded as ``CIDFontType2`` with ``CIDToGIDMap /Identity`` and a
``ToUnicode`` map, so that a viewer can map typed characters to glyphs and text extraction of a
flattened or printed copy gives the characters back.

:meth:`FieldFont.show` turns a line into the operator that draws it; Arabic is shaped
(contextual presentation forms, lam-alef ligatures; for letters Unicode has no presentation forms
for, such as Sorani ێ or Pashto ښ, the font's own contextual glyphs, drawn by glyph id) and each
glyph placed in visual order (:mod:`formgen.bidi_order`), because PDF text operators draw glyphs
left to right.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache, cached_property

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from formgen.bidi_order import drawn_order, visual_line
from formgen.fonts import FIELD_FORMS, FIELDS, cut_font, font_path

BASE_FONT = "DejaVuSans"
"""The font's PostScript name (``/BaseFont``)."""
FONT_NAME = "Wingdings"
"""The resource name of the field font in ``/AcroForm /DR /Font`` (used in every ``/DA``).

The font *is* DejaVu Sans (``/BaseFont /DejaVuSans``, embedded); only its name in the
resources is ``Wingdings``, on purpose: PDFium (Chrome, Edge) builds a field's appearance with
the ``/DA`` font only for characters of the font's "charset", which it takes as ANSI for any
embedded font except one whose resource name is Wingdings/Webdings ("symbol" charset: every
character the font has). Every other character (ı, Cyrillic, Arabic …) would go to a system font
found by code page — not embedded, often missing (measured: "Şule Yılmaz" printed as "Şule
Ylmaz", Cyrillic and Arabic blank). Under this name PDFium takes every glyph from DejaVu Sans.
pdf.js, poppler and Acrobat look the name up in ``/DR`` and use the embedded font as it is."""


@dataclass(frozen=True)
class FieldFont:
    """The cut-down font and what a PDF writer needs to embed and use it."""

    ttf: bytes
    """The TrueType font program (uncompressed)."""
    ttf_deflated: bytes
    """The same, compressed once for ``/Filter /FlateDecode`` (embedding is then a copy)."""
    cmap: dict[int, int]
    """Unicode code point → glyph id."""
    widths: dict[int, int]
    """Glyph id → advance width in 1/1000 em."""
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    to_unicode: bytes
    """The ``ToUnicode`` CMap program (glyph id → text)."""
    forms: dict[tuple[int, str], int]
    """(Arabic letter, ``"initial"``/``"medial"``/``"final"``) → glyph id, for the contextual
    forms Unicode has no presentation form for (:func:`contextual_glyphs`)."""

    def width(self, text: str, size: float) -> float:
        """The advance width of ``text`` (as drawn, after shaping) at ``size`` points."""
        missing = self.widths.get(0, 600)
        return sum(self.widths.get(g, missing) for g in self.glyphs(text)) * size / 1000

    @cached_property
    def narrowest(self) -> int:
        """The advance width of the narrowest glyph that has one, in 1/1000 em."""
        return min(w for w in self.widths.values() if w)

    def most_chars(self, size: float, width: float) -> int:
        """How many characters a line ``width`` wide can show at ``size``, at most: as many of
        the narrowest glyph as fit, and one. A text longer than that is wider than the line
        (or holds zero-width characters in numbers no value has), so it can be cut there
        before it is measured: measuring and wrapping then take bounded time for any value."""
        return int(width * 1000 / (self.narrowest * size)) + 1

    def glyphs(self, text: str, rtl: bool | None = None) -> list[int]:
        """Glyph ids for ``text`` in drawing order (shaped, in visual order): one line of a
        paragraph whose direction is ``rtl`` (by default the line's own)."""
        if rtl or _NEEDS_BIDI.search(text):
            return [glyph for _, glyph in self._drawn(text, rtl)]
        cmap = self.cmap
        return [cmap.get(ord(ch), 0) for ch in unicodedata.normalize("NFC", text)]

    def show(self, text: str, rtl: bool | None = None) -> str:
        """The operator that draws one line at the text position: ``<…> Tj`` with its glyphs as
        :meth:`glyphs` gives them (``rtl`` as there). A line with right-to-left text is drawn
        as ``[…] TJ`` in the order it was written, each glyph moved to its place in the line
        (as PDFium draws what is typed): a copy without form fields keeps that order, so the
        text can be read back as it was typed (:mod:`ingest.flat_reader`); its visual order
        alone is ambiguous („مركز – Beratung“ and „Beratung – مركز“ are drawn alike)."""
        if not (rtl or _NEEDS_BIDI.search(text)):
            return f"<{self._codes(self.glyphs(text))}> Tj"
        missing = self.widths.get(0, 600)
        place: dict[int, tuple[int, int]] = {}  # index as written → (x, glyph)
        x = 0
        for k, glyph in self._drawn(text, rtl):
            place[k] = (x, glyph)
            x += self.widths.get(glyph, missing)
        runs: list[tuple[int, list[int]]] = []  # the pen moved left by 1/1000 em, then glyphs
        pen = 0
        for k in sorted(place):
            x, glyph = place[k]
            if runs and x == pen:
                runs[-1][1].append(glyph)
            else:
                runs.append((pen - x, [glyph]))
            pen = x + self.widths.get(glyph, missing)
        shown = "".join(f"{move or ''}<{self._codes(gs)}>" for move, gs in runs)
        return f"[{shown}] TJ"

    def _drawn(self, text: str, rtl: bool | None) -> list[tuple[int, int]]:
        """(index as written, glyph id) of each glyph of a shaped line, in visual order."""
        shaped = shape_forms(unicodedata.normalize("NFC", text))
        line = "".join(ch for ch, _ in shaped)
        out = []
        for k, ch in drawn_order(line, rtl):
            glyph = self.forms.get((ord(ch), shaped[k][1]))
            out.append((k, self.cmap.get(ord(ch), 0) if glyph is None else glyph))
        return out

    @staticmethod
    def _codes(glyphs: list[int]) -> str:
        """Two-byte glyph codes (Identity-H), in hex."""
        return b"".join(g.to_bytes(2, "big") for g in glyphs).hex()


def cut_field_font() -> tuple[bytes, dict[tuple[int, str], int]]:
    """The field font cut from DejaVu Sans (≈1 s: fontTools subsetting), saved, and the glyph
    ids of the contextual forms in it (:attr:`FieldFont.forms`). Shipped as
    :data:`formgen.fonts.FIELDS` and :data:`formgen.fonts.FIELD_FORMS`."""
    contextual = contextual_glyphs()
    font = cut_font(
        shaping=False, glyphs=[name for forms in contextual.values() for name in forms.values()]
    )
    kept = {name: i for i, name in enumerate(font.getGlyphOrder())}  # names are not saved
    forms = {
        (cp, kind): kept[name] for cp, names in contextual.items() for kind, name in names.items()
    }
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue(), forms


@cache
def field_font() -> FieldFont:
    """The field font, read once per process from the shipped cut (:func:`cut_field_font`)."""
    ttf = FIELDS.read_bytes()
    forms = {(cp, kind): gid for cp, kind, gid in json.loads(FIELD_FORMS.read_bytes())}
    font = TTFont(io.BytesIO(ttf))
    units = font["head"].unitsPerEm
    order = font.getGlyphOrder()
    gid = {name: i for i, name in enumerate(order)}
    cmap = {cp: gid[name] for cp, name in sorted(font.getBestCmap().items())}
    hmtx = font["hmtx"].metrics
    widths = {i: round(hmtx[name][0] * 1000 / units) for i, name in enumerate(order)}
    head = font["head"]
    os2 = font["OS/2"]

    def scale(v: int) -> int:
        units_: int = units
        return (v * 1000 + units_ // 2) // units_

    to_unicode: dict[int, str] = {}
    for cp, g in cmap.items():
        # Presentation forms (Arabic shaping) extract as the letters they show.
        text = glyph_text(cp)
        if g not in to_unicode or text == chr(cp):
            to_unicode[g] = text
    for (cp, _), g in forms.items():
        to_unicode[g] = chr(cp)
    return FieldFont(
        ttf=ttf,
        ttf_deflated=zlib.compress(ttf, 9),
        cmap=cmap,
        widths=widths,
        ascent=scale(os2.sTypoAscender if os2.sTypoAscender else font["hhea"].ascent),
        descent=scale(os2.sTypoDescender if os2.sTypoDescender else font["hhea"].descent),
        cap_height=scale(getattr(os2, "sCapHeight", 0) or 729),
        bbox=(scale(head.xMin), scale(head.yMin), scale(head.xMax), scale(head.yMax)),
        to_unicode=_to_unicode_cmap(to_unicode),
        forms=forms,
    )


def glyph_text(cp: int) -> str:
    """The text of the glyph of ``cp`` in a font's ``ToUnicode`` map: the letters an Arabic
    presentation form shows, in the order they are drawn (a lam-alef's right to left, "ال": a
    reader that puts a right-to-left line back in the order written, as poppler, PDFium and
    pdf.js do, turns them too; „الأمل“ came out „األمل“); the character itself for all others."""
    if 0xFB50 <= cp <= 0xFEFF and unicodedata.decomposition(chr(cp)).startswith("<"):
        return unicodedata.normalize("NFKC", chr(cp))[::-1]
    return chr(cp)


def _to_unicode_cmap(mapping: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    items = sorted(mapping.items())
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for g, text in chunk:
            lines.append(f"<{g:04X}> <{text.encode('utf-16-be').hex().upper()}>")
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")


# --------------------------------------------------------------------------- Arabic shaping

_NEEDS_BIDI = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
"""Hebrew and Arabic (incl. presentation forms): text that needs shaping and reordering."""


@cache
def _arabic_forms() -> dict[int, dict[str, int]]:
    """Letter → {"isolated"|"final"|"initial"|"medial": presentation form}, from Unicode data."""
    forms: dict[int, dict[str, int]] = {}
    for cp in range(0xFE70, 0xFEFD):
        decomposition = unicodedata.decomposition(chr(cp)).split()
        if len(decomposition) == 2 and decomposition[0].startswith("<"):
            kind = decomposition[0].strip("<>")
            forms.setdefault(int(decomposition[1], 16), {})[kind] = cp
    for cp in range(0xFB50, 0xFC00):  # Persian/Urdu letters (پ چ ژ گ ک ی …)
        decomposition = unicodedata.decomposition(chr(cp)).split()
        if len(decomposition) == 2 and decomposition[0].startswith("<"):
            kind = decomposition[0].strip("<>")
            forms.setdefault(int(decomposition[1], 16), {}).setdefault(kind, cp)
    return forms


_LAM_ALEF = {0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}
"""Lam followed by an alef becomes one ligature (isolated form; +1 is the final form)."""


_SUFFIXES = {"initial": "init", "medial": "medi", "final": "fina"}
"""Contextual form → the suffix of its glyph's name in DejaVu Sans (``uni06CE.medi``)."""


@cache
def contextual_glyphs() -> dict[int, dict[str, str]]:
    """Arabic letter → {"initial"|"medial"|"final": glyph name} for the contextual forms that
    DejaVu Sans draws (through OpenType shaping, which form fields and reportlab do not run) and
    Unicode has no presentation form for: Sorani ێ ڵ ڕ ە, Pashto ښ ځ ټ ډ ړ ږ ګ ڼ, Sindhi and
    Urdu letters. They are drawn by glyph id; which forms a letter has tells how it joins (both
    sides with an initial or medial form, only to the letter before with a final form only)."""
    with TTFont(str(font_path()), lazy=True) as font:
        names = set(font.getGlyphOrder())
        cmap = font.getBestCmap()
    presentation = _arabic_forms()
    out: dict[int, dict[str, str]] = {}
    for cp, name in cmap.items():
        if 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F:
            for kind, suffix in _SUFFIXES.items():
                if f"{name}.{suffix}" in names and kind not in presentation.get(cp, {}):
                    out.setdefault(cp, {})[kind] = f"{name}.{suffix}"
    return out


@cache
def _letter_forms() -> dict[int, frozenset[str]]:
    """Arabic letter → the contextual forms it is drawn in (presentation forms and the font's)."""
    forms = {cp: set(kinds) for cp, kinds in _arabic_forms().items()}
    for cp, kinds in contextual_glyphs().items():
        forms.setdefault(cp, set()).update(kinds)
    return {cp: frozenset(kinds) for cp, kinds in forms.items()}


def _joins_forward(ch: str | None) -> bool:
    """True when a letter connects to the letter after it (dual-joining)."""
    kinds = _letter_forms().get(ord(ch), frozenset()) if ch else frozenset()
    return "initial" in kinds or "medial" in kinds


def _joins_back(ch: str | None) -> bool:
    """True when a letter connects to the letter before it (not hamza, not a space)."""
    return ch is not None and "final" in _letter_forms().get(ord(ch), frozenset())


def _is_transparent(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their contextual presentation forms (logical order kept);
    a letter Unicode has no presentation form for stays as it is (:func:`shape_forms`)."""
    return "".join(ch for ch, _ in shape_forms(text))


def shape_forms(text: str) -> list[tuple[str, str]]:
    """``text`` shaped, in logical order: (character, form) for each glyph to draw. An Arabic
    letter becomes its contextual presentation form (lam + alef one ligature), form ``""``;
    one that has no presentation form for its context stays the letter, with the form
    (``"initial"``, ``"medial"``, ``"final"``) to draw it in by its glyph in the font
    (:func:`contextual_glyphs`). Every other character, and a letter standing alone, has ``""``."""
    forms = _arabic_forms()
    letters = _letter_forms()
    if not any(ord(ch) in letters for ch in text):
        return [(ch, "") for ch in text]
    out: list[tuple[str, str]] = []
    chars = list(text)
    i = 0
    while i < len(chars):
        cp = ord(chars[i])
        if cp not in letters:
            out.append((chars[i], ""))
            i += 1
            continue
        joins_prev = _joins_forward(_neighbour(chars, i, -1))
        nxt_index = _neighbour_index(chars, i, 1)
        if cp == 0x0644 and nxt_index is not None and ord(chars[nxt_index]) in _LAM_ALEF:
            lig = _LAM_ALEF[ord(chars[nxt_index])] + (1 if joins_prev else 0)
            out.append((chr(lig), ""))
            out.extend((ch, "") for ch in chars[i + 1 : nxt_index])  # marks between lam and alef
            i = nxt_index + 1
            continue
        nxt = chars[nxt_index] if nxt_index is not None else None
        joins_next = _joins_forward(chars[i]) and _joins_back(nxt)
        kinds = letters[cp]
        if joins_prev and joins_next and "medial" in kinds:
            kind = "medial"
        elif joins_prev and "final" in kinds:
            kind = "final"
        elif joins_next and "initial" in kinds:
            kind = "initial"
        else:
            kind = "isolated"
        presentation = forms.get(cp, {})
        if kind in presentation:
            out.append((chr(presentation[kind]), ""))
        else:
            out.append((chars[i], "" if kind == "isolated" else kind))
        i += 1
    return out


def _neighbour_index(chars: list[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(chars) and _is_transparent(chars[j]):
        j += step
    return j if 0 <= j < len(chars) else None


def _neighbour(chars: list[str], i: int, step: int) -> str | None:
    j = _neighbour_index(chars, i, step)
    return chars[j] if j is not None else None


def visual_order(text: str, rtl: bool | None = None) -> str:
    """One line as it is drawn: Arabic shaped, then in visual order (:mod:`formgen.bidi_order`)
    in the direction ``rtl`` of its paragraph (by default the line's own)."""
    return visual_line(shape_arabic(unicodedata.normalize("NFC", text)), rtl)
