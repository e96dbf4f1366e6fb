"""The languages a service can offer: ISO 639 codes with German and English names.

ISO 639-1 codes where one exists, ISO 639-3 otherwise (Dari ``prs``, Kurmanji ``kmr``,
Sorani ``ckb`` …). ``language_list`` fields store codes; readers map names typed in German,
English or Turkish, a language's own name and a few common spellings back to codes with
:func:`lookup`.

Aramaic, as an institution writes it („Aramäisch“, Turkish „Süryanice“), is ``syr``: the
ISO 639-3 macrolanguage Syriac, whose members are the Aramaic languages spoken today by
Assyrians and Chaldeans (``aii``, ``cld``); Turoyo (``tru``, the Aramaic of the Syriac
Orthodox from Tur Abdin, most Aramaic speakers in Germany) is listed as its variety here, so
that a coordinator looking for Aramaic (``--language Aramäisch``) finds every service that
speaks one. Neither ``arc`` (Official Aramaic, 700–300 BCE) nor ``syc`` (Classical Syriac, a
church language) is what the people who come to a service speak; ``syc``, which formgen gave
„Aramäisch“ until 2026-11, is kept as a variety of ``syr``, so entries stored with it are
found too.

A language named with a remark that changes what it says („Dari über Sprachmittler“, „Arabisch
mit Dolmetscher“, „Türkisch (teilweise)“, „Russisch in Planung“, „kein Russisch mehr“:
:func:`qualifier`) is no language the team speaks: :func:`lookup` gives none, and a reader keeps
the text as typed. A remark in brackets that does not change it („Polnisch (Muttersprache)“,
„Arabisch (Syrien)“) is the language; one naming a variety of it („Kurdisch (Sorani)“) is the
variety.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from formgen.fold import SAME_LETTERS, fold


@dataclass(frozen=True)
class Language:
    code: str
    de: str
    en: str
    aliases: tuple[str, ...] = ()
    macro: str = ""
    """The code of the language it is a variety of (Sorani of Kurdish): "Kurdisch (Sorani)"."""

    def name(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


_TABLE: tuple[Language, ...] = (
    Language("de", "Deutsch", "German"),
    Language("en", "Englisch", "English"),
    Language("fr", "Französisch", "French", ("francais", "français")),
    Language("ar", "Arabisch", "Arabic", ("العربية",)),
    Language(
        "fa", "Persisch (Farsi)", "Persian (Farsi)", ("farsi", "persisch", "persian", "فارسی")
    ),
    Language("prs", "Dari", "Dari"),
    Language("ps", "Paschtu", "Pashto", ("paschto", "pashtu", "pushtu")),
    Language("ku", "Kurdisch", "Kurdish", ("kurdi", "کوردی")),
    Language(
        "kmr",
        "Kurmandschi (Nordkurdisch)",
        "Kurmanji (Northern Kurdish)",
        ("kurmanci", "kurmandschi", "kurmanji"),
        macro="ku",
    ),
    Language(
        "ckb", "Sorani (Zentralkurdisch)", "Sorani (Central Kurdish)", ("sorani",), macro="ku"
    ),
    Language("ti", "Tigrinya", "Tigrinya", ("tigrinisch",)),
    Language("am", "Amharisch", "Amharic"),
    Language("so", "Somali", "Somali", ("somalisch",)),
    Language("tr", "Türkisch", "Turkish", ("türkçe", "turkce")),
    Language("ru", "Russisch", "Russian", ("русский",)),
    Language("uk", "Ukrainisch", "Ukrainian", ("українська",)),
    Language("pl", "Polnisch", "Polish", ("polski",)),
    Language("ro", "Rumänisch", "Romanian", ("rumaenisch",)),
    Language("bg", "Bulgarisch", "Bulgarian"),
    Language("sq", "Albanisch", "Albanian", ("shqip",)),
    Language("sr", "Serbisch", "Serbian"),
    Language("hr", "Kroatisch", "Croatian"),
    Language("bs", "Bosnisch", "Bosnian"),
    Language("mk", "Mazedonisch", "Macedonian"),
    Language("el", "Griechisch", "Greek", ("ελληνικά",)),
    Language("it", "Italienisch", "Italian"),
    Language("es", "Spanisch", "Spanish", ("español",)),
    Language("pt", "Portugiesisch", "Portuguese"),
    Language("nl", "Niederländisch", "Dutch"),
    Language("hu", "Ungarisch", "Hungarian"),
    Language("cs", "Tschechisch", "Czech"),
    Language("sk", "Slowakisch", "Slovak"),
    Language("lt", "Litauisch", "Lithuanian"),
    Language("lv", "Lettisch", "Latvian"),
    Language("et", "Estnisch", "Estonian"),
    Language("ka", "Georgisch", "Georgian"),
    Language("hy", "Armenisch", "Armenian"),
    Language("az", "Aserbaidschanisch", "Azerbaijani"),
    Language("kk", "Kasachisch", "Kazakh"),
    Language("uz", "Usbekisch", "Uzbek"),
    Language("tk", "Turkmenisch", "Turkmen"),
    Language("ur", "Urdu", "Urdu"),
    Language("hi", "Hindi", "Hindi"),
    Language("pa", "Panjabi", "Punjabi"),
    Language("bn", "Bengalisch", "Bengali"),
    Language("ta", "Tamil", "Tamil"),
    Language("zh", "Chinesisch", "Chinese"),
    Language("vi", "Vietnamesisch", "Vietnamese"),
    Language("th", "Thai", "Thai"),
    Language("he", "Hebräisch", "Hebrew"),
    Language(
        "syr",
        "Aramäisch",
        "Aramaic",
        ("aramäisch", "aramaeisch", "aramaic", "neuaramäisch", "neo-aramaic", "süryani"),
    ),
    Language(
        "tru",
        "Aramäisch (Turoyo)",
        "Aramaic (Turoyo)",
        ("turoyo", "suryoyo", "surayt", "turoyo-aramäisch"),
        macro="syr",
    ),
    Language(
        "aii",
        "Aramäisch (Assyrisch)",
        "Aramaic (Assyrian)",
        ("assyrisch", "assyrian", "assyrisch-neuaramäisch", "assyrian neo-aramaic", "sureth"),
        macro="syr",
    ),
    Language(
        "cld",
        "Aramäisch (Chaldäisch)",
        "Aramaic (Chaldean)",
        ("chaldäisch", "chaldean", "chaldäisch-neuaramäisch", "chaldean neo-aramaic"),
        macro="syr",
    ),
    Language(
        "syc", "Altsyrisch (Kirchensprache)", "Classical Syriac", ("altsyrisch",), macro="syr"
    ),
    Language("zza", "Zazaisch", "Zazaki", ("zaza",)),
    Language("rom", "Romanes", "Romani", ("romani",)),
    Language("sw", "Swahili", "Swahili", ("suaheli",)),
    Language("ha", "Hausa", "Hausa"),
    Language("yo", "Yoruba", "Yoruba"),
    Language("ig", "Igbo", "Igbo"),
    Language("ln", "Lingala", "Lingala"),
    Language("wo", "Wolof", "Wolof"),
    Language("sgn", "Gebärdensprache", "Sign language", ("dgs", "deutsche gebärdensprache")),
)

_TURKISH: dict[str, tuple[str, ...]] = {
    "de": ("Almanca",),
    "en": ("İngilizce",),
    "fr": ("Fransızca",),
    "ar": ("Arapça",),
    "fa": ("Farsça", "Persçe"),
    "prs": ("Darice",),
    "ps": ("Peştuca",),
    "ku": ("Kürtçe",),
    "kmr": ("Kurmancca", "Kurmanci Kürtçesi"),
    "ckb": ("Soranice", "Sorani Kürtçesi"),
    "ti": ("Tigrinyaca",),
    "am": ("Amharca",),
    "so": ("Somalice",),
    "ru": ("Rusça",),
    "uk": ("Ukraynaca",),
    "pl": ("Lehçe", "Polonyaca"),
    "ro": ("Rumence",),
    "bg": ("Bulgarca",),
    "sq": ("Arnavutça",),
    "sr": ("Sırpça",),
    "hr": ("Hırvatça",),
    "bs": ("Boşnakça",),
    "mk": ("Makedonca",),
    "el": ("Yunanca",),
    "it": ("İtalyanca",),
    "es": ("İspanyolca",),
    "pt": ("Portekizce",),
    "nl": ("Felemenkçe", "Hollandaca"),
    "hu": ("Macarca",),
    "cs": ("Çekçe",),
    "sk": ("Slovakça",),
    "lt": ("Litvanca",),
    "lv": ("Letonca",),
    "et": ("Estonca",),
    "ka": ("Gürcüce",),
    "hy": ("Ermenice",),
    "az": ("Azerice", "Azerbaycanca"),
    "kk": ("Kazakça",),
    "uz": ("Özbekçe",),
    "tk": ("Türkmence",),
    "ur": ("Urduca",),
    "hi": ("Hintçe",),
    "pa": ("Pencapça",),
    "bn": ("Bengalce",),
    "ta": ("Tamilce",),
    "zh": ("Çince",),
    "vi": ("Vietnamca",),
    "th": ("Tayca",),
    "he": ("İbranice",),
    "syr": ("Süryanice", "Aramice"),
    "zza": ("Zazaca",),
    "rom": ("Romanca",),
    "sw": ("Svahili",),
    "ha": ("Hausaca",),
    "yo": ("Yorubaca",),
    "ig": ("İgboca",),
    "sgn": ("İşaret dili",),
}
"""The languages' names in Turkish, as a Turkish-speaking institution writes them on its form
(„Kürtçe, Arapça“)."""
_OWN_NAMES: dict[str, tuple[str, ...]] = {
    "ar": ("عربي", "اللغة العربية"),
    "prs": ("دری",),
    "ps": ("پښتو",),
    "ckb": ("سۆرانی",),
    "ti": ("ትግርኛ",),
    "am": ("አማርኛ",),
    "so": ("Soomaali",),
    "pl": ("język polski",),
    "ro": ("Română",),
    "bg": ("български",),
    "sr": ("српски", "srpski"),
    "hr": ("hrvatski",),
    "bs": ("bosanski",),
    "mk": ("македонски",),
    "it": ("italiano",),
    "pt": ("português",),
    "nl": ("Nederlands",),
    "hu": ("magyar",),
    "cs": ("čeština",),
    "sk": ("slovenčina",),
    "ka": ("ქართული",),
    "hy": ("հայերեն",),
    "az": ("azərbaycanca",),
    "ur": ("اردو",),
    "hi": ("हिन्दी",),
    "zh": ("中文",),
    "vi": ("Tiếng Việt",),
    "he": ("עברית",),
    "sw": ("Kiswahili",),
}
"""The languages' names in themselves that the table's aliases do not hold already, as an
institution may write its team's languages."""

