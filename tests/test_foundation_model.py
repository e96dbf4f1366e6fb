"""Field paths, identity signatures, institution records and the workspace."""

from __future__ import annotations

import json
import multiprocessing
import random
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from formgen.errors import FormgenError, IdentityError, RecordError, UnknownCategoryError
from formgen.forms import FormRequest, new_identity
from formgen.identity import FormIdentity, parse_reference
from formgen.model import FieldPath, iter_checklist_paths, iter_institution_paths
from formgen.record import record_from_json
from formgen.schema_load import default_schema
from formgen.workspace import Workspace, WorkspaceError, write_atomic


@pytest.mark.parametrize(
    "text",
    [
        "psychotherapie.2.name",
        "institution.name",
        "psychotherapie.languages_offered.fa",
        "wohnheim.1.languages_offered._other",
    ],
)
def test_field_paths_round_trip(text: str) -> None:
    assert str(FieldPath.parse(text)) == text


@pytest.mark.parametrize(
    "text", ["name", "a.b.c.d.e", "Psycho.name", "x.0.name", "x.1.name.Fa", "x..y"]
)
def test_bad_field_paths_are_refused(text: str) -> None:
    with pytest.raises(FormgenError, match=r"field path|numbered from 1"):
        FieldPath.parse(text)


def test_paths_of_both_form_kinds() -> None:
    schema = default_schema()
    checklist = [str(p) for p, _ in iter_checklist_paths(schema, ["wohnheim"])]
    assert checklist[0] == "wohnheim.1.name"
    assert checklist[-1] == "wohnheim.5.initials"
    assert len(checklist) == 5 * len(schema.category("wohnheim").fields)
    inst = [str(p) for p, _ in iter_institution_paths(schema, ["wohnheim", "facharzt"])]
    assert inst[0] == "institution.name"
    assert "wohnheim.languages_offered" in inst and "facharzt.date" in inst
    assert "wohnheim.name" not in inst
    with pytest.raises(
        UnknownCategoryError, match=r"unknown category 'wohnhiem'.*known: kontakt_beratungsstelle"
    ):
        list(iter_checklist_paths(schema, ["wohnhiem"]))


def record_json() -> dict[str, object]:
    return {
        "id": "inst-0001",
        "base_version": 3,
        "institution": {
            "name": "Şule Yılmaz Beratung – Łódź / Ольга",
            "region": "duesseldorf",
            "postcode": "40210",
        },
        "entries": {
            "psychotherapie": {
                "languages_offered": ["fa", "ar"],
                "languages_offered._other": "Urdu",
                "share_migrants": 40,
                "migrant_experience": "fehlanzeige",
                "date": "2025-09-24",
            }
        },
    }


def test_identity_signature_detects_tampering() -> None:
    schema = default_schema()
    record = record_from_json(schema, record_json())
    request = FormRequest("institution", ("psychotherapie",), record)
    secret = b"k" * 32
    ident = new_identity(schema, request, secret, random.Random(7))
    assert ident == new_identity(schema, request, secret, random.Random(7))  # seeded → reproducible
    assert ident.verify(secret)
    assert not ident.verify(b"x" * 32)
    back = FormIdentity.from_fields(ident.to_fields())
    assert back == ident and back.verify(secret)
    forged = FormIdentity.from_fields({**ident.to_fields(), "formgen.institution_id": "inst-0002"})
    assert not forged.verify(secret)
    assert parse_reference(f"Seite 1/3 · {ident.reference} · Stand 22.11.2026") == ident.instance_id
    assert ident.base_version == 3 and ident.institution_id == "inst-0001"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"formgen.instance_id": ""}, "instance_id missing"),
        ({"formgen.instance_id": "../../etc"}, "malformed"),
        ({"formgen.kind": "letter"}, "kind 'letter'"),
        ({"formgen.base_version": "drei"}, "not a number"),
    ],
)
def test_malformed_identity_is_refused(change: dict[str, str], message: str) -> None:
    ident = FormIdentity("s", "1.0.0", "ABCDE12345", "checklist", ("wohnheim",))
    with pytest.raises(IdentityError, match=message):
        FormIdentity.from_fields({**ident.to_fields(), **change})


