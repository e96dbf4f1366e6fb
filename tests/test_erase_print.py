"""``formgen register erase`` over a printed register (``exports/*.pdf``): the words PDFium
reads on each page first, pdfminer's exact reading of the lines as drawn only on the pages
that may show an erased value; a progress bar on a terminal while it reads.

Found in s20C: a print that does not hold the value was read page by page with pdfminer's
layout to its end, some 50 ms a page (107 s CPU for the 2,107 pages of 3,000 institutions),
without a word until erase said what it would erase.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner, Result
from test_register_cli import in_language

import ingest.erase
from formgen.cli import main
from formgen.fold import search_folds
from formgen.workspace import Workspace
from ingest.erase import Pages, _drawn_lines, _may_show, _print_holds, _words_shown, erase
from ingest.journal import load
from ingest.printed import extracted, visual

WRAPPED = "Zofia Wiśniewska-Łęcka von Hohenzollern-Sigmaringen und Brzęczyszczykiewicz-Ostrowska"
LIST = (
    "institution_id;category;name;street;postcode;city;region;phone;email;languages_offered;"
    "contact_name;contact_phone;contact_email\n"
    ";psychotherapie;Praxis am Rhein;Rheinstraße 1;40213;Düsseldorf;duesseldorf;0211 1111111;"
    "praxis@example.org;uk,ru,de;Оксана Коваленко;0211 9876543;oksana@example.org\n"
    ";krisendienst;جمعية الأمل للثقافة والاندماج e.V.;Kölner Straße 45;41539;Dormagen;dormagen;"
    "02133 444444;info@amal.example;ar,de;علاء سلامة;02133 555555;alaa@amal.example\n"
    ";fluechtlingsberatung;Poradnia Łódź;Hauptstr. 3;41460;Neuss;neuss_meerbusch;02131 1000037;"
    f"poradnia@example.org;pl,de;{WRAPPED};0211 7777777;zofia@example.org\n"
    ";psychotherapie;Praxis Staﬀelstein;Griﬃnweg 7;40215;Düsseldorf;duesseldorf;0211 2222222;"
    "griffin@example.org;en,de;Maﬀei Oﬄer;0211 3333333;maffei@example.org\n"
)
NAMES = {  # each with whether the print of Psychotherapie only shows it too
    "cyrillic": ("Оксана Коваленко", True),
    "arabic-lam-alef": ("علاء سلامة", False),
    "arabic-and-latin": ("جمعية الأمل للثقافة والاندماج e.V.", False),
    "over-a-line-break": (WRAPPED, False),
    "ligatures": ("Maﬀei Oﬄer", True),
}


def fg(*args: str | Path) -> Result:
    done = CliRunner().invoke(main, [str(a) for a in args])
    assert done.exit_code == 0, done.output
    return done


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A workspace of LIST, its print in exports/ and a print of Psychotherapie only beside
    it."""
    tmp = tmp_path_factory.mktemp("print")
    (tmp / "liste.csv").write_text(LIST, "utf-8")
    ws = tmp / "ws"
    fg("init", ws, "--sender", "spkom@example.org")
    fg("register", "import", tmp / "liste.csv", "-w", ws, "--note", "Liste")
    fg("register", "print", "-w", ws)
    fg("register", "print", "-w", ws, "--category", "Psychotherapie", "--output", tmp / "p.pdf")
    (whole,) = (ws / "exports").glob("*.pdf")
    return ws, whole, tmp / "p.pdf"


def exact_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    read: list[int] = []
    drawn = ingest.erase._drawn_lines
    monkeypatch.setattr(ingest.erase, "_drawn_lines", lambda page: read.append(1) or drawn(page))
    return read


@pytest.mark.parametrize(("name", "elsewhere"), NAMES.values(), ids=NAMES.keys())
def test_a_print_is_read_exactly_only_on_the_pages_that_may_show_the_value(
    printed: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch, name: str, elsewhere: bool
) -> None:
    """The print of the whole register shows the name: found, its page and the one before read
    exactly (a value going on over a page); a print that does not show it is not read exactly
    at all. A name in Cyrillic, an Arabic one drawn with a lam-alef ligature, an Arabic
    institution's name with „e.V.“ (PDFium reads that line in the order written, the exact
    reading as drawn), a name wrapped over two lines, one typed with „ﬀ“ and „ﬄ“."""
    _ws, whole, other = printed
    read = exact_reads(monkeypatch)
    for path, held in ((whole, True), (other, elsewhere)):
        read.clear()
        assert _print_holds(path.read_bytes(), [name], Pages()) is held, path
        assert len(read) <= 2 if held else len(read) == 0, (path, len(read))


def test_the_wrapped_name_is_drawn_over_two_lines(printed: tuple[Path, Path, Path]) -> None:
    """What the test above relies on: no line of the print holds the long name whole."""
    _ws, whole, _other = printed
    with pdfplumber.open(whole) as pdf:
        lines = [line for page in pdf.pages for line in page.extract_text().splitlines()]
    assert not any(WRAPPED in line for line in lines)
    (at,) = (n for n, line in enumerate(lines) if line.endswith("Hohenzollern-Sigmaringen und"))
    assert lines[at + 1] == "Brzęczyszczykiewicz-Ostrowska"


