"""The printed loose-leaf register, read back with pdfplumber."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import random
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from fontTools.ttLib import TTFont
from mailkit import make_workspace
from pdf_engines import drawn_glyphs, drawn_lines, glyph_outline, pdfium_fill, right_to_left
from register_support import (
    SCHEMA,
    YILMAZ,
    Bad,
    addresses_typed_whole,
    checklist,
    institution_form,
    local_zone,
)
from test_register_returns import RECIPIENTS, mailed_form, run

import formgen
import ingest.printed
from formgen.cli import main
from formgen.errors import FormgenError
from formgen.fold import name_order
from formgen.fonts import font_path
from formgen.messages import problem, say
from formgen.model import Choice, Schema, Text
from formgen.workspace import Workspace
from ingest.journal import load
from ingest.pipeline import ingest_into_register
from ingest.printed import STALE_INK, PrintOptions, extracted, render_register, visual
from ingest.register import Register
from ingest.staleness import review
from ingest.values import check_multi, check_text, parse_percentage

STAND = dt.date(2026, 11, 22)
MM = 72 / 25.4
A4_WIDTH = 210 * MM
A4_HEIGHT = 297 * MM


@pytest.fixture(scope="module")
def reg() -> Register:
    r = Register(SCHEMA)
    r.merge(
        checklist(
            "psychotherapie",
            YILMAZ,
            {
                "name": "Ольга Петренко Psychotherapie",
                "region": "neuss_meerbusch",
                "date": "2024-05-01",
                "contact_name": "Γιώργος Παπαδόπουλος",
            },
            {
                "name": "Çiğdem Öztürk-İnce",
                "region": "dormagen",
                "migrant_experience": "fehlanzeige",
            },
            {"name": "مركز الاستشارة", "region": "dormagen", "migrant_experience": "fehlanzeige"},
        )
    )
    r.merge(checklist("krisendienst", {"name": "Krisendienst Łódź", "region": "duesseldorf"}))
    return r


def pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [p.extract_text() or "" for p in doc.pages]


@pytest.fixture(scope="module")
def printed_pdf(reg: Register) -> bytes:
    opts = PrintOptions(
        centre="SPKoM Düsseldorf", stand=STAND, categories=("krisendienst", "psychotherapie")
    )
    return render_register(reg, opts)


@pytest.fixture(scope="module")
def printed(printed_pdf: bytes) -> list[str]:
    return pages(printed_pdf)


def outline(pdf: bytes) -> list[tuple[int, str, int, float]]:
    """The print's bookmarks in order: (level, title, the page it goes to (from 0), the top of
    the place there)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))

    def walk(items: list[object], level: int) -> Iterator[tuple[int, str, int, float]]:
        for item in items:
            if isinstance(item, list):
                yield from walk(item, level + 1)
            else:
                assert isinstance(item, pypdf.generic.Destination)
                page = reader.get_destination_page_number(item)
                yield level, str(item.title), page, float(item.top)

    return list(walk(reader.outline, 0))


def links(pdf: bytes, page: int) -> list[tuple[tuple[float, ...], int]]:
    """The links on ``page``: each one's rectangle and the page it goes to (from 0)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        number = {p.objgen: n for n, p in enumerate(doc.pages)}
        return [
            (tuple(float(v) for v in a.Rect), number[a.Dest[0].objgen])
            for a in doc.pages[page].get("/Annots", [])
        ]


def test_the_print_opens_with_bookmarks_of_its_parts_checklists_and_regions(
    printed_pdf: bytes,
) -> None:
    """At 200 % or with a screen reader, 58 pages were to be leafed through: the viewer opens
    the bookmarks, the contents, each group with its checklists, each checklist with its
    regions (closed), and the index, each going to its heading, at the reader's zoom."""
    marks = outline(printed_pdf)
    assert [(level, title) for level, title, *_ in marks] == [
        (0, "Inhalt"),
        (0, "Checklisten „Sozialpsychiatrie“"),
        (1, "11. Krisen(interventions)dienst"),
        (2, "Düsseldorf"),
        (3, "Krisendienst Łódź"),
        (2, "Rhein-Kreis Neuss (Neuss, Meerbusch)"),
        (2, "Dormagen"),
        (1, "15. PsychotherapeutIn, niedergelassen"),
        (2, "Düsseldorf"),
        (3, "Praxis Şule Yılmaz"),
        (2, "Rhein-Kreis Neuss (Neuss, Meerbusch)"),
        (3, "Ольга Петренко Psychotherapie"),
        (2, "Dormagen"),
        (3, "Çiğdem Öztürk-İnce"),
        (3, "مركز الاستشارة"),
        (0, "Verzeichnis und Zeichenerklärung"),
    ]
    with pdfplumber.open(io.BytesIO(printed_pdf)) as doc:
        for _level, title, page, top in marks:
            # the heading or name under the place the bookmark goes to (not the page header's)
            found = doc.pages[page].search(extracted(title)[:12], regex=False)
            under = [f["top"] - (A4_HEIGHT - top) for f in found if f["top"] > 18 * MM]
            assert under and 0 <= under[0] < 30, (title, page, under)
    with pikepdf.open(io.BytesIO(printed_pdf)) as doc, doc.open_outline() as tree:
        assert doc.Root.PageMode == "/UseOutlines"
        # a group shows its checklists; a checklist its regions, a region its institutions
        # when it is opened
        assert [item.is_closed for item in tree.root] == [False, False, False]
        assert [item.is_closed for item in tree.root[1].children] == [True, True]
        assert [item.is_closed for item in tree.root[1].children[1].children] == [True] * 3


def test_the_bookmarks_name_each_institution_under_its_region_as_printed() -> None:
    """A coordinator with a print of hundreds of pages jumps to an institution from her
    viewer's bookmarks: under each region its institutions, in the order printed, named as
    their entries' heads name them, each going to its entry's page (the page the index gives);
    without a valid region under „Ohne gültige Versorgungsregion“, in a schema without regions
    under the checklist; as PDFium (Chrome's viewer) reads them."""
    r = Register(SCHEMA)
    r.merge(
        checklist(
            "psychotherapie",
            {"name": "Praxis Dr. Gülşen Öztürk 27", "region": "dormagen"},
            {"name": "Poradnia Zdrowia Psychicznego Łódź", "region": "dormagen"},
            {"name": "مركز الاستشارة النفسية", "region": "dormagen"},
            {"name": "Praxis Dr. Gülşen Öztürk 3", "region": "dormagen"},
            {"name": "Центр психологической помощи", "region": "duesseldorf"},
            {"name": "Beratung ohne Region", "region": "Köln"},
            *({"name": f"Ambulanz Nr. {n}", "region": "duesseldorf"} for n in range(1, 40)),
            {"name": "Ärztlicher Dienst Zülpich", "region": "Zülpich"},
        )
    )
    pdf = render_register(r, PrintOptions(stand=STAND, categories=("psychotherapie",)))
    text = pages(pdf)
    labels = pypdf.PdfReader(io.BytesIO(pdf)).page_labels
    marks = outline(pdf)
    under = {}
    for level, title, _page, _top in marks:
        if level == 2:
            region = under.setdefault(title, [])
        elif level == 3:
            region.append(title)
    assert under == {
        "Düsseldorf": [
            *(f"Ambulanz Nr. {n}" for n in range(1, 40)),
            "Центр психологической помощи",
        ],
        "Rhein-Kreis Neuss (Neuss, Meerbusch)": [],
        "Dormagen": [
            "Poradnia Zdrowia Psychicznego Łódź",
            "Praxis Dr. Gülşen Öztürk 3",
            "Praxis Dr. Gülşen Öztürk 27",
            "مركز الاستشارة النفسية",
        ],
        "Ohne gültige Versorgungsregion": ["Ärztlicher Dienst Zülpich", "Beratung ohne Region"],
    }
    named = [(title, page) for level, title, page, _top in marks if level == 3]
    for title, page in named:
        # on its page, the head of its entry (the index's reference is the page's label)
        assert extracted(title) in text[page] and labels[page].startswith("15/"), title
    assert len({page for _title, page in named}) > 3  # over several pages
    toc = [(b.level, b.get_title()) for b in pdfium.PdfDocument(pdf).get_toc()]
    assert [title for level, title in toc if level == 3] == [title for title, _page in named]
    bare = Register(replace(SCHEMA, regions=()))
    bare.merge(checklist("psychotherapie", {"name": "Praxis Łódź"}))
    bare_marks = outline(render_register(bare, PrintOptions(stand=STAND)))
    assert (2, "Praxis Łódź") in [(level, title) for level, title, *_ in bare_marks]


def test_the_contents_lines_and_page_counts_go_to_their_sections(
    printed_pdf: bytes, printed: list[str]
) -> None:
    """Each line of the contents goes to its section's first page, its name and its number
    of pages alike. The numbers stay counts: each section numbers its own pages (a section
    printed alone replaces its sheets), the first page of every one is „Seite 1“."""
    crisis = next(n for n, p in enumerate(printed) if p.startswith("11. Krisen") and n > 1)
    therapy = next(n for n, p in enumerate(printed) if p.startswith("15. Psycho") and n > 1)
    index = next(n for n, p in enumerate(printed) if p.startswith("Verzeichnis und"))
    on_page = links(printed_pdf, 1)
    assert all(x1 - x0 > 5 for (x0, _y0, x1, _y1), _to in on_page)  # none of no width

    def target(found: dict[str, float]) -> list[int]:
        x, y = (found["x0"] + found["x1"]) / 2, A4_HEIGHT - (found["top"] + found["bottom"]) / 2
        return [to for (x0, y0, x1, y1), to in on_page if x0 <= x <= x1 and y0 <= y <= y1]

    with pdfplumber.open(io.BytesIO(printed_pdf)) as doc:
        contents = doc.pages[1]
        for text, to in (
            ("Checklisten „Sozialpsychiatrie“", crisis),
            ("11. Krisen(interventions)dienst", crisis),
            ("15. PsychotherapeutIn", therapy),
            ("Verzeichnis und Zeichenerklärung", index),
        ):
            (found,) = contents.search(text, regex=False)
            assert target(found) == [to], text
        counts = contents.search("2 S.", regex=False)
        assert [target(found) for found in counts] == [[crisis], [therapy]]
    assert printed[crisis].endswith("Seite 1/2") and printed[therapy].endswith("Seite 1/2")


@pytest.mark.parametrize("duplex", [True, False])
def test_a_viewers_page_box_says_the_page_as_the_footer_and_the_index_go_there(
    reg: Register, duplex: bool
) -> None:
    """A viewer's page box said „5“ where the footer says „15. … · Seite 1/2“ and the index
    „15/1“: it says „15/1“ (the cover „i“, the contents and the index by their name's first
    word: „Verzeichnis und Zeichenerklärung/1“ was more than the box shows), and each of the
    index's „15/1“ is a link to that page."""
    opts = PrintOptions(
        centre="SPKoM Düsseldorf",
        stand=STAND,
        categories=("krisendienst", "psychotherapie"),
        duplex=duplex,
    )
    pdf = render_register(reg, opts)
    labels = pypdf.PdfReader(io.BytesIO(pdf)).page_labels
    text = pages(pdf)
    assert labels[0] == "i"
    for label, page in zip(labels[1:], text[1:], strict=True):
        part, k = re.findall(r"Stand 22\.11\.2026 (.+) · Seite (\d+)(?:/\d+)?$", page)[0]
        number = re.match(r"(\d+)\. ", part)
        assert label == f"{number[1] if number else part.split()[0]}/{k}"
    assert "Inhalt/1" in labels and "Verzeichnis/1" in labels
    first = labels.index("Verzeichnis/1")
    gone = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for n in range(first, len(labels)):
            on_page = links(pdf, n)
            for found in doc.pages[n].search(r"\b\d+/\d+\b"):
                if found["text"] in ("20/3", "3/6") or found["top"] > A4_HEIGHT - 18 * MM:
                    continue  # the key's example and the footer's page, no reference
                x = (found["x0"] + found["x1"]) / 2
                y = A4_HEIGHT - (found["top"] + found["bottom"]) / 2
                to = [t for (x0, y0, x1, y1), t in on_page if x0 <= x <= x1 and y0 <= y <= y1]
                gone.append((found["text"], [labels[t] for t in to]))
    assert gone and all(to == [said] for said, to in gone), gone


def test_a_viewer_says_the_prints_title_and_what_it_is(reg: Register, printed_pdf: bytes) -> None:
    """The title bar and a screen reader say the title, not the file's name; the document's
    properties say what it is and which formgen made it, in the print's language (they said
    „(unspecified)“, reportlab's words)."""
    english = render_register(
        reg, PrintOptions(stand=STAND, lang="en", region="dormagen", categories=("krisendienst",))
    )
    for pdf, lang, title, subject in (
        (
            printed_pdf,
            "de",
            "Regionales Versorgungsregister – Stand 22.11.2026",
            f"{SCHEMA.title.get('de')} – Versorgungsregion: alle Regionen",
        ),
        (
            english,
            "en",
            "Regional care register – As of 2026-11-22",
            f"{SCHEMA.title.get('en')} – Care region: Dormagen",
        ),
    ):
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            assert doc.Root.ViewerPreferences.DisplayDocTitle is True
            assert doc.Root.Lang == lang
            assert str(doc.docinfo.Title) == title
            assert str(doc.docinfo.Subject) == subject
            assert str(doc.docinfo.Creator) == f"formgen {formgen.__version__}"


def test_cover_names_centre_region_and_stand(printed: list[str]) -> None:
    cover = printed[0]
    assert "SPKoM Düsseldorf" in cover and "Regionales Versorgungsregister" in cover
    assert "Versorgungsregion: alle Regionen" in cover and "Stand: 22.11.2026" in cover


def test_contents_lists_categories_in_schema_order_with_pages(printed: list[str]) -> None:
    toc = printed[1]
    assert "Inhalt" in toc
    assert toc.index("11. Krisen(interventions)dienst") < toc.index("15. PsychotherapeutIn")
    assert "Checklisten „Sozialpsychiatrie“" in toc


