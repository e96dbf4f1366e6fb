"""Typed values from what people typed: dates, phone numbers, e-mails, percentages, languages.

Pure functions, no I/O. Each parser takes the text as typed (already NFC; a line break is any
of :data:`formgen.linebreak.LINE_BREAK`) and returns a :class:`~ingest.submission.Checked`: the
typed value, or — when the text does not fit — ``value=None`` and the reason in ``problem``.
The text as typed is always kept in ``Checked.raw``: an invalid value is flagged, never dropped
and never "fixed" silently. The reasons are :class:`~formgen.messages.Problem` s, their templates
(English and German) in :mod:`formgen.messages`.

Conventions (the same as :mod:`formgen.record`):

* ``date`` → ISO ``YYYY-MM-DD``. Accepted: ``2025-09-24``, ``24.09.2025``, ``24.9.2025``,
  ``24.9.25`` (two-digit years are 2000–2099 up to ten years ahead of today, else 1900s; in an
  entry's „Datum“, the day the form was filled in (:func:`confirmed_on`), this century's: a
  form is not filled in in 1962, so ``24.11.62`` is 2062, in the future, and flagged).
  Any other date (an appointment) may be a month, ``YYYY-MM``: ``Januar 2027``, ``ab Jan.
  2026``, ``01.2026``, shown as typed (:func:`shown_as_typed`).
* ``phone`` → the international format of the ``phonenumbers`` library, default region DE:
  ``0211 1234567`` → ``+49 211 1234567``; an extension is kept (``+49 211 123456 ext. 12``),
  however it was marked (``ext. 12``, ``x12``, ``Durchwahl 12``, ``DW 12``, ``App. 12``).
  We chose the international format over E.164 because it is just as canonical (one spelling
  per number, so the register can compare numbers) but readable in exports and the printed
  register, and it keeps extensions, which E.164 cannot. A German "Durchwahl" after a hyphen
  is dialled straight on, so it is part of the number, and stays as written after the number
  it extends (``0211 12345-0`` → ``+49 211 12345-0``: the print and the next form show the
  institution the number it wrote). Words and second numbers are flagged, not read: see
  :func:`parse_phone`.
* ``email`` → the address without surrounding blanks or a ``mailto:`` prefix; pasted with a
  display name, as Outlook copies it (``"Poradnia Łódź" <poradnia@example.pl>``), the one
  address in ``<…>`` (a name in quotes may hold ``<`` and ``>``); its domain as IDNA 2008 takes
  it, in any script (``пример.рф``), one it refuses flagged and kept as typed, never mailed to
  another domain (:func:`formgen.recipients.ascii_domain`).
* ``integer`` → ``int``; ``percentage`` → ``int`` 0–100 from ``40``, ``40 %``, ``40%``,
  ``۹۰٪`` (the Arabic percent sign, Persian digits), ``%40`` (as Turkish writes it), and
  approximate, ``ca. 90 %``, ``etwa 40``: the number, shown as typed (:func:`shown_as_typed`).
* ``language_list`` → ISO 639 codes from codes or German/English names
  (:func:`formgen.languages.lookup`).

Before a text is read, what Word or a web page pastes with it unseen is taken out
(:func:`pasted`), and a one-line field's line breaks and tabs are spaces; the text as typed stays in
``Checked.raw``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

import phonenumbers

from formgen import languages
from formgen.linebreak import LINE_BREAK, pasted
from formgen.messages import per_language, problem
from formgen.model import (
    Field,
    FieldType,
    choice_value,
    choices_of,
    confirmed_on,
    folded,
)
from formgen.recipients import address_in, ascii_domain, invisible_shown, refused_domain
from formgen.record import day_of, month_of
from ingest.submission import Checked, short

_DATE_DE = re.compile(r"^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{2}|\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH_WORDS = (
    "januar jänner january", "februar february", "märz march", "april", "mai may",
    "juni june", "juli july", "august", "september", "oktober october", "november",
    "dezember december",
)  # fmt: skip
_MONTHS = {
    word[:n]: number
    for number, words in enumerate(_MONTH_WORDS, 1)
    for word in words.split()
    for n in range(3, len(word) + 1)
}
"""A month's name, German or English, whole or cut after three letters or more („Jan.“,
„Sept.“, „Mär“) → its number."""
_BEFORE_MONTH = r"ab|seit|ca\.|etwa|anfang|mitte|ende|from|early|mid|late"
_MONTH = re.compile(
    rf"^(?:(?:{_BEFORE_MONTH})\s+)?"
    r"(?:(\d{1,2})\s*[./]\s*|([^\W\d_]{3,})\.?\s*)(\d{4})$|^(\d{4})-(\d{1,2})$",
    re.IGNORECASE,
)
"""A month of a year as people write a date they know no day of: „01.2026“, „1/2026“,
„2026-01“, „Januar 2027“, „Jan. 2026“, and with a word before it that places the day in the
month or after it („ab Jan. 2026“, „Mitte März 2026“), which the text as typed keeps."""
_MONTH_WORD = re.compile(rf"^({_BEFORE_MONTH})\s+", re.IGNORECASE)
"""The word before a month (:data:`_MONTH`) that places the day in it or after it."""
_SAME_WORD = {"etwa": "ca.", "from": "ab", "early": "anfang", "mid": "mitte", "late": "ende"}
"""The words before a month that say what another says („from“: „ab“; „Etwa“: „ca.“)."""
_APPROXIMATE = re.compile(r"^(?:ca\.?|circa|zirka|etwa|ungefähr|rund|approx\.?|about|~|≈)\s*")
"""What makes a number approximate as people write it before it: „ca. 90 %“, „etwa 40“,
„~30 %“."""
_INT = re.compile(r"^[+-]?\d+$")
_PERCENT_SIGN = "%\u066a\ufe6a\uff05"
"""The percent sign as keyboards type it: ``%``, the Arabic ``٪`` of Arabic and Persian
keyboards, and the small and full-width forms ``﹪`` ``％`` of East Asian input methods."""
_PERCENT = re.compile(
    rf"^(?:[{_PERCENT_SIGN}]\s*)?(\d+)\s*(?:[{_PERCENT_SIGN}]|v\.\s*h\.|prozent|percent)?$",
    re.IGNORECASE,
)
"""A whole percentage: its digits (Arabic-Indic and Persian too: ``۹۰٪``) with a sign or word
after them, or the sign before them as Turkish writes it (``%70``)."""
_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.(?:[A-Za-z]{2,}|xn--[A-Za-z0-9-]+)$")
"""An address, its domain as mail goes to it (:func:`~formgen.recipients.ascii_domain`): a
top-level domain of letters, in any script (``.рф`` is ``.xn--p1ai``)."""
_URL = re.compile(r"^(https?://)?[^\s/$.?#][^\s]*\.[^\s]{2,}$", re.IGNORECASE)
_SPLIT = re.compile(
    rf"\s*(?:[,;/+]|{LINE_BREAK.pattern}|\s\bund\b\s|\s\band\b\s|\s\bu\.\s)\s*", re.IGNORECASE
)
_PHRASES = re.compile(rf"\s*(?:[,;]|{LINE_BREAK.pattern})\s*")
"""What parts a list of languages into phrases, each said on its own: not the ``/``, „und“
or ``+`` that join the languages one remark is about (:func:`language_items`)."""
_BRACKETS = re.compile(r"\([^()]*\)")
"""A remark in brackets: a list is not split at a comma or „und“ in it („Arabisch (Syrisch,
Marokkanisch)“ is one language, „Beratung (Einzel, Gruppe)“ one item)."""
_PHONE_START = re.compile(r"[+\uff0b\d]")
_PHONE_EXTENSION = re.compile(
    r"[\s,]*(?:ext|x|#|durchwahl|durchw|dw|apparat|app)\.?:?\s*(\d+)$", re.IGNORECASE
)
"""An extension after the number, however it is marked: ``ext. 12``, ``x12``, ``#12``, and the
German words for it, ``Durchwahl 12``, ``DW 12``, ``App. 12`` (Apparat), also after a comma."""
_DURCHWAHL = re.compile(r"\s*-\s*(\d{1,5})$")
_PHONE_SEPARATOR = re.compile(f"[/,;]|{LINE_BREAK.pattern}")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
_POSTCODE = re.compile(r"(?:DE? *[-–]? *)?([0-9]{2}) ?([0-9]{3})", re.IGNORECASE)
"""A German postcode as it is written besides its five digits: grouped by its Leitregion
(``41 460``), or after the D, or DE, that marked a German address (``D-40212``, ``DE-40212``,
``d-40212``): read as its five digits where those fit a field's pattern. Other groups of digits
are no notation (``1234 5``: a digit too many or too few, or two numbers): not joined."""
ONE_LINE = frozenset({FieldType.TEXT, FieldType.INITIALS})
"""The text fields printed as one line (a ``textarea`` has several)."""


def is_blank(raw: object) -> bool:
    """True when a raw value means "not filled in": ``None``, ``""``, blanks, ``False``, ``[]``."""
    if raw is None or raw is False:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, list):
        return all(is_blank(x) for x in raw)
    return False


# --------------------------------------------------------------------------- single types


def parse_date(
    raw: str, today: dt.date | None = None, this_century: bool = False, month: bool = False
) -> Checked:
    """The day ``raw`` names. A two-digit year is of this century up to ten years ahead of
    ``today`` (default: today), else of the last; ``this_century``: of this century always (the
    day a form was filled in, :func:`confirmed_on`: ``24.11.62`` is 2062, which
    :func:`not_in_future` flags, and never 1962). ``month``: a month of a year is a date too
    (:data:`_MONTH`: „Januar 2027“, „ab Jan. 2026“), stored as ``YYYY-MM`` (ISO 8601's date
    of a month) and shown as typed (:func:`shown_as_typed`): an appointment an institution
    can only give so."""
    text = raw.strip().translate(_SPACES)
    m = _DATE_ISO.match(text)
    if m:
        return _day(raw, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DATE_DE.match(text)
    if m:
        year = int(m.group(3))
        if len(m.group(3)) == 2:
            this_year = (today or dt.date.today()).year
            pivot = 99 if this_century else (this_year + 10) % 100
            year += this_year - this_year % 100 - (0 if year <= pivot else 100)
        return _day(raw, year, int(m.group(2)), int(m.group(1)))
    if month and (m := _MONTH.match(text)):
        number = int(m[1] or m[5] or 0) or _MONTHS.get(fold_month(m[2] or ""), 0)
        if number:
            return _day(raw, int(m[3] or m[4]), number, 1, month_only=True)
    return Checked(raw, None, problem("date_or_month" if month else "date", raw=short(raw)))


def fold_month(word: str) -> str:
    """A month's name as :data:`_MONTHS` holds it: lower case, „Maerz“ as „märz“."""
    return word.casefold().replace("ae", "ä")


