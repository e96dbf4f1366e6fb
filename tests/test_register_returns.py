"""Copies of a form that come back in any order never undo what an institution corrected.

A round of ``formgen mail`` prefills each form from the recipients list (or the register); the
institution corrects some values and returns it. The untouched form still exists — in the
centre's drafts and sent mails, as the generated file, as an attachment an institution sends
back unchanged — and a coordinator ingests whole mailboxes. Forms are filled by PDFium, the
engine of Chrome.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import hashlib
import io
import json
import mailbox
import shutil
import subprocess
from email.message import EmailMessage
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES, reworded, sample_workspace
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from pypdf import PdfReader
from register_support import entry, submission

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.docx_reader import read_docx
from ingest.flat_reader import UNREADABLE
from ingest.journal import load, rebuild, writing
from ingest.pipeline import ingest_into_register
from ingest.report import Status
from ingest.staleness import last_confirmed

RECIPIENTS = Path(__file__).parent / "data" / "mail" / "excel_utf8_bom.csv"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def mailed_form(ws: Workspace, iid: str, round_: str | None = None, suffix: str = ".pdf") -> Path:
    """The PDF (``suffix``: the Word form) formgen prepared for ``iid`` (in ``round_``, else
    the latest)."""
    lines = (ws.root / "sendlog.jsonl").read_text("utf-8").splitlines()
    prepared = [
        e
        for e in map(json.loads, lines)
        if e["event"] == "prepared"
        and e["institution_id"] == iid
        and (round_ is None or e["round"] == round_)
    ]
    (pdf,) = [f for f in prepared[-1]["files"] if f["path"].endswith(suffix)]
    return ws.root / pdf["path"]


def mail_from(sender: str, attachment: Path, out: Path, date: str | None = None) -> Path:
    out.write_bytes(bytes(mail_message(sender, attachment, date)))
    return out


def mail_message(sender: str, attachment: Path, date: str | None = None) -> EmailMessage:
    """The institution's answer with ``attachment``, its Date header ``date`` when given."""
    msg = EmailMessage()
    msg["From"] = sender
    if date is not None:
        msg["Date"] = date
    msg["To"] = "spkom@example.org"
    msg["Subject"] = "AW: Bestandsaufnahme"
    msg.set_content("Alles noch aktuell.")
    msg.add_attachment(
        attachment.read_bytes(), maintype="application", subtype="pdf", filename="Formular.pdf"
    )
    return msg


def values(ws: Workspace, iid: str) -> dict[str, object]:
    inst = load(ws).institutions[iid]["institution"]
    return {k: v["v"] for k, v in inst.items()}


def test_untouched_copies_of_a_form_never_undo_the_institutions_corrections(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws")
    drafts = tmp_path / "entwuerfe"
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(drafts), "--format", "pdf")
    sent = mailed_form(ws, "bs-ist")
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    corrected = inbox / "Rückmeldung Yılmaz.pdf"
    corrected.write_bytes(
        pdfium_fill(
            sent.read_bytes(),
            {
                "institution.email": "beratung@danisma.example",
                "institution.region": "Dormagen",
                "fluechtlingsberatung.office_hours": "Mo 9–12",
                "migrationsfachdienste.office_hours": "Mo 9–12",
            },
        )
    )
    (out,) = ingest_into_register([corrected], ws).outcomes
    assert out.merged and out.merged.startswith("updated, bs-ist (new)")
    # an institution of the recipients list is new to the register: nothing to warn about
    assert not [w for w in out.warnings if "was not in the register" in w]
    after_return = values(ws, "bs-ist")
    assert after_return["email"] == "beratung@danisma.example"
    assert after_return["region"] == "dormagen"
    revision = load(ws).institutions["bs-ist"]["rev"]

    # the centre's own draft, and the generated file itself: not returns
    (_, draft) = ingest_into_register([drafts / "bs-ist.eml"], ws).outcomes
    shutil.copy(sent, inbox / "Formular.pdf")
    (copy,) = ingest_into_register([inbox / "Formular.pdf"], ws).outcomes
    assert draft.status is Status.SKIPPED and not draft.merged and not draft.warnings
    assert draft.reason == (
        f"form {out.form} exactly as formgen made it, nothing filled in or changed: a mail "
        "from this centre (a draft or a sent mail?), not a return; an institution confirming "
        "its form unchanged is counted from its own mail"
    )
    assert draft.line("de").endswith(
        f": Formular {out.form} genau so, wie formgen es erstellt hat, nichts ausgefüllt oder "
        "geändert: eine Mail der eigenen Stelle (ein Entwurf oder eine gesendete Mail?), keine "
        "Rückmeldung; eine Einrichtung, die ihr Formular unverändert bestätigt, zählt erst mit "
        "ihrer eigenen Mail"
    )
    assert copy.status is Status.SKIPPED
    assert (
        "exactly as formgen made it, nothing filled in or changed: a copy of it, not a return"
        in (copy.reason)
    )
    # the institution sends the untouched attachment back, and a copy saved again unchanged
    # by Chrome turns up: they confirm, and change nothing
    again = mail_from("Şule Yılmaz <sule@danisma.example>", sent, tmp_path / "bestaetigt.eml")
    resaved = inbox / "nochmal gespeichert.pdf"
    resaved.write_bytes(pdfium_fill(sent.read_bytes(), {"institution.phone": ""}))
    (_, confirmed) = ingest_into_register([again], ws).outcomes
    assert confirmed.merged == "confirmed, bs-ist"
    (saved_again,) = ingest_into_register([resaved], ws).outcomes
    assert saved_again.merged and saved_again.merged.startswith("unchanged, form")  # the same
    assert values(ws, "bs-ist") == after_return
    assert load(ws).institutions["bs-ist"]["rev"] == revision


