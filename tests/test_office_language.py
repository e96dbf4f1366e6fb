"""A returned Word or ODT form's notes and reasons in the workspace's language: German in a
German workspace (``formgen init``'s default), English in an English one and in ``--json``."""

from __future__ import annotations

import copy
import io
import itertools
import json
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES, sample_workspace
from lxml import etree
from test_docx_reader import edit, generated, replace_part, sdt, type_into

from formgen.cli import main
from formgen.docx_xml import qn
from formgen.errors import NotOurFormError
from formgen.messages import in_language
from formgen.workspace import Workspace
from ingest.archive import MAX_RATIO
from ingest.docx_reader import read_docx


def _workspace(root: Path, language: str) -> Workspace:
    ws = sample_workspace(root)
    config = ws.root / "workspace.toml"
    config.write_text(
        config.read_text("utf-8").replace('language = "de"', f'language = "{language}"'),
        "utf-8",
    )
    assert Workspace.open(ws.root).language == language
    return ws


def _ingest(ws: Workspace, inbox: Path, *options: str) -> str:
    result = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws.root), *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def _typed_into_a_piece(root: etree._Element) -> None:
    """Text typed into the later pieces of each text control LibreOffice 7.4 split (it writes
    them with the whole text again, which loses nothing): text the first piece lacks."""
    for cell in root.iter(qn("w:tc")):
        texts = [n for n in cell.iter(qn("w:sdt")) if n.find(f".//{qn('w:text')}") is not None]
        for one, other in itertools.pairwise(texts):
            if alias(one) == alias(other) is not None:
                other.find(f".//{qn('w:t')}").text += " – nur hier ergänzt"


def alias(node: etree._Element) -> str | None:
    found = node.find(f"{qn('w:sdtPr')}/{qn('w:alias')}")
    return None if found is None else found.get(qn("w:val"))


def _returns(tmp_path: Path) -> Path:
    """The checklist saved as .docx (and typed into the pieces of its split controls) and the
    institution form saved as .odt by LibreOffice 7.4."""
    inbox = tmp_path / "Rückläufe"
    inbox.mkdir()
    checklist = (SAMPLES / "docx" / "lo74-checklist.docx").read_bytes()
    (inbox / "Rückmeldung Łódź.docx").write_bytes(edit(checklist, _typed_into_a_piece))
    shutil.copy(SAMPLES / "docx" / "lo74-odt-institution.odt", inbox / "Формуляр.odt")
    return inbox


SAVED_BY = {
    "de": "gespeichert mit LibreOffice/7.4.7.2: diese Version entfernt beim Speichern die Namen "
    "der Felder des Formulars und die darin eingegebenen Zeilenumbrüche; bitte diese Felder "
    "prüfen",
    "en": "saved by LibreOffice/7.4.7.2: when it saves, that version removes the names of the "
    "form's fields and the line breaks typed in them; please check those",
}
UNTAGGED = {  # the fields by their labels under their checklist's name (audit s19C, 10)
    "de": (
        "LibreOffice 7.4 hat beim Speichern die Namen von 520 Feldern entfernt; formgen hat sie "
        "an ihrer Stelle im Formular erkannt, 110 davon ausgefüllt — Krisen(interventions)dienst, "
        "Block 1: „Name der Einrichtung“, „Träger“, „Straße und Hausnummer“, „PLZ“, „Ort“, ",
        " … und 98 weitere; bitte diese Werte prüfen",
    ),
    "en": (
        "LibreOffice 7.4 removed the names of 520 fields when it saved the form; formgen "
        "recognised them by where they stand in the form, 110 of them filled in — Crisis "
        "(intervention) service, block 1: 'Name of the institution', 'Provider organisation', ",
        " … and 98 more; please check these values",
    ),
}
SPLIT = {
    "de": "„Öffnungszeiten“ (Tabelle 1): vom speichernden Programm in 3 Felder aufgeteilt, die "
    "verschiedene Texte enthalten; das erste wurde gelesen: bitte prüfen",
    "en": "'Öffnungszeiten' (table 1) was split into 3 fields by the program that saved it, and "
    "they hold different texts; the first one was read: check it",
}
BY_ROWS = {
    "de": "das Formular wurde als OpenDocument-Text (.odt) gespeichert mit LibreOffice/7.4.7.2: "
    "die Werte wurden Zeile für Zeile aus seinen Tabellen gelesen; bitte vor der Verwendung "
    "prüfen",
    "en": "the form saved as OpenDocument text (.odt) by LibreOffice/7.4.7.2: values were read "
    "from its tables, row by row; check them before relying on them",
}