def _day(raw: str, year: int, month: int, day: int, month_only: bool = False) -> Checked:
    """The date, or why it is no day of the calendar (checked as :class:`datetime.date` does);
    ``month_only``: the month, ``YYYY-MM``."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return Checked(raw, None, problem("date_year", raw=short(raw), year=year))
    if not 1 <= month <= 12:
        return Checked(raw, None, problem("date_month", raw=short(raw), month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return Checked(raw, None, problem("date_day", raw=short(raw), days=days))
    iso = dt.date(year, month, day).isoformat()
    return Checked(raw, iso[:7] if month_only else iso)


def approximate(raw: str) -> bool:
    """Whether a number was typed as an approximate one (:data:`_APPROXIMATE`: „ca. 90 %“)."""
    return _APPROXIMATE.match(raw.strip()) is not None


APPROXIMATE_FORMAT = '"ca. "0" %"'
"""The number format of an approximate percentage's cell in an XLSX export: the number, that
its column sums, shown „ca. 90 %“; read back (``register import``) as shown."""


def shown_as_typed(f: Field, value: object, raw: str) -> bool:
    """Whether the valid ``value`` of ``f`` is shown as ``raw``, what was typed, wherever people
    read it (the print, the tables, the next form): a month given for a date („Januar 2027“,
    stored ``2027-01``) and an approximate percentage („ca. 90 %“, stored 90) say more than
    the value."""
    if f.type is FieldType.DATE:
        return month_of(value)
    return f.type is FieldType.PERCENTAGE and approximate(raw)


def remark(f: Field, value: object, raw: str) -> str:
    """What ``raw``, typed for the valid ``value`` of ``f``, says beyond the value, folded: „ca.“
    for an approximate number or month (:data:`_APPROXIMATE`: „ca. 90 %“, „etwa Jan. 2026“),
    the word before a month that places its day (:data:`_MONTH`: „ab“ for „ab Jan. 2026“ and
    „from Jan 2026“, „mitte“), the words a language of a list is named by where they say
    more than its name (:func:`remarked_languages`: „Arabisch (Syrisch)“); ``""`` for none
    (``90``, „Januar 2026“, „01.2026“, „Arabisch“). Two values the same with another remark
    are two answers (:meth:`ingest.register.Register.same`): the institution that takes back
    its „ca.“ gives its new word."""
    if f.type is FieldType.LANGUAGE_LIST and isinstance(value, list):
        words = remarked_languages(value, raw)
        return "; ".join(f"{code}: {folded(words[code])}" for code in sorted(words))
    if not shown_as_typed(f, value, raw):
        return ""
    text = raw.strip().translate(_SPACES)
    if approximate(text):
        return "ca."
    word = _MONTH_WORD.match(text)
    folded_word = word[1].casefold() if word else ""
    return _SAME_WORD.get(folded_word, folded_word)


FUTURE_TOLERANCE = dt.timedelta(days=1)
"""A form dated tomorrow is accepted: the sender's clock may be a time zone ahead, or the form
was dated for the next day's post."""


