"""Typed values from what people typed: kept as typed, flagged with the reason when invalid."""

from __future__ import annotations

import datetime as dt

import pytest

from formgen.model import Constraints, Field, FieldType, Text
from formgen.schema_load import default_schema
from ingest import values


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("24.09.2025", "2025-09-24"),
        ("24.9.25", "2025-09-24"),
        ("2025-09-24", "2025-09-24"),
        (" 1. 2. 2024 ", "2024-02-01"),
        ("3.4.99", "1999-04-03"),
    ],
)
def test_dates_in_german_and_iso_forms(typed: str, iso: str) -> None:
    checked = values.parse_date(typed, today=dt.date(2026, 11, 22))
    assert checked.value == iso and checked.problem is None and checked.raw == typed


@pytest.mark.parametrize(
    ("typed", "flagged"),
    [
        ("22.11.2026", False),  # today
        ("23.11.2026", False),  # tomorrow: the sender's clock may be ahead
        ("24.11.2026", True),
        ("24.9.2062", True),  # a mistyped year
        ("1.1.2020", False),
    ],
)
def test_a_day_of_confirmation_in_the_future_is_kept_and_flagged(typed: str, flagged: bool) -> None:
    today = dt.date(2026, 11, 22)
    checked = values.not_in_future(values.parse_date(typed, today), today)
    assert checked.raw == typed
    if flagged:
        assert checked.value is None
        assert str(checked.problem) == (
            f"'{typed}' lies in the future (today is 2026-11-22), but it is the day the "
            "information was given or confirmed — check the date (a mistyped year?)"
        )
    else:
        assert checked.value == values.parse_date(typed).value and checked.problem is None


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("24.11.62", None),  # 1962 before any form, 2062 ahead: flagged
        ("24.11.99", None),
        ("24.11.27", None),
        ("26.11.26", None),  # this year, two days ahead: four digits would not help
        ("24.11.26", "2026-11-24"),
        ("3.4.25", "2025-04-03"),
        ("24.11.1962", "1962-11-24"),  # four digits: as typed (an imported list's old Datum)
    ],
)
def test_a_two_digit_year_in_the_forms_datum_is_this_centurys(typed: str, day: str | None) -> None:
    """The day a form was filled in is not in 1962: a two-digit year there is of this century,
    and one of a later year is flagged as neither century's, kept as typed (one later this year
    as any future day: four digits would not help); another date field (a
    founding day) reads ``24.11.62`` as 1962 still."""
    today = dt.date(2026, 11, 24)
    datum = next(f for f in default_schema().entry_fields("psychotherapie") if f.id == "date")
    checked = values.not_in_future(values.check_text(datum, typed), today)
    assert (checked.raw, checked.value) == (typed, day)
    if day is None and typed.endswith(".26"):
        assert checked.problem is not None and checked.problem.key == "future_iso"
        assert str(checked.problem) == (
            "'26.11.26' lies in the future (today is 2026-11-24), but it is the day the "
            "information was given or confirmed — check the date (a mistyped year?)"
        )
    elif day is None:
        assert checked.problem is not None and checked.problem.key == "future_two_digit_year"
        assert "write the year with four digits" in checked.problem.text
    assert values.parse_date("24.11.62", today).value == "1962-11-24"


@pytest.mark.parametrize(
    ("typed", "flagged"),
    [
        ("24.11.2062", True),  # a mistyped year
        ("1.3.2206", True),
        ("24.11.2206", True),
        ("24.11.2027", False),  # a year ahead: an appointment may be made so far ahead
        ("25.11.2027", False),  # 366 days: a leap year
        ("26.11.2027", True),
        ("15.02.2027", False),
        ("1.1.2020", False),
    ],
)
def test_another_date_more_than_a_year_ahead_is_kept_and_flagged(typed: str, flagged: bool) -> None:
    today = dt.date(2026, 11, 24)
    checked = values.not_far_ahead(values.parse_date(typed, today), today)
    assert checked.raw == typed
    if flagged:
        assert checked.value is None and checked.problem is not None
        assert checked.problem.in_language("de") == (
            f"„{typed}“ liegt mehr als ein Jahr in der Zukunft (heute ist der 24.11.2026) – "
            "bitte das Datum prüfen (Jahr vertippt?)"
        )
    else:
        assert checked.value == values.parse_date(typed).value and checked.problem is None


