"""Ctrl-C in the middle of an ingest run: what was handled keeps its lines, the rest is counted,
and the register is never left with half a merge."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import sample_workspace

from formgen.cli import main
from ingest import journal, pipeline
from ingest.pipeline import ReadContext, discover_for, ingest_sources, register_merge
from ingest.sniff import Kind

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "pdf"
RETURNS = [
    SAMPLES / f"{form}_{engine}.pdf"
    for engine in ("pdfium", "pdfjs", "pdftk")
    for form in ("checklist", "institution")
]


def test_ctrl_c_during_a_merge_waits_for_it_then_stops(tmp_path: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    tasks, _ = discover_for(ws, RETURNS)
    merged: list[str] = []
    with journal.writing(ws) as writer:
        real = register_merge(ws, writer)

        def merge(submission: object, original: Path) -> object:
            said = real(submission, original)  # type: ignore[arg-type]
            merged.append(original.name)
            if len(merged) == 2:
                os.kill(os.getpid(), signal.SIGINT)  # the coordinator presses Ctrl-C
                time.sleep(0.2)  # … while this merge is still being reported
            return said

        report = ingest_sources(
            tasks, ReadContext.for_workspace(ws), merge=merge, archive=ws, jobs=1
        )
    assert merged == [p.name for p in RETURNS[:2]]
    assert [o.name for o in report.outcomes] == [str(p) for p in RETURNS[:2]]
    assert all(o.merged for o in report.outcomes)
    assert report.unfinished == len(RETURNS) - 2
    assert "interrupted: 4 more not handled — run the same command again" in report.summary()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    # every reported merge is in the register, nothing else; the next run does the rest
    assert len(journal.read_journal(ws)) == len(journal.load(ws).data["sources"]) > 0
    again = pipeline.ingest_into_register(RETURNS, ws)
    seen = ["this file was already ingested" in (o.merged or "") for o in again.outcomes]
    assert seen == [True, True, False, False, False, False]


def _slow_for_one(data: bytes, prov: object, ctx: ReadContext) -> object:
    if "pdftk" in getattr(prov, "file_name", ""):
        time.sleep(60)  # a file that takes long to read
    return pipeline.read_pdf(data, prov, ctx)  # type: ignore[arg-type]


def test_ctrl_c_while_files_are_read_prints_what_was_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = sample_workspace(tmp_path / "ws")
    monkeypatch.setitem(pipeline.READERS, Kind.PDF, _slow_for_one)
    timer = threading.Timer(6.0, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    started = time.monotonic()
    try:
        result = CliRunner().invoke(main, ["ingest", *map(str, RETURNS), "-w", str(ws.root)])
    finally:
        timer.cancel()
    assert time.monotonic() - started < 40  # stopped, not waiting for the slow files
    assert result.exit_code == 1, result.output
    out = result.output
    for done in RETURNS[:4]:  # read by both workers before the slow ones
        assert f" {done}: form FG-" in out
    assert "pdftk" not in out.split("interrupted")[0]
    assert "; interrupted: 2 more not handled" in out
    assert "Error: interrupted (Ctrl-C): 2 file(s) not handled" in out
    saved = sorted(ws.exports_dir.glob("ingest-*.txt"))
    assert saved and "interrupted: 2 more not handled" in saved[-1].read_text("utf-8")
