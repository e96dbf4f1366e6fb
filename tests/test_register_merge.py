"""Merge rules: idempotence, clean updates, concurrent changes, conflicts, blanks, duplicates."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace

import pytest
from register_support import (
    SCHEMA,
    YILMAZ,
    Bad,
    checked,
    checklist,
    entry,
    institution_form,
    local_zone,
    submission,
)

from formgen.errors import RegisterError, RegisterVersionError
from formgen.messages import in_language
from ingest import values
from ingest.register import IMPORT, Register
from ingest.staleness import last_confirmed, review
from ingest.submission import Checked, Submission
from ingest.validate import sent_values
from ingest.values import check_text


@pytest.fixture
def reg() -> Register:
    return Register(SCHEMA)


def seeded(reg: Register) -> str:
    out = reg.merge(checklist("psychotherapie", YILMAZ))
    assert out.status == "updated"
    return out.created[0]


def value(reg: Register, iid: str, path: str) -> object:
    scope, _, key = path.partition(".")
    inst = reg.institutions[iid]
    stored = inst["institution"] if scope == "institution" else inst["entries"][scope]["fields"]
    return stored[key]["v"]


def test_new_institution_gets_a_readable_id_and_provenance(reg: Register) -> None:
    iid = seeded(reg)
    assert iid == "inst-0001"
    stored = reg.institutions[iid]["institution"]["name"]
    assert stored["v"] == "Praxis Şule Yılmaz"
    src = reg.source(stored["src"])
    assert src["file_name"].endswith(".pdf") and len(src["sha256"]) == 64
    assert src["reader"] == "acroform-pdf" and src["confidence"] == "high"
    assert src["instance_id"] and src["ingested_at"]
    assert reg.record(iid).base_version == 1


def test_same_file_twice_changes_nothing(reg: Register) -> None:
    sub = checklist("psychotherapie", YILMAZ)
    reg.merge(sub)
    before = reg.dumps()
    again = reg.merge(sub)
    assert again.status == "unchanged" and "already ingested" in (again.reason or "")
    assert reg.dumps() == before


def test_same_form_instance_with_same_content_changes_nothing(reg: Register) -> None:
    first = checklist("psychotherapie", YILMAZ, instance="7K3M9Q2XAB")
    reg.merge(first)
    before = reg.dumps()
    resaved = checklist("psychotherapie", YILMAZ, instance="7K3M9Q2XAB", file="resaved.pdf")
    out = reg.merge(resaved)
    assert out.status == "unchanged" and "same content" in (out.reason or "")
    assert reg.dumps() == before


def test_clean_update_when_base_is_current(reg: Register) -> None:
    iid = seeded(reg)
    out = reg.merge(
        institution_form(iid, base=1, languages_offered=["fa", "ar"], date="2026-10-01")
    )
    assert out.status == "updated" and out.changes == 2
    assert value(reg, iid, "psychotherapie.languages_offered") == ["fa", "ar"]
    assert reg.institutions[iid]["rev"] == 2
    assert [h["rev"] for h in reg.history(iid)] == [1, 2]


def test_blank_never_deletes_and_fehlanzeige_is_a_value(reg: Register) -> None:
    iid = seeded(reg)
    out = reg.merge(
        institution_form(
            iid, base=1, migrant_experience="fehlanzeige", languages_offered=[], plans=""
        )
    )
    assert out.status == "updated"
    assert value(reg, iid, "psychotherapie.migrant_experience") == "fehlanzeige"
    assert value(reg, iid, "psychotherapie.languages_offered") == ["fa", "tr"]
    assert "plans" not in reg.institutions[iid]["entries"]["psychotherapie"]["fields"]


def test_register_changed_since_base_other_field_applied_and_flagged(reg: Register) -> None:
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, phone="+49 211 999999"))  # centre corrects the phone
    out = reg.merge(institution_form(iid, base=1, languages_offered=["fa", "ar"]))
    assert out.status == "merged-flagged"
    assert any("changed since" in f for f in out.flags)
    assert value(reg, iid, "institution.phone") == "+49 211 999999"
    assert value(reg, iid, "psychotherapie.languages_offered") == ["fa", "ar"]


def test_prefilled_unchanged_values_do_not_undo_newer_changes(reg: Register) -> None:
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, phone="+49 211 999999"))
    # the form was prefilled at revision 1 and sends the old phone back unchanged
    out = reg.merge(institution_form(iid, base=1, phone="+49 211 123456", plans="Gruppe auf Farsi"))
    assert not out.conflicts
    assert value(reg, iid, "institution.phone") == "+49 211 999999"
    assert value(reg, iid, "psychotherapie.plans") == "Gruppe auf Farsi"


def test_same_field_changed_on_both_sides_is_held(reg: Register) -> None:
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, phone="+49 211 999999"))
    out = reg.merge(institution_form(iid, base=1, phone="+49 211 555555", plans="neu"))
    assert out.status == "held" and len(out.conflicts) == 1
    assert any("held as c-0001" in f and "since revision 1" in f for f in out.flags)
    # said to the coordinator by the field's label, not its id, and with no revision number
    assert [in_language(f, "de") for f in out.flags if "c-0001" in f] == [
        f"{iid} Einrichtung › Telefon (Zentrale): im Register und in dieser Rückmeldung "
        "geändert, seit das Formular mit dem Stand des Registers vorausgefüllt wurde; "
        "zurückgestellt als c-0001 — 'formgen register resolve c-0001 --take mine|theirs'"
    ]
    assert value(reg, iid, "institution.phone") == "+49 211 999999"
    assert value(reg, iid, "psychotherapie.plans") == "neu"
    (conflict,) = reg.conflicts()
    assert conflict["path"] == "institution.phone"
    assert conflict["mine"]["v"] == "+49 211 999999" and conflict["theirs"]["v"] == "+49 211 555555"


def test_a_late_answer_with_a_later_date_confirms_the_entry(reg: Register) -> None:
    """An institution answers a form made at revision 1 after the register changed its entry's
    date: the date and initials it wrote, later than the register's, are its latest confirmation
    and taken; a field it changed that the register changed too still waits for a decision."""
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, date="2026-10-01", initials="AB", phone="+49 211 9"))
    late = institution_form(
        iid, base=1, date="2026-11-20", initials="ŞY2", phone="+49 211 555555", file="spät.pdf"
    )
    out = reg.merge(late)
    assert value(reg, iid, "psychotherapie.date") == "2026-11-20"
    assert value(reg, iid, "psychotherapie.initials") == "ŞY2"
    assert [c["path"] for c in reg.conflicts()] == ["institution.phone"]
    assert out.status == "held" and len(out.conflicts) == 1
    assert last_confirmed(reg.institutions[iid]["entries"]["psychotherapie"]) == dt.date(
        2026, 11, 20
    )


def test_a_late_answer_with_an_earlier_date_is_held(reg: Register) -> None:
    """The same late answer dated before the register's confirmation is no newer confirmation:
    its date and initials wait for a decision as any field changed on both sides."""
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, date="2026-10-01", initials="AB"))
    out = reg.merge(institution_form(iid, base=1, date="2026-09-30", initials="ŞY2"))
    assert value(reg, iid, "psychotherapie.date") == "2026-10-01"
    assert value(reg, iid, "psychotherapie.initials") == "AB"
    assert sorted(c["path"] for c in reg.conflicts()) == [
        "psychotherapie.date",
        "psychotherapie.initials",
    ]
    assert out.status == "held"


@pytest.mark.parametrize(
    ("take", "expected"), [("mine", "+49 211 999999"), ("theirs", "+49 211 555555")]
)
def test_resolve_a_conflict(reg: Register, take: str, expected: str) -> None:
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, phone="+49 211 999999"))
    out = reg.merge(institution_form(iid, base=1, phone="+49 211 555555"))
    assert reg.resolve(out.conflicts[0], take) == [out.conflicts[0]]
    assert value(reg, iid, "institution.phone") == expected
    assert reg.conflicts() == []
    how = {
        "theirs": f"the returned value was taken ('formgen register history {iid}')",
        "mine": "the register's value was kept",
    }[take]
    with pytest.raises(
        RegisterError, match=re.escape(f"{out.conflicts[0]} was decided already: {how}")
    ):
        reg.resolve(out.conflicts[0], take)
    with pytest.raises(RegisterError, match="'c-9999' is neither a held conflict"):
        reg.resolve("c-9999", take)


def test_resolve_per_field_by_institution(reg: Register) -> None:
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, phone="+49 211 999999", plans="A"))
    reg.merge(institution_form(iid, base=1, phone="+49 211 555555", plans="B"))
    assert len(reg.conflicts()) == 2
    reg.resolve(iid, "theirs", path="psychotherapie.plans")
    assert value(reg, iid, "psychotherapie.plans") == "B"
    assert [c["path"] for c in reg.conflicts()] == ["institution.phone"]
    with pytest.raises(RegisterError, match="neither a held conflict"):
        reg.resolve("inst-9999", "mine")
    with pytest.raises(RegisterError, match="'mine' or 'theirs'"):
        reg.resolve(iid, "both")


def test_invalid_value_is_kept_as_typed_and_flagged(reg: Register) -> None:
    iid = seeded(reg)
    out = reg.merge(institution_form(iid, base=1, date=Bad("31.02.2026", "no such day")))
    assert out.status == "merged-flagged"
    assert out.invalid == ("psychotherapie.date: invalid value kept as typed: no such day",)
    assert out.flags == ()  # the return's own invalid value is no finding of the register
    stored = reg.institutions[iid]["entries"]["psychotherapie"]["fields"]["date"]
    assert (
        stored["v"] is None and stored["raw"] == "31.02.2026" and stored["problem"] == "no such day"
    )
    assert "date" not in reg.record(iid).entries["psychotherapie"]  # typed field: asked again


def test_an_invalid_value_the_register_holds_sent_back_again_is_no_new_warning(
    reg: Register,
) -> None:
    """The institution's number holds two numbers (kept as typed, flagged). Its update form,
    prefilled with that, comes back as it was: the return confirms its entry, and its history
    says so with the return; sent back with another change it is a clean update. The return's
    own invalid value is listed each time (the ingest report repeats it as a warning)."""
    iid = seeded(reg)
    two = Bad("0211 1234 oder 5678", "not one phone number")
    said = ("institution.phone: invalid value kept as typed: not one phone number",)
    assert reg.merge(institution_form(iid, base=1, phone=two)).status == "merged-flagged"
    unchanged = institution_form(iid, base=2, phone=two, date="2026-09-24", initials="ŞY")
    out = reg.merge(unchanged, at="2026-11-20T09:00:00Z")
    assert (out.status, out.changes, out.invalid) == ("confirmed", 0, said)
    entry = reg.institutions[iid]["entries"]["psychotherapie"]
    assert last_confirmed(entry) == dt.date(2026, 11, 20)
    assert reg.history(iid)[-1] == {
        "rev": 2,
        "at": "2026-11-20T09:00:00Z",
        "src": unchanged.provenance.sha256,
        "op": "confirm",
        "categories": ["psychotherapie"],
        "changes": [],
    }
    out = reg.merge(institution_form(iid, base=2, phone=two, plans="Gruppe auf Farsi"))
    assert (out.status, out.changes, out.invalid) == ("updated", 1, said)
    assert [h["op"] for h in reg.history(iid)] == ["merge", "merge", "confirm", "merge"]
    # someone else's checklist as the register has it confirms nothing on the institution's behalf
    same = reg.merge(checklist("psychotherapie", dict(YILMAZ, phone=two, plans="Gruppe auf Farsi")))
    assert (same.status, same.institutions, len(reg.history(iid))) == ("confirmed", (iid,), 4)


def test_checklist_matches_existing_institution_by_name_and_postcode(reg: Register) -> None:
    iid = seeded(reg)
    again = dict(YILMAZ, name="Praxis Sule Yilmaz", phone="", plans="Farsi-Gruppe")
    out = reg.merge(checklist("psychotherapie", again))
    assert out.institutions == (iid,) and not out.created
    assert len(reg.institutions) == 1
    assert value(reg, iid, "psychotherapie.plans") == "Farsi-Gruppe"


@pytest.mark.parametrize(
    ("name", "postcode"),
    [
        ("Praxis Şule Yıl\u00admaz", "40212"),  # a soft hyphen Word left in the name
        ("Praxis\u00a0Şule\u200bYılmaz", "40212"),  # a web page's no-break, zero-width spaces
        ("Praxis Şule\tYılmaz", "D-40212"),  # two cells of a table; the postcode as once written
    ],
)
def test_a_checklist_matches_by_the_name_and_postcode_as_the_register_stores_them(
    reg: Register, name: str, postcode: str
) -> None:
    """The matcher compares the text the register stores, not the typed one: a name with
    characters pasted unseen or a tab, and a postcode read as its five digits, are the
    practice's (they were a probable duplicate, or with „Yıl­maz“ a new institution)."""
    iid = seeded(reg)
    fields = {f.id: f for f in SCHEMA.institution_fields()}
    typed = {
        key: check_text(fields[key], text) for key, text in (("name", name), ("postcode", postcode))
    }
    again = dict(YILMAZ, phone="", plans="Farsi-Gruppe", **typed)
    out = reg.merge(checklist("psychotherapie", again))
    assert out.institutions == (iid,) and not out.created and not out.duplicates
    assert value(reg, iid, "psychotherapie.plans") == "Farsi-Gruppe"


