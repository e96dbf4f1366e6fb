"""What the register's merge and the quarantine tell a coordinator: in a German workspace the
ingest report says it in German; an English workspace, ``--json`` and the quarantine's records
keep the English they had."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import shutil
import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_support import SAMPLES, sample_workspace

from formgen.cli import main
from formgen.messages import WORDS, SaidJoined, SaidProblem, in_language, problem

FORM = "rueckmeldung.eml#1/1 Bogen Praxis Yılmaz.pdf"
"""The form attached to the sample mail: a return of Praxis Yılmaz, new to the register."""


def ingest(*args: object) -> list[str]:
    result = CliRunner().invoke(main, ["ingest", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def workspace(root: Path, language: str, secret: bytes | None = None) -> Path:
    sample_workspace(root, secret)
    toml = root / "workspace.toml"
    toml.write_text(toml.read_text("utf-8").replace('"de"', f'"{language}"', 1), "utf-8")
    return root


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "Posteingang"
    folder.mkdir()
    shutil.copy(SAMPLES / "mail" / "rueckmeldung.eml", folder)
    return folder


def test_a_german_workspace_is_told_the_merge_and_the_duplicate_in_german(
    tmp_path: Path, inbox: Path
) -> None:
    ws = workspace(tmp_path / "ws", "de")
    lines = ingest(inbox, "-w", ws)
    assert lines[1:3] == [
        f"Hinweise     {inbox / FORM}: Formular FG-84G7Z-WYRD6, 2 Einträge, neu aufgenommen, "
        "inst-0001, 22 Änderungen, 1 Hinweis",
        "    PsychotherapeutIn, niedergelassen: die Einrichtung inst-0001 war nicht im Register; "
        "unter dieser ID neu angelegt",
    ]
    today = dt.date.today()
    assert ingest(inbox, "-w", ws)[1] == (
        f"doppelt      {inbox / FORM}: diese Datei wurde bereits am {today:%d.%m.%Y} als "
        "Bogen Praxis Yılmaz.pdf eingelesen; nichts geändert"
    )
    # --json keeps the English, and the merge's code word
    (again,) = json.loads("\n".join(ingest(inbox, "-w", ws, "--json")))["files"][1:]
    said = f"this file was already ingested on {today.isoformat()} as Bogen Praxis Yılmaz.pdf"
    assert again["reason"] == f"{said}; nothing changed"
    other = workspace(tmp_path / "ws2", "de")
    (first,) = json.loads("\n".join(ingest(inbox, "-w", other, "--json")))["files"][1:]
    assert first["merged"] == "updated, inst-0001 (new), 22 changes"
    assert first["warnings"] == [
        "psychotherapie: institution inst-0001 was not in the register; created under that id"
    ]


def test_an_english_workspace_is_told_them_in_english_as_before(
    tmp_path: Path, inbox: Path
) -> None:
    ws = workspace(tmp_path / "ws", "en")
    assert ingest(inbox, "-w", ws)[1:3] == [
        f"warnings    {inbox / FORM}: form FG-84G7Z-WYRD6, 2 entries, updated, inst-0001 (new), "
        "22 changes, 1 warning",
        "    Psychotherapist in private practice: institution inst-0001 was not in the register; "
        "created under that id",
    ]
    assert ingest(inbox, "-w", ws)[1] == (
        f"duplicate   {inbox / FORM}: this file was already ingested on "
        f"{dt.date.today().isoformat()} as Bogen Praxis Yılmaz.pdf; nothing changed"
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "de",
            "Quarantäne   {path}: vermutlich aus einem anderen Arbeitsbereich: Formular "
            "FG-84G7Z-WYRD6 (Einrichtung inst-0001, Checklisten „PsychotherapeutIn, "
            "niedergelassen“, „Flüchtlingsberatungsstellen“) wurde nicht in diesem Arbeitsbereich "
            "erstellt, und seine Signatur passt nicht zu dessen Schlüssel – wohl ein Formular "
            "einer anderen Koordinierungsstelle oder eines anderen Arbeitsbereichs; nicht "
            "übernommen — im Arbeitsbereich einlesen, der es erstellt hat (wurde es doch hier "
            "erstellt, ist seine Kennung verändert oder gefälscht: beim Absender nachfragen)",
        ),
        (
            "en",
            "quarantined {path}: made in another workspace, it seems: form FG-84G7Z-WYRD6 "
            "(institution inst-0001, checklists 'Psychotherapist in private practice', "
            "'Refugee counselling centres') was not made in this workspace, and its signature "
            "does not fit this workspace's key — probably a form of another coordination centre "
            "or of another workspace; not merged — ingest it in the workspace that made it (if "
            "it was made here after all, its identity was changed or forged: check with the "
            "sender)",
        ),
    ],
)
def test_a_form_another_workspace_made_is_said_to_be_its_first_not_forged(
    tmp_path: Path, inbox: Path, lang: str, said: str
) -> None:
    """Read into a workspace that did not make it (another centre's form, audit s19C 8): the
    likely cause first, the checklists by their names; kept aside as before."""
    ws = workspace(tmp_path / "ws", lang, secret=bytes(range(32)))
    (ws / "issued.jsonl").write_text("", "utf-8")  # it did not make this form
    assert ingest(inbox, "-w", ws)[1] == said.format(path=inbox / FORM)
    (record,) = (ws / "quarantine").glob("*.json")
    assert json.loads(record.read_text("utf-8"))["kind"] == "tampered"


def test_a_form_of_another_workspace_is_kept_aside_and_taken_out_again_in_german(
    tmp_path: Path, inbox: Path
) -> None:
    """Signed under another secret, the form is kept aside, why said in German; its record
    keeps the English. With the workspace's own secret back, the copy merges under the name
    it came with and leaves the quarantine — said in German too."""
    ws = workspace(tmp_path / "ws", "de", secret=bytes(range(32)))
    assert ingest(inbox, "-w", ws)[1] == (
        f"Quarantäne   {inbox / FORM}: Kennung verändert oder gefälscht: Formular FG-84G7Z-WYRD6 "
        "(Einrichtung inst-0001, Checklisten „PsychotherapeutIn, niedergelassen“, "
        "„Flüchtlingsberatungsstellen“) hat eine "
        "Signatur, die nicht passt, geprüft mit dem Schlüssel dieses Arbeitsbereichs; nicht "
        "übernommen — beim Absender nachfragen oder im Arbeitsbereich einlesen, der das "
        "Formular erstellt hat"
    )
    (record,) = (ws / "quarantine").glob("*.json")
    assert json.loads(record.read_text("utf-8"))["reason"].startswith(
        "tampered or forged identity: form FG-84G7Z-WYRD6 (institution inst-0001, "
    )
    shutil.copy(SAMPLES / "workspace" / "secret.key", ws / "secret.key")
    copy = record.with_suffix(".pdf")
    assert ingest(ws / "quarantine", "-w", ws)[0] == (
        f"Hinweise     {copy} (beiseitegelegt, ursprünglich {inbox / FORM}): Formular FG-84G7Z-WYRD6, "
        "2 Einträge, neu aufgenommen, inst-0001, 22 Änderungen; aus der Quarantäne genommen, "
        "1 Hinweis"
    )
    assert not any((ws / "quarantine").iterdir())


def test_an_invalid_values_problem_is_said_in_german_after_the_trip_from_a_worker() -> None:
    why = problem("email", raw="şule(at)example.org")
    said = pickle.loads(pickle.dumps(SaidJoined(("institution.email", SaidProblem(why)), ": ")))
    assert said == (  # the English, as --json keeps it
        "institution.email: 'şule(at)example.org' is not an e-mail address; write one address "
        "like name@example.org"
    )
    assert in_language(said, "de") == (
        "institution.email: „şule(at)example.org“ ist keine gültige E-Mail-Adresse; bitte eine "
        "einzelne Adresse eintragen, z.\u00a0B. name@example.org"
    )


def test_the_german_words_take_the_args_the_english_ones_are_made_with() -> None:
    """A German template that names an arg the English one is not made with would fall back
    to the English without a word; ``text`` is given beside a value the English quotes as
    Python does (``value``), for the German quotes."""

    def names(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for key, english in WORDS["en"].items():
        if key.startswith("ingest_merge_"):
            extra = {"text"} if "value" in names(english) else set()
            assert names(WORDS["de"][key]) <= names(english) | extra, key
