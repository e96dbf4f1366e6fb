"""The ingest batch end to end: every bad input of issue 5 gets a clear line, the rest goes on."""

from __future__ import annotations

import faulthandler
import functools
import hashlib
import json
import os
import signal
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from ingest_support import docx_reader_present, load_maker, workspace

from formgen.messages import in_language
from formgen.workspace import Workspace
from ingest import journal, pipeline
from ingest.pipeline import (
    Limits,
    ReadContext,
    discover,
    ingest_into_register,
    ingest_paths,
    ingest_sources,
    register_merge,
)
from ingest.report import IngestReport, Outcome, Status
from ingest.sniff import Kind

MAKER = load_maker()


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    files: dict[str, Path] = MAKER.make_all(tmp_path_factory.mktemp("bad"))
    return files


@pytest.fixture(scope="module")
def batch(
    bad_inputs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Workspace, IngestReport]:
    ws = workspace(tmp_path_factory.mktemp("ws") / "ws", MAKER.SECRET)
    folder = next(iter(bad_inputs.values())).parent
    with journal.writing(ws) as writer:
        report = ingest_paths([folder], ws, merge=register_merge(ws, writer))
    return ws, report


def outcome(report: IngestReport, name: str) -> Outcome:
    (found,) = [o for o in report.outcomes if o.name.endswith(name)]
    return found


def test_the_whole_batch_is_handled(batch: tuple[Workspace, IngestReport]) -> None:
    _, report = batch
    names = {Path(o.name).name for o in report.outcomes if o.container is None}
    assert len(names) == 16
    assert sum(o.container is not None for o in report.outcomes) == 203


@pytest.mark.parametrize(
    ("name", "status", "reason"),
    [
        ("empty.pdf", Status.UNREADABLE, "empty file (0 bytes)"),
        ("truncated.pdf", Status.UNREADABLE, "the PDF is truncated"),
        ("not-a-pdf.pdf", Status.UNREADABLE, "named .pdf but it is a text file, not a PDF"),
        ("password.pdf", Status.UNREADABLE, "password-protected"),
        ("xfa.pdf", Status.UNREADABLE, "XFA form"),
        # not issued by this workspace: said to be another's first, then changed or forged
        ("tampered.pdf", Status.QUARANTINED, "its identity was changed or forged"),
        ("unknown-schema.pdf", Status.QUARANTINED, "made with schema version 9.9.9"),
        ("unknown-form.pdf", Status.QUARANTINED, "unknown form: no formgen identity"),
    ],
)
def test_each_bad_file_has_a_clear_line(
    batch: tuple[Workspace, IngestReport], name: str, status: Status, reason: str
) -> None:
    o = outcome(batch[1], name)
    assert o.status is status
    assert reason in o.reason


def test_a_pdf_with_50000_objects_is_read_within_its_bounds(
    batch: tuple[Workspace, IngestReport],
) -> None:
    o = outcome(batch[1], "objects-50000.pdf")
    # No fields and no identity: a flattened-copy reader finds no form reference either.
    assert o.status in (Status.QUARANTINED, Status.UNREADABLE)
    assert o.seconds < 30


def test_a_20_mb_field_value_is_left_out_and_reported(
    batch: tuple[Workspace, IngestReport],
) -> None:
    o = outcome(batch[1], "value-20mb.pdf")
    assert o.status is Status.WARNINGS
    assert any("20,971,520 characters" in w for w in o.warnings)


@pytest.mark.parametrize("name", ["zip-bomb.docx", "external-entity.docx"])
def test_hostile_docx(batch: tuple[Workspace, IngestReport], name: str) -> None:
    o = outcome(batch[1], name)
    if docx_reader_present():
        assert o.status in (Status.UNREADABLE, Status.QUARANTINED), o.reason
        assert "passwd" not in json.dumps(o.to_json()) or "/etc/passwd" in o.reason
    else:
        assert o.status is Status.UNSUPPORTED
        assert "no DOCX reader" in o.reason


def test_a_mail_with_200_attachments(batch: tuple[Workspace, IngestReport]) -> None:
    report = batch[1]
    mail = outcome(report, "attachments-200.eml")
    assert mail.status is Status.CONTAINER and mail.reason == "1 mail, 200 attachments"
    parts = [o for o in report.outcomes if (o.container or "").startswith(mail.name + "#")]
    assert len(parts) == 200
    form = parts[0]
    assert form.status is Status.OK and form.entries == 2 and form.merged
    assert {o.status for o in parts[1:]} == {Status.SKIPPED}
    assert any("199 attachments that are not forms" in line for line in report.lines())


