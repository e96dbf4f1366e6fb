"""``formgen register merge KEEP OTHER``: two institutions of the register turn out to be one
(the same practice entered twice under two spellings), on registers built from forms that
PDFium (Chrome's engine) filled in and formgen ingested."""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.policy
import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from pypdf import PdfReader
from register_support import SCHEMA, YILMAZ, checklist, entry, institution_form, submission
from test_register_returns import mailed_form, run

from formgen.cli import main
from formgen.errors import RegisterError
from formgen.messages import moment_text
from formgen.workspace import Workspace
from ingest.export import export_json_schema
from ingest.journal import load
from ingest.register import IMPORT, MERGED, Register

TODAY = dt.date.today().strftime("%d.%m.%Y")
NOTE = "dieselbe Praxis, zweimal erfasst"
LIST = (
    "id;institution;email;categories;region\n"
    "praxis-a;Praxis Şule Yılmaz;sule@praxis.example;psychotherapie;Düsseldorf\n"
    "praxis-b;Praxis Sule Yilmaz;info@yilmaz.example;psychotherapie;Düsseldorf\n"
    "ua-1;Ольга Петренко – Консультація;olga@example.org;psychotherapie;andere\n"
)
TYPED = {
    "praxis-a": {
        "institution.phone": "0211 123456",
        "psychotherapie.contact_name": "Şule Yılmaz",
        "psychotherapie.date": TODAY,
        "psychotherapie.initials": "ŞY",
    },
    "praxis-b": {
        "institution.phone": "0211 999999",
        "institution.website": "www.yilmaz.example",
        "psychotherapie.contact_name": "Şule Yılmaz",
        "psychotherapie.office_hours": "Mo 9–12 Uhr",
        "psychotherapie.date": TODAY,
        "psychotherapie.initials": "ŞY",
    },
    "ua-1": {"psychotherapie.contact_name": "Ольга Петренко", "psychotherapie.date": TODAY},
}


def _built(root: Path, lang: str) -> Path:
    """A workspace in ``lang`` whose register holds the practice twice, praxis-a and
    praxis-b, each as its own form returned it, and Olga Petrenko's counselling; a second
    round (prefilled from the register) went out to all three."""
    ws = make_workspace(root / "ws", language=lang)
    listed = root / "liste.csv"
    listed.write_text(LIST, "utf-8")
    run("mail", str(listed), "-w", str(ws.root), "--drafts", str(root / "d1"))
    for iid, typed in TYPED.items():
        filled = root / f"{iid}.pdf"
        filled.write_bytes(pdfium_fill(mailed_form(ws, iid).read_bytes(), typed))
        run("ingest", str(filled), "-w", str(ws.root))
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(root / "d2"), "--round", "r2", "--force")  # fmt: skip
    return ws.root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {lang: _built(tmp_path_factory.mktemp(lang), lang) for lang in ("de", "en")}


@pytest.fixture
def ws(built: dict[str, Path], tmp_path: Path) -> Workspace:
    shutil.copytree(built["de"], tmp_path / "ws")
    return Workspace.open(tmp_path / "ws")


def register(ws: Workspace, *args: str) -> tuple[int, str]:
    done = CliRunner().invoke(main, ["register", *args, "-w", str(ws.root)])
    return done.exit_code, done.output


def journal_bytes(ws: Workspace) -> bytes:
    return (ws.root / "journal.jsonl").read_bytes()


def returned(ws: Workspace, tmp_path: Path, iid: str, typed: dict[str, str]) -> Path:
    """``iid``'s form of round r2, filled in with ``typed`` and saved by PDFium."""
    filled = tmp_path / f"{iid}-r2.pdf"
    filled.write_bytes(pdfium_fill(mailed_form(ws, iid, "r2").read_bytes(), typed))
    return filled


MERGED_LINES = [
    "  übernommen von praxis-b: Einrichtung › Internetseite: „www.yilmaz.example“",
    "  übernommen von praxis-b: PsychotherapeutIn, niedergelassen › Sprechzeiten: „Mo 9–12 Uhr“",
    "  zurückgestellt als c-0001: Einrichtung › Name der Einrichtung: praxis-a behält „Praxis "
    "Şule Yılmaz“, praxis-b hat „Praxis Sule Yilmaz“ → formgen register resolve c-0001 --take "
    "mine|theirs",
    "  zurückgestellt als c-0002: Einrichtung › Telefon (Zentrale): praxis-a behält „+49 211 "
    "123456“, praxis-b hat „+49 211 999999“ → formgen register resolve c-0002 --take mine|theirs",
    "  zurückgestellt als c-0003: Einrichtung › E-Mail: praxis-a behält „sule@praxis.example“, "
    "praxis-b hat „info@yilmaz.example“ → formgen register resolve c-0003 --take mine|theirs",
    "  4 Werte in beiden gleich",
]


def test_the_other_gives_what_only_it_holds_waits_where_they_differ_and_is_retired(
    ws: Workspace, tmp_path: Path
) -> None:
    code, out = register(ws, "merge", "praxis-a", "praxis-b", "--note", NOTE)
    assert code == 0, out
    assert out.splitlines() == [
        f"praxis-b Praxis Sule Yilmaz: mit praxis-a Praxis Şule Yılmaz zusammengeführt ({NOTE}) "
        "und aus dem Register genommen: ab jetzt nicht mehr in find, stale, gaps und status, im "
        "Druck, in den Tabellen und in den Mailrunden; ein Formular von ihr, das zurückkommt, "
        "geht an praxis-a (die Historie bleibt: formgen register history praxis-b)",
        *MERGED_LINES,
    ]

    # the register: taken values name the merge as their source and keep whose word they were
    data = json.loads(ws.register_path.read_bytes())
    keep, other = data["institutions"]["praxis-a"], data["institutions"]["praxis-b"]
    website = keep["institution"]["website"]
    assert website["v"] == "www.yilmaz.example" and website["rev"] == keep["rev"]
    assert data["sources"][website["src"]] == {
        "kind": MERGED,
        "from": "praxis-b",
        "note": NOTE,
        "ingested_at": keep["history"][-1]["at"],
    }
    assert website["origin"] == other["institution"]["website"]["src"]
    assert data["sources"][website["origin"]]["kind"] == "institution"
    assert keep["institution"]["phone"]["v"] == "+49 211 123456"  # its own, kept
    assert keep["entries"]["psychotherapie"]["by_institution"] is True
    assert other["retired"] == {
        "at": keep["history"][-1]["at"],
        "reason": "merged into praxis-a",
        "merged_into": "praxis-a",
    }
    assert other["institution"]["phone"]["v"] == "+49 211 999999"  # its record stays as it was
    assert json.loads(journal_bytes(ws).splitlines()[-1]) | {"seq": 0, "at": ""} == {
        "seq": 0,
        "at": "",
        "op": "merge-institutions",
        "keep": "praxis-a",
        "other": "praxis-b",
        "note": NOTE,
    }

    # the differing values wait as conflicts do, and are decided as they are
    code, out = register(ws, "conflicts")
    assert code == 0 and out.count("praxis-a Praxis Şule Yılmaz  Einrichtung › ") == 3
    assert f"von Hand zusammengeführt aus praxis-b: {NOTE}, " in out
    assert "Grund: die mit dieser zusammengeführte Einrichtung hatte einen anderen Wert" in out
    assert "    zusammengeführt: +49 211 999999\n" in out  # not "returned"
    code, out = register(ws, "resolve", "c-0002", "--take", "theirs")
    assert code == 0 and out.startswith(
        "entschieden (Wert der zusammengeführten Einrichtung übernommen): c-0002  praxis-a"
    )
    assert "im Register steht jetzt: +49 211 999999" in out
    assert load(ws).value("praxis-a", "institution.phone")["v"] == "+49 211 999999"  # type: ignore[index]

    # both histories show the merge
    at = moment_text(keep["history"][-1]["at"], "de")
    code, out = register(ws, "history", "praxis-b")
    assert code == 0 and out.endswith(
        f"\n\n{at}  mit praxis-a Praxis Şule Yılmaz zusammengeführt und aus dem Register "
        f"genommen: {NOTE}\n"
    )
    code, out = register(ws, "history", "praxis-a")
    assert f"Revision 2  {at}  von Hand zusammengeführt aus praxis-b: {NOTE}\n" in out
    assert "    Internetseite: (leer) → www.yilmaz.example\n" in out

    # out of every list, table, print and mail round; the JSON keeps it, marked
    table = tmp_path / "register.csv"
    assert register(ws, "export", "-o", str(table))[0] == 0
    ids = [r["institution_id"] for r in csv.DictReader(io.StringIO(table.read_text("utf-8-sig")), delimiter=";")]  # fmt: skip
    assert ids == ["praxis-a", "ua-1"]
    assert register(ws, "export", "--with-retired", "--labels", "-o", str(table))[0] == 0
    rows = list(csv.reader(io.StringIO(table.read_text("utf-8-sig")), delimiter=";"))
    assert [r[-1] for r in rows if r[0] == "praxis-b"] == ["zusammengeführt mit praxis-a"]
    # which institution it went into names no one: also for partners (--no-personal)
    assert register(ws, "export", "--with-retired", "--no-personal", "-o", str(table))[0] == 0
    rows = list(csv.reader(io.StringIO(table.read_text("utf-8-sig")), delimiter=";"))
    assert [r[-1] for r in rows if r[0] == "praxis-b"] == ["merged into praxis-a"]
    exported = tmp_path / "register.json"
    assert register(ws, "export", "--format", "json", "-o", str(exported))[0] == 0
    (b,) = [i for i in json.loads(exported.read_bytes())["institutions"] if i["id"] == "praxis-b"]
    assert b["retired"] == {
        "at": other["retired"]["at"],
        "reason": "merged into praxis-a",
        "merged_into": "praxis-a",
    }
    jsonschema.validate(json.loads(exported.read_bytes()), export_json_schema())
    assert "praxis-b" not in register(ws, "find", "--json")[1]
    assert "praxis-b" not in register(ws, "stale", "--json", "--today", "2099-01-01")[1]
    printed = tmp_path / "register.pdf"
    assert register(ws, "print", "-o", str(printed))[0] == 0
    text = "".join(p.extract_text() for p in PdfReader(printed).pages)
    assert "Praxis Şule Yılmaz" in text
    # not printed, but named where the contents list the sheets to take out
    assert text.count("Praxis Sule Yilmaz") == 1
    assert "Praxis Sule Yilmaz (praxis-b) – Rubrik 15: aus dem Register genommen am" in text
    status = json.loads(run("status", "-w", str(ws.root), "--json"))
    assert status["retired"] == 1
    out = run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d3"), "--force")  # fmt: skip
    assert "praxis-a" in out and "praxis-b" not in out

    # the journal is the source of truth: a rebuild makes the same register
    before = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == before