MAIL_LANGUAGES = ("de", "en")
"""The languages formgen's own mail templates (and forms) are written in."""

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in _TABLE}


def _key(text: str) -> str:
    """A name as looked up: any case; in Latin script also without accents as
    :func:`formgen.fold.fold` writes it ("Kurmancî", "Soranî" and "Kurdî", as Kurds write them,
    are "kurmanci", "sorani", "kurdi"; Turkish "Sırpça" "sirpca"); in Arabic script its Arabic
    and Persian forms of a letter as one (:data:`formgen.fold.SAME_LETTERS`: "فارسي" is
    "فارسی")."""
    text = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    bare = fold(text)
    return bare if bare.isascii() else text.translate(SAME_LETTERS)


_BY_NAME: dict[str, str] = {}
for _lang in _TABLE:
    _more = (*_TURKISH.get(_lang.code, ()), *_OWN_NAMES.get(_lang.code, ()))
    for _name in (_lang.code, _lang.de, _lang.en, *_lang.aliases, *_more):
        _BY_NAME.setdefault(_key(_name), _lang.code)
        # "Persisch (Farsi)" is also found as "persisch"
        if "(" in _name:
            _BY_NAME.setdefault(_key(_name.split("(")[0]), _lang.code)


_QUALIFIED = re.compile(r"^(.+?)\s*\((.+)\)$")
_QUALIFIER = re.compile(
    r"sprachmittl|dolmetsch|übersetz|interpret|translat|planung|geplant|planned"
    r"|teilweise|partly|partial|grundkenntnis|basic|eingeschränkt|limited"
    r"|auf anfrage|bei bedarf|on request|\b(?:nur|kein|keine|nicht|only|no|not)\b",
    re.IGNORECASE,
)
"""The words that make a language mentioned with them no language the team speaks: an
interpreter's („über Sprachmittler“, „mit Dolmetscher“, „Dolmetscher für Tigrinya“), a plan's
(„in Planung“), a part's („teilweise“, „Grundkenntnisse“), a condition's („auf Anfrage“) or a
negation („kein Russisch mehr“, „nur schriftlich“)."""


