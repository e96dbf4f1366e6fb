"""``formgen init`` from the command line: a new workspace, never over files or a workspace."""

from __future__ import annotations

import getpass
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.report import Status, status_word

ROOT = Path(__file__).resolve().parents[1]


def init(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["init", *args])
    return result.exit_code, result.stdout, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def returns(tmp_path: Path) -> Path:
    """A folder of returned forms, as a coordinator saves them from the mail program."""
    folder = tmp_path / "Rückläufe"
    folder.mkdir()
    shutil.copy(SAMPLES / "pdf" / "institution_pdfium.pdf", folder / "Rückmeldung Yılmaz.pdf")
    shutil.copy(SAMPLES / "mail" / "rueckmeldung.eml", folder / "Ответ Петренко.eml")
    (folder / ".DS_Store").write_bytes(b"\0")
    return folder


def test_a_folder_that_holds_files_is_refused_and_left_as_it_was(returns: Path) -> None:
    """Said in the init's language (--lang; German by default), the files named."""
    before = snapshot(returns)
    code, out, err = init(str(returns))
    assert code == 1 and out == ""
    assert err == (
        f"Fehler: {returns} enthält schon 2 Dateien oder Ordner (Rückmeldung Yılmaz.pdf, "
        "Ответ Петренко.eml); ein Arbeitsbereich ist am besten ein eigener Ordner. Einen neuen "
        f"Ordner angeben (formgen init spkom) und diese Dateien dort einlesen (formgen ingest "
        f"'{returns}' --workspace spkom), oder --with-files ergänzen, um {returns} zum "
        "Arbeitsbereich zu machen und seine Dateien zu lassen, wie sie sind\n"
    )
    code, out, err = init(str(returns), "--lang", "en")
    assert code == 1 and out == ""
    assert err == (
        f"Error: {returns} already holds 2 files or folders (Rückmeldung Yılmaz.pdf, "
        "Ответ Петренко.eml); a workspace is best a folder of its own. Give a new folder "
        f"(formgen init spkom) and ingest these files into it (formgen ingest '{returns}' "
        f"--workspace spkom), or add --with-files to make {returns} a workspace and leave its "
        "files as they are\n"
    )
    assert snapshot(returns) == before


def test_with_files_the_folder_becomes_a_workspace_and_its_files_stay(returns: Path) -> None:
    before = snapshot(returns)
    code, out, _err = init(str(returns), "--with-files", "--name", "SPKoM Köln")
    assert code == 0 and out.startswith(f"Arbeitsbereich angelegt in {returns}\n")
    assert Workspace.open(returns).centre_name == "SPKoM Köln"
    after = snapshot(returns)
    assert {k: after[k] for k in before} == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "de",
            [
                "Arbeitsbereich angelegt in {root}",
                "  Einstellungen: {root}/workspace.toml (Name der Koordinierungsstelle, "
                "Absender, Regionen)",
                "  Signaturschlüssel: {root}/secret.key (gut aufbewahren; nie per Mail "
                "verschicken)",
                "  nur Sie können den Ordner öffnen (Modus 0700): er wird personenbezogene "
                "Daten enthalten; formgen schreibt die Dateien nur für Sie lesbar, hier und "
                "anderswo",
                "Nächster Schritt: die Liste der Einrichtungen ins Register übernehmen (formgen "
                "register import LISTE -w {root}) und aus ihm anschreiben (formgen mail "
                "--from-register -w {root} --drafts ORDNER), oder die Liste so anschreiben "
                "(formgen mail LISTE -w {root} --drafts ORDNER); formgen demo zeigt den ganzen "
                "Ablauf",
            ],
        ),
        (
            "en",
            [
                "workspace created in {root}",
                "  configuration: {root}/workspace.toml (centre name, sender, regions)",
                "  signing secret: {root}/secret.key (keep it; never mail it)",
                "  only you can open the folder (mode 0700): it will hold personal data; "
                "formgen writes the files readable by you only, here and elsewhere",
                "next: take your list of institutions into the register (formgen register "
                "import LIST -w {root}) and mail them from it (formgen mail --from-register -w "
                "{root} --drafts FOLDER), or mail the list as it is (formgen mail LIST -w {root} "
                "--drafts FOLDER); formgen demo shows the whole cycle",
            ],
        ),
    ],
)
def test_init_says_what_it_made_in_the_workspaces_language(
    tmp_path: Path, lang: str, said: list[str]
) -> None:
    root = tmp_path / "spkom"
    code, out, _err = init(str(root), "--lang", lang)
    assert code == 0 and out.splitlines() == [line.format(root=root) for line in said]
    assert Workspace.open(root).language == lang


PREFIXES = tuple(status_word(s, "de") for s in Status)


def test_ingesting_a_folder_made_a_workspace_reads_its_returns_not_the_workspace(
    returns: Path,
) -> None:
    """The next step after ``init --with-files``: ``formgen ingest`` on that very folder names
    the returns it holds, never the workspace's own files (an empty journal is no form whose
    sender should send it again) nor what earlier runs made (register, reports, quarantine)."""
    assert init(str(returns), "--with-files")[0] == 0
    (returns / "journal.jsonl").write_bytes(b"")  # as a crash before the first merge leaves it
    (returns / "sendlog.jsonl").write_text("{}\n", "utf-8")
    for _run in range(2):
        result = CliRunner().invoke(main, ["ingest", "-w", str(returns), str(returns)])
        assert result.exit_code == 0, result.output
        lines = [line for line in result.stdout.splitlines() if line.startswith(PREFIXES)]
        named = sorted(line.split(None, 1)[1].partition(": ")[0] for line in lines)
        assert [n for n in named if "#" not in n] == [
            f"{returns}",  # its .DS_Store: "1 hidden file (names starting with '.') left out"
            f"{returns}/Rückmeldung Yılmaz.pdf",
            f"{returns}/Ответ Петренко.eml",
        ], result.stdout