def test_each_category_starts_on_the_front_of_a_sheet_and_numbers_its_own_pages(
    printed: list[str],
) -> None:
    # the pages were numbered through the whole print, and a section began on the back of the
    # sheet before: a section reprinted alone had other numbers and could not replace its sheets
    crisis = next(n for n, p in enumerate(printed) if "11. Krisen(interventions)dienst\n" in p[40:])
    therapy = next(
        n for n, p in enumerate(printed) if "15. PsychotherapeutIn, niedergelassen\n" in p[60:]
    )
    assert therapy > crisis >= 2
    assert crisis % 2 == therapy % 2 == 0  # pages 3 and 5: fronts of sheets in duplex
    assert "Psychotherapie" not in printed[crisis].replace("Ольга Петренко Psychotherapie", "")
    # header: the category; footer: centre, Stand, the section and the page in it
    assert printed[therapy].startswith("15. PsychotherapeutIn, niedergelassen")
    header = printed[therapy].splitlines()[0]
    assert "Düsseldorf · Rhein-Kreis Neuss (Neuss, Meerbusch) · Dormagen" in header
    assert printed[crisis].endswith(
        "SPKoM Düsseldorf · Stand 22.11.2026 11. Krisen(interventions)dienst · Seite 1/2"
    )
    assert printed[therapy].endswith("15. PsychotherapeutIn, niedergelassen · Seite 1/2")
    # the back of the crisis service's only page is left blank, and says so
    back = printed[crisis + 1]
    assert back.startswith("Diese Seite bleibt frei\n")
    assert back.endswith("11. Krisen(interventions)dienst · Seite 2/2")
    # the contents count each section's pages; the cover is not counted, the contents are a
    # part of their own
    assert "11. Krisen(interventions)dienst . . ." in printed[1]
    assert printed[1].count(" 2 S.") == 2
    assert printed[1].endswith("Inhalt · Seite 1/1")


def test_a_section_printed_alone_is_the_same_sheets(reg: Register, printed: list[str]) -> None:
    alone = pages(
        render_register(
            reg,
            PrintOptions(centre="SPKoM Düsseldorf", stand=STAND, categories=("psychotherapie",)),
        )
    )

    def section(text: list[str]) -> list[str]:
        return [p for p in text if "15. PsychotherapeutIn, niedergelassen · Seite" in p]

    assert section(alone) == section(printed)
    assert [p.splitlines()[-1][-9:] for p in section(alone)] == ["Seite 1/2", "Seite 2/2"]
    assert alone.index(section(alone)[0]) == 2  # the front of the second sheet


def test_a_simplex_print_has_no_blank_pages_and_numbers_each_section_on_its_own(
    reg: Register, printed: list[str]
) -> None:
    # single-sided or on screen, the blank backs of a duplex binder were a third of the pages
    opts = PrintOptions(
        centre="SPKoM Düsseldorf",
        stand=STAND,
        categories=("krisendienst", "psychotherapie"),
        duplex=False,
    )
    simplex = pages(render_register(reg, opts))
    blank = [p for p in printed if p.startswith("Diese Seite bleibt frei\n")]
    assert blank and len(simplex) == len(printed) - len(blank)
    assert not any("bleibt frei" in p for p in simplex)  # the key does not explain one either
    # every part still begins on a page of its own and counts its own pages, k of n
    footers = [re.search(r"Stand 22\.11\.2026 (.+) · Seite (\d+)/(\d+)$", p) for p in simplex[1:]]
    parts = [(m[1], int(m[2]), int(m[3])) for m in footers if m]
    assert len(parts) == len(simplex) - 1
    groups = [(t, [(k, n) for _t, k, n in g]) for t, g in itertools.groupby(parts, lambda p: p[0])]
    assert [t for t, _numbers in groups] == [
        "Inhalt",
        "11. Krisen(interventions)dienst",
        "15. PsychotherapeutIn, niedergelassen",
        "Verzeichnis und Zeichenerklärung",
    ]
    for _title, numbers in groups:
        assert numbers == [(k, len(numbers)) for k in range(1, len(numbers) + 1)]
    assert simplex[2].startswith("11. Krisen(interventions)dienst")  # right after the contents
    assert simplex[3].startswith("15. PsychotherapeutIn, niedergelassen")
    # the contents count the pages printed, the index the same page in its section
    assert "11. Krisen(interventions)dienst . . ." in simplex[1] and " 1 S." in simplex[1]
    # the key says so; the index gives each entry the same section and page
    key = " ".join(simplex[-1].split())
    assert "Jede Rubrik beginnt auf einer neuen Seite und zählt ihre Seiten für sich" in key
    index = re.findall(r"· (\d+/\d+)\n", simplex[-1])
    assert "15/1" in index and index == re.findall(
        r"· (\d+/\d+)\n", next(p for p in printed if p.startswith("Verzeichnis"))
    )


def test_the_index_takes_the_town_from_an_address_typed_whole_where_the_town_is_empty() -> None:
    """An address typed into the street box („Kölner Str. 5, 41539 Dormagen“) or a postcode box
    with its town („41460 Neuss“, flagged as no postcode), the town box left empty: the index
    finds the entry under that town; the town box, where it is filled in, goes first."""
    r = addresses_typed_whole()
    opts = PrintOptions(centre="SPKoM", stand=STAND, categories=("krisendienst",))
    with pdfplumber.open(io.BytesIO(render_register(r, opts))) as doc:
        page = doc.pages[-1]  # the index, its two columns one after the other
        halves = ((0, 0, page.width / 2, page.height), (page.width / 2, 0, page.width, page.height))
        text = "\n".join(page.crop(box).extract_text() for box in halves)
    places = text[text.index("Nach Ort") :]
    assert "\nDormagen\nKrisendienst Łódź · 11/1\n" in places, places
    assert "\nNeuss\nBeratung Yılmaz · 11/1" in places, places
    assert "\nKöln\nZentrum Öztürk · 11/1\n" in places and "Düsseldorf" not in places
    assert "Petrenko" not in places


def test_the_index_finds_an_entry_by_language_and_by_town_with_its_section_and_page(
    printed: list[str],
) -> None:
    # finding "Persian in Düsseldorf" meant leafing through every page
    first = next(n for n, p in enumerate(printed) if p.startswith("Verzeichnis und Zeichen"))
    assert first % 2 == 0  # on the front of a sheet
    index = "\n".join(printed[first:])
    languages = index[index.index("Nach Sprache") : index.index("Nach Ort")]
    places = index[index.index("Nach Ort") :]
    # in two columns, each language with the entries offering it: section 15, its page 1
    assert "Persisch (Farsi) Türkisch\nPraxis Şule Yılmaz · 15/1 Praxis Şule Yılmaz · 15/1" in (
        languages
    )
    assert "Deutsch" not in languages.replace("Deutsch ist nicht aufgeführt", "")
    # a town with one entry: its heading above it, not at the foot of the other column
    assert "\nDüsseldorf\nPraxis Şule Yılmaz · 15/1\n" in places
    # and what the marks and the numbers mean
    index = " ".join(index.split())
    assert "VERALTET – zuletzt bestätigt am … (vor … Tagen): zuletzt vor mehr Tagen" in index
    assert "NOCH NIE GEANTWORTET – Angaben unbestätigt: die Angaben kommen aus einer" in index
    assert "nicht von der Einrichtung selbst bestätigt: mindestens eine Angabe" in index
    assert "(„Seite 3/6“: die dritte ihrer sechs Seiten)" in index
    assert "20/3 ist Rubrik 20, Seite 3" in index


def test_every_entry_says_how_current_it_is_under_its_name() -> None:
    # only a stale entry said it at its head; the others said it small at their end, or not at
    # all (one never confirmed: see test_register_import, „Stand …“)
    r = Register(SCHEMA)
    r.merge(checklist("krisendienst", {**YILMAZ, "date": "2026-11-01"}))
    text = pages(render_register(r, PrintOptions(stand=STAND, categories=("krisendienst",))))[2]
    head = text[text.index("Praxis Şule Yılmaz") :].splitlines()
    assert head[1] == "bestätigt am 01.11.2026 · nicht von der Einrichtung selbst bestätigt"
    assert head[2].startswith("Anschrift Königsallee 1")


def test_the_contents_list_the_institutions_taken_out_in_the_year_before() -> None:
    # a closed institution vanished from the print without a word: its sheets stayed in the
    # binder
    r = Register(SCHEMA)
    r.merge(
        checklist(
            "krisendienst",
            {"name": "Krisendienst Łódź", "region": "duesseldorf"},
            {"name": "Kriz Servisi Şişli", "region": "dormagen"},
            {"name": "Кризисная служба", "region": "dormagen"},
            {"name": "Ärztlicher Notdienst", "region": "dormagen"},
        )
    )
    r.retire("inst-0002", "geschlossen zum 30.06.2026", at="2026-11-20T10:00:00Z")
    r.retire("inst-0003", "verzogen", at="2025-06-01T10:00:00Z")  # long gone: not listed
    r.retire("inst-0004", "geschlossen", at="2026-11-21T10:00:00Z")
    printed = pages(render_register(r, PrintOptions(stand=STAND)))
    contents = " ".join(printed[1].split())
    assert (
        "Seit dem 22.11.2025 aus dem Register genommen – ihre Blätter aus dem Ordner entfernen "
        "Ärztlicher Notdienst (inst-0004) – Rubrik 11: aus dem Register genommen am 21.11.2026 "
        "(geschlossen) "  # by name, Ä as A
        "Kriz Servisi Şişli (inst-0002) – Rubrik 11: aus dem Register genommen am 20.11.2026 "
        "(geschlossen zum 30.06.2026)"
    ) in contents
    assert "Кризисная служба" not in "\n".join(printed)
    # under the contents in the bookmarks, going to its heading on the contents' page
    marks = [m[:3] for m in outline(render_register(r, PrintOptions(stand=STAND)))]
    assert marks[1:3] == [  # after the contents' list of the checklists without an entry
        (1, "Noch keine Einträge", 1),
        (
            1,
            "Seit dem 22.11.2025 aus dem Register genommen – ihre Blätter aus dem Ordner entfernen",
            1,
        ),
    ]
    # a print without its sections has none of its sheets
    alone = pages(render_register(r, PrintOptions(stand=STAND, categories=("psychotherapie",))))
    assert "Kriz Servisi" not in alone[1] and "aus dem Register genommen" not in alone[1]


def withdrawn(contents: list[str]) -> list[str]:
    """The contents' lines of the institutions taken out: after their heading (the contents'
    last), before the footer's line."""
    return contents[contents.index("Ordner entfernen") + 1 : -1]


def test_an_arabic_name_taken_out_stands_before_its_date_and_reason() -> None:
    """The line of an institution taken out whose name is Arabic is German text with the name
    in it (as HTML's ``<bdi>`` sets it): the name, joined and right to left, at the line's
    start, then its id, sections, day and reason in the order written. The line was taken as
    right to left: „Rubrik 11: aus dem Register genommen am – (inst-0001) مركز… (geschlossen)
    20.11.2026“, the day behind the reason (a tester's finding)."""
    r = Register(SCHEMA)
    name = "مركز النور (Beratung Neuss)"
    r.merge(checklist("krisendienst", {"name": name, "region": "dormagen"}))
    r.retire("inst-0001", "geschlossen zum 31.10.2026", at="2026-11-20T10:00:00Z")
    _cover, contents, *_rest = drawn_lines(render_register(r, PrintOptions(stand=STAND)))
    line = " ".join(withdrawn(contents))
    # the name in its own direction: its Latin part at its left end, as the entry's head draws it
    shown = f"(Beratung Neuss) {right_to_left('مركز النور')}"
    assert line.startswith(
        f"{shown} (inst-0001) – Rubrik 11: aus dem Register genommen am 20.11.2026 "
        "(geschlossen zum 31.10.2026)"
    ), line
    # broken over lines, the name's lines each right to left, read from the top; then the
    # German words in their order
    long = " ".join(["مركز النور للمهاجرين في دوسلدورف ونويس وكولن وبون ودورماغن"] * 3)
    r = Register(SCHEMA)
    r.merge(checklist("krisendienst", {"name": long, "region": "dormagen"}))
    r.retire("inst-0001", "geschlossen zum 31.10.2026", at="2026-11-20T10:00:00Z")
    _cover, contents, *_rest = drawn_lines(render_register(r, PrintOptions(stand=STAND)))
    lines = withdrawn(contents)
    k = next(n for n, line in enumerate(lines) if "(inst-0001)" in line)
    named = [*lines[:k], lines[k].partition(" (inst-0001)")[0]]
    assert len(named) == 3
    assert " ".join(part[::-1] for part in named) == long  # each line right to left
    german = " ".join(lines)[" ".join(lines).index("(inst-0001)") :]
    assert german.replace(" .", ".") == (
        "(inst-0001) – Rubrik 11: aus dem Register genommen am 20.11.2026 "
        "(geschlossen zum 31.10.2026)"
    )


def test_a_print_without_personal_data_lists_an_institution_taken_out_without_why() -> None:
    # the reason the coordinator gave may name people; the day and sections are the binder's
    r = Register(SCHEMA)
    r.merge(checklist("krisendienst", {"name": "Kriz Servisi Şişli", "region": "dormagen"}))
    r.retire("inst-0001", "Frau Żółć ist gegangen", at="2026-11-20T10:00:00Z")
    printed = pages(render_register(r, PrintOptions(stand=STAND, personal=False)))
    contents = " ".join(printed[1].split())
    assert (
        "Kriz Servisi Şişli (inst-0001) – Rubrik 11: aus dem Register genommen am 20.11.2026 "
    ) in contents + " "
    assert "Żółć" not in "\n".join(printed) and "gegangen" not in "\n".join(printed)


def test_a_long_e_mail_address_is_not_broken_after_a_hyphen_of_its_own() -> None:
    # „…@psychosoziales-zentrum-“ / „duesseldorf-…“: was the hyphen the address's or the line's?
    mail = "anmeldung.traumaambulanz@psychosoziales-zentrum-duesseldorf-rhein-kreis-neuss.de"
    r = Register(SCHEMA)
    r.merge(checklist("krisendienst", {**YILMAZ, "email": mail}))
    text = pages(render_register(r, PrintOptions(stand=STAND, categories=("krisendienst",))))[2]
    (first,) = [line for line in text.splitlines() if line.startswith("E-Mail ")]
    rest = text.splitlines()[text.splitlines().index(first) + 1]
    assert first == "E-Mail anmeldung.traumaambulanz@psychosoziales-zentrum-duesseldorf-rhein"
    assert rest == "-kreis-neuss.de"  # the hyphen begins the next line: the address goes on


def test_entries_unicode_names_description_and_fields(printed: list[str]) -> None:
    text = "\n".join(printed)
    for name in (
        "Praxis Şule Yılmaz",
        "Ольга Петренко Psychotherapie",
        "Çiğdem Öztürk-İnce",
        "Krisendienst Łódź",
    ):
        assert name in text
    assert "Γιώργος Παπαδόπουλος" in text
    assert "ärztliche oder psychologische Fachpraxen" in text  # the category's description
    assert "Königsallee 1, 40212 Düsseldorf" in text
    assert "Persisch (Farsi), Türkisch" in text


def test_stale_entries_are_marked_with_their_last_confirmation(printed: list[str]) -> None:
    text = "\n".join(printed)
    assert "VERALTET – zuletzt bestätigt am 01.05.2024 (vor 935 Tagen)" in text
    yilmaz = text[text.index("Praxis Şule Yılmaz") : text.index("Rhein-Kreis Neuss")]
    assert "VERALTET" not in yilmaz


