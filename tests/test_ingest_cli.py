"""``formgen ingest``: one line per file, a summary, JSON, exit codes."""

from __future__ import annotations

import errno
import json
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES as ALL_SAMPLES
from ingest_support import sample_workspace
from pdf_engines import pdfium_fill
from register_support import local_zone
from workspace_faults import refuse_writes

from formgen.cli import main
from formgen.workspace import Workspace
from ingest import pipeline
from ingest.flat_reader import NAMES_BY_POSITION_NOTE
from ingest.journal import load
from ingest.pdf_reader import FIELDS_FROM_PAGES_NOTE
from ingest.pipeline import ReadContext, discover, ingest_sources
from ingest.sniff import Kind

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "mail"


@pytest.fixture
def ws_dir(tmp_path: Path) -> Path:
    sample_workspace(tmp_path / "ws")
    return tmp_path / "ws"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "eingang"
    folder.mkdir()
    (folder / "leer.pdf").write_bytes(b"")
    (folder / "rueckmeldung.eml").write_bytes((SAMPLES / "rueckmeldung.eml").read_bytes())
    return folder


def test_ingest_reports_every_file_and_merges(ws_dir: Path, inbox: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(inbox), "--workspace", str(ws_dir)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(
        line.startswith("unlesbar") and "leer.pdf: leere Datei (0 Bytes)" in line for line in lines
    )
    assert any(
        line.startswith("Hinweise")
        and "rueckmeldung.eml#1/1 Bogen Praxis Yılmaz.pdf" in line
        and "inst-" in line
        for line in lines
    )
    assert lines[-2].startswith("2 Dateien in ") and "1 unlesbar" in lines[-2]
    (saved,) = (ws_dir / "exports").glob("ingest-*.txt")
    assert lines[-1] == f"Bericht mit allen Hinweisen: {saved}"
    kept = saved.read_text("utf-8").splitlines()
    assert kept[-1] == lines[-2] and any("leer.pdf: leere Datei (0 Bytes)" in k for k in kept)
    register = json.loads((ws_dir / "register.json").read_text("utf-8"))
    assert register["institutions"]
    assert any((ws_dir / "archive").rglob("*"))
    again = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws_dir)])
    assert again.exit_code == 0 and "diese Datei wurde bereits am " in again.output
    assert "1 doppelt" in again.output  # merged before: not ok, not warnings


_MODULES_LOADED = """
import sys
from formgen.cli import main
try:
    main(["ingest", *sys.argv[2:], "-w", sys.argv[1], "-q"])
except SystemExit as end:
    assert end.code == 0, end.code
print(" ".join(m for m in ("ingest.erase", "ingest.printed", "reportlab") if m in sys.modules))
"""


def test_an_ingest_into_the_register_does_not_load_erase_and_the_printed_register(
    ws_dir: Path,
) -> None:
    """A merge looks into ingest.erase only for a form one of whose prefilled values was
    erased since it was made: importing it (with the printed register's reader and reportlab)
    took 0.4–2 s of every ``formgen ingest`` that merged a return, most of a run of a few
    files, and 5 ms a file of 400 on a busy machine."""
    import subprocess
    import sys

    returns = [str(ALL_SAMPLES / "pdf" / f"{f}_pdfium.pdf") for f in ("institution", "checklist")]
    root = str(Path(__file__).resolve().parents[1])
    run = subprocess.run(
        [sys.executable, "-c", _MODULES_LOADED, str(ws_dir), *returns],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "PYTHONPATH": root},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == ""  # none of them
    assert "2 Dateien" in run.stdout and len(load(Workspace.open(ws_dir)).data["sources"]) == 2


