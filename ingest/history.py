"""An institution's history as a coordinator reads it (``formgen register history``).

Every revision says when, from which file and form (and the schema version the form was made
with, where the register recorded it and it is not the current one; for a form that came as a
mail's attachment, who mailed it), and what changed — in the
words of the form and the printed register: the field's label under its checklist's name
("Versorgungsregion" under "Einrichtung"), a region, choice or language by its name
("Dormagen", "Fehlanzeige", "Persisch (Farsi)"), a date as the printed register writes it and a time on this computer's
clock with its zone (``23.11.2026 08:52 MEZ``). A value the schema has no label for (a field
or choice a later schema version dropped) is shown as stored. An institution taken out of the
register and back (``register retire``, ``restore``) has those events, with when and why,
among its revisions, and so have entries it confirmed as they are (``register confirm``: the
note and the checklists; a return that changed nothing: the return as a revision's is named,
``bestätigt, nichts geändert  aus Formular.pdf [acroform-pdf, Formular FG-…]``); a value a coordinator set by hand (``register set``) its revision with
the note instead of a file (``von Hand gesetzt: per Telefon 23.11.``); a revision of an imported
list (``register import``) its file and note (``importiert  aus Bestand.xlsx [importierte
Liste: Bestand 2025]``); an institution merged into another (``register merge``) that, and the
one kept the revision of the values it took, named as set by hand is (``von Hand
zusammengeführt aus inst-0004: …``). ``--json`` keeps the stored paths and values for machines, and times
in UTC, each revision with the return it came from (:func:`history_json`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from formgen.errors import RegisterError
from formgen.identity import reference
from formgen.linebreak import LINE_BREAK, breaks_shown, one_line
from formgen.messages import Said, moment_text, problem_text, reason_text, say, say_count
from formgen.model import INSTITUTION, OTHER, Field, FieldType, Schema
from formgen.record import erased_shown
from ingest.export import display
from ingest.labels import field_label, field_of, path_label, scope_label, value_field
from ingest.register import (
    IMPORT,
    MERGED,
    Json,
    Register,
    by_hand,
    is_erased,
    name_line,
    retired_text,
    split_path,
)
from ingest.schemas import SchemaRegistry
from ingest.staleness import region_held, region_of
from ingest.submission import short
from ingest.tables import fold, fold_in, width


def value_text(
    f: Field | None,
    sv: Json | None,
    lang: str = "de",
    quoted: bool = False,
    kept: SchemaRegistry | None = None,
) -> str:
    """One stored value as people read it: labels for choices, regions and languages (one the
    schema dropped as the versions ``kept`` name it, :func:`ingest.labels.option_text`), a date
    as in the printed register, an invalid value as typed with why (in ``lang`` as the printed
    register says it); ``(blank)``, in German ``(leer)``, for none. A line break in the value of
    a one-line field (a name, a phone number; the "other" text of a list) as „↵“, so that it
    is seen on the line the value stands on (:data:`formgen.linebreak.SHOWN_BREAK`); a
    ``textarea``'s lines stay lines, which :func:`under` sets under the first. ``quoted``: the
    value in the language's quotation marks, why it is invalid after them."""
    if sv is None:
        return say("blank", lang)
    if is_erased(sv):  # register erase: never the value
        return say("erased", lang)
    text = display(f, sv, labels=True, lang=lang, kept=kept)  # a date as the language writes it
    if f is None or f.type is not FieldType.TEXTAREA:
        text = breaks_shown(text)
    if quoted:
        text = say("quoted", lang, value=text)
    why = problem_text(sv, lang)  # the stored English text where it cannot be said in lang
    return text + (f"  {say('invalid_value', lang, why=why)}" if why else "")


def stored_text(
    reg: Register, path: str, sv: Json | None, lang: str = "de", quoted: bool = False
) -> str:
    """The stored value at ``path`` of ``reg`` as :func:`value_text` shows it (the "other" text
    of a list as typed)."""
    scope, _, key = path.partition(".")
    return value_text(value_field(reg.schema, scope, key), sv, lang, quoted, reg.kept)


