"""Keeping the register current: stale entries, missing data, unconfirmed entries, gaps.

Stale entries and gaps are data, never exceptions (formgen.errors). An entry's *last
confirmation* is its ``date`` field ("Datum" on the form) when that holds a valid date, otherwise
the day a return last confirmed it (:func:`last_confirmed`); a coordinator who heard from the
institution that all is still true records it with ``formgen register confirm``
(:meth:`ingest.register.Register.confirm`), which counts as its confirmation that day. It is
stale when that is older than its category's ``stale_after_days``. An entry is *unconfirmed*
when the institution itself never confirmed it (only checklists filled by the centre or by
someone else came back, and no confirmation was recorded). A *gap* is a category in a
region with no entry at all, or only entries that answered "Fehlanzeige".

An institution with an entry that is stale, incomplete, invalid or unconfirmed (a *finding*
of :func:`review`) is on the *update list* (:func:`update_list`): ``formgen register stale``
lists it, ``formgen status`` counts it as stale and ``formgen mail --stale`` mails it. The
findings are also the input of update forms: :func:`update_records` gives one
:class:`formgen.record.InstitutionRecord` per institution (prefilled, ``base_version`` = its
current revision), :func:`record_json` its JSON form.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from formgen.errors import FormgenError
from formgen.messages import date_text, say, say_count
from formgen.model import (
    CHOICE_TYPES,
    CONFIRMED_ON,
    INSTITUTION,
    Field,
    FieldType,
    Schema,
    Scope,
    choices_of,
    option_label,
)
from formgen.record import InstitutionRecord, erased_shown, offered, wholly_erased
from ingest.labels import (
    dropped_label,
    dropped_option,
    field_label,
    field_of,
    path_label,
    region_text,
)
from ingest.register import Json, Register, answered, is_erased, local_day
from ingest.tables import cut, fold, table

STALE = "stale"
MISSING = "missing"
INVALID = "invalid"
UNCONFIRMED = "unconfirmed"
DROPPED = "dropped"
"""A field holds a choice the schema no longer offers (a region merged into another): the
update form leaves it out and asks again."""
NEVER_ANSWERED = "never_answered"
"""No return, no confirmation, no date: the institution never answered (what the register
holds came from the centre's list or someone else). Stands for stale, missing and unconfirmed:
what is wanted is a first answer, not its date and initials."""
CONTRADICTORY = "contradictory"
"""The entry answers "Fehlanzeige" (nothing there) and gives languages, a share or a text in
the same section all the same (ticked with the prefilled answers left standing): both kept,
the institution asked which holds."""
NO_ENTRY = "none"
FEHLANZEIGE = "fehlanzeige"
CATCH_ALL_REGION = "andere"
"""The schema's "other region": collects entries from elsewhere, so it is never a gap."""


@dataclass(frozen=True)
class Finding:
    """One entry that needs attention, and why."""

    institution_id: str
    name: str
    category: str
    region: str
    last_confirmed: dt.date | None
    age_days: int | None
    stale_after_days: int
    reasons: tuple[str, ...]
    missing: tuple[str, ...] = ()
    invalid: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    from_others: tuple[str, ...] = ()
    """Unconfirmed: the fields whose values someone else gave (a checklist, an imported
    list) in an entry the institution answered itself (:func:`from_others`)."""
    contradictory: tuple[str, ...] = ()
    """The fields that give an answer beside "Fehlanzeige" (:func:`contradicting`)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "institution_id": self.institution_id,
            "name": self.name,
            "category": self.category,
            "region": self.region,
            "last_confirmed": self.last_confirmed.isoformat() if self.last_confirmed else None,
            "age_days": self.age_days,
            "stale_after_days": self.stale_after_days,
            "reasons": list(self.reasons),
            "missing": list(self.missing),
            "invalid": list(self.invalid),
            "dropped": list(self.dropped),
            "from_others": list(self.from_others),
            "contradictory": list(self.contradictory),
        }


@dataclass(frozen=True)
class Gap:
    """A category with no usable entry in a region."""

    category: str
    region: str
    kind: str
    """``none`` (no entry) or ``fehlanzeige`` (only entries answering "Fehlanzeige")."""
    institutions: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "region": self.region,
            "kind": self.kind,
            "institutions": list(self.institutions),
        }


def _value(stored: Json | None) -> Any:
    """The value of ``stored``; ``None`` for one erased whole (a value whose text ``register
    erase --text`` erased all of, Handzeichen „GK“: :func:`formgen.record.wholly_erased`),
    which is missing as an erased one is."""
    v = None if stored is None else stored.get("v")
    return None if isinstance(v, str) and wholly_erased(v) else v


def holds_dropped(f: Field | None, stored: Json | None) -> bool:
    """Whether ``stored``, a valid value of ``f``, holds a choice the schema no longer offers
    (:data:`DROPPED`: :func:`formgen.record.offered` leaves it out of the update form)."""
    if f is None or stored is None or stored.get("problem"):
        return False
    value = stored.get("v")
    return value is not None and offered(f, value) != value


def region_of(reg: Register, iid: str) -> str:
    return str(_value(reg.institutions[iid]["institution"].get("region")) or "")


def dropped_regions(reg: Register) -> dict[str, int]:
    """Each region the entries hold that the schema no longer offers (a region merged into
    another by a later version) → how many entries hold it."""
    offered = {r.value for r in reg.schema.regions}
    held = Counter(region_of(reg, iid) for iid, _cid, _entry in reg.iter_entries())
    return {r: n for r, n in held.items() if r and r not in offered}


def choices_dropped(reg: Register, new: Schema, lang: str) -> list[str]:
    """For ``formgen schema check --workspace``: one line per choice the schema version ``new``
    no longer offers that institutions' values in the register hold (a region merged into
    another), named as the register's version or a kept older one names it in ``lang``, with
    how many institutions hold it: their update forms leave it blank and ask again
    (:func:`formgen.record.offered`). A value no version offered (one kept as typed) is none."""
    held: dict[tuple[str, Field, str], set[str]] = {}
    for iid in reg.ids():
        inst = reg.institutions[iid]
        scopes = [(INSTITUTION, new.institution_fields(), inst["institution"])]
        scopes += [
            (cid, new.category(cid).entry_fields, entry["fields"])
            for cid, entry in inst["entries"].items()
            if cid in {c.id for c in new.categories}
        ]
        for scope, fields, stored in scopes:
            for f in fields:
                offered = {c.value for c in f.choices}
                for fid in (f.id, *f.renamed_from) if f.type in CHOICE_TYPES else ():
                    value = _value(stored.get(fid))
                    for option in value if isinstance(value, list) else [value]:
                        if isinstance(option, str) and option not in offered:
                            held.setdefault((scope, f, option), set()).add(iid)
    out = []
    for (scope, f, option), iids in held.items():
        now = field_of(reg.schema, scope, f.id)
        if now is not None and any(c.value == option for c in choices_of(now)):
            label: str | None = option_label(now, option, lang)
        else:
            label = dropped_label(f, option, lang, reg.kept)
        if label is None:
            continue
        if scope == INSTITUTION and f.id == "region":
            said = say_count("schema_drops_region", lang, len(iids), option=option, label=label)
        else:
            field = path_label(new, f"{scope}.{f.id}", lang)
            said = say_count(
                "schema_drops_choice", lang, len(iids), field=field, option=option, label=label
            )
        out.append(said)
    return out


def fields_changed(reg: Register, new: Schema, lang: str) -> list[str]:
    """For ``formgen schema check --workspace``: one line per field of the register's version
    that institutions hold values in and the version ``new`` drops, or gives another type
    (with how many of the values are invalid under it: the register checks them again,
    :meth:`ingest.register.Register.recheck_retyped`), in ``lang``."""
    from ingest.validate import check_typed  # validate imports the register

    held: dict[tuple[str, str], list[Json]] = {}
    for iid in reg.ids():
        inst = reg.institutions[iid]
        scopes = [(INSTITUTION, inst["institution"])]
        scopes += [(cid, entry["fields"]) for cid, entry in inst["entries"].items()]
        for scope, stored in scopes:
            for key, sv in stored.items():
                if "." not in key and isinstance(sv, dict) and not is_erased(sv):
                    held.setdefault((scope, key), []).append(sv)
    categories = {c.id for c in new.categories}
    out = []
    for (scope, fid), values in held.items():
        was = field_of(reg.schema, scope, fid)
        if was is None or (scope != INSTITUTION and scope not in categories):
            continue  # dropped before, or with its checklist (said by the checklist)
        now = field_of(new, scope, new.current_key(scope, fid))
        field = path_label(reg.schema, f"{scope}.{fid}", lang)
        if now is None:
            out.append(say_count("schema_drops_field", lang, len(values), field=field, id=fid))
        elif now.type != was.type:
            invalid = sum(
                1
                for sv in values
                if (c := check_typed(now, str(sv.get("raw", ""))).get(now.id)) and c.problem
            )
            out.append(
                say_count(
                    "schema_retypes_field",
                    lang,
                    len(values),
                    field=field,
                    id=fid,
                    old=was.type.value,
                    new=now.type.value,
                    invalid=invalid,
                )
            )
    return out


def region_held(reg: Register, text: str, lang: str | None = None) -> str:
    """The region a person means by ``text``: one the schema offers
    (:meth:`~formgen.model.Schema.region_named`), or one it no longer offers that entries hold,
    by its id or its name in the versions the workspace keeps; an unknown one is an error
    naming the regions offered, in ``lang`` for one that an older version offered and no
    entry holds any more."""
    key = text.strip().casefold()
    f = field_of(reg.schema, INSTITUTION, "region")
    if reg.schema.region_value(text) is None and f is not None:
        held = dropped_regions(reg)
        older = reg.kept.older_choices(f) if reg.kept else {}
        offered = {r.value for r in reg.schema.regions}
        marked = dropped_option(f, text, reg.kept)  # „Dormagen (nicht mehr in der Auswahl)“
        for code in sorted({*held, *older} - offered):
            names = older[code].label.values.values() if code in older else ()
            if code != marked and key not in (code.casefold(), *(n.casefold() for n in names)):
                continue
            if code in held:
                return code
            said = lang or reg.schema.default_language
            regions = ", ".join(reg.schema.region_label(r.value, said) for r in reg.schema.regions)
            raise FormgenError(
                say("reg_region_gone", said, region=_kept(reg, code, said), regions=regions)
            )
    return reg.schema.region_named(text, lang)


def dropped_note(reg: Register, lang: str, region: str | None = None) -> list[str]:
    """For ``register gaps``: one line per region no longer offered that entries hold, with
    how many (no gap can name them); with ``region`` (as a person writes it) the line of that
    region alone when it is one no longer offered, without it when it is offered."""
    held = dropped_regions(reg)
    if region is None:
        return [
            say_count(
                "gaps_dropped",
                lang,
                n,
                region=region_text(reg.schema, code, lang, reg.kept),
                code=code,
            )
            for code, n in sorted(held.items())
        ]
    code = region_held(reg, region, lang)
    if code not in held:
        return []
    return [
        say_count("gaps_region_dropped", lang, held[code], region=_kept(reg, code, lang), code=code)
    ]


def region_dropped(reg: Register, code: str, lang: str) -> str:
    """For ``register find --region``: ``code``, a region entries hold, is one the schema no
    longer offers (named once, by the label of the version that offered it)."""
    return say("region_dropped", lang, region=_kept(reg, code, lang))


def _kept(reg: Register, code: str, lang: str) -> str:
    """A region no longer offered by the label the kept version gave it, unmarked."""
    f = field_of(reg.schema, INSTITUTION, "region")
    return (dropped_label(f, code, lang, reg.kept) if f else None) or code


def last_confirmed(entry: Json) -> dt.date | None:
    """The entry's ``date`` field (:data:`~formgen.model.CONFIRMED_ON`) when valid, else the
    day a return last confirmed it.

    A day a return came in is the day on this computer's clock (:func:`ingest.register.local_day`),
    as the coordinator saw it: a return read in at 00:30 in Düsseldorf came in that day, not
    the day before as UTC says. A return attached to a mail came in on the mail's Date, when
    that is plausible (:func:`ingest.pipeline.mail_day`): a mailbox saved and ingested weeks
    later confirms nothing on the day it was ingested.

    An institution that sends its form back with that date as it was — an update form
    returned unchanged, "all still true" — confirms the entry on the day its return came in
    (``reconfirmed_at``), if that is later."""
    date = _value(entry["fields"].get(CONFIRMED_ON))
    if isinstance(date, str):
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            pass
        else:
            seen = local_day(entry.get("reconfirmed_at"))
            return max(day, seen) if seen else day
    return local_day(entry.get("confirmed_at"))


def is_stale(reg: Register, category: str, entry: Json, today: dt.date) -> bool:
    seen = last_confirmed(entry)
    limit = reg.schema.category(category).stale_after_days
    return seen is None or (today - seen).days > limit


def is_fehlanzeige(reg: Register, category: str, entry: Json) -> bool:
    """The entry answers "Fehlanzeige" (nothing there) and nowhere "Ja"."""
    answers = [
        _value(entry["fields"].get(f.id))
        for f in reg.schema.entry_fields(category)
        if f.type is FieldType.YES_NO_NONE
    ]
    return "fehlanzeige" in answers and "ja" not in answers


def contradicting(reg: Register, category: str, entry: Json) -> tuple[str, ...]:
    """The fields of a section whose yes/no/none question the entry answers "Fehlanzeige" that
    hold an answer all the same (languages, a share, a text), by id."""
    values = entry["fields"]
    out: list[str] = []
    for section in reg.schema.category(category).sections:
        asked = [f for f in section.fields if f.type is FieldType.YES_NO_NONE]
        if not any(_value(values.get(f.id)) == FEHLANZEIGE for f in asked):
            continue
        out += [
            f.id
            for f in section.fields
            if f.scope is Scope.ENTRY
            and f.type is not FieldType.YES_NO_NONE
            and offered(f, _value(values.get(f.id))) not in (None, "", [])
        ]
    return tuple(out)


def review(
    reg: Register,
    today: dt.date | None = None,
    categories: Iterable[str] | None = None,
    region: str | None = None,
    lang: str | None = None,
) -> list[Finding]:
    """Every entry that is stale, lacks required data, holds invalid data or was never
    confirmed by the institution itself. ``categories`` and ``region`` as people write them
    (ids or names, any case); an unknown one is an error naming the known ones in ``lang``."""
    today = today or dt.date.today()
    named = reg.schema.category_named
    wanted = {named(c, lang).id for c in categories} if categories else None
    region = region_held(reg, region, lang) if region else None
    out: list[Finding] = []
    for iid, cid, entry in reg.iter_entries():
        if wanted is not None and cid not in wanted:
            continue
        where = region_of(reg, iid)
        if region and where != region:
            continue
        cat = reg.schema.category(cid)
        inst = reg.institutions[iid]["institution"]
        missing, invalid, dropped = [], [], []
        asked = not answered(cat, entry["fields"])  # then its yes/no/none questions are missing
        for f in cat.fields:
            stored = (inst if f.scope is Scope.INSTITUTION else entry["fields"]).get(f.id)
            if stored is not None and stored.get("problem"):
                invalid.append(f.id)
            elif holds_dropped(f, stored):
                dropped.append(f.id)
            elif (f.required or (asked and f.type is FieldType.YES_NO_NONE)) and offered(
                f, _value(stored)
            ) is None:
                missing.append(f.id)
        seen = last_confirmed(entry)
        age = (today - seen).days if seen else None
        reasons = []
        if age is None or age > cat.stale_after_days:
            reasons.append(STALE)
        if missing:
            reasons.append(MISSING)
        if invalid:
            reasons.append(INVALID)
        if dropped:
            reasons.append(DROPPED)
        if contradictory := contradicting(reg, cid, entry):
            reasons.append(CONTRADICTORY)
        others: tuple[str, ...] = ()
        if not entry.get("by_institution"):
            reasons.append(UNCONFIRMED)
            others = from_others(reg, cid, inst, entry)
            if seen is None:
                kept = (INVALID, DROPPED, CONTRADICTORY)
                reasons = [NEVER_ANSWERED, *(r for r in reasons if r in kept)]
        if reasons:
            out.append(
                Finding(
                    iid,
                    reg.name_of(iid),
                    cid,
                    where,
                    seen,
                    age,
                    cat.stale_after_days,
                    tuple(reasons),
                    tuple(missing),
                    tuple(invalid),
                    tuple(dropped),
                    others,
                    contradictory,
                )
            )
    return out


def from_others(reg: Register, category: str, institution: Json, entry: Json) -> tuple[str, ...]:
    """Why an entry the institution answered itself no longer counts as confirmed by it: the
    fields of ``category`` whose values someone else gave since (a checklist, an imported
    list; :meth:`ingest.register.Register.from_someone_else`), by id. None where all its
    values are someone else's: then the institution simply never confirmed it."""
    held = {
        f.id: sv
        for f in reg.schema.category(category).fields
        if (sv := (institution if f.scope is Scope.INSTITUTION else entry["fields"]).get(f.id))
    }
    others = tuple(k for k, sv in held.items() if reg.from_someone_else(sv))
    return others if len(others) < len(held) else ()


