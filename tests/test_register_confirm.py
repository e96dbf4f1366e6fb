"""``formgen register confirm``: an institution says on the telephone that its entry is still
true, and the coordinator records it, on registers built from forms that PDFium (Chrome's
engine) filled in and formgen ingested."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from test_register_returns import RECIPIENTS, mail_from, mailed_form, run

from formgen.cli import main
from formgen.messages import moment_text, reason_text
from formgen.workspace import Workspace
from ingest.history import history_text
from ingest.journal import load
from ingest.pipeline import ingest_into_register

TODAY = dt.date.today()
LONG_AGO = TODAY - dt.timedelta(days=400)
ÖZTÜRK = "telefonisch bestätigt, Frau Öztürk"
PSYCHOTHERAPIE = "PsychotherapeutIn, niedergelassen"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """Olga Petrenko (ua-1) and the practice in Łódź returned their forms, dated 400 days ago
    (Łódź without its region); the update round (prefilled from the register) went out."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    for iid, cid, initials in (("ua-1", "psychotherapie", "ОП"), ("lodz", "facharzt", "ŁŻ")):
        typed = {
            f"{cid}.office_hours": "Di 10–12 Uhr",
            f"{cid}.date": LONG_AGO.strftime("%d.%m.%Y"),
            f"{cid}.initials": initials,
        }
        filled = tmp_path / f"{iid}.pdf"
        filled.write_bytes(pdfium_fill(mailed_form(ws, iid).read_bytes(), typed))
        ingest_into_register([filled], ws)
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d2"), "--round", "r2")  # fmt: skip
    return ws


def register(ws: Workspace, *args: str) -> tuple[int, str]:
    done = CliRunner().invoke(main, ["register", *args, "-w", str(ws.root)])
    return done.exit_code, done.output


def stale(ws: Workspace, *args: str) -> dict[tuple[str, str], list[str]]:
    code, out = register(ws, "stale", "--json", *args)
    assert code == 0, out
    return {(f["institution_id"], f["category"]): f["reasons"] for f in json.loads(out)}


def journal_bytes(ws: Workspace) -> bytes:
    return (ws.root / "journal.jsonl").read_bytes()


def test_an_entry_confirmed_on_the_telephone_leaves_the_update_list_until_it_is_out_of_date(
    ws: Workspace, tmp_path: Path
) -> None:
    assert stale(ws)[("ua-1", "psychotherapie")] == ["stale"]
    assert json.loads(run("status", "-w", str(ws.root), "--json"))["stale"] == 2
    values = json.loads(ws.register_path.read_bytes())["institutions"]["ua-1"]["institution"]

    code, out = register(ws, "confirm", "ua-1", "--note", ÖZTÜRK)
    assert (code, out) == (
        0,
        f"ua-1 Ольга Петренко – Консультація: {PSYCHOTHERAPIE} bestätigt am "
        f"{TODAY.strftime('%d.%m.%Y')} ({ÖZTÜRK})\n",
    )
    assert ("ua-1", "psychotherapie") not in stale(ws)
    assert json.loads(run("status", "-w", str(ws.root), "--json"))["stale"] == 1  # Łódź
    # out of date again a year after the call, not after the "Datum" on the form
    later = (TODAY + dt.timedelta(days=366)).isoformat()
    assert stale(ws, "--today", later)[("ua-1", "psychotherapie")] == ["stale"]

    # the exports say it was confirmed today, by the institution; no value changed
    table = tmp_path / "register.csv"
    assert register(ws, "export", "-o", str(table))[0] == 0
    rows = csv.DictReader(io.StringIO(table.read_text("utf-8-sig")), delimiter=";")
    (row,) = [r for r in rows if r["institution_id"] == "ua-1"]
    assert (row["last_confirmed"], row["date"]) == (TODAY.isoformat(), LONG_AGO.isoformat())
    exported = tmp_path / "register.json"
    assert register(ws, "export", "--format", "json", "-o", str(exported))[0] == 0
    (olga,) = [i for i in json.loads(exported.read_bytes())["institutions"] if i["id"] == "ua-1"]
    assert olga["status"]["psychotherapie"] == {
        "last_confirmed": TODAY.isoformat(),
        "stale": False,
        "confirmed_by_institution": True,
    }
    reg = load(ws)
    assert reg.institutions["ua-1"]["institution"] == values
    assert reg.institutions["ua-1"]["rev"] == 1  # forms already out stay current

    # journaled before the command said so, and in the history with the note
    last = json.loads(journal_bytes(ws).splitlines()[-1])
    assert (last["op"], last["target"], last["categories"], last["note"]) == (
        "confirm",
        "ua-1",
        ["psychotherapie"],
        ÖZTÜRK,
    )
    event = reg.history("ua-1")[-1]
    assert (event["op"], event["rev"], event["changes"]) == ("confirm", 1, [])
    code, out = register(ws, "history", "ua-1")
    said = f"\n\n{moment_text(str(event['at']), 'de')}  von Hand bestätigt: {ÖZTÜRK}\n"
    assert code == 0 and out.endswith(f"{said}  {PSYCHOTHERAPIE}\n"), out

    before = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == before


