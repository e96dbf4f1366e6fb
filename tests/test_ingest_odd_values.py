"""A returned PDF whose fields hold values no filler writes (a number, a dictionary, damaged
UTF-16) or whose field list is junk, ingested with ``formgen ingest`` beside a good return: what
can be read is read, what cannot is said — never as a field left empty — and nothing the
register holds is lost."""

from __future__ import annotations

import base64
import io
import json
import warnings
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner, Result
from ingest_support import SAMPLES, sample_workspace
from pikepdf import Array, Dictionary, Name, String

from formgen.cli import main

FORM = SAMPLES / "pdf" / "institution_pdfjs.pdf"
"""Form FG-84G7Z-WYRD6 of inst-0001 as pdf.js saved it (name, postcode … filled in)."""
GOOD = SAMPLES / "pdf" / "checklist_pdftk.pdf"
"""Another form, a good one, in the same batch."""
NAME = "Psychosoziales Zentrum Düsseldorf"
NAME_REQUIRED = "Pflichtfeld „Name der Einrichtung“ ist nicht ausgefüllt"
UNREADABLE = "der Wert ist in einer Form gespeichert, die formgen nicht entschlüsseln kann"


def _leaf(pdf: pikepdf.Pdf, path: str) -> pikepdf.Object:
    """The field ``institution.name`` of the form's field tree."""
    node: pikepdf.Object = pdf.Root.AcroForm
    for part in path.split("."):
        node = next(k for k in node.get("/Fields", node.get("/Kids")) if str(k.T) == part)
    return node


def _edited(tmp_path: Path, name: str, edit: Callable[[pikepdf.Pdf], None]) -> Path:
    with pikepdf.open(FORM) as pdf, warnings.catch_warnings():
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)  # widgets /Fields lost
        edit(pdf)
        buf = io.BytesIO()
        pdf.save(buf)
    path = tmp_path / name
    path.write_bytes(buf.getvalue())
    return path


def _with_values(tmp_path: Path, make: Callable[[pikepdf.Pdf], object]) -> Path:
    """The form with ``make(pdf)`` as the stored /V of name and postcode."""

    def edit(pdf: pikepdf.Pdf) -> None:
        for path in ("institution.name", "institution.postcode"):
            _leaf(pdf, path).V = make(pdf)

    return _edited(tmp_path, "rueckmeldung.pdf", edit)


