"""The figures of a year for the funder (``register report --year``) and the register exported
as it was at the end of a day (``register export --stand``), over a register kept for two years.
Read back: the command's text and JSON, the CSV, JSON and XLSX files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner
from register_support import YILMAZ, checklist, institution_form

from formgen.cli import main
from formgen.schema_load import default_schema
from formgen.sendlog import SendLog
from formgen.workspace import Workspace
from ingest.export import export_json_schema
from ingest.journal import as_of, journal_path, load, writing
from ingest.register import Register
from ingest.submission import Submission
from ingest.yearly import year_figures

KRISE = {"name": "Кризисная служба Neuss", "city": "Neuss", "region": "neuss_meerbusch"}
WOJCIK = {
    "name": "Praxis Zofia Wójcik",
    "street": "Kölner Straße 5",
    "postcode": "41539",
    "city": "Dormagen",
    "region": "dormagen",
    "phone": "+49 2133 12345",
    "contact_name": "Zofia Wójcik",
    "date": "2025-02-01",
}
TWICE = dict(WOJCIK, name="Psychotherapie am Markt", street="Marktplatz 3", phone="+49 2133 98765")
NEW_2026 = {"name": "Дом Надежды e. V.", "city": "Neuss", "region": "neuss_meerbusch"}


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """2024: Praxis Şule Yılmaz (Düsseldorf, its form dated 20.02.2024) and a crisis service
    (Neuss) return their checklists. 2025: the crisis service confirmed on the telephone,
    Praxis Wójcik (Dormagen) returns one and a second one under the name of its second
    practice (merged into the first), Praxis Yılmaz closes. 2026: a phone number set by hand, a new association."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    times: Iterator[str] = iter(
        [
            "2024-03-01T09:00:00Z",
            "2024-03-02T09:00:00Z",
            "2025-01-10T09:00:00Z",
            "2025-02-03T09:00:00Z",
            "2025-02-04T09:00:00Z",
            "2025-02-05T09:00:00Z",
            "2025-06-30T09:00:00Z",
            "2026-01-12T09:00:00Z",
            "2026-01-13T09:00:00Z",
        ]
    )
    monkeypatch.setattr("ingest.journal.now_iso", lambda: next(times))
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", dict(YILMAZ, date="2024-02-20")))  # inst-0001
        w.merge(checklist("krisendienst", KRISE))  # inst-0002
        w.confirm("inst-0002", ["krisendienst"], "am Telefon")
        w.merge(checklist("psychotherapie", WOJCIK))  # inst-0003
        w.merge(checklist("psychotherapie", TWICE))  # inst-0004
        w.merge_institutions("inst-0003", "inst-0004", "dieselbe Praxis")
        w.retire("inst-0001", "Praxis geschlossen")
        w.set("inst-0002", "institution.phone", "02131 123456", "per Telefon")
        w.merge(checklist("migrantenselbstorganisationen", NEW_2026))
    monkeypatch.undo()  # what a test does is done now
    assert sorted(load_ids(ws)) == [f"inst-000{n}" for n in range(1, 6)]
    return ws


def load_ids(ws: Workspace) -> list[str]:
    return list(json.loads(ws.register_path.read_bytes())["institutions"])


def run(ws: Workspace, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["register", *args, "--workspace", str(ws.root)])
    return result.exit_code, result.output