def test_an_invalid_date_stays_flagged_for_what_it_is() -> None:
    checked = values.not_in_future(values.parse_date("31.02.2099"), dt.date(2026, 11, 22))
    assert "not a day of the calendar" in str(checked.problem)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("31.02.2025", "not a day of the calendar"),
        ("Sept. 2025", "not a date"),
        ("2025", "not a date"),
    ],
)
def test_invalid_dates_are_kept_and_flagged(typed: str, why: str) -> None:
    checked = values.parse_date(typed)
    assert checked.value is None and checked.raw == typed
    assert checked.problem is not None and why in checked.problem.text


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("0211 1234567", "+49 211 1234567"),
        ("0211-1234567", "+49 211 1234567"),  # a hyphen after the area code: one number
        ("+49 (0)211 1234567", "+49 211 1234567"),
        ("0049 211 1234567", "+49 211 1234567"),
        ("0151 23456789", "+49 1512 3456789"),
        ("0211 123456 ext. 12", "+49 211 123456 ext. 12"),
        ("+49 211 123456 ext. 12", "+49 211 123456 ext. 12"),  # as the register shows it
        ("0211 123456 x12", "+49 211 123456 ext. 12"),
        # the German words for an extension are read as ext. is
        ("0211 123456 Durchwahl 12", "+49 211 123456 ext. 12"),
        ("0211 123456 DW 12", "+49 211 123456 ext. 12"),
        ("0211 123456 App. 12", "+49 211 123456 ext. 12"),
        ("Tel. 0211 123456, Apparat: 12", "+49 211 123456 ext. 12"),
        # a "Durchwahl" after a hyphen (-0: Zentrale) is dialled on, and stays as written
        ("0211 12345-0", "+49 211 12345-0"),
        ("0211/123 45-67", "+49 211 12345-67"),
        ("02181 601-5301", "+49 2181 601-5301"),
        ("+49 211 12345-0", "+49 211 12345-0"),  # as the register shows it
        ("0211-12345", "+49 211 12345"),  # 0211 alone is no number: no Durchwahl
        ("02 11 / 12 34 56", "+49 211 123456"),  # "/" after the area code: one number
        ("Tel. 0211 123456", "+49 211 123456"),  # a label before the number is left out
        ("Telefon: (0211) 123456", "+49 211 123456"),
        ("+90 212 555 12 12", "+90 212 555 12 12"),
    ],
)
def test_phone_numbers_normalised_to_international_format(typed: str, number: str) -> None:
    checked = values.parse_phone(typed)
    assert checked.value == number and checked.problem is None


@pytest.mark.parametrize(
    "typed",
    [
        *("0171 1234567-0", "+49 171 1234567-0", "0160/123 456 7-1"),
        # an extension after a mobile number however it is marked
        *("0171 1234567 ext. 3", "0171 1234567 x3", "0171 1234567 Durchwahl 3"),
        *("0171 1234567 App. 3", "+49 171 1234567 ext. 3", "0171 1234567 #3"),
    ],
)
def test_a_durchwahl_after_a_mobile_number_is_flagged(typed: str) -> None:
    """A mobile number has none: a landline's „-0“ written on by habit, or the number's last
    digit after a hyphen (0171 12345670, another number): neither is read; nor is an
    extension marked ``ext.``, ``x``, „Durchwahl“ or „App.“."""
    checked = values.parse_phone(typed)
    assert (checked.value, checked.raw) == (None, typed)
    assert checked.problem is not None and checked.problem.key == "phone_mobile_extension"
    assert values.parse_phone("0171 12345670").value == "+49 171 12345670"  # as typed: a number
    assert values.parse_phone("0171-1234567").value == "+49 171 1234567"  # after the prefix


@pytest.mark.parametrize("typed", ["12345", "Zentrale", "0211"])
def test_invalid_phone_numbers_are_flagged(typed: str) -> None:
    checked = values.parse_phone(typed)
    assert checked.value is None and checked.raw == typed
    assert checked.problem is not None and "not a phone number" in checked.problem.text


