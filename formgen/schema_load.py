"""Load a schema file (YAML), check it, and build the :mod:`formgen.model`.

Checking runs in two passes and reports *every* problem with its file and line:

1. structure, against ``schema/formgen-schema.json`` (the same file editors validate with):
   unknown keys (with a "did you mean"), wrong value types, missing keys, malformed ids;
2. meaning: duplicate ids, unknown field types (with a "did you mean"), missing translations,
   renames that collide, references to unknown field sets or fields, impossible constraints.

The shipped schema, which every command loads, skips pass 1 (:func:`default_schema`): the
tests check it, and jsonschema is loaded only for a schema file of a coordinator.

Message texts live in :data:`formgen.messages.WORDS` (the ``schema_problem_`` words), so tests
and docs refer to one place: a problem's message is a :class:`~formgen.messages.Said`, its
English as before, said in the workspace's language by ``formgen schema check``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, partial
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import yaml

from formgen import languages
from formgen.errors import Problem, SchemaError, problem_count
from formgen.filenames import NOT_TEXT, shown
from formgen.linebreak import collapse
from formgen.messages import Said, os_error_said
from formgen.model import (
    CONFIRMED_ON,
    ID_PATTERN,
    OTHER,
    Category,
    Choice,
    Constraints,
    Field,
    FieldType,
    Group,
    Schema,
    Scope,
    Section,
    Text,
)

if TYPE_CHECKING:
    import jsonschema

DEFAULT_ENTRY_BLOCKS = 5
DEFAULT_STALE_AFTER_DAYS = 365
MAX_SCHEMA_BYTES = 5_000_000
MANY_UNTRANSLATED = 10
"""From this many texts without a language on, one line first says how many (a language just
added to ``languages``), before the line of each."""


def _msg(name: str, /, **kwargs: Any) -> Said:
    """The problem ``name`` (the words ``schema_problem_NAME``) with ``kwargs``."""
    return Said(f"schema_problem_{name}", **kwargs)


def _named(name: str, /, **kwargs: Any) -> Callable[[], Said]:
    """What a text belongs to (``field 'x'``, the words ``schema_problem_what_NAME``), said
    only for a problem: a schema has a thousand texts, and every command loads one."""
    return partial(_msg, f"what_{name}", **kwargs)


def did_you_mean(value: str, options: list[str]) -> str:
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return Said("import_did_you_mean", name=close[0]) if close else ""


# --------------------------------------------------------------------------- reading YAML

Path_ = tuple[str | int, ...]


@dataclass
class _Doc:
    """Parsed YAML data with the line of every node and key, for messages."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        while True:
            if path in self.key_lines:
                return self.key_lines[path]
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it (the wheels are): it gives the same nodes and
line marks twelve times faster (6 ms against 72 ms for the Arbeitshilfe), and every command
loads the schema."""


def _indented_with_tab(text: str, line: int) -> bool:
    """Whether line ``line`` (from 1) of ``text`` has a tab in its indentation."""
    lines = text.splitlines()
    said = lines[line - 1] if 0 < line <= len(lines) else ""
    return "\t" in said[: len(said) - len(said.lstrip(" \t"))]


_MAX_VALUES = 100_000
"""Values (mappings, lists, scalars) a schema file may stand for, its aliases repeated: the
Arbeitshilfe has about 1,000. A few lines of aliases of aliases („billion laughs“) stand for
billions, which took minutes and all memory."""


def _read_yaml(text: str, source: str, problems: list[Problem]) -> _Doc | None:
    try:
        deep = _too_deep(text)
        if deep is not None:  # composed, it crashed Python (50,000 '[') or its walk (1,000)
            problems.append(Problem(source, deep, _msg("too_deep", limit=_MAX_DEPTH)))
            return None
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        tabbed = line is not None and _indented_with_tab(text, line)
        message = _msg("yaml_tab") if tabbed else _msg("yaml", problem=problem)
        problems.append(Problem(source, line, message))
        return None
    if root is None:
        problems.append(Problem(source, None, _msg("not_mapping")))
        return None
    doc = _Doc(None)
    constructor = yaml.SafeLoader("")
    values = 0

    def walk(node: yaml.Node, path: Path_) -> Any:
        nonlocal values
        values += 1
        if values > _MAX_VALUES:
            raise _TooManyValues
        doc.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node)
                key = str(key)
                if key in out:
                    problems.append(
                        Problem(
                            source, key_node.start_mark.line + 1, _msg("duplicate_key", name=key)
                        )
                    )
                doc.key_lines[(*path, key)] = key_node.start_mark.line + 1
                out[key] = walk(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [walk(item, (*path, i)) for i, item in enumerate(node.value)]
        return constructor.construct_object(node)

    try:
        doc.data = walk(root, ())
    except _TooManyValues:
        problems.append(Problem(source, None, _msg("aliases", limit=_MAX_VALUES)))
        return None
    except yaml.YAMLError as exc:  # e.g. a bad timestamp or tag inside a scalar
        mark = getattr(exc, "problem_mark", None)
        problems.append(
            Problem(source, mark.line + 1 if mark else None, _msg("yaml", problem=str(exc)))
        )
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(source, 1, _msg("not_mapping")))
        return None
    return doc


_MAX_DEPTH = 100
_OPEN = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _too_deep(text: str) -> int | None:
    """The line (from 1) where ``text``'s lists and mappings nest deeper than
    :data:`_MAX_DEPTH`, read token by token (without recursion); ``None`` where they do not."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=_LOADER):
            depth += isinstance(token, _OPEN) - isinstance(token, _CLOSE)
            if depth > _MAX_DEPTH:
                line: int = token.start_mark.line + 1
                return line
    except yaml.YAMLError as exc:
        # libyaml from PyYAML 6.0.4 stops at its own limit (1,000 deep) before it gives the
        # tokens up to there: deeper than ours too
        if "nesting depth" not in str(getattr(exc, "problem", "")):
            raise
        mark = getattr(exc, "problem_mark", None)
        return mark.line + 1 if mark is not None else 1
    return None


