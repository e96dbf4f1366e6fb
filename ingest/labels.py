"""Stored values named as people read them: checklists, fields and value paths by their labels.

The register keeps ids (``institution``, ``psychotherapie``, ``languages_offered._other``);
the exports with labels, ``register history``, ``register conflicts`` and ``register stale``
name them in a language with these helpers: a checklist by its name, the institution's own
data as ``Einrichtung``, a field by its label (``Sprachen (weitere)`` for the "other" text of a
list), a value path as the field's label under its checklist's name. What the schema has no
label for (a field or checklist a later schema version dropped) is named as stored.

A choice, region or language by its label (:func:`option_text`): a choice a later schema
version dropped (a region merged into another) by the label of the older version that offered
it, kept in the workspace (:meth:`ingest.schemas.SchemaRegistry.dropped_choice`), marked as no
longer offered: „Dormagen (nicht mehr in der Auswahl)“; :func:`dropped_option` reads it back.

The "other" text of a list is shown as typed: its field's choices and languages do not name
it (:func:`value_field`).
"""

from __future__ import annotations

from formgen.errors import FormgenError
from formgen.messages import Named, Said, SaidJoined, per_language, say
from formgen.model import (
    INSTITUTION,
    ON_STATE,
    OTHER,
    Field,
    FieldPath,
    FieldType,
    Schema,
    choice_value,
    choices_of,
    folded,
    option_label,
)
from ingest.schemas import SchemaRegistry
from ingest.values import choice_labels


def scope_label(schema: Schema, scope: str, lang: str) -> str:
    """The name of ``scope``: ``Einrichtung`` for the institution, else the checklist's name."""
    if scope == INSTITUTION:
        return say("institution", lang)
    return schema.category_label(scope, lang)


def field_of(schema: Schema, scope: str, key: str) -> Field | None:
    """The field of ``key`` (``languages_offered`` or ``languages_offered._other``) in ``scope``:
    one of the institution's fields, or one of the checklist's; ``None`` when the schema no
    longer has it."""
    fid = key.split(".")[0]
    try:
        fields = (
            schema.institution_fields() if scope == INSTITUTION else schema.category(scope).fields
        )
    except FormgenError:  # a category the schema no longer has
        return None
    return next((f for f in fields if f.id == fid), None)


def value_field(schema: Schema, scope: str, key: str) -> Field | None:
    """The field whose choices, languages and date format the value of ``key`` in ``scope`` is
    shown with (:func:`field_of`); ``None`` for the "other" text of a list, shown as typed."""
    return None if key.endswith("." + OTHER) else field_of(schema, scope, key)


def field_label(f: Field | None, key: str, lang: str) -> str:
    """The label of the field of ``key`` in ``lang`` (``Sprachen (weitere)`` for the "other"
    text of a list); ``key`` as stored when the schema no longer has it."""
    if f is None:
        return key
    label = f.label.get(lang) or f.id
    if key.endswith("." + OTHER):
        return f"{label} ({say('others', lang)})"
    return label


def block_label(schema: Schema, scope: str, block: int | None, lang: str) -> str:
    """Where in a return a value or a note is, as people read it: the institution or a
    checklist by its name (:func:`scope_label`), a block of a checklist by its name and number
    (``PsychotherapeutIn, niedergelassen, Block 2``)."""
    name = scope_label(schema, scope, lang)
    return name if block is None else say("ingest_office_block", lang, scope=name, block=block)


def key_label(schema: Schema, key: str, lang: str) -> str:
    """A field's own key where nothing names its checklist (a line of the journal or the send
    log: ``concepts``) by the label of the schema's field of that id, the institution's first
    (``name`` → ``Name der Einrichtung``; :func:`field_label`); as stored where none has it."""
    fid = key.split(".")[0]
    fields = [*schema.institution_fields(), *(f for c in schema.categories for f in c.fields)]
    return field_label(next((f for f in fields if f.id == fid), None), key, lang)


def path_label(schema: Schema, path: str, lang: str) -> str:
    """A stored value path as people read it: ``institution.phone`` → ``Einrichtung ›
    Telefon (Zentrale)``, the field's label under its checklist's name; a path of a checklist's
    block (``psychotherapie.2.email``) under the block's (:func:`block_label`); what the schema
    has no label for as stored."""
    scope, _, key = path.partition(".")
    number, dot, rest = key.partition(".")
    block = int(number) if dot and number.isdigit() else None
    key = rest if block is not None else key
    where = block_label(schema, scope, block, lang)
    return f"{where} › {field_label(field_of(schema, scope, key), key, lang)}"


def path_named(schema: Schema, path: str) -> Named:
    """A value path for a report line: the id, said in a language as :func:`path_label`."""
    return Named(path, per_language(lambda lang: path_label(schema, path, lang)))


def paths_named(schema: Schema, text: str) -> str:
    """``text``, a note of a reader, with each value path of ``schema`` it names (an arg of its
    words, a part of a joined text: ``psychotherapie.1.postcode``) said by its label
    (:func:`path_named`); its English, as ``--json`` keeps it, and any other text as they are."""
    if isinstance(text, SaidJoined):
        return SaidJoined((paths_named(schema, p) for p in text.parts), text.sep)
    if type(text) is Said:
        args = {
            k: paths_named(schema, v) if isinstance(v, str) else v for k, v in text.args.items()
        }
        if text.key in _BOX_NOTES and _known_path(schema, str(args.get("name", ""))):
            for k in ("stored", "shown", "states"):
                if isinstance(v := args.get(k), str):
                    args[k] = states_named(schema, str(args["name"]), v)
        return Said(text.key, **args)
    return path_named(schema, text) if type(text) is str and _known_path(schema, text) else text


