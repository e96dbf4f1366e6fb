"""``register erase --keep-current`` / ``--only-with``: a former contact person asks for her data to
be erased after a successor's name was set by hand; the successor's value stays, hers go, and
the question shows each value (shortened) with whether it is the current one (s21 Y finding 1:
the erasure took the successor's values too, the question said only „o…, M…: 5 Werte“)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from pdf_engines import pdfium_fill
from pypdf import PdfReader
from test_register_erase import FIRST, HELD, NOTE, SECOND, register, snapshot, where, ws
from test_register_returns import mailed_form, run

import ingest.journal
from formgen.cli import main
from formgen.messages import date_text
from formgen.workspace import Workspace
from ingest.history import history_json
from ingest.journal import load
from ingest.pipeline import ingest_into_register

__all__ = ["ws"]  # the fixture, used by name

PATH = "psychotherapie.contact_name"
SURNAME = FIRST.split()[1]


def pdf_values(path: Path) -> dict[str, str]:
    return {k: str(v) for k, v in (PdfReader(path).get_form_text_fields() or {}).items() if v}


def test_keep_current_erases_the_earlier_values_and_keeps_the_successors(ws: Workspace) -> None:
    code, out = register(ws, "erase", "ua-1", PATH, "--keep-current", "--note", NOTE, "--yes")

    assert code == 0, out
    # the question: each value shortened, with its field and whether it is the current one
    assert f"{PATH}: {FIRST[:3]}…{FIRST[-3:]} (früherer Wert), wird gelöscht" in out
    assert f"{PATH}: {HELD[:3]}…{HELD[-3:]} (früherer Wert), wird gelöscht" in out
    assert f"{PATH}: {SECOND[:3]}…{SECOND[-3:]} (jetziger Wert), bleibt" in out
    assert "2 Werte" in out and "1 offener Konflikt" in out
    assert not any(name in out for name in (FIRST, HELD, SECOND))
    reg = load(ws)
    assert reg.value("ua-1", PATH)["raw"] == SECOND  # type: ignore[index]
    assert reg.conflicts() == []
    assert where(ws, FIRST) == [] and where(ws, HELD) == []
    assert "register.json" in where(ws, SECOND) and "journal.jsonl" in where(ws, SECOND)
    # the history keeps the hand-set revision with the successor's name, hers as markers
    changes = [c for h in history_json(reg, "ua-1") for c in h["changes"]]
    assert [c for c in changes if c[2] and c[2].get("raw") == SECOND]
    text = json.dumps(history_json(reg, "ua-1"), ensure_ascii=False)
    assert FIRST not in text and HELD not in text
    # a rebuild from the journal gives the same register
    erased = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == erased
    # the journal names as cleared only the fields whose current value goes: a formgen that
    # does not know 'marked' rebuilds it keeping the successor's value (its conflict too)
    journal = ws.root / "journal.jsonl"
    *ops, op = map(json.loads, journal.read_text("utf-8").splitlines())
    assert (op["op"], op["paths"], op["asked"], op["marked"]) == ("erase", [], [PATH], True)
    kept = journal.read_bytes()
    older = {k: v for k, v in op.items() if k not in ("marked", "asked")}
    journal.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in [*ops, older]))
    assert register(ws, "rebuild")[0] == 0
    assert load(ws).value("ua-1", PATH)["raw"] == SECOND  # type: ignore[index]
    assert where(ws, FIRST) == [] and where(ws, HELD) == []
    journal.write_bytes(kept)
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == erased
    # run again: erased already
    code, out = register(ws, "erase", "ua-1", PATH, "--keep-current", "--note", NOTE, "--yes")
    assert code == 1 and f"Fehler: ua-1 {PATH}: schon gelöscht" in out, out
    # and the rest of the value's erasure can follow: the current value goes then
    code, out = register(ws, "erase", "ua-1", PATH, "--note", NOTE, "--yes")
    assert code == 0, out
    assert f"{SECOND[:3]}…{SECOND[-3:]} (jetziger Wert), wird gelöscht" in out
    assert load(ws).value("ua-1", PATH) is None and where(ws, SECOND) == []


def test_history_numbers_revisions_as_read_an_erasure_of_earlier_values_has_none(
    ws: Workspace,
) -> None:
    """An erasure that leaves the current values is an event: the revision stays (forms
    prefilled before are as current as they were), so the history shows it with its time and
    note but no number; „Revision 2 … Daten gelöscht“ after „Revision 2 … von Hand gesetzt“
    read as two revisions 2. One that takes a current value is the next revision."""
    code, out = register(ws, "erase", "ua-1", PATH, "--keep-current", "--note", NOTE, "--yes")
    assert code == 0, out
    code, out = register(ws, "erase", "ua-1", PATH, "--note", NOTE, "--yes")
    assert code == 0, out

    code, history = register(ws, "history", "ua-1")

    assert code == 0, history
    numbers = re.findall(r"^Revision (\d+) ", history, re.MULTILINE)
    assert numbers == ["1", "2", "3"], history  # each once, in order
    erased = re.escape(f"Daten gelöscht: {NOTE}")
    assert re.search(rf"^\d\d\.\d\d\.\d{{4}} \d\d:\d\d UTC  {erased}$", history, re.MULTILINE)
    assert re.search(rf"^Revision 3 .*  {erased}$", history, re.MULTILINE)
    assert history.splitlines()[0].endswith("(Revision 3)")
    # the journal and the stored history are as they were: the event keeps revision 2
    assert [h["rev"] for h in load(ws).history("ua-1")[-2:]] == [2, 3]


def test_value_erases_only_the_values_holding_the_text(ws: Workspace) -> None:
    surname = FIRST.split()[1].upper()  # as she writes it in her mail: case folded away
    code, out = register(ws, "erase", "ua-1", PATH, "--only-with", surname, "--note", NOTE, "--yes")

    assert code == 0, out
    assert "1 Wert;" in out
    assert where(ws, FIRST) == []
    assert where(ws, HELD) and where(ws, SECOND)
    reg = load(ws)
    assert reg.value("ua-1", PATH)["raw"] == SECOND  # type: ignore[index]
    assert [c["theirs"]["raw"] for c in reg.conflicts()] == [HELD]  # still to decide
    erased = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == erased


def test_a_value_no_value_holds_or_only_current_values_are_refused(ws: Workspace) -> None:
    files = snapshot(ws)
    code, out = register(ws, "erase", "ua-1", PATH, "--only-with", "Nowak", "--note", NOTE, "--yes")
    assert code == 1
    assert f"Fehler: ua-1 {PATH}: kein Wert dort enthält „Nowak“" in out
    code, out = register(
        ws, "erase", "ua-1", "institution.phone", "--keep-current", "--note", NOTE, "--yes"
    )
    assert code == 1
    assert "dort gab es nie andere als die jetzigen Werte, und --keep-current behält sie" in out
    assert snapshot(ws) == files


def test_an_access_request_says_since_when_and_from_which_file_a_former_value_was_stored(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Art. 15: a former value is listed with the day it was stored and the return it came
    from, then the day it was replaced (it gave only the day it was replaced: s21 Y finding 10)."""
    monkeypatch.setattr(ingest.journal, "now_iso", lambda: "2027-02-10T10:00:00Z")
    code, out = register(ws, "set", "ua-1", "institution.phone", "0211 1234569", "--note", "neu")
    assert code == 0, out
    reg = load(ws)
    first = next(h for h in reg.history("ua-1") if h.get("src") and h["changes"])
    assert [c[0] for c in first["changes"] if c[0] == "institution.phone"]

    code, out = register(ws, "find", "--all", "0211 7654321", "--json")
    assert code == 0, out
    earlier = [p for p in json.loads(out)["places"] if p["where"] == "earlier"]

    assert [(p["at"], p["until"], p["about"]) for p in earlier] == [
        (
            reg.source(first["src"])["ingested_at"],
            "2027-02-10T10:00:00Z",
            "Rückmeldung Коваленко.pdf",
        )
    ]
    code, out = register(ws, "find", "--all", "0211 7654321")
    since = date_text(dt.date.fromisoformat(first["at"][:10]), "de")
    assert (
        f"  ua-1 {reg.name_of('ua-1')} · Rückmeldung Коваленко.pdf · Einrichtung › Telefon (Zentrale) · "
        f"gespeichert {since}, ersetzt 10.02.2027: „0211 7654321“"
    ) in out.splitlines(), out