def test_path_traversal_names_are_never_paths(batch: tuple[Workspace, IngestReport]) -> None:
    report = batch[1]
    parts = [o for o in report.outcomes if "path-traversal.eml#" in o.name]
    assert len(parts) == 3
    assert not Path("/tmp/formgen-evil.pdf").exists()
    assert not Path("/etc/cron.d/formgen-evil").exists()
    assert all("/" not in o.name.split(" ", 1)[1] and "\\" not in o.name for o in parts)
    assert parts[0].status in (Status.OK, Status.WARNINGS, Status.DUPLICATE)


def test_quarantine_keeps_the_file_and_the_reason(batch: tuple[Workspace, IngestReport]) -> None:
    ws, report = batch
    o = outcome(report, "tampered.pdf")
    assert o.quarantined_to is not None
    kept = Path(o.quarantined_to)
    assert kept.parent == ws.quarantine_dir and kept.name == f"{o.sha256}.pdf"
    reason = json.loads((ws.quarantine_dir / f"{o.sha256}.json").read_text("utf-8"))
    assert reason["kind"] == "tampered" and reason["file"].endswith("tampered.pdf")


def test_a_kept_aside_form_keeps_its_origin_and_leaves_the_quarantine_when_merged(
    bad_inputs: dict[str, Path], tmp_path: Path
) -> None:
    """A form of a schema version the workspace lacks, mailed in and later sent again as a file,
    is kept aside with both arrivals; once the version is added, ingesting the quarantine folder
    merges it under its original name and sender, and the copy leaves the quarantine."""
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    form = bad_inputs["unknown-schema.pdf"].read_bytes()
    msg = MAKER.mail("Unser Bogen", sender="Ольга Петренко <olga@example.org>")
    msg.add_attachment(form, maintype="application", subtype="pdf", filename="Bogen Zukunft.pdf")
    (tmp_path / "rueckmeldung.eml").write_bytes(bytes(msg))
    (tmp_path / "nochmal.pdf").write_bytes(form)
    sha = hashlib.sha256(form).hexdigest()
    record = ws.quarantine_dir / f"{sha}.json"

    for path in ("rueckmeldung.eml", "nochmal.pdf", "rueckmeldung.eml"):  # the mail twice
        report = ingest_into_register([tmp_path / path], ws)
        assert report.outcomes[-1].status is Status.QUARANTINED
    kept = json.loads(record.read_text("utf-8"))
    assert kept["kind"] == "unknown-schema" and kept["file"].endswith("Bogen Zukunft.pdf")
    first, second = kept["arrivals"]
    assert first["mail_from"] == "Ольга Петренко <olga@example.org>"
    assert first["file_name"] == "Bogen Zukunft.pdf" and first["mail_subject"] == "Unser Bogen"
    assert second["file_name"] == "nochmal.pdf" and second["mail_from"] is None

    report = ingest_into_register([ws.quarantine_dir], ws)  # the version is still missing
    (again,) = report.outcomes  # the record beside the copy is not a return
    assert again.status is Status.QUARANTINED and "Bogen Zukunft.pdf" in again.name
    assert len(json.loads(record.read_text("utf-8"))["arrivals"]) == 2

    shipped = Path(pipeline.__file__).parents[1] / "schema" / "arbeitshilfe.yaml"
    folder = ws.root / "schemas" / "arbeitshilfe_migration_psychiatrie"
    folder.mkdir(parents=True)
    text = shipped.read_text("utf-8").replace("schema_version: 1.0.0", "schema_version: 9.9.9")
    (folder / "9.9.9.yaml").write_text(text, "utf-8")
    report = ingest_into_register([ws.quarantine_dir], ws)
    (merged,) = report.outcomes
    assert merged.status in (Status.OK, Status.WARNINGS), merged.line()
    assert merged.merged is not None and merged.merged.endswith("taken out of the quarantine")
    assert list(ws.quarantine_dir.iterdir()) == []
    assert journal.archive_path(ws, sha).read_bytes() == form
    register = journal.load(ws)
    source = register.source(sha)
    assert source["file_name"] == "Bogen Zukunft.pdf"
    assert source["mail_from"] == "Ольга Петренко <olga@example.org>"
    assert source["container"].endswith("rueckmeldung.eml#1/1")
    assert "Praxis aus der Zukunft" in {register.name_of(i) for i in register.institutions}


