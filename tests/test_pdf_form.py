"""Generated PDF forms read back: field names, types, flags, identity, what each engine shows."""

from __future__ import annotations

import io
import itertools
import json
import random
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pytest
from pdf_engines import (
    drawn_lines,
    pdfium_alternate_names,
    pdfium_fill,
    pdfium_flatten,
    pdfium_print_text,
    right_to_left,
)
from pypdf import PdfReader

from formgen.errors import RecordError, UnknownCategoryError
from formgen.forms import FormRequest, GeneratedForm, new_identity
from formgen.identity import FormIdentity
from formgen.layout import (
    CONTENT_BOTTOM,
    CONTENT_RIGHT,
    FIELD_FONT_SIZE,
    LABEL_LEADING,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TWO_LINE_BOX_HEIGHT,
    WidgetKind,
    layout_form,
    text_width,
)
from formgen.model import (
    OTHER,
    Choice,
    FieldType,
    Schema,
    Text,
    iter_checklist_paths,
    iter_institution_paths,
    option_values,
)
from formgen.pdf_form import FF_MULTILINE, FOOTER_TOP, render_pdf
from formgen.record import record_from_json
from formgen.schema_load import default_schema
from ingest import values
from ingest.flat_reader import CUT_OFF, read_flattened
from ingest.pdf_reader import read_acroform

SECRET = b"s" * 32
UNICODE = {
    "turkish": "Şule Yılmaz",
    "turkish2": "Çiğdem Öztürk-İnce",
    "polish": "Łódź",
    "cyrillic": "Ольга Петренко",
    "greek": "Ελληνικά",
    "arabic": "مركز الاستشارة",
}


@pytest.fixture(scope="module")
def schema() -> Schema:
    return default_schema()


def make(
    schema: Schema,
    kind: str = "checklist",
    categories: tuple[str, ...] = ("psychotherapie",),
    record: dict[str, Any] | None = None,
    lang: str = "de",
    seed: int = 1,
) -> GeneratedForm:
    rec = record_from_json(schema, record, "test") if record else None
    request = FormRequest(kind, categories, rec, lang, "2026-11-22")
    identity = new_identity(schema, request, SECRET, random.Random(seed))
    return render_pdf(schema, request, identity)


def sample_record(**entries: Any) -> dict[str, Any]:
    return {
        "id": "inst-0001",
        "base_version": 3,
        "categories": ["psychotherapie"],
        "institution": {
            "name": f"{UNICODE['turkish']} Beratung {UNICODE['polish']} – {UNICODE['arabic']}",
            "street": "Ольга-Петренко-Straße 5",
            "postcode": "40210",
            "city": "Düsseldorf",
            "region": "duesseldorf",
            "opening_hours": "Mo–Fr 9–13 Uhr\nΕλληνικά: Πέμπτη 14–18",
        },
        "entries": {
            "psychotherapie": {
                "migrant_experience": "ja",
                "share_migrants": 35,
                "languages_offered": ["tr", "ar"],
                "languages_offered._other": "Ελληνικά, Urdu",
                "contact_name": UNICODE["turkish2"],
                "date": "2025-09-24",
                "initials": "ÇÖ",
                **entries,
            }
        },
    }


def expected_names(pairs: Any) -> set[str]:
    names = set()
    for path, f in pairs:
        if f.is_multi:
            names.update(f"{path}.{o}" for o in option_values(f))
            names.add(f"{path}.{OTHER}")
        else:
            names.add(str(path))
    return names


def terminal_fields(data: bytes) -> dict[str, dict[str, Any]]:
    fields = PdfReader(io.BytesIO(data)).get_fields() or {}
    return {k: v for k, v in fields.items() if "/FT" in v}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


# --------------------------------------------------------------------------- structure


def test_checklist_field_names_are_the_schema_paths(schema: Schema) -> None:
    form = make(schema, categories=("psychotherapie", "facharzt"))
    names = {k for k in terminal_fields(form.data) if not k.startswith("formgen.")}
    assert names == expected_names(iter_checklist_paths(schema, ["psychotherapie", "facharzt"]))


def test_institution_field_names_are_the_schema_paths(schema: Schema) -> None:
    form = make(schema, "institution", ("psychotherapie",), sample_record())
    names = {k for k in terminal_fields(form.data) if not k.startswith("formgen.")}
    assert names == expected_names(iter_institution_paths(schema, ["psychotherapie"]))


def test_fields_form_a_real_hierarchy(schema: Schema) -> None:
    form = make(schema)
    with pikepdf.open(io.BytesIO(form.data)) as pdf:
        top = {str(f.T) for f in pdf.Root.AcroForm.Fields}
        assert top == {"psychotherapie", "formgen"}
        for f in pdf.Root.AcroForm.Fields:
            for kid in f.Kids:
                assert "." not in str(kid.T)


def test_field_types_flags_and_tooltips(schema: Schema) -> None:
    fields = terminal_fields(make(schema).data)
    name = fields["psychotherapie.1.name"]
    assert name["/FT"] == "/Tx"
    assert int(name.get("/Ff", 0)) & 2, "required fields carry the Required flag"
    assert (
        name["/TU"]
        == "Name der Einrichtung – Vollständiger Name, wie er im Verzeichnis erscheinen soll"
    )
    concepts = fields["psychotherapie.1.concepts"]
    assert int(concepts["/Ff"]) & 4096, "textarea is multi-line"
    region = fields["psychotherapie.1.region"]
    assert region["/FT"] == "/Ch" and int(region["/Ff"]) & (1 << 17)
    assert next(list(o) for o in region["/Opt"]) == ["duesseldorf", "Düsseldorf"]
    lang_tr = fields["psychotherapie.1.languages_offered.tr"]
    assert lang_tr["/FT"] == "/Btn" and "/Yes" in lang_tr["/_States_"]
    assert fields["psychotherapie.1.languages_offered._other"]["/FT"] == "/Tx"
    for key, value in fields.items():
        assert "/MaxLen" not in value, f"{key} has a length limit"
        if not key.startswith("formgen."):
            assert value.get("/TU"), f"{key} has no tooltip"


def test_yes_no_none_is_one_field_of_three_exclusive_boxes(schema: Schema) -> None:
    form = make(schema)
    with pikepdf.open(io.BytesIO(form.data)) as pdf:
        field = next(
            k3
            for k1 in pdf.Root.AcroForm.Fields
            if str(k1.T) == "psychotherapie"
            for k2 in k1.Kids
            if str(k2.T) == "1"
            for k3 in k2.Kids
            if str(k3.T) == "migrant_experience"
        )
        assert field.FT == "/Btn" and int(field.get("/Ff", 0)) & (1 << 15) == 0  # not radio
        states = [sorted(str(k) for k in kid.AP.N if k != "/Off") for kid in field.Kids]
        assert states == [["/ja"], ["/nein"], ["/fehlanzeige"]]


