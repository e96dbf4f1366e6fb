"""Everything the workspace stores about a person: the answer to an access request (DSGVO Art. 15).

``formgen register find --all TEXT`` looks for TEXT (a name, an address, a phone number) in
every file formgen keeps in the workspace, not only in the values the register holds now:

* ``register.json``: the values now, earlier values (each institution's history), held
  conflicts and probable duplicates, and where each value came from (the returned file's name,
  the mail's sender, an import's note);
* ``journal.jsonl``: every change as it was written, line by line; so the copies ``register
  repair`` and ``register rebuild`` kept aside of it and of ``register.json`` (damaged, or
  changed outside formgen: :func:`ingest.journal.kept_aside`);
* ``quarantine/*.json``: the records of the files kept aside (their names, senders, subjects);
* the archived originals and quarantine copies that are Word or OpenDocument files: who they
  say wrote them and saved them last (``docProps/core.xml``, ``meta.xml``), a name no reader
  takes into the register;
* ``sendlog.jsonl`` (what was mailed to whom) and ``issued.jsonl`` (what each form was
  prefilled with), and the mails a form found there went out with (:func:`_mails`: round, day,
  address, sent or a draft), out of reach in the mailboxes they went to;
* the text files under ``exports/``: ingest reports, CSV and JSON exports, line by line.

It is matched as ``register find`` matches (:func:`ingest.search.matcher`: case, accents and
the way the letters were stored, NFC or NFD, do not matter; every word must be in the same
value here), and a phone number by its digits (``0211 9876543`` and ``+49 (0)211 9876543``
find ``+49 211 9876543``); a name of several words also by its :func:`parts` on their own
(a mail from „Z. Wiśniewska“ names „Zofia Wiśniewska-Łęcka“ so), each such place marked
:attr:`Place.partial`. What is not searched is said by :func:`not_searched`: the content
of the archived originals and quarantine copies, the forms and the PDF and XLSX files formgen
made, and the drafts outside the workspace.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from formgen.identity import parse_reference, reference
from formgen.sendlog import SENDLOG, SendLog
from formgen.workspace import ISSUED, REGISTER, Workspace
from ingest.docx_reader import written_by
from ingest.journal import JOURNAL, archive_path, kept_aside
from ingest.register import IMPORT
from ingest.search import matchers

TEXT_EXPORTS = (".txt", ".csv", ".json")
"""Files under ``exports/`` searched line by line; the others (PDF prints, XLSX tables) are
made from the register and named by :func:`not_searched`."""


@dataclass(frozen=True)
class Place:
    """One place the text was found."""

    where: str
    """What kind of place: ``value`` (the register's value now), ``earlier`` (a value replaced
    since, in the history), ``held`` (a held conflict or probable duplicate), ``source``
    (where values came from), ``journal``, ``aside`` (a copy of ``register.json`` that
    ``register repair`` or ``register rebuild`` kept aside), ``quarantine``, ``property`` (who
    a Word or OpenDocument file in the archive or the quarantine says wrote it, saved it last:
    :attr:`field` ``creator``, ``lastModifiedBy``, ``initial-creator``), ``sendlog``,
    ``issued``, ``mail`` (a mail, sent or written as a draft, with a form ``issued`` holds it
    in: :attr:`field` ``sent``, ``draft`` or ``maybe_sent`` (a run ended while it went to the
    server), :attr:`about` its round, :attr:`text` the address it went to), ``export``."""
    file: str
    """The file that holds it, relative to the workspace."""
    text: str
    """The stored text that matched."""
    institution_id: str | None = None
    field: str | None = None
    """The field path (``psychotherapie.contact_name``) or the record's key (``mail_from``)."""
    at: str | None = None
    """When it was stored, read, mailed or issued (ISO, as stored)."""
    about: str | None = None
    """What the place is about: the returned file's name, a quarantined file's number and
    name, a mail round, a form's reference, a journal operation."""
    line: int | None = None
    """The line of :attr:`file` (a JSON Lines file, a text export)."""
    until: str | None = None
    """An earlier value: when it was replaced (ISO, as the history stores it); its
    :attr:`at` and :attr:`about` say since when it was stored and from which return, list or
    note (its source), as for a value now."""
    by: str | None = None
    """Who changed the register there (the login name the journal recorded,
    :func:`ingest.journal.user`): set a value now, replaced an earlier one, wrote a
    revision's note; ``None`` for a return's values (the institution's) and where a formgen
    before recorded none."""
    partial: str | None = None
    """The part of a name of several words (``Wiśniewska`` of „Zofia Wiśniewska-Łęcka“) that
    this place holds, where it does not hold the whole name (:func:`parts`)."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


Which = Callable[[str], tuple[bool, ...]]
"""Which of the texts looked for a stored text holds (:func:`ingest.search.matchers`)."""
Found = Iterator[tuple[int, Place]]
"""Places, each with the number of the text looked for that it holds."""


def _leaves(data: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every text in ``data`` with the key it stands under (a list's items under the list's)."""
    if isinstance(data, dict):
        for k, v in data.items():  # a stored value's text and value: under its field's key
            yield from _leaves(v, key if k in ("raw", "v") and key else str(k))
    elif isinstance(data, list):
        for v in data:
            yield from _leaves(v, key)
    elif isinstance(data, str):
        yield key, data