@pytest.mark.parametrize(
    "typed",
    [
        # words: phonenumbers reads letters as keypad digits ("oder 6" → "63376")
        "0211/12 34 5 oder 6",
        "0211 1234 oder 5678",
        "0211 123456 App. 12 (Frau Yılmaz)",
        "0211 123456 Fax 12",
        "0211 123456 (Zentrale)",
        "0170 1234567 (mobil)",
        "0211 123456 Mo-Fr",
        "0800 FLOWERS",
        # two numbers: phonenumbers joins them into one long valid-looking number
        "0211 1234 / 0211 5678",
        "0211 1234 / 5678",
        "0211 1234, 0211 5678",
        "0211 1234;0211 5678",
        "0211 1234567 oder 0211 7654321",
    ],
)
def test_words_and_second_numbers_are_kept_as_typed_not_turned_into_digits(typed: str) -> None:
    checked = values.parse_phone(typed)
    assert checked.value is None and checked.raw == typed
    assert checked.problem is not None and checked.problem.key == "phone_mixed"
    assert str(checked.problem) == (
        f"'{typed}' is not one phone number: it has words or a second number in it; write one "
        "number with area code, an extension after a hyphen (0211 123456-12), and a note such "
        "as 'main line' elsewhere"
    )
    assert checked.problem.in_language("de").startswith(
        f"„{typed}“ ist keine einzelne Telefonnummer: darin stehen Wörter oder eine zweite Nummer"
    )


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\u2029"])
def test_every_line_break_between_two_numbers_or_languages_separates_them(brk: str) -> None:
    """Two numbers on two lines are two numbers however the line was broken — a table cell from
    Windows (CRLF), text pasted from a web page or a word processor (U+2028, U+2029) — and two
    languages on two lines are two languages."""
    typed = f"0211 111222{brk}0211 333444"
    checked = values.parse_phone(typed)
    assert (checked.value, checked.raw) == (None, typed)
    assert checked.problem is not None and checked.problem.key == "phone_mixed"
    assert values.split_list(f"Türkisch{brk}Polnisch") == ["Türkisch", "Polnisch"]


@pytest.mark.parametrize(
    ("typed", "pct"),
    [
        ("40", 40),
        ("40 %", 40),
        ("40%", 40),
        ("0", 0),
        ("100 %", 100),
        ("۹۰٪", 90),  # a Persian keyboard: its digits and the Arabic percent sign U+066A
        ("٧٠ ٪", 70),  # an Arabic keyboard's digits
        ("70\uff05", 70),  # the full-width ％ of an East Asian input method
        ("70\ufe6a", 70),  # the small ﹪
        ("%70", 70),  # Turkish writes the sign first
        ("٪۹۰", 90),
    ],
)
def test_percentages(typed: str, pct: int) -> None:
    """A percentage as the keyboards of a multilingual network type it: an Arabic or Persian
    one's ٪ and digits were flagged "not a percentage", and the institution asked to correct
    a right value."""
    checked = values.parse_percentage(typed)
    assert (checked.value, checked.problem) == (pct, None)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("140 %", "outside 0–100"),
        ("۱۴۰٪", "outside 0–100"),
        ("ca. 40 bis 50", "not a percentage"),
        ("40,5", "not a percentage"),
        ("40 ٪ 50", "not a percentage"),
    ],
)
def test_invalid_percentages(typed: str, why: str) -> None:
    checked = values.parse_percentage(typed)
    assert checked.value is None and checked.problem is not None and why in checked.problem.text


def test_emails_and_integers() -> None:
    assert (
        values.parse_email(" mailto:info@beratung-duesseldorf.de ").value
        == "info@beratung-duesseldorf.de"
    )
    for bad_tld in ("info@beratung.d", "info@beratung.de1", "info@beratung.123"):
        problem = values.parse_email(bad_tld).problem
        assert problem is not None and problem.key == "email"
    bad = values.parse_email("info at beratung.de")
    assert (
        bad.value is None
        and bad.problem is not None
        and "not an e-mail address" in bad.problem.text
    )
    assert values.parse_integer("12").value == 12
    assert values.parse_integer("zwölf").problem is not None


def test_language_names_in_german_and_english_become_codes() -> None:
    codes, unknown = values.languages_from_text("Farsi, Arabisch und Turkish; Klingonisch")
    assert codes == ["fa", "ar", "tr"] and unknown == ["Klingonisch"]


def test_kurdish_languages_as_kurds_write_them() -> None:
    codes, unknown = values.languages_from_text("Kurmancî, Soranî, Kurdî, کوردی, Zazakî")
    assert codes == ["kmr", "ckb", "ku", "zza"] and unknown == []


