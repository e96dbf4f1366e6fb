"""``formgen register …`` from the command line: outputs, exit codes, messages."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import importlib.util
import io
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import openpyxl
import pdfplumber
import pytest
from click.testing import CliRunner
from ingest_support import reworded, sample_workspace
from register_support import YILMAZ, Bad, checklist, institution_form, local_zone, switch_schema
from workspace_faults import refuse_writes

from formgen.cli import main
from formgen.identity import reference
from formgen.messages import moment_text, problem, say
from formgen.workspace import Workspace
from ingest import values
from ingest.journal import load, writing


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    with writing(ws) as w:
        w.merge(
            checklist(
                "psychotherapie",
                YILMAZ,
                {"name": "Ольга Петренко", "region": "dormagen", "date": "2023-01-01"},
            )
        )
        w.merge(institution_form("inst-0001", base=1, phone="+49 211 999999"))
        w.merge(institution_form("inst-0001", base=1, phone="+49 211 555555"))
    return ws


def run(ws: Workspace, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["register", *args, "--workspace", str(ws.root)])
    return result.exit_code, result.output


def test_every_register_command_has_help_and_a_readme_row() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    from formgen.cli.register import register

    for name, cmd in register.commands.items():
        assert cmd.help, f"register {name} has no help"
        assert f"`formgen register {name}" in readme or f"register {name}" in readme, name


def test_history(ws: Workspace) -> None:
    code, out = run(ws, "history", "inst-0001")
    assert code == 0
    assert "Revision 2" in out and "Telefon (Zentrale): +49 211 123456 → +49 211 999999" in out
    code, out = run(ws, "history", "inst-0999")
    assert code == 1 and "Fehler: keine Einrichtung „inst-0999“ im Register" in out


# "Frau Öztürk" typed in a terminal set to Windows-1252: Python hands over its bytes 0xD6 and
# 0xFC, which are not UTF-8, as the lone surrogates U+DCD6 and U+DCFC
SENT_AS_1252 = "per Telefon, Frau \udcd6zt\udcfcrk"


@pytest.mark.parametrize(
    ("args", "param"),
    [
        (["set", "inst-0001", "institution.name", SENT_AS_1252, "--note", "x"], "[VALUE]"),
        (
            ["set", "inst-0001", "institution.name", "Praxis Öztürk", "--note", SENT_AS_1252],
            "--note",
        ),
        (["confirm", "inst-0001", "--note", SENT_AS_1252], "--note"),
        (["retire", "inst-0001", "--reason", SENT_AS_1252], "--reason"),
        (["erase", "inst-0001", "institution.name", "--note", SENT_AS_1252, "--yes"], "--note"),
        (["import", "list.csv", "--note", SENT_AS_1252], "--note"),
    ],
    ids=["set-value", "set-note", "confirm", "retire", "erase", "import"],
)
def test_text_a_terminal_sent_in_windows_1252_is_refused_not_a_crash(
    ws: Workspace, args: list[str], param: str, tmp_path: Path
) -> None:
    """No file can store a lone surrogate: it crashed writing the journal."""
    listed = tmp_path / "list.csv"
    listed.write_text("name,category,region\nPraxis Öztürk,psychotherapie,dormagen\n", "utf-8")
    kept = ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()
    code, out = run(ws, *[str(listed) if a == "list.csv" else a for a in args])
    assert code == 2, out
    assert (
        f"Fehler: Ungültiger Wert für '{param}': „per Telefon, Frau \\udcd6zt\\udcfcrk“ enthält "
        "U+DCD6, ein halbes Zeichen (ein einzelnes Surrogat), also keinen Text; das Terminal hat "
        "es in einer anderen Kodierung als UTF-8 gesendet (als Windows-1252 gelesen: „per "
        "Telefon, Frau Öztürk“); bitte das Terminal auf UTF-8 stellen und es noch einmal eingeben"
    ) in " ".join(out.split())
    assert (ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()) == kept


def _lines_under(out: str, heading: str) -> list[str]:
    """The change lines of the first revision under ``heading`` (a checklist's name)."""
    lines = out.splitlines()
    start = lines.index(f"  {heading}") + 1
    end = next((n for n in range(start, len(lines)) if not lines[n].startswith("    ")), len(lines))
    return lines[start:end]


def test_history_speaks_in_the_labels_of_the_form_and_the_printed_register(
    tmp_path: Path,
) -> None:
    """A coordinator reads 'Versorgungsregion: Dormagen', not 'institution.region: dormagen'."""
    ws = Workspace.init(tmp_path / "ws")
    with writing(ws) as w:
        w.merge(
            checklist(
                "psychotherapie",
                {
                    **YILMAZ,
                    "name": "Praxis Ольга Петренко",
                    "region": "dormagen",
                    "migrant_experience": "fehlanzeige",
                    "languages_offered": ["fa", "uk"],
                    "date": "2025-09-24",
                },
            )
        )
    code, out = run(ws, "history", "inst-0001")
    assert code == 0
    assert "Formular FG-" in out  # the reference printed on the form, not the bare instance id
    institution = _lines_under(out, "Einrichtung")
    assert "    Name der Einrichtung: (leer) → Praxis Ольга Петренко" in institution
    assert "    Versorgungsregion: (leer) → Dormagen" in institution
    entry = _lines_under(out, "PsychotherapeutIn, niedergelassen")
    assert "    Erfahrungen/Ressourcen vorhanden?: (leer) → Fehlanzeige" in entry
    assert "    Fremdsprachliche Kenntnisse im Team: (leer) → Persisch (Farsi), Ukrainisch" in entry
    assert "    Datum: (leer) → 24.09.2025" in entry
    assert "    Name der Ansprechperson: (leer) → Şule Yılmaz" in entry
    assert "institution." not in out and "psychotherapie" not in out

    # The centre renames its regions: a value without a label any more is shown as stored.
    with open(ws.root / "workspace.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[[regions]]\nvalue = "neuss"\nde = "Neuss"\nen = "Neuss"\n')
    code, out = run(ws, "history", "inst-0001")
    assert code == 0 and "    Versorgungsregion: (leer) → dormagen" in out

    code, out = run(ws, "history", "inst-0001", "--json")
    (rev,) = json.loads(out)  # machines keep the paths and stored values
    changes = {path: (old, new) for path, old, new in rev["changes"]}
    assert changes["institution.region"][0] is None
    assert changes["institution.region"][1]["v"] == "dormagen"


def test_history_keeps_each_value_of_several_lines_under_its_first_line(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", {**YILMAZ, "opening_hours": "Mo 9–12\nDi 14–18"}))
        w.merge(institution_form("inst-0001", base=1, opening_hours="Пн 9–12\nВт 14–18"))
    code, out = run(ws, "history", "inst-0001")
    assert code == 0
    lines = out.splitlines()
    n = lines.index("    Öffnungszeiten: Mo 9–12")
    assert lines[n + 1] == " " * len("    Öffnungszeiten: ") + "Di 14–18 → Пн 9–12"
    assert lines[n + 2] == " " * len("    Öffnungszeiten: Di 14–18 → ") + "Вт 14–18"


def test_conflicts_and_resolve(ws: Workspace) -> None:
    code, out = run(ws, "conflicts")
    assert code == 0 and "c-0001" in out and "\n        aus return-" in out
    code, out = run(ws, "resolve", "c-0001")
    assert code == 2 and (
        "Fehler: ein Konflikt braucht --take mine (den Wert im Register behalten) oder --take "
        "theirs (den zurückgemeldeten oder importierten übernehmen)\n" in out
    )
    code, out = run(ws, "resolve", "c-0001", "--take", "theirs")
    assert code == 0 and out.startswith("entschieden (zurückgemeldeten Wert übernommen): c-0001  ")
    assert load(ws).institutions["inst-0001"]["institution"]["phone"]["v"] == "+49 211 555555"
    code, out = run(ws, "conflicts")
    assert "nichts wartet auf eine Entscheidung" in out
    code, out = run(ws, "resolve", "c-0001", "--take", "mine")
    taken = "Fehler: c-0001 ist schon entschieden: der zurückgemeldete Wert wurde übernommen"
    assert code == 1 and taken in out


def test_conflicts_say_why_each_value_waits(ws: Workspace, tmp_path: Path) -> None:
    """A coordinator decides a held value knowing why it was held: changed on both sides since
    the form was made, or read from a copy without form fields (a Word form LibreOffice 7.4
    saved, read from its tables), which never replaces a value read from form fields."""
    code, out = run(ws, "conflicts")
    assert code == 0 and (
        "\n    zurückgemeldet: " in out
        and "\n    Grund: im Register und in dieser Rückmeldung geändert, seit das Formular mit "
        "dem Stand des Registers vorausgefüllt wurde\n"
        in out
    )

    samples = Path(__file__).parent.parent / "samples"
    copy = tmp_path / "beispiele"
    words = sample_workspace(copy)
    result = CliRunner().invoke(
        main, ["ingest", str(samples / "docx" / "lo252-checklist.docx"), "-w", str(copy)]
    )
    assert result.exit_code == 0, result.output
    other = tmp_path / "lo74-checklist.docx"
    other.write_bytes(reworded((samples / "docx" / "lo74-checklist.docx").read_bytes()))
    result = CliRunner().invoke(main, ["ingest", str(other), "-w", str(copy)])
    assert result.exit_code == 0 and ", teils zurückgestellt, " in result.output
    # the reports keep every warning, in the workspace's language
    said = "".join(r.read_text("utf-8") for r in (copy / "exports").glob("ingest-*.txt"))
    assert "printed or flattened" not in said
    assert (
        "aus einer Kopie ohne Formularfelder gelesen (ein gedrucktes PDF nach der Lage der "
        "Werte; ein Word-Formular, das LibreOffice 7.4 gespeichert hat oder das als PDF oder "
        ".odt kam, aus seinen Tabellen); so gelesen ersetzt ein Wert nie von selbst einen aus "
        "Formularfeldern gelesenen; zurückgestellt als c-0001"
    ) in said
    code, out = run(words, "conflicts")
    held = [block for block in out.split("\nc-") if "\n    zurückgemeldet: " in block]
    assert code == 0 and len(held) == len(load(words).conflicts()) >= 3
    for block in held:
        assert (
            "\n    Grund: aus einer Kopie ohne Formularfelder gelesen (ein gedrucktes PDF " in block
        )


def test_duplicates_resolve(ws: Workspace) -> None:
    with writing(ws) as w:
        w.merge(
            checklist(
                "psychotherapie",
                dict(YILMAZ, name="Praxis Şule Yılmaz-Demir", postcode="1", phone=""),
            )
        )
    code, out = run(ws, "conflicts", "--json")
    assert code == 0 and json.loads(out)["duplicates"][0]["candidate"] == "inst-0001"
    code, out = run(ws, "resolve", "d-0001", "--new")
    assert code == 0 and "d-0001: als inst-0003 neu angelegt" in out


def test_stale_gaps_and_update_list(ws: Workspace, tmp_path: Path) -> None:
    code, out = run(
        ws, "stale", "--today", "2026-11-22", "--records", str(tmp_path / "update.json")
    )
    assert code == 0 and "Ольга Петренко" in out and "veraltet" in out
    records = json.loads((tmp_path / "update.json").read_text("utf-8"))
    assert {r["id"] for r in records} == {"inst-0002"}
    code, out = run(ws, "stale", "--json", "--today", "2026-11-22")
    assert json.loads(out)[0]["reasons"] == ["stale", "missing", "unconfirmed"]
    # judged as of a day to come, it points to the round that asks for what is stale by then
    ahead = (dt.date.today() + dt.timedelta(days=800)).isoformat()
    code, out = run(ws, "stale", "--today", ahead)
    assert code == 0 and out.endswith(
        f"Einrichtungen auf der Aktualisierungsliste, anzuschreiben mit\n"
        f"→ formgen mail --stale --stale-by {ahead} --drafts ORDNER (oder --send)\n"
    ), out
    code, out = run(ws, "gaps", "--category", "psychotherapie")
    assert code == 0 and "Rhein-Kreis Neuss" in out and "kein Eintrag" in out
    code, out = run(ws, "gaps", "--category", "astrologie")
    assert code == 1 and "unbekannte Checkliste „astrologie“" in out
    code, out = run(ws, "stale", "--today", "gestern")
    assert code == 2 and "ist kein gültiges Datum" in out


def test_export_formats(ws: Workspace, tmp_path: Path) -> None:
    code, out = run(
        ws, "export", "--format", "csv", "--delimiter", ";", "-o", str(tmp_path / "r.csv")
    )
    assert code == 0 and "2 Einrichtungen" in out
    # Excel and Calc read a CSV's 04109 as the number 4109; no CSV can tell them it is text
    spreadsheet = "für Excel oder LibreOffice Calc: --format xlsx (sie lesen die Postleitzahl "
    assert spreadsheet in out
    comma = "ihre Werte sind durch „,“ getrennt: ein deutsch eingestelltes Excel zeigt jede "
    assert comma not in out
    code, out = run(ws, "export", "--format", "csv", "--delimiter", ",", "-o", str(tmp_path / "c"))
    assert code == 0 and f"{comma}Zeile in einer Spalte; dafür: --delimiter ';'" in out
    rows = list(
        csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig")), delimiter=";")
    )
    assert rows[0]["name"] == "Praxis Şule Yılmaz"
    code, out = run(ws, "export", "--format", "json", "--no-personal")
    assert code == 0 and "ohne personenbezogene Daten" in out and spreadsheet not in out
    (path,) = ws.exports_dir.glob("register-*.json")
    assert "contact_name" not in path.read_text("utf-8")
    code, _ = run(ws, "export", "--format", "xlsx")
    assert code == 0 and list(ws.exports_dir.glob("register-*.xlsx"))
    # the table for partners is named so, as the print is: the full one is never replaced by
    # it, nor taken for it
    today = dt.date.today().isoformat()
    for args, name in (
        (("--format", "xlsx"), f"register-{today}-ohne-personen.xlsx"),
        (("--format", "csv", "--labels"), f"register-{today}-wide-beschriftet-ohne-personen.csv"),
        (("--format", "json"), f"register-{today}-ohne-personen.json"),
    ):
        code, out = run(ws, "export", *args, "--no-personal")
        bare = ws.exports_dir / name
        assert code == 0 and out.startswith(f"{bare}: ") and bare.exists(), out
    code, _ = run(ws, "export", "--format", "json")  # the full one beside it
    assert "contact_name" in (ws.exports_dir / f"register-{today}.json").read_text("utf-8")
    assert "contact_name" not in path.read_text("utf-8")
    code, out = run(ws, "export", "--format", "ods")
    assert code == 2


def exported(ws: Workspace, *args: str) -> Path:
    """``register export ARGS``: the file it says it wrote."""
    code, out = run(ws, "export", *args)
    assert code == 0, out
    return Path(out.split(": ")[0])


def header_of(path: Path) -> list[str]:
    """The header of an exported table (of an XLSX, its first sheet's)."""
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        return [str(c) for c in next(sheet.values)]
    text = path.read_text("utf-8-sig")
    return next(csv.reader(io.StringIO(text), delimiter=";" if ";" in text else ","))


def test_a_labelled_export_is_named_so_and_never_replaces_the_table_for_programs(
    ws: Workspace,
) -> None:
    """The table for people (--labels: names, in the language of its labels) and the one for
    programs (ids and codes) of the same day are two files, as the table without personal data
    is a third: none replaces another; the same export made again replaces only itself."""
    today = dt.date.today().isoformat()
    plain_csv = exported(ws, "--format", "csv")
    labelled_csv = exported(ws, "--format", "csv", "--labels")
    english_csv = exported(ws, "--format", "csv", "--labels", "--lang", "en")
    plain_xlsx = exported(ws, "--format", "xlsx")
    labelled_xlsx = exported(ws, "--format", "xlsx", "--labels")
    again = exported(ws, "--format", "csv", "--labels")

    assert plain_csv.name == f"register-{today}-wide.csv"
    assert labelled_csv.name == f"register-{today}-wide-beschriftet.csv" == again.name
    assert english_csv.name == f"register-{today}-wide-labels.csv"
    assert plain_xlsx.name == f"register-{today}.xlsx"
    assert labelled_xlsx.name == f"register-{today}-beschriftet.xlsx"
    # read back after all of them: each file holds its own table
    for path in (plain_csv, plain_xlsx):
        assert header_of(path)[:3] == ["institution_id", "revision", "category"]
    for path in (labelled_csv, labelled_xlsx):
        assert header_of(path)[:4] == ["ID", "Revision", "Checkliste", "Name der Einrichtung"]
    assert header_of(english_csv)[:4] == ["id", "revision", "category", "Name of the institution"]


def test_find(ws: Workspace) -> None:
    code, out = run(
        ws, "find", "--category", "psychotherapie", "--region", "duesseldorf", "--language", "Farsi"
    )
    assert code == 0 and "inst-0001  Praxis Şule Yılmaz" in out and "1 Eintrag" in out
    code, out = run(ws, "find", "--language", "Klingonisch")
    assert code == 1 and "Fehler: unbekannte Sprache „Klingonisch“; bitte einen ISO-Code" in out


def test_find_as_a_coordinator_at_the_phone_asks(ws: Workspace) -> None:
    """Several words, several languages, a number from a letterhead, a town for a region and a
    typo: each finds what is meant or says how; each entry with its town and phone."""
    with writing(ws) as w:
        centre = {"name": "مركز الاستشارة النفسية", "city": "Köln", "region": "andere"}
        w.merge(checklist("krisendienst", {**centre, "languages_offered": ["ar", "ckb"]}))
    code, out = run(ws, "find", "Düsseldorf", "yilmaz")  # the words in any order
    assert code == 0 and "inst-0001  Praxis Şule Yılmaz" in out and out.endswith("\n1 Eintrag\n")
    code, out = run(ws, "find", "--language", "Kurdisch", "--language", "Persisch", "--json")
    found = {h["name"]: h for h in json.loads(out)}
    assert set(found) == {"Praxis Şule Yılmaz", "مركز الاستشارة النفسية"}, out
    assert (found["Praxis Şule Yılmaz"]["city"], found["Praxis Şule Yılmaz"]["phone"]) == (
        "Düsseldorf",
        "+49 211 999999",
    )
    assert found["مركز الاستشارة النفسية"]["phone"] == ""
    code, out = run(ws, "find", "+49", "(0)211", "999999")
    assert code == 0 and "Praxis Şule Yılmaz" in out and out.endswith("\n1 Eintrag\n")
    code, out = run(ws, "find", "--region", "Köln")
    assert code == 1 and out.endswith(
        "\n„Köln“ steht in einem Eintrag (ein Ort?); die Textsuche findet ihn: "
        "formgen register find Köln\n"
    ), out
    code, out = run(ws, "find", "--language", "Arabsch")
    assert code == 1 and "unbekannte Sprache „Arabsch“ (gemeint: „Arabisch“?); bitte" in out
    for typo, meant in (("Farsy", "Persisch (Farsi)"), ("Pahstu", "Paschtu"), ("Urdo", "Urdu")):
        code, out = run(ws, "find", "--language", typo)
        assert code == 1 and f"unbekannte Sprache „{typo}“ (gemeint: „{meant}“?)" in out, out
    # in 80 columns the town, the phone and the languages go under the row, whole
    narrow = (
        CliRunner()
        .invoke(main, ["register", "find", "-w", str(ws.root)], env={"COLUMNS": "80"})
        .output
    )
    assert "\n           Ort · Telefon · Sprachen\n" in narrow, narrow
    assert "\n           Düsseldorf · +49 211 999999 · Persisch (Farsi), Türkisch\n" in narrow
    assert "\n           Köln · — · Arabisch, Sorani (Zentralkurdisch)\n" in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 80


def test_a_variety_finds_the_entries_that_name_only_its_language_marked(ws: Workspace) -> None:
    """„Sorani“ finds the entries that say Sorani, and those that say only „Kurdisch“ (in the
    list or the other text), marked as the wider term: which Kurdish, they do not say."""
    with writing(ws) as w:
        for name, offered in (
            ("Beratung Hewlêr", {"languages_offered": ["ckb"]}),
            ("Zentrum Amed", {"languages_offered": ["ku", "tr"]}),
            ("Praxis Qamişlo", {"languages_offered": ["kmr"]}),
            ("Dienst Kobanê", {"languages_offered._other": "Kurdisch"}),
        ):
            w.merge(checklist("krisendienst", {"name": name, "region": "andere", **offered}))
    code, out = run(ws, "find", "--language", "Sorani", "--json")
    found = {h["name"]: h["wider"] for h in json.loads(out)}
    assert found == {"Beratung Hewlêr": [], "Zentrum Amed": ["ku"], "Dienst Kobanê": ["ku"]}
    code, out = run(ws, "find", "--language", "Sorani")
    assert code == 0 and "Kurdisch*, Türkisch" in out and "Sorani (Zentralkurdisch)\n" in out
    assert out.endswith(
        "\n3 Einträge\n* Kurdisch: nur der weitere Begriff genannt, nicht welche Sprache davon\n"
    ), out
    code, out = run(ws, "find", "--language", "Kurdisch")  # the wider: all four, none marked
    assert code == 0 and "4 Einträge" in out and "*" not in out


def test_languages_named_in_turkish_are_found_by_their_names(ws: Workspace) -> None:
    """„Kürtçe, Arapça“ typed under other languages on a returned form stayed text that
    ``--language Arabic`` did not read: a Turkish-speaking institution was not found."""
    with writing(ws) as w:
        block = {"name": "Şefkat Danışmanlık", "region": "andere"}
        w.merge(checklist("krisendienst", {**block, "languages_offered._other": "Kürtçe, Arapça"}))
    for asked in ("Arabic", "ar", "Kurdisch", "Arapça"):
        code, out = run(ws, "find", "--language", asked, "--json")
        assert code == 0 and [h["name"] for h in json.loads(out)] == ["Şefkat Danışmanlık"], out
    code, out = run(ws, "find", "--language", "Russian", "--json")
    assert code == 0 and "Şefkat" not in out, out


def in_language(ws: Workspace, lang: str) -> Workspace:
    """``ws`` with ``[centre] language = lang`` in its configuration."""
    path = ws.root / "workspace.toml"
    text = path.read_text("utf-8")
    assert 'language = "de"' in text
    path.write_text(text.replace('language = "de"', f'language = "{lang}"', 1), "utf-8")
    return Workspace.open(ws.root)


WORDS = {
    "de": {
        "category": "PsychotherapeutIn, niedergelassen",
        "invalid": "ungültig (Anteil der Klientel mit Migrationsgeschichte (%))",
        "missing": "fehlt (Datum, Handzeichen)",
        "phone": "Einrichtung › Telefon (Zentrale)",
        "one": "1 Eintrag",
        "blank": "(leer)",
        "why": "ungültig",
    },
    "en": {
        "category": "Psychotherapist in private practice",
        "invalid": "invalid (Share of clients with a migration history (%))",
        "missing": "missing (Date, Initials)",
        "phone": "Institution › Phone (main line)",
        "one": "1 entry",
        "blank": "(blank)",
        "why": "invalid",
    },
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lists_name_checklists_and_fields_in_the_workspace_language(
    tmp_path: Path, lang: str
) -> None:
    """A coordinator reads 'missing (Datum, Handzeichen)', not 'missing (date, initials)';
    --json keeps the ids for machines."""
    ws = in_language(Workspace.init(tmp_path / "ws"), lang)
    typed = {k: v for k, v in YILMAZ.items() if k not in ("date", "initials")}
    with writing(ws) as w:
        w.merge(
            checklist(
                "psychotherapie", {**typed, "share_migrants": values.parse_percentage("viel")}
            )
        )
        w.merge(institution_form("inst-0001", base=1, phone="+49 211 999999"))
        w.merge(institution_form("inst-0001", base=1, phone="+49 211 555555"))
    words = WORDS[lang]
    code, out = run(ws, "stale")
    assert code == 0 and words["invalid"] in out and words["missing"] in out
    assert f"  {words['category']}  " in out and "share_migrants" not in out
    code, out = run(ws, "stale", "--json")
    assert json.loads(out)[0]["invalid"] == ["share_migrants"]
    assert json.loads(out)[0]["category"] == "psychotherapie"
    code, out = run(ws, "conflicts")
    assert code == 0 and f"inst-0001 Praxis Şule Yılmaz  {words['phone']}\n" in out
    assert "institution.phone" not in out
    code, out = run(ws, "find")
    assert code == 0 and f"  {words['category']}  Düsseldorf  " in out
    code, out = run(ws, "find", "--json")
    assert json.loads(out)[0]["category"] == "psychotherapie"
    code, out = run(ws, "find", "--category", words["category"].upper())
    assert code == 0 and words["one"] in out
    code, out = run(ws, "stale", "--region", "mars")
    assert code == 1 and f"  andere: {'Andere Region' if lang == 'de' else 'Other region'}\n" in out


@pytest.mark.parametrize(
    ("lang", "why"),
    [
        ("de", "[ungültig: „viel“ ist keine gültige Prozentangabe; bitte eine ganze Zahl"),
        ("en", "[invalid: 'viel' is not a percentage; write a whole number from 0 to 100"),
    ],
)
def test_history_says_why_a_value_is_invalid_in_the_workspace_language(
    tmp_path: Path, lang: str, why: str
) -> None:
    """As the printed register does; a reason stored as English text only (an older formgen)
    stays as stored."""
    ws = in_language(Workspace.init(tmp_path / "ws"), lang)
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.merge(
            institution_form(
                "inst-0001",
                base=1,
                share_migrants=values.parse_percentage("viel"),
                postcode=Bad("4O212", "an old reason"),
            )
        )
    code, out = run(ws, "history", "inst-0001")
    assert code == 0
    words = WORDS[lang]
    label = words["invalid"].removeprefix(f"{words['why']} (")[:-1]
    assert f"    {label}: {words['blank']} → viel  {why}" in out
    assert f"→ 4O212  [{words['why']}: an old reason]" in out


SAID = {
    "de": {
        "stale_header": ["ID", "Name", "Checkliste", "Region", "bestätigt", "Grund"],
        "stale_row": "  Dormagen  01.01.2023  veraltet (1421 Tage > 365), fehlt "
        "(Erfahrungen/Ressourcen vorhanden?, Handzeichen), unbestätigt",
        "update_list": "1 Einrichtung auf der Aktualisierungsliste, anzuschreiben mit\n"
        "→ formgen mail --stale --drafts ORDNER (oder --send)",
        "gaps_header": ["Checkliste", "Region", "Lücke"],
        "gap": "  Rhein-Kreis Neuss (Neuss, Meerbusch)  kein Eintrag",
        "gaps": "1 Lücke: 1 ohne Eintrag, 0 nur mit Fehlanzeige",
        "find_header": ["ID", "Name", "Checkliste", "Region", "Ort", "Telefon", "Sprachen"],
        "languages": "  Düsseldorf  Düsseldorf  +49 211 999999  Persisch (Farsi), Türkisch",
        "count": "2 Einträge",
        "no_match": "kein Eintrag passt",
        "conflict": "    im Register:    +49 211 999999\n"
        "        aus {mine}, Formular der Einrichtung {mine_form}, eingelesen {mine_at}; "
        "behalten: --take mine\n"
        "    zurückgemeldet: +49 211 555555\n"
        "        aus {theirs}, Formular der Einrichtung {theirs_form}, vorausgefüllt mit dem "
        "Stand des Registers in Revision 1, eingelesen {theirs_at}; übernehmen: --take theirs\n",
        "duplicate": "d-0001  „Praxis Şule Yılmaz-Demir“ (PsychotherapeutIn, niedergelassen) "
        "ähnelt inst-0001 „Praxis Şule Yılmaz“: ",
        "decide": "entscheiden mit:\n  formgen register resolve c-NNNN --take mine (den Wert "
        "im Register behalten) oder --take theirs (den zurückgemeldeten oder importierten "
        "übernehmen)\n  formgen register resolve d-NNNN --merge",
        "now": "inst-0001  Praxis Şule Yılmaz  (Revision 2)",
        "revision": "Revision 2  {at:%d.%m.%Y %H:%M} UTC  eingelesen  aus {file} "
        "[acroform-pdf, Formular FG-",
        "blank": "    Telefon (Zentrale): (leer) → +49 211 123456",
    },
    "en": {
        "stale_header": ["id", "name", "category", "region", "confirmed", "why"],
        "stale_row": "  Dormagen  2023-01-01  stale (1421 d > 365), missing "
        "(Experience/resources available?, Initials), unconfirmed",
        "update_list": "1 institution on the update list, to be mailed with\n"
        "→ formgen mail --stale --drafts DIR (or --send)",
        "gaps_header": ["category", "region", "gap"],
        "gap": "  Rhein-Kreis Neuss (Neuss, Meerbusch)  no entry",
        "gaps": "1 gap: 1 with no entry, 0 with only 'None available'",
        "find_header": ["id", "name", "category", "region", "town", "phone", "languages"],
        "languages": "  Düsseldorf  Düsseldorf  +49 211 999999  Persian (Farsi), Turkish",
        "count": "2 entries",
        "no_match": "no entry matches",
        "conflict": "    in the register: +49 211 999999\n"
        "        from {mine}, the institution's form {mine_form}, read in {mine_at}; "
        "keep it: --take mine\n"
        "    returned:        +49 211 555555\n"
        "        from {theirs}, the institution's form {theirs_form}, prefilled with what the "
        "register held at revision 1, read in {theirs_at}; take it: --take theirs\n",
        "duplicate": "d-0001  'Praxis Şule Yılmaz-Demir' (Psychotherapist in private practice) "
        "looks like inst-0001 'Praxis Şule Yılmaz': ",
        "decide": "decide with:\n  formgen register resolve c-NNNN --take mine (keep the value "
        "in the register) or --take theirs (take the returned or imported one)\n  formgen "
        "register resolve d-NNNN --merge",
        "now": "inst-0001  Praxis Şule Yılmaz  (revision 2)",
        "revision": "revision 2  {at:%Y-%m-%d %H:%M} UTC  merge  from {file} "
        "[acroform-pdf, form FG-",
        "blank": "    Phone (main line): (blank) → +49 211 123456",
    },
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_register_tables_speak_the_workspace_language(ws: Workspace, lang: str) -> None:
    """Headers, reasons, words, dates and language names as the workspace's language writes
    them ("01.01.2023", "Persisch (Farsi)"); --json keeps ids, reason keys, codes and ISO
    dates for machines."""
    with writing(ws) as w:  # a probable duplicate of inst-0001
        w.merge(
            checklist(
                "psychotherapie",
                dict(YILMAZ, name="Praxis Şule Yılmaz-Demir", postcode="1", phone=""),
            )
        )
    ws = in_language(ws, lang)
    said = SAID[lang]

    code, out = run(ws, "stale", "--today", "2026-11-22", "--category", "psychotherapie")
    header, _rule, *rows = out.splitlines()
    assert code == 0 and header.split() == said["stale_header"]
    petrenko = next(row for row in rows if "Ольга Петренко" in row)
    assert petrenko.endswith(said["stale_row"]), petrenko
    assert out.endswith(f"\n\n{said['update_list']}\n"), out
    code, out = run(ws, "stale", "--today", "2026-11-22", "--json")
    found = {f["name"]: f for f in json.loads(out)}
    assert found["Ольга Петренко"]["last_confirmed"] == "2023-01-01"
    assert found["Ольга Петренко"]["reasons"] == ["stale", "missing", "unconfirmed"]

    code, out = run(ws, "gaps", "--category", "psychotherapie")
    header, _rule, *rows = out.splitlines()
    assert code == 0 and header.split() == said["gaps_header"]
    assert any(row.endswith(said["gap"]) for row in rows), out
    assert rows[-1] == said["gaps"]  # the counts close the table, as stale's and find's
    code, out = run(ws, "gaps", "--category", "psychotherapie", "--json")
    assert {"category": "psychotherapie", "region": "neuss_meerbusch", "kind": "none",
            "institutions": []} in json.loads(out)  # fmt: skip

    code, out = run(ws, "find")
    header, _rule, yilmaz, _petrenko, count = out.splitlines()
    assert code == 0 and header.split() == said["find_header"]
    assert yilmaz.startswith("inst-0001  Praxis Şule Yılmaz  ")
    assert yilmaz.endswith(said["languages"]) and count == said["count"]
    code, out = run(ws, "find", "--json")
    assert [h["languages"] for h in json.loads(out)] == [["fa", "tr"], []]
    code, out = run(ws, "find", "--text", "Astrologie")
    assert code == 0 and out == said["no_match"] + "\n"

    reg = load(ws)
    held = {}
    for side in ("mine", "theirs"):  # each side's file, form and when it was read in
        src = reg.source(reg.conflicts()[0][side]["src"])
        held[side] = src["file_name"]
        held[f"{side}_form"] = reference(src["instance_id"])
        held[f"{side}_at"] = moment_text(src["ingested_at"], lang)
    code, out = run(ws, "conflicts")
    assert code == 0 and f"\n{said['conflict'].format(**held)}" in out, out
    assert f"\n{said['duplicate']}" in out and f"\n\n{said['decide']}" in out

    with local_zone("UTC"):
        code, out = run(ws, "history", "inst-0001")
    second = reg.history("inst-0001")[1]
    at = dt.datetime.fromisoformat(second["at"])
    file = reg.source(second["src"])["file_name"]
    assert code == 0 and out.startswith(said["now"] + "\n")
    assert "\n\n" + said["revision"].format(at=at, file=file) in out
    assert said["blank"] in out


@pytest.mark.parametrize(
    ("zone", "at", "lang", "shown"),
    [
        ("Europe/Berlin", "2026-11-23T08:08:00Z", "de", "Revision 1  23.11.2026 09:08 MEZ  "),
        ("Europe/Berlin", "2026-07-01T22:30:00Z", "de", "Revision 1  02.07.2026 00:30 MESZ  "),
        ("Europe/Berlin", "2026-11-23T08:08:00Z", "en", "revision 1  2026-11-23 09:08 CET  "),
        ("Europe/Berlin", "2026-07-01T22:30:00Z", "en", "revision 1  2026-07-02 00:30 CEST  "),
        ("UTC", "2026-11-23T08:08:00Z", "de", "Revision 1  23.11.2026 08:08 UTC  "),
        ("UTC", "2026-07-01T22:30:00Z", "en", "revision 1  2026-07-01 22:30 UTC  "),
    ],
)
def test_history_shows_the_time_of_this_computers_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str, at: str, lang: str, shown: str
) -> None:
    """A coordinator in Düsseldorf reads the time on the clock on the wall, winter and summer,
    in the workspace's language; --json keeps the stored ISO time in UTC."""
    ws = in_language(Workspace.init(tmp_path / "ws"), lang)
    monkeypatch.setattr("ingest.journal.now_iso", lambda: at)
    with writing(ws) as w:
        w.merge(
            checklist("psychotherapie", {"name": "مركز الاستشارة النفسية", "region": "dormagen"})
        )
    with local_zone(zone):
        code, out = run(ws, "history", "inst-0001")
        _, as_json = run(ws, "history", "inst-0001", "--json")
    assert code == 0 and out.startswith("inst-0001  مركز الاستشارة النفسية  "), out
    assert f"\n\n{shown}" in out, out
    assert json.loads(as_json)[0]["at"] == at


@pytest.mark.parametrize(
    ("lang", "similar", "phone"),
    [
        ("de", "ähnlicher Name (95\u00a0%)", "gleiche Telefonnummer, anderer Name"),
        ("en", "similar name (95 %)", "same phone number, different name"),
    ],
)
def test_why_an_institution_looks_like_a_known_one_is_said_in_the_workspace_language(
    ws: Workspace, lang: str, similar: str, phone: str
) -> None:
    """The register keeps the English reason the ingest report shows; one stored by an older
    formgen (no key) is shown as stored."""
    with writing(ws) as w:
        w.merge(
            checklist(
                "psychotherapie",
                dict(YILMAZ, name="Praxis Şule Yılmaz-Demir", postcode="1", phone=""),
            )
        )
        anker = dict(YILMAZ, name="Beratungsstelle Anker", phone="+49 211 999999")
        w.merge(checklist("psychotherapie", anker))
        kaya = dict(YILMAZ, name="Praxis Şule Yılmaz-Kaya", postcode="1", phone="")
        w.merge(checklist("psychotherapie", kaya))
    data = json.loads(ws.register_path.read_bytes())
    assert data["duplicates"]["d-0002"]["reason"] == "same phone number, different name"
    older = data["duplicates"]["d-0003"]
    del older["reason_key"], older["reason_args"]
    older["reason"] = "an old reason"
    del data["sealed_sha256"]  # as an older formgen wrote it
    ws.register_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    ws = in_language(ws, lang)
    code, out = run(ws, "conflicts")
    lines = {line.split("  ")[0]: line for line in out.splitlines()}
    assert code == 0
    assert lines["d-0001"].endswith(
        f"„Praxis Şule Yılmaz“: {similar}" if lang == "de" else f"'Praxis Şule Yılmaz': {similar}"
    ), out
    assert lines["d-0002"].endswith(f": {phone}"), out
    assert lines["d-0003"].endswith(": an old reason"), out
    code, out = run(ws, "conflicts", "--json")
    found = json.loads(out)["duplicates"][0]
    assert found["reason_key"] == "dup_similar_name" and found["reason_args"] == {"percent": 95}


CONFIRMED = {
    "de": {
        "decided": "entschieden (zurückgemeldeten Wert übernommen): c-0001  inst-0001 Praxis Şule Yılmaz  Einrichtung › "
        "Telefon (Zentrale)\n    im Register steht jetzt: +49 211 555555",
        "merged": "d-0001: mit inst-0001 zusammengeführt",
        "created": "d-0002: als inst-0003 neu angelegt",
        "rebuilt": "{path} neu aufgebaut: 8 Vorgänge, 5 Rückläufe eingelesen, 3 Einrichtungen",
        "damaged": "das beschädigte Register wurde als {path} aufbewahrt",
        "export": "{path}: 3 Einrichtungen (csv)\nfür Excel oder LibreOffice Calc: --format xlsx "
        "(sie lesen die Postleitzahl 04109 einer CSV-Datei als Zahl 4109)",
        "personal": "{path}: 3 Einrichtungen (json, ohne personenbezogene Daten)",
        "printed": "{path}: gedrucktes Register ({kb}\u00a0KB)",
    },
    "en": {
        "decided": "decided (the returned value taken): c-0001  inst-0001 Praxis Şule Yılmaz  Institution › "
        "Phone (main line)\n    the register now holds: +49 211 555555",
        "merged": "d-0001: merged into inst-0001",
        "created": "d-0002: created as inst-0003",
        "rebuilt": "rebuilt {path}: 8 operations, 5 returns merged, 3 institutions",
        "damaged": "the damaged register was kept as {path}",
        "export": "{path}: 3 institutions (csv)\nfor Excel or LibreOffice Calc: --format xlsx "
        "(they read a CSV's postcode 04109 as the number 4109)\nits values are separated by "
        "',': an Excel set to German opens it with each row in one column; for it: --delimiter "
        "';'",
        "personal": "{path}: 3 institutions (json, without personal data)",
        "printed": "{path}: printed register ({kb} KB)",
    },
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_register_commands_confirm_in_the_workspace_language(
    ws: Workspace, tmp_path: Path, lang: str
) -> None:
    with writing(ws) as w:  # two probable duplicates of inst-0001
        for name in ("Praxis Şule Yılmaz-Demir", "Praxis Şule Yılmaz-Kaya"):
            w.merge(checklist("psychotherapie", dict(YILMAZ, name=name, postcode="1", phone="")))
    ws = in_language(ws, lang)
    said = CONFIRMED[lang]
    assert run(ws, "resolve", "c-0001", "--take", "theirs") == (0, said["decided"] + "\n")
    assert run(ws, "resolve", "d-0001", "--merge") == (0, said["merged"] + "\n")
    assert run(ws, "resolve", "d-0002", "--new") == (0, said["created"] + "\n")
    ws.register_path.write_text("{ oops", "utf-8")
    code, out = run(ws, "rebuild")
    (damaged,) = ws.register_path.parent.glob("register.json.damaged*")
    rebuilt = said["rebuilt"].format(path=ws.register_path)
    assert (code, out) == (0, f"{rebuilt}\n{said['damaged'].format(path=damaged)}\n")
    csv_path, json_path = tmp_path / "r.csv", tmp_path / "r.json"
    code, out = run(ws, "export", "-o", str(csv_path))
    assert (code, out) == (0, said["export"].format(path=csv_path) + "\n")
    code, out = run(ws, "export", "--format", "json", "--no-personal", "-o", str(json_path))
    assert (code, out) == (0, said["personal"].format(path=json_path) + "\n")
    pdf = tmp_path / "r.pdf"
    code, out = run(ws, "print", "--stand", "2026-11-22", "-o", str(pdf))
    kb = pdf.stat().st_size // 1024
    # the register began today, with the first operation of its journal: said so
    began = say("stand_before_start", lang, stand="2026-11-22", first=dt.date.today().isoformat())
    assert (code, out) == (0, f"{began}\n" + said["printed"].format(path=pdf, kb=kb) + "\n")


MERGE_HELD = {
    "de": [
        "d-0001: mit inst-0001 zusammengeführt",
        "  Einrichtung › Telefon (Zentrale): zurückgestellt als c-0002: „+49 211 777777“; das "
        "Register behält „+49 211 999999“ (die Einrichtung selbst hat einen anderen Wert "
        "angegeben; diese Checkliste kam von jemand anderem) → formgen register resolve c-0002 "
        "--take theirs (den zurückgestellten Wert übernehmen) oder --take mine (den im Register "
        "behalten)",
    ],
    "en": [
        "d-0001: merged into inst-0001",
        "  Institution › Phone (main line): held as c-0002: '+49 211 777777'; the register keeps "
        "'+49 211 999999' (the institution itself gave another value; this checklist came from "
        "someone else) → formgen register resolve c-0002 --take theirs (take the held value) or "
        "--take mine (keep the register's)",
    ],
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_probable_duplicate_merged_says_each_value_it_held(ws: Workspace, lang: str) -> None:
    """Merged on decision, a partner's checklist row gives another phone number than the one
    the institution gave on its form: the number is held, and the command says so, with both
    numbers, why and how to decide, as 'register import' says what it held."""
    demir = dict(YILMAZ, name="Praxis Şule Yılmaz-Demir", postcode="1", phone="+49 211 777777")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", demir))
    ws = in_language(ws, lang)
    code, out = run(ws, "resolve", "d-0001", "--merge")
    assert (code, out.splitlines()) == (0, MERGE_HELD[lang]), out
    (held,) = [c for c in load(ws).conflicts() if c["id"] == "c-0002"]
    assert (held["institution_id"], held["path"]) == ("inst-0001", "institution.phone")
    assert load(ws).value("inst-0001", "institution.phone")["v"] == "+49 211 999999"  # type: ignore[index]
    code, out = run(ws, "resolve", "c-0002", "--take", "theirs")
    assert code == 0 and "+49 211 777777" in out, out


def test_a_probable_duplicate_merged_says_each_invalid_value_it_took(ws: Workspace) -> None:
    """The partner's row gives the share of migrant clients as 'viel': kept as typed and
    flagged, as a return's is; the command says so, as 'register import' says it."""
    demir = dict(YILMAZ, name="Praxis Şule Yılmaz-Demir", postcode="1")
    del demir["phone"]
    demir["share_migrants"] = values.parse_percentage("viel")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", demir))
    code, out = run(ws, "resolve", "d-0001", "--merge")
    assert (code, out.splitlines()) == (
        0,
        [
            "d-0001: mit inst-0001 zusammengeführt",
            "  PsychotherapeutIn, niedergelassen › Anteil der Klientel mit Migrationsgeschichte "
            "(%): wie eingegeben übernommen, ungültig: „viel“ ist keine gültige Prozentangabe; "
            "bitte eine ganze Zahl von 0 bis 100 eintragen, z.\xa0B. 40 oder 40\xa0%",
        ],
    ), out
    assert load(ws).value("inst-0001", "psychotherapie.share_migrants")["raw"] == "viel"  # type: ignore[index]


def _columns(line: str) -> int:
    """Terminal columns of ``line``, counted without the code under test: a combining mark
    (Arabic vowel signs) takes none."""
    return sum(not unicodedata.combining(ch) for ch in line)


def test_find_prints_a_table_whose_columns_line_up_in_every_script(tmp_path: Path) -> None:
    names = [
        "Praxis Şule Yılmaz",
        "Praxis Ольга Петренко",
        "مُرْكَز الاستشارة النفسية",  # with vowel marks, which take no column of their own
        "Poradnia Łódź – Paweł Wiśniewski, Zbigniew Żółkiewski-Ćwikła",
    ]
    ws = Workspace.init(tmp_path / "ws")
    with writing(ws) as w:
        for n, name in enumerate(names):
            block = {"name": name, "region": "dormagen", "languages_offered": ["fa", "tr"]}
            w.merge(
                checklist("psychotherapie", {**block, "street": f"Weg {n}", "date": "2026-01-01"})
            )
    code, out = run(ws, "find", "--category", "psychotherapie")
    assert code == 0
    header, rule, *rows, count = out.splitlines()
    assert header.split() == ["ID", "Name", "Checkliste", "Region", "Ort", "Telefon", "Sprachen"]
    assert set(rule) == {"-", " "} and count == "4 Einträge"
    starts = {_columns(header[: header.index("Region")])}
    for row in rows:
        assert row.endswith(
            "  PsychotherapeutIn, niedergelassen  Dormagen  —    —        Persisch (Farsi), Türkisch"
        ), row
        starts.add(_columns(row[: row.index("Dormagen")]))
    assert len(starts) == 1, out  # the region column starts at one column in every row
    shown = "\n".join(rows)
    for name in names[:3]:
        assert f"  {name}  " in shown
    assert "  Poradnia Łódź – Paweł Wiśniewski,…  " in shown  # at a word; whole in --json
    code, out = run(ws, "find", "--text", "Żółkiewski", "--json")
    assert json.loads(out)[0]["name"] == names[3]
    code, out = run(ws, "find", "Paweł", "Wiśniewski")  # the words themselves, as one types them
    assert code == 0 and "Poradnia Łódź – Paweł Wiśniewski" in out and "1 Eintrag" in out
    code, out = run(ws, "find", "Paweł", "--text", "Ольга")
    assert (
        code == 2
        and "Fehler: den gesuchten Text nur einmal angeben: als WORDS oder mit --text" in out
    )


HELD_NAMES = [
    "Poradnia Łódź, Łukasz Wójcik",
    "Savjetovalište ĐURIĆ",
    "Nguyễn Đức Thành",
    "Søren Ærø Kristensen",
    "Þór Guðmundsson",
    "Ħamrun Għajnuna",
    "Œuvre Sociale",
    "Beratung D’Angelo",
    "Марʼяна Ковальчук, Ёлкин",
    "مُحَمَّد إبراهيم، مركز الاستشـــارة",
]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("lodz", 0),  # what a German keyboard types for the Polish Ł
        ("Lukasz Wojcik", 0),
        ("Duric", 1),  # Croatian Đ, here in capitals
        ("duc thanh", 2),  # Vietnamese Đ
        ("soren aero", 3),  # Danish ø, æ
        ("Thor Gudmundsson", 4),  # Icelandic þ, ð
        ("hamrun ghajnuna", 5),  # Maltese ħ
        ("oeuvre", 6),
        ("d'angelo", 7),  # Word's apostrophe as the keyboard's
        ("Мар'яна", 8),  # the Ukrainian apostrophe as any keyboard types it
        ("елкин", 8),  # ё as Russian often writes it
        ("محمد ابراهيم", 9),  # without vowel signs, alef without hamza
        ("الاستشارة", 9),  # without the tatweel that draws a letter longer
    ],
)
def test_find_matches_letters_as_a_german_keyboard_types_them(
    tmp_path: Path, typed: str, found: int
) -> None:
    """A coordinator at a German keyboard finds „Łódź“ as "lodz" and „Đurić“ as "Duric":
    letters that Unicode does not decompose are written with their base letters; Cyrillic and
    Arabic are compared in their own letters, without marks."""
    ws = Workspace.init(tmp_path / "ws")
    with writing(ws) as w:
        for n, name in enumerate(HELD_NAMES):
            block = {"name": name, "region": "dormagen", "street": f"Weg {n}", "date": "2026-01-01"}
            w.merge(checklist("psychotherapie", block))
    code, out = run(ws, "find", *typed.split())
    assert code == 0 and f"  {HELD_NAMES[found]}  " in out and out.endswith("\n1 Eintrag\n"), out


def test_find_lists_the_entries_by_name_as_the_print_orders_them(tmp_path: Path) -> None:
    """„Dienst 3“ before „Dienst 27“, Ukrainian „Ігор“ among the Cyrillic names before
    „Йога“ and „Клиника“, as the print and its index order them (they came by code points,
    „Dienst 27“ first and „Ігор“ after all Russian names)."""
    ordered = [
        "Ärztehaus Nord",
        "Dienst 3",
        "Dienst 27",
        "Zentrum Süd",
        "Ігор Центр",
        "Йога и здоровье",
        "Клиника Надежда",
    ]
    ws = Workspace.init(tmp_path / "ws")
    with writing(ws) as w:
        rows = [{"name": name, "region": "dormagen"} for name in reversed(ordered)]
        w.merge(checklist("psychotherapie", *rows))
    code, out = run(ws, "find", "--category", "psychotherapie")
    at = [out.find(f"  {name}  ") for name in ordered]
    assert code == 0 and -1 not in at and at == sorted(at), out


SPELT_TWICE = [
    "Praxis Jürgen Müller",
    "Beratung Mueller",
    "Kölner Hilfe",
    "Michal Nowak",
    "مرکز مشاوره روانشناسی مهر",  # Persian: ی, ک
    "جمعية الأمل للصحة النفسية",  # Arabic: ي, ة
    "روان‌درمانی ۲۴ ساعته",  # a zero-width non-joiner, Persian digits
]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Mueller", [0, 1]),  # as an English keyboard types „Müller“
        ("Müller", [0, 1]),  # and the other way round
        ("muller", [0]),  # the umlaut without its dots: not „Mueller“
        ("Koelner", [2]),
        ("Michael", []),  # „Michal“ stays another name
        ("روانشناسي مركز", [4]),  # typed on an Arabic keyboard: ي, ك
        ("مشاوره", [4]),
        ("جمعیه الامل", [5]),  # Persian ی for ي, ه for ة, ا for أ
        ("روان‌شناسی", [4]),  # with the non-joiner that the register's text lacks
        ("رواندرمانی 24", [6]),  # without it; Latin digits for Persian
        ("٢٤", [6]),  # Arabic-Indic digits
    ],
)
def test_find_matches_words_as_another_keyboard_spells_them(
    tmp_path: Path, typed: str, found: list[int]
) -> None:
    """„Müller“ is found as "Mueller" and „Mueller“ as "Müller", as a German reader expects;
    Arabic and Persian keyboards' forms of a letter (ي ی, ك ک, ة ه), their digits and the
    zero-width non-joiner are one to search; the register keeps each as it was typed."""
    ws = Workspace.init(tmp_path / "ws")
    with writing(ws) as w:
        for n, name in enumerate(SPELT_TWICE):
            block = {"name": name, "region": "dormagen", "street": f"Weg {n}", "date": "2026-01-01"}
            w.merge(checklist("psychotherapie", block))
    code, out = run(ws, "find", *typed.split(), "--json")
    assert code == 0, out
    assert sorted(h["name"] for h in json.loads(out)) == sorted(SPELT_TWICE[n] for n in found)
    reg = load(ws)
    assert {reg.name_of(iid) for iid in reg.institutions} == set(SPELT_TWICE)


def test_find_all_matches_words_as_find_does(tmp_path: Path) -> None:
    """An access request (``find --all``) typed "Mueller" finds „Jürgen Müller“ as ``find``
    does, and an Arabic keyboard's „مركز“ the Persian „مرکز“, in every place it looks."""
    ws = Workspace.init(tmp_path / "ws")
    with writing(ws) as w:
        block = {"name": "مرکز مهر", "region": "dormagen", "contact_name": "Jürgen Müller"}
        w.merge(checklist("psychotherapie", block))
    for typed, held in (("Jürgen Mueller", "Jürgen Müller"), ("مركز", "مرکز مهر")):
        code, out = run(ws, "find", "--all", typed, "--json")
        assert code == 0, out
        assert held in {p["text"] for p in json.loads(out)["places"]}, out


def test_print(ws: Workspace) -> None:
    code, out = run(ws, "print", "--category", "psychotherapie")
    assert code == 0, out
    (path,) = ws.exports_dir.glob("register-*-psychotherapeutin-niedergelassen.pdf")
    with pdfplumber.open(path) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "SPKoM Düsseldorf" in text and "Ольга Петренко" in text and "VERALTET" in text


def test_a_lock_file_that_is_a_link_is_refused_in_the_workspaces_language(
    ws: Workspace, tmp_path: Path
) -> None:
    """Found by the audit: a `register set` that changed nothing emptied the file `.lock`
    linked to."""
    victim = tmp_path / "notizen.txt"
    victim.write_text("precious notes\n", "utf-8")
    (ws.root / ".lock").unlink(missing_ok=True)
    (ws.root / ".lock").symlink_to(victim)
    code, out = run(ws, "set", "inst-0001", "institution.phone", "0211 1234567", "--note", "x")
    assert code == 1
    assert out.startswith(
        f"Fehler: {ws.root}/.lock ist keine Datei, sondern eine Verknüpfung, ein Ordner oder "
        "ein Gerät: "
    ), out
    assert "den Befehl wiederholen: formgen legt sie neu an" in out
    assert victim.read_text("utf-8") == "precious notes\n"


@pytest.mark.parametrize(
    ("command", "written"),
    [
        # the file asked for, not the temporary file it is written through (which is removed)
        pytest.param(["export", "--format", "csv"], "exports/register-", id="export-csv"),
        pytest.param(["export", "--format", "xlsx"], "exports/register-", id="export-xlsx"),
        pytest.param(["print", "--stand", "2026-11-22"], "exports/register-2026", id="print"),
        pytest.param(["resolve", "c-0001", "--take", "theirs"], ".lock", id="resolve"),
    ],
)
@pytest.mark.parametrize(
    ("err", "failed", "advice"),
    [
        (
            errno.EROFS,
            "{path}",
            "kann nicht geschrieben werden: das Laufwerk ist schreibgeschützt; bitte einen "
            "Ordner auf einem beschreibbaren Laufwerk nehmen",
        ),
        (
            errno.ENOSPC,
            "{path}",
            "kann nicht geschrieben werden: auf dem Laufwerk ist kein Platz mehr; bitte Platz "
            "schaffen",
        ),
        (
            errno.EACCES,
            "kein Zugriff auf {path}",
            ": keine Berechtigung; bitte prüfen, ob Sie dort lesen und schreiben dürfen",
        ),
    ],
    ids=["EROFS", "ENOSPC", "EACCES"],
)
def test_a_workspace_that_cannot_be_written_is_an_error_not_a_traceback(
    ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    written: str,
    err: int,
    failed: str,
    advice: str,
) -> None:
    """In the German workspace's language: what could not be written, why, what to check."""
    refuse_writes(monkeypatch, ws.root, err)
    result = CliRunner().invoke(
        main, ["register", *command, "-w", str(ws.root)], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output
    path = f"{ws.root}/{written}"
    assert result.output.startswith(f"Fehler: {failed.format(path=path)}"), result.output
    assert advice in result.output and "Traceback" not in result.output
    assert not list(ws.exports_dir.glob(".*.tmp"))


def test_a_programming_error_is_not_dressed_as_an_error_message(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("formgen.cli.register.write_atomic", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        CliRunner().invoke(main, ["register", "print", "-w", str(ws.root)], catch_exceptions=False)


def test_rebuild_and_damaged_register(ws: Workspace) -> None:
    good = json.loads(ws.register_path.read_bytes())
    ws.register_path.write_text('{"format": "formgen-register",\n  oops', "utf-8")
    code, out = run(ws, "find")
    assert code == 1 and "register.json: Zeile 2, Spalte 3" in out
    code, out = run(ws, "rebuild")
    assert code == 0 and "3 Rückläufe eingelesen" in out and "beschädigte Register wurde" in out
    assert json.loads(ws.register_path.read_bytes()) == good
    if importlib.util.find_spec("ingest.pipeline") is None:
        code, out = run(ws, "rebuild", "--reread")
        assert code == 1 and "needs the ingest pipeline" in out


def test_not_a_workspace(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["register", "find", "--workspace", str(tmp_path)])
    assert result.exit_code == 1 and "is not a formgen workspace" in result.output


def test_a_mistyped_workspace_points_to_the_right_one_before_making_a_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A typo in -w, or formgen run in the wrong folder: first how to name the workspace one
    has, then how to make one, with a command that can be copied as it is."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORMGEN_WORKSPACE", raising=False)
    result = CliRunner().invoke(main, ["register", "find", "-w", "Arbeitsbereich Koln"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: 'Arbeitsbereich Koln' is not a formgen workspace (no such folder). To use your "
        "workspace, give its folder with --workspace DIR (-w DIR), set FORMGEN_WORKSPACE=DIR, or "
        "run formgen in it; to create a new one: formgen init 'Arbeitsbereich Koln'\n"
    )
    result = CliRunner().invoke(main, ["register", "find"])
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Error: the current folder ({tmp_path}) is not a formgen workspace (no workspace.toml "
        "in it). To use your workspace, give its folder with --workspace DIR"
    )
    assert result.output.endswith("to create a new one: formgen init .\n")
    monkeypatch.setenv("FORMGEN_WORKSPACE", str(tmp_path / "ws-alt"))
    result = CliRunner().invoke(main, ["register", "find"])
    assert "(no such folder; the variable FORMGEN_WORKSPACE names it)" in result.output


def test_write_all_outputs(ws: Workspace) -> None:
    import datetime as dt

    from ingest.outputs import write_outputs

    paths = write_outputs(ws, load(ws), dt.date(2026, 11, 22))
    assert {p.name for p in paths.values()} >= {
        "register-2026-11-22.json",
        "register-2026-11-22-wide.csv",
        "register-2026-11-22.xlsx",
        "register-2026-11-22.pdf",
        "update-list-2026-11-22.json",
    }
    assert all(p.stat().st_size > 0 for p in paths.values())
    update = json.loads(paths["update list (records for update forms)"].read_text("utf-8"))
    assert [r["id"] for r in update] == ["inst-0002"]


def test_rebuild_rereads_with_the_ingest_pipeline(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    from ingest.journal import archive, read_journal, submission_from_json

    subs = [submission_from_json(op["submission"]) for op in read_journal(ws)]
    by_data = {}
    for sub in subs:  # the originals, as the pipeline would have archived them
        data = f"original {sub.provenance.sha256}".encode()
        by_data[data] = sub
        target = ws.archive_dir / sub.provenance.sha256[:2] / sub.provenance.sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    assert archive(ws, b"x")  # the archive still takes new files
    fake = types.ModuleType("ingest.pipeline")
    fake.reread = lambda data, prov, day: by_data[data]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ingest.pipeline", fake)
    before = json.loads(ws.register_path.read_bytes())
    code, out = run(ws, "rebuild", "--reread")
    assert code == 0 and "3 Rückläufe eingelesen" in out
    assert json.loads(ws.register_path.read_bytes()) == before


def test_conflicts_say_where_the_registers_value_came_from_and_resolve_what_it_holds_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A form from March, returned late in November, disagrees with the institution's own
    correction of October: the coordinator sees which file each side came from and when, and
    after deciding, which value the register holds now — by the field's label."""
    ws = Workspace.init(tmp_path / "ws")
    times = iter(["2026-03-02T09:00:00Z", "2026-10-05T08:00:00Z", "2026-11-23T08:08:00Z"])
    monkeypatch.setattr("ingest.journal.now_iso", lambda: next(times, "2026-11-23T09:00:00Z"))
    hours = "Mo–Fr 9–13 Uhr\nDo 14–18 Uhr"
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.merge(
            institution_form(
                "inst-0001", base=1, opening_hours=hours, phone="+49 211 999999",
                file="Korrektur Oktober.pdf",
            )
        )  # fmt: skip
        w.merge(
            institution_form(
                "inst-0001", base=1, opening_hours="Di 9–12 Uhr", phone="+49 211 555555",
                file="Rückmeldung März.pdf",
            )
        )  # fmt: skip
    with local_zone("Europe/Berlin"):
        code, out = run(ws, "conflicts")
    october, march = (
        reference(load(ws).source(load(ws).conflicts()[0][side]["src"])["instance_id"])
        for side in ("mine", "theirs")
    )
    assert code == 0 and out.startswith(
        "2 offene Konflikte warten auf eine Entscheidung\n\n"
        "c-0001  inst-0001 Praxis Şule Yılmaz  Einrichtung › Öffnungszeiten\n"
        "    im Register:    Mo–Fr 9–13 Uhr\n"
        "                    Do 14–18 Uhr\n"
        f"        aus Korrektur Oktober.pdf, Formular der Einrichtung {october}, eingelesen "
        "05.10.2026 10:00 MESZ; behalten: --take mine\n"
        "    zurückgemeldet: Di 9–12 Uhr\n"
        f"        aus Rückmeldung März.pdf, Formular der Einrichtung {march}, vorausgefüllt mit "
        "dem Stand des Registers in Revision 1, eingelesen 23.11.2026 09:08 MEZ; übernehmen: "
        "--take theirs\n"
    ), out

    code, out = run(ws, "resolve", "inst-0001", "--take", "mine")
    now = "    im Register steht jetzt: "
    assert (code, out.splitlines()) == (
        0,
        [
            "entschieden (Wert im Register behalten): c-0001  inst-0001 Praxis Şule Yılmaz  "
            "Einrichtung › Öffnungszeiten",
            f"{now}Mo–Fr 9–13 Uhr",
            f"{' ' * len(now)}Do 14–18 Uhr",
            "entschieden (Wert im Register behalten): c-0002  inst-0001 Praxis Şule Yılmaz  "
            "Einrichtung › Telefon (Zentrale)",
            f"{now}+49 211 999999",
        ],
    )
    assert load(ws).conflicts() == []


UNPREFILLED = {
    "de": (
        "    im Register:    Şule Yılmaz\n"
        "        aus Checkliste.pdf, Checkliste {checklist}, eingelesen {at}; behalten: --take mine\n"
        "    zurückgemeldet: Ayşe Kaya\n"
        "        aus Rückmeldung Empfängerliste.pdf, Formular der Einrichtung {form}, aus einer "
        "Empfängerliste erstellt, bevor das Register die Einrichtung kannte, eingelesen {at}; "
        "übernehmen: --take theirs\n"
        "    Grund: im Register und in dieser Rückmeldung geändert; ihr Formular war nicht aus "
        "dem Register vorausgefüllt, daher gilt alles im Register als seither geändert\n",
        "entschieden (Wert im Register behalten): c-0001  ",
    ),
    "en": (
        "    in the register: Şule Yılmaz\n"
        "        from Checkliste.pdf, checklist {checklist}, read in {at}; keep it: --take mine\n"
        "    returned:        Ayşe Kaya\n"
        "        from Rückmeldung Empfängerliste.pdf, the institution's form {form}, made from a "
        "recipients list before the register knew the institution, read in {at}; take it: "
        "--take theirs\n"
        "    why: changed in the register and in this return; its form was not prefilled from "
        "the register, so all the register holds counts as changed since\n",
        "decided (the register's value kept): c-0001  ",
    ),
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_conflict_names_each_side_by_what_it_is_and_the_option_that_takes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """ "mine" and "theirs" are the options' words only: each value is named by where it is (in
    the register, returned) and where it came from (a checklist, the institution's form), with
    the option that keeps or takes it; a form made from a recipients list before the register
    knew the institution (held as made from revision 0) says so in words."""
    ws = in_language(Workspace.init(tmp_path / "ws"), lang)
    monkeypatch.setattr("ingest.journal.now_iso", lambda: "2026-11-23T08:08:00Z")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ, file="Checkliste.pdf"))
        w.merge(
            institution_form(
                "inst-0001", contact_name="Ayşe Kaya", file="Rückmeldung Empfängerliste.pdf"
            )
        )
    checklist_src, form_src = (
        load(ws).source(load(ws).conflicts()[0][side]["src"]) for side in ("mine", "theirs")
    )
    with local_zone("UTC"):
        code, out = run(ws, "conflicts")
    shown, decided = UNPREFILLED[lang]
    at = "23.11.2026 08:08 UTC" if lang == "de" else "2026-11-23 08:08 UTC"
    assert code == 0 and "evision 0" not in out
    assert (
        shown.format(
            checklist=reference(checklist_src["instance_id"]),
            form=reference(form_src["instance_id"]),
            at=at,
        )
        in out
    ), out
    code, out = run(ws, "resolve", "c-0001", "--take", "mine")
    assert code == 0 and out.startswith(decided), out
    result = CliRunner().invoke(main, ["register", "resolve", "--help"])
    assert "mine keeps the value the register holds; theirs takes the value returned on a form" in (
        " ".join(result.output.split())
    )


def test_a_conflict_of_several_lines_stays_readable(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.merge(institution_form("inst-0001", base=1, opening_hours="Mo–Fr 9–13 Uhr\nDo 14–18 Uhr"))
        w.merge(
            institution_form(
                "inst-0001",
                base=1,
                opening_hours="Di 9–12 Uhr\nnach Vereinbarung",
                file=unicodedata.normalize("NFD", "Rückmeldung Müller.pdf"),  # as macOS names it
            )
        )
    code, out = run(ws, "conflicts")
    assert code == 0
    mine = "    im Register:    "  # both values start at one column
    assert f"\n{mine}Mo–Fr 9–13 Uhr\n{' ' * len(mine)}Do 14–18 Uhr\n        aus " in out
    theirs = "    zurückgemeldet: "
    assert f"\n{theirs}Di 9–12 Uhr\n{' ' * len(theirs)}nach Vereinbarung\n" in out
    # the file's name as macOS wrote it, "ü" as u + a combining mark
    assert f"\n        aus {unicodedata.normalize('NFD', 'Rückmeldung Müller.pdf')}, " in out


@pytest.mark.parametrize(
    ("lang", "option", "said", "whys", "why"),
    [
        ("de", [], "„viel“ ist keine ganze Zahl", "Probleme", "Problem"),
        ("en", [], "'viel' is not a whole number", "problems", "problem"),
        ("en", ["--lang", "de"], "„viel“ ist keine ganze Zahl", "Probleme", "Problem"),
    ],
)
def test_export_labels_say_problems_in_the_workspace_language(
    ws: Workspace, tmp_path: Path, lang: str, option: list[str], said: str, whys: str, why: str
) -> None:
    """The wide table says them under "Probleme" ("problems"), the long one, one value a
    row, under "Problem"."""
    with writing(ws) as w:
        w.merge(
            institution_form(
                "inst-0001", base=3, share_migrants=Bad("viel", problem("integer", raw="viel"))
            )
        )
    ws = in_language(ws, lang)
    out_file = tmp_path / "r.csv"
    code, _ = run(ws, "export", "--format", "csv", "--labels", *option, "-o", str(out_file))
    assert code == 0
    sep = ";" if whys == "Probleme" else ","  # a table in German as German Excel reads it
    rows = list(csv.DictReader(io.StringIO(out_file.read_text("utf-8-sig")), delimiter=sep))
    assert said in rows[0][whys]
    code, _ = run(ws, "export", "--form", "long", "--labels", *option, "-o", str(out_file))
    rows = list(csv.DictReader(io.StringIO(out_file.read_text("utf-8-sig")), delimiter=sep))
    assert code == 0 and any(r[why].startswith(said) for r in rows)


def test_history_writes_an_invalid_iso_date_as_the_workspace_writes_dates(tmp_path: Path) -> None:
    """A Word date picker stores the day as ISO text; invalid (in the future), it is shown as
    typed but written 01.02.2027 in German, as a valid date is. The journal keeps the raw."""
    ws = Workspace.init(tmp_path / "ws")
    future = problem("future_iso", raw="2027-02-01", today="2026-11-22")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.merge(institution_form("inst-0001", base=1, date=Bad("2027-02-01", future)))
    code, out = run(ws, "history", "inst-0001")
    assert code == 0
    assert "→ 01.02.2027  [ungültig: „01.02.2027“ liegt in der Zukunft" in out
    code, out = run(ws, "history", "inst-0001", "--json")
    assert "01.02.2027" not in out and "2027-02-01" in out


# ---------------------------------------------------------------------- retire / restore

CLOSED = "geschlossen zum 30.06.2026"


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a German workspace's CSV export (``;`` as German Excel expects it)."""
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))


def test_a_retired_institution_leaves_every_list_and_restore_brings_it_back(
    ws: Workspace, tmp_path: Path
) -> None:
    """Ольга Петренко's practice in Dormagen closed: it is no longer stale, no longer covers
    Dormagen, is found and printed no more — and is back after 'restore'."""

    def shown() -> dict[str, object]:
        stale = {f["institution_id"] for f in json.loads(run(ws, "stale", "--json")[1])}
        gaps = json.loads(run(ws, "gaps", "--category", "psychotherapie", "--json")[1])
        found = {h["institution_id"] for h in json.loads(run(ws, "find", "--json")[1])}
        pdf = tmp_path / "register.pdf"
        assert run(ws, "print", "-o", str(pdf))[0] == 0
        csv_path = tmp_path / "register.csv"
        assert run(ws, "export", "-o", str(csv_path))[0] == 0
        return {
            "stale": "inst-0002" in stale,
            "covers Dormagen": "dormagen" not in {g["region"] for g in gaps},
            "found": "inst-0002" in found,
            # its entry, under its name (the contents name it among those taken out)
            "printed": "Ольга Петренко inst-0002" in _pdf_text(pdf),
            "in the table": "inst-0002" in {r["institution_id"] for r in _csv_rows(csv_path)},
        }

    everywhere = dict.fromkeys(
        ("stale", "covers Dormagen", "found", "printed", "in the table"), True
    )
    assert shown() == everywhere
    code, out = run(ws, "retire", "inst-0002", "--reason", CLOSED)
    assert code == 0, out
    assert out.startswith(f"inst-0002 Ольга Петренко: aus dem Register genommen ({CLOSED});")
    assert "formgen register restore inst-0002" in out
    assert shown() == dict.fromkeys(everywhere, False)
    code, out = run(ws, "find", "Ольга")
    assert code == 0 and "kein Eintrag passt" in out
    # nothing is deleted: the institution and its values are all there
    reg = load(ws)
    assert reg.name_of("inst-0002") == "Ольга Петренко"
    assert reg.retired("inst-0002") == {"at": reg.history("inst-0002")[-1]["at"], "reason": CLOSED}
    # the other institution is where it was
    assert "Praxis Şule Yılmaz" in _pdf_text(tmp_path / "register.pdf")

    code, out = run(ws, "restore", "inst-0002")
    assert (code, out) == (
        0,
        "inst-0002 Ольга Петренко: wieder aufgenommen; wieder in den Listen, im Druck und in "
        "den Mailrunden\n",
    )
    assert shown() == everywhere
    assert load(ws).retired("inst-0002") is None


def test_history_shows_retire_and_restore_with_time_and_reason(ws: Workspace) -> None:
    assert run(ws, "retire", "inst-0002", "--reason", CLOSED)[0] == 0
    code, out = run(ws, "history", "inst-0002")
    assert code == 0
    at = load(ws).history("inst-0002")[-1]["at"]
    day = dt.datetime.fromisoformat(at).astimezone().strftime("%d.%m.%Y")
    assert (
        out.splitlines()[0]
        == f"inst-0002  Ольга Петренко  (Revision 1)  aus dem Register genommen am {day}"
    )
    assert f"\n{moment_text(at, 'de')}  aus dem Register genommen: {CLOSED}" in out
    assert run(ws, "restore", "inst-0002")[0] == 0
    code, out = run(ws, "history", "inst-0002")
    restored = load(ws).history("inst-0002")[-1]["at"]
    assert out.rstrip().endswith(f"{moment_text(restored, 'de')}  wieder aufgenommen")
    assert "aus dem Register genommen am" not in out.splitlines()[0]
    code, out = run(ws, "history", "inst-0002", "--json")
    events = [(h["op"], h.get("reason"), h["changes"]) for h in json.loads(out)]
    assert events[-2:] == [("retire", CLOSED, []), ("restore", None, [])]
    ws = in_language(ws, "en")
    code, out = run(ws, "history", "inst-0002")
    assert f"{moment_text(at, 'en')}  retired: {CLOSED}" in out
    assert f"{moment_text(restored, 'en')}  restored" in out
    # a reason typed over several lines is kept as one line, so the history stays a table
    assert run(ws, "retire", "inst-0002", "--reason", "geschlossen\n  zum 30.06.")[0] == 0
    assert load(ws).retired("inst-0002") == {"at": ANY, "reason": "geschlossen zum 30.06."}


@pytest.mark.parametrize(
    ("first", "then", "error"),
    [
        (None, ["retire", "inst-0999"], "Fehler: keine Einrichtung „inst-0999“ im Register"),
        (None, ["restore", "inst-0999"], "Fehler: keine Einrichtung „inst-0999“ im Register"),
        (
            None,
            ["restore", "inst-0002"],
            "Fehler: inst-0002 ist nicht aus dem Register genommen; nichts geändert",
        ),
        (
            ["retire", "inst-0002", "--reason", CLOSED],
            ["retire", "inst-0002", "--reason", "doppelt"],
            "Fehler: inst-0002 ist schon aus dem Register genommen am "
            f"{dt.date.today().strftime('%d.%m.%Y')} ({CLOSED}); nichts geändert ('formgen "
            "register restore inst-0002' nimmt die Einrichtung wieder auf)",
        ),
    ],
    ids=["retire-unknown", "restore-unknown", "restore-current", "retire-twice"],
)
def test_retire_and_restore_refuse_what_cannot_be_and_change_nothing(
    ws: Workspace, first: list[str] | None, then: list[str], error: str
) -> None:
    if first:
        assert run(ws, *first)[0] == 0
    register, journal = ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()
    code, out = run(ws, *then)
    assert code == 1 and out.startswith(error), out
    assert ws.register_path.read_bytes() == register
    assert (ws.root / "journal.jsonl").read_bytes() == journal


def test_a_damaged_register_is_told_in_the_workspaces_language(ws: Workspace) -> None:
    """Every register command reads the register first: what is wrong with it, and what to
    do, in German; the file is left as it was."""
    ws.register_path.write_bytes(b'{"format": "formgen-register",\n  "revision": 1,,}')
    code, out = run(ws, "history", "inst-0001")
    assert code == 1 and out.startswith(
        f"Fehler: {ws.register_path}: Zeile 2, Spalte 17: Expecting property name enclosed in "
        "double quotes; das Register ist beschädigt oder wurde von Hand bearbeitet. Es wurde "
        "nicht geändert: diese Stelle korrigieren, eine Sicherung wiederherstellen oder mit "
        "'formgen register rebuild' aus dem Archiv neu aufbauen"
    ), out
    assert ws.register_path.read_bytes() == b'{"format": "formgen-register",\n  "revision": 1,,}'
    code, out = run(in_language(ws, "en"), "history", "inst-0001")
    assert (
        code == 1 and "Expecting property name enclosed in double quotes; the register is " in out
    )


@pytest.mark.parametrize(
    ("edit", "error"),
    [
        (
            lambda data: data.pop("format_version"),
            "'format_version' fehlt oder ist keine Zahl",
        ),
        (
            lambda data: data.update(revision="3"),
            "revision: muss eine ganze Zahl sein; das Register ist beschädigt oder wurde von "
            "Hand bearbeitet. Es wurde nicht geändert: diese Stelle korrigieren, eine Sicherung "
            "wiederherstellen oder 'formgen register rebuild' ausführen",
        ),
        (
            lambda data: data["institutions"]["inst-0001"]["institution"].update(name="Çiğdem"),
            "Einrichtung inst-0001, institution.name: kein gespeicherter Wert; das Register",
        ),
        (
            lambda data: data["institutions"]["inst-0001"]["history"].append({"changes": 1}),
            "Einrichtung inst-0001, Verlaufseintrag 3: muss ein Objekt sein, dessen 'changes' "
            "eine Liste aus [Feldpfad, alter Wert, neuer Wert] ist; das Register",
        ),
    ],
    ids=["no-version", "revision", "stored-value", "history"],
)
def test_a_register_edited_into_another_shape_is_told_in_the_workspaces_language(
    ws: Workspace, edit: Callable[[dict[str, Any]], object], error: str
) -> None:
    """What is wrong where, and what to do, in German; the file is left as it was."""
    data = json.loads(ws.register_path.read_text(encoding="utf-8"))
    edit(data)
    ws.register_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = ws.register_path.read_bytes()
    code, out = run(ws, "history", "inst-0001")
    assert code == 1 and out.startswith(f"Fehler: {ws.register_path}: {error}"), out
    assert ws.register_path.read_bytes() == before
    code, out = run(in_language(ws, "en"), "history", "inst-0001")
    assert code == 1 and out.startswith(f"Error: {ws.register_path}: "), out
    assert not {"fehlt", "Einrichtung", "muss", "kein"} & set(out.replace(":", " ").split()), out


def test_reread_without_the_pipeline_says_so_in_the_workspaces_language(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ingest.pipeline", None)  # importing it fails
    assert run(ws, "rebuild", "--reread") == (
        1,
        "Fehler: das erneute Lesen der archivierten Originale braucht die Ingest-Pipeline "
        "(ingest.pipeline.make_reread), die dieser Installation fehlt; 'formgen register "
        "rebuild' ohne --reread ausführen\n",
    )
    code, out = run(in_language(ws, "en"), "rebuild", "--reread")
    assert code == 1 and out.startswith("Error: re-reading the archived originals needs the"), out


def test_an_english_workspace_is_told_the_register_errors_in_english_as_before(
    ws: Workspace,
) -> None:
    """The errors a German workspace is told in German (above) stay as they were in English."""
    ws = in_language(ws, "en")
    assert run(ws, "retire", "inst-0002", "--reason", CLOSED)[0] == 0
    assert run(ws, "retire", "inst-0002") == (
        1,
        f"Error: inst-0002 is retired on {dt.date.today().isoformat()} ({CLOSED}) already; "
        "nothing changed ('formgen register restore inst-0002' takes it back)\n",
    )
    assert run(ws, "restore", "inst-0001") == (
        1,
        "Error: inst-0001 is not retired; nothing changed ('formgen register retire inst-0001' "
        "takes an institution out of the register)\n",
    )
    assert run(ws, "history", "inst-0999") == (
        1,
        "Error: no institution 'inst-0999' in the register; 'formgen register find' lists them\n",
    )
    assert run(ws, "find", "--language", "Klingonisch") == (
        1,
        "Error: unknown language 'Klingonisch'; give an ISO code (fa, ar, tr) or a name (Farsi, "
        "Arabisch)\n",
    )
    code, out = run(ws, "gaps", "--category", "astrologie")
    assert code == 1 and out.startswith("Error: unknown category 'astrologie'; give its id"), out
    code, out = run(ws, "resolve", "inst-0999", "--take", "mine")
    assert code == 1 and out.startswith("Error: 'inst-0999' is neither a held conflict nor"), out


def test_rebuild_after_retire_and_restore_gives_the_same_register(ws: Workspace) -> None:
    assert run(ws, "retire", "inst-0002", "--reason", CLOSED)[0] == 0
    assert run(ws, "retire", "inst-0001")[0] == 0
    assert run(ws, "restore", "inst-0001")[0] == 0
    before = json.loads(ws.register_path.read_bytes())
    code, out = run(ws, "rebuild")
    assert code == 0 and "6 Vorgänge" in out
    assert json.loads(ws.register_path.read_bytes()) == before
    assert "retired" in before["institutions"]["inst-0002"]
    assert "retired" not in before["institutions"]["inst-0001"]


def test_exports_mark_a_retired_institution_or_leave_it_out_of_the_tables(
    ws: Workspace, tmp_path: Path
) -> None:
    import jsonschema

    from ingest.export import export_json_schema

    assert run(ws, "retire", "inst-0002", "--reason", CLOSED)[0] == 0
    at = load(ws).retired("inst-0002")["at"]  # type: ignore[index]
    code, out = run(ws, "export", "--format", "json", "-o", str(tmp_path / "r.json"))
    assert code == 0 and "2 Einrichtungen" in out  # the JSON keeps every institution
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    jsonschema.validate(data, export_json_schema())
    by_id = {i["id"]: i for i in data["institutions"]}
    assert by_id["inst-0002"]["retired"] == {"at": at, "reason": CLOSED}
    assert "retired" not in by_id["inst-0001"]

    code, out = run(ws, "export", "--delimiter", ";", "-o", str(tmp_path / "r.csv"))
    assert code == 0 and "1 Einrichtung" in out
    rows = list(
        csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig")), delimiter=";")
    )
    assert [r["institution_id"] for r in rows] == ["inst-0001"]
    assert "retired_on" not in rows[0]

    code, out = run(ws, "export", "--with-retired", "--form", "long", "-o", str(tmp_path / "l.csv"))
    assert code == 0 and "2 Einrichtungen" in out
    day = dt.datetime.fromisoformat(at).astimezone().date()
    long = {
        (r["institution_id"], r["retired_on"], r["retired_reason"])
        for r in _csv_rows(tmp_path / "l.csv")
    }
    assert long == {("inst-0001", "", ""), ("inst-0002", day.isoformat(), CLOSED)}

    code, _ = run(
        ws,
        "export",
        "--format",
        "xlsx",
        "--labels",
        "--with-retired",
        "-o",
        str(tmp_path / "r.xlsx"),
    )
    assert code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "r.xlsx")["Register"]
    header, *values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert header[-2:] == ["aus dem Register genommen am", "warum aus dem Register genommen"]
    retired = [row[-2:] for row in values if row[0] == "inst-0002"]
    assert retired == [[day.strftime("%d.%m.%Y"), CLOSED]]
    code, _ = run(ws, "export", "--format", "xlsx", "-o", str(tmp_path / "s.xlsx"))
    sheet = load_workbook(tmp_path / "s.xlsx")["Register"]
    assert [row[0].value for row in sheet.iter_rows()][1:] == ["inst-0001"]


def test_an_export_without_personal_data_leaves_out_why_an_institution_was_retired(
    ws: Workspace, tmp_path: Path
) -> None:
    """The reason the coordinator gave may name people („Frau Żółć ist gegangen“): an export
    for partners (--no-personal) keeps the day an institution was retired, not why, in the
    tables (blank) and in the JSON (null, as for a retirement without a reason)."""
    why = "Frau Łucja Żółć ist gegangen, keine Vertretung"
    assert run(ws, "retire", "inst-0002", "--reason", why)[0] == 0
    at = load(ws).retired("inst-0002")["at"]  # type: ignore[index]
    day = dt.datetime.fromisoformat(at).astimezone().date()
    common = ("export", "--with-retired", "--no-personal")
    for form in ("wide", "long"):
        table = tmp_path / f"{form}.csv"
        assert run(ws, *common, "--form", form, "-o", str(table))[0] == 0
        assert "Żółć" not in table.read_text("utf-8-sig")
        retired = {(r["retired_on"], r["retired_reason"]) for r in _csv_rows(table) if r["institution_id"] == "inst-0002"}  # fmt: skip
        assert retired == {(day.isoformat(), "")}
    assert run(ws, *common, "--format", "xlsx", "--labels", "-o", str(tmp_path / "r.xlsx"))[0] == 0
    from openpyxl import load_workbook

    for sheet in load_workbook(tmp_path / "r.xlsx"):
        cells = [str(c.value or "") for row in sheet.iter_rows() for c in row]
        assert not [c for c in cells if "Żółć" in c], sheet.title
    assert run(ws, "export", "--no-personal", "--format", "json", "-o", str(tmp_path / "r.json"))[0] == 0  # fmt: skip
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    (gone,) = [i for i in data["institutions"] if i["id"] == "inst-0002"]
    assert gone["retired"] == {"at": at, "reason": None}
    # the coordinator's own export keeps it
    assert run(ws, "export", "--with-retired", "-o", str(tmp_path / "own.csv"))[0] == 0
    assert why in (tmp_path / "own.csv").read_text("utf-8-sig")


@pytest.mark.parametrize(
    "retired",
    [True, None, "2026-06-30", {"reason": CLOSED}, {"at": "2026-06-30T00:00:00Z", "reason": 7}],
)
def test_a_hand_edited_retired_mark_is_told_where(ws: Workspace, retired: object) -> None:
    data = json.loads(ws.register_path.read_bytes())
    data["institutions"]["inst-0002"]["retired"] = retired
    ws.register_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out = run(ws, "find")
    assert code == 1
    assert out.startswith(
        "Fehler: " + str(ws.register_path) + ": Einrichtung inst-0002: 'retired' muss ein Objekt "
        "mit 'at' (einer Zeit) und 'reason' (Text oder null) sein; das Register ist beschädigt"
    ), out


def test_a_hand_edited_retired_mark_without_reason_exports_as_its_schema_says(
    ws: Workspace,
) -> None:
    """A mark the register accepts ({"at"} alone, or with a key of its own) is exported in the
    shape the export's JSON Schema promises: ``at`` and ``reason``, nothing else."""
    import jsonschema

    from ingest.export import export_json, export_json_schema

    data = json.loads(ws.register_path.read_bytes())
    data["institutions"]["inst-0002"]["retired"] = {"at": "2026-06-30T08:00:00Z", "note": "x"}
    ws.register_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    exported = json.loads(export_json(load(ws)))
    jsonschema.validate(exported, export_json_schema())
    (inst,) = [i for i in exported["institutions"] if i["id"] == "inst-0002"]
    assert inst["retired"] == {"at": "2026-06-30T08:00:00Z", "reason": None}


NOT_CHANGES = (
    "muss ein Objekt sein, dessen 'changes' eine Liste aus [Feldpfad, alter Wert, neuer Wert] ist"
)


@pytest.mark.parametrize(
    ("where", "edit", "said"),
    [
        (
            "Einrichtung inst-0001, Verlaufseintrag 2",
            lambda d: d["institutions"]["inst-0001"]["history"].__setitem__(1, "Telefon geändert"),
            NOT_CHANGES,
        ),
        (
            "Einrichtung inst-0001, Verlaufseintrag 1",
            lambda d: d["institutions"]["inst-0001"]["history"][0].pop("changes"),
            NOT_CHANGES,
        ),
        (
            "Einrichtung inst-0001, Verlaufseintrag 2",
            lambda d: d["institutions"]["inst-0001"]["history"][1]["changes"][0].__setitem__(0, 7),
            NOT_CHANGES,
        ),
        (
            "Konflikte, c-0001",
            lambda d: d["conflicts"]["c-0001"].pop("path"),
            "muss ein Objekt mit 'path' und 'institution_id' (Text) sein",
        ),
        (
            "Konflikte, c-0001",
            lambda d: d["conflicts"].__setitem__("c-0001", ["inst-0001"]),
            "muss ein Objekt mit 'path' und 'institution_id' (Text) sein",
        ),
    ],
)
def test_a_hand_edited_history_or_conflict_is_told_where(
    ws: Workspace, where: str, edit: Any, said: str
) -> None:
    """The workspace's schema renames a field, so every open maps the register's history and
    held conflicts to the new id: a place broken by hand is named, not a traceback."""
    switch_schema(ws.root)
    data = json.loads(ws.register_path.read_bytes())
    edit(data)
    ws.register_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out = run(ws, "find")
    assert code == 1
    assert out.startswith(
        f"Fehler: {ws.register_path}: {where}: {said}; das Register ist beschädigt oder wurde "
        "von Hand bearbeitet. Es wurde nicht geändert: diese Stelle korrigieren"
    ), out


LONG_RUNS = [
    ("rebuild", "REBUILD_PROGRESS", (), "Register wird neu aufgebaut", "Rebuilding the register"),
    ("print", "PRINT_PROGRESS", (), "Register wird gedruckt", "Printing the register"),
    ("export", "XLSX_PROGRESS", ("--format", "xlsx"), "Register wird exportiert", "Exporting the register"),
]  # fmt: skip


def _made(ws: Workspace, command: str, out: str) -> Any:
    """What a run of ``command`` made, as a reader sees it: the register, the pages' text, the
    sheets' cells."""
    if command == "rebuild":
        return ws.register_path.read_bytes()
    path = Path(out.split(": ")[0])
    if command == "print":
        with pdfplumber.open(path) as pdf:
            return [page.extract_text() for page in pdf.pages]
    book = openpyxl.load_workbook(path, read_only=True)
    return [list(sheet.values) for sheet in book.worksheets]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(("command", "least", "args", "de", "en"), LONG_RUNS)
def test_a_long_register_command_shows_its_progress_on_a_terminal_only(
    ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    command: str,
    least: str,
    args: tuple[str, ...],
    de: str,
    en: str,
) -> None:
    """A print, rebuild or XLSX export of thousands of institutions runs for minutes: on a
    terminal a progress bar on stderr says it is working (click's bar, as 'formgen ingest'
    shows it; where stderr is no terminal click says its label once, as here); in a pipe or a
    cron job's mail nothing, nor for a run too short to wait for. What it makes is the same."""
    ws = in_language(ws, lang) if lang == "en" else ws

    def invoked() -> Any:
        result = CliRunner().invoke(main, ["register", command, *args, "-w", str(ws.root)])
        assert result.exit_code == 0, result.output
        return result, _made(ws, command, result.stdout)

    # no terminal: nothing but what the command says
    plain, made = invoked()
    assert plain.stderr == ""
    monkeypatch.setattr("formgen.cli.common.stderr_is_terminal", lambda: True)
    # a terminal, two institutions: too short a run for a bar
    result, _ = invoked()
    assert result.stderr == ""
    # a terminal, a run as long as a bar is shown for: on stderr only, in the workspace's language
    monkeypatch.setattr(f"formgen.cli.register.{least}", 1)
    result, made_shown = invoked()
    assert result.stderr == {"de": de, "en": en}[lang] + "\n"
    assert result.stdout == plain.stdout
    assert made_shown == made


def test_a_long_run_tells_its_progress_up_to_all_of_it(ws: Workspace) -> None:
    """The library's part of the bar: each step told, the last one all of the work (a print
    lays out each entry in each pass of its layout: three, as a rule, where the contents fill
    pages; two are enough here)."""
    from ingest.export import export_xlsx
    from ingest.printed import PrintOptions, render_register

    told: list[tuple[int, int]] = []
    reg = load(ws)
    render_register(reg, PrintOptions(stand=dt.date(2026, 11, 24)), lambda *t: told.append(t))
    assert told == [(1, 6), (2, 6), (3, 6), (4, 6), (4, 4)]  # two entries, two passes
    told.clear()
    export_xlsx(reg, progress=lambda *t: told.append(t))
    assert told == [(1, 4), (2, 4), (3, 4), (4, 4)]  # each institution once in each sheet
    told.clear()
    from ingest.journal import rebuild

    rebuild(ws, progress=lambda *t: told.append(t))
    assert told == [(n, len(told)) for n in range(1, len(told) + 1)] and len(told) >= 3
