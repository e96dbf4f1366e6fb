"""The printed register: a loose-leaf PDF for the folder on the coordinator's shelf.

Cover (centre, region, "Stand"), table of contents, then one section per category, each
starting on a new page so a section can be replaced on its own: the category's explanation, then
per region every entry with its fields laid out for reading. A heading is never the last thing
on a page, nor a page's only content: an entry that does not fit on the rest of a page starts on
the next (with its region's heading, if it is the region's first), but the first of a section
starts under the section's heading and goes on over the page, as one longer than a page does;
every page an entry goes on on begins with its institution's name and „(Fortsetzung)“. A value
that goes on over a page goes on under its label and „(Fortsetzung)“. Stale
entries carry a visible mark with the date of their last confirmation. A region without any
entry says "Kein Eintrag" (nobody has answered for it yet); a region whose entries all answered
"Fehlanzeige" (the institution's explicit "nothing here") says "Fehlanzeige" above them. Every
page has the
category in full in the header (on two lines where it needs them) beside the regions on the
page, as many as fit and then how many more („… und 9 weitere“), and the "Stand" date and
page number in the footer. The shipped DejaVu
Sans renders any name (Turkish, Polish, Cyrillic, Greek; Arabic, Persian, Sorani, Pashto letters
joined as the form fields join them, and read back, searched and copied as the letters they
are, :class:`_Font`); a right-to-left paragraph (an Arabic name, address or
note) is set against the right edge of its box, as Word and LibreOffice set it, a left-to-right
one against the left. The schema's and the workspace's names (a category, a region an MSO
network named in Arabic) are joined and put in reading order as the values are wherever they
stand (headings, contents, the cover, the page header); headings keep their place at the left.
An invalid value is
printed as typed, in red, and below it why it is invalid, in the language of the print
(:mod:`formgen.messages`); one kept shortened ends in „…“ and goes on over as many pages as it
needs. No text stops the print, however long: a value goes on over as many rows and pages as it
needs; an institution's name longer than ten lines (a valid one never is) is shortened at its
entry's head, ending in „…“, and printed in full among the values; a name or explanation of the
schema or the workspace stands in full in its heading and box, shortened where it stands in a
label, the contents, on the cover or in the page header. Without personal data (``PrintOptions.personal``, for partners or a published guide)
the fields the schema marks ``personal`` are left out, rows and all, as the export leaves them
out, and the cover says so; an institution taken out of the register is listed without the
reason given (:func:`~ingest.register.retired_reason`: it may name people).

A print has only the categories holding entries (in a print of one region,
``PrintOptions.region``, for a regional working group: entries there), or the ones asked for;
the contents name the others together, one line each under „Noch keine Einträge“ („Ohne Eintrag
in Dormagen“), instead of a sheet each saying „Kein Eintrag“: the binder gets a section's sheets
with its first entry (``--changed-since`` prints it then, and the contents anew). A print of a region a later schema version dropped that entries still hold (a region
merged into another, :func:`~ingest.staleness.region_held`) names it as the kept version did,
marked „Dormagen (nicht mehr in der Auswahl)“, on the cover, over its entries and in the page
header, and names no category as without an entry: no checklist has a gap in a region no form
offers.

On screen (at 200 %, or with a screen reader) the PDF opens with its bookmarks: the contents
(the lists under them), each group of checklists, each checklist with its regions, each region
with its institutions (by name, in the order printed: :func:`~formgen.fold.name_order`; two of
the same name told apart as the index tells them apart, :func:`_told_apart`), and the index,
each going to its heading at the reader's zoom; each line of the contents, its page count too,
is a link to its section.
The contents keep giving each section's number of pages, not a page number: every section
numbers its own pages, from 1. A viewer's page box says the page as the footer does
(/PageLabels: „20/3“, the contents „Inhalt/1“, the index „Verzeichnis/1“, the cover „i“), and
each of the index's „20/3“ is a link to that page.

:func:`render_register` is pure: register in, PDF bytes out.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

# fontTools and reportlab ship no type information
from fontTools import ttLib  # type: ignore[import-untyped]

# reportlab's imports and base classes are untyped (Any)
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    ActionFlowable,
    BalancedColumns,
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import IndexingFlowable  # type: ignore[import-untyped]
from reportlab.platypus.flowables import DocIf  # type: ignore[import-untyped]
from reportlab.platypus.tableofcontents import TableOfContents  # type: ignore[import-untyped]

import formgen
from formgen import languages, linebreak
from formgen.bidi_order import drawn_order, paragraph_rtl
from formgen.filenames import slug
from formgen.fold import name_order
from formgen.fonts import font_path
from formgen.linebreak import for_paragraph, pasted
from formgen.messages import date_text, problem_text, say, say_count
from formgen.model import INSTITUTION, Category, Field, FieldType, Scope
from formgen.pdf_font import contextual_glyphs, glyph_text, shape_forms
from ingest.export import display, personal_fields, town_of
from ingest.labels import region_text
from ingest.register import Json, Register, answered, is_erased, local_day, retired_text
from ingest.schemas import SchemaRegistry
from ingest.staleness import (
    CONTRADICTORY,
    DROPPED,
    INVALID,
    MISSING,
    NEVER_ANSWERED,
    STALE,
    UNCONFIRMED,
    holds_dropped,
    is_fehlanzeige,
    last_confirmed,
    region_held,
    region_of,
    review,
)

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#c5ccd3")
STALE_BG = colors.HexColor("#fde8e4")
STALE_INK = colors.HexColor("#a61b1b")
BOX_BG = colors.HexColor("#eef2f6")


@dataclass(frozen=True)
class PrintOptions:
    centre: str = ""
    stand: dt.date | None = None
    categories: tuple[str, ...] = ()
    """Only these categories (default: all, in schema order)."""
    region: str | None = None
    """Only this region (default: all)."""
    lang: str = "de"
    personal: bool = True
    """False: the fields the schema marks ``personal`` (shipped: the contacts' name, phone and
    e-mail, as ``register export --no-personal`` leaves them out) are not printed, and the cover
    says so."""
    since: dt.date | None = None
    """A print of the sections changed since that day (:mod:`ingest.reprint`): named so in
    its file name."""
    duplex: bool = True
    """True: every part begins on the front of a sheet printed on both sides, the page before
    it left blank where it would be the back of the sheet before („Diese Seite bleibt frei“).
    False (single-sided, or read on screen): no blank pages; each part still begins on a page
    of its own and numbers its own pages."""
    drawn: frozenset[str] | None = None
    """Only the entries and index lines of these parts (a section by its number, „15“,
    ``contents``, ``index``) are drawn; the others' are laid out as in the whole print, their
    pages left without them: a print of the changed sheets (:mod:`ingest.reprint`) keeps only
    the parts drawn."""


def file_name(reg: Register, opt: PrintOptions, home: str) -> str:
    """The print's name in ``exports/``: ``register-DATE.pdf`` for the whole register; a print
    of one region or of some categories names them, as ``opt.lang`` names them, in ASCII
    (:func:`formgen.filenames.slug`: ``register-DATE-duesseldorf-psychotherapeutin-niedergelassen.pdf``;
    a region no longer offered by its id, ``register-DATE-dormagen.pdf``), one without
    personal data says so (``-ohne-personen``, ``-no-personal``), one single-sided too
    (``-einseitig``, ``-simplex``), and one in another language
    than the workspace's (``home``) ends in its code (``register-DATE-en.pdf``). So a print never
    replaces another of the same day, only itself made again."""
    schema = reg.schema
    only = region_held(reg, opt.region, opt.lang) if opt.region is not None else None
    wanted = {schema.category_named(c, opt.lang).id for c in opt.categories}
    labels = [schema.region_label(only, opt.lang)] if only else []
    labels += [c.label.get(opt.lang) for c in schema.categories if c.id in wanted]
    scope = f"-{slug(' '.join(labels))}" if labels else ""
    bare = "" if opt.personal else f"-{say('print_file_no_personal', opt.lang)}"
    bare += "" if opt.duplex else f"-{say('print_file_simplex', opt.lang)}"
    if opt.since is not None:
        scope += f"-{say('print_file_changed', opt.lang, since=opt.since.isoformat())}"
    other = "" if opt.lang == home else f"-{opt.lang}"
    return f"register-{(opt.stand or dt.date.today()).isoformat()}{scope}{bare}{other}.pdf"


def _fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_Font(FONT, _font_file(font_path())))
        pdfmetrics.registerFont(_Font(BOLD, _font_file(font_path(bold=True))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


_FORMS_FROM = 0xE000
"""The first of the private code points (unused by DejaVu Sans) that the print's fonts give the
contextual forms Unicode has no presentation form for: reportlab draws characters, not glyphs."""


@functools.cache
def _form_codes() -> dict[tuple[str, str], str]:
    """(letter, ``"initial"``/``"medial"``/``"final"``) → its private code point (as
    :func:`formgen.pdf_font.shape_forms` gives a letter Unicode has no such form for)."""
    forms = sorted((chr(cp), kind) for cp, kinds in contextual_glyphs().items() for kind in kinds)
    return {form: chr(_FORMS_FROM + i) for i, form in enumerate(forms)}


class _Font(TTFont):  # type: ignore[misc]
    """reportlab's TrueType font, its text map (``ToUnicode``) giving each glyph of a shaped
    Arabic line the letters it shows (:func:`_shown`), not the character drawn: a presentation
    form (ﻣ, U+FEE3, for م) or a private code point (:func:`_form_codes`). Text extraction,
    a viewer's search and copying then give an Arabic name as it is written („مركز“ finds it)."""

    def addObjects(self, doc: Any) -> None:
        fonts = [
            self.getSubsetInternalName(n, doc)[1:] for n in range(len(self.state[doc].subsets))
        ]
        super().addObjects(doc)
        for font in fonts:
            text_map = doc.idToObject[doc.idToObject[font].ToUnicode.name]
            text_map.content = _TEXT_MAP_ENTRY.sub(_entry_shown, text_map.content)