def test_a_dry_run_says_what_the_merge_would_do_and_changes_nothing(ws: Workspace) -> None:
    kept = ws.register_path.read_bytes(), journal_bytes(ws)
    code, out = register(ws, "merge", "praxis-a", "praxis-b", "--note", NOTE, "--dry-run")
    assert code == 0
    assert out.splitlines() == [
        "--dry-run: praxis-b Praxis Sule Yilmaz würde mit praxis-a Praxis Şule Yılmaz "
        "zusammengeführt; nichts geändert",
        *MERGED_LINES,
    ]
    assert (ws.register_path.read_bytes(), journal_bytes(ws)) == kept


def test_a_form_of_the_other_still_out_comes_back_to_the_one_kept(
    ws: Workspace, tmp_path: Path
) -> None:
    assert register(ws, "merge", "praxis-a", "praxis-b", "--note", NOTE)[0] == 0
    assert register(ws, "resolve", "praxis-a", "--take", "mine")[0] == 0
    other = json.loads(ws.register_path.read_bytes())["institutions"]["praxis-b"]
    # the practice corrects its office hours and its phone number on praxis-b's form
    filled = returned(
        ws,
        tmp_path,
        "praxis-b",
        {"psychotherapie.office_hours": "Di 10–14 Uhr", "institution.phone": "0211 555555"},
    )
    out = run("ingest", str(filled), "-w", str(ws.root))
    assert (
        f"    praxis-b wurde am {TODAY} mit praxis-a „Praxis Şule Yılmaz“ zusammengeführt; ihre "
        "Rückmeldung wurde in praxis-a übernommen\n"
    ) in out
    assert "restore" not in out and "aus dem Register genommen" not in out
    reg = load(ws)
    # the value praxis-a took from praxis-b's form by the merge: corrected as on a clean update
    assert reg.value("praxis-a", "psychotherapie.office_hours")["v"] == "Di 10–14 Uhr"  # type: ignore[index]
    # praxis-a's own phone number is not what the form showed: the correction waits
    assert reg.value("praxis-a", "institution.phone")["v"] == "+49 211 123456"  # type: ignore[index]
    (held,) = reg.conflicts()
    assert (held["institution_id"], held["path"], held["theirs"]["v"]) == (
        "praxis-a",
        "institution.phone",
        "+49 211 555555",
    )
    assert held["reason_key"] == "held_merged_form"
    assert reg.institutions["praxis-b"] == other  # the retired record is left as it was
    # the same return ingested again changes nothing; a rebuild makes the same register
    assert run("ingest", str(filled), "-w", str(ws.root)).startswith("doppelt ")
    before = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == before


