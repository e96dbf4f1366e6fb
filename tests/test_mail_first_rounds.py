"""A new coordinator's first rounds (audit s19C): what a list gives that is not read, the same
institution under a new id, drafts deleted before they were sent, and the next step where
nothing is there yet. Each through the CLI, in a German and an English workspace."""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from mailkit import make_workspace, pdf_value

from formgen.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(path: Path, *rows: str, header: str = "Kennung;Einrichtung;E-Mail;Checkliste;Region"):
    path.write_text("\n".join([header, *rows]) + "\n", "utf-8")
    return str(path)


def attached_pdf(draft: Path) -> bytes:
    msg = message_from_bytes(draft.read_bytes(), policy=policy.default)
    (att,) = msg.iter_attachments()
    return att.get_content()


@pytest.mark.parametrize(
    "language, said",
    [
        (
            "de",
            "Hinweis: liste.csv: nicht gelesene Spalten: „Sprahce“ (gemeint: „Sprache“?), "
            "„Telefn“ (gemeint: „Telefon (Zentrale)“?), „Fromat“ (gemeint: „Format“?), "
            "„Strase“ (gemeint: „Straße und Hausnummer“?), „Name der Ansprechperson“; ",
        ),
        (
            "en",
            "note: liste.csv: columns not read: 'Sprahce' (did you mean 'language'?), 'Telefn' "
            "(did you mean 'Phone (main line)'?), 'Fromat' (did you mean 'format'?), 'Strase' "
            "(did you mean 'Street and number'?), 'Name der Ansprechperson'; ",
        ),
    ],
)
def test_a_mistyped_optional_column_is_named_with_the_one_meant(
    tmp_path, monkeypatch, language, said
):
    """„Sprahce“, „Telefn“: a column a list may have, mistyped, was named as not read without
    the one meant, as a missing column's is; the mails go out all the same."""
    ws = make_workspace(tmp_path / "ws", language=language).root
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "liste.csv",
        "pl-1;Gabinet Żółkiewska;biuro@zolkiewska.example;Psychotherapie;Düsseldorf;Polnisch;"
        "0211 1;docx;Kölner Str. 5;Małgorzata Żółkiewska",
        header="Kennung;Einrichtung;E-Mail;Checkliste;Region;Sprahce;Telefn;Fromat;Strase;"
        "Name der Ansprechperson",
    )
    result = run("mail", "liste.csv", "-w", str(ws), "--drafts", "d")
    assert result.exit_code == 0, result.output
    assert said in result.stderr
    (draft,) = (tmp_path / "d").iterdir()
    assert draft.name == "pl-1.eml"


@pytest.mark.parametrize(
    "language, said",
    [
        (
            "de",
            "Hinweis: liste.csv: nicht gelesene Spalten: „Name der Ansprechperson“, „Bemerkung“; "
            "eine Liste füllt die Formulare nur mit den Angaben zur Einrichtung vor",
        ),
        (
            "en",
            "note: liste.csv: columns not read: 'Name der Ansprechperson', 'Bemerkung'; a list "
            "prefills the forms with the institution's own details only",
        ),
    ],
)
def test_columns_a_list_does_not_read_are_named_with_the_way_into_the_form(
    tmp_path, monkeypatch, language, said
):
    ws = make_workspace(tmp_path / "ws", language=language).root
    monkeypatch.chdir(tmp_path)
    listed = write(
        tmp_path / "liste.csv",
        "ar-1;مركز الاستشارة;info@beratung-ar.example;Psychotherapie;Düsseldorf;"
        "Şule Yılmaz;ruft zurück;0211 1234567",
        header="Kennung;Einrichtung;E-Mail;Checkliste;Region;Name der Ansprechperson;Bemerkung;"
        "Telefon",
    )
    result = run("mail", "liste.csv", "-w", str(ws), "--drafts", "d", "--dry-run")
    assert result.exit_code == 0, result.output
    assert said in result.stderr
    assert "register import liste.csv" in result.stderr
    assert "mail --from-register" in result.stderr
    # the way it names: import the list (without the remark), then mail from the register
    write(
        tmp_path / "liste.csv",
        "ar-1;مركز الاستشارة;info@beratung-ar.example;Psychotherapie;Düsseldorf;Şule Yılmaz;"
        "0211 1234567",
        header="Kennung;Einrichtung;E-Mail;Checkliste;Region;Name der Ansprechperson;Telefon",
    )
    assert run("register", "import", str(listed), "-w", str(ws)).exit_code == 0
    again = run("mail", "--from-register", "-w", str(ws), "--drafts", "r")
    assert again.exit_code == 0, again.output
    (draft,) = (tmp_path / "r").iterdir()
    pdf = attached_pdf(draft)
    assert pdf_value(pdf, "institution.name") == "مركز الاستشارة"
    assert pdf_value(pdf, "institution.phone") == "+49 211 1234567"
    assert pdf_value(pdf, "psychotherapie.contact_name") == "Şule Yılmaz"