@pytest.mark.parametrize(
    ("held", "typed", "postcode"),
    [
        # a Persian keyboard's ی and ک, an Arabic one's ي and ك: a probable duplicate (85 %)
        ("مشاوره خانواده کیان", "مشاوره خانواده كيان", "40212"),
        # four letters of „Klinik, Psychologie“ (69 %): a second institution, no postcode given
        ("کلینیک روانشناسی", "كلينيك روانشناسي", ""),
        # ة for ه, Arabic-Indic ٣ for Persian ۳ (a number in a name tells places apart)
        ("مرکز مشاوره ۳ خانه", "مرکز مشاوره ٣ خانة", "40212"),
    ],
    ids=["yeh-kaf", "no-postcode", "teh-marbuta-digits"],
)
def test_a_name_typed_on_an_arabic_keyboard_is_the_institution_a_persian_one_typed(
    reg: Register, held: str, typed: str, postcode: str
) -> None:
    """Two spellings that look the same on screen, one typed on a Persian keyboard, one on an
    Arabic one, are one institution's: the checklist is merged into it, as ``register find``
    finds either by the other; they were a probable duplicate or a second institution."""
    first = dict(YILMAZ, name=held, phone="")
    iid = reg.merge(checklist("psychotherapie", first)).created[0]
    again = dict(YILMAZ, name=typed, postcode=postcode, phone="", plans="Gruppe auf Farsi")
    out = reg.merge(checklist("psychotherapie", again))
    assert out.institutions == (iid,) and not out.created and not out.duplicates
    assert value(reg, iid, "psychotherapie.plans") == "Gruppe auf Farsi"
    assert len(reg.institutions) == 1