_TEXT_MAP_ENTRY = re.compile("^(<[0-9A-F]{2}>) <([0-9A-F]{4})>$", re.MULTILINE)
"""A code and the character it stands for in reportlab's ``ToUnicode`` map."""


def _entry_shown(entry: re.Match[str]) -> str:
    return f"{entry[1]} <{_shown(int(entry[2], 16)).encode('utf-16-be').hex().upper()}>"


def _shown(cp: int) -> str:
    """The letters the print's glyph for character ``cp`` shows, in the order drawn
    (:func:`formgen.pdf_font.glyph_text`)."""
    letter = _form_letters().get(cp)
    return letter if letter is not None else glyph_text(cp)


def extracted(line: str) -> str:
    """What a text extractor that keeps the drawn order (pdfplumber) reads of ``line`` as the
    print draws it (:func:`visual`): each glyph's letters (:func:`_shown`), left to right."""
    return "".join(_shown(ord(ch)) for ch in visual(line))


@functools.cache
def _form_letters() -> dict[int, str]:
    """Private code point (:func:`_form_codes`) → the letter it draws a contextual form of."""
    return {ord(code): letter for (letter, _), code in _form_codes().items()}


def _font_file(path: Path) -> io.BytesIO:
    """The font at ``path`` (DejaVu Sans, regular or bold: the same glyph names) with its
    contextual Arabic forms also at their private code points (:func:`_form_codes`)."""
    glyphs = contextual_glyphs()
    extra = {ord(code): glyphs[ord(letter)][kind] for (letter, kind), code in _form_codes().items()}
    with ttLib.TTFont(str(path)) as font:
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap.update(extra)
        out = io.BytesIO()
        font.save(out)
    out.seek(0)
    return out


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    """A ``Paragraph`` that keeps words joined by a no-break space on one line."""
    return Paragraph(_no_break(text, style.fontName, style.fontSize), style)


def _no_break(text: str, font: str, size: float) -> str:
    """``text`` (markup) as a ``Paragraph`` in ``font`` at ``size`` keeps it together and
    draws it: a narrow no-break space (U+202F, which ``Paragraph`` breaks at) as a no-break
    space (U+00A0, which it does not) set smaller, so that it is as narrow as U+202F."""
    narrow = pdfmetrics.stringWidth("\u202f", font, size)
    wide = pdfmetrics.stringWidth("\u00a0", font, 1)
    return for_paragraph(text, f"<font size='{narrow / wide:.3f}'>\u00a0</font>")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12, textColor=INK)
    name = ParagraphStyle("name", parent=base, fontName=BOLD, fontSize=10.5, leading=13)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "label": ParagraphStyle("label", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=16,
            leading=20,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        "group": ParagraphStyle("group", parent=base, fontSize=8.5, textColor=MUTED, spaceAfter=2),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "name": name,
        "name_rtl": ParagraphStyle("name_rtl", parent=name, alignment=TA_RIGHT),
        "held": ParagraphStyle("held", parent=name, fontSize=7.5, leading=10, spaceBefore=3),
        "desc": ParagraphStyle("desc", parent=base, fontSize=8.5, leading=11.5),
        "stale": ParagraphStyle(
            "stale", parent=base, fontName=BOLD, fontSize=8, leading=10, textColor=STALE_INK
        ),
        "gap": ParagraphStyle("gap", parent=base, fontSize=9.5, textColor=STALE_INK),
        "cover_title": ParagraphStyle(
            "ct",
            parent=base,
            fontName=BOLD,
            fontSize=26,
            leading=32,
            alignment=TA_CENTER,
            textColor=ACCENT,
        ),
        "cover": ParagraphStyle("cv", parent=base, fontSize=13, leading=18, alignment=TA_CENTER),
        "cover_small": ParagraphStyle(
            "cs", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER, textColor=MUTED
        ),
        "toc1": ParagraphStyle("toc1", parent=base, fontSize=9.5, leading=13, leftIndent=6 * mm),
        "toc0": ParagraphStyle(
            "toc0", parent=base, fontName=BOLD, fontSize=10, leading=15, spaceBefore=6
        ),
    }


class _Section(Flowable):  # type: ignore[misc]
    """An invisible marker: the page header shows this section's title from here on."""

    def __init__(self, title: str, toc_level: int | None, toc_text: str) -> None:
        super().__init__()
        self.title = title
        self.toc_level = toc_level
        self.toc_text = toc_text
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        pass


class _Region(_Section):
    """An invisible marker: the page header names this region from here on."""

    def __init__(self, label: str) -> None:
        super().__init__(label, None, "")


class _Part(_Section):
    """An invisible marker: a part of the print begins here (the contents, a category's
    section, the index), numbering its pages from 1; ``title`` names it in the footer,
    ``label`` in a viewer's page box, before the page's number („20/3“, „Inhalt/1“)."""

    def __init__(self, key: str, title: str, label: str) -> None:
        super().__init__(title, None, "")
        self.key = key
        self.label = label


class _At(_Section):
    """An invisible marker: the entry of ``key`` (institution, category) begins here; the
    outline has its institution's name ``title`` here, under the region."""

    def __init__(self, key: tuple[str, str], title: str) -> None:
        super().__init__(title, None, "")
        self.key = key


class _Blank(_Section):
    """An invisible marker: this page is left blank (the back of a part's last sheet)."""

    def __init__(self) -> None:
        super().__init__("", None, "")


class _Mark(_Section):
    """An invisible marker: the outline (a viewer's bookmarks) has an entry ``title`` at
    ``level`` going here (the contents, and the lists under them)."""

    def __init__(self, title: str, level: int, key: str | None = None) -> None:
        super().__init__(title, None, "")
        self.level = level
        self.key = key
        """Where a link of the story goes to it (the contents' line of the index); counted
        by :meth:`_Doc._mark` without one."""


class _Recto(DocIf):  # type: ignore[misc]
    """At the top of a part's first page: where that page is a left-hand one (an even number,
    the back of a sheet in duplex), that page is left blank and the part begins on the next,
    so that every part is sheets of its own, the same when it is printed alone."""

    def __init__(self) -> None:
        super().__init__("", [_Blank(), PageBreak()])

    def funcWrap(self, aw: float, ah: float) -> bool:
        return int(self._doctemplateAttr("page")) % 2 == 0


class _Later(Flowable):  # type: ignore[misc]
    """Flowables made by ``make`` where this stands, when it is laid out: from what the pass
    before found (the index: each entry's page)."""

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._doctemplateAttr("frame").add_generated_content(*self.make())
        return (0, 0)

    def draw(self) -> None:
        pass


class _Made(Flowable):  # type: ignore[misc]
    """Stands in the story for the flowables ``make`` makes (in a ``KeepTogether`` where
    ``together``), made when the layout reaches them (:meth:`_Doc.filterFlowables`), in each
    pass anew, and let go once laid out: an entry's table and what reportlab measured of it
    are not kept for all passes (a print of 10,000 institutions held 650 MB of them)."""

    def __init__(self, make: Callable[[], list[Flowable]], together: bool = False) -> None:
        super().__init__()
        self.make = make
        self.together = together

    def made(self) -> list[Flowable]:
        flowables = self.make()
        return [KeepTogether(flowables)] if self.together else flowables


def _block(
    head: list[Flowable], entry: Callable[[], list[Flowable]] | None = None
) -> Callable[[], list[Flowable]]:
    """What makes a block of a section (:class:`_Made`): ``head`` (a region's heading) and
    the flowables ``entry`` makes (an entry's, :func:`_entry_block`)."""
    return lambda: [*head, *(entry() if entry else [])]


