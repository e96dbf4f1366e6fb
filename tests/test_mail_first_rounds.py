"""A new coordinator's first rounds (audit s19C): what a list gives that is not read, the same
institution under a new id, drafts deleted before they were sent, and the next step where
nothing is there yet. Each through the CLI, in a German and an English workspace."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from mailkit import make_workspace, pdf_value

from formgen.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(path: Path, *rows: str, header: str = "Kennung;Einrichtung;E-Mail;Checkliste;Region"):
    path.write_text("\n".join([header, *rows]) + "\n", "utf-8")
    return str(path)


def attached_pdf(draft: Path) -> bytes:
    msg = message_from_bytes(draft.read_bytes(), policy=policy.default)
    (att,) = msg.iter_attachments()
    return att.get_content()


@pytest.mark.parametrize(
    "language, said",
    [
        (
            "de",
            "Hinweis: liste.csv: nicht gelesene Spalten: „Name der Ansprechperson“, „Bemerkung“; "
            "eine Liste füllt die Formulare nur mit den Angaben zur Einrichtung vor",
        ),
        (
            "en",
            "note: liste.csv: columns not read: 'Name der Ansprechperson', 'Bemerkung'; a list "
            "prefills the forms with the institution's own details only",
        ),
    ],
)
def test_columns_a_list_does_not_read_are_named_with_the_way_into_the_form(
    tmp_path, monkeypatch, language, said
):
    ws = make_workspace(tmp_path / "ws", language=language).root
    monkeypatch.chdir(tmp_path)
    listed = write(
        tmp_path / "liste.csv",
        "ar-1;مركز الاستشارة;info@beratung-ar.example;Psychotherapie;Düsseldorf;"
        "Şule Yılmaz;ruft zurück;0211 1234567",
        header="Kennung;Einrichtung;E-Mail;Checkliste;Region;Name der Ansprechperson;Bemerkung;"
        "Telefon",
    )
    result = run("mail", "liste.csv", "-w", str(ws), "--drafts", "d", "--dry-run")
    assert result.exit_code == 0, result.output
    assert said in result.stderr
    assert "register import liste.csv" in result.stderr
    assert "mail --from-register" in result.stderr
    # the way it names: import the list (without the remark), then mail from the register
    write(
        tmp_path / "liste.csv",
        "ar-1;مركز الاستشارة;info@beratung-ar.example;Psychotherapie;Düsseldorf;Şule Yılmaz;"
        "0211 1234567",
        header="Kennung;Einrichtung;E-Mail;Checkliste;Region;Name der Ansprechperson;Telefon",
    )
    assert run("register", "import", str(listed), "-w", str(ws)).exit_code == 0
    again = run("mail", "--from-register", "-w", str(ws), "--drafts", "r")
    assert again.exit_code == 0, again.output
    (draft,) = (tmp_path / "r").iterdir()
    pdf = attached_pdf(draft)
    assert pdf_value(pdf, "institution.name") == "مركز الاستشارة"
    assert pdf_value(pdf, "institution.phone") == "+49 211 1234567"
    assert pdf_value(pdf, "psychotherapie.contact_name") == "Şule Yılmaz"


def test_a_list_that_gives_only_what_is_read_has_no_note(tmp_path):
    ws = make_workspace(tmp_path / "ws").root
    listed = write(
        tmp_path / "l.csv", "pl-1;Poradnia Łódź;biuro@poradnia.example;Betreutes Wohnen;Düsseldorf"
    )
    result = run("mail", listed, "-w", str(ws), "--drafts", str(tmp_path / "d"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
