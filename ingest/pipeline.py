"""Ingest a batch of returned files: walk, sniff, read, validate — each file in a bounded worker.

:func:`ingest_paths` takes files, folders and containers (mails: .eml, .mbox, Maildir, .msg;
ZIP archives; Outlook's winmail.dat) and returns an :class:`~ingest.report.IngestReport` with
one :class:`~ingest.report.Outcome` per file (and per file in a container). The rules:

* **Type by content**: :func:`ingest.sniff.sniff` decides which reader a file gets; the name's
  extension is never trusted.
* **Bounded**: every file is read and validated in a worker process (one per core) with a time
  limit and an address-space limit (``RLIMIT_AS``) on top of the worker's baseline; a worker
  that overruns is killed and replaced, and the file is reported *unreadable* with the reason.
  One bad file never stops the batch.
* **Quarantine**: a file whose identity is missing (*unknown form*), tampered with or forged,
  or names an unknown schema or category is copied to ``workspace.quarantine_dir`` as
  ``<sha256><suffix>`` with ``<sha256>.json`` saying why and where each copy came from; it is
  never merged. The quarantine folder can be ingested again: each copy is read under its
  original name and mail, and one that merges leaves the quarantine.
* **Merge**: each valid :class:`~ingest.submission.Submission` is handed to ``merge`` — the
  register's merge, wired in by the CLI — together with the path of the original bytes (a file
  or a spooled attachment). Merging happens in this (the parent) process, one submission at a
  time, in a stable order.
* **Archive**: when merging into a register, the worker that read a valid return keeps its
  bytes content-addressed in the workspace's archive (synced to disk) before it answers: the
  archived original is exactly what was checked — even if the file is saved again meanwhile —
  and the parent's merge, one at a time, only journals it. A return the register then refuses
  stays in the archive too (and goes to the quarantine).
* **Once per run**: a file whose SHA-256 was already seen in this run is reported as a
  duplicate and not read again (idempotence across runs is the register's job). One whose
  SHA-256 the register holds (merged in an earlier run) is not read either: it is a duplicate
  with the day and name it was first ingested under, as the register's merge says it.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import datetime as dt
import errno
import functools
import hashlib
import heapq
import importlib
import json
import logging
import multiprocessing
import os
import resource
import shlex
import signal
import stat
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parseaddr
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from formgen.errors import (
    FormgenError,
    IdentityError,
    NotAFileError,
    NotOurFormError,
    QuarantineError,
    UnreadableFileError,
)
from formgen.filenames import shown
from formgen.identity import FormIdentity, reference
from formgen.interrupts import STOP_SIGNALS, Interrupts
from formgen.messages import (
    WORDS,
    Said,
    SaidJoined,
    in_language,
    os_error_said,
    per_language,
    said_count,
)
from formgen.record import wholly_erased
from formgen.workspace import CONFIG, LOCK, WORKSPACE_FILES, Workspace, write_atomic
from ingest import archive, mailbox, quarantine
from ingest.answers import Answers, Reply, sender_address
from ingest.labels import path_named, paths_named
from ingest.report import ANSWER_KEPT, NO_ATTACHMENT, IngestReport, Outcome, Status, warned
from ingest.schemas import WORKSPACE_DIR as SCHEMAS_DIR
from ingest.schemas import SchemaRegistry
from ingest.sniff import (
    AS_WRITTEN_NOTE,
    CONTAINER_KINDS,
    HEAD_BYTES,
    PAPER_ADVICE,
    SCAN_NOTE,
    SUFFIX,
    WHAT,
    Kind,
    archive_name,
    image_suffix,
    is_maildir,
    is_page_picture,
    kind_of,
    looks_like_container,
    not_a_file,
    open_regular,
    sniff,
)
from ingest.spool import spool_folder
from ingest.submission import FormPart, Provenance, RawSubmission, RawValue, Submission, short
from ingest.validate import sent_values, validate

MergeFn = Callable[[Submission, Path], object]
"""The register's merge: a validated submission and the path of its original bytes.

It returns what the report should say about the merge (a ``MergeOutcome``-like object with
``status``, ``institutions``, ``flags`` …, or anything whose ``str()`` says it), or ``None``; its
``flags`` are added to the file's warnings, so they leave out the submission's own invalid
values (the warnings list those already: ``Submission.problems``). It raises
:class:`~formgen.errors.FormgenError` when the submission cannot be merged (the file is then
quarantined with that reason); anything else is a bug and stops the run.
"""

ProgressFn = Callable[[Outcome], None]


@dataclass(frozen=True)
class Limits:
    """Per-file bounds. Memory is on top of what a worker uses before it reads anything."""

    seconds: float = 60.0
    memory_bytes: int = 1 << 30
    max_file_bytes: int = 200 << 20
    max_attachments: int = mailbox.MAX_ATTACHMENTS
    container_seconds: float = 600.0
    """A container — a whole mailbox (all its mails), a ZIP archive, a winmail.dat — may take
    longer than one file to be taken apart."""
    max_container_bytes: int = 2 << 30
    """Attachments one mail container may spool to disk (a mailbox full of huge files)."""


@dataclass(frozen=True)
class ReadContext:
    """What readers and validation need: schema versions, the secret, the issued forms."""

    registry: SchemaRegistry
    secret: bytes
    issued: Mapping[str, FormIdentity] = field(default_factory=dict)
    """Issued forms by instance id, so a flattened/printed copy finds its identity."""
    ingested: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """The register's ``sources`` (by SHA-256) when the run merges into it: a file among them
    is not read again, its merge would only say when and as what it was ingested."""
    no_workspace_ok: bool = False
    """Take in a blank checklist made without a workspace (``formgen ingest
    --accept-no-workspace``: the coordinator looked at it), which is kept aside otherwise."""
    answers: Answers | None = None
    """formgen's own mails, to know a mail without attachment that answers one
    (:mod:`ingest.answers`); ``None``: none is known."""

    @classmethod
    def for_workspace(cls, ws: Workspace, no_workspace_ok: bool = False) -> ReadContext:
        registry = SchemaRegistry.for_workspace(ws.root, ws.schema(), ws.regions)
        return cls(registry, ws.secret, ws.issued(), no_workspace_ok=no_workspace_ok)


# --------------------------------------------------------------------------- readers


ReaderFn = Callable[[bytes, Provenance, "ReadContext"], RawSubmission]
"""A reader as the pipeline calls it: the file's bytes, what is known about it, the context."""


class _Unsupported(FormgenError):
    """No reader for this kind of file in this installation; ``said``: why, as the report says it."""

    said: str

    def __init__(self, said: str) -> None:
        super().__init__(said)
        self.said = said


def _import_reader(module: str, what: str) -> Any:
    """Import a reader module lazily; a reader that is not installed is an outcome, not a crash."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        raise _Unsupported(Said("ingest_pipeline_no_reader", what=what, module=module)) from None


def read_pdf(data: bytes, prov: Provenance, ctx: ReadContext) -> RawSubmission:
    """A returned PDF: its form fields, or — without any — a flattened or printed copy, whose
    identity is found through its printed reference among the workspace's issued forms."""
    try:
        flat_reader = _import_reader("ingest.flat_reader", Said("ingest_pipeline_flattened"))
    except _Unsupported as missing:
        pdf_reader = _import_reader("ingest.pdf_reader", "PDF")
        raw: RawSubmission = pdf_reader.read_acroform(
            data, prov.file_name, sha256=prov.sha256 or None
        )
        if raw.identity is None and not raw.values:
            raw = dataclasses.replace(raw, notes=(*raw.notes, missing.said))
        return raw
    raw = flat_reader.read_pdf(
        data,
        prov.file_name,
        schema=ctx.registry.current,
        lookup=ctx.issued.get,
        sha256=prov.sha256 or None,
    )
    return raw


def read_docx(data: bytes, prov: Provenance, ctx: ReadContext) -> RawSubmission:
    """A returned DOCX: the values of its content controls."""
    docx_reader = _import_reader("ingest.docx_reader", "DOCX")
    raw: RawSubmission = docx_reader.read_docx(
        data, prov.file_name, schema=ctx.registry.current, sha256=prov.sha256 or None
    )
    return raw


def read_odt(data: bytes, prov: Provenance, ctx: ReadContext) -> RawSubmission:
    """The Word form saved as OpenDocument text: the values in its tables."""
    odt_reader = _import_reader("ingest.odt_reader", "OpenDocument")
    raw: RawSubmission = odt_reader.read_odt(
        data, prov.file_name, schema=ctx.registry.current, sha256=prov.sha256 or None
    )
    return raw


READERS: dict[Kind, ReaderFn] = {Kind.PDF: read_pdf, Kind.DOCX: read_docx, Kind.ODT: read_odt}
"""The reader for each kind of file; :func:`read_file` dispatches here (tests may swap one)."""


def read_file(data: bytes, kind: Kind, provenance: Provenance, ctx: ReadContext) -> RawSubmission:
    """Run the reader for ``kind`` on ``data``; raise :class:`FormgenError` when it cannot read it."""
    reader = READERS.get(kind)
    if reader is None:
        raise _Unsupported(Said("ingest_pipeline_not_a_form", what=WHAT.get(kind, str(kind))))
    return reader(data, provenance, ctx)


# --------------------------------------------------------------------------- tasks