class _Book(IndexingFlowable):  # type: ignore[misc]
    """What a pass of the layout found: each part's number of pages (``pages``, by its key)
    and each entry's page in its part (``at``); the next pass prints them (the footer's
    „Seite 3/6“, the contents) from ``last_pages`` and ``last_at``, and passes are made until
    two agree. The index, laid out after every entry, prints this pass's ``at``."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: dict[str, int] = {}
        self.at: dict[tuple[str, str], int] = {}
        self.last_pages: dict[str, int] = {}
        self.last_at: dict[tuple[str, str], int] = {}

    def beforeBuild(self) -> None:
        self.last_pages, self.last_at = self.pages, self.at
        self.pages, self.at = {}, {}

    def isSatisfied(self) -> bool:
        # never the first pass (nothing before it to agree with): it is a sketch (_Doc.sketch)
        return bool(self.last_pages) and self.pages == self.last_pages and self.at == self.last_at

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        pass


class _Sketched(Flowable):  # type: ignore[misc]
    """A flowable laid out in every pass of the layout but drawn only in those that may be the
    last (:attr:`_Doc.sketch`): an entry's table and a line of the index, most of what a pass
    draws."""

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        doc = getattr(canv, "_doctemplate", None)
        if not isinstance(doc, _Doc) or doc.drawing():
            super().drawOn(canv, x, y, _sW)


class _Canvas(Canvas):  # type: ignore[misc]
    """reportlab's canvas, without the link of no width that its contents lay over the page
    count a line of them does not have (a group's, the index's: their text is the link)."""

    def linkRect(self, contents: str, key: str, Rect: Any = None, *args: Any, **kw: Any) -> Any:
        if Rect is not None and Rect[0] == Rect[2]:
            return None
        return super().linkRect(contents, key, Rect, *args, **kw)


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self,
        buf: io.BytesIO,
        footer: str,
        lang: str,
        toc_styles: list[ParagraphStyle],
        book: _Book,
        entries: int = 0,
        progress: Callable[[int, int], None] | None = None,
        drawn: frozenset[str] | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(buf, pagesize=A4, **kw)
        self.drawn = drawn
        """:attr:`PrintOptions.drawn`."""
        self.entries = entries
        """How many entries each pass lays out (their :class:`_At`)."""
        self.progress = progress
        """Told (entries laid out, in all passes so far; that of three passes, or of more
        where reportlab makes more: the contents, empty in the first, move what follows in the
        second, and a third finds the pages agree)."""
        self.passes = 0
        self.laid_out = 0
        self.sketch = False
        """True in the first pass: it only finds the pages (the contents and the page counts
        it prints are empty, so that another pass always follows, :class:`_Book`) and what
        it draws is thrown away: its entries and index lines are not drawn
        (:class:`_Sketched`; drawing was a third of a pass of 3,000 institutions, cProfile)."""
        self.section = ""
        self.region = ""
        self.footer = footer
        """The footer's left: the centre's name and the Stand."""
        self.lang = lang
        """The print's language: its words, and the PDF's /Lang (reportlab's canvas takes a
        template's ``lang``)."""
        self.toc_styles = toc_styles
        self.book = book
        self.part: _Part | None = None
        self.part_first = 1
        w, h = A4
        frame = Frame(18 * mm, 18 * mm, w - 36 * mm, h - 38 * mm, id="body")
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._cover_page),
                # drawn when the page is complete, so the header names the section on it
                PageTemplate("body", [frame], onPage=self._begin, onPageEnd=self._page),
            ]
        )

    def drawing(self) -> bool:
        """Whether an entry or index line (:class:`_Sketched`) is drawn here: not in the first
        pass (:attr:`sketch`), nor in a part not :attr:`drawn`."""
        if self.sketch:
            return False
        return self.drawn is None or self.part is None or self.part.key in self.drawn

    def handle_documentBegin(self) -> None:
        self.section = ""
        self.region = ""
        self._listed: list[tuple[int, str, str]] = []
        self._marks = 0
        self.canv.showOutline()  # a viewer opens the print with its bookmarks shown
        self.canv.addPageLabel(0, "ROMAN_LOWER")  # the cover: i, before the parts' own numbering
        super().handle_documentBegin()

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        """What a :class:`_Made` at the front of the story stands for, made now that the
        layout reaches it (``None``, which reportlab passes over, where it is nothing)."""
        while flowables and isinstance(flowables[0], _Made):
            flowables[0:1] = flowables[0].made() or [None]

    def build(self, flowables: list[Flowable], **kw: Any) -> None:
        self.passes += 1
        self.sketch = self.passes == 1
        super().build(flowables, **kw)
        self._contents()  # the last part's

    def _contents(self) -> None:
        """Into the contents: the lines of the part that ends here, a checklist's with its
        number of pages, known now (so that a pass finds what the next prints)."""
        pages = self.book.pages.get(self.part.key, 0) if self.part else 0
        for level, text, key in self._listed:
            self.notify("TOCEntry", (level, text, pages if level else 0, key))
        self._listed = []

    def _mark(self, title: str, level: int, key: str | None = None) -> str:
        """An entry ``title`` of the outline at ``level``: going to where the marker just laid
        out stands, at the reader's zoom (one reading at 200 % stays at 200 %); its key (or
        ``key``), for the contents' link to it. The keys are counted anew in each pass of the
        layout, so that a pass's contents link to the same places in the next."""
        self._marks += 1
        key = key or f"mark{self._marks}"
        self.canv.bookmarkPage(key, fit="XYZ", top=self.frame._y)
        # a group and the contents show what is in them, a checklist its regions when opened
        self.canv.addOutlineEntry(linebreak.collapse(title), key, level, closed=level > 0)
        return key

    def _begin(self, canv: Any, doc: Any) -> None:
        self._carried = self.region  # the region continued from the page before, if any
        self._on_page: list[str] = []
        self._fresh = True
        self._blank = False

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, ActionFlowable):
            return  # page and frame actions are not content
        fresh, self._fresh = getattr(self, "_fresh", False), False
        if isinstance(flowable, _Part):
            self._contents()
            self.part, self.part_first = flowable, self.page
            # a viewer's page box says the page as the footer and the index do: „20/3“
            self.canv.addPageLabel(self.page - 1, "ARABIC", 1, f"{flowable.label}/")
            return
        if isinstance(flowable, _At):
            self.book.at[flowable.key] = self.page - self.part_first + 1
            self.laid_out += 1
            if self.progress is not None:
                self.progress(self.laid_out, self.entries * max(3, self.passes))
            self._mark(flowable.title, 3 if self.region else 2)  # under its region, if any
            return
        if isinstance(flowable, _Blank):
            self._blank = True
            return
        if isinstance(flowable, _Mark):
            self._mark(flowable.title, flowable.level, flowable.key)
            return
        if isinstance(flowable, _Region):
            if fresh:
                self._carried = ""  # the page begins with this region
            self._mark(flowable.title, 2)  # under its checklist
            self.region = flowable.title
            self._on_page.append(flowable.title)
            return
        if isinstance(flowable, _Section):
            self.region = self._carried = ""
            self.section = flowable.title
            if flowable.toc_level is not None:
                # broken into lines here, in reading order (the contents' Paragraph would break
                # the drawn order and put the end of a long Arabic name on the first line), with
                # room for the page number after each
                style = self.toc_styles[flowable.toc_level]
                font, size = style.fontName, style.fontSize
                room = BODY_W - style.leftIndent - pdfmetrics.stringWidth(" . 99 S.", font, size)
                toc_text = _lines(flowable.toc_text, font, size, room, _NAME_LINES)
                key = self._mark(flowable.toc_text, flowable.toc_level)
                self._listed.append((flowable.toc_level, _no_break(toc_text, font, size), key))

    def _cover_page(self, canv: Any, doc: Any) -> None:
        pass

    def _page(self, canv: Any, doc: Any) -> None:
        w, h = A4
        canv.saveState()
        self._foot(canv)
        if self._blank:
            canv.setFont(FONT, 10)
            canv.setFillColor(MUTED)
            canv.drawCentredString(w / 2, h / 2, say("print_blank", self.lang))
            canv.restoreState()
            return
        carried, on_page = getattr(self, "_carried", ""), getattr(self, "_on_page", [])
        width, gap = w - 36 * mm, 8 * mm

        def bold(text: str) -> float:
            return float(canv.stringWidth(text, BOLD, _HEAD))

        def plain(text: str) -> float:
            return float(canv.stringWidth(text, FONT, _HEAD))

        # drawn as the body draws a line: Arabic letters joined, in visual order; a region's
        # name on at most half the line (a longer one ran over the category and off the page)
        on = dict.fromkeys(r for r in (carried, *on_page) if r)
        names = [visual(linebreak.shorten(r, plain, width / 2, least=_SHORTEST)) for r in on]
        # the category in full, on a second line where it needs one, beside at least the
        # first region; then as many of the page's regions as fit, and how many more there are
        room = width - (plain(_regions(names, 1, self.lang)) + gap if names else 0)
        lines = [line for line, _rtl in _broken(self.section, BOLD, _HEAD, room, 2)]
        shown = len(names)
        room = width - bold(lines[-1]) - gap
        while shown > 1 and plain(_regions(names, shown, self.lang)) > room:
            shown -= 1
        canv.setFont(BOLD, _HEAD)
        canv.setFillColor(ACCENT)
        for n, line in enumerate(reversed(lines)):
            canv.drawString(18 * mm, h - 13 * mm + n * _HEAD * 1.2, line)
        if names:
            canv.setFont(FONT, _HEAD)
            canv.setFillColor(MUTED)
            canv.drawRightString(w - 18 * mm, h - 13 * mm, _regions(names, shown, self.lang))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(18 * mm, h - 15 * mm, w - 18 * mm, h - 15 * mm)
        canv.restoreState()

    def _foot(self, canv: Any) -> None:
        """The footer: the centre and the Stand at the left; at the right the part (a
        checklist's section by its number and name) and the page in it, of how many
        („2. Betreutes Wohnen · Seite 3/6“)."""
        w = A4[0]
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(18 * mm, 13 * mm, w - 18 * mm, 13 * mm)
        canv.setFont(FONT, _FOOT)
        canv.setFillColor(MUTED)
        page = self.page - self.part_first + 1
        if self.part:
            self.book.pages[self.part.key] = page
            # where the index's „20/3“ goes, at the reader's zoom
            canv.bookmarkPage(_page_key(self.part.key, page), fit="XYZ", top=A4[1])
        of = self.book.last_pages.get(self.part.key, 0) if self.part else 0
        said = f"{say('print_page', self.lang)} {page}" + (f"/{of}" if of else "")

        def small(text: str) -> float:
            return float(pdfmetrics.stringWidth(text, FONT, _FOOT))

        # the part's name where the centre's name (shortened to half the line) leaves room
        room = w - 36 * mm - small(self.footer) - small(f" · {said}") - 6 * mm
        if self.part:
            title = linebreak.shorten(self.part.title, small, room, least=_SHORTEST)
            said = f"{visual(title)} · {said}"
        canv.drawRightString(w - 18 * mm, 9 * mm, said)
        canv.drawString(18 * mm, 9 * mm, self.footer)


