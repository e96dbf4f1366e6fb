"""The cut fonts shipped in formgen/fonts are what the shipped DejaVu Sans cuts to."""

from __future__ import annotations

import io
import json

import pytest
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from formgen.fonts import DOCX_FACES, FIELD_FORMS, FIELDS, cuts


def _what(data: bytes) -> tuple[frozenset[int], frozenset[str], int]:
    """What a font offers: its characters, its tables and how many glyphs it has."""
    font = TTFont(io.BytesIO(data))
    return frozenset(font.getBestCmap()), frozenset(font.keys()), len(font.getGlyphOrder())


@pytest.mark.slow
def test_the_shipped_cut_fonts_are_cut_from_the_shipped_fonts() -> None:
    """Forms embed the shipped cuts as they are (no cutting at run time), so they must offer
    what :func:`formgen.fonts.cut_font` cuts now: the same characters, tables and glyphs, and the
    Arabic letter forms at the same places; a change of the blocks kept or of the options shows
    here, and ``python -m formgen.fonts`` writes them anew. (The bytes may differ with another
    fontTools release; what the forms show does not.)"""
    made = cuts()
    assert set(made) == {*DOCX_FACES, FIELDS, FIELD_FORMS}
    stale = "is stale: run python -m formgen.fonts"
    for path, data in made.items():
        if path == FIELD_FORMS:
            assert json.loads(path.read_bytes()) == json.loads(data), f"{path.name} {stale}"
        else:
            assert _what(path.read_bytes()) == _what(data), f"{path.name} {stale}"
