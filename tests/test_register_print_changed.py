"""The printed register for a binder kept for years: only the changed sheets
(``register print --changed-since``), a print of a past day (``--stand``), a partial print that
says what it is. Read back with pypdf."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from click.testing import CliRunner
from register_support import YILMAZ, checklist

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import load, writing
from ingest.printed import PrintOptions, render_register

KRISE = {"name": "Кризисная служба Neuss", "city": "Neuss", "region": "rhein_kreis_neuss"}
PSYCHO = "15. PsychotherapeutIn, niedergelassen"


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Two checklists returned on 20.11.2026; on 24.11.2026 a new contact person set in one
    and a new institution in the same checklist."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    times: Iterator[str] = iter(
        ["2026-11-20T09:00:00Z"] * 2 + ["2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z"]
    )
    monkeypatch.setattr("ingest.journal.now_iso", lambda: next(times))
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.merge(checklist("krisendienst", KRISE))
        w.set("inst-0001", "psychotherapie.contact_name", "Marek Nowak", "Wechsel")
        w.merge(checklist("psychotherapie", dict(YILMAZ, name="Praxis Zofia Wójcik", phone="")))
    return ws


def run(ws: Workspace, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["register", "print", *args, "--workspace", str(ws.root)])
    return result.exit_code, result.output


def read(path: Path) -> tuple[list[str], list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return reader.page_labels, [p.extract_text() for p in reader.pages]


def test_only_the_sections_changed_since_the_binders_stand_behind_a_sheet_saying_which(
    ws: Workspace,
) -> None:
    """The binder printed on 21.11.2026: of it only section 15 changed (a contact person, a
    new practice); the print brings section 15, cover, contents and index, not section 11, and
    its first page says which sheets to take out and put in."""
    code, out = run(ws, "--changed-since", "21.11.2026")
    assert code == 0, out
    (path,) = ws.exports_dir.glob("register-*-geaendert-seit-2026-11-21.pdf")
    assert f": geänderte Blätter seit 21.11.2026: {PSYCHO} (" in out
    labels, texts = read(path)
    whole = run(ws, "-o", str(ws.root / "all.pdf"))
    all_labels, all_texts = read(ws.root / "all.pdf")
    assert whole[0] == 0 and any(label.startswith("11/") for label in all_labels)
    ours = [
        label
        for label in all_labels
        if not label.startswith(tuple(f"{n}/" for n in range(1, 26) if n != 15))
    ]
    assert labels == ["Austausch/1", "Austausch/2", *ours]
    assert f"{len(ours)} von {len(all_labels)}\u00a0Seiten" in out
    sheet = texts[0].replace("\n", " ")
    assert "Geänderte Blätter seit dem Stand 21.11.2026" in sheet
    fifteen = [label for label in labels if label.startswith("15/")]
    sheets = "1 Blatt" if len(fifteen) == 2 else f"{len(fifteen) // 2} Blätter"
    assert f"{PSYCHO}: Seiten 15/1–{fifteen[-1]} ({sheets})" in sheet
    assert "Deckblatt und Inhalt: Seiten i–Inhalt/1 (1 Blatt)" in sheet
    assert "Verzeichnis und Zeichenerklärung: Seite Verzeichnis/1 (1 Blatt)" in sheet
    assert "Krisen" not in sheet
    assert "Ein Abschnitt wird ganz ausgetauscht, nicht erst ab seinem geänderten Eintrag" in sheet
    assert "jeder Abschnitt geändert" not in sheet + out  # section 11 stays in the binder
    # a binder not recorded may be an older formgen's, which printed sheets for every checklist
    older = ", ".join(str(n) for n in range(1, 26) if n not in (11, 15))
    assert f"Blätter der Abschnitte {older} herausnehmen." in sheet
    assert texts[2:] == [all_texts[all_labels.index(label)] for label in labels[2:]]
    assert any("Marek Nowak" in t and "Praxis Zofia Wójcik" in t for t in texts)
    # the contents' links to section 11 are not copied, nor its pages with them, unseen
    reader = pypdf.PdfReader(path)
    objects = [reader.get_object(n) for n in reader.xref[0]]
    assert sum(isinstance(o, dict) and o.get("/Type") == "/Page" for o in objects) == len(labels)
    assert not any(isinstance(o, dict) and o.get("/Subtype") == "/Link" for o in objects)
    assert not any("Кризисная служба Neuss" in t for t in texts[4:-2])  # in the index only


def test_every_section_changed_says_the_plain_print_is_the_same_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every checklist answered since the binder's Stand (a --changed-since long ago): the
    print is the whole register behind its first sheet, and the first sheet and the command say
    so, and that the plain print makes the same sheets, faster."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    monkeypatch.setattr("ingest.journal.now_iso", lambda: "2026-11-20T09:00:00Z")
    names = ["Praxis Şule Yılmaz", "Кризисная служба", "Poradnia Łódź", "مركز الاستشارة"]
    with writing(ws) as w:
        for n, category in enumerate(ws.schema().categories):
            values = {"name": f"{names[n % 4]} {n}", "phone": f"+49 211 {100000 + n}"}
            w.merge(checklist(category.id, dict(YILMAZ, street=f"Königsallee {n + 1}", **values)))
    code, out = run(ws, "--changed-since", "20.11.2026", "-o", str(ws.root / "swap.pdf"))
    assert code == 0, out
    assert out.splitlines()[-1] == (
        "Seit 20.11.2026 hat sich jeder Abschnitt geändert: das einfache 'register print' "
        "ergibt dieselben Blätter, schneller."
    )
    labels, texts = read(ws.root / "swap.pdf")
    assert run(ws, "-o", str(ws.root / "all.pdf"))[0] == 0
    all_labels, all_texts = read(ws.root / "all.pdf")
    assert labels == ["Austausch/1", "Austausch/2", *all_labels]
    sheet = " ".join(texts[0].split())
    assert "Seit dem Stand 20.11.2026 hat sich jeder Abschnitt geändert" in sheet
    assert "der einfache Druck (ohne --changed-since) ergibt dieselben Blätter, schneller" in sheet
    assert texts[2:] == all_texts and any("Кризисная служба" in t for t in texts[2:])


def test_a_recorded_print_of_the_binders_stand_is_what_changed_is_compared_with(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The binder printed as of 24.11.2026, after that day's changes: --changed-since 24.11.2026
    compares with that print (prints.jsonl), not with the register of 23.11.2026 made
    again from the journal, so section 15 stays; a phone number of the crisis service changed
    since brings section 11 alone."""
    assert run(ws, "--stand", "24.11.2026", "-o", str(ws.root / "binder.pdf"))[0] == 0
    with (ws.root / "prints.jsonl").open("ab") as fh:
        fh.write(b'{"stand": "2026-11-24", "sections": [\n')  # a damaged line is left out

    def replayed(*args: object) -> None:
        raise AssertionError("the journal replayed")

    monkeypatch.setattr("ingest.journal.replay", replayed)
    code, out = run(ws, "--changed-since", "24.11.2026")
    hint, said = out.splitlines()  # the damaged line named (tests/test_damaged_logs.py)
    assert (
        code == 0 and said == "Seit 24.11.2026 hat sich kein Abschnitt geändert: nichts zu drucken."
    )
    assert hint.startswith(f"Hinweis: {ws.root / 'prints.jsonl'}:2: beschädigte Zeile")
    monkeypatch.setattr("ingest.journal.now_iso", lambda: "2026-11-25T08:00:00Z")
    with writing(ws) as w:
        w.set("inst-0002", "institution.phone", "+49 2131 98765", "Telefonat")
    code, out = run(ws, "--changed-since", "24.11.2026", "-o", str(ws.root / "swap.pdf"))
    assert code == 0 and ": geänderte Blätter seit 24.11.2026: 11. Krisen" in out, out
    labels, texts = read(ws.root / "swap.pdf")
    assert not any(label.startswith("15/") for label in labels)
    assert any("+49 2131 98765" in t for t in texts)
    assert "vor dem 25.11.2026 gedruckt" not in texts[0]  # a binder recorded: today's formgen
    # without the record (deleted by hand) the register of 23.11.2026 is made again
    (ws.root / "prints.jsonl").unlink()
    monkeypatch.undo()
    code, out = run(ws, "--changed-since", "24.11.2026", "-o", str(ws.root / "swap.pdf"))
    assert code == 0 and ": geänderte Blätter seit 24.11.2026: 11. Krisen" in out, out
    assert f", {PSYCHO} (" in out  # changed on 24.11.2026, before the binder's print


