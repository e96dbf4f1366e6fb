"""What a coordinator reads in an 80-column terminal (a Windows console, a laptop's half
screen): no line of `status`, `register stale`, `find`, `gaps`, `conflicts`, `history`, `ingest`
or `mail` is wider than the terminal (COLUMNS), and nothing needed is lost: every id, every reason, every command. Output
to a file or a pipe keeps one line per row, as before."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from formgen.cli import main
from ingest.tables import fold, table, width

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

COMMANDS = [
    ["status", "--list"],
    ["register", "stale"],
    ["register", "find"],
    ["register", "gaps"],
    ["register", "conflicts"],
    ["register", "history", "inst-0001"],
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo's workspace (a round mailed, one institution without an address, returns
    read, a conflict held), in German and, a copy, in English."""
    root = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(main, ["demo", str(root / "de"), "--samples", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    shutil.copytree(root / "de", root / "en")
    toml = root / "en" / "workspace.toml"
    text = toml.read_text("utf-8")
    assert 'language = "de"' in text
    toml.write_text(text.replace('language = "de"', 'language = "en"', 1), "utf-8")
    return {"de": root / "de", "en": root / "en"}


def said(ws: Path, args: list[str], columns: int | None) -> str:
    env = {"COLUMNS": str(columns) if columns else ""}
    result = CliRunner().invoke(main, [*args, "--workspace", str(ws)], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def joined(text: str) -> str:
    """``text`` with its lines and runs of blanks joined: what is said, however folded."""
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_line_fits_80_columns_and_says_what_the_wide_one_does(
    demo: dict[str, Path], lang: str, args: list[str]
) -> None:
    narrow = said(demo[lang], args, 80)
    wide = said(demo[lang], args, None)
    too_wide = [line for line in narrow.splitlines() if width(line) > 80]
    assert not too_wide, "\n".join(too_wide)
    assert max(map(width, wide.splitlines())) > 80  # the demo's output does not fit as it was
    # every id and every command of the wide output is there, whole, on one line
    ids = set(re.findall(r"\b(?:inst|c|d)-\d{4}\b", wide))
    assert ids == set(re.findall(r"\b(?:inst|c|d)-\d{4}\b", narrow))
    for command in re.findall(r"formgen (?:register \w+|\w+)(?: [cd]-NNNN)?(?: --[a-z-]+)?", wide):
        assert command in narrow, command
    if args[1] in ("conflicts", "history"):  # folded, not cut: every word is there
        assert joined(narrow) == joined(wide)
    if args[0] == "status":  # each institution's line is there, folded
        for line in wide.splitlines():
            if line.startswith("inst-"):
                assert joined(line) in joined(narrow), line


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(
    "args",
    [
        ["ingest", str(SAMPLES / "mail" / "drafts"), "--dry-run"],
        ["mail", "--from-register", "--drafts", "entwuerfe", "--dry-run"],
    ],
    ids=lambda args: args[0],
)
def test_the_lines_of_ingest_and_mail_fit_80_columns_with_every_word(
    demo: dict[str, Path], lang: str, args: list[str]
) -> None:
    """A report line (a file's outcome, a note under it) and a round's line are folded at the
    terminal's width, the rest of a line four columns further in than it starts; a file name
    longer than a line stays whole, and what follows it is folded. To a pipe, one line each."""
    narrow = said(demo[lang], args, 80)
    wide = said(demo[lang], args, None)
    too_wide = [line for line in narrow.splitlines() if width(line) > 80]
    long_names = [w for w in narrow.split() if width(w) > 76]  # a name that fills a line
    assert all(line.split() in ([n] for n in long_names) or line.split()[0] in long_names
               for line in too_wide), "\n".join(too_wide)  # fmt: skip
    assert max(map(width, wide.splitlines())) > 80  # the demo's output does not fit as it was
    timed = re.compile(r" \d+[.,]\d+ s \([\d.,]+/s\)")  # how long the run took: 0.9 s (11.2/s)
    assert timed.sub("", joined(narrow)) == timed.sub("", joined(wide))
    assert len(wide.splitlines()) < len(narrow.splitlines())
    if args[0] == "ingest":
        seconds = re.compile(r'"seconds": [\d.]+')  # how long each file took
        as_json = [seconds.sub("", said(demo[lang], [*args, "--json"], c)) for c in (80, None)]
        assert as_json[0] == as_json[1]


def test_the_stale_table_keeps_each_reason_whole_under_its_row(demo: dict[str, Path]) -> None:
    """The reasons go on a line of their own under their row; the names are cut with "…" as
    far as needed; --json is the same at any width."""
    narrow = said(demo["de"], ["register", "stale"], 80).splitlines()
    assert narrow[:3] == [
        "ID         Name               Checkliste          Region              bestätigt",
        "           Grund",
        "---------  -----------------  ------------------  ------------------  ----------",
    ]
    row = next(i for i, line in enumerate(narrow) if line.startswith("inst-0004"))
    assert narrow[row].startswith("inst-0004  Praxis Dr. Yılmaz")
    assert narrow[row + 1] == (
        "           fehlt (Versorgungsregion, Datum, Handzeichen), unbestätigt"
    )
    assert "inst-0003  Beratung Łódź –…" in narrow[narrow.index(narrow[row]) - 2]
    as_json = [said(demo["de"], ["register", "stale", "--json"], c) for c in (80, None)]
    assert as_json[0] == as_json[1] and json.loads(as_json[0])


def test_status_lays_the_rounds_out_one_per_line_when_the_table_is_too_wide(
    demo: dict[str, Path],
) -> None:
    narrow = said(demo["en"], ["status"], 80).splitlines()
    at = narrow.index("by round")
    (first,) = json.loads(said(demo["en"], ["status", "--json"], None))["rounds"]
    due = first["deadline"]
    assert narrow[at + 1].split() == [first["round"], "(invitation,", "due", f"{due})"]
    counts = joined(" ".join(narrow[at + 2 : at + 4]))
    assert counts.startswith("mailed 10, answered 2, waiting 8, overdue 0, failed 0,")
    wide = said(demo["en"], ["status"], None).splitlines()
    assert wide[wide.index(next(x for x in wide if x.startswith("by round")))].split()[:4] == [
        "by",
        "round",
        "mailed",
        "answered",
    ]


def test_conflicts_fold_a_value_under_its_start_and_put_each_command_on_a_line(
    demo: dict[str, Path],
) -> None:
    narrow = said(demo["de"], ["register", "conflicts"], 80).splitlines()
    why = next(i for i, line in enumerate(narrow) if line.startswith("    Grund: "))
    assert narrow[why + 1].startswith("        ") and narrow[why + 1][8] != " "
    decide = narrow.index("entscheiden mit:")
    assert narrow[decide + 1 :] == [
        "  formgen register resolve c-NNNN --take mine (den Wert im Register behalten)",
        "    oder --take theirs (den zurückgemeldeten oder importierten übernehmen)",
        "  formgen register resolve d-NNNN --merge (dieselbe Einrichtung) oder --new",
        "    (eine andere)",
    ]


def test_fold_breaks_at_spaces_never_inside_a_word_nor_at_a_no_break_space() -> None:
    line = "Hinweis: " + " ".join(["ähnlich 40\u00a0%"] * 8) + " praxis@sehr-lange-adresse.example"
    folded = fold(line, 30, 4).splitlines()
    assert all(width(x) <= 30 for x in folded[:-1]) and folded[-1].endswith(".example")
    assert all(x.startswith("    ") for x in folded[1:])
    assert joined("\n".join(folded)) == joined(line)
    assert all("40\u00a0%" in x or "ähnlich" not in x for x in folded[1:-1])
    assert fold("praxis@eine-adresse-die-laenger-ist.example", 20) == (
        "praxis@eine-adresse-die-laenger-ist.example"
    )  # no space to break at: whole, to be copied
    assert fold(line, None) == line


def test_fold_keeps_a_command_on_one_line_where_it_can() -> None:
    said = (
        "nichts zu prüfen: das Register hat noch keine Einrichtung (formgen register import LISTE)"
    )
    assert fold(said, 80).splitlines() == [
        "nichts zu prüfen: das Register hat noch keine Einrichtung",
        "    (formgen register import LISTE)",
    ]
    resolve = "  formgen register resolve c-NNNN --take mine"
    assert fold(resolve, 30).splitlines()[0] == "  formgen register resolve"  # too long: broken


def test_a_table_in_any_script_fits_and_keeps_its_ids() -> None:
    rows = [
        ["id", "name", "languages"],
        ["inst-0001", "مركز الاستشارة النفسية – Beratungszentrum Al-Amal", "Arabic, " * 12],
        ["inst-0002", "Praxis Ольга Петренко", "Ukrainian, Russian"],
    ]
    shown = table(rows, 50).splitlines()
    assert all(width(x) <= 50 for x in shown), shown
    assert [x.split()[0] for x in shown[3::2] if x[0] != " "] == ["inst-0001", "inst-0002"]
    assert shown[1].strip() == "languages" and "Ukrainian, Russian" in shown[-1]
    assert table(rows) == table(rows, 1000)  # fits: as it always was
