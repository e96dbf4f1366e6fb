"""`formgen schema check`: every mistake gets file, line and what to do; exit 1 when invalid."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from formgen.cli import main
from formgen.errors import SchemaError
from formgen.schema_load import check_schema, load_schema, load_schema_text, shipped_schema_path
from formgen.workspace import Workspace

DATA = Path(__file__).parent / "data" / "schemas"

# fixture → (what the message must say, a marker on the line it must point to)
BROKEN = {
    "unknown_type": (
        r"field 'sprachen': unknown type 'langauge_list' \(did you mean 'language_list'\?\)",
        "langauge_list",
    ),
    "duplicate_field_id": (
        r"field id 'name' is used twice \(first at line 16\)",
        "- id: name\n            type: select_one",
    ),
    "dot_in_id": (r"id 'sprachen.liste' is not allowed: .* never contain a dot", "sprachen.liste"),
    "missing_translation": (
        r"field 'sprachen' has no text in 'en' .* add 'en: …'",
        '{de: "Sprachen"}',
    ),
    "rename_collides": (
        r"field 'sprachen': renamed_from 'name' is the id of a current field",
        "renamed_from",
    ),
    "duplicate_category": (
        r"category id 'beratung' is used twice \(first at line 41\)",
        '- id: beratung\n        label: {de: "Beratung 2"',
    ),
    "unknown_key": (r"unknown key 'requird' \(did you mean 'required'\?\)", "requird"),
    "bad_version": (
        r"schema_version '1.0' is not a semantic version; write MAJOR.MINOR.PATCH",
        "schema_version",
    ),
    "default_language_missing": (
        r"default_language 'fr' is not in languages",
        "default_language: fr",
    ),
    "select_without_choices": (
        r"field 'region': type select_one needs 'choices' or 'choices_from'",
        "- id: region",
    ),
    "yaml_syntax": (r"not valid YAML: .*check indentation and quotes", "title:"),
    "tab_indent": (
        r"^this line is indented with a tab, which YAML does not allow; indent with spaces, not tabs",
        "\t- value: nord",
    ),
    "unknown_field_set": (
        r"unknown field_set 'eintrg' \(did you mean 'eintrag'\?\)",
        "field_set: eintrg",
    ),
    "unknown_language_code": (
        r"'arr' in 'common' is not a known language code \(did you mean 'ar'\?\)",
        "common: [tr, arr]",
    ),
    "duplicate_key": (
        r"key 'label' appears twice in the same mapping",
        'label: {de: "Sprache", en: "Language"}',
    ),
    "wrong_value_type": (
        r"'groups\[0\].entry_blocks' must be a whole number, not a text",
        "entry_blocks: viele",
    ),
    "hint_without_pattern": (
        r"field 'name': constraints.pattern_hint describes no pattern; add constraints.pattern",
        "constraints: {pattern_hint",
    ),
    "control_character": (
        r"^field 'name': its 'en' text holds the control character \\x1b, which no form can "
        r"show .*; remove it",
        'en: "Name\\e[2J"',
    ),
    "override_unknown_field": (
        r"overrides names unknown field 'nmae' \(did you mean 'name'\?\)",
        "nmae:",
    ),
}


def line_of(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1


def test_every_broken_fixture_is_covered() -> None:
    assert {p.stem for p in (DATA / "broken").glob("*.yaml")} == set(BROKEN)
    assert len(BROKEN) >= 10


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_schema_reports_message_and_line(name: str) -> None:
    path = DATA / "broken" / f"{name}.yaml"
    pattern, marker = BROKEN[name]
    model, problems = check_schema(path)
    assert model is None
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert problem.file == str(path)
    assert problem.line == line_of(path.read_text("utf-8"), marker)
    assert pytest.importorskip("re").search(pattern, problem.message), problem.message


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_cli_check_exits_1_with_every_problem_on_stderr(name: str) -> None:
    path = DATA / "broken" / f"{name}.yaml"
    result = CliRunner().invoke(main, ["schema", "check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:" in result.stderr
    assert "Error: " in result.stderr
    assert "the schema is not valid" in result.stderr
    assert result.stdout == ""


GERMAN = {
    "unknown_type": "Feld „sprachen“: unbekannter Typ „langauge_list“ (gemeint: "
    "„language_list“?); bekannte Typen: text, textarea,",
    "duplicate_field_id": "die ID „name“ (Feld) wird zweimal verwendet (zuerst in Zeile 16); "
    "IDs müssen eindeutig sein",
    "missing_translation": "Feld „sprachen“ hat keinen Text in „en“ (languages: de, en); bitte "
    "„en: …“ ergänzen",
    "wrong_value_type": "„groups[0].entry_blocks“ muss eine ganze Zahl sein, nicht ein Text",
    "tab_indent": "diese Zeile ist mit einem Tabulator eingerückt, was YAML nicht erlaubt; "
    "bitte mit Leerzeichen einrücken",
}
"""Some fixtures' problems as a German workspace is told them."""


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_cli_check_says_the_problems_in_the_workspace_language(tmp_path: Path, name: str) -> None:
    """With -w, every problem line is said in the workspace's language; an English workspace
    is told them word for word as a check without a workspace."""
    path = DATA / "broken" / f"{name}.yaml"
    alone = CliRunner().invoke(main, ["schema", "check", str(path)]).stderr
    said = {}
    for lang in ("de", "en"):
        ws = Workspace.init(tmp_path / lang, language=lang)
        result = CliRunner().invoke(main, ["schema", "check", str(path), "-w", str(ws.root)])
        assert result.exit_code == 1 and result.stdout == ""
        said[lang] = result.stderr
    assert said["en"] == alone
    german, english = said["de"].splitlines(), alone.splitlines()
    assert german[-1] == f"Fehler: {path}: 1 Problem; das Schema ist nicht gültig"
    assert len(german) == len(english) and german[0].startswith(f"{path}:")
    assert german[0].split(": ", 1)[0] == english[0].split(": ", 1)[0]  # the same file and line
    assert german[0] != english[0]
    if name in GERMAN:
        assert GERMAN[name] in german[0]


