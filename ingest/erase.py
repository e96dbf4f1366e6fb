"""Erase a person's data from the workspace (``formgen register erase``; DSGVO Art. 17).

A contact person who left an institution asks the coordination centre to delete their name,
phone number and address. :func:`erase` removes every value an institution's field ever held —
the current one and every earlier one — from everything the workspace keeps:

* the register and the journal: each erased value becomes a numbered marker
  (:data:`formgen.record.ERASED`; values that differed still differ, so the journal replays to
  the same register; so does a merge's ``named``, the name a checklist row took a round's id
  by: :func:`_named_again`), the journal is written again atomically with an ``erase``
  operation at its end (lines it does not touch stay byte for byte), and ``register.json`` is
  made again from it; that journal is replayed from the start first (:func:`_replayed`, as
  ``register rebuild`` does), and an erasure it would not make again with the same
  institutions under the same ids deletes and writes nothing; held conflicts on the field are
  dropped; a return marked keeps a keyed hash of what it said (``keyed``:
  :func:`ingest.register.content_hash`), so that a copy of its file saved again is still one
  ingested already;
* the institution's archived originals (the journal says which returns, lists and checklists
  brought it values) that carry a value, or that say a person of an erased name wrote or saved
  them (a Word file's ``lastModifiedBy``: :func:`_filled_in`): deleted (a value cannot be cut
  out of a PDF reliably). Their journaled submissions stay, so ``register rebuild`` still
  works, and ``rebuild --reread`` takes the journal's copy of an erased original. A checklist
  naming several institutions goes too: the others keep their values, only the file goes;
* the send log: the institution's entries with the value (its address) get the marker, where
  they hold it written otherwise too (``--text Yilmaz``: „Praxis Yılmaz“), as the register's;
* the copies ``register repair`` and ``register rebuild`` kept aside (a damaged journal, a
  damaged or hand-edited ``register.json``): the values marked in them as in the journal and
  the register, their damage as text (:func:`_aside`); kept, for what they show of what was
  lost or changed;
* the mail drafts of its rounds (``formgen mail --drafts``: the ``.eml`` files the send log
  names) that carry a value, in their text or the form attached: deleted where the send log
  shows they are this workspace's, else named (:attr:`Erasure.unproven`); one the send log
  names that is not where it says is named, to be deleted by hand; a test's drafts (``mail
  --test-to``) are named, never deleted;
* the mails of its rounds, sent, written as drafts or handed to the server by a run that
  ended before its answer was logged, whose forms were prefilled with a value or that went to
  an erased address: named with their round, day and address, out of reach
  in the mailboxes they went to; the files formgen wrote outside the workspace (``--out``,
  ``--output``, ``-o``: :meth:`formgen.workspace.Workspace.written_outside`), of the
  institution or the whole register, that hold a value: named, with the day, never deleted;
  those no longer there named as such;
* quarantine copies that came from the institution (its form's reference, or a mail from an
  address it has or had): deleted, whatever they show (a scan formgen cannot read); a copy of
  unknown origin that carries a value: deleted too;
* ``issued.jsonl``: the values the institution's forms were prefilled with at the erased paths
  get the marker, and the form a :func:`fingerprint` of each, so that a form made before the
  erasure and returned with the erased value as it was prefilled does not bring it back
  (:func:`left_out`; nor is that file archived), while a value typed anew on it is merged as
  any other;
* files formgen made (``exports/``, ``forms/``) that contain a value: listed, and deleted only
  with the coordinator's confirmation; a print or table of the whole register goes too, named
  with the command that makes it again (:func:`made_again`).
* the folders an ingest run killed outright left in the temporary folder with the files it
  took apart (:func:`ingest.spool.abandoned`): deleted, as the next ingest would.

Files of other institutions (their returns, their forms, copies of them kept aside) stay, also
when they hold the same text among their own values: two contact persons of the same name are
two people. The other institutions whose values hold the text are named
(:attr:`Erasure.elsewhere`), so that the coordinator erases there too where it is the same
person; so are the institution's own other fields that hold it (:attr:`Erasure.within`: a free
text naming the contact person), kept whole everywhere until erased too. What the
institution's own returns that brought or held a value say of who sent them (the file's name,
the mail's sender, subject and file: :data:`_WRITTEN_BY`) goes whole, whatever it holds: a
contact person mails her form back from a private address under a short form of her name
(:attr:`Erasure.provenance`); quarantine copies mailed from those senders go as the
institution's, and files formgen made that name those files or senders as made files holding a
value. A list or checklist that brought other institutions values too keeps them, but for a
value in them, also written otherwise (``Liste_OKSANA_PETRENKO.csv``:
:func:`_loosely_replaced`); its sender named by an erased value goes whole, its address too.

A file "contains" a value when its bytes hold it as UTF-8, UTF-16 (as PDFs and Word store
text) or with XML character references (``Y&#305;lmaz``, as XLSX cells), a text (an ingest
report, a table, an XLSX cell), a PDF's strings (a form's fields) also as whole words written
otherwise (``Lebenslauf_oksana_petrenko.pdf``, ``YILMAZ`` for „Yılmaz“: :func:`_text_holds`, as
the register's values are erased: :func:`formgen.fold.fold`), in a PDF's decompressed streams,
in the text a reader extracts from a PDF without form fields (the printed register, folded
alike), or in a ZIP member (DOCX, XLSX, ODT).
Values shorter than :data:`MIN_NEEDLE` characters are looked for in the journal only (in files
they would match by chance); a ``--text`` that short (initials, „Öz“) is erased only where it
stands as a word of its own, as typed, in the register, the journal and ``issued.jsonl``, and
the confirmation shows each place (:attr:`Erasure.hits`); the archived originals of the returns
it came from (typed, or prefilled on the form) go as for a value (``rebuild --reread`` would read
it from them again), no other file is looked in for it (nor in the send log).
"""

from __future__ import annotations

import email
import email.errors
import email.header
import email.message
import email.policy
import hashlib
import hmac
import html
import html.entities
import io
import json
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from email.utils import parseaddr
from functools import cache
from pathlib import Path
from typing import Any

import pdfminer.psparser
import pdfplumber
import pikepdf
import pypdfium2
from pdfminer.layout import LTChar, LTContainer

from formgen.errors import RegisterError
from formgen.fold import UMLAUTS, fold, same_letters, search_folds
from formgen.identity import parse_reference
from formgen.messages import Said
from formgen.model import INSTITUTION
from formgen.record import ERASED, ERASED_MARK
from formgen.sendlog import SENDLOG, TEST_DRAFTS, SendLog
from formgen.workspace import ISSUED, Workspace, fsync_dir, write_atomic
from ingest import journal, quarantine, spool
from ingest.access import parts
from ingest.docx_reader import written_by
from ingest.printed import extracted, visual
from ingest.register import (
    EDITED,
    IMPORT,
    KEYED,
    SPLIT,
    Json,
    MergeOutcome,
    Register,
    as_stored,
    content_hash,
    entry_values,
    is_erased,
    name_line,
    now_iso,
    split_path,
    under,
    value_key,
)
from ingest.submission import Checked, Submission
from ingest.validate import sent_values

MIN_NEEDLE = 3
"""Erased values shorter than this are not looked for inside files (see the module docstring);
a ``--text`` this short (initials, „Öz“) is erased only as a word of its own (:func:`_as_word`)."""


def _as_word(text: str) -> re.Pattern[str]:
    """``text`` where it stands as a word of its own, as typed: initials („Öz“, „OK“) erased
    inside a note, never inside another word („Özdemir“, „OKSANA“), where they would be found
    by chance (why :data:`MIN_NEEDLE` exists)."""
    return re.compile(rf"(?<![^\W_]){re.escape(text)}(?![^\W_])")


@dataclass(frozen=True)
class Original:
    """An archived original (or quarantine copy) that carries an erased value."""

    path: Path
    sha256: str
    file_name: str
    others: tuple[str, ...]
    """Other institutions whose values came from it: they lose the original, not the values."""


@dataclass(frozen=True)
class Mail:
    """A mail of one of the institution's rounds that held an erased value: out of the
    erasure's reach, in the mailboxes it went to (:attr:`Erasure.mails`)."""

    round: str
    at: str
    """When it was sent, or written as a draft (ISO, as the send log says it)."""
    to: str
    """The address it went, or was to go, to (``""``: none the log keeps)."""
    sent: bool
    """Sent through SMTP; else a draft the coordinator may have sent from the mail program."""
    maybe: bool = False
    """Its sending was never confirmed: a run handed it to the SMTP server and ended before
    the server's answer was logged (:attr:`formgen.sendlog.Delivery.maybe_sent_at`); it may
    have gone (:attr:`at`: when it began to go)."""


