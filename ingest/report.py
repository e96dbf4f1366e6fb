"""The ingest report: one outcome per file (and per mail attachment), a summary, JSON.

Statuses, decided once (STYLE.md 7 — a damaged or hostile file is *reported*, never raised):

* ``ok`` — read, valid, merged (or ready to merge);
* ``warnings`` — read and merged, with invalid values kept as typed, missing required fields,
  a low-confidence (flattened/printed) copy, or a mail container with problems;
* ``quarantined`` — not merged, copied to the workspace's quarantine with the reason
  (unknown form, tampered or forged identity, unknown schema or category);
* ``unreadable`` — empty, damaged, hostile, or over its time or memory bound;
* ``unsupported`` — a file type or reader this installation cannot read (e.g. a .doc);
* ``skipped`` — clearly not a form (an image or text attachment of a mail);
* ``duplicate`` — the same bytes were already handled in this run;
* ``container`` — a mail or mailbox; its attachments follow as outcomes of their own.

All of them count as *handled*: the run succeeds even when some files were quarantined or
unreadable. ``--strict`` makes anything but ``ok``/``container``/``duplicate``/``skipped`` a
failure.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from formgen.filenames import shown
from ingest.submission import Submission


class Status(StrEnum):
    OK = "ok"
    WARNINGS = "warnings"
    QUARANTINED = "quarantined"
    UNREADABLE = "unreadable"
    UNSUPPORTED = "unsupported"
    SKIPPED = "skipped"
    DUPLICATE = "duplicate"
    CONTAINER = "container"


MERGE_WORDS = {"merged-flagged": "merged with warnings"}
"""How a report line says a register merge status that is a code word (``MergeOutcome.status``,
kept as it is in ``--json``): merged, with something to look at among the file's warnings."""

COUNT_WORDS = {
    Status.WARNINGS: ("with warnings", "with warnings"),
    Status.DUPLICATE: ("duplicate", "duplicates"),
}
"""How the summary counts a status whose code word is no English after a number (one, more);
the others read as they are (``2 skipped``); ``--json`` keeps the code words as keys."""

STRICT_OK = frozenset({Status.OK, Status.CONTAINER, Status.DUPLICATE, Status.SKIPPED})
"""Statuses that do not fail a ``--strict`` run."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one file."""

    name: str
    status: Status
    reason: str = ""
    kind: str = ""
    """What the file is by its content (``pdf``, ``docx``, ``eml`` …)."""
    sha256: str = ""
    size: int = 0
    reader: str | None = None
    confidence: str | None = None
    container: str | None = None
    form: str | None = None
    """The form reference (``FG-XXXXX-XXXXX``) when an identity was found."""
    entries: int = 0
    warnings: tuple[str, ...] = ()
    quarantine_kind: str | None = None
    quarantined_to: str | None = None
    merged: str | None = None
    """What the register said about the merge (``merged-flagged, inst-1, 2 changes``)."""
    seconds: float = 0.0

    def line(self) -> str:
        """One line for people: status, name, and the reason or what was found."""
        detail = self.reason
        if self.status in (Status.OK, Status.WARNINGS) and not detail:
            parts = [
                f"form {self.form}" if self.form else "",
                f"{self.entries} entr{'y' if self.entries == 1 else 'ies'}" if self.form else "",
            ]
            if self.merged:  # "merged-flagged, inst-0001, …" or "merged-flagged; taken out …"
                status = re.split("[,;]", self.merged, maxsplit=1)[0]
                parts.append(MERGE_WORDS.get(status, status) + self.merged[len(status) :])
            if self.warnings:
                parts.append(
                    f"{len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}"
                )
            detail = ", ".join(p for p in parts if p)
        # A name or a reason quoting one may hold a line break: one outcome stays one line.
        return f"{self.status.value:<11} {shown(self.name)}" + (
            f": {shown(detail)}" if detail else ""
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        data["warnings"] = list(self.warnings)
        data["seconds"] = round(self.seconds, 4)
        return data


@dataclass
class IngestReport:
    """Every outcome of a run, in the order the files were finished."""

    outcomes: list[Outcome] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)
    """Valid submissions, when no merge function was given (library use, tests)."""
    started: float = field(default_factory=time.time)
    seconds: float = 0.0
    unfinished: int = 0
    """Files not handled because the run was interrupted (Ctrl-C)."""
    interrupted_by: str = ""
    """What interrupted it: ``Ctrl-C``, ``SIGTERM`` (``kill``, a service manager) or
    ``SIGHUP`` (the terminal was closed)."""

    def finish(self) -> None:
        self.seconds = time.time() - self.started

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(o.status.value for o in self.outcomes)
        return {s.value: c[s.value] for s in Status if c[s.value]}

    def files(self) -> list[Outcome]:
        """Outcomes of files and attachments (not of the mail containers themselves)."""
        return [o for o in self.outcomes if o.status is not Status.CONTAINER]

    def failed_strict(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status not in STRICT_OK]

    def summary(self) -> str:
        files = self.files()
        counts = ", ".join(
            f"{n} {COUNT_WORDS.get(Status(s), (s, s))[n != 1]}"
            for s, n in self.counts.items()
            if s != Status.CONTAINER.value
        )
        rate = len(files) / self.seconds if self.seconds > 0 else 0.0
        text = f"{len(files)} file{'s' if len(files) != 1 else ''} in {self.seconds:.1f} s ({rate:.1f}/s): {counts or ('nothing handled' if self.unfinished else 'nothing to ingest')}"
        if self.unfinished:
            text += (
                f"; interrupted: {self.unfinished} more not handled — run the same command "
                "again for them (what was merged is kept and reported as duplicate then)"
            )
        return text

    def lines(self, verbose: bool = False) -> list[str]:
        """The report for people: one line per outcome, warnings indented below it.

        Runs of more than three skipped attachments of one mail (a mail with 200 notes
        attached) are shown as one line unless ``verbose``; ``--json`` always lists each one.
        """
        out = []
        skipped: list[Outcome] = []

        def flush() -> None:
            if len(skipped) > 3 and not verbose:
                kinds = ", ".join(sorted({o.kind or "?" for o in skipped}))
                out.append(
                    f"{Status.SKIPPED.value:<11} {shown(skipped[0].container or '')} … "
                    f"{shown(skipped[-1].container or '')}: "
                    f"{len(skipped)} attachments that are not forms ({kinds})"
                )
            else:
                out.extend(o.line() for o in skipped)
            skipped.clear()

        for o in self.outcomes:
            parent = (o.container or "").rsplit("/", 1)[0]
            if o.status is Status.SKIPPED and o.container:
                if skipped and (skipped[0].container or "").rsplit("/", 1)[0] != parent:
                    flush()
                skipped.append(o)
                continue
            flush()
            out.append(o.line())
            listed = o.warnings if verbose else o.warnings[:5]
            out.extend(f"    {shown(w)}" for w in listed)
            if len(o.warnings) > len(listed):
                out.append(f"    … and {len(o.warnings) - len(listed)} more (--json shows all)")
        flush()
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "summary": {
                "files": len(self.files()),
                "seconds": round(self.seconds, 3),
                **self.counts,
                **({"not_handled": self.unfinished} if self.unfinished else {}),
            },
            "files": [o.to_json() for o in self.outcomes],
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)