def test_a_form_of_the_other_returned_as_it_was_sent_confirms_the_one_kept(
    ws: Workspace, tmp_path: Path
) -> None:
    assert register(ws, "merge", "praxis-a", "praxis-b", "--note", NOTE)[0] == 0
    kept = load(ws).institutions["praxis-a"]
    filled = returned(ws, tmp_path, "praxis-b", {})  # "all still true": sent back as it came
    run("ingest", str(filled), "-w", str(ws.root))
    reg = load(ws)
    now = reg.institutions["praxis-a"]
    assert (now["institution"], now["entries"]["psychotherapie"]["fields"]) == (
        kept["institution"],
        kept["entries"]["psychotherapie"]["fields"],
    )
    assert len(reg.conflicts()) == 3  # only those of the merge
    assert now["entries"]["psychotherapie"]["by_institution"] is True


def test_restore_takes_the_other_back_as_it_was_and_its_forms_go_to_it_again(
    ws: Workspace, tmp_path: Path
) -> None:
    assert register(ws, "merge", "praxis-a", "praxis-b", "--note", NOTE)[0] == 0
    code, out = register(ws, "restore", "praxis-b")
    assert code == 0 and out.splitlines()[1] == (
        "  sie war mit praxis-a zusammengeführt: was dabei in praxis-a übernommen wurde, bleibt "
        "dort (und ihre dort zurückgestellten Werte in 'formgen register conflicts'); "
        "Rückmeldungen auf ihre Formulare gehen wieder an praxis-b"
    )
    reg = load(ws)
    assert reg.retired("praxis-b") is None and "praxis-b" in reg.ids()
    assert reg.value("praxis-a", "institution.website") is not None  # stays taken
    filled = returned(ws, tmp_path, "praxis-b", {"psychotherapie.office_hours": "Di 10–14 Uhr"})
    run("ingest", str(filled), "-w", str(ws.root))
    reg = load(ws)
    assert reg.value("praxis-b", "psychotherapie.office_hours")["v"] == "Di 10–14 Uhr"  # type: ignore[index]
    assert reg.value("praxis-a", "psychotherapie.office_hours")["v"] == "Mo 9–12 Uhr"  # type: ignore[index]


@pytest.mark.parametrize(
    ("before", "args", "error"),
    [
        (
            [],
            ["praxis-a", "praxis-a"],
            "Fehler: praxis-a zweimal angegeben: erst die Einrichtung, die bleibt, dann die, die "
            "mit ihr zusammengeführt wird; nichts geändert",
        ),
        ([], ["praxis-a", "inst-0999"], "Fehler: keine Einrichtung „inst-0999“ im Register"),
        (
            [["merge", "praxis-a", "praxis-b", "--note", NOTE]],
            ["ua-1", "praxis-b"],
            "Fehler: praxis-b ist schon mit praxis-a zusammengeführt; nichts geändert ('formgen "
            "register history praxis-b')",
        ),
        (
            [["merge", "praxis-a", "praxis-b", "--note", NOTE]],
            ["praxis-b", "ua-1"],
            "Fehler: praxis-b ist schon mit praxis-a zusammengeführt; nichts geändert — mit "
            "dieser zusammenführen: 'formgen register merge praxis-a ua-1 --note \"dieselbe "
            "Einrichtung\"'",
        ),
        (
            [["retire", "praxis-b", "--reason", "geschlossen"]],
            ["praxis-a", "praxis-b"],
            f"Fehler: praxis-b ist aus dem Register genommen am {TODAY} (geschlossen); nichts "
            "geändert — um ihre Werte zusammenzuführen, erst wieder aufnehmen: 'formgen register "
            "restore praxis-b'",
        ),
        (
            [["retire", "praxis-a"]],
            ["praxis-a", "praxis-b"],
            f"Fehler: praxis-a ist aus dem Register genommen am {TODAY}; nichts geändert — um "
            "sie zu behalten, erst wieder aufnehmen: 'formgen register restore praxis-a'",
        ),
        (
            [["merge", "praxis-a", "praxis-b", "--note", NOTE]],
            ["ua-1", "praxis-a"],
            "Fehler: praxis-a: Werte warten auf eine Entscheidung (c-0001, c-0002, c-0003); nichts "
            "geändert — erst entscheiden ('formgen register resolve praxis-a --take "
            "mine|theirs'), dann zusammenführen",
        ),
    ],
    ids=[
        "same-id",
        "unknown",
        "merged-already",
        "keep-merged",
        "other-retired",
        "keep-retired",
        "other-held",
    ],
)
def test_what_cannot_be_merged_is_refused_and_nothing_is_journaled(
    ws: Workspace, before: list[list[str]], args: list[str], error: str
) -> None:
    for done in before:
        assert register(ws, *done)[0] == 0
    kept = ws.register_path.read_bytes(), journal_bytes(ws)
    code, out = register(ws, "merge", *args, "--note", NOTE)
    assert code == 1 and out.startswith(error), out
    assert (ws.register_path.read_bytes(), journal_bytes(ws)) == kept


