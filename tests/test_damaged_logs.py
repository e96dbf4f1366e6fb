"""A workspace's logs damaged (cut mid-line, emptied, overwritten with binary, edited into other
types): ``issued.jsonl`` (the forms formgen made, with what and as which files) and
``prints.jsonl`` (the prints of the binder). A damaged line is said, with its file and number
and what to do, once a run, by the commands that rely on the log; the lines around it are read
as before; what formgen cannot know without it is not guessed (s23H items 4 and 9)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from register_support import YILMAZ, checklist

from formgen.cli import main
from formgen.identity import FormIdentity
from formgen.workspace import IssuedForm, Workspace
from ingest.journal import writing
from ingest.reprint import prints_of

WARSAW = dict(
    YILMAZ,
    name="Poradnia Łódź – Ośrodek",
    street="Łódzka 5",
    phone="+49 211 654321",
    contact_name="Zofia Wójcik",
    initials="ZW",
)


def fg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def generate(ws: Workspace, fmt: str, iid: str, name: str) -> None:
    """The institution's update form, as formgen makes it (recorded in issued.jsonl)."""
    out = str(ws.root / "forms" / name)
    code, said, err = fg("generate", fmt, "--institution", iid, "-w", str(ws.root), "--out", out)
    assert code == 0, said + err


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """Two institutions (Turkish, Polish names) and each its update form as DOCX and PDF, as
    formgen made them (``issued.jsonl``: 4 lines, one per form and format)."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.merge(checklist("psychotherapie", WARSAW))
    for iid in ("inst-0001", "inst-0002"):
        for fmt in ("docx", "pdf"):
            generate(ws, fmt, iid, f"{iid}.{fmt}")
    return ws


def issued_lines(ws: Workspace) -> list[bytes]:
    return (ws.root / "issued.jsonl").read_bytes().split(b"\n")[:-1]


def damage(ws: Workspace, n: int, line: bytes) -> None:
    """Line ``n`` (from 1) of issued.jsonl replaced by ``line``."""
    lines = issued_lines(ws)
    lines[n - 1] = line
    (ws.root / "issued.jsonl").write_bytes(b"\n".join(lines) + b"\n")


def ingest_dry(ws: Workspace, *names: str) -> tuple[list[str], str]:
    files = [str(ws.root / "forms" / name) for name in names]
    code, out, err = fg("ingest", "--dry-run", "-w", str(ws.root), *files)
    assert code == 0, out + err
    return out.splitlines()[:-1], err


def test_a_form_whose_issued_line_is_cut_is_kept_aside_not_taken_as_an_answer(
    ws: Workspace,
) -> None:
    """inst-0001's DOCX as formgen made it: skipped while its line is whole; with the line cut
    mid-line it was „ok … Einträge“ (its prefilled values taken as her answers), now it goes to
    the quarantine, saying which line of issued.jsonl and what to do. Its PDF is still known by
    its own bytes, inst-0002's forms by their lines: as before."""
    names = ("inst-0001.docx", "inst-0001.pdf", "inst-0002.docx", "inst-0002.pdf")
    before, err = ingest_dry(ws, *names)
    assert [line.split()[0] for line in before] == ["übersprungen"] * 4 and not err
    whole = issued_lines(ws)[0]
    damage(ws, 1, whole[: len(whole) // 2])
    after, err = ingest_dry(ws, *names)
    assert after[0].startswith("Quarantäne ") and after[1:] == before[1:]
    assert "issued.jsonl Zeile 1 ist beschädigt: womit und als was formgen dieses" in after[0]
    ref = json.loads(issued_lines(ws)[2])["formgen.instance_id"]
    assert ref not in err  # inst-0002's lines are whole
    (said,) = err.splitlines()  # once, though ingest asks the log of every file
    assert said.startswith(f"Hinweis: {ws.root}/issued.jsonl:1: beschädigte Zeile (kein JSON bei")
    assert "zum Formular FG-" in said and f"'formgen ingest -w {ws.root} " in said
    # merged for real: kept in the quarantine, nothing of it in the register
    code, out, _ = fg("ingest", "-w", str(ws.root), str(ws.root / "forms" / names[0]))
    assert code == 0 and "Quarantäne" in out
    assert len(list(ws.quarantine_dir.glob("*.docx"))) == 1


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (b"\xc3(\x00binary\xff", "kein UTF-8 bei Byte 1"),
        (b'["formgen.instance_id", 1]', "kein Eintrag eines Formulars"),
        (b'{"formgen.schema_id": "x"}', "die Kennung seines Formulars ist nicht lesbar"),
    ],
)
def test_a_line_naming_no_form_keeps_aside_returns_of_forms_the_log_knows_nowhere_else(
    ws: Workspace, line: bytes, error: str
) -> None:
    """A line overwritten so that it names no form (binary, JSON of another shape): a return of
    a form the log names nowhere else may be its form and is kept aside; one it knows is read
    as before."""
    damage(ws, 1, line)
    after, err = ingest_dry(ws, "inst-0001.docx", "inst-0002.docx")
    assert after[0].startswith("Quarantäne ")
    assert "Zeile 1 ist beschädigt und nennt kein Formular, und die Datei nennt" in after[0]
    assert after[1].startswith("übersprungen ")
    assert f"issued.jsonl:1: beschädigte Zeile ({error}" in err
    assert "ihr Formular nicht genannt" in err