def test_an_english_speaking_centre_chooses_english_at_init(tmp_path: Path) -> None:
    """--lang en writes `language = "en"`, so the register speaks English from the start."""
    code, _out, _err = init(str(tmp_path / "ws"), "--lang", "en")
    assert code == 0
    ws = Workspace.open(tmp_path / "ws")
    assert ws.language == "en" and 'language = "en"' in (ws.root / "workspace.toml").read_text()
    assert Workspace.init(tmp_path / "de").language == "de"  # German unless asked


def test_hidden_files_do_not_count(tmp_path: Path) -> None:
    folder = tmp_path / "neu"
    folder.mkdir()
    (folder / ".git").mkdir()
    (folder / "Thumbs.db").write_bytes(b"\0")
    code, _out, err = init(str(folder))
    assert code == 0, err
    assert (folder / "workspace.toml").is_file()


def test_a_workspace_is_never_overwritten(tmp_path: Path) -> None:
    root = tmp_path / "spkom"
    assert init(str(root))[0] == 0
    (root / "register.json").write_text('{"keep": "me"}', "utf-8")
    before = snapshot(root)
    for extra in ((), ("--with-files",)):
        code, _out, err = init(str(root), *extra)
        assert code == 1
        assert err == (
            f"Fehler: {root} ist schon ein formgen-Arbeitsbereich; ihn so verwenden (--workspace "
            f"{root}) oder für „formgen init“ einen neuen Ordner angeben\n"
        )
        code, _out, err = init(str(root), "--lang", "en", *extra)
        assert code == 1
        assert err == (
            f"Error: {root} is already a formgen workspace; use it as it is (--workspace {root}), "
            "or give a new folder to 'formgen init'\n"
        )
    assert snapshot(root) == before


