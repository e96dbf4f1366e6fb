"""The identity every generated form carries, and its signature.

A form's identity says which schema (id and version) it was made from, which form instance it is,
for which institution, and from which register revision it was prefilled (``base_version``). It is
written into hidden read-only fields and document metadata (PDF) or custom properties (DOCX), and
signed with HMAC-SHA256 under the workspace's secret, so that an edited or forged identity is
detected on ingest. A short reference (``FG-7K3M9-Q2XAB``) is printed in the footer of every page;
it survives printing and scanning and finds the issued identity again in the workspace.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from formgen.errors import IdentityError
from formgen.filenames import shown
from formgen.linebreak import shorten
from formgen.messages import Said

FIELD_PREFIX = "formgen"
"""Hidden identity fields are named ``formgen.<key>``; no category may use this id."""

NO_WORKSPACE = b"formgen: made without a workspace"
"""The key a form made without a workspace (``formgen generate`` without ``--workspace``) is
signed with. It is no secret: such a signature proves nothing, it only tells on ingest that the
form was made so (not edited or forged under a workspace's key), and a coordinator may take the
return in after looking at it."""


def test_key(secret: bytes) -> bytes:
    """The key the forms of a test mail (``formgen mail --test-to``) are signed with: made from
    the workspace's ``secret``, so that ingest tells such a form from a return and never merges
    it (it is no institution's answer), and nobody without the secret makes one."""
    return hmac.new(secret, b"formgen: a test mail's form", hashlib.sha256).digest()


KINDS = ("checklist", "institution")
MAX_VALUE = 2000
"""Characters an identity value may have: the categories of a form with every checklist of a
schema are a few hundred; more is an edited or damaged identity, never quoted whole."""
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
INSTANCE_RE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{10}$")
REFERENCE_RE = re.compile(r"FG-([0-9A-HJKMNP-TV-Z]{5})-([0-9A-HJKMNP-TV-Z]{5})")
_KEYS = (
    "schema_id",
    "schema_version",
    "instance_id",
    "kind",
    "categories",
    "institution_id",
    "base_version",
    "lang",
)


def new_instance_id(rng: random.Random | None = None) -> str:
    """A new form instance id: 10 characters of Crockford base32 (50 bits).

    With ``rng`` (a seeded :class:`random.Random`) the ids are reproducible, for deterministic
    batch output; without, they come from the operating system's random source.
    """
    if rng is None:
        return "".join(secrets.choice(_ALPHABET) for _ in range(10))
    return "".join(rng.choice(_ALPHABET) for _ in range(10))


def _malformed(words: str, **args: str | int) -> IdentityError:
    """The error of an identity that is incomplete or malformed, in the words ``words``
    (:data:`formgen.messages.WORDS`): said in the workspace's language in the ingest report."""
    return IdentityError.saying(Said(words, **args))


def _quoted(value: str) -> str:
    """A value of a damaged identity fit for a report line: a line break or a direction
    override shown escaped (as file names are), at most 40 characters."""
    return shorten(shown(value), len, 40)


@dataclass(frozen=True)
class FormIdentity:
    """Who a form is: schema, instance, institution and the register revision it was filled from."""

    schema_id: str
    schema_version: str
    instance_id: str
    kind: str
    categories: tuple[str, ...]
    institution_id: str | None = None
    base_version: int | None = None
    lang: str = "de"
    signature: str = field(default="", compare=False)

    def payload(self) -> bytes:
        """The canonical bytes the signature covers (every key but the signature)."""
        data = {k: getattr(self, k) for k in _KEYS}
        data["categories"] = list(self.categories)
        return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()

    def sign(self, secret: bytes) -> FormIdentity:
        mac = hmac.new(secret, self.payload(), hashlib.sha256).hexdigest()
        return replace(self, signature=mac)

    def verify(self, secret: bytes) -> bool:
        """True when the signature matches this identity under ``secret``."""
        if not self.signature:
            return False
        expected = hmac.new(secret, self.payload(), hashlib.sha256).hexdigest()
        # As bytes: compare_digest refuses str with other than ASCII (an edited signature).
        given = self.signature.encode("utf-8", "surrogateescape")
        return hmac.compare_digest(expected.encode("ascii"), given)

    @property
    def reference(self) -> str:
        """The short reference printed on every page: ``FG-XXXXX-XXXXX``."""
        return reference(self.instance_id)

    def to_fields(self) -> dict[str, str]:
        """Hidden field name → text value (the same keys go into PDF /Info and DOCX properties)."""
        out = {}
        for key, value in vars(self).items():  # the fields, without asdict's deep copies
            if key == "categories":
                text = " ".join(value)
            elif value is None:
                text = ""
            else:
                text = str(value)
            out[f"{FIELD_PREFIX}.{key}"] = text
        return out

    @classmethod
    def from_fields(cls, fields: Mapping[str, object]) -> FormIdentity:
        """Read an identity back from hidden fields; raise :class:`IdentityError` when malformed."""

        def get(key: str) -> str:
            value = fields.get(f"{FIELD_PREFIX}.{key}")
            if isinstance(value, list):
                value = value[0] if value else ""
            return "" if value is None else str(value).strip()

        missing = [k for k in ("schema_id", "schema_version", "instance_id", "kind") if not get(k)]
        if missing:
            raise _malformed("identity_incomplete", missing=", ".join(missing))
        for key in (*_KEYS, "signature"):
            if len(get(key)) > MAX_VALUE:
                raise _malformed("identity_too_long", name=key, count=len(get(key)))
        instance = get("instance_id")
        if not INSTANCE_RE.match(instance):
            raise _malformed("identity_instance_malformed", value=_quoted(instance))
        kind = get("kind")
        if kind not in KINDS:
            raise _malformed("identity_kind_unknown", value=_quoted(kind), kinds=", ".join(KINDS))
        base = get("base_version")
        try:
            base_version = int(base) if base else None
        except ValueError:
            raise _malformed("identity_base_not_number", value=_quoted(base)) from None
        return cls(
            schema_id=get("schema_id"),
            schema_version=get("schema_version"),
            instance_id=instance,
            kind=kind,
            categories=tuple(get("categories").split()),
            institution_id=get("institution_id") or None,
            base_version=base_version,
            lang=get("lang") or "de",
            signature=get("signature"),
        )


def reference(instance_id: str) -> str:
    """The short reference of form instance ``instance_id`` as every page prints it:
    ``FG-XXXXX-XXXXX``."""
    return f"FG-{instance_id[:5]}-{instance_id[5:]}"


def parse_reference(text: str) -> str | None:
    """The instance id in a printed reference (``FG-XXXXX-XXXXX``) found in ``text``, or None."""
    match = REFERENCE_RE.search(text)
    return match.group(1) + match.group(2) if match else None
