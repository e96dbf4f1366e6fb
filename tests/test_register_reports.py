"""Staleness, gaps, update lists and search over a small register."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace

import pytest
from register_support import (
    SCHEMA,
    YILMAZ,
    Bad,
    addresses_typed_whole,
    checklist,
    institution_form,
    local_zone,
)

from formgen.errors import FormgenError, RegisterError, UnknownCategoryError
from formgen.record import record_from_json
from ingest import search, staleness
from ingest.register import Register

TODAY = dt.date(2026, 11, 22)
PETRENKO = {
    "name": "Ольга Петренко Psychotherapie",
    "postcode": "41460",
    "region": "neuss_meerbusch",
    "languages_offered": ["ru", "uk"],
    "date": "2024-05-01",
    "initials": "OP",
}
EMPTY_CLINIC = {
    "name": "Tagesklinik Dormagen",
    "region": "dormagen",
    "migrant_experience": "fehlanzeige",
    "date": "2026-10-01",
    "initials": "TK",
}


@pytest.fixture
def reg() -> Register:
    r = Register(SCHEMA)
    r.merge(checklist("psychotherapie", YILMAZ, PETRENKO, EMPTY_CLINIC))
    r.merge(institution_form("inst-0001", base=1, date="2026-10-01"))
    r.merge(checklist("krisendienst", {"name": "Krisendienst Łódź", "region": "duesseldorf"}))
    return r


def by_id(found: list[staleness.Finding]) -> dict[tuple[str, str], staleness.Finding]:
    return {(f.institution_id, f.category): f for f in found}


def test_stale_missing_and_unconfirmed_entries(reg: Register) -> None:
    found = by_id(staleness.review(reg, TODAY))
    assert ("inst-0001", "psychotherapie") not in found  # current, complete, confirmed
    petrenko = found[("inst-0002", "psychotherapie")]
    assert petrenko.reasons == ("stale", "unconfirmed")
    assert petrenko.last_confirmed == dt.date(2024, 5, 1) and petrenko.age_days == 935
    crisis = found[("inst-0004", "krisendienst")]
    # nothing answered but its name: not even "Fehlanzeige"
    assert "missing" in crisis.reasons
    assert set(crisis.missing) == {"migrant_experience", "date", "initials"}
    # without a date field the ingest day counts as last confirmation
    assert crisis.last_confirmed == dt.date.today()


@pytest.mark.parametrize(
    ("zone", "day", "shown"),
    [
        ("Europe/Berlin", dt.date(2026, 11, 23), "23.11.2026"),  # 00:30 MEZ
        ("UTC", dt.date(2026, 11, 22), "22.11.2026"),
    ],
)
def test_an_entry_read_in_after_midnight_is_confirmed_on_the_day_of_the_local_clock(
    zone: str, day: dt.date, shown: str
) -> None:
    """Without a date on the form the day it was read in counts, on this computer's clock."""
    reg = Register(SCHEMA)
    reg.merge(
        checklist("krisendienst", {"name": "مركز الأزمات", "region": "duesseldorf"}),
        at="2026-11-22T23:30:00Z",
    )
    with local_zone(zone):
        found = staleness.review(reg, dt.date(2026, 11, 23))
        table = staleness.findings_table(reg, found, "de")
    assert found[0].last_confirmed == day
    assert "مركز الأزمات" in table and f"  {shown}  " in table, table


def test_update_list_holds_every_institution_with_findings(reg: Register) -> None:
    # Petrenko is out of date, the empty clinic never confirmed, the crisis service incomplete
    assert staleness.update_list(reg, TODAY) == {
        "inst-0002": ("psychotherapie",),
        "inst-0003": ("psychotherapie",),
        "inst-0004": ("krisendienst",),
    }
    assert staleness.stale_ids(reg, TODAY) == {
        f.institution_id for f in staleness.review(reg, TODAY)
    }
    assert staleness.stale_ids(reg, dt.date(2028, 1, 1)) == {
        "inst-0001",
        "inst-0002",
        "inst-0003",
        "inst-0004",
    }


def test_invalid_values_are_findings(reg: Register) -> None:
    reg.merge(institution_form("inst-0001", base=2, date=Bad("32.13.2026", "no such date")))
    f = by_id(staleness.review(reg, TODAY))[("inst-0001", "psychotherapie")]
    assert f.invalid == ("date",) and "invalid" in f.reasons