def test_a_hand_broken_quarantine_record_is_kept_not_lost(
    bad_inputs: dict[str, Path], tmp_path: Path
) -> None:
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    form = bad_inputs["unknown-form.pdf"].read_bytes()
    sha = hashlib.sha256(form).hexdigest()
    ws.quarantine_dir.mkdir(exist_ok=True)
    (ws.quarantine_dir / f"{sha}.pdf").write_bytes(form)
    (ws.quarantine_dir / f"{sha}.json").write_text('{"file": "antrag.pdf", "arr', "utf-8")
    (again,) = ingest_into_register([ws.quarantine_dir], ws).outcomes
    assert again.status is Status.QUARANTINED and again.quarantine_kind == "unknown-form"
    record = json.loads((ws.quarantine_dir / f"{sha}.json").read_text("utf-8"))
    assert record["damaged_record"] == '{"file": "antrag.pdf", "arr' and record["arrivals"] == []


def test_valid_returns_are_merged_with_their_values(batch: tuple[Workspace, IngestReport]) -> None:
    ws, report = batch
    inst = outcome(report, "ok-institution.pdf")
    assert inst.status is Status.WARNINGS  # the invalid phone number, kept as typed
    assert inst.warnings[0].startswith(
        "psychotherapie.contact_phone: 'kaputt' is not a phone number"
    )
    register = json.loads(ws.register_path.read_text("utf-8"))
    fields = register["institutions"]["inst-0007"]["entries"]["psychotherapie"]["fields"]
    assert fields["languages_offered"]["v"] == ["tr", "fa", "el"]
    assert fields["contact_phone"]["raw"] == "kaputt" and fields["contact_phone"]["v"] is None
    assert fields["date"]["v"] == "2025-09-24"
    assert (
        outcome(report, "ok-checklist.pdf").status is Status.DUPLICATE
    )  # same bytes as the mailed one


def test_same_file_twice_in_one_run_is_read_once(
    bad_inputs: dict[str, Path], tmp_path: Path
) -> None:
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    p = bad_inputs["ok-institution.pdf"]
    report = ingest_paths([p, p], ws)
    assert [o.status for o in report.outcomes] == [Status.WARNINGS, Status.DUPLICATE]
    assert len(report.submissions) == 1


def _reader_then_file_changes(path: Path, data: bytes, prov: Any, ctx: Any) -> Any:
    """The real reader, after which someone saves the file again (a sync client, a mail client)."""
    raw = pipeline.read_pdf(data, prov, ctx)
    path.write_bytes(data + b"\n% saved again\n")
    return raw