@dataclass(frozen=True)
class Erasure:
    """What :func:`erase` erases (or erased) for one institution."""

    institution_id: str
    name: str
    """Its name on one line (:func:`ingest.register.name_line`): before the erasure, and as
    it is after it where :func:`erase` returns it (a text erased in it marked)."""
    paths: tuple[str, ...]
    values: tuple[str, ...]
    """The erased values as typed (shown masked: :func:`mask`)."""
    revisions: int
    conflicts: int
    duplicates: int
    operations: int
    """Journal operations written again."""
    originals: tuple[Original, ...]
    quarantine: tuple[Original, ...]
    made: tuple[Path, ...]
    """Files formgen made (exports, prints, forms) that contain a value."""
    sendlog: int
    """Send log entries that name a value."""
    drafts: tuple[Path, ...] = ()
    """The institution's mail drafts (``.eml``) that carry a value."""
    missing: tuple[str, ...] = ()
    """The institution's mail drafts the send log names that are not where it says."""
    unproven: tuple[Path, ...] = ()
    """The institution's mail drafts that carry a value but are not shown to be this
    workspace's: named, not deleted (a copy of a workspace names the original's drafts; an
    older formgen logged a draft's path relative to the folder ``formgen mail`` ran in)."""
    mails: tuple[Mail, ...] = ()
    """The institution's mails (sent, or written as drafts) whose forms were prefilled with an
    erased value, or that went to an erased address: named, out of reach."""
    outside: tuple[tuple[str, str], ...] = ()
    """The files formgen wrote outside the workspace (``--out``, ``--output``, ``-o``: its forms,
    prints and tables of the whole register) that hold a value, each with when it was written:
    named, never deleted (the coordinator chose where they went)."""
    outside_gone: tuple[tuple[str, str], ...] = ()
    """Those files (of the institution or the whole register) no longer where formgen wrote
    them: named, with when, for a copy or a move to be found by hand."""
    test_drafts: tuple[str, ...] = ()
    """The drafts of tests for the institution (``formgen mail --test-to --drafts``) that are
    still where they were written: named, never deleted (a test's forms are nobody's)."""
    gone: tuple[str, ...] = ()
    """The SHA-256 of originals that carried a value and are no longer in the archive (deleted
    by an erasure a crash interrupted before it wrote the journal)."""
    elsewhere: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Other institutions whose values (now or in their history) hold an erased value's text,
    with the paths where: not erased there, their files kept."""
    within: tuple[str, ...] = ()
    """The institution's other fields whose values (now or earlier) hold an erased value's text
    (a free text naming the contact person): not erased, unless erased too."""
    spools: tuple[Path, ...] = ()
    """Folders an ingest run killed outright left with the files it took apart
    (:func:`ingest.spool.abandoned`, any workspace's: what they hold is not known): deleted."""
    provenance: tuple[tuple[str, str], ...] = ()
    """What its own returns that brought or held a value said of who sent them (``file_name``,
    ``container``, ``mail_from``, ``mail_subject``, each with its text): erased whole
    (:data:`_WRITTEN_BY`)."""
    shown: tuple[tuple[str, str, bool], ...] = ()
    """Each erased value as typed with the path it is (or was) held at and whether it is the
    current value there: what the confirmation shows (:func:`shortened`)."""
    inner: tuple[str, ...] = ()
    """The texts erased inside the institution's notes and values (``--text``: her surname)."""
    hits: tuple[tuple[str, str, str, str], ...] = ()
    """Each place a ``--text`` shorter than :data:`MIN_NEEDLE` (initials) is erased in the
    register: the text, the kind of place (``value``, ``note``, a source's ``file_name`` …),
    where (a field's path, a revision) and the text around it: what the confirmation shows,
    place by place (:func:`_hits`)."""
    noted: tuple[str, ...] = ()
    """Erased values and parts of them (her surname: :func:`ingest.access.parts`) that the
    institution's notes (``register set``, ``confirm``, an erasure's) or its other fields'
    texts name, where no ``--text`` erases them there: said, with how to."""
    note_names: tuple[str, ...] = ()
    """Parts of erased values (her surname) that the erasure's own note names, where no
    ``--text`` erases them: said, before the question."""
    note: str = ""
    """The erasure's note as it is kept: a value or text erased in it replaced by its marker
    (the note must not bring back what it erases)."""
    kept: tuple[tuple[str, str], ...] = ()
    """The current values at the paths that stay (``--keep-current``, ``--only-with``), with their
    paths: what the confirmation shows stays."""
    copied: tuple[tuple[str, str], ...] = ()
    """Erased values (as typed) that a ``register split`` of an older formgen copied from
    the institution it split off (its contact persons), with that institution's id: it holds
    them still, as do the files that show its values (a print, an export of the whole
    register), so they are erased from this institution's register and journal only and not
    looked for in files (:func:`_split_copies`)."""
    aside: tuple[Path, ...] = ()
    """The copies ``register repair`` and ``register rebuild`` kept aside (a damaged journal,
    a damaged or hand-edited ``register.json``: :func:`ingest.journal.kept_aside`) that hold a
    value: the values in them marked as in the live files (:func:`_aside`), the copies kept."""


def mask(text: str) -> str:
    """What a return said of who sent it as the confirmation shows it: its first letter, then
    ``…``."""
    return f"{text[:1]}…" if len(text) > 1 else "…"


def shortened(text: str) -> str:
    """An erased value as the confirmation shows it: enough to recognise it (and to tell a
    predecessor's from a successor's), not the whole of it — its first three and last three
    characters (``Oks…zyk``, ``021…568``); as :func:`mask` when shorter than eight."""
    return mask(text) if len(text) < 8 else f"{text[:3]}…{text[-3:]}"


def _chosen(stored: Json, current: set[str], keep_current: bool, texts: Iterable[str]) -> bool:
    """Whether a value held at an erased path is erased: not the current value there with
    ``keep_current``, only one holding one of ``texts`` (folded: :func:`formgen.fold.fold`)
    where they are given."""
    if keep_current and value_key(stored) in current:
        return False
    held = [fold(str(t)) for t in (stored.get("raw"), stored.get("v")) if isinstance(t, str)]
    texts = [fold(t) for t in texts if t.strip()]
    return not texts or any(t in h for t in texts for h in held)


def holds(data: bytes, needles: Iterable[str], pages: Pages | None = None) -> bool:
    """Whether ``data`` contains one of ``needles`` (see the module docstring); the pages of a
    print read told to ``pages``."""
    needles = [n for n in needles if len(n) >= MIN_NEEDLE]
    if not needles:
        return False
    forms = [n.encode(enc) for n in needles for enc in ("utf-8", "utf-16-be", "utf-16-le")]
    if any(f in data for f in forms):
        return True
    if _loosely_holds(data, needles):
        return True
    # XML's character references (XLSX cells: Y&#305;lmaz)
    if b"&#" in data and _unescaped_holds(data.decode("utf-8", "replace"), needles):
        return True
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return any(holds(z.read(i), needles) for i in z.infolist() if not i.is_dir())
        except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError):
            return False
    if b"%PDF-" in data[:1024]:
        return _pdf_holds(data, needles, forms, pages)
    return False


def _loosely_holds(data: bytes, needles: list[str]) -> bool:
    """Whether ``data``, a text (UTF-8), holds one of ``needles`` as whole words written
    otherwise (:func:`_text_holds`), also where XML writes a letter as a character
    reference (an XLSX cell's ``Y&#305;lmaz``)."""
    try:
        text = data.decode()
    except UnicodeDecodeError:
        return False
    return _text_holds(html.unescape(text) if "&" in text else text, needles)


