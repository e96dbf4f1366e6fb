"""A form made without a workspace (``formgen generate`` without ``--workspace``): generate says
what will happen in the forms' language, ingest keeps its return aside as made so (not as
forged), status counts it in the same words, and ``--accept-no-workspace`` takes a blank
checklist in once the coordinator looked at it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import sample_workspace
from pdf_engines import pdfium_fill

from formgen.cli import main

AK = {
    "psychotherapie.1.name": "Praxis Ivanov & Partner",
    "psychotherapie.1.city": "Neuss",
    "psychotherapie.1.region": "neuss",
    "psychotherapie.1.phone": "02131 556677",
}


def run(*args: object) -> tuple[str, str]:
    result = CliRunner().invoke(main, list(map(str, args)))
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


@pytest.fixture
def returned(tmp_path: Path) -> Path:
    """A blank checklist made without --workspace, filled by a working group."""
    blank = tmp_path / "leer.pdf"
    _, note = run("generate", "pdf", "--category", "psychotherapie", "--out", blank)
    assert note.startswith("Hinweis: ohne --workspace erstellt: formgen ingest kann die Signatur")
    assert "--accept-no-workspace" in note and "Note:" not in note
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    (inbox / "AK-Liste.pdf").write_bytes(pdfium_fill(blank.read_bytes(), AK))
    return inbox


def test_the_note_is_said_in_the_forms_language(tmp_path: Path) -> None:
    args = ("generate", "pdf", "--category", "psychotherapie", "--lang", "en")
    _, note = run(*args, "--out", tmp_path / "blank.pdf")
    assert note.startswith("Note: no --workspace: ingest cannot check these forms' signature")


def test_its_return_is_kept_aside_as_made_without_a_workspace_and_taken_in_when_asked(
    tmp_path: Path, returned: Path
) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    out, _ = run("ingest", returned, "-w", ws)
    line = out.splitlines()[0]
    assert line.startswith(
        f"Quarantäne   {returned / 'AK-Liste.pdf'}: ohne Arbeitsbereich erstellt: "
    )
    assert "Kennung verändert" not in line and "gefälscht:" not in line
    assert line.endswith(
        "nicht übernommen — ansehen und, wenn es das erwartete Formular ist, mit „formgen ingest "
        "DATEI --accept-no-workspace“ übernehmen (diese Datei oder den Ordner quarantine des "
        "Arbeitsbereichs)"
    )
    (record,) = (ws / "quarantine").glob("*.json")
    kept = json.loads(record.read_text("utf-8"))
    assert kept["kind"] == "no-workspace"
    assert kept["reason"].startswith("made without a workspace: form FG-")
    status, _ = run("status", "-w", ws)
    assert "(1 ohne Arbeitsbereich erstellt)" in status and "verändert" not in status

    out, _ = run("ingest", ws / "quarantine", "-w", ws, "--accept-no-workspace")
    first, note = out.splitlines()[:2]
    assert first.startswith("Hinweise") and "neu aufgenommen" in first
    assert "aus der Quarantäne genommen" in first
    assert note.strip().endswith(
        "wurde ohne Arbeitsbereich erstellt, seine Signatur ließ sich nicht prüfen; wie "
        "verlangt übernommen (--accept-no-workspace)"
    )
    assert not list((ws / "quarantine").iterdir())
    found, _ = run("register", "find", "Ivanov", "-w", ws)
    assert "Praxis Ivanov & Partner" in found
    run("register", "rebuild", "--reread", "-w", ws)  # read again, it is taken in again
    assert run("register", "find", "Ivanov", "-w", ws)[0] == found


def test_an_institution_form_made_so_is_never_taken_in(tmp_path: Path) -> None:
    """Its institution id was not given by this register: type the values into the
    institution's own form instead."""
    record = tmp_path / "inst.json"
    record.write_text(
        json.dumps({"id": "inst-0001", "categories": ["psychotherapie"], "institution": {}}),
        "utf-8",
    )
    form = tmp_path / "in" / "inst-0001.pdf"
    form.parent.mkdir()
    run("generate", "pdf", "--record", record, "--out", form)
    ws = tmp_path / "ws"
    sample_workspace(ws)
    out, _ = run("ingest", form.parent, "-w", ws, "--accept-no-workspace")
    assert out.startswith("Quarantäne") and "ohne Arbeitsbereich erstellt" in out
    assert "seine Werte in das eigene Formular der Einrichtung eintippen" in out
