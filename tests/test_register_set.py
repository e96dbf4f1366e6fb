"""``formgen register set``: a coordinator corrects the register by hand (what an institution
said on the telephone, an address that bounces, a contact who left), on registers built from
forms that PDFium (Chrome's engine) filled in and formgen ingested."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shlex
import unicodedata
from pathlib import Path

import openpyxl
import pdfplumber
import pypdf
import pytest
from click.testing import CliRunner
from mailkit import make_workspace
from pdf_engines import pdfium_fill, right_to_left
from test_register_returns import RECIPIENTS, mailed_form, run

from formgen.cli import main
from formgen.messages import moment_text
from formgen.workspace import CONFIG, Workspace
from ingest.journal import load
from ingest.pipeline import ingest_into_register

TELEFON = "per Telefon 23.11."
LEFT = "Frau Kowalenko ist gegangen"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """The first round went out; the Ukrainian and the Arabic counselling centre returned
    their forms; the update round (prefilled from the register) went out too."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    typed = {
        "ua-1": {
            "institution.phone": "0211 7654321",
            "psychotherapie.contact_name": "Оксана Коваленко",
            "psychotherapie.contact_email": "olga.p@example.org",
            "psychotherapie.languages_offered.uk": True,
            "psychotherapie.initials": "ОП",
        },
        "ar-1": {"krisendienst.contact_name": "Sara Ahmed", "krisendienst.initials": "SA"},
    }
    for iid, values in typed.items():
        filled = tmp_path / f"{iid}.pdf"
        filled.write_bytes(pdfium_fill(mailed_form(ws, iid).read_bytes(), values))
        ingest_into_register([filled], ws)
    r2 = ("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d2"))
    run(*r2, "--round", "r2")
    return ws


def register(ws: Workspace, *args: str) -> tuple[int, str]:
    done = CliRunner().invoke(main, ["register", *args, "-w", str(ws.root)])
    return done.exit_code, done.output


def hinted(line: str) -> list[str]:
    """The command line a hint in ``line`` tells to run (``…: formgen register set … --note
    "…"; …``), as the shell splits it, without ``formgen``."""
    return shlex.split(line.partition("formgen ")[2].partition(";")[0])


def journal(ws: Workspace) -> list[dict[str, object]]:
    return [
        json.loads(line) for line in (ws.root / "journal.jsonl").read_text("utf-8").splitlines()
    ]


def long_rows(ws: Workspace, tmp_path: Path, *args: str) -> list[dict[str, str]]:
    out = tmp_path / "lang.csv"
    assert register(ws, "export", "--form", "long", "-o", str(out), *args)[0] == 0
    return list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))


def printed(ws: Workspace, tmp_path: Path) -> str:
    out = tmp_path / "register.pdf"
    assert register(ws, "print", "-o", str(out))[0] == 0
    with pdfplumber.open(out) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def test_a_number_told_on_the_telephone_is_set_by_hand_and_shown_with_its_note(
    ws: Workspace, tmp_path: Path
) -> None:
    code, out = register(ws, "set", "ua-1", "institution.phone", "0211 5556667", "--note", TELEFON)
    assert (code, out) == (
        0,
        f"ua-1 institution.phone: „+49 211 7654321“ → „+49 211 5556667“ (von Hand gesetzt: "
        f"{TELEFON})\n"
        # the centre's word now, not the institution's: said, with how to record its own
        "ua-1 PsychotherapeutIn, niedergelassen: von Hand eingetragen, nicht mehr von der "
        "Einrichtung selbst bestätigt („nein“ in den Tabellen, auf der Aktualisierungsliste), "
        "bis sie es bestätigt: auf ihrem nächsten Formular, oder, wenn sie es selbst gesagt hat: "
        "formgen register confirm ua-1 --note „…“\n",
    )
    reg = load(ws)
    stored = reg.value("ua-1", "institution.phone")
    assert stored is not None and (stored["v"], stored["raw"]) == (
        "+49 211 5556667",
        "0211 5556667",
    )
    # journaled (and on disk) before the command said so: a rebuild makes the same register
    last = journal(ws)[-1]
    assert (last["op"], last["target"], last["note"]) == ("set", "ua-1", TELEFON)
    assert last["values"] == {"institution.phone": {"v": "+49 211 5556667", "raw": "0211 5556667"}}
    event = reg.history("ua-1")[-1]
    assert (event["op"], event["note"], event["rev"]) == ("set", TELEFON, stored["rev"])
    at = str(event["at"])

    code, out = register(ws, "history", "ua-1")
    assert code == 0
    revision = f"\nRevision {stored['rev']}  {moment_text(at, 'de')}  von Hand gesetzt: {TELEFON}\n"
    assert (
        revision + "  Einrichtung\n    Telefon (Zentrale): +49 211 7654321 → +49 211 5556667" in out
    )

    (row,) = [r for r in long_rows(ws, tmp_path) if (r["institution_id"], r["field"]) == ("ua-1", "phone")]  # fmt: skip
    # a phone number is no formula: no apostrophe before its "+"
    assert (row["value"], row["raw"], row["revision"]) == ("+49 211 5556667", "0211 5556667", str(stored["rev"]))  # fmt: skip
    assert (row["source_file"], row["ingested_at"]) == (f"set by hand: {TELEFON}", at)
    assert row["source_sha256"] == row["form_instance"] == row["reader"] == ""  # no file, no form
    (said,) = [
        r for r in long_rows(ws, tmp_path, "--labels") if (r["ID"], r["Feld"]) == ("ua-1", "Telefon (Zentrale)")
    ]  # fmt: skip
    assert (said["Datei"], said["eingelesen"]) == (f"von Hand gesetzt: {TELEFON}", moment_text(at, "de"))  # fmt: skip

    before = json.loads(ws.register_path.read_bytes())
    code, out = register(ws, "rebuild")
    assert code == 0, out
    assert json.loads(ws.register_path.read_bytes()) == before