def test_the_register_s_name_stored_with_pasted_characters_matches_it_typed_without(
    reg: Register,
) -> None:
    """A register built before typed values were read as today holds „Praxis Şule Yıl­maz“
    (a soft hyphen): the same name typed without it is that practice."""
    old = dict(YILMAZ, name=Checked("Praxis Şule Yıl\u00admaz", "Praxis Şule Yıl\u00admaz"))
    iid = reg.merge(checklist("psychotherapie", old)).created[0]
    out = reg.merge(checklist("psychotherapie", dict(YILMAZ, phone="", plans="Gruppe")))
    assert out.institutions == (iid,) and not out.created and not out.duplicates


def test_a_name_contained_in_anothers_at_the_same_postcode_is_asked_not_merged(
    reg: Register,
) -> None:
    """„Praxis Şule Yılmaz – Traumaambulanz“ at the practice's postcode may be the practice or a
    second service at its address: it was merged as „same name and postcode“ (a name contained
    in the other scored 95). Now it is asked; with the practice's phone number it is the
    practice, and the report says the name is only alike."""
    iid = seeded(reg)
    service = dict(YILMAZ, name="Praxis Şule Yılmaz – Traumaambulanz", phone="", plans="Gruppe")
    out = reg.merge(checklist("psychotherapie", service))
    assert out.status == "merged-flagged" and len(out.duplicates) == 1
    assert reg.duplicates()[0]["candidate"] == iid
    assert "plans" not in reg.institutions[iid]["entries"]["psychotherapie"]["fields"]
    same_phone = dict(service, postcode="", phone=YILMAZ["phone"], plans="Gruppe auf Farsi")
    out = reg.merge(checklist("psychotherapie", same_phone))
    assert out.institutions == (iid,) and not out.duplicates
    assert value(reg, iid, "psychotherapie.plans") == "Gruppe auf Farsi"
    assert any(f.endswith("(similar name (95 %) and same phone)") for f in out.flags), out.flags


def test_similar_name_without_matching_address_is_queued_not_duplicated(reg: Register) -> None:
    iid = seeded(reg)
    similar = dict(YILMAZ, name="Praxis Şule Yılmaz-Demir", postcode="41460", phone="")
    out = reg.merge(checklist("psychotherapie", similar))
    assert out.status == "merged-flagged" and len(out.duplicates) == 1
    assert len(reg.institutions) == 1
    (dup,) = reg.duplicates()
    assert dup["candidate"] == iid
    assert reg.resolve_duplicate(dup["id"], "new") == "inst-0002"
    assert reg.duplicates() == [] and len(reg.institutions) == 2


