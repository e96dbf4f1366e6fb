"""``Said``: a report text made in one process, shown in the workspace's language in another."""

from __future__ import annotations

import pickle

from formgen.messages import Named, Said, SaidJoined, in_language, round_text, said_count, say
from ingest.report import IngestReport, Outcome, Status


def test_a_said_text_is_its_english_and_says_itself_in_german_after_a_trip_to_the_parent() -> None:
    entries = said_count("ingest_entries", 3)
    joined = SaidJoined([Said("ingest_form", form="FG-AAAAA-BBBBB"), entries, "inst-0001"])
    assert joined == "form FG-AAAAA-BBBBB, 3 entries, inst-0001"  # --json and records keep this
    back = pickle.loads(pickle.dumps(joined))
    assert in_language(back, "de") == "Formular FG-AAAAA-BBBBB, 3 Einträge, inst-0001"
    assert in_language(said_count("ingest_entries", 1), "de") == "1 Eintrag"
    assert in_language("a library's text", "de") == "a library's text"


def test_a_field_is_its_id_in_json_and_its_label_where_people_read_it() -> None:
    """The register's ids stay in --json and the records; the coordinator reads labels."""
    phone = Named("institution.phone", {"de": "Einrichtung › Telefon (Zentrale)"})
    said = Said("ingest_merge_held_as", iid="inst-0007", path=phone, reason="x", cid="c-0006")
    assert said.startswith("inst-0007 institution.phone: x; held as c-0006")  # --json
    back = pickle.loads(pickle.dumps(said))  # made in a worker, said in the parent
    assert in_language(back, "de").startswith("inst-0007 Einrichtung › Telefon (Zentrale): x;")
    # a language it has no label in: the id
    assert in_language(back, "en").startswith("inst-0007 institution.phone: x;")


def test_a_round_formgen_named_is_said_by_its_kind_and_day_in_german() -> None:
    assert round_text("invitation-2026", "de") == "Einladung 2026"
    assert round_text("update-2026-11-25", "de") == "Aktualisierung 25.11.2026"
    assert round_text("reminder-2027-01-05", "de") == "Erinnerung 05.01.2027"
    # a round the coordinator named, a day that is none, and English: the id, as typed
    assert round_text("Herbst 2026", "de") == "Herbst 2026"
    assert round_text("update-2026-13-45", "de") == "update-2026-13-45"
    assert round_text("update-2026-11-25", "en") == "update-2026-11-25"
    said = say("mail_skip_sent", "de", round="invitation-2026", at="01.12.2026")
    assert said == "bereits gesendet in Runde Einladung 2026 (01.12.2026)"


def test_args_that_do_not_fit_the_words_show_the_english() -> None:
    said = Said("ingest_form", form="FG-1")
    said.args = {"wrong": "x"}  # as a newer formgen's args would be
    assert said.in_language("de") == "form FG-1"


def test_the_report_lines_and_counts_are_in_the_language_asked_for() -> None:
    report = IngestReport(
        outcomes=[
            Outcome("a.pdf", Status.OK, form="FG-1", entries=2),
            Outcome("b.pdf", Status.UNREADABLE, reason="x"),
            Outcome("c.pdf", Status.DUPLICATE, reason="y"),
        ],
        seconds=1.25,
    )
    assert report.lines(lang="de") == [
        "ok           a.pdf: Formular FG-1, 2 Einträge",
        "unlesbar     b.pdf: x",
        "doppelt      c.pdf: y",
    ]
    assert report.summary("de") == "3 Dateien in 1,2 s (2,4/s): 1 ok, 1 unlesbar, 1 doppelt"
    assert report.lines()[1] == "unreadable  b.pdf: x"
    assert report.summary() == "3 files in 1.2 s (2.4/s): 1 ok, 1 unreadable, 1 duplicate"