SPOKEN = {
    "de": {
        "institution.opening_hours": ["Öffnungszeiten – z.\u00a0B. Mo–Fr 9–13 Uhr, Do 14–18 Uhr"],
        "psychotherapie.migrant_experience": [
            "Erfahrungen/Ressourcen vorhanden? – Ja – „Fehlanzeige“ ausdrücklich ankreuzen, wenn "
            "es (noch) nichts gibt",
            "Erfahrungen/Ressourcen vorhanden? – Nein",
            "Erfahrungen/Ressourcen vorhanden? – Fehlanzeige",
        ],
        "psychotherapie.languages_offered.tr": ["Fremdsprachliche Kenntnisse im Team – Türkisch"],
        "psychotherapie.languages_offered._other": ["Fremdsprachliche Kenntnisse im Team – Andere"],
        "group": "Erfahrungen/Ressourcen vorhanden? – Ja / Nein / Fehlanzeige – „Fehlanzeige“ "
        "ausdrücklich ankreuzen, wenn es (noch) nichts gibt",
    },
    "en": {
        "institution.opening_hours": ["Opening hours – e.g. Mon–Fri 9am–1pm, Thu 2–6pm"],
        "psychotherapie.migrant_experience": [
            'Experience/resources available? – Yes – Tick "None available" explicitly if there is '
            "nothing (yet)",
            "Experience/resources available? – No",
            "Experience/resources available? – None available",
        ],
        "psychotherapie.languages_offered.tr": ["Languages spoken in the team – Turkish"],
        "psychotherapie.languages_offered._other": ["Languages spoken in the team – Other"],
        "group": 'Experience/resources available? – Yes / No / None available – Tick "None '
        'available" explicitly if there is nothing (yet)',
    },
}
"""What a screen reader says for some boxes of an institution form (their /TU)."""


def spoken_names(data: bytes, path: str) -> list[str]:
    """The /TU of each box of the field ``path``: the widget's own, else its field's (pdf.js
    takes the name it gives a screen reader from the widget)."""
    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for annot in page.Annots:
                node, parts = annot if "/T" in annot else annot.Parent, []
                while node is not None:
                    parts.insert(0, str(node.T))
                    node = node.get("/Parent")
                if ".".join(parts) == path:
                    out.append(str(annot.get("/TU") or annot.Parent.get("/TU")))
    return out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_screen_reader_says_each_boxs_label_then_its_choice_or_help(
    schema: Schema, lang: str
) -> None:
    """A field's spoken name (/TU) is its label, then its help (it was the help alone: the
    opening hours spoke „z. B. Mo–Fr …“, never „Öffnungszeiten“); each of the boxes Ja / Nein /
    Fehlanzeige names its choice (all three spoke the help); the help is said once, with the
    first box. PDFium, which gives each box the group's name, says the choices in order. A form
    filled in with these names reads back as before."""
    form = make(schema, "institution", ("psychotherapie",), sample_record(), lang=lang)
    fields = read_acroform(form.data, "form.pdf")
    expected = SPOKEN[lang]
    for path in ("institution.opening_hours", "psychotherapie.migrant_experience"):
        assert spoken_names(form.data, path) == expected[path]
    said = pdfium_alternate_names(form.data)
    for path in ("psychotherapie.languages_offered.tr", "psychotherapie.languages_offered._other"):
        assert said[path] == set(expected[path])
    assert said["psychotherapie.migrant_experience"] == {expected["group"]}
    filled = pdfium_fill(form.data, {"psychotherapie.migrant_experience": "nein"})
    back = read_acroform(filled, "back.pdf").values
    assert back == {**fields.values, "psychotherapie.migrant_experience": "nein"}


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        (
            "en",
            "Checklist “Psychotherapist in private practice”",
            "Checklists “Psychotherapist in private practice”, “Inclusion company, "
            'additional-earnings company (also "self-help company")”',
        ),
        (
            "de",
            "Checkliste „PsychotherapeutIn, niedergelassen“",
            "Checklisten „PsychotherapeutIn, niedergelassen“, „Integrationsprojekt, "
            "Zuverdienstfirma (auch „Selbsthilfefirma“)“",
        ),
    ],
)
def test_document_title_names_the_checklists_in_the_forms_language(
    schema: Schema, lang: str, one: str, two: str
) -> None:
    """The title a viewer shows in its title bar names each checklist as the form does, never
    by its id (a form of all checklists by the schema's title); an institution's form is its
    inventory."""
    for categories, what in (
        (("psychotherapie",), one),
        (("psychotherapie", "integrationsprojekt"), two),
    ):
        form = make(schema, categories=categories, lang=lang)
        title = PdfReader(io.BytesIO(form.data)).metadata.title
        assert title == f"{what} – {form.identity.reference}"
    form = make(schema, "institution", record=sample_record(), lang=lang)
    title = PdfReader(io.BytesIO(form.data)).metadata.title
    assert (
        title
        == f"{'Inventory' if lang == 'en' else 'Bestandsaufnahme'} – {form.identity.reference}"
    )
    every = tuple(c.id for c in schema.categories)
    form = make(schema, categories=every, lang=lang)  # 25 names do not fit a title bar
    title = PdfReader(io.BytesIO(form.data)).metadata.title
    assert title == f"{schema.title.get(lang)} – {form.identity.reference}"


def test_a_viewer_shows_the_title_and_tabs_through_the_boxes_by_rows(schema: Schema) -> None:
    """The title bar and a screen reader say the form's title, not its file name (a
    coordinator with ten forms open heard „inst-0001_FG-….pdf“); Tab goes by rows; the
    language stays."""
    for lang in ("de", "en"):
        form = make(schema, "institution", record=sample_record(), lang=lang)
        with pikepdf.open(io.BytesIO(form.data)) as pdf:
            assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
            assert pdf.Root.Lang == lang
            assert [page.get("/Tabs") for page in pdf.pages] == ["/R"] * len(pdf.pages)
            assert pdf.docinfo.Title == f"{_TITLE[lang]} – {form.identity.reference}"


_TITLE = {"de": "Bestandsaufnahme", "en": "Inventory"}


def widget_rows(data: bytes) -> list[list[list[tuple[str, float, float, float, float]]]]:
    """Each page's boxes (name, x0, y0, x1, y1) in the order of its /Annots, in rows: a box
    that shares height with the box before it stands in its row, any other begins the next.
    The hidden identity fields (no area) are left out."""
    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows: list[list[tuple[str, float, float, float, float]]] = []
            for annot in page.get("/Annots", []):
                x0, y0, x1, y1 = (float(v) for v in annot.Rect)
                if x0 == x1:
                    continue
                box = (_full_name(annot), x0, y0, x1, y1)
                last = rows[-1][-1] if rows else None
                if last is not None and y0 < last[4] and y1 > last[2]:
                    rows[-1].append(box)
                else:
                    rows.append([box])
            out.append(rows)
    return out


@pytest.mark.parametrize(
    ("kind", "lang"), [("checklist", "de"), ("checklist", "en"), ("institution", "de")]
)
def test_the_boxes_are_listed_by_rows_top_to_bottom_left_to_right(
    schema: Schema, kind: str, lang: str
) -> None:
    """/Tabs /R (by rows) is true of the order of each page's boxes: a screen reader and Tab
    go through a row from left to right, and the rows from top to bottom (the audit found no
    box after one lower down or further right in its row, on all 76 pages of the checklists)."""
    every = tuple(c.id for c in schema.categories)
    if kind == "checklist":
        form = make(schema, categories=every, lang=lang)
    else:  # prefilled, its name in Turkish, Polish and Arabic
        form = make(schema, kind, record=sample_record(), lang=lang)
    pages = widget_rows(form.data)
    # rows of one box and of several (street and town, a choice's boxes) on every page
    assert all(rows and any(len(row) > 2 for row in rows) for rows in pages)
    for number, rows in enumerate(pages, 1):
        for row in rows:
            lefts = [box[1] for box in row]
            assert lefts == sorted(set(lefts)), (number, row)
        for above, below in itertools.pairwise(rows):
            # the next row lies under the whole row before it
            assert max(box[4] for box in below) <= min(box[2] for box in above) + 0.5, (
                number,
                above,
                below,
            )


