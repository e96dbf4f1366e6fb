"""``register erase --text``: a coordinator types a name as the person spelt it in her letter
(„Yilmaz“, „YILMAZ“ for „Yılmaz“): every place the erasure looks finds it as the register does
(:func:`formgen.fold.fold`), the send log, a form's fields, the printed register and an XLSX
table too (s23 H finding 7: „Yilmaz“ found the register's „Yılmaz“ but not the send log's,
nor the print, the XLSX and the prefilled forms: 10 files of 14). Initials (s23 H finding 11:
„e“ of „e.V.“) are looked for in no file, and the question says which originals go."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_data_protection import POLISH, _saved_by, fg
from test_register_erase import FIRST, NOTE, made_files, register, snapshot, ws
from test_register_returns import run

from formgen.cli import main
from formgen.fold import BASE_LETTERS, UMLAUTS, fold, same_letters, search_folds
from formgen.workspace import Workspace
from ingest.journal import load

__all__ = ["ws"]  # the fixture, used by name

AGREED = "Rückruf über Frau Großmann, Frau Müller oder Herrn İlhan (Praxis Yılmaz, Łódź)"


def asked(ws: Workspace, *texts: str) -> str:
    """What ``register erase ua-1 --text …`` says it would erase, answered no: nothing changes."""
    before = snapshot(ws)
    args = [a for t in texts for a in ("--text", t)]
    done = CliRunner().invoke(
        main, ["register", "erase", "ua-1", *args, "--note", NOTE, "-w", str(ws.root)], input="n\n"
    )
    assert done.exit_code == 1 and "nichts gelöscht, nichts geändert" in done.stderr, done.output
    assert snapshot(ws) == before
    return done.output


def to_delete(out: str) -> list[str]:
    """The files the question says go: formgen's, the drafts, the archived originals."""
    return sorted(re.findall(r"wird gelöscht: (/\S+?|.*\(\w+…\))(?:;|$)", out, re.MULTILINE))


def sendlog_count(out: str) -> int:
    found = re.search(r"(\d+) Eintr(?:ag|äge) im Versandprotokoll", out)
    return int(found.group(1)) if found else 0


@pytest.fixture
def forms(ws: Workspace, tmp_path: Path) -> list[Path]:
    """ua-1's agreement names three people and the practice; its forms (PDF, DOCX and those of a
    round mailed after) are prefilled with it; the tables and prints of the register show it."""
    code, out = register(ws, "set", "ua-1", "psychotherapie.agreements", AGREED, "--note", "tel.")
    assert code == 0, out
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d3"), "--round", "r3")  # fmt: skip
    for kind in ("pdf", "docx"):
        run("generate", kind, "--institution", "ua-1", "-w", str(ws.root))
    return [*made_files(ws), *(ws.forms_dir / f"ua-1.{k}" for k in ("pdf", "docx"))]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Yilmaz", "Yılmaz"),  # Turkish dotless ı
        ("YILMAZ", "Yılmaz"),
        ("ilhan", "İlhan"),  # Turkish dotted İ
        ("LODZ", "Łódź"),  # Polish ł, accents
        ("Grossmann", "Großmann"),  # German ß
        ("MUELLER", "Müller"),  # an umlaut as ue, as register find has it
        ("КОВАЛЕНКО", FIRST.split()[1]),  # Cyrillic in capitals (the r2 form was prefilled so)
    ],
)
def test_a_text_typed_otherwise_finds_every_file_and_log_line_its_spelling_finds(
    ws: Workspace, forms: list[Path], typed: str, stored: str
) -> None:
    as_stored = asked(ws, stored)
    out = asked(ws, typed)

    assert to_delete(out) == to_delete(as_stored)
    assert sendlog_count(out) == sendlog_count(as_stored)
    deleted = to_delete(out)
    if stored != FIRST.split()[1]:  # the agreement: every table, print and form shows it
        assert {str(p) for p in forms} <= set(deleted), deleted
        assert [p for p in deleted if p.endswith(".xlsx")] and any(
            p.endswith(".pdf") and "exports" in p for p in deleted
        )
    else:  # her name is no current value: the form of the round it was prefilled in
        assert [p for p in deleted if "/r2/" in p and p.endswith(".pdf")], deleted