def test_cli_check_without_workspace_speaks_the_folders_or_the_locales_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``schema check FILE`` run in a German workspace's folder, without -w, says the problems
    and the error that ends it in German, as its usage errors; outside a workspace, in the
    locale's language, the problems as the „Fehler:“ before them (they were English there)."""
    path = DATA / "broken" / "unknown_type.yaml"
    monkeypatch.chdir(Workspace.init(tmp_path / "ws", language="de").root)
    result = CliRunner().invoke(main, ["schema", "check", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    german = result.stderr.splitlines()
    assert GERMAN["unknown_type"] in german[0]
    assert german[-1] == f"Fehler: {path}: 1 Problem; das Schema ist nicht gültig"
    valid = CliRunner().invoke(main, ["schema", "check", str(DATA / "minimal.yaml")])
    assert valid.exit_code == 0 and "gültig — mini 1.0.0" in valid.stdout
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert CliRunner().invoke(main, ["schema", "check", str(path)]).stderr == result.stderr


def test_cli_check_valid_schema_exits_0() -> None:
    result = CliRunner().invoke(main, ["schema", "check", str(DATA / "minimal.yaml")])
    assert result.exit_code == 0, result.output
    assert "valid — mini 1.0.0, 1 groups, 1 categories" in result.stdout


def test_cli_check_shipped_schema_by_default() -> None:
    result = CliRunner().invoke(main, ["schema", "check"])
    assert result.exit_code == 0, result.output
    assert "arbeitshilfe_migration_psychiatrie 1.0.0, 2 groups, 25 categories" in result.stdout


def test_several_problems_are_all_reported() -> None:
    """Every problem of a pass is reported: structure first, then meaning once the structure holds."""
    text = (DATA / "minimal.yaml").read_text("utf-8")
    structure = text.replace("type: language_list", "type: langauge_list").replace(
        "required: true", "requird: true"
    )
    with pytest.raises(SchemaError, match=r"the schema has 2 problems") as info:
        load_schema_text(structure, "two.yaml")
    assert sorted(p.line or 0 for p in info.value.problems) == [19, 27]
    meaning = text.replace("default_language: de", "default_language: fr").replace(
        '{de: "Sprachen", en: "Languages"}', '{de: "Sprachen"}'
    )
    with pytest.raises(SchemaError, match=r"the schema has 2 problems") as info:
        load_schema_text(meaning, "two.yaml")
    assert [p.line for p in info.value.problems] == [4, 29]


@pytest.mark.parametrize("char", ["7f", "85", "9b"])
def test_a_control_character_past_ascii_is_reported_too_not_a_tab(char: str) -> None:
    """DEL and the C1 controls (U+0085, the CSI U+009B) are control characters as the C0 ones
    are (formgen.filenames.CONTROL); a tab in a text is a space."""
    text = (DATA / "minimal.yaml").read_text("utf-8")
    assert load_schema_text(text.replace('en: "Languages"', 'en: "Lan\\tguages"'))
    bad = text.replace('en: "Languages"', f'en: "Lan\\x{char}guages"')
    with pytest.raises(SchemaError, match=rf"holds the control character \\u00{char}, which"):
        load_schema_text(bad)


def test_a_mistake_in_the_shared_field_set_is_reported_once() -> None:
    text = (DATA / "minimal.yaml").read_text("utf-8")
    text = text.replace(
        '        description: {de: "Beratungsstellen", en: "Counselling centres"}\n',
        '        description: {de: "Beratungsstellen", en: "Counselling centres"}\n'
        "      - id: wohnen\n"
        '        label: {de: "Wohnen", en: "Housing"}\n'
        '        description: {de: "Wohnen", en: "Housing"}\n',
    ).replace("common: [tr, ar]", "common: [tr, ar]\n            renamed_from: [name]")
    with pytest.raises(SchemaError) as info:
        load_schema_text(text)
    assert len(info.value.problems) == 1


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    _, problems = check_schema(missing)
    assert "cannot read the file" in problems[0].message
    latin = tmp_path / "latin1.yaml"
    latin.write_bytes("title: Gr\xfc\xdfe\n".encode("latin-1"))
    _, problems = check_schema(latin)
    assert "not UTF-8 text" in problems[0].message
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    _, problems = check_schema(empty)
    assert "must be a YAML mapping" in problems[0].message


def test_renamed_field_maps_old_ids_to_the_current_one() -> None:
    text = (
        (DATA / "minimal.yaml")
        .read_text("utf-8")
        .replace("common: [tr, ar]", "common: [tr, ar]\n            renamed_from: [fremdsprachen]")
    )
    schema = load_schema_text(text)
    cat = schema.category("beratung")
    assert cat.current_id("fremdsprachen") == "sprachen"
    assert cat.current_id("sprachen") == "sprachen"
    assert cat.current_id("unbekannt") is None


def test_a_pattern_hint_is_said_in_every_language_of_the_schema() -> None:
    text = (DATA / "minimal.yaml").read_text("utf-8")
    hinted = text.replace(
        '            label: {de: "Name", en: "Name"}',
        '            label: {de: "Name", en: "Name"}\n'
        '            constraints: {pattern: "^[A-Z]", pattern_hint: {de: "groß am Anfang"}}',
    )
    with pytest.raises(SchemaError, match=r"pattern_hint of field 'name' has no text in 'en'"):
        load_schema_text(hinted)
    schema = load_schema_text(
        hinted.replace('{de: "groß am Anfang"}', '{de: "groß", en: "capital"}')
    )
    assert schema.category("beratung").field("name").constraints.pattern_hint.get("en") == "capital"


def test_load_schema_raises_with_every_problem() -> None:
    with pytest.raises(SchemaError, match=r"unknown_type.yaml:27: field 'sprachen': unknown type"):
        load_schema(DATA / "broken" / "unknown_type.yaml")


def test_a_workspace_schema_of_the_coordinator_is_checked_in_full(tmp_path: Path) -> None:
    """Only the shipped schema skips the check against formgen-schema.json on every run; a
    schema file the workspace names is checked in full, its mistakes told with file and line."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Köln")
    mine = ws.root / "unser-schema.yaml"
    mine.write_bytes((DATA / "broken" / "unknown_key.yaml").read_bytes())
    config = ws.root / "workspace.toml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace('# path = "my-schema.yaml"', 'path = "unser-schema.yaml"'), "utf-8"
    )
    result = CliRunner().invoke(main, ["status", "-w", str(ws.root)])
    assert result.exit_code == 1
    line = line_of(mine.read_text("utf-8"), "requird")
    assert result.stderr.startswith("Fehler: das Schema hat 1 Problem:\n")
    assert f"{mine}:{line}: unbekannter Schlüssel „requird“ (gemeint: „required“?)" in (
        result.stderr
    )
    config.write_text(config.read_text("utf-8").replace('"de"', '"en"', 1), "utf-8")
    result = CliRunner().invoke(main, ["status", "-w", str(ws.root)])
    assert result.stderr.startswith("Error: the schema has 1 problem:\n")
    assert f"{mine}:{line}: unknown key 'requird' (did you mean 'required'?)" in result.stderr


def test_a_language_added_without_its_texts_is_summed_up_first(tmp_path: Path) -> None:
    """French added to the Arbeitshilfe's languages and nothing translated yet: the first line
    says how many texts lack it and what to do (at the line of `languages`); every text is
    still listed with its line, and the check fails."""
    shipped = shipped_schema_path().read_text("utf-8")
    fr = tmp_path / "arbeitshilfe-fr.yaml"
    fr.write_text(shipped.replace("languages: [de, en]", "languages: [de, en, fr]", 1), "utf-8")
    result = CliRunner().invoke(main, ["schema", "check", str(fr)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    each = [
        line
        for line in lines
        if line.endswith("has no text in 'fr' (languages: de, en, fr); add 'fr: …'")
    ]
    assert len(each) > 100
    assert lines[0] == (
        f"{fr}:{line_of(fr.read_text('utf-8'), 'languages:')}: {len(each)} texts are missing in "
        "'fr' (languages: de, en, fr), each listed below; add 'fr: …' to each, or take 'fr' "
        "out of languages until they are translated"
    )
    assert (
        lines[1]
        == f"{fr}:{line_of(fr.read_text('utf-8'), 'title:')}: title has no text in 'fr' (languages: de, en, fr); add 'fr: …'"
    )
    assert lines[-1] == f"Error: {fr}: {len(each)} problems; the schema is not valid"
    with pytest.raises(SchemaError, match=rf"^the schema has {len(each)} problems:"):
        load_schema(fr)


def _adapted_workspace(tmp_path: Path) -> Workspace:
    """A centre's workspace with its own schema (a required field "Kostenträger" added to every
    checklist, psychotherapy relabelled) and its own regions, as workspace.toml names them."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Köln")
    shipped = shipped_schema_path().read_text("utf-8")
    adapted = (
        shipped.replace("schema_version: 1.0.0", "schema_version: 1.1.0")
        .replace(
            "          - id: traeger\n",
            "          - id: kostentraeger\n"
            "            type: text\n"
            "            scope: institution\n"
            "            required: true\n"
            '            label: {de: "Kostenträger", en: "Funding body"}\n'
            "          - id: traeger\n",
        )
        .replace('"PsychotherapeutIn, niedergelassen"', '"Psychotherapeutische Praxis (Köln)"')
    )
    assert adapted.count("kostentraeger") == 1 and "Praxis (Köln)" in adapted
    (ws.root / "unser-schema.yaml").write_text(adapted, "utf-8")
    config = ws.root / "workspace.toml"
    config.write_text(
        config.read_text("utf-8").replace('# path = "my-schema.yaml"', 'path = "unser-schema.yaml"')
        + '\n[[regions]]\nvalue = "koeln"\nde = "Köln"\nen = "Cologne"\n'
        + '\n[[regions]]\nvalue = "leverkusen"\nde = "Leverkusen"\nen = "Leverkusen"\n',
        "utf-8",
    )
    return ws


