"""A coordination centre's workspace: configuration, signing secret, issued forms, register, archive.

Created by ``formgen init DIR``, readable by its owner only (mode 0700): it holds personal
data. Layout::

    DIR/workspace.toml   configuration (centre name, sender, schema, regions)
    DIR/secret.key       per-workspace secret for form signatures (mode 0600; never mailed)
    DIR/issued.jsonl     one line per generated form: its signed identity (append-only)
    DIR/register.json    the consolidated register (written by ingest.register)
    DIR/archive/         ingested originals, content-addressed by SHA-256
    DIR/quarantine/      returns that were not merged (tampered, unknown schema …), with reasons
    DIR/forms/           generated forms
    DIR/exports/         register exports and the printed register
    DIR/sendlog.jsonl    what was mailed to whom
    DIR/schemas/         each schema version forms were issued with (<schema_id>/<version>.yaml)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import errno
import fcntl
import getpass
import hashlib
import json
import os
import re
import secrets
import shlex
import socket
import stat
import sys
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from formgen.errors import FormgenError, SchemaError
from formgen.filenames import readable, shown
from formgen.identity import FormIdentity, reference
from formgen.languages import MAIL_LANGUAGES
from formgen.linebreak import shorten
from formgen.messages import Said, SaidJoined, os_error_said, said_count
from formgen.model import Choice, Field, Schema, Text
from formgen.recipients import invisible_shown, sender_problem
from formgen.record import InstitutionRecord
from formgen.schema_load import default_schema, did_you_mean, load_schema, shipped_schema_path

CONFIG = "workspace.toml"
SECRET = "secret.key"
ISSUED = "issued.jsonl"
WRITTEN = "written.jsonl"
"""The files formgen wrote outside the workspace (``--out``, ``--output``, ``-o``): one line
each, ``at``, ``path`` (absolute) and, for a form, ``institution_id``; no value. ``register
erase`` and ``register find --all`` name them (:meth:`Workspace.written_outside`)."""
LOCK = ".lock"
REGISTER = "register.json"
SCHEMAS = "schemas"
"""Folder of the schema versions forms were issued with: ``schemas/<schema_id>/<version>.yaml``
(kept by :meth:`Workspace.record_issued`, read by :mod:`ingest.schemas`)."""
WORKSPACE_FILES = (SECRET, ISSUED, REGISTER, "journal.jsonl", "sendlog.jsonl")
"""Files only a workspace holds (``journal.jsonl``: ingest.journal; ``sendlog.jsonl``:
formgen.sendlog): ``formgen init`` never makes a new workspace over them."""
_SYNC_MARK = (
    r"-(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]*"  # OneDrive: -DESKTOP-AB12, the computer's name
    r"| \([^()]*(?i:conflict|konflikt)[^()]*\)"  # Dropbox, Nextcloud: (… conflicted copy …)
    r"|\.sync-conflict-[0-9A-Za-z-]+"  # Syncthing: .sync-conflict-20261124-101500-ABCDEFG
    r"| - (?i:kopie|copy)(?: \(\d+\))?| \(\d+\)"  # Windows: - Kopie, - Kopie (2), (1)
)
"""What a sync program or Windows puts between a file's name and its extension in a copy."""
SYNC_COPY = re.compile(
    "|".join(
        rf"(?P<{name.replace('.', '_')}>{re.escape(stem)}(?:{_SYNC_MARK})\.{re.escape(ext)})"
        for name in (CONFIG, *WORKSPACE_FILES)
        for stem, ext in [name.rsplit(".", 1)]
    )
)
"""The name of a copy a sync program (OneDrive, Dropbox, Nextcloud, Syncthing) makes of one of
the workspace's own files when two computers changed it at once, or Windows when a file is
copied beside itself: ``register-DESKTOP-AB12.json``, ``journal (conflicted copy
2026-11-24).jsonl``, ``sendlog.sync-conflict-20261124-….jsonl``, ``register (1).json``,
``workspace - Kopie.toml``; the group named after the file (``register_json``) matches. A name
given by hand (``register-alt.json``, ``register_2026-11-01.json``) does not."""


def sync_copies(root: Path) -> dict[str, str]:
    """The copies a sync program made of the workspace's own files in ``root``
    (:data:`SYNC_COPY`), each by the file it copies; none where ``root`` is no workspace."""
    if not (root / CONFIG).is_file():
        return {}
    try:
        names = sorted(p.name for p in root.iterdir())
    except OSError:
        return {}
    own = {name.replace(".", "_"): name for name in (CONFIG, *WORKSPACE_FILES)}
    return {
        name: own[m.lastgroup]
        for name in names
        if (m := SYNC_COPY.fullmatch(name)) is not None and m.lastgroup is not None
    }


def open_to_others(root: Path) -> bool:
    """Whether the workspace folder ``root`` lets users other than its owner in (mode & 077),
    as one made by an earlier formgen may (0755: formgen now makes it 0700), where no default
    ACL (``setfacl -d``) shares it with a group on purpose; False where ``root`` is no
    workspace."""
    if not (root / CONFIG).is_file():
        return False
    try:
        if not root.stat().st_mode & 0o077:
            return False
    except OSError:
        return False
    try:
        return not os.getxattr(root, "system.posix_acl_default")
    except (AttributeError, OSError):  # no ACLs (macOS' os has no getxattr), or none set
        return True


_NOT_COUNTED = frozenset({"Thumbs.db", "desktop.ini"})
"""Files Windows puts into folders by itself; like hidden files, they do not make a folder
one that "holds files"."""

_HELD_LOCKS: set[IO[str]] = set()
"""The workspace locks (:meth:`Workspace.lock`) this process holds. The lock is an ``flock``,
which lasts while any process has the file open: a process forked from this one closes its
copies at once, so that the lock ends with the run that took it, never held on by a worker
left behind (closing a copy does not unlock it for the parent)."""


_TEMP = re.compile(r"\..+\.\d+\.tmp")
"""The name of a file formgen writes and then renames into place (:func:`write_atomic`,
:func:`ingest.journal.checkpoint`): ``.register.json.4242.tmp`` (the writer's process id)."""


def _let_go_of_locks() -> None:
    for fh in _HELD_LOCKS:
        fh.close()
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_let_go_of_locks)

