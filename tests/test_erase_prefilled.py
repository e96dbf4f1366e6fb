"""A text erased inside a value (``register erase --text``) on the next prefilled form: the
institution reads „(gelöscht)“ where the register keeps its marker „(erased #1)“, in the form
(PDF and Word), the mail and its attachments' names; the form sent back as it was prefilled,
filled in PDFium or saved by LibreOffice, changes nothing and holds no conflict, and the erased
text never comes back (s21 list of things left alone, 1)."""

from __future__ import annotations

import email
import email.policy
import json
import re
from pathlib import Path

import docx
from click.testing import CliRunner
from ingest_support import libreoffice
from pdf_engines import pdfium_fill
from test_erase_selective import AGREED, SURNAME, pdf_values
from test_register_erase import NOTE, register, ws
from test_register_returns import mailed_form, run

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import load
from ingest.pipeline import ingest_into_register

__all__ = ["ws"]  # the fixture, used by name

WORD = "Петренко"  # a word of ua-1's own name, „Ольга Петренко – Консультація“
SHOWN_AGREED = AGREED.replace(SURNAME, "(gelöscht)")
SHOWN_NAME = "Ольга (gelöscht) – Консультація"


def erased_then_mailed(ws: Workspace, tmp_path: Path) -> tuple[Path, Path]:
    """Her surname erased in the Verabredungen and a word of the institution's name erased in
    it; then an update round as PDF and Word: ua-1's draft and its PDF form."""
    code, out = register(ws, "set", "ua-1", "psychotherapie.agreements", AGREED, "--note", "tel.")
    assert code == 0, out
    code, out = register(
        ws, "erase", "ua-1", "--text", SURNAME, "--text", WORD, "--note", NOTE, "--yes"
    )
    assert code == 0, out
    reg = load(ws)
    assert "(erased #" in reg.name_of("ua-1")  # the register keeps its markers
    drafts = tmp_path / "d3"
    said = run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(drafts),
               "--round", "r3", "--format", "both")  # fmt: skip
    assert f"ua-1 ({SHOWN_NAME}) <olga@example.org>" in said and "(erased #" not in said
    return drafts / "ua-1.eml", mailed_form(ws, "ua-1", "r3")


def no_change(ws: Workspace, before: dict[str, object]) -> None:
    reg = load(ws)
    inst = reg.institution("ua-1")
    assert reg.value("ua-1", "psychotherapie.agreements")["v"].startswith("Frau (erased #")  # type: ignore[index]
    assert reg.value("ua-1", "institution.name")["v"] == before["name"]  # type: ignore[index]
    assert [c for c in reg.conflicts() if c["institution_id"] == "ua-1"] == before["conflicts"]
    changed = {p for h in inst["history"][len(before["history"]) :] for p, *_ in h["changes"]}  # type: ignore[arg-type]
    assert changed <= {"institution.phone"}, changed
    found = register(ws, "find", "--all", SURNAME)[1]
    assert found.startswith(f"„{SURNAME}“: nirgends gefunden in {ws.root}\n"), found


def test_the_form_and_mail_show_an_erased_text_as_erased_and_its_return_changes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    """PDFium fills the update form's phone only and leaves the rest as prefilled."""
    draft, form = erased_then_mailed(ws, tmp_path)
    values = pdf_values(form)
    assert values["agreements"] == SHOWN_AGREED
    assert values["name"] == SHOWN_NAME
    assert not [v for v in values.values() if "erased" in v]
    mail = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    body = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert f"„{SHOWN_NAME}“" in body and "Ольга (gelöscht)" in str(mail["To"])
    names = [part.get_filename() for part in mail.iter_attachments()]
    assert len(names) == 2 and all("(gelöscht)" in str(n) for n in names), names
    assert "(erased #" not in draft.read_text("utf-8", "replace") + str(mail["To"]) + body
    issued = [json.loads(line) for line in (ws.root / "issued.jsonl").read_text().splitlines()]
    assert issued[-1]["prefill"]["psychotherapie.agreements"] == SHOWN_AGREED

    reg = load(ws)
    before = {
        "name": reg.value("ua-1", "institution.name")["v"],  # type: ignore[index]
        "conflicts": [c for c in reg.conflicts() if c["institution_id"] == "ua-1"],
        "history": reg.history("ua-1"),
    }
    back = tmp_path / "zurück.pdf"
    back.write_bytes(pdfium_fill(form.read_bytes(), {"institution.phone": "0211 5550000"}))
    ingest_into_register([back], ws)
    assert load(ws).value("ua-1", "institution.phone")["raw"] == "0211 5550000"  # type: ignore[index]
    no_change(ws, before)
    history = register(ws, "history", "ua-1")[1]
    assert "(gelöscht) nimmt Fälle" in history and "(erased #" not in history


