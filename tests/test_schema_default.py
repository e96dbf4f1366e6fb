"""The shipped Arbeitshilfe schema: every checklist of the paper, in its order, with its text."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from formgen import languages
from formgen.layout import ui_text
from formgen.model import ID_RE, FieldType, Scope
from formgen.schema_load import default_schema, json_schema, shipped_schema_path

# A copy of shared/reference/arbeitshilfe-migration-und-psychiatrie.txt (the paper the schema
# transcribes), kept with the tests so that they never depend on a folder outside the project.
REFERENCE = (
    Path(__file__).parent / "data" / "reference" / "arbeitshilfe-migration-und-psychiatrie.txt"
)


def norm(text: str) -> str:
    """Compare texts without caring for line breaks, spacing or the kind of quotes, nor for
    the paper's dash where a hyphen belongs ("oder –abteilung")."""
    text = re.sub(r"[\"„“”‚‘’]", '"', text).replace("–", "-")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def reference() -> str:
    return REFERENCE.read_text("utf-8")


def reference_headings(text: str) -> list[str]:
    """The checklist titles of the paper: the line before each description in parentheses,
    or before the first column header of a table when there is no description."""
    lines = [line.rstrip() for line in text.splitlines()]
    headings = []
    for i, line in enumerate(lines):
        if not line.strip() or line.startswith(("\t", "(")):
            continue
        nxt = next((n for n in lines[i + 1 :] if n.strip()), "")
        if nxt.startswith("(") or nxt.startswith("\tEinrichtungen"):
            stripped = line.strip()
            # a description's last line ("… Infos unter www….de)") or a note ("… .org.")
            if (
                stripped == "und Handzeichen"
                or stripped.endswith(".")
                or (stripped.endswith(")") and "(" not in stripped)
            ):
                continue
            headings.append(line.strip())
    return headings


def test_every_checklist_of_the_paper_is_a_category_in_order(reference: str) -> None:
    schema = default_schema()
    headings = reference_headings(reference)
    labels = [c.label.get("de") for c in schema.categories]
    assert [norm(h) for h in headings] == [norm(label) for label in labels]
    assert len(labels) == 25


def test_groups_follow_the_paper(reference: str) -> None:
    schema = default_schema()
    assert [g.id for g in schema.groups] == ["sozialpsychiatrie", "migration"]
    soz, mig = schema.groups
    assert soz.categories[0].id == "kontakt_beratungsstelle"
    assert soz.categories[-2].label.get("de") == "Wohnheim für behinderte Menschen"
    assert soz.categories[-1].label.get("de") == "Sonstiges"
    assert mig.categories[0].label.get("de").startswith("Migrationsfachdienste")
    assert mig.categories[-1].label.get("de").startswith("Migrantenselbstorganisationen")
    # "Sonstiges" has three tables of five rows on paper
    assert schema.category("sonstiges").entry_blocks == 15
    assert all(c.entry_blocks == 5 for c in schema.categories if c.id != "sonstiges")


def test_descriptions_are_transcribed_from_the_paper(reference: str) -> None:
    ref = norm(reference)
    # the deliberate changes: a typo of the paper corrected ("Inforrmationen"), and the stray
    # closing parenthesis of the Soziotherapie text dropped with the parentheses around it
    ref = ref.replace("Inforrmationen", "Informationen")
    ref = ref.replace("Versorgung) - in NRW", "Versorgung - in NRW")
    for category in default_schema().categories:
        if category.id == "sonstiges":  # the paper has no text for it; ours only guides
            continue
        for paragraph in category.description.get("de").split("\n\n"):
            assert norm(paragraph) in ref, f"{category.id}: description not found in the paper"
        assert category.description.get("en"), f"{category.id}: no English description"


def test_the_five_columns_become_searchable_fields() -> None:
    schema = default_schema()
    cat = schema.category("psychotherapie")
    assert [s.id for s in cat.sections] == [
        "einrichtung",
        "erfahrungen",
        "kooperation",
        "verabredungen",
        "datum",
    ]
    ids = {f.id for f in cat.fields}
    for wanted in (
        "name",
        "street",
        "postcode",
        "city",
        "region",
        "opening_hours",
        "email",
        "website",
        "share_migrants",
        "languages_offered",
        "concepts",
        "contact_name",
        "contact_phone",
        "office_hours",
        "contact_languages",
        "agreements",
        "date",
        "initials",
    ):
        assert wanted in ids, wanted
    assert cat.field("migrant_experience").type is FieldType.YES_NO_NONE
    assert cat.field("share_migrants").type is FieldType.PERCENTAGE
    assert cat.field("languages_offered").type is FieldType.LANGUAGE_LIST
    assert cat.field("name").scope is Scope.INSTITUTION
    assert cat.field("agreements").scope is Scope.ENTRY
    assert {f.id for f in cat.fields if f.required} == {"name", "region", "date", "initials"}
    assert {f.id for f in cat.fields if f.personal} == {
        "contact_name",
        "contact_role",  # "Vorsitzende" and the institution's name name a person
        "contact_phone",
        "contact_email",
        "initials",  # of the person who filled in the form
        "agreements",  # "Kennenlernen mit Frau Öztürk am 3.12." names people
    }


