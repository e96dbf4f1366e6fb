"""A checklist filled by someone else (a working group, a partner) about an institution the
register knows: what it says that is news is taken or held, but what is only its own act of
filling, or the same text typed on a keyboard without the name's letters, asks no decision."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from register_support import SCHEMA, YILMAZ, checklist, institution_form
from test_register_ids import group_checklist
from test_register_returns import run

from ingest import journal
from ingest.journal import load
from ingest.register import Register
from ingest.staleness import last_confirmed, review


@pytest.fixture
def reg() -> Register:
    return Register(SCHEMA)


def answered(reg: Register) -> str:
    """The practice, known from a checklist, that answered on its own form with its date and
    initials."""
    (iid,) = reg.merge(checklist("psychotherapie", YILMAZ)).created
    out = reg.merge(institution_form(iid, base=1, date="2026-11-26", initials="ŞY"))
    assert out.status == "updated"
    return iid


def fields(reg: Register, iid: str) -> dict[str, object]:
    return {
        k: v["v"] for k, v in reg.institutions[iid]["entries"]["psychotherapie"]["fields"].items()
    }


def test_someone_elses_date_and_initials_are_not_held_against_the_institutions(
    reg: Register,
) -> None:
    iid = answered(reg)
    out = reg.merge(checklist("psychotherapie", dict(YILMAZ, date="2026-12-01", initials="AK")))
    assert out.institutions == (iid,)
    assert out.conflicts == () and reg.conflicts() == []
    assert out.status == "confirmed"  # nothing else was news
    assert (fields(reg, iid)["date"], fields(reg, iid)["initials"]) == ("2026-11-26", "ŞY")
    entry = reg.institutions[iid]["entries"]["psychotherapie"]
    assert last_confirmed(entry) == dt.date(2026, 11, 26)  # not the working group's day
    assert entry["by_institution"]
    assert review(reg, today=dt.date(2026, 12, 3)) == []


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Praxis Sule Yilmaz", "Praxis Şule Yılmaz"),  # a German keyboard's letters
        ("PRAXIS ŞULE YILMAZ", "Praxis Şule Yılmaz"),  # capitals
        ("Poradnia Lodz", "Poradnia Łódź"),
        ("ольга петренко", "Ольга Петренко"),
    ],
)
def test_a_name_typed_without_its_letters_is_the_registers_name_and_noted(
    reg: Register, typed: str, kept: str
) -> None:
    iid = answered(reg) if kept == YILMAZ["name"] else None
    if iid is None:
        (iid,) = reg.merge(checklist("psychotherapie", dict(YILMAZ, name=kept))).created
        reg.merge(institution_form(iid, base=1, date="2026-11-26", initials="ŞY"))
    out = reg.merge(checklist("psychotherapie", dict(YILMAZ, name=typed)))
    assert out.institutions == (iid,) and reg.conflicts() == []
    assert reg.name_of(iid) == kept
    (note,) = [str(f) for f in out.flags if "spelling" in str(f)]
    assert note == (
        f"{iid} institution.name: '{typed}' is the register's '{kept}' without its accents and "
        "special letters or in other capitals; the register keeps its spelling"
    )


def test_a_name_with_letters_the_register_lacks_still_asks(reg: Register) -> None:
    """The register's spelling is the plainer one: the institution's word all the same, so
    the checklist's richer spelling waits for a decision, as any other value would."""
    plain = "Praxis Sule Yilmaz"
    (iid,) = reg.merge(checklist("psychotherapie", dict(YILMAZ, name=plain))).created
    reg.merge(institution_form(iid, base=1, name=plain, date="2026-11-26", initials="ŞY"))
    out = reg.merge(checklist("psychotherapie", YILMAZ))
    (held,) = reg.conflicts()
    assert (held["path"], held["theirs"]["v"]) == ("institution.name", "Praxis Şule Yılmaz")
    assert not [f for f in out.flags if "spelling" in str(f)]