_CONFIG_TEMPLATE = """\
# formgen workspace of a coordination centre. Edit freely; `formgen` reads it on every run.

[centre]
name = {name}
sender = {sender}          # From: address of mails (formgen mail)
language = {language}            # de or en: forms and mails, the register's tables and print, status

[schema]
# path = "my-schema.yaml"  # default: the shipped Arbeitshilfe schema

# Sending with `formgen mail --send` (the password comes from FORMGEN_SMTP_PASSWORD or a prompt,
# never from this file):
# [smtp]
# host = "mail.example.org"
# port = 587
# security = "starttls"     # starttls | ssl | none (none: only a relay on this machine, localhost)
# user = "spkom@example.org"
# rate = 30                 # mails per minute at most

# Regions of this centre. Leave out to use the schema's own list.
# [[regions]]
# value = "duesseldorf"
# de = "Düsseldorf"
# en = "Düsseldorf"
"""


_TABLES = {"centre": "[centre]", "schema": "[schema]", "smtp": "[smtp]", "regions": "[[regions]]"}
"""What formgen reads of ``workspace.toml``, by name, as it is written there."""
_KEYS = {
    "centre": ("name", "sender", "signature", "language"),
    "schema": ("path",),
    "smtp": ("host", "port", "security", "user", "rate", "timeout", "password_env", "cafile"),
}
"""The keys formgen reads in each table of ``workspace.toml`` but ``[[regions]]`` (whose
entries :attr:`Workspace.regions` checks)."""
_LANGUAGE = re.compile(r"[a-z]{2,3}")
"""A language's code, the key of a name in a ``[[regions]]`` entry (``de = "Düren"``)."""


class WorkspaceError(FormgenError):
    """A folder is not a workspace, or its configuration is broken."""


def _changed_fields(old: Schema, new: Schema) -> list[str]:
    """What a form of ``old`` asks differently in ``new``, by ids: checklists added or gone,
    fields added or gone, fields whose type, scope, choices or listed languages changed."""
    before = {c.id: c for c in old.categories}
    after = {c.id: c for c in new.categories}
    found: dict[str, dict[str, None]] = {
        "new_checklists": dict.fromkeys(c for c in after if c not in before),
        "checklists_gone": dict.fromkeys(c for c in before if c not in after),
        "new_fields": {},
        "fields_gone": {},
        "fields_changed": {},
    }
    for cid in (c for c in after if c in before):
        was = {f.id: f for f in before[cid].fields}
        now = {f.id: f for f in after[cid].fields}
        for fid, f in now.items():
            if fid not in was:
                found["new_fields"][fid] = None
            elif _asks(f) != _asks(was[fid]):
                found["fields_changed"][fid] = None
        found["fields_gone"].update(dict.fromkeys(f for f in was if f not in now))
    return [
        Said(f"schema_problem_changed_{what}", ids=", ".join(ids))
        for what, ids in found.items()
        if ids
    ]


def labels_reworded(old: Schema, new: Schema, lang: str) -> list[str]:
    """The fields whose label in ``new`` (a new version of the workspace's schema ``old``)
    lost one they had in ``old`` (their label, or one of their ``former_labels``) without
    listing it in ``former_labels``: a copy of an older form (a Word file, a printed PDF), read
    by its rows' labels, would not be read any more. One note per field and lost label, told in
    ``lang`` where the label changed there, else in the first language where it did."""
    before = {(c.id, f.id): f for c in old.categories for f in c.fields}
    out: dict[tuple[str, str, str], str] = {}
    for c in new.categories:
        for f in c.fields:
            was = next(
                (before[c.id, i] for i in (f.id, *f.renamed_from) if (c.id, i) in before), None
            )
            if was is None:
                continue  # a new field: no older form has it
            for lg in dict.fromkeys((lang, *new.languages)):
                lost = [t for t in was.labels(lg) if t and t not in f.labels(lg)]
                if lost:
                    now = f.label.get(lg)
                    said = Said("schema_label_reworded", field=f.id, old=lost[0], new=now)
                    out.setdefault((f.id, lost[0], now), said)
                    break
    return list(out.values())


def _asks(f: Field) -> tuple[object, ...]:
    """What a form asks of field ``f``: its type, scope, choices and listed languages."""
    return (f.type, f.scope, tuple(c.value for c in f.choices), f.common)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file.

    A write that fails (a full disk, a read-only drive) leaves no half-written temporary file
    behind, and the error names ``path``, the file the user asked for."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            keep_mode(fh.fileno(), path)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    fsync_dir(path.parent)


def keep_mode(new: int | Path, path: Path) -> None:
    """Give ``new`` (an open file's descriptor or a path), about to replace ``path``, the mode
    and, where the user may set it, the group ``path`` has: an export a web server reads (0644),
    a register shared in a group's folder (0660) stay so. A new file keeps the mode it was made
    with (private: formgen's umask)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError):  # not a member of the group: the user's own group
        os.chown(new, -1, st.st_gid)
    os.chmod(new, stat.S_IMODE(st.st_mode))


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (the folder's entry is on disk)."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def mkdir_durable(folder: Path) -> None:
    """Make ``folder`` (and its missing parents) so that each new folder's entry is on disk."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        fsync_dir(new.parent)


def append_line(path: Path, line: str) -> None:
    """Append one line and fsync it: what was reported as done stays done after a crash."""
    with open(path, "a+b") as fh:
        start_line(fh)
        fh.write(line.rstrip("\n").encode() + b"\n")
        fh.flush()
        os.fsync(fh.fileno())


def json_line(raw: bytes) -> tuple[Any, Said | None]:
    """A line of a JSON-lines log read, or why it cannot be (the words of ``journal.jsonl``'s
    damaged lines): not UTF-8 at byte N, not JSON at character N."""
    try:
        return json.loads(raw), None
    except UnicodeDecodeError as exc:
        return None, Said("journal_not_utf8", byte=exc.start + 1)
    except ValueError as exc:
        column = exc.colno if isinstance(exc, json.JSONDecodeError) else 1
        return None, Said("journal_not_json", column=column)


def glued_tails(line: bytes, begins: bytes) -> Iterator[bytes]:
    """The tails of a log's damaged ``line`` that begin as its whole lines do (``begins``): a
    line appended after a crash cut the one before it short (by a formgen before
    :func:`start_line`), to be read rather than lost with it."""
    at = line.find(begins, 1)
    while at > 0:
        yield line[at:]
        at = line.find(begins, at + 1)