def unconfirmed(ws: Workspace, tmp_path: Path, iid: str) -> dict[str, object]:
    """What each output says of whether ``iid``'s psychotherapie entry is the institution's own
    word: the XLSX table's column, how often the print says „nicht von der Einrichtung selbst
    bestätigt“, and whether the update list says it is unconfirmed."""
    xlsx = tmp_path / "register.xlsx"
    assert register(ws, "export", "--format", "xlsx", "--labels", "-o", str(xlsx))[0] == 0
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    head = [c.value for c in sheet[1]]
    (row,) = [
        dict(zip(head, r, strict=True))
        for r in sheet.iter_rows(min_row=2, values_only=True)
        if r[0] == iid and "PsychotherapeutIn" in str(r)
    ]
    text = printed(ws, tmp_path)
    code, stale = register(ws, "stale")
    assert code == 0
    listed = [line for line in stale.splitlines() if line.startswith(iid)]
    return {
        "xlsx": row["von der Einrichtung bestätigt"],
        "print": text.count("nicht von der Einrichtung selbst bestätigt"),
        "stale": any("unbestätigt" in line for line in listed),
    }


def test_a_value_set_by_hand_is_not_shown_as_confirmed_by_the_institution(
    ws: Workspace, tmp_path: Path
) -> None:
    """ua-1 returned its form: its entry is its own word („ja“, no mark, not on the update
    list). A new contact set by hand is the centre's word, as the XLSX Info sheet and the
    print's key say of a value „von Hand eingetragen“: „nein“, marked, on the update list;
    until the institution confirms it (here to the coordinator, register confirm)."""
    own = unconfirmed(ws, tmp_path, "ua-1")
    assert (own["xlsx"], own["stale"]) == ("ja", False)
    code, _ = register(
        ws, "set", "ua-1", "psychotherapie.contact_name", "Marek Nowak", "--note", LEFT
    )
    assert code == 0
    # the printed entry says it under its name, beside the key's own words
    marked = {"xlsx": "nein", "print": own["print"] + 1, "stale": True}
    assert unconfirmed(ws, tmp_path, "ua-1") == marked
    code, out = register(ws, "confirm", "ua-1", "--note", "telefonisch bestätigt, Herr Nowak")
    assert code == 0, out
    assert unconfirmed(ws, tmp_path, "ua-1") == own
    # an address set again to vouch for it (it bounced once) is the same value: still its own
    email = load(ws).value("ua-1", "institution.email")
    assert email is not None
    code, out = register(ws, "set", "ua-1", "institution.email", email["v"], "--note", TELEFON)
    assert code == 0 and "erneut gesetzt" in out, out
    assert "nicht mehr von der Einrichtung selbst bestätigt" not in out
    # a value removed by hand asserts nothing: the entry stays confirmed
    code, out = register(
        ws, "set", "ua-1", "psychotherapie.contact_email", "--clear", "--note", LEFT
    )
    assert code == 0 and "nicht mehr von der Einrichtung selbst bestätigt" not in out
    assert unconfirmed(ws, tmp_path, "ua-1")["xlsx"] == "ja"


def test_clear_removes_a_value_and_the_new_contact_survives_in_every_script(
    ws: Workspace, tmp_path: Path
) -> None:
    """Frau Kowalenko left: her name goes, her successor's comes, in Polish, Turkish, Cyrillic
    and Arabic letters as they were typed, into the register, the history, the export and
    the print."""
    code, out = register(ws, "set", "ua-1", "psychotherapie.contact_name", "--clear", "--note", LEFT)  # fmt: skip
    assert (code, out) == (
        0,
        f"ua-1 psychotherapie.contact_name: „Оксана Коваленко“ → (leer) (von Hand gesetzt: {LEFT})\n",
    )
    assert load(ws).value("ua-1", "psychotherapie.contact_name") is None
    assert journal(ws)[-1]["values"] == {"psychotherapie.contact_name": None}
    code, out = register(ws, "history", "ua-1")
    assert f"von Hand gesetzt: {LEFT}\n  PsychotherapeutIn, niedergelassen\n    Name der Ansprechperson: Оксана Коваленко → (leer)" in out  # fmt: skip
    assert "Оксана Коваленко" not in printed(ws, tmp_path)

    new = {
        ("ua-1", "psychotherapie.contact_name"): "Paweł Wiśniewski",
        ("ua-1", "psychotherapie.concepts"): "Консультації українською мовою",
        ("ar-1", "krisendienst.contact_name"): "سارة أحمد",
        ("ar-1", "krisendienst.contact_role"): "Danışman, Şule Yılmaz'ın yerine",
    }
    for (iid, path), value in new.items():
        code, out = register(ws, "set", iid, path, value, "--note", "Anruf Frau Öztürk")
        assert code == 0 and f"→ „{value}“ (von Hand gesetzt: Anruf Frau Öztürk)" in out, out
    rows = {(r["institution_id"], f"{r['category']}.{r['field']}"): r for r in long_rows(ws, tmp_path)}  # fmt: skip
    for key, value in new.items():
        assert rows[key]["value"] == value
        assert rows[key]["source_file"] == "set by hand: Anruf Frau Öztürk"
    text = printed(ws, tmp_path)
    for value in ("Paweł Wiśniewski", "Danışman, Şule Yılmaz'ın yerine", "Консультації"):
        assert value in text
    assert right_to_left("سارة أحمد") in text  # its letters as drawn, right to left

    import jsonschema

    from ingest.export import export_json_schema

    out_json = tmp_path / "register.json"
    assert register(ws, "export", "--format", "json", "-o", str(out_json))[0] == 0
    data = json.loads(out_json.read_text("utf-8"))
    jsonschema.validate(data, export_json_schema())
    (ar,) = [i for i in data["institutions"] if i["id"] == "ar-1"]
    assert ar["entries"]["krisendienst"]["contact_name"] == "سارة أحمد"