def test_an_entry_a_checklist_of_the_centre_brought_in_is_confirmed_by_the_institution(
    tmp_path: Path,
) -> None:
    """The centre filled in a blank checklist for a crisis service itself: the entry is
    current and complete, but "unbestätigt" until the service confirms it."""
    ws = make_workspace(tmp_path / "ws")
    blank = tmp_path / "krisendienst.pdf"
    run("generate", "pdf", "--kind", "checklist", "--category", "krisendienst", "-w", str(ws.root), "--out", str(blank))  # fmt: skip
    typed = {
        "krisendienst.1.name": "Kriz Servisi Şişli",
        "krisendienst.1.region": "Dormagen",
        "krisendienst.1.office_hours": "rund um die Uhr",
        "krisendienst.1.date": TODAY.strftime("%d.%m.%Y"),
        "krisendienst.1.initials": "ŞY",
    }
    filled = tmp_path / "Krisendienst ausgefüllt.pdf"
    filled.write_bytes(pdfium_fill(blank.read_bytes(), typed))
    ingest_into_register([filled], ws)
    ((iid, cid),) = stale(ws)
    assert (cid, stale(ws)[(iid, cid)]) == ("krisendienst", ["unconfirmed"])

    code, out = register(ws, "confirm", iid, "--category", "Krisen(interventions)dienst", "--note", "Herr Şahin am Telefon")  # fmt: skip
    assert code == 0 and "Kriz Servisi Şişli: Krisen(interventions)dienst bestätigt am" in out
    assert stale(ws) == {}


def test_confirming_does_not_fix_missing_data_and_says_so(ws: Workspace) -> None:
    assert stale(ws)[("lodz", "facharzt")] == ["stale", "missing"]
    code, out = register(ws, "confirm", "lodz", "--category", "facharzt", "--note", "Pani Łęcka")
    assert code == 0
    assert out.splitlines() == [
        "lodz Poradnia Łódź: Fachärztin/-arzt, niedergelassen bestätigt am "
        f"{TODAY.strftime('%d.%m.%Y')} (Pani Łęcka)",
        "  weiterhin unvollständig: fehlt (Versorgungsregion)",
    ]
    assert stale(ws)[("lodz", "facharzt")] == ["missing"]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["inst-0999"], "Fehler: keine Einrichtung „inst-0999“ im Register"),
        (
            ["lodz", "--category", "psychotherapie"],
            "Fehler: lodz hat keinen Eintrag in PsychotherapeutIn, niedergelassen "
            "(psychotherapie); ihre Einträge: Fachärztin/-arzt, niedergelassen (facharzt); "
            "nichts geändert",
        ),
        (["lodz", "--category", "Zahnarzt"], "Fehler: unbekannte Checkliste „Zahnarzt“"),
    ],
    ids=["unknown-institution", "no-such-entry", "unknown-category"],
)
def test_what_cannot_be_confirmed_is_refused_and_nothing_is_journaled(
    ws: Workspace, args: list[str], error: str
) -> None:
    kept = ws.register_path.read_bytes(), journal_bytes(ws)
    code, out = register(ws, "confirm", *args, "--note", ÖZTÜRK)
    assert code == 1 and out.startswith(error), out
    assert (ws.register_path.read_bytes(), journal_bytes(ws)) == kept


