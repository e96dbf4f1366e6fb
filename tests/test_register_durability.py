"""Durability: journal + checkpoint, one writer at a time, rebuild, kill -9 in the middle."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from register_support import YILMAZ, checklist, institution_form

from formgen.errors import RegisterError, RegisterVersionError
from formgen.workspace import Workspace, WorkspaceError
from ingest import journal
from ingest.journal import (
    archive,
    archive_path,
    journal_lines,
    journal_path,
    load,
    read_journal,
    rebuild,
    submission_to_json,
    writing,
)
from ingest.register import COVERS, Register
from ingest.submission import Checked


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")


def test_archive_is_content_addressed(ws: Workspace) -> None:
    sha = archive(ws, b"%PDF-1.7 returned form")
    assert archive(ws, b"%PDF-1.7 returned form") == sha
    assert archive_path(ws, sha).read_bytes() == b"%PDF-1.7 returned form"
    assert len(list(ws.archive_dir.rglob("*"))) == 2  # one folder, one file


def test_merge_is_on_disk_when_it_returns(ws: Workspace) -> None:
    with writing(ws, checkpoint_every=1000) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        # no checkpoint yet, but a reader sees it through the journal
        assert load(ws).name_of("inst-0001") == "Praxis Şule Yılmaz"
    assert json.loads(ws.register_path.read_text("utf-8"))["journal_seq"] == 1


def test_retire_and_restore_are_on_disk_when_they_return(ws: Workspace) -> None:
    """Journaled like a merge: a reader (or the next writer after a kill -9, before any
    checkpoint) replays them; one refused is not journaled at all."""
    with writing(ws, checkpoint_every=1000) as w:
        w.merge(
            checklist("psychotherapie", YILMAZ, {"name": "Łódź Hilfe e.V.", "region": "dormagen"})
        )
        w.checkpoint()
        w.retire("inst-0002", "mit inst-0001 zusammengelegt")
        assert load(ws).retired("inst-0002")["reason"] == "mit inst-0001 zusammengelegt"  # type: ignore[index]
        w.retire("inst-0001")
        w.restore("inst-0001")
        with pytest.raises(RegisterError, match="inst-0001 is not retired"):
            w.restore("inst-0001")
        assert [op["op"] for op in read_journal(ws)] == ["merge", "retire", "retire", "restore"]
        assert _seq_on_disk(ws) == 1  # the checkpoint holds the merge only
        on_disk = load(ws)
        assert on_disk.ids() == ["inst-0001"]
        assert on_disk.ids(with_retired=True) == ["inst-0001", "inst-0002"]


def _seq_on_disk(ws: Workspace) -> int:
    return int(json.loads(ws.register_path.read_text("utf-8"))["journal_seq"])


def test_a_register_is_written_again_after_as_many_operations_as_it_has_institutions(
    ws: Workspace,
) -> None:
    """Writing register.json costs per institution; replaying the journal costs per operation:
    a checkpoint after every ``checkpoint_every`` operations would, for a large register, cost
    more than the replay it saves."""
    blocks = [
        {
            **YILMAZ,
            "name": name,
            "street": f"Weg {n}",
            "phone": f"+49 211 98765{n}",
            "contact_name": name,
        }
        for n, name in enumerate(
            [
                "Łucja Nowak",
                "Ольга Иванова",
                "Ayşe Demir",
                "Jan Kowalski",
                "Мария Петрова",
                "Fatma Şahin",
            ]
        )
    ]
    on_disk = []
    with writing(ws, checkpoint_every=2) as w:
        for block in blocks:  # six new institutions
            w.merge(checklist("psychotherapie", block))
            on_disk.append(_seq_on_disk(ws))
        for n in range(6):  # six changes to one of them
            w.merge(checklist("psychotherapie", {**blocks[0], "contact_name": f"Ольга {n}"}))
            on_disk.append(_seq_on_disk(ws))
    # written after 2 operations (2 institutions), then after 6 more (6 institutions), and at
    # the end; every 2 operations it would have been 0 2 2 4 4 6 6 8 8 10 10 12
    assert on_disk == [0, 2, 2, 2, 2, 2, 2, 8, 8, 8, 8, 8]
    assert _seq_on_disk(ws) == 12
    assert load(ws).name_of("inst-0006") == "Fatma Şahin"


def test_unchanged_and_quarantined_returns_are_not_journaled(ws: Workspace) -> None:
    sub = checklist("psychotherapie", YILMAZ)
    with writing(ws) as w:
        w.merge(sub)
        assert w.merge(sub).status == "unchanged"
        assert w.merge(checklist("astrologie", YILMAZ)).status == "quarantined"
    assert len(read_journal(ws)) == 1


def test_second_writer_fails_clearly(ws: Workspace) -> None:
    with writing(ws):
        errors: list[Exception] = []

        def other() -> None:
            try:
                with writing(ws, wait=0.3):
                    pass
            except WorkspaceError as exc:
                errors.append(exc)

        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert errors and "in use by another formgen run" in str(errors[0])


def test_corrupted_register_is_never_overwritten(ws: Workspace) -> None:
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
    text = ws.register_path.read_text("utf-8").replace('"institutions": {', '"institutions": {,', 1)
    ws.register_path.write_text(text, "utf-8")
    with pytest.raises(RegisterError, match=r"register.json: line \d+, column \d+"), writing(ws):
        pass
    assert ws.register_path.read_text("utf-8") == text


def test_register_file_has_a_line_per_value_and_damage_is_found_there(ws: Workspace) -> None:
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        data = w.register.data
    text = ws.register_path.read_text("utf-8")
    written = json.loads(text)
    assert written.pop("sealed_sha256") and written.pop(COVERS)["seq"] == 1 and written == data
    lines = text.split("\n")
    name = data["institutions"]["inst-0001"]["institution"]["name"]
    (number,) = [n for n, line in enumerate(lines, 1) if line.strip().startswith('"name": {')]
    assert json.loads(lines[number - 1].split(": ", 1)[1].rstrip(",")) == name  # one line
    lines[number - 1] = lines[number - 1].replace('"Praxis Şule Yılmaz"', '"Praxis Şule Yılmaz', 1)
    ws.register_path.write_text("\n".join(lines), "utf-8")
    with pytest.raises(RegisterError, match=rf"register.json: line {number}, column \d+"):
        load(ws)


def test_newer_register_is_refused_even_by_rebuild(ws: Workspace) -> None:
    data = json.loads(Register(ws.schema()).dumps())
    data["format_version"] = 2
    ws.register_path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(RegisterVersionError, match="update formgen"):
        load(ws)
    with pytest.raises(RegisterVersionError):
        rebuild(ws)
    assert json.loads(ws.register_path.read_text("utf-8"))["format_version"] == 2


def _fill(ws: Workspace) -> None:
    with writing(ws) as w:
        w.merge(
            checklist("psychotherapie", YILMAZ, {"name": "Łódź Hilfe e.V.", "region": "dormagen"})
        )
        w.merge(institution_form("inst-0001", base=1, phone="+49 211 999999"))
        out = w.merge(institution_form("inst-0001", base=1, phone="+49 211 555555"))
        w.resolve(out.conflicts[0], "theirs")
        out = w.merge(
            checklist("psychotherapie", dict(YILMAZ, name="Praxis Şule Yılmaz-Demir", postcode="1"))
        )
        w.resolve_duplicate(out.duplicates[0], "new")


def test_rebuild_from_the_journal_gives_the_same_register(ws: Workspace) -> None:
    _fill(ws)
    before = ws.register_path.read_bytes()
    ws.register_path.write_text("{ broken", "utf-8")
    report = rebuild(ws)
    assert report.operations == 6 and report.merged == 4 and report.institutions == 3
    assert report.damaged_copy is not None and report.damaged_copy.read_text() == "{ broken"
    assert json.loads(ws.register_path.read_bytes()) == json.loads(before)


def test_a_new_archive_folder_is_itself_made_durable(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file's rename is synced in archive/ab/; a new archive/ab/ must be synced in archive/."""
    synced: list[Path] = []
    monkeypatch.setattr("formgen.workspace.fsync_dir", synced.append)
    sha = archive(ws, b"%PDF-1.7 first return")
    folder = archive_path(ws, sha).parent
    assert synced == [ws.archive_dir, folder]  # the new folder's entry, then the file's
    synced.clear()
    same_folder = next(
        data
        for data in (f"%PDF-1.7 return {i}".encode() for i in range(1_000_000))
        if hashlib.sha256(data).hexdigest()[:2] == folder.name
    )
    archive(ws, same_folder)
    assert synced == [folder]  # an existing folder is not synced again


