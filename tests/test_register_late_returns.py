"""Returns that come after others: a corrected copy of the same form, an older form after a
newer one's return."""

from __future__ import annotations

import pytest
from register_support import SCHEMA, YILMAZ, checklist, institution_form

from formgen.messages import in_language
from ingest.pipeline import describe_merge
from ingest.register import MergeOutcome, Register


@pytest.fixture
def reg() -> Register:
    return Register(SCHEMA)


def seeded(reg: Register) -> str:
    out = reg.merge(checklist("psychotherapie", YILMAZ))
    return out.created[0]


def value(reg: Register, iid: str, path: str) -> object:
    scope, _, key = path.partition(".")
    inst = reg.institutions[iid]
    stored = inst["institution"] if scope == "institution" else inst["entries"][scope]["fields"]
    return stored[key]["v"]


def test_a_corrected_copy_of_the_same_form_is_no_change_on_the_other_side(reg: Register) -> None:
    """The institution sends its form, then a corrected copy of it: only its own first copy
    changed the register since the form was made, so nothing is said about other changes."""
    iid = seeded(reg)
    first = institution_form(iid, base=1, phone="+49 211 999999", instance="0000000KRR")
    assert reg.merge(first).status == "updated"
    corrected = institution_form(
        iid, base=1, phone="+49 211 999998", plans="Gruppe", instance="0000000KRR"
    )
    out = reg.merge(corrected)
    assert (out.status, out.flags) == ("updated", ())
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