def test_a_second_return_of_the_same_form_still_corrects_the_first(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    sent = mailed_form(ws, "ua-1").read_bytes()
    first = tmp_path / "erste.pdf"
    first.write_bytes(pdfium_fill(sent, {"institution.email": "olga.p@example.org"}))
    second = tmp_path / "zweite.pdf"
    second.write_bytes(pdfium_fill(sent, {"institution.email": "kontakt@example.org"}))
    ingest_into_register([first], ws)
    (out,) = ingest_into_register([second], ws).outcomes
    assert out.merged and "1 change" in out.merged
    assert values(ws, "ua-1")["email"] == "kontakt@example.org"


def test_an_update_round_from_the_register_is_not_undone_by_its_own_draft(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    first = tmp_path / "r1.pdf"
    first.write_bytes(pdfium_fill(mailed_form(ws, "lodz").read_bytes(), {"institution.phone": ""}))
    ingest_into_register([first], ws)
    drafts = tmp_path / "d2"
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(drafts), "--round", "r2")
    sent = mailed_form(ws, "lodz", "r2").read_bytes()
    corrected = tmp_path / "r2.pdf"
    corrected.write_bytes(pdfium_fill(sent, {"institution.email": "poradnia@lodz.example"}))
    untouched = tmp_path / "r2-unverändert.pdf"  # opened in Chrome, saved, nothing changed
    untouched.write_bytes(pdfium_fill(sent, {"institution.phone": ""}))
    for order in ([corrected, untouched], [untouched, corrected]):
        copy = tmp_path / f"ws-{order[0].stem}"
        shutil.copytree(ws.root, copy)
        target = Workspace.open(copy)
        ingest_into_register(order, target)
        assert values(target, "lodz")["email"] == "poradnia@lodz.example", order


def test_languages_without_a_checkbox_are_shown_on_the_update_form_and_kept_by_its_return(
    tmp_path: Path,
) -> None:
    """Tamil and Urdu have no checkbox on the form: the institution typed them under "Andere".
    Its next form (PDF, prefilled from the register) shows them there again, so a return that
    only confirms (date and initials) keeps them, and the register records no change to them."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    today = dt.date.today().strftime("%d.%m.%Y")
    first = tmp_path / "erste Rückmeldung.pdf"
    typed = {
        "psychotherapie.languages_offered.ru": True,
        "psychotherapie.languages_offered.uk": True,
        "psychotherapie.languages_offered._other": "Tamil, Urdu",
        "psychotherapie.date": today,
        "psychotherapie.initials": "ОП",
    }
    first.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), typed))
    ingest_into_register([first], ws)
    entry = load(ws).institutions["ua-1"]["entries"]["psychotherapie"]["fields"]
    assert sorted(entry["languages_offered"]["v"]) == ["ru", "ta", "uk", "ur"]

    d2 = tmp_path / "d2"
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(d2), "--round", "r2")
    update = mailed_form(ws, "ua-1", "r2")
    shown = PdfReader(update).get_fields() or {}
    assert shown["psychotherapie.languages_offered._other"]["/V"] == "Tamil, Urdu"
    assert shown["psychotherapie.languages_offered.ru"]["/V"] == "/Yes"

    confirmed = tmp_path / "bestätigt.pdf"
    confirmed.write_bytes(pdfium_fill(update.read_bytes(), {"psychotherapie.initials": "ОП"}))
    ingest_into_register([confirmed], ws)
    inst = load(ws).institutions["ua-1"]
    kept = inst["entries"]["psychotherapie"]["fields"]["languages_offered"]["v"]
    assert sorted(kept) == ["ru", "ta", "uk", "ur"]
    changed = [path for h in inst["history"][1:] for path, *_ in h["changes"]]
    assert "psychotherapie.languages_offered" not in changed


def test_a_rebuild_decides_the_same_conflicts_on_the_same_fields(tmp_path: Path) -> None:
    """Two Word copies of one checklist disagree on a dozen fields; one decision, a rebuild."""
    ws = str(sample_workspace(tmp_path / "ws").root)
    run("ingest", str(SAMPLES / "docx" / "lo252-checklist.docx"), "-w", ws)
    other = tmp_path / "lo74-checklist.docx"
    other.write_bytes(reworded((SAMPLES / "docx" / "lo74-checklist.docx").read_bytes()))
    run("ingest", str(other), "-w", ws)
    held = load(Workspace.open(ws)).data["conflicts"]
    assert len(held) >= 3
    decided = sorted(held)[2]
    run("register", "resolve", decided, "--take", "theirs", "-w", ws)
    before = load(Workspace.open(ws)).data
    run("register", "rebuild", "-w", ws)
    after = load(Workspace.open(ws)).data
    assert {k: c["path"] for k, c in after["conflicts"].items()} == {
        k: c["path"] for k, c in before["conflicts"].items()
    }
    assert decided not in after["conflicts"]
    assert after["institutions"] == before["institutions"]


def test_a_form_dated_in_the_future_is_flagged_and_does_not_keep_its_entry_current(
    tmp_path: Path,
) -> None:
    """The "Datum" of a form is the day the institution gave or confirmed its information; a
    mistyped year (2062 for 2026) would otherwise keep the entry "current" for decades."""
    ws = make_workspace(tmp_path / "ws")
    form = tmp_path / "formular.pdf"
    record = SAMPLES / "pdf" / "record.json"
    run("generate", "pdf", "--record", str(record), "-w", str(ws.root), "--out", str(form))
    today = dt.date.today()
    far = (today + dt.timedelta(days=36 * 365)).strftime("%d.%m.%Y")
    tomorrow = today + dt.timedelta(days=1)
    returned = tmp_path / "Rückmeldung Çiğdem Öztürk.pdf"
    returned.write_bytes(
        pdfium_fill(
            form.read_bytes(),
            {
                "psychotherapie.date": far,
                "psychotherapie.initials": "ÇÖ",
                "fluechtlingsberatung.date": tomorrow.strftime("%d.%m.%Y"),
                "fluechtlingsberatung.initials": "ÇÖ",
            },
        )
    )
    out = run("ingest", str(returned), "-w", str(ws.root))
    problem = (  # in the workspace's language
        f"PsychotherapeutIn, niedergelassen › Datum: „{far}“ liegt in der Zukunft (heute ist der {today:%d.%m.%Y}), "
        "ist aber der Tag, an dem die Angaben gemacht oder bestätigt wurden – bitte das Datum "
        "prüfen (Jahr vertippt?)"
    )
    assert out.splitlines()[0].startswith("Hinweise ") and f"    {problem}" in out.splitlines()
    entries = load(ws).institutions["inst-0001"]["entries"]
    kept = entries["psychotherapie"]["fields"]["date"]
    assert (kept["raw"], kept["v"]) == (far, None)
    assert kept["problem"] == (  # stored in English, as before
        f"'{far}' lies in the future (today is {today:%Y-%m-%d}), but it is the day the "
        "information was given or confirmed — check the date (a mistyped year?)"
    )
    assert entries["fluechtlingsberatung"]["fields"]["date"]["v"] == tomorrow.isoformat()

    stale = json.loads(run("register", "stale", "-w", str(ws.root), "--json"))
    flagged = [f for f in stale if f["category"] == "psychotherapie"]
    assert flagged and "invalid" in flagged[0]["reasons"] and flagged[0]["invalid"] == ["date"]
    assert flagged[0]["last_confirmed"] <= tomorrow.isoformat()  # from the day it came in


def test_a_rebuild_that_rereads_the_originals_checks_each_date_against_the_day_it_came_in(
    tmp_path: Path,
) -> None:
    """A form dated 25 days ahead of the day it was ingested was flagged then; re-read by
    'register rebuild --reread' a month later, when that day has passed, it still is — with
    the same reason — and the entry does not turn 'confirmed' on a mistyped date."""
    ws = make_workspace(tmp_path / "ws")
    form = tmp_path / "formular.pdf"
    record = SAMPLES / "pdf" / "record.json"
    run("generate", "pdf", "--record", str(record), "-w", str(ws.root), "--out", str(form))
    today = dt.date.today()
    typed = today - dt.timedelta(days=5)
    returned = tmp_path / "Rückmeldung.pdf"
    returned.write_bytes(
        pdfium_fill(
            form.read_bytes(),
            {"psychotherapie.date": typed.strftime("%d.%m.%Y"), "psychotherapie.initials": "ÇÖ"},
        )
    )
    run("ingest", str(returned), "-w", str(ws.root))
    # it came in a month ago: the journal says so (the register is made from it)
    came_in = today - dt.timedelta(days=30)
    journal = ws.root / "journal.jsonl"
    ops = [json.loads(line) for line in journal.read_text("utf-8").splitlines()]
    for op in ops:
        op["at"] = f"{came_in.isoformat()}T12:00:00Z"
    journal.write_text("".join(json.dumps(op) + "\n" for op in ops), "utf-8")
    run("register", "rebuild", "--reread", "-w", str(ws.root))
    kept = load(ws).institutions["inst-0001"]["entries"]["psychotherapie"]["fields"]["date"]
    assert kept["v"] is None and kept["problem_key"] == "future_iso"
    assert kept["problem_args"]["today"] == came_in.isoformat()


def test_an_appointment_more_than_a_year_ahead_is_flagged_against_the_day_the_form_came_in(
    tmp_path: Path,
) -> None:
    """A „Termin zum Kennenlernen“ lies ahead, but not decades ahead: 2062 or 2206 for 2026 is a
    mistyped year, kept as typed and flagged; one in some months is read. Ahead of the day the
    form came in: re-read by 'register rebuild --reread' later, the same return says the same."""
    ws = make_workspace(tmp_path / "ws")
    form = tmp_path / "formular.pdf"
    record = SAMPLES / "pdf" / "record.json"
    run("generate", "pdf", "--record", str(record), "-w", str(ws.root), "--out", str(form))
    today = dt.date.today()
    far = today.replace(year=today.year + 36, day=min(today.day, 28)).strftime("%d.%m.%Y")
    soon = today + dt.timedelta(days=200)
    returned = tmp_path / "Rückmeldung Şule Yılmaz.pdf"
    returned.write_bytes(
        pdfium_fill(
            form.read_bytes(),
            {
                "psychotherapie.meeting_date": far,
                "fluechtlingsberatung.meeting_date": soon.strftime("%d.%m.%Y"),
            },
        )
    )
    out = run("ingest", str(returned), "-w", str(ws.root))
    problem = (  # in the workspace's language
        f"PsychotherapeutIn, niedergelassen › Termin zum Kennenlernen: „{far}“ liegt mehr als ein Jahr in der Zukunft (heute ist "
        f"der {today:%d.%m.%Y}) – bitte das Datum prüfen (Jahr vertippt?)"
    )
    assert f"    {problem}" in out.splitlines(), out
    entries = load(ws).institutions["inst-0001"]["entries"]
    kept = entries["psychotherapie"]["fields"]["meeting_date"]
    assert (kept["raw"], kept["v"], kept["problem_key"]) == (far, None, "far_future")
    assert kept["problem"] == (  # stored in English
        f"'{far}' lies more than a year ahead (today is {today:%Y-%m-%d}) — check the date (a "
        "mistyped year?)"
    )
    assert entries["fluechtlingsberatung"]["fields"]["meeting_date"]["v"] == soon.isoformat()
    stale = json.loads(run("register", "stale", "-w", str(ws.root), "--json"))
    (flagged,) = [f for f in stale if f["category"] == "psychotherapie"]
    assert flagged["invalid"] == ["meeting_date"]
    nxt = tmp_path / "Nächstes Formular.pdf"  # the next form shows it as typed
    run("generate", "pdf", "--institution", "inst-0001", "-w", str(ws.root), "--out", str(nxt))
    fields = PdfReader(nxt).get_fields() or {}
    assert fields["psychotherapie.meeting_date"].get("/V") == far

    # it came in 200 days ago: the appointment then lay 400 days ahead
    came_in = today - dt.timedelta(days=200)
    journal = ws.root / "journal.jsonl"
    ops = [json.loads(line) for line in journal.read_text("utf-8").splitlines()]
    for op in ops:
        op["at"] = f"{came_in.isoformat()}T12:00:00Z"
    journal.write_text("".join(json.dumps(op) + "\n" for op in ops), "utf-8")
    run("register", "rebuild", "--reread", "-w", str(ws.root))
    entries = load(ws).institutions["inst-0001"]["entries"]
    kept = entries["fluechtlingsberatung"]["fields"]["meeting_date"]
    assert (kept["raw"], kept["v"]) == (soon.strftime("%d.%m.%Y"), None)
    assert kept["problem_args"] == {"raw": kept["raw"], "today": came_in.isoformat()}
    assert entries["psychotherapie"]["fields"]["meeting_date"]["problem_key"] == "far_future"


def test_a_form_kept_aside_and_ingested_later_has_its_date_checked_against_the_day_it_came_in(
    tmp_path: Path,
) -> None:
    """A return kept aside in the quarantine a month ago (its schema version was missing, say),
    dated 25 days after it came in, is ingested from there today: its date is flagged against
    the day it came in — in the report, in the register and after 'register rebuild --reread'."""
    ws = make_workspace(tmp_path / "ws")
    form = tmp_path / "formular.pdf"
    record = SAMPLES / "pdf" / "record.json"
    run("generate", "pdf", "--record", str(record), "-w", str(ws.root), "--out", str(form))
    today = dt.date.today()
    came_in = today - dt.timedelta(days=30)
    typed = today - dt.timedelta(days=5)
    data = pdfium_fill(
        form.read_bytes(),
        {"psychotherapie.date": typed.strftime("%d.%m.%Y"), "psychotherapie.initials": "ÇÖ"},
    )
    sha = hashlib.sha256(data).hexdigest()
    ws.quarantine_dir.mkdir(exist_ok=True)
    (ws.quarantine_dir / f"{sha}.pdf").write_bytes(data)
    arrival = {"file": "Rückmeldung.pdf", "file_name": "Rückmeldung.pdf"}
    kept_aside = {
        "file": "Rückmeldung.pdf",
        "sha256": sha,
        "kind": "unknown-schema",
        "reason": "unknown schema version",
        "arrivals": [{**arrival, "quarantined_at": f"{came_in.isoformat()}T09:30:00+0100"}],
    }
    (ws.quarantine_dir / f"{sha}.json").write_text(json.dumps(kept_aside), "utf-8")

    out = run("ingest", str(ws.quarantine_dir), "-w", str(ws.root))
    assert f"(heute ist der {came_in:%d.%m.%Y})" in out and "aus der Quarantäne genommen" in out
    for rebuilt in (False, True):
        if rebuilt:
            run("register", "rebuild", "--reread", "-w", str(ws.root))
        kept = load(ws).institutions["inst-0001"]["entries"]["psychotherapie"]["fields"]["date"]
        assert kept["v"] is None and kept["problem_key"] == "future_iso", rebuilt
        assert kept["problem_args"]["today"] == came_in.isoformat()


@pytest.mark.parametrize(
    "record",
    [
        {"quarantined_at": "gestern"},
        {"quarantined_at": "2026-02-30T09:30:00+0100"},  # no such day
        {"quarantined_at": 20261123},
        {"quarantined_at": None},
        {"quarantined_at": "2099-01-01T09:30:00+0100"},  # a clock gone wrong
        {},  # an arrival without a time
        "no arrivals",
        "damaged",
    ],
    ids=["words", "no-such-day", "number", "null", "future", "missing", "no-arrivals", "damaged"],
)
def test_a_form_kept_aside_without_a_readable_arrival_time_is_checked_against_today(
    tmp_path: Path, record: dict[str, object] | str
) -> None:
    """A quarantine record that does not say when the file came in (edited by hand, damaged,
    written by an earlier formgen, a time still to come): the form is ingested from there all
    the same, its date checked against the day it is ingested, and it leaves the quarantine."""
    ws = make_workspace(tmp_path / "ws")
    form = tmp_path / "formular.pdf"
    run(
        "generate",
        "pdf",
        "--record",
        str(SAMPLES / "pdf" / "record.json"),
        "-w",
        str(ws.root),
        "--out",
        str(form),
    )
    today = dt.date.today()
    typed = today + dt.timedelta(days=25)
    data = pdfium_fill(
        form.read_bytes(),
        {"psychotherapie.date": typed.strftime("%d.%m.%Y"), "psychotherapie.initials": "ŁŻ"},
    )
    sha = hashlib.sha256(data).hexdigest()
    ws.quarantine_dir.mkdir(exist_ok=True)
    (ws.quarantine_dir / f"{sha}.pdf").write_bytes(data)
    arrival = {"file": "Rückmeldung Łódź.pdf", "file_name": "Rückmeldung Łódź.pdf"}
    kept_aside: dict[str, object] = {"sha256": sha, "kind": "unknown-schema"}
    if record == "damaged":
        text = '{"file": "Rückmeldung Łódź.pdf", "arrivals": [{"quarantined_'
    else:
        kept_aside["file"] = arrival["file"]
        if record == "no arrivals":  # as an earlier formgen wrote it: one file, no time
            pass
        else:
            assert isinstance(record, dict)
            kept_aside["arrivals"] = [{**arrival, **record}]
        text = json.dumps(kept_aside)
    (ws.quarantine_dir / f"{sha}.json").write_text(text, "utf-8")

    out = run("ingest", str(ws.quarantine_dir), "-w", str(ws.root))
    assert "aus der Quarantäne genommen" in out
    assert f"liegt in der Zukunft (heute ist der {today:%d.%m.%Y})" in out
    assert not any(ws.quarantine_dir.iterdir())
    for rebuilt in (False, True):
        if rebuilt:
            run("register", "rebuild", "--reread", "-w", str(ws.root))
        entry = load(ws).institutions["inst-0001"]["entries"]["psychotherapie"]
        kept = entry["fields"]["date"]
        assert kept["v"] is None and kept["problem_key"] == "future_iso", rebuilt
        assert kept["problem_args"]["today"] == today.isoformat(), rebuilt
        assert entry["fields"]["initials"]["v"] == "ŁŻ", rebuilt


def corrected_by_its_return(tmp_path: Path) -> tuple[Workspace, dict[str, object], int]:
    """A workspace whose first round went out and whose institution ``bs-ist`` returned its form
    with a new e-mail address; its values and revision in the register then."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    first = tmp_path / "erste.pdf"
    sent = mailed_form(ws, "bs-ist").read_bytes()
    first.write_bytes(pdfium_fill(sent, {"institution.email": "a@danisma.example"}))
    ingest_into_register([first], ws)
    return ws, values(ws, "bs-ist"), load(ws).institutions["bs-ist"]["rev"]


def test_an_institutions_form_from_the_register_is_a_clean_update_when_returned(
    tmp_path: Path,
) -> None:
    """A coordinator on the telephone: the institution's own form, prefilled with what the
    register holds now, filled in (here by PDFium) and ingested, corrects the register as a
    return of a mailed form does: no conflict, the new revision from that file."""
    ws, before, revision = corrected_by_its_return(tmp_path)

    form = tmp_path / "telefon.pdf"
    args = ("generate", "pdf", "--institution", "bs-ist", "-w", str(ws.root), "--out", str(form))
    said = run(*args)
    assert said.startswith(f"{form}: FG-")
    reader = PdfReader(form)
    fields = {k: v.get("/V") for k, v in (reader.get_fields() or {}).items()}
    assert fields["institution.email"] == "a@danisma.example"  # what the register holds now
    assert fields["institution.name"] == before["name"]
    assert fields["formgen.base_version"] == str(revision)

    filled = tmp_path / "ausgefuellt.pdf"
    filled.write_bytes(pdfium_fill(form.read_bytes(), {"institution.phone": "0211 9876543"}))
    (out,) = ingest_into_register([filled], ws).outcomes
    assert out.merged and out.merged.startswith("updated, bs-ist") and not load(ws).conflicts()
    assert values(ws, "bs-ist") == {**before, "phone": "+49 211 9876543"}

    unknown = CliRunner().invoke(
        main, ["generate", "pdf", "--institution", "nope", "-w", str(ws.root)]
    )
    assert unknown.exit_code == 1
    assert (
        "keine Einrichtung „nope“ im Register; formgen register find zeigt alle" in unknown.output
    )
    # a retired institution's form is made all the same (the coordinator asked), with a warning
    run("register", "retire", "bs-ist", "-w", str(ws.root), "--reason", "geschlossen")
    again = CliRunner().invoke(main, [*args[:-1], str(tmp_path / "noch.pdf")])
    assert again.exit_code == 0 and "bs-ist ist aus dem Register genommen am " in again.output


def test_forms_generated_for_a_recipients_list_are_prefilled_from_the_register(
    tmp_path: Path,
) -> None:
    """`generate pdf|docx --recipients` with the workspace prefills as `formgen mail` with the
    same list does: an institution the register knows gets what it holds now (its corrected
    address, base_version its revision), so its return is a clean update; one it does not
    know yet gets its row."""
    ws, before, revision = corrected_by_its_return(tmp_path)

    out = tmp_path / "formulare"
    run("generate", "pdf", "--recipients", str(RECIPIENTS), "-w", str(ws.root), "--out", str(out))
    fields = {k: v.get("/V") for k, v in (PdfReader(out / "bs-ist.pdf").get_fields() or {}).items()}
    assert fields["institution.email"] == "a@danisma.example"  # the register's, not the row's
    assert fields["institution.name"] == before["name"] == "Şule Yılmaz Danışmanlık"
    assert fields["formgen.base_version"] == str(revision)
    assert {k.split(".")[0] for k in fields} >= {"fluechtlingsberatung", "migrationsfachdienste"}
    row = {k: v.get("/V") for k, v in (PdfReader(out / "ua-1.pdf").get_fields() or {}).items()}
    assert row["institution.name"] == "Ольга Петренко – Консультація"
    assert row["institution.email"] == "olga@example.org" and not row["formgen.base_version"]
    # the manifest lists the address to mail each form to: the list's, not the register's
    manifest = (out / "manifest.csv").read_text("utf-8-sig")
    (line,) = [x for x in manifest.splitlines() if x.startswith("bs-ist;")]
    assert "sule@danisma.example" in line and "a@danisma.example" not in manifest

    words = tmp_path / "word"
    run(
        "generate", "docx", "--recipients", str(RECIPIENTS), "-w", str(ws.root), "--out", str(words)
    )
    sub = read_docx((words / "bs-ist.docx").read_bytes(), "bs-ist.docx")
    assert sub.values["institution.email"] == "a@danisma.example"
    assert sub.identity is not None and sub.identity.base_version == revision

    filled = tmp_path / "ausgefuellt.pdf"
    filled.write_bytes(
        pdfium_fill((out / "bs-ist.pdf").read_bytes(), {"institution.phone": "0211 9876543"})
    )
    (merged,) = ingest_into_register([filled], ws).outcomes
    assert (
        merged.merged and merged.merged.startswith("updated, bs-ist") and not load(ws).conflicts()
    )
    assert values(ws, "bs-ist") == {**before, "phone": "+49 211 9876543"}
    # a retired institution of the list gets its form all the same, with a warning
    run("register", "retire", "bs-ist", "-w", str(ws.root))
    args = ["generate", "pdf", "--recipients", str(RECIPIENTS), "-w", str(ws.root)]
    again = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "wieder")])
    assert again.exit_code == 0, again.output
    assert (
        f"Warnung: bs-ist ist aus dem Register genommen am {dt.date.today():%d.%m.%Y}; ihre "
        "Rückmeldung wird übernommen und markiert — „formgen register restore bs-ist“, falls es "
        "sie noch gibt\n"
    ) in again.output
    assert "ua-1 ist" not in again.output


