"""A centre adopting formgen with a schema of its own (tests/data/own_schema/youth-1.yaml, a
directory of services for unaccompanied minors), and its next version
(youth-2.yaml: a field removed, a type changed, a choice dropped)."""

from __future__ import annotations

import io
import json
import shutil
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from pdf_engines import pdfium_fill
from pypdf import PdfReader

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import load
from ingest.schemas import SchemaRegistry

DATA = Path(__file__).parent / "data" / "own_schema"
TITLE = "Directory of services for unaccompanied minors"
LIST = (
    "id,institution,email,categories,region,language\n"
    "y-1,Dom Łódź Youth House,lodz@example.org,housing;therapy,,en\n"
    "y-2,Центр Надежда,nadezhda@example.org,therapy,,de\n"
)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def workspace(tmp_path: Path, version: int = 1) -> Path:
    """An English workspace that names youth-<version>.yaml as its schema."""
    ws = tmp_path / "ws"
    result = run("init", str(ws), "--name", "Youth Network", "--sender", "net@example.org")
    assert result.exit_code == 0, result.output
    shutil.copy(DATA / f"youth-{version}.yaml", ws / "youth.yaml")
    toml = ws / "workspace.toml"
    text = toml.read_text("utf-8").replace('# path = "my-schema.yaml"', 'path = "youth.yaml"')
    toml.write_text(text.replace('language = "de"', 'language = "en"'), "utf-8")
    return ws


def invite(tmp_path: Path, ws: Path) -> dict[str, object]:
    """The invitation drafts of LIST, by institution id, read back."""
    (tmp_path / "list.csv").write_text(LIST, "utf-8")
    out = tmp_path / "drafts"
    result = run("mail", str(tmp_path / "list.csv"), "-w", str(ws), "--drafts", str(out))
    assert result.exit_code == 0, result.output
    return {
        p.stem: message_from_bytes(p.read_bytes(), policy=policy.default) for p in out.glob("*.eml")
    }


def body(msg) -> str:
    return " ".join(msg.get_body(("plain",)).get_content().split())


def test_the_invitation_names_the_survey_by_the_schemas_title(tmp_path: Path) -> None:
    """No word of the SPKoM's inventory of care for mentally ill people in a mail about
    another survey: subject, text and the attachment's name take the schema's title."""
    mails = invite(tmp_path, workspace(tmp_path))
    msg = mails["y-1"]
    assert str(msg["Subject"]) == f"{TITLE} – your details for Dom Łódź Youth House"
    assert f"Youth Network is updating its {TITLE}." in body(msg)
    assert "mentally ill" not in body(msg) and "nventory" not in str(msg["Subject"])
    names = [a.get_filename() for a in msg.iter_attachments()]
    assert names and all(n.startswith("Directory_Dom_Łódź_Youth_House_FG-") for n in names)


def test_a_workspace_keeps_its_own_mail_texts_per_kind_and_language(tmp_path: Path) -> None:
    """mail_templates/invitation.en.txt in the workspace replaces the shipped English text in
    every run, without --template; a mail in German still gets the shipped German one."""
    ws = workspace(tmp_path)
    (ws / "mail_templates").mkdir()
    (ws / "mail_templates" / "invitation.en.txt").write_text(
        "Subject: {short_title}: please check {name}\n\nHello {name}, see {reference}. {title}.\n",
        "utf-8",
    )
    mails = invite(tmp_path, ws)
    own = mails["y-1"]
    assert str(own["Subject"]) == f"{TITLE}: please check Dom Łódź Youth House"
    assert body(own).startswith("Hello Dom Łódź Youth House, see FG-") and TITLE in body(own)
    german = mails["y-2"]
    title = "Übersicht der Angebote für unbegleitete Minderjährige"
    assert str(german["Subject"]) == f"{title} – Ihre Angaben für Центр Надежда"
    assert f"das Youth Network aktualisiert die {title}." in body(german)


def test_a_broken_own_mail_text_in_the_workspace_stops_the_round_naming_the_file(
    tmp_path: Path,
) -> None:
    ws = workspace(tmp_path)
    (ws / "mail_templates").mkdir()
    (ws / "mail_templates" / "invitation.en.txt").write_text("Subject: {titel}\n\nx\n", "utf-8")
    (tmp_path / "list.csv").write_text(LIST, "utf-8")
    out = tmp_path / "drafts"
    result = run("mail", str(tmp_path / "list.csv"), "-w", str(ws), "--drafts", str(out))
    assert result.exit_code == 1
    assert "invitation.en.txt" in result.output and "titel" in result.output
    assert not out.exists()


