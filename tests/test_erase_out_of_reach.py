"""What an access request (``register find --all``, DSGVO Art. 15) and an erasure (``register
erase``, Art. 17) name that formgen cannot reach: the mails whose forms held the person's values
(sent through SMTP, or written as drafts the coordinator may have sent), and the files formgen
wrote outside the workspace (``--out``, ``--output``, ``-o``). A German workspace, a real SMTP
server in-process, a return filled by PDFium."""

from __future__ import annotations

import datetime as dt
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