def _notes_shown(out: str, lang: str) -> None:
    lines = out.splitlines()
    assert f"    {SAVED_BY[lang]}" in lines, out
    head, tail = UNTAGGED[lang]
    assert any(line.startswith(f"    {head}") and line.endswith(tail) for line in lines), out
    assert f"    {SPLIT[lang]}" in lines
    assert f"    {BY_ROWS[lang]}" in lines
    jargon = ("Steuerelement", " Tag", "krisendienst.1.") if lang == "de" else ("control", " tag")
    assert not [line for line in lines if any(word in line for word in jargon)], out


def test_a_word_form_and_an_odt_saved_by_libreoffice_are_reported_in_german(
    tmp_path: Path,
) -> None:
    ws, inbox = _workspace(tmp_path / "ws", "de"), _returns(tmp_path)
    # --json keeps the English texts, as records and scripts had them
    report = json.loads(_ingest(ws, inbox, "--json", "--dry-run"))
    warnings = {Path(f["name"]).suffix: f["warnings"] for f in report["files"]}
    assert SAVED_BY["en"] in warnings[".docx"] and SPLIT["en"] in warnings[".docx"]
    assert warnings[".odt"] == [BY_ROWS["en"]]

    out = _ingest(ws, inbox)
    _notes_shown(out, "de")
    assert "saved by" not in out and "controls" not in out and "row by row" not in out
    (saved,) = ws.exports_dir.glob("ingest-*.txt")  # every warning, in German too
    assert f"    {SPLIT['de'].replace('Tabelle 1', 'Tabelle 6')}" in saved.read_text("utf-8")


def test_an_english_workspace_gets_them_in_english(tmp_path: Path) -> None:
    ws, inbox = _workspace(tmp_path / "ws", "en"), _returns(tmp_path)
    _notes_shown(_ingest(ws, inbox), "en")


def _with_doctype(data: bytes) -> bytes:
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    head, rest = body.split(b"?>", 1)
    doctype = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return replace_part(data, "word/document.xml", head + b"?>" + doctype + rest)


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", "<Relationships/>")
        zf.writestr("word/document.xml", b"<" + b" " * (8 * 1024 * 1024) + b"/>")
    return out.getvalue()


REFUSED = {
    "de": {
        "Entitäten.docx": "der Teil „word/document.xml“ deklariert einen DOCTYPE oder "
        "XML-Entitäten, die Word und LibreOffice nie schreiben und mit denen ein Leseprogramm "
        "andere Dateien öffnen oder den Speicher erschöpfen kann; die Datei wurde ungelesen "
        "abgelehnt. Den Absender bitten, das Formular erneut aus Word oder LibreOffice zu "
        "speichern",
        "Bombe.docx": "der Teil „word/document.xml“ würde sich aus {packed} Bytes auf 8,0 MiB "
        f"entpacken (Verhältnis {{ratio}}:1, Grenze {MAX_RATIO}:1); als mögliche ZIP-Bombe "
        "abgelehnt",
        "Passwort.odt": "dieses ODT ist mit einem Passwort geschützt (verschlüsselt), seine "
        "Felder lassen sich nicht lesen; den Absender bitten, es ohne Passwort erneut zu "
        "speichern (LibreOffice: Datei → Speichern unter, „Mit Kennwort speichern“ abwählen) "
        "und noch einmal zu senden",
    },
    "en": {
        "Entitäten.docx": "part 'word/document.xml' declares a DOCTYPE or XML entities, which "
        "Word and LibreOffice never write and which can make a reader open other files or "
        "exhaust memory; the file was refused unread. Ask the sender to save the form again "
        "from Word or LibreOffice",
        "Bombe.docx": "part 'word/document.xml' would unpack to 8.0 MiB from {packed} bytes "
        f"(ratio {{ratio}}:1, limit {MAX_RATIO}:1); refused as a possible zip bomb",
        "Passwort.odt": "this ODT is protected with a password (encrypted), so its fields "
        "cannot be read; ask the sender to save it again without the password (LibreOffice: "
        "File → Save As, untick 'Save with password') and send it again",
    },
}