def _text_holds(text: str, needles: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``needles`` as typed, or as whole words written otherwise:
    in other case, without accents (NFC or NFD), with the letters a German keyboard types for
    ı, ł, ß, an umlaut as ``ue`` (:func:`_words`, as ``register find`` finds it: ``Yilmaz``,
    ``YILMAZ`` „Yılmaz“, ``Mueller`` „Müller“), with ``_``, ``-``, ``.`` or other signs between
    them (a file's name an ingest report gives: ``Lebenslauf_Oksana_Petrenko.pdf`` for „Oksana
    Petrenko“)."""
    needles = list(needles)
    if any(n in text for n in needles):
        return True
    wanted = [w for n in needles if (w := _needle_words(n))[0]]
    if not wanted:
        return False
    # a word without ae, oe, ue is the same with an umlaut folded either way: the text is
    # folded the second way only for a needle that has one (the most are names without)
    german = any(_WRITTEN_UMLAUT.search(g) for _, g in wanted)
    plain, written = (f" {w} " for w in _words(text, german))
    return any(f" {p} " in plain or (german and f" {g} " in written) for p, g in wanted)


def _words(text: str, german: bool = True) -> tuple[str, str]:
    """``text`` folded as the register search folds it (:func:`formgen.fold.search_folds`:
    case, accents aside, the Arabic and Persian forms of a letter as one; ``german``: an umlaut
    also as ``ue``), either way, its words separated by one space (not ``german``: ``""`` the
    second)."""
    plain, written = search_folds(text) if german else (fold(same_letters(text)), "")
    return " ".join(_NOT_WORD.split(plain)).strip(), " ".join(_NOT_WORD.split(written)).strip()


_needle_words = cache(_words)
""":func:`_words` of a text searched for: the same few are looked for in every value."""

_WRITTEN_UMLAUT = re.compile("|".join(UMLAUTS.values()))
"""An umlaut as German writes it without its marks (:data:`formgen.fold.UMLAUTS`)."""
_NOT_WORD = re.compile(r"[\W_]+")


def _mail_holds(data: bytes, needles: list[str]) -> bool:
    """Whether a mail (a draft) holds one of ``needles``: in its headers or any part, decoded
    (its text, the form attached), and in its headers and file names decoded too (RFC 2047
    words: the To's display name, the Subject; RFC 2231 ``filename*=``), where a name beyond
    ASCII stands only encoded."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if holds(data, needles):
        return True
    for part in msg.walk():
        body = None if part.is_multipart() else part.get_payload(decode=True)
        if _headers_hold(part, needles) or (isinstance(body, bytes) and holds(body, needles)):
            return True
    return False


def _headers_hold(part: email.message.Message, needles: list[str]) -> bool:
    """Whether a mail's or a part's headers, their encoded words decoded as RFC 2047 says (the
    blank between two words left out, which Python's address parser keeps: CPython gh-128110),
    or its file name hold one of ``needles``."""
    texts = [_decoded(str(v)) for _k, v in part.raw_items()]
    texts.append(part.get_filename() or "")
    return holds("\n".join(texts).encode("utf-8", "surrogateescape"), needles)


def _decoded(header: str) -> str:
    """A header's text with any RFC 2047 words left in it decoded (a file name's in quotes,
    ``filename="=?utf-8?b?…?="``), as a mail program shows it; the text as it is where a word
    is damaged."""
    try:
        return str(email.header.make_header(email.header.decode_header(header)))
    except (ValueError, LookupError, UnicodeError, email.errors.HeaderParseError):
        return header


def fingerprint(secret: bytes, path: str, value: object) -> str:
    """A keyed fingerprint (HMAC-SHA256 with the workspace's signing secret) of the value at
    ``path`` as stored (its typed value, else its raw text): what ``issued.jsonl`` keeps of a
    prefilled value it erased, to tell it from a new value on a return (:func:`left_out`)."""
    text = json.dumps([path, value], ensure_ascii=False, sort_keys=True)
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


def _typed(stored: Json | Checked) -> object:
    if isinstance(stored, Checked):
        return stored.value if stored.value is not None else stored.raw
    return stored.get("v") if stored.get("v") is not None else stored.get("raw")


def left_out(ws: Workspace, sub: Submission) -> tuple[Submission, dict[str, str]]:
    """``sub`` without the values its form was prefilled with, returned as they were, at
    fields ``register erase`` erased after the form was made (by their fingerprints in
    ``issued.jsonl``), and those fields with a note on each for the report; a value typed
    anew there stays."""
    erased = ws.issued_erased(sub.identity.instance_id)
    if not erased:
        return sub, {}
    secret = ws.secret
    notes: dict[str, str] = {}

    def kept(scope: str, values: Mapping[str, Checked]) -> dict[str, Checked]:
        out = {}
        for key, c in values.items():
            path = f"{scope}.{key}"
            if erased.get(path) == fingerprint(secret, path, _typed(c)):
                notes[path] = Said("ingest_merge_erased_prefill", path=path)
            else:
                out[key] = c
        return out

    entries = tuple(
        replace(
            e,
            institution=kept(INSTITUTION, e.institution),
            entry=kept(e.category, e.entry) if e.category else e.entry,
        )
        if e.institution_id == sub.identity.institution_id
        else e
        for e in sub.entries
    )
    return replace(sub, entries=entries), notes


def _unescaped_holds(text: str, needles: list[str]) -> bool:
    """Whether ``html.unescape(text)`` holds one of ``needles``. A needle that ``text`` does not
    hold as it is can only be made by a reference standing for one of its characters or for
    nothing (``&#1;``), so only the stretches around those are unescaped: made of the needles'
    characters and what references are written with (letters, digits, ``#``, ``;``). Binary
    data (fonts in a DOCX, compressed PDF streams) holds "&" and "&#" by chance, and unescaping
    all of it was most of the time ``register erase`` took."""
    if any(n in text for n in needles):
        return True
    chars = frozenset("".join(needles))
    starts = [
        ref.start()
        for ref in _NUMERIC_REFERENCE.finditer(text)
        if not (stands_for := html.unescape(ref.group())) or not chars.isdisjoint(stands_for)
    ]
    if named := _named_references(chars):
        starts += [ref.start() for ref in named.finditer(text)]
    if not starts:
        return False
    written = "&#;0-9A-Za-z" + re.escape("".join(sorted(chars)))
    outside = re.compile(f"[^{written}]")
    backwards = text[::-1]
    for at in starts:
        before, after = outside.search(backwards, len(text) - at), outside.search(text, at)
        start = len(text) - before.start() if before else 0
        stretch = text[start : after.start() if after else len(text)]
        if any(n in html.unescape(stretch) for n in needles):
            return True
    return False


_NUMERIC_REFERENCE = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);?")
"""A numeric character reference as :func:`html.unescape` finds it."""


@cache
def _named_references(chars: frozenset[str]) -> re.Pattern[str] | None:
    """The named references that stand for one of ``chars`` (``&uuml`` for ü, ``&amp`` for &)."""
    names = {k.rstrip(";") for k, v in html.entities.html5.items() if not chars.isdisjoint(v)}
    return re.compile("&(?:" + "|".join(map(re.escape, sorted(names))) + ")") if names else None


def _pdf_holds(
    data: bytes, needles: list[str], forms: list[bytes], pages: Pages | None = None
) -> bool:
    strings: list[str] = []  # its strings (a form's values, the document's title)
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for obj in pdf.objects:
                found = [str(obj)] if isinstance(obj, pikepdf.String) else []
                if isinstance(obj, pikepdf.Dictionary):
                    found = [str(v) for v in obj.values() if isinstance(v, pikepdf.String)]
                if any(n in t for n in needles for t in found):  # as typed: no stream inflated
                    return True
                strings += found
                if isinstance(obj, pikepdf.Stream):
                    try:
                        inflated = obj.read_bytes()
                    except pikepdf.PdfError:
                        continue
                    if any(f in inflated for f in forms):
                        return True
            # as typed, or written otherwise: "Yilmaz" typed finds a form prefilled „Yılmaz“
            if _text_holds("\n".join(strings), needles):
                return True
            if "/AcroForm" in pdf.Root:  # a form: its values are the fields' strings
                return False
    except pikepdf.PdfError:
        return False
    return _print_holds(data, needles, pages or Pages())


class Pages:
    """The pages of prints :func:`holds` reads, told to ``tell`` as ``(done, total)`` (a
    progress bar's), the total grown by each print opened."""

    def __init__(self, tell: Callable[[int, int], None] = lambda _done, _total: None) -> None:
        self.tell = tell
        self.done = self.total = 0

    def opened(self, count: int) -> None:
        self.total += count
        self.tell(self.done, self.total)

    def read(self, count: int = 1) -> None:
        self.done += count
        self.tell(self.done, self.total)


def _print_holds(data: bytes, needles: list[str], pages: Pages) -> bool:
    """Whether a print (the printed register) shows one of ``needles``.

    It draws its text in a subset font, as glyph numbers: its lines as drawn, left to right (an
    Arabic value's letters in visual order, as :func:`ingest.printed.extracted` reads them; a
    print made before 2026-11-24 drew shaped presentation forms, :func:`ingest.printed.visual`),
    without the breaks a long value was wrapped at (:func:`_drawn_lines`, pdfminer's layout:
    some 50 ms a page). That exact reading is kept for the pages that may show a value by the
    words PDFium reads on them in a millisecond (:func:`_may_show`); a page read so is freed
    once read (a page's characters take megabytes), up to the first that holds one: a value
    that goes on over a page is found with the end of the page before kept. Both are compared
    folded as the register search folds them (:func:`formgen.fold.search_folds`): ``Yilmaz``
    finds „Yılmaz“ printed, ``Mueller`` „Müller“."""
    shown = {"".join(w.split()) for n in needles for w in (n, extracted(n), visual(n))}
    drawn = {search_folds(d) for d in shown}
    longest = 2 * max(len(f) for d in drawn for f in d)  # a letter drawn as two: ı̇, an accent
    read: dict[int, str] = {}  # the drawn lines of the last pages read exactly

    def exactly(page: Any, n: int) -> str:
        if n not in read:
            read[n] = _drawn_lines(page)
            page.close()
            for gone in [k for k in read if k < n - 1]:
                del read[gone]
        return read[n]

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
            pages.opened(count)
            before: list[str] = []  # the words of the page before
            for n, words in enumerate(_words_shown(data, count)):
                if words is None or _may_show(before + words, drawn):
                    tail = exactly(pdf.pages[n - 1], n - 1)[-longest:] if n else ""
                    plain, german = search_folds(tail + exactly(pdf.pages[n], n))
                    if any(p in plain or g in german for p, g in drawn):
                        pages.read(count - n)
                        return True
                before = words or []
                pages.read()
    except (pdfminer.psparser.PSException, ValueError, KeyError):  # PDF syntax errors too
        return False
    return False


def _words_shown(data: bytes, count: int) -> Iterator[list[str] | None]:
    """The words on each of the ``count`` pages of a PDF as PDFium reads them (their letters
    by the fonts' ToUnicode maps, in the order drawn but a line with right-to-left letters in
    the order written, a space or a line break where the text leaves a gap or goes on a line
    below); ``None`` for a page it cannot read."""
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        yield from (None for _ in range(count))
        return

    def words(n: int) -> list[str] | None:
        try:
            page = pdf[n]
            text = page.get_textpage()
        except (pypdfium2.PdfiumError, IndexError):
            return None
        shown: list[str] = text.get_text_range().split()
        text.close()
        page.close()
        return shown

    try:
        yield from map(words, range(count))
    finally:
        pdf.close()


def _may_show(words: list[str], drawn: set[tuple[str, str]]) -> bool:
    """Whether a page showing ``words`` (:func:`_words_shown`) may hold one of ``drawn`` (a
    value's letters without spaces, as :func:`_drawn_lines` reads the page, folded either
    way). PDFium reads a line with right-to-left letters in reading order, each run of others
    in it turned („Träger e.V. جمعية …“ as „جمعية … .V.e Träger“), where :func:`_drawn_lines`
    reads it left to right: a value with such letters may be on a page holding them all; any other
    in one word, or over several, broken only where the page's text is (the end of a word,
    whole words, the start of a word: a value wrapped in its box), each read either way; both
    compared folded (:func:`formgen.fold.search_folds`, either way: a ligature „ﬀ“ as „ff“, a
    presentation form as its letter, whichever of them a reader gives; case and accents aside,
    an umlaut also as ``ue``). Most pages hold no value looked for, and are not read exactly."""
    read = [*words, *(w[::-1] for w in words)]
    texts = search_folds("\n" + "\n".join(read) + "\n")
    return any(_may_hold(texts[k], {f[k] for f in drawn}) for k in (0, 1))


def _may_hold(text: str, drawn: set[str]) -> bool:
    """:func:`_may_show` on a page's words and the values looked for, folded one way."""
    letters = set(text)
    for value in drawn:
        if value in text:
            return True
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in value):
            if letters.issuperset(c for c in value if c.isalpha()):
                return True
            continue
        ends = [j for j in range(1, len(value)) if value[:j] + "\n" in text]
        seen = set(ends)
        while ends:
            j = ends.pop()
            if "\n" + value[j:] in text:
                return True
            for k in range(j + 1, len(value)):
                if k not in seen and "\n" + value[j:k] + "\n" in text:
                    seen.add(k)
                    ends.append(k)
    return False


def _drawn_lines(page: Any) -> str:
    """The characters of ``page`` line by line, each line left to right, without spaces: its
    layout's characters where ``page.chars`` puts them (``top``, ``x0``), without the dozen
    other attributes it resolves for each (half the time)."""
    left, top = page.mediabox[:2]
    rows: dict[int, list[tuple[float, str]]] = {}
    for c in _chars(page.layout):
        rows.setdefault(round((page.height - c.y1) + top), []).append((c.x0 + left, c.get_text()))
    return "".join(
        "".join("".join(t for _, t in sorted(row, key=lambda c: c[0])).split())
        for _, row in sorted(rows.items())
    )


def _chars(objs: Iterable[Any]) -> Iterable[LTChar]:
    """The characters among ``objs`` and in their containers (a figure's), in drawn order."""
    for o in objs:
        if isinstance(o, LTChar):
            yield o
        elif isinstance(o, LTContainer):
            yield from _chars(o)


# ---------------------------------------------------------------------- the journal


class _Marks:
    """Erased values → their markers' numbers, with the texts to look for in files."""

    def __init__(self, held: Iterable[Json], after: int, only: bool = False) -> None:
        """``after``: the highest marker number in use (:meth:`Register.erased_so_far`);
        ``only``: only the values in ``held`` are erased, others at the same paths stay
        (:meth:`selects`)."""
        self.last = after
        self.only = only
        self.numbers: dict[str, int] = {}
        self.texts: dict[int, list[str]] = {}
        self.written: dict[tuple[str, str], int] = {}
        """A return's provenance erased whole (:data:`_WRITTEN_BY`): (key, text) → number."""
        for sv in held:
            self.number(sv)
        self.chosen = set(self.numbers)
        self.inner: dict[int, str] = {}
        """``register erase --text``: a text (her surname) erased inside the institution's notes
        and values, each with its marker's number (:meth:`in_text`)."""

    def add_inner(self, text: str) -> None:
        """Erase ``text`` inside the institution's notes and values too (:meth:`in_text`)."""
        self.last += 1
        self.inner[self.last] = text
        self.texts[self.last] = [text]

    def in_text(self, text: str, initials: bool = True) -> str:
        """``text`` with each text erased inside (:attr:`inner`) replaced by its marker, also
        where it is written otherwise, as whole words (:func:`_loosely_replaced`); not
        ``initials``: a text shorter than :data:`MIN_NEEDLE` stays (the send log)."""
        for n, t in self.inner.items():
            marker = ERASED.format(n=n)
            if len(t) < MIN_NEEDLE and not initials:
                continue
            if len(t) < MIN_NEEDLE:  # initials: a word of its own, as typed
                text = _as_word(t).sub(marker, text)  # a marker holds no backslash
            else:
                text = _loosely_replaced(text.replace(t, marker), t, marker)
        return text

    def in_value(self, stored: object) -> None:
        """A stored or journaled value with the texts erased inside it (:meth:`in_text`)."""
        if not isinstance(stored, dict) or is_erased(stored):
            return
        for k in ("raw", "v"):
            x = stored.get(k)
            if isinstance(x, str):
                stored[k] = self.in_text(x)
            elif isinstance(x, list):
                stored[k] = [self.in_text(i) if isinstance(i, str) else i for i in x]

    def selects(self, stored: Json) -> bool:
        """Whether ``stored``, a value at an erased path, is erased (all are, but where only
        some were chosen: ``register erase --keep-current``, ``--only-with``)."""
        return not self.only or value_key(stored) in self.chosen

    def number(self, stored: Json) -> int:
        key = value_key(stored)
        if key not in self.numbers:
            self.last += 1
            n = self.numbers[key] = self.last
            v = stored.get("v")
            texts = [str(stored.get("raw", "")), *([v] if isinstance(v, str) else [])]
            self.texts[n] = list(dict.fromkeys(t.strip() for t in texts if t.strip()))
        return self.numbers[key]

    def whole(self, key: str, text: str) -> str:
        """The marker that takes the place of ``text``, a return's ``key`` (its file's name,
        its mail's sender or subject) erased whole."""
        if (key, text) not in self.written:
            self.last += 1
            self.written[key, text] = self.last
        return ERASED.format(n=self.written[key, text])

    def marker(self, stored: Json) -> Json:
        return {"v": None, "raw": ERASED.format(n=self.number(stored))}

    @property
    def needles(self) -> list[str]:
        return [t for texts in self.texts.values() for t in texts]

    def replace_in(self, text: str, loosely: bool = False) -> str:
        """``text`` with every erased value in it replaced by its marker; ``loosely`` also
        where it is written otherwise, as whole words (a file's name: :func:`_loosely_holds`)."""
        for n, texts in self.texts.items():
            for t in texts:
                if len(t) >= MIN_NEEDLE:
                    text = text.replace(t, ERASED.format(n=n))
                    if loosely:
                        text = _loosely_replaced(text, t, ERASED.format(n=n))
        return text


