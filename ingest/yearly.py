"""A year's figures for the report to the funder (``formgen register report --year``).

A coordination centre writes a yearly report: how many institutions the register holds, by
checklist and region, how many answered that year, how many are new, how many closed, how many
entries were confirmed. :func:`year_figures` counts each figure by one rule, so that a funder
adding up the years counts every answer and confirmation in one year, none in none.

In the register as it was at the end of the year (:func:`ingest.journal.as_of`; this year's:
the current register), so that the report of 2026 written in March 2027 still says 2026's:

- *in the register*: the institutions not retired at the end of the year, their entries by
  checklist and region (an institution's region; one without a region counts under none);
- *new*: institutions that came into the register that year (their first revision), an
  import of the centre's own list too; one merged into another (``register merge``) is not
  counted, it is the other;
- *closed*: institutions taken out of the register that year (``register retire``) and not
  back at its end; *merged*: those merged into another that year (two entries of one).

By the day an answer came in (:func:`came_in`: its mail's Date, as the merge confirms its
entries from it, else the day it was read), among all the register read by the day the report
is made: a mail of 30.12. read on 02.01. counts in the old year once it is read:

- *answered*: institutions a returned form (a personalised one or a checklist) came from that
  year, whatever it changed, a return whose values wait for a decision too (the return's source
  names them); one merged into another counts as the one it was merged into. A value set by
  hand, an imported list or a merge is no answer;
- *confirmed*: institutions (not taken out at the year's end) with an entry confirmed by a
  return or ``register confirm`` that came in that year, whatever date its form gives, though
  confirmed again since (the return's source names them): a form dated in December returned
  in January confirms in January's year (the "confirmed on" of the print,
  :func:`ingest.staleness.last_confirmed`, is the form's date).

By the day a mail went: *mailed* (:func:`year_mailed`): institutions a mail of formgen reached
that year, sent or written as a draft, by the send log (one whose mail came back undelivered
is not counted by it), and in how many rounds; *of them answered*: those that answered one of
these mails as ``formgen status`` counts an answer (a form the mail carried, or one made for
the institution or a confirmation by hand after it, came back), whenever it came, by the day
the report is made: one mailed in December that answers in January counts for December's
year. One merged into another counts as the one it was merged into.

Days are the days on this computer's clock (:func:`ingest.register.local_day`), as the
history and the printed register say them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from formgen.messages import date_text, say, say_count
from formgen.sendlog import Delivery
from formgen.tracking import RegisterView, institution_status, own_forms
from ingest.labels import region_text
from ingest.register import HAND, IMPORT, MERGED, SPLIT, Json, Register, local_day
from ingest.staleness import region_of
from ingest.tables import fold, table, width

NOT_ANSWERS = frozenset({HAND, IMPORT, MERGED, SPLIT})
"""The kinds of sources that are no returned form: a hand edit, an imported list, a merge, a
split (``register split``: the new service's values, none of them its word)."""


@dataclass(frozen=True)
class YearFigures:
    """What :func:`year_figures` counted for ``year`` in the register of ``stand``."""

    year: int
    stand: dt.date
    institutions: int
    entries: dict[str, dict[str, int]]
    """By checklist (schema order, every checklist): entries by region ("": none given)."""
    regions: dict[str, int]
    """Institutions in the register by region ("": none given)."""
    new: int
    answered: int
    confirmed: int
    closed: int
    merged: int
    made: dt.date | None = None
    """The day the report is made: the answers and confirmations read by then count (None:
    ``stand``)."""
    mailed: Mailed | None = None
    """Those mailed that year (None: not counted)."""

    def to_json(self) -> Json:
        return {
            "year": self.year,
            "stand": self.stand.isoformat(),
            "answers_read_by": (self.made or self.stand).isoformat(),
            "institutions": self.institutions,
            "new": self.new,
            "answered": self.answered,
            "confirmed": self.confirmed,
            "closed": self.closed,
            "merged": self.merged,
            **(self.mailed.to_json() if self.mailed else {}),
            "regions": self.regions,
            "entries": self.entries,
        }


@dataclass(frozen=True)
class Mailed:
    """What :func:`year_mailed` counted: institutions mailed in a year, in how many rounds, and
    how many of them answered."""

    institutions: int
    rounds: int
    answered: int

    def to_json(self) -> Json:
        return {
            "mailed": self.institutions,
            "mailed_rounds": self.rounds,
            "mailed_answered": self.answered,
        }


def _in_year(at: object, year: int) -> bool:
    """Whether the moment ``at`` (as stored) fell in ``year`` on this computer's clock."""
    day = local_day(at)
    return day is not None and day.year == year


def _kept(reg: Register, iid: str) -> str:
    """The institution ``iid`` is counted as: the one it was merged into, if so."""
    return reg.merged_into(iid) or iid


def year_mailed(
    reg: Register, view: RegisterView, deliveries: Sequence[Delivery], year: int, stand: dt.date
) -> Mailed:
    """The institutions ``deliveries`` (the send log's) reached in ``year``, their rounds, and
    of them those that answered one of these mails by ``stand`` in ``view`` of ``reg`` (the
    register as it was at ``stand``), as ``formgen status`` counts an answer."""
    went = [
        d
        for d in deliveries
        if (_in_year(d.sent_at, year) or _in_year(d.drafted_at, year)) and not d.came_back
    ]
    statuses = institution_status(went, view.returned_instances(), stand, own_forms(view, went))
    kept = {iid: _kept(reg, iid) for iid in statuses}
    answered = {kept[iid] for iid, s in statuses.items() if s.answered}
    return Mailed(len(set(kept.values())), len({d.round for d in went}), len(answered))


def year_figures(
    reg: Register,
    year: int,
    stand: dt.date,
    now: Register | None = None,
    made: dt.date | None = None,
) -> YearFigures:
    """The figures of ``year`` in ``reg``, the register as it was at ``stand`` (the end of the
    year, or today in the year itself); its answers and confirmations in ``now``, the register
    as it is on ``made``, the day the report is made (by default ``reg`` and ``stand``): a
    return read after the year's end counts in the year it came in."""
    now = now or reg

    def kept(iid: str) -> str:
        """The institution ``iid`` is counted as: the one it was merged into by the year's end
        (or since, one that came into the register after it), if so."""
        return _kept(reg if iid in reg.institutions else now, iid)

    current = reg.ids()
    region = {iid: region_of(reg, iid) for iid in current}
    regions = Counter(region.values())
    entries: dict[str, dict[str, int]] = {c.id: {} for c in reg.schema.categories}
    confirmed: set[str] = set()
    for iid, cid, entry in reg.iter_entries():
        held = entries.setdefault(cid, {})  # a checklist the schema dropped: after the others
        held[region[iid]] = held.get(region[iid], 0) + 1
        if _in_year(entry.get("confirmed_at"), year):
            confirmed.add(iid)
    answered: set[str] = set()
    answering: set[str] = set()
    """Whom the year's returns came from, and whose entries they confirmed, as they name them."""
    confirming: set[str] = set()
    unnamed: set[str] = set()
    """Returns of the year whose source does not name its institutions (a register written
    before 2026-11-25): known by their revisions, events and values held for a decision."""
    for sha, src in now.data["sources"].items():
        if src.get("kind") in NOT_ANSWERS or not _in_year(came_in(src), year):
            continue
        if "institutions" not in src:
            unnamed.add(sha)
        answering.update(src.get("institutions", ()))
        confirming.update(src.get("confirmed", ()))
    answered.update(kept(i) for i in answering if i in now.institutions)
    # whose entries a return confirmed, though confirmed again since: those not retired at the
    # year's end, as the register's entries are counted
    kept_confirming = (kept(i) for i in confirming if i in now.institutions)
    confirmed.update(i for i in kept_confirming if reg.retired(i) is None)
    new: set[str] = set()
    closed: set[str] = set()
    merged: set[str] = set()
    for iid in reg.ids(with_retired=True):
        inst = reg.institutions[iid]
        history = inst["history"]
        if history and _in_year(history[0].get("at"), year) and reg.merged_into(iid) is None:
            new.add(iid)
        retired = reg.retired(iid)
        if retired is not None and _in_year(retired.get("at"), year):
            (merged if reg.merged_into(iid) else closed).add(iid)
    if unnamed:
        for iid in now.ids(with_retired=True):
            if any(h.get("src") in unnamed for h in now.institutions[iid]["history"]):
                answered.add(kept(iid))
        for c in now.data["conflicts"].values():
            if c["theirs"].get("src") in unnamed:
                answered.add(kept(c["institution_id"]))
    return YearFigures(
        year,
        stand,
        len(current),
        entries,
        dict(sorted(regions.items(), key=lambda r: (r[0] == "", r[0]))),
        len(new),
        len(answered),
        len(confirmed),
        len(closed),
        len(merged),
        made=made or stand,
    )


def came_in(source: Json) -> object:
    """The day a return (its record in the register's ``sources``) came in: its mail's Date
    (``came_in``, as the merge confirms its entries from it), else the day it was read."""
    return source.get("came_in") or source.get("ingested_at")


def mailed_lines(mailed: Mailed | None, year: str, lang: str) -> list[str]:
    """The lines of those mailed that year and of them answered, with the share."""
    if mailed is None:
        return []
    rounds = say_count("report_rounds", lang, mailed.rounds)
    lines = [say("report_mailed", lang, n=mailed.institutions, year=year, rounds=rounds)]
    if mailed.institutions:
        share = round(100 * mailed.answered / mailed.institutions)
        said = say("report_mailed_answered", lang, n=mailed.answered, share=share)
        lines.append(said)
    return lines


def figures_text(reg: Register, fig: YearFigures, lang: str, columns: int | None = None) -> str:
    """The figures as the coordinator reads them in ``lang``: the counts, then the entries as a
    table of checklists by region (the schema's regions, then any the entries hold that it no
    longer offers, then those without one) with their sum, on a terminal narrower than it a
    line per checklist with its regions; checklists without an entry are left out of it and
    counted under it."""
    year = str(fig.year)

    def region_name(region: str) -> str:
        if not region:
            return say("report_no_region", lang)
        return region_text(reg.schema, region, lang, reg.kept)

    title = say("report_title", lang, year=year, stand=date_text(fig.stand, lang))
    if fig.made and fig.made > fig.stand:
        made = date_text(fig.made, lang)
        title = say(
            "report_title_read", lang, year=year, stand=date_text(fig.stand, lang), made=made
        )
    figures = [
        title,
        "",
        say("report_institutions", lang, n=fig.institutions),
        say("report_new", lang, n=fig.new, year=year),
        say("report_answered", lang, n=fig.answered, year=year),
        *mailed_lines(fig.mailed, year, lang),
        say("report_confirmed", lang, n=fig.confirmed, year=year),
        say("report_closed", lang, n=fig.closed, merged=fig.merged, year=year),
        "",
    ]
    lines = [fold(line, columns) for line in figures]
    held = {r for counts in fig.entries.values() for r in counts}
    offered = [r.value for r in reg.schema.regions]
    order = [*offered, *sorted(held - {*offered, ""}), *([""] if "" in held else [])]
    header = [say("col_category", lang), *map(region_name, order), say("report_sum", lang)]
    rows: list[list[str]] = [header]
    sums = Counter[str]()
    labels = {c.id: c.label.get(lang) for c in reg.schema.categories}
    empty = 0
    for cid, counts in fig.entries.items():
        if not counts:
            empty += 1
            continue
        sums.update(counts)
        label = labels.get(cid, cid)
        rows.append([label, *(str(counts.get(r, 0)) for r in order), str(sum(counts.values()))])
    if len(rows) == 1:
        lines.append(say("report_no_entries", lang))
        return "\n".join(lines)
    rows.append([say("report_sum", lang), *(str(sums[r]) for r in order), str(sum(sums.values()))])
    lines.append(say("report_entries", lang))
    whole = table(rows)
    if columns is None or max(map(width, whole.split("\n"))) <= columns:
        lines.append(whole)
    else:  # a checklist a line, its regions after it: a table would cut the checklists' names
        for label, *cells, total in rows[1:]:
            some = [f"{name} {n}" for name, n in zip(header[1:-1], cells, strict=True) if n != "0"]
            lines.append(fold(f"{label}: {total} ({', '.join(some)})", columns))
    if empty:
        lines.append(say_count("report_empty_checklists", lang, empty))
    return "\n".join(lines)
