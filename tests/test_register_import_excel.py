"""A centre's own Excel list as a new coordinator made it (tester s21X): a header of two lines
under merged cells, a column of her own notes, a total under the list, towns for regions.
Nothing of it is dropped without a line saying so."""

from __future__ import annotations

import shlex
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import load


def fg(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(main, list(args))
    return done.exit_code, done.output


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    code, said = fg("init", str(root), "--name", "SPKoM Düsseldorf", "--sender", "k@spkom.de")
    assert code == 0, said
    return Workspace.open(root)


def her_list(path: Path, sub: tuple[str, str, str], more: list[list[object]] = ()) -> Path:
    """Her list: a title, „Kontakt“ merged over B2:D2 with the columns' headers under it in
    row 3, the other headers merged over rows 2 and 3, her notes in G, a total below."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet["A1"] = "Bestandsliste SPKoM Düsseldorf – Stand 03/2025"
    sheet.merge_cells("A1:G1")
    for cell, text in (("A", "Einrichtung"), ("E", "Checkliste"), ("F", "Ort"), ("G", "Notizen")):
        sheet[f"{cell}2"] = text
        sheet.merge_cells(f"{cell}2:{cell}3")
    sheet["B2"] = "Kontakt"
    sheet.merge_cells("B2:D2")
    sheet["B3"], sheet["C3"], sheet["D3"] = sub
    sheet.append(
        [
            "Praxis Dr. Ольга Петренко",
            "Dr. Ольга Петренко",
            "+49 211 123456",
            "praxis@petrenko.test",
            "Psychotherapie",
            "Düsseldorf",
            "spricht Ukrainisch",
        ]
    )
    sheet.append(
        [
            "Beratungsstelle Łódź e.V.",
            "Paweł Wiśniewski",
            "02131-998877",
            "beratung@lodz-ev.test",
            "Migrationsfachdienste",
            "Neuss",
            "nur Di+Do erreichbar",
        ]
    )
    for row in more:
        sheet.append(row)
    sheet.append([])
    sheet.append(["Summe: 2 Einrichtungen"])
    wb.save(path)
    return path


def institution(ws: Workspace, name: str) -> dict[str, object]:
    reg = load(ws)
    found = [i for i, rec in reg.institutions.items() if reg.name_of(i) == name]
    assert len(found) == 1, (name, list(reg.institutions))
    return reg.plain(reg.institutions[found[0]]["institution"])


def test_a_header_of_two_lines_under_merged_cells_reads_every_column(
    ws: Workspace, tmp_path: Path
) -> None:
    """„Kontakt“ over B:D left C and D without a header: their phones and addresses were
    dropped without a word, and row 3 was read as a row (s21X #1)."""
    table = her_list(tmp_path / "bestand.xlsx", ("Name der Ansprechperson", "Telefon", "E-Mail"))
    code, said = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 0, said
    lines = said.splitlines()
    assert (
        "Hinweis: bestand.xlsx: die Kopfzeile hat zwei Zeilen, 2 und 3: „Kontakt“ (verbundene "
        "Zellen) über „Name der Ansprechperson“, „Telefon“, „E-Mail“, gelesen als Überschriften "
        "der Spalten" in lines
    )
    assert not any(line.startswith("Zeile 3:") for line in lines), said
    assert institution(ws, "Praxis Dr. Ольга Петренко")["phone"] == "+49 211 123456"
    assert institution(ws, "Beratungsstelle Łódź e.V.")["email"] == "beratung@lodz-ev.test"
    assert institution(ws, "Beratungsstelle Łódź e.V.")["phone"] == "+49 2131 998877"
    reg = load(ws)
    entries = [e for i in reg.institutions.values() for e in i["entries"].values()]
    names = {reg.plain(e["fields"]).get("contact_name") for e in entries}
    assert names == {"Dr. Ольга Петренко", "Paweł Wiśniewski"}


def test_her_notes_column_is_said_and_left_out_and_the_rest_imported(
    ws: Workspace, tmp_path: Path
) -> None:
    """„Notizen“ refused the whole list although the README says a column of her own is
    noted and skipped (s21X #10)."""
    table = her_list(tmp_path / "bestand.xlsx", ("Name der Ansprechperson", "Telefon", "E-Mail"))
    code, said = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 0, said
    assert (
        "Hinweis: bestand.xlsx: Spalte nicht gelesen, die Tabelle des Registers hat keine "
        "solche: „Notizen“ (um ihren Text zu behalten" in said
    )
    assert "bestand.xlsx: 3 Zeilen – neu 2" in said
    assert "spricht Ukrainisch" not in repr(load(ws).data)


def test_a_total_under_the_list_is_no_institution(ws: Workspace, tmp_path: Path) -> None:
    """„Summe: 6 Einrichtungen“ became institution inst-0005, NOT MAILED in every round
    (s21X #6); a row with a formula and nothing else of an institution too."""
    table = her_list(
        tmp_path / "bestand.xlsx",
        ("Name der Ansprechperson", "Telefon", "E-Mail"),
        [["Anzahl", "=COUNTA(A4:A5)"], ["Gesamtschule Neuss", None, None, None, "Sonstiges"]],
    )
    code, said = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 0, said
    lines = said.splitlines()
    assert (
        "Zeile 9: nicht importiert: „Summe: 2 Einrichtungen“ ist eine Summe oder Anmerkung unter "
        "der Liste, keine Einrichtung (ohne Checkliste, Adresse, Telefon und E-Mail)" in lines
    )
    assert any(
        line.startswith("Zeile 6: nicht importiert: „Anzahl“ ist eine Summe") for line in lines
    )
    # a name that only begins with such letters is an institution
    assert any(
        line.startswith("Zeile 7: inst-") and "Gesamtschule Neuss: neu" in line for line in lines
    )
    names = {load(ws).name_of(i) for i in load(ws).institutions}
    assert names == {"Praxis Dr. Ольга Петренко", "Beratungsstelle Łódź e.V.", "Gesamtschule Neuss"}


def test_a_column_with_values_but_no_header_is_named(ws: Workspace, tmp_path: Path) -> None:
    """A merged header over data (no line of headers under it) leaves columns without a
    header: their values are not read, and a line names the column."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Einrichtung", "Kontakt", None, "Checkliste"])
    sheet.merge_cells("B1:C1")
    sheet.append(["Praxis Yılmaz", "0211 123456", "yilmaz@praxis.test", "Psychotherapie"])
    sheet.append(["Praxis Öztürk", "0211 654321", "oeztuerk@praxis.test", "Psychotherapie"])
    wb.save(tmp_path / "liste.xlsx")
    code, said = fg("register", "import", str(tmp_path / "liste.xlsx"), "-w", str(ws.root))
    assert code == 0, said
    assert "Spalte nicht gelesen, die Tabelle des Registers hat keine solche: „Kontakt“" in said
    assert (
        "Hinweis: liste.xlsx: Spalte C hat keine Überschrift, aber Werte in 2 Zeilen: nicht "
        "gelesen — bitte die Überschrift der Spalte eintragen" in said
    )
    assert "email" not in institution(ws, "Praxis Yılmaz")
    # given its header, the same list brings the addresses
    sheet.unmerge_cells("B1:C1")
    sheet["B1"], sheet["C1"] = "Telefon", "E-Mail"
    wb.save(tmp_path / "liste.xlsx")
    code, said = fg("register", "import", str(tmp_path / "liste.xlsx"), "-w", str(ws.root))
    assert code == 0, said
    assert "Überschrift" not in said
    assert institution(ws, "Praxis Yılmaz")["phone"] == "+49 211 123456"
    assert institution(ws, "Praxis Öztürk")["email"] == "oeztuerk@praxis.test"


def test_her_header_words_get_the_columns_they_mean(ws: Workspace, tmp_path: Path) -> None:
    """„Ansprechpartner/in“ and „Tel.“ got no suggestion beside an „E-Mail“ column, „Art“
    got „Ort“ though the list has Ort (s21X #9)."""
    table = her_list(tmp_path / "bestand.xlsx", ("Ansprechpartner/in", "Tel.", "E-Mail"))
    wb = openpyxl.load_workbook(table)
    sheet = wb.active
    assert sheet is not None
    sheet["E2"] = "Art"
    wb.save(table)
    before = sorted(p.name for p in ws.root.rglob("*"))
    code, said = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 1
    assert "„Ansprechpartner/in“ (gemeint: „Name der Ansprechperson“?)" in said
    assert "„Tel.“ (gemeint: „Telefon (Zentrale)“?)" in said
    assert "„Art“ (gemeint: „Checkliste“?)" in said
    assert "Ort“?" not in said
    assert sorted(p.name for p in ws.root.rglob("*")) == before


def test_a_region_reads_as_in_a_recipients_list_and_a_town_offers_its_region(
    ws: Workspace, tmp_path: Path
) -> None:
    """„Rhein-Kreis Neuss“ was kept as invalid by the import though a recipients list takes
    it; „Neuss“ and a missing region were never said with the region the town lies in
    (s21X #3, #4). Offered, never set."""
    path = tmp_path / "regionen.csv"
    path.write_text(
        "Einrichtung;Checkliste;Ort;Versorgungsregion\r\n"
        "Tagesstätte Meerbusch;Tagesstätte;Meerbusch;Rhein-Kreis Neuss\r\n"
        "SpDi Rhein-Kreis Neuss;Sozialpsychiatrischer Dienst;Neuss;Neuss\r\n"
        "Beratungsstelle Łódź e.V.;Migrationsfachdienste;Meerbusch;\r\n",
        encoding="utf-8-sig",
    )
    code, said = fg("register", "import", str(path), "-w", str(ws.root))
    assert code == 0, said
    lines = said.splitlines()
    assert institution(ws, "Tagesstätte Meerbusch")["region"] == "neuss_meerbusch"
    assert institution(ws, "SpDi Rhein-Kreis Neuss")["region"] == "Neuss"  # kept as typed
    assert institution(ws, "Beratungsstelle Łódź e.V.").get("region") is None
    region = "„Rhein-Kreis Neuss (Neuss, Meerbusch)“"
    assert (
        f"Versorgungsregion fehlt bei 1 Einrichtung in Neuss; Neuss gehört zur Region {region} — "
        "wenn das stimmt: formgen register set inst-0002 institution.region neuss_meerbusch "
        "--note 'Ort Neuss'" in lines
    )
    assert (
        "Versorgungsregion fehlt bei 1 Einrichtung in Meerbusch; Meerbusch gehört zur Region "
        f"{region} — wenn das stimmt: formgen register set inst-0003 institution.region "
        "neuss_meerbusch --note 'Ort Meerbusch'" in lines
    )
    command = lines[lines.index(next(x for x in lines if "Ort Meerbusch" in x))]
    args = command.split(": formgen ", 1)[1].replace("'", "").split()
    code, done = fg(*args[:5], "--note", "Ort Meerbusch", "-w", str(ws.root))
    assert code == 0, done
    assert institution(ws, "Beratungsstelle Łódź e.V.")["region"] == "neuss_meerbusch"


def test_a_towns_institutions_are_offered_their_region_on_one_line_with_one_command(
    ws: Workspace, tmp_path: Path
) -> None:
    """40 institutions in Meerbusch gave 40 lines, each with its own command: one line per
    town now, with how many, and one command that sets the region of them all. „Neuss“ given
    as the region and „NEUSS“ as the town are one town; a town in no region is said as
    before."""
    rows = [f"Praxis {i} Wiśniewska;Psychotherapie;Meerbusch;" for i in range(40)]
    rows += ["SpDi Şahinler;Sozialpsychiatrischer Dienst;Neuss;Neuss"]
    rows += ["Tagesstätte Ольга;Tagesstätte;NEUSS;", "Praxis Köln;Psychotherapie;Köln;"]
    path = tmp_path / "viele.csv"
    path.write_text(
        "Einrichtung;Checkliste;Ort;Versorgungsregion\r\n" + "".join(f"{r}\r\n" for r in rows),
        encoding="utf-8-sig",
    )
    code, said = fg("register", "import", str(path), "-w", str(ws.root))
    assert code == 0, said
    lines = said.splitlines()
    offers = [x for x in lines if "gehört zur Region" in x]
    assert len(offers) == 2, said
    meerbusch, neuss = offers
    reg = load(ws)
    ids = {reg.name_of(i): i for i in reg.institutions}
    listed = ",".join(ids[f"Praxis {i} Wiśniewska"] for i in range(40))
    assert meerbusch == (
        "Versorgungsregion fehlt bei 40 Einrichtungen in Meerbusch; Meerbusch gehört zur Region "
        "„Rhein-Kreis Neuss (Neuss, Meerbusch)“ — wenn das stimmt: formgen register set "
        f"{listed} institution.region neuss_meerbusch --note 'Ort Meerbusch'"
    )
    assert "bei 2 Einrichtungen in Neuss;" in neuss
    assert f"set {ids['SpDi Şahinler']},{ids['Tagesstätte Ольга']} institution.region" in neuss
    assert f"fehlt bei 1 Einrichtung ({ids['Praxis Köln']})" in said  # Köln: in no region
    for offer in offers:  # the command as offered, run as it stands
        args = shlex.split(offer.split(": formgen ", 1)[1])
        code, done = fg(*args, "-w", str(ws.root))
        assert code == 0, done
    for name in [
        "Praxis 0 Wiśniewska",
        "Praxis 39 Wiśniewska",
        "SpDi Şahinler",
        "Tagesstätte Ольга",
    ]:
        assert institution(ws, name)["region"] == "neuss_meerbusch", name
    assert institution(ws, "Praxis Köln").get("region") is None


def test_a_district_is_offered_its_towns_region_and_the_rest_are_told_the_regions(
    ws: Workspace, tmp_path: Path
) -> None:
    """A tester's finding: „Neuss-Holzheim“ and „Düsseldorf-Bilk“ were offered no region, and
    the line of those without one named no region REGION may be. A town of no region
    (Grevenbroich) and one whose part before the dash is none either (Castrop-Rauxel) are
    offered none."""
    rows = [
        "Praxis Kowalczyk;Psychotherapie;Neuss-Holzheim",
        "Praxis Иванова;Psychotherapie;Düsseldorf-Bilk",
        "Praxis Nowak;Psychotherapie;Grevenbroich",
        "Praxis Öz;Psychotherapie;Castrop-Rauxel",
    ]
    path = tmp_path / "orte.csv"
    path.write_text(
        "Einrichtung;Checkliste;Ort\r\n" + "".join(f"{r}\r\n" for r in rows), "utf-8-sig"
    )
    code, said = fg("register", "import", str(path), "-w", str(ws.root))
    assert code == 0, said
    reg = load(ws)
    ids = {reg.name_of(i): i for i in reg.institutions}
    lines = said.splitlines()
    assert (
        "Versorgungsregion fehlt bei 1 Einrichtung in Neuss-Holzheim; Neuss-Holzheim gehört zur "
        "Region „Rhein-Kreis Neuss (Neuss, Meerbusch)“ — wenn das stimmt: formgen register set "
        f"{ids['Praxis Kowalczyk']} institution.region neuss_meerbusch --note 'Ort Neuss-Holzheim'"
    ) in lines, said
    assert (
        "Versorgungsregion fehlt bei 1 Einrichtung in Düsseldorf-Bilk; Düsseldorf-Bilk gehört zur "
        "Region „Düsseldorf“ — wenn das stimmt: formgen register set "
        f"{ids['Praxis Иванова']} institution.region duesseldorf --note 'Ort Düsseldorf-Bilk'"
    ) in lines, said
    assert (
        "Versorgungsregion (Pflichtfeld) fehlt bei 2 Einrichtungen "
        f"({ids['Praxis Nowak']}, {ids['Praxis Öz']}): formgen register set ID institution.region "
        "REGION --note …, für REGION eine von: duesseldorf (Düsseldorf), neuss_meerbusch "
        "(Rhein-Kreis Neuss (Neuss, Meerbusch)), dormagen, andere (Andere Region)"
    ) in lines, said
    for offer in [x for x in lines if "gehört zur Region" in x]:
        code, done = fg(*shlex.split(offer.split(": formgen ", 1)[1]), "-w", str(ws.root))
        assert code == 0, done
    assert institution(ws, "Praxis Kowalczyk")["region"] == "neuss_meerbusch"
    assert institution(ws, "Praxis Иванова")["region"] == "duesseldorf"


def test_a_retired_institution_is_not_offered_its_region(ws: Workspace, tmp_path: Path) -> None:
    """register set refuses a retired institution: offered among a town's, it failed them all."""
    path = tmp_path / "zwei.csv"
    rows = "Praxis Öztürk;Psychotherapie;Meerbusch\r\nPraxis Łukasik;Psychotherapie;Meerbusch\r\n"
    path.write_text(f"Einrichtung;Checkliste;Ort\r\n{rows}", encoding="utf-8-sig")
    code, said = fg("register", "import", str(path), "-w", str(ws.root))
    assert code == 0 and "bei 2 Einrichtungen in Meerbusch;" in said, said
    reg = load(ws)
    ids = {reg.name_of(i): i for i in reg.institutions}
    gone = ids["Praxis Öztürk"]
    assert fg("register", "retire", gone, "--reason", "geschlossen", "-w", str(ws.root))[0] == 0
    again = rows.replace("\r\n", ";40667\r\n")
    path.write_text(f"Einrichtung;Checkliste;Ort;PLZ\r\n{again}", "utf-8-sig")
    code, said = fg("register", "import", str(path), "-w", str(ws.root))
    assert code == 0, said
    (offer,) = [x for x in said.splitlines() if "gehört zur Region" in x]
    assert f"set {ids['Praxis Łukasik']} institution.region" in offer and gone not in offer


def test_register_set_of_several_institutions_sets_all_or_none(
    ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "zwei.csv"
    path.write_text(
        "Einrichtung;Checkliste;Ort\r\nPraxis Öztürk;Psychotherapie;Neuss\r\n"
        "Praxis Łukasik;Psychotherapie;Neuss\r\n",
        encoding="utf-8-sig",
    )
    assert fg("register", "import", str(path), "-w", str(ws.root))[0] == 0
    reg = load(ws)
    a, b = sorted(reg.institutions)
    before = (ws.root / "journal.jsonl").read_bytes()
    args = ["register", "set", f"{a},inst-9999,{b}", "institution.region", "dormagen"]
    code, said = fg(*args, "--note", "x", "-w", str(ws.root))
    assert code == 1 and "inst-9999" in said, said
    assert (ws.root / "journal.jsonl").read_bytes() == before
    code, said = fg(*args[:2], f"{a}, {b}", *args[3:], "--note", "per Telefon", "-w", str(ws.root))
    assert code == 0, said
    assert [x.split()[0] for x in said.splitlines() if "dormagen" in x.casefold()] == [a, b]
    assert institution(ws, "Praxis Öztürk")["region"] == "dormagen"
    assert institution(ws, "Praxis Łukasik")["region"] == "dormagen"


def test_mail_reads_the_same_header_of_two_lines_and_points_an_own_list_to_the_register(
    ws: Workspace, tmp_path: Path
) -> None:
    """`formgen mail bestand.xlsx` said only „Spalten ID … fehlen“ to a coordinator who has no
    ids (s21X #12); its header of two lines is read as register import reads it."""
    table = her_list(tmp_path / "bestand.xlsx", ("Name der Ansprechperson", "Telefon", "E-Mail"))
    code, said = fg("mail", str(table), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    assert code == 1
    assert "die Kopfzeile hat zwei Zeilen, 2 und 3: „Kontakt“" in said
    assert "'Telefon', 'E-Mail'" in said  # read from line 3, not left blank
    assert (
        "eine eigene Liste ohne IDs: erst ins Register übernehmen (formgen register import "
        f"{table}), dann aus ihm anschreiben (formgen mail --from-register --drafts ORDNER)"
        in " ".join(said.split())
    )
    assert not (tmp_path / "d").exists()


def test_an_invalid_address_and_a_label_for_a_path_name_the_command_that_fixes_them(
    ws: Workspace, tmp_path: Path
) -> None:
    """„a@x; b@x“ was said as NOT MAILED with no way to correct it, and `register set ID
    E-Mail` did not say which path it means (s21X #14)."""
    path = tmp_path / "liste.csv"
    path.write_text(
        "Einrichtung;Checkliste;Einrichtung › E-Mail;Versorgungsregion\r\n"
        "SpDi Rhein-Kreis Neuss;SpDi;spdi@rkn.test; vertretung@rkn.test;Rhein-Kreis Neuss\r\n".replace(
            "spdi@rkn.test; vertretung@rkn.test", '"spdi@rkn.test; vertretung@rkn.test"'
        ),
        encoding="utf-8-sig",
    )
    code, said = fg("register", "import", str(path), "-w", str(ws.root))
    assert code == 0, said
    code, said = fg("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    assert code == 0, said
    flat = " ".join(said.split())
    assert "NICHT VERSANDT inst-0001 (SpDi Rhein-Kreis Neuss): ungültige E-Mail-Adresse" in flat
    assert (
        "korrigieren: formgen register set inst-0001 institution.email spdi@rkn.test --note …"
        in flat
    )
    code, said = fg(
        "register", "set", "inst-0001", "E-Mail", "spdi@rkn.test", "--note", "x", "-w", str(ws.root)
    )
    assert code == 1
    assert (
        "„E-Mail“ bezeichnet keinen Wert (gemeint: institution.email, „Einrichtung › E-Mail“?)"
        in said
    )
    code, said = fg(
        "register",
        "set",
        "inst-0001",
        "institution.email",
        "spdi@rkn.test",
        "--note",
        "x",
        "-w",
        str(ws.root),
    )
    assert code == 0, said
    assert institution(ws, "SpDi Rhein-Kreis Neuss")["email"] == "spdi@rkn.test"


def test_several_checklists_in_one_cell_are_read_as_a_recipients_list_reads_them(
    ws: Workspace, tmp_path: Path
) -> None:
    """„Psychotherapie, Facharzt“ was refused by the import though a recipients list takes it
    (s21X #11): an entry for each checklist, the line saying so; a cell with a piece that is
    no checklist is still refused, naming what it may mean."""
    path = tmp_path / "liste.csv"
    path.write_text(
        "Einrichtung;Checkliste;Telefon\r\n"
        "Praxis Kaya;Psychotherapie, Facharzt;0211 777777\r\n"
        "Praxis Nowak;Psychotherapie, Zahnarzt;0211 888888\r\n",
        encoding="utf-8-sig",
    )
    code, said = fg("register", "import", str(path), "-w", str(ws.root))
    assert code == 0, said
    assert (
        "  Checkliste „Fachärztin/-arzt, niedergelassen“, eine von 2 in „Psychotherapie, "
        "Facharzt“: ein Eintrag je Checkliste" in said.splitlines()
    )
    assert "Zeile 3: nicht importiert: „Psychotherapie, Zahnarzt“ ist keine Checkliste" in said
    assert "liste.csv: 2 Zeilen – neu 1" in said
    reg = load(ws)
    assert [sorted(i["entries"]) for i in reg.institutions.values()] == [
        ["facharzt", "psychotherapie"]
    ]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (
            "Psychosoziales Zentrum",
            "Kontakt- und Beratungsstelle (ggf. auch, Kontaktzentrum, Psychosoziales oder "
            "Sozialpsychiatrisches Zentrum etc. genannt)",
        ),
        (
            "Migrationsberatung",
            "Migrationsfachdienste (ehem. Aussiedler- und Ausländersozialberatungsstellen)",
        ),
    ],
)
def test_a_checklist_named_by_words_of_its_name_is_suggested_alike_in_import_and_mail(
    ws: Workspace, tmp_path: Path, typed: str, meant: str
) -> None:
    """„Psychosoziales Zentrum“ (words of a checklist's name) got no suggestion, and
    „Migrationsberatung“ got „integrationsrat“ (s21X #11)."""
    path = tmp_path / "liste.csv"
    path.write_text(
        f"ID;Einrichtung;E-Mail;Checkliste;Region\r\nx-1;PSZ;info@psz.test;{typed};Düsseldorf\r\n",
        encoding="utf-8-sig",
    )
    code, said = fg("register", "import", str(path), "-w", str(ws.root))
    assert f"„{typed}“ ist keine Checkliste (gemeint: „{meant}“?)" in " ".join(said.split())
    code, said = fg("mail", str(path), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    assert code == 1
    assert f"„{typed}“; gemeint: „{meant}“?" in " ".join(said.split())


def test_a_header_whose_names_stand_in_its_second_line_is_read_as_one(
    ws: Workspace, tmp_path: Path
) -> None:
    """Only „Einrichtung“ above, the other names under „Kontakt“ in line 2: line 2 alone was
    taken as the header, leaving the name's column without one."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Einrichtung", "Kontakt", None, None, "Bemerkung"])
    sheet.append([None, "Checkliste", "Telefon", "E-Mail"])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:D1")
    sheet.merge_cells("E1:E2")
    sheet.append(["Praxis Yılmaz", "Psychotherapie", "0211 123456", "yilmaz@praxis.test", "gut"])
    wb.save(tmp_path / "liste.xlsx")
    code, said = fg("register", "import", str(tmp_path / "liste.xlsx"), "-w", str(ws.root))
    assert code == 0, said
    assert "die Kopfzeile hat zwei Zeilen, 1 und 2: „Kontakt“" in said
    assert "Zeile 3: inst-0001 Praxis Yılmaz: neu" in said
    assert institution(ws, "Praxis Yılmaz")["email"] == "yilmaz@praxis.test"


def test_a_title_merged_right_above_the_header_is_no_line_of_it(
    ws: Workspace, tmp_path: Path
) -> None:
    """A title merged over the columns stands right above her header: it is not read as a
    group over them (each column would be headed by the title)."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Bestandsliste SPKoM Düsseldorf – Stand 03/2025"])
    sheet.merge_cells("A1:D1")
    sheet.append(["Einrichtung", "Telefon", "E-Mail", "Checkliste"])
    sheet.append(["Praxis Yılmaz", "0211 123456", "yilmaz@praxis.test", "Psychotherapie"])
    wb.save(tmp_path / "liste.xlsx")
    code, said = fg("register", "import", str(tmp_path / "liste.xlsx"), "-w", str(ws.root))
    assert code == 0, said
    assert said.splitlines()[:2] == [
        "Hinweis: liste.xlsx: die Kopfzeile ist Zeile 2; die Zeilen darüber werden nicht gelesen",
        "Zeile 3: inst-0001 Praxis Yılmaz: neu",
    ]
    assert institution(ws, "Praxis Yılmaz")["email"] == "yilmaz@praxis.test"


def test_a_recipients_list_giving_a_town_as_the_region_is_told_its_region(
    ws: Workspace, tmp_path: Path
) -> None:
    """The list reads regions as the import does, and says a town as the import offers it."""
    path = tmp_path / "r.csv"
    path.write_text(
        "ID;Einrichtung;E-Mail;Checkliste;Region\r\n"
        "x-1;SpDi;spdi@rkn.test;SpDi;Neuss\r\n"
        "x-2;Tagesstätte Meerbusch;t@rkn.test;Tagesstätte;Rhein-Kreis Neuss\r\n"
        "x-3;Beratung Holzheim;b@rkn.test;SpDi;Neuss-Holzheim\r\n",
        encoding="utf-8-sig",
    )
    code, said = fg("mail", str(path), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    assert code == 1
    lines = [" ".join(line.split()) for line in said.splitlines()]
    region = "„Rhein-Kreis Neuss (Neuss, Meerbusch)“"
    for line, town in ((2, "Neuss"), (4, "Neuss-Holzheim")):  # a district: its town's region
        assert (
            f"{path}:{line}: unbekannte Region „{town}“; {town} gehört zur Region {region} — "
            "wenn das stimmt: neuss_meerbusch oder den Namen der Region eintragen" in lines
        )
    assert not any(":3:" in line for line in lines)
    assert not any("wenn sie es ist" in line for line in lines)


def test_an_english_workspace_is_told_it_in_english(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    assert fg("init", str(root), "--lang", "en", "--sender", "k@spkom.de")[0] == 0
    table = her_list(tmp_path / "list.xlsx", ("Name der Ansprechperson", "Telefon", "E-Mail"))
    code, said = fg("register", "import", str(table), "-w", str(root))
    assert code == 0, said
    lines = said.splitlines()
    assert (
        "note: list.xlsx: the header has two lines, 2 and 3: 'Kontakt' (merged cells) over "
        "'Name der Ansprechperson', 'Telefon', 'E-Mail', read as the columns' headers" in lines
    )
    assert "note: list.xlsx: column not read, the register's table has none such: 'Notizen'" in said
    assert (
        "line 7: not imported: 'Summe: 2 Einrichtungen' is a total or a remark under the list, "
        "no institution (no checklist, address, phone or e-mail)" in lines
    )
    assert any(
        line.startswith("Care region missing for 1 institution in Neuss; ")
        and "Neuss belongs to the region 'Rhein-Kreis Neuss (Neuss, Meerbusch)' — if that is "
        "right: formgen register set"
        in line
        for line in lines
    ), said


def test_mail_says_a_header_of_two_lines_as_register_import_says_it(
    ws: Workspace, tmp_path: Path
) -> None:
    """A long column header was cut in `formgen mail`'s note in the middle of a word and
    without „…“, and the group's name not at all: the note is the one register import says."""
    long = "Name der Ansprechperson (Leitung der Einrichtung, Vertretung)"
    table = her_list(tmp_path / "bestand.xlsx", (long, "Telefon\n(Zentrale)", "E-Mail"))
    code, imported = fg("register", "import", str(table), "-w", str(ws.root))
    assert code == 0, imported
    code, mailed = fg("mail", str(table), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    said = [
        line.split("bestand.xlsx: ", 1)[1]  # the file by its name, the list by its path
        for line in (*imported.splitlines(), *mailed.splitlines())
        if "die Kopfzeile hat zwei Zeilen" in line
    ]
    assert len(said) == 2 and said[0] == said[1], said
    assert "„Name der Ansprechperson (Leitung der…“, „Telefon (Zentrale)“, „E-Mail“" in said[0]
