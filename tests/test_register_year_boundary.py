"""The year's report over the turn of the year, on a register made by real runs of formgen under
``faketime``: each answer and confirmation counts in the year it came in (its mail's Date),
however late it is read, and the answers to a year's mails count for that year whenever they came.

December 2026: a round to four institutions (Turkish, Cyrillic, Polish, Arabic names); Poradnia
Łódź answers on 15.12. (read 16.12.); Şule Yılmaz on 30.12. (read on 02.01.2027); Ольга Петренко
on 10.01.2027 (read 11.01.); Şule Yılmaz confirms by telephone on 12.01.2027. The reports are
made on 15.01.2027.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from pdf_engines import pdfium_fill

pytestmark = pytest.mark.skipif(not shutil.which("faketime"), reason="faketime not installed")

ROOT = Path(__file__).resolve().parents[1]
RECIPIENTS = Path(__file__).parent / "data" / "mail" / "excel_utf8_bom.csv"
MADE = "2027-01-15 09:00:00"
"""The day the reports are made."""


def fg(when: str, *args: str | Path) -> str:
    """``formgen ARGS`` run with the clock at ``when`` (local time in Düsseldorf)."""
    env = dict(os.environ, TZ="Europe/Berlin", PYTHONPATH=str(ROOT))
    command = ["faketime", when, sys.executable, "-m", "formgen", *map(str, args)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def answer(ws: Path, iid: str, sender: str, date: str) -> Path:
    """The institution's mail of ``date`` with its form filled in (its e-mail given)."""
    (pdf,) = ws.rglob(f"{iid}_FG-*.pdf")
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Date"] = sender, "spkom@example.org", date
    msg["Subject"] = "AW: Bestandsaufnahme"
    msg.set_content("Anbei unser Bogen.")
    filled = pdfium_fill(pdf.read_bytes(), {"institution.email": sender})
    msg.add_attachment(filled, maintype="application", subtype="pdf", filename="Formular.pdf")
    out = ws.parent / f"{iid}.eml"
    out.write_bytes(bytes(msg))
    return out


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("boundary") / "ws"
    fg("2026-12-01 10:00:00", "init", ws, "--sender", "spkom@example.org")
    drafts = ws.parent / "entwuerfe"
    fg("2026-12-01 10:05:00", "mail", RECIPIENTS, "-w", ws, "--drafts", drafts, "--format", "pdf")
    lodz = answer(ws, "lodz", "lodz@example.org", "Tue, 15 Dec 2026 10:00:00 +0100")
    sule = answer(ws, "bs-ist", "sule@danisma.example", "Wed, 30 Dec 2026 16:00:00 +0100")
    olga = answer(ws, "ua-1", "olga@example.org", "Sun, 10 Jan 2027 09:00:00 +0100")
    fg("2026-12-16 09:00:00", "ingest", lodz, "-w", ws)
    fg("2027-01-02 09:00:00", "ingest", sule, "-w", ws)
    fg("2027-01-11 09:00:00", "ingest", olga, "-w", ws)
    fg("2027-01-12 09:00:00", "register", "confirm", "bs-ist", "-w", ws, "--note", "am Telefon")
    return ws


def report(ws: Path, year: int) -> dict[str, Any]:
    figures: dict[str, Any] = json.loads(
        fg(MADE, "register", "report", "--year", year, "-w", ws, "--json")
    )
    return figures


def test_a_mail_of_30_december_read_on_2_january_is_answered_and_confirmed_in_its_year(
    ws: Path,
) -> None:
    """Şule Yılmaz's answer counts in 2026 with Łódź's, not in 2027 with Ольга Петренко's, and
    confirms in 2026: no year left it out before, and the new one counted it as answered."""
    old, new = report(ws, 2026), report(ws, 2027)
    assert (old["answered"], new["answered"]) == (2, 1)
    assert old["confirmed"] == 2
    assert (old["stand"], old["answers_read_by"]) == ("2026-12-31", "2027-01-15")
    sources = json.loads((ws / "register.json").read_text("utf-8"))["sources"].values()
    (sule,) = (s for s in sources if s.get("institutions") == ["bs-ist"])
    assert (sule["came_in"], sule["ingested_at"][:10]) == ("2026-12-30", "2027-01-02")
    # in the register at the end of 2026 only Łódź was: the others were read in 2027
    assert (old["institutions"], old["new"], new["new"]) == (1, 1, 2)


def test_a_december_mail_answered_in_january_counts_for_decembers_round(ws: Path) -> None:
    """Ольга Петренко was mailed in December and answered in January: 3 of the 4 mailed in
    2026 answered, as the report made on 15.01.2027 says; 2027 mailed no one."""
    old, new = report(ws, 2026), report(ws, 2027)
    assert (old["mailed"], old["mailed_rounds"], old["mailed_answered"]) == (4, 1, 3)
    assert (new["mailed"], new["mailed_answered"]) == (0, 0)
    text = fg(MADE, "register", "report", "--year", "2026", "-w", ws).splitlines()
    assert text[0] == (
        "Zahlen des Jahres 2026 (Stand 31.12.2026; Rückmeldungen gelesen bis 15.01.2027)"
    )
    assert "haben 2026 geantwortet (ein Formular zurückgeschickt): 2" in text
    assert "  davon auf diese Mails geantwortet: 3 (75 %)" in text


def test_a_confirmation_across_the_boundary_counts_in_each_year_it_came_in(ws: Path) -> None:
    """Şule Yılmaz's entries, confirmed by her mail of 30.12.2026 (read on 02.01.), are
    confirmed again by telephone on 12.01.2027: the register holds the later day, and the
    report still counts the first confirmation in 2026, the second in 2027 (with Ольга
    Петренко's); a register made again from the journal counts alike."""
    reg = json.loads((ws / "register.json").read_text("utf-8"))
    days = {e["confirmed_at"][:10] for e in reg["institutions"]["bs-ist"]["entries"].values()}
    assert days == {"2027-01-12"}
    before = report(ws, 2026), report(ws, 2027)
    assert (before[0]["confirmed"], before[1]["confirmed"]) == (2, 2)
    fg(MADE, "register", "rebuild", "-w", ws)
    assert (report(ws, 2026), report(ws, 2027)) == before