def _order(schema: Schema) -> dict[tuple[str, str], int]:
    """(scope, field id) → position: the institution's fields first, then every checklist's
    entry fields, each in the order of the form."""
    order: dict[tuple[str, str], int] = {}
    for f in schema.institution_fields():
        order.setdefault((INSTITUTION, f.id), len(order))
    for c in schema.categories:
        for f in c.entry_fields:
            order.setdefault((c.id, f.id), len(order))
    return order


def _changes(
    reg: Register, changes: Iterable[list[Json]], lang: str, columns: int | None
) -> list[str]:
    schema = reg.schema
    order = _order(schema)
    ends = {scope: pos for (scope, _fid), pos in order.items()}  # a scope's last field
    rows = []
    for path, old, new in changes:
        scope, _, key = str(path).partition(".")
        pos = order.get((scope, key.split(".")[0]), ends.get(scope, len(order)) + 0.5)
        rows.append((pos, str(path), scope, key, old, new))
    lines: list[str] = []
    last_scope = None
    for _pos, _path, scope, key, old, new in sorted(rows, key=lambda r: (r[0], r[1])):
        if scope != last_scope:
            lines.append(f"  {scope_label(schema, scope, lang)}")
            last_scope = scope
        f = field_of(schema, scope, key)
        if f is None and reg.kept is not None:  # a field the current version dropped
            f = reg.kept.older_field(scope, key)
        head = f"    {field_label(f, key, lang)}: "
        typed = None if key.endswith("." + OTHER) else f
        lines.extend(
            _change_lines(
                head,
                value_text(typed, old, lang, kept=reg.kept),
                value_text(typed, new, lang, kept=reg.kept),
                columns,
            )
        )
    return lines


def _change_lines(head: str, was: str, now: str, columns: int | None) -> list[str]:
    """``head was → now``; the later lines of a value of several lines stand under its first,
    and so does the rest of a line longer than ``columns`` (the terminal's width). Where the
    first line of ``now`` does not fit after ``was``, ``→ now`` starts a line of its own under
    the start of ``was``."""
    lines = under(head, was, columns).split("\n")
    after = f"{lines[-1]} → "
    first = LINE_BREAK.split(now, maxsplit=1)[0]
    if columns is not None and width(after) + width(first) > columns:
        after = " " * width(head) + "→ "
    else:
        lines.pop()
    return [*lines, *under(after, now, columns).split("\n")]


def under(head: str, text: str, columns: int | None = None) -> str:
    """``head`` followed by ``text``, the lines of ``text`` after the first under its first: as
    far in as ``head`` reaches in the terminal (:func:`ingest.tables.width`). A line of
    ``text`` ends at any line break (:data:`formgen.linebreak.LINE_BREAK`); one longer than
    ``columns`` (the terminal's width) is folded there too (:func:`ingest.tables.fold`)."""
    lines = LINE_BREAK.sub("\n" + " " * width(head), head + text).split("\n")
    return "\n".join(fold(line, columns, width(head)) for line in lines)


def source_text(src: Json, lang: str = "de", base: int | None = None) -> str:
    """Where a value ``register conflicts`` shows came from, as a coordinator knows its
    sources: ``aus Rückmeldung.pdf, Formular der Einrichtung FG-…, eingelesen 23.11.2026 08:52
    MEZ`` (a checklist: ``Checkliste FG-…``; ``aus Bestand.xlsx, importierte Liste``; ``von Hand
    gesetzt: per Telefon, …``), so that a form returned late can be judged against the other;
    with the revision ``base`` its form was prefilled from, where one is given, in words."""
    at = moment_text(str(src.get("ingested_at") or "?"), lang)
    if (how := by_hand(src, lang)) is not None:
        return f"{how}, {at}"
    file = erased_shown(str(src.get("file_name") or "?"), lang)
    if src.get("kind") == IMPORT:
        said = [say("src_import", lang, file=file)]
    else:
        form = src.get("instance_id")
        kind = "src_form" if src.get("kind") == "institution" else "src_checklist"
        said = [say(kind, lang, file=file, form=reference(form) if form else "—")]
    if base is not None:
        said.append(
            say("prefilled_from", lang, rev=base) if base else say("prefilled_before", lang)
        )
    return ", ".join([*said, say("read_in", lang, at=at)])