def test_the_archived_original_is_the_bytes_that_were_checked(
    bad_inputs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    returned = tmp_path / "inbox" / "bogen.pdf"
    returned.parent.mkdir()
    original = bad_inputs["ok-institution.pdf"].read_bytes()
    returned.write_bytes(original)
    monkeypatch.setitem(
        pipeline.READERS, Kind.PDF, functools.partial(_reader_then_file_changes, returned)
    )
    report = ingest_into_register([returned], ws, jobs=1)
    (o,) = report.outcomes
    assert o.merged and o.sha256 == hashlib.sha256(original).hexdigest()
    assert returned.read_bytes() != original  # the file did change after it was read
    assert journal.archive_path(ws, o.sha256).read_bytes() == original
    assert [op["submission"]["provenance"]["sha256"] for op in journal.read_journal(ws)] == [
        o.sha256
    ]


# --------------------------------------------------------------------------- bounds


def _sleeping_reader(data: bytes, prov: Any, ctx: Any) -> Any:
    time.sleep(3600)


def _greedy_reader(data: bytes, prov: Any, ctx: Any) -> Any:
    hoard = []
    while True:
        hoard.append(bytearray(64 << 20))


def _killed_reader(data: bytes, prov: Any, ctx: Any) -> Any:
    os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would


def _crashing_reader(data: bytes, prov: Any, ctx: Any) -> Any:
    faulthandler.disable()  # pytest's, inherited: no dump of the worker's stack in the output
    os.kill(os.getpid(), signal.SIGSEGV)  # as a library's C code reading a hostile file may


def _aborting_reader(data: bytes, prov: Any, ctx: Any) -> Any:
    faulthandler.disable()
    os.abort()  # as C++ code does when an allocation fails at the memory bound


CRASHED = (
    "not read, the other files went on — ask the sender to save the form again; the file is "
    "kept where it is — please report this with the file"
)
CRASHED_DE = (
    "eine beschädigte oder bösartige Datei oder eine, die mehr als 256 MB Arbeitsspeicher "
    "braucht; nicht gelesen, die übrigen Dateien liefen weiter – den Absender bitten, das "
    "Formular noch einmal zu speichern; die Datei bleibt, wo sie ist – bitte diesen Fehler mit "
    "der Datei melden"
)


@pytest.mark.parametrize(
    ("reader", "reason", "german"),
    [
        (
            _sleeping_reader,
            "took longer than 2 s and was stopped",
            "das Lesen dauerte länger als 2 s und wurde abgebrochen",
        ),
        (_greedy_reader, "memory bound", "256 MB Arbeitsspeicher"),
        (
            _killed_reader,
            "the reader was killed while reading this file (SIGKILL), most likely by the system "
            "for lack of memory; not read, the other files went on — ingest it again on its own, "
            "and if that fails too, ask the sender to save the form again",
            "das Lesen dieser Datei wurde beendet (SIGKILL), wahrscheinlich vom System wegen "
            "Speichermangels; nicht gelesen, die übrigen Dateien liefen weiter – die Datei allein "
            "noch einmal einlesen und, wenn das auch scheitert, den Absender bitten, das Formular "
            "noch einmal zu speichern",
        ),
        (
            _crashing_reader,
            "the reader crashed on this file (SIGSEGV): a damaged or hostile file, or one over "
            f"the 256 MB memory bound; {CRASHED}",
            f"das Lesemodul ist bei dieser Datei abgestürzt (SIGSEGV): {CRASHED_DE}",
        ),
        (
            _aborting_reader,
            "the reader crashed on this file (SIGABRT): a damaged or hostile file, or one over "
            f"the 256 MB memory bound; {CRASHED}",
            f"das Lesemodul ist bei dieser Datei abgestürzt (SIGABRT): {CRASHED_DE}",
        ),
    ],
    ids=["hanging", "greedy", "killed", "segfault", "abort"],
)
def test_a_hanging_greedy_or_crashing_reader_never_stops_the_batch(
    bad_inputs: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reader: Any,
    reason: str,
    german: str,
) -> None:
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    monkeypatch.setitem(pipeline.READERS, Kind.DOCX, reader)
    tasks, _ = discover([bad_inputs["external-entity.docx"], bad_inputs["ok-institution.pdf"]])
    started = time.monotonic()
    report = ingest_sources(
        tasks,
        ReadContext.for_workspace(ws),
        limits=Limits(seconds=2, memory_bytes=256 << 20),
        jobs=2,
    )
    assert time.monotonic() - started < 30
    bad, good = report.outcomes
    assert bad.status is Status.UNREADABLE and reason in bad.reason
    assert german in in_language(bad.reason, "de")  # said in German after the trip to the parent
    assert good.status is Status.WARNINGS and len(report.submissions) == 1


def test_a_fractional_timeout_is_said_with_the_languages_decimal_mark(
    bad_inputs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    monkeypatch.setitem(pipeline.READERS, Kind.DOCX, _sleeping_reader)
    tasks, _ = discover([bad_inputs["external-entity.docx"]])
    report = ingest_sources(
        tasks, ReadContext.for_workspace(ws), limits=Limits(seconds=0.5), jobs=1
    )
    (bad,) = report.outcomes
    assert bad.reason.startswith("reading took longer than 0.5 s and was stopped")
    assert in_language(bad.reason, "de").startswith("das Lesen dauerte länger als 0,5 s ")


def test_a_file_over_the_size_bound_is_not_read_but_a_mailbox_is_streamed(
    bad_inputs: dict[str, Path], tmp_path: Path
) -> None:
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    big, empty_file = bad_inputs["ok-institution.pdf"], bad_inputs["empty.pdf"]
    mail = bad_inputs["path-traversal.eml"]
    bound = big.stat().st_size - 1
    assert mail.stat().st_size > bound  # the mail is bigger than the bound, yet streamed
    tasks, _ = discover([big, mail, empty_file])
    report = ingest_sources(
        tasks, ReadContext.for_workspace(ws), limits=Limits(max_file_bytes=bound), jobs=1
    )
    too_big, container, *attachments, empty = report.outcomes
    assert too_big.status is Status.UNREADABLE and too_big.size == bound + 1
    assert too_big.reason == (
        f"{bound + 1:,} bytes is more than the {bound:,} bytes a returned form may have; not read"
    )
    size, limit = (f"{n:,}".replace(",", ".") for n in (bound + 1, bound))  # 162.722
    assert in_language(too_big.reason, "de") == (
        f"{size} Bytes sind mehr als die {limit} Bytes, die ein zurückgesandtes Formular haben "
        "darf; nicht gelesen"
    )
    assert not report.submissions
    assert container.kind == "eml" and container.status is not Status.UNREADABLE
    assert attachments and all(a.container for a in attachments)
    assert empty.reason.startswith("empty file (0 bytes)")


def test_a_reader_that_is_not_installed_is_an_unsupported_outcome(
    bad_inputs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(data: bytes, prov: Any, ctx: Any) -> Any:
        return pipeline._import_reader("ingest.no_such_reader", "DOCX")

    monkeypatch.setitem(pipeline.READERS, Kind.DOCX, missing)
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    report = ingest_paths([bad_inputs["external-entity.docx"]], ws)
    (o,) = report.outcomes
    assert o.status is Status.UNSUPPORTED
    assert (
        o.reason
        == "DOCX files cannot be read: this installation has no DOCX reader (ingest.no_such_reader)"
    )
    assert in_language(o.reason, "de") == (
        "Dateien vom Typ DOCX können nicht gelesen werden: dieser Installation fehlt das "
        "Lesemodul dafür (ingest.no_such_reader)"
    )


@pytest.mark.parametrize("reader", [_sleeping_reader, _greedy_reader, _crashing_reader])
def test_files_sent_ahead_to_a_stopped_worker_are_read_by_the_next(
    bad_inputs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader: Any
) -> None:
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    monkeypatch.setitem(pipeline.READERS, Kind.DOCX, reader)
    names = ["external-entity.docx", "ok-institution.pdf", "ok-checklist.pdf", "empty.pdf"]
    tasks, _ = discover([bad_inputs[n] for n in names])
    report = ingest_sources(
        tasks,
        ReadContext.for_workspace(ws),
        limits=Limits(seconds=2, memory_bytes=256 << 20),
        jobs=1,
    )
    assert [Path(o.name).name for o in report.outcomes] == names
    assert [o.status for o in report.outcomes] == [
        Status.UNREADABLE,
        Status.WARNINGS,
        Status.OK,
        Status.UNREADABLE,
    ]


def test_a_form_saved_as_odt_or_doc_or_wrapped_by_outlook_is_handled(
    bad_inputs: dict[str, Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    with zipfile.ZipFile(inbox / "bogen.odt", "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", "<office:document-content/>")
    (inbox / "bogen.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (inbox / "winmail.dat").write_bytes(b"\x78\x9f\x3e\x22\x01\x00" + b"\x00" * 100)
    with zipfile.ZipFile(inbox / "rueckmeldungen.zip", "w") as zf:
        zf.writestr("bogen.pdf", bad_inputs["ok-institution.pdf"].read_bytes())
    ws = workspace(tmp_path / "ws", MAKER.SECRET)
    doc, odt, packed, inside, tnef = ingest_paths([inbox], ws).outcomes  # sorted by name
    assert doc.status is Status.UNSUPPORTED
    assert doc.reason.endswith("if it is the form, ask the sender to save it as .docx or PDF")
    # a ZIP is unpacked: the form inside is read under the archive's name
    assert packed.status is Status.CONTAINER and inside.name.endswith(
        "rueckmeldungen.zip#1 bogen.pdf"
    )
    assert inside.status in (Status.OK, Status.WARNINGS)
    # an ODT is read (the form saved by LibreOffice); this one is no formgen form
    assert odt.status is Status.QUARANTINED and odt.quarantine_kind == "unknown-form"
    assert "an OpenDocument text, but not a formgen form" in odt.reason
    # Outlook's winmail.dat is unpacked (tests/test_ingest_tnef.py); this one holds no file
    assert tnef.status is Status.CONTAINER
    assert tnef.reason.startswith(
        "Outlook's winmail.dat (TNEF) of 0 files: no attachment to ingest; "
    )
    assert in_language(tnef.reason, "de").startswith(
        "eine winmail.dat von Outlook (TNEF) mit 0 Dateien: kein Anhang zum Einlesen; "
    )