def test_a_working_groups_checklist_asks_nothing_and_stale_says_what_it_gave(
    tmp_path: Path,
) -> None:
    """The auditor's season: the practice answered its own form; a working group's checklist
    names it without its Turkish letters, with the group's own date and initials and a contact
    person the practice never gave. Nothing waits for a decision; the name stays as the
    practice writes it, the other spelling is noted in the report; the entry is unconfirmed
    because of the contact person, and `register stale` says so."""
    ws = make_workspace(tmp_path / "ws")
    w = str(ws.root)
    listed = tmp_path / "liste.csv"
    listed.write_text(
        "\ufeffid;institution;email;categories;region\n"
        "inst-0001;Praxis Dr. Gülşen Öztürk;oeztuerk@example.org;psychotherapie;duesseldorf\n",
        "utf-8",
    )
    run("mail", str(listed), "-w", w, "--drafts", str(tmp_path / "runde1"))
    (form,) = (ws.root / "forms" / "mail").glob("*/inst-0001_*.pdf")
    own = tmp_path / "oeztuerk.pdf"
    practice = {
        "institution.phone": "0211 1000185",
        "psychotherapie.date": "20.11.2026",
        "psychotherapie.initials": "GÖ",
    }
    own.write_bytes(pdfium_fill(form.read_bytes(), practice))
    run("ingest", str(own), "-w", w)
    group = {
        "psychotherapie.1.name": "Praxis Dr. Gulsen Ozturk",
        "psychotherapie.1.phone": "0211 1000185",
        "psychotherapie.1.contact_name": "Frau Öztürk",
        "psychotherapie.1.date": "23.11.2026",
        "psychotherapie.1.initials": "AK",
    }
    out = run("ingest", str(group_checklist(ws, tmp_path / "AK.pdf", group)), "-w", w)
    assert "Konflikt" not in out and "zurückgestellt" not in out
    assert (
        "inst-0001 Einrichtung › Name der Einrichtung: „Praxis Dr. Gulsen Ozturk“ ist „Praxis Dr. Gülşen Öztürk“ "
        "aus dem Register ohne Akzente und Sonderbuchstaben oder in anderer Groß- und "
        "Kleinschreibung; das Register behält seine Schreibweise"
    ) in out
    assert run("register", "conflicts", "-w", w).startswith("nichts wartet auf eine Entscheidung")
    reg = load(ws)
    assert reg.name_of("inst-0001") == "Praxis Dr. Gülşen Öztürk"
    assert fields(reg, "inst-0001")["date"] == "2026-11-20"
    assert fields(reg, "inst-0001")["contact_name"] == "Frau Öztürk"
    stale = run("register", "stale", "-w", w)
    (line,) = [s for s in stale.splitlines() if s.startswith("inst-0001")]
    assert "20.11.2026" in line
    # the contact person's field, by its label on the form
    assert line.endswith("unbestätigt (Name der Ansprechperson von jemand anderem angegeben)")
    (finding,) = json.loads(run("register", "stale", "-w", w, "--json"))
    assert finding["from_others"] == ["contact_name"]


def test_the_institutions_own_return_takes_its_spelling_date_and_initials_over_a_checklist(
    reg: Register,
) -> None:
    """A working group's checklist named the practice a round had mailed, in capitals without
    its Turkish letters, with the group's date and initials; the practice's own form of that
    round comes back later, dated earlier. Its own spelling, date and initials are taken: the
    checklist's were no word of the practice to hold against it."""
    group = dict(YILMAZ, name="PRAXIS SULE YILMAZ", date="2026-11-20", initials="AK")
    mailed = {"praxis sule yilmaz": "inst-0002"}  # the send log's name, folded
    assert reg.merge(checklist("psychotherapie", group), named=mailed).created == ("inst-0002",)
    own = dict(name="Praxis Şule Yılmaz", date="2026-11-18", initials="ŞY")
    out = reg.merge(institution_form("inst-0002", **own))
    assert out.conflicts == () and reg.conflicts() == []
    assert reg.name_of("inst-0002") == "Praxis Şule Yılmaz"
    assert (fields(reg, "inst-0002")["date"], fields(reg, "inst-0002")["initials"]) == (
        "2026-11-18",
        "ŞY",
    )


