"""Reading the Word form saved as OpenDocument text (.odt) by LibreOffice."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_support import check_word_form_values, sample_workspace

from formgen.errors import UnsafeDocxError
from formgen.messages import in_language
from formgen.schema_load import default_schema
from formgen.workspace import Workspace
from ingest import journal
from ingest.odt_reader import read_odt
from ingest.pipeline import ingest_into_register
from ingest.report import Outcome, Status

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "docx"
SCHEMA = default_schema()
SAMPLE_WORKSPACE = Workspace.open(SAMPLES.parent / "workspace")
ODTS = {
    "lo74-odt-institution.odt": ("institution", "LibreOffice/7.4.7.2"),
    "lo252-odt-checklist.odt": ("checklist", "LibreOffice/25.2.3.2"),
}
"""``lo252-*.docx`` saved as ODT by LibreOffice 7.4 and 25.2 (``save_as_odt.sh``)."""


@pytest.mark.parametrize("name", sorted(ODTS))
def test_every_value_of_the_form_saved_as_odt_comes_back(name: str) -> None:
    kind, saved_by = ODTS[name]
    sub = read_odt((SAMPLES / name).read_bytes(), name, SCHEMA)
    assert sub.identity is not None and sub.identity.verify(SAMPLE_WORKSPACE.secret)
    assert SAMPLE_WORKSPACE.issued()[sub.identity.instance_id] == sub.identity
    assert sub.provenance.reader == "odt" and not sub.unread
    if name.startswith("lo74-"):  # the text controls became input fields: read row by row
        assert sub.confidence == "low"
        assert sub.notes == (
            f"the form saved as OpenDocument text (.odt) by {saved_by}: values were read from "
            "its tables, row by row; check them before relying on them",
        )
    else:  # LibreOffice 25.2 keeps every control with its tag: read like the DOCX
        assert sub.confidence == "high" and sub.notes == ()
    check_word_form_values(sub, kind, lines_joined_by_lo74=name.startswith("lo74-"))


def _rewritten_252(change: Callable[[str], str]) -> bytes:
    """The checklist saved by LibreOffice 25.2 with its content.xml changed."""
    return _rewritten("content.xml", change, SAMPLES / "lo252-odt-checklist.odt")


def test_controls_are_read_by_their_tags_not_by_the_rows_around_them() -> None:
    """A relabelled row stops the reading by rows; the tags do not depend on it."""
    data = _rewritten_252(lambda xml: xml.replace(">Straße und Hausnummer<", ">Anschrift<"))
    sub = read_odt(data, "x.odt", SCHEMA)
    assert sub.confidence == "high" and not sub.unread
    check_word_form_values(sub, "checklist", lines_joined_by_lo74=False)


def test_a_control_that_lost_its_tag_sends_the_form_back_to_the_rows() -> None:
    data = _rewritten_252(lambda xml: xml.replace(' loext:tag="krisendienst.1.name"', "", 1))
    sub = read_odt(data, "x.odt", SCHEMA)
    assert sub.confidence == "low" and sub.notes[-1].endswith("check them before relying on them")
    check_word_form_values(sub, "checklist", lines_joined_by_lo74=False)


def test_a_form_saved_as_odt_is_merged_into_the_register(tmp_path: Path) -> None:
    ws = sample_workspace(tmp_path / "ws")
    before = len(journal.read_journal(ws))
    (outcome,) = ingest_into_register([SAMPLES / "lo74-odt-institution.odt"], ws).outcomes
    assert outcome.status is Status.WARNINGS and outcome.form == "FG-CPX3D-EJZDN"
    assert outcome.reader == "odt" and outcome.merged.startswith("updated, inst-0042")
    assert len(journal.read_journal(ws)) == before + 1


def _rewritten(
    part: str, change: Callable[[str], str], sample: Path = SAMPLES / "lo74-odt-institution.odt"
) -> bytes:
    """A sample (the institution form by default) with one part of its archive changed."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(sample) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info.filename, data)
    return out.getvalue()


def _ingest_bytes(tmp_path: Path, data: bytes) -> tuple[Workspace, int, Outcome]:
    ws = sample_workspace(tmp_path / "ws")
    before = len(journal.read_journal(ws))
    path = tmp_path / "Rückmeldung.odt"
    path.write_bytes(data)
    (outcome,) = ingest_into_register([path], ws).outcomes
    return ws, before, outcome


