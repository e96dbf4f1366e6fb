"""The register as mailing sees it: prefill records, returned form instances, stale entries, conflicts.

Implements :class:`formgen.tracking.RegisterView` over the workspace's register. ``formgen``
never imports ``ingest``; the CLI hands this view to the mailing code.

It uses what the register provides and says clearly what it could not find:

* the register itself from :func:`ingest.journal.load` (checkpoint + journal), else from
  :class:`ingest.register.Register` over ``register.json``;
* returned instances: the register's ``instances`` table (form instance id → content hashes),
  else every ``instance_id`` in its ``sources`` (the provenance of each value);
* stale institutions: the update list of :func:`ingest.staleness.update_list` (every reason
  ``formgen register stale`` gives), so that ``formgen status`` and ``formgen mail --stale``
  agree with that list, and the required fields each lacks and those holding invalid values,
  with why in each language of the mails (named in the update mail);
* conflicts: the register's held conflicts;
* addresses a coordinator removed by hand (``formgen register set ID institution.email
  --clear``) or erased (``formgen register erase``), so that no round mails them where the
  send log says earlier mails went; and those a coordinator set by hand, so that a mail to one
  that bounced or was refused before no longer counts;
* retired institutions (``formgen register retire``): left out of :meth:`institution_ids` and
  of the update list, and given with when and why, so that no round mails them and ``formgen
  status`` counts them nowhere.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

from formgen.errors import FormgenError
from formgen.messages import per_language, problem_text
from formgen.record import InstitutionRecord, Value
from formgen.tracking import FieldProblems, Note, Removed, Vouched
from formgen.workspace import Workspace
from ingest import staleness
from ingest.register import EMAIL, HAND, is_erased, retired_said


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class WorkspaceRegisterView:
    """A read-only view of a workspace's register for mailing and ``formgen status``."""

    def __init__(self, ws: Workspace, today: dt.date | None = None, reg: Any = None) -> None:
        """``reg``: the register to view (one as it was on a day, :func:`ingest.journal.as_of`);
        None: the workspace's."""
        self.ws = ws
        self.today = today or dt.date.today()
        self.notes: list[Note] = []
        self._reg: Any = reg
        self._data: dict[str, Any] = reg.data if reg is not None else {}
        self._findings: list[staleness.Finding] | None = None
        if reg is None:
            self._load()

    # ------------------------------------------------------------------ loading

    def _load(self) -> None:
        journal = _module("ingest.journal")
        register = _module("ingest.register")
        path = self.ws.register_path
        if journal is not None and hasattr(journal, "load"):
            self._reg = journal.load(self.ws)
        elif register is not None and hasattr(register, "Register"):
            if path.exists():
                self._reg = register.Register.loads(self.ws.schema(), path.read_bytes(), str(path))
        elif path.exists():
            self.notes.append(
                Note(
                    "plain_json",
                    "this build has no register module; read register.json as plain JSON",
                )
            )
            try:
                raw = json.loads(path.read_bytes())
            except ValueError as exc:
                raise FormgenError(
                    f"{path}: not readable JSON ({exc}); prefill and returns unavailable"
                ) from None
            self._data = raw if isinstance(raw, dict) else {}
        if self._reg is not None:
            self._data = getattr(self._reg, "data", {}) or {}
            if getattr(self._reg, "damaged_journal", None):
                self.notes.append(Note("journal", self._reg.damaged_journal))
        if not self._data.get("institutions"):
            self.notes.append(Note("empty", "the register is empty (nothing ingested yet)"))

    @property
    def available(self) -> bool:
        return bool(self._data)

    @property
    def data(self) -> dict[str, Any]:
        """The register as ``register.json`` holds it (empty without one)."""
        return self._data

    # ------------------------------------------------------------------ RegisterView

    def institution_ids(self) -> Sequence[str]:
        if self._reg is not None:
            ids: list[str] = self._reg.ids()  # the retired ones left out
            return ids
        return sorted(self._data.get("institutions", {}))

    def retired(self) -> dict[str, str]:
        if self._reg is None:
            return {}
        return {
            iid: retired_said(was)
            for iid in self._reg.ids(with_retired=True)
            if (was := self._reg.retired(iid)) is not None
        }

    def merged(self) -> dict[str, str]:
        if self._reg is None:
            return {}
        return {
            iid: keep
            for iid in self._reg.ids(with_retired=True)
            if (keep := self._reg.merged_into(iid)) is not None
        }

    def listed(self) -> dict[str, str]:
        if self._reg is None:
            return {}
        held = self._reg.institutions
        return {lid: iid for lid, iid in self._reg.listed().items() if lid not in held}

    def record(self, institution_id: str) -> InstitutionRecord | None:
        if institution_id not in self._data.get("institutions", {}):
            return None
        if self._reg is not None and hasattr(self._reg, "record"):
            rec = self._reg.record(institution_id)
            return rec if isinstance(rec, InstitutionRecord) else None
        return self._record_from_json(institution_id)

    def _record_from_json(self, iid: str) -> InstitutionRecord | None:
        """Without the register module: the typed values as stored, base_version = ``rev``."""
        inst = self._data["institutions"][iid]

        def values(stored: Any) -> dict[str, Value]:
            out: dict[str, Value] = {}
            for key, sv in (stored or {}).items():
                v = sv.get("v") if isinstance(sv, dict) else None
                if isinstance(v, str | int | list):
                    out[key] = v
            return out

        entries = {
            cid: values((e or {}).get("fields")) for cid, e in (inst.get("entries") or {}).items()
        }
        rev = inst.get("rev")
        return InstitutionRecord(
            id=iid,
            categories=tuple(entries),
            institution=values(inst.get("institution")),
            entries=entries,
            base_version=rev if isinstance(rev, int) else None,
        )

    def returned_instances(self) -> set[str] | None:
        if not self._data:
            return None
        instances = self._data.get("instances")
        if isinstance(instances, dict):
            return set(instances)
        sources = self._data.get("sources")
        if isinstance(sources, dict):
            return {
                str(s["instance_id"])
                for s in sources.values()
                if isinstance(s, dict) and s.get("instance_id")
            }
        self.notes.append(
            Note(
                "no_instances", "the register keeps no form instance ids; returns cannot be matched"
            )
        )
        return None

    def stale(self) -> dict[str, tuple[str, ...]] | None:
        if self._reg is None:
            if self._data:
                self.notes.append(
                    Note(
                        "stale_unknown",
                        "the register was read as plain JSON: stale entries unknown",
                    )
                )
            return None
        return staleness.categories_of(self._review())

    def missing(self) -> dict[str, dict[str, tuple[str, ...]]] | None:
        if self._reg is None:
            return None
        out: dict[str, dict[str, tuple[str, ...]]] = {}
        for f in self._review():
            if f.missing or f.dropped:  # a choice no longer offered: the form asks again
                out.setdefault(f.institution_id, {})[f.category] = f.missing + f.dropped
        return out

    def invalid(self) -> dict[str, dict[str, FieldProblems]] | None:
        """Why each value is invalid in every language of the messages (:func:`problem_text`:
        the stored English text where a register written before has no message key)."""
        if self._reg is None:
            return None
        out: dict[str, dict[str, FieldProblems]] = {}
        for f in self._review():
            if f.invalid:
                inst = self._reg.institutions[f.institution_id]
                places = (inst["entries"][f.category]["fields"], inst["institution"])
                out.setdefault(f.institution_id, {})[f.category] = {
                    fid: per_language(partial(problem_text, _flagged(places, fid)))
                    for fid in f.invalid
                }
        return out

    def _review(self) -> list[staleness.Finding]:
        """The register's findings (:func:`ingest.staleness.review`), made once per view: the
        update list, the missing and the invalid fields all come from them."""
        if self._findings is None:
            self._findings = staleness.review(self._reg, self.today)
        return self._findings

    def conflict_count(self) -> int | None:
        conflicts = self._data.get("conflicts")
        return len(conflicts) if isinstance(conflicts, dict) else None

    def emails_removed(self) -> dict[str, Removed]:
        """The institutions whose latest change of address was its removal by hand or its
        erasure (``formgen register erase``; an address removed by hand and erased since is
        given as ``""``)."""
        out: dict[str, Removed] = {}
        for iid in self.institution_ids():
            found = next(self._email_changes(iid), None)
            if found is not None and found[0].get("op") in ("set", "erase") and found[2] is None:
                h, old = found[0], found[1] or {}
                email = "" if is_erased(old) else str(old.get("v") or old.get("raw") or "")
                at, note = str(h.get("at", "")), str(h.get("note", ""))
                out[iid] = Removed(email, at, note, erased=h.get("op") == "erase")
        return out

    def emails_vouched(self) -> dict[str, Vouched]:
        """The institutions whose latest change of address by hand (a revision whose source is
        of kind ``hand``: 'formgen register set') set one, anew or again: that address and
        when. A return changes nothing here, nor one that only gives the address back."""
        sources = self._data.get("sources") or {}
        out: dict[str, Vouched] = {}
        for iid in self.institution_ids():
            by_hand = (
                (h, new)
                for h, _old, new in self._email_changes(iid)
                if (sources.get(h.get("src")) or {}).get("kind") == HAND
            )
            h, new = next(by_hand, ({}, None))
            if isinstance(new, dict) and new.get("v"):
                out[iid] = Vouched(str(new["v"]), str(h.get("at", "")))
        return out

    def own_returns(self) -> dict[str, list[tuple[str, str]]]:
        """The forms made for each institution (source kind ``institution``: its own form, not a
        checklist, a list or a hand edit) whose return changed or confirmed something in its
        history: instance id and when the form was made (``issued.jsonl``; a form the log does
        not know, made by another workspace or an older formgen, is left out: when it was made
        is unknown); and each confirmation by hand (``formgen register confirm``: it said so
        on the telephone, or by mail „keine Änderungen“), with no instance id and when it was
        recorded: it answers the round under way then, as a form made for it then would."""
        sources = self._data.get("sources") or {}
        out: dict[str, list[tuple[str, str]]] = {}
        for iid in self.institution_ids():
            seen: dict[str, tuple[str, str]] = {}
            for n, h in enumerate(self._data["institutions"][iid].get("history") or ()):
                if h.get("op") == "confirm" and h.get("src") is None and h.get("at"):
                    seen[f"hand-{n}"] = ("", str(h["at"]))
                    continue
                src = sources.get(h.get("src")) or {}
                if src.get("kind") == "institution" and src.get("instance_id"):
                    instance = str(src["instance_id"])
                    if made := self.ws.issued_at(instance):
                        seen[h["src"]] = (instance, made)
            if seen:
                out[iid] = list(seen.values())
        return out

    def _email_changes(self, iid: str) -> Iterator[tuple[dict[str, Any], Any, Any]]:
        """The revisions of ``iid`` that changed its address, latest first: each with the
        address before and after (stored values; ``None``: none)."""
        for h in reversed(self._data["institutions"][iid].get("history") or []):
            change = next((c for c in h.get("changes") or () if c[0] == EMAIL), None)
            if change is not None:
                yield h, change[1], change[2]


def _flagged(places: Sequence[dict[str, Any]], field_id: str) -> dict[str, Any]:
    """The stored value of ``field_id`` flagged invalid: in the entry or the institution's."""
    return next((p[field_id] for p in places if (p.get(field_id) or {}).get("problem")), {})