def test_the_erase_help_names_art_17_as_the_erasure_and_not_as_auskunft() -> None:
    from click.testing import CliRunner

    from formgen.cli import main

    done = CliRunner().invoke(main, ["register", "erase", "--help"])
    assert "Art. 17" in done.output and "Auskunft" not in done.output


AGREED = f"Frau {SURNAME} nimmt Fälle von Frau Öztürk an"


def test_text_erases_her_surname_in_notes_free_texts_and_prefilled_forms(
    ws: Workspace, tmp_path: Path
) -> None:
    """Art. 17 (s21 Y finding 2): her surname stayed in the notes of 'register set' and
    'confirm --note', in the Verabredungen (prefilled into the next form), in issued.jsonl and
    in the erasure's own note; nothing could erase a note. With --text it goes from all of
    them, the successor's value stays, and a form made before comes back without it."""
    note = f"Absprache mit Frau {SURNAME}"
    code, out = register(ws, "set", "ua-1", "psychotherapie.agreements", AGREED, "--note", note)
    assert code == 0, out
    code, out = register(ws, "confirm", "ua-1", "--note", f"telefonisch bestätigt, Frau {SURNAME}")
    assert code == 0, out
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d3"), "--round", "r3")  # fmt: skip
    before = tmp_path / "r3-ua-1.pdf"
    shutil.copy(mailed_form(ws, "ua-1", "r3"), before)
    assert SURNAME in "".join(pdf_values(before).values())  # prefilled with the agreement

    code, out = register(
        ws, "erase", "ua-1", PATH, "--keep-current", "--text", SURNAME.lower(),
        "--note", f"Antrag von Frau {SURNAME} vom 02.05.", "--yes",
    )  # fmt: skip

    assert code == 0, out
    assert f"{SURNAME[:3].lower()}…{SURNAME[-3:]} in ihren Notizen" in out
    assert "sie wird als „Antrag von Frau (gelöscht) vom 02.05.“ aufbewahrt" in out
    assert f"{PATH}: {SECOND[:3]}…{SECOND[-3:]} (jetziger Wert), bleibt" in out
    assert SURNAME not in out
    assert "'formgen register find --all TEXT', wo im Arbeitsbereich ein Name" in out
    code, found = register(ws, "find", "--all", SURNAME)
    assert found.startswith(f"„{SURNAME}“: nirgends gefunden in {ws.root}\n"), found
    assert where(ws, SURNAME) == []
    reg = load(ws)
    assert reg.value("ua-1", PATH)["raw"] == SECOND  # type: ignore[index]
    agreed = reg.value("ua-1", "psychotherapie.agreements")["raw"]  # type: ignore[index]
    assert agreed.startswith("Frau (erased #") and agreed.endswith("nimmt Fälle von Frau Öztürk an")
    code, history = register(ws, "history", "ua-1")
    assert "Daten gelöscht: Antrag von Frau (gelöscht) vom 02.05." in history
    assert "von Hand gesetzt: Absprache mit Frau (gelöscht)" in history
    assert "Frau (gelöscht) nimmt Fälle von Frau Öztürk an" in history
    erased = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == erased

    # a table for people says it in the workspace's language
    code, out = register(ws, "export", "--format", "xlsx", "--labels")
    assert code == 0, out
    (table,) = ws.exports_dir.glob("*.xlsx")
    cells = [c.value for row in openpyxl.load_workbook(table).active.iter_rows() for c in row]
    assert "Frau (gelöscht) nimmt Fälle von Frau Öztürk an" in cells
    assert not any("erased" in str(c) or SURNAME in str(c) for c in cells)

    # the form made before, sent back with the agreement as prefilled: it does not come back
    back = tmp_path / "zurück.pdf"
    back.write_bytes(pdfium_fill(before.read_bytes(), {"institution.phone": "0211 5550000"}))
    ingest_into_register([back], ws)
    assert load(ws).value("ua-1", "institution.phone")["raw"] == "0211 5550000"  # type: ignore[index]
    code, found = register(ws, "find", "--all", SURNAME)
    assert found.startswith(f"„{SURNAME}“: nirgends gefunden in {ws.root}\n"), found