@pytest.mark.parametrize("note", [[], ["--note", "  "]], ids=["no-note", "blank-note"])
def test_a_merge_needs_a_note(ws: Workspace, note: list[str]) -> None:
    kept = journal_bytes(ws)
    code, out = register(ws, "merge", "praxis-a", "praxis-b", *note)
    assert code == 2 and "--note" in out, out
    assert journal_bytes(ws) == kept


def test_an_english_workspace_says_it_in_english(built: dict[str, Path], tmp_path: Path) -> None:
    shutil.copytree(built["en"], tmp_path / "ws")
    ws = Workspace.open(tmp_path / "ws")
    code, out = register(ws, "merge", "praxis-a", "praxis-b", "--note", "the same practice")
    assert code == 0
    assert out.splitlines()[:2] == [
        "praxis-b Praxis Sule Yilmaz: merged into praxis-a Praxis Şule Yılmaz (the same "
        "practice) and retired: from now on left out of find, stale, gaps, status, the print, "
        "the tables and the mail rounds; a form of it that comes back goes to praxis-a (its "
        "history stays: formgen register history praxis-b)",
        "  taken from praxis-b: Institution › Website: 'www.yilmaz.example'",
    ]
    assert out.splitlines()[-1] == "  4 values the same in both"
    filled = returned(ws, tmp_path, "praxis-b", {})
    assert (
        f"    praxis-b was merged into praxis-a 'Praxis Şule Yılmaz' on "
        f"{dt.date.today().isoformat()}; its return was merged into praxis-a\n"
    ) in run("ingest", str(filled), "-w", str(ws.root))


# ---------------------------------------------------------------------- the rules, in memory


def two(reg: Register) -> None:
    """praxis-a with a psychotherapy entry, praxis-b with a crisis service's: both from their
    own forms."""
    reg.merge(institution_form("praxis-a", **YILMAZ))
    reg.merge(
        institution_form(
            "praxis-b",
            "krisendienst",
            name="Praxis Sule Yilmaz",
            phone="+49 211 999999",
            website="www.yilmaz.example",
            contact_name="Şule Yılmaz",
            date="2026-09-30",
            initials="ŞY",
        )
    )


def test_a_checklist_of_the_other_comes_with_its_confirmation_and_stays_the_institutions_own() -> (
    None
):
    reg = Register(SCHEMA)
    two(reg)
    crisis = dict(reg.institutions["praxis-b"]["entries"]["krisendienst"])
    done = reg.merge_institutions("praxis-a", "praxis-b", NOTE)
    assert set(done.taken) == {
        "institution.website",
        "krisendienst.contact_name",
        "krisendienst.date",
        "krisendienst.initials",
    }
    assert len(done.held) == 2  # the name and the phone number
    entry = reg.institutions["praxis-a"]["entries"]["krisendienst"]
    assert {k: entry[k] for k in ("confirmed_at", "by_institution")} == {
        k: crisis[k] for k in ("confirmed_at", "by_institution")
    }
    # a checklist from someone else never replaces what the institution gave on its own form,
    # whichever of the two forms it was
    out = reg.merge(
        checklist(
            "psychotherapie",
            {"name": "Praxis Şule Yılmaz", "postcode": "40212", "website": "www.anders.example"},
        )
    )
    (cid,) = out.conflicts
    assert reg.data["conflicts"][cid]["reason_key"] == "held_institution"


