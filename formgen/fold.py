"""Text as a person compares it: without case, accents and marks, so that what a German
keyboard types finds what the register holds ("Lodz" finds „Łódź“, "Yilmaz" „Yılmaz“).

:func:`fold` decomposes (NFKD) and drops the combining marks, which takes ó, ş, ć, ñ, ő, ơ
to their base letters, and Cyrillic ё to е, Arabic أ إ آ to ا and the Arabic vowel signs
(tashkeel) away; ``casefold`` has made ß and ẞ ss and İ i. The letters that Unicode
decomposes into no base letter are written as :data:`BASE_LETTERS` says. Scripts are not
transliterated: Cyrillic and Arabic are compared in their own letters.
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


def fold(text: str) -> str:
    """``text`` as compared: case, accents and marks folded away (``"Łódź"`` → ``"lodz"``,
    ``"ĐURIĆ"`` → ``"duric"``, ``"مُحَمَّد"`` → ``"محمد"``)."""
    if text.isascii():  # no marks, no letter to write otherwise: its case alone (the most texts)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(BASE_LETTERS)


def alike_names(a: str, b: str) -> bool:
    """Whether two names may be one institution's: the same words but for case, accents and
    order, the words of one among the other's („Caritas Düsseldorf“, „Caritasverband
    Düsseldorf e.V.“ are not; „Praxis Yılmaz“, „Praxis Dr. Şule Yılmaz“ are), or spelt
    alike (4 of 5 letters the same, in words put in order)."""
    wa, wb = (sorted(re.findall(r"\w+", fold(n))) for n in (a, b))
    if not wa or not wb or set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    return difflib.SequenceMatcher(None, " ".join(wa), " ".join(wb)).ratio() >= 0.8
