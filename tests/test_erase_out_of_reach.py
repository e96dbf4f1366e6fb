"""What an access request (``register find --all``, DSGVO Art. 15) and an erasure (``register
erase``, Art. 17) name that formgen cannot reach: the mails whose forms held the person's values
(sent through SMTP, or written as drafts the coordinator may have sent), and the files formgen
wrote outside the workspace (``--out``, ``--output``, ``-o``). A German workspace, a real SMTP
server in-process, a return filled by PDFium."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from click.testing import CliRunner, Result
from mailkit import Inbox, make_workspace, smtp_server
from pdf_engines import pdfium_fill
from test_register_returns import RECIPIENTS, mailed_form

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.erase import holds

ZOFIA = "Zofia Wiśniewska-Łęcka"
NOTE = "Art. 17: Frau W. hat die Stelle verlassen"


def fg(*args: str | Path) -> str:
    done: Result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    return " ".join(done.output.split())


def returned(tmp_path: Path, port: int) -> Path:
    """ua-1 (Ольга Петренко – Консультація) returned its invitation with Zofia as its contact
    person; the update round went out twice: as drafts (d2), then through SMTP."""
    ws = tmp_path / "ws"
    make_workspace(ws, port)
    fg("mail", RECIPIENTS, "-w", ws, "--drafts", tmp_path / "d1", "--round", "einladung")
    back = tmp_path / "Rückmeldung.pdf"
    form = mailed_form(Workspace.open(ws), "ua-1").read_bytes()
    back.write_bytes(pdfium_fill(form, {"psychotherapie.contact_name": ZOFIA}))
    fg("ingest", back, "-w", ws)
    fg("mail", "--from-register", "-w", ws, "--drafts", tmp_path / "d2", "--round", "entwurf")
    fg("mail", "--from-register", "-w", ws, "--send", "--round", "versand", "--force")
    return ws


def test_erase_and_find_all_name_each_mail_whose_form_held_her_name(tmp_path: Path) -> None:
    """Her name was in the form attached to the draft (round „entwurf“) and to the mail sent
    to olga@example.org (round „versand“): find --all names both with the form it lists, and
    the erasure names both as out of its reach, with round, day and address; the draft file
    itself is deleted. The invitation (made from the list, without her name) is not named."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = returned(tmp_path, server.port)
    sent = inbox.by_rcpt()["olga@example.org"]
    assert ZOFIA in str(sent) or any(
        holds(p.get_payload(decode=True), [ZOFIA]) for p in sent.walk() if not p.is_multipart()
    )
    day = dt.date.today().strftime("%d.%m.%Y")

    found = fg("register", "find", "--all", ZOFIA, "-w", ws)

    assert "Mails mit diesen Formularen (sendlog.jsonl)" in found
    for how, round_ in (("Entwurf", "entwurf"), ("verschickt", "versand")):
        assert (
            f"ua-1 Ольга Петренко – Консультація · {round_} · {how} · {day}: „olga@example.org“"
            in found
        )
    assert "· einladung ·" not in found

    erased = fg("register", "erase", "ua-1", "psychotherapie.contact_name", "-w", ws, "--note", NOTE, "--yes")  # fmt: skip

    assert (
        "verschickte Mail mit einem der Werte (im Formular oder als Adresse), außer Reichweite "
        f"der Löschung: Runde versand, {day}, an olga@example.org: im Postfach (Gesendet) von "
        "Hand löschen und den Empfänger darum bitten"
    ) in erased
    assert (
        "als Entwurf geschriebene Mail mit einem der Werte (im Formular oder als Adresse), "
        "außer Reichweite der Löschung, falls sie aus dem Mailprogramm verschickt wurde: Runde "
        f"entwurf, {day}, an olga@example.org"
    ) in erased
    assert "Runde einladung" not in erased
    assert not (tmp_path / "d2" / "ua-1.eml").exists()
    assert f"„{ZOFIA}“: nirgends gefunden" in fg("register", "find", "--all", ZOFIA, "-w", ws)


