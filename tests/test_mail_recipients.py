"""Recipients lists: German Excel CSVs read as they are; every problem listed with its line."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
import subprocess
import sys
import zipfile
from email import message_from_bytes, policy
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from mailkit import header_text, make_workspace, pdf_value
from test_register_import import xlsx

from formgen.cli import main
from formgen.cli.common import read_recipients
from formgen.errors import RecipientsError, RecordError
from formgen.messages import in_language
from formgen.model import Choice, Text
from formgen.recipients import normalise_email, recipients_from_records, shown_email
from formgen.record import InstitutionRecord, record_from_json
from formgen.schema_load import default_schema

DATA = Path(__file__).parent / "data" / "mail"
SCHEMA = default_schema()


def parse(text: str | bytes, source: str = "list.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_recipients(data, source, SCHEMA)


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


def test_an_address_with_its_display_name_is_mailed_at_the_address(tmp_path):
    """A cell as Outlook copies an address, „"Poradnia Łódź" <poradnia@example.pl>“, was
    refused as letters before the @ to ask the institution about, though they were in the
    display name: the address in <…> is mailed, as a returned form's field is read. One whose
    display name holds another address is no address (which one is meant?)."""
    ws = make_workspace(tmp_path / "ws", language="en").root
    listed = tmp_path / "list.csv"
    listed.write_text(
        "id;institution;email;categories;region\n"
        'pl-1;Poradnia;"Poradnia Łódź" <poradnia@example.pl>;facharzt;duesseldorf\n'
        "tr-1;Şefkat;Şefkat Danışmanlık <iletisim@şefkat.example>;facharzt;duesseldorf\n"
        "de-1;Praxis;mailto:praxis@example.org;facharzt;duesseldorf\n",
        "utf-8",
    )
    drafts = tmp_path / "d"
    result = CliRunner().invoke(main, ["mail", str(listed), "-w", str(ws), "--drafts", str(drafts)])
    assert result.exit_code == 0, result.output
    sent = {}
    for path in drafts.glob("*.eml"):
        msg = message_from_bytes(path.read_bytes(), policy=policy.default)
        sent[msg["To"].addresses[0].addr_spec] = header_text(msg, "To")
    assert sorted(sent) == [
        "iletisim@xn--efkat-idb.example",  # the domain in its ASCII form
        "poradnia@example.pl",
        "praxis@example.org",
    ], sent
    assert "Poradnia" in sent["poradnia@example.pl"]
    listed.write_text(
        "id;institution;email;categories;region\n"
        'pl-2;Poradnia;"Łódź: poradnia@example.pl" <biuro@example.pl>;facharzt;duesseldorf\n',
        "utf-8",
    )
    result = CliRunner().invoke(
        main, ["mail", str(listed), "-w", str(ws), "--drafts", str(tmp_path / "d2"), "--dry-run"]
    )
    assert result.exit_code == 1 and "is not an e-mail address" in result.stderr, result.output
    assert "before the @" not in result.stderr


def test_a_workbooks_numbers_are_read_as_excel_shows_them(tmp_path):
    """The recipients list is read as register import reads a table: a postcode Excel shows
    as 01067 (format 00000) keeps its leading zero."""
    from test_register_import import formatted_xlsx

    rows = [
        ["id", "institution", "email", "categories", "region", "postcode", "phone"],
        ["dd-1", "Poradnia Drezno", "biuro@example.pl", "facharzt", "andere", 1067, 3511234567],
    ]
    listed = read_recipients(formatted_xlsx(rows, {5: "00000"}), "liste.xlsx", SCHEMA)
    assert listed.problems == ()
    (recipient,) = listed.recipients
    assert recipient.institution == {"postcode": "01067", "phone": "03511234567"}


def test_institution_without_email_is_listed_not_dropped():
    listed = parse((DATA / "excel_cp1252.csv").read_bytes())
    assert [r.id for r in listed.without_email] == ["wohn-2"]
    assert "wohn-2" not in [r.id for r in listed.with_email]


def test_malformed_list_names_every_problem_with_its_line():
    listed = parse((DATA / "malformed.csv").read_bytes(), "malformed.csv")
    lines = [str(p) for p in listed.problems]
    assert lines == [
        "malformed.csv:3: 'kein-at-zeichen.example.org' is not an e-mail address (expected name@example.org)",
        "malformed.csv:4: duplicate id 'a1' (first on line 2, 'Beratung A'; here 'Beratung C');"
        " ids must be unique: give a new institution an id of its own",
        "malformed.csv:5: unknown category 'psychoterapie'; did you mean 'psychotherapie'?",
        "malformed.csv:6: unknown region 'Köln'; give its id or its name, or add it to "
        "workspace.toml under [[regions]]:\n"
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
        "  malformed.csv:6: unknown region 'Köln'; give its id or its name, or add it to "
        "workspace.toml under [[regions]]:\n    duesseldorf: " in str(err.value)
    )
    # --skip-invalid keeps the good rows only
    assert [r.id for r in listed.require_valid(skip_invalid=True).recipients] == ["a1", "a7"]
    # left out: a1 (line 4), a4, a5, a6; a2's invalid address makes it one not to mail (not an
    # invalid row as well), so that a round counts each row once
    assert listed.invalid_rows == 4
    assert [(r.id, r.given_email) for r in listed.unmailable] == [
        ("a2", "kein-at-zeichen.example.org")
    ]


@pytest.mark.parametrize(
    "rid",
    ["-1", "_a", "Müller-1", "a" * 65, "a b"],
    ids=["dash", "underscore", "umlaut", "65", "space"],
)
def test_an_id_that_is_no_register_id_is_told_by_the_rule_ids_follow(rid):
    """Found by the hostile-input audit: '-1' was told "may only hold letters, digits, '.', '_'
    and '-'", which it does: the rule is that of :data:`formgen.record.ID_RE`."""
    listed = parse(HEADER + f"{rid};Praxis;p@example.org;facharzt;\r\n")
    assert [str(p) for p in listed.problems] == [
        f"list.csv:2: id '{rid:.40}' may only hold letters A-Z without accents, digits, '.', '_' "
        "and '-', start with a letter or digit, and have at most 64 characters"
    ]
    assert parse(HEADER + f"{'a' * 64};Praxis;p@example.org;facharzt;\r\n").problems == ()


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
    listed = read_recipients(
        "id;institution;email;categories;region\nk1;Praxis Köln;k@example.org;facharzt;Köln\n"
        .encode(), "r.csv", SCHEMA, lang,
    )  # fmt: skip
    (said,) = [p.message for p in listed.problems]
    head, *lines = said.split("\n")
    assert head == (
        "unknown region 'Köln'; give its id or its name, or add it to workspace.toml under "
        "[[regions]]:"
    )
    assert [line.strip().partition(": ")[2] or line.strip() for line in lines] == names
    rows = "".join(f"r{n};Praxis;r@example.org;facharzt;{name}\n" for n, name in enumerate(names))
    again = parse("id;institution;email;categories;region\n" + rows)
    assert again.problems == ()
    assert [r.region for r in again.recipients] == [
        "duesseldorf", "neuss_meerbusch", "dormagen", "andere"
    ]  # fmt: skip


def test_a_region_by_its_name_without_its_brackets_is_taken():
    """„Rhein-Kreis Neuss“ is how a coordinator writes the region the form shows as
    „Rhein-Kreis Neuss (Neuss, Meerbusch)“: it names that one region."""
    listed = parse(
        HEADER + "b2;Praxis Dr. Öztürk;oeztuerk@example.org;facharzt;Rhein-Kreis Neuss\n"
    )
    assert listed.problems == ()
    assert [r.region for r in listed.recipients] == ["neuss_meerbusch"]


def test_a_name_before_brackets_that_two_regions_share_names_neither():
    schema = SCHEMA.with_regions(
        (
            Choice("neuss_nord", Text({"de": "Neuss (Nord)"})),
            Choice("neuss_sued", Text({"de": "Neuss (Süd)"})),
        )
    )
    listed = read_recipients(
        (HEADER + "n1;Praxis;n@example.org;facharzt;Neuss\n").encode(), "r.csv", schema
    )
    (problem,) = listed.problems
    assert problem.message.startswith(
        "unknown region 'Neuss'; give its id or its name, or add it to workspace.toml under "
        "[[regions]]:"
    )


def test_a_german_workspace_says_the_rows_problems_in_german(tmp_path):
    """A row without an id is told what to enter (a new institution needs no id of the
    register), an unknown region in German, with the regions one can write."""
    ws = make_workspace(tmp_path / "ws").root
    listed = tmp_path / "liste.csv"
    listed.write_bytes(
        "ID;Einrichtung;E-Mail;Kategorien;Region\n"
        ";Beratungsstelle „Brücke“;bruecke@diakonie.de;facharzt;Düsseldorf\n"
        "B2;Praxis Dr. Öztürk;oeztuerk@example.org;Psychotherapie;Mond\n".encode("cp1252")
    )
    result = CliRunner().invoke(
        main, ["mail", str(listed), "-w", str(ws), "--drafts", str(tmp_path / "d"), "--dry-run"]
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        f"  {listed}:2: keine ID: die ID der Einrichtung im Register eintragen („formgen "
        "register find NAME“ zeigt sie) oder, für eine Einrichtung, die das Register noch nicht "
        "kennt, eine eigene neue ID wie neu-1",
        f"  {listed}:3: unbekannte Region „Mond“; bitte ihre ID oder ihren Namen angeben oder "
        "sie in workspace.toml unter [[regions]] eintragen:",
        "    duesseldorf: Düsseldorf",
        "    neuss_meerbusch: Rhein-Kreis Neuss (Neuss, Meerbusch)",
        "    dormagen",
        "    andere: Andere Region",
    ]
    assert not (ws / "sendlog.jsonl").exists()


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


def test_a_checklist_id_spelt_with_umlauts_names_it():
    """„Flüchtlingsberatung“ as German writes the id fluechtlingsberatung (ü ue, ß ss, any
    case) names that checklist; it was refused with "gemeint: fluechtlingsberatung?"."""
    listed = parse(
        "id,institution,email,categories,region\n"
        'x,Beratung Łódź,x@example.org,"Flüchtlingsberatung, RECHTSANWÄLTE | Übergangseinrichtung",\n'
    )
    assert listed.problems == ()
    assert listed.recipients[0].categories == (
        "fluechtlingsberatung",
        "rechtsanwaelte",
        "uebergangseinrichtung",
    )