class _TooManyValues(Exception):
    """A schema file stands for more than :data:`_MAX_VALUES` values."""


# --------------------------------------------------------------------------- structure


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema for schema files (``schema/formgen-schema.json``)."""
    data: dict[str, Any] = json.loads(
        _schema_dir().joinpath("formgen-schema.json").read_text("utf-8")
    )
    return data


def _where(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _type_name(value: Any) -> str:
    said = {
        dict: "mapping",
        list: "list",
        str: "text",
        bool: "yes_no",
        int: "number",
        float: "number",
        type(None): "empty",
    }.get(type(value))
    return _msg(f"type_{said}") if said else type(value).__name__


_EXPECTED = ("object", "array", "string", "integer", "boolean")
"""The JSON Schema types a problem says in words (``schema_problem_expected_TYPE``)."""


def _structure_problems(doc: _Doc, source: str) -> list[Problem]:
    import jsonschema  # 100 ms to import: only for a schema file that is not the shipped one

    validator = jsonschema.Draft202012Validator(json_schema())
    problems: list[Problem] = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.path]):
        problems.extend(_explain(error, doc, source))
    return problems


def _explain(error: jsonschema.ValidationError, doc: _Doc, source: str) -> Iterator[Problem]:
    path: Path_ = tuple(error.absolute_path)
    where = _where(path)
    kind = error.validator
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        props = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        allowed = sorted(props)
        for key in error.instance:
            if key not in allowed:
                yield Problem(
                    source,
                    doc.line((*path, key)),
                    _msg(
                        "unknown_key",
                        name=key,
                        hint=did_you_mean(key, allowed),
                        allowed=", ".join(allowed),
                    ),
                )
        return
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        yield Problem(source, doc.line(path), _msg("missing_key", name=missing))
        return
    if kind == "type":
        wanted = str(error.validator_value)
        expected = _msg(f"expected_{wanted}") if wanted in _EXPECTED else wanted
        yield Problem(
            source,
            doc.line(path),
            _msg("bad_type", where=where, expected=expected, actual=_type_name(error.instance)),
        )
        return
    if kind == "pattern" and path and path[-1] in ("schema_version",):
        yield Problem(source, doc.line(path), _msg("bad_version", value=error.instance))
        return
    if kind == "pattern" or (kind == "propertyNames"):
        value = error.instance
        yield Problem(source, doc.line(path), _msg("bad_id", value=value, pattern=ID_PATTERN))
        return
    if kind == "enum" and path and path[-1] == "type":
        known = [t.value for t in FieldType]
        field_id = _lookup(doc.data, (*path[:-1], "id"))
        yield Problem(
            source,
            doc.line(path),
            _msg(
                "unknown_type",
                field=field_id,
                value=error.instance,
                hint=did_you_mean(str(error.instance), known),
                known=", ".join(known),
            ),
        )
        return
    if kind == "enum":
        yield Problem(
            source,
            doc.line(path),
            _msg("bad_value", where=where, value=error.instance, allowed=error.validator_value),
        )
        return
    if kind in ("minimum", "minItems"):
        yield Problem(
            source,
            doc.line(path),
            _msg("too_small", where=where, value=error.instance, limit=error.validator_value),
        )
        return
    yield Problem(source, doc.line(path), _msg("generic", where=where, message=error.message))


def _lookup(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


# --------------------------------------------------------------------------- meaning + model


class _Builder:
    def __init__(self, doc: _Doc, source: str) -> None:
        self.doc = doc
        self.source = source
        self.problems: list[Problem] = []
        self.languages: tuple[str, ...] = tuple(doc.data["languages"])
        self.regions: tuple[Choice, ...] = ()
        self.origin: dict[int, Path_] = {}
        """id() of every built Field → the path of its definition, for line numbers."""
        self.untranslated: dict[str, set[Problem]] = {}
        """Language → the problems of texts without it (once each, as a field set shared by
        several categories is checked per category)."""

    def problem(self, path: Path_, name: str, /, **kwargs: Any) -> None:
        self.problems.append(Problem(self.source, self.doc.line(path), _msg(name, **kwargs)))

    def note(self, path: Path_, name: str, /, **kwargs: Any) -> None:
        """What the file means for formgen, not a mistake (:attr:`Problem.note`)."""
        said = _msg(name, **kwargs)
        self.problems.append(Problem(self.source, self.doc.line(path), said, note=True))

    def text(
        self,
        raw: dict[str, str] | None,
        path: Path_,
        what: Callable[[], str],
        required: bool = True,
    ) -> Text:
        raw = raw or {}
        if required or raw:
            for lang in self.languages:
                if not str(raw.get(lang, "")).strip():
                    self.problem(
                        path,
                        "missing_translation",
                        what=what(),
                        language=lang,
                        languages=", ".join(self.languages),
                    )
                    self.untranslated.setdefault(lang, set()).add(self.problems[-1])
        for lang, said in raw.items():
            # a tab or line break in a text is a space (collapse); no other control character is text
            control = NOT_TEXT.search(str(said))
            if control is not None:
                self.problem(
                    (*path, lang),
                    "control_character",
                    what=what(),
                    language=lang,
                    char=shown(control.group()),
                )
        return Text(MappingProxyType({k: collapse(str(v)) for k, v in raw.items()}))

    def untranslated_summary(self) -> list[Problem]:
        """One line per language that many texts lack (:data:`MANY_UNTRANSLATED`), at the line
        of ``languages``."""
        return [
            Problem(
                self.source,
                self.doc.line(("languages",)),
                _msg(
                    "missing_translations",
                    count=len(found),
                    language=lang,
                    languages=", ".join(self.languages),
                ),
                summary=True,
            )
            for lang, found in self.untranslated.items()
            if len(found) >= MANY_UNTRANSLATED
        ]

    def long_text(self, raw: dict[str, str] | None, path: Path_, what: Callable[[], str]) -> Text:
        """Like :meth:`text` but keeps paragraph breaks (blank lines) of descriptions."""
        text = self.text(raw, path, what, required=True)
        raw = raw or {}
        kept = {
            k: "\n\n".join(collapse(p) for p in str(v).split("\n\n") if p.strip())
            for k, v in raw.items()
        }
        return replace(text, values=MappingProxyType(kept))

    def choices(self, raw: list[dict[str, Any]], path: Path_, field_id: str) -> tuple[Choice, ...]:
        seen: set[str] = set()
        out = []
        for i, c in enumerate(raw):
            value = c["value"]
            if value in seen:
                self.problem((*path, i, "value"), "duplicate_choice", field=field_id, value=value)
            if value == OTHER:
                self.problem((*path, i, "value"), "reserved_choice", field=field_id, value=value)
            seen.add(value)
            out.append(
                Choice(
                    value,
                    self.text(
                        c["label"],
                        (*path, i, "label"),
                        _named("choice", value=value, field=field_id),
                    ),
                )
            )
        return tuple(out)

    def constraints(self, raw: dict[str, Any] | None, path: Path_, field_id: str) -> Constraints:
        raw = dict(raw or {})
        hint = raw.pop("pattern_hint", None)
        cons = Constraints(
            **raw,
            pattern_hint=self.text(
                hint,
                (*path, "pattern_hint"),
                _named("pattern_hint", field=field_id),
                required=False,
            ),
        )
        for low_key, high_key in (("min_length", "max_length"), ("minimum", "maximum")):
            low, high = raw.get(low_key), raw.get(high_key)
            if low is not None and high is not None and low > high:
                self.problem(
                    path,
                    "min_max",
                    field=field_id,
                    low_key=low_key,
                    low=low,
                    high_key=high_key,
                    high=high,
                )
        if cons.pattern is not None:
            try:
                re.compile(cons.pattern)
            except re.error as exc:
                self.problem((*path, "pattern"), "bad_pattern", field=field_id, error=str(exc))
        elif cons.pattern_hint:
            self.problem((*path, "pattern_hint"), "hint_without_pattern", field=field_id)
        return cons

    def field(self, raw: dict[str, Any], path: Path_) -> Field:
        fid = raw["id"]
        ftype = FieldType(raw["type"])
        what = _named("field", id=fid)
        choices: tuple[Choice, ...] = ()
        if "choices" in raw:
            choices = self.choices(raw["choices"], (*path, "choices"), fid)
        elif raw.get("choices_from") == "regions":
            if not self.regions:
                self.problem((*path, "choices_from"), "no_regions", field=fid)
            choices = self.regions
        if (
            ftype in (FieldType.SELECT_ONE, FieldType.SELECT_MULTIPLE)
            and not choices
            and "choices_from" not in raw
        ):
            self.problem(path, "needs_choices", field=fid, type=ftype.value)
        if ftype not in (FieldType.SELECT_ONE, FieldType.SELECT_MULTIPLE) and "choices" in raw:
            self.problem((*path, "choices"), "choices_not_allowed", field=fid, type=ftype.value)
        if fid == "region" and (
            ftype is not FieldType.SELECT_ONE
            or raw.get("scope") != Scope.INSTITUTION
            or "choices" in raw
        ):  # the register's regions: recipients lists, find, gaps and the print go by them
            self.note(path, "region_field")
        common = tuple(raw.get("common", ()))
        for i, code in enumerate(common):
            if code not in languages.LANGUAGES:
                self.problem(
                    (*path, "common", i),
                    "unknown_language",
                    field=fid,
                    value=code,
                    hint=did_you_mean(code, list(languages.LANGUAGES)),
                )
        lines = int(raw.get("lines", 4 if ftype is FieldType.TEXTAREA else 1))
        built = Field(
            id=fid,
            type=ftype,
            label=self.text(raw["label"], (*path, "label"), what),
            help=self.text(
                raw.get("help"), (*path, "help"), _named("field_help", id=fid), required=False
            ),
            required=bool(raw.get("required", False)),
            scope=Scope(raw.get("scope", "entry")),
            constraints=self.constraints(raw.get("constraints"), (*path, "constraints"), fid),
            choices=choices,
            common=common,
            widget=raw.get("widget"),
            lines=lines,
            renamed_from=tuple(raw.get("renamed_from", ())),
            former_labels=tuple(
                self.text(t, (*path, "former_labels", i), what)
                for i, t in enumerate(raw.get("former_labels", ()))
            ),
            personal=bool(raw.get("personal", False)),
        )
        self.origin[id(built)] = path
        return built

    def sections(self, raw: list[dict[str, Any]], path: Path_) -> tuple[Section, ...]:
        out = []
        for i, s in enumerate(raw):
            spath = (*path, i)
            section = _named("section", id=s["id"])
            fields = tuple(self.field(f, (*spath, "fields", j)) for j, f in enumerate(s["fields"]))
            if not fields:  # valid, and shown nowhere
                self.note(spath, "empty_section", section=s["id"])
            out.append(
                Section(
                    id=s["id"],
                    label=self.text(s["label"], (*spath, "label"), section),
                    help=self.text(
                        s.get("help"),
                        (*spath, "help"),
                        _named("section_help", id=s["id"]),
                        required=False,
                    ),
                    fields=fields,
                )
            )
        return tuple(out)

    def category(
        self,
        raw: dict[str, Any],
        path: Path_,
        group: dict[str, Any],
        field_sets: dict[str, tuple[Section, ...]],
        default_set: str | None,
    ) -> Category:
        cid = raw["id"]
        named = _named("category", id=cid)
        set_name = raw.get("field_set", default_set)
        sections: tuple[Section, ...] = ()
        if set_name is None:
            self.problem(path, "no_default_field_set", category=cid)
        elif set_name not in field_sets:
            self.problem(
                (*path, "field_set") if "field_set" in raw else path,
                "unknown_field_set",
                category=cid,
                value=set_name,
                hint=did_you_mean(set_name, list(field_sets)),
                known=", ".join(field_sets) or "(none)",
            )
        else:
            sections = field_sets[set_name]
        known_ids = [f.id for s in sections for f in s.fields]

        overrides = raw.get("overrides", {})
        for fid in overrides:
            if fid not in known_ids:
                self.problem(
                    (*path, "overrides", fid),
                    "unknown_override",
                    category=cid,
                    what="overrides",
                    value=fid,
                    hint=did_you_mean(fid, known_ids),
                )
        removed = set(raw.get("remove_fields", ()))
        for i, fid in enumerate(raw.get("remove_fields", ())):
            if fid not in known_ids:
                self.problem(
                    (*path, "remove_fields", i),
                    "unknown_override",
                    category=cid,
                    what="remove_fields",
                    value=fid,
                    hint=did_you_mean(fid, known_ids),
                )
        added = raw.get("add_fields", {})
        section_ids = [s.id for s in sections]
        for sid in added:
            if sid not in section_ids:
                self.problem(
                    (*path, "add_fields", sid),
                    "unknown_section",
                    category=cid,
                    value=sid,
                    hint=did_you_mean(sid, section_ids),
                )

        new_sections = []
        for s in sections:
            fields = []
            for f in s.fields:
                if f.id in removed:
                    continue
                if f.id in overrides:
                    f = self.override(f, overrides[f.id], (*path, "overrides", f.id))
                fields.append(f)
            for j, fraw in enumerate(added.get(s.id, ())):
                fields.append(self.field(fraw, (*path, "add_fields", s.id, j)))
            new_sections.append(replace(s, fields=tuple(fields)))
        if sections and not any(s.fields for s in new_sections):
            self.problem(path, "no_fields", category=cid)

        category = Category(
            id=cid,
            group="",
            label=self.text(raw["label"], (*path, "label"), named),
            description=self.long_text(
                raw["description"],
                (*path, "description"),
                _named("category_description", id=cid),
            ),
            entry_blocks=int(
                raw.get("entry_blocks", group.get("entry_blocks", DEFAULT_ENTRY_BLOCKS))
            ),
            stale_after_days=int(
                raw.get("stale_after_days", group.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS))
            ),
            sections=tuple(new_sections),
        )
        self.check_field_ids(category)
        return category

    def override(self, f: Field, over: dict[str, Any], path: Path_) -> Field:
        changes: dict[str, Any] = {}
        what = _named("override", id=f.id)
        if "label" in over:
            changes["label"] = self.text(over["label"], (*path, "label"), what)
        if "help" in over:
            changes["help"] = self.text(over["help"], (*path, "help"), what)
        if "required" in over:
            changes["required"] = bool(over["required"])
        if "constraints" in over:
            changes["constraints"] = self.constraints(
                over["constraints"], (*path, "constraints"), f.id
            )
        if "choices" in over:
            changes["choices"] = self.choices(over["choices"], (*path, "choices"), f.id)
        if "common" in over:
            changes["common"] = tuple(over["common"])
        if "lines" in over:
            changes["lines"] = int(over["lines"])
        changed = replace(f, **changes)
        self.origin[id(changed)] = self.origin.get(id(f), path)
        return changed

    def check_field_ids(self, category: Category) -> None:
        """Duplicate ids and colliding renames, reported at the line of the field concerned.

        Fields of a shared field set are checked in every category that uses it; the messages do
        not name the category, so a mistake in the set is reported once (see ``problems``).
        """
        first: dict[str, Field] = {}
        for f in category.fields:
            if f.id in first:
                self.problem(
                    self.origin.get(id(f), ()),
                    "duplicate_id",
                    kind=_msg("kind_field"),
                    value=f.id,
                    first=self.doc.line(self.origin.get(id(first[f.id]), ())),
                )
            first.setdefault(f.id, f)
        claimed: dict[str, str] = {}
        for f in category.fields:
            where = (*self.origin.get(id(f), ()), "renamed_from")
            for old in f.renamed_from:
                if old in first:
                    why = _msg("why_current")
                elif old in claimed:
                    why = _msg("why_claimed", field=claimed[old])
                else:
                    claimed[old] = f.id
                    continue
                self.problem(where, "rename_collides", field=f.id, value=old, why=why)

    def check_reserved(self, categories: list[Category], paths: dict[str, Path_]) -> None:
        """The ids formgen relies on (README, "Ids formgen relies on"): without the
        institution's ``name`` and ``email`` no form can be mailed (:data:`MAIL_NEEDS`: ``formgen
        mail`` refuses), without an entry's :data:`CONFIRMED_ON` no entry becomes stale by age,
        without ``region`` the register has no regions. Notes all, never problems: a workspace
        made before formgen checked them, and the versions it issued (kept as issued), must
        still open, read its returns, export and erase. ``paths``: each category's, for the
        line of a note."""
        ids = set()
        for c in categories:
            for f in c.fields:
                ids.add(f.id)
                where = self.origin.get(id(f), ())
                if f.id == "name" and f.scope is not Scope.INSTITUTION:
                    self.note(where, "name_field")
                if f.id == "email" and (
                    f.scope is not Scope.INSTITUTION or f.type is not FieldType.EMAIL
                ):
                    self.note(where, "email_field")
                if f.id == CONFIRMED_ON and (
                    f.scope is not Scope.ENTRY or f.type is not FieldType.DATE
                ):
                    self.note(where, "date_field")
        for fid in ("name", "email"):
            if ids and fid not in ids:  # none: no field set found, said above
                self.note(("field_sets",), f"no_{fid}")
        undated = [
            c for c in categories if c.fields and all(f.id != CONFIRMED_ON for f in c.entry_fields)
        ]
        if undated:
            dates = {f.id: f for c in undated for f in c.entry_fields if f.type is FieldType.DATE}
            self.note(
                paths[undated[0].id],
                "no_date",
                categories=", ".join(c.id for c in undated),
                hint=_msg("no_date_hint", field=next(iter(dates))) if dates else "",
            )
        if not self.regions and "region" not in ids:
            self.note(("field_sets",), "no_regions_at_all")

    def build(self) -> Schema:
        data = self.doc.data
        if data["default_language"] not in self.languages:
            self.problem(
                ("default_language",),
                "default_language",
                value=data["default_language"],
                languages=str(list(self.languages)),
            )
        self.regions = self.choices(data.get("regions", []), ("regions",), "region")

        field_sets: dict[str, tuple[Section, ...]] = {}
        for name, fs in data["field_sets"].items():
            field_sets[name] = self.sections(fs["sections"], ("field_sets", name, "sections"))
        default_set = data.get("default_field_set")
        if default_set is not None and default_set not in field_sets:
            self.problem(
                ("default_field_set",),
                "unknown_field_set",
                category="(default)",
                value=default_set,
                hint=did_you_mean(default_set, list(field_sets)),
                known=", ".join(field_sets) or "(none)",
            )
            default_set = None
        if default_set is None and len(field_sets) == 1:
            default_set = next(iter(field_sets))

        groups = []
        cat_lines: dict[str, int | None] = {}
        cat_paths: dict[str, Path_] = {}
        group_lines: dict[str, int | None] = {}
        for g_i, g in enumerate(data["groups"]):
            gpath: Path_ = ("groups", g_i)
            named = _named("group", id=g["id"])
            if g["id"] in group_lines:
                self.problem(
                    (*gpath, "id"),
                    "duplicate_id",
                    kind=_msg("kind_group"),
                    value=g["id"],
                    first=group_lines[g["id"]],
                )
            group_lines.setdefault(g["id"], self.doc.line((*gpath, "id")))
            cats = []
            for c_i, c in enumerate(g["categories"]):
                cpath: Path_ = (*gpath, "categories", c_i)
                if c["id"] in cat_lines:
                    self.problem(
                        (*cpath, "id"),
                        "duplicate_id",
                        kind=_msg("kind_category"),
                        value=c["id"],
                        first=cat_lines[c["id"]],
                    )
                cat_lines.setdefault(c["id"], self.doc.line((*cpath, "id")))
                cat_paths.setdefault(c["id"], cpath)
                cat = self.category(c, cpath, g, field_sets, default_set)
                cats.append(replace(cat, group=g["id"]))
            groups.append(
                Group(
                    id=g["id"],
                    label=self.text(g["label"], (*gpath, "label"), named),
                    description=self.long_text(
                        g.get("description"),
                        (*gpath, "description"),
                        _named("group_description", id=g["id"]),
                    )
                    if g.get("description")
                    else Text(),
                    categories=tuple(cats),
                )
            )
        self.check_reserved([c for g in groups for c in g.categories], cat_paths)
        return Schema(
            schema_id=data["schema_id"],
            schema_version=data["schema_version"],
            default_language=data["default_language"],
            languages=self.languages,
            title=self.text(data["title"], ("title",), _named("title")),
            description=self.long_text(
                data["description"], ("description",), _named("schema_description")
            )
            if data.get("description")
            else Text(),
            regions=self.regions,
            groups=tuple(groups),
            source=self.source,
            mail_title=self.text(
                data.get("mail_title"), ("mail_title",), _named("mail_title"), required=False
            ),
            short_title=self.text(
                data.get("short_title"), ("short_title",), _named("short_title"), required=False
            ),
        )


# --------------------------------------------------------------------------- public API


def check_schema_text(
    text: str, source: str = "<schema>", *, structure_checked: bool = False
) -> tuple[Schema | None, list[Problem]]:
    """Check a schema given as YAML text: the model (when valid) and every problem found.

    ``structure_checked`` skips the first pass (against ``formgen-schema.json``): only for the
    shipped schema, which the tests check (tests/test_schema_default.py)."""
    problems: list[Problem] = []
    doc = _read_yaml(text, source, problems)
    if doc is None:
        return None, problems
    structure = [] if structure_checked else _structure_problems(doc, source)
    if structure or problems:
        return None, problems + structure
    builder = _Builder(doc, source)
    schema = builder.build()
    problems.extend(dict.fromkeys(builder.problems))  # a shared field set is checked per category
    problems.sort(key=lambda p: p.line or 0)
    problems[:0] = builder.untranslated_summary()  # first, before the line of each text
    return (None if problem_count(problems) else schema), problems


def load_schema_text(
    text: str, source: str = "<schema>", *, structure_checked: bool = False
) -> Schema:
    """Build the model from YAML text; raise :class:`SchemaError` listing every problem.
    ``structure_checked``: see :func:`check_schema_text`."""
    schema, problems = check_schema_text(text, source, structure_checked=structure_checked)
    if schema is None:
        raise SchemaError(problems)
    return schema


def check_schema(path: str | Path) -> tuple[Schema | None, list[Problem]]:
    """Check a schema file: the model (when valid) and every problem found, each with its line."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SCHEMA_BYTES:
            return None, [
                Problem(str(path), None, _msg("too_big", size=size, limit=MAX_SCHEMA_BYTES))
            ]
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [
            Problem(
                str(path),
                None,
                _msg("not_utf8", reason=exc.reason, start=exc.start),
            )
        ]
    except OSError as exc:
        return None, [Problem(str(path), None, _msg("cannot_read", why=os_error_said(exc)))]
    return check_schema_text(text, str(path))