def test_rebuild_rereads_the_archived_originals(ws: Workspace) -> None:
    subs = {}
    with writing(ws) as w:
        for n, values in enumerate([YILMAZ, {"name": "Ольга Петренко", "region": "dormagen"}]):
            data = f"returned form {n}".encode()
            sha = archive(ws, data)
            sub = checklist("psychotherapie", values, sha=sha)
            subs[data] = sub
            w.merge(sub)
    before = json.loads(ws.register_path.read_bytes())
    seen = []

    def reread(data: bytes, prov: object, day: object) -> object:
        seen.append(data)
        return replace(subs[data], provenance=replace(subs[data].provenance, file_name="other"))

    report = rebuild(ws, reread)  # type: ignore[arg-type]
    assert report.reread == 2 and len(seen) == 2
    assert json.loads(ws.register_path.read_bytes()) == before  # the journal's provenance is kept


def test_rebuild_tells_which_original_is_missing(ws: Workspace) -> None:
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
    with pytest.raises(RegisterError, match=r"missing from .*archive"):
        rebuild(ws, lambda data, prov, day: checklist("psychotherapie", YILMAZ))


def test_torn_last_journal_line_is_ignored(ws: Workspace) -> None:
    with writing(ws, checkpoint_every=1000) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
    with open(ws.root / "journal.jsonl", "ab") as fh:
        fh.write(b'{"seq": 2, "op": "merge", "submission": {"identity"')
    assert len(load(ws).institutions) == 1