@dataclass(frozen=True)
class Task:
    """One file (or Maildir folder, or spooled attachment) for a worker."""

    path: str
    """The path to open, as the file system gave it (a name that is not UTF-8 included)."""
    name: str
    """What the report calls it: the path as given, or ``inbox.mbox#3/2 antrag.pdf``; always
    text (:func:`formgen.filenames.readable`), never the undecodable bytes of ``path``."""
    container: str | None = None
    mail: mailbox.MailInfo | None = None
    sha256: str | None = None
    top_level: bool = True
    container_like: bool | None = None
    """Looks like a container (by its first bytes: a mail, a mailbox, a ZIP archive, a
    winmail.dat): gets the longer time limit, and its worker nothing more meanwhile. ``None``
    until the file is handed to a worker: then its first bytes are read (:meth:`Batch.run`),
    not while the files are being found, so a folder of 1,000 files is not read twice before
    the first one is."""
    file_name: str = ""
    """The file's own name for the provenance: an attachment's name, or (when empty) the
    readable base name of ``path``."""
    seq: tuple[int, ...] = ()
    """Position in the batch; a mail's attachments follow the mail (``(3,)`` → ``(3, 1)``)."""
    kept_aside: bool = False
    """A copy in the workspace's quarantine, ingested again: merged, it leaves the quarantine."""
    received: str | None = None
    """For a kept-aside copy: the day (ISO) it first came in, by its quarantine record."""
    answer: bool = False
    """A form read in for a mail that answered without one (``--no-changes``,
    :func:`_unattached`): what the form itself would say of being sent back untouched is said
    by that mail's line (:func:`_as_answered`)."""


@dataclass(frozen=True)
class _Done:
    """A worker's answer for a file."""

    outcome: Outcome
    submission: Submission | None = None


@dataclass(frozen=True)
class _Expanded:
    """A worker's answer for a mail container: its attachments, spooled under their SHA-256."""

    outcome: Outcome
    tasks: tuple[Task, ...]


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _open_task_file(path: Path, name: str, limits: Limits) -> tuple[Kind, int, bytes | None]:
    """The file's kind, size and bytes, from one open file (the size and the bytes agree).

    The bytes are ``None`` for a container (a mail or a ZIP archive, read by :func:`_expand`)
    and for a file over ``limits.max_file_bytes`` (the worker's address-space bound covers a
    file that grows while it is read). A file replaced by a named pipe or a device since it was
    found is never opened (:class:`~formgen.errors.NotAFileError`)."""
    try:
        with open_regular(path, name) as fh:
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(HEAD_BYTES)
            kind = kind_of(head, path, name)
            if kind in CONTAINER_KINDS or size > limits.max_file_bytes:
                return kind, size, None
            fh.seek(0)
            data = fh.read()
    except IsADirectoryError:
        if not is_maildir(path):
            raise
        return Kind.MAILDIR, 0, None
    if len(data) > limits.max_file_bytes:  # it grew while it was read
        return kind, len(data), None
    return kind, len(data), data


def _process(
    task: Task, ctx: ReadContext, limits: Limits, spool: Path, archive: Workspace | None = None
) -> _Done | _Expanded:
    """Read one task; every expected failure becomes an outcome, not an exception.

    With ``archive``, a valid return's bytes — the very bytes just read and checked — are kept
    in that workspace's archive before the answer goes back, so the parent's merge finds them
    there (and need not read the file again)."""
    path = Path(task.path)
    out = Outcome(name=task.name, status=Status.UNREADABLE, container=task.container)
    try:
        kind, size, data = _open_task_file(path, task.name, limits)
        out = dataclasses.replace(out, kind=str(kind), size=size)
        if kind in CONTAINER_KINDS:
            return _expand(task, kind, path, ctx, limits, spool, out)
        if kind is Kind.EMPTY:
            return _Done(
                dataclasses.replace(
                    out,
                    reason=Said("ingest_pipeline_empty"),
                )
            )
        if data is None:
            return _Done(
                dataclasses.replace(
                    out,
                    reason=Said(
                        "ingest_pipeline_too_large", size=size, limit=limits.max_file_bytes
                    ),
                )
            )
        sha = task.sha256 or hashlib.sha256(data).hexdigest()
        out = dataclasses.replace(out, sha256=sha)
        if kind is Kind.IMAGE:
            return _picture(out, data)
        if kind not in READERS:
            what = archive_name(data) if kind is Kind.ARCHIVE else WHAT.get(kind, str(kind))
            claimed = Path(task.name).suffix.lower()
            if claimed in (".pdf", ".docx"):
                misnamed = Said(
                    "ingest_pipeline_misnamed", claimed=claimed, what=what, type=claimed[1:].upper()
                )
                return _Done(dataclasses.replace(out, reason=misnamed))
            status = Status.SKIPPED if kind is Kind.TEXT else Status.UNSUPPORTED
            reason: str = Said("ingest_pipeline_not_a_form", what=what)
            if kind in _ADVICE:
                reason = SaidJoined((reason, _ADVICE[kind]), sep="; ")
            return _Done(dataclasses.replace(out, status=status, reason=reason))
        known = None if task.kept_aside else ctx.ingested.get(sha)
        if known is not None:
            return _Done(_ingested_before(out, known))
        prov = Provenance(
            file_name=_file_name(task),
            sha256=sha,
            size=size,
            reader=str(kind),
            container=task.container,
            mail_from=task.mail.sender if task.mail else None,
            mail_date=task.mail.date if task.mail else None,
            mail_subject=task.mail.subject if task.mail else None,
            received=task.received,
        )
        try:
            raw = read_file(data, kind, prov, ctx)
        except _Unsupported as exc:
            return _Done(dataclasses.replace(out, status=Status.UNSUPPORTED, reason=exc.said))
        except NotOurFormError as exc:
            why = Said("ingest_pipeline_unknown_form", why=_said(exc, task))
            return _quarantined(out, "unknown-form", why)
        except IdentityError as exc:
            why = Said("ingest_pipeline_tampered", why=_said(exc, task))
            return _quarantined(out, "tampered", why)
        raw = _with_mail(raw, prov)
        out = dataclasses.replace(out, reader=raw.provenance.reader, confidence=raw.confidence)
        try:
            sub = validate(
                raw, ctx.registry, ctx.secret, prov.received_day, ctx.no_workspace_ok, ctx.issued
            )
        except QuarantineError as exc:
            part = raw.part_of if raw.identity is None else None
            # every page there (missing == ()): its identity fields were removed, unknown form
            made = ctx.issued.get(part.instance_id) if part and part.missing != () else None
            if part and made and _fields_of(made, raw.values):
                said, held = _part(part, raw.values, made)
                return _quarantined(out, "part", said, form=made.reference, warnings=held)
            if raw.identity is None and SCAN_NOTE in raw.notes:
                # a PDF of pictures only, no text: a scanned paper form, kept aside as a photo is
                scan = Said("ingest_pipeline_picture", what=SCANNED, advice=PAPER_ADVICE)
                return _quarantined(out, "picture", scan)
            return _quarantined(
                out,
                exc.kind,
                _said(exc, task),
                form=raw.identity.reference if raw.identity else None,
                # e.g. why a printed copy had no identity; a field by its label
                warnings=tuple(paths_named(ctx.registry.current, n) for n in raw.notes),
            )
        if archive is not None:
            _keep_original(archive, data, sha)
        schema = ctx.registry.current  # an invalid value's field by its label in the report
        warnings = [
            *sub.problems_named(lambda p: path_named(schema, p)),
            *(paths_named(schema, note) for note in sub.notes),
        ]
        return _Done(
            dataclasses.replace(
                out,
                status=Status.WARNINGS if warnings else Status.OK,
                warnings=tuple(warnings),
                form=sub.identity.reference,
                entries=len(sub.entries),
            ),
            sub,
        )
    except NotAFileError as exc:
        return _Done(dataclasses.replace(out, status=Status.SKIPPED, reason=_said(exc, task)))
    except FormgenError as exc:
        return _Done(dataclasses.replace(out, reason=_said(exc, task)))
    except MemoryError:
        memory = Said("ingest_pipeline_memory", mb=limits.memory_bytes >> 20)
        return _Done(dataclasses.replace(out, reason=memory))
    except RecursionError:
        return _Done(dataclasses.replace(out, reason=Said("ingest_pipeline_nested")))
    except OSError as exc:
        unread = Said("ingest_pipeline_cannot_read", why=os_error_said(exc))
        return _Done(dataclasses.replace(out, reason=unread))
    except Exception as exc:
        failed = {
            "error": type(exc).__name__,
            "message": " ".join(str(exc).split())[:200],
            "where": _report_with(task),
        }
        if out.kind:
            return _Done(
                dataclasses.replace(
                    out, reason=Said("ingest_pipeline_reader_failed", kind=out.kind, **failed)
                )
            )
        return _Done(
            dataclasses.replace(out, reason=Said("ingest_pipeline_file_reader_failed", **failed))
        )


_ADVICE = {
    Kind.OLE: Said("ingest_pipeline_advice_ole"),  # Word 97–2003
    Kind.ARCHIVE: Said("ingest_pipeline_advice_archive"),
    Kind.PROGRAM: Said("ingest_pipeline_advice_program"),
}
"""The words for a file of a kind no reader reads that say what to do with it, where there is
something to do."""


def _ingested_before(out: Outcome, source: Mapping[str, Any]) -> Outcome:
    """The outcome of a file the register merged before (``source``: its record there),
    without reading it: what its merge would say (a mailbox ingested again each week)."""
    from ingest.register import already_ingested

    instance_id = source.get("instance_id")
    return _already_ingested(
        dataclasses.replace(
            out,
            reader=source.get("reader"),
            confidence=source.get("confidence"),
            form=reference(instance_id) if instance_id else None,
        ),
        already_ingested(source),
    )


