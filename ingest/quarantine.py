"""The workspace's quarantine, as read back: the record beside each copy, and what it holds.

The ingest pipeline (:mod:`ingest.pipeline`) keeps a return that was not merged (an unknown
form, a tampered identity, an unknown schema, a photo of the paper form …) as
``quarantine/<sha256><suffix>`` with its record ``<sha256>.json`` beside it: why, and every
arrival of the same content. ``formgen status`` counts the copies from here, and ``formgen
quarantine`` lists them with why in the workspace's language, without loading the pipeline.

A copy stays in the quarantine until a return merges it (ingesting the folder again), or a
coordinator deletes it (:func:`delete`: a private person's letter mailed to the centre, no
institution's): its record then keeps only that a file was deleted, when and why. It counts as
*dealt with* when

* a coordinator said so (:func:`mark_done`: the photo was typed into the institution's form,
  the sender was asked), with the note kept in its record (``dealt_with``); or
* the institution it came from — the form its record names was issued to it, or its mail came
  from the institution's address in the register — has had a return merged since it came in
  (:class:`Answered`): its answer is in the register. Not so a copy whose identity was
  tampered with or forged: that is for the sender to explain, whatever the institution answered.

A coordinator who marked the wrong file, or finds that the institution's answer did not hold
what the file held (a second service's form), counts it as open again (:func:`reopen`): the
mark undone is kept in the record (``reopened``), and only an answer merged after that counts.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from typing import Any

from formgen.errors import QuarantineLookupError
from formgen.identity import parse_reference
from formgen.messages import WORDS, Said, known_text, say
from formgen.workspace import Workspace, fsync_dir, write_atomic

SHORT = 8
"""Hex digits of a copy's SHA-256 that name it in ``formgen quarantine``; a start of at least
:data:`SHORTEST` names it for ``--done``."""
SHORTEST = 4


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


@dataclass(frozen=True)
class Answered:
    """The institution a kept-aside copy came from has answered since: a return of its was
    merged after the copy came in."""

    institution_id: str
    name: str
    """Its name as the register has it now."""
    at: str
    """When the register took that return (ISO, as the register writes it)."""


@dataclass(frozen=True)
class Kept:
    """A file kept aside in the quarantine, with its record."""

    copy: Path
    record: dict[str, Any]
    answered: Answered | None = None

    @property
    def number(self) -> str:
        """The short number it is named by (the start of its SHA-256)."""
        return self.copy.stem[:SHORT]

    @property
    def name(self) -> str:
        """The name it first came under (the file or attachment), else the copy's."""
        arrivals = self.record.get("arrivals") or [{}]
        return str(arrivals[0].get("file_name") or arrivals[0].get("file") or self.copy.name)

    @property
    def kind(self) -> str:
        """Why it was kept aside (``unknown-form``, ``picture``, ``part`` …; ``unknown`` where
        the record does not say)."""
        return str(self.record.get("kind") or "unknown")

    @property
    def by_hand(self) -> Mapping[str, Any] | None:
        """When a coordinator marked it dealt with (``at``) and their ``note``, or None."""
        done = self.record.get("dealt_with")
        return done if isinstance(done, dict) else None

    @property
    def reopened(self) -> Mapping[str, Any] | None:
        """When a coordinator last counted it as open again (``at``), their ``note`` and the
        mark that undid (``was``), or None."""
        again = self.record.get("reopened")
        last = again[-1] if isinstance(again, list) and again else None
        return last if isinstance(last, dict) else None

    @property
    def open(self) -> bool:
        """Still to be dealt with: neither marked by hand nor answered since."""
        return self.by_hand is None and self.answered is None

    def kind_word(self, lang: str) -> str:
        """:attr:`kind` in ``lang``; one formgen has no word for (a newer formgen wrote it) as
        stored."""
        return kind_word(self.kind, lang)

    def reason(self, lang: str) -> str:
        """Why it was kept aside, in ``lang`` as the ingest line said it; where the record (of
        an earlier formgen) has no words in ``lang``, the stored English, said in ``lang`` when
        it is exactly the English of words without args (:func:`~formgen.messages.known_text`)."""
        said = self.record.get("reason_in")
        if isinstance(said, dict) and isinstance(said.get(lang), str):
            return str(said[lang])
        if reason := self.record.get("reason"):
            return known_text(str(reason), lang)
        return str(self.record.get("damaged_record") or "")