def test_a_soft_hyphen_stored_before_is_not_printed() -> None:
    """A register built before soft hyphens were left out holds „Königs\u00adallee 1“: the
    print reads it as today, „Königsallee 1“, not „Königs-allee 1“."""
    reg = Register(SCHEMA)
    reg.merge(checklist("psychotherapie", {**YILMAZ, "street": "Königs\u00adallee 1"}))
    opts = PrintOptions(stand=STAND, categories=("psychotherapie",))
    text = "\n".join(pages(render_register(reg, opts)))
    assert "Königsallee 1" in text and "Königs-allee" not in text


def test_the_day_a_return_came_in_is_the_day_on_the_coordinators_clock() -> None:
    """Read in at 00:30 on 1 July in Düsseldorf (22:30 UTC the day before) and never dated:
    confirmed on 01.07.2025, as the coordinator saw it come in."""
    reg = Register(SCHEMA)
    crisis = {"name": "Кризисная служба Łódź", "region": "duesseldorf"}
    reg.merge(checklist("krisendienst", crisis), at="2025-06-30T22:30:00Z")
    opts = PrintOptions(stand=STAND, categories=("krisendienst",))
    with local_zone("Europe/Berlin"):
        text = "\n".join(pages(render_register(reg, opts)))
    assert "VERALTET – zuletzt bestätigt am 01.07.2025 (vor 509 Tagen)" in text
    assert "Кризисная служба Łódź" in text


def index_lines(pdf: bytes) -> list[str]:
    """The lines of the print's index: under each of its headings („Nach Sprache“, „Nach
    Ort“), its two columns one after the other."""
    labels = pypdf.PdfReader(io.BytesIO(pdf)).page_labels
    heads = {say("print_index_languages", "de"), say("print_index_places", "de")}
    lines = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page, label in zip(doc.pages, labels, strict=True):
            if not label.startswith("Verzeichnis/"):
                continue
            tops = [ln["top"] for ln in page.extract_text_lines() if ln["text"] in heads]
            for top, bottom in itertools.pairwise([*tops, page.height]):
                for left, right in ((0, page.width / 2), (page.width / 2, page.width)):
                    lines += page.crop((left, top, right, bottom)).extract_text().splitlines()
    return lines


GERMAN_ORDER = [
    "Ärztehaus am Rhein",  # Ä as A, before „Arzt…“ as e before p
    "Arztpraxis Oststraße",
    "Bad Homburg Beratung",  # a word before a longer one
    "Badener Hof",
    "Çocuk ve Aile Danışma",  # Ç as C
    "Dienst 3",  # a number by its value
    "Dienst 27",
    "Łódź Poradnia Polska",  # Ł as L
    "Lodzer Hilfe",
    "Muller Praxis",  # the same but for an accent: without it first
    "Müller Praxis",
    "Öffentliche Beratungsstelle",  # Ö as O
    "Oststadt Zentrum",
    "Şefkat Evi",  # Ş as S
    "Straßenambulanz",  # ß as ss
    "Yıldız Danışmanlık",  # ı as i
    "Yilmaz Praxis",
    "Zentrum für Seelische Gesundheit",
    "Ελπίδα Κέντρο",  # then Greek, Cyrillic, Arabic, each in its alphabet's order
    "Институт семьи",
    "Йога и здоровье",  # й after и, as the Russian alphabet has it
    "Клиника Надежда",
    "Центр психологической помощи",
    "بيت الأمل",
    "مركز الاستشارة النفسية",
]


def test_institutions_are_printed_in_the_order_of_a_german_telephone_book() -> None:
    """„Ärztehaus …“, „Çocuk …“, „Łódź …“, „Öffentliche …“ and „Şefkat …“ stood after „Z…“,
    where nobody looks for them: ordered as DIN 5007-1 orders names (Ä as A, ß as ss, accents
    aside, a number by its value), then Greek, Cyrillic and Arabic names by their alphabets;
    the same order in the entries, in the bookmarks and in the index."""
    reg = Register(SCHEMA)
    rows = [
        {"name": n, "region": "duesseldorf", "postcode": f"{40210 + k}", "city": "Düsseldorf"}
        for k, n in enumerate(reversed(GERMAN_ORDER))
    ]
    for row in rows:
        row.update(languages_offered=["tr"])
    reg.merge(checklist("psychotherapie", *rows))
    for dup in reg.duplicates():  # „Muller“, „Müller“ at two addresses: two practices
        reg.resolve_duplicate(dup["id"], "new")
    assert len(reg.institutions) == len(GERMAN_ORDER)
    ids = {reg.name_of(iid): iid for iid in reg.institutions}
    pdf = render_register(reg, PrintOptions(stand=STAND, categories=("psychotherapie",)))
    text = pages(pdf)
    tags = tuple(ids.values())
    # each entry's head: its name and its id (at the left of a right-to-left name)
    heads = [
        line.rsplit(" ", 1)[0] if line.endswith(tags) else line.split(" ", 1)[1]
        for page in text
        for line in page.splitlines()
        if line.endswith(tags) or line.startswith(tags)
    ]
    assert heads == [extracted(name) for name in GERMAN_ORDER]
    # „Muller“ and „Müller“, the same name but for an accent, told apart by their towns
    told = [
        *GERMAN_ORDER[:9],
        "Muller Praxis (40225 Düsseldorf)",
        "Müller Praxis (40224 Düsseldorf)",
    ]
    told += GERMAN_ORDER[11:]
    marks = [title for level, title, _page, _top in outline(pdf) if level == 3]
    assert marks == told
    listed = [line.split(" · ")[0] for line in index_lines(pdf) if " · 15/" in line]
    # under „Türkisch“ and under „Düsseldorf“
    assert listed == [extracted(name) for name in told] * 2


def test_names_the_same_but_for_case_or_accents_come_in_one_order_whatever_order_they_came() -> (
    None
):
    """Case and accents decide only where names are the same otherwise, and then always the
    same way: a print made again does not swap „CARITAS“ and „Caritas“ because their returns
    came in another order."""
    names = ["CARITAS", "Caritas", "caritas", "Cäritas", "Caritas 3", "Caritas 03", "Caritas-Haus"]
    names += ["Caritas Haus", "Caritashaus", "Straße 1", "Strasse 1", "STRASSE 1"]
    rng = random.Random(5007)
    orders = {tuple(sorted(rng.sample(names, len(names)), key=name_order)) for _ in range(50)}
    assert len(orders) == 1
    (order,) = orders
    assert order.index("Caritas Haus") < order.index("Caritashaus")  # a word before a longer one
    # without the accent first, then small letters first (as ICU and glibc's de_DE order them)
    assert order[:4] == ("caritas", "Caritas", "CARITAS", "Cäritas")


def test_institutions_of_the_same_name_are_told_apart_in_the_bookmarks_and_the_index() -> None:
    """Two „Caritas Beratung“ in Düsseldorf, one in Dormagen: their bookmarks and index lines
    were the same, and a coordinator clicking one could land on the other. Each is named with
    the postcode and town its entry prints, and where these do not tell them apart (no address)
    with its id, as its entry's head shows it; each bookmark goes to the entry it names."""
    reg = Register(SCHEMA)
    rows = [
        ("Caritas Beratung", "duesseldorf", "Kölner Str. 1", "40225 Düsseldorf"),
        ("Caritas Beratung", "dormagen", "Kölner Str. 1", "41539 Dormagen"),
        ("Caritas Beratung", "duesseldorf", "Kölner Str. 1", "40223 Düsseldorf"),
        ("Praxis Yılmaz", "dormagen", "Marktplatz 1", "41539 Dormagen"),
        ("Praxis Yilmaz", "dormagen", "Bahnhofstr. 9", "41541 Dormagen"),  # without ı
        ("Praxis Łódź", "dormagen", "Marktplatz 2", "41539 Dormagen"),
    ]
    reg.merge(
        checklist(
            "psychotherapie",
            *(
                {"name": name, "region": region, "street": street, "postcode": town[:5]}
                | {"city": town[6:], "languages_offered": ["ar"]}
                for name, region, street, town in rows
            ),
        )
    )
    for dup in reg.duplicates():
        reg.resolve_duplicate(dup["id"], "new")
    inst = reg.institutions
    ids = {(reg.name_of(i), inst[i]["institution"]["street"]["v"]): i for i in inst}
    moved = ids["Praxis Yilmaz", "Bahnhofstr. 9"]  # its postcode corrected: the same as the other's
    reg.set_by_hand(moved, reg.hand_values(moved, "institution.postcode", "41539"), "Telefon")
    pdf = render_register(reg, PrintOptions(stand=STAND, categories=("psychotherapie",)))
    marks = [(title, page, top) for level, title, page, top in outline(pdf) if level == 3]
    told = [title for title, _page, _top in marks]
    yilmaz, yilmaz_ascii = (
        ids["Praxis Yılmaz", "Marktplatz 1"],
        ids["Praxis Yilmaz", "Bahnhofstr. 9"],
    )
    assert told == [
        "Caritas Beratung (40223 Düsseldorf)",
        "Caritas Beratung (40225 Düsseldorf)",
        "Caritas Beratung (41539 Dormagen)",
        "Praxis Łódź",  # no other of its name
        f"Praxis Yilmaz ({yilmaz_ascii})",  # the same postcode and town: by id
        f"Praxis Yılmaz ({yilmaz})",  # the same name but for ı: after the one without
    ]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for title, page, top in marks:
            # where the bookmark goes: the head of the entry it names, its address below
            at = doc.pages[page]
            below = at.crop((0, at.height - top, at.width, at.height - top + 45)).extract_text()
            name, _, tag = title.partition(" (")
            head, address = below.splitlines()[0], " ".join(below.splitlines()[1:])
            iid = head.rsplit(" ", 1)[1]
            assert head == f"{extracted(name)} {iid}", (title, below)
            # its own: the id or the postcode and town the bookmark names
            assert tag.rstrip(")") in (iid, "") or tag.rstrip(")") in address, (title, below)
    index = [line.split(" · ")[0] for line in index_lines(pdf)]
    for title, _page, _top in marks:
        assert index.count(extracted(title)) == 2, (title, index)  # under „Arabisch“, its town
    # a print of Dormagen has one „Caritas Beratung“: its name is enough
    opts = PrintOptions(stand=STAND, categories=("psychotherapie",), region="dormagen")
    alone = [title for level, title, *_ in outline(render_register(reg, opts)) if level == 3]
    assert alone == ["Caritas Beratung", "Praxis Łódź", *told[-2:]]


NO_ENTRY = "Kein Eintrag – für diese Region ist noch kein Angebot erfasst."
ONLY_FEHLANZEIGE = "Fehlanzeige – die Einträge melden keine Erfahrungen/Ressourcen."


def region_text(page: str, region: str, next_region: str | None) -> str:
    start = page.index(f"\n{region}\n")
    return page[start : page.index(f"\n{next_region}\n", start) if next_region else None]


def test_names_that_differ_by_a_number_are_printed_in_the_numbers_order() -> None:
    """A provider with one counselling office per town numbers them: „… 3“ comes before „… 27“
    (and the one without a number first), as a coordinator looks them up on paper."""
    names = [
        "Poradnia Łódź-Düsseldorf 27",
        "Poradnia Łódź-Düsseldorf 3",
        "Poradnia Łódź-Düsseldorf",
    ]
    reg = Register(SCHEMA)
    reg.merge(checklist("krisendienst", *({"name": n, "region": "duesseldorf"} for n in names)))
    opts = PrintOptions(centre="SPKoM Düsseldorf", stand=STAND, categories=("krisendienst",))
    text = "\n".join(pages(render_register(reg, opts))[2:])
    lines = [line for line in text.splitlines() if line.startswith("Poradnia")]
    assert lines == [f"{names[2]} inst-0003", f"{names[1]} inst-0002", f"{names[0]} inst-0001"]


def test_a_region_without_any_entry_says_kein_eintrag_not_fehlanzeige(printed: list[str]) -> None:
    crisis = next(p for p in printed if "11. Krisen(interventions)dienst\n" in p[40:])
    # Łódź's crisis service is in Düsseldorf; nobody answered for the two other regions
    assert NO_ENTRY not in region_text(crisis, "Düsseldorf", "Rhein-Kreis Neuss (Neuss, Meerbusch)")
    assert NO_ENTRY in region_text(crisis, "Rhein-Kreis Neuss (Neuss, Meerbusch)", "Dormagen")
    assert NO_ENTRY in region_text(crisis, "Dormagen", None)
    assert crisis.count(NO_ENTRY) == 2
    assert "Fehlanzeige –" not in crisis  # no institution answered "Fehlanzeige" here


def test_a_region_whose_entries_answered_fehlanzeige_says_fehlanzeige(printed: list[str]) -> None:
    therapy = next(p for p in printed if "Çiğdem" in p)
    dormagen = region_text(therapy, "Dormagen", None)
    assert ONLY_FEHLANZEIGE in dormagen and NO_ENTRY not in dormagen
    # the Fehlanzeige line heads the region, above its entries
    assert dormagen.index(ONLY_FEHLANZEIGE) < dormagen.index("Çiğdem Öztürk-İnce")
    assert NO_ENTRY not in "\n".join(p for p in printed if "15. PsychotherapeutIn" in p)


def test_one_region_and_without_personal_data(reg: Register) -> None:
    text = "\n".join(
        pages(
            render_register(
                reg,
                PrintOptions(
                    stand=STAND,
                    region="rhein-kreis neuss (neuss, meerbusch)",  # the name, as people type it
                    categories=("Psychotherapie",),
                    personal=False,
                ),
            )
        )
    )
    assert "Versorgungsregion: Rhein-Kreis Neuss" in text
    assert "Ольга Петренко Psychotherapie" in text and "Praxis Şule Yılmaz" not in text
    assert "Γιώργος" not in text


def test_english_and_unknown_region(reg: Register) -> None:
    pdf = render_register(reg, PrintOptions(stand=STAND, lang="en", categories=("krisendienst",)))
    text = "\n".join(pages(pdf))
    assert "Regional care register" in text and "As of: 2026-11-22" in text
    labels = pypdf.PdfReader(io.BytesIO(pdf)).page_labels
    assert labels[:3] == ["i", "Contents/1", "11/1"] and labels[-1].startswith("Index/")
    assert text.count("No entry – no service has been recorded for this region yet.") == 2
    assert "None available –" not in text
    with pytest.raises(FormgenError, match="unknown region 'mars'"):
        render_register(reg, PrintOptions(region="mars"))


