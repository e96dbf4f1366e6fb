"""Validation of returned forms: identity first, typed values, renames across schema versions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ingest_support import load_maker, workspace
from pdf_engines import pdfium_fill

from formgen.errors import QuarantineError
from formgen.identity import FormIdentity
from formgen.messages import in_language
from formgen.schema_load import default_schema, load_schema_text, shipped_schema_path
from ingest import journal
from ingest.labels import path_named
from ingest.pipeline import ingest_into_register
from ingest.schemas import SchemaRegistry
from ingest.submission import Provenance, RawSubmission, RawValue, Submission
from ingest.validate import MAX_VALUE_CHARS, validate

SECRET = b"s" * 32

MINI = """\
schema_id: mini
schema_version: {version}
default_language: de
languages: [de, en]
title: {{de: Mini, en: Mini}}
description: {{de: Mini, en: Mini}}
regions:
  - value: duesseldorf
    label: {{de: Düsseldorf, en: Düsseldorf}}
default_field_set: f
field_sets:
  f:
    sections:
      - id: s
        label: {{de: S, en: S}}
        fields:
          - id: name
            type: text
            scope: institution
            required: true
            label: {{de: Name, en: Name}}
          - id: email
            type: email
            scope: institution
            label: {{de: E-Mail, en: E-mail}}
{fields}
groups:
  - id: g
    label: {{de: G, en: G}}
    entry_blocks: 3
    stale_after_days: 365
    categories:
      - id: beratung
        label: {{de: Beratung, en: Counselling}}
        description: {{de: B, en: B}}
      - id: klinik
        label: {{de: Klinik, en: Clinic}}
        description: {{de: K, en: K}}
"""

V1_FIELDS = """\
          - id: telefon
            type: phone
            label: {de: Telefon, en: Phone}
          - id: sprachen
            type: language_list
            common: [ar, fa]
            label: {de: Sprachen, en: Languages}
          - id: datum
            type: date
            required: true
            label: {de: Datum, en: Date}
          - id: alt
            type: text
            label: {de: Alt, en: Old}
"""

V2_FIELDS = """\
          - id: contact_phone
            type: phone
            renamed_from: [telefon]
            label: {de: Telefon, en: Phone}
          - id: languages_offered
            type: language_list
            renamed_from: [sprachen]
            common: [ar, fa, tr]
            label: {de: Sprachen, en: Languages}
          - id: datum
            type: date
            required: true
            label: {de: Datum, en: Date}
