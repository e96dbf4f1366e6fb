"""No-break spaces („z. B.“, „40 %“) keep their words on one line in every PDF formgen makes.

Each text is set in a column just wide enough for „Bitte eintragen, z.“: with ordinary spaces „B.“ goes
to the next line (so each test can fail), with U+00A0 or U+202F „z. B.“ moves down whole.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from pathlib import Path

import docx
import pdfplumber
import pypdf
import pytest
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.platypus import SimpleDocTemplate, Table  # type: ignore[import-untyped]

from formgen import layout, linebreak
from formgen.docx_form import render_docx
from formgen.forms import FormRequest, new_identity
from formgen.messages import problem
from formgen.pdf_form import render_pdf
from formgen.schema_load import default_schema, load_schema_text
from ingest import printed, tables
from ingest.register import Register

NBSP, NNBSP = "\u00a0", "\u202f"
HEAD = "Bitte eintragen, z."


def text(space: str) -> str:
    return f"Bitte eintragen, z.{space}B. 12 oder mehr als 40{space}% usw."


def read_back(flowables: list[object]) -> list[list[str]]:
    """The words of a one-page PDF holding ``flowables``, line by line (as pdfplumber sees it)."""
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(flowables)
    with pdfplumber.open(buf) as pdf:
        words = pdf.pages[0].extract_words()
    lines: dict[float, list[str]] = {}
    for w in words:
        lines.setdefault(round(w["top"]), []).append(w["text"])
    return [lines[top] for top in sorted(lines)]


def together(lines: list[list[str]], first: str, second: str) -> bool:
    """``first`` and ``second`` on the same line (pdfplumber may read them as one word)."""
    for line in lines:
        joined = " ".join(" ".join(line).split())
        if f"{first} {second}" in joined:
            return True
    return False


def cell_width(size: float) -> float:
    """A register value cell that holds „Bitte eintragen, z.“ but not „… z. B.“."""
    printed._fonts()
    return pdfmetrics.stringWidth(HEAD, printed.FONT, size) + 2 * printed._PAD + 2


@pytest.mark.parametrize(("space", "kept"), [(" ", False), (NBSP, True), (NNBSP, True)])
def test_register_cell_keeps_z_b_together(space: str, kept: bool) -> None:
    width = cell_width(9)
    cell = printed._wrap(text(space), printed.FONT, 9, width)
    table = Table([[cell]], colWidths=[width])
    table.setStyle([("FONT", (0, 0), (-1, -1), printed.FONT, 9, 11.5)])
    lines = read_back([table])
    assert together(lines, "z.", "B.") is kept, lines
    assert together(lines, "40", "%") or not kept, lines


@pytest.mark.parametrize(("space", "kept"), [(" ", False), (NBSP, True), (NNBSP, True)])
def test_register_paragraph_keeps_z_b_together(space: str, kept: bool) -> None:
    printed._fonts()
    style = printed._styles()["desc"]
    width = pdfmetrics.stringWidth(HEAD, printed.FONT, style.fontSize) + 2
    para = printed._para(text(space), style)
    lines = read_back([Table([[para]], colWidths=[width + 12])])
    assert together(lines, "z.", "B.") is kept, lines


def test_no_break_spaces_are_drawn_as_spaces_not_boxes() -> None:
    """DejaVu Sans has both glyphs: U+202F is drawn narrower than a space, U+00A0 as wide (a
    missing glyph would be drawn as a box, as wide as the font's .notdef)."""
    printed._fonts()
    cell = printed._wrap(f"z.{NNBSP}B. Nr.{NBSP}5", printed.FONT, 10, 400)
    buf = io.BytesIO()
    table = Table([[cell]], colWidths=[400])
    table.setStyle([("FONT", (0, 0), (-1, -1), printed.FONT, 10, 12)])
    SimpleDocTemplate(buf, pagesize=A4).build([table])
    with pdfplumber.open(buf) as pdf:
        chars = pdf.pages[0].chars
    text = "".join(c["text"] for c in chars)
    assert text.startswith("z.") and text.endswith("5"), text

    def gap(before: str, after: str) -> float:
        i = next(
            i
            for i, c in enumerate(chars)
            if c["text"] == after and i >= 2 and chars[i - 2]["text"] == before
        )
        return float(chars[i]["x0"] - chars[i - 2]["x1"])

    # DejaVu Sans has 2048 units to the em: U+202F is 409 wide, U+00A0 651 (as a space)
    assert gap(".", "B") == pytest.approx(10 * 409 / 2048, abs=0.02)
    assert gap(".", "5") == pytest.approx(10 * 651 / 2048, abs=0.02)


@pytest.mark.parametrize("space", [NBSP, NNBSP])
def test_form_labels_wrap_at_spaces_only(space: str) -> None:
    width = layout.text_width(HEAD, 8) + 1
    assert layout.wrap(text(" "), 8, width)[0] == "Bitte eintragen, z."
    assert layout.wrap(text(space), 8, width)[:2] == ["Bitte eintragen,", f"z.{space}B. 12 oder"]


def test_words_split_like_str_split_but_not_at_no_break_spaces() -> None:
    assert linebreak.words(f" a\tb\n c{NBSP}d{NNBSP}e\u2007f  ") == [
        "a",
        "b",
        f"c{NBSP}d{NNBSP}e\u2007f",
    ]
    assert linebreak.collapse(f"z.{NBSP}B.   40{NNBSP}%") == f"z.{NBSP}B. 40{NNBSP}%"


def test_a_word_of_a_hundred_thousand_letters_is_broken_measuring_a_line_at_a_time() -> None:
    """A value of 100,000 letters without a space (a box of concepts, a web address) is broken
    into full lines, each measured a few times: measuring the rest of the word for every line
    (125 million letters here; seconds in the print) is not done."""
    measured = 0

    def width(line: str) -> float:
        nonlocal measured
        measured += len(line)
        return len(line)

    word = "x" * 100_000
    assert linebreak.wrap(f"{word} am Ende", width, 80) == ["x" * 80] * 1250 + ["am Ende"]
    assert measured < 20 * len(word)


def test_a_text_too_wide_ends_in_an_ellipsis_after_its_longest_head_that_fits() -> None:
    """One rule for every name, label and cell shortened to its room (the printed register's
    page header, footer and cut lines, a form's fields and running head, a terminal table's
    cells, a message's quoted value): the longest head that fits with „…“, ended after a whole
    word where that leaves no more than the last third of the room empty, without the blanks at
    its end, at least ``least`` characters long."""
    name = "Praxis Dr. Müller"
    assert linebreak.shorten(name, len, 17) == name
    assert linebreak.shorten(name, len, 14) == "Praxis Dr.…"  # not „Praxis Dr. Mü…“
    assert linebreak.shorten(name, len, 12) == "Praxis Dr.…"  # not „Praxis Dr. …“
    # a word within the last third of the room: cut within it, not a short head
    assert linebreak.shorten("Praxis Sozialpsychiatrie", len, 14) == "Praxis Sozial…"
    # a no-break space joins its words: „z. B.“ is not cut after „z.“
    assert linebreak.shorten("Sprechzeiten z.\u00a0B. Montag", len, 18) == "Sprechzeiten…"
    assert linebreak.shorten("Çiğdem Öztürk-İnce Danışmanlık", len, 25) == "Çiğdem Öztürk-İnce…"
    assert linebreak.shorten("Ośrodek Interwencji Kryzysowej", len, 24) == "Ośrodek Interwencji…"
    assert linebreak.shorten("Центр психологической помощи", len, 24) == "Центр психологической…"
    # an Arabic word cut within takes other letter forms: cut before it, „…“ at its logical end
    assert linebreak.shorten("مركز الاستشارات النفسية", len, 20) == "مركز الاستشارات…"
    assert linebreak.shorten(name, len, 0) == "…"
    assert linebreak.shorten(name, len, 0, least=10) == "Praxis Dr…"
    assert linebreak.shorten("Düsseldorf", len, 0, least=10) == "Düsseldorf"  # nothing saved
    # in a table's columns: a combining mark stays with its letter, a wide letter takes two
    assert tables.cut("Zoe\u0308 Müller", 4) == "Zoe\u0308…"
    assert tables.cut("中文名字 Beratung", 6) == "中文…"
    assert tables.cut("Ольга Петренко", 7) == "Ольга…"


def test_a_text_of_a_hundred_thousand_letters_is_shortened_measuring_it_about_once() -> None:
    """The printed register shortened a name of thousands of letters on every page's header
    by halving over all of it (17 measurements of half the name each): the head that fits is
    found from the start, doubling."""
    measured = 0

    def width(line: str) -> float:
        nonlocal measured
        measured += len(line)
        return len(line)

    text = "x" * 100_000
    assert linebreak.shorten(text, width, 80) == "x" * 79 + "…"
    assert measured < len(text) + 1_000


def test_an_address_wider_than_its_line_breaks_after_a_slash_or_an_at_before_a_dot_or_a_hyphen() -> (
    None
):
    # it was broken where the line was full: „…beratungszentrum.exam“ / „ple“; then after its
    # own hyphen („…domainname-“ / „beratungszentrum…“), which reads as a word broken in two
    mail = "kontakt-tr@sehr-langer-domainname-beratungszentrum.example"
    assert linebreak.wrap(mail, len, 40) == [
        "kontakt-tr@sehr-langer-domainname",
        "-beratungszentrum.example",
    ]
    assert linebreak.wrap(mail, len, 12) == [
        "kontakt-tr@",
        "sehr-langer",
        "-domainname",
        "-beratungsze",  # a name wider than the line: where the line is full
        "ntrum",
        ".example",
    ]
    web = "https://www.sehr-langer-domainname.example/angebote/psychosoziale-beratung"
    lines = linebreak.wrap(web, len, 20)
    assert lines == [
        "https://www.sehr",  # never between the two slashes of „https://“
        "-langer-domainname",
        ".example/angebote/",
        "psychosoziale",
        "-beratung",
    ]
    assert "".join(lines) == web
    assert not any(line.endswith(("-", ".")) for line in lines)
    # a compound is still broken after its hyphen, a word without any of them where the line
    # is full
    assert linebreak.wrap("Donaudampfschifffahrt-Gesellschaft", len, 25) == [
        "Donaudampfschifffahrt-",
        "Gesellschaft",
    ]
    assert linebreak.wrap("Donaudampfschifffahrt", len, 10) == ["Donaudampf", "schifffahr", "t"]


def test_german_messages_tie_z_b_and_percent() -> None:
    said = problem("percentage", raw="viel").in_language("de")
    assert f"z.{NBSP}B." in said and f"40{NBSP}%" in said
    assert "z. B." not in said and "40 %" not in said


def test_schema_texts_keep_their_no_break_spaces() -> None:
    """Loading collapses runs of spaces in labels, but a no-break space stays what it is."""
    yaml = (Path(__file__).parent / "data" / "schemas" / "minimal.yaml").read_text("utf-8")
    yaml = yaml.replace(
        'label: {de: "Sprachen"', 'label: {de: "Sprachen,  z.\\u00a0B.\\u202fTürkisch"'
    )
    schema = load_schema_text(yaml)
    field = next(
        f for s in schema.category("beratung").sections for f in s.fields if f.id == "sprachen"
    )
    assert field.label.get("de") == f"Sprachen, z.{NBSP}B.{NNBSP}Türkisch"


def _spaces_in_z_b(text: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"z\.(\s)B\.", text)]