@pytest.mark.parametrize(
    ("lang", "without", "crisis", "therapy", "page"),
    [
        (
            "de",
            "Ohne Eintrag in Düsseldorf",
            "11. Krisen(interventions)dienst",
            "15. Psychotherapeut",
            "Seite",
        ),
        (
            "en",
            "No entry in Düsseldorf",
            "11. Crisis (intervention) service",
            "15. Psychotherapist",
            "Page",
        ),
    ],
)
def test_a_regions_print_names_the_checklists_without_an_entry_there_together(
    reg: Register, lang: str, without: str, crisis: str, therapy: str, page: str
) -> None:
    """The print of one region, for a regional working group's meeting: the checklists holding
    entries there, each on its pages as in the full print; the others named together once, in
    the contents under „Ohne Eintrag in Düsseldorf“, each on its line (a page each saying only
    „Kein Eintrag“ made 27 pages of two entries). The contents give each section's pages."""
    _cover, contents, *rest = pages(
        render_register(reg, PrintOptions(stand=STAND, region="Düsseldorf", lang=lang))
    )
    sections = [p for p in rest if p.startswith((crisis, therapy))]
    assert len(sections) == 2
    for title, section in zip((crisis, therapy), sections, strict=True):
        assert section.startswith(title) and section.endswith(f"{page} 1/2")
        (line,) = [line for line in contents.splitlines() if line.startswith(title)]
        assert line.endswith(" 2 S." if lang == "de" else " 2 pp.")
    assert say("print_no_entry_region", lang) not in "\n".join(sections)
    head, listed = contents.split(f"\n{without}\n")
    assert crisis in head and therapy in head
    *lines, index, _footer = listed.splitlines()  # the index's line, then the footer last
    assert index == say("print_index", lang)
    empty = [
        f"{n}. {c.label.get(lang)}"
        for n, c in enumerate(SCHEMA.categories, 1)
        if c.id not in ("krisendienst", "psychotherapie")
    ]
    assert " ".join(lines) == " ".join(empty)
    # each on a line of its own, in the schema's order
    numbers = [line.split(" ")[0] for line in lines if line[0].isdigit()]
    assert numbers == [title.split(" ")[0] for title in empty] and len(numbers) == 23
    # a bookmark under the contents' goes to the list
    marks = outline(render_register(reg, PrintOptions(stand=STAND, region="Düsseldorf", lang=lang)))
    assert marks[1][:3] == (1, without, 1)


def test_the_full_print_names_the_checklists_without_an_entry_in_the_contents(
    reg: Register,
) -> None:
    """The binder of six entries had 53 pages: every checklist without an entry took a sheet
    saying „Kein Eintrag“ on its front and „Diese Seite bleibt frei“ on its back. Now the
    checklists holding entries have their sheets, the others are named in the contents under
    „Noch keine Einträge“, one line each, in the schema's order."""
    pdf = render_register(reg, PrintOptions(stand=STAND))
    labels = pypdf.PdfReader(io.BytesIO(pdf)).page_labels
    sections = sorted({label.partition("/")[0] for label in labels if label[0].isdigit()}, key=int)
    assert sections == ["11", "15"]
    assert len(labels) < 12  # cover, contents, two sections, index: not 25 sections' sheets
    printed = pages(pdf)
    contents = printed[1]
    head, listed = contents.split("\nNoch keine Einträge\n")
    assert "11. Krisen(interventions)dienst" in head and "15. PsychotherapeutIn" in head
    empty = [
        f"{n}. {c.label.get('de')}"
        for n, c in enumerate(SCHEMA.categories, 1)
        if c.id not in ("krisendienst", "psychotherapie")
    ]
    *lines, index, _footer = listed.splitlines()
    assert " ".join(lines) == " ".join(empty) and index == "Verzeichnis und Zeichenerklärung"
    # the index sends to the sections printed, and to pages they have
    index = re.sub(r"\d+/\d+ ist|Seite \d+/\d+", "", printed[-1])  # the key's example, the footer
    cited = set(re.findall(r"\b\d+/\d+\b", index))
    assert cited and cited <= set(labels)
    # a print of chosen sections still has their sheets, also of one without an entry
    chosen = pages(
        render_register(reg, PrintOptions(stand=STAND, categories=("kontakt_beratungsstelle",)))
    )
    assert any(say("print_no_entry_region", "de") in p for p in chosen)


def test_the_checklists_without_an_entry_stand_with_the_contents_in_their_ink(
    reg: Register,
) -> None:
    """„Noch keine Einträge“ stood after „Verzeichnis und Zeichenerklärung“, so that its 23
    lines seemed to follow the index, and in the red of „VERALTET“ (a tester's finding): it
    follows the checklists printed, in the contents' ink, and the index's line (a link to the
    index, as it was) comes last."""
    pdf = render_register(reg, PrintOptions(stand=STAND))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[1]
        lines = page.extract_text_lines()

        def top(start: str) -> float:
            (found,) = [ln["top"] for ln in lines if ln["text"].startswith(start)]
            return float(found)

        heading, index = top("Noch keine Einträge"), top("Verzeichnis und Zeichenerklärung")
        assert top("15. PsychotherapeutIn") < heading < top("24. Rechtsanwälte") < index
        listed = [c for c in page.chars if heading - 2 < c["top"] < index - 2]
        assert len(listed) > 500  # the heading and its 23 lines
        assert {tuple(round(v, 3) for v in c["non_stroking_color"]) for c in listed} == {
            tuple(round(v, 3) for v in ingest.printed.INK.rgb())
        }
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    index_page = reader.page_labels.index("Verzeichnis/1")
    assert [m[2] for m in outline(pdf) if m[1] == "Verzeichnis und Zeichenerklärung"] == [
        index_page
    ]
    # the index's line goes to it
    height = float(reader.pages[1].mediabox.height)
    (goes_to,) = [
        a.get_object()["/Dest"][0]
        for a in reader.pages[1]["/Annots"]
        if float(a.get_object()["/Rect"][1]) < height - index < float(a.get_object()["/Rect"][3])
    ]
    assert goes_to == reader.pages[index_page].indirect_reference


def test_the_cover_counts_the_entries_register_stale_lists() -> None:
    """The cover said „0 veraltet · 0 noch nie geantwortet“ while ``register stale`` listed
    every entry (unconfirmed, incomplete or invalid): it counts the entries to update as
    ``register stale`` lists them, and of them each reason there is (the stale and the never
    answered always)."""
    r = Register(SCHEMA)
    recent = dict(YILMAZ, date="2026-11-01")
    streets = iter(range(2, 6))

    def other(name: str, **values: Any) -> dict[str, Any]:
        n = next(streets)
        street, phone = f"Königsallee {n}", f"0211 {n}0000"
        return {**recent, "name": name, "street": street, "phone": phone, **values}

    r.merge(
        checklist(
            "psychotherapie",
            recent,  # complete and recent: confirmed on the telephone below
            other("Praxis Ayşe Kaya"),  # not confirmed by the institution itself
            other("Praxis Zofia Wójcik", initials=""),  # incomplete
            other("Praxis Öztürk", share_migrants=parse_percentage("ca. 90 %")),
            other("Ольга Петренко", date="2024-05-01"),  # stale
        )
    )
    assert len(r.ids()) == 5
    r.confirm("inst-0001", (), "am Telefon", at="2026-11-20T09:00:00Z")
    found = review(r, STAND)
    assert len(found) == 4 and sum("stale" in f.reasons for f in found) == 1
    cover = " ".join(pages(render_register(r, PrintOptions(stand=STAND)))[0].split())
    # each reason counted that 'register stale' gives: the four unconfirmed, one incomplete
    said = "4 Einträge zu aktualisieren (davon 1 veraltet, 1 unvollständig, 4 unbestätigt, 0 noch"
    assert f"5 Einträge · {said} nie geantwortet)" in cover


def test_a_print_of_a_region_without_any_entry_is_its_cover_and_the_list() -> None:
    """A region nobody has answered for yet: the cover and one page naming every checklist,
    no empty contents (reportlab's placeholder text) and no page per checklist."""
    r = Register(SCHEMA)
    r.merge(checklist("krisendienst", {"name": "Krisendienst Łódź", "region": "duesseldorf"}))
    cover, contents = pages(render_register(r, PrintOptions(stand=STAND, region="dormagen")))
    assert "Versorgungsregion: Dormagen" in cover and "0 Einrichtungen · 0 Einträge" in cover
    lines = contents.splitlines()
    assert lines[2] == "Ohne Eintrag in Dormagen"
    assert (
        "1. Kontakt- und Beratungsstelle" in lines[3] and "11. Krisen(interventions)dienst" in lines
    )
    assert lines[-2] == f"{len(SCHEMA.categories)}. Migrantenselbstorganisationen (MSO) und Selbsthilfegruppen"  # fmt: skip
    assert "Placeholder" not in contents


def test_an_arabic_region_and_checklist_are_named_in_order_in_the_list_without_an_entry() -> None:
    """A region and a checklist named in Arabic: „Ohne Eintrag in …“ and the checklist's line
    draw them as the headings do (joined, right to left, in reading order)."""
    regions = (
        Choice("r0", Text({"de": "دوسلدورف", "en": "دوسلدورف"})),
        Choice("r1", Text({"de": "Neuss (نويس)", "en": "Neuss"})),
    )
    r = Register(renamed(SCHEMA.with_regions(regions), "Krisendienst (خدمة الطوارئ)"))
    r.merge(checklist("psychotherapie", {"name": "مركز النور", "region": "r0"}))
    _cover, contents, section, *_back = drawn_lines(render_register(r, PrintOptions(region="r0")))
    assert contents[2].startswith("Checklisten „Sozialpsychiatrie“")
    assert contents[3].startswith("15. PsychotherapeutIn, niedergelassen") and contents[3].endswith(" 2 S.")  # fmt: skip
    assert f"Ohne Eintrag in {right_to_left('دوسلدورف')}" in contents
    assert f"11. Krisendienst ({right_to_left('خدمة الطوارئ')})" in contents
    assert right_to_left("مركز النور") in "\n".join(section)


@pytest.mark.parametrize(
    ("lang", "cover", "mark", "rule"),
    [
        (
            "en",
            "1 institution · 1 entry · 1 entry to update (of them 1 stale, 1 incomplete, 1 "
            "unconfirmed, 0 never answered)",
            "STALE – last confirmed on 2024-05-01 (935 days ago)",
            "Entries count as stale after 365 days.",
        ),
        (
            "de",
            "1 Einrichtung · 1 Eintrag · 1 Eintrag zu aktualisieren (davon 1 veraltet, 1 "
            "unvollständig, 1 unbestätigt, 0 noch nie geantwortet)",
            "VERALTET – zuletzt bestätigt am 01.05.2024 (vor 935 Tagen)",
            "Einträge gelten nach 365 Tagen als veraltet.",
        ),
    ],
)
def test_the_print_calls_a_stale_entry_what_register_stale_and_the_export_call_it(
    lang: str, cover: str, mark: str, rule: str
) -> None:
    """One word for an entry past its checklist's limit: the English print says "stale", as
    ``register stale`` and the export with labels do (it said "out of date"); the cover
    counts one institution and one entry in the singular."""
    reg = Register(SCHEMA)
    old = {"name": "Ольга Петренко", "region": "neuss_meerbusch", "date": "2024-05-01"}
    reg.merge(checklist("psychotherapie", old))
    opts = PrintOptions(stand=STAND, lang=lang, categories=("psychotherapie",))
    text = " ".join("\n".join(pages(render_register(reg, opts))).split())  # lines joined
    assert cover in text and mark in text and rule in text
    assert say("reason_stale", lang) in mark.casefold() and "out of date" not in text.lower()
    assert say("col_stale", lang) == say("reason_stale", lang)


def test_arabic_names_are_joined_and_right_to_left(printed: list[str]) -> None:
    # drawn as joined presentation forms in visual order: what an Arabic reader expects to see;
    # the glyphs' text is the letters they show (pdfplumber reads them left to right)
    assert "مركز الاستشارة"[::-1] in "\n".join(printed)
    assert visual("مركز الاستشارة") != "مركز الاستشارة"
    assert "\ufee3" in visual("مركز")  # MEEM in its initial (joined) form


def _pdfium_text(pdf: bytes) -> str:
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def _poppler_text(pdf: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) not installed")
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return out.stdout.decode()


@pytest.mark.parametrize("read", [_poppler_text, _pdfium_text], ids=["poppler", "pdfium"])
def test_arabic_and_persian_are_found_and_copied_as_written(read: Callable[[bytes], str]) -> None:
    """A viewer's search and copy (poppler: Evince, Okular, pdftotext; PDFium: Chrome) give
    Arabic and Persian in the print as they are written: the letters, not the presentation
    forms or private code points drawn (a search for „مركز“ found nothing), a lam-alef's letters
    in their order."""
    r = Register(SCHEMA)
    r.merge(
        checklist(
            "psychotherapie",
            {
                "name": "مركز الأمل للاستشارات الأسرية",
                "region": "duesseldorf",
                "street": "کوچه یاس ۱۲",
                "concepts": "هاتف ٠٢١١١٢٣٤",
            },
            {"name": "مركز Salam", "region": "dormagen"},
            {"name": "ښځې ټولنه کوردستانێ", "region": "dormagen"},  # the font's own forms
        )
    )
    pdf = render_register(r, PrintOptions(stand=STAND, categories=("psychotherapie",)))
    text = read(pdf).translate(dict.fromkeys(map(ord, "\u202a\u202b\u202c")))  # bidi marks
    assert "مركز الأمل للاستشارات الأسرية" in text
    assert "کوچه یاس" in text and "۱۲" in text  # Persian keheh and yeh, Persian digits
    assert "هاتف" in text and "٠٢١١١٢٣٤" in text
    # the line of „مركز Salam“ begins with its id: both readers take it as a left-to-right line
    # and set its Arabic word after the Latin one, but both words are found
    assert re.search("inst-0002 (مركز Salam|Salam مركز)", text)
    assert "ښځې ټولنه کوردستانێ" in text  # Pashto, Sorani: no presentation forms in Unicode
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff\ue000-\uf8ff]", text)


def test_an_arabic_name_with_a_latin_legal_form_keeps_e_v_whole() -> None:
    # the last full stop of „e.V.“ stood at the far left of the name, „.e.V“
    drawn = unicodedata.normalize("NFKC", visual("جمعية الأمل للثقافة والاندماج e.V."))
    assert drawn.startswith("e.V. ")


NOTE = (  # an Arabic paragraph with German in it, long enough to be broken into lines
    "يقدم مركز النور استشارات نفسية في مدينة دوسلدورف ويعمل مع Dolmetscherinnen und "
    "Dolmetschern aus Düsseldorf, Neuss, Meerbusch, Dormagen, Grevenbroich und dem Rhein-Kreis "
    "في المدينة منذ سنوات"
)