PSZ = "Psychosoziales Zentrum für Flüchtlinge Düsseldorf"
LISTED = (
    "Einrichtung;PLZ;E-Mail;Internetseite;Checkliste\r\n"
    f"{PSZ};40210;info@psz-duesseldorf.example;;psychotherapie\r\n"
    "AWO Tagesstätte Oberbilk;40227;info@awo-duesseldorf.example;;psychotherapie\r\n"
    "AWO Migrationsberatung;40233;info@awo-duesseldorf.example;;psychotherapie\r\n"
    "Praxis Dr. Łukasz Wiśniewski;40212;;www.praxis-wisniewski.example;psychotherapie\r\n"
)
GROUP = {
    # the PSZ under its short name, with exactly its address, no postcode
    "psychotherapie.1.name": "PSZ für Flüchtlinge Düsseldorf",
    "psychotherapie.1.email": "Info@PSZ-Duesseldorf.example",
    "psychotherapie.1.city": "Düsseldorf",
    # a third service of a provider whose central address its others give: no evidence
    "psychotherapie.2.name": "AWO Jugendmigrationsdienst",
    "psychotherapie.2.email": "info@awo-duesseldorf.example",
    # a practice moved (another postcode): its website and its name alike tell it is the same
    "psychotherapie.3.name": "Praxis Dr. Lukasz Wisniewski",
    "psychotherapie.3.postcode": "40213",
    "psychotherapie.3.website": "https://praxis-wisniewski.example/",
    "psychotherapie.3.plans": "Gruppe auf Polnisch",
}


def test_a_checklist_giving_an_institutions_own_address_is_asked_about_not_made_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A working group's checklist names the PSZ „PSZ für Flüchtlinge Düsseldorf“ with
    exactly the PSZ's e-mail address: it was a new institution, mailed a second form and
    printed twice; now a probable duplicate, with why. An AWO service giving the AWO's central
    address, which two institutions of the register give, is a new one; a practice named
    alike with its website is that practice. A journal written before addresses were
    compared (matching 3) rebuilds as it was: the PSZ a second institution."""
    ws = make_workspace(tmp_path / "ws")
    w = str(ws.root)
    (tmp_path / "Liste.csv").write_text(LISTED, "utf-8")
    run("register", "import", str(tmp_path / "Liste.csv"), "-w", w)
    out = run("ingest", str(group_checklist(ws, tmp_path / "AK-Liste.pdf", GROUP)), "-w", w)
    assert "1 mögliche Dublette" in out and "inst-0005" in out, out
    reg = load(ws)
    assert reg.name_of("inst-0005") == "AWO Jugendmigrationsdienst"
    assert "inst-0006" not in reg.institutions
    assert fields(reg, "inst-0004")["plans"] == "Gruppe auf Polnisch", out
    said = run("register", "conflicts", "-w", w)
    assert (
        "d-0001  „PSZ für Flüchtlinge Düsseldorf“ (PsychotherapeutIn, niedergelassen) ähnelt "
        f"inst-0001 „{PSZ}“: ähnlicher Name (87\u00a0%) und gleiche E-Mail-Adresse"
    ) in said.splitlines(), said
    (report,) = (ws.root / "exports").glob("ingest-*.txt")  # the report keeps every line
    assert (
        "PsychotherapeutIn, niedergelassen, Block 3: inst-0004 „Praxis Dr. Łukasz Wiśniewski“ zugeordnet (gleicher "
        "Name und gleiche Internetseite)"
    ) in report.read_text("utf-8")
    before = json.loads(ws.register_path.read_bytes())
    run("register", "rebuild", "-w", w)
    assert json.loads(ws.register_path.read_bytes())["institutions"] == before["institutions"]

    old = make_workspace(tmp_path / "alt")
    monkeypatch.setattr(journal, "MATCHING", 3)  # a formgen before this change
    run("register", "import", str(tmp_path / "Liste.csv"), "-w", str(old.root))
    out = run("ingest", str(group_checklist(old, tmp_path / "AK.pdf", GROUP)), "-w", str(old.root))
    assert load(old).name_of("inst-0005") == "PSZ für Flüchtlinge Düsseldorf", out
    monkeypatch.undo()
    before = json.loads(old.register_path.read_bytes())
    run("register", "rebuild", "-w", str(old.root))
    after = json.loads(old.register_path.read_bytes())
    assert after["institutions"] == before["institutions"]
    assert after["duplicates"] == before["duplicates"]  # the moved practice asked about, as then


ZENTRALE = "0211 600 100"
"""The AWO's switchboard, which its services give as their phone."""
TAGESSTAETTE = {"name": "AWO Tagesstätte Oberbilk", "postcode": "40227", "phone": ZENTRALE}
MIGRATION = {"name": "AWO Migrationsberatung Ümit Şahin", "postcode": "40233", "phone": ZENTRALE}


