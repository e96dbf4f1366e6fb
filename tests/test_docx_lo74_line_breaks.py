"""A line break typed into the Word form in LibreOffice 7.4 comes back (s22 tester, item 4).

7.4 turns a plain-text control into an input field and leaves out the line break when it saves
the field as DOCX: the text before it closes its ``w:t``, the text after opens another in the
same run (``Kölner Straße 45</w:t><w:t>(Eingang …``). ``data/lo74-typed-line-breaks.docx`` is
``samples/docx/blank-hints.docx`` filled by LibreOffice 7.4.7 through UNO (``lo_fill.py``) with
the texts of ``data/lo74-typed-line-breaks.json`` and saved as DOCX (its embedded fonts taken out
of the copy, nothing else changed): breaks as ``\\n`` and ``\\r\\n``, an empty line, a break at
the start and at the end, a tab, Shift+Enter (``\\v``), no-break space, soft hyphen, ZWNJ, texts
of 4,000 and 5,000 characters without a break, seven lines, Arabic among Latin and Cyrillic.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

from lxml import etree

from formgen.linebreak import newlines
from formgen.messages import in_language
from ingest.docx_reader import read_docx

DATA = Path(__file__).resolve().parent / "data"
FORM = (DATA / "lo74-typed-line-breaks.docx").read_bytes()
TYPED = [text for *_, text in json.loads((DATA / "lo74-typed-line-breaks.json").read_text("utf-8"))]


def _as_saved(text: str) -> str:
    """What of a typed text 7.4 keeps a trace of: each line break (``\\n``, ``\\r\\n``, a run of
    them, Shift+Enter), none at the start or end."""
    return re.sub(r"\n+", "\n", newlines(text).replace("\v", "\n")).strip()


def test_every_line_break_lo74_left_a_trace_of_comes_back_and_no_other() -> None:
    sub = read_docx(FORM, "Rückmeldung.docx")
    values = sub.values
    assert (
        values["institution.name"] == "Kölner Straße 45\n(Eingang Rückseite, 1. OG, Klingel „BeWo“)"
    )
    assert values["institution.traeger"] == "eins\nzwei"
    assert values["institution.street"] == "oben\nunten nach Leerzeile"  # the empty line is lost
    assert values["psychotherapie.plans"] == "a\nb\nc\nd\ne\nf\ng"
    assert values["psychotherapie.agreements"] == "شارع كولن 12\nKöln"  # written in pieces
    read = [v for v in values.values() if isinstance(v, str)]
    for text in TYPED:
        assert _as_saved(text) in read, text[:40]
    # a long text, no-break spaces, soft hyphens, a ZWNJ: one w:t each, no break put in
    assert "\n" not in values["psychotherapie.catchment_area"]
    assert len(values["psychotherapie.catchment_area"]) == len(TYPED[8]) == 4079
    assert values["psychotherapie.contact_role"] == "x" * 5000


def test_the_note_names_each_field_whose_breaks_were_put_back() -> None:
    notes = read_docx(FORM, "Rückmeldung.docx").notes
    (note,) = [n for n in notes if "line breaks in 8 fields" in in_language(n, "en")]
    de = in_language(note, "de")
    assert de.startswith("LibreOffice 7.4 hat die Zeilenumbrüche in 8 Feldern entfernt; formgen")
    for label in ("„Name der Einrichtung“", "„Träger“", "„Straße und Hausnummer“", "„Pläne“"):
        assert label in de
    assert "„Ort“" not in de and "„Funktion“" not in de and "„Einzugsgebiet“" not in de
    assert "eine Leerzeile zwischen zwei Zeilen hinterlässt keine Spur" in de
    assert not [n for n in notes if "left no trace" in in_language(n, "en")]


def test_two_texts_in_a_run_of_another_program_are_not_taken_for_a_break() -> None:
    """Only LibreOffice up to 7.4 leaves a break out so: the same XML from another program is
    read as it stands, and no note speaks of line breaks."""
    zin = zipfile.ZipFile(io.BytesIO(FORM))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "docProps/app.xml":
                app = etree.fromstring(body)
                (name,) = [e for e in app if e.tag.endswith("Application")]
                name.text = "Microsoft Office Word"
                body = etree.tostring(app)
            zout.writestr(info, body)
    sub = read_docx(out.getvalue(), "Rückmeldung.docx")
    assert (
        sub.values["institution.name"]
        == "Kölner Straße 45(Eingang Rückseite, 1. OG, Klingel „BeWo“)"
    )
    assert not [n for n in sub.notes if "line breaks" in in_language(n, "en")]