def test_language_names_in_turkish_and_in_themselves_become_codes() -> None:
    """A Turkish-speaking institution writes its team's languages in Turkish („Kürtçe,
    Arapça“), with or without Turkish letters; they stayed text, so that ``register find
    --language Arabic`` missed it. An Arabic keyboard's „فارسي“ is Persian's „فارسی“."""
    codes, unknown = values.languages_from_text(
        "Kürtçe, Arapça, Farsça, Rusça, Türkçe, Lehçe, Almanca, İngilizce; KÜRTÇE (Sorani)"
    )
    assert codes == ["ku", "ar", "fa", "ru", "tr", "pl", "de", "en", "ckb"] and unknown == []
    codes, unknown = values.languages_from_text("Arapca, Sirpca, Hirvatca, Ukraynaca")
    assert codes == ["ar", "sr", "hr", "uk"] and unknown == []
    codes, unknown = values.languages_from_text("عربي, فارسي, دری, српски, język polski, Română")
    assert codes == ["ar", "fa", "prs", "sr", "pl", "ro"] and unknown == []


def test_kurdish_named_with_its_variety_in_brackets() -> None:
    """As German services write it on the form: the variety, not "Kurdish" left unknown; a
    remark in brackets that names no language („Syrien“) is the language."""
    codes, unknown = values.languages_from_text(
        "Arabisch, Kurdisch (Sorani), Tigrinya, Kurdish (Kurmancî), Arabisch (Syrien)"
    )
    assert codes == ["ar", "ckb", "ti", "kmr"] and unknown == []


def test_text_constraints() -> None:
    f = Field(
        "postcode",
        FieldType.TEXT,
        Text({"de": "PLZ"}),
        constraints=Constraints(pattern="^[0-9]{5}$"),
    )
    assert values.check_text(f, "40210").value == "40210"
    bad = values.check_text(f, "4021")
    assert (
        bad.value is None
        and bad.raw == "4021"
        and bad.problem is not None
        and "expected form" in bad.problem.text
    )


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ('"Poradnia Łódź" <poradnia@example.pl>', "poradnia@example.pl"),
        ("Praxis Öztürk <oeztuerk@example.org>", "oeztuerk@example.org"),
        ("<info@example.org>", "info@example.org"),
        ("Beratung < mailto:info@example.org >", "info@example.org"),
        ("'info@example.org' <info@example.org>", "info@example.org"),  # named by itself
        # a name in quotes may hold angle brackets, as a mail program quotes it
        ('"Müller <Beratung>" <m@example.org>', "m@example.org"),
        ('"Ośrodek <Łódź>"<lodz@example.pl>', "lodz@example.pl"),
        ('"Центр \\"Мир\\" <Ростов>" <mir@example.org>', "mir@example.org"),
    ],
)
def test_an_address_pasted_with_its_display_name_is_the_address_in_angle_brackets(
    typed: str, address: str
) -> None:
    """As Outlook copies a sender: the display name is left out, the address in ``<…>`` read."""
    checked = values.parse_email(typed)
    assert (checked.value, checked.raw, checked.problem) == (address, typed, None)


@pytest.mark.parametrize(
    "typed",
    [
        "a@example.org <b@example.org>",  # two addresses: which one?
        "Praxis <a@example.org>, Büro <b@example.org>",
        "Praxis <a@example.org> Büro",
        "Praxis <keine Adresse>",
        '"a" <b@example.org>, c@example.org',
        '"Praxis" <a@example.org>, "Büro <Zentrale>" <b@example.org>',
        '"Büro <a@example.org>" <b@example.org>',
        '"Müller <Beratung>", Büro <b@example.org>',
    ],
)
def test_a_display_name_with_more_or_less_than_one_address_is_flagged(typed: str) -> None:
    checked = values.parse_email(typed)
    assert (checked.value, checked.raw) == (None, typed)
    assert checked.problem is not None and checked.problem.key == "email"