def _loosely_replaced(text: str, needle: str, marker: str) -> str:
    """``text`` with ``needle``, where it holds it as whole words written otherwise
    (:func:`_loosely_holds`), replaced by ``marker``."""
    plain, german = (w.split() for w in _needle_words(needle))
    found = [(search_folds(w.group()), w.start(), w.end()) for w in _WORD.finditer(text)]
    n = len(plain)
    for i in reversed(range(len(found) - n + 1)):
        folds = [f for f, _, _ in found[i : i + n]]
        if plain and ([p for p, _ in folds] == plain or [g for _, g in folds] == german):
            text = text[: found[i][1]] + marker + text[found[i + n - 1][2] :]
    return text


_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u064b-\u065f\u0670])+")
"""A word as :func:`_words` separates them, with the marks written apart from its letters in it
(accents in NFD, Arabic vowel signs)."""


_WRITTEN = ("file_name", "container", "mail_from", "mail_subject", "note")
"""A return's provenance that people wrote: an erased value goes also where they wrote it
otherwise (``Rückmeldung_oksana_petrenko.pdf``); the others are formgen's (times, hashes)."""

_WRITTEN_BY = ("file_name", "container", "mail_from", "mail_subject")
"""What a return of the institution's own that brought or held an erased value says of the
person who sent it, whatever it holds: erased whole (``"Z. Wiśniewska" <z.w@gmx.example>``,
„Formular von Frau Wiśniewska“, ``Rückmeldung_Wiśniewska.pdf`` name her otherwise than the
erased value). Its date, SHA-256, size and reader stay."""


def _mark_op(
    op: Json, iid: str, paths: list[str], marks: _Marks, srcs: set[str], went: list[str | None]
) -> bool:
    """Replace the erased values in one journal operation by their markers; whether any was.
    ``went``: the institution each entry of a merge went to (:func:`_went_to`)."""
    hits: list[tuple[Json, str, Json]] = []  # (where, key, value as stored)
    kind = op.get("op")
    if kind == "merge":
        sub = op["submission"]
        ours = sub["provenance"]["sha256"] in srcs
        # a checklist's row of another institution keeps its own values, also the same name
        for e, dest in zip(sub["entries"], went, strict=True):
            if dest != iid:
                continue
            for p, c in entry_values(e, paths):
                scope, key = split_path(p)
                where = e["institution" if scope == INSTITUTION else "entry"]
                hits.append((where, key, as_stored(c)))
        if sub["identity"].get("formgen.institution_id") == iid:
            sent = op.get("sent") or {}
            hits += [(sent, p, v) for p, v in sent.items() if under(p, paths) and v is not None]
        if hits or ours:
            # the institution's own return (no list, no checklist naming others): who sent it
            # and how it was named are the person's; a list's are the centre's or a third's
            prov = sub["provenance"]
            whole = prov.get("reader") != IMPORT and bool(went) and set(went) == {iid}
            _mark_provenance(prov, marks, whole)
            sub["notes"] = [marks.replace_in(str(n)) for n in sub.get("notes", ())]
    elif kind == journal.BASE:
        return _mark_base(op["register"], iid, paths, marks, srcs)
    elif (kind == "set" and op.get("target") == iid) or (kind == "split" and op["new"] == iid):
        values = op["values"]
        hits = [(values, p, v) for p, v in values.items() if under(p, paths) and v is not None]
    changed = False
    for where, key, stored in hits:
        if not is_erased(stored) and marks.selects(stored):
            where[key] = marks.marker(stored)
            changed = True
    if marks.inner:
        changed = _inner_op(op, iid, marks, went) or changed
    if kind == "merge":
        changed = _named_again(op, iid, marks, went) or changed
    return changed or (kind == "merge" and op["submission"]["provenance"]["sha256"] in srcs)


def _named_again(op: Json, iid: str, marks: _Marks, went: list[str | None]) -> bool:
    """A merge's ``named`` (the names its checklist rows took a round's ids by) with ``iid``
    keyed by its row's name as the operation holds it now, a text in it erased: a rebuild
    gives the row that id again, and the name leaves no trace there; whether it changed. A
    row of an id of its own took none by its name: the key with the texts marked. (A formgen
    before 2026-11-25 kept the key of a text erased inside the name: its rebuild made another
    institution of the row, fixed by :func:`ingest.register.named_erased`.)"""
    named = op.get("named") or {}
    keys = [k for k, v in named.items() if v == iid]
    if not keys:
        return False
    rows = zip(op["submission"]["entries"], went, strict=True)
    by_name = [e for e, dest in rows if dest == iid and not e.get("institution_id")]
    if by_name and "name" in by_name[0]["institution"]:
        key = fold(str(by_name[0]["institution"]["name"]["raw"]).strip())
    else:
        key = marks.in_text(marks.replace_in(keys[0], loosely=True))
    if keys == [key]:
        return False
    op["named"] = {k: v for k, v in named.items() if v != iid} | {key: iid}
    return True


def _inner_op(op: Json, iid: str, marks: _Marks, went: list[str | None]) -> bool:
    """``register erase --text``: the texts erased inside what one journal operation holds of
    ``iid``: its notes (``register set``, ``confirm``, ``erase``, ``merge``, ``retire``), the
    values its returns brought (any field: a free text naming her), what its forms were
    prefilled with, and what its own returns say of who sent them; whether any was."""
    before = json.dumps(op, ensure_ascii=False, sort_keys=True)
    kind = op.get("op")
    if kind == "merge":
        sub = op["submission"]
        for e, dest in zip(sub["entries"], went, strict=True):
            if dest == iid:
                for values in (e["institution"], e.get("entry") or {}):
                    for c in values.values():
                        marks.in_value(c)
        if sub["identity"].get("formgen.institution_id") == iid or set(went) == {iid}:
            for v in (op.get("sent") or {}).values():
                marks.in_value(v)
            sub["notes"] = [marks.in_text(str(n)) for n in sub.get("notes", ())]
            prov = sub["provenance"]
            for k in _WRITTEN:
                if isinstance(prov.get(k), str):
                    prov[k] = marks.in_text(prov[k])
    elif kind == journal.BASE:
        _inner_base(op["register"], iid, marks)
    elif iid in (op.get("target"), op.get("keep"), op.get("other"), op.get("new")):
        for key in ("note", "reason"):
            if isinstance(op.get(key), str):
                op[key] = marks.in_text(op[key])
        # a split's values are the new service's (register split), not its target's
        for v in (op.get("values") or {}).values() if op.get("new", iid) == iid else ():
            marks.in_value(v)
    return json.dumps(op, ensure_ascii=False, sort_keys=True) != before


def _inner_base(data: Json, iid: str, marks: _Marks) -> None:
    """``register erase --text`` in the register a repaired journal begins with: ``iid``'s
    values now and earlier, its history's notes, and the notes and names of the sources only
    it has values from."""
    inst = data["institutions"].get(iid)
    if inst is None:
        return
    for h in inst["history"]:
        for key in ("note", "reason"):
            if isinstance(h.get(key), str):
                h[key] = marks.in_text(h[key])
        for change in h["changes"]:
            marks.in_value(change[1])
            marks.in_value(change[2])
    for sv in inst["institution"].values():
        marks.in_value(sv)
    for e in inst["entries"].values():
        for sv in e["fields"].values():
            marks.in_value(sv)
    own = {h.get("src") for h in inst["history"]}
    others = {
        h.get("src") for i, o in data["institutions"].items() if i != iid for h in o["history"]
    }
    for sha in own - others:
        source = data["sources"].get(sha)
        for k in (*_WRITTEN, "reason"):
            if isinstance(source, dict) and isinstance(source.get(k), str):
                source[k] = marks.in_text(source[k])


def _mark_provenance(prov: Json, marks: _Marks, whole: bool) -> None:
    """Replace the erased values in where a return came from (a journaled provenance, a
    register's source) by their markers; ``whole``: a return of the institution's own, what
    it says of who sent it (:data:`_WRITTEN_BY`) by markers of its own, whatever it holds."""
    for k, v in prov.items():
        if isinstance(v, str) and whole and k in _WRITTEN_BY:
            prov[k] = v if ERASED_MARK.fullmatch(v) else marks.whole(k, v)
        elif isinstance(v, str):
            prov[k] = marks.replace_in(v, loosely=k in _WRITTEN)
    if (sender := prov.get("mail_from")) and ERASED_MARK.search(sender):
        # a sender named by an erased value: its address is hers too (a private one)
        found = dict.fromkeys(m.group() for m in ERASED_MARK.finditer(sender))
        prov["mail_from"] = " ".join(found)


def _mark_base(data: Json, iid: str, paths: list[str], marks: _Marks, srcs: set[str]) -> bool:
    """Replace the erased values in the register a repaired journal begins with (its ``base``
    operation) by their markers, as :meth:`Register.erase` marks them in its history (a
    replay of the erasure then takes the current ones out and drops the held conflicts);
    whether any was. Its sources of ``srcs`` are marked as a journaled return's provenance."""
    changed = False

    def mark(sv: Json | None) -> Json | None:
        nonlocal changed
        if sv is None or is_erased(sv) or not marks.selects(sv):
            return sv
        changed = True
        return {**marks.marker(sv), **{k: sv[k] for k in ("src", "rev") if k in sv}}

    if (inst := data["institutions"].get(iid)) is not None:
        for h in inst["history"]:
            for change in h["changes"]:
                if under(change[0], paths):
                    change[1:] = [mark(change[1]), mark(change[2])]
        scopes = {INSTITUTION: inst["institution"]}
        scopes |= {cid: e["fields"] for cid, e in inst["entries"].items()}
        for scope, values in scopes.items():
            for key in [k for k in values if under(f"{scope}.{k}", paths)]:
                values[key] = mark(values[key])
    for c in data["conflicts"].values():
        if c["institution_id"] == iid and under(c["path"], paths):
            c["mine"], c["theirs"] = mark(c["mine"]), mark(c["theirs"])
    for d in data["duplicates"].values():
        if d["candidate"] == iid:
            for p, c in list(entry_values(d["entry"], paths)):
                if not marks.selects(as_stored(c)):
                    continue
                scope, key = split_path(p)
                where = d["entry"]["institution" if scope == INSTITUTION else "entry"]
                where[key] = marks.marker(as_stored(c))
                changed = True
    for sha in srcs & data["sources"].keys():
        others = (
            i
            for i, other in data["institutions"].items()
            if i != iid and any(h.get("src") == sha for h in other["history"])
        )
        whole = data["sources"][sha].get("kind") != IMPORT and next(others, None) is None
        _mark_provenance(source := data["sources"][sha], marks, whole)
        # the plain hash of what it said would confirm a guessed value; what it said, to key
        # one, is not in the journal any more: a copy of it saved again may be merged again
        held = data["instances"].get(source.get("instance_id"), [])
        held[:] = [h for h in held if h.startswith(KEYED)]
        changed = True
    return changed