def test_identity_hidden_fields_and_info(schema: Schema) -> None:
    form = make(schema)
    reader = PdfReader(io.BytesIO(form.data))
    fields = {k: v.get("/V") for k, v in (reader.get_fields() or {}).items()}
    identity = FormIdentity.from_fields(fields)
    assert identity == form.identity and identity.verify(SECRET)
    assert json.loads(str(reader.metadata["/FormgenIdentity"])) == form.identity.to_fields()
    with pikepdf.open(io.BytesIO(form.data)) as pdf:
        for annot in pdf.pages[0].Annots:
            if "/Parent" in annot and str(annot.Parent.T) == "formgen":
                assert int(annot.F) & 2 and int(annot.Ff) & 1  # hidden, read-only


@pytest.mark.parametrize(
    ("lang", "cats", "pages_before", "pages"),
    [
        ("de", ("psychotherapie", "migrantenselbstorganisationen"), (4, 3), 3),
        ("en", ("kontakt_beratungsstelle", "betreutes_wohnen"), (4, 3), 3),
        ("en", ("kontakt_beratungsstelle", "soziotherapie"), (4, 4), 3),
        # full to 84 pt above the page's foot in edition 4; the boxes two lines high (edition
        # 5) take its last checklist's agreements, appointment, date and initials to a fourth
        ("de", ("stadtteilbueros", "migrantenselbstorganisationen"), (4, 4), 4),
    ],
)
def test_a_form_of_two_checklists_has_no_page_for_date_and_initials_alone(
    schema: Schema, lang: str, cats: tuple[str, str], pages_before: tuple[int, int], pages: int
) -> None:
    # the gap below a row had to fit on the page too (layout edition 0): „Datum und
    # Handzeichen“, 48 pt, went to a fourth page of its own with 54 pt left on the third; in
    # English, „Appointment to get acquainted (YYYY-MM-DD)“ took two lines beside four empty
    # columns, and „Share of clients with a migration history (%)“ (German too) beside one
    # (edition 1): 82 English forms still had that fourth page
    layout = layout_form(schema, "institution", cats, lang)
    assert layout.page_count == pages
    signed = [b for b in layout.boxes if b.path.endswith((".date", ".initials"))]
    assert {b.page for b in signed} == {1, pages - 1}
    for page in {b.page for b in signed}:  # never a page of date and initials alone
        assert any(b.page == page and b not in signed for b in layout.boxes)
    assert layout_form(schema, "institution", cats, lang, 4).page_count == 3
    assert min(b.rect.y0 for b in layout.boxes) >= CONTENT_BOTTOM
    before = tuple(layout_form(schema, "institution", cats, lang, e).page_count for e in (0, 1))
    assert before == pages_before
    # a label runs over the free columns of its row, not into a box or off the page
    for cat in cats:
        date = layout.fields()[f"{cat}.meeting_date"][0]
        label = next(
            t
            for t in layout.texts
            if t.page == date.page
            and t.text.startswith(("Termin", "Appointment"))
            and date.rect.y1 < t.y < date.rect.y1 + LABEL_LEADING
        )
        assert text_width(label.text, label.size) < CONTENT_RIGHT - label.x
        assert label.text.endswith(("(TT.MM.JJJJ oder MM.JJJJ)", "(YYYY-MM-DD or YYYY-MM)"))


def test_a_text_e_mail_or_web_address_box_takes_the_columns_its_row_leaves_free(
    schema: Schema,
) -> None:
    # half width (243 pt) in a blank checklist, PDFium and poppler showed what was typed cut
    # off: „beratungsstelle.migration@caritas-rhein-kreis-ne“, „https://www.caritas-neuss.de/
    # beratung/migratio“
    typed = {
        "email": "beratungsstelle.migration@caritas-rhein-kreis-neuss.de",
        "website": "https://www.caritas-neuss.de/beratung/migration-und-flucht",
        "contact_email": "g.oeztuerk-yilmaz@caritas-rhein-kreis-neuss.de",
        "office_hours": "Mo–Fr 9–17 Uhr, Sa nach Vereinbarung",
    }
    layout = layout_form(schema, "checklist", ("psychotherapie",), "de")
    before = layout_form(schema, "checklist", ("psychotherapie",), "de", edition=1)
    for field, value in typed.items():
        box = layout.fields()[f"psychotherapie.1.{field}"][0].rect
        half = before.fields()[f"psychotherapie.1.{field}"][0].rect
        assert half.width == pytest.approx(243, abs=1) and box.x1 == pytest.approx(CONTENT_RIGHT)
        assert text_width(value, FIELD_FONT_SIZE) < box.width - 4
    # no row more then: the form had as many pages
    edition_2 = layout_form(schema, "checklist", ("psychotherapie",), "de", edition=2)
    assert edition_2.page_count == before.page_count == 8


TYPED_PHONES = {
    "psychotherapie.1.phone": "02181 601-5301 Durchwahl -53",
    "psychotherapie.1.email": "beratungsstelle.migration@caritas-rhein-kreis-neuss.de",
    "psychotherapie.1.contact_phone": "0176 123 45 67 (nur Di/Do ab 14 Uhr)",
    "psychotherapie.1.contact_email": "g.oeztuerk-yilmaz@caritas-rhein-kreis-neuss.de",
}


def test_a_phone_number_with_an_extension_is_printed_whole_in_its_box(schema: Schema) -> None:
    """A number with an extension or a note, typed in PDFium (Chrome) and printed: in two
    columns (159 pt) „02181 601-5301 Durchwahl -53“ was cut off at „-5“ on paper and in pdf.js.
    The phone box takes five twelfths of the line, the e-mail box the rest: all of what was
    typed stands inside its box, the long e-mail addresses too, and no form has a page more."""
    flat = pdfium_flatten(pdfium_fill(make(schema).data, TYPED_PHONES))
    boxes = layout_form(schema, "checklist", ("psychotherapie",), "de").fields()
    before = layout_form(schema, "checklist", ("psychotherapie",), "de", edition=2).fields()
    with pdfplumber.open(io.BytesIO(flat)) as pdf:
        for path, typed in TYPED_PHONES.items():
            ((box,), (old,)) = boxes[path], before[path]
            r = box.rect
            inside = pdf.pages[box.page].within_bbox(
                (r.x0, PAGE_HEIGHT - r.y1, r.x1, PAGE_HEIGHT - r.y0)
            )
            assert inside.extract_text().strip() == typed
            if path.endswith("phone"):  # cut off in the box of two columns before
                assert text_width(typed, FIELD_FONT_SIZE) > old.rect.width - 4
    for kind in ("checklist", "institution"):
        pages = [layout_form(schema, kind, (c.id,), "de").page_count for c in schema.categories]
        assert pages == [
            layout_form(schema, kind, (c.id,), "de", edition=2).page_count
            for c in schema.categories
        ]