def test_schema_show_with_the_workspace_shows_the_schema_it_uses(tmp_path: Path) -> None:
    """The coordinator sees the workspace's own schema and regions; a FILE given is shown as
    it is, and without --workspace the shipped schema is shown as before."""
    ws = _adapted_workspace(tmp_path)
    result = CliRunner().invoke(main, ["schema", "show", "-w", str(ws.root), "--json"])
    assert result.exit_code == 0, result.output
    outline = json.loads(result.stdout)
    assert outline["schema_version"] == "1.1.0"
    assert outline["regions"] == [
        {"value": "koeln", "label": "Köln"},
        {"value": "leverkusen", "label": "Leverkusen"},
    ]
    categories = {c["id"]: c for g in outline["groups"] for c in g["categories"]}
    shipped = load_schema(shipped_schema_path()).category("psychotherapie")
    assert categories["psychotherapie"]["label"] == "Psychotherapeutische Praxis (Köln)"
    assert categories["psychotherapie"]["fields"] == len(shipped.fields) + 1
    assert "kostentraeger" in categories["psychotherapie"]["required"]

    text = CliRunner().invoke(main, ["schema", "show", "-w", str(ws.root), "--lang", "en"])
    assert text.exit_code == 0, text.output
    assert "version 1.1.0" in text.stdout
    assert "regions: Cologne, Leverkusen" in text.stdout
    plain = CliRunner().invoke(main, ["schema", "show"], env={"FORMGEN_WORKSPACE": None})
    assert "Version 1.0.0" in plain.stdout and "Psychotherapeutische Praxis" not in plain.stdout
    assert "Regionen: Düsseldorf" in plain.stdout  # the shipped schema's language, its words too