_HEAD = 8.5
"""The font size of the page header."""
_NAME_LINES = 3
"""Lines of a name on the cover (the centre's, the region's, the schema's title) and in the
contents (a checklist's); a longer one is shortened there, ending in „…“ (the contents are a
table, whose rows cannot break over a page: a checklist named at the length of a page stopped
the whole print). Its heading names a checklist, a region in full."""

_INDEX_KEY = "index"
"""The index's place in the PDF, for the contents' line of it."""

_FOOT = 7.5
"""The font size of the page footer."""
BODY_W = A4[0] - 36 * mm - 12
"""The width of a paragraph of the body: its frame's, less the frame's padding (reportlab's
6 pt on either side). A line broken for a wider one is broken again by ``Paragraph``."""


def _regions(names: list[str], shown: int, lang: str) -> str:
    """The page header's regions: the first ``shown`` of ``names``, and how many more."""
    text = " · ".join(names[:shown])
    if shown >= len(names):
        return text
    return f"{text} {say('print_more_regions', lang, n=len(names) - shown)}"


_SHORTEST = 10
"""Characters a name, label or line shortened to its room keeps at least, „…“ counted."""


def render_register(
    reg: Register,
    options: PrintOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The register as a loose-leaf PDF (see the module docstring). ``progress`` is told
    (entries laid out, of how many) as the layout goes: each of its passes (three, as a rule)
    lays out every entry."""
    opt = options or PrintOptions()
    _fonts()
    st = _styles()
    lang = opt.lang
    schema = reg.schema
    stand = opt.stand or dt.date.today()
    wanted = {schema.category_named(c, opt.lang).id for c in opt.categories}
    cats = [c for c in schema.categories if not wanted or c.id in wanted]
    only = region_held(reg, opt.region, opt.lang) if opt.region is not None else None
    placed = {r.value for r in schema.regions}
    # each region printed, by its value and its name; one no longer offered marked so
    regions = [(r.value, r.label.get(opt.lang)) for r in schema.regions if only in (None, r.value)]
    if only is not None and only not in placed:
        regions = [(only, region_text(schema, only, opt.lang, reg.kept))]
    covered = (
        region_text(schema, only, opt.lang, reg.kept) if only else say("print_all_regions", lang)
    )

    # values with another one held for a decision: marked where they are printed (not where
    # the register holds the held value by now)
    held = {(c["institution_id"], c["path"]): c["id"] for c in reg.conflicts() if not reg.moot(c)}
    by_cat: dict[str, list[tuple[str, Json]]] = {}
    for iid, cid, entry in reg.iter_entries():
        if only is None or region_of(reg, iid) == only:
            by_cat.setdefault(cid, []).append((iid, entry))
    gaps: list[Category] = []
    asked = cats  # their withdrawn institutions are named, also where none is left
    if not wanted:
        # the checklists holding entries (in the region printed), each on its pages; those
        # without one named together in the contents, not two blank sheets each: the binder
        # gets a section's sheets with its first entry (`--changed-since`); none for a region
        # no form offers any more: no checklist has a gap there
        gaps = [c for c in cats if c.id not in by_cat and (only is None or only in placed)]
        cats = [c for c in cats if c.id in by_cat]

    n_entries = sum(len(by_cat.get(c.id, [])) for c in cats)
    shown = _told_apart(reg, {iid for c in cats for iid, _ in by_cat.get(c.id, [])}, opt.lang)
    rank = _ranks(reg, shown)
    n_inst = len(shown)
    # the entries 'register stale' lists (of those printed), and of them the stale and the
    # never answered: not only these two, which left an incomplete or invalid entry uncounted
    printed = {c.id for c in cats}
    reasons = [
        f.reasons
        for f in review(reg, stand)
        if f.category in printed and (only is None or f.region == only)
    ]
    n_stale = sum(STALE in r for r in reasons)
    n_never = sum(NEVER_ANSWERED in r for r in reasons)
    # the other reasons an entry is listed for, where there are: the cover explains its count
    more = "".join(
        f", {say(f'print_update_{why}', lang, n=n)}"
        for why in (MISSING, INVALID, DROPPED, CONTRADICTORY, UNCONFIRMED)
        if (n := sum(why in r for r in reasons))
    )

    book = _Book()
    story: list[Flowable] = [book]
    recto: list[Flowable] = [_Recto()] if opt.duplex else []
    # cover
    story.append(Spacer(1, 55 * mm))
    if opt.centre:
        story.append(_para(_lines(opt.centre, FONT, 13, BODY_W, _NAME_LINES), st["cover"]))
        story.append(Spacer(1, 6 * mm))
    story.append(_para(say("print_title", lang), st["cover_title"]))
    story.append(Spacer(1, 5 * mm))
    story.append(_heading(schema.title.get(opt.lang), st["cover_small"], _NAME_LINES))
    story.append(Spacer(1, 14 * mm))
    if placed or only is not None:  # a schema without regions: no region to name
        label = f"{say('print_region', lang)}: "
        room = BODY_W - pdfmetrics.stringWidth(label, FONT, 13)
        region_line = f"{escape(label)}<b>{_lines(covered, BOLD, 13, room, _NAME_LINES)}</b>"
        story.append(_para(region_line, st["cover"]))
    story.append(
        _para(f"{say('print_stand', lang)}: <b>{date_text(stand, opt.lang)}</b>", st["cover"])
    )
    if not opt.personal:  # for a partner or a published guide: the reader learns what is left out
        story.append(Spacer(1, 6 * mm))
        story.append(_para(f"<b>{say('print_no_personal', lang)}</b>", st["cover"]))

    def partial(style: ParagraphStyle, key: str = "print_partial_note") -> list[Flowable]:
        """Of a print of some sections: what it is, not to be taken for the binder's own cover,
        contents and index (the cover names its sections, shortened as its other names)."""
        if not wanted:
            return []
        titles = ", ".join(f"{numbers[c.id]}. {c.label.get(opt.lang)}" for c in cats)
        said = say(key, lang, sections=titles)
        said = _lines(said, BOLD, style.fontSize, BODY_W, _NAME_LINES)
        bold = ParagraphStyle(f"{style.name}-bold", parent=style, fontName=BOLD)
        return [_para(said, bold), Spacer(1, 3 * mm)]  # a U+202F as narrow as bold draws it

    numbers = {c.id: n for n, c in enumerate(schema.categories, 1)}
    if wanted:
        story += [Spacer(1, 6 * mm), *partial(st["cover"], "print_partial")]
    story.append(Spacer(1, 14 * mm))
    story.append(
        _para(
            " · ".join(
                (
                    say_count("institutions", lang, n_inst),
                    say_count("entries", lang, n_entries),
                    say_count(
                        "print_update_count",
                        lang,
                        len(reasons),
                        stale=n_stale,
                        never=n_never,
                        more=more,
                    ),
                )
            ),
            st["cover_small"],
        )
    )
    story.append(Spacer(1, 40 * mm))
    story.append(_para(say("print_loose", lang), st["cover_small"]))
    story.append(NextPageTemplate("body"))
    story.append(PageBreak())
    # contents
    contents = say("print_contents", lang)
    story += [_Part("contents", contents, contents), _Section(contents, None, "")]
    story += [_Mark(contents, 0), _para(contents, st["h1"]), *partial(st["base"])]
    toc = TableOfContents()
    toc.levelStyles = [st["toc0"], st["toc1"]]
    toc.dotsMinLevel = 1
    toc.formatter = lambda n: say_count("print_section_pages", lang, n) if n else ""
    if cats:  # an empty one would show reportlab's placeholder text
        story.append(toc)
    index = say("print_index", lang)
    if gaps:  # the checklists without sheets, as the contents above list them, in its ink
        style = st["toc1"]
        room = BODY_W - style.leftIndent
        titles = (f"{numbers[c.id]}. {c.label.get(opt.lang)}" for c in gaps)
        without = (
            say("print_no_entry_in", lang, region=covered)
            if only
            else say("print_no_entry_yet", lang)
        )
        block = [_Mark(without, 1), _heading(without, st["toc0"])]
        block += [_para(_lines(t, FONT, style.fontSize, room), style) for t in titles]
        story.append(KeepTogether(block))
    if n_entries:  # the index last, as in the binder (it stood above the list before)
        story.append(_para(f'<a href="#{_INDEX_KEY}">{escape(index)}</a>', st["toc0"]))
    # then the sheets to take out
    story += _withdrawn(reg, opt, stand, only, asked, numbers, st)

    last_group = None
    for cat in cats:
        group = next(g for g in schema.groups if cat in g.categories)
        title = f"{numbers[cat.id]}. {cat.label.get(opt.lang)}"
        number = str(numbers[cat.id])
        story += [PageBreak(), *recto, _Part(number, title, number)]
        if group.id != last_group:
            story.append(_Section(title, 0, group.label.get(opt.lang)))
            last_group = group.id
        story.append(_Section(title, 1, title))
        lead = [
            _heading(group.label.get(opt.lang), st["group"]),
            _heading(title, st["h1"]),
            *_category_intro(cat, stand, st, lang),
        ]
        # what is kept on one page where it fits: a region's heading with its first entry
        blocks: list[Callable[[], list[Flowable]]] = []
        entries = by_cat.get(cat.id, [])
        for region, name in regions:
            here = sorted(
                ((iid, e) for iid, e in entries if region_of(reg, iid) == region),
                key=lambda p: rank[p[0]],
            )
            if not here and region == "andere" and only is None:
                continue  # "Kein Eintrag" only where the print is of that region alone
            head: list[Flowable] = [_Region(name), _heading(name, st["h2"])]
            if not here:
                blocks.append(_block([*head, _para(say("print_no_entry_region", lang), st["gap"])]))
                continue
            if all(is_fehlanzeige(reg, cat.id, e) for _iid, e in here):
                head += [_para(say("print_only_fehlanzeige", lang), st["gap"]), Spacer(1, 2 * mm)]
            for n, (iid, entry) in enumerate(here):
                made = _entry(reg, cat, iid, entry, stand, opt, st, held, shown[iid])
                # the region heading travels with the first entry: never alone at a page's foot
                blocks.append(_block(head if n == 0 else [], made))
        # no region, an invalid one, or one no longer in the workspace's list, by name; a
        # schema without regions: every entry, by name, under no heading
        unplaced = sorted(
            ((iid, e) for iid, e in entries if region_of(reg, iid) not in placed),
            key=lambda p: rank[p[0]],
        )
        if unplaced and only is None:
            head = [
                _Region(say("print_no_region", lang)),
                _para(escape(say("print_no_region", lang)), st["h2"]),
            ]
            for n, (iid, entry) in enumerate(unplaced):
                made = _entry(
                    reg, cat, iid, entry, stand, opt, st, held, shown[iid], region_row=True
                )
                blocks.append(_block(head if n == 0 and placed else [], made))
        elif not placed:
            blocks.append(_block([_para(say("print_no_entry", lang), st["gap"])]))
        # the category's headings (at the top of its first page) are followed there by its first
        # block, one too long for the rest of the page split, not moved on to leave them alone
        first, *rest = blocks or [_block([])]
        story += [*lead, _Made(first), *(_Made(b, together=True) for b in rest)]
    if n_entries:  # an index and what the marks mean, of what is printed
        # in the page box by its first word („Verzeichnis/2“), not „Verzeichnis und
        # Zeichenerklärung/2“, more than the box shows
        part = _Part("index", index, say("print_index_label", lang))
        story += [PageBreak(), *recto, part, _Section(index, None, ""), _Mark(index, 0, _INDEX_KEY)]
        story += [_heading(index, st["h1"]), *partial(st["base"]), *_legend(st, lang, opt.duplex)]
        places = {(iid, c.id): numbers[c.id] for c in cats for iid, _e in by_cat.get(c.id, [])}
        index_lines: dict[tuple[str, str, str], tuple[str, _Line]] = {}  # for the next pass
        story.append(
            _Later(functools.partial(_index, reg, shown, rank, places, book, st, lang, index_lines))
        )

    buf = io.BytesIO()
    stand_text = f"{say('print_stand', lang)} {date_text(stand, opt.lang)}"
    tail = f" · {stand_text}"

    def small(text: str) -> float:
        return float(pdfmetrics.stringWidth(text, FONT, _FOOT))

    # the centre's name shortened to half the line: the other half names the part and the page
    room = (A4[0] - 36 * mm) / 2 - small(tail)
    centre = linebreak.shorten(opt.centre, small, room, least=_SHORTEST)
    # in its own direction: an Arabic name is not the line's start
    footer = visual(centre) + tail if centre else tail[3:]
    doc = _Doc(
        buf,
        footer,
        lang,
        toc.levelStyles,
        book,
        n_entries,
        progress,
        opt.drawn,
        # a viewer's title bar and a screen reader say the title, not the file's name
        title=f"{say('print_title', lang)} – {stand_text}",
        displayDocTitle=True,
        subject=f"{schema.title.get(lang)} – {say('print_region', lang)}: {covered}",
        author=opt.centre or "formgen",
        creator=f"formgen {formgen.__version__}",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
    )
    doc.multiBuild(story, canvasmaker=_Canvas)
    if progress is not None:  # all of it, also where two passes were enough
        progress(doc.laid_out, doc.laid_out)
    return buf.getvalue()


WITHDRAWN_DAYS = 365
"""How far back the contents list the institutions taken out of the register (``register
retire``, ``register merge``): a binder holder who missed a print or two still learns which
sheets to take out."""


def _withdrawn(
    reg: Register,
    opt: PrintOptions,
    stand: dt.date,
    only: str | None,
    cats: list[Category],
    numbers: dict[str, int],
    st: dict[str, ParagraphStyle],
) -> list[Flowable]:
    """Under the contents: the institutions taken out of the register in the
    :data:`WITHDRAWN_DAYS` before the Stand that had an entry in a section printed (in the
    region printed), by name, each with its sections, when and why, so that their sheets are
    taken out of the binder."""
    since = stand - dt.timedelta(days=WITHDRAWN_DAYS)
    printed = {c.id for c in cats}
    style = st["toc1"]
    lines = []
    for iid in sorted(reg.ids(with_retired=True), key=lambda i: (name_order(reg.name_of(i)), i)):
        retired = reg.retired(iid)
        day = local_day(retired.get("at")) if retired else None
        if not retired or day is None or not since <= day <= stand:
            continue
        if only is not None and region_of(reg, iid) != only:
            continue
        held = sorted(numbers[c] for c in reg.institutions[iid]["entries"] if c in printed)
        if not held:
            continue
        sections = say("print_withdrawn_in", opt.lang, sections=", ".join(map(str, held)))
        when = retired_text(retired, opt.lang, personal=opt.personal)
        said = _named(reg.name_of(iid, opt.lang), f"({iid}) – {sections}: {when}")
        lines.append(_para(said(FONT, style.fontSize, BODY_W - style.leftIndent), style))
    if not lines:
        return []
    head = say("print_withdrawn", opt.lang, date=date_text(since, opt.lang))
    return [_Mark(head, 1), _heading(head, st["h2"]), *lines]


def _legend(st: dict[str, ParagraphStyle], lang: str, duplex: bool) -> list[Flowable]:
    """What the marks and the page numbers of the print mean."""
    style = ParagraphStyle("legend", parent=st["desc"], spaceAfter=3)
    marks = (
        (say("print_stale", lang, date="…", days="…"), "print_legend_stale"),
        (say("print_never", lang), "print_legend_never"),
        (say("print_unanswered", lang), "print_legend_unanswered"),
        (say("print_unconfirmed", lang), "print_legend_unconfirmed"),
    )
    said = [f"<b>{escape(mark)}</b>: {escape(say(key, lang))}" for mark, key in marks]
    pages = "print_legend_pages" if duplex else "print_legend_pages_simplex"
    said += [escape(say("print_legend_dates", lang)), escape(say(pages, lang))]
    return [_para(say("print_legend", lang), st["h2"]), *(_para(t, style) for t in said)]


_COLUMN_W = BODY_W / 2 - 12
"""The width of a column of the index (two on a page)."""


def _index(
    reg: Register,
    shown: dict[str, str],
    rank: dict[str, int],
    places: dict[tuple[str, str], int],
    book: _Book,
    st: dict[str, ParagraphStyle],
    lang: str,
    made: dict[tuple[str, str, str], tuple[str, _Line]],
) -> list[Flowable]:
    """The index: the entries printed (``places``: (institution, category) → the section's
    number) by the languages they offer (German left out: nearly all do) and by the town of
    their address, each institution (as ``shown`` names it, :func:`_told_apart`, in the order
    of its ``rank``) with its sections and the page in each (where this pass of the layout put
    them, before the index: „20/3“), in two columns. A line ``made`` in the pass before (by
    list, heading and institution) that says the same is laid out again as it was: its
    markup not parsed and broken into lines anew (the next pass, as a rule, finds the same
    pages: each section numbers its own)."""
    by_language: dict[str, dict[str, list[tuple[int, int]]]] = {}
    by_place: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for (iid, cid), number in places.items():
        inst = reg.institutions[iid]
        where = (number, book.at.get((iid, cid), 0))
        stored = [(f, inst["institution"]) for f in reg.schema.institution_fields()]
        stored += [(f, inst["entries"][cid]["fields"]) for f in reg.schema.entry_fields(cid)]
        codes = {
            code
            for f, values in stored
            if f.type is FieldType.LANGUAGE_LIST
            for code in (values.get(f.id) or {}).get("v") or []
        }
        for code in codes - {"de"}:
            by_language.setdefault(languages.name(code, lang), {}).setdefault(iid, []).append(where)
        town = town_of(inst["institution"])
        if town:
            by_place.setdefault(town, {}).setdefault(iid, []).append(where)
    head = ParagraphStyle("index_head", parent=st["base"], fontName=BOLD, keepWithNext=1)
    line = ParagraphStyle("index_line", parent=st["small"], textColor=INK, leftIndent=8)
    out: list[Flowable] = []
    for title, index in (
        (say("print_index_languages", lang), by_language),
        (say("print_index_places", lang), by_place),
    ):
        if not index:
            continue
        column: list[Flowable] = []
        for key in sorted(index, key=name_order):
            # a heading with its first line: the columns split a list where they balance, and
            # do not keep a heading with the next line (it stood alone at a column's foot)
            heading = _para(_lines(key, BOLD, head.fontSize, _COLUMN_W), head)
            heading.key = key  # said again where a column goes on with its list (_Columns)
            first = len(column)
            for iid in sorted(index[key], key=rank.__getitem__):
                # after the name (in its own direction), not within its line's reordering
                pairs = sorted(index[key][iid])
                wheres = ", ".join(f"{n}/{page or '?'}" for n, page in pairs)
                room = (
                    _COLUMN_W
                    - line.leftIndent
                    - pdfmetrics.stringWidth(f" · {wheres}", FONT, line.fontSize)
                )
                name = _lines(shown[iid], FONT, line.fontSize, room)
                links = ", ".join(
                    f'<a href="#{_page_key(str(n), page)}">{n}/{page}</a>' if page else f"{n}/?"
                    for n, page in pairs
                )
                text = _no_break(f"{name} · {links}", line.fontName, line.fontSize)
                said, was = made.get((title, key, iid), ("", None))
                if was is None or said != text:
                    was = _Line(text, line)
                    made[title, key, iid] = (text, was)
                column.append(was)
            column[first] = _Together(heading, column[first])
        out += [_para(escape(title), st["h2"]), _Columns(column, say("print_continued", lang))]
    if by_language:
        out.insert(1, _para(escape(say("print_index_how", lang)), st["small"]))
    return out


class _Columns(BalancedColumns):  # type: ignore[misc]
    """The index's two columns, its lists (a heading, :class:`_Together` with its first line,
    then the other lines) one after the other: a column or page that goes on with a list
    begins with its heading again, „Düsseldorf (Fortsetzung)“ (``continued``); its lines stood
    under no heading, beside another list's."""

    def __init__(self, lines: list[Flowable], continued: str) -> None:
        super().__init__(lines, nCols=2)
        self.continued = continued
        under = None
        for flowable in lines:
            if isinstance(flowable, _Together):
                under = flowable.top
            else:
                flowable.under = under

    def _findSplit(self, *args: Any, **kw: Any) -> tuple[float, float, list[Any], list[Any]]:
        width, height, fits, rest = super()._findSplit(*args, **kw)
        top = getattr(rest[0], "under", None) if rest else None
        if top is not None:
            text = _lines(f"{top.key} {self.continued}", BOLD, top.style.fontSize, _COLUMN_W)
            rest = [_Together(_para(text, top.style), rest[0]), *rest[1:]]
        return width, height, fits, rest


