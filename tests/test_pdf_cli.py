"""``formgen generate pdf`` and the batch behind it: exit codes, messages, all-or-nothing output."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from formgen.batch import generate_batch
from formgen.cli import main
from formgen.cli.common import read_recipients
from formgen.errors import RecipientsError, RecordError
from formgen.identity import FormIdentity
from formgen.record import record_from_json
from formgen.schema_load import default_schema
from formgen.workspace import Workspace

RECIPIENTS = (
    "id,institution,categories,region,email\n"
    "inst-1,Şule Yılmaz Beratung,psychotherapie,duesseldorf,a@example.org\n"
    "inst-2,Ольга Петренко Praxis,psychotherapie;facharzt,dormagen,b@example.org\n"
    "inst-3,مركز الاستشارة,migrationsfachdienste,neuss_meerbusch,c@example.org\n"
)


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def identity_of(path: Path) -> FormIdentity:
    fields = {k: v.get("/V") for k, v in (PdfReader(path).get_fields() or {}).items()}
    return FormIdentity.from_fields(fields)


def test_help_texts() -> None:
    assert "Generate fillable forms" in run("generate", "--help").output
    result = run("generate", "pdf", "--help")
    assert result.exit_code == 0
    for option in ("--kind", "--category", "--record", "--recipients", "--out", "--seed"):
        assert option in result.output


def test_checklist_without_workspace_says_it_is_unsigned(tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    result = run("generate", "pdf", "--category", "psychotherapie", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Hinweis: ohne --workspace erstellt: ")  # the forms' language
    assert identity_of(out).categories == ("psychotherapie",)


@pytest.mark.parametrize(
    ("lang", "name"),
    [("de", "psychotherapeutin, NIEDERGELASSEN"), ("en", "Psychotherapist in private practice")],
)
def test_a_checklist_is_given_by_its_name_in_any_case(tmp_path: Path, lang: str, name: str) -> None:
    out = tmp_path / "p.pdf"
    both = ("--category", name, "--category", "Krisendienst", "--category", "psychotherapie")
    result = run("generate", "pdf", *both, "--lang", lang, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert identity_of(out).categories == ("psychotherapie", "krisendienst")  # each once
    fields = PdfReader(out).get_fields() or {}
    assert any(f.startswith("psychotherapie.") for f in fields)
    assert any(f.startswith("krisendienst.") for f in fields)


@pytest.mark.parametrize(
    ("lang", "unknown", "named"),
    [
        (
            "de",
            "unbekannte Checkliste „Astrologie“; bitte ihre ID oder ihren Namen angeben:",
            "\n  psychotherapie: PsychotherapeutIn, niedergelassen\n",
        ),
        (
            "en",
            "unknown category 'Astrologie'; give its id or its name:",
            "\n  psychotherapie: Psychotherapist in private practice\n",
        ),
    ],
)
def test_an_unknown_checklist_is_told_with_the_names_one_can_give(
    tmp_path: Path, lang: str, unknown: str, named: str
) -> None:
    """Without a workspace, in the language of the forms, as the note before it."""
    out = tmp_path / "p.pdf"
    result = run("generate", "pdf", "--category", "Astrologie", "--lang", lang, "--out", str(out))
    assert result.exit_code == 1
    assert f"{'Fehler' if lang == 'de' else 'Error'}: {unknown}\n" in result.stderr
    assert named in result.stderr and not out.exists()


@pytest.mark.parametrize(("lang", "named"), [("de", "Andere Region"), ("en", "Other region")])
def test_an_unknown_region_of_a_recipient_is_told_in_the_form_language(
    tmp_path: Path, lang: str, named: str
) -> None:
    (tmp_path / "r.csv").write_text(
        RECIPIENTS + "inst-4,Neu,facharzt,Köln,d@example.org\n", "utf-8"
    )
    out = tmp_path / "forms"
    result = run(
        "generate", "pdf", "--recipients", str(tmp_path / "r.csv"), "--lang", lang,
        "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 1 and not out.exists()
    assert (
        "  r.csv:5: unknown region 'Köln'; give its id or its name, or add it to workspace.toml "
        "under [[regions]]:\n"
    ) in result.stderr
    assert f"\n    dormagen\n    andere: {named}\n" in result.stderr


def test_record_with_workspace_is_signed_and_recorded(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws")
    record = {
        "id": "inst-9",
        "categories": ["psychotherapie"],
        "institution": {"name": "Çiğdem Öztürk-İnce Praxis", "region": "dormagen"},
    }
    (tmp_path / "r.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    result = run("generate", "pdf", "--record", str(tmp_path / "r.json"), "-w", str(ws.root))
    assert result.exit_code == 0, result.output
    made = ws.forms_dir / "inst-9.pdf"
    ident = identity_of(made)
    assert ident.verify(ws.secret) and ident.institution_id == "inst-9"
    assert ident.instance_id in ws.issued()
    # what it was prefilled with and its file, for telling its return from an untouched copy
    line = json.loads((ws.root / "issued.jsonl").read_text("utf-8").splitlines()[-1])
    assert line["prefill"] == {
        "institution.name": "Çiğdem Öztürk-İnce Praxis",
        "institution.region": "dormagen",
    }
    assert line["sha256"] == [hashlib.sha256(made.read_bytes()).hexdigest()]
    # the workspace named by FORMGEN_WORKSPACE, as for every other command
    other = tmp_path / "other.pdf"
    named = CliRunner().invoke(
        main,
        ["generate", "pdf", "--record", str(tmp_path / "r.json"), "--out", str(other)],
        env={"FORMGEN_WORKSPACE": str(ws.root)},
    )
    assert named.exit_code == 0, named.output
    assert identity_of(other).verify(ws.secret)


def test_bad_record_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    record = {
        "id": "inst-9",
        "categories": ["psychotherapie"],
        "institution": {"name": "X", "region": "Mond"},
    }
    (tmp_path / "r.json").write_text(json.dumps(record), "utf-8")
    out = tmp_path / "x.pdf"
    result = run("generate", "pdf", "--record", str(tmp_path / "r.json"), "--out", str(out))
    assert result.exit_code == 1
    assert "Error: r.json: institution.region: 'Mond' is not a choice; allowed: " in (result.stderr)
    assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "r.json"]


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_lone_surrogate_in_a_record_is_refused_naming_the_field(
    tmp_path: Path, kind: str
) -> None:
    """A JSON "\\ud800" is valid JSON but half of a character: no form can hold it (it crashed)."""
    (tmp_path / "r.json").write_text(
        '{"id": "inst-9", "categories": ["psychotherapie"], "institution": {"name": "Praxis '
        'Yılmaz"}, "entries": {"psychotherapie": {"contact_name": "Ay\\ud800e"}}}',
        "utf-8",
    )
    out = tmp_path / f"x.{kind}"
    result = run("generate", kind, "--record", str(tmp_path / "r.json"), "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "Error: r.json: psychotherapie.contact_name: 'Ay\\ud800e' holds U+D800, half of a "
        "character (a lone surrogate), which is no text; correct it in the file (the program "
        "that wrote it split a character in two)\n"
    )
    assert not out.exists()


def test_broken_json_record(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text('{"id": "a",\n "institution": }', "utf-8")
    result = run("generate", "pdf", "--record", str(tmp_path / "r.json"))
    assert result.exit_code == 1 and "r.json:2: not valid JSON" in result.stderr


@pytest.mark.parametrize(
    ("lang", "made", "unknown", "broken"),
    [
        (
            "de",
            "({kb}\u00a0KB)",
            "Fehler: keine Einrichtung „inst-0999“ im Register; formgen register find zeigt alle",
            "r.json:2: kein gültiges JSON: Expecting value; bitte Kommas und Anführungszeichen "
            "in der Nähe dieser Zeile prüfen",
        ),
        (
            "en",
            "({kb} KB)",
            "Error: no institution 'inst-0999' in the register; 'formgen register find' lists them",
            "r.json:2: not valid JSON: Expecting value; check commas and quotes near this line",
        ),
    ],
)
def test_generate_speaks_the_workspaces_language(
    tmp_path: Path, lang: str, made: str, unknown: str, broken: str
) -> None:
    """What `generate` says of the form it made and of what it cannot use is in the workspace's
    language; the file name and the form's reference stay as they are."""
    ws = Workspace.init(tmp_path / "ws", language=lang)
    out = tmp_path / "p.pdf"
    result = run("generate", "pdf", "-w", str(ws.root), "--out", str(out))
    assert result.exit_code == 0, result.output
    kb = f"{out.stat().st_size / 1e3:.0f}"
    assert result.stdout == f"{out}: {identity_of(out).reference} {made.format(kb=kb)}\n"
    result = run("generate", "pdf", "-w", str(ws.root), "--institution", "inst-0999")
    assert result.exit_code == 1 and result.stderr == f"{unknown}\n"
    (tmp_path / "r.json").write_text('{"id": "a",\n "institution": }', "utf-8")
    result = run("generate", "pdf", "-w", str(ws.root), "--record", str(tmp_path / "r.json"))
    assert result.exit_code == 1 and broken in result.stderr


