"""The register: every institution and its entries, each value with provenance and history.

The register is JSON (``register.json`` in the workspace), plain data wrapped by
:class:`Register`. Shape (format version :data:`FORMAT_VERSION`)::

    {"format": "formgen-register", "format_version": 1, "schema_id": "…",
     "revision": 17,            # changes made so far (all institutions)
     "journal_seq": 17,         # journal operations this file contains (see ingest.journal)
     "next": {"inst": 4, "conflict": 2, "duplicate": 1},
     "checked_with": "2.0.0",   # after a schema switch: see Register.recheck_retyped
     "institutions": {"inst-0001": {
         "id": "inst-0001", "rev": 3,            # the institution's revision = base_version of forms
         "institution": {"name": VALUE, …},      # institution-scope fields
         "entries": {"psychotherapie": {"fields": {"languages_offered": VALUE, …},
                                        "confirmed_at": "…", "by_institution": true,
                                        "reconfirmed_at": "…"}},  # see staleness.last_confirmed
         "retired": {"at": "…", "reason": "…"|null,  # only while retired (see below)
                     "merged_into": "inst-0003"},      # only when merged into it
         "history": [{"rev": 1, "at": "…", "src": SHA|null, "op": "merge", "changes": [
                       [PATH, OLD VALUE|null, NEW VALUE]]}, …]}},
     "conflicts": {"c-0001": {…}}, "duplicates": {"d-0001": {…}},
     "sources": {SHA: {"file_name", "instance_id", "kind", "reader", "schema_version",
                       "confidence", "ingested_at", …,
                       "came_in": DAY,             # a mailed return's: its mail's Date
                                                   # (a copy kept aside: when it came in)
                       "institutions": [ID, …],    # a return's: whom it came from, whatever
                                                   # it changed (a value held for a decision too)
                       "confirmed": [ID, …]}},     # those whose entries it confirmed
     "instances": {INSTANCE_ID: [CONTENT HASH, …]},  # keyed ones too: see content_hash
     "edited_outside": true,    # only once formgen found the file changed outside it
     "journal_covers": {"bytes": N, "seq": N, "sha256": "…"},  # written by the checkpoint
     "sealed_sha256": "…"}      # last, written by the checkpoint: see Register.write_json

A VALUE is ``{"v": typed value or null, "raw": "as typed", "src": SHA, "rev": N}``: the typed
value, what was typed, and where it came from (``sources[src]``: file name and SHA-256, form
instance, the schema version the form was made with (not in a source an older formgen stored,
nor in an imported list's), reader, confidence, when ingested). An invalid value also has
``"problem"``: why, in English, and ``"problem_key"`` and ``"problem_args"``: the same as a
message key and its args, so that the printed register says it in its language
(:mod:`formgen.messages`; a value stored by an older formgen has the English text only, and
that is shown).
A value a merge took from another institution (see below) also has ``"origin"``: the source it
had there, which says whose word it is.
A value the register held before that the institution's own form gave as it is (prefilled and
sent back unchanged, or typed alike) also has ``"confirmed"``: the SHA-256 of the first such
return; or, confirmed to a coordinator (:meth:`Register.confirm`, on the telephone), that of a
source of kind :data:`HAND` with the note and the time. It is then the institution's own, as if
it had typed it (see the merge rules); a value that replaces it has no such key until the
institution confirms that one.
A probable duplicate (``duplicates``) holds the returned entry, the day its return came in
(``came_in``, as :meth:`Register.merge` counts a confirmation; not in one held by an older
formgen), its ``candidate`` and why:
``"reason"`` in English (as the ingest report says it) and ``"reason_key"`` and
``"reason_args"``, its words in :data:`formgen.messages.WORDS`, so that ``register conflicts``
says it in the workspace's language (:func:`formgen.messages.reason_text`; one written by an older
formgen has the English reason only, and that is shown).
PATH is a :class:`formgen.model.FieldPath` as text, as in an institution form
(``institution.name``, ``psychotherapie.languages_offered``).

An institution that closed, merged into another or no longer matters is *retired*
(:meth:`Register.retire`, ``formgen register retire``): it keeps everything, and its history an
event ``{"rev": its revision, "at", "src": null, "op": "retire", "reason", "changes": []}``
(``"op": "restore"`` when :meth:`Register.restore` takes it back), but :meth:`Register.ids` and
:meth:`Register.iter_entries` leave it out, and through them the update list, the gaps, the
search, the printed register, the tables and the mail rounds. A return of it is still merged,
and flagged. A register written before has no ``retired`` anywhere and reads as it did.

Two institutions found to be one (the same clinic entered twice under two spellings, two
services that merged) are merged by a coordinator (:meth:`Register.merge_institutions`,
``formgen register merge KEEP OTHER``): what only OTHER holds is taken into KEEP as one
revision, ``"op": "merge-from"`` with ``"other"`` and the ``"note"`` (an event of that op when
nothing is taken), its source of kind :data:`MERGED`; each value so taken keeps whose word it
was in OTHER (``"origin"``: the source it had there, so a value the institution gave itself stays
its own, and ``"confirmed"`` as it was); where both hold different values, KEEP's stays and
OTHER's is held (``held_merged``). OTHER is retired with ``"merged_into": KEEP`` (reason
``merged into KEEP``) and the event ``"op": "merge-into"``: a return of one of its forms (or a
checklist that matches it) goes to KEEP, flagged: a value the institution changed on its form
is taken where KEEP holds what the form showed, and held (``held_merged_form``) where KEEP
holds another. ``register restore OTHER`` takes it back as it was: what the merge took into KEEP stays
there, and its forms go to it again.

A service that split off one (``formgen register split ID --name NAME``,
:meth:`Register.split_institution`) is a new institution with ID's other values and checklists
as one revision, ``"op": "split-from"`` with ``"other"`` and the ``"note"``, its source of kind
:data:`SPLIT` (no value its word, its entries never confirmed); ID keeps its id and history and
gets the event ``"op": "split-off"`` with ``"other"``, the new one.

A coordinator sets or removes a value by hand (:meth:`Register.hand_values`,
:meth:`Register.set_by_hand`, ``formgen register set``): what an institution said on the
telephone, an address that bounces. The value is checked as a returned one is and stored as
a new revision, ``"op": "set"`` with the ``"note"``; a removed value is ``null`` as the change's
new value. A value set so is the centre's word, not the institution's: its entry (every entry,
for an institution field) no longer counts as confirmed by the institution (``by_institution``,
"nein" in the tables, unmarked in the print's key, on the update list) until the institution
confirms it on its next form or to a coordinator (:meth:`Register.confirm`); a value removed
changes nothing there. Its ``src`` is a source that is no file: ``{"kind": "hand", "note", "ingested_at"}``
(:data:`HAND`), under a SHA-256 of what was set. To the merge it is a change in the register like
any other: a form made before that comes back with the old value changes nothing, one with
another value is held.

A coordinator imports the centre's own list of institutions (``formgen register import``,
:mod:`ingest.table_import`): one submission per file, one entry return per row, whose
provenance's reader is :data:`IMPORT`. Its source is of kind :data:`IMPORT` (no form: no
``instance_id``; the ``note`` given), its revisions ``"op": "import"``. It is the centre's old
knowledge, not the institution's word: merged like a checklist from someone else (a value the
institution gave or confirmed itself or a coordinator set by hand is held, never replaced, and
so is a valid value by an invalid one), it confirms nothing (no ``confirmed_at``; its entries
stay unconfirmed, on the update list, until the institution answers) and an entry whose values
it changes no longer counts as confirmed by the institution (``by_institution``), which never
saw them. A value the register holds flagged (by an earlier formgen) that it gives again as
typed, valid by today's rules, it takes where it may replace the value at all (someone else's,
as its own earlier list's), as the institution's own return takes it over any.

A coordinator records that an institution confirmed its entries as they are (on the telephone:
"all still true") with :meth:`Register.confirm` (``formgen register confirm``): each entry
counts as confirmed by the institution that day (``confirmed_at``, ``reconfirmed_at``,
``by_institution``), and its history gets an event like a retirement's, ``"op": "confirm"``
with the ``"note"`` and the ``"categories"``; no value changes, the revision stays. Its valid
values, of those entries and the institution's own fields, are the institution's own from then
on (``"confirmed"``, as a return that confirms them): a list or a checklist from someone else
never replaces them by itself (held, ``reg_held_confirmed_hand``, with the day and note). An
institution's own return that confirms entries and changes nothing (its update form sent back
as it was prefilled) gets the same event, with the return as its ``"src"`` instead of a note.

Merge rules (learned from ODK Central's entities), in :meth:`Register.merge`:

* the same file (SHA-256) or the same form instance with the same content again → nothing changes;
* a return whose ``base_version`` is the institution's current revision → clean update;
* the register changed since ``base_version`` → every field is compared three ways (base, register,
  return): fields only the return changed are applied and the outcome is flagged; a field changed
  on both sides to different values is held for review (``conflicts``) and not applied — but
  for the institution's own return over a value an imported list gave, the centre's old
  knowledge: its answer replaces it. A form
  made before the register knew the institution (no ``base_version``: mailed from a recipients
  list) counts as made from revision 0 once another return, an import or a hand edit made it;
* a value as the form was sent (the prefill the workspace recorded, else the register's value at
  ``base_version``) is nothing its sender changed: it never replaces a newer value — an untouched
  copy, ingested after the corrected return of the same form, only confirms;
* the institution's return confirms only what its form showed: a value someone else gave since
  the form was made (an imported list, a checklist; not the institution's own word nor a
  coordinator's) that the form did not show and the return neither gave nor answers keeps its
  entries (all of them, for an institution field) unconfirmed (``by_institution``), on the update
  list, and the outcome says so (:meth:`Register._unseen`), and so does its history (a
  ``"confirm"`` event with the return as ``"src"`` and those paths as ``"unconfirmed"``). A
  form an older formgen made from a recipients list (no ``base_version``, no recorded
  prefill): what it showed is not known, and its return confirms as before;
* a value read by position (confidence low: a printed or flattened PDF, a Word form saved by
  LibreOffice 7.4, which strips the controls' tags) never replaces one read from form fields by
  itself, nor one set by hand (one an imported list gave, the centre's old knowledge, it does): it
  is held (``held_low``, ``held_low_hand``) — a viewer may have drawn it mirrored, or 7.4 joined its
  lines; one that is the register's right-to-left text with its letters reversed is held as
  probably read reversed (``held_reversed``). Except an entry's date and initials (:data:`~formgen.model.CONFIRMED_ON`, a field
  of type ``initials``) on a form prefilled from the register's current revision: the institution
  writes them anew on every return as its confirmation, so they are taken (the reader's notes
  ask to review what was read by position); held, every such return would leave its entries
  stale until a coordinator decided each date and initials. A copy of an older form, or of a
  form merged already, is held as before;
* an entry's date and initials from the institution itself, dated later than the register's
  date (its latest valid one: a return dated 31.02.2026 in between says no day), are its
  latest confirmation: taken even from a form made before the register changed
  (an answer that came late), where a field changed on both sides would be held; and so are
  they over someone else's (a checklist's, when and by whom it was filled in), and its own
  spelling of a text someone else typed plainer (without accents, special letters or case);
* a return of the institution's own form made before another of its forms whose return the
  register holds (from an earlier revision, :meth:`Register._newer_return`; last year's form
  after this year's), not dated later than the register's date, is superseded: that return is
  the institution's latest word, so it changes and confirms nothing by itself — every value
  it gives otherwise is held (``held_superseded``), its date and initials are left out, and
  the outcome says so;
* of two returns of the same form with different values (a sync client's conflict copy beside
  the file, the form sent twice), the one dated later (the entry's "Datum"; on the same date,
  the one sent later: :func:`_sent_at`) is the institution's latest word: an older
  copy merged after it is superseded alike (``held_older_copy``, :meth:`Register._newer_copy`).
  Where which is newer is not known, or the other copy changed nothing, the copy that comes
  later is a correction of the first and merges as before (said, with the other copy, where
  it replaces what that one gave: ``ingest_merge_copy_corrects``) — but for the PDF and the Word file
  of one mail (``--format both``) both filled in: neither corrects the other, so what the second
  one met gives otherwise is held (:data:`HELD_TWIN`), in whichever order they come;
* held values are numbered in the schema's field order, so a rebuild from the journal numbers
  them alike (and decisions are journaled with their institution and field);
* the institution's own form that comes back with another name, address (street or postcode)
  and phone or mail than the register holds, all at once, was most likely passed on and
  filled in by another institution: its entry is held as a probable duplicate of it
  (``ingest_merge_other_institution``), which changes nothing; ``--new`` makes it an
  institution, ``--merge`` takes it as the institution's (renamed and moved) as a checklist
  from someone else. A rename at the same address, a move, a new number alone are merged;
* a blank field means "not filled in", never "delete"; "fehlanzeige" is a value like any other.
  A value the form was sent with that came back blank is kept, and the outcome says so
  (``path: left empty on the form; the register keeps '…'``): it may no longer be true;
* an invalid value is stored as typed with the reason and flagged, never dropped;
* a checklist block (no institution id) is matched against the register (:mod:`ingest.matching`)
  and merged, queued as a probable duplicate, or created as ``inst-NNNN``: numbered after
  every institution the register holds (retired ones too) and every ``inst-NNNN`` the
  workspace gave elsewhere (``first_new``: a form it made, a mail round's institution, one
  not mailed too, :func:`ingest.journal.given`), so that no new institution takes the id
  of one a round mailed that has not answered yet; a row naming such an institution as the
  round mailed it (``named``, case and accents aside) is that one, created under its id. What
  it (or an
  imported list, or a probable duplicate merged on decision) gives never replaces by itself a
  value the institution gave itself or confirmed on its own form or to a coordinator
  (``"confirmed"``), one a coordinator set by hand, or a valid value by an invalid one: held
  (:meth:`Register._guarded`).
  A value it does change is one the institution never saw: its entries (all of them, for an
  institution field) no longer count as confirmed by the institution (``by_institution``), so
  its next form asks it. Its entry's date and initials (:data:`~formgen.model.CONFIRMED_ON`, a
  field of type ``initials``) say when and by whom that someone filled it in, not that the
  institution confirmed anything: where the register holds such a value as guarded, they are
  neither taken nor held (the journal and the archived original keep them). A text it gives
  as the register holds it but without accents and letters a keyboard lacks or in other case
  („Gulsen Ozturk“ for „Gülşen Öztürk“, :func:`formgen.fold.fold`) is the same text: the
  register keeps its spelling and the outcome notes the other (``ingest_merge_spelled``);
* a return naming a category or field the schema does not know is not merged at all: the outcome
  says ``quarantined`` with the reason, and the pipeline keeps the file in ``quarantine/``. Not a
  return of an older version replayed from the journal that gives a field the schema dropped
  since: the register kept that value when it merged it, and a rebuild keeps it alike
  (:meth:`Register.with_dropped` for one read again);
* a field the schema renamed (``renamed_from``) owns what the register holds under its old id:
  values, history and held conflicts are read under the current id, and so are returns replayed
  from the journal (merged under the old id before the schema changed);
* a value is compared with the register's by what it means in the current schema version
  (:meth:`Register.same`): a choice the version dropped, held valid from before the switch, is
  the same however either side typed it (label, code, marked as no longer offered).
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import hashlib
import hmac
import json
import re
import unicodedata
from _json import make_encoder  # what json.encoder uses: CPython's C encoder
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from json.encoder import encode_basestring
from typing import Any

from formgen.errors import FormgenError, RegisterError, RegisterVersionError
from formgen.filenames import not_typed
from formgen.filenames import shown as escaped
from formgen.fold import fold
from formgen.identity import FormIdentity, reference
from formgen.linebreak import LINE_BREAK, breaks_shown, pasted
from formgen.messages import (
    ENGLISH,
    Problem,
    Said,
    SaidJoined,
    SaidProblem,
    date_text,
    per_language,
    reason_said,
    reason_text,
    say,
)
from formgen.model import (
    CONFIRMED_ON,
    INSTITUTION,
    OTHER,
    Category,
    Field,
    FieldPath,
    FieldType,
    Schema,
    Scope,
    choice_value,
    choices_of,
    folded,
)
from formgen.record import (
    ERASED,
    ERASED_MARK,
    InstitutionRecord,
    Value,
    erased_shown,
    month_of,
    offered,
)
from formgen.schema_load import did_you_mean
from ingest.labels import (
    dropped_option,
    field_of,
    option_names,
    path_label,
    path_named,
    scope_label,
    scope_named,
    value_field,
)
from ingest.matching import (
    MATCHING,
    MERGE,
    PROBABLE,
    Candidate,
    Match,
    Matcher,
    normalise_online,
    normalise_phone,
    phone_key,
)
from ingest.schemas import SchemaRegistry, unknown_category
from ingest.submission import KEPT_AS_IS, Checked, EntryReturn, Submission, short, value_path
from ingest.values import (
    ONE_LINE,
    own_names,
    parse_date,
    remark,
    shown_as_typed,
    split_list,
)

CONTACT_NAME = "contact_name"
CONTACT_DETAILS = ("contact_phone", "contact_email")
"""A checklist's contact person and how she is reached (schema/arbeitshilfe.yaml): a return
that names another person but leaves these as they were is merged and said
(:meth:`Register._contact_kept`)."""

FORMAT = "formgen-register"
FORMAT_VERSION = 1

SEAL = "sealed_sha256"
"""The key, last in ``register.json``, of the SHA-256 of the file's text before it (the text
:meth:`Register.dumps` gives): :meth:`Register.loads` finds a file changed outside formgen by it
(:data:`EDITED`). A file an older formgen wrote, or one written by :meth:`Register.dumps`, has
none and is taken as it is."""

EDITED = "edited_outside"
"""Set (``true``) in a register whose file was found changed outside formgen (an editor): what
was changed there is in no journal, so the history lacks it and a rebuild undoes it. Kept by
every checkpoint after (the seal covers it), so it is said until ``register rebuild`` makes the
register from the journal again."""

COVERS = "journal_covers"
"""The key, in ``register.json`` as the checkpoint writes it, of the journal it was written
with (:func:`ingest.journal.checkpoint`): its first ``bytes``, the ``seq`` of their last
operation and their ``sha256``. A journal that still begins with those bytes was checked line by
line when they were written: :func:`ingest.journal.load` reads only the operations after them.
Not part of :attr:`Register.data` (:attr:`Register.covers`)."""

Json = dict[str, Any]

# outcome statuses
UNCHANGED = "unchanged"
UPDATED = "updated"
CONFIRMED = "confirmed"
MERGED_FLAGGED = "merged-flagged"
HELD = "held"
HELD_TWIN = "held_twin_copy"
"""Why a value is held that one copy of a form gives and another copy of it gave otherwise,
neither known to be the later (:meth:`Register._newer_copy`)."""
QUARANTINED = "quarantined"


HAND = "hand"
"""The ``kind`` of a source that is no file: values a coordinator set by hand
(:meth:`Register.set_by_hand`, ``formgen register set``)."""


IMPORT = "import"
"""The reader of a table a coordinator imported (``formgen register import``) and the ``kind``
of its source: the centre's own list, not the institution's word."""


MERGED = "merged"
"""The ``kind`` of the source of values ``formgen register merge`` took into an institution from
another one found to be the same (:meth:`Register.merge_institutions`): no file; ``from`` names
the institution merged into it, ``note`` why."""


SPLIT = "split"
"""The ``kind`` of the source of the values ``formgen register split`` gave a service that split
off another (:meth:`Register.split_institution`): no file; ``from`` names the institution it
split off, ``note`` why. They are a start, not its word (:meth:`Register._own`)."""


EMAIL = "institution.email"
"""The institution's address, where ``formgen mail`` sends its forms: a coordinator may set it
by hand to what it holds already, and so vouches for it (:meth:`Register.hand_values`)."""


def _stored_in(inst: Json) -> Iterator[object]:
    """Every value ``inst`` holds now or held in its history."""
    yield from inst["institution"].values()
    for e in inst["entries"].values():
        yield from e["fields"].values()
    for h in inst["history"]:
        for _path, *values in h["changes"]:
            yield from values


def is_erased(stored: object) -> bool:
    """Whether a stored value (or a journaled one) is an erased value's marker (:data:`ERASED`)."""
    return (
        isinstance(stored, dict)
        and stored.get("v") is None
        and isinstance(stored.get("raw"), str)
        and ERASED_MARK.fullmatch(stored["raw"]) is not None
    )


