"""``formgen --help`` and ``formgen COMMAND --help`` in the user's language: German in a German
workspace and, outside any, with a German locale, as a mistyped command line is said; every
command and option has its German help in the catalogue (formgen/messages.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from test_cli_docs import run_formgen

from formgen.cli import main
from formgen.messages import COMMAND_HELP, OPTION_HELP
from formgen.workspace import Workspace

GERMAN = {"LANG": "de_DE.UTF-8"}


def walk(
    command: click.Command, path: str, ctx: click.Context | None = None
) -> Iterator[tuple[str, click.Command, click.Context]]:
    """Every command from ``command`` on, by the command line that names it, with its context
    (its --help option is among its params there)."""
    settings = command.context_settings if ctx is None else {}  # -h as well as --help
    ctx = click.Context(command, info_name=path.rpartition(" ")[2], parent=ctx, **settings)
    yield path, command, ctx
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, f"{path} {name} cannot be loaded"
            yield from walk(sub, f"{path} {name}", ctx)


COMMANDS = {path: (command, ctx) for path, command, ctx in walk(main, "formgen")}


def options(path: str) -> list[click.Option]:
    command, ctx = COMMANDS[path]
    return [p for p in command.get_params(ctx) if isinstance(p, click.Option) and not p.hidden]


def helped(args: list[str], env: dict[str, str | None] | None = None) -> Result:
    result = CliRunner().invoke(main, [*args, "--help"], env=env, prog_name="formgen")
    assert result.exit_code == 0, result.output
    return result


def squeezed(text: str) -> str:
    """``text`` without its whitespace: as it reads whatever the help's line breaks."""
    return "".join(text.split())


@pytest.mark.parametrize("path", COMMANDS)
def test_every_command_and_option_has_its_german_help(path: str) -> None:
    """A command or option added, or an option's English help changed, without its German in
    the catalogue fails here, naming the entry to add; so does a command's English help that
    names an option its German does not (one mentioned anew), or the other way round."""
    command, _ctx = COMMANDS[path]
    german = COMMAND_HELP["de"].get(path)
    assert german, f"'{path}' has no German help: add COMMAND_HELP['de'][{path!r}]"
    assert squeezed(german) != squeezed(command.help or "")
    named = [set(re.findall(r"--[a-z][a-z-]*", text)) for text in (command.help or "", german)]
    assert named[0] == named[1], f"'{path}': its German help names other options than its English"
    for option in options(path):
        english = option.help or ""
        assert OPTION_HELP["de"].get(english), (
            f"'{path} {option.opts[-1]}' has no German help: add OPTION_HELP['de'][{english!r}]"
        )


def test_the_catalogue_holds_no_help_of_a_command_or_option_gone() -> None:
    assert set(COMMAND_HELP["de"]) == set(COMMANDS)
    english = {option.help for path in COMMANDS for option in options(path)}
    assert set(OPTION_HELP["de"]) - english == set()


@pytest.mark.parametrize("path", COMMANDS)
def test_every_help_page_is_german_with_a_german_locale(path: str) -> None:
    """Its usage line, description, options with what click adds ([Standard: .]) and, for a
    group, its commands: the catalogue's German, none of click's English words."""
    said = helped(path.split()[1:], GERMAN).stdout
    assert said.startswith(f"Aufruf: {path} [OPTIONEN]")
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "default:"):
        assert english not in said
    assert squeezed(COMMAND_HELP["de"][path].partition("\n\n")[0]) in squeezed(said)
    for option in options(path):
        assert squeezed(OPTION_HELP["de"][option.help or ""]) in squeezed(said), option.opts
    assert ("\nBefehle:\n" in said) == isinstance(COMMANDS[path][0], click.Group)
    assert not re.search(r"\b(z|d)\.\n", said), "„z. B.“ broken over two lines"
    assert not re.search(r"--\w[\w-]*-\n", said), "an option broken over two lines"
    assert not {"\N{NO-BREAK SPACE}", "\N{NON-BREAKING HYPHEN}"} & set(said)  # kept them whole


def test_the_german_help_of_status_and_register_set() -> None:
    said = helped(["status"], GERMAN).stdout
    assert said.startswith(
        "Aufruf: formgen status [OPTIONEN]\n\n"
        "  Versand, Rückläufe, Veraltetes, Konflikte auf einen Blick."
    )
    assert "\nOptionen:\n" in said
    assert "  --list                     Eine Zeile je Einrichtung.\n" in said
    assert "Umgebungsvariable FORMGEN_WORKSPACE). [Standard: .]" in " ".join(said.split())
    assert "  -h, --help                 Diese Hilfe anzeigen und beenden.\n" in said
    note = helped(["register", "set"], GERMAN).stdout.split("--note TEXT", 1)[1]
    assert "[Pflicht]" in note.split("\n  -", 1)[0]


def test_formgen_help_lists_the_commands_in_german_and_says_where_to_start() -> None:
    said = helped([], GERMAN).stdout
    assert said.startswith("Aufruf: formgen [OPTIONEN] BEFEHL [ARGUMENTE]...\n")
    assert "„formgen demo ORDNER“" in said and "„formgen init ORDNER“" in said
    listed = said.split("\nBefehle:\n", 1)[1]
    assert "  bounces     Unzustellbare Mails erfassen.\n" in listed
    assert "  status      Versand, Rückläufe, Veraltetes, Konflikte auf einen Blick.\n" in listed
    english = helped([]).stdout
    assert "`formgen demo DIR`" in english and "`formgen init DIR`" in english


@pytest.mark.parametrize(
    "path", [p for p, (c, _) in COMMANDS.items() if isinstance(c, click.Group)]
)
def test_a_groups_german_commands_are_listed_whole(path: str) -> None:
    """Each German first sentence fits the list 80 columns wide, not cut with "..." (the
    English ones are: a sentence of a line and more)."""
    listed = helped(path.split()[1:], GERMAN).stdout.split("\nBefehle:\n", 1)[1]
    lines = listed.splitlines()
    assert len(lines) == len(COMMANDS[path][0].list_commands(COMMANDS[path][1]))
    assert all(line.endswith(".") for line in lines), listed


def test_help_is_said_in_the_language_of_the_workspace_or_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a usage error of the same command line: the workspace -w names, else the one in the
    current folder, else the locale; English as click says it."""
    german = str(Workspace.init(tmp_path / "de", language="de").root)
    english = str(Workspace.init(tmp_path / "en", language="en").root)
    click_english = helped(["register", "find"]).stdout
    assert click_english.startswith("Usage: formgen register find [OPTIONS]")
    assert helped(["register", "find", "-w", german]).stdout.startswith("Aufruf: formgen register")
    in_english = helped(["register", "find", "-w", english], GERMAN).stdout
    assert in_english == click_english
    monkeypatch.chdir(german)
    assert helped(["register", "find"]).stdout.startswith("Aufruf: formgen register find")
    monkeypatch.chdir(tmp_path)
    assert helped(["register", "find"]).stdout == click_english


@pytest.mark.parametrize("args", [["--help"], ["status", "--help"]], ids=" ".join)
def test_german_help_does_not_load_reportlab_or_the_ingest_pipeline(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    done, modules = run_formgen(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Aufruf: formgen")
    assert not modules & {"reportlab", "ingest.pipeline"}