def start_line(fh: IO[bytes]) -> None:
    """Before an append to the log ``fh`` (opened ``a+b``): end a last line a crash cut short
    (or an editor left without its line end), so that what is appended is a line of its own,
    not glued to that one and lost with it; the line cut short stays, said as damaged by the
    log's reader (not cut off: a line edited short by hand is all that is left of it)."""
    end = fh.seek(0, os.SEEK_END)
    if end and (fh.seek(end - 1), fh.read(1))[1] != b"\n":
        fh.write(b"\n")


@dataclass(frozen=True)
class IssuedForm:
    """What a generated form was made with and as, beside its identity in ``issued.jsonl``."""

    prefill: Mapping[str, Any] = field(default_factory=dict)
    """The values it was prefilled with (field path → typed value,
    :meth:`formgen.record.InstitutionRecord.form_values`)."""
    sha256: tuple[str, ...] = ()
    """The SHA-256 of each file generated for it (PDF, DOCX)."""
    languages_as_typed: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """The languages it showed in the words typed beside their boxes
    (:meth:`formgen.record.InstitutionRecord.languages_as_typed`): a return without them takes
    them back; a form recorded without them showed none (one made before 2026-11-25, the ticked
    box only), so a return without them keeps the register's."""

    @classmethod
    def made(cls, schema: Schema, record: InstitutionRecord | None, *files: bytes) -> IssuedForm:
        """A form prefilled from ``record`` (``None``: a blank one), generated as ``files``."""
        return cls(
            record.form_values(schema) if record else {},
            tuple(hashlib.sha256(data).hexdigest() for data in files),
            record.languages_as_typed() if record else {},
        )


def _not_a_workspace(root: Path) -> Said:
    """Why ``root`` cannot be opened, the workspaces near it (:func:`workspaces_near`: a typo in
    ``--workspace``, ``-w`` forgotten, or run in a folder of a workspace), how to point at the
    workspace one has, then how to make a new one (not where ``root`` lies in a workspace:
    ``formgen init`` refuses that); a path is quoted so that the command can be copied."""
    here = root == Path(".")
    where = Said("workspace_current_folder", path=readable(Path.cwd())) if here else None
    why = (
        Said("workspace_no_config", config=CONFIG) if root.is_dir() else Said("workspace_no_folder")
    )
    named = os.environ.get("FORMGEN_WORKSPACE")
    if named and Path(named) == root:
        why = SaidJoined((why, Said("workspace_named_by_variable")), "; ")
    near = workspaces_near(root)
    options = ", ".join(f"-w {shlex.quote(readable(p))}" for p in near[:3])
    inside = workspace_above(root) is not None
    return Said(
        "workspace_not_found",
        where=where or shlex.quote(readable(root)),
        why=why,
        meant=Said("workspace_meant", options=options) if near else "",
        init="" if inside else Said("workspace_init", here=shlex.quote(readable(root))),
    )


def workspace_above(root: Path) -> Path | None:
    """The workspace ``root`` lies in (a folder above it holding a ``workspace.toml``: the
    nearest), or None."""
    return next((p for p in root.absolute().parents if (p / CONFIG).is_file()), None)


def workspaces_near(root: Path) -> list[Path]:
    """The workspaces near ``root``, a folder that is none: the one it lies in
    (:func:`workspace_above`, said by its whole path), then those in it — or, where there is no
    such folder, in the folder it would be in (a mistyped name's neighbours) — by how close
    their names are to its name, as ``root`` says paths (relative to the current folder where
    it is relative)."""
    base = root if root.is_dir() else root.parent
    try:
        names = [e.name for e in os.scandir(base) if (base / e.name / CONFIG).is_file()]
    except OSError:  # no such folder either, not readable
        names = []

    def closeness(name: str) -> float:
        return difflib.SequenceMatcher(None, name.casefold(), root.name.casefold()).ratio()

    above = workspace_above(root)
    close = sorted(sorted(names), key=closeness, reverse=True)
    return [p for p in (above,) if p is not None] + [base / n for n in close]


def _toml(value: object) -> str:
    """``value`` of ``workspace.toml`` as it was written there, near enough (``"Düren"``)."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _not_utf8(path: Path, data: bytes, at: int) -> Said:
    """Why ``path`` (``data``, not UTF-8 from byte ``at`` on) cannot be read: saved in another
    encoding (Notepad's "ANSI", Windows-1252), with the line of that byte as Windows-1252 reads
    it, so that the coordinator finds the letter."""
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    line = data[start : end if end >= 0 else len(data)].decode("cp1252", "replace").strip()
    return Said(
        "config_not_utf8",
        path=str(path),
        line=data.count(b"\n", 0, at) + 1,
        byte=f"0x{data[at]:02x}",
        text=shown(line),
    )


def _not_toml(path: Path, error: str) -> Said:
    """Why ``path`` is no TOML, from tomllib's ``error`` („Cannot overwrite a value (at line 5,
    column 55)“): where, in the reader's language, with tomllib's English words as the detail."""
    why, _, at = error.rpartition(" (at ")
    where = re.fullmatch(r"line (\d+), column (\d+)\)", at)
    if where is None:  # "(at end of document)"
        return Said("config_cut_off", path=str(path), why=why or error)
    return Said("config_invalid", path=str(path), line=where[1], column=where[2], why=why)


def config_language(root: str | Path) -> str | None:
    """The language ``workspace.toml`` in ``root`` names, read as far as it can be (a file
    saved as Windows-1252 still names it); None where it cannot be read or names none formgen
    speaks."""
    try:
        text = (Path(root) / CONFIG).read_bytes().decode("utf-8-sig", "replace")
        language = tomllib.loads(text).get("centre", {}).get("language")
    except (OSError, tomllib.TOMLDecodeError, AttributeError):
        return None
    return language if language in MAIL_LANGUAGES else None


_GIT_IGNORE = "# a formgen workspace: personal data and the signing secret stay out of git\n*\n"


def git_work_tree(folder: Path) -> Path | None:
    """The git work tree ``folder`` lies in (the nearest folder above or at it holding
    ``.git``), or None."""
    for above in (folder.absolute(), *folder.absolute().parents):
        if (above / ".git").exists():
            return above
    return None


def check_new_folder(root: Path, with_files: bool = False) -> None:
    """Raise :class:`WorkspaceError` when ``root`` must not become a new workspace: it is one
    already, it lies in one (:func:`workspace_above`), it holds parts of one (a signing secret, a register) without its configuration,
    or — unless ``with_files`` — it holds other files (a folder of returned forms, say), which a
    workspace is not meant to be mixed with. Hidden files and those Windows adds are ignored."""
    here = shlex.quote(readable(root))
    if (root / CONFIG).exists():
        raise WorkspaceError(Said("init_is_workspace", root=readable(root), here=here))
    above = workspace_above(root)
    if above is not None:  # its quarantine, say: `formgen init .` as a lost -w's advice said
        raise WorkspaceError(
            Said(
                "init_in_workspace",
                root=readable(root.absolute()),
                workspace=readable(above),
                here=shlex.quote(readable(above)),
            )
        )
    if not root.is_dir():
        return
    parts = [p for p in WORKSPACE_FILES if (root / p).exists()]
    if parts:
        raise WorkspaceError(
            Said("init_workspace_parts", root=readable(root), parts=", ".join(parts), config=CONFIG)
        )
    found = sorted(
        e.name
        for e in os.scandir(root)
        if not e.name.startswith(".") and e.name not in _NOT_COUNTED
    )
    if found and not with_files:
        listed = ", ".join(shown(n) for n in found[:3]) + (", …" if len(found) > 3 else "")
        raise WorkspaceError(
            said_count("init_not_empty", len(found), root=readable(root), here=here, listed=listed)
        )


_ISSUED_INSTANCE = re.compile(rb'"formgen\.instance_id": *"([0-9A-Z]{10})"')
"""A form's instance id as :meth:`Workspace.record_issued` writes it, found in a damaged line."""