"""


def mini(version: str, fields: str):  # type: ignore[no-untyped-def]
    return load_schema_text(MINI.format(version=version, fields=fields), f"mini-{version}")


V1 = mini("1.0.0", V1_FIELDS)
V2 = mini("2.0.0", V2_FIELDS)


def ident(kind: str = "checklist", version: str = "1.0.0", **kw: object) -> FormIdentity:
    base: dict[str, object] = {
        "schema_id": "mini",
        "schema_version": version,
        "instance_id": "7K3M9Q2XAB",
        "kind": kind,
        "categories": ("beratung",),
    }
    base.update(kw)
    return FormIdentity(**base).sign(SECRET)  # type: ignore[arg-type]


def raw(identity: FormIdentity | None, values: dict[str, RawValue]) -> RawSubmission:
    return RawSubmission(identity, values, Provenance("antwort.pdf", "0" * 64, 100, "acroform-pdf"))


def test_checklist_form_gives_one_entry_per_filled_block() -> None:
    sub = validate(
        raw(
            ident(),
            {
                "beratung.1.name": "Beratungsstelle Şule Yılmaz",
                "beratung.1.telefon": "0211 1234567",
                "beratung.1.sprachen.ar": True,
                "beratung.1.sprachen.fa": False,
                "beratung.1.sprachen._other": "Tamil, Klingonisch",
                "beratung.1.datum": "24.9.25",
                "beratung.2.name": "",
                "beratung.2.sprachen.ar": False,
                "beratung.3.name": "Центр Ольга Петренко",
                "beratung.3.datum": "2025-09-24",
            },
        ),
        SchemaRegistry(V1),
        SECRET,
    )
    assert [(e.category, e.block, e.institution_id) for e in sub.entries] == [
        ("beratung", 1, None),
        ("beratung", 3, None),
    ]
    first = sub.entries[0]
    assert first.institution["name"].value == "Beratungsstelle Şule Yılmaz"
    assert first.entry["telefon"].value == "+49 211 1234567"
    assert first.entry["sprachen"].value == ["ar", "ta"]
    assert first.entry["sprachen._other"].value == "Klingonisch"
    assert first.entry["datum"].value == "2025-09-24"
    assert sub.problems == []


def test_institution_form_gives_one_entry_per_category_with_the_institution_data() -> None:
    identity = ident("institution", categories=("beratung", "klinik"), institution_id="inst-0007")
    sub = validate(
        raw(
            identity,
            {
                "institution.name": "مركز الاستشارة",
                "beratung.telefon": "kaputt",
                "klinik.datum": "24.09.2025",
            },
        ),
        SchemaRegistry(V1),
        SECRET,
    )
    assert [(e.institution_id, e.category, e.block) for e in sub.entries] == [
        ("inst-0007", "beratung", None),
        ("inst-0007", "klinik", None),
    ]
    assert all(e.institution["name"].value == "مركز الاستشارة" for e in sub.entries)
    bad = sub.entries[0].entry["telefon"]
    assert bad.raw == "kaputt" and bad.value is None
    assert sub.problems == [
        "beratung.telefon: 'kaputt' is not a phone number (region DE); write one number with area code, e.g. 0211 1234567"
    ]
    assert "beratung: required field 'datum' is not filled in" in sub.notes


def test_a_required_field_left_empty_is_named_as_the_form_named_it() -> None:
    """An English form's empty required field is told by its English label, not the German."""
    identity = ident("institution", categories=("beratung",), institution_id="i-1", lang="en")
    sub = validate(raw(identity, {"beratung.telefon": "0211 1234567"}), SchemaRegistry(V1), SECRET)
    assert "beratung: required field 'datum' is not filled in" in sub.notes  # --json: ids
    # the coordinator reads the checklist by its name, the field by its label: no ids
    said = [in_language(n, lang) for n in sub.notes if "'datum'" in n for lang in ("de", "en")]
    assert said == [
        "Beratung: Pflichtfeld „Date“ ist nicht ausgefüllt",
        "Counselling: required field 'Date' is not filled in",
    ]


def test_a_block_of_a_checklist_is_named_by_the_checklist_and_its_number() -> None:
    """A checklist's block 3 left a required field empty and has an invalid value: the report
    names the block as „Beratung, Block 3“ and the field by its label, in German and English;
    ``--json`` keeps the ids (``beratung.3``)."""
    values: dict[str, RawValue] = {"beratung.3.name": "Центр Ольга", "beratung.3.telefon": "x"}
    sub = validate(raw(ident(), values), SchemaRegistry(V1), SECRET)
    (required,) = sub.notes
    assert required == "beratung.3: required field 'datum' is not filled in"
    assert (
        in_language(required, "de") == "Beratung, Block 3: Pflichtfeld „Datum“ ist nicht ausgefüllt"
    )
    assert (
        in_language(required, "en")
        == "Counselling, block 3: required field 'Datum' is not filled in"
    )
    (bad,) = sub.problems_named(lambda p: path_named(V1, p))
    assert bad.startswith("beratung.3.telefon: 'x' is not a phone number")
    assert in_language(bad, "de").startswith("Beratung, Block 3 › Telefon: „x“ ist keine ")
    assert in_language(bad, "en").startswith("Counselling, block 3 › Phone: 'x' is not a phone")