@pytest.mark.parametrize(
    "language, said",
    [
        (
            "de",
            "Hinweis: liste.csv: „Sprache“, „Format“ nicht ins Register übernommen, das Sprache "
            "und Format der Mails nicht hält: jede Runde schreibt eine Einrichtung in denen ihrer "
            "letzten Mail an (denen ihrer Zeile, wo eine Runde aus dieser Liste sie anschrieb: "
            "formgen mail liste.csv), sonst in denen der Runde (--lang, --format)\n",
        ),
        (
            "en",
            "note: liste.csv: 'Sprache', 'Format' not taken into the register, which does not hold "
            "the mails' language and format: each round mails an institution in those of its last "
            "mail (those of its row where a round of this list mailed it: formgen mail "
            "liste.csv), else in the round's (--lang, --format)\n",
        ),
    ],
)
def test_the_list_a_round_mailed_is_imported_as_its_note_advises_with_its_language_and_format(
    tmp_path, monkeypatch, language, said
):
    """The note of a round's list advised 'formgen register import LIST', which refused the
    same list for its Sprache and Format columns. Imported, they are said as not taken, and
    the next round of the register mails each institution as the list's round did."""
    ws = make_workspace(tmp_path / "ws", language=language).root
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "liste.csv",
        "ar-1;Şifa Danışma Merkezi;info@sifa.example;Psychotherapie;Düsseldorf;en;docx;Ayşe Yılmaz",
        "pl-2;Poradnia Łódź;biuro@poradnia.example;Psychotherapie;Düsseldorf;;;Олена Коваль",
        header="Kennung;Einrichtung;E-Mail;Checkliste;Region;Sprache;Format;"
        "Name der Ansprechperson",
    )
    mailed = run("mail", "liste.csv", "-w", str(ws), "--drafts", "d", "--round", "r1")
    assert mailed.exit_code == 0, mailed.output
    assert "register import liste.csv" in mailed.stderr  # the advice followed next
    imported = run("register", "import", "liste.csv", "-w", str(ws))
    assert imported.exit_code == 0, imported.output
    assert imported.output.startswith(said)
    register = json.loads((ws / "register.json").read_text("utf-8"))
    held = register["institutions"]
    assert sorted(held) == ["ar-1", "pl-2"]  # the ids the round gave
    assert held["pl-2"]["entries"]["psychotherapie"]["fields"]["contact_name"]["v"] == (
        "Олена Коваль"
    )
    assert "docx" not in json.dumps(held) and '"en"' not in json.dumps(held)
    # the register's next round: each as the list's round mailed it
    again = run("mail", "--from-register", "-w", str(ws), "--drafts", "r", "--round", "r2",
                "--force")  # fmt: skip
    assert again.exit_code == 0, again.output
    sent = [json.loads(line) for line in (ws / "sendlog.jsonl").read_text("utf-8").splitlines()]
    r2 = {e["institution_id"]: e for e in sent if e["round"] == "r2" and e["event"] == "prepared"}
    assert {iid: (e["lang"], Path(e["files"][0]["path"]).suffix) for iid, e in r2.items()} == {
        "ar-1": ("en", ".docx"),
        "pl-2": (language, ".pdf"),
    }