@pytest.fixture(scope="module")
def mixed() -> list[str]:
    """The lines of the printed pages, as they stand on the page, of a register that mixes
    Arabic and Persian with German."""
    r = Register(SCHEMA)
    r.merge(
        checklist(
            "psychotherapie",
            {
                "name": "Beratungsstelle An-Nur (مركز النور)",
                "region": "duesseldorf",
                "street": "شارع النور 12",
                "postcode": "40211",
                "city": "Düsseldorf",
                "concepts": "Beratung auf Arabisch.\nTermine: اتصل بنا على 0211 123456 من الساعة 9 إلى 13",
                "contact_name": "Dr. Fatima Al-Sayed (فاطمة السيد)",
            },
            {"name": "مركز النور – Beratung für Familien", "region": "duesseldorf", "plans": NOTE},
            {"name": "مركز النور (فرع نويس)", "region": "dormagen", "street": "خیابان ولی‌عصر ۱۲"},
            {"name": "مركز النور (An-Nur) – Beratung", "region": "dormagen"},
            {
                "name": "Psychosoziales Zentrum für Geflüchtete Düsseldorf e.V. – "
                "المركز النفسي للمهاجرين في مدينة دوسلدورف ومدينة نويس",
                "region": "dormagen",
            },
            {"name": "Praxis Dr. Al-Hashimi", "region": "dormagen", "contact_name": "عبدالله"},
        )
    )
    opts = PrintOptions(stand=STAND, categories=("psychotherapie",))
    return [line for page in drawn_lines(render_register(r, opts)) for line in page]


def test_names_mixing_arabic_and_german_read_in_order(mixed: list[str]) -> None:
    # German first: the Arabic part right to left inside its parentheses
    assert f"Beratungsstelle An-Nur ({right_to_left('مركز النور')}) inst-0001" in mixed
    # Arabic first: the line is right to left, so the German part (and then the id, after
    # the name) stands on the left
    assert f"inst-0002 Beratung für Familien – {right_to_left('مركز النور')}" in mixed
    # parentheses in Arabic text face the words they enclose (they were drawn ")…(")
    assert f"inst-0003 ({right_to_left('فرع نويس')}) {right_to_left('مركز النور')}" in mixed
    assert f"inst-0004 Beratung – (An-Nur) {right_to_left('مركز النور')}" in mixed
    assert f"Name der Ansprechperson Dr. Fatima Al-Sayed ({right_to_left('فاطمة السيد')})" in mixed


def test_a_latin_name_in_brackets_in_arabic_text_keeps_its_full_stop() -> None:
    # the brackets take the Arabic direction (UAX #9 N0), and so did the full stop between
    # „e.V.“ and its closing bracket: the name was drawn „(.Beratung e.V)“
    r = Register(SCHEMA)
    r.merge(
        checklist("psychotherapie", {"name": "مركز النور (Beratung e.V.)", "region": "dormagen"})
    )
    opts = PrintOptions(stand=STAND, categories=("psychotherapie",))
    lines = [line for page in drawn_lines(render_register(r, opts)) for line in page]
    assert f"inst-0001 (Beratung e.V.) {right_to_left('مركز النور')}" in lines, lines


def test_numbers_in_arabic_text_stay_where_they_are_read(mixed: list[str]) -> None:
    # the house number read after the street (from the right); postcode and town, German, on
    # a line of their own read from the left (on the street's right-to-left line they were
    # drawn „Düsseldorf 40211 ,12 …“)
    at = mixed.index(f"Anschrift 12 {right_to_left('شارع النور')}")
    assert mixed[at + 1] == "40211 Düsseldorf"
    assert f"Anschrift ۱۲ {right_to_left('خیابان ولی‌عصر')}" in mixed
    # an Arabic sentence in a German line is one right-to-left phrase, its numbers in it
    arabic = f"13 {right_to_left('إلى')} 9 {right_to_left('من الساعة')} 123456 0211"
    assert f"Termine: {arabic} {right_to_left('اتصل بنا على')}" in mixed


def test_a_long_arabic_note_stays_right_to_left_on_every_line(mixed: list[str]) -> None:
    # the line that starts with German words goes on an Arabic paragraph: the German words
    # stand at its right, where the reader goes on (they stood at the left, read last)
    (line,) = [line for line in mixed if "Grevenbroich" in line]
    assert line.startswith(right_to_left("في المدينة منذ سنوات") + " ")
    assert line.endswith("Grevenbroich und dem Rhein-Kreis")


def test_a_name_broken_over_two_lines_keeps_its_arabic_words_in_order(mixed: list[str]) -> None:
    # the Arabic part begins at the end of the first line and goes on on the second
    # (the first line held the end of the name, the second its beginning)
    at = next(n for n, line in enumerate(mixed) if line.startswith("Psychosoziales"))
    first, second = mixed[at], mixed[at + 1]
    assert first.startswith("Psychosoziales Zentrum für Geflüchtete Düsseldorf e.V. – ")
    assert first.endswith(right_to_left("المركز النفسي"))
    assert second.startswith(right_to_left("ومدينة نويس")) and second.endswith("inst-0005")


EDGE = 18 * MM + 4  # where the text of an entry's table begins (page margin, cell padding)
VALUE_EDGE = 64 * MM + 4  # where the value column's text begins
RIGHT_EDGE = A4_WIDTH - 18 * MM - 4  # where the text of both ends


def placed_lines(page: pdfplumber.page.Page) -> list[tuple[str, float, float]]:
    """Each text line of ``page`` as it is drawn (Arabic shaped glyphs as the letters they
    show), with its left and right edge."""
    return [
        (unicodedata.normalize("NFKC", line["text"]), line["x0"], line["x1"])
        for line in page.extract_text_lines()
    ]