AHEAD_LIMIT = dt.timedelta(days=366)
"""How far ahead a date a form gives for later (an appointment to get acquainted) may lie: an
appointment is made for the weeks or months to come, and one further ahead is a mistyped year
(2062 or 2206 for 2026)."""


def not_in_future(checked: Checked, today: dt.date | None = None) -> Checked:
    """``checked`` (a valid date) flagged when it lies later than ``today`` (default: today)
    plus :data:`FUTURE_TOLERANCE` — for the day a form was filled in or confirmed, which
    cannot lie ahead; kept as typed, with the reason: typed with a two-digit year read as a
    later year than today's, that neither century gives a day it can be (``24.11.62``: 2062 is
    ahead, 1962 long before any form); one of this year (``26.11.26``) as any future date."""
    today = today or dt.date.today()
    flagged = _not_after(checked, today, FUTURE_TOLERANCE, "future_iso")
    if flagged is checked or not isinstance(checked.value, str):
        return flagged
    typed = _DATE_DE.match(checked.raw.strip().translate(_SPACES))
    if typed is None or len(typed[3]) != 2 or int(checked.value[:4]) <= today.year:
        return flagged  # this year's: four digits would not help, the plain future date
    later, raw = int(checked.value[:4]), short(checked.raw)
    said = problem(
        "future_two_digit_year", raw=raw, later=later, earlier=later - 100, today=today.isoformat()
    )
    return Checked(checked.raw, None, said)