MAIL_NEEDS = frozenset(
    f"schema_problem_{name}" for name in ("no_name", "no_email", "name_field", "email_field")
)
"""The notes of a schema that leave formgen no name or address to mail an institution at."""


def mail_problems(path: str | Path) -> list[Problem]:
    """What in the schema file ``path`` keeps formgen from mailing its institutions (the notes
    of :data:`MAIL_NEEDS`, as problems with their lines): ``formgen mail`` refuses with them
    before anything is made, instead of every row failing. Everything else works without."""
    _model, problems = check_schema(path)
    return [
        replace(p, note=False)
        for p in problems
        if p.note and isinstance(p.message, Said) and p.message.key in MAIL_NEEDS
    ]


def load_schema(path: str | Path) -> Schema:
    """Load and check a schema file; raise :class:`SchemaError` listing every problem."""
    schema, problems = check_schema(path)
    if schema is None:
        raise SchemaError(problems)
    return schema


def _schema_dir() -> Any:
    """The folder of the shipped schemas, installed as package data ``formgen.schema``."""
    try:
        return resources.files("formgen.schema")
    except ModuleNotFoundError:  # running from a source tree that was not installed
        return Path(__file__).resolve().parent.parent / "schema"


DEFAULT_SCHEMA = "arbeitshilfe.yaml"


def shipped_schema_path(name: str = DEFAULT_SCHEMA) -> Path:
    """The path of a schema shipped with formgen (``arbeitshilfe.yaml`` by default)."""
    return Path(str(_schema_dir().joinpath(name)))


@cache
def default_schema() -> Schema:
    """The shipped Arbeitshilfe schema (loaded once). Its structure is not checked against
    ``formgen-schema.json`` here: the tests do that, and every command loads this schema, so it
    does not wait for jsonschema. Any other schema file is checked in full (:func:`load_schema`)."""
    path = shipped_schema_path()
    return load_schema_text(path.read_text("utf-8"), str(path), structure_checked=True)