_ISSUED_LINE = b'{"formgen.schema_id"'
"""How :meth:`Workspace.record_issued` begins a line: a damaged line may end with a whole one
(appended after a crash cut the line before it short)."""


@dataclass(frozen=True)
class DamagedLine:
    """A line of ``issued.jsonl`` that cannot be read whole: its number, the instance id of the
    form it was about where that can still be read in it, and what is wrong (said)."""

    n: int
    instance_id: str | None
    error: Said


def _issued_record(line: bytes) -> tuple[FormIdentity | None, dict[str, Any], Said | None]:
    """A line of ``issued.jsonl`` read: its form's identity where that can be read, the record,
    and where something of it cannot be read, what (the words of ``journal.jsonl``'s damaged
    lines where they fit)."""
    data, error = json_line(line)
    if error is not None:
        return None, {}, error
    if not isinstance(data, dict):
        return None, {}, Said("issued_not_record")
    try:
        ident = FormIdentity.from_fields(data)
    except FormgenError as exc:
        return None, data, Said("issued_bad_identity", why=str(exc))
    kinds = {
        "prefill": dict,
        "sha256": list,
        "issued_at": str,
        "erased": dict,
        "languages_as_typed": dict,
    }
    wrong = [k for k, kind in kinds.items() if k in data and not isinstance(data[k], kind)]
    sha = data.get("sha256")
    if isinstance(sha, list) and not all(isinstance(s, str) for s in sha):
        wrong.append("sha256")
    return ident, data, Said("issued_wrong_type", keys=", ".join(wrong)) if wrong else None


@dataclass
class _IssuedLog:
    """``issued.jsonl`` as read so far: the forms, and what they were made with and as (for
    those issued by a formgen that records it)."""

    offset: int = 0
    lines: int = 0
    """The whole lines read so far (the next one's number is one more)."""
    damaged: list[DamagedLine] = field(default_factory=list)
    """The lines that could not be read whole (:func:`_issued_record`)."""
    identities: dict[str, FormIdentity] = field(default_factory=dict)
    prefills: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Instance id → the values the form was prefilled with."""
    as_typed: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Instance id → the languages the form showed in the words typed
    (:attr:`IssuedForm.languages_as_typed`)."""
    files: dict[str, str] = field(default_factory=dict)
    """SHA-256 of a generated file → the instance id of its form."""
    issued_at: dict[str, str] = field(default_factory=dict)
    """Instance id → when the form was generated, as the log says it."""
    erased: dict[str, dict[str, str]] = field(default_factory=dict)
    """Instance id → field path → the fingerprint of a prefilled value erased since
    (:func:`ingest.erase.fingerprint`)."""
    inode: int = 0
    """The log's inode: rewritten (``register erase``), it is read again from the start."""