def test_a_record_of_wrong_types_is_said_and_its_form_kept_aside(ws: Workspace) -> None:
    """The hashes of a form's files as a text, not a list (edited by hand): its identity is
    still read (a printed copy finds its form), the line said, its returns kept aside."""
    record = json.loads(issued_lines(ws)[0])
    record["sha256"] = record["sha256"][0]
    damage(ws, 1, json.dumps(record, ensure_ascii=False).encode())
    assert record["formgen.instance_id"] in ws.issued()
    after, err = ingest_dry(ws, "inst-0001.docx")
    assert after[0].startswith("Quarantäne ") and "Zeile 1 ist beschädigt:" in after[0]
    assert "issued.jsonl:1: beschädigte Zeile (sha256 nicht so, wie formgen es schreibt)" in err


def test_a_line_appended_to_one_cut_short_is_read_and_the_next_starts_a_line(
    ws: Workspace,
) -> None:
    """A crash cut line 3 short and a later run appended line 4 to it (no line end between):
    line 4 was lost with it; now it is read, and line 3 said. A run appending after a line
    left without its end starts a line of its own."""
    lines = issued_lines(ws)
    cut = lines[2][:100]
    (ws.root / "issued.jsonl").write_bytes(b"\n".join([*lines[:2], cut + lines[3]]) + b"\n")
    after, err = ingest_dry(ws, "inst-0002.docx", "inst-0002.pdf")
    # the DOCX's record lost with its instance id: kept aside; the PDF's (line 4) read
    assert after[0].startswith("Quarantäne ") and "nennt kein Formular" in after[0]
    assert after[1].startswith("übersprungen ")
    assert "issued.jsonl:3: beschädigte Zeile (kein JSON bei Zeichen 103; in derselben" in err
    assert "ihr Formular nicht genannt" in err
    (ws.root / "issued.jsonl").write_bytes(b"\n".join([*lines[:3], cut]))  # no line end
    generate(ws, "docx", "inst-0001", "again.docx")
    assert issued_lines(ws)[3] == cut and len(issued_lines(ws)) == 5
    assert json.loads(issued_lines(ws)[4])["formgen.institution_id"] == "inst-0001"


def test_status_and_find_all_name_the_damaged_lines_once(ws: Workspace) -> None:
    damage(ws, 2, b"")  # formgen writes no empty line: a record emptied
    damage(ws, 4, issued_lines(ws)[3][:150])
    for args in (["status"], ["register", "find", "--all", "Yılmaz"]):
        code, _out, err = fg(*args, "-w", str(ws.root))
        assert code == 0
        assert err.count("issued.jsonl:") == 2
        assert "issued.jsonl:2: beschädigte Zeile (leer), ihr Formular nicht genannt" in err
        assert "issued.jsonl:4: beschädigte Zeile (kein JSON bei Zeichen" in err


@pytest.fixture
def printed(ws: Workspace) -> Path:
    """The binder printed today (prints.jsonl: one line)."""
    assert fg("register", "print", "-w", str(ws.root), "-o", str(ws.root / "binder.pdf"))[0] == 0
    return ws.root / "prints.jsonl"