def test_two_invalid_fields_of_one_label_are_named_by_their_sections(reg: Register) -> None:
    """The institution's „E-Mail“ and the contact person's: „ungültig (E-Mail, E-Mail)“ left
    the coordinator guessing which to look at."""
    reg.merge(
        institution_form(
            "inst-0001",
            base=2,
            email=Bad("info@", "no address"),
            contact_email=Bad("yilmaz@", "no address"),
            phone=Bad("-", "no number"),
        )
    )
    f = by_id(staleness.review(reg, TODAY))[("inst-0001", "psychotherapie")]
    assert staleness.why_text(reg, f, "de") == (
        "ungültig (Telefon (Zentrale), Einrichtung › E-Mail, "
        "Kooperations- oder GesprächspartnerIn › E-Mail)"
    )
    assert "Partner for cooperation or contact › E-mail" in staleness.why_text(reg, f, "en")


def test_filters_by_category_and_region(reg: Register) -> None:
    found = staleness.review(reg, TODAY, categories=["krisendienst"])
    assert {f.category for f in found} == {"krisendienst"}
    assert {f.region for f in staleness.review(reg, TODAY, region="dormagen")} == {"dormagen"}


def test_update_list_is_prefill_input_with_current_base_version(reg: Register) -> None:
    found = staleness.review(reg, TODAY)
    records = staleness.update_records(reg, found)
    assert [r.id for r in records] == ["inst-0002", "inst-0003", "inst-0004"]
    petrenko = records[0]
    assert petrenko.base_version == reg.institutions["inst-0002"]["rev"]
    assert petrenko.entries["psychotherapie"]["languages_offered"] == ["ru", "uk"]
    again = record_from_json(SCHEMA, staleness.record_json(petrenko))
    assert again == petrenko


def test_record_of_an_institution(reg: Register) -> None:
    rec = reg.record("inst-0001")
    assert rec.base_version == 2 and rec.institution["name"] == "Praxis Şule Yılmaz"
    assert rec.categories == ("psychotherapie",)
    with pytest.raises(RegisterError, match="no institution 'inst-0999'"):
        reg.record("inst-0999")


def test_gaps_no_entry_and_only_fehlanzeige(reg: Register) -> None:
    found = {(g.category, g.region): g.kind for g in staleness.gaps(reg)}
    assert ("psychotherapie", "duesseldorf") not in found
    assert found[("psychotherapie", "dormagen")] == "fehlanzeige"
    assert found[("krisendienst", "neuss_meerbusch")] == "none"
    assert found[("facharzt", "duesseldorf")] == "none"
    assert not any(region == "andere" for _c, region in found)
    text = staleness.gaps_table(reg, staleness.gaps(reg, ["dormagen"], ["psychotherapie"]))
    assert "nur Fehlanzeige" in text and "Dormagen" in text
    english = staleness.gaps_table(reg, staleness.gaps(reg, ["dormagen"], ["psychotherapie"]), "en")
    assert "only 'None available'" in english and "Fehlanzeige" not in english  # as the form says


def test_findings_table_reads(reg: Register) -> None:
    text = staleness.findings_table(reg, staleness.review(reg, TODAY))
    assert "Ольга Петренко Psychotherapie" in text and "veraltet (935 Tage > 365)" in text
    assert "fehlt (Erfahrungen/Ressourcen vorhanden?, Datum, Handzeichen)" in text
    english = staleness.findings_table(reg, staleness.review(reg, TODAY), "en")
    assert (
        "missing (Experience/resources available?, Date, Initials)" in english
        and "  Crisis (intervention) service  " in english
    )


@pytest.mark.parametrize("language", ["fa", "Farsi", "persisch", "فارسی"])
def test_find_psychotherapists_in_duesseldorf_who_offer_farsi(reg: Register, language: str) -> None:
    hits = search.find(reg, category="psychotherapie", region="duesseldorf", language=(language,))
    assert [h.institution_id for h in hits] == ["inst-0001"]
    assert hits[0].name == "Praxis Şule Yılmaz"


@pytest.mark.parametrize(
    ("category", "region"),
    [
        ("Psychotherapie", "Düsseldorf"),
        ("psychotherapeutin, niedergelassen", "DÜSSELDORF"),
        ("Psychotherapist in private practice", " duesseldorf "),
    ],
)
def test_find_takes_categories_and_regions_as_people_write_them(
    reg: Register, category: str, region: str
) -> None:
    hits = search.find(reg, category=category, region=region, language=("fa",))
    assert [h.institution_id for h in hits] == ["inst-0001"]


