"""A centre's own schema (English, unaccompanied minors) and the ids formgen relies on: the
institution's ``name`` and ``email`` (without them `formgen mail` refuses), an entry's ``date``
and the institution's ``region`` (without them no staleness by age, no regions), each a note of
`schema check` with file, line and what to do, never a problem: a workspace made before formgen
checked them stays open; and what a schema without regions means for recipients lists, gaps and
the print."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from pdf_engines import pdfium_fill

from formgen.cli import main
from formgen.cli.common import read_recipients
from formgen.errors import RecipientsError
from formgen.schema_load import check_schema_text, load_schema_text
from formgen.workspace import Workspace

UMF = """\
schema_id: umf
schema_version: 1.0.0
default_language: en
languages: [en]
title: {{en: "Services for unaccompanied minors"}}
{regions}field_sets:
  service:
    sections:
      - id: organisation
        label: {{en: "Organisation"}}
        fields:
          - id: {name}
            type: text
            scope: institution
            label: {{en: "Name"}}
          - id: {email}
            type: email
            scope: institution
            label: {{en: "E-mail"}}
{institution}      - id: check
        label: {{en: "Checked"}}
        fields:
          - id: {date}
            type: date
            label: {{en: "Checked on"}}
groups:
  - id: youth
    label: {{en: "Youth welfare"}}
    categories:
      - id: clearing
        label: {{en: "Clearing houses – Ağrı, Łódź, Київ"}}
        description: {{en: "Initial reception"}}
      - id: housing
        label: {{en: "Supported housing"}}
        description: {{en: "Residential groups"}}
"""
REGIONS = """\
regions:
  - value: d03
    label: {en: "District 03 – Upper Bavaria"}
"""
REGION_FIELD = """\
          - id: region
            type: select_one
            scope: institution
            choices_from: regions
            label: {en: "Region"}
"""
OWN_CHOICES = """\
          - id: region
            type: select_one
            scope: institution
            label: {en: "District"}
            choices:
              - value: d03
                label: {en: "District 03 – Upper Bavaria"}
