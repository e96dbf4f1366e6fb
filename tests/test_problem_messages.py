"""Why a value is invalid, said in the language the register is printed in.

Every message template is made by a real check here and said in German and English; the printed
register is read back in both languages; a register and a journal written before messages had
keys (English text only) still load, print and rebuild.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from reportlab.lib.units import mm  # type: ignore[import-untyped]

from formgen.cli import main
from formgen.identity import FormIdentity
from formgen.messages import (
    EARLIER,
    MESSAGES,
    WORDS,
    Problem,
    day_text,
    problem_text,
    render,
    say,
    say_count,
)
from formgen.model import Constraints, Field, FieldType, Schema, Text, choices_of
from formgen.schema_load import default_schema, load_schema_text
from formgen.workspace import Workspace
from ingest import values
from ingest.journal import journal_path, load, read_journal, writing
from ingest.printed import LABEL_W, STALE_INK, PrintOptions, render_register
from ingest.register import Register
from ingest.schemas import SchemaRegistry
from ingest.submission import Checked, Provenance, RawSubmission, RawValue, Submission
from ingest.validate import MAX_VALUE_CHARS, validate

SCHEMA = default_schema()
SECRET = b"k" * 32


def returned(
    answers: dict[str, RawValue],
    schema: Schema = SCHEMA,
    registry: SchemaRegistry | None = None,
    secret: bytes = SECRET,
    name: str = "antwort.pdf",
) -> Submission:
    """Praxis Yılmaz's own form for psychotherapie, returned with ``answers`` and validated."""
    identity = FormIdentity(
        schema_id=schema.schema_id,
        schema_version=schema.schema_version,
        instance_id="7K3M9Q2XAB",
        kind="institution",
        categories=("psychotherapie",),
        institution_id="inst-0001",
    ).sign(secret)
    prov = Provenance(name, hashlib.sha256(name.encode()).hexdigest(), 100, "acroform-pdf")
    raw = RawSubmission(identity, {"institution.name": "Praxis Şule Yılmaz", **answers}, prov)
    return validate(raw, registry or SchemaRegistry(schema), secret)


# --------------------------------------------------------------------------- the templates

MINI = """\
schema_id: mini
schema_version: {version}
default_language: de
languages: [de, en]
title: {{de: Mini, en: Mini}}
description: {{de: Mini, en: Mini}}
regions:
  - value: duesseldorf
    label: {{de: Düsseldorf, en: Düsseldorf}}
default_field_set: f
field_sets:
  f:
    sections:
      - id: s
        label: {{de: S, en: S}}
        fields:
          - id: name
            type: text
            scope: institution
            label: {{de: Name, en: Name}}
          - id: email
            type: email
            scope: institution
            label: {{de: E-Mail, en: E-mail}}
          - id: angebot
{angebot}
groups:
  - id: g
    label: {{de: G, en: G}}
    entry_blocks: 1
    stale_after_days: 365
    categories:
      - id: beratung
        label: {{de: Beratung, en: Counselling}}
        description: {{de: B, en: B}}
"""
OFFER_AS_TEXT = "            type: text\n            label: {de: Angebot, en: Offer}"
OFFER_AS_CHOICES = """\
            type: select_multiple
            label: {de: Angebot, en: Offer}
            choices:
              - {value: gruppe, label: {de: Gruppe, en: Group}}
              - {value: einzel, label: {de: Einzeln, en: Single}}"""
OFFER_ONE_OF_TWO = OFFER_AS_CHOICES.replace("select_multiple", "select_one")
OFFER_ONE_OF_THREE = (
    OFFER_ONE_OF_TWO + "\n              - {value: telefon, label: {de: Telefonisch, en: By phone}}"
)


def _offer_rechecked(typed: str, was: str = OFFER_AS_TEXT, now: str = OFFER_AS_CHOICES) -> Checked:
    """A value typed into the field as schema 1.0.0 has it (``was``: text), mapped to 2.0.0
    (``now``: a choice)."""
    old = load_schema_text(MINI.format(version="1.0.0", angebot=was), "mini-1")
    new = load_schema_text(MINI.format(version="2.0.0", angebot=now), "mini-2")
    identity = FormIdentity(
        schema_id="mini",
        schema_version="1.0.0",
        instance_id="7K3M9Q2XAC",
        kind="checklist",
        categories=("beratung",),
    ).sign(SECRET)
    prov = Provenance("alt.pdf", "b" * 64, 100, "acroform-pdf")
    raw = RawSubmission(identity, {"beratung.1.name": "X", "beratung.1.angebot": typed}, prov)
    return validate(raw, SchemaRegistry(new, older=[old]), SECRET).entries[0].entry["angebot"]