def test_an_erased_value_of_the_other_is_not_brought_back() -> None:
    reg = Register(SCHEMA)
    two(reg)
    reg.erase("praxis-b", ["krisendienst.contact_name"], "Art. 17")
    done = reg.merge_institutions("praxis-a", "praxis-b", NOTE)
    assert "krisendienst.contact_name" not in done.taken
    assert reg.value("praxis-a", "krisendienst.contact_name") is None


def test_a_checklist_that_matches_the_other_goes_to_the_one_kept() -> None:
    reg = Register(SCHEMA)
    two(reg)
    block = {"name": "Praxis Sule Yilmaz", "phone": "+49 211 999999"}
    assert reg.merge(checklist("facharzt", block)).institutions == ("praxis-b",)
    reg.merge_institutions("praxis-a", "praxis-b", NOTE)
    out = reg.merge(checklist("sonstiges", block))
    assert out.institutions == ("praxis-a",)
    with pytest.raises(RegisterError, match="praxis-b was merged into praxis-a already"):
        reg.merge_institutions("praxis-a", "praxis-b", NOTE)


def test_a_row_of_an_imported_list_naming_the_other_goes_to_the_one_kept() -> None:
    reg = Register(SCHEMA)
    two(reg)
    reg.merge_institutions("praxis-a", "praxis-b", NOTE)
    row = {"phone": "+49 211 777777", "traeger": "Verein Yılmaz e. V."}
    listed = submission([entry("praxis-b", "psychotherapie", 2, row)], "checklist", ("psychotherapie",))  # fmt: skip
    out = reg.merge(replace(listed, provenance=replace(listed.provenance, reader=IMPORT)))
    assert out.institutions == ("praxis-a",)
    assert reg.value("praxis-a", "institution.traeger")["v"] == "Verein Yılmaz e. V."  # type: ignore[index]
    # the phone number praxis-a's own form gave: an imported list never replaces it by itself
    (cid,) = out.conflicts
    assert reg.data["conflicts"][cid]["reason_key"] == "held_import"
    assert reg.value("praxis-a", "institution.phone")["v"] == "+49 211 123456"  # type: ignore[index]


def test_a_recipients_list_naming_the_other_mails_the_one_kept(
    ws: Workspace, tmp_path: Path
) -> None:
    assert register(ws, "merge", "praxis-a", "praxis-b", "--note", NOTE)[0] == 0
    day = dt.date.today().strftime("%d.%m.%Y")
    retired = f"aus dem Register genommen am {day} (zusammengeführt mit praxis-a)"
    # the list names the practice by the id merged away only: its row is the kept one's
    only_b = tmp_path / "nur-b.csv"
    only_b.write_text("".join(LIST.splitlines(keepends=True)[i] for i in (0, 2)), "utf-8")
    done = CliRunner().invoke(main, ["mail", str(only_b), "-w", str(ws.root), "--drafts", str(tmp_path / "d3"), "--round", "r3", "--force"])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert done.stderr.splitlines()[0] == (
        f"Hinweis: praxis-b ({only_b}:2): {retired}; ihre Zeile gilt für praxis-a (mit dem "
        "Formular von praxis-a)"
    )
    assert "restore" not in done.output
    (draft,) = (tmp_path / "d3").iterdir()
    assert draft.name == "praxis-a.eml"
    mail = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    # named as the institution its form is for, at the list's address
    assert mail["To"] == "Praxis Şule Yılmaz <info@yilmaz.example>"
    assert "Praxis Şule Yılmaz" in mail["Subject"]
    logged = [json.loads(line) for line in (ws.root / "sendlog.jsonl").read_text("utf-8").splitlines()]  # fmt: skip
    assert {e["institution_id"] for e in logged if e["round"] == "r3"} == {"praxis-a"}
    # a list naming both: the kept one is mailed once, as its own row says
    listed = tmp_path / "liste.csv"
    listed.write_text(LIST, "utf-8")
    done = CliRunner().invoke(main, ["mail", str(listed), "-w", str(ws.root), "--drafts", str(tmp_path / "d4"), "--round", "r4", "--force"])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert (
        f"Hinweis: praxis-b ({listed}:3): {retired}; ausgelassen, die Liste nennt praxis-a schon"
        in done.stderr.splitlines()
    )
    assert sorted(p.name for p in (tmp_path / "d4").iterdir()) == ["praxis-a.eml", "ua-1.eml"]
    assert "sule@praxis.example" in (tmp_path / "d4" / "praxis-a.eml").read_text("utf-8")


