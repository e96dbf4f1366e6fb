"""Languages typed under „Andere“: one rule for a remark, and the institution's own words back.

Found by a tester filling forms as institutions would (s22 Q, items 5 and 6): „Farsi/Dari über
Sprachmittler“ was split at „/“ and the team listed as speaking Farsi; „Polnisch
(Muttersprache)“ was no language; „Kurdisch (Kurmancî)“ came back in the next form as
„Kurmandschi (Nordkurdisch)“ and „Aramäisch“ as „Aramäisch (Syrisch)“, Classical Syriac.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from register_support import institution_form
from test_ingest_validate import shipped_institution_form
from test_register_returns import RECIPIENTS, mailed_form, run

from formgen import languages
from formgen.docx_form import render_docx
from formgen.forms import FormRequest, new_identity
from formgen.messages import in_language
from formgen.model import OTHER
from formgen.pdf_form import render_pdf
from formgen.schema_load import default_schema
from formgen.workspace import Workspace
from ingest import search, values
from ingest.docx_reader import read_docx
from ingest.journal import load, rebuild
from ingest.pipeline import ingest_into_register
from ingest.register import Register

SCHEMA = default_schema()
SECRET = b"test-secret-0123456789abcdef0123"


@pytest.mark.parametrize(
    ("typed", "codes", "kept"),
    [
        ("Farsi/Dari über Sprachmittler", [], ["Farsi/Dari über Sprachmittler"]),
        ("Arabisch über Dolmetscher", [], ["Arabisch über Dolmetscher"]),
        ("Englisch, Tigrinya mit Dolmetscherin", ["en"], ["Tigrinya mit Dolmetscherin"]),
        ("Dolmetscher für Tigrinya und Amharisch", [], ["Dolmetscher für Tigrinya und Amharisch"]),
        ("Russisch + Ukrainisch in Planung", [], ["Russisch + Ukrainisch in Planung"]),
        ("Türkisch (teilweise); Arabisch", ["ar"], ["Türkisch (teilweise)"]),
        ("kein Russisch mehr", [], ["kein Russisch mehr"]),
        ("Polnisch (Muttersprache)", ["pl"], []),
        ("Arabisch (Syrien), Farsi/Dari", ["ar", "fa", "prs"], []),
        ("Kurdisch (Kurmancî), Aramäisch", ["kmr", "syr"], []),
        ("Persisch (Dari)", [], ["Persisch (Dari)"]),  # which of the two: unclear, kept
        # a comma in brackets is in the remark: one language, one phrase (s23 L)
        ("Arabisch (Syrisch, Marokkanisch)", ["ar"], []),
        (
            "Dari (nur schriftlich, teilweise), Englisch",
            ["en"],
            ["Dari (nur schriftlich, teilweise)"],
        ),
    ],
)
def test_a_language_said_with_a_remark_is_kept_whole_and_a_bracket_that_says_nothing_is_the_language(
    typed: str, codes: list[str], kept: list[str]
) -> None:
    assert values.languages_from_text(typed) == (codes, kept)


def test_lookup_gives_no_language_for_one_said_with_a_remark() -> None:
    """``register find --language`` looks at the "other" text by the same rule: „Türkisch
    (teilweise)“ there is no service in Turkish."""
    assert languages.lookup("Türkisch (teilweise)") is None
    assert languages.lookup("Polnisch (Muttersprache)") == "pl"
    assert languages.lookup("Kurdisch (Sorani)") == "ckb"


def test_the_ingest_line_says_the_text_is_kept_whole_and_why() -> None:
    sub = shipped_institution_form(
        {
            "institution.name": "LVR-Klinikum Düsseldorf",
            "psychotherapie.languages_offered.en": True,
            "psychotherapie.languages_offered._other": "Farsi/Dari über Sprachmittler, "
            "Polnisch (Muttersprache)",
        }
    )
    (e,) = sub.entries
    assert e.entry["languages_offered"].value == ["en", "pl"]
    assert e.entry["languages_offered._other"].value == "Farsi/Dari über Sprachmittler"
    (note,) = [n for n in sub.notes if "Sprachmittler" in in_language(n, "de")]
    assert in_language(note, "de") == (
        "PsychotherapeutIn, niedergelassen: Fremdsprachliche Kenntnisse im Team: „Farsi/Dari "
        "über Sprachmittler“ bleibt, wie eingetragen, als Text unter „Andere“ und zählt nicht "
        "als Sprache, die das Team spricht: darin steht „Sprachmittler“"
    )
    assert "not as a language the team speaks: it says 'Sprachmittler'" in in_language(note, "en")


def test_aramaic_is_the_aramaic_spoken_today_and_finds_its_varieties() -> None:
    """„Aramäisch“ was ``syc``, Classical Syriac, named „Aramäisch (Syrisch)“; it is ``syr``
    (ISO 639-3: the Aramaic of Assyrians and Chaldeans), named as typed, and a search for it
    finds Turoyo, Assyrian, Chaldean and entries stored with ``syc`` before."""
    assert [languages.lookup(n) for n in ("Aramäisch", "Süryanice", "aramaic")] == ["syr"] * 3
    assert languages.name("syr") == "Aramäisch" and languages.name("syr", "en") == "Aramaic"
    assert languages.lookup("Turoyo") == languages.lookup("Aramäisch (Turoyo)") == "tru"
    assert set(languages.varieties("syr")) == {"syr", "tru", "aii", "cld", "syc"}


def test_the_next_form_shows_a_language_without_a_box_in_the_institutions_own_words() -> None:
    """The contact's languages have no box for Kurmanji or Aramaic: the prefilled form's
    „Andere“ says „Kurdisch (Kurmancî), Aramäisch“ as typed, not formgen's names for them, and
    read back it is the same list."""
    f = next(f for f in SCHEMA.entry_fields("psychotherapie") if f.id == "contact_languages")
    listed, _ = values.check_multi(f, ["ar"], "Kurdisch (Kurmancî), Aramäisch")
    assert listed is not None and listed.value == ["ar", "kmr", "syr"]
    reg = Register(SCHEMA)
    reg.merge(institution_form(None, name="Elternverein Neuss", contact_languages=listed))
    (iid,) = reg.institutions
    record = reg.record(iid)
    request = FormRequest("institution", ("psychotherapie",), record, "de", "2026-11-25")
    form = render_pdf(SCHEMA, request, new_identity(SCHEMA, request, SECRET, random.Random(1)))
    fields = pypdf.PdfReader(io.BytesIO(form.data)).get_fields() or {}
    other = f"psychotherapie.contact_languages.{OTHER}"
    assert fields[other]["/V"] == "Kurdisch (Kurmancî), Aramäisch"
    assert fields["psychotherapie.contact_languages.ar"]["/V"] == "/Yes"
    again, rest = values.check_multi(f, ["ar"], str(fields[other]["/V"]))
    assert again is not None and again.value == listed.value and rest is None
    words = render_docx(SCHEMA, request, new_identity(SCHEMA, request, SECRET, random.Random(2)))
    assert read_docx(words.data).values[other] == "Kurdisch (Kurmancî), Aramäisch"


def test_a_search_for_aramaic_finds_turoyo_and_entries_stored_as_syc_before() -> None:
    """``register find --language Aramäisch``; not the team that has Farsi „über
    Sprachmittler“ only, for Farsi."""
    reg = Register(SCHEMA)
    given = {
        "Verein Suryoye": ["tru"],
        "Beratung Mor Gabriel": ["syc"],  # as formgen stored „Aramäisch“ before
        "LVR-Klinikum": ["en"],
    }
    for name, codes in given.items():
        reg.merge(institution_form(None, name=name, languages_offered=codes))
    f = next(f for f in SCHEMA.entry_fields("psychotherapie") if f.id == "languages_offered")
    _, other = values.check_multi(f, [], "Farsi/Dari über Sprachmittler")
    reg.merge(institution_form(None, name="Klinik Nord", **{"languages_offered._other": other}))
    names = {iid: reg.institutions[iid]["institution"]["name"]["v"] for iid in reg.institutions}
    found = [names[h.institution_id] for h in search.find(reg, language=("Aramäisch",))]
    assert sorted(found) == ["Beratung Mor Gabriel", "Verein Suryoye"]
    assert search.find(reg, language=("Farsi",)) == []


def test_a_returned_language_with_a_remark_in_brackets_is_shown_in_the_words_typed(
    tmp_path: Path,
) -> None:
    """„Arabisch (Syrisch), Russisch (Muttersprache)“ typed under „Weitere“ is Arabic and
    Russian for search and counts, and shown as typed in the print, the labelled table and
    the next form (beside the ticked boxes): it showed „Arabisch“, „Russisch“ everywhere, the
    words only in register.json (s23 H, item 6). The next form returned with a remark taken
    back is a change, as „ca.“ taken back is; returned as it came, none."""
    ws = make_workspace(tmp_path / "ws")
    root = str(ws.root)
    run("mail", str(RECIPIENTS), "-w", root, "--drafts", str(tmp_path / "d1"))
    other = "psychotherapie.languages_offered._other"
    first = {
        "psychotherapie.languages_offered.en": True,
        other: "Arabisch (Syrisch), Russisch (Muttersprache)",
        "psychotherapie.date": "24.11.2026",
        "psychotherapie.initials": "ОП",
    }
    filled = tmp_path / "Анкета.pdf"
    filled.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), first))
    ingest_into_register([filled], ws)
    reg = load(ws)
    assert reg.value("ua-1", "psychotherapie.languages_offered")["v"] == ["en", "ar", "ru"]  # type: ignore[index]
    assert reg.value("ua-1", other) is None  # nothing left over: two languages

    shown = "Englisch, Arabisch (Syrisch), Russisch (Muttersprache)"
    wide = tmp_path / "breit.csv"
    run("register", "export", "--labels", "-o", str(wide), "-w", root)
    assert shown in wide.read_text("utf-8-sig")
    # for programs: the codes, a language named with a remark as typed, which import reads
    # back as the register holds it, and the JSON's as_typed
    codes = tmp_path / "codes.csv"
    run("register", "export", "-o", str(codes), "-w", root)
    assert "en, Arabisch (Syrisch), Russisch (Muttersprache)" in codes.read_text("utf-8-sig")
    said = run("register", "import", str(codes), "-w", root)
    assert "ua-1 Ольга Петренко – Консультація: unverändert" in said, said
    data = tmp_path / "register.json"
    run("register", "export", "--format", "json", "-o", str(data), "-w", root)
    (ua,) = [i for i in json.loads(data.read_text("utf-8"))["institutions"] if i["id"] == "ua-1"]
    assert ua["as_typed"] == {
        "psychotherapie.languages_offered": "en, Arabisch (Syrisch), Russisch (Muttersprache)"
    }
    printed = tmp_path / "register.pdf"
    run("register", "print", "-o", str(printed), "-w", root)
    with pdfplumber.open(printed) as pdf:
        text = " ".join(" ".join(p.extract_text() or "" for p in pdf.pages).split())
    assert shown in text
    found = run("register", "find", "--language", "Arabisch", "-w", root)
    assert "ua-1" in found and "ua-1" in run("register", "find", "--language", "ru", "-w", root)

    run("mail", "--from-register", "-w", root, "--drafts", str(tmp_path / "d2"), "--round", "r2")
    form = mailed_form(ws, "ua-1", "r2").read_bytes()
    fields = pypdf.PdfReader(io.BytesIO(form)).get_fields() or {}
    assert fields[other]["/V"] == "Arabisch (Syrisch), Russisch (Muttersprache)"
    boxes = [c for c in ("en", "ar", "ru", "uk") if fields[f"psychotherapie.languages_offered.{c}"].get("/V") == "/Yes"]  # fmt: skip
    assert boxes == ["en", "ar", "ru"]
    (same,) = ingest_into_register([_filled(tmp_path / "gleich.pdf", form, {})], ws).outcomes
    assert same.merged == "confirmed, ua-1", (same.merged, same.warnings)
    taken_back = {other: "Arabisch (Syrisch)"}
    (out,) = ingest_into_register([_filled(tmp_path / "neu.pdf", form, taken_back)], ws).outcomes
    assert out.merged == "updated, ua-1, 1 change", (out.merged, out.warnings)
    history = run("register", "history", "ua-1", "-w", root)
    assert f"{shown} → Englisch, Arabisch (Syrisch), Russisch\n" in history


def _filled(path: Path, form: bytes, typed: dict[str, str | bool]) -> Path:
    path.write_bytes(pdfium_fill(form, typed))
    return path


def test_the_next_word_form_shows_a_language_with_a_remark_beside_its_box() -> None:
    """The Word form as the PDF: „Arabisch“ ticked, „Andere“ in the words typed; read back,
    the same list; the label of a language named by its variety is formgen's („Kurdisch
    (Sorani)“ is Sorani, ticked, nothing under „Andere“)."""
    f = next(f for f in SCHEMA.entry_fields("psychotherapie") if f.id == "languages_offered")
    typed = "Arabisch (Syrisch, Marokkanisch), Kurdisch (Sorani)"
    listed, rest = values.check_multi(f, [], typed)
    assert listed is not None and listed.value == ["ar", "ckb"] and rest is None
    reg = Register(SCHEMA)
    reg.merge(institution_form(None, name="Praxis Öztürk", languages_offered=listed))
    (iid,) = reg.institutions
    request = FormRequest("institution", ("psychotherapie",), reg.record(iid), "de", "2026-11-25")
    words = render_docx(SCHEMA, request, new_identity(SCHEMA, request, SECRET, random.Random(3)))
    read = read_docx(words.data).values
    other = f"psychotherapie.languages_offered.{OTHER}"
    assert read[other] == "Arabisch (Syrisch, Marokkanisch)"
    assert [c for c in ("ar", "ckb", "tr") if read.get(f"psychotherapie.languages_offered.{c}")] == ["ar", "ckb"]  # fmt: skip
    again, left = values.check_multi(f, ["ar", "ckb"], str(read[other]))
    assert again is not None and again.value == ["ar", "ckb"] and left is None


SHOWN = "Arabisch (Syrisch), Russisch (Muttersprache)"
"""What ua-1 typed under „Weitere“ beside the ticked „Englisch“, and the next form shows."""


def _asked_again(tmp_path: Path) -> Workspace:
    """ua-1's first return names two languages with a remark (:data:`SHOWN`); the next round
    mails it its form as PDF and Word, both showing them under „Andere“ beside the ticked
    boxes."""
    ws = make_workspace(tmp_path / "ws")
    root = str(ws.root)
    run("mail", str(RECIPIENTS), "-w", root, "--drafts", str(tmp_path / "d1"))
    first = {
        "psychotherapie.languages_offered.en": True,
        "psychotherapie.languages_offered._other": SHOWN,
        "psychotherapie.date": "24.11.2026",
        "psychotherapie.initials": "ОП",
    }
    filled = tmp_path / "Анкета.pdf"
    filled.write_bytes(pdfium_fill(mailed_form(ws, "ua-1").read_bytes(), first))
    ingest_into_register([filled], ws)
    run("mail", "--from-register", "-w", root, "--drafts", str(tmp_path / "d2"), "--round", "r2", "--format", "both")  # fmt: skip
    return ws


def _returned(tmp_path: Path, ws: Workspace, suffix: str, words: str) -> Path:
    """ua-1's form of round r2 returned with „Andere“ holding ``words`` and nothing else
    changed: the PDF filled by PDFium, the Word form as Word saves it (its text in the
    content control)."""
    form = mailed_form(ws, "ua-1", "r2", suffix).read_bytes()
    path = tmp_path / f"zurück{suffix}"
    other = "psychotherapie.languages_offered._other"
    if suffix == ".pdf":
        return _filled(path, form, {other: words})
    shown = f"<w:t>{SHOWN}</w:t>".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(form)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "word/document.xml":
                assert body.count(shown) == 1
                body = body.replace(shown, f"<w:t>{words}</w:t>".encode())
            zout.writestr(info, body, zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())
    return path


def _made_before_part_23(ws: Workspace, *keys: str) -> None:
    """The issued.jsonl line of ua-1's form of round r2 as formgen wrote it before 2026-11-25
    (without ``languages_as_typed``), or before it kept a form's prefill (``prefill`` too)."""
    log = ws.root / "issued.jsonl"
    lines = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    r2 = [line for line in lines if line["formgen.institution_id"] == "ua-1"][-1]
    for key in keys:
        r2.pop(key, None)
    log.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_form_that_showed_the_words_returned_without_them_takes_them_back(
    tmp_path: Path, suffix: str
) -> None:
    """The form records the words it showed (issued.jsonl, ``languages_as_typed``): returned
    as it came, no change; with „Andere“ cleared, the institution took its remarks back: the
    register holds the languages without them, the history keeps them (s23 Q: it was no
    change, the words compared with the codes the form was prefilled with)."""
    ws = _asked_again(tmp_path)
    log = [json.loads(line) for line in (ws.root / "issued.jsonl").read_text("utf-8").splitlines()]
    said = [line["languages_as_typed"] for line in log if "languages_as_typed" in line]
    languages = "psychotherapie.languages_offered"
    assert said == [{languages: {"ar": "Arabisch (Syrisch)", "ru": "Russisch (Muttersprache)"}}]
    (same,) = ingest_into_register([_returned(tmp_path, ws, suffix, SHOWN)], ws).outcomes
    assert same.merged == "confirmed, ua-1", (same.merged, same.warnings)
    (out,) = ingest_into_register([_returned(tmp_path, ws, suffix, "")], ws).outcomes
    assert out.merged == "updated, ua-1, 1 change", (out.merged, out.warnings)
    assert load(ws).value("ua-1", languages)["raw"] == "en, ar, ru"  # type: ignore[index]
    history = run("register", "history", "ua-1", "-w", str(ws.root))
    assert f"Englisch, {SHOWN} → Englisch, Arabisch, Russisch\n" in history
    register = (ws.root / "register.json").read_text("utf-8")
    rebuild(ws)  # the journal holds what the form showed: decided alike
    assert (ws.root / "register.json").read_text("utf-8") == register


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
@pytest.mark.parametrize("unrecorded", [("languages_as_typed",), ("languages_as_typed", "prefill")])
@pytest.mark.parametrize("changed_since", [False, True])
def test_a_form_made_before_the_words_were_shown_returned_as_it_came_keeps_them(
    tmp_path: Path, suffix: str, unrecorded: tuple[str, ...], changed_since: bool
) -> None:
    """A form made before 2026-11-25 (already mailed, in the institution's hands) showed the
    ticked boxes only, „Andere“ empty: returned so, it changes nothing, and the register keeps
    the institution's words, whether its issued.jsonl line holds its prefill or not (made
    before formgen kept it) and whether the register changed since (a phone number set by
    hand). Without its prefill the words were dropped silently."""
    ws = _asked_again(tmp_path)
    _made_before_part_23(ws, *unrecorded)
    if changed_since:
        run("register", "set", "ua-1", "institution.phone", "0211 4469596", "--note", "Telefon", "-w", str(ws.root))  # fmt: skip
    (out,) = ingest_into_register([_returned(tmp_path, ws, suffix, "")], ws).outcomes
    assert out.merged == "confirmed, ua-1", (out.merged, out.warnings)
    held = load(ws).value("ua-1", "psychotherapie.languages_offered")
    assert held is not None and held["raw"] == f"en, {SHOWN}" and held["v"] == ["en", "ar", "ru"]
    history = run("register", "history", "ua-1", "-w", str(ws.root))
    assert "Russisch (Muttersprache) →" not in history
    register = (ws.root / "register.json").read_text("utf-8")
    rebuild(ws)
    assert (ws.root / "register.json").read_text("utf-8") == register