def _held(text: str, which: Which) -> list[int]:
    """The numbers of the texts looked for that ``text`` holds."""
    held = which(text)
    return [i for i, hit in enumerate(held) if hit] if any(held) else []


def _found(data: Any, which: Which) -> dict[int, tuple[list[str], str]]:
    """For each text looked for that ``data`` holds: the keys under which it holds it, and the
    first such text."""
    found: dict[int, tuple[dict[str, None], str]] = {}
    for key, text in _leaves(data):
        for i in _held(text, which):
            found.setdefault(i, ({}, text))[0][key] = None
    return {i: (list(keys), first) for i, (keys, first) in found.items()}


def _value(stored: Any) -> str:
    """A stored value's text as typed (``raw``), else its value."""
    if not isinstance(stored, dict):
        return ""
    raw = stored.get("raw") if stored.get("raw") is not None else stored.get("v")
    return ", ".join(map(str, raw)) if isinstance(raw, list) else str(raw or "")


def _lines(path: Path) -> Iterator[tuple[int, Any, str]]:
    """Each line of a JSON Lines file: its number, what it holds (``None``: no JSON, a damaged
    line, searched as text) and the line."""
    if not path.is_file():
        return
    text = path.read_text("utf-8", errors="replace")
    # a line ends at its line end only: not at a U+2028 or NEL a value holds (JSON keeps them)
    for n, line in enumerate(text.removesuffix("\n").split("\n") if text else (), 1):
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            data = None
        yield n, data, line


def _in_lines(
    path: Path, where: str, which: Which, describe: Callable[[Any], dict[str, Any]]
) -> Found:
    name = path.name
    for n, data, line in _lines(path):
        found = _found(line if data is None else data, which)  # a damaged line: as text
        more = describe(data) if found and isinstance(data, dict) else {}
        for i, (keys, text) in found.items():
            yield i, Place(where, name, text, field=", ".join(keys) or None, line=n, **more)


def _register(ws: Workspace, which: Which) -> Found:
    path = ws.root / REGISTER
    if not path.is_file():
        return
    text = path.read_text("utf-8", errors="replace")
    try:
        places = list(_register_places(ws, json.loads(text), which))
    except (ValueError, AttributeError, TypeError):
        # damaged, or edited by hand into another shape: an access request is answered all the
        # same, every line of the file searched as text
        places = [
            (i, Place("value", REGISTER, line.strip(), line=n))
            for n, line in enumerate(text.splitlines(), 1)
            for i in _held(line, which)
        ]
    yield from places


