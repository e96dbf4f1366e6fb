"""Read a returned AcroForm PDF into a :class:`~ingest.submission.RawSubmission`.

Values come from the field dictionaries (``/V``, inherited down the field hierarchy), never from
page text, under their fully qualified names (``psychotherapie.2.name``), exactly as the
submission contract in :mod:`ingest.submission` describes:

* text fields → ``str``, NFC, line breaks (``\\r\\n``, ``\\r``) turned into ``\\n``;
* a checkbox field with one on-state → ``bool``; the on-state is taken from the widget's own
  appearance states (``/AP /N``), never assumed to be ``/Yes`` (``/On``, ``/1``, ``/Ja``,
  ``/Oui`` all occur);
* a checkbox or radio field whose widgets have several on-states (yes/no/none, a select-one
  group) → the chosen on-state as ``str`` (``"fehlanzeige"``);
* a choice field → its export value (display text is mapped back through ``/Opt``); a list for
  a multi-select list box, else a ``str`` (pdf.js stores a one-element list, others a string);
* ``formgen.*`` hidden fields → the form identity, falling back to ``/Info /FormgenIdentity``.

A PDF whose ``/AcroForm`` lost its list of fields while its pages kept the fields' widgets (a
merging tool copied the pages only) is read from the fields above those widgets
(:func:`page_field_roots`). Where the widgets lost the fields above them too, and with them
their names (pdfunite), the PDF counts as one without fields: the flattened-copy reader matches
each widget to the form's box at its position (:func:`ingest.flat_reader.widget_fields`).

The reader opens files with pikepdf (qpdf): reading all fields of a 625-field form costs it about
13 ms against 180 ms for pypdf, whose cost is parsing every object in Python. qpdf resolves the
newest cross-reference section, so incremental updates (what pdf.js and Acrobat append on
save) are honoured: the latest value wins.

Files from outside are bounded: size, object count, field count and the length of one value
have limits (:class:`ReadLimits`); a file beyond them, or one that is not a PDF, truncated,
damaged beyond repair, password-protected or an XFA form raises
:class:`~formgen.errors.UnreadableFileError` with a reason code and a message saying what to do.
A damaged file that qpdf could repair is read, and the repair is noted. Messages and notes
are :class:`~formgen.messages.Said` (the words ``ingest_pdf_…``): English text, which the report
says in the workspace's language.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import threading
import unicodedata
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

from formgen.errors import IdentityError, UnreadableFileError
from formgen.identity import FIELD_PREFIX, FormIdentity
from formgen.linebreak import newlines
from formgen.messages import Said, SaidJoined
from formgen.pdf_write import as_written
from ingest.sniff import AS_WRITTEN_NOTE
from ingest.submission import ACROFORM_PDF, Provenance, RawSubmission, RawValue, short

READER = ACROFORM_PDF
NO_FIELDS_NOTE = Said("ingest_pdf_no_fields")
"""The note of a PDF without fields: :func:`ingest.flat_reader.read_pdf` then reads it by position."""
FROM_INFO_NOTE = Said("ingest_pdf_identity_from_info")
"""The note of a form whose identity came from ``/Info`` only: a program dropped the identity
fields, or saved some pages of it with its document properties (``qpdf f.pdf --pages . 2``)."""
FIELDS_FROM_PAGES_NOTE = Said("ingest_pdf_fields_from_pages")
"""The note of a PDF whose ``/AcroForm`` lost its fields while its pages kept them (a merge or
optimising tool copied the pages only): :func:`page_field_roots`."""
INFO_KEY = "/FormgenIdentity"
"""The ``/Info`` entry holding the identity as JSON (the same keys as the hidden fields)."""

_IDENTITY_PREFIX = FIELD_PREFIX + "."
_FF_READ_ONLY = 1
_FF_RADIO = 1 << 15
_FF_PUSHBUTTON = 1 << 16
_FF_MULTI_SELECT = 1 << 21
_OFF = "Off"
_FORM_TYPES = ("/Tx", "/Btn", "/Ch")
"""The field types holding what was filled in (:func:`field_values`); a signature is none."""
_EMPTY = Said("ingest_pdf_empty_value")
"""How a note that lists a field's values names an empty one."""


@dataclass(frozen=True)
class ReadLimits:
    """Bounds for one file from outside; beyond them the file is refused or the value left out."""

    max_file_bytes: int = 64 * 1024 * 1024
    """A full checklist with embedded fonts is a few MB; a return 64 MB large is not a form."""
    max_objects: int = 500_000
    """Objects the cross-reference table may declare (a full checklist has about 30,000)."""
    max_fields: int = 20_000
    """Field dictionaries walked (a full checklist of every category has about 6,000)."""
    max_value_chars: int = 100_000
    """One value longer than this is left out and reported (about 40 typed pages)."""
    max_depth: int = 32
    """Nesting of the field hierarchy (formgen's forms use 4 levels)."""
    max_pages: int = 300
    """Pages read by position from a flattened copy (a full checklist has about 130)."""


DEFAULT_LIMITS = ReadLimits()


def _fail(file_name: str, template: str, **kw: str | int) -> UnreadableFileError:
    """The error for ``template`` (a reason code, or ``too-…``), its message said in the words
    ``ingest_pdf_TEMPLATE`` (:data:`formgen.messages.WORDS`: what is wrong and what the
    coordinator can do); every ``too-…`` template has the reason code ``too-large``."""
    reason = "too-large" if template.startswith("too-") else template
    message = Said("ingest_pdf_" + template.replace("-", "_"), **kw)
    return UnreadableFileError(file_name, reason, message)