def test_layout_depends_only_on_identity_and_matches_widgets(schema: Schema) -> None:
    a = make(schema, "institution", ("psychotherapie",), sample_record())
    b = make(schema, "institution", ("psychotherapie",), sample_record(plans="x" * 3000), seed=2)
    layout = layout_form(schema, "institution", ("psychotherapie",), "de")
    for form in (a, b):
        with pikepdf.open(io.BytesIO(form.data)) as pdf:
            assert len(pdf.pages) == layout.page_count
            rects: dict[str, list[list[float]]] = {}
            for page in pdf.pages:
                for annot in page.Annots:
                    name = _full_name(annot)
                    if not name.startswith("formgen."):
                        rects.setdefault(name, []).append([float(v) for v in annot.Rect])
        for box in layout.boxes:
            assert [round(v, 2) for v in box.rect.as_list()] in rects[box.path]
    for box in layout.boxes:
        r = box.rect
        assert r.x0 >= 15 * 72 / 25.4 and r.x1 <= PAGE_WIDTH - 15 * 72 / 25.4
        assert r.y0 >= 15 * 72 / 25.4 and r.y1 <= PAGE_HEIGHT - 15 * 72 / 25.4
        if box.kind in (WidgetKind.TEXT, WidgetKind.COMBO):
            assert r.height >= 19, "single-line boxes are big enough to write in by hand"


def _full_name(annot: Any) -> str:
    parts = []
    node = annot
    while node is not None:
        if "/T" in node:
            parts.append(str(node.T))
        node = node.get("/Parent")
    return ".".join(reversed(parts))


def test_same_input_and_seed_give_the_same_file(schema: Schema) -> None:
    assert make(schema, seed=7).data == make(schema, seed=7).data
    assert make(schema, seed=7).data != make(schema, seed=8).data


def test_english_labels(schema: Schema) -> None:
    texts = pdfium_print_text(make(schema, lang="en").data)
    assert "Name of the institution" in texts[0] and "Entry 1 of 5" in texts[0]
    assert "Page 1/" in texts[0]


# --------------------------------------------------------------------------- what is shown


def test_footer_on_every_page(schema: Schema) -> None:
    form = make(schema, "institution", ("psychotherapie", "facharzt"), sample_record())
    texts = pdfium_print_text(form.data)
    assert len(texts) >= 2
    for n, text in enumerate(texts, start=1):
        assert form.identity.reference in text
        assert f"Seite {n}/{len(texts)}" in text
        assert "Stand: 22.11.2026" in text
        assert "Şule Yılmaz Beratung Łódź" in text


def test_footer_shortens_a_long_name_to_keep_the_schema_inside_the_margin(
    schema: Schema,
) -> None:
    # a name of 120 characters and the schema after it ran beyond the right margin; the name
    # is cut after its last whole word („Migranten Düss…“ before)
    record = sample_record()
    name = "Landschaftsverband Rheinland – Psychosoziales Zentrum für Flüchtlinge und Migranten"
    record["institution"]["name"] = f"{name} Düsseldorf, Neuss und Dormagen"
    form = make(schema, "institution", ("psychotherapie",), record)
    with pdfplumber.open(io.BytesIO(form.data)) as pdf:
        page = pdf.pages[0]
        foot = page.crop((0, page.height - FOOTER_TOP, page.width, page.height))
        text, right = foot.extract_text(), max(c["x1"] for c in foot.chars)
    assert f"{name}… · arbeitshilfe_migration_psychiatrie 1.0.0" in text
    assert right <= CONTENT_RIGHT + 0.5


def test_a_german_hint_line_that_begins_with_an_arabic_region_reads_left_to_right(
    schema: Schema,
) -> None:
    # the choices under "Versorgungsregion", broken after the first word of an Arabic region's
    # name: the line that goes on with it stood right to left, "Andere Region" read first
    arabic = "منطقة دورماغن والقرى المحيطة بها على ضفاف نهر الراين"
    names = ("Düsseldorf", "Rhein-Kreis Neuss (Neuss, Meerbusch)", arabic, "Andere Region")
    regions = tuple(Choice(f"r{n}", Text({"de": name, "en": name})) for n, name in enumerate(names))
    form = make(schema.with_regions(regions), "checklist", ("krisendienst",))
    (line,) = [line for line in drawn_lines(form.data)[0] if "Andere Region" in line]
    assert (
        line == f"{right_to_left('دورماغن والقرى المحيطة بها على ضفاف نهر الراين')} · Andere Region"
    )


def test_prefilled_unicode_values_are_stored_and_shown(schema: Schema) -> None:
    form = make(schema, "institution", ("psychotherapie",), sample_record())
    fields = terminal_fields(form.data)
    assert fields["institution.name"]["/V"].startswith("Şule Yılmaz Beratung Łódź")
    assert fields["institution.region"]["/V"] == "duesseldorf"
    assert fields["psychotherapie.migrant_experience"]["/V"] == "/ja"
    assert fields["psychotherapie.languages_offered.tr"]["/V"] == "/Yes"
    assert fields["psychotherapie.languages_offered.en"]["/V"] == "/Off"
    assert fields["psychotherapie.date"]["/V"] == "24.09.2025"
    shown = "\n".join(pdfium_print_text(form.data))
    for word in ("Ольга-Петренко-Straße", "Ελληνικά", UNICODE["turkish2"], "Düsseldorf", "35"):
        assert word in shown
    # the Arabic name is drawn shaped (presentation forms) and extracts as its letters
    assert "مركز" in shown or "زكرم" in shown


@pytest.mark.parametrize(
    ("lang", "hint", "shown", "stand", "month", "typed"),
    [
        (
            "de",
            "Datum (TT.MM.JJJJ) *",
            "24.09.2025",
            "Stand: 22.11.2026",
            "Termin zum Kennenlernen (TT.MM.JJJJ oder MM.JJJJ)",
            "01.2027",
        ),
        (
            "en",
            "Date (YYYY-MM-DD) *",
            "2025-09-24",
            "As of: 2026-11-22",
            "Appointment to get acquainted (YYYY-MM-DD or YYYY-MM)",
            "2027-01",
        ),
    ],
)
def test_dates_are_written_as_the_forms_language_writes_them_and_read_back(
    schema: Schema, lang: str, hint: str, shown: str, stand: str, month: str, typed: str
) -> None:
    """The date field's hint, its prefilled value and the footer's date say one way of writing
    a date, the language's (as formgen's other texts in it do), and ingest reads the value as
    it was prefilled. An appointment, which may be a month since part 22 („Januar 2027“), says
    so (its label said „(TT.MM.JJJJ)“ alone); the form's „Datum“ is a day and says a day."""
    form = make(schema, "institution", ("psychotherapie",), sample_record(), lang=lang)
    value = terminal_fields(form.data)["psychotherapie.date"]["/V"]
    assert value == shown and values.parse_date(value).value == "2025-09-24"
    text = "\n".join(pdfium_print_text(form.data))
    assert hint in text and stand in text
    assert text.count(month) == 1
    # what the hint says is what ingest takes for an appointment, and not for the „Datum“
    assert values.parse_date(typed, month=True).value == "2027-01"
    assert values.parse_date(typed).value is None
    other = "DD.MM.YYYY" if lang == "en" else "YYYY-MM-DD"
    assert other not in text


