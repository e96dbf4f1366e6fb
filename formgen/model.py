"""The schema model: one typed, immutable description of every checklist and its fields.

``formgen`` owns this model; ``ingest`` imports it. A schema is loaded and checked by
:mod:`formgen.schema_load`; everything here is plain frozen data plus look-ups.

Field paths — the stable names that the PDF field names, the DOCX ``w:tag`` values and the
register columns all use — are built and parsed only here (:class:`FieldPath`). Ids never
contain a dot, so a path splits unambiguously:

* checklist form, entry block *n* of a category: ``<category>.<n>.<field>``
* institution form, the institution's own data: ``institution.<field>``
* institution form, an entry for one category:   ``<category>.<field>``
* one option of a multiple choice (a checkbox):  ``<path>.<option>``; its "other" text: ``<path>._other``
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property, lru_cache

from formgen import languages
from formgen.errors import FormgenError, UnknownCategoryError
from formgen.fold import UMLAUTS
from formgen.linebreak import shorten
from formgen.messages import Said

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
ID_RE = re.compile(ID_PATTERN)
SEMVER_RE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")

INSTITUTION = "institution"
"""Path prefix of the institution's own data in an institution form."""
OTHER = "_other"
"""Path suffix of the free-text "other" box of a multiple choice or language list."""
CONFIRMED_ON = "date"
"""The entry field (type ``date``) that holds the day the institution gave or confirmed its
information — the form's "Datum" beside the initials: staleness counts from it, and a return
dated later than today is flagged (:func:`ingest.values.not_in_future`)."""


class FieldType(StrEnum):
    """The kinds of value a field holds; each generator and reader knows every one."""

    TEXT = "text"
    TEXTAREA = "textarea"
    DATE = "date"
    INTEGER = "integer"
    PERCENTAGE = "percentage"
    PHONE = "phone"
    EMAIL = "email"
    URL = "url"
    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    YES_NO_NONE = "yes_no_none"
    LANGUAGE_LIST = "language_list"
    INITIALS = "initials"


CHOICE_TYPES = frozenset({FieldType.SELECT_ONE, FieldType.SELECT_MULTIPLE})
MULTI_TYPES = frozenset({FieldType.SELECT_MULTIPLE, FieldType.LANGUAGE_LIST})
UNSPACED_TYPES = frozenset({FieldType.EMAIL, FieldType.URL})
"""Types whose values hold no space: a line of one broken in a box was broken inside a word
(a phone number, a percentage, a date may hold spaces)."""


class Scope(StrEnum):
    """Where a field belongs: once per institution, or once per entry (institution × category)."""

    INSTITUTION = "institution"
    ENTRY = "entry"


@dataclass(frozen=True)
class Text:
    """A text in several languages, e.g. ``Text({"de": "Name", "en": "Name"})``."""

    values: Mapping[str, str] = field(default_factory=dict)

    def get(self, lang: str, fallback: str = "de") -> str:
        """The text in ``lang``, else in ``fallback``, else any; ``""`` when there is none."""
        if lang in self.values:
            return self.values[lang]
        if fallback in self.values:
            return self.values[fallback]
        return next(iter(self.values.values()), "")

    def __bool__(self) -> bool:
        return any(self.values.values())

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items())))


@dataclass(frozen=True)
class Choice:
    """One option of a choice field: the stored ``value`` and what people read."""

    value: str
    label: Text


ON_STATE = "Yes"
"""On-state of an independent checkbox in a PDF form (one option of a multiple choice): here,
not in :mod:`formgen.pdf_form`, for the readers' notes that name a box (:mod:`ingest.labels`)
without loading the PDF writer and its fonts."""

YES_NO_NONE_CHOICES: tuple[Choice, ...] = (
    Choice("ja", Text({"de": "Ja", "en": "Yes"})),
    Choice("nein", Text({"de": "Nein", "en": "No"})),
    Choice("fehlanzeige", Text({"de": "Fehlanzeige", "en": "None available"})),
)
"""The explicit three-way answer of the Arbeitshilfe: "Fehlanzeige" is a value, not a blank."""


@dataclass(frozen=True)
class Constraints:
    """Limits a value must keep. All optional; ``None`` means no limit."""

    min_length: int | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    pattern_hint: Text = field(default_factory=Text)
    """What ``pattern`` asks for, in words (``{de: "fünf Ziffern", en: "five digits"}``): the
    reason a value that does not match gives, instead of the regular expression."""


