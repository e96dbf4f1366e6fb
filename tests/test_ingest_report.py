"""The ingest report: lines for people, JSON for machines, what --strict counts."""

from __future__ import annotations

import json

from ingest.report import IngestReport, Outcome, Status


def report() -> IngestReport:
    r = IngestReport(
        outcomes=[
            Outcome("eingang/post.eml", Status.CONTAINER, "1 mail, 6 attachments", kind="eml"),
            Outcome(
                "eingang/post.eml#1/1 bogen.pdf",
                Status.OK,
                container="eingang/post.eml#1/1",
                form="FG-7K3M9-Q2XAB",
                entries=1,
                merged="updated, inst-0007",
            ),
            *[
                Outcome(
                    f"eingang/post.eml#1/{i} notiz.txt",
                    Status.SKIPPED,
                    "a text file, not a returned form (PDF, DOCX or ODT)",
                    kind="text",
                    container=f"eingang/post.eml#1/{i}",
                )
                for i in range(2, 7)
            ],
            Outcome("eingang/leer.pdf", Status.UNREADABLE, "empty file (0 bytes): nothing to read"),
            Outcome(
                "eingang/praxis.pdf",
                Status.WARNINGS,
                form="FG-AAAAA-BBBBB",
                entries=1,
                warnings=tuple(f"w{i}" for i in range(7)),
            ),
        ]
    )
    r.seconds = 2.0
    return r


def test_lines_for_people() -> None:
    lines = report().lines()
    assert lines[0] == "container   eingang/post.eml: 1 mail, 6 attachments"
    assert (
        lines[1]
        == "ok          eingang/post.eml#1/1 bogen.pdf: form FG-7K3M9-Q2XAB, 1 entry, updated, inst-0007"
    )
    assert (
        lines[2]
        == "skipped     eingang/post.eml#1/2 … eingang/post.eml#1/6: 5 attachments that are not forms (text)"
    )
    assert lines[3] == "unreadable  eingang/leer.pdf: empty file (0 bytes): nothing to read"
    assert lines[4] == "warnings    eingang/praxis.pdf: form FG-AAAAA-BBBBB, 1 entry, 7 warnings"
    assert lines[5:10] == ["    w0", "    w1", "    w2", "    w3", "    w4"]
    assert lines[10] == "    … and 2 more (--json shows all)"
    assert len(report().lines(verbose=True)) == 1 + 1 + 5 + 1 + 1 + 7


def test_summary_and_json() -> None:
    r = report()
    # status words read as English after their count; --json keeps the code words as keys
    assert r.summary() == "8 files in 2.0 s (4.0/s): 1 ok, 1 with warnings, 1 unreadable, 5 skipped"
    data = json.loads(json.dumps(r.to_json()))  # as --json prints it
    assert data["summary"] == {
        "files": 8,
        "seconds": 2.0,
        "ok": 1,
        "warnings": 1,
        "unreadable": 1,
        "skipped": 5,
        "container": 1,
    }
    assert len(data["files"]) == 9 and data["files"][8]["warnings"][6] == "w6"


def test_summary_counts_duplicates_in_the_plural() -> None:
    """A rerun: '2 duplicates', '1 duplicate', '2 with warnings', never '2 duplicate'."""
    r = IngestReport(
        outcomes=[
            *[Outcome(f"{n}.pdf", Status.DUPLICATE, "already ingested") for n in "ab"],
            Outcome("c.pdf", Status.DUPLICATE, "already ingested"),
            *[Outcome(f"{n}.pdf", Status.WARNINGS, form="FG-AAAAA-BBBBB") for n in "de"],
        ]
    )
    r.seconds = 1.0
    assert r.summary() == "5 files in 1.0 s (5.0/s): 2 with warnings, 3 duplicates"
    assert r.to_json()["summary"] == {"files": 5, "seconds": 1.0, "warnings": 2, "duplicate": 3}
    r.outcomes.pop(1)
    r.outcomes.pop(0)
    assert r.summary().endswith(": 2 with warnings, 1 duplicate")


def test_strict_counts_warnings_and_unreadable_but_not_skipped() -> None:
    assert [o.name for o in report().failed_strict()] == ["eingang/leer.pdf", "eingang/praxis.pdf"]


def test_a_merge_with_something_to_check_is_said_in_words_and_kept_for_machines() -> None:
    """The register's status word ``merged-flagged`` is jargon to a coordinator: the line says
    it in words like the others (updated, confirmed, held); --json keeps the status word."""
    outcome = Outcome(
        "Rückmeldung Praxis Yılmaz.pdf",
        Status.WARNINGS,
        form="FG-AAAAA-BBBBB",
        entries=1,
        merged="merged-flagged, inst-0042 (new), 1 probable duplicate",
        warnings=("psychotherapie: 'Praxis Yılmaz' looks like inst-0007",),
    )
    assert outcome.line() == (
        "warnings    Rückmeldung Praxis Yılmaz.pdf: form FG-AAAAA-BBBBB, 1 entry, "
        "merged with warnings, inst-0042 (new), 1 probable duplicate, 1 warning"
    )
    assert outcome.to_json()["merged"] == "merged-flagged, inst-0042 (new), 1 probable duplicate"
    flagged_only = Outcome("a.pdf", Status.WARNINGS, form="FG-AAAAA-BBBBB", merged="merged-flagged")
    assert flagged_only.line().endswith(", merged with warnings")
    released = Outcome(
        "a.pdf",
        Status.WARNINGS,
        form="FG-AAAAA-BBBBB",
        merged="merged-flagged; taken out of the quarantine",
    )
    assert released.line().endswith(", merged with warnings; taken out of the quarantine")
