"""A coordinator's table as a header and numbered rows: the one reader of the lists a centre
keeps in Excel, for ``formgen mail LIST`` and ``generate --recipients LIST``
(:func:`formgen.recipients.parse_recipients`) and for ``register import``
(:mod:`ingest.table_import`).

* **An XLSX** is read from its first sheet, once the archive passed the checks a returned DOCX
  passes (no zip bomb, no XML declaring a DOCTYPE or entities: :mod:`ingest.docx_reader`); the
  values Excel stores as numbers, dates or booleans become text as Excel showed them
  (:func:`_cell`: a phone number Excel made a number of has no ``.0``, a date is ISO; a
  percentage stored as ``0.7`` is ``70 %``, a postcode formatted ``00000`` keeps its leading
  zero: :func:`_as_shown`).
* **A CSV** is read as Excel saves it (UTF-8 with or without BOM, UTF-16 with BOM, or
  Windows-1252, or -1254, -1250, -1251 from a Turkish, Polish, Czech, Romanian, Cyrillic Windows,
  or as the coordinator names it (``--encoding``, ISO-8859-2 and -16 too, which a sign inside a
  word tells: :func:`_refuse_iso`); ``;``, ``,``
  or tab: :func:`decode_csv`;
  a first line ``sep=;``, which some exports write for Excel, names the delimiter and is no
  header: :func:`delimiter_line`); the apostrophe the CSV export puts before a value starting
  with ``=``, ``+``, ``-`` or ``@`` (:func:`formgen.csv_write.neutralise`) is taken off.
* **Anything else** raises :class:`~formgen.errors.SheetError` saying what it is and what to do:
  an Excel 97-2003 workbook (.xls), one saved with a password, a PDF, a Word document, an
  OpenDocument file, a picture, a damaged or hostile workbook, a CSV with bytes no spreadsheet
  program writes, a file larger than a centre's list (:data:`~formgen.recipients.MAX_FILE`,
  :data:`MAX_ROWS`, :data:`MAX_COLUMNS`). Nothing of such a file is read; each command says so
  in its own words.

Blank rows are left out; every other row keeps its line (a CSV's line it starts on, an XLSX's
row number; the header is line 1, or 2 after a line ``sep=;``), so that a problem is told where
the coordinator finds it. A header below a title (``Bestandsliste …``, ``Stand: 03/2026``) is
found by :func:`with_header`, given what each command reads as a column name.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, Protocol

from lxml import etree

from formgen.csv_write import FORMULA_START
from formgen.errors import CsvBytesError, DocxError, SheetError
from formgen.messages import Said, say
from formgen.recipients import MAX_FILE
from ingest.docx_reader import ZipPackage, check_zip, declares_entities
from ingest.sniff import image_suffix
from ingest.submission import short
from ingest.values import APPROXIMATE_FORMAT

XLSX = "xlsx"
"""The :attr:`Sheet.encoding` of a workbook."""
MAX_ROWS = 10_000
"""Rows (not counting blank ones): a centre's list has hundreds, at most a few thousand."""
MAX_COLUMNS = 1_000
"""A recipients list has a dozen columns or so, the register's table some dozens."""
MAX_SHEET_ROWS = 100_000
"""Rows of a sheet read at all, blank ones too (a forged sheet may claim a million)."""
SAVE_AS = Said("table_save_as")
ODS = b"application/vnd.oasis.opendocument.spreadsheet"
"""The mimetype of a LibreOffice Calc file, which is told how to save it as a workbook."""
HEADER_ROWS = 10
"""The lines a header is looked for in when the first is none (:func:`with_header`): a title,
a line "Stand: 03/2026" and blank lines above it."""


class Sheet(NamedTuple):
    """A table as :func:`read_sheet` read it."""

    header: list[str]
    """The first line or row (``[]`` for an empty file or sheet)."""
    rows: list[tuple[int, list[str]]]
    """The rows after it that are not blank, each with its line."""
    encoding: str
    """How a CSV's text was read (``utf-8-sig``, ``cp1252`` …), or :data:`XLSX`."""
    delimiter: str = ""
    """A CSV's delimiter; ``""`` for a workbook."""
    unsaved: frozenset[tuple[int, int]] = frozenset()
    """A workbook's cells (line, column from 0) holding a formula whose result was never saved
    (:func:`_checked_sheet`): they read as empty."""
    left_out: tuple[str, ...] = ()
    """The names of a workbook's further sheets that hold data, which are not read."""
    yes_no: frozenset[tuple[int, int]] = frozenset()
    """A workbook's cells (line, column from 0) holding TRUE or FALSE (WAHR, FALSCH), which
    read as ``ja`` and ``nein``: no name, address or id."""
    header_line: int = 1
    """The line of the header: 2 after a line ``sep=;`` (:func:`delimiter_line`)."""
    titled: bool = False
    """Whether the header was found below lines that are none, a title (:func:`with_header`)."""
    merged: tuple[tuple[int, int, int, int], ...] = ()
    """A workbook's merged cells, each as its first line, first column (from 0), last line and
    last column."""
    formulas: frozenset[tuple[int, int]] = frozenset()
    """A workbook's cells (line, column from 0) holding a formula (``=SUMME(…)``), its result
    saved or not."""
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """A header of two lines (:func:`_two_lines`): each merged cell of the upper line over
    several columns, its text and those under it as read."""


def with_header(sheet: Sheet, known: Callable[[str], bool]) -> Sheet:
    """``sheet`` with its header the first row of its first :data:`HEADER_ROWS` lines in which
    two or more cells are column names (``known``), when its first line has fewer (a centre's
    list with a title above its header): its :attr:`~Sheet.header_line` says which, the rows
    above are not read; a header of two lines (:func:`_two_lines`) read as one, whichever of
    them holds the names. Else ``sheet`` as read."""

    def names(cells: list[str]) -> int:
        return sum(1 for c in cells if c.strip() and known(c))

    lines = [(sheet.header_line, sheet.header), *sheet.rows]
    at = None
    for i, (line, cells) in enumerate(lines):
        if i and line > HEADER_ROWS:
            return sheet
        if names(cells) >= 2:
            at = i
            break
    if at is None:
        return sheet
    for upper in (at, at - 1):  # the names in the line under merged cells, or above it
        if upper < 0 or upper + 1 >= len(lines) or lines[upper + 1][0] != lines[upper][0] + 1:
            continue
        if not names(lines[upper][1]):  # a title merged over the header is no line of it
            continue
        two = _two_lines(sheet.merged, lines[upper], lines[upper + 1][1], known)
        if two is not None:
            at, header, groups = upper + 1, *two
            break
    else:
        header, groups = lines[at][1], ()
    line = lines[at - bool(groups)][0]
    return sheet._replace(
        header=header,
        rows=lines[at + 1 :],
        header_line=line,
        titled=line != sheet.header_line,
        groups=groups,
    )