def kind_word(kind: str, lang: str) -> str:
    """Why a file was kept aside (``picture`` …) in ``lang``: ``Foto oder Scan``; a kind formgen
    has no word for (a newer formgen wrote it) as stored."""
    key = f"status_quarantine_{kind}"
    return say(key, lang) if key in WORDS["en"] else kind


def kept(workspace: Workspace, register: Mapping[str, Any] | None = None) -> list[Kept]:
    """The files the workspace's quarantine holds (a record whose copy was removed by hand is
    left out), each judged answered or not by ``register`` (as ``register.json`` holds it;
    None: unknown, so none is)."""
    folder = workspace.quarantine_dir
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    records = {p.stem: p for p in files if p.suffix == ".json"}
    copies = [p for p in files if p.suffix != ".json" and p.stem in records]
    # judged by every form the workspace issued and every return merged: none read for none
    answered = _answered(workspace, (register or {}) if copies else {})
    out = []
    for copy in copies:
        record = read_record(records[copy.stem])
        out.append(Kept(copy, record, answered(record)))
    return out


def deleted(workspace: Workspace) -> list[tuple[str, Mapping[str, Any]]]:
    """The files of the quarantine deleted by :func:`delete`: each one's SHA-256 (the start of
    it its number) and ``deleted`` (``at``, ``note``), as its record keeps them (one that came
    in again since is :func:`kept`)."""
    folder = workspace.quarantine_dir
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    copies = {p.stem for p in files if p.suffix != ".json"}
    out: list[tuple[str, Mapping[str, Any]]] = []
    for record in (p for p in files if p.suffix == ".json" and p.stem not in copies):
        gone = read_record(record).get("deleted")
        if isinstance(gone, dict):
            out.append((record.stem, gone))
    return out


def by_kind(files: Iterable[Kept]) -> dict[str, int]:
    """How many of ``files`` were kept aside for each reason (:attr:`Kept.kind`), by kind."""
    return dict(sorted(Counter(k.kind for k in files).items()))


def _answered(
    workspace: Workspace, register: Mapping[str, Any]
) -> Callable[[Mapping[str, Any]], Answered | None]:
    """Whether the institution a record's copy came from has answered since it came in: a
    return of a form issued to it merged later (``register``'s sources say when)."""
    if not register:
        return lambda _record: None
    issued = workspace.issued()
    latest: dict[str, str] = {}
    for source in _values(register.get("sources")):
        form = issued.get(str(source.get("instance_id")))
        at = str(source.get("ingested_at") or "")
        if form is not None and form.institution_id and at > latest.get(form.institution_id, ""):
            latest[form.institution_id] = at
    addresses: dict[str, str] = {}
    names: dict[str, str] = {}
    for iid, inst in (register.get("institutions") or {}).items():
        held = inst.get("institution") if isinstance(inst, dict) else None
        own = {k: v.get("v") for k, v in held.items() if isinstance(v, dict)} if held else {}
        names[iid] = str(own.get("name") or "")
        if address := parseaddr(str(own.get("email") or ""))[1].lower():
            addresses[address] = iid

    def judge(record: Mapping[str, Any]) -> Answered | None:
        if record.get("kind") == "tampered":
            return None
        # since it came in, or since a coordinator counted it as open again (:func:`reopen`)
        moments = [a.get("quarantined_at") for a in record.get("arrivals", ())]
        moments += [r.get("at") for r in _list(record.get("reopened")) if isinstance(r, dict)]
        came = max((m for at in moments if (m := _moment(at))), default=None)
        form = issued.get(parse_reference(str(record.get("form") or "")) or "")
        whose = {form.institution_id} if form is not None and form.institution_id else set()
        for arrival in record.get("arrivals", ()):
            sender = parseaddr(str(arrival.get("mail_from") or ""))[1].lower()
            if sender in addresses:
                whose.add(addresses[sender])
        for iid in sorted(whose):
            at = _moment(latest.get(iid))
            if came is not None and at is not None and at > came:
                return Answered(iid, names.get(iid, ""), latest[iid])
        return None

    return judge


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _values(table: object) -> list[Mapping[str, Any]]:
    return [v for v in table.values() if isinstance(v, dict)] if isinstance(table, dict) else []