def value_key(stored: Mapping[str, Any]) -> str:
    """A key that two stored values share when :func:`same_value` holds for them."""
    v = stored.get("v")
    if v is None:
        return "raw " + str(stored.get("raw"))
    return "v " + _encode(sorted(v) if isinstance(v, list) else v)


def under(path: str, paths: Iterable[str]) -> bool:
    """Whether ``path`` is one of ``paths`` or a part of one (``x._other`` of ``x``)."""
    return any(path == p or path.startswith(p + ".") for p in paths)


def by_hand(source: Mapping[str, Any], lang: str) -> str | None:
    """How a value's source is named when a coordinator set it by hand, in ``lang``: ``set
    by hand: per Telefon 23.11.``, or took it from an institution merged into its own
    (``register merge``): ``merged from inst-0004 by hand: dieselbe Praxis``; ``None`` for a
    file's."""
    kind = source.get("kind")
    if kind in (MERGED, SPLIT):
        said = "merge_by_hand" if kind == MERGED else "split_by_hand"
        return say(said, lang, other=str(source.get("from")), note=str(source.get("note")))
    if kind != HAND:
        return None
    return say("by_hand", lang, note=str(source.get("note") or ""))


@dataclass(frozen=True)
class EntryOutcome:
    """What merging one entry return did (for a line per checklist block or imported row)."""

    block: int | None
    """The entry return's block (an imported row: its line in the file)."""
    institution: str | None
    """The institution it went to; ``None`` when it waits as a probable duplicate."""
    created: bool = False
    matched: bool = False
    """Matched to a known institution by name and postcode or phone (it gave no id)."""
    duplicate: str | None = None
    """The probable duplicate it waits as (``d-NNNN``), of :attr:`candidate`."""
    candidate: str | None = None
    changes: int = 0
    conflicts: tuple[str, ...] = ()
    """Its values held for a decision (``c-NNNN``)."""


@dataclass(frozen=True)
class Merged:
    """What :meth:`Register.merge_institutions` did to the institution kept."""

    taken: tuple[str, ...]
    """The paths of the values taken from the other institution (it held none there)."""
    held: tuple[str, ...]
    """The other's values held for a decision (``c-NNNN``): the two differ."""
    same: int
    """Values both held alike."""


@dataclass(frozen=True)
class MergeOutcome:
    """What merging one submission did, for the ingest report.

    ``status``: ``unchanged`` (already ingested, or nothing new), ``updated`` (applied cleanly),
    ``confirmed`` (every value as the register has it: the entries count as confirmed),
    ``merged-flagged`` (applied, but look: the register had changed since the form was made, a
    value it stored was invalid, a prefilled value came back blank, a value someone else gave
    since the form was made, which it did not show, stays unconfirmed, a new institution looks
    like an existing one, or the institution is retired), ``held`` (some values are waiting in
    ``register conflicts``) or ``quarantined`` (nothing merged; ``reason`` says why).

    ``flags`` are what the register found (a match, a probable duplicate, a held value, a
    prefilled value left empty, a form older than the register, an institution created, a
    retired one that answered); ``invalid`` are the return's own invalid values, kept as typed,
    one line each (``path: invalid value kept as typed: why``): the ingest report lists those
    among the file's warnings already (``Submission.problems``). One the register holds
    already (an update form sent back with it as prefilled) flags nothing: the return may
    still be ``confirmed``.
    """

    status: str
    institutions: tuple[str, ...] = ()
    created: tuple[str, ...] = ()
    changes: int = 0
    flags: tuple[str, ...] = ()
    invalid: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()
    reason: str | None = None
    already_ingested: bool = False
    """The same file, or the same form with the same content, was merged before: the ingest
    report shows it as ``duplicate`` (its warnings were reported the first time)."""
    entries: tuple[EntryOutcome, ...] = ()
    """What each entry return did, in the submission's order."""
    kept_empty: Mapping[str, Mapping[str, str] | None] = field(default_factory=dict)
    """The return's required fields left empty whose value the register keeps (a blank never
    deletes): path → that value in each language (``None``: erased, the register keeps the
    erasure), for the ingest report to say so rather than "not filled in"
    (:func:`ingest.pipeline.register_merge` fills it in)."""

    @property
    def went_to(self) -> tuple[str, ...]:
        """Where each of the return's entries went, in order: an institution id, or the
        probable duplicate (``d-0001``) it is held as; empty when nothing was merged."""
        return tuple(e.institution or e.duplicate or "" for e in self.entries)

    @property
    def merged(self) -> bool:
        return self.status in (UPDATED, CONFIRMED, MERGED_FLAGGED, HELD)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def local_day(at: object) -> dt.date | None:
    """The day on this computer's clock of a moment :func:`now_iso` wrote (``…Z``, in UTC): the
    day a coordinator saw it happen. A day alone (``2026-11-23``) is that day; ``None`` for
    neither (a hand edit of register.json: other text, a number, null), which no command may
    stop over."""
    if not isinstance(at, str):
        return None
    try:
        return dt.datetime.fromisoformat(at).astimezone().date()
    except ValueError:
        return None


def _sent_at(sub: Submission) -> str | None:
    """When a return was sent, as far as known (ISO 8601): its mail's Date. A loose file's
    modification time is no such date: copying, unpacking or checking out files sets it, so
    two copies of one return would be ordered by chance."""
    return sub.provenance.mail_date


def _word_file(reader: object) -> bool:
    """Whether a return read by ``reader`` is a copy of the Word file of its form (the .docx,
    also saved as .odt or PDF), not of the PDF form."""
    # the readers' modules load lxml and pdfplumber, which the register needs not otherwise
    from ingest.docx_reader import READER as DOCX
    from ingest.flat_reader import WORD_READER
    from ingest.odt_reader import READER as ODT

    return reader in (DOCX, ODT, WORD_READER)


def _moment(at: object) -> dt.datetime | None:
    """A moment :func:`_sent_at` gave, stored; one without a time zone (a mail's Date of
    ``-0000``) is in UTC; ``None`` for none or no moment (a hand edit)."""
    try:
        when = dt.datetime.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        return None
    return when if when is None or when.tzinfo else when.replace(tzinfo=dt.UTC)


def _later(confirmed: object, came_in: str) -> object:
    """An entry's confirmation after a return that came in on ``came_in``: that, unless the
    entry was confirmed on a later day already (a saved mailbox of older mails ingested after
    a newer return)."""
    before, now = local_day(confirmed), local_day(came_in)
    return confirmed if before and now and before > now else came_in


def file_said(source: Mapping[str, Any]) -> SaidJoined:
    """The file name of a source (its record in ``sources``) as a report says it: a value
    erased from it is said as erased („(gelöscht)“), as the history says it, not as the
    register's marker."""
    pieces = ERASED_MARK.split(str(source.get("file_name") or "?"))  # name, n, name, …
    return SaidJoined((Said("erased") if i % 2 else p for i, p in enumerate(pieces)), "")


def already_ingested(source: Mapping[str, Any]) -> MergeOutcome:
    """What merging a file the register holds already says; ``source``: its record in
    ``sources`` (the ingest pipeline says it without reading the file again); a record edited
    by hand is said as far as it goes."""
    at = source.get("ingested_at")
    day = local_day(at)
    return MergeOutcome(
        UNCHANGED,
        reason=Said(
            "ingest_merge_file_again",
            day=day.isoformat() if day else str(at or "?"),
            file=file_said(source),
        ),
        already_ingested=True,
    )


def split_path(path: str) -> tuple[str, str]:
    """The scope (``institution`` or a category) and field key of a value path."""
    p = FieldPath.parse(path)
    return p.category, p.field + (f".{p.option}" if p.option else "")


def same_value(a: Json | None, b: Json | None) -> bool:
    """Two stored values mean the same (lists compared as sets, invalid ones by what was typed;
    so an invalid one and a valid one typed the same: a choice stored before a later schema
    version dropped it, flagged when it comes again). :meth:`Register.same` compares two values
    of a field by what they mean in the current schema version."""
    if a is None or b is None:
        return a is b
    va, vb = a.get("v"), b.get("v")
    if va is None or vb is None:
        return a.get("raw") == b.get("raw") and (
            va is vb or bool(a.get("problem") or b.get("problem"))
        )
    if isinstance(va, list) and isinstance(vb, list):
        return sorted(va) == sorted(vb)
    return bool(va == vb)


READ_BEFORE = frozenset({"phone_mobile_extension", "far_future", "future_two_digit_year"})
"""The problems of values formgen read as valid before it flagged them (a Durchwahl after a
mobile number, a date more than a year ahead, a „Datum“ ``24.11.62`` read as 1962): one of them, sent again as the register holds
it, is no change (:meth:`Register.same`)."""


def _read_before(stored: Json, f: Field) -> object:
    """A stored value's ``v``; of one flagged for a problem of :data:`READ_BEFORE`, what its text
    was read as before (a date as its day)."""
    if stored.get("v") is None and stored.get("problem_key") in READ_BEFORE:
        raw = str(stored.get("raw", ""))
        return parse_date(raw).value if f.type is FieldType.DATE else raw
    return stored.get("v")


_TEXT_TYPES = frozenset(
    {
        FieldType.TEXT,
        FieldType.TEXTAREA,
        FieldType.PHONE,
        FieldType.EMAIL,
        FieldType.URL,
        FieldType.INITIALS,
    }
)
"""The types whose value is text: one kept as typed is still their value (:meth:`Register.record`)."""
_TYPED_TYPES = frozenset({FieldType.DATE, FieldType.INTEGER, FieldType.PERCENTAGE})
"""The types typed into a text box whose value is no text (a day, a number): one kept as typed
is shown as typed (:attr:`formgen.record.InstitutionRecord.typed`)."""


def answered(cat: Category, fields: Mapping[str, object]) -> bool:
    """Whether an entry's own values ``fields`` (by key) answer anything of its checklist
    ``cat`` (:attr:`~formgen.model.Category.answer_fields`): one that holds only its Datum
    und Handzeichen is incomplete (:func:`ingest.staleness.review`)."""
    return any(key.split(".")[0] in cat.answer_fields for key in fields)


def is_blank(checked: Checked) -> bool:
    return (
        checked.problem is None
        and (checked.value is None or checked.value == [] or checked.value == "")
        and not checked.raw.strip()
    )


def content_hash(sub: Submission, secret: bytes | None = None) -> str:
    """A hash of what a return says (not of its bytes): the same form re-saved hashes the same.
    With ``secret`` (the workspace's) a keyed one (HMAC-SHA256), prefixed :data:`KEYED`: the
    register holds it for a return an erasure marked (:func:`ingest.erase.erase`), in place of
    the plain one of what it said, which would confirm a guessed erased value."""
    data = [
        [
            e.institution_id,
            e.category,
            e.block,
            sorted((k, c.raw) for k, c in e.institution.items() if not is_blank(c)),
            sorted((k, c.raw) for k, c in e.entry.items() if not is_blank(c)),
        ]
        for e in sub.entries
    ]
    text = json.dumps([sub.identity.instance_id, data], ensure_ascii=False, sort_keys=True)
    if secret is not None:
        return KEYED + hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()
    return hashlib.sha256(text.encode()).hexdigest()


KEYED = "hmac:"
"""How a keyed content hash (:func:`content_hash`) starts among an instance's."""


@dataclass
class _Plan:
    """Changes for one institution from one entry return, computed before anything is touched."""

    apply: dict[str, Json] = field(default_factory=dict)
    held: dict[str, Json] = field(default_factory=dict)
    held_why: dict[str, str] = field(default_factory=dict)
    """Why a value was held (its words' key in :data:`formgen.messages.WORDS`), where the general
    reason (changed on both sides) does not fit."""
    invalid: list[str] = field(default_factory=list)
    """The return's invalid values, kept as typed (:attr:`MergeOutcome.invalid`)."""
    touched_categories: list[str] = field(default_factory=list)
    left_empty: list[str] = field(default_factory=list)
    """Values the form was prefilled with that came back blank, which the register keeps: one
    warning each (``path: left empty on the form; …``)."""
    reconfirmed: list[str] = field(default_factory=list)
    """Categories whose "Datum" the institution's return gave as the register holds it (the
    update form sent back with its date as prefilled: all still true, confirmed today)."""
    confirms: list[str] = field(default_factory=list)
    """Values the institution's own return gave as the register holds them, from a list or a
    checklist from someone else: its own from now on (``"confirmed"``)."""
    spelled: list[str] = field(default_factory=list)
    """Values someone else gave as the register holds them but for accents, letters and case
    (:func:`_plainer`): kept as the register spells them, one note each."""
    superseded: bool = False
    """The return is of a form older than one whose return the register holds (and not dated
    later): it changes and confirms nothing by itself, what it gives otherwise is held."""


_C_ENCODER = make_encoder(
    None, json.JSONEncoder().default, encode_basestring, None, ": ", ", ", True, False, True
)
"""The C encoder behind ``json.dumps(ensure_ascii=False, sort_keys=True)``, made once: made
for each of a register's ~100,000 small records it took a third of the time."""


def _shown_short(text: str) -> dict[str, str]:
    """``text`` for a one-line message (:func:`ingest.submission.short`) in each language, a
    text erased in it as erased („(gelöscht)“), never its marker „(erased #1)“."""
    return per_language(lambda lang: short(erased_shown(text, lang)))


def _encode(value: Any) -> str:
    return "".join(_C_ENCODER(value, 0))


FLUSH_PIECES = 50_000
"""Pieces of JSON text held before they are written out (about 3 MB, 600 institutions)."""


def _in_order(positions: Mapping[str, int]) -> Callable[[str], tuple[int, str]]:
    """Sort key for field keys by their schema position (``x._other`` right after ``x``)."""
    return lambda key: (positions.get(key.partition(".")[0], len(positions)), key)


def _write_text(data: Json, write: Callable[[bytes], object]) -> None:
    """``data`` as UTF-8 JSON text (:func:`_json_into`), given to ``write`` in parts."""

    def flush(out: list[str]) -> None:
        write("".join(out).encode())
        out.clear()

    pieces: list[str] = []
    _json_into(data, pieces, flush)
    flush(pieces)


def _json_into(
    value: Any, out: list[str], flush: Callable[[list[str]], None], level: int = 0
) -> None:
    """Append ``value`` as JSON text to ``out`` in pieces, keys sorted, one record per line.

    A dict or list of at most eight items none of which is a dict (a value record, a list of
    codes, a history event) is written on one line by the C encoder; a larger one is laid out
    one item per line, indented one space per level. ``indent=1`` would run Python's pure-Python
    encoder over every value: twice as slow for 5,000 institutions (bench/bench_register.py),
    and four lines per value record where this has one. Appending to one list, rather than
    yielding through a generator per level, halves the time again. Between the items of the
    outer two levels (an institution, a source) ``flush`` is given ``out`` once it holds
    :data:`FLUSH_PIECES` pieces, so a large register is written without a copy in memory.
    """
    items = value.values() if isinstance(value, dict) else value
    if len(value) <= 8:
        for v in items:  # a loop, not any(…): this runs for each of ~100,000 records
            if isinstance(v, dict):
                break
        else:
            out.append(_encode(value))
            return
    inner = " " * (level + 1)
    if isinstance(value, dict):
        opening, closing = "{", "}"
        pairs: Iterable[tuple[str, Any]] = (
            (encode_basestring(k) + ": ", value[k]) for k in sorted(value)
        )
    else:
        opening, closing = "[", "]"
        pairs = (("", v) for v in value)
    sep, after = f"{opening}\n{inner}", f",\n{inner}"
    for prefix, item in pairs:
        if isinstance(item, dict | list):
            out.append(sep + prefix)
            _json_into(item, out, flush, level + 1)
        elif type(item) is str:  # as the C encoder writes it, without its call
            out.append(sep + prefix + encode_basestring(item))
        else:
            out.append(sep + prefix + _encode(item))
        sep = after
        if level < 2 and len(out) >= FLUSH_PIECES:
            flush(out)
    out.append(f"\n{' ' * level}{closing}")