def held_text(reg: Register, held: Json, lang: str = "de", columns: int | None = None) -> str:
    """A held conflict as ``register conflicts`` shows it: its field by its label; the value the
    register holds now, under it where it came from (:func:`source_text`) and that
    ``--take mine`` keeps it, and on a line of its own what it was when the conflict was held,
    where a later return or decision changed it since; the returned (or imported) value, where
    it came from (its form prefilled from which revision) and that ``--take theirs`` takes it;
    that the register holds the returned value by now, where it does (either decision keeps
    it); and why it waits. Both values start at one column, to be compared. A line longer
    than ``columns`` (the terminal's width) is folded (:func:`ingest.tables.fold`): a value's
    lines under its start, the others four columns further in than they start."""
    iid, path = held["institution_id"], held["path"]
    now = reg.held_now(held)
    came = reg.source(held["theirs"].get("src"))
    was = reg.source((now or {}).get("src"))
    side = {IMPORT: "held_imported", MERGED: "held_merged_value"}.get(str(came.get("kind")))
    heads = [say("held_register", lang), say(side or "held_returned", lang)]
    mine, theirs = (f"    {h}: " + " " * (max(map(width, heads)) - width(h)) for h in heads)
    kept = [source_text(was, lang)] if was else []
    lines = [
        f"{held['id']}  {iid} {name_line(reg, iid)}  {path_label(reg.schema, path, lang)}",
        under(mine, stored_text(reg, path, now, lang), columns),
        "        " + "; ".join([*kept, say("keep_mine", lang)]),
    ]
    if not reg.same(path, now, held.get("mine")):
        before = short(stored_text(reg, path, held.get("mine"), lang))
        lines.append(f"    {say('changed_since', lang, was=before)}")
    lines.append(under(theirs, stored_text(reg, path, held["theirs"], lang), columns))
    taken = source_text(came, lang, held["base_version"])
    lines.append(f"        {taken}; {say('take_theirs', lang)}")
    if reg.moot(held):
        lines.append(f"    {say('held_moot', lang)}")
    why = reason_text(held, lang)  # none in a register written before formgen kept it
    if why:
        lines.append(f"    {say('held_why', lang, why=why)}")
    return "\n".join(
        line if line.startswith((mine, theirs)) else fold_in(line, columns) for line in lines
    )


def waiting(
    reg: Register,
    categories: Iterable[str] | None = None,
    region: str | None = None,
    institution: str | None = None,
    lang: str | None = None,
) -> tuple[list[Json], list[Json]]:
    """The held conflicts and probable duplicates ``register conflicts`` lists, of
    ``categories`` and ``region`` (as people write them: ids or names, any case; an unknown
    one is an error naming the known ones in ``lang``, as ``register stale`` says it) and of
    ``institution`` (an id) only. A held value of an institution's own data (Einrichtung)
    counts for each checklist it has an entry in; a probable duplicate by its checklist and
    the region it gave (else its candidate's), and for the institution it looks like."""
    named = reg.schema.category_named
    wanted = {named(c, lang).id for c in categories} if categories else None
    code = region_held(reg, region, lang) if region else None
    if institution is not None:
        reg.institution(institution)  # an unknown id is an error, as history says it

    def held_in(c: Json) -> bool:
        iid = c["institution_id"]
        if iid not in reg.institutions:
            return wanted is None and code is None and institution is None
        scope = split_path(c["path"])[0]
        cats = reg.institutions[iid]["entries"] if scope == INSTITUTION else (scope,)
        return (
            (institution is None or iid == institution)
            and (wanted is None or any(cid in wanted for cid in cats))
            and (code is None or region_of(reg, iid) == code)
        )

    def duplicate_in(d: Json) -> bool:
        given = d["entry"]["institution"].get("region") or {}
        cand = d["candidate"]
        where = given.get("v") or (region_of(reg, cand) if cand in reg.institutions else "")
        return (
            (institution is None or cand == institution)
            and (wanted is None or d["entry"]["category"] in wanted)
            and (code is None or where == code)
        )

    return (
        [c for c in reg.conflicts() if held_in(c)],
        [d for d in reg.duplicates() if duplicate_in(d)],
    )