def _text_field(**constraints: int | str) -> Field:
    limits = Constraints(**constraints)  # type: ignore[arg-type]
    return Field("postcode", FieldType.TEXT, Text({"de": "PLZ"}), constraints=limits)


def _region() -> Field:
    return next(f for f in SCHEMA.institution_fields() if f.id == "region")


def _postcode() -> Field:
    return next(f for f in SCHEMA.institution_fields() if f.id == "postcode")


def _datum() -> Field:
    return next(f for f in SCHEMA.entry_fields("psychotherapie") if f.id == "date")


def _entry(sub: Submission, key: str) -> Checked:
    return sub.entries[0].entry[key]


# every message key, made by the check that says it: (key, the check, words the German has)
CHECKS: list[tuple[str, Callable[[], Checked], str]] = [
    ("date", lambda: values.parse_date("nächste Woche"), "„nächste Woche“ ist kein gültiges Datum"),
    ("date_year", lambda: values.parse_date("0000-01-01"), "ein Jahr 0 gibt es nicht"),
    (
        "date_or_month",
        lambda: values.parse_date("Frühjahr 2026", month=True),
        "oder ein Monat wie 09.2025",
    ),
    ("date_month", lambda: values.parse_date("1.13.2025"), "Monat muss zwischen 1 und 12"),
    ("date_day", lambda: values.parse_date("31.02.2025"), "der Monat hat nur 28 Tage"),
    (
        "future_iso",
        lambda: values.not_in_future(values.parse_date("24.09.2062"), dt.date(2026, 11, 23)),
        "„24.09.2062“ liegt in der Zukunft (heute ist der 23.11.2026)",
    ),
    (
        "future_two_digit_year",
        lambda: values.not_in_future(
            values.check_text(_datum(), "24.11.62"), dt.date(2026, 11, 23)
        ),
        "„24.11.62“ hat ein zweistelliges Jahr, und weder 2062 (in der Zukunft: heute ist der "
        "23.11.2026) noch 1962 kann der Tag sein, an dem die Angaben gemacht oder bestätigt "
        "wurden – bitte das Jahr vierstellig eintragen",
    ),
    (
        "far_future",
        lambda: values.not_far_ahead(values.parse_date("24.09.2062"), dt.date(2026, 11, 23)),
        "„24.09.2062“ liegt mehr als ein Jahr in der Zukunft (heute ist der 23.11.2026)",
    ),
    ("integer", lambda: values.parse_integer("zwölf"), "„zwölf“ ist keine ganze Zahl"),
    ("percentage", lambda: values.parse_percentage("viel"), "keine gültige Prozentangabe"),
    ("range", lambda: values.parse_percentage("140 %"), "140 liegt außerhalb"),
    ("minimum", lambda: values.parse_integer("-3", low=0), "-3 liegt unter dem Mindestwert 0"),
    ("maximum", lambda: values.parse_integer("30", high=20), "30 liegt über dem Höchstwert 20"),
    ("phone", lambda: values.parse_phone("Zentrale"), "„Zentrale“ ist keine gültige Telefonnummer"),
    (
        "phone_mixed",
        lambda: values.parse_phone("0211 1234 oder 5678"),
        "„0211 1234 oder 5678“ ist keine einzelne Telefonnummer",
    ),
    (
        "phone_no_prefix",
        lambda: values.parse_phone("899 2222"),
        "„899 2222“ hat keine Vorwahl mit 0 und würde als 089 92222 gelesen; bitte mit Vorwahl "
        "eintragen, z.\u00a0B. 0211 1234567",
    ),
    (
        "phone_mobile_extension",
        lambda: values.parse_phone("0171 1234567-0"),
        "„0171 1234567-0“ ist eine Mobilnummer mit Durchwahl, die Mobilnummern nicht haben; "
        "bitte die Nummer so eintragen, wie sie gewählt wird",
    ),
    ("email", lambda: values.parse_email("info at x.de"), "keine gültige E-Mail-Adresse"),
    (
        "email_domain_char",
        lambda: values.parse_email("praxis@a\u200dga.de"),
        "der Teil nach dem @ ist kein Domainname, den IDNA 2008 zulässt (er enthält U+200D Zero "
        "Width Joiner); bitte die Einrichtung nach ihrer Adresse fragen",
    ),
    (
        "email_domain",  # a label longer than 63 letters in its ASCII form: no one letter
        lambda: values.parse_email(f"info@{'ü' * 70}.de"),
        "der Teil nach dem @ ist kein Domainname, den IDNA 2008 zulässt; bitte die Einrichtung",
    ),
    ("url", lambda: values.parse_url("keine"), "„keine“ ist keine gültige Internetadresse"),
    (
        "choice_labels",
        lambda: values.check_text(_region(), "Mond"),
        "„Mond“ ist keine der Auswahlmöglichkeiten: Düsseldorf, ",
    ),
    (
        "boxes_labels",
        lambda: _entry(
            returned(
                {
                    "psychotherapie.migrant_experience.ja": True,
                    "psychotherapie.migrant_experience.nein": True,
                }
            ),
            "migrant_experience",
        ),
        "2 Kästchen angekreuzt (Ja, Nein); bitte nur eines ankreuzen",
    ),
    ("too_long", lambda: values.check_text(_text_field(max_length=5), "402100"), "höchstens 5"),
    ("too_short", lambda: values.check_text(_text_field(min_length=5), "402"), "mindestens 5"),
    ("pattern", lambda: values.check_text(_text_field(pattern="^[0-9]+$"), "4o2"), "nicht die"),
    (
        "pattern_hint",
        lambda: values.check_text(_postcode(), "4021"),
        "„4021“ hat nicht die erwartete Form: fünf Ziffern, z.\u00a0B. 40210",
    ),
    (
        "placeholder",
        lambda: returned({"institution.street": "siehe Anlage"}).entries[0].institution["street"],
        "„siehe Anlage“ ist ein Platzhalter, kein Wert; bitte den Wert selbst eintragen",
    ),
    (
        "capped",
        lambda: returned({"institution.street": "x" * 25_000}).entries[0].institution["street"],
        f"25.000 Zeichen lang; übernommen sind nur die ersten {MAX_VALUE_CHARS:,}".replace(
            ",", "."
        ),
    ),
    (
        "no_choice_of_labels",
        lambda: _offer_rechecked("Tanz"),
        "„Tanz“ nennt keine der Auswahlmöglichkeiten von „Angebot“: Gruppe, Einzeln",
    ),
    (
        "not_choice_of_labels",
        lambda: _offer_rechecked("Gruppe, Tanz"),
        "nicht unter den Auswahlmöglichkeiten von „Angebot“ (Gruppe, Einzeln): Tanz",
    ),
    (
        "choice_dropped",
        lambda: _offer_rechecked("Telefonisch", OFFER_ONE_OF_THREE, OFFER_ONE_OF_TWO),
        "„Telefonisch“ stand im Formular zur Auswahl, die aktuelle Schemaversion bietet es nicht "
        "mehr an; zur Auswahl stehen jetzt: Gruppe, Einzeln",
    ),
]