def not_far_ahead(checked: Checked, today: dt.date | None = None) -> Checked:
    """``checked`` (a valid date) flagged when it lies later than ``today`` (default: today)
    plus :data:`AHEAD_LIMIT` — for any other date a form gives; kept as typed, with the
    reason."""
    return _not_after(checked, today or dt.date.today(), AHEAD_LIMIT, "far_future")


def _not_after(checked: Checked, today: dt.date, ahead: dt.timedelta, key: str) -> Checked:
    if not isinstance(checked.value, str):
        return checked
    try:
        day = day_of(checked.value)
    except ValueError:
        return checked
    if day <= today + ahead:
        return checked
    return Checked(checked.raw, None, problem(key, raw=short(checked.raw), today=today.isoformat()))


def parse_integer(raw: str, low: int | None = None, high: int | None = None) -> Checked:
    text = raw.strip().translate(_SPACES).replace(" ", "")
    if not _INT.match(text):
        return Checked(raw, None, problem("integer", raw=short(raw)))
    return _in_range(raw, int(text), low, high)


def parse_percentage(raw: str, low: int | None = None, high: int | None = None) -> Checked:
    text = raw.strip().translate(_SPACES)
    m = _PERCENT.match(text)
    if not m and (about := _APPROXIMATE.match(text)):  # „ca. 90 %“: 90, shown as typed
        m = _PERCENT.match(text[about.end() :])
    if not m:
        return Checked(raw, None, problem("percentage", raw=short(raw)))
    return _in_range(raw, int(m.group(1)), 0 if low is None else low, 100 if high is None else high)