class _Together(Flowable):  # type: ignore[misc]
    """Two flowables one below the other that never split: an index's heading with its first
    line. (A ``KeepTogether`` in the columns begins a new page where it does not fit.)"""

    def __init__(self, top: Flowable, below: Flowable) -> None:
        super().__init__()
        self.top, self.below = top, below
        self.gap = max(top.getSpaceAfter(), below.getSpaceBefore())

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._top_h = self.top.wrap(aw, ah)[1]
        self._below_h = self.below.wrap(aw, ah)[1]
        self.width, self.height = aw, self._top_h + self.gap + self._below_h
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []

    def getSpaceBefore(self) -> float:
        return float(self.top.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.below.getSpaceAfter())

    def draw(self) -> None:
        self.top.drawOn(self.canv, 0, self._below_h + self.gap)
        self.below.drawOn(self.canv, 0, 0)


class _Line(_Sketched, Paragraph):  # type: ignore[misc]
    """A line of the index, kept whole (a long name was split across the columns, its pages
    away from its start), broken into lines once for each width it is laid out at: its
    columns (``BalancedColumns``) measure every line of a page three times, at one width,
    before they draw it, and a ``Paragraph`` breaks its text anew each time (five sixths of
    the line breaking of a print of 300 institutions was its index's)."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def split(self, aw: float, ah: float) -> list[Flowable]:
        # never split: a name's lines and its pages stay together, in one column
        return []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        # anew where a split found no room for it and let go of its lines, or at another
        # width: not at the one its column draws it at, a millionth of a point (reportlab's
        # _FUZZ) narrower than the one the columns measured it at (every line was broken twice)
        if (
            self._wrapped is None
            or abs(self._wrapped[0] - aw) > _SAME_WIDTH
            or not hasattr(self, "blPara")
        ):
            self._wrapped = (aw, super().wrap(aw, ah))
        return self._wrapped[1]


_SAME_WIDTH = 0.01
"""Points by which two widths a line is laid out at differ and are still the same to it."""


def _page_key(part: str, page: int) -> str:
    """The destination of ``page`` of the part ``part`` (its key), for the index's links."""
    return f"page-{part}-{page}"