def test_a_refused_word_or_odt_file_says_why_in_the_workspaces_language(tmp_path: Path) -> None:
    inbox = tmp_path / "Rückläufe"
    inbox.mkdir()
    (inbox / "Entitäten.docx").write_bytes(_with_doctype(generated()))
    bomb = _bomb()
    (inbox / "Bombe.docx").write_bytes(bomb)
    info = zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/document.xml")
    shutil.copy(SAMPLES / "docx" / "lo74-odt-passwort.odt", inbox / "Passwort.odt")
    ratio = f"{info.file_size / info.compress_size:.0f}"
    for lang, word in (("de", "unlesbar    "), ("en", "unreadable ")):
        out = _ingest(_workspace(tmp_path / lang, lang), inbox, "--dry-run").splitlines()
        for name, why in REFUSED[lang].items():
            why = why.format(packed=info.compress_size, ratio=ratio)
            assert f"{word} {inbox / name}: {why}" in out, "\n".join(out)


def _note(data: bytes, lang: str) -> list[str]:
    return [in_language(note, lang) for note in read_docx(data, "f.docx").notes]


def test_a_controls_doubtful_value_is_noted_in_german_and_english() -> None:
    def change(root: etree._Element) -> None:
        region = sdt(root, "psychotherapie.1.region")
        type_into(region, "Sankt Petersburg")
        date = sdt(root, "psychotherapie.1.date")
        pr = date.find(qn("w:sdtPr"))
        pr.find(qn("w:date")).set(qn("w:fullDate"), "2026-11-02T00:00:00Z")
        type_into(date, "03.11.2026")
        name = sdt(root, "psychotherapie.2.name")
        type_into(name, "Praxis Öztürk")
        twin = copy.deepcopy(name)
        twin.find(f".//{qn('w:t')}").text = "Praxis Öztürk-İnce"
        name.addnext(twin)

    data = edit(generated(), change)
    assert _note(data, "en") == [
        "psychotherapie.1.region: shows 'Sankt Petersburg', which is not one of its list items",
        "psychotherapie.1.date: shows 2026-11-03 but its stored date is 2026-11-02; kept the "
        "shown date",
        "psychotherapie.2.name: the control appears 2 times (copied?) with different values "
        "(Praxis Öztürk, Praxis Öztürk-İnce); the first filled one was used, please review",
    ]
    assert _note(data, "de") == [
        "psychotherapie.1.region: zeigt „Sankt Petersburg“, das keine der Auswahlmöglichkeiten "
        "seiner Liste ist",
        "psychotherapie.1.date: zeigt 03.11.2026, gespeichert ist aber der 02.11.2026; das "
        "angezeigte Datum wurde übernommen",
        "psychotherapie.2.name: das Steuerelement kommt 2-mal vor (kopiert?), mit verschiedenen "
        "Werten (Praxis Öztürk, Praxis Öztürk-İnce); das erste ausgefüllte wurde übernommen, "
        "bitte prüfen",
    ]


def test_a_word_document_that_is_no_formgen_form_says_so_in_german_too() -> None:
    """The pipeline quarantines it, its reason after "unknown form:" (``exc.said``)."""
    document = docx.Document()
    document.add_paragraph("Sehr geehrte Damen und Herren, anbei unsere Angaben.")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(NotOurFormError) as caught:
        read_docx(out.getvalue(), "Brief.docx")
    assert str(caught.value) == (
        "Brief.docx: a Word document, but not a formgen form (no formgen identity in its "
        "properties and no formgen form fields); ingest only the forms formgen sent out"
    )
    assert caught.value.said is not None and in_language(caught.value.said, "de") == (
        "ein Word-Dokument, aber kein formgen-Formular (keine formgen-Kennung in seinen "
        "Eigenschaften und keine formgen-Formularfelder); nur die Formulare einlesen, die "
        "formgen verschickt hat"
    )
