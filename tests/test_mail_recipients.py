"""Recipients lists: German Excel CSVs read as they are; every problem listed with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from formgen.errors import RecipientsError
from formgen.recipients import parse_recipients_csv, recipients_from_records
from formgen.record import InstitutionRecord
from formgen.schema_load import default_schema

DATA = Path(__file__).parent / "data" / "mail"
SCHEMA = default_schema()


def parse(text: str | bytes, source: str = "list.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_recipients_csv(data, SCHEMA, source)


def test_excel_cp1252_semicolon_reads_umlauts_quotes_and_german_headers():
    listed = parse((DATA / "excel_cp1252.csv").read_bytes(), "excel_cp1252.csv")
    assert (listed.encoding, listed.delimiter, listed.problems) == ("cp1252", ";", ())
    by_id = {r.id: r for r in listed.recipients}
    assert by_id["kbs-01"].name == "Kontakt- und Beratungsstelle Düsseldorf-Süd"
    assert by_id["pt-07"].name == "Praxis für Psychotherapie „Brücke“"
    assert by_id["pt-07"].categories == ("psychotherapie", "facharzt")
    # a ';' inside a quoted value stays in the value; '|' separates categories; a label names the region
    assert by_id["mso-3"].name == "Verein für Begegnung e.V.; Neuss"
    assert by_id["mso-3"].categories == ("migrantenselbstorganisationen", "integrationsrat")
    assert by_id["mso-3"].region == "neuss_meerbusch"
    assert by_id["kbs-01"].region == "duesseldorf"
    assert by_id["kbs-01"].source == "excel_cp1252.csv:2"


def test_excel_utf8_with_bom_keeps_turkish_cyrillic_polish_arabic():
    listed = parse((DATA / "excel_utf8_bom.csv").read_bytes())
    assert (listed.encoding, listed.delimiter, listed.problems) == ("utf-8-sig", ";", ())
    names = [r.name for r in listed.recipients]
    assert names == [
        "Şule Yılmaz Danışmanlık",
        "Ольга Петренко – Консультація",
        "Poradnia Łódź",
        "مركز الاستشارة",
    ]
    assert listed.recipients[0].id == "bs-ist"  # the BOM is not part of the first header
    assert listed.recipients[0].categories == ("fluechtlingsberatung", "migrationsfachdienste")


def test_institution_without_email_is_listed_not_dropped():
    listed = parse((DATA / "excel_cp1252.csv").read_bytes())
    assert [r.id for r in listed.without_email] == ["wohn-2"]
    assert "wohn-2" not in [r.id for r in listed.with_email]


def test_malformed_list_names_every_problem_with_its_line():
    listed = parse((DATA / "malformed.csv").read_bytes(), "malformed.csv")
    lines = [str(p) for p in listed.problems]
    assert lines == [
        "malformed.csv:3: 'kein-at-zeichen.example.org' is not an e-mail address (expected name@example.org)",
        "malformed.csv:4: duplicate id 'a1' (first on line 2); ids must be unique",
        "malformed.csv:5: unknown category 'psychoterapie'; did you mean 'psychotherapie'?",
        "malformed.csv:6: unknown region 'Köln'; give its id or its name:\n"
        "  duesseldorf: Düsseldorf\n"
        "  neuss_meerbusch: Rhein-Kreis Neuss (Neuss, Meerbusch)\n"
        "  dormagen\n"
        "  andere: Andere Region",
        "malformed.csv:7: no institution name",
        "malformed.csv:7: no category: name at least one checklist, e.g. psychotherapie",
    ]
    with pytest.raises(
        RecipientsError, match=r"6 problems \(nothing was made or sent.*--skip-invalid"
    ) as err:
        listed.require_valid()
    assert "malformed.csv:5: unknown category" in str(err.value)
    # the regions one can write stand under their problem, not among the problems
    assert (
        "  malformed.csv:6: unknown region 'Köln'; give its id or its name:\n    duesseldorf: "
        in str(err.value)
    )
    # --skip-invalid keeps the good rows only
    assert [r.id for r in listed.require_valid(skip_invalid=True).recipients] == ["a1", "a7"]
    assert listed.invalid_rows == 5


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("de", ["Düsseldorf", "Rhein-Kreis Neuss (Neuss, Meerbusch)", "dormagen", "Andere Region"]),
        ("en", ["Düsseldorf", "Rhein-Kreis Neuss (Neuss, Meerbusch)", "dormagen", "Other region"]),
    ],
)
def test_an_unknown_region_is_told_with_the_names_one_can_write(lang, names):
    """Each region by its id and its name in the language asked for; whatever is listed is
    accepted in the list."""
    listed = parse_recipients_csv(
        "id;institution;email;categories;region\nk1;Praxis Köln;k@example.org;facharzt;Köln\n"
        .encode(), SCHEMA, "r.csv", lang,
    )  # fmt: skip
    (said,) = [p.message for p in listed.problems]
    head, *lines = said.split("\n")
    assert head == "unknown region 'Köln'; give its id or its name:"
    assert [line.strip().partition(": ")[2] or line.strip() for line in lines] == names
    rows = "".join(f"r{n};Praxis;r@example.org;facharzt;{name}\n" for n, name in enumerate(names))
    again = parse("id;institution;email;categories;region\n" + rows)
    assert again.problems == ()
    assert [r.region for r in again.recipients] == [
        "duesseldorf", "neuss_meerbusch", "dormagen", "andere"
    ]  # fmt: skip


def test_missing_column_is_named_with_what_was_found():
    with pytest.raises(
        RecipientsError,
        match=r"list.csv:1: missing column email \(found 'id', 'Einrichtung', 'Kategorien', 'Region'; delimiter ';'\)",
    ):
        parse("id;Einrichtung;Kategorien;Region\nx;X;facharzt;\n")


def test_too_many_values_hints_at_quoting():
    listed = parse("id;institution;email;categories;region\nx;A; B;x@example.org;facharzt;\n")
    assert "put that value in double quotes" in str(listed.problems[0])
    assert listed.problems[0].line == 2


def test_categories_by_comma_pipe_and_spaces_and_case():
    listed = parse(
        "id,institution,email,categories,region\n"
        'x,X,x@example.org,"Facharzt, Krisendienst | psychotherapie  wohnheim",\n'
    )
    assert listed.recipients[0].categories == (
        "facharzt",
        "krisendienst",
        "psychotherapie",
        "wohnheim",
    )


def test_idn_domain_is_made_ascii_for_smtp():
    listed = parse(
        "id,institution,email,categories,region\nx,X,info@düsseldorf.example,facharzt,\n"
    )
    assert listed.recipients[0].email == "info@xn--dsseldorf-q9a.example"


def test_empty_file_says_what_header_is_needed():
    with pytest.raises(
        RecipientsError, match="empty; it needs a header line: id, institution, email"
    ):
        parse(b"")


def test_recipients_from_register_records():
    records = [
        InstitutionRecord(
            "i1",
            ("facharzt",),
            {"name": "Praxis Öz", "email": "oz@example.org", "region": "dormagen"},
        ),
        InstitutionRecord("i2", ("psychotherapie",), {"name": "Ohne Adresse"}),
        InstitutionRecord("i3", ("psychotherapie",), {"name": "Kaputt", "email": "kaputt"}),
    ]
    listed = recipients_from_records(records)
    assert [(r.id, r.email, r.region) for r in listed.recipients] == [
        ("i1", "oz@example.org", "dormagen"),
        ("i2", "", ""),
    ]
    assert [r.id for r in listed.without_email] == ["i2"]
    # an invalid address stops no round of the register: its institution is reported on its own
    assert listed.problems == ()
    (kaputt,) = listed.unmailable
    assert (kaputt.id, kaputt.email, kaputt.given_email, kaputt.categories) == (
        "i3",
        "",
        "kaputt",
        ("psychotherapie",),
    )
    assert kaputt.email_problem.startswith("'kaputt' is not an e-mail address")


def test_further_institution_columns_prefill_a_new_institution():

    text = (
        "id;Einrichtung;E-Mail;Kategorien;Region;Straße;PLZ;Telefon;Ansprechpartner\n"
        "x;Praxis Öz;x@example.org;facharzt;;Königsallee 1;40212;0211 12345;Frau Öz\n"
    )
    (r,) = parse(text.encode("cp1252")).recipients
    assert dict(r.institution) == {
        "street": "Königsallee 1",
        "postcode": "40212",
        "phone": "0211 12345",
    }
    record = r.record()
    assert record.institution["street"] == "Königsallee 1"
    assert record.institution["name"] == "Praxis Öz"


def test_line_break_in_a_name_cell_becomes_a_space():
    listed = parse(
        'id,institution,email,categories,region\nx,"Praxis\nBcc: evil@example.org",x@example.org,facharzt,\n'
    )
    assert listed.recipients[0].name == "Praxis Bcc: evil@example.org"


def test_non_ascii_before_the_at_is_explained():
    listed = parse("id,institution,email,categories,region\nx,X,jörg@example.org,facharzt,\n")
    assert "before the @ cannot be sent by most mail servers" in str(listed.problems[0])


def test_names_excel_could_not_save_are_refused_with_what_to_do():
    """Excel's plain 'CSV' writes Windows-1252 and a '?' for every letter it cannot hold."""
    text = (
        "id;institution;email;categories;region\n"
        "a;Şule Yılmaz Danışmanlık;sule@example.org;facharzt;\n"
        "b;Ольга Петренко;olga@example.org;facharzt;\n"
        "c;Wohin? Beratung für Geflüchtete;wohin@example.org;facharzt;\n"
    )
    listed = parse(text.encode("cp1252", errors="replace"))
    assert [p.line for p in listed.problems] == [2, 3]
    assert listed.problems[0].message.startswith(
        "'?ule Y?lmaz Dan??manl?k' has '?' in place of letters: Excel writes '?'"
    )
    assert "save the list as 'CSV UTF-8'" in listed.problems[1].message
    assert [r.name for r in listed.recipients] == ["Wohin? Beratung für Geflüchtete"]
