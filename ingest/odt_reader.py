"""Read the Word form saved as OpenDocument text (.odt), as LibreOffice users often return it.

LibreOffice opens formgen's DOCX and, on "Save as" with its default format, writes an ODT. The
form's identity survives as user-defined document properties (``meta.xml``, the same
``formgen.*`` names and signature as in the DOCX), and its tables keep every row, label and
value; LibreOffice 7.4 turns the text controls into input fields and keeps the checkboxes, date
and drop-down controls as ``loext:content-control``; LibreOffice 25.2 keeps every control with
its tag. When every field of the form has its tagged control, the values are read from the
controls like the DOCX reader's (confidence high); otherwise from the tables' text, row by row
(:mod:`ingest.form_rows`), and the submission is flagged for review like every copy read
without its controls.

The archive gets the DOCX reader's checks (zip bomb, declared sizes, XML without DOCTYPE or
entities) before anything is parsed. An ODT whose ``mimetype`` entry was lost (packed again by
an archiver) is read all the same when its manifest names it a text.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from typing import IO

from lxml import etree

from formgen.docx_form import form_plan
from formgen.docx_xml import CHECKBOX, DATE, DROPDOWN, Control, Item
from formgen.errors import FormgenError, NotADocxError, NotOurFormError
from formgen.identity import FIELD_PREFIX, FormIdentity
from formgen.linebreak import newlines
from formgen.messages import Said
from formgen.model import Schema
from ingest.docx_reader import (
    ZipPackage,
    by_tag,
    open_zip,
    read_all,
    refused,
    slot_index,
    values_by_tag,
)
from ingest.form_rows import values_from_rows
from ingest.submission import Provenance, RawSubmission, RawValue

READER = "odt"
ODT_MIME = b"application/vnd.oasis.opendocument.text"

MANIFEST = "META-INF/manifest.xml"
_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
_CONTROL, _LIST_ITEM = f"{{{_LOEXT}}}content-control", f"{{{_LOEXT}}}list-item"
_ROW, _CELL = f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell"
_PARAGRAPHS = (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h")
_SPACE, _TAB, _BREAK = f"{{{_TEXT}}}s", f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"
_NOT_SHOWN = frozenset(
    {
        f"{{{_OFFICE}}}annotation",  # a comment in the margin
        f"{{{_OFFICE}}}annotation-end",
        f"{{{_TEXT}}}note",  # a footnote's text is not the cell's
        f"{{{_TEXT}}}tracked-changes",
    }
)


def read_odt(
    source: bytes | IO[bytes],
    file_name: str = "<odt>",
    schema: Schema | None = None,
    *,
    sha256: str | None = None,
) -> RawSubmission:
    """Read a returned form saved as ODT; ``schema`` is the workspace's (the form's rows).

    Raises :class:`~formgen.errors.NotADocxError` / ``UnsafeDocxError`` for a damaged or
    hostile archive and :class:`~formgen.errors.NotOurFormError` for an ODT without a formgen
    identity; :class:`~formgen.errors.IdentityError` when the identity is malformed.
    """
    data = read_all(source, file_name)
    pkg = open_zip(data, file_name)
    _refuse_encrypted(pkg)
    mime = pkg.read("mimetype")[:100] if pkg.has("mimetype") else b""
    if not mime.startswith(ODT_MIME):  # lost or wrong ('application/zip'): the manifest says
        mime = _root_type(pkg) or mime
    if not mime.startswith(ODT_MIME) or not pkg.has("content.xml"):
        if not mime:  # no 'mimetype' entry, and no manifest naming the document's type
            raise refused(NotADocxError, file_name, Said("ingest_office_odt_no_mimetype"))
        if mime.startswith(ODT_MIME):
            raise refused(NotADocxError, file_name, Said("ingest_office_odt_no_content"))
        raise refused(NotADocxError, file_name, Said("ingest_office_zip_not_odt"))
    properties, generator, timestamps = _meta(pkg)
    if not any(k.startswith(FIELD_PREFIX + ".") for k in properties):
        raise refused(NotOurFormError, file_name, Said("ingest_office_odt_not_ours"))
    try:
        identity = FormIdentity.from_fields(properties)
    except FormgenError as exc:
        raise exc.named(file_name) from None
    provenance = Provenance(
        file_name=file_name,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        size=len(data),
        reader=READER,
        timestamps=timestamps,
    )
    saved_by = Said("ingest_office_by", program=generator) if generator else ""
    values: dict[str, RawValue] | None = None
    notes: list[str] = []
    if schema is None or (schema.schema_id, schema.schema_version) != (
        identity.schema_id,
        identity.schema_version,
    ):
        notes.append(
            Said(
                "ingest_office_odt_other_schema",
                schema=identity.schema_id,
                version=identity.schema_version,
            )
        )
    else:
        try:
            plan = form_plan(schema, identity.kind, identity.categories, identity.lang)
        except FormgenError as exc:
            notes.append(Said("ingest_office_odt_no_rows", error=str(exc)))
        else:
            content = pkg.xml("content.xml")
            tagged, _ = by_tag(_controls(content))
            slots = slot_index(plan)
            if slots.keys() <= tagged.keys():  # LibreOffice 25.2 keeps every control's tag
                values = values_by_tag(tagged, slots, plan.lang, notes)
                return RawSubmission(identity, values, provenance, "high", (*pkg.notes, *notes))
            values, notes, _ = values_from_rows(list(_rows(content)), plan)
            if values is None:
                why = notes[0] if notes else Said("ingest_office_odt_none_shown")
                notes = [Said("ingest_office_odt_unread", by=saved_by, why=why)]
    if values is None:
        return RawSubmission(identity, {}, provenance, "low", (*pkg.notes, *notes), unread=True)
    notes.append(Said("ingest_office_odt_by_rows", by=saved_by))
    return RawSubmission(identity, values, provenance, "low", (*pkg.notes, *notes))


def _root_type(pkg: ZipPackage) -> bytes:
    """The media type the manifest gives the whole document (its entry for ``/``), ``b""``
    when it gives none: an ODT packed again without its ``mimetype`` entry still says there
    that it is a text."""
    if not pkg.has(MANIFEST):
        return b""
    for entry in pkg.xml(MANIFEST).iter(f"{{{_MANIFEST}}}file-entry"):
        if entry.get(f"{{{_MANIFEST}}}full-path") == "/":
            return entry.get(f"{{{_MANIFEST}}}media-type", "").encode("utf-8")
    return b""


def _refuse_encrypted(pkg: ZipPackage) -> None:
    """Raise :class:`NotADocxError` for an ODT saved by LibreOffice with a password (the
    manifest says how each part is encrypted; parts encrypted in the ZIP archive itself are
    refused when it is opened)."""
    if (
        pkg.has(MANIFEST)
        and pkg.xml(MANIFEST).find(f".//{{{_MANIFEST}}}encryption-data") is not None
    ):
        raise refused(NotADocxError, pkg.name, Said("ingest_office_odt_encrypted"))


def _meta(pkg: ZipPackage) -> tuple[dict[str, str], str, dict[str, str]]:
    """The user-defined document properties (NFC), the program that saved the file, and when
    the document was created and last saved."""
    if not pkg.has("meta.xml"):
        return {}, "", {}
    root = pkg.xml("meta.xml")
    properties = {
        node.get(f"{{{_META}}}name", ""): unicodedata.normalize("NFC", node.text or "")
        for node in root.iter(f"{{{_META}}}user-defined")
    }
    generator = (root.findtext(f".//{{{_META}}}generator") or "").split("$")[0].strip()[:120]
    timestamps = {
        key: text.strip()[:40]
        for key, path in (
            ("created", f".//{{{_META}}}creation-date"),
            ("modified", f".//{{{_DC}}}date"),
        )
        if (text := root.findtext(path))
    }
    return properties, generator, timestamps


def _controls(content: etree._Element) -> Iterator[Control]:
    """The content controls LibreOffice kept (``loext:content-control``), as the DOCX reader
    sees a Word content control."""
    for node in content.iter(_CONTROL):
        attr = {str(k).rpartition("}")[2]: str(v) for k, v in node.attrib.items()}
        if attr.get("checkbox") == "true":
            kind = CHECKBOX
        elif attr.get("dropdown") == "true" or attr.get("combobox") == "true":
            kind = DROPDOWN
        elif attr.get("date") == "true":
            kind = DATE
        else:
            kind = "text"
        items = tuple(
            Item(item.get(f"{{{_LOEXT}}}value") or "", item.get(f"{{{_LOEXT}}}display-text") or "")
            for item in node.iter(_LIST_ITEM)
        )
        yield Control(
            kind,
            attr.get("tag"),
            attr.get("alias"),
            unicodedata.normalize("NFC", _inline(node)),
            showing_placeholder=attr.get("showing-place-holder") == "true",
            checked=attr.get("checked") == "true" if kind == CHECKBOX else None,
            items=items,
            full_date=attr.get("current-date"),
            source="odt",
        )


def _rows(content: etree._Element) -> Iterator[tuple[str, str]]:
    """(label, value) text of every two-cell table row, in document order."""
    for row in content.iter(_ROW):
        cells = [cell for cell in row if cell.tag == _CELL]
        if len(cells) == 2:
            yield cell_text(cells[0]), cell_text(cells[1])


def cell_text(cell: etree._Element) -> str:
    """The text a person sees in a table cell: its paragraphs joined by line breaks, NFC, each
    line break as ``\\n`` (:func:`formgen.linebreak.newlines`)."""
    return newlines(unicodedata.normalize("NFC", "\n".join(_inline(p) for p in _paragraphs(cell))))


def _paragraphs(node: etree._Element) -> Iterator[etree._Element]:
    for child in node:
        if child.tag in _PARAGRAPHS:
            yield child
        elif child.tag not in _NOT_SHOWN:
            yield from _paragraphs(child)  # lists, sections, nested tables


def _inline(node: etree._Element) -> str:
    parts = [node.text or ""]
    for child in node:
        if child.tag == _SPACE:
            count = child.get(f"{{{_TEXT}}}c", "1")
            parts.append(" " * (min(int(count), 1000) if count.isdigit() else 1))
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _BREAK:
            parts.append("\n")
        elif child.tag not in _NOT_SHOWN and isinstance(child.tag, str):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)