def _went_to(ws: Workspace, ops: list[Json]) -> dict[int, list[str | None]]:
    """The institution each entry of each merge operation (by ``seq``) went to, found by
    replaying the journal: an entry of a blank checklist has no institution id, the register
    matched or created one; a probable duplicate's is the one it was decided into, or its
    candidate while it waits. An operation that merged nothing: the entries' own ids."""
    reg = journal.with_versions(ws, Register(ws.schema()))
    merged: dict[int, tuple[str, ...]] = {}
    decided: dict[str, str] = {}
    for op in ops:
        said = journal.apply_op(reg, op)
        if isinstance(said, MergeOutcome) and said.went_to:
            merged[op["seq"]] = said.went_to
        elif isinstance(said, str):
            decided[op["target"]] = said
    decided |= {d["id"]: d["candidate"] for d in reg.duplicates()}
    went: dict[int, list[str | None]] = {
        op["seq"]: [e["institution_id"] for e in op["submission"]["entries"]]
        for op in ops
        if op.get("op") == "merge"
    }
    return went | {seq: [decided.get(i, i) for i in ids] for seq, ids in merged.items()}


def _rewritten(
    ops: Iterable[tuple[bytes, Any]],
    iid: str,
    paths: list[str],
    marks: _Marks,
    srcs: set[str],
    went_to: dict[int, list[str | None]],
    secret: bytes,
) -> tuple[list[bytes], int, set[str]]:
    """The journal's lines with the erased values marked (the others as they are), how many
    operations changed, and the SHA-256 of the returns that carried a value. A merge marked
    keeps the keyed content hash of what it said before (``keyed``; its first marking's), so
    that a copy of its file is still known as ingested (:meth:`Register.merge`)."""
    out: list[bytes] = []
    changed = 0
    carried: set[str] = set()
    for line, op in ops:
        before = json.dumps(op, ensure_ascii=False, sort_keys=True)
        if _mark_op(op, iid, paths, marks, srcs, went_to.get(op.get("seq"), [])):
            if op.get("op") == "merge":
                carried.add(op["submission"]["provenance"]["sha256"])
            after = json.dumps(op, ensure_ascii=False, sort_keys=True)
            if after != before:
                if op.get("op") == "merge" and "keyed" not in op:
                    said = journal.submission_from_json(json.loads(before)["submission"])
                    op["keyed"] = content_hash(said, secret)
                    after = json.dumps(op, ensure_ascii=False, sort_keys=True)
                changed += 1
                out.append(after.encode() + b"\n")
                continue
        out.append(line + b"\n")
    return out, changed, carried


# ---------------------------------------------------------------------- the copies kept aside


def _aside(
    ws: Workspace, iid: str, paths: list[str], marks: _Marks, srcs: set[str]
) -> dict[Path, bytes]:
    """The copies ``register repair`` and ``register rebuild`` kept aside
    (:func:`ingest.journal.kept_aside`) that hold an erased value (``srcs``: the returns that
    brought or held one, whose provenance goes), each with its bytes with the values marked
    as in the live files: a journal's operations as the journal's
    (:func:`_mark_op`), a register as a repaired journal's base (:func:`_mark_base`), so that
    another institution's value of the same text stays; what cannot be read so (the damage
    they were kept for) as text, the value wherever it is written in it (:func:`_text_marked`).
    They are no backup to restore (nothing reads them again): what they show of what was
    lost or changed stays, the person's values do not."""
    out = {}
    for path in journal.kept_aside(ws):
        data = path.read_bytes()
        if path.name.startswith(journal.JOURNAL):
            marked = _journal_copy_marked(ws, data, iid, paths, marks, srcs)
        else:
            marked = _register_copy_marked(data, iid, paths, marks, srcs)
        if marked != data:
            out[path] = marked
    return out


_NOT_READ = (ValueError, KeyError, TypeError, AttributeError, RegisterError)
"""What a copy kept aside raises where it is not what it was (a damaged line or register)."""


def _journal_copy_marked(
    ws: Workspace, data: bytes, iid: str, paths: list[str], marks: _Marks, srcs: set[str]
) -> bytes:
    """A damaged journal kept aside, its operations marked (the institution each entry of a
    merge went to found by replaying those before the damage; after it, the entry's own),
    its damaged lines as text; the lines without a value as they are."""
    lines = data.split(b"\n")
    ops: list[Json | None] = []
    for line in lines:
        try:
            op = json.loads(line)
        except ValueError:
            op = None
        ops.append(op if isinstance(op, dict) else None)
    damage = next((i for i, op in enumerate(ops) if op is None), len(ops))
    whole = [op for op in ops[:damage] if op is not None]
    try:
        went = _went_to(ws, whole)
    except _NOT_READ:
        went = {}
    out = []
    for line, op in zip(lines, ops, strict=True):
        if op is None:
            out.append(_text_marked(line, marks) if line.strip() else line)
            continue
        before = json.dumps(op, ensure_ascii=False, sort_keys=True)
        try:
            entries = op["submission"]["entries"] if op.get("op") == "merge" else []
            own = [e["institution_id"] for e in entries]
            _mark_op(op, iid, paths, marks, srcs, went.get(op["seq"], own))
        except _NOT_READ:
            out.append(_text_marked(line, marks))
            continue
        after = json.dumps(op, ensure_ascii=False, sort_keys=True)
        out.append(after.encode() if after != before else line)
    return b"\n".join(out)


def _register_copy_marked(
    data: bytes, iid: str, paths: list[str], marks: _Marks, srcs: set[str]
) -> bytes:
    """A damaged or hand-edited register kept aside, marked as a repaired journal's base;
    one that is no register (the damage) as text."""
    try:
        register = json.loads(data)
        changed = _mark_base(register, iid, paths, marks, srcs)
    except _NOT_READ:
        return _text_marked(data, marks)
    if not changed:
        return data
    return json.dumps(register, ensure_ascii=False, sort_keys=True, indent=1).encode() + b"\n"


def _text_marked(data: bytes, marks: _Marks) -> bytes:
    """``data``, a text that cannot be read as what it was, with every erased value (and what
    a return said of who sent it, erased whole; a sender's name and address also each on its
    own, a damaged copy may hold one without the other) replaced by its marker wherever it is
    written: as typed, as JSON writes it (``\\u0119`` too, in either case), also as whole
    words written otherwise (:func:`_loosely_replaced`)."""
    text = data.decode("utf-8", "surrogateescape")
    found = [(t, n) for n, texts in marks.texts.items() for t in texts]
    for (key, t), n in marks.written.items():  # a sender's name and address also apart
        found += [(t, n), *((part, n) for part in parseaddr(t) if key == "mail_from" and part)]
    for t, n in found:
        if len(t) < MIN_NEEDLE:
            continue
        marker = ERASED.format(n=n)
        text = text.replace(json.dumps(t, ensure_ascii=False)[1:-1], marker)
        escaped = re.escape(json.dumps(t)[1:-1])
        text = re.sub(escaped, marker, text, flags=re.IGNORECASE)
        text = _loosely_replaced(text.replace(t, marker), t, marker)
    return text.encode("utf-8", "surrogateescape")


# ---------------------------------------------------------------------- what is erased


def _sources_of(reg: Register, iid: str, paths: list[str]) -> set[str]:
    """The SHA-256 of the returns that brought ``iid`` a value at ``paths`` (a probable
    duplicate of it too, where its values hold one)."""
    inst = reg.institution(iid)
    srcs = {h.get("src") for h in inst["history"] if any(under(c[0], paths) for c in h["changes"])}
    srcs |= {
        c["theirs"].get("src")
        for c in reg.conflicts()
        if c["institution_id"] == iid and under(c["path"], paths)
    }
    srcs |= {
        d["src"]
        for d in reg.duplicates()
        if d["candidate"] == iid and any(entry_values(d["entry"], paths))
    }
    return {s for s in srcs if isinstance(s, str)}


def _users(reg: Register, sha: str) -> set[str]:
    """The institutions that have values (or held ones) from the file ``sha``."""
    used = {
        i
        for i, inst in reg.institutions.items()
        if any(h.get("src") == sha for h in inst["history"])
    }
    used |= {c["institution_id"] for c in reg.conflicts() if c["theirs"].get("src") == sha}
    return used | {d["candidate"] for d in reg.duplicates() if d["src"] == sha}


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _lines(
    path: Path, key: str, iid: str, mark: Callable[[Json], Json], marks: _Marks, write: bool
) -> int:
    """The lines of a JSON-lines log (the send log, ``issued.jsonl``) whose ``key`` is ``iid``
    and that name an erased value (an address, a prefilled name), and its damaged lines that
    hold one (cut mid-line: whose they were may not be said; :func:`_text_marked`): how many;
    with ``write``, the log is written again with them as ``mark`` (a damaged line: ``marks``)
    makes them (the other lines as they are)."""
    if not path.exists():
        return 0
    out: list[bytes] = []
    changed = 0
    for line in path.read_bytes().splitlines(keepends=True):
        try:
            event = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            event = None
        if isinstance(event, dict) and event.get(key) == iid:
            marked = mark(event)
            if marked != event:
                changed += 1
                line = json.dumps(marked, ensure_ascii=False).encode() + b"\n"
        elif not isinstance(event, dict) and line.strip():  # damaged: erased values as text
            text = line.rstrip(b"\r\n")
            marked_text = _text_marked(text, marks)
            if marked_text != text:
                changed += 1
                line = marked_text + line[len(text) :]
        out.append(line)
    if write and changed:
        write_atomic(path, b"".join(out))
    return changed


def _marked(marks: _Marks) -> Callable[[Json], Json]:
    """A send log line with the erased values in it replaced by their markers, and the texts
    erased inside (``--text``) in what it says of the institution (its name, its address, a
    server's reply), each also written otherwise, as the register's (:func:`_logged`)."""
    return lambda event: _logged(
        json.loads(marks.replace_in(json.dumps(event, ensure_ascii=False))), marks
    )