def held_of(
    reg: Register,
    path: str,
    categories: Iterable[str] | None = None,
    region: str | None = None,
    lang: str | None = None,
) -> list[str]:
    """The held conflicts of the field ``path`` (``institution.phone``), every institution's,
    of ``categories`` and ``region`` only where given (:func:`waiting`), by id; none is an
    error."""
    want = reg.schema.current_path(path)
    ids = [c["id"] for c in waiting(reg, categories, region, None, lang)[0] if c["path"] == want]
    if not ids:
        raise RegisterError(Said("regerr_no_held_field", path=path))
    return ids


def waiting_count(reg: Register, held: list[Json], dups: list[Json], lang: str) -> list[str]:
    """The first lines of ``register conflicts``: how many held conflicts and probable
    duplicates wait (a kind none of waits left out), and the held ones by checklist
    (Einrichtung for the institution's own data) where they are in more than one."""
    said_held = say_count("erase_count_conflicts", lang, len(held))
    said_dups = say_count("erase_count_duplicates", lang, len(dups))
    if held and dups:
        first = say("waiting_count", lang, held=said_held, dups=said_dups)
    else:
        n, what = (len(held), said_held) if held else (len(dups), said_dups)
        first = say("waiting_count_part_one" if n == 1 else "waiting_count_part", lang, what=what)
    lines = [first]
    by = Counter(split_path(c["path"])[0] for c in held)
    if len(by) > 1:
        rank = {INSTITUTION: -1} | {c.id: i for i, c in enumerate(reg.schema.categories)}
        scopes = sorted(by, key=lambda s: (rank.get(s, len(rank)), s))  # as the form orders them
        each = ", ".join(f"{scope_label(reg.schema, s, lang)} {by[s]}" for s in scopes)
        lines.append(say("waiting_by_checklist", lang, each=each))
    return lines


def merge_held_text(reg: Register, held: Json, lang: str = "de") -> str:
    """A value held when a probable duplicate was merged (``register resolve d-NNNN --merge``),
    on one line: its field by its label, the held value, the one the register keeps, why, and
    how to decide it."""
    path = held["path"]
    return say(
        "reg_merge_held",
        lang,
        field=path_label(reg.schema, path, lang),
        cid=held["id"],
        theirs=short(stored_text(reg, path, held["theirs"], lang, quoted=True), 80),
        mine=short(stored_text(reg, path, held.get("mine"), lang, quoted=True), 80),
        why=reason_text(held, lang),
    )


def kept_invalid_lines(reg: Register, iid: str, op: str, lang: str = "de") -> list[str]:
    """The invalid values (kept as typed and flagged) that ``iid``'s latest revision, made by
    ``op`` (``resolve d-0001``), took in, each on a line as ``register import`` says them."""
    history = reg.institutions[iid]["history"]
    if not history or history[-1].get("op") != op:
        return []
    return [
        say("import_invalid", lang, field=path_label(reg.schema, path, lang), why=why)
        for path, _old, new in history[-1]["changes"]
        if new and (why := problem_text(new, lang))
    ]


def decided_text(
    reg: Register, held: Json, take: str, lang: str = "de", would: bool = False
) -> str:
    """What ``register resolve`` says of a decided conflict ``held`` (as it was held): its
    field by its label, which value it took in words (``mine`` the register's, ``theirs`` the
    returned, imported or merged one: ``register merge``) and the value the register holds now, as ``register conflicts``
    shows them; ``would``: as its ``--dry-run`` says it, of ``reg`` decided in memory."""
    iid, path = held["institution_id"], held["path"]
    kind = str(reg.source(held["theirs"].get("src")).get("kind")) if take == "theirs" else ""
    taken = {IMPORT: "took_imported", MERGED: "took_merged"}.get(kind)
    head = say(
        "decided_would" if would else "decided",
        lang,
        take=say(taken or f"took_{take}", lang),
        cid=held["id"],
        iid=iid,
        name=name_line(reg, iid),
        field=path_label(reg.schema, path, lang),
    )
    now = stored_text(reg, path, reg.value(iid, path), lang)
    return f"{head}\n" + under(f"    {say('would_hold' if would else 'holds_now', lang)} ", now)


