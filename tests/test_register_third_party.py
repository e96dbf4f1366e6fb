"""A checklist filled by someone else (a working group, a partner) about an institution the
register knows: what it says that is news is taken or held, but what is only its own act of
filling, or the same text typed on a keyboard without the name's letters, asks no decision."""

from __future__ import annotations

import datetime as dt

import pytest
from register_support import SCHEMA, YILMAZ, checklist, institution_form

from ingest.register import Register
from ingest.staleness import last_confirmed, review


@pytest.fixture
def reg() -> Register:
    return Register(SCHEMA)


def answered(reg: Register) -> str:
    """The practice, known from a checklist, that answered on its own form with its date and
    initials."""
    (iid,) = reg.merge(checklist("psychotherapie", YILMAZ)).created
    out = reg.merge(institution_form(iid, base=1, date="2026-11-26", initials="ŞY"))
    assert out.status == "updated"
    return iid


def fields(reg: Register, iid: str) -> dict[str, object]:
    return {
        k: v["v"] for k, v in reg.institutions[iid]["entries"]["psychotherapie"]["fields"].items()
    }


def test_someone_elses_date_and_initials_are_not_held_against_the_institutions(
    reg: Register,
) -> None:
    iid = answered(reg)
    out = reg.merge(checklist("psychotherapie", dict(YILMAZ, date="2026-12-01", initials="AK")))
    assert out.institutions == (iid,)
    assert out.conflicts == () and reg.conflicts() == []
    assert out.status == "confirmed"  # nothing else was news
    assert (fields(reg, iid)["date"], fields(reg, iid)["initials"]) == ("2026-11-26", "ŞY")
    entry = reg.institutions[iid]["entries"]["psychotherapie"]
    assert last_confirmed(entry) == dt.date(2026, 11, 26)  # not the working group's day
    assert entry["by_institution"]
    assert review(reg, today=dt.date(2026, 12, 3)) == []