class Register:
    """The register in memory. Pure: no files (see :mod:`ingest.journal` for durability)."""

    def __init__(self, schema: Schema, data: Json | None = None) -> None:
        self.schema = schema
        self.kept: SchemaRegistry | None = None
        """The schema versions the workspace keeps: they name a choice the current version
        dropped that a value still holds (:func:`ingest.labels.option_text`)."""
        self.issued_at: Callable[[str], str | None] = lambda _instance_id: None
        """When the workspace made a form, by its instance id
        (:meth:`formgen.workspace.Workspace.issued_at`): said of an older form's return."""
        self.covers: Json | None = None
        """What ``register.json`` said of the journal it was written with (:data:`COVERS`);
        ``None`` where it said nothing usable or was changed outside formgen."""
        self.damaged_journal: str | None = None
        """What :func:`ingest.journal.load` found damaged in the journal (its line, said), which
        it read up to there only; the command says it and shows the register so far."""
        self.by: str | None = None
        """Who makes the changes now (:func:`ingest.journal.user`, the journal line's ``by``):
        each revision and event gets it as its ``by``; ``None`` (a journal of a formgen before,
        or no login name to be had) adds nothing."""
        self.data: Json = data if data is not None else self.empty(schema)
        self._matchers: dict[int, Matcher] = {}
        """The matcher of each way of reading names (:data:`ingest.matching.MATCHING`), made
        when a merge first matches."""
        self._listed: dict[str, str] | None = None
        """:meth:`listed`, made when first asked."""
        self._inst_ids = {f.id: n for n, f in enumerate(schema.institution_fields())}
        """Institution-scope field ids → their position in the schema."""
        self._entry_ids = {
            c.id: {f.id: n for n, f in enumerate(f for f in c.fields if f.scope is Scope.ENTRY)}
            for c in schema.categories
        }
        """Category → its entry-scope field ids → their position in the schema."""
        self._written_anew = frozenset(
            value_path(c.id, f.id)
            for c in schema.categories
            for f in c.entry_fields
            if f.id == CONFIRMED_ON or f.type is FieldType.INITIALS
        )
        """The value paths of each entry's "Datum" and "Handzeichen": written anew on every
        return, as its confirmation."""
        if schema.renamed_ids:
            self._to_current_ids()

    def start_from(self, data: Json) -> None:
        """Hold ``data`` (not copied) from now on: the register a journal's ``base`` operation
        holds (:func:`ingest.journal.repair`), as :meth:`loads` would read it."""
        self.data = data
        self._matchers = {}
        self._listed = None
        if self.schema.renamed_ids:
            self._to_current_ids()

    @staticmethod
    def empty(schema: Schema) -> Json:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_id": schema.schema_id,
            "revision": 0,
            "journal_seq": 0,
            "next": {"inst": 1, "conflict": 1, "duplicate": 1},
            "institutions": {},
            "conflicts": {},
            "duplicates": {},
            "sources": {},
            "instances": {},
        }

    # ------------------------------------------------------------------ loading / saving

    @classmethod
    def loads(cls, schema: Schema, text: str | bytes, source: str = "register.json") -> Register:
        """Read a register; a damaged or hand-broken file raises with its line and column."""
        try:
            data = json.loads(text)
        except UnicodeDecodeError as exc:
            raise RegisterError(Said("regerr_not_utf8", source=source, byte=exc.start)) from None
        except json.JSONDecodeError as exc:
            said = Said(
                "regerr_not_json", source=source, line=exc.lineno, column=exc.colno, why=exc.msg
            )
            raise RegisterError(said) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise RegisterError(Said("regerr_not_register", source=source, format=FORMAT))
        version = data.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise RegisterError(Said("regerr_no_version", source=source))
        if version > FORMAT_VERSION:
            raise RegisterVersionError(
                Said("regerr_newer", source=source, version=version, most=FORMAT_VERSION)
            )
        missing = [k for k in cls.empty(schema) if k not in data]
        if missing:
            raise RegisterError(Said("regerr_lacks", source=source, keys=", ".join(missing)))
        _check_structure(data, source)
        if data["schema_id"] != schema.schema_id:
            theirs, ours = str(data["schema_id"]), schema.schema_id
            raise RegisterError(
                Said("regerr_other_schema", source=source, theirs=theirs, ours=ours)
            )
        seal = data.pop(SEAL, None)
        if seal is not None and not _sealed(text, data, seal):
            data[EDITED] = True
        covers = data.pop(COVERS, None)
        reg = cls(schema, data)
        if seal is not None and not data.get(EDITED) and isinstance(covers, dict):
            reg.covers = covers  # sealed with the register: formgen wrote it
        return reg

    def dumps(self) -> bytes:
        """The register as UTF-8 JSON (sorted keys: the same register gives the same bytes)."""
        parts: list[bytes] = []
        self.write_json(parts.append)
        return b"".join(parts)

    def write_json(self, write: Callable[[bytes], object], sealed: bool = False) -> None:
        """The UTF-8 JSON text of :meth:`dumps`, given to ``write`` in parts of a few MB (a
        register of 50 MB is not held a second time in memory as one string). ``sealed``
        (the checkpoint): the text's SHA-256 added as the last key, :data:`SEAL`, and the
        journal it covers (:attr:`covers`) before it."""
        if not sealed:
            _write_text(self.data, write)
            return
        data = {**self.data, COVERS: self.covers} if self.covers else self.data
        digest = hashlib.sha256()
        held: list[bytes] = []  # the last part, which ends with the whole's closing, _END

        def hashed(part: bytes) -> None:
            digest.update(part)
            if held:
                write(held.pop())
            held.append(part)

        _write_text(data, hashed)
        write(held[0][: -len(_END)] + _seal(digest.hexdigest()))

    def _to_current_ids(self) -> None:
        """Values, history and held conflicts stored under a field's id from before a rename
        move to its current id: the register, its exports, print and update forms show them
        under the renamed field. Where both ids hold a value (a register written while both
        were in use), the current id's value is kept; the other stays in the history.
        Runs on every open while the schema names a rename, so a key or path that needs no
        move costs a set look-up or two (is it, or the part before its last dot, an old id?)."""
        schema = self.schema

        def move(values: Json, scope: str) -> None:
            old = schema.renamed_ids.get(scope)
            if old is None:
                return
            for key in [k for k in values if k in old or k.rpartition(".")[0] in old]:
                values.setdefault(schema.current_key(scope, key), values.pop(key))

        for inst in self.institutions.values():
            move(inst["institution"], INSTITUTION)
            for cid, entry in inst["entries"].items():
                move(entry["fields"], cid)
            for h in inst["history"]:
                for change in h["changes"]:
                    change[0] = schema.current_path(change[0])
        for held in self.data["conflicts"].values():
            held["path"] = schema.current_path(held["path"])

    def recheck_retyped(self) -> None:
        """Check again what the register holds in a field an older version kept
        (:attr:`kept`) gave another type (:attr:`ingest.schemas.SchemaRegistry.retyped`),
        against the current type, as a form of that version returned now is: a value invalid
        then and valid now (``many`` in a field turned from a number into text) is valid, one
        valid then and invalid now is flagged with why. Each such value is replaced, never
        changed in place: the history keeps what each return gave, as it was checked then.
        A value kept shortened or a placeholder stays as it is (:func:`ingest.validate._recheck`).
        Once done, ``"checked_with"`` names the version, so that a register written since is not
        checked again, nor the older versions read for it, until the next switch."""
        version = self.schema.schema_version
        if self.kept is None or self.data.get("checked_with") == version:
            return
        retyped = self.kept.retyped
        if self.kept.older:
            self.data["checked_with"] = version
        if not retyped:
            return
        from ingest.validate import check_typed  # validate imports this module

        def recheck(values: Json, fields: Iterable[Field]) -> None:
            for f in fields:
                stored = values.get(f.id)
                if f.id not in retyped or not isinstance(stored, dict) or is_erased(stored):
                    continue
                if stored.get("problem_key") in KEPT_AS_IS:
                    continue
                checked = check_typed(f, str(stored.get("raw", ""))).get(f.id)
                if checked is None:
                    continue
                now = _checked_json(checked)
                if all(stored.get(k) == now.get(k) for k in ("v", "problem", "problem_key")):
                    continue
                kept = {k: v for k, v in stored.items() if not k.startswith("problem")}
                values[f.id] = {**kept, **now, "raw": stored["raw"]}

        categories = {c.id: c for c in self.schema.categories}
        for inst in self.institutions.values():
            recheck(inst["institution"], self.schema.institution_fields())
            for cid, entry in inst["entries"].items():
                if cid in categories:
                    recheck(entry["fields"], categories[cid].entry_fields)

    def with_dropped(self, sub: Submission, journaled: Submission) -> Submission:
        """``sub``, a return read again from its original (``register rebuild --reread``), with
        the values ``journaled`` (as it was merged) gave in fields the schema dropped since,
        which an older version :attr:`kept` has: read now, a form of its version leaves them out
        (:func:`ingest.validate.to_current`), but the register kept them when it merged it."""
        kept = self.kept
        if kept is None or sub.identity.schema_version == self.schema.schema_version:
            return sub

        def dropped(
            scope: str, ids: Mapping[str, int], values: Mapping[str, Checked]
        ) -> dict[str, Checked]:
            return {
                k: c
                for k, c in values.items()
                if k.partition(".")[0] not in ids and kept.older_field(scope, k) is not None
            }

        was = {(e.institution_id, e.category, e.block): e for e in journaled.entries}
        entries = []
        for e in sub.entries:
            old = was.get((e.institution_id, e.category, e.block))
            if old is not None:
                ids = self._entry_ids.get(e.category or "", {})
                e = replace(
                    e,
                    institution={
                        **dropped(INSTITUTION, self._inst_ids, old.institution),
                        **e.institution,
                    },
                    entry={**dropped(e.category or "", ids, old.entry), **e.entry},
                )
            entries.append(e)
        return replace(sub, entries=tuple(entries))

    def _current_entry(self, e: EntryReturn) -> EntryReturn:
        """A returned entry with its values under the current ids of their fields (a form of
        an older version is mapped when it is read; a return replayed from the journal or a
        held duplicate was stored as it was mapped then)."""
        current_key = self.schema.current_key
        return replace(
            e,
            institution={current_key(INSTITUTION, k): c for k, c in e.institution.items()},
            entry={current_key(e.category or "", k): c for k, c in e.entry.items()},
        )

    # ------------------------------------------------------------------ look-ups

    @property
    def institutions(self) -> dict[str, Json]:
        inst: dict[str, Json] = self.data["institutions"]
        return inst

    @property
    def revision(self) -> int:
        return int(self.data["revision"])

    def institution(self, iid: str) -> Json:
        try:
            return self.institutions[iid]
        except KeyError:
            raise RegisterError(Said("gen_no_institution", iid=iid)) from None

    def source(self, sha: str | None) -> Json:
        return dict(self.data["sources"].get(sha, {})) if sha else {}

    def name_of(self, iid: str, lang: str | None = None) -> str:
        """``iid``'s name as stored; with ``lang``, as a reader is shown it: a text erased in it
        (``register erase --text``) as ``lang`` says erased („Praxis Dr. (gelöscht)“)."""
        v = self.institutions.get(iid, {}).get("institution", {}).get("name")
        name = str(v.get("v") or v.get("raw")) if v else iid
        return erased_shown(name, lang) if lang else name

    def list_ids(self, iid: str) -> tuple[str, ...]:
        """The ids the centre's own lists gave ``iid`` (``register import``: a ``Kennung`` that
        is no id of the register), as they wrote them: a row giving one of them again is
        ``iid``'s (:meth:`listed`)."""
        return tuple(self.institutions.get(iid, {}).get("list_ids", ()))

    def listed(self) -> dict[str, str]:
        """Each id a centre's list gave an institution (:meth:`list_ids`) → that institution."""
        if self._listed is None:
            self._listed = {
                lid: iid for iid, inst in self.institutions.items() for lid in self.list_ids(iid)
            }
        return self._listed

    def _keep_list_ids(self, iid: str, list_ids: Iterable[str]) -> None:
        """Keep ``list_ids`` as ``iid``'s ids in the centre's lists, but an id of the register
        and another institution's list id (one id, one institution)."""
        if not list_ids:  # the register's map of list ids is not made for none
            return
        listed = self.listed()
        for lid in list_ids:
            if lid not in self.institutions and lid not in listed:
                self.institutions[iid].setdefault("list_ids", []).append(lid)
                listed[lid] = iid

    def retired(self, iid: str) -> Json | None:
        """When and why ``iid`` was retired (``{"at": …, "reason": …}``); ``None`` while it is
        current (or unknown)."""
        found: Json | None = self.institutions.get(iid, {}).get("retired")
        return found

    def ids(self, with_retired: bool = False) -> list[str]:
        """The institutions' ids, sorted; those retired only ``with_retired``. What every list,
        the print, the update list and the mail rounds go through."""
        return [i for i in sorted(self.institutions) if with_retired or not self.retired(i)]

    def iter_entries(self, with_retired: bool = False) -> Iterator[tuple[str, str, Json]]:
        """(institution id, category, entry) for every entry of :meth:`ids`, in id and schema
        order."""
        order = {c.id: n for n, c in enumerate(self.schema.categories)}
        for iid in self.ids(with_retired):
            entries = self.institutions[iid]["entries"]
            for cid in sorted(entries, key=lambda c: order.get(c, 999)):
                yield iid, cid, entries[cid]

    def plain(self, stored: Mapping[str, Json]) -> dict[str, Value]:
        """Field → value as the record convention has it (an invalid value as typed)."""
        out: dict[str, Value] = {}
        for key, sv in stored.items():
            v = sv.get("v")
            out[key] = v if v is not None else str(sv.get("raw", ""))
        return out

    def record(self, iid: str) -> InstitutionRecord:
        """The institution as prefill input of its personalised form (base_version = its revision).

        An invalid value is shown as typed, so that the institution sees it and corrects it: in
        a text field as its value, in a date or number field as
        :attr:`~formgen.record.InstitutionRecord.typed` (its box shows the text); so is a
        valid one that says less than was typed (:func:`~ingest.values.shown_as_typed`: „ab
        Jan. 2026“, „ca. 90 %“), which the institution would not find as it wrote it. Left out is
        only an invalid choice (a box or list has no state for it), and so is a choice the
        schema no longer offers (:func:`~formgen.record.offered`): the institution chooses anew;
        and a field it no longer has (its form has no box for it).
        """
        inst = self.institution(iid)
        inst_fields = {f.id: f for f in self.schema.institution_fields()}
        typed: dict[str, str] = {}
        named: dict[str, dict[str, str]] = {}

        def usable(
            scope: str, stored: Mapping[str, Json], fields: Mapping[str, Any]
        ) -> dict[str, Value]:
            out: dict[str, Value] = {}
            for key, sv in stored.items():
                if key.partition(".")[0] not in fields:
                    continue  # a field the current version dropped: the register keeps it
                f = fields.get(key)
                if f is not None and shown_as_typed(f, sv.get("v"), str(sv.get("raw", ""))):
                    typed[str(FieldPath(scope, None, key))] = str(sv["raw"])  # „Januar 2027“
                elif sv.get("v") is not None:
                    value = offered(f, sv["v"]) if f is not None else sv["v"]
                    if value is not None:
                        out[key] = value
                    if isinstance(value, list) and f and f.type is FieldType.LANGUAGE_LIST:
                        # the next form shows a language without a box by their words
                        named[str(FieldPath(scope, None, key))] = own_names(
                            str(sv.get("raw", "")), value
                        )
                elif "." in key or (f is not None and f.type in _TEXT_TYPES):
                    out[key] = str(sv.get("raw", ""))
                elif f is not None and f.type in _TYPED_TYPES:
                    typed[str(FieldPath(scope, None, key))] = str(sv.get("raw", ""))
            return out

        entries = {
            cid: usable(cid, e["fields"], {f.id: f for f in self.schema.entry_fields(cid)})
            for cid, e in inst["entries"].items()
        }
        return InstitutionRecord(
            id=iid,
            categories=tuple(entries),
            institution=usable(INSTITUTION, inst["institution"], inst_fields),
            entries=entries,
            base_version=int(inst["rev"]),
            typed=typed,
            named=named,
        )

    def value(self, iid: str, path: str) -> Json | None:
        """The value the register holds for ``iid`` at ``path`` (``institution.phone``,
        ``psychotherapie.languages_offered``) now, as stored; ``None`` for none."""
        return self._current(self.institution(iid), self.schema.current_path(path))

    def history(self, iid: str) -> list[Json]:
        return list(self.institution(iid)["history"])

    def conflicts(self) -> list[Json]:
        """The held conflicts, each as it was held: its ``mine`` is the register's value then
        (:meth:`value` gives the one it holds now)."""
        return [self.data["conflicts"][k] for k in sorted(self.data["conflicts"])]

    def held_now(self, held: Json) -> Json | None:
        """The value the register holds now in the field of the held conflict ``held``: a
        later return or decision may have changed it since (its ``mine``)."""
        inst = self.institutions.get(held["institution_id"])
        return None if inst is None else self._current(inst, held["path"])

    def moot(self, held: Json) -> bool:
        """Whether the register holds the held conflict's returned value by now (a later
        return or decision gave it): either decision keeps that value."""
        return self.same(held["path"], self.held_now(held), held["theirs"])

    def same(self, path: str, a: Json | None, b: Json | None) -> bool:
        """:func:`same_value` by what the values at ``path`` mean in the current schema
        version, not how they were typed: an invalid one naming only choices the field offers
        or offered (:attr:`kept`), one of them dropped, is those choices, so it is the value
        stored valid before the switch however either was typed („Dormagen“, ``dormagen``,
        „Dormagen (nicht mehr in der Auswahl)“). Other invalid values: by what was typed.
        A text is the same without the characters pasted with it unseen
        (:func:`formgen.linebreak.pasted`), a phone number with the same digits (the same number
        dialled): values stored before they were read so („Königs\u00adallee“,
        ``+49 211 123450``) are no change when the institution sends them as before. Nor is
        one formgen flags since it stored it valid (:data:`READ_BEFORE`: ``0171 1234567-0``,
        ``24.11.2062``). Nor is one with another remark (:func:`~ingest.values.remark`): „ca.
        90 %“ and ``90``, „ca. Jan 2026“ and „Jan 2026“, „ab Jan. 2026“ and „01.2026“ are two
        answers, the value the same: the institution that takes back its „ca.“ gives its new
        word (a return), and so does a coordinator who sets it (``register set``)."""
        a, b = self._meant(path, a), self._meant(path, b)
        if same_value(a, b):
            return not self._remarks_differ(path, a, b)
        f = value_field(self.schema, *split_path(path))
        if a is None or b is None or f is None:
            return False
        va, vb = _read_before(a, f), _read_before(b, f)
        if not (isinstance(va, str) and isinstance(vb, str)):
            return False
        if f.type is FieldType.PHONE:
            return normalise_phone(va) == normalise_phone(vb)
        return pasted(va, f.type in ONE_LINE) == pasted(vb, f.type in ONE_LINE)

    def _remarks_differ(self, path: str, a: Json | None, b: Json | None) -> bool:
        """Whether ``a`` and ``b`` at ``path``, the same value, were typed with another remark
        (:func:`~ingest.values.remark`: „ca.“, „ab“, „Arabisch (Syrisch)“)."""
        if (
            a is None
            or b is None
            or (raw_a := str(a.get("raw", ""))) == (raw_b := str(b.get("raw", "")))
        ):
            return False  # typed alike: the same remark
        v = a.get("v")
        if isinstance(v, list) and "(" not in raw_a + raw_b:
            return False  # a language is said with more than its name only in brackets
        if type(v) is not int and not month_of(v) and not isinstance(v, list):
            return False  # most values: no number, month or list, as a remark goes with
        f = value_field(self.schema, *split_path(path))
        return f is not None and remark(f, v, raw_a) != remark(f, b.get("v"), raw_b)

    def _meant(self, path: str, stored: Json | None) -> Json | None:
        """``stored`` with the choices it names as its value (:meth:`same`), else as it is."""
        if stored is None or stored.get("v") is not None or self.kept is None:
            return stored
        f = value_field(self.schema, *split_path(path))
        if f is None or not choices_of(f):
            return stored
        raw = str(stored.get("raw", ""))
        kept = self.kept
        named = [
            choice_value(f, item)
            or (item if kept.dropped_choice(f, item) else dropped_option(f, item, kept))
            for item in (split_list(raw, option_names(f, kept)) if f.is_multi else [raw.strip()])
        ]
        offered = {c.value for c in choices_of(f)}
        if not named or None in named or offered.issuperset(named):
            return stored
        return {**stored, "v": list(dict.fromkeys(named)) if f.is_multi else named[0]}

    def duplicates(self) -> list[Json]:
        return [self.data["duplicates"][k] for k in sorted(self.data["duplicates"])]

    # ------------------------------------------------------------------ merging

    def merge(
        self,
        sub: Submission,
        at: str | None = None,
        sent: Mapping[str, Json] | None = None,
        first_new: int = 1,
        named: Mapping[str, str] | None = None,
        matching: int = MATCHING,
        keyed: str | None = None,
    ) -> MergeOutcome:
        """Merge one validated return (rules in the module docstring). ``at``: ingest time;
        the entries it touches count as confirmed from the day it came in (its provenance's
        ``came_in`` or ``received``, else ``at``), or later when they were already;
        ``sent``: the values its form was sent with, stored as a return's values are
        (:func:`ingest.validate.sent_values`), when the workspace recorded them;
        ``first_new``: the lowest number an institution it creates may have (``inst-NNNN``);
        ``named``: the ids mail rounds gave institutions by the names they were mailed under,
        folded (:func:`formgen.fold.fold`); ``matching``: how a checklist is matched
        (:data:`ingest.matching.MATCHING`; a journaled merge's own when it is replayed);
        ``keyed``: its keyed content hash (:func:`content_hash`) as read, before
        :func:`ingest.erase.left_out` (:meth:`holds_keyed`), or as an erasure journaled it
        with the merge: a return the register holds it of is one ingested already, though an
        erasure marked its values since; held for its instance when it is merged."""
        at = at or now_iso()
        sha = sub.provenance.sha256
        if sha in self.data["sources"]:
            return already_ingested(self.data["sources"][sha])
        chash = content_hash(sub)
        known = self.data["instances"].get(sub.identity.instance_id, [])
        if chash in known or (keyed is not None and keyed in known):
            return MergeOutcome(
                UNCHANGED,
                reason=Said("ingest_merge_form_again", form=sub.identity.reference),
                already_ingested=True,
            )
        if self.schema.renamed_ids:
            sub = replace(sub, entries=tuple(map(self._current_entry, sub.entries)))
            if sent is not None:  # journaled by a merge from before the rename
                sent = {self.schema.current_path(p): v for p, v in sent.items()}
        problem = self._quarantine_reason(sub)
        if problem:
            return MergeOutcome(QUARANTINED, reason=problem)

        imported = sub.provenance.reader == IMPORT  # the centre's own list, no form
        came_in = sub.provenance.came_in or sub.provenance.received or at
        """The day it came in: its mail's Date, the day a copy kept aside first came in, else now."""
        self.data["sources"][sha] = {
            "file_name": sub.provenance.file_name,
            "sha256": sha,
            "size": sub.provenance.size,
            "reader": sub.provenance.reader,
            "container": sub.provenance.container,
            "mail_from": sub.provenance.mail_from,
            "instance_id": None if imported else sub.identity.instance_id,
            "kind": IMPORT if imported else sub.identity.kind,
            "base_version": sub.identity.base_version,
            **({} if imported else {"schema_version": sub.identity.schema_version}),
            "confidence": sub.confidence,
            "ingested_at": at,
            **({"came_in": came_in} if came_in != at else {}),
            **({"sent_at": sent_at} if (sent_at := _sent_at(sub)) else {}),
            **({"note": sub.provenance.note} if sub.provenance.note else {}),
        }
        self.data["instances"].setdefault(sub.identity.instance_id, []).append(chash)
        if keyed is not None:
            self.data["instances"][sub.identity.instance_id].append(keyed)

        touched: list[str] = []
        created: list[str] = []
        flags: list[str] = []
        invalid: list[str] = []
        stored_invalid = False
        """An invalid value stored by this return (one the register holds already is no news)."""
        contact_kept = False  # a new contact person with the former one's phone or e-mail
        conflicts: list[str] = []
        duplicates: list[str] = []
        left_empty: list[str] = []
        done: list[EntryOutcome] = []
        changes = 0
        stale_base = False
        by_institution = sub.identity.kind == "institution"
        held_here: set[tuple[str, str]] = set()
        given: dict[str, Mapping[str, Checked]] = {}
        """The institution fields this return gave each institution last: an institution form
        repeats its own fields with each of its checklists, planned (and flagged) once."""
        rev_before: dict[str, int | None] = {}
        """Each institution's revision before this return (None: created by it); a return's own
        earlier entries never make its base version look out of date."""
        revised: set[str] = set()
        """The institutions this return gave a revision or a held value."""
        confirmed: dict[str, list[str]] = {}
        """The checklists the institution's own return confirmed as they are, by institution."""
        confirming: list[str] = []
        """The institutions whose entries it confirmed (``confirmed_at``), for ``register
        report``: in the year it came in, whatever confirms them later."""
        unseen: dict[str, list[str]] = {}
        """The values its form did not show that came since from someone else, by institution
        (:meth:`_unseen`): what the return cannot confirm."""
        shown = sent is not None or sub.identity.base_version is not None
        """Whether what the form showed is known (what it was prefilled with, or the revision it
        was made from); not for a form an older formgen made from a recipients list."""
        superseded: dict[str, str] = {}
        """Why the return, of an older form, changed nothing by itself, by institution."""
        twins: set[str] = set()
        """The institutions another copy of this form gave other values, which is newer not
        known: held (the PDF and the Word file, :data:`HELD_TWIN`) or taken as a correction."""
        iid_form = sub.identity.instance_id
        unanswered: list[str] = []
        """The institution's checklists its first return about them answers nothing of
        (:func:`answered`)."""
        # what tells no institution apart: only asked where an entry is matched (no id)
        unmatched = any(e.institution_id is None for e in sub.entries)
        shared = _shared(sub.entries, matching) if unmatched else frozenset()
        for e in sub.entries:
            where = scope_named(self.schema, e.category or INSTITUTION, e.block)
            iid = e.institution_id
            merged_from: str | None = None
            if iid is None:
                verdict = self._match(e, matching, shared)
                if verdict.kind == PROBABLE and verdict.id is not None:
                    did = self._queue_duplicate(e, verdict, sha, came_in)
                    duplicates.append(did)
                    done.append(EntryOutcome(e.block, None, duplicate=did, candidate=verdict.id))
                    flags.append(
                        Said(
                            "ingest_merge_looks_like",
                            where=where,
                            name=short(_checked_name(e), 80),
                            candidate=verdict.id,
                            candidate_name=short(self.name_of(verdict.id), 80),
                            reason=_verdict_reason(verdict),
                            did=did,
                        )
                    )
                    continue
                matched = False
                if verdict.kind == MERGE and verdict.id is not None:
                    iid, matched = verdict.id, True
                    flags.append(
                        Said(
                            "ingest_merge_matched",
                            where=where,
                            iid=iid,
                            name=short(self.name_of(iid), 80),
                            reason=_verdict_reason(verdict),
                        )
                    )
                base: int | None = None
            else:
                base = sub.identity.base_version
                if (keep := self.merged_into(iid)) is not None:
                    flags.append(
                        Said(
                            "ingest_merge_merged_into",
                            iid=iid,
                            keep=keep,
                            name=short(self.name_of(keep), 80),
                            day=str(local_day((self.retired(iid) or {}).get("at")) or "?"),
                        )
                    )
                    merged_from, iid = iid, keep
                    if not imported:
                        # prefilled from the record merged away: compared with what its form
                        # showed (sent_base), else all that KEEP holds counts as come since
                        base = 0
                elif base is None and not imported and iid in self.institutions:
                    base = 0  # mailed before the register knew it: everything there came since
                matched = False
            if (
                by_institution
                and merged_from is None
                and iid == sub.identity.institution_id
                and iid in self.institutions
                and self._another_institution(self.institutions[iid], e)
            ):
                # passed on: held aside as a checklist from someone else that looks like it
                key = "ingest_merge_other_reason"
                verdict = Match(PROBABLE, iid, 0.0, say(key, ENGLISH), key)
                did = self._queue_duplicate(e, verdict, sha, came_in)
                duplicates.append(did)
                done.append(EntryOutcome(e.block, None, duplicate=did, candidate=iid))
                flags.append(
                    Said(
                        "ingest_merge_other_institution",
                        where=where,
                        name=short(_checked_name(e), 80),
                        candidate=iid,
                        candidate_name=short(self.name_of(iid), 80),
                        did=did,
                    )
                )
                continue
            new_here = iid is None or iid not in self.institutions
            if iid is None or iid not in self.institutions:
                if iid is None:  # one a round mailed under this name that did not answer yet?
                    name = _checked_name(e)
                    rows = (_checked_name(x) for x in sub.entries)  # read for a marker only
                    iid = named_erased(named or {}, name, rows)
                    if iid in self.institutions:
                        iid = None
                    elif iid is not None:
                        said = Said(
                            "ingest_merge_mailed", where=where, iid=iid, name=short(name, 80)
                        )
                        flags.append(said)
                elif sent is None:  # not one of the centre's own recipients
                    flags.append(Said("ingest_merge_created", where=where, iid=iid))
                iid = self._create(iid, first_new)
                created.append(iid)
                rev_before[iid] = None
            inst = self.institutions[iid]
            self._keep_list_ids(iid, e.list_ids)
            rev_before.setdefault(iid, inst["rev"])
            if rev_before[iid] is None:
                base = None  # created by this return: nothing to be out of date with
            elif base is not None and base == rev_before[iid]:
                base = inst["rev"]  # current when the return began; its own entries came since
            sent_here = sent if (merged_from or iid) == sub.identity.institution_id else None
            own_form = by_institution and iid == sub.identity.institution_id
            newer = self._newer_return(inst, sub.identity) if own_form and not new_here else None
            copy = self._newer_copy(inst, e, sub) if own_form and not new_here else None
            # another copy of the form, which of the two is newer not known
            other = copy[0] if copy is not None and copy[1] is None else None
            # the PDF and the Word file of one mail: neither corrects the other
            twin = other is not None and _word_file(sub.provenance.reader) != _word_file(
                other.get("reader")
            )
            older = (
                "held_superseded" if newer else "held_older_copy" if copy and not other else None
            )
            plan = self._plan(
                inst,
                e,
                base,
                sub.identity.instance_id,
                by_institution,
                where,
                sub.confidence,
                sent_here,
                with_institution=given.get(iid) != e.institution,
                illegible=sub.illegible,
                older=older,
                sent_base=merged_from is not None,
                twin=twin,
            )
            if by_institution and shown:
                # the institution's own fields once: its form repeats them with each checklist
                cats = (e.category,) if e.category else ()
                scopes = (INSTITUTION, *cats) if given.get(iid) != e.institution else cats
                unseen.setdefault(iid, []).extend(
                    self._unseen(inst, base, plan, sub.identity.instance_id, sent_here, scopes)
                )
            if plan.superseded and newer is not None and iid not in superseded:
                made = local_day(self.issued_at(sub.identity.instance_id))
                form = sub.identity.reference
                superseded[iid] = Said(
                    "ingest_merge_superseded",
                    iid=iid,
                    form=Said("ingest_merge_form_made", form=form, day=str(made)) if made else form,
                    newer=reference(str(newer.get("instance_id"))),
                    day=str(local_day(newer.get("ingested_at")) or "?"),
                )
            elif plan.superseded and copy and (why_older := copy[1]) and iid not in superseded:
                src = copy[0]
                superseded[iid] = Said(
                    "ingest_merge_older_copy",
                    iid=iid,
                    form=sub.identity.reference,
                    file=file_said(src),
                    day=str(local_day(src.get("ingested_at")) or "?"),
                    why=why_older,
                )
            elif other is not None and iid not in twins:
                twin_held = HELD_TWIN in plan.held_why.values()
                corrects = any(
                    self._from_copy(self._current(inst, p), iid_form) for p in plan.apply
                )
                if twin_held or corrects:
                    twins.add(iid)  # said first, before the values it holds
                    flags.append(
                        Said(
                            "ingest_merge_copies_disagree"
                            if twin_held
                            else "ingest_merge_copy_corrects",
                            iid=iid,
                            form=sub.identity.reference,
                            file=file_said(other),
                            day=str(local_day(other.get("ingested_at")) or "?"),
                        )
                    )
            given[iid] = e.institution
            flags.extend(plan.spelled)
            if (
                plan.apply
                and base is not None
                and self._changed_by_others(inst, base, sub.identity.instance_id)
            ):
                stale_base = True
            invalid.extend(plan.invalid)
            stored_invalid = stored_invalid or any("problem" in v for v in plan.apply.values())
            left_empty.extend(plan.left_empty)
            held_now: list[str] = []
            for path, theirs in plan.held.items():
                if (iid, path) in held_here:
                    continue  # two blocks of the return matched the same institution
                held_here.add((iid, path))
                why = _why_held(plan.held_why.get(path), imported)
                if merged_from is not None:  # its form was made for the record merged away
                    why = why or "held_merged_form"
                said_of = newer if why == "held_superseded" else None  # by form and day
                cid = self._hold(
                    iid, path, theirs, None if merged_from else base, sha, at, why, said_of
                )
                conflicts.append(cid)
                held_now.append(cid)
                reason = reason_said(self.data["conflicts"][cid])
                flags.append(
                    Said(
                        "ingest_merge_held_as",
                        iid=iid,
                        path=path_named(self.schema, path),
                        reason=reason,
                        cid=cid,
                    )
                )
            # its first answer about a checklist (an update form sent back as it was confirms)
            answering = set(plan.touched_categories) - set(inst["entries"])
            self._confirm_values(inst, plan.confirms, sha)
            kept = self._contact_kept(inst, plan)
            for name_path, details in kept.items():
                held = {p: short(str((self._current(inst, p) or {}).get("raw"))) for p in details}
                flags.append(
                    Said(
                        "ingest_merge_contact_kept",
                        iid=iid,
                        path=path_named(self.schema, name_path),
                        name=short(str(plan.apply[name_path].get("raw"))),
                        former=short(str((self._current(inst, name_path) or {}).get("raw"))),
                        details=SaidJoined(
                            SaidJoined((path_named(self.schema, p), f"({raw})"), sep=" ")
                            for p, raw in held.items()
                        ),
                        first=details[-1],
                    )
                )
            applied = self._apply(
                inst,
                plan.apply,
                sha,
                at,
                IMPORT if imported else "merge",
                **({"contact_kept": [p for d in kept.values() for p in d]} if kept else {}),
            )
            contact_kept = contact_kept or bool(kept)
            if not by_institution:
                self._unconfirm(inst, plan.apply)
            changes += applied
            done.append(
                EntryOutcome(
                    e.block, iid, new_here, matched, changes=applied, conflicts=tuple(held_now)
                )
            )
            if applied or held_now:
                revised.add(iid)
            for cid in plan.touched_categories:
                entry = inst["entries"].setdefault(cid, {"fields": {}})
                if not imported:  # an imported list is no confirmation
                    entry["confirmed_at"] = _later(entry.get("confirmed_at"), came_in)
                    confirming.append(iid)
                # what its form did not show, the institution did not confirm
                own = by_institution and not any(
                    split_path(p)[0] in (INSTITUTION, cid) for p in unseen.get(iid, ())
                )
                entry["by_institution"] = bool(entry.get("by_institution")) or own
                if cid in plan.reconfirmed:
                    entry["reconfirmed_at"] = _later(entry.get("reconfirmed_at"), came_in)
                # its "Datum" as the register holds it, or none to go by: confirmed that day
                dated = isinstance((entry["fields"].get(CONFIRMED_ON) or {}).get("v"), str)
                if own and (cid in plan.reconfirmed or not dated):
                    confirmed.setdefault(iid, []).append(cid)
                cat = self.schema.category(cid)
                if own and cid in answering and not answered(cat, entry["fields"]):
                    # signed (its Datum or Handzeichen given) or sent back as it was
                    signed = any(k.split(".")[0] not in cat.answer_fields for k in entry["fields"])
                    key = "ingest_merge_unanswered" + ("" if signed else "_unsigned")
                    unanswered.append(Said(key, where=scope_named(self.schema, cid)))
            touched.append(iid)
            self._rematch(iid)

        for iid in dict.fromkeys([*confirmed, *(i for i, paths in unseen.items() if paths)]):
            # no revision tells of the return, or of what it could not confirm: an event does
            cids = list(dict.fromkeys(confirmed.get(iid, ())))
            if paths := unseen.get(iid):
                self._event(
                    self.institutions[iid],
                    at,
                    "confirm",
                    sha,
                    categories=cids,
                    unconfirmed=list(dict.fromkeys(paths)),
                )
            elif iid not in revised:
                self._event(self.institutions[iid], at, "confirm", sha, categories=cids)
        # whom it came from, whatever it changed (a held duplicate: when settled), for
        # ``register report``'s answered
        self.data["sources"][sha]["institutions"] = list(dict.fromkeys(touched))
        if confirming:  # whose entries it confirmed, kept when a later one confirms them again
            self.data["sources"][sha]["confirmed"] = list(dict.fromkeys(confirming))
        retired = [(iid, was) for iid in dict.fromkeys(touched) if (was := self.retired(iid))]
        for iid, was in retired:
            name = short(self.name_of(iid), 80)
            flags.append(
                Said("ingest_merge_retired", iid=iid, name=name, retired=retired_said(was))
            )
        for iid, paths in unseen.items():
            if paths:
                flags.append(
                    Said(
                        "reg_merge_unseen",
                        iid=iid,
                        paths=SaidJoined(path_named(self.schema, p) for p in paths),
                    )
                )
        flagged = (
            contact_kept
            or stored_invalid
            or retired
            or left_empty
            or sub.illegible
            or superseded
            or unanswered
            or any(unseen.values())
        )
        if conflicts:
            status = HELD
        elif duplicates or stale_base or flagged:
            status = MERGED_FLAGGED  # illegible: values of the return could not be read
        elif changes:
            status = UPDATED
        elif touched:
            status = CONFIRMED
        else:
            status = UNCHANGED
        flags.extend(left_empty)
        flags.extend(unanswered)
        flags.extend(superseded.values())
        if stale_base and not conflicts:
            flags.append(Said("ingest_merge_stale"))
        return MergeOutcome(
            status,
            institutions=tuple(dict.fromkeys(touched)),
            created=tuple(created),
            changes=changes,
            flags=tuple(flags),
            invalid=tuple(invalid),
            conflicts=tuple(conflicts),
            duplicates=tuple(duplicates),
            entries=tuple(done),
        )

    def _quarantine_reason(self, sub: Submission) -> str | None:
        if sub.identity.schema_id != self.schema.schema_id:
            return Said(
                "ingest_merge_other_schema",
                schema=sub.identity.schema_id,
                held=self.schema.schema_id,
            )
        inst_ids = self._inst_ids
        # a return of an older version replayed from the journal (merged before the schema
        # dropped a field, with its value) keeps that value, as the register kept it: a form
        # of that version read now leaves it out already (ingest.validate.to_current)
        older = self.kept if sub.identity.schema_version != self.schema.schema_version else None
        for e in sub.entries:
            entry_ids: Mapping[str, int] = {}
            if e.category is not None:
                if e.category not in self._entry_ids:
                    return unknown_category(self.schema, e.category)
                entry_ids = self._entry_ids[e.category]
            else:
                if e.entry:
                    return Said("ingest_merge_entry_no_category")
            for scope, known, values in (
                ("institution", inst_ids, e.institution),
                (e.category, entry_ids, e.entry),
            ):
                for key in values:
                    if key.partition(".")[0] not in known and (
                        older is None or older.older_field(str(scope), key) is None
                    ):
                        version = self.schema.schema_version
                        return Said(
                            "ingest_merge_unknown_field",
                            field=key,
                            scope=str(scope),
                            version=version,
                        )
            filled = any(not is_blank(c) for c in (*e.institution.values(), *e.entry.values()))
            if e.institution_id is None and not _checked_name(e) and filled:
                where = scope_named(self.schema, str(e.category), e.block)
                return Said("ingest_merge_no_name", where=where)
        return None

    def _plan(
        self,
        inst: Json,
        e: EntryReturn,
        base: int | None,
        instance_id: str,
        by_institution: bool,
        where: str,
        confidence: str = "high",
        sent: Mapping[str, Json] | None = None,
        with_institution: bool = True,
        illegible: Collection[str] = (),
        older: str | None = None,
        sent_base: bool = False,
        twin: bool = False,
    ) -> _Plan:
        """What one entry return changes. ``sent``: the values its form was sent with, when
        known; else they are the register's at ``base``. ``with_institution`` ``False``: the
        institution fields were planned with another checklist of the same return.
        ``sent_base``: the form was made for an institution merged into this one since, so
        the base of the three-way comparison is what it was sent with (a value changed since
        when the register holds another).
        ``illegible``: fields the return shows but whose text could not be read (not left
        empty: a value sent is not said to be). ``older``: the register holds a newer return of
        the institution's, and why what this one gives otherwise is held: ``held_superseded``,
        of a form made after this one (:meth:`_newer_return`), ``held_older_copy``, of the same
        form (:meth:`_newer_copy`). ``twin``: another copy of the same form changed the register
        and which of the two is newer is not known (the same "Datum", no mail's Date to tell:
        the PDF and the Word file of one mail both filled in): a value that copy gave, which
        this one gives otherwise, is held (:data:`HELD_TWIN`), whichever copy came first.
        A value the register holds flagged that comes again, the same text, read valid by
        today's rules (``DE-40212``, flagged by an earlier formgen), is taken where what comes
        may replace it: the text stays, the flag goes. The institution's return may always; an
        imported list or a checklist from someone else where the register's value is someone
        else's too (:meth:`_own`), not the institution's own or a coordinator's. Never the other
        way: an invalid reading of a value stored valid is the same value (:meth:`same`)."""
        plan = _Plan()
        incoming: dict[str, Checked] = {}
        # in the schema's order, however the return was read or stored: held values are
        # numbered in this order, and a rebuild from the journal must number them alike
        institution = e.institution if with_institution else {}
        for key in sorted(institution, key=_in_order(self._inst_ids)):
            incoming[value_path(INSTITUTION, key)] = institution[key]
        if e.category:
            order = self._entry_ids.get(e.category, {})
            for key in sorted(e.entry, key=_in_order(order)):
                incoming[value_path(e.category, key)] = e.entry[key]
        any_value = not all(map(is_blank, (*e.institution.values(), *e.entry.values())))
        current = base is not None and base >= inst["rev"]  # prefilled from the register as it is
        later = by_institution and self._confirms_later(inst, e, incoming)
        plan.superseded = older is not None and not later  # dated later: the latest word
        for path, c in incoming.items():
            if is_blank(c):
                continue
            theirs: Json = {"v": c.value if c.problem is None else None, "raw": c.raw}
            if c.problem:
                theirs.update(c.problem.to_json())
                # a block of a checklist is named; an institution form's path says it all
                said = f"{where}: {path}" if e.block else path
                plan.invalid.append(f"{said}: invalid value kept as typed: {c.problem}")
            mine = self._current(inst, path)
            if self.same(path, mine, theirs):
                if plan.superseded:
                    continue  # an older form confirms nothing
                if e.category and path == value_path(e.category, CONFIRMED_ON) and by_institution:
                    plan.reconfirmed.append(e.category)
                if mine is None:
                    continue
                if "problem" in mine and c.problem is None:
                    if by_institution or self._own(mine) is None:
                        plan.apply[path] = theirs  # flagged before, the same text valid now
                elif by_institution and self._own(mine) is None:
                    plan.confirms.append(path)
                continue
            if not by_institution and mine is not None and _plainer(mine, theirs):
                iid = str(inst.get("id", "ID"))  # none only in a register edited by hand
                said = Said(
                    "ingest_merge_spelled",
                    iid=iid,
                    path=path_named(self.schema, path),
                    theirs=c.raw,
                    mine=mine["raw"],
                )
                plan.spelled.append(said)
                continue
            theirs_only = mine is not None and self._own(mine) is None
            """The register holds someone else's value here (a checklist, an imported list)."""
            if (
                by_institution
                and not plan.superseded  # an older form changes nothing by itself
                and mine is not None
                and theirs_only
                and _plainer(theirs, mine)
            ):
                plan.apply[path] = theirs  # its own spelling of what someone else typed plainer
                continue
            as_sent = self._as_sent(inst, path, base, sent)
            # removed by hand since the form was made (``register set --clear``): a change in
            # the register like any other, not a value it never had
            cleared = (
                mine is None
                and base is not None
                and not current
                and self._changed_since(inst, path, base, instance_id)
            )
            if (
                (mine is not None or cleared)
                and as_sent is not None
                and self.same(path, as_sent, theirs)
            ):
                # the copy shows what the form was sent with: nothing its sender changed (an
                # untouched copy, or one ingested after a later return of the same form)
                continue
            shown = as_sent if as_sent is not None else mine if current else None
            if confidence == "low" and mine is not None and _lines_joined(shown, theirs):
                continue  # left as the form showed it; LibreOffice 7.4 joined its lines
            if twin and self._from_copy(mine, instance_id):
                # two answers on one form, neither known to be the later: the coordinator decides
                plan.held[path] = theirs
                plan.held_why[path] = HELD_TWIN
                continue
            if older is not None and plan.superseded:
                if path not in self._written_anew:  # its old Datum says nothing now
                    plan.held[path] = theirs
                    plan.held_why[path] = older
                continue
            if (
                confidence == "low"
                and mine is not None
                and self._confidence(mine) != "low"
                and not (path in self._written_anew and current)
                and ((drawn := _reversed(mine, theirs)) or self._told_by(mine) != IMPORT)
            ):
                # a value recovered by position from a printed copy never silently replaces
                # one read from form fields; but the date and initials an institution writes
                # on a form prefilled from the register as it is are its confirmation, and
                # what it writes itself replaces the centre's old knowledge, an imported list
                plan.held[path] = theirs
                low = "held_low_hand" if self._told_by(mine) == HAND else "held_low"
                plan.held_why[path] = "held_reversed" if drawn else low
                continue
            if base is None or current or (mine is None and not cleared):
                why = self._guarded(mine, theirs) if base is None and not by_institution else None
                if why is not None and path in self._written_anew:
                    continue  # when and by whom someone else filled its checklist: no confirmation
                if why is not None:
                    plan.held[path] = theirs
                    plan.held_why[path] = why
                else:
                    plan.apply[path] = theirs
                continue
            if sent_base and sent is not None:
                base_value = sent.get(path)
                changed_here = not self.same(path, mine, base_value)
            else:
                base_value = self._value_at(inst, path, base)
                changed_here = self._changed_since(inst, path, base, instance_id)
            # its own date and initials are its confirmation: taken when dated later, and over
            # someone else's (when and by whom a checklist was filled in)
            anew = path in self._written_anew and (later or (by_institution and theirs_only))
            # an imported list is the centre's old knowledge: the institution's word replaces it
            listed = by_institution and self._told_by(mine) == IMPORT
            if changed_here and not self.same(path, base_value, theirs) and not anew and not listed:
                plan.held[path] = theirs
            elif not changed_here or not self.same(path, base_value, theirs):
                plan.apply[path] = theirs
        # a blank never deletes, but a prefilled value cleared on the form may no longer be true
        # (on an older form than the latest return it says nothing of now)
        scopes = (INSTITUTION, e.category) if with_institution else (e.category,)
        for path in {} if plan.superseded else sent or {}:
            kept = self._current(inst, path)
            returned = incoming.get(path)
            if (
                path.partition(".")[0] in scopes
                and kept is not None
                and (returned is None or is_blank(returned))
                and path not in illegible
            ):
                value = _shown_short(str(kept.get("raw", "")))
                iid = str(inst.get("id", "ID"))  # none only in a register edited by hand
                said = Said("left_empty", value=value, iid=iid, path=path)
                plan.left_empty.append(SaidJoined((path_named(self.schema, path), said), sep=": "))
        if e.category and (any_value or e.category not in inst["entries"]) and not plan.superseded:
            plan.touched_categories.append(e.category)
        return plan

    def _unseen(
        self,
        inst: Json,
        base: int | None,
        plan: _Plan,
        instance_id: str,
        sent: Mapping[str, Json] | None,
        scopes: Iterable[str],
    ) -> list[str]:
        """The values ``inst`` holds in ``scopes`` (its own fields, the return's checklist) that the
        institution's form, made from revision ``base`` (``sent``: what it was prefilled with,
        when recorded), did not show, and that its return neither gave nor answers
        (``plan``): changed since by someone else (an imported list, a checklist), and neither
        the institution's own word nor a coordinator's. Its return cannot confirm them: the
        entries they belong to stay unconfirmed, on the update list, until a form shows them."""
        if base is None or base >= inst["rev"]:
            return []  # made from the register as it is: it showed everything
        found: list[str] = []
        for scope in scopes:
            if scope == INSTITUTION:
                held = inst["institution"]
            elif scope in inst["entries"]:
                held = inst["entries"][scope]["fields"]
            else:
                continue
            for key in sorted(held, key=_in_order(self._entry_ids.get(scope, self._inst_ids))):
                path, mine = f"{scope}.{key}", held[key]
                if (
                    path not in plan.apply
                    and path not in plan.held
                    and path not in plan.confirms
                    and self._own(mine) is None
                    and self._changed_since(inst, path, base, instance_id)
                    and not self.same(path, mine, self._as_sent(inst, path, base, sent))
                ):
                    found.append(path)
        return found

    def _another_institution(self, inst: Json, e: EntryReturn) -> bool:
        """Whether the institution's own form came back with another name, address (street
        or postcode) and phone or mail than the register holds, all at once: most likely
        passed on to another institution that filled in its own details (a rename at the same
        address, a move, a new number alone are its own news)."""

        def other(*keys: str) -> bool:
            for key in keys:
                c = e.institution.get(key)
                path = value_path(INSTITUTION, key)
                mine = self._current(inst, path)
                if c is None or is_blank(c) or mine is None:
                    continue
                theirs: Json = {"v": c.value if c.problem is None else None, "raw": c.raw}
                if not self.same(path, mine, theirs) and fold(c.raw) != fold(
                    str(mine.get("raw", ""))
                ):
                    return True
            return False

        return other("name") and other("street", "postcode") and other("phone", "email")

    def _newer_return(self, inst: Json, identity: FormIdentity) -> Json | None:
        """The source of the latest return of the institution's own form made after the form
        ``identity`` (from a later revision; one made before the register knew it counts as made
        from revision 0), which the register holds already: a form from last year's round,
        say, that comes back after this year's. ``None`` when there is none. A return that
        came in at a revision the form was made from or before is none: the form holds what it
        gave (``formgen demo``'s sample returns, made from another register's revision 3, made
        inst-0001 here, at revision 2, from which its update form is made)."""
        made = identity.base_version or 0
        found = None
        for h in inst["history"]:
            src = self.data["sources"].get(h.get("src"), {})
            if (
                src.get("kind") == "institution"
                and src.get("instance_id") != identity.instance_id
                and (src.get("base_version") or 0) > made
                and h.get("rev", made + 1) > made
            ):
                found = src
        return found

    def _newer_copy(
        self, inst: Json, e: EntryReturn, sub: Submission
    ) -> tuple[Json, str | None] | None:
        """The source of another return of the same form as ``sub`` that changed the register
        and is newer than ``sub`` (a sync client's conflict copy, the form sent twice), with
        why: dated later (the latest valid "Datum" of the entry the register held, given by that
        return, is later than this one's: a copy dated invalidly in between changes nothing),
        or on the same "Datum" sent later (its mail's Date). ``None`` when there is none, or
        when this one is newer. Where which is newer is not known (the same "Datum" or none,
        no mail's Date, or the same, to tell), the why is ``None``: of two copies of one file
        the copy that comes later is the latest word (a corrected copy sent after the first),
        said; of the PDF and the Word file of one mail (``--format both``) both filled in,
        neither corrects the other, so what the two give differently waits for a decision, in
        whichever order they are met. A copy that changed nothing (saved again unchanged) is
        no newer word: it never undoes a correction."""
        found = None
        for h in inst["history"]:
            src = self.data["sources"].get(h.get("src"), {})
            if (
                h["changes"]
                and src.get("instance_id") == sub.identity.instance_id
                and src.get("sha256") != sub.provenance.sha256
            ):
                found = src
        if found is None:
            return None
        if e.category:
            returned = e.entry.get(CONFIRMED_ON)
            theirs = returned.value if returned is not None and returned.problem is None else None
            held = self._last_valid(inst, value_path(e.category, CONFIRMED_ON)) or {}
            mine = held.get("v")
            if isinstance(theirs, str) and isinstance(mine, str) and theirs != mine:
                why = Said("ingest_merge_dated_before", this=theirs, that=mine)
                dated = self.data["sources"].get(held.get("src"), {})
                if dated.get("instance_id") == sub.identity.instance_id:
                    found = dated  # the copy that gave that Datum, not a later invalid one
                return (found, why) if theirs < mine else None
        this, that = _moment(_sent_at(sub)), _moment(found.get("sent_at"))
        if this is None or that is None or this == that:
            return found, None
        if this > that:
            return None
        this, that = this.astimezone(), that.astimezone()
        return found, Said(
            "ingest_merge_sent_before",
            this=this.date().isoformat(),
            this_time=f"{this:%H:%M}",
            that=that.date().isoformat(),
            that_time=f"{that:%H:%M}",
        )

    def _from_copy(self, stored: Json | None, instance_id: str) -> bool:
        """Whether ``stored`` came from a return of the form ``instance_id`` (another copy)."""
        source = self.data["sources"].get((stored or {}).get("src"), {})
        return bool(stored) and source.get("instance_id") == instance_id

    def _last_valid(self, inst: Json, path: str) -> Json | None:
        """The latest valid value the register held at ``path``: the one it holds, or, where
        that is invalid (a "Datum" 31.02.2026 a copy gave), the last valid one before it."""
        held = [self._current(inst, path)]
        held += [
            old for h in reversed(inst["history"]) for p, old, _new in h["changes"] if p == path
        ]
        return next((v for v in held if v is not None and v.get("v") is not None), None)

    def _confirms_later(self, inst: Json, e: EntryReturn, incoming: Mapping[str, Checked]) -> bool:
        """Whether the return confirms the entry on a later day than the register holds (both
        valid dates): the institution's latest confirmation, whose date and initials are
        taken even from a form made before the register changed (an answer that came late).
        The register's day is its latest valid "Datum", as :meth:`_newer_copy` reads it: a
        return dated invalidly in between (31.02.2026) says no day."""
        if not e.category:
            return False
        path = value_path(e.category, CONFIRMED_ON)
        returned = incoming.get(path)
        theirs = returned.value if returned is not None and returned.problem is None else None
        mine = (self._last_valid(inst, path) or {}).get("v")
        return isinstance(theirs, str) and isinstance(mine, str) and theirs > mine

    def _as_sent(
        self, inst: Json, path: str, base: int | None, sent: Mapping[str, Json] | None
    ) -> Json | None:
        """The value the form showed when it was sent, as stored; ``None`` when unknown or empty.
        A form whose prefill was not recorded was made before 2026-11-25: it showed a list by its
        boxes only, never a language in the words typed beside its box („Arabisch (Syrisch)“,
        :attr:`formgen.workspace.IssuedForm.languages_as_typed`), so a return without them
        keeps the register's."""
        if sent is not None:
            value: Json | None = sent.get(path)
            return value
        if base is None or base > inst["rev"]:
            return None
        value = self._value_at(inst, path, base)
        if value is not None and isinstance(value.get("v"), list):
            return {**value, "raw": ", ".join(map(str, value["v"]))}
        return value

    def _contact_kept(self, inst: Json, plan: _Plan) -> dict[str, list[str]]:
        """The checklists whose contact person ``plan`` names anew (another name where the
        register holds one) while her phone or e-mail stay the register's, the former
        person's (prefilled and left standing, or left blank): ``{name path: [their paths]}``.
        Merged all the same; the report and the history ask whether they are still hers."""
        out: dict[str, list[str]] = {}
        for path in plan.apply:
            scope, key = split_path(path)
            was = self._current(inst, path)
            if key != CONTACT_NAME or not was or not str(was.get("v") or "").strip():
                continue
            details = [
                f"{scope}.{k}"
                for k in CONTACT_DETAILS
                if f"{scope}.{k}" not in plan.apply
                and f"{scope}.{k}" not in plan.held
                and str((self._current(inst, f"{scope}.{k}") or {}).get("v") or "").strip()
            ]
            if details:
                out[path] = details
        return out

    def _current(self, inst: Json, path: str) -> Json | None:
        scope, key = split_path(path)
        if scope == INSTITUTION:
            found: Json | None = inst["institution"].get(key)
            return found
        entry = inst["entries"].get(scope)
        return entry["fields"].get(key) if entry else None

    def _confidence(self, stored: Json) -> str:
        source = self.data["sources"].get(stored.get("src"), {})
        if source.get("kind") == MERGED:  # taken from another institution: as read there
            source = self.data["sources"].get(stored.get("origin"), {})
        return str(source.get("confidence", "high"))

    def _told_by(self, stored: Json | None) -> str | None:
        """The kind of source a stored value came from (``institution``, :data:`HAND` …); for
        one a merge took from another institution (:data:`MERGED`), the kind it had there
        (``"origin"``). Inline, not a helper: it runs for every value a return confirms."""
        if stored is None:
            return None
        kind = self.data["sources"].get(stored.get("src"), {}).get("kind")
        if kind == MERGED:
            kind = self.data["sources"].get(stored.get("origin"), {}).get("kind")
        return str(kind) if kind else None

    def _guarded(self, mine: Json | None, theirs: Json) -> str | None:
        """Why ``theirs``, from a checklist filled by someone else or an imported list, does not
        silently replace ``mine`` (a key of :data:`formgen.messages.WORDS`): ``mine`` is the
        institution's or a coordinator's word (:meth:`_own`), or ``theirs`` is invalid and
        ``mine`` valid (``held_invalid``); ``None``: it replaces it."""
        if mine is None:
            return None
        if "problem" in theirs and "problem" not in mine:
            return self._own(mine) or "held_invalid"
        return self._own(mine)

    def _own(self, stored: Json) -> str | None:
        """Whose word a stored value is, as why nothing from someone else replaces it by itself
        (a key of :data:`formgen.messages.WORDS`): the institution's, told on its own form
        (``held_institution``) or confirmed there as it was (``held_confirmed``) or to a
        coordinator (``reg_held_confirmed_hand``, :meth:`confirm`), or a coordinator's, set by
        hand (``held_hand``); ``None``: neither."""
        told = self._told_by(stored)
        if told == "institution":
            return "held_institution"
        if told == HAND:
            return "held_hand"
        if "confirmed" not in stored:
            return None
        by_hand = self.data["sources"].get(stored["confirmed"], {}).get("kind") == HAND
        return "reg_held_confirmed_hand" if by_hand else "held_confirmed"

    def from_someone_else(self, stored: Json) -> bool:
        """Whether a stored value is someone else's word (a checklist, an imported list): not
        the institution's, given or confirmed on its own form, nor a coordinator's."""
        return self._own(stored) is None

    def _confirm_values(self, inst: Json, paths: Iterable[str], sha: str) -> None:
        """The values at ``paths`` the institution's own return ``sha`` gave as they are: its
        own from now on. Each is replaced, not changed in place: its history keeps it as it was
        stored."""
        for path in paths:
            scope, key = split_path(path)
            held = inst["institution"] if scope == INSTITUTION else inst["entries"][scope]["fields"]
            held[key] = {**held[key], "confirmed": sha}

    def _unconfirm(self, inst: Json, paths: Iterable[str]) -> None:
        """Values at ``paths`` from someone else than the institution (an imported list, a
        checklist, a coordinator's hand) were stored: the entries they belong to (every entry,
        for an institution field) no longer count as confirmed by the institution, which never
        saw them, until it confirms them (its next return, or ``register confirm``)."""
        scopes = {split_path(p)[0] for p in paths}
        for cid, entry in inst["entries"].items():
            if entry.get("by_institution") and (INSTITUTION in scopes or cid in scopes):
                entry["by_institution"] = False

    def _value_at(self, inst: Json, path: str, rev: int) -> Json | None:
        value = self._current(inst, path)
        for h in reversed(inst["history"]):
            if h["rev"] <= rev:
                break
            for p, old, _new in h["changes"]:
                if p == path:
                    value = old
        return value

    def _changed_by_others(self, inst: Json, rev: int, instance_id: str) -> bool:
        """Whether a value of ``inst`` changed since revision ``rev`` by anything but a return
        of the form ``instance_id`` (this one, or a first copy of the form it corrects)."""
        for h in reversed(inst["history"]):
            if h["rev"] <= rev:
                return False
            src = self.data["sources"].get(h.get("src"), {})
            if h["changes"] and src.get("instance_id") != instance_id:
                return True
        return False

    def _changed_since(self, inst: Json, path: str, rev: int, instance_id: str) -> bool:
        for h in reversed(inst["history"]):
            if h["rev"] <= rev:
                return False
            src = self.data["sources"].get(h.get("src"), {})
            if src.get("instance_id") == instance_id:
                continue  # an earlier return of the same form is not a change "on the other side"
            if any(p == path for p, _o, _n in h["changes"]):
                return True
        return False

    def _apply(
        self,
        inst: Json,
        values: Mapping[str, Json | None],
        sha: str | None,
        at: str,
        op: str,
        **more: Any,
    ) -> int:
        """``values`` into ``inst`` as one new revision (``None``: the value is removed, which
        only :meth:`set_by_hand` does); ``more``: further keys of its history event."""
        if not values:
            return 0
        rev = int(inst["rev"]) + 1
        changes = []
        for path, new in sorted(values.items()):
            scope, key = split_path(path)
            if scope == INSTITUTION:
                target = inst["institution"]
            else:
                target = inst["entries"].setdefault(scope, {"fields": {}})["fields"]
            old = target.get(key)
            if new is None:
                target.pop(key, None)
            else:
                target[key] = new = {**new, "src": sha, "rev": rev}
            changes.append([path, old, new])
        inst["rev"] = rev
        inst["history"].append(
            {
                "rev": rev,
                "at": at,
                "src": sha,
                "op": op,
                **more,
                **self._by(op != "merge"),
                "changes": changes,
            }
        )
        self.data["revision"] += 1
        return len(changes)

    def _create(self, iid: str | None, first_new: int = 1) -> str:
        """A new institution: ``iid``, else the next ``inst-NNNN`` from ``first_new`` on that
        the register does not hold."""
        if iid is None:
            n = max(int(self.data["next"]["inst"]), first_new)
            while f"inst-{n:04d}" in self.institutions:
                n += 1
            iid = f"inst-{n:04d}"
            self.data["next"]["inst"] = n + 1
        self.institutions[iid] = {
            "id": iid,
            "rev": 0,
            "institution": {},
            "entries": {},
            "history": [],
        }
        return iid

    def _hold(
        self,
        iid: str,
        path: str,
        theirs: Json,
        base: int | None,
        sha: str,
        at: str,
        why: str | None = None,
        newer: Json | None = None,
    ) -> str:
        """Hold ``theirs`` for a decision, with why as a probable duplicate keeps it
        (``reason_key``, ``reason_args``, the English ``reason``): ``why`` (a key of
        :data:`formgen.messages.WORDS`), else changed on both sides since ``base``, else (no
        base) the institution itself gave another value. ``newer``: the source of the newer
        return that supersedes this one (``held_superseded``), named by its form and the day it
        came in (``held_superseded_by``)."""
        key = why or ("held_both" if base is not None else "held_institution")
        inst = self.institutions[iid]
        args: Json = {"rev": base} if base is not None else {}
        if key == "held_superseded" and newer is not None:
            key = "held_superseded_by"
            came = local_day(newer.get("ingested_at"))
            args = {
                "newer": reference(str(newer.get("instance_id"))),
                "day": came.isoformat() if came else "?",
            }
        if key in _CONFIRMED_BY_HAND:  # when and how the institution confirmed it
            told = self.source((self._current(inst, path) or {}).get("confirmed"))
            day = local_day(told.get("ingested_at"))
            args = {"note": str(told.get("note") or ""), "day": day.isoformat() if day else "?"}
        reason: Json = {"reason_key": key, "reason_args": args}
        reason["reason"] = reason_text(reason, ENGLISH)
        n = int(self.data["next"]["conflict"])
        self.data["next"]["conflict"] = n + 1
        cid = f"c-{n:04d}"
        self.data["conflicts"][cid] = {
            "id": cid,
            "institution_id": iid,
            "path": path,
            "mine": copy.deepcopy(self._current(inst, path)),
            "theirs": {**theirs, "src": sha},
            "base_version": base,
            "register_rev": inst["rev"],
            "at": at,
            **reason,
        }
        return cid

    def _queue_duplicate(self, e: EntryReturn, verdict: Match, sha: str, came_in: str) -> str:
        """Hold ``e`` as a probable duplicate of ``verdict``'s institution, with the day its
        return came in (``came_in``): settled later, its entry counts as confirmed from that
        day, as it would have merged directly."""
        n = int(self.data["next"]["duplicate"])
        self.data["next"]["duplicate"] = n + 1
        did = f"d-{n:04d}"
        self.data["duplicates"][did] = {
            "id": did,
            "candidate": verdict.id,
            "score": round(verdict.score, 1),
            "reason": verdict.reason,
            "reason_key": verdict.reason_key,
            "reason_args": dict(verdict.reason_args),
            "src": sha,
            "came_in": came_in,
            "entry": entry_to_json(e),
        }
        return did

    # ------------------------------------------------------------------ matching

    def _rematch(self, *iids: str) -> None:
        """Match new institutions against ``iids`` as they are now."""
        for matcher in self._matchers.values():
            for iid in iids:
                matcher.add(self._candidate(iid))

    def _candidate(self, iid: str) -> Candidate:
        vals = self.institutions[iid]["institution"]

        def get(k: str) -> str:
            sv = vals.get(k)
            return str(sv.get("v") or sv.get("raw") or "") if sv else ""

        former = {
            str(value.get("v") or value.get("raw") or "")
            for rev in self.institutions[iid].get("history", ())
            for path, *values in rev.get("changes", ())
            if path == "institution.name"
            for value in values
            if isinstance(value, dict)
        }
        # a retired institution's addresses are no other one's: they tell nothing (matching 4)
        retired = self.retired(iid) is not None
        online = ("", "") if retired else (get("email"), get("website"))
        return Candidate(
            iid, get("name"), get("postcode"), get("phone"), tuple(former), *online, retired
        )

    def _match(self, e: EntryReturn, matching: int, shared: Collection[str] = ()) -> Match:
        stored = matching >= 2  # names and postcodes as the register stores them, else as typed
        matcher = self._matchers.get(matching)
        if matcher is None:
            matcher = self._matchers[matching] = Matcher(matching)
            for iid in self.institutions:
                matcher.add(self._candidate(iid))

        def get(k: str) -> str:
            c = e.institution.get(k)
            return (c.text if stored else c.raw) if c else ""

        name, postcode, phone, email, web = map(
            get, ("name", "postcode", "phone", "email", "website")
        )
        verdict = matcher.match(Candidate("", name, postcode, phone, email=email, web=web), shared)
        keep = self.merged_into(verdict.id) if verdict.id is not None else None
        return verdict if keep is None else replace(verdict, id=keep)  # merged into another

    # ------------------------------------------------------------------ review

    def resolve(
        self, target: str, take: str, path: str | None = None, at: str | None = None
    ) -> list[str]:
        """Decide held conflicts: ``target`` a conflict id or an institution id (all of its
        conflicts, or the one of ``path``); ``take`` ``mine`` (keep the register) or ``theirs``
        (take the returned value). Returns the conflict ids decided."""
        if take not in ("mine", "theirs"):
            raise RegisterError(Said("regerr_take", take=take))
        at = at or now_iso()
        pending = self.data["conflicts"]
        if target in pending:
            ids = [target]
        elif target in self.institutions:
            held = None if path is None else self.schema.current_path(path)
            ids = [
                k
                for k in sorted(pending)
                if pending[k]["institution_id"] == target
                and (held is None or pending[k]["path"] == held)
            ]
        elif (how := self._decided(target)) is not None:
            raise RegisterError(Said("regerr_decided", target=target, how=how))
        else:
            raise RegisterError(Said("regerr_not_held", target=target))
        if not ids:
            raise RegisterError(
                Said("regerr_no_held_path", target=target, path=path)
                if path
                else Said("regerr_no_held", target=target)
            )
        for cid in ids:
            c = pending.pop(cid)
            if take == "theirs":
                inst = self.institutions[c["institution_id"]]
                theirs = {k: v for k, v in c["theirs"].items() if k not in ("src", "rev")}
                self._apply(inst, {c["path"]: theirs}, c["theirs"].get("src"), at, f"resolve {cid}")
                if self._told_by(c["theirs"]) != "institution":
                    self._unconfirm(inst, [c["path"]])
        return ids

    def retire(self, iid: str, reason: str | None = None, at: str | None = None) -> Json:
        """Take ``iid`` out of the lists and mail rounds (closed, merged into another, no longer
        relevant); nothing is deleted, and its history gets the event. Returns what is stored
        (:meth:`retired`)."""
        inst = self.institution(iid)
        if (was := self.retired(iid)) is not None:
            raise RegisterError(Said("regerr_retired_already", iid=iid, retired=retired_said(was)))
        at = at or now_iso()
        reason = " ".join((reason or "").split()) or None  # one line, as typed
        inst["retired"] = done = {"at": at, "reason": reason}
        self._event(inst, at, "retire", reason=reason)
        self._rematch(iid)
        return done

    def restore(self, iid: str, at: str | None = None) -> None:
        """Take a retired institution back into the lists and mail rounds."""
        inst = self.institution(iid)
        if self.retired(iid) is None:
            raise RegisterError(Said("regerr_not_retired", iid=iid))
        at = at or now_iso()
        del inst["retired"]
        self._event(inst, at, "restore")
        self._rematch(iid)

    def merged_into(self, iid: str) -> str | None:
        """The institution ``iid`` was merged into (:meth:`merge_institutions`; the one that
        was merged into in turn, if so); ``None`` for one not merged."""
        keep = None
        seen = {iid}
        while (was := self.retired(iid)) is not None:
            into = was.get("merged_into")
            if not isinstance(into, str) or into in seen or into not in self.institutions:
                break  # not merged; or a hand edit: go no further
            seen.add(into)
            keep = iid = into
        return keep

    def merge_institutions(self, keep: str, other: str, note: str, at: str | None = None) -> Merged:
        """``other`` is the same institution as ``keep`` (two spellings, two services that
        merged): what only ``other`` holds is taken into ``keep`` (one revision, its source of
        kind :data:`MERGED` with ``note``; each value keeps whose word it was, ``"origin"``);
        where both hold different values ``keep``'s stays and ``other``'s is held
        (``held_merged``), as a return's would be; ``other``'s entries that ``keep`` lacks come
        with their confirmation. ``other`` is retired, ``merged_into`` ``keep``: its returns
        go to ``keep`` from now on (:meth:`merge`). Raises :class:`RegisterError` (nothing is
        changed) for the same id twice, an unknown one, a retired ``keep``, an ``other``
        retired or merged already, or one with values or probable duplicates waiting for a
        decision."""
        self._refuse_merge(keep, other)
        at = at or now_iso()
        inst, gone = self.institutions[keep], self.institutions[other]
        sha = hashlib.sha256(_encode([MERGED, keep, other, at, note]).encode()).hexdigest()
        self.data["sources"][sha] = {"kind": MERGED, "from": other, "note": note, "ingested_at": at}
        order = {c: n for n, c in enumerate(self._entry_ids)}
        scopes = [(INSTITUTION, gone["institution"], self._inst_ids)] + [
            (cid, gone["entries"][cid]["fields"], self._entry_ids.get(cid, {}))
            for cid in sorted(gone["entries"], key=lambda c: (order.get(c, len(order)), c))
        ]
        taken: dict[str, Json] = {}
        held: list[str] = []
        same = 0
        for scope, values, positions in scopes:  # in the schema's order: held ones numbered so
            for key in sorted(values, key=_in_order(positions)):
                theirs = values[key]
                if is_erased(theirs):  # register erase: never brought back
                    continue
                path = f"{scope}.{key}"
                mine = self._current(inst, path)
                value = {k: v for k, v in theirs.items() if k not in ("src", "rev")}
                value["origin"] = theirs.get("origin") or theirs.get("src")
                if mine is None:
                    taken[path] = value
                elif self.same(path, mine, theirs):
                    same += 1
                else:
                    held.append(self._hold(keep, path, value, None, sha, at, "held_merged"))
        for cid, entry in gone["entries"].items():  # a checklist only OTHER has: as confirmed there
            if cid not in inst["entries"]:
                inst["entries"][cid] = {**copy.deepcopy(entry), "fields": {}}
        if self._apply(inst, taken, sha, at, "merge-from", other=other, note=note):
            self._unconfirm(
                inst, [p for p in taken if self._own(self._current(inst, p) or {}) is None]
            )
        else:
            self._event(inst, at, "merge-from", src=sha, other=other, note=note)
        gone["retired"] = {"at": at, "reason": f"merged into {keep}", "merged_into": keep}
        self._event(gone, at, "merge-into", keep=keep, note=note)
        self._rematch(keep, other)
        return Merged(tuple(taken), tuple(held), same)

    def split_values(self, iid: str, name: str) -> dict[str, Json]:
        """What a service named ``name`` that splits off ``iid`` starts with
        (:meth:`split_institution`): the name, checked as ``register set`` checks one, and
        ``iid``'s other values but for each entry's date and initials (its confirmation) and
        its personal data (the fields the schema marks ``personal``: its contact persons, whom
        the new service names on its own form), path → stored value. Raises
        :class:`RegisterError` (nothing is changed) for an unknown or retired ``iid``, an invalid
        name, or ``iid``'s own (case and accents aside)."""
        old = self.institution(iid)
        if (was := self.retired(iid)) is not None:
            raise RegisterError(Said("split_retired", iid=iid, retired=retired_said(was)))
        if not name.strip():
            raise RegisterError(Said("split_no_name", iid=iid))
        path, f = self._settable(iid, old, f"{INSTITUTION}.name")
        values = self._typed(iid, path, f, name, Said("split_name_where", iid=iid))
        if fold(str(values[path]["v"])) == fold(self.name_of(iid)):
            raise RegisterError(Said("split_same_name", iid=iid, name=name_line(self, iid)))
        scopes = [(INSTITUTION, old["institution"])] + [
            (cid, e["fields"]) for cid, e in old["entries"].items()
        ]
        for scope, held in scopes:
            for key, theirs in held.items():
                at = f"{scope}.{key}"
                if is_erased(theirs) or at in values or at in self._written_anew:
                    continue
                if (kept := field_of(self.schema, scope, key)) is not None and kept.personal:
                    continue
                values[at] = {
                    k: v
                    for k, v in theirs.items()
                    if k not in ("src", "rev", "origin", "confirmed")
                }
        return values

    def split_institution(
        self,
        iid: str,
        values: Mapping[str, Json],
        note: str,
        at: str | None = None,
        first_new: int = 1,
    ) -> str:
        """A service split off ``iid`` („Beratungsstelle X“ became „… Nord“ and „… Süd“;
        ``iid`` keeps its id and history): a new institution (numbered from ``first_new`` on,
        as :meth:`merge` numbers one) with ``values`` (:meth:`split_values`) and an entry in
        each checklist ``iid`` has, as one revision (``"op": "split-from"`` with ``"other"``
        and ``"note"``, its source of kind :data:`SPLIT`): none of them its word, its entries
        never confirmed, so that it is asked for them. ``iid``'s history gets the event
        ``"op": "split-off"`` with ``"other"``. Matching keeps them apart by their names: an
        address or phone they share tells nothing (:mod:`ingest.matching`). Returns the new
        id."""
        old = self.institution(iid)
        at = at or now_iso()
        new = self._create(None, first_new)
        inst = self.institutions[new]
        sha = hashlib.sha256(_encode([SPLIT, iid, new, at, note]).encode()).hexdigest()
        self.data["sources"][sha] = {"kind": SPLIT, "from": iid, "note": note, "ingested_at": at}
        inst["entries"] = {cid: {"fields": {}, "by_institution": False} for cid in old["entries"]}
        self._apply(inst, values, sha, at, "split-from", other=iid, note=note)
        self._event(old, at, "split-off", other=new, note=note)
        self._rematch(iid, new)
        return new

    def splits(self, iid: str) -> list[tuple[str, str, str]]:
        """What ``register split`` did to ``iid``: ``(op, other, at)`` for each time it split
        off ``other`` (``split-from``) or ``other`` split off it (``split-off``)."""
        return [
            (str(h["op"]), str(h["other"]), str(h["at"]))
            for h in self.institution(iid)["history"]
            if h["op"] in ("split-from", "split-off")
        ]

    def _refuse_merge(self, keep: str, other: str) -> None:
        """:class:`RegisterError` when ``other`` cannot be merged into ``keep``
        (:meth:`merge_institutions`)."""
        if keep == other:
            raise RegisterError(Said("merge_same", iid=keep))
        self.institution(keep)  # unknown: said so
        self.institution(other)
        if (into := self.merged_into(other)) is not None:
            raise RegisterError(Said("merge_merged_already", other=other, keep=into))
        if (was := self.retired(other)) is not None:
            raise RegisterError(Said("merge_other_retired", other=other, retired=retired_said(was)))
        if (into := self.merged_into(keep)) is not None:
            raise RegisterError(Said("merge_keep_merged", keep=keep, into=into, other=other))
        if (was := self.retired(keep)) is not None:
            raise RegisterError(Said("merge_keep_retired", keep=keep, retired=retired_said(was)))
        waiting = [c["id"] for c in self.conflicts() if c["institution_id"] == other]
        if waiting:
            raise RegisterError(Said("merge_other_held", other=other, cids=", ".join(waiting)))
        waiting = [d["id"] for d in self.duplicates() if d["candidate"] == other]
        if waiting:
            raise RegisterError(
                Said("merge_other_duplicates", other=other, dids=", ".join(waiting))
            )

    def confirm(
        self,
        iid: str,
        categories: Iterable[str],
        note: str,
        at: str | None = None,
        force: bool = False,
        lang: str | None = None,
    ) -> list[str]:
        """The institution said its entries are still true (on the telephone, say): its entries
        in ``categories`` (ids or names as people write them; none: all of them) count as
        confirmed by it at ``at`` (:func:`ingest.staleness.last_confirmed`), and their valid
        values and those of the institution's own fields as its own (``"confirmed"``: a
        source of kind :data:`HAND` with ``note``), unless they are already. No value changes;
        its history gets the event with ``note``. Returns the checklists confirmed. Raises
        :class:`RegisterError` (nothing is changed) for an unknown institution, a retired one
        (unless ``force``) or a checklist it has no entry in (named in ``lang``)."""
        inst = self.institution(iid)
        self._refuse_retired(iid, force, Said("regerr_doing_confirm"))
        has = list(inst["entries"])
        wanted = list(dict.fromkeys(self.schema.category_named(c, lang).id for c in categories))
        for cid in wanted:
            if cid not in has:
                raise RegisterError(
                    Said(
                        "regerr_confirm_no_entry",
                        iid=iid,
                        cid=cid,
                        cid_name=self._scope_said(cid),
                        has=self._checklists_said(has),
                    )
                )
        done = wanted or has
        if not done:
            raise RegisterError(Said("regerr_confirm_nothing", iid=iid))
        at = at or now_iso()
        for cid in done:
            entry = inst["entries"][cid]
            entry["confirmed_at"] = _later(entry.get("confirmed_at"), at)
            entry["reconfirmed_at"] = _later(entry.get("reconfirmed_at"), at)  # over its "Datum"
            entry["by_institution"] = True
        # its values are its own from now on, as if confirmed on its form; not an invalid one
        # (the confirmation says it stays on the update list for that)
        held = [(INSTITUTION, inst["institution"])]
        held += [(cid, inst["entries"][cid]["fields"]) for cid in done]
        paths = [
            f"{scope}.{key}"
            for scope, values in held
            for key, sv in values.items()
            if "problem" not in sv and self._own(sv) is None
        ]
        if paths:
            sha = hashlib.sha256(_encode(["confirm", iid, at, note, done]).encode()).hexdigest()
            self.data["sources"][sha] = {"kind": HAND, "note": note, "ingested_at": at}
            self._confirm_values(inst, paths, sha)
        self._event(inst, at, "confirm", note=note, categories=done)
        return done

    def _event(self, inst: Json, at: str, op: str, src: str | None = None, **more: Any) -> None:
        """An event in ``inst``'s history that changes no value (its revision stays: forms
        prefilled before are as current as they were); ``src``: the return it came with."""
        inst["history"].append(
            {
                "rev": inst["rev"],
                "at": at,
                "src": src,
                "op": op,
                **more,
                **self._by(src is None or self.source(src).get("kind") in (HAND, MERGED, SPLIT)),
                "changes": [],
            }
        )
        self.data["revision"] += 1

    def _by(self, by_hand: bool) -> Json:
        """What a revision or event keeps of who made it (:attr:`by`): only where a coordinator
        made it (``by_hand``), not a return (its values are the institution's, whoever read
        them in; the journal keeps who did)."""
        return {"by": self.by} if self.by and by_hand else {}

    def _refuse_retired(self, iid: str, force: bool, doing: str) -> None:
        """:class:`RegisterError` for a retired ``iid`` (unless ``force``): what a coordinator
        is ``doing`` to it waits for 'register restore', or ``--force``."""
        if not force and (was := self.retired(iid)) is not None:
            said = Said("regerr_retired", iid=iid, retired=retired_said(was), doing=doing)
            raise RegisterError(said)

    def hand_values(
        self, iid: str, path: str, text: str | None, force: bool = False
    ) -> dict[str, Json | None]:
        """What ``formgen register set`` stores for ``iid``: ``text`` typed for ``path``
        (``institution.phone``, ``psychotherapie.languages_offered``), checked as a returned
        value is (:func:`ingest.validate.check_typed`), or with ``text`` ``None`` the value's
        removal. Returns path → stored value (``None``: removed), only what changes; a multiple
        choice is replaced whole, its list and its ``._other`` text. The institution's address
        (:data:`EMAIL`) is stored even when it holds that already: a coordinator who sets it
        again vouches for it (a mail to it that bounced or was refused before no longer keeps
        ``formgen mail`` from it), and so is a value it holds flagged, set again as typed
        (``DE-40212``, flagged by an earlier formgen, valid now). Raises
        :class:`RegisterError` (nothing is changed) for an unknown institution, a retired one
        (unless ``force``), a path it has no value at, an invalid or too long value, a value a
        held conflict waits on, or no change at all."""
        inst = self.institution(iid)
        self._refuse_retired(iid, force, Said("regerr_doing_set"))
        path, f = self._settable(iid, inst, path)
        paths = [path, f"{path}.{OTHER}"] if f.is_multi else [path]
        for held in self.conflicts():
            if held["institution_id"] == iid and held["path"] in paths:
                cid = held["id"]
                raise RegisterError(Said("regerr_set_held", iid=iid, path=held["path"], cid=cid))
        new = {} if text is None else self._typed(iid, path, f, text)
        # the text it holds, flagged (by an earlier formgen), set again: valid now, the flag goes
        values = {
            p: new.get(p)
            for p in paths
            if not self.same(p, now := self._current(inst, p), new.get(p))
            or "problem" in (now or {})
        }
        if path == EMAIL and new:
            values = dict(new)  # set again, it vouches that mail reaches it (formgen mail)
        if not values:
            now = self._current(inst, path)
            raise RegisterError(
                Said("regerr_set_holds", iid=iid, path=path, value=short(str(now.get("raw", ""))))
                if now
                else Said("regerr_set_holds_none", iid=iid, path=path)
            )
        return values

    def _typed(
        self, iid: str, path: str, f: Field, text: str, where: str | Said = ""
    ) -> dict[str, Json]:
        """``text`` typed for ``path`` of ``iid`` (its field ``f``), checked as a returned
        value is: path → stored value; :class:`RegisterError`, said of ``where`` (by default
        „``iid`` ``path``“: split's says its --name), for a value too long, invalid
        or none, or one holding a control character (:data:`~formgen.filenames.NOT_TEXT`) or a
        character that turns the text after it round (:data:`~formgen.filenames.OVERRIDE`,
        which ingest flags in a return: here no sender is asked, the coordinator types it
        again)."""
        # here, not at the top: the checks load phonenumbers, which reading needs not
        from ingest.validate import MAX_VALUE_CHARS, check_typed

        where = where or f"{iid} {path}"
        if len(text) > MAX_VALUE_CHARS:  # a return's is kept shortened, its file archived
            raise RegisterError(
                Said("regerr_set_too_long", where=where, n=len(text), most=MAX_VALUE_CHARS)
            )
        if odd := not_typed(text):
            kind, char = odd
            said = Said(
                f"regerr_set_{kind}", where=where, char=char, value=escaped(short(text, 80))
            )
            raise RegisterError(said)
        new: dict[str, Json] = {}
        scope = path.partition(".")[0]
        for key, checked in check_typed(f, text).items():
            if checked.problem is not None:
                problem = SaidProblem(checked.problem)
                raise RegisterError(Said("regerr_set_invalid", where=where, problem=problem))
            new[f"{scope}.{key}"] = {"v": checked.value, "raw": checked.raw}
        if not new:
            raise RegisterError(Said("regerr_set_no_value", where=where))
        return new

    def _path_meant(self, inst: Json, text: str) -> str:
        """The path ``text`` meant, as a suggestion with its label (``""``: none): the closest
        path ``iid`` has a value at (``instituton.name``: ``institution.name``, „Einrichtung ›
        Name der Einrichtung“), or that a field's label names or is close to (``E-Mail``,
        ``Einrichtung › E-Mail``: the institution's ``institution.email``; ``Name der
        Ansprechperson``: that of a checklist the institution has an entry in)."""
        named: dict[str, str] = {}
        for scope in reversed(inst["entries"]):
            if scope in self._entry_ids:
                for f in self.schema.entry_fields(scope):
                    named |= {folded(t): f"{scope}.{f.id}" for t in f.label.values.values()}
                    named[f"{scope}.{f.id}"] = f"{scope}.{f.id}"
        for f in self.schema.institution_fields():  # the institution's own first
            path = f"{INSTITUTION}.{f.id}"
            for lang, label in f.label.values.items():
                named |= {
                    folded(label): path,
                    folded(f"{say('institution', lang)} › {label}"): path,
                }
            named[path] = path
        close = difflib.get_close_matches(text, named, 1) or difflib.get_close_matches(
            folded(text), named, 1
        )
        return self._path_hint(named[close[0]]) if close else ""

    def _path_hint(self, path: str) -> Said:
        """„(gemeint: ``path``, „its label“?)“ after an error: the path to type, and what it
        names (:func:`ingest.labels.path_label`)."""
        label = per_language(lambda lang: path_label(self.schema, path, lang))
        return Said("regerr_path_meant", path=path, label=label)

    def _scope_said(self, scope: str) -> dict[str, str]:
        """The institution's own data or a checklist by its name in each language
        (:func:`ingest.labels.scope_label`), for an error that gives its id beside it."""
        return per_language(lambda lang: scope_label(self.schema, scope, lang))

    def _checklists_said(self, cids: Iterable[str]) -> str | dict[str, str]:
        """Checklists an institution has entries in, for an error: each by its name with the
        id a command takes in brackets („PsychotherapeutIn, niedergelassen (psychotherapie)“);
        „keine“ for none."""
        cids = list(cids)
        if not cids:
            return Said("regerr_none")
        return per_language(
            lambda lang: ", ".join(f"{scope_label(self.schema, c, lang)} ({c})" for c in cids)
        )

    def _settable(
        self, iid: str, inst: Json, path: str, no_entry: str | None = None
    ) -> tuple[str, Field]:
        """``path`` under its field's current id, and the field: one of the institution's own
        fields, or of a checklist ``iid`` has an entry in; else :class:`RegisterError`
        saying what there is (for a checklist without its entry, ``no_entry`` after it; by
        default how to get one)."""
        scope = path.strip()
        if scope == INSTITUTION or scope in self._entry_ids:  # no field, and none to guess
            fields = (
                self.schema.institution_fields()
                if scope == INSTITUTION
                else self.schema.entry_fields(scope)
            )
            named = per_language(
                lambda lang: ", ".join(f"{f.label.get(lang)} ({f.id})" for f in fields)
            )
            raise RegisterError(
                Said(
                    "regerr_path_field_missing",
                    path=path,
                    scope=scope,
                    scope_name=self._scope_said(scope),
                    fields=named,
                )
            )
        try:
            parsed: FieldPath | None = FieldPath.parse(self.schema.current_path(path))
        except FormgenError:
            parsed = None
        if parsed is None or parsed.block is not None or parsed.option is not None:
            raise RegisterError(
                Said("regerr_path_no_value", path=path, hint=self._path_meant(inst, path))
            )
        scope = parsed.category
        has = self._checklists_said(inst["entries"])
        if scope == INSTITUTION:
            fields = self.schema.institution_fields()
        elif scope not in self._entry_ids:
            known = [c.id for c in self.schema.categories]
            hint = self._path_meant(inst, path) or did_you_mean(scope, [INSTITUTION, *known])
            raise RegisterError(
                Said(
                    "regerr_path_no_checklist", path=path, scope=scope, hint=hint, iid=iid, has=has
                )
            )
        elif scope not in inst["entries"]:
            advice = no_entry or Said("regerr_path_get_entry", iid=iid, scope=scope)
            raise RegisterError(
                Said(
                    "regerr_path_no_entry",
                    path=path,
                    iid=iid,
                    scope=scope,
                    scope_name=self._scope_said(scope),
                    has=has,
                    advice=advice,
                )
            )
        else:
            fields = self.schema.entry_fields(scope)
        ids = [f.id for f in fields]
        f = next((f for f in fields if f.id == parsed.field), None)
        if f is None:
            close = difflib.get_close_matches(parsed.field, ids, 1)
            hint = self._path_hint(f"{scope}.{close[0]}") if close else ""
            raise RegisterError(
                Said(
                    "regerr_path_no_field",
                    path=path,
                    scope=scope,
                    scope_name=self._scope_said(scope),
                    field=parsed.field,
                    hint=hint,
                    fields=", ".join(ids),
                )
            )
        return f"{scope}.{f.id}", f

    def set_by_hand(
        self, iid: str, values: Mapping[str, Json | None], note: str, at: str | None = None
    ) -> list[list[Any]]:
        """Store ``values`` (:meth:`hand_values`) as a coordinator's: one new revision, op
        ``set``, with ``note``; their source (``sources``) is of kind :data:`HAND`, with the
        note and the time, under a SHA-256 of what was set (no file has it). Returns the
        changes, ``[path, old, new]`` each."""
        at = at or now_iso()
        inst = self.institution(iid)
        # over the values as set (and journaled): replayed after a rename, the same source
        sha = hashlib.sha256(_encode([HAND, iid, at, note, values]).encode()).hexdigest()
        values = {self.schema.current_path(p): v for p, v in values.items()}
        self.data["sources"][sha] = {"kind": HAND, "note": note, "ingested_at": at}
        self._apply(inst, values, sha, at, "set", note=note)
        self._rematch(iid)
        changes: list[list[Any]] = inst["history"][-1]["changes"]
        # a value the centre typed in is not the institution's word until it confirms it
        self._unconfirm(
            inst, [p for p, old, new in changes if new is not None and not self.same(p, old, new)]
        )
        return changes

    def erasable(self, iid: str, paths: Iterable[str]) -> list[str]:
        """``paths`` of ``iid`` (as :meth:`hand_values` takes them) under their fields' current
        ids; :class:`RegisterError` for an unknown institution or path."""
        inst = self.institution(iid)
        none = Said("regerr_path_erase_none")
        return list(dict.fromkeys(self._settable(iid, inst, p, none)[0] for p in paths))

    def held_values(self, iid: str, paths: Iterable[str]) -> list[Json]:
        """Every value ``iid`` holds or held at ``paths`` (and their parts, ``x._other``), an
        erased one's marker left out: in its history's order, then the current ones, then
        those held in conflicts and in probable duplicates of it. Each once (by
        :func:`same_value`)."""
        paths = list(paths)
        inst = self.institution(iid)
        found: list[Json | None] = [
            sv
            for h in inst["history"]
            for p, *olds in h["changes"]
            if under(p, paths)
            for sv in olds
        ]
        found += [self._current(inst, p) for p in self._held_paths(inst, paths)]
        for held in self.conflicts():
            if held["institution_id"] == iid and under(held["path"], paths):
                found += [held.get("mine"), held["theirs"]]
        for d in self.duplicates():
            if d["candidate"] == iid:
                found += [as_stored(c) for _p, c in entry_values(d["entry"], paths)]
        out: dict[str, Json] = {}
        for sv in found:
            if sv is not None and not is_erased(sv):
                out.setdefault(value_key(sv), sv)
        return list(out.values())

    def current_values(self, iid: str, paths: Iterable[str]) -> dict[str, Json]:
        """The values ``iid`` holds now at ``paths`` (and their parts), by path."""
        inst = self.institution(iid)
        now = {p: self._current(inst, p) for p in self._held_paths(inst, list(paths))}
        return {p: sv for p, sv in now.items() if sv is not None}

    def _held_paths(self, inst: Json, paths: list[str]) -> list[str]:
        """The paths under ``paths`` ``inst`` holds a value at now."""
        held = [f"{INSTITUTION}.{k}" for k in inst["institution"]]
        held += [f"{cid}.{k}" for cid, e in inst["entries"].items() for k in e["fields"]]
        return [p for p in held if under(p, paths)]

    def holds_keyed(self, instance_id: str) -> bool:
        """Whether the register holds a keyed content hash of a return of the form
        ``instance_id`` (:meth:`merge`): one an erasure marked, or one merged without a
        prefilled value erased since."""
        return any(h.startswith(KEYED) for h in self.data["instances"].get(instance_id, ()))

    def erased_so_far(self) -> int:
        """The highest number of a marker (:data:`ERASED`) the register holds (0: none): of an
        erased value its institutions hold, now or in their history, or of what a return's
        source says of who sent it, erased whole (its file's name, its mail's sender and
        subject: :mod:`ingest.erase` numbers those on from the values'), so that an erasure
        after it never gives a value the number of a sender's marker."""
        texts = [  # a text erased inside a value or a note too (register erase --text)
            sv["raw"]
            for inst in self.institutions.values()
            for sv in _stored_in(inst)
            if isinstance(sv, dict) and isinstance(sv.get("raw"), str)
        ]
        texts += [
            h.get(k)
            for inst in self.institutions.values()
            for h in inst["history"]
            for k in ("note", "by")
        ]
        texts += [v for src in self.data["sources"].values() for v in src.values()]
        numbers = (
            int(m.group(1)) for t in texts if isinstance(t, str) for m in ERASED_MARK.finditer(t)
        )
        return max(numbers, default=0)

    def erase(
        self,
        iid: str,
        paths: Iterable[str],
        note: str,
        originals: Iterable[str] = (),
        at: str | None = None,
        marked: bool = False,
        asked: Iterable[str] | None = None,
    ) -> None:
        """Erase every value ``iid`` holds or held at ``paths`` (data protection: a contact
        person who left asks for it): the current ones are removed as one revision, op
        ``erase`` with ``note``, and every earlier one in its history is replaced by its marker
        (:data:`ERASED`); held conflicts on them are dropped, the values are taken out of
        probable duplicates of it. ``originals``: the SHA-256 of archived originals deleted
        for it, whose ``sources`` record says when (``erased_at``, kept from the first erasure
        that deleted it). :mod:`ingest.erase` does
        the same to the journal and the workspace's files. ``marked``: only some of the values
        were erased (``register erase --keep-current``, ``--only-with``), the journal marked them:
        only the current values that are markers are removed, only conflicts and duplicates'
        values holding one dropped (at ``asked``, the paths the erasure was asked for; ``paths``
        then names only those whose current value goes, so that a formgen that does not know
        ``marked`` replays it without taking a value that stays); the others stay as they
        are."""
        at = at or now_iso()
        paths = list(paths)
        inst = self.institution(iid)
        held = [] if marked else self.held_values(iid, paths)
        first = self.erased_so_far() + 1 if held else 0  # a scan of the register: where needed
        marks = {value_key(sv): n for n, sv in enumerate(held, first)}

        def mark(sv: Json | None) -> Json | None:
            if sv is None or is_erased(sv):
                return sv
            kept: Json = {k: sv[k] for k in ("src", "rev") if k in sv}
            return {"v": None, "raw": ERASED.format(n=marks[value_key(sv)]), **kept}

        def goes(sv: Json | None) -> bool:
            return not marked or is_erased(sv)

        if not marked:
            for h in inst["history"]:
                for change in h["changes"]:
                    if under(change[0], paths):
                        change[1:] = [mark(change[1]), mark(change[2])]
        held_at = [p for p in self._held_paths(inst, paths) if goes(self._current(inst, p))]
        for p in held_at:
            scope, key = split_path(p)
            where = (
                inst["institution"] if scope == INSTITUTION else inst["entries"][scope]["fields"]
            )
            where[key] = mark(where[key])
        within = list(asked) if marked and asked is not None else paths
        for cid, c in list(self.data["conflicts"].items()):
            mine, theirs = c.get("mine"), c["theirs"]
            if (
                c["institution_id"] == iid
                and under(c["path"], within)
                and (goes(mine) or goes(theirs))
            ):
                del self.data["conflicts"][cid]
        for d in self.duplicates():
            if d["candidate"] == iid:
                for p, c in list(entry_values(d["entry"], within)):
                    scope, key = split_path(p)
                    if goes(as_stored(c)):
                        d["entry"]["institution" if scope == INSTITUTION else "entry"].pop(key)
        for sha in originals:  # the erasure that deleted it (formgen before 2026-11-24 named
            if sha in self.data["sources"]:  # an original gone already in a later one too)
                self.data["sources"][sha].setdefault("erased_at", at)
        if not self._apply(inst, dict.fromkeys(held_at), None, at, "erase", note=note):
            self._event(inst, at, "erase", note=note)
        self._rematch(iid)

    def _decided(self, cid: str) -> str | None:
        """How the held conflict ``cid`` was decided (for a message), ``None`` if never held."""
        number = cid.removeprefix("c-")
        if not (cid.startswith("c-") and number.isdigit()):
            return None
        if int(number) >= int(self.data["next"]["conflict"]):
            return None
        for iid, inst in self.institutions.items():
            if any(h["op"] == f"resolve {cid}" for h in inst["history"]):
                return Said("regerr_decided_taken", iid=iid)
        return Said("regerr_decided_kept")

    def resolve_duplicate(
        self, did: str, decision: str, at: str | None = None, first_new: int = 1
    ) -> str:
        """Decide a probable duplicate: ``merge`` into the candidate or keep as ``new`` (an
        institution numbered from ``first_new`` on, as :meth:`merge` numbers it).

        Returns the institution id the entry went to."""
        if did not in self.data["duplicates"]:
            raise RegisterError(Said("regerr_no_duplicate", did=did))
        if decision not in ("merge", "new"):
            raise RegisterError(Said("regerr_decide_with", decision=decision))
        at = at or now_iso()
        d = self.data["duplicates"].pop(did)
        e = self._current_entry(entry_from_json(d["entry"]))
        iid = d["candidate"] if decision == "merge" else self._create(None, first_new)
        inst = self.institutions[iid]
        self._keep_list_ids(iid, e.list_ids)
        src = self.data["sources"].get(d["src"], {})
        plan = self._plan(inst, e, None, src.get("instance_id", ""), False, did)
        for path, theirs in plan.held.items():
            why = _why_held(plan.held_why.get(path), src.get("kind") == IMPORT)
            self._hold(iid, path, theirs, None, d["src"], at, why)
        self._apply(inst, plan.apply, d["src"], at, f"resolve {did}")
        self._unconfirm(inst, plan.apply)
        if iid not in src.get("institutions", [iid]):  # whom its return came from
            src["institutions"].append(iid)
        # from the day it came in, as a direct merge counts it (one held before formgen kept
        # that day: from the day it was ingested)
        came_in = d.get("came_in") or src.get("ingested_at", at)
        for cid in plan.touched_categories:
            entry = inst["entries"].setdefault(cid, {"fields": {}})
            if src.get("kind") != IMPORT:  # an imported list is no confirmation
                entry["confirmed_at"] = _later(entry.get("confirmed_at"), came_in)
                if iid not in src.setdefault("confirmed", []):
                    src["confirmed"].append(iid)
            entry.setdefault("by_institution", False)
        self._rematch(iid)
        return iid