def test_a_form_returned_by_a_retired_institution_is_merged_with_a_warning(
    tmp_path: Path,
) -> None:
    """Nothing is lost: the Polish counselling centre was retired as closed, and its corrected
    form turns up after all — merged, and the report says what to do if it still exists."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    sent = mailed_form(ws, "lodz").read_bytes()
    first = tmp_path / "erste.pdf"
    first.write_bytes(pdfium_fill(sent, {"institution.phone": "+48 42 123 45 67"}))
    ingest_into_register([first], ws)
    run("register", "retire", "lodz", "--reason", "geschlossen zum 30.06.2026", "-w", str(ws.root))
    late = tmp_path / "Poradnia Łódź – spät.pdf"
    late.write_bytes(pdfium_fill(sent, {"institution.email": "poradnia@łódź.example"}))
    report = run("ingest", str(late), "-w", str(ws.root))
    warning = (
        f"lodz „Poradnia Łódź“: aus dem Register genommen am {dt.date.today():%d.%m.%Y} "
        "(geschlossen zum 30.06.2026); ihre Rückmeldung wurde trotzdem übernommen — falls es "
        "sie noch gibt: 'formgen register restore lodz'"
    )
    assert warning in report, report
    assert values(ws, "lodz")["email"] == "poradnia@łódź.example"
    reg = load(ws)
    assert reg.retired("lodz") is not None  # still retired until the coordinator decides
    (out,) = ingest_into_register([first], ws).outcomes  # known already: no warning again
    assert out.status is Status.DUPLICATE and out.warnings == ()


def test_a_libreoffice_7_4_return_confirms_with_its_date_and_initials(tmp_path: Path) -> None:
    """An institution fills in its form (prefilled from the register as it is) in LibreOffice
    7.4, which strips the controls' tags: every value is read by its table position
    (confidence low). The date and initials it wrote are its confirmation and are taken, so
    its entries are current. The opening hours of two lines, prefilled and left as they were,
    come back with their lines joined (7.4's input fields hold no line break): that is no
    change, so the register keeps them as they are and holds nothing; they were held as a
    conflict, read by position."""
    ws = sample_workspace(tmp_path / "ws")
    hours = "Beratung auf Türkisch und Русский\nمركز الاستشارة"
    earlier = submission(
        [
            entry("inst-0042", "psychotherapie", None, {"opening_hours": hours, "date": "2024-03-01", "initials": "ŞY"}),
            entry("inst-0042", "migrantenselbstorganisationen", None, {"date": "2024-03-01", "initials": "ŞY"}),
        ],
        "institution", ("psychotherapie", "migrantenselbstorganisationen"), institution_id="inst-0042",
    )  # fmt: skip
    with writing(ws) as w:
        w.merge(earlier)
    assert load(ws).institutions["inst-0042"]["rev"] <= 7  # the form was prefilled from rev 7

    (out,) = ingest_into_register([SAMPLES / "docx" / "lo74-institution.docx"], ws).outcomes
    reg = load(ws)
    entries = reg.institutions["inst-0042"]["entries"]
    for category, day in (("psychotherapie", "2025-02-26"), ("migrantenselbstorganisationen", "2025-04-04")):  # fmt: skip
        fields = entries[category]["fields"]
        assert (fields["date"]["v"], fields["initials"]["v"]) == (day, "ÇÖ"), category
        assert last_confirmed(entries[category]) == dt.date.fromisoformat(day)
    assert reg.conflicts() == []
    assert reg.institutions["inst-0042"]["institution"]["opening_hours"]["v"] == hours
    assert out.status is Status.WARNINGS and "1 Konflikt" not in str(out.merged)
    # told like every value read by position: in the report, to review
    assert any(
        "by where they stand in the form" in w and "please check these values" in w
        for w in out.warnings
    )


def _update_round(tmp_path: Path) -> Workspace:
    """The Ukrainian counselling centre answered the first round with its phone number; the
    update round (prefilled from the register) went out as ``r2``."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    first = tmp_path / "erste.pdf"
    first.write_bytes(
        pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), {"institution.phone": "0211 7654321"})
    )
    ingest_into_register([first], ws)
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d2"), "--round", "r2")  # fmt: skip
    return ws