def _age(entry: Json, stand: dt.date) -> int | None:
    seen = last_confirmed(entry)
    return (stand - seen).days if seen else None


def _category_intro(
    cat: Category, stand: dt.date, st: dict[str, ParagraphStyle], lang: str
) -> list[Flowable]:
    """The checklist's explanation in a box, and when its entries count as stale: in rows of
    :data:`_ROW_LINES` lines, so that a page can break between them (a centre's own schema
    explaining a checklist at the length of a page stopped the whole print)."""
    width = A4[0] - 36 * mm
    style = st["desc"]
    # on lines of the box's width, as a Paragraph set it (whitespace as one space), its line
    # breaks kept and a blank line between paragraphs, as the form shows them
    text: list[str] = []
    for part in linebreak.LINE_BREAK.split(cat.description.get(lang)):
        if part := linebreak.collapse(part):
            lines = _broken(part, style.fontName, style.fontSize, width - 16)
            text += [line for line, _rtl in lines if line]
        elif text and text[-1]:
            text.append("")
    while text and not text[-1]:  # no description: no line
        text.pop()
    chunks = [text[n : n + _ROW_LINES] for n in range(0, len(text), _ROW_LINES)]
    note = say("print_stale_after", lang, days=cat.stale_after_days)
    rows = [[_para("<br/>".join(map(escape, chunk)), style)] for chunk in chunks]
    rows.append([_para(f"<font color='#52606d'>{escape(note)}</font>", style)])
    box = Table(rows, colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX_BG),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return [box]


ADDRESS = ("street", "postcode", "city")
"""The institution's fields printed as one row, "Anschrift", under its name."""
LABEL_W = 46 * mm
VALUE_W = A4[0] - 36 * mm - LABEL_W
_PAD = 4


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def visual(line: str, rtl: bool | None = None) -> str:
    """One line as it must be drawn: Arabic letters joined as the form fields join them
    (:func:`formgen.pdf_font.shape_forms`), in visual order for a paragraph whose direction is
    ``rtl`` (by default the line's own)."""
    if not rtl and not _RTL.search(line):
        return line
    shaped = shape_forms(line)
    codes = _form_codes()
    text = "".join(ch for ch, _ in shaped)
    return "".join(codes.get((ch, shaped[k][1]), ch) for k, ch in drawn_order(text, rtl))


@functools.cache
def _broken(
    text: str, font: str, size: float, width: float, most: int | None = None
) -> tuple[tuple[str, bool], ...]:
    """Text broken into lines no wider than ``width`` (for a cell: plain strings draw far faster
    than Paragraphs), each in visual order in the direction of its paragraph (a line of an Arabic
    note that starts with a German word is still read right to left) and with that direction
    (True: right to left; such a line is set against the right edge). With ``most``, no more
    lines than that: the last one shown ends in „…“ where the text goes on (cut in reading
    order: an Arabic name loses its end, not its beginning)."""

    def measure(line: str) -> float:
        return float(pdfmetrics.stringWidth(line, font, size))

    lines = []
    for para in linebreak.LINE_BREAK.split(text):
        rtl = paragraph_rtl(para)
        lines += [(line, rtl) for line in linebreak.wrap(para, measure, width)]
        if most is not None and len(lines) > most:
            *lines, (last, rtl) = lines[:most]
            lines.append((linebreak.shorten(f"{last}…", measure, width, least=_SHORTEST), rtl))
            break
    return tuple((visual(line, rtl), rtl) for line, rtl in lines)


def _wrap(text: str, font: str, size: float, width: float) -> str:
    """The lines of :func:`_broken` for a cell of a table ``width`` wide, as it draws them (all
    from the left): at most :data:`_ROW_LINES`, as a row of a value holds (a label, a section's
    title of a centre's own schema, longer than a page stopped the whole print)."""
    lines = _broken(text, font, size, width - 2 * _PAD, _ROW_LINES)
    return "\n".join(line for line, _rtl in lines)


def _with_id(name: str, iid: str, lang: str) -> str:
    """``name`` with the id in brackets, „Beratung Łódź (inst-0003)“; a name that ends in a
    text erased („Praxis Ольга (gelöscht)“) takes the id into that bracket, „Praxis Ольга
    (gelöscht, inst-0002)“: two brackets side by side were doubled; a name wholly erased, shown
    as the id (:meth:`~ingest.register.Register.name_of`), is the id once."""
    if name == iid:
        return iid
    erased = say("erased", lang)
    if name.endswith(erased) and erased.endswith(")"):
        return f"{name[:-1]}, {iid})"
    return f"{name} ({iid})"


def _named(name: str, rest: str) -> Callable[[str, float, float], str]:
    """A line of the print's language that begins with an institution's ``name``, ``rest``
    after it: as markup for a ``Paragraph`` of a font, size and width, broken into lines as
    :func:`_lines` breaks them, the name's words in the name's own direction and the rest's in
    the print's (left to right), as HTML's ``<bdi>`` sets a name in a sentence. Taken as one
    paragraph, an Arabic name made the whole line right to left: „Rubrik 20: aus dem Register
    genommen am – (inst-0127) مركز… (geschlossen zum 31.10.2025) 01.11.2025“."""
    name, rest = linebreak.collapse(name), linebreak.collapse(rest)
    text = f"{name} {rest}"
    rtl = paragraph_rtl(name)

    def said(font: str, size: float, width: float) -> str:
        def measure(line: str) -> float:
            return float(pdfmetrics.stringWidth(line, font, size))

        shown, at = [], 0
        for line in linebreak.wrap(text, measure, width):
            at = text.index(line, at)
            end, at = len(name) - at, at + len(line)
            # the name's part of the line, then the rest's (each may be empty)
            parts = (visual(line[:end], rtl), visual(line[end:].strip(), False))
            shown.append(escape(" ".join(p for p in parts if p)))
        return "<br/>".join(shown)

    return said