_END = b"\n}"
"""How the register's text ends: the closing brace of the whole."""


def _seal(digest: str) -> bytes:
    """What a sealed register's text ends with in place of :data:`_END`."""
    return f',\n "{SEAL}": "{digest}"\n}}'.encode()


def _sealed(text: str | bytes, data: Json, seal: object) -> bool:
    """Whether ``data`` (read from ``text``, without its :data:`SEAL`) is what the checkpoint
    sealed with ``seal``. The file as written is checked by its bytes (one pass, as it is read
    anyway); one whose bytes differ, by the text its content gives: a file saved again with
    Windows line ends or a byte-order mark, or laid out anew, holds the same register and is
    not taken for edited."""
    raw = text.encode() if isinstance(text, str) else text
    tail = _seal(str(seal))
    if raw.endswith(tail):
        digest = hashlib.sha256(memoryview(raw)[: -len(tail)])
        digest.update(_END)
        if digest.hexdigest() == seal:
            return True
    digest = hashlib.sha256()
    _write_text(data, digest.update)
    return digest.hexdigest() == seal


def _check_structure(data: Json, source: str) -> None:
    """Enough shape checking that a hand-edited register fails here, clearly, not later."""

    def fail(where: str, what: str) -> RegisterError:
        return RegisterError(Said("regerr_shape", source=source, where=where, what=what))

    for key in ("institutions", "conflicts", "duplicates", "sources", "instances", "next"):
        if not isinstance(data[key], dict):
            raise fail(key, Said("regerr_shape_object"))
    for key in ("revision", "journal_seq"):
        if not isinstance(data[key], int):
            raise fail(key, Said("regerr_shape_whole"))
    for iid, inst in data["institutions"].items():
        if not isinstance(inst, dict):
            raise fail(Said("regerr_shape_inst", iid=iid), Said("regerr_shape_object"))
        for key, kind in (
            ("rev", int),
            ("institution", dict),
            ("entries", dict),
            ("history", list),
        ):
            if not isinstance(inst.get(key), kind):
                raise fail(Said("regerr_shape_inst", iid=iid), Said("regerr_shape_kind", name=key))
        for cid, entry in inst["entries"].items():
            if not isinstance(entry, dict) or not isinstance(entry.get("fields"), dict):
                where = Said("regerr_shape_entry", iid=iid, cid=cid)
                raise fail(where, Said("regerr_shape_fields"))
            for key, sv in entry["fields"].items():
                if not isinstance(sv, dict) or "raw" not in sv:
                    where = Said("regerr_shape_value", iid=iid, path=f"{cid}.{key}")
                    raise fail(where, Said("regerr_shape_stored"))
        for key, sv in inst["institution"].items():
            if not isinstance(sv, dict) or "raw" not in sv:
                where = Said("regerr_shape_value", iid=iid, path=f"institution.{key}")
                raise fail(where, Said("regerr_shape_stored"))
        retired = inst.get("retired", {"at": ""})
        if (
            not isinstance(retired, dict)
            or not isinstance(retired.get("at"), str)
            or not isinstance(retired.get("reason"), str | None)
        ):
            raise fail(Said("regerr_shape_inst", iid=iid), Said("regerr_shape_retired"))
        for n, h in enumerate(inst["history"], 1):
            changes = h.get("changes") if isinstance(h, dict) else None
            if not isinstance(changes, list):
                changes = [None]
            for c in changes:  # a loop, not all(…): this runs on every open
                if not (isinstance(c, list) and c and isinstance(c[0], str)):
                    where = Said("regerr_shape_history", iid=iid, n=n)
                    raise fail(where, Said("regerr_shape_changes"))
    for cid, held in data["conflicts"].items():
        if not (
            isinstance(held, dict)
            and isinstance(held.get("path"), str)
            and isinstance(held.get("institution_id"), str)
        ):
            raise fail(Said("regerr_shape_conflict", cid=cid), Said("regerr_shape_held"))