def _register_places(ws: Workspace, reg: Any, which: Which) -> Found:
    sources = reg.get("sources") or {}

    def origin(stored: Any) -> dict[str, Any]:
        src = sources.get(stored.get("src")) if isinstance(stored, dict) else None
        if not isinstance(src, dict):
            return {}
        return {"at": src.get("ingested_at"), "about": src.get("file_name") or src.get("note")}

    def by(revision: Any) -> str | None:
        """Who made ``revision``, where a coordinator did (none for a return's)."""
        return revision.get("by") if isinstance(revision, dict) else None

    for iid, inst in (reg.get("institutions") or {}).items():
        made = {h.get("rev"): h for h in inst.get("history") or () if h.get("changes")}
        now = [(f"institution.{k}", v) for k, v in (inst.get("institution") or {}).items()]
        for cid, entry in (inst.get("entries") or {}).items():
            now += [(f"{cid}.{k}", v) for k, v in (entry.get("fields") or {}).items()]
        for field, stored in now:
            for i in _held(text := _value(stored), which):
                rev = stored.get("rev") if isinstance(stored, dict) else None
                place = Place("value", REGISTER, text, iid, field, by=by(made.get(rev)))
                yield i, replace(place, **origin(stored))
        for revision in inst.get("history") or ():
            at = revision.get("at")
            for field, old, _new in revision.get("changes") or ():
                for i in _held(text := _value(old), which):
                    since = origin(old)  # since when, from which file: its source's
                    place = Place("earlier", REGISTER, text, iid, field, until=at)
                    place = replace(place, by=by(revision))
                    yield i, replace(place, **since)
            said = {k: v for k, v in revision.items() if k != "changes"}
            for i, (keys, text) in _found(said, which).items():
                place = Place("earlier", REGISTER, text, iid, ", ".join(keys), at)
                yield i, replace(place, by=by(revision))
    for kind in ("conflicts", "duplicates"):
        for number, held in (reg.get(kind) or {}).items():
            for i, (keys, text) in _found(held, which).items():
                iid = held.get("institution_id") or held.get("candidate")
                field = held.get("path") or ", ".join(keys)
                yield i, Place("held", REGISTER, text, iid, field, held.get("at"), number)
    for sha, src in sources.items():
        for i, (keys, text) in _found(src, which).items():
            kept = archive_path(ws, sha)
            about = str(src.get("file_name") or "")
            if kept.is_file():
                about += f" ({kept.relative_to(ws.root)})"
            at = src.get("ingested_at")
            yield i, Place("source", REGISTER, text, None, ", ".join(keys), at, about)


def _registers_aside(ws: Workspace, which: Which) -> Found:
    """The copies of ``register.json`` that ``register repair`` and ``register rebuild`` kept
    aside (damaged, or changed outside formgen), line by line as text (what they hold need
    not be a register), a character JSON writes as ``\\u0142`` as the character."""
    for path in kept_aside(ws):
        if path.name.startswith(REGISTER):
            text = path.read_text("utf-8", errors="replace")
            for n, line in enumerate(map(_unescaped, text.splitlines()), 1):
                for i in _held(line, which):
                    yield i, Place("aside", path.name, line.strip(), line=n)


def _unescaped(text: str) -> str:
    """``text`` with JSON's ``\\u`` escapes (``\\u0141\\u0119``, a pair for a character
    beyond U+FFFF) as the characters they stand for."""
    return _ESCAPES.sub(lambda m: json.loads(f'"{m.group()}"'), text)


_ESCAPES = re.compile(r"(?:\\u[0-9a-fA-F]{4})+")