def test_probable_duplicate_merged_on_decision(reg: Register) -> None:
    iid = seeded(reg)
    similar = dict(YILMAZ, name="Psychotherapeutische Praxis S. Yılmaz", plans="Gruppe")
    out = reg.merge(checklist("psychotherapie", similar))
    (did,) = out.duplicates
    assert reg.resolve_duplicate(did, "merge") == iid
    assert value(reg, iid, "psychotherapie.plans") == "Gruppe"


def test_a_duplicate_merged_on_decision_holds_what_the_institution_said_otherwise(
    reg: Register,
) -> None:
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, plans="Gruppe auf Farsi"))
    similar = dict(YILMAZ, name="Psychotherapeutische Praxis S. Yılmaz", plans="Gruppe")
    (did,) = reg.merge(checklist("psychotherapie", similar)).duplicates
    assert reg.resolve_duplicate(did, "merge") == iid
    assert value(reg, iid, "psychotherapie.plans") == "Gruppe auf Farsi"
    (held,) = [c for c in reg.conflicts() if c["path"] == "psychotherapie.plans"]
    assert held["reason_key"] == "held_institution"
    assert held["reason"] == (
        "the institution itself gave another value; this checklist came from someone else"
    )


def test_different_institutions_are_kept_apart(reg: Register) -> None:
    seeded(reg)
    other = {"name": "Ольга Петренко Beratung", "postcode": "41460", "region": "neuss_meerbusch"}
    out = reg.merge(
        checklist("psychotherapie", other, {"name": "مركز الاستشارة", "region": "dormagen"})
    )
    assert out.created == ("inst-0002", "inst-0003") and not out.duplicates


def test_checklist_by_someone_else_does_not_override_the_institution(reg: Register) -> None:
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, phone="+49 211 777777"))
    out = reg.merge(checklist("psychotherapie", dict(YILMAZ, phone="+49 211 123456")))
    assert out.status == "held"
    assert value(reg, iid, "institution.phone") == "+49 211 777777"


def imported(*rows: dict[str, object], iid: str | None = None) -> Submission:
    """The centre's list as ``register import`` merges it: a row per dict (with ``iid``: a row
    naming that institution's id)."""
    sub = submission(
        [entry(iid, "psychotherapie", n, row) for n, row in enumerate(rows, 2)],
        "checklist",
        ("psychotherapie",),
    )
    return replace(sub, provenance=replace(sub.provenance, reader=IMPORT))


LISTED = {k: v for k, v in YILMAZ.items() if k not in ("date", "initials")}
"""What the centre's list knew of the practice: all but the date and initials of a return."""


def confirmed(reg: Register, base: int = 1, date: str = "2026-11-24") -> tuple[str, str]:
    """The practice imported from the centre's list, and its form prefilled from that
    returned with the date and initials only (every other value sent back as prefilled)."""
    iid = reg.merge(imported(LISTED)).created[0]
    back = institution_form(iid, base=base, **dict(YILMAZ, date=date))
    assert reg.merge(back).status == "updated"
    return iid, back.provenance.sha256


def test_values_the_institution_confirmed_on_its_form_are_its_own_against_a_list(
    reg: Register,
) -> None:
    """The auditor's case: another organisation's list without ids, found by the phone
    number, gives another street and postcode and a region that is no choice. The
    institution confirmed those values on its form (prefilled, sent back unchanged, twice):
    each is held, as one it typed is; nothing changes and the entry stays its confirmation.
    The name typed without its Turkish letters is the same name: noted, not held."""
    iid, sha = confirmed(reg)
    stored = reg.value(iid, "institution.name")
    assert stored is not None and stored["confirmed"] == sha
    assert reg.source(stored["src"])["kind"] == "import"  # where it came from stays
    again = institution_form(iid, base=2, **dict(YILMAZ, date="2026-12-01"))
    assert reg.merge(again).status == "updated"  # a later date: confirmed once more
    assert reg.value(iid, "institution.name") == stored  # as the first return confirmed it
    before = reg.institutions[iid]
    before_values = json.dumps([before["institution"], before["entries"]], sort_keys=True)
    other = {
        "name": "Praxis Sule Yilmaz",
        "street": "Königsallee 1a",
        "postcode": "40215",
        "region": Bad("Neuss", "'Neuss' is not one of the choices"),
        "phone": YILMAZ["phone"],
    }
    out = reg.merge(imported(other))
    assert out.status == "held" and out.entries[0].institution == iid and not out.changes
    held = {c["path"]: c["reason_key"] for c in reg.conflicts()}
    assert held == dict.fromkeys(
        ["institution.street", "institution.postcode", "institution.region"],
        "held_import_confirmed",
    )
    assert f"{iid} institution.name: 'Praxis Sule Yilmaz' is the register's" in str(out.flags)
    (region,) = [c for c in reg.conflicts() if c["path"] == "institution.region"]
    assert region["reason"] == (
        "the institution confirmed the register's value on its own form; an imported list "
        "never replaces it by itself"
    )
    assert region["theirs"]["raw"] == "Neuss" and region["mine"]["v"] == "duesseldorf"
    after = reg.institutions[iid]
    assert json.dumps([after["institution"], after["entries"]], sort_keys=True) == before_values
    assert after["entries"]["psychotherapie"]["by_institution"] is True