_LOG_OWN = frozenset(
    {
        *("event", "at", "round", "kind", "lang", "deadline", "base_version", "categories"),
        *("institution_id", "instance_ids", "files", "path", "workspace", "message_id"),
        *("source", "reason", "action", "code", "said", "sep"),
    }
)
"""What a send log line says in formgen's own words (ids, paths, times, a reason's message
key): no value of the institution's, and not to be broken by a text erased inside
(``--text``)."""


def _logged(data: Any, marks: _Marks) -> Any:
    """A send log line (its texts, in a list or a reason's words, but :data:`_LOG_OWN`) with
    the erased values replaced by their markers also where written otherwise, as whole words
    (``Yilmaz`` for „Yılmaz“: :func:`_loosely_replaced`), and the texts erased inside but
    initials (a word of two letters in a server's reply is no more hers than in a file)."""
    if isinstance(data, str):
        return marks.in_text(marks.replace_in(data, loosely=True), initials=False)
    if isinstance(data, list):
        return [_logged(v, marks) for v in data]
    if isinstance(data, dict):
        return {k: v if k in _LOG_OWN else _logged(v, marks) for k, v in data.items()}
    return data


def _issued_marked(ws: Workspace, paths: list[str], marks: _Marks) -> Callable[[Json], Json]:
    """An ``issued.jsonl`` line with the values prefilled at ``paths`` that are erased replaced
    by their markers and the :func:`fingerprint` of each kept (under ``erased``); the other
    fields' values stay whole, as in the journal (an erased phone number inside a free text is
    that field's value, erased with it: :attr:`Erasure.within`). The words a form showed a
    language by (``languages_as_typed``: „Russisch (bei Frau Petrova)“) are a list's text as
    shown: where it is erased, they go (a return without them then keeps the register's)."""
    schema, secret = ws.schema(), ws.secret
    number = {t: n for n, texts in marks.texts.items() for t in texts}

    def mark(event: Json) -> Json:
        prefill = event.get("prefill")
        if not isinstance(prefill, dict):
            return event
        said = event.get("languages_as_typed")
        shown = (
            {k: w for k, w in said.items() if isinstance(w, dict)} if isinstance(said, dict) else {}
        )
        sent = sent_values(schema, prefill, shown)
        erased = {
            path: fingerprint(secret, path, _typed(stored))
            for path, stored in sent.items()
            if under(path, paths) and str(stored["raw"]).strip() in number
        }
        inner = {  # a text erased inside (--text): the value prefilled with it is left out too
            path: fingerprint(secret, path, _typed(stored))
            for path, stored in sent.items()
            if path not in erased and marks.in_text(str(stored["raw"])) != str(stored["raw"])
        }
        if not erased and not inner:
            return event
        marked: dict[str, object] = {}
        for key, value in prefill.items():
            path = schema.current_path(key)
            if path in erased:
                marked[key] = ERASED.format(n=number[str(sent[path]["raw"]).strip()])
            elif path in inner:
                marked[key] = _in_prefill(value, marks)
            else:
                marked[key] = value
        earlier = event.get("erased", {})
        out = {**event, "prefill": marked, "erased": {**earlier, **erased, **inner}}
        kept = {k: w for k, w in shown.items() if schema.current_path(k) not in {*erased, *inner}}
        if kept:
            out["languages_as_typed"] = kept
        else:
            out.pop("languages_as_typed", None)
        return out

    return mark


def _in_prefill(value: object, marks: _Marks) -> object:
    """A prefilled value (a text, a list of them) with the texts erased inside it."""
    if isinstance(value, str):
        return marks.in_text(value)
    if isinstance(value, list):
        return [marks.in_text(v) if isinstance(v, str) else v for v in value]
    return value


def _drafts(
    ws: Workspace, iid: str, needles: list[str], deleted: set[str]
) -> tuple[list[Path], list[str], list[Path]]:
    """The institution's mail drafts the send log names that carry a value, those not where it
    says (but for those an earlier erasure ``deleted``), and those that carry a value but are
    not shown to be this workspace's (:attr:`Erasure.unproven`)."""
    found: list[Path] = []
    missing: list[str] = []
    unproven: list[Path] = []
    here = str(ws.root.resolve())
    for event in _log_events(ws.root / SENDLOG):
        if event.get("event") != "drafted" or event.get("institution_id") != iid:
            continue
        draft = Path(str(event.get("path", "")))
        if not draft.is_file():
            if str(draft) not in deleted:
                missing.append(str(draft))
        elif _mail_holds(draft.read_bytes(), needles):
            ours = event.get("workspace") == here and draft.is_absolute()
            (found if ours else unproven).append(draft)
    once = dict.fromkeys
    return list(once(found)), list(once(missing)), list(once(unproven))


def _mails(ws: Workspace, iid: str, paths: list[str], marks: _Marks) -> tuple[Mail, ...]:
    """The mails of ``iid``'s rounds (one whose sending was never confirmed too: it may have
    gone) that held an erased value (:attr:`Erasure.mails`): a form
    attached was prefilled with one (its ``issued.jsonl`` line gets a marker), or the address
    they went to is one."""
    held = _prefilled(ws, iid, paths, marks)
    return tuple(
        Mail(d.round, d.delivered_at or d.maybe_sent_at, d.email, bool(d.sent_at), not d.delivered)
        for d in SendLog(ws.root).deliveries()
        if d.institution_id == iid
        and (d.delivered or d.maybe_sent_at)
        and (held.intersection(d.instance_ids) or _logged(d.email, marks) != d.email)
    )


def _prefilled(ws: Workspace, iid: str, paths: list[str], marks: _Marks) -> set[str]:
    """The instance ids of ``iid``'s forms that were prefilled with an erased value (their
    ``issued.jsonl`` lines get a marker)."""
    mark = _issued_marked(ws, paths, marks)
    return {
        str(e.get("formgen.instance_id"))
        for e in _log_events(ws.root / ISSUED)
        if e.get("formgen.institution_id") == iid and mark(e) != e
    }