def test_schema_show_of_a_workspace_with_the_shipped_schema(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws")
    shown = CliRunner().invoke(main, ["schema", "show"], env={"FORMGEN_WORKSPACE": str(ws.root)})
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == CliRunner().invoke(main, ["schema", "show", "-w", str(ws.root)]).stdout
    plain = CliRunner().invoke(main, ["schema", "show"], env={"FORMGEN_WORKSPACE": None})
    assert shown.stdout == plain.stdout


def test_schema_show_speaks_the_workspace_language(tmp_path: Path) -> None:
    """A workspace in English shows its schema in English without --lang; --lang still wins."""
    ws = Workspace.init(tmp_path / "ws", language="en")
    shown = CliRunner().invoke(main, ["schema", "show", "-w", str(ws.root)])
    assert shown.exit_code == 0, shown.output
    assert 'Checklists "Social psychiatry"' in shown.stdout and "Other region" in shown.stdout
    assert "Sozialpsychiatrie“" not in shown.stdout
    german = CliRunner().invoke(main, ["schema", "show", "-w", str(ws.root), "--lang", "de"])
    assert "Checklisten „Sozialpsychiatrie“" in german.stdout


@pytest.mark.parametrize("damage", ["missing", "not YAML"])
def test_schema_show_of_an_unreadable_workspace_schema(tmp_path: Path, damage: str) -> None:
    """The same problem, with file and line, as `schema check -w` tells; exit 1."""
    ws = _adapted_workspace(tmp_path)
    mine = ws.root / "unser-schema.yaml"
    if damage == "missing":
        mine.unlink()
    else:
        mine.write_text("schema_id: [\n", "utf-8")
    check = CliRunner().invoke(main, ["schema", "check", "-w", str(ws.root)])
    show = CliRunner().invoke(main, ["schema", "show", "-w", str(ws.root)])
    assert check.exit_code == show.exit_code == 1
    problem = check.stderr.splitlines()[0]
    assert problem.startswith(f"{mine}:")
    assert ("die Datei ist nicht lesbar" if damage == "missing" else "kein gültiges YAML") in (
        problem
    )
    assert show.stderr.startswith("Fehler: das Schema hat 1 Problem:")
    assert show.stderr.splitlines()[1].strip() == problem


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # nine lines of aliases of aliases stand for 387 million values: a minute, then
        # MemoryError
        (LAUGHS, "the file stands for more than 100,000 values once its YAML aliases"),
        # nested 1,100 deep a RecursionError traceback; 50,000 deep Python crashed
        ("a: " + "[" * 1_100 + "]" * 1_100, "lists and mappings nested more than 100 deep"),
        ("a: " + "[" * 50_000 + "]" * 50_000, "lists and mappings nested more than 100 deep"),
    ],
)
def test_a_hostile_yaml_schema_is_told_quickly(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "schema.yaml"
    path.write_text(text, "utf-8")
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["schema", "check", str(path)])
    assert time.perf_counter() - start < 10
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:") and said in result.stderr


def test_a_hostile_kept_schema_version_names_no_dropped_choice(tmp_path: Path) -> None:
    # register commands ask the kept versions for dropped choices: a file there nested 1,100
    # deep stopped them with a RecursionError, one of aliases of aliases with MemoryError
    from formgen.schema_load import default_schema
    from ingest.schemas import SchemaRegistry

    current = default_schema()
    kept = tmp_path / current.schema_id
    kept.mkdir()
    (kept / "0.9.0.yaml").write_text(LAUGHS, "utf-8")
    (kept / "0.8.0.yaml").write_text("a: " + "[" * 1_100 + "]" * 1_100, "utf-8")
    (region,) = [f for f in current.institution_fields() if f.id == "region"]
    assert SchemaRegistry(current, folders=[tmp_path]).dropped_choice(region, "gone") is None
