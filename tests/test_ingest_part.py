"""A return that is a part of a form: the page 2 of an institution's PDF saved alone (qpdf
``--pages``, as „nur Seite 2 speichern“ does) is named as that form's, with the pages it
lacks and the values it holds, and kept aside: without page 1 it carries no identity."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pdf_engines import pdfium_fill
from pypdf import PdfReader
from reportlab.pdfgen import canvas
from test_ingest_passed_on import LIST, fg, own_form

from formgen.identity import parse_reference
from formgen.workspace import Workspace
from ingest.journal import load

CONTACT = {
    "psychotherapie.contact_name": "Gülşen Çelik-Doğan",
    "psychotherapie.plans": "Gruppe für Frauen auf Русский и Türkçe",
}

pytestmark = pytest.mark.skipif(
    subprocess.run(["qpdf", "--version"], capture_output=True).returncode != 0,
    reason="qpdf is not installed",
)


def page_two(form: Path, out: Path) -> str:
    """Page 2 of ``form`` filled in PDFium (Chrome) with :data:`CONTACT` and saved alone by
    qpdf into a new file (without the form's document properties, as the tester's was): the
    reference its pages print (``FG-…``)."""
    filled = out.with_name("filled.pdf")
    filled.write_bytes(pdfium_fill(form.read_bytes(), CONTACT))
    subprocess.run(["qpdf", "--empty", "--pages", str(filled), "2", "--", str(out)], check=True)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert "/FormgenIdentity" not in (reader.metadata or {})
    assert "psychotherapie.contact_name" in (reader.get_fields() or {})
    instance = parse_reference(reader.pages[0].extract_text())
    assert instance is not None
    return f"FG-{instance[:5]}-{instance[5:]}"


def test_page_two_alone_is_named_as_a_part_of_its_form_and_kept_aside(tmp_path: Path) -> None:
    ws, form = own_form(tmp_path)
    part = tmp_path / "Formular SpDi Seite 2.pdf"
    ref = page_two(form, part)
    before = load(Workspace.open(ws)).institutions["inst-0001"]

    done = fg("ingest", part, "-w", ws, "--json")
    (outcome,) = json.loads(done.output)["files"]
    assert outcome["status"] == "quarantined"
    assert outcome["quarantine_kind"] == "part"
    assert outcome["form"] == ref
    assert f"part of form {ref} (inst-0001)" in outcome["reason"]
    assert "only page 2 of 2, page 1 missing" in outcome["reason"]
    assert "ask the institution for the whole form" in outcome["reason"]
    assert f"forms/mail/ROUND/inst-0001_{ref}.pdf" in outcome["reason"]
    assert "'formgen generate pdf --institution inst-0001'" in outcome["reason"]  # once forgotten
    held = "\n".join(outcome["warnings"])
    assert "psychotherapie.contact_name = Gülşen Çelik-Doğan" in held
    assert "Русский и Türkçe" in held
    # nothing merged: the part proves no identity
    assert load(Workspace.open(ws)).institutions["inst-0001"] == before

    listed = fg("quarantine", "-w", ws).output
    assert "Teil eines Formulars" in listed
    assert f"Teil des Formulars {ref} (inst-0001)" in listed
    assert "nur Seite 2 von 2, es fehlt Seite 1" in listed
    assert "unbekanntes Formular" not in listed


def test_page_two_of_a_form_another_workspace_made_stays_an_unknown_form(
    tmp_path: Path,
) -> None:
    """The printed reference alone proves nothing: a form this workspace never issued is not
    named as its part."""
    _, form = own_form(tmp_path / "other")
    part = tmp_path / "Seite 2.pdf"
    page_two(form, part)
    ws = tmp_path / "ws"
    fg("init", ws, "--sender", "spkom@example.org")
    (tmp_path / "liste.csv").write_text(LIST, "utf-8")
    fg("register", "import", tmp_path / "liste.csv", "-w", ws, "--note", "Liste")

    (outcome,) = json.loads(fg("ingest", part, "-w", ws, "--json").output)["files"]
    assert outcome["status"] == "quarantined"
    assert outcome["quarantine_kind"] == "unknown-form"


def test_a_whole_form_whose_identity_fields_were_removed_stays_an_unknown_form(
    tmp_path: Path,
) -> None:
    """Every page there, only the identity fields gone: no part missing, and the printed
    reference proves no identity: kept aside as an unknown form, as before."""
    ws, form = own_form(tmp_path)
    whole = tmp_path / "ohne Kennung.pdf"
    filled = tmp_path / "filled.pdf"
    filled.write_bytes(pdfium_fill(form.read_bytes(), CONTACT))
    subprocess.run(["qpdf", "--empty", "--pages", str(filled), "1-z", "--", str(whole)], check=True)
    with pikepdf.open(whole, allow_overwriting_input=True) as pdf:
        fields = pdf.Root.AcroForm.Fields
        (ours,) = [i for i, f in enumerate(fields) if str(f.get("/T")) == "formgen"]
        hidden = {f.objgen for f in fields[ours].Kids}
        del fields[ours]
        for page in pdf.pages:
            kept = [a for a in page.get("/Annots", []) if a.objgen not in hidden]
            page.Annots = pikepdf.Array(kept)
        pdf.save(whole)
    assert "formgen.signature" not in (PdfReader(whole).get_fields() or {})
    assert len(PdfReader(whole).pages) == 2

    (outcome,) = json.loads(fg("ingest", whole, "-w", ws, "--json").output)["files"]
    assert outcome["status"] == "quarantined"
    assert outcome["quarantine_kind"] == "unknown-form"


def test_another_programs_form_that_quotes_the_reference_stays_an_unknown_form(
    tmp_path: Path,
) -> None:
    """A form of the institution's own (a referral form) that quotes the reference of the form
    it answers in its text: its fields are not formgen's, so it is no part of that form."""
    ws, form = own_form(tmp_path)
    ref = page_two(form, tmp_path / "Seite 2.pdf")
    letter = tmp_path / "Überweisungsbogen.pdf"
    written = canvas.Canvas(str(letter))
    written.drawString(72, 720, f"Zu Ihrem Formular {ref}, Seite 2/3")
    written.acroForm.textfield(name="Bemerkung", value="siehe Anlage", x=72, y=600)
    written.save()
    assert (PdfReader(letter).get_fields() or {})["Bemerkung"]["/V"] == "siehe Anlage"

    (outcome,) = json.loads(fg("ingest", letter, "-w", ws, "--json").output)["files"]
    assert outcome["status"] == "quarantined"
    assert outcome["quarantine_kind"] == "unknown-form"


def test_page_two_saved_with_the_forms_properties_merges_and_says_page_one_is_missing(
    tmp_path: Path,
) -> None:
    """qpdf keeping the form's document properties (``qpdf f.pdf --pages . 2``): the identity
    is there, the page merges; the report says page 1 is missing and its values stay."""
    ws, form = own_form(tmp_path)
    filled = tmp_path / "filled.pdf"
    filled.write_bytes(pdfium_fill(form.read_bytes(), CONTACT))
    part = tmp_path / "Seite 2.pdf"
    subprocess.run(["qpdf", str(filled), "--pages", ".", "2", "--", str(part)], check=True)
    assert len(PdfReader(part).pages) == 1

    output = " ".join(fg("ingest", part, "-w", ws).output.split())
    assert "übernommen, inst-0001" in output
    assert "nur ein Teil des Formulars: nur Seite 2 von 2, es fehlt Seite 1" in output
    inst = load(Workspace.open(ws)).institutions["inst-0001"]
    assert inst["institution"]["name"]["v"] == "Sozialpsychiatrischer Dienst Grevenbroich"
    fields = inst["entries"]["psychotherapie"]["fields"]
    assert fields["contact_name"]["v"] == CONTACT["psychotherapie.contact_name"]
