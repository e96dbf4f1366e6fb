"""The quarantine as the coordinator meets it: ``formgen status`` counts what is still open,
``formgen quarantine`` says why in the workspace's language, and a file dealt with — typed in
by hand, or answered by its institution since — stops counting as open but stays kept.

Found by the return-season audit: a photo of the paper form stayed in the quarantine for good
after the coordinator did what its line said (typed its values into the institution's form and
ingested that); status kept saying to ingest the quarantine "sobald behoben", which only kept it
aside again, counted "1 Datei(en)" and sent the coordinator to records whose reasons were
English.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

from click.testing import CliRunner, Result
from ingest_support import SAMPLES, sample_workspace

from formgen.cli import main
from formgen.messages import date_text

SCAN = SAMPLES / "pictures" / "scan-rueckmeldung.jpg"
NUMBER = hashlib.sha256(SCAN.read_bytes()).hexdigest()[:8]
FORM = SAMPLES / "pdf" / "institution_pdfium.pdf"  # inst-0001, Psychosoziales Zentrum Düsseldorf
NOTE = "in das Formular von inst-0001 abgetippt (Çiğdem Öztürk)"


def fg(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def _photo(tmp_path: Path) -> Path:
    """The photo as a phone's gallery names it, saved loose into the inbox: nothing says whose."""
    inbox = tmp_path / "Eingang"
    inbox.mkdir()
    return Path(shutil.copy(SCAN, inbox / "IMG_20261126_101500.jpg"))


def _record(ws: Path) -> Path:
    (record,) = (ws / "quarantine").glob("*.json")
    return record