def retired_text(
    retired: Json, lang: str = "en", *, why: bool = True, personal: bool = True
) -> str:
    """When and why an institution was retired (:meth:`Register.retired`), as every message
    and ``register history`` say it: ``retired on 2026-11-23 (geschlossen)``, in
    German ``aus dem Register genommen am 23.11.2026 (geschlossen)``; ``?`` for a day the
    register does not hold as one (a hand edit). Without ``why`` the day alone; without
    ``personal`` as :func:`retired_reason` says it."""
    day = local_day(retired.get("at"))
    said = say("retired_on", lang, date=date_text(day, lang) if day else "?")
    reason = retired_reason(retired, lang, personal) if why else None
    return f"{said} ({reason})" if reason else said


def retired_reason(retired: Json, lang: str = "en", personal: bool = True) -> str | None:
    """Why an institution was retired, in ``lang``: the reason given, or for one merged into
    another (``register merge``) ``merged into inst-0003``, in German ``zusammengeführt mit
    inst-0003``. Without ``personal`` (an export or print for others) not the reason given:
    the coordinator's words may name people („Frau X ist gegangen“)."""
    if into := retired.get("merged_into"):
        return say("merge_reason", lang, keep=str(into))
    reason = retired.get("reason") if personal else None
    return str(reason) if reason else None


