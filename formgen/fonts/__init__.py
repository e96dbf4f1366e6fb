"""The Unicode font shipped with formgen (DejaVu Sans, Bitstream Vera / public-domain licence).

It covers Latin (incl. Turkish and Polish), Greek, Cyrillic, Arabic and Hebrew, so names such as
"Şule Yılmaz", "Łódź", "Ольга" and Arabic script are stored *and shown* in generated forms and
the printed register on any machine, without system fonts. Licence: ``LICENSE-DejaVu.txt``.
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"


def font_path(bold: bool = False) -> Path:
    """Path of the regular or bold font file."""
    return BOLD if bold else REGULAR