def test_a_retired_institution_is_confirmed_only_with_force(ws: Workspace) -> None:
    assert register(ws, "retire", "ua-1", "--reason", "geschlossen")[0] == 0
    kept = journal_bytes(ws)
    code, out = register(ws, "confirm", "ua-1", "--note", ÖZTÜRK)
    assert code == 1 and out.startswith(
        f"Fehler: ua-1 ist aus dem Register genommen am {TODAY.strftime('%d.%m.%Y')} "
        "(geschlossen); nichts geändert — 'formgen register restore ua-1' nimmt die Einrichtung "
        "wieder auf, oder trotzdem mit --force bestätigen"
    ), out
    assert journal_bytes(ws) == kept
    assert register(ws, "confirm", "ua-1", "--note", ÖZTÜRK, "--force")[0] == 0
    assert json.loads(journal_bytes(ws).splitlines()[-1])["op"] == "confirm"


@pytest.mark.parametrize("note", [[], ["--note", "  "]], ids=["no-note", "blank-note"])
def test_a_confirmation_needs_a_note(ws: Workspace, note: list[str]) -> None:
    kept = journal_bytes(ws)
    code, out = register(ws, "confirm", "ua-1", *note)
    assert code == 2 and "--note" in out, out
    assert journal_bytes(ws) == kept


def test_the_update_form_sent_before_the_call_still_merges_cleanly(
    ws: Workspace, tmp_path: Path
) -> None:
    """The update form went out before the telephone call; the institution returns it with a
    new number anyway: a clean update, as it would have been without the call."""
    assert register(ws, "confirm", "ua-1", "--note", ÖZTÜRK)[0] == 0
    update = tmp_path / "Оновлення.pdf"
    typed = {"institution.phone": "0211 7654321", "psychotherapie.date": TODAY.strftime("%d.%m.%Y")}
    update.write_bytes(pdfium_fill(mailed_form(ws, "ua-1", "r2").read_bytes(), typed))
    (out,) = ingest_into_register([update], ws).outcomes
    assert out.merged == "updated, ua-1, 2 changes", (out.merged, out.warnings)
    assert not out.warnings
    reg = load(ws)
    assert reg.value("ua-1", "institution.phone")["v"] == "+49 211 7654321"  # type: ignore[index]
    assert [h["op"] for h in reg.history("ua-1")] == ["merge", "confirm", "merge"]
    assert ("ua-1", "psychotherapie") not in stale(ws)