def test_a_checklist_name_without_what_it_adds_in_brackets_names_it():
    """„Kontakt- und Beratungsstelle“, as people write the checklist „Kontakt- und
    Beratungsstelle (ggf. auch, Kontaktzentrum, …)“, names it (it was refused), and so do the
    other names without their brackets, in German and English; „Krisen(interventions)dienst“
    keeps its brackets, which stand inside the name."""
    listed = parse(
        "id,institution,email,categories,region\n"
        'x,Beratung Łódź,x@example.org,"Kontakt- und Beratungsstelle, Werkstatt für behinderte'
        ' Menschen | Sozialpsychiatrischer Dienst",\n'
        "y,Çiğdem Öztürk,y@example.org,Contact and counselling centre; Migration services,\n"
    )
    assert listed.problems == ()
    assert [r.categories for r in listed.recipients] == [
        ("kontakt_beratungsstelle", "wfbm", "sozialpsychiatrischer_dienst"),
        ("kontakt_beratungsstelle", "migrationsfachdienste"),
    ]


def test_categories_by_their_names_as_category_takes_them(tmp_path):
    """A name may hold spaces and commas; ids and names mix; a name that is none is told with
    the one it is close to, else with every category by its id and its name."""
    ws = make_workspace(tmp_path / "ws").root
    listed = workbook(tmp_path / "Verteiler.xlsx", [ROWS[0][:5],
        ["a1", "Wohnprojekt Şafak", "a1@example.org", "Betreutes Wohnen, psychotherapie", ""],
        ["a2", "Klinik Nord", "a2@example.org",
         "Psychiatrische Fachklinik oder –abteilung, Tagesklinik, Institutsambulanz | "
         "supported housing; Rechtsanwälte", ""],
        ["a3", "Praxis Öz", "a3@example.org", "facharzt Betreutes Wohen", ""],
        ["a4", "Büro Ost", "a4@example.org", "Wohnen betreut", ""],
    ])  # fmt: skip
    drafts = tmp_path / "drafts"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    assert (
        f"{listed}:4: unbekannte Checkliste „Betreutes Wohen“; gemeint: „Betreutes Wohnen“?\n"
        in said
    )
    assert f"{listed}:5: unbekannte Checkliste „Wohnen betreut“; bitte ihre ID oder ihren " in said
    assert "\n    betreutes_wohnen: Betreutes Wohnen\n" in said
    assert said.count(f"{listed}:") == 2, said
    recipients = {
        r.id: r.categories for r in parse(listed.read_bytes(), "Verteiler.xlsx").recipients
    }
    assert recipients == {
        "a1": ("betreutes_wohnen", "psychotherapie"),
        "a2": ("psychiatrische_klinik", "betreutes_wohnen", "rechtsanwaelte"),
    }
    skipping = CliRunner().invoke(main, ["mail", str(listed), "-w", str(ws), "--drafts", str(drafts),
                                         "--skip-invalid"])  # fmt: skip
    assert skipping.exit_code == 0, skipping.output
    assert sorted(p.stem for p in drafts.iterdir()) == ["a1", "a2"]
    mail = message_from_bytes((drafts / "a1.eml").read_bytes(), policy=policy.default)
    (form,) = (a.get_content() for a in mail.iter_attachments())
    assert pdf_value(form, "institution.name") == "Wohnprojekt Şafak"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_unknown_checklists_and_regions_are_said_in_the_workspaces_language_listed_once(
    tmp_path: Path, lang: str
) -> None:
    """Four rows with checklists the list cannot name: each row's line in the workspace's
    language (it was English in a German workspace), the 25 checklists and the regions listed
    under the first row only, not 25 lines for each; an abbreviation a checklist's name gives
    in brackets (SpDi, MSO) names it."""
    ws = make_workspace(tmp_path / "ws", language=lang).root
    listed = tmp_path / "cats.csv"
    rows = [
        f"c-{i};Einr {i};e{i}@x-test.de;{c};{r}"
        for i, (c, r) in enumerate(
            [("KBS", "Düren"), ("Beratung", "Düsseldorf"), ("Kneipe", "Jülich"), ("MSO", "Mond")], 1
        )
    ]
    listed.write_text("ID;Einrichtung;E-Mail;Checkliste;Region\n" + "\n".join(rows) + "\n")
    code, said = mail_drafts(ws, listed, tmp_path / "drafts")
    assert code == 1
    lines = said.splitlines()
    category = {
        "de": "unbekannte Checkliste „{}“; bitte ihre ID oder ihren Namen angeben",
        "en": "unknown category '{}'; give its id or its name",
    }[lang]
    region = {
        "de": "unbekannte Region „{}“; bitte ihre ID oder ihren Namen angeben",
        "en": "unknown region '{}'; give its id or its name",
    }[lang]
    again = {"de": " (die {}: siehe Zeile 2)", "en": " (the {}: see line 2)"}[lang]
    checklists, regions = {"de": ("Checklisten", "Regionen"), "en": ("checklists", "regions")}[lang]
    assert [line for line in lines if line.startswith(f"  {listed}:")] == [
        f"  {listed}:2: " + category.format("KBS") + ":",
        f"  {listed}:2: " + region.format("Düren")
        + {"de": " oder sie in workspace.toml unter [[regions]] eintragen:",
           "en": ", or add it to workspace.toml under [[regions]]:"}[lang],
        f"  {listed}:3: " + category.format("Beratung") + again.format(checklists),
        f"  {listed}:4: " + category.format("Kneipe") + again.format(checklists),
        f"  {listed}:4: " + region.format("Jülich") + again.format(regions),
        f"  {listed}:5: " + region.format("Mond") + again.format(regions),
    ]  # fmt: skip
    name = {"de": "Migrantenselbstorganisationen (MSO) und Selbsthilfegruppen",
            "en": "Migrant self-organisations (MSO) and self-help groups"}[lang]  # fmt: skip
    assert lines.count(f"    migrantenselbstorganisationen: {name}") == 1
    assert lines.count("    duesseldorf: Düsseldorf") == 1
    assert len(lines) == 1 + 6 + 25 + 4
    abbreviated = tmp_path / "kurz.csv"
    abbreviated.write_text(
        "ID;Einrichtung;E-Mail;Checkliste;Region\n"
        "s-1;Gesundheitsamt Düren;spdi@x-test.de;SpDi;Düsseldorf\n"
        "s-2;Verein Dostluk;mso@x-test.de;mso, SPD;Düsseldorf\n"
    )
    code, said = mail_drafts(ws, abbreviated, tmp_path / "drafts")
    assert code == 0, said
    assert {r.id: r.categories for r in parse(abbreviated.read_bytes()).recipients} == {
        "s-1": ("sozialpsychiatrischer_dienst",),
        "s-2": ("migrantenselbstorganisationen", "sozialpsychiatrischer_dienst"),
    }


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_mistyped_header_is_said_with_the_column_meant_and_format_takes_any_case(
    tmp_path: Path, lang: str
) -> None:
    """„Emial“: the list was refused for its missing E-Mail column without a word of the
    header meant (register import has one, in the same words); --format PDF was refused for
    its capitals."""
    ws = make_workspace(tmp_path / "ws", language=lang).root
    listed = tmp_path / "liste.csv"
    listed.write_text(
        "Kennung;Einrichtung;Emial;Checkliste;Regoin;Sprahce\n"
        "m-1;Praxis Dr. Şule Yılmaz;p@x-test.de;Psychotherapie;Düsseldorf;Türkisch\n"
    )
    code, said = mail_drafts(ws, listed, tmp_path / "d")
    assert code == 1
    assert {
        "de": f"  {listed}:1: Spalten E-Mail, Region fehlen (gefunden: 'Kennung', 'Einrichtung', "
        "'Emial' (gemeint: „E-Mail“?), 'Checkliste', 'Regoin' (gemeint: „Region“?), 'Sprahce' "
        "(gemeint: „Sprache“?); Trennzeichen „;“); die Kopfzeile braucht ID, Einrichtung, E-Mail, "
        "Checkliste, Region\n",
        "en": f"  {listed}:1: missing columns email, region (found 'Kennung', 'Einrichtung', "
        "'Emial' (did you mean 'email'?), 'Checkliste', 'Regoin' (did you mean 'region'?), "
        "'Sprahce' (did you mean 'language'?); delimiter ';'); the header needs id, institution, "
        "email, categories, region\n",
    }[lang] in said
    listed.write_text(
        listed.read_text().replace("Emial;Checkliste;Regoin", "E-Mail;Checkliste;Region")
    )
    result = CliRunner().invoke(main, ["mail", str(listed), "-w", str(ws), "--drafts",
                                       str(tmp_path / "d"), "--format", "PDF"])  # fmt: skip
    assert result.exit_code == 0, result.output
    (attached,) = message_from_bytes(
        (tmp_path / "d" / "m-1.eml").read_bytes(), policy=policy.default
    ).iter_attachments()
    assert attached.get_filename().endswith(".pdf")
    assert pdf_value(attached.get_content(), "institution.name") == "Praxis Dr. Şule Yılmaz"


def test_a_categories_cell_of_thousands_of_near_misses_is_told_in_a_screenful():
    # 5,000 words that each almost name a category: every one was told, each on a line
    rng = random.Random(12)
    ids = ("psychotherapie", "facharzt", "fluechtlingsberatung", "wfbm")
    near = [w.replace(w[k], "q", 1) for w in ids for k in range(len(w)) if w[k] != "q"]
    cell = ", ".join(rng.choice(near) for _ in range(5_000))
    listed = parse(
        "id,institution,email,categories,region\n"
        f'a,A,a@example.org,"{cell}",\nb,B,b@example.org,facharzt,\n'
    )
    assert [r.id for r in listed.recipients] == ["b"]  # the other rows are read all the same
    said = [p.message for p in listed.problems]
    assert len(said) == 6, said
    assert all(m.startswith("unknown category '") and "did you mean" in m for m in said[:5])
    assert len(set(said[:5])) == 5  # one word over and over is told once
    distinct = len({w for w in cell.split(", ")})
    assert said[5] == f"and {distinct - 5:,} more unknown categories"


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