def _already_ingested(outcome: Outcome, said: Any, released: str = "") -> Outcome:
    """A file merged in an earlier run is a duplicate: nothing new, and its warnings were told
    the first time (a --strict run over it must not fail on them)."""
    return dataclasses.replace(
        outcome,
        status=Status.DUPLICATE,
        reason=SaidJoined((getattr(said, "reason", None) or "", released), sep=""),
        merged=SaidJoined((describe_merge(said), released), sep=""),
        warnings=(),
    )


def _report_with(task: Task) -> str:
    """Where the coordinator finds the file to report a reader's failure with: a top-level
    file stays where it is; an attachment or archive member's spooled copy is deleted at the
    end of the run, so it is the mail or archive it came in."""
    if task.top_level or not task.container:
        return Said("ingest_pipeline_report_file")
    return Said("ingest_pipeline_report_container", container=task.container)


SCANNED = Said("ingest_pipeline_scanned_pdf")
"""What a PDF whose pages are only pictures is (:data:`~ingest.sniff.SCAN_NOTE`)."""


def _picture(out: Outcome, data: bytes) -> _Done:
    """A photo or scan of a paper form is kept aside to be typed in; a logo is skipped."""
    page, what = is_page_picture(data)
    if not page:
        return _Done(
            dataclasses.replace(
                out,
                status=Status.SKIPPED,
                reason=Said("ingest_pipeline_logo", what=what),
            )
        )
    return _quarantined(
        out, "picture", Said("ingest_pipeline_picture", what=what, advice=PAPER_ADVICE)
    )


def _part(
    part: FormPart, values: Mapping[str, RawValue], made: FormIdentity
) -> tuple[Said, tuple[Said, ...]]:
    """Why ``part``, pages of form ``made`` saved without its identity page, is kept aside,
    and the ``values`` it holds (each a warning): never merged on its own, it proves no
    identity."""
    filled = {path: value for path, value in values.items() if value}
    held = tuple(
        Said("ingest_pipeline_part_value", path=path, value=short(_held(value)))
        for path, value in filled.items()
    )
    iid = made.institution_id or "-"
    said = Said(
        "ingest_pipeline_part", form=made.reference, iid=iid, pages=part.said(), count=len(filled)
    )
    return said, held


def _fields_of(made: FormIdentity, values: Mapping[str, RawValue]) -> bool:
    """Whether ``values`` are named as the fields of form ``made`` (``institution.…``, or a
    block of one of its checklists): not another program's form that quotes its reference."""
    blocks = {"institution", *made.categories}
    return any(path.split(".", 1)[0] in blocks for path in values)


def _held(value: RawValue) -> str:
    """A value read from a part of a form, as its warning shows it (a tick: ✓)."""
    if value is True:
        return "✓"
    return ", ".join(value) if isinstance(value, list) else str(value)


def _quarantined(out: Outcome, kind: str, reason: str, **more: Any) -> _Done:
    """The file is kept aside in the quarantine (by the parent), never merged."""
    return _Done(
        dataclasses.replace(
            out, status=Status.QUARANTINED, quarantine_kind=kind, reason=reason, **more
        )
    )


def _keep_original(ws: Workspace, data: bytes, sha: str) -> None:
    """Archive a valid return's bytes; a workspace that cannot take them is the parent's to
    report (its merge archives the file itself, and a failing workspace fails the run)."""
    from ingest import journal

    with contextlib.suppress(OSError):
        journal.archive(ws, data, sha)


def _file_name(task: Task) -> str:
    return task.file_name or shown(Path(task.path).name)


def _said(exc: FormgenError, task: Task) -> str:
    """An error's message as the report shows it: :attr:`FormgenError.said` (said in the
    workspace's language where it can be), else its text without the file name in front."""
    return exc.said if exc.said is not None else _strip_name(str(exc), task)


def _strip_name(message: str, task: Task) -> str:
    """A reader's message without the file name in front (the report line shows it already)."""
    for name in (task.name, _file_name(task)):
        if message.startswith(f"{name}: "):
            return message[len(name) + 2 :]
    return message


def _with_mail(raw: RawSubmission, prov: Provenance) -> RawSubmission:
    """The reader's provenance plus what only the pipeline knows (mail, container)."""
    p = raw.provenance
    merged = dataclasses.replace(
        p,
        file_name=prov.file_name,
        sha256=prov.sha256,
        size=prov.size,
        container=prov.container,
        mail_from=prov.mail_from,
        mail_date=prov.mail_date,
        mail_subject=prov.mail_subject,
        timestamps=dict(p.timestamps),
        received=prov.received,
    )
    return dataclasses.replace(raw, provenance=merged, values=dict(raw.values))


def _expand(
    task: Task, kind: Kind, path: Path, ctx: ReadContext, limits: Limits, spool: Path, out: Outcome
) -> _Expanded:
    scan = mailbox.MailScan()
    tasks: list[Task] = []
    if kind is Kind.EML:
        atts: Iterator[mailbox.Attachment] = mailbox.eml_attachments(
            path.read_bytes(), scan, limits.max_attachments, _file_name(task)
        )
    elif kind is Kind.MBOX:
        atts = mailbox.mbox_attachments(path, scan, limits.max_attachments, _file_name(task))
    elif kind is Kind.MAILDIR:
        atts = mailbox.maildir_attachments(path, scan, limits.max_attachments)
    elif kind in (Kind.ZIP, Kind.TNEF):
        if len(task.seq) > archive.MAX_NESTING:
            raise UnreadableFileError(
                task.name,
                "too-large",
                Said("ingest_pipeline_nested_archives", n=archive.MAX_NESTING),
            )
        members = archive.zip_members if kind is Kind.ZIP else archive.tnef_members
        atts = members(
            path,
            _file_name(task),
            scan,
            limits.max_attachments,
            limits.max_file_bytes,
            task.mail or mailbox.MailInfo(),
        )
    else:
        atts = mailbox.msg_attachments(path, _file_name(task), scan, limits.max_attachments)
    # A mail attached as a file inside a mail: its attachments are named "<outer>#1/2#1/1".
    base = task.container or task.name
    spooled = 0
    seen: Counter[str] = Counter()  # attachments of each mail of the container, by its number
    skipped: set[str] = set()  # the mails with an attachment too large to be read
    for number, att in enumerate(atts, start=1):
        mail = att.position.split("/", 1)[0]
        seen[mail] += 1
        if spooled + len(att.data) > limits.max_container_bytes:
            too_big = Said("ingest_pipeline_mailbox_too_big", limit=limits.max_container_bytes)
            scan.problems.append(
                Said(
                    "ingest_pipeline_attachment", position=att.position, name=att.name, why=too_big
                )
            )
            break
        spooled += len(att.data)
        if len(att.data) > limits.max_file_bytes:
            too_large = Said(
                "ingest_pipeline_too_large", size=len(att.data), limit=limits.max_file_bytes
            )
            scan.problems.append(
                Said(
                    "ingest_pipeline_attachment",
                    position=att.position,
                    name=att.name,
                    why=too_large,
                )
            )
            skipped.add(mail)
            continue
        sha = hashlib.sha256(att.data).hexdigest()
        target = spool / sha  # never the attachment's name
        if not target.exists():  # whole or not there: another worker may spool the same one
            partial = spool / f".{sha}.{os.getpid()}"
            partial.write_bytes(att.data)
            partial.replace(target)
        where = f"{base}#{att.position}"
        tasks.append(
            Task(
                str(target),
                f"{where} {att.name}",
                container=where,
                mail=att.mail,
                sha256=sha,
                file_name=att.name,
                top_level=False,
                container_like=looks_like_container(target),
                seq=(*task.seq, number),
            )
        )
    reason: str
    if kind in (Kind.ZIP, Kind.TNEF):
        reason = said_count("ingest_pipeline_archive_of", scan.attachments, what=WHAT[kind])
    else:
        attachments = "ingest_pipeline_attachments" + ("_one" if scan.attachments == 1 else "")
        reason = SaidJoined(
            (
                said_count("ingest_pipeline_mails", scan.mails),
                Said(attachments, n=min(scan.attachments, limits.max_attachments)),
            )
        )
    # the mails without a form: none attached, or only a signature's logo (Outlook's)
    bare = {n: r for n, r in scan.replies.items() if n not in skipped}
    unattached = doubted = 0
    lead: list[str] = []  # shown first, before the problems: the lines not to miss
    if kind in (Kind.ZIP, Kind.TNEF):
        if not tasks and not scan.problems:
            reason, unattached = Said(NO_ATTACHMENT, what=reason), 1
    elif kind in (Kind.EML, Kind.MSG):
        if bare and not scan.problems:
            at = ("", len(tasks) + 1)
            reason, taken = _unattached(task, ctx, reason, bare["1"], tasks, at)
            unattached, doubted = not taken, getattr(reason, "key", "") in DOUBTED
    else:  # a mailbox: a line for each answer recognised, one for the mails that answer none
        told: list[Said] = []
        unknown = []
        for n, reply in bare.items():
            said, taken = _unattached(task, ctx, f"#{n}", reply, tasks, (f"{n}/", seen[n] + 1))
            unattached += not taken
            if said.key == NO_ATTACHMENT:
                unknown.append(f"#{n}")
            else:
                told.append(said)
        # first, as the report shows five lines under a file's unless --verbose: what
        # --no-changes does, the answers credited to no one or unread, then the problems
        lead = [s for s in told if s.key in DOUBTED]
        told = [s for s in told if s.key not in DOUBTED]
        doubted = len(lead)
        if offered := sum(s.key == "ingest_answer_found" for s in told):
            lead.insert(0, said_count("ingest_answers_in_box", offered))
        if unknown and not tasks and not told and not lead:
            reason = Said(NO_ATTACHMENT, what=reason)
        elif unknown:
            told.append(
                Said(NO_ATTACHMENT, what=", ".join(unknown[:10]) + ", …" * (len(unknown) > 10))
            )
        scan.notes[:0] = told
    status = Status.WARNINGS if scan.problems or doubted else Status.CONTAINER
    return _Expanded(
        dataclasses.replace(
            out,
            status=status,
            reason=reason,
            warnings=(*lead, *scan.problems, *scan.notes)
            if lead
            else (*scan.notes, *scan.problems),
            unattached=unattached,
        ),
        tuple(tasks),
    )


DOUBTED = frozenset({"ingest_answer_other_sender", "ingest_answer_unreadable"})
"""The lines of answers without a form that are credited to no one: sent from another
institution's address, or unreadable (:func:`_unattached`); the container's line says them
among its warnings (``Hinweise``), first."""


def _unattached(
    task: Task, ctx: ReadContext, what: str, reply: Reply, tasks: list[Task], at: tuple[str, int]
) -> tuple[Said, bool]:
    """What a mail without a form (no attachment, or only its signature's logo) says, and
    whether it was read in: who sent it, and whether it answers a mail of formgen
    (:mod:`ingest.answers`), with the command that reads it in as the forms that mail carried,
    unchanged; with ``--no-changes`` (:attr:`Answers.take`) those forms join ``tasks``, carried
    by this mail (at ``#3/2``, ``#3/3`` … in its container for ``at`` ``("3/", 2)``)."""
    sender = reply.sender or "?"
    answers = ctx.answers
    found = answers.find(reply) if answers is not None else None
    if answers is None or found is None:
        said = Said("ingest_answer_unknown", what=what, sender=sender, subject=reply.subject)
        return Said(NO_ATTACHMENT, what=said), False
    mailed = found.mailed
    try:  # the mail's Date as ISO 8601 (mailbox.mail_info), else as written: not a day
        day = dt.date.fromisoformat(reply.date[:10]).isoformat()
    except ValueError:
        day = "?"
    told = {
        "what": what,
        "sender": sender,
        "subject": reply.subject,
        "day": day,
        "iid": mailed.institution_id,
        "name": mailed.name,
        "mailed": mailed.at[:10],
        "how": Said(f"ingest_answer_by_{found.how}"),
        "forms": ", ".join(mailed.references),
    }
    note = shlex.quote(f"Mail {sender_address(sender)} {day}")
    confirm = f"-w {answers.workspace} --note {note}"
    if found.others:  # another institution's address: credited to neither
        others = ", ".join(f"{iid} ({name})" for iid, name in found.others)
        command = f"formgen register confirm ID {confirm}"
        return Said("ingest_answer_other_sender", **told, others=others, command=command), False
    confirm = f"formgen register confirm {shlex.quote(mailed.institution_id)} {confirm}"
    if reply.unreadable:  # nobody read what it says
        why = Said("ingest_answer_charset", charset=reply.unreadable)
        if reply.unreadable == "?":
            why = Said("ingest_answer_undecodable")
        return Said("ingest_answer_unreadable", **told, why=why, command=confirm), False
    files = [f for f in mailed.files if Path(f).is_file()]
    if not files:
        return Said("ingest_answer_no_form_kept", **told, command=confirm), False
    if not answers.take:
        # the file given: a mail inside an archive or a mail is read in with it
        given = task.name if task.top_level else task.name.split("#", 1)[0]
        command = f"formgen ingest {shlex.quote(given)} -w {answers.workspace} --no-changes"
        return Said("ingest_answer_found", **told, command=command), False
    base = task.container or task.name
    for k, stored in enumerate(files):
        name = Path(stored).name
        number = len(tasks) + 1
        where = f"{base}#{at[0]}{at[1] + k}"
        tasks.append(
            Task(
                stored,
                f"{where} {name}",
                container=where,
                mail=mailbox.MailInfo(reply.sender, reply.date, reply.subject),
                file_name=name,
                top_level=False,
                container_like=False,
                seq=(*task.seq, number),
                answer=True,
            )
        )
    return Said("ingest_answer_taken", **told), True


# --------------------------------------------------------------------------- workers


def _vsize() -> int:
    with (
        contextlib.suppress(OSError, ValueError, IndexError),
        open("/proc/self/statm", encoding="ascii") as fh,
    ):
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    return 0


QUIET_LIBRARIES = ("pypdf", "pdfminer", "pdfplumber", "extract_msg", "olefile")
"""Libraries that log what they meet in a damaged file ("Data-loss while decompressing corrupted
data", "Could not set text matrix"), sometimes hundreds of lines: in a worker those lines would
land on stderr, outside the report (and beside ``--json``). The report says what matters."""


def _mute_libraries() -> None:
    """Silence :data:`QUIET_LIBRARIES` in this (worker) process, as ``ingest.archive`` does
    tnefparse; a library that configures no logging of its own is otherwise printed by
    Python's last-resort handler."""
    for name in QUIET_LIBRARIES:
        log = logging.getLogger(name)
        log.addHandler(logging.NullHandler())
        log.setLevel(logging.CRITICAL + 1)
        log.propagate = False


PR_SET_PDEATHSIG = 1
"""prctl(2): the signal the kernel sends this process when its parent ends (Linux)."""


def _end_with_parent() -> None:
    """Have the kernel kill this worker when the parent ends, however it ends (SIGKILL, a
    crash): a worker left behind would wait for its next task for good, holding the
    workspace's files open. Without prctl (not Linux) the worker ends only when told."""
    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _worker_main(
    conn: Connection,
    ctx: ReadContext,
    limits: Limits,
    spool: str,
    archive: Workspace | None,
    parent: int,
) -> None:
    _end_with_parent()
    if os.getppid() != parent:
        return  # the parent ended before the kernel was told
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)  # the parent decides when to stop
    _mute_libraries()
    budget = _vsize() + limits.memory_bytes
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        started = time.perf_counter()
        result = _process(task, ctx, limits, Path(spool), archive)
        seconds = time.perf_counter() - started
        result = dataclasses.replace(
            result, outcome=dataclasses.replace(result.outcome, seconds=seconds)
        )
        try:
            conn.send(result)
        except MemoryError:
            conn.send(
                _Done(
                    dataclasses.replace(
                        result.outcome,
                        status=Status.UNREADABLE,
                        reason=Said("ingest_pipeline_result_too_big"),
                    )
                )
            )
        if "memory bound" in result.outcome.reason:
            return  # start afresh after a MemoryError: the heap may be fragmented


IN_FLIGHT = 2
"""Tasks sent to a worker ahead: it starts the next file without waiting for the parent."""


class _Worker:
    """One worker process and the tasks sent to it, in order; the first is the one running."""

    def __init__(
        self, mp: Any, ctx: ReadContext, limits: Limits, spool: Path, archive: Workspace | None
    ) -> None:
        self.limits = limits
        self.conn, child = mp.Pipe()
        self.proc = mp.Process(
            target=_worker_main,
            args=(child, ctx, limits, str(spool), archive, os.getpid()),
            daemon=True,
        )
        self.proc.start()
        child.close()
        self.queue: deque[Task] = deque()
        self.deadline = 0.0
        self.started = 0.0

    def _head_started(self) -> None:
        self.started = time.perf_counter()
        self.deadline = time.monotonic() + _timeout(self.queue[0], self.limits)

    def give(self, task: Task) -> None:
        self.queue.append(task)
        if len(self.queue) == 1:
            self._head_started()
        self.conn.send(task)

    def done(self) -> Task:
        """The running task finished; the next one (already sent) starts now."""
        task = self.queue.popleft()
        if self.queue:
            self._head_started()
        return task

    def stop(self) -> None:
        with contextlib.suppress(OSError, BrokenPipeError):
            self.conn.send(None)
        self.proc.join(timeout=2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


def _timeout(task: Task, limits: Limits) -> float:
    return limits.container_seconds if task.container_like else limits.seconds


class Batch:
    """Runs tasks on ``jobs`` workers; see :func:`ingest_sources`."""

    def __init__(
        self,
        ctx: ReadContext,
        limits: Limits,
        jobs: int,
        spool: Path,
        archive: Workspace | None = None,
    ) -> None:
        self.mp = multiprocessing.get_context("fork")
        self.ctx, self.limits, self.jobs, self.spool = ctx, limits, max(1, jobs), spool
        self.archive = archive

    def run(self, tasks: Iterable[Task]) -> Generator[tuple[Task, _Done | _Expanded], None, None]:
        pending: deque[Task] = deque(tasks)
        workers = [
            _Worker(self.mp, self.ctx, self.limits, self.spool, self.archive)
            for _ in range(min(self.jobs, len(pending)) or 1)
        ]

        def retire(w: _Worker, kill: bool = False) -> None:
            """Replace worker ``w``; the tasks it had not started go back to the front."""
            pending.extendleft(reversed(w.queue))
            w.queue.clear()
            workers[workers.index(w)] = self._replace(w, kill)

        try:
            while pending or any(w.queue for w in workers):
                for w in workers:
                    # A container's attachments arrive at the front of pending; a worker that
                    # is expanding a mailbox gets nothing more until it has finished.
                    while (
                        pending
                        and len(w.queue) < IN_FLIGHT
                        and not (w.queue and w.queue[-1].container_like)
                    ):
                        task = pending.popleft()
                        if task.container_like is None:
                            task = dataclasses.replace(
                                task, container_like=looks_like_container(task.path)
                            )
                        w.give(task)
                busy = [w for w in workers if w.queue]
                now = time.monotonic()
                ready = wait(
                    [w.conn for w in busy], timeout=max(0.0, min(w.deadline for w in busy) - now)
                )
                for w in busy:
                    task = w.queue[0]
                    if w.conn in ready:
                        try:
                            result: _Done | _Expanded = w.conn.recv()
                        except (EOFError, OSError):
                            w.proc.join(1)
                            result = _Done(
                                _died(
                                    task,
                                    w.proc.exitcode,
                                    self.limits,
                                    time.perf_counter() - w.started,
                                )
                            )
                            w.done()
                            retire(w)
                        else:
                            w.done()
                            if (
                                isinstance(result, _Done)
                                and "memory bound" in result.outcome.reason
                            ):
                                retire(w)  # it exits after a MemoryError: start afresh
                        if isinstance(result, _Expanded):
                            pending.extendleft(reversed(result.tasks))
                        yield task, result
                    elif time.monotonic() >= w.deadline:
                        seconds = _timeout(task, self.limits)
                        w.done()
                        retire(w, kill=True)
                        yield (
                            task,
                            _Done(
                                Outcome(
                                    name=task.name,
                                    status=Status.UNREADABLE,
                                    container=task.container,
                                    sha256=task.sha256 or "",
                                    reason=Said("ingest_pipeline_timeout", seconds=seconds),
                                    seconds=seconds,
                                )
                            ),
                        )
        finally:
            for w in workers:
                w.stop() if not w.queue else w.kill()

    def _replace(self, w: _Worker, kill: bool = False) -> _Worker:
        if kill or w.proc.is_alive():
            w.kill()
        else:
            w.proc.join()
            w.conn.close()
        return _Worker(self.mp, self.ctx, self.limits, self.spool, self.archive)


def _died(task: Task, exitcode: int | None, limits: Limits, seconds: float) -> Outcome:
    """A worker that ended without an answer: killed (SIGKILL: the system's out-of-memory
    killer, mostly), crashed in a library's C code (SIGSEGV, SIGABRT …: a damaged or hostile
    file, or an allocation failing at the memory bound) or ended otherwise (a bug)."""
    if exitcode == -signal.SIGKILL:
        reason = Said("ingest_pipeline_killed")
    else:
        if exitcode is not None and exitcode < 0:
            try:
                name = signal.Signals(-exitcode).name
            except ValueError:
                name = f"signal {-exitcode}"
            what = Said("ingest_pipeline_crashed", signal=name, mb=limits.memory_bytes >> 20)
        elif exitcode is not None:
            what = Said("ingest_pipeline_ended_status", code=exitcode)
        else:
            what = Said("ingest_pipeline_ended")
        reason = Said("ingest_pipeline_died", what=what, where=_report_with(task))
    return Outcome(
        name=task.name,
        status=Status.UNREADABLE,
        container=task.container,
        sha256=task.sha256 or "",
        reason=reason,
        seconds=seconds,
    )


# --------------------------------------------------------------------------- the batch


_SKIP_PREFIXES = (".", "~$")
"""Hidden files (``.DS_Store``) and Office lock files (``~$antrag.docx``) are not returns, no
more than Windows Explorer's files (:data:`ingest.archive.WINDOWS_FILES`)."""
DOWNLOADING = (".crdownload", ".part", ".partial", ".download", ".opdownload")
"""The endings a browser gives a file while it downloads it (Chrome and Edge, Firefox, Internet
Explorer, Safari, Opera): renamed to the file's own name once the download has finished."""


def _never_a_return(name: str) -> str | None:
    """How :func:`_left_out` counts the file ``name`` that is never a return, named or met in a
    folder: ``~`` for an Office lock file (``~$antrag.docx``) or Word's temporary file
    (``~WRL0003.tmp``), ``windows`` for Windows Explorer's; None for any other."""
    if name.startswith("~$") or (name.startswith("~") and name.lower().endswith(".tmp")):
        return "~"
    return "windows" if name.lower() in archive.WINDOWS_FILES else None


def workspace_folders(ws: Workspace) -> list[Path]:
    """Folders and files of a workspace that hold no returns: the archive, quarantine, generated
    forms, exports and older schema versions, and its own files (configuration, secret,
    register, journal, logs, lock) — a folder made a workspace with ``init --with-files`` is
    walked for the returns it holds, not for these."""
    own = [ws.root / name for name in (CONFIG, LOCK, *WORKSPACE_FILES)]
    return [
        ws.archive_dir,
        ws.quarantine_dir,
        ws.forms_dir,
        ws.exports_dir,
        ws.root / SCHEMAS_DIR,
        *own,
    ]


def discover(
    paths: Iterable[str | Path], exclude: Iterable[Path] = ()
) -> tuple[list[Task], list[Outcome]]:
    """Files to ingest under ``paths`` (folders walked, Maildir folders kept whole), sorted (a
    folder's files each before the copies beside it, :func:`_originals_first`), and an outcome
    for each path that is not a file to read.

    A path that does not exist, a link to nothing or a link that loops is *unreadable*; a named
    pipe, a socket or a device (or a link to one), and a folder inside a Maildir's ``cur`` or
    ``new``, is *skipped*, each with its own outcome and never opened (a named pipe blocks until someone writes to it, ``/dev/zero`` never ends).
    Met while walking a folder, a symbolic link to a folder is not followed (it may lead in a
    circle, or to files read twice) and is *skipped* with a line of its own; hidden files and
    folders, Office lock files and Windows Explorer's files (``Thumbs.db``) are left out, and
    *skipped* in one line for the folder given that counts them (:func:`_left_out`); named, a
    hidden file is read, the others are counted so for the folder they are in. A browser's
    unfinished download (:data:`DOWNLOADING`) is *skipped* with a line of its own; folders
    and files in ``exclude`` (the workspace's own archive, quarantine, forms, exports and
    files: ``formgen ingest .`` in a workspace) are left out silently. A name that is not UTF-8 (copied
    from a USB stick or a Windows share) is opened as it is and shown decoded, a control
    character in a name (a line break) as its escape (:func:`formgen.filenames.shown`).
    """
    skip = {p.resolve() for p in exclude}
    tasks: list[Task] = []
    others: list[Outcome] = []
    named_out: dict[str, Counter[tuple[str, bool]]] = {}  # named, never returns: by folder

    def unlisted(exc: OSError) -> None:
        """A folder formgen may not list, met while walking."""
        others.append(
            Outcome(
                name=shown(exc.filename or ""),
                status=Status.UNREADABLE,
                reason=Said("ingest_pipeline_cannot_read_folder", why=os_error_said(exc)),
            )
        )

    def add(path: Path, name: str, mode: int | None = None) -> None:
        found = _file_task(path, name, mode)
        if isinstance(found, Task):
            tasks.append(found)
        else:
            others.append(found)

    def maildir(folder: Path, name: str) -> None:
        tasks.append(Task(str(folder), name, container_like=True))
        others.extend(_maildir_folders(folder))

    for given in paths:
        p = Path(given)
        try:
            mode: int | None = os.stat(p).st_mode
        except OSError:
            mode = None
        if mode is None and not os.path.lexists(p):
            others.append(
                Outcome(
                    name=shown(given),
                    status=Status.UNREADABLE,
                    reason=Said("ingest_pipeline_no_such"),
                )
            )
        elif mode is not None and stat.S_ISDIR(mode) and not (p / "cur").is_dir():
            left_out: Counter[tuple[str, bool]] = Counter()
            for root, dirs, files in os.walk(p, onerror=unlisted):
                rootp = Path(root)
                keep = []
                for d in sorted(dirs):
                    if skip and (rootp / d).resolve() in skip:
                        continue
                    if d.startswith(_SKIP_PREFIXES):
                        left_out[d[:1], True] += 1
                        continue
                    if (rootp / d).is_symlink():
                        others.append(_folder_link(rootp / d))
                    elif all((rootp / d / s).is_dir() for s in ("cur", "new", "tmp")):
                        maildir(rootp / d, shown(rootp / d))
                    else:
                        keep.append(d)
                dirs[:] = keep
                for f in sorted(files, key=_originals_first):
                    if skip and (rootp / f).resolve() in skip:
                        continue
                    if kind := "." if f.startswith(".") else _never_a_return(f):
                        left_out[kind, False] += 1
                        continue
                    add(rootp / f, shown(rootp / f))
            if left_out:
                others.append(_left_out(shown(given), left_out))
        elif mode is not None and stat.S_ISDIR(mode):
            maildir(p, shown(given))
        elif kind := _never_a_return(p.name):  # named: `formgen ingest inbox/*`
            named_out.setdefault(shown(p.parent), Counter())[kind, False] += 1
        else:
            add(p, shown(given), mode)
    others.extend(_left_out(folder, counts) for folder, counts in named_out.items())
    return tasks, others


def _originals_first(name: str) -> tuple[str, str]:
    """Sort key of a folder's files: by name without the extension, then the extension. A copy
    that a sync client or Explorer left beside a file adds to its name (``Formular (1).pdf``,
    ``Formular-DESKTOP-AB12.pdf``, ``Formular - Kopie.pdf``) and so comes after it, where the
    whole name sorted ' ' and '-' before '.': the original is merged and named in the report
    and the register, an identical copy is the ``duplicate``."""
    stem, ext = os.path.splitext(name)
    return stem, ext


def _folder_link(path: Path) -> Outcome:
    """The *skipped* outcome of a symbolic link to a folder met while walking a folder."""
    try:
        target = f" ({shown(os.readlink(path))})"
    except OSError:
        target = ""
    return Outcome(
        name=shown(path),
        status=Status.SKIPPED,
        reason=Said("ingest_pipeline_folder_link", target=target),
    )


def _left_out(folder: str, counts: Counter[tuple[str, bool]]) -> Outcome:
    """The one *skipped* outcome of the folder ``folder`` that counts what was left out in it:
    ``counts`` of names by their first character (``.``: hidden, ``~``: an Office lock file
    ``~$…``; ``windows``: Windows Explorer's ``Thumbs.db`` or ``desktop.ini``) and whether they
    are folders."""

    files, folders = counts[".", False], counts[".", True]
    hidden: str | None = None
    if files and folders:
        hidden = Said(
            "ingest_pipeline_hidden_both",
            files=said_count("ingest_pipeline_hidden_files", files),
            folders=said_count("ingest_pipeline_hidden_folders", folders),
        )
    elif files or folders:
        hidden = said_count(
            f"ingest_pipeline_hidden_{'files' if files else 'folders'}", files or folders
        )
    parts = [Said("ingest_pipeline_hidden", what=hidden)] if hidden else []
    if locks := counts["~", False] + counts["~", True]:
        parts.append(said_count("ingest_pipeline_lock_files", locks))
    if windows := counts["windows", False]:
        parts.append(said_count("ingest_pipeline_windows_files", windows))
    # only a hidden file may be a return: it is read when named on the command line
    key = "ingest_pipeline_left_out" if hidden else "ingest_pipeline_left_out_never"
    return Outcome(name=folder, status=Status.SKIPPED, reason=Said(key, what=SaidJoined(parts)))


def _maildir_folders(folder: Path) -> list[Outcome]:
    """A *skipped* outcome for each folder in the ``cur`` or ``new`` of the Maildir ``folder``
    (:func:`ingest.mailbox.maildir_folders`): its files are not mails of the Maildir."""
    out = []
    for sub, name in mailbox.maildir_folders(folder):
        path = folder / sub / name
        key = "ingest_pipeline_maildir_folder" + ("_link" if os.path.islink(path) else "")
        out.append(Outcome(name=shown(path), status=Status.SKIPPED, reason=Said(key, sub=sub)))
    return out


def _file_task(path: Path, name: str, mode: int | None = None) -> Task | Outcome:
    """The task for the file at ``path`` (called ``name``); an outcome instead when it is not
    a file to read.

    ``mode`` is its ``st_mode`` when known; it is looked up (with ``stat``, never by opening
    it) when ``None``."""
    if mode is None:
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            return Outcome(name=name, status=Status.UNREADABLE, reason=_stat_failed(path, exc))
    what = not_a_file(path, mode)
    if what is not None:
        reason = Said("ingest_pipeline_not_a_file", what=what)
        return Outcome(name=name, status=Status.SKIPPED, reason=reason)
    stem, suffix = os.path.splitext(path.name)
    if suffix.lower() in DOWNLOADING and stem:
        reason = Said("ingest_pipeline_downloading", suffix=suffix, name=shown(stem))
        return Outcome(name=name, status=Status.SKIPPED, reason=reason)
    return Task(str(path), name)


def _stat_failed(path: Path, exc: OSError) -> str:
    """Why a path that exists (as a name in its folder) cannot be looked at."""
    if exc.errno == errno.ELOOP:
        return Said("ingest_pipeline_link_loops")
    if exc.errno == errno.ENOENT:
        if not os.path.islink(path):
            return Said("ingest_pipeline_gone")
        try:
            target = f" ({shown(os.readlink(path))})"
        except OSError:
            target = ""
        return Said("ingest_pipeline_link_nowhere", target=target)
    return Said("ingest_pipeline_cannot_read", why=os_error_said(exc))


def discover_for(
    workspace: Workspace, paths: Iterable[str | Path]
) -> tuple[list[Task], list[Outcome]]:
    """:func:`discover` for ``workspace``: its own folders are skipped when walked, and copies
    in its quarantine given again are read with the origin their records keep."""
    tasks, missing = discover(paths, exclude=workspace_folders(workspace))
    return _from_quarantine(tasks, workspace.quarantine_dir), missing


def _quarantine(ws_dir: Path, source: Path, outcome: Outcome, task: Task) -> str:
    """Copy the file to the quarantine as ``<sha256><suffix>``, with its record beside it.

    The record (``<sha256>.json``) says why (``reason`` in English, ``reason_in`` in each
    language: what ``formgen quarantine`` shows), and where the bytes came from: each arrival
    of the same content (the file or mail attachment, the mail's sender, date and subject) is
    added, so that the coordinator can check with the sender. A copy ingested again from the quarantine
    itself adds no arrival."""
    ws_dir.mkdir(parents=True, exist_ok=True)
    sha = outcome.sha256 or _sha256_file(source)
    if outcome.kind == Kind.IMAGE:
        with open(source, "rb") as fh:
            suffix = image_suffix(fh.read(16)) or ".bin"
    else:
        suffix = next((v for k, v in SUFFIX.items() if k.value == outcome.kind), ".bin")
    target = ws_dir / f"{sha}{suffix}"
    if not target.exists():
        write_atomic(target, source.read_bytes())
    record_path = ws_dir / f"{sha}.json"
    record = quarantine.read_record(record_path)
    arrivals = record.get("arrivals", [])
    if not task.kept_aside:
        mail = task.mail or mailbox.MailInfo()
        arrival = {
            "file": outcome.name,
            "file_name": _file_name(task),
            "container": outcome.container,
            "mail_from": mail.sender,
            "mail_date": mail.date,
            "mail_subject": mail.subject,
        }
        # the same file ingested again (a rerun) is not another arrival
        if not any(all(a.get(k) == v for k, v in arrival.items()) for a in arrivals):
            arrivals.append({**arrival, "quarantined_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")})
    record.update(
        file=(arrivals[0].get("file") if arrivals else None) or outcome.name,
        sha256=sha,
        kind=outcome.quarantine_kind,
        reason=outcome.reason,
        reason_in={lang: in_language(outcome.reason, lang) for lang in WORDS},
        form=outcome.form,
        arrivals=arrivals,
    )
    write_atomic(record_path, json.dumps(record, ensure_ascii=False, indent=2).encode())
    return str(target)