def test_languages_and_choices_are_taken_by_name_or_code_and_a_date_in_german(
    ws: Workspace,
) -> None:
    said = [
        ("psychotherapie.languages_offered", "Türkisch, pl, Arabisch, Klingonisch"),
        ("psychotherapie.migrant_experience", "ja"),
        ("psychotherapie.meeting_date", "3.2.26"),
        ("institution.region", "Rhein-Kreis Neuss (Neuss, Meerbusch)"),
    ]
    for path, value in said:
        assert register(ws, "set", "ua-1", path, value, "--note", TELEFON)[0] == 0, path
    reg = load(ws)
    stored = {path: reg.value("ua-1", path) for path, _ in said}
    assert stored["psychotherapie.languages_offered"]["v"] == ["tr", "pl", "ar"]  # type: ignore[index]
    other = reg.value("ua-1", "psychotherapie.languages_offered._other")
    assert other is not None and other["v"] == "Klingonisch"  # kept, as a return keeps it
    assert stored["psychotherapie.migrant_experience"]["v"] == "ja"  # type: ignore[index]
    assert stored["psychotherapie.meeting_date"]["v"] == "2026-02-03"  # type: ignore[index]
    assert stored["institution.region"]["v"] == "neuss_meerbusch"  # type: ignore[index]
    # a list is replaced whole: its "other" text goes with a list that names no other
    code, out = register(ws, "set", "ua-1", "psychotherapie.languages_offered", "uk", "--note", "x")
    assert code == 0
    assert "psychotherapie.languages_offered._other: „Klingonisch“ → (leer)" in out
    assert load(ws).value("ua-1", "psychotherapie.languages_offered._other") is None


FUTURE = (dt.date.today() + dt.timedelta(days=400)).strftime("%d.%m.%Y")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["ua-1", "institution.phone", "0211 55"],
            "Error: ua-1 institution.phone: '0211 55' is not a phone number (region DE); write "
            "one number with area code, e.g. 0211 1234567; nothing changed",
        ),
        (
            ["ua-1", "institution.phone", "0211 5556667 Fax 12"],  # a fax number, no extension
            "Error: ua-1 institution.phone: '0211 5556667 Fax 12' is not one phone number: it "
            "has words or a second number in it; write one number with area code, an extension "
            "after a hyphen (0211 123456-12), and a note such as 'main line' elsewhere; nothing "
            "changed",
        ),
        (
            ["ua-1", "institution.phone", "0211 5556667 / 0211 5556668"],
            "Error: ua-1 institution.phone: '0211 5556667 / 0211 5556668' is not one phone "
            "number: it has words or a second number in it;",
        ),
        (
            ["ua-1", "psychotherapie.meeting_date", "31.02.2026"],
            "Error: ua-1 psychotherapie.meeting_date: '31.02.2026' is not a day of the calendar",
        ),
        (
            ["ua-1", "psychotherapie.date", FUTURE],
            f"Error: ua-1 psychotherapie.date: '{FUTURE}' lies in the future",
        ),
        (
            ["ua-1", "psychotherapie.date", "24.11.62"],  # not 1962, nor 2062
            "Error: ua-1 psychotherapie.date: '24.11.62' has a two-digit year, and neither 2062 "
            "(in the future: today is",
        ),
        (
            ["ua-1", "institution.region", "Mond"],
            "Error: ua-1 institution.region: 'Mond' is not one of the choices: Düsseldorf, "
            "Rhein-Kreis Neuss (Neuss, Meerbusch), Dormagen",
        ),
        (
            ["ua-1", "institution.email", "olga(at)example.org"],
            "Error: ua-1 institution.email: 'olga(at)example.org' is not an e-mail address",
        ),
        (
            ["ua-1", "institution.fone", "0211 5556667"],
            "Error: 'institution.fone': Institution (institution) has no field 'fone' (did "
            "you mean institution.phone, 'Institution › Phone (main line)'?); its fields: name, "
            "traeger,",
        ),
        (
            ["ua-1", "psychoterapie.contact_name", "Nowak"],
            "Error: 'psychoterapie.contact_name': 'psychoterapie' is neither 'institution' nor a "
            "checklist of the schema (did you mean psychotherapie.contact_name, 'Psychotherapist in "
            "private practice › Name of the contact person'?); ua-1's entries: Psychotherapist in "
            "private practice (psychotherapie)",
        ),
        (
            ["ua-1", "facharzt.contact_name", "Nowak"],
            "Error: 'facharzt.contact_name': ua-1 has no entry in Medical specialist in private "
            "practice (facharzt); its entries: Psychotherapist in private practice "
            "(psychotherapie); a checklist's values come with its form: 'formgen generate pdf "
            "--institution ua-1 --category facharzt'",
        ),
        (
            ["ua-1", "psychotherapie.1.contact_name", "Nowak"],
            "Error: 'psychotherapie.1.contact_name' names no value (did you mean "
            "psychotherapie.contact_name, 'Psychotherapist in private practice › Name of the "
            "contact person'?): write institution.FIELD or CATEGORY.FIELD",
        ),
        (
            ["ua-1", "psychotherapie", "24.11.2026"],
            "Error: 'psychotherapie': the field is missing, write psychotherapie.FIELD; the "
            "fields of Psychotherapist in private practice: Catchment area (catchment_area), ",
        ),
        (
            ["inst-0999", "institution.phone", "0211 5556667"],
            "Error: no institution 'inst-0999' in the register",
        ),
        (
            ["ua-1", "institution.phone", "+49 211 7654321"],
            "Error: ua-1 institution.phone holds '0211 7654321' already; nothing changed",
        ),
        (
            ["ua-1", "psychotherapie.plans", "--clear"],
            "Error: ua-1 psychotherapie.plans holds no value already; nothing changed",
        ),
        (
            ["ua-1", "psychotherapie.plans", "Plan für Łódź. " * 700],
            "Error: ua-1 psychotherapie.plans: the value is 10,500 characters long, more than "
            "the 10,000 a value may have — shorten it; nothing changed\n",
        ),
    ],
    ids=[
        "phone",
        "phone-words",
        "two-phones",
        "impossible-day",
        "future-date",
        "two-digit-year",
        "choice",
        "email",
        "unknown-field",
        "unknown-checklist",
        "no-entry",
        "checklist-path",
        "checklist-no-field",
        "unknown-institution",
        "same",
        "clear-nothing",
        "too-long",
    ],
)
def test_what_cannot_be_set_is_refused_and_nothing_is_journaled(
    ws: Workspace, args: list[str], error: str
) -> None:
    """The coordinator is there to correct it: the reason as the ingest report words it (in
    an English workspace: the English, as before; a German one's below)."""
    english(ws)
    kept = ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()
    code, out = register(ws, "set", *args, "--note", TELEFON)
    assert code == 1 and out.startswith(error), out
    assert (ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()) == kept


