"""``formgen generate docx``: exit codes, messages, files read back."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from formgen.cli import main
from ingest.docx_reader import read_docx


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
