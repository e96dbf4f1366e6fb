"""Text from outside never controls the coordinator's terminal.

A returned form, an imported table or a recipients list may hold control characters: an escape
sequence that clears the screen or colours what follows, a carriage return that writes over the
start of the line, the bell, C1 controls, U+202E RIGHT-TO-LEFT OVERRIDE that shows what follows
backwards. formgen keeps such a value as typed (:mod:`formgen.record`); every line it prints
shows them as escapes (``\\x1b[2J``, ``\\r``, ``\\u202e``), so the coordinator reads what the
register holds. Arabic, Persian with its zero-width non-joiner, vowel marks, Turkish and
Cyrillic print exactly as they are.

Commands run as on a terminal (``color=True``: click passes escape sequences through there).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from register_support import YILMAZ, checklist
from test_register_returns import RECIPIENTS, mailed_form, run

from formgen.cli import main
from formgen.filenames import terminal
from formgen.linebreak import LINE_BREAK, breaks_shown, newlines, one_line, wrap
from formgen.workspace import Workspace
from ingest.history import under
from ingest.journal import load, writing
from ingest.search import NAME_COLUMNS
from ingest.submission import short
from ingest.tables import width

CLEAR = "\x1b[2J"  # ESC [2J: the terminal clears its screen
RED = "\x1b[31m"  # what follows is red
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "Rechnung\u202efdp.exe" shows as "Rechnungexe.pdf"
CSI = "\x9b"  # the C1 form of ESC [
PERSIAN = "مرکز\u200cمشاوره"  # "counselling centre", with the zero-width non-joiner Persian needs
VOWELS = "مُسْتَشار"  # Arabic with its vowel marks (combining)
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""A control character but the line break, or a direction override or isolate."""


def formgen(ws: Workspace, *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "-w", str(ws.root)], color=True)


def printed(result: Result) -> str:
    """What the command wrote to stdout and stderr, with no control character in it raw."""
    text = result.stdout + result.stderr
    assert RAW.findall(text) == [], text
    return text


def first_round(tmp_path: Path) -> Workspace:
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    return ws


def stored_before(ws: Workspace, **values: str) -> None:
    """inst-0001 in the register as an earlier formgen stored it from a checklist: YILMAZ's
    ``krisendienst`` block with ``values`` taken as they are (a name with its line break;
    formgen reads one as a space now)."""
    with writing(ws) as w:
        w.merge(checklist("krisendienst", dict(YILMAZ, **values)))


def returned(ws: Workspace, tmp_path: Path, iid: str, values: dict[str, str | bool]) -> Path:
    """``iid``'s mailed form, filled in with PDFium (Chrome's engine) and saved."""
    path = tmp_path / f"Rückmeldung {iid}.pdf"
    path.write_bytes(pdfium_fill(mailed_form(ws, iid).read_bytes(), values))
    return path


