"""Exports: JSON against its JSON Schema, CSV for German Excel, XLSX, personal data left out."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from register_support import (
    SCHEMA,
    YILMAZ,
    Bad,
    checked,
    checklist,
    institution_form,
    local_zone,
    submission,
)

from formgen.csv_write import PHONE
from formgen.messages import Problem, problem
from formgen.schema_load import load_schema_text
from ingest import export
from ingest.register import Register
from ingest.submission import EntryReturn

TODAY = dt.date(2026, 11, 22)
HOSTILE = {
    "name": '=HYPERLINK("http://evil.example","klick")',
    "region": "dormagen",
    "concepts": "+49 ist keine Formel; @SUM(A1)",
    "plans": "-1+1",
    "agreements": "\tTabulator",
}


@pytest.fixture
def reg() -> Register:
    r = Register(SCHEMA)
    r.merge(
        checklist(
            "psychotherapie",
            dict(YILMAZ, concepts="Gruppe für Frauen;\nzweite Zeile"),
            {"name": "Ольга Петренко", "region": "neuss_meerbusch", "share_migrants": 40},
            HOSTILE,
        )
    )
    r.merge(institution_form("inst-0001", base=1, meeting_date=Bad("nächste Woche", "not a date")))
    r.merge(checklist("krisendienst", dict(YILMAZ, date="2026-01-01")))
    return r


def read_csv(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    return list(
        csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter)
    )


def test_json_export_validates_against_its_schema(reg: Register) -> None:
    data = json.loads(export.export_json(reg, today=TODAY))
    jsonschema.Draft202012Validator.check_schema(export.export_json_schema())
    jsonschema.validate(data, export.export_json_schema())
    first = data["institutions"][0]
    assert first["id"] == "inst-0001" and first["base_version"] == 3
    assert first["institution"]["name"] == "Praxis Şule Yılmaz"
    assert first["entries"]["psychotherapie"]["languages_offered"] == ["fa", "tr"]
    assert first["problems"]["psychotherapie.meeting_date"] == {
        "raw": "nächste Woche",
        "problem": "not a date",
    }
    assert first["status"]["psychotherapie"] == {
        "last_confirmed": "2026-09-24",
        "stale": False,
        "confirmed_by_institution": True,
    }


def test_json_export_carries_problem_key_and_args(keyed: Register) -> None:
    data = json.loads(export.export_json(keyed, today=TODAY))
    jsonschema.validate(data, export.export_json_schema())
    said = data["institutions"][0]["problems"]
    assert said["psychotherapie.share_migrants"] == {
        "raw": "viel",
        "problem": "'viel' is not a whole number; write digits only, e.g. 12",
        "problem_key": "integer",
        "problem_args": {"raw": "viel"},
    }
    assert (
        Problem.from_json(said["psychotherapie.share_migrants"])
        .in_language("de")
        .startswith("„viel“ ist keine ganze Zahl")
    )
    # stored before message keys existed: the text only, as older exports have it
    assert said["psychotherapie.meeting_date"] == {"raw": "nächste Woche", "problem": "not a date"}


def test_json_schema_keeps_older_exports_and_wants_key_with_args(keyed: Register) -> None:
    data = json.loads(export.export_json(keyed, today=TODAY))
    said = data["institutions"][0]["problems"]["psychotherapie.share_migrants"]
    del said["problem_key"], said["problem_args"]
    jsonschema.validate(data, export.export_json_schema())  # an export of formgen before
    said["problem_key"] = "integer"
    with pytest.raises(jsonschema.ValidationError, match="'problem_args' is a dependency"):
        jsonschema.validate(data, export.export_json_schema())


def test_json_export_without_personal_data(reg: Register) -> None:
    data = json.loads(export.export_json(reg, personal=False, today=TODAY))
    jsonschema.validate(data, export.export_json_schema())
    assert data["personal_data"] is False
    text = json.dumps(data, ensure_ascii=False)
    assert "contact_name" not in text
    assert text.count("Şule Yılmaz") == text.count("Praxis Şule Yılmaz")  # the name, not the person
    assert data["institutions"][0]["institution"]["name"] == "Praxis Şule Yılmaz"


def test_wide_csv_one_row_per_entry_with_semicolons(reg: Register) -> None:
    rows = read_csv(export.export_csv(reg, "wide", ";", today=TODAY), ";")
    assert [(r["institution_id"], r["category"]) for r in rows] == [
        ("inst-0001", "psychotherapie"),
        ("inst-0001", "krisendienst"),
        ("inst-0002", "psychotherapie"),
        ("inst-0003", "psychotherapie"),
    ]
    first = rows[0]
    assert first["name"] == "Praxis Şule Yılmaz" and first["city"] == "Düsseldorf"
    assert first["languages_offered"] == "fa, tr"
    assert first["concepts"] == "Gruppe für Frauen;\nzweite Zeile"
    assert first["meeting_date"] == "nächste Woche"
    assert "psychotherapie.meeting_date: not a date" in first["problems"]
    assert rows[2]["name"] == "Ольга Петренко" and rows[2]["share_migrants"] == "40"


def test_csv_labels_option_names_languages(reg: Register) -> None:
    rows = read_csv(export.export_csv(reg, labels=True, today=TODAY))
    assert rows[0]["Fremdsprachliche Kenntnisse im Team"] == "Persisch (Farsi), Türkisch"
    assert rows[0]["Erfahrungen/Ressourcen vorhanden?"] == "Ja"


@pytest.fixture
def keyed(reg: Register) -> Register:
    """``reg`` with a problem stored with its message key (the meeting date keeps the text only,
    as a register written before message keys existed)."""
    reg.merge(
        institution_form(
            "inst-0001", base=3, share_migrants=Bad("viel", problem("integer", raw="viel"))
        )
    )
    return reg


def test_labels_say_problems_in_the_language_of_the_labels(keyed: Register) -> None:
    rows = read_csv(export.export_csv(keyed, labels=True, today=TODAY, lang="de"))
    said = rows[0]["Probleme"]
    assert (
        "PsychotherapeutIn, niedergelassen › Anteil der Klientel mit Migrationsgeschichte (%): "
        "„viel“ ist keine ganze Zahl"
    ) in said
    # stored before message keys: the text as stored
    assert "PsychotherapeutIn, niedergelassen › Termin zum Kennenlernen: not a date" in said
    assert rows[0]["veraltet"] == "nein" and rows[0]["von der Einrichtung bestätigt"] == "ja"
    english = read_csv(export.export_csv(keyed, labels=True, today=TODAY, lang="en"))[0]
    assert (
        "Psychotherapist in private practice › Share of clients with a migration history (%): "
        "'viel' is not a whole number"
    ) in english["problems"]
    assert english["Experience/resources available?"] == "Yes" and english["stale"] == "no"


def test_without_labels_problems_stay_english_for_programs(keyed: Register) -> None:
    row = read_csv(export.export_csv(keyed, today=TODAY, lang="de"))[0]
    assert "share_migrants: 'viel' is not a whole number" in row["problems"]
    assert row["stale"] == "nein"


def test_xlsx_labels_say_problems_in_german(keyed: Register) -> None:
    wb = openpyxl.load_workbook(
        io.BytesIO(export.export_xlsx(keyed, labels=True, today=TODAY, lang="de"))
    )
    sheet = wb["Register"]
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, (c.value for c in sheet[2]), strict=True))
    assert "„viel“ ist keine ganze Zahl" in str(first["Probleme"])


def test_csv_cells_cannot_become_formulas(reg: Register) -> None:
    rows = read_csv(export.export_csv(reg, today=TODAY))
    hostile = next(r for r in rows if r["institution_id"] == "inst-0003")
    assert hostile["name"] == "'" + HOSTILE["name"]
    assert hostile["concepts"] == "'+49 ist keine Formel; @SUM(A1)"
    assert hostile["plans"] == "'-1+1"
    assert hostile["agreements"] == "'\tTabulator"
    for row in rows:
        for cell in row.values():
            assert not cell or cell[0] not in "=+-@\t\r" or PHONE.fullmatch(cell)
    assert rows[0]["phone"] == "+49 211 123456"  # a phone number is no formula: no apostrophe


@pytest.mark.parametrize("labels", [False, True])
def test_csv_opened_in_calc_shows_phone_numbers_and_runs_no_formula(
    reg: Register, labels: bool, tmp_path: Path
) -> None:
    """The CSV opened in LibreOffice Calc as a German coordinator opens it (';', UTF-8, the
    columns' default types): phone numbers as written, without the guard's apostrophe; a
    value that starts like a formula stays text that shows the apostrophe."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) not installed")
    reg.merge(
        checklist(
            "facharzt",
            dict(
                YILMAZ,
                name="Praxis Dr. Gülşen Öztürk",
                postcode="04109",
                phone="+49 (0)341/123-4567",
            ),
        )
    )
    (tmp_path / "register.csv").write_bytes(
        export.export_csv(reg, delimiter=";", labels=labels, today=TODAY)
    )
    cmd = ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless"]
    cmd += ["--infilter=Text - txt - csv (StarCalc):59,34,76,1", "--convert-to", "xlsx"]
    cmd += ["--outdir", str(tmp_path), str(tmp_path / "register.csv")]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    sheet = openpyxl.load_workbook(tmp_path / "register.xlsx").active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row]
    shown = {c.value for c in cells}
    assert {"+49 211 123456", "+49 (0)341/123-4567"} <= shown
    assert "'" + HOSTILE["name"] in shown and "'-1+1" in shown
    assert all(c.data_type != "f" for c in cells)