def test_another_institution_holding_it_as_typed_otherwise_is_named_and_kept(ws: Workspace) -> None:
    """The question names the other institutions whose values hold the text, so that the
    coordinator erases there too where it is the same person: found as the register's own."""
    code, out = register(
        ws, "set", "ar-1", "krisendienst.contact_name", "Şule Yılmaz", "--note", "t"
    )
    assert code == 0, out

    for typed in ("Yılmaz", "YILMAZ", "yilmaz"):
        out = asked(ws, typed)
        assert (
            "  auch gefunden unter den Werten von 1 anderen Einrichtung: dort NICHT gelöscht" in out
        ), out
        assert (
            "    ar-1 مركز الاستشارة: krisendienst.contact_name → formgen register erase ar-1 "
            "krisendienst.contact_name --note …"
        ) in out, out


def test_initials_are_looked_for_in_no_file_and_the_question_says_which_original_goes(
    ws: Workspace,
) -> None:
    """„ОК“, her initials on her first return, prefilled on the update form that came back:
    the originals of both go (a ``rebuild --reread`` would read them from them again), and the
    question says so; the tables and prints holding them stay."""
    made = made_files(ws)
    assert any("ОК" in p.read_text("utf-8-sig") for p in made if p.suffix == ".csv")
    archived = [p for p in ws.archive_dir.rglob("*") if p.is_file()]

    out = asked(ws, "ОК")

    assert (
        "--text „ОК“ ist kürzer als 3 Zeichen (Initialen): wird nur als eigenes Wort gelöscht, "
        "wie geschrieben, an 1 Stelle (nicht in anderen Wörtern; in Dateien nicht gesucht, wo "
        "es sich zufällig fände: Exporte, Formulare, beiseitegelegte Kopien; das archivierte "
        "Original einer Rückmeldung, aus der es kam, eingetragen oder vorausgefüllt, wird "
        "gelöscht, unten genannt):"
    ) in out
    originals = re.findall(r"archiviertes Original, wird gelöscht: (.*) \((\w+)…\)", out)
    assert sorted(name for name, _ in originals) == ["Rückmeldung Коваленко.pdf", "ua-1 Update.pdf"]
    assert not [p for p in to_delete(out) if "exports" in p], out

    done = CliRunner().invoke(
        main,
        ["register", "erase", "ua-1", "--text", "ОК", "--note", NOTE, "-w", str(ws.root)],
        input="j\n",
    )
    assert done.exit_code == 0, done.output
    assert all(p.exists() for p in made)
    going = {sha for _, sha in originals}
    assert [p.exists() for p in archived] == [p.name[:12] not in going for p in archived]
    assert len(archived) > len(going)  # ar-1's return stays
    # read again from the originals kept: her initials do not come back
    code, out = register(ws, "rebuild", "--reread")
    assert code == 0, out
    assert load(ws).value("ua-1", "psychotherapie.initials")["raw"].startswith("(erased #")  # type: ignore[index]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ПЕТРЕНКО", "Петренко"),
        ("YILMAZ", "Yılmaz"),
        ("lodz", "Łódź"),
        ("GROSSMANN", "Großmann"),
        ("Mueller", "Müller"),
    ],
)
def test_the_send_log_loses_a_text_typed_otherwise_and_keeps_the_other_institutions_lines(
    ws: Workspace, tmp_path: Path, typed: str, stored: str
) -> None:
    """The send log names the institution as it was mailed: „Ольга Петренко – Консультація“ in
    the first round, the name set by hand since in the next."""
    name = "Praxis Yılmaz & Müller-Großmann, Łódź"
    code, out = register(ws, "set", "ua-1", "institution.name", name, "--note", "tel.")
    assert code == 0, out
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d3"), "--round", "r3")  # fmt: skip
    log = ws.root / "sendlog.jsonl"
    lines = log.read_text("utf-8").splitlines()
    others = [line for line in lines if json.loads(line)["institution_id"] != "ua-1"]
    own = ("at", "path", "workspace", "round", "instance_ids", "files", "message_id")
    kept = [[e.get(k) for k in own] for e in map(json.loads, lines)]
    assert sendlog_count(asked(ws, typed)) == sendlog_count(asked(ws, stored)) > 0

    code, out = register(ws, "erase", "ua-1", "--text", typed, "--note", NOTE, "--yes")

    assert code == 0, out
    after = log.read_text("utf-8").splitlines()
    assert [line for line in after if json.loads(line)["institution_id"] != "ua-1"] == others
    ours = [json.loads(line) for line in after if json.loads(line)["institution_id"] == "ua-1"]
    names = [e["name"] for e in ours if "name" in e]
    assert names and not [n for n in names if fold(stored) in re.split(r"\W+", fold(n))], names
    assert [n for n in names if "(erased #" in n]
    # formgen's own words in the log are kept: the drafts and forms it names, its rounds
    assert [[e.get(k) for k in own] for e in map(json.loads, after)] == kept
    code, found = register(ws, "find", "--all", stored)
    assert "ua-1 · sendlog.jsonl" not in found, found
    now = load(ws).name_of("ua-1")
    assert fold(stored) not in re.split(r"\W+", fold(now)), now  # the register's name too