def test_the_word_form_saved_by_libreoffice_comes_back_without_a_change(
    ws: Workspace, tmp_path: Path
) -> None:
    _draft, form = erased_then_mailed(ws, tmp_path)
    word = form.with_suffix(".docx")
    shown = "".join(docx.Document(str(word)).element.body.itertext())  # content controls too
    assert SHOWN_AGREED in shown and "(erased #" not in shown
    reg = load(ws)
    before = {
        "name": reg.value("ua-1", "institution.name")["v"],  # type: ignore[index]
        "conflicts": [c for c in reg.conflicts() if c["institution_id"] == "ua-1"],
        "history": reg.history("ua-1"),
    }
    back = tmp_path / "zurück.docx"
    back.write_bytes(libreoffice(word.read_bytes(), "docx:MS Word 2007 XML", tmp_path))
    report = ingest_into_register([back], ws)
    assert report.outcomes[0].merged, report.outcomes[0]
    no_change(ws, before)


def test_a_text_written_anew_around_the_erased_one_is_merged_without_bringing_it_back(
    ws: Workspace, tmp_path: Path
) -> None:
    """The institution adds to the Verabredungen: its new text is taken as it wrote it, with
    „(gelöscht)“ where it read it; her surname is not in it."""
    _draft, form = erased_then_mailed(ws, tmp_path)
    anew = SHOWN_AGREED + " und Herrn Şahin"
    back = tmp_path / "neu.pdf"
    back.write_bytes(pdfium_fill(form.read_bytes(), {"psychotherapie.agreements": anew}))
    ingest_into_register([back], ws)
    assert load(ws).value("ua-1", "psychotherapie.agreements")["raw"] == anew  # type: ignore[index]
    found = register(ws, "find", "--all", SURNAME)[1]
    assert found.startswith(f"„{SURNAME}“: nirgends gefunden in {ws.root}\n"), found


def test_a_prefilled_text_cleared_on_the_form_is_said_kept_with_the_erased_text_as_erased(
    ws: Workspace, tmp_path: Path
) -> None:
    """The Verabredungen prefilled with „(gelöscht)“ in them, cleared on the form: the note that
    the register keeps them showed the register's marker, „Frau (erased #1) nimmt …“."""
    _draft, form = erased_then_mailed(ws, tmp_path)
    back = tmp_path / "leer.pdf"
    back.write_bytes(pdfium_fill(form.read_bytes(), {"psychotherapie.agreements": ""}))
    said = run("ingest", str(back), "-w", str(ws.root))
    assert f"Verabredungen: im Formular leer gelassen; das Register behält „{SHOWN_AGREED}“" in (
        said
    ), said
    assert "(erased #" not in said, said


def test_initials_erased_whole_are_prefilled_empty_and_a_return_with_a_new_date_is_not_signed(
    ws: Workspace, tmp_path: Path
) -> None:
    """A tester's finding: after „ОК“ was erased with --text, the next form showed Handzeichen
    „(gelöscht)“; sent back with only the Datum changed, the entry counted as confirmed with the
    erasure's marker as its initials. Now the field is empty and the return says it is."""
    done = CliRunner().invoke(
        main,
        ["register", "erase", "ua-1", "--text", "ОК", "--note", NOTE, "-w", str(ws.root)],
        input="j\n",
    )
    assert done.exit_code == 0, done.output
    assert load(ws).value("ua-1", "psychotherapie.initials")["raw"].startswith("(erased #")  # type: ignore[index]
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d4"),
        "--round", "r4")  # fmt: skip
    form = mailed_form(ws, "ua-1", "r4")
    values = pdf_values(form)
    assert "initials" not in values, values
    issued = json.loads((ws.root / "issued.jsonl").read_text().splitlines()[-1])
    assert "psychotherapie.initials" not in issued["prefill"]
    back = tmp_path / "nur Datum.pdf"
    back.write_bytes(pdfium_fill(form.read_bytes(), {"psychotherapie.date": "24.11.2026"}))
    said = run("ingest", str(back), "-w", str(ws.root))
    assert "Pflichtfeld „Handzeichen“ auf dem Formular leer gelassen" in said, said
    # it said „das Register behält „(gelöscht)““, as if the marker were her initials
    assert "im Register bleibt es gelöscht (register erase): vom gelöschten Wert" in said, said
    assert "behält" not in said and "(gelöscht)" not in said, said
    stale = run("register", "stale", "-w", str(ws.root))  # nobody signed: on the update list
    assert re.search(r"ua-1 .* fehlt \(Handzeichen\)", stale), stale
