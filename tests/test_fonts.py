"""The cut fonts shipped in formgen/fonts are what the shipped DejaVu Sans cuts to."""

from __future__ import annotations

import pytest

from formgen.fonts import DOCX_FACES, FIELD_FORMS, FIELDS, cuts


@pytest.mark.slow
def test_the_shipped_cut_fonts_are_cut_from_the_shipped_fonts() -> None:
    """Forms embed the shipped cuts as they are (no cutting at run time), so they must be
    exactly the bytes :func:`formgen.fonts.cut_font` makes now: a change of the blocks kept,
    of the options or of fontTools shows here, and ``python -m formgen.fonts`` writes them."""
    made = cuts()
    assert set(made) == {*DOCX_FACES, FIELDS, FIELD_FORMS}
    for path, data in made.items():
        assert path.read_bytes() == data, f"{path.name} is stale: run python -m formgen.fonts"
