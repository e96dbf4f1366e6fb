"""formgen run where the terminal or the system is not set to UTF-8: a server set to
de_DE.ISO-8859-1, run from cron, and a Windows console's cp1252 (PYTHONIOENCODING), as found by
audit s18D. formgen runs as a process of its own with only these settings, as cron runs it."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from formgen.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]

NAMES = ("Ayşe Yılmaz", "Paweł Wiśniewski", "Ольга Петренко", "مركز الأمل", "Jürgen Köhler")
LIST = "institution_id;category;name;region;contact_name\n" + "".join(
    f";psychotherapie;Praxis {name};dormagen;{name}\n" for name in NAMES
)


@pytest.fixture(scope="module")
def latin1(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The settings of a server whose locale is de_DE.ISO-8859-1, the locale built here."""
    if shutil.which("localedef") is None:
        pytest.skip("localedef (to build a de_DE.ISO-8859-1 locale) is not installed")
    locales = tmp_path_factory.mktemp("locales")
    made = subprocess.run(
        ["localedef", "-i", "de_DE", "-f", "ISO-8859-1", str(locales / "de_DE.ISO-8859-1")],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"no de_DE.ISO-8859-1 locale could be built: {made.stderr!r}")
    return {"LOCPATH": str(locales), "LANG": "de_DE.ISO-8859-1"}


