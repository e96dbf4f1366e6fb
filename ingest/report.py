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
* ``container`` — a mail, mailbox or archive; its attachments follow as outcomes of their own
  (its warnings, if any, are notes that lost nothing: two ZIP archives joined, both read).

All of them count as *handled*: the run succeeds even when some files were quarantined or
unreadable. ``--strict`` makes anything but ``ok``/``container``/``duplicate``/``skipped`` a
failure.
"""

from __future__ import annotations

import functools
import re
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from formgen.filenames import shown
from formgen.messages import ENGLISH, in_language, say, say_count
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
"""How an English report line says a register merge status that is a code word
(``MergeOutcome.status``, kept as it is in ``--json`` and in the English of ``merged``): merged,
with something to look at among the file's warnings. Other languages have words for each status
(``ingest_merge_merged-flagged`` in :data:`formgen.messages.WORDS`)."""

NO_ATTACHMENT = "ingest_pipeline_no_attachment"
"""The words of a mail that carried no attachment (:func:`ingest.pipeline._expand`)."""

ANSWER_KEPT = "ingest_answer_kept"
"""The note of a form read in for an answer without one: the register keeps the values of the
required fields the form was sent with empty (:func:`ingest.pipeline._as_answered`). It is said
under the file's line but is no warning: the file stays ``ok`` and the line's count of warnings
leaves it out (:func:`warned`)."""


def warned(warnings: tuple[str, ...] | list[str]) -> int:
    """How many of a file's notes are warnings: all but :data:`ANSWER_KEPT`."""
    return sum(getattr(w, "key", "") != ANSWER_KEPT for w in warnings)


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
    unattached: int = 0
    """Mails of this container without a form (no attachment, or only a signature's logo) left
    as they are: told, to be recorded (one answering a mail of formgen, :mod:`ingest.answers`,
    too, unless ``--no-changes`` read it in)."""

    def line(self, lang: str = ENGLISH) -> str:
        """One line for people, in ``lang``: status, name, and the reason or what was found."""
        detail = in_language(self.reason, lang)
        if self.status in (Status.OK, Status.WARNINGS) and not detail:
            parts = [
                say("ingest_form", lang, form=self.form) if self.form else "",
                say_count("ingest_entries", lang, self.entries) if self.form else "",
            ]
            if self.merged:  # "merged-flagged, inst-0001, …" or "merged-flagged; taken out …"
                merged = in_language(self.merged, lang)
                status = re.split("[,;]", merged, maxsplit=1)[0]
                parts.append(MERGE_WORDS.get(status, status) + merged[len(status) :])
            if n := warned(self.warnings):
                parts.append(say_count("ingest_warnings", lang, n))
            detail = ", ".join(p for p in parts if p)
        # A name or a reason quoting one may hold a line break: one outcome stays one line.
        return f"{status_word(self.status, lang)} {shown(in_language(self.name, lang))}" + (
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

    def finish(self, since: float | None = None) -> None:
        """Stop the clock; ``since`` (a :func:`time.time`) when the run began before the files
        were read (the register loaded first, written after): the summary's time is the run's."""
        self.seconds = time.time() - (self.started if since is None else since)

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(o.status.value for o in self.outcomes)
        return {s.value: c[s.value] for s in Status if c[s.value]}

    def files(self) -> list[Outcome]:
        """Outcomes of files and attachments (not of the mail containers themselves)."""
        return [o for o in self.outcomes if o.status is not Status.CONTAINER]

    def failed_strict(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status not in STRICT_OK]

    def without_attachment(self) -> int:
        """Mails that carried no form to read in (an answer in words: "no changes")."""
        return sum(o.unattached for o in self.outcomes)

    def summary(self, lang: str = ENGLISH) -> str:
        """The counts line, in ``lang``; a mail without attachment counts as one of the files
        given, and is said apart (it may be an answer, to be recorded by hand)."""
        files = self.files()
        counted = [
            say_count(f"ingest_count_{s}", lang, n)
            for s, n in self.counts.items()
            if s != Status.CONTAINER.value
        ]
        if bare := self.without_attachment():
            counted.append(say_count("ingest_count_no_attachment", lang, bare))
        counts = ", ".join(counted)
        rate = (len(files) + bare) / self.seconds if self.seconds > 0 else 0.0
        nothing = "ingest_nothing_handled" if self.unfinished else "ingest_nothing"
        text = say_count(
            "ingest_summary",
            lang,
            len(files) + bare,
            seconds=self.seconds,
            rate=rate,
            counts=counts or say(nothing, lang),
        )
        if self.unfinished:
            text += say("ingest_interrupted", lang, n=self.unfinished)
        return text

    def lines(self, verbose: bool = False, lang: str = ENGLISH) -> list[str]:
        """The report for people, in ``lang``: one line per outcome, warnings indented below it.

        Runs of more than three skipped attachments of one container (a mail with 200 notes
        attached), and of more than three attachments of one container with the content of one
        before them (5,000 copies of one file; a mailbox of 5,000 answers read in with
        --no-changes, ten institutions' forms), are shown as one line unless ``verbose``;
        ``--json`` always lists each one. A container is the file (or attachment) before the
        last ``#`` of the name: ``big.mbox`` for ``big.mbox#12/1``, ``a.eml#1/2`` for
        ``a.eml#1/2#1/1``.
        """
        out = []
        run: list[Outcome] = []

        def flush() -> None:
            if len(run) > 3 and not verbose:
                first, last = run[0], run[-1]
                if first.status is Status.SKIPPED:
                    kinds = ", ".join(sorted({o.kind or "?" for o in run}))
                    said = say("ingest_skipped_run", lang, n=len(run), kinds=kinds)
                else:
                    said = say("ingest_duplicate_run", lang, n=len(run))
                out.append(
                    f"{status_word(first.status, lang)} {shown(first.container or '')} … "
                    f"{shown(last.container or '')}: " + said
                )
            else:
                out.extend(o.line(lang) for o in run)
            run.clear()

        for o in self.outcomes:
            parent = (o.container or "").rsplit("#", 1)[0]
            if o.container and (
                o.status is Status.SKIPPED
                or getattr(o.reason, "key", "") == "ingest_pipeline_same_content"
            ):
                if run and (
                    run[0].status is not o.status
                    or (run[0].container or "").rsplit("#", 1)[0] != parent
                ):
                    flush()
                run.append(o)
                continue
            flush()
            out.append(o.line(lang))
            listed = o.warnings if verbose else o.warnings[:5]
            out.extend(f"    {shown(in_language(w, lang))}" for w in listed)
            if len(o.warnings) > len(listed):
                out.append("    " + say("ingest_more", lang, n=len(o.warnings) - len(listed)))
        flush()
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "summary": {
                "files": len(self.files()),
                "seconds": round(self.seconds, 3),
                **self.counts,
                **({"not_handled": self.unfinished} if self.unfinished else {}),
                **({"without_attachment": n} if (n := self.without_attachment()) else {}),
            },
            "files": [o.to_json() for o in self.outcomes],
        }


@functools.cache
def status_word(status: Status, lang: str) -> str:
    """The status as a report line begins with it, in ``lang``, padded to the longest word of
    that language so that the names line up (made once per status and language)."""
    width = max(len(say(f"ingest_status_{s.value}", lang)) for s in Status)
    return say(f"ingest_status_{status.value}", lang).ljust(width)