def test_a_list_that_gives_only_what_is_read_has_no_note(tmp_path):
    ws = make_workspace(tmp_path / "ws").root
    listed = write(
        tmp_path / "l.csv", "pl-1;Poradnia Łódź;biuro@poradnia.example;Betreutes Wohnen;Düsseldorf"
    )
    result = run("mail", listed, "-w", str(ws), "--drafts", str(tmp_path / "d"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


@pytest.mark.parametrize(
    "language, skipped, forced",
    [
        (
            "de",
            "übersprungen dn-01 (Praxis Dr. Sule Yilmaz): in Runde r1 schon als 1 angeschrieben "
            "(derselbe Name bis auf Groß- und Kleinschreibung, Akzente und Satzzeichen, dieselbe "
            "Adresse Praxis@yilmaz.example): dieselbe Einrichtung "
            "braucht keine zweite Mail (in einer Liste ihre ID 1 eintragen); ist es eine andere, "
            "versendet --force trotzdem",
            "--force: 1 Einrichtung erhält trotzdem eine Mail, die diese Runde schon unter einer "
            "anderen ID (in Klammern) angeschrieben hat: dn-01 (1)",
        ),
        (
            "en",
            "skipped dn-01 (Praxis Dr. Sule Yilmaz): mailed in round r1 already as 1 (the same "
            "name but for case, accents and punctuation, the same address "
            "Praxis@yilmaz.example): the same institution needs no "
            "second mail (in a list, give it its id 1); if it is another one, --force mails it "
            "all the same",
            "--force: mailing 1 institution all the same that this round mailed under another id "
            "already (in brackets): dn-01 (1)",
        ),
    ],
)
def test_the_same_institution_under_a_new_id_is_not_mailed_twice_in_a_round(
    tmp_path, language, skipped, forced
):
    ws = make_workspace(tmp_path / "ws", language=language).root
    first = write(
        tmp_path / "a.csv",
        "1;Praxis Dr. Şule Yılmaz;praxis@yilmaz.example;Psychotherapie;Düsseldorf",
        "2;Центр «Ольга»;olga@centr.example;Psychotherapie;Düsseldorf",
    )
    drafts = tmp_path / "d"
    assert (
        run("mail", first, "-w", str(ws), "--drafts", str(drafts), "--round", "r1").exit_code == 0
    )
    # the centre's own ids in a later list: the same institutions (spelt without the accents)
    later = write(
        tmp_path / "b.csv",
        "dn-01;Praxis Dr. Sule Yilmaz;Praxis@Yilmaz.example;Psychotherapie;Düsseldorf",
        "dn-02;Центр «Ольга»;other@centr.example;Psychotherapie;Düsseldorf",
        "dn-03;Poradnia Łódź;biuro@poradnia.example;Psychotherapie;Düsseldorf",
    )
    result = run("mail", later, "-w", str(ws), "--drafts", str(drafts), "--round", "r1")
    assert result.exit_code == 0, result.output
    assert skipped in result.output
    # another address is another institution's (or a new address): mailed, as before
    assert sorted(p.name for p in drafts.iterdir()) == ["1.eml", "2.eml", "dn-02.eml", "dn-03.eml"]
    status = json.loads(run("status", "-w", str(ws), "--json").output)
    assert status["institutions"] == 4
    # really another institution: --force mails it, and says so
    forced_run = run(
        "mail", later, "-w", str(ws), "--drafts", str(drafts), "--round", "r1", "--force"
    )
    assert forced_run.exit_code == 0, forced_run.output
    assert forced in forced_run.stderr
    assert (drafts / "dn-01.eml").is_file()


def test_another_service_of_the_same_traeger_at_its_one_address_is_mailed(tmp_path):
    """One address serves a Träger's several services: a house added to the list after the
    round mailed the first is another institution, its name only alike, and gets its mail."""
    ws = make_workspace(tmp_path / "ws").root
    drafts = tmp_path / "d"
    house = "Betreutes Wohnen Łódź – Haus {};wohnen@traeger.example;Betreutes Wohnen;Düsseldorf"
    first = write(tmp_path / "a.csv", "bw-1;" + house.format(1))
    assert (
        run("mail", first, "-w", str(ws), "--drafts", str(drafts), "--round", "r1").exit_code == 0
    )
    later = write(tmp_path / "b.csv", "bw-1;" + house.format(1), "bw-2;" + house.format(2))

    result = run("mail", later, "-w", str(ws), "--drafts", str(drafts), "--round", "r1")

    assert result.exit_code == 0, result.output
    assert "bw-2" not in " ".join(
        line for line in result.output.splitlines() if "bersprungen" in line
    )
    assert sorted(p.name for p in drafts.iterdir()) == ["bw-1.eml", "bw-2.eml"]


def test_a_round_of_the_register_does_not_mail_again_whom_a_list_mailed_in_it(tmp_path):
    """The way the note on unread columns names, taken after the list was mailed: the round
    knows the imported institution as mailed."""
    ws = make_workspace(tmp_path / "ws").root
    listed = write(
        tmp_path / "l.csv",
        "x-1;Praxis Поліна Ковальчук;pk@praxis.example;Psychotherapie;Düsseldorf",
    )
    drafts = tmp_path / "d"
    assert run("mail", listed, "-w", str(ws), "--drafts", str(drafts)).exit_code == 0
    assert run("register", "import", listed, "-w", str(ws)).exit_code == 0
    result = run("mail", "--from-register", "-w", str(ws), "--drafts", str(drafts))
    assert result.exit_code == 0, result.output
    assert "0 zu versenden, 1 bereits erledigt" in result.output
    assert [p.name for p in drafts.iterdir()] == ["x-1.eml"]


@pytest.mark.parametrize(
    "language, gone, again",
    [
        (
            "de",
            "übersprungen uk-1 (Центр «Ольга»): Entwurf bereits geschrieben in Runde r1: {path}, "
            "eine Datei, die es nicht mehr gibt; wurde er nicht aus dem Mailprogramm versandt, "
            "schreibt --force ihn neu",
            "neu geschrieben uk-1 (Центр «Ольга»): der Entwurf der Runde r1, {path}, ist nicht "
            "mehr da (--force)",
        ),
        (
            "en",
            "skipped uk-1 (Центр «Ольга»): draft already written in round r1: {path}, a file "
            "that is gone; if it was not sent from the mail program, --force writes it again",
            "written again uk-1 (Центр «Ольга»): the draft of round r1, {path}, is gone (--force)",
        ),
    ],
)
def test_a_draft_deleted_before_it_was_sent_is_said_gone_and_written_again_with_force(
    tmp_path, language, gone, again
):
    ws = make_workspace(tmp_path / "ws", language=language).root
    listed = write(
        tmp_path / "l.csv",
        "uk-1;Центр «Ольга»;olga@centr.example;Psychotherapie;Düsseldorf",
        "tr-1;Danışma Merkezi Çiğdem;info@danisma.example;Psychotherapie;Düsseldorf",
    )
    drafts = tmp_path / "Entwürfe"
    args = ("mail", listed, "-w", str(ws), "--drafts", str(drafts), "--round", "r1")
    assert run(*args).exit_code == 0
    draft = drafts / "uk-1.eml"
    form = attached_pdf(draft)
    draft.unlink()
    path = str(draft.resolve())
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert gone.format(path=path) in result.output
    assert not draft.exists()
    forced = run(*args, "--force")
    assert forced.exit_code == 0, forced.output
    assert again.format(path=path) in forced.output
    # the same form again (its reference and identity), the other draft not written twice
    assert attached_pdf(draft) == form
    assert "tr-1 (Danışma Merkezi Çiğdem)" in forced.output.splitlines()[1]
    logged = map(json.loads, (ws / "sendlog.jsonl").read_text("utf-8").splitlines())
    drafted = [e["institution_id"] for e in logged if e["event"] == "drafted"]
    assert drafted == ["uk-1", "tr-1", "uk-1"]


@pytest.mark.parametrize(
    "language, mail_said, status_said",
    [
        (
            "de",
            "das Register ist leer: erst die Liste der Einrichtungen übernehmen (formgen register "
            "import LISTE), dann aus ihm anschreiben (formgen mail --from-register --drafts "
            "ORDNER), oder die Liste so anschreiben (formgen mail LISTE --drafts ORDNER)",
            "Hinweis: das Register ist leer (noch nichts eingelesen): die Liste der Einrichtungen "
            "übernehmen (formgen register import LISTE) oder sie anschreiben (formgen mail LISTE "
            "--drafts ORDNER)",
        ),
        (
            "en",
            "the register is empty: take your list of institutions into it first (formgen "
            "register import LIST), then mail them from it (formgen mail --from-register --drafts "
            "FOLDER), or mail the list as it is (formgen mail LIST --drafts FOLDER)",
            "note: the register is empty (nothing ingested yet): take your list of institutions "
            "into it (formgen register import LIST) or mail them (formgen mail LIST --drafts "
            "FOLDER)",
        ),
    ],
)
def test_an_empty_register_says_the_next_step(tmp_path, language, mail_said, status_said):
    ws = make_workspace(tmp_path / "ws", language=language).root
    result = run("mail", "--from-register", "-w", str(ws), "--drafts", str(tmp_path / "d"))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == mail_said
    assert status_said in run("status", "-w", str(ws)).output
    # the step it names, done: the register holds the institution, and the line is not said
    listed = write(
        tmp_path / "l.csv", "ar-2;جمعية الأمل;amal@jamiya.example;Psychotherapie;Düsseldorf"
    )
    assert run("register", "import", listed, "-w", str(ws)).exit_code == 0
    again = run("mail", "--from-register", "-w", str(ws), "--drafts", str(tmp_path / "d"))
    assert again.exit_code == 0, again.output
    assert mail_said not in again.output
    (draft,) = (tmp_path / "d").iterdir()  # under the register's id
    assert pdf_value(attached_pdf(draft), "institution.name") == "جمعية الأمل"
    assert status_said not in run("status", "-w", str(ws)).output
