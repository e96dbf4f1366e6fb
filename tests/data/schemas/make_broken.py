"""Write the broken schema fixtures: minimal.yaml with one mistake each (run from this folder)."""

from pathlib import Path

BASE = Path("minimal.yaml").read_text("utf-8")
CASES = {
    "unknown_type": [("type: language_list", "type: langauge_list")],
    "duplicate_field_id": [("- id: region", "- id: name")],
    "dot_in_id": [("- id: sprachen", "- id: sprachen.liste")],
    "missing_translation": [('{de: "Sprachen", en: "Languages"}', '{de: "Sprachen"}')],
    "rename_collides": [("common: [tr, ar]", "common: [tr, ar]\n            renamed_from: [name]")],
    "duplicate_category": [
        (
            '        description: {de: "Beratungsstellen", en: "Counselling centres"}\n',
            '        description: {de: "Beratungsstellen", en: "Counselling centres"}\n'
            "      - id: beratung\n"
            '        label: {de: "Beratung 2", en: "Counselling 2"}\n'
            '        description: {de: "Noch einmal", en: "Again"}\n',
        )
    ],
    "unknown_key": [("required: true", "requird: true")],
    "bad_version": [("schema_version: 1.0.0", "schema_version: '1.0'")],
    "default_language_missing": [("default_language: de", "default_language: fr")],
    "select_without_choices": [("            choices_from: regions\n", "")],
    "yaml_syntax": [('title: {de: "Mini", en: "Mini"}', 'title: {de: "Mini, en: "Mini"}')],
    "tab_indent": [("\n  - value: nord\n    label:", "\n\t- value: nord\n\t\tlabel:")],
    "unknown_field_set": [
        (
            '        label: {de: "Beratung"',
            '        field_set: eintrg\n        label: {de: "Beratung"',
        )
    ],
    "unknown_language_code": [("common: [tr, ar]", "common: [tr, arr]")],
    # ESC [2J: a terminal clears its screen, a Word form cannot hold it
    "control_character": [
        ('label: {de: "Name", en: "Name"}', 'label: {de: "Name", en: "Name\\e[2J"}')
    ],
    "duplicate_key": [
        (
            '            label: {de: "Sprachen", en: "Languages"}',
            '            label: {de: "Sprachen", en: "Languages"}\n            label: {de: "Sprache", en: "Language"}',
        )
    ],
    "wrong_value_type": [("    categories:\n", "    entry_blocks: viele\n    categories:\n")],
    "hint_without_pattern": [
        (
            '            label: {de: "Name", en: "Name"}',
            '            label: {de: "Name", en: "Name"}\n'
            '            constraints: {pattern_hint: {de: "fünf Ziffern", en: "five digits"}}',
        )
    ],
    "override_unknown_field": [
        (
            '        description: {de: "Beratungsstellen", en: "Counselling centres"}\n',
            '        description: {de: "Beratungsstellen", en: "Counselling centres"}\n'
            "        overrides:\n          nmae: {required: false}\n",
        )
    ],
}

for name, edits in CASES.items():
    text = BASE.replace(
        "# A small valid schema the broken fixtures are made from (one mistake each).",
        f"# Broken on purpose: {name}.",
    )
    for old, new in edits:
        assert old in text, (name, old)
        text = text.replace(old, new, 1)
    Path("broken", f"{name}.yaml").write_text(text, "utf-8")