def test_an_erased_text_goes_from_the_words_a_form_showed_and_the_next_form_shows_it_erased(
    tmp_path: Path,
) -> None:
    """``register erase --text Petrova`` takes her name out of the words the mailed form
    showed (issued.jsonl, where the form records them); the next form shows „Russisch (bei
    Frau (gelöscht))“, never the register's marker „(erased #1)“ (s23 Q: it showed the
    marker), and returned as it came it changes nothing."""
    ws = make_workspace(tmp_path / "ws")
    root = str(ws.root)
    run("mail", str(RECIPIENTS), "-w", root, "--drafts", str(tmp_path / "d1"))
    other = "psychotherapie.languages_offered._other"
    first = {other: "Russisch (bei Frau Petrova)", "psychotherapie.initials": "ОП"}
    filled = _filled(tmp_path / "Анкета.pdf", mailed_form(ws, "ua-1").read_bytes(), first)
    ingest_into_register([filled], ws)
    run("mail", "--from-register", "-w", root, "--drafts", str(tmp_path / "d2"), "--round", "r2")
    assert "Petrova" in (ws.root / "issued.jsonl").read_text("utf-8")
    run("register", "erase", "ua-1", "--text", "Petrova", "--note", "Antrag", "--yes", "-w", root)
    assert "Petrova" not in (ws.root / "issued.jsonl").read_text("utf-8")

    run("mail", "--from-register", "-w", root, "--drafts", str(tmp_path / "d3"), "--round", "r3", "--force")  # fmt: skip
    form = mailed_form(ws, "ua-1", "r3").read_bytes()
    fields = pypdf.PdfReader(io.BytesIO(form)).get_fields() or {}
    assert fields[other]["/V"] == "Russisch (bei Frau (gelöscht))"
    assert fields["psychotherapie.languages_offered.ru"]["/V"] == "/Yes"
    (same,) = ingest_into_register([_filled(tmp_path / "zurück.pdf", form, {})], ws).outcomes
    assert same.merged == "confirmed, ua-1", (same.merged, same.warnings)
    held = load(ws).value("ua-1", "psychotherapie.languages_offered")
    assert held is not None and held["raw"] == "Russisch (bei Frau (erased #1))", held