def test_text_found_nowhere_or_initials_with_yes_are_refused_and_nothing_changes(
    ws: Workspace,
) -> None:
    files = snapshot(ws)
    code, out = register(ws, "erase", "ua-1", "--text", "ОК", "--note", NOTE, "--yes")
    assert code == 2
    assert "--text „ОК“: kürzer als 3 Zeichen (Initialen): wird nur als eigenes Wort" in out
    assert "ohne --yes aufrufen" in out
    code, out = register(ws, "erase", "ua-1", "--text", "Öz", "--note", NOTE)
    assert code == 1 and "„Öz“ steht in keiner ihrer Notizen" in out  # Öztürk is no hit
    code, out = register(ws, "erase", "ua-1", "--text", "Nowak", "--note", NOTE, "--yes")
    assert code == 1
    assert "ua-1: „Nowak“ steht in keiner ihrer Notizen" in out
    code, out = register(ws, "erase", "ua-1", "--note", NOTE, "--yes")
    assert code == 2 and "die zu löschenden Felder angeben (PATH) oder einen Text" in out
    assert snapshot(ws) == files


def test_without_text_the_question_names_her_surname_left_in_notes_and_free_texts(
    ws: Workspace,
) -> None:
    """An erasure of her values alone said nothing of her surname in notes and in the
    Verabredungen, nor of its own note naming her (s21 Y finding 2): now it says so, with
    --text as the way to erase it there, before it asks."""
    code, out = register(ws, "set", "ua-1", "psychotherapie.agreements", AGREED, "--note", "tel.")
    assert code == 0, out
    files = snapshot(ws)
    done = CliRunner().invoke(
        main,
        ["register", "erase", "ua-1", PATH, "--note", f"Antrag Frau {SURNAME}", "-w", str(ws.root)],
        input="n\n",
    )
    short = f"{SURNAME[:3]}…{SURNAME[-3:]}"
    assert done.exit_code == 1
    assert (
        "  auch genannt in Notizen (register set, confirm, eine Löschung) oder Texten anderer "
        f"Felder von ua-1: {short}: dort NICHT gelöscht; um es auch dort zu löschen: --text"
    ) in done.output
    assert f"  die Notiz dieser Löschung nennt {short}, einen Teil eines gelöschten" in done.output
    assert snapshot(ws) == files