def test_characters_pasted_unseen_reach_no_mail_subject_nor_form(tmp_path):
    """A name copied from a web page or Word brings soft hyphens, zero-width spaces and
    no-break spaces: the mail's subject and the prefilled form held „Beratungs\u00adstelle“,
    which a search for the name in the mail program and the register does not find. The list
    is read as an imported table is (pasted): the name and the other cells without them."""
    ws = make_workspace(tmp_path / "ws").root
    name = "Psycho\u00adsoziale Beratungs\u00adstelle\u00a0Łódź\u200b"
    listed = workbook(tmp_path / "Verteiler.xlsx", [
        ["Kennung", "Einrichtung", "E-Mail", "Kategorien", "Region", "Straße"],
        ["pl-1", name, "\ufeffporadnia@lodz.example", "psychotherapie", "", "Königs\u00adallee\u202f1"],
    ])  # fmt: skip
    drafts = tmp_path / "drafts"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 0, said
    (draft,) = drafts.iterdir()
    mail = message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert "Psychosoziale Beratungsstelle Łódź" in header_text(mail, "Subject")
    assert header_text(mail, "To").endswith("<poradnia@lodz.example>")
    (form,) = (a.get_content() for a in mail.iter_attachments())
    assert pdf_value(form, "institution.name") == "Psychosoziale Beratungsstelle Łódź"
    assert pdf_value(form, "institution.street") == "Königsallee 1"
    assert not re.search("[\u00ad\u200b\ufeff]", mail.get_body().get_content())


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
        "d;Praxis Öz (praxis-oez.example/index.php?id=7);oez@example.org;facharzt;\n"
        "e;Beratung Nord https://nord.example/angebot?sprache=ar;nord@example.org;facharzt;\n"
    )
    listed = parse(text.encode("cp1252", errors="replace"))
    assert [p.line for p in listed.problems] == [2, 3]
    assert listed.problems[0].message.startswith(
        "'?ule Y?lmaz Dan??manl?k' has '?' in place of letters: Excel writes '?'"
    )
    assert listed.problems[1].message.startswith("'????? ????????' has '?' in place of letters")
    assert "save the list as 'CSV UTF-8'" in listed.problems[1].message
    # a question mark people type, and the '?' of a web address, are no lost letters
    assert [r.name for r in listed.recipients] == [
        "Wohin? Beratung für Geflüchtete",
        "Praxis Öz (praxis-oez.example/index.php?id=7)",
        "Beratung Nord https://nord.example/angebot?sprache=ar",
    ]


HEADER = "Kennung;Einrichtung;E-Mail;Kategorien;Region\r\n"


def mail_drafts(ws: Path, listed: Path, drafts: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["mail", str(listed), "-w", str(ws), "--drafts", str(drafts)])
    return result.exit_code, result.output


def test_utf8_list_with_a_windows_1252_byte_is_refused_not_garbled(tmp_path):
    """A value pasted from another program: read as Windows-1252, every ş, ł and Cyrillic
    letter of the UTF-8 rows would reach the mails and forms as 'ÅŸ'-style garbage."""
    ws = make_workspace(tmp_path / "ws", language="en").root
    code, said = mail_drafts(ws, DATA / "excel_cp1252.csv", tmp_path / "round1")
    assert code == 0, said
    sendlog = (ws / "sendlog.jsonl").read_bytes()
    listed = tmp_path / "Verteiler.csv"
    listed.write_bytes(
        (
            HEADER
            + "a1;Şule Yılmaz Danışmanlık;sule@example.org;facharzt;\r\n"
            + "a2;Ольга Петренко – Консультація;olga@example.org;facharzt;\r\n"
        ).encode("utf-8")
        + "a3;Praxis Müller;mueller@example.org;facharzt;\r\n".encode("cp1252")
        + "a4;Poradnia Łódź;lodz@example.org;facharzt;\r\n".encode()
    )
    drafts = tmp_path / "round2"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    # no row of it is read: --skip-invalid could not help, and the message does not offer it
    assert said.startswith("Error: the recipients list cannot be read (nothing was made or sent):")
    assert "--skip-invalid" not in said
    assert (
        f"{listed}:4: byte 0xfc is not UTF-8, but the rest of the file is (a value pasted from "
        "another program, or Windows-1252 and UTF-8 mixed); correct that line, or save the "
        "list from Excel as 'CSV UTF-8'"
    ) in said
    assert not drafts.exists()
    assert (ws / "sendlog.jsonl").read_bytes() == sendlog


def test_windows_1252_list_keeps_the_turkish_and_polish_letters_it_has(tmp_path):
    """Excel's plain 'CSV': ç, ö, ü, ó and „…“ are Windows-1252 bytes, no UTF-8 among them."""
    ws = make_workspace(tmp_path / "ws").root
    listed = tmp_path / "Verteiler.csv"
    listed.write_bytes(
        (
            HEADER
            + "a1;Gökçe Öztürk – Çocuk ve Aile;goekce@example.org;facharzt;\r\n"
            + "a2;Poradnia „Kraków“;krakow@example.org;facharzt;\r\n"
        ).encode("cp1252")
    )
    code, said = mail_drafts(ws, listed, tmp_path / "drafts")
    assert code == 0, said
    assert "Entwurf a1 (Gökçe Öztürk – Çocuk ve Aile) <goekce@example.org>" in said
    assert "Entwurf a2 (Poradnia „Kraków“) <krakow@example.org>" in said
    assert [r.name for r in parse(listed.read_bytes()).recipients] == [
        "Gökçe Öztürk – Çocuk ve Aile",
        "Poradnia „Kraków“",
    ]


def test_excels_sep_line_names_the_delimiter_and_problems_keep_their_lines(tmp_path):
    """Found by the hostile-input audit: a list starting with ``sep=;`` (which some exports
    write so that Excel splits it in any country) was refused: "missing columns … (found
    'sep=')"."""
    listed = parse(
        (
            "sep=;\r\n"
            + HEADER
            + "a1;Gökçe Öztürk, Beratung;goekce@example.org;facharzt;\r\n"
            + "a2;Praxis;kein-at;facharzt;\r\n"
        ).encode("cp1252")
    )
    assert (listed.encoding, listed.delimiter) == ("cp1252", ";")
    assert [(r.id, r.name, r.source) for r in listed.recipients] == [
        ("a1", "Gökçe Öztürk, Beratung", "list.csv:3")
    ]
    assert [str(p) for p in listed.problems] == [
        "list.csv:4: 'kein-at' is not an e-mail address (expected name@example.org)"
    ]
    with pytest.raises(RecipientsError, match=r"list\.csv:2: missing column region \(found"):
        parse("sep=,\nid,institution,email,categories\n")
    ws = make_workspace(tmp_path / "ws").root
    listed_path = tmp_path / "Verteiler.csv"
    listed_path.write_bytes(
        b"sep=;\r\n" + (HEADER + "a1;Praxis;p@example.org;facharzt;\r\n").encode()
    )
    code, said = mail_drafts(ws, listed_path, tmp_path / "drafts")
    assert code == 0, said
    assert "Entwurf a1 (Praxis) <p@example.org>" in said


def test_a_column_given_twice_is_refused_naming_both_not_one_used(tmp_path):
    """Found by the hostile-input audit: with two address columns the first was mailed and the
    other ignored, and so was a second 'Region'; a list is mailed from: which is meant cannot be
    guessed. Columns the list does not read may stand twice."""
    ws = make_workspace(tmp_path / "ws").root
    listed = tmp_path / "Verteiler.csv"
    listed.write_bytes(
        (
            "Kennung;Einrichtung;E-Mail;Kategorien;Region;email;Notiz;Notiz;region\r\n"
            "a1;Praxis Łódź;alt@example.org;facharzt;Düsseldorf;neu@example.org;;;dormagen\r\n"
        ).encode()
    )
    drafts = tmp_path / "drafts"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    fix = (
        "bitte eine behalten und die anderen löschen oder umbenennen (an welche Adresse "
        "versandt werden soll, lässt sich nicht erraten)"
    )
    assert said == (
        "Fehler: die Empfängerliste kann nicht gelesen werden (nichts wurde erstellt oder versandt):\n"
        f"  {listed}:1: „E-Mail“ (Spalte 3) und „email“ (Spalte 6) sind dieselbe Spalte, email; "
        f"{fix}\n"
        f"  {listed}:1: „Region“ (Spalte 5) und „region“ (Spalte 9) sind dieselbe Spalte, "
        f"region; {fix}\n"
    )
    english = make_workspace(tmp_path / "ws-en", language="en").root
    code, said = mail_drafts(english, listed, drafts)
    assert code == 1 and said == (
        "Error: the recipients list cannot be read (nothing was made or sent):\n"
        f"  {listed}:1: 'E-Mail' (column 3) and 'email' (column 6) are the same column, email; "
        "keep one and delete or rename the others (which one to mail from cannot be guessed)\n"
        f"  {listed}:1: 'Region' (column 5) and 'region' (column 9) are the same column, region; "
        "keep one and delete or rename the others (which one to mail from cannot be guessed)\n"
    )
    assert not drafts.exists() and not (ws / "sendlog.jsonl").exists()
    with pytest.raises(
        RecipientsError,
        match=r"list\.csv:2: column 'email' is given 3 times \(columns 3, 4 and 5\)",
    ):
        parse("sep=,\nid,institution,email,email,email,categories,region\n")
    # a column it does not read, twice: nothing to guess
    (r,) = parse(
        HEADER.replace("\r\n", ";Notiz;Notiz\r\n") + "a1;P;p@example.org;facharzt;;x;y\r\n"
    ).recipients
    assert r.email == "p@example.org"