def english(ws: Workspace) -> None:
    config = ws.root / CONFIG
    config.write_text(config.read_text("utf-8").replace('language = "de"', 'language = "en"'))


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["ua-1", "institution.phone", "0211 55"],
            "Fehler: ua-1 institution.phone: „0211 55“ ist keine gültige Telefonnummer; bitte eine "
            "einzelne Nummer mit Vorwahl eintragen, z.\u00a0B. 0211 1234567; nichts geändert\n",
        ),
        (
            ["ua-1", "institution.fone", "0211 5556667"],
            "Fehler: „institution.fone“: Einrichtung (institution) hat kein Feld „fone“ "
            "(gemeint: institution.phone, „Einrichtung › Telefon (Zentrale)“?); ihre Felder: "
            "name, traeger,",
        ),
        (
            ["ua-1", "psychoterapie.contact_name", "Nowak"],
            "Fehler: „psychoterapie.contact_name“: „psychoterapie“ ist weder „institution“ noch "
            "eine Checkliste des Schemas (gemeint: psychotherapie.contact_name, "
            "„PsychotherapeutIn, niedergelassen › Name der Ansprechperson“?); Einträge von ua-1: "
            "PsychotherapeutIn, niedergelassen (psychotherapie)\n",
        ),
        (
            ["ua-1", "facharzt.contact_name", "Nowak"],
            "Fehler: „facharzt.contact_name“: ua-1 hat keinen Eintrag in Fachärztin/-arzt, "
            "niedergelassen (facharzt); ihre Einträge: PsychotherapeutIn, niedergelassen "
            "(psychotherapie); die Werte einer Checkliste kommen mit ihrem Formular: 'formgen "
            "generate pdf --institution ua-1 --category facharzt'\n",
        ),
        (
            ["ua-1", "psychotherapie.1.contact_name", "Nowak"],
            "Fehler: „psychotherapie.1.contact_name“ bezeichnet keinen Wert (gemeint: "
            "psychotherapie.contact_name, „PsychotherapeutIn, niedergelassen › Name der "
            "Ansprechperson“?): institution.FELD oder CHECKLISTE.FELD schreiben",
        ),
        (
            ["ua-1", "psychotherapie", "24.11.2026"],
            "Fehler: „psychotherapie“: das Feld fehlt, psychotherapie.FELD schreiben; die Felder "
            "von PsychotherapeutIn, niedergelassen: Einzugsgebiet (catchment_area), "
            "Erfahrungen/Ressourcen vorhanden? (migrant_experience),",
        ),
        (
            ["ua-1", "institution", "0211 5556667"],
            "Fehler: „institution“: das Feld fehlt, institution.FELD schreiben; die Felder von "
            "Einrichtung: Name der Einrichtung (name), Träger (traeger),",
        ),
        (
            ["inst-0999", "institution.phone", "0211 5556667"],
            "Fehler: keine Einrichtung „inst-0999“ im Register",
        ),
        (
            ["ua-1", "psychotherapie.plans", "--clear"],
            "Fehler: ua-1 psychotherapie.plans hat schon keinen Wert; nichts geändert\n",
        ),
        (
            ["ua-1", "psychotherapie.plans", "Plan für Łódź. " * 700],
            "Fehler: ua-1 psychotherapie.plans: der Wert ist 10.500 Zeichen lang, mehr als die "
            "10.000, die ein Wert haben darf — bitte kürzen; nichts geändert\n",
        ),
        (
            ["ar-1", "institution.name", "\u202eordN ecivreS"],
            "Fehler: ar-1 institution.name: der Wert enthält \\u202e, ein Zeichen, das die "
            "Schreibrichtung des folgenden Texts umkehrt, sodass er anders erscheint als getippt: "
            "„\\u202eordN ecivreS“; bitte ohne es eingeben (arabische oder hebräische Schrift "
            "braucht es nicht); nichts geändert\n",
        ),
        (
            ["ua-1", "psychotherapie.contact_name", "Оксана\x01Коваленко"],
            "Fehler: ua-1 psychotherapie.contact_name: der Wert enthält das Steuerzeichen \\x01 "
            "(„Оксана\\x01Коваленко“), das kein Text ist und das kein Formular zeigt; bitte ohne "
            "es eingeben; nichts geändert\n",
        ),
    ],
    ids=[
        "phone",
        "unknown-field",
        "unknown-checklist",
        "no-entry",
        "checklist-path",
        "checklist-no-field",
        "institution-no-field",
        "unknown-institution",
        "clear-nothing",
        "too-long",
        "direction-override",
        "control-character",
    ],
)
def test_a_german_workspace_is_told_why_in_german(
    ws: Workspace, args: list[str], error: str
) -> None:
    kept = ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()
    code, out = register(ws, "set", *args, "--note", TELEFON)
    assert code == 1 and out.startswith(error), out
    assert (ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()) == kept