def test_a_late_return_confirms_only_the_values_its_form_showed(
    reg: Register,
) -> None:
    """A return that shows what its form was sent with, where the register holds another
    value by now (an older form returned late), confirms nothing of that other value."""
    iid = reg.merge(imported(LISTED)).created[0]
    reg.merge(imported({"phone": "+49 211 999999"}, iid=iid))  # rev 2: the list corrected
    late = institution_form(iid, base=1, **dict(YILMAZ, date="2026-11-24"))
    reg.merge(late, sent={"institution.phone": {"v": "+49 211 123456", "raw": "+49 211 123456"}})
    phone = reg.value(iid, "institution.phone")
    assert phone is not None and phone["v"] == "+49 211 999999" and "confirmed" not in phone
    name = reg.value(iid, "institution.name")
    assert name is not None and name["confirmed"] == late.provenance.sha256
    out = reg.merge(imported({"phone": "+49 211 888888"}, iid=iid))
    assert out.status == "updated" and not reg.conflicts()


def test_an_invalid_value_from_someone_else_never_replaces_a_valid_one(reg: Register) -> None:
    iid = reg.merge(imported(LISTED)).created[0]
    bad = Bad("Neuss", "'Neuss' is not one of the choices")
    out = reg.merge(
        imported({"region": bad, "contact_phone": Bad("0211 1 oder 2", "two")}, iid=iid)
    )
    # held where the register holds a valid value; kept as typed (flagged) where it holds none
    (held,) = reg.conflicts()
    assert (held["path"], held["reason_key"]) == ("institution.region", "held_invalid")
    assert held["reason"] == (
        "not a valid value, and the register holds a valid one: a value from someone else "
        "never replaces it by itself"
    )
    assert value(reg, iid, "institution.region") == "duesseldorf"
    stored = reg.value(iid, "psychotherapie.contact_phone")
    assert out.changes == 1 and stored is not None and stored["raw"] == "0211 1 oder 2"
    someone = checklist("psychotherapie", dict(LISTED, region=bad, plans="Gruppe"))
    assert reg.merge(someone).status == "held"
    assert [c["reason_key"] for c in reg.conflicts()] == ["held_invalid", "held_invalid"]
    assert value(reg, iid, "institution.region") == "duesseldorf"
    # a valid value replaces an invalid one the list gave
    reg.merge(imported({"contact_phone": "+49 211 1234"}, iid=iid))
    assert value(reg, iid, "psychotherapie.contact_phone") == "+49 211 1234"


def test_values_from_someone_else_leave_an_entry_unconfirmed_by_the_institution(
    reg: Register,
) -> None:
    """The institution confirmed its entry; a list or someone else's checklist then gives a
    value it never saw (one it had left empty): the entry no longer counts as confirmed by
    it, and its next form asks it. Its next return confirms it again."""
    iid, _ = confirmed(reg)
    entry = reg.institutions[iid]["entries"]["psychotherapie"]
    assert entry["by_institution"] is True
    out = reg.merge(imported({"email": "praxis@yilmaz.example"}, iid=iid))
    assert out.changes == 1 and entry["by_institution"] is False
    assert "unconfirmed" in [r for f in review(reg, dt.date(2026, 11, 25)) for r in f.reasons]
    reg.merge(institution_form(iid, base=3, email="praxis@yilmaz.example", date="2026-11-26"))
    assert entry["by_institution"] is True
    reg.merge(checklist("psychotherapie", dict(LISTED, plans="Gruppe auf Farsi")))
    assert value(reg, iid, "psychotherapie.plans") == "Gruppe auf Farsi"
    assert entry["by_institution"] is False


def test_a_list_value_taken_on_decision_leaves_the_entry_unconfirmed(reg: Register) -> None:
    """Held over what the institution confirmed, a list's value kept out stays out; taken
    (``--take theirs``), it is one the institution never saw."""
    iid, _ = confirmed(reg)
    entry = reg.institutions[iid]["entries"]["psychotherapie"]
    reg.merge(imported({"street": "Königsallee 1a", "city": "Neuss"}, iid=iid))
    street, city = reg.conflicts()
    reg.resolve(city["id"], "mine")
    assert entry["by_institution"] is True
    reg.resolve(street["id"], "theirs")
    assert value(reg, iid, "institution.street") == "Königsallee 1a"
    assert entry["by_institution"] is False


PLANS = "Gruppe für Geflüchtete (Türkçe, Polski, Русский, العربية)"
UNSEEN = (
    "{iid}: psychotherapie.plans: changed in the register since this form was made, which did "
    "not show the new value: not confirmed by this return; the entries it belongs to stay "
    "unconfirmed, on the update list ('formgen register stale')"
)


def test_a_form_made_before_a_list_changed_the_entry_confirms_only_what_it_showed(
    reg: Register,
) -> None:
    """The practice confirmed its entry on its form (revision 2), and a form prefilled from
    that is out when the centre's list adds the plans it had left empty (revision 3). The form
    comes back as it was prefilled ("all still true"): it confirms what it showed, not the
    list's plans, which it never showed: the entry stays unconfirmed, on the update list, and
    the return says why. The next form, which shows the plans, sent back as it was, confirms
    the entry."""
    iid, _ = confirmed(reg)
    reg.merge(imported({"plans": PLANS}, iid=iid))
    entry = reg.institutions[iid]["entries"]["psychotherapie"]
    assert entry["by_institution"] is False

    out = reg.merge(institution_form(iid, base=2, **dict(YILMAZ, date="2026-11-24")))
    assert (out.status, out.changes) == ("merged-flagged", 0)
    assert list(out.flags) == [UNSEEN.format(iid=iid)]  # as --json keeps it: by the field's id
    # as the coordinator reads it: by the checklist's name and the field's label
    (said,) = [in_language(f, "de") for f in out.flags]
    assert said.startswith(
        f"{iid}: PsychotherapeutIn, niedergelassen › Pläne: im Register geändert"
    )
    assert "psychotherapie" not in said and "plans" not in said
    assert entry["by_institution"] is False
    assert "confirmed" not in (reg.value(iid, "psychotherapie.plans") or {})
    assert reg.value(iid, "institution.name")["confirmed"]  # type: ignore[index]
    (found,) = review(reg, today=dt.date(2026, 12, 2))
    assert found.reasons == ("unconfirmed",)
    # it confirmed no entry: its history says which value it could not confirm
    (event,) = [h for h in reg.history(iid) if h["op"] == "confirm"]
    assert (event["categories"], event["unconfirmed"]) == ([], ["psychotherapie.plans"])

    rev = reg.institutions[iid]["rev"]
    out = reg.merge(institution_form(iid, base=rev, **dict(YILMAZ, date="2026-11-24", plans=PLANS)))  # fmt: skip
    assert (out.status, out.flags) == ("confirmed", ())
    assert entry["by_institution"] is True
    assert review(reg, today=dt.date(2026, 12, 2)) == []