def test_a_text_erased_inside_an_institutions_name_is_printed_as_erased(
    ws: Workspace, tmp_path: Path
) -> None:
    """A practice named after the person (s21 II finding 2): the print's entry heading, its
    index and bookmarks and find --all said „… (erased #2) …“, the marker as stored."""
    name = load(ws).name_of("ua-1")
    word = name.split()[1]  # a word of the institution's own name
    code, out = register(ws, "erase", "ua-1", "--text", word, "--note", NOTE, "--yes")
    assert code == 0, out
    assert "(erased #" in load(ws).name_of("ua-1")  # stored as a marker
    out_pdf = tmp_path / "register.pdf"
    code, out = register(ws, "print", "--output", str(out_pdf))
    assert code == 0, out
    reader = PdfReader(out_pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    titles: list[str] = []
    stack: list[object] = list(reader.outline)
    while stack:  # the bookmarks, nested lists of them too
        item = stack.pop()
        if isinstance(item, list):
            stack += item
        else:
            titles.append(str(item.title))  # type: ignore[attr-defined]
    assert "(erased #" not in text and not [t for t in titles if "(erased #" in t]
    shown = name.replace(word, "(gelöscht)")
    assert shown in text.replace("\n", " ")  # the entry's heading
    assert [t for t in titles if t.startswith(shown)]  # its bookmark
    code, out = register(ws, "find", "--all", name.split()[0])
    assert code == 0 and "(erased #" not in out, out


def test_initials_are_erased_as_a_word_of_their_own_after_showing_each_place(
    ws: Workspace,
) -> None:
    """A DSGVO request names her by her initials too (s21 list of things left alone, 2): a
    --text of two letters was refused, as it would be found inside other words. Now it is
    erased where it stands as a word of its own, as typed, after the question showed each
    place; „Öztürk“ and „ОКО“ keep their letters."""
    agreed = "Fälle über ОК; Gruppe ОКО, Frau Öztürk"
    code, out = register(ws, "set", "ua-1", "psychotherapie.agreements", agreed, "--note", "Öz: ОК")
    assert code == 0, out
    done = CliRunner().invoke(
        main,
        ["register", "erase", "ua-1", "--text", "ОК", "--text", "Öz", "--note", NOTE,
         "-w", str(ws.root)],
        input="j\n",
    )  # fmt: skip
    out = done.output
    assert done.exit_code == 0, out
    assert "--text „ОК“ ist kürzer als 3 Zeichen (Initialen): wird nur als eigenes Wort" in out
    assert "      psychotherapie.agreements: „Fälle über »ОК«; Gruppe ОКО, Frau Öztürk“" in out
    assert "      psychotherapie.initials: „»ОК«“" in out  # her initials on her first form
    assert "      Notiz von Revision 3: „Öz: »ОК«“" in out
    assert "--text „Öz“ ist kürzer als 3 Zeichen (Initialen): wird nur als eigenes Wort " in out
    assert "gelöscht, wie geschrieben, an 1 Stelle" in out
    reg = load(ws)
    agreed_now = reg.value("ua-1", "psychotherapie.agreements")["raw"]  # type: ignore[index]
    assert re.fullmatch(r"Fälle über \(erased #\d+\); Gruppe ОКО, Frau Öztürk", agreed_now)
    history = register(ws, "history", "ua-1")[1]
    assert "von Hand gesetzt: (gelöscht): (gelöscht)" in history
    assert "Fälle über (gelöscht); Gruppe ОКО, Frau Öztürk" in history
    assert " ОК\n" not in history and "„ОК“" not in history
    erased = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == erased


def test_a_coordinators_login_name_is_erased_from_who_changed_and_the_journal_replays(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A coordinator who leaves asks for her login name (s21 list of things left alone, 3):
    the journal's ``by`` of each change she made, shown by register history and find --all,
    becomes a marker, in a copy kept aside too; the history says „von (gelöscht)“, a rebuild
    gives the same register, repair finds nothing to repair, another coordinator's stays."""
    login = "şükrü.öz"
    monkeypatch.setattr(ingest.journal, "user", lambda: login)
    code, out = register(ws, "set", "ua-1", "institution.phone", "0211 111", "--note", "tel.")
    assert code == 0, out
    code, out = register(ws, "confirm", "ua-1", "--note", "telefonisch bestätigt")
    assert code == 0, out
    monkeypatch.setattr(ingest.journal, "user", lambda: "mueller")
    code, out = register(ws, "set", "ua-1", "institution.phone", "0211 222", "--note", "tel.")
    assert code == 0, out
    text = ws.register_path.read_text("utf-8")  # changed in an editor: kept aside by rebuild
    ws.register_path.write_text(text.replace("+49 211 222", "+49 211 333"), "utf-8")
    assert register(ws, "rebuild")[0] == 0
    (aside,) = ingest.journal.kept_aside(ws)
    assert login in aside.read_text("utf-8")
    files = snapshot(ws)
    code, out = register(ws, "erase-login", "nobody")
    assert code == 1 and "keine Änderung im Journal nennt „nobody“" in out
    done = CliRunner().invoke(
        main, ["register", "erase-login", login, "-w", str(ws.root)], input="n\n"
    )
    assert done.exit_code == 1 and "nichts gelöscht, nichts geändert" in done.output
    assert snapshot(ws) == files

    code, out = register(ws, "erase-login", login, "--yes")
    assert code == 0, out
    assert f"Anmeldename „{login}“: als Person genannt, die 2 Änderungen des Journals" in out
    assert (
        f"beiseitegelegte Kopie, die ihn nennt: wird ebenso ersetzt, die Kopie bleibt: {aside}"
        in out
    )
    assert f"Anmeldename „{login}“ gelöscht: 2 Änderungen nennen (gelöscht)" in out
    assert where(ws, login) == [] and aside.exists()
    history = register(ws, "history", "ua-1")[1]
    assert "von Hand gesetzt: tel. — von (gelöscht)" in history
    assert "von Hand gesetzt: tel. — von mueller" in history
    assert "(erased #" not in history
    found = register(ws, "find", "--all", "şükrü")[1]
    assert found.startswith("„şükrü“: nirgends gefunden in"), found
    erased = json.loads(ws.register_path.read_bytes())
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == erased
    code, out = register(ws, "repair")
    assert code == 0 and "ist unbeschädigt: nichts zu reparieren" in out, out
    assert json.loads(ws.register_path.read_bytes()) == erased


def test_erase_login_replays_the_journal_once_and_leaves_no_edited_copy_naming_it(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``register erase-login`` replayed the whole journal twice (to check it, then again to
    write the register): now the check's register is written. On a register changed in an
    editor it is refused, as ``register erase`` is: its rebuild would keep the changed file
    aside after the copies were marked, the login still in it; after ``register rebuild`` it
    erases the login from that copy too."""
    login = "Ольга.Yılmaz"
    monkeypatch.setattr(ingest.journal, "user", lambda: login)
    code, out = register(ws, "set", "ua-1", "institution.phone", "0211 111", "--note", "tel.")
    assert code == 0, out
    text = ws.register_path.read_text("utf-8")
    ws.register_path.write_text(text.replace("+49 211 111", "+49 211 333"), "utf-8")
    journal_before = ingest.journal.journal_path(ws).read_bytes()
    code, out = register(ws, "erase-login", login, "--yes")
    assert code == 1 and "außerhalb von formgen geändert; nichts gelöscht" in out, out
    assert ingest.journal.journal_path(ws).read_bytes() == journal_before
    assert register(ws, "rebuild")[0] == 0
    (edited,) = (p for p in ingest.journal.kept_aside(ws) if ".edited-" in p.name)
    assert login in edited.read_text("utf-8")
    replays: list[int] = []
    replay = ingest.journal.replay
    monkeypatch.setattr(
        ingest.journal, "replay", lambda *a, **k: replays.append(1) or replay(*a, **k)
    )
    code, out = register(ws, "erase-login", login, "--yes")
    assert code == 0, out
    assert len(replays) == 1
    assert "+49 211 333" in edited.read_text("utf-8") and login not in edited.read_text("utf-8")
    erased = json.loads(ws.register_path.read_bytes())
    assert "+49 211 111" in json.dumps(erased) and login not in json.dumps(erased)
    assert login not in ingest.journal.journal_path(ws).read_text("utf-8")
    assert register(ws, "rebuild")[0] == 0
    assert json.loads(ws.register_path.read_bytes()) == erased


def test_initials_alone_the_question_says_what_it_erases_and_shows_each_place_once(
    ws: Workspace,
) -> None:
    """A tester's finding: `register erase ID --text GK --text ОП` (no PATH) asked „zu löschen
    bei ID …: “ with nothing after the colon, and two „GK“ in one value gave two windows that
    each held both. Now the question names the texts, and each place is marked in its window."""
    agreed = "Rückruf an ОП (Ольга), ОПЕК-Termin; GK/GKV klären; Frau GK."
    code, out = register(ws, "set", "ua-1", "psychotherapie.agreements", agreed, "--note", "tel.")
    assert code == 0, out
    done = CliRunner().invoke(
        main,
        ["register", "erase", "ua-1", "--text", "GK", "--text", "ОП", "--note", NOTE,
         "-w", str(ws.root)],
        input="j\n",
    )  # fmt: skip
    out = done.output
    assert done.exit_code == 0, out
    head = out.splitlines()[0]
    assert head.startswith("zu löschen bei ua-1 Ольга Петренко – Консультація: --text „GK“, "
                           "--text „ОП“ in ihren Notizen"), head  # fmt: skip
    windows = [line.strip() for line in out.splitlines() if "psychotherapie.agreements: „" in line]
    assert (
        "psychotherapie.agreements: „…f an ОП (Ольга), ОПЕК-Termin; »GK«/GKV klären; Frau GK.“"
        in windows
    )
    assert "psychotherapie.agreements: „…К-Termin; GK/GKV klären; Frau »GK«.“" in windows
    assert [w for w in windows if "»ОП«" in w] == [
        "psychotherapie.agreements: „Rückruf an »ОП« (Ольга), ОПЕК-Termin; GK/GKV…“"
    ], windows
    agreed_now = load(ws).value("ua-1", "psychotherapie.agreements")["raw"]  # type: ignore[index]
    assert re.fullmatch(
        r"Rückruf an \(erased #\d+\) \(Ольга\), ОПЕК-Termin; \(erased #\d+\)/GKV klären; "
        r"Frau \(erased #\d+\)\.",
        agreed_now,
    ), agreed_now
