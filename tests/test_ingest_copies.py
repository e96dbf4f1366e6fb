"""Copies of one return side by side: a sync client's conflict copies (OneDrive's
``Formular-DESKTOP-AB12.pdf``, ``Formular (1).pdf``), a form sent twice."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from ingest_support import SAMPLES, sample_workspace

from formgen.cli import main

FILLED = SAMPLES / "pdf" / "institution_pdfium.pdf"
"""The sample workspace's institution form as PDFium (Chrome) filled it."""


def _ingest(ws: Path, *paths: Path) -> dict:
    result = CliRunner().invoke(main, ["ingest", *map(str, paths), "-w", str(ws), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_original_name_is_merged_and_its_identical_copies_are_the_duplicates(
    tmp_path: Path,
) -> None:
    """A sync client left copies beside the returned form under names that add to its own:
    the report, the register and the archive name the original, the copies are ``duplicate``
    (sorted by the whole name, ' ' and '-' come before '.', so a copy was met first)."""
    ws, inbox = tmp_path / "ws", tmp_path / "Rückläufe"
    sample_workspace(ws)
    inbox.mkdir()
    copies = (
        "Formular-Zentrum (1).pdf",
        "Formular-Zentrum - Kopie.pdf",
        "Formular-Zentrum-DESKTOP-AB12.pdf",
    )
    for name in ("Formular-Zentrum.pdf", *copies):
        (inbox / name).write_bytes(FILLED.read_bytes())
    report = _ingest(ws, inbox)
    status = {Path(f["name"]).name: f["status"] for f in report["files"]}
    assert status == {"Formular-Zentrum.pdf": "warnings", **dict.fromkeys(copies, "duplicate")}
    register = json.loads((ws / "register.json").read_text("utf-8"))
    (source,) = register["sources"].values()
    assert source["file_name"] == "Formular-Zentrum.pdf"