def _in_range(raw: str, value: int, low: int | None, high: int | None) -> Checked:
    below = low is not None and value < low
    above = high is not None and value > high
    if (below or above) and low is not None and high is not None:
        return Checked(raw, None, problem("range", value=value, low=low, high=high))
    if below and low is not None:
        return Checked(raw, None, problem("minimum", value=value, low=low))
    if above and high is not None:
        return Checked(raw, None, problem("maximum", value=value, high=high))
    return Checked(raw, value)


def parse_phone(raw: str, region: str = "DE") -> Checked:
    """One phone number, as :func:`phonenumbers.parse` reads it from the first digit or ``+``
    on (a label before it, ``Tel.`` or ``Telefon:``, is left out).

    What ``phonenumbers`` would silently turn into another, valid-looking number is flagged
    instead (``phone_mixed``) and kept as typed:

    * a letter after the first digit, other than an extension marker (``ext. 12``, ``x 12``,
      ``Durchwahl 12``, ``DW 12``, ``App. 12``: :data:`_PHONE_EXTENSION`): ``phonenumbers``
      reads letters as the keys of a telephone keypad (vanity numbers such as ``0800
      FLOWERS``), so ``0211 1234 oder 5678``, ``… Fax 12`` and ``… (Zentrale)`` would become
      digits;
    * a ``/``, ``,``, ``;`` or line break after a complete number: a second number follows,
      and ``0211 1234 / 0211 5678`` would be read as one long number. A ``/`` after the area
      code alone (``0211/123456``) is the old way to write one number.

    A number without ``+`` or the national prefix ``0`` of a region that has one (DE, AT, CH)
    is flagged too (``phone_no_prefix``): ``phonenumbers`` reads its first digits as the area
    code, so a local ``899 2222`` typed without one became Munich's ``+49 89 92222``.

    So is a Durchwahl after a mobile number (``0171 1234567-0``, ``0171 1234567 ext. 3``,
    ``… App. 3``: ``phone_mobile_extension``), which has none: a landline's ``-0`` written on
    by habit, or a last digit of the number after a hyphen (``0171 12345670``); the two are
    different numbers, and neither is read.
    """
    text = raw.strip().translate(_SPACES)
    start = _PHONE_START.search(text)
    number_text = text[start.start() :] if start else ""
    if extension := _PHONE_EXTENSION.search(number_text):  # as phonenumbers marks one
        number_text = number_text[: extension.start()]
        text = f"{number_text} ext. {extension[1]}"
    words = any(ch.isalpha() for ch in number_text)
    before_separators = (number_text[: m.start()] for m in _PHONE_SEPARATOR.finditer(number_text))
    if words or any(_phone_number(before, region) for before in before_separators):
        return Checked(raw, None, problem("phone_mixed", raw=short(raw)))
    number = _phone_number(text, region)
    if number is None:
        return Checked(raw, None, problem("phone", raw=short(raw), region=region))
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    without_prefix = number_text[:1].isdecimal() and int(number_text[0]) > 0
    if metadata is not None and metadata.national_prefix == "0" and without_prefix:
        read = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return Checked(raw, None, problem("phone_no_prefix", raw=short(raw), read=read))
    fmt = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    mobile = phonenumbers.PhoneNumberType.MOBILE
    if number.extension and phonenumbers.number_type(number) is mobile:
        return Checked(raw, None, problem("phone_mobile_extension", raw=short(raw)))
    durchwahl = _DURCHWAHL.search(number_text)
    if durchwahl and not number.extension:
        extended = _phone_number(number_text[: durchwahl.start()], region)
        if extended is not None and phonenumbers.number_type(extended) is mobile:
            return Checked(raw, None, problem("phone_mobile_extension", raw=short(raw)))
        if extended is not None:  # a number itself: the Durchwahl after it stays as written
            international = phonenumbers.PhoneNumberFormat.INTERNATIONAL
            fmt = f"{phonenumbers.format_number(extended, international)}-{durchwahl[1]}"
    return Checked(raw, fmt)


