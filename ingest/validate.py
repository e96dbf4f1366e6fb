"""From what a reader saw to what the register merges: identity check, typed values, renames.

:func:`validate` turns a :class:`~ingest.submission.RawSubmission` into a
:class:`~ingest.submission.Submission`, in this order:

1. **Identity** — a file without a formgen identity is an *unknown form*; an identity whose
   signature does not verify under the workspace's secret is *tampered* (edited or forged),
   unless it verifies under :data:`~formgen.identity.NO_WORKSPACE`: *made without a workspace*,
   which a coordinator may take in (a blank checklist only), or under the workspace's
   :func:`~formgen.identity.test_key`: a *test mail*'s form, no institution's answer; a schema
   id/version the workspace does not know is an *unknown schema*; a category the schema does
   not have is an *unknown category*. Each raises :class:`~formgen.errors.QuarantineError`
   with the reason: the file is kept aside, never merged.
2. **Values** are assembled per field from the reader's paths (a multiple choice from its
   ``<path>.<option>`` boxes and the ``<path>._other`` text) and checked against the field of
   the schema version *the form was made with* (:mod:`ingest.values`). Blank means "not filled
   in": the field is left out. An invalid value is kept as typed with the reason.
3. **Renames**: the checked values are mapped to the current schema version (``renamed_from``).
   A field or category the current version no longer has is reported in the notes with its
   value, not merged.
4. **Dates ahead**: the day of confirmation (the entry field
   :data:`~formgen.model.CONFIRMED_ON`, the form's "Datum") that lies in the future is invalid,
   and so is any other date (an appointment) more than a year ahead: kept as typed, with the
   reason — a mistyped year would otherwise keep the entry "current" for decades, or book an
   appointment in 2062. "Ahead" of the day the form came in, not of the day it is read again.

A checklist form gives one :class:`~ingest.submission.EntryReturn` per filled-in block
(``institution_id`` ``None``: the register matches it); an institution form gives one per
category of its identity, each carrying the institution's own data too.

Pure: no files, no terminal. Missing required fields are notes (warnings in the report), not
values: the register sees what was filled in and nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from formgen.errors import FormgenError, QuarantineError, UnknownCategoryError
from formgen.filenames import OVERRIDE, shown
from formgen.identity import FIELD_PREFIX, NO_WORKSPACE, FormIdentity, test_key
from formgen.languages import qualifier
from formgen.linebreak import newlines
from formgen.messages import Named, Said, SaidProblem, per_language, problem, say
from formgen.model import (
    INSTITUTION,
    OTHER,
    Field,
    FieldPath,
    FieldType,
    Schema,
    Scope,
    choices_of,
    confirmed_on,
    option_label,
    option_values,
)
from formgen.recipients import look_alike
from ingest.labels import scope_named
from ingest.schemas import SchemaRegistry, unknown_category
from ingest.submission import (
    ACROFORM_PDF,
    CUT,
    KEPT_AS_IS,
    Checked,
    EntryReturn,
    RawSubmission,
    RawValue,
    Submission,
    short,
)
from ingest.values import (
    allowed,
    check_multi,
    check_text,
    is_blank,
    not_far_ahead,
    not_in_future,
    qualified_languages,
)

PLACEHOLDERS = frozenset(
    {
        *("so", "sieheoben", "sieheanlage", "sieheanhang", "keineangabe", "keineangaben", "ka"),
        *("folgt", "na", "tbd", "tba", "seeabove", "seeattachment", "seeattached", ""),
    }
)
"""What people write instead of a value — „s.o.“, „siehe Anlage“, „keine Angabe“, „k.A.“,
„folgt“, „n/a“, „tbd“, or only „-“ or „?“ — as :func:`placeholder` compares a whole value:
case, blanks and punctuation aside. Kept as typed and flagged, so that the entry is on the
update list and its next form asks for the value; a value that only holds such a word
(„Anlage 5“) is a value."""

_MAY_BE_PLACEHOLDER = re.compile(
    r"[\W_]*(?:"
    + "|".join(r"[\W_]*".join(word) for word in sorted(PLACEHOLDERS) if word)
    + r")?[\W_]*\Z",
    re.IGNORECASE,
)
"""A text that may be one of :data:`PLACEHOLDERS`: their letters with anything but letters and
digits around and between them (a wider net than :func:`placeholder`'s blanks and punctuation,
cast by the regular expression engine: every returned value passes the check)."""

MAX_VALUE_CHARS = 10_000
"""Longer values are flagged and kept shortened; the whole text stays in the archived file."""

_TRUE = frozenset({"yes", "on", "1", "ja", "true", "x", "oui", "checked"})


def check_identity(
    identity: FormIdentity | None,
    registry: SchemaRegistry,
    secret: bytes,
    no_workspace_ok: bool = False,
    issued: Collection[str] | None = None,
) -> Schema:
    """The schema the form was made with; raise :class:`QuarantineError` when it must not merge.
    A form made without a workspace (signed with :data:`~formgen.identity.NO_WORKSPACE`) is
    kept aside too, unless ``no_workspace_ok`` and it is a blank checklist (its blocks are
    matched by name, as anyone's); an institution form of it names an id no register gave.
    ``issued``: the instance ids of the forms the workspace made, where known; a signed form
    not among them whose signature does not match was most likely made by another workspace
    (another centre's form, read into the wrong one), and is said to be so first."""
    if identity is None:
        raise QuarantineError("unknown-form", Said("ingest_merge_unknown_form"))
    if not identity.verify(secret):
        if identity.verify(test_key(secret)):
            iid = identity.institution_id or "-"
            said = Said("ingest_merge_test_mail", form=identity.reference, iid=iid)
            raise QuarantineError("test-mail", said)
        if not identity.verify(NO_WORKSPACE):
            whose: dict[str, Any] = {
                "form": identity.reference,
                "iid": identity.institution_id or "-",
                "checklists": _checklists(registry.current, identity.categories),
            }
            if identity.signature and issued is not None and identity.instance_id not in issued:
                raise QuarantineError("tampered", Said("ingest_merge_other_workspace", **whose))
            what = (
                "ingest_merge_bad_signature" if identity.signature else "ingest_merge_no_signature"
            )
            raise QuarantineError(
                "tampered", Said("ingest_merge_tampered", **whose, what=Said(what))
            )
        checklist = identity.institution_id is None
        if not (checklist and no_workspace_ok):
            then = "take" if checklist else "retype"
            raise QuarantineError(
                "no-workspace",
                Said(
                    "ingest_merge_no_workspace",
                    form=identity.reference,
                    categories=" ".join(identity.categories) or "-",
                    then=Said(f"ingest_merge_no_workspace_{then}"),
                ),
            )
    schema = registry.get(identity.schema_id, identity.schema_version)
    for cid in identity.categories:
        try:
            schema.category(cid)
        except UnknownCategoryError:
            raise QuarantineError("unknown-category", unknown_category(schema, cid)) from None
    return schema


@dataclass
class _FieldRaw:
    value: RawValue | None = None
    options: dict[str, bool] = field(default_factory=dict)
    other: str = ""


def _truthy(raw: RawValue) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, list):
        return any(_truthy(x) for x in raw)
    return raw.strip().lstrip("/").casefold() in _TRUE


def _text(raw: RawValue) -> str:
    if isinstance(raw, list):
        return ", ".join(str(x) for x in raw if str(x).strip())
    if isinstance(raw, bool):
        return "ja" if raw else ""
    return raw


def placeholder(checked: Checked, initials: bool = False) -> Checked:
    """``checked`` flagged when its whole text is a :data:`PLACEHOLDERS` word, which says
    more than the reason its field's type would give („„-“ ist keine gültige Telefonnummer“).
    Of ``initials`` only „-“ or „?“ is one: „K.A.“, „SO“ and „NA“ are someone's initials."""
    if not _MAY_BE_PLACEHOLDER.match(checked.raw):  # most values: not looked at letter by letter
        return checked
    folded = "".join(
        c for c in checked.raw.casefold() if not c.isspace() and unicodedata.category(c)[0] != "P"
    )
    if folded not in PLACEHOLDERS or (initials and folded):
        return checked
    return Checked(checked.raw, None, problem("placeholder", raw=short(checked.raw)))


def _cap(checked: Checked) -> Checked:
    if len(checked.raw) <= MAX_VALUE_CHARS:
        return checked
    return Checked(
        checked.raw[:MAX_VALUE_CHARS] + CUT,
        None,
        problem("capped", length=len(checked.raw), limit=MAX_VALUE_CHARS),
    )


def check_field(f: Field, raw: _FieldRaw) -> dict[str, Checked]:
    """The checked values of one field (``<id>`` and, for multiple choices, ``<id>._other``)."""
    out: dict[str, Checked] = {}
    if f.is_multi:
        known = set(option_values(f))
        ticked = [opt for opt in option_values(f) if raw.options.get(opt)]
        extra = [opt for opt, on in raw.options.items() if on and opt not in known]
        other = raw.other
        if raw.value is not None and not is_blank(raw.value):
            # A reader that gives the whole list as text (flattened copy, plain text box).
            other = ", ".join(p for p in (_text(raw.value), other) if p.strip())
        if extra:
            other = ", ".join(p for p in (*extra, other) if p.strip())
        if len(other) > MAX_VALUE_CHARS:
            out[f"{f.id}.{OTHER}"] = _cap(Checked(other, other))
            other = ""
        listed, rest = check_multi(f, ticked, other)
        if listed is not None:
            out[f.id] = listed
        if rest is not None:
            out[f"{f.id}.{OTHER}"] = placeholder(rest)
        return out
    value = raw.value
    if value is None or is_blank(value):
        # A single choice given as ticked boxes (``<path>.<option>``) rather than one value.
        ticked = [opt for opt, on in raw.options.items() if on]
        if not ticked:
            return out
        if len(ticked) > 1:
            joined = ", ".join(ticked)
            named = per_language(lambda lang: ", ".join(option_label(f, t, lang) for t in ticked))
            said = problem("boxes_labels", count=len(ticked), ticked=named)
            out[f.id] = Checked(joined, None, said)
            return out
        value = ticked[0]
    text = _text(value)
    if len(text) > MAX_VALUE_CHARS:
        out[f.id] = _cap(Checked(text, None))
    else:
        out[f.id] = placeholder(check_text(f, text), f.type is FieldType.INITIALS)
    return out


def check_typed(f: Field, text: str, today: dt.date | None = None) -> dict[str, Checked]:
    """A value a coordinator typed for field ``f`` (``formgen register set``) or a table gave
    (``register import``), checked as a returned one is: :func:`check_field` with the text as
    a reader gives a typed box — NFC (a Mac's table or terminal may give „ü“ as u and its
    dots), each line break as ``\\n`` (:func:`formgen.linebreak.newlines`: a cell saved on
    Windows holds ``\\r\\n``) — so a multiple choice is a list (``Türkisch, pl``: codes,
    labels or language names; what names none is its ``<id>._other`` text), and a date must
    not lie too far ahead (:func:`dated`)."""
    out = check_field(f, _FieldRaw(value=unicodedata.normalize("NFC", newlines(text))))
    if f.id in out:
        out[f.id] = _ahead(f, out[f.id], today)
    return out


def _ahead(f: Field, checked: Checked, today: dt.date | None) -> Checked:
    """``checked`` of field ``f`` flagged when it is a date too far after ``today``: an entry's
    day of confirmation in the future (:func:`~ingest.values.not_in_future`), any other date
    more than a year ahead (:func:`~ingest.values.not_far_ahead`)."""
    if f.type is not FieldType.DATE:
        return checked
    if confirmed_on(f):
        return not_in_future(checked, today)
    return not_far_ahead(checked, today)


def _group(
    raw: RawSubmission, identity: FormIdentity, notes: list[str]
) -> dict[tuple[str, int | None], dict[str, _FieldRaw]]:
    """Raw values by (category or ``institution``, block) and field id."""
    groups: dict[tuple[str, int | None], dict[str, _FieldRaw]] = {}
    allowed = set(identity.categories)
    if identity.kind == "institution":
        allowed.add(INSTITUTION)
    checklist = identity.kind == "checklist"
    for path_text, value in raw.values.items():
        if is_blank(value) or path_text.startswith(FIELD_PREFIX + "."):
            continue  # blank = not filled in; identity fields are the identity, not values
        try:
            path = FieldPath.parse(path_text)
        except FormgenError:
            notes.append(Said("ingest_merge_not_a_path", path=path_text[:80], **_quoted(value)))
            continue
        if path.category not in allowed or (path.block is not None) != checklist:
            notes.append(
                Said(
                    "ingest_merge_not_in_form",
                    path=path_text[:80],
                    kind=Said(f"ingest_merge_kind_{identity.kind}"),
                    categories=" ".join(identity.categories) or Said("ingest_merge_no_category"),
                    **_quoted(value),
                )
            )
            continue
        slot = groups.setdefault((path.category, path.block), {}).setdefault(
            path.field, _FieldRaw()
        )
        if path.option is None:
            slot.value = value
        elif path.option == OTHER:
            slot.other = _text(value)
        else:
            slot.options[path.option] = _truthy(value)
    return groups


def _quoted(value: RawValue) -> dict[str, str]:
    """A value for a note, on one line and shortened: as ``text``, and quoted as ``value``
    (the English notes quote it so)."""
    text = short(_text(value), 40)
    return {"value": repr(text), "text": text}


def _check_fields(
    fields: tuple[Field, ...],
    raws: Mapping[str, _FieldRaw],
    where: str,
    notes: list[str],
) -> dict[str, Checked]:
    """The checked values of ``fields`` at ``where`` (its name for a report line); ``notes``
    get the fields the schema has not and the languages kept as text for a remark
    (:func:`~ingest.values.qualified_languages`)."""
    out: dict[str, Checked] = {}
    by_id = {f.id: f for f in fields}
    for fid, raw in raws.items():
        f = by_id.get(fid)
        if f is None:
            said = _quoted(_text(raw.value or ""))
            notes.append(Said("ingest_merge_unknown_field_ignored", where=where, field=fid, **said))
            continue
        checked = check_field(f, raw)
        other = checked.get(f"{fid}.{OTHER}")
        if f.type is FieldType.LANGUAGE_LIST and other and qualifier(str(other.value)):
            label = per_language(f.label.get)
            notes.extend(
                Said(
                    "ingest_merge_language_remark",
                    where=where,
                    label=label,
                    text=t,
                    word=w,
                )
                for t, w in qualified_languages(str(other.value))
            )
        out.update(checked)
    return out


def _required(
    fields: tuple[Field, ...],
    values: Mapping[str, Checked],
    where: str,
    lang: str,
    illegible: Collection[str] = (),
) -> list[str]:
    """A note per required field left empty, named by its label as the form (in ``lang``)
    showed it, in a report in any language (its id in ``--json``); not for one whose text
    could not be read (``illegible``: noted already)."""
    return [
        Said("ingest_merge_required", where=where, field=_as_shown(f, lang))
        for f in fields
        if f.required and f.id not in values and f"{where}.{f.id}" not in illegible
    ]


def _as_shown(f: Field, lang: str) -> Named:
    """``f`` by its label as the form (in ``lang``) showed it, in a report in any language;
    its id in ``--json``."""
    label = str(f.label.get(lang))
    return Named(f.id, per_language(lambda _: label))


def _entries(
    raw: RawSubmission, identity: FormIdentity, schema: Schema, notes: list[str]
) -> list[EntryReturn]:
    groups = _group(raw, identity, notes)
    entries: list[EntryReturn] = []
    if identity.kind == "checklist":
        for (cid, block), raws in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
            cat = schema.category(cid)
            if block is None or block > cat.entry_blocks:
                notes.append(Said("ingest_merge_no_block", where=scope_named(schema, cid, block)))
                continue
            where = scope_named(schema, cid, block)
            checked = _check_fields(cat.fields, raws, where, notes)
            if not checked:
                continue
            scope = {f.id: f.scope for f in cat.fields}
            inst = {k: v for k, v in checked.items() if scope[k.split(".")[0]] is Scope.INSTITUTION}
            entry = {k: v for k, v in checked.items() if k not in inst}
            notes.extend(_required(cat.fields, checked, where, identity.lang, raw.illegible))
            entries.append(EntryReturn(None, cid, block, inst, entry))
        return entries
    inst_fields = schema.institution_fields()
    own = scope_named(schema, INSTITUTION)
    institution = _check_fields(inst_fields, groups.get((INSTITUTION, None), {}), own, notes)
    notes.extend(_required(inst_fields, institution, own, identity.lang, raw.illegible))
    if not identity.categories:
        return [EntryReturn(identity.institution_id, None, None, institution, {})]
    for cid in identity.categories:
        fields = schema.entry_fields(cid)
        named = scope_named(schema, cid)
        entry = _check_fields(fields, groups.get((cid, None), {}), named, notes)
        notes.extend(_required(fields, entry, named, identity.lang, raw.illegible))
        entries.append(EntryReturn(identity.institution_id, cid, None, institution, entry))
    return entries


# --------------------------------------------------------------------------- renames


def _recheck(old: Field, new: Field, checked: Checked, notes: list[str], where: str) -> Checked:
    """A value checked against ``old``, checked again where the current field differs. One kept
    shortened (``capped``) is not: its text is cut, not what was typed, and it stays flagged;
    nor is a :func:`placeholder`, none in any field.
    A choice the form offered that the current field dropped (a region merged into another) is
    kept as typed and flagged by the label the form gave it (``choice_dropped``); ticked in a
    multiple choice beside choices still offered, those are the value and ``notes`` say the
    dropped one, at ``where`` (the field's path)."""
    if old.type == new.type and old.choices == new.choices and old.common == new.common:
        return checked
    if checked.problem is not None and checked.problem.key in KEPT_AS_IS:
        return checked
    if checked.problem is None and old.type == new.type and new.type is not FieldType.LANGUAGE_LIST:
        ticked = checked.value if isinstance(checked.value, list) else [checked.value]
        offered = {c.value for c in choices_of(new)}
        gone = [c for c in choices_of(old) if c.value in ticked and c.value not in offered]
        if gone:
            label = per_language(lambda lang: ", ".join(c.label.get(lang) for c in gone))
            said = problem("choice_dropped", label=label, allowed=allowed(new))
            kept = [v for v in ticked if v in offered]
            if not new.is_multi or not kept:
                return Checked(checked.raw, None, said)
            notes.append(Said("ingest_merge_choice_dropped", where=where, why=SaidProblem(said)))
            return Checked(", ".join(kept), kept)
    if new.is_multi:
        listed, rest = check_multi(new, [], checked.raw)
        label = per_language(lambda lang: new.label.get(lang) or new.id)
        if listed is None:
            said = problem(
                "no_choice_of_labels", raw=checked.raw[:60], field=label, allowed=allowed(new)
            )
            return Checked(checked.raw, None, said)
        if rest is None:
            return listed
        said = problem(
            "not_choice_of_labels", field=label, allowed=allowed(new), rest=str(rest.value)
        )
        return Checked(checked.raw, None, said)
    return check_text(new, checked.raw) if checked.raw.strip() else checked


def to_current(
    entries: list[EntryReturn], old: Schema, current: Schema, notes: list[str]
) -> list[EntryReturn]:
    """Map entries checked against schema ``old`` to the ``current`` version (renames, scopes)."""
    if (old.schema_id, old.schema_version) == (current.schema_id, current.schema_version):
        return entries
    notes.append(
        Said("ingest_merge_mapped", old=old.schema_version, current=current.schema_version)
    )
    out = []
    for e in entries:
        old_fields = {f.id: f for f in old.institution_fields()}
        new_fields = {f.id: f for f in current.institution_fields()}
        scope = INSTITUTION
        if e.category is not None:
            try:
                new_cat = current.category(e.category)
            except UnknownCategoryError:
                said = Said(
                    "ingest_merge_category_gone",
                    category=e.category,
                    old=old.schema_version,
                    current=current.schema_version,
                )
                raise QuarantineError("unknown-category", said) from None
            old_fields |= {f.id: f for f in old.category(e.category).fields}
            new_fields |= {f.id: f for f in new_cat.fields}
            scope = e.category
        where = scope_named(current, e.category or INSTITUTION, e.block)
        inst: dict[str, Checked] = {}
        entry: dict[str, Checked] = {}
        for in_institution, key, checked in (
            *((True, k, c) for k, c in e.institution.items()),
            *((False, k, c) for k, c in e.entry.items()),
        ):
            fid, _, suffix = key.partition(".")
            new = new_fields.get(current.current_key(scope, fid))
            if new is None:  # an institution field renamed in no field of the category
                new = new_fields.get(current.current_key(INSTITUTION, fid))
            if new is None:
                notes.append(
                    Said(
                        "ingest_merge_field_gone",
                        where=scope_named(current, INSTITUTION) if in_institution else where,
                        field=fid,
                        old=old.schema_version,
                        value=repr(checked.raw[:60]),
                        text=checked.raw[:60],
                    )
                )
                continue
            target = inst if new.scope is Scope.INSTITUTION else entry
            target_scope = INSTITUTION if new.scope is Scope.INSTITUTION else scope
            target[new.id + ("." + suffix if suffix else "")] = (
                checked
                if suffix
                else _recheck(old_fields[fid], new, checked, notes, f"{target_scope}.{new.id}")
            )
        out.append(EntryReturn(e.institution_id, e.category, e.block, inst, entry))
    return out


# --------------------------------------------------------------------------- the whole


def dated(
    entries: list[EntryReturn], schema: Schema, today: dt.date | None = None
) -> list[EntryReturn]:
    """``entries`` (of the ``schema``'s version) with their dates that lie too far after
    ``today`` flagged: a day of confirmation in the future, any other date more than a year
    ahead (:func:`_ahead`)."""
    institution_dates = [f for f in schema.institution_fields() if f.type is FieldType.DATE]
    out = []
    for e in entries:
        fields = schema.entry_fields(e.category) if e.category is not None else ()
        inst = _dates_ahead(institution_dates, e.institution, today)
        entry = _dates_ahead([f for f in fields if f.type is FieldType.DATE], e.entry, today)
        if inst is not e.institution or entry is not e.entry:
            e = replace(e, institution=inst, entry=entry)
        out.append(e)
    return out


def _dates_ahead(
    fields: list[Field], values: Mapping[str, Checked], today: dt.date | None
) -> Mapping[str, Checked]:
    """``values`` with those of the date ``fields`` too far after ``today`` flagged (``values``
    itself when none is)."""
    flagged = {
        f.id: checked
        for f in fields
        if f.id in values and (checked := _ahead(f, values[f.id], today)) is not values[f.id]
    }
    return {**values, **flagged} if flagged else values


def _checklists(schema: Schema, ids: tuple[str, ...]) -> dict[str, str]:
    """A form's checklists by their names, in each language (``checklist „Psychotherapie“``);
    one the schema does not know by its id."""

    def named(lang: str) -> str:
        quote = "„{}“" if lang == "de" else "'{}'"
        names = []
        for cid in ids:
            try:
                names.append(quote.format(schema.category(cid).label.get(lang)))
            except UnknownCategoryError:
                names.append(quote.format(cid))
        key = "ingest_merge_checklist" if len(names) == 1 else "ingest_merge_checklists"
        return say(key, lang, names=", ".join(names) or "-")

    return per_language(named)


def validate(
    raw: RawSubmission,
    registry: SchemaRegistry,
    secret: bytes,
    today: dt.date | None = None,
    no_workspace_ok: bool = False,
    issued: Collection[str] | None = None,
) -> Submission:
    """Check a raw submission and map it to the current schema; see the module docstring.
    ``today`` (default: the day it runs) is the day a form's date must not lie after;
    ``no_workspace_ok``: a blank checklist made without a workspace is taken in, and says so;
    ``issued``: the instance ids of the forms the workspace made (:func:`check_identity`)."""
    schema = check_identity(raw.identity, registry, secret, no_workspace_ok, issued)
    identity = raw.identity
    assert identity is not None  # check_identity raised otherwise
    if raw.unread and raw.provenance.reader == ACROFORM_PDF:  # the form itself, its fields damaged
        raise QuarantineError(
            "unread-fields", Said("ingest_merge_unread_fields", form=identity.reference)
        )
    if raw.unread:
        raise QuarantineError(
            "unread-copy", Said("ingest_merge_unread_copy", form=identity.reference)
        )
    notes: list[str] = list(raw.notes)
    if raw.damaged:
        raw = _without_damaged(raw, identity, schema, notes)
    if no_workspace_ok and not identity.verify(secret):  # made without one: taken as asked
        notes.append(Said("ingest_merge_no_workspace_taken", form=identity.reference))
    notes.extend(
        Said("ingest_merge_direction_override", path=path, value=short(shown(value), 80))
        for path, value in raw.values.items()
        if isinstance(value, str) and OVERRIDE.search(value)
    )
    notes.extend(
        Said("ingest_merge_look_alike", path=path, why=said)
        for path, value in raw.values.items()
        if isinstance(value, str) and (said := look_alike(value))
    )
    entries = _entries(raw, identity, schema, notes)
    entries = to_current(entries, schema, registry.current, notes)
    entries = dated(entries, registry.current, today)
    if not entries:
        notes.append(Said("ingest_merge_empty"))
    return Submission(
        identity, raw.provenance, raw.confidence, tuple(entries), tuple(notes), raw.illegible
    )


def _form_fields(identity: FormIdentity, schema: Schema) -> dict[str, tuple[Field, ...]]:
    """The fields a form shows, by where they sit (``institution``, a category, ``cid.2``)."""
    out: dict[str, tuple[Field, ...]] = {}
    try:
        if identity.kind == "checklist":
            for cid in identity.categories:
                cat = schema.category(cid)
                out.update((f"{cid}.{b}", cat.fields) for b in range(1, cat.entry_blocks + 1))
            return out
        out[INSTITUTION] = schema.institution_fields()
        out.update((cid, schema.entry_fields(cid)) for cid in identity.categories)
    except FormgenError:  # a category this schema lacks: said where the values are grouped
        pass
    return out


def _labels(fields: list[Field]) -> dict[str, str]:
    """``fields`` by their labels, in each language of the reports."""
    return per_language(lambda lang: ", ".join(str(f.label.get(lang)) for f in fields))


def _without_damaged(
    raw: RawSubmission, identity: FormIdentity, schema: Schema, notes: list[str]
) -> RawSubmission:
    """``raw`` with the fields that damage in the file made unreadable (:attr:`RawSubmission.
    damaged`) counted as illegible, each named in a note: a field of a damaged group that was
    not read, and a field damaged inside (a lost tick of a language list: what was read of it
    is left out too). None of them counts as left empty, so the entry is not confirmed."""
    read = {p.rpartition(".")[0] for p in raw.values} | set(raw.values)
    read |= {p.rpartition(".")[0] for p in read}
    lost: list[str] = []
    for where, fields in _form_fields(identity, schema).items():
        gone_here = []
        for f in fields:
            path = f"{where}.{f.id}"
            inside = any(g.startswith(path + ".") or g == path for g in raw.damaged)
            around = any(not g or path.startswith(g + ".") for g in raw.damaged)
            if inside or (around and path not in read):
                gone_here.append(f)
                lost.append(path)
        if gone_here:  # named by their labels, as the form showed them (--json: their ids)
            ids = ", ".join(f.id for f in gone_here)
            named = Named(ids, _labels(gone_here))
            notes.append(
                Said("ingest_merge_damaged_fields", where=scope_named(schema, where), fields=named)
            )
    if not lost:
        return raw
    gone = tuple(lost) + tuple(x + "." for x in lost)
    values = {p: v for p, v in raw.values.items() if not (p in lost or p.startswith(gone))}
    return replace(raw, values=values, illegible=(*raw.illegible, *lost))


def sent_values(
    schema: Schema,
    prefill: Mapping[str, Any],
    as_typed: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, dict[str, object]]:
    """The values a form was sent with (field path → the record's typed value), stored as the
    register stores a return's values after validation — so that a copy returned untouched
    compares equal to what was sent (a phone number from a recipients list, say, is normalised
    as the one read back from the form is). A value prefilled under a field's id from before a
    rename is stored under its current id; paths the schema no longer has are left out.
    ``as_typed``: the languages the form showed in the words typed
    (:attr:`formgen.workspace.IssuedForm.languages_as_typed`: „Arabisch (Syrisch)“), in a list's
    text as shown: returned without them, the list is another answer
    (:meth:`ingest.register.Register.same`); a form that showed none sent the codes only."""
    out: dict[str, dict[str, object]] = {}
    for given, value in prefill.items():
        path = schema.current_path(given)
        scope, _, key = path.partition(".")
        fid, _, suffix = key.partition(".")
        try:
            fields = (
                schema.institution_fields() if scope == INSTITUTION else schema.entry_fields(scope)
            )
        except FormgenError:
            continue
        f = next((f for f in fields if f.id == fid), None)
        if f is None or is_blank(value):
            continue
        if suffix or f.is_multi:  # a list of codes, or the "other" text: stored as it is
            words = (as_typed or {}).get(given, {})
            text = (
                ", ".join(words.get(v, v) for v in value) if isinstance(value, list) else str(value)
            )
            checked = Checked(text, value)
        else:
            checked = check_text(f, str(value))
        out[path] = {"v": checked.value, "raw": checked.raw}
        if checked.problem:
            out[path].update(checked.problem.to_json())
    return out