def _ingest(ws: Path, *paths: Path) -> Result:
    args = ["ingest", *map(str, paths), "-w", str(ws), "--jobs", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result


def _institution(ws: Path) -> dict[str, str]:
    register = json.loads((ws / "register.json").read_text("utf-8"))
    fields = register["institutions"]["inst-0001"]["institution"]
    return {k: v["raw"] for k, v in fields.items()}


@pytest.mark.parametrize(
    "make",
    [
        lambda pdf: Dictionary(A=1),
        lambda pdf: Array([Array([Array([1])])]),
        lambda pdf: True,
        lambda pdf: pikepdf.Stream(pdf, b"x", Filter=Name.DCTDecode),
    ],
    ids=["dictionary", "nested-array", "boolean", "stream-dct"],
)
def test_a_value_formgen_cannot_read_is_said_and_keeps_the_register_value(
    tmp_path: Path, make: Callable[[pikepdf.Pdf], object]
) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    _ingest(ws, FORM)
    assert _institution(ws)["postcode"] == "40211" and _institution(ws)["name"] == NAME

    result = _ingest(ws, _with_values(tmp_path, make), GOOD)
    lines = result.output.splitlines()
    # the fields by their labels; --json keeps their ids
    assert f"    Einrichtung › Name der Einrichtung: {UNREADABLE}; nicht übernommen" in lines
    assert f"    Einrichtung › PLZ: {UNREADABLE}; nicht übernommen" in lines
    assert NAME_REQUIRED not in result.output  # a viewer shows a value there
    assert any("rueckmeldung.pdf" in x and "mit Hinweisen übernommen" in x for x in lines)
    assert any("checklist_pdftk.pdf" in x and "neu aufgenommen" in x for x in lines)
    kept = _institution(ws)
    assert kept["name"] == NAME and kept["postcode"] == "40211"


def test_a_value_stored_as_a_number_is_read_as_a_viewer_shows_it(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    result = _ingest(ws, _with_values(tmp_path, lambda pdf: 40211), GOOD)
    said = "der Wert ist als Zahl gespeichert, nicht als Text; übernommen, wie ein PDF-Programm"
    assert f"    Einrichtung › PLZ: {said} ihn zeigt: 40211" in result.output.splitlines()
    assert NAME_REQUIRED not in result.output
    assert _institution(ws)["postcode"] == "40211" and _institution(ws)["name"] == "40211"


def test_a_real_number_keeps_its_digits(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    result = _ingest(ws, _with_values(tmp_path, lambda pdf: pikepdf.Object.parse(b"402.10")))
    assert "ihn zeigt: 402.10" in result.output
    assert _institution(ws)["name"] == "402.10"


def test_damaged_utf16_is_kept_as_far_as_it_decodes_and_said(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    broken = String(b"\xfe\xff\x00\xc7\xd8\x00\x00i")  # "Ç", a lone surrogate, "i"
    result = _ingest(ws, _with_values(tmp_path, lambda pdf: broken), GOOD)
    assert (
        "    Einrichtung › Name der Einrichtung: der gespeicherte Text ist beschädigt (Zeichen, "
        "die sich nicht entschlüsseln lassen); übernommen wurde, was sich lesen ließ: „Ç\ufffdi“ "
        "– bitte mit dem Original vergleichen"
    ) in result.output.splitlines()
    assert _institution(ws)["name"] == "Ç\ufffdi"
    json_run = CliRunner().invoke(
        main, ["ingest", str(tmp_path / "rueckmeldung.pdf"), "-w", str(ws), "--json", "--dry-run"]
    )
    assert "institution.name: the stored text is damaged" in json_run.output


def test_a_junk_field_list_falls_back_to_the_fields_on_the_pages(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    junk = _edited(
        tmp_path,
        "junk.pdf",
        lambda pdf: setattr(pdf.Root.AcroForm, "Fields", Array([1, 2, Name.X, pdf.Root])),
    )
    result = _ingest(ws, junk, GOOD)
    assert "die Werte wurden aus den Feldern auf seinen Seiten gelesen" in result.output
    assert "Pflichtfeld" not in result.output.split("checklist_pdftk.pdf")[0]
    assert _institution(ws)["name"] == NAME and _institution(ws)["postcode"] == "40211"


def _leaves(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    out, stack = [], list(pdf.Root.AcroForm.Fields)
    while stack:
        node = stack.pop()
        kids = node.get("/Kids")
        if kids is not None and all("/T" in k for k in kids):
            stack.extend(kids)
        else:
            out.append(node)
    return out


def _no_type(pdf: pikepdf.Pdf) -> None:
    for leaf in _leaves(pdf):
        if "/FT" in leaf:
            del leaf["/FT"]


def _signatures(pdf: pikepdf.Pdf) -> None:
    for leaf in _leaves(pdf):
        leaf.FT = Name.Sig


def _no_names(pdf: pikepdf.Pdf) -> None:
    for leaf in _leaves(pdf):
        del leaf["/T"]


@pytest.mark.parametrize(
    "edit", [_no_type, _signatures, _no_names], ids=["no-type", "signatures", "no-names"]
)
def test_fields_that_lost_their_type_or_name_are_said_and_kept_aside(
    tmp_path: Path, edit: Callable[[pikepdf.Pdf], None]
) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    edited = _edited(tmp_path, "bearbeitet.pdf", edit)
    result = _ingest(ws, edited, GOOD)
    lines = result.output.splitlines()
    (kept,) = [x for x in lines if "bearbeitet.pdf" in x]
    assert kept.endswith(  # the form itself came back: no copy to look for
        "bearbeitet.pdf: Formular FG-84G7Z-WYRD6 kam mit lauter beschädigten Feldern zurück: "
        "keines ließ sich lesen (siehe unten); in der Quarantäne beiseitegelegt, nicht "
        "übernommen — die Datei öffnen: zeigt ein PDF-Programm die Werte noch, sie von Hand "
        "eintragen; sonst die Einrichtung bitten, ihr Formular noch einmal auszufüllen"
    )
    assert kept.startswith("Quarantäne") and "Kopie" not in kept
    assert (
        "    die Felder des Formulars ließen sich nicht lesen: keines hat den Typ (Text, "
        "Kästchen, Auswahl) oder den Namen, den formgen ihm gab (ein Programm, das das PDF "
        "bearbeitet hat, hat sie beschädigt)"
    ) in lines
    assert "Pflichtfeld" not in result.output.split("checklist_pdftk.pdf")[0]
    register = json.loads((ws / "register.json").read_text("utf-8"))
    assert "inst-0001" not in register["institutions"]  # not merged as an empty return
    assert any("checklist_pdftk.pdf" in x and "neu aufgenommen" in x for x in lines)
    status = CliRunner().invoke(main, ["status", "-w", str(ws)]).output
    assert "Quarantäne: 1 Datei beiseitegelegt (1 Formular mit beschädigten Feldern)" in status
    listed = CliRunner().invoke(main, ["quarantine", "-w", str(ws)]).output
    assert "  Formular mit beschädigten Feldern  bearbeitet.pdf, eingegangen " in listed
    (copy,) = (ws / "quarantine").glob("*.pdf")  # kept whole, to be looked at
    assert copy.read_bytes() == edited.read_bytes()


def test_qpdf_english_stays_out_of_the_german_report_and_is_kept_in_json(
    tmp_path: Path,
) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    data = FORM.read_bytes()
    repaired = tmp_path / "repariert.pdf"  # a wrong offset of the cross-reference table
    repaired.write_bytes(data[: data.rindex(b"startxref")] + b"startxref\n999999\n%%EOF\n")
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n")
    result = _ingest(ws, repaired, broken, GOOD)
    lines = result.output.splitlines()
    assert (
        "    das PDF war beschädigt und wurde beim Lesen repariert (die englische Meldung des "
        "PDF-Lesers und 3 weitere zeigt --json)"
    ) in lines
    (unread,) = [x for x in lines if "kaputt.pdf" in x]
    assert unread.endswith(
        "kaputt.pdf: das PDF ist beschädigt und ließ sich nicht reparieren (die englische "
        "Meldung des PDF-Lesers zeigt --json) – den Absender bitten, das Formular neu zu "
        "speichern und noch einmal zu schicken"
    )
    assert "file is damaged" not in result.output and "trailer" not in result.output
    assert _institution(ws)["name"] == NAME  # the repaired copy was read and merged
    args = ["ingest", str(repaired), str(broken), "-w", str(ws), "--json", "--dry-run"]
    report = json.loads(CliRunner().invoke(main, args).output)
    told = json.dumps(report)
    assert "the PDF was damaged and repaired on reading: file is damaged" in told
    assert "could not be repaired (unable to find trailer dictionary" in told


def test_an_attachment_named_by_a_path_or_an_unknown_charset_is_shown_by_its_name(
    tmp_path: Path,
) -> None:
    """``filename=../../../etc/passwd.pdf`` unquoted (Python's parser cuts it to ``..``) and an
    RFC 2231 name in a charset Python does not know (it showed "��rzte.pdf")."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    body = base64.encodebytes(FORM.read_bytes()).decode("ascii")
    good = base64.encodebytes(GOOD.read_bytes()).decode("ascii")
    parts = [
        ("filename=../../../etc/passwd.pdf", body),
        ("filename*=x-unknown''%C4rzte%20Jos%E9.pdf", good),
    ]
    mail = "From: a@example.org\nSubject: Antwort\nMIME-Version: 1.0\n"
    mail += 'Content-Type: multipart/mixed; boundary="B"\n\n'
    for disposition, data in parts:
        mail += "--B\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
        mail += f"Content-Disposition: attachment; {disposition}\n\n{data}"
    (tmp_path / "post.eml").write_text(mail + "--B--\n", "ascii")
    lines = _ingest(ws, tmp_path / "post.eml").output.splitlines()
    assert any(x.startswith("Hinweise") and "post.eml#1/1 passwd.pdf: " in x for x in lines)
    assert any("post.eml#1/2 Ärzte José.pdf: " in x and "neu aufgenommen" in x for x in lines)


OUTLOOK_NAME = "Απάντηση Θεσσαλονίκη.pdf"
OUTLOOK_WORDS = (
    "=?utf-8?B?zpHPgM6szr3PhM63z4POtyDOmM61z4M=?=\n =?utf-8?B?z4POsc67zr/Ovc6vzrrOty5wZGY=?="
)
"""OUTLOOK_NAME as Outlook names an attachment: RFC 2047 encoded words inside the quotes, one
of them with a „/“ in its base64."""


def test_a_name_in_encoded_words_as_outlook_writes_it_is_shown_and_kept_decoded(
    tmp_path: Path,
) -> None:
    """A ``/`` in the base64 of ``filename="=?utf-8?B?…?="`` made ingest read the header as
    written and show the encoded words, cut at the ``/``: „post.eml#1/1 Ovc6vzrrOty5wZGY=?=“,
    in the report and in the register's record of where the return came from."""
    ws = tmp_path / "ws"
    sample_workspace(ws)
    assert "/" in OUTLOOK_WORDS
    body = base64.encodebytes(FORM.read_bytes()).decode("ascii")
    mail = (
        "From: =?utf-8?B?zpHOvc6xz4PPhM6xz4POr86x?= <info@example.gr>\nSubject: Antwort\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n--B\n'
        f'Content-Type: application/pdf;\n\tname="{OUTLOOK_WORDS}"\n'
        f'Content-Disposition: attachment;\n\tfilename="{OUTLOOK_WORDS}"; size={len(body)};\n'
        '\tcreation-date="Tue, 24 Nov 2026 09:12:03 GMT";\n'
        '\tmodification-date="Tue, 24 Nov 2026 09:12:03 GMT"\n'
        f"Content-Transfer-Encoding: base64\n\n{body}--B--\n"
    )
    (tmp_path / "post.eml").write_text(mail, "ascii")
    lines = _ingest(ws, tmp_path / "post.eml").output.splitlines()
    (line,) = [x for x in lines if "post.eml#1/1" in x]
    assert f"post.eml#1/1 {OUTLOOK_NAME}: Formular FG-84G7Z-WYRD6" in line
    sources = json.loads((ws / "register.json").read_text("utf-8"))["sources"].values()
    (source,) = [s for s in sources if str(s.get("container", "")).endswith("post.eml#1/1")]
    assert source["file_name"] == OUTLOOK_NAME


def test_copies_of_one_attachment_in_one_mail_are_one_line_and_each_in_json(
    tmp_path: Path,
) -> None:
    ws = tmp_path / "ws"
    sample_workspace(ws)
    mail = EmailMessage()
    mail["From"], mail["Subject"] = "a@example.org", "Antwort"
    mail.set_content("Anbei")
    for i in range(200):
        mail.add_attachment(b"tiny", "application", "octet-stream", filename=f"a{i}.bin")
    mail.add_attachment(GOOD.read_bytes(), "application", "pdf", filename="bogen.pdf")
    (tmp_path / "viele.eml").write_bytes(bytes(mail))
    lines = _ingest(ws, tmp_path / "viele.eml").output.splitlines()
    (copies,) = [x for x in lines if x.startswith("doppelt")]
    assert copies.endswith(
        "viele.eml#1/2 … "
        f"{tmp_path}/viele.eml#1/200: 199 Anhänge mit dem Inhalt eines Anhangs vor ihnen; jeder "
        "Inhalt nur einmal bearbeitet (--json listet sie)"
    )
    assert any("viele.eml#1/201 bogen.pdf" in x and "neu aufgenommen" in x for x in lines)
    args = ["ingest", str(tmp_path / "viele.eml"), "-w", str(ws), "--json", "--dry-run"]
    files = json.loads(CliRunner().invoke(main, args).output)["files"]
    assert len(files) == 202  # the mail and each of its attachments