def test_an_odt_without_a_formgen_identity_is_an_unknown_form(tmp_path: Path) -> None:
    data = _rewritten(
        "meta.xml",
        lambda xml: re.sub(r"<meta:user-defined[^>]*>[^<]*</meta:user-defined>", "", xml),
    )
    ws, before, outcome = _ingest_bytes(tmp_path, data)
    assert outcome.status is Status.QUARANTINED and outcome.quarantine_kind == "unknown-form"
    assert "an OpenDocument text, but not a formgen form" in outcome.reason
    assert len(journal.read_journal(ws)) == before


def test_an_odt_whose_identity_was_edited_is_not_merged(tmp_path: Path) -> None:
    data = _rewritten("meta.xml", lambda xml: xml.replace(">inst-0042<", ">inst-0001<"))
    ws, before, outcome = _ingest_bytes(tmp_path, data)
    assert outcome.status is Status.QUARANTINED and outcome.quarantine_kind == "tampered"
    assert len(journal.read_journal(ws)) == before


def test_an_odt_with_a_row_deleted_is_kept_aside_unread(tmp_path: Path) -> None:
    def drop_row(xml: str) -> str:
        start = xml.rindex("<table:table-row", 0, xml.index(">Straße und Hausnummer<"))
        end = xml.index("</table:table-row>", start) + len("</table:table-row>")
        return xml[:start] + xml[end:]

    ws, before, outcome = _ingest_bytes(tmp_path, _rewritten("content.xml", drop_row))
    assert outcome.status is Status.QUARANTINED and outcome.quarantine_kind == "unread-copy"
    assert outcome.warnings[-1] == (
        "the form saved as OpenDocument text by LibreOffice/7.4.7.2, but its tables show 41 of "
        "the form's 42 rows, or in another order (rows deleted, moved or relabelled): no values "
        "were read — ask the sender to save it as Word document (.docx) and send it again"
    )
    assert in_language(outcome.warnings[-1], "de") == (  # the rows' note said in it too
        "das Formular wurde als OpenDocument-Text gespeichert mit LibreOffice/7.4.7.2, aber seine "
        "Tabellen zeigen 41 der 42 Zeilen des Formulars oder diese in anderer Reihenfolge (Zeilen "
        "gelöscht, verschoben oder umbenannt): keine Werte gelesen — den Absender bitten, es als "
        "Word-Dokument (.docx) zu speichern und erneut zu senden"
    )
    assert len(journal.read_journal(ws)) == before


def test_an_odt_declaring_entities_is_refused_unread() -> None:
    data = _rewritten(
        "content.xml",
        lambda xml: xml.replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
            1,
        ),
    )
    with pytest.raises(UnsafeDocxError, match="declares a DOCTYPE or XML entities"):
        read_odt(data, "x.odt", SCHEMA)


def _ingest_folder(tmp_path: Path, files: dict[str, bytes]) -> list[Outcome]:
    ws = sample_workspace(tmp_path / "ws")
    inbox = tmp_path / "Rückläufe"
    inbox.mkdir()
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    return list(ingest_into_register([inbox], ws).outcomes)


def test_an_odt_saved_with_a_password_is_one_line_saying_so(tmp_path: Path) -> None:
    """LibreOffice's "Save with password" (samples/docx/save_with_password.py) encrypts every
    part but 'mimetype'; it was reported as a damaged file ('meta.xml is not well-formed')."""
    data = (SAMPLES / "lo74-odt-passwort.odt").read_bytes()
    (outcome,) = _ingest_folder(tmp_path, {"Rückmeldung Ольга.odt": data})
    assert outcome.status is Status.UNREADABLE and outcome.kind == "odt"
    assert outcome.reason == (
        "this ODT is protected with a password (encrypted), so its fields cannot be read; ask "
        "the sender to save it again without the password (LibreOffice: File → Save As, untick "
        "'Save with password') and send it again"
    )