def two_lines_said(
    groups: Iterable[tuple[str, tuple[str, ...]]], line: int, file: str, lang: str
) -> list[str]:
    """A note for each group of a header of two lines (:attr:`Sheet.groups`) starting on
    ``line`` of ``file``, in ``lang``: the merged cell and the columns under it, read as their
    headers; as ``register import`` and ``formgen mail`` say it."""
    return [
        say(
            "import_two_lines",
            lang,
            file=file,
            line=line,
            below=line + 1,
            group=short(group, 60),
            columns=", ".join(say("quoted", lang, value=short(h, 40)) for h in under),
        )
        for group, under in groups
    ]


def _two_lines(
    merged: Sequence[tuple[int, int, int, int]],
    upper: tuple[int, list[str]],
    below: list[str],
    known: Callable[[str], bool],
) -> tuple[list[str], tuple[tuple[str, tuple[str, ...]], ...]] | None:
    """A header of two lines read as one, as Excel lists are made: cells of the ``upper``
    line (its number and cells) merged over several columns („Kontakt“ over B:D) with the
    columns' own headers in the line ``below`` it („Ansprechpartner/in“, „Tel.“, „E-Mail“),
    that line blank but under such cells (the others merged downwards, or left empty). Each of
    those columns is headed by the group and its own header where ``known`` knows that
    („Einrichtung › E-Mail“), else by its own (the group's where it has none); with what was
    read (:attr:`Sheet.groups`). ``None``: no such header (a merged cell over data leaves
    columns without a header, which the commands name)."""
    line, cells = upper
    spans = [
        (first, last)
        for top, first, bottom, last in merged
        if top == bottom == line and last > first
    ]
    under = {i for first, last in spans for i in range(first, last + 1)}
    if (
        not spans
        or any(c.strip() for i, c in enumerate(below) if i not in under)
        or not any(below[i].strip() for i in under if i < len(below))
    ):
        return None
    width = max(len(cells), len(below), *(last + 1 for _, last in spans))
    header = [*cells, *[""] * (width - len(cells))]
    below = [*below, *[""] * (width - len(below))]
    groups = []
    for first, last in sorted(spans):
        group = " ".join(header[first].split())
        for i in range(first, last + 1):
            text = " ".join(below[i].split())
            both = f"{group} › {text}"
            header[i] = both if text and group and known(both) else text or group
        groups.append((group, tuple(header[first : last + 1])))
    return header, tuple(groups)


def _cell(value: object) -> str:
    """A cell as text: an XLSX's date as ISO (Excel makes one of a typed 24.09.2025), a whole
    number without ``.0``; the CSV export's guard against formulas (``'=…``) taken off."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_START:
        return text[1:]
    return text


_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].')
"""What a number format writes as it stands (``"kg"``, ``\\-``), a colour or condition
(``[Red]``), a space or a fill (``_)``, ``*-``): no digit's place, no percent sign."""


class _Cell(Protocol):
    """A cell as openpyxl reads it (its read-only sheets: ``ReadOnlyCell``, ``EmptyCell``)."""

    @property
    def value(self) -> object: ...

    @property
    def number_format(self) -> str | None: ...


def _as_shown(cell: _Cell) -> object:
    """A cell's value; a number as its format shows it where that changes what it means: a
    percentage as a hundred times the number stored (``0.7`` in ``0%`` is ``70 %``, as Excel
    shows it; ``0.705`` in ``0.0%`` ``70.5 %``), a whole number padded with zeros to the places
    its format has (a postcode ``1067`` in ``00000`` is ``01067``), an approximate percentage
    as formgen's export shows it (:data:`~ingest.values.APPROXIMATE_FORMAT`). Dates and times
    openpyxl reads by their format already."""
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if cell.number_format == APPROXIMATE_FORMAT:  # formgen's export: „ca. 90 %“, as typed
        return f"ca. {value:g} %"
    shown = _LITERAL.sub("", str(cell.number_format).split(";")[0])
    if "%" in shown:
        places = shown.partition(".")[2].count("0")
        return f"{value * 100:.{places}f} %"
    if re.fullmatch("0+", shown) and value >= 0 and float(value).is_integer():
        return str(int(value)).zfill(len(shown))
    return value