def test_sections_not_drawn_are_laid_out_to_the_page_as_in_the_whole_print(ws: Workspace) -> None:
    """A print of the changed sheets draws only what it keeps (``PrintOptions.drawn``): the
    sections it leaves out are laid out as in the whole print, so the contents' page counts,
    the index's „15/1“ and the kept pages are the whole print's; section 11 is not drawn."""
    reg = load(ws)
    whole = pypdf.PdfReader(io.BytesIO(render_register(reg, PrintOptions(centre="SPKoM"))))
    drawn = frozenset({"15", "contents", "index"})
    part = pypdf.PdfReader(io.BytesIO(render_register(reg, PrintOptions("SPKoM", drawn=drawn))))
    assert part.page_labels == whole.page_labels
    for label, ours, all_ in zip(part.page_labels, part.pages, whole.pages, strict=True):
        if label.startswith("11/"):
            assert "Кризисная служба Neuss" not in ours.extract_text()
        else:
            assert ours.extract_text() == all_.extract_text(), label
    assert "Кризисная служба Neuss" in whole.pages[whole.page_labels.index("11/1")].extract_text()


def test_nothing_changed_since_prints_nothing(ws: Workspace) -> None:
    code, out = run(ws, "--changed-since", "25.11.2026")
    assert (code, out) == (
        0,
        "Seit 25.11.2026 hat sich kein Abschnitt geändert: nichts zu drucken.\n",
    )
    assert not list(ws.exports_dir.glob("*.pdf"))


