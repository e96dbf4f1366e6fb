"""Honest answers a form's box could not hold: a month for a date, an approximate percentage.

Found by a tester filling forms as institutions would (s22 Q, item 8): „ab Jan. 2026“ and
„Januar 2027“ (Termin zum Kennenlernen), „ca. 90 %“ (Anteil) were stored as invalid, printed in
red as „ungültig“, and the entry stayed on the update list every round. Now a month is a date
(``2027-01``) and „ca.“ before a number an approximate value, each shown as typed: in the
print, the tables, the export and the next form.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

import jsonschema
import openpyxl
import pdfplumber
import pypdf
import pytest
from ingest_support import libreoffice
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from register_support import institution_form
from test_ingest_validate import shipped_institution_form
from test_register_returns import RECIPIENTS, mailed_form, run

from formgen.forms import FormRequest, new_identity
from formgen.pdf_form import render_pdf
from formgen.schema_load import default_schema
from ingest import values
from ingest.export import export_csv, export_data, export_json_schema, export_xlsx
from ingest.journal import load
from ingest.pipeline import ingest_into_register
from ingest.printed import PrintOptions, render_register
from ingest.register import Register
from ingest.sheet import read_sheet
from ingest.staleness import review
from ingest.validate import check_typed

SCHEMA = default_schema()
SECRET = b"test-secret-0123456789abcdef0123"
FIELDS = {f.id: f for f in SCHEMA.entry_fields("psychotherapie")}
TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("ab Jan. 2026", "2026-01"),
        ("Januar 2027", "2027-01"),
        ("01.2026", "2026-01"),
        ("1/2026", "2026-01"),
        ("2026-01", "2026-01"),
        ("Mitte März 2026", "2026-03"),
        ("Sept. 2026", "2026-09"),
    ],
)
def test_a_month_is_a_date_of_an_appointment(typed: str, month: str) -> None:
    checked = check_typed(FIELDS["meeting_date"], typed, TODAY)["meeting_date"]
    assert (checked.raw, checked.value, checked.problem) == (typed, month, None)


@pytest.mark.parametrize(
    ("typed", "key"),
    [("Frühjahr 2026", "date_or_month"), ("13.2026", "date_month"), ("Januar 2062", "far_future")],
)
def test_what_is_no_month_or_too_far_ahead_is_still_kept_as_typed_and_flagged(
    typed: str, key: str
) -> None:
    checked = check_typed(FIELDS["meeting_date"], typed, TODAY)["meeting_date"]
    assert checked.raw == typed and checked.value is None
    assert checked.problem is not None and checked.problem.key == key


def test_the_day_a_form_was_filled_in_is_a_day_not_a_month() -> None:
    """„Datum“ confirms the entry on a day: „11.2026“ there stays invalid."""
    sub = shipped_institution_form({"institution.name": "X", "psychotherapie.date": "11.2026"})
    (e,) = sub.entries
    assert e.entry["date"].value is None and e.entry["date"].problem is not None


@pytest.mark.parametrize(
    ("typed", "value"), [("ca. 90 %", 90), ("etwa 40", 40), ("~30%", 30), ("circa 5 Prozent", 5)]
)
def test_an_approximate_percentage_is_its_number(typed: str, value: int) -> None:
    checked = check_typed(FIELDS["share_migrants"], typed)["share_migrants"]
    assert (checked.value, checked.problem) == (value, None)
    assert values.shown_as_typed(FIELDS["share_migrants"], checked.value, checked.raw)


@pytest.mark.parametrize("typed", ["teilweise, ca. 40", "ca. 120 %", "ca."])
def test_an_approximate_percentage_that_is_none_stays_flagged(typed: str) -> None:
    checked = check_typed(FIELDS["share_migrants"], typed)["share_migrants"]
    assert checked.raw == typed and checked.value is None and checked.problem is not None


@pytest.fixture
def reg() -> Register:
    reg = Register(SCHEMA)
    typed = {"meeting_date": "ab Jan. 2026", "share_migrants": "ca. 90 %"}
    checked = {k: check_typed(FIELDS[k], v, TODAY)[k] for k, v in typed.items()}
    reg.merge(
        institution_form(
            None,
            name="Türkisch-Arabischer Elternverein Neuss e.V.",
            region="duesseldorf",
            migrant_experience="ja",
            date="2026-11-24",
            initials="M. Al-H.",
            **checked,
        )
    )
    return reg


def test_the_entry_is_not_on_the_update_list_for_them(reg: Register) -> None:
    (iid,) = reg.institutions
    found = [f for f in review(reg, TODAY) if f.institution_id == iid]
    assert all(not f.invalid for f in found), [f.invalid for f in found]


def test_the_export_keeps_the_value_and_what_was_typed(reg: Register) -> None:
    data = export_data(reg, today=TODAY)
    jsonschema.validate(data, export_json_schema())
    (inst,) = data["institutions"]
    entry = inst["entries"]["psychotherapie"]
    assert (entry["meeting_date"], entry["share_migrants"]) == ("2026-01", 90)
    assert inst["as_typed"] == {
        "psychotherapie.meeting_date": "ab Jan. 2026",
        "psychotherapie.share_migrants": "ca. 90 %",
    }
    assert inst["problems"] == {}
    (row,) = csv.DictReader(io.StringIO(export_csv(reg).decode("utf-8-sig")))
    cells = [v for k, v in row.items() if k.endswith(("meeting_date", "share_migrants"))]
    assert cells == ["ca. 90 %", "ab Jan. 2026"]


def test_the_xlsx_keeps_the_approximate_percentage_a_number_shown_as_typed(
    reg: Register, tmp_path: Path
) -> None:
    book = export_xlsx(reg, today=TODAY)
    sheet = openpyxl.load_workbook(io.BytesIO(book))["Register"]
    head = [str(c.value) for c in sheet[1]]
    (col,) = [n for n, h in enumerate(head) if h.endswith("share_migrants")]
    cell = sheet.cell(2, col + 1)
    assert (cell.value, cell.data_type) == (90, "n")  # its column sums
    assert cell.number_format == values.APPROXIMATE_FORMAT
    # as a spreadsheet program shows it, and as register import reads it back
    as_csv = libreoffice(book, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path, "t.xlsx")
    (row,) = csv.DictReader(io.StringIO(as_csv.decode()))  # 76: UTF-8
    assert row[head[col]] == "ca. 90 %"
    (_, line), *_ = read_sheet(book, "t.xlsx", "a table", "").rows
    assert line[col] == "ca. 90 %"


def test_the_print_shows_them_as_typed_and_valid(reg: Register) -> None:
    pdf = render_register(reg, PrintOptions(stand=TODAY))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    assert "ab Jan. 2026" in text and "ca. 90 %" in text
    assert "ungültig" not in text


def test_the_next_form_shows_them_as_typed(reg: Register) -> None:
    (iid,) = reg.institutions
    request = FormRequest("institution", ("psychotherapie",), reg.record(iid), "de", "2026-11-25")
    form = render_pdf(SCHEMA, request, new_identity(SCHEMA, request, SECRET, random.Random(1)))
    fields = pypdf.PdfReader(io.BytesIO(form.data)).get_fields() or {}
    assert fields["psychotherapie.meeting_date"]["/V"] == "ab Jan. 2026"
    assert fields["psychotherapie.share_migrants"]["/V"] == "ca. 90 %"


def test_the_institution_taking_back_its_ca_gives_its_new_word(tmp_path: Path) -> None:
    """„ca. 90 %“ returned as „90“ on the next form (PDFium typing, as Chrome does) is the
    institution's exact word: it replaces the approximate one (the value the same), and a month
    „01.2026“ given as the day „15.01.2026“ is a new value."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    first = {
        "psychotherapie.share_migrants": "ca. 90 %",
        "psychotherapie.meeting_date": "01.2026",
        "psychotherapie.date": "24.11.2026",
        "psychotherapie.initials": "ОП",
    }
    filled = tmp_path / "erstes.pdf"
    filled.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), first))
    ingest_into_register([filled], ws)
    before = load(ws).value("ua-1", "psychotherapie.share_migrants")
    assert (before["v"], before["raw"]) == (90, "ca. 90 %")  # type: ignore[index]
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d2"), "--round", "r2")  # fmt: skip
    update = tmp_path / "Оновлення.pdf"
    now = {"psychotherapie.share_migrants": "90", "psychotherapie.meeting_date": "15.01.2026"}
    update.write_bytes(pdfium_fill(mailed_form(ws, "ua-1", "r2").read_bytes(), now))
    (out,) = ingest_into_register([update], ws).outcomes
    assert out.merged == "updated, ua-1, 2 changes", (out.merged, out.warnings)
    reg = load(ws)
    share = reg.value("ua-1", "psychotherapie.share_migrants")
    meeting = reg.value("ua-1", "psychotherapie.meeting_date")
    assert (share["v"], share["raw"]) == (90, "90")  # type: ignore[index]
    assert (meeting["v"], meeting["raw"]) == ("2026-01-15", "15.01.2026")  # type: ignore[index]
    assert reg.record("ua-1").typed == {}
    history = run("register", "history", "ua-1", "-w", str(ws.root))
    assert "Migrationsgeschichte (%): ca. 90 % → 90\n" in history
    assert "Termin zum Kennenlernen: 01.2026 → 15.01.2026\n" in history


