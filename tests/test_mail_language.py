"""formgen mail and formgen bounces speak the workspace's language; the send log keeps English."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner, Result
from mailkit import make_workspace

from formgen.cli import main

DATA = Path(__file__).parent / "data" / "mail"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _list_with_a_bad_address(tmp_path: Path) -> Path:
    listed = tmp_path / "liste.csv"
    listed.write_text(
        "id;institution;email;categories;region\n"
        "kbs-01;Kontakt- und Beratungsstelle;kbs@example.org;kontakt_beratungsstelle;duesseldorf\n"
        "ar-1;مركز الاستشارة;markaz(at)example.org;psychotherapie;duesseldorf\n"
        "wohn-2;Betreutes Wohnen Meerbusch;;betreutes_wohnen;neuss_meerbusch\n",
        "utf-8",
    )
    return listed


def _dry_run(tmp_path: Path, language: str) -> tuple[Path, Path, Result]:
    """A dry run of the list with a bad address in a workspace of ``language``."""
    ws = make_workspace(tmp_path / "ws", language=language).root
    listed = _list_with_a_bad_address(tmp_path)
    dry = run(
        "mail",
        str(listed),
        "-w",
        str(ws),
        "--drafts",
        str(tmp_path / "d"),
        "--dry-run",
        "--skip-invalid",
    )
    assert dry.exit_code == 0, dry.output
    return ws, listed, dry


def test_a_german_workspace_is_told_the_round_in_german_and_the_send_log_keeps_english(tmp_path):
    """A coordinator in a German workspace reads every line of the round in German: the round's
    line, who would be mailed in which language, who is not mailed and why (the address
    quoted as German quotes it), what was written; the send log stores the English as before."""
    ws, listed, dry = _dry_run(tmp_path, "de")
    lines = dry.output.splitlines()
    assert lines[0] == (
        f"übersprungen (ungültig): {listed}:3: „markaz(at)example.org“ ist keine E-Mail-Adresse "
        "(erwartet: name@example.org)"
    )
    assert lines[1] == (  # the round invitation-YEAR by its German name
        f"Runde Einladung {dt.date.today().year}: 1 zu versenden, 0 bereits erledigt, 2 ohne "
        "brauchbare E-Mail-Adresse (1 keine, 1 ungültig)"
    ), lines
    assert (
        "  NICHT VERSANDT ar-1 (مركز الاستشارة): ungültige E-Mail-Adresse "
        f"({listed}:3): „markaz(at)example.org“ ist keine E-Mail-Adresse (erwartet: "
        "name@example.org); bitte auf anderem Weg Kontakt aufnehmen" in lines
    )
    assert (
        f"  NICHT VERSANDT wohn-2 (Betreutes Wohnen Meerbusch): keine E-Mail-Adresse ({listed}:4); "
        "bitte auf anderem Weg Kontakt aufnehmen" in lines
    )
    assert any(
        line.startswith(
            "  würde versenden an kbs-01 (Kontakt- und Beratungsstelle) <kbs@example.org>: „"
        )
        and line.endswith("“ als pdf auf Deutsch")
        for line in lines
    ), lines
    assert lines[-1] == "Probelauf: nichts wurde erstellt, versandt oder protokolliert"
    assert not (ws / "sendlog.jsonl").exists()

    done = run(
        "mail", str(listed), "-w", str(ws), "--drafts", str(tmp_path / "d"), "--skip-invalid"
    )
    assert done.exit_code == 0, done.output
    assert "  Entwurf kbs-01 (Kontakt- und Beratungsstelle) <kbs@example.org>: " in done.output
    assert done.output.splitlines()[-1] == "1 von 1 Mails als Entwurf geschrieben"
    again = run(
        "mail", str(listed), "-w", str(ws), "--drafts", str(tmp_path / "d"), "--skip-invalid"
    )
    assert (
        "  übersprungen kbs-01 (Kontakt- und Beratungsstelle): Entwurf bereits geschrieben in "
        in (again.output)
    )
    logged = [json.loads(line) for line in (ws / "sendlog.jsonl").read_text("utf-8").splitlines()]
    details = {e["institution_id"]: e["detail"] for e in logged if e["event"] == "not_mailed"}
    assert details == {
        "ar-1": "'markaz(at)example.org' is not an e-mail address (expected name@example.org)",
        "wohn-2": "no e-mail address",
    }


def test_an_english_workspace_is_told_the_round_in_english_as_before(tmp_path):
    ws, listed, dry = _dry_run(tmp_path, "en")
    lines = dry.output.splitlines()
    assert lines[0].startswith("skipped (invalid): ")
    assert lines[1].startswith("round invitation-") and lines[1].endswith(
        " (invitation): 1 to mail, 0 already done, 2 without a usable e-mail address "
        "(1 none, 1 invalid)"
    ), lines
    assert (
        f"  NOT MAILED ar-1 (مركز الاستشارة): invalid e-mail address ({listed}:3): "
        "'markaz(at)example.org' is not an e-mail address (expected name@example.org); "
        "contact them another way" in lines
    )
    assert (
        f"  NOT MAILED wohn-2 (Betreutes Wohnen Meerbusch): no e-mail address ({listed}:4); "
        "contact them another way" in lines
    )
    assert any(
        line.startswith("  would mail kbs-01 (Kontakt- und Beratungsstelle) <kbs@example.org>: '")
        and line.endswith("' as pdf in English")
        for line in lines
    ), lines
    assert lines[-1] == "dry run: nothing was made, sent or logged"
    done = run(
        "mail", str(listed), "-w", str(ws), "--drafts", str(tmp_path / "d"), "--skip-invalid"
    )
    assert "  drafted kbs-01 (Kontakt- und Beratungsstelle) <kbs@example.org>: " in done.output
    assert done.output.splitlines()[-1] == "1 of 1 mails written"


def test_bounces_are_told_in_the_workspaces_language(tmp_path):
    """A file that is no bounce and the count of bounces recorded, in German and in English."""
    for lang, said in (
        (
            "de",
            ["  keine Unzustellbarkeitsmeldung: {name}", "0 Unzustellbarkeitsmeldungen erfasst"],
        ),
        ("en", ["  not a bounce: {name}", "0 bounces recorded"]),
    ):
        ws = make_workspace(tmp_path / lang, language=lang).root
        other = tmp_path / f"{lang}.eml"
        other.write_bytes(b"From: a@example.org\r\nSubject: Hallo\r\n\r\nkein Bounce\r\n")
        result = run("bounces", str(other), "-w", str(ws))
        assert result.exit_code == 0, result.output
        assert result.output.splitlines() == [s.format(name=other) for s in said]


def test_an_error_of_the_smtp_settings_is_told_in_the_workspaces_language(tmp_path):
    listed = _list_with_a_bad_address(tmp_path)
    for lang, error, start in (
        ("de", "Fehler", ": keine [smtp]-Einstellungen; bitte ergänzen:\n  [smtp]\n"),
        ("en", "Error", ": no [smtp] settings; add\n  [smtp]\n"),
    ):
        ws = make_workspace(tmp_path / lang, language=lang).root
        result = run("mail", str(listed), "-w", str(ws), "--send", "--skip-invalid")
        assert result.exit_code == 1
        assert result.output.startswith(f"{error}: {ws / 'workspace.toml'}{start}"), result.output