def test_a_prefilled_value_left_empty_is_kept_and_told(tmp_path: Path) -> None:
    """A blank field never deletes; but when the institution clears a value its update form
    was prefilled with, the coordinator learns of it: the register keeps it, and it may be
    out of date. A field that was never filled in is no news."""
    ws = _update_round(tmp_path)
    update = mailed_form(ws, "ua-1", "r2").read_bytes()
    cleared = tmp_path / "Відповідь.pdf"
    cleared.write_bytes(pdfium_fill(update, {"institution.phone": "", "psychotherapie.initials": "ОП"}))  # fmt: skip

    (out,) = ingest_into_register([cleared], ws).outcomes
    kept = load(ws).institutions["ua-1"]["institution"]["phone"]["raw"]
    assert kept == "0211 7654321" and out.status is Status.WARNINGS
    assert out.merged and out.merged.startswith("merged-flagged, ua-1")
    left = [w for w in out.warnings if "left empty" in w]
    assert left == [
        f"institution.phone: left empty on the form; the register keeps '{kept}' — if it is no "
        'longer true: formgen register set ua-1 institution.phone --clear --note "no longer true"'
    ]


@pytest.mark.external
def test_an_update_form_pdftk_filled_and_flattened_keeps_what_it_cannot_read(
    tmp_path: Path,
) -> None:
    """The update form filled and flattened by pdftk-java (``fill_form … flatten``): the phone
    number, date and initials it filled in are drawn with glyph 0 of the field font, which maps
    to no character. Each is named as not readable; the register keeps the phone number it
    had, no "(cid:0)" gets into it, and neither is said to be left empty on the form (with a
    hint to clear it) or a missing required field: they were filled in, unreadably. The
    return is merged with warnings, not taken as a clean confirmation; a rebuild from the
    journal agrees."""
    if not shutil.which("pdftk"):
        pytest.skip("pdftk-java not installed")
    ws = _update_round(tmp_path)
    today = dt.date.today().strftime("%d.%m.%Y")
    xfdf = tmp_path / "werte.xfdf"
    xfdf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xfdf xmlns="http://ns.adobe.com/xfdf/">'
        '<fields><field name="institution"><field name="phone"><value>0211 1234567</value>'
        '</field></field><field name="psychotherapie"><field name="date">'
        f"<value>{today}</value></field>"
        '<field name="initials"><value>ОП</value></field></field></fields></xfdf>\n',
        "utf-8",
    )
    update = mailed_form(ws, "ua-1", "r2")
    flat = tmp_path / "Відповідь.pdf"
    pdftk = ["pdftk", str(update), "fill_form", str(xfdf), "output", str(flat), "flatten"]
    subprocess.run(pdftk, check=True)

    (out,) = ingest_into_register([flat], ws).outcomes
    assert out.reader == "flattened-pdf"
    assert out.merged and out.merged.startswith("merged-flagged, ua-1")
    assert [w for w in out.warnings if w.endswith(UNREADABLE)] == [
        f"{path}: {UNREADABLE}"
        for path in ("institution.phone", "psychotherapie.date", "psychotherapie.initials")
    ]
    assert not [w for w in out.warnings if "left empty" in w or "is not filled in" in w]
    assert load(ws).institutions["ua-1"]["institution"]["phone"]["raw"] == "0211 7654321"
    register = (ws.root / "register.json").read_text("utf-8")
    assert "(cid:" not in register
    rebuild(ws)
    assert (ws.root / "register.json").read_text("utf-8") == register