@pytest.mark.parametrize(
    ("lang", "printed", "now"),
    [
        (
            "de",
            "Termin zum Kennenlernen (TT.MM.JJJJ)",
            "Termin zum Kennenlernen (TT.MM.JJJJ oder MM.JJJJ)",
        ),
        (
            "en",
            "Appointment to get acquainted (YYYY-MM-DD)",
            "Appointment to get acquainted (YYYY-MM-DD or YYYY-MM)",
        ),
    ],
)
def test_a_form_made_before_the_month_hint_is_laid_out_with_the_label_it_printed(
    schema: Schema, lang: str, printed: str, now: str
) -> None:
    """The reader of a printed or flattened copy lays its form out again to find the boxes; a
    reworded label that took another line (in a narrower box of a workspace's own schema)
    would move every box below it. So the forms made before (layout edition 3) are laid out
    with the label they printed; in the shipped schema the boxes stand where they stood."""
    for c in schema.categories:
        before, today = (
            layout_form(schema, "checklist", (c.id,), lang, edition) for edition in (3, 4)
        )
        assert [(b.path, b.page, b.rect) for b in before.boxes] == [
            (b.path, b.page, b.rect) for b in today.boxes
        ]
        texts = {t.text for t in before.texts}, {t.text for t in today.texts}
        assert (printed in texts[0], now in texts[0]) == (True, False)
        assert (printed in texts[1], now in texts[1]) == (False, True)


def test_pdfium_fill_stores_and_prints_every_script(schema: Schema) -> None:
    form = make(schema)
    values = {
        "psychotherapie.1.name": UNICODE["turkish"],
        "psychotherapie.1.city": UNICODE["polish"],
        "psychotherapie.1.contact_name": UNICODE["cyrillic"],
        "psychotherapie.1.street": UNICODE["arabic"],
        "psychotherapie.1.traeger": UNICODE["turkish2"],
        "psychotherapie.1.concepts": f"{UNICODE['greek']} – " + "lange Beschreibung " * 30,
        "psychotherapie.1.migrant_experience": "fehlanzeige",
        "psychotherapie.1.languages_offered.fa": True,
        "psychotherapie.1.region": "Dormagen",
    }
    filled = pdfium_fill(form.data, values)
    fields = terminal_fields(filled)
    for key in ("name", "city", "contact_name", "street", "traeger", "concepts"):
        path = f"psychotherapie.1.{key}"
        assert nfc(fields[path]["/V"]) == nfc(str(values[path])), "no silent length limit"
    assert fields["psychotherapie.1.migrant_experience"]["/V"] == "/fehlanzeige"
    assert fields["psychotherapie.1.languages_offered.fa"]["/V"] == "/Yes"
    assert fields["psychotherapie.1.region"]["/V"] == "dormagen"
    shown = "\n".join(pdfium_print_text(filled))
    for word in ("Şule Yılmaz", "Łódź", "Ольга Петренко", "Ελληνικά", "Çiğdem Öztürk-İnce"):
        assert word in shown, f"{word} not displayed when PDFium prints"
    assert "مركز" in shown or "الاستشارة" in shown


@pytest.fixture(scope="module")
def mixed(schema: Schema) -> tuple[GeneratedForm, list[list[str]]]:
    """An institution's form prefilled with Arabic and Persian mixed with German, and the lines
    of each page as PDFium prints them, as they stand on the page."""
    record = sample_record(
        concepts="Beratung auf Arabisch.\nTermine: اتصل بنا على 0211 123456 من الساعة 9 إلى 13",
        plans="يقدم مركز النور استشارات نفسية في مدينة دوسلدورف ويعمل مع Dolmetscherinnen und "
        "Dolmetschern aus Düsseldorf, Neuss, Meerbusch, Dormagen, Grevenbroich und dem "
        "Rhein-Kreis في المدينة منذ سنوات",
        contact_name="Dr. Fatima Al-Sayed (فاطمة السيد)",
    )
    record["institution"].update(
        name="مركز النور (فرع نويس)",
        traeger="مركز النور – Beratung für Familien",
        street="شارع النور 12",
        city="خیابان ولی‌عصر ۱۲",
    )
    form = make(schema, "institution", ("psychotherapie",), record)
    return form, drawn_lines(pdfium_flatten(form.data))


def test_prefilled_names_mixing_arabic_and_german_read_in_order(
    mixed: tuple[GeneratedForm, list[list[str]]],
) -> None:
    lines = [line for page in mixed[1] for line in page]
    # parentheses in Arabic text face the words they enclose (they were drawn ")…(")
    assert f"({right_to_left('فرع نويس')}) {right_to_left('مركز النور')}" in lines
    # Arabic first: the line is right to left, the German part stands on the left; the house
    # number is read after the street (from the right)
    shown = "\n".join(lines)
    assert f"Beratung für Familien – {right_to_left('مركز النور')}" in shown
    assert f"12 {right_to_left('شارع النور')}" in shown
    # the zero-width non-joiner has no width of its own: drawn after its ی (in the order
    # typed, as PDFium draws), pdfplumber reads it right of ی, with a space for the gap to ل
    assert f"۱۲ {right_to_left('خیابان ولیعصر')}" in shown.replace("\u200c ", "")
    assert f"Dr. Fatima Al-Sayed ({right_to_left('فاطمة السيد')})" in lines


def test_prefilled_arabic_sentence_in_a_german_line_keeps_its_numbers_in_it(
    mixed: tuple[GeneratedForm, list[list[str]]],
) -> None:
    # one right-to-left phrase with its numbers in it (its pieces were set left to right:
    # "اتصل بنا على 0211 123456 من الساعة 9 إلى 13" read from the right came out scrambled)
    arabic = f"13 {right_to_left('إلى')} 9 {right_to_left('من الساعة')} 123456 0211"
    lines = [line for page in mixed[1] for line in page]
    assert f"Termine: {arabic} {right_to_left('اتصل بنا على')}" in lines


def test_prefilled_long_arabic_note_stays_right_to_left_on_every_line(
    mixed: tuple[GeneratedForm, list[list[str]]],
) -> None:
    # the line that starts with German words goes on an Arabic paragraph: the German words
    # stand at its right, where the reader goes on (they stood at the left, read last)
    (line,) = [line for page in mixed[1] for line in page if "Grevenbroich" in line]
    assert line.startswith(right_to_left("في المدينة منذ سنوات") + " ")
    assert line.endswith("Grevenbroich und dem Rhein-Kreis")


def test_footer_names_an_arabic_institution_before_the_schema(
    mixed: tuple[GeneratedForm, list[list[str]]],
) -> None:
    # the schema stood left of the name, as if it were its last words
    name = f"({right_to_left('فرع نويس')}) {right_to_left('مركز النور')}"
    for page in mixed[1]:
        assert f"{name} · arbeitshilfe_migration_psychiatrie 1.0.0" in page


def _box_lines(data: bytes, schema: Schema, path: str) -> list[dict[str, Any]]:
    """The text lines (pdfplumber) drawn in the box of field ``path`` of an institution form
    for "psychotherapie" (as :func:`mixed`), top to bottom."""
    layout = layout_form(schema, "institution", ("psychotherapie",), "de")
    (box,) = [b for b in layout.boxes if b.path == path]
    r = box.rect
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[box.page]
        inside = page.within_bbox((r.x0, page.height - r.y1, r.x1, page.height - r.y0))
        lines: list[dict[str, Any]] = inside.extract_text_lines()
        return [{**ln, "x0": ln["x0"] - r.x0, "x1": r.x1 - ln["x1"]} for ln in lines]


