"""How a list saved as plain CSV is read: each name of the test data written alone by Python's
codecs, as a program would save a one-name list, is read as written where its letters tell the
code page, or refused naming its line, the word in both readings and ``--encoding`` where they
are too few to tell — never read as another name (:func:`ingest.sheet.decode_csv`)."""

from __future__ import annotations

import pytest

from formgen.errors import CsvBytesError
from ingest.sheet import decode_csv

READ = "read"
"""The name is read as written."""


def read(names: str, *codecs: str) -> list[tuple[str, str, object]]:
    """Each of the ``|``-separated ``names`` written in each of ``codecs``, read as written."""
    return [(name, codec, READ) for name in names.split("|") for codec in codecs]


TABLE = [
    # German, Western: as a German Windows writes them, in Latin-1 alike, and in UTF-8
    *read(
        "Müller-Groß|Straße|Öztürk Çelik|Genève|Niccolò|Muñoz|São Paulo|Søren", "cp1252", "latin-1"
    ),
    # UTF-8, with and without BOM: every name
    *read("Slađana|Bacău|Żółć|Doğan|Brașov|Ольга", "utf-8", "utf-8-sig"),
    # Turkish: a letter only Turkish writes where it stands tells it
    ("Danışmanlık Şahin", "cp1254", READ),
    ("Ateş", "cp1254", READ),
    ("Tuğba", "cp1254", READ),  # ğ before a consonant: no Croatian đ
    ("İnce", "cp1254", READ),
    ("Doğan Çelik\r\npsychotherapie;Hélène", "cp1254", READ),  # è is no č: not Windows-1250
    # Turkish ş before a vowel or ğ between vowels alone: Romanian ţ, Croatian đ?
    ("Ayşe", "cp1254", ("Ayşe", "Ayţe", "cp1254", "cp1250")),
    ("Doğan", "cp1254", ("Doğan", "Dođan", "cp1254", "cp1250")),
    ("Eğitim", "cp1254", ("Eğitim", "Eđitim", "cp1254", "cp1250")),
    # Polish, Czech: in Windows-1250 and the letters ISO-8859-2 writes alike
    *read("Łęczna|Kęty|Paweł|Plzeň|Říčany|Děčín", "cp1250", "iso-8859-2"),
    ("Gdańsk", "cp1250", READ),
    ("Ľubomír Šťastný", "cp1250", READ),  # Slovak Ľ starting a word, no ISO ź
    ("Kanzlei Łukasz Żółć", "cp1250", ("Żółć", "Їуіж", "cp1250", "cp1251")),
    ("Żółć", "cp1250", ("Żółć", "Їуіж", "cp1250", "cp1251")),  # alone: read as Cyrillic before
    ("Żółć", "iso-8859-2", ("Żółć", "Їуіж", "cp1250", "cp1251")),
    # Croatian: đ where Turkish has no ğ, or beside ć; between vowels alone it may be ğ
    *read("Đakovo|Međugorje|Petrović|Đurić", "cp1250", "iso-8859-2"),
    ("Slađana", "cp1250", ("Slağana", "Slađana", "cp1254", "cp1250")),  # „Slağana“ before
    ("Slađana", "iso-8859-2", ("Slağana", "Slađana", "cp1254", "cp1250")),
    ("Slađana", "iso-8859-16", ("Slağana", "Slađana", "cp1254", "cp1250")),
    ("Rođak", "cp1250", ("Roğak", "Rođak", "cp1254", "cp1250")),
    ("Slađana Petrović", "cp1250", READ),
    # Romanian: ş in a word, ă where Portuguese has no ã; ă ending a word may be ã
    *read("Braşov|Timişoara|Bacău|Băsescu", "cp1250", "iso-8859-2"),
    ("Bacău", "iso-8859-16", READ),  # „Bacãu“ before, as ã
    ("Centrul Mică", "cp1250", ("Micã", "Mică", "cp1252", "cp1250")),
    ("Irmã", "cp1252", ("Irmã", "Irmă", "cp1252", "cp1250")),
    ("Galaţi", "cp1250", ("Galaşi", "Galaţi", "cp1254", "cp1250")),
]


