"""``formgen mail --forget-forms --round ROUND``: a round that is done frees the forms it kept
(``forms/mail/ROUND/``, about 150 KB each); its returns are still recognised, merged and counted,
from ``issued.jsonl`` and the send log, which stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from test_register_returns import RECIPIENTS, mailed_form, run

from formgen.cli import main
from formgen.sendlog import SendLog
from formgen.workspace import Workspace
from ingest.journal import load
from ingest.pipeline import ingest_into_register

ROUND = "invitation-2026"
NAME = "Оксана Коваленко"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d1"))
    return ws


def forget(ws: Workspace, *args: str, answer: str | None = None) -> tuple[int, str]:
    done = CliRunner().invoke(
        main, ["mail", "--forget-forms", "-w", str(ws.root), *args], input=answer
    )
    return done.exit_code, " ".join(done.output.split())


def kept(ws: Workspace) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (ws.forms_dir / "mail" / ROUND).glob("*")}


def test_a_return_ingested_after_its_round_forgot_its_forms_is_merged_and_counted(
    ws: Workspace, tmp_path: Path
) -> None:
    returned = tmp_path / "Rückmeldung Коваленко.pdf"
    form = mailed_form(ws, "ua-1").read_bytes()
    returned.write_bytes(pdfium_fill(form, {"psychotherapie.contact_name": NAME}))
    logs = {n: (ws.root / n).read_bytes() for n in ("issued.jsonl", "sendlog.jsonl")}
    files = kept(ws)
    mb = f"{sum(map(len, files.values())) / 1e6:.1f}".replace(".", ",")

    code, out = forget(ws, "--round", ROUND, "--yes")

    assert code == 0, out
    assert f"{len(files)} Dateien der Runde „{ROUND}“ gelöscht, {mb} MB frei" in out
    assert not (ws.forms_dir / "mail" / ROUND).exists()
    assert {n: (ws.root / n).read_bytes() for n in logs} == logs
    ingest_into_register([returned], ws)
    assert load(ws).value("ua-1", "psychotherapie.contact_name")["raw"] == NAME  # type: ignore[index]
    status = json.loads(run("status", "-w", str(ws.root), "--json"))
    assert status["counts"]["returned"] == 1
    assert status["rounds"][0]["answered"] == 1


def test_a_dry_run_or_a_no_deletes_nothing(ws: Workspace) -> None:
    files = kept(ws)
    code, out = forget(ws, "--round", ROUND, "--dry-run")
    assert code == 0, out
    assert f"{len(files)} Dateien der Runde „{ROUND}“" in out
    assert "nichts gelöscht (--dry-run)" in out
    code, out = forget(ws, "--round", ROUND, answer="n\n")
    assert code == 1
    assert "Diese Dateien löschen? [j/N]" in out and "Fehler: nichts gelöscht" in out
    assert kept(ws) == files


def test_a_round_with_a_mail_not_yet_gone_or_unknown_is_refused(ws: Workspace) -> None:
    """A form made but not yet sent (the server put it off, a run stopped) is the one its
    rerun attaches: the round is refused until every mail has gone."""
    SendLog(ws.root).append("prepared", round="update-r2", institution_id="ua-1", name="x")
    (ws.forms_dir / "mail" / "update-r2").mkdir()
    (ws.forms_dir / "mail" / "update-r2" / "ua-1_FG-X.pdf").write_bytes(b"%PDF-1.7")

    code, out = forget(ws, "--round", "update-r2", "--yes")

    assert code == 1
    assert "in Runde „update-r2“ sind noch Mails nicht hinaus, 1" in out and "ua-1" in out
    assert (ws.forms_dir / "mail" / "update-r2" / "ua-1_FG-X.pdf").exists()
    code, out = forget(ws, "--round", "../..", "--yes")
    assert code == 1
    assert "keine Mailrunde „../..“ im Versandprotokoll" in out and ROUND in out
    assert (ws.root / "workspace.toml").exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "--forget-forms verlangt --round RUNDE"),
        (["--round", ROUND, "--from-register"], "und --yes, nicht --from-register"),
        # each a mail round's alone, once ignored: the coordinator thought it sent or changed
        (["--round", ROUND, "--send", "--force", "--days", "28"], "nicht --days, --send, --force"),
        (["--round", ROUND, "--format", "docx", "--lang", "en"], "nicht --format, --lang"),
        (["--round", ROUND, "--rate", "5", "-v", "--dry-run"], "nicht --rate, --verbose"),
        (["--round", ROUND, "--stale-by", "01.01.2099"], "nicht --stale-by"),
        ([str(RECIPIENTS), "--round", ROUND], "nicht RECIPIENTS"),
    ],
)
def test_forget_forms_wants_a_round_and_nothing_else(
    ws: Workspace, args: list[str], said: str
) -> None:
    code, out = forget(ws, *args)
    assert code == 2 and said in out, out
    done = CliRunner().invoke(main, ["mail", "--yes", "--round", ROUND, "-w", str(ws.root)])
    assert done.exit_code == 2 and "--yes nur zusammen mit --forget-forms" in done.output
    assert kept(ws)
