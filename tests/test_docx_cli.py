"""``formgen generate docx``: exit codes, messages, files read back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from unittest.mock import ANY

import docx
import openpyxl
from click.testing import CliRunner
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from pypdf import PdfReader
from test_register_returns import RECIPIENTS, mailed_form, run

from formgen.cli import main
from formgen.docx_xml import qn
from formgen.schema_load import default_schema
from ingest.docx_reader import read_docx
from ingest.journal import load

W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def test_generate_docx_checklist(tmp_path: Path) -> None:
    out = tmp_path / "psychotherapie.docx"
    result = CliRunner().invoke(
        main,
        [
            "generate",
            "docx",
            "--category",
            "psychotherapie",
            "--out",
            str(out),
            "--seed",
            "1",
            "--stand",
            "2026-11-22",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "FG-" in result.stdout
    sub = read_docx(out.read_bytes(), out.name)
    assert sub.identity is not None
    assert sub.identity.kind == "checklist" and sub.identity.categories == ("psychotherapie",)


def test_generate_docx_institution_from_record(tmp_path: Path) -> None:
    record = tmp_path / "inst.json"
    record.write_text(
        json.dumps(
            {
                "id": "inst-9",
                "categories": ["rechtsanwaelte"],
                "institution": {"name": "Kanzlei Łukasz Żółć"},
            }
        ),
        "utf-8",
    )
    out = tmp_path / "inst-9.docx"
    result = CliRunner().invoke(
        main, ["generate", "docx", "--record", str(record), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    sub = read_docx(out.read_bytes(), out.name)
    assert sub.values["institution.name"] == "Kanzlei Łukasz Żółć"
    assert sub.identity is not None and sub.identity.institution_id == "inst-9"


def test_unknown_category_exits_1_with_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["generate", "docx", "--category", "nope", "--out", str(tmp_path / "x.docx")]
    )
    assert result.exit_code == 1
    assert "Error: unknown category 'nope'" in result.stderr


def test_misuse_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["generate", "docx", "--kind", "institution"])
    assert result.exit_code == 2
    assert "needs --record" in result.stderr


def test_a_recipients_language_column_chooses_each_form_language(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(
        "id,institution,categories,region,email,Sprache\n"
        "inst-1,Kanzlei Łukasz Żółć,psychotherapie,duesseldorf,a@example.org,Englisch\n"
        "inst-2,Şule Yılmaz Beratung,psychotherapie,dormagen,b@example.org,\n",
        "utf-8",
    )
    schema = default_schema()
    out = tmp_path / "forms"
    result = CliRunner().invoke(
        main, ["generate", "docx", "--recipients", str(tmp_path / "r.csv"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    for iid, lang in (("inst-1", "en"), ("inst-2", "de")):
        data = (out / f"{iid}.docx").read_bytes()
        sub = read_docx(data, f"{iid}.docx")
        assert sub.identity is not None and sub.identity.lang == lang
        text = "".join(t.text or "" for t in docx.Document(io.BytesIO(data)).element.iter(W_T))
        assert schema.category_label("psychotherapie", lang) in text
        # the date pickers' calendars too: Word names months and days in the form's language
        root = docx.Document(io.BytesIO(data)).element
        pickers = {lid.get(qn("w:val")) for lid in root.iter(qn("w:lid"))}
        assert pickers == {"en-GB" if lang == "en" else "de-DE"}


def test_control_characters_are_left_out_of_a_word_form_with_a_warning(tmp_path: Path) -> None:
    """XML 1.0 cannot hold U+0007 or U+001B (it crashed): the Word form leaves them out and
    says so; the PDF form and the record keep the value as it is."""
    record = {
        "id": "inst-9",
        "categories": ["psychotherapie"],
        "institution": {"name": "Praxis\u0007 Şule Yılmaz"},
        "entries": {"psychotherapie": {"contact_name": "Оксана\u001b[31m Коваленко"}},
    }
    (tmp_path / "r.json").write_text(json.dumps(record), "utf-8")
    out = tmp_path / "inst-9.docx"
    result = CliRunner().invoke(
        main, ["generate", "docx", "--record", str(tmp_path / "r.json"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert (
        "Warning: institution.name: U+0007 left out: a Word document cannot hold control "
        "characters; the value itself is kept as it is\n"
        "Warning: psychotherapie.contact_name: U+001B left out: a Word document cannot hold "
        "control characters; the value itself is kept as it is\n"
    ) in result.stderr
    sub = read_docx(out.read_bytes(), out.name)
    assert sub.values["institution.name"] == "Praxis Şule Yılmaz"
    assert sub.values["psychotherapie.contact_name"] == "Оксана[31m Коваленко"
    title = docx.Document(io.BytesIO(out.read_bytes())).paragraphs[0].text
    assert title == "Ihre Angaben: Praxis Şule Yılmaz"

    pdf = tmp_path / "inst-9.pdf"
    result = CliRunner().invoke(
        main, ["generate", "pdf", "--record", str(tmp_path / "r.json"), "--out", str(pdf)]
    )
    assert result.exit_code == 0, result.output
    fields = PdfReader(pdf).get_fields() or {}
    assert fields["institution.name"].get("/V") == "Praxis\u0007 Şule Yılmaz"
    # the warning shows the character as its escape, never the character (an ESC would
    # start a terminal escape sequence)
    assert "Warning: psychotherapie.contact_name: \\x1b cannot be shown" in result.stderr
    assert "\u001b" not in result.stderr


def test_a_control_character_in_a_recipients_list_is_left_out_of_its_word_form(
    tmp_path: Path,
) -> None:
    (tmp_path / "r.csv").write_text(
        "id,institution,categories,region,email\n"
        "inst-1,Kanzlei\u0007 Łukasz Żółć,psychotherapie,duesseldorf,a@example.org\n",
        "utf-8",
    )
    out = tmp_path / "forms"
    result = CliRunner().invoke(
        main, ["generate", "docx", "--recipients", str(tmp_path / "r.csv"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Warning: inst-1: institution.name: U+0007 left out" in result.stderr
    sub = read_docx((out / "inst-1.docx").read_bytes(), "inst-1.docx")
    assert sub.values["institution.name"] == "Kanzlei Łukasz Żółć"


def test_a_control_character_a_returned_pdf_brought_is_kept_and_every_output_is_made(
    tmp_path: Path,
) -> None:
    """PDFium (Chrome) keeps U+0007 typed into a field; the register keeps it as typed, and
    the Word form made from the register, the mail round, the print and every export are
    made (the Word form and the XLSX without it)."""
    ws = make_workspace(tmp_path / "ws")
    w = ("-w", str(ws.root))
    run("mail", str(RECIPIENTS), *w, "--drafts", str(tmp_path / "d1"))
    typed = "Оксана\u0007 Коваленко"
    filled = tmp_path / "ua-1.pdf"
    filled.write_bytes(
        pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), {"psychotherapie.contact_name": typed})
    )
    run("ingest", str(filled), *w)
    assert load(ws).value("ua-1", "psychotherapie.contact_name") == {
        "v": typed, "raw": typed, "rev": 1, "src": ANY,
    }  # fmt: skip

    out = tmp_path / "ua-1.docx"
    result = CliRunner().invoke(
        main, ["generate", "docx", "--institution", "ua-1", *w, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Warnung: psychotherapie.contact_name: U+0007 ausgelassen: ein Word-Dokument" in (
        result.stderr
    )
    sub = read_docx(out.read_bytes(), out.name)
    assert sub.values["psychotherapie.contact_name"] == "Оксана Коваленко"

    d2 = str(tmp_path / "d2")
    run("mail", "--from-register", *w, "--drafts", d2, "--format", "docx", "--round", "r2")
    assert (tmp_path / "d2" / "ua-1.eml").exists()
    run("register", "print", *w, "-o", str(tmp_path / "register.pdf"))

    run("register", "export", "--format", "csv", *w, "-o", str(tmp_path / "r.csv"))
    text = (tmp_path / "r.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))  # a German workspace's CSV
    assert [r["contact_name"] for r in rows if r["institution_id"] == "ua-1"] == [typed]
    run("register", "export", "--format", "json", *w, "-o", str(tmp_path / "r.json"))
    assert json.dumps(typed, ensure_ascii=False) in (tmp_path / "r.json").read_text("utf-8")
    run("register", "export", "--format", "xlsx", *w, "-o", str(tmp_path / "r.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert "Оксана Коваленко" in [c.value for row in sheet.iter_rows() for c in row]
