"""A centre's own institution list as a new coordinator brings it: a title above the header,
her own column names, a whole address in one cell, her mail in the contact person's column
(audit s16L). ``register import`` and ``formgen mail`` read its header alike."""

from __future__ import annotations

import csv
import io
import json
from email import message_from_bytes, policy
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.export import export_json, export_json_schema, wide_columns
from ingest.journal import load


def fg(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(main, list(args))
    return done.exit_code, done.output


def german_ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    code, said = fg("init", str(root), "--name", "SPKoM Düsseldorf", "--sender", "k@spkom.de")
    assert code == 0, said
    return Workspace.open(root)


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    return path


def titled_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    """As offices keep it: a merged title, a "Stand" line and a blank line above the header."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet["A1"] = "Bestandsliste SPKoM Düsseldorf – Einrichtungen"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "Stand: 03/2026"
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


def test_the_labelled_export_puts_the_contact_persons_columns_under_their_section(
    tmp_path: Path,
) -> None:
    ws = german_ws(tmp_path)
    out = tmp_path / "r.csv"
    code, said = fg("register", "export", "-w", str(ws.root), "--labels", "-o", str(out))
    assert code == 0, said
    header = out.read_text("utf-8-sig").splitlines()[0].split(";")
    assert "Einrichtung › E-Mail" in header
    assert "Kooperations- oder GesprächspartnerIn › E-Mail" in header
    assert "Kooperations- oder GesprächspartnerIn › Telefon" in header
    assert "Telefon (Zentrale)" in header
    assert "E-Mail" not in header and "Telefon" not in header


def test_an_old_export_still_imports_and_a_contact_mail_without_the_institutions_is_noted(
    tmp_path: Path,
) -> None:
    ws = german_ws(tmp_path)
    old = ["Checkliste", "Name der Einrichtung", "Einrichtung › E-Mail", "Name", "Telefon"]
    table = write_csv(
        tmp_path / "vorlage.csv",
        [
            [*old, "E-Mail"],
            ["psychotherapie", "Praxis Dr. Gülşen Öztürk", "", "Gülşen Öztürk", "", "p@oe.de"],
        ],
    )
    code, said = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 0, said
    assert (
        "„Kooperations- oder GesprächspartnerIn › E-Mail“ angegeben, aber nicht „Einrichtung › "
        "E-Mail“: Mails gehen nur an die Adresse der Einrichtung" in said
    )
    reg = load(ws)
    (iid,) = reg.institutions
    assert reg.value(iid, "psychotherapie.contact_email")["v"] == "p@oe.de"  # type: ignore[index]
    assert reg.value(iid, "psychotherapie.contact_name")["v"] == "Gülşen Öztürk"  # type: ignore[index]
    assert reg.value(iid, "institution.email") is None


def test_a_whole_address_in_the_street_is_split_and_said(tmp_path: Path) -> None:
    ws = german_ws(tmp_path)
    table = write_csv(
        tmp_path / "l.csv",
        [
            ["Checkliste", "Name der Einrichtung", "Straße und Hausnummer", "Ort"],
            ["krisendienst", "Кризисная служба Нойс", "Hauptstr. 3, 41460 Neuss", ""],
            ["krisendienst", "Krisendienst Düsseldorf", "Kölner Str. 5, 40210 Düsseldorf", "D"],
        ],
    )
    code, said = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 0, said
    assert "„Hauptstr. 3, 41460 Neuss“ aufgeteilt: Straße „Hauptstr. 3“, PLZ 41460" in said
    reg = load(ws)
    by_name = {reg.name_of(i): i for i in reg.institutions}
    neuss = by_name["Кризисная служба Нойс"]
    assert reg.value(neuss, "institution.street")["v"] == "Hauptstr. 3"  # type: ignore[index]
    assert reg.value(neuss, "institution.postcode")["v"] == "41460"  # type: ignore[index]
    assert reg.value(neuss, "institution.city")["v"] == "Neuss"  # type: ignore[index]
    # the town given: the street is left as typed
    dus = by_name["Krisendienst Düsseldorf"]
    street = reg.value(dus, "institution.street")["raw"]  # type: ignore[index]
    assert street == "Kölner Str. 5, 40210 Düsseldorf"


HER_HEADER = ["Einrichtung", "Träger", "Anschrift", "E-Mail", "Ansprechpartner/in", "Bereich"]


def test_import_and_mail_find_the_header_below_a_title_and_say_which_line(
    tmp_path: Path,
) -> None:
    ws = german_ws(tmp_path)
    header = ["ID", "Einrichtung", "E-Mail", "Checkliste", "Region", "Straße"]
    row: list[object] = ["sifa", "Şifa e.V.", "info@sifa.de", "psychotherapie", "Düsseldorf"]
    table = titled_xlsx(tmp_path / "roh.xlsx", header, [[*row, "Kölner Str. 5"]])
    code, said = fg("register", "import", str(table), "-w", str(ws.root), "--dry-run")
    assert code == 0, said
    assert "Hinweis: roh.xlsx: die Kopfzeile ist Zeile 4; die Zeilen darüber" in said
    assert "Zeile 5: inst-0001 Şifa e.V.: neu" in said
    code, said = fg("mail", str(table), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    assert code == 0, said
    assert "die Kopfzeile ist Zeile 4" in said
    assert (tmp_path / "d").is_dir()
    # a CSV with a title line (no delimiter in it) alike
    listed = tmp_path / "liste.csv"
    listed.write_text(
        "Bestandsliste SPKoM Düsseldorf\r\n\r\n"
        "ID;Einrichtung;E-Mail;Checkliste;Region\r\n"
        "sifa;Şifa e.V.;info@sifa.de;psychotherapie;Düsseldorf\r\n",
        "utf-8-sig",
    )
    code, said = fg("mail", str(listed), "-w", str(ws.root), "--drafts", str(tmp_path / "d4"))
    assert code == 0, said
    assert "Hinweis: " + str(listed) + ": die Kopfzeile ist Zeile 3" in said
    code, said = fg("register", "import", str(listed), "-w", str(ws.root), "--dry-run")
    assert code == 0, said
    assert "Zeile 4: sifa Şifa e.V.: " in said
    # no header in the first lines: said so
    none = titled_xlsx(tmp_path / "keine.xlsx", ["a", "b"], [["1", "2"]])
    code, said = fg("register", "import", str(none), "-w", str(ws.root))
    assert code == 1
    assert "die Kopfzeile muss in Zeile 1 stehen: Titelzeilen darüber löschen" in said
    code, said = fg("mail", str(none), "-w", str(ws.root), "--drafts", str(tmp_path / "d2"))
    assert code == 1
    assert "die Kopfzeile muss in Zeile 1 stehen: Titelzeilen darüber löschen" in said


def test_her_column_names_get_the_columns_they_mean_as_suggestions(tmp_path: Path) -> None:
    ws = german_ws(tmp_path)
    table = write_csv(
        tmp_path / "l.csv",
        [["Einrichtung", "Straße", "Hausnummer", "Ansprechpartner/in", "Bereich"]],
    )
    code, said = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 1
    assert "„Straße“" not in said  # the recipients list's name: read as the street
    assert "„Hausnummer“ (gemeint: „Straße und Hausnummer“?)" in said
    # the contact person's name as the export heads it
    ids, labels = wide_columns(ws.schema()), wide_columns(ws.schema(), labels=True)
    contact = dict(zip(ids, labels, strict=True))
    assert f"„Ansprechpartner/in“ (gemeint: „{contact['contact_name']}“?)" in said
    assert "„Bereich“ (gemeint: „Checkliste“?)" in said
    assert "„Einrichtung“" not in said


def test_import_and_mail_read_the_same_header_names_and_say_missing_ones_in_german(
    tmp_path: Path,
) -> None:
    ws = german_ws(tmp_path)
    # the export's own names, as a recipients list
    table = write_csv(
        tmp_path / "export.csv",
        [
            [
                "ID",
                "Checkliste",
                "Name der Einrichtung",
                "Versorgungsregion",
                "Einrichtung › E-Mail",
            ],
            ["sifa", "psychotherapie", "Şifa e.V.", "Düsseldorf", "info@sifa.de"],
        ],
    )
    code, said = fg("mail", str(table), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    assert code == 0, said
    assert len(list((tmp_path / "d").rglob("*.eml"))) == 1
    # the recipients list's names, imported
    code, said = fg("register", "import", str(table), "-w", str(ws.root), "--dry-run")
    assert code == 0, said
    listed = write_csv(
        tmp_path / "list.csv",
        [
            ["Kennung", "Einrichtung", "E-Mail", "Kategorien", "Region"],
            ["x", "Şifa", "i@s.de", "psychotherapie", "Düsseldorf"],
        ],
    )
    code, said = fg("register", "import", str(listed), "-w", str(ws.root), "--dry-run")
    assert code == 0, said
    assert "neu 1" in said
    missing = write_csv(tmp_path / "m.csv", [["Einrichtung", "E-Mail"], ["Şifa", "i@s.de"]])
    code, said = fg("mail", str(missing), "-w", str(ws.root), "--drafts", str(tmp_path / "d3"))
    assert code == 1
    assert "Spalten ID, Checkliste, Region fehlen" in said
    assert "die Kopfzeile braucht ID, Einrichtung, E-Mail, Checkliste, Region" in said


def test_an_ods_file_is_told_to_be_saved_as_xlsx_from_libreoffice(tmp_path: Path) -> None:
    import zipfile

    ws = german_ws(tmp_path)
    ods = tmp_path / "bestand.ods"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    code, said = fg("register", "import", str(ods), "-w", str(ws.root))
    assert code == 1
    assert "bitte in LibreOffice als Excel-Datei (.xlsx) oder als CSV speichern" in said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "de",
            "Fehler: l.csv: Spalten, die die Tabelle des Registers nicht hat: „Strase“ (gemeint: "
            "„Straße und Hausnummer“?), „Webseite“ (gemeint: „Internetseite“?), „Telfon“ "
            "(gemeint: „Telefon (Zentrale)“?), „Sprahce“ (gemeint: „Sprache“?); nichts importiert",
        ),
        (
            "en",
            "Error: l.csv: columns the register's table does not have: 'Strase' (did you mean "
            "'Straße und Hausnummer'?), 'Webseite' (did you mean 'Internetseite'?), 'Telfon' "
            "(did you mean 'Telefon (Zentrale)'?), 'Sprahce' (did you mean 'language'?); nothing "
            "was imported",
        ),
    ],
)
def test_a_mistyped_optional_column_gets_the_one_meant_as_the_table_names_it(
    tmp_path: Path, lang: str, said: str
) -> None:
    """„Strase“ was said as meaning „traeger“ (an id, in a table by German names), „Webseite“
    as „Website“ (the English label), „Sprahce“ with nothing: now the column a recipients
    list may have that is closest, by the name this table gives it, as formgen mail says it."""
    root = tmp_path / "ws"
    assert fg("init", str(root), "--lang", lang, "--sender", "k@spkom.de")[0] == 0
    header = ["Kennung", "Einrichtung", "E-Mail", "Checkliste", "Region"]
    mistyped = ["Strase", "Webseite", "Telfon", "Sprahce"]
    row = ["ar-1", "Şifa", "i@s.de", "Psychotherapie", "Düsseldorf"]
    table = write_csv(tmp_path / "l.csv", [header + mistyped, row + ["Kölner Str. 5"] * 4])
    code, out = fg("register", "import", str(table), "-w", str(root))
    assert (code, out.partition(" — ")[0]) == (1, said)
    # renamed as meant, it is read
    meant = ["Straße und Hausnummer", "Internetseite", "Telefon (Zentrale)", "Sprache"]
    values = ["Kölner Str. 5", "www.sifa.example", "0211 1234567", "tr"]
    write_csv(tmp_path / "l.csv", [header + meant, row + values])
    code, out = fg("register", "import", str(table), "-w", str(root))
    assert code == 0, out
    held = load(Workspace.open(root)).institutions["inst-0001"]["institution"]
    assert (held["street"]["v"], held["website"]["v"]) == ("Kölner Str. 5", "www.sifa.example")


KENNUNG = (
    "Kennung;Einrichtung;PLZ;Checkliste\r\n"
    "K-17;Poradnia Łódź Nowak;40212;psychotherapie\r\n"
    "K-18;Danışmanlık Yılmaz;40210;psychotherapie\r\n"
)


def imported(ws: Workspace, path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    code, said = fg("register", "import", str(path), "-w", str(ws.root))
    assert code == 0, said
    return said


def test_a_lists_own_ids_stay_linked_to_its_institutions(tmp_path: Path) -> None:
    """A coordinator keeps her ids in Excel („Kennung“, K-17): imported, each is kept as the
    institution's id in her list, which the register numbers inst-0001; her list imported again,
    a name completed in Excel, updates that institution by it, where the name alone would have
    asked about a probable duplicate (only the postcode in common). Shown in its history,
    exported (a column after the id), found (``register find K-17``) and carried into another
    workspace by the export; rebuilt alike."""
    ws = german_ws(tmp_path)
    said = imported(ws, tmp_path / "Liste.csv", KENNUNG)
    assert said.splitlines()[:2] == [
        "Zeile 2: inst-0001 Poradnia Łódź Nowak: neu",
        "  „K-17“ ist keine ID des Registers: über den Namen gesucht, sonst neu angelegt, und als "
        "ihre Kennung in dieser Liste vermerkt (eine Zeile mit „K-17“ ist wieder diese "
        "Einrichtung)",
    ]
    reg = load(ws)
    assert (reg.list_ids("inst-0001"), reg.list_ids("inst-0002")) == (("K-17",), ("K-18",))
    renamed = KENNUNG.replace("Poradnia Łódź Nowak", "Poradnia Łódź Nowak-Kowalska")
    said = imported(ws, tmp_path / "Liste2.csv", renamed)
    assert said.splitlines()[0] == (
        "Zeile 2: inst-0001 Poradnia Łódź Nowak-Kowalska: aktualisiert (1 Wert)"
    ), said
    reg = load(ws)
    assert len(reg.institutions) == 2 and not reg.data["duplicates"]
    code, said = fg("register", "find", "K-17", "-w", str(ws.root))
    assert code == 0 and "inst-0001" in said and "inst-0002" not in said, said
    code, said = fg("register", "history", "inst-0001", "-w", str(ws.root))
    assert said.splitlines()[0] == (
        "inst-0001  Poradnia Łódź Nowak-Kowalska  (Revision 2)  Kennung in der Liste: K-17"
    ), said
    out = tmp_path / "Export.csv"
    code, said = fg(
        "register", "export", "--format", "csv", "--labels", "-o", str(out), "-w", str(ws.root)
    )
    assert code == 0, said
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    assert [(r["ID"], r["Kennung in der Liste"]) for r in rows] == [
        ("inst-0001", "K-17"),
        ("inst-0002", "K-18"),
    ]
    data = json.loads(export_json(load(ws)))
    jsonschema.validate(data, export_json_schema())
    assert [i.get("list_ids") for i in data["institutions"]] == [["K-17"], ["K-18"]]
    other = german_ws(tmp_path / "other")
    code, said = fg("register", "import", str(out), "-w", str(other.root))
    assert code == 0, said
    assert load(other).list_ids("inst-0001") == ("K-17",)
    before = ws.register_path.read_bytes()
    code, said = fg("register", "rebuild", "-w", str(ws.root))
    assert code == 0, said
    assert load(ws).list_ids("inst-0001") == ("K-17",)
    assert (
        json.loads(ws.register_path.read_bytes())["institutions"]
        == json.loads(before)["institutions"]
    )


def test_a_lists_id_never_takes_the_place_of_the_registers(tmp_path: Path) -> None:
    """One id, one institution: an id as the register numbers them (inst-0009) is not kept as a
    list's, which the register may give another institution; a list's id given again to
    another institution (a name not alike, no address in common) is refused, naming both."""
    ws = german_ws(tmp_path)
    imported(ws, tmp_path / "Liste.csv", KENNUNG)
    said = imported(
        ws,
        tmp_path / "Neu.csv",
        "Kennung;Einrichtung;PLZ;Checkliste\r\n"
        "inst-0009;Центр «Київ»;40213;psychotherapie\r\n"
        "K-17;Beratungsstelle Am Wehrhahn;40211;psychotherapie\r\n",
    )
    lines = said.splitlines()
    assert lines[:2] == [
        "Zeile 2: inst-0003 Центр «Київ»: neu",
        "  „inst-0009“ ist keine ID des Registers: über den Namen gesucht, sonst neu angelegt",
    ], said
    assert lines[2].startswith("Zeile 3: nicht importiert: ")
    assert "inst-0001" in lines[2] and "Poradnia Łódź Nowak" in lines[2], said
    reg = load(ws)
    assert reg.list_ids("inst-0003") == () and reg.list_ids("inst-0001") == ("K-17",)


def test_a_mail_round_of_the_list_mails_its_institutions_by_their_register_ids(
    tmp_path: Path,
) -> None:
    """The list imported, the coordinator mails it as it is (its ids K-17, K-18): each row is
    its institution's, mailed under the register's id with its form, so its return goes to it
    (the form named K-17 would have made a second institution K-17); so are the forms
    ``generate --recipients`` makes of it. A row giving K-17 to
    another institution is refused, naming the register's, as a register id given so is."""
    ws = german_ws(tmp_path)
    listed = (
        "Kennung;Einrichtung;E-Mail;Checkliste;Region\r\n"
        "K-17;Poradnia Łódź Nowak;nowak@example.org;psychotherapie;duesseldorf\r\n"
        "K-18;Danışmanlık Yılmaz;yilmaz@example.org;psychotherapie;duesseldorf\r\n"
    )
    path = tmp_path / "Liste.csv"
    imported(ws, path, listed)
    drafts = tmp_path / "Entwürfe"
    code, said = fg("mail", str(path), "--drafts", str(drafts), "-w", str(ws.root))
    assert code == 0, said
    assert said.splitlines()[0] == (
        "Hinweis: 2 Zeilen nennen die Kennung, die die Liste der Koordinationsstelle einer "
        "Einrichtung des Registers gab (register import): jede gilt für diese Einrichtung, unter "
        "ihrer ID im Register, mit ihrem Formular (K-17 → inst-0001, K-18 → inst-0002)"
    )
    assert sorted(p.name for p in drafts.iterdir()) == ["inst-0001.eml", "inst-0002.eml"]
    mail = message_from_bytes((drafts / "inst-0001.eml").read_bytes(), policy=policy.default)
    assert (mail["X-Formgen-Institution"], mail["To"].addresses[0].addr_spec) == (
        "inst-0001",
        "nowak@example.org",
    )
    forms = tmp_path / "Formulare"
    args = ("generate", "pdf", "--recipients", str(path), "--out", str(forms))
    code, said = fg(*args, "--workspace", str(ws.root))
    assert code == 0, said
    fields = PdfReader(forms / "inst-0001.pdf").get_fields() or {}
    assert (fields["formgen.institution_id"].value, fields["institution.name"].value) == (
        "inst-0001",
        "Poradnia Łódź Nowak",
    )
    assert not (forms / "K-17.pdf").exists()
    other = tmp_path / "Andere.csv"
    other.write_text(
        listed.replace("Poradnia Łódź Nowak;nowak@", "Beratung Am Wehrhahn;ab@"), "utf-8"
    )
    code, said = fg("mail", str(other), "--drafts", str(tmp_path / "d2"), "-w", str(ws.root))
    assert code == 1
    assert (
        "Andere.csv:2: die ID „K-17“ ist die Kennung, die die Liste der Koordinationsstelle "
        "inst-0001 „Poradnia Łódź Nowak“ gab (register import), nicht „Beratung Am Wehrhahn“"
    ) in said, said
    assert not (tmp_path / "d2").exists()


def test_a_row_giving_its_id_and_the_name_typed_on_the_other_keyboard_is_that_institution(
    tmp_path: Path,
) -> None:
    """„مرکز کیان“ typed on a Persian keyboard, „مركز كيان“ on an Arabic one: alike on screen, one
    name; the row giving the institution's id with it updates it. It was refused as naming
    another institution (a name not alike, no address in common)."""
    ws = german_ws(tmp_path)
    head = "Kennung;Einrichtung;PLZ;Telefon;Checkliste\r\n"
    imported(ws, tmp_path / "A.csv", head + "K-1;مرکز کیان;40212;;psychotherapie\r\n")
    said = imported(ws, tmp_path / "B.csv", head + "K-1;مركز كيان;;0211 123456;psychotherapie\r\n")
    assert said.splitlines()[0] == "Zeile 2: inst-0001 مركز كيان: aktualisiert (2 Werte)", said
    assert len(load(ws).institutions) == 1


def test_a_list_naming_an_institution_otherwise_mails_it_as_its_form_names_it(
    tmp_path: Path,
) -> None:
    """The list names inst-0001 „Sozialpsychiatrischer Dienst Neuss“, the register „…
    Rhein-Kreis Neuss“: the mail said the list's name, its form the register's, and no note
    said so. Both say the register's now; the run says the difference and how to rename it in
    the register. A name only written otherwise („Danismanlik Yilmaz“) takes the register's
    spelling without a note."""
    ws = german_ws(tmp_path)
    spdi, yilmaz = "Sozialpsychiatrischer Dienst Rhein-Kreis Neuss", "Danışmanlık Yılmaz"
    head = "Einrichtung;E-Mail;Checkliste;Region\r\n"
    imported(
        ws,
        tmp_path / "Bestand.csv",
        head + f"{spdi};spdi@rkn.example;psychotherapie;duesseldorf\r\n"
        f"{yilmaz};yilmaz@example.org;psychotherapie;duesseldorf\r\n",
    )
    path = tmp_path / "Verteiler.csv"
    path.write_text(
        "ID;" + head + "inst-0001;Sozialpsychiatrischer Dienst Neuss;spdi@rkn.example;"
        "psychotherapie;duesseldorf\r\ninst-0002;Danismanlik Yilmaz;yilmaz@example.org;"
        "psychotherapie;duesseldorf\r\n",
        "utf-8",
    )
    drafts = tmp_path / "Entwürfe"
    code, said = fg("mail", str(path), "--drafts", str(drafts), "-w", str(ws.root))
    assert code == 0, said
    assert (
        f"Hinweis: inst-0001 ({path}:2): die Liste nennt sie „Sozialpsychiatrischer Dienst "
        f"Neuss“, das Register „{spdi}“: Mail und Formular nennen sie „{spdi}“; um sie im "
        "Register umzubenennen: formgen register set inst-0001 institution.name "
        '"Sozialpsychiatrischer Dienst Neuss" --note "neuer Name"'
    ) in said.splitlines(), said
    assert "inst-0002 (Verteiler.csv" not in said and "Danismanlik" not in said, said
    for iid, name in (("inst-0001", spdi), ("inst-0002", yilmaz)):
        mail = message_from_bytes((drafts / f"{iid}.eml").read_bytes(), policy=policy.default)
        text = mail.get_body(("plain",)).get_content()
        assert f"„{name}“" in text and "Dienst Neuss“" not in text and "Danismanlik" not in text
        (pdf,) = [p for p in mail.iter_attachments() if p.get_filename().endswith(".pdf")]
        fields = PdfReader(io.BytesIO(pdf.get_content())).get_fields() or {}
        assert fields["institution.name"].value == name
    assert f"Entwurf inst-0001 ({spdi})" in said


def test_a_cell_with_a_control_character_or_an_override_is_imported_as_typed_and_said(
    tmp_path: Path,
) -> None:
    """As a return's value with U+202E is: the row is imported, the value as typed, and one
    line under the row names its column and the character as an escape, once for a row with
    two checklists too; a direction mark in an Arabic name is text and not said."""
    ws = german_ws(tmp_path)
    table = write_csv(
        tmp_path / "l.csv",
        [
            ["Checkliste", "Name der Einrichtung", "Ort"],
            ["krisendienst", "\u202eordN ecivreS", "Neuss"],
            ["krisendienst, psychotherapie", "Кризисная служба Нойс", "Neuss\x01"],
            ["krisendienst", "Praxis Şule Yılmaz\x1b[2J", "Düsseldorf\x9b"],
            ["krisendienst", "مركز الأمل\u200f للاستشارة", "Köln"],
        ],
    )
    code, said = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 0, said
    lines = said.splitlines()
    override = (
        "  Spalte „Name der Einrichtung“ enthält \\u202e, ein Zeichen, das die Schreibrichtung "
        "des folgenden Texts umkehrt, sodass er anders erscheint als getippt: „\\u202eordN "
        "ecivreS“; wie eingegeben übernommen, bitte prüfen"
    )
    control = "  Spalte „{}“ enthält das Steuerzeichen {} („{}“), das kein Formular zeigt: wie "
    control += "eingegeben übernommen; bitte in der Liste löschen"
    said_for = {
        "Zeile 2: inst-0001 \\u202eordN ecivreS: neu": [override],
        "Zeile 3: inst-0002 Кризисная служба Нойс: neu": [
            control.format("Ort", "\\x01", "Neuss\\x01")
        ],
        "Zeile 4: inst-0003 Praxis Şule Yılmaz\\x1b[2J: neu": [
            control.format("Name der Einrichtung", "\\x1b", "Praxis Şule Yılmaz\\x1b[2J"),
            control.format("Ort", "\\u009b", "Düsseldorf\\u009b"),
        ],
    }
    for row, notes in said_for.items():
        at = lines.index(row)
        assert lines[at + 1 : at + 1 + len(notes)] == notes, said
    said_once = [line for line in lines if line.startswith("  Spalte „")]
    assert len(said_once) == 4, said  # the row of two checklists: once
    arabic = lines.index("Zeile 5: inst-0004 مركز الأمل\u200f للاستشارة: neu")  # a mark is text
    assert lines[arabic + 1].startswith("l.csv: 4 Zeilen"), said
    reg = load(ws)
    names = sorted(reg.name_of(i) for i in reg.institutions)
    assert names == sorted(
        [
            "\u202eordN ecivreS",
            "Кризисная служба Нойс",
            "Praxis Şule Yılmaz\x1b[2J",
            "مركز الأمل\u200f للاستشارة",
        ]
    )
    assert reg.value("inst-0002", "institution.city")["raw"] == "Neuss\x01"  # type: ignore[index]


def test_an_address_whose_domain_mixes_scripts_is_imported_with_a_note(tmp_path: Path) -> None:
    """As a round says it (s23 H 11): the row is imported, its address as written, and the
    report names the letter that is not what it looks like."""
    ws = german_ws(tmp_path)
    table = write_csv(
        tmp_path / "l.csv",
        [
            ["Checkliste", "Name der Einrichtung", "E-Mail"],
            ["krisendienst", "PSZ Düsseldorf", "info@p\u0455z-duesseldorf.de"],
            ["krisendienst", "Дом Надежды", "info@дом-надежды.de"],
        ],
    )
    code, said = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 0, said
    said = " ".join(said.split())
    assert (
        "„info@p\u0455z-duesseldorf.de“: der Teil „p\u0455z-duesseldorf“ der Domain mischt" in said
    )
    assert "U+0455 Cyrillic Small Letter Dze" in said and said.count("mischt lateinische") == 1
    reg = load(ws)
    emails = sorted(str(reg.value(i, "institution.email")["v"]) for i in reg.institutions)  # type: ignore[index]
    assert emails == ["info@p\u0455z-duesseldorf.de", "info@дом-надежды.de"]