def _moment(text: object) -> dt.datetime | None:
    """A stored moment with its zone (``2026-11-27T08:00:01+0100``, ``…Z``), or None."""
    try:
        moment = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def local_day(at: object) -> str:
    """The day of a stored moment in this computer's time zone, to be said in a language
    later (:func:`~formgen.messages.in_language`; written as the language writes dates); as
    stored where it is no moment with a zone (a hand edit), "unknown" where there is none."""
    if at is None or at == "":
        return Said("status_quarantine_unknown")
    moment = _moment(at)
    try:
        return (
            Said("quarantine_day", day=moment.astimezone().date().isoformat())
            if moment
            else str(at)
        )
    except OverflowError:  # a moment at the calendar's edge: no day in this zone
        return str(at)


def find(workspace: Workspace, which: str) -> Kept:
    """The file of the quarantine ``which`` names: a start of its number (the copy's SHA-256,
    :data:`SHORTEST` digits at least), the copy's own file name or path, or the name it came
    under. Raises :class:`QuarantineLookupError` when it names none, or several."""
    which = which.strip()
    name = Path(which).name
    number = which.lower() if len(which) >= SHORTEST else None
    found = [
        k
        for k in kept(workspace)
        if (number and k.copy.stem.startswith(number))
        or k.copy.name == name
        or any(a.get("file_name") == which for a in k.record.get("arrivals", ()))
    ]
    root = str(workspace.root)
    if not found:
        gone = next((g for g in deleted(workspace) if number and g[0].startswith(number)), None)
        if gone is not None:  # a second --delete or --done of it
            day, note = local_day(gone[1].get("at")), str(gone[1].get("note") or "")
            raise QuarantineLookupError(
                Said("quarantine_deleted_already", id=gone[0][:SHORT], day=day, note=note)
            )
        raise QuarantineLookupError(Said("quarantine_unknown_id", id=which, root=root))
    if len(found) > 1:
        ids = ", ".join(f"{k.number} ({k.name})" for k in found)
        raise QuarantineLookupError(
            Said("quarantine_ambiguous", id=which, n=len(found), ids=ids, root=root)
        )
    return found[0]


