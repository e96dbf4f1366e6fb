"""Every output of the register at once, into the workspace's ``exports/`` folder.

For ``formgen demo`` and scripts: JSON, CSV (wide and long, ``;`` in a German workspace), XLSX, the
printed register, the stale-entry report with its update list, and the gaps — and where each went.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from formgen.csv_write import csv_delimiter
from formgen.messages import Said
from formgen.workspace import Workspace, write_atomic
from ingest import export, staleness
from ingest.printed import PrintOptions, render_register
from ingest.register import Register


def write_outputs(
    ws: Workspace, reg: Register, stand: dt.date | None = None, personal: bool = True
) -> dict[str, Path]:
    """Write every register output; returns a name → path map in a readable order (each name
    a :class:`~formgen.messages.Said`, the English, that ``formgen demo`` says in the workspace's
    language)."""
    day = stand or dt.date.today()
    out_dir = ws.exports_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"register-{day.isoformat()}"
    findings = staleness.review(reg, day)
    sep = csv_delimiter(ws.language)
    records = [staleness.record_json(r) for r in staleness.update_records(reg, findings)]
    files: dict[str, tuple[str, bytes]] = {
        Said("demo_out_json"): (f"{stem}.json", export.export_json(reg, personal, day)),
        Said("demo_out_wide"): (
            f"{stem}-wide.csv",
            export.export_csv(reg, "wide", sep, personal, today=day),
        ),
        Said("demo_out_long"): (
            f"{stem}-long.csv",
            export.export_csv(reg, "long", sep, personal, today=day),
        ),
        Said("demo_out_xlsx"): (
            f"{stem}.xlsx",
            export.export_xlsx(reg, personal, today=day, lang=ws.language, centre=ws.centre_name),
        ),
        Said("demo_out_print"): (
            f"{stem}.pdf",
            render_register(
                reg,
                PrintOptions(centre=ws.centre_name, stand=day, lang=ws.language, personal=personal),
            ),
        ),
        Said("demo_out_stale"): (
            f"stale-{day.isoformat()}.txt",
            (staleness.findings_table(reg, findings, ws.language) + "\n").encode(),
        ),
        Said("demo_out_update_list"): (
            f"update-list-{day.isoformat()}.json",
            json.dumps(records, ensure_ascii=False, indent=1).encode(),
        ),
        Said("demo_out_gaps"): (
            f"gaps-{day.isoformat()}.txt",
            (staleness.gaps_table(reg, staleness.gaps(reg), ws.language) + "\n").encode(),
        ),
    }
    paths = {}
    for what, (name, data) in files.items():
        path = out_dir / name
        write_atomic(path, data)
        paths[what] = path
    return paths