@pytest.mark.parametrize(
    ("path", "text"), [("contact_name", "Marek Nowak"), ("phone", "0211 7654321")]
)
def test_a_print_without_personal_data_leaves_out_a_section_whose_personal_data_alone_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, text: str
) -> None:
    """A new contact person is not on the sheets of a print for partners (--no-personal): the
    binder of that print keeps them; a new phone number of the institution is on them."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    times = iter(["2026-11-20T09:00:00Z", "2026-11-24T09:00:00Z"])
    monkeypatch.setattr("ingest.journal.now_iso", lambda: next(times))
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        scope = "institution" if path == "phone" else "psychotherapie"
        w.set("inst-0001", f"{scope}.{path}", text, "Wechsel")
    code, out = run(ws, "--changed-since", "21.11.2026", "--no-personal")
    if path == "contact_name":
        assert (code, out) == (
            0,
            "Seit 21.11.2026 hat sich kein Abschnitt geändert: nichts zu drucken.\n",
        )
        assert not list(ws.exports_dir.glob("*.pdf"))
    else:
        assert code == 0 and f"seit 21.11.2026: {PSYCHO} (" in out, out
    # with personal data the new contact person is a changed sheet
    code, out = run(ws, "--changed-since", "21.11.2026", "-o", str(ws.root / "swap.pdf"))
    assert code == 0 and f"seit 21.11.2026: {PSYCHO} (" in out, out
    assert any(text.split()[-1] in t for t in read(ws.root / "swap.pdf")[1])


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["--changed-since", "21.11.2026", "--category", "psychotherapie"],
            "--changed-since druckt die geänderten Abschnitte des ganzen Registers",
        ),
        (
            ["--changed-since", "23.11.2026", "--stand", "22.11.2026"],
            "--changed-since 23.11.2026 liegt nach dem gedruckten Stand 22.11.2026",
        ),
    ],
)
def test_changed_since_with_a_chosen_section_or_after_the_stand_is_misuse(
    ws: Workspace, args: list[str], said: str
) -> None:
    code, out = run(ws, *args)
    assert code == 2 and said in " ".join(out.split())
    assert not list(ws.exports_dir.glob("*.pdf"))


def test_a_past_stand_prints_the_register_as_it_was_that_day(ws: Workspace) -> None:
    """For the funder's year: the contact person set and the practice entered later are not in
    it; the cover counts what there was."""
    code, out = run(ws, "--stand", "22.11.2026", "-o", str(ws.root / "then.pdf"))
    assert code == 0, out
    _labels, texts = read(ws.root / "then.pdf")
    text = "\n".join(texts)
    assert "Stand: 22.11.2026" in texts[0] and "2 Einrichtungen" in texts[0]
    contact = "Şule Yılmaz"  # on a line of its own, not the practice's name
    assert contact in text.splitlines() and "Кризисная служба Neuss" in text
    assert "Marek Nowak" not in text and "Wójcik" not in text
    # a value erased since (register erase, DSGVO Art. 17) is not brought back by the day before
    erase = ["erase", "inst-0001", "psychotherapie.contact_name", "--note", "Art. 17", "--yes"]
    erased = CliRunner().invoke(main, ["register", *erase, "--workspace", str(ws.root)])
    assert erased.exit_code == 0, erased.output
    code, out = run(ws, "--stand", "22.11.2026", "-o", str(ws.root / "then.pdf"))
    text = "\n".join(read(ws.root / "then.pdf")[1])
    assert contact not in text.splitlines() and "(gelöscht)" in text.splitlines()
    code, out = run(ws, "--stand", "24.11.2026", "-o", str(ws.root / "now.pdf"))
    _labels, texts = read(ws.root / "now.pdf")
    assert "3 Einrichtungen" in texts[0] and "Wójcik" in "\n".join(texts)


def test_a_section_printed_alone_says_so_on_its_cover_contents_and_index(ws: Workspace) -> None:
    code, out = run(ws, "--category", "Psychotherapie", "-o", str(ws.root / "15.pdf"))
    assert code == 0, out
    labels, texts = read(ws.root / "15.pdf")
    cover = " ".join(texts[labels.index("i")].split())
    assert f"Teildruck: nur {PSYCHO}. Er ersetzt in der Sammlung nur diese Blätter" in cover
    said = "Teildruck: nennt nur seine Abschnitte; nicht anstelle des Inhalts oder"
    for label in ("Inhalt/1", "Verzeichnis/1"):
        assert said in " ".join(texts[labels.index(label)].split()), label
    code, out = run(ws, "-o", str(ws.root / "all.pdf"))
    assert not any("Teildruck" in t for t in read(ws.root / "all.pdf")[1])


def test_a_column_that_goes_on_with_a_towns_list_begins_with_its_heading_again(
    tmp_path: Path,
) -> None:
    """The index „Nach Ort“: a column break in Düsseldorf's list put its lines at the top of
    the second column under no heading, beside Dormagen's; it says „Düsseldorf
    (Fortsetzung)“ there now."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", dict(YILMAZ, name="Praxis Ağrı", city="Dormagen")))
        for n in range(1, 15):
            practice = {"name": f"Praxis Петренко {n}", "street": f"Bahnstraße {n}"}
            practice |= {"phone": f"+49 211 10{n:02d}", "contact_name": f"Ольга {n}"}
            w.merge(checklist("psychotherapie", dict(YILMAZ, **practice)))
    pdf = render_register(load(ws), PrintOptions(centre="SPKoM", categories=("psychotherapie",)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = next(p for p in doc.pages if "Nach Ort" in (p.extract_text() or ""))
        (head,) = [ln["bottom"] for ln in page.extract_text_lines() if ln["text"] == "Nach Ort"]
        left, right = (
            page.crop((x0, head + 1, x1, page.height - 60)).extract_text().splitlines()
            for x0, x1 in ((0, page.width / 2), (page.width / 2, page.width))
        )
    assert left[:2] == ["Dormagen", "Praxis Ağrı · 15/1"], left
    assert left[2] == "Düsseldorf" and right[0] == "Düsseldorf (Fortsetzung)", right
    assert right[1].startswith("Praxis Петренко ")
    # none lost or twice at the break
    assert sorted(ln.split(" · ")[0] for ln in left + right if "Петренко" in ln) == sorted(
        f"Praxis Петренко {n}" for n in range(1, 15)
    )


def test_a_section_gets_its_sheets_with_its_first_entry_and_gives_them_up_with_its_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A section without an entry has no sheets, only its line under „Noch keine Einträge“ in
    the contents: the print of the changed sheets brings its sheets with its first entry (and
    the contents anew), and with its last one gone says to take them out, the contents naming
    the institution taken out and the section among those without an entry again."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    times = iter(["2026-11-10T09:00:00Z", "2026-11-17T09:00:00Z", "2026-11-23T09:00:00Z"])
    monkeypatch.setattr("ingest.journal.now_iso", lambda: next(times))
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
    with writing(ws) as w:
        w.merge(checklist("krisendienst", KRISE))
    crisis = "11. Krisen(interventions)dienst"
    code, out = run(ws, "--stand", "12.11.2026", "-o", str(tmp_path / "binder.pdf"))
    labels, texts = read(tmp_path / "binder.pdf")
    assert code == 0, out
    assert not any(label.startswith("11/") for label in labels)
    listed = " ".join(texts[1].split()).partition("Noch keine Einträge 1. Kontakt")[2]
    assert f" {crisis} " in listed

    code, out = run(ws, "--changed-since", "13.11.2026", "--stand", "20.11.2026")
    assert code == 0, out
    (path,) = ws.exports_dir.glob("register-*-geaendert-seit-2026-11-13.pdf")
    labels, texts = read(path)
    assert [label for label in labels if label.startswith("11/")] == ["11/1", "11/2"]
    assert f"{crisis}: Seiten 11/1–11/2 (1 Blatt)" in texts[0].replace("\n", " ")
    contents = " ".join(texts[labels.index("Inhalt/1")].split())
    head, listed = contents.split(" Noch keine Einträge ")
    assert crisis in head and crisis not in listed  # with its pages

    with writing(ws) as w:
        w.retire("inst-0002", "geschlossen")
    code, out = run(ws, "--changed-since", "21.11.2026")
    assert code == 0, out
    (path,) = ws.exports_dir.glob("register-*-geaendert-seit-2026-11-21.pdf")
    labels, texts = read(path)
    assert not any(label.startswith("11/") for label in labels)
    sheet = " ".join(texts[0].split())
    assert f"{crisis}: alle Blätter herausnehmen, keine Einträge mehr" in sheet
    contents = " ".join(texts[labels.index("Inhalt/1")].split())
    assert "Кризисная служба Neuss (inst-0002) – Rubrik 11: aus dem Register genommen" in contents
    assert f" {crisis} " in contents.partition(" Noch keine Einträge 1. Kontakt")[2]