def test_a_report_says_when_what_and_where_and_an_empty_inbox_leaves_none(
    ws_dir: Path, inbox: Path, tmp_path: Path
) -> None:
    """Audit s18D: cron's ingest of an empty inbox every 15 minutes kept a report of one line
    each time (35,000 a year), and no report said when it ran, in which zone, what ran or in
    which workspace. The terminal still says that there was nothing to read."""
    empty = tmp_path / "leer"
    empty.mkdir()
    for _ in range(2):
        result = CliRunner().invoke(main, ["ingest", str(empty), "-w", str(ws_dir)])
        assert result.exit_code == 0, result.output
        assert result.output.endswith(": nichts einzulesen\n"), result.output
    assert list((ws_dir / "exports").glob("ingest-*.txt")) == []
    with local_zone("Europe/Berlin"):
        args = ["ingest", str(inbox), "--jobs", "1", "-w", str(ws_dir)]
        result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    (saved,) = (ws_dir / "exports").glob("ingest-*.txt")
    header, *_ = saved.read_text("utf-8").splitlines()
    said = re.fullmatch(r"(\d\d)\.(\d\d)\.(\d{4}) (\d\d):(\d\d) MES?Z: (.*)", header)
    assert said, header
    day, month, year, hour, minute, command = said.groups()
    assert saved.name.startswith(f"ingest-{year}-{month}-{day}-{hour}{minute}")  # both in MEZ
    assert command == f"formgen ingest {inbox} --jobs 1 -w {ws_dir} (Arbeitsbereich {ws_dir})"