def test_a_damaged_journal_line_before_the_last_stops_with_where_it_is(ws: Workspace) -> None:
    """Only the last line can be torn by a crash, and is left out; a damaged one before it is
    told with its file and line (journal_lines, which an erasure's rewrite reads by too): a
    writer stops, a reader is told and reads the journal up to there."""
    with writing(ws, checkpoint_every=1000) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
    path = ws.root / "journal.jsonl"
    good = path.read_bytes()
    torn = b'{"seq": 2, "op": "merge", "submiss'
    assert [line for line, _op in journal_lines(good + torn, path)] == good.splitlines()
    path.write_bytes(torn + b"\n" + good)
    damaged = rf"^{re.escape(str(path))}:1: damaged journal line \(not JSON at character 27\); the "
    with pytest.raises(RegisterError, match=damaged), writing(ws):
        pass
    reg = load(ws)
    assert re.match(damaged, str(reg.damaged_journal)) and len(reg.institutions) == 1


def test_serialised_submission_round_trips() -> None:
    from ingest.journal import submission_from_json

    sub = checklist("psychotherapie", YILMAZ)
    assert submission_from_json(json.loads(json.dumps(submission_to_json(sub)))) == sub


# ---------------------------------------------------------------------- kill -9

_WORKER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from register_support import checklist
    from formgen.workspace import Workspace, WorkspaceError
    from ingest.journal import archive, writing

    ws = Workspace.open({root!r})
    with writing(ws, checkpoint_every=7) as w:
        for n in range(100000):
            data = ("return %d" % n).encode()
            sha = archive(ws, data)
            sub = checklist("psychotherapie", {{"name": "Çiğdem " + sha[:16],
                            "postcode": str(10000 + n), "region": "duesseldorf"}}, sha=sha)
            out = w.merge(sub)
            print("ingested", sha, out.created[0], flush=True)
    """
)


@pytest.mark.parametrize("delay", [0.4, 0.9, 1.7])
def test_kill_9_mid_merge_loses_nothing_reported(ws: Workspace, delay: float) -> None:
    script = _WORKER.format(tests=str(Path(__file__).parent), root=str(ws.root))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    reported: list[tuple[str, str]] = []

    def read_reports() -> None:
        for line in proc.stdout or ():
            parts = line.split()
            # a line cut off by the kill was never completely reported
            if line.endswith("\n") and len(parts) == 3 and parts[0] == "ingested":
                reported.append((parts[1], parts[2]))

    reader = threading.Thread(target=read_reports)
    reader.start()
    deadline = time.monotonic() + 30
    while len(reported) < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(delay / 4)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join()
    assert proc.stdout is not None
    proc.stdout.close()
    assert len(reported) >= 20, "the worker did not start"
    reg = load(ws)  # readable: the checkpoint parses and the journal replays
    Register.loads(ws.schema(), ws.register_path.read_bytes())
    for sha, iid in reported:
        assert sha in reg.data["sources"], f"{iid} was reported as ingested but is lost"
        assert archive_path(ws, sha).exists()
        assert iid in reg.institutions
    # and the next writer carries on where the killed one stopped
    with writing(ws) as w:
        out = w.merge(
            checklist("psychotherapie", {"name": "Nach dem Absturz", "region": "dormagen"})
        )
    assert out.status == "updated"


def test_a_merge_journaled_before_names_were_matched_as_stored_is_rebuilt_as_it_was(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checklist naming „Praxis Şule Yıl­maz“ (a soft hyphen) was a probable duplicate when
    names were matched as typed, and its decision (a new institution) is journaled: a rebuild
    matches that merge as it did (its journal line has no ``matching``), or the decision would
    name a duplicate the rebuilt register never held. Merged now, it is the practice's."""
    typed = dict(YILMAZ, name=Checked("Praxis Şule Yıl\u00admaz", "Praxis Şule Yılmaz"), phone="")
    monkeypatch.setattr(journal, "MATCHING", 1)  # a formgen from before
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        (did,) = w.merge(checklist("psychotherapie", typed)).duplicates
        assert w.resolve_duplicate(did, "new") == "inst-0002"
    lines = journal_path(ws).read_text("utf-8").splitlines()
    old = [json.loads(line) for line in lines]
    assert [op.pop("matching", None) for op in old] == [1, 1, None]
    journal_path(ws).write_text("".join(json.dumps(op) + "\n" for op in old), "utf-8")
    before = json.loads(ws.register_path.read_bytes())
    rebuild(ws)
    assert json.loads(ws.register_path.read_bytes())["institutions"] == before["institutions"]
    monkeypatch.undo()
    with writing(ws) as w:
        again = w.merge(checklist("psychotherapie", dict(typed, plans="Gruppe")))
    assert again.institutions == ("inst-0001",) and not again.duplicates