def test_what_a_form_showed_is_taken_from_its_recorded_prefill_else_it_confirms_as_before(
    reg: Register,
) -> None:
    """A form made from a recipients list before the register knew the practice has no base
    version: what it showed is known only from the prefill the workspace recorded. With it,
    the list's plans it did not show stay unconfirmed; a form an older formgen made, without
    that record, confirms the entry as before. (No form made from the register came back
    before: a return of one would make these forms older, whose returns confirm nothing.)"""
    iid = reg.merge(imported(LISTED)).created[0]
    sent = sent_values(SCHEMA, reg.record(iid).form_values(SCHEMA))
    reg.merge(imported({"plans": PLANS}, iid=iid))
    entry = reg.institutions[iid]["entries"]["psychotherapie"]

    back = dict(YILMAZ, date="2026-11-24")  # as it was prefilled
    out = reg.merge(institution_form(iid, **back), sent=sent)
    assert UNSEEN.format(iid=iid) in out.flags
    assert entry["by_institution"] is False

    out = reg.merge(institution_form(iid, **back))
    assert (out.status, out.flags) == ("confirmed", ())
    assert entry["by_institution"] is True


@pytest.mark.parametrize(
    ("list_", "why"), [(True, "held_import_confirmed"), (False, "held_confirmed")]
)
def test_a_duplicate_merged_on_decision_holds_what_the_institution_confirmed(
    reg: Register, list_: bool, why: str
) -> None:
    """A row of a list, or a checklist from someone else, with the practice's phone number and
    another name: a probable duplicate. Merged on decision, it replaces none of the values
    the institution confirmed on its form; it fills what the register did not hold."""
    iid, _ = confirmed(reg)
    caritas = {
        "name": "Caritas Suchtberatung",
        "street": "Kirchplatz 9",
        "postcode": "41460",
        "city": "Neuss",
        "region": "neuss_meerbusch",
        "phone": YILMAZ["phone"],
        "plans": "Gruppe",
    }
    sub = imported(caritas) if list_ else checklist("psychotherapie", caritas)
    (did,) = reg.merge(sub).duplicates
    assert reg.resolve_duplicate(did, "merge") == iid
    held = {c["path"]: c["reason_key"] for c in reg.conflicts()}
    assert held == {
        f"institution.{k}": why for k in ("name", "street", "postcode", "city", "region")
    }
    assert value(reg, iid, "institution.name") == YILMAZ["name"]
    assert value(reg, iid, "psychotherapie.plans") == "Gruppe"
    assert reg.institutions[iid]["entries"]["psychotherapie"]["by_institution"] is False


def test_unknown_category_is_quarantined_with_the_reason(reg: Register) -> None:
    before = reg.dumps()
    out = reg.merge(checklist("astrologie", YILMAZ))
    assert out.status == "quarantined" and not out.merged
    assert "unknown category 'astrologie'" in (out.reason or "")
    assert reg.dumps() == before


def test_unknown_schema_is_quarantined(reg: Register) -> None:
    out = reg.merge(checklist("psychotherapie", YILMAZ, schema_id="fremd"))
    assert out.status == "quarantined" and "schema 'fremd'" in (out.reason or "")


def test_entry_confirmed_by_the_institution_itself(reg: Register) -> None:
    iid = seeded(reg)
    entry = reg.institutions[iid]["entries"]["psychotherapie"]
    assert entry["by_institution"] is False
    reg.merge(institution_form(iid, base=1, date="2026-10-02"))
    assert entry["by_institution"] is True


def test_values_stored_before_they_were_read_as_today_are_no_change_sent_again(
    reg: Register,
) -> None:
    """A register built before typed values were read as today (a phone's hyphen kept, soft
    hyphens left out) holds ``+49 211 123456`` and „Königs\u00adallee 1“: the institution
    sending the same number and street again changes nothing; it keeps the register's value."""
    iid = reg.merge(
        checklist("psychotherapie", {**YILMAZ, "street": "Königs\u00adallee 1"})
    ).created[0]
    out = reg.merge(
        institution_form(iid, base=1, phone="+49 211 12345-6", street="Königsallee\u00a01")
    )
    assert out.changes == 0 and not out.flags
    assert value(reg, iid, "institution.phone") == "+49 211 123456"
    assert value(reg, iid, "institution.street") == "Königs\u00adallee 1"
    assert [h["rev"] for h in reg.history(iid)] == [1]
    # another number is a change
    reg.merge(institution_form(iid, base=1, phone="+49 211 12345-7"))
    assert value(reg, iid, "institution.phone") == "+49 211 12345-7"


def test_values_stored_valid_before_formgen_flagged_them_are_no_change_sent_again(
    reg: Register,
) -> None:
    """A register built before a Durchwahl after a mobile number and a date more than a year
    ahead were flagged holds them valid: the institution sending them again, typed as it
    writes them, changes nothing (the report still flags them); another value is a change."""
    iid = reg.merge(checklist("psychotherapie", YILMAZ)).created[0]
    reg.merge(
        institution_form(
            iid,
            base=1,
            contact_phone=Checked("0171 1234567-0", "+49 171 1234567-0"),
            meeting_date=Checked("24.11.2062", "2062-11-24"),
        )
    )
    rev = reg.institutions[iid]["rev"]
    today = dt.date(2026, 11, 24)
    again = {
        "contact_phone": values.parse_phone("0171/1234567-0"),
        "meeting_date": values.not_far_ahead(values.parse_date("2062-11-24"), today),
    }
    assert all(c.value is None and c.problem is not None for c in again.values())
    out = reg.merge(institution_form(iid, base=rev, **again))
    assert out.changes == 0 and len(out.invalid) == 2, out
    assert value(reg, iid, "psychotherapie.contact_phone") == "+49 171 1234567-0"
    assert value(reg, iid, "psychotherapie.meeting_date") == "2062-11-24"
    later = values.not_far_ahead(values.parse_date("24.11.2063"), today)
    out = reg.merge(institution_form(iid, base=rev, meeting_date=later))
    assert out.changes == 1 and value(reg, iid, "psychotherapie.meeting_date") is None