"""


def umf(
    name: str = "name",
    email: str = "email",
    date: str = "date",
    regions: str = REGIONS,
    institution: str = REGION_FIELD,
) -> str:
    return UMF.format(name=name, email=email, date=date, regions=regions, institution=institution)


def said(text: str) -> list[str]:
    """Each problem and note of ``text``, as ``LINE: [note: ]MESSAGE``."""
    _model, problems = check_schema_text(text, "umf.yaml")
    return [f"{p.line}: {'note: ' if p.note else ''}{p.message}" for p in problems]


def test_a_schema_with_every_id_formgen_relies_on_has_nothing_to_say() -> None:
    assert said(umf()) == []


def test_without_name_or_email_the_schema_is_valid_with_notes_saying_what_to_add() -> None:
    text = umf(name="org_name", email="mail_address")
    assert said(text) == [
        "9: note: no institution field 'name': formgen names every institution by it (mails, "
        "register, print); add a field with id: name, type: text, scope: institution (until "
        "then 'formgen mail' refuses)",
        "9: note: no institution field 'email': formgen mails every institution at it; add a "
        "field with id: email, type: email, scope: institution (until then 'formgen mail' "
        "refuses)",
    ]
    assert load_schema_text(text, "umf.yaml").schema_id == "umf"


def test_an_email_field_of_another_type_is_a_note_at_its_line() -> None:
    text = umf().replace("type: email", "type: text")
    assert said(text) == [
        "19: note: field 'email' is the address formgen mails the institution at: give it "
        "type: email and scope: institution (until then 'formgen mail' refuses)"
    ]


def test_without_date_the_schema_is_valid_with_a_note_naming_the_date_field() -> None:
    text = umf(date="checked_on")
    model, _ = check_schema_text(text, "umf.yaml")
    assert model is not None
    assert said(text) == [
        "38: note: no entry field 'date' in clearing, housing: formgen counts an entry's age "
        "from the field with id date (type: date), the day the institution confirmed it; "
        "without it no entry becomes stale by age and no date in the future is flagged; is it "
        "'checked_on'? give that field id: date"
    ]


def test_an_empty_section_is_valid_with_a_note_at_its_line() -> None:
    """A section with ``fields: []`` (its fields not written yet) is shown in no form and no
    print: the check says so, where it stood silent."""
    empty = '      - id: hours\n        label: {en: "Opening hours"}\n        fields: []\n'
    text = umf(institution=REGION_FIELD + empty)
    assert check_schema_text(text, "umf.yaml")[0] is not None
    assert said(text) == [
        "28: note: section 'hours' has no fields: forms and the printed register leave it out; "
        "add its fields, or remove it"
    ]


def test_a_date_field_that_holds_no_date_is_a_note() -> None:
    text = umf().replace("type: date", "type: text")
    assert check_schema_text(text, "umf.yaml")[0] is not None
    assert said(text)[0].startswith("31: note: field 'date' is the day the institution confirmed")


def test_a_region_field_with_choices_of_its_own_is_a_note_saying_how_to_declare_regions() -> None:
    text = umf(regions="", institution=OWN_CHOICES)
    assert check_schema_text(text, "umf.yaml")[0] is not None
    (problem,) = said(text)
    assert problem.startswith("20: note: field 'region' is the institution's region")
    assert "choices_from: regions, and list the regions under regions:" in problem
    assert problem.endswith("(a field with choices of its own needs another id, e.g. district)")


def test_without_regions_the_schema_is_valid_with_a_note() -> None:
    (note,) = said(umf(regions="", institution=""))
    assert note.startswith("6: note: no regions: the register is not split by region")


def test_cli_check_says_notes_after_valid_also_in_german(
    tmp_path: Path,
) -> None:
    path = tmp_path / "umf.yaml"
    path.write_text(umf(date="checked_on", regions="", institution=""), "utf-8")
    result = CliRunner().invoke(main, ["schema", "check", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}: valid — umf 1.0.0")
    assert lines[1].startswith(f"{path}:6: note: no regions:")
    assert lines[2].startswith(f"{path}:30: note: no entry field 'date' in clearing, housing")

    path.write_text(umf(name="org_name"), "utf-8")
    ws = Workspace.init(tmp_path / "ws", language="de")
    result = CliRunner().invoke(main, ["schema", "check", str(path), "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == (
        f"{path}:9: Hinweis: kein Einrichtungsfeld „name“: formgen nennt jede Einrichtung danach "
        "(Mails, Register, Druck); bitte ein Feld mit id: name, type: text, scope: institution "
        "ergänzen (bis dahin verschickt „formgen mail“ nichts)"
    )


def umf_workspace(tmp_path: Path, schema: str, language: str = "en") -> Workspace:
    """A workspace whose own schema is ``schema`` (umf.yaml)."""
    ws = Workspace.init(tmp_path / "ws", "UMF", "net@example.org", language=language)
    (ws.root / "umf.yaml").write_text(schema, "utf-8")
    config = ws.root / "workspace.toml"
    text = config.read_text("utf-8")
    config.write_text(text.replace('# path = "my-schema.yaml"', 'path = "umf.yaml"'), "utf-8")
    return ws


def test_a_workspace_whose_schema_has_no_email_cannot_mail_and_says_why(tmp_path: Path) -> None:
    """Not one failure per row: the schema is refused with its line before anything is made."""
    ws = umf_workspace(tmp_path, umf(email="mail_address"))
    recipients = tmp_path / "list.csv"
    recipients.write_text(
        "id,institution,email,categories,region\nnew-1,Haus Ağrı,agri@example.org,clearing,d03\n",
        "utf-8",
    )
    drafts = tmp_path / "drafts"
    args = ["mail", str(recipients), "-w", str(ws.root), "--drafts", str(drafts)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "umf.yaml:9: no institution field 'email'" in result.stderr
    assert not drafts.exists() or not any(drafts.iterdir())


DISTRICT = """\
          - id: district
            type: select_one
            scope: institution
            label: {en: "District"}
            choices:
              - value: d03
                label: {en: "District 03 – Upper Bavaria"}
              - value: d05
                label: {en: "District 05 – Bavaria (rural, incl. surrounding municipalities)"}