def mark_done(workspace: Workspace, which: str, note: str) -> Kept:
    """Mark the file ``which`` names (:func:`find`) dealt with, today, with ``note`` (what was
    done: typed in, the sender asked); it stays in the quarantine. Raises
    :class:`QuarantineLookupError` when it was marked before (when, and the note, say so)."""
    with workspace.lock():
        found = find(workspace, which)
        if found.by_hand is not None:
            raise QuarantineLookupError(
                Said(
                    "quarantine_done_already",
                    id=found.number,
                    name=found.name,
                    day=local_day(found.by_hand.get("at")),
                    note=str(found.by_hand.get("note") or ""),
                )
            )
        record = {
            **found.record,
            "dealt_with": {"at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "note": note},
        }
        data = json.dumps(record, ensure_ascii=False, indent=2).encode()
        write_atomic(found.copy.with_suffix(".json"), data)
    return Kept(found.copy, record, found.answered)


def reopen(workspace: Workspace, which: str, note: str, register: Mapping[str, Any] | None) -> Kept:
    """Count the file ``which`` names (:func:`find`) as open again, with ``note`` (why): a
    :func:`mark_done` given to the wrong file is undone, and an institution's answer (judged by
    ``register``, as :func:`kept`) counts only when merged after this. The mark undone is kept
    in the record, under ``reopened`` with the moment and the note. Raises
    :class:`QuarantineLookupError` when the file is open (nothing to undo)."""
    with workspace.lock():
        plain = find(workspace, which)
        (found,) = [k for k in kept(workspace, register) if k.copy == plain.copy]
        if found.open:
            raise QuarantineLookupError(
                Said("quarantine_reopen_open", id=found.number, name=found.name)
            )
        if found.by_hand is not None:
            was = dict(found.by_hand)
        else:
            assert found.answered is not None  # not open: marked by hand, or answered
            was = {"answered_by": found.answered.institution_id, "at": found.answered.at}
        now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        record = {k: v for k, v in found.record.items() if k != "dealt_with"}
        record["reopened"] = [*_list(record.get("reopened")), {"at": now, "note": note, "was": was}]
        data = json.dumps(record, ensure_ascii=False, indent=2).encode()
        write_atomic(found.copy.with_suffix(".json"), data)
    return Kept(found.copy, record, None)


SIGNED = frozenset(
    {"unknown-schema", "unknown-category", "unread-copy", "unread-fields", "register", "merge"}
)
"""The kinds of file kept aside after its identity was found signed with the workspace's
secret (:func:`ingest.validate.check_identity`): a form of this workspace, as it issued it."""


def returned_by(workspace: Workspace, kept: Kept, register: Mapping[str, Any]) -> Said | None:
    """Whose return ``kept`` is, where it is a form this workspace issued, its identity signed
    with the workspace's secret: the institution's it was made for (its name as ``register``
    holds it, else as the form was prefilled), or a blank checklist's, filled by whoever had
    it; ``None`` for anything else (a stranger's letter, a tampered form, a test mail's)."""
    if kept.kind not in SIGNED:
        return None
    form = workspace.issued().get(parse_reference(str(kept.record.get("form") or "")) or "")
    if form is None:
        return None
    if not form.institution_id:
        return Said("quarantine_delete_return_checklist", form=form.reference)
    inst = (register.get("institutions") or {}).get(form.institution_id)
    held = inst.get("institution") if isinstance(inst, dict) else None
    name = held.get("name") if isinstance(held, dict) else None
    prefill = workspace.issued_prefill(form.instance_id) or {}
    shown = name.get("v") if isinstance(name, dict) else prefill.get("institution.name")
    iid = form.institution_id
    return Said("quarantine_delete_return", iid=iid, name=str(shown or "?"), form=form.reference)


def named_in_reports(workspace: Workspace, kept: Kept) -> list[Path]:
    """The ingest reports (``exports/ingest-*.txt``) that name ``kept``'s file as it came in:
    :func:`delete` leaves them as they are."""
    names = {
        str(a[k])
        for a in kept.record.get("arrivals", ())
        for k in ("file", "file_name")
        if a.get(k)
    }
    reports = sorted(workspace.exports_dir.glob("ingest-*.txt"))
    return [p for p in reports if any(n in p.read_text("utf-8", errors="replace") for n in names)]


def delete(
    workspace: Workspace, which: str, note: str, confirm: Callable[[Kept], bool] = lambda _k: True
) -> Kept | None:
    """Delete the file ``which`` names (:func:`find`) from the quarantine, asking ``confirm``
    first (``False``: nothing changed, ``None`` returned): a private person's letter or a
    document no institution sent. Its record keeps only why it was kept aside (its kind) and
    that it was deleted, when and ``note`` (why): the file's names, its sender, the mail's
    subject and date go with it. The record is written first, so that a crash leaves no
    details of a file deleted; the same command run again deletes the copy."""
    with workspace.lock():
        found = find(workspace, which)
        if not confirm(found):
            return None
        record = {
            "kind": found.kind,
            "deleted": {"at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "note": note},
        }
        data = json.dumps(record, ensure_ascii=False, indent=2).encode()
        write_atomic(found.copy.with_suffix(".json"), data)
        found.copy.unlink(missing_ok=True)
        fsync_dir(found.copy.parent)
    return found