def test_history_records_old_and_new_values(reg: Register) -> None:
    iid = seeded(reg)
    reg.merge(institution_form(iid, base=1, phone="+49 211 999999"))
    last = reg.history(iid)[-1]
    ((path, old, new),) = last["changes"]
    assert (
        path == "institution.phone"
        and old["v"] == "+49 211 123456"
        and new["v"] == "+49 211 999999"
    )


def test_corrupted_register_names_line_and_column() -> None:
    text = '{"format": "formgen-register",\n "format_version": 1,\n "institutions": {,}}'
    with pytest.raises(RegisterError, match=r"line 3, column 19: .*rebuild"):
        Register.loads(SCHEMA, text)


def test_register_of_a_newer_version_is_refused() -> None:
    data = json.loads(Register(SCHEMA).dumps())
    data["format_version"] = 99
    with pytest.raises(RegisterVersionError, match=r"newer formgen.*format 99"):
        Register.loads(SCHEMA, json.dumps(data))


def test_register_round_trips() -> None:
    reg = Register(SCHEMA)
    seeded(reg)
    again = Register.loads(SCHEMA, reg.dumps())
    assert again.data == reg.data
    assert again.record("inst-0001").institution["name"] == "Praxis Şule Yılmaz"


def test_names_that_differ_in_a_number_are_different_places(reg: Register) -> None:
    reg.merge(
        checklist(
            "stadtteilbueros",
            {"name": "Stadtteilbüro 3", "postcode": "40210", "region": "duesseldorf"},
        )
    )
    out = reg.merge(
        checklist(
            "stadtteilbueros",
            {"name": "Stadtteilbüro 4", "postcode": "40210", "region": "duesseldorf"},
        )
    )
    assert out.created == ("inst-0002",) and not out.duplicates


def test_hand_edited_structure_is_named() -> None:
    reg = Register(SCHEMA)
    seeded(reg)
    data = json.loads(reg.dumps())
    data["institutions"]["inst-0001"]["institution"]["name"] = "Praxis Yılmaz"  # not a stored value
    with pytest.raises(RegisterError, match=r"inst-0001, institution.name: not a stored value"):
        Register.loads(SCHEMA, json.dumps(data))
    data["institutions"] = []
    with pytest.raises(RegisterError, match="institutions: must be an object"):
        Register.loads(SCHEMA, json.dumps(data))


def test_form_of_an_institution_the_register_does_not_know(reg: Register) -> None:
    out = reg.merge(institution_form("inst-0042", base=3, name="Praxis Łódź", region="dormagen"))
    assert out.created == ("inst-0042",)
    assert any("was not in the register" in f for f in out.flags)
    assert reg.merge(
        checklist("psychotherapie", {"name": "Neu", "region": "dormagen"})
    ).created == ("inst-0001",)


def test_institution_form_with_two_categories_is_one_clean_update(reg: Register) -> None:
    """A return's own first entry must not make its base version look out of date for the next."""
    iid = seeded(reg)
    rev = reg.institutions[iid]["rev"]
    sub = submission(
        [
            entry(iid, "psychotherapie", None, {"languages_offered": ["fa"], "date": "2026-10-01"}),
            entry(iid, "facharzt", None, {"office_hours": "Mo 9–12", "date": "2026-10-01"}),
        ],
        "institution",
        ("psychotherapie", "facharzt"),
        institution_id=iid,
        base=rev,
    )
    out = reg.merge(sub)
    assert out.status == "updated", out.flags
    assert not any("had changed since" in f for f in out.flags)


def test_new_institution_from_a_two_category_form_is_not_flagged(reg: Register) -> None:
    sub = submission(
        [
            entry(
                "inst-0100",
                "psychotherapie",
                None,
                {"name": "Praxis Ольга", "region": "duesseldorf", "migrant_experience": "ja"},
            ),
            entry("inst-0100", "facharzt", None, {"name": "Praxis Ольга", "office_hours": "Di"}),
        ],
        "institution",
        ("psychotherapie", "facharzt"),
        institution_id="inst-0100",
        base=7,
    )
    out = reg.merge(sub)
    assert out.status == "updated", out.flags
    assert out.created == ("inst-0100",)


def test_a_printed_copy_never_silently_replaces_values_read_from_form_fields(reg: Register) -> None:
    iid = seeded(reg)
    rev = reg.institutions[iid]["rev"]
    before = value(reg, iid, "psychotherapie.languages_offered")
    out = reg.merge(
        institution_form(
            iid, base=rev, languages_offered=["ru"], date="2026-10-02", confidence="low"
        )
    )
    assert out.status == "held"
    assert value(reg, iid, "psychotherapie.languages_offered") == before
    assert any("read from a copy without its form fields (a printed PDF" in f for f in out.flags)
    # the date it was filled in on is what the institution wrote: it confirms the entry
    assert value(reg, iid, "psychotherapie.date") == "2026-10-02"