def retired_said(retired: Json) -> str:
    """:func:`retired_text` as a :class:`~formgen.messages.Said`, for the ingest report."""
    day = local_day(retired.get("at"))
    said = Said("ingest_merge_retired_on", day=day.isoformat() if day else "?")
    if into := retired.get("merged_into"):
        return SaidJoined((said, " (", Said("merge_reason", keep=str(into)), ")"), sep="")
    reason = retired.get("reason")
    return SaidJoined((said, f"({reason})"), sep=" ") if reason else said


def _verdict_reason(verdict: Match) -> str:
    """Why the matcher took a return's institution for a known one, to be said in a language."""
    if verdict.reason_key is None:
        return verdict.reason
    return Said(verdict.reason_key, **verdict.reason_args)


def name_line(reg: Register, iid: str, lang: str | None = None) -> str:
    """The name of institution ``iid`` for a line of its own: the head line of its history or
    conflict, what ``register retire``, ``restore``, ``confirm`` and ``erase`` say. A line break
    in it (an imported cell may hold one) as „↵“, as :func:`ingest.history.value_text` shows
    it; the stored name keeps it. With ``lang``, a text erased in it as ``lang`` says erased
    (:meth:`Register.name_of`)."""
    return breaks_shown(reg.name_of(iid, lang))