NEWLINE = b"\n"
_UTF8_LETTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
"""A letter beyond ASCII as UTF-8 writes it (Windows-1252 text practically never has one)."""
_IN_WORD = r"(?:(?<=[^\W\d_].)|(?=[^\W\d_]))"
"""Written after a letter's class: the letter stands in a word, after a letter or before one
(the letter first, a pattern is ten times as fast as one that looks behind first: 17 ms for a
list of 10,000 rows, 145 ms)."""
_TURKISH = re.compile(f"[ðþÐÞÝ]{_IN_WORD}")
"""Read as Windows-1252, a byte that is ğ, ş, Ğ, Ş or İ in Windows-1254 (a Turkish Windows'
plain CSV) inside or at the start of a word: in Windows-1252 text these are Icelandic letters,
which a centre's list practically never holds."""
_TURKISH_ONLY = re.compile(f"[þÞÝ]{_IN_WORD}")
"""Of :data:`_TURKISH`, ş, Ş and İ: ð and Ð may be ğ, Ğ or, from a Windows-1250 list in
Croatian, Bosnian or Serbian, đ, Đ (:data:`_CENTRAL`: 'Ðuriæ' is 'Đurić')."""
_DOTLESS_I = re.compile(f"ý{_IN_WORD}")
"""Read as Windows-1252, a word with byte 0xfd in it: ý as in Czech Novotný, or ı as in Turkish
Yılmaz from a Turkish Windows; nothing tells which."""
_WORD = re.compile(
    b"[A-Za-z%s]+"
    % b"".join(
        b"\\x%02x" % b
        for b in range(0x80, 0x100)
        if any(bytes([b]).decode(cp, "ignore").isalpha() for cp in ("cp1250", "cp1251", "cp1252"))
    )
)
"""A word of a plain CSV: its letters in Windows-1252, -1250 (Polish) or -1251 (Cyrillic)."""
_ASCII_LETTER = re.compile(rb"[A-Za-z]")
_POLISH = re.compile(
    rb"[\xa3\xa5\xaf\xb9]|(?<!m)\xb3|\xb3(?=.)|(?<![A-Z])\x9f|(?<=.)\xbf"
    rb"|[\x8c\x9c\xd1\xf1](?![aeiouyAEIOUY])"
)
"""In a word with letters of ASCII, a byte that is a letter of Polish in Windows-1250 (a Polish
Windows' plain CSV) and read as Windows-1252 a sign no German or French word holds: ł ą ż Ł Ą
Ż ź as ³ ¹ ¿ £ ¥ ¯ Ÿ ('Pawe³' is 'Paweł'; not the ³ of 'm³', the Ÿ of 'L'HAŸ' or the ¿ that
opens a Spanish question); or ś, ń before no vowel, as Polish writes them and French œ,
Spanish ñ never stand ('Wiœniewski', 'Gdañsk')."""
_AS_WESTERN = rb"[\xc8\xcf\xd2\xd8\xe8\xef\xf2\xf8]"
"""Č Ď Ň Ř č ď ň ř in Windows-1250, which Windows-1252 reads as È Ï Ò Ø è ï ò ø."""
_NOT_BESIDE = rb"[\x8a\x8e\x9a\x9e\xc1\xcd\xda\xdd\xe1\xed\xfa\xfd]"
"""Š Ž š ž Á Í Ú Ý á í ú ý, alike in both."""
_C_HACEK = rb"[\xc8\xe8](?=[AEIOUYaeiouy\xe1\xe9\xed\xfa\xfd]|[^\W\d_AEIOUYaeiouy]{1,2}[AIOYaioy])"
"""č, Č as è, È before a vowel, or before one or two consonants and a, i, o, y."""
_ALONE = (
    rb"[\xd2\xf2](?=[aouAOU])|(?<=[aeioyAEIOY\xe1\xe9\xed\xfd])[\xd2\xf2]$"
    rb"|(?<=[iI])[\xca\xea](?![nN])|[\xca\xea](?=[bcdgkpstwz]{1,3}[aiouy])"
    rb"|^[\xd0\xf0]|(?<=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])[\xd0\xf0]"
    rb"|[eiEI\xf6\xfc][\xd0\xf0][aouAOU\xfd]|[aouAOU\xfd][\xd0\xf0][eiEI\xf6\xfc]"
)
"""ň, ę and đ as ò, ê and ð where no Italian, French or Turkish word has them (:data:`_CENTRAL`
says where)."""
_CENTRAL = re.compile(
    rb"[\x8d\x8f\x9d]|[\xec\xf9](?=.)|(?<=[A-Za-z])[\xbc\xbe]|[\xbc\xbe](?=[A-Za-z])"
    rb"|[\xd5\xf5](?![eE])|[iI][\xc6\xe6]$"
    rb"|[\xd0\xf0].*[\xc6\xc8\xe6\xe8]|[\xc6\xc8\xe6\xe8].*[\xd0\xf0]"
    rb"|%s|%s.*%s|%s.*%s|%s"
    % (_C_HACEK, _AS_WESTERN, _NOT_BESIDE, _NOT_BESIDE, _AS_WESTERN, _ALONE)
)
"""In a word with letters of ASCII, bytes that are Czech, Slovak, Hungarian, Croatian, Bosnian
or Serbian letters in Windows-1250 (the plain CSV of a Windows in one of these, as a Polish
one's) and read as Windows-1252 no word of a Western language holds:

* Ť, ť, Ź, which are no letters there;
* ě, ů before a letter, as ì, ù (Italian and French write them at a word's end: 'Dìèín' is
  'Děčín', 'Dvùr' 'Dvůr');
* č as è before a vowel, or before one or two consonants and a, i, o, y (:data:`_C_HACEK`;
  French writes a consonant and e after è, 'Genève', 'Sèvres', or gue, que, 'collègue':
  'Vysoèina' is 'Vysočina', 'Brèko' 'Brčko');
* ľ, Ľ as ¾, ¼ ('¼ubomír'); ő as õ but before e (Portuguese 'Simões': 'Gyõr' is 'Győr');
* ć ending a word as æ ('Petroviæ' is 'Petrović': no Danish or Norwegian word ends in 'iæ');
  đ (ð, as Turkish ğ reads) in a word with ć or č ('Ðuriæ' is 'Đurić', not 'Ğuriæ');
* ř, č, ď, ň as ø, è, ï, ò in a word with š, ž, á, í, ú or ý, which neither Danish nor French
  nor Italian write beside them ('Øíèany' is 'Říčany', 'Dvoøák' 'Dvořák').

* ň as ò before a, o or u, or ending a word after a vowel but u ('Plzeò' is 'Plzeň': Italian
  writes ò at a word's end only, after a consonant or u, 'Niccolò', 'può');
* ę as ê after i but before n ('Ziêba' is 'Zięba'; Portuguese 'ciência'), or before one to
  three of the consonants Polish writes after it and a, i, o, u or y ('Kêty', 'Mêcina',
  'Czêstochowa': French writes e or r after ê and its consonant, 'fête', 'être');
* đ as ð starting a word or after a consonant, or between vowels that Turkish vowel harmony
  never puts around ğ, e or i and a, o, u or ı ('Ðakovo', 'Ðurðevac', 'Meðugorje': Turkish ğ
  follows a vowel of its own kind, 'Doğan', 'Değirmen').

Alone, è and ø are French and Danish ('Genève', 'Søren'): a word with none of these
('Slaðana', ð as Turkish ğ between a and a) is read as before."""
_ROMANIAN = re.compile(rb"[\xaa\xba](?:(?=[A-Za-z\xe2\xe3\xee])|(?<=[a-z\xe2\xe3\xee]{2}.))")
"""In a word, ş, Ş in Windows-1250 (a Romanian Windows' plain CSV), which Windows-1252 and
-1254 read as º, ª: before a letter or after two ('Braºov' is 'Braşov', 'Mureº' 'Mureş'; not
the º of 'Nº 5' or the ª of 'Mª José')."""
_BREVE = re.compile(rb"[\xc3\xe3]")
"""ă, Ă in Windows-1250, ã, Ã in Windows-1252 and -1254: Romanian beside ţ, which Windows-1254
reads as Turkish ş ('Bacãu', 'Galaþi'), as no Turkish word has ã; not in a file with a letter
only Turkish has (:data:`_SURE_TURKISH`: a Turkish list naming 'São Paulo')."""
_CEDILLA = re.compile(f"[þÞ]{_IN_WORD}")
"""Read as Windows-1252, ş, Ş in Windows-1254 or ţ, Ţ in Windows-1250, in a word."""
_DOTTED_I = re.compile(f"Ý{_IN_WORD}")
"""Read as Windows-1252, Turkish İ in a word: in a Romanian list's Windows-1250 no letter."""
_SURE_TURKISH = re.compile(f"[ýÝ]{_IN_WORD}|[þÞðÐ](?<=[^\\W\\d_].)(?![aeiouâîAEIOUÂÎ])")
"""Read as Windows-1252, a Turkish letter that is no Romanian or Croatian one in Windows-1250:
ı or İ in a word, or ş or ğ after a letter and before a consonant or ending a word ('Yaþlý',
'Ateþ', 'Tuðba', 'Dað': ţ and đ stand before a vowel); where the file has none, a ş before a
vowel may be Romanian ţ ('Ayþe' is 'Ayţe' in Windows-1250) and a ğ between vowels Croatian đ
('Slaðana' is 'Slađana', 'Doðan' 'Dođan'), and nothing tells which."""
_WESTERN = re.compile(
    b"[%s]"
    % b"".join(
        b"\\x%02x" % b
        for b in range(0x80, 0x100)
        if (letter := bytes([b]).decode("cp1252", "ignore")).isalpha()
        and letter != bytes([b]).decode("cp1250", "ignore")
        and b not in b"\xaa\xba\xc3\xd0\xdd\xde\xe3\xf0\xfd\xfe"
    )
)
"""A letter of Windows-1252 (and -1254) that Windows-1250 reads as another: è, ê, ñ, ø as č, ę,
ń, ř; where no word holds it as :data:`_POLISH` or :data:`_CENTRAL` say Central European
Windows writes it ('Hélène' is no 'Hélčne'), it tells a file is no Windows-1250 one. Not ª, º,
ã, which are Romanian ş, ă there, nor the letters Turkish and Windows-1250 share bytes for."""
_BREVE_ROMANIAN = re.compile(
    rb"[\xc3\xe3](?=[A-Za-z\xaa\xba\xc2\xc3\xce\xde\xe2\xe3\xee\xfe])(?![oeOE]|[sS](?![A-Za-z]))"
)
"""In a word, ă, Ă in Windows-1250 where no Portuguese word has ã, Ã: before a letter but o, e
and the s of a plural ending the word ('Bacãu' is 'Bacău', 'Bãsescu' 'Băsescu'; not 'São',
'Mãe', 'irmãs')."""
_BREVE_END = re.compile(r"[ãÃ](?<=[^\W\d_].)[sS]?(?![^\W\d_])")
"""Read as Windows-1252, ã ending a word (or before the s ending it): Romanian ă ('Micã' is
'Mică') or Portuguese ã ('irmã'), and nothing tells which where the file has no ã before o or e
(:data:`_PORTUGUESE`)."""
_PORTUGUESE = re.compile("[ãÃ][oeOE]")
"""Read as Windows-1252, Portuguese ã before o or e ('São', 'Mãe'), which Romanian never writes."""
_POLISH_ONLY = re.compile(
    rb"[\x8c\x8f\x9c\x9f\xa3\xa5\xaf\xb3\xb9\xbf\xc6\xca\xd1\xd3\xe6\xea\xf1\xf3]+"
)
"""A word of Polish letters beyond ASCII alone in Windows-1250 ('Żółć', which Windows-1251 reads
as 'Їуіж'): a word that reads as Cyrillic and as Polish."""
_SIGN = re.compile("[¡¢£¥¦©«¬®¯±¶»¿ˇ˘˛˝×÷Ľ]")
"""A sign that Windows-1252, -1250 or -1254 reads where ISO-8859-2 or -16 (Linux, older
programs) writes a letter of Polish, Czech, Croatian or Romanian: ś as ¶, ą as ±, Š as ©, ś as
÷; not ´, which people type for an apostrophe ('O´Brien'), nor Catalan · ('Col·legi'). And
Windows-1250's Ľ, which ISO-8859-2 writes for ź: after a small letter no Slovak word has it
('ŁódĽ' is 'Łódź')."""
_SIGN_BYTE = re.compile(
    b"[%s]"
    % b"".join(
        b"\\x%02x" % b
        for b in range(0x80, 0x100)
        if any(_SIGN.fullmatch(bytes([b]).decode(cp, "ignore")) for cp in ("cp1250", "cp1252"))
    )
)
"""The bytes that are a sign of :data:`_SIGN` in Windows-1252, -1250 or -1254 (few lists hold
any: the text is looked at only where the bytes have one)."""
ISO_PAGES = ("iso-8859-2", "iso-8859-16")
"""The code pages of Linux and older programs for Central European languages and Romanian,
which write their letters where a Windows has signs (:data:`_SIGN`)."""