def test_a_journal_matched_before_arabic_and_persian_letters_were_one_rebuilds_as_it_was(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journal written by a formgen that told an Arabic keyboard's ي ك from a Persian one's
    ی ک (``matching`` 2): one checklist was a probable duplicate, decided as a new
    institution, another a new institution. A rebuild matches them as they were merged, so
    the rebuilt register is the one written, with the decision's institution; a checklist
    merged now is the institution it names."""
    persian = dict(YILMAZ, name="مشاوره خانواده کیان", phone="")
    clinic = dict(YILMAZ, name="کلینیک روانشناسی", postcode="40210", phone="")
    monkeypatch.setattr(journal, "MATCHING", 2)  # today's formgen before this change
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", persian))
        arabic = dict(persian, name="مشاوره خانواده كيان")
        (did,) = w.merge(checklist("psychotherapie", arabic)).duplicates
        assert w.resolve_duplicate(did, "new") == "inst-0002"
        w.merge(checklist("psychotherapie", clinic))
        typed = dict(clinic, name="كلينيك روانشناسي", postcode="")
        assert w.merge(checklist("psychotherapie", typed)).created == ("inst-0004",)
    ops = [json.loads(line) for line in journal_path(ws).read_text("utf-8").splitlines()]
    assert [op.get("matching") for op in ops if op["op"] == "merge"] == [2, 2, 2, 2]
    monkeypatch.undo()  # rebuilt by this formgen
    before = json.loads(ws.register_path.read_bytes())
    rebuild(ws)
    after = json.loads(ws.register_path.read_bytes())
    assert after["institutions"] == before["institutions"]
    assert after["duplicates"] == before["duplicates"]
    with writing(ws) as w:
        again = w.merge(checklist("psychotherapie", dict(typed, plans="Gruppe auf Farsi")))
    assert again.institutions == ("inst-0003",) and not again.duplicates and not again.created


_STOPS_IN_CHECKPOINT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from formgen.workspace import Workspace
    from ingest import journal
    from ingest.register import Register

    Register.write_json = lambda self, write: time.sleep(60)  # killed while it writes
    journal.rebuild(Workspace.open({root!r}))
    """
)


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next(ws: Workspace) -> None:
    """A run killed while it wrote register.json (or archived an original) left its
    temporary file, 0 bytes or half written; the next run that holds the lock removes it,
    and nothing else: not another program's file, nor one in a folder formgen writes without
    the lock (exports/)."""
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
    script = _STOPS_IN_CHECKPOINT.format(tests=str(Path(__file__).parent), root=str(ws.root))
    proc = subprocess.Popen([sys.executable, "-c", script])
    left = ws.root / f".register.json.{proc.pid}.tmp"
    deadline = time.monotonic() + 30
    while not left.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert left.exists() and left.stat().st_size == 0
    half = ws.archive_dir / "ab" / f".ab{'0' * 62}.{proc.pid}.tmp"
    half.parent.mkdir()
    half.write_bytes(b"%PDF-1.7 half")
    others = [ws.root / "Notizen.tmp", ws.root / ".register.json.bak", ws.exports_dir / ".x.1.tmp"]
    for other in others:
        other.write_bytes(b"not formgen's")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", {"name": "Nach dem Absturz", "region": "dormagen"}))
    assert not left.exists() and not half.exists()
    assert all(other.exists() for other in others)
    assert load(ws).name_of("inst-0002") == "Nach dem Absturz"