CP1252 = {"PYTHONIOENCODING": "cp1252"}


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace whose register holds the four names, imported in a UTF-8 session."""
    root = Workspace.init(tmp_path_factory.mktemp("w") / "ws", language="de").root
    (root.parent / "liste.csv").write_text(LIST, encoding="utf-8")
    run({"LANG": "C.UTF-8"}, "register", "import", str(root.parent / "liste.csv"), "-w", str(root))
    return root


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    """``formgen ARGS`` as cron runs it: no other settings than ``env``, no input, from /."""
    given = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-m", "formgen", *args],
        env=given,
        cwd="/",
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_ingest_and_register_set_take_the_lock_on_a_latin1_server(
    ws: Path, latin1: dict[str, str], tmp_path: Path
) -> None:
    """The lock file's holder record („…“) was written in the locale's encoding: both ended
    in a traceback before reading a file."""
    done = run(latin1, "ingest", str(tmp_path), "-w", str(ws))
    assert done.returncode == 0, done.stderr.decode("latin-1")
    done = run(
        latin1, "register", "set", "inst-0001", "institution.phone", "0211 1234567", "-w", str(ws),
        "--note", "x",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode("latin-1")
    assert (ws / ".lock").read_text(encoding="utf-8") == ""  # no record of a run that ended


@pytest.mark.parametrize(
    "command",
    [
        ("status", "--json"),
        ("register", "stale", "--json"),
        ("register", "find", "--json"),
        ("register", "history", "inst-0001", "--json"),
    ],
)
@pytest.mark.parametrize("terminal", ["latin1", "cp1252"])
def test_json_is_whole_json_with_every_name_in_a_terminal_without_them(
    ws: Path, request: pytest.FixtureRequest, command: tuple[str, ...], terminal: str
) -> None:
    """``--json`` gives the names as ``\\u`` escapes where the terminal cannot show them: it
    ended in a traceback with nothing on stdout."""
    env = request.getfixturevalue("latin1") if terminal == "latin1" else CP1252
    done = run(env, *command, "-w", str(ws))
    assert done.returncode == 0, done.stderr.decode("latin-1")
    data = json.loads(done.stdout.decode("ascii"))
    text = json.dumps(data, ensure_ascii=False)
    names = NAMES[:1] if "history" in command else () if "status" in command else NAMES
    assert all(name in text for name in names)
    assert "status" not in command or data["stale"] == len(NAMES)


@pytest.mark.parametrize(
    "command",
    [
        ("status",),
        ("register", "stale"),
        ("register", "find", "--all", "Yılmaz"),
        ("register", "history", "inst-0001"),
        ("register", "find"),
    ],
)
def test_text_shows_what_a_windows_console_cannot_as_escapes(
    ws: Path, command: tuple[str, ...]
) -> None:
    """A name cp1252 has no letters for is shown as escapes, the rest as it is."""
    done = run(CP1252, *command, "-w", str(ws))
    assert done.returncode == 0, done.stderr.decode("cp1252")
    out = done.stdout.decode("cp1252")
    if command[-1] != "status":
        assert "Y\\u0131lmaz" in out
    assert "Traceback" not in done.stderr.decode("cp1252")
    if command == ("register", "find"):
        assert "\\u041e\\u043b\\u044c\\u0433\\u0430" in out  # Ольга
        assert "Wi\\u015bniewski" in out


def test_a_name_typed_in_utf8_on_a_latin1_server_is_said_unreadable(
    ws: Path, latin1: dict[str, str]
) -> None:
    """„Yılmaz“ typed in a UTF-8 terminal reaches a Latin-1 server as „YÄ±lmaz“: that nothing
    matched it was said. A name typed in Latin-1 is found, and shown in Latin-1."""
    done = run(latin1, "register", "find", "Yılmaz", "-w", str(ws))
    assert done.returncode == 2
    err = done.stderr.decode("latin-1")
    assert "in UTF-8 gesendet" in err and "Y\\u0131lmaz" in err
    for word in ("Túnez", "último"):  # read „TÃºnez“, „Ãºltimo“: letters, but garbled
        done = run(latin1, "register", "find", word, "-w", str(ws))
        err = done.stderr.decode("latin-1")
        assert done.returncode == 2 and "in UTF-8 gesendet" in err and word in err
    before = (ws / "register.json").read_bytes()
    args = ("register", "set", "inst-0002", "institution.city", "Kraków", "--note", "x")
    done = run(latin1, *args, "-w", str(ws))  # would be stored as „KrakÃ³w“
    assert done.returncode == 2 and "in UTF-8 gesendet" in done.stderr.decode("latin-1")
    assert (ws / "register.json").read_bytes() == before
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "formgen",
            "register",
            "find",
            "Köhler".encode("latin-1"),
            "-w",
            str(ws),
        ],
        env={"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), **latin1},
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("latin-1")
    assert "Praxis Jürgen Köhler".encode("latin-1") in done.stdout


def test_a_reader_that_stops_reading_ends_the_command_quietly(ws: Path) -> None:
    """``formgen status --list | head -1`` ended with exit status 1 and nothing said; it ends
    as ``git log | head`` does: 141, as killed by SIGPIPE, and nothing on stderr."""
    given = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    workspace = ("-w", str(ws))
    for command in (
        ("status", "--list", *workspace),
        ("register", "find", *workspace),
        ("--help",),
        ("ingest", "--help"),
    ):
        with subprocess.Popen(
            [sys.executable, "-m", "formgen", *command],
            env=given,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            proc.stdout.close()  # before it writes: the pipe has no reader
            err = proc.stderr.read()
        assert (proc.returncode, err) == (141, b""), command


def test_a_broken_pipe_of_another_pipe_than_stdout_is_an_error_of_the_command(ws: Path) -> None:
    """A BrokenPipeError that is not of stdout (a mail server's socket, a worker's pipe) ended
    the command as if its reader had gone: exit 141, nothing said, its output thrown away."""
    given = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    broken = (
        "import ingest.journal as j\n"
        "def load(ws): raise BrokenPipeError(32, 'Broken pipe')\n"
        "j.load = load\n"
        "from formgen.cli import main\n"
        f"main(['status', '-w', {str(ws)!r}])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", broken], env=given, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith("Fehler: ") and "Traceback" not in done.stderr, done.stderr


TYPED = {  # correctly typed in the system's encoding, valid UTF-8 by chance
    "iso-8859-2": ("PÓŁNOC", "KÓŁKO", "WRÓŻKA"),
    "iso-8859-5": ("ТА",),
    "latin-1": ("2×½", "Ñº 5", "Müller", "Größe", "Straße"),
}
SENT_IN_UTF8 = {  # typed in a UTF-8 terminal, read in the system's encoding
    "latin-1": (
        *("Yılmaz", "Köln", "Москва", "مركز الأمل", "Kraków", "Łódź", "Çiğdem", "Túnez"),
        *("último", "única", "ênfase"),  # „Ãºltimo“: º and ª end a word („2º“, „Ñº 5“)
    ),
    "iso-8859-2": ("Yılmaz", "Köln", "Kraków", "Gdańsk", "Żółw", "Москва"),
}


@pytest.mark.parametrize(("encoding", "word"), [(e, w) for e, ws in TYPED.items() for w in ws])
def test_a_word_typed_in_the_systems_encoding_is_taken(encoding: str, word: str) -> None:
    """Audit s18U: „PÓŁNOC“ typed on a pl_PL.ISO-8859-2 server was refused as sent in UTF-8
    (its bytes read „PӣNOC“), as were „ТА“ in ISO-8859-5 and „2×½“, „Ñº 5“ in Latin-1."""
    from formgen.cli.common import _garbled

    raw = word.encode(encoding)
    with contextlib.suppress(UnicodeDecodeError):
        assert not _garbled(raw.decode("utf-8"), encoding), raw.decode("utf-8")


@pytest.mark.parametrize(
    ("encoding", "word"), [(e, w) for e, ws in SENT_IN_UTF8.items() for w in ws]
)
def test_a_word_sent_in_utf8_to_another_system_is_refused(encoding: str, word: str) -> None:
    from formgen.cli.common import _garbled

    assert _garbled(word, encoding)


def test_a_word_typed_on_a_latin2_server_is_taken_and_one_sent_in_utf8_refused(
    tmp_path: Path,
) -> None:
    """As on a server set to pl_PL.ISO-8859-2 (a locale built with localedef): „Centrum
    PÓŁNOC“ typed in ISO-8859-2 is stored and found; „Kraków“ sent in UTF-8 is refused."""
    if shutil.which("localedef") is None:
        pytest.skip("localedef (to build a pl_PL.ISO-8859-2 locale) is not installed")
    made = subprocess.run(
        ["localedef", "-i", "pl_PL", "-f", "ISO-8859-2", str(tmp_path / "pl_PL.ISO-8859-2")],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"no pl_PL.ISO-8859-2 locale could be built: {made.stderr!r}")
    root = Workspace.init(tmp_path / "ws", language="de").root
    (tmp_path / "liste.csv").write_text(LIST, encoding="utf-8")
    run({"LANG": "C.UTF-8"}, "register", "import", str(tmp_path / "liste.csv"), "-w", str(root))
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), "LOCPATH": str(tmp_path)}
    env["LC_ALL"] = "pl_PL.ISO-8859-2"

    def formgen(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
        cli = [sys.executable, "-m", "formgen", *args, "-w", str(root)]
        return subprocess.run(cli, env=env, capture_output=True, check=False, timeout=120)

    name = "Centrum PÓŁNOC".encode("iso-8859-2")
    done = formgen("register", "set", "inst-0002", "institution.name", name, "--note", "x")
    assert done.returncode == 0, done.stderr.decode("iso-8859-2")
    stored = json.loads((root / "register.json").read_text("utf-8"))["institutions"]
    assert "Centrum PÓŁNOC" in json.dumps(stored, ensure_ascii=False)
    found = formgen("register", "find", "PÓŁNOC".encode("iso-8859-2"))
    assert found.returncode == 0 and name in found.stdout, found.stderr.decode("iso-8859-2")
    refused = formgen("register", "find", "Kraków".encode())
    assert refused.returncode == 2 and b"in UTF-8 gesendet" in refused.stderr


def piped(reader: str, *args: str) -> tuple[int, str, str]:
    """``formgen ARGS | READER`` in a UTF-8 session: formgen's exit status (bash's
    ``${PIPESTATUS[0]}``), what the reader showed, and what formgen said on stderr."""
    given = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    cli = [sys.executable, "-m", "formgen", *args]
    with (
        subprocess.Popen(cli, env=given, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc,
        subprocess.Popen(reader.split(), stdin=proc.stdout, stdout=subprocess.PIPE) as shown_by,
    ):
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # the reader's alone: formgen meets a closed pipe when it ends
        shown = shown_by.communicate(timeout=120)[0]
        err = proc.stderr.read()
    return proc.returncode, shown.decode("utf-8"), err.decode("utf-8")


def _inbox(tmp_path: Path, *names: str) -> tuple[Path, Path]:
    """A sample workspace and a folder of the returned sample forms ``names``."""
    from ingest_support import SAMPLES, sample_workspace

    ws = sample_workspace(tmp_path / "ws").root
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    for name in names:
        shutil.copy(SAMPLES / "pdf" / name, inbox / name)
    return ws, inbox


def test_ingest_whose_reader_has_gone_reads_every_file_and_ends_141(tmp_path: Path) -> None:
    """Audit s18U: ``formgen ingest … | head`` could stop between two lines where head had
    ended. The reader gone before the first line (``| true``), every file is read, merged
    and reported; the exit status 141 says the output was cut, and nothing is said."""
    names = ("checklist_pdfium.pdf", "institution_pdfium.pdf", "institution_e2_pdfjs.pdf")
    ws, inbox = _inbox(tmp_path, *names)
    assert piped("true", "ingest", str(inbox), "-w", str(ws)) == (141, "", "")
    assert len(json.loads((ws / "register.json").read_text("utf-8"))["instances"]) == 3
    (report,) = (ws / "exports").glob("ingest-*.txt")
    kept = report.read_text("utf-8")
    assert all(f"{inbox / name}: Formular FG-" in kept for name in names), kept
    assert kept.splitlines()[-1].startswith("3 Dateien in ")


def test_a_command_that_fails_keeps_its_exit_status_where_the_output_was_cut(
    tmp_path: Path,
) -> None:
    """``ingest --strict`` with a file it could not read ends with 1 and says why also where
    its reader had gone (it ended with 141, unsaid): its own failure is what a script has to
    see."""
    ws, inbox = _inbox(tmp_path)
    (inbox / "leer.pdf").write_bytes(b"")
    status, _, err = piped("true", "ingest", str(inbox), "-w", str(ws), "--strict")
    assert (status, err) == (
        1,
        "Fehler: --strict: 1 von 1 Dateien waren nicht ok; siehe den Bericht oben\n",
    )
