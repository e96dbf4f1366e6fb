"""What an institution types or pastes into its form is read as it meant it, and kept as typed.

Staff copy their address from Outlook, their name from a letterhead, their street from a web
page or a Word document, and write their postcode as letters had it (D-40212): the form
(filled here by PDFium, Chrome's engine) then holds a display name around the e-mail address,
soft hyphens, zero-width spaces and no-break spaces (a line break pasted into a one-line box
PDFium leaves out itself; pdftk keeps it, and it is read as a space: ``test_ingest_values``).
The register stores what a person reads, so that it finds, prints, exports and mails it; the
text as typed stays with the value (``raw``).
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import openpyxl
import pdfplumber
import pikepdf
from mailkit import make_workspace
from pdf_engines import pdfium_fill
from pypdf import PdfReader
from test_register_returns import RECIPIENTS, mailed_form, run

from ingest.journal import load
from ingest.pipeline import ingest_into_register

PASTED = {
    "institution.name": "Polska Misja Katolicka –\u00a0Poradnia\u00a0Łódź",
    "institution.traeger": "Caritasverband für die Region\u00ad Neuss",
    "institution.street": "Königs\u00adallee\u200b 12",
    "institution.postcode": "D-40212",
    "institution.email": '"Poradnia Łódź" <poradnia@example.pl>',
}
READ = {
    "name": "Polska Misja Katolicka – Poradnia Łódź",
    "traeger": "Caritasverband für die Region Neuss",
    "street": "Königsallee 12",
    "postcode": "40212",
    "email": "poradnia@example.pl",
}


def test_pasted_values_are_found_printed_exported_and_mailed_as_they_read(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws")
    w = ("-w", str(ws.root))
    run("mail", str(RECIPIENTS), *w, "--drafts", str(tmp_path / "d"))
    returned = tmp_path / "Rückmeldung.pdf"
    returned.write_bytes(pdfium_fill(mailed_form(ws, "lodz").read_bytes(), PASTED))
    (out,) = ingest_into_register([returned], ws).outcomes
    assert not [w for w in out.warnings if "invalid" in w], out.warnings

    stored = load(ws).institutions["lodz"]["institution"]
    assert {k: stored[k]["v"] for k in READ} == READ
    assert not [k for k in READ if "problem" in stored[k]]
    typed = {k: stored[k]["raw"] for k in READ}
    assert typed["street"] == PASTED["institution.street"]  # kept as typed
    assert typed["name"] == PASTED["institution.name"]
    assert typed["email"] == PASTED["institution.email"]

    for words in ("Königsallee", "Region Neuss", "Katolicka – Poradnia"):
        found = run("register", "find", words, *w)
        assert "lodz  Polska Misja Katolicka – Poradnia Łódź" in found, words

    printed = tmp_path / "Register.pdf"
    run("register", "print", *w, "-o", str(printed))
    with pdfplumber.open(printed) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "Königsallee 12" in text and "Region Neuss" in text and "Region-" not in text

    exported = tmp_path / "Register.csv"
    run("register", "export", "--format", "csv", *w, "-o", str(exported))
    with exported.open(encoding="utf-8-sig", newline="") as f:
        (row,) = [r for r in csv.DictReader(f, delimiter=";") if r["institution_id"] == "lodz"]
    assert {k: row[k] for k in READ} == READ

    # the next form, and so the next mail, goes to the new address
    form = tmp_path / "Formular.pdf"
    run("generate", "pdf", "--institution", "lodz", *w, "--out", str(form))
    fields = PdfReader(form).get_fields() or {}
    assert {k: fields[f"institution.{k}"].get("/V") for k in READ} == READ


def test_a_durchwahl_stays_as_written_in_the_print_and_the_next_form(tmp_path: Path) -> None:
    """„0211 12345-0“ is the number 0211 123450, dialled on after the hyphen; written so it
    says the Zentrale. Read as ``+49 211 123450``, the print and the next form showed the
    institution a number it did not write. The next form, returned with the same number typed
    again, changes nothing."""
    ws = make_workspace(tmp_path / "ws")
    w = ("-w", str(ws.root))
    run("mail", str(RECIPIENTS), *w, "--drafts", str(tmp_path / "d"))
    returned = tmp_path / "Rückmeldung.pdf"
    typed = {"institution.phone": "0211 12345-0", "facharzt.contact_phone": "0211 12345-123"}
    returned.write_bytes(pdfium_fill(mailed_form(ws, "lodz").read_bytes(), typed))
    ingest_into_register([returned], ws)
    reg = load(ws)
    read = {"institution.phone": "+49 211 12345-0", "facharzt.contact_phone": "+49 211 12345-123"}
    assert {path: reg.value("lodz", path)["v"] for path in read} == read  # type: ignore[index]

    printed = tmp_path / "Register.pdf"
    run("register", "print", *w, "-o", str(printed))
    with pdfplumber.open(printed) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "+49 211 12345-0" in text and "+49 211 12345-123" in text

    form = tmp_path / "Formular.pdf"
    run("generate", "pdf", "--institution", "lodz", *w, "--out", str(form))
    fields = PdfReader(form).get_fields() or {}
    assert {path: fields[path].get("/V") for path in read} == read
    again = tmp_path / "Nochmal.pdf"
    again.write_bytes(pdfium_fill(form.read_bytes(), {"institution.phone": "0211 12345-0"}))
    (out,) = ingest_into_register([again], ws).outcomes
    assert out.merged == "confirmed, lodz" and not load(ws).conflicts(), out  # no change


def test_an_extension_is_written_as_german_writes_it_and_stored_as_before(tmp_path: Path) -> None:
    """„0211 4469596 Durchwahl 12“ is stored as it always was, ``+49 211 4469596 ext. 12`` (the
    registers of earlier formgens hold that, and a rebuild reads it so again); a German print,
    export for people and form write it as DIN 5008 and the form's help do, ``-12``, where
    they said the English „ext. 12“. The form, returned with it as shown, changes nothing."""
    ws = make_workspace(tmp_path / "ws")
    w = ("-w", str(ws.root))
    run("mail", str(RECIPIENTS), *w, "--drafts", str(tmp_path / "d"))
    returned = tmp_path / "Rückmeldung.pdf"
    typed = {
        "institution.phone": "0211 4469596 Durchwahl 12",
        "facharzt.contact_phone": "02131 123456 Durchw. 7",
    }
    returned.write_bytes(pdfium_fill(mailed_form(ws, "lodz").read_bytes(), typed))
    ingest_into_register([returned], ws)
    stored = {
        "institution.phone": "+49 211 4469596 ext. 12",
        "facharzt.contact_phone": "+49 2131 123456 ext. 7",
    }
    shown = {
        "institution.phone": "+49 211 4469596-12",
        "facharzt.contact_phone": "+49 2131 123456-7",
    }
    assert {path: load(ws).value("lodz", path)["v"] for path in stored} == stored  # type: ignore[index]

    printed = tmp_path / "Register.pdf"
    run("register", "print", *w, "-o", str(printed))
    with pdfplumber.open(printed) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert all(number in text for number in shown.values()) and "ext." not in text

    assert shown["institution.phone"] in run("register", "find", "0211 4469596", *w)
    history = run("register", "history", "lodz", *w)
    assert all(number in history for number in shown.values()) and "ext." not in history

    def exported(*args: str) -> str:
        out = tmp_path / f"export{len(args)}.csv"
        run("register", "export", *w, "--format", "csv", "-o", str(out), *args)
        return out.read_text("utf-8-sig")

    people = exported("--labels")
    assert all(number in people for number in shown.values()) and "ext." not in people
    english = exported("--labels", "--lang", "en")  # English writes the extension so
    assert all(number in english for number in stored.values())
    data = exported()  # the data as stored, for programs
    assert all(number in data for number in stored.values())
    sheet = tmp_path / "Register.xlsx"
    run("register", "export", *w, "--format", "xlsx", "--labels", "-o", str(sheet))
    cells = {
        c.value
        for ws_ in openpyxl.load_workbook(sheet).worksheets
        for r in ws_.iter_rows()
        for c in r
    }
    assert set(shown.values()) <= cells and not set(stored.values()) & cells

    form = tmp_path / "Formular.pdf"
    run("generate", "pdf", "--institution", "lodz", *w, "--out", str(form))
    fields = PdfReader(form).get_fields() or {}
    assert {path: fields[path].get("/V") for path in shown} == shown
    word = tmp_path / "Formular.docx"
    run("generate", "docx", "--institution", "lodz", *w, "--out", str(word))
    with zipfile.ZipFile(word) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert all(f">{number}<" in body for number in shown.values()) and "ext." not in body

    again = tmp_path / "Nochmal.pdf"  # sent back as the form showed it, typed again
    again.write_bytes(pdfium_fill(form.read_bytes(), shown))
    (out,) = ingest_into_register([again], ws).outcomes
    assert out.merged == "confirmed, lodz" and not load(ws).conflicts(), out  # no change
    run("register", "rebuild", *w)
    assert {path: load(ws).value("lodz", path)["v"] for path in stored} == stored  # type: ignore[index]


def test_a_durchwahl_after_a_mobile_number_is_kept_as_typed_and_flagged(tmp_path: Path) -> None:
    """A mobile number has no Durchwahl: „0171 1234567-0“ is a landline's „-0“ written on by
    habit, or the number's last digit after a hyphen (0171 12345670) — two numbers, so neither
    is read. Kept as typed, flagged; the next form shows it as typed. A register that stored it
    valid before (``+49 171 1234567-0``) takes it back, sent as the form showed it, as no change."""
    ws = make_workspace(tmp_path / "ws")
    w = ("-w", str(ws.root))
    run("mail", str(RECIPIENTS), *w, "--drafts", str(tmp_path / "d"))
    returned = tmp_path / "Rückmeldung Łódź.pdf"
    typed = {"institution.phone": "0211 12345-0", "facharzt.contact_phone": "0171 1234567-0"}
    returned.write_bytes(pdfium_fill(mailed_form(ws, "lodz").read_bytes(), typed))
    (out,) = ingest_into_register([returned], ws).outcomes
    assert (
        "facharzt.contact_phone: '0171 1234567-0' is a mobile number with an extension, which "
        "mobile numbers do not have; write the number as it is dialled, e.g. 0171 1234567"
    ) in out.warnings
    kept = load(ws).value("lodz", "facharzt.contact_phone")
    assert kept is not None and (kept["v"], kept["raw"]) == (None, "0171 1234567-0")
    assert load(ws).value("lodz", "institution.phone")["v"] == "+49 211 12345-0"  # type: ignore[index]
    form = tmp_path / "Formular.pdf"
    run("generate", "pdf", "--institution", "lodz", *w, "--out", str(form))
    fields = PdfReader(form).get_fields() or {}
    assert fields["facharzt.contact_phone"].get("/V") == "0171 1234567-0"

    # as an earlier formgen stored it: valid, with the Durchwahl
    journal = ws.root / "journal.jsonl"
    before = journal.read_text("utf-8")
    stored = '"problem_key": "phone_mobile_extension"'
    assert stored in before
    ops = [json.loads(line) for line in before.splitlines()]
    for op in ops:
        for e in op.get("submission", {}).get("entries", []):
            phone = e.get("entry", {}).get("contact_phone")
            if phone is not None:
                e["entry"]["contact_phone"] = {"v": "+49 171 1234567-0", "raw": phone["raw"]}
    journal.write_text("".join(json.dumps(op, ensure_ascii=False) + "\n" for op in ops), "utf-8")
    run("register", "rebuild", *w)
    assert load(ws).value("lodz", "facharzt.contact_phone")["v"] == "+49 171 1234567-0"  # type: ignore[index]
    run("generate", "pdf", "--institution", "lodz", *w, "--out", str(form))
    again = tmp_path / "Nochmal.pdf"  # the same number typed again, as the institution writes it
    again.write_bytes(pdfium_fill(form.read_bytes(), {"facharzt.contact_phone": "0171/1234567-0"}))
    (out,) = ingest_into_register([again], ws).outcomes
    assert out.merged == "confirmed, lodz" and not load(ws).conflicts(), out  # no change
    assert load(ws).value("lodz", "facharzt.contact_phone")["v"] == "+49 171 1234567-0"  # type: ignore[index]


def test_a_postcode_flagged_before_is_read_valid_when_the_institution_sends_it_again(
    tmp_path: Path,
) -> None:
    """„DE-40212“, flagged by an earlier formgen (no five digits), is read as 40212 today. Sent
    again by the institution, the register kept it flagged, the same text (only 'register
    rebuild --reread' cleared it): now the valid reading replaces the flagged one, the text as
    typed unchanged, and a rebuild gives the same."""
    ws = make_workspace(tmp_path / "ws")
    w = ("-w", str(ws.root))
    run("mail", str(RECIPIENTS), *w, "--drafts", str(tmp_path / "d"))
    returned = tmp_path / "Rückmeldung Łódź.pdf"
    typed = {"institution.postcode": "DE-40212", "institution.street": "Piotrkowska 1"}
    returned.write_bytes(pdfium_fill(mailed_form(ws, "lodz").read_bytes(), typed))
    ingest_into_register([returned], ws)
    # as an earlier formgen stored it: flagged
    journal = ws.root / "journal.jsonl"
    ops = [json.loads(line) for line in journal.read_text("utf-8").splitlines()]
    for op in ops:
        for e in op.get("submission", {}).get("entries", []):
            if "postcode" in e.get("institution", {}):
                e["institution"]["postcode"] = {
                    "v": None,
                    "raw": "DE-40212",
                    "problem": "'DE-40212': a postcode has five digits",
                }
    journal.write_text("".join(json.dumps(op, ensure_ascii=False) + "\n" for op in ops), "utf-8")
    run("register", "rebuild", *w)
    assert load(ws).value("lodz", "institution.postcode")["v"] is None  # type: ignore[index]

    form = tmp_path / "Formular.pdf"
    run("generate", "pdf", "--institution", "lodz", *w, "--out", str(form))
    assert PdfReader(form).get_fields()["institution.postcode"].get("/V") == "DE-40212"  # type: ignore[index]
    again = tmp_path / "Nochmal Łódź.pdf"  # the same postcode typed again, a street corrected
    typed = {"institution.postcode": "DE-40212", "institution.street": "Piotrkowska 2"}
    again.write_bytes(pdfium_fill(form.read_bytes(), typed))
    ingest_into_register([again], ws)
    now = load(ws).value("lodz", "institution.postcode")
    assert now is not None and "problem" not in now
    assert (now["v"], now["raw"]) == ("40212", "DE-40212")
    assert not load(ws).conflicts()
    history = run("register", "history", "lodz", *w)
    flag = "[ungültig: 'DE-40212': a postcode has five digits]"
    assert history.endswith(f"    PLZ: DE-40212  {flag} → 40212\n"), history
    rebuilt = ws.register_path.read_bytes()
    run("register", "rebuild", *w)
    assert ws.register_path.read_bytes() == rebuilt


def test_turkish_and_polish_letters_pdfium_writes_in_pdfdocencoding_are_stored_as_typed(
    tmp_path: Path,
) -> None:
    """Found by the s20 form test (L, item 1): PDFium writes a value PDFDocEncoding holds in it,
    without a byte order mark, and Ç ı (C7 9A), Ó Ł (D3 95), Ø Ł (D8 95) are also UTF-8 for
    one rare letter or mark: „Çıtak GmbH“ was stored as „ǚtak GmbH“, the initials „ØŁ“ as
    „ؕ“, status ok, no warning."""
    ws = make_workspace(tmp_path / "ws")
    run("mail", str(RECIPIENTS), "-w", str(ws.root), "--drafts", str(tmp_path / "d"))
    typed = {
        "institution.name": "Praxis WÓŁKA",
        "institution.traeger": "Çıtak GmbH",
        "facharzt.contact_name": "Çınar Çıtak",
        "facharzt.initials": "ØŁ",
        "institution.city": "Köln",
        "facharzt.contact_role": "Ärztin für Psychiatrie (Türkçe, Русский, فارسی)",
    }
    returned = tmp_path / "Rückmeldung.pdf"
    returned.write_bytes(pdfium_fill(mailed_form(ws, "lodz").read_bytes(), typed))
    with pikepdf.open(returned) as pdf:
        fields = pdf.Root.AcroForm.Fields
        for part in ("institution", "traeger"):
            (field,) = (f for f in fields if str(f.T) == part)
            fields = field.get("/Kids", [])
        assert bytes(field.V) == b"\xc7\x9atak GmbH"  # PDFDocEncoding, without a mark
    ingest_into_register([returned], ws)
    reg = load(ws)
    assert {path: reg.value("lodz", path)["v"] for path in typed} == typed  # type: ignore[index]