def test_find_by_language_in_other_text_and_by_text(reg: Register) -> None:
    reg.merge(
        institution_form("inst-0002", base=1, **{"languages_offered._other": "Tigrinya, Dari"})
    )
    assert [h.institution_id for h in search.find(reg, language=("Tigrinya",))] == ["inst-0002"]
    assert [h.institution_id for h in search.find(reg, text="yilmaz")] == ["inst-0001"]
    assert [h.institution_id for h in search.find(reg, text="ПЕТРЕНКО")] == ["inst-0002"]
    # a street stored with a soft hyphen (before values were read without it) is found
    street = reg.institutions["inst-0001"]["institution"]["street"]
    street.update(v="Königs\u00adallee 1", raw="Königs\u00adallee 1")
    assert [h.institution_id for h in search.find(reg, text="Königsallee")] == ["inst-0001"]
    assert (
        search.find(reg, region="Düsseldorf", category="krisendienst")[0].name
        == "Krisendienst Łódź"
    )


ARABIC_CENTRE = {
    "name": "مركز الاستشارة النفسية",
    "city": "Köln",
    "region": "andere",
    "phone": "+49 221 7654321",
    "languages_offered": ["ar", "ckb"],
}
KURMANJI_OTHER = {
    "name": "Türkiye Danışma İnisiyatifi",
    "city": "Neuss",
    "region": "neuss_meerbusch",
    "languages_offered._other": "Kurmancî",
}


def names(hits: list[search.Hit]) -> list[str]:
    return [h.name for h in hits]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Yılmaz Königsallee", ["Praxis Şule Yılmaz"]),
        ("königsallee YILMAZ", ["Praxis Şule Yılmaz"]),  # any order, any case
        ("ŞULE yilmaz", ["Praxis Şule Yılmaz"]),  # Turkish İ/ı and Ş typed or not
        ("yilmaz persisch", ["Praxis Şule Yılmaz"]),  # a language by its name
        ("Łódź Düsseldorf", ["Krisendienst Łódź"]),  # the region by its name
        ("ольга ПЕТРЕНКО", ["Ольга Петренко Psychotherapie"]),
        ("петренко Neuss", ["Ольга Петренко Psychotherapie"]),
        ("النفسية Köln", ["مركز الاستشارة النفسية"]),  # Arabic and the town
        ("Yılmaz Петренко", []),  # each word, not either
    ],
)
def test_find_takes_every_word_anywhere_in_the_entry_in_any_order(
    reg: Register, text: str, found: list[str]
) -> None:
    """`find Frauen Dormagen` found nothing: the words were looked for as one phrase."""
    reg.merge(checklist("krisendienst", ARABIC_CENTRE))
    assert names(search.find(reg, text=text)) == found
    assert names(search.find(reg, text=unicodedata.normalize("NFD", text))) == found


def test_find_by_several_languages_finds_any_and_kurdish_finds_its_varieties(
    reg: Register,
) -> None:
    """`--language Dari --language Farsi` kept only Farsi; `--language Kurdisch` found neither
    Sorani nor Kurmanji."""
    reg.merge(checklist("krisendienst", ARABIC_CENTRE, KURMANJI_OTHER))
    assert names(search.find(reg, language=("ru", "Türkisch"))) == [
        "Praxis Şule Yılmaz",
        "Ольга Петренко Psychotherapie",
    ]
    kurdish = ["Türkiye Danışma İnisiyatifi", "مركز الاستشارة النفسية"]
    assert names(search.find(reg, language=("Kurdisch",))) == kurdish  # Sorani, Kurmancî
    assert names(search.find(reg, language=("Kurdish", "ar"))) == kurdish
    assert names(search.find(reg, language=("Sorani",))) == ["مركز الاستشارة النفسية"]


@pytest.mark.parametrize(
    "typed",
    ["0211 123456", "0211/123456", "+49 (0)211 123456", "(0211) 123456", "0049 211-123456"],
)
def test_find_a_phone_number_as_a_letterhead_prints_it(reg: Register, typed: str) -> None:
    """Stored as +49 211 123456, the number typed as printed found nothing."""
    (hit,) = search.find(reg, text=typed)
    assert (hit.name, hit.city, hit.phone) == ("Praxis Şule Yılmaz", "Düsseldorf", "+49 211 123456")
    assert search.find(reg, text=typed.replace("123456", "123457")) == []


