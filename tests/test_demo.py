"""`formgen demo`: the whole cycle in one command, on the shipped schema and the samples."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import tomllib
from email import message_from_bytes, policy
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from mailkit import header_text
from pdf_engines import pdfium_fill
from pypdf import PdfReader

import formgen.cli.demo as demo_command
from formgen.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def installed_samples() -> list[str]:
    """The files of samples/ an installed formgen has: the package data formgen/samples."""
    config = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["setuptools"]
    assert config["package-dir"]["formgen.samples"] == "samples"
    files: list[str] = config["package-data"]["formgen.samples"]
    return files


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo as an installed formgen runs it: on the samples it installs, no others."""
    where = tmp_path_factory.mktemp("demo")
    for name in installed_samples():
        (where / "samples" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / name, where / "samples" / name)
    root = where / "ws"
    result = CliRunner().invoke(main, ["demo", str(root), "--samples", str(where / "samples")])
    assert result.exit_code == 0, result.output
    return root, result.stdout


def test_an_installed_formgen_has_the_samples_the_demo_reads() -> None:
    """`formgen --help` says to start with `formgen demo DIR`: pip installs what the demo reads
    of samples/ (the returns it ingests, the round's recipients, the samples' workspace whose
    secret signed them), and nothing else of samples/ (the tests' corpus)."""
    assert sorted(installed_samples()) == sorted(
        [
            "workspace/secret.key",
            "workspace/issued.jsonl",
            "demo/recipients.csv",
            *demo_command.RETURNS,
        ]
    )


def test_the_demo_finds_its_samples_installed_or_in_the_source_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo_command.shipped_samples() == SAMPLES  # this source tree, not installed
    installed = tmp_path / "site-packages" / "formgen"
    (installed / "samples").mkdir(parents=True)
    monkeypatch.setattr(demo_command, "__file__", str(installed / "cli" / "demo.py"))
    assert demo_command.shipped_samples() == installed / "samples"


def test_demo_makes_blank_forms_in_both_formats(demo: tuple[Path, str]) -> None:
    root, _ = demo
    pdf = PdfReader(root / "forms" / "blank" / "checkliste-alle-kategorien.pdf")
    names = set(pdf.get_fields() or {})
    assert "kontakt_beratungsstelle.1.name" in names
    assert "migrantenselbstorganisationen.5.initials" in names
    docx = root / "forms" / "blank" / "checkliste-alle-kategorien.docx"
    assert docx.stat().st_size > 10_000


def test_demo_writes_a_draft_per_institution_with_an_address(demo: tuple[Path, str]) -> None:
    root, out = demo
    drafts = sorted((root / "drafts").glob("*.eml"))
    assert len(drafts) == 10  # eleven recipients, one without an e-mail address
    assert "NICHT VERSANDT inst-0009 (Tagesstätte Meerbusch): keine E-Mail-Adresse" in out
    assert b"X-Unsent: 1" in drafts[0].read_bytes()


