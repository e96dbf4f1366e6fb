"""What every reader returns: a raw submission (identity + raw values + provenance).

The contract between the readers (AcroForm PDF, flattened PDF, DOCX, …) and validation:

* ``values`` maps **field paths** (:class:`formgen.model.FieldPath` as text) to raw values, the
  same names the generators gave the form's fields:

  - text-like fields (text, textarea, date, integer, percentage, phone, email, url, initials):
    ``str`` as typed — the reader has already applied NFC and turned every line break
    (``\\r\\n``, ``\\r``, U+2028, U+2029: :func:`formgen.linebreak.newlines`) into ``\\n``;
  - single choices — ``select_one`` (dropdown or a group of mutually exclusive checkboxes) and
    ``yes_no_none`` (three mutually exclusive boxes Ja / Nein / Fehlanzeige): ``str`` under the
    field's own path, the choice *value* (``"fehlanzeige"``); a reader maps display text or a
    checkbox on-state back to the value;
  - multiple choices — each option of ``select_multiple``/``language_list`` is its own checkbox
    with path ``<path>.<option>`` and a ``bool``; the "other" text box is ``<path>._other``
    (``str``, e.g. "Tamil, Urdu").

  Blank values may be left out or given as ``""``/``False``: blank means "not filled in".
  Identity fields (``formgen.*``) are not in ``values``; they are in ``identity``.
* ``identity`` is ``None`` when the file carries no formgen identity (an unknown form).
* ``confidence`` is ``"high"`` when values come from form fields, ``"low"`` when they were
  recovered by position from a flattened or printed copy.
* ``notes`` are the reader's remarks for the report (e.g. "control recovered by table position").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from formgen.identity import FormIdentity
from formgen.linebreak import one_line, shorten
from formgen.messages import Problem, Said, SaidJoined, SaidProblem
from formgen.model import INSTITUTION, FieldPath

RawValue = str | bool | list[str]

ACROFORM_PDF = "acroform-pdf"
"""The reader of a returned PDF by its form fields (:mod:`ingest.pdf_reader`)."""


@dataclass(frozen=True)
class Provenance:
    """Where a submission came from: enough to find the original and explain every value."""

    file_name: str
    """The name the file had (for people; never used as a path)."""
    sha256: str
    size: int
    reader: str
    """Which reader produced it: :data:`ACROFORM_PDF`, ``flattened-pdf``, ``docx``, …"""
    container: str | None = None
    """For an attachment: the mail file it came from and its position (``inbox.mbox#3/2``)."""
    mail_from: str | None = None
    mail_date: str | None = None
    mail_subject: str | None = None
    timestamps: Mapping[str, str] = field(default_factory=dict)
    """Dates the file itself carries (PDF ModDate, DOCX modified …), ISO 8601."""
    received: str | None = None
    """The day (ISO) a copy kept aside in the quarantine first came in, when it is ingested
    from there later: its dates are checked against that day, not the day it was merged."""
    came_in: str | None = None
    """The day (ISO) a return attached to a mail came in by the mail's Date, when that is
    plausible (:func:`ingest.pipeline.mail_day`); set when it is merged. An entry it confirms
    counts as confirmed from that day, not from the day a saved mailbox was ingested weeks
    later. Its dates are still checked against :attr:`received_day` (or the day it is read)."""
    note: str | None = None
    """What a coordinator said of a table imported with ``formgen register import --note``
    (where the list comes from); kept with its source."""

    @property
    def received_day(self) -> dt.date | None:
        """:attr:`received` as a day; ``None`` when not given or no day (a hand-edited journal):
        the return's dates are then checked against the day it is read."""
        try:
            return dt.date.fromisoformat(self.received) if self.received else None
        except ValueError:
            return None


@dataclass(frozen=True)
class RawSubmission:
    """One returned form as a reader saw it, before validation."""

    identity: FormIdentity | None
    values: Mapping[str, RawValue]
    provenance: Provenance
    confidence: str = "high"
    notes: tuple[str, ...] = ()
    unread: bool = False
    """A copy of a formgen form whose values could not be read, or (read by
    :data:`ACROFORM_PDF`) a form whose fields all are damaged (the last note says why): it is
    kept aside, not merged as if the form had come back empty."""
    illegible: tuple[str, ...] = ()
    """Fields (value paths) whose text a copy shows but could not be read back, each named in a
    note: no value was read for them, and they were not left blank either."""
    damaged: tuple[str, ...] = ()
    """Paths of fields or groups of fields (``""``: anywhere in the form) that damage in the file
    made unreadable in part or whole (:func:`ingest.pdf_reader.damaged_fields`): validation
    names the form's fields lost there and counts them as :attr:`illegible`."""
    part_of: FormPart | None = None
    """A PDF with formgen's fields but no identity that prints a form's reference: pages of
    that form saved without the page that holds its identity (qpdf ``--pages``, „Seite 2
    drucken“); kept aside, never merged on its own."""


@dataclass(frozen=True)
class FormPart:
    """The form some saved pages are of, as their header and footer print it."""

    instance_id: str
    pages: tuple[int, ...]
    """The page numbers the pages print („Seite 2/3“ → 2), in the file's order."""
    total: int | None
    """How many pages the whole form has, as its footers say; ``None`` when none says."""

    @property
    def missing(self) -> tuple[int, ...] | None:
        """The pages of the form not among :attr:`pages`; ``None`` when that cannot be told."""
        if not self.total or not self.pages:
            return None
        return tuple(n for n in range(1, self.total + 1) if n not in self.pages)

    def said(self) -> Said:
        """Which pages are there and which are missing, as a message says it."""
        if not self.missing or not self.total:
            return Said("ingest_pipeline_part_pages_unknown")
        return Said(
            "ingest_pipeline_part_pages",
            pages=", ".join(map(str, self.pages)),
            total=self.total,
            missing=", ".join(map(str, self.missing)),
        )


Value = str | int | list[str]
"""A typed value, as :mod:`formgen.record` defines them (ISO dates, ints, lists of codes)."""


CUT = "…"
"""What ends a value kept shortened: the mark of the cut, the same in every language. How long
the original was, and that the archived file keeps it, is said by the value's problem
(``capped``), in the language of whatever shows it. (formgen wrote an English
``" …[12,345 characters in the original]"`` into the value before: see
:func:`ingest.export.display`.)"""


def short(text: str, limit: int = 60) -> str:
    """``text`` for a one-line message: its whitespace folded to single spaces, a line break
    shown as „↵“ (:func:`formgen.linebreak.one_line`), shortened to ``limit`` characters as
    :func:`formgen.linebreak.shorten` shortens, ending in :data:`CUT`."""
    return shorten(one_line(text), len, limit)


@dataclass(frozen=True)
class Checked:
    """One validated value. An invalid value is kept as typed, with the reason, never dropped."""

    raw: str
    """What was typed (lists joined with ", "), after NFC and line-break normalisation; a value
    too long is kept shortened, ending in :data:`CUT`."""
    value: Value | None
    """The typed value; ``None`` when ``raw`` did not validate (then ``problem`` says why)."""
    problem: Problem | None = None
    """Why ``raw`` is invalid: its English text for reports, and its message key to say it in
    the register's language (:mod:`formgen.messages`)."""

    @property
    def text(self) -> str:
        """The value where it is a text, as the register stores it (``D-40212`` read as
        ``40212``, a name without the soft hyphens pasted into it), else ``raw``: what the
        matcher compares (:mod:`ingest.matching`)."""
        return self.value if isinstance(self.value, str) else self.raw


KEPT_AS_IS = ("capped", "placeholder")
"""The problems of a value never checked again (a later schema version, another type): one
kept shortened (its text is cut, not what was typed) and a placeholder, none in any field."""


@dataclass(frozen=True)
class EntryReturn:
    """What one returned form says about one institution in one category."""

    institution_id: str | None
    """From the identity of an institution form; ``None`` for a checklist block (to be matched)."""
    category: str | None
    """``None`` when an institution form names no category (its own data only)."""
    block: int | None
    """The entry block of a checklist form (1-based); ``None`` in an institution form."""
    institution: Mapping[str, Checked]
    """Institution-scope fields that were filled in, by current field id."""
    entry: Mapping[str, Checked]
    """Entry-scope fields that were filled in, by current field id (``<id>._other`` for other text)."""
    list_ids: tuple[str, ...] = ()
    """The ids the centre's own list gives the row (``register import``: its ``Kennung`` where
    that is no id of the register, its column of list ids as the export writes it): kept as the
    institution's ids in that list (:meth:`ingest.register.Register.list_ids`)."""


@dataclass(frozen=True)
class Submission:
    """A validated return, mapped to the current schema version, ready to merge."""

    identity: FormIdentity
    provenance: Provenance
    confidence: str
    entries: tuple[EntryReturn, ...]
    notes: tuple[str, ...] = ()
    illegible: tuple[str, ...] = ()
    """:attr:`RawSubmission.illegible`: a value the form was sent with is not "left empty" there."""

    @property
    def problems(self) -> list[str]:
        """Every invalid value, as ``path: reason`` lines for the report, each once: the path as
        the form names the field (``institution.email`` in an institution form, whichever of its
        checklists it came with; ``psychotherapie.2.email`` in a checklist's block 2); the
        reason said in the report's language (:class:`~formgen.messages.SaidProblem`)."""
        return self.problems_named()

    def problems_named(self, named: Callable[[str], str] = str) -> list[str]:
        """:attr:`problems`, each path as ``named`` makes it: said by its label in the report
        (:func:`ingest.labels.path_named`, a block's under the block's name), its id in
        ``--json``."""
        out: dict[str, None] = {}
        for e in self.entries:
            where = e.category or INSTITUTION  # entry values always come with a category
            for scope, values in (
                (where if e.block else INSTITUTION, e.institution),
                (where, e.entry),
            ):
                for fid, checked in values.items():
                    if checked.problem:
                        shown = named(value_path(scope, fid, e.block))
                        out[SaidJoined((shown, SaidProblem(checked.problem)), sep=": ")] = None
        return list(out)


def value_path(scope: str, fid: str, block: int | None = None) -> str:
    """``institution.name`` / ``psychotherapie.languages_offered._other`` /
    ``psychotherapie.2.email`` (built by FieldPath)."""
    base, _, option = fid.partition(".")
    return str(FieldPath(scope, block, base, option or None))