def test_find_a_town_given_as_its_region_says_the_text_search_finds_it(reg: Register) -> None:
    reg.merge(checklist("krisendienst", ARABIC_CENTRE))
    town = (
        r"unknown region 'Köln'; give its id or its name, or add it to workspace.toml under "
        r"\[\[regions\]\]:\n(  .*\n)+'Köln' is in 1 entry "
        r"\(a town\?\); the text search finds it: formgen register find Köln$"
    )
    with pytest.raises(RegisterError, match=town):
        search.find(reg, region="Köln")
    with pytest.raises(FormgenError, match="unknown region 'Mond'; give its id") as no_town:
        search.find(reg, region="Mond")
    assert "text search" not in str(no_town.value)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Arabsch", "Arabisch"),
        ("Tuerkish", "Türkisch"),
        ("Руский", "Russisch"),
        ("العريبة", "Arabisch"),  # two letters swapped („العربيه“, with ه for ة, is Arabic)
    ],
)
def test_find_says_which_language_a_typo_means(reg: Register, typed: str, meant: str) -> None:
    with pytest.raises(RegisterError, match=f"'{typed}' \\(did you mean '{meant}'\\?\\); give"):
        search.find(reg, language=(typed,))


@pytest.mark.parametrize("typed", ["Japanisch", "Klingonisch"])
def test_find_does_not_take_a_language_for_another_of_the_same_ending(
    reg: Register, typed: str
) -> None:
    """Most German names end in "-isch": "Japanisch" is no typo of "Spanisch"."""
    with pytest.raises(RegisterError, match=f"unknown language '{typed}'; give an ISO code"):
        search.find(reg, language=(typed,))


def test_find_rejects_unknown_criteria(reg: Register) -> None:
    with pytest.raises(RegisterError, match="unknown language 'Klingonisch'"):
        search.find(reg, language=("Klingonisch",))
    said = r"unknown region 'mars'; give its id or its name, or add it to workspace.toml under "
    with pytest.raises(FormgenError, match=said + r"\[\[regions\]\]:\n"):
        search.find(reg, region="mars")
    with pytest.raises(UnknownCategoryError, match="unknown category 'astrologie'"):
        search.find(reg, category="astrologie")


@pytest.mark.parametrize(
    ("lang", "region", "category"),
    [
        (
            "de",
            "  andere: Andere Region\n",
            "  psychotherapie: PsychotherapeutIn, niedergelassen\n",
        ),
        (
            "en",
            "  andere: Other region\n",
            "  psychotherapie: Psychotherapist in private practice\n",
        ),
    ],
)
def test_an_unknown_region_or_category_is_told_with_the_names_one_can_give(
    reg: Register, lang: str, region: str, category: str
) -> None:
    """Every id with its name in the language asked for, the id alone where they are the same
    (``Dormagen``); whatever is listed is accepted."""
    with pytest.raises(FormgenError) as err:
        search.find(reg, region="mars", lang=lang)
    said = str(err.value) + "\n"
    assert said.startswith(
        "unknown region 'mars'; give its id or its name, or add it to workspace.toml under "
        "[[regions]]:\n"
    )
    assert region in said and "\n  dormagen\n" in said
    for line in said.splitlines()[1:]:
        ident, _, name = line.strip().partition(": ")
        assert reg.schema.region_named(ident) == reg.schema.region_named(name or ident) == ident
    with pytest.raises(UnknownCategoryError) as err:
        staleness.review(reg, TODAY, ["astrologie"], lang=lang)
    said = str(err.value) + "\n"
    assert said.startswith("unknown category 'astrologie'; give its id or its name:\n")
    assert category in said
    for line in said.splitlines()[1:]:
        ident, _, name = line.strip().partition(": ")
        assert reg.schema.category_named(name or ident).id == ident


