"""The CLI contract: help on every command, documented in the README, exit codes as promised."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from formgen import __version__
from formgen.cli import main

ROOT = Path(__file__).resolve().parents[1]


def walk(
    group: click.Group, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        yield path, command
        if isinstance(command, click.Group):
            yield from walk(command, path)


COMMANDS = list(walk(main))


def test_there_are_commands() -> None:
    assert ("schema", "check") in [p for p, _ in COMMANDS]


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    command = dict(COMMANDS)[path]
    assert (command.help or "").strip(), f"formgen {' '.join(path)} has no help text"
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.stdout


@pytest.mark.parametrize(
    "path", [p for p, c in COMMANDS if not isinstance(c, click.Group)], ids=" ".join
)
def test_every_command_is_in_the_readme_reference(path: tuple[str, ...]) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"`formgen {' '.join(path)}" in readme, (
        f"README's command reference lacks 'formgen {' '.join(path)}'"
    )


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"formgen, version {__version__}"


def test_misuse_exits_2() -> None:
    result = CliRunner().invoke(main, ["schema", "check", "--no-such-option"])
    assert result.exit_code == 2
    assert "No such option" in result.stderr
    result = CliRunner().invoke(main, ["no-such-command"])
    assert result.exit_code == 2


def test_domain_error_exits_1_with_error_on_stderr(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "show", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "cannot read the file" in result.stderr


def test_schema_show_outlines_groups_and_categories() -> None:
    result = CliRunner().invoke(main, ["schema", "show"])
    assert result.exit_code == 0
    assert "schema arbeitshilfe_migration_psychiatrie version 1.0.0" in result.stdout
    assert "25 categories" in result.stdout
    assert "25. Migrantenselbstorganisationen (MSO) und Selbsthilfegruppen" in result.stdout
    english = CliRunner().invoke(main, ["schema", "show", "--lang", "en", "--json"])
    assert english.exit_code == 0
    assert '"label": "Psychotherapist in private practice"' in english.stdout


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", setup)
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "formgen demo" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert commands[1] in ci