def test_right_to_left_paragraphs_are_set_against_the_right_edge() -> None:
    """As Word and LibreOffice set a right-to-left paragraph: an Arabic name, address or note
    against the right edge of its box or column; a German paragraph of the same value, and a
    German line with Arabic in it, against the left; a German line below an Arabic name too."""
    r = Register(SCHEMA)
    arabic = {
        "name": "مركز النور",
        "region": "duesseldorf",
        "street": "شارع النور 12",
        "concepts": "Beratung auf Arabisch.\nيقدم المركز استشارات نفسية",
        "plans": NOTE,
        "contact_name": "Dr. Fatima Al-Sayed (فاطمة السيد)",
    }
    (iid,) = r.merge(checklist("psychotherapie", arabic)).created
    for name in ("مركز النور الجديد", "Beratungszentrum An-Nur"):  # the second one is held
        r.merge(institution_form(iid, base=1, name=name))
    (held,) = r.conflicts()
    pdf = render_register(r, PrintOptions(stand=STAND, categories=("psychotherapie",)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        lines = placed_lines(doc.pages[2])
        value = placed_lines(doc.pages[2].crop((VALUE_EDGE - 1, 0, A4_WIDTH, doc.pages[2].height)))

    def edges(lines: list[tuple[str, float, float]], part: str) -> tuple[float, float]:
        return next((x0, x1) for text, x0, x1 in lines if part in text)

    def right(x: tuple[float, float]) -> bool:
        return abs(x[1] - RIGHT_EDGE) < 1

    # the name, its id after it (on its left)
    name = edges(lines, f"{iid} {right_to_left('مركز النور الجديد')}")
    assert right(name) and name[0] > 300
    assert edges(lines, f"({held['id']})")[0] == pytest.approx(EDGE, abs=1)
    assert right(edges(value, right_to_left("شارع النور")))
    note = [edges(value, "Dolmetscherinnen"), edges(value, "Grevenbroich")]
    assert all(right(x) for x in note) and all(x[0] > VALUE_EDGE + 20 for x in note)
    arabic_line = edges(value, right_to_left("يقدم المركز استشارات نفسية"))
    assert right(arabic_line) and arabic_line[0] > VALUE_EDGE + 200
    for german in (
        "Beratung auf Arabisch.",
        f"Dr. Fatima Al-Sayed ({right_to_left('فاطمة السيد')})",
    ):
        x0, x1 = edges(value, german)
        assert x0 == pytest.approx(VALUE_EDGE, abs=1) and x1 < RIGHT_EDGE - 100


def test_a_word_wider_than_its_column_is_broken_not_drawn_off_the_page() -> None:
    """A name and a street that are one long compound, a web address without a space: broken
    where the line is full, every letter inside the margins (they went on off the page)."""
    compound = "LandschaftsverbandspsychiatriekoordinationsstellenverwaltungsgesellschaftNord"
    url = "https://www.beratungsstelle-fuer-gefluechtete-menschen.example.org/angebote/beratung"
    r = Register(SCHEMA)
    block = {"name": compound, "region": "duesseldorf", "street": f"{compound}straße 5"}
    r.merge(checklist("krisendienst", {**block, "website": url}))
    pdf = render_register(r, PrintOptions(stand=STAND, categories=("krisendienst",)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[2]
        assert max(c["x1"] for c in page.chars) <= A4_WIDTH - 18 * MM + 0.5
        value = page.crop((VALUE_EDGE - 1, 0, A4_WIDTH, page.height)).extract_text()
        text = page.extract_text()
    assert url in value.replace("\n", "") and f"{compound}straße 5" in value.replace("\n", "")
    assert f"{compound} inst-0001" in text.replace("\n", "")


def test_header_and_footer_draw_arabic_in_order() -> None:
    """The centre's name in the footer and a region's name in the header read as in the body:
    letters joined, right to left, in the direction of their own text (the centre's Arabic
    name is not the start of the footer's German line)."""
    regions = (Choice("r0", Text({"de": "Düsseldorf (دوسلدورف)", "en": "Düsseldorf"})),)
    r = Register(SCHEMA.with_regions(regions))
    r.merge(checklist("krisendienst", {"name": "Krisendienst Łódź", "region": "r0"}))
    centre = "مركز النور – SPKoM Köln"
    opts = PrintOptions(centre=centre, stand=STAND, categories=("krisendienst",))
    page = drawn_lines(render_register(r, opts))[2]
    assert page[0].endswith(f"Düsseldorf ({right_to_left('دوسلدورف')})")
    assert page[-1].startswith(f"SPKoM Köln – {right_to_left('مركز النور')} · Stand 22.11.2026 ")


def test_a_long_centre_name_is_shortened_before_the_page_number() -> None:
    """The footer of a centre with a long name: the name shortened with „…“, the section and
    the page number readable at the right (the name ran over it and off the page)."""
    centre = (
        "Sozialpsychiatrisches Kompetenzzentrum Migration für Düsseldorf, den Rhein-Kreis "
        "Neuss und die Stadt Dormagen beim Landschaftsverband Rheinland"
    )
    r = Register(SCHEMA)
    r.merge(checklist("krisendienst", {"name": "Krisendienst Łódź", "region": "duesseldorf"}))
    opts = PrintOptions(centre=centre, stand=STAND, categories=("krisendienst",))
    with pdfplumber.open(io.BytesIO(render_register(r, opts))) as doc:
        page = doc.pages[2]
        foot = page.crop((0, page.height - 13 * MM, page.width, page.height))
        text, chars = foot.extract_text(), foot.chars
    assert text.startswith("Sozialpsychiatrisches Kompetenzzentrum")
    assert "… · Stand 22.11.2026 11. Krisen(interventions)dienst · Seite 1/2" in text
    placed = sorted((c["x0"], c["x1"]) for c in chars)
    assert all(x0 >= before - 0.5 for (_, before), (x0, _) in itertools.pairwise(placed))
    assert placed[-1][1] <= A4_WIDTH - 18 * MM + 0.5


def test_arabic_region_and_category_names_read_in_order_in_every_heading() -> None:
    """Regions named in Arabic by the workspace (an MSO network's), and a category named in
    German and Arabic: the cover's region line, the contents, the category's and each region's
    heading draw them as the page header does (they stood unjoined, left to right)."""
    regions = (
        Choice("r0", Text({"de": "دوسلدورف", "en": "دوسلدورف"})),
        Choice("r1", Text({"de": "Neuss (نويس)", "en": "Neuss"})),
    )
    schema = renamed(SCHEMA.with_regions(regions), "Krisendienst (خدمة الطوارئ)")
    r = Register(schema)
    r.merge(checklist("krisendienst", {"name": "Krisendienst Łódź", "region": "r0"}))
    title = f"11. Krisendienst ({right_to_left('خدمة الطوارئ')})"
    opts = PrintOptions(stand=STAND, categories=("krisendienst",))
    cover, contents, section, *_ = drawn_lines(render_register(r, opts))
    assert "Versorgungsregion: alle Regionen" in cover
    assert any(line.startswith(title) for line in contents)
    assert title in section
    assert right_to_left("دوسلدورف") in section
    assert f"Neuss ({right_to_left('نويس')})" in section
    cover = drawn_lines(render_register(r, replace(opts, region="r0")))[0]
    assert f"Versorgungsregion: {right_to_left('دوسلدورف')}" in cover
    # the bookmarks name them as written (UTF-16 text), not as drawn
    titles = [title for _level, title, *_ in outline(render_register(r, opts))]
    assert titles[2:6] == [
        "11. Krisendienst (خدمة الطوارئ)",
        "دوسلدورف",
        "Krisendienst Łódź",
        "Neuss (نويس)",
    ]


def renamed(schema: Schema, label: str) -> Schema:
    """``schema`` with the crisis services' checklist named ``label`` (in German)."""
    crisis = schema.category("krisendienst")
    named = replace(crisis, label=Text({"de": label, "en": "Crisis"}))
    groups = tuple(
        replace(g, categories=tuple(named if c is crisis else c for c in g.categories))
        for g in schema.groups
    )
    return replace(schema, groups=groups)


# long enough to be broken into lines; no lam before alef (drawn as one glyph, ﻻ)
LONG_CATEGORY = (
    "خدمات أخرى للرعاية النفسية في مدينة دوسلدورف ومنطقة راين نويس وضواحيها الشمالية "
    "والجنوبية مع مجموعات المساعدة الذاتية والمبادرات المجتمعية والمنظمات الدينية"
)
LONG_REGION = "منطقة دورماغن والقرى المحيطة بها على ضفاف نهر الراين وغربه حتى مدينة نويس"


def test_long_arabic_category_and_region_names_break_in_reading_order() -> None:
    """A checklist and a region named in Arabic at length: the contents and the cover break
    them over lines as the body does, the name's beginning on the first line (reportlab broke
    the drawn line and put the end first), the contents' page number beside the last line."""
    regions = (Choice("r0", Text({"de": LONG_REGION, "en": LONG_REGION})),)
    r = Register(renamed(SCHEMA.with_regions(regions), LONG_CATEGORY))
    r.merge(checklist("krisendienst", {"name": "Krisendienst Łódź", "region": "r0"}))
    opts = PrintOptions(stand=STAND, region="r0", categories=("krisendienst",))
    cover, contents, *_ = drawn_lines(render_register(r, opts))

    def at(lines: list[str], words: str) -> int:
        (n,) = [n for n, line in enumerate(lines) if right_to_left(words) in line]
        return n

    assert at(contents, "خدمات أخرى") < at(contents, "مجموعات المساعدة") < at(contents, "الدينية")
    assert contents[at(contents, "الدينية")].endswith(" 2 S.")
    assert at(cover, "منطقة دورماغن") < at(cover, "مدينة نويس")


def test_a_heading_is_not_broken_again_by_the_paragraph_that_draws_it() -> None:
    """A checklist's title whose first line is a few points too wide for the page's frame
    (its padding) stood on three lines, a word alone on the second."""
    r = Register(renamed(SCHEMA, "Krisendienst für Geflüchtete in Neuss, Dormagen, Kaarst"))
    r.merge(checklist("krisendienst", {"name": "Krisendienst Łódź", "region": "duesseldorf"}))
    section = drawn_lines(render_register(r, PrintOptions(categories=("krisendienst",))))[2]
    assert "11. Krisendienst für Geflüchtete in Neuss," in section
    assert "Dormagen, Kaarst" in section


def test_languages_typed_into_other_are_shown_once() -> None:
    """'tr' ticked, "Kurmancî-Dialekt, Zazaki" typed: Zazaki becomes a code, the rest stays."""
    f = SCHEMA.category("krisendienst").field("languages_offered")
    listed, other = check_multi(f, ["tr"], "Kurmancî-Dialekt, Zazaki")
    assert listed is not None and other is not None
    r = Register(SCHEMA)
    block = {"name": "Krisendienst Łódź", "region": "duesseldorf"}
    sub = checklist("krisendienst", block)
    (e,) = sub.entries
    e = replace(e, entry={"languages_offered": listed, "languages_offered._other": other})
    r.merge(replace(sub, entries=(e,)))
    text = "\n".join(
        pages(render_register(r, PrintOptions(stand=STAND, categories=("krisendienst",))))
    )
    assert "Türkisch, Zazaisch, Kurmancî-Dialekt" in text
    assert "Zazaki" not in text


def test_an_entry_without_a_valid_region_is_printed_with_what_was_typed_and_why() -> None:
    """A region typed that is none of the list, or one the workspace no longer lists: the entry
    is printed under its own heading with the region as stored, never left out."""
    region = next(f for f in SCHEMA.institution_fields() if f.id == "region")
    r = Register(SCHEMA)
    sub = checklist("krisendienst", {"name": "Krisendienst Köln-Mülheim"})
    (e,) = sub.entries
    typed = replace(e, institution={**e.institution, "region": check_text(region, "Köln")})
    r.merge(replace(sub, entries=(typed,)))
    r.merge(checklist("krisendienst", {"name": "Beratung Кременчук", "region": "wuppertal"}))
    for lang, heading, why in (
        ("de", "Ohne gültige Versorgungsregion", "„Köln“ ist keine der Auswahlmöglichkeiten"),
        ("en", "Without a valid care region", "'Köln' is not one of the choices"),
    ):
        opts = PrintOptions(stand=STAND, lang=lang, categories=("krisendienst",))
        text = " ".join("\n".join(pages(render_register(r, opts))).split())
        assert heading in text and why in text
        assert "Krisendienst Köln-Mülheim" in text and "Beratung Кременчук" in text
        assert "wuppertal" in text


def test_an_invalid_date_typed_as_an_iso_day_is_printed_as_the_language_writes_dates() -> None:
    """A Word date picker stores ISO text; a day in the future is invalid and shown as typed,
    but as the print writes dates (01.02.2027), like a valid one. The stored raw stays."""
    future = problem("future_iso", raw="2027-02-01", today="2026-11-22")
    r = Register(SCHEMA)
    r.merge(
        checklist(
            "krisendienst",
            {"name": "Krisendienst Köln-Mülheim", "region": "duesseldorf"},
            {"name": "Beratung Kalk", "region": "duesseldorf", "date": Bad("2027-02-01", future)},
            {"name": "Beratung Deutz", "region": "duesseldorf", "date": Bad("2025-02-31", "no")},
        )
    )
    for lang, day in (("de", "01.02.2027"), ("en", "2027-02-01")):
        opts = PrintOptions(stand=STAND, lang=lang, categories=("krisendienst",))
        lines = "\n".join(pages(render_register(r, opts))).splitlines()
        assert any(line.endswith(f" {day}") for line in lines), lines
        assert any(line.endswith(" 2025-02-31") for line in lines)  # no calendar day: as typed
    stored = [e["fields"]["date"] for _iid, _cid, e in r.iter_entries() if "date" in e["fields"]]
    assert sorted(sv["raw"] for sv in stored) == ["2025-02-31", "2027-02-01"]


NRW = (
    "Düsseldorf",
    "Kreis Mettmann",
    "Rhein-Kreis Neuss",
    "Mönchengladbach",
    "Krefeld",
    "Kreis Viersen",
    "Wuppertal",
    "Solingen",
    "Remscheid",
    "Essen",
    "Mülheim an der Ruhr",
    "Oberhausen",
)


@pytest.mark.parametrize(
    ("lang", "category", "header"),
    [
        (
            "de",
            "migrantenselbstorganisationen",
            "25. Migrantenselbstorganisationen (MSO) und Selbsthilfegruppen "
            "Düsseldorf und 11 weitere",
        ),
        (  # wider than the page: on two lines
            "de",
            "kontakt_beratungsstelle",
            "1. Kontakt- und Beratungsstelle (ggf. auch, Kontaktzentrum,\n"
            "Psychosoziales oder Sozialpsychiatrisches Zentrum etc. genannt) "
            "Düsseldorf und 11 weitere",
        ),
        ("en", "krisendienst", "11. Crisis (intervention) service Düsseldorf · Kreis Mettmann · "),
    ],
)
def test_a_page_of_many_regions_names_its_category_in_full(
    lang: str, category: str, header: str
) -> None:
    """A workspace with twelve regions: all of them on the category's first page (no entry
    for most). The header names the category in full and says how many regions it leaves out,
    its text inside the margins and the regions beside the category, not over it."""
    regions = tuple(Choice(f"r{n}", Text({"de": name, "en": name})) for n, name in enumerate(NRW))
    r = Register(SCHEMA.with_regions(regions))
    r.merge(checklist(category, {"name": "Verein Łódź", "region": "r0"}))
    pdf = render_register(r, PrintOptions(stand=STAND, lang=lang, categories=(category,)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[2]
        assert all(f"\n{name}\n" in page.extract_text() for name in NRW)
        top = page.crop((0, 0, page.width, 15 * MM))
        text = top.extract_text()
        chars = top.chars
    assert text.startswith(header)
    if lang == "en":  # the English title leaves room for more regions
        assert text.endswith(f" and {len(NRW) - text.count(' · ') - 1} more")
    assert all(18 * MM - 0.5 <= c["x0"] < c["x1"] <= A4_WIDTH - 18 * MM + 0.5 for c in chars)
    title = [c for c in chars if "Bold" in c["fontname"]]
    places = [c for c in chars if "Bold" not in c["fontname"]]
    assert max(c["x1"] for c in title) < min(c["x0"] for c in places)


def test_a_value_with_another_held_for_a_decision_says_so_below_it() -> None:
    """The printed register shows the register's value; where a return's other value waits in
    `register conflicts`, the reader of the print learns that it may change."""
    r = Register(SCHEMA)
    iid = r.merge(checklist("psychotherapie", YILMAZ)).created[0]
    other = "languages_offered._other"  # printed with the ticked languages, in their row
    r.merge(
        institution_form(
            iid,
            base=1,
            name="Praxis Yılmaz",
            phone="+49 211 999999",
            plans="Farsi",
            **{other: "Tamil"},
        )
    )
    r.merge(
        institution_form(
            iid,
            base=1,
            name="Praxis Şule",
            phone="+49 211 555555",
            plans="Türkisch",
            **{other: "Urdu"},
        )
    )
    held = sorted(c["id"] for c in r.conflicts())
    assert len(held) == 4  # the name, the phone, the plans and the other languages
    for lang, words in (
        ("de", "ein anderer Wert wartet auf eine Entscheidung"),
        ("en", "another value awaits a decision"),
    ):
        opts = PrintOptions(stand=STAND, categories=("psychotherapie",), lang=lang)
        text = "\n".join(pages(render_register(r, opts)))
        assert [cid for cid in held if f"{words} ({cid})" in text] == held
    r.resolve(held[0], "mine")
    text = "\n".join(pages(render_register(r, PrintOptions(stand=STAND))))
    assert held[0] not in text and f"({held[1]})" in text


def test_allah_in_a_name_is_printed_letter_by_letter(mixed: list[str]) -> None:
    # it was printed as the ligature ﷲ, which DejaVu Sans does not have: an empty box
    assert f"Name der Ansprechperson {right_to_left('عبدالله')}" in mixed


def test_sorani_and_pashto_names_are_printed_joined() -> None:
    # Unicode has no presentation forms for Sorani ێ ڵ ە or Pashto ښ ځ ټ: they were printed
    # alone, every word in pieces; the print now draws DejaVu Sans's own contextual glyphs
    r = Register(SCHEMA)
    r.merge(
        checklist(
            "psychotherapie",
            {"name": "د افغان ښځو ټولنه", "region": "dormagen", "contact_name": "شێرزاد عەبدوڵڵا"},
        )
    )
    pdf = render_register(r, PrintOptions(stand=STAND, categories=("psychotherapie",)))
    regular = drawn_glyphs(pdf, "DejaVuSans")  # the contact's name
    bold = drawn_glyphs(pdf, "DejaVuSans-Bold")  # the institution's name
    assert _glyphs(False, "uni06CE.medi", "uni06B5.init", "uni06B5.medi", "uni06D5.fina") <= regular
    assert not _glyphs(False, "uni06CE", "uni06B5", "uni06D5") & regular
    assert _glyphs(True, "uni069A.init", "uni0681.medi", "uni067C.init") <= bold
    assert not _glyphs(True, "uni069A", "uni0681", "uni067C") & bold


def _glyphs(bold: bool, *names: str) -> set[tuple[object, ...]]:
    """Glyphs of DejaVu Sans (or its bold) by name, as :func:`drawn_glyphs` gives them."""
    with TTFont(str(font_path(bold=bold))) as font:
        return {glyph_outline(font, name) for name in names}


# --- without personal data: a print for partner organisations or a published guide ---------

CONTACTS = {  # institution → its category's contact person, as the institution typed it
    "bs-ist": (
        "fluechtlingsberatung",
        "Ayşe Güler-Şahin",
        "+49 211 5550101",
        "ayse@danisma.example",
    ),
    "ua-1": ("psychotherapie", "Оксана Коваленко", "+49 211 5550202", "oksana@example.org"),
    "ar-1": ("krisendienst", "ليلى حداد", "+49 2133 5550303", "laila@markaz.example"),
}
OWN = {  # the institution's own street, phone and e-mail
    "bs-ist": ("Kölner Straße 12", "+49 211 4440001", "info@danisma.example"),
    "ua-1": ("Бульвар Шевченка 5", "+49 211 4440002", "kontakt@example.org"),
    "ar-1": ("Mühlenweg 3", "+49 2133 4440003", "markaz@example.org"),
}
SET_NAME = "Олена Шевченко"
"""ua-1's contact name as the centre set it by hand (after a phone call)."""
SET_PHONE = "+49 211 4449999"
"""ua-1's own phone (main line) as the centre set it by hand."""
PRINTED_NAMES = ("Ayşe Güler-Şahin", SET_NAME, right_to_left("ليلى حداد"))
"""The contact persons' names as pdfplumber reads the full print (the Arabic one's letters in
the order they are drawn)."""
HELD_NAME = "Марія Бондаренко"
"""ua-1's contact name in a late return, held for a decision (the centre set another one)."""


@pytest.fixture(scope="module")
def returned(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """Three institutions returned their mailed forms, filled in PDFium (Chrome's engine), each
    with its own address, phone and e-mail and a contact person with name, role, phone,
    e-mail, office hours and languages; ar-1 answered "Fehlanzeige" and dated its answer 2024
    (stale by now). Then the
    centre set ua-1's contact name and its phone by hand, and ua-1's update form came back
    with others: both held for a decision."""
    tmp = tmp_path_factory.mktemp("returned")
    ws = make_workspace(tmp / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp / "d1"))
    for iid, (cat, name, phone, email) in CONTACTS.items():
        street, own_phone, own_email = OWN[iid]
        typed: dict[str, str | bool] = {
            "institution.street": street,
            "institution.postcode": "40211",
            "institution.city": "Düsseldorf",
            "institution.phone": own_phone,
            "institution.email": own_email,
            f"{cat}.contact_name": name,
            f"{cat}.contact_role": "Sozialarbeit",
            f"{cat}.contact_phone": phone,
            f"{cat}.contact_email": email,
            f"{cat}.office_hours": "Di 10–12 Uhr",
            f"{cat}.contact_languages.ru": True,
            f"{cat}.agreements": f"Kennenlernen mit {name}",
            f"{cat}.migrant_experience": "fehlanzeige" if iid == "ar-1" else "ja",
            f"{cat}.date": "01.05.2024" if iid == "ar-1" else "20.11.2026",
            f"{cat}.initials": "AB",
        }
        filled = tmp / f"Rückmeldung {iid}.pdf"
        filled.write_bytes(pdfium_fill(mailed_form(ws, iid).read_bytes(), typed))
        (outcome,) = ingest_into_register([filled], ws).outcomes
        assert outcome.merged, outcome.line()
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp / "d2"), "--round", "r2")  # fmt: skip
    root = str(ws.root)
    run("register", "set", "ua-1", "psychotherapie.contact_name", SET_NAME, "--note", "tel.", "-w", root)  # fmt: skip
    run("register", "set", "ua-1", "institution.phone", SET_PHONE, "--note", "tel.", "-w", root)  # fmt: skip
    late = tmp / "ua-1 Update.pdf"
    update = mailed_form(ws, "ua-1", "r2").read_bytes()
    typed = {"psychotherapie.contact_name": HELD_NAME, "institution.phone": "+49 211 4448888"}
    late.write_bytes(pdfium_fill(update, typed))
    ingest_into_register([late], ws)
    held = {c["path"]: c["id"] for c in load(ws).conflicts()}
    assert set(held) == {"psychotherapie.contact_name", "institution.phone"}
    return ws


def print_cli(ws: Workspace, *args: str) -> tuple[Path, list[str]]:
    """``formgen register print ARGS``: the file it says it wrote, and its pages' text."""
    done = CliRunner().invoke(main, ["register", "print", "-w", str(ws.root), *args])
    assert done.exit_code == 0, done.output
    path = Path(done.output.split(": ")[0])
    assert (
        done.output
        == say(
            "printed_no_personal" if "--no-personal" in args else "printed",
            "de",
            path=str(path),
            kb=path.stat().st_size // 1024,
        )
        + "\n"
    )
    return path, pages(path.read_bytes())


def rows(text: list[str], label: str) -> list[str]:
    """The values of the rows labelled ``label`` (``Telefon``: not ``Telefon (Zentrale)``)."""
    return [
        line.removeprefix(f"{label} ")
        for page in text
        for line in page.splitlines()
        if line.startswith(f"{label} ") and not line.startswith(f"{label} (")
    ]


def test_no_personal_leaves_out_the_contact_persons_and_keeps_the_institutions(
    returned: Workspace,
) -> None:
    """The print for partners names no contact person: their rows are not there at all (no
    label with an empty value); the institutions, their addresses and phones, the regions,
    Fehlanzeige and stale marks are printed as in the full print, which is kept beside it
    under its own name."""
    today = dt.date.today().isoformat()
    full_path, full = print_cli(returned)
    bare_path, bare = print_cli(returned, "--no-personal")
    assert full_path == returned.exports_dir / f"register-{today}.pdf"
    assert bare_path == returned.exports_dir / f"register-{today}-ohne-personen.pdf"
    assert full_path.exists()  # not overwritten: two files

    full_text, bare_text = "\n".join(full), "\n".join(bare)
    phones, emails = [c[2] for c in CONTACTS.values()], [c[3] for c in CONTACTS.values()]
    # the full print: every contact person, by name, phone and e-mail in rows of their own
    assert sorted(rows(full, "Name der Ansprechperson")) == sorted(PRINTED_NAMES)
    assert sorted(rows(full, "Telefon")) == sorted(phones)
    assert set(emails) <= set(rows(full, "E-Mail"))
    # without: none of them, nor their labels; the institutions' own e-mail is the only one
    for value in (*PRINTED_NAMES, *phones, *emails):
        assert value not in bare_text
    assert rows(bare, "Name der Ansprechperson") == [] and rows(bare, "Telefon") == []
    assert set(rows(bare, "E-Mail")) == {o[2] for o in OWN.values()}
    # the contact's role names a person with the institution's name; office hours and languages
    # are not personal data by the schema: printed in both
    assert "Funktion Sozialarbeit" in full_text and "Sozialarbeit" not in bare_text
    # the agreements made with the contact name them
    assert "Kennenlernen mit" in full_text and "Kennenlernen" not in bare_text
    for text in (full_text, bare_text):
        assert "Sprechzeiten Di 10–12 Uhr" in text
        assert "Fremdsprachen der Russisch\nAnsprechperson" in text  # the label on two lines
    # the institutions themselves, in both: name, address, phone (main line)
    for printed in (full, bare):
        text = "\n".join(printed)
        assert "Şule Yılmaz Danışmanlık" in text and "Ольга Петренко – Консультація" in text
        assert "مركز الاستشارة"[::-1] in text  # its letters as drawn, right to left
        for iid, (street, phone, _email) in OWN.items():
            assert f"{street}, 40211 Düsseldorf" in text
            assert f"Telefon (Zentrale) {SET_PHONE if iid == 'ua-1' else phone}" in text
        # ar-1, the crisis service in Dormagen: answered "Fehlanzeige" in 2024
        (crisis,) = [p for p in printed if "Mühlenweg 3" in p]
        assert "VERALTET – zuletzt bestätigt am 01.05.2024" in crisis
        assert ONLY_FEHLANZEIGE in region_text(crisis, "Dormagen", None)
        assert NO_ENTRY in region_text(crisis, "Düsseldorf", "Rhein-Kreis Neuss (Neuss, Meerbusch)")
    # the rest of the pages as they were, less the rows left out
    assert len(bare) == len(full)


def test_a_print_of_a_region_or_checklists_is_named_so_and_never_replaces_another(
    returned: Workspace,
) -> None:
    """A print of one region or of some checklists names them in its file, in ASCII words of
    its language (the checklists in the print's order), and one in another language than the
    workspace's ends in its code, so the full print of the day stays beside it; the same print
    made again replaces only itself."""
    today = dt.date.today().isoformat()
    full_path, full = print_cli(returned)
    region_path, region = print_cli(returned, "--region", "Düsseldorf")
    prints = {
        "dormagen-krisen-interventions-dienst": "--region dormagen --category krisendienst",
        "krisen-interventions-dienst-psychotherapeutin-niedergelassen": (
            "--category psychotherapie --category Krisen(interventions)dienst"
        ),
        "psychotherapist-in-private-practice-no-personal-en": (
            "--category psychotherapie --lang en --no-personal"
        ),
        "en": "--lang en",  # the whole register in English: not the German one of the day
        "dormagen-en": "--region dormagen --lang en",
        "dormagen": "--region dormagen --lang de",  # the workspace's language: named as ever
        "einseitig": "--simplex",  # the same sheets but the blank ones: not the duplex print
        "crisis-intervention-service-no-personal-simplex-en": (
            "--category krisendienst --simplex --no-personal --lang en"
        ),
    }
    made = {print_cli(returned, *args.split())[0].name: scope for scope, args in prints.items()}
    again_path, again = print_cli(returned, "--region", "duesseldorf")

    assert full_path.name == f"register-{today}.pdf"
    assert region_path.name == f"register-{today}-duesseldorf.pdf"
    assert made == {f"register-{today}-{scope}.pdf": scope for scope in prints}
    assert again_path == region_path and again == region
    # read back after all of them: the full print is still the full one
    assert pages(full_path.read_bytes()) == full
    assert "Versorgungsregion: alle Regionen" in full[0] and "Mühlenweg 3" in "\n".join(full)
    assert "Versorgungsregion: Düsseldorf" in region[0] and "Mühlenweg 3" not in "\n".join(region)
    english = pages((returned.exports_dir / f"register-{today}-en.pdf").read_bytes())
    assert "Regional care register" in english[0] and "Care region: all regions" in english[0]
    assert {p.name for p in returned.exports_dir.glob(f"register-{today}*.pdf")} >= {
        full_path.name,
        region_path.name,
        *made,
    }


def test_the_cover_of_a_print_without_personal_data_says_so(returned: Workspace) -> None:
    _, full = print_cli(returned, "--category", "krisendienst")
    _, bare = print_cli(returned, "--category", "krisendienst", "--no-personal")
    path, english = print_cli(returned, "--category", "krisendienst", "--no-personal", "--lang", "en")  # fmt: skip
    assert "Ohne personenbezogene Angaben (Ansprechpersonen)" in bare[0]
    assert (
        "Versorgungsregion: alle Regionen" in bare[0]
        and "Regionales Versorgungsregister" in bare[0]
    )
    assert "Ohne personenbezogene" not in "\n".join(full)
    assert "Without personal data (contact persons)" in english[0]
    today = dt.date.today().isoformat()
    assert path.name == f"register-{today}-crisis-intervention-service-no-personal-en.pdf"
    assert right_to_left("ليلى حداد") not in "\n".join(bare + english)


def test_a_contact_name_held_for_a_decision_is_not_marked_without_personal_data(
    returned: Workspace,
) -> None:
    """The print says where another value waits in 'register conflicts'; for a contact's
    name that is left out, the mark goes with it (and the held name is printed in neither)."""
    held = {c["path"]: c["id"] for c in load(returned).conflicts()}
    name, phone = held["psychotherapie.contact_name"], held["institution.phone"]
    _, full = print_cli(returned, "--category", "psychotherapie")
    _, bare = print_cli(returned, "--category", "psychotherapie", "--no-personal")
    mark = "ein anderer Wert wartet auf eine Entscheidung ({})"
    full_text, bare_text = "\n".join(full), "\n".join(bare)
    assert mark.format(name) in full_text and mark.format(phone) in full_text
    assert mark.format(name) not in bare_text
    assert mark.format(phone) in bare_text  # the institution's own phone: as before
    assert HELD_NAME not in full_text + bare_text


LONG_NOTE = (
    "Beratung auf Türkisch, Arabisch und Russisch nach Terminvereinbarung; Dolmetscherpool für "
    "Farsi, Dari, Tigrinya, Kurmancî und Soranî; offene Sprechstunde mittwochs 10–12 Uhr."
)
LONG = {
    # nearly a page: more than the rest of the checklist's first page under its headings
    "psychotherapie": ("Beratungszentrum Łódź – Şükrü Çağlayan", 8),
    # longer than a page
    "krisendienst": ("Krisendienst „Надежда“ Łódź – Ольга Петренко", 20),
}


@pytest.fixture(scope="module")
def long_entries(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A centre's own list, imported: in two checklists the first institution (by name) has
    a long entry (eighteen languages, long notes), then a short one follows in its region."""
    tmp = tmp_path_factory.mktemp("long")
    ws = make_workspace(tmp / "ws")
    header = ["category", "name", "street", "postcode", "city", "region", "languages_offered"]
    header += ["concepts", "plans", "agreements", "date", "initials"]
    languages = "ar, fa, prs, ps, kmr, ckb, ti, so, ru, uk, pl, ro, bg, sq, sr, tr, en, fr"
    rows = []
    for category, (name, notes) in LONG.items():
        place = ["Königsallee 1", "40212", "Düsseldorf", "duesseldorf"]
        long_notes = ["\n".join([LONG_NOTE] * n) for n in (notes, 3, 3)]
        rows.append([category, name, *place, languages, *long_notes, "20.11.2026", "ŞÇ"])
        short = ["Praxis Ümran Öztürk", "Kölner Straße 5", "40211", "Düsseldorf", "duesseldorf"]
        rows.append([category, *short, "tr", "", "", "", "20.11.2026", "ÜÖ"])
    listed = tmp / "Bestand.csv"
    with listed.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([header, *rows])
    with pytest.MonkeyPatch.context() as dated:  # before the Stand printed
        dated.setattr("ingest.journal.now_iso", lambda: "2026-11-21T09:00:00Z")
        run("register", "import", str(listed), "-w", str(ws.root))
    return ws


@pytest.mark.parametrize(
    ("lang", "continued", "no_entry"),
    [
        ("de", "(Fortsetzung)", NO_ENTRY),
        ("en", "(continued)", "No entry – no service has been recorded for this region yet."),
    ],
)
def test_an_entry_too_long_for_its_checklists_first_page_goes_on_under_its_name(
    long_entries: Workspace, lang: str, continued: str, no_entry: str
) -> None:
    """The first entry of a checklist, too long for the rest of its first page, starts there
    under the checklist's heading (it was moved to the next page, and left the heading alone
    on a page) and goes on on the next pages under its institution's name, „(Fortsetzung)“;
    the short entry after it is not split. Every page shows an entry or says a region has
    none: none holds only headings."""
    _, text = print_cli(long_entries, "--stand", "2026-11-22", "--lang", lang)
    reg = load(long_entries)
    ids = {reg.name_of(iid): iid for iid in reg.institutions}
    index = say("print_index", lang)
    for page in text[2:]:  # after the cover and the contents; not the blank backs, the index
        if page.startswith((say("print_blank", lang), index)):
            continue
        assert any(iid in page for iid in ids.values()) or no_entry in page, page
    for category, (name, _notes) in LONG.items():
        head = f"{name} {ids[name]}"
        first = next(n for n, page in enumerate(text) if f"\n{head}\n" in page)
        last = next(n for n, page in enumerate(text) if "ŞÇ\n" in page and n >= first)
        assert last > first
        # beneath its checklist's heading and explanation
        assert SCHEMA.category(category).description.get(lang)[:30] in text[first]
        assert all(f"\n{head} {continued}\n" in page for page in text[first + 1 : last + 1])
    short = ids["Praxis Ümran Öztürk"]
    assert f"{short} {continued}" not in "\n".join(text)


def test_a_print_of_the_other_region_says_kein_eintrag_where_it_has_none(
    long_entries: Workspace,
) -> None:
    """A print of „Andere Region“ alone: a checklist asked for without an entry there says so
    under its heading (its page held the heading and nothing else), and no list of checklists
    without an entry repeats it. The full print leaves that region out where it has no entry,
    as before."""
    _, text = print_cli(long_entries, "--region", "Andere Region", "--category", "psychotherapie")
    (page,) = text[2:]
    assert f"\nAndere Region\n{NO_ENTRY}\n" in page
    assert "Ohne Eintrag in" not in text[1]
    _, full = print_cli(long_entries, "--category", "psychotherapie")
    assert "Andere Region" not in "\n".join(full)


def test_a_value_going_on_over_a_page_shows_its_label_there(long_entries: Workspace) -> None:
    """A long value split over a page break goes on under its label and „(Fortsetzung)“ (the
    page began with text no label said anything about), as the entry goes on under its name."""
    path, text = print_cli(long_entries, "--stand", "2026-11-22", "--category", "krisendienst")
    iid = next(i for i in load(long_entries).institutions if i in text[2])
    label_x = 18 * 72 / 25.4 + 46 * 72 / 25.4  # the left margin and the label column
    firsts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[3:]:
            words = page.extract_words()
            if not any(w["text"] == iid for w in words):
                break
            head = max(w["bottom"] for w in words if w["text"] == iid)
            body = [w for w in words if w["top"] > head + 2]
            label = [w for w in body if w["x1"] < label_x]
            value = [w for w in body if w["x0"] > label_x]
            assert label[0]["top"] == pytest.approx(value[0]["top"], abs=1.5), page.page_number
            lines = page.crop((0, head + 2, label_x, page.height)).extract_text().splitlines()
            firsts.append(" ".join(lines[:2]))
    # the concepts (twenty notes) go on over the page after the entry's first
    assert firsts[0] == "Konzepte, Angebote (Fortsetzung)"


def red_and_heads(pdf: bytes) -> tuple[str, list[list[str]]]:
    """The text printed in red in the value column (an invalid value and why), its Arabic
    letters as the letters they show, and each page's lines of entry heads (the institutions'
    names, in bold 10.5 pt)."""
    ink = pytest.approx(STALE_INK.rgb(), abs=0.001)
    red, heads = [], []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            value = [c for c in page.chars if c["x0"] > VALUE_EDGE - 1]
            red += [c["text"] for c in value if c["non_stroking_color"] == ink]
            bold = [c for c in page.chars if c["fontname"].endswith("Bold") and c["size"] == 10.5]
            lines = itertools.groupby(
                sorted(bold, key=lambda c: (c["top"], c["x0"])), key=lambda c: round(c["top"])
            )
            heads.append(["".join(c["text"] for c in line) for _top, line in lines])
    return unicodedata.normalize("NFKC", "".join(red)), heads


@pytest.mark.parametrize("letter", ["Z", "ب"])
def test_a_name_of_thousands_of_letters_is_shortened_at_its_head_and_printed_whole_below(
    letter: str,
) -> None:
    """An institution's name of 5,000 letters without a space (a form's field kept it, flagged
    as longer than 200 characters) stopped the whole print: its entry's head was taller than a
    page. The head, repeated on every page the entry goes on on, shows the name's first ten
    lines, the last ending in „…“; the name stands in full among the values, in red, with why;
    the entries after it are printed."""
    name = check_text(SCHEMA.category("krisendienst").field("name"), letter * 5000)
    r = Register(SCHEMA)
    # both answer their checklist: the only red text is the name's (no „CHECKLISTE UNBEANTWORTET“)
    answer = {"region": "duesseldorf", "migrant_experience": "ja"}
    after = {"name": "Krisendienst Łódź", **answer}
    block = {"name": name, **answer}
    r.merge(checklist("krisendienst", block, after))
    pdf = render_register(r, PrintOptions(stand=STAND, categories=("krisendienst",)))
    text = pages(pdf)
    assert 4 < len(text) < 10
    red, heads = red_and_heads(pdf)
    assert red.startswith(letter * 5000 + "ungültig: 5000 Zeichen; zulässig sind höchstens 200")
    shown = [[unicodedata.normalize("NFKC", line) for line in lines] for lines in heads]
    long_heads = [lines for lines in shown if any(letter in line for line in lines)]
    assert len(long_heads) > 1  # the entry goes on over pages, under its shortened name
    for lines in long_heads:
        name_lines = [line for line in lines if letter in line]
        assert len(name_lines) == 10 and "..." in name_lines[-1]  # „…“, as NFKC writes it
    assert "Krisendienst Łódź inst-0002" in "\n".join(text)
    # in the bookmarks as at its head: shortened, „…“
    (head,) = [title for level, title, *_ in outline(pdf) if level == 3 and letter in title]
    assert head.endswith("…") and 0.9 < len(head) / "".join(name_lines).count(letter) < 1.1


@pytest.mark.parametrize(
    "value",
    [
        " ".join(f"Angebot{n}" for n in range(10_000)),  # 100,000 characters
        "\n".join(f"Angebot{n}" for n in range(3_000)),  # 3,000 line breaks
    ],
)
def test_a_value_of_a_hundred_thousand_letters_or_three_thousand_lines_is_printed_whole(
    value: str,
) -> None:
    """A box of concepts holding a hundred thousand characters, or three thousand lines: every
    word printed once, in order, over as many pages as it needs (read with pypdf: pdfplumber
    takes seconds a page)."""
    r = Register(SCHEMA)
    block = {"name": "Krisendienst Łódź", "region": "duesseldorf", "concepts": value}
    r.merge(checklist("krisendienst", block))
    pdf = render_register(r, PrintOptions(categories=("krisendienst",)))
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    numbers = [int(n) for n in re.findall(r"Angebot(\d+)", text)]
    assert numbers == list(range(len(value.split())))


def long_named(schema: Schema) -> Schema:
    """``schema`` as a centre might write its own: the crisis services' checklist, the section of
    its experience and the field of its concepts named at the length of a page, the checklist
    explained at more, and one region named at length."""
    crisis = schema.category("krisendienst")
    sections = []
    for section in crisis.sections:
        fields = tuple(
            replace(f, label=Text({"de": "Konzeptfeld " * 300})) if f.id == "concepts" else f
            for f in section.fields
        )
        label = Text({"de": "Erfahrungsabschnitt " * 300}) if section.id == "erfahrungen" else None
        sections.append(replace(section, fields=fields, label=label or section.label))
    named = replace(
        crisis,
        label=Text({"de": "Krisenkategorie " * 400}),
        description=Text({"de": "Erklärung " * 1000}),
        sections=tuple(sections),
    )
    groups = tuple(
        replace(g, categories=tuple(named if c is crisis else c for c in g.categories))
        for g in schema.groups
    )
    regions = (Choice("r0", Text({"de": "Versorgungsgebiet " * 30})), *schema.regions)
    return replace(schema, groups=groups).with_regions(regions)


def test_names_and_explanations_of_a_centres_own_schema_longer_than_a_page_are_printed() -> None:
    """A checklist, a section, a field and a region named at the length of a page, the checklist
    explained at more: the print stopped (a row of the contents, the explanation's box, a label
    taller than a page) and the page header drew the region's name over the checklist's and
    off the page. The checklist's and the region's headings and the explanation stand in full;
    the contents, the page header and the labels show the names shortened, ending in „…“."""
    r = Register(long_named(SCHEMA))
    block = {"name": "Krisendienst Łódź", "region": "r0", "concepts": "Beratung auf Arabisch"}
    r.merge(checklist("krisendienst", block))
    pdf = render_register(r, PrintOptions(stand=STAND, categories=("krisendienst",)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = [page.extract_text() for page in doc.pages]
        for page, said in zip(doc.pages[2:], text[2:], strict=True):
            if said.startswith(("Diese Seite bleibt frei", "Verzeichnis und Zeichenerklärung")):
                continue  # the section's blank back, the index
            header = page.crop((0, 0, page.width, 15 * MM))
            assert "…" in header.extract_text()
            assert min(c["x0"] for c in header.chars) >= 18 * MM - 0.5
            assert max(c["x1"] for c in header.chars) <= A4_WIDTH - 18 * MM + 0.5
    contents = [line for line in text[1].splitlines() if "Krisenkategorie" in line]
    assert len(contents) == 3 and "Krisenkategorie… . ." in contents[-1]
    body = "\n".join(text[2:])
    assert body.count("Erklärung") == 1000
    assert body.count("Krisenkategorie") >= 400  # the heading in full, the page header short
    assert body.count("Versorgungsgebiet") >= 30
    assert "Erfahrungsabschnitt…" in body and "Konzeptfeld…" in body
    assert "Beratung auf Arabisch" in body


def test_the_index_keeps_a_heading_with_its_first_line_and_a_name_with_its_pages() -> None:
    """The index's two columns split its list where they balance: a language's heading stood
    alone at a column's foot („Polnisch“, its institutions at the top of the next column), and
    a long name began in one column and ended, with its pages, in the other. Every column now
    begins with a heading or a name's first line, and ends with a name's pages."""
    langs = ["ar", "fa", "ru", "uk", "tr", "pl", "ku", "sq", "ro", "bg", "es", "fr", "it", "el"]
    long = "Interkulturelles Sozialpsychiatrisches Kompetenzzentrum für Migration und Gesundheit"
    blocks = [
        {
            "name": f"Beratung {n} {long if n % 3 == 0 else ''}".strip(),
            "region": "duesseldorf",
            "languages_offered": [langs[n % 14], langs[n * 5 % 14]],
        }
        for n in range(60)
    ]
    r = Register(SCHEMA)
    r.merge(checklist("psychotherapie", *blocks))
    pdf = render_register(r, PrintOptions(stand=STAND, categories=("psychotherapie",)))
    columns = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            if not (page.extract_text() or "").startswith("Verzeichnis und Zeichenerklärung"):
                continue
            top = max(
                (w["bottom"] for w in page.extract_words() if w["text"] == "aufgeführt."),
                default=25 * MM,  # the second page: below its header
            )
            for x0, x1 in ((0, page.width / 2), (page.width / 2, page.width)):
                column = page.crop((x0, top + 1, x1, page.height - 20 * MM))
                lines = column.extract_text_lines()
                if lines:
                    columns.append(lines)
    assert len(columns) >= 3  # the list goes on over columns and pages
    for lines in columns:
        first, last = lines[0], lines[-1]
        assert "Bold" in first["chars"][0]["fontname"] or first["text"].startswith("Beratung ")
        assert "Bold" not in last["chars"][0]["fontname"], last["text"]
        assert re.search(r" · \d+/\d+$", last["text"]), last["text"]


def test_an_explanation_of_paragraphs_is_printed_in_its_paragraphs() -> None:
    """The MSO checklist explains itself in two paragraphs, as its form shows them; the print
    ran them together („… www.zft-online.de Informationen über MSOs …“). Its line breaks are
    kept, with a blank line between paragraphs."""
    cat = "migrantenselbstorganisationen"
    r = Register(SCHEMA)
    r.merge(checklist(cat, {"name": "Şefkat Danışmanlık", "region": "duesseldorf"}))
    pdf = render_register(r, PrintOptions(stand=STAND, categories=(cat,)))
    first, second = SCHEMA.category(cat).description.get("de").split("\n\n")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = next(p for p in doc.pages if "www.zft-online.de" in (p.extract_text() or ""))
        lines = page.extract_text_lines()
    texts = [line["text"] for line in lines]
    end = next(n for n, t in enumerate(texts) if t.endswith("www.zft-online.de"))
    assert texts[end + 1].startswith(second.split()[0])  # „Informationen“ starts its line
    # a blank line's height between them, more than between two lines of a paragraph
    gap = lines[end + 1]["top"] - lines[end]["top"]
    assert gap > 1.6 * (lines[end]["top"] - lines[end - 1]["top"])
    assert " ".join(first.split()[-3:]) in " ".join(texts[end - 1 : end + 1])


def test_a_centre_named_at_length_is_named_shortened_on_a_cover_of_one_page() -> None:
    """A centre's name of thousands of characters (the workspace's, as typed) filled the cover
    and three pages more: the cover names it on three lines, the last ending in „…“, and the
    contents follow on the second page."""
    r = Register(SCHEMA)
    r.merge(checklist("krisendienst", {"name": "Krisendienst Łódź", "region": "duesseldorf"}))
    opts = PrintOptions(centre="Zentrum " * 700, stand=STAND, categories=("krisendienst",))
    cover, contents, *_ = pages(render_register(r, opts))
    named = [line for line in cover.splitlines() if "Zentrum" in line]
    assert len(named) == 3 and named[-1].endswith("…")
    assert "Regionales Versorgungsregister" in cover and "Stand: 22.11.2026" in cover
    assert contents.startswith("Inhalt")


def test_a_section_title_of_an_entry_is_never_the_last_line_of_a_page(tmp_path: Path) -> None:
    """„Konkrete Verabredungen“ or „Datum und Handzeichen“ stood alone at the foot of a page,
    what it titles on the next. Entries of every length put the page breaks everywhere; each
    title now goes over the page with the first value under it."""
    ws = make_workspace(tmp_path / "ws")
    header = ["category", "name", "street", "postcode", "city", "region", "concepts"]
    header += ["plans", "agreements", "date", "initials"]
    place = ["Kölner Straße 5", "40211", "Düsseldorf", "duesseldorf"]
    later = ["Gruppe für Geflüchtete ab 2027", "\n".join([LONG_NOTE] * 3), "20.11.2026", "ÖŞ"]
    rows = [  # each longer than a page: it goes on over the page wherever that comes
        [
            "psychotherapie",
            f"Praxis Öztürk {n:02}",
            *place,
            "\n".join([LONG_NOTE] * (16 + n)),
            *later,
        ]
        for n in range(12)
    ]
    listed = tmp_path / "Bestand.csv"
    with listed.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([header, *rows])
    run("register", "import", str(listed), "-w", str(ws.root))
    path, _text = print_cli(ws, "--category", "psychotherapie")
    titles = {s.label.get("de") for s in SCHEMA.category("psychotherapie").sections}
    with pdfplumber.open(path) as pdf:
        lasts = [
            [ln["text"] for ln in page.extract_text_lines() if ln["bottom"] < page.height - 60]
            for page in pdf.pages[2:]
        ]
    assert len(lasts) > 5
    assert [(n, lines[-1]) for n, lines in enumerate(lasts, 3) if lines[-1] in titles] == []
    assert sum(ln in titles for lines in lasts for ln in lines) == 12 * 3


def test_each_entry_is_made_once_measured_once_a_pass_and_drawn_in_the_last_pass_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The layout's first pass only finds the pages (its contents and page counts are empty, so
    another pass always follows, and its drawing is thrown away), yet it drew every entry and
    line of the index, a third of that pass at 3,000 institutions: they are drawn in the pass
    whose PDF is kept only. An entry that fits was measured twice a pass (kept together with
    the next, then placed), and a line of the index broken into lines twice, its columns
    drawing it a millionth of a point narrower than they measured it: once now. An entry's
    rows, made anew in each pass, are made once; and the index, which showed the pages the
    pass before found, shows those of its own pass: the next finds the same lines, not made
    and broken into lines again."""
    langs = ["ar", "fa", "ru", "uk", "tr", "pl", "ku", "sq"]
    blocks = [
        {
            "name": f"Beratung {n} Öztürk-Łęcka",
            "region": "duesseldorf",
            "languages_offered": [langs[n % 8], langs[n * 3 % 8]],
        }
        for n in range(40)
    ]
    r = Register(SCHEMA)
    r.merge(checklist("psychotherapie", *blocks))
    drawn: list[int] = []  # the pass each entry's table (or part of one) is drawn in
    broken: dict[tuple[int, int], int] = {}  # (pass, line of the index) → times broken
    table_draw, line_wrap = ingest.printed._EntryTable.draw, ingest.printed.Paragraph.breakLines

    measured: dict[tuple[int, int], int] = {}  # (pass, entry's table) → times measured
    alive: list[object] = []
    table_calc = ingest.printed.Table._calc

    def calc(table: ingest.printed.Table, aw: float, ah: float) -> None:
        if isinstance(table, ingest.printed._EntryTable):
            key = (passes[-1], id(table))
            measured[key] = measured.get(key, 0) + 1
            alive.append(table)  # its id not taken by another
        table_calc(table, aw, ah)

    def draw(table: ingest.printed._EntryTable) -> None:
        drawn.append(table.canv._doctemplate.passes)
        table_draw(table)

    def break_lines(para: ingest.printed.Paragraph, widths: list[float]) -> object:
        if isinstance(para, ingest.printed._Line):
            key = (passes[-1], id(para))
            broken[key] = broken.get(key, 0) + 1
            alive.append(para)
        return line_wrap(para, widths)

    passes: list[int] = []
    build = ingest.printed._Doc.build

    def counted(doc: ingest.printed._Doc, flowables: list[object], **kw: object) -> None:
        passes.append(doc.passes + 1)
        build(doc, flowables, **kw)

    monkeypatch.setattr(ingest.printed._EntryTable, "draw", draw)
    monkeypatch.setattr(ingest.printed.Paragraph, "breakLines", break_lines)
    monkeypatch.setattr(ingest.printed._Doc, "build", counted)
    monkeypatch.setattr(ingest.printed.Table, "_calc", calc)
    rows_made: list[str] = []
    entry_rows = ingest.printed._entry_rows

    def made(*args: object, **kw: object) -> object:
        rows_made.append(str(args[2]))  # the institution
        return entry_rows(*args, **kw)

    monkeypatch.setattr(ingest.printed, "_entry_rows", made)
    pdf = render_register(r, PrintOptions(stand=STAND, categories=("psychotherapie",)))
    assert len(passes) >= 2 and set(drawn) == {passes[-1]}
    assert len(drawn) >= 40 and set(broken.values()) == {1}
    assert len(measured) == 40 * len(passes) and set(measured.values()) == {1}
    assert sorted(rows_made) == sorted(r.institutions)
    # the index of the first pass has the pages of the entries before it: the next lays out
    # the same lines again, not broken anew
    assert {key[0] for key in broken} == {1}
    text = "\n".join(pages(pdf))
    assert all(f"Beratung {n} Öztürk-Łęcka" in text for n in range(40))
    assert re.search(r"Beratung 7 Öztürk-Łęcka · 15/\d+", text)  # in the index, with its page