def test_every_message_has_a_template_in_every_language_and_a_check_that_says_it() -> None:
    assert set(MESSAGES["de"]) == set(MESSAGES["en"])
    made = {key for key, _check, _de in CHECKS}
    assert made == set(MESSAGES["en"]) - set(EARLIER)  # earlier keys: only as stored before
    assert set(EARLIER.values()) <= made and not set(EARLIER) & made


def test_every_word_of_the_terminal_views_is_said_in_every_language() -> None:
    assert set(WORDS["de"]) == set(WORDS["en"])
    assert say("age", "de", days=1421, limit=365) == "1421 Tage > 365"
    assert say("age", "en", days=1421, limit=365) == "1421 d > 365"
    assert say("entries", "fr", n=3) == "3 Einträge"  # no words for it: German, as the labels
    assert say_count("institutions", "de", 1) == "1 Einrichtung"
    assert say_count("institutions", "en", 2) == "2 institutions"
    assert say_count("no_match", "de", 1) == "kein Eintrag passt"  # no words for one: as for all


# as formgen stored these before they named choices and fields by their labels
EARLIER_STORED = {
    "future": (  # today written the German way for every language
        {"raw": "24.09.2062", "today": "23.11.2026"},
        "„24.09.2062“ liegt in der Zukunft (heute ist der 23.11.2026), ist aber der Tag, an dem "
        "die Angaben gemacht oder bestätigt wurden – bitte das Datum prüfen (Jahr vertippt?)",
    ),
    "choice": (
        {"raw": "Mond", "allowed": "duesseldorf, neuss_meerbusch, dormagen, andere"},
        "„Mond“ ist keine der Auswahlmöglichkeiten: duesseldorf, neuss_meerbusch, dormagen, andere",
    ),
    "boxes": (
        {"count": 2, "ticked": "ja, nein"},
        "2 Kästchen angekreuzt (ja, nein); bitte nur eines ankreuzen",
    ),
    "no_choice_of": (
        {"raw": "Tanz", "field": "angebot"},
        "„Tanz“ nennt keine der Auswahlmöglichkeiten von „angebot“",
    ),
    "not_choice_of": (
        {"field": "angebot", "rest": "Tanz"},
        "nicht unter den Auswahlmöglichkeiten von „angebot“: Tanz",
    ),
}