def test_a_lost_w_points_at_the_workspace_near_in_the_users_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new coordinator forgets -w in the folder that holds her workspace, or mistypes its
    name: the first thing she reads is in her language and names the workspace she meant."""
    folder = tmp_path / "Meine Ablage"
    folder.mkdir()
    assert init(str(folder / "SPKoM Düren"), "--sender", "k@spkom-dueren.de")[0] == 0
    monkeypatch.chdir(folder)
    monkeypatch.delenv("FORMGEN_WORKSPACE", raising=False)
    result = CliRunner().invoke(main, ["status"], env={"LANG": "de_DE.UTF-8"})
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Fehler: der aktuelle Ordner ({folder}) ist kein formgen-Arbeitsbereich (keine "
        "workspace.toml darin). Gemeint: -w 'SPKoM Düren'? Den eigenen Arbeitsbereich mit "
        "--workspace ORDNER (-w ORDNER) angeben, FORMGEN_WORKSPACE=ORDNER setzen oder formgen "
        "in ihm aufrufen; einen neuen anlegen: formgen init .\n"
    )
    result = CliRunner().invoke(main, ["status", "-w", "SPKoM Dueren"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: 'SPKoM Dueren' is not a formgen workspace (no such folder). Meant: -w "
        "'SPKoM Düren'? To use your workspace, give its folder with --workspace DIR (-w DIR), set "
        "FORMGEN_WORKSPACE=DIR, or run formgen in it; to create a new one: formgen init "
        "'SPKoM Dueren'\n"
    )
    assert init(str(folder / "SPKoM Köln"))[0] == 0  # the name closest to the typo first
    result = CliRunner().invoke(main, ["status", "-w", "SPKoM Koln"])
    assert "Meant: -w 'SPKoM Köln', -w 'SPKoM Düren'? To use" in result.stderr
    assert not (folder / "SPKoM Dueren").exists() and not (folder / "SPKoM Koln").exists()


def test_the_workspace_toml_given_as_the_workspace_is_said_with_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-w DIR/workspace.toml: click's English „Directory … is a file.“ after „Fehler:“."""
    assert init(str(tmp_path / "SPKoM Düren"))[0] == 0
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["status", "-w", "SPKoM Düren/workspace.toml"], env={"LANG": "de_DE.UTF-8"}
    )
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Fehler: Ungültiger Wert für '--workspace' / '-w': „SPKoM Düren/workspace.toml“ ist eine "
        "Datei, kein Ordner. Gemeint: „SPKoM Düren“?\n"
    )
    result = CliRunner().invoke(main, ["register", "import", "SPKoM Düren", "-w", "SPKoM Düren"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Fehler: Ungültiger Wert für 'FILE': „SPKoM Düren“ ist ein "
                                  "Ordner, keine Datei.\n")  # fmt: skip


def test_no_workspace_is_made_inside_a_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the workspace's own quarantine folder `formgen init .` made a second workspace
    inside the first, as the message of a lost -w advised: it names the workspace instead,
    and init refuses, saying which one."""
    root = tmp_path / "SPKoM Düren"
    assert init(str(root))[0] == 0
    quarantine = root / "quarantine"
    monkeypatch.chdir(quarantine)
    monkeypatch.delenv("FORMGEN_WORKSPACE", raising=False)
    result = CliRunner().invoke(main, ["status"], env={"LANG": "de_DE.UTF-8"})
    assert result.exit_code == 1
    assert result.stderr == (
        f"Fehler: der aktuelle Ordner ({quarantine}) ist kein formgen-Arbeitsbereich (keine "
        f"workspace.toml darin). Gemeint: -w '{root}'? Den eigenen Arbeitsbereich mit "
        "--workspace ORDNER (-w ORDNER) angeben, FORMGEN_WORKSPACE=ORDNER setzen oder formgen "
        "in ihm aufrufen\n"
    )
    before = snapshot(root)
    for where in (".", "neu", str(quarantine / "a" / "b")):
        code, _out, err = init(where)
        assert code == 1
        shown = quarantine if where == "." else quarantine / where
        assert err == (
            f"Fehler: {shown} liegt im formgen-Arbeitsbereich {root}; ein Arbeitsbereich in einem "
            "Arbeitsbereich würde ihre Dateien vermischen. Diesen verwenden (--workspace "
            f"'{root}') oder für „formgen init“ einen Ordner außerhalb angeben\n"
        )
    code, _out, err = init(".", "--lang", "en")
    assert err == (
        f"Error: {quarantine} lies in the formgen workspace {root}; a workspace in a workspace "
        f"would mix their files. Use that one (--workspace '{root}'), or give 'formgen init' a "
        "folder outside it\n"
    )
    assert snapshot(root) == before and os.listdir(quarantine) == []
    assert init(str(tmp_path / "zweiter"))[0] == 0  # beside it: a workspace of its own


def test_what_is_left_of_a_workspace_is_never_overwritten(tmp_path: Path) -> None:
    """Its workspace.toml lost, a workspace still holds the secret its forms are signed with."""
    root = tmp_path / "spkom"
    assert init(str(root))[0] == 0
    (root / "workspace.toml").unlink()
    (root / "journal.jsonl").write_text("{}\n", "utf-8")
    before = snapshot(root)
    code, _out, err = init(str(root), "--with-files")
    assert code == 1
    assert err == (
        f"Fehler: {root} enthält Teile eines formgen-Arbeitsbereichs (secret.key, journal.jsonl), "
        "aber keine workspace.toml; ein neuer Arbeitsbereich dort würde seinen "
        "Signaturschlüssel und sein Register ersetzen. workspace.toml aus der Sicherung "
        "wiederherstellen, um ihn wieder zu verwenden, oder einen neuen Ordner angeben\n"
    )
    code, _out, err = init(str(root), "--with-files", "--lang", "en")
    assert code == 1
    assert err == (
        f"Error: {root} holds parts of a formgen workspace (secret.key, journal.jsonl) but no "
        "workspace.toml; a new workspace there would replace its signing secret and register. "
        "Restore workspace.toml from your backup to use it again, or give a new folder\n"
    )
    assert snapshot(root) == before


def test_a_folder_that_cannot_be_made_is_said_in_the_init_language(tmp_path: Path) -> None:
    """A file where a folder of the path is meant: the folder is named and why, in German by
    default and in English with --lang en; no traceback, the file left as it was."""
    (tmp_path / "Rückläufe.pdf").write_bytes(b"%PDF-1.4")
    root = tmp_path / "Rückläufe.pdf" / "spkom"
    code, out, err = init(str(root))
    assert (code, out) == (1, "")
    assert err == (
        f"Fehler: {root} kann nicht angelegt werden: ist kein Ordner; den Pfad (eine Datei, wo "
        "ein Ordner gemeint ist) und die Berechtigungen prüfen oder einen anderen Ordner "
        "angeben\n"
    )
    code, _out, err = init(str(root), "--lang", "en")
    assert code == 1
    assert err == (
        f"Error: {root} cannot be created: Not a directory; check the path (a file where a "
        "folder is meant) and the permissions, or give another folder\n"
    )
    assert (tmp_path / "Rückläufe.pdf").read_bytes() == b"%PDF-1.4"


@pytest.mark.parametrize(
    ("sender", "why"),
    [
        (
            "büro@spkom.example",
            "„büro@spkom.example“: Buchstaben wie ä oder ü vor dem @ kann der Kopf einer Mail "
            "nicht tragen (eine Domain wie büro.example schon)",
        ),
        ("spkom", "„spkom“ ist keine E-Mail-Adresse (erwartet: name@example.org)"),
        (  # a joiner IDNA 2003 dropped: the centre's own to fix, no institution to ask
            "spkom@ko\u200dln.example",
            "„spkom@ko\\u200dln.example“ kann nicht Absender sein: der Teil nach dem @, "
            "„ko\\u200dln.example“, ist kein Domainname, den IDNA 2008 zulässt: er enthält U+200D "
            "Zero Width Joiner, das dort in keinem Domainnamen stehen kann",
        ),
        (
            "koordination@localhost",
            "„koordination@localhost“ ist keine E-Mail-Adresse, die Mails erreichen: der Teil "
            "nach dem @, „localhost“, ist keine Domain (ihm fehlt der Punkt, wie ihn example.org "
            "hat)",
        ),
    ],
)
def test_a_sender_formgen_mail_would_refuse_is_refused_at_init_with_why(
    tmp_path: Path, sender: str, why: str
) -> None:
    """Said in the language of the workspace it was to make (German unless --lang en), with
    the reason that holds for this address: a test address's domain without a dot is no
    matter of umlauts."""
    folder = tmp_path / "spkom"
    code, out, err = init(str(folder), "--sender", sender)
    assert code == 1 and out == ""
    shown = sender.replace("\u200d", "\\u200d")  # a joiner shows as nothing: its escape
    assert err == (
        f"Fehler: Absender „{shown}“ ist nicht verwendbar: {why}; die Adresse des Postfachs der "
        "Stelle angeben (bei der Mail-Administration erfragen); nichts wurde angelegt\n"
    )
    assert not folder.exists()


def test_a_sender_without_a_dot_in_its_domain_is_refused_in_english_at_init_lang_en(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "spkom"
    code, out, err = init(str(folder), "--sender", "koordination@localhost", "--lang", "en")
    assert code == 1 and out == ""
    assert err == (
        "Error: sender \"koordination@localhost\" cannot be used: 'koordination@localhost' is "
        "not an e-mail address mail can reach: the part after the @, 'localhost', is no domain "
        "(it has no dot, as example.org has); give the address of the centre's mailbox (ask "
        "your mail administrator for one); nothing was created\n"
    )
    assert not folder.exists()


def test_a_sender_with_umlauts_in_its_domain_is_taken(tmp_path: Path) -> None:
    code, _out, err = init(str(tmp_path / "spkom"), "--sender", "spkom@büro.example")
    assert code == 0, err
    assert Workspace.open(tmp_path / "spkom").sender == "spkom@büro.example"


def test_a_centre_name_a_terminal_sent_in_windows_1252_is_refused(tmp_path: Path) -> None:
    """The terminal sent "Münster" as Windows-1252 bytes; Python hands the ü over as the lone
    surrogate U+DCFC, which workspace.toml cannot hold (a half-made workspace, before)."""
    folder = tmp_path / "spkom"
    code, out, err = init(str(folder), "--name", "SPKoM M\udcfcnster")
    assert code == 2 and out == ""
    assert (
        "Error: Invalid value for '--name': 'SPKoM M\\udcfcnster' holds U+DCFC, half of a "
        "character (a lone surrogate), which is no text; the terminal sent it in another "
        "encoding than UTF-8 (read as Windows-1252 it is 'SPKoM Münster'); set the terminal to "
        "UTF-8 and give it again"
    ) in " ".join(err.split())
    assert not folder.exists()


@pytest.mark.parametrize(
    ("args", "german", "english"),
    [
        (
            ["status", "--lst"],
            "Aufruf: main status [OPTIONEN]\nHilfe: main status --help\n\n"
            "Fehler: Unbekannte Option „--lst“. Gemeint: „--list“?\n",
            "Usage: main status [OPTIONS]\nTry 'main status --help' for help.\n\n"
            "Error: No such option '--lst'. Did you mean '--list'?\n",
        ),
        (
            ["register", "fnd"],
            "Fehler: Unbekannter Befehl „fnd“. Gemeint: „find“?\n",
            "Error: No such command 'fnd'. Did you mean 'find'?\n",
        ),
        (
            ["register", "history"],
            "Fehler: Argument 'INSTITUTION_ID' fehlt.\n",
            "Error: Missing argument 'INSTITUTION_ID'.\n",
        ),
        (
            ["register", "export", "--format", "pdx"],
            "Fehler: Ungültiger Wert für '--format': „pdx“ ist keiner der möglichen Werte 'json', "
            "'csv', 'xlsx'.\n",
            "Error: Invalid value for '--format': 'pdx' is not one of 'json', 'csv', 'xlsx'.\n",
        ),
        (
            ["status", "extra"],
            "Fehler: Unerwartetes zusätzliches Argument (extra)\n",
            "Error: Got unexpected extra argument (extra)\n",
        ),
        (
            ["--bogus", "status"],
            "Aufruf: main [OPTIONEN] BEFEHL [ARGUMENTE]...\nHilfe: main --help\n\n"
            "Fehler: Unbekannte Option „--bogus“.\n",
            "Usage: main [OPTIONS] COMMAND [ARGS]...\nTry 'main --help' for help.\n\n"
            "Error: No such option '--bogus'.\n",
        ),
        (
            ["register", "set", "x-1", "institution.phone", "--note", "per Telefon"],
            "Fehler: bitte VALUE angeben oder --clear, um den Wert zu entfernen (nicht beides)\n",
            "Error: give a VALUE, or --clear to remove the value (not both)\n",
        ),
        (
            ["register", "confirm", "x-1", "--note", " "],
            "Fehler: --note ist leer; bitte angeben, wer es wie bestätigt hat\n",
            "Error: --note is blank; say who confirmed it and how\n",
        ),
        (
            ["mail", "--drafts", "d", "--days", "x"],
            "Fehler: Ungültiger Wert für '--days': „x“ ist keine ganze Zahl.\n",
            "Error: Invalid value for '--days': 'x' is not a valid integer range.\n",
        ),
    ],
)
def test_clicks_usage_errors_are_said_in_the_workspace_language(
    tmp_path: Path, args: list[str], german: str, english: str
) -> None:
    """A mistyped option, command or value exits 2 in the workspace's words, the workspace
    named by -w (or FORMGEN_WORKSPACE, or the current folder); English in an English one and
    where no workspace is named, as click says it."""
    said = {}
    for lang in ("de", "en"):
        ws = Workspace.init(tmp_path / lang, language=lang)
        result = CliRunner().invoke(main, [*args, "-w", str(ws.root)])
        assert result.exit_code == 2
        said[lang] = result.stderr
    assert said["de"].endswith(german) and said["en"].endswith(english)
    named = CliRunner().invoke(main, args, env={"FORMGEN_WORKSPACE": str(tmp_path / "de")})
    assert named.exit_code == 2 and named.stderr == said["de"]
    alone = CliRunner().invoke(main, args, env={"FORMGEN_WORKSPACE": None})
    assert alone.exit_code == 2 and alone.stderr.endswith(english)


def test_formgens_own_options_are_said_in_the_language_of_the_workspace_or_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--workspace`` before the command is no option of ``formgen`` itself: said in German
    in a German workspace (the current folder, FORMGEN_WORKSPACE) whatever folder it names,
    and with a German locale outside any workspace; the help of a group called without a
    command stays the help."""
    german = (
        "Fehler: Unbekannte Option „--workspace“. Optionen wie --workspace stehen nach dem "
        "Befehl: main status --workspace nowhere\n"
    )
    Workspace.init(tmp_path / "de", language="de")
    args = ["--workspace", "nowhere", "status"]
    monkeypatch.chdir(tmp_path / "de")
    assert CliRunner().invoke(main, args).stderr.endswith(german)
    # a group's mistyped command, said in English in the workspace's folder before
    fnd = CliRunner().invoke(main, ["register", "fnd"])
    assert fnd.exit_code == 2
    assert fnd.stderr.endswith("Fehler: Unbekannter Befehl „fnd“. Gemeint: „find“?\n")
    monkeypatch.chdir(tmp_path)
    named = CliRunner().invoke(main, args, env={"FORMGEN_WORKSPACE": str(tmp_path / "de")})
    assert named.exit_code == 2 and named.stderr.endswith(german)
    alone = CliRunner().invoke(main, args)
    assert alone.exit_code == 2 and alone.stderr.endswith(
        "Error: No such option '--workspace'. Options such as --workspace go after the command: "
        "main status --workspace nowhere\n"
    )
    for locale in ("LANG", "LC_MESSAGES", "LC_ALL"):
        said = CliRunner().invoke(main, ["--bogus"], env={locale: "de_DE.UTF-8"})
        assert said.exit_code == 2 and said.stderr.startswith("Aufruf: main [OPTIONEN]")
        assert said.stderr.endswith("Fehler: Unbekannte Option „--bogus“.\n")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_option_of_the_command_given_before_it_is_said_where_it_goes(
    tmp_path: Path, lang: str
) -> None:
    """`formgen -w ws status`: „Unbekannte Option „-w““ said nothing of where -w goes; the
    command line with it after the command, to copy (a command of a group too); an option no
    command takes, or no command given, as before."""
    root = Workspace.init(tmp_path / "SPKoM Düren", language=lang).root
    said = {
        "de": ("Fehler: Unbekannte Option „{0}“. Optionen wie {0} stehen nach dem Befehl: {1}\n"),
        "en": "Error: No such option '{0}'. Options such as {0} go after the command: {1}\n",
    }[lang]
    for args, option, line in (
        (["-w", str(root), "status"], "-w", f"main status -w '{root}'"),
        (
            [f"--workspace={root}", "register", "find", "--json", "Yılmaz"],
            "--workspace",
            f"main register find --json 'Yılmaz' '--workspace={root}'",
        ),
    ):
        result = CliRunner().invoke(main, args)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr.endswith(said.format(option, line))
        again = CliRunner().invoke(main, shlex.split(line)[1:])
        assert again.exit_code == 0, again.output
    for args, option in (
        (["--nope", "-w", str(root), "status"], "--nope"),
        (["-w", str(root)], "-w"),
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and result.stderr.endswith(
            {"de": f"Fehler: Unbekannte Option „{option}“.\n",
             "en": f"Error: No such option '{option}'.\n"}[lang]
        )  # fmt: skip


def test_an_error_that_ends_a_command_is_said_as_a_usage_error_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exit status 1 after „Fehler:“ in a German workspace (named by -w, FORMGEN_WORKSPACE or
    the current folder), as a usage error's exit status 2: the German message after it began
    with English "Error:"; "Error:" in an English workspace; outside any workspace the
    locale's word; a command without one (`schema check`) run in a German workspace's
    folder says its German after „Fehler:“ (it said English there)."""
    german = "Fehler: keine Einrichtung „x-1“ im Register; formgen register find zeigt alle\n"
    english = "Error: no institution 'x-1' in the register; 'formgen register find' lists them\n"
    de = Workspace.init(tmp_path / "de", language="de").root
    en = Workspace.init(tmp_path / "en", language="en").root
    for args, env, said in (
        (["-w", str(de)], {}, german),
        (["-w", str(en)], {}, english),
        ([], {"FORMGEN_WORKSPACE": str(de)}, german),
        ([], {"FORMGEN_WORKSPACE": str(en), "LANG": "de_DE.UTF-8"}, english),
    ):
        result = CliRunner().invoke(main, ["register", "history", "x-1", *args], env=env)
        assert (result.exit_code, result.stderr) == (1, said)
    monkeypatch.chdir(de)
    result = CliRunner().invoke(main, ["register", "history", "x-1"])
    assert (result.exit_code, result.stderr) == (1, german)
    missing = tmp_path / "fehlt.yaml"
    result = CliRunner().invoke(main, ["schema", "check", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.endswith(f"Fehler: {missing}: 1 Problem; das Schema ist nicht gültig\n")
    monkeypatch.chdir(tmp_path)
    nowhere = ["status", "-w", str(tmp_path / "nirgends")]
    for locale, word in (("de_DE.UTF-8", "Fehler: "), ("C.UTF-8", "Error: ")):
        result = CliRunner().invoke(main, nowhere, env={"LANG": locale})
        assert result.exit_code == 1 and result.stderr.startswith(f"{word}{tmp_path}/nirgends ")
    english = CliRunner().invoke(main, ["--bogus"], env={"LANG": "de_DE", "LC_ALL": "C"})
    assert english.stderr.endswith("Error: No such option '--bogus'.\n")
    group = CliRunner().invoke(main, ["register"], env={"FORMGEN_WORKSPACE": str(tmp_path / "de")})
    # the group's help, in the workspace's language as its --help, not an error
    assert group.exit_code == 2
    assert group.stderr.startswith("Aufruf: main register [OPTIONEN] BEFEHL [ARGUMENTE]...")
    assert "Fehler" not in group.stderr
    assert re.search(r"^  history +Jede Fassung", group.stderr, re.MULTILINE)


def saved_by_notepad(tmp_path: Path, encoding: str, lang: str = "de") -> Path:
    """A workspace of „SPKoM Düsseldorf“ whose workspace.toml a colleague opened in Notepad
    and saved with ``encoding`` and Windows line ends."""
    root = tmp_path / "ws"
    assert init(str(root), "--name", "SPKoM Düsseldorf", "--lang", lang)[0] == 0
    config = root / "workspace.toml"
    text = config.read_text("utf-8")
    config.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return root


def status(root: Path, **env: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["status", "-w", str(root)], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_a_configuration_notepad_saved_as_utf8_with_bom_is_read(tmp_path: Path) -> None:
    root = saved_by_notepad(tmp_path, "utf-8-sig")
    assert Workspace.open(root).centre_name == "SPKoM Düsseldorf"
    code, out, err = status(root)
    assert code == 0 and err == "" and out.startswith("angeschriebene Einrichtungen: 0")


@pytest.mark.parametrize(
    ("lang", "env", "said"),
    [
        ("de", {"LC_ALL": "C"}, "ist nicht als UTF-8 gespeichert (Zeile 4, Byte 0xfc: "),
        ("en", {"LANG": "de_DE.UTF-8"}, "is not saved as UTF-8 (line 4, byte 0xfc: "),
    ],
)
def test_a_configuration_saved_as_ansi_is_said_to_need_utf8_in_the_workspaces_language(
    tmp_path: Path, lang: str, env: dict[str, str], said: str
) -> None:
    """Notepad's "ANSI" (Windows-1252): the line with the letter is shown as it reads there,
    how to save the file is said in the language the file names, whatever the locale; the
    file is left as it was and no new workspace is suggested."""
    root = saved_by_notepad(tmp_path, "cp1252", lang)
    before = snapshot(root)
    code, out, err = status(root, **env)
    config = root / "workspace.toml"
    assert code == 1 and out == ""
    prefix = "Fehler" if lang == "de" else "Error"
    assert err.startswith(f'{prefix}: {config} {said}name = "SPKoM Düsseldorf"); ')
    assert ("Codierung UTF-8" if lang == "de" else "Encoding UTF-8") in err
    assert "init" not in err and "new folder" not in err and "neuen Ordner" not in err
    assert snapshot(root) == before


def test_a_configuration_that_is_no_toml_is_said_in_the_locales_language(tmp_path: Path) -> None:
    """Where the file is broken and in which words, in the locale's language (the file's own
    cannot be read from it); tomllib's English only as the detail. A duplicated key and a file
    cut off were said as tomllib's English alone (audit s18M)."""
    root = saved_by_notepad(tmp_path, "utf-8")
    config = root / "workspace.toml"
    before = config.read_bytes()
    with open(config, "a", encoding="utf-8") as fh:
        fh.write("Düsseldorf\r\n")
    code, _out, err = status(root, LANG="de_DE.UTF-8")
    assert code == 1
    assert err == (
        f"Fehler: {config}, Zeile 25, Spalte 2: kein gültiges TOML (Expected '=' after a key in "
        "a key/value pair); die Datei dort im Texteditor berichtigen (oder aus der Sicherung "
        "wiederherstellen) und den Befehl wiederholen\n"
    )
    code, _out, err = status(root, LANG="C")
    assert err.startswith(f"Error: {config}, line 25, column 2: not valid TOML (")
    assert err.endswith(
        "; correct the file there in a text editor (or restore it from your backup) and run the "
        "command again\n"
    )
    config.write_bytes(before + b'[centre]\r\nname = "Zweite Stelle"\r\n')
    code, _out, err = status(root, LANG="de_DE.UTF-8")
    assert code == 1 and err.startswith(f"Fehler: {config}, Zeile 25, Spalte ")
    assert "kein gültiges TOML (Cannot declare ('centre',) twice); " in err
    config.write_bytes(before + b'languages = ["de",')
    code, _out, err = status(root, LANG="de_DE.UTF-8")
    assert code == 1 and err.startswith(f"Fehler: {config} endet zu früh: kein gültiges TOML (")
    assert "die Datei ist vielleicht abgeschnitten; ihr Ende im Texteditor berichtigen" in err
    assert config.read_bytes() == before + b'languages = ["de",'


@pytest.mark.parametrize(
    ("value", "shown"),
    [("5", "5"), ('"fr"', '"fr"'), ('["de"]', '["de"]'), ("2026-11-24", '"2026-11-24"')],
)
def test_a_language_formgen_does_not_speak_is_an_error_of_the_workspace(
    tmp_path: Path, value: str, shown: str
) -> None:
    """``language = 5`` was taken: status ran, only mail complained, and numbers were printed
    with a decimal point in German text (audit s18M); ``"fr"`` was taken too. Both are one error
    of the workspace, in the locale's language, and the file is left as it was."""
    root = Workspace.init(tmp_path / "ws").root
    config = root / "workspace.toml"
    text = config.read_text("utf-8").replace('language = "de"', f"language = {value}", 1)
    config.write_text(text, "utf-8")
    for env, said in (
        ({"LANG": "de_DE.UTF-8"}, f"language = {shown} ist keine Sprache, die formgen spricht; "),
        ({"LANG": "C"}, f"language = {shown} is no language formgen speaks; "),
    ):
        code, out, err = status(root, **env)
        assert code == 1 and out == ""
        assert err.startswith(("Fehler: " if "de" in env["LANG"] else "Error: ") + str(config))
        assert said in err and "de, en" in err
    assert config.read_text("utf-8") == text


def test_a_centre_that_is_no_section_is_an_error_of_the_workspace(tmp_path: Path) -> None:
    """``centre = "…"`` in place of the section ``[centre]`` ended every command in a Python
    traceback (AttributeError); it is said as the file's error, in the locale's language."""
    root = Workspace.init(tmp_path / "ws").root
    config = root / "workspace.toml"
    text = config.read_text("utf-8").replace("[centre]", 'centre = "SPKoM Köln"', 1)
    config.write_text(text, "utf-8")
    code, out, err = status(root, LANG="de_DE.UTF-8")
    assert (code, out) == (1, "")
    assert err.startswith(f'Fehler: {config}: centre = "SPKoM Köln" ist kein Abschnitt; ')
    assert "Traceback" not in err and config.read_text("utf-8") == text


def regions_added(tmp_path: Path, lang: str, text: str) -> Path:
    """A workspace of ``lang`` whose coordinator added ``text`` to its workspace.toml: at its
    end, a key outside the tables at its start."""
    root = Workspace.init(tmp_path / f"ws-{lang}", sender="k@spkom.de", language=lang).root
    config = root / "workspace.toml"
    was = config.read_text("utf-8")
    config.write_text(was + text if text.startswith("[") else text + was, "utf-8")
    return root


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_mistyped_table_of_workspace_toml_is_said_with_the_one_meant(
    tmp_path: Path, lang: str
) -> None:
    """[[region]] (singular) was ignored unsaid: the recipients list then said „unbekannte
    Region“ for the region just added. Each command says it, with the table meant, and goes
    on (a newer formgen's setting stays readable); the unknown region says where regions
    are set."""
    root = regions_added(tmp_path, lang, '[[region]]\nvalue = "dueren"\nde = "Düren"\n')
    config = root / "workspace.toml"
    listed = tmp_path / "l.csv"
    listed.write_text("ID;Einrichtung;E-Mail;Checkliste;Region\nm-1;Praxis Öz;p@x-test.de;"
                      "Psychotherapie;Düren\n")  # fmt: skip
    code, out, err = status(root)
    assert code == 0 and out
    note = {
        "de": f"Achtung: {config}: [[region]] liest formgen nicht (gemeint: [[regions]]?); es "
        "liest [centre], [schema], [smtp], [[regions]] (eine Einstellung eines neueren formgen "
        "bleibt, wie sie ist)\n",
        "en": f"Note: {config}: formgen does not read [[region]] (meant: [[regions]]?); it reads "
        "[centre], [schema], [smtp], [[regions]] (a setting of a newer formgen is left as it "
        "is)\n",
    }[lang]
    assert err == note
    mailed = CliRunner().invoke(main, ["mail", str(listed), "-w", str(root), "--drafts",
                                       str(tmp_path / "d")])  # fmt: skip
    assert mailed.exit_code == 1 and mailed.stderr.startswith(note)
    assert {
        "de": "l.csv:2: unbekannte Region „Düren“; bitte ihre ID oder ihren Namen angeben oder sie "
        "in workspace.toml unter [[regions]] eintragen:\n",
        "en": "l.csv:2: unknown region 'Düren'; give its id or its name, or add it to "
        "workspace.toml under [[regions]]:\n",
    }[lang] in mailed.stderr
    config.write_text(config.read_text("utf-8").replace("[[region]]", "[[regions]]"), "utf-8")
    assert status(root)[2] == ""
    mailed = CliRunner().invoke(main, ["mail", str(listed), "-w", str(root), "--drafts",
                                       str(tmp_path / "d")])  # fmt: skip
    assert mailed.exit_code == 0 and (tmp_path / "d" / "m-1.eml").exists(), mailed.output


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_mistyped_key_inside_a_table_of_workspace_toml_is_said_with_the_key_meant(
    tmp_path: Path, lang: str
) -> None:
    """`[centre] sneder`, `[smtp] prot` were left unsaid (an unknown table was said): the
    sender then missing, the port the default. Each is said as a table is, with the key meant,
    and the command goes on (a newer formgen's key stays readable)."""
    root = regions_added(tmp_path, lang, '[smtp]\nhost = "mail.example.org"\nprot = 2525\n')
    config = root / "workspace.toml"
    text = config.read_text("utf-8").replace("sender =", 'sneder = "büro@spkom.de"\nsender =', 1)
    config.write_text(text, "utf-8")
    code, out, err = status(root)
    assert code == 0 and out
    centre = "name, sender, signature, language"
    smtp = "host, port, security, user, rate, timeout, password_env, cafile"
    assert (
        err
        == {
            "de": f'Achtung: {config}: [centre] sneder = "büro@spkom.de" liest formgen nicht '
            f"(gemeint: [centre] sender?); es liest [centre] {centre} (eine Einstellung eines neueren "
            f"formgen bleibt, wie sie ist)\nAchtung: {config}: [smtp] prot = 2525 liest formgen nicht "
            f"(gemeint: [smtp] port?); es liest [smtp] {smtp} (eine Einstellung eines neueren formgen "
            "bleibt, wie sie ist)\n",
            "en": f'Note: {config}: formgen does not read [centre] sneder = "büro@spkom.de" (meant: '
            f"[centre] sender?); it reads [centre] {centre} (a setting of a newer formgen is left as "
            f"it is)\nNote: {config}: formgen does not read [smtp] prot = 2525 (meant: [smtp] port?); "
            f"it reads [smtp] {smtp} (a setting of a newer formgen is left as it is)\n",
        }[lang]
    )
    # the language key mistyped: the workspace speaks German, and says why
    config.write_text(
        config.read_text("utf-8").replace("\nlanguage =", "\nlangauge =").replace("prot", "port")
    )
    code, out, err = status(root)
    assert code == 0 and out
    assert f"Achtung: {config}: [centre] langauge = \"{lang}\" liest formgen nicht (gemeint: " \
        "[centre] language?)" in err  # fmt: skip
    config.write_text(
        config.read_text("utf-8").replace("langauge", "language").replace("sneder", "signature")
    )
    assert status(root)[2] == ""


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(
    ("added", "n", "shown"),
    [
        ('[[regions]]\nname = "Düren"\n', 1, 'name = "Düren"'),
        ('[[regions]]\nvalue = "dueren"\nde = "Düren"\n[[regions]]\nvalue = "juelich"\n', 2,
         'value = "juelich"'),
        ('[[regions]]\nvalue = "dueren"\nde = ""\n', 1, 'value = "dueren", de = ""'),
        ('[[regions]]\nvalue = 5\nde = "Düren"\n', 1, 'value = 5, de = "Düren"'),
        ('regions = ["Düren"]\n', 1, '"Düren"'),
    ],
)  # fmt: skip
def test_a_region_without_value_or_name_is_refused_in_the_workspaces_language(
    tmp_path: Path, lang: str, added: str, n: int, shown: str
) -> None:
    """`name =` in place of `de =` was refused in English in a German workspace; an entry with
    a value only was taken and gave the forms' drop-down an empty choice."""
    root = regions_added(tmp_path, lang, added)
    result = CliRunner().invoke(main, ["schema", "show", "-w", str(root)])
    assert (result.exit_code, result.stdout) == (1, "")
    config = root / "workspace.toml"
    assert (
        result.stderr
        == {
            "de": f"Fehler: {config}: Eintrag {n} unter [[regions]] ({shown}) ist nicht verwendbar: "
            'jeder Eintrag braucht value = "…" und den Namen der Region als de = "…" (en = "…" für '
            'Formulare auf Englisch), sonst nichts: value = "dueren", de = "Düren"; bitte '
            "berichtigen und den Befehl wiederholen\n",
            "en": f"Error: {config}: entry {n} of [[regions]] ({shown}) cannot be used: each entry "
            'needs value = "…" and the region\'s name as de = "…" (en = "…" for forms in English), '
            'nothing else: value = "dueren", de = "Düren"; correct it and run the command again\n',
        }[lang]
    )


def test_a_sync_programs_copies_of_the_workspaces_files_are_said_once_per_command(
    tmp_path: Path,
) -> None:
    """Found by the shared-drive audit: two computers on one synced workspace; the sync
    program kept one computer's register and journal and saved the other's as
    register-DESKTOP-AB12.json and journal-DESKTOP-AB12.jsonl, which formgen never reads: 51
    merges lost unsaid. Every command on the workspace says so, once, before it runs."""
    ws = Workspace.init(tmp_path / "ws").root
    quiet = CliRunner().invoke(main, ["status", "-w", str(ws)])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    for name in ("register-DESKTOP-AB12.json", "journal-DESKTOP-AB12.jsonl", "register.json.bak"):
        (ws / name).write_text("{}", "utf-8")
    said = CliRunner().invoke(main, ["status", "-w", str(ws)])
    assert said.exit_code == 0
    assert said.stderr.splitlines() == [
        f"Achtung: {ws} enthält Dateien, die wie Kopien aussehen, die ein Sync-Programm "
        "anlegt, wenn zwei Computer formgens Dateien zugleich ändern: journal-DESKTOP-AB12.jsonl, "
        "register-DESKTOP-AB12.json. formgen liest sie nicht: was in ihnen steht, fehlt hier. "
        "Die Rückläufer des anderen Computers hier noch einmal einlesen (formgen ingest), dann "
        "die Kopien von Register und Journal löschen. Für eine Sicherung, die jemand selbst "
        "angelegt hat, ist nichts davon zu tun."
    ]
    (ws / "sendlog (DESKTOP-AB12's conflicted copy 2026-11-24).jsonl").write_text("", "utf-8")
    said = CliRunner().invoke(main, ["register", "find", "x", "-w", str(ws)])
    (line,) = said.stderr.splitlines()
    assert "sendlog (DESKTOP-AB12's conflicted copy 2026-11-24).jsonl" in line
    assert line.endswith(
        "Eine Kopie des Sendeprotokolls nie löschen: nur sie kennt die Mails, die der andere "
        "Computer gesendet hat (eine Runde schreibt diesen Einrichtungen noch einmal). Für eine "
        "Sicherung, die jemand selbst angelegt hat, ist nichts davon zu tun."
    )


@pytest.mark.parametrize(
    "name",
    [
        "register-DESKTOP-AB12.json",  # OneDrive: -COMPUTERNAME
        "journal (DESKTOP-AB12's conflicted copy 2026-11-24).jsonl",  # Dropbox
        "register (Konflikt von DESKTOP-AB12 am 2026-11-24).json",  # Dropbox, German
        "sendlog (conflicted copy 2026-11-24 101500).jsonl",  # Nextcloud
        "register.sync-conflict-20261124-101500-ABCDEFG.json",  # Syncthing
        "journal (2).jsonl",  # Windows, a second copy beside the file
        "workspace - Kopie.toml",  # Windows Explorer, German
        "register - Copy (2).json",  # Windows Explorer, English
    ],
)
def test_a_copy_named_as_a_sync_program_or_windows_names_it_is_said(
    tmp_path: Path, name: str
) -> None:
    ws = Workspace.init(tmp_path / "ws").root
    (ws / name).write_text("{}", "utf-8")
    said = CliRunner().invoke(main, ["status", "-w", str(ws)])
    assert said.exit_code == 0
    (line,) = said.stderr.splitlines()
    assert f"zugleich ändern: {name}. formgen liest sie nicht" in line


def test_a_backup_named_by_hand_is_not_called_a_sync_programs_copy(tmp_path: Path) -> None:
    """Found by the audit s17U: the coordinator's own backups in the workspace folder were
    called copies a sync program made "weil zwei Computer … zugleich geändert haben", with the
    advice to ingest again and delete them."""
    ws = Workspace.init(tmp_path / "ws").root
    for name in (
        "register-alt.json",
        "register_2026-11-01.json",
        "register-2026-11-01.json",
        "workspace-vorlage.toml",
        "journal.jsonl.bak",
        "register (alt).json",
    ):
        (ws / name).write_text("{}", "utf-8")
    said = CliRunner().invoke(main, ["status", "-w", str(ws)])
    assert said.exit_code == 0 and said.stderr == ""


_HOLD = """\
import sys
from formgen.workspace import Workspace
ws = Workspace.open(sys.argv[1])
sys.argv = ["formgen", "mail", "--send"]
with ws.lock():
    print("held", flush=True)
    sys.stdin.read()
"""
"""A colleague's mail round in a process of its own: it holds the workspace until its input
ends."""


@pytest.mark.parametrize(
    ("lang", "waits", "on"),
    [
        (
            "de",
            " wird gerade von einem anderen formgen-Lauf benutzt: „formgen mail --send“ seit ",
            ", auf dem Computer {host} von {user} (Prozess {pid}); formgen wartet bis zu 30 s, "
            "bis er fertig ist …\n",
        ),
        (
            "en",
            " is in use by another formgen run: 'formgen mail --send' since ",
            ", on the computer {host} by {user} (process {pid}); waiting up to 30 s for it to "
            "finish …\n",
        ),
    ],
)
def test_a_run_waiting_for_another_says_so_at_once_and_for_which_then_goes_on(
    tmp_path: Path, lang: str, waits: str, on: str
) -> None:
    """Found by part 17's shared-drive audit: a run that waited for another one to finish
    with the workspace (a colleague's ingest, a mail round) said nothing for up to 30 s. It
    says at once, in the workspace's language, which run it waits for, while that run still
    holds the workspace, and goes on when it is free."""
    ws = Workspace.init(tmp_path / "ws", language=lang).root
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | {"PYTHONPATH": path}
    # each process ends when its block does: the mail round when its input is closed
    with subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(ws)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as holder:
        assert holder.stdin is not None and holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        with subprocess.Popen(
            [sys.executable, "-m", "formgen", "register", "rebuild", "-w", str(ws)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        ) as waiting:
            assert waiting.stderr is not None
            said = waiting.stderr.readline()  # while the mail round holds the workspace
            holder.stdin.close()
            out, err = waiting.communicate(timeout=60)
    assert said.startswith(f"{ws}{waits}"), said
    assert said.endswith(
        on.format(host=socket.gethostname(), user=getpass.getuser(), pid=holder.pid)
    )
    assert waiting.returncode == 0, err
    assert err == "" and out


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_workspace_made_inside_a_git_clone_stays_out_of_its_commits(tmp_path: Path) -> None:
    """The README's commands run in a clone of formgen: ``formgen init spkom`` there must not
    leave the register's personal data and the signing secret for ``git add .`` to take."""
    clone = tmp_path / "formgen"
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    code, out, _err = init(str(clone / "spkom" / "ws"), "--name", "SPKoM Düren")
    assert code == 0, out
    assert f"liegt im git-Repository {clone}" in out
    untracked = subprocess.run(
        ["git", "-C", str(clone), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert untracked == ""
    assert Workspace.open(clone / "spkom" / "ws").centre_name == "SPKoM Düren"
    # outside a repository nothing is added to the workspace
    assert init(str(tmp_path / "elsewhere"))[0] == 0
    assert not (tmp_path / "elsewhere" / ".gitignore").exists()