def test_the_figures_of_each_year_as_the_register_was_at_its_end(ws: Workspace) -> None:
    code, out = run(ws, "report", "--year", "2024", "--json")
    assert code == 0, out
    assert json.loads(out) | {"entries": None} == {
        "year": 2024,
        "stand": "2024-12-31",
        "answers_read_by": dt.date.today().isoformat(),  # returns read since count too
        "institutions": 2,
        "new": 2,
        "answered": 2,
        "confirmed": 2,
        "closed": 0,
        "merged": 0,
        "mailed": 0,
        "mailed_rounds": 0,
        "mailed_answered": 0,
        "regions": {"duesseldorf": 1, "neuss_meerbusch": 1},
        "entries": None,
    }
    code, out = run(ws, "report", "--year", "2025", "--json")
    figures = json.loads(out)
    # the crisis service confirmed by telephone is no answer; Wójcik's two returns one
    # institution; the association of 2026 is not there yet
    assert (figures["institutions"], figures["new"], figures["answered"]) == (2, 1, 1)
    assert (figures["confirmed"], figures["closed"], figures["merged"]) == (2, 1, 1)
    assert figures["regions"] == {"dormagen": 1, "neuss_meerbusch": 1}
    held = {cid: counts for cid, counts in figures["entries"].items() if counts}
    assert held == {"krisendienst": {"neuss_meerbusch": 1}, "psychotherapie": {"dormagen": 1}}
    assert len(figures["entries"]) == 25  # every checklist, for a program


def test_the_report_in_german_names_checklists_and_regions(ws: Workspace) -> None:
    code, out = run(ws, "report", "--year", "2025")
    assert code == 0, out
    lines = out.splitlines()
    today = dt.date.today().strftime("%d.%m.%Y")
    assert (
        lines[0] == f"Zahlen des Jahres 2025 (Stand 31.12.2025; Rückmeldungen gelesen bis {today})"
    )
    assert lines[2:8] == [
        "Einrichtungen im Register: 2",
        "neu ins Register aufgenommen 2025: 1",
        "haben 2025 geantwortet (ein Formular zurückgeschickt): 1",
        "2025 angeschrieben: 0 (in 0 Runden)",
        "mit einem 2025 bestätigten Eintrag (Rückmeldung oder Bestätigung von Hand 2025 "
        "eingegangen, gleich welches Datum das Formular trägt): 2",
        "2025 aus dem Register genommen: 1, mit einer anderen zusammengeführt: 1",
    ]
    at = lines.index("Einträge nach Checkliste und Versorgungsregion:")
    rows = [re.split(r"  +", line.strip()) for line in lines[at + 1 : -1]]
    regions = ["Düsseldorf", "Rhein-Kreis Neuss (Neuss, Meerbusch)", "Dormagen", "Andere Region"]
    assert rows[0] == ["Checkliste", *regions, "zusammen"]
    assert rows[2:] == [
        ["Krisen(interventions)dienst", "0", "1", "0", "0", "1"],
        ["PsychotherapeutIn, niedergelassen", "0", "0", "1", "0", "1"],
        ["zusammen", "0", "1", "1", "0", "2"],
    ]
    assert lines[-1] == "23 Checklisten ohne Eintrag."
    code, out = run(ws, "report", "--year", "2025", "--lang", "en")
    title = f"Figures of 2025 (as of 2025-12-31; answers read by {dt.date.today().isoformat()})"
    assert out.startswith(f"{title}\n\ninstitutions in the register: 2")


def merged_in_2026(ws: Workspace, monkeypatch: pytest.MonkeyPatch, sub: Submission) -> None:
    """``sub`` read in on 20.01.2026."""
    monkeypatch.setattr("ingest.journal.now_iso", lambda: "2026-01-20T09:00:00Z")
    with writing(ws) as w:
        w.merge(sub)
    monkeypatch.undo()


def figures(ws: Workspace, year: str) -> dict[str, int]:
    code, out = run(ws, "report", "--year", year, "--json")
    assert code == 0, out
    counted: dict[str, int] = json.loads(out)
    return counted