def update_list(reg: Register, today: dt.date | None = None) -> dict[str, tuple[str, ...]]:
    """Institution → its categories with findings: the update list, for every reason
    :func:`review` gives (out of date, incomplete, invalid, never confirmed by the institution).

    The one definition of "stale" for the whole cycle: ``formgen register stale`` lists these
    entries, ``formgen status`` counts these institutions and ``formgen mail --stale`` asks each
    of them about these categories. An entry the centre typed in itself is never confirmed, so
    its institution gets a form to confirm it.
    """
    return categories_of(review(reg, today))


def categories_of(findings: Iterable[Finding]) -> dict[str, tuple[str, ...]]:
    """Institution → the categories of its findings, in their order (:func:`update_list` of
    findings already made)."""
    out: dict[str, list[str]] = {}
    for f in findings:
        cats = out.setdefault(f.institution_id, [])
        if f.category not in cats:
            cats.append(f.category)
    return {iid: tuple(cats) for iid, cats in out.items()}


def stale_ids(reg: Register, today: dt.date | None = None) -> set[str]:
    """The institutions of :func:`update_list`."""
    return set(update_list(reg, today))


def gaps(
    reg: Register,
    regions: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    lang: str | None = None,
) -> list[Gap]:
    """Categories × regions with no entry, or only "Fehlanzeige" (the catch-all region excluded).
    ``regions`` and ``categories`` as people write them (ids or names, any case); an unknown one
    is an error naming the known ones in ``lang``. A region the schema no longer offers that
    entries hold (:func:`region_held`) has no gaps: :func:`dropped_note` counts its entries.
    A schema without regions is one area: a gap is a category without any entry (region ``""``)."""
    offered = {r.value for r in reg.schema.regions}
    region_ids = (
        [code for r in regions if (code := region_held(reg, r, lang)) in offered]
        if regions
        else [r.value for r in reg.schema.regions if r.value != CATCH_ALL_REGION]
        if offered
        else [""]
    )
    cat_ids = (
        [reg.schema.category_named(c, lang).id for c in categories]
        if categories
        else [c.id for c in reg.schema.categories]
    )
    found: dict[tuple[str, str], list[tuple[str, bool]]] = {}
    for iid, cid, entry in reg.iter_entries():
        found.setdefault((cid, region_of(reg, iid) if offered else ""), []).append(
            (iid, is_fehlanzeige(reg, cid, entry))
        )
    out = []
    for cid in cat_ids:
        for region in region_ids:
            entries = found.get((cid, region), [])
            if not entries:
                out.append(Gap(cid, region, NO_ENTRY))
            elif all(fa for _iid, fa in entries):
                out.append(Gap(cid, region, FEHLANZEIGE, tuple(i for i, _ in entries)))
    return out


