"""The Unicode font shipped with formgen (DejaVu Sans, Bitstream Vera / public-domain licence).

It covers Latin (incl. Turkish and Polish), Greek, Cyrillic, Arabic and Hebrew, so names such as
"Şule Yılmaz", "Łódź", "Ольга" and Arabic script are stored *and shown* in generated forms and
the printed register on any machine, without system fonts. Licence: ``LICENSE-DejaVu.txt``.

Forms embed it cut to the Unicode blocks people write in (:func:`cut_font`). The cuts are shipped
here too (:data:`DOCX_FACES`, :data:`FIELDS`), so that a form is made without cutting (≈1 s per
face): ``python -m formgen.fonts`` writes them again from the fonts (:func:`cuts`), and a test
checks that the shipped files are exactly those bytes.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FONT_DIR = Path(__file__).resolve().parent
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
DOCX_FACES = (FONT_DIR / "DejaVuSans-docx.ttf", FONT_DIR / "DejaVuSans-Bold-docx.ttf")
"""Regular and bold as DOCX forms embed them: :func:`cut_font` with the layout tables, saved."""
FIELDS = FONT_DIR / "DejaVuSans-fields.ttf"
"""The PDF form fields' font (:func:`formgen.pdf_font.cut_field_font`)."""
FIELD_FORMS = FONT_DIR / "DejaVuSans-fields.json"
"""The glyph ids in :data:`FIELDS` of the contextual forms Unicode has no code point for:
``[letter, "initial"|"medial"|"final", glyph id]`` each (the cut keeps no glyph names)."""

WRITTEN = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1, Latin Extended-A/B (Turkish, Polish, Czech, Romanian …)
    (0x0250, 0x02FF),  # IPA, spacing modifiers
    (0x0300, 0x036F),  # combining diacritics
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic + supplement
    (0x0530, 0x058F),  # Armenian
    (0x0590, 0x05FF),  # Hebrew
    (0x0600, 0x06FF),  # Arabic (Persian, Dari, Pashto, Sorani, Urdu letters)
    (0x0750, 0x077F),  # Arabic supplement
    (0x10A0, 0x10FF),  # Georgian
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x206F),  # punctuation (dashes, quotes, bullets)
    (0x20A0, 0x20BF),  # currency
    (0x2100, 0x214F),  # letterlike (№, ™)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # maths operators
    (0x2610, 0x2612),  # ballot boxes
    (0x2713, 0x2718),  # check marks
    (0xFB50, 0xFDFF),  # Arabic presentation forms A
    (0xFE70, 0xFEFF),  # Arabic presentation forms B
    (0xFFFD, 0xFFFD),  # replacement character
)
"""The Unicode blocks (first, last code point) the embedded fonts keep: what coordinators and
institutions write in."""


def font_path(bold: bool = False) -> Path:
    """Path of the regular or bold font file."""
    return BOLD if bold else REGULAR


def cuts() -> dict[Path, bytes]:
    """The shipped cut fonts (:data:`DOCX_FACES`, :data:`FIELDS`, :data:`FIELD_FORMS`) as they
    are made from the whole fonts (≈3 s): what ``python -m formgen.fonts`` writes."""
    from formgen.pdf_font import cut_field_font  # pdf_font imports this module

    out = {}
    for bold, path in enumerate(DOCX_FACES):
        buf = io.BytesIO()
        cut_font(bool(bold), shaping=True).save(buf)
        out[path] = buf.getvalue()
    out[FIELDS], forms = cut_field_font()
    out[FIELD_FORMS] = json.dumps([[cp, kind, gid] for (cp, kind), gid in forms.items()]).encode()
    return out


def cut_font(bold: bool = False, *, shaping: bool, glyphs: Iterable[str] = ()) -> Any:
    """The regular or bold font cut to :data:`WRITTEN` and the glyphs named in ``glyphs``
    (≈1 s): a fontTools ``TTFont``, not saved yet (its glyphs still have the whole font's names),
    without hinting instructions.

    ``shaping`` keeps the OpenType layout tables (GSUB, GPOS) for those blocks: Word and
    LibreOffice join Arabic letters and place marks with them (Sorani ێ and Pashto ښ have no
    Unicode presentation forms, only the font's contextual glyphs). PDF form fields are drawn
    without them: formgen shapes what it draws (:mod:`formgen.pdf_font`)."""
    # not at import: readers of forms need font_path only, and fontTools takes 0.3 s to load
    from fontTools import subset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    options = subset.Options()
    if not shaping:
        options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.drop_tables += ["FFTM"]
    font = TTFont(str(font_path(bold)), recalcTimestamp=False)  # the same bytes on every run
    sub = subset.Subsetter(options)
    sub.populate(unicodes=[c for a, b in WRITTEN for c in range(a, b + 1)], glyphs=list(glyphs))
    sub.subset(font)
    return font