def test_json_report(ws_dir: Path, inbox: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", str(inbox), "-w", str(ws_dir), "--json", "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"]["files"] == 2 and data["summary"]["unreadable"] == 1
    assert not list((ws_dir / "exports").glob("ingest-*"))  # a dry run writes nothing
    statuses = {Path(f["name"]).name: f["status"] for f in data["files"]}
    assert statuses["leer.pdf"] == "unreadable" and statuses["rueckmeldung.eml"] == "container"
    assert not (ws_dir / "register.json").exists() or "inst-0007" not in (
        ws_dir / "register.json"
    ).read_text("utf-8")


def test_the_summary_times_the_whole_run(
    ws_dir: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary's seconds are the run's, loading and writing the register included (a
    register of three years takes longer to load and write than 30 returns to read): a
    coordinator compares them with how long the command took."""
    from ingest import journal

    def slow(real: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            time.sleep(0.4)
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(journal, "_load", slow(journal._load))
    monkeypatch.setattr(journal, "checkpoint", slow(journal.checkpoint))
    result = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["summary"]["seconds"] >= 0.8


def test_an_invalid_institution_field_is_one_problem_under_the_institutions_name(
    ws_dir: Path, tmp_path: Path
) -> None:
    """An institution form with two checklists carries the institution's own fields once: a
    mistyped e-mail is one problem, ``institution.email`` as the register names it, in the
    merge result, the report and --json; not one per checklist under the checklist's name."""
    form = tmp_path / "Rückmeldung Psychosoziales Zentrum Düsseldorf.pdf"
    blank = (ALL_SAMPLES / "pdf" / "institution_blank.pdf").read_bytes()
    form.write_bytes(pdfium_fill(blank, {"institution.email": "şule.yılmaz(at)pszd.example"}))
    why = (
        "'şule.yılmaz(at)pszd.example' is not an e-mail address; write one address like "
        "name@example.org"
    )
    ws = Workspace.open(ws_dir)
    (sub,) = ingest_sources(discover([form])[0], ReadContext.for_workspace(ws)).submissions
    assert [e.category for e in sub.entries] == ["psychotherapie", "fluechtlingsberatung"]
    result = load(ws).merge(sub)  # in memory, not saved
    assert result.invalid == (f"institution.email: invalid value kept as typed: {why}",)
    other = shutil.copytree(ws_dir, tmp_path / "ws-json")

    said = CliRunner().invoke(main, ["ingest", str(form), "-w", str(ws_dir)])
    assert said.exit_code == 0, said.output
    assert [line for line in said.output.splitlines() if "E-Mail" in line] == [
        "    Einrichtung › E-Mail: „şule.yılmaz(at)pszd.example“ ist keine gültige E-Mail-Adresse; "
        "bitte eine einzelne Adresse eintragen, z.\u00a0B. name@example.org"
    ]
    as_json = CliRunner().invoke(main, ["ingest", str(form), "-w", str(other), "--json"])
    assert as_json.exit_code == 0, as_json.output
    (returned,) = json.loads(as_json.output)["files"]
    assert [w for w in returned["warnings"] if "e-mail" in w] == [f"institution.email: {why}"]
    # kept as typed, once, as before
    inst = load(ws).institutions["inst-0001"]
    assert inst["institution"]["email"]["raw"] == "şule.yılmaz(at)pszd.example"
    changes = [c for h in inst["history"] for c in h["changes"] if c[0] == "institution.email"]
    assert len(changes) == 1


def test_strict_fails_when_a_file_was_not_ok(ws_dir: Path, inbox: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", str(inbox), "-w", str(ws_dir), "--strict", "--dry-run"]
    )
    assert result.exit_code == 1
    assert "Fehler: --strict: 1 von 2 Dateien waren nicht ok" in result.output


def test_a_mailbox_ingested_again_shows_its_returns_as_duplicates(
    ws_dir: Path, tmp_path: Path
) -> None:
    """The coordinator ingests the same mailbox every week: a return merged last week, with an
    invalid value, is a ``duplicate`` now — its warning is not told again, and a --strict run
    over the mailbox does not fail on it."""
    import mailbox
    from email.message import EmailMessage

    blank = (ALL_SAMPLES / "pdf" / "institution_blank.pdf").read_bytes()
    mail = EmailMessage()
    mail["From"] = "Şule Yılmaz <sule@danisma.example>"
    mail["To"] = "spkom@example.org"
    mail["Subject"] = "AW: Bestandsaufnahme"
    mail.set_content("Anbei der Bogen.")
    mail.add_attachment(
        pdfium_fill(blank, {"institution.email": "şule.yılmaz(at)pszd.example"}),
        maintype="application",
        subtype="pdf",
        filename="Bogen Yılmaz.pdf",
    )
    path = tmp_path / "Posteingang.mbox"
    box = mailbox.mbox(path)
    box.add(mail)
    box.close()

    def line_of(output: str) -> str:
        (line,) = [line for line in output.splitlines() if "Bogen Yılmaz.pdf" in line]
        return line

    first = CliRunner().invoke(main, ["ingest", str(path), "-w", str(ws_dir)])
    assert first.exit_code == 0, first.output
    assert line_of(first.output).startswith("Hinweise") and "E-Mail-Adresse" in first.output
    again = CliRunner().invoke(main, ["ingest", str(path), "-w", str(ws_dir), "--strict"])
    assert again.exit_code == 0, again.output
    line = line_of(again.output)
    assert line.startswith("doppelt") and "Posteingang.mbox#1/1 Bogen Yılmaz.pdf: " in line
    assert "bereits am " in line and "E-Mail-Adresse" not in again.output
    assert "1 doppelt" in again.output


def _reader_that_fails(data: bytes, prov: Any, ctx: Any) -> Any:
    raise KeyError("read again")


def test_a_return_ingested_before_is_not_read_again(
    ws_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The weekly rerun over the same mailbox: the mailbox is opened again, but a return the
    register merged last week is not read again (the time of the run goes to the new ones);
    its line and its --json say what they said when it was read."""
    import mailbox
    from email.message import EmailMessage

    blank = (ALL_SAMPLES / "pdf" / "institution_blank.pdf").read_bytes()

    def add(box: mailbox.mbox, sender: str, name: str, filled: bytes) -> None:
        mail = EmailMessage()
        mail["From"] = sender
        mail["Subject"] = "AW: Bestandsaufnahme"
        mail.set_content("Anbei der Bogen.")
        mail.add_attachment(filled, maintype="application", subtype="pdf", filename=name)
        box.add(mail)

    path = tmp_path / "Posteingang.mbox"
    box = mailbox.mbox(path)
    add(box, "Şule Yılmaz <sule@danisma.example>", "Bogen Yılmaz.pdf", pdfium_fill(blank, {}))
    box.flush()
    first = CliRunner().invoke(
        main, ["ingest", str(path), "-w", str(ws_dir), "--dry-run", "--json"]
    )
    _, was = json.loads(first.output)["files"]
    assert was["status"] in ("ok", "warnings") and was["form"]
    assert CliRunner().invoke(main, ["ingest", str(path), "-w", str(ws_dir)]).exit_code == 0
    add(box, "Jan Kowalski <jan@poradnia.example>", "Ankieta Łódź.pdf", blank)
    box.close()

    monkeypatch.setitem(pipeline.READERS, Kind.PDF, _reader_that_fails)  # in the workers too
    again = CliRunner().invoke(main, ["ingest", str(path), "-w", str(ws_dir), "--json"])
    assert again.exit_code == 0, again.output
    mbox, known, new = json.loads(again.output)["files"]
    assert mbox["status"] == "container"
    assert new["status"] == "unreadable" and "KeyError: 'read again'" in new["reason"]
    assert known["status"] == "duplicate" and known["warnings"] == []
    assert known["reason"].startswith("this file was already ingested on ")
    assert known["reason"].endswith(" as Bogen Yılmaz.pdf; nothing changed")
    assert known["merged"] == f"unchanged, {known['reason']}"
    for key in ("name", "kind", "sha256", "size", "reader", "confidence", "form"):
        assert known[key] == was[key], key


def test_not_a_workspace_is_a_domain_error(tmp_path: Path, inbox: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(tmp_path / "nirgends")])
    assert result.exit_code == 1
    assert f"Error: {tmp_path}/nirgends is not a formgen workspace (no such folder)" in (
        result.output
    )
    assert "give its folder with --workspace DIR (-w DIR), set FORMGEN_WORKSPACE=DIR" in (
        result.output
    )


def test_a_missing_path_is_misuse(ws_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "fehlt.pdf"), "-w", str(ws_dir)])
    assert result.exit_code == 2
    assert f"Den Pfad „{tmp_path / 'fehlt.pdf'}“ gibt es nicht." in result.output


def test_help_text() -> None:
    result = CliRunner().invoke(main, ["ingest", "--help"])
    assert result.exit_code == 0 and "quarantined" in result.output and "--strict" in result.output


def test_register_rebuild_rereads_the_archived_originals(ws_dir: Path, inbox: Path) -> None:
    assert CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws_dir)]).exit_code == 0
    before = json.loads((ws_dir / "register.json").read_text("utf-8"))["institutions"]
    result = CliRunner().invoke(main, ["register", "rebuild", "--reread", "-w", str(ws_dir)])
    assert result.exit_code == 0, result.output
    assert "1 Rücklauf eingelesen" in result.output  # the workspace speaks German
    after = json.loads((ws_dir / "register.json").read_text("utf-8"))["institutions"]
    assert after.keys() == before.keys()
    for iid in before:
        assert after[iid]["entries"] == before[iid]["entries"]


def test_ingesting_the_workspace_folder_skips_its_own_archive(ws_dir: Path, inbox: Path) -> None:
    assert CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws_dir)]).exit_code == 0
    assert any(p.is_file() for p in (ws_dir / "archive").rglob("*"))
    shutil.copy(inbox / "rueckmeldung.eml", ws_dir / "antwort.eml")  # saved into the workspace
    result = CliRunner().invoke(
        main, ["ingest", str(ws_dir), "-w", str(ws_dir), "--json", "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    names = [f["name"] for f in json.loads(result.output)["files"]]
    assert names and all(n.startswith(f"{ws_dir}/antwort.eml") for n in names), names


def test_the_quarantine_can_be_ingested_again(tmp_path: Path, inbox: Path) -> None:
    """Forms signed for another workspace are kept aside with the mail they came in; ingesting
    the quarantine folder reads the copies, not their records, under the original names."""
    ws_dir = tmp_path / "andere"
    sample_workspace(ws_dir, secret=bytes(range(32)))
    first = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws_dir)])
    assert first.exit_code == 0 and "Quarantäne" in first.output, first.output
    (record,) = (ws_dir / "quarantine").glob("*.json")
    (arrival,) = json.loads(record.read_text("utf-8"))["arrivals"]
    assert arrival["file_name"] == "Bogen Praxis Yılmaz.pdf" and arrival["mail_from"]
    again = CliRunner().invoke(main, ["ingest", str(ws_dir / "quarantine"), "-w", str(ws_dir)])
    assert again.exit_code == 0, again.output
    reported = [line for line in again.output.splitlines() if not line.startswith(" ")]
    assert len(reported) == 3 and ".json" not in again.output  # the copy, summary, saved report
    assert reported[0].startswith("Quarantäne") and "(beiseitegelegt, ursprünglich " in reported[0]
    assert "Bogen Praxis Yılmaz.pdf" in reported[0]
    assert len(json.loads(record.read_text("utf-8"))["arrivals"]) == 1
    status = CliRunner().invoke(main, ["status", "-w", str(ws_dir)])
    shown = (
        "Quarantäne: 1 Datei beiseitegelegt (1 aus anderem Arbeitsbereich oder Kennung verändert)"
    )
    assert shown in status.output, status.output
    toml = ws_dir / "workspace.toml"
    toml.write_text(toml.read_text("utf-8").replace('language = "de"', 'language = "en"'), "utf-8")
    status = CliRunner().invoke(main, ["status", "-w", str(ws_dir)])
    shown = "quarantine: 1 file kept aside (1 another workspace's or identity changed) → formgen"
    assert shown in status.output, status.output
    data = json.loads(CliRunner().invoke(main, ["status", "-w", str(ws_dir), "--json"]).output)
    assert data["quarantine"] == {"tampered": 1}


def test_a_read_only_workspace_fails_the_run_before_anything_is_merged(
    ws_dir: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_writes(monkeypatch, ws_dir, errno.EROFS)
    result = CliRunner().invoke(
        main, ["ingest", str(inbox), "-w", str(ws_dir)], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Fehler: der Lauf ist fehlgeschlagen: {ws_dir}/.lock kann nicht geschrieben werden: das "
        "Laufwerk ist schreibgeschützt; bitte einen Ordner auf einem beschreibbaren Laufwerk "
    ), result.output
    assert "zuvor übernommen" not in result.output and "Traceback" not in result.output


def test_a_run_that_fails_after_a_merge_says_what_is_kept(
    ws_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "zwei"
    folder.mkdir()
    for name in ("institution_pdfium.pdf", "checklist_pdfium.pdf"):
        (folder / name).write_bytes((ALL_SAMPLES / "pdf" / name).read_bytes())
    from ingest import pipeline

    real = pipeline.register_merge

    def full_after_one(ws: Any, writer: Any) -> Any:
        merge = real(ws, writer)
        calls = []

        def merge_or_fail(submission: Any, original: Path) -> object:
            calls.append(submission)
            if len(calls) > 1:
                raise OSError(errno.ENOSPC, "No space left on device", str(ws.root / "journal"))
            return merge(submission, original)

        return merge_or_fail

    monkeypatch.setattr(pipeline, "register_merge", full_after_one)
    result = CliRunner().invoke(
        main, ["ingest", str(folder), "-w", str(ws_dir)], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output
    assert result.output.startswith(
        f"Fehler: der Lauf ist fehlgeschlagen: {ws_dir}/journal kann nicht geschrieben werden: "
        "auf dem Laufwerk ist kein Platz mehr; bitte Platz schaffen und den Befehl noch einmal "
        "ausführen; die 1 zuvor übernommene Datei bleibt im Register"
    ), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "merged",
    [
        "institution_pdfium_pdfunite.pdf",
        "institution_pdfium_qpdf_pages.pdf",
        "institution_pdfium_pypdf_add_page.pdf",
        "institution_pdfium_pikepdf_pages.pdf",
    ],
)
def test_a_return_put_through_a_pdf_merger_is_merged_as_the_return_itself(
    tmp_path: Path, merged: str
) -> None:
    """pdfunite and the like keep every value in the fields on the pages, not the form's
    list of fields: the register gets what the return itself gives, nothing "not filled in",
    no field "ignored", only a word on how the values were read."""
    registers, warnings = [], []
    for name in ("institution_pdfium.pdf", merged):
        ws_dir = tmp_path / name
        sample_workspace(ws_dir)
        path = tmp_path / name / name
        path.write_bytes((ALL_SAMPLES / "pdf" / name).read_bytes())
        result = CliRunner().invoke(main, ["ingest", str(path), "-w", str(ws_dir), "--json"])
        assert result.exit_code == 0, result.output
        (report,) = json.loads(result.output)["files"]
        warnings.append(set(report["warnings"]) - {NAMES_BY_POSITION_NOTE, FIELDS_FROM_PAGES_NOTE})
        assert report["merged"] == "updated, inst-0001 (new), 22 changes"
        register = json.loads((ws_dir / "register.json").read_text("utf-8"))
        registers.append(
            {
                (inst, category, path): (value["raw"], value["v"])
                for inst, record in register["institutions"].items()
                for category, entry in record["entries"].items()
                for path, value in entry["fields"].items()
            }
        )
    assert registers[1] == registers[0]
    assert warnings[1] == warnings[0]


@pytest.mark.parametrize("damaged", ["register.json", "journal.jsonl"])
def test_a_dry_run_says_the_damage_of_the_register_the_real_run_refuses(
    ws_dir: Path, inbox: Path, damaged: str
) -> None:
    """A dry run said „ok“ over a damaged register.json, and the real run then failed (audit
    s18M): it says what the real run says, before it reads a file, and changes nothing."""
    first = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws_dir)])
    assert first.exit_code == 0, first.output
    path = ws_dir / damaged
    data = path.read_bytes()
    path.write_bytes(data[:-9])  # cut off: the journal's only operation torn, left out
    before = {p: p.read_bytes() for p in ws_dir.rglob("*") if p.is_file()}
    dry = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws_dir), "--dry-run"])
    real = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws_dir)])
    assert dry.exit_code == real.exit_code == 1
    assert dry.stdout == real.stdout == ""
    assert dry.stderr == real.stderr
    assert dry.stderr.startswith(f"Fehler: {ws_dir / damaged}")
    assert {p: p.read_bytes() for p in ws_dir.rglob("*") if p.is_file()} == before


def test_a_word_return_without_its_identity_quarantined_is_not_said_to_be_matched(
    ws_dir: Path, tmp_path: Path
) -> None:
    """A DOCX whose custom properties are gone, its footer's reference unknown here: quarantined
    as an unknown form, its note said „nur über die Formular-ID zugeordnet“ (audit s18M). The
    note says only what is so: it can be matched by that reference alone."""
    import zipfile

    path = tmp_path / "ohne-kennung.docx"
    with (
        zipfile.ZipFile(ALL_SAMPLES / "docx" / "lo252-institution.docx") as zi,
        zipfile.ZipFile(path, "w") as zo,
    ):
        for info in zi.infolist():
            if info.filename != "docProps/custom.xml":
                zo.writestr(info, zi.read(info))
    result = CliRunner().invoke(main, ["ingest", str(path), "-w", str(ws_dir)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())  # folded to the terminal's width
    assert said.startswith(f"Quarantäne {path}: unbekanntes Formular: ")
    assert (
        "nicht übernommen die Kennung des Formulars (Dokumenteigenschaften) fehlt; seine "
        "Fußzeile zeigt die Formular-ID FG-CPX3D-EJZDN: es ist nur über sie zuzuordnen, bitte "
        "prüfen 1 Datei in "
    ) in said
    assert "zugeordnet" not in said
    assert [p.suffix for p in (ws_dir / "quarantine").iterdir()].count(".docx") == 1


def test_quiet_says_only_the_counts_and_the_report_no_file_name(ws_dir: Path, inbox: Path) -> None:
    """Found by the data protection audit (s19B): cron mails an ingest's output around, and
    every line named a file („Arztbrief_Hans-Jürgen_Meier.pdf“, a private person's letter).
    With --quiet the output is the counts line and where the report is; the kept report and
    the exit status are as without it."""
    letter = inbox / "Arztbrief_Hans-Jürgen_Meier.pdf"
    letter.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n")  # cut off: unreadable
    (inbox / "Заява_Шевченко_عائشة.pdf").write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(inbox), "-w", str(ws_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    (saved,) = (ws_dir / "exports").glob("ingest-*.txt")
    lines = result.output.splitlines()
    assert len(lines) == 2, result.output
    assert re.fullmatch(r"4 Dateien in .*: .*3 unlesbar.*", lines[0]), lines[0]
    assert lines[1] == f"Bericht mit allen Hinweisen: {saved}"
    assert "Meier" not in result.output and "Шевченко" not in result.output
    kept = saved.read_text("utf-8")
    assert letter.name in kept and "Заява_Шевченко_عائشة.pdf" in kept

    strict = CliRunner().invoke(
        main, ["ingest", str(inbox), "-w", str(ws_dir), "-q", "--strict", "--dry-run"]
    )
    assert strict.exit_code == 1
    assert "Fehler: --strict: 3 von 4 Dateien waren nicht ok" in strict.output
    assert "Meier" not in strict.output and "Шевченко" not in strict.output
