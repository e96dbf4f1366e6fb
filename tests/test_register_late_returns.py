"""Returns that come after others: a corrected copy of the same form, an older form after a
newer one's return."""

from __future__ import annotations

import pytest
from register_support import SCHEMA, institution_form
from test_register_merge import seeded, value

from formgen.messages import in_language, reason_said
from ingest.pipeline import describe_merge
from ingest.register import MergeOutcome, Register


@pytest.fixture
def reg() -> Register:
    return Register(SCHEMA)


def test_a_corrected_copy_of_the_same_form_is_no_change_on_the_other_side(reg: Register) -> None:
    """The institution sends its form, then a corrected copy of it: only its own first copy
    changed the register since the form was made, so nothing is said about other changes;
    only that it was taken as the correction of the first copy, which it names."""
    iid = seeded(reg)
    first = institution_form(iid, base=1, phone="+49 211 999999", instance="0000000KRR")
    assert reg.merge(first).status == "updated"
    corrected = institution_form(
        iid, base=1, phone="+49 211 999998", plans="Gruppe", instance="0000000KRR"
    )
    out = reg.merge(corrected)
    (said,) = out.flags
    assert out.status == "updated" and "other fields changed there" not in said
    assert said.startswith(f"{iid}: this copy of form FG-00000-00KRR gives other values than")
    assert said.endswith("so this one, read later, was taken as its correction "
                         f"('formgen register history {iid}' shows both)")  # fmt: skip
    assert value(reg, iid, "institution.phone") == "+49 211 999998"
    assert value(reg, iid, "psychotherapie.plans") == "Gruppe"


def test_another_forms_change_since_is_still_said(reg: Register) -> None:
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, phone="+49 211 999999", instance="0000000KRR"))
    first = institution_form(iid, base=1, plans="Gruppe", instance="0000000ZZZ")
    reg.merge(first)
    out = reg.merge(institution_form(iid, base=1, plans="Gruppe 2", instance="0000000ZZZ"))
    assert out.status == "merged-flagged"
    assert any("other fields changed there" in f for f in out.flags)


@pytest.mark.parametrize(
    ("created", "de", "en"),
    [
        (("inst-0016",), "neu aufgenommen, inst-0016, 15 Änderungen", None),
        (
            ("inst-0016",),
            "aktualisiert, inst-0006 inst-0016 (neu), 15 Änderungen",
            "updated, inst-0006 inst-0016 (new), 15 changes",
        ),
    ],
    ids=["only-new", "new-and-known"],
)
def test_a_return_that_only_made_new_institutions_is_not_said_to_update(
    created: tuple[str, ...], de: str, en: str | None
) -> None:
    """A blank checklist naming a place the register did not know adds it; one naming a known
    place too updates that one. --json keeps the code word and the (new) marks."""
    institutions = ("inst-0016",) if en is None else ("inst-0006", "inst-0016")
    said = describe_merge(
        MergeOutcome("updated", institutions=institutions, created=created, changes=15)
    )
    assert in_language(said, "de") == de
    assert in_language(said, "en") == (en or "updated, inst-0016 (new), 15 changes")


OLD, NEW = "0LD0000000", "NEW0000000"
"""Last year's form (made before the register knew the institution) and this year's (made
from the register's revision 1)."""


def last_year_then_this_year(reg: Register) -> str:
    first = institution_form(
        "inst-0003", name="Центр «Надежда»", date="2025-11-18", initials="AB", instance=OLD
    )
    reg.merge(first)
    this_year = institution_form(
        "inst-0003",
        base=1,
        contact_name="Ольга Петрова",
        date="2026-11-26",
        initials="ОП",
        instance=NEW,
        file="2026.pdf",
    )
    assert reg.merge(this_year, at="2026-11-27T08:00:00Z").status == "updated"
    return "inst-0003"


