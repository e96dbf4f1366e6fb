"""The schema versions a workspace can ingest: the current schema plus the older ones.

A form is validated against the schema version it was made with (its identity names
``schema_id`` and ``schema_version``), then mapped to the current version. Older versions live
as plain schema files, one per version, in a folder by schema id::

    <folder>/<schema_id>/<schema_version>.yaml     e.g. schemas/arbeitshilfe_migration_psychiatrie/1.0.0.yaml

Folders searched, first hit wins: the workspace's own ``DIR/schemas/``, then the shipped
``schema/versions/`` (formgen's package data). A workspace keeps each version it issued forms
with in its folder by itself (:meth:`formgen.workspace.Workspace.record_issued`), and a release
copies the outgoing shipped version to its folder, so forms already sent out keep ingesting
when the schema changes. Files are loaded only when a form of that version arrives, and checked
to contain the id and version their path promises.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from formgen.errors import QuarantineError, SchemaError
from formgen.linebreak import shorten
from formgen.messages import Said, SaidJoined
from formgen.model import INSTITUTION, Choice, Field, FieldType, Schema, choices_of
from formgen.schema_load import load_schema, shipped_schema_path
from formgen.workspace import SCHEMAS

VERSIONS_DIR = "versions"
"""Folder of older shipped schema versions, next to the shipped schema files."""
WORKSPACE_DIR = SCHEMAS
"""Folder of a workspace's own older schema versions (kept there as forms are issued)."""