@dataclass
class Workspace:
    """An opened workspace folder."""

    root: Path
    config: dict[str, Any]
    _schema: Schema | None = field(default=None, init=False, repr=False, compare=False)
    """The schema as :meth:`schema` built it (once per opened workspace)."""
    _issued_read: _IssuedLog = field(
        default_factory=lambda: _IssuedLog(), init=False, repr=False, compare=False
    )
    """What ``issued.jsonl`` said up to where it was read."""

    # ------------------------------------------------------------------ creation / opening

    @classmethod
    def init(
        cls,
        root: str | Path,
        name: str = "SPKoM",
        sender: str = "",
        *,
        language: str = "de",
        with_files: bool = False,
    ) -> Workspace:
        """Create a workspace in ``root``: a new or empty folder, or — with ``with_files`` — a
        folder that holds other files (they are left as they are), made readable by its owner
        only (mode 0700), as it will hold personal data. Never over a workspace, or
        over what is left of one (see :func:`check_new_folder`). A ``sender`` that mails could
        not go out From (not an address, letters such as ü before the @) is refused."""
        root = Path(root)
        if sender and (why := sender_problem(sender)) is not None:
            raise WorkspaceError(Said("init_bad_sender", sender=invisible_shown(sender), why=why))
        check_new_folder(root, with_files)
        try:
            root.mkdir(parents=True, exist_ok=True)
            root.chmod(0o700)  # it will hold personal data: nobody else may look in
        except OSError as exc:  # a file on the way, no permission
            why = os_error_said(exc)
            raise WorkspaceError(Said("init_cannot_create", root=readable(root), why=why)) from exc
        for sub in ("archive", "quarantine", "forms", "exports"):
            (root / sub).mkdir(exist_ok=True)
        secret_path = root / SECRET
        fd = os.open(secret_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(32) + "\n")
        text = _CONFIG_TEMPLATE.format(
            name=json.dumps(name, ensure_ascii=False),
            sender=json.dumps(sender),
            language=json.dumps(language),
        )
        write_atomic(root / CONFIG, text.encode("utf-8"))
        if git_work_tree(root.parent) is not None and not (root / ".gitignore").exists():
            # a workspace made in a clone of formgen (its README's commands run there): personal
            # data and the signing secret must not end up in a commit
            (root / ".gitignore").write_text(_GIT_IGNORE, encoding="utf-8")
        return cls.open(root)

    @classmethod
    def open(cls, root: str | Path) -> Workspace:
        root = Path(root)
        config_path = root / CONFIG
        if not config_path.is_file():
            raise WorkspaceError(_not_a_workspace(root))
        data = config_path.read_bytes()
        try:
            text = data.decode("utf-8-sig")  # Notepad writes a BOM before UTF-8
        except UnicodeDecodeError as exc:
            raise WorkspaceError(_not_utf8(config_path, data, exc.start)) from None
        try:
            config = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise WorkspaceError(_not_toml(config_path, str(exc))) from None
        centre = config.get("centre", {})
        if not isinstance(centre, dict):  # `centre = "x"`: every setting of it is read as a table
            value = _toml(centre)
            raise WorkspaceError(Said("config_centre", path=str(config_path), value=value))
        language = centre.get("language", "de")
        if language not in MAIL_LANGUAGES:
            raise WorkspaceError(
                Said(
                    "config_language",
                    path=str(config_path),
                    value=_toml(language),
                    known=", ".join(MAIL_LANGUAGES),
                )
            )
        return cls(root, config)

    # ------------------------------------------------------------------ configuration

    @property
    def centre_name(self) -> str:
        return str(self.config.get("centre", {}).get("name", ""))

    @property
    def sender(self) -> str:
        return str(self.config.get("centre", {}).get("sender", ""))

    @property
    def signature(self) -> str:
        """``[centre] signature``, who signs the mails (empty: the centre's name, else the sender)."""
        return str(self.config.get("centre", {}).get("signature", ""))

    @property
    def language(self) -> str:
        return str(self.config.get("centre", {}).get("language", "de"))

    def schema(self) -> Schema:
        """The workspace's schema, with its own regions when it configures them (loaded and
        checked once; the same object on every later call)."""
        if self._schema is None:
            self._schema = self._load_schema()
        return self._schema

    def _load_schema(self) -> Schema:
        path = self.config.get("schema", {}).get("path")
        return self.for_forms(load_schema(self.schema_file) if path else default_schema())

    def for_forms(self, schema: Schema) -> Schema:
        """``schema`` (the workspace's, or a file given for its forms with ``generate
        --schema``) as the workspace's forms use it: refused when it differs from the same
        version issued (:meth:`check_version_kept`), with the workspace's own regions when it
        configures them."""
        self.check_version_kept(schema)
        regions = self.regions
        return schema.with_regions(regions) if regions else schema

    def unknown_settings(self) -> list[Said]:
        """What ``workspace.toml`` holds that formgen does not read, one text each, with the
        name meant (``[[region]]``: „gemeint: [[regions]]?“); it used to be left unsaid. It
        stays no error: a newer formgen's setting is read by this one as before."""
        out = [*self._unknown_keys()]
        for name, value in self.config.items():
            if name in _TABLES:
                continue
            close = difflib.get_close_matches(name.lower(), _TABLES, n=1)
            written = (
                f"[[{name}]]"
                if isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
                else f"[{name}]"
                if isinstance(value, dict)
                else f"{name} = {_toml(value)}"
            )
            out.append(
                Said(
                    "config_unknown",
                    path=str(self.root / CONFIG),
                    name=written,
                    hint=Said("config_meant", name=_TABLES[close[0]]) if close else "",
                    known=", ".join(_TABLES.values()),
                )
            )
        return out

    def _unknown_keys(self) -> Iterator[Said]:
        """The keys of ``[centre]``, ``[schema]`` and ``[smtp]`` that formgen does not read
        (``[centre] langauge``), each with the key meant, as :meth:`unknown_settings` says a
        table."""
        for table, keys in _KEYS.items():
            held = self.config.get(table)
            for key, value in held.items() if isinstance(held, dict) else ():
                if key in keys:
                    continue
                close = difflib.get_close_matches(key.lower(), keys, n=1)
                yield Said(
                    "config_unknown",
                    path=str(self.root / CONFIG),
                    name=f"[{table}.{key}]"
                    if isinstance(value, dict)
                    else f"[{table}] {key} = {_toml(value)}",
                    hint=Said("config_meant", name=f"[{table}] {close[0]}") if close else "",
                    known=f"[{table}] " + ", ".join(keys),
                )

    @property
    def regions(self) -> tuple[Choice, ...]:
        """The regions ``workspace.toml`` configures (``[[regions]]``); none: the schema's own.
        Each entry is its ``value`` and its name in one language or more (``de = "Düren"``),
        else an error of the file that shows the entry: ``name = "Düren"`` in place of ``de``
        was refused in English, an entry with a value only gave forms a nameless choice."""
        entries = self.config.get("regions") or []
        regions = []
        for n, entry in enumerate(entries if isinstance(entries, list) else [entries], 1):
            fields = entry if isinstance(entry, dict) else {}
            value = fields.get("value")
            labels = {k: v for k, v in fields.items() if k != "value"}
            if not (
                isinstance(value, str)
                and value.strip()
                and labels
                and all(
                    _LANGUAGE.fullmatch(k) and isinstance(v, str) and v.strip()
                    for k, v in labels.items()
                )
            ):
                written = ", ".join(f"{k} = {_toml(v)}" for k, v in fields.items()) or _toml(entry)
                path = str(self.root / CONFIG)
                raise WorkspaceError(Said("config_regions", path=path, n=n, entry=written))
            regions.append(Choice(value, Text(labels)))
        return tuple(regions)

    @property
    def secret(self) -> bytes:
        try:
            text = (self.root / SECRET).read_text("ascii").strip()
            return bytes.fromhex(text)
        except (OSError, ValueError):
            raise WorkspaceError(Said("ws_secret_damaged", path=str(self.root / SECRET))) from None

    # ------------------------------------------------------------------ paths

    @property
    def register_path(self) -> Path:
        return self.root / REGISTER

    @property
    def archive_dir(self) -> Path:
        return self.root / "archive"

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    @property
    def forms_dir(self) -> Path:
        return self.root / "forms"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def templates_dir(self) -> Path:
        """The workspace's own mail texts, ``<kind>.<lang>.txt``: each replaces the shipped one."""
        return self.root / "mail_templates"

    # ------------------------------------------------------------------ files written outside

    def wrote(self, path: Path, institution_id: str | None = None) -> None:
        """Remember a file written outside the workspace (:data:`WRITTEN`); one inside it is
        under ``forms/`` or ``exports/``, or where the coordinator put it, and not logged."""
        path = path.resolve()
        if path.is_relative_to(self.root.resolve()):
            return
        data = {"at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "path": str(path)}
        if institution_id:
            data["institution_id"] = institution_id
        line = json.dumps(data, ensure_ascii=False)
        try:
            line.encode()
        except UnicodeEncodeError:  # a folder named in another encoding (its bytes escaped)
            line = json.dumps(data)
        append_line(self.root / WRITTEN, line)

    def written_outside(self) -> list[dict[str, str]]:
        """Each file :meth:`wrote` logged, once, as it was last written (a damaged line is
        skipped)."""
        path = self.root / WRITTEN
        lines = path.read_text("utf-8", errors="replace").splitlines() if path.is_file() else []
        last: dict[str, dict[str, str]] = {}
        for line in lines:
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict) and isinstance(data.get("path"), str):
                last.pop(data["path"], None)
                last[data["path"]] = {k: str(v) for k, v in data.items()}
        return list(last.values())

    # ------------------------------------------------------------------ issued forms

    def record_issued(
        self,
        identities: Iterable[FormIdentity],
        made: Mapping[str, IssuedForm] | None = None,
        *,
        schema: Schema | None = None,
    ) -> None:
        """Remember generated forms, so that a printed copy's reference finds its identity.

        ``made``: instance id → what the form was made with and as (:class:`IssuedForm`): the
        register compares a return with the values it was sent with, and ingest knows the
        generated files themselves when they come back unfilled.

        An instance id issued before for another form is refused, before anything is written:
        a seed given again for other forms would repeat instance ids, and a printed copy's
        reference would then find the wrong form (and its values the wrong institution).

        ``schema``, the schema the forms were made from: its file is kept as
        ``schemas/<schema_id>/<version>.yaml`` (once per version), so that their returns are
        read with it after the workspace has moved on to a new schema version."""
        new: dict[str, FormIdentity] = {}
        known = self._issued_index()
        for ident in identities:
            earlier = new.get(ident.instance_id) or known.get(ident.instance_id)
            if earlier is not None and earlier != ident:
                whose = (
                    Said("ws_seed_institution", iid=earlier.institution_id)
                    if earlier.institution_id
                    else said_count("ws_seed_categories", len(earlier.categories))
                )
                said = Said("ws_seed_reused", ref=ident.reference, kind=earlier.kind, whose=whose)
                raise WorkspaceError(said)
            new[ident.instance_id] = ident
        if schema is not None:
            self._keep_schema(schema)
        path = self.root / ISSUED
        with open(path, "a+b") as fh:
            start_line(fh)
            for ident in new.values():
                data: dict[str, Any] = {
                    **ident.to_fields(),
                    "issued_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                }
                form = (made or {}).get(ident.instance_id)
                if form is not None and form.prefill:
                    data["prefill"] = dict(form.prefill)
                if form is not None and form.sha256:
                    data["sha256"] = list(form.sha256)
                if form is not None and form.languages_as_typed:
                    data["languages_as_typed"] = {
                        path: dict(words) for path, words in form.languages_as_typed.items()
                    }
                fh.write(json.dumps(data, ensure_ascii=False).encode() + b"\n")
            fh.flush()
            os.fsync(fh.fileno())

    @property
    def schema_file(self) -> Path:
        """The file the workspace's schema is read from (``[schema] path``, else the shipped one)."""
        path = self.config.get("schema", {}).get("path")
        return self.root / path if path else shipped_schema_path()

    def check_version_kept(self, schema: Schema) -> None:
        """Refuse ``schema`` (the workspace's, or a file given for its forms with
        ``generate --schema``) when its fields differ from those of the same version the
        workspace issued forms with: those forms would be read with fields they do not have."""
        kept = self._kept_path(schema.schema_id, schema.schema_version)
        if not kept.is_file():
            return  # no forms of this version issued
        with contextlib.suppress(OSError):
            if kept.read_bytes() == Path(schema.source).read_bytes():
                return  # the very file they were issued with
        try:
            issued = load_schema(kept)
        except SchemaError:
            return  # a copy formgen cannot compare with
        why = self._not_a_new_version(schema, issued)
        if why:
            raise WorkspaceError(SaidJoined((schema.source, why), ": "))

    def check_against_issued(self, schema: Schema) -> list[str]:
        """What is wrong with ``schema`` (a new version of the workspace's schema, say) for the
        forms the workspace issued (the versions kept in ``schemas/``): fields changed under a
        version already issued, and a ``renamed_from`` that names no field of those versions
        (a typo: the values under the old id would not be carried over)."""
        folder = self.root / SCHEMAS / schema.schema_id
        issued: dict[str, Schema] = {}
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
            with contextlib.suppress(SchemaError):
                issued[path.stem] = load_schema(path)
        same = issued.get(schema.schema_version)
        why = self._not_a_new_version(schema, same) if same else None
        out = [why] if why else []
        known = sorted({f.id for s in issued.values() for c in s.categories for f in c.fields})
        renames = {
            (f.id, old) for c in schema.categories for f in c.fields for old in f.renamed_from
        }
        for fid, old in sorted(renames):
            if issued and old not in known:
                out.append(
                    Said(
                        "schema_problem_rename_not_issued",
                        field=fid,
                        old=old,
                        versions=", ".join(issued),
                        hint=did_you_mean(old, known),
                    )
                )
        return out

    def _not_a_new_version(self, schema: Schema, issued: Schema) -> str | None:
        """Why ``schema`` cannot keep the version of ``issued`` (the kept copy of its version)
        when it asks other fields, with the next version not kept yet to give it instead;
        ``None`` when it asks the same."""
        changed = _changed_fields(issued, schema)
        if not changed:
            return None
        major, minor, _patch = schema.schema_version.split(".")[:3]
        kept = self._kept_path(schema.schema_id, schema.schema_version)
        minors = [int(minor)] + [
            int(part)
            for path in kept.parent.glob(f"{major}.*.yaml")
            if (part := path.stem.split(".")[1]).isdigit()
        ]
        return Said(
            "schema_problem_not_new_version",
            version=schema.schema_version,
            kept=str(kept),
            changed=SaidJoined(changed, "; "),
            next=f"{major}.{max(minors) + 1}.0",
        )

    def _kept_path(self, schema_id: str, version: str) -> Path:
        """Where the schema version forms were issued with is kept."""
        return self.root / SCHEMAS / schema_id / f"{version}.yaml"

    def _keep_schema(self, schema: Schema) -> None:
        """Keep the file ``schema`` was loaded from as ``schemas/<schema_id>/<version>.yaml``
        when no copy of that version is kept yet (:meth:`check_version_kept` has compared it
        with the copy there)."""
        kept = self._kept_path(schema.schema_id, schema.schema_version)
        source = Path(schema.source)
        if kept.exists() or not source.is_file():
            return  # kept before, or a schema built in memory: no file to keep
        mkdir_durable(kept.parent)
        write_atomic(kept, source.read_bytes())

    def issued(self) -> dict[str, FormIdentity]:
        """Every issued form by instance id (a damaged line is skipped; the rest still count)."""
        return dict(self._issued_index())

    def issued_prefill(self, instance_id: str) -> dict[str, Any] | None:
        """The values the form ``instance_id`` was prefilled with, if recorded (see
        :meth:`record_issued`); ``None`` for a blank form or one issued before formgen kept them."""
        self._issued_index()
        found = self._issued_read.prefills.get(instance_id)
        return dict(found) if found else None

    def issued_as_typed(self, instance_id: str) -> dict[str, dict[str, str]]:
        """Field path of a language list → code → the words the form ``instance_id`` showed the
        language by (:attr:`IssuedForm.languages_as_typed`); empty for a form that showed none,
        or was made before 2026-11-25 (the ticked box only)."""
        self._issued_index()
        return {
            path: {str(c): str(w) for c, w in words.items()}
            for path, words in self._issued_read.as_typed.get(instance_id, {}).items()
            if isinstance(words, dict)
        }

    def issued_erased(self, instance_id: str) -> dict[str, str]:
        """Field path → the fingerprint of each value the form ``instance_id`` was prefilled
        with that ``register erase`` erased after it was made (:func:`ingest.erase.fingerprint`)."""
        self._issued_index()
        return dict(self._issued_read.erased.get(instance_id, {}))

    def issued_at(self, instance_id: str) -> str | None:
        """When the form ``instance_id`` was generated (``2026-11-23T09:30:00+0100``, as
        ``issued.jsonl`` says it); ``None`` for a form the log does not know."""
        self._issued_index()
        return self._issued_read.issued_at.get(instance_id)

    def issued_file(self, sha256: str) -> FormIdentity | None:
        """The issued form whose generated file has this SHA-256 (a copy that came back
        exactly as formgen made it: a draft, a sent mail, an untouched attachment)."""
        index = self._issued_index()
        instance_id = self._issued_read.files.get(sha256)
        return index.get(instance_id) if instance_id else None

    def issued_files(self) -> frozenset[str]:
        """The SHA-256 of every file formgen generated for an issued form (the log read once,
        where :meth:`issued_file` per file would look it up again for each)."""
        self._issued_index()
        return frozenset(self._issued_read.files)

    def _issued_index(self) -> dict[str, FormIdentity]:
        """The issued forms: the log is read once, then only the lines appended since (by this
        or another formgen run); read again from the start when it was rewritten (``register
        erase``) or shorter."""
        read = self._issued_read
        path = self.root / ISSUED
        try:
            now = os.stat(path)
            if now.st_size == read.offset and now.st_ino == read.inode:
                return read.identities  # nothing appended since: one stat, not an open and read
            with open(path, "rb") as fh:
                stat = os.fstat(fh.fileno())
                if stat.st_size < read.offset or stat.st_ino != read.inode:
                    read = self._issued_read = _IssuedLog(inode=stat.st_ino)
                fh.seek(read.offset)
                tail = fh.read()
        except FileNotFoundError:
            return read.identities
        complete = tail[: tail.rfind(b"\n") + 1]  # a line still being written is read next time
        for line in complete.split(b"\n")[:-1]:
            read.lines += 1
            self._read_issued(line, read)
        read.offset += len(complete)
        return read.identities

    def _read_issued(self, line: bytes, read: _IssuedLog) -> None:
        """Take in one line of ``issued.jsonl`` (the ``read.lines``-th); one that cannot be read
        whole is said (:data:`tell_edited`, once a run) and kept in ``read.damaged``, what can
        be read of it taken in: its identity, or a whole line appended to it after a crash cut
        it short (:func:`glued_tails`)."""
        # formgen writes no empty line: one is a record emptied (by hand, a tool)
        ident, data, error = _issued_record(line) if line.strip() else (None, {}, Said("log_blank"))
        head = line
        for tail in glued_tails(line, _ISSUED_LINE) if ident is None else ():
            whole, record, more = _issued_record(tail)
            if whole is not None and more is None:  # a whole record after the cut: read
                ident, data, error = whole, record, Said("issued_glued", error=error or "")
                head = line[: len(line) - len(tail)]
                break
        if error is not None:
            named = _ISSUED_INSTANCE.search(head)
            iid = named.group(1).decode() if named else None
            read.damaged.append(DamagedLine(read.lines, iid, error))
            said = Said("regerr_warning", warning=self.issued_damage_said(read.damaged[-1]))
            tell_edited(said.in_language(self.language))
        if ident is None:
            return
        iid = ident.instance_id
        read.identities[iid] = ident
        prefill, files = data.get("prefill"), data.get("sha256")
        if isinstance(data.get("issued_at"), str):
            read.issued_at[iid] = data["issued_at"]
        if isinstance(prefill, dict):
            read.prefills[iid] = prefill
        if isinstance(data.get("languages_as_typed"), dict):
            read.as_typed[iid] = data["languages_as_typed"]
        if isinstance(data.get("erased"), dict):
            read.erased[iid] = data["erased"]
        for sha in files if isinstance(files, list) else ():
            read.files[str(sha)] = iid

    def issued_damaged(self) -> list[DamagedLine]:
        """The lines of ``issued.jsonl`` that cannot be read whole (said once a run as they
        are found, :data:`tell_edited`)."""
        self._issued_index()
        return list(self._issued_read.damaged)

    def issued_damage_said(self, damaged: DamagedLine) -> Said:
        """What a damaged line of ``issued.jsonl`` means and what to do."""
        form = reference(damaged.instance_id) if damaged.instance_id else ""
        return Said(
            "issued_damaged_line_form" if form else "issued_damaged_line",
            path=readable(self.root / ISSUED),
            n=damaged.n,
            error=damaged.error,
            form=form,
            root=shlex.quote(readable(self.root)),
            quarantine=shlex.quote(readable(self.quarantine_dir)),
        )

    # ------------------------------------------------------------------ one writer at a time

    def _remove_left_over(self) -> None:
        """Remove the temporary files a run killed while it wrote left behind (a 0-byte
        ``.register.json.4242.tmp``, an original half archived): in the workspace's folder,
        its archive and its quarantine only a run that holds the lock writes, so none of
        them is being written while this one holds it."""
        folders = [self.root, self.quarantine_dir, self.archive_dir]
        with contextlib.suppress(OSError):
            folders += [Path(e.path) for e in os.scandir(self.archive_dir) if e.is_dir()]
        for folder in folders:
            with contextlib.suppress(OSError), os.scandir(folder) as entries:
                for e in entries:
                    if _TEMP.fullmatch(e.name) and e.is_file(follow_symlinks=False):
                        with contextlib.suppress(OSError):
                            os.unlink(e.path)

    @contextlib.contextmanager
    def lock(self, wait: float | None = None) -> Iterator[None]:
        """Hold the workspace's write lock; wait up to ``wait`` seconds (:data:`LOCK_WAIT`),
        then fail clearly, saying which run holds it: the holder writes what it is into the
        lock file (:func:`_holder`). That it waits, and for which run, is told at once, in the
        workspace's language (:data:`tell_waiting`). Held by this process alone: a process forked meanwhile
        (an ingest worker) lets go of it (:data:`_HELD_LOCKS`). An ``flock``: it keeps out the
        runs of this computer only, never those of another one sharing the folder."""
        wait = LOCK_WAIT if wait is None else wait
        fh = _open_lock(self.root / LOCK)
        _HELD_LOCKS.add(fh)
        try:
            deadline = time.monotonic() + wait
            told = wait <= 0  # a run that does not wait has nothing to say before it fails
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise WorkspaceError(_in_use(self.root, fh, wait)) from None
                    if not told:
                        said = _in_use(self.root, fh, wait, "workspace_waits")
                        tell_waiting(said.in_language(self.language))
                        told = True
                    time.sleep(0.1)
            self._remove_left_over()
            _write_holder(fh, json.dumps(_holder(), ensure_ascii=False))
            try:
                yield
            finally:
                _write_holder(fh, "")  # no record of a run that ended
        finally:
            _HELD_LOCKS.discard(fh)
            fh.close()


LOCK_WAIT = 30.0
"""How long :meth:`Workspace.lock` waits for another run to finish, in seconds."""


def _tell_no_one(_text: str) -> None:
    """The library prints nothing (:data:`tell_waiting`)."""


tell_waiting: Callable[[str], None] = _tell_no_one
"""Told, in the workspace's language, that :meth:`Workspace.lock` waits for another run to
finish and for which, as soon as it starts waiting: the CLI prints it
(:func:`formgen.cli.common.warn_of_workspace`)."""

tell_edited: Callable[[str], None] = _tell_no_one
"""Told, in the workspace's language, that ``register.json`` was changed outside formgen
(:data:`ingest.register.EDITED`), each time the register is read, and each damaged line of
``issued.jsonl`` as it is read (:meth:`Workspace.issued_damaged`): the CLI prints each once a
run (:func:`formgen.cli.common.warn_of_workspace`)."""


def _open_lock(path: Path) -> IO[str]:
    """The lock file ``path``, opened (made where missing) to be written. One that is not a
    regular file is refused, never followed: written through, a link would empty the file it
    points to."""
    try:
        fh = open(  # noqa: SIM115 - kept open while the lock is held
            path,
            "a+",
            encoding="utf-8",  # the holder's record has „…“: not the locale's (Latin-1)
            opener=lambda name, flags: os.open(name, flags | os.O_NOFOLLOW, 0o666),
        )
    except OSError as exc:
        if exc.errno != errno.ELOOP:  # a link
            raise
        raise WorkspaceError(Said("workspace_lock_not_file", path=str(path))) from None
    if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # a named pipe, a device
        fh.close()
        raise WorkspaceError(Said("workspace_lock_not_file", path=str(path)))
    return fh


_COMMAND_WORD = re.compile(r"[a-z]+")
"""A word of the command line that may name a formgen command (``register``, ``erase``)."""


def _command() -> str:
    """The command this run was given, without what it was given: the command (its first two
    words where they may name one), the options by their names, each value and argument as
    „…“ (``formgen register erase … --note …``). The lock file holds it while the run lasts,
    and after a run that was killed: an argument, a note may name a person."""
    args = sys.argv[1:]
    words = 0
    while words < min(2, len(args)) and _COMMAND_WORD.fullmatch(args[words]):
        words += 1
    shown_args = [arg.split("=", 1)[0] if arg.startswith("-") else "…" for arg in args[words:]]
    kept = [a for i, a in enumerate(shown_args) if a != "…" or shown_args[i - 1 : i] != ["…"]]
    return " ".join(["formgen", *args[:words], *kept])


def _holder() -> dict[str, Any]:
    """What the lock file says of the run holding the lock: its command (:func:`_command`),
    since when, the computer, the user and the process."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this user id (a container)
        user = str(os.getuid())
    return {
        "command": _command(),
        "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "host": socket.gethostname(),
        "user": user,
        "pid": os.getpid(),
    }


def _write_holder(fh: IO[str], text: str) -> None:
    """Replace the lock file's text by ``text``; where it cannot be written (a full disk), the
    lock holds all the same, only a run waiting for it cannot say whose it is."""
    with contextlib.suppress(OSError):
        fh.seek(0)
        fh.truncate()
        fh.write(text)
        fh.flush()


def _in_use(root: Path, fh: IO[str], wait: float, key: str = "workspace_in_use") -> Said:
    """That the workspace in ``root`` is in use (the words ``key``: that the run waited for it
    and gives up; ``workspace_waits``: that it waits), and by which run where the holder's
    record (:func:`_holder`) says it (the words ``key_by``): an older formgen wrote none."""
    try:
        fh.seek(0)
        held = json.loads(fh.read(_HOLDER_MAX))
        args = {k: _one_line(held[k]) for k in ("command", "since", "host", "user", "pid")}
        return Said(f"{key}_by", root=str(root), wait=wait, **args)
    except (OSError, ValueError, TypeError, KeyError):
        return Said(key, root=str(root), wait=wait)


_HOLDER_MAX = 4096
"""How much of the lock file a waiting run reads: a record of :func:`_holder` is far shorter,
and a longer file (written by something else) is no record."""


def _one_line(value: object) -> str:
    """A field of the holder's record as one short line: control characters (a line break)
    as their escapes (:func:`shown`), at most 100 characters."""
    return shorten(shown(str(value)), len, 100)