def _phone_number(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    """The valid phone number ``phonenumbers`` reads from ``text``, or ``None``."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def parse_email(raw: str) -> Checked:
    text = address_in(raw)
    local, _, domain = (text or "").rpartition("@")
    try:
        wire: str | None = f"{local}@{ascii_domain(domain)}"
    except UnicodeError:  # a domain IDNA 2008 refuses
        wire = None
    if text is None or not _EMAIL.match(wire or text):
        return Checked(raw, None, problem("email", raw=short(raw)))
    refused = refused_domain(domain) if wire is None else None
    if refused is not None:  # never mailed to another domain: kept as typed, asked about
        char = refused.args.get("char")
        shown = invisible_shown(short(raw))
        why = problem("email_domain_char", raw=shown, char=char) if char else None
        return Checked(raw, None, why or problem("email_domain", raw=shown))
    return Checked(raw, text)


def parse_url(raw: str) -> Checked:
    text = raw.strip()
    if not _URL.match(text):
        return Checked(raw, None, problem("url", raw=short(raw)))
    return Checked(raw, text)


def split_list(text: str, whole: Iterable[str] = ()) -> list[str]:
    """Split typed list text ("Tamil, Urdu und Hindi") into its items. A phrase of ``whole`` (a
    choice's label, :func:`choice_labels`: „Beratung und Begleitung“, "Dienst, Krisendienst")
    standing between two separators is one item, not split at its own „und“ or comma."""
    text = text.strip()
    known = {folded(w): len(_SPLIT.split(w.strip())) for w in whole}
    most = max(known.values(), default=1)  # the most pieces a phrase of ``whole`` spans
    pieces = _pieces(_SPLIT, text)
    items: list[str] = []
    i = 0
    while i < len(pieces):
        start, end = pieces[i]
        for j in range(min(i + most, len(pieces)) - 1, i, -1):  # the longest phrase first
            if folded(phrase := text[start : pieces[j][1]].strip(" .")) in known:
                items.append(phrase)
                i = j + 1
                break
        else:
            items.append(text[start:end].strip(" ."))
            i += 1
    return [item for item in items if item]


def _pieces(separator: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """``text`` cut at the matches of ``separator`` that stand outside any remark in brackets
    (:data:`_BRACKETS`): each piece between them as (start, end)."""
    inside = [m.span() for m in _BRACKETS.finditer(text)]
    outside = (m for m in separator.finditer(text) if not any(a < m.start() < b for a, b in inside))
    cuts = [0, *(i for m in outside for i in m.span()), len(text)]
    return list(zip(cuts[::2], cuts[1::2], strict=True))


def choice_labels(f: Field) -> list[str]:
    """The labels of the choices of ``f`` in every language: the phrases a list of them is not
    split in (:func:`split_list`)."""
    return [label for c in choices_of(f) for label in c.label.values.values()]


def language_items(text: str) -> list[tuple[str, str | None]]:
    """The items of typed language text, each with its code (None: no language it names).

    One rule for every item (:func:`formgen.languages.lookup`): a phrase between commas,
    semicolons or line breaks said with a :func:`~formgen.languages.qualifier` is one item
    with no code, kept whole, though it names several languages: „Farsi/Dari über
    Sprachmittler“ is not Farsi ticked and „Dari über Sprachmittler“ left."""
    if not languages.qualifier(text):  # as a rule: no phrase to keep whole
        return [(item, languages.lookup(item)) for item in split_list(text)]
    items: list[tuple[str, str | None]] = []
    text = text.strip()
    for phrase in (text[start:end] for start, end in _pieces(_PHRASES, text)):
        if languages.qualifier(phrase):
            items.append((phrase.strip(" ."), None))
        else:
            items.extend((item, languages.lookup(item)) for item in split_list(phrase))
    return [(item, code) for item, code in items if item]


def languages_from_text(text: str) -> tuple[list[str], list[str]]:
    """Codes for the language names/codes in ``text``, and the items that are not known
    (:func:`language_items`)."""
    codes: list[str] = []
    unknown: list[str] = []
    for item, code in language_items(text):
        if code is None:
            unknown.append(item)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


def own_names(text: str, codes: Iterable[str]) -> dict[str, str]:
    """Code of ``codes`` → the words ``text`` (a language list as typed) names it by, where
    those are not the code: the phrases that say more than a name of it
    (:func:`formgen.languages.says_more`: „Arabisch (Syrisch), Arabisch (Marokkanisch)“ for
    ``ar``), else the first („Kurmancî“ for ``kmr``); so that the next form, the print and the
    tables show the institution its own words, not formgen's name
    (:attr:`formgen.record.InstitutionRecord.named`)."""
    wanted = set(codes)
    said: dict[str, list[str]] = {}
    for item, code in language_items(text):
        if code in wanted and item != code:
            said.setdefault(code, []).append(item)
    out: dict[str, str] = {}
    for code, items in said.items():
        more = [item for item in dict.fromkeys(items) if languages.says_more(item, code)]
        out[code] = ", ".join(more) if more else items[0]
    return out


def remarked_languages(codes: Iterable[str], raw: str) -> dict[str, str]:
    """Code of ``codes`` → the words ``raw`` names it by where they say more than its name
    (:func:`own_names`, :func:`formgen.languages.says_more`): what the print, the tables and
    the next form show for it. Without a bracket, none: a language is named with more than
    its name only in brackets (:func:`formgen.languages.lookup`)."""
    return dict(_remarked(tuple(codes), raw)) if "(" in raw else {}


@lru_cache(maxsize=4096)
def _remarked(codes: tuple[str, ...], raw: str) -> tuple[tuple[str, str], ...]:
    """:func:`remarked_languages`, read once for each text and list: a merge compares a list
    with every value it may replace, the print and the tables show it again."""
    named = own_names(raw, codes)
    return tuple((c, words) for c, words in named.items() if languages.says_more(words, c))


def qualified_languages(text: str) -> list[tuple[str, str]]:
    """The phrases of typed language text kept whole because of a qualifier
    (:func:`language_items`), each with its qualifier: for the ingest report."""
    return [
        (item, word)
        for item, code in language_items(text)
        if code is None and (word := languages.qualifier(item))
    ]


def allowed(f: Field) -> dict[str, str]:
    """The choices of ``f`` by their labels, in each language of the messages."""
    return per_language(lambda lang: ", ".join(c.label.get(lang) for c in choices_of(f)))


# --------------------------------------------------------------------------- by field


def check_text(f: Field, raw: str) -> Checked:
    """A text-like value (one string) checked against field ``f``, as :func:`pasted` leaves it
    (a one-line field's line breaks and tabs as spaces); ``raw`` is kept as typed."""
    checked = _check_text(f, pasted(raw, f.type in ONE_LINE))
    return checked if checked.raw == raw else replace(checked, raw=raw)


def _check_text(f: Field, raw: str) -> Checked:
    t = f.type
    if t is FieldType.DATE:
        return parse_date(raw, this_century=confirmed_on(f), month=not confirmed_on(f))
    if t is FieldType.INTEGER:
        return parse_integer(raw, f.constraints.minimum, f.constraints.maximum)
    if t is FieldType.PERCENTAGE:
        return parse_percentage(raw, f.constraints.minimum, f.constraints.maximum)
    if t is FieldType.PHONE:
        return parse_phone(raw)
    if t is FieldType.EMAIL:
        return parse_email(raw)
    if t is FieldType.URL:
        checked = parse_url(raw)
    elif t in (FieldType.SELECT_ONE, FieldType.YES_NO_NONE):
        value = choice_value(f, raw.strip())
        if value is None:
            return Checked(raw, None, problem("choice_labels", raw=short(raw), allowed=allowed(f)))
        return Checked(raw, value)
    elif f.is_multi:
        raise ValueError(f"field '{f.id}' is a multiple choice; use check_multi")
    else:  # text, textarea, initials
        checked = Checked(raw, raw.strip())
    if checked.value is None:
        return checked
    text = str(checked.value)
    c = f.constraints
    if c.pattern is not None and not re.search(c.pattern, text):
        postcode = _POSTCODE.fullmatch(text)
        joined = "".join(postcode.groups()) if postcode else ""
        if joined and re.search(c.pattern, joined):  # D-40212, 41 460: a postcode as meant
            checked, text = Checked(raw, joined), joined
        elif c.pattern_hint:  # said in words, before a length the words explain
            hint = per_language(c.pattern_hint.get)
            return Checked(raw, None, problem("pattern_hint", raw=short(raw), hint=hint))
    if c.max_length is not None and len(text) > c.max_length:
        return Checked(raw, None, problem("too_long", length=len(text), limit=c.max_length))
    if c.min_length is not None and len(text) < c.min_length:
        return Checked(raw, None, problem("too_short", length=len(text), limit=c.min_length))
    if c.pattern is not None and not re.search(c.pattern, text):
        # nobody reads the regular expression: a pattern without words says the form is wrong
        return Checked(raw, None, problem("pattern", raw=short(raw), pattern=c.pattern))
    return checked


def check_multi(f: Field, ticked: list[str], other: str) -> tuple[Checked | None, Checked | None]:
    """A multiple choice from its ticked options and the text of its "other" box.

    Returns the checked list (ticked codes, then codes found in the other text; ``None`` when
    there is none) and the checked "other" text (``None`` when nothing is left of it). For a ``language_list``, language
    names typed into the other box become codes; what is not a known language stays in the
    other text, which is a legitimate answer ("Klingonisch" is kept there, not flagged). For a
    ``select_multiple``, typed text that names a choice becomes that choice (a whole label,
    though it holds a comma or „und“: :func:`split_list`); the rest is other text.
    """
    codes = list(dict.fromkeys(ticked))
    rest: list[str] = []
    if other.strip():
        if f.type is FieldType.LANGUAGE_LIST:
            found, rest = languages_from_text(pasted(other))
        else:
            found = []
            for item in split_list(pasted(other), choice_labels(f)):
                value = choice_value(f, item)
                if value is None:
                    rest.append(item)
                else:
                    found.append(value)
        codes += [c for c in found if c not in codes]
    raw = ", ".join([*dict.fromkeys(ticked), *([other.strip()] if other.strip() else [])])
    checked = Checked(raw, codes) if codes else None
    other_checked = Checked(other, ", ".join(rest)) if rest else None
    return checked, other_checked