@pytest.mark.parametrize("key", sorted(EARLIER))
def test_a_message_stored_under_an_earlier_key_says_what_it_said(key: str) -> None:
    """A register or journal written before choices were named by their labels keeps its key
    and args (stored values): its German print is as it was."""
    args, german = EARLIER_STORED[key]
    stored = {
        "problem": "as the English template said it",
        "problem_key": key,
        "problem_args": args,
    }
    assert problem_text(stored, "de") == german
    assert problem_text(stored, "en") == render(key, args, "en") != stored["problem"]


def test_a_future_date_is_told_with_today_as_each_language_writes_dates() -> None:
    """Today is stored in ISO and written 23.11.2026 in German, 2026-11-23 in English (as the
    rest of formgen's English output writes dates); args that are no ISO day (a hand edit)
    give the stored text."""
    found = values.not_in_future(values.parse_date("24.09.2062"), dt.date(2026, 11, 23)).problem
    assert found is not None and found.args["today"] == "2026-11-23"
    assert "(today is 2026-11-23)" in found.text == found.in_language("en")
    assert "(heute ist der 23.11.2026)" in found.in_language("de")
    edited = Problem(found.text, found.key, {**found.args, "today": "gestern"})
    assert edited.in_language("de") == edited.in_language("en") == found.text


def test_choices_and_fields_are_named_by_their_labels_in_each_language() -> None:
    """The allowed values of a choice, and the field a value was typed into, by the labels the
    form shows in that language, never by the codes the register stores."""
    region = _region()
    found = values.check_text(region, "Mond").problem
    assert found is not None
    for lang in ("de", "en"):
        labels = ", ".join(c.label.get(lang) for c in region.choices)
        assert found.in_language(lang).endswith(
            f"Auswahlmöglichkeiten: {labels}" if lang == "de" else f"choices: {labels}"
        )
    assert found.text == found.in_language("en")
    assert not {c.value for c in region.choices if c.value != c.label.get("de")} & set(
        found.in_language("de").replace(",", " ").split()
    )
    english = _offer_rechecked("Gruppe, Tanz").problem
    assert english is not None
    assert english.text == "not among the choices of 'Offer' (Group, Single): Tanz"
    # a hand edit that leaves out a language: the stored text, as for any args that do not fit
    stored = english.to_json()
    stored["problem_args"]["allowed"] = {"en": "Group, Single"}
    assert problem_text(stored, "de") == english.text


@pytest.mark.parametrize(("key", "check", "german"), CHECKS, ids=[c[0] for c in CHECKS])
def test_a_check_says_why_in_english_and_german(
    key: str, check: Callable[[], Checked], german: str
) -> None:
    found = check()
    assert found.value is None and found.problem is not None
    assert found.problem.key == key
    # the English text the report shows is the English template; German is its own sentence
    assert found.problem.in_language("en") == found.problem.text
    said = found.problem.in_language("de")
    assert german in said, said
    assert said != found.problem.text
    # what is stored and journaled says it again, in either language
    again = Problem.from_json(json.loads(json.dumps(found.problem.to_json())))
    assert again == found.problem and problem_text(found.problem.to_json(), "de") == said