def _properties(ws: Workspace, which: Which) -> Found:
    """Who the archived originals and quarantine copies that are Word or OpenDocument files
    say wrote them and saved them last (:func:`ingest.docx_reader.written_by`): a person's
    name that no reader takes into the register."""
    for path in (*_files(ws.archive_dir), *_files(ws.quarantine_dir)):
        for key, text in _written_by(path):
            for i in _held(text, which):
                yield i, Place("property", str(path.relative_to(ws.root)), text, field=key)


def _written_by(path: Path) -> list[tuple[str, str]]:
    """:func:`ingest.docx_reader.written_by` of the file at ``path``, where it is a ZIP."""
    with path.open("rb") as fh:
        if fh.read(2) != b"PK":
            return []
    return written_by(path.read_bytes())


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _quarantine(ws: Workspace, which: Which) -> Found:
    folder = ws.quarantine_dir
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        text = path.read_text("utf-8", errors="replace")
        try:
            record = json.loads(text)
        except json.JSONDecodeError:
            record = text
        if not (found := _found(record, which)):
            continue
        first = (record.get("arrivals") or [{}])[0] if isinstance(record, dict) else {}
        first = first if isinstance(first, dict) else {}
        about = f"{path.stem[:8]} {first.get('file_name') or ''}".strip()
        for i, (keys, held) in found.items():
            yield (
                i,
                Place(
                    "quarantine",
                    str(path.relative_to(ws.root)),
                    held,
                    field=", ".join(keys),
                    at=first.get("quarantined_at"),
                    about=about,
                ),
            )


