"""What `formgen status` leaves unread (s20): with nothing kept aside in the quarantine, the log
of every form the workspace issued (issued.jsonl: at 3,000 institutions after five rounds,
15,000 lines with their prefilled values, a quarter of status's time) is not read to judge
whether the institutions of files kept aside answered since."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from register_support import journaled

from formgen.cli import main
from formgen.workspace import Workspace
from ingest import quarantine


def test_status_reads_no_issued_form_for_an_empty_quarantine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = journaled(tmp_path / "ws")
    read: list[str] = []
    issued = Workspace.issued

    def spy(self: Workspace) -> object:
        read.append("issued")
        return issued(self)

    monkeypatch.setattr(Workspace, "issued", spy)
    done = CliRunner().invoke(main, ["status", "-w", str(ws.root)])
    assert done.exit_code == 0 and "Register" in done.output
    assert read == []
    (ws.quarantine_dir / "abc.pdf").write_bytes(b"%PDF-1.4")
    (ws.quarantine_dir / "abc.json").write_text('{"kind": "unreadable", "arrivals": []}', "utf-8")
    assert [k.answered for k in quarantine.kept(ws, {"sources": {}, "institutions": {}})] == [None]
    assert read == ["issued"]  # a file kept aside is judged as before