@pytest.mark.parametrize(
    ("check", "english"),
    [
        (
            lambda: values.parse_date("31.02.2025"),
            "'31.02.2025' is not a day of the calendar (the month has only 28 days)",
        ),
        (
            lambda: values.parse_date("1.13.2025"),
            "'1.13.2025' is not a day of the calendar (the month must be from 1 to 12)",
        ),
        (
            lambda: values.parse_phone("0211 1234 oder 5678"),
            "write one number with area code, an extension after a hyphen (0211 123456-12), and "
            "a note such as 'main line' elsewhere",
        ),
    ],
)
def test_the_english_sentence_is_plain_english(check: Callable[[], Checked], english: str) -> None:
    """An English-speaking coordinator reads neither German ('Zentrale') nor Python's
    words ('day is out of range for month')."""
    found = check()
    assert found.problem is not None and english in found.problem.in_language("en")
    assert english in found.problem.text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "„4021“ hat nicht die erwartete Form: fünf Ziffern, z.\u00a0B. 40210"),
        ("en", "'4021' does not have the expected form: five digits, e.g. 40210"),
    ],
)
def test_a_value_of_the_wrong_form_is_told_in_words_not_as_a_regular_expression(
    lang: str, said: str
) -> None:
    """The postcode says what it expects as the schema's pattern_hint puts it; a pattern
    without a hint, and one stored before there were hints, say only that the form is wrong."""
    found = values.check_text(_postcode(), "4021").problem
    assert found is not None and found.in_language(lang) == said
    plain = values.check_text(_text_field(pattern="^[0-9]+$"), "4o2").problem
    expected = {
        "de": "„4o2“ hat nicht die erwartete Form",
        "en": "'4o2' does not have the expected form",
    }
    assert plain is not None and plain.in_language(lang) == expected[lang]
    assert plain.args["pattern"] == "^[0-9]+$"  # kept for machines, said in no language
    stored = {
        "problem": "'4021' does not have the expected form (^[0-9]{5}$)",
        "problem_key": "pattern",
        "problem_args": {"raw": "4021", "pattern": "^[0-9]{5}$"},
    }
    assert "[0-9]" not in problem_text(stored, lang)


def test_a_stored_text_without_a_usable_key_is_shown_as_it_is() -> None:
    old = {"raw": "viel", "v": None, "problem": "'viel' is not a percentage"}
    assert problem_text(old, "de") == "'viel' is not a percentage"
    newer = {**old, "problem_key": "a_key_of_a_newer_formgen", "problem_args": {"raw": "viel"}}
    assert problem_text(newer, "de") == "'viel' is not a percentage"
    edited = {**old, "problem_key": "percentage", "problem_args": {}}
    assert problem_text(edited, "de") == "'viel' is not a percentage"
    assert problem_text({"raw": "40", "v": 40}, "de") == ""


# --------------------------------------------------------------------------- the printed register

BAD = {
    "psychotherapie.share_migrants": "viel",
    "psychotherapie.date": "31.02.2026",
    "institution.phone": "Zentrale",
}


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A workspace whose register holds Praxis Yılmaz, returned with three invalid values."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    with writing(ws) as w:
        w.merge(returned(BAD, secret=ws.secret))
    return ws


def values_column(pdf: bytes) -> str:
    """The printed register's value column (right of the field labels) on every page, read
    back, its lines joined by blanks: each value and, below an invalid one, why."""
    left = 18 * mm + LABEL_W - 2
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return " ".join(
            " ".join((p.crop((left, 0, p.width, p.height)).extract_text() or "").split())
            for p in doc.pages
        )


def printed(ws: Workspace, *options: str) -> str:
    """``formgen register print`` with ``options``, its value column read back."""
    out = ws.root / "print.pdf"
    result = CliRunner().invoke(
        main,
        ["register", "print", "-w", str(ws.root), "-o", str(out), *options],
    )
    assert result.exit_code == 0, result.output
    return values_column(out.read_bytes())


def test_the_german_register_says_in_german_why_a_value_is_invalid(ws: Workspace) -> None:
    text = printed(ws, "--lang", "de", "--category", "psychotherapie")
    assert "viel ungültig: „viel“ ist keine gültige Prozentangabe; bitte eine ganze Zahl" in text
    assert "„31.02.2026“ ist kein gültiges Datum (der Monat hat nur 28 Tage)" in text
    assert "„Zentrale“ ist keine gültige Telefonnummer" in text
    assert "is not" not in text and "write" not in text


def test_the_english_register_says_it_in_english(ws: Workspace) -> None:
    text = printed(ws, "--lang", "en", "--category", "psychotherapie")
    assert "viel invalid: 'viel' is not a percentage; write a whole number" in text
    assert "'31.02.2026' is not a day of the calendar" in text
    assert "'Zentrale' is not a phone number" in text
    assert "ungültig" not in text