def _heading(text: str, style: ParagraphStyle, most: int | None = None) -> Paragraph:
    """A heading or title of a schema's or workspace's label (a category, a region), drawn as
    the body draws a value: broken into lines by :func:`_lines` (``most`` of them), each in
    visual order."""
    return _para(_lines(text, style.fontName, style.fontSize, BODY_W, most), style)


def _lines(text: str, font: str, size: float, width: float, most: int | None = None) -> str:
    """``text`` as markup for a ``Paragraph`` of ``width``: broken into lines (``most`` of them)
    by :func:`_broken` (a ``Paragraph`` would break the line in visual order, and put the end of
    an Arabic name on the first line)."""
    return "<br/>".join(escape(line) for line, _rtl in _broken(text, font, size, width, most))


class _Entry(NamedTuple):
    """An entry as :func:`_entry_rows` makes it, once for all passes of the layout (it was
    made anew in each), and :func:`_entry_block` lays it out in each: its rows but for the head
    (the institution's name, its paragraphs made by ``head``, from their markup parsed once,
    :func:`_again`), their ``styles``, and its key and title in the outline."""

    key: tuple[str, str]
    title: str
    head: tuple[Callable[[], Paragraph], ...]
    rows: list[list[Any]]
    styles: list[tuple[Any, ...]]
    continued: Callable[[], Paragraph]


_ENTRY_STYLES = (
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("FONT", (0, 0), (0, -1), FONT, 8, 10.5),
    ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
    ("FONT", (1, 0), (1, -1), FONT, 9, 11.5),
    ("TEXTCOLOR", (1, 0), (1, -1), INK),
    ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
    ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
    ("SPAN", (0, 0), (-1, 0)),
    ("TOPPADDING", (0, 0), (-1, 0), 5),
)
"""The styles of every entry's table, before its own (:attr:`_Entry.styles`)."""


def _entry_block(entry: Callable[[], _Entry]) -> list[Flowable]:
    """One entry as a table (:func:`_entry_rows`), the layout's flowables made anew for each
    pass: what reportlab measured of them is not kept for all passes."""
    made = entry()
    rows = [[[make() for make in made.head], ""], *made.rows]
    table = _EntryTable(rows, colWidths=[LABEL_W, VALUE_W], repeatRows=1)
    table.setStyle(TableStyle([*_ENTRY_STYLES, *made.styles]))
    table.continued = made.continued  # made where it splits
    return [_At(made.key, made.title), table, Spacer(1, 4 * mm)]


def _entry(*args: Any, **kw: Any) -> Callable[[], list[Flowable]]:
    """What makes an entry's flowables (:func:`_entry_block`) in each pass of the layout from
    its rows made by :func:`_entry_rows` (``args``, ``kw``) in the first."""
    return functools.partial(
        _entry_block, functools.cache(functools.partial(_entry_rows, *args, **kw))
    )


def _again(para: Paragraph) -> Callable[[], Paragraph]:
    """What makes ``para`` anew without parsing its markup again."""
    return functools.partial(Paragraph, para.text, para.style, frags=para.frags)


def _entry_rows(
    reg: Register,
    cat: Category,
    iid: str,
    entry: Json,
    stand: dt.date,
    opt: PrintOptions,
    st: dict[str, ParagraphStyle],
    held: dict[tuple[str, str], str],
    shown: str,
    region_row: bool = False,
) -> _Entry:
    """One entry as a table (:class:`_Entry`); its region is the heading it stands under, or
    with ``region_row`` (no valid region) a row of its own: what was typed, and why it is not
    valid. A value with another one ``held`` for a decision (by institution and path: the
    conflict's id) says so below it, as an invalid one says why. The outline names it
    ``shown`` (:func:`_told_apart`)."""
    inst = reg.institutions[iid]["institution"]
    width = LABEL_W + VALUE_W
    rows: list[list[Any]] = []
    styles: list[tuple[Any, ...]] = []  # after _ENTRY_STYLES
    name = reg.name_of(iid, opt.lang)
    head = [_name(name, iid, st)]
    # the name (and the region it stands under) are not rows of their own: marked here
    above = [f"{INSTITUTION}.name", *([] if region_row else [f"{INSTITUTION}.region"])]
    if marks := _held(held, iid, opt.lang, *above):
        head.append(_para(escape(marks.lstrip("\n")).replace("\n", "<br/>"), st["held"]))
    rows.append([head, ""])
    age = _age(entry, stand)
    seen = last_confirmed(entry)
    mark = None
    if seen is None:
        mark = say("print_never", opt.lang)
    elif age is not None and age > cat.stale_after_days:
        mark = say("print_stale", opt.lang, date=date_text(seen, opt.lang), days=age)
    elif not answered(cat, entry["fields"]):  # confirmed: a form sent back as it was
        mark = say("print_unanswered", opt.lang)
    if mark:
        rows.append([_wrap("⚠ " + mark, BOLD, 8, width), ""])
        n = len(rows) - 1
        styles += [
            ("SPAN", (0, n), (-1, n)),
            ("BACKGROUND", (0, n), (-1, n), STALE_BG),
            ("FONT", (0, n), (-1, n), BOLD, 8, 10),
            ("TEXTCOLOR", (0, n), (-1, n), STALE_INK),
        ]

    # how current it is, under its name: confirmed when, else as of the day its values were
    # entered; and whether all of them came from the institution
    when = [say("print_confirmed", opt.lang, date=date_text(seen, opt.lang))] if seen else []
    if seen is None and (entered := _entered(reg, inst, entry)):
        when.append(f"{say('print_stand', opt.lang)} {date_text(entered, opt.lang)}")
    if not entry.get("by_institution"):
        when.append(say("print_unconfirmed", opt.lang))
    for op, other, at in reg.splits(iid):  # register split: which service split off which
        said = "print_split_from" if op == "split-from" else "print_split_off"
        day = local_day(at)
        date = date_text(day, opt.lang) if day else at
        other_name = linebreak.collapse(reg.name_of(other, opt.lang))  # a reader needs the name
        when.append(say(said, opt.lang, name=_with_id(other_name, other, opt.lang), date=date))
    if when:
        rows.append([_wrap(" · ".join(when), FONT, 7.5, width), ""])
        n = len(rows) - 1
        styles += [
            ("SPAN", (0, n), (-1, n)),
            ("FONT", (0, n), (-1, n), FONT, 7.5, 9.5),
            ("TEXTCOLOR", (0, n), (-1, n), MUTED),
        ]

    part = _address(inst)
    address = _joined((part["street"], _town(part)))
    if address:  # an invalid part (a postcode of four digits): in red, with why below
        why = [problem_text(inst[key], opt.lang) for key in ADDRESS if part[key]]
        address += "".join(_why(w, opt.lang) for w in why if w)
        address += _held(held, iid, opt.lang, *(f"{INSTITUTION}.{key}" for key in ADDRESS))
        first = len(rows)
        _value_rows(rows, styles, say("print_address", opt.lang), address, opt.lang)
        if any(why):
            styles.append(("TEXTCOLOR", (1, first), (1, len(rows) - 1), STALE_INK))
    # a name the head shows shortened: in full among the values (in red, with why: a valid
    # one fits the head)
    skip = {*ADDRESS} | (set() if len(_name_lines(name)) > _ROW_LINES else {"name"})
    skip |= set() if region_row else {"region"}
    skip |= set() if opt.personal else personal_fields(reg.schema)
    for number, section in enumerate(cat.sections):
        titled = number == 0  # the first section (the institution) needs no title under its name
        for f in section.fields:
            if f.id in skip:
                continue
            stored = inst if f.scope is Scope.INSTITUTION else entry["fields"]
            text, invalid = _field_text(f, stored, opt.lang, reg.kept)
            scope = INSTITUTION if f.scope is Scope.INSTITUTION else cat.id
            if text:  # the value and the text of its "other" box
                text += _held(held, iid, opt.lang, f"{scope}.{f.id}", f"{scope}.{f.id}._other")
            if text and not titled:
                titled = True
                rows.append([_wrap(section.label.get(opt.lang), BOLD, 7.5, width), ""])
                n = len(rows) - 1
                styles += [
                    ("SPAN", (0, n), (-1, n)),
                    ("FONT", (0, n), (-1, n), BOLD, 7.5, 9.5),
                    ("TEXTCOLOR", (0, n), (-1, n), ACCENT),
                    ("TOPPADDING", (0, n), (-1, n), 4),
                    ("LINEBELOW", (0, n), (-1, n), 0.3, RULE),
                    ("NOSPLIT", (0, n), (-1, n + 1)),  # never alone at a page's foot
                ]
            if text:
                first = len(rows)
                _value_rows(rows, styles, f.label.get(opt.lang), text, opt.lang)
                if invalid:
                    styles.append(("TEXTCOLOR", (1, first), (1, len(rows) - 1), STALE_INK))
    tag = f"{iid} {say('print_continued', opt.lang)}"
    # in the outline (a viewer's bookmarks) as at its head: a name longer than its ten lines
    # shortened, „…“
    room = (LABEL_W + VALUE_W - 2 * _PAD) * _ROW_LINES
    title = linebreak.shorten(linebreak.collapse(shown), _bold_width, room, least=_SHORTEST)
    (first, _), *rest = rows
    return _Entry(
        (iid, cat.id),
        title,
        tuple(map(_again, first)),
        rest,
        styles,
        functools.partial(_name, name, tag, st),
    )