def since(ws: Workspace) -> tuple[str, str]:
    """``register print --changed-since`` today: what it says, and its notes."""
    today = dt.date.today().strftime("%d.%m.%Y")
    out = str(ws.root / "s.pdf")
    code, out, err = fg(
        "register", "print", "--changed-since", today, "-w", str(ws.root), "-o", out
    )
    assert code == 0, out + err
    return out, err


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("cut", "prints.jsonl:1: beschädigte Zeile (kein JSON bei Zeichen"),
        ("empty", "prints.jsonl: leer (0 Bytes), die Drucke, die sie festhielt, sind verloren"),
        ("binary", "prints.jsonl:1: beschädigte Zeile (kein UTF-8 bei Byte 1)"),
        ("list", "prints.jsonl:1: beschädigte Zeile (kein Eintrag eines Drucks"),
    ],
)
def test_a_damaged_prints_log_is_named_with_what_is_compared_instead(
    ws: Workspace, printed: Path, kind: str, error: str
) -> None:
    """The binder's print recorded, nothing changed since: nothing to print. With its line
    damaged the print was compared with the register of the day before, silently: now the
    file and line are named, and that the register of the day before is compared with."""
    out, err = since(ws)
    assert "nichts zu drucken" in out and not err
    good = printed.read_bytes()
    line = json.loads(good)
    printed.write_bytes(
        {
            "cut": good[: len(good) // 2] + b"\n",
            "empty": b"",
            "binary": b"\xc3(\x00\xff" * 40,
            "list": json.dumps({**line, "sections": sorted(line["sections"])}).encode(),
        }[kind]
    )
    out, err = since(ws)
    assert "geänderte Blätter seit" in out
    assert err.startswith(f"Hinweis: {printed}") and error in err
    assert "darum verglichen mit dem Register des Vortags, aus dem Journal neu aufgebaut" in err


def test_the_good_lines_of_a_damaged_prints_log_are_kept_and_compared_with(
    ws: Workspace, printed: Path
) -> None:
    """A cut line before the binder's whole one, and one glued to a whole one: the whole ones
    are compared with (nothing to print), the damaged lines named, and a print after a line
    left without its end starts a line of its own."""
    good = printed.read_bytes()
    printed.write_bytes(good[:40] + b"\n" + good[:60] + good)
    out, err = since(ws)
    assert "nichts zu drucken" in out
    assert "prints.jsonl:1: beschädigte Zeile (kein JSON bei Zeichen 33), und auch Zeile 2," in err
    assert "verglichen mit den Drucken vom" in err and "die sie noch festhält (1)" in err
    printed.write_bytes(good + good[:60])
    assert fg("register", "print", "-w", str(ws.root), "-o", str(ws.root / "b2.pdf"))[0] == 0
    lines = printed.read_bytes().split(b"\n")
    assert lines[:3] == [good.rstrip(b"\n"), good[:60], good.rstrip(b"\n")]
    found = prints_of(printed, dt.date.today(), True)
    assert len(found.prints) == 2 and [n for n, _ in found.damaged] == [2]


def test_a_prefilled_value_with_a_unicode_line_separator_keeps_its_forms_record(
    tmp_path: Path,
) -> None:
    """A name holding U+2028 or NEL (U+0085), which JSON writes as they are: the log was split
    into lines there too, the record read as two damaged ones and lost without a word (its
    prefilled values, its files); now only its own line ends end it."""
    ws = Workspace.init(tmp_path / "ws")
    ident = FormIdentity("s", "1.0.0", "AAAAA11111", "institution", ("wohnheim",), "inst-1")
    prefill = {"institution.name": "Praxis\u2028Öztürk\x85İnce"}
    ws.record_issued([ident.sign(ws.secret)], {"AAAAA11111": IssuedForm(prefill, ("ab" * 32,))})
    other = Workspace.open(ws.root)
    assert other.issued_prefill("AAAAA11111") == prefill
    assert other.issued_file("ab" * 32) is not None and other.issued_damaged() == []
    # register find --all: the record found whole, on its line, the form's mails named
    code, out, err = fg("register", "find", "--all", "Öztürk", "--json", "-w", str(ws.root))
    found = [p for p in json.loads(out)["places"] if p["where"] == "issued"]
    assert code == 0 and not err
    assert [(p["line"], p["institution_id"]) for p in found] == [(1, "inst-1")]


def test_an_erasure_marks_an_erased_value_in_a_damaged_line_too(ws: Workspace) -> None:
    """inst-0002's DOCX line cut just after her contact person's name: `register erase` of that
    name left it there (only whole lines of the institution were marked); now the damaged line
    is marked as text, as a damaged journal kept aside is, and the lines around stay whole."""
    line = issued_lines(ws)[2]
    damage(ws, 3, line[: line.index("Zofia Wójcik".encode()) + 20])
    path = "psychotherapie.contact_name"
    code, out, err = fg(
        "register", "erase", "inst-0002", path, "--note", "Art. 17", "--yes", "-w", str(ws.root)
    )
    assert code == 0, out + err
    lines = issued_lines(ws)
    assert not [n for n, line in enumerate(lines, 1) if "Wójcik".encode() in line]
    assert b"(erased #" in lines[2] and len(lines) == 4
    assert json.loads(lines[3])["formgen.institution_id"] == "inst-0002"  # line 4: whole
