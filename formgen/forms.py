"""What a form generator is asked for and what it returns — shared by the PDF and DOCX writers.

A generator is a pure function ``render(schema, request, identity) -> GeneratedForm``: no files,
no terminal. The identity is made (and signed) once by :func:`new_identity`, so the PDF and the
DOCX of the same request can carry the same instance or each its own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from formgen.errors import FormgenError
from formgen.identity import FormIdentity, new_instance_id
from formgen.model import Schema
from formgen.record import InstitutionRecord


@dataclass(frozen=True)
class FormRequest:
    """A form to make: a blank checklist of some categories, or one institution's own form."""

    kind: str
    """``checklist`` or ``institution``."""
    categories: tuple[str, ...]
    record: InstitutionRecord | None = None
    """For ``institution``: the institution, prefilled with what the register holds, as its
    form shows it (:meth:`~formgen.record.InstitutionRecord.shown`: made so on creation; what
    :class:`~formgen.workspace.IssuedForm` records it was prefilled with)."""
    lang: str = "de"
    stand: str | None = None
    """The "Stand" date printed on every page (ISO date); default: today."""

    def __post_init__(self) -> None:
        if self.kind not in ("checklist", "institution"):
            raise FormgenError(f"unknown form kind '{self.kind}'; use checklist or institution")
        if self.kind == "institution" and self.record is None:
            raise FormgenError("an institution form needs the institution's record")
        if self.record is not None:  # what the institution reads: no marker of an erased text
            object.__setattr__(self, "record", self.record.shown(self.lang))


@dataclass(frozen=True)
class GeneratedForm:
    """A generated document and what the caller should know about it."""

    data: bytes
    identity: FormIdentity
    suffix: str
    """``.pdf`` or ``.docx``."""
    warnings: tuple[str, ...] = ()


def new_identity(
    schema: Schema,
    request: FormRequest,
    secret: bytes,
    rng: random.Random | None = None,
) -> FormIdentity:
    """A new signed identity for ``request`` (reproducible when ``rng`` is seeded)."""
    for cid in request.categories:
        schema.category(cid)  # unknown category → UnknownCategoryError
    record = request.record
    ident = FormIdentity(
        schema_id=schema.schema_id,
        schema_version=schema.schema_version,
        instance_id=new_instance_id(rng),
        kind=request.kind,
        categories=request.categories,
        institution_id=record.id if record else None,
        base_version=record.base_version if record else None,
        lang=request.lang,
    )
    return ident.sign(secret)
