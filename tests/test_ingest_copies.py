"""Copies of one return side by side: a sync client's conflict copies (OneDrive's
``Formular-DESKTOP-AB12.pdf``, ``Formular (1).pdf``), a form sent twice."""

from __future__ import annotations

import datetime as dt
import json
import os
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES, libreoffice, sample_workspace
from lxml import etree
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from test_docx_reader import edit, sdt, type_into
from test_register_returns import RECIPIENTS, run

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import load

FILLED = SAMPLES / "pdf" / "institution_pdfium.pdf"
"""The sample workspace's institution form as PDFium (Chrome) filled it."""


def _ingest(ws: Path, *paths: Path) -> dict:
    result = CliRunner().invoke(main, ["ingest", *map(str, paths), "-w", str(ws), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_original_name_is_merged_and_its_identical_copies_are_the_duplicates(
    tmp_path: Path,
) -> None:
    """A sync client left copies beside the returned form under names that add to its own:
    the report, the register and the archive name the original, the copies are ``duplicate``
    (sorted by the whole name, ' ' and '-' come before '.', so a copy was met first)."""
    ws, inbox = tmp_path / "ws", tmp_path / "Rückläufe"
    sample_workspace(ws)
    inbox.mkdir()
    copies = (
        "Formular-Zentrum (1).pdf",
        "Formular-Zentrum - Kopie.pdf",
        "Formular-Zentrum-DESKTOP-AB12.pdf",
    )
    for name in ("Formular-Zentrum.pdf", *copies):
        (inbox / name).write_bytes(FILLED.read_bytes())
    report = _ingest(ws, inbox)
    status = {Path(f["name"]).name: f["status"] for f in report["files"]}
    assert status == {"Formular-Zentrum.pdf": "warnings", **dict.fromkeys(copies, "duplicate")}
    register = json.loads((ws / "register.json").read_text("utf-8"))
    (source,) = register["sources"].values()
    assert source["file_name"] == "Formular-Zentrum.pdf"


BLANK = SAMPLES / "pdf" / "institution_blank.pdf"
"""The sample workspace's institution form, with two checklists, as formgen made it."""
OLDER = {"institution.phone": "0211 111111", "psychotherapie.contact_name": "Ольга Петрова"}
NEWER = {"institution.phone": "0211 999999", "psychotherapie.contact_name": "Łucja Żółć"}


def _filled(values: dict[str, str], day: str, form: Path = BLANK) -> bytes:
    """The ``form`` filled in PDFium (Chrome), dated ``day`` on both checklists."""
    dated = {
        f"{c}.{f}": v
        for c in ("psychotherapie", "fluechtlingsberatung")
        for f, v in (("date", day), ("initials", "ŞY"))
    }
    return pdfium_fill(form.read_bytes(), {**values, **dated})


def _save(path: Path, data: bytes, saved: str) -> Path:
    """``data`` as a file last saved at ``saved`` (as a sync client keeps it)."""
    path.write_bytes(data)
    when = dt.datetime.fromisoformat(saved).timestamp()
    os.utime(path, (when, when))
    return path


def _run(ws: Path, *paths: Path) -> str:
    result = CliRunner().invoke(main, ["ingest", *map(str, paths), "-w", str(ws)])
    assert result.exit_code == 0, result.output
    return result.output


def _held_older(ws: Path, output: str, older: str, why: str) -> None:
    """The older copy changed nothing: the register keeps the newer one's values and Datum,
    the older one's others wait as conflicts; its line says so."""
    reg = load(Workspace.open(ws))
    inst = reg.institutions["inst-0001"]
    assert inst["institution"]["phone"]["v"] == "+49 211 999999"
    entry = inst["entries"]["psychotherapie"]
    assert entry["fields"]["contact_name"]["v"] == "Łucja Żółć"
    assert entry["fields"]["date"]["v"] == "2026-11-23"
    held = {c["path"]: c for c in reg.conflicts()}
    assert set(held) == {"institution.phone", "psychotherapie.contact_name"}
    assert {c["reason_key"] for c in held.values()} == {"held_older_copy"}
    assert held["psychotherapie.contact_name"]["theirs"]["v"] == "Ольга Петрова"
    (line,) = [line for line in output.splitlines() if older in line]
    assert line.startswith("Hinweise") and "2 Konflikte" in line
    assert f"({why}): die ist der neueste Stand der Einrichtung" in output
    conflicts = CliRunner().invoke(main, ["register", "conflicts", "-w", str(ws)])
    assert "aus einer Kopie des Formulars, die älter ist als eine andere" in conflicts.output


def test_an_older_copy_met_after_the_newer_one_changes_nothing_by_itself(tmp_path: Path) -> None:
    """OneDrive kept the form filled on 18.11. as a conflict copy beside the one filled again
    on 23.11.: the copy's name sorts after, so it is merged second. It replaced the newer
    values silently (both 'aktualisiert'); now what it gives otherwise waits for a decision."""
    ws, inbox = tmp_path / "ws", tmp_path / "Rückläufe"
    sample_workspace(ws)
    inbox.mkdir()
    _save(inbox / "Formular-Zentrum.pdf", _filled(NEWER, "23.11.2026"), "2026-11-23T09:00")
    older = "Formular-Zentrum-DESKTOP-AB12.pdf"
    _save(inbox / older, _filled(OLDER, "18.11.2026"), "2026-11-18T10:00")
    output = _run(ws, inbox)
    _held_older(ws, output, older, "Datum 18.11.2026, dort 23.11.2026")


def test_an_older_copy_ingested_a_day_later_changes_nothing_by_itself(tmp_path: Path) -> None:
    """The newer copy ingested today, the older one tomorrow: the same."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    newer = _save(tmp_path / "neu.pdf", _filled(NEWER, "23.11.2026"), "2026-11-23T09:00")
    older = _save(tmp_path / "alt.pdf", _filled(OLDER, "18.11.2026"), "2026-11-18T10:00")
    _run(ws, newer)
    _held_older(ws, _run(ws, older), "alt.pdf", "Datum 18.11.2026, dort 23.11.2026")


def test_a_copy_with_an_invalid_datum_between_does_not_let_an_older_one_win(
    tmp_path: Path,
) -> None:
    """23.11., then a copy dated 31.02.2026 (no such day), then one dated 18.11.: the older
    one is still compared with 23.11., the last valid Datum, and held; it was merged as the
    newest, the register's Datum being invalid. Rebuilt from the journal, the same."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    newer = _save(tmp_path / "neu.pdf", _filled(NEWER, "23.11.2026"), "2026-11-23T09:00")
    invalid = {"institution.phone": "0211 555555", "psychotherapie.contact_name": "Şule Yılmaz"}
    odd = _save(tmp_path / "odd.pdf", _filled(invalid, "31.02.2026"), "2026-11-23T10:00")
    older = _save(tmp_path / "alt.pdf", _filled(OLDER, "18.11.2026"), "2026-11-18T10:00")
    _run(ws, newer)
    _run(ws, odd)
    output = _run(ws, older)
    assert "ist älter als eine andere, neu.pdf," in output
    assert "(Datum 18.11.2026, dort 23.11.2026)" in output
    for args in ([], ["--reread"]):
        if args:
            result = CliRunner().invoke(main, ["register", "rebuild", "-w", str(ws), *args])
            assert result.exit_code == 0, result.output
        reg = load(Workspace.open(ws))
        inst = reg.institutions["inst-0001"]
        assert inst["institution"]["phone"]["v"] == "+49 211 555555"
        assert inst["entries"]["psychotherapie"]["fields"]["contact_name"]["v"] == "Şule Yılmaz"
        held = {c["path"]: c for c in reg.conflicts()}
        assert set(held) == {"institution.phone", "psychotherapie.contact_name"}
        assert {c["reason_key"] for c in held.values()} == {"held_older_copy"}
        assert held["psychotherapie.contact_name"]["theirs"]["v"] == "Ольга Петрова"


def test_a_newer_copy_after_the_older_one_is_the_correction(tmp_path: Path) -> None:
    """The older copy first, the newer one after it: the newer one's values are taken."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    older = _save(tmp_path / "alt.pdf", _filled(OLDER, "18.11.2026"), "2026-11-18T10:00")
    newer = _save(tmp_path / "neu.pdf", _filled(NEWER, "23.11.2026"), "2026-11-23T09:00")
    _run(ws, older)
    output = _run(ws, newer)
    assert [line.split()[0] for line in output.splitlines() if "neu.pdf" in line] == ["ok"]
    reg = load(Workspace.open(ws))
    inst = reg.institutions["inst-0001"]
    assert inst["institution"]["phone"]["v"] == "+49 211 999999"
    assert inst["entries"]["psychotherapie"]["fields"]["date"]["v"] == "2026-11-23"
    assert reg.conflicts() == []


def test_a_files_modification_time_does_not_order_two_copies_dated_alike(tmp_path: Path) -> None:
    """Both copies dated 23.11.: the time a file was last saved tells nothing (copying,
    unpacking or checking out files sets it), so the copy met later is a correction of the
    first, as before, whichever file is the older; its line says so and names the other copy
    (it said 'ok' only: nobody learnt the two copies disagreed)."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    newer = _save(tmp_path / "neu.pdf", _filled(NEWER, "23.11.2026"), "2026-11-23T15:30Z")
    older = _save(tmp_path / "alt.pdf", _filled(OLDER, "23.11.2026"), "2026-11-23T09:15Z")
    _run(ws, newer)
    output = _run(ws, older)
    assert [line.split()[0] for line in output.splitlines() if "alt.pdf" in line] == ["Hinweise"]
    assert "gibt andere Werte an als eine andere, neu.pdf, die das Register seit dem" in output
    assert "daher wurde diese, später eingelesen, als ihre Korrektur übernommen" in output
    reg = load(Workspace.open(ws))
    assert reg.institutions["inst-0001"]["institution"]["phone"]["v"] == "+49 211 111111"
    assert reg.conflicts() == []


def _mail(data: bytes, date: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Psychosoziales Zentrum <info@pszd.example>"
    msg["To"] = "spkom@example.org"
    msg["Subject"] = "AW: Bestandsaufnahme"
    msg["Date"] = date
    msg.set_content("Anbei das Formular.")
    msg.add_attachment(data, "application", "pdf", filename="Formular.pdf")
    return bytes(msg)


def test_of_two_mails_with_copies_dated_alike_the_one_sent_earlier_is_older(
    tmp_path: Path,
) -> None:
    """The form sent twice on the same Datum, the mails saved later: the mail's Date says
    which copy is newer, whatever the order the files are met or saved in."""
    ws, inbox = tmp_path / "ws", tmp_path / "Posteingang"
    sample_workspace(ws)
    inbox.mkdir()
    newer = _mail(_filled(NEWER, "23.11.2026"), "Mon, 23 Nov 2026 15:30:00 +0100")
    older = _mail(_filled(OLDER, "23.11.2026"), "Mon, 23 Nov 2026 09:15:00 +0100")
    _save(inbox / "AW Bestandsaufnahme.eml", newer, "2026-11-20T08:00")
    _save(inbox / "AW Bestandsaufnahme (2).eml", older, "2026-11-24T08:00")
    output = _run(ws, inbox)
    local = dt.datetime.fromisoformat("2026-11-23T09:15+01:00").astimezone()
    later = dt.datetime.fromisoformat("2026-11-23T15:30+01:00").astimezone()
    why = (
        f"gesendet am {local:%d.%m.%Y} um {local:%H:%M}, "
        f"die andere am {later:%d.%m.%Y} um {later:%H:%M}"
    )
    _held_older(ws, output, "(2).eml#1/1 Formular.pdf", why)


def _form(ws: Path, iid: str, out: Path) -> Path:
    """The institution's form as the register holds it now (``formgen generate``)."""
    made = CliRunner().invoke(
        main, ["generate", "pdf", "--institution", iid, "-w", str(ws), "--out", str(out)]
    )
    assert made.exit_code == 0, made.output
    return out


def test_a_copy_dated_after_the_last_valid_datum_is_a_late_answer_after_an_invalid_one(
    tmp_path: Path,
) -> None:
    """The form's first copy, dated 10.11.; then the update form made after it, returned dated
    31.02.2026 (no such day); then a second copy of the first form, dated 23.11.: later than
    the last valid Datum, it is the institution's latest word, a late answer, as the
    older-copy rule reads that Datum. Its Datum and the name only it changed are taken, the
    phone the update form changed too waits as changed on both sides. It was held whole as
    from an older form, the register's Datum being no day to compare with. Rebuilt alike."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    known = tmp_path / "Liste.csv"  # the centre's list: the register's first word of it
    known.write_text(
        "category;name;postcode\r\npsychotherapie;Psychosoziales Zentrum Düsseldorf;40211\r\n"
        "fluechtlingsberatung;Psychosoziales Zentrum Düsseldorf;40211\r\n",
        "utf-8",
    )
    imported = CliRunner().invoke(main, ["register", "import", str(known), "-w", str(ws)])
    assert imported.exit_code == 0, imported.output
    (iid,) = load(Workspace.open(ws)).institutions
    first = _form(ws, iid, tmp_path / "Formular.pdf")
    _run(ws, _save(tmp_path / "erste.pdf", _filled(OLDER, "10.11.2026", first), "2026-11-10T10:00"))
    update = _form(ws, iid, tmp_path / "Aktualisierung.pdf")
    odd = _filled({"institution.phone": "0211 555555"}, "31.02.2026", update)
    _run(ws, _save(tmp_path / "neu.pdf", odd, "2026-11-20T10:00"))
    second = _filled(NEWER, "23.11.2026", first)
    output = _run(ws, _save(tmp_path / "zweite.pdf", second, "2026-11-23T10:00"))
    assert "ist älter als" not in output, output
    for args in ([], ["--reread"]):
        if args:
            result = CliRunner().invoke(main, ["register", "rebuild", "-w", str(ws), *args])
            assert result.exit_code == 0, result.output
        reg = load(Workspace.open(ws))
        inst = reg.institutions[iid]
        entry = inst["entries"]["psychotherapie"]["fields"]
        assert (entry["date"]["v"], entry["initials"]["v"]) == ("2026-11-23", "ŞY")
        assert entry["contact_name"]["v"] == "Łucja Żółć"
        assert inst["institution"]["phone"]["v"] == "+49 211 555555"
        (held,) = reg.conflicts()
        assert (held["path"], held["theirs"]["v"]) == ("institution.phone", "+49 211 999999")
        assert held.get("reason_key") != "held_superseded"


@pytest.mark.parametrize("first", ["pdf", "docx"])
def test_the_pdf_and_the_word_file_of_one_mail_that_disagree_wait_in_either_order(
    tmp_path: Path, first: str
) -> None:
    """``formgen mail --format both``: one form as PDF and as Word file. Both came back, the
    PDF filled in Chrome (PDFium) by one person, the Word file by another and saved by
    LibreOffice 7.4, the same Datum, no mail to tell which was sent later. Word first, the
    PDF's values replaced the Word file's silently; PDF first, the Word file's were held as
    read by position. Now in either order the names and initials they disagree on wait as
    conflicts, said as such, and the line names the other file."""
    ws = make_workspace(tmp_path / "ws")
    drafts = tmp_path / "Entwürfe"
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(drafts), "--format", "both")
    (pdf,) = (ws.root / "forms" / "mail").glob("*/ua-1_*.pdf")
    (word,) = (ws.root / "forms" / "mail").glob("*/ua-1_*.docx")
    day = {"psychotherapie.date": "24.11.2026"}
    filled_pdf = pdfium_fill(
        pdf.read_bytes(),
        {
            **day,
            "psychotherapie.contact_name": "Hans-Jürgen Meier",
            "psychotherapie.initials": "HJM",
        },
    )

    def typed(root: etree._Element) -> None:
        for tag, text in (*day.items(), ("psychotherapie.contact_name", "Zeynep Çelik"),
                          ("psychotherapie.initials", "ZÇ")):  # fmt: skip
            type_into(sdt(root, tag), text)

    saved = libreoffice(edit(word.read_bytes(), typed), "docx:MS Word 2007 XML", tmp_path)
    inbox = tmp_path / "Rückläufe"
    inbox.mkdir()
    names = {"pdf": "a-Formular.pdf", "docx": "b-Formular.docx"}
    if first == "docx":
        names = {"pdf": "b-Formular.pdf", "docx": "a-Formular.docx"}
    (inbox / names["pdf"]).write_bytes(filled_pdf)
    (inbox / names["docx"]).write_bytes(saved)
    output = run("ingest", str(inbox), "-w", str(ws.root))
    reg = load(ws)
    held = {c["path"]: c for c in reg.conflicts()}
    assert set(held) == {"psychotherapie.contact_name", "psychotherapie.initials"}, output
    assert {c["reason_key"] for c in held.values()} == {"held_twin_copy"}
    fields = reg.institutions["ua-1"]["entries"]["psychotherapie"]["fields"]
    names_given = {"Hans-Jürgen Meier", "Zeynep Çelik"}
    assert {
        fields["contact_name"]["v"],
        held["psychotherapie.contact_name"]["theirs"]["v"],
    } == names_given
    second = names["docx" if first == "pdf" else "pdf"]
    (line,) = [line for line in output.splitlines() if f"{second}: Formular FG-" in line]
    assert line.startswith("Hinweise") and "2 Konflikte" in line, output
    assert f"und eine andere, {names[first]}, die das Register seit dem" in output
    assert "das PDF und die Word-Datei einer Mail, beide ausgefüllt" in output
    conflicts = run("register", "conflicts", "-w", str(ws.root))
    assert "das PDF und die Word-Datei desselben Formulars geben verschiedene Werte an" in conflicts
    run("register", "rebuild", "-w", str(ws.root))  # the journal replayed: the same held values
    assert load(ws).conflicts() == reg.conflicts()