@pytest.mark.parametrize(
    "args",
    [
        ["ua-1", "institution.phone", "0211 5556667", "--clear", "--note", TELEFON],
        ["ua-1", "institution.phone", "--note", TELEFON],
        ["ua-1", "institution.phone", " ", "--note", TELEFON],
        ["ua-1", "institution.phone", "0211 5556667", "--note", "  "],
        ["ua-1", "institution.phone", "0211 5556667"],
    ],
    ids=["value-and-clear", "neither", "blank-value", "blank-note", "no-note"],
)
def test_misuse_exits_2_and_changes_nothing(ws: Workspace, args: list[str]) -> None:
    kept = (ws.root / "journal.jsonl").read_bytes()
    assert register(ws, "set", *args)[0] == 2
    assert (ws.root / "journal.jsonl").read_bytes() == kept


def test_a_retired_institution_is_set_only_with_force(ws: Workspace) -> None:
    assert register(ws, "retire", "ar-1", "--reason", "geschlossen")[0] == 0
    kept = (ws.root / "journal.jsonl").read_bytes()
    args = ("set", "ar-1", "krisendienst.contact_name", "Sara Nowak", "--note", TELEFON)
    code, out = register(ws, *args)
    assert code == 1 and out.startswith(
        f"Fehler: ar-1 ist aus dem Register genommen am {dt.date.today().strftime('%d.%m.%Y')} "
        "(geschlossen); nichts geändert — 'formgen register restore ar-1' nimmt die Einrichtung "
        "wieder auf, oder trotzdem mit --force den Wert setzen"
    ), out
    assert (ws.root / "journal.jsonl").read_bytes() == kept
    assert register(ws, *args, "--force")[0] == 0
    stored = load(ws).value("ar-1", "krisendienst.contact_name")
    assert stored is not None and stored["v"] == "Sara Nowak"


def test_a_form_sent_before_the_change_never_undoes_it_and_another_value_is_held(
    ws: Workspace, tmp_path: Path
) -> None:
    """The update form went out before the telephone call; it comes back untouched (only the
    initials), then once more with other values for the same fields."""
    update = mailed_form(ws, "ua-1", "r2").read_bytes()
    assert register(ws, "set", "ua-1", "institution.phone", "0211 5556667", "--note", TELEFON)[0] == 0  # fmt: skip
    code, _ = register(ws, "set", "ua-1", "psychotherapie.contact_email", "--clear", "--note", LEFT)  # fmt: skip
    assert code == 0
    untouched = tmp_path / "r2 unverändert.pdf"
    untouched.write_bytes(pdfium_fill(update, {"psychotherapie.initials": "ОП."}))
    (out,) = ingest_into_register([untouched], ws).outcomes
    assert out.merged == "merged-flagged, ua-1, 1 change", out.warnings  # the initials
    assert (
        "the register had changed since this form was made; other fields changed there, so "
        "both changes were kept"
    ) in out.warnings
    assert not [w for w in out.warnings if "left empty" in w]  # the register holds none
    reg = load(ws)
    assert reg.value("ua-1", "institution.phone")["v"] == "+49 211 5556667"  # type: ignore[index]
    assert reg.value("ua-1", "psychotherapie.contact_email") is None
    assert not reg.conflicts()

    other = tmp_path / "r2 anders.pdf"
    changed = {"institution.phone": "0211 1112223", "psychotherapie.contact_email": "neu@example.org"}  # fmt: skip
    other.write_bytes(pdfium_fill(update, changed))
    (out,) = ingest_into_register([other], ws).outcomes
    assert out.merged and out.merged.startswith("held"), out.merged
    held = {c["path"]: c for c in load(ws).conflicts()}
    assert set(held) == {"institution.phone", "psychotherapie.contact_email"}
    phone = held["institution.phone"]
    assert phone["reason_key"] == "held_both" and phone["mine"]["v"] == "+49 211 5556667"
    assert held["psychotherapie.contact_email"]["mine"] is None
    code, out = register(ws, "conflicts")
    assert code == 0 and "\n    im Register:    +49 211 5556667\n" in out, out
    said = next(line for line in out.splitlines() if f"von Hand gesetzt: {TELEFON}" in line)
    assert said.startswith(f"        von Hand gesetzt: {TELEFON}, ") and said.endswith(
        "; behalten: --take mine"
    ), said

    # a value held for a decision is not set by hand before it is decided
    kept = (ws.root / "journal.jsonl").read_bytes()
    cid = phone["id"]
    code, out = register(ws, "set", "ua-1", "institution.phone", "0211 4443332", "--note", "x")
    assert code == 1 and out.startswith(
        f"Fehler: ua-1 institution.phone: ein zurückgemeldeter Wert wartet als {cid} auf eine "
        f"Entscheidung; nichts geändert — erst entscheiden ('formgen register resolve {cid} "
        "--take mine|theirs'"
    ), out
    assert (ws.root / "journal.jsonl").read_bytes() == kept
    assert register(ws, "resolve", cid, "--take", "mine")[0] == 0
    assert register(ws, "set", "ua-1", "institution.phone", "0211 4443332", "--note", "x")[0] == 0

    before = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == before