def update_records(reg: Register, findings: Iterable[Finding]) -> list[InstitutionRecord]:
    """One prefilled record per institution with findings, limited to the categories concerned."""
    cats: dict[str, list[str]] = {}
    for f in findings:
        cats.setdefault(f.institution_id, [])
        if f.category not in cats[f.institution_id]:
            cats[f.institution_id].append(f.category)
    out = []
    for iid, wanted in cats.items():
        rec = reg.record(iid)
        out.append(
            InstitutionRecord(
                id=rec.id,
                categories=tuple(wanted),
                institution=rec.institution,
                entries={c: rec.entries.get(c, {}) for c in wanted},
                base_version=rec.base_version,
            )
        )
    return out


def record_json(rec: InstitutionRecord) -> dict[str, Any]:
    """The JSON shape :func:`formgen.record.record_from_json` reads."""
    return {
        "id": rec.id,
        "base_version": rec.base_version,
        "categories": list(rec.categories),
        "institution": dict(rec.institution),
        "entries": {c: dict(v) for c, v in rec.entries.items()},
    }


CATEGORY_COLUMNS = 40
"""A longer checklist name is cut with "…" in the tables (``--json`` gives the id)."""


def _field_labels(reg: Register, category: str, field_ids: Iterable[str], lang: str) -> str:
    """The fields of ``category`` by their labels in ``lang`` (:func:`ingest.labels.field_label`);
    a label that would stand twice (the institution's "E-Mail" and the contact person's) under
    its section's name, as the form shows it: ``Kooperations- oder GesprächspartnerIn › E-Mail``."""
    keys = list(field_ids)
    labels = [field_label(field_of(reg.schema, category, k), k, lang) for k in keys]
    sections = {
        f.id: s.label.get(lang) for s in reg.schema.category(category).sections for f in s.fields
    }
    twice = Counter(labels)
    return ", ".join(
        f"{sections[k.split('.')[0]]} › {label}"
        if twice[label] > 1 and k.split(".")[0] in sections
        else label
        for k, label in zip(keys, labels, strict=True)
    )


