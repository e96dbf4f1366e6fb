"""Helpers that build returned forms inline, so register tests read like the domain.

``institution_form("inst-0001", base=2, name="Praxis Yılmaz", languages_offered=["fa"])`` is one
returned personalised form; ``checklist("psychotherapie", {"name": …}, {"name": …})`` a returned
checklist with one block per dict. ``Bad("31.02.2025", "no such day")`` is an invalid value.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formgen.identity import FormIdentity
from formgen.messages import Problem
from formgen.schema_load import default_schema, shipped_schema_path
from formgen.workspace import Workspace
from ingest.journal import writing
from ingest.register import Register
from ingest.submission import Checked, EntryReturn, Provenance, Submission
from ingest.values import check_text

SCHEMA = default_schema()
INSTITUTION_FIELDS = {f.id for f in SCHEMA.institution_fields()}
_counter = itertools.count(1)
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_version() -> str:
    """The shipped schema as 1.1.0, with the contact's "Funktion" renamed
    (``contact_role`` → ``contact_function``, ``renamed_from``)."""
    text = shipped_schema_path().read_text("utf-8")
    text = text.replace("schema_version: 1.0.0", "schema_version: 1.1.0")
    renamed = text.replace(
        "- id: contact_role\n            type: text\n",
        "- id: contact_function\n            type: text\n            renamed_from: [contact_role]\n",
    )
    assert renamed != text
    return renamed


def switch_schema(ws: Path, keep_old: bool = True) -> None:
    """What the coordinator does: :func:`new_version` into the workspace ``ws``, named in
    workspace.toml; with ``keep_old`` the outgoing version copied to ``schemas/`` as the README
    says."""
    (ws / "schema.yaml").write_text(new_version(), "utf-8")
    config = ws / "workspace.toml"
    text = config.read_text("utf-8")
    config.write_text(text.replace('# path = "my-schema.yaml"', 'path = "schema.yaml"'), "utf-8")
    if keep_old:
        kept = ws / "schemas" / SCHEMA.schema_id / "1.0.0.yaml"
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_bytes(shipped_schema_path().read_bytes())


@dataclass(frozen=True)
class Bad:
    raw: str
    problem: str | Problem


@contextlib.contextmanager
def local_zone(name: str) -> Iterator[None]:
    """This computer's time zone is ``name`` (``Europe/Berlin``, ``UTC``) inside the block, as
    ``TZ=name`` sets it for a program; the zone it was after."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def _instance(n: int) -> str:
    out = ""
    for _ in range(10):
        out = _ALPHABET[n % 32] + out
        n //= 32
    return out


def checked(value: Any) -> Checked:
    if isinstance(value, Checked):  # as a check made it, e.g. values.parse_percentage("viel")
        return value
    if isinstance(value, Bad):
        said = value.problem
        return Checked(value.raw, None, said if isinstance(said, Problem) else Problem(said))
    if isinstance(value, list):
        return Checked(", ".join(value), value)
    return Checked(str(value), value)


def entry(
    institution_id: str | None, category: str | None, block: int | None, values: dict[str, Any]
) -> EntryReturn:
    inst = {k: checked(v) for k, v in values.items() if k in INSTITUTION_FIELDS}
    ent = {k: checked(v) for k, v in values.items() if k not in INSTITUTION_FIELDS}
    return EntryReturn(institution_id, category, block, inst, ent)


def submission(
    entries: list[EntryReturn],
    kind: str,
    categories: tuple[str, ...],
    institution_id: str | None = None,
    base: int | None = None,
    file: str | None = None,
    instance: str | None = None,
    sha: str | None = None,
    confidence: str = "high",
    schema_id: str | None = None,
) -> Submission:
    n = next(_counter)
    ident = FormIdentity(
        schema_id=schema_id or SCHEMA.schema_id,
        schema_version=SCHEMA.schema_version,
        instance_id=instance or _instance(n),
        kind=kind,
        categories=categories,
        institution_id=institution_id,
        base_version=base,
    )
    name = file or f"return-{n}.pdf"
    prov = Provenance(
        file_name=name,
        sha256=sha or hashlib.sha256(f"{name}#{n}".encode()).hexdigest(),
        size=1000 + n,
        reader="acroform-pdf",
    )
    return Submission(ident, prov, confidence, tuple(entries))


def institution_form(
    iid: str | None,
    category: str | None = "psychotherapie",
    base: int | None = None,
    **values: Any,
) -> Submission:
    """A returned personalised form of institution ``iid`` for ``category``."""
    opts = {k: values.pop(k) for k in ("file", "instance", "sha", "confidence") if k in values}
    return submission(
        [entry(iid, category, None, values)],
        "institution",
        (category,) if category else (),
        institution_id=iid,
        base=base,
        **opts,
    )


def checklist(category: str, *blocks: dict[str, Any], **opts: Any) -> Submission:
    """A returned blank checklist with one filled block per dict."""
    return submission(
        [entry(None, category, n, b) for n, b in enumerate(blocks, 1)],
        "checklist",
        (category,),
        **opts,
    )


YILMAZ = {
    "name": "Praxis Şule Yılmaz",
    "street": "Königsallee 1",
    "postcode": "40212",
    "city": "Düsseldorf",
    "region": "duesseldorf",
    "phone": "+49 211 123456",
    "migrant_experience": "ja",
    "languages_offered": ["fa", "tr"],
    "contact_name": "Şule Yılmaz",
    "date": "2026-09-24",
    "initials": "ŞY",
}


def addresses_typed_whole() -> Register:
    """A register of crisis services whose address was typed whole into the street box
    („Kölner Str. 5, 41539 Dormagen“) or the postcode box with its town („41460 Neuss“,
    flagged as no postcode), the town box left empty; one without a town, one with the town box
    filled in, one with both (the town box goes first)."""
    reg = Register(SCHEMA)
    postcode = check_text(
        next(f for f in SCHEMA.institution_fields() if f.id == "postcode"), "41460 Neuss"
    )
    reg.merge(
        checklist(
            "krisendienst",
            {"name": "Krisendienst Łódź", "street": "Kölner Str. 5, 41539 Dormagen"},
            {"name": "Beratung Yılmaz", "postcode": postcode},
            {"name": "Praxis Petrenko", "street": "Hauptstr. 1"},
            {"name": "Praxis am Rüttenscheider Stern", "city": "Essen"},
            {"name": "Zentrum Öztürk", "street": "Am Markt 2, 40210 Düsseldorf", "city": "Köln"},
        )
    )
    return reg


ŁÓDŹ = {
    "name": "Łódź Hilfe e.V.",
    "street": "Büttger Straße 5",
    "postcode": "41460",
    "city": "Neuss",
    "region": "neuss",
    "phone": "+49 2131 98765",
    "contact_name": "Ольга Петренко",
    "initials": "ОП",
}


def journaled(root: Path) -> Workspace:
    """A German workspace at ``root`` of two institutions, three operations journaled (the
    journal tests damage it)."""
    ws = Workspace.init(root, name="SPKoM Düsseldorf", language="de")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))
        w.merge(checklist("psychotherapie", dict(YILMAZ, **ŁÓDŹ)))
        w.merge(institution_form("inst-0001", base=1, phone="+49 211 999999"))
    return ws