# --------------------------------------------------------------------------- public API


def read_acroform(
    source: bytes | BinaryIO,
    file_name: str,
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    sha256: str | None = None,
) -> RawSubmission:
    """Read a returned AcroForm PDF (bytes or a binary file object).

    ``file_name`` is for messages and provenance only (never opened); ``sha256`` is the bytes'
    digest when the caller has computed it already (else it is computed here). Raises
    :class:`~formgen.errors.UnreadableFileError` for a file that cannot be read as a form and
    :class:`~formgen.errors.IdentityError` when the form's identity is present but malformed.
    A PDF without any form fields gives a submission without values and identity ``None``
    (unless ``/Info`` carries one), with a note: a flattened or printed copy, or not our form.
    """
    data = read_bounded(source, file_name, limits)
    check_header(data, file_name)
    check_end_marker(data, file_name)
    notes: list[str] = []
    with open_pdf(data, file_name) as pdf:
        check_object_count(pdf, file_name, limits)
        notes += repair_notes(pdf)
        acroform = pdf.Root.get("/AcroForm")
        check_xfa(acroform, file_name)
        roots = acroform.get("/Fields") if isinstance(acroform, Dictionary) else None
        lost: list[str] = []
        fields = list(walk_fields(roots, file_name, limits, lost))
        from_pages = not any(node.name for node in fields)  # none, or junk ([1 2 /X])
        if from_pages:
            on_pages = page_field_roots(pdf, file_name, limits)
            fields = list(walk_fields(on_pages, file_name, limits, lost))
        values, hidden, value_notes, illegible = field_values(fields, limits)
        if from_pages and fields:
            if hidden:
                value_notes.append(FIELDS_FROM_PAGES_NOTE)
            else:  # the fields lost their parents, and with them their names (pdfunite)
                fields, values, value_notes, illegible = [], {}, [], []
        notes += value_notes
        damaged = damaged_fields(pdf, fields, lost, notes)
        info = info_strings(pdf)
    identity, identity_notes = read_identity(hidden, info.get(INFO_KEY), file_name)
    notes += identity_notes
    if identity is not None and as_written(data):
        notes.append(AS_WRITTEN_NOTE)
    if not fields:
        notes.append(NO_FIELDS_NOTE)
    unread = bool(fields) and not any(node.ft in _FORM_TYPES and node.name for node in fields)
    if unread:  # every field without its type or name: nothing in it can be read
        notes.append(Said("ingest_pdf_fields_unreadable"))
    return RawSubmission(
        identity=identity,
        values=values,
        provenance=provenance(data, file_name, info, sha256),
        confidence="high",
        notes=tuple(notes),
        unread=unread,
        illegible=tuple(illegible),
        damaged=damaged,
    )


def read_acroform_file(path: str, *, limits: ReadLimits = DEFAULT_LIMITS) -> RawSubmission:
    """I/O layer: read the file at ``path`` (its base name goes into the provenance)."""
    with open(path, "rb") as fh:
        return read_acroform(fh, os.path.basename(path), limits=limits)


# --------------------------------------------------------------------------- the file itself