@pytest.mark.parametrize(
    ("identity", "kind", "message"),
    [
        (None, "unknown-form", "no formgen identity"),
        (
            ident().__class__(**{**ident().__dict__, "institution_id": "inst-9"}),
            "tampered",
            "does not match",
        ),
        (
            ident().__class__(**{**ident().__dict__, "signature": ""}),
            "tampered",
            "has no signature",
        ),
        (ident(version="9.0.0"), "unknown-schema", "made with schema version 9.0.0"),
        (ident(schema_id="fremd"), "unknown-schema", "made from schema 'fremd'"),
        (ident(categories=("zahnarzt",)), "unknown-category", "unknown category 'zahnarzt'"),
    ],
)
def test_identity_problems_quarantine_the_file(
    identity: FormIdentity | None, kind: str, message: str
) -> None:
    with pytest.raises(QuarantineError, match=message) as info:
        validate(raw(identity, {"beratung.1.name": "X"}), SchemaRegistry(V1), SECRET)
    assert info.value.kind == kind


def test_a_form_of_an_older_version_is_mapped_through_renames() -> None:
    sub = validate(
        raw(
            ident(),
            {
                "beratung.1.name": "Praxis Çiğdem Öztürk-İnce",
                "beratung.1.telefon": "0211 1234567",
                "beratung.1.sprachen.fa": True,
                "beratung.1.datum": "1.10.2025",
                "beratung.1.alt": "entfällt",
            },
        ),
        SchemaRegistry(V2, older=[V1]),
        SECRET,
    )
    (entry,) = sub.entries
    assert entry.entry["contact_phone"].value == "+49 211 1234567"
    assert entry.entry["languages_offered"].value == ["fa"]
    assert "telefon" not in entry.entry and "alt" not in entry.entry
    assert any(
        "field 'alt' of schema version 1.0.0 no longer exists" in n and "entfällt" in n
        for n in sub.notes
    )
    assert any("mapped to the current version 2.0.0" in n for n in sub.notes)


def test_a_placeholder_stays_one_when_its_form_is_mapped() -> None:
    """„s.o.“ in a field whose type a later version changed (a line of text become a text
    area) is still a placeholder, not checked again as if it were a value."""
    area = (
        "          - id: alt\n            type: textarea\n            label: {de: Alt, en: Old}\n"
    )
    values: dict[str, RawValue] = {"beratung.1.name": "Praxis Ольга", "beratung.1.alt": "s.o."}
    registry = SchemaRegistry(mini("2.0.0", V2_FIELDS + area), older=[V1])
    (entry,) = validate(raw(ident(), values), registry, SECRET).entries
    checked = entry.entry["alt"]
    assert checked.raw == "s.o." and checked.problem and checked.problem.key == "placeholder"


def test_older_versions_are_found_in_a_folder_by_schema_id_and_version(tmp_path: Path) -> None:
    folder = tmp_path / "schemas" / "mini"
    folder.mkdir(parents=True)
    (folder / "1.0.0.yaml").write_text(MINI.format(version="1.0.0", fields=V1_FIELDS), "utf-8")
    registry = SchemaRegistry.for_workspace(tmp_path, V2)
    assert "mini 1.0.0" in registry.known_versions()
    sub = validate(raw(ident(), {"beratung.1.telefon": "0211 1234567"}), registry, SECRET)
    assert sub.entries[0].entry["contact_phone"].value == "+49 211 1234567"
    (folder / "1.0.0.yaml").write_text(MINI.format(version="1.5.0", fields=V1_FIELDS), "utf-8")
    with pytest.raises(QuarantineError, match=re.escape("holds schema mini 1.5.0, not mini 1.0.0")):
        SchemaRegistry.for_workspace(tmp_path, V2).get("mini", "1.0.0")


def test_a_huge_value_is_flagged_and_kept_shortened() -> None:
    sub = validate(raw(ident(), {"beratung.1.name": "x" * 20_000_000}), SchemaRegistry(V1), SECRET)
    name = sub.entries[0].institution["name"]
    assert name.value is None and name.raw.startswith("x" * MAX_VALUE_CHARS)
    assert name.problem is not None and "20,000,000 characters" in name.problem.text


def test_values_outside_the_form_are_reported_not_merged() -> None:
    sub = validate(
        raw(ident(), {"klinik.1.name": "X", "nonsense": "Y", "beratung.1.name": "Z"}),
        SchemaRegistry(V1),
        SECRET,
    )
    assert [e.block for e in sub.entries] == [1]
    assert sum("ignored" in n for n in sub.notes) == 2


