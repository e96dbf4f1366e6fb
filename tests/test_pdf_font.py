"""The field font: coverage of the scripts people write in, Arabic shaping, visual order."""

from __future__ import annotations

import io
import unicodedata

from fontTools.ttLib import TTFont
from pdf_engines import glyph_outline

from formgen.bidi_order import visual_line
from formgen.fonts import font_path
from formgen.pdf_font import field_font, shape_arabic, visual_order


def test_font_covers_the_scripts_of_the_register() -> None:
    font = field_font()
    for text in ("Şule Yılmaz", "Çiğdem Öztürk-İnce", "Łódź", "Ольга Петренко", "Ελληνικά",
                 "مركز الاستشارة", "فارسی", "שלום", "Tiếng Việt", "ქართული", "Հայերեն", "€ – „“"):  # fmt: skip
        missing = [ch for ch in shape_arabic(text) if ch != " " and ord(ch) not in font.cmap]
        assert not missing, f"{text}: no glyph for {missing}"


def test_arabic_is_shaped_and_drawn_right_to_left() -> None:
    shaped = visual_order("مركز")
    # four letters, drawn in visual order (last letter first), as contextual forms (reh does
    # not join the letter after it, so kaf starts a new joined group)
    assert [unicodedata.name(ch) for ch in shaped] == [
        "ARABIC LETTER ZAIN FINAL FORM",
        "ARABIC LETTER KAF INITIAL FORM",
        "ARABIC LETTER REH FINAL FORM",
        "ARABIC LETTER MEEM INITIAL FORM",
    ]
    # lam + alef become one ligature
    assert "\ufefb" in shape_arabic("لا") or "\ufefc" in shape_arabic("لا")


def test_persian_yeh_joins_on_both_sides_inside_a_word() -> None:
    # ی between two letters is its medial form (U+FBFF): it was drawn as a final one, which
    # broke خیابان ("street") and پیشنهاد into two pieces in every prefilled field
    for word in ("خیابان", "پیشنهاد"):
        assert unicodedata.name(shape_arabic(word)[1]) == "ARABIC LETTER FARSI YEH MEDIAL FORM"


def test_sorani_and_pashto_letters_are_drawn_joined() -> None:
    # Unicode has no presentation forms for Sorani ێ ڵ ڕ ە or Pashto ښ ځ ټ: they were drawn
    # alone, every word in pieces (ڕێکخراوی پەنابەران); now the field font draws DejaVu Sans's
    # own contextual glyphs for them, by glyph id
    font = field_font()
    with TTFont(io.BytesIO(font.ttf)) as embedded, TTFont(str(font_path())) as dejavu:
        order = embedded.getGlyphOrder()

        def drawn(word: str) -> list[tuple[object, ...]]:
            return [glyph_outline(embedded, order[g]) for g in font.glyphs(word)]

        def glyphs(*names: str) -> list[tuple[object, ...]]:
            return [glyph_outline(dejavu, name) for name in names]

        # left to right as drawn: the medial ێ joins نـ and ـو (it was its isolated glyph)
        assert drawn("نێوان") == glyphs("uniFEE5", "uniFE8D", "uniFEEE", "uni06CE.medi", "uniFEE7")
        assert glyph_outline(dejavu, "uni06CE.medi") != glyph_outline(dejavu, "uni06CE")
        # ڕ and ە join only the letter before them, ڵ on both sides
        assert drawn("بڕوا") == glyphs("uniFE8D", "uniFEED", "uni0695.fina", "uniFE91")
        assert drawn("پەنا") == glyphs("uniFE8E", "uniFEE7", "uni06D5.fina", "uniFB58")
        assert drawn("عەبدوڵڵا") == glyphs(
            "uniFE8E", "uni06B5.medi", "uni06B5.init", "uniFEED", "uniFEAA", "uniFE91",
            "uni06D5.fina", "uniFECB",
        )  # fmt: skip
        assert drawn("ښځه ټولنه")[-3:] == glyphs("uniFEEA", "uni0681.medi", "uni069A.init")
        assert drawn("ښځه ټولنه")[4] == glyph_outline(dejavu, "uni067C.init")


def test_a_letter_before_hamza_does_not_join_it() -> None:
    # hamza joins no letter: the yeh of شيء ("thing") is final; it was medial, joined to nothing
    assert unicodedata.name(shape_arabic("شيء")[1]) == "ARABIC LETTER YEH FINAL FORM"


def test_mixed_text_keeps_latin_and_digits_in_reading_order() -> None:
    # a number after Arabic letters belongs to them (read from the right: مركز, then 12), as
    # Word, LibreOffice and browsers show it; digits keep their order
    text = visual_order("Tel. 0211 مركز 12")
    assert unicodedata.normalize("NFKC", text) == "Tel. 0211 12 زكرم"
    assert visual_order("Şule Yılmaz") == "Şule Yılmaz"


def test_to_unicode_maps_presentation_forms_back_to_letters() -> None:
    font = field_font()
    # presentation forms and the lam-alef ligature extract as the letters they show
    assert b"<FEFB>" not in font.to_unicode and b"<FEFC>" not in font.to_unicode
    # the ligature's letters as drawn, right to left: readers turn them back with the line
    assert b"<06270644>" in font.to_unicode and b"<06440627>" not in font.to_unicode
    # and so do the contextual glyphs drawn by id (Sorani ێ in the middle of a word)
    medial = font.forms[(0x06CE, "medial")]
    assert f"<{medial:04X}> <06CE>".encode() in font.to_unicode
    assert font.show("Łódź") == f"<{''.join(f'{font.cmap[ord(ch)]:04x}' for ch in 'Łódź')}> Tj"


def test_a_latin_tail_keeps_its_full_stop_in_a_right_to_left_name() -> None:
    # UAX #9 alone gives the last full stop of „e.V.“ the paragraph's direction and draws it at
    # the far left („.e.V“), in the form, the printed register and the shortened footer name
    def drawn(text: str, plain: bool = False) -> str:
        return unicodedata.normalize("NFKC", visual_line(text, plain=plain))

    assert drawn("جمعية الأمل للثقافة والاندماج e.V.").startswith("e.V. ")
    long = "مركز الأمل للاستشارات النفسية – Beratungszentrum Al-Amal für Geflüchtete e.V."
    assert drawn(long).startswith("Beratungszentrum Al-Amal für Geflüchtete e.V. – ")
    shortened = drawn("مركز الأمل – Beratungszentrum Al-Am…")  # NFKC: „…“ as three dots
    assert shortened.startswith("Beratungszentrum Al-Am... – ")
    assert drawn("جمعية „Wspólnota“ e.V.").startswith("„Wspólnota“ e.V. ")
    # punctuation between a Latin word and an Arabic one, or after a number, is left to UAX #9
    assert drawn("مركز e.V.،الأمل").startswith("لمألا")
    assert drawn("شارع كولن 12، الطابق") == drawn("شارع كولن 12، الطابق", plain=True)
    # what LibreOffice draws (read back from its PDFs) stays plain UAX #9
    assert drawn("جمعية الأمل e.V.", plain=True).startswith(".e.V ")