_IMPORT_WHY = {
    "held_institution": "held_import",
    "held_hand": "held_import_hand",
    "held_confirmed": "held_import_confirmed",
    "reg_held_confirmed_hand": "reg_held_import_confirmed_hand",
}
"""Why a value is held, for an imported list in its own words (it is no checklist from
someone else)."""

_CONFIRMED_BY_HAND = ("reg_held_confirmed_hand", "reg_held_import_confirmed_hand")
"""Why a value is held when the institution confirmed it to a coordinator
(:meth:`Register.confirm`): said with the day and the note."""


def _why_held(why: str | None, imported: bool) -> str | None:
    """Why a value is held (a key of :data:`formgen.messages.WORDS`, or ``None``: changed on
    both sides): as the plan says, but for an imported list in its own words
    (:data:`_IMPORT_WHY`)."""
    if imported and why in _IMPORT_WHY:
        return _IMPORT_WHY[why]
    return why


def _lines_joined(shown: Json | None, theirs: Json) -> bool:
    """Whether ``theirs`` is the text of several lines ``shown`` with its line breaks dropped:
    how LibreOffice 7.4 saves a multi-line value of a Word form left as it was (its input
    fields hold no line break: „…للنساء\nاستشارات…“ comes back „…للنساءاستشارات…“)."""
    a, b = (shown or {}).get("v"), theirs.get("v")
    return isinstance(a, str) and isinstance(b, str) and LINE_BREAK.sub("", a) == b != a