def test_an_invalid_part_of_the_address_is_red_with_why_below(tmp_path: Path) -> None:
    """Street, postcode and town are printed as one row, „Anschrift“; an invalid postcode was
    printed there in black, with no reason at all."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    answers = {
        "institution.street": "Gülen-Straße 1",
        "institution.postcode": "4021",
        "institution.city": "Düsseldorf",
    }
    with writing(ws) as w:
        w.merge(returned(answers, secret=ws.secret))
    text = printed(ws, "--lang", "de", "--category", "psychotherapie")
    assert (
        "Gülen-Straße 1, 4021 Düsseldorf ungültig: „4021“ hat nicht die erwartete Form: "
        "fünf Ziffern, z. B. 40210" in text
    )
    out = ws.root / "print.pdf"
    with pdfplumber.open(out) as doc:
        words = [
            w for page in doc.pages for w in page.extract_words(extra_attrs=["non_stroking_color"])
        ]
    ink = pytest.approx(STALE_INK.rgb(), abs=0.001)
    red = {w["text"] for w in words if w["non_stroking_color"] == ink}
    assert {"Gülen-Straße", "4021", "Düsseldorf", "ungültig:"} <= red, red
    english = printed(ws, "--lang", "en", "--category", "psychotherapie")
    assert (
        "Gülen-Straße 1, 4021 Düsseldorf invalid: '4021' does not have the expected form: "
        "five digits, e.g. 40210" in english
    )
    assert "[0-9]" not in text + english  # the schema's regular expression, read by nobody


def test_the_print_names_the_choices_by_their_labels_in_its_language(tmp_path: Path) -> None:
    """„vielleicht“ typed where the form asks Ja / Nein / Fehlanzeige: each print lists the
    answers as its readers know them (the terminal's English report, too)."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    answer = returned({"psychotherapie.migrant_experience": "vielleicht"}, secret=ws.secret)
    with writing(ws) as w:
        w.merge(answer)
    choices = choices_of(SCHEMA.category("psychotherapie").field("migrant_experience"))
    said = {lang: ", ".join(c.label.get(lang) for c in choices) for lang in ("de", "en")}
    assert said["de"] != said["en"]
    german = printed(ws, "--lang", "de", "--category", "psychotherapie")
    assert f"„vielleicht“ ist keine der Auswahlmöglichkeiten: {said['de']}" in german
    english = printed(ws, "--lang", "en", "--category", "psychotherapie")
    assert f"'vielleicht' is not one of the choices: {said['en']}" in english
    assert f"'vielleicht' is not one of the choices: {said['en']}" in " ".join(answer.problems)


def test_the_report_stays_english_and_the_history_speaks_the_workspace_language(
    ws: Workspace,
) -> None:
    sub = returned(BAD)
    assert "psychotherapie.share_migrants: 'viel' is not a percentage; write" in " ".join(
        sub.problems
    )
    result = CliRunner().invoke(main, ["register", "history", "inst-0001", "-w", str(ws.root)])
    assert (
        ws.language == "de" and "[ungültig: „viel“ ist keine gültige Prozentangabe" in result.output
    )


def test_a_future_date_from_a_word_date_picker_is_quoted_as_it_is_shown(tmp_path: Path) -> None:
    """A Word date picker stores the day as ISO text; the German print shows the value as
    01.02.2062, and the reason below it quoted the stored „2062-02-01“. It is now quoted as the
    value is shown, in the print and the history; the register keeps what was typed."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    with writing(ws) as w:
        w.merge(returned({"psychotherapie.date": "2062-02-01"}, secret=ws.secret))
    german = printed(ws, "--lang", "de", "--category", "psychotherapie")
    assert "01.02.2062 ungültig: „01.02.2062“ liegt in der Zukunft (heute ist der" in german
    assert "2062-02-01" not in german
    english = printed(ws, "--lang", "en", "--category", "psychotherapie")
    assert "2062-02-01 invalid: '2062-02-01' lies in the future (today is" in english
    history = CliRunner().invoke(main, ["register", "history", "inst-0001", "-w", str(ws.root)])
    assert "01.02.2062  [ungültig: „01.02.2062“ liegt in der Zukunft" in history.output
    data = json.loads(ws.register_path.read_bytes())
    stored = data["institutions"]["inst-0001"]["entries"]["psychotherapie"]["fields"]["date"]
    assert stored["raw"] == stored["problem_args"]["raw"] == "2062-02-01"
    assert stored["problem"].startswith("'2062-02-01' lies in the future")
    # stored under the key of before (today written the German way): quoted alike
    earlier = {
        **stored,
        "problem_key": "future",
        "problem_args": {"raw": "2062-02-01", "today": "23.11.2026"},
    }
    assert problem_text(earlier, "de").startswith(
        "„01.02.2062“ liegt in der Zukunft (heute ist der 23.11.2026)"
    )


# --------------------------------------------------------------------------- a value kept shortened

LONG = "Gruppenangebote auf Türkçe, Polski (Łódź) und Русский; " * 500
"""27,500 characters typed into „Konzepte, Angebote“: more than a value may hold."""
CUT_END = LONG[:MAX_VALUE_CHARS].split()[-1] + "…"
"""How the value kept shortened ends in print: its last word as cut, and the mark of the cut."""


def _shortened(ws: Workspace) -> dict[str, object]:
    """Praxis Yılmaz's concepts as the register stores them, after :data:`LONG` came back."""
    with writing(ws) as w:
        w.merge(returned({"psychotherapie.concepts": LONG}, secret=ws.secret))
    data = json.loads(ws.register_path.read_bytes())
    stored: dict[str, object] = data["institutions"]["inst-0001"]["entries"]["psychotherapie"][
        "fields"
    ]["concepts"]
    return stored


def test_a_value_kept_shortened_is_marked_and_said_in_the_language_of_the_print(
    tmp_path: Path,
) -> None:
    """The register held the cut value with English appended to it („… […27,500 characters in
    the original]“), shown inside the value in the German print. It holds the cut value and
    „…“; how long the original was is said below it, in the print's language. A value this long
    no longer stops the print (a table row longer than a page)."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    stored = _shortened(ws)
    assert stored["raw"] == LONG[:MAX_VALUE_CHARS] + "…" and stored["v"] is None
    assert stored["problem_key"] == "capped"
    assert stored["problem_args"] == {"length": 27_500, "limit": MAX_VALUE_CHARS}
    german = printed(ws, "--lang", "de", "--category", "psychotherapie")
    assert (
        f"{CUT_END} ungültig: der Eintrag ist 27.500 Zeichen lang; übernommen sind nur die "
        "ersten 10.000 (bis „…“) – bitte kürzen; der vollständige Text bleibt in der "
        "archivierten Datei erhalten"
    ) in german
    assert german.count("Русский;") == LONG[:MAX_VALUE_CHARS].count("Русский;")
    assert "characters" not in german
    english = printed(ws, "--lang", "en", "--category", "psychotherapie")
    assert (
        f"{CUT_END} invalid: the value is 27,500 characters long; only the first 10,000 are "
        "kept here (up to '…') — shorten it; the full text stays in the archived file"
    ) in english


def test_a_value_an_older_formgen_shortened_shows_the_mark_not_its_english(
    tmp_path: Path,
) -> None:
    """A register written before holds „ …[27,500 characters in the original]“ at the end of
    the value: the print, the history and the table with labels show „…“ in its place."""
    ws = Workspace.init(tmp_path / "ws", name="SPKoM Düsseldorf")
    _shortened(ws)
    data = json.loads(ws.register_path.read_bytes())
    inst = data["institutions"]["inst-0001"]
    older = LONG[:MAX_VALUE_CHARS] + " …[27,500 characters in the original]"
    stored = [inst["entries"]["psychotherapie"]["fields"]["concepts"]]
    stored += [
        new
        for rev in inst["history"]
        for path, _old, new in rev["changes"]
        if path == "psychotherapie.concepts"
    ]
    assert len(stored) == 2
    for value in stored:
        value["raw"] = older
    ws.register_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    german = printed(ws, "--lang", "de", "--category", "psychotherapie")
    assert f"{CUT_END} ungültig: der Eintrag ist 27.500 Zeichen lang" in german
    assert "characters" not in german
    history = CliRunner().invoke(main, ["register", "history", "inst-0001", "-w", str(ws.root)])
    assert history.exit_code == 0 and "characters in the original" not in history.output
    assert f"{CUT_END}  [ungültig: der Eintrag ist 27.500 Zeichen lang" in history.output
    out = tmp_path / "register.csv"
    result = CliRunner().invoke(
        main,
        ["register", "export", "--labels", "--lang", "de", "-w", str(ws.root), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    table = out.read_text("utf-8-sig")
    assert f"{LONG[:MAX_VALUE_CHARS]}…" in table and "characters in the original" not in table
    for form, labels, english in (("long", "--labels", False), ("wide", None, True)):
        args = ["register", "export", "--form", form, "-w", str(ws.root), "-o", str(out)]
        result = CliRunner().invoke(main, [*args, *([labels] if labels else [])])
        assert result.exit_code == 0, result.output
        # for people the mark as formgen writes it now; for programs the value as stored
        assert ("characters in the original" in out.read_text("utf-8-sig")) is english


def _as_older_formgen_wrote_it(stored: dict[str, object]) -> None:
    """Leave only the English text of every problem, as formgen did before message keys."""
    stored.pop("problem_key", None)
    stored.pop("problem_args", None)


def test_a_register_written_before_message_keys_still_prints(ws: Workspace) -> None:
    data = json.loads(ws.register_path.read_bytes())
    inst = data["institutions"]["inst-0001"]
    share = inst["entries"]["psychotherapie"]["fields"]["share_migrants"]
    assert share["problem_key"] == "percentage"  # what this formgen stores
    for stored in (
        *inst["institution"].values(),
        *inst["entries"]["psychotherapie"]["fields"].values(),
    ):
        _as_older_formgen_wrote_it(stored)
    for _rev in inst["history"]:
        for _path, old, new in _rev["changes"]:
            for stored in (old, new):
                if stored:
                    _as_older_formgen_wrote_it(stored)
    ws.register_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    reg = Register.loads(SCHEMA, ws.register_path.read_bytes())
    pdf = render_register(
        reg, PrintOptions(stand=dt.date(2026, 11, 22), categories=("psychotherapie",))
    )
    text = values_column(pdf)
    # the German print shows the English text the register holds, as before: nothing is lost
    assert "viel ungültig: 'viel' is not a percentage; write a whole number" in text
    assert "„viel“" not in text


# --------------------------------------------------------------------------- journal and rebuild


def test_a_rebuild_from_the_journal_gives_the_same_register(ws: Workspace) -> None:
    before = ws.register_path.read_bytes()
    (op,) = read_journal(ws)
    journaled = op["submission"]["entries"][0]["entry"]["share_migrants"]
    assert journaled["problem_key"] == "percentage" and journaled["problem_args"] == {"raw": "viel"}
    result = CliRunner().invoke(main, ["register", "rebuild", "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert json.loads(ws.register_path.read_bytes()) == json.loads(before)
    assert "keine gültige Prozentangabe" in printed(ws, "--lang", "de")


def test_a_journal_written_before_message_keys_replays_to_the_text(ws: Workspace) -> None:
    ops = read_journal(ws)
    for e in ops[0]["submission"]["entries"]:
        for stored in (*e["institution"].values(), *e["entry"].values()):
            _as_older_formgen_wrote_it(stored)
    journal_path(ws).write_text(
        "".join(json.dumps(op, ensure_ascii=False) + "\n" for op in ops), "utf-8"
    )
    ws.register_path.unlink()
    share = load(ws).institutions["inst-0001"]["entries"]["psychotherapie"]["fields"][
        "share_migrants"
    ]
    assert share["problem"].startswith("'viel' is not a percentage") and "problem_key" not in share
    assert "viel ungültig: 'viel' is not a percentage" in printed(ws, "--lang", "de")


@pytest.mark.parametrize(
    ("stored", "de", "en"),
    [
        ({"v": "2026-02-01", "raw": "01.02.2026"}, "01.02.2026", "2026-02-01"),
        ({"v": None, "raw": "2027-02-01"}, "01.02.2027", "2027-02-01"),  # Word's ISO, invalid
        ({"v": None, "raw": " 2027-02-01 "}, "01.02.2027", "2027-02-01"),
        ({"v": None, "raw": "2025-02-31"}, None, None),  # no day of the calendar: as typed
        ({"v": None, "raw": "20270201"}, None, None),  # ISO to Python, not as a person types
        ({"v": None, "raw": "nächste Woche"}, None, None),
        ({"v": None, "raw": ""}, None, None),
    ],
)
def test_day_text_writes_iso_days_as_the_language_writes_dates(
    stored: dict[str, str | None], de: str | None, en: str | None
) -> None:
    assert (day_text(stored, "de"), day_text(stored, "en")) == (de, en)