def test_ingest_names_the_demos_drafts_attachments_as_a_mail_program_does(
    demo: tuple[Path, str],
) -> None:
    """A draft names an attachment both ways, RFC 2231 and RFC 2047 (formgen.mailing); a „/“ in
    the base64 of the encoded words (the demo's Polish, Greek and Arabic names) showed the
    words themselves, cut at it: „inst-0003.eml#1/1 FgcOzZMW6X+KAk19…?= =?utf-8?b?V2nF…“."""
    root, _ = demo
    drafts = sorted((root / "drafts").glob("*.eml"))
    slashed = re.compile(rb'filename="[^"]*=\?utf-8\?b\?[^?"]*/')
    assert any(slashed.search(d.read_bytes()) for d in drafts)
    args = ["ingest", *map(str, drafts), "-w", str(root), "--dry-run", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    shown = {f["name"] for f in json.loads(result.stdout)["files"] if "#" in f["name"]}
    sent = {
        f"{draft}#1/{n} {part.get_filename()}"
        for draft in drafts
        for n, part in enumerate(
            message_from_bytes(draft.read_bytes(), policy=policy.default).iter_attachments(), 1
        )
    }
    assert shown == sent
    assert any("_Beratung_Łódź_–_Paweł_Wiśniewski_FG-" in name for name in shown)


def test_demo_leaves_its_recipients_list_as_an_example(demo: tuple[Path, str]) -> None:
    """The round's list lies in the demo's folder, with German column names, as the README's
    cycle names it (`formgen mail institutionen.csv`): a new coordinator sees what a list
    holds; it stayed inside the installed formgen."""
    root, out = demo
    listed = root / "institutionen.csv"
    assert f"  Empfängerliste der Runde, ein Beispiel einer Liste für formgen mail: {listed}" in (
        out.splitlines()
    )
    lines = listed.read_text("utf-8-sig").splitlines()
    assert lines[0] == "Kennung;Einrichtung;E-Mail;Checkliste;Region"
    assert (
        "inst-0002;Praxis Ольга Петренко;praxis@petrenko.example;psychotherapie;dormagen" in lines
    )
    result = CliRunner().invoke(
        main, ["mail", str(listed), "-w", str(root), "--drafts", str(root / "drafts"), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    year = dt.date.today().year  # the demo mails this year's invitation round
    assert result.stdout.startswith(f"Runde Einladung {year}: 0 zu versenden, 10 bereits")


def test_demo_ingests_every_kind_of_return_and_merges(demo: tuple[Path, str]) -> None:
    root, out = demo
    register = json.loads((root / "register.json").read_text("utf-8"))
    names = {i["institution"]["name"]["v"] for i in register["institutions"].values()}
    assert "Praxis Ольга Петренко" in names
    assert "Beratung Łódź – Paweł Wiśniewski" in names
    readers = {s["reader"] for s in register["sources"].values()}
    assert {"acroform-pdf", "flattened-pdf", "docx", "docx-pdf"} <= readers
    assert "tampered or forged" not in out
    assert "postfach.mbox" in out and "rueckmeldung.msg" in out


def test_the_demos_update_form_returned_is_merged(demo: tuple[Path, str], tmp_path: Path) -> None:
    """A coordinator trying the demo's update round: inst-0001's update form, made from the
    register the demo's sample returns made (revision 2; the samples were made from another
    register's revision 3), filled in PDFium and returned, is merged, not held as older than
    the sample it was made after."""
    root = tmp_path / "ws"
    shutil.copytree(demo[0], root)
    form = (root / "forms" / "update" / "pdf" / "inst-0001.pdf").read_bytes()
    filled = tmp_path / "inst-0001-back.pdf"
    filled.write_bytes(pdfium_fill(form, {"institution.phone": "0211 998877-0"}))
    result = CliRunner().invoke(main, ["ingest", str(filled), "-w", str(root)])
    assert result.exit_code == 0, result.output
    assert "älter als" not in result.output and "Konflikt" not in result.output
    register = json.loads((root / "register.json").read_text("utf-8"))
    inst = register["institutions"]["inst-0001"]
    assert inst["institution"]["phone"]["raw"] == "0211 998877-0"
    assert inst["rev"] == 3
    assert not [c for c in register["conflicts"].values() if c["institution_id"] == "inst-0001"]


def test_demo_round_is_answered_by_the_forms_it_mailed(demo: tuple[Path, str]) -> None:
    """Two institutions return the very forms the demo's round mailed them (filled in PDFium and
    LibreOffice), so 'status' shows the round answered and the register holds what they typed."""
    root, out = demo
    typed = json.loads((SAMPLES / "demo" / "returns" / "typed.json").read_text("utf-8"))
    mailed = {p.name for p in (root / "forms" / "mail").glob("*/*")}
    for name, made in typed.items():
        assert made["form"] in mailed, (
            f"{name} answers {made['form']}, which the demo no longer mails: "
            "run samples/demo/make_returns.py"
        )
    status = json.loads(CliRunner().invoke(main, ["status", "-w", str(root), "--json"]).stdout)
    (invitation,) = status["rounds"]
    assert (invitation["mailed"], invitation["answered"], invitation["waiting"]) == (10, 2, 8)
    states = {r["id"]: r["state"] for r in status["rows"]}
    assert states["inst-0008"] == states["inst-0010"] == "returned"
    # the demo shows the status it reached, in the workspace's language
    assert "2 haben mindestens eine Runde beantwortet" in out
    register = json.loads((root / "register.json").read_text("utf-8"))
    al_amal = register["institutions"]["inst-0008"]
    assert al_amal["institution"]["traeger"]["v"] == "جمعية الأمل للثقافة والاندماج e.V."
    entry = al_amal["entries"]["migrantenselbstorganisationen"]["fields"]
    assert entry["contact_name"]["v"] == "ليلى حداد"
    spd = register["institutions"]["inst-0010"]["entries"]["sozialpsychiatrischer_dienst"]
    assert spd["fields"]["contact_name"]["v"] == "Małgorzata Nowak-Yıldız"
    assert sorted(spd["fields"]["languages_offered"]["v"]) == ["pl", "ru", "tr"]


def test_demo_mails_the_institutions_its_returns_are_from_under_one_id(
    demo: tuple[Path, str],
) -> None:
    """The demo's recipients list names each institution by the id the register gives it when
    the sample returns come in, so 'status --list', 'register find' and the drafts agree."""
    root, _ = demo
    register = json.loads((root / "register.json").read_text("utf-8"))
    known = {iid: i["institution"] for iid, i in register["institutions"].items()}
    text = (SAMPLES / "demo" / "recipients.csv").read_text("utf-8-sig")
    listed = {r["id"]: r for r in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert set(known) <= set(listed)  # every institution a return is from was mailed
    for iid, institution in known.items():
        assert listed[iid]["institution"] == institution["name"]["v"], iid
        if "email" in institution:
            assert listed[iid]["email"] == institution["email"]["v"], iid
    assert known["inst-0002"]["name"]["v"] == "Praxis Ольга Петренко"
    assert known["inst-0003"]["name"]["v"] == "Beratung Łódź – Paweł Wiśniewski"
    draft = message_from_bytes(
        (root / "drafts" / "inst-0002.eml").read_bytes(), policy=policy.default
    )
    assert header_text(draft, "To") == "Praxis Ольга Петренко <praxis@petrenko.example>"
    status = CliRunner().invoke(main, ["status", "-w", str(root), "--json"])
    rows = json.loads(status.stdout)["rows"]
    assert [r["id"] for r in rows if r["name"] != r["mailed_name"]] == []
    assert json.loads(status.stdout)["without_email"] == []  # the drafts' addresses count


def test_demo_outputs_exist_and_say_where_they_are(demo: tuple[Path, str]) -> None:
    root, out = demo
    exports = root / "exports"
    for pattern in (
        "register-*.json",
        "register-*-wide.csv",
        "register-*.xlsx",
        "register-*.pdf",
        "stale-*.txt",
        "gaps-*.txt",
    ):
        found = list(exports.glob(pattern))
        assert found, pattern
        assert str(found[0]) in out
    with pdfplumber.open(next(exports.glob("register-*.pdf"))) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages[:3])
    assert "Regionales Versorgungsregister" in text
    assert list((root / "forms" / "update" / "pdf").glob("*.pdf"))


def test_demo_narrates_in_the_workspaces_language(demo: tuple[Path, str]) -> None:
    """A German workspace's demo says its steps, the reports it shows and where each output
    is in German; the paths stay as they are."""
    root, out = demo
    lines = out.splitlines()
    assert lines[0] == (
        f"1. Arbeitsbereich {root} (Schema arbeitshilfe_migration_psychiatrie 1.0.0, "
        "25 Checklisten)"
    )
    for step in (
        "2. leere Checklisten aller 25 Kategorien: PDF und DOCX",
        "3. Mail-Entwürfe mit persönlichen Formularen (formgen mail institutionen.csv --drafts "
        "ORDNER):",
        "5. Stand der Runde (formgen status):",
        "6. Aktualisierungsformulare für 10 Einrichtungen, vorausgefüllt aus dem Register",
        "7. Register exportiert und gedruckt, veraltete Einträge und Lücken gemeldet",
        "Wo alles liegt:",
    ):
        assert step in lines
    assert any(line.startswith("4. 16 zurückgeschickte Dateien eingelesen (PDF,") for line in lines)
    # the report's lines as 'formgen ingest' shows them in this workspace, on screen and in its file
    assert any(line.startswith("   doppelt ") for line in lines)
    # the report kept as 'formgen ingest' keeps one: when, what ran, where, and the summary
    (saved,) = (root / "exports").glob("ingest-*.txt")
    report = saved.read_text("utf-8")
    assert "\nSammlung " in report and "\ndoppelt " in report
    header = report.splitlines()[0]
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d \S+: formgen demo .*", header), header
    assert header.endswith(f"(Arbeitsbereich {root.resolve()})")
    assert re.match(r"\d+ Dateien in ", report.splitlines()[-1])
    where = lines[lines.index("Wo alles liegt:") + 1 :]
    assert where[0] == (
        f"  leere Checkliste, alle Kategorien (PDF): "
        f"{root / 'forms' / 'blank' / 'checkliste-alle-kategorien.pdf'}"
    )
    assert (
        f"  Register (CSV, eine Zeile je Eintrag): {next(root.glob('exports/*-wide.csv'))}" in where
    )
    assert (
        f"  Lücken (kein Eintrag oder nur Fehlanzeige): {next(root.glob('exports/gaps-*'))}"
        in where
    )
    assert not [line for line in where if line.startswith(("  register (", "  mail drafts"))]


def test_demo_remakes_its_own_folder_but_never_a_foreign_one(tmp_path: Path) -> None:
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("wichtig")
    result = CliRunner().invoke(main, ["demo", str(foreign), "--samples", str(SAMPLES)])
    assert result.exit_code == 1
    assert (
        "wurde nicht von formgen demo angelegt; bitte einen neuen Ordner angeben" in result.stderr
    )
    assert (foreign / "notes.txt").read_text() == "wichtig"


def test_demo_in_english_makes_an_english_workspace(tmp_path: Path) -> None:
    """`formgen demo --lang en` is the cycle of a centre that works in English (`init --lang
    en`): English blank forms, mails, register print and reports; the returned samples, filled
    in German, are read in all the same."""
    root = tmp_path / "ws"
    result = CliRunner().invoke(
        main, ["demo", str(root), "--samples", str(SAMPLES), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    blank = root / "forms" / "blank" / "checklist-all-categories.pdf"
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"1. workspace {root} (schema arbeitshilfe_migration_psychiatrie")
    assert "7. register exported, printed, stale entries and gaps reported" in lines
    assert f"  blank checklist, all categories (PDF): {blank}" in lines
    assert "Where everything is:" in lines and "Wo alles liegt:" not in lines
    listed = root / "institutions.csv"
    assert f"  the round's recipients list, an example of one for formgen mail: {listed}" in lines
    assert listed.read_text("utf-8-sig").startswith("id;institution;email;categories;region\n")
    assert (
        "3. mail drafts with personalised forms (formgen mail institutions.csv --drafts DIR):"
        in (lines)
    )
    assert any(line.startswith("   duplicate ") for line in lines)
    with pdfplumber.open(blank) as pdf:
        assert 'Checklists "Social psychiatry"' in (pdf.pages[0].extract_text() or "")
    first = message_from_bytes(
        sorted((root / "drafts").glob("*.eml"))[0].read_bytes(), policy=policy.default
    )
    assert header_text(first, "Subject").startswith("Inventory of regional care")
    with pdfplumber.open(next((root / "exports").glob("register-*.pdf"))) as pdf:
        cover = pdf.pages[0].extract_text() or ""
    assert "Regional care register" in cover and "Care region: all regions" in cover
    gaps = next((root / "exports").glob("gaps-*.txt")).read_text("utf-8")
    assert "no entry" in gaps and "kein Eintrag" not in gaps
    register = json.loads((root / "register.json").read_text("utf-8"))
    assert "Beratung Łódź – Paweł Wiśniewski" in {
        i["institution"]["name"]["v"] for i in register["institutions"].values()
    }


def test_status_and_the_printed_cover_name_what_they_count(demo: tuple[Path, str]) -> None:
    """The cover counts the entries 'register stale' lists, status the institutions of that
    list that 'mail --stale' would mail now: two counts of different things, each named for
    what it counts (both said „zu aktualisieren“: 9 on the cover, 0 in status)."""
    root, _out = demo
    listed = json.loads(
        CliRunner().invoke(main, ["register", "stale", "-w", str(root), "--json"]).stdout
    )
    institutions = {f["institution_id"] for f in listed}
    assert len(listed) > len(institutions)  # an institution with two entries on the list
    (pdf,) = (root / "exports").glob("register-*.pdf")
    cover = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert f" · {len(listed)} Einträge zu aktualisieren (davon " in cover
    said = CliRunner().invoke(main, ["status", "-w", str(root)]).stdout
    status = json.loads(CliRunner().invoke(main, ["status", "-w", str(root), "--json"]).stdout)
    assert status["to_update"] + len(status["update_waiting"]) == len(institutions)
    assert (
        "Register: Einrichtungen mit Einträgen zu aktualisieren, jetzt anzuschreiben "
        f"{status['to_update']}\n" in said
    )
    assert f"ausstehend {len(status['update_waiting'])}  (auch auf der Aktualisierungsliste" in said