@pytest.mark.parametrize(
    ("lang", "folder", "not_folder"),
    [
        (
            "de",
            "Fehler: „{out}“ ist ein Ordner; bitte für --out einen Dateinamen angeben\n",
            "Fehler: „{out}“ gibt es schon und ist kein Ordner; bitte ein anderes --out angeben\n",
        ),
        (
            "en",
            "Error: {out} is a folder; give a file name for --out\n",
            "Error: {out} exists and is not a folder; choose another --out\n",
        ),
    ],
)
def test_out_of_the_wrong_kind_is_said_in_the_workspaces_language(
    tmp_path: Path, lang: str, folder: str, not_folder: str
) -> None:
    """A folder given as one form's --out, a file as the folder of a recipients list's forms:
    refused in the workspace's language, nothing written."""
    ws = str(Workspace.init(tmp_path / "ws", language=lang).root)
    result = run("generate", "docx", "-w", ws, "--out", ws)
    assert (result.exit_code, result.stderr) == (1, folder.format(out=ws))
    (tmp_path / "r.csv").write_text(RECIPIENTS, "utf-8")
    (tmp_path / "forms").write_text("mine", "utf-8")
    out = str(tmp_path / "forms")
    result = run("generate", "pdf", "-w", ws, "--recipients", str(tmp_path / "r.csv"), "--out", out)
    assert (result.exit_code, result.stderr) == (1, not_folder.format(out=out))
    assert (tmp_path / "forms").read_text("utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forms", "r.csv", "ws"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "de",
            [
                "Fehler: bitte nur eine der Optionen --record, --institution und --recipients "
                "angeben, nicht --record und --institution",
                "Fehler: --kind checklist nimmt kein --record (das ist für Formulare einer "
                "Einrichtung)",
                "Fehler: --kind institution braucht --record DATEI.json, --institution ID oder "
                "--recipients LISTE",
                "Fehler: r.json: „base_version“ muss eine ganze Zahl ab 0 sein",
                "Fehler: r.json: psychotherapie.sprachen: ein solches Feld gibt es hier nicht; "
                "bekannt: ",
                "Fehler: r.json: institution.name: „Ay\\ud800e“ enthält U+D800, ein halbes "
                "Zeichen (ein einzelnes Surrogat), also keinen Text; bitte in der Datei "
                "korrigieren (das Programm, das sie schrieb, hat ein Zeichen in zwei Teile "
                "zerlegt)",
            ],
        ),
        (
            "en",
            [
                "Error: give one of --record, --institution and --recipients, not --record and "
                "--institution",
                "Error: --kind checklist takes no --record (it is for institution forms)",
                "Error: --kind institution needs --record FILE.json, --institution ID or "
                "--recipients LIST",
                "Error: r.json: 'base_version' must be a non-negative whole number",
                "Error: r.json: psychotherapie.sprachen: no such field here; known: ",
                "Error: r.json: institution.name: 'Ay\\ud800e' holds U+D800, half of a "
                "character (a lone surrogate), which is no text; correct it in the file (the "
                "program that wrote it split a character in two)",
            ],
        ),
    ],
)
def test_generates_usage_and_record_errors_are_in_the_workspaces_language(
    tmp_path: Path, lang: str, said: list[str]
) -> None:
    ws = str(Workspace.init(tmp_path / "ws", language=lang).root)
    record = tmp_path / "r.json"
    record.write_text('{"id": "inst-9"}', "utf-8")
    bad = [
        '{"id": "inst-9", "base_version": -1}',
        '{"id": "inst-9", "entries": {"psychotherapie": {"sprachen": ["fa"]}}}',
        '{"id": "inst-9", "institution": {"name": "Ay\\ud800e"}}',
    ]
    usage = [
        ["--record", str(record), "--institution", "inst-9"],
        ["--kind", "checklist", "--record", str(record)],
        ["--kind", "institution"],
    ]
    for args, expected in zip([*usage, *[["--record", str(record)]] * 3], said, strict=True):
        if args[0] == "--record" and len(args) == 2:
            record.write_text(bad.pop(0), "utf-8")
        result = run("generate", "pdf", "-w", ws, *args, "--out", str(tmp_path / "x.pdf"))
        assert result.exit_code == (2 if args in usage else 1)
        assert expected in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_institution_forms_made_inside_a_german_workspace_say_its_errors_in_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`generate pdf --institution` without -w takes the workspace in the current folder: what
    it cannot open there (workspace.toml saved as Windows-1252) is said in the workspace's
    language, as with -w."""
    ws = Workspace.init(tmp_path / "ws", language="de")
    monkeypatch.chdir(ws.root)
    config = ws.root / "workspace.toml"
    config.write_bytes(config.read_bytes().replace(b'name = "', b'name = "K\xf6ln '))
    result = run("generate", "pdf", "--institution", "inst-1")
    assert result.exit_code == 1
    assert "Fehler: workspace.toml ist nicht als UTF-8 gespeichert (Zeile " in result.stderr


def test_generates_usage_errors_in_a_german_workspaces_folder_are_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a German workspace's folder without -w, `generate` says click's usage errors
    and its own in German, as every other command there: they stayed English (with an English
    locale), or „Fehler:“ came before an English message (with a German one)."""
    monkeypatch.chdir(Workspace.init(tmp_path / "ws", language="de").root)
    Path("r.json").write_text('{"id": "inst-9"}', "utf-8")
    for args, said in (
        (
            ["--kind", "foo"],
            "Fehler: Ungültiger Wert für '--kind': „foo“ ist keiner der möglichen ",
        ),
        (["--bogus"], "Fehler: Unbekannte Option „--bogus“."),
        (
            ["--record", "r.json", "--institution", "inst-9", "--recipients", "r.json"],
            "Fehler: bitte nur eine der Optionen --record, --institution und --recipients "
            "angeben, nicht --record und --institution und --recipients\n",
        ),
        (["--kind", "institution"], "Fehler: --kind institution braucht --record DATEI.json"),
    ):
        for locale in ("C.UTF-8", "de_DE.UTF-8"):
            result = CliRunner().invoke(main, ["generate", "pdf", *args], env={"LANG": locale})
            assert result.exit_code == 2
            assert result.stderr.startswith("Aufruf: main generate pdf [OPTIONEN]\n")
            assert said in result.stderr
    assert not any(Path("forms").iterdir())