def test_every_text_exists_in_german_and_english() -> None:
    schema = default_schema()
    assert schema.languages == ("de", "en")
    for c in schema.categories:
        for text in (c.label, c.description):
            assert text.get("de") and text.get("en")
        for f in c.fields:
            assert ID_RE.match(f.id)
            assert "." not in f.id
            assert set(f.label.values) == {"de", "en"}


def test_a_help_text_quotes_a_box_as_the_form_labels_it() -> None:
    """'Tick "None available"' as the English box says it, 'more under "Other"' as the
    English PDF's box; in German „Fehlanzeige“ and „Andere“."""
    schema = default_schema()
    fields = {f.id: f for c in schema.categories for f in c.fields}
    assert '"None available"' in fields["migrant_experience"].help.get("en")
    assert "„Fehlanzeige“" in fields["migrant_experience"].help.get("de")
    assert '"Other"' in fields["languages_offered"].help.get("en")
    assert ui_text("en", "other") == "Other:" and ui_text("de", "other") == "Andere:"
    assert '"None available"' in ui_text("en", "institution_intro")


def test_language_lists_offer_the_languages_of_the_region() -> None:
    common = default_schema().category("fluechtlingsberatung").field("languages_offered").common
    for code in (
        "ar",
        "fa",
        "prs",
        "ps",
        "kmr",
        "ckb",
        "ti",
        "so",
        "tr",
        "ru",
        "uk",
        "pl",
        "ro",
        "bg",
        "sq",
        "sr",
        "en",
        "fr",
    ):
        assert code in common
        assert code in languages.LANGUAGES
    assert languages.name("prs", "de") == "Dari"
    assert languages.lookup("Farsi") == "fa"
    assert languages.lookup("persisch") == "fa"
    assert languages.lookup("Kurmanji") == "kmr"
    assert languages.lookup("Sorani") == "ckb"
    assert languages.lookup("Klingonisch") is None


def test_regions_are_a_sample_not_hard_coded() -> None:
    from formgen.model import Choice, Text

    schema = default_schema()
    assert [r.value for r in schema.regions][:3] == ["duesseldorf", "neuss_meerbusch", "dormagen"]
    other = schema.with_regions((Choice("rostock", Text({"de": "Rostock", "en": "Rostock"})),))
    assert [c.value for c in other.category("wohnheim").field("region").choices] == ["rostock"]
    assert other.region_label("rostock") == "Rostock"


def test_shipped_schema_validates_against_the_editor_json_schema() -> None:
    data = yaml.safe_load(shipped_schema_path().read_text("utf-8"))
    jsonschema.Draft202012Validator(json_schema()).validate(data)


def test_every_pattern_says_in_words_what_it_expects() -> None:
    """A value that does not match is explained with the hint, never the regular expression."""
    schema = default_schema()
    for category in schema.categories:
        for f in category.fields:
            if f.constraints.pattern is not None:
                assert all(
                    f.constraints.pattern_hint.values.get(lang) for lang in schema.languages
                ), (category.id, f.id)
    postcode = schema.category("wohnheim").field("postcode").constraints
    assert postcode.pattern_hint.get("de") == "fünf Ziffern, z.\u00a0B. 40210"


def test_a_checklist_or_region_is_named_with_any_dash_or_quote() -> None:
    """A centre's list copied from an older form or typed on a keyboard names the checklists
    with other dashes and quotes than the schema („oder -abteilung“, "Selbsthilfefirma")."""
    schema = default_schema()
    for typed, cid in (
        (
            "Psychiatrische Fachklinik oder –abteilung, Tagesklinik, Institutsambulanz",
            "psychiatrische_klinik",
        ),
        (
            "psychiatrische fachklinik oder -abteilung, tagesklinik, institutsambulanz",
            "psychiatrische_klinik",
        ),
        ('Integrationsprojekt, Zuverdienstfirma (auch "Selbsthilfefirma")', "integrationsprojekt"),
        ("Integrationsprojekt, Zuverdienstfirma (auch «Selbsthilfefirma»)", "integrationsprojekt"),
    ):
        found = schema.category_value(typed)
        assert found is not None and found.id == cid, typed
    assert schema.category_value("Zuverdienstfirma") is None  # a part of a name is none