@pytest.mark.parametrize(
    "text",
    [
        "<w:t>Praxis Dr. Yılmaz</w:t>" * 50 + "<w:t>İlhan, Łódź</w:t>",  # a Word file's XML
        "Zoe\u0301 Gro\u00dfmann \u0130LHAN \ufb00 \u01c4 \u13a0\u13a0 \u1f88 a\u0308\u0301 " * 9,
        "a\0ł\0b" + "x" * 40,  # a NUL among the ASCII letters, none in a run of others
        "Оксана Коваленко; ОКСАНА " * 3,  # mostly other letters: folded whole
        "مُحَمَّد e.V. " + "ascii " * 20,
        "<w:t>Frau MÜLLER, Öztürk, Müller, Ärztin</w:t>" * 20,  # umlauts, one in NFD
    ],
)
def test_fold_of_a_text_is_that_of_its_letters_however_many_are_ascii(text: str) -> None:
    """A text mostly ASCII is folded in runs (a 5 MB Word XML in a tenth of the time): as the
    whole text is, every letter on its own; the umlauts written as ue for search as
    :data:`formgen.fold.UMLAUTS` writes them."""
    whole = "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )
    assert fold(text) == whole.translate(BASE_LETTERS)
    composed = same_letters(unicodedata.normalize("NFC", text).casefold())
    assert search_folds(text) == (fold(composed), fold(composed.translate(UMLAUTS)))


def test_initials_do_not_find_the_word_return_a_person_of_them_saved(tmp_path: Path) -> None:
    """A Word return saved under the account „Zofia W.“ is hers to erase by her name, not by
    „W.“ erased in a note: initials are looked for in no file, its properties neither."""
    ws = tmp_path / "ws"
    fg("init", ws, "--sender", "spkom@example.org")
    (tmp_path / "liste.csv").write_text(POLISH, "utf-8")
    fg("register", "import", tmp_path / "liste.csv", "-w", ws, "--note", "Bestandsliste")
    form = tmp_path / "Formular.docx"
    fg("generate", "docx", "--institution", "inst-0001", "-w", ws, "--out", form)
    back = tmp_path / "Rückmeldung Poradnia.docx"
    back.write_bytes(_saved_by(form.read_bytes(), "Zofia W."))
    fg("ingest", back, "-w", ws)
    (archived,) = (p for p in (ws / "archive").glob("*/*") if p.read_bytes()[:2] == b"PK")
    fg("register", "confirm", "inst-0001", "-w", ws, "--note", "Rückruf von W.")

    out = fg("register", "erase", "inst-0001", "--text", "W", "--note", "Art. 17", "-w", ws, answer="j\n").output  # fmt: skip

    assert "      Notiz von Revision" in out and "„Rückruf von »W«.“" in out, out
    assert "archiviertes Original" not in out
    assert archived.exists()


def test_the_help_says_the_text_is_found_as_she_spells_it(ws: Workspace) -> None:
    code, out = register(ws, "erase", "--help")
    assert code == 0, out
    assert "wie sie ihn schreibt (Yilmaz, YILMAZ: „Yılmaz“), auch im Versandprotokoll" in " ".join(
        out.split()
    )
