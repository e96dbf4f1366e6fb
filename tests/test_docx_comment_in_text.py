"""Hostile text in a Word form: an XML comment or processing instruction inside its text
(``<w:t>``), which Word shows as one text with what is around it, and so does the reader (it
kept only the text before it); a character that overrides the text's direction."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from ingest_support import sample_workspace

from formgen.messages import in_language
from ingest.docx_reader import read_docx
from ingest.pipeline import ingest_into_register

FORM = Path(__file__).resolve().parents[1] / "samples" / "docx" / "wordsim-institution.docx"
TYPED = "Çiğdem Öztürk-İnce, Łódź – Ελληνικά 5"


def _with_name(xml: bytes, typed: str = TYPED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(FORM) as zi, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename == "word/document.xml":
                assert data.count(typed.encode()) >= 1
                data = data.replace(typed.encode(), xml, 1)
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


def test_a_direction_override_in_a_value_is_kept_as_typed_and_flagged_escaped(
    tmp_path: Path,
) -> None:
    """``\\u202eHbmG liveE`` shows as „Evil GmbH“: kept as typed, and the report names the
    field with the value escaped, as it shows a file name."""
    typed = "\u202eHbmG liveE"
    (tmp_path / "name.docx").write_bytes(_with_name(typed.encode()))
    ws = sample_workspace(tmp_path / "ws")
    (outcome,) = ingest_into_register([tmp_path / "name.docx"], ws).outcomes
    (flag,) = [w for w in outcome.warnings if w.startswith("institution.name:")]
    assert in_language(flag, "de") == (
        "Einrichtung › Name der Einrichtung: der Wert enthält ein Zeichen, das die Schreibrichtung des folgenden "
        "Texts umkehrt, sodass er anders erscheint als getippt: „\\u202eHbmG liveE“; so "
        "übernommen, wie er getippt wurde – bitte beim Absender nachfragen"
    )
    (inst,) = json.loads((ws.root / "register.json").read_text("utf-8"))["institutions"].values()
    assert inst["institution"]["name"]["v"] == typed


def test_marks_that_only_keep_a_pasted_number_together_are_not_flagged(tmp_path: Path) -> None:
    typed = "\u202a+49 211 1234567\u202c Praxis \u2067نور\u2069"
    (tmp_path / "name.docx").write_bytes(_with_name(typed.encode()))
    ws = sample_workspace(tmp_path / "ws")
    (outcome,) = ingest_into_register([tmp_path / "name.docx"], ws).outcomes
    assert outcome.merged and not any("direction" in w for w in outcome.warnings)


def test_an_address_whose_domain_mixes_latin_and_cyrillic_is_kept_and_flagged(
    tmp_path: Path,
) -> None:
    """„info@pѕz-duesseldorf.de“, its ѕ Cyrillic, is another domain than the one it looks like
    (s23 H 11): kept as typed, valid, and the report names the field and the letter."""
    typed = "info@p\u0455z-duesseldorf.de"
    (tmp_path / "mail.docx").write_bytes(_with_name(typed.encode(), "kontakt@example.org"))
    ws = sample_workspace(tmp_path / "ws")
    (outcome,) = ingest_into_register([tmp_path / "mail.docx"], ws).outcomes
    flags = [in_language(w, "de") for w in outcome.warnings if "U+0455" in in_language(w, "de")]
    assert flags == [
        "Einrichtung › E-Mail: „info@p\u0455z-duesseldorf.de“: der Teil „p\u0455z-duesseldorf“ der "
        "Domain mischt lateinische mit kyrillischen oder griechischen Buchstaben, die gleich "
        "aussehen: er enthält U+0455 Cyrillic Small Letter Dze und ist so eine andere Domain als "
        "die, nach der er aussieht; bitte die Einrichtung fragen, ob die Adresse stimmt (sie "
        "bleibt, wie geschrieben)"
    ]
    (inst,) = json.loads((ws.root / "register.json").read_text("utf-8"))["institutions"].values()
    assert inst["institution"]["email"]["v"] == typed
