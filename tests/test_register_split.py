"""``formgen register split``: a service split off another („Beratungsstelle X“ became „X Nord“
and „X Süd“): a new institution whose history, and the other's, say so; a checklist of one never
goes to the other; a rebuild makes it again."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from mailkit import make_workspace
from register_support import SCHEMA, checklist
from test_register_returns import run

from formgen.cli import main
from formgen.errors import RegisterError
from formgen.workspace import Workspace
from ingest.journal import load
from ingest.printed import PrintOptions, render_register
from ingest.register import Register
from ingest.staleness import review

SAHIN = {
    "name": "Beratungsstelle Ümit Şahin",
    "street": "Oberbilker Allee 12",
    "postcode": "40227",
    "city": "Düsseldorf",
    "region": "duesseldorf",
    "phone": "0211 7770",
    "email": "beratung@sahin.example",
    "migrant_experience": "ja",
    "languages_offered": ["tr", "ar"],
    "contact_name": "Ümit Şahin",
    "date": "2026-09-24",
    "initials": "ÜŞ",
}
NORD = "Beratungsstelle Ümit Şahin Nord"
SUED = "Beratungsstelle Ümit Şahin Süd"


def split_off(reg: Register, iid: str, name: str = NORD) -> str:
    return reg.split_institution(iid, reg.split_values(iid, name), "aufgeteilt in Nord und Süd")


def test_a_split_off_service_starts_with_the_others_values_none_of_them_its_word() -> None:
    reg = Register(SCHEMA)
    (iid,) = reg.merge(checklist("psychotherapie", SAHIN)).created
    new = split_off(reg, iid)
    assert new == "inst-0002" and reg.name_of(new) == NORD and reg.name_of(iid) == SAHIN["name"]
    fields = reg.institutions[new]["entries"]["psychotherapie"]["fields"]
    assert fields["migrant_experience"]["v"] == "ja"
    assert "date" not in fields and "initials" not in fields  # its confirmation, not the new one's
    assert reg.value(new, "institution.phone")["v"] == reg.value(iid, "institution.phone")["v"]
    assert all(reg.from_someone_else(v) for v in reg.institutions[new]["institution"].values())
    (found,) = [f for f in review(reg, today=dt.date(2026, 10, 1)) if f.institution_id == new]
    assert found.reasons == ("never_answered",), found
    assert reg.splits(new)[0][:2] == ("split-from", iid)
    assert reg.splits(iid)[0][:2] == ("split-off", new)


def test_a_checklist_of_one_goes_to_that_one_never_to_the_other() -> None:
    """They share address, phone and e-mail: only the name tells them apart; the old name
    is the one renamed Süd, which keeps its history, never Nord."""
    reg = Register(SCHEMA)
    (iid,) = reg.merge(checklist("psychotherapie", SAHIN)).created
    new = split_off(reg, iid)
    reg.set_by_hand(iid, reg.hand_values(iid, "institution.name", SUED), "Süd")
    shared = {k: SAHIN[k] for k in ("postcode", "phone", "email")}
    for name, meant in ((NORD, new), (SUED, iid), ("Beratungsstelle Ümit Şahin - Nord", new)):
        out = reg.merge(checklist("psychotherapie", {"name": name, **shared, "plans": name}))
        assert out.institutions == (meant,), (name, out)
    out = reg.merge(checklist("psychotherapie", {"name": SAHIN["name"], **shared}))
    assert out.institutions == (iid,) and reg.duplicates() == [], out


def test_a_split_is_refused_for_a_retired_institution_or_its_own_name() -> None:
    reg = Register(SCHEMA)
    (iid,) = reg.merge(checklist("psychotherapie", SAHIN)).created
    with pytest.raises(RegisterError, match="needs a name of its own"):
        reg.split_values(iid, "BERATUNGSSTELLE UMIT SAHIN")
    with pytest.raises(RegisterError, match="no institution 'inst-0009' in the register"):
        reg.split_values("inst-0009", NORD)
    reg.retire(iid, "geschlossen")
    with pytest.raises(RegisterError, match="restore inst-0001"):
        reg.split_values(iid, NORD)
    assert list(reg.institutions) == [iid]


def printed_text(reg: Register, lang: str = "de") -> str:
    opts = PrintOptions(centre="SPKoM Düsseldorf", stand=dt.date(2026, 12, 1), lang=lang)
    with pdfplumber.open(io.BytesIO(render_register(reg, opts))) as doc:
        text = " ".join((p.extract_text() or "").replace("\n", " ") for p in doc.pages)
    return text.replace("\xa0", " ")


def test_the_print_says_which_split_off_which_by_name() -> None:
    """A reader of the binder needs the other service's name, its id in brackets as the list
    of those taken out of the register has it (it named „inst-0002“ alone). In English, „split
    off from“: „split off Beratungsstelle … (inst-0001)“ read as if it split inst-0001 off."""
    reg = Register(SCHEMA)
    (iid,) = reg.merge(checklist("psychotherapie", SAHIN)).created
    new = split_off(reg, iid)
    text = printed_text(reg)
    day = dt.date.today().strftime("%d.%m.%Y")
    assert f"abgeteilt von {SAHIN['name']} ({iid}) am {day}" in text, text
    assert f"am {day} hat sich {NORD} ({new}) davon abgeteilt" in text, text
    text = printed_text(reg, "en")
    day = dt.date.today().isoformat()
    assert f"split off from {SAHIN['name']} ({iid}) on {day}" in text, text
    assert f"{NORD} ({new}) split off on {day}" in text, text
    reg.erase(iid, ["institution.name"], "Art. 17")  # its name shown as its id, once
    text = printed_text(reg, "en")
    assert f"split off from {iid} on {day}" in text and f"{iid} ({iid})" not in text, text


def test_register_split_journaled_both_histories_find_all_and_rebuild(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    w = str(ws.root)
    listed = tmp_path / "Liste.csv"
    listed.write_text(
        "Einrichtung;PLZ;Telefon;E-Mail;Checkliste;Versorgungsregion\r\n"
        f"{SAHIN['name']};40227;0211 7770;beratung@sahin.example;psychotherapie;duesseldorf\r\n",
        "utf-8",
    )
    run("register", "import", str(listed), "-w", w)
    out = run(
        "register", "split", "inst-0001", "--name", NORD, "--note", "Aufteilung 2027", "-w", w
    )
    assert out.startswith(
        f"inst-0002 {NORD}: von inst-0001 {SAHIN['name']} abgeteilt (Aufteilung 2027), eine neue"
    ), out
    new = run("register", "history", "inst-0002", "-w", w)
    assert "von Hand abgeteilt von inst-0001: Aufteilung 2027" in new, new
    assert NORD in new and "0211 7770" in new.replace("+49 211 7770", "0211 7770")
    old = run("register", "history", "inst-0001", "-w", w)
    assert f"inst-0002 {NORD} davon abgeteilt: Aufteilung 2027" in old, old
    (event,) = [
        h
        for h in json.loads(run("register", "history", "inst-0001", "-w", w, "--json"))
        if h["op"] == "split-off"
    ]
    assert (event["other"], event["note"]) == ("inst-0002", "Aufteilung 2027")
    found = run("register", "find", "--all", "Aufteilung 2027", "-w", w)
    assert "Dienst abgeteilt" in found and "inst-0002" in found, found
    before = json.loads(ws.register_path.read_bytes())
    run("register", "rebuild", "-w", w)
    after = json.loads(ws.register_path.read_bytes())
    assert after["institutions"] == before["institutions"]
    assert load(ws).name_of("inst-0002") == NORD


def test_register_split_dry_run_says_what_it_would_do_and_writes_nothing(tmp_path: Path) -> None:
    """--dry-run names the id the new service would get (as the real run then gives it) and
    each value it would start with, by label, one a line; the register and the journal stay as
    they were, byte for byte."""
    ws = make_workspace(tmp_path / "ws")
    w = str(ws.root)
    listed = tmp_path / "Liste.csv"
    listed.write_text(
        "Einrichtung;PLZ;Telefon;Name der Ansprechperson;Checkliste\r\n"
        f"{SAHIN['name']};40227;0211 7770;Oksana Petrenko;psychotherapie\r\n",
        "utf-8",
    )
    run("register", "import", str(listed), "-w", w)
    concepts = "Einzeltherapie\nauf Russisch und Ukrainisch"
    run("register", "set", "inst-0001", "psychotherapie.concepts", concepts, "--note", "Tel.", "-w", w)  # fmt: skip
    journal_file = ws.root / "journal.jsonl"
    before = ws.register_path.read_bytes(), journal_file.read_bytes()
    args = ["register", "split", "inst-0001", "--name", NORD, "--note", "Aufteilung", "-w", w]
    out = run(*args, "--dry-run")
    assert (ws.register_path.read_bytes(), journal_file.read_bytes()) == before
    assert out.startswith(
        f"--dry-run: inst-0002 {NORD} würde von inst-0001 {SAHIN['name']} abgeteilt (Aufteilung)"
    ), out
    assert out.splitlines()[0].endswith("nichts geändert"), out
    assert "  Einrichtung › Telefon" in out and "7770" in out, out
    assert f"„{NORD}“" in out and "40227" in out, out
    assert "Oksana" not in out, out  # a contact person is not copied
    # a value's line break as „↵“, as find --all shows it: its second line read as another
    assert "„Einzeltherapie↵auf Russisch und Ukrainisch“" in out, out
    assert all(line.startswith(("--dry-run: ", "  ")) for line in out.splitlines()), out
    assert out.splitlines()[-1] == "  ihre Checklisten: PsychotherapeutIn, niedergelassen", out
    assert run(*args).startswith(f"inst-0002 {NORD}: von inst-0001"), "the same id, for real"


def test_register_split_dry_run_is_refused_as_the_split_is(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    listed = tmp_path / "Liste.csv"
    listed.write_text(f"Einrichtung;Checkliste\r\n{SAHIN['name']};psychotherapie\r\n", "utf-8")
    run("register", "import", str(listed), "-w", str(ws.root))
    args = ["inst-0001", "--name", SAHIN["name"], "--note", "x", "--dry-run"]
    result = CliRunner().invoke(main, ["register", "split", *args, "-w", str(ws.root)])
    assert result.exit_code == 1, result.output
    assert "braucht einen eigenen Namen" in result.output, result.output


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["inst-0001", "--name", SAHIN["name"], "--note", "x"], 1, "braucht einen eigenen Namen"),
        (["inst-0007", "--name", NORD, "--note", "x"], 1, "keine Einrichtung „inst-0007“"),
        (["inst-0001", "--name", NORD, "--note", "  "], 2, "warum der Dienst abgeteilt wird"),
        (["inst-0001", "--name", " ", "--note", "x"], 1, r"braucht einen Namen \(--name NAME\)"),
        (
            ["inst-0001", "--name", "\u202eدرون\u202c Nord", "--note", "x"],
            1,
            r"^Fehler: --name des Dienstes, der von inst-0001 abgeteilt wird: "
            r"der Wert enthält \\u202e, ein Zeichen, das die Schreibrichtung des folgenden Texts "
            r"umkehrt, sodass er anders erscheint als getippt: „\\u202eدرون\\u202c Nord“",
        ),
        (
            ["inst-0001", "--name", "Nord\x01", "--note", "x", "--dry-run"],
            1,
            r"^Fehler: --name des Dienstes, der von inst-0001 abgeteilt wird: der Wert enthält "
            r"das Steuerzeichen \\x01 \(„Nord\\x01“\)",
        ),
    ],
)
def test_register_split_refused_changes_nothing(
    tmp_path: Path, args: list[str], code: int, said: str
) -> None:
    ws = make_workspace(tmp_path / "ws")
    listed = tmp_path / "Liste.csv"
    listed.write_text(f"Einrichtung;Checkliste\r\n{SAHIN['name']};psychotherapie\r\n", "utf-8")
    run("register", "import", str(listed), "-w", str(ws.root))
    before = ws.register_path.read_bytes()
    result = CliRunner().invoke(main, ["register", "split", *args, "-w", str(ws.root)])
    assert result.exit_code == code, result.output
    assert re.search(said, result.output), result.output
    assert ws.register_path.read_bytes() == before


def test_a_name_typed_with_marks_isolates_or_embeddings_of_direction_is_taken_as_typed() -> None:
    """Ingest's rule for a name typed by a coordinator too: what only says or keeps a direction
    (U+200F, an isolate U+2067…U+2069, an embedding U+202B…U+202C, as a program pastes Arabic
    beside Latin) is text; what turns the text after it round (U+202E, U+202D) is refused, and
    so is a control character, with nothing changed."""
    reg = Register(SCHEMA)
    (iid,) = reg.merge(checklist("psychotherapie", SAHIN)).created
    for name in ("\u2067مركز الأمل\u2069 Nord", "\u202bمركز\u202c Süd\u200f"):
        assert reg.name_of(split_off(reg, iid, name)) == name
    for name, said in (
        ("\u202dNord", r"holds \\u202d, a character that reverses"),
        ("Nord\x7f", r"holds the control character \\u007f \('Nord\\u007f'\)"),
    ):
        whose = f"^--name of the service that splits off {iid}: the value "
        with pytest.raises(RegisterError, match=f"{whose}{said}.*; nothing changed$"):
            reg.split_values(iid, name)
    assert len(reg.institutions) == 3


def test_a_split_leaves_out_the_contact_persons_the_new_service_names_its_own() -> None:
    """Data minimisation: the contact persons of ID (fields marked personal) are ID's people,
    not the new service's; it names its own on its form."""
    reg = Register(SCHEMA)
    (iid,) = reg.merge(checklist("psychotherapie", SAHIN)).created
    new = split_off(reg, iid)
    personal = {f"{c.id}.{f.id}" for c in SCHEMA.categories for f in c.fields if f.personal} | {
        f"institution.{f.id}" for f in SCHEMA.institution_fields() if f.personal
    }
    assert "psychotherapie.contact_name" in personal
    assert not [p for p in personal if reg.value(new, p) is not None]
    assert reg.value(iid, "psychotherapie.contact_name")["v"] == "Ümit Şahin"
    assert reg.value(new, "institution.street")["v"] == SAHIN["street"]