def issued_days_ago(ws: Workspace, days: int) -> None:
    """Every form in ``issued.jsonl`` was generated ``days`` ago (its round went out then)."""
    log = ws.root / "issued.jsonl"
    when = (dt.datetime.now().astimezone() - dt.timedelta(days=days)).strftime(
        "%Y-%m-%dT%H:%M:%S%z"
    )
    lines = [
        {**json.loads(line), "issued_at": when} for line in log.read_text("utf-8").splitlines()
    ]
    log.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), "utf-8")


def mail_date(day: dt.date) -> str:
    """A Date header for 10:15 on ``day``, this computer's time."""
    return email.utils.format_datetime(dt.datetime.combine(day, dt.time(10, 15)).astimezone())


def confirmed_days(ws: Workspace, *entries: tuple[str, str]) -> dict[tuple[str, str], str]:
    """The last confirmation of each (institution, checklist) as the CSV export says it."""
    table = ws.exports_dir / "register.csv"
    run("register", "export", "-w", str(ws.root), "-o", str(table))
    rows = csv.DictReader(io.StringIO(table.read_text("utf-8-sig")), delimiter=";")
    days = {(r["institution_id"], r["category"]): r["last_confirmed"] for r in rows}
    return {e: days[e] for e in entries}


@pytest.mark.parametrize("other_date", ["future", "before-issue", "unreadable"])
def test_a_form_confirmed_unchanged_in_a_saved_mailbox_counts_from_the_day_it_was_mailed(
    tmp_path: Path, other_date: str
) -> None:
    """An update round went out 50 days ago; Olga Petrenko sent her form back unchanged ("all
    still true") 40 days ago, and the coordinator ingests the saved mailbox only today: the
    entry counts as confirmed 40 days ago, not today — in 'register stale' and the export,
    and after a rebuild. A mail whose Date cannot be right (still to come, before the form
    was made) or cannot be read counts from the day it is ingested, as before."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    today = dt.date.today()
    long_ago = (today - dt.timedelta(days=400)).strftime("%d.%m.%Y")
    for iid, cid, initials in (("ua-1", "psychotherapie", "ОП"), ("lodz", "facharzt", "ŁŻ")):
        first = tmp_path / f"{iid}.pdf"
        typed = {f"{cid}.date": long_ago, f"{cid}.initials": initials}
        first.write_bytes(pdfium_fill(mailed_form(ws, iid).read_bytes(), typed))
        ingest_into_register([first], ws)
    update_round = ("--drafts", str(tmp_path / "d2"), "--round", "r2", "--force")
    run("mail", "--from-register", "-w", str(ws.root), *update_round)
    issued_days_ago(ws, 50)
    mailed = today - dt.timedelta(days=40)
    other = {
        "future": mail_date(today + dt.timedelta(days=3)),
        "before-issue": mail_date(today - dt.timedelta(days=60)),
        "unreadable": "gestern",
    }[other_date]
    box = mailbox.mbox(tmp_path / "Posteingang.mbox")
    box.add(
        mail_message(
            "Ольга Петренко <olga@example.org>", mailed_form(ws, "ua-1", "r2"), mail_date(mailed)
        )
    )
    box.add(mail_message("Poradnia Łódź <lodz@example.org>", mailed_form(ws, "lodz", "r2"), other))
    box.close()
    out = run("ingest", str(tmp_path / "Posteingang.mbox"), "-w", str(ws.root))
    assert out.count("bestätigt, ") == 2, out

    both = (("ua-1", "psychotherapie"), ("lodz", "facharzt"))
    expected = {both[0]: mailed.isoformat(), both[1]: today.isoformat()}
    assert confirmed_days(ws, *both) == expected
    # a year after the mail, not a year after the ingest, the entry is out of date again
    later = (mailed + dt.timedelta(days=366)).isoformat()
    stale = json.loads(run("register", "stale", "-w", str(ws.root), "--json", "--today", later))
    found = {(f["institution_id"], f["category"]): f for f in stale}
    assert "stale" in found[both[0]]["reasons"]
    assert found[both[0]]["last_confirmed"] == mailed.isoformat()
    assert both[1] not in found or "stale" not in found[both[1]]["reasons"]
    before = load(ws).data["institutions"]
    for again in (["register", "rebuild"], ["register", "rebuild", "--reread"]):
        run(*again, "-w", str(ws.root))
        assert confirmed_days(ws, *both) == expected, again
        assert load(ws).data["institutions"] == before, again


def test_a_form_without_a_date_in_a_saved_mail_counts_from_the_day_it_was_mailed(
    tmp_path: Path,
) -> None:
    """A first return that gives no "Datum": the entry counts as confirmed on the day of the
    mail that carried it, not the day the saved mail was ingested."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    issued_days_ago(ws, 50)
    filled = tmp_path / "Rückmeldung.pdf"
    typed = {"psychotherapie.languages_offered.uk": True, "psychotherapie.initials": "ОП"}
    filled.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), typed))
    mailed = dt.date.today() - dt.timedelta(days=40)
    saved = mail_from(
        "Ольга Петренко <olga@example.org>", filled, tmp_path / "a.eml", mail_date(mailed)
    )
    (_, out) = ingest_into_register([saved], ws).outcomes
    assert out.merged and out.merged.startswith("updated, ua-1")
    entry = load(ws).institutions["ua-1"]["entries"]["psychotherapie"]
    assert "date" not in entry["fields"]
    assert last_confirmed(entry) == mailed
    assert confirmed_days(ws, ("ua-1", "psychotherapie")) == {
        ("ua-1", "psychotherapie"): mailed.isoformat()
    }


