"""The field font: coverage of the scripts people write in, Arabic shaping, visual order."""

from __future__ import annotations

import unicodedata

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
    assert b"<06440627>" in font.to_unicode
    assert font.show("Łódź") == f"<{''.join(f'{font.cmap[ord(ch)]:04x}' for ch in 'Łódź')}> Tj"