def test_a_return_whose_values_wait_for_a_decision_answered(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The crisis service sends back its form of the revision before its phone number was set by
    hand, with another number: the number waits for a decision, and the service answered in
    2026 all the same, as the association did."""
    assert figures(ws, "2026")["answered"] == 1
    rev = load(ws).institutions["inst-0002"]["rev"]
    form = institution_form("inst-0002", "krisendienst", base=rev - 1, phone="02131 999000")
    merged_in_2026(ws, monkeypatch, form)
    held = [c["institution_id"] for c in load(ws).data["conflicts"].values()]
    assert "inst-0002" in held
    assert figures(ws, "2026")["answered"] == 2
    assert figures(ws, "2025")["answered"] == 1  # nothing of 2026 in 2025
    reg = load(ws)  # a register written before each return's source named its institutions
    for src in reg.data["sources"].values():
        src.pop("institutions", None)
    assert year_figures(reg, 2026, dt.date(2026, 12, 31)).answered == 2  # by the value held


def test_a_return_held_as_a_probable_duplicate_answered_once_settled() -> None:
    """Praxis Yılmaz (2025) sends a checklist in 2026 under another spelling of its name: held
    as a probable duplicate it answered nobody yet; settled as Praxis Yılmaz, it answered in
    2026."""
    reg = Register(default_schema())
    (iid,) = reg.merge(checklist("psychotherapie", YILMAZ), "2025-03-01T09:00:00Z").created
    similar = dict(YILMAZ, name="Psychotherapeutische Praxis S. Yılmaz", plans="Gruppe")
    (did,) = reg.merge(checklist("psychotherapie", similar), "2026-02-01T09:00:00Z").duplicates
    end = dt.date(2026, 12, 31)
    assert year_figures(reg, 2026, end).answered == 0
    assert reg.resolve_duplicate(did, "merge", at="2026-02-02T09:00:00Z") == iid
    assert year_figures(reg, 2026, end).answered == 1


def test_a_december_return_settled_as_a_duplicate_in_january_counts_in_december() -> None:
    """Praxis Yılmaz's checklist under another spelling, mailed on 30.12.2026, is read on
    02.01.2027 and held as a probable duplicate, settled on 05.01.: 2026 counts it as answered
    and confirmed (in the register as it is then), 2027 neither; the register at the end of
    2026, which had not read it, alone counts it nowhere."""
    reg, year_end = Register(default_schema()), Register(default_schema())
    for r in (reg, year_end):  # the register at the end of 2026 holds 2025's return alone
        (iid,) = r.merge(checklist("psychotherapie", YILMAZ), "2025-03-01T09:00:00Z").created
    similar = checklist("psychotherapie", dict(YILMAZ, name="Psychotherapie S. Yılmaz"))
    mailed = replace(similar, provenance=replace(similar.provenance, came_in="2026-12-30"))
    (did,) = reg.merge(mailed, "2027-01-02T09:00:00Z").duplicates
    end, made = dt.date(2026, 12, 31), dt.date(2027, 1, 15)
    assert reg.resolve_duplicate(did, "merge", at="2027-01-05T09:00:00Z") == iid
    old = year_figures(year_end, 2026, end, reg, made)
    assert (old.answered, old.confirmed, old.to_json()["answers_read_by"]) == (1, 1, "2027-01-15")
    new = year_figures(reg, 2027, made)
    assert (new.answered, new.confirmed) == (0, 0)
    alone = year_figures(year_end, 2026, end)
    assert (alone.answered, alone.confirmed) == (0, 0)


def test_a_service_split_off_answered_nothing() -> None:
    """Praxis Yılmaz answered in 2026; a practice split off it that year (register split) starts
    with its values, none of them its word: no answer of its own."""
    reg = Register(default_schema())
    (iid,) = reg.merge(checklist("psychotherapie", YILMAZ), "2026-03-01T09:00:00Z").created
    end = dt.date(2026, 12, 31)
    assert year_figures(reg, 2026, end).answered == 1
    name = "Praxis Yılmaz Nord"
    reg.split_institution(iid, reg.split_values(iid, name), "geteilt", at="2026-04-01T09:00:00Z")
    assert year_figures(reg, 2026, end).answered == 1


def test_a_form_dated_last_year_returned_this_year_confirms_this_year(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A counselling centre's checklist dated 15.12.2025 comes in on 20.01.2026: the register of
    2025 did not hold it, so 2026's report counts it as confirmed (and 2025's does not), as the
    text says; a funder adding the years up counts every confirmation once."""
    before = figures(ws, "2026")["confirmed"]
    lodz = {"name": "Stowarzyszenie „Dom“ Łódź", "city": "Neuss", "date": "2025-12-15"}
    merged_in_2026(ws, monkeypatch, checklist("fluechtlingsberatung", lodz))
    assert figures(ws, "2026")["confirmed"] == before + 1
    assert figures(ws, "2025")["confirmed"] == 2
    code, out = run(ws, "report", "--year", "2026", "--lang", "en")
    said = "with an entry confirmed in 2026 (a return or 'register confirm' that came in in 2026, "
    assert code == 0 and f"{said}whatever date its form gives): {before + 1}\n" in out


def test_a_year_not_begun_is_misuse(ws: Workspace) -> None:
    code, out = run(ws, "report", "--year", "9999")
    assert code == 2 and "--year 9999: dieses Jahr hat noch nicht begonnen" in out


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_an_export_as_of_a_past_day_holds_the_register_of_that_day(ws: Workspace, fmt: str) -> None:
    """For the year's report: the association of 2026 and the phone number set then are not in
    the export as of 31.12.2025, nor the practice closed in 2025; the file is named for the
    day."""
    code, out = run(ws, "export", "--format", fmt, "--stand", "31.12.2025", "--with-retired")
    assert code == 0, out
    path = ws.exports_dir / f"register-2025-12-31{'-wide' if fmt == 'csv' else ''}.{fmt}"
    assert path.exists(), out
    if fmt == "json":
        data = json.loads(path.read_bytes())
        jsonschema.validate(data, export_json_schema())  # a program reading exports reads it
        assert (data["stand"], data["exported_on"]) == ("2025-12-31", today())
        names = [i["institution"]["name"] for i in data["institutions"]]
        phones = [i["institution"].get("phone") for i in data["institutions"]]
        retired = [i["id"] for i in data["institutions"] if "retired" in i]
        stale = {
            i["id"]: i["status"]["psychotherapie"]["stale"]
            for i in data["institutions"]
            if "psychotherapie" in i["status"]
        }
        stale = {iid: "ja" if flag else "nein" for iid, flag in stale.items()}
    else:
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
        else:
            sheet = openpyxl.load_workbook(path).worksheets[0]
            values = [[c.value or "" for c in r] for r in sheet.iter_rows()]
            rows = [dict(zip(values[0], r, strict=True)) for r in values[1:]]
        names = [r["name"] for r in rows]
        phones = [r["phone"] for r in rows]
        retired = [r["institution_id"] for r in rows if r["retired_on"]]
        stale = {r["institution_id"]: r["stale"] for r in rows if r["category"] == "psychotherapie"}
    assert "Дом Надежды e. V." not in names and "Кризисная служба Neuss" in names
    assert "Praxis Zofia Wójcik" in names
    assert not any("123456" in str(p) and "2131" in str(p) for p in phones)
    assert sorted(set(retired)) == ["inst-0001", "inst-0004"]
    # Praxis Wójcik's form of 01.02.2025 is stale a year later, not on 31.12.2025
    assert stale["inst-0003"] == "nein"
    code, out = run(ws, "export", "--format", fmt, "--with-retired")
    now = ws.exports_dir / path.name.replace("2025-12-31", today())
    assert code == 0 and now.exists(), out
    assert "Дом Надежды" in (
        now.read_text("utf-8-sig") if fmt != "xlsx" else str(list(xlsx_values(now)))
    )
    if fmt == "xlsx":  # its Info sheet says the day it holds as its Stand, and the day made
        info = openpyxl.load_workbook(path)["Info"]
        rows = [list(r[:2]) for r in info.iter_rows(values_only=True)]
        made = dt.date.today().strftime("%d.%m.%Y")
        assert ["Stand", "31.12.2025"] in rows and ["Erstellt am", made] in rows
        assert [
            "stale",
            "„ja“: zum Stand 31.12.2025 zuletzt vor mehr Tagen bestätigt, als die "
            "Checkliste zulässt, oder nie; die Einrichtung wird neu gefragt (formgen register "
            "stale).",
        ] in rows


@pytest.mark.parametrize("command", ["export", "print"])
def test_a_stand_still_to_come_is_misuse_as_a_year_not_begun(ws: Workspace, command: str) -> None:
    """The register of a day to come is not known: export and print refuse it (exit 2), as report
    refuses a year not begun; they judged today's register stale as of that day under its
    date. Nothing is written. Today is a Stand."""
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    code, out = run(ws, command, "--stand", tomorrow.strftime("%d.%m.%Y"))
    said = " ".join(out.split())
    day = tomorrow.strftime("%d.%m.%Y")
    assert code == 2 and f"--stand {day}: dieser Tag kommt erst noch" in said
    assert "heute ist der " + dt.date.today().strftime("%d.%m.%Y") in said
    assert not ws.exports_dir.exists() or not list(ws.exports_dir.iterdir())
    code, out = run(ws, command, "--stand", dt.date.today().isoformat())
    assert code == 0, out


@pytest.mark.parametrize(
    ("args", "day"),
    [
        (["report", "--year", "1900"], "31.12.1900"),
        (["export", "--stand", "01.01.1900"], "01.01.1900"),
        (["print", "--stand", "29.2.2024"], "29.02.2024"),
    ],
    ids=["report", "export", "print"],
)
def test_a_day_before_the_register_began_is_said_with_the_day_it_began(
    ws: Workspace, args: list[str], day: str
) -> None:
    """Figures of 1900 are zeros and its export is empty, as they were; a line says the register
    began only on 01.03.2024 (its first operation), so that a day mistyped shows (s23 H 11).
    Its day and any after it are not told so."""
    code, out = run(ws, *args)
    assert code == 0, out
    assert (
        "Hinweis: das Register begann erst am 01.03.2024 (mit seinem ersten Vorgang im Journal): "
        f"am {day} enthielt es noch keine Einrichtung" in " ".join(out.split())
    )
    code, out = run(ws, args[0], args[1], "2024" if args[0] == "report" else "01.03.2024")
    assert code == 0, out
    assert "begann erst" not in out


def today() -> str:
    return dt.date.today().isoformat()


def xlsx_values(path: Path) -> Iterator[object]:
    for row in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True):
        yield from row


