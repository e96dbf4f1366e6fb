"""Make the recipients CSVs as German Excel saves them (run: python tests/data/mail/make_csvs.py).

Excel "CSV (Trennzeichen-getrennt)" on a German Windows: ';' and Windows-1252, CRLF.
Excel "CSV UTF-8 (durch Trennzeichen getrennt)": ';', UTF-8 with BOM, CRLF.
"""

from pathlib import Path

HERE = Path(__file__).parent
ROWS_CP1252 = [
    ["Kennung", "Einrichtung", "E-Mail", "Kategorien", "Region", "Ansprechpartner"],
    [
        "kbs-01",
        "Kontakt- und Beratungsstelle Düsseldorf-Süd",
        "kbs@beispiel-duesseldorf.de",
        "kontakt_beratungsstelle",
        "Düsseldorf",
        "Jörg Weiß",
    ],
    [
        "pt-07",
        "Praxis für Psychotherapie „Brücke“",
        "praxis@bruecke.example",
        "psychotherapie, facharzt",
        "duesseldorf",
        "Françoise Müller-Öz",
    ],
    [
        "mso-3",
        "Verein für Begegnung e.V.; Neuss",
        "info@begegnung.example",
        "migrantenselbstorganisationen|integrationsrat",
        "Rhein-Kreis Neuss (Neuss, Meerbusch)",
        "",
    ],
    ["wohn-2", "Betreutes Wohnen Meerbusch", "", "betreutes_wohnen", "neuss_meerbusch", ""],
]
ROWS_UTF8 = [
    ["id", "institution", "email", "categories", "region"],
    [
        "bs-ist",
        "Şule Yılmaz Danışmanlık",
        "sule@danisma.example",
        "fluechtlingsberatung migrationsfachdienste",
        "Düsseldorf",
    ],
    ["ua-1", "Ольга Петренко – Консультація", "olga@example.org", "psychotherapie", "andere"],
    ["lodz", "Poradnia Łódź", "lodz@example.org", "facharzt", ""],
    ["ar-1", "مركز الاستشارة", "markaz@example.org", "krisendienst", "dormagen"],
]

ROWS_LANGUAGE_FORMAT = [
    ["Kennung", "Einrichtung", "E-Mail", "Kategorien", "Region", "Sprache", "Formular"],
    [
        "en-1",
        "Refugee Counselling Düsseldorf",
        "rcd@example.org",
        "fluechtlingsberatung",
        "Düsseldorf",
        "Englisch",
        "docx",
    ],
    [
        "en-2",
        "Ольга Петренко – Counselling",
        "olga@example.org",
        "psychotherapie",
        "andere",
        "English",
        "both",
    ],
    ["de-1", "Şule Yılmaz Danışmanlık", "sule@danisma.example", "facharzt", "Düsseldorf", "", ""],
    ["de-2", "Poradnia Łódź", "lodz@example.org", "facharzt", "", "de", "PDF"],
]
"""A list naming the language and the format of some institutions' mail and form."""


def line(cells: list[str]) -> str:
    return ";".join(f'"{c}"' if ";" in c or '"' in c else c for c in cells) + "\r\n"


(HERE / "excel_cp1252.csv").write_bytes("".join(map(line, ROWS_CP1252)).encode("cp1252"))
(HERE / "excel_utf8_bom.csv").write_bytes(
    b"\xef\xbb\xbf" + "".join(map(line, ROWS_UTF8)).encode("utf-8")
)
(HERE / "language_format.csv").write_bytes(
    b"\xef\xbb\xbf" + "".join(map(line, ROWS_LANGUAGE_FORMAT)).encode("utf-8")
)
(HERE / "malformed.csv").write_bytes(
    (
        "id,institution,email,categories,region\n"
        "a1,Beratung A,a@example.org,psychotherapie,duesseldorf\n"
        "a2,Beratung B,kein-at-zeichen.example.org,psychotherapie,duesseldorf\n"
        "a1,Beratung C,c@example.org,psychotherapie,duesseldorf\n"
        "a4,Beratung D,d@example.org,psychoterapie,duesseldorf\n"
        "a5,Beratung E,e@example.org,facharzt,Köln\n"
        "a6,,f@example.org,,duesseldorf\n"
        "a7,Beratung G,g@example.org,facharzt,duesseldorf\n"
    ).encode()
)
