"""The workspace's quarantine, as read back: the record beside each copy, and what it holds.

The ingest pipeline (:mod:`ingest.pipeline`) keeps a return that was not merged (an unknown
form, a tampered identity, an unknown schema …) as ``quarantine/<sha256><suffix>`` with its
record ``<sha256>.json`` beside it: why, and every arrival of the same content. ``formgen
status`` counts the copies from here without loading the pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from formgen.workspace import Workspace


def read_record(path: Path) -> dict[str, Any]:
    """A quarantine record as written, with its ``arrivals`` (a record of an earlier formgen
    names one file only); an unreadable record is kept whole under ``damaged_record``."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        return {"damaged_record": f"unreadable: {exc}"}
    try:
        record = json.loads(text)
    except json.JSONDecodeError:
        return {"damaged_record": text}
    if not isinstance(record, dict):
        return {"damaged_record": text}
    if "arrivals" not in record:
        first = {k: record.get(k) for k in ("file", "container", "quarantined_at")}
        record["arrivals"] = [first] if first["file"] else []
    arrivals = record["arrivals"]
    if not isinstance(arrivals, list) or not all(isinstance(a, dict) for a in arrivals):
        return {"damaged_record": text}
    return record


def counts(workspace: Workspace) -> dict[str, int]:
    """How many files the workspace's quarantine holds, by kind (``unknown-form``, ``tampered``,
    ``unknown-schema`` …; ``unknown`` for a record that does not say)."""
    kinds: dict[str, int] = {}
    folder = workspace.quarantine_dir
    files = list(folder.iterdir()) if folder.is_dir() else []
    copies = {p.stem for p in files if p.suffix != ".json"}
    for record in sorted(p for p in files if p.suffix == ".json"):
        if record.stem not in copies:
            continue  # a record whose copy was removed by hand
        kind = str(read_record(record).get("kind") or "unknown")
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds
