"""Durability of the register: archive, journal, one writer at a time, rebuild.

* :func:`archive` keeps every ingested original content-addressed (``archive/ab/abcd…``); the
  pipeline calls it before merging.
* Every change is first an operation in ``journal.jsonl`` (append + fsync): a merged return (the
  validated submission itself, its provenance and ingest time), a decision (``resolve``,
  ``resolve-duplicate``), an institution retired or restored (``retire``, ``restore``) or a
  value a coordinator set or removed by hand (``set``: the checked values and the note), entries
  an institution confirmed as they are (``confirm``: its checklists and the note), two
  institutions found to be one (``merge-institutions``: the one kept, the other and the note;
  replayed, the merge takes the same values from the register as it was). A
  merge counts as ingested when its journal line is on disk — that is when :meth:`RegisterWriter.merge`
  returns.
* ``register.json`` is a checkpoint: the register after the first ``journal_seq`` operations,
  written atomically (temp file, fsync, rename). Whoever opens the register replays the
  operations after the checkpoint, so a kill -9 at any moment loses nothing that was reported
  and never leaves a half-written register. It records the journal it was written with
  (:data:`ingest.register.COVERS`): whoever opens the register parses and checks only the lines
  after those bytes while the journal still begins with them, and every line otherwise
  (:func:`_covered`). It is sealed (:data:`ingest.register.SEAL`): one
  changed outside formgen (an editor) is said (:data:`formgen.workspace.tell_edited`) until a
  rebuild, which keeps it aside as ``register.json.edited-<time>``. A torn last journal line (the crash hit the append)
  was never reported and is ignored; the next writer cuts it off before it appends. A journal
  that lacks operations the checkpoint holds (cut off or lost since) is refused by a writer and
  by :func:`rebuild` (:func:`_complete`): a rebuild from it would make a smaller register.
* A new institution's id (``inst-NNNN``) is numbered after every one the workspace gave
  elsewhere, and a checklist row naming an institution a mail round mailed under that name
  gets its id (:func:`given`): a merge or decision that may create one journals that number
  (``first_new``) when it lies above the register's own count, and a merge the names whose
  ids it gave (``named``), so a rebuild numbers alike; and a merge how it matched checklists
  to institutions (``matching``: :data:`ingest.matching.MATCHING`), so a rebuild matches alike.
* :func:`rebuild` makes the register again from the journal alone, or re-reads every archived
  original with the reader the caller passes (e.g. after a reader was improved); an imported
  table (``formgen register import``) is no form: its rows are replayed as journaled.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import getpass
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from formgen import workspace
from formgen.errors import RegisterError, RegisterVersionError
from formgen.fold import fold
from formgen.identity import FormIdentity
from formgen.messages import Said
from formgen.sendlog import SendLog
from formgen.workspace import Workspace, fsync_dir, keep_mode, mkdir_durable, write_atomic
from ingest.matching import MATCHING
from ingest.register import (
    EDITED,
    IMPORT,
    Merged,
    MergeOutcome,
    Register,
    entry_from_json,
    entry_to_json,
    local_day,
    named_erased,
    now_iso,
)
from ingest.schemas import SchemaRegistry
from ingest.submission import Provenance, Submission

JOURNAL = "journal.jsonl"
BASE = "base"
"""The operation a repaired journal begins with: the register as it was at the repair
(:func:`repair`)."""
CHECKPOINT_EVERY = 500
"""Operations between checkpoints while a writer is open, at the least (bounds the replay on
the next open). A checkpoint writes every institution, a replayed operation costs about what
one institution's record costs to write: so a register of more institutions than this is
written again only after as many operations as it has institutions. (Every 500 operations,
ingesting 10,000 returns into a register of 5,000 institutions wrote it 20 times, ~1.2 s
each.)"""

YOUNG_GC_EVERY = 2000
"""While the cyclic collector is paused (:func:`no_cyclic_gc`), collect the young objects this often."""

Reread = Callable[[bytes, Provenance, dt.date], Submission]
"""Reads an archived original again: its bytes, the provenance it was first ingested with and
the day it was ingested (a form's date is checked against that day, not the day of the rebuild:
a "Datum" flagged as lying in the future then stays flagged, with the same reason)."""

Json = dict[str, Any]


# ---------------------------------------------------------------------- archive


def archive_path(ws: Workspace, sha: str) -> Path:
    return ws.archive_dir / sha[:2] / sha


KEPT_ASIDE = (f"{JOURNAL}.damaged-*", "register.json.damaged-*", "register.json.edited-*")
"""The copies :func:`repair` and :func:`rebuild` keep aside: a damaged journal, a damaged
register, one changed outside formgen. Nothing reads them again; they show the coordinator
what was lost or changed (``register erase`` marks the erased values in them too)."""


def kept_aside(ws: Workspace) -> list[Path]:
    """The copies :data:`KEPT_ASIDE` in the workspace, by name."""
    return sorted(p for pattern in KEPT_ASIDE for p in ws.root.glob(pattern) if p.is_file())


def archive(ws: Workspace, data: bytes, sha: str | None = None) -> str:
    """Keep an ingested original in the archive (once, by content); return its SHA-256.

    ``sha`` is the bytes' SHA-256 when the caller has computed it already."""
    sha = sha or hashlib.sha256(data).hexdigest()
    path = archive_path(ws, sha)
    if not path.exists():
        mkdir_durable(path.parent)  # a new archive/ab/ must survive a crash with its file
        write_atomic(path, data)
    return sha


# ---------------------------------------------------------------------- submissions as JSON


def submission_to_json(sub: Submission) -> Json:
    return {
        "identity": sub.identity.to_fields(),
        "provenance": {**vars(sub.provenance), "timestamps": dict(sub.provenance.timestamps)},
        "confidence": sub.confidence,
        "entries": [entry_to_json(e) for e in sub.entries],
        "notes": list(sub.notes),
        **({"illegible": list(sub.illegible)} if sub.illegible else {}),
    }


_PROVENANCE = frozenset(f.name for f in fields(Provenance))


def submission_from_json(d: Json) -> Submission:
    """A journaled submission; what this formgen does not know (a key a newer one added to its
    provenance) is left out here and stays in the journal's line."""
    provenance = {k: v for k, v in d["provenance"].items() if k in _PROVENANCE}
    return Submission(
        identity=FormIdentity.from_fields(d["identity"]),
        provenance=Provenance(**provenance),
        confidence=d["confidence"],
        entries=tuple(entry_from_json(e) for e in d["entries"]),
        notes=tuple(d.get("notes", ())),
        illegible=tuple(d.get("illegible", ())),
    )


# ---------------------------------------------------------------------- journal


def journal_path(ws: Workspace) -> Path:
    return ws.root / JOURNAL


def read_journal(ws: Workspace) -> list[Json]:
    """Every complete operation; a torn last line (crash during the append) is left out."""
    path = journal_path(ws)
    if not path.exists():
        return []
    return [op for _line, op in journal_lines(path.read_bytes(), path)]


def journal_lines(
    data: bytes, path: Path, start: int = 0, before: int = 0
) -> Iterator[tuple[bytes, Json]]:
    """Each complete operation of the journal ``data`` (the file at ``path``) with its line; a
    torn last line (crash during the append) is left out, a damaged line before it raises
    :class:`~formgen.errors.RegisterError`; so does an operation whose ``seq`` is not the one
    after its predecessor's (a line deleted, or one copied twice). ``start``: those after the
    first ``start`` bytes only, whose last operation was ``before`` (:func:`_covered`)."""
    lines = data[start:].split(b"\n")
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        torn = n == len(lines) and line.startswith(b"{")  # no newline after it: a torn append
        try:
            op = json.loads(line)
        except UnicodeDecodeError as exc:
            error = Said("journal_not_utf8", byte=exc.start + 1)
        except json.JSONDecodeError as exc:
            error = Said("journal_not_json", column=exc.colno)
        else:
            torn = False  # whole
            seq = op.get("seq") if isinstance(op, dict) else None
            # the first operation of a journal a repair began may be numbered on from the last
            if type(seq) is int and (seq == before + 1 or (not before and op.get("op") == BASE)):
                before = seq
                yield line, op
                continue
            if type(seq) is not int:
                error = Said("journal_not_object")
            else:  # a line lost before it, or one there twice
                gap = "journal_seq_first" if not before else "journal_seq_gap"
                gap = gap if seq > before else "journal_seq_again"
                error = Said(gap, seq=seq, before=before)
        if torn:
            return
        n += data.count(b"\n", 0, start)  # the lines before ``start``
        said = Said("journal_damaged_line", path=str(path), n=n, error=error, root=str(path.parent))
        raise RegisterError(said)


def _covers(data: bytes) -> Json | None:
    """What the checkpoint records of the journal ``data`` it is written with
    (:data:`ingest.register.COVERS`): its whole lines' bytes, the ``seq`` of the last and their
    SHA-256; ``None`` for a journal without a whole operation."""
    end = data.rfind(b"\n") + 1
    whole = data[:end].rstrip()
    try:
        seq = json.loads(whole[whole.rfind(b"\n") + 1 :])["seq"]
    except (ValueError, TypeError, KeyError):
        return None
    if type(seq) is not int:
        return None
    return {"bytes": end, "seq": seq, "sha256": hashlib.sha256(memoryview(data)[:end]).hexdigest()}


def _covered(reg: Register, data: bytes) -> tuple[int, int]:
    """The bytes of the journal ``data`` that ``reg``'s checkpoint covers and the ``seq`` of
    their last operation, where the journal still begins with the bytes it was written with
    (:data:`ingest.register.COVERS`): they were checked line by line before it (by the writer
    that loaded the journal and appended to it, by a rebuild or repair), so only the lines after
    them need to be. ``(0, 0)`` (all of them checked) where it covers nothing, or the journal
    changed since: a line damaged, deleted or there twice among them is found then."""
    covers = reg.covers or {}
    end, seq, sha = covers.get("bytes"), covers.get("seq"), covers.get("sha256")
    if type(end) is not int or type(seq) is not int or not 0 < end <= len(data):
        return 0, 0
    if seq > int(reg.data["journal_seq"]):  # not written so: operations it would skip, all read
        return 0, 0
    if data[end - 1 : end] != b"\n" or hashlib.sha256(memoryview(data)[:end]).hexdigest() != sha:
        return 0, 0
    return end, seq


def user() -> str | None:
    """Who starts a change: the login name of this computer's user (``getpass.getuser()``),
    journaled as an operation's ``by`` so that two coordinators sharing a workspace on a drive
    see who changed what (``register history``); ``None`` where the system names none."""
    try:
        return getpass.getuser() or None
    except (OSError, KeyError, ImportError):  # no LOGNAME etc. and no password entry
        return None


def _append(fh: Any, op: Json) -> None:
    fh.write(json.dumps(op, ensure_ascii=False, sort_keys=True).encode() + b"\n")
    fh.flush()
    os.fsync(fh.fileno())


def apply_op(
    reg: Register, op: Json, reread: Reread | None = None, ws: Workspace | None = None
) -> MergeOutcome | str | None:
    """Replay one journal operation on ``reg`` (deterministic: the same ops give the same
    register); what the register said: a merge's outcome, the institution a decided probable
    duplicate went to. Each revision and event it makes names who started it, the line's
    ``by`` (none in a line of a formgen before 2026-11-25: its verification and replay are
    as they were)."""
    before, reg.by = reg.by, op.get("by")
    try:
        return _apply(reg, op, reread, ws)
    finally:
        reg.by = before


def _apply(
    reg: Register, op: Json, reread: Reread | None, ws: Workspace | None
) -> MergeOutcome | str | None:
    kind = op.get("op")
    if kind == BASE:
        reg.start_from(op["register"])
    elif kind == "merge":
        sub = submission_from_json(op["submission"])
        # an imported table is no form to read again: its rows as the journal holds them
        if reread is not None and ws is not None and sub.provenance.reader != IMPORT:
            data = archive_path(ws, sub.provenance.sha256).read_bytes()
            # the day it first came in: kept aside in the quarantine and merged later, or merged
            day = sub.provenance.received_day or local_day(op["at"]) or dt.date.today()
            again = replace(reread(data, sub.provenance, day), provenance=sub.provenance)
            from ingest.erase import left_out  # erase uses this module

            # as it was merged: without a prefilled value erased, with a dropped field's value
            sub = reg.with_dropped(left_out(ws, again)[0], sub)
        first_new, named = op.get("first_new", 1), op.get("named")
        return reg.merge(
            sub,
            at=op["at"],
            sent=op.get("sent"),
            first_new=first_new,
            named=named,
            matching=op.get("matching", 1),  # journaled before names were matched as stored: 1
            keyed=op.get("keyed"),
        )
    elif kind == "resolve":
        if "decided" in op:  # the conflicts by institution and field, whatever their numbers
            for cid, iid, path in op["decided"]:
                reg.resolve(_held(reg, cid, iid, path), op["take"], at=op["at"])
        else:  # journaled by an earlier formgen: by number
            reg.resolve(op["target"], op["take"], op.get("path"), at=op["at"])
    elif kind == "resolve-duplicate":
        first_new = op.get("first_new", 1)
        return reg.resolve_duplicate(op["target"], op["decision"], at=op["at"], first_new=first_new)
    elif kind == "retire":
        reg.retire(op["target"], op.get("reason"), at=op["at"])
    elif kind == "restore":
        reg.restore(op["target"], at=op["at"])
    elif kind == "set":
        reg.set_by_hand(op["target"], op["values"], op["note"], at=op["at"])
    elif kind == "confirm":
        reg.confirm(op["target"], op["categories"], op["note"], at=op["at"], force=True)
    elif kind == "merge-institutions":
        reg.merge_institutions(op["keep"], op["other"], op["note"], at=op["at"])
    elif kind == "split":
        first_new = op.get("first_new", 1)
        reg.split_institution(
            op["target"], op["values"], op["note"], at=op["at"], first_new=first_new
        )
    elif kind == "erase":
        marked = bool(op.get("marked"))
        originals = op.get("originals", ())
        asked = op.get("asked")  # marked: the paths asked for, "paths" those cleared now
        reg.erase(
            op["target"],
            op["paths"],
            op["note"],
            originals,
            at=op["at"],
            marked=marked,
            asked=asked,
        )
    else:
        raise RegisterError(Said("journal_unknown_op", seq=str(op.get("seq")), kind=str(kind)))
    return None


def _held(reg: Register, cid: str, iid: str, path: str) -> str:
    """The held conflict ``cid`` decided on ``iid``'s ``path``: under that number if it still
    names that field (else the one that does; else ``cid``, which the register then refuses)."""
    held = reg.data["conflicts"]
    path = reg.schema.current_path(path)
    if cid in held and (held[cid]["institution_id"], held[cid]["path"]) == (iid, path):
        return cid
    return next(
        (k for k in sorted(held) if (held[k]["institution_id"], held[k]["path"]) == (iid, path)),
        cid,
    )


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the register is loaded or merged.

    The register is a tree of plain dicts and lists without reference cycles, so the collector
    finds nothing; it only walks every live object again and again, and that walk grows with the
    register: at 5,000 institutions it was about 45 % of the merge time (bench/bench_register.py).
    Reference counting still frees everything as usual.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def with_versions(ws: Workspace, reg: Register) -> Register:
    """``reg`` knowing the schema versions ``ws`` keeps (:attr:`Register.kept`): a merge
    compares a choice the current version dropped by them (:meth:`Register.same`), so a
    replay of the journal must know them as the merge did. And when each of its forms was
    made (:attr:`Register.issued_at`), which a merge only says."""
    reg.kept = SchemaRegistry.for_workspace(ws.root, reg.schema, ws.regions)
    reg.issued_at = ws.issued_at
    return reg


def load(ws: Workspace) -> Register:
    """The current register: the checkpoint plus the journal operations after it (read-only);
    of a journal with a damaged line, those before it (:attr:`Register.damaged_journal` says
    which): a command that only reads works from register.json, one that writes refuses."""
    with no_cyclic_gc():
        return _load(ws)


def load_to_change(ws: Workspace) -> Register:
    """:func:`load` for a dry run of a command that changes the register: refused as the real
    run is (:class:`~formgen.errors.RegisterError`) where the journal is damaged."""
    reg = load(ws)
    if reg.damaged_journal is not None:
        raise RegisterError(reg.damaged_journal)
    return reg


def _load(ws: Workspace, writer: bool = False) -> Register:
    """:func:`load`; for a ``writer``, the journal made ready to append to (:func:`_complete`)."""
    schema = ws.schema()
    path = ws.register_path
    reg = with_versions(
        ws,
        Register.loads(schema, path.read_bytes(), str(path)) if path.exists() else Register(schema),
    )
    seq = int(reg.data["journal_seq"])
    ops: list[Json] = []
    lines = journal_path(ws)
    data = lines.read_bytes() if lines.exists() else b""
    start, last = _covered(reg, data)
    try:
        for _line, op in journal_lines(data, lines, start, last):
            ops.append(op)
    except RegisterError as exc:
        if writer:
            raise
        reg.damaged_journal = exc.args[0]  # read-only: the checkpoint, the journal up to there
    last = _last(ops) or last
    if writer:
        _complete(ws, seq, last)
    elif reg.damaged_journal is None:
        reg.damaged_journal = _short(ws, seq, last)
    for op in (op for op in ops if op["seq"] > seq):
        apply_op(reg, op)
        reg.data["journal_seq"] = op["seq"]
    reg.recheck_retyped()
    if reg.data.get(EDITED):
        edited = Said("register_edited", path=str(path))
        workspace.tell_edited(edited.in_language(ws.language))
    return reg


def _last(ops: list[Json]) -> int:
    """The ``seq`` of the last of the journal's operations ``ops`` (0: none)."""
    return int(ops[-1]["seq"]) if ops else 0


def _short(ws: Workspace, held: int, last: int) -> Said | None:
    """What is wrong with a journal that lacks operations the register holds (``held``: the
    checkpoint's ``journal_seq``, ``last``: the journal's last operation's): they were on disk
    when they were reported, so their lines were lost or cut off since."""
    if held <= last:
        return None
    path = journal_path(ws)
    n = path.read_bytes().count(b"\n") + 1 if path.exists() else 1
    register = str(ws.register_path)
    root = str(ws.root)
    return Said(
        "journal_short", path=str(path), n=n, last=last, register=register, held=held, root=root
    )


def _complete(ws: Workspace, held: int, last: int) -> None:
    """Refuse a journal that lacks operations the register holds (:func:`_short`); else cut
    off a torn last line (a crash during its append, never reported), which the next append
    would join."""
    short = _short(ws, held, last)
    if short:
        raise RegisterError(short)
    path = journal_path(ws)
    if not path.exists():
        return
    with open(path, "rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size:
            fh.seek(size - 1)
            if fh.read(1) != b"\n":
                fh.seek(0)
                fh.truncate(fh.read().rfind(b"\n") + 1)
                os.fsync(fh.fileno())


def checkpoint(ws: Workspace, reg: Register) -> None:
    """Write register.json so that a crash leaves the old or the new file, never a mix.

    Like :func:`formgen.workspace.write_atomic` (temp file, fsync, rename, fsync the folder), but
    streamed: a register of 50 MB is not held a second time in memory as one string. Sealed
    (:data:`ingest.register.SEAL`): a change made to the file outside formgen is found. It
    records the journal as it is on disk now (:data:`ingest.register.COVERS`): every caller holds
    the lock and has checked the journal's lines (a writer, a rebuild, a repair, an erasure), so
    the next :func:`load` need not check them again (:func:`_covered`).
    """
    journal = journal_path(ws)
    reg.covers = _covers(journal.read_bytes()) if journal.exists() else None
    path = ws.register_path
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        keep_mode(fh.fileno(), path)
        reg.write_json(fh.write, sealed=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


_NUMBERED = re.compile(r"inst-(\d+)")


@dataclass(frozen=True)
class Given:
    """The ids the workspace gave institutions outside the register (:func:`given`)."""

    first_new: int = 1
    """The lowest number a new institution's id (``inst-NNNN``) may have."""
    named: dict[str, str] = field(default_factory=dict)
    """A mail round's institutions by the name it mailed them under, folded
    (:func:`formgen.fold.fold`) → id; a name mailed under two ids is left out."""


def given(ws: Workspace) -> Given:
    """The ids the workspace gave, whether or not the register knows them — to a form it made
    (``issued.jsonl``) and to a mail round's institutions (the send log: those not mailed or
    whose form could not be made too). A round's list gives ids the register learns only when
    their forms come back: a new institution under one of them would take that one's return,
    so it is numbered after them all; a checklist row naming one as the round named it is that
    institution, and takes its id."""
    ids = {i.institution_id or "" for i in ws.issued().values()}
    names: dict[str, set[str]] = {}
    for e in SendLog(ws.root).events():
        iid = str(e.get("institution_id", ""))
        ids.add(iid)
        if e.get("name"):
            names.setdefault(fold(str(e["name"])), set()).add(iid)
    first_new = 1 + max((int(m[1]) for i in ids if (m := _NUMBERED.fullmatch(i))), default=0)
    return Given(first_new, {name: iid for name, (iid, *more) in names.items() if not more})


def split(
    reg: Register, iid: str, name: str, note: str, ids: Given, at: str | None = None
) -> tuple[str, dict[str, Json]]:
    """A service named ``name`` split off ``iid`` in ``reg``, numbered after the ids the
    workspace gave (``ids``, :func:`given`): the new id and the values it starts with
    (:meth:`~ingest.register.Register.split_values`,
    :meth:`~ingest.register.Register.split_institution`). One function for
    :meth:`RegisterWriter.split_institution` and ``register split --dry-run``, so the dry run
    says what the split does."""
    values = reg.split_values(iid, name)
    return reg.split_institution(iid, values, note, at=at, first_new=ids.first_new), values


class RegisterWriter:
    """The register opened for changes: holds the workspace lock; every change is journaled."""

    def __init__(self, ws: Workspace, reg: Register, checkpoint_every: int) -> None:
        self.ws = ws
        self.register = reg
        self.checkpoint_every = checkpoint_every
        self._since = 0
        self._merges = 0
        self._given: Given | None = None
        self._named_as: dict[str, str] = {}
        """:attr:`Given.named` the other way round: id → folded name."""
        self._fh = open(journal_path(ws), "ab")  # noqa: SIM115 - closed by writing()
        self.by = reg.by = user()
        """Who changes the register through this writer (:func:`user`)."""

    def _numbering(self) -> tuple[Given, Json]:
        """:func:`given` (read once per writer), and what the journal keeps of it for an
        operation that may create an institution: the first number, when it lies above the
        register's own count (only then can it change an id)."""
        if self._given is None:
            self._given = given(self.ws)
            self._named_as = {iid: name for name, iid in self._given.named.items()}
        first_new = self._given.first_new
        above = first_new > int(self.register.data["next"]["inst"])
        return self._given, {"first_new": first_new} if above else {}

    def _log(self, op: Json) -> None:
        op = {"seq": int(self.register.data["journal_seq"]) + 1, **op}
        if self.by:
            op["by"] = self.by
        _append(self._fh, op)
        self.register.data["journal_seq"] = op["seq"]
        self._since += 1
        if self._since >= max(self.checkpoint_every, len(self.register.institutions)):
            self.checkpoint()

    def merge(
        self,
        sub: Submission,
        sent: Mapping[str, Json] | None = None,
        left_out: Iterable[str] = (),
        keyed: str | None = None,
    ) -> MergeOutcome:
        """Merge a return; when this returns a merged outcome, it is on disk. ``sent``: the
        values its form was sent with (:meth:`ingest.register.Register.merge`), journaled
        with it so that a rebuild merges alike. ``left_out``: the fields whose erased value
        :func:`ingest.erase.left_out` took out of it, journaled too: its original is not kept
        (``rebuild --reread`` takes the journal's submission, as for an erased original).
        ``keyed``: its keyed content hash as read (:meth:`ingest.register.Register.merge`),
        journaled too."""
        at = now_iso()
        self._merges += 1
        if self._merges % YOUNG_GC_EVERY == 0:
            gc.collect(
                1
            )  # short-lived cycles (e.g. of readers in this process), never the register
        ids, numbering = self._numbering()
        outcome = self.register.merge(
            sub,
            at=at,
            sent=sent,
            first_new=ids.first_new,
            named=ids.named,
            matching=MATCHING,
            keyed=keyed,
        )
        if outcome.status not in ("unchanged", "quarantined"):
            op: Json = {"op": "merge", "at": at, "submission": submission_to_json(sub)}
            op["matching"] = MATCHING
            op.update(numbering)
            named = {self._named_as[i]: i for i in outcome.created if i in self._named_as}
            if named:
                op["named"] = named
            if sent is not None:
                op["sent"] = dict(sent)
            if left_out:
                op["left_out"] = list(left_out)
            if keyed is not None:
                op["keyed"] = keyed
            self._log(op)
        return outcome

    def resolve(self, target: str, take: str, path: str | None = None) -> list[str]:
        at = now_iso()
        held = dict(self.register.data["conflicts"])
        ids = self.register.resolve(target, take, path, at=at)
        decided = [[cid, held[cid]["institution_id"], held[cid]["path"]] for cid in ids]
        self._log(
            {
                "op": "resolve",
                "at": at,
                "target": target,
                "take": take,
                "path": path,
                "decided": decided,
            }
        )
        return ids

    def resolve_duplicate(self, did: str, decision: str) -> str:
        at = now_iso()
        ids, numbering = self._numbering()
        iid = self.register.resolve_duplicate(did, decision, at=at, first_new=ids.first_new)
        op = {"op": "resolve-duplicate", "at": at, "target": did, "decision": decision}
        self._log({**op, **numbering})
        return iid

    def retire(self, iid: str, reason: str | None = None) -> Json:
        """Retire ``iid`` (:meth:`ingest.register.Register.retire`); on disk when this returns."""
        at = now_iso()
        done = self.register.retire(iid, reason, at=at)
        self._log({"op": "retire", "at": at, "target": iid, "reason": done["reason"]})
        return done

    def restore(self, iid: str) -> None:
        at = now_iso()
        self.register.restore(iid, at=at)
        self._log({"op": "restore", "at": at, "target": iid})

    def set(
        self, iid: str, path: str, text: str | None, note: str, force: bool = False
    ) -> list[list[Any]]:
        """Set ``path`` of ``iid`` to ``text`` by hand (``None``: remove its value), checked
        and stored as :meth:`ingest.register.Register.hand_values` and
        :meth:`~ingest.register.Register.set_by_hand` say; on disk when this returns.
        Journaled are the checked values, not the text: a rebuild stores them as they were
        checked today. Returns the changes, ``[path, old, new]`` each."""
        at = now_iso()
        values = self.register.hand_values(iid, path, text, force)
        changes = self.register.set_by_hand(iid, values, note, at=at)
        self._log(
            {"op": "set", "at": at, "target": iid, "path": path, "values": values, "note": note}
        )
        return changes

    def confirm(
        self,
        iid: str,
        categories: Iterable[str],
        note: str,
        force: bool = False,
        lang: str | None = None,
    ) -> list[str]:
        """Confirm ``iid``'s entries as they are (:meth:`ingest.register.Register.confirm`);
        on disk when this returns. Journaled are the checklists by id."""
        at = now_iso()
        done = self.register.confirm(iid, categories, note, at=at, force=force, lang=lang)
        self._log({"op": "confirm", "at": at, "target": iid, "categories": done, "note": note})
        return done

    def merge_institutions(self, keep: str, other: str, note: str) -> Merged:
        """Merge ``other`` into ``keep`` (:meth:`ingest.register.Register.merge_institutions`);
        on disk when this returns."""
        at = now_iso()
        done = self.register.merge_institutions(keep, other, note, at=at)
        self._log(
            {"op": "merge-institutions", "at": at, "keep": keep, "other": other, "note": note}
        )
        return done

    def split_institution(self, iid: str, name: str, note: str) -> str:
        """A service named ``name`` split off ``iid``
        (:meth:`ingest.register.Register.split_institution`); on disk when this returns.
        Journaled are the values it starts with (as ``set`` journals its values: a rebuild
        gives it those, whatever ``register erase`` took from ``iid`` since), its id, and the
        first number, as a decision ``--new`` journals it. Returns the new id."""
        at = now_iso()
        ids, numbering = self._numbering()
        new, values = split(self.register, iid, name, note, ids, at=at)
        op = {"op": "split", "at": at, "target": iid, "new": new, "values": values}
        self._log({**op, "note": note, **numbering})
        return new

    def checkpoint(self) -> None:
        checkpoint(self.ws, self.register)
        self._since = 0

    def close(self) -> None:
        self._fh.close()
        self.register.by = None


@contextlib.contextmanager
def writing(
    ws: Workspace, wait: float | None = None, checkpoint_every: int = CHECKPOINT_EVERY
) -> Iterator[RegisterWriter]:
    """Open the register for changes (one writer at a time; a second one waits ``wait`` seconds
    and then fails clearly). The checkpoint is written when the block ends without an error."""
    with ws.lock(wait), no_cyclic_gc():
        reg = _load(ws, writer=True)
        if not ws.register_path.exists():
            checkpoint(ws, reg)
        writer = RegisterWriter(ws, reg, checkpoint_every)
        try:
            yield writer
            if writer._since:
                writer.checkpoint()
        finally:
            writer.close()


@dataclass(frozen=True)
class RepairReport:
    damage: str | None
    """What was wrong with the journal (said); ``None``: nothing, nothing was changed."""
    journal_kept: Path | None = None
    """The damaged journal, kept aside as ``journal.jsonl.damaged-<time>``."""
    register_kept: Path | None = None
    """A damaged ``register.json``, kept aside as ``register.json.damaged-<time>`` (the
    register was made from the journal's operations before the damage then)."""
    operations: int = 0
    """The operations the repaired register holds (the number of its base)."""
    lost: int = 0
    """Operations the damaged journal or register.json numbered after those, lost."""
    institutions: int = 0
    was: int | None = None
    """register.json's institutions before the repair (``None``: it was damaged or missing)."""


def repair(ws: Workspace, wait: float | None = None) -> RepairReport:
    """Make a workspace whose journal is damaged (:func:`journal_lines`, :func:`_short`) one
    that can be changed and rebuilt again, without a backup: the journal is kept aside and
    begins anew with one operation, a ``base`` holding the register as it is — register.json
    with the operations the journal holds after it up to the damage, or, where register.json
    is damaged too (kept aside then) or missing, the journal's operations up to the damage.
    What the damaged journal or register.json numbered after that is lost (counted). The
    register's history stays; a rebuild starts from the base (``--reread`` reads the returns
    merged since again). Nothing is changed for a whole journal. A crash at any moment leaves
    either the damaged journal (the repair runs again; a damaged register.json may be kept
    aside already) or the new one, which register.json, old or new, is read with."""
    with ws.lock(wait), no_cyclic_gc():
        path, register = journal_path(ws), ws.register_path
        data = path.read_bytes() if path.exists() else b""
        ops: list[Json] = []
        damage: Said | None = None
        try:
            ops.extend(op for _line, op in journal_lines(data, path))
        except RegisterError as exc:
            damage = exc.args[0]
        reg: Register | None = None
        if register.exists():
            try:
                reg = Register.loads(ws.schema(), register.read_bytes(), str(register))
            except RegisterVersionError:
                raise
            except RegisterError:
                pass  # damaged: kept aside below
        held = int(reg.data["journal_seq"]) if reg else 0
        damage = damage or (_short(ws, held, _last(ops)) if reg else None)
        if damage is None:
            return RepairReport(None)
        was = len(reg.institutions) if reg else None
        reg = with_versions(ws, reg or Register(ws.schema()))
        for op in (op for op in ops if op["seq"] > held):
            apply_op(reg, op)
            reg.data["journal_seq"] = op["seq"]
        reg.recheck_retyped()
        seq = int(reg.data["journal_seq"]) + 1
        stamp = now_iso().replace(":", "")
        kept = path.with_name(f"{JOURNAL}.damaged-{stamp}")
        write_atomic(kept, data)  # first: until the new journal replaces it, a crash loses nothing
        damaged = None
        if was is None and register.exists():  # before the new journal, which it would hide
            damaged = register.with_name(f"register.json.damaged-{stamp}")
            os.replace(register, damaged)
            fsync_dir(register.parent)
        reg.data["journal_seq"] = seq
        base = {"seq": seq, "op": BASE, "at": now_iso(), "register": reg.data, "kept": kept.name}
        write_atomic(path, json.dumps(base, ensure_ascii=False, sort_keys=True).encode() + b"\n")
        checkpoint(ws, reg)
        lost = max(held, _highest_seq(data)) - (seq - 1)
        return RepairReport(
            damage, kept, damaged, seq - 1, max(lost, 0), len(reg.institutions), was
        )


def _highest_seq(data: bytes) -> int:
    """The highest ``seq`` of an operation in the lines of ``data`` that can be read."""
    highest = 0
    for line in data.split(b"\n"):
        with contextlib.suppress(ValueError):
            op = json.loads(line)
            if isinstance(op, dict) and type(op.get("seq")) is int:
                highest = max(highest, op["seq"])
    return highest


@dataclass(frozen=True)
class RebuildReport:
    operations: int
    merged: int
    reread: int
    institutions: int
    damaged_copy: Path | None
    erased: tuple[str, ...] = ()
    """With ``reread``: the file names of originals erased (``register erase``), whose
    journaled submissions were taken instead."""
    edited_copy: Path | None = None
    """The register found changed outside formgen (:data:`ingest.register.EDITED`), kept
    aside as ``register.json.edited-<time>``: the rebuild undid what was changed in it."""
    half_erased: tuple[str, ...] = ()
    """The institutions whose name the journal still holds as it was before a text in it was
    erased (:func:`half_erased`)."""


def half_erased(ops: list[Json]) -> tuple[str, ...]:
    """The institutions a checklist row took a mail round's id for by a name that a merge's
    ``named`` still keys as it was before ``register erase --text`` erased a text (her surname)
    inside it, as a formgen before 2026-11-25 left it (the rebuild finds the id by the marker
    all the same: :func:`ingest.register.named_erased`); the erasure run again takes it out."""
    found: set[str] = set()
    for op in ops:
        named: dict[str, str] = (op.get("named") or {}) if op.get("op") == "merge" else {}
        entries = op["submission"]["entries"] if named else ()
        rows = [str((e["institution"].get("name") or {}).get("raw") or "").strip() for e in entries]
        for e, name in zip(entries, rows, strict=True):
            if e.get("institution_id") or fold(name) in named:
                continue  # its own id, or the name it took one by as it is now
            if iid := named_erased(named, name, rows):
                found.add(iid)
    return tuple(sorted(found))


def began(ws: Workspace) -> dt.date | None:
    """The day the register began: its journal's first operation's (this computer's clock);
    None where the journal holds none. Before it the register held nothing (:func:`as_of`)."""
    return next((local_day(op.get("at")) for op in read_journal(ws)[:1]), None)


def as_of(
    ws: Workspace, day: dt.date, progress: Callable[[int, int], None] | None = None
) -> Register | None:
    """The register as it was at the end of ``day`` (this computer's clock): the journal's
    operations up to then replayed, as :func:`rebuild` replays them all (a value erased since
    stays erased: the journal holds its marker); ``None`` where nothing changed after ``day``
    (the current register is that one); before the journal's first operation, the empty one. A
    day before a repair (``register repair``), which began the journal anew with the register
    as it was then, is refused: the register of that day is not known. ``progress`` is told as
    :func:`replay` tells it."""
    ops = read_journal(ws)
    cut = next((n for n, op in enumerate(ops) if (local_day(op.get("at")) or day) > day), None)
    if cut is None:
        return None
    if any(op.get("op") == BASE for op in ops[cut:]):  # what the repair began with is all
        first = next(op for op in reversed(ops) if op.get("op") == BASE)
        since = local_day(first.get("at")) or day
        raise RegisterError(
            Said("register_as_of_unknown", day=day.isoformat(), first=since.isoformat())
        )
    return replay(ws, ops[:cut], progress)


def replay(
    ws: Workspace,
    ops: list[Json],
    progress: Callable[[int, int], None] | None = None,
    reread: Callable[[Json], Reread | None] | None = None,
) -> Register:
    """The register the journal's operations ``ops`` make from an empty one, as they were made
    (knowing the schema versions ``ws`` keeps, :func:`with_versions`); with ``reread``, an
    operation's original read again as it says (``None``: as the journal holds it).
    ``progress`` is told (operations made again, all of them) after each."""
    reg = with_versions(ws, Register(ws.schema()))
    with no_cyclic_gc():
        for done, op in enumerate(ops, 1):
            apply_op(reg, op, reread(op) if reread is not None else None, ws)
            reg.data["journal_seq"] = op["seq"]
            if progress is not None:
                progress(done, len(ops))
        reg.recheck_retyped()
    return reg


def rebuild(
    ws: Workspace,
    reread: Reread | None = None,
    wait: float | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RebuildReport:
    """Make ``register.json`` again from the journal (and, with ``reread``, from the archived
    originals; an original erased by ``register erase`` from its journaled submission). A
    damaged register is first kept aside as ``register.json.damaged-<time>``, one changed
    outside formgen as ``register.json.edited-<time>``. ``progress`` is told (operations
    made again, all of them) after each."""
    with ws.lock(wait), no_cyclic_gc():
        return rebuild_unlocked(ws, reread, progress)


def rebuild_unlocked(
    ws: Workspace,
    reread: Reread | None = None,
    progress: Callable[[int, int], None] | None = None,
    replayed: Register | None = None,
) -> RebuildReport:
    """:func:`rebuild` for a caller that holds the workspace's lock already; ``replayed``: the
    register the journal on disk makes, replayed already (``register erase-login`` has it),
    so it is not replayed again."""
    ops = read_journal(ws)
    gone = {sha for op in ops if op.get("op") == "erase" for sha in op.get("originals", ())}
    gone |= {op["submission"]["provenance"]["sha256"] for op in ops if op.get("left_out")}
    erased: list[str] = []

    def again(op: Json) -> Reread | None:
        """How ``op``'s original is read again: an original erased since as the journal holds
        it (named in :attr:`RebuildReport.erased`); one missing otherwise is an error."""
        provenance = op.get("submission", {}).get("provenance", {})
        if op.get("op") != "merge" or provenance.get("reader") == IMPORT:
            return reread
        sha = provenance["sha256"]
        if archive_path(ws, sha).exists():
            return reread
        if sha in gone:
            erased.append(str(provenance.get("file_name") or sha[:12]))
            return None
        raise RegisterError(
            Said(
                "journal_original_missing",
                seq=str(op["seq"]),
                sha=sha[:12],
                folder=str(ws.archive_dir),
            )
        )

    reg = replayed
    if reg is None:
        reg = replay(ws, ops, progress, again if reread is not None else None)
    merged = sum(op.get("op") == "merge" for op in ops)
    damaged: Path | None = None
    edited: Path | None = None
    if ws.register_path.exists():
        try:
            held = Register.loads(reg.schema, ws.register_path.read_bytes()).data
        except RegisterVersionError:
            raise
        except RegisterError:
            damaged = ws.register_path.with_name(
                f"register.json.damaged-{now_iso().replace(':', '')}"
            )
            os.replace(ws.register_path, damaged)
        else:
            _complete(ws, int(held["journal_seq"]), _last(ops))
            if held.get(EDITED):
                edited = ws.register_path.with_name(
                    f"register.json.edited-{now_iso().replace(':', '')}"
                )
                os.replace(ws.register_path, edited)
    checkpoint(ws, reg)
    return RebuildReport(
        len(ops),
        merged,
        merged - len(erased) if reread else 0,
        len(reg.institutions),
        damaged,
        tuple(erased),
        edited,
        half_erased(ops),
    )