def test_an_update_form_sent_back_with_its_date_as_it_was_confirms_the_entry_that_day() -> None:
    """'All still true': the institution returns its update form unchanged, the "Datum" as it
    was prefilled. The entry is current from the day the return came in — not out of date, to
    be asked again by the next 'mail --stale', forever."""
    r = Register(SCHEMA)
    r.merge(
        institution_form("inst-0001", **dict(YILMAZ, date="2024-05-01")), at="2024-05-02T09:00:00Z"
    )
    entry = r.institutions["inst-0001"]["entries"]["psychotherapie"]
    assert staleness.is_stale(r, "psychotherapie", entry, TODAY)
    # someone else's checklist with that date confirms nothing on the institution's behalf
    r.merge(checklist("psychotherapie", dict(YILMAZ, date="2024-05-01")), at="2026-11-01T09:00:00Z")
    assert staleness.last_confirmed(entry) == dt.date(2024, 5, 1)
    back = r.merge(
        institution_form("inst-0001", base=r.institutions["inst-0001"]["rev"], date="2024-05-01"),
        at="2026-11-20T09:00:00Z",
    )
    assert back.status == "confirmed"
    assert staleness.last_confirmed(entry) == dt.date(2026, 11, 20)
    assert not staleness.is_stale(r, "psychotherapie", entry, TODAY)
    assert ("inst-0001", "psychotherapie") not in by_id(staleness.review(r, TODAY))
    # a later date given by the institution still counts as it is
    later = institution_form(
        "inst-0001", base=r.institutions["inst-0001"]["rev"], date="2026-11-21"
    )
    r.merge(later, at="2026-11-22T09:00:00Z")
    assert staleness.last_confirmed(entry) == dt.date(2026, 11, 21)


def test_an_update_form_kept_aside_confirms_on_the_day_it_came_in() -> None:
    """Sent back unchanged, kept in the quarantine, ingested weeks later: current from the day
    the institution sent it, not from the day the coordinator got round to it."""
    r = Register(SCHEMA)
    r.merge(
        institution_form("inst-0001", **dict(YILMAZ, date="2024-05-01")), at="2024-05-02T09:00:00Z"
    )
    back = institution_form("inst-0001", base=r.institutions["inst-0001"]["rev"], date="2024-05-01")
    kept = replace(back, provenance=replace(back.provenance, received="2026-10-01"))
    assert r.merge(kept, at="2026-11-20T09:00:00Z").status == "confirmed"
    entry = r.institutions["inst-0001"]["entries"]["psychotherapie"]
    assert staleness.last_confirmed(entry) == dt.date(2026, 10, 1)


def test_an_older_return_ingested_after_a_newer_one_never_moves_the_confirmation_back() -> None:
    """Olga confirmed her entry by mail on 10 November; a saved mailbox with her mail of
    1 October is ingested afterwards: the entry stays confirmed on 10 November."""
    r = Register(SCHEMA)
    r.merge(
        institution_form("inst-0001", **dict(YILMAZ, date="2024-05-01")), at="2026-09-01T09:00:00Z"
    )
    entry = r.institutions["inst-0001"]["entries"]["psychotherapie"]
    for mailed in ("2026-11-10", "2026-10-01"):  # both sent back unchanged, "all still true"
        back = institution_form(
            "inst-0001", base=r.institutions["inst-0001"]["rev"], date="2024-05-01"
        )
        back = replace(back, provenance=replace(back.provenance, came_in=mailed))
        assert r.merge(back, at="2026-11-20T09:00:00Z").status == "confirmed"
        assert staleness.last_confirmed(entry) == dt.date(2026, 11, 10), mailed


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "nichts zu prüfen: das Register hat noch keine Einrichtung"),
        ("en", "nothing to review: the register holds no institution yet"),
    ],
)
def test_an_empty_register_is_not_called_current_and_confirmed(lang: str, said: str) -> None:
    """A new workspace's register holds nothing: the review said every entry was current,
    complete and confirmed, of no entry at all."""
    empty = Register(SCHEMA)
    assert staleness.findings_table(empty, [], lang).startswith(said + " (formgen register import")
    full = Register(SCHEMA)
    full.merge(checklist("psychotherapie", {"name": "Praxis Łódź"}))
    assert "register import" not in staleness.findings_table(full, [], lang)


def test_find_shows_the_town_after_the_postcode_where_the_town_is_empty() -> None:
    """The find table's town, as the print's index takes it: the town box, else the town after
    the postcode of an address typed whole into the street or postcode box; the table showed
    „—“ for an entry whose page in the print shows its town."""
    r = addresses_typed_whole()
    hits = search.find(r, category="krisendienst")
    towns = {h.name: h.city for h in hits}
    assert towns == {
        "Krisendienst Łódź": "Dormagen",
        "Beratung Yılmaz": "Neuss",
        "Praxis Petrenko": "",
        "Praxis am Rüttenscheider Stern": "Essen",
        "Zentrum Öztürk": "Köln",
    }
    rows = {line.split()[1]: line for line in search.hits_table(r, hits, columns=200).splitlines()}
    assert " Dormagen " in rows["Krisendienst"] and " Neuss " in rows["Beratung"]
    assert " — " in rows["Praxis"] and "Düsseldorf" not in rows["Zentrum"]