def test_a_form_for_the_other_is_refused_naming_the_one_kept(ws: Workspace, tmp_path: Path) -> None:
    assert register(ws, "merge", "praxis-a", "praxis-b", "--note", NOTE)[0] == 0
    target = tmp_path / "b.pdf"
    done = CliRunner().invoke(main, ["generate", "pdf", "--institution", "praxis-b", "-w", str(ws.root), "--out", str(target)])  # fmt: skip
    assert done.exit_code == 1
    day = dt.date.today().strftime("%d.%m.%Y")
    assert done.stderr == (
        f"Fehler: praxis-b ist aus dem Register genommen am {day} (zusammengeführt mit praxis-a): "
        "ihre Rückmeldungen gehen an praxis-a, ihr Formular ist also das von praxis-a: „formgen "
        "generate pdf --institution praxis-a“\n"
    )
    assert not target.exists()
    # a list naming it: the kept one's form, as formgen mail would attach it
    listed = tmp_path / "nur-b.csv"
    listed.write_text("".join(LIST.splitlines(keepends=True)[i] for i in (0, 2)), "utf-8")
    done = CliRunner().invoke(main, ["generate", "pdf", "--recipients", str(listed), "-w", str(ws.root), "--out", str(tmp_path / "forms")])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "ihre Zeile gilt für praxis-a" in done.stderr and "restore" not in done.stderr
    manifest = (tmp_path / "forms" / "manifest.csv").read_text("utf-8-sig").splitlines()
    assert [line.split(";")[:3] for line in manifest[1:]] == [
        ["praxis-a", "Praxis Şule Yılmaz", "info@yilmaz.example"]
    ]
    fields = PdfReader(tmp_path / "forms" / "praxis-a.pdf").get_fields() or {}
    assert fields["institution.name"].get("/V") == "Praxis Şule Yılmaz"


def test_an_imported_row_naming_the_other_says_it_went_to_the_one_kept(
    ws: Workspace, tmp_path: Path
) -> None:
    assert register(ws, "merge", "praxis-a", "praxis-b", "--note", NOTE)[0] == 0
    table = tmp_path / "liste.csv"
    table.write_text(
        "institution_id;category;traeger\npraxis-b;psychotherapie;Verein Yılmaz e. V.\n", "utf-8"
    )
    code, out = register(ws, "import", str(table), "--note", "Bestandsliste")
    assert code == 0, out
    day = dt.date.today().strftime("%d.%m.%Y")
    assert out.splitlines()[:2] == [
        "Zeile 2: praxis-a Praxis Şule Yılmaz: aktualisiert (1 Wert)",
        f"  praxis-b wurde am {day} mit praxis-a zusammengeführt; die Zeile ging an praxis-a",
    ]
    code, out = register(ws, "history", "praxis-a")
    assert "importiert  aus liste.csv [importierte Liste: Bestandsliste]" in out
    assert "    Träger: (leer) → Verein Yılmaz e. V.\n" in out


def test_erase_names_the_institution_merged_into_it_as_the_same_one(ws: Workspace) -> None:
    """praxis-b was merged into praxis-a and still holds Şule Yılmaz's name: erasing it from
    praxis-a names praxis-b as merged into it, the same institution, with the command to erase
    there too, not as „another institution“ whose contact person may be someone else."""
    assert register(ws, "merge", "praxis-a", "praxis-b", "--note", NOTE)[0] == 0
    path = "psychotherapie.contact_name"
    asked = CliRunner().invoke(
        main, ["register", "erase", "praxis-a", path, "--note", "Löschersuchen", "-w", str(ws.root)],
        input="n\n",
    )  # fmt: skip
    assert asked.exit_code == 1, asked.output
    lines = asked.output.splitlines()
    assert lines[1] == (
        "  auch unter den Werten von praxis-b Praxis Sule Yilmaz, zusammengeführt in praxis-a "
        "(dieselbe Einrichtung): dort NICHT gelöscht; dort ebenfalls löschen: institution.name, "
        f"{path} → formgen register erase praxis-b institution.name {path} --note …"
    ), asked.output  # its name „Praxis Sule Yilmaz“ spells hers as a letter would
    assert "anderen Einrichtung" not in asked.output