@dataclass(frozen=True)
class Field:
    """One value of an entry: its stable id, what people read, and what it may hold."""

    id: str
    type: FieldType
    label: Text
    help: Text = field(default_factory=Text)
    required: bool = False
    scope: Scope = Scope.ENTRY
    constraints: Constraints = field(default_factory=Constraints)
    choices: tuple[Choice, ...] = ()
    common: tuple[str, ...] = ()
    """For ``language_list``: the language codes offered as checkboxes (others are typed)."""
    widget: str | None = None
    """For ``select_one``: ``dropdown`` (default) or ``checkboxes``."""
    lines: int = 1
    """How many lines high the box is printed (``textarea``)."""
    renamed_from: tuple[str, ...] = ()
    former_labels: tuple[Text, ...] = ()
    """The labels the field was printed with before its label was reworded: the rows of a copy
    of a form made then, read by their text (a PDF or ODT of the Word form, a Word form saved by
    LibreOffice 7.4), and the columns of a table exported with labels then, still show them."""
    personal: bool = False
    """Personal data (a contact person's name or direct line): left out of exports on request."""

    @property
    def is_multi(self) -> bool:
        return self.type in MULTI_TYPES

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    def labels(self, lang: str) -> tuple[str, ...]:
        """Its label in ``lang``, then each it had before (:attr:`former_labels`)."""
        return (self.label.get(lang), *(t.get(lang) for t in self.former_labels))


def confirmed_on(f: Field) -> bool:
    """Whether ``f`` is an entry's day of confirmation (:data:`CONFIRMED_ON`, the form's
    „Datum“: the day it was filled in), which cannot lie before the form nor ahead, and is a
    day, never a month (an appointment may be a month: :func:`ingest.values.parse_date`)."""
    return f.id == CONFIRMED_ON and f.scope is Scope.ENTRY


@dataclass(frozen=True)
class Section:
    """A group of fields printed together; the Arbeitshilfe's five columns are five sections."""

    id: str
    label: Text
    help: Text
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Category:
    """One checklist of the Arbeitshilfe (a kind of service), with its resolved fields."""

    id: str
    group: str
    label: Text
    description: Text
    entry_blocks: int
    stale_after_days: int
    sections: tuple[Section, ...]

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sections for f in s.fields)

    @cached_property
    def entry_fields(self) -> tuple[Field, ...]:
        """The fields filled in once per entry (not the institution's own data)."""
        return tuple(f for f in self.fields if f.scope is Scope.ENTRY)

    @cached_property
    def answer_fields(self) -> frozenset[str]:
        """The entry fields that answer the checklist, by id: all but those of the section
        holding :data:`CONFIRMED_ON` (Datum und Handzeichen), which only sign the answers."""
        return frozenset(
            f.id
            for s in self.sections
            if not any(f.id == CONFIRMED_ON for f in s.fields)
            for f in s.fields
            if f.scope is Scope.ENTRY
        )

    def field(self, field_id: str) -> Field:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise FormgenError(f"category '{self.id}' has no field '{field_id}'")

    @cached_property
    def renamed_ids(self) -> Mapping[str, str]:
        """Each id a field of this checklist had before a rename (``renamed_from``) → its id
        now (the schema check makes sure no old id is a current one or claimed twice)."""
        return {old: f.id for f in self.fields for old in f.renamed_from}

    def current_id(self, field_id: str) -> str | None:
        """The current id of a field known under ``field_id`` now or before a rename."""
        if any(f.id == field_id for f in self.fields):
            return field_id
        return self.renamed_ids.get(field_id)


@dataclass(frozen=True)
class Group:
    """A list of checklists ("Sozialpsychiatrie", "Migration")."""

    id: str
    label: Text
    description: Text
    categories: tuple[Category, ...]


_MARKS = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-") | dict.fromkeys("„“”«»", '"')
)
"""Dashes as the hyphen, double quotes of every kind as ``"``."""
_BRACKETS_AFTER = re.compile(r"\s*\([^()]*\)\s*$")
"""What a checklist's name adds in brackets at its end (``(ggf. auch, Kontaktzentrum, …)``,
``(WfbM)``): people leave it out when they type the name."""


_IN_BRACKETS = re.compile(r"\(([^()]*)\)")


