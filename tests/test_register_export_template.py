"""The empty table a new centre copies its list into (``register export --format xlsx
--labels`` of a new workspace), as an Excel user expects it: a drop-down for each column of
choices (checklist, region, yes/no, a single choice) with its values on the sheet „Auswahl“,
the columns the schema requires marked, the header frozen, a line on the sheet „Info“ on how
to fill it in; and what is filled in from the drop-downs reads back through ``register
import`` unchanged, after LibreOffice saved it too.

Found by the s21 walk-through (X13): the table had 35 columns, no drop-down for Checkliste or
Versorgungsregion, and nothing said which columns are required."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils import column_index_from_string
from openpyxl.workbook.workbook import Workbook

from formgen.cli import main
from formgen.schema_load import default_schema
from ingest.labels import scope_label


def fg(*args: str) -> str:
    done = CliRunner().invoke(main, list(args))
    assert done.exit_code == 0, done.output
    return done.output


def template(root: Path, *more: str) -> Path:
    fg("register", "export", "--format", "xlsx", "--labels", "-w", str(root), *more)
    return next((root / "exports").glob("*.xlsx"))


def drop_downs(book: Workbook) -> dict[str, list[str]]:
    """Each column of the first sheet with a drop-down, by its header: the values it offers,
    read where its rule points (``'Auswahl'!$B$2:$B$5``)."""
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    out = {}
    for rule in sheet.data_validations.dataValidation:
        assert rule.type == "list"
        where, cells = rule.formula1.split("!")
        first, last = cells.replace("$", "").split(":")
        listed = book[where.strip("'")][f"{first}:{last}"]
        (column,) = {str(r).split(":")[0].rstrip("0123456789") for r in rule.sqref.ranges}
        out[str(header[column_index_from_string(column) - 1])] = [row[0].value for row in listed]
    return out


@pytest.fixture
def new(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    fg("init", str(root))
    return root


def test_the_empty_table_offers_choices_and_marks_what_is_required(new: Path) -> None:
    book = openpyxl.load_workbook(template(new))
    assert book.sheetnames == ["Register", "Werte", "Auswahl", "Info"]
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "B2" and sheet.max_row == 1
    offered = drop_downs(book)
    schema = default_schema()
    checklists = offered["Checkliste"]
    assert len(checklists) == len(schema.categories) and "Betreutes Wohnen" in checklists
    assert "Rhein-Kreis Neuss (Neuss, Meerbusch)" in offered["Versorgungsregion"]
    assert offered["Erfahrungen/Ressourcen vorhanden?"] == ["Ja", "Nein", "Fehlanzeige"]
    assert "Fremdsprachliche Kenntnisse im Team" not in offered  # several languages: no list
    rule = sheet.data_validations.dataValidation[0]
    assert str(rule.sqref) == "C2:C10001"  # as many rows as register import reads
    assert rule.errorStyle == "warning" and "register import" in rule.error  # she may go on
    marked = [c.value for c in sheet[1] if c.fill.fill_type == "solid"]
    assert marked[:3] == ["Checkliste", "Name der Einrichtung", "Versorgungsregion"]
    assert "Telefon (Zentrale)" not in marked
    info = {row[0]: row[1] for row in book["Info"].iter_rows(values_only=True)}
    assert "„Inhalte einfügen“ → „Werte“" in info["Ausfüllen"]
    assert "das Blatt „Auswahl“" in info["Ausfüllen"]
    assert info["Pflichtangaben"].endswith(": " + ", ".join(marked))


def fill(path: Path, rows: list[dict[str, str]]) -> None:
    """Rows typed into the table by its headers, as a coordinator fills it in Excel."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    for n, row in enumerate(rows, 2):
        for head, value in row.items():
            sheet.cell(n, header.index(head) + 1, value)
    book.save(path)


def resaved_by_libreoffice(path: Path, tmp: Path) -> Path:
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) not installed")
    cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless"]
    cmd += ["--convert-to", "xlsx", "--outdir", str(tmp / "calc"), str(path)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return tmp / "calc" / path.name


@pytest.mark.parametrize("calc", [False, True], ids=["openpyxl", "libreoffice"])
def test_filled_from_the_drop_downs_it_imports_unchanged(
    new: Path, tmp_path: Path, calc: bool
) -> None:
    path = template(new)
    offered = drop_downs(openpyxl.load_workbook(path))
    psz, housing = offered["Checkliste"][0], offered["Checkliste"][1]
    neuss = next(r for r in offered["Versorgungsregion"] if r.startswith("Rhein-Kreis Neuss"))
    typed = [
        {
            "Checkliste": psz,
            "Name der Einrichtung": "Psychosoziales Zentrum Şişli – مركز",
            "PLZ": "41460",
            "Ort": "Neuss",
            "Versorgungsregion": neuss,
            "Erfahrungen/Ressourcen vorhanden?": "Ja",
        },
        {
            "Checkliste": housing,
            "Name der Einrichtung": "Wohnverbund Łódź-Straße",
            "Versorgungsregion": offered["Versorgungsregion"][0],
            "Erfahrungen/Ressourcen vorhanden?": "Fehlanzeige",
        },
    ]
    fill(path, typed)
    book = path
    if calc:
        book = resaved_by_libreoffice(path, tmp_path)
        assert drop_downs(openpyxl.load_workbook(book))["Checkliste"] == offered["Checkliste"]
    out = fg("register", "import", str(book), "--note", "Bestand", "-w", str(new))
    assert "neu 2" in out and "Auswahl" not in out  # the sheet of choices is the export's own
    assert "nicht importiert 0" in out and "ungültige Werte (wie eingegeben übernommen) 0" in out
    again = openpyxl.load_workbook(template(new))  # the same day: replaces the template
    sheet = again.worksheets[0]
    header = [c.value for c in sheet[1]]
    back = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    assert [{k: r[k] for k in t} for r, t in zip(back, typed, strict=True)] == typed
    assert drop_downs(again) == offered  # an export with data has them too


def test_without_labels_and_in_english(tmp_path: Path) -> None:
    root = tmp_path / "en"
    fg("init", str(root), "--lang", "en")
    schema = default_schema()
    path = template(root)
    labelled = openpyxl.load_workbook(path)
    assert labelled.sheetnames[-2:] == ["Choices", "About"]
    checklists = drop_downs(labelled)["category"]
    assert checklists == [scope_label(schema, c.id, "en") for c in schema.categories]
    info = {row[0]: row[1] for row in labelled["About"].iter_rows(values_only=True)}
    assert "Paste Special → Values" in info["Filling in"]
    path.unlink()
    fg("register", "export", "--format", "xlsx", "-w", str(root))  # for programs: codes
    codes = openpyxl.load_workbook(next((root / "exports").glob("*.xlsx")))
    assert codes.sheetnames[-2:] == ["Auswahl", "Info"]
    offered = drop_downs(codes)
    assert offered["category"] == [c.id for c in schema.categories]
    assert "neuss_meerbusch" in offered["region"]