def _text_field(type_: FieldType = FieldType.TEXT) -> Field:
    return Field("street", type_, Text({"de": "Straße"}), constraints=Constraints(max_length=40))


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Königs\u00adallee\u200b 12", "Königsallee 12"),  # soft hyphen, zero-width space
        ("\ufeffCaritasverband für die Region\u00ad Neuss", "Caritasverband für die Region Neuss"),
        ("Praxis Dr.\u00a0Gülşen Öztürk", "Praxis Dr. Gülşen Öztürk"),
        ("40\u202f%", "40 %"),
        # the zero-width non-joiner and joiner belong to Persian words and to emoji
        ("می\u200cخواهم", "می\u200cخواهم"),
        ("👩\u200d⚕️ Ärztin", "👩\u200d⚕️ Ärztin"),
    ],
)
def test_characters_pasted_unseen_from_word_or_a_web_page_are_not_stored(
    typed: str, read: str
) -> None:
    """Soft hyphens and zero-width spaces are left out and no-break spaces are spaces: the
    register then finds, compares and prints the text a person reads. What was typed is kept."""
    for type_ in (FieldType.TEXT, FieldType.TEXTAREA):
        checked = values.check_text(_text_field(type_), typed)
        assert (checked.value, checked.raw, checked.problem) == (read, typed, None)


def test_pasted_characters_count_for_no_length_and_hide_no_typed_value() -> None:
    """A postcode or an address pasted with them is read as it reads."""
    assert values.check_text(_text_field(), "Kö\u00ad" * 20).value == "Kö" * 20  # 40 of 40
    phone = Field("phone", FieldType.PHONE, Text({"de": "Telefon"}))
    assert values.check_text(phone, "0211\u00a0123\u200b456").value == "+49 211 123456"
    email = Field("email", FieldType.EMAIL, Text({"de": "E-Mail"}))
    assert values.check_text(email, "info@\u00adexample.org").value == "info@example.org"
    languages = Field("languages", FieldType.LANGUAGE_LIST, Text({"de": "Sprachen"}))
    listed, rest = values.check_multi(languages, [], "Tür\u00adkisch, Pol\u200bnisch")
    assert listed is not None and listed.value == ["tr", "pl"] and rest is None


@pytest.mark.parametrize(
    "typed",
    [
        "Polska Misja Katolicka –\nPoradnia Łódź\n",
        "Polska Misja Katolicka –  \n\n  Poradnia Łódź",
        "Polska Misja Katolicka –\u2028Poradnia Łódź",
        "Polska Misja Katolicka –\tPoradnia Łódź",
        "Polska Misja Katolicka – \t\tPoradnia Łódź",
    ],
)
def test_a_line_break_in_a_one_line_field_is_a_space(typed: str) -> None:
    """A name pasted from two lines (pdftk keeps the line break in a one-line box), or from
    two cells of a table (a tab); a text field of several lines keeps its line breaks."""
    name = Field("name", FieldType.TEXT, Text({"de": "Name"}))
    checked = values.check_text(name, typed)
    assert (checked.value, checked.raw) == ("Polska Misja Katolicka – Poradnia Łódź", typed)
    initials = Field("initials", FieldType.INITIALS, Text({"de": "Handzeichen"}))
    assert values.check_text(initials, "G.\nÖ.").value == "G. Ö."
    area = Field("opening_hours", FieldType.TEXTAREA, Text({"de": "Öffnungszeiten"}))
    assert values.check_text(area, "Mo 9–12\nDi 14–16").value == "Mo 9–12\nDi 14–16"
    assert values.check_text(name, "Königsallee\t12").value == "Königsallee 12"


def _postcode() -> Field:
    """The shipped schema's postcode: five digits, said in words (``pattern_hint``)."""
    return next(f for f in default_schema().institution_fields() if f.id == "postcode")


@pytest.mark.parametrize(
    "typed",
    ["D-40212", "D 40212", "D–40212", "DE-40212", "de-40212", "d-40212", "De 40212", " 40 212 "],
)
def test_a_postcode_written_with_the_d_before_it_or_in_groups_is_its_five_digits(
    typed: str,
) -> None:
    """As German letters wrote it before 1993 (D-40212, also DE- or in small letters), or
    grouped by its Leitregion (40 212)."""
    checked = values.check_text(_postcode(), typed)
    assert (checked.value, checked.raw, checked.problem) == ("40212", typed, None)


@pytest.mark.parametrize(
    "typed",
    # digits grouped otherwise are no notation of a postcode: a digit too many or too few
    ["D-402123", "40212 Düsseldorf", "A-1010", "4021", "1234 5", "402 12", "4 02 12", "DEU-40212"],
)
def test_a_postcode_of_another_form_is_told_what_the_form_asks_for_not_its_length(
    typed: str,
) -> None:
    checked = values.check_text(_postcode(), typed)
    assert (checked.value, checked.raw) == (None, typed)
    assert checked.problem is not None and checked.problem.in_language("de") == (
        f"„{typed}“ hat nicht die erwartete Form: fünf Ziffern, z.\u00a0B. 40210"
    )