def _marked_encrypted(data: bytes, every_part: bool) -> bytes:
    """``data`` (a ZIP archive) with the "encrypted" bit set on its first part ('mimetype'), or on
    every part, in the local headers and the central directory — as a damaged file or one an
    archiver packed with a password has it."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at != -1:
            out[at + offset] |= 0x1
            if not every_part:
                break
            at = out.find(signature, at + 4)
    return bytes(out)


@pytest.mark.parametrize("every_part", [False, True], ids=["mimetype", "every-part"])
def test_an_odt_whose_parts_are_marked_encrypted_is_one_line_not_a_zip_of_its_parts(
    tmp_path: Path, every_part: bool
) -> None:
    """It was read as a ZIP archive: a line for each of its 21 parts (fonts, styles, …)."""
    data = _marked_encrypted((SAMPLES / "lo74-odt-institution.odt").read_bytes(), every_part)
    outcomes = _ingest_folder(tmp_path, {"Formular Łódź.odt": data, "leer.txt": b"x"})
    odt = next(o for o in outcomes if o.name.endswith("Formular Łódź.odt"))
    assert len(outcomes) == 2 and odt.status is Status.UNREADABLE and odt.kind == "odt"
    parts = "parts are encrypted in its ZIP archive ('mimetype' and 20 more)"
    if not every_part:
        parts = "part 'mimetype' is encrypted in its ZIP archive"
    assert odt.reason == (
        f"this file is protected with a password: its {parts}, so its fields cannot be read "
        "(packed with a password by an archiver, or damaged); ask the sender to send the form "
        "again as Word or LibreOffice saved it, without a password"
    )


def test_an_opendocument_file_that_is_not_a_text_is_one_line(tmp_path: Path) -> None:
    """A spreadsheet (an institution's own list) is not a ZIP archive of its parts either."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
        zf.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
        zf.writestr("Thumbnails/thumbnail.png", b"\x89PNG\r\n\x1a\n")
    (outcome,) = _ingest_folder(tmp_path, {"Angebote Düsseldorf.ods": out.getvalue()})
    assert outcome.status is Status.UNSUPPORTED and outcome.kind == "office-zip"
    assert outcome.reason.startswith("an Office file that is not a Word document or text")


def _without(sample: Path, *parts: str) -> bytes:
    """``sample`` packed again without ``parts``, as an archiver that drops ODF's 'mimetype'
    entry (or a damaged copy) leaves it."""
    out = io.BytesIO()
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in parts:
                dst.writestr(info.filename, src.read(info))
    return out.getvalue()


def test_an_odt_packed_again_without_its_mimetype_entry_is_read_as_the_form(
    tmp_path: Path,
) -> None:
    """It was taken for a ZIP archive of returns: a line "not a file type formgen reads" for
    each of its parts, and the form itself was not read. Its manifest still says it is a text."""
    data = _without(SAMPLES / "lo74-odt-institution.odt", "mimetype")
    ws, before, outcome = _ingest_bytes(tmp_path, data)
    assert outcome.kind == "odt" and outcome.reader == "odt"
    assert outcome.form == "FG-CPX3D-EJZDN" and outcome.merged.startswith("updated, inst-0042")
    assert len(journal.read_journal(ws)) == before + 1
    check_word_form_values(
        read_odt(data, "x.odt", SCHEMA), "institution", lines_joined_by_lo74=True
    )


def test_an_opendocument_file_without_mimetype_or_manifest_is_one_clear_line(
    tmp_path: Path,
) -> None:
    data = _without(SAMPLES / "lo74-odt-institution.odt", "mimetype", "META-INF/manifest.xml")
    outcomes = _ingest_folder(tmp_path, {"Rückmeldung Şişli.odt": data})
    (outcome,) = outcomes
    assert outcome.status is Status.UNREADABLE and outcome.kind == "odt"
    assert outcome.reason == (
        "looks like an OpenDocument file, but its 'mimetype' entry is missing and nothing else "
        "in it says it is a text (damaged, or packed again by another program); ask the sender "
        "to open it in LibreOffice, save it again (File → Save As) and send it again"
    )


def test_an_opendocument_file_packed_again_says_what_its_manifest_says(tmp_path: Path) -> None:
    """Without 'mimetype', the manifest names the document's type: a text without its content
    is damaged; a spreadsheet is no form (it is not missing anything)."""
    text = _without(SAMPLES / "lo74-odt-institution.odt", "mimetype", "content.xml")
    sheet = io.BytesIO()
    with zipfile.ZipFile(sheet, "w") as zf:
        zf.writestr("content.xml", "<office:document-content/>")
        zf.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            "</manifest:manifest>",
        )
    damaged, other = _ingest_folder(tmp_path, {"a-Ölçüm.odt": text, "b-Лист.ods": sheet.getvalue()})
    assert damaged.status is Status.UNREADABLE
    assert "without its content (content.xml is missing): damaged" in damaged.reason
    assert "'mimetype'" not in other.reason, other