def test_an_invalid_value_corrected_by_hand_is_quoted_apart_from_why_it_was_invalid(
    ws: Workspace, tmp_path: Path
) -> None:
    """ "viel" came back as the share of migrants; the coordinator asks and sets 40."""
    update = mailed_form(ws, "ua-1", "r2").read_bytes()
    vague = tmp_path / "Відповідь.pdf"
    vague.write_bytes(pdfium_fill(update, {"psychotherapie.share_migrants": "viel"}))
    ingest_into_register([vague], ws)
    code, out = register(ws, "set", "ua-1", "psychotherapie.share_migrants", "40 %", "--note", TELEFON)  # fmt: skip
    assert (code, out.splitlines()[0]) == (
        0,
        "ua-1 psychotherapie.share_migrants: „viel“  [ungültig: „viel“ ist keine gültige "
        "Prozentangabe; bitte eine ganze Zahl von 0 bis 100 eintragen, z.\u00a0B. 40 oder 40\u00a0%] → "
        f"„40“ (von Hand gesetzt: {TELEFON})",
    )


def test_a_first_round_form_sent_again_after_the_change_is_held_not_taken(
    ws: Workspace, tmp_path: Path
) -> None:
    """The invitation went out before the register knew the institution (its form prefilled
    from no revision). It came back, the coordinator corrected the phone number on the
    telephone, and then the same form comes back once more with another number: the number
    set by hand stays and the returned one waits for a decision."""
    invitation = mailed_form(ws, "ua-1", f"invitation-{dt.date.today().year}").read_bytes()
    assert register(ws, "set", "ua-1", "institution.phone", "0211 5556667", "--note", TELEFON)[0] == 0  # fmt: skip
    again = tmp_path / "Відповідь ще раз.pdf"
    again.write_bytes(pdfium_fill(invitation, {"institution.phone": "0211 1112223"}))
    (out,) = ingest_into_register([again], ws).outcomes
    assert out.merged and out.merged.startswith("held"), out.merged
    reg = load(ws)
    assert reg.value("ua-1", "institution.phone")["v"] == "+49 211 5556667"  # type: ignore[index]
    (held,) = reg.conflicts()
    assert held["path"] == "institution.phone" and held["theirs"]["v"] == "+49 211 1112223"


def test_a_value_left_empty_on_a_return_is_told_with_the_command_that_removes_it(
    ws: Workspace, tmp_path: Path
) -> None:
    update = mailed_form(ws, "ua-1", "r2").read_bytes()
    cleared = tmp_path / "Відповідь.pdf"
    cleared.write_bytes(pdfium_fill(update, {"psychotherapie.contact_email": ""}))
    (out,) = ingest_into_register([cleared], ws).outcomes
    (left,) = [w for w in out.warnings if "left empty" in w]
    told = 'formgen register set ua-1 psychotherapie.contact_email --clear --note "no longer true"'
    assert left == (
        "psychotherapie.contact_email: left empty on the form; the register keeps "
        f"'olga.p@example.org' — if it is no longer true: {told}"
    )
    code, said = register(ws, *hinted(left)[1:])  # run as told
    assert code == 0, said
    assert load(ws).value("ua-1", "psychotherapie.contact_email") is None