def _abbreviations(name: str) -> list[str]:
    """The abbreviations ``name`` gives in brackets: the words there of 2 to 8 letters with two
    capitals or more (``SpD``, ``SPDi`` of „Sozialpsychiatrischer Dienst (SpD oder SPDi)“,
    ``MSO``, ``WfbM``), not a word such as „(interventions)“ or „(ehem. Ausländerbeirat)“."""
    return [
        word
        for inside in _IN_BRACKETS.findall(name)
        for word in re.findall(r"\w+", inside)
        if 2 <= len(word) <= 8 and sum(ch.isupper() for ch in word) >= 2
    ]


def name_key(text: str) -> str:
    """``text`` as a name of a category or region is compared: case ignored, and a dash or
    quote of any kind as its plain one, so that a list typed with "oder -abteilung" or
    "(auch "Selbsthilfefirma")" still names the checklist a form calls „oder –abteilung“."""
    return text.strip().casefold().translate(_MARKS)


def _named(known: Iterable[tuple[str, Text]], lang: str) -> str:
    """What an error about an unknown name lists: one line per id with its name in ``lang``
    (``neuss_meerbusch: Rhein-Kreis Neuss (Neuss, Meerbusch)``), the id alone where the name
    is the id but for case."""
    lines = []
    for ident, label in known:
        name = name_beside(ident, label, lang)
        lines.append(f"\n  {ident}: {name}" if name else f"\n  {ident}")
    return ":" + "".join(lines)


def name_beside(ident: str, label: Text, lang: str) -> str:
    """The name of ``ident`` in ``lang`` to say beside it; ``""`` where it is the id but for
    case."""
    name = label.get(lang)
    return "" if name.casefold() in ("", ident.casefold()) else name