@pytest.mark.parametrize("matching", [5, 4])
def test_a_switchboard_several_institutions_give_tells_nothing(
    reg: Register, matching: int
) -> None:
    """A provider's list gives two of its services the switchboard's number; a third service,
    not in the register, gives it too: since matching 5 none of them is taken for another
    (4: a probable duplicate each, „gleiche Telefonnummer, anderer Name“), and a checklist
    naming one of them with the switchboard only is that one by its name alone."""
    out = reg.merge(checklist("psychotherapie", TAGESSTAETTE, MIGRATION), matching=matching)
    assert len(out.created) == (2 if matching == 5 else 1), out
    jmd = {"name": "AWO Jugendmigrationsdienst", "phone": "+49 211 600100"}
    out = reg.merge(checklist("psychotherapie", jmd), matching=matching)
    if matching == 4:
        assert [d["reason_key"] for d in reg.duplicates()] == ["dup_same_phone"] * 2
        assert not out.created
        return
    assert reg.duplicates() == [] and out.created == ("inst-0003",)
    assert reg.name_of("inst-0003") == "AWO Jugendmigrationsdienst"
    again = dict(TAGESSTAETTE, postcode="", plans="Gruppe auf Türkisch")
    out = reg.merge(checklist("psychotherapie", again))
    assert out.institutions == ("inst-0001",) and reg.duplicates() == []
    assert any(f.endswith("(same name and no address to compare)") for f in out.flags), out.flags


def test_one_checklist_giving_a_number_to_services_of_several_names_tells_nothing(
    reg: Register,
) -> None:
    """The register knows one service with the number; a Träger's checklist gives it two
    services of other names: it is their switchboard, neither is asked about as that one."""
    (known,) = reg.merge(checklist("psychotherapie", TAGESSTAETTE)).created
    jmd = {"name": "AWO Jugendmigrationsdienst", "phone": ZENTRALE}
    sucht = {"name": "AWO Suchtberatung", "phone": ZENTRALE}
    out = reg.merge(checklist("psychotherapie", jmd, sucht))
    assert len(out.created) == 2 and reg.duplicates() == [] and known not in out.institutions
    alone = {"name": "AWO Schuldnerberatung", "phone": "0211 987654"}
    reg.merge(checklist("psychotherapie", alone))
    reg.merge(checklist("psychotherapie", dict(alone, name="Beratungsstelle Oberbilk")))
    (dup,) = reg.duplicates()  # a number only one institution gives still tells
    assert dup["reason_key"] == "dup_same_phone"


def test_a_number_a_merged_institution_gave_is_the_one_it_was_merged_into(reg: Register) -> None:
    """The practice entered twice with its number, once decided as new: two institutions give
    it, so it tells nothing; merged by hand, the one kept has it alone and a checklist with a
    name alike and the number is that practice again."""
    (iid,) = reg.merge(checklist("psychotherapie", YILMAZ)).created
    other = dict(YILMAZ, name="Psychotherapie Dr. Yılmaz", postcode="40213")
    (did,) = reg.merge(checklist("psychotherapie", other)).duplicates
    twice = reg.resolve_duplicate(did, "new")
    alike = dict(YILMAZ, name="Praxis Şule Yılmaz – Traumaambulanz", postcode="", plans="Gruppe")
    out = reg.merge(checklist("psychotherapie", alike))
    (dup,) = reg.duplicates()
    assert dup["reason_key"] == "dup_similar_name" and out.institutions == ()
    reg.merge_institutions(iid, twice, "dieselbe Praxis, zweimal erfasst")
    out = reg.merge(checklist("psychotherapie", dict(alike, plans="Gruppe auf Farsi")))
    assert out.institutions == (iid,) and reg.duplicates() == [dup]
    assert any(f.endswith("(similar name (95 %) and same phone)") for f in out.flags), out.flags