def test_long_csv_carries_provenance(reg: Register) -> None:
    rows = read_csv(export.export_csv(reg, "long", today=TODAY))
    langs = next(
        r for r in rows if r["institution_id"] == "inst-0001" and r["field"] == "languages_offered"
    )
    assert langs["category"] == "psychotherapie" and langs["value"] == "fa, tr"
    assert langs["source_file"].endswith(".pdf") and len(langs["source_sha256"]) == 64
    assert langs["reader"] == "acroform-pdf" and langs["confidence"] == "high"
    bad = next(r for r in rows if r["field"] == "meeting_date")
    assert bad["value"] == "" and bad["raw"] == "nächste Woche" and bad["problem"] == "not a date"
    assert {r["field"] for r in rows if r["category"] == ""} >= {"name", "region"}


ARABIC = "مركز الاستشارة النفسية"
LONG_SAID = {
    "de": {
        "header": ["ID", "Checkliste", "Feld", "Wert", "wie eingetragen", "Problem", "Revision",
                   "Datei", "SHA-256 der Datei", "Formular", "gelesen mit", "Verlässlichkeit",
                   "eingelesen"],
        "sheets": ["Register", "Werte", "Auswahl", "Info"],
        "institution": "Einrichtung",
        "psychotherapie": "PsychotherapeutIn, niedergelassen",
        "languages": "Fremdsprachliche Kenntnisse im Team",
        "offered": "Persisch (Farsi), Türkisch",
        "why": "„viel“ ist keine ganze Zahl",
        "name": "Name der Einrichtung",
        "low": "niedrig",
        "date": "Datum",
        "day": "24.09.2026",
        "winter": "23.11.2026 09:08 MEZ",
        "summer": "02.07.2026 00:30 MESZ",
    },
    "en": {
        "header": ["id", "category", "field", "value", "as typed", "problem", "revision", "file",
                   "SHA-256 of the file", "form", "read by", "confidence", "read in"],
        "sheets": ["Register", "Values", "Choices", "About"],
        "institution": "Institution",
        "psychotherapie": "Psychotherapist in private practice",
        "languages": "Languages spoken in the team",
        "offered": "Persian (Farsi), Turkish",
        "why": "'viel' is not a whole number",
        "name": "Name of the institution",
        "low": "low",
        "date": "Date",
        "day": "2026-09-24",
        "winter": "2026-11-23 09:08 CET",
        "summer": "2026-07-02 00:30 CEST",
    },
}  # fmt: skip