def test_a_list_saved_on_a_turkish_windows_is_read_as_windows_1254(tmp_path):
    """Found by the hostile-input audit: Excel's plain 'CSV' on a Turkish Windows is
    Windows-1254; read as Windows-1252 the list mailed forms prefilled with „Danýþmanlýk
    Merkezi Þahin Yýldýz“. The two differ in six letters only: German ones read alike."""
    ws = make_workspace(tmp_path / "ws").root
    listed = tmp_path / "Verteiler.csv"
    names = ["Danışmanlık Merkezi Şahin Yıldız", "Derneği „Brücke“ İnce", "Praxis Müller-Groß"]
    rows = "".join(f"t{i};{n};t{i}@example.org;facharzt;\r\n" for i, n in enumerate(names))
    listed.write_bytes((HEADER + rows).encode("cp1254"))
    assert b"Dan\xfd\xfeman" in listed.read_bytes()  # Windows-1254 indeed
    found = parse(listed.read_bytes())
    assert (found.encoding, found.problems) == ("cp1254", ())
    assert [r.name for r in found.recipients] == names
    code, said = mail_drafts(ws, listed, tmp_path / "drafts")
    assert code == 0, said
    assert "Entwurf t0 (Danışmanlık Merkezi Şahin Yıldız) <t0@example.org>" in said
    # its plain CSV writes '?' for what a Turkish Windows cannot hold, as a German one does
    lost = parse((HEADER + "p1;Poradnia ??d?;p@example.org;facharzt;\r\n" + rows).encode("cp1254"))
    assert [str(p) for p in lost.problems] == [
        "list.csv:2: 'Poradnia ??d?' has '?' in place of letters: Excel writes '?' for every "
        "letter its plain 'CSV' cannot hold (ş, ı, ł, Cyrillic, Arabic …); save the list as "
        "'CSV UTF-8' and run again"
    ]


def test_a_plain_list_whose_y_acute_may_be_a_turkish_dotless_i_is_refused(tmp_path):
    """Byte 0xfd is ý in Windows-1252 (Czech Novotný) and ı in Windows-1254 (Turkish Yılmaz):
    with no ş, ğ or İ beside it nothing tells which, and either guess may garble a name."""
    ws = make_workspace(tmp_path / "ws", language="en").root
    listed = tmp_path / "Verteiler.csv"
    listed.write_bytes(
        (HEADER + "a1;Praxis Müller;m@example.org;facharzt;\r\n").encode("cp1252")
        + b"a2;Praxis Dr. Novotn\xfd;n@example.org;facharzt;\r\n"
    )
    drafts = tmp_path / "drafts"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    assert said == (
        "Error: the recipients list cannot be read (nothing was made or sent):\n"
        f"  {listed}:3: a plain CSV that reads 'Novotný' if a German Windows saved it and "
        "'Novotnı' if a Turkish one did, and does not say which; save the list from Excel as "
        "'CSV UTF-8', or say which Windows saved it: --encoding cp1252 or --encoding cp1254\n"
    )
    assert not drafts.exists()
    # as the message says: the list read in the code page named, the name as written
    args = ["mail", str(listed), "-w", str(ws), "--drafts", str(drafts), "--encoding", "CP1252"]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    assert "(Praxis Dr. Novotný) <n@example.org>" in done.output
    # saved as 'CSV UTF-8', it says
    listed.write_bytes(listed.read_bytes().decode("cp1252").encode("utf-8-sig"))
    assert [r.name for r in parse(listed.read_bytes()).recipients] == [
        "Praxis Müller",
        "Praxis Dr. Novotný",
    ]


@pytest.mark.parametrize(
    ("encoding", "names"),
    [
        # Polish Windows: read as Windows-1252 „Poradnia £ódŸ, ul. ¯ó³kiewskiego“
        ("cp1250", ["Poradnia Łódź, ul. Żółkiewskiego", "Paweł Wiśniewski", "Klub Poznań"]),
        # its German letters are Windows-1252's
        ("cp1250", ["Praxis Müller-Groß", "Związek Polaków w Niemczech"]),
        # Czech, Slovak, Hungarian Windows: read as Windows-1252 „Poradna Øíèany“, „Dìèín“
        ("cp1250", ["Poradna Říčany", "Praxis Dr. Novotný, Děčín", "Dvůr Králové"]),
        ("cp1250", ["Ľubomír Šťastný", "Győri Segítő Központ"]),
        ("cp1250", ["Centrum Lučenec", "Kraj Vysočina"]),  # č before a vowel: „Luèenec“
        # Croatian, Bosnian, Serbian: „Savjetovalište Ðuriæ“ was read as Turkish „Ğuriæ“
        ("cp1250", ["Savjetovalište Đurić", "Dr. Jović Petrović", "Brčko Distrikt"]),
        # Turkish ğ (as ð) beside a French è is Turkish still
        ("cp1254", ["Doğan Çelik", "Hélène Molière"]),
        # Cyrillic Windows: read as Windows-1252 „Îëüãà Ïåòðåíêî“; ДІМ is C4 B2 CC, Ĳ in UTF-8
        ("cp1251", ["Ольга Петренко – Консультація", "Центр «Київ»", "Netzwerk ДІМ"]),
        ("cp1251", ["Русский дом", "Надежда Иванова"]),
        # French œ and Spanish ñ before a vowel, Danish ø, a unit's ³: German Windows all the same
        ("cp1252", ["Centre d'Accueil Cœur", "Asociación Muñoz", "Søren Jørgensen", "Raum 40 m³"]),
        # French è, ï, Italian ò, ì at a word's end, Portuguese õe: not Czech or Hungarian
        ("cp1252", ["Hélène Molière, Genève", "Loïc Anaïs", "Niccolò Così", "Simões", "Ærø"]),
        ("cp1252", ["Crèche Sèvres, très près", "Forêt", "Chiara Più"]),
        # Portuguese iê before n, French ê before e or r, Italian ò after u: not Polish ę or
        # Czech ň
        ("cp1252", ["Agência Ciência", "Fenêtre, Pêcheur", "Lui può"]),
        # Turkish ş before a consonant, which no Romanian ţ is, tells the file: its ğ between
        # vowels is no Croatian đ
        ("cp1254", ["Değirmen Yiğit", "Ağabey Doğu", "Beşkardeş"]),
        # Portuguese ã beside Turkish ş is no Romanian ă beside ţ where ı says Turkish
        ("cp1254", ["Danışma Merkezi Şahin", "Centro São Paulo"]),
        # Czech ň, Polish ę, Croatian đ, Romanian ş, ă beside ţ each alone: read as Italian ò,
        # French ê, Turkish ğ and ş before
        ("cp1250", ["Poradna Plzeň"]),
        ("cp1250", ["Klinika Łęczna", "Poradnia Męcina", "Częstochowa"]),
        ("cp1250", ["Savjetovalište Đakovo", "Međugorje", "Rođendan"]),
        ("cp1250", ["Centrul Braşov", "Iaşi"]),
        ("cp1250", ["Asociaţia Bacău"]),
        ("cp1250", ["Centrul Bacău", "Cabinet Băsescu"]),  # ă before u, s and a letter: no ã
    ],
)
def test_a_list_saved_on_a_central_european_or_cyrillic_windows_is_read_in_its_code_page(
    tmp_path, encoding, names
):
    """Found by the hostile-input audit: Excel's plain 'CSV' on a Polish Windows is
    Windows-1250, on a Russian or Ukrainian one Windows-1251; read as Windows-1252 the list
    mailed forms prefilled with „Poradnia £ódŸ“ and „Îëüãà Ïåòðåíêî“."""
    ws = make_workspace(tmp_path / "ws").root
    listed = tmp_path / "Verteiler.csv"
    rows = "".join(f"t{i};{n};t{i}@example.org;facharzt;\r\n" for i, n in enumerate(names))
    listed.write_bytes((HEADER + rows).encode(encoding))
    found = parse(listed.read_bytes())
    assert (found.encoding, found.problems) == (encoding, ())
    assert [r.name for r in found.recipients] == names
    code, said = mail_drafts(ws, listed, tmp_path / "drafts")
    assert code == 0, said
    assert f"Entwurf t0 ({names[0]}) <t0@example.org>" in said


def test_a_cyrillic_windows_list_writes_question_marks_for_german_letters():
    """A Cyrillic Windows has no ü: Excel's plain 'CSV' writes 'D?sseldorf', which is told."""
    data = (HEADER + "u1;Ольга Петренко, Düsseldorf;u1@example.org;facharzt;\r\n").encode(
        "cp1251", errors="replace"
    )
    assert [str(p) for p in parse(data).problems] == [
        "list.csv:2: 'Ольга Петренко, D?sseldorf' has '?' in place of letters: Excel writes '?' "
        "for every letter its plain 'CSV' cannot hold (ş, ı, ł, Cyrillic, Arabic …); save the "
        "list as 'CSV UTF-8' and run again"
    ]


@pytest.mark.parametrize(
    ("names", "encoding", "said"),
    [
        # a Polish name of four letters beyond ASCII is a Cyrillic word in Windows-1251
        (
            ["Kanzlei Łukasz Żółć"],
            "cp1250",
            "reads 'Żółć' if a Polish Windows saved it and 'Їуіж' if a Cyrillic",
        ),
        # initials alone: ÇÖ or ЗЦ?
        (
            ["Praxis Dr. Yilmaz (ÇÖ)"],
            "cp1252",
            "reads 'ÇÖ' if a German Windows saved it and 'ЗЦ' if a Cyrillic",
        ),
        (
            ["Netzwerk ДІМ"],
            "cp1251",
            "reads 'Ä²Ì' if a German Windows saved it and 'ДІМ' if a Cyrillic",
        ),
    ],
)
def test_a_plain_list_whose_words_read_as_cyrillic_and_as_latin_letters_is_refused(
    tmp_path, names, encoding, said
):
    """Either reading may garble a name, silently: 'CSV UTF-8' says which."""
    rows = "".join(f"t{i};{n};t{i}@example.org;facharzt;\r\n" for i, n in enumerate(names))
    data = (HEADER + rows).encode(encoding)
    with pytest.raises(RecipientsError) as refused:
        parse(data)
    assert (
        f"list.csv:2: a plain CSV that {said} one did, and does not say which; save the list "
        "from Excel as 'CSV UTF-8'" in str(refused.value)
    )
    assert [r.name for r in parse(data.decode(encoding).encode("utf-8-sig")).recipients] == names


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")]
)
def test_a_nul_byte_is_refused_with_its_line(encoding, bom):
    data = bom + (HEADER + "a1;Praxis Müller;m@example.org;facharzt;\r\n").encode(encoding)
    with pytest.raises(
        RecipientsError,
        match=r"list\.csv:3: a NUL byte, which no spreadsheet program writes into a CSV "
        r"\(a damaged file\?\); delete it, or export the list again",
    ):
        parse(data + b"a2;Praxis A\x00B;a@example.org;facharzt;\r\n")