@pytest.mark.parametrize(
    "args",
    [
        ["print", "--stand", "31.12.2024"],
        ["export", "--stand", "31.12.2024"],
        ["report", "--year", "2024"],
        ["report", "--year", "2024", "--json"],
    ],
    ids=" ".join,
)
def test_the_replay_of_the_journal_for_a_past_day_shows_its_progress_on_a_terminal(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """The register of a past day is made from the journal before the print or export begins
    (3.8 s for 1,000 operations): on a terminal a bar says so, as the rebuild's does; not for
    --json, nor where stderr is no terminal."""
    plain = CliRunner().invoke(main, ["register", *args, "-w", str(ws.root)])
    assert plain.exit_code == 0 and plain.stderr == "", plain.output
    monkeypatch.setattr("formgen.cli.common.stderr_is_terminal", lambda: True)
    monkeypatch.setattr("formgen.cli.register.REBUILD_PROGRESS", 1)
    shown = CliRunner().invoke(main, ["register", *args, "-w", str(ws.root)])
    bar = "Register zum Stand 31.12.2024 wird aus dem Journal hergestellt\n"
    assert shown.stderr == ("" if "--json" in args else bar)
    assert shown.stdout == plain.stdout


def test_the_replay_tells_each_operation_up_to_the_day(ws: Workspace) -> None:
    told: list[tuple[int, int]] = []
    reg = as_of(ws, dt.date(2024, 12, 31), lambda *t: told.append(t))
    assert told == [(1, 2), (2, 2)]  # the two returns of 2024, of nine operations
    assert reg is not None and sorted(reg.institutions) == ["inst-0001", "inst-0002"]


def test_a_year_before_a_repair_of_the_journal_is_refused_naming_the_day_it_begins(
    ws: Workspace,
) -> None:
    """After 'register repair' the journal knows the register only from that day on: the figures
    of 2024 are not made up from it, and the message names no option of another command."""
    journal = journal_path(ws)
    lines = journal.read_bytes().split(b"\n")
    del lines[2]  # operation 3 lost
    journal.write_bytes(b"\n".join(lines))
    repaired = CliRunner().invoke(main, ["register", "repair", "-w", str(ws.root)])
    assert repaired.exit_code == 0, (repaired.output, repaired.stderr, repaired.exception)
    code, out = run(ws, "report", "--year", "2024")
    said = " ".join(out.split())
    day = dt.date.today().strftime("%d.%m.%Y")
    assert code == 1 and "Fehler: das Register zum Stand 31.12.2024 ist nicht bekannt" in said
    assert f"beginnt am {day} (von register repair neu begonnen); ab diesem Tag" in said


def test_on_a_narrow_terminal_each_checklist_is_a_line_with_its_regions(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """80 columns hold no table of four regions beside the checklists' names, which it would cut
    to „Krisen(inte…“: a line each, folded under its start."""
    monkeypatch.setattr("formgen.cli.register.columns", lambda: 80)
    code, out = run(ws, "report", "--year", "2025")
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 80, out
    lines = out.splitlines()
    at = lines.index("Einträge nach Checkliste und Versorgungsregion:")
    assert lines[at + 1 : -1] == [
        "Krisen(interventions)dienst: 1 (Rhein-Kreis Neuss (Neuss, Meerbusch) 1)",
        "PsychotherapeutIn, niedergelassen: 1 (Dormagen 1)",
        "zusammen: 2 (Rhein-Kreis Neuss (Neuss, Meerbusch) 1, Dormagen 1)",
    ]


def drafted(ws: Workspace, round_name: str, iid: str, at: str, **more: str) -> None:
    """A mail of ``round_name`` to ``iid`` written as a draft at ``at``, in the send log."""
    log = SendLog(ws.root)
    event = {"event": "drafted", "at": at, "round": round_name, "institution_id": iid, **more}
    with log.path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(event, ensure_ascii=False) + "\n")


def test_the_report_says_how_many_were_mailed_and_how_many_answered_these_mails(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted by institution, as ``formgen status`` counts an answer: 2025's mail to the crisis
    service came after its confirmation on the telephone, no answer; in 2026 the crisis service
    and Дом Надежды are mailed in one round, Praxis Wójcik in two (once under the id of its
    second practice, merged into it): 3 institutions in 2 rounds, and Дом Надежды confirms on
    the telephone after its mail: 1 of 3 answered (33 %); its checklist, read in before its
    mail, is the year's one return and answers no mail."""
    drafted(ws, "invitation-2025", "inst-0002", "2025-03-01T09:00:00+01:00")
    for iid in ("inst-0002", "inst-0005", "inst-0004"):
        drafted(ws, "invitation-2026", iid, "2026-02-01T09:00:00+01:00")
    drafted(ws, "update-2026", "inst-0003", "2026-03-01T09:00:00+01:00", kind="update")
    monkeypatch.setattr("ingest.journal.now_iso", lambda: "2026-02-10T09:00:00Z")
    with writing(ws) as w:
        w.confirm("inst-0005", ["migrantenselbstorganisationen"], "am Telefon")
    monkeypatch.undo()
    assert {k: v for k, v in figures(ws, "2025").items() if k.startswith("mailed")} == {
        "mailed": 1,
        "mailed_rounds": 1,
        "mailed_answered": 0,
    }
    this_year = figures(ws, "2026")
    counts = ("answered", "mailed", "mailed_rounds", "mailed_answered")
    assert tuple(this_year[k] for k in counts) == (1, 3, 2, 1)
    code, out = run(ws, "report", "--year", "2026")
    assert code == 0, out
    lines = out.splitlines()
    at = lines.index("haben 2026 geantwortet (ein Formular zurückgeschickt): 1")
    assert lines[at + 1 : at + 3] == [
        "2026 angeschrieben: 3 (in 2 Runden)",
        "  davon auf diese Mails geantwortet: 1 (33 %)",
    ]
    out = run(ws, "report", "--year", "2025", "--lang", "en")[1]
    assert "mailed in 2025: 1 (in 1 round)\n  of them answered these mails: 0 (0 %)\n" in out