EVENTS = {
    "retire": "op_retire",
    "restore": "op_restore",
    "confirm": "op_confirm",
    "erase": "op_erase",
}
"""The events of a history that change no value (:meth:`ingest.register.Register.retire`,
:meth:`~ingest.register.Register.confirm`; an erasure of earlier values only, which keeps the
revision: :meth:`~ingest.register.Register.erase`) → their words in
:data:`formgen.messages.WORDS`. They are shown without a revision number: theirs is the one
before them."""


def _op_text(op: str, lang: str) -> str:
    """What a revision did: ``merge`` (a return read in), ``resolve c-0001`` (a decision)."""
    kind, _, target = op.partition(" ")
    if kind in ("merge", IMPORT) and not target:
        return say(f"op_{kind}", lang)
    if kind == "resolve" and target:
        return say("op_resolve", lang, target=target)
    return op


def history_text(reg: Register, iid: str, lang: str = "de", columns: int | None = None) -> str:
    """Every revision of institution ``iid`` for the terminal, in ``lang`` (see the module
    docstring). A line longer than ``columns`` (the terminal's width) is folded
    (:func:`ingest.tables.fold`): a value's lines under its start, the others four columns
    further in than they start."""
    inst = reg.institution(iid)
    head = f"{iid}  {name_line(reg, iid)}  {say('revision_now', lang, rev=inst['rev'])}"
    if listed := reg.list_ids(iid):  # its ids in the centre's lists (register import)
        head += f"  {say('col_list_ids', lang)}: {', '.join(listed)}"
    if (retired := reg.retired(iid)) is not None:
        head += f"  {retired_text(retired, lang, why=False)}"  # why: on its retire line below
    out = [head]
    for h in reg.history(iid):
        src = reg.source(h.get("src"))
        if h["op"] == "confirm" and src:  # a return that confirmed (what its form showed)
            at, origin = moment_text(str(h["at"]), lang), _origin(reg, src, lang)
            unseen = h.get("unconfirmed")
            said = "confirmed_partly" if unseen else "confirmed_by_return"
            out.append("\n" + say(said, lang, at=at, origin=origin))
            out.extend(f"  {scope_label(reg.schema, c, lang)}" for c in h.get("categories", ()))
            if unseen:
                fields = ", ".join(path_label(reg.schema, p, lang) for p in unseen)
                out.append(f"  {say('unconfirmed_fields', lang, fields=fields)}")
            continue
        if h["op"] == "merge-into":  # register merge: merged into another and retired
            at, keep = moment_text(str(h["at"]), lang), str(h.get("keep"))
            note = str(h.get("note"))
            said = say("op_merge_into", lang, keep=keep, name=name_line(reg, keep), note=note)
            out.append(f"\n{at}  {said}{_by(h, lang)}")
            continue
        if h["op"] == "split-off":  # register split: a service split off it
            at, other = moment_text(str(h["at"]), lang), str(h.get("other"))
            said = say(
                "op_split_off", lang, other=other, name=name_line(reg, other), note=h["note"]
            )
            out.append(f"\n{at}  {said}{_by(h, lang)}")
            continue
        if h["op"] == "merge-from" and not h["changes"]:  # a merge that took no value: no revision
            out.append(f"\n{moment_text(str(h['at']), lang)}  {by_hand(src, lang)}{_by(h, lang)}")
            continue
        if h["op"] in EVENTS and not h["changes"]:  # retired, restored, confirmed by hand,
            # earlier values erased: no current value changed, no file, no revision of its own
            said = f"{moment_text(str(h['at']), lang)}  {say(EVENTS[h['op']], lang)}"
            why = h.get("reason") or h.get("note")
            out.append(f"\n{said}" + (f": {why}" if why else "") + _by(h, lang))
            out.extend(f"  {scope_label(reg.schema, c, lang)}" for c in h.get("categories", ()))
            continue
        if h["op"] == "erase":  # register erase: the values are gone, the note says why
            at = moment_text(str(h["at"]), lang)
            note = str(h.get("note") or "")
            said = say("revision_erase", lang, rev=h["rev"], at=at, note=note)
            out.append(f"\n{said}{_by(h, lang)}")
            out.extend(_changes(reg, h["changes"], lang, columns))
            continue
        if (how := by_hand(src, lang)) is not None:  # set by a coordinator: no file, no form
            at = moment_text(str(h["at"]), lang)
            said = say("revision_by_hand", lang, rev=h["rev"], at=at, how=how)
            out.append(f"\n{said}{_by(h, lang)}")
            out.extend(_changes(reg, h["changes"], lang, columns))
            continue
        at = moment_text(str(h["at"]), lang)
        op = _op_text(str(h["op"]), lang)
        said = say("revision", lang, rev=h["rev"], at=at, op=op, origin=_origin(reg, src, lang))
        out.append(f"\n{said}{_by(h, lang)}")
        out.extend(_changes(reg, h["changes"], lang, columns))
        if kept := h.get("contact_kept"):  # a new contact person, her details the former's
            split = [p.partition(".")[::2] for p in kept]
            fields = ", ".join(
                field_label(field_of(reg.schema, scope, key), key, lang)
                if len({s for s, _ in split}) == 1  # one checklist's: under its name above
                else path_label(reg.schema, f"{scope}.{key}", lang)
                for scope, key in split
            )
            out.append(f"    {say('contact_kept_fields', lang, fields=fields)}")
    # a text erased inside a note or a value (register erase --text): as an erased value reads
    text = erased_shown("\n".join(out), lang)
    return fold_in(text, columns)  # a change's lines fit under its value already


