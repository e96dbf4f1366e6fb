"""Generated DOCX forms, read back with python-docx and the zip's XML (never compared as bytes)."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from fontTools.ttLib import TTFont
from ingest_support import libreoffice
from lxml import etree
from test_docx_reader import edit, type_into
from test_docx_reader import sdt as tagged

from formgen.docx_form import _FONT_KEYS, FONT, obfuscate_font, render_docx
from formgen.docx_xml import qn
from formgen.errors import UnknownCategoryError
from formgen.fonts import font_path
from formgen.forms import FormRequest, GeneratedForm, new_identity
from formgen.identity import FormIdentity
from formgen.model import (
    OTHER,
    Field,
    FieldPath,
    iter_checklist_paths,
    iter_institution_paths,
    option_values,
)
from formgen.record import record_from_json
from formgen.schema_load import default_schema
from ingest.docx_reader import read_docx

SECRET = b"test-secret-0123456789abcdef0123"
SCHEMA = default_schema()
RECORD = {
    "id": "inst-0001",
    "base_version": 4,
    "categories": ["psychotherapie", "rechtsanwaelte"],
    "institution": {
        "name": "Beratungszentrum Çiğdem Öztürk-İnce",
        "traeger": "Ольга Петренко e.V.",
        "city": "Łódź",
        "region": "dormagen",
        "opening_hours": "Mo–Fr 9–13 Uhr\nΕλληνικά: Δευτέρα",
    },
    "entries": {
        "psychotherapie": {
            "languages_offered": ["fa", "ar", "ta"],
            "languages_offered._other": "Urdu",
            "migrant_experience": "fehlanzeige",
            "share_migrants": 35,
            "concepts": "مركز الاستشارة",
            "date": "2025-09-24",
        }
    },
}


def make(kind: str, categories: tuple[str, ...], lang: str = "de", seed: int = 1) -> GeneratedForm:
    record = record_from_json(SCHEMA, RECORD) if kind == "institution" else None
    request = FormRequest(kind, categories, record, lang, "2026-11-22")
    identity = new_identity(SCHEMA, request, SECRET, random.Random(seed))
    return render_docx(SCHEMA, request, identity)


@pytest.fixture(scope="module")
def checklist() -> GeneratedForm:
    return make("checklist", ("krisendienst", "rechtsanwaelte"))


@pytest.fixture(scope="module")
def institution() -> GeneratedForm:
    return make("institution", ("psychotherapie", "rechtsanwaelte"))


def part(form: GeneratedForm, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(form.data)).read(name))


def tags(form: GeneratedForm) -> list[str]:
    doc = part(form, "word/document.xml")
    return [t.get(qn("w:val")) for t in doc.iter(qn("w:tag"))]


def expected_paths(pairs: Iterator[tuple[FieldPath, Field]]) -> list[str]:
    out = []
    for path, f in pairs:
        if f.is_multi:
            out += [
                str(FieldPath(path.category, path.block, path.field, o)) for o in option_values(f)
            ]
            out.append(str(FieldPath(path.category, path.block, path.field, OTHER)))
        else:
            out.append(str(path))
    return out


def test_python_docx_opens_it_as_a4_with_tables(checklist: GeneratedForm) -> None:
    document = docx.Document(io.BytesIO(checklist.data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    # one table per entry block
    blocks = (
        SCHEMA.category("krisendienst").entry_blocks
        + SCHEMA.category("rechtsanwaelte").entry_blocks
    )
    assert len(document.tables) == blocks
    assert checklist.suffix == ".docx"


def test_checklist_tags_are_exactly_the_schema_paths(checklist: GeneratedForm) -> None:
    expected = expected_paths(iter_checklist_paths(SCHEMA, ["krisendienst", "rechtsanwaelte"]))
    assert sorted(tags(checklist)) == sorted(expected)
    assert len(set(tags(checklist))) == len(tags(checklist))


def test_institution_tags_are_exactly_the_schema_paths(institution: GeneratedForm) -> None:
    expected = expected_paths(iter_institution_paths(SCHEMA, ["psychotherapie", "rechtsanwaelte"]))
    assert sorted(tags(institution)) == sorted(expected)
    assert "institution.name" in tags(institution)
    assert "psychotherapie.languages_offered.fa" in tags(institution)
    assert "psychotherapie.languages_offered._other" in tags(institution)


def test_every_control_is_inline_with_alias_and_id(checklist: GeneratedForm) -> None:
    doc = part(checklist, "word/document.xml")
    ids = []
    for sdt in doc.iter(qn("w:sdt")):
        assert sdt.getparent().tag == qn("w:p"), "block-level control"
        pr = sdt.find(qn("w:sdtPr"))
        assert pr.find(qn("w:alias")).get(qn("w:val"))
        ids.append(pr.find(qn("w:id")).get(qn("w:val")))
    assert len(ids) == len(set(ids))


def test_control_kinds_follow_field_types(checklist: GeneratedForm) -> None:
    doc = part(checklist, "word/document.xml")
    kinds = {}
    for sdt in doc.iter(qn("w:sdt")):
        pr = sdt.find(qn("w:sdtPr"))
        tag = pr.find(qn("w:tag")).get(qn("w:val"))
        kinds[tag] = pr[-1]
    assert kinds["krisendienst.1.region"].tag == qn("w:dropDownList")
    region_items = [i.get(qn("w:value")) for i in kinds["krisendienst.1.region"]]
    assert region_items == [r.value for r in SCHEMA.regions]
    yes_no = kinds["krisendienst.2.migrant_experience"]
    assert [(i.get(qn("w:value")), i.get(qn("w:displayText"))) for i in yes_no] == [
        ("ja", "Ja"),
        ("nein", "Nein"),
        ("fehlanzeige", "Fehlanzeige"),
    ]
    assert kinds["krisendienst.1.date"].tag == qn("w:date")
    assert (
        kinds["krisendienst.1.languages_offered.fa"].tag
        == "{http://schemas.microsoft.com/office/word/2010/wordml}checkbox"
    )
    assert kinds["krisendienst.1.concepts"].get(qn("w:multiLine")) == "1"
    assert kinds["krisendienst.1.name"].get(qn("w:multiLine")) is None


def test_blank_checklist_shows_only_placeholders(checklist: GeneratedForm) -> None:
    doc = part(checklist, "word/document.xml")
    for sdt in doc.iter(qn("w:sdt")):
        pr = sdt.find(qn("w:sdtPr"))
        if pr.find("{http://schemas.microsoft.com/office/word/2010/wordml}checkbox") is None:
            assert pr.find(qn("w:showingPlcHdr")) is not None
    sub = read_docx(checklist.data, "blank.docx")
    assert {k: v for k, v in sub.values.items() if v is not False} == {}
    assert sub.notes == ()


def test_identity_in_custom_properties(institution: GeneratedForm) -> None:
    root = part(institution, "docProps/custom.xml")
    props = {p.get("name"): p[0].text or "" for p in root}
    assert props == {k: v for k, v in institution.identity.to_fields().items()}
    again = FormIdentity.from_fields(props)
    assert again == institution.identity
    assert again.verify(SECRET)
    assert again.institution_id == "inst-0001" and again.base_version == 4


def test_footer_has_stand_reference_and_page_fields(institution: GeneratedForm) -> None:
    footer = part(institution, "word/footer1.xml")
    text = "".join(footer.itertext())
    assert "Stand: 22.11.2026" in text
    assert institution.identity.reference in text
    instr = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]
    document = docx.Document(io.BytesIO(institution.data))
    assert institution.identity.reference in document.sections[0].footer.paragraphs[0].text


def test_an_english_form_writes_dates_as_english_texts_do_and_reads_them_back() -> None:
    """Footer, hint, date picker and how-to say one way of writing a date, YYYY-MM-DD (as the
    English mail, status and print do); the prefilled date is read back as the same day."""
    form = make("institution", ("psychotherapie",), lang="en")
    assert "As of: 2026-11-22" in "".join(part(form, "word/footer1.xml").itertext())
    text = "".join(part(form, "word/document.xml").itertext())
    assert "type the date as YYYY-MM-DD" in text and "DD.MM.YYYY" not in text
    assert "2025-09-24" in text and "24.09.2025" not in text
    assert read_docx(form.data, "en.docx").values["psychotherapie.date"] == "2025-09-24"


def test_forms_protection_without_password_and_embedded_font(institution: GeneratedForm) -> None:
    settings = part(institution, "word/settings.xml")
    protection = settings.find(qn("w:documentProtection"))
    assert protection.get(qn("w:edit")) == "forms"
    assert protection.get(qn("w:hash")) is None and protection.get(qn("w:hashValue")) is None
    assert settings.find(qn("w:embedTrueTypeFonts")) is not None
    fonts = part(institution, "word/fontTable.xml")
    font = fonts.find(qn("w:font"))
    assert font.get(qn("w:name")) == FONT
    assert font.find(qn("w:embedRegular")).get(qn("w:fontKey")) == _FONT_KEYS["Regular"]
    assert font.find(qn("w:embedBold")).get(qn("w:fontKey")) == _FONT_KEYS["Bold"]


@pytest.mark.parametrize(("part_name", "key"), [("font1", "Regular"), ("font2", "Bold")])
def test_the_embedded_fonts_are_cut_to_the_scripts_people_write(
    institution: GeneratedForm, part_name: str, key: str
) -> None:
    """Each face is an obfuscated TrueType font (ECMA-376 §17.8.1) named as in the font table,
    a third of the whole font, holding every character of the form (German, Turkish, Polish,
    Greek, Cyrillic, Arabic) and of what people type, and the tables Word and LibreOffice join
    Arabic letters with: Sorani ێ and Pashto ښ have their joined forms only there."""
    embedded = zipfile.ZipFile(io.BytesIO(institution.data)).read(f"word/fonts/{part_name}.odttf")
    data = obfuscate_font(embedded, _FONT_KEYS[key])
    assert embedded[:4] != b"\x00\x01\x00\x00" and data[:4] == b"\x00\x01\x00\x00"
    assert len(data) < font_path(bold=key == "Bold").stat().st_size / 2
    with TTFont(io.BytesIO(data)) as font:
        assert font["name"].getDebugName(1) == FONT
        assert font["OS/2"].fsType == 0  # installable: Word uses it for editing too
        shown = "".join(
            t.text or ""
            for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml")
            for t in part(institution, name).iter(qn("w:t"))
        )
        typed = "Şule Yılmaz Zażółć gęślą jaźń Ольга Ελληνικά مركز الأمل پناه\u200cجویان ێڵڕە ښځټ"
        assert set(shown + typed) - {chr(cp) for cp in font.getBestCmap()} == set()
        features = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
        assert {"init", "medi", "fina", "rlig"} <= features


def test_prefilled_values_come_back_in_any_script(institution: GeneratedForm) -> None:
    sub = read_docx(institution.data, "inst.docx")
    values = {k: v for k, v in sub.values.items() if v is not False}
    assert values == {
        "institution.name": "Beratungszentrum Çiğdem Öztürk-İnce",
        "institution.traeger": "Ольга Петренко e.V.",
        "institution.city": "Łódź",
        "institution.region": "dormagen",
        "institution.opening_hours": "Mo–Fr 9–13 Uhr\nΕλληνικά: Δευτέρα",
        "psychotherapie.languages_offered.fa": True,
        "psychotherapie.languages_offered.ar": True,
        # Tamil has no checkbox: it is written into the "other" box by name, with the typed text
        "psychotherapie.languages_offered._other": "Tamil, Urdu",
        "psychotherapie.migrant_experience": "fehlanzeige",
        "psychotherapie.share_migrants": "35",
        "psychotherapie.concepts": "مركز الاستشارة",
        "psychotherapie.date": "2025-09-24",
    }
    assert sub.identity == institution.identity
    assert sub.confidence == "high"


def test_each_checklist_category_starts_on_a_new_page(checklist: GeneratedForm) -> None:
    document = docx.Document(io.BytesIO(checklist.data))
    headings = [
        p for p in document.paragraphs if p.style is not None and p.style.style_id == "Heading1"
    ]
    assert [h.text for h in headings] == [
        "Checkliste: " + SCHEMA.category("krisendienst").label.get("de"),
        "Checkliste: " + SCHEMA.category("rechtsanwaelte").label.get("de"),
    ]
    breaks = [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert len(breaks) == 1  # the second category; the first follows the title on page 1
    text = "\n".join(p.text for p in document.paragraphs)
    assert SCHEMA.category("rechtsanwaelte").description.get("de") in text


def test_english_form_labels() -> None:
    form = make("checklist", ("psychotherapie",), lang="en")
    doc = part(form, "word/document.xml")
    aliases = {
        sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")): sdt.find(qn("w:sdtPr"))
        .find(qn("w:alias"))
        .get(qn("w:val"))
        for sdt in doc.iter(qn("w:sdt"))
    }
    assert aliases["psychotherapie.1.name"] == "Name of the institution (required)"
    assert "Entry 1 of 5" in "".join(doc.itertext())


def test_same_input_gives_the_same_file() -> None:
    a = make("institution", ("psychotherapie",), seed=5)
    b = make("institution", ("psychotherapie",), seed=5)
    assert a.data == b.data
    core = part(a, "docProps/core.xml")
    stamps = [e.text for e in core if e.tag.endswith(("created", "modified"))]
    assert stamps == ["2026-11-22T00:00:00Z", "2026-11-22T00:00:00Z"]


def test_unknown_category_is_refused() -> None:
    request = FormRequest("checklist", ("no_such",), stand="2026-11-22")
    identity = FormIdentity(
        SCHEMA.schema_id, SCHEMA.schema_version, "0123456789", "checklist", ("no_such",)
    )
    with pytest.raises(UnknownCategoryError, match="unknown category 'no_such'"):
        render_docx(SCHEMA, request, identity)


@pytest.mark.parametrize(("lang", "word"), [("de", "Andere:"), ("en", "Other:")])
def test_the_other_text_carries_the_same_word_in_the_word_form_and_the_pdf(
    lang: str, word: str
) -> None:
    """One schema, one word: the label before a multiple choice's "other" text is the one the
    PDF form draws left of its box (the Word form wrote „Weitere:“ where the PDF drew
    „Andere:“)."""
    import pdfplumber
    import pypdf

    from formgen.pdf_form import render_pdf

    request = FormRequest("checklist", ("psychotherapie",), None, lang, "2026-11-22")
    identity = new_identity(SCHEMA, request, SECRET, random.Random(1))
    docx_form = render_docx(SCHEMA, request, identity)
    pdf_form = render_pdf(SCHEMA, request, identity)
    other = f"psychotherapie.1.languages_offered.{OTHER}"

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx_form.data)).read("word/document.xml"))
    (sdt,) = [
        s
        for s in root.iter(qn("w:sdt"))
        if s.find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val")) == other  # type: ignore[union-attr]
    ]
    paragraph = next(a for a in sdt.iterancestors() if a.tag == qn("w:p"))
    before = "".join(t.text or "" for r in paragraph.findall(qn("w:r")) for t in r.iter(qn("w:t")))
    assert before.strip() == word

    reader = pypdf.PdfReader(io.BytesIO(pdf_form.data))
    (page, rect) = next(
        (n, [float(v) for v in a["/Rect"]])
        for n, p in enumerate(reader.pages)
        for a in (x.get_object() for x in p.get("/Annots", []))
        if a.get("/T") == "_other" and a["/Parent"].get("/T") == "languages_offered"
    )
    with pdfplumber.open(io.BytesIO(pdf_form.data)) as pdf:
        height = float(pdf.pages[page].height)
        words = pdf.pages[page].extract_words()
    beside = [
        w["text"]
        for w in words
        if w["x1"] <= rect[0] and rect[1] <= height - (w["top"] + w["bottom"]) / 2 <= rect[3]
    ]
    assert beside[-1] == word


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two ``RRGGBB`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def controls(form: GeneratedForm) -> dict[str, etree._Element]:
    doc = part(form, "word/document.xml")
    return {
        sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val")): sdt  # type: ignore[union-attr]
        for sdt in doc.iter(qn("w:sdt"))
    }


def alias(sdt: etree._Element) -> str:
    return sdt.find(f"{qn('w:sdtPr')}/{qn('w:alias')}").get(qn("w:val"))  # type: ignore[union-attr,no-any-return]


def shown(sdt: etree._Element) -> str:
    return "".join(sdt.find(qn("w:sdtContent")).itertext())  # type: ignore[union-attr]


HEARD = {
    "de": {
        "psychotherapie.1.name": ("Name der Einrichtung (Pflichtfeld)", None),
        "psychotherapie.1.languages_offered.tr": (
            "Fremdsprachliche Kenntnisse im Team: Türkisch",
            None,
        ),
        "psychotherapie.1.opening_hours": (
            "Öffnungszeiten",
            "z.\u00a0B. Mo–Fr 9–13 Uhr, Do 14–18 Uhr",
        ),
        "psychotherapie.1.date": (
            "Datum (Pflichtfeld)",
            "Datum, an dem die Angaben gemacht oder bestätigt wurden (TT.MM.JJJJ)",
        ),
        "psychotherapie.1.share_migrants": (
            "Anteil der Klientel mit Migrationsgeschichte (%)",
            "Geschätzter Anteil in Prozent, 0–100",
        ),
        "psychotherapie.1.city": ("Ort", "Bitte eintragen"),
        "psychotherapie.1.meeting_date": ("Termin zum Kennenlernen", "TT.MM.JJJJ oder MM.JJJJ"),
    },
    "en": {
        "psychotherapie.1.name": ("Name of the institution (required)", None),
        "psychotherapie.1.languages_offered.tr": ("Languages spoken in the team: Turkish", None),
        "psychotherapie.1.opening_hours": ("Opening hours", "e.g. Mon–Fri 9am–1pm, Thu 2–6pm"),
        "psychotherapie.1.date": (
            "Date (required)",
            "Date on which the information was given or confirmed (YYYY-MM-DD)",
        ),
        "psychotherapie.1.share_migrants": (
            "Share of clients with a migration history (%)",
            "Estimated share in per cent, 0–100",
        ),
        "psychotherapie.1.city": ("Town", "Enter text"),
        "psychotherapie.1.meeting_date": ("Appointment to get acquainted", "YYYY-MM-DD or YYYY-MM"),
    },
}
"""(title, hint shown while empty) of some controls of a blank checklist (None: a box, which
shows no hint)."""


@pytest.mark.parametrize("lang", sorted(HEARD))
def test_a_screen_reader_hears_that_a_field_is_required_and_its_hint(lang: str) -> None:
    """What JAWS or NVDA say for a control is its title (``w:alias``), then the hint it shows:
    as the PDF's tooltip, the label with „(Pflichtfeld)“ where the field is required (the red *
    in the next cell is not read with it), each box with its choice, and as the hint the field's
    help where it has one (a date's with the form to type it in), else what to enter."""
    sdts = controls(make("checklist", ("psychotherapie",), lang=lang))
    for path, (title, hint) in HEARD[lang].items():
        assert alias(sdts[path]) == title, path
        if hint is not None:
            assert shown(sdts[path]) == hint, path


@pytest.mark.parametrize(
    ("lang", "day", "month", "how"),
    [
        ("de", "TT.MM.JJJJ", "01.2027", "Termin auch als Monat: MM.JJJJ"),
        ("en", "YYYY-MM-DD", "2027-01", "an appointment also as a month: YYYY-MM"),
    ],
)
def test_an_appointment_may_be_a_month_in_the_word_form_as_in_the_pdf(
    tmp_path: Path, lang: str, day: str, month: str, how: str
) -> None:
    """„Termin zum Kennenlernen“ shows „TT.MM.JJJJ oder MM.JJJJ“, as the PDF form's label says,
    and the how-to text says so; it showed „TT.MM.JJJJ“ alone. A form made before, sent back
    with that hint still in the control, is blank there; a month typed into the date control
    is kept by LibreOffice's round trip and read back as typed (ingest takes it as a month)."""
    form = make("checklist", ("psychotherapie",), lang=lang)
    assert how in "".join(part(form, "word/document.xml").itertext())
    path = "psychotherapie.1.meeting_date"

    def typed(text: str) -> bytes:
        def change(root: etree._Element) -> None:
            type_into(tagged(root, path), text)

        return edit(form.data, change)

    assert path not in read_docx(typed(day), "vorher.docx").values
    saved = libreoffice(typed(month), "docx:MS Word 2007 XML", tmp_path)
    assert read_docx(saved, "Antwort.docx").values[path] == month


def test_the_hint_has_the_contrast_wcag_asks_for_on_its_cell(checklist: GeneratedForm) -> None:
    """The placeholder's colour, from the style its runs name, against the fill of the cell
    it stands in: at least 4.5:1 (WCAG 2 AA, text); Word's own grey 808080 has 3.74:1."""
    styles = part(checklist, "word/styles.xml")
    colour = {
        s.get(qn("w:styleId")): s.find(f"{qn('w:rPr')}/{qn('w:color')}").get(qn("w:val"))  # type: ignore[union-attr]
        for s in styles.iter(qn("w:style"))
        if s.find(f"{qn('w:rPr')}/{qn('w:color')}") is not None
    }
    pairs = set()
    for sdt in controls(checklist).values():
        for style in sdt.iter(qn("w:rStyle")):
            cell = next(a for a in sdt.iterancestors() if a.tag == qn("w:tc"))
            fill = cell.find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill"))  # type: ignore[union-attr]
            pairs.add((colour[style.get(qn("w:val"))], fill))
    assert pairs  # every empty control shows its hint in the placeholder style
    assert all(contrast(fg, bg) >= 4.5 for fg, bg in pairs), pairs


@pytest.mark.parametrize(
    ("lang", "keys"),
    [
        (
            "de",
            ("Tab springt zum nächsten Feld", "Umschalt+Tab", "Leertaste", "Alt+Pfeil nach unten"),
        ),
        ("en", ("Tab moves to the next field", "Shift+Tab", "Space", "Alt+Down Arrow")),
    ],
)
def test_the_intro_tells_the_keyboard_way_too(lang: str, keys: tuple[str, ...]) -> None:
    """Someone who fills the form without a mouse reads how: Tab and Shift+Tab from field to
    field (forms protection makes Word jump between the controls), Space ticks a box,
    Alt+Down Arrow opens a list; on the checklist and on the institution's own form."""
    for kind, categories in (
        ("checklist", ("psychotherapie",)),
        ("institution", ("psychotherapie",)),
    ):
        document = docx.Document(io.BytesIO(make(kind, categories, lang=lang).data))
        (intro,) = [p.text for p in document.paragraphs if keys[0] in p.text]
        assert all(key in intro for key in keys), intro


def test_no_empty_paragraph_but_the_one_word_needs_between_two_tables(
    checklist: GeneratedForm, institution: GeneratedForm
) -> None:
    """A screen reader announces every empty paragraph („leer“): the space after a table is
    the next heading's space before; an empty paragraph stands only between two entries'
    tables, as Word joins two tables with nothing between them into one."""
    for form in (checklist, institution):
        body = docx.Document(io.BytesIO(form.data)).element.body
        blocks = [child for child in body if child.tag in (qn("w:p"), qn("w:tbl"))]
        for i, block in enumerate(blocks):
            if block.tag == qn("w:p") and not "".join(block.itertext()).strip():
                assert blocks[i - 1].tag == blocks[i + 1].tag == qn("w:tbl")
        headings = [p for p in blocks if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None]
        after_table = [
            p
            for p in headings
            if blocks[blocks.index(p) - 1].tag == qn("w:tbl")
            and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "Heading1"
        ]
        for p in after_table:
            assert p.find(f"{qn('w:pPr')}/{qn('w:spacing')}").get(qn("w:before")) == "260"
    assert len(after_table) == 2  # the institution form's two checklists