def test_record_values_are_checked_against_the_schema() -> None:
    schema = default_schema()
    record = record_from_json(schema, record_json())
    assert record.categories == ("psychotherapie",)
    values = record.form_values(schema)
    assert values["institution.name"] == "Şule Yılmaz Beratung – Łódź / Ольга"
    assert values["psychotherapie.languages_offered"] == ["fa", "ar"]
    assert values["psychotherapie.languages_offered._other"] == "Urdu"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("entries", "psychotherapie", "share_migrants"),
            140,
            r"psychotherapie.share_migrants: 140 is outside 0–100",
        ),
        (
            ("entries", "psychotherapie", "languages_offered"),
            ["farsi"],
            r"unknown language code\(s\) farsi",
        ),
        (("entries", "psychotherapie", "date"), "24.09.2025", r"not an ISO date"),
        (("entries", "psychotherapie", "migrant_experience"), "vielleicht", r"not a choice"),
        (("institution", "region"), "berlin", r"institution.region: 'berlin' is not a choice"),
        (("institution", "nmae"), "x", r"institution.nmae: no such field here"),
        (("entries", "psychotherapie", "name"), "x", r"psychotherapie.name: no such field here"),
    ],
)
def test_record_that_does_not_fit_names_the_field(
    path: tuple[str, ...], value: object, message: str
) -> None:
    data = record_json()
    target: dict[str, object] = data
    for key in path[:-1]:
        target = target[key]  # type: ignore[assignment]
    target[path[-1]] = value
    with pytest.raises(RecordError, match=message):
        record_from_json(default_schema(), data, "record")


def test_record_with_unknown_category() -> None:
    data = record_json()
    data["entries"] = {"psychotherapy": {}}
    with pytest.raises(UnknownCategoryError, match="unknown category 'psychotherapy'"):
        record_from_json(default_schema(), data)