def _shared(entries: Iterable[EntryReturn], matching: int) -> frozenset[str]:
    """The e-mail and web addresses and phone numbers a return gives institutions of different
    names: a provider's, which tell none of them (:meth:`ingest.matching.Matcher.match`), as
    ``matching`` (:data:`ingest.matching.MATCHING`) compares them."""
    names: dict[str, set[str]] = {}
    for e in entries:
        get = {k: c.text for k, c in e.institution.items() if c is not None}.get
        phone = normalise_phone(get("phone") or "")
        keys = normalise_online(get("email") or "", get("website") or "", matching)
        for key in keys | ({phone_key(phone)} if phone else set()):
            names.setdefault(key, set()).add(fold(get("name") or ""))
    return frozenset(key for key, held in names.items() if len(held) > 1)


def _reversed(mine: Json, theirs: Json) -> bool:
    """Whether ``theirs`` is the right-to-left text ``mine`` holds with each line's letters in
    reverse order: a copy printed from a viewer that drew it left to right in the order it
    was typed (pdf.js), read as the page shows it."""
    a, b = mine.get("v"), theirs.get("v")
    if not isinstance(a, str) or not isinstance(b, str) or a == b:
        return False
    rtl = any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in a)
    return rtl and b.splitlines() == [line[::-1] for line in a.splitlines()]


def _plainer(mine: Json, theirs: Json) -> bool:
    """Whether ``theirs`` is the text ``mine`` holds, typed without its accents and letters a
    German keyboard lacks, or in other case (:func:`formgen.fold.fold`: „Gulsen Ozturk“ for
    „Gülşen Öztürk“), and writes no letter with a mark where ``mine`` has none."""
    a, b = mine.get("v"), theirs.get("v")
    if not isinstance(a, str) or not isinstance(b, str) or "problem" in theirs:
        return False
    return fold(a) == fold(b) and _marked(b) <= _marked(a)


def _marked(text: str) -> int:
    """How many letters of ``text`` have accents or marks, or are letters folded to others."""
    return sum(fold(ch) != ch.casefold() for ch in text)


def named_erased(named: Mapping[str, str], name: str, rows: Iterable[str]) -> str | None:
    """The id a mail round gave ``name``, a row of a return whose rows are named ``rows``
    (``named``: folded name → id). A name that holds an erased text's marker (her surname
    erased inside it) may be keyed unerased in a merge a formgen before 2026-11-25 journaled:
    a key no row is named, that only its markers tell apart from it, is its where it is the
    one such key and no other row's name fits it so (a marker stands for any text)."""
    folded = fold(name)
    if folded in named or not ERASED_MARK.search(folded):
        return named.get(folded)
    names = {fold(row) for row in rows} - {folded}
    keys = [key for key in named.keys() - names if _marked_as(folded, key)]
    fits = [n for n in names if keys and ERASED_MARK.search(n) and _marked_as(n, keys[0])]
    return named[keys[0]] if len(keys) == 1 and not fits else None


def _marked_as(marked: str, text: str) -> bool:
    """Whether ``text`` is ``marked`` with a text of its own where each marker stands."""
    parts = ERASED_MARK.sub("\0", marked).split("\0")
    return re.fullmatch(".+".join(map(re.escape, parts)), text) is not None


def _checked_name(e: EntryReturn) -> str:
    c = e.institution.get("name")
    return c.raw.strip() if c else ""


# ---------------------------------------------------------------------- (de)serialising returns


def _checked_json(c: Checked) -> Json:
    out: Json = {"raw": c.raw, "v": c.value}
    if c.problem:
        out.update(c.problem.to_json())
    return out


def _checked_from(d: Json) -> Checked:
    return Checked(raw=d["raw"], value=d.get("v"), problem=Problem.from_json(d))


def entry_to_json(e: EntryReturn) -> Json:
    return {
        "institution_id": e.institution_id,
        "category": e.category,
        "block": e.block,
        "institution": {k: _checked_json(c) for k, c in e.institution.items()},
        "entry": {k: _checked_json(c) for k, c in e.entry.items()},
        **({"list_ids": list(e.list_ids)} if e.list_ids else {}),
    }


def entry_from_json(d: Json) -> EntryReturn:
    return EntryReturn(
        institution_id=d["institution_id"],
        category=d["category"],
        block=d["block"],
        institution={k: _checked_from(v) for k, v in d["institution"].items()},
        entry={k: _checked_from(v) for k, v in d["entry"].items()},
        list_ids=tuple(d.get("list_ids", ())),
    )


def as_stored(c: Json) -> Json:
    """A journaled returned value (:func:`entry_to_json`) as the register stores it."""
    return {"v": None if c.get("problem") else c.get("v"), "raw": c["raw"]}


def entry_values(entry: Json, paths: Iterable[str]) -> Iterator[tuple[str, Json]]:
    """The values of a returned entry as JSON (:func:`entry_to_json`) at ``paths`` and their
    parts, blanks left out: (path, value as journaled) each."""
    scopes = {INSTITUTION: entry["institution"]}
    if entry["category"]:
        scopes[entry["category"]] = entry["entry"]
    for scope, values in scopes.items():
        for key, c in values.items():
            if under(f"{scope}.{key}", paths) and not is_blank(_checked_from(c)):
                yield f"{scope}.{key}", c


def entry_scope_fields(schema: Schema, category: str) -> Iterable[str]:
    return (f.id for f in schema.category(category).fields if f.scope is Scope.ENTRY)