def _gaps(data: bytes, schema: Schema, path: str) -> list[tuple[float, float]]:
    """How far each text line drawn in the box of field ``path`` stands from the box's left and
    right edge (the institution form of :func:`mixed`)."""
    return [(ln["x0"], ln["x1"]) for ln in _box_lines(data, schema, path)]


def test_prefilled_right_to_left_values_stand_against_the_right_edge(
    schema: Schema, mixed: tuple[GeneratedForm, list[list[str]]]
) -> None:
    printed = pdfium_flatten(mixed[0].data)
    # an Arabic name, and every line of a long Arabic note: 2 pt from the right edge, as a
    # German value stands 2 pt from the left (they stood at the left edge, read from the right)
    for path, count in (("institution.name", 1), ("psychotherapie.plans", 2)):
        lines = _gaps(printed, schema, path)
        assert len(lines) >= count
        for left, right in lines:
            assert right == pytest.approx(2, abs=0.3) and left > 40, path
    ((left, right),) = _gaps(printed, schema, "psychotherapie.contact_name")
    assert left == pytest.approx(2, abs=0.3) and right > 40
    # /Q stays 0 (left): a German name typed over the Arabic one later stands at the left
    typed = pdfium_fill(mixed[0].data, {"institution.name": "Beratungsstelle Lichtblick"})
    ((left, right),) = _gaps(pdfium_flatten(typed), schema, "institution.name")
    assert left < 4 and right > 40


LONG = {
    "institution.traeger": "Stowarzyszenie Pomocy Psychologicznej dla Migrantów i Uchodźców "
    "„Przystań” w Düsseldorfie e.V.",
    "institution.street": "Çiğdem-Öztürk-İnce-Straße 125a, Hinterhaus, 3. Obergeschoss links",
    "institution.website": "https://www.psychosoziale-beratungsstelle-duesseldorf.example.org/"
    "angebote/gefluechtete/beratung-in-der-muttersprache-mit-dolmetschern",
    "psychotherapie.contact_role": "يقدم مركز النور استشارات نفسية في مدينة دوسلدورف ويعمل مع "
    "المترجمين",
}


@pytest.fixture(scope="module")
def long_values(schema: Schema) -> GeneratedForm:
    """An institution's form prefilled with values too long for one line of their boxes."""
    record = sample_record(contact_role=LONG["psychotherapie.contact_role"])
    record["institution"].update(
        {key.split(".")[1]: v for key, v in LONG.items() if key.startswith("institution.")},
        name="Şule Yılmaz Beratungsstelle für Geflüchtete und Migrantinnen " * 6,
    )
    return make(schema, "institution", ("psychotherapie",), record)


def test_a_long_prefilled_value_wraps_in_its_box_and_reads_back_whole(
    schema: Schema, long_values: GeneratedForm
) -> None:
    # it was drawn on one line shrunk to 6 pt and cut off: only a click showed all of it
    fields = terminal_fields(long_values.data)
    with pikepdf.open(io.BytesIO(long_values.data)) as pdf:
        size = {_full_name(a): str(a.DA).split()[1] for page in pdf.pages for a in page.Annots}
    printed = pdfium_flatten(long_values.data)
    for path, value in LONG.items():
        assert fields[path]["/V"] == value
        # multi-line on this form, in a size that fits the box: a viewer's own appearance
        # (after a change, or after pdf.js dropped formgen's) wraps it as well
        assert fields[path]["/Ff"] & FF_MULTILINE, path
        lines = _box_lines(printed, schema, path)
        drawn = {ch["size"] for ln in lines for ch in ln["chars"]}
        if path == "institution.website":  # a one-line box: wrapped, smaller
            assert size[path] == "0" and len(lines) == 2 and 7 <= min(drawn) < 10
        elif path == "institution.traeger":  # more than two lines at 10 pt: two at 8.5
            assert size[path] == "0" and len(lines) == 2 and drawn == {8.5}
        else:  # a box two lines high (edition 5) holds it at the field's 10 pt
            assert size[path] == "10" and len(lines) == 2 and drawn == {10}, path
    for path in ("institution.traeger", "institution.street", "institution.website"):
        drawn = "".join(ln["text"] for ln in _box_lines(printed, schema, path))
        assert drawn.replace(" ", "") == LONG[path].replace(" ", "")
    # a web address is broken after a slash, before a dot or a hyphen, not inside a word
    # („exam / ple“) nor after a hyphen or dot of its own („…zentrum-“ / „duesseldorf“)
    web = [ln["text"] for ln in _box_lines(printed, schema, "institution.website")]
    assert web[0][-1] == "/" or web[1][0] in ".-"
    assert web[0] + web[1] == LONG["institution.website"]
    for left, right in _gaps(printed, schema, "psychotherapie.contact_role"):
        assert right == pytest.approx(2, abs=0.3) and left > 4  # Arabic: from the right edge
    # a value that fits stays one line, in the field's size
    assert not fields["institution.postcode"].get("/Ff", 0) & FF_MULTILINE
    assert size["institution.postcode"] == size["institution.city"] == "10"
    # longer than two lines at the smallest size: what does not fit is marked „…“
    name = _box_lines(printed, schema, "institution.name")
    assert len(name) == 2 and name[-1]["text"].endswith("…")
    assert fields["institution.name"]["/V"].startswith("Şule Yılmaz")

    # saved by a viewer, every value comes back exactly; one typed over wraps in PDFium too
    typed = "Fundacja Ośrodek Wsparcia Psychologicznego dla Uchodźców i Migrantów, Łódź"
    for saved in (
        pdfium_fill(long_values.data, {"institution.city": "Neuss"}),
        pdfium_fill(long_values.data, {"institution.traeger": typed}),
    ):
        values = read_acroform(saved, "back.pdf").values
        for path, value in LONG.items():
            assert values[path] == value or (path, values[path]) == ("institution.traeger", typed)
    assert len(_box_lines(pdfium_flatten(saved), schema, "institution.traeger")) == 2


def test_a_note_of_more_lines_than_its_box_shows_never_joins_two_of_them(schema: Schema) -> None:
    # a 14-line note in a box of 9 lines at the smallest size: line 9 ran on into line 10 and
    # ended „Z…“; now each line shown is one line of the note, the last one shown ends in „…“
    days = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag") * 3
    note = "\n".join(f"Zeile {i}: Gruppenangebot auf Türkisch, jeden {days[i]}" for i in range(14))
    form = make(schema, "institution", ("psychotherapie",), sample_record(concepts=note))
    assert terminal_fields(form.data)["psychotherapie.concepts"]["/V"] == note
    printed = pdfium_flatten(form.data)
    lines = [ln["text"] for ln in _box_lines(printed, schema, "psychotherapie.concepts")]
    written = note.split("\n")
    assert 5 <= len(lines) < len(written)
    assert lines[:-1] == written[: len(lines) - 1]
    assert lines[-1] == written[len(lines) - 1] + "…"
    # a line of the note longer than the box: the rest of it cut, not the next line joined
    note = "\n".join(["kurz", "lang " * 400, "danach"])
    form = make(schema, "institution", ("psychotherapie",), sample_record(concepts=note))
    printed = pdfium_flatten(form.data)
    lines = [ln["text"] for ln in _box_lines(printed, schema, "psychotherapie.concepts")]
    assert lines[0] == "kurz" and lines[-1].startswith("lang") and lines[-1].endswith("…")
    assert "danach" not in "".join(lines)