@dataclass(frozen=True)
class Schema:
    """A whole schema: identity, languages, regions and the checklists in their printed order."""

    schema_id: str
    schema_version: str
    default_language: str
    languages: tuple[str, ...]
    title: Text
    description: Text
    regions: tuple[Choice, ...]
    groups: tuple[Group, ...]
    source: str = "<memory>"
    mail_title: Text = field(default_factory=Text)
    """How mails name the survey in a sentence (``{title}`` of a mail template); default:
    ``title``."""
    short_title: Text = field(default_factory=Text)
    """The survey's short name in mail subjects (``{short_title}``) and, by its first word,
    in the file names of attached forms; default: ``mail_title``."""

    def mail_titles(self, lang: str) -> tuple[str, str]:
        """``{title}`` and ``{short_title}`` of a mail in ``lang``."""
        title = (self.mail_title or self.title).get(lang, self.default_language)
        short = self.short_title.get(lang, self.default_language)
        return title, short or title

    @cached_property
    def categories(self) -> tuple[Category, ...]:
        return tuple(c for g in self.groups for c in g.categories)

    @cached_property
    def _category_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def _category_by_name(self) -> dict[str, Category]:
        named: dict[str, Category] = {}
        for c in self.categories:
            for name in (c.id, *c.label.values.values()):
                named.setdefault(name_key(name), c)
        short: dict[str, set[str]] = {}
        for c in self.categories:
            for name in c.label.values.values():
                short.setdefault(name_key(_BRACKETS_AFTER.sub("", name)), set()).add(c.id)
                for abbreviation in _abbreviations(name):
                    short.setdefault(name_key(abbreviation), set()).add(c.id)
        for key, ids in short.items():
            if len(ids) == 1 and key:
                named.setdefault(key, self._category_by_id[ids.pop()])
        return named

    def category_value(self, text: str) -> Category | None:
        """The category a person means by ``text``: its id or its label in any language, as
        :func:`name_key` compares them (``Psychotherapie``, ``psychotherapie``), its label
        without what it adds in brackets at its end where that names one category only
        (``Kontakt- und Beratungsstelle``, ``Werkstatt für behinderte Menschen``), an
        abbreviation its label gives in brackets where that names one category only (``SpDi``
        for „Sozialpsychiatrischer Dienst (SpD oder SPDi)“, ``MSO``: :func:`_abbreviations`), or
        its id spelt with umlauts (``Flüchtlingsberatung`` for ``fluechtlingsberatung``, ß as ss);
        ``None`` when no category fits."""
        key = name_key(text)
        return self._category_by_name.get(key) or self._category_by_name.get(key.translate(UMLAUTS))

    def category_named(self, text: str, lang: str | None = None) -> Category:
        """:meth:`category_value`, or an error listing every category by its id and its name
        in ``lang`` (default: the schema's language)."""
        found = self.category_value(text)
        if found is None:
            raise self.unknown_category(text, lang)
        return found

    def unknown_category(self, text: str, lang: str | None = None) -> UnknownCategoryError:
        """The error of :meth:`category_named` for ``text``, which names no category."""
        known = _named(((c.id, c.label) for c in self.categories), lang or self.default_language)
        return UnknownCategoryError(
            Said("regerr_unknown_category", text=shorten(text, len, 60), known=known)
        )

    def region_value(self, text: str) -> str | None:
        """The region a person means by ``text``: its value or its name in any language, case
        ignored (``Düsseldorf``, ``duesseldorf``), or its name without what it adds in brackets
        where that names one region only (``Rhein-Kreis Neuss`` for ``Rhein-Kreis Neuss
        (Neuss, Meerbusch)``); ``None`` when no region fits."""
        key = name_key(text)
        short = set()
        for r in self.regions:
            names = r.label.values.values()
            if key in (name_key(r.value), *map(name_key, names)):
                return r.value
            if key in {name_key(n.partition("(")[0]) for n in names if "(" in n}:
                short.add(r.value)
        return short.pop() if len(short) == 1 else None

    def region_of_town(self, town: str) -> str | None:
        """The region a town lies in, by the regions' names: the one named so
        (:meth:`region_value`), else the one whose name lists it in brackets (``Neuss`` in
        ``Rhein-Kreis Neuss (Neuss, Meerbusch)``); a town's district (``Neuss-Holzheim``,
        ``Düsseldorf-Bilk``) in its town's, where the whole is no town of a region; ``None``
        where none or several do."""
        if found := self.region_value(town):
            return found
        key = name_key(town)
        lists = {
            r.value
            for r in self.regions
            for n in r.label.values.values()
            if key in {name_key(t) for t in n.partition("(")[2].rstrip(")").split(",")}
        }
        if len(lists) == 1:
            return lists.pop()
        head, dash, _district = town.partition("-")
        return self.region_of_town(head) if dash and not lists and head.strip() else None

    def region_named(self, text: str, lang: str | None = None) -> str:
        """:meth:`region_value`, or an error listing every region by its value and its name in
        ``lang`` (default: the schema's language)."""
        value = self.region_value(text)
        if value is None and not self.regions:
            raise FormgenError(Said("regerr_no_regions", text=shorten(text, len, 60)))
        if value is None:
            known = _named(
                ((r.value, r.label) for r in self.regions), lang or self.default_language
            )
            raise FormgenError(
                Said("regerr_unknown_region", text=shorten(text, len, 60), known=known)
            )
        return value

    def category(self, category_id: str) -> Category:
        found = self._category_by_id.get(category_id)
        if found is not None:
            return found
        known = ", ".join(c.id for c in self.categories)
        raise UnknownCategoryError(
            f"unknown category '{category_id}' in schema '{self.schema_id}'; known: {known}"
        )

    def group(self, group_id: str) -> Group:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise FormgenError(f"unknown group '{group_id}' in schema '{self.schema_id}'")

    def institution_fields(self) -> tuple[Field, ...]:
        """Institution-scope fields, in order, as the first category defines them."""
        return self._institution_fields

    @cached_property
    def _institution_fields(self) -> tuple[Field, ...]:
        seen: dict[str, Field] = {}
        for c in self.categories:
            for f in c.fields:
                if f.scope is Scope.INSTITUTION and f.id not in seen:
                    seen[f.id] = f
        return tuple(seen.values())

    def entry_fields(self, category_id: str) -> tuple[Field, ...]:
        return self.category(category_id).entry_fields

    @cached_property
    def renamed_ids(self) -> Mapping[str, Mapping[str, str]]:
        """Scope (:data:`INSTITUTION` or a category id) → each id a field of it had before a
        rename (``renamed_from``) → its id now. Only scopes with a rename are named: empty when
        the schema renamed nothing."""
        current = {f.id for f in self.institution_fields()}
        scopes: dict[str, Mapping[str, str]] = {
            INSTITUTION: {
                old: f.id
                for f in self.institution_fields()
                for old in f.renamed_from
                if old not in current
            }
        }
        scopes |= {c.id: c.renamed_ids for c in self.categories}
        return {scope: ids for scope, ids in scopes.items() if ids}

    def current_key(self, scope: str, key: str) -> str:
        """``key`` (``contact_role``, ``languages_offered._other``) of a field of ``scope`` under
        the field's current id: a value stored or returned under an id from before a rename
        belongs to the renamed field. ``key`` itself when its field was not renamed."""
        renamed = self.renamed_ids.get(scope)
        if not renamed:
            return key
        fid = key.partition(".")[0]
        new = renamed.get(fid)
        return key if new is None else new + key[len(fid) :]

    def current_path(self, path: str) -> str:
        """``path`` (``psychotherapie.contact_role``) under the current id of its field, as
        :meth:`current_key`; ``path`` itself when its field was not renamed, found with a set
        look-up or two (a register maps every path of its history on every open)."""
        old = self.renamed_paths
        if path not in old and path.rpartition(".")[0] not in old:
            return path
        scope, _, key = path.partition(".")
        return f"{scope}.{self.current_key(scope, key)}"

    @cached_property
    def renamed_paths(self) -> frozenset[str]:
        """``scope.id`` (``psychotherapie.contact_role``) of each id a field had before a
        rename: a path is renamed when it or the part before its last dot is one of these."""
        return frozenset(f"{s}.{old}" for s, ids in self.renamed_ids.items() for old in ids)

    def region_label(self, value: str, lang: str | None = None) -> str:
        for r in self.regions:
            if r.value == value:
                return r.label.get(lang or self.default_language)
        return value

    def category_label(self, category_id: str, lang: str | None = None) -> str:
        """The name of a checklist in ``lang`` (default: the schema's language); the id of one
        the schema does not have (any more)."""
        found = self._category_by_id.get(category_id)
        return found.label.get(lang or self.default_language) if found else category_id

    def with_regions(self, regions: tuple[Choice, ...]) -> Schema:
        """The same schema with another list of regions (a workspace's own configuration); as it
        is where no field takes them (no institution field 'region'): the register is not split
        by region then, and recipients lists and gaps go without them."""
        if not any(f.id == "region" for f in self.institution_fields()):
            return self
        schema = self.with_fields(lambda f: replace(f, choices=regions) if f.id == "region" else f)
        return replace(schema, regions=regions)

    def with_fields(self, change: Callable[[Field], Field]) -> Schema:
        """The same schema with each field of every checklist as ``change`` gives it back."""

        def section(s: Section) -> Section:
            return replace(s, fields=tuple(change(f) for f in s.fields))

        def category(c: Category) -> Category:
            return replace(c, sections=tuple(section(s) for s in c.sections))

        groups = tuple(
            replace(g, categories=tuple(category(c) for c in g.categories)) for g in self.groups
        )
        return replace(self, groups=groups)

    @property
    def major_version(self) -> int:
        return int(self.schema_version.split(".")[0])