def read_bounded(source: bytes | BinaryIO, file_name: str, limits: ReadLimits) -> bytes:
    """The file's bytes, refusing more than ``limits.max_file_bytes`` without reading them all."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        data = source.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise _fail(file_name, "too-large-file", size=len(data), limit=limits.max_file_bytes)
    return data


def check_header(data: bytes, file_name: str) -> None:
    """A PDF starts with ``%PDF-`` (viewers accept up to 1 KiB of junk before it)."""
    if not data:
        raise _fail(file_name, "empty")
    if b"%PDF-" not in data[:1024]:
        start = data[:16].decode("latin-1")
        raise _fail(file_name, "not-pdf", start=start)


_UPDATE_STARTED = re.compile(rb"[\s\x00]*(?:\d|xref|trailer|startxref)")
"""What follows the last ``%%EOF`` of a file cut inside a later update (pdf.js and Acrobat
append what is saved after the form's end): an object's number, or its cross-reference."""


def check_end_marker(data: bytes, file_name: str) -> None:
    """A complete PDF ends with ``%%EOF`` (within the last KiB): a cut-off file would otherwise
    be "repaired" to an older state, losing the values saved last. Cut within a KiB after an
    earlier revision's ``%%EOF`` (pdf.js's update of what was typed begun, not ended), it holds
    that revision whole and the start of the next: qpdf reads the earlier one, the form as it
    was before (as sent), and says nothing; so the bytes after the last ``%%EOF`` must not
    begin an update. A revision ends in ``startxref``, its cross-reference's offset and
    ``%%EOF``: a last ``%%EOF`` with an earlier revision's ``startxref`` and ``%%EOF`` before it
    and none of its own ends an update cut off and given a ``%%EOF`` by hand; qpdf reads the
    earlier revision, without a word, so the file is damaged (the search goes back from the end:
    a complete file's ``startxref`` is a few bytes before it)."""
    end = data.rfind(b"%%EOF", max(0, len(data) - 1024))
    if end < 0:
        raise _fail(file_name, "truncated", size=len(data))
    if _UPDATE_STARTED.match(data, end + 5):
        after = len(data) - end - 5
        said = Said("ingest_pdf_cut_update", size=len(data), after=after)
        raise UnreadableFileError(file_name, "truncated", said)
    xref = data.rfind(b"startxref", 0, end)
    if xref >= 0 and (earlier := data.find(b"%%EOF", xref, end)) >= 0:
        said = Said("ingest_pdf_update_unended", after=end - earlier - 5)
        raise UnreadableFileError(file_name, "damaged", said)


_MEMORY_FILES = hasattr(os, "memfd_create") and os.path.isdir("/proc/self/fd")


class _MemoryFile(threading.local):
    """One memory file per thread and process, rewritten for each PDF (its pages are reused)."""

    fd = -1
    pid = -1
    busy = False


_memory_file = _MemoryFile()


def _memory_fd(mine: _MemoryFile, shared: bool) -> int:
    """This thread's memory file (made afresh in a forked process), or a new one to nest."""
    if not shared:
        return os.memfd_create("formgen-return", os.MFD_CLOEXEC)
    if mine.pid != os.getpid():
        if mine.fd >= 0:
            os.close(mine.fd)  # this process's copy of the parent's descriptor
            mine.fd = -1
        mine.fd, mine.pid = os.memfd_create("formgen-return", os.MFD_CLOEXEC), os.getpid()
    return mine.fd


@contextmanager
def _qpdf_input(data: bytes) -> Iterator[str | io.BytesIO]:
    """What qpdf should open for ``data``: an in-memory file where the system has them.

    qpdf reads a Python stream through a callback per read, which makes resolving objects
    three to four times slower than reading a file itself; a memory file (Linux ``memfd``)
    holds exactly the bytes that were hashed, so nothing on disk can change under the reader.
    A forked worker makes its own (a copied descriptor would share the parent's file). When
    no memory file can be made (no descriptor or memory left), qpdf reads the stream.
    """
    fd = -1
    if _MEMORY_FILES:
        mine = _memory_file
        shared = not mine.busy
        try:
            fd = _memory_fd(mine, shared)
            os.ftruncate(fd, len(data))
            view, offset = memoryview(data), 0
            while offset < len(view):
                offset += os.pwrite(fd, view[offset:], offset)
        except OSError:
            if fd >= 0 and not shared:
                os.close(fd)
            fd = -1
    if fd < 0:
        yield io.BytesIO(data)
        return
    if shared:
        mine.busy = True
    try:
        yield f"/proc/self/fd/{fd}"
    finally:
        if shared:
            mine.busy = False
        else:
            os.close(fd)


@contextmanager
def open_pdf(data: bytes, file_name: str) -> Iterator[pikepdf.Pdf]:
    """Open with qpdf; password protection and unrepairable damage become clear errors."""
    with _qpdf_input(data) as source:
        try:
            pdf = pikepdf.open(source)
        except pikepdf.PasswordError:
            raise _fail(file_name, "encrypted") from None
        except (pikepdf.PdfError, ValueError, RuntimeError) as exc:
            raise _fail(file_name, "damaged", detail=_qpdf_text(str(exc))) from None
        try:
            yield pdf
        except pikepdf.PdfError as exc:
            raise _fail(file_name, "damaged", detail=_qpdf_text(str(exc))) from None
        finally:
            pdf.close()


def check_object_count(pdf: pikepdf.Pdf, file_name: str, limits: ReadLimits) -> None:
    size = pdf.trailer.get("/Size")
    count = int(size) if isinstance(size, int) else 0
    if count > limits.max_objects:
        raise _fail(file_name, "too-many-objects", count=count, limit=limits.max_objects)


def repair_notes(pdf: pikepdf.Pdf) -> list[str]:
    """qpdf's warnings while opening: the file was damaged but repaired (values still read)."""
    warnings = pdf.get_warnings()
    if not warnings:
        return []
    detail = _qpdf_text(warnings[0])
    if len(warnings) > 1:
        return [Said("ingest_pdf_repaired_more", detail=detail, n=len(warnings) - 1)]
    return [Said("ingest_pdf_repaired", detail=detail)]


_QPDF_OBJECT = re.compile(r"\(object (\d+) (\d+)")
"""How a qpdf warning names the object it concerns (``(object 17 0, offset 162737)``)."""


def damaged_fields(
    pdf: pikepdf.Pdf, fields: list[FieldNode], lost: list[str], notes: list[str]
) -> tuple[str, ...]:
    """The field paths (groups or fields; ``""``: somewhere in the form) whose objects qpdf
    could not read while the fields were read, with a note saying so.

    qpdf reads objects when they are first used and, where one cannot be parsed (a flipped
    byte, an integer beyond 64 bits), warns and takes it as ``null``, or as what it could make
    of it: the field is gone, or holds what was left. ``lost`` holds the groups with such a
    ``null`` among their kids (:func:`walk_fields`); a warning about a field's own object names
    that field. A warning naming no field read puts the whole form in doubt. One call to
    :meth:`pikepdf.Pdf.get_warnings` (which empties qpdf's list) per file, and a lookup of
    the fields' objects only when it warned."""
    late = pdf.get_warnings()
    if not late and not lost:
        return ()
    damaged = list(lost)
    if late:
        by_object = {node.obj.objgen: node.name for node in fields if node.obj.is_indirect}
        for warning in late:
            found = _QPDF_OBJECT.search(warning)
            name = by_object.get((int(found[1]), int(found[2]))) if found else None
            if name is not None:
                damaged.append(name)
        if not damaged:
            damaged.append("")
    detail = _qpdf_text(late[0]) if late else "null among a field's kids"
    notes.append(Said("ingest_pdf_objects_damaged", detail=detail))
    return tuple(dict.fromkeys(damaged))


_QPDF_SOURCE = re.compile(r"(?:stream <[^>]*>|/proc/self/fd/\d+):? ?")
"""How qpdf names what it read: the memory file or stream, which means nothing to a reader."""


def _qpdf_text(message: str) -> str:
    """A qpdf message without the name of the memory file it read (``/proc/self/fd/7: …``)."""
    return short(_QPDF_SOURCE.sub("", message), 160)


def check_xfa(acroform: object, file_name: str) -> None:
    if isinstance(acroform, Dictionary) and "/XFA" in acroform:
        raise _fail(file_name, "xfa")


# --------------------------------------------------------------------------- the field tree


_QPDF_COPY = re.compile(r"\+\d+$")
"""qpdf's suffix to the name of a top-level field it copied under a name taken (``+1``)."""


@dataclass
class FieldNode:
    """One terminal field: fully qualified name, inherited type/flags/value and its widgets."""

    name: str
    ft: str
    flags: int
    value: object
    obj: Dictionary
    widgets: list[Dictionary] = field(default_factory=list)


def walk_fields(
    roots: object, file_name: str, limits: ReadLimits, lost: list[str] | None = None
) -> Iterator[FieldNode]:
    """Every terminal field under ``roots`` (``/AcroForm /Fields``), depth first, in order.

    ``/FT``, ``/Ff`` and ``/V`` are inherited from ancestors (PDF 32000 12.7.3.1). Kids that
    carry no ``/T`` are the field's widgets. A field already descended into is not descended
    into again (reference cycles); the number of field dictionaries and the depth are bounded.
    qpdf's copy of a field tree whose name is taken (``psychotherapie+1``: ``qpdf --empty
    --pages`` copies a category's fields once for each page that shows some of them) carries
    the name of the tree it copies (:func:`field_values` reads it as a second field of it).
    A kid that is no dictionary (``null``: what qpdf makes of an object it cannot parse) is
    skipped, never taken to end its group; the name of its parent (``""`` at the top) goes
    into ``lost``.
    """
    if not isinstance(roots, Array | list):
        return
    if lost is not None and not all(isinstance(r, Dictionary) for r in roots):
        lost.append("")
    descended: set[tuple[int, int]] = set()
    count = 0
    # (node, parent name, inherited /FT, /Ff, /V, depth). Every pikepdf call crosses into C++
    # and asking a dictionary for a key it lacks costs five times a hit, so each node's keys
    # are listed once and only the keys it has are read.
    stack: list[tuple[object, str, object, object, object, int]] = [
        (kid, "", None, None, None, 0) for kid in reversed(list(roots))
    ]
    while stack:
        obj, name, ft, ff, value, depth = stack.pop()
        if not isinstance(obj, Dictionary):
            continue
        count += 1
        if count > limits.max_fields:
            raise _fail(file_name, "too-many-fields", limit=limits.max_fields)
        if depth > limits.max_depth:
            raise _fail(file_name, "too-deep", limit=limits.max_depth)
        keys = obj.keys()
        if "/T" in keys:
            part = str(obj.get("/T"))
            if name:
                name = f"{name}.{part}"
            elif "+" in part:  # a top-level field: qpdf's copy, perhaps
                name = _QPDF_COPY.sub("", part)
            else:
                name = part
        if "/FT" in keys:
            ft = obj.get("/FT")
        if "/Ff" in keys:
            ff = obj.get("/Ff")
        if "/V" in keys:
            value = obj.get("/V")
        kids = obj.get("/Kids") if "/Kids" in keys else None
        if isinstance(kids, Array) and len(kids):
            members = list(kids)
            widgets = [k for k in members if isinstance(k, Dictionary)]
            group = bool(widgets) and "/T" in widgets[0]  # however its kids begin
            if lost is not None and len(widgets) < len(members) and (group or not widgets):
                lost.append(name)  # an object qpdf could not read is null: its field is gone
            if group:
                if obj.is_indirect:
                    if obj.objgen in descended:
                        continue
                    descended.add(obj.objgen)
                stack.extend((k, name, ft, ff, value, depth + 1) for k in reversed(widgets))
                continue
        else:
            widgets = [obj]
        yield FieldNode(
            name=name,
            ft=field_type(ft),
            flags=int(ff) if isinstance(ff, int) else 0,
            value=value,
            obj=obj,
            widgets=widgets,
        )


def page_widgets(pdf: pikepdf.Pdf, file_name: str, limits: ReadLimits) -> list[list[Dictionary]]:
    """The widget annotations of every page (at most ``limits.max_fields`` in all)."""
    pages: list[list[Dictionary]] = []
    count = 0
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        widgets = []
        if isinstance(annots, Array):
            for annot in annots:
                if isinstance(annot, Dictionary) and annot.get("/Subtype") == Name.Widget:
                    count += 1
                    if count > limits.max_fields:
                        raise _fail(file_name, "too-many-fields", limit=limits.max_fields)
                    widgets.append(annot)
        pages.append(widgets)
    return pages


def page_field_roots(pdf: pikepdf.Pdf, file_name: str, limits: ReadLimits) -> list[Dictionary]:
    """The top-most fields above the pages' widgets, each once, in page order: the field tree
    of a PDF whose ``/AcroForm`` (or its ``/Fields``) a merging or optimising tool dropped while
    copying the pages with their widgets. A ``/Parent`` chain that comes back to a field on it
    ends there; one deeper than ``limits.max_depth`` is refused."""
    roots: list[Dictionary] = []
    seen: set[tuple[int, int]] = set()
    for widgets in page_widgets(pdf, file_name, limits):
        for widget in widgets:
            top, chain = widget, {widget.objgen}
            while isinstance(parent := top.get("/Parent"), Dictionary):
                if parent.objgen in chain:
                    break
                if len(chain) > limits.max_depth:
                    raise _fail(file_name, "too-deep", limit=limits.max_depth)
                chain.add(parent.objgen)
                top = parent
            if not top.is_indirect or top.objgen not in seen:
                seen.add(top.objgen)
                roots.append(top)
    return roots


# --------------------------------------------------------------------------- values


def field_values(
    fields: list[FieldNode], limits: ReadLimits
) -> tuple[dict[str, RawValue], dict[str, str], list[str], list[str]]:
    """Values by field path, the hidden identity fields, notes about odd values, and the
    fields holding a value formgen could not take (each named in a note): not left blank.

    Of a name that several fields carry (an extra field named ``institution.name`` beside the
    field ``name`` under ``institution``, or a second ``institution``), the first filled one
    is used, as the Word form's reader uses the first filled of repeated controls; different
    values are noted."""
    values: dict[str, RawValue] = {}
    hidden: dict[str, str] = {}
    notes: list[str] = []
    repeated: dict[str, list[RawValue]] = {}
    blank: set[str] = set()
    illegible: list[str] = []
    for node in fields:
        name = node.name
        if not name:
            continue
        if node.ft == "/Tx":
            value: RawValue | None = text_value(node.value, name, limits, notes, illegible)
        elif node.ft == "/Btn":
            value = button_value(node, notes)
        elif node.ft == "/Ch":
            value = choice_value(node, limits, notes, illegible)
        else:  # signature fields, or fields without a type: nothing a coordinator typed
            continue
        if value is None:
            blank.add(name)
            continue
        if name in values or name in hidden or name in blank:  # seen before: rare
            known = values.get(name, hidden.get(name, ""))
            repeated.setdefault(name, [known]).append(value)
            if known != "":
                continue
        if name.startswith(_IDENTITY_PREFIX):
            hidden[name] = value if isinstance(value, str) else str(value)
        else:
            values[name] = value
    for name, found in repeated.items():
        readings = sorted({str(v) if v != "" else _EMPTY for v in found})
        if len(readings) > 1:
            listed = ", ".join(readings)
            shown = short(listed, 120)  # as typed: said in German only where it is not cut
            told = SaidJoined(readings) if shown == listed else shown
            notes.append(Said("ingest_pdf_repeated", name=name, count=len(found), values=told))
    return values, hidden, notes, list(dict.fromkeys(illegible))


def normalise_text(text: str) -> str:
    """NFC, and every line break as ``\\n`` (:func:`formgen.linebreak.newlines`)."""
    text = newlines(text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def text_value(
    value: object, name: str, limits: ReadLimits, notes: list[str], illegible: list[str]
) -> str | None:
    """A text field's ``/V``: a string, or (rarely) a text stream, a name or a number (a viewer
    shows its digits). A value formgen cannot take — a stream it cannot decode, a dictionary,
    an array, ``true``, one too long — is noted and its field put into ``illegible``: the
    field is not blank, and never said to be."""
    if value is None:
        return None
    if isinstance(value, String):
        text = string_text(value, name, notes)
    elif isinstance(value, Stream):
        decoded = _stream_text(value, limits)
        if decoded is None:
            notes.append(Said("ingest_pdf_undecodable", name=name))
            illegible.append(name)
            return None
        text = decoded
    elif isinstance(value, Name):
        text = _name_text(value)
    elif isinstance(value, int | Decimal) and not isinstance(value, bool):
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
        notes.append(Said("ingest_pdf_number_value", name=name, value=short(text)))
    else:
        notes.append(Said("ingest_pdf_undecodable", name=name))
        illegible.append(name)
        return None
    if len(text) > limits.max_value_chars:
        notes.append(
            Said(
                "ingest_pdf_value_too_long",
                name=name,
                length=len(text),
                limit=limits.max_value_chars,
            )
        )
        illegible.append(name)
        return None
    return normalise_text(text)


def _stream_text(stream: Stream, limits: ReadLimits) -> str | None:
    """A text stream's content, decompressed with a bound (no decompression bombs)."""
    cap = limits.max_value_chars * 4 + 4
    filters = stream.get("/Filter")
    raw = stream.read_raw_bytes()
    if filters is None:
        data = raw[:cap]
    elif filters == Name.FlateDecode or (
        isinstance(filters, Array) and list(filters) == [Name.FlateDecode]
    ):
        try:
            data = zlib.decompressobj().decompress(raw, cap)
        except zlib.error:
            return None
    else:
        return None
    return _decode_pdf_text(data)


_MARKS = {b"\xfe\xff": ("utf-16-be", 2), b"\xff\xfe": ("utf-16-le", 2), b"\xef\xbb": ("utf-8", 3)}
"""The byte order marks of UTF-16 (big and little endian) and UTF-8 (PDF 2.0, ``EF BB BF``)
text strings, by their first two bytes: the codec, and the length of the mark."""
_PDFDOC_OWN = re.compile(rb"[\x18-\x1f\x7f]")
"""The bytes below 0x80 that PDFDocEncoding reads otherwise than ASCII (˘ ˇ ˆ ˙ ˝ ˛ ˚ ˜)."""


def string_text(value: String, name: str = "", notes: list[str] | None = None) -> str:
    """A text string's text: UTF-16 or UTF-8 after their byte order mark, else PDFDocEncoding
    or UTF-8 without a mark, whichever reads as typed (:func:`_unmarked_utf8`).
    Of marked text that is no valid UTF-16 or UTF-8 (a lone surrogate, a byte cut off) what
    can be decoded is kept, and the field ``name`` noted in ``notes``: qpdf leaves such a
    character out unsaid (``<FEFF D800 0041>`` read "A")."""
    data = bytes(value)
    if data.isascii():
        return str(value) if _PDFDOC_OWN.search(data) else data.decode("ascii")
    marked = _marked_text(data)
    if marked is None:
        return _unmarked_utf8(data) or str(value)
    text, damaged = marked
    if damaged and notes is not None:
        notes.append(Said("ingest_pdf_damaged_text", name=name, value=short(text)))
    return text


def _marked_text(data: bytes) -> tuple[str, bool] | None:
    """Text after a byte order mark (:data:`_MARKS`), and whether some of it could not be
    decoded (then shown as "\ufffd"); ``None`` without a mark."""
    codec, start = _MARKS.get(data[:2], ("", 0))
    if not codec or (start == 3 and data[2:3] != b"\xbf"):
        return None
    try:
        return data[start:].decode(codec), False
    except UnicodeDecodeError:
        return data[start:].decode(codec, errors="replace"), True


_USUAL = (
    "\t\n\r\x20-\x7e\xa0\xa7\xab\xb0\xbb\u2013\u2014\u2018-\u201e\u2022\u2026\u20ac\u200c-\u200f"
    "\xc0-\xd6\xd8-\xf6\xf8-\u017f\u018f\u01a0\u01a1\u01af\u01b0\u0218-\u021b\u0259\u1e00-\u1eff"
    "\u0386-\u03ce\u0400-\u045f\u0490-\u04bf\u0531-\u0556\u0561-\u0587\u10a0-\u10ff"
    "\u060c\u061f\u0620-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\u06f0-\u06ff"
)
"""What formgen's users type: ASCII, the no-break space, § « ° » – — ‘ ’ ‚ “ ” „ • … €, the
zero-width (non-)joiner and the marks of direction; the letters of Latin (Latin-1, Latin
Extended-A, Vietnamese, Romanian ș ț, Azerbaijani ə), Greek, Cyrillic (Russian to Serbian,
Ukrainian ґ, Kazakh қ ң ғ ү ұ), Armenian, Georgian, Arabic, Persian, Pashto, Urdu and Kurdish
(with their digits and ، ؟)."""
_ODD = re.compile(f"[^{_USUAL}]")
"""A character outside :data:`_USUAL`: a symbol, a mark, a control, a rare letter."""


def _unmarked_utf8(data: bytes) -> str | None:
    """``data`` (without a byte order mark) as UTF-8 where that reads as typed, else ``None``
    (read it as PDFDocEncoding): where it holds a byte beyond ASCII, is valid UTF-8 and holds no
    more odd characters (:data:`_ODD`) than its PDFDocEncoding reading.

    Both are written: PDFium (Chrome, Edge) writes a value PDFDocEncoding can hold in it, some
    fillers write UTF-8 without the mark the standard asks for. The two readings of valid UTF-8
    differ where a byte C2–F4 is followed by bytes 80–BF: in PDFDocEncoding a capital or an
    accented letter (Â–ß, à–ô) followed by ƒ ﬁ ﬂ Ł Œ Š Ÿ Ž ı ł œ š ž ª µ º, a quote, a dash or a
    symbol. Where the second reads as a symbol ("Ã¶" for "ö") UTF-8 wins. Where both read
    as letters, the table of the two-byte sequences (first byte, its trailing Ł–ž) goes:

    - UTF-8 (a letter people write): Ã (Latin-1 Õ–Þ, "ÃŒ" Ö; but "ÃŠ" ×), Ä Å (Latin
      Extended-A: "Äž" Ğ, "Åž" Ş, "ÄŽ" ę), È Ÿ Ž ı ł (Romanian Ș ș Ț ț), É Ž (ə), Î (Greek
      Ε–Ξ), Ð Ñ Ò (Cyrillic Е–О, ѕ–ў, Kazakh қ), Õ Ł Œ (Armenian Օ Ֆ), Ú and Û Ł (Persian ژ,
      Kurdish ڕ ە);
    - PDFDocEncoding (the UTF-8 reading is a control, a rare letter, a mark or a sign): Â (C1
      controls), Ç (pinyin ǚ for Turkish "Çı"), Ó (Ossetian ӕ for Polish "ÓŁ", and Kazakh Ә
      ә, which a Kazakh word's other letters still read right), Ø (Arabic Quran marks:
      initials "ØŁ"), Æ È É Ê Ë Ì Í Ï Ô Ö Ù Ü Ý Þ ß for the rest (Latin Extended-B, IPA,
      modifiers, combining marks, Cyrillic Supplement, Hebrew, Syriac, Thaana, NKo).

    A longer text decides by all its characters: a Cyrillic or Arabic word's other letters
    read as symbols in PDFDocEncoding ("Ð°" for "а"), and PDFDocEncoding's accented letter
    before a quote or dash ("açı“", „CAFÉ“) reads as a CJK or rare letter in UTF-8."""
    if data.isascii():
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not _ODD.search(text):
        return text
    pdfdoc = data.decode("pdfdoc", errors="replace")
    return text if len(_ODD.findall(text)) <= len(_ODD.findall(pdfdoc)) else None


def _decode_pdf_text(data: bytes) -> str:
    marked = _marked_text(data)
    if marked is not None:
        return marked[0]
    return _unmarked_utf8(data) or data.decode("pdfdoc", errors="replace")


_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _name_text(name: Name | str) -> str:
    """A PDF name, or a dictionary key as pikepdf lists one, as text without the slash;
    ``#xx`` escapes and UTF-8 decoded. A name whose bytes are no UTF-8 (a byte of ``/Yes``
    damaged on the way) is read as Latin-1, so it is compared and told, never a failure."""
    if isinstance(name, str):  # a key: bytes that are no UTF-8 come as lone surrogates
        text = name[1:]
    else:
        try:
            text = str(name)[1:]
        except UnicodeDecodeError:
            text = name.unparse()[1:].decode("ascii")  # as written: such bytes #xx-escaped
    if "#" in text or not text.isascii():
        raw = _NAME_ESCAPE.sub(
            lambda m: bytes([int(m.group(1), 16)]), text.encode("utf-8", "surrogateescape")
        )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    return text


def field_type(ft: object) -> str:
    """A field's ``/FT`` as text (``/Tx``), ``""`` when it is no name. This runs for every
    field of every return: :func:`_name_text` only for a name that needs decoding (``#`` or a
    byte beyond ASCII, one that is no UTF-8 among them), ``str`` for the rest."""
    if not isinstance(ft, Name):
        return ""
    try:
        text = str(ft)
    except UnicodeDecodeError:
        return "/" + _name_text(ft)
    return text if text.isascii() and "#" not in text else "/" + _name_text(ft)


def on_states(widgets: list[Dictionary]) -> list[str]:
    """The "on" appearance states of a button's widgets (every ``/AP /N`` key but ``/Off``)."""
    states: list[str] = []
    for w in widgets:
        ap = w.get("/AP")
        normal = ap.get("/N") if isinstance(ap, Dictionary) else None
        if isinstance(normal, Dictionary):
            for key in normal.keys():  # noqa: SIM118 - pikepdf types iteration as Object, keys() as str
                state = _name_text(key)
                if state != _OFF and state not in states:
                    states.append(state)
    return states


def button_value(node: FieldNode, notes: list[str]) -> RawValue | None:
    """A checkbox → bool; a group of boxes or radio buttons (several on-states) → the chosen one.

    The field's ``/V`` decides. When it says nothing is ticked but a widget shows a ticked box
    (``/AS``) — pdf.js writes only the first changed box's state into a shared parent when a
    choice is changed from one box to another — the ticked box is used and noted.
    """
    if node.flags & _FF_PUSHBUTTON:
        return None
    stored: str | None = None
    if isinstance(node.value, Name):
        stored = _name_text(node.value)
    elif isinstance(node.value, String):  # pypdf writes a radio group's /V as a string
        stored = string_text(node.value).lstrip("/")
    single_widget = len(node.widgets) == 1 and not node.flags & _FF_RADIO
    if single_widget and stored == _OFF:
        return False  # an unticked box (most boxes): /V decides, no more to read
    shown = _checked_widget_state(node.widgets)
    if shown is None and stored in (None, "") and single_widget:
        return False
    states = on_states(node.widgets)
    single = len(states) <= 1 and not node.flags & _FF_RADIO
    chosen = stored if stored not in (None, "", _OFF) else None
    if chosen is not None and states and chosen not in states:
        told = {"name": node.name, "stored": "/" + short(chosen)}
        told["states"] = short(", ".join("/" + s for s in states), 200)
        if shown:
            notes.append(Said("ingest_pdf_state_unknown_ticked", **told, shown="/" + short(shown)))
        else:
            notes.append(Said("ingest_pdf_state_unknown", **told))
        chosen = shown
    elif chosen is None and shown is not None:
        if stored is not None:
            notes.append(
                Said("ingest_pdf_off_but_ticked", name=node.name, shown="/" + short(shown))
            )
        chosen = shown
    elif chosen is not None and shown is not None and shown != chosen and not single:
        notes.append(
            Said(
                "ingest_pdf_state_differs",
                name=node.name,
                stored="/" + short(chosen),
                shown="/" + short(shown),
            )
        )
    if chosen is None:
        return False if single else None
    if single:
        return True
    return normalise_text(chosen)


def _checked_widget_state(widgets: list[Dictionary]) -> str | None:
    for w in widgets:
        state = w.get("/AS")
        if isinstance(state, Name):
            text = _name_text(state)
            if text != _OFF:
                return text
    return None


def choice_value(
    node: FieldNode, limits: ReadLimits, notes: list[str], illegible: list[str]
) -> RawValue | None:
    """A combo or list box: export values, mapped back from display text through ``/Opt``;
    an item formgen cannot take is noted and the field put into ``illegible``
    (:func:`text_value`)."""
    raw = node.value
    if raw is None:
        return None
    items = list(raw) if isinstance(raw, Array) else [raw]
    texts = []
    for item in items:
        text = text_value(item, node.name, limits, notes, illegible)
        if text is not None and text != "":
            texts.append(text)
    exports, labels = _options(node.obj)
    chosen = [t if t in exports else labels.get(t, t) for t in texts]
    if node.flags & _FF_MULTI_SELECT:
        return chosen
    if not chosen:
        return ""
    if len(chosen) > 1:
        notes.append(Said("ingest_pdf_several_choices", name=node.name, choices=", ".join(chosen)))
    return chosen[0]


def _options(obj: Dictionary) -> tuple[set[str], dict[str, str]]:
    """Export values of a choice field, and display text → export value. The options are the
    form's own (formgen writes them as the standard asks), not a filler's: decoded by pikepdf,
    without :func:`string_text`'s look at the bytes, which costs a call for each of them."""
    opt = obj.get("/Opt")
    exports: set[str] = set()
    labels: dict[str, str] = {}
    if not isinstance(opt, Array):
        return exports, labels
    for entry in opt:
        if isinstance(entry, Array) and len(entry) >= 2:
            export, label = normalise_text(str(entry[0])), normalise_text(str(entry[1]))
            exports.add(export)
            labels.setdefault(label, export)
        elif isinstance(entry, String):
            exports.add(normalise_text(str(entry)))
    return exports, labels


# --------------------------------------------------------------------------- identity, provenance


def read_identity(
    hidden: Mapping[str, str], info_json: str | None, file_name: str
) -> tuple[FormIdentity | None, list[str]]:
    """The identity from the hidden fields, else from ``/Info``; ``None`` when there is none.

    A malformed identity in the fields falls back to ``/Info``; when both are malformed (or the
    only one there is), :class:`IdentityError` says so, naming the file.
    """
    notes: list[str] = []
    from_info: FormIdentity | None = None
    info_error: IdentityError | None = None
    if info_json:
        try:
            from_info = identity_from_json(info_json)
        except IdentityError as exc:
            info_error = exc
    if hidden:
        try:
            ident = FormIdentity.from_fields(hidden)
        except IdentityError as exc:
            if from_info is None:
                raise exc.named(file_name) from None
            notes.append(Said("ingest_pdf_identity_malformed", error=exc.said or str(exc)))
            return from_info, notes
        if from_info is not None and (from_info != ident or from_info.signature != ident.signature):
            notes.append(Said("ingest_pdf_identity_differs"))
        return ident, notes
    if info_error is not None:
        raise info_error.named(file_name)
    if from_info is not None:
        notes.append(FROM_INFO_NOTE)
    return from_info, notes


def identity_from_json(text: str) -> FormIdentity:
    """An identity from the ``/Info /FormgenIdentity`` JSON (keys with or without ``formgen.``)."""
    try:
        data = json.loads(text)
    except ValueError:
        raise IdentityError.saying(Said("identity_info_not_json")) from None
    if not isinstance(data, dict):
        raise IdentityError.saying(Said("identity_info_not_object"))
    fields = {
        (k if str(k).startswith(_IDENTITY_PREFIX) else _IDENTITY_PREFIX + str(k)): v
        for k, v in data.items()
    }
    if isinstance(fields.get(_IDENTITY_PREFIX + "categories"), list):
        fields[_IDENTITY_PREFIX + "categories"] = " ".join(
            map(str, fields[_IDENTITY_PREFIX + "categories"])
        )
    return FormIdentity.from_fields(fields)


INFO_KEYS = (INFO_KEY, "/CreationDate", "/ModDate", "/Creator", "/Producer")
"""The document information entries formgen reads: the identity, the dates, and the program
that made the file (a PDF made of the Word form is named by it)."""


def info_strings(pdf: pikepdf.Pdf, limit: int = 65536) -> dict[str, str]:
    """The document information entries of :data:`INFO_KEYS` that are text (capped at ``limit``)."""
    info = pdf.trailer.get("/Info")
    out: dict[str, str] = {}
    if not isinstance(info, Dictionary):
        return out
    present = info.keys()
    for key in INFO_KEYS:
        value = info.get(key) if key in present else None
        if isinstance(value, String):
            out[key] = string_text(value)[:limit]
    return out


_PDF_DATE = re.compile(
    r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{0,2}'?)?"
)


def pdf_date_iso(text: str) -> str | None:
    """``D:20250924101500+02'00'`` → ``2025-09-24T10:15:00+02:00``; ``None`` when unparseable."""
    m = _PDF_DATE.match(text.strip())
    if not m:
        return None
    year, month, day, hour, minute, second, tz = m.groups()
    iso = f"{year}-{month or '01'}-{day or '01'}T{hour or '00'}:{minute or '00'}:{second or '00'}"
    if tz == "Z":
        iso += "Z"
    elif tz:
        digits = tz[1:].replace("'", "")
        iso += f"{tz[0]}{digits[:2]}:{(digits[2:4] or '00')}"
    return iso


def provenance(
    data: bytes, file_name: str, info: Mapping[str, str], sha256: str | None = None
) -> Provenance:
    """File name, SHA-256, size, this reader, and the dates ``/Info`` carries (ISO 8601)."""
    stamps = {}
    for key, label in (("/CreationDate", "created"), ("/ModDate", "modified")):
        if key in info:
            iso = pdf_date_iso(info[key])
            if iso:
                stamps[label] = iso
    return Provenance(
        file_name=file_name,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        size=len(data),
        reader=READER,
        timestamps=stamps,
    )
