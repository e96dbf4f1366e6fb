"""Exports: JSON against its JSON Schema, CSV for German Excel, XLSX, personal data left out."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import jsonschema
import openpyxl
import pytest
from register_support import SCHEMA, YILMAZ, Bad, checklist, institution_form

from ingest import export
from ingest.messages import Problem, problem
from ingest.register import Register

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
    assert rows[0]["languages_offered"] == "Persisch (Farsi), Türkisch"
    assert rows[0]["migrant_experience"] == "Ja"


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
    said = rows[0]["problems"]
    assert "psychotherapie.share_migrants: „viel“ ist keine ganze Zahl" in said
    assert "psychotherapie.meeting_date: not a date" in said  # stored before keys: as stored
    assert rows[0]["stale"] == "nein" and rows[0]["confirmed_by_institution"] == "ja"
    english = read_csv(export.export_csv(keyed, labels=True, today=TODAY, lang="en"))[0]
    assert "share_migrants: 'viel' is not a whole number" in english["problems"]
    assert english["migrant_experience"] == "Yes" and english["stale"] == "no"


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
    assert "„viel“ ist keine ganze Zahl" in str(first["problems"])


def test_csv_cells_cannot_become_formulas(reg: Register) -> None:
    rows = read_csv(export.export_csv(reg, today=TODAY))
    hostile = next(r for r in rows if r["institution_id"] == "inst-0003")
    assert hostile["name"] == "'" + HOSTILE["name"]
    assert hostile["concepts"] == "'+49 ist keine Formel; @SUM(A1)"
    assert hostile["plans"] == "'-1+1"
    assert hostile["agreements"] == "'\tTabulator"
    for row in rows:
        for cell in row.values():
            assert not cell or cell[0] not in "=+-@\t\r"


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


def test_csv_without_personal_data(reg: Register) -> None:
    for form in ("wide", "long"):
        data = export.export_csv(reg, form, personal=False, today=TODAY).decode("utf-8-sig")
        assert "contact_name" not in data and "contact_phone" not in data


def test_xlsx_export(reg: Register) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(export.export_xlsx(reg, today=TODAY)))
    assert wb.sheetnames == ["Register", "Werte"]
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


def test_empty_register_exports(reg: Register) -> None:
    empty = Register(SCHEMA)
    jsonschema.validate(json.loads(export.export_json(empty)), export.export_json_schema())
    assert len(read_csv(export.export_csv(empty))) == 0
    openpyxl.load_workbook(io.BytesIO(export.export_xlsx(empty)))
