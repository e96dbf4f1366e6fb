"""What the centre's data protection officer relies on: the workspace and every file formgen
writes are readable by the user only, whatever the umask.

Found by the data protection audit (s17B): with the usual umask 022 the register, the journal,
the archive, the quarantine, exports, forms and the mail drafts (with the contact persons'
names, phones and addresses) were readable by every user of a shared terminal server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from formgen.cli import main

LIST = (
    "institution_id;category;name;street;postcode;city;region;phone;email;languages_offered;"
    "contact_name;contact_phone;contact_email\n"
    ";psychotherapie;Praxis am Rhein;Rheinstraße 1;40213;Düsseldorf;duesseldorf;0211 1111111;"
    "praxis-rhein@example.org;uk,ru,de;Оксана Петренко;0211 9876543;oksana.petrenko@example.org\n"
    ";fluechtlingsberatung;Beratung Łódź e.V.;Hauptstr. 3;41539;Dormagen;dormagen;02133 444444;"
    "info@lodz.example;pl,de;Paweł Nowak;02133 555555;p.nowak@lodz.example\n"
)


def fg(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The umask most systems give a user: files 0644, folders 0755."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def test_the_workspace_and_what_formgen_writes_are_readable_by_the_user_only(
    tmp_path: Path, umask_022: None
) -> None:
    ws, drafts = tmp_path / "ws", tmp_path / "Entwürfe"
    said = fg("init", ws, "--sender", "spkom@example.org").output
    assert "nur Sie können den Ordner öffnen (Modus 0700)" in said
    (tmp_path / "liste.csv").write_text(LIST, "utf-8")
    fg("register", "import", tmp_path / "liste.csv", "-w", ws, "--note", "Liste")
    fg("mail", "--from-register", "-w", ws, "--drafts", drafts)
    fg("register", "export", "-w", ws, "--format", "xlsx")
    assert ws.stat().st_mode & 0o777 == 0o700
    written = [p for p in (*ws.rglob("*"), drafts, *drafts.rglob("*"))]
    assert {p.name for p in written} >= {
        "register.json",
        "journal.jsonl",
        "issued.jsonl",
        "sendlog.jsonl",
        "inst-0001.eml",
    }
    assert any("Петренко" in p.read_text("utf-8") for p in written if p.suffix == ".json")
    open_to_others = [
        f"{p.stat().st_mode & 0o777:o} {p}" for p in written if p.stat().st_mode & 0o077
    ]
    assert open_to_others == []