def test_last_years_form_after_this_years_return_changes_nothing_by_itself(
    reg: Register,
) -> None:
    """A second copy of last year's form, filled in long ago, comes after this year's return:
    the line says it is the older form; what it gives otherwise (also where this year's
    return left a field empty) waits for a decision; its old Datum and initials are not
    offered against this year's; the entry's confirmation stays this year's return's."""
    iid = last_year_then_this_year(reg)
    entry = reg.institutions[iid]["entries"]["psychotherapie"]
    confirmed_before = entry["confirmed_at"]
    late = institution_form(
        iid,
        contact_name="Ольга Старая",
        share_migrants=20,
        date="2025-11-20",
        initials="AB",
        instance=OLD,
        file="alt.pdf",
    )
    reg.issued_at = {OLD: "2025-11-10T12:00:00+01:00"}.get  # as issued.jsonl says it
    out = reg.merge(late, at="2026-12-10T12:00:00Z")
    assert out.status == "held" and out.changes == 0
    held = {c["path"]: c for c in reg.conflicts()}
    assert set(held) == {"psychotherapie.share_migrants", "psychotherapie.contact_name"}
    assert held["psychotherapie.share_migrants"]["mine"] is None
    assert held["psychotherapie.contact_name"]["reason_key"] == "held_superseded_by"
    assert value(reg, iid, "psychotherapie.contact_name") == "Ольга Петрова"
    assert value(reg, iid, "psychotherapie.date") == "2026-11-26"
    assert value(reg, iid, "psychotherapie.initials") == "ОП"
    assert "share_migrants" not in entry["fields"]
    assert entry["confirmed_at"] == confirmed_before
    (said,) = [f for f in out.flags if " is older than form " in f]
    assert in_language(said, "de") == (
        "inst-0003: Formular FG-0LD00-00000 (erstellt am 10.11.2025) ist älter als Formular "
        "FG-NEW00-00000, dessen Rückmeldung das Register seit dem 27.11.2026 hat: die "
        "Rückmeldung auf FG-NEW00-00000 ist der neueste Stand der Einrichtung, daher ändert dieses Formular von selbst nichts — was es anders angibt, "
        "wartet auf Entscheidung („formgen register conflicts“), sein Datum und Handzeichen "
        "bleiben außen vor"
    )
    # which return is the latest word, by its form and the day it came in, not „diese“
    assert in_language(reason_said(held["psychotherapie.contact_name"]), "de") == (
        "aus einem Formular, das älter ist als Formular FG-NEW00-00000, dessen Rückmeldung das "
        "Register seit dem 27.11.2026 hat: die Rückmeldung auf FG-NEW00-00000 ist der neueste "
        "Stand der Einrichtung"
    )
    # one held by a formgen before, with no form and day stored, says the newer form's return
    older = {**held["psychotherapie.contact_name"], "reason_key": "held_superseded"}
    assert in_language(reason_said({**older, "reason_args": {}}), "de") == (
        "aus einem Formular, das älter ist als ein anderes Formular der Einrichtung, dessen "
        "Rückmeldung das Register schon hat: die Rückmeldung auf das neuere Formular ist ihr "
        "neuester Stand"
    )


def test_an_older_form_dated_after_the_newer_return_is_a_late_answer(reg: Register) -> None:
    """Filled in after this year's return (its Datum says so), last year's form is the
    institution's latest word after all: merged as a late answer, as before."""
    iid = last_year_then_this_year(reg)
    late = institution_form(
        iid, share_migrants=20, date="2026-12-05", initials="AB", instance=OLD, file="alt.pdf"
    )
    out = reg.merge(late)
    assert not [f for f in out.flags if " is older than form " in f]
    assert value(reg, iid, "psychotherapie.share_migrants") == 20
    assert value(reg, iid, "psychotherapie.date") == "2026-12-05"


def test_a_prefilled_value_left_empty_on_the_older_form_is_not_said_to_be_untrue(
    reg: Register,
) -> None:
    iid = last_year_then_this_year(reg)
    sent = {"institution.name": {"v": "Центр «Надежда»", "raw": "Центр «Надежда»"}}
    out = reg.merge(institution_form(iid, plans="Gruppe", instance=OLD, file="alt.pdf"), sent=sent)
    assert out.status == "held"
    assert not [f for f in out.flags if "left empty" in f]