def test_workspace_init_open_and_issued_forms(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    assert len(ws.secret) == 32
    assert (ws.root / "secret.key").stat().st_mode & 0o077 == 0
    assert Workspace.open(ws.root).centre_name == "SPKoM Düsseldorf"
    with pytest.raises(WorkspaceError, match="already a formgen workspace"):
        Workspace.init(ws.root)
    ident = FormIdentity("s", "1.0.0", "ABCDE12345", "checklist", ("wohnheim",)).sign(ws.secret)
    ws.record_issued([ident])
    with open(ws.root / "issued.jsonl", "a", encoding="utf-8") as fh:
        fh.write("{damaged\n")
    assert ws.issued()["ABCDE12345"].verify(ws.secret)
    with pytest.raises(WorkspaceError, match=r"not a formgen workspace.*formgen init"):
        Workspace.open(tmp_path / "elsewhere")


def test_issued_forms_recorded_by_another_run_are_seen(tmp_path: Path) -> None:
    """One run's workspace reads what another run appends (and starts over when the log was
    rewritten shorter); an instance id is never recorded for two different forms."""
    ws = Workspace.init(tmp_path / "ws")
    other = Workspace.open(ws.root)

    def ident(iid: str, inst: str) -> FormIdentity:
        return FormIdentity("s", "1.0.0", iid, "institution", ("wohnheim",), inst).sign(ws.secret)

    ws.record_issued([ident("AAAAA11111", "inst-1")])
    assert set(other.issued()) == {"AAAAA11111"}
    ws.record_issued([ident("BBBBB22222", "inst-2"), ident("BBBBB22222", "inst-2")])
    assert set(other.issued()) == {"AAAAA11111", "BBBBB22222"}
    with pytest.raises(WorkspaceError, match="FG-BBBBB-22222 was issued before for another"):
        other.record_issued([ident("CCCCC33333", "inst-3"), ident("BBBBB22222", "inst-9")])
    assert set(ws.issued()) == {"AAAAA11111", "BBBBB22222"}  # neither was written
    (ws.root / "issued.jsonl").write_text("", "utf-8")
    assert other.issued() == {}


def test_the_issued_log_is_opened_again_only_once_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ingest asks the log of each return (prefilled values, erasures, the day it was
    issued, a file as formgen made it): unchanged, it is not opened and read each time."""
    ws = Workspace.init(tmp_path / "ws")
    ident = FormIdentity("s", "1.0.0", "AAAAA11111", "institution", ("wohnheim",), "inst-1")
    ws.record_issued([ident.sign(ws.secret)])
    opened: list[str] = []

    def counting_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(Path(file).name)
        return open(file, *args, **kwargs)

    monkeypatch.setattr("formgen.workspace.open", counting_open, raising=False)
    for _ in range(3):
        assert ws.issued_prefill("AAAAA11111") is None and ws.issued_erased("AAAAA11111") == {}
        assert set(ws.issued()) == {"AAAAA11111"}
    assert opened.count("issued.jsonl") == 1  # the first look; then one stat each
    other = FormIdentity("s", "1.0.0", "BBBBB22222", "institution", ("wohnheim",), "inst-2")
    with open(ws.root / "issued.jsonl", "a", encoding="utf-8") as fh:  # another run appends
        fh.write(json.dumps(other.sign(ws.secret).to_fields()) + "\n")
    assert set(ws.issued()) == {"AAAAA11111", "BBBBB22222"}
    assert opened.count("issued.jsonl") == 2


def test_workspace_regions_override_the_schema(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws")
    config = ws.root / "workspace.toml"
    config.write_text(
        config.read_text("utf-8")
        + '\n[[regions]]\nvalue = "rostock"\nde = "Rostock"\nen = "Rostock"\n',
        "utf-8",
    )
    schema = Workspace.open(ws.root).schema()
    assert [r.value for r in schema.regions] == ["rostock"]


def test_workspace_lock_is_exclusive(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws")
    other = Workspace.open(ws.root)
    with (
        ws.lock(),
        pytest.raises(WorkspaceError, match="in use by another formgen run"),
        other.lock(wait=0.2),
    ):
        pass
    with other.lock(wait=0.2):
        pass


def test_a_lock_file_that_is_a_link_is_refused_and_its_target_left_as_it_is(
    tmp_path: Path,
) -> None:
    """Found by the audit: every run wrote the record of who holds the lock through a `.lock`
    that was a link, emptying the file it pointed to."""
    ws = Workspace.init(tmp_path / "ws")
    victim = tmp_path / "notizen.txt"
    victim.write_text("Ольга Петренко, Tel. 0171 2345678\n", "utf-8")
    (ws.root / ".lock").unlink(missing_ok=True)
    (ws.root / ".lock").symlink_to(victim)
    with pytest.raises(WorkspaceError, match=r"\.lock is not a file but a link"), ws.lock():
        pass
    assert victim.read_text("utf-8") == "Ольга Петренко, Tel. 0171 2345678\n"


def test_the_lock_records_the_command_without_its_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A killed run leaves its record in `.lock`: a note, an argument may name a person."""
    ws = Workspace.init(tmp_path / "ws")
    note = "auf Wunsch von Ольга Петренко, Tel. 0171 2345678"
    argv = ["formgen", "register", "erase", "inst-0002", "psychotherapie.initials"]
    monkeypatch.setattr(sys, "argv", [*argv, "--note", note, f"--workspace={ws.root}"])
    with ws.lock():
        text = (ws.root / ".lock").read_text("utf-8")
    assert json.loads(text)["command"] == "formgen register erase … --note … --workspace"
    assert "Петренко" not in text and "0171" not in text and "inst-0002" not in text


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(
            json.dumps(
                {"command": "A" * 5_000_000, "since": "x", "host": "h", "user": "u", "pid": 1}
            ),
            id="5 MB",
        ),
        pytest.param(
            json.dumps(
                {
                    "command": "formgen ingest",
                    "since": "2026-11-24T09:00:00+01:00",
                    "host": "pc\x1b[2J",
                    "user": "u" * 500,
                    "pid": "1\nformgen: alles in Ordnung, nichts zu tun",
                }
            ),
            id="a line break in pid",
        ),
    ],
)
def test_a_run_waiting_for_the_lock_says_its_holder_on_one_short_line(
    tmp_path: Path, record: str
) -> None:
    ws = Workspace.init(tmp_path / "ws")
    with ws.lock():
        (ws.root / ".lock").write_text(record, "utf-8")  # written by something else
        with pytest.raises(WorkspaceError) as failed, Workspace.open(ws.root).lock(wait=0):
            pass
    said = str(failed.value)
    assert said.startswith(f"{ws.root} is in use by another formgen run"), said[:300]
    assert "\n" not in said and "\x1b" not in said and len(said) < 600, said[:300]


def test_a_process_forked_while_the_lock_is_held_does_not_hold_it(tmp_path: Path) -> None:
    """An ingest run's workers are forked while it holds the lock: the lock ends with the run,
    even if a worker outlives it."""
    ws = Workspace.init(tmp_path / "ws")
    with ws.lock():
        child = multiprocessing.get_context("fork").Process(target=time.sleep, args=(60,))
        child.start()
    try:
        assert child.is_alive()
        # the child lets go of its copy right after the fork, in its own time: a moment's wait
        with Workspace.open(ws.root).lock(wait=5):
            pass
    finally:
        child.kill()
        child.join()


def test_a_failed_atomic_write_leaves_no_temporary_file_and_names_the_target(
    tmp_path: Path,
) -> None:
    target = tmp_path / "register.csv"
    target.mkdir()  # the rename at the end fails: the temporary file was written in full
    with pytest.raises(OSError) as failed:
        write_atomic(target, b"id;name\n")
    assert failed.value.filename == str(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.csv"]