def test_a_month_returned_without_its_ca_is_a_change_and_another_word_for_ca_none(
    tmp_path: Path,
) -> None:
    """„ca. Jan 2026“ returned as „Jan 2026“ is the institution's new word, as „ca. 90 %“
    returned as „90“ is (s23 H, item 5: the month was the same value, so the register kept the
    „ca.“ taken back); „ca. 40 %“ for „etwa 40 %“ says what it said, no change."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    first = {
        "psychotherapie.share_migrants": "etwa 40 %",
        "psychotherapie.meeting_date": "ca. Jan 2026",
        "psychotherapie.date": "24.11.2026",
        "psychotherapie.initials": "ОП",
    }
    filled = tmp_path / "erstes.pdf"
    filled.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), first))
    ingest_into_register([filled], ws)
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d2"), "--round", "r2")  # fmt: skip
    update = tmp_path / "Оновлення.pdf"
    now = {"psychotherapie.share_migrants": "ca. 40 %", "psychotherapie.meeting_date": "Jan 2026"}
    update.write_bytes(pdfium_fill(mailed_form(ws, "ua-1", "r2").read_bytes(), now))
    (out,) = ingest_into_register([update], ws).outcomes
    assert out.merged == "updated, ua-1, 1 change", (out.merged, out.warnings)
    reg = load(ws)
    meeting = reg.value("ua-1", "psychotherapie.meeting_date")
    share = reg.value("ua-1", "psychotherapie.share_migrants")
    assert (meeting["v"], meeting["raw"]) == ("2026-01", "Jan 2026")  # type: ignore[index]
    assert (share["v"], share["raw"]) == (40, "etwa 40 %")  # type: ignore[index]
    history = run("register", "history", "ua-1", "-w", str(ws.root))
    assert "Termin zum Kennenlernen: ca. Jan 2026 → Jan 2026\n" in history