def qualifier(text: str) -> str | None:
    """The word in ``text`` that changes what a language named in it says (:data:`_QUALIFIER`:
    „Sprachmittler“ in „Dari über Sprachmittler“), or None."""
    m = _QUALIFIER.search(text)
    if m is None:
        return None
    before, after = _WORD_END.search(text[: m.start()]), _WORD_START.match(text[m.end() :])
    return (before[0] if before else "") + m[0] + (after[0] if after else "")


_WORD_END = re.compile(r"\w*$")
_WORD_START = re.compile(r"\w*")


def lookup(text: str) -> str | None:
    """The ISO code for a code or a German/English name (any case), or None when unknown or
    said with a :func:`qualifier` („Arabisch über Dolmetscher“).

    A language named with its variety in brackets, as services write it ("Kurdisch (Sorani)",
    "Kurdish (Kurmanji)"), is the variety; with another remark in brackets that names no
    language ("Polnisch (Muttersprache)", "Arabisch (Syrien)") it is the language."""
    code = _BY_NAME.get(_key(text))
    if code is not None:
        return code
    if (m := _QUALIFIED.match(text.strip())) and not qualifier(m[2]):
        outer, inner_code = _BY_NAME.get(_key(m[1])), _BY_NAME.get(_key(m[2]))
        inner = LANGUAGES.get(inner_code or "")
        if outer and inner and inner.macro == outer:
            return inner.code
        if outer and inner_code in (None, outer):
            return outer
    return None