def test_a_huge_prefilled_value_is_drawn_in_bounded_time_and_kept_whole(schema: Schema) -> None:
    # a register value of 100,000 characters, or of 5,000 lines (an imported cell, a return):
    # wrapping it into its box measured all of it again for each character cut off (minutes
    # for one form); now only what the box can show is wrapped, ending in „…“
    rng = random.Random(11)
    values = {
        "name": "\n".join(f"Zeile {i}" for i in range(5_000)),
        "street": "".join(rng.choice("abcdefghijklmnopqrstuvwxyzäöüşğ") for _ in range(100_000)),
        "website": " ".join(
            "".join(rng.choice("ابتثجحخدذرزسشصضطظعغفقكلمنهوي") for _ in range(rng.randint(2, 8)))
            for _ in range(20_000)
        ),
    }
    record = sample_record()
    record["institution"].update(values)
    start = time.perf_counter()
    form = make(schema, "institution", ("psychotherapie",), record)
    assert time.perf_counter() - start < 30  # before: > 300 s
    fields = terminal_fields(form.data)
    printed = pdfium_flatten(form.data)
    for key, value in values.items():
        assert fields[f"institution.{key}"]["/V"] == value
        lines = _box_lines(printed, schema, f"institution.{key}")
        last = lines[-1]["text"]
        assert 1 <= len(lines) <= 3, key
        # „…“ where the last line ends: on the left of a right-to-left (Arabic) one
        assert last.startswith("…") if key == "website" else last.endswith("…"), key
    assert _box_lines(printed, schema, "institution.name")[0]["text"] == "Zeile 0"
    # the footer names the institution on one line: its line breaks as spaces, not as boxes
    with pdfplumber.open(io.BytesIO(form.data)) as pdf:
        assert "\nZeile 0 Zeile 1 Zeile 2 Zeile 3 " in pdf.pages[0].extract_text()


TYPED_LONG = {
    "institution.street": "Kaiser-Wilhelm-Ring 12–14, Hinterhaus, 3. OG, Eingang über den Hof",
    "institution.traeger": "Türkisch-Deutscher Verein Şişli e.V., Mitglied im Paritätischen",
    "psychotherapie.contact_name": "Ольга Петренко",
    "psychotherapie.contact_role": "Leitung der Fachstelle für Migration, Flucht und seelische "
    "Gesundheit",
}


@pytest.mark.external
@pytest.mark.skipif(
    not shutil.which("pdftocairo"), reason="poppler-utils (pdftocairo) not installed"
)
def test_a_long_value_typed_in_a_two_line_box_wraps_at_10_pt_and_a_printed_copy_holds_it(
    schema: Schema, tmp_path: Path
) -> None:
    """A text box in half a line (Träger, street, the contact's name and role) is two lines
    high, multi-line at 10 pt (layout edition 5): typed in PDFium, a long value wraps at 10 pt, a short one stays
    at 10 pt on one line; poppler's printed copy is read back whole, with no cut-off note. In
    a one-line box PDFium and poppler cut „…, Eingang über den Hof“ off (read „…den Ho“); with
    the size left to the viewer (/DA 0) „Ольга Петренко“ was drawn at 18 pt, poppler 20 pt."""
    form = make(schema, "institution", ("psychotherapie",), sample_record())  # typed over
    layout = layout_form(schema, "institution", ("psychotherapie",), "de")
    with pikepdf.open(io.BytesIO(form.data)) as pdf:
        annots = {_full_name(a): a for page in pdf.pages for a in page.Annots if "/DA" in a}
        for path in (*TYPED_LONG, "institution.postcode", "institution.website"):
            two = path in TYPED_LONG  # a postcode and a box of the line's width: one line
            (box,) = [b for b in layout.boxes if b.path == path]
            assert box.rect.y1 - box.rect.y0 == (TWO_LINE_BOX_HEIGHT if two else 20), path
            assert bool(int(annots[path].get("/Ff", 0)) & FF_MULTILINE) == two, path
            assert str(annots[path].DA).split()[1] == "10", path
    filled = pdfium_fill(form.data, TYPED_LONG)
    printed = pdfium_flatten(filled)
    for path in TYPED_LONG:
        lines = _box_lines(printed, schema, path)
        assert {ch["size"] for ln in lines for ch in ln["chars"]} == {FIELD_FONT_SIZE}, path
        assert len(lines) == (1 if path.endswith("contact_name") else 2), path
    (tmp_path / "filled.pdf").write_bytes(filled)
    subprocess.run(
        ["pdftocairo", "-pdf", str(tmp_path / "filled.pdf"), str(tmp_path / "copy.pdf")],
        check=True,
    )
    copy = (tmp_path / "copy.pdf").read_bytes()
    sub = read_flattened(copy, "copy.pdf", schema=schema, lookup=lambda _: form.identity)
    assert {path: sub.values[path] for path in TYPED_LONG} == TYPED_LONG
    assert not [note for note in sub.notes if note.endswith(CUT_OFF)]
    # more than two lines: the copy cuts it off, and the reader says so
    street = "Kaiser-Wilhelm-Ring 12–14, Hinterhaus, 3. OG, Eingang über den Hof, dann links die "
    street += "Treppe hoch bis zur Glastür, klingeln bei „Beratung“ (Aufzug im Vorderhaus)"
    (tmp_path / "filled.pdf").write_bytes(pdfium_fill(form.data, {"institution.street": street}))
    subprocess.run(
        ["pdftocairo", "-pdf", str(tmp_path / "filled.pdf"), str(tmp_path / "copy.pdf")],
        check=True,
    )
    copy = (tmp_path / "copy.pdf").read_bytes()
    sub = read_flattened(copy, "copy.pdf", schema=schema, lookup=lambda _: form.identity)
    assert (
        street.startswith(sub.values["institution.street"])
        and sub.values["institution.street"] != street
    )
    cut = [note.partition(":")[0] for note in sub.notes if note.endswith(CUT_OFF)]
    assert cut == ["institution.street"]


@pytest.mark.external
@pytest.mark.skipif(
    not shutil.which("pdftocairo"), reason="poppler-utils (pdftocairo) not installed"
)
def test_poppler_print_path_rebuilds_appearances_with_the_field_font(
    schema: Schema, tmp_path: Path
) -> None:
    """As after pdf.js saved it: values without appearances, NeedAppearances set."""
    form = make(schema)
    values = {
        "name": UNICODE["turkish"],
        "city": UNICODE["polish"],
        "traeger": UNICODE["cyrillic"],
        "catchment_area": UNICODE["greek"],
    }
    with pikepdf.open(io.BytesIO(form.data)) as pdf:
        for annot in pdf.pages[0].Annots:
            if str(annot.get("/T", "")) in values and str(annot.Parent.T) == "1":
                annot.V = pikepdf.String(values[str(annot.T)])
                del annot["/AP"]
        pdf.Root.AcroForm.NeedAppearances = True
        pdf.save(tmp_path / "in.pdf")
    subprocess.run(
        ["pdftocairo", "-pdf", str(tmp_path / "in.pdf"), str(tmp_path / "out.pdf")], check=True
    )
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "out.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for word in values.values():
        assert word in text, f"poppler did not show {word}"