def test_a_returned_forms_values_print_as_escapes_and_every_script_as_it_is(
    tmp_path: Path,
) -> None:
    ws = first_round(tmp_path)
    name = f"{PERSIAN} {VOWELS} Re{RLO}fdp.exe"
    contact = f"Sara{CLEAR}{RED} Ahmed\x07"
    form = returned(
        ws,
        tmp_path,
        "ar-1",
        {
            "institution.name": name,
            "krisendienst.contact_name": contact,
            "krisendienst.concepts": "Beratung auf Arabisch\nund Persisch\x07",
            "krisendienst.date": f"2.13.2025{CSI}",
            "krisendienst.initials": "SA",
        },
    )
    said = printed(formgen(ws, "ingest", str(form)))
    # the warning quotes the value as typed, its C1 control as an escape
    assert (
        "Krisen(interventions)dienst › Datum: „2.13.2025\\u009b“ ist kein gültiges Datum" in said
    ), said
    # the saved report too: `cat` shows it on the same terminal
    (saved,) = ws.exports_dir.glob("ingest-*.txt")
    kept = saved.read_text("utf-8")
    assert RAW.findall(kept) == [] and "„2.13.2025\\u009b“ ist kein" in kept, kept
    assert load(ws).value("ar-1", "krisendienst.contact_name")["raw"] == contact  # type: ignore[index]

    history = printed(formgen(ws, "register", "history", "ar-1"))
    lines = history.splitlines()
    assert f"ar-1  {PERSIAN} {VOWELS} Re\\u202efdp.exe  (Revision 1)" in lines, history
    assert "    Name der Ansprechperson: (leer) → Sara\\x1b[2J\\x1b[31m Ahmed\\x07" in lines
    # a long text formgen prints on several lines still does, under its first
    at = lines.index("    Konzepte, Angebote: (leer) → Beratung auf Arabisch")
    assert lines[at + 1] == " " * 33 + "und Persisch\\x07", history

    for args in (("register", "find", "Sara"), ("register", "stale"), ("status", "--list")):
        said = printed(formgen(ws, *args))
        # stale cuts names at 32 columns: the escape counts six
        assert f"{PERSIAN} {VOWELS} Re\\u202efdp.e" in said, said
    found = printed(formgen(ws, "register", "find", "Sara")).splitlines()
    # the columns stay in line: the escape is measured as printed, a mark takes no column
    row, head = found[2], found[0]
    assert width(row[: row.index("Krisen")]) == width(head[: head.index("Checkliste")]), found

    said = printed(formgen(ws, "register", "set", "ar-1", "krisendienst.contact_name", "Sara Ahmed", "--note", "per Telefon"))  # fmt: skip
    assert "„Sara\\x1b[2J\\x1b[31m Ahmed\\x07“ → „Sara Ahmed“" in said, said


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    """As Excel saves it: ``;``, CRLF, and a value with a line break or ``\\r`` in quotes."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    return path


def test_an_imported_tables_values_cannot_rewrite_the_terminal(tmp_path: Path) -> None:
    ws = first_round(tmp_path)
    ingest = returned(ws, tmp_path, "ua-1", {"institution.phone": "0211 7654321"})
    assert formgen(ws, "ingest", str(ingest)).exit_code == 0
    table = write_csv(
        tmp_path / "Bestand.csv",
        [
            ["institution_id", "category", "name", "postcode", "phone", "contact_name"],
            # the institution gave its own phone number: the imported one is held
            ["ua-1", "psychotherapie", "", "", f"0211 111222\rZeile 9: gefälscht{CSI}", ""],
            ["", "krisendienst", f"Praxis Şule Yılmaz{RLO}", "40212", "", f"Оксана\x07{CLEAR}"],
        ],
    )
    said = printed(formgen(ws, "register", "import", str(table), "--note", "Bestandsliste"))
    lines = said.splitlines()
    assert "Zeile 4: inst-0001 Praxis Şule Yılmaz\\u202e: neu" in lines, said  # line 3 has two
    assert "gefälscht\\u009b“ ist keine einzelne Telefonnummer" in said, said

    conflicts = printed(formgen(ws, "register", "conflicts"))
    # on a terminal "\r" would write "Zeile 9: gefälscht" over the start of the line; it is
    # shown as the line break it is in a cell (a table from an old Mac)
    theirs = "\n    importiert:  0211 111222↵Zeile 9: gefälscht\\u009b  [ungültig: "
    assert theirs in conflicts, conflicts
    history = printed(formgen(ws, "register", "history", "inst-0001"))
    assert "Name der Ansprechperson: (leer) → Оксана\\x07\\x1b[2J" in history, history
    # stored as typed
    assert load(ws).value("inst-0001", "institution.name")["raw"] == f"Praxis Şule Yılmaz{RLO}"  # type: ignore[index]


def test_a_cut_cell_counts_its_escapes_and_stays_in_its_column(tmp_path: Path) -> None:
    ws = first_round(tmp_path)
    name = f"Beratung{CSI * 8}{RLO}{CLEAR} Krisenhilfe Düsseldorf-Süd"  # 36 characters
    table = write_csv(
        tmp_path / "Bestand.csv",
        [["category", "name", "postcode"], ["krisendienst", name, "40212"]],
    )
    assert formgen(ws, "register", "import", str(table), "--note", "Bestand").exit_code == 0
    found = printed(formgen(ws, "register", "find", "Beratung")).splitlines()
    head, row = found[0], next(line for line in found if "Beratung" in line)
    name_column = width(head[head.index("Name") : head.index("Checkliste")])
    assert name_column <= NAME_COLUMNS + 2, found  # cut to the column, escapes counted as shown
    assert row[row.index("Beratung") :].startswith("Beratung\\u009b\\u009b"), found
    assert width(row[: row.index("Krisen", row.index("…"))]) == width(
        head[: head.index("Checkliste")]
    )


def test_json_output_escapes_every_control_character_and_keeps_the_values(
    tmp_path: Path,
) -> None:
    ws = first_round(tmp_path)
    name = f"{PERSIAN}{RLO}\x7f{CSI}\u2066x\u2069"
    form = returned(ws, tmp_path, "ar-1", {"institution.name": name})
    assert formgen(ws, "ingest", str(form)).exit_code == 0
    for args in (("status", "--json"), ("register", "history", "ar-1", "--json")):
        result = formgen(ws, *args)
        assert RAW.findall(result.stdout) == [], result.stdout
        assert PERSIAN in result.stdout  # letters as they are, not as \u escapes
        assert name in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_mail_output_and_its_errors_show_a_recipients_lists_controls_as_escapes(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws")
    listed = write_csv(
        tmp_path / "Verteiler.csv",
        [
            ["id", "institution", "email", "categories", "region"],
            ["fa-1", f"{PERSIAN} {CLEAR}Praxis{RLO}", "fa@example.org", "psychotherapie", ""],
        ],
    )
    said = printed(formgen(ws, "mail", str(listed), "--drafts", str(tmp_path / "d")))
    assert f"  Entwurf fa-1 ({PERSIAN} \\x1b[2JPraxis\\u202e) <fa@example.org>:" in said, said

    wrong = write_csv(
        tmp_path / "Verteiler falsch.csv",
        [
            ["id", "institution", "email", "categories", "region"],
            [f"x{CLEAR}", "Praxis", f"fa{RLO}@example.org", "psychotherapie", ""],
        ],
    )
    failed = formgen(ws, "mail", str(wrong), "--drafts", str(tmp_path / "d2"))
    assert failed.exit_code == 1
    said = printed(failed)
    assert "Fehler: die Empfängerliste hat" in said
    assert "ID „x\\x1b[2J“: eine ID darf nur Buchstaben" in said, said


def test_mail_shows_what_the_generators_said_of_each_institutions_forms(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    listed = write_csv(
        tmp_path / "Verteiler.csv",
        [
            ["id", "institution", "email", "categories", "region"],
            ["tr-1", "Praxis\x07 Şule Yılmaz", "tr@example.org", "psychotherapie", ""],
            ["pl-1", "Poradnia Łódź", "pl@example.org", "psychotherapie", ""],
        ],
    )
    args = ("mail", str(listed), "--drafts", str(tmp_path / "d"), "--format", "both")
    lines = printed(formgen(ws, *args)).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  Entwurf tr-1 "))
    said = lines[at + 1 : next(i for i, line in enumerate(lines) if "Entwurf pl-1" in line)]
    # under the institution's line, as `generate` says them: the PDF's font, the Word form
    assert any(w.startswith("    Hinweis: institution.name: \\x07 kann die Schrift") for w in said)
    assert (
        "    Hinweis: institution.name: U+0007 ausgelassen: ein Word-Dokument kann keine "
        "Steuerzeichen enthalten; der Wert selbst bleibt, wie er ist" in "\n".join(said)
    )
    assert all(w.startswith("    Hinweis: ") for w in said), lines


def test_the_xlsx_export_says_which_values_lost_control_characters(tmp_path: Path) -> None:
    ws = first_round(tmp_path)
    table = write_csv(
        tmp_path / "Bestand.csv",
        [["category", "name", "postcode"], ["krisendienst", "Praxis\x07 Şule Yılmaz", "40212"]],
    )
    assert formgen(ws, "register", "import", str(table), "--note", "Bestand").exit_code == 0
    out = tmp_path / "register.xlsx"
    result = formgen(ws, "register", "export", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    said = printed(result)
    assert (
        "Hinweis: inst-0001, name: U+0007 im XLSX-Export weggelassen: eine Excel-Zelle kann "
        "keine Steuerzeichen enthalten; das Register und die CSV- und JSON-Exporte behalten den Wert"
    ) in said, said
    assert said.count("Hinweis: ") == 1, said  # one line for the value, in both sheets
    book = openpyxl.load_workbook(out)
    names = [row[3] for row in book["Register"].iter_rows(values_only=True)]
    assert "Praxis Şule Yılmaz" in names, names  # everything else kept


def test_a_line_break_in_a_one_line_value_shows_as_an_arrow_where_the_value_stands_on_a_line(
    tmp_path: Path,
) -> None:
    """An imported cell with a line break (Alt+Enter in Excel) in a phone number: a space hid
    it, so a number flagged for it looked like two numbers side by side. In a one-line field
    (a name) the line break is read as a space, and kept as typed in ``raw``; a ``textarea``'s
    lines stay lines."""
    ws = first_round(tmp_path)
    name, phone = "Praxis Yılmaz\nKrisenhilfe Süd", "0211 111222\n0211 333444"
    table = write_csv(
        tmp_path / "Bestand.csv",
        [
            ["category", "name", "postcode", "phone", "contact_name", "concepts"],
            ["krisendienst", name, "40212", phone, "Оксана\nПетренко", "Beratung\nauf Arabisch"],
        ],
    )
    said = printed(formgen(ws, "register", "import", str(table), "--note", "Bestand"))
    assert "Zeile 2: inst-0001 Praxis Yılmaz Krisenhilfe Süd: neu" in said.splitlines(), said
    assert "„0211 111222↵0211 333444“ ist keine einzelne Telefonnummer" in said, said
    reg = load(ws)  # stored as typed
    assert reg.value("inst-0001", "institution.name")["raw"] == name  # type: ignore[index]
    assert reg.value("inst-0001", "institution.phone")["raw"] == phone  # type: ignore[index]

    lines = printed(formgen(ws, "register", "history", "inst-0001")).splitlines()
    assert lines[0] == "inst-0001  Praxis Yılmaz Krisenhilfe Süd  (Revision 1)", lines
    assert "    Name der Einrichtung: (leer) → Praxis Yılmaz Krisenhilfe Süd" in lines, lines
    assert any(
        line.startswith("    Telefon (Zentrale): (leer) → 0211 111222↵0211 333444  [ungültig: „")
        for line in lines
    ), lines
    assert "    Name der Ansprechperson: (leer) → Оксана Петренко" in lines, lines
    at = lines.index("    Konzepte, Angebote: (leer) → Beratung")  # a textarea: as before
    assert lines[at + 1] == " " * 33 + "auf Arabisch", lines
    (revision,) = json.loads(formgen(ws, "register", "history", "inst-0001", "--json").stdout)
    raws = {path: new["raw"] for path, _old, new in revision["changes"]}
    assert raws["institution.name"] == name and raws["institution.phone"] == phone, raws

    found = printed(formgen(ws, "register", "find", "Praxis")).splitlines()
    head, row = found[0], found[2]
    assert row.startswith("inst-0001  Praxis Yılmaz Krisenhilfe Süd  Krisen"), found
    assert row.index("Krisen(") == head.index("Checkliste") and len(found) == 4, found


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\u2029"])
def test_a_line_break_of_any_system_is_one_mark_on_one_line(brk: str) -> None:
    """A cell saved on Windows (CRLF), an old Mac (CR) or Unix (LF), and Unicode's LINE and
    PARAGRAPH SEPARATOR (text pasted from a web page; shown as ``\\u2028`` before), show
    their line break as one „↵“ in a report line or a table cell, never as a control the
    terminal obeys, and break a line where a text is wrapped."""
    value = f"Оксана{brk}Петренко"
    assert breaks_shown(value) == one_line(value) == short(value) == "Оксана↵Петренко"
    assert wrap(value, len, 40) == ["Оксана", "Петренко"]
    # a textarea's lines in the history: each under the first
    assert under("    Konzepte: ", value) == "    Konzepte: Оксана\n" + " " * 14 + "Петренко"
    assert newlines(value) == "Оксана\nПетренко"  # as a reader stores it


def test_ascii_text_holds_no_line_break_but_lf_and_cr() -> None:
    """:func:`formgen.linebreak.newlines` passes ASCII text without ``\\r`` as it is (most
    values of a form): right only while these are the only ASCII line breaks."""
    assert [ch for ch in map(chr, range(128)) if LINE_BREAK.fullmatch(ch)] == ["\n", "\r"]


def test_json_output_keeps_a_unicode_line_separator_in_its_string() -> None:
    """``--json`` writes U+2028 in a string as it is (``ensure_ascii=False``); the terminal
    shows it as its escape, so the output is still JSON with the same value. Taken for a new
    line, it broke the JSON (a string holds no raw line break)."""
    said = json.dumps({"raw": "Mo 9–12\u2028Di 14–16"}, ensure_ascii=False)
    assert json.loads(terminal(said)) == {"raw": "Mo 9–12\u2028Di 14–16"}


def test_a_unicode_line_separator_in_a_name_shows_as_an_arrow_like_a_line_break(
    tmp_path: Path,
) -> None:
    """U+2028 and U+2029 in an imported phone number: the import's line shows „↵“ where it
    showed ``\\u2028``; in a name (one line) they are read as a space, as a line break is."""
    ws = first_round(tmp_path)
    name, phone = "Praxis Yılmaz\u2028Krisenhilfe Süd", "0211 111222\u20290211 333444"
    table = write_csv(
        tmp_path / "Bestand.csv",
        [["category", "name", "postcode", "phone"], ["krisendienst", name, "40212", phone]],
    )
    said = printed(formgen(ws, "register", "import", str(table), "--note", "Bestand"))
    assert "Zeile 2: inst-0001 Praxis Yılmaz Krisenhilfe Süd: neu" in said.splitlines(), said
    assert "ungültig: „0211 111222↵0211 333444“ ist keine " in said, said
    assert "\\u202" not in said, said
    # kept as typed, as a line break typed with Enter is (formgen.linebreak.newlines)
    stored = "Praxis Yılmaz\nKrisenhilfe Süd"
    assert load(ws).value("inst-0001", "institution.name")["raw"] == stored  # type: ignore[index]
    lines = printed(formgen(ws, "register", "history", "inst-0001")).splitlines()
    assert lines[0] == "inst-0001  Praxis Yılmaz Krisenhilfe Süd  (Revision 1)", lines
    found = printed(formgen(ws, "register", "find", "Praxis")).splitlines()
    assert found[2].startswith("inst-0001  Praxis Yılmaz Krisenhilfe Süd  Krisen"), found


def test_the_register_commands_say_a_name_with_a_line_break_on_one_line(tmp_path: Path) -> None:
    """An imported name with a line break (Alt+Enter in Excel) broke the one line that
    ``register retire``, ``restore``, ``confirm``, ``erase`` and the probable duplicates say
    about the institution; it shows as „↵“ there as in its history. The stored name keeps it.
    (formgen reads a line break in a name as a space now; a register keeps the names an
    earlier one stored.)"""
    ws = make_workspace(tmp_path / "ws")
    name = "Praxis Yılmaz\nKrisenhilfe Süd"
    shown = "Praxis Yılmaz↵Krisenhilfe Süd"
    stored_before(ws, name=name, contact_name="Oksana")
    head = ["category", "name", "postcode", "contact_name"]
    again = [head, ["krisendienst", "Praxis Yılmaz\r\nKrisenhilfe Sued", "50667", ""]]
    table = write_csv(tmp_path / "Zweite.csv", again)  # a similar name elsewhere: ask
    said = printed(formgen(ws, "register", "import", str(table), "--note", "Zweite"))
    assert (
        f"Zeile 2: „Praxis Yılmaz↵Krisenhilfe Sued“: mögliche Dublette d-0001 von inst-0001 „{shown}“"
        in said.splitlines()[0]
    ), said

    said = printed(formgen(ws, "register", "conflicts"))
    assert said.splitlines()[2].startswith(
        f"d-0001  „Praxis Yılmaz↵Krisenhilfe Sued“ (Krisen(interventions)dienst) ähnelt "
        f"inst-0001 „{shown}“: ähnlicher Name"
    ), said
    said = printed(formgen(ws, "register", "retire", "inst-0001", "--reason", "geschlossen"))
    assert said.startswith(f"inst-0001 {shown}: aus dem Register genommen (geschlossen);"), said
    assert len(said.splitlines()) == 1, said
    said = printed(formgen(ws, "register", "restore", "inst-0001"))
    assert (
        said
        == f"inst-0001 {shown}: wieder aufgenommen; wieder in den Listen, im Druck und in den Mailrunden\n"
    )
    said = printed(formgen(ws, "register", "confirm", "inst-0001", "--note", "telefonisch"))
    assert said.splitlines()[0].startswith(
        f"inst-0001 {shown}: Krisen(interventions)dienst bestätigt am "
    ), said
    path = "krisendienst.contact_name"
    said = printed(
        formgen(ws, "register", "erase", "inst-0001", path, "--note", "Art. 17", "--yes")
    )
    lines = said.splitlines()
    assert lines[0] == f"zu löschen bei inst-0001 {shown}: {path}", said
    assert lines[-1].startswith(f"inst-0001 {shown}: "), said
    assert load(ws).value("inst-0001", "institution.name")["raw"] == name  # type: ignore[index]


def test_the_ingest_report_names_a_matched_institution_on_one_line(tmp_path: Path) -> None:
    """A returned checklist's block matched to, or held as a probable duplicate of, an
    institution whose name has a line break, and a return of a retired one: each report line
    shows the names with „↵“."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    name = "Praxis Yılmaz\nKrisenhilfe Süd"
    with writing(ws) as w:
        w.merge(checklist("krisendienst", dict(YILMAZ, name=name)))
        w.retire("inst-0001", "geschlossen")
        same = w.merge(checklist("krisendienst", dict(YILMAZ, name=name, phone="")))
        like = w.merge(checklist("krisendienst", dict(YILMAZ, name=name, postcode="1", phone="")))
    matched, retired = same.flags
    assert matched.startswith(
        "krisendienst.1: matched inst-0001 'Praxis Yılmaz↵Krisenhilfe Süd' ("
    ), same.flags
    assert retired.startswith("inst-0001 'Praxis Yılmaz↵Krisenhilfe Süd' is retired on "), (
        same.flags
    )
    (held,) = like.flags
    assert held.startswith(
        "krisendienst.1: 'Praxis Yılmaz↵Krisenhilfe Süd' looks like inst-0001 "
        "'Praxis Yılmaz↵Krisenhilfe Süd' ("
    ), like.flags


def test_status_lists_a_name_with_a_line_break_on_its_institutions_line(tmp_path: Path) -> None:
    """``status --list`` names each institution as the register has it now: a name with a
    line break split its line in two."""
    ws = make_workspace(tmp_path / "ws")
    stored_before(ws, name="Praxis Yılmaz\nKrisenhilfe Süd", email="info@praxis-yilmaz.de")
    drafts = str(tmp_path / "d")
    assert formgen(ws, "mail", "--from-register", "--drafts", drafts).exit_code == 0
    lines = printed(formgen(ws, "status", "--list")).splitlines()
    assert lines[-1].startswith("inst-0001            ausstehend      Frist "), lines
    assert lines[-1].endswith(" Praxis Yılmaz↵Krisenhilfe Süd <info@praxis-yilmaz.de>"), lines
