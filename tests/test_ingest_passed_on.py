"""An institution's own form passed on: filled in by another institution with its own name,
address and contact, it is held aside as a probable duplicate, not taken as the first one's."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from pdf_engines import pdfium_fill

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import load

LIST = (
    "institution_id;category;name;street;postcode;city;region;phone;email;languages_offered\n"
    ";psychotherapie;Sozialpsychiatrischer Dienst Grevenbroich;Auf der Schanze 1;41515;"
    "Grevenbroich;neuss_meerbusch;02181 6015301;spdi@rhein-kreis.example;tr,ru\n"
)
CLINIC = {
    "institution.name": "Tagesklinik St. Alexius – Çınar Aydın",
    "institution.street": "Nordkanalallee 99",
    "institution.postcode": "41464",
    "institution.city": "Neuss",
    "institution.phone": "02131 5290",
    "institution.email": "tagesklinik@alexius.example",
    "psychotherapie.concepts": "Gruppe auf Arabisch und Русский",
}


def fg(*args: str | Path) -> Result:
    done = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    return done


def own_form(tmp_path: Path, listing: str = LIST) -> tuple[Path, Path]:
    """A workspace whose register holds the list ``listing`` (one institution, inst-0001), and
    that institution's own form, made for it: the workspace and the form."""
    ws = tmp_path / "ws"
    fg("init", ws, "--sender", "spkom@example.org")
    (tmp_path / "liste.csv").write_text(listing, "utf-8")
    fg("register", "import", tmp_path / "liste.csv", "-w", ws, "--note", "Liste")
    form = tmp_path / "SpDi.pdf"
    fg("generate", "pdf", "--institution", "inst-0001", "-w", ws, "--out", form)
    return ws, form


def _returned(tmp_path: Path, values: dict[str, str]) -> tuple[Path, str]:
    """The register's institution's own form, filled in PDFium (Chrome) with ``values`` and
    saved as „Kopie von Kopie von Formular SpDi.pdf“, ingested: the workspace and the report."""
    ws, form = own_form(tmp_path)
    back = tmp_path / "Kopie von Kopie von Formular SpDi.pdf"
    back.write_bytes(pdfium_fill(form.read_bytes(), values))
    return ws, fg("ingest", back, "-w", ws).output


def test_a_form_filled_in_by_another_institution_leaves_the_first_one_as_it_was(
    tmp_path: Path,
) -> None:
    ws, output = _returned(tmp_path, CLINIC)
    reg = load(Workspace.open(ws))
    (inst,) = reg.institutions.values()
    assert inst["institution"]["name"]["v"] == "Sozialpsychiatrischer Dienst Grevenbroich"
    assert inst["institution"]["street"]["v"] == "Auf der Schanze 1"
    assert "concepts" not in inst["entries"]["psychotherapie"]["fields"]
    (held,) = reg.duplicates()
    assert held["candidate"] == "inst-0001"
    assert held["entry"]["institution"]["name"]["raw"] == CLINIC["institution.name"]
    line = " ".join(output.split())
    assert line.startswith("Hinweise")
    assert "1 mögliche Dublette" in line
    assert (
        "das Formular für inst-0001 „Sozialpsychiatrischer Dienst Grevenbroich“ kam mit "
        "anderem Namen, „Tagesklinik St. Alexius – Çınar Aydın“, und anderer Anschrift" in line
    )
    assert "zurückgestellt als d-0001, inst-0001 unverändert" in line
    # the coordinator decides: another institution, created with what it wrote
    fg("register", "resolve", "d-0001", "--new", "-w", ws)
    reg = load(Workspace.open(ws))
    names = {i["institution"]["name"]["v"] for i in reg.institutions.values()}
    assert names == {"Sozialpsychiatrischer Dienst Grevenbroich", CLINIC["institution.name"]}


def test_a_rename_at_the_same_address_is_taken_as_the_institutions_own_news(
    tmp_path: Path,
) -> None:
    renamed = {**CLINIC, "institution.street": "Auf der Schanze 1", "institution.postcode": "41515"}
    ws, output = _returned(tmp_path, renamed)
    reg = load(Workspace.open(ws))
    (inst,) = reg.institutions.values()
    assert inst["institution"]["name"]["v"] == CLINIC["institution.name"]
    assert inst["institution"]["phone"]["raw"] == "02131 5290"
    assert not reg.duplicates()
    assert "Dublette" not in output
    report = json.loads(fg("register", "conflicts", "-w", ws, "--json").output)
    assert not report["duplicates"]