def test_a_several_lines_value_left_empty_is_told_on_one_line(tmp_path: Path) -> None:
    """Concepts typed on three lines, cleared on the update form: the report's flag stays one
    line (the report lists one flag a line), the value's line breaks shown as „↵“, and cut."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    concepts = "Gruppenangebot auf Farsi\nDolmetschereinsatz nach Absprache\nHausbesuche möglich"
    first = tmp_path / "erste.pdf"
    first.write_bytes(
        pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), {"psychotherapie.concepts": concepts})
    )
    ingest_into_register([first], ws)
    assert load(ws).institutions["ua-1"]["entries"]["psychotherapie"]["fields"]["concepts"]["raw"] == concepts  # fmt: skip
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d2"), "--round", "r2")  # fmt: skip
    update = mailed_form(ws, "ua-1", "r2").read_bytes()
    cleared = tmp_path / "geleert.pdf"
    cleared.write_bytes(pdfium_fill(update, {"psychotherapie.concepts": ""}))

    (out,) = ingest_into_register([cleared], ws).outcomes
    (left,) = [w for w in out.warnings if "left empty" in w]
    assert left == (
        "psychotherapie.concepts: left empty on the form; the register keeps 'Gruppenangebot auf "
        "Farsi↵Dolmetschereinsatz nach…' — if it is no longer true: formgen "
        'register set ua-1 psychotherapie.concepts --clear --note "no longer true"'
    )


def held_then_changed(tmp_path: Path) -> tuple[Workspace, Path]:
    """``bs-ist`` corrected its e-mail address twice on two forms made from the same revision:
    the first return is taken, the second held as c-0001 (register 'b@…', returned 'c@…').
    Then a form made from the register as it is now (PDFium fills them all) corrects the same
    field again: the register holds 'd@…', from that file. Returns the workspace and a
    folder for more forms."""
    ws, _before, _revision = corrected_by_its_return(tmp_path)
    forms = tmp_path / "formulare"
    for name in ("erstes", "zweites", "drittes"):
        out = forms / f"{name}.pdf"
        run("generate", "pdf", "--institution", "bs-ist", "-w", str(ws.root), "--out", str(out))
    returned = {
        "Rückmeldung Yılmaz.pdf": ("erstes", "b@danisma.example"),
        "Rückmeldung Yılmaz später.pdf": ("zweites", "c@danisma.example"),
    }
    for file, (form, address) in returned.items():
        filled = forms / file
        filled.write_bytes(
            pdfium_fill((forms / f"{form}.pdf").read_bytes(), {"institution.email": address})
        )
        run("ingest", str(filled), "-w", str(ws.root))
    (held,) = load(ws).conflicts()
    assert (held["mine"]["v"], held["theirs"]["v"]) == ("b@danisma.example", "c@danisma.example")
    return ws, forms


def correct_email(ws: Workspace, forms: Path, file: str, address: str) -> None:
    """A form made from the register as it is now, returned as ``file`` with ``address``."""
    made = forms / f"aktuell-{address}.pdf"
    run("generate", "pdf", "--institution", "bs-ist", "-w", str(ws.root), "--out", str(made))
    (forms / file).write_bytes(pdfium_fill(made.read_bytes(), {"institution.email": address}))
    run("ingest", str(forms / file), "-w", str(ws.root))


def printed_text(ws: Workspace, out: Path) -> str:
    """The printed register's text."""
    run("register", "print", "-w", str(ws.root), "-o", str(out))
    with pdfplumber.open(out) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


HELD_MARK = "⚠ ein anderer Wert wartet auf eine Entscheidung (c-0001)"


def test_conflicts_show_the_registers_value_now_when_a_later_return_changed_it(
    tmp_path: Path,
) -> None:
    """A conflict held on the e-mail address (register 'b@…', returned 'c@…'); a later form
    corrects the address to 'd@…'. The coordinator sees 'd@…' with the file it came from,
    and that it was 'b@…' when the conflict was held; deciding 'mine' keeps 'd@…'."""
    ws, forms = held_then_changed(tmp_path)
    correct_email(ws, forms, "Telefon Yılmaz.pdf", "d@danisma.example")

    out = run("register", "conflicts", "-w", str(ws.root))
    lines = out.splitlines()
    head = lines.index("c-0001  bs-ist Şule Yılmaz Danışmanlık  Einrichtung › E-Mail")
    mine, mine_from, changed, theirs, theirs_from, why = lines[head + 1 : head + 7]
    assert mine == "    im Register:    d@danisma.example"
    assert mine_from.startswith("        aus Telefon Yılmaz.pdf, Formular der Einrichtung FG-")
    assert mine_from.endswith("; behalten: --take mine")
    assert changed == (
        "    der Wert im Register hat sich seither geändert: beim Zurückstellen war es "
        "„b@danisma.example“"
    )
    assert theirs == "    zurückgemeldet: c@danisma.example"
    assert theirs_from.startswith("        aus Rückmeldung Yılmaz später.pdf, Formular der ")
    assert ", vorausgefüllt mit dem Stand des Registers in Revision 1, eingelesen " in theirs_from
    assert why.startswith("    Grund: ") and "inzwischen" not in out
    (held,) = json.loads(run("register", "conflicts", "-w", str(ws.root), "--json"))["conflicts"]
    assert (held["mine"]["v"], held["now"]["v"]) == ("b@danisma.example", "d@danisma.example")
    # the printed register marks the value it holds now
    assert f"E-Mail d@danisma.example\n{HELD_MARK}" in printed_text(ws, tmp_path / "r.pdf")

    said = run("register", "resolve", "c-0001", "--take", "mine", "-w", str(ws.root))
    assert said.splitlines()[1] == "    im Register steht jetzt: d@danisma.example"
    assert values(ws, "bs-ist")["email"] == "d@danisma.example" and not load(ws).conflicts()