def test_a_mail_whose_sending_was_never_confirmed_is_named_as_maybe_sent(tmp_path: Path) -> None:
    """The round „versand“ handed ua-1's mail (her name in its form) to the server and was
    killed before the server's answer was logged: a ``sending`` line with no ``sent`` after
    it. find --all and the erasure named the draft of „entwurf“ only, as if that mail had
    never gone; it may have: both name it, with its round, day and address, as not known to
    have gone (--json: field maybe_sent)."""
    inbox = Inbox()
    with smtp_server(inbox) as server:
        ws = returned(tmp_path, server.port)
    log = ws / "sendlog.jsonl"
    lines = log.read_text("utf-8").splitlines(keepends=True)
    (sent,) = (
        i
        for i, line in enumerate(lines)
        if '"event": "sent"' in line and '"ua-1"' in line and '"versand"' in line
    )
    assert '"event": "sending"' in lines[sent - 1]
    log.write_text("".join(lines[:sent] + lines[sent + 1 :]), "utf-8")
    day = dt.date.today().strftime("%d.%m.%Y")

    found = fg("register", "find", "--all", ZOFIA, "-w", ws)

    assert (
        "ua-1 Ольга Петренко – Консультація · versand · vielleicht verschickt (der Lauf endete "
        f"vor der Antwort des Servers) · {day}: „olga@example.org“"
    ) in found
    listed = CliRunner().invoke(main, ["register", "find", "--all", ZOFIA, "-w", str(ws), "--json"])
    mails = [p for p in json.loads(listed.output)["places"] if p["where"] == "mail"]
    assert {(p["about"], p["field"]) for p in mails} == {
        ("entwurf", "draft"),
        ("versand", "maybe_sent"),
    }

    erased = fg("register", "erase", "ua-1", "psychotherapie.contact_name", "-w", ws, "--note", NOTE, "--yes")  # fmt: skip

    assert (
        "Mail mit einem der Werte (im Formular oder als Adresse), deren Versand nie bestätigt "
        "wurde (der Lauf endete, während sie an den Server ging, bevor seine Antwort vermerkt "
        "war: sie kann verschickt sein), außer Reichweite der Löschung: Runde versand, "
        f"{day}, an olga@example.org: im Postfach (Gesendet) suchen"
    ) in erased
    assert "Runde entwurf" in erased and "verschickte Mail" not in erased


LIST = (
    "institution_id;category;name;street;postcode;city;region;phone;email;languages_offered;"
    "contact_name;contact_phone;contact_email\n"
    ";krisendienst;Polska Misja Katolicka – Poradnia Łódź;Musterstraße 2;41460;Neuss;"
    f"neuss_meerbusch;0211 1000037;poradnia@example.org;pl,de;{ZOFIA};"
    "0211 9876543;zofia.wl@poradnia-example.org\n"
    ";psychotherapie;Praxis Öztürk;Rheinstraße 1;40213;Düsseldorf;duesseldorf;0211 1111111;"
    "praxis@oeztuerk.example;tr,de;Ayşe Öztürk;0211 2222222;a.oeztuerk@oeztuerk.example\n"
)


