"""``formgen register conflicts`` as a coordinator works through a backlog: how many wait,
first, and those of one region, checklist or institution only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from register_support import YILMAZ, checklist, institution_form

from formgen.cli import main
from formgen.workspace import Workspace
from ingest.journal import load, writing

ZOLKIEWSKA = {
    **YILMAZ,
    "name": "Gabinet Małgorzata Żółkiewska",
    "region": "dormagen",
    "phone": "+49 2133 4711",
    "contact_name": "Małgorzata Żółkiewska",
}
AMAL = {
    **YILMAZ,
    "name": "جمعية الأمل للصحة النفسية",
    "region": "neuss_meerbusch",
    "phone": "+49 2131 5550",
    "contact_name": "Ольга Петренко",
}


def backlog(tmp_path: Path, language: str = "de") -> Workspace:
    """Three institutions with a value held each (the phone of two, a contact of a checklist
    of the third) and a probable duplicate of the third (a similar name)."""
    ws = Workspace.init(tmp_path / "ws", language=language)
    with writing(ws) as w:
        w.merge(checklist("psychotherapie", YILMAZ))  # inst-0001, Düsseldorf
        w.merge(checklist("betreutes_wohnen", ZOLKIEWSKA))  # inst-0002, Dormagen
        w.merge(checklist("psychotherapie", AMAL))  # inst-0003, Neuss
        for iid, category, changed in [
            ("inst-0001", "psychotherapie", ("phone", "+49 211 999999", "+49 211 555555")),
            ("inst-0002", "betreutes_wohnen", ("contact_name", "Ольга Петренко", "Şule Yılmaz")),
            ("inst-0003", "psychotherapie", ("phone", "+49 2131 1", "+49 2131 2")),
        ]:
            key, mine, theirs = changed
            w.merge(institution_form(iid, category, base=1, **{key: mine}))
            w.merge(institution_form(iid, category, base=1, **{key: theirs}))
        similar = {**AMAL, "name": "جمعية الأمل للصحة النفسية e.V.", "postcode": "1", "phone": ""}
        w.merge(checklist("psychotherapie", similar))
    return ws


def run(ws: Workspace, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["register", "conflicts", *args, "-w", str(ws.root)])
    return result.exit_code, result.output


def ids(out: str) -> list[str]:
    return [line.split()[0] for line in out.splitlines() if line[:2] in ("c-", "d-")]


def test_conflicts_say_how_many_wait_first_and_by_checklist(tmp_path: Path) -> None:
    ws = backlog(tmp_path)
    code, out = run(ws)
    assert code == 0, out
    first, second, blank = out.splitlines()[:3]
    assert first == "3 offene Konflikte und 1 mögliche Dublette warten auf eine Entscheidung"
    assert second == "offen nach Checkliste: Einrichtung 2, Betreutes Wohnen 1"
    assert blank == ""
    assert ids(out) == ["c-0001", "c-0002", "c-0003", "d-0001"]
    for name in (
        "Praxis Şule Yılmaz",
        "Gabinet Małgorzata Żółkiewska",
        "جمعية الأمل للصحة النفسية",
    ):
        assert name in out


@pytest.mark.parametrize(
    ("args", "listed", "first"),
    [
        (["--region", "Dormagen"], ["c-0002"], "1 offener Konflikt wartet auf eine Entscheidung\n"),
        (["--region", "neuss_meerbusch"], ["c-0003", "d-0001"], "1 offener Konflikt und 1 "),
        (["--category", "Psychotherapie"], ["c-0001", "c-0003", "d-0001"], "2 offene Konflikte"),
        (["--category", "betreutes_wohnen", "--category", "psychotherapie"], None, "3 offene"),
        (["--category", "psychotherapie", "--region", "Düsseldorf"], ["c-0001"], "1 offener"),
        (["--institution", "inst-0003"], ["c-0003", "d-0001"], "1 offener Konflikt und 1 "),
    ],
    ids=["region-name", "region-id", "category", "two-categories", "both", "institution"],
)
def test_conflicts_of_a_region_checklist_or_institution_only(
    tmp_path: Path, args: list[str], listed: list[str] | None, first: str
) -> None:
    """A held value of the institution's own data (its phone) counts for its checklists; a
    probable duplicate for its checklist, the region it gave and the institution it is like."""
    ws = backlog(tmp_path)
    code, out = run(ws, *args)
    assert code == 0, out
    assert out.startswith(first)
    assert ids(out) == (listed or ["c-0001", "c-0002", "c-0003", "d-0001"])
    assert "entscheiden mit:" in out


def test_conflicts_none_of_the_chosen_say_how_many_wait_in_all(tmp_path: Path) -> None:
    ws = backlog(tmp_path)
    code, out = run(ws, "--category", "betreutes_wohnen", "--region", "duesseldorf")
    assert code == 0
    assert out == (
        "davon wartet nichts auf eine Entscheidung (insgesamt 4: formgen register conflicts)\n"
    )
    code, out = run(ws, "--region", "dormagen", "--json")
    assert code == 0
    got = json.loads(out)
    assert [c["institution_id"] for c in got["conflicts"]] == ["inst-0002"]
    assert got["conflicts"][0]["theirs"]["v"] == "Şule Yılmaz" and got["duplicates"] == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--region", "Nirgendwo"], "Fehler: unbekannte Region „Nirgendwo“"),
        (["--category", "Zahnarzt"], "Fehler: unbekannte Checkliste „Zahnarzt“"),
        (["--institution", "inst-0999"], "Fehler: keine Einrichtung „inst-0999“ im Register"),
    ],
)
def test_conflicts_of_an_unknown_region_checklist_or_institution_are_an_error(
    tmp_path: Path, args: list[str], said: str
) -> None:
    ws = backlog(tmp_path)
    code, out = run(ws, *args)
    assert code == 1 and said in out


def test_conflicts_count_in_english(tmp_path: Path) -> None:
    ws = backlog(tmp_path, language="en")
    code, out = run(ws, "--region", "Rhein-Kreis Neuss (Neuss, Meerbusch)")
    assert code == 0
    assert out.startswith("1 held conflict and 1 probable duplicate wait for a decision\n\n")
    code, out = run(ws, "--category", "betreutes_wohnen", "--region", "duesseldorf")
    assert out == "nothing of these waits for a decision (4 in all: formgen register conflicts)\n"
    code, out = run(ws)
    assert "\nheld by checklist: Institution 2, Supported housing 1\n" in out


@pytest.mark.parametrize(
    ("language", "held", "duplicate"),
    [
        (
            "de",
            "1 offener Konflikt wartet auf eine Entscheidung\n\n",
            "1 mögliche Dublette wartet auf eine Entscheidung\n\n",
        ),
        (
            "en",
            "1 held conflict waits for a decision\n\n",
            "1 probable duplicate waits for a decision\n\n",
        ),
    ],
)
def test_conflicts_count_leaves_out_a_kind_none_of_wait(
    tmp_path: Path, language: str, held: str, duplicate: str
) -> None:
    """„1 offener Konflikt und 0 mögliche Dubletten warten …“ said a count of nothing."""
    ws = backlog(tmp_path, language=language)
    code, out = run(ws, "--region", "dormagen")
    assert code == 0 and out.startswith(held), out
    assert resolve(ws, "c-0003", "--take", "mine")[0] == 0
    code, out = run(ws, "--institution", "inst-0003")
    assert code == 0 and out.startswith(duplicate), out
    assert ids(out) == ["d-0001"]


def resolve(ws: Workspace, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["register", "resolve", *args, "-w", str(ws.root)])
    return result.exit_code, result.output


def test_resolve_one_field_of_every_institution_at_once_after_a_dry_run(tmp_path: Path) -> None:
    """The phone numbers held in Neuss and Düsseldorf: the coordinator sees what taking the
    returned ones would do, changing nothing, then takes them in one region, one decision
    each in the journal (a rebuild makes them again)."""
    ws = backlog(tmp_path)
    kept = ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()
    code, out = resolve(ws, "--field", "institution.phone", "--take", "theirs", "--dry-run")
    assert code == 0, out
    assert out.splitlines() == [
        "würde entscheiden (zurückgemeldeten Wert übernommen): c-0001  inst-0001 Praxis Şule "
        "Yılmaz  Einrichtung › Telefon (Zentrale)",
        "    im Register stünde dann: +49 211 555555",
        "würde entscheiden (zurückgemeldeten Wert übernommen): c-0003  inst-0003 جمعية الأمل "
        "للصحة النفسية  Einrichtung › Telefon (Zentrale)",
        "    im Register stünde dann: +49 2131 2",
        "Probelauf: nichts wurde geändert",
    ]
    assert (ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()) == kept

    code, out = resolve(
        ws, "--field", "institution.phone", "--region", "Rhein-Kreis Neuss (Neuss, Meerbusch)",
        "--take", "theirs",
    )  # fmt: skip
    assert code == 0, out
    assert out.startswith("entschieden (zurückgemeldeten Wert übernommen): c-0003  inst-0003 ")
    assert ids(run(ws)[1]) == ["c-0001", "c-0002", "d-0001"]
    assert CliRunner().invoke(main, ["register", "rebuild", "-w", str(ws.root)]).exit_code == 0
    reg = load(ws)
    assert reg.value("inst-0003", "institution.phone")["v"] == "+49 2131 2"
    assert reg.value("inst-0001", "institution.phone")["v"] == "+49 211 999999"
    assert sorted(reg.data["conflicts"]) == ["c-0001", "c-0002"]


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["--take", "mine"], 2, "bitte einen Konflikt (c-0001), eine Einrichtung oder"),
        (["inst-0001", "--region", "dormagen", "--take", "mine"], 2, "inst-0001 nennt seine"),
        (["d-0001", "--merge", "--dry-run"], 2, "--dry-run gilt für zurückgestellte Werte"),
        (
            ["--field", "institution.phone", "--region", "dormagen", "--take", "mine"],
            1,
            "Fehler: kein zurückgestellter Konflikt für institution.phone unter diesen",
        ),
    ],
    ids=["nothing-named", "filters-with-target", "dry-duplicate", "none-there"],
)
def test_resolve_a_group_misnamed_changes_nothing(
    tmp_path: Path, args: list[str], code: int, said: str
) -> None:
    ws = backlog(tmp_path)
    kept = ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()
    got, out = resolve(ws, *args)
    assert got == code and said in " ".join(out.split()), out
    assert (ws.register_path.read_bytes(), (ws.root / "journal.jsonl").read_bytes()) == kept