def test_unknown_category_exits_1(tmp_path: Path) -> None:
    result = run("generate", "pdf", "--category", "nope", "--out", str(tmp_path / "x.pdf"))
    assert result.exit_code == 1 and "unknown category 'nope'" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_invalid_schema_exits_1(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text("schema_id: x\nschema_version: one\n", "utf-8")
    result = run(
        "generate", "pdf", "--schema", str(tmp_path / "s.yaml"), "--out", str(tmp_path / "x.pdf")
    )
    assert result.exit_code == 1 and "Error: the schema has" in result.stderr


def test_misuse_exits_2() -> None:
    assert run("generate", "pdf", "--kind", "institution").exit_code == 2
    assert run("generate", "pdf", "--lang", "fr").exit_code == 2


@pytest.mark.parametrize(("lang", "sep"), [("de", ";"), ("en", ",")])
def test_the_manifest_is_a_csv_as_register_export_writes_one(
    tmp_path: Path, lang: str, sep: str
) -> None:
    """Found by the hostile-input audit: manifest.csv was UTF-8 without BOM (Excel showed
    'Ålâ€¦' for every ş), always ',' (German Excel shows one column) and a recipients list's
    =HYPERLINK(…) landed in it as a formula Excel runs. It is now written as the register's
    CSV export is: BOM, ';' for a table in German, an apostrophe before = + - @; formgen's own
    reader of tables takes it off again."""
    ws = Workspace.init(tmp_path / "ws")
    listed = tmp_path / "r.csv"
    listed.write_text(
        "id,institution,categories,region,email\n"
        'inst-f,"=HYPERLINK(""http://evil.example"",""klick"")",psychotherapie,,f@example.org\n'
        "inst-g,+49 Beratung Yılmaz,psychotherapie,,g@example.org\n",
        "utf-8",
    )
    out = tmp_path / "forms"
    result = run(
        "generate", "pdf", "--recipients", str(listed), "--out", str(out),
        "--workspace", str(ws.root), "--lang", lang,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = (out / "manifest.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    table = list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=sep))
    assert table[0] == ["id", "name", "email", "file", "reference", "instance_id", "categories"]
    assert [(r[0], r[1], r[2]) for r in table[1:]] == [
        ("inst-f", '\'=HYPERLINK("http://evil.example","klick")', "f@example.org"),
        ("inst-g", "'+49 Beratung Yılmaz", "g@example.org"),
    ]
    from ingest.sheet import read_sheet

    sheet = read_sheet(data, "manifest.csv", "a manifest", "")
    assert [cells[1] for _, cells in sheet.rows] == [
        '=HYPERLINK("http://evil.example","klick")',
        "+49 Beratung Yılmaz",
    ]


def test_recipients_batch(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws")
    (tmp_path / "r.csv").write_text(RECIPIENTS, "utf-8")
    out = tmp_path / "forms"
    result = run(
        "generate", "pdf", "--recipients", str(tmp_path / "r.csv"), "--out", str(out),
        "--workspace", str(ws.root), "--seed", "3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    # one line says what was made (no progress label of its own before it: not a terminal),
    # in the workspace's language
    mb = f"{sum(p.stat().st_size for p in out.glob('*.pdf')) / 1e6:.1f}".replace(".", ",")
    assert result.output.splitlines() == [
        f"3 Formulare in {out} ({mb}\u00a0MB), Liste in {out / 'manifest.csv'}"
    ]
    assert sorted(p.name for p in out.iterdir()) == [
        "inst-1.pdf", "inst-2.pdf", "inst-3.pdf", "manifest.csv",
    ]  # fmt: skip
    # one form: the singular
    (tmp_path / "one.csv").write_text("\n".join(RECIPIENTS.splitlines()[:2]) + "\n", "utf-8")
    result = run(
        "generate", "pdf", "--recipients", str(tmp_path / "one.csv"), "--out", str(tmp_path / "one"),
        "--workspace", str(ws.root), "--seed", "3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"1 Formular in {tmp_path / 'one'} (")
    manifest = (out / "manifest.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(manifest.splitlines(), delimiter=";"))  # the workspace is German
    assert [r["name"] for r in rows] == [
        "Şule Yılmaz Beratung", "Ольга Петренко Praxis", "مركز الاستشارة",
    ]  # fmt: skip
    ident = identity_of(out / "inst-2.pdf")
    assert ident.categories == ("psychotherapie", "facharzt") and ident.verify(ws.secret)
    assert rows[1]["reference"] == ident.reference
    assert set(ws.issued()) == {r["instance_id"] for r in rows}
    for r in rows:  # each generated file is known again when it comes back untouched
        data = (out / r["file"]).read_bytes()
        assert ws.issued_file(hashlib.sha256(data).hexdigest()) == identity_of(out / r["file"])
        assert ws.issued_prefill(r["instance_id"])["institution.name"] == r["name"]  # type: ignore[index]
    made = {hashlib.sha256((out / r["file"]).read_bytes()).hexdigest() for r in rows}
    assert ws.issued_files() == made
    fields = PdfReader(out / "inst-3.pdf").get_fields() or {}
    assert fields["institution.region"]["/V"] == "neuss_meerbusch"


@pytest.mark.parametrize(
    ("lang", "said", "fix"),
    [
        (
            "de",
            "wurde schon für ein anderes Formular ausgegeben (institution, Einrichtung inst-1)",
            "Ohne --seed erzeugen oder mit einem noch nicht verwendeten Seed",
        ),
        (
            "en",
            "was issued before for another form (institution, institution inst-1)",
            "Generate without --seed, or with a seed not used before",
        ),
    ],
)
def test_a_seed_given_again_for_other_forms_is_refused(
    tmp_path: Path, lang: str, said: str, fix: str
) -> None:
    """The same seed repeats the instance ids: a printed copy's reference would find the wrong
    form. The same forms again are fine; other forms under the same ids write nothing. Said
    in the workspace's language (it was English text in a German workspace)."""
    ws = Workspace.init(tmp_path / "ws", language=lang)
    (tmp_path / "r.csv").write_text(RECIPIENTS, "utf-8")
    (tmp_path / "other.csv").write_text(RECIPIENTS.replace("inst-1,", "inst-9,"), "utf-8")

    def generate(recipients: str, out: str, *seed: str) -> Any:
        return run(
            "generate", "pdf", "--recipients", str(tmp_path / recipients),
            "--out", str(tmp_path / out), "--workspace", str(ws.root), *seed,
        )  # fmt: skip

    assert generate("r.csv", "a", "--seed", "3").exit_code == 0
    assert generate("r.csv", "b", "--seed", "3").exit_code == 0  # the same forms again
    log = (ws.root / "issued.jsonl").read_bytes()
    refused = generate("other.csv", "c", "--seed", "3")
    assert refused.exit_code == 1
    assert said in " ".join(refused.stderr.split()) and fix in " ".join(refused.stderr.split())
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").iterdir())
    assert (ws.root / "issued.jsonl").read_bytes() == log
    assert generate("other.csv", "d").exit_code == 0


@pytest.mark.parametrize(
    ("line", "match"),
    [
        (
            "inst-4,Neu,nope,dormagen,d@example.org",
            r"r\.csv:5: unknown category 'nope'; give its id or its name:\n"
            r"    kontakt_beratungsstelle: Kontakt- und Beratungsstelle",
        ),
        (
            "inst-1,Doppelt,facharzt,dormagen,d@example.org",
            r"r\.csv:5: duplicate id 'inst-1' \(first on line 2, 'Şule Yılmaz Beratung'; here "
            r"'Doppelt'\)",
        ),
        (
            "inst-4,Neu,facharzt,mars,d@example.org",
            r"r\.csv:5: unknown region 'mars'; give its id or its name, or add it to "
            r"workspace\.toml under \[\[regions\]\]:\n"
            r"    duesseldorf: Düsseldorf\n",
        ),
        ("inst-4,,facharzt,dormagen,d@example.org", r"r\.csv:5: no institution name"),
    ],
)
def test_bad_recipient_row_exits_1_and_writes_nothing(
    tmp_path: Path, line: str, match: str
) -> None:
    (tmp_path / "r.csv").write_text(RECIPIENTS + line + "\n", "utf-8")
    out = tmp_path / "forms"
    result = run("generate", "pdf", "--recipients", str(tmp_path / "r.csv"), "--out", str(out))
    assert result.exit_code == 1
    assert re.search(match, result.stderr), result.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv"]


def test_recipients_need_their_columns() -> None:
    with pytest.raises(
        RecipientsError, match=r"r.csv:1: missing columns id, email, categories, region"
    ):
        read_recipients(b"name;ort\nA;B\n", "r.csv", default_schema())


def test_parallel_batch_is_deterministic_and_matches_serial(tmp_path: Path) -> None:
    schema = default_schema()
    records = [
        record_from_json(
            schema,
            {"id": f"inst-{i}", "categories": ["psychotherapie"], "institution": {"name": f"Einrichtung {i} Łódź"}},
        )
        for i in range(10)
    ]  # fmt: skip
    seen: list[tuple[int, int]] = []
    parallel = generate_batch(
        schema, records, tmp_path / "a", secret=b"k" * 32, seed=5, jobs=2,
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    serial = generate_batch(schema, records, tmp_path / "b", secret=b"k" * 32, seed=5, jobs=1)
    assert seen[-1] == (10, 10)
    assert parallel.identities == serial.identities
    for item in parallel.items:
        assert (tmp_path / "a" / item.file).read_bytes() == (
            tmp_path / "b" / item.file
        ).read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temp folder left"


def test_failing_batch_leaves_existing_folder_untouched(tmp_path: Path) -> None:
    schema = default_schema()
    out = tmp_path / "forms"
    out.mkdir()
    (out / "keep.pdf").write_bytes(b"old")
    good = record_from_json(
        schema, {"id": "a", "categories": ["psychotherapie"], "institution": {"name": "A"}}
    )
    bad = record_from_json(
        schema, {"id": "b", "categories": ["psychotherapie"], "institution": {"name": "B"}}
    )
    bad = type(bad)(id="b", categories=bad.categories, institution={"name": "B", "region": "Mond"})
    with pytest.raises(RecordError, match=r"record 'b': institution\.region: 'Mond' is not a"):
        generate_batch(schema, [good, bad], out, secret=b"k" * 32, jobs=1)
    assert sorted(p.name for p in out.iterdir()) == ["keep.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forms"]


def test_the_stand_date_is_taken_as_a_forms_date_field_takes_it(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = run(
        "generate", "pdf", "--category", "facharzt", "--stand", "2.11.26", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    assert "Stand: 02.11.2026" in _pdf_text(out)
    out.unlink()
    result = run(
        "generate", "pdf", "--category", "facharzt", "--stand", "11/22/2026", "--out", str(out)
    )
    assert result.exit_code == 2
    assert (
        "Invalid value for '--stand': '11/22/2026' is not a date; write it as 24.09.2025 or "
        "2025-09-24"
    ) in result.stderr
    assert not out.exists()


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def test_a_recipients_language_column_chooses_each_form_language(tmp_path: Path) -> None:
    """As in ``formgen mail``: a row's language makes its form in that language; --lang, given,
    makes every form in its language. The format column is for mail: ``generate pdf`` makes PDFs."""
    (tmp_path / "r.csv").write_text(
        "id;institution;categories;region;email;language;format\n"
        "inst-1;Şule Yılmaz Beratung;psychotherapie;duesseldorf;a@example.org;English;docx\n"
        "inst-2;Ольга Петренко Praxis;psychotherapie;dormagen;b@example.org;;\n"
        "inst-3;مركز الاستشارة;psychotherapie;neuss_meerbusch;c@example.org;de;both\n",
        "utf-8",
    )
    schema = default_schema()
    label = {lang: schema.category_label("psychotherapie", lang) for lang in ("de", "en")}

    def generate(out: str, *more: str) -> dict[str, str]:
        result = run(
            "generate", "pdf", "--recipients", str(tmp_path / "r.csv"),
            "--out", str(tmp_path / out), "--seed", "1", *more,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in (tmp_path / out).iterdir()) == [
            "inst-1.pdf", "inst-2.pdf", "inst-3.pdf", "manifest.csv",
        ]  # fmt: skip
        langs = {}
        for iid in ("inst-1", "inst-2", "inst-3"):
            path = tmp_path / out / f"{iid}.pdf"
            langs[iid] = identity_of(path).lang
            assert label[langs[iid]] in _pdf_text(path)
        return langs

    assert generate("by-row") == {"inst-1": "en", "inst-2": "de", "inst-3": "de"}
    assert generate("all-en", "--lang", "en") == {"inst-1": "en", "inst-2": "en", "inst-3": "en"}
    assert generate("all-de", "--lang", "de") == {"inst-1": "de", "inst-2": "de", "inst-3": "de"}