def test_an_address_removed_by_hand_is_not_taken_from_the_send_log_again(
    ws: Workspace, tmp_path: Path
) -> None:
    """Olga's address no longer works: the coordinator removes it from the register. A round of
    the register does not mail it again where the earlier mails went (the send log) but says
    why and what to do, and 'formgen status' counts ua-1 without an e-mail address; an address
    a mail reached after the removal (through a recipients list) is used again."""
    log = ws.root / "sendlog.jsonl"
    events = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    for e in events:  # the mails went out a minute before the telephone call
        e["at"] = (dt.datetime.fromisoformat(e["at"]) - dt.timedelta(minutes=1)).isoformat()
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    code, _ = register(ws, "set", "ua-1", "institution.email", "--clear", "--note", "Adresse tot")
    assert code == 0
    root = str(ws.root)
    out = run("mail", "--from-register", "--force", "-w", root, "--drafts", str(tmp_path / "d3"), "--round", "r3")  # fmt: skip
    (line,) = [line for line in out.splitlines() if "NICHT VERSANDT ua-1" in line]
    assert line == (
        "  NICHT VERSANDT ua-1 (Ольга Петренко – Консультація): keine E-Mail-Adresse (Register: ua-1); "
        "ihre Adresse, olga@example.org, wurde am "
        f"{dt.date.today():%d.%m.%Y} von Hand entfernt (Adresse tot); die neue eintragen: formgen register set "
        'ua-1 institution.email ADRESSE --note "neue Adresse"; bitte auf anderem Weg Kontakt aufnehmen'
    ), out
    assert not (tmp_path / "d3" / "ua-1.eml").exists()
    status = json.loads(run("status", "-w", root, "--json"))
    assert status["without_email"] == ["ua-1"]

    new = tmp_path / "neu.csv"
    new.write_text("id;institution;email;categories;region\nua-1;Ольга Петренко;olga.neu@example.org;psychotherapie;\n", "utf-8")  # fmt: skip
    run("mail", str(new), "--force", "-w", root, "--drafts", str(tmp_path / "d4"), "--round", "r4")
    out = run("mail", "--from-register", "--force", "-w", root, "--drafts", str(tmp_path / "d5"), "--round", "r5", "--dry-run")  # fmt: skip
    assert "<olga.neu@example.org> (Adresse aus Versandprotokoll: r4)" in out, out
    assert json.loads(run("status", "-w", root, "--json"))["without_email"] == []

    # the command the NOT MAILED line told runs as told, with the address in place of ADRESSE
    told = [a.replace("ADRESSE", "kontakt@petrenko.example") for a in hinted(line)]
    assert told[:2] == ["register", "set"]
    code, said = register(ws, *told[1:])
    assert code == 0, said
    out = run("mail", "--from-register", "--force", "-w", root, "--drafts", str(tmp_path / "d6"), "--round", "r6", "--dry-run")  # fmt: skip
    assert "ua-1 (Ольга Петренко – Консультація) <kontakt@petrenko.example>" in out, out


def test_a_name_typed_with_separate_accents_is_stored_as_readers_store_it(ws: Workspace) -> None:
    """A name typed on a Mac (or pasted from a PDF) may come with its accents as characters of
    their own (NFD); the register holds it as every reader gives a returned form's text
    (NFC), so „Öztürk“ typed either way is the same value, found by the same search."""
    decomposed = unicodedata.normalize("NFD", "Çiğdem Öztürk")
    assert decomposed != "Çiğdem Öztürk"
    typed = ("set", "ar-1", "krisendienst.contact_name", decomposed, "--note", LEFT)
    code, out = register(ws, *typed)
    assert code == 0, out
    stored = load(ws).value("ar-1", "krisendienst.contact_name")
    assert stored is not None and stored["v"] == stored["raw"] == "Çiğdem Öztürk"
    again = ("set", "ar-1", "krisendienst.contact_name", "Çiğdem Öztürk", "--note", LEFT)
    assert register(ws, *again) == (
        1,
        "Fehler: ar-1 krisendienst.contact_name enthält schon „Çiğdem Öztürk“; nichts geändert\n",
    )


def test_a_required_field_left_empty_on_a_form_says_the_register_keeps_its_value(
    ws: Workspace, tmp_path: Path
) -> None:
    """ua-1's form was made while the register held no region; a coordinator set it since. The
    form comes back with the region still empty: the ingest says the form left it empty and
    the register keeps „Düsseldorf“ (a blank never deletes), not that it is not filled in."""
    assert register(ws, "set", "ua-1", "institution.region", "--clear", "--note", "unklar")[0] == 0
    form = tmp_path / "ua-1.pdf"
    args = ("generate", "pdf", "--institution", "ua-1", "-w", str(ws.root), "--out", str(form))
    assert CliRunner().invoke(main, list(args)).exit_code == 0
    assert (
        register(ws, "set", "ua-1", "institution.region", "Düsseldorf", "--note", TELEFON)[0] == 0
    )
    back = tmp_path / "Rückmeldung ua-1.pdf"
    back.write_bytes(pdfium_fill(form.read_bytes(), {"institution.phone": "0211 5550999"}))
    out = CliRunner().invoke(main, ["ingest", str(back), "-w", str(ws.root)]).output
    lines = out.splitlines()
    assert (
        "    Einrichtung: Pflichtfeld „Versorgungsregion“ auf dem Formular leer "
        "gelassen; das Register behält „Düsseldorf“" in lines
    ), out
    assert "ist nicht ausgefüllt" not in "\n".join(x for x in lines if "region" in x)
    assert load(ws).value("ua-1", "institution.region")["v"] == "duesseldorf"
    (report,) = (ws.root / "exports").glob("ingest-*.txt")
    assert "das Register behält „Düsseldorf“" in report.read_text("utf-8")