@dataclass(frozen=True)
class FieldPath:
    """A parsed field path (see the module docstring for the forms it takes)."""

    category: str
    """A category id, or :data:`INSTITUTION`."""
    block: int | None
    field: str
    option: str | None = None

    def __str__(self) -> str:
        parts = [self.category]
        if self.block is not None:
            parts.append(str(self.block))
        parts.append(self.field)
        if self.option is not None:
            parts.append(self.option)
        return ".".join(parts)

    @property
    def value_path(self) -> FieldPath:
        """The path of the whole value (without the option part)."""
        return replace(self, option=None)

    @classmethod
    def parse(cls, text: str) -> FieldPath:
        """Parse a path; raise :class:`FormgenError` with the reason when it is not one."""
        return _parse_path(text)


@lru_cache(maxsize=16384)
def _parse_path(text: str) -> FieldPath:
    """:meth:`FieldPath.parse`, remembered: every form of a schema repeats the same paths."""
    parts = text.split(".")
    if len(parts) < 2 or len(parts) > 4:
        raise FormgenError(f"'{text}' is not a formgen field path")
    category, rest = parts[0], parts[1:]
    block: int | None = None
    if rest and rest[0].isdigit():
        block = int(rest[0])
        rest = rest[1:]
        if block < 1:
            raise FormgenError(f"'{text}': entry blocks are numbered from 1")
    if not rest or len(rest) > 2:
        raise FormgenError(f"'{text}' is not a formgen field path")
    option = rest[1] if len(rest) == 2 else None
    if not ID_RE.match(category) or not ID_RE.match(rest[0]):
        raise FormgenError(f"'{text}' is not a formgen field path")
    if option is not None and option != OTHER and not ID_RE.match(option):
        raise FormgenError(f"'{text}' is not a formgen field path")
    return FieldPath(category, block, rest[0], option)