def returned(
    tmp_path: Path, ws: Path, name: str, values: dict[str, str | bool], drafts: str = "drafts"
) -> str:
    """Dom Łódź Youth House (y-1) returns the PDF form of its mail in ``drafts`` filled with
    ``values``; what ``formgen ingest`` said."""
    draft = message_from_bytes((tmp_path / drafts / "y-1.eml").read_bytes(), policy=policy.default)
    form = next(a for a in draft.iter_attachments() if a.get_filename().endswith(".pdf"))
    path = tmp_path / name
    path.write_bytes(pdfium_fill(form.get_content(), values))
    result = run("ingest", str(path), "-w", str(ws))
    assert result.exit_code == 0, result.output
    return result.output


def switch_to_version_2(ws: Path) -> None:
    shutil.copy(DATA / "youth-2.yaml", ws / "youth.yaml")


def stored(ws: Path, path: str) -> dict[str, object]:
    scope, _, fid = path.partition(".")
    inst = load(Workspace.open(ws)).institutions["y-1"]
    values = inst["institution"] if scope == "institution" else inst["entries"][scope]["fields"]
    return dict(values[fid])


def first_return(tmp_path: Path) -> Path:
    """Version 1: y-1 returns its form with a website, 'many' places (not a whole number
    yet) and the age group 14 to 16."""
    ws = workspace(tmp_path)
    invite(tmp_path, ws)
    values: dict[str, str | bool] = {
        "institution.web": "https://dom-lodz.example",
        "housing.places": "many",
        "housing.ages.a14_16": True,
    }
    returned(tmp_path, ws, "first.pdf", values)
    assert stored(ws, "housing.places")["problem_key"] == "integer"
    return ws


def test_schema_check_notes_a_dropped_field_holding_values_and_a_changed_type(
    tmp_path: Path,
) -> None:
    ws = first_return(tmp_path)
    result = run("schema", "check", str(DATA / "youth-2.yaml"), "-w", str(ws))
    assert result.exit_code == 0, result.output
    # the notes of the switch (the schema has no regions and no date, noted too)
    notes = [line.partition("note: ")[2] for line in result.output.splitlines() if "note:" in line]
    assert [n for n in notes if n.startswith(("drops ", "changes "))] == [
        "drops the field 'Institution › Website' (web), held by 1 institution: forms, the "
        "printed register and the tables no longer show its value; the register keeps it "
        "(history, JSON export)",
        "changes the type of 'Supported housing › Places for minors' (places) from integer to "
        "text, held by 1 institution: its value is checked again against the new type, 0 "
        "invalid then",
    ]


def test_after_the_switch_a_value_valid_under_the_new_type_is_valid(tmp_path: Path) -> None:
    """'many' was "not a whole number"; the field is text now: stale, the print and the
    update mail no longer ask to correct it, and the history keeps what the return gave."""
    ws = first_return(tmp_path)
    switch_to_version_2(ws)
    value = stored(ws, "housing.places")
    assert value["v"] == "many" and "problem" not in value
    stale = run("register", "stale", "-w", str(ws))
    assert "whole number" not in stale.output and "invalid" not in stale.output
    history = run("register", "history", "y-1", "-w", str(ws)).output
    assert "Places for minors: (blank) → many  [invalid: 'many' is not a whole number" in history


def test_after_a_switch_to_a_number_a_text_that_is_none_is_flagged(tmp_path: Path) -> None:
    """The other way round (text → integer): a value valid before is flagged with why."""
    ws = first_return(tmp_path)
    switch_to_version_2(ws)
    again = ("mail", str(tmp_path / "list.csv"), "-w", str(ws), "--round", "second", "--force")
    mailed = run(*again, "--drafts", str(tmp_path / "second"))  # forms of 2.0.0
    assert mailed.exit_code == 0, mailed.output
    returned(tmp_path, ws, "second.pdf", {"housing.places": "a dozen"}, "second")
    assert stored(ws, "housing.places")["v"] == "a dozen"
    text = (DATA / "youth-1.yaml").read_text("utf-8").replace("1.0.0", "3.0.0")
    (ws / "youth.yaml").write_text(text, "utf-8")
    value = stored(ws, "housing.places")
    assert value["v"] is None and value["problem_key"] == "integer"
    assert value["raw"] == "a dozen"


def test_the_history_names_a_dropped_field_by_the_label_its_version_gave(tmp_path: Path) -> None:
    ws = first_return(tmp_path)
    switch_to_version_2(ws)
    history = run("register", "history", "y-1", "-w", str(ws)).output
    lines = history.splitlines()
    assert "    Website: (blank) → https://dom-lodz.example" in lines
    assert "web:" not in history
    assert lines.count("  Institution") == 1  # under the institution's other fields


