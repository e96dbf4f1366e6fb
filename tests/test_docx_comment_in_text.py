"""An XML comment or processing instruction inside a Word form's text (``<w:t>``): Word shows
the text around it as one, and so does the reader; it kept only the text before it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ingest.docx_reader import read_docx

FORM = Path(__file__).resolve().parents[1] / "samples" / "docx" / "wordsim-institution.docx"
TYPED = "Çiğdem Öztürk-İnce, Łódź – Ελληνικά 5"


def _with_name(xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(FORM) as zi, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename == "word/document.xml":
                assert data.count(TYPED.encode()) >= 1
                data = data.replace(TYPED.encode(), xml, 1)
            zo.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("inside", ["<!-- x -->", "<?x y?>", "<!--\u202e-->"])
def test_a_comment_or_instruction_inside_the_text_keeps_the_whole_value(inside: str) -> None:
    whole = read_docx(FORM.read_bytes(), "whole.docx")
    assert whole.values["institution.name"] == TYPED
    typed = f"Praxis{inside} Nord – Łódź"
    sub = read_docx(_with_name(typed.encode()), "kommentar.docx")
    assert sub.values["institution.name"] == "Praxis Nord – Łódź"
    assert {k: v for k, v in sub.values.items() if k != "institution.name"} == {
        k: v for k, v in whole.values.items() if k != "institution.name"
    }