def test_the_shipped_forms_tie_z_b_with_a_no_break_space() -> None:
    """The help texts of the Arbeitshilfe („Trägerorganisation, z. B. …“) and the Word form's
    instructions tie „z. B.“ with U+00A0 as the German reasons do; three of them had a plain
    space. Read back from the Word form's text and the PDF fields' tooltips."""
    schema = default_schema()
    request = FormRequest("checklist", ("psychotherapie",), None, "de", "2026-11-22")
    identity = new_identity(schema, request, b"k" * 32, random.Random(1))
    word = docx.Document(io.BytesIO(render_docx(schema, request, identity).data))
    text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells
    )
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(schema, request, identity).data))
    tooltips = "\n".join(str(f.get("/TU", "")) for f in (pdf.get_fields() or {}).values())
    for said in (text, tooltips):
        found = _spaces_in_z_b(said)
        assert found and set(found) == {NBSP}, found


def test_register_headings_draw_a_narrow_no_break_space_narrow() -> None:
    """A category „Beratung, z. B. Sucht“ written with U+202F: its heading and its line in the
    contents (Paragraphs, which break at U+202F) drew it as wide as a space; the page header
    draws the glyph itself. Each is now as narrow as DejaVu Sans's U+202F (409/2048 em)."""
    yaml = (Path(__file__).parent / "data" / "schemas" / "minimal.yaml").read_text("utf-8")
    yaml = yaml.replace('label: {de: "Beratung"', 'label: {de: "Beratung, z.\\u202fB. Sucht"')
    # the section asked for: a checklist without an entry has no sheets in the whole print
    options = printed.PrintOptions(stand=dt.date(2026, 11, 22), categories=("beratung",))
    pdf = printed.render_register(Register(load_schema_text(yaml)), options)
    gaps = {}  # font size of „B“ → the gap between „z.“ and „B.“ in ems
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            chars = page.chars
            for z, dot, _space, b in zip(chars, chars[1:], chars[2:], chars[3:], strict=False):
                if (z["text"], dot["text"], b["text"]) == ("z", ".", "B"):
                    gaps[b["size"]] = (b["x0"] - dot["x1"]) / b["size"]
    # the contents (9.5 pt), the heading (16 pt, bold), the page header (8.5 pt, bold), the
    # footer naming the section (7.5 pt) and the cover naming the section printed (13 pt, bold)
    assert set(gaps) == {9.5, 16, 8.5, 7.5, 13}, gaps
    for gap in gaps.values():
        assert gap == pytest.approx(409 / 2048, abs=0.01), gaps


def test_terminal_table_cells_keep_no_break_spaces() -> None:
    """A register table in the terminal puts a cell on one line, its line break as „↵“, but
    „40 %“ stays tied."""
    assert (
        tables.cut("Anteil\n40\u202f%  z.\u00a0B. Łódź", 40) == "Anteil↵40\u202f% z.\u00a0B. Łódź"
    )
    assert tables.cut("z.\u00a0B. " + "Ş" * 50, 12) == "z.\u00a0B. ŞŞŞŞŞ…"