def _by(h: Json, lang: str) -> str:
    """Who made revision or event ``h``, where a coordinator did (the login name the journal
    recorded, :meth:`ingest.register.Register._by`: ``— von mueller``); nothing for a return
    or where a formgen before recorded none."""
    if not h.get("by"):
        return ""
    return " — " + say("changed_by", lang, user=one_line(str(h["by"])))


def _origin(reg: Register, src: Json, lang: str) -> str:
    """Where a revision came from, its source ``src`` as the register keeps it: the file, its
    reader and form (the schema version it was made with, where that is not the current one),
    who mailed it; an imported list with its note; ``—`` for none. When ``register erase``
    deleted the file (for this institution or another one it named), also that (an erased
    value in its name or sender is shown as such by :func:`history_text`, with every line)."""
    origin = _file_origin(reg, src, lang)
    if erased := src.get("erased_at"):
        origin += " " + say("origin_erased", lang, at=moment_text(str(erased), lang))
    return origin


def _file_origin(reg: Register, src: Json, lang: str) -> str:
    if src.get("kind") == IMPORT:  # the centre's own list: no form, perhaps a note
        listed = src.get("note")
        said = "origin_import_note" if listed else "origin_import"
        return say(said, lang, file=str(src.get("file_name")), note=str(listed))
    if not src:
        return "—"
    form = src.get("instance_id")
    version = src.get("schema_version")  # not stored by an older formgen
    origin = say(
        "origin_version" if version not in (None, reg.schema.schema_version) else "origin",
        lang,
        file=str(src.get("file_name")),
        reader=str(src.get("reader")),
        form=reference(form) if form else "—",
        version=str(version),
    )
    if sender := src.get("mail_from"):  # an attachment: who sent it
        origin += " " + say("origin_mail", lang, sender=one_line(str(sender)))
    return origin


def history_json(reg: Register, iid: str) -> list[Json]:
    """Every revision of institution ``iid`` for machines (``register history --json``), as
    stored (paths, stored values, times in UTC), each with ``source``: what the text names it
    by, the register's record of the return, list or note it came from (``file_name``,
    ``sha256``, ``size``, ``reader``, ``confidence``, ``ingested_at``; for a form
    ``instance_id``, its reference ``form`` (FG-…), ``kind`` and ``schema_version``; for an
    attachment ``container`` and ``mail_from``; ``kind`` ``import`` or ``hand`` with ``note``;
    ``erased_at`` when ``register erase`` deleted the original; what an older formgen did not
    store is missing), ``null`` where there is none (``retire``, ``restore``, ``confirm`` by
    hand, ``erase``, ``merge-into``)."""
    out = []
    for h in reg.history(iid):
        src = reg.source(h.get("src"))
        if src.get("instance_id"):
            src["form"] = reference(src["instance_id"])
        out.append({**h, "source": src or None})
    return out