"""
NO_REGIONS = umf(regions="", institution=DISTRICT)


def test_a_recipients_list_needs_no_region_column_and_takes_a_choice_by_its_name() -> None:
    schema = load_schema_text(NO_REGIONS, "umf.yaml")
    listed = read_recipients(
        "id,institution,email,categories,district\n"
        "new-1,Clearinghaus Ağrı,agri@example.org,clearing,d03\n"
        'new-2,Dom Łódź,lodz@example.org,housing,"district 05 – bavaria (rural, incl. '
        'surrounding municipalities)"\n'.encode(),
        "list.csv",
        schema,
    )
    assert listed.problems == ()
    assert [(r.name, dict(r.institution)) for r in listed.recipients] == [
        ("Clearinghaus Ağrı", {"district": "d03"}),
        ("Dom Łódź", {"district": "d05"}),
    ]


def test_a_value_that_is_no_choice_is_told_whole_and_a_region_without_regions_plainly() -> None:
    schema = load_schema_text(NO_REGIONS, "umf.yaml")
    wrong = "District 05 – Bavaria (rural, incl. surrounding municipalities!)"
    listed = read_recipients(
        "id,institution,email,categories,region,district\n"
        f'new-1,Київ Дім,kyiv@example.org,clearing,Upper Bavaria,"{wrong}"\n'.encode(),
        "list.csv",
        schema,
    )
    assert [str(p) for p in listed.problems] == [
        "list.csv:2: region 'Upper Bavaria': the schema has no regions (nothing is split by "
        "region); leave the region out",
        f"list.csv:2: column district: '{wrong}' is not a choice; allowed: District 03 – Upper "
        "Bavaria (d03), District 05 – Bavaria (rural, incl.… (d05)",
    ]


def test_without_a_region_column_the_list_of_a_schema_with_regions_is_refused() -> None:
    with pytest.raises(RecipientsError, match=r"missing column region .* the header needs id, "):
        read_recipients(
            b"id,institution,email,categories\nnew-1,Haus,a@example.org,clearing\n",
            "list.csv",
            load_schema_text(umf(), "umf.yaml"),
        )


@pytest.fixture
def no_regions(tmp_path: Path) -> Path:
    """A workspace of the schema without regions, two institutions imported into one of its
    two checklists."""
    ws = umf_workspace(tmp_path, NO_REGIONS)
    table = tmp_path / "table.csv"
    table.write_text(
        "id,institution,categories,email,district\n"
        "new-1,Дом Київ,clearing,kyiv@example.org,d05\n"
        "new-2,Clearinghaus Ağrı,clearing,agri@example.org,District 03 – Upper Bavaria\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["register", "import", str(table), "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    return ws.root


def run(ws: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "-w", str(ws)])
    return result.exit_code, result.stdout, result.stderr


def test_without_regions_gaps_are_checklists_without_any_entry(no_regions: Path) -> None:
    code, out, _ = run(no_regions, "register", "gaps")
    assert code == 0
    assert out.splitlines() == [
        "category           gap",
        "-----------------  --------",
        "Supported housing  no entry",
        "1 gap: 1 with no entry, 0 with only 'None available'",
    ]
    code, out, _ = run(no_regions, "register", "gaps", "--json")
    assert json.loads(out) == [
        {"category": "housing", "region": "", "kind": "none", "institutions": []}
    ]
    code, _, err = run(no_regions, "register", "gaps", "--region", "d03")
    assert code == 1
    assert err == (
        "Error: region 'd03': the schema has no regions (nothing is split by region); "
        "leave the region out\n"
    )


def test_regions_of_workspace_toml_no_field_takes_are_noted_and_not_used(
    no_regions: Path,
) -> None:
    """workspace.toml lists [[regions]], the schema has no field 'region': 'schema check'
    notes it; gaps and a recipients list go without regions, as without [[regions]] (every
    checklist was missing in every region, a list needed a region column no form asks for)."""
    config = no_regions / "workspace.toml"
    regions = '[[regions]]\nvalue = "obb"\nde = "Oberbayern"\nen = "Upper Bavaria"\n'
    config.write_text(config.read_text("utf-8") + regions, "utf-8")
    code, out, _ = run(no_regions, "schema", "check")
    assert code == 0
    assert out.splitlines()[-1] == (
        f"{no_regions / 'umf.yaml'}: note: {config} lists [[regions]], but no field of the "
        "schema takes them (an institution field with id: region, choices_from: regions): they "
        "are not used, the register is not split by region; add such a field, or remove "
        "[[regions]]"
    )
    code, out, _ = run(no_regions, "register", "gaps")
    assert (code, out.splitlines()[-1]) == (
        0,
        "1 gap: 1 with no entry, 0 with only 'None available'",
    )
    listed = read_recipients(
        b"id,institution,email,categories\nnew-3,\xd0\x94\xd1\x96\xd0\xbc,d@example.org,housing\n",
        "list.csv",
        Workspace.open(no_regions).schema(),
    )
    assert listed.problems == ()
    assert [r.name for r in listed.recipients] == ["Дім"]


def test_without_regions_find_and_stale_show_no_region_column(no_regions: Path) -> None:
    _, found, _ = run(no_regions, "register", "find")
    _, stale, _ = run(no_regions, "register", "stale")
    assert found.splitlines()[0].split() == ["id", "name", "category", "languages"]
    assert stale.splitlines()[0].split() == ["id", "name", "category", "confirmed", "why"]
    assert "Дом Київ" in found and "Clearinghaus Ağrı" in stale


@pytest.mark.parametrize("date", ["date", "checked_on"])
def test_the_prints_cover_counts_stale_and_never_answered_as_register_stale_does(
    tmp_path: Path, date: str
) -> None:
    """Two institutions imported, never answered: 'register stale' lists them as never
    answered, not stale, and so does the cover, with a schema with or without an entry field
    'date' (it counted them „veraltet“)."""
    ws = umf_workspace(tmp_path, umf(date=date, regions="", institution=DISTRICT), "de")
    table = tmp_path / "table.csv"
    table.write_text(
        "id,institution,categories,email,district\n"
        "new-1,Дом Київ,clearing,kyiv@example.org,d05\n"
        "new-2,Clearinghaus Ağrı,housing,agri@example.org,d03\n",
        "utf-8",
    )
    assert run(ws.root, "register", "import", str(table))[0] == 0
    code, out, _ = run(ws.root, "register", "stale")
    assert code == 0 and out.count("noch nie geantwortet") == 2
    pdf = tmp_path / "register.pdf"
    assert run(ws.root, "register", "print", "-o", str(pdf))[0] == 0
    cover = pypdf.PdfReader(pdf).pages[0].extract_text()
    said = (
        "2 Einrichtungen · 2 Einträge · 2 Einträge zu aktualisieren (davon 0 veraltet, 2 noch nie"
    )
    assert f"{said} geantwortet)" in cover


def test_without_regions_the_print_lists_entries_by_name_under_no_region_heading(
    no_regions: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "register.pdf"
    code, _, err = run(no_regions, "register", "print", "-o", str(pdf))
    assert code == 0, err
    pages = [p.extract_text() for p in pypdf.PdfReader(pdf).pages]
    text = "\n".join(pages)
    assert "Care region" not in text  # the cover's "Care region: all regions"
    assert "Without a valid care region" not in text  # a heading over every entry
    clearing = next(p for p in pages if "Дом Київ" in p)
    assert clearing.index("Clearinghaus Ağrı") < clearing.index("Дом Київ")
    assert "District 05 – Bavaria (rural, incl. surrounding municipalities)" in clearing
    # the checklist without an entry: a line of the contents, no sheets
    (contents,) = [p for p in pages if "No entries yet" in p]
    assert contents.index("No entries yet") < contents.index("2. Supported housing")
    assert "No entry – no service has been recorded yet." not in text


def test_a_workspace_whose_schema_has_no_email_opens_and_its_issued_version_is_read_late(
    tmp_path: Path,
) -> None:
    """A workspace whose schema was made before formgen checked the ids it relies on (no field
    ``email``; forms handed in, never mailed): find --all, export and erase work, only mail
    refuses, once, with the line; after ``email`` is added as version 1.1.0 (renamed from
    ``mail_address``) a late form of 1.0.0, kept as issued, is merged, not quarantined."""
    ws = umf_workspace(tmp_path, umf(email="mail_address"))
    w = ["-w", str(ws.root)]
    blank = tmp_path / "blank.pdf"
    args = ["generate", "pdf", "--kind", "checklist", "--category", "housing", "--out", str(blank)]
    assert CliRunner().invoke(main, [*args, *w]).exit_code == 0
    returns, late = tmp_path / "ret", tmp_path / "late"
    returns.mkdir(), late.mkdir()
    for folder, name, address in [
        (returns, "Dom Łódź Youth House", "lodz@example.org"),
        (late, "Центр Надежда", "nadezhda@example.org"),
    ]:
        values = {"housing.1.name": name, "housing.1.mail_address": address}
        filled = pdfium_fill(blank.read_bytes(), {**values, "housing.1.date": "20.11.2026"})
        (folder / "form.pdf").write_bytes(filled)
    assert CliRunner().invoke(main, ["ingest", str(returns), *w]).exit_code == 0

    found = CliRunner().invoke(main, ["register", "find", "--all", "Łódź", *w])
    assert found.exit_code == 0, found.output
    assert "inst-0001 Dom Łódź Youth House" in found.stdout
    csv = tmp_path / "register.csv"
    exported = CliRunner().invoke(main, ["register", "export", "-o", str(csv), *w])
    assert exported.exit_code == 0, exported.output
    assert "Dom Łódź Youth House,lodz@example.org" in csv.read_text("utf-8-sig")

    recipients = tmp_path / "list.csv"
    recipients.write_text(
        "id,institution,email,categories,region\nnew-1,Haus Ağrı,agri@example.org,clearing,d03\n",
        "utf-8",
    )
    drafts = tmp_path / "drafts"
    mailed = CliRunner().invoke(main, ["mail", str(recipients), "--drafts", str(drafts), *w])
    assert mailed.exit_code == 1
    assert mailed.stderr.splitlines() == [
        "Error: the schema has 1 problem:",
        f"  {ws.root / 'umf.yaml'}:9: no institution field 'email': formgen mails every "
        "institution at it; add a field with id: email, type: email, scope: institution (until "
        "then 'formgen mail' refuses)",
    ]
    assert not drafts.exists()
    erase = ["register", "erase", "inst-0001", "institution.mail_address", "--yes", *w]
    erased = CliRunner().invoke(main, [*erase, "--note", "Art. 17, Mail vom 23.11."])
    assert erased.exit_code == 0, erased.output
    assert "lodz@example.org" not in (ws.root / "register.json").read_text("utf-8")

    newer = umf(email="email").replace("schema_version: 1.0.0", "schema_version: 1.1.0")
    newer = newer.replace(
        "type: email\n", "type: email\n            renamed_from: [mail_address]\n"
    )
    (ws.root / "umf.yaml").write_text(newer, "utf-8")
    kept = ws.root / "schemas" / "umf" / "1.0.0.yaml"
    assert kept.read_text("utf-8") == umf(email="mail_address")  # as issued
    ingested = CliRunner().invoke(main, ["ingest", str(late), *w])
    assert ingested.exit_code == 0, ingested.output
    assert "quarantine" not in ingested.stdout
    assert "form made with schema version 1.0.0; mapped to the current version 1.1.0" in (
        ingested.stdout
    )
    rebuilt = CliRunner().invoke(main, ["register", "rebuild", "--reread", *w])
    assert rebuilt.exit_code == 0, rebuilt.output
    institutions = json.loads((ws.root / "register.json").read_text("utf-8"))["institutions"]
    assert institutions["inst-0002"]["institution"]["email"]["v"] == "nadezhda@example.org"
    assert institutions["inst-0002"]["institution"]["name"]["v"] == "Центр Надежда"
    assert "lodz@example.org" not in json.dumps(institutions)  # erased stays erased


def test_a_late_form_of_a_kept_version_not_valid_is_quarantined_on_one_line(
    tmp_path: Path,
) -> None:
    """The kept file of the version a late form was made with, edited by hand into one formgen
    cannot read: its problem is said with its line on the quarantine's one line, in the
    workspace's language (a literal \\n and the English stood in the middle of it)."""
    ws = umf_workspace(tmp_path, umf(), language="de")
    blank = tmp_path / "blank.pdf"
    args = ["generate", "pdf", "--kind", "checklist", "--category", "housing", "--out", str(blank)]
    assert CliRunner().invoke(main, [*args, "-w", str(ws.root)]).exit_code == 0
    (ws.root / "umf.yaml").write_text(umf().replace("1.0.0", "1.1.0"), "utf-8")
    kept = ws.root / "schemas" / "umf" / "1.0.0.yaml"
    kept.write_text(umf().replace("type: date", "type: datum"), "utf-8")
    late = tmp_path / "late"
    late.mkdir()
    values = {"housing.1.name": "Kriz Servisi Şişli", "housing.1.date": "20.11.2026"}
    (late / "form.pdf").write_bytes(pdfium_fill(blank.read_bytes(), values))
    result = CliRunner().invoke(main, ["ingest", str(late), "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        f"Quarantäne   {late / 'form.pdf'}: die Schemadatei für Version 1.0.0 ({kept}) ist nicht "
        f"gültig: {kept}:32: Feld „date“: unbekannter Typ „datum“ (gemeint: „date“?); bekannte "
        "Typen: text, textarea, date, integer, percentage, phone, email, url, select_one, "
        "select_multiple, yes_no_none, language_list, initials"
    )
