"""A register.json changed outside formgen (in an editor) is noticed and said, once a command.

Found by audit s19C (9): a name changed by hand in register.json was used by every command and
export, was in no history, and ``register rebuild`` silently undid it („neu aufgebaut“, the old
name back). The checkpoint now seals its text (``sealed_sha256``); a file whose content no
longer matches is said to be changed, until a rebuild, which keeps the changed file aside.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from register_support import YILMAZ, checklist

from formgen.cli import main
from formgen.workspace import CONFIG, Workspace
from ingest.journal import load, writing

SULE = "Praxis Şule Yılmaz"
OLGA = "Ольга Петренко"
ARABIC = "مركز الاستشارة"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düren")
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ, {"name": OLGA, "region": "dormagen"}))
    return ws


def english(ws: Workspace) -> None:
    config = ws.root / CONFIG
    config.write_text(config.read_text("utf-8").replace('language = "de"', 'language = "en"'))


def run(ws: Workspace, *args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(main, [*args, "-w", str(ws.root)])
    return done.exit_code, done.stdout, done.stderr


def edit(ws: Workspace, old: str, new: str) -> None:
    """What the audit did in an editor: a name changed in place."""
    text = ws.register_path.read_text("utf-8")
    assert old in text
    ws.register_path.write_text(text.replace(old, new), "utf-8")


GERMAN = "wurde außerhalb von formgen geändert (von Hand, in einem Editor?)"
ENGLISH = "was changed outside formgen (by hand, in an editor?)"


def test_a_name_changed_in_an_editor_is_said_once_and_a_rebuild_keeps_the_file_aside(
    ws: Workspace,
) -> None:
    edit(ws, OLGA, ARABIC)
    code, out, err = run(ws, "register", "find")
    assert code == 0 and ARABIC in out  # used, as before
    assert err.count(GERMAN) == 1, err
    assert "es steht nicht im Verlauf" in err and "„formgen register rebuild“ würde es" in err
    assert "formgen register set KENNUNG FELD WERT --note TEXT" in err
    # a command that writes works on it, says it once, and the next command still says it
    code, out, err = run(
        ws,
        "register",
        "set",
        "inst-0002",
        "institution.phone",
        "0211 5556667",
        "--note",
        "per Telefon",
    )
    assert code == 0 and err.count(GERMAN) == 1, (out, err)
    assert GERMAN in run(ws, "status")[2]
    assert ARABIC in load(ws).name_of("inst-0002")
    code, out, err = run(ws, "register", "rebuild")
    assert code == 0, err
    (kept,) = ws.root.glob("register.json.edited-*")
    assert ARABIC in kept.read_text("utf-8")
    assert f"das außerhalb von formgen geänderte Register wurde als {kept} aufbewahrt" in out
    assert "formgen register set KENNUNG FELD WERT --note TEXT" in out
    # the journal's register: the name as it came in, the value set by hand kept
    reg = load(ws)
    assert reg.name_of("inst-0002") == OLGA
    assert reg.value("inst-0002", "institution.phone")["v"] == "+49 211 5556667"  # type: ignore[index]
    code, out, err = run(ws, "register", "find", "Петренко")
    assert code == 0 and OLGA in out and err == ""


def test_in_an_english_workspace_it_is_said_in_english(ws: Workspace) -> None:
    english(ws)
    edit(ws, SULE, "Praxis Sule Yilmaz")
    code, out, err = run(ws, "register", "history", "inst-0001")
    assert code == 0 and err.count(ENGLISH) == 1, err
    assert "it is not in the history ('formgen register history')" in err
    assert "'formgen register rebuild' would undo it" in err
    assert "Do not change register.json yourself" in err
    code, out, err = run(ws, "register", "rebuild")
    (kept,) = ws.root.glob("register.json.edited-*")
    assert f"the register changed outside formgen was kept as {kept}" in out
    assert load(ws).name_of("inst-0001") == SULE


@pytest.mark.parametrize(
    "saved",
    [
        lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n"),  # Notepad: BOM, Windows line ends
        lambda b: json.dumps(json.loads(b), indent=4, ensure_ascii=False).encode() + b"\n",
    ],
    ids=["bom-crlf", "laid-out-anew"],
)
def test_a_file_saved_again_with_the_same_content_is_not_taken_for_changed(
    ws: Workspace, saved: object
) -> None:
    ws.register_path.write_bytes(saved(ws.register_path.read_bytes()))  # type: ignore[operator]
    code, out, err = run(ws, "register", "find", "Yılmaz")
    assert code == 0 and SULE in out and err == ""
    code, out, err = run(ws, "register", "rebuild")
    assert code == 0 and "aufbewahrt" not in out and not list(ws.root.glob("register.json.*-*"))


def test_a_register_an_older_formgen_wrote_has_no_seal_and_is_taken_as_it_is(
    ws: Workspace,
) -> None:
    data = json.loads(ws.register_path.read_bytes())
    del data["sealed_sha256"]
    ws.register_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, err = run(ws, "register", "find")
    assert code == 0 and OLGA in out and err == ""
    run(ws, "register", "set", "inst-0001", "institution.phone", "0211 5556668", "--note", "x")
    assert "sealed_sha256" in json.loads(ws.register_path.read_bytes())  # sealed from now on
    edit(ws, OLGA, ARABIC)
    assert GERMAN in run(ws, "register", "find")[2]


def test_an_erasure_is_refused_on_a_changed_register(ws: Workspace) -> None:
    """A rebuild keeps the changed file aside: the values to erase would stay in it."""
    edit(ws, OLGA, ARABIC)
    before = ws.register_path.read_bytes()
    code, _out, err = run(
        ws, "register", "erase", "inst-0002", "institution.name", "--note", "Art. 17", "--yes"
    )
    assert code == 1
    assert "wurde außerhalb von formgen geändert; nichts gelöscht" in err
    assert ws.register_path.read_bytes() == before
