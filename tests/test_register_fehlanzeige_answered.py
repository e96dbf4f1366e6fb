"""„Fehlanzeige“ ticked on a form whose prefilled languages and share were left standing: both
are kept, and the entry is on the update list as contradictory, with the fields that answer."""

from __future__ import annotations

import json
from pathlib import Path

from pdf_engines import pdfium_fill
from test_ingest_passed_on import fg, own_form

from formgen.workspace import Workspace
from ingest.journal import load

LIST = (
    "institution_id;category;name;street;postcode;city;region;phone;email;languages_offered;"
    "share_migrants\n"
    ";psychotherapie;Sozialpsychiatrischer Dienst Łódź-Straße;Auf der Schanze 1;41515;"
    "Grevenbroich;neuss_meerbusch;02181 6015301;spdi@rhein-kreis.example;tr,ru,pl;30\n"
)


def test_fehlanzeige_with_the_prefilled_answers_left_is_flagged_not_dropped(
    tmp_path: Path,
) -> None:
    ws, form = own_form(tmp_path, LIST)
    back = tmp_path / "Rückmeldung.pdf"
    ticked = {
        "psychotherapie.migrant_experience": "fehlanzeige",
        "psychotherapie.date": "24.11.2026",
    }
    back.write_bytes(pdfium_fill(form.read_bytes(), ticked))
    fg("ingest", back, "-w", ws)
    fields = load(Workspace.open(ws)).institutions["inst-0001"]["entries"]["psychotherapie"]
    assert fields["fields"]["migrant_experience"]["v"] == "fehlanzeige"
    assert fields["fields"]["languages_offered"]["v"] == ["tr", "ru", "pl"]
    (found,) = json.loads(fg("register", "stale", "-w", ws, "--json").output)
    assert "contradictory" in found["reasons"]
    assert found["contradictory"] == ["share_migrants", "languages_offered"]
    table = " ".join(fg("register", "stale", "-w", ws).output.split())
    assert "„Fehlanzeige“ angekreuzt und doch Angaben (Anteil der Klientel" in table