@pytest.mark.parametrize(
    ("path", "held", "told", "again"),
    [
        ("psychotherapie.share_migrants", "ca. 90 %", "90", "90 %"),
        ("psychotherapie.share_migrants", "~90 %", "90", "90%"),
        ("psychotherapie.meeting_date", "ca. Jan 2026", "Jan 2026", "01.2026"),
        ("psychotherapie.meeting_date", "ab Jan. 2026", "01.2026", "Januar 2026"),
        ("psychotherapie.meeting_date", "01.2026", "Mitte Jan. 2026", "mid Jan 2026"),
    ],
)
def test_a_value_set_with_another_remark_is_a_change_and_said_so_otherwise_none(
    ws: Workspace, path: str, held: str, told: str, again: str
) -> None:
    """„ca. 90 %“ held, told „90“ on the telephone: the institution's exact word replaces its
    approximate one, as on a return (:meth:`ingest.register.Register.same`); so does a month
    told without „ca.“ or „ab“ (s23 H, item 5: „enthält schon „~90 %“; nichts geändert“).
    The same word said otherwise („90 %“ for „90“, „01.2026“ for „Jan 2026“) changes nothing."""
    assert register(ws, "set", "ua-1", path, held, "--note", TELEFON)[0] == 0
    code, out = register(ws, "set", "ua-1", path, told, "--note", TELEFON)
    assert (code, out.splitlines()[0]) == (
        0,
        f"ua-1 {path}: „{held}“ → „{told}“ (von Hand gesetzt: {TELEFON})",
    )
    stored = load(ws).value("ua-1", path)
    assert stored is not None and stored["raw"] == told
    assert register(ws, "set", "ua-1", path, again, "--note", TELEFON) == (
        1,
        f"Fehler: ua-1 {path} enthält schon „{told}“; nichts geändert\n",
    )


def test_languages_set_with_a_remark_in_brackets_are_shown_as_said(
    ws: Workspace, tmp_path: Path
) -> None:
    """„Arabisch (Syrisch), Arabisch (Marokkanisch)“ told on the telephone is Arabic, shown
    in the words told where people read it (s23 H, item 6: „Arabisch“ everywhere); one of
    the two taken back is a change, not „enthält schon“."""
    path, told = "psychotherapie.languages_offered", "Arabisch (Syrisch), Arabisch (Marokkanisch)"
    code, out = register(ws, "set", "ua-1", path, told, "--note", TELEFON)
    assert (code, out.splitlines()[0]) == (
        0,
        f"ua-1 {path}: „Ukrainisch“ → „{told}“ (von Hand gesetzt: {TELEFON})",
    )
    assert load(ws).value("ua-1", path)["v"] == ["ar"]  # type: ignore[index]
    assert told in " ".join(printed(ws, tmp_path).split())
    form = tmp_path / "ua-1.pdf"
    made = CliRunner().invoke(main, ["generate", "pdf", "--institution", "ua-1", "--out", str(form), "-w", str(ws.root)])  # fmt: skip
    assert made.exit_code == 0, made.output
    fields = pypdf.PdfReader(form).get_fields() or {}
    assert fields[f"{path}._other"]["/V"] == told
    assert fields[f"{path}.ar"]["/V"] == "/Yes"
    code, out = register(ws, "set", "ua-1", path, "Arabisch (Syrisch)", "--note", TELEFON)
    assert (code, out.splitlines()[0]) == (
        0,
        f"ua-1 {path}: „{told}“ → „Arabisch (Syrisch)“ (von Hand gesetzt: {TELEFON})",
    )
    assert register(ws, "set", "ua-1", path, "ar, Arabisch (Syrisch)", "--note", TELEFON) == (
        1,
        f"Fehler: ua-1 {path} enthält schon „Arabisch (Syrisch)“; nichts geändert\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["set", "ua-1", "institution.phone", "0211 5556667", "--note"],
        ["split", "ua-1", "--name", "Praxis Ольга Süd", "--note"],
        ["confirm", "ua-1", "--note"],
        ["merge", "ua-1", "ar-1", "--note"],
        ["retire", "ar-1", "--reason"],
    ],
    ids=["set", "split", "confirm", "merge", "retire"],
)
def test_a_note_with_a_control_character_or_an_override_is_refused_nothing_changed(
    ws: Workspace, args: list[str]
) -> None:
    """A note is kept in the histories as typed: the rule of the values it goes with
    (s23 H 11), said with the character and the note as escapes."""
    before = (ws.root / "journal.jsonl").read_bytes()
    code, said = register(ws, *args, "per Telefon \u202eälöK")
    assert code == 2, said
    assert (
        "„per Telefon \\u202eälöK“ enthält \\u202e, ein Zeichen, das die Schreibrichtung des "
        "folgenden Texts umkehrt" in " ".join(said.split())
    )
    code, said = register(ws, *args, "per Telefon\x01 Frau Öztürk")
    assert code == 2, said
    assert "„per Telefon\\x01 Frau Öztürk“ enthält das Steuerzeichen \\x01" in said
    assert (ws.root / "journal.jsonl").read_bytes() == before
    # a direction mark or a line break is text
    code, said = register(ws, *args, "لقاء\u200f هاتفي\nFrau Öztürk")
    assert code == 0, said


def test_an_address_whose_domain_mixes_scripts_is_set_as_typed_with_a_note(ws: Workspace) -> None:
    """„pѕz-duesseldorf.de“ with a Cyrillic ѕ is set as typed; a line names the letter (s23 H 11)."""
    typed = "info@p\u0455z-duesseldorf.de"
    code, said = register(ws, "set", "ua-1", "institution.email", typed, "--note", "per Telefon")
    assert code == 0, said
    assert "Hinweis: „info@p\u0455z-duesseldorf.de“: der Teil „p\u0455z-duesseldorf“" in said
    assert "U+0455 Cyrillic Small Letter Dze" in " ".join(said.split())
    assert load(ws).value("ua-1", "institution.email")["v"] == typed  # type: ignore[index]
    code, said = register(ws, "set", "ar-1", "institution.email", "info@дом.example", "--note", "x")
    assert code == 0 and "Hinweis" not in said, said
