"""The reader of flattened and printed copies: identity by reference, values by position."""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import random
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2
import pytest
from click.testing import CliRunner
from ingest_support import sample_workspace
from pdf_engines import pdfium_flatten
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from formgen import pdf_form
from formgen.bidi_order import drawn_order
from formgen.cli import main
from formgen.errors import UnreadableFileError
from formgen.forms import FormRequest, new_identity
from formgen.layout import LAYOUT_EDITION, layout_for_identity, layout_form
from formgen.messages import in_language
from formgen.pdf_form import render_pdf
from formgen.record import record_from_json
from formgen.workspace import Workspace
from ingest import flat_reader
from ingest.flat_reader import (
    CUT_OFF,
    SCAN_NOTE,
    UNREADABLE,
    read_flattened,
    read_pdf,
    written_order,
)
from ingest.pdf_reader import ReadLimits
from ingest.pipeline import ingest_into_register
from ingest.report import Status

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "pdf"
DATA = Path(__file__).resolve().parent / "data" / "pdfread"
WORKSPACE = Workspace.open(ROOT / "samples" / "workspace")
SCHEMA = WORKSPACE.schema()
ISSUED = WORKSPACE.issued()
PRINTED = (SAMPLES / "institution_poppler_print.pdf").read_bytes()
FLATTENED = (SAMPLES / "institution_qpdf_flat.pdf").read_bytes()
EXPECTED = json.loads((SAMPLES / "expected.json").read_text("utf-8"))