_BOX_NOTES = frozenset(
    {"ingest_pdf_state_unknown", "ingest_pdf_state_unknown_ticked", "ingest_pdf_state_differs"}
    | {"ingest_pdf_off_but_ticked"}
)
"""The reader's notes that name a box by its state in the PDF (``/fehlanzeige``)."""


def states_named(schema: Schema, path: str, states: str) -> Named:
    """The states of the boxes of the field at ``path`` a reader's note names (``/fehlanzeige``,
    ``/Yes, /On``), as ``--json`` keeps them; said in a language, each by what the form shows
    next to its box: the choice's label (``Fehlanzeige``), for a box of a multiple choice
    (``….languages_offered.fa``, on-state ``/Yes``) its option's, for a lone box its field's.
    A state formgen did not write is said as in the file, with its slash (``/Ja``): said
    without it, it read as the label of a box („der gespeicherte Wert „Ja“ ist keiner der
    Zustände des Kästchens (Ja, Nein, Fehlanzeige)“)."""
    p = FieldPath.parse(path)
    f = field_of(schema, p.category, p.field)

    def said(lang: str) -> str:
        def one(stored: str) -> str:
            state = stored.removeprefix("/")
            if f is None:
                return stored
            if p.option is None and choices_of(f):  # a group of boxes, one for each choice
                return option_text(f, state, lang) if choice_value(f, state) == state else stored
            if state != ON_STATE:  # formgen's on-state of a box on its own
                return stored
            return option_text(f, p.option, lang) if p.option else f.label.get(lang) or f.id

        return ", ".join(one(s) for s in states.split(", "))

    return Named(states, per_language(said))


def _known_path(schema: Schema, text: str) -> bool:
    """Whether ``text`` is a value path of a field of ``schema``."""
    try:
        path = FieldPath.parse(text)
    except FormgenError:
        return False
    return field_of(schema, path.category, path.field) is not None


def scope_named(schema: Schema, scope: str, block: int | None = None) -> Named:
    """A checklist (or the institution), or a block of a checklist, for a report line: the id
    (``psychotherapie``, ``psychotherapie.2``), said in a language as :func:`block_label`."""
    named = scope if block is None else f"{scope}.{block}"
    return Named(named, per_language(lambda lang: block_label(schema, scope, block, lang)))


def option_text(f: Field, option: str, lang: str, kept: SchemaRegistry | None = None) -> str:
    """One option of ``f`` (a choice, region or language) by its label in ``lang``; one the
    schema no longer offers by its label in the versions ``kept``, marked so; the code itself
    when no version names it."""
    if f.type is FieldType.LANGUAGE_LIST or any(c.value == option for c in choices_of(f)):
        return option_label(f, option, lang)
    label = dropped_label(f, option, lang, kept)
    return say("no_longer_offered", lang, label=label) if label else option


def dropped_label(f: Field, option: str, lang: str, kept: SchemaRegistry | None) -> str | None:
    """The label in ``lang`` of ``option``, a choice ``f`` no longer offers, in the versions
    ``kept`` (:meth:`~ingest.schemas.SchemaRegistry.dropped_choice`), unmarked: for a sentence
    that says itself that it is no longer offered. ``None`` when no kept version offered it."""
    dropped = kept.dropped_choice(f, option) if kept is not None else None
    return dropped.label.get(lang) if dropped else None


def dropped_option(f: Field, text: str, kept: SchemaRegistry | None) -> str | None:
    """The choice of ``f`` the current schema no longer offers that ``text`` names as
    :func:`option_text` names it in any language („Dormagen (nicht mehr in der Auswahl)“), or
    by its label in the versions ``kept`` (an export made before): its value (``dormagen``),
    so that a table exported with labels reads back as the register holds it. ``None`` for
    any other text, and for one naming a choice the schema offers (:func:`choice_value`)."""
    if kept is None or f.type is FieldType.LANGUAGE_LIST or choice_value(f, text) is not None:
        return None
    key = folded(text)
    offered = {c.value for c in choices_of(f)}
    for option, choice in kept.older_choices(f).items():
        if option not in offered and any(
            key in (folded(label), folded(say("no_longer_offered", lang, label=label)))
            for lang, label in choice.label.values.items()
        ):
            return option
    return None


def option_names(f: Field, kept: SchemaRegistry | None) -> list[str]:
    """Every text naming a choice of ``f`` as :func:`option_text` names it: the labels of its
    choices, and those of the choices the versions ``kept`` offered, plain and marked as no
    longer offered; the phrases a list read back is not split in
    (:func:`~ingest.values.split_list`)."""
    names = choice_labels(f)
    if kept is not None and f.type is not FieldType.LANGUAGE_LIST:
        for choice in kept.older_choices(f).values():
            for lang, label in choice.label.values.items():
                names += [label, say("no_longer_offered", lang, label=label)]
    return names


def region_text(schema: Schema, region: str, lang: str, kept: SchemaRegistry | None = None) -> str:
    """A region by its name in ``lang``, as :func:`option_text` names it."""
    f = field_of(schema, INSTITUTION, "region")
    return option_text(f, region, lang, kept) if f else schema.region_label(region, lang)