def says_more(words: str, code: str) -> bool:
    """Whether ``words``, an institution's for the language ``code``, say more than a name of
    it: a remark in brackets („Arabisch (Syrisch)“, „Russisch (Muttersprache)“), or several
    („Arabisch (Syrisch), Arabisch (Marokkanisch)“); „Arabisch“, „العربية“, „arabic“ or „ar“
    name it only, and so does a language named with its variety in brackets („Kurdisch
    (Sorani)“, „Kurdisch (Kurmancî)“: :func:`lookup`)."""
    if _BY_NAME.get(_key(words)) == code:
        return False
    m = _QUALIFIED.match(words.strip())
    return m is None or _BY_NAME.get(_key(m[2])) != code


def meant(text: str, lang: str = "de") -> str | None:
    """The name in ``lang`` of the language ``text`` is a typo of ("Arabsch": Arabisch,
    "Tuerkish": Türkisch), or None. Compared as :func:`lookup` compares names, and closer than
    the schema check's "did you mean" asks: most German names end in "-isch", so "Japanisch"
    is not taken for "Spanisch" nor "Klingonisch" for "Italienisch". A name of four letters or
    more with one letter wrong, missing, added or two swapped is a typo however short it is
    ("Farsy", "Pahstu", "Urdo", "Thia"), where the share of letters alike is too small."""
    key = _key(text)
    close = difflib.get_close_matches(key, list(_BY_NAME), n=1, cutoff=0.85)
    if not close and len(key) >= 4:
        close = [known for known in _BY_NAME if len(known) >= 4 and _one_typo(key, known)][:1]
    return name(_BY_NAME[close[0]], lang) if close else None


def _one_typo(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter wrong, missing or added, or two neighbours
    swapped."""
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    shorter, longer = sorted((a, b), key=len)
    cut = range(len(longer)) if len(longer) - len(shorter) == 1 else ()
    return any(longer[:i] + longer[i + 1 :] == shorter for i in cut)


def wider(code: str) -> str | None:
    """The code of the language ``code`` is a variety of (:attr:`Language.macro`: Sorani
    ``ckb`` of Kurdish ``ku``), or None."""
    known = LANGUAGES.get(code)
    return known.macro if known and known.macro else None


def varieties(code: str) -> tuple[str, ...]:
    """``code`` and the codes of the languages that are varieties of it (:attr:`Language.macro`):
    Kurdish ``ku`` is also Kurmanji ``kmr`` and Sorani ``ckb``."""
    return (code, *(lang.code for lang in _TABLE if lang.macro == code))


def name(code: str, lang: str = "de") -> str:
    """The display name of a code in ``lang``; an unknown code is shown as it is."""
    known = LANGUAGES.get(code)
    return known.name(lang) if known else code