def checklist_path(category: str, block: int, field_id: str) -> FieldPath:
    return FieldPath(category, block, field_id)


def institution_path(schema: Schema, category: str, f: Field) -> FieldPath:
    """Where ``f`` of ``category`` sits in an institution form."""
    if f.scope is Scope.INSTITUTION:
        return FieldPath(INSTITUTION, None, f.id)
    return FieldPath(category, None, f.id)


def iter_checklist_paths(
    schema: Schema, category_ids: list[str]
) -> Iterator[tuple[FieldPath, Field]]:
    """Every value path of a checklist form for these categories, in printed order."""
    for cid in category_ids:
        cat = schema.category(cid)
        for block in range(1, cat.entry_blocks + 1):
            for f in cat.fields:
                yield checklist_path(cid, block, f.id), f


def iter_institution_paths(
    schema: Schema, category_ids: list[str]
) -> Iterator[tuple[FieldPath, Field]]:
    """Every value path of an institution form for these categories, in printed order."""
    for f in schema.institution_fields():
        yield FieldPath(INSTITUTION, None, f.id), f
    for cid in category_ids:
        for f in schema.entry_fields(cid):
            yield FieldPath(cid, None, f.id), f


def option_values(f: Field) -> tuple[str, ...]:
    """The option codes of a field with choices, in printed order: its checkboxes, or the entries
    of its drop-down list (without "other")."""
    if f.type is FieldType.LANGUAGE_LIST:
        return f.common
    if f.type is FieldType.YES_NO_NONE:
        return tuple(c.value for c in YES_NO_NONE_CHOICES)
    return tuple(c.value for c in f.choices)


def other_text(
    f: Field, codes: Iterable[str], typed: str, lang: str, named: Mapping[str, str] | None = None
) -> str:
    """What the "other" box of a multiple choice shows in a prefilled form: the names of the chosen
    codes that have no checkbox (Tamil, when the form offers no box for it), then the text typed
    there before; so a form hides nothing the register holds, and reading it back gives the same
    list. A code the institution named in its own words (``named``: „Kurdisch (Kurmancî)“,
    :attr:`formgen.record.InstitutionRecord.named`) is shown in them; so is one with a box
    whose words say more than its name (:func:`formgen.languages.says_more`: „Arabisch
    (Syrisch), Arabisch (Marokkanisch)“ beside the ticked „Arabisch“)."""
    boxed = set(option_values(f))
    named = named or {}
    names = [
        named.get(code) or option_label(f, code, lang)
        for code in codes
        if code not in boxed or (code in named and languages.says_more(named[code], code))
    ]
    return ", ".join([*names, *([typed] if typed else [])])


def choices_of(f: Field) -> tuple[Choice, ...]:
    """The choices of a field, including the fixed three of ``yes_no_none``."""
    if f.type is FieldType.YES_NO_NONE:
        return YES_NO_NONE_CHOICES
    return f.choices


def choice_value(f: Field, text: str) -> str | None:
    """The choice value ``text`` names: the value itself or a label (any language, any case): a
    returned form's, a table's, a recipients list's cell."""
    key = folded(text)
    for c in choices_of(f):
        if c.value == text or c.value.casefold() == key:
            return c.value
        if any(folded(v) == key for v in c.label.values.values()):
            return c.value
    return None


def folded(text: str) -> str:
    """``text`` as compared with a label: blanks folded, case ignored."""
    return " ".join(text.split()).casefold()


def option_label(f: Field, option: str, lang: str) -> str:
    """The label of one option of ``f`` in ``lang``: a language's name for a language list, the
    choice's label otherwise (the code itself when the schema does not know it)."""
    if f.type is FieldType.LANGUAGE_LIST:
        return languages.name(option, lang)
    choice = next((c for c in choices_of(f) if c.value == option), None)
    return choice.label.get(lang) if choice else option