def test_a_copy_of_an_older_form_read_by_position_never_replaces_date_and_initials(
    reg: Register,
) -> None:
    """Only a form prefilled from the register as it is confirms with a date and initials
    read by position: a printed copy of an older form, or of a form returned already (its
    initials in Arabic script drawn mirrored), is held like any value read so."""
    iid = seeded(reg)
    reg.merge(
        institution_form(iid, base=1, date="2026-10-01", initials="ن.ع", instance="F0RM000001")
    )
    out = reg.merge(
        institution_form(
            iid, base=1, date="2026-10-01", initials="ع.ن", instance="F0RM000001", confidence="low"
        )
    )
    assert out.status == "held" and value(reg, iid, "psychotherapie.initials") == "ن.ع"
    (held,) = reg.conflicts()
    assert held["path"] == "psychotherapie.initials"
    # the register's letters in reverse order: said so, not offered as a plain other value
    assert held["reason_key"] == "held_reversed"
    assert any("probably read reversed" in f and "--take mine" in f for f in out.flags)
    out = reg.merge(
        institution_form(
            iid, base=1, date="2026-10-01", initials="ع.م", instance="F0RM000002", confidence="low"
        )
    )
    assert [c["reason_key"] for c in reg.conflicts()] == ["held_reversed", "held_low"]


def test_a_copy_read_by_position_as_it_was_sent_confirms_and_holds_nothing(
    reg: Register,
) -> None:
    """A Word form saved unchanged by LibreOffice 7.4 (read row by row: confidence low),
    ingested after the institution's corrected return of the same form: nothing to decide."""
    sent = {
        "institution.name": {"v": "Praxis Ost", "raw": "Praxis Ost"},
        "institution.email": {"v": "alt@ost.example", "raw": "alt@ost.example"},
    }
    two = (
        [entry("inst-0200", c, None, {}) for c in ("psychotherapie", "facharzt")],
        "institution",
        ("psychotherapie", "facharzt"),
    )

    def form(email: str, confidence: str) -> Submission:
        entries = [
            replace(e, institution={"name": checked("Praxis Ost"), "email": checked(email)})
            for e in two[0]
        ]
        return submission(
            entries, *two[1:], institution_id="inst-0200", instance="P0STF0RM01",
            confidence=confidence,
        )  # fmt: skip

    corrected = reg.merge(form("neu@ost.example", "high"), sent=sent)
    assert corrected.changes == 2 and value(reg, "inst-0200", "institution.email") == (
        "neu@ost.example"
    )
    untouched = reg.merge(form("alt@ost.example", "low"), sent=sent)
    assert untouched.status == "confirmed" and not untouched.conflicts
    assert value(reg, "inst-0200", "institution.email") == "neu@ost.example"
    # a copy read by position that differs from what was sent is held — once, although the
    # institution's own fields come with each of its two checklists
    other = reg.merge(form("dritte@ost.example", "low"), sent=sent)
    assert other.status == "held" and len(other.conflicts) == 1


def test_the_same_file_again_names_the_day_it_came_in_on_this_computers_clock(
    reg: Register,
) -> None:
    """Read in at 00:30 in Düsseldorf on 23 November (23:30 UTC the day before): the 23rd."""
    sub = checklist("psychotherapie", YILMAZ)
    reg.merge(sub, at="2026-11-22T23:30:00Z")
    with local_zone("Europe/Berlin"):
        again = reg.merge(sub)
    assert again.status == "unchanged"
    assert "already ingested on 2026-11-23 as" in (again.reason or "")


def test_a_hand_edited_time_in_the_register_stops_nothing(reg: Register) -> None:
    """register.json is a text file a coordinator may edit: a time that is none is shown as
    it stands, and the entry counts as never confirmed by a read-in day."""
    sub = checklist("psychotherapie", {**YILMAZ, "date": ""})
    reg.merge(sub, at="2026-11-22T23:30:00Z")
    sha = sub.provenance.sha256
    reg.data["sources"][sha]["ingested_at"] = "gestern"
    entry = reg.institutions["inst-0001"]["entries"]["psychotherapie"]
    entry["confirmed_at"] = "letzte Woche"
    again = reg.merge(sub)
    assert again.status == "unchanged"
    assert "already ingested on gestern as" in (again.reason or "")
    assert last_confirmed(entry) is None
    source = reg.data["sources"][sha]
    source["ingested_at"], entry["confirmed_at"] = None, 20261122
    del source["file_name"]
    assert reg.merge(sub).reason == "this file was already ingested on ? as ?; nothing changed"
    assert last_confirmed(entry) is None


@pytest.mark.parametrize(
    ("received", "day"), [("2026-11-20", dt.date(2026, 11, 20)), ("gestern", None), (None, None)]
)
def test_the_day_a_kept_aside_copy_came_in_is_read_as_far_as_it_is_a_day(
    received: str | None, day: dt.date | None
) -> None:
    """A journal edited by hand must not stop `register rebuild --reread`: no day, and the
    copy's dates are checked against the day it is read."""
    prov = checklist("psychotherapie", YILMAZ).provenance
    assert replace(prov, received=received).received_day == day


def test_a_value_read_by_position_says_why_it_waits_by_whose_the_registers_value_is(
    reg: Register,
) -> None:
    """A printed copy's value waits behind one read from form fields and behind one set by
    hand, each said so: it said „read from form fields“ of a value set by hand too."""
    iid = seeded(reg)
    reg.set_by_hand(iid, reg.hand_values(iid, "institution.phone", "0211 5556667"), "Telefon")
    out = reg.merge(
        institution_form(
            iid,
            base=reg.institutions[iid]["rev"],
            phone="0211 999888",
            opening_hours="Mo 9–12",
            contact_name="Dr. Şule Yılmaz",
            confidence="low",
        )
    )
    held = {c["path"]: c["reason_key"] for c in reg.conflicts()}
    assert held == {
        "institution.phone": "held_low_hand",
        "psychotherapie.contact_name": "held_low",
    }, out.flags
    assert any("never replaces one a coordinator set by hand" in f for f in out.flags)
    assert value(reg, iid, "institution.opening_hours") == "Mo 9–12"  # none held it
