"""The PDF readers' reasons and notes in the workspace's language: German for a German
workspace (the default), English for an English one, English in ``--json`` for both."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from ingest_support import sample_workspace

from formgen.cli import main
from formgen.messages import Said, SaidJoined, in_language
from ingest.flat_reader import CUT_OFF, NAMES_BY_POSITION_NOTE, SCAN_NOTE, UNREADABLE
from ingest.pdf_reader import FIELDS_FROM_PAGES_NOTE, NO_FIELDS_NOTE

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pdf"

SAID = {
    "de": [
        "unlesbar     {in}/abgeschnitten.pdf: das PDF ist unvollständig (die Endmarke %%EOF "
        "fehlt; 105.508 Bytes sind angekommen); die Mail oder der Download wurde wohl "
        "abgeschnitten – bitte beim Absender die Datei neu anfordern",
        "Hinweise     {in}/gedruckt.pdf: Formular FG-84G7Z-WYRD6, 2 Einträge, 2 Hinweise",
        "    die Seiten der Kopie sind nicht in der richtigen Reihenfolge: sie zeigen die Seiten "
        "3, 2, 1 des Formulars; jede wurde als die Seite gelesen, deren gedruckte "
        "Beschriftungen sie zeigt",
        "    die Werte wurden nach ihrer Lage aus einer Kopie ohne Formularfelder gelesen "
        "(Formular FG-84G7Z-WYRD6); bitte prüfen, bevor sie verwendet werden",
        "unlesbar     {in}/kennwort.pdf: das PDF ist kennwortgeschützt – den Absender bitten, es "
        "ohne Kennwort zu speichern (oder das Kennwort mitzuteilen) und noch einmal zu schicken",
    ],
    "en": [
        "unreadable  {in}/abgeschnitten.pdf: the PDF is truncated (its end marker %%EOF is "
        "missing; 105508 bytes arrived); the mail or download was probably cut off, ask the "
        "sender to send the file again",
        "warnings    {in}/gedruckt.pdf: form FG-84G7Z-WYRD6, 2 entries, 2 warnings",
        "    the copy's pages are out of order: they show the form's pages 3, 2, 1; each was "
        "read as the form's page whose printed labels it shows",
        "    values were recovered by position from a copy without form fields (reference "
        "FG-84G7Z-WYRD6); check them before relying on them",
        "unreadable  {in}/kennwort.pdf: the PDF is password-protected; ask the sender to save "
        "it without a password (or to send the password) and send it again",
    ],
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_report_tells_what_the_pdf_readers_found_in_the_workspaces_language(
    tmp_path: Path, lang: str
) -> None:
    """A truncated download, a password-protected PDF and a copy printed last page first,
    ingested into a German and an English workspace: each line in its language; ``--json``
    keeps the English for machines in both."""
    ws = sample_workspace(tmp_path / "ws")
    if lang != "de":
        config = ws.root / "workspace.toml"
        text = config.read_text("utf-8")
        config.write_text(text.replace('language = "de"', f'language = "{lang}"', 1), "utf-8")
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    filled = (SAMPLES / "institution_pdfium.pdf").read_bytes()
    (inbox / "abgeschnitten.pdf").write_bytes(filled[:105508])
    with pikepdf.open(SAMPLES / "institution_pdfium.pdf") as pdf:
        pdf.save(inbox / "kennwort.pdf", encryption=pikepdf.Encryption(owner="o", user="u"))
    (inbox / "gedruckt.pdf").write_bytes(
        (SAMPLES / "institution_poppler_print_reversed.pdf").read_bytes()
    )
    args = ["ingest", str(inbox), "-w", str(ws.root), "--dry-run"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:-1] == [line.replace("{in}", str(inbox)) for line in SAID[lang]]

    report = json.loads(CliRunner().invoke(main, [*args, "--json"]).output)
    english = [line.replace("{in}", str(inbox)) for line in SAID["en"]]
    by_name = {Path(f["name"]).name: f for f in report["files"]}
    assert english[0].endswith(": " + by_name["abgeschnitten.pdf"]["reason"])
    assert english[4].endswith(": " + by_name["kennwort.pdf"]["reason"])
    assert ["    " + w for w in by_name["gedruckt.pdf"]["warnings"]] == english[2:4]


def test_a_note_on_a_field_is_said_whole_in_german_after_the_trip_from_a_worker() -> None:
    """The notes tests and callers compare with stay their English text; a note after a
    field's path keeps both parts' words through pickling (worker → parent)."""
    for note in (NO_FIELDS_NOTE, FIELDS_FROM_PAGES_NOTE, NAMES_BY_POSITION_NOTE, SCAN_NOTE):
        assert isinstance(note, Said) and in_language(note, "de") != note
    assert NO_FIELDS_NOTE == (
        "the PDF has no form fields (a flattened or printed copy, or not a form)"
    )
    note = pickle.loads(pickle.dumps(SaidJoined(("institution.phone", CUT_OFF), ": ")))
    assert note == f"institution.phone: {CUT_OFF}" and note.endswith(CUT_OFF)
    assert in_language(note, "de") == (
        "institution.phone: der Text reicht über den Rand seines Feldes hinaus, wo die Kopie "
        "ihn abschneidet; gelesen wurde er, soweit er gezeichnet ist, vielleicht weniger als "
        "eingetragen – bitte beim Absender nachfragen"
    )
    assert in_language(SaidJoined(("p", UNREADABLE), ": "), "de").startswith(
        "p: in dieser Kopie nicht lesbar:"
    )
