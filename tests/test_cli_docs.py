"""The CLI contract: help on every command, documented in the README, exit codes as promised."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES, sample_workspace

from formgen import __version__, cli
from formgen.cli import main

ROOT = Path(__file__).resolve().parents[1]


def walk(
    group: click.Group, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, f"formgen {' '.join((*prefix, name))} cannot be loaded"
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


@pytest.mark.parametrize("name", sorted(cli.COMMANDS))
def test_the_short_help_in_formgen_help_is_the_commands_own(name: str) -> None:
    command = dict(COMMANDS)[(name,)]
    assert cli.COMMANDS[name][1] == command.get_short_help_str(limit=1000), (
        f"formgen.cli.COMMANDS['{name}'] lacks the first sentence of 'formgen {name}' help"
    )


def run_formgen(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``formgen ARGS`` in a fresh interpreter; return it and the modules it imported."""
    probe = (
        "import json, sys\n"
        "from formgen.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:], prog_name='formgen')\n"
        "finally:\n"
        "    print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    # 82 columns: click formats help 80 wide, as it does under CliRunner
    env = {**os.environ, "PYTHONPATH": path, "COLUMNS": "82"}
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, check=False
    )
    return done, set(json.loads(done.stderr.splitlines()[-1]))


@pytest.mark.parametrize(
    "args", [["--help"], ["status", "--help"], ["register", "find", "--help"]], ids=" ".join
)
def test_help_does_not_load_reportlab_or_the_ingest_pipeline(args: list[str]) -> None:
    done, modules = run_formgen(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: formgen")
    assert "reportlab" not in modules
    assert "ingest.pipeline" not in modules


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace that ingested forms filled in by pdf.js and pdftk, and keeps a scan aside.
    Its forms were issued to institutions up to inst-0123: the checklist's are inst-0124 on."""
    ws = tmp_path_factory.mktemp("answered") / "ws"
    sample_workspace(ws)
    returns = [
        "pdf/institution_pdfjs.pdf",
        "pdf/checklist_pdftk.pdf",
        "pictures/scan-rueckmeldung.jpg",
    ]
    done = CliRunner().invoke(main, ["ingest", *(str(SAMPLES / r) for r in returns), "-w", str(ws)])
    assert done.exit_code == 0, done.output
    return ws


@pytest.mark.parametrize(
    ("args", "shows"),
    [
        (["status"], "Quarantäne: 1 Datei beiseitegelegt (1 Foto oder Scan) → formgen quarantine"),
        (["register", "find", "--language", "tr"], "Praxis Dr. Yılmaz"),
        (["register", "history", "inst-0126"], "(leer) → Türkisch, Griechisch"),
        (["register", "stale"], "inst-0125  Beratung Łódź"),  # 82 columns: the name cut
    ],
    ids=["status", "register find", "register history", "register stale"],
)
def test_the_everyday_commands_load_only_what_they_use(
    answered: Path, args: list[str], shows: str
) -> None:
    """They start in a fraction of a second: fontTools, reportlab, jsonschema (the shipped
    schema is checked by the tests, not on every run), the ingest pipeline, importlib.metadata
    (for formgen's version), rapidfuzz (matching new institutions, only when forms are merged)
    and smtplib with ssl (only to send mail) take longer to load than these commands take to
    run."""
    done, modules = run_formgen(*args, "-w", str(answered))
    assert done.returncode == 0, done.stderr
    assert shows in done.stdout
    slow = {m.partition(".")[0] for m in modules} & {
        "fontTools", "reportlab", "jsonschema", "rapidfuzz",
    }  # fmt: skip
    slow |= modules & {"ingest.pipeline", "importlib.metadata", "smtplib", "ssl"}
    assert not slow, f"formgen {' '.join(args)} loads {', '.join(sorted(slow))}"


def test_help_lists_every_command_as_when_all_are_loaded() -> None:
    done, _ = run_formgen("--help")
    every_command_loaded = CliRunner().invoke(main, ["--help"], prog_name="formgen")
    assert done.stdout == every_command_loaded.stdout
    listed = done.stdout.split("Commands:\n", 1)[1]
    assert [line.split()[0] for line in listed.splitlines()] == sorted(cli.COMMANDS)


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=" ".join)
def test_the_short_help_is_not_cut_inside_brackets(path: tuple[str, ...]) -> None:
    """Click takes the first sentence up to a full stop: "(DSGVO Art." is no sentence."""
    short = dict(COMMANDS)[path].get_short_help_str(limit=1000)
    assert short.count("(") == short.count(")"), f"formgen {' '.join(path)}: {short}"


@pytest.mark.parametrize(
    ("args", "meant"),
    [(["ingets"], "ingest"), (["register", "confrim"], "confirm"), (["schema", "chek"], "check")],
)
def test_a_mistyped_command_is_told_with_the_one_meant(args: list[str], meant: str) -> None:
    """In a fresh interpreter: formgen's commands are loaded only when used."""
    done, _ = run_formgen(*args, "x")
    assert done.returncode == 2
    said = done.stderr.splitlines()[-2]
    assert said.startswith(f"Error: No such command '{args[-1]}'.") and "Did you mean" in said
    assert f"'{meant}'" in said


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
    # in the shipped schema's language, German: its labels and the outline's words
    assert "Schema arbeitshilfe_migration_psychiatrie Version 1.0.0" in result.stdout
    assert "Gruppen: 2 · Kategorien: 25" in result.stdout
    assert "25. Migrantenselbstorganisationen (MSO) und Selbsthilfegruppen" in result.stdout
    assert "Felder: 26, Einträge: 5, veraltet nach 365 Tagen" in result.stdout
    english = CliRunner().invoke(main, ["schema", "show", "--lang", "en"])
    assert "· 2 groups · 25 categories" in english.stdout
    assert "26 fields, 5 blocks, stale after 365 days" in english.stdout
    english = CliRunner().invoke(main, ["schema", "show", "--lang", "en", "--json"])
    assert english.exit_code == 0
    assert '"label": "Psychotherapist in private practice"' in english.stdout