def _exports(ws: Workspace, which: Which) -> Found:
    folder = ws.exports_dir
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.suffix.lower() not in TEXT_EXPORTS or not path.is_file():
            continue
        text = path.read_text("utf-8-sig", errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            for i in _held(line, which):
                yield i, Place("export", str(path.relative_to(ws.root)), line.strip(), line=n)


def parts(text: str) -> list[str]:
    """The parts of a name of several words to look for on their own: each word and each part
    of a hyphenated word of at least 4 letters (``Zofia``, ``Wiśniewska``, ``Łęcka`` of „Zofia
    Wiśniewska-Łęcka“): a return mailed as „Z. Wiśniewska“ holds her surname only. None of an
    address or a number."""
    if "@" in text or any(c.isdigit() for c in text):
        return []
    pieces = [p for w in text.split() for p in w.split("-")]
    if len(pieces) < 2:
        return []
    return list(dict.fromkeys(p for p in pieces if sum(c.isalpha() for c in p) >= 4))


def look(ws: Workspace, text: str) -> list[Place]:
    """Every place of the workspace that holds ``text`` (see the module docstring); then, for
    a name of several words, every other place that holds one of its :func:`parts`, marked
    :attr:`Place.partial`: the workspace read once, for all of them."""
    texts = [text, *parts(text)]
    # a damaged line of issued.jsonl said (:data:`formgen.workspace.tell_edited`): the mails
    # of a form it held are not found (searched as text, it is one of the places all the same)
    ws.issued_damaged()
    found = sorted(_look(ws, matchers(texts)), key=lambda f: f[0])  # the whole text's first
    places = [place for i, place in found if i == 0]
    seen = set(map(_spot, places))
    for i, place in found:
        if i and _spot(place) not in seen:
            seen.add(_spot(place))
            places.append(replace(place, partial=texts[i]))
    return places + _mails(ws, places)


def _mails(ws: Workspace, places: list[Place]) -> list[Place]:
    """The mails (sent, written as drafts, or handed to the server by a run that ended before
    its answer was logged) that had one of the forms of ``places`` attached:
    out of formgen's reach, in the mailboxes they went to; partial where each of their forms'
    places is."""
    forms: dict[str, str | None] = {}  # a form's instance id: the part its place holds
    for p in places:
        form = parse_reference(p.about or "") if p.where == "issued" else None
        if form is not None and (form not in forms or p.partial is None):
            forms[form] = p.partial
    found = []
    for d in SendLog(ws.root).deliveries():
        held = [i for i in d.instance_ids if i in forms]
        if (d.delivered or d.maybe_sent_at) and held:  # one never confirmed may have gone
            how = "sent" if d.sent_at else "draft" if d.drafted_at else "maybe_sent"
            at = d.delivered_at or d.maybe_sent_at
            part = None if any(forms[i] is None for i in held) else forms[held[0]]
            mail = Place("mail", SENDLOG, d.email, d.institution_id, how, at, d.round)
            found.append(replace(mail, partial=part))
    return found


def _spot(place: Place) -> Place:
    """Where ``place`` is, whatever text of it matched: a value by its field, a line, a
    source or a quarantine record as a whole."""
    whole = place.line is not None or place.where in ("source", "quarantine")
    return replace(place, text="", field=None if whole else place.field)


def _look(ws: Workspace, which: Which) -> list[tuple[int, Place]]:
    """Every place of the workspace that holds one of the texts ``which`` looks for, with the
    number of that text, in the order :data:`WHERE` lists them (a place that holds several:
    once for each)."""
    root = ws.root

    def sent(line: dict[str, Any]) -> dict[str, Any]:
        return {
            "institution_id": line.get("institution_id"),
            "at": line.get("at"),
            "about": line.get("round"),
        }

    def issued(line: dict[str, Any]) -> dict[str, Any]:
        iid = str(line.get("formgen.instance_id") or "")
        return {
            "institution_id": line.get("formgen.institution_id") or None,
            "at": line.get("issued_at"),
            "about": reference(iid) if iid else None,
        }

    def journaled(line: dict[str, Any]) -> dict[str, Any]:
        submission = line.get("submission")
        identity = submission.get("identity") if isinstance(submission, dict) else None
        named = identity.get("formgen.institution_id") if isinstance(identity, dict) else None
        iid = line.get("target") or named or None
        provenance = submission.get("provenance") if isinstance(submission, dict) else None
        listed = isinstance(provenance, dict) and provenance.get("reader") == IMPORT
        return {
            "institution_id": iid,
            "at": line.get("at"),
            # a list 'register import' merged is said as its command says it
            "about": f"{IMPORT if listed else line.get('op')} #{line.get('seq')}",
        }

    return [
        *_register(ws, which),
        *_in_lines(root / JOURNAL, "journal", which, journaled),
        # a damaged journal 'register repair' kept aside
        *(
            place
            for kept in sorted(root.glob(f"{JOURNAL}.damaged-*"))
            for place in _in_lines(kept, "journal", which, journaled)
        ),
        *_registers_aside(ws, which),
        *_quarantine(ws, which),
        *_properties(ws, which),
        *_in_lines(root / SENDLOG, "sendlog", which, sent),
        *_in_lines(root / ISSUED, "issued", which, issued),
        *_exports(ws, which),
    ]


WHERE = (
    "value",
    "earlier",
    "held",
    "source",
    "journal",
    "aside",
    "quarantine",
    "property",
    "sendlog",
    "issued",
    "mail",
    "export",
)
"""The kinds of :attr:`Place.where`, in the order the places are listed."""


def not_searched(ws: Workspace) -> dict[str, int]:
    """How many files of each kind the search does not look into: archived originals,
    quarantine copies, forms made and PDF or XLSX exports (the drafts of ``mail --drafts`` lie
    outside the workspace)."""

    def count(folder: Path, keep: Callable[[Path], bool]) -> int:
        return (
            sum(1 for p in folder.rglob("*") if p.is_file() and keep(p)) if folder.is_dir() else 0
        )

    return {
        "archive": count(ws.archive_dir, lambda _p: True),
        "quarantine": count(ws.quarantine_dir, lambda p: p.suffix != ".json"),
        "forms": count(ws.forms_dir, lambda _p: True),
        "exports": count(ws.exports_dir, lambda p: p.suffix.lower() not in TEXT_EXPORTS),
    }