def _address(inst: Json) -> dict[str, str]:
    """The parts of an institution's address (:data:`ADDRESS`) as its entry prints them."""
    return {key: pasted(display(None, inst.get(key), labels=True)) for key in ADDRESS}


def _town(part: dict[str, str]) -> str:
    """The postcode and the town of an address (:func:`_address`): „41460 Neuss“."""
    return " ".join(x for x in (part["postcode"], part["city"]) if x)


def _told_apart(reg: Register, iids: Iterable[str], lang: str) -> dict[str, str]:
    """The institutions ``iids`` as the outline and the index name them: by name, and where
    another of them has the same name (but for case, accents and punctuation), with the
    postcode and town of its address as its entry prints them („Caritas Beratung (41460
    Neuss)“), or, where these do not tell them apart, with its id as its entry's head shows it
    („Caritas Beratung (inst-0007)“): a bookmark or index line goes to the one it names."""
    alike: dict[tuple[tuple[str, int], ...], list[str]] = {}
    for iid in iids:
        alike.setdefault(tuple(name_order(reg.name_of(iid))[0]), []).append(iid)
    shown = {}
    for same in alike.values():
        towns = {iid: _town(_address(reg.institutions[iid]["institution"])) for iid in same}
        apart = len(same) > 1 and all(towns.values()) and len(set(towns.values())) == len(same)
        for iid in same:
            tag = towns[iid] if apart else iid
            shown[iid] = reg.name_of(iid, lang) + (f" ({tag})" if len(same) > 1 else "")
    return shown


def _ranks(reg: Register, shown: dict[str, str]) -> dict[str, int]:
    """Where each institution of ``shown`` stands among them ordered by name
    (:func:`name_order`): those of the same name by how ``shown`` tells them apart
    (:func:`_told_apart`), then by id. Ordered once: the index sorts them in every pass."""
    ordered = sorted(shown, key=lambda i: (name_order(reg.name_of(i)), name_order(shown[i]), i))
    return {iid: n for n, iid in enumerate(ordered)}


def _bold_width(text: str) -> float:
    """The width of ``text`` in an entry's head (its institution's name)."""
    return float(pdfmetrics.stringWidth(text, BOLD, 10.5))


def _entered(reg: Register, inst: Json, entry: Json) -> dt.date | None:
    """The last day a value of ``entry`` or of its institution ``inst`` was entered (read in,
    imported or set by hand)."""
    stored = [*entry["fields"].values(), *inst.values()]
    days = [local_day(reg.source(sv.get("src")).get("ingested_at")) for sv in stored]
    return max((day for day in days if day), default=None)


def _name(name: str, tag: str, st: dict[str, ParagraphStyle]) -> Paragraph:
    """The head of an entry: the institution's ``name``, and ``tag`` (its id) small after it on
    its last line where it fits there (else on a line of its own): at the right, or in a
    right-to-left name, set against the right edge, at the left. A name longer than
    :data:`_ROW_LINES` lines (far longer than a valid one) is shortened, ending in „…“: the
    head is repeated on every page the entry goes on on; :func:`_entry_block` then prints it in
    full below, as a value."""
    width = LABEL_W + VALUE_W - 2 * _PAD
    lines = _name_lines(name, _ROW_LINES)
    last, rtl = lines[-1]
    shown = [escape(line) for line, _rtl in lines]
    small = f"<font size='7' color='#52606d'>{escape(tag)}</font>"
    room = pdfmetrics.stringWidth(f"{last} ", BOLD, 10.5) + pdfmetrics.stringWidth(tag, BOLD, 7)
    if room > width:
        shown.append(small)
    else:
        shown[-1] = f"{small} {shown[-1]}" if rtl else f"{shown[-1]} {small}"
    return _para("<br/>".join(shown), st["name_rtl" if rtl else "name"])


def _name_lines(name: str, most: int | None = None) -> tuple[tuple[str, bool], ...]:
    """The lines of an institution's name at the head of its entry (:func:`_broken`)."""
    return _broken(name, BOLD, 10.5, LABEL_W + VALUE_W - 2 * _PAD, most)


class _EntryTable(_Sketched, Table):  # type: ignore[misc]
    """An entry's table. Split across pages (it is longer than the rest of the page under its
    category's headings, or than a page), every part after the first begins with what
    ``continued`` makes: the institution's name again, "(Fortsetzung)" after its id."""

    continued: Callable[[], Paragraph]
    _wrapped_at: float | None = None

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        # measured once where it fits: a KeepTogether measures it (with room to spare) and the
        # frame measures it again to place it; a part measured with too little room
        # (reportlab stops at the row that no longer fits) is measured anew
        if self._wrapped_at != aw or self._hmax < len(self._cellvalues):
            super().wrap(aw, ah)
            self._wrapped_at = aw
        return self._width, self._height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(aw, ah)
        for part in parts[1:]:
            # reportlab repeats the name row (repeatRows) at the name's height; this one says
            # more, and is measured anew
            part._cellvalues[0] = [self.continued(), ""]
            part._argH[0] = None
            part.continued = self.continued
            label, value = part._cellvalues[1]
            if isinstance(label, _GoesOn):  # a value going on: its label, "(Fortsetzung)"
                part._cellvalues[1] = [label.label, value]
        return parts


class _GoesOn(str):
    """The empty label cell of a row in which a value goes on (:func:`_value_rows`); ``label``
    is shown there instead where the row begins a page."""

    label: str


_ROW_LINES = 10
"""Lines of a value in one row of an entry's table; a longer value goes on in rows below, so
that a page can break between them (reportlab never breaks inside a row: a value longer than
a page, like one kept shortened at 10,000 characters, stopped the whole print)."""


def _value_rows(
    rows: list[list[Any]], styles: list[tuple[Any, ...]], label: str, text: str, lang: str
) -> None:
    """Append the row of ``label`` and the value ``text`` (both wrapped to their column) to
    ``rows``: one row per :data:`_ROW_LINES` lines of one direction, set without a gap between
    them; the lines of a right-to-left paragraph against the column's right edge. A row that
    goes on with the value on the next page shows the label there, „(Fortsetzung)“ after it."""
    first = len(rows)
    goes_on = _GoesOn()
    goes_on.label = _wrap(f"{label} {say('print_continued', lang)}", FONT, 8, LABEL_W)
    label = _wrap(label, FONT, 8, LABEL_W)
    broken = _broken(text, FONT, 9, VALUE_W - 2 * _PAD)
    for rtl, run in itertools.groupby(broken, key=lambda line: line[1]):
        lines = [line for line, _rtl in run]
        for start in range(0, len(lines), _ROW_LINES):
            if rtl:
                styles.append(("ALIGN", (1, len(rows)), (1, len(rows)), "RIGHT"))
            rows.append(
                [
                    goes_on if len(rows) > first else label,
                    "\n".join(lines[start : start + _ROW_LINES]),
                ]
            )
    if len(rows) - first > 1:
        styles += [
            ("BOTTOMPADDING", (0, first), (-1, len(rows) - 2), 0),
            ("TOPPADDING", (0, first + 1), (-1, len(rows) - 1), 0),
        ]


def _field_text(f: Field, stored: Json, lang: str, kept: SchemaRegistry | None) -> tuple[str, bool]:
    """The value as people read it, and whether it is invalid (printed as typed, in red, with
    why on the line below, in the language of the print); a choice the schema dropped by its
    name in the versions ``kept``, in red too, that it is to be asked again below it."""
    # the value (a date as the language writes dates), then what of the typed text is not
    # among the codes already shown
    values = ((f, stored.get(f.id)), (None, stored.get(f"{f.id}._other")))
    parts = []
    invalid = False
    for field, sv in values:
        if sv is None:
            continue
        if is_erased(sv):  # register erase: in a print of a day before it (--stand)
            parts.append(say("erased", lang))
            continue
        # as read today: a soft hyphen stored before was drawn as „Königs-allee“
        shown = pasted(display(field, sv, labels=True, lang=lang, kept=kept))
        if sv.get("problem"):
            invalid = True
            shown += _why(problem_text(sv, lang), lang)
        elif holds_dropped(field, sv):  # as `register stale` and the export say it
            invalid = True
            shown += f"\n{say('reg_reason_dropped', lang)}"
        parts.append(shown)
    return _joined(parts), invalid


def _joined(parts: Iterable[str]) -> str:
    """Parts of one value (street and town; chosen languages and the other text) on one line,
    separated by commas — or each on its own line when they run in different directions: an
    Arabic street and „40227 Düsseldorf“ on one right-to-left line would draw as „Düsseldorf
    40227 ,12 شارع كولن“."""
    parts = [p for p in parts if p]
    one_way = len({paragraph_rtl(p) for p in parts}) <= 1
    return (", " if one_way else "\n").join(parts)


def _why(reason: str, lang: str) -> str:
    """Why a value is invalid, on the line below it."""
    return f"\n{say('reason_invalid', lang)}: {reason}"


def _held(held: dict[tuple[str, str], str], iid: str, lang: str, *paths: str) -> str:
    """That another value of one of ``paths`` of ``iid`` waits in ``register conflicts``, each
    on a line of its own below the value."""
    cids = [cid for path in paths if (cid := held.get((iid, path)))]
    return "".join("\n⚠ " + say("print_held", lang, cid=cid) for cid in cids)