def test_a_late_form_of_the_first_version_keeps_the_choices_still_offered(tmp_path: Path) -> None:
    """A second copy of the version-1 form, after the switch, with the dropped choice ticked
    beside one still offered and a new website: the choice still offered is merged (the value
    stays valid), the dropped one is said by its label, the website under the institution."""
    ws = first_return(tmp_path)
    switch_to_version_2(ws)
    values: dict[str, str | bool] = {
        "institution.web": "https://nowy.example",
        "housing.ages.a14_16": True,
        "housing.ages.young_adults": True,
    }
    said = returned(tmp_path, ws, "again.pdf", values)
    assert stored(ws, "housing.ages") == {**stored(ws, "housing.ages"), "v": ["a14_16"]}
    assert "problem" not in stored(ws, "housing.ages")
    report = said.split("report with every warning: ")[1].strip()
    text = Path(report).read_text("utf-8")
    assert (
        "Supported housing › Age groups: 'young adults (after 18)' was a choice of the form, but the current "
        "schema version no longer offers it; the choices now: under 14, 14 to 16; the choices "
        "still offered were merged"
    ) in text
    assert (
        "Institution: field 'web' of schema version 1.0.0 no longer exists; its value "
        "'https://nowy.example' was not merged"
    ) in text


def test_an_institution_holding_a_value_of_a_dropped_field_still_gets_its_form(
    tmp_path: Path,
) -> None:
    """Its form of the new version has no box for the website: mailed without it (it was
    "institution.web: this form has no such field", and no mail)."""
    ws = first_return(tmp_path)
    switch_to_version_2(ws)
    again = ("mail", str(tmp_path / "list.csv"), "-w", str(ws), "--round", "second", "--force")
    mailed = run(*again, "--drafts", str(tmp_path / "second"))
    assert mailed.exit_code == 0, mailed.output
    draft = message_from_bytes(
        (tmp_path / "second" / "y-1.eml").read_bytes(), policy=policy.default
    )
    form = next(a for a in draft.iter_attachments() if a.get_filename().endswith(".pdf"))
    fields = PdfReader(io.BytesIO(form.get_content())).get_fields() or {}
    assert "institution.web" not in fields
    assert fields["housing.places"].get("/V") == "many"
    assert stored(ws, "institution.web")["v"] == "https://dom-lodz.example"


def test_the_register_is_checked_again_once_per_switch(tmp_path: Path, monkeypatch) -> None:
    """Written after the switch, the register says the version its values were checked
    against: a command after that does not read the older versions again for it."""
    ws = first_return(tmp_path)
    switch_to_version_2(ws)
    assert run("register", "rebuild", "-w", str(ws)).exit_code == 0
    data = json.loads((ws / "register.json").read_text("utf-8"))
    assert data["checked_with"] == "2.0.0"
    assert data["institutions"]["y-1"]["entries"]["housing"]["fields"]["places"]["v"] == "many"
    monkeypatch.setattr(SchemaRegistry, "older", property(lambda _: pytest.fail("read again")))
    assert stored(ws, "housing.places")["v"] == "many"


def test_a_rebuild_after_the_switch_gives_the_register_the_live_one_is(tmp_path: Path) -> None:
    """The live register keeps the website the return gave under 1.0.0 (its history, the JSON
    export) after the switch dropped the field, and a late copy of the 1.0.0 form filling in
    another one is merged without it. A rebuild gives the same register: it replayed the
    first return without the website, so the rebuilt register had none (before that,
    quarantined as naming a field the schema does not know, the institution was gone). Read
    again from the originals (--reread), the website is kept as the journal holds it."""
    ws = first_return(tmp_path)
    switch_to_version_2(ws)
    late = {"institution.web": "https://nowy.example", "housing.ages.a14_16": True}
    returned(tmp_path, ws, "again.pdf", late)
    live = load(Workspace.open(ws)).data
    assert live["institutions"]["y-1"]["institution"]["web"]["v"] == "https://dom-lodz.example"
    rebuilt = run("register", "rebuild", "-w", str(ws))
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "2 returns merged, 1 institution" in rebuilt.output
    assert load(Workspace.open(ws)).data == live
    exported = tmp_path / "register.json"
    done = run("register", "export", "--format", "json", "-w", str(ws), "-o", str(exported))
    assert done.exit_code == 0, done.output
    assert "https://dom-lodz.example" in exported.read_text("utf-8")
    assert "https://nowy.example" not in exported.read_text("utf-8")
    reread = run("register", "rebuild", "--reread", "-w", str(ws))
    assert reread.exit_code == 0, reread.output
    inst = load(Workspace.open(ws)).institutions["y-1"]
    assert inst["institution"]["web"] == live["institutions"]["y-1"]["institution"]["web"]
    web = [[c for c in h["changes"] if c[0] == "institution.web"] for h in inst["history"]]
    assert web == [[["institution.web", None, inst["institution"]["web"]]], []]