def test_a_conflict_whose_value_the_register_holds_by_now_says_either_decision_keeps_it(
    tmp_path: Path,
) -> None:
    """A later form gives the very address that waits in c-0001: the conflict stays listed
    (nothing held is dropped unseen), says that either decision keeps it, and the
    printed register no longer marks the address as having another value waiting."""
    ws, forms = held_then_changed(tmp_path)
    correct_email(ws, forms, "Telefon Yılmaz.pdf", "c@danisma.example")

    out = run("register", "conflicts", "-w", str(ws.root))
    assert "\n    im Register:    c@danisma.example\n        aus Telefon Yılmaz.pdf, " in out
    assert "; behalten: --take mine\n    der Wert im Register hat sich seither geändert" in out
    assert (
        "; übernehmen: --take theirs\n"
        "    das Register hat den zurückgemeldeten Wert inzwischen: beide Entscheidungen "
        "behalten ihn\n"
    ) in out
    printed = printed_text(ws, tmp_path / "r.pdf")
    assert "E-Mail c@danisma.example" in printed and "c-0001" not in printed

    said = run("register", "resolve", "bs-ist", "--take", "theirs", "-w", str(ws.root))
    assert said.splitlines()[1] == "    im Register steht jetzt: c@danisma.example"
    assert values(ws, "bs-ist")["email"] == "c@danisma.example" and not load(ws).conflicts()


def test_a_probable_duplicate_in_a_saved_mail_settled_later_counts_from_the_day_it_was_mailed(
    tmp_path: Path,
) -> None:
    """A checklist from someone else names 'Şule Yılmaz Danışmanlık Beratungsstelle', which
    looks like bs-ist: it waits as a probable duplicate. It came in a mail of 40 days ago,
    ingested only today; merged on the coordinator's decision, its entry counts as confirmed
    on the mail's day, as it would have merged directly — and after a rebuild."""
    ws, _before, _revision = corrected_by_its_return(tmp_path)
    blank = tmp_path / "Checkliste.pdf"
    args = ("--kind", "checklist", "--category", "psychotherapie", "--out", str(blank))
    run("generate", "pdf", *args, "-w", str(ws.root))
    issued_days_ago(ws, 50)
    typed = {
        "psychotherapie.1.name": "Şule Yılmaz Danışmanlık Beratungsstelle",
        "psychotherapie.1.languages_offered.tr": True,
        "psychotherapie.1.initials": "JK",
    }
    filled = tmp_path / "Checkliste Kowalski.pdf"
    filled.write_bytes(pdfium_fill(blank.read_bytes(), typed))
    mailed = dt.date.today() - dt.timedelta(days=40)
    saved = mail_from("Jan Kowalski <jan@poradnia.example>", filled, tmp_path / "a.eml", mail_date(mailed))  # fmt: skip
    run("ingest", str(saved), "-w", str(ws.root))
    (waiting,) = load(ws).duplicates()
    assert waiting["candidate"] == "bs-ist" and "psychotherapie" not in load(ws).institutions["bs-ist"]["entries"]  # fmt: skip

    said = run("register", "resolve", waiting["id"], "--merge", "-w", str(ws.root))
    assert said.splitlines() == [  # the name the institution gave itself is held, and said so
        f"{waiting['id']}: mit bs-ist zusammengeführt",
        "  Einrichtung › Name der Einrichtung: zurückgestellt als c-0001: „Şule Yılmaz "
        "Danışmanlık Beratungsstelle“; das Register behält „Şule Yılmaz Danışmanlık“ (die "
        "Einrichtung selbst hat einen anderen Wert angegeben; diese Checkliste kam von jemand "
        "anderem) → formgen register resolve c-0001 --take theirs (den zurückgestellten Wert "
        "übernehmen) oder --take mine (den im Register behalten)",
    ]
    entry = ("bs-ist", "psychotherapie")
    assert confirmed_days(ws, entry) == {entry: mailed.isoformat()}
    run("register", "rebuild", "-w", str(ws.root))
    assert confirmed_days(ws, entry) == {entry: mailed.isoformat()}


def test_a_checklist_that_lists_an_institution_under_its_former_name_is_asked_about(
    tmp_path: Path,
) -> None:
    """An institution renamed since (here by hand, after a telephone call) is still listed under
    its old name in a partner's checklist: that row is held as a probable duplicate of it, with
    why, not taken for a new institution."""
    ws = make_workspace(tmp_path / "ws")
    blank = tmp_path / "leer.pdf"
    run("generate", "pdf", "--category", "psychotherapie", "-w", str(ws.root), "--out", str(blank))
    row = {
        "psychotherapie.1.name": "Beratungsstelle Anker",
        "psychotherapie.1.postcode": "40210",
        "psychotherapie.1.region": "Düsseldorf",
    }
    first = tmp_path / "erste.pdf"
    first.write_bytes(pdfium_fill(blank.read_bytes(), row))
    ingest_into_register([first], ws)
    (iid,) = load(ws).institutions
    new_name = "Zentrum für seelische Gesundheit Oberbilk"
    run("register", "set", iid, "institution.name", new_name, "--note", "umbenannt", "-w", str(ws.root))  # fmt: skip
    partner = tmp_path / "partner.pdf"
    partner.write_bytes(pdfium_fill(blank.read_bytes(), {**row, "psychotherapie.1.contact_name": "Jolanta Kowalczyk"}))  # fmt: skip
    ingest_into_register([partner], ws)
    reg = load(ws)
    assert list(reg.institutions) == [iid]  # no second institution
    (duplicate,) = reg.data["duplicates"].values()
    assert duplicate["candidate"] == iid
    assert duplicate["reason_key"] == "dup_former_name"
    out = run("register", "conflicts", "-w", str(ws.root))
    assert "der Name, den sie früher hatte (100\u00a0%)" in out
    assert new_name in out
    # merged, the row does not rename it back: the name set by hand waits for a decision
    out = run("register", "resolve", "d-0001", "--merge", "-w", str(ws.root))
    reg = load(ws)
    assert reg.institutions[iid]["institution"]["name"]["v"] == new_name
    (held,) = reg.data["conflicts"].values()
    assert (held["path"], held["reason_key"]) == ("institution.name", "held_hand")
    out = run("register", "conflicts", "-w", str(ws.root))
    assert "im Register wurde von Hand ein anderer Wert gesetzt" in out