def test_a_utf16_list_is_read_nul_bytes_and_all():
    """Excel's 'Unicode text' is UTF-16: every other byte of a Latin letter is NUL."""
    text = HEADER.replace(";", "\t") + "a1\tŞule Yılmaz\tsule@example.org\tfacharzt\t\r\n"
    (r,) = parse(text.encode("utf-16")).recipients
    assert r.name == "Şule Yılmaz"


def test_a_utf8_list_with_bom_and_a_byte_that_is_no_utf8_is_refused():
    data = b"\xef\xbb\xbf" + (HEADER + "a1;Praxis Gr\xfcn;g@example.org;facharzt;\r\n").encode(
        "latin-1"
    )
    with pytest.raises(RecipientsError, match=r"list\.csv:2: byte 0xfc is not UTF-8"):
        parse(data)


def test_a_list_larger_than_a_centres_is_refused(tmp_path):
    ws = make_workspace(tmp_path / "ws", language="en").root
    listed = tmp_path / "Verteiler.csv"
    with listed.open("wb") as fh:
        fh.write(HEADER.encode())
        fh.write(b"a1;Praxis;a@example.org;facharzt;\r\n")
        fh.write(b"\r\n" * (33 << 19))  # 33 MB of blank rows
    drafts = tmp_path / "drafts"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    assert said == (
        "Error: the recipients list cannot be read (nothing was made or sent):\n"
        f"  {listed}: larger than 32 MB, and a list of institutions is a few MB; split it into "
        "files of at most 10,000 rows\n"
    )
    assert not drafts.exists() and not (ws / "sendlog.jsonl").exists()


# ---------------------------------------------------------------------- Excel workbooks


def saved(rows: list[list[object]]) -> bytes:
    """A recipients list saved as an Excel workbook: numbers and dates stored as Excel does."""
    out = io.BytesIO()
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(out)
    return out.getvalue()


def workbook(path: Path, rows: list[list[object]]) -> Path:
    path.write_bytes(saved(rows))
    return path


ROWS = [
    ["Kennung", "Einrichtung", "E-Mail", "Kategorien", "Region", "Telefon", "PLZ", "Öffnungszeiten"],
    # Excel made numbers of the phone number (dropping its 0) and the postcode, and a date of
    # the day the opening hours start
    ["tr-1", "Şule Yılmaz Danışmanlık", "sule@danisma.example", "psychotherapie", "Düsseldorf",
     2111234567.0, 40212, dt.date(2025, 10, 1)],
    [],
    ["pl-1", "Poradnia Łódź", "lodz(at)example.org", "facharzt", ""],
    ["ua-1", "Ольга Петренко – Консультація", "olga@example.org", "krisendienst", "dormagen"],
    ["ar-1", "مركز الاستشارة", "markaz@example.org", "psychotherapie facharzt", "andere"],
]  # fmt: skip


def test_an_excel_workbook_is_mailed_row_by_row_and_a_problem_named_by_its_row(tmp_path):
    ws = make_workspace(tmp_path / "ws").root
    listed = workbook(tmp_path / "Verteiler.xlsx", ROWS)
    drafts = tmp_path / "drafts"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    assert said == (
        "Fehler: die Empfängerliste hat 1 Problem (nichts wurde erstellt oder versandt; bitte "
        "beheben — `formgen mail` versendet mit --skip-invalid nur die gültigen Zeilen):\n"
        f"  {listed}:4: „lodz(at)example.org“ ist keine E-Mail-Adresse (erwartet: "
        "name@example.org)\n"
    )
    assert not drafts.exists()

    skipping = CliRunner().invoke(
        main, ["mail", str(listed), "-w", str(ws), "--drafts", str(drafts), "--skip-invalid"]
    )
    assert skipping.exit_code == 0, skipping.output
    assert f"NICHT VERSANDT pl-1 (Poradnia Łódź): ungültige E-Mail-Adresse ({listed}:4)" in (
        skipping.output
    )
    assert sorted(p.name for p in drafts.iterdir()) == ["ar-1.eml", "tr-1.eml", "ua-1.eml"]
    mails = {
        p.stem: message_from_bytes(p.read_bytes(), policy=policy.default) for p in drafts.iterdir()
    }
    assert {iid: header_text(m, "To") for iid, m in mails.items()} == {
        "tr-1": "Şule Yılmaz Danışmanlık <sule@danisma.example>",
        "ua-1": "Ольга Петренко – Консультація <olga@example.org>",
        "ar-1": "مركز الاستشارة <markaz@example.org>",
    }
    (form,) = (a.get_content() for a in mails["tr-1"].iter_attachments())
    prefilled = {
        key: pdf_value(form, f"institution.{key}")
        for key in ("name", "phone", "postcode", "opening_hours")
    }
    assert prefilled == {
        "name": "Şule Yılmaz Danışmanlık",
        "phone": "02111234567",  # Excel's number 2111234567: its 0 given back
        "postcode": "40212",
        "opening_hours": "2025-10-01",
    }
    (form,) = (a.get_content() for a in mails["ar-1"].iter_attachments())
    assert pdf_value(form, "institution.name") == "مركز الاستشارة"


def test_a_yes_no_cell_where_text_belongs_is_a_problem_of_its_row(tmp_path):
    """Found by the hostile-input audit: TRUE in the name column mailed '12345 (ja)': a cell
    Excel holds as TRUE or FALSE reads as ja or nein, no name, address or region. A yes/no
    cell in a column the list does not read is no problem."""
    ws = make_workspace(tmp_path / "ws").root
    header = ["Kennung", "Einrichtung", "E-Mail", "Kategorien", "Region", "Notiz"]
    listed = workbook(
        tmp_path / "Verteiler.xlsx",
        [
            header,
            ["tr-1", "Şule Yılmaz Danışmanlık", "sule@danisma.example", "facharzt", "", True],
            [12345, True, "c@example.org", "facharzt", False],
        ],
    )
    drafts = tmp_path / "drafts"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    yes_no = "ein Wahrheitswert (WAHR oder FALSCH), wo Text hingehört: bitte den Text eintragen"
    assert said.endswith(
        f"  {listed}:3: Spalte „Einrichtung“: {yes_no}\n  {listed}:3: Spalte „Region“: {yes_no}\n"
    ), said
    assert not drafts.exists()
    done = CliRunner().invoke(
        main, ["mail", str(listed), "-w", str(ws), "--drafts", str(drafts), "--skip-invalid"]
    )
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in drafts.iterdir()) == ["tr-1.eml"]


def test_a_workbook_saved_by_libreoffice_reads_as_its_csv():
    from_csv = parse((DATA / "excel_utf8_bom.csv").read_bytes())
    listed = parse((DATA / "Verteiler.xlsx").read_bytes(), "Verteiler.xlsx")
    assert listed.problems == ()
    assert [(r.id, r.name, r.email, r.categories, r.region) for r in listed.recipients] == [
        (r.id, r.name, r.email, r.categories, r.region) for r in from_csv.recipients
    ]
    assert listed.recipients[1].source == "Verteiler.xlsx:3"