def test_erase_and_find_all_name_the_files_written_outside_the_workspace(tmp_path: Path) -> None:
    """Her institution's form for a telephone call (generate pdf|docx --institution --out), a
    meeting's forms (generate --recipients --out), a print and a table for a working group
    (register print --output, register export -o) were written outside the workspace, each
    holding her name: find --all names every one with its day, the print moved away as no
    longer there; the erasure names those that hold her values, to be deleted by hand, and
    keeps them, names the print as gone, and not Praxis Öztürk's form. Files written inside
    the workspace are not logged."""
    ws, out = tmp_path / "ws", tmp_path / "AG Migration"
    fg("init", ws, "--sender", "spkom@example.org")
    (tmp_path / "liste.csv").write_text(LIST, "utf-8")
    fg("register", "import", tmp_path / "liste.csv", "-w", ws, "--note", "Liste")
    (tmp_path / "treffen.csv").write_text(
        "id;institution;email;categories;region\n"
        "inst-0001;Polska Misja;poradnia@example.org;krisendienst;neuss_meerbusch\n"
        "inst-0002;Praxis Öztürk;praxis@oeztuerk.example;psychotherapie;duesseldorf\n",
        "utf-8",
    )
    telefonat = out / "Telefonat Łódź.pdf"
    fg("generate", "pdf", "--institution", "inst-0001", "-w", ws, "--out", telefonat)
    fg("generate", "docx", "--institution", "inst-0001", "-w", ws, "--out", out / "Łódź.docx")
    fg("generate", "pdf", "--recipients", tmp_path / "treffen.csv", "-w", ws, "--out", out / "Treffen")  # fmt: skip
    fg("register", "print", "-w", ws, "--output", out / "Verzeichnis.pdf")
    fg("register", "export", "-w", ws, "--format", "xlsx", "-o", out / "Verzeichnis.xlsx")
    fg("register", "print", "-w", ws)  # in exports/: not logged
    (out / "Verzeichnis.pdf").rename(tmp_path / "verschoben.pdf")
    day = dt.date.today().strftime("%d.%m.%Y")
    forms = sorted((out / "Treffen").glob("*.pdf"))
    theirs = [p for p in forms if p.name.startswith("inst-0002")]
    ours = [p for p in forms if p.name.startswith("inst-0001")]
    assert len(theirs) == len(ours) == 1 and holds(ours[0].read_bytes(), [ZOFIA])

    found = fg("register", "find", "--all", ZOFIA, "-w", ws)

    assert (
        "Nicht durchsucht, von formgen außerhalb des Arbeitsbereichs geschrieben (--out, "
        "--output, -o; written.jsonl): Formulare, Drucke und Tabellen, die den Text enthalten "
        "können:"
    ) in found
    for path in (telefonat, out / "Łódź.docx", *forms, out / "Verzeichnis.xlsx"):
        assert f" {path} · {day} " in f"{found} ", path
    assert f"{out / 'Verzeichnis.pdf'} · {day} · nicht mehr da (verschoben oder gelöscht)" in found
    assert "exports" not in found.split("written.jsonl")[1]

    erased = fg("register", "erase", "inst-0001", "krisendienst.contact_name", "-w", ws, "--note", NOTE, "--yes")  # fmt: skip

    for path in (telefonat, out / "Łódź.docx", ours[0], out / "Verzeichnis.xlsx"):
        assert (
            f"Datei, die formgen am {day} außerhalb des Arbeitsbereichs schrieb (--out, --output, "
            f"-o), mit einem der Werte, außer Reichweite der Löschung: {path}: von Hand löschen"
        ) in erased
        assert path.exists()
    assert (
        f"Datei, die formgen am {day} außerhalb des Arbeitsbereichs schrieb (--out, --output, "
        f"-o), nicht mehr da: {out / 'Verzeichnis.pdf'}: falls verschoben oder kopiert, dort "
        "von Hand löschen"
    ) in erased
    assert str(theirs[0]) not in erased and "manifest.csv" not in erased


def test_a_file_written_into_a_folder_named_in_another_encoding_is_remembered(
    tmp_path: Path,
) -> None:
    """A folder whose name is not UTF-8 (made on a Latin-1 system: „Düren“ as one byte ü):
    the forms are written there and remembered, escaped, and find --all names the folder as
    formgen shows such names; the command ended with a traceback after writing them."""
    ws = tmp_path / "ws"
    fg("init", ws, "--sender", "spkom@example.org")
    (tmp_path / "liste.csv").write_text(LIST, "utf-8")
    fg("register", "import", tmp_path / "liste.csv", "-w", ws, "--note", "Liste")
    out = Path(os.fsdecode(bytes(tmp_path) + b"/D\xfcren"))
    fg("generate", "pdf", "--institution", "inst-0001", "-w", ws, "--out", out / "a.pdf")

    assert (out / "a.pdf").is_file()
    found = fg("register", "find", "--all", "Polska", "-w", ws)
    assert f"{tmp_path}/D\\udcfcren/a.pdf · " in found  # its byte shown as formgen shows it


def test_a_print_is_kept_where_the_workspace_cannot_note_it(tmp_path: Path) -> None:
    """A colleague who may only read the workspace prints the register to her own folder:
    the print is written and the command succeeds, saying that formgen could not note it and
    that an erasure will not name it (here the log cannot be opened: a folder in its place)."""
    ws = tmp_path / "ws"
    fg("init", ws, "--sender", "spkom@example.org")
    (tmp_path / "liste.csv").write_text(LIST, "utf-8")
    fg("register", "import", tmp_path / "liste.csv", "-w", ws, "--note", "Liste")
    (ws / "written.jsonl").mkdir()
    out = tmp_path / "Łódź" / "Verzeichnis.pdf"

    done = CliRunner().invoke(main, ["register", "print", "-w", str(ws), "--output", str(out)])

    assert done.exit_code == 0, done.output
    assert holds(out.read_bytes(), [ZOFIA])
    said = " ".join(done.stderr.split())
    assert (
        f"{out} wurde geschrieben, aber formgen konnte es nicht in written.jsonl vermerken" in said
    )
    assert "ein späteres „register erase“ nennt es nicht" in said