def decode_csv(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with.

    UTF-8 with BOM (Excel "CSV UTF-8"), UTF-16 with BOM (Excel "Unicode text"), plain UTF-8, and
    otherwise Excel's "CSV (Trennzeichen-getrennt)" in the code page of the Windows that saved
    it (:func:`_plain`). Raises :class:`CsvBytesError` for bytes no spreadsheet program writes
    into a CSV: a NUL byte (but in UTF-16), or bytes that are no UTF-8 among UTF-8 (read as
    Windows-1252, every ü of the file would turn into 'Ã¼'); and for a plain CSV whose code page
    its letters do not tell (:func:`_plain`), as either reading may garble a name: it asks for
    'CSV UTF-8', which says which, or names ``--encoding`` with the code pages it may be.
    ``encoding``: the code page of a plain CSV as the coordinator names it (``cp1250``), not
    guessed.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    nul = data.find(b"\x00")
    if nul >= 0:
        raise CsvBytesError(
            data.count(NEWLINE, 0, nul) + 1, Said("table_nul"), Said("table_nul_fix")
        )
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as exc:
        utf8 = len(_UTF8_LETTER.findall(body))
        if bom or (utf8 and not _cyrillic_only(body, utf8)):
            raise CsvBytesError(
                body.count(NEWLINE, 0, exc.start) + 1,
                Said("table_not_utf8", byte=f"{body[exc.start]:02x}"),
                Said("table_not_utf8_fix"),
            ) from None
    if encoding is not None:
        return data.decode(encoding, errors="replace"), encoding
    return _plain(data)


def _plain(data: bytes) -> tuple[str, str]:
    """The text of Excel's plain CSV and its code page, told by the words holding letters beyond
    ASCII (:func:`_words`): Windows-1251 from a Cyrillic Windows (Russian, Ukrainian) when each
    such word is made of them alone and one has four letters or more ('Ольга' is 'Îëüãà' read
    as Windows-1252: no German, French or Polish name is; a Cyrillic Windows writes no ä, é or ł,
    so no word beside ASCII letters); else Windows-1254 from a Turkish Windows when a word holds
    þ, ð, Þ, Ð or Ý read as Windows-1252 (:data:`_TURKISH`: 'Þahin' is 'Şahin'; the two differ
    in these and ý/ı only); Windows-1250 from a Polish Windows when a word holds a letter of
    Polish that Windows-1252 reads as a sign (:data:`_POLISH`: 'Pawe³' is 'Paweł'; German
    letters read alike), or from a Czech, Slovak or Hungarian one when a word holds their
    letters as Windows-1252 reads them in no Western word (:data:`_CENTRAL`: 'Øíèany' is
    'Říčany'), or a Croatian, Bosnian or Serbian one (đ read as ğ beside ć, č: 'Ðuriæ' is
    'Đurić'), unless the file holds a letter only Turkish has (:data:`_TURKISH_ONLY`), or a
    Romanian one (:data:`_ROMANIAN`: 'Braºov' is 'Braşov'; ţ read as Turkish ş beside ă,
    :data:`_BREVE`; ă where no Portuguese word has ã, :data:`_BREVE_ROMANIAN`: 'Bacãu' is
    'Bacău'), unless the file holds İ; else Windows-1252, as a German Windows saves it.

    A word of four letters beyond ASCII (Polish 'Żółć' is 'Їуіж' in Windows-1251) in a file
    whose words of Latin letters told its code page and outnumber such words is read in it, as
    the file is one code page: 'Kęty', 'Plzeň', 'Braşov' beside it say Windows-1250.

    Raises :class:`CsvBytesError` where a word reads as letters in two code pages and the file
    does not say which: such a word in a file of Latin ones that did not tell its code page
    or are not more ('Kanzlei Łukasz Żółć'), a file whose only such words are of two or three
    letters (initials 'ÇÖ' are 'ЗЦ' in Windows-1251; in a list with other words of Latin letters
    they are initials), one whose only such letter is ý in a word (:data:`_DOTLESS_I`),
    which may be a Czech ý or a Turkish ı, one whose only Turkish letters are ş before a vowel
    and ğ between vowels (:data:`_SURE_TURKISH`), which may be a Romanian ţ and a Croatian đ,
    unless a Western letter tells it is no Windows-1250 (:data:`_WESTERN`), one whose only such
    word is of Polish letters alone ('Żółć'), and one whose ă or ã ends a word, Romanian or
    Portuguese, where no ã before o or e says Portuguese (:data:`_BREVE_END`)."""
    # cp1252 leaves five bytes undefined, cp1251 one; they cannot be in a Windows' Excel file,
    # so keep them visible (U+FFFD) rather than failing the whole list.
    text = data.decode("cp1252", errors="replace")
    cyrillic, latin = _words(data)
    long = next((w for w in cyrillic if len(w) > 3), None)
    if long is not None and not latin:
        if all(_POLISH_ONLY.fullmatch(w) for w in cyrillic):  # „Żółć“ alone: Polish too
            raise _either(
                data.count(NEWLINE, 0, data.find(long)) + 1,
                long.decode("cp1250"),
                "cp1250",
                long.decode("cp1251"),
                "cp1251",
            )
        return data.decode("cp1251", errors="replace"), "cp1251"
    turkish, cedilla = _TURKISH.search(text), _CEDILLA.search(text)
    sure = turkish and _SURE_TURKISH.search(text)  # 45 ms a list of 10,000 rows: if needed
    romanian = any(_ROMANIAN.search(w) or _BREVE_ROMANIAN.search(w) for w in latin) or bool(
        cedilla and not sure and any(_BREVE.search(w) for w in latin)
    )
    central = romanian or any(_POLISH.search(w) or _CENTRAL.search(w) for w in latin)
    only = (_DOTTED_I if romanian else _TURKISH_ONLY).search(text)
    if turkish and not (central and not only):
        encoding = "cp1254"
        western = not central and any(_WESTERN.search(w) for w in latin)  # „Hélène“
        thin = None if sure or western else turkish
        if thin:  # its ş only before a vowel, its ğ between vowels: ţ, đ?
            written = _word_at(text, thin.start()).encode("cp1252")
            whose = "romanian" if thin[0] in "þÞ" else "croatian"
            raise _either(
                text.count("\n", 0, thin.start()) + 1,
                written.decode("cp1254"),
                "cp1254",
                written.decode("cp1250"),
                "cp1250",
                Said(f"table_windows_{whose}"),
            )
    elif central:
        encoding = "cp1250"
    else:
        found = _DOTLESS_I.search(text)
        if found:
            word = _word_at(text, found.start())
            raise _either(
                text.count("\n", 0, found.start()) + 1,
                word,
                "cp1252",
                word.replace("ý", "ı"),
                "cp1254",
            )
        found = _BREVE_END.search(text) if "ã" in text or "Ã" in text else None  # 11 ms, 0
        if found and not _PORTUGUESE.search(text):
            word = _word_at(text, found.start())
            raise _either(
                text.count("\n", 0, found.start()) + 1,
                word,
                "cp1252",
                word.encode("cp1252").decode("cp1250"),
                "cp1250",
                Said("table_windows_romanian"),
            )
        encoding = "cp1252"
    either = long if latin else next(iter(cyrillic), None)
    # a file is one code page: where its words of Latin letters (no Cyrillic Windows writes one)
    # told which and outnumber those that read as Cyrillic, „Żółć“ is Polish like the rest
    if (
        either is not None
        and len(cyrillic) < len(latin)
        and (central or any(_TURKISH.search(w.decode("cp1252", "replace")) for w in latin))
    ):
        either = None
    if either is not None:
        raise _either(
            data.count(NEWLINE, 0, data.find(either)) + 1,
            either.decode(encoding, "replace"),
            encoding,
            either.decode("cp1251", "replace"),
            "cp1251",
        )
    if encoding != "cp1252":  # else ``text`` is that reading already
        text = data.decode(encoding, errors="replace")
    # the bytes beyond ASCII looked through first: 0.3 ms a list of 10,000 rows, not 8
    if _SIGN_BYTE.search(data.translate(None, bytes(range(0x80)))):
        _refuse_iso(text, encoding)
    return text, encoding


def _refuse_iso(text: str, encoding: str) -> None:
    """Raise :class:`CsvBytesError` where ``text``, read in the Windows code page ``encoding``,
    has a sign inside a word (:func:`_sign_in_word`) that an ISO code page (:data:`ISO_PAGES`)
    reads as a letter, naming both readings and ``--encoding``."""
    signed = _sign_in_word(text)
    if signed is None:
        return
    written = _word_at(text, signed).encode(encoding)
    for page in ISO_PAGES:
        other = written.decode(page, "replace")
        if other.isalpha():
            said = Said(
                "table_sign",
                word=short(written.decode(encoding), 40),
                whose=Said(f"table_windows_{encoding}"),
                other=short(other, 40),
                other_encoding=page,
            )
            fix = Said("table_sign_fix", encoding=encoding, other_encoding=page)
            raise CsvBytesError(text.count("\n", 0, signed) + 1, said, fix)


def _sign_in_word(text: str) -> int | None:
    """Where ``text`` has a sign (:data:`_SIGN`) between two letters, or starting a word before
    a small letter ('Wi¶niewska', '©ibenik'), or Ľ after a small letter ('ŁódĽ'), as a Windows
    reads a Polish or Croatian list an ISO code page wrote; ``None`` where it has none."""
    for found in _SIGN.finditer(text):
        at = found.start()
        after = text[at + 1 : at + 2]
        before = text[at - 1 : at] if at else ""
        if found[0] == "Ľ":  # a letter: 'Ľubomír'
            if before.islower():
                return at
        elif after.isalpha() and (before.isalpha() or (after.islower() and not before.isalnum())):
            return at
    return None


def _word_at(text: str, at: int) -> str:
    """The word of ``text`` the letter (or sign: :data:`_SIGN`) at ``at`` stands in."""
    start = at
    while start and (text[start - 1].isalpha() or _SIGN.match(text[start - 1])):
        start -= 1
    end = at + 1
    while end < len(text) and (text[end].isalpha() or _SIGN.match(text[end])):
        end += 1
    return text[start:end]


def _words(data: bytes) -> tuple[list[bytes], list[bytes]]:
    """A plain CSV's words of two or more letters all beyond ASCII (Cyrillic ones, read as
    Windows-1251), and its words of ASCII and other letters (of a Latin script), each once (a
    list of 10,000 rows names its towns and its kinds of institution again and again)."""
    beyond = [w for w in dict.fromkeys(_WORD.findall(data)) if not w.isascii()]
    cyrillic = [w for w in beyond if len(w) > 1 and not _ASCII_LETTER.search(w)]
    return cyrillic, [w for w in beyond if _ASCII_LETTER.search(w)]


def _cyrillic_only(data: bytes, utf8: int) -> bool:
    """Whether a file that is not UTF-8 but has ``utf8`` letters as UTF-8 writes them is a
    Cyrillic Windows' plain CSV all the same: its words beyond ASCII are Cyrillic ones only
    (:func:`_words`), and no more of its bytes beyond ASCII make such letters than do not (an
    upper-case letter before і, ї, є or » is one in Windows-1251: 'ДІМ' is C4 B2 CC)."""
    cyrillic, latin = _words(data)
    beyond = sum(b > 0x7F for b in data) - sum(map(len, _UTF8_LETTER.findall(data)))
    return bool(cyrillic) and not latin and utf8 <= beyond


def _either(
    line: int,
    word: str,
    encoding: str,
    other: str,
    other_encoding: str,
    other_whose: Said | None = None,
) -> CsvBytesError:
    """A plain CSV whose ``word`` reads ``other`` in the code page ``other_encoding`` (said as
    whose Windows writes it, or ``other_whose``); the fix names ``--encoding`` with both."""
    said = Said(
        "table_either",
        word=short(word, 40),
        whose=Said(f"table_windows_{encoding}"),
        other=short(other, 40),
        other_whose=other_whose or Said(f"table_windows_{other_encoding}"),
    )
    fix = Said("table_either_fix", encoding=encoding, other=other_encoding)
    return CsvBytesError(line, said, fix)


_SEP = re.compile(r'"?sep=([^"\r\n])"?\r?', re.IGNORECASE)
"""Excel's line naming a CSV's delimiter (``sep=;``), as it opens a file that starts with it."""


def delimiter_line(first_line: str) -> str | None:
    """The delimiter ``first_line`` names when it is Excel's ``sep=;`` (which some programs
    write before the header so that Excel splits the columns in any country), else ``None``."""
    found = _SEP.fullmatch(first_line)
    return found[1] if found else None


def detect_delimiter(header_line: str, below: str = "") -> str:
    """The delimiter of a CSV file, from its header line: ``;``, tab or ``,``; from the lines
    ``below`` it when it has none (a title above the header: :func:`with_header`)."""
    counts = {d: header_line.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best]:
        return best
    return detect_delimiter(below) if below else ","


def read_sheet(
    data: bytes,
    file_name: str,
    what: Said,
    not_a_table: Said,
    encoding: str | None = None,
) -> Sheet:
    """The header and the numbered rows of ``data`` (named ``file_name`` in messages): an XLSX
    (its first sheet), else a CSV. Raises :class:`SheetError` for a file that is no table or
    larger than a centre's list; ``what`` is what it should be (``a recipients list``),
    ``not_a_table`` what to do with a file of another kind (a PDF, a Word document, a
    picture). Each message is a :class:`~formgen.messages.Said`: said in the workspace's
    language. ``encoding``: as :func:`decode_csv` takes it."""
    if len(data) > MAX_FILE:
        raise SheetError(
            file_name, Said("table_larger", mb=MAX_FILE >> 20), Said("table_split", rows=MAX_ROWS)
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, file_name, what, not_a_table)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: Excel 97-2003, or a workbook with a password
        if _encrypted(data):
            raise SheetError(file_name, Said("table_password"), Said("table_password_fix"))
        raise SheetError(file_name, Said("table_xls"), SAVE_AS)
    kind = _other_kind(data)
    if kind is not None:
        raise _other(file_name, kind, not_a_table)
    try:
        text, encoding = decode_csv(data, encoding)
    except CsvBytesError as exc:
        raise SheetError(file_name, exc.what, exc.fix, exc.line) from None
    first, _, after = text.partition("\n")
    named = delimiter_line(first)
    delimiter = named or detect_delimiter(
        first, "\n".join(after.split("\n", HEADER_ROWS)[:HEADER_ROWS])
    )
    reader = csv.reader(io.StringIO(after if named else text, newline=""), delimiter=delimiter)
    skipped = 1 if named else 0
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    try:
        while True:
            line = skipped + reader.line_num + 1
            try:
                cells = _cells(next(reader), line, file_name, what)
            except StopIteration:
                break
            if header is None:
                header = cells
            elif any(c.strip() for c in cells):
                rows.append(_counted(rows, line, file_name, cells))
    except csv.Error as exc:
        if "field limit" not in str(exc):
            raise SheetError(file_name, Said("table_csv", why=str(exc)), line=line) from None
        # the rest of the file ran into one value: a quotation mark opened it and never closed
        raise SheetError(
            file_name,
            Said("table_long_value", limit=csv.field_size_limit()),
            Said("table_long_value_fix"),
            line,
        ) from None
    return Sheet(header or [], rows, encoding, delimiter, header_line=1 + skipped)


def _encrypted(data: bytes) -> bool:
    """Whether the OLE2 file ``data`` is an encrypted Office document (Excel keeps an XLSX
    saved with a password in an OLE2 file)."""
    import olefile  # type: ignore[import-untyped]  # installed with extract-msg; no stubs

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return bool(ole.exists("EncryptedPackage"))
    except (OSError, ValueError):  # a damaged file: said to be an .xls, which cannot be read
        return False


def _other(file_name: str, kind: str, fix: Said) -> SheetError:
    """A file of another kind (``kind``: what it is, ``""``: unknown)."""
    said = Said("table_not_table_kind", kind=kind) if kind else Said("table_not_table")
    return SheetError(file_name, said, fix)


def _other_kind(data: bytes) -> str | None:
    """What a file that is plainly no CSV is (a PDF document, a picture; ``""``: another binary
    file, as a header line never holds a NUL byte: one further on is one of a damaged CSV,
    which :func:`decode_csv` names with its line), else ``None``."""
    if data.startswith(b"%PDF"):
        return Said("table_kind_pdf")
    if image_suffix(data[:64]):
        return Said("table_kind_picture")
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return "" if not utf16 and b"\x00" in data[:4096].partition(b"\n")[0] else None


def _cells(values: Sequence[object], line: int, file_name: str, what: Said) -> list[str]:
    """A row's values as text; a row with a value beyond :data:`MAX_COLUMNS` is refused, said
    of ``what`` was read (the empty cells beyond are counted in C: a forged row may have
    thousands)."""
    beyond = values[MAX_COLUMNS:]
    if len(beyond) > beyond.count(None) + beyond.count(""):
        raise SheetError(
            file_name,
            Said("table_beyond_column", limit=MAX_COLUMNS, what=what),
            Said("table_beyond_column_fix"),
            line,
        )
    return [_cell(c) for c in values[:MAX_COLUMNS]]


def _counted(
    rows: list[tuple[int, list[str]]], line: int, file_name: str, cells: list[str]
) -> tuple[int, list[str]]:
    """The row at ``line``, unless ``rows`` has :data:`MAX_ROWS` already."""
    if len(rows) >= MAX_ROWS:
        raise SheetError(
            file_name,
            Said("table_rows", limit=MAX_ROWS, line=line),
            Said("table_split", rows=MAX_ROWS),
        )
    return line, cells


def _other_office_file(names: list[str]) -> str | None:
    """What a ZIP archive that is no Excel workbook is (``None``: a workbook, maybe damaged)."""
    if any(n.startswith("xl/") for n in names):
        return None
    if "word/document.xml" in names:
        return Said("table_kind_docx")
    if "mimetype" in names or "content.xml" in names:
        return Said("table_kind_opendocument")
    return Said("table_kind_zip")


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REFERENCE = re.compile("([A-Za-z]{1,3})([0-9]{1,7})")
"""A cell's reference (``r``) as openpyxl reads it: column letters, then the row number."""
LAST_ROW, LAST_COLUMN = 1_048_576, 16_384
"""Excel's last row and column (XFD)."""
REPAIR = Said("table_repair")
"""What to do with a workbook whose sheet names a cell or row wrongly."""


class _Checked(NamedTuple):
    """What :func:`_checked_sheet` finds in a sheet's XML besides its values."""

    unsaved: frozenset[tuple[int, int]]
    formulas: frozenset[tuple[int, int]]
    merged: tuple[tuple[int, int, int, int], ...]


def _merged(ref: str) -> tuple[int, int, int, int] | None:
    """A merged cell's range (``B2:D2``) as :attr:`Sheet.merged` holds it; ``None`` for one
    that names no cells (left as openpyxl leaves it: not merged)."""
    from openpyxl.utils.cell import column_index_from_string

    ends = [_REFERENCE.fullmatch(end) for end in ref.split(":")]
    if len(ends) != 2 or not all(ends):
        return None
    (c1, r1), (c2, r2) = ((m[1], int(m[2])) for m in ends if m)
    return (
        r1,
        column_index_from_string(c1.upper()) - 1,
        r2,
        column_index_from_string(c2.upper()) - 1,
    )


def _checked_sheet(xml: bytes, file_name: str, title: str, texts: int) -> _Checked:
    """The cells (line, column from 0) of a sheet's ``xml`` that hold a formula but no saved
    result, as a program writes them that does not calculate (openpyxl, a script): openpyxl
    reads them as empty; those holding a formula at all; and its merged cells, which openpyxl's
    read-only sheets do not give. A formula whose text result is empty (``=WENN(A2="";"";…)``) is
    saved as text (``t="str"``). A cell or row without a reference (``r``, which the format
    leaves out as it likes) stands where openpyxl puts it: after the one before it.

    Raises :class:`SheetError` for a reference that names no cell or row (``A``, ``1A``,
    ``ZZZZ1``, ``A0``) of the sheet ``title``: openpyxl fails on some (with Python's message)
    and puts the value of others into another cell or none; and for a cell whose value is not
    of its kind (:func:`_wrong_value`; ``texts``: how many shared texts the workbook has)."""
    found = set()
    formulas = set()
    merged = []
    line = 0
    for _, row in etree.iterparse(io.BytesIO(xml), tag=(f"{_MAIN}row", f"{_MAIN}mergeCell")):
        if row.tag == f"{_MAIN}mergeCell":
            span = _merged(row.get("ref") or "")
            if span is not None:
                merged.append(span)
            continue
        number = row.get("r")
        line = line + 1 if number is None else _row_number(number, line, file_name, title)
        column = 0
        for c in row.iterchildren(f"{_MAIN}c"):
            ref = c.get("r")
            column = column + 1 if not ref else _column(ref, line, file_name, title)
            value = c.findtext(f"{_MAIN}v")
            has_formula = c.find(f"{_MAIN}f") is not None
            if has_formula:
                formulas.add((line, column - 1))
            if has_formula and c.get("t") != "str" and not value:
                found.add((line, column - 1))
            wrong = _wrong_value(c.get("t", "n"), value or "", texts)
            if wrong:
                at = Said("table_at_cell", cell=_cell_name(line, column))
                raise _damaged(file_name, title, at, wrong)
        row.clear()
    return _Checked(frozenset(found), frozenset(formulas), tuple(merged))


def _wrong_value(kind: str, value: str, texts: int) -> Said | None:
    """What is wrong with a cell's saved ``value`` for its ``kind`` (its ``t``), which openpyxl
    would fail on with Python's message or read as another cell's text; ``None``: nothing."""
    if not value:
        return None
    said = short(value, 60)
    if kind == "s" and not (value.isdecimal() and int(value) < texts):
        if not texts:
            return Said("table_shared_text_none", value=said)
        return Said("table_shared_text", value=said, texts=texts)
    if kind == "b" and value not in ("0", "1"):
        return Said("table_yes_no_cell", value=said)
    if kind == "n" and not _NUMBER.fullmatch(value):
        return Said("table_number_cell", value=said)
    return None


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
"""A number as a sheet saves it (openpyxl reads others, NaN or 1.2.3, with Python's message)."""


def _cell_name(line: int, column: int) -> str:
    """A cell's name, ``B3``, from its row and its column (from 1)."""
    from openpyxl.utils.cell import get_column_letter

    return f"{get_column_letter(column)}{line}"


def _row_number(number: str, line: int, file_name: str, title: str) -> int:
    """The row ``number`` of a ``<row r="…">`` after row ``line``, as openpyxl reads it (``2``,
    ``2.0``)."""
    with contextlib.suppress(ValueError):
        value = float(number)
        if value.is_integer() and 1 <= value <= LAST_ROW:
            return int(value)
    said = Said("table_row_numbered", line=line, number=short(number, 60))
    raise _damaged(file_name, title, "", said)


def _column(ref: str, line: int, file_name: str, title: str) -> int:
    """The column (from 1) of a cell of row ``line`` whose reference is ``ref``."""
    from openpyxl.utils.cell import column_index_from_string

    found = _REFERENCE.fullmatch(ref)
    if found is not None and 1 <= int(found[2]) <= LAST_ROW:
        column = column_index_from_string(found[1].upper())
        if column <= LAST_COLUMN:
            return column
    said = Said("table_cell_named", ref=short(ref, 60))
    raise _damaged(file_name, title, Said("table_at_row", line=line), said)


def _damaged(file_name: str, title: str, where: str, what: Said) -> SheetError:
    """A workbook whose sheet ``title`` names a cell or row wrongly (at ``where``: ``what``,
    its value cut to 60 characters)."""
    said = Said("table_damaged", title=short(title, 40), where=where, what=what)
    return SheetError(file_name, said, REPAIR)


def _broken_part(pkg: ZipPackage) -> Said | None:
    """The first part of a workbook that is no well-formed XML, named, else ``None``."""
    for name in pkg.zf.namelist():
        if name.endswith((".xml", ".rels")):
            try:
                etree.fromstring(pkg.read(name))
            except (etree.XMLSyntaxError, DocxError):
                return Said("table_part", name=short(name, 80))
    return None


def _sheet_part(title: str, part: str) -> Said:
    """A sheet named as a message names it: its title and its part of the workbook."""
    return Said("table_sheet_part", title=short(title, 40), part=short(part, 60))


def _holds_data(rows: Iterable[Sequence[object]]) -> bool:
    """Whether a sheet's ``rows`` have a cell that is not empty."""
    return any(str(v).strip() for row in rows for v in row if v is not None)


def _read_xlsx(data: bytes, file_name: str, what: Said, not_a_table: Said) -> Sheet:
    """The first sheet's rows, once the archive passed the checks a returned DOCX passes (no
    zip bomb, no XML with a DOCTYPE or entities: :mod:`ingest.docx_reader`)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    yes_no: set[tuple[int, int]] = set()
    pkg: ZipPackage | None = None
    reading: Said | None = None
    """The sheet being read (its title and part), once the workbook's own parts were."""
    try:
        pkg = ZipPackage(file_name, zipfile.ZipFile(io.BytesIO(data)))
        check_zip(pkg.zf, file_name)
        other = _other_office_file(pkg.zf.namelist())
        if other is not None:
            ods = pkg.zf.namelist()[:1] == ["mimetype"] and pkg.read("mimetype") == ODS
            raise _other(file_name, other, Said("table_save_ods") if ods else not_a_table)
        for info in pkg.zf.infolist():
            if info.filename.endswith((".xml", ".rels")) and declares_entities(
                pkg.read(info.filename)
            ):
                said = Said("table_entities", name=short(info.filename, 80))
                raise SheetError(file_name, said, SAVE_AS)
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            # openpyxl warns of, or prints, what it meets in a damaged workbook ("Defined names
            # for sheet index 1 cannot be located"): not beside the line that says what to do
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                if not book.worksheets:
                    raise SheetError(file_name, Said("table_no_sheet"), SAVE_AS)
                sheet, *further = book.worksheets
                # read-only sheets know their part; openpyxl's stubs do not say so
                part: str = sheet._worksheet_path  # type: ignore[attr-defined]
                # as the reader reads them (the workbook's own list stays empty in read-only)
                texts = len(sheet._shared_strings)  # type: ignore[attr-defined]
                reading = _sheet_part(sheet.title, part)
                checked = _checked_sheet(pkg.read(part), file_name, sheet.title, texts)
                left_out = []
                for more in further:
                    more.reset_dimensions()
                    further_part: str = more._worksheet_path  # type: ignore[attr-defined]
                    reading = _sheet_part(more.title, further_part)
                    try:
                        holds = _holds_data(
                            more.iter_rows(max_row=MAX_SHEET_ROWS, values_only=True)
                        )
                    except (ValueError, IndexError):  # a damaged cell is named; others below
                        _checked_sheet(pkg.read(further_part), file_name, more.title, texts)
                        raise
                    if holds:
                        left_out.append(more.title)
                reading = _sheet_part(sheet.title, part)
                sheet.reset_dimensions()  # a forged A1:XFD1048576 would pad every row to 16,384
                for line, row in enumerate(sheet.iter_rows(max_row=MAX_SHEET_ROWS), 1):
                    if line == MAX_SHEET_ROWS:
                        raise SheetError(file_name, Said("table_sheet_rows", line=line), SAVE_AS)
                    values = [_as_shown(c) for c in row]
                    cells = _cells(values, line, file_name, what)
                    if header is None:
                        header = cells
                    elif any(c.strip() for c in cells):
                        rows.append(_counted(rows, line, file_name, cells))
                        yes_no.update(
                            (line, i) for i, v in enumerate(values) if v is True or v is False
                        )
            finally:
                book.close()
    except DocxError as exc:  # a zip bomb, a damaged part: as a returned DOCX is refused
        raise SheetError(file_name, exc.said or str(exc).removeprefix(f"{file_name}: ")) from None
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        OSError,
        SyntaxError,  # the standard library's XML ParseError
        etree.LxmlError,
        # openpyxl, given XML with an element or attribute missing, odd or of the wrong kind
        TypeError,
        IndexError,
        AttributeError,
    ):
        if pkg is None:  # not even its archive: cut off while it was copied or downloaded?
            raise SheetError(file_name, Said("table_cut_off"), Said("table_cut_off_fix")) from None
        broken = reading or _broken_part(pkg) or Said("table_broken_lists")
        raise SheetError(file_name, Said("table_broken", broken=broken), REPAIR) from None
    return Sheet(
        header or [],
        rows,
        XLSX,
        unsaved=checked.unsaved,
        left_out=tuple(left_out),
        yes_no=frozenset(yes_no),
        merged=checked.merged,
        formulas=checked.formulas,
    )