def shipped_institution_form(values: dict[str, RawValue]) -> Submission:
    """An institution form of the shipped schema (psychotherapie, inst-1), validated."""
    schema = default_schema()
    identity = ident(
        "institution",
        schema.schema_version,
        schema_id=schema.schema_id,
        categories=("psychotherapie",),
        institution_id="inst-1",
    )
    return validate(raw(identity, values), SchemaRegistry(schema), SECRET)


def test_the_shipped_schema_institution_form() -> None:
    sub = shipped_institution_form(
        {
            "institution.name": "Praxis Łódź",
            "institution.region": "Düsseldorf",
            "institution.postcode": "40210",
            "psychotherapie.migrant_experience": "fehlanzeige",
            "psychotherapie.share_migrants": "40 %",
            "psychotherapie.languages_offered.tr": True,
            "psychotherapie.languages_offered._other": "Griechisch",
            "psychotherapie.date": "24.09.2025",
            "psychotherapie.initials": "ŞY",
        }
    )
    (e,) = sub.entries
    assert e.institution["region"].value == "duesseldorf"
    assert e.entry["migrant_experience"].value == "fehlanzeige"
    assert e.entry["share_migrants"].value == 40
    assert e.entry["languages_offered"].value == ["tr", "el"]
    assert sub.problems == []


def test_a_two_digit_year_in_the_datum_is_flagged_not_read_as_1962() -> None:
    """A form's „Datum“ is the day it was filled in: ``24.11.62`` is neither 1962 nor 2062;
    kept as typed and flagged, so the entry is not stale since 1962. Another date of the form
    (an appointment) is read as any date is."""
    sub = shipped_institution_form(
        {
            "institution.name": "Praxis Łódź",
            "psychotherapie.meeting_date": "1.12.26",
            "psychotherapie.date": "24.11.62",
            "psychotherapie.initials": "ŞY",
        }
    )
    (e,) = sub.entries
    assert e.entry["meeting_date"].value == "2026-12-01"
    datum = e.entry["date"]
    assert (datum.raw, datum.value) == ("24.11.62", None)
    assert datum.problem is not None and datum.problem.key == "future_two_digit_year"
    assert datum.problem.in_language("de").startswith(
        "„24.11.62“ hat ein zweistelliges Jahr, und weder 2062 (in der Zukunft: heute ist der "
    )


def test_what_people_write_instead_of_a_value_is_kept_as_typed_and_flagged() -> None:
    """„s.o.“, „-“, „k.A.“ … stored as the value would call the entry complete: kept as typed,
    flagged (whatever the field's type), so that the entry is on the update list."""
    written = {
        "institution.traeger": "s.o.",
        "institution.street": "Keine Angabe.",
        "institution.city": "?",
        "institution.phone": "-",
        "institution.website": "n/a",
        "psychotherapie.catchment_area": "siehe  Anlage",
        "psychotherapie.share_migrants": "k. A.",
        "psychotherapie.concepts": "folgt …",
        "psychotherapie.contact_name": "TBD",
        "psychotherapie.languages_offered._other": "s. o.",
        "psychotherapie.meeting_date": "– – –",
    }
    (e,) = shipped_institution_form(written).entries
    got = {**{f"institution.{k}": v for k, v in e.institution.items()}}
    got.update({f"psychotherapie.{k}": v for k, v in e.entry.items()})
    assert {k: v.raw for k, v in got.items()} == written  # as typed
    assert {k: v.problem.key if v.problem else None for k, v in got.items()} == dict.fromkeys(
        written, "placeholder"
    )
    assert got["institution.traeger"].problem is not None
    assert got["institution.traeger"].problem.in_language("en") == (
        "'s.o.' is a placeholder, not a value; please enter the value itself"
    )