def old_split(ws: Workspace, path: str) -> None:
    """``register split`` as an older formgen journaled it: ID's contact person at ``path``
    copied into the new one's values; the register made again from that journal."""
    w = str(ws.root)
    run("register", "split", "inst-0001", "--name", NORD, "--note", "Aufteilung", "-w", w)
    stored = load(ws).value("inst-0001", path)
    lines = (ws.root / "journal.jsonl").read_text("utf-8").splitlines()
    for i, line in enumerate(lines):
        op = json.loads(line)
        if op["op"] == "split":
            op["values"][path] = {"v": stored["v"], "raw": stored["raw"]}
            lines[i] = json.dumps(op, ensure_ascii=False, sort_keys=True)
    (ws.root / "journal.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    run("register", "rebuild", "-w", w)
    assert load(ws).value("inst-0002", path)["v"] == stored["v"]


def test_erasing_her_name_after_an_old_split_keeps_the_files_of_the_copied_persons(
    tmp_path: Path,
) -> None:
    """A tester's finding: an older split copied ID's contact person (Oksana) to the new one;
    erasing the new one's own contact (Gülşen) erased Oksana's copy as „früherer Wert“ and
    deleted every export that held Oksana as ID's value, which the question said stays."""
    ws = make_workspace(tmp_path / "ws")
    w = str(ws.root)
    listed = tmp_path / "Liste.csv"
    listed.write_text(
        "Einrichtung;Name der Ansprechperson;Checkliste\r\n"
        f"{SAHIN['name']};Oksana Petrenko;psychotherapie\r\n",
        "utf-8",
    )
    run("register", "import", str(listed), "-w", w)
    path = "psychotherapie.contact_name"
    old_split(ws, path)
    run("register", "export", "--format", "json", "-w", w)
    (before,) = (ws.root / "exports").glob("register-*.json")
    run("register", "set", "inst-0002", path, "Gülşen Kaya", "--note", "Telefonat", "-w", w)
    run("register", "export", "--format", "csv", "-w", w)
    after = sorted((ws.root / "exports").glob("register-*.csv"))
    assert after and "Gülşen Kaya" in after[0].read_text("utf-8-sig")
    out = run("register", "erase", "inst-0002", path, "--note", "Antrag", "--yes", "-w", w)
    assert "Oks…nko (früherer Wert, von inst-0001 übernommen bei register split" in out, out
    assert "Gül…aya (jetziger Wert), wird gelöscht" in out, out
    assert before.exists() and "Oksana Petrenko" in before.read_text("utf-8"), out
    assert not any(p.exists() for p in after), out  # they held her name: gone
    reg = load(ws)
    assert reg.value("inst-0001", path)["v"] == "Oksana Petrenko"
    assert reg.value("inst-0002", path) is None
    history = run("register", "history", "inst-0002", "-w", w)
    assert "Oksana" not in history and "Gülşen" not in history, history


@pytest.mark.parametrize("erased_in", ["inst-0002", "inst-0001"])
def test_a_contact_erased_after_a_split_rebuilds_as_it_is(tmp_path: Path, erased_in: str) -> None:
    """The split journals the values the new service started with (an older one its contact
    persons too): a contact person erased
    from it goes from the journal's split too; erased from the other, the new one keeps its
    copy (the erasure names it), and a rebuild gives either register as it is."""
    ws = make_workspace(tmp_path / "ws")
    w = str(ws.root)
    listed = tmp_path / "Liste.csv"
    listed.write_text(
        "Einrichtung;Name der Ansprechperson;Checkliste\r\n"
        f"{SAHIN['name']};Oksana Petrenko;psychotherapie\r\n",
        "utf-8",
    )
    run("register", "import", str(listed), "-w", w)
    path = "psychotherapie.contact_name"
    old_split(ws, path)
    run("register", "erase", erased_in, path, "--note", "Antrag vom 02.05.", "--yes", "-w", w)
    reg = load(ws)
    kept = "inst-0001" if erased_in == "inst-0002" else "inst-0002"
    assert reg.value(kept, path)["v"] == "Oksana Petrenko"
    assert reg.value(erased_in, path) is None
    (split,) = [
        json.loads(line)
        for line in (ws.root / "journal.jsonl").read_text("utf-8").splitlines()
        if '"op": "split"' in line
    ]
    assert ("Oksana" in json.dumps(split, ensure_ascii=False)) == (erased_in == "inst-0001")
    before = json.loads(ws.register_path.read_bytes())
    run("register", "rebuild", "-w", w)
    assert json.loads(ws.register_path.read_bytes())["institutions"] == before["institutions"]