class SchemaRegistry:
    """Look up a schema by id and version; the current one is :attr:`current`.

    ``folders`` are searched in order; the first is where the message of an unknown version
    says to put its file (a workspace's ``schemas/``)."""

    def __init__(
        self,
        current: Schema,
        older: Iterable[Schema] = (),
        folders: Iterable[Path] = (),
        regions: tuple[Choice, ...] | None = None,
    ) -> None:
        self.current = current
        self._folders = [Path(f) for f in folders]
        self._regions = regions
        self._known: dict[tuple[str, str], Schema] = {
            (current.schema_id, current.schema_version): current
        }
        for s in older:
            self._known.setdefault((s.schema_id, s.schema_version), s)
        self._dropped: dict[str, dict[str, Choice]] | None = None
        """Field id → option → its choice in the older versions (:meth:`dropped_choice`)."""

    @classmethod
    def for_workspace(
        cls, root: Path, current: Schema, regions: tuple[Choice, ...] = ()
    ) -> SchemaRegistry:
        """The registry of a workspace: its schema, its ``schemas/`` folder, the shipped versions.
        ``regions``, the workspace's own (``workspace.toml``), replace the older versions' too, so
        a region chosen in an old form is checked against the list that form offered; without
        them each version has the regions of its file (one a later version dropped included)."""
        folders = [root / WORKSPACE_DIR, shipped_schema_path().parent / VERSIONS_DIR]
        return cls(current, folders=folders, regions=regions or None)

    def known_versions(self) -> list[str]:
        """``id version`` of every schema found (loaded or in a folder), for messages."""
        out = {f"{sid} {ver}" for sid, ver in self._known}
        for folder in self._folders:
            if folder.is_dir():
                out.update(
                    f"{p.parent.name} {p.stem}" for p in folder.glob("*/*.yaml") if p.is_file()
                )
        return sorted(out)

    def dropped_choice(self, f: Field, option: str) -> Choice | None:
        """The choice ``option`` of the current field ``f`` (or of the field it was renamed
        from) as the newest older version offering it names it: a choice the current version
        dropped (a region merged into another) that the register may still hold. ``None`` when
        no version kept here offered it."""
        return self.older_choices(f).get(option)

    def older_choices(self, f: Field) -> dict[str, Choice]:
        """Every choice the older versions kept here offer for the current field ``f`` (or the
        field it was renamed from), by its value, as the newest version offering it names it
        (:meth:`dropped_choice`)."""
        if self._dropped is None:
            self._dropped = {}
            for schema in self.older:  # the newest label wins
                for c in schema.categories:
                    for old in c.fields:
                        for choice in choices_of(old):
                            self._dropped.setdefault(old.id, {})[choice.value] = choice
        found: dict[str, Choice] = {}
        for fid in (*reversed(f.renamed_from), f.id):  # the field's own id wins
            found |= self._dropped.get(fid, {})
        return found

    @cached_property
    def older(self) -> list[Schema]:
        """The older versions of the current schema kept here, oldest first (a damaged file
        names nothing)."""
        cur = self.current
        older = [
            ver
            for sid, ver in (known.split(" ", 1) for known in self.known_versions())
            if sid == cur.schema_id and ver != cur.schema_version
        ]
        out = []
        for ver in sorted(older, key=_version_key):
            with contextlib.suppress(QuarantineError):
                out.append(self.get(cur.schema_id, ver))
        return out

    def older_field(self, scope: str, key: str) -> Field | None:
        """The field of ``key`` in ``scope`` (as :func:`ingest.labels.field_of` finds it) as
        the newest older version kept here that has it defines it: one the current version
        dropped, which values in the register's history still name. ``None`` when none has it."""
        fid = key.split(".")[0]
        for schema in reversed(self.older):
            if scope == INSTITUTION:
                fields = schema.institution_fields()
            else:
                fields = next((c.fields for c in schema.categories if c.id == scope), ())
            found = next((f for f in fields if f.id == fid), None)
            if found is not None:
                return found
        return None

    @cached_property
    def retyped(self) -> frozenset[str]:
        """The ids of the current version's fields to which an older version kept here gave
        another type (under the id or one it was renamed from): what the register holds in
        them was checked against that type (:meth:`ingest.register.Register.recheck_retyped`)."""
        older: dict[str, set[FieldType]] = {}
        for schema in self.older:
            for c in schema.categories:
                for f in c.fields:
                    older.setdefault(f.id, set()).add(f.type)
        return frozenset(
            f.id
            for c in self.current.categories
            for f in c.fields
            if any(t != f.type for fid in (f.id, *f.renamed_from) for t in older.get(fid, ()))
        )

    def get(self, schema_id: str, version: str) -> Schema:
        """The schema ``schema_id`` in ``version``; raise :class:`QuarantineError` when unknown."""
        key = (schema_id, version)
        if key in self._known:
            return self._known[key]
        safe = all(part and "/" not in part and "\\" not in part for part in key)
        if safe and not schema_id.startswith(".") and not version.startswith("."):
            for folder in self._folders:
                path = folder / schema_id / f"{version}.yaml"
                if path.is_file():
                    schema = self._load(path, schema_id, version)
                    self._known[key] = schema
                    return schema
        cur = self.current
        shown_id, shown_version = shorten(schema_id, len, 60), shorten(version, len, 20)
        if schema_id != cur.schema_id:
            why = Said("ingest_merge_other_schema_id", schema=shown_id, current=cur.schema_id)
        else:
            known = ", ".join(v for s, v in self._known if s == schema_id)
            why = Said("ingest_merge_other_version", version=shown_version, known=known)
        folder = self._folders[0] if self._folders else Path(WORKSPACE_DIR)
        where = folder / shown_id / f"{shown_version}.yaml"
        raise QuarantineError(
            "unknown-schema",
            Said(
                "ingest_merge_unknown_schema",
                why=why,
                schema=shown_id,
                version=shown_version,
                where=str(where),
            ),
        )

    def _load(self, path: Path, schema_id: str, version: str) -> Schema:
        try:
            schema = load_schema(path)
        except SchemaError as exc:  # each problem with its line, on the quarantine's one line
            error = SaidJoined((SaidJoined((p.where, p.message), ": ") for p in exc.problems), "; ")
            raise QuarantineError(
                "unknown-schema",
                Said("ingest_merge_schema_invalid", version=version, path=str(path), error=error),
            ) from None
        if (schema.schema_id, schema.schema_version) != (schema_id, version):
            raise QuarantineError(
                "unknown-schema",
                Said(
                    "ingest_merge_schema_misnamed",
                    path=str(path),
                    held=schema.schema_id,
                    held_version=schema.schema_version,
                    schema=schema_id,
                    version=version,
                ),
            )
        if self._regions and schema.regions:
            schema = schema.with_regions(self._regions)
        return schema


def _version_key(version: str) -> tuple[int, ...]:
    """``1.10.0`` after ``1.9.0``."""
    return tuple(int(p) if p.isdigit() else -1 for p in version.split("."))


def unknown_category(schema: Schema, category: str) -> Said:
    """Why a return of ``category`` is not merged: ``schema`` has no such category (the words
    of :meth:`formgen.model.Schema.category`'s error)."""
    known = ", ".join(c.id for c in schema.categories)
    return Said(
        "ingest_merge_unknown_category", category=category, schema=schema.schema_id, known=known
    )