def test_an_update_form_sent_back_unchanged_confirms_and_the_history_shows_the_return(
    tmp_path: Path,
) -> None:
    """Olga's first return put two numbers in one phone field (kept as typed, flagged). The
    update round's form, prefilled with that, comes back unchanged attached to her mail: the
    ingest line says it confirmed her entry, repeats the old value's warning and says the form
    came back as it was sent (it may have been cut off, or the blank one attached); her history
    shows the return as a confirmation (day, form, file, sender), as a rebuild makes it again."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    two_numbers = "0211 1234567 oder 0211 1234568"
    typed = {
        "psychotherapie.contact_phone": two_numbers,
        "psychotherapie.date": LONG_AGO.strftime("%d.%m.%Y"),
        "psychotherapie.initials": "ОП",
    }
    first = tmp_path / "ua-1.pdf"
    first.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), typed))
    ingest_into_register([first], ws)
    assert stale(ws)[("ua-1", "psychotherapie")] == ["stale", "invalid"]
    run("mail", "--stale", "-w", str(ws.root), "--drafts", str(tmp_path / "d2"), "--round", "r2")
    olga = "Ольга Петренко <olga@example.org>"
    back = mail_from(olga, mailed_form(ws, "ua-1", "r2"), tmp_path / "AW Bestandsaufnahme.eml")
    other = Workspace.open(shutil.copytree(ws.root, tmp_path / "ws-json"))

    as_json = CliRunner().invoke(main, ["ingest", str(back), "-w", str(other.root), "--json"])
    assert as_json.exit_code == 0, as_json.output
    report = json.loads(as_json.output)
    (attachment,) = [f for f in report["files"] if f["status"] != "container"]
    assert (attachment["status"], attachment["merged"]) == ("warnings", "confirmed, ua-1")
    assert len(attachment["warnings"]) == 2 and report["summary"]["warnings"] == 1
    assert attachment["warnings"][1].startswith("the form came back exactly as formgen made it")
    form = attachment["form"]

    done = CliRunner().invoke(main, ["ingest", str(back), "-w", str(ws.root)])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    (at,) = [n for n, line in enumerate(lines) if " Formular.pdf: " in line]
    assert lines[at] == f"Hinweise     {back}#1/1 Formular.pdf: Formular {form}, 1 Eintrag, bestätigt, ua-1, 2 Hinweise"  # fmt: skip
    assert lines[at + 1] == (
        f"    PsychotherapeutIn, niedergelassen › Telefon: „{two_numbers}“ ist keine einzelne "
        "Telefonnummer: "
        "darin stehen Wörter oder eine zweite Nummer; bitte eine Nummer mit Vorwahl eintragen, "
        "eine Durchwahl mit Bindestrich (z.\u00a0B. 0211 123456-12) und Hinweise wie „Zentrale“ "
        "an anderer Stelle"
    )
    assert lines[at + 2].startswith("    das Formular kam genau so zurück, wie formgen es erstellt")
    assert any(line.endswith("/s): 1 mit Hinweisen") for line in lines), done.output
    reg = load(ws)
    event = reg.history("ua-1")[-1]

    # no value changed, the entry counts as confirmed today: only its invalid number keeps it
    assert reg.institutions["ua-1"]["rev"] == 1
    assert stale(ws)[("ua-1", "psychotherapie")] == ["invalid"]
    assert (event["op"], event["rev"], event["changes"]) == ("confirm", 1, [])
    assert event["categories"] == ["psychotherapie"]
    code, text = register(ws, "history", "ua-1")
    origin = f"Formular.pdf [acroform-pdf, Formular {form}] (Mail von {olga})"
    said = f"\n\n{moment_text(str(event['at']), 'de')}  bestätigt, nichts geändert  aus {origin}\n"
    assert code == 0 and text.endswith(f"{said}  {PSYCHOTHERAPIE}\n"), text
    english = history_text(reg, "ua-1", "en")
    origin = f"Formular.pdf [acroform-pdf, form {form}] (mailed by {olga})"
    said = f"\n\n{moment_text(str(event['at']), 'en')}  confirmed, nothing changed  from {origin}"
    assert english.endswith(f"{said}\n  Psychotherapist in private practice"), english
    code, out = register(ws, "history", "ua-1", "--json")
    assert code == 0, out
    source = json.loads(out)[-1]["source"]
    assert (source["file_name"], source["form"]) == ("Formular.pdf", form)
    assert (source["container"], source["mail_from"]) == (f"{back}#1/1", olga)

    # journaled as the return it is: a rebuild from the journal makes the same history
    before = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == before
    assert register(ws, "history", "ua-1") == (0, text)


def test_values_confirmed_on_the_telephone_are_never_replaced_by_another_list(
    tmp_path: Path,
) -> None:
    """The centre's list started the register; the Polish counselling centre confirmed it all
    on the telephone. Another organisation's list, found by the phone number, gives another
    name and street: each is held, as if the institution had confirmed them on its form, and
    the reason says when and how it confirmed them. The region it was confirmed with was
    invalid: a valid one from the list replaces it, which the institution never saw (its entry
    no longer counts as confirmed by it). A probable duplicate merged on decision is held
    alike, and a rebuild holds them alike."""
    ws = make_workspace(tmp_path / "ws")
    name = "Polska Misja Katolicka – Poradnia Łódź-Düsseldorf"
    start = tmp_path / "Bestand.csv"
    start.write_text(
        "category;name;street;postcode;city;region;phone\r\n"
        f"krisendienst;{name};Musterstraße 2;40211;Neuss;Neuss;0211 1000037\r\n",
        "utf-8",
    )
    assert register(ws, "import", str(start))[0] == 0
    note = "telefonisch bestätigt am 12.03., Pani Wróbel"
    assert register(ws, "confirm", "inst-0001", "--note", note)[0] == 0
    before = load(ws).institutions["inst-0001"]
    assert before["entries"]["krisendienst"]["by_institution"] is True

    other = tmp_path / "Liste Landesverband.csv"
    other.write_text(
        "category;name;street;postcode;city;region;phone\r\n"
        "krisendienst;Polska Misja Katolicka - Poradnia Lodz;Musterstr. 2;40211;Neuss;"
        "Düsseldorf;0211 1000037\r\n",
        "utf-8",
    )
    code, said = register(ws, "import", str(other), "--note", "Liste Landesverband")
    assert code == 0, said
    day = TODAY.strftime("%d.%m.%Y")
    why = (
        f"die Einrichtung hat den Wert im Register bestätigt, von Hand festgehalten am {day} "
        f"({note}); eine importierte Liste ersetzt ihn nie von selbst"
    )
    assert f"  Einrichtung › Name der Einrichtung: zurückgestellt als c-0001 ({why}) → " in said
    assert f"  Einrichtung › Straße und Hausnummer: zurückgestellt als c-0002 ({why}) → " in said
    reg = load(ws)
    assert [(c["id"], c["path"]) for c in reg.conflicts()] == [
        ("c-0001", "institution.name"),
        ("c-0002", "institution.street"),
    ]
    after = reg.institutions["inst-0001"]
    assert reg.name_of("inst-0001") == name
    assert after["institution"]["street"]["raw"] == "Musterstraße 2"
    assert after["institution"]["region"]["v"] == "duesseldorf"  # was invalid: not protected
    assert "confirmed" not in after["institution"]["region"]
    assert after["entries"]["krisendienst"]["by_institution"] is False
    # the value keeps where it came from; what confirmed it is the note, kept as a source
    told = reg.source(after["institution"]["street"]["confirmed"])
    assert (told["kind"], told["note"]) == ("hand", note)
    assert reg.source(after["institution"]["street"]["src"])["file_name"] == "Bestand.csv"
    code, shown = register(ws, "conflicts")
    assert code == 0 and f"    Grund: {why}\n" in shown, shown
    english = (
        f"the institution confirmed the register's value, recorded by hand on "
        f"{TODAY.isoformat()} ({note}); an imported list never replaces it by itself"
    )
    assert reason_text(reg.conflicts()[0], "en") == english

    dup = tmp_path / "Liste Träger.csv"
    dup.write_text(
        "category;name;street;postcode;city;region;phone\r\n"
        "krisendienst;Caritas Suchtberatung;Kirchplatz 9;41460;Neuss;Düsseldorf;0211 1000037\r\n",
        "utf-8",
    )
    assert "mögliche Dublette d-0001 von inst-0001" in register(ws, "import", str(dup))[1]
    assert register(ws, "resolve", "d-0001", "--merge")[0] == 0
    reg = load(ws)
    assert reg.name_of("inst-0001") == name
    assert [(c["path"], c["reason_key"]) for c in reg.conflicts() if c["id"] > "c-0002"] == [
        (f"institution.{k}", "reg_held_import_confirmed_hand")
        for k in ("name", "street", "postcode")
    ]

    kept = ws.register_path.read_bytes()
    assert register(ws, "rebuild")[0] == 0
    assert ws.register_path.read_bytes() == kept
