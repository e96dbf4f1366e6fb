"""``formgen generate docx``: exit codes, messages, files read back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
from click.testing import CliRunner

from formgen.cli import main
from formgen.schema_load import default_schema
from ingest.docx_reader import read_docx

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