def _outside(
    ws: Workspace, iid: str, named: list[str], pages: Pages
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The files formgen wrote outside the workspace for ``iid`` or of the whole register that
    hold one of ``named``, and those no longer there (:attr:`Erasure.outside`, each with when
    it was written)."""
    there, gone = [], []
    for w in ws.written_outside():
        if w.get("institution_id", iid) != iid:
            continue
        path = Path(w["path"])
        try:
            if holds(path.read_bytes(), named, pages):
                there.append((w["path"], w["at"]))
        except FileNotFoundError:
            gone.append((w["path"], w["at"]))
        except OSError:  # there, but not to be read (a folder, no permission): named all the same
            there.append((w["path"], w["at"]))
    return tuple(there), tuple(gone)


def _test_drafts(ws: Workspace, iid: str) -> tuple[str, ...]:
    """The drafts of tests for ``iid`` that are still there (:attr:`Erasure.test_drafts`)."""
    paths = (
        str(e.get("path"))
        for e in _log_events(ws.root / TEST_DRAFTS)
        if e.get("institution_id") == iid
    )
    return tuple(p for p in dict.fromkeys(paths) if Path(p).is_file())


def _log_events(path: Path) -> Iterable[Json]:
    if not path.exists():
        return
    for line in path.read_bytes().splitlines():
        try:
            event = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        if isinstance(event, dict):
            yield event


def _from_institution(
    ws: Workspace, reg: Register, iid: str, senders: set[str]
) -> Callable[[Path], bool | None]:
    """Whether a quarantine copy came from ``iid``: its record names a form issued to it, or
    a mail from an address it has or had or from ``senders`` (who mailed its returns whose
    provenance goes: a contact person's private address); ``False`` for a form issued to
    another institution or a mail from another's address, ``None`` when it does not say."""
    issued = ws.issued()

    def addresses(of: str) -> set[str]:
        held = reg.held_values(of, [f"{INSTITUTION}.email"])
        return {parseaddr(str(sv.get("raw", "")))[1].lower() for sv in held} - {""}

    own = addresses(iid)
    others = set().union(*(addresses(i) for i in reg.institutions if i != iid)) - own
    own |= senders - others

    def came(copy: Path) -> bool | None:
        record = quarantine.read_record(copy.with_suffix(".json"))
        form = issued.get(parse_reference(str(record.get("form") or "")) or "")
        senders = {
            parseaddr(str(a.get("mail_from") or ""))[1].lower() for a in record.get("arrivals", ())
        }
        if (form is not None and form.institution_id == iid) or senders & own:
            return True
        if (form is not None and form.institution_id) or senders & others:
            return False
        return None

    return came


def _plan(
    ws: Workspace,
    iid: str,
    paths: Iterable[str],
    mend: bool = False,
    pages: Pages | None = None,
    keep_current: bool = False,
    texts: Sequence[str] = (),
    inner: Sequence[str] = (),
) -> tuple[Erasure, list[bytes], _Marks, dict[Path, bytes], list[str]]:
    inner = list(dict.fromkeys(t.strip() for t in inner if t.strip()))
    reg = journal.load(ws)
    if reg.damaged_journal:  # an erasure deletes files: never on a register it cannot rebuild
        raise RegisterError(reg.damaged_journal)
    if reg.data.get(EDITED):  # its rebuild would keep the changed file aside, erased values in it
        raise RegisterError(Said("erase_edited", path=str(ws.register_path)))
    wanted = reg.erasable(iid, paths)
    held = reg.held_values(iid, wanted)
    now = reg.current_values(iid, wanted)
    current = {value_key(sv) for sv in now.values()}
    chosen = [sv for sv in held if _chosen(sv, current, keep_current, texts)]
    if held and not chosen:
        asked = (
            o.get("asked") or o["paths"]
            for o in journal.read_journal(ws)
            if o.get("op") == "erase" and o.get("target") == iid
        )
        if set(wanted) <= {p for paths in asked for p in paths}:  # run again: done already
            if mend:  # a crash may have kept the erasure from writing register.json: now it is
                journal.checkpoint(ws, reg)
            raise RegisterError(Said("reg_erase_already", iid=iid, paths=", ".join(wanted)))
        said = "reg_erase_none_chosen" if texts else "reg_erase_only_current"
        raise RegisterError(
            Said(said, iid=iid, paths=", ".join(wanted), texts=", ".join(f"„{t}“" for t in texts))
        )
    marks = _Marks(chosen, reg.erased_so_far(), only=len(chosen) < len(held))
    for text in inner:
        marks.add_inner(text)
    srcs = _sources_of(reg, iid, wanted)
    # its returns of forms prefilled with a value held it: a merge's ``sent`` values say so,
    # a repaired journal's base (the register as it was) keeps none, their sources do
    held_by = _prefilled(ws, iid, wanted, marks)
    srcs |= {sha for sha, src in reg.data["sources"].items() if src.get("instance_id") in held_by}
    path = journal.journal_path(ws)
    data = path.read_bytes() if path.exists() else b""
    ops = journal.read_journal(ws)  # a damaged line stops here, as every other command does
    went_to = _went_to(ws, ops)
    lines, changed, carried = _rewritten(
        journal.journal_lines(data, path), iid, wanted, marks, srcs, went_to, ws.secret
    )
    earlier = [o for o in ops if o.get("op") == "erase" and o.get("target") == iid]
    erased = {p for o in earlier for p in o.get("asked") or o["paths"]}
    if marks.inner and not marks.numbers and not changed:
        said = ", ".join(f"„{t}“" for t in inner)
        raise RegisterError(Said("reg_erase_text_nowhere", iid=iid, texts=said))
    if not marks.numbers and not marks.inner and set(wanted) <= erased:
        if mend:  # a crash may have kept the erasure from writing register.json: now it is
            journal.checkpoint(ws, reg)
        raise RegisterError(Said("reg_erase_already", iid=iid, paths=", ".join(wanted)))
    if not marks.numbers and not marks.inner:
        raise RegisterError(Said("reg_erase_never", iid=iid, paths=", ".join(wanted)))
    copied = {marks.numbers[k]: o for k, o in _split_copies(reg, iid, wanted).items()}
    # a copy is the other institution's person as well: files showing its values stay
    needles = [t for n, texts in marks.texts.items() if n not in copied for t in texts]

    def original(p: Path, sha: str, name: object = None) -> Original:
        name = str(name or reg.source(sha).get("file_name") or p.name)
        named = marks.replace_in(name, loosely=True)
        return Original(p, sha, named, tuple(sorted(_users(reg, sha) - {iid})))

    def kept(p: Path) -> Original:  # named as it first came in, its record says
        arrivals = quarantine.read_record(p.with_suffix(".json")).get("arrivals") or [{}]
        return original(p, p.stem, arrivals[0].get("file_name"))

    ours = {  # the returns, lists and checklists that brought the institution values
        op["submission"]["provenance"]["sha256"]
        for op in ops
        if op.get("op") == "merge"
        and (
            op["submission"]["identity"].get("formgen.institution_id") == iid
            or iid in went_to.get(op["seq"], ())
        )
    }
    names = [*needles, *(part for n in needles for part in parts(n))]
    originals = tuple(
        original(p, p.name)
        for p in _files(ws.archive_dir)
        if p.name in carried | srcs
        or (p.name in ours and (holds(data := p.read_bytes(), needles) or _filled_in(data, names)))
    )
    provenance = tuple(marks.written)
    senders = {parseaddr(t)[1].lower() for k, t in provenance if k == "mail_from"} - {""}
    came = _from_institution(ws, reg, iid, senders)

    def its(copy: Path) -> bool:  # a copy kept aside of the institution, or of no one known
        whose = came(copy)
        if whose is not None:
            return whose
        record = copy.with_suffix(".json")
        return holds(copy.read_bytes(), needles) or (
            record.exists() and holds(record.read_bytes(), needles)
        )

    kept_aside = tuple(kept(p) for p in _files(ws.quarantine_dir) if p.suffix != ".json" and its(p))
    # an ingest report names the returns' files (and their mails' senders) too
    named = [*needles, *senders, *(t for k, t in provenance if k == "file_name")]
    pages = pages or Pages()
    made = tuple(
        p
        for p in (*_files(ws.exports_dir), *_files(ws.forms_dir))
        if _made_for(ws, p) in (None, iid) and holds(p.read_bytes(), named, pages)
    )
    deleted = {d for o in earlier for d in o.get("drafts", ())}
    # an original an earlier erasure (of any institution) deleted is not this one's to record
    deleted_before = {s for o in ops if o.get("op") == "erase" for s in o.get("originals", ())}
    drafts, missing, unproven = _drafts(ws, iid, needles, deleted)
    outside = _outside(ws, iid, named, pages)
    inst = reg.institution(iid)
    holding = _holding(reg, needles)

    def erased_in(change: list[Any]) -> bool:  # a change of a revision at an erased path
        olds = [sv for sv in change[1:] if isinstance(sv, dict) and not is_erased(sv)]
        return under(change[0], wanted) and (not marks.only or any(map(marks.selects, olds)))

    at_path = {
        value_key(sv): (p, False)
        for h in inst["history"]
        for p, *olds in h["changes"]
        for sv in olds
        if sv is not None and under(p, wanted)
    }
    at_path |= {value_key(sv): (p, True) for p, sv in now.items()}
    shown = tuple(
        (t[0], *at_path.get(key, (wanted[0], False)))
        for key, n in marks.numbers.items()
        if (t := marks.texts[n])
    )
    erasure = Erasure(
        institution_id=iid,
        name=name_line(reg, iid),
        paths=tuple(wanted),
        values=tuple(t[0] for n, t in marks.texts.items() if t and n not in marks.inner),
        revisions=sum(any(map(erased_in, h["changes"])) for h in inst["history"]),
        conflicts=sum(
            c["institution_id"] == iid and erased_in([c["path"], c.get("mine"), c["theirs"]])
            for c in reg.conflicts()
        ),
        duplicates=sum(
            d["candidate"] == iid and any(True for _ in entry_values(d["entry"], wanted))
            for d in reg.duplicates()
        ),
        operations=changed,
        originals=originals,
        quarantine=kept_aside,
        made=made,
        sendlog=_lines(
            ws.root / SENDLOG, "institution_id", iid, _marked(marks), marks, write=False
        ),
        drafts=tuple(drafts),
        missing=tuple(missing),
        unproven=tuple(unproven),
        mails=_mails(ws, iid, wanted, marks),
        test_drafts=_test_drafts(ws, iid),
        outside=outside[0],
        outside_gone=outside[1],
        gone=tuple(
            sorted(
                s
                for s in carried | srcs
                if s not in deleted_before and not journal.archive_path(ws, s).exists()
            )
        ),
        elsewhere=tuple((i, at) for i, at in holding if i != iid),
        # --text: every field of its own that holds the text has it erased inside
        within=()
        if marks.inner
        else tuple(p for i, at in holding if i == iid for p in at if not under(p, wanted)),
        provenance=provenance,
        spools=tuple(spool.abandoned()),
        shown=shown,
        inner=tuple(inner),
        hits=_hits(reg, iid, [t for t in inner if len(t) < MIN_NEEDLE]),
        noted=() if marks.inner else _named_in(_texts_of(inst, wanted), names),
        kept=tuple((p, str(sv.get("raw", ""))) for p, sv in now.items() if not marks.selects(sv)),
        copied=tuple((marks.texts[n][0], o) for n, o in copied.items() if marks.texts[n]),
    )
    copies = _aside(ws, iid, wanted, marks, srcs | carried)
    return replace(erasure, aside=tuple(copies)), lines, marks, copies, list(reg.institutions)


def _split_copies(reg: Register, iid: str, paths: list[str]) -> dict[str, str]:
    """The values ``iid`` holds or held at ``paths`` only as copies a ``register split`` gave
    it (an older formgen copied contact persons too) of values the institution it split
    off holds or held still, unerased: value key → that institution (:attr:`Erasure.copied`)."""
    inst = reg.institution(iid)
    stored = [
        sv for h in inst["history"] for p, *olds in h["changes"] if under(p, paths) for sv in olds
    ]
    stored += reg.current_values(iid, paths).values()
    copies: dict[str, str] = {}
    own: set[str] = set()
    for sv in stored:
        if not isinstance(sv, dict) or is_erased(sv):
            continue
        source = reg.source(sv.get("src"))
        if source.get("kind") == SPLIT and not sv.get("confirmed"):
            copies.setdefault(value_key(sv), str(source.get("from")))
        else:
            own.add(value_key(sv))
    still = {
        o: {value_key(sv) for sv in reg.held_values(o, paths)}
        for o in set(copies.values())
        if o in reg.institutions
    }
    return {k: o for k, o in copies.items() if k not in own and k in still.get(o, ())}


def _texts_of(inst: Json, wanted: list[str]) -> list[str]:
    """The notes of an institution's history (``register set``, ``confirm``, ``erase``,
    ``retire``: each revision's ``note`` or ``reason``) and the texts of its fields but
    ``wanted``, now and earlier (a free text naming her)."""
    texts = [str(h[k]) for h in inst["history"] for k in ("note", "reason") if h.get(k)]
    stored = [(f"{INSTITUTION}.{k}", sv) for k, sv in inst["institution"].items()]
    stored += [
        (f"{c}.{k}", sv) for c, e in inst["entries"].items() for k, sv in e["fields"].items()
    ]
    stored += [(p, sv) for h in inst["history"] for p, *olds in h["changes"] for sv in olds]
    return texts + [
        sv["raw"]
        for p, sv in stored
        if isinstance(sv, dict) and isinstance(sv.get("raw"), str) and not under(p, wanted)
    ]


def _hits(reg: Register, iid: str, texts: list[str]) -> tuple[tuple[str, str, str, str], ...]:
    """Each place ``iid``'s values (now and earlier), its history's notes and what its
    sources say of who sent them hold one of ``texts`` as a word of its own
    (:func:`_as_word`): :attr:`Erasure.hits`, with the text around it (30 characters either
    side, „…“ where cut), the hit marked „»GK«“: one place each, also where one value holds
    two."""
    inst = reg.institution(iid)
    places: list[tuple[str, str, str]] = []
    for h in inst["history"]:
        places += [("note", str(h["rev"]), str(h[k])) for k in ("note", "reason") if h.get(k)]
        places += [
            ("value", p, str(sv["raw"]))
            for p, *olds in h["changes"]
            for sv in olds
            if isinstance(sv, dict) and isinstance(sv.get("raw"), str)
        ]
        source = reg.source(h.get("src"))
        places += [(k, "", str(source[k])) for k in _WRITTEN_BY if source.get(k)]
    found = []
    for text in texts:
        word = _as_word(text)
        for kind, where, held in dict.fromkeys(places):
            for m in word.finditer(held):  # one window each, the hit marked: »GK«/GKV, Frau GK
                start, end = max(0, m.start() - 30), m.end() + 30
                around = " ".join(
                    f"{held[start : m.start()]}»{m.group()}«{held[m.end() : end]}".split()
                )
                around = ("…" if start else "") + around + ("…" if end < len(held) else "")
                found.append((text, kind, where, around))
    return tuple(dict.fromkeys(found))


def _named_in(texts: Iterable[str], names: Iterable[str]) -> tuple[str, ...]:
    """Those of ``names`` (of :data:`MIN_NEEDLE` characters or more) that one of ``texts``
    holds as whole words, also written otherwise (:func:`_loosely_holds`)."""
    data = [t.encode() for t in texts]
    return tuple(
        n
        for n in dict.fromkeys(names)
        if len(n) >= MIN_NEEDLE and any(_loosely_holds(d, [n]) for d in data)
    )


def _filled_in(data: bytes, names: list[str]) -> bool:
    """Whether a Word or OpenDocument file says one of ``names`` wrote it or saved it last
    (:func:`ingest.docx_reader.written_by`), as whole words, also written otherwise
    (:func:`_loosely_holds`): the person who filled it in, as Word names her (``Zofia
    Wiśniewska``, ``Wiśniewska, Zofia`` of the erased „Zofia Wiśniewska-Łęcka“: its
    :func:`ingest.access.parts` too); not by initials (shorter than :data:`MIN_NEEDLE`: a
    „Z“ of „Z. Wiśniewska“ would be found by chance)."""
    names = [n for n in names if len(n) >= MIN_NEEDLE]
    return bool(names) and any(_loosely_holds(t.encode(), names) for _k, t in written_by(data))


def _made_for(ws: Workspace, path: Path) -> str | None:
    """The institution a file formgen made is the form of (``None``: an export, a print, a
    blank checklist)."""
    form = ws.issued_file(hashlib.sha256(path.read_bytes()).hexdigest())
    return form.institution_id if form is not None else None


def _holding(reg: Register, needles: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The institutions whose values, now or in their history, hold one of ``needles``, each
    with the paths where (:attr:`Erasure.elsewhere`, :attr:`Erasure.within`)."""
    needles = [n for n in needles if len(n) >= MIN_NEEDLE]

    def held(stored: object) -> bool:
        if not isinstance(stored, dict) or is_erased(stored):
            return False
        texts = [t for t in (stored.get("raw"), stored.get("v")) if isinstance(t, str)]
        return any(_text_holds(t, needles) for t in texts)

    found = []
    for iid, inst in sorted(reg.institutions.items()):
        stored = [(f"{INSTITUTION}.{k}", sv) for k, sv in inst["institution"].items()]
        stored += [
            (f"{c}.{k}", sv) for c, e in inst["entries"].items() for k, sv in e["fields"].items()
        ]
        stored += [(p, sv) for h in inst["history"] for p, *olds in h["changes"] for sv in olds]
        paths = sorted({p for p, sv in stored if held(sv)})
        if paths:
            found.append((iid, tuple(paths)))
    return tuple(found)


def made_again(ws: Workspace, path: Path) -> str | None:
    """The command that makes a file formgen made again (``None``: an ingest report, made
    once)."""
    if iid := _made_for(ws, path):
        return f"formgen generate {path.suffix.lstrip('.').lower()} --institution {iid}"
    if path.suffix.lower() == ".pdf":
        return "formgen register print"
    if path.suffix.lower() in (".csv", ".xlsx", ".json"):
        return f"formgen register export --format {path.suffix.lstrip('.').lower()}"
    return None


def plan(
    ws: Workspace,
    iid: str,
    paths: Iterable[str],
    keep_current: bool = False,
    texts: Sequence[str] = (),
    inner: Sequence[str] = (),
) -> Erasure:
    """What :func:`erase` would erase (nothing is changed); :class:`RegisterError` for an
    unknown institution or path, or a path that never held a value."""
    return _plan(ws, iid, paths, keep_current=keep_current, texts=texts, inner=inner)[0]


def erase(
    ws: Workspace,
    iid: str,
    paths: Iterable[str],
    note: str,
    confirm: Callable[[Erasure], bool] = lambda _e: True,
    wait: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    keep_current: bool = False,
    texts: Sequence[str] = (),
    inner: Sequence[str] = (),
) -> Erasure | None:
    """Erase every value ``iid`` holds or held at ``paths`` from the workspace (see the module
    docstring), holding the workspace's lock; ``confirm`` is asked with what will be erased
    first (``False``: nothing is changed, ``None`` is returned); ``progress`` is told the pages
    of prints read before (:class:`Pages`). ``keep_current``: the values ``iid`` holds now at
    ``paths`` stay (a successor's, set by hand), only earlier ones go; ``texts``: only the
    values holding one of them go (:func:`_chosen`); ``inner``: texts (her surname) erased
    inside the institution's notes and values and its forms' prefilled values too (a marker
    takes their place; a text shorter than :data:`MIN_NEEDLE` only as a word of its own: each
    place is in :attr:`Erasure.hits`); a value or text
    erased in ``note`` is replaced by its marker there too (:attr:`Erasure.note`). Raises :class:`RegisterError` (nothing is changed)
    for a blank ``note`` and as :func:`plan`."""
    note = " ".join(note.split())
    if not note:
        raise RegisterError(Said("reg_erase_note_blank"))
    with ws.lock(wait), journal.no_cyclic_gc():
        pages = Pages(progress) if progress else None
        erasure, lines, marks, copies, institutions = _plan(
            ws,
            iid,
            paths,
            mend=True,
            pages=pages,
            keep_current=keep_current,
            texts=texts,
            inner=inner,
        )
        kept = marks.in_text(marks.replace_in(note, loosely=True))
        named = [part for v in erasure.values for part in parts(v)]
        erasure = replace(erasure, note=kept, note_names=_named_in([kept], named))
        if not confirm(erasure):
            return None
        ops = journal.read_journal(ws)
        op: dict[str, Any] = {
            "seq": (int(ops[-1]["seq"]) if ops else 0) + 1,
            "op": "erase",
            "at": now_iso(),
            "target": iid,
            "paths": list(erasure.paths),
            "note": erasure.note,
            "originals": sorted({o.sha256 for o in erasure.originals} | set(erasure.gone)),
            "drafts": [str(p) for p in erasure.drafts],
        }
        if by := journal.user():
            op["by"] = by
        if marks.only:  # some values at the paths stay: the replay takes out only the marked
            op["marked"] = True  # and only where they go (a formgen before: all at "paths")
            op["asked"], op["paths"] = (
                op["paths"],
                [p for p in erasure.paths if not any(under(k, [p]) for k, _v in erasure.kept)],
            )
        lines.append(json.dumps(op, ensure_ascii=False, sort_keys=True).encode() + b"\n")
        erased = _replayed(ws, iid, lines, institutions)
        # replayed first: nothing is deleted or written for an erasure the journal cannot make;
        # then the files, the journal last: a crash before the journal is written leaves the
        # values in the register, and the same command run again finds them and finishes
        for o in (*erasure.originals, *erasure.quarantine):
            o.path.unlink(missing_ok=True)
            if o in erasure.quarantine:
                o.path.with_suffix(".json").unlink(missing_ok=True)
            fsync_dir(o.path.parent)
        for p in (*erasure.made, *erasure.drafts):
            p.unlink(missing_ok=True)
        for folder in erasure.spools:
            shutil.rmtree(folder, ignore_errors=True)
        for path, marked in copies.items():
            write_atomic(path, marked)
        _lines(ws.root / SENDLOG, "institution_id", iid, _marked(marks), marks, write=True)
        issued = _issued_marked(ws, list(erasure.paths), marks)
        _lines(ws.root / ISSUED, "formgen.institution_id", iid, issued, marks, write=True)
        write_atomic(journal.journal_path(ws), b"".join(lines))
        journal.checkpoint(ws, erased)
    return replace(erasure, name=name_line(erased, iid))  # a text erased in it: „(erased #1)“


def _replayed(
    ws: Workspace, who: str, lines: list[bytes], institutions: Collection[str]
) -> Register:
    """The register the journal ``lines`` (the erased values marked, the erasure's operation
    last) make, replayed from the start as ``register rebuild`` does: the same institutions
    under the same ids as ``institutions`` (the register before), else :class:`RegisterError`
    (nothing is changed yet) naming whom the erasure is of, ``who`` (an institution, a login)."""
    try:
        reg = journal.replay(ws, [json.loads(line) for line in lines])
    except RegisterError as exc:
        raise RegisterError(Said("reg_erase_replay", iid=who, why=exc.args[0])) from exc
    if set(reg.institutions) != set(institutions):
        ids = sorted(set(reg.institutions) ^ set(institutions))
        why = Said("reg_erase_replay_ids", ids=", ".join(ids))
        raise RegisterError(Said("reg_erase_replay", iid=who, why=why))
    return reg


def _by_marked(data: Any, login: str, marker: str) -> int:
    """Replace ``login`` as the ``by`` of every operation, revision and event in ``data`` (a
    journal operation, the register a repaired journal begins with) by ``marker``; how many."""
    count = 0
    if isinstance(data, dict):
        if data.get("by") == login:
            data["by"] = marker
            count += 1
        count += sum(_by_marked(v, login, marker) for v in data.values())
    elif isinstance(data, list):
        count += sum(_by_marked(v, login, marker) for v in data)
    return count


def _by_in_copy(data: bytes, login: str, marker: str) -> bytes:
    """A copy kept aside (a damaged journal or register, one edited by hand: it may not read
    as JSON) with ``login`` as a ``by`` replaced by ``marker``, as JSON writes it (also with
    ``\\u`` escapes)."""
    text = data.decode("utf-8", "surrogateescape")
    for written in dict.fromkeys((json.dumps(login, ensure_ascii=False), json.dumps(login))):
        text = re.sub(rf'("by"\s*:\s*){re.escape(written)}', rf"\g<1>{json.dumps(marker)}", text)
    return text.encode("utf-8", "surrogateescape")


@dataclass(frozen=True)
class LoginErasure:
    """What :func:`erase_login` erases (or erased)."""

    login: str
    operations: int
    """Journal operations that name it as who made them."""
    aside: tuple[Path, ...]
    """Copies kept aside (:func:`ingest.journal.kept_aside`) that name it: marked, kept."""


def erase_login(
    ws: Workspace,
    login: str,
    confirm: Callable[[LoginErasure], bool] = lambda _e: True,
    wait: float | None = None,
) -> LoginErasure | None:
    """Erase a coordinator's login name from who changed the register (``register
    erase-login``: a coordinator who left asks for it): a marker (:data:`ERASED`, numbered on
    from the register's) takes its place as the ``by`` of every journal operation, of the
    revisions of the register a repaired journal begins with, and in the copies kept aside;
    ``register.json`` is made again from the journal, so ``register history`` and ``find
    --all`` say „von (gelöscht)“, and ``rebuild`` and ``repair`` replay it as before, also in a
    formgen before (no operation of its own is journaled: a ``by`` is all that changes).
    ``confirm`` is asked with what will be erased first (``False``: nothing changed, ``None``
    returned). Raises :class:`RegisterError` (nothing changed) where no operation names it, or
    the journal is damaged."""
    with ws.lock(wait), journal.no_cyclic_gc():
        reg = journal.load(ws)
        if reg.damaged_journal:
            raise RegisterError(reg.damaged_journal)
        if reg.data.get(EDITED):  # its rebuild would keep the changed file aside, the login in it
            raise RegisterError(Said("erase_edited", path=str(ws.register_path)))
        path = journal.journal_path(ws)
        data = path.read_bytes() if path.exists() else b""
        marker = ERASED.format(n=reg.erased_so_far() + 1)
        lines: list[bytes] = []
        named = 0
        for line, op in journal.journal_lines(data, path):
            if _by_marked(op, login, marker):
                named += 1
                line = json.dumps(op, ensure_ascii=False, sort_keys=True).encode()
            lines.append(line + b"\n")
        if not named:
            raise RegisterError(Said("reg_erase_by_nowhere", login=login))
        copies = {
            p: marked
            for p in journal.kept_aside(ws)
            if (marked := _by_in_copy(copy := p.read_bytes(), login, marker)) != copy
        }
        erasure = LoginErasure(login, named, tuple(copies))
        if not confirm(erasure):
            return None
        erased = _replayed(ws, login, lines, list(reg.institutions))  # nothing written for one
        for p, marked in copies.items():  # it cannot make
            write_atomic(p, marked)
        write_atomic(path, b"".join(lines))
        # a register changed outside formgen kept aside, as ever; the journal replayed once
        journal.rebuild_unlocked(ws, replayed=erased)
    return erasure
