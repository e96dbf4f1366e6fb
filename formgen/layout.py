"""Field geometry of a form, computed once from the schema: pages, and where every box sits.

The PDF writer (:mod:`formgen.pdf_form`) draws the page and places the form fields from this
layout; the reader of flattened or printed copies recomputes the same layout from the form's
identity (schema id and version, kind, categories, language) and finds typed values by position.
So the layout depends on exactly those four things and never on prefilled values, the
institution's name, the "Stand" date or the form reference — those are drawn into fixed slots.

Coordinates are PDF points on A4 with the origin at the bottom left; a :class:`Rect` is
``(x0, y0, x1, y1)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from formgen import linebreak
from formgen.bidi_order import paragraph_rtl
from formgen.identity import FormIdentity
from formgen.model import (
    OTHER,
    Category,
    Field,
    FieldPath,
    FieldType,
    Schema,
    Scope,
    Section,
    checklist_path,
    confirmed_on,
    institution_path,
    option_label,
    option_values,
)
from formgen.pdf_font import field_font

MM = 72 / 25.4
PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM
MARGIN_X = 18 * MM
MARGIN_TOP = 16 * MM
MARGIN_BOTTOM = 15 * MM
FOOTER_HEIGHT = 24.0
"""The footer band above the bottom margin: reference, page X/Y, Stand, institution."""
RUNNING_HEAD = 14.0
CONTENT_LEFT = MARGIN_X
CONTENT_RIGHT = PAGE_WIDTH - MARGIN_X
CONTENT_WIDTH = CONTENT_RIGHT - CONTENT_LEFT
CONTENT_TOP = PAGE_HEIGHT - MARGIN_TOP - RUNNING_HEAD
CONTENT_BOTTOM = MARGIN_BOTTOM + FOOTER_HEIGHT + 6

LABEL_SIZE = 7.5
LABEL_LEADING = 9.0
HINT_SIZE = 6.5
HINT_LEADING = 8.0
TEXT_BOX_HEIGHT = 20.0
"""A single-line box: 7 mm, room for handwriting."""
TWO_LINE_BOX_HEIGHT = 28.0
"""From edition 5, the box of a text or web address in half a line (Träger, street, town, area,
the contact's name and role: :func:`runs_long`): two lines at :data:`FIELD_FONT_SIZE` (2 × 11.6
pt and the padding), multi-line in the PDF at 10 pt. A street „…, 3. OG, Eingang über den Hof“,
a provider „…, Mitglied im Paritätischen“ or a role typed there wraps in PDFium, pdf.js and
poppler, and a printed copy holds it whole; in a one-line box of 20 pt they cut it off
(poppler's copy read „…den Ho“). Leaving the size to the viewer instead (``/DA`` size 0) drew a
short value at 18 pt (PDFium) and 20 pt (poppler). The boxes of the line's width hold some 90
letters on one line; all of them two lines high made each checklist a page longer (8 → 9),
these leave each as many pages as it had (2 of the 600 institution forms of two checklists get
a fourth page, of a checklist's last rows)."""
TEXTAREA_LINE = 16.0
CHECKBOX = 10.0
OPTION_ROW = 14.0
COLUMNS = 6
GUTTER = 8.0
ROW_GAP = 6.0
FIELD_FONT_SIZE = 10.0
TEXTAREA_FONT_SIZE = 9.0

KINDS = ("checklist", "institution")

LAYOUT_EDITION = 5
"""The layout forms are made with now; a reader of printed copies of forms made before lays
them out as they were (``edition`` of :func:`layout_form`): 0 until the gap below a row no
longer had to fit on its page, 1 until a row's last field took the columns the row leaves free
(for its label, and a text, e-mail or web address for its box), 2 until a phone number got
five twelfths of the line (:data:`PHONE_TWELFTHS`), 3 until a date that may be a month said so
in its label („Termin zum Kennenlernen (TT.MM.JJJJ oder MM.JJJJ)“: :func:`field_label`), 4 until
a text or web address in half a line got a box two lines high (:data:`TWO_LINE_BOX_HEIGHT`)."""


class WidgetKind(StrEnum):
    """What a box is in the PDF."""

    TEXT = "text"
    """Single-line text field."""
    MULTILINE = "multiline"
    """Multi-line, wrapping text field."""
    COMBO = "combo"
    """Drop-down list (select_one)."""
    CHECKBOX = "checkbox"
    """An independent checkbox: one option of a multiple choice (``<path>.<option>``)."""
    CHOICE = "choice"
    """One box of a group of mutually exclusive checkboxes sharing the field ``<path>``."""


@dataclass(frozen=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def as_list(self) -> list[float]:
        return [round(v, 2) for v in (self.x0, self.y0, self.x1, self.y1)]

    def contains(self, x: float, y: float, slack: float = 0.0) -> bool:
        return self.x0 - slack <= x <= self.x1 + slack and self.y0 - slack <= y <= self.y1 + slack


@dataclass(frozen=True)
class Box:
    """One widget: where it is, what field it belongs to and, for checkboxes, which option."""

    path: str
    """The full field name (``str(FieldPath)``); every box of an exclusive group shares it."""
    page: int
    """0-based page index."""
    rect: Rect
    kind: WidgetKind
    field: Field
    option: str | None = None
    """Checkboxes: the option code (multiple choice) or choice value (exclusive group);
    ``_other`` for the free-text box of a multiple choice."""
    label: str = ""
    """The printed label of the field (text boxes) or of the option (checkboxes)."""
    tooltip: str = ""
    """What a screen reader says for the box (its ``/TU``): :func:`spoken`."""


@dataclass(frozen=True)
class TextLine:
    """Static text drawn on a page (labels, headings, descriptions)."""

    page: int
    x: float
    y: float
    text: str
    size: float
    bold: bool = False
    gray: float = 0.0
    rtl: bool | None = None
    """The direction of the paragraph the line was broken from (a line of a German hint that
    begins with an Arabic region's name is still drawn left to right); None: the line's own."""


@dataclass(frozen=True)
class Band:
    """A filled bar behind a heading."""

    page: int
    rect: Rect
    gray: float


@dataclass(frozen=True)
class FormLayout:
    """Pages and boxes of one form."""

    schema_id: str
    schema_version: str
    kind: str
    categories: tuple[str, ...]
    lang: str
    page_count: int
    boxes: tuple[Box, ...]
    texts: tuple[TextLine, ...]
    bands: tuple[Band, ...]
    running_heads: tuple[str, ...]
    """The running head of every page (the category it belongs to)."""
    page_size: tuple[float, float] = (PAGE_WIDTH, PAGE_HEIGHT)

    def boxes_on(self, page: int) -> list[Box]:
        return [b for b in self.boxes if b.page == page]

    def fields(self) -> dict[str, list[Box]]:
        """Field name → its boxes, in page order (an exclusive group has several)."""
        return self._fields

    @cached_property
    def _fields(self) -> dict[str, list[Box]]:
        out: dict[str, list[Box]] = {}
        for b in self.boxes:
            out.setdefault(b.path, []).append(b)
        return out

    @cached_property
    def as_read(self) -> tuple[object, ...]:
        """What a reader of a copy without fields finds this layout by and reads by: its pages,
        its boxes, and the glyph each line of text begins with where it begins. Two editions
        alike in it read a copy alike (the same form before and after a reworded label)."""
        return (
            self.page_count,
            tuple((b.path, b.page, b.rect, b.kind, b.option) for b in self.boxes),
            tuple((t.page, t.x, t.y, t.size, t.text.lstrip()[:1]) for t in self.texts),
        )

    @cached_property
    def value_fields(self) -> dict[str, Field]:
        """Value path → its field, for every value of the form (a multiple choice under its
        own path, without the option part)."""
        out: dict[str, Field] = {}
        for b in self.boxes:
            path = b.path
            if b.kind is WidgetKind.CHECKBOX or b.option == OTHER:
                path = path.rpartition(".")[0]
            out.setdefault(path, b.field)
        return out

    def box_at(self, page: int, x: float, y: float, slack: float = 2.0) -> Box | None:
        """The box that holds the point (x, y) on ``page``, if any."""
        for b in self.boxes:
            if b.page == page and b.rect.contains(x, y, slack):
                return b
        return None


# --------------------------------------------------------------------------- texts

_UI = {
    "de": {
        "entry": "Eintrag {n} von {total}",
        "required": "* Pflichtfeld",
        "date_hint": "TT.MM.JJJJ",
        "month_hint": "TT.MM.JJJJ oder MM.JJJJ",
        "other": "Andere:",
        "choose": "Auswahl: ",
        "institution_title": "Angaben zu Ihrer Einrichtung",
        "institution_intro": (
            "Bitte prüfen Sie die Angaben, korrigieren oder ergänzen Sie sie und senden Sie das "
            "Formular zurück. Leere Felder bedeuten „nicht ausgefüllt“; kreuzen Sie "
            "„Fehlanzeige“ an, wenn es ein Angebot (noch) nicht gibt."
        ),
        "checklist_intro": (
            "Bitte je Einrichtung einen Eintrag ausfüllen. Mehrfachnennungen bei Sprachen "
            "möglich; weitere Sprachen unter „Andere“."
        ),
        "continued": "(Fortsetzung)",
    },
    "en": {
        "entry": "Entry {n} of {total}",
        "required": "* required",
        "date_hint": "YYYY-MM-DD",
        "month_hint": "YYYY-MM-DD or YYYY-MM",
        "other": "Other:",
        "choose": "Choices: ",
        "institution_title": "About your institution",
        "institution_intro": (
            "Please check the information, correct or complete it and return the form. An empty "
            'field means "not filled in"; tick "None available" if a service does not exist (yet).'
        ),
        "checklist_intro": (
            "Please fill in one entry per institution. Tick every language that applies; more "
            'languages under "Other".'
        ),
        "continued": "(continued)",
    },
}


def ui_text(lang: str, key: str) -> str:
    """A fixed text of the form in ``lang`` (German when ``lang`` is unknown)."""
    return _UI.get(lang, _UI["de"])[key]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in the form font (bold is drawn with the same advance widths)."""
    return field_font().width(text, size)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """``text`` broken at spaces (not at no-break spaces) into lines that fit ``width`` (line
    breaks kept)."""
    font = field_font()
    return linebreak.wrap(text, lambda line: font.width(line, size), width)


RUNNING_HEAD_WIDTH = 380.0
RUNNING_HEAD_SIZE = 7.0


def running_head(label: str, suffix: str = "") -> str:
    """``label · suffix`` shortened (the label, with …) to fit the running head."""
    tail = f" · {suffix}" if suffix else ""
    room = RUNNING_HEAD_WIDTH - text_width(tail, RUNNING_HEAD_SIZE)
    return linebreak.shorten(label, lambda text: text_width(text, RUNNING_HEAD_SIZE), room) + tail


def field_label(f: Field, lang: str, edition: int = LAYOUT_EDITION) -> str:
    """A box's label on the form: the field's, with how to write a date and the required mark.
    A date that may be a month (an appointment: „Januar 2027“, „01.2027“) says so from
    ``edition`` 4; the form's „Datum“ is a day (:func:`~formgen.model.confirmed_on`). Older
    editions keep the label their forms printed, so that a copy is laid out as it was."""
    label = f.label.get(lang)
    if f.type is FieldType.DATE:
        month = edition >= 4 and not confirmed_on(f)
        label += f" ({ui_text(lang, 'month_hint' if month else 'date_hint')})"
    if f.required:
        label += " *"
    return label


def spoken(f: Field, lang: str, option: str = "", with_help: bool = True) -> str:
    """The name a screen reader says for a box of ``f`` (its ``/TU``): the label (without the
    required mark: the field's Required flag says so), the option the box stands for, then the
    help: „Öffnungszeiten – z. B. Mo–Fr 9–13 Uhr …“, „Erfahrungen/Ressourcen vorhanden? – Ja“."""
    label = field_label(f, lang).removesuffix(" *")
    return " – ".join(p for p in (label, option, f.help.get(lang) if with_help else "") if p)


# --------------------------------------------------------------------------- cells


_COLS = {
    FieldType.TEXT: 3,
    FieldType.TEXTAREA: 6,
    FieldType.DATE: 2,
    FieldType.INTEGER: 2,
    FieldType.PERCENTAGE: 2,
    FieldType.PHONE: 2,
    FieldType.EMAIL: 3,
    FieldType.URL: 3,
    FieldType.INITIALS: 1,
    FieldType.SELECT_ONE: 3,
    FieldType.YES_NO_NONE: 3,
    FieldType.SELECT_MULTIPLE: 6,
    FieldType.LANGUAGE_LIST: 6,
}


_LONG_VALUES = (FieldType.TEXT, FieldType.EMAIL, FieldType.URL)
"""Single-line fields whose values are often longer than half a line (an organisation's name,
an e-mail or web address, office hours): their box takes the columns its row leaves free."""


def _is_exclusive_boxes(f: Field) -> bool:
    return f.type is FieldType.YES_NO_NONE or (
        f.type is FieldType.SELECT_ONE and f.widget == "checkboxes"
    )


PHONE_TWELFTHS = 5
"""A phone number's width from edition 3, in twelfths of the line (two sixths, 159 pt, before):
200 pt, the e-mail address beside it the other seven twelfths (284 pt, 326 before). A number
with an extension or a note („02181 601-5301 Durchwahl -53“, „0176 123 45 67 (nur Di/Do ab 14
Uhr)“) was cut off on a printed copy and in a viewer that draws typed text at the box's font
size (pdf.js); an address of 55 letters („beratungsstelle.migration@caritas-rhein-kreis-neuss.de“)
still fits. A line each took a page more for a form of two checklists (3 → 4, its last page
holding only „Datum und Handzeichen“).

So its right edge stands 42 pt left of those of the half-line boxes above it (Name |
Funktion), on purpose: six twelfths (243 pt) would line them up but leave the e-mail address
243 pt, and PDFium cut that address, typed, at „…rhein-kreis-n“ again (279 pt at 10 pt), as it
did in the half-line box before edition 2; four (159 pt) would cut „02181 601-5301 Durchwahl
-53“ (159 pt) again. No split of the line holds both as the boxes above split it."""


def runs_long(f: Field, width: float) -> bool:
    """Whether a text or web address has a box two lines high (:data:`TWO_LINE_BOX_HEIGHT`):
    one in a box narrower than the line, whose ``max_length`` (if any) does not fit one line."""
    if f.type not in (FieldType.TEXT, FieldType.URL) or width > CONTENT_WIDTH / 2:
        return False
    most = f.constraints.max_length
    return not most or text_width("W" * most, FIELD_FONT_SIZE) > width - 4


def _grid(edition: int) -> int:
    """The columns a row is divided into: :data:`COLUMNS`, twice as many from edition 3 (for
    :data:`PHONE_TWELFTHS`)."""
    return COLUMNS * 2 if edition >= 3 else COLUMNS


def _cols(f: Field, edition: int = LAYOUT_EDITION) -> int:
    """The columns of :func:`_grid` a field's cell takes."""
    if edition >= 3 and f.type is FieldType.PHONE:
        return PHONE_TWELFTHS
    cols = _COLS[f.type]
    if f.type is FieldType.SELECT_ONE and f.widget == "checkboxes":
        cols = 6
    if f.type is FieldType.TEXT and (f.constraints.max_length or 0) >= 150:
        cols = 6
    return cols * _grid(edition) // COLUMNS


@dataclass
class _Page:
    boxes: list[Box] = field(default_factory=list)
    texts: list[TextLine] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)


class _Cell:
    """One field in a row: its label on top, its widget(s) below."""

    def __init__(
        self, path: FieldPath, f: Field, lang: str, width: float, label_width: float, edition: int
    ) -> None:
        self.path = path
        self.f = f
        self.lang = lang
        self.width = width
        self.label = field_label(f, lang, edition)
        self.label_lines = wrap(self.label, LABEL_SIZE, label_width)
        self.label_rtl = paragraph_rtl(self.label)
        self.tooltip = spoken(f, lang)
        self.edition = edition
        self.widget_height = self._widget_height()

    @property
    def label_height(self) -> float:
        return len(self.label_lines) * LABEL_LEADING

    def _options_layout(self) -> tuple[list[tuple[str, str]], int, float]:
        """(code, label) of every option, columns of the grid, column width."""
        opts = [(c, option_label(self.f, c, self.lang)) for c in option_values(self.f)]
        widest = max((text_width(lbl, LABEL_SIZE) for _, lbl in opts), default=40.0)
        cell = CHECKBOX + 4 + widest + 18
        cols = max(1, min(len(opts) or 1, int((self.width + 18) // cell)))
        return opts, cols, self.width / cols

    def _widget_height(self) -> float:
        t = self.f.type
        if t is FieldType.TEXTAREA:
            return max(2, self.f.lines) * TEXTAREA_LINE + 4
        if _is_exclusive_boxes(self.f):
            return self._inline_rows() * OPTION_ROW
        if self.f.is_multi:
            opts, cols, _ = self._options_layout()
            rows = -(-len(opts) // cols) if opts else 0
            return rows * OPTION_ROW + 2 + TEXT_BOX_HEIGHT
        if t is FieldType.SELECT_ONE:
            return TEXT_BOX_HEIGHT + 2 + len(self._choice_hint()) * HINT_LEADING
        if self.edition >= 5 and runs_long(self.f, self.width):
            return TWO_LINE_BOX_HEIGHT
        return TEXT_BOX_HEIGHT

    def _choice_hint(self) -> list[str]:
        return wrap(self._choice_text(), HINT_SIZE, self.width)

    def _choice_text(self) -> str:
        labels = [option_label(self.f, c, self.lang) for c in option_values(self.f)]
        return ui_text(self.lang, "choose") + " · ".join(labels)

    def _inline_positions(self) -> list[tuple[str, str, float, int]]:
        """Exclusive boxes flow left to right: (code, label, x offset, row)."""
        out = []
        x, row = 0.0, 0
        for code in option_values(self.f):
            lbl = option_label(self.f, code, self.lang)
            w = CHECKBOX + 4 + text_width(lbl, LABEL_SIZE) + 12
            if x > 0 and x + w > self.width:
                x, row = 0.0, row + 1
            out.append((code, lbl, x, row))
            x += w
        return out

    def _inline_rows(self) -> int:
        positions = self._inline_positions()
        return (max(p[3] for p in positions) + 1) if positions else 1

    def place(self, page: int, sink: _Page, x: float, top: float, widget_top: float) -> None:
        y = top
        for line in self.label_lines:
            y -= LABEL_LEADING
            sink.texts.append(TextLine(page, x, y + 2, line, LABEL_SIZE, rtl=self.label_rtl))
        f, path = self.f, str(self.path)
        top = widget_top
        t = f.type
        if t is FieldType.TEXTAREA:
            rect = Rect(x, top - self.widget_height, x + self.width, top)
            sink.boxes.append(
                Box(path, page, rect, WidgetKind.MULTILINE, f, None, self.label, self.tooltip)
            )
        elif _is_exclusive_boxes(f):
            for i, (code, lbl, dx, row) in enumerate(self._inline_positions()):
                by = top - row * OPTION_ROW - (OPTION_ROW + CHECKBOX) / 2
                rect = Rect(x + dx, by, x + dx + CHECKBOX, by + CHECKBOX)
                said = spoken(f, self.lang, lbl, with_help=i == 0)
                sink.boxes.append(Box(path, page, rect, WidgetKind.CHOICE, f, code, lbl, said))
                sink.texts.append(TextLine(page, x + dx + CHECKBOX + 4, by + 2, lbl, LABEL_SIZE))
        elif f.is_multi:
            opts, cols, colw = self._options_layout()
            for i, (code, lbl) in enumerate(opts):
                row, col = divmod(i, cols)
                by = top - row * OPTION_ROW - (OPTION_ROW + CHECKBOX) / 2
                bx = x + col * colw
                rect = Rect(bx, by, bx + CHECKBOX, by + CHECKBOX)
                sink.boxes.append(
                    Box(
                        f"{path}.{code}",
                        page,
                        rect,
                        WidgetKind.CHECKBOX,
                        f,
                        code,
                        lbl,
                        spoken(f, self.lang, lbl, with_help=i == 0),
                    )
                )
                sink.texts.append(TextLine(page, bx + CHECKBOX + 4, by + 2, lbl, LABEL_SIZE))
            rows = -(-len(opts) // cols) if opts else 0
            oy = top - rows * OPTION_ROW - 2
            other = ui_text(self.lang, "other")
            ow = text_width(other, LABEL_SIZE) + 6
            sink.texts.append(TextLine(page, x, oy - TEXT_BOX_HEIGHT / 2 - 2.5, other, LABEL_SIZE))
            rect = Rect(x + ow, oy - TEXT_BOX_HEIGHT, x + self.width, oy)
            sink.boxes.append(
                Box(
                    f"{path}.{OTHER}",
                    page,
                    rect,
                    WidgetKind.TEXT,
                    f,
                    OTHER,
                    f"{self.label} – {other.rstrip(':')}",
                    spoken(f, self.lang, other.rstrip(":"), with_help=False),
                )
            )
        else:
            kind = WidgetKind.COMBO if t is FieldType.SELECT_ONE else WidgetKind.TEXT
            height = TEXT_BOX_HEIGHT if kind is WidgetKind.COMBO else self.widget_height
            rect = Rect(x, top - height, x + self.width, top)
            sink.boxes.append(Box(path, page, rect, kind, f, None, self.label, self.tooltip))
            if t is FieldType.SELECT_ONE:
                hy = top - TEXT_BOX_HEIGHT - 2
                rtl = paragraph_rtl(self._choice_text())
                for line in self._choice_hint():
                    hy -= HINT_LEADING
                    sink.texts.append(
                        TextLine(page, x, hy + 1.5, line, HINT_SIZE, gray=0.35, rtl=rtl)
                    )


# --------------------------------------------------------------------------- the flow


class _Flow:
    """Places rows top to bottom and starts a new page when one does not fit."""

    def __init__(self, lang: str, edition: int) -> None:
        self.lang = lang
        self.edition = edition
        self.below_row = ROW_GAP if edition == 0 else 0.0
        """Room a row needs below it to stay on the page (see :func:`layout_form`)."""
        self.pages: list[_Page] = []
        self.heads: list[str] = []
        self.head = ""
        self.y = 0.0
        self.new_page()

    @property
    def page(self) -> int:
        return len(self.pages) - 1

    @property
    def sink(self) -> _Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(_Page())
        self.heads.append(self.head)
        self.y = CONTENT_TOP

    def ensure(self, height: float) -> None:
        if self.y - height < CONTENT_BOTTOM and self.y < CONTENT_TOP:
            self.new_page()

    def text_block(
        self, text: str, size: float, bold: bool = False, gray: float = 0.0, after: float = 4
    ) -> None:
        leading = size * 1.25
        rtl = paragraph_rtl(text)
        for line in wrap(text, size, CONTENT_WIDTH, bold):
            self.ensure(leading)
            self.y -= leading
            self.sink.texts.append(
                TextLine(self.page, CONTENT_LEFT, self.y + size * 0.25, line, size, bold, gray, rtl)
            )
        self.y -= after

    def band(self, text: str, size: float, gray: float, keep: float) -> None:
        """A heading on a grey bar, kept together with the next ``keep`` points."""
        lines = wrap(text, size, CONTENT_WIDTH - 8, bold=True)
        height = len(lines) * size * 1.25 + 6
        self.ensure(height + keep)
        rect = Rect(CONTENT_LEFT, self.y - height, CONTENT_RIGHT, self.y)
        self.sink.bands.append(Band(self.page, rect, gray))
        y = self.y - 3
        rtl = paragraph_rtl(text)
        for line in lines:
            y -= size * 1.25
            self.sink.texts.append(
                TextLine(self.page, CONTENT_LEFT + 4, y + size * 0.3, line, size, True, rtl=rtl)
            )
        self.y -= height + 4

    def section(self, section: Section, fields: list[tuple[FieldPath, Field]]) -> None:
        rows = self._rows(fields)
        title = section.label.get(self.lang)
        hint = section.help.get(self.lang)
        head_lines = wrap(title, 8.5, CONTENT_WIDTH, bold=True)
        hint_lines = wrap(hint, HINT_SIZE + 0.5, CONTENT_WIDTH) if hint else []
        head_height = len(head_lines) * 10.5 + len(hint_lines) * 8.5 + 3
        first = rows[0][0] + self.below_row if rows else 0.0
        self.ensure(head_height + first)
        for line in head_lines:
            self.y -= 10.5
            self.sink.texts.append(
                TextLine(
                    self.page, CONTENT_LEFT, self.y + 2, line, 8.5, True, rtl=paragraph_rtl(title)
                )
            )
        for line in hint_lines:
            self.y -= 8.5
            self.sink.texts.append(
                TextLine(
                    self.page,
                    CONTENT_LEFT,
                    self.y + 2,
                    line,
                    HINT_SIZE + 0.5,
                    gray=0.35,
                    rtl=paragraph_rtl(hint),
                )
            )
        self.y -= 3
        for height, place in rows:
            self.ensure(height + self.below_row)
            place(self.page, self.sink, self.y)
            self.y -= height + ROW_GAP
        self.y -= 4

    def _rows(
        self, fields: list[tuple[FieldPath, Field]]
    ) -> list[tuple[float, Callable[[int, _Page, float], None]]]:
        grid = _grid(self.edition)
        colw = (CONTENT_WIDTH + GUTTER) / grid
        rows: list[list[tuple[int, FieldPath, Field]]] = []
        used = grid
        for path, f in fields:
            cols = _cols(f, self.edition)
            if used + cols > grid:
                rows.append([])
                used = 0
            rows[-1].append((used, path, f))
            used += cols
        out: list[tuple[float, Callable[[int, _Page, float], None]]] = []
        for row in rows:
            cells = []
            for n, (start, path, f) in enumerate(row, 1):
                width = _cols(f, self.edition) * colw - GUTTER
                label_width = width
                if n == len(row) and self.edition >= 2:  # the row's free columns
                    label_width = CONTENT_WIDTH - start * colw
                    if f.type in _LONG_VALUES:
                        width = label_width
                cell = _Cell(path, f, self.lang, width, label_width, self.edition)
                cells.append((CONTENT_LEFT + start * colw, cell))
            label_h = max(c.label_height for _, c in cells)
            widget_h = max(c.widget_height for _, c in cells)
            height = label_h + widget_h

            def place(
                page: int,
                sink: _Page,
                top: float,
                cells: list[tuple[float, _Cell]] = cells,
                label_h: float = label_h,
            ) -> None:
                for x, cell in cells:
                    cell.place(page, sink, x, top, top - label_h)

            out.append((height, place))
        return out


def _sections_of(category: Category, scope: Scope | None) -> Iterator[tuple[Section, list[Field]]]:
    for s in category.sections:
        fields = [f for f in s.fields if scope is None or f.scope is scope]
        if fields:
            yield s, fields


def layout_for_identity(
    schema: Schema, identity: FormIdentity, edition: int = LAYOUT_EDITION
) -> FormLayout:
    """The layout of the form an identity belongs to (for readers of flattened copies);
    ``edition`` as for :func:`layout_form`."""
    return layout_form(schema, identity.kind, identity.categories, identity.lang, edition)


_CACHE: dict[tuple[int, str, tuple[str, ...], str, int], tuple[Schema, FormLayout]] = {}
_CACHE_SIZE = 256


def layout_form(
    schema: Schema,
    kind: str,
    categories: tuple[str, ...] | list[str],
    lang: str,
    edition: int = LAYOUT_EDITION,
) -> FormLayout:
    """The layout of a form: from the schema and the identity's kind, categories and language.

    A row of boxes stays on a page when its boxes fit above the bottom margin; the gap below
    it may fall into the margin. The last field of a row may run its label over the columns
    the row leaves free („Appointment to get acquainted (YYYY-MM-DD)“ took two lines beside
    four empty columns); a text, e-mail or web address box (:data:`_LONG_VALUES`) takes them. ``edition``: the layout of forms made before (see
    :data:`LAYOUT_EDITION`), for reading their printed copies; the forms of two checklists
    had a fourth page holding only „Datum und Handzeichen“ in both.

    Raises :class:`~formgen.errors.UnknownCategoryError` for a category the schema lacks and
    :class:`~formgen.errors.FormgenError` for an unknown kind. Layouts are cached per schema
    object (a batch lays out each combination of categories once).
    """
    key = (id(schema), kind, tuple(categories), lang, edition)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is schema:
        return hit[1]
    layout = _layout_form(schema, kind, categories, lang, edition)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (schema, layout)
    return layout


def _layout_form(
    schema: Schema, kind: str, categories: tuple[str, ...] | list[str], lang: str, edition: int
) -> FormLayout:
    from formgen.errors import FormgenError

    if kind not in KINDS:
        raise FormgenError(f"unknown form kind '{kind}'; use checklist or institution")
    cats = [schema.category(cid) for cid in categories]
    flow = _Flow(lang, edition)
    if kind == "checklist":
        for index, cat in enumerate(cats):
            flow.head = running_head(cat.label.get(lang))
            if index:
                flow.new_page()
            else:
                flow.heads[-1] = flow.head
            group = next(g for g in schema.groups if cat in g.categories)
            flow.text_block(group.label.get(lang), 7.5, gray=0.35, after=2)
            flow.text_block(cat.label.get(lang), 13, bold=True, after=3)
            if cat.description:
                flow.text_block(cat.description.get(lang), 8.5, after=3)
            flow.text_block(
                ui_text(lang, "checklist_intro") + "  " + ui_text(lang, "required"),
                7.5,
                gray=0.35,
                after=6,
            )
            for block in range(1, cat.entry_blocks + 1):
                entry = ui_text(lang, "entry").format(n=block, total=cat.entry_blocks)
                flow.band(entry, 9.5, 0.85, keep=60)
                # pages this block continues on say which entry they belong to
                flow.head = running_head(cat.label.get(lang), entry)
                for section, fields in _sections_of(cat, None):
                    flow.section(
                        section, [(checklist_path(cat.id, block, f.id), f) for f in fields]
                    )
    else:
        flow.head = ui_text(lang, "institution_title")
        flow.heads[-1] = flow.head
        flow.text_block(schema.title.get(lang), 8, gray=0.35, after=2)
        flow.text_block(ui_text(lang, "institution_title"), 13, bold=True, after=3)
        flow.text_block(
            ui_text(lang, "institution_intro") + "  " + ui_text(lang, "required"),
            8,
            after=6,
        )
        first = cats[0] if cats else schema.categories[0]
        flow.band(ui_text(lang, "institution_title"), 9.5, 0.85, keep=60)
        for section, fields in _sections_of(first, Scope.INSTITUTION):
            flow.section(
                section,
                [(institution_path(schema, first.id, f), f) for f in fields],
            )
        for cat in cats:
            flow.head = running_head(cat.label.get(lang))
            flow.band(cat.label.get(lang), 9.5, 0.85, keep=80)
            if cat.description:
                flow.text_block(cat.description.get(lang), 7.5, gray=0.35, after=4)
            for section, fields in _sections_of(cat, Scope.ENTRY):
                flow.section(section, [(institution_path(schema, cat.id, f), f) for f in fields])
    # A page started by ensure() inherits the head that was current then; fix the first page.
    boxes = tuple(b for p in flow.pages for b in p.boxes)
    texts = tuple(t for p in flow.pages for t in p.texts)
    bands = tuple(b for p in flow.pages for b in p.bands)
    return FormLayout(
        schema_id=schema.schema_id,
        schema_version=schema.schema_version,
        kind=kind,
        categories=tuple(categories),
        lang=lang,
        page_count=len(flow.pages),
        boxes=boxes,
        texts=texts,
        bands=bands,
        running_heads=tuple(flow.heads),
    )