def test_schema_show_of_a_file_is_in_its_own_default_language(tmp_path: Path) -> None:
    """As --lang's help says: a FILE whose default language is English is shown in English."""
    shipped = (ROOT / "schema" / "arbeitshilfe.yaml").read_text("utf-8")
    english = tmp_path / "english.yaml"
    english.write_text(shipped.replace("default_language: de", "default_language: en"), "utf-8")
    result = CliRunner().invoke(main, ["schema", "show", str(english)])
    assert result.exit_code == 0, result.output
    assert "Psychotherapist in private practice" in result.stdout


@pytest.mark.parametrize(
    ("args", "default"),
    [
        (
            ["schema", "show"],
            "(default: without FILE, the workspace's with --workspace; else the schema's own, "
            "de for the shipped one)",
        ),
        (
            ["generate", "pdf"],
            "(default: a recipients row's language column, else the workspace's, else the "
            "schema's own, de for the shipped one)",
        ),
        (["mail"], "(default: the language column of RECIPIENTS, else as the institution's last"),
        (["register", "export"], "(default: the workspace's)"),
        (["register", "print"], "(default: the workspace's)"),
    ],
)
def test_lang_help_says_each_commands_own_default(args: list[str], default: str) -> None:
    """--lang defaults differ per command (the workspace's, a recipients row's, the schema's):
    its help says the command's own, never 'the schema's default language, de' for all."""
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    option = result.stdout.split("--lang [de|en]", 1)[1].split("\n  -", 1)[0]
    assert default in " ".join(option.split())


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


def test_python_m_formgen_is_the_formgen_command() -> None:
    """Where pip put the ``formgen`` script off the PATH (a venv not activated),
    ``python -m formgen`` is the same command."""
    done = subprocess.run(
        [sys.executable, "-m", "formgen", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout and "formgen" in done.stdout


_TOLD = re.compile(
    r"formgen ((?:register (?:set|merge|erase|confirm|resolve|retire|restore)|generate"
    r"|mail(?= --| LISTE? )) "  # a mail round, not 'formgen mail' named, nor „mail … --test-to“
    r"(?:[^;“”(),\n']|'(?=\w))*)"  # up to the quote round it ('formgen …'), not person's
)
"""A command line a message tells to run with the values it names (an institution's id, a
path, an address): the commands that change the register, a form for an institution, and a
mail round."""

_PLACEHOLDERS = {"fmt": "pdf", "also": f" --stale-by {dt.date.today() + dt.timedelta(days=21)}"}
"""Values of the placeholders of a told command line (a --stale-by in three weeks: one in the
past is refused); an id for any other."""


def told_commands() -> Iterator[tuple[str, str, list[str]]]:
    """Each command line of :data:`_TOLD` in formgen's messages, in each language, as the shell
    splits it, its placeholders given values (:data:`_PLACEHOLDERS`; a recipients list)."""
    from formgen.messages import MESSAGES, WORDS

    for table in (MESSAGES, WORDS):
        for lang, messages in table.items():
            for key, template in messages.items():
                text = re.sub(
                    r"\{(\w+)[^{}]*\}", lambda m: _PLACEHOLDERS.get(m[1], "x-1"), template
                )
                for found in _TOLD.finditer(text):
                    argv = [arg.partition("|")[0] for arg in shlex.split(found[1])]  # --merge|--new
                    listed = str(SAMPLES / "demo" / "recipients.csv")
                    yield lang, key, [listed if a in ("LIST", "LISTE") else a for a in argv]


def parsed(argv: list[str]) -> click.Context:
    """The context of the command ``argv`` names, its arguments and options parsed as
    ``formgen`` parses them (a usage error raised), the command not run."""
    ctx = click.Context(main, info_name="formgen")
    command: click.Command | None = main
    while isinstance(command, click.Group):
        name, *argv = argv
        command = command.get_command(ctx, name)
        assert command is not None, name
        ctx = click.Context(command, parent=ctx, info_name=name)
    return command.make_context(ctx.info_name, argv, parent=ctx.parent)


def test_every_command_line_a_message_tells_to_run_runs_as_told() -> None:
    """A hint such as „die neue eintragen: formgen register set ua-1 institution.email ADRESSE
    --note "neue Adresse"“ is a command line formgen takes as printed: it lacked --note, which
    `register set` requires, and so exited 2 (also the --clear of a value left empty on a form
    and the merge into the institution another was merged into). A mail round says where its
    mails go, as `formgen mail` requires: „→ formgen mail --stale“ was refused."""
    told = list(told_commands())
    assert len(told) > 20
    assert sum(argv[0] == "mail" for _, _, argv in told) > 10
    wrong = []
    for lang, key, argv in told:
        try:
            parsed(argv)
        except click.UsageError as exc:
            wrong.append(f"{lang} {key}: formgen {shlex.join(argv)}: {exc.format_message()}")
        if argv[0] == "mail" and not {"--drafts", "--send"} & set(argv):
            wrong.append(f"{lang} {key}: formgen {shlex.join(argv)}: neither --drafts nor --send")
    assert not wrong, "\n".join(wrong)