def _id(row: tuple[str, str, object]) -> str:
    return f"{row[1]}-{row[0].splitlines()[0]}"


@pytest.mark.parametrize(("name", "codec", "expected"), TABLE, ids=map(_id, TABLE))
def test_a_plain_csv_is_read_as_written_or_refused_with_both_readings(
    name: str, codec: str, expected: object
) -> None:
    data = f"category;name\r\npsychotherapie;{name}\r\n".encode(codec)
    if expected == READ:
        text, _ = decode_csv(data)
        assert text.removeprefix("\ufeff") == f"category;name\r\npsychotherapie;{name}\r\n"
        return
    assert isinstance(expected, tuple)
    one, other, encoding, other_encoding = expected
    with pytest.raises(CsvBytesError, match=f"reads '{one}' if .* and '{other}' if ") as refused:
        decode_csv(data)
    assert refused.value.line == 2
    assert refused.value.fix.endswith(f"--encoding {encoding} or --encoding {other_encoding}")
    for given, meant in ((encoding, one), (other_encoding, other)):  # --encoding as named
        text, read = decode_csv(data, given)
        assert read == given
        assert meant in text.split()[-1]


@pytest.mark.parametrize(
    ("name", "read"),
    [
        # ISO-8859-16 writes Romanian ș, ț with a comma below where Windows-1250 has ş, ţ with a
        # cedilla, the same letters as a Romanian Windows writes them
        ("Brașov", "Braşov"),
        ("Timișoara", "Timişoara"),
    ],
)
def test_romanian_comma_letters_of_iso_8859_16_read_as_a_romanian_windows_writes_them(
    name: str, read: str
) -> None:
    data = f"category;name\r\npsychotherapie;{name}\r\n".encode("iso-8859-16")
    assert decode_csv(data) == (f"category;name\r\npsychotherapie;{read}\r\n", "cp1250")


@pytest.mark.parametrize(
    ("name", "codec", "read", "windows"),
    [
        ("Wiśniewska", "iso-8859-2", "Wi¶niewska", "cp1252"),
        ("Śląsk", "iso-8859-2", "¦l±sk", "cp1252"),
        ("Ząbki", "iso-8859-2", "Z±bki", "cp1252"),
        ("Žďár nad Sázavou", "iso-8859-2", "®ďár", "cp1250"),
        ("Łódź", "iso-8859-2", "ŁódĽ", "cp1250"),  # ź is Windows-1250's Ľ
        ("Wiśniewska", "iso-8859-16", "Wi÷niewska", "cp1252"),
        ("Śląsk", "iso-8859-16", "×l¢sk", "cp1252"),
    ],
)
def test_a_sign_inside_a_word_where_an_iso_code_page_writes_a_letter_is_refused(
    name: str, codec: str, read: str, windows: str
) -> None:
    """Linux and older programs write Polish, Czech and Romanian in ISO-8859-2 or -16, whose ś,
    ą, Ž a Windows reads as signs, its ź as Ľ: the list was read as „Wi¶niewska“, „®ďár“."""
    data = f"category;name\r\npsychotherapie;{name}\r\n".encode(codec)
    word = name.split()[0]
    with pytest.raises(CsvBytesError, match=f"a sign inside a word: '{read}' as .* '{word}' in "):
        decode_csv(data)
    text, encoding = decode_csv(data, codec)  # as the refusal names it
    assert (text.split(";")[-1].strip(), encoding) == (name, codec)


@pytest.mark.parametrize("name", ["O´Brien", "Col·legi", "Raum 40 m³", "Nº 5", "Müller ± 2"])
def test_a_sign_people_type_in_a_western_list_is_no_iso_letter(name: str) -> None:
    data = f"category;name\r\npsychotherapie;{name}\r\n".encode("cp1252")
    assert decode_csv(data) == (data.decode("cp1252"), "cp1252")