def _release(copy: Path) -> None:
    """A kept-aside copy was merged (its original is in the archive, the merge journaled): the
    copy and its record leave the quarantine."""
    for path in (copy, copy.with_suffix(".json")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _from_quarantine(tasks: list[Task], quarantine_dir: Path) -> list[Task]:
    """Files of the quarantine ingested again (after the missing schema version was added, say):
    the records are not returns, and each copy is read with the origin its record keeps (the
    first arrival's file name and mail), so that the register names the original, not the copy."""
    here = quarantine_dir.resolve()
    resolved: dict[Path, Path] = {}
    out = []
    for t in tasks:
        path = Path(t.path)
        if path.parent not in resolved:
            resolved[path.parent] = path.parent.resolve()
        if resolved[path.parent] != here:
            out.append(t)
            continue
        if path.suffix == ".json":
            continue
        arrivals = quarantine.read_record(path.with_suffix(".json")).get("arrivals") or [{}]
        first = {k: str(v) for k, v in arrivals[0].items() if v is not None}
        t = dataclasses.replace(t, kept_aside=True, received=_arrival_day(first))
        if first.get("file") and Path(first["file"]).name != path.name:
            mail = mailbox.MailInfo(
                first.get("mail_from"), first.get("mail_date"), first.get("mail_subject")
            )
            t = dataclasses.replace(
                t,
                name=Said("ingest_pipeline_kept_aside", name=t.name, file=first["file"]),
                file_name=first.get("file_name") or Path(first["file"]).name,
                container=first.get("container"),
                mail=mail if any(dataclasses.astuple(mail)) else None,
            )
        out.append(t)
    return out


def _arrival_day(arrival: Mapping[str, str]) -> str | None:
    """The day (ISO) of a quarantine arrival, as the computer's clock had it then; ``None``
    when the record does not say, says something else than a time as formgen writes it
    (``2026-11-23T09:30:00+0100``; not a number such as ``20261123``, which Python would read
    as a day too), or a day still to come (a clock gone wrong: the form's dates would be
    checked against it, and an entry it confirms would count as confirmed until then)."""
    stamp = arrival.get("quarantined_at", "")
    if not stamp[4:5] == stamp[7:8] == "-":
        return None
    try:
        day = dt.date.fromisoformat(stamp[:10])
    except ValueError:
        return None
    return day.isoformat() if day <= dt.date.today() else None


def ingest_sources(
    tasks: list[Task],
    ctx: ReadContext,
    *,
    quarantine_dir: Path | None = None,
    merge: MergeFn | None = None,
    limits: Limits | None = None,
    jobs: int | None = None,
    progress: ProgressFn | None = None,
    outcomes: list[Outcome] | None = None,
    archive: Workspace | None = None,
    issued_by: Workspace | None = None,
    ingested: Mapping[str, Mapping[str, Any]] | None = None,
) -> IngestReport:
    """Ingest ``tasks`` (from :func:`discover`); see the module docstring for the rules.

    Workers finish in any order; outcomes are settled (deduplicated, quarantined, merged,
    reported) in the order of the tasks — a mail's attachments right after the mail — so that
    the register sees the same sequence of merges on every run. With ``archive`` (the register's
    workspace), each worker keeps the bytes of a valid return in the archive itself. A file
    exactly as ``issued_by`` generated it, from the centre's own mail or as a copy, is
    *skipped* as not a return (:func:`_as_made`). A file among ``ingested`` (the sources of
    the register ``merge`` merges into) is not read: it is a duplicate, as its merge would say
    (one that ``issued_by`` made is read, to be told apart as :func:`_as_made` does).
    """
    limits = limits or Limits()
    if ingested:
        made = issued_by.issued_files() if issued_by is not None else frozenset()
        known = {sha: dict(s) for sha, s in ingested.items() if sha not in made}
        ctx = dataclasses.replace(ctx, ingested=known)  # as it was when the run began
    jobs = jobs or min(2, os.cpu_count() or 1)
    report = IngestReport(outcomes=list(outcomes or []))
    for o in report.outcomes:
        if progress:
            progress(o)
    tasks = [dataclasses.replace(t, seq=(i,)) for i, t in enumerate(tasks)]
    settler = _Settler(report, quarantine_dir, merge, progress)
    if issued_by is not None:
        settler.not_a_return = functools.partial(_as_made, issued_by)
        settler.record_lost = functools.partial(_record_lost, issued_by)
    outstanding = {t.seq for t in tasks}
    earliest = sorted(outstanding)  # a heap of outstanding positions (finished ones popped lazily)
    first: tuple[int, ...] | None = earliest[0] if earliest else None
    finished: dict[tuple[int, ...], tuple[Task, _Done | _Expanded]] = {}
    interrupts = Interrupts()
    with spool_folder() as spool_dir, interrupts.caught():
        results = Batch(ctx, limits, jobs, spool_dir, archive).run(tasks)
        try:
            for task, result in results if tasks else ():
                if isinstance(result, _Expanded):
                    for t in result.tasks:
                        outstanding.add(t.seq)
                        heapq.heappush(earliest, t.seq)
                outstanding.discard(task.seq)
                finished[task.seq] = (task, result)
                while earliest and earliest[0] not in outstanding:
                    heapq.heappop(earliest)
                before, first = first, earliest[0] if earliest else None
                if first == before:
                    continue  # the earliest file is still running: nothing can be settled yet
                for seq in sorted(k for k in finished if first is None or k < first):
                    with interrupts.held():
                        settler.settle(*finished.pop(seq))
        except KeyboardInterrupt:
            report.unfinished = len(outstanding) + len(finished)
            report.interrupted_by = interrupts.by
        finally:
            results.close()  # stops the workers
    report.finish()
    return report


class _Settler:
    """Deduplicates, quarantines, merges and reports finished tasks, in order."""

    def __init__(
        self,
        report: IngestReport,
        quarantine_dir: Path | None,
        merge: MergeFn | None,
        progress: ProgressFn | None,
    ) -> None:
        self.report, self.quarantine_dir, self.merge, self.progress = (
            report,
            quarantine_dir,
            merge,
            progress,
        )
        self.seen: dict[str, str] = {}
        self.not_a_return: Callable[[Submission], str | None] = lambda submission: None
        self.record_lost: Callable[[Submission], str | None] = lambda submission: None
        """Why a return is kept in the quarantine as its form's issued record is lost."""

    def settle(self, task: Task, result: _Done | _Expanded) -> None:
        outcome = result.outcome
        submission = result.submission if isinstance(result, _Done) else None
        source = Path(task.path)
        if outcome.sha256 and outcome.status is not Status.CONTAINER:
            first = self.seen.get(outcome.sha256)
            if first is not None:
                outcome = dataclasses.replace(
                    outcome,
                    status=Status.DUPLICATE,
                    reason=Said("ingest_pipeline_same_content", first=first),
                    warnings=(),
                )
                submission = None
            else:
                self.seen[outcome.sha256] = outcome.name
        why = self.not_a_return(submission) if submission is not None else None
        if why is not None:
            outcome = dataclasses.replace(
                outcome, status=Status.SKIPPED, reason=why, warnings=(), entries=0
            )
            submission = None
        lost = self.record_lost(submission) if submission is not None else None
        if lost is not None:
            outcome = dataclasses.replace(
                outcome, status=Status.QUARANTINED, reason=lost, quarantine_kind="merge"
            )
            submission = None
        if submission is not None and self.merge is not None:
            try:
                said = self.merge(submission, source)
            except QuarantineError as exc:
                outcome = dataclasses.replace(
                    outcome,
                    status=Status.QUARANTINED,
                    reason=_said(exc, task),
                    quarantine_kind=exc.kind,
                )
            except FormgenError as exc:
                outcome = dataclasses.replace(
                    outcome,
                    status=Status.QUARANTINED,
                    reason=Said("ingest_pipeline_not_merged", why=exc.said or str(exc)),
                    quarantine_kind="merge",
                )
            else:
                # what the register found; the return's own invalid values, which it gives
                # apart (MergeOutcome.invalid), are among the warnings already
                flags = tuple(
                    f if isinstance(f, str) else str(f) for f in getattr(said, "flags", ())
                )
                merged = None if said is None else describe_merge(said)
                released = Said("ingest_merge_released") if task.kept_aside else ""
                if task.kept_aside:
                    _release(source)
                    merged = SaidJoined((merged or Said("ingest_merge_merged"), released), sep="")
                if getattr(said, "already_ingested", False):
                    outcome = _already_ingested(outcome, said, released)
                else:
                    kept = getattr(said, "kept_empty", {})
                    warnings = [_as_kept(w, kept) for w in outcome.warnings]
                    status = outcome.status
                    if task.answer:  # a note only of what the answer is: ok
                        warnings = _as_answered(warnings)
                        status = Status.WARNINGS if warned(warnings) else Status.OK
                    outcome = dataclasses.replace(
                        outcome,
                        merged=merged,
                        warnings=(*warnings, *flags),
                        status=Status.WARNINGS if flags else status,
                    )
        elif submission is not None:
            self.report.submissions.append(submission)
        if outcome.status is Status.QUARANTINED and self.quarantine_dir is not None:
            outcome = dataclasses.replace(
                outcome, quarantined_to=_quarantine(self.quarantine_dir, source, outcome, task)
            )
        self.report.outcomes.append(outcome)
        if self.progress:
            self.progress(outcome)


def make_reread(workspace: Workspace) -> Callable[[bytes, Provenance, dt.date], Submission]:
    """Read an archived original again with today's readers (``formgen register rebuild --reread``),
    its dates checked against ``today``: the day it was first ingested.

    The original was read, checked and merged once, so it runs in this process without the
    worker bounds; it is still checked again (identity, schema, values) under the workspace's
    secret and schemas (a blank checklist made without a workspace was merged only as a
    coordinator took it in). Raises :class:`FormgenError` when it can no longer be read.
    """
    ctx = ReadContext.for_workspace(workspace, no_workspace_ok=True)

    def reread(data: bytes, provenance: Provenance, today: dt.date | None = None) -> Submission:
        with tempfile.NamedTemporaryFile(prefix="formgen-reread-") as fh:
            fh.write(data)
            fh.flush()
            kind = sniff(Path(fh.name))
        raw = read_file(data, kind, provenance, ctx)
        raw = _with_mail(raw, provenance)
        return validate(raw, ctx.registry, ctx.secret, today, ctx.no_workspace_ok, ctx.issued)

    return reread


def describe_merge(result: Any) -> str:
    """A short text for the report from the register's merge outcome: its status as the code
    word (``merged-flagged``, as ``--json`` keeps it; the report's line says it in words,
    :data:`ingest.report.MERGE_WORDS`), where it went, and what changed."""
    status = getattr(result, "status", None)
    if status is None:
        return str(result)
    institutions = getattr(result, "institutions", ())
    created = set(getattr(result, "created", ()))
    # a return that only made new institutions updated none: it is said so
    added = status == "updated" and bool(institutions) and created.issuperset(institutions)
    word = "ingest_merge_added" if added else f"ingest_merge_{status}"
    parts: list[str] = [
        Said(word) if isinstance(status, str) and word in WORDS["en"] else str(status)
    ]
    if institutions:
        new = "ingest_merge_added_iid" if added else "ingest_merge_new"
        named = (Said(new, iid=i) if i in created else i for i in institutions)
        parts.append(SaidJoined(named, sep=" "))
    for attr in ("changes", "conflicts", "duplicates"):
        value = getattr(result, attr, 0)
        n = value if isinstance(value, int) else len(value)
        if n:
            parts.append(said_count(f"ingest_merge_{attr}", n))
    reason = getattr(result, "reason", None)
    if reason and status != "quarantined":
        parts.append(reason if isinstance(reason, str) else str(reason))
    return SaidJoined(parts)


def _as_kept(warning: str, kept: Mapping[str, Any]) -> str:
    """A required field's note ("not filled in") said as what it is where the register keeps
    its value: the form left it empty, the register keeps VALUE; or keeps it erased (``None``
    in ``kept``): it said it kept „(gelöscht)“, as if that were the value."""
    if getattr(warning, "key", "") != "ingest_merge_required" or not isinstance(warning, Said):
        return warning
    a = warning.args
    path = f"{a['where']}.{a['field']}"
    if path not in kept:
        return warning
    if (value := kept[path]) is None:  # erased: nothing of it comes back, nor is it kept
        return Said("ingest_merge_required_erased", where=a["where"], field=a["field"])
    return Said(
        "ingest_merge_required_kept",
        where=a["where"],
        field=a["field"],
        value=value,
    )


def _as_answered(warnings: list[str]) -> list[str]:
    """The notes of a form read in for a mail that answered without one (``--no-changes``) as
    that answer makes them: that it came back as formgen made it is what the coordinator said
    (not a file cut off, nor a blank one attached), and the required fields it was sent with
    empty (Datum, Handzeichen), whose values the register keeps, are named once, in one line
    (:data:`~ingest.report.ANSWER_KEPT`, no warning)."""
    kept = [w for w in warnings if getattr(w, "key", "") == "ingest_merge_required_kept"]
    out = [w for w in warnings if w != AS_WRITTEN_NOTE and w not in kept]
    if kept:
        named = (w.args.get("field") for w in kept if isinstance(w, Said))
        fields = dict.fromkeys(f for f in named if isinstance(f, str))  # Named: said by label
        out.append(Said(ANSWER_KEPT, fields=SaidJoined(fields)))
    return out


def register_merge(workspace: Workspace, writer: Any) -> MergeFn:
    """The merge seam wired to the register: archive the original, then merge, journaled.

    ``writer`` is an open :class:`ingest.journal.RegisterWriter` (``with journal.writing(ws)``).
    A return the register refuses (unknown category or field) raises :class:`QuarantineError`,
    so the pipeline keeps it in the quarantine.
    """
    from ingest import journal
    from ingest.register import content_hash

    def merge(submission: Submission, original: Path) -> object:
        if not journal.archive_path(workspace, submission.provenance.sha256).exists():
            journal.archive(workspace, original.read_bytes())  # not archived by its worker
        prefill = workspace.issued_prefill(submission.identity.instance_id)
        as_typed = workspace.issued_as_typed(submission.identity.instance_id)
        sent = None if prefill is None else sent_values(writer.register.schema, prefill, as_typed)
        # as read: a copy of a return an erasure marked since is known by it (keyed, as the
        # journal keeps no erased value's plain hash); taken down for a return without a
        # prefilled value erased since, whose original is not kept
        known = writer.register.holds_keyed(submission.identity.instance_id)
        as_read = submission
        erased: dict[str, str] = {}
        if workspace.issued_erased(submission.identity.instance_id):
            # ingest.erase (and the print reader it brings, ~0.4 s to import) only then
            from ingest.erase import left_out

            submission, erased = left_out(workspace, submission)  # prefilled, erased since
        keyed = content_hash(as_read, workspace.secret) if known or erased else None
        day = mail_day(workspace, submission)
        if day is not None:
            came_in = dataclasses.replace(submission.provenance, came_in=day.isoformat())
            submission = dataclasses.replace(submission, provenance=came_in)
        result = writer.merge(submission, sent, erased, keyed)
        if result.status == "quarantined":
            raise QuarantineError("register", Said("ingest_pipeline_not_merged", why=result.reason))
        if erased:  # the file holds the erased value as prefilled: the journal's copy is kept
            journal.archive_path(workspace, submission.provenance.sha256).unlink(missing_ok=True)
        return dataclasses.replace(
            result,
            flags=(*result.flags, *erased.values()),
            kept_empty=kept_empty(writer.register, submission, result.institutions),
        )

    return merge


def kept_empty(
    reg: Any, submission: Submission, merged: Iterable[str]
) -> dict[str, dict[str, str] | None]:
    """The required fields an institution's form left empty (its notes ``ingest_merge_required``)
    whose value the register of the institution it merged into keeps: path → that value in
    each language (a blank on a form never deletes), ``None`` where the value kept is an
    erased one's marker and nothing else (``register erase``: its form was prefilled empty)."""
    from ingest.history import stored_text

    if submission.identity.kind != "institution":
        return {}
    out: dict[str, dict[str, str] | None] = {}
    for iid in merged:
        for note in submission.notes:
            if not isinstance(note, Said) or note.key != "ingest_merge_required":
                continue
            path = f"{note.args['where']}.{note.args['field']}"
            held = reg.value(iid, path)
            if held is not None and wholly_erased(str(held.get("raw") or held.get("v") or "")):
                out[path] = None
            elif held is not None and held.get("v") not in (None, "", []):
                out[path] = per_language(
                    functools.partial(stored_text, reg, path, held, quoted=True)
                )
    return out


def mail_day(workspace: Workspace, submission: Submission) -> dt.date | None:
    """The day a return attached to a mail came in: the mail's Date on this computer's clock
    (as :func:`ingest.register.local_day` says it), when that is plausible — not after the day
    it came in here (a copy kept aside: the day it was kept aside; else today), nor before its
    form was issued (by ``issued.jsonl``, when the log knows it). ``None`` otherwise, or without
    a readable Date: then the return counts from the day it came in here."""
    from ingest.register import local_day

    prov = submission.provenance
    sent = local_day(prov.mail_date)
    if sent is None or sent > (prov.received_day or dt.date.today()):
        return None
    issued = local_day(workspace.issued_at(submission.identity.instance_id))
    return None if issued is not None and sent < issued else sent


def _as_made(workspace: Workspace, submission: Submission) -> str | None:
    """Why a file exactly as formgen generated it is not a return, or ``None`` when it is one.

    The very bytes formgen made come back from the centre's own drafts or sent mails, or as a
    copy of the generated file; only a mail from someone else (the institution sending the
    attachment back unchanged, to confirm it) is a return. A PDF formgen wrote, untouched, is
    known by its own bytes (:data:`~ingest.sniff.AS_WRITTEN_NOTE`) where ``issued.jsonl``
    holds no hash of it (a workspace older than those hashes, forms made by a script)."""
    made = workspace.issued_file(submission.provenance.sha256)
    if made is None and AS_WRITTEN_NOTE in submission.notes:
        made = submission.identity
    if made is None:
        return None
    sender = parseaddr(submission.provenance.mail_from or "")[1].lower()
    if sender and sender != parseaddr(workspace.sender)[1].lower():
        return None
    where = Said("ingest_pipeline_as_made_" + ("mail" if sender else "copy"))
    return Said("ingest_pipeline_as_made", form=made.reference, where=where)


def _record_lost(workspace: Workspace, submission: Submission) -> str | None:
    """Why a return is not merged where ``issued.jsonl`` lost what its form was made with and
    as (:meth:`~formgen.workspace.Workspace.issued_damaged`): a damaged line names its form, or
    names none and the log knows the form nowhere else. Its prefilled values could not be told
    from answers, nor an unchanged copy (a DOCX: a PDF formgen wrote is known by its bytes,
    :func:`_as_made`) from a return; the quarantine keeps it until the log is restored."""
    damaged = workspace.issued_damaged()
    if not damaged:
        return None
    iid = submission.identity.instance_id
    lines = [d.n for d in damaged if d.instance_id == iid]
    whose: str = ""
    if not lines and iid not in workspace.issued():
        lines = [d.n for d in damaged if d.instance_id is None]
        whose = Said("ingest_pipeline_issued_damaged_maybe")
    if not lines:
        return None
    return Said("ingest_pipeline_issued_damaged", lines=", ".join(map(str, lines)), whose=whose)


def ingest_paths(
    paths: Iterable[str | Path],
    workspace: Workspace,
    *,
    merge: MergeFn | None = None,
    limits: Limits | None = None,
    jobs: int | None = None,
    progress: ProgressFn | None = None,
    ingested: Mapping[str, Mapping[str, Any]] | None = None,
) -> IngestReport:
    """Ingest files, folders and mail containers into ``workspace``; one outcome per file.

    With ``merge`` (the register's, :func:`register_merge`), valid returns are archived in the
    workspace by the workers that read them; the files among ``ingested`` (the register's
    sources) are not read again."""
    tasks, missing = discover_for(workspace, paths)
    return ingest_sources(
        tasks,
        ReadContext.for_workspace(workspace),
        quarantine_dir=workspace.quarantine_dir,
        merge=merge,
        limits=limits,
        jobs=jobs,
        progress=progress,
        outcomes=missing,
        archive=workspace if merge is not None else None,
        issued_by=workspace,
        ingested=ingested,
    )


def ingest_into_register(
    paths: Iterable[str | Path],
    workspace: Workspace,
    *,
    limits: Limits | None = None,
    jobs: int | None = None,
    progress: ProgressFn | None = None,
    wait: float | None = None,
) -> IngestReport:
    """Ingest into the workspace's register: what ``formgen ingest`` (and ``formgen demo``) runs.

    Holds the register's write lock for the run (a second run waits ``wait`` seconds, then fails
    clearly), archives every original before its merge and journals each merge.
    """
    from ingest import journal

    started = time.time()
    with journal.writing(workspace, wait=wait) as writer:
        report = ingest_paths(
            paths,
            workspace,
            merge=register_merge(workspace, writer),
            limits=limits,
            jobs=jobs,
            progress=progress,
            ingested=writer.register.data["sources"],
        )
    report.finish(since=started)  # loading and writing the register are part of the run
    return report