def test_a_photo_typed_in_by_hand_is_marked_dealt_with_and_stays_kept(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    assert fg("ingest", _photo(tmp_path), "-w", ws).exit_code == 0
    status = fg("status", "-w", ws)
    assert (
        f"Quarantäne: 1 Datei beiseitegelegt (1 Foto oder Scan) → formgen quarantine -w {ws} "
        "nennt Grund, Absender und was zu tun ist"
    ) in status.output.splitlines(), status.output
    listed = fg("quarantine", "-w", ws)
    assert listed.exit_code == 0, listed.output
    today = date_text(dt.date.today(), "de")
    lines = listed.output.splitlines()
    assert lines[0] == f"1 Datei beiseitegelegt in {ws / 'quarantine'}, davon 1 offen"
    assert f"{NUMBER}  Foto oder Scan  IMG_20261126_101500.jpg, eingegangen {today}" in lines
    assert "  ein Bild mit 1241×1754 Pixeln: ein Foto oder Scan eines Papierformulars? " in (
        listed.output
    )
    assert (
        f"→ erledigt (in das Formular der Einrichtung abgetippt, beim Absender nachgefragt)? → "
        f"formgen quarantine -w {ws} --done {NUMBER} --note „…“"
    ) in lines
    assert "formgen ingest" not in listed.output  # a picture is never read: typed in
    # the record says it in German too, for whoever opens it
    assert json.loads(_record(ws).read_text("utf-8"))["reason_in"]["de"].startswith("ein Bild")

    # the coordinator types the values into the institution's form and ingests it: formgen
    # cannot know the loose photo was that form
    assert fg("ingest", FORM, "-w", ws).exit_code == 0
    assert "Quarantäne: 1 Datei beiseitegelegt" in fg("status", "-w", ws).output

    done = fg("quarantine", "-w", ws, "--done", "IMG_20261126_101500.jpg", "--note", NOTE)
    assert done.exit_code == 0, done.output
    assert done.output == (
        f"{NUMBER} (IMG_20261126_101500.jpg): als erledigt vermerkt ({NOTE})\n"
        f"  die Datei bleibt in {ws / 'quarantine'}; die falsche? → formgen quarantine -w {ws} "
        f"--reopen {NUMBER} --note „…“\n"
    )
    assert (ws / "quarantine" / f"{_record(ws).stem}.jpg").read_bytes() == SCAN.read_bytes()
    assert json.loads(_record(ws).read_text("utf-8"))["dealt_with"]["note"] == NOTE
    status = fg("status", "-w", ws)
    assert (
        f"Quarantäne: 1 Datei erledigt, keine offen (formgen quarantine -w {ws})"
        in status.output.splitlines()
    ), status.output
    data = json.loads(fg("status", "-w", ws, "--json").output)
    assert (data["quarantine"], data["quarantine_dealt_with"]) == ({}, {"picture": 1})
    listed = fg("quarantine", "-w", ws)
    assert f"  erledigt am {today}: {NOTE}" in listed.output.splitlines()
    assert "--done" not in listed.output  # nothing left to do

    # ingesting the quarantine again keeps it aside, and dealt with
    assert fg("ingest", ws / "quarantine", "-w", ws).exit_code == 0
    assert "dealt_with" in json.loads(_record(ws).read_text("utf-8"))

    again = fg("quarantine", "-w", ws, "--done", NUMBER[:4], "--note", "noch einmal")
    assert again.exit_code == 1
    assert again.output == (
        f"Fehler: {NUMBER} (IMG_20261126_101500.jpg): schon am {today} als erledigt vermerkt "
        f"({NOTE}); nichts geändert\n"
    )
    unknown = fg("quarantine", "-w", ws, "--done", "IMG_0001.jpg", "--note", NOTE)
    assert unknown.exit_code == 1
    assert unknown.output == (
        f"Fehler: IMG_0001.jpg: keine Datei der Quarantäne heißt so; „formgen quarantine -w "
        f"{ws}“ nennt sie mit ihren Nummern\n"
    )
    blank = fg("quarantine", "-w", ws, "--done", NUMBER, "--note", "  ")
    assert blank.exit_code == 2
    assert blank.stderr.endswith(
        "Fehler: --done braucht --note: was wurde getan (abgetippt, nachgefragt)?\n"
    )
    alone = fg("quarantine", "-w", ws, "--note", NOTE)
    assert alone.exit_code == 2
    assert alone.stderr == (
        "Aufruf: main quarantine [OPTIONEN]\nHilfe: main quarantine --help\n\n"
        "Fehler: --note nur zusammen mit --done, --reopen oder --delete NUMMER\n"
    )

    # a second photo came in under the same name: the name names both
    second = tmp_path / "Eingang2" / "IMG_20261126_101500.jpg"
    second.parent.mkdir()
    shutil.copy(SAMPLES / "pictures" / "foto-rueckmeldung.heic", second)
    assert fg("ingest", second, "-w", ws).exit_code == 0
    both = fg("quarantine", "-w", ws, "--done", second.name, "--note", NOTE)
    assert both.exit_code == 1
    assert both.stderr.startswith(
        f"Fehler: {second.name} passt auf 2 Dateien der Quarantäne ("
    ) and both.stderr.endswith("); bitte mehr Stellen der Nummer angeben\n")


def test_a_photo_mailed_by_the_institution_is_dealt_with_once_it_answered_since(
    tmp_path: Path,
) -> None:
    """The photo came in a mail from the institution's address: its return, merged after the
    photo came in, is its answer. One merged before is not, nor is any answer for a form whose
    identity was tampered with."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    assert fg("ingest", FORM, "-w", ws).exit_code == 0
    address = "praxis.oeztuerk@example.org"  # the sender of foto-mail.eml
    set_by_hand = ["inst-0001", "institution.email", address, "--note", "Telefon", "-w", ws]
    assert fg("register", "set", *set_by_hand).exit_code == 0
    mail = fg("ingest", SAMPLES / "pictures" / "foto-mail.eml", "-w", ws)
    assert mail.exit_code == 0, mail.output
    # the institution's return came before the photo: the photo is still to be dealt with
    assert "Quarantäne: 1 Datei beiseitegelegt (1 Foto oder Scan)" in fg("status", "-w", ws).output
    listed = fg("quarantine", "-w", ws).output
    assert f"{NUMBER}  Foto oder Scan  Scan Rückmeldung Öztürk.jpg, eingegangen " in listed
    assert f", von Çiğdem Öztürk <{address}>, Betreff: " in listed

    # the photo came in three days before that return
    record = json.loads(_record(ws).read_text("utf-8"))
    came = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    record["arrivals"][0]["quarantined_at"] = came.strftime("%Y-%m-%dT%H:%M:%S%z")
    _record(ws).write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    status = fg("status", "-w", ws)
    assert f"Quarantäne: 1 Datei erledigt, keine offen (formgen quarantine -w {ws})" in (
        status.output.splitlines()
    ), status.output
    today = date_text(dt.date.today(), "de")
    assert (
        f"  erledigt: inst-0001 (Psychosoziales Zentrum Düsseldorf) hat am {today} "
        "geantwortet; die Rückmeldung ist im Register"
    ) in fg("quarantine", "-w", ws).output.splitlines()
    assert (ws / "quarantine" / f"{_record(ws).stem}.jpg").exists()

    _record(ws).write_text(json.dumps({**record, "kind": "tampered"}), "utf-8")
    assert (
        "Quarantäne: 1 Datei beiseitegelegt (1 aus anderem Arbeitsbereich oder Kennung verändert)"
        in fg("status", "-w", ws).output
    )
    # a copy whose values could not be read, of the form made for inst-0001, from elsewhere
    record["arrivals"][0]["mail_from"] = "Kopierer <scan@example.org>"
    copy = {**record, "kind": "unread-copy", "form": None}
    _record(ws).write_text(json.dumps(copy), "utf-8")
    assert "Quarantäne: 1 Datei beiseitegelegt (1 unlesbare" in fg("status", "-w", ws).output
    _record(ws).write_text(json.dumps({**copy, "form": "FG-84G7Z-WYRD6"}), "utf-8")
    assert "Quarantäne: 1 Datei erledigt, keine offen" in fg("status", "-w", ws).output


def test_an_english_workspace_counts_and_lists_in_english(tmp_path: Path) -> None:
    """Two files, said in English; a record an earlier formgen wrote (English reason only)
    shows that reason in a German workspace too."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    config = ws / "workspace.toml"
    config.write_text(config.read_text("utf-8").replace('language = "de"', 'language = "en"'))
    heic = SAMPLES / "pictures" / "foto-rueckmeldung.heic"
    assert fg("ingest", _photo(tmp_path), heic, "-w", ws).exit_code == 0
    status = fg("status", "-w", ws)
    assert (
        f"quarantine: 2 files kept aside (2 picture) → formgen quarantine -w {ws} says why, "
        "who sent them and what to do"
    ) in status.output.splitlines(), status.output
    listed = fg("quarantine", "-w", ws)
    assert listed.output.startswith(f"2 files kept aside in {ws / 'quarantine'}, 2 of them open\n")
    assert "  a picture of 1241×1754 pixels: a photo or scan of a paper form? " in listed.output
    assert fg("quarantine", "-w", ws, "--done", NUMBER, "--note", "typed in").exit_code == 0
    assert (
        f"quarantine: 1 file kept aside (1 picture); 1 more dealt with → formgen quarantine "
        f"-w {ws} says why, who sent it and what to do"
    ) in fg("status", "-w", ws).output.splitlines()

    config.write_text(config.read_text("utf-8").replace('language = "en"', 'language = "de"'))
    for record in (ws / "quarantine").glob("*.json"):
        older = json.loads(record.read_text("utf-8"))
        del older["reason_in"]
        record.write_text(json.dumps(older), "utf-8")
    assert "  a picture of 1241×1754 pixels" in fg("quarantine", "-w", ws).output


def test_a_record_of_an_earlier_formgen_says_its_reason_in_german_where_formgen_knows_it(
    tmp_path: Path,
) -> None:
    """An earlier formgen kept the English reason only. Where it is exactly the English of
    words formgen has (without values in it), a German workspace shows the German words; any
    other reason (one that names a file, a size …) as stored."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    folder = ws / "quarantine"
    folder.mkdir(exist_ok=True)
    known = (
        "unknown form: no formgen identity (not a form made by formgen, a scan, or its "
        "identity fields were removed); kept aside in the quarantine, not merged"
    )
    other = "unknown form: Rückmeldung.pdf is no PDF; kept aside in the quarantine, not merged"
    for sha, reason in (("a" * 64, known), ("b" * 64, other)):
        (folder / f"{sha}.pdf").write_bytes(b"%PDF-1.4 " + sha.encode())
        record = {"file": "Rückmeldung.pdf", "sha256": sha, "kind": "unknown-form",
                  "quarantined_at": "2026-11-20T10:15:00+0100"}  # fmt: skip
        (folder / f"{sha}.json").write_text(json.dumps({**record, "reason": reason}), "utf-8")
    listed = fg("quarantine", "-w", ws)
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert (
        "  unbekanntes Formular: keine formgen-Kennung (kein mit formgen erstelltes Formular, "
        "ein Scan, oder die Kennungsfelder wurden entfernt); in der Quarantäne beiseitegelegt, "
        "nicht übernommen"
    ) in lines, lines
    assert f"  {other}" in lines and f"  {known}" not in lines


def test_a_record_whose_day_was_edited_by_hand_is_listed_with_the_text_as_stored(
    tmp_path: Path,
) -> None:
    """A record edited by hand whose quarantined_at (or day dealt with) is no moment is listed
    with the text as stored, one without any as „unbekannt“; never a traceback."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    folder = ws / "quarantine"
    folder.mkdir(exist_ok=True)
    for sha, at in (("a" * 64, "letzte Woche"), ("b" * 64, None), ("c" * 64, 20261120)):
        (folder / f"{sha}.pdf").write_bytes(b"%PDF-1.4 " + sha.encode())
        record = {"file": f"{sha[0]}-Rückmeldung.pdf", "sha256": sha, "kind": "unknown-form",
                  "quarantined_at": at, "reason": "x"}  # fmt: skip
        if sha[0] == "c":
            record["dealt_with"] = {"at": "gestern", "note": "abgetippt"}
        (folder / f"{sha}.json").write_text(json.dumps(record), "utf-8")
    listed = fg("quarantine", "-w", ws)
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert "aaaaaaaa  unbekanntes Formular  a-Rückmeldung.pdf, eingegangen letzte Woche" in lines
    assert "bbbbbbbb  unbekanntes Formular  b-Rückmeldung.pdf, eingegangen unbekannt" in lines
    assert "cccccccc  unbekanntes Formular  c-Rückmeldung.pdf, eingegangen 20261120" in lines
    assert "  erledigt am gestern: abgetippt" in lines
    again = fg("quarantine", "-w", ws, "--done", "cccc", "--note", "noch einmal")
    assert again.exit_code == 1
    assert "schon am gestern als erledigt vermerkt (abgetippt); nichts geändert" in again.output


def test_a_file_marked_by_mistake_or_answered_without_it_is_opened_again(tmp_path: Path) -> None:
    """--done given to the wrong file is undone with --reopen, the mark kept in the record; an
    institution's answer that did not hold what its file held (a second service's form) is set
    aside the same way, and only an answer merged after that counts again."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    assert fg("ingest", _photo(tmp_path), "-w", ws).exit_code == 0
    today = date_text(dt.date.today(), "de")
    open_one = fg("quarantine", "-w", ws, "--reopen", NUMBER, "--note", "falsch")
    assert open_one.exit_code == 1
    assert open_one.output == (
        f"Fehler: {NUMBER} (IMG_20261126_101500.jpg): ist offen, weder als erledigt vermerkt "
        "noch seither beantwortet; nichts geändert\n"
    )
    assert fg("quarantine", "-w", ws, "--done", NUMBER, "--note", NOTE).exit_code == 0
    bare = fg("quarantine", "-w", ws, "--reopen", NUMBER)
    assert bare.exit_code == 2
    assert bare.stderr.endswith("Fehler: --reopen braucht --note: warum ist sie wieder offen?\n")
    both = fg("quarantine", "-w", ws, "--reopen", NUMBER, "--done", NUMBER, "--note", "x")
    assert both.exit_code == 2
    assert both.stderr.endswith("Fehler: --done, --reopen oder --delete: nur eines davon\n")

    why = "falsche Datei, Şükrü fragt nach"
    again = fg("quarantine", "-w", ws, "--reopen", NUMBER[:5], "--note", why)
    assert again.exit_code == 0, again.output
    assert again.output == (
        f"{NUMBER} (IMG_20261126_101500.jpg): wieder offen ({why}); der aufgehobene Vermerk "
        "bleibt in ihrem Eintrag\n"
    )
    record = json.loads(_record(ws).read_text("utf-8"))
    assert "dealt_with" not in record
    (reopened,) = record["reopened"]
    assert (reopened["note"], reopened["was"]["note"]) == (why, NOTE)
    assert "Quarantäne: 1 Datei beiseitegelegt (1 Foto oder Scan)" in fg("status", "-w", ws).output
    lines = fg("quarantine", "-w", ws).output.splitlines()
    assert lines[0] == f"1 Datei beiseitegelegt in {ws / 'quarantine'}, davon 1 offen"
    assert f"  wieder offen seit {today}: {why}" in lines
    assert any(line.endswith(f"--done {NUMBER} --note „…“") for line in lines)
    # marked again, and opened again: every mark undone is kept
    assert fg("quarantine", "-w", ws, "--done", NUMBER, "--note", "abgetippt").exit_code == 0
    assert fg("quarantine", "-w", ws, "--reopen", NUMBER, "--note", "nein").exit_code == 0
    marks = json.loads(_record(ws).read_text("utf-8"))["reopened"]
    assert [(m["note"], m["was"]["note"]) for m in marks] == [(why, NOTE), ("nein", "abgetippt")]

    # the institution answered after the photo (of the form made for it) came in:
    # dealt with by itself, until a coordinator says the answer was not what the photo held
    record = json.loads(_record(ws).read_text("utf-8"))
    came = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    record["arrivals"][0]["quarantined_at"] = came.strftime("%Y-%m-%dT%H:%M:%S%z")
    del record["reopened"]
    record["form"] = "FG-84G7Z-WYRD6"  # the photo was of the form made for inst-0001
    _record(ws).write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    assert fg("ingest", FORM, "-w", ws).exit_code == 0
    assert "Quarantäne: 1 Datei erledigt, keine offen" in fg("status", "-w", ws).output
    answered = fg("quarantine", "-w", ws, "--reopen", NUMBER, "--note", "anderes Angebot")
    assert answered.exit_code == 0, answered.output
    (reopened,) = json.loads(_record(ws).read_text("utf-8"))["reopened"]
    assert reopened["was"]["answered_by"] == "inst-0001"
    assert "Quarantäne: 1 Datei beiseitegelegt (1 Foto oder Scan)" in fg("status", "-w", ws).output