def test_the_first_pass_keeps_every_page_the_exact_reading_finds_a_value_on(
    printed: tuple[Path, Path, Path],
) -> None:
    """Each value the register holds (names, streets, numbers, addresses; Cyrillic, Arabic,
    Polish, ligatures), on each page of the print where the exact reading finds it: PDFium's
    words on that page and the one before may show it, so it is read exactly."""
    ws, whole, _other = printed
    reg = load(Workspace.open(ws))
    values = {
        text
        for inst in reg.institutions.values()
        for stored in [
            *inst["institution"].values(),
            *(sv for entry in inst["entries"].values() for sv in entry["fields"].values()),
        ]
        for text in (stored.get("raw"), stored.get("v"))
        if isinstance(text, str) and len(text) >= 3
    }
    assert {name for name, _ in NAMES.values()} <= values
    data = whole.read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        exact = [_drawn_lines(page) for page in pdf.pages]
    words = list(_words_shown(data, len(exact)))
    found = set()
    for value in values:
        drawn = {"".join(w.split()) for w in (value, extracted(value), visual(value))}
        for n, text in enumerate(exact):
            if any(d in (exact[n - 1][-len(d) :] if n else "") + text for d in drawn):
                found.add(value)
                folded = {search_folds(d) for d in drawn}
                assert _may_show((words[n - 1] if n else []) + words[n], folded), (value, n)
    assert {name for name, _ in NAMES.values()} <= found


def test_a_value_in_no_print_reads_no_page_exactly(
    printed: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The common case: a name, a number, an address that no print shows."""
    _ws, whole, other = printed
    read = exact_reads(monkeypatch)
    for path in (whole, other):
        for absent in ("Anna Müller", "Ольга Петренко", "ليلى حداد", "0170 5556677", "a@b.example"):
            assert _print_holds(path.read_bytes(), [absent], Pages()) is False
    assert read == []


def test_erase_tells_the_pages_of_the_prints_it_reads(
    printed: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """The library's part of the bar: each page told as it is read (a print that shows the
    value: the rest of it at once), up to all pages of the prints opened: the one in exports/
    and the one written outside the workspace (register print --output)."""
    ws = Workspace.open(shutil.copytree(printed[0], tmp_path / "ws"))
    with pdfplumber.open(printed[1]) as one, pdfplumber.open(printed[2]) as two:
        whole, other = len(one.pages), len(two.pages)
    told: list[tuple[int, int]] = []

    done = erase(
        ws,
        "inst-0002",
        ["krisendienst.contact_name"],
        "Art. 17",
        progress=lambda *t: told.append(t),
    )

    assert done is not None and len(done.made) == 1 and not done.outside
    assert told[0] == (0, whole) and told[-1] == (whole + other, whole + other)
    assert [d for d, _ in told] == sorted(d for d, _ in told)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_erase_shows_a_progress_bar_while_it_reads_prints_on_a_terminal_only(
    printed: tuple[Path, Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """On a terminal, from ERASE_PROGRESS pages of prints on, a bar on stderr (click says its
    label once where stderr is no terminal, as here), ended before erase says what it will
    erase; in a pipe or a cron job's mail nothing. What erase says and does is the same."""
    runs = []
    for terminal in (False, True):
        ws = shutil.copytree(printed[0], tmp_path / f"ws-{terminal}")
        in_language(Workspace.open(ws), lang)
        monkeypatch.setattr("formgen.cli.common.stderr_is_terminal", lambda t=terminal: t)
        monkeypatch.setattr("formgen.cli.register.ERASE_PROGRESS", 1)
        args = ("register", "erase", "inst-0002", "krisendienst.contact_name", "-w", ws)
        runs.append(fg(*args, "--note", "Art. 17", "--yes"))
        assert not list((ws / "exports").glob("*.pdf"))
    plain, shown = runs
    assert plain.stderr == ""
    said = {"de": "Gedruckte Register werden gelesen", "en": "Reading the printed registers"}
    assert shown.stderr == said[lang] + "\n"
    assert shown.stdout.replace("ws-True", "ws-False") == plain.stdout


def test_a_print_pdfium_cannot_open_is_read_exactly_as_before(
    printed: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No value missed where the first pass cannot read the file: every page read exactly."""
    _ws, whole, other = printed

    def refused(*_args: object) -> None:
        raise ingest.erase.pypdfium2.PdfiumError("Failed to load document")

    monkeypatch.setattr(ingest.erase.pypdfium2, "PdfDocument", refused)
    read = exact_reads(monkeypatch)
    assert _print_holds(whole.read_bytes(), [WRAPPED], Pages()) is True
    with pdfplumber.open(other) as pdf:
        pages = len(pdf.pages)
    read.clear()
    assert _print_holds(other.read_bytes(), [WRAPPED], Pages()) is False
    assert len(read) == pages