def test_a_checklist_from_someone_else_never_silently_replaces_a_value_set_by_hand(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws")
    blank = tmp_path / "leer.pdf"
    run("generate", "pdf", "--category", "psychotherapie", "-w", str(ws.root), "--out", str(blank))
    row = {"psychotherapie.1.name": "Praxis Kowalczyk", "psychotherapie.1.postcode": "40210"}
    first = tmp_path / "erste.pdf"
    first.write_bytes(pdfium_fill(blank.read_bytes(), {**row, "psychotherapie.1.phone": "0211 111111"}))  # fmt: skip
    ingest_into_register([first], ws)
    (iid,) = load(ws).institutions
    run("register", "set", iid, "institution.phone", "0211 222222", "--note", "per Telefon", "-w", str(ws.root))  # fmt: skip
    partner = tmp_path / "partner.pdf"
    partner.write_bytes(pdfium_fill(blank.read_bytes(), {**row, "psychotherapie.1.phone": "0211 333333"}))  # fmt: skip
    ingest_into_register([partner], ws)
    reg = load(ws)
    assert list(reg.institutions) == [iid]
    assert reg.institutions[iid]["institution"]["phone"]["v"] == "+49 211 222222"
    (held,) = reg.data["conflicts"].values()
    assert held["theirs"]["v"] == "+49 211 333333"
    assert held["reason_key"] == "held_hand"


def test_a_form_with_only_its_date_and_initials_is_told_and_stays_on_the_update_list(
    tmp_path: Path,
) -> None:
    """Signed, nothing answered: formgen prefilled the name, the region and the address, the
    practice gave its Datum and Handzeichen and nothing else. That is no answer about the
    checklist (not even „Fehlanzeige“): told at ingest, and the entry stays incomplete. The
    update form of an entry that answers, sent back as it was, still confirms it."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    today = dt.date.today().strftime("%d.%m.%Y")
    thin = tmp_path / "Öztürk.pdf"
    signed = {"psychotherapie.date": today, "psychotherapie.initials": "ОП"}
    thin.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), signed))
    said = run("ingest", str(thin), "-w", str(ws.root)).splitlines()
    assert said[0].startswith(f"Hinweise     {thin}: Formular FG-"), said
    assert said[0].endswith(", mit Hinweisen übernommen, ua-1 (neu), 5 Änderungen, 1 Hinweis")
    assert said[1] == (
        "    PsychotherapeutIn, niedergelassen: von der Checkliste ist nur Datum und Handzeichen "
        "ausgefüllt (nicht einmal „Fehlanzeige“); der Eintrag ist unvollständig und bleibt auf "
        "der Aktualisierungsliste"
    )
    stale = json.loads(run("register", "stale", "-w", str(ws.root), "--json"))
    (finding,) = [f for f in stale if f["institution_id"] == "ua-1"]
    assert (finding["reasons"], finding["missing"]) == (["missing"], ["migrant_experience"])
    assert "fehlt (Erfahrungen/Ressourcen vorhanden?)" in run(
        "register", "stale", "-w", str(ws.root)
    )

    # answered now: „Fehlanzeige“ and the office hours; then its update form sent back as it was
    answer = tmp_path / "Antwort.pdf"
    fehlanzeige = {**signed, "psychotherapie.migrant_experience": "fehlanzeige"}
    answer.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), fehlanzeige))
    (answered,) = ingest_into_register([answer], ws).outcomes
    assert answered.status is Status.OK, answered.warnings
    assert not [f for f in json.loads(run("register", "stale", "-w", str(ws.root), "--json")) if f["institution_id"] == "ua-1"]  # fmt: skip
    update = tmp_path / "update.pdf"
    run("generate", "pdf", "--institution", "ua-1", "-w", str(ws.root), "--out", str(update))
    back = tmp_path / "update zurück.pdf"
    back.write_bytes(pdfium_fill(update.read_bytes(), {"psychotherapie.initials": "ОП"}))
    (confirmed,) = ingest_into_register([back], ws).outcomes
    assert confirmed.status is Status.OK and not confirmed.warnings, confirmed.warnings


@pytest.mark.parametrize(
    ("share", "meeting", "flagged"),
    [("etwa ein Drittel", "Frühjahr 2027", True), ("ca. 30 %", "ab 01/2027", False)],
)
def test_a_date_or_percentage_kept_as_typed_is_shown_as_typed_on_the_update_form(
    tmp_path: Path, share: str, meeting: str, flagged: bool
) -> None:
    """The update mail says „„etwa ein Drittel“ ist keine gültige Prozentangabe“: its form
    shows „etwa ein Drittel“ in that box, as it shows an invalid postcode, so that it can be
    corrected. Sent back as it was, it is still no valid value: the entry stays on the update
    list. An approximate percentage („ca. 30 %“) and a month („ab 01/2027“) are valid and
    shown as typed too: their entry is not on the list for them."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    today = dt.date.today().strftime("%d.%m.%Y")
    typed = {
        "institution.postcode": "D-4021",
        "psychotherapie.share_migrants": share,
        "psychotherapie.meeting_date": meeting,
        "psychotherapie.migrant_experience": "ja",
        "psychotherapie.date": today,
        "psychotherapie.initials": "ОП",
    }
    first = tmp_path / "Antwort.pdf"
    first.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), typed))
    ingest_into_register([first], ws)
    shown = {k: typed[k] for k in ("institution.postcode", *list(typed)[1:3])}

    update = tmp_path / "update.pdf"
    run("generate", "pdf", "--institution", "ua-1", "-w", str(ws.root), "--out", str(update))
    fields = PdfReader(update).get_fields() or {}
    assert {k: fields[k].get("/V") for k in shown} == shown
    words = tmp_path / "update.docx"
    run("generate", "docx", "--institution", "ua-1", "-w", str(ws.root), "--out", str(words))
    assert {k: read_docx(words.read_bytes()).values.get(k) for k in shown} == shown

    back = tmp_path / "update zurück.pdf"
    back.write_bytes(pdfium_fill(update.read_bytes(), {"psychotherapie.initials": "ОП"}))
    (out,) = ingest_into_register([back], ws).outcomes
    assert out.merged and not load(ws).conflicts(), out.merged
    stored = load(ws).institutions["ua-1"]["entries"]["psychotherapie"]["fields"]
    assert [stored[k]["raw"] for k in ("share_migrants", "meeting_date")] == list(shown.values())[
        1:
    ]
    assert [bool(stored[k].get("problem")) for k in ("share_migrants", "meeting_date")] == [
        flagged
    ] * 2
    found = json.loads(run("register", "stale", "-w", str(ws.root), "--json"))
    (finding,) = [f for f in found if f["institution_id"] == "ua-1"]
    kept = ["share_migrants", "meeting_date"] if flagged else []
    assert finding["invalid"] == ["postcode", *kept]


def _contact_round(tmp_path: Path, **update: str) -> tuple[Workspace, object]:
    """Maria Nowak is the contact person for ua-1's psychotherapy checklist, with her phone and
    e-mail; the update round's form (prefilled with them) comes back with ``update`` typed in."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    first = tmp_path / "erste.pdf"
    nowak = {
        "psychotherapie.contact_name": "Maria Nowak",
        "psychotherapie.contact_phone": "0211 1234567",
        "psychotherapie.contact_email": "m.nowak@beratung.example",
    }
    first.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), nowak))
    ingest_into_register([first], ws)
    run("mail", "--from-register", "-w", str(ws.root), "--drafts", str(tmp_path / "d2"), "--round", "r2")  # fmt: skip
    back = tmp_path / "Rückmeldung.pdf"
    back.write_bytes(pdfium_fill(mailed_form(ws, "ua-1", "r2").read_bytes(), update))
    (out,) = ingest_into_register([back], ws).outcomes
    return ws, out


def test_a_new_contact_person_with_the_former_ones_phone_and_email_is_merged_and_asked(
    tmp_path: Path,
) -> None:
    """Found by the tester (s20 L, item 11): the receptionist typed the new contact's name over
    the old one and left the prefilled phone and e-mail standing; the register paired „Gülşen
    Çelik-Doğan“ with m.nowak@… and nothing asked. Merged all the same, but the report asks,
    and the register's history keeps the question."""
    ws, out = _contact_round(tmp_path, **{"psychotherapie.contact_name": "Gülşen Çelik-Doğan"})
    fields = load(ws).institutions["ua-1"]["entries"]["psychotherapie"]["fields"]
    assert fields["contact_name"]["raw"] == "Gülşen Çelik-Doğan"  # not blocked
    assert fields["contact_email"]["raw"] == "m.nowak@beratung.example"
    assert out.status is Status.WARNINGS and out.merged.startswith("merged-flagged, ua-1")
    asked = [w for w in out.warnings if "contact person" in w]
    assert asked == [
        "ua-1: psychotherapie.contact_name: a new contact person, 'Gülşen Çelik-Doğan' (was "
        "'Maria Nowak'), but psychotherapie.contact_phone (0211 1234567), "
        "psychotherapie.contact_email (m.nowak@beratung.example) are still the former contact's, "
        "left as they were — still hers? If not: formgen register set ua-1 "
        'psychotherapie.contact_email VALUE --note "new contact person"'
    ]
    history = run("register", "history", "ua-1", "-w", str(ws.root))
    (latest,) = [b for b in history.split("\n\n") if "Gülşen Çelik-Doğan" in b]
    assert latest.splitlines()[-2:] == [
        "    Name der Ansprechperson: Maria Nowak → Gülşen Çelik-Doğan",
        "    neue Ansprechperson, dies noch die der früheren (noch ihre?): Telefon, E-Mail",
    ]
    rebuild(ws)  # the journal's merge asks again
    assert run("register", "history", "ua-1", "-w", str(ws.root)) == history


def test_a_new_contact_person_with_her_own_email_is_no_question(tmp_path: Path) -> None:
    ws, out = _contact_round(
        tmp_path,
        **{
            "psychotherapie.contact_name": "Gülşen Çelik-Doğan",
            "psychotherapie.contact_phone": "0211 7654321",
            "psychotherapie.contact_email": "g.celik-dogan@beratung.example",
        },
    )
    assert out.merged.startswith("updated, ua-1"), out
    assert not [w for w in out.warnings if "contact person" in w]
    assert "noch ihre?" not in run("register", "history", "ua-1", "-w", str(ws.root))
