"""The content-control XML pieces on their own: what is written is what is read."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from formgen.docx_form import placeholder_texts
from formgen.docx_xml import (
    CHECKBOX,
    DATE,
    DROPDOWN,
    TEXT,
    W14,
    Control,
    Item,
    checkbox_control,
    date_control,
    dropdown_control,
    el,
    interpret,
    iter_controls,
    qn,
    read_sdt,
    text_control,
)

HINTS = frozenset({"Bitte eintragen", "Bitte wählen", "TT.MM.JJJJ"})


def in_paragraph(*nodes: etree._Element) -> etree._Element:
    p = el("w:p")
    for node in nodes:
        p.append(node)
    return p


def roundtrip(node: etree._Element) -> Control:
    """Serialise inside a paragraph, parse again, read the one control."""
    xml = etree.tostring(in_paragraph(node))
    (control,) = iter_controls(etree.fromstring(xml))
    return control


def test_text_control_carries_tag_alias_and_value() -> None:
    node = text_control(
        "psychotherapie.1.name", "Name der Einrichtung", 7, "Şule Yılmaz", "Bitte eintragen"
    )
    control = roundtrip(node)
    assert (control.kind, control.tag, control.alias) == (
        TEXT,
        "psychotherapie.1.name",
        "Name der Einrichtung",
    )
    assert not control.showing_placeholder
    assert interpret(control, HINTS).value == "Şule Yılmaz"
    pr = node.find(qn("w:sdtPr"))
    assert pr.find(qn("w:id")).get(qn("w:val")) == "7"
    assert pr.find(qn("w:text")) is not None


def test_empty_text_control_shows_placeholder_marked_as_such() -> None:
    node = text_control("institution.name", "Name", 1, None, "Bitte eintragen")
    control = roundtrip(node)
    assert control.showing_placeholder
    assert control.text == "Bitte eintragen"
    assert control.placeholder_style
    assert interpret(control, HINTS).value is None


def test_placeholder_is_not_a_value_when_the_flag_was_cleared() -> None:
    node = text_control("institution.name", "Name", 1, None, "Bitte eintragen")
    pr = node.find(qn("w:sdtPr"))
    pr.remove(pr.find(qn("w:showingPlcHdr")))  # LibreOffice clears it on the first keystroke
    control = roundtrip(node)
    assert not control.showing_placeholder
    assert interpret(control, HINTS).value is None
    word_hint = text_control(
        "a.b", "B", 2, "Klicken oder tippen Sie hier, um Text einzugeben.", "x"
    )
    assert interpret(roundtrip(word_hint), HINTS).value is None


def test_multiline_text_keeps_line_breaks_as_br() -> None:
    node = text_control(
        "a.concepts", "Konzepte", 3, "Zeile 1\nمركز الاستشارة", "Bitte eintragen", multiline=True
    )
    assert node.find(qn("w:sdtPr")).find(qn("w:text")).get(qn("w:multiLine")) == "1"
    assert len(node.findall(f".//{qn('w:br')}")) == 1
    assert interpret(roundtrip(node), HINTS).value == "Zeile 1\nمركز الاستشارة"


def test_single_line_text_joins_lines() -> None:
    node = text_control("a.name", "Name", 3, "eins\nzwei", "Bitte eintragen")
    assert interpret(roundtrip(node), HINTS).value == "eins zwei"


def test_checkbox_state_is_read_from_w14_checked() -> None:
    on = roundtrip(checkbox_control("a.1.languages_offered.fa", "Sprachen: Persisch", 4, True))
    off = roundtrip(checkbox_control("a.1.languages_offered.ar", "Sprachen: Arabisch", 5, False))
    assert (on.kind, on.checked, interpret(on).value) == (CHECKBOX, True, True)
    assert (off.checked, interpret(off).value) == (False, False)
    assert on.text == "☒" and off.text == "☐"
    # the glyph does not decide: the state does
    node = checkbox_control("a.x", "x", 6, False)
    node.find(f".//{{{W14}}}checked").set(f"{{{W14}}}val", "1")
    assert interpret(roundtrip(node)).value is True


def test_dropdown_maps_display_text_back_to_value() -> None:
    items = [Item("ja", "Ja"), Item("nein", "Nein"), Item("fehlanzeige", "Fehlanzeige")]
    chosen = roundtrip(
        dropdown_control(
            "a.migrant_experience", "Erfahrungen", 8, items, "fehlanzeige", "Bitte wählen"
        )
    )
    assert chosen.kind == DROPDOWN
    assert [i.value for i in chosen.items] == ["ja", "nein", "fehlanzeige"]
    assert chosen.last_value == "fehlanzeige"
    assert interpret(chosen, HINTS).value == "fehlanzeige"
    blank = roundtrip(
        dropdown_control("a.migrant_experience", "Erfahrungen", 9, items, None, "Bitte wählen")
    )
    assert blank.showing_placeholder
    assert interpret(blank, HINTS).value is None


def test_dropdown_text_that_is_no_item_is_kept_with_a_note() -> None:
    items = [Item("ja", "Ja")]
    node = dropdown_control("a.x", "X", 1, items, "ja", "Bitte wählen")
    node.find(f".//{qn('w:t')}").text = "Vielleicht"
    reading = interpret(roundtrip(node), HINTS)
    assert reading.value == "Vielleicht"
    assert (reading.note, reading.args) == ("not_an_item", {"text": "Vielleicht"})


def test_date_picker_format_and_value() -> None:
    node = date_control("a.date", "Datum", 10, dt.date(2025, 9, 24), "TT.MM.JJJJ")
    date = node.find(qn("w:sdtPr")).find(qn("w:date"))
    assert date.get(qn("w:fullDate")) == "2025-09-24T00:00:00Z"
    assert date.find(qn("w:dateFormat")).get(qn("w:val")) == "dd.MM.yyyy"
    assert date.find(qn("w:lid")).get(qn("w:val")) == "de-DE"
    control = roundtrip(node)
    assert (control.kind, control.text) == (DATE, "24.09.2025")
    assert interpret(control, HINTS).value == "2025-09-24"


def test_an_english_date_picker_shows_the_date_as_english_texts_write_it() -> None:
    """yyyy-MM-dd, as the English form's hint, footer and mail write dates; read back as the
    same day. The hint an older formgen put in an English control is blank."""
    english = date_control("a.date", "Date", 10, dt.date(2025, 9, 24), "YYYY-MM-DD", lang="en")
    assert english.find(f".//{qn('w:lid')}").get(qn("w:val")) == "en-GB"
    assert english.find(f".//{qn('w:dateFormat')}").get(qn("w:val")) == "yyyy-MM-dd"
    control = roundtrip(english)
    assert (control.kind, control.text) == (DATE, "2025-09-24")
    assert interpret(control, placeholder_texts()).value == "2025-09-24"
    older = date_control("a.date", "Date", 10, None, "DD.MM.YYYY", lang="en")
    pr = older.find(qn("w:sdtPr"))
    pr.remove(pr.find(qn("w:showingPlcHdr")))  # as LibreOffice leaves it
    assert interpret(roundtrip(older), placeholder_texts()).value is None


def test_date_shown_text_differing_from_full_date_is_flagged() -> None:
    node = date_control("a.date", "Datum", 10, dt.date(2025, 9, 24), "TT.MM.JJJJ")
    node.find(f".//{qn('w:t')}").text = "01.10.2025"  # typed over without the picker
    reading = interpret(roundtrip(node), HINTS)
    assert reading.value == "2025-10-01"
    assert (reading.note, reading.args) == (
        "date_differs",
        {"shown": "2025-10-01", "stored": "2025-09-24"},  # said as the language writes dates
    )


def test_typed_date_without_full_date_is_parsed() -> None:
    node = date_control("a.date", "Datum", 10, None, "TT.MM.JJJJ")
    pr = node.find(qn("w:sdtPr"))
    pr.remove(pr.find(qn("w:showingPlcHdr")))
    node.find(f".//{qn('w:t')}").text = "3.2.25"
    assert interpret(roundtrip(node), HINTS).value == "2025-02-03"


def test_controls_are_inline_and_found_in_document_order() -> None:
    p = in_paragraph(
        checkbox_control("a.l.en", "en", 1, True),
        text_control("a.l._other", "other", 2, "Tamil", "x"),
    )
    controls = list(iter_controls(etree.fromstring(etree.tostring(p))))
    assert [c.tag for c in controls] == ["a.l.en", "a.l._other"]
    for sdt in p.iter(qn("w:sdt")):
        assert sdt.getparent().tag == qn("w:p")
        assert sdt.find(qn("w:sdtContent")).find(qn("w:p")) is None


def test_block_level_wrapper_is_a_container_not_a_control() -> None:
    inner = in_paragraph(checkbox_control("a.l.en", "en", 1, True))
    wrapper = el("w:sdt", None, el("w:sdtPr"), el("w:sdtContent", None, inner))
    cell = el("w:tc", None, wrapper)
    controls = list(iter_controls(cell))
    assert [(c.tag, c.checked) for c in controls] == [("a.l.en", True)]


LEGACY = """<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:textInput/></w:ffData></w:fldChar></w:r>
<w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>
<w:r><w:t>Łódź</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/><w:checked w:val="1"/></w:checkBox></w:ffData></w:fldChar></w:r>
<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
</w:p>"""


def test_legacy_form_fields_are_controls_without_tags_and_page_fields_are_not() -> None:
    controls = list(iter_controls(etree.fromstring(LEGACY)))
    assert [(c.kind, c.source, c.tag) for c in controls] == [
        (TEXT, "formfield", "Text1"),
        (CHECKBOX, "formfield", None),
    ]
    assert interpret(controls[0]).value == "Łódź"
    assert interpret(controls[1]).value is True


def test_read_sdt_of_unknown_kind() -> None:
    sdt = el("w:sdt", None, el("w:sdtPr"), el("w:sdtContent"))
    assert read_sdt(sdt).kind == "unknown"


def test_text_is_returned_in_nfc() -> None:
    decomposed = "S\u0327ule Y\u0131lmaz"  # Ş as S + combining cedilla, as some keyboards send it
    control = roundtrip(text_control("a.name", "Name", 1, decomposed, "x"))
    assert interpret(control).value == "Şule Yılmaz"
