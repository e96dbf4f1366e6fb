"""Text as a person compares it: without case, accents and marks, so that what a German
keyboard types finds what the register holds ("Lodz" finds „Łódź“, "Yilmaz" „Yılmaz“).

:func:`fold` decomposes (NFKD) and drops the combining marks, which takes ó, ş, ć, ñ, ő, ơ
to their base letters, and Cyrillic ё to е, Arabic أ إ آ to ا and the Arabic vowel signs
(tashkeel) away; ``casefold`` has made ß and ẞ ss and İ i. The letters that Unicode
decomposes into no base letter are written as :data:`BASE_LETTERS` says. Scripts are not
transliterated: Cyrillic and Arabic are compared in their own letters.

:func:`name_order` orders names as a person reading a list looks for them: as a German
telephone book does, on the same folding.
Search (:func:`search_folds`) folds further, and only to compare: the Arabic and Persian forms of
a letter as one (ي ی, ك ک), and German umlauts as ``ue``, ``oe``, ``ae`` too, so that
"Mueller" finds „Müller“; the register keeps each value as typed. Matching returns to
institutions (:mod:`ingest.matching`) takes the Arabic and Persian letters as one too
(:func:`same_letters`), not the umlauts.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

BASE_LETTERS = str.maketrans(
    {
        "ł": "l",  # Polish: Łódź, Łukasz
        "ı": "i",  # Turkish, Azerbaijani: Yılmaz
        "đ": "d",  # Croatian, Bosnian, Serbian in Latin letters, Vietnamese: Đurić, Đức
        "ð": "d",  # Icelandic, Faroese: Guðrún; and Ð, which looks like Đ, typed for it
        "ø": "o",  # Danish, Norwegian: Søren
        "æ": "ae",  # Danish, Norwegian, Icelandic: Ærø
        "œ": "oe",  # French: Œuvre
        "þ": "th",  # Icelandic: Þór
        "ħ": "h",  # Maltese: Ħamrun
        "\u2019": "'",  # ’ as Word writes an apostrophe: D’Angelo
        "\u02bc": "'",  # ʼ Ukrainian's apostrophe as some keyboards type it: Марʼяна
        "\u0640": None,  # Arabic tatweel, which only draws a letter's joint longer
    }
)
"""Letters (after ``casefold``, marks dropped) that decompose into no base letter, as a
German keyboard types them; the apostrophes as the keyboard's ``'``."""


UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
"""German umlauts (after ``casefold``) as German writes them without their marks; every other
letter as :func:`fold` writes it (ł l, ı i)."""

SAME_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي Arabic yeh as an Arabic keyboard types it: Persian ی
        "\u0649": "\u06cc",  # ى alef maksura, the dotless final yeh: ی
        "\u0643": "\u06a9",  # ك Arabic kaf: Persian ک
        "\u0629": "\u0647",  # ة teh marbuta, often written as heh: ه
        "\u06c0": "\u0647",  # ۀ heh with yeh above (Persian ezafe), as heh: ه
        "\u0671": "\u0627",  # ٱ alef wasla: ا (أ إ آ lose their hamza and madda in fold)
        "\u200c": None,  # the zero-width non-joiner, typed or left out: روان‌شناسی, روانشناسی
        **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic digits ٠ … ٩
        **{chr(0x06F0 + n): str(n) for n in range(10)},  # Persian digits ۰ … ۹
    }
)
"""Letters that Arabic and Persian keyboards type differently for one letter, and their
digits: one letter to search (the register keeps values as typed)."""
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u200c]")
"""A character of the Arabic block, or the non-joiner: a text :data:`SAME_LETTERS` may change."""


def same_letters(text: str) -> str:
    """``text`` (NFC) with the Arabic and Persian forms of a letter and their digits as one
    (:data:`SAME_LETTERS`: ``"كلينيك"`` typed on an Arabic keyboard → ``"کلینیک"`` as a Persian
    one types it); a text without Arabic letters as it is."""
    if not _ARABIC_SCRIPT.search(text):  # translate is slow: only for the texts it changes
        return text
    return unicodedata.normalize("NFC", text).translate(SAME_LETTERS)


def fold(text: str) -> str:
    """``text`` as compared: case, accents and marks folded away (``"Łódź"`` → ``"lodz"``,
    ``"ĐURIĆ"`` → ``"duric"``, ``"مُحَمَّد"`` → ``"محمد"``)."""
    if text.isascii():  # no marks, no letter to write otherwise: its case alone (the most texts)
        return text.lower()
    if 4 * len(text.encode("ascii", "ignore")) < 3 * len(text):
        return _bare(unicodedata.normalize("NFKD", text.casefold()))
    # mostly ASCII (a Word file's XML, a table): its runs of other letters folded at once, the
    # rest lowered, each ASCII letter not looked at one by one (a tenth of the time on 5 MB);
    # each letter folds on its own, so the runs fold as the whole text would
    parts = _NOT_ASCII.split(text)
    parts[0::2] = [p.lower() for p in parts[0::2]]
    joined = "\0".join(parts[1::2])  # no run holds the NUL it is joined by
    parts[1::2] = _bare(unicodedata.normalize("NFKD", joined.casefold())).split("\0")
    return "".join(parts)


_NOT_ASCII = re.compile("([^\x00-\x7f]+)")


def _bare(decomposed: str) -> str:
    """A casefolded, decomposed text without its marks, its letters as :data:`BASE_LETTERS`
    writes them."""
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(BASE_LETTERS)


_OWN_LETTERS = {"и\u0306": "й", "і\u0308": "ї", "у\u0306": "ў", "г\u0301": "ѓ", "к\u0301": "ќ"}
"""Cyrillic letters that Unicode decomposes but their alphabets hold as letters of their own
(Russian й after и, Ukrainian ї after і, Belarusian ў after у, Macedonian ѓ, ќ); ё is е with
its dots, as Russian dictionaries order it."""

_CYRILLIC = "абвгґдђѓеєжзѕиіїйјклљмнњопрстћќуўфхцчџшщъыьэюя"
_ARABIC = "ءابپتثجچحخدذرزژسشصضطظعغفقكگلمنهةوي"
_ALPHABETS = str.maketrans(
    {
        **{ch: chr(0x0430 + n) for n, ch in enumerate(_CYRILLIC)},
        **{ch: chr(0x0621 + n) for n, ch in enumerate(_ARABIC)},
        "ک": chr(0x0621 + _ARABIC.index("ك")),  # Persian keheh: the letter kāf
        "ی": chr(0x0621 + _ARABIC.index("ي")),  # Persian yeh: the letter yāʾ
        "ى": chr(0x0621 + _ARABIC.index("ي")),  # alif maqṣūra, a yāʾ without dots
    }
)
"""The Cyrillic and Arabic letters by their place in their alphabets, as characters whose
code points are in that order: Russian, Ukrainian, Belarusian, Serbian and Macedonian in one
alphabet (each in its own order), Persian پ چ ژ گ after ب ج ز ك (Unicode puts them after ي)."""

_SEPARATORS = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"(\D*)(\d*)")


def name_order(name: str) -> tuple[list[tuple[str, int]], str, str, str]:
    """How a list a person reads orders names: as a German telephone book does (DIN 5007-1):
    case, accents and marks aside (Ä as A, ß as ss, Ç, Ł, Ş as C, L, S, ı as i, ø as o, æ as
    ae: :func:`fold`), punctuation as a space between words and a word before a longer one
    („Bad Homburg“ before „Baden“), a number in a name by its value („… Düsseldorf 3“ before
    „… Düsseldorf 27“, a name without it before both) and before letters; then accents, then
    case (small letters first, as ICU and glibc have it) tell names apart that are the same
    otherwise („Muller“, „Müller“, „MÜLLER“), so the order is total. Latin letters come first,
    then Greek, Cyrillic and Arabic ones (Unicode's order of scripts, as ICU's root collation
    has it), each script in its alphabet's order (:data:`_ALPHABETS`)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    if re.search("[\u0400-\u04ff]", decomposed):
        for pair, letter in _OWN_LETTERS.items():
            decomposed = decomposed.replace(pair, letter)
    letters = _SEPARATORS.sub(" ", _bare(decomposed).translate(_ALPHABETS)).strip()
    words = [(text, int(n) if n else -1) for text, n in _NUMBER.findall(letters)]
    return words, unicodedata.normalize("NFC", name.casefold()), name.swapcase(), name


