"""schema/formgen-schema.json (for editors) and the model say the same thing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import jsonschema
import pytest
import yaml

from formgen.model import Category, Constraints, Field, FieldType, Group, Scope, Section
from formgen.schema_load import json_schema

DATA = Path(__file__).parent / "data" / "schemas"


def props(name: str) -> set[str]:
    return set(json_schema()["$defs"][name]["properties"])


def model_fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_field_types_are_the_same() -> None:
    assert json_schema()["$defs"]["field_type"]["enum"] == [t.value for t in FieldType]
    assert json_schema()["$defs"]["field"]["properties"]["scope"]["enum"] == [
        s.value for s in Scope
    ]


def test_field_keys_are_the_model_fields() -> None:
    # choices_from is resolved into Field.choices when the schema is loaded
    assert props("field") == model_fields(Field) | {"choices_from"}
    assert props("constraints") == model_fields(Constraints)


def test_category_group_and_section_keys_match_the_model() -> None:
    # a category's resolved sections come from its field set, overrides, additions and removals;
    # its group is where it stands in the file
    assert props("category") == (model_fields(Category) - {"group", "sections"}) | {
        "field_set",
        "overrides",
        "add_fields",
        "remove_fields",
    }
    # a group's defaults for its categories
    assert props("group") == model_fields(Group) | {"entry_blocks", "stale_after_days"}
    assert props("section") == model_fields(Section)


def test_overrides_only_touch_what_a_category_may_change() -> None:
    assert props("field_override") <= model_fields(Field)
    assert "id" not in props("field_override") and "type" not in props("field_override")


def test_minimal_schema_validates_in_an_editor() -> None:
    data = yaml.safe_load((DATA / "minimal.yaml").read_text("utf-8"))
    jsonschema.Draft202012Validator(json_schema()).validate(data)


@pytest.mark.parametrize(
    "name", ["unknown_type", "dot_in_id", "unknown_key", "bad_version", "wrong_value_type"]
)
def test_structural_mistakes_are_also_caught_by_the_editor_schema(name: str) -> None:
    data = yaml.safe_load((DATA / "broken" / f"{name}.yaml").read_text("utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(json_schema()).validate(data)