@pytest.mark.parametrize(
    "value", ["Anlage 5", "Praxis s.o.", "Na und? e.V.", "Folgt später im Januar", "0211 1234"]
)
def test_a_value_that_holds_a_placeholder_word_is_a_value(value: str) -> None:
    (e,) = shipped_institution_form({"institution.name": value}).entries
    assert e.institution["name"].value == value and e.institution["name"].problem is None


@pytest.mark.parametrize(("initials", "placeholder"), [("K.A.", False), ("SO", False), ("NA", False), ("-", True)])  # fmt: skip
def test_initials_that_spell_a_placeholder_are_initials(initials: str, placeholder: bool) -> None:
    """Klaus Albers signs „K.A.“: not „k.A.“ (keine Angabe); a dash is no one's initials."""
    (e,) = shipped_institution_form({"psychotherapie.initials": initials}).entries
    checked = e.entry["initials"]
    assert checked.raw == initials
    assert (checked.problem.key if checked.problem else None) == ("placeholder" if placeholder else None)  # fmt: skip


def test_a_single_choice_given_as_ticked_boxes() -> None:
    sub = shipped_institution_form(
        {
            "formgen.schema_id": default_schema().schema_id,
            "psychotherapie.migrant_experience.fehlanzeige": True,
            "psychotherapie.migrant_experience.ja": False,
        }
    )
    assert sub.entries[0].entry["migrant_experience"].value == "fehlanzeige"
    assert not any("formgen" in n for n in sub.notes)
    both = shipped_institution_form(
        {
            "psychotherapie.migrant_experience.ja": True,
            "psychotherapie.migrant_experience.nein": True,
        }
    )
    checked = both.entries[0].entry["migrant_experience"]
    assert (
        checked.value is None
        and checked.raw == "ja, nein"
        and checked.problem is not None
        and checked.problem.text == "2 boxes ticked (Yes, No); tick one"  # by their labels
    )
    assert checked.problem.in_language("de") == (
        "2 Kästchen angekreuzt (Ja, Nein); bitte nur eines ankreuzen"
    )


def test_a_value_kept_shortened_stays_flagged_when_its_form_is_mapped(tmp_path: Path) -> None:
    """A form of an older version, whose "Konzepte, Angebote" was a one-line text field (now
    a text area), with a whole concept paper pasted in: the value is kept shortened and says
    so after the mapping too — not checked again as if the cut text were what was typed."""
    maker = load_maker()
    shipped = shipped_schema_path().read_text("utf-8")
    one_line = "          - id: concepts\n            type: textarea\n            lines: 4\n"
    assert one_line in shipped
    older = shipped.replace("schema_version: 1.0.0", "schema_version: 0.9.0").replace(
        one_line, "          - id: concepts\n            type: text\n"
    )
    ws = workspace(tmp_path / "ws", maker.SECRET)
    folder = ws.root / "schemas" / default_schema().schema_id
    folder.mkdir(parents=True)
    (folder / "0.9.0.yaml").write_text(older, "utf-8")
    blank, _ = maker.blank_form(maker.institution_request(), load_schema_text(older, "0.9.0"))
    paper = "Muttersprachliche Gruppen für Geflüchtete (Türkçe, Polski, Русский, العربية). " * 160
    form = tmp_path / "Rückmeldung Praxis Yılmaz.pdf"
    form.write_bytes(pdfium_fill(blank, {"psychotherapie.concepts": paper}))

    (outcome,) = ingest_into_register([form], ws).outcomes
    capped = (
        f"the value is {len(paper):,} characters long; only the first {MAX_VALUE_CHARS:,} are "
        "kept here (up to '…') — shorten it; the full text stays in the archived file"
    )
    assert f"psychotherapie.concepts: {capped}" in outcome.warnings
    assert any("mapped to the current version 1.0.0" in w for w in outcome.warnings)
    stored = journal.load(ws).institutions["inst-0007"]["entries"]["psychotherapie"]["fields"]
    concepts = stored["concepts"]
    assert concepts["v"] is None and concepts["raw"] == paper[:MAX_VALUE_CHARS] + "…"
    assert concepts["problem_key"] == "capped" and concepts["problem"] == capped