def test_generate_makes_a_form_for_each_row_of_a_workbook(tmp_path):
    listed = workbook(tmp_path / "Verteiler.xlsx", [r for r in ROWS if r[:1] != ["pl-1"]])
    out = tmp_path / "forms"
    result = CliRunner().invoke(
        main, ["generate", "pdf", "--recipients", str(listed), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert pdf_value((out / "tr-1.pdf").read_bytes(), "institution.phone") == "02111234567"
    assert pdf_value((out / "ua-1.pdf").read_bytes(), "institution.name") == (
        "Ольга Петренко – Консультація"
    )


def test_generate_reads_a_plain_list_in_the_code_page_encoding_names(tmp_path):
    """Ayşe from a Turkish Windows is Ayţe from a Romanian one: refused, naming --encoding;
    given, each form holds the name as written (read back from the PDF)."""
    listed = tmp_path / "Verteiler.csv"
    listed.write_bytes(
        (HEADER + "tr-1;Praxis Ayşe Kaya;a@example.org;facharzt;\r\n").encode("cp1254")
    )
    out = tmp_path / "forms"
    args = ["generate", "pdf", "--recipients", str(listed), "--out", str(out)]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1
    assert "'Ayşe' if a Turkish Windows saved it and 'Ayţe' if a Romanian" in refused.output
    assert "--encoding cp1254 or --encoding cp1250" in refused.output
    assert not out.exists()
    done = CliRunner().invoke(main, [*args, "--encoding", "cp1254"])
    assert done.exit_code == 0, done.output
    assert pdf_value((out / "tr-1.pdf").read_bytes(), "institution.name") == "Praxis Ayşe Kaya"


def test_a_value_right_of_a_workbooks_last_column_is_a_problem_of_its_row():
    rows = [ROWS[0][:5], ROWS[4][:5], [*ROWS[5][:5], None, None, "Notiz: Frau Haddad anrufen"]]
    listed = parse(saved(rows), "Verteiler.xlsx")
    assert [str(p) for p in listed.problems] == [
        "Verteiler.xlsx:3: 8 values but the header has 5 columns (a value right of the last "
        "column: give it a header or delete it)"
    ]
    assert [r.id for r in listed.recipients] == ["ua-1"]


# ---------------------------------------------------------------------- files that are no list


def zip_bomb(path: Path) -> Path:
    """A workbook whose sheet inflates to 300 MB from a few hundred KB."""
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    path.write_bytes(
        xlsx(ROWS[:2], xl__worksheets__sheet1_xml=sheet + b" " * (300 << 20) + b"</worksheet>")
    )
    return path


def with_entities(path: Path) -> Path:
    def declared(sheet: bytes) -> bytes:
        return b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + sheet.replace(
            b"<t>tr-1</t>", b"<t>&e;</t>"
        )

    path.write_bytes(xlsx(ROWS[:2], xl__worksheets__sheet1_xml=declared))
    return path


def damaged(path: Path) -> Path:
    data = saved(ROWS)
    path.write_bytes(data[: len(data) // 2])
    return path


SAMPLES = Path(__file__).parent.parent / "samples"
OTHER = "give the recipients list as an Excel workbook (XLSX) or a CSV"
SAVE_AS = "save it from Excel as 'Excel-Arbeitsmappe (*.xlsx)' or as CSV"


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (
            lambda tmp: DATA / "Verteiler.xls",
            f"a workbook of Excel 97-2003 (.xls), which cannot be read; {SAVE_AS}",
        ),
        (
            lambda tmp: DATA / "Verteiler-Passwort.xlsx",
            "a workbook saved with a password, which cannot be read; save it from Excel "
            "without a password (Datei ▸ Informationen ▸ Arbeitsmappe schützen), or as CSV",
        ),
        (
            lambda tmp: DATA / "Verteiler.ods",
            "not a table (CSV or XLSX): an OpenDocument file (LibreOffice, .ods or .odt); save it "
            "in LibreOffice as an Excel file (.xlsx) or as CSV",
        ),
        (
            lambda tmp: SAMPLES / "docx" / "lo74-institution.docx",
            f"not a table (CSV or XLSX): a Word document (DOCX); {OTHER}",
        ),
        (
            lambda tmp: SAMPLES / "pdf" / "institution_pdfjs.pdf",
            f"not a table (CSV or XLSX): a PDF document; {OTHER}",
        ),
        (
            lambda tmp: SAMPLES / "pictures" / "scan-rueckmeldung.jpg",
            f"not a table (CSV or XLSX): a picture; {OTHER}",
        ),
        (
            lambda tmp: damaged(tmp / "Verteiler.xlsx"),
            "a damaged Excel workbook (XLSX): its ZIP archive cannot be read (cut off while it "
            "was copied or downloaded?); copy or download it again, or open it in Excel or "
            "LibreOffice and save it again, or save it as CSV\n",
        ),
        (
            lambda tmp: zip_bomb(tmp / "Verteiler.xlsx"),
            "part 'xl/worksheets/sheet1.xml' would unpack to 300.0 MiB",
        ),
        (
            lambda tmp: with_entities(tmp / "Verteiler.xlsx"),
            "part 'xl/worksheets/sheet1.xml' declares a DOCTYPE or XML entities, which Excel "
            "and LibreOffice never write",
        ),
    ],
    ids=["xls", "password", "ods", "docx", "pdf", "picture", "damaged", "zip-bomb", "entities"],
)
def test_a_file_that_is_no_list_is_refused_saying_what_it_is(tmp_path, make, said):
    ws = make_workspace(tmp_path / "ws", language="en").root
    listed = make(tmp_path)
    drafts = tmp_path / "drafts"
    code, output = mail_drafts(ws, listed, drafts)
    assert code == 1, output
    assert output.startswith(
        f"Error: the recipients list cannot be read (nothing was made or sent):\n  {listed}: {said}"
    ), output
    assert "--skip-invalid" not in output
    assert not drafts.exists() and not (ws / "sendlog.jsonl").exists()


def test_a_file_that_is_no_list_is_refused_in_the_workspace_language(tmp_path):
    listed = tmp_path / "Verteiler.csv"
    listed.write_bytes(b"%PDF-1.7\n")
    assert mail_refused(tmp_path, listed) == (
        "Fehler: die Empfängerliste kann nicht gelesen werden (nichts wurde erstellt oder "
        f"versandt):\n  {listed}: keine Tabelle (CSV oder XLSX): ein PDF-Dokument; bitte die "
        "Empfängerliste als Excel-Arbeitsmappe (XLSX) oder als CSV angeben\n"
    )
    listed = tmp_path / "Verteiler-NUL.csv"
    listed.write_bytes(b"id;institution;email\r\na1;Praxis\x00;a@example.org\r\n")
    assert mail_refused(tmp_path, listed).endswith(
        f"  {listed}:2: ein NUL-Byte, das kein Tabellenprogramm in eine CSV schreibt (eine "
        "beschädigte Datei?); bitte löschen oder die Liste noch einmal exportieren\n"
    )


def test_a_quotation_mark_never_closed_is_refused_with_the_line_it_opens_on(tmp_path):
    """Found by the mutation audit: a value opened with '"' and never closed ran into the rest
    of the list until Python's csv module stopped it, with a traceback."""
    ws = make_workspace(tmp_path / "ws", language="en").root
    rows = "".join(f"a{i};Praxis Łódź {i};p{i}@example.org;facharzt;\r\n" for i in range(4000))
    listed = tmp_path / "Verteiler.csv"
    listed.write_bytes(
        (HEADER + "a0;Şule Yılmaz;sule@example.org;facharzt;\r\n" + 'x1;"Beratung;' + rows).encode()
    )
    drafts = tmp_path / "drafts"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    assert (
        f'{listed}:3: a value longer than 131,072 characters (a quotation mark (") that opens a '
        "value and is never closed?); close it, or shorten the value"
    ) in said
    assert "Traceback" not in said and not drafts.exists()


def mail_refused(tmp_path: Path, listed: Path, language: str = "de") -> str:
    """What ``formgen mail LIST`` says of a list it refuses in a workspace of ``language``;
    nothing is made or logged."""
    ws = make_workspace(tmp_path / f"ws-{listed.name}", language=language).root
    drafts = tmp_path / f"drafts-{listed.name}"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    assert not drafts.exists() and not (ws / "sendlog.jsonl").exists()
    return said


def test_a_value_far_right_of_a_workbook_names_the_recipients_list(tmp_path):
    book = openpyxl.Workbook()
    for row in ROWS[:2]:
        book.active.append(row)
    book.active.cell(row=2, column=1_001, value="Notiz")
    listed = tmp_path / "Verteiler.xlsx"
    book.save(listed)
    assert mail_refused(tmp_path, listed, "en") == (
        "Error: the recipients list cannot be read (nothing was made or sent):\n"
        f"  {listed}:2: a value beyond column 1,000, and a recipients list has some dozens of "
        "columns at most; delete what stands right of the table\n"
    )


def test_letters_lost_before_they_reached_a_workbook_are_not_blamed_on_its_csv(tmp_path):
    """An XLSX keeps every letter: the '?' were pasted in, and saving as 'CSV UTF-8' would not
    bring them back."""
    listed = workbook(tmp_path / "Verteiler.xlsx", [ROWS[0][:5], ["tr-1", "?ule Y?lmaz",
                      "sule@danisma.example", "psychotherapie", ""]])  # fmt: skip
    said = mail_refused(tmp_path, listed)
    assert (
        f"{listed}:2: „?ule Y?lmaz“ hat „?“ anstelle von Buchstaben: die Arbeitsmappe fasst "
        "jeden Buchstaben, sie gingen also vorher verloren (aus einem einfachen „CSV“ von Excel "
        "kopiert?); bitte die Buchstaben eintragen und erneut ausführen\n"
    ) in said
    assert "CSV UTF-8" not in said
    utf8 = tmp_path / "Verteiler.csv"
    utf8.write_bytes(
        b"\xef\xbb\xbf" + (HEADER + "tr-1;?ule Y?lmaz;s@example.org;facharzt;\r\n").encode()
    )
    assert "die Liste fasst jeden Buchstaben, sie gingen also vorher" in mail_refused(
        tmp_path, utf8
    )


def test_further_sheets_that_hold_data_are_named_as_not_read(tmp_path):
    """A coordinator whose list goes on on sheet 2 is told; an empty sheet is not named."""
    book = openpyxl.Workbook()
    for row in ROWS[:2]:
        book.active.append(row)
    book.create_sheet("Leer")
    book.create_sheet("Köln – Nachträge").append(ROWS[4])
    book["Leer"]["B3"] = "  "
    listed = tmp_path / "Verteiler.xlsx"
    book.save(listed)
    ws = make_workspace(tmp_path / "ws").root
    code, said = mail_drafts(ws, listed, tmp_path / "drafts")
    assert code == 0, said
    assert (
        f"Hinweis: {listed}: nur das erste Tabellenblatt wird gelesen, nicht die weiteren Blätter "
        "mit Daten („Köln – Nachträge“); die zu lesenden Zeilen gehören auf das erste Blatt\n"
    ) in said
    assert "Leer" not in said
    english = make_workspace(tmp_path / "ws-en", language="en").root
    code, said = mail_drafts(english, listed, tmp_path / "drafts-en")
    assert (
        code == 0
        and (
            f"note: {listed}: only the first sheet is read, not 'Köln – Nachträge', which hold data "
            "too; put the rows to read on the first sheet\n"
        )
        in said
    )
    assert [p.stem for p in (tmp_path / "drafts").iterdir()] == ["tr-1"]
    one = workbook(tmp_path / "Eine.xlsx", ROWS[:2])
    code, said = mail_drafts(make_workspace(tmp_path / "ws2").root, one, tmp_path / "d2")
    assert code == 0 and "note:" not in said, said


def test_a_formula_without_a_saved_result_is_a_problem_of_its_row(tmp_path):
    """A list a script wrote with openpyxl was never calculated: its formula cells hold no
    value and would read as empty (a2 would go without an address). A formula Excel saved
    with an empty text result is empty, no problem."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*ROWS[0][:5], "Notiz"])
    sheet.append(["a1", "Beratung A", "a1@example.org", "facharzt", "", '=IF(A2="","x","")'])
    sheet.append(["a2", "Beratung B", '=LOWER(A3)&"@example.org"', "facharzt", ""])
    sheet.append(["a3", "Beratung C", "a3@example.org", "facharzt", '=IF(1=1,"","x")'])
    listed = tmp_path / "Verteiler.xlsx"
    book.save(listed)
    # Excel saves an empty text result as t="str" with an empty <v>
    with zipfile.ZipFile(listed) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    assert '<c r="E4"><f>' in sheet_xml and "<v></v>" in sheet_xml  # no result saved
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.replace(
        '<c r="E4">', '<c r="E4" t="str">'
    ).encode()
    with zipfile.ZipFile(listed, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    ws = make_workspace(tmp_path / "ws").root
    drafts = tmp_path / "drafts"
    code, said = mail_drafts(ws, listed, drafts)
    assert code == 1, said
    assert said.endswith(
        ":\n"
        f"  {listed}:3: Spalte „E-Mail“: eine Formel ohne gespeichertes Ergebnis: bitte die "
        "Arbeitsmappe in Excel oder LibreOffice öffnen und speichern\n"
    ), said
    # the note column is not read (and said so): its formula is none of ours
    assert said.count(f"  {listed}:") == 1
    assert f"Hinweis: {listed}: nicht gelesene Spalten: „Notiz“" in said
    assert not drafts.exists()


def without_references(sheet: bytes, row: int) -> bytes:
    """``sheet`` with the cells of ``row`` written as LargeXlsx (a C# writer, also behind
    exports of business software) writes them: without ``r``, which the format leaves out as
    it likes (a cell stands after the one before it)."""
    head, start, rest = sheet.partition(f'<row r="{row}">'.encode())
    cells, end, tail = rest.partition(b"</row>")
    return head + start + re.sub(rb' r="[A-Z]+[0-9]+"', b"", cells) + end + tail


@pytest.mark.parametrize("references", [True, False], ids=["with-r", "without-r"])
def test_a_formula_cell_is_told_by_its_column_whether_or_not_it_names_itself(tmp_path, references):
    """A never calculated formula of a row whose cells carry no ``r`` was read as an empty
    cell (a2 would be mailed without an address, or told as having none); it is told like
    one whose cell names itself, in its own column."""
    rows = [ROWS[0][:5], ["a1", "Beratung A", "a1@example.org", "facharzt", ""],
            ["a2", "Beratung B", '=LOWER(A3)&"@example.org"', "facharzt", "Düsseldorf"]]  # fmt: skip
    named = xlsx(rows)
    with zipfile.ZipFile(io.BytesIO(named)) as zf:
        assert '<c r="C3"><f>' in zf.read("xl/worksheets/sheet1.xml").decode()
    listed = tmp_path / "Verteiler.xlsx"
    listed.write_bytes(
        named
        if references
        else xlsx(rows, xl__worksheets__sheet1_xml=lambda s: without_references(s, 3))
    )
    said = mail_refused(tmp_path, listed)
    assert said.endswith(
        ":\n"
        f"  {listed}:3: Spalte „E-Mail“: eine Formel ohne gespeichertes Ergebnis: bitte die "
        "Arbeitsmappe in Excel oder LibreOffice öffnen und speichern\n"
    ), said


DAMAGED = (
    "the workbook is damaged; open it in Excel or LibreOffice and save it again, or save it as CSV"
)


@pytest.mark.parametrize("ref", ["A", "1A", "ZZZZ1", "B0", "XFE2"])
def test_a_cell_named_wrongly_is_a_damaged_workbook_not_a_python_message(tmp_path, ref):
    """A cell reference that names no cell (a program that wrote it wrongly, a file edited by
    hand): openpyxl failed on ``A`` and ``1A`` with "invalid literal for int()", and read
    ``B0`` into column B of its row in place of the id and ``XFE2`` into no column at all."""

    def damage(sheet: bytes) -> bytes:
        assert b'<c r="B2" ' in sheet
        return sheet.replace(b'<c r="B2" ', f'<c r="{ref}" '.encode())

    listed = tmp_path / "Verteiler.xlsx"
    listed.write_bytes(xlsx(ROWS[:2], xl__worksheets__sheet1_xml=damage))
    assert mail_refused(tmp_path, listed, "en") == (
        "Error: the recipients list cannot be read (nothing was made or sent):\n"
        f"  {listed}: sheet 'Sheet', row 2: a cell is named '{ref}', and the cells of a sheet "
        f"are A1 to XFD1048576; {DAMAGED}\n"
    )


@pytest.mark.parametrize(
    ("cell", "damaged", "said"),
    [
        (
            b'<c r="B2" t="inlineStr"><is><t>&#350;ule Y&#305;lmaz Dan&#305;&#351;manl&#305;k</t></is></c>',
            b'<c r="B2" t="s"><v>99999</v></c>',
            "cell B2: a text cell refers to shared text '99999', and the workbook has none",
        ),
        (
            b'<c r="F2" t="n"><v>2111234567</v></c>',
            b'<c r="F2"><v>NaN</v></c>',
            "cell F2: a number cell holds 'NaN'",
        ),
        (
            b'<c r="G2" t="n"><v>40212</v></c>',
            b'<c r="G2" t="b"><v>ja</v></c>',
            "cell G2: a yes/no cell holds 'ja'",
        ),
    ],
    ids=["shared-text", "nan", "yes-no"],
)
def test_a_cell_whose_value_is_not_of_its_kind_is_a_damaged_workbook_named_by_its_cell(
    tmp_path, cell, damaged, said
):
    """Found by the hostile-input audit: openpyxl failed with "list index out of range" and
    "invalid literal for int() with base 10: 'NaN'", which the refusal repeated."""

    def damage(sheet: bytes) -> bytes:
        assert cell in sheet
        return sheet.replace(cell, damaged)

    listed = tmp_path / "Verteiler.xlsx"
    listed.write_bytes(xlsx(ROWS[:2], xl__worksheets__sheet1_xml=damage))
    assert mail_refused(tmp_path, listed, "en") == (
        "Error: the recipients list cannot be read (nothing was made or sent):\n"
        f"  {listed}: sheet 'Sheet', {said}; {DAMAGED}\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ("mail", "{list}", "--drafts", "{out}"),
        ("generate", "pdf", "--recipients", "{list}", "--out", "{out}"),
        ("register", "import", "{list}"),
    ],
)
def test_a_list_that_is_a_named_pipe_is_refused_not_waited_on(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A named pipe given as the list (a mistake, or a file replaced by one) is never opened:
    reading it would wait for good for someone to write into it."""
    ws = make_workspace(tmp_path / "ws").root
    fifo = tmp_path / "Verteiler.csv"
    os.mkfifo(fifo)
    args = [a.format(list=fifo, out=tmp_path / "out") for a in command]
    done = subprocess.run(
        [sys.executable, "-c", "from formgen.cli import main; main()", *args, "-w", str(ws)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done
    assert done.stderr == f"Fehler: {fifo}: a named pipe (FIFO), not a file; not read\n"


LIST_PROBLEMS = {
    "de": [
        "Fehler: die Empfängerliste hat 6 Probleme (nichts wurde erstellt oder versandt; bitte "
        "beheben — `formgen mail` versendet mit --skip-invalid nur die gültigen Zeilen):",
        "malformed.csv:3: „kein-at-zeichen.example.org“ ist keine E-Mail-Adresse (erwartet: "
        "name@example.org)",
        "malformed.csv:4: doppelte ID „a1“ (zuerst in Zeile 2, „Beratung A“; hier „Beratung C“);"
        " jede ID darf nur einmal vorkommen: eine neue Einrichtung braucht eine eigene ID",
        "malformed.csv:5: unbekannte Checkliste „psychoterapie“; gemeint: „psychotherapie“?",
        "malformed.csv:7: kein Name der Einrichtung",
        "malformed.csv:7: keine Checkliste: bitte mindestens eine nennen, z. B. psychotherapie",
    ],
    "en": [
        "Error: the recipients list has 6 problems (nothing was made or sent; fix them — "
        "`formgen mail` also takes --skip-invalid to mail only the valid rows):",
        "malformed.csv:3: 'kein-at-zeichen.example.org' is not an e-mail address (expected "
        "name@example.org)",
        "malformed.csv:4: duplicate id 'a1' (first on line 2, 'Beratung A'; here 'Beratung C');"
        " ids must be unique: give a new institution an id of its own",
        "malformed.csv:5: unknown category 'psychoterapie'; did you mean 'psychotherapie'?",
        "malformed.csv:7: no institution name",
        "malformed.csv:7: no category: name at least one checklist, e.g. psychotherapie",
    ],
}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("command", ["mail", "generate"])
def test_a_list_with_problems_is_refused_in_the_workspace_language(tmp_path, lang, command):
    """A list with problems is often a coordinator's first run: 'formgen mail LIST' and
    'formgen generate --recipients LIST' name every problem in the workspace's language."""
    ws = make_workspace(tmp_path / "ws", language=lang).root
    listed = DATA / "malformed.csv"
    out = tmp_path / "out"
    args = (
        ["mail", str(listed), "--drafts", str(out)]
        if command == "mail"
        else ["generate", "pdf", "--recipients", str(listed), "--out", str(out)]
    )
    result = CliRunner().invoke(main, [*args, "-w", str(ws)])
    assert result.exit_code == 1
    lines = [line.strip().replace(f"{DATA}/", "") for line in result.output.splitlines()]
    for said in LIST_PROBLEMS[lang]:
        assert said in lines, result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "de",
            "Fehler: die Empfängerliste kann nicht gelesen werden (nichts wurde erstellt oder "
            "versandt):\n  {listed}:1: Spalten E-Mail, Region fehlen (gefunden: 'id', "
            "'Einrichtung', 'Kategorien'; Trennzeichen „;“); die Kopfzeile braucht ID, "
            "Einrichtung, E-Mail, Checkliste, Region\n",
        ),
        (
            "en",
            "Error: the recipients list cannot be read (nothing was made or sent):\n"
            "  {listed}:1: missing columns email, region (found 'id', 'Einrichtung', "
            "'Kategorien'; delimiter ';'); the header needs id, institution, email, categories, "
            "region\n",
        ),
    ],
)
def test_a_list_without_its_columns_is_refused_in_the_workspace_language(tmp_path, lang, said):
    ws = make_workspace(tmp_path / "ws", language=lang).root
    listed = tmp_path / "Verteiler.csv"
    listed.write_text("id;Einrichtung;Kategorien\nx;X;facharzt\n", "utf-8")
    assert mail_drafts(ws, listed, tmp_path / "d") == (1, said.format(listed=listed))


def test_an_invalid_id_is_told_with_the_rule_every_id_follows():
    """The words of a list's invalid id say the rule of :data:`formgen.record.ID_RE`, as a
    round's invalid name does, in both languages."""
    from formgen.messages import Said

    rule = Said("mail_list_bad_id", rid="x y").removeprefix("id 'x y' ")
    assert Said("mail_bad_round", round="x y") == f"round name 'x y' {rule}"
    regel = Said("mail_list_bad_id", rid="x y").in_language("de").partition(": eine ID ")[2]
    said = Said("mail_bad_round", round="x y").in_language("de")
    assert said.endswith(f": ein Rundenname {regel}")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Fehler: Rundenname „Runde ß“ (--round): ein Rundenname darf nur Buchstaben A-Z"),
        ("en", "Error: round name 'Runde ß' may only hold letters A-Z without accents"),
    ],
)
def test_an_invalid_round_name_is_refused_in_the_workspace_language(tmp_path, lang, said):
    """A tester's finding: `mail --round 'Runde ß'` in a German workspace said its error in
    English; nothing is mailed or logged."""
    ws = make_workspace(tmp_path / "ws", language=lang).root
    listed = tmp_path / "Verteiler.csv"
    listed.write_text(HEADER + "a1;Şule Yılmaz;sule@example.org;facharzt;\r\n", "utf-8")
    sendlog = (ws / "sendlog.jsonl").read_bytes() if (ws / "sendlog.jsonl").exists() else b""
    drafts = tmp_path / "d"
    args = ["mail", str(listed), "-w", str(ws), "--drafts", str(drafts), "--round", "Runde ß"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and " ".join(result.output.split()).startswith(said), result.output
    assert not drafts.exists() or not any(drafts.iterdir())
    after = (ws / "sendlog.jsonl").read_bytes() if (ws / "sendlog.jsonl").exists() else b""
    assert after == sendlog


def test_a_workspace_without_its_key_is_said_in_its_language(tmp_path):
    """A workspace copied without secret.key (a backup that left it out): the refusal says so
    in German to a German coordinator, and how to mend it, once, before any row; it was English
    text."""
    ws = make_workspace(tmp_path / "ws", language="de").root
    (ws / "secret.key").unlink()
    listed = tmp_path / "Verteiler.csv"
    listed.write_text(HEADER + "a1;Şule Yılmaz;sule@example.org;facharzt;\r\n", "utf-8")
    code, said = mail_drafts(ws, listed, tmp_path / "d")
    assert code == 1
    assert (
        f"Fehler: {ws / 'secret.key'} fehlt oder ist beschädigt: Formulare können weder "
        "signiert noch geprüft werden; die Datei aus einer Sicherung des Arbeitsbereichs "
        "zurückkopieren (ein neuer Schlüssel erkennt die bisher verschickten Formulare nicht); "
        "daher ging die Mail der Runde nicht hinaus: danach denselben Befehl noch einmal ausführen"
    ) in " ".join(said.split()), said
    assert "FEHLER a1" not in said
    assert not (tmp_path / "d").exists() or not any((tmp_path / "d").iterdir())


@pytest.mark.parametrize("rid", ["CON", "nul", "Prn", "aux.1", "COM1", "lpt9", "COM0", "nul.pdf"])
def test_an_id_windows_keeps_for_a_device_is_refused(rid):
    """Found by the shared-drive audit: ids CON and nul made drafts CON.eml and nul.eml, which
    Windows and OneDrive cannot save (a device's name, in any case, with any ending)."""
    listed = parse(HEADER + f"{rid};Praxis Öztürk;p@example.org;facharzt;\r\n")
    assert [str(p) for p in listed.problems] == [
        f"list.csv:2: id '{rid}' is a name Windows keeps for a device (CON, PRN, AUX, NUL, "
        "COM0–COM9, LPT0–LPT9, in any case, with or without an ending): Windows and OneDrive "
        "cannot save the institution's draft or form named after it; give it another id"
    ]


def test_ids_like_a_device_name_are_taken():
    rows = "".join(
        f"{rid};Praxis {rid};{rid}@example.org;facharzt;\r\n"
        for rid in ("CONSULT", "con-1", "nul1", "COM10", "LPT", "praxis.con", "aux_2")
    )
    assert parse(HEADER + rows).problems == ()


def test_ids_that_differ_only_in_case_are_refused_in_the_workspaces_language(tmp_path):
    """Found by the shared-drive audit: Inst-A and inst-a were two institutions whose drafts
    Inst-A.eml and inst-a.eml are one file on a case-insensitive drive: one replaced the other.
    --skip-invalid mails the first; nothing was written before."""
    ws = make_workspace(tmp_path / "ws")
    rows = (
        "Inst-A;Zentrum Ölçek;a3@example.org;facharzt;\r\ninst-a;Центр;a4@example.org;facharzt;\r\n"
    )
    (tmp_path / "names.csv").write_text(HEADER + rows, "utf-8")
    drafts = tmp_path / "Entwürfe"
    args = ["mail", str(tmp_path / "names.csv"), "-w", str(ws.root), "--drafts", str(drafts)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "names.csv:3: ID „inst-a“ unterscheidet sich von „Inst-A“ (Zeile 2) nur in Groß- und "
        "Kleinschreibung: unter Windows und in OneDrive benennen beide dieselbe Datei, und der "
        "Entwurf oder das Formular der einen Einrichtung würde das der anderen ersetzen; einer "
        "der beiden eine andere ID geben\n"
    )
    assert not drafts.exists()
    result = CliRunner().invoke(main, [*args, "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in drafts.iterdir()) == ["Inst-A.eml"]


def test_a_record_whose_id_windows_keeps_for_a_device_is_refused():
    """generate --record names the form after the record's id (CON.pdf)."""
    with pytest.raises(RecordError, match=r"^con\.json: id 'Con' is a name Windows keeps"):
        record_from_json(
            SCHEMA, {"id": "Con", "institution": {"name": "Beratung Łódź"}}, "con.json"
        )


@pytest.mark.parametrize(
    ("typed", "wire"),
    [
        # IDNA 2003 (Python's codec) wrote these strassenfussball-neuss.de and σ: other domains
        ("info@Straßenfußball-Neuß.de", "info@xn--straenfuball-neu-jlbei.de"),
        ("info@ελληνικός.example", "info@xn--qxaegecap6byf.example"),
        ("Info@Example.ORG", "Info@example.org"),
    ],
)
def test_a_domain_goes_on_the_wire_as_idna_2008_writes_it_and_is_shown_as_typed(
    typed: str, wire: str
) -> None:
    listed = parse(f"id,institution,email,categories,region\nx,X,{typed},facharzt,\n")
    assert (listed.problems, listed.recipients[0].email) == ((), wire)
    assert shown_email(wire) == typed.rpartition("@")[0] + "@" + typed.rpartition("@")[2].lower()


def test_a_domain_idna_2008_refuses_is_named_and_not_mailed() -> None:
    """The joiner IDNA 2003 dropped silently (praxis@aga.example, someone else's) is named, and
    shown as its escape where the message quotes the address: it shows as nothing (s23 H 11)."""
    listed = parse(
        "id,institution,email,categories,region\n"
        "x,Praxis Ağa,praxis@a\u200dga.example,facharzt,\n"
        "y,Praxis Ay,info@ay.example,facharzt,\n"
    )
    assert [r.id for r in listed.recipients] == ["y"]
    (problem,) = listed.problems
    assert (problem.line, in_language(problem.message, "de")) == (
        2,
        "„praxis@a\\u200dga.example“ kann nicht angeschrieben werden: der Teil nach dem @, "
        "„a\\u200dga.example“, ist kein Domainname, den IDNA 2008 zulässt: er enthält U+200D Zero "
        "Width Joiner, das dort in keinem Domainnamen stehen kann; bitte die Einrichtung nach "
        "ihrer Adresse fragen (formgen setzt keine andere Domain an ihre Stelle)",
    )
    assert normalise_email("praxis@a\u200dga.example") == "praxis@a\u200dga.example"


def test_a_domain_mixing_latin_and_cyrillic_letters_is_mailed_with_a_note_naming_the_letter(
    tmp_path: Path,
) -> None:
    """„pѕz-duesseldorf.example“, its ѕ Cyrillic, reads as psz-duesseldorf but is another domain
    (s23 H 11): the round says so, naming the letter; the address is mailed as written. A
    domain in one script (дом.example, ελληνικός.example, straßenfußball-neuß.de) is not."""
    ws = make_workspace(tmp_path / "ws").root
    listed = tmp_path / "list.csv"
    listed.write_text(
        "id;institution;email;categories;region\n"
        "de-1;PSZ;info@p\u0455z-duesseldorf.example;facharzt;duesseldorf\n"
        "ru-1;Дом;info@дом.example;facharzt;duesseldorf\n"
        "gr-1;Σπίτι;info@ελληνικός.example;facharzt;duesseldorf\n"
        "de-2;Straße;info@straßenfußball-neuß.de;facharzt;duesseldorf\n",
        "utf-8",
    )
    drafts = tmp_path / "d"
    result = CliRunner().invoke(main, ["mail", str(listed), "-w", str(ws), "--drafts", str(drafts)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert (
        "Hinweis: de-1: „info@p\u0455z-duesseldorf.example“: der Teil „p\u0455z-duesseldorf“ der "
        "Domain mischt lateinische mit kyrillischen oder griechischen Buchstaben, die gleich "
        "aussehen: er enthält U+0455 Cyrillic Small Letter Dze" in said
    )
    assert said.count("mischt lateinische") == 1, said
    to = message_from_bytes((drafts / "de-1.eml").read_bytes(), policy=policy.default)["To"]
    assert to.addresses[0].addr_spec == normalise_email("info@p\u0455z-duesseldorf.example")
    assert shown_email(to.addresses[0].addr_spec) == "info@p\u0455z-duesseldorf.example"