def test_digits_in_groups_are_read_only_as_a_postcode_where_the_pattern_asks_for_digits() -> None:
    """A field with a pattern and no words for it says the length first, as before; digits in
    groups are joined only as a postcode is written, whatever digits the pattern asks for."""
    letters = Field(
        "code", FieldType.TEXT, Text({"de": "Kürzel"}), constraints=Constraints(pattern="^[A-Z]+$")
    )
    assert values.check_text(letters, "40 212").problem is not None
    short = Field(
        "code",
        FieldType.TEXT,
        Text({"de": "Kürzel"}),
        constraints=Constraints(pattern="^[0-9]+$", max_length=3),
    )
    found = values.check_text(short, "4o21").problem
    assert found is not None and found.key == "too_long"
    digits = Field(
        "number",
        FieldType.TEXT,
        Text({"de": "Nummer"}),
        constraints=Constraints(pattern="^[0-9]+$"),
    )
    assert values.check_text(digits, "40 212").value == "40212"
    for typed in ("1 234", "12 34 56", "1234 5"):  # no postcode: kept as typed, flagged
        checked = values.check_text(digits, typed)
        assert (checked.value, checked.raw) == (None, typed)
        assert checked.problem is not None and checked.problem.key == "pattern"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("899 2222", "089 92222"),  # a local number: Munich's, to phonenumbers
        ("8992222", "089 92222"),
        ("211 1234567", "0211 1234567"),
        ("(211) 1234567", "0211 1234567"),
        ("Tel. 151 23456789", "01512 3456789"),
    ],
)
def test_a_phone_number_without_its_0_is_kept_as_typed_and_flagged(typed: str, read: str) -> None:
    """phonenumbers reads the first digits of a number without the national prefix 0 as its
    area code: a number typed without one became another town's, silently."""
    checked = values.parse_phone(typed)
    assert (checked.value, checked.raw) == (None, typed)
    assert checked.problem is not None and checked.problem.key == "phone_no_prefix"
    assert str(checked.problem) == (
        f"'{typed}' has no area code starting with 0 and would be read as {read}; write the "
        "number with its area code, e.g. 0211 1234567"
    )


def test_a_region_without_the_national_prefix_0_reads_a_number_without_it() -> None:
    """In the United States (national prefix 1) a number is written without it."""
    assert values.parse_phone("212 555 1234", "US").value == "+1 212-555-1234"
    assert values.parse_phone("０２１１ １２３４５６７").value == "+49 211 1234567"  # full width


@pytest.mark.parametrize(
    ("typed", "char", "shown"),
    [
        # IDNA 2003 dropped it; a joiner shows as nothing: its escape where the address is quoted
        ("praxis@a\u200dga.example", "U+200D Zero Width Joiner", "praxis@a\\u200dga.example"),
        ("info@i\u2764.example", "U+2764 Heavy Black Heart", "info@i\u2764.example"),
        ("info@\u0661\u0662\u0663.example", "U+0661 Arabic-Indic Digit One", "info@١٢٣.example"),
    ],
)
def test_an_address_whose_domain_idna_2008_refuses_is_kept_as_typed_and_named(
    typed: str, char: str, shown: str
) -> None:
    """Never mailed to another domain than the one typed: kept as typed, flagged, its character
    named (a joiner cannot be seen)."""
    checked = values.parse_email(typed)
    assert (checked.value, checked.raw) == (None, typed)
    assert checked.problem is not None and checked.problem.key == "email_domain_char"
    assert checked.problem.in_language("de") == (
        f"„{shown}“: der Teil nach dem @ ist kein Domainname, den IDNA 2008 zulässt (er enthält "
        f"{char}); bitte die Einrichtung nach ihrer Adresse fragen"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "info@straßenfußball-neuß.de",
        "info@ελληνικός.example",
        "kontakt@مثال.example",
        # a top-level domain of another script: it was flagged as no e-mail address
        "info@пример.рф",
        "info@xn--e1afmkfd.xn--p1ai",
        "kontakt@مثال.مصر",
    ],
)
def test_a_domain_idna_2008_takes_is_kept_as_typed(typed: str) -> None:
    checked = values.parse_email(typed)
    assert (checked.value, checked.problem) == (typed, None)