@pytest.mark.external
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) not installed")
def test_poppler_reads_prefilled_arabic_and_persian_as_written(schema: Schema) -> None:
    """A prefilled value as poppler (Evince, Okular, pdftotext) reads, searches and copies it:
    as written, a lam-alef's letters in their order („الأمل“ came out „األمل“)."""
    record = sample_record()
    record["institution"] |= {"name": "مركز الأمل للاستشارات", "city": "کوچه یاس ۱۲"}
    form = make(schema, "institution", ("psychotherapie",), record)
    out = subprocess.run(["pdftotext", "-", "-"], input=form.data, capture_output=True, check=True)
    text = out.stdout.decode()
    assert "مركز الأمل للاستشارات" in text and "کوچه یاس" in text


# --------------------------------------------------------------------------- bad input


def test_unknown_category(schema: Schema) -> None:
    with pytest.raises(UnknownCategoryError, match="unknown category 'nope'"):
        make(schema, categories=("nope",))


@pytest.mark.parametrize(
    ("entries", "match"),
    [
        ({"share_migrants": 140}, r"psychotherapie\.share_migrants: 140 is outside 0–100"),
        ({"migrant_experience": "vielleicht"}, r"migrant_experience: 'vielleicht' is not a choice"),
        ({"languages_offered": "tr"}, r"languages_offered: a language_list value must be a list"),
    ],
)
def test_prefill_values_a_field_cannot_hold_name_the_field(
    schema: Schema, entries: dict[str, Any], match: str
) -> None:
    with pytest.raises(RecordError, match=match):
        make(schema, "institution", ("psychotherapie",), sample_record(**entries))


def test_prefill_values_kept_as_typed_are_shown_as_typed(schema: Schema) -> None:
    """What the register keeps as typed and flags (a postcode that is none, a value over the
    field's length, a line break in a one-line field) is on the form, to be corrected."""
    record = sample_record(initials="Ş. Yılmaz, Praxis", contact_role="Leitung\nTherapie")
    record["institution"] |= {"postcode": "40211 Düsseldorf", "name": "Praxis Łódź " * 20}
    form = make(schema, "institution", ("psychotherapie",), record)
    fields = terminal_fields(form.data)
    assert fields["institution.postcode"]["/V"] == "40211 Düsseldorf"
    assert fields["institution.name"]["/V"] == "Praxis Łódź " * 20
    assert fields["psychotherapie.initials"]["/V"] == "Ş. Yılmaz, Praxis"
    assert fields["psychotherapie.contact_role"]["/V"] == "Leitung\nTherapie"
    shown = "\n".join(pdfium_print_text(form.data))
    assert "40211 Düsseldorf" in shown and "Leitung Therapie" in shown


def test_every_field_type_is_placed(schema: Schema) -> None:
    layout = layout_form(schema, "checklist", ("sonstiges",), "de")
    kinds = {b.field.type for b in layout.boxes}
    assert kinds >= {
        FieldType.TEXT,
        FieldType.TEXTAREA,
        FieldType.DATE,
        FieldType.PERCENTAGE,
        FieldType.PHONE,
        FieldType.EMAIL,
        FieldType.URL,
        FieldType.SELECT_ONE,
        FieldType.YES_NO_NONE,
        FieldType.LANGUAGE_LIST,
        FieldType.INITIALS,
    }
    assert sum(1 for b in layout.boxes if b.path.endswith(".15.name")) == 1


@pytest.mark.external
@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf not installed")
def test_qpdf_finds_no_structural_errors(schema: Schema, tmp_path: Path) -> None:
    path = tmp_path / "form.pdf"
    path.write_bytes(make(schema, "institution", ("psychotherapie",), sample_record()).data)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_pdf_writer_escapes_strings_and_names() -> None:
    from formgen.pdf_write import Name, Ref, serialize

    assert serialize({"T": "a(b)\\c"}) == b"<< /T (a\\(b\\)\\\\c) >>"
    assert serialize("Şule") == b"<FEFF015E0075006C0065>"
    assert serialize("Zeile 1\nZeile 2").startswith(b"<FEFF")
    assert (
        serialize([Name("a b"), Ref(3), 1.5, 2.0, True, None]) == b"[/a#20b 3 0 R 1.5 2 true null]"
    )


def test_select_one_as_checkboxes_is_one_field_with_an_on_state_per_choice(schema: Schema) -> None:
    from dataclasses import replace

    from formgen.model import Field

    def boxes(f: Field) -> Field:
        return replace(f, widget="checkboxes") if f.id == "region" else f

    custom = schema.with_fields(boxes)
    record = sample_record()
    form = make(custom, "institution", ("psychotherapie",), record)
    with pikepdf.open(io.BytesIO(form.data)) as pdf:
        field = next(
            kid
            for top in pdf.Root.AcroForm.Fields
            if str(top.T) == "institution"
            for kid in top.Kids
            if str(kid.T) == "region"
        )
        states = [next(str(k) for k in kid.AP.N if k != "/Off") for kid in field.Kids]
        assert states == [f"/{c.value}" for c in schema.regions]
        assert field.V == "/duesseldorf"
        assert [str(kid.AS) for kid in field.Kids].count("/duesseldorf") == 1


def test_all_printed_text_keeps_the_margins(schema: Schema) -> None:
    from formgen.layout import text_width

    margin = 15 * 72 / 25.4
    for kind in ("checklist", "institution"):
        layout = layout_form(schema, kind, ("psychotherapie", "sonstiges"), "de")
        for t in layout.texts:
            assert t.x >= margin and t.x + text_width(t.text, t.size) <= PAGE_WIDTH - margin, t
            assert margin <= t.y <= PAGE_HEIGHT - margin, t


def test_characters_the_font_lacks_are_reported(schema: Schema) -> None:
    record = sample_record()
    record["institution"]["traeger"] = "中文 Träger"
    form = make(schema, "institution", ("psychotherapie",), record)
    assert len(form.warnings) == 1
    assert form.warnings[0].startswith("institution.traeger: 中文 cannot be shown")
    assert terminal_fields(form.data)["institution.traeger"]["/V"] == "中文 Träger"
    assert make(schema, "institution", ("psychotherapie",), sample_record()).warnings == ()


def test_characters_the_font_lacks_are_listed_as_they_stand(schema: Schema) -> None:
    """In the order typed, each emoji whole: a flag's two letters (🇵🇱, not 🇱🇵 as sorted
    code points gave), a skin tone, a ZWJ sequence, a keycap; each once."""
    note = "Treffen 🤝 – Gruppe 🇵🇱 👍🏽, 👩‍💻 und 1️⃣ 🤝 🇵🇱"
    form = make(schema, "institution", ("psychotherapie",), sample_record(concepts=note))
    assert form.warnings == (
        "psychotherapie.concepts: 🤝🇵🇱👍🏽👩‍💻1️⃣ cannot be shown by the form's font; the value "
        "is stored but these characters print as empty boxes",
    )
    assert terminal_fields(form.data)["psychotherapie.concepts"]["/V"] == note
