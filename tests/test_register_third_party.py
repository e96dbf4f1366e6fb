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


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Praxis Sule Yilmaz", "Praxis Şule Yılmaz"),  # a German keyboard's letters
        ("PRAXIS ŞULE YILMAZ", "Praxis Şule Yılmaz"),  # capitals
        ("Poradnia Lodz", "Poradnia Łódź"),
        ("ольга петренко", "Ольга Петренко"),
    ],
)
def test_a_name_typed_without_its_letters_is_the_registers_name_and_noted(
    reg: Register, typed: str, kept: str
) -> None:
    iid = answered(reg) if kept == YILMAZ["name"] else None
    if iid is None:
        (iid,) = reg.merge(checklist("psychotherapie", dict(YILMAZ, name=kept))).created
        reg.merge(institution_form(iid, base=1, date="2026-11-26", initials="ŞY"))
    out = reg.merge(checklist("psychotherapie", dict(YILMAZ, name=typed)))
    assert out.institutions == (iid,) and reg.conflicts() == []
    assert reg.name_of(iid) == kept
    (note,) = [str(f) for f in out.flags if "spelling" in str(f)]
    assert note == (
        f"{iid} institution.name: '{typed}' is the register's '{kept}' without its accents and "
        "special letters or in other capitals; the register keeps its spelling"
    )


def test_a_name_with_letters_the_register_lacks_still_asks(reg: Register) -> None:
    """The register's spelling is the plainer one: the institution's word all the same, so
    the checklist's richer spelling waits for a decision, as any other value would."""
    plain = "Praxis Sule Yilmaz"
    (iid,) = reg.merge(checklist("psychotherapie", dict(YILMAZ, name=plain))).created
    reg.merge(institution_form(iid, base=1, name=plain, date="2026-11-26", initials="ŞY"))
    out = reg.merge(checklist("psychotherapie", YILMAZ))
    (held,) = reg.conflicts()
    assert (held["path"], held["theirs"]["v"]) == ("institution.name", "Praxis Şule Yılmaz")
    assert not [f for f in out.flags if "spelling" in str(f)]