@pytest.mark.parametrize("lang", ["de", "en"])
def test_long_table_with_labels_speaks_the_language_of_the_labels(
    keyed: Register, lang: str
) -> None:
    """The long CSV and the sheet of values with --labels: headers, checklist, field, choices,
    why a value is invalid, confidence and the time read in (local, in Düsseldorf) in words of
    ``lang``; names in every script as typed."""
    said = LONG_SAID[lang]
    keyed.merge(checklist("krisendienst", {"name": ARABIC}), at="2026-11-23T08:08:00Z")
    keyed.merge(
        checklist("krisendienst", {"name": "Мария Ковальчук"}, file="ответ.pdf", confidence="low"),
        at="2026-07-01T22:30:00Z",
    )
    with local_zone("Europe/Berlin"):
        data = export.export_csv(keyed, "long", ";", labels=True, today=TODAY, lang=lang)
        book = export.export_xlsx(keyed, labels=True, today=TODAY, lang=lang)
    wb = openpyxl.load_workbook(io.BytesIO(book))
    assert wb.sheetnames == said["sheets"]
    sheet = wb[said["sheets"][1]]
    header = [c.value for c in sheet[1]]
    from_xlsx = [
        dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    from_csv = read_csv(data, ";")
    assert header == list(from_csv[0]) == said["header"]
    id_, category, field, value, raw, why, _rev, file, _sha, form, _by, trust, read_in = header
    for rows in (from_csv, from_xlsx):
        offered = next(r for r in rows if r[field] == said["languages"] and r[id_] == "inst-0001")
        assert offered[category] == said["psychotherapie"] and offered[value] == said["offered"]
        assert offered[raw] == "fa, tr" and str(offered[form]).startswith("FG-")
        dated = next(r for r in rows if r[field] == said["date"] and r[id_] == "inst-0001")
        assert dated[value] == said["day"] and dated[raw] == "2026-09-24"
        invalid = next(r for r in rows if r[raw] == "viel")
        assert invalid[value] in ("", None) and str(invalid[why]).startswith(said["why"])
        names = {r[value]: r for r in rows if r[field] == said["name"]}
        assert names["Praxis Şule Yılmaz"][category] == said["institution"]
        assert "Ольга Петренко" in {r[value] for r in rows}
        assert names[ARABIC][read_in] == said["winter"]
        cyrillic = names["Мария Ковальчук"]
        assert cyrillic[file] == "ответ.pdf" and cyrillic[trust] == said["low"]
        assert cyrillic[read_in] == said["summer"]


def test_long_table_without_labels_stays_for_programs(keyed: Register) -> None:
    """Ids, English headers, codes, the stored English problem and ISO times in UTC, whatever
    the language and time zone."""
    keyed.merge(checklist("krisendienst", {"name": ARABIC}), at="2026-11-23T08:08:00Z")
    with local_zone("Europe/Berlin"):
        rows = read_csv(export.export_csv(keyed, "long", today=TODAY, lang="de"))
        wb = openpyxl.load_workbook(io.BytesIO(export.export_xlsx(keyed, today=TODAY, lang="de")))
    assert list(rows[0]) == list(export.LONG_HEADER)
    assert wb.sheetnames == ["Register", "Werte", "Auswahl", "Info"]
    assert [c.value for c in wb["Werte"][1]] == list(export.LONG_HEADER)
    arabic = next(r for r in rows if r["value"] == ARABIC)
    assert arabic["category"] == "" and arabic["field"] == "name"  # the institution's
    assert arabic["ingested_at"] == "2026-11-23T08:08:00Z" and arabic["confidence"] == "high"
    assert arabic["form_instance"] and not arabic["form_instance"].startswith("FG-")
    invalid = next(r for r in rows if r["raw"] == "viel")
    assert invalid["problem"].startswith("'viel' is not a whole number")


WIDE_SAID = {
    "de": {
        "head": ["ID", "Revision", "Checkliste", "Name der Einrichtung", "Träger"],
        "tail": ["zuletzt bestätigt", "veraltet", "von der Einrichtung bestätigt", "Probleme"],
        "emails": ["Einrichtung › E-Mail", "Kooperations- oder GesprächspartnerIn › E-Mail"],
        "psychotherapie": "PsychotherapeutIn, niedergelassen",
        "krisendienst": "Krisen(interventions)dienst",
        "languages": "Fremdsprachliche Kenntnisse im Team",
        "offered": "Persisch (Farsi), Türkisch",
        "others": "Fremdsprachliche Kenntnisse im Team (weitere)",
        "contact": "Name der Ansprechperson",
        "date": "Datum",
        "confirmed": "24.09.2026",
        "old": "01.03.2024",
        "yes": "ja",
        "no": "nein",
        "why": "PsychotherapeutIn, niedergelassen › Anteil der Klientel mit "
        "Migrationsgeschichte (%): „viel“ ist keine ganze Zahl",
    },
    "en": {
        "head": ["id", "revision", "category", "Name of the institution", "Provider organisation"],
        "tail": ["last confirmed", "stale", "confirmed by the institution", "problems"],
        "emails": ["Institution › E-mail", "Partner for cooperation or contact › E-mail"],
        "psychotherapie": "Psychotherapist in private practice",
        "krisendienst": "Crisis (intervention) service",
        "languages": "Languages spoken in the team",
        "offered": "Persian (Farsi), Turkish",
        "others": "Languages spoken in the team (others)",
        "contact": "Name of the contact person",
        "date": "Date",
        "confirmed": "2026-09-24",
        "old": "2024-03-01",
        "yes": "yes",
        "no": "no",
        "why": "Psychotherapist in private practice › Share of clients with a migration "
        "history (%): 'viel' is not a whole number",
    },
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_wide_table_with_labels_speaks_the_language_of_the_labels(
    keyed: Register, lang: str
) -> None:
    """The wide CSV and the sheet "Register" with --labels: headers, the checklist, yes/no,
    dates and problems in words of ``lang`` (the institution's e-mail and the contact
    person's under different headers); names in every script as typed."""
    said = WIDE_SAID[lang]
    keyed.merge(checklist("krisendienst", {"name": ARABIC, "date": "2024-03-01"}))
    data = export.export_csv(keyed, "wide", ";", labels=True, today=TODAY, lang=lang)
    wb = openpyxl.load_workbook(
        io.BytesIO(export.export_xlsx(keyed, labels=True, today=TODAY, lang=lang))
    )
    sheet = wb["Register"]
    header = [c.value for c in sheet[1]]
    from_xlsx = [
        dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    from_csv = read_csv(data, ";")
    assert header == list(from_csv[0])
    assert len(set(header)) == len(header)
    assert header[:5] == said["head"] and header[-4:] == said["tail"]
    assert [h for h in header if h.endswith(("E-Mail", "E-mail"))] == said["emails"]
    ids = {"institution_id", "last_confirmed", "confirmed_by_institution", "languages_offered"}
    assert not set(header) & ids
    id_, _rev, category, name = said["head"][:4]
    confirmed, stale, by_institution, problems = said["tail"]
    for rows in (from_csv, from_xlsx):
        first = rows[0]
        assert first[id_] == "inst-0001" and first[category] == said["psychotherapie"]
        assert first[name] == "Praxis Şule Yılmaz"
        assert first[said["languages"]] == said["offered"] and first[said["others"]] in ("", None)
        assert first[said["contact"]] == "Şule Yılmaz"
        assert first[said["date"]] == first[confirmed] == said["confirmed"]
        assert first[stale] == said["no"] and first[by_institution] == said["yes"]
        assert said["why"] in first[problems]
        assert rows[2][name] == "Ольга Петренко"
        arabic = next(r for r in rows if r[name] == ARABIC)
        assert arabic[category] == said["krisendienst"]
        assert arabic[said["date"]] == arabic[confirmed] == said["old"]
        assert arabic[stale] == said["yes"] and arabic[by_institution] == said["no"]


UNIQUE = """\
schema_id: unique_headers
schema_version: 1.0.0
default_language: de
languages: [de, en]
title: {de: Doppelt, en: Twice}
description: {de: D, en: D}
regions:
  - value: duesseldorf
    label: {de: Düsseldorf, en: Düsseldorf}
default_field_set: f
field_sets:
  f:
    sections:
      - id: s
        label: {de: S, en: S}
        fields:
          - id: name
            type: text
            scope: institution
            required: true
            label: {de: Name, en: Name}
          - id: kennung
            type: text
            scope: institution
            label: {de: ID, en: id}
          - id: email
            type: email
            scope: institution
            label: {de: E-Mail, en: E-mail}
          - id: contact_email
            type: email
            label: {de: E-Mail, en: E-mail}
          - id: notiz
            type: text
            label: {de: Notiz, en: Note}
          - id: bemerkung
            type: text
            label: {de: Notiz, en: Note}
          - id: sprachen
            type: language_list
            common: [ar, fa]
            label: {de: Sprachen, en: Languages}
          - id: sprachen_weitere
            type: text
            label: {de: Sprachen (weitere), en: Languages (others)}
groups:
  - id: g
    label: {de: G, en: G}
    entry_blocks: 2
    stale_after_days: 365
    categories:
      - id: beratung
        label: {de: Beratungsstelle, en: Counselling}
        description: {de: B, en: B}
        add_fields:
          s:
            - id: angebot
              type: text
              label: {de: Angebot, en: Service}
      - id: klinik
        label: {de: Klinik, en: Clinic}
        description: {de: K, en: K}
        add_fields:
          s:
            - id: angebot_klinik
              type: text
              label: {de: Angebot, en: Service}
"""
UNIQUE_SAID = {
    "de": ["ID", "Revision", "Checkliste", "Name", "Einrichtung › ID", "Einrichtung › E-Mail",
           "S › E-Mail", "Notiz (notiz)", "Notiz (bemerkung)", "Sprachen",
           "Sprachen (weitere) (sprachen._other)", "Sprachen (weitere) (sprachen_weitere)",
           "Beratungsstelle › Angebot", "Klinik › Angebot", "zuletzt bestätigt", "veraltet",
           "von der Einrichtung bestätigt", "Probleme"],
    "en": ["id", "revision", "category", "Name", "Institution › id", "Institution › E-mail",
           "S › E-mail", "Note (notiz)", "Note (bemerkung)", "Languages",
           "Languages (others) (sprachen._other)", "Languages (others) (sprachen_weitere)",
           "Counselling › Service", "Clinic › Service", "last confirmed", "stale",
           "confirmed by the institution", "problems"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["de", "en"])
def test_wide_headers_with_labels_stay_unique(lang: str) -> None:
    """Two checklists' fields with the same label, a field named like a fixed column, two
    fields every checklist has with the same label: each column keeps a header of its own,
    and each value stands under its own."""
    schema = load_schema_text(UNIQUE, "unique.yaml")
    reg = Register(schema)
    for cid, field, value in (("beratung", "angebot", "Gruppe auf Türkçe"), ("klinik",
        "angebot_klinik", "Ambulanz für Geflüchtete")):  # fmt: skip
        reg.merge(
            submission(
                [EntryReturn(None, cid, 1, {"name": checked(ARABIC)}, {field: checked(value)})],
                "checklist",
                (cid,),
                schema_id=schema.schema_id,
            )
        )
    rows = read_csv(export.export_csv(reg, labels=True, today=TODAY, lang=lang))
    wb = openpyxl.load_workbook(
        io.BytesIO(export.export_xlsx(reg, labels=True, today=TODAY, lang=lang))
    )
    assert list(rows[0]) == [c.value for c in wb["Register"][1]] == UNIQUE_SAID[lang]
    beratung, klinik = UNIQUE_SAID[lang][12:14]
    assert [(r[beratung], r[klinik]) for r in rows] == [
        ("Gruppe auf Türkçe", ""),
        ("", "Ambulanz für Geflüchtete"),
    ]


def test_csv_without_personal_data(reg: Register) -> None:
    for form in ("wide", "long"):
        data = export.export_csv(reg, form, personal=False, today=TODAY).decode("utf-8-sig")
        assert "contact_name" not in data and "contact_phone" not in data


@pytest.mark.parametrize("labels", [False, True])
def test_tables_without_personal_data_name_no_returned_file(labels: bool) -> None:
    """A return saved as „Bogen von Paweł Nowak.pdf“ (an update form) or „Гусейнова.pdf“ (a
    checklist) names who sent it: the long table (CSV, the XLSX sheet of values) leaves the
    file's name out, its column blank, as it leaves out the contact persons; with personal data
    it names the file."""
    r = Register(SCHEMA)
    r.merge(checklist("krisendienst", dict(YILMAZ), file="Гусейнова.pdf"))
    iid = next(iter(r.institutions))
    r.merge(institution_form(iid, "krisendienst", base=1, date="2026-11-20", file="Bogen von Paweł Nowak.pdf"))  # fmt: skip
    names = ("Гусейнова", "Paweł Nowak")
    lang = {"labels": labels, "lang": "de"}
    data = export.export_csv(r, "long", personal=False, today=TODAY, **lang)
    long = data.decode("utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO(export.export_xlsx(r, personal=False, today=TODAY, **lang)))  # fmt: skip
    cells = [str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row]
    assert not any(n in text for n in names for text in (long, *cells))
    assert len(read_csv(data)) > 5  # the values are there, with their sources' hashes
    with_them = export.export_csv(r, "long", today=TODAY, **lang).decode("utf-8-sig")
    assert all(n in with_them for n in names)


def test_xlsx_export(reg: Register) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(export.export_xlsx(reg, today=TODAY)))
    assert wb.sheetnames == ["Register", "Werte", "Auswahl", "Info"]
    sheet = wb["Register"]
    header = [c.value for c in sheet[1]]
    rows = [
        dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    assert rows[0]["name"] == "Praxis Şule Yılmaz" and rows[0]["phone"] == "+49 211 123456"
    hostile = next(r for r in rows if r["institution_id"] == "inst-0003")
    assert hostile["name"] == HOSTILE["name"]  # kept exactly, stored as text
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    assert next(r for r in rows if r["institution_id"] == "inst-0002")["share_migrants"] == 40
    assert wb["Werte"].max_row > 20


def test_xlsx_columns_are_as_wide_as_their_values_and_long_texts_wrap(reg: Register) -> None:
    """Excel shows a column 8.4 characters wide unless the file says otherwise: a name, an
    address, two lines of concepts are cut off at the next column. Each column is as wide as
    its longest line (up to 50 characters), its header wraps, and a text of several lines or
    longer than its column wraps."""
    wb = openpyxl.load_workbook(io.BytesIO(export.export_xlsx(reg, labels=True, today=TODAY)))
    sheet = wb["Register"]
    header = [c.value for c in sheet[1]]
    width = {c.value: sheet.column_dimensions[c.column_letter].width for c in sheet[1]}
    names = [str(r[header.index("Name der Einrichtung")].value or "") for r in sheet.iter_rows(2)]
    assert width["Name der Einrichtung"] >= max(map(len, names)) > 8
    assert width["Name der Einrichtung"] <= 50
    assert all(sheet.cell(1, n).alignment.wrap_text for n in range(1, len(header) + 1))
    concepts = next(
        c for row in sheet.iter_rows(2) for c in row if str(c.value).endswith("zweite Zeile")
    )
    assert concepts.alignment.wrap_text and "\n" in concepts.value
    hostile = next(c for row in sheet.iter_rows(2) for c in row if c.value == HOSTILE["name"])
    assert hostile.data_type == "s"  # still text, never a formula
    assert wb["Werte"].column_dimensions["A"].width >= len("inst-0001")


INFO_SAID = {
    "de": {
        "stand": ("Stand", "22.11.2026"),
        "centre": "Koordinierungsstelle",
        "languages": "(„Deutsch, Arabisch“)",
        "filter": "„Textfilter“ → „Enthält…“",
        "yes": "„ja“",
        "no": "„nein“",
        "tail": ["zuletzt bestätigt", "veraltet", "von der Einrichtung bestätigt", "Probleme"],
    },
    "en": {
        "stand": ("As of", "2026-11-22"),
        "centre": "Centre",
        "languages": '("German, Arabic")',
        "filter": '"Text Filters" → "Contains…"',
        "yes": '"yes"',
        "no": '"no"',
        "tail": ["last confirmed", "stale", "confirmed by the institution", "problems"],
    },
}


@pytest.mark.parametrize(("lang", "labels"), [("de", True), ("en", True), ("de", False)])
def test_the_xlsx_says_its_stand_and_what_its_columns_mean_on_a_last_sheet(
    reg: Register, lang: str, labels: bool
) -> None:
    """Readers asked for the day of the state and a key in the file, not only in its name: a
    last sheet „Info“ ("About") gives the Stand, the centre and what the computed columns
    mean, named as the table names them, and how to filter a cell of several languages."""
    said = INFO_SAID[lang]
    centre = "SPKoM Köln – مركز الاستشارة · Łódź"
    book = export.export_xlsx(reg, labels=labels, today=TODAY, lang=lang, centre=centre)
    wb = openpyxl.load_workbook(io.BytesIO(book))
    info = wb.worksheets[-1]
    assert wb.sheetnames[0] == "Register" and info.title == ("About" if lang == "en" else "Info")
    rows = {a or "": b for a, b in info.iter_rows(values_only=True)}
    assert rows[said["stand"][0]] == said["stand"][1] and rows[said["centre"]] == centre
    assert info["A1"].font.b and info["B1"].value == reg.schema.title.get(lang)
    # the computed columns, each by its header in the table
    header = [c.value for c in wb["Register"][1]]
    tail = header[-4:]
    programs = ["last_confirmed", "stale", "confirmed_by_institution", "problems"]
    assert tail == (said["tail"] if labels else programs)
    assert all(rows[column] for column in tail)
    yes, no = (said["yes"], said["no"]) if labels else ("„ja“", "„nein“")
    assert rows[tail[1]].startswith(yes) and no in rows[tail[2]]
    key = "\n".join(str(v) for v in rows.values())
    assert (said["languages"] if labels else "(„de, ar“)") in key and said["filter"] in key
    assert "Ansprechpersonen" not in key and "personal" not in key.casefold()


def test_the_xlsx_without_personal_data_says_so_on_its_last_sheet(reg: Register) -> None:
    book = export.export_xlsx(reg, personal=False, today=TODAY, lang="de")
    info = openpyxl.load_workbook(io.BytesIO(book))["Info"]
    said = [b for _a, b in info.iter_rows(values_only=True)]
    assert "Ohne personenbezogene Angaben (Ansprechpersonen)" in said
    assert "Koordinierungsstelle" not in [a for a, _b in info.iter_rows(values_only=True)]


def test_labelled_xlsx_keeps_whole_numbers_as_numbers(reg: Register) -> None:
    """A coordinator sorts and sums the share column in Excel: a number cell, not text."""
    wb = openpyxl.load_workbook(io.BytesIO(export.export_xlsx(reg, labels=True, today=TODAY)))
    sheet = wb["Register"]
    header = [c.value for c in sheet[1]]
    column = header.index("Anteil der Klientel mit Migrationsgeschichte (%)")
    shares = [row[column].value for row in sheet.iter_rows(min_row=2)]
    assert 40 in shares


def test_empty_register_exports(reg: Register) -> None:
    empty = Register(SCHEMA)
    jsonschema.validate(json.loads(export.export_json(empty)), export.export_json_schema())
    assert len(read_csv(export.export_csv(empty))) == 0
    openpyxl.load_workbook(io.BytesIO(export.export_xlsx(empty)))