def test_a_printed_copy_is_low_confidence_with_its_issued_identity() -> None:
    sub = read_flattened(PRINTED, "scan.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.confidence == "low" and sub.provenance.reader == "flattened-pdf"
    assert not sub.unread
    assert sub.identity == ISSUED["84G7ZWYRD6"]
    assert sub.values["institution.region"] == "dormagen"  # the shown label, mapped back
    assert sub.values["fluechtlingsberatung.migrant_experience"] == "fehlanzeige"
    assert sub.values["psychotherapie.languages_offered.ru"] is True
    assert sub.values["psychotherapie.languages_offered.ar"] is False
    assert sub.values["institution.traeger"] == "مركز الاستشارة"
    assert sub.notes[-1] == (
        "values were recovered by position from a copy without form fields "
        "(reference FG-84G7Z-WYRD6); check them before relying on them"
    )


def test_a_reference_this_workspace_never_issued_is_an_unknown_form() -> None:
    # poppler's printed copy carries no document metadata: nothing to fall back on
    sub = read_flattened(PRINTED, "scan.pdf", schema=SCHEMA, lookup=lambda _id: None)
    assert sub.identity is None and sub.values == {}
    assert sub.notes == (
        "the form reference FG-84G7Z-WYRD6 was not issued by this workspace: an unknown form "
        "(made in another workspace, or the reference was misread)",
    )


def test_the_document_metadata_stands_in_when_the_issued_log_lacks_the_form() -> None:
    # qpdf keeps /Info /FormgenIdentity when it flattens
    sub = read_flattened(FLATTENED, "flat.pdf", schema=SCHEMA, lookup=lambda _id: None)
    assert sub.identity == ISSUED["84G7ZWYRD6"]
    assert sub.identity is not None and sub.identity.verify(WORKSPACE.secret)
    assert "not in this workspace's issued forms" in sub.notes[0]
    assert sub.values["institution.name"] == "Psychosoziales Zentrum Düsseldorf"


def test_a_pdf_without_reference_is_an_unknown_form() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    buf = io.BytesIO()
    pdf.save(buf)
    sub = read_pdf(buf.getvalue(), "brief.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.identity is None and sub.values == {} and sub.confidence == "low"
    assert "no form reference (FG-XXXXX-XXXXX) found" in sub.notes[0]


def test_a_scan_is_named_as_such() -> None:
    """The printed copy as a scanner delivers it: each page a picture (rendered by PDFium),
    no text."""
    buf = io.BytesIO()
    page_pdf = canvas.Canvas(buf)
    for page in pypdfium2.PdfDocument(PRINTED):
        width, height = page.get_size()
        page_pdf.setPageSize((width, height))
        picture = page.render(scale=1).to_pil().convert("L")
        page_pdf.drawImage(ImageReader(picture), 0, 0, width, height)
        page_pdf.showPage()
    page_pdf.save()
    sub = read_pdf(buf.getvalue(), "scan.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.identity is None and sub.values == {}
    assert sub.notes == (SCAN_NOTE,)


def test_a_copy_of_an_older_layout_is_not_read_by_position() -> None:
    # printed before the layout widened the language options: boxes moved; reading by the
    # current geometry would tick the wrong languages
    old = (DATA / "institution_print_older_layout.pdf").read_bytes()
    sub = read_pdf(old, "old.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.identity is not None and sub.values == {} and sub.unread
    assert sub.notes == (
        "the pages do not match the layout of form FG-84G7Z-WYRD6: only 34% of its printed "
        "labels are where formgen put them (printed scaled, made by another formgen version, "
        "or edited); no values were read — enter them by hand",
    )


@pytest.mark.parametrize(
    ("lang", "cats", "edition", "pages"),
    [
        ("de", ("psychotherapie", "migrantenselbstorganisationen"), 0, 4),
        ("de", ("psychotherapie", "migrantenselbstorganisationen"), 1, 3),
        ("en", ("kontakt_beratungsstelle", "soziotherapie"), 1, 4),
        ("en", ("kontakt_beratungsstelle", "betreutes_wohnen"), 1, 3),
        # before the phone box took five twelfths of the line: the e-mail box beside it moved
        ("de", ("psychotherapie", "migrantenselbstorganisationen"), 2, 3),
        # before an appointment's label said it may be a month („(TT.MM.JJJJ oder MM.JJJJ)“)
        ("de", ("psychotherapie", "migrantenselbstorganisationen"), 3, 3),
        ("en", ("kontakt_beratungsstelle", "soziotherapie"), 3, 3),
        ("en", ("kontakt_beratungsstelle", "soziotherapie"), LAYOUT_EDITION, 3),
    ],
)
def test_a_copy_of_a_form_whose_last_page_held_only_date_and_initials_is_read_whole(
    monkeypatch: pytest.MonkeyPatch, lang: str, cats: tuple[str, str], edition: int, pages: int
) -> None:
    """Forms of two checklists had a fourth page holding only „Datum und Handzeichen“ (the gap
    below a row had to fit on the page as well; in English, two labels took two lines beside
    free columns); they have three now. A printed copy of a form sent out before is read by
    the layout it was made with, its last page too (it was „the copy's page 4 shows none of
    the form's pages“), also where the older layout has as many pages but its rows lower."""
    entry = {
        "date": "2026-11-20",
        "initials": "ŁW",
        "share_migrants": 40,
        "office_hours": "Mo–Fr 9–17 Uhr, Sa nach Vereinbarung",
        "contact_email": "olga.petrenko@poradnia.example",
        "meeting_date": "2026-12-03",
        "agreements": "Хоспитация в январе",
    }
    record = {"id": "inst-0001", "base_version": 1, "categories": list(cats)}
    record |= {"institution": {"name": "Poradnia Łódź"}, "entries": dict.fromkeys(cats, entry)}
    request = FormRequest("institution", cats, record_from_json(SCHEMA, record, "t"), lang)
    identity = new_identity(SCHEMA, request, b"formgen tests: layout", random.Random(9))
    monkeypatch.setattr(pdf_form, "layout_form", functools.partial(layout_form, edition=edition))
    copy = pdfium_flatten(render_pdf(SCHEMA, request, identity).data)
    assert len(pikepdf.open(io.BytesIO(copy)).pages) == pages
    sub = read_pdf(copy, "scan.pdf", schema=SCHEMA, lookup={identity.instance_id: identity}.get)
    assert not sub.unread and sub.notes[-1].startswith("values were recovered by position")
    assert len(sub.notes) == 1, sub.notes
    dates = {"de": ("20.11.2026", "03.12.2026"), "en": ("2026-11-20", "2026-12-03")}[lang]
    for cat in cats:
        assert sub.values[f"{cat}.date"] == dates[0]
        assert sub.values[f"{cat}.meeting_date"] == dates[1]
        assert sub.values[f"{cat}.initials"] == "ŁW"
        assert sub.values[f"{cat}.share_migrants"] == "40"
        assert sub.values[f"{cat}.office_hours"] == "Mo–Fr 9–17 Uhr, Sa nach Vereinbarung"
        assert sub.values[f"{cat}.contact_email"] == "olga.petrenko@poradnia.example"
        assert sub.values[f"{cat}.agreements"] == "Хоспитация в январе"


def test_a_missing_page_is_named_and_the_other_pages_are_read() -> None:
    pdf = pikepdf.open(io.BytesIO(PRINTED))
    del pdf.pages[1]  # the form's page 3 is the copy's page 2
    buf = io.BytesIO()
    pdf.save(buf)
    sub = read_flattened(buf.getvalue(), "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.notes[0] == (
        "the copy has 2 pages, the form had 3: the form's page 2 is not in it; the boxes there "
        "were not read"
    )
    assert in_language(sub.notes[0], "de") == (  # as a German workspace's report says it
        "Seiten der Kopie: 2, des Formulars: 3; Seite 2 des Formulars fehlt, die Felder dort "
        "wurden nicht gelesen"
    )
    assert sub.identity is not None
    on_page_2 = {box.path for box in layout_for_identity(SCHEMA, sub.identity).boxes_on(1)}
    intact = read_flattened(PRINTED, "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.values == {k: v for k, v in intact.values.items() if k not in on_page_2}
    assert sub.values["fluechtlingsberatung.date"] == "24.09.2025"  # on the form's page 3


def test_a_page_of_another_copy_after_the_form_is_named_and_not_read() -> None:
    buf = io.BytesIO()
    with (
        pikepdf.open(io.BytesIO(PRINTED)) as pdf,
        pikepdf.open(SAMPLES / "checklist_qpdf_flat.pdf") as other,
    ):
        pdf.pages.append(other.pages[0])
        pdf.save(buf)
    sub = read_flattened(buf.getvalue(), "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    intact = read_flattened(PRINTED, "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.values == intact.values
    assert sub.notes[:2] == (
        "the pages carry different form references (FG-84G7Z-WYRD6, FG-355QA-KGD2A); "
        "the first was used",
        "the copy's page 4 shows none of the form's pages; it was not read",
    )
    assert [in_language(note, "de") for note in sub.notes[:2]] == [
        "die Seiten tragen verschiedene Formularnummern (FG-84G7Z-WYRD6, FG-355QA-KGD2A); die "
        "erste wurde verwendet",
        "Seite 4 der Kopie zeigt keine Seite des Formulars; sie wurde nicht gelesen",
    ]


def test_a_font_whose_encoding_is_damaged_is_read_as_far_as_its_glyphs_tell() -> None:
    """The fonts' encoding /Identity-H damaged to a name no reader knows (found by the mutation
    audit): some glyphs come out as spaces, a box holding only those reads as empty — not a
    failure of the reader; the other values are read."""
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(PRINTED)) as pdf:  # names outside object streams, to be edited
        pdf.save(buf, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    data = buf.getvalue()
    assert b"/Identity-H" in data
    sub = read_flattened(
        data.replace(b"/Identity-H", b"/Identity-X"), "x.pdf", schema=SCHEMA, lookup=ISSUED.get
    )
    assert sub.identity == ISSUED["84G7ZWYRD6"]
    assert sub.values["institution.name"] == "Psychosoziales Zentrum Düsseldorf"
    assert sub.values["psychotherapie.languages_offered.ru"] is True


def test_text_pdftk_drew_with_glyph_0_is_named_unreadable_and_not_read() -> None:
    """pdftk-java filled the form and flattened it (``fill_form … flatten``): it drew each typed
    character as glyph 0 of the field font, which maps to no character (pdfminer: "(cid:0)").
    Such dates, phone numbers and names went into the register as "(cid:0)(cid:0)…"; now each
    of those fields is named as not readable and nothing is read for it. A list whose other
    text is unreadable is left out whole (its ticks alone would be another list). What pdftk
    left as formgen drew it — the prefilled values, the ticked choices — is read."""
    name = "institution_pdftk_flat.pdf"
    sub = read_flattened((SAMPLES / name).read_bytes(), name, schema=SCHEMA, lookup=ISSUED.get)
    assert sub.identity == ISSUED["84G7ZWYRD6"] and not sub.unread
    assert f"psychotherapie.date: {UNREADABLE}" in sub.notes
    assert f"psychotherapie.languages_offered: {UNREADABLE}" in sub.notes
    assert {"psychotherapie.date", "psychotherapie.languages_offered"} <= set(sub.illegible)
    assert UNREADABLE == (
        "not readable in this copy: the program that filled or flattened the form drew the text "
        "with glyphs that map to no character (the page shows empty boxes, stray signs or "
        "nothing); nothing was read — ask the sender for the filled-in PDF form itself, not a "
        "flattened copy"
    )
    assert "psychotherapie.date" not in sub.values
    assert not [p for p in sub.values if p.startswith("psychotherapie.languages_offered.")]
    assert sub.values["institution.name"] == "Psychosoziales Zentrum Düsseldorf"
    assert sub.values["fluechtlingsberatung.migrant_experience"] == "fehlanzeige"
    assert not [v for v in sub.values.values() if isinstance(v, str) and "(cid:" in v]
    assert sub.notes[-1].startswith("values were recovered by position")


def test_a_pdftk_flattened_copy_stores_nothing_it_cannot_read(tmp_path: Path) -> None:
    """The form filled in Chrome (PDFium) comes back, then the same form filled and flattened
    by pdftk: the unreadable fields keep what the first return gave (no "(cid:0)" value, no
    conflict over them), and the report names each of them."""
    ws = sample_workspace(tmp_path / "ws")
    ingest_into_register([SAMPLES / "institution_pdfium.pdf"], ws, jobs=1)
    (outcome,) = ingest_into_register([SAMPLES / "institution_pdftk_flat.pdf"], ws, jobs=1).outcomes
    assert f"psychotherapie.date: {UNREADABLE}" in outcome.warnings  # --json: the path
    # the report: the field by its label under its checklist's name, in either language
    said = {in_language(w, "en") for w in outcome.warnings}
    assert f"Psychotherapist in private practice › Date: {UNREADABLE}" in said
    assert any(
        in_language(w, "de").startswith("PsychotherapeutIn, niedergelassen › Datum: in dieser ")
        for w in outcome.warnings
    )
    text = (ws.root / "register.json").read_text("utf-8")
    assert "(cid:" not in text
    register = json.loads(text)
    unreadable = set(EXPECTED["samples"]["institution_pdftk_flat.pdf"]["unreadable"])
    assert not [c for c in register["conflicts"].values() if c["path"] in unreadable]
    entry = register["institutions"]["inst-0001"]["entries"]["psychotherapie"]["fields"]
    assert entry["date"]["v"] == "2025-09-24"  # as the first return gave it

    other = dataclasses.replace(SCHEMA, schema_version="2.0.0")
    sub = read_flattened(PRINTED, "x.pdf", schema=other, lookup=ISSUED.get)
    assert sub.identity is not None and sub.values == {} and sub.unread
    assert "made with schema arbeitshilfe_migration_psychiatrie 1.0.0, not" in sub.notes[0]


def test_a_quarantined_copy_names_the_fields_it_could_not_read_by_their_labels(
    tmp_path: Path,
) -> None:
    """A flattened checklist of a form another workspace made is kept aside; its report names
    the fields of block 1 that pdftk drew unreadably by the checklist's name, its number and
    the field's label („PsychotherapeutIn, niedergelassen, Block 1 › Datum“), not their paths,
    which ``--json`` keeps."""
    ws = Workspace.init(tmp_path / "ws")
    (outcome,) = ingest_into_register([SAMPLES / "checklist_pdftk_flat.pdf"], ws).outcomes
    assert outcome.status == "quarantined"
    assert f"psychotherapie.1.date: {UNREADABLE}" in outcome.warnings
    de = [in_language(w, "de") for w in outcome.warnings]
    assert any(w.startswith("PsychotherapeutIn, niedergelassen, Block 1 › Datum: in ") for w in de)
    assert not [w for w in de if w.startswith("psychotherapie.")], de
    en = [in_language(w, "en") for w in outcome.warnings]
    assert f"Psychotherapist in private practice, block 1 › Date: {UNREADABLE}" in en


def test_bad_files_get_the_same_clear_errors() -> None:
    with pytest.raises(UnreadableFileError, match=r"^x\.pdf: the PDF is truncated") as info:
        read_flattened(PRINTED[:5000], "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert info.value.reason == "truncated"


@pytest.mark.parametrize(
    ("visual", "logical", "guessed"),
    [
        ("ةراشتسالا زكرم", "مركز الاستشارة", False),
        ("\ufeb0\ufedb\ufeae\ufee3", "مركز", False),  # shaped glyphs become letters
        ("Łódź", "Łódź", False),
        # numbers in Arabic text keep their digits in order (they were reversed)
        ("123456 0211 فتاه", "هاتف 0211 123456", False),
        ("12 نلوك عراش", "شارع كولن 12", False),
        ("14-12 عراش", "شارع 12-14", False),  # drawn "14-12": "-" separates two numbers
        ("(سيون عرف) رونلا زكرم", "مركز النور (فرع نويس)", False),  # brackets drawn „)…(“
        # Latin letters and Arabic in one line drawn left to right: „Träger: مركز“ and
        # „مركز :Träger“ are drawn alike, so the order is a guess
        ("Träger: ةراشتسالا زكرم", "Träger: مركز الاستشارة", True),
    ],
)
def test_a_line_drawn_left_to_right_is_read_with_the_writers_bidi_algorithm(
    visual: str, logical: str, guessed: bool
) -> None:
    assert written_order(list(enumerate(visual))) == (logical, guessed)


def test_a_line_drawn_in_the_order_written_is_read_in_that_order() -> None:
    # PDFium (and formgen) draw a line glyph by glyph as typed, each at its place: drawn first
    # is م at the right; the brackets, drawn facing the other way, are turned back
    typed = "مركز (النور) – Beratung"
    drawn = drawn_order(typed)  # (index as typed, glyph) left to right
    assert "".join(glyph for _, glyph in drawn) == "Beratung – (رونلا) زكرم"
    assert written_order(drawn) == (typed, False)


@pytest.mark.parametrize(
    "typed", ["هاتف 0211 123456", "مركز النور 12", "Kölner Straße 12", "غرفة 12 و 14"]
)
def test_a_space_left_out_is_read_where_it_was_written(typed: str) -> None:
    # poppler's pdftocairo leaves out a space here and there of a line drawn in the order
    # written, leaving its gap: a number stands left of the Arabic word written before it, and
    # „هاتف 0211 123456“ was read „هاتف 0 211123456“ (the space after the glyph drawn first)
    chars, x = [], 0.0
    for k, glyph in drawn_order(typed):  # left to right, each with its place as written
        if glyph != " ":
            chars.append((k, (x, 0.0, x + 5.0, 10.0, glyph, 10.0)))
        x += 5.0
    assert flat_reader._lines(c for _, c in sorted(chars)) == [typed]


def test_a_glyph_of_several_letters_keeps_their_order() -> None:
    # LibreOffice draws lam-alef as one glyph whose text is "لا" (lam, alef): reversing the
    # line letter by letter would make it "ال"
    glyphs = ["ة", "ر", "ا", "ش", "ت", "س", "لا", "ا", " ", "ز", "ك", "ر", "م"]
    assert written_order(list(enumerate(glyphs))) == ("مركز الاستشارة", False)
    assert written_order(list(enumerate("".join(glyphs))))[0] != "مركز الاستشارة"


def test_too_many_pages_are_refused() -> None:
    with pytest.raises(UnreadableFileError, match=r"has 3 pages, more than the limit of 2") as info:
        read_flattened(
            PRINTED, "x.pdf", schema=SCHEMA, lookup=ISSUED.get, limits=ReadLimits(max_pages=2)
        )
    assert info.value.reason == "too-large"


def _printed_on_letter(data: bytes) -> bytes:
    """The copy as a print dialog makes it on US Letter: scaled to fit, centred."""
    pdf = pikepdf.open(io.BytesIO(data))
    for page in pdf.pages:
        w, h = float(page.mediabox[2]), float(page.mediabox[3])
        scale = min(612 / w, 792 / h) * 0.97
        dx, dy = (612 - w * scale) / 2, (792 - h * scale) / 2
        page.contents_coalesce()
        page.contents_add(
            pikepdf.Stream(pdf, f"q {scale} 0 0 {scale} {dx} {dy} cm ".encode()), prepend=True
        )
        page.contents_add(pikepdf.Stream(pdf, b" Q"))
        page.mediabox = pikepdf.Array([0, 0, 612, 792])
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def test_a_copy_printed_scaled_onto_letter_paper_is_read() -> None:
    sub = read_flattened(_printed_on_letter(PRINTED), "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert (
        "the copy was printed at 92% of the form's size; positions were scaled to match"
        in sub.notes
    )
    direct = read_flattened(PRINTED, "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.values == direct.values


def test_a_copy_printed_scaled_last_page_first_is_read() -> None:
    reversed_ = (SAMPLES / "institution_poppler_print_reversed.pdf").read_bytes()
    sub = read_flattened(_printed_on_letter(reversed_), "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.notes[:2] == (
        "the copy was printed at 92% of the form's size; positions were scaled to match",
        "the copy's pages are out of order: they show the form's pages 3, 2, 1; each was read "
        "as the form's page whose printed labels it shows",
    )
    direct = read_flattened(PRINTED, "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.values == direct.values


OVERFLOW = (SAMPLES / "overflow_poppler_print.pdf").read_bytes()
"""A printed copy whose values run past their boxes (samples/pdf/make_samples.py)."""


def test_a_value_longer_than_its_box_is_not_read_into_the_box_beside_it(tmp_path: Path) -> None:
    """Found by a coordinator's test: PDFium draws "0211 1234567 oder 0211 1234568" whole,
    clipped to the phone box; the print kept the „68“ drawn past its edge, in the e-mail box
    beside it, and the report said „'68' is not an e-mail address“."""
    ws = sample_workspace(tmp_path / "ws")
    (tmp_path / "gedruckt.pdf").write_bytes(OVERFLOW)
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "gedruckt.pdf"), "-w", str(ws.root), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert (
        "    Einrichtung › Telefon (Zentrale): „0211 1234567 oder 0211 1234568“ ist keine einzelne "
        "Telefonnummer" in result.output
    )
    assert (  # the note in the workspace's language (German), the field by its label
        "    Einrichtung › Telefon (Zentrale): der Text reicht über den Rand seines Feldes hinaus, "
        "wo die Kopie ihn abschneidet; gelesen wurde er, soweit er gezeichnet ist, vielleicht "
        "weniger als eingetragen – bitte beim Absender nachfragen\n" in result.output
    )
    assert "institution.email" not in result.output
    assert "psychotherapie.contact_email: '" not in result.output  # its own address, valid


def test_a_value_longer_than_its_box_is_read_whole_from_a_copy_printed_scaled() -> None:
    sub = read_flattened(_printed_on_letter(OVERFLOW), "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    direct = read_flattened(OVERFLOW, "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.values == direct.values
    assert sub.values["psychotherapie.contact_phone"] == "0211 1234567 oder 0211 1234568"
    assert sub.values["psychotherapie.contact_email"] == (
        "beratung.migration@psychosoziales-zentrum.example.org"
    )
    assert [n for n in sub.notes if n.endswith(CUT_OFF)] == [
        n for n in direct.notes if n.endswith(CUT_OFF)
    ]


def test_a_page_whose_tables_cannot_be_found_is_still_read_by_position(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # table rows are only for a PDF of the Word form: the table finder failing on a page must
    # not cost a printed copy of the PDF form its values
    expected = read_flattened(PRINTED, "x.pdf", schema=SCHEMA, lookup=ISSUED.get).values

    def broken(self: object, *args: object, **kwargs: object) -> list[object]:
        raise ValueError("degenerate edges")

    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", broken)
    sub = read_flattened(PRINTED, "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.values == expected and expected["institution.name"]


def test_a_covering_letter_before_the_printed_form_is_named_and_kept(tmp_path: Path) -> None:
    """Issue 5: the printed form sent back with the covering letter (LibreOffice's PDF of it)
    as page 1, joined by pdfunite: the form's pages are found behind it and read; the report
    names the letter's page (German in a German workspace), and the whole file is archived."""
    name = "institution_poppler_print_letter_pdfunite_before.pdf"
    ws = sample_workspace(tmp_path / "ws")
    (outcome,) = ingest_into_register([SAMPLES / name], ws, jobs=1).outcomes
    note = (
        "the copy's page 1 has no form reference and shows none of the form's pages (a covering "
        "letter or fax cover sheet sent with it): it was not read; the file is kept whole, with it"
    )
    assert outcome.status is Status.WARNINGS and note in outcome.warnings
    sub = read_pdf((SAMPLES / name).read_bytes(), name, schema=SCHEMA, lookup=ISSUED.get)
    assert in_language(sub.notes[0], "de") == (
        "Seite 1 der Kopie trägt keine Formularnummer und zeigt keine Seite des Formulars (ein "
        "mitgeschicktes Anschreiben oder Faxdeckblatt): sie wurde nicht gelesen; die Datei wird "
        "vollständig, mit ihr, aufbewahrt"
    )
    register = json.loads((ws.root / "register.json").read_text("utf-8"))
    fields = register["institutions"]["inst-0001"]["entries"]["psychotherapie"]["fields"]
    assert fields["contact_name"]["v"] == "Çiğdem Öztürk-İnce"
    archived = ws.archive_dir / outcome.sha256[:2] / outcome.sha256
    assert archived.read_bytes() == (SAMPLES / name).read_bytes()  # the letter too
    with pdfplumber.open(archived) as pdf:
        assert "Sehr geehrte Damen und Herren" in (pdf.pages[0].extract_text() or "")


def test_only_a_page_without_a_form_reference_is_called_a_covering_letter() -> None:
    """A page of another form (its reference in the footer) keeps the note it had
    (:func:`test_a_page_of_another_copy_after_the_form_is_named_and_not_read`)."""
    with pdfplumber.open(io.BytesIO(PRINTED)) as pdf:
        assert not flat_reader.foreign_page(flat_reader._PageContent.of(pdf.pages[0]))
    letter = SAMPLES / "institution_poppler_print_letter_pdftk_after.pdf"
    with pdfplumber.open(letter) as pdf:
        assert flat_reader.foreign_page(flat_reader._PageContent.of(pdf.pages[3]))


def test_a_page_printed_twice_is_read_where_it_is_filled_in() -> None:
    """The form's page 3 printed blank and filled in (the blank first): what only the second
    shows is read from it; the prefilled "Fehlanzeige" both show is read once."""
    name = "institution_poppler_print_page3_blank_first.pdf"
    sub = read_flattened((SAMPLES / name).read_bytes(), name, schema=SCHEMA, lookup=ISSUED.get)
    assert sub.values["fluechtlingsberatung.contact_name"] == "Ελένη Παπαδοπούλου"
    assert sub.values["fluechtlingsberatung.migrant_experience"] == "fehlanzeige"
    assert not sub.illegible
    (note,) = [n for n in sub.notes if n.startswith("the copy shows")]
    assert in_language(note, "de") == (
        "die Kopie zeigt Seite 3 des Formulars auf ihren Seiten 3, 4; was nur eine davon "
        "ausgefüllt oder lesbar zeigt, wurde von ihr gelesen: fluechtlingsberatung.contact_name, "
        "fluechtlingsberatung.agreements, fluechtlingsberatung.date, fluechtlingsberatung.initials"
    )


def test_a_page_filled_in_twice_otherwise_is_held_not_picked(tmp_path: Path) -> None:
    """The form's page 1 twice, its Arabic Träger drawn once as typed and once mirrored (pdf.js):
    neither is read, the return is merged flagged, the register holds no Träger and the report
    names both values."""
    ws = sample_workspace(tmp_path / "ws")
    name = "institution_poppler_print_page1_twice.pdf"
    (outcome,) = ingest_into_register([SAMPLES / name], ws, jobs=1).outcomes
    assert outcome.merged is not None and outcome.merged.startswith("merged-flagged")
    (note,) = [w for w in outcome.warnings if w.startswith("institution.traeger")]
    assert "(مركز الاستشارة / ةراشتسالا زكرم)" in note
    sub = read_pdf((SAMPLES / name).read_bytes(), name, schema=SCHEMA, lookup=ISSUED.get)
    (said,) = [n for n in sub.notes if n == note]
    assert in_language(said, "de") == (
        "institution.traeger: die Kopie zeigt Seite 1 des Formulars auf ihren Seiten 1, 4, "
        "verschieden ausgefüllt (مركز الاستشارة / ةراشتسالا زكرم); keiner der Werte wurde "
        "gelesen – bitte beim Absender nachfragen, welcher gilt"
    )
    register = json.loads((ws.root / "register.json").read_text("utf-8"))
    institution = register["institutions"]["inst-0001"]["institution"]
    assert "traeger" not in institution and institution["name"]["v"].startswith("Psychosoziales")
    assert not register["conflicts"]


def test_a_mutool_merged_form_that_kept_nothing_typed_is_kept_aside(tmp_path: Path) -> None:
    """``mutool merge`` of the filled form writes its pages without their widgets and without
    /AcroForm: nothing typed is left in the file. It is not merged as a blank return but kept
    aside, and the report says what happened and what to ask the sender for."""
    name = "institution_pdfium_mutool_merge.pdf"
    with pikepdf.open(SAMPLES / name) as pdf:
        assert "/AcroForm" not in pdf.Root
        assert not [p for p in pdf.pages if "/Annots" in p.obj]
    ws = sample_workspace(tmp_path / "ws")
    (outcome,) = ingest_into_register([SAMPLES / name], ws, jobs=1).outcomes
    assert outcome.status is Status.QUARANTINED and outcome.quarantine_kind == "unread-copy"
    assert outcome.warnings[-1] == (
        "nothing is written or ticked in any of the form's boxes on this copy: it came back "
        "blank, or a program that merged or saved it dropped the form's fields with everything "
        "typed into them (mutool merge does so); no values were read — ask the sender for the "
        "filled-in PDF form itself"
    )
    sub = read_pdf((SAMPLES / name).read_bytes(), name, schema=SCHEMA, lookup=ISSUED.get)
    assert sub.notes[-1] == outcome.warnings[-1]
    assert in_language(sub.notes[-1], "de").startswith(
        "in keinem Feld des Formulars ist auf dieser Kopie etwas eingetragen oder angekreuzt"
    )


@pytest.mark.parametrize("unreadable_first", [True, False])
def test_a_page_twice_once_unreadable_is_read_from_the_readable_one(unreadable_first: bool) -> None:
    """Page 3 of the copy pdftk filled and flattened (its typed text drawn as glyph 0) and of
    the printed copy, either first: the typed values are read from the one that shows them
    readably, whichever comes first; no field of page 3 is left unread."""
    buf = io.BytesIO()
    first, second = ("institution_pdftk_flat.pdf", "institution_poppler_print.pdf")[
        :: 1 if unreadable_first else -1
    ]
    with pikepdf.open(SAMPLES / first) as pdf, pikepdf.open(SAMPLES / second) as other:
        pdf.pages.append(other.pages[2])
        pdf.save(buf)
    sub = read_flattened(buf.getvalue(), "x.pdf", schema=SCHEMA, lookup=ISSUED.get)
    assert sub.values["fluechtlingsberatung.contact_name"] == "Ελένη Παπαδοπούλου"
    assert sub.values["fluechtlingsberatung.date"] == "24.09.2025"
    assert not [f for f in sub.illegible if f.startswith("fluechtlingsberatung.")]
    assert not [n for n in sub.notes if n.startswith("fluechtlingsberatung.")]
    assert "the copy shows the form's page 3 on its pages 3, 4;" in "".join(sub.notes)