def test_a_journal_matched_before_switchboards_rebuilds_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register's lists of a formgen that took a switchboard for evidence (matching 4):
    the third service a probable duplicate, as then; a journal of today rebuilds as it is."""
    listed = "Einrichtung;PLZ;Telefon;Checkliste\r\n" + "".join(
        f"{b['name']};{b['postcode']};{b['phone']};psychotherapie\r\n"
        for b in (TAGESSTAETTE, MIGRATION)
    )
    (tmp_path / "Liste.csv").write_text(listed, "utf-8")
    (tmp_path / "Neu.csv").write_text(
        f"Einrichtung;Telefon;Checkliste\r\nAWO Jugendmigrationsdienst;{ZENTRALE};psychotherapie\r\n",
        "utf-8",
    )
    for version, folder in ((4, "alt"), (5, "neu")):
        ws = make_workspace(tmp_path / folder)
        with monkeypatch.context() as patched:
            patched.setattr(journal, "MATCHING", version)
            for listed_file in ("Liste.csv", "Neu.csv"):
                run("register", "import", str(tmp_path / listed_file), "-w", str(ws.root))
        before = json.loads(ws.register_path.read_bytes())
        assert len(before["duplicates"]) == (2 if version == 4 else 0), before["duplicates"]
        assert len(before["institutions"]) == (1 if version == 4 else 3)
        run("register", "rebuild", "-w", str(ws.root))
        after = json.loads(ws.register_path.read_bytes())
        assert after["institutions"] == before["institutions"]
        assert after["duplicates"] == before["duplicates"]


IDN_LISTED = (
    "Einrichtung;PLZ;E-Mail;Checkliste\r\n"
    "Straßenfußball Neuß e.V.;41460;info@straßenfußball-neuß.de;psychotherapie\r\n"
    "Beratungsbüro Öz;40223;info@xn--bro-hoa.example;psychotherapie\r\n"
)
IDN_GROUP = {
    # another domain (ss for ß), which matching 4 took for the register's (casefold)
    "psychotherapie.1.name": "Fußballprojekt Neuss",
    "psychotherapie.1.email": "info@strassenfussball-neuss.de",
    # the same mailbox in Unicode, which matching 4 took for another
    "psychotherapie.2.name": "Migrationsberatung Öz",
    "psychotherapie.2.email": "Info@Büro.example",
}


def test_addresses_are_compared_by_the_domain_mail_goes_to_and_a_journal_replays_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Matching 5 compares an address's domain as IDNA 2008 writes it: strassenfussball-neuss.de
    is no evidence for the register's straßenfußball-neuß.de (another domain: a new institution),
    Büro.example is the register's xn--bro-hoa.example (asked about). A journal of matching 4
    rebuilds as it was merged: the one asked about, the other new."""
    outcomes = {}
    for version in (4, 5):
        ws = make_workspace(tmp_path / f"ws{version}")
        w = str(ws.root)
        (tmp_path / "Liste.csv").write_text(IDN_LISTED, "utf-8")
        monkeypatch.setattr(journal, "MATCHING", version)
        run("register", "import", str(tmp_path / "Liste.csv"), "-w", w)
        run("ingest", str(group_checklist(ws, tmp_path / "AK.pdf", IDN_GROUP)), "-w", w)
        monkeypatch.undo()
        before = json.loads(ws.register_path.read_bytes())
        run("register", "rebuild", "-w", w)
        after = json.loads(ws.register_path.read_bytes())
        assert (after["institutions"], after["duplicates"]) == (
            before["institutions"],
            before["duplicates"],
        )
        asked = {
            d["candidate"]: d["entry"]["institution"]["name"]["v"]
            for d in after["duplicates"].values()
        }
        outcomes[version] = (
            asked,
            sorted(i["institution"]["name"]["v"] for i in after["institutions"].values()),
        )
    assert outcomes[5] == (
        {"inst-0002": "Migrationsberatung Öz"},
        ["Beratungsbüro Öz", "Fußballprojekt Neuss", "Straßenfußball Neuß e.V."],
    )
    assert outcomes[4] == (
        {"inst-0001": "Fußballprojekt Neuss"},
        ["Beratungsbüro Öz", "Migrationsberatung Öz", "Straßenfußball Neuß e.V."],
    )