def why_text(reg: Register, f: Finding, lang: str = "de") -> str:
    """Why ``f`` is on the update list, in ``lang``: its reasons, the fields missing or invalid
    by their names, how old it is (``fehlt (Sprachen), veraltet (400 Tage > 365)``)."""
    return ", ".join(
        say("reg_reason_dropped" if r == DROPPED else f"reason_{r}", lang)
        + (f" ({_field_labels(reg, f.category, f.missing, lang)})" if r == MISSING else "")
        + (f" ({_field_labels(reg, f.category, f.invalid, lang)})" if r == INVALID else "")
        + (f" ({_field_labels(reg, f.category, f.dropped, lang)})" if r == DROPPED else "")
        + (
            f" ({_field_labels(reg, f.category, f.contradictory, lang)})"
            if r == CONTRADICTORY
            else ""
        )
        + (
            f" ({say('from_others', lang, fields=_field_labels(reg, f.category, f.from_others, lang))})"
            if r == UNCONFIRMED and f.from_others
            else ""
        )
        + (
            f" ({say('age', lang, days=f.age_days, limit=f.stale_after_days)})"
            if r == STALE and f.age_days
            else ""
        )
        for r in f.reasons
    )


def findings_table(
    reg: Register, findings: list[Finding], lang: str = "de", columns: int | None = None
) -> str:
    """A plain-text table for the terminal in ``lang``: its headers and reasons, checklists,
    regions, the fields missing or invalid by their names and the last confirmation as the
    language writes dates; fitted to ``columns`` (:func:`ingest.tables.table`)."""
    if not findings:
        return fold(
            say("nothing_stale" if reg.institutions else "stale_register_empty", lang), columns
        )
    regions = bool(reg.schema.regions)
    heads = ("id", "name", "category", *(["region"] if regions else []), "confirmed", "why")
    rows: list[tuple[str, ...]] = [tuple(say(f"col_{c}", lang) for c in heads)]
    for f in findings:
        region = region_text(reg.schema, f.region, lang, reg.kept) if f.region else "—"
        rows.append(
            (
                f.institution_id,
                cut(erased_shown(f.name, lang), 32),  # „Praxis Dr. (gelöscht)“
                cut(reg.schema.category_label(f.category, lang), CATEGORY_COLUMNS),
                *([region] if regions else []),
                date_text(f.last_confirmed, lang) if f.last_confirmed else say("never", lang),
                why_text(reg, f, lang),
            )
        )
    return table(rows, columns)


def gaps_table(
    reg: Register, found: list[Gap], lang: str = "de", columns: int | None = None
) -> str:
    """A plain-text table for the terminal in ``lang``: checklist, region (none for a schema
    without regions) and what is missing, then the counts; fitted to ``columns``
    (:func:`ingest.tables.table`)."""
    regions = bool(reg.schema.regions)
    if not found:
        return say("no_gaps" if regions else "no_gaps_no_regions", lang)
    heads = ("category", "region", "gap") if regions else ("category", "gap")
    rows: list[tuple[str, ...]] = [tuple(say(f"col_{c}", lang) for c in heads)]
    for g in found:
        rows.append(
            (
                cut(reg.schema.category(g.category).label.get(lang), 48),
                *([reg.schema.region_label(g.region, lang)] if regions else []),
                say(f"gap_{g.kind}", lang),
            )
        )
    only = sum(g.kind == "fehlanzeige" for g in found)
    said = say_count("gaps", lang, len(found), none=len(found) - only, only=only)
    return f"{table(rows, columns)}\n{said}"