def alike_names(a: str, b: str) -> bool:
    """Whether two names may be one institution's: the same words but for case, accents,
    order and the Arabic and Persian forms of a letter (:func:`same_letters`), the words of one
    among the other's („Caritas Düsseldorf“, „Caritasverband Düsseldorf e.V.“ are not; „Praxis
    Yılmaz“, „Praxis Dr. Şule Yılmaz“ are, and „مرکز کیان“, „مركز كيان“), or spelt alike (4 of
    5 letters the same, in words put in order)."""
    wa, wb = (sorted(re.findall(r"\w+", fold(same_letters(n)))) for n in (a, b))
    if not wa or not wb or set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    return difflib.SequenceMatcher(None, " ".join(wa), " ".join(wb)).ratio() >= 0.8


def search_folds(text: str) -> tuple[str, str]:
    """``text`` as search compares it, twice folded (:func:`fold`): Arabic and Persian forms of
    a letter as one (:data:`SAME_LETTERS`: ``روانشناسي`` is ``روانشناسی``), and then German
    umlauts without their marks (``"Müller"`` → ``"muller"``) and as ``ue``, ``oe``, ``ae``
    (``"mueller"``, :data:`UMLAUTS`). A word found in either finds what a German reader
    expects: „Müller“ by ``Mueller`` and ``Muller``, „Mueller“ by ``Müller``; ``Muller`` does
    not find „Mueller“, nor ``Michael`` „Michal“."""
    if text.isascii():
        folded = text.lower()
        return folded, folded
    text = same_letters(unicodedata.normalize("NFC", text).casefold())
    plain = fold(text)
    if "ä" not in text and "ö" not in text and "ü" not in text:  # most texts: once is enough
        return plain, plain
    # as UMLAUTS writes them, replaced one by one: translate looks at each letter (0.4 s of a
    # Word file's 5 MB of XML that register erase looks through)
    for umlaut, written in UMLAUTS.items():
        text = text.replace(chr(umlaut), written)
    return plain, fold(text)
