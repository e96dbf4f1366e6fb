"""Read a returned DOCX form (filled in Word or LibreOffice) into a :class:`RawSubmission`.

Safety first, in this order, before anything is unpacked or parsed:

1. the first bytes: a binary Word ``.doc`` or a password-protected file (OLE container), a PDF,
   RTF or anything that is not a ZIP is refused with a message saying what it is;
2. the ZIP's central directory: entry count, every entry's *declared* size and compression
   ratio, and the total, against limits far above any real form (a zip bomb never gets
   inflated); an OpenDocument ``.odt`` is recognised by its ``mimetype`` entry;
3. a part is then inflated in chunks and stopped the moment it exceeds its declared size;
4. XML is parsed by lxml with entity resolution, DTD loading and network access off, and a part
   that declares a DOCTYPE or entities is refused before it is parsed at all (Word and
   LibreOffice never write one). lxml is already a dependency (python-docx); with these options
   and the pre-check it gives what defusedxml would, without a second XML stack.

Values come from the content controls by their ``w:tag`` (see :mod:`formgen.docx_xml` for what
each control means). A control whose tag was stripped (LibreOffice 7.4 strips every tag) or
that was deleted is recovered from its position in the form's tables
(:func:`formgen.docx_form.form_plan`), and the submission is flagged for review; a tag that
appears twice (a copied control) is flagged too. Text typed into a field's cell outside its
controls (after a control, a pasted table) is said with the field it follows, not read; where
the cell's only control was deleted, that text is the field's value (:func:`_typed_outside`).
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import IO

from lxml import etree

from formgen.docx_form import (
    EARLIER_OTHER,
    FormPlan,
    Row,
    Slot,
    after_hint,
    form_plan,
    placeholder_texts,
)
from formgen.docx_xml import (
    CHECKBOX,
    DATE,
    DROPDOWN,
    TEXT,
    Control,
    interpret,
    iter_controls,
    parse_shown_date,
    qn,
    shown_text,
)
from formgen.errors import (
    DocxError,
    FormgenError,
    NotADocxError,
    NotOurFormError,
    UnsafeDocxError,
)
from formgen.identity import FIELD_PREFIX, FormIdentity, parse_reference
from formgen.layout import ui_text
from formgen.linebreak import newlines, one_line
from formgen.messages import Said, SaidJoined, per_language, said_count, say
from formgen.model import OTHER, FieldPath, FieldType, Schema, choices_of, option_label
from formgen.schema_load import default_schema
from ingest.archive import MAX_RATIO, bomb_ratio
from ingest.labels import field_label, scope_label
from ingest.sniff import ZIP_ENTRY_ERRORS
from ingest.submission import Provenance, RawSubmission, RawValue, short

READER = "docx"

MAX_FILE = 64 * 1024 * 1024
"""A returned form is a few MB at most (formgen's own are under 1 MB, fonts included)."""
MAX_ENTRIES = 5000
MAX_PART = 64 * 1024 * 1024
"""Declared uncompressed size of one part (a 24-checklist form's document.xml is ~10 MB)."""
MAX_TOTAL = 512 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_DECL_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_ENCODING_RE = re.compile(rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']""")
_UNICODE = frozenset({b"utf-8", b"utf8", b"utf-16", b"utf16"})

CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
APP_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_LO_OLD_RE = re.compile(r"^LibreOffice/([0-6]|7\.[0-4])\.")
MAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"


_XML_LIMITS = frozenset({etree.ErrorTypes.ERR_RESOURCE_LIMIT, etree.ErrorTypes.ERR_INTERNAL_ERROR})
"""libxml2's errors for XML beyond its limits without ``huge_tree`` (elements nested more than
256 deep, a text of more than 10 MB): "resource limit" since libxml2 2.11, "internal" before."""


def _parser(encoding: str | None = None) -> etree.XMLParser:
    """A parser for a part from outside: no entities, DTD or network. Comments and processing
    instructions are dropped while parsing, so the text around them is one text, as Word shows
    it: ``<w:t>Praxis<!-- x --> Nord</w:t>`` is „Praxis Nord“ (its ``.text`` was „Praxis“)."""
    return etree.XMLParser(
        encoding=encoding,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=True,
        remove_pis=True,
    )


# ------------------------------------------------------------------------- the container


def refused(error: type[DocxError], name: str, said: Said) -> DocxError:
    """``error`` for the file ``name``: its message ``said`` after the name (the report shows
    ``said``, in the workspace's language)."""
    return error.saying(said).named(name)


def sniff(head: bytes, name: str) -> None:
    """Refuse what is clearly not a DOCX, from its first bytes (up to 1 MiB: an encrypted
    DOCX is an OLE container whose directory names its ``EncryptedPackage`` stream)."""
    if head.startswith(OLE_MAGIC) and _ENCRYPTED in head:
        raise refused(NotADocxError, name, Said("ingest_office_docx_encrypted"))
    if head.startswith(OLE_MAGIC):
        raise refused(NotADocxError, name, Said("ingest_office_doc"))
    if head.startswith(b"%PDF"):
        raise refused(NotADocxError, name, Said("ingest_office_is_pdf"))
    if head.startswith(b"{\\rtf"):
        raise refused(NotADocxError, name, Said("ingest_office_rtf"))
    if not head.startswith(ZIP_MAGICS):
        start = head[:8].hex(" ") if head else Said("ingest_office_nothing")
        raise refused(NotADocxError, name, Said("ingest_office_not_zip", start=start))


@dataclass
class ZipPackage:
    name: str
    zf: zipfile.ZipFile
    notes: list[str] = field(default_factory=list)
    """What reading its parts made doubtful (a part declaring another encoding than UTF-8)."""

    def has(self, part: str) -> bool:
        try:
            self.zf.getinfo(part)
        except KeyError:
            return False
        return True

    def read(self, part: str) -> bytes:
        """The bytes of ``part``, inflated in chunks and stopped beyond its declared size."""
        info = self.zf.getinfo(part)
        limit = min(info.file_size, MAX_PART)
        out = bytearray()
        try:
            with self.zf.open(info) as fh:
                while True:
                    chunk = fh.read(64 * 1024)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > limit:
                        said = Said("ingest_office_part_overflow", part=part, size=info.file_size)
                        raise refused(UnsafeDocxError, self.name, said)
        except ZIP_ENTRY_ERRORS:
            said = Said("ingest_office_part_damaged", part=part)
            raise refused(NotADocxError, self.name, said) from None
        return bytes(out)

    def xml(self, part: str) -> etree._Element:
        data = self.read(part)
        _refuse_declarations(data, self.name, part)
        parser = _parser()
        declared = _ENCODING_RE.match(data)
        if declared and declared[1].lower() not in _UNICODE and not data.isascii():
            # Word and LibreOffice write UTF-8 only: bytes that are valid UTF-8 were written
            # as such under a wrong declaration (Latin-1 text is hardly ever valid UTF-8)
            encoding = declared[1].decode("ascii", errors="replace")[:40]
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                self.notes.append(Said("ingest_office_encoding", part=part, encoding=encoding))
            else:
                parser = _parser("utf-8")
                self.notes.append(Said("ingest_office_encoding_utf8", part=part, encoding=encoding))
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            code = exc.code  # type: ignore[attr-defined]  # libxml2's error code; not in lxml-stubs
            if code == etree.ErrorTypes.ERR_NO_MEMORY:
                raise MemoryError from None  # the worker's memory bound: the pipeline says so
            if code in _XML_LIMITS:
                said = Said("ingest_office_part_deep", part=part)
                raise refused(UnsafeDocxError, self.name, said) from None
            said = Said("ingest_office_part_not_xml", part=part)
            raise refused(NotADocxError, self.name, said) from None
        if getattr(root.getroottree().docinfo, "doctype", ""):
            said = Said("ingest_office_part_doctype", part=part)
            raise refused(UnsafeDocxError, self.name, said)
        return root


def declares_entities(data: bytes) -> bool:
    """Whether the XML ``data`` declares a DOCTYPE or entities (in UTF-8 or UTF-16), which
    office programs never write and which can make a parser open other files or exhaust
    memory."""
    text = data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace").encode("utf-8")
    elif b"\x00" in data[:4]:
        text = data.replace(b"\x00", b"")
    return _DECL_RE.search(text) is not None


def _refuse_declarations(data: bytes, name: str, part: str) -> None:
    if declares_entities(data):
        said = Said("ingest_office_part_entities", part=part)
        raise refused(UnsafeDocxError, name, said)


def check_zip(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse an archive whose *declared* sizes or ratios no real form has (before inflating),
    one holding two entries of one name (which of them is the part?) and one whose entries are
    encrypted (a password given to an archiver: Word and LibreOffice encrypt otherwise)."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise refused(UnsafeDocxError, name, Said("ingest_office_zip_entries", n=len(infos)))
    total = 0
    for info in infos:
        total += info.file_size
        part = info.filename[:80]
        if info.file_size > MAX_PART and info.filename.endswith((".xml", ".rels")):
            size, limit = _mib(info.file_size), _mib(MAX_PART)
            said = Said("ingest_office_zip_part_size", part=part, size=size, limit=limit)
            raise refused(UnsafeDocxError, name, said)
        ratio = bomb_ratio(info)
        if ratio:
            said = Said(
                "ingest_office_zip_ratio",
                part=part,
                size=_mib(info.file_size),
                packed=info.compress_size,
                ratio=f"{ratio:.0f}",
                limit=MAX_RATIO,
            )
            raise refused(UnsafeDocxError, name, said)
    if total > MAX_TOTAL:
        raise refused(UnsafeDocxError, name, Said("ingest_office_zip_total", size=_mib(total)))
    names = Counter(info.filename for info in infos)
    part, n = names.most_common(1)[0] if names else ("", 0)
    if n > 1:  # which one a program shows is its own choice (zipfile reads the last)
        raise refused(NotADocxError, name, Said("ingest_office_zip_twice", part=part[:80], n=n))
    marked = [info.filename for info in infos if info.flag_bits & 0x1 and not info.is_dir()]
    if marked:
        more = len(marked) - 1
        said = said_count("ingest_office_zip_marked", len(marked), first=marked[0], more=more)
        raise refused(NotADocxError, name, said)


def _mib(size: int) -> Said:
    """``size`` bytes in MiB, one decimal as the language writes it (``64.0 MiB``, ``64,0 MiB``)."""
    point = f"{size / 1024 / 1024:.1f}"
    return Said("ingest_office_mib", point=point, comma=point.replace(".", ","))


def open_zip(data: bytes, name: str) -> ZipPackage:
    """The archive of a DOCX or ODT, once its first bytes and declared sizes passed the checks."""
    sniff(data[: 1024 * 1024], name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ENTRY_ERRORS:
        raise refused(NotADocxError, name, Said("ingest_office_zip_damaged")) from None
    check_zip(zf, name)
    return ZipPackage(name, zf)


def _open(data: bytes, name: str) -> ZipPackage:
    pkg = open_zip(data, name)
    if pkg.has("mimetype"):
        mime = pkg.read("mimetype")[:100].decode("ascii", errors="replace")
        if mime.startswith("application/vnd.oasis.opendocument"):
            kind = (
                Said("ingest_office_odt_kind")
                if mime.endswith(".text")
                else Said("ingest_office_od_kind", mime=mime)
            )
            raise refused(NotADocxError, name, Said("ingest_office_is_od", kind=kind))
    if not pkg.has("[Content_Types].xml") or not pkg.has("_rels/.rels"):
        raise refused(NotADocxError, name, Said("ingest_office_not_word"))
    return pkg


def _relations(pkg: ZipPackage) -> dict[str, str]:
    root = pkg.xml("_rels/.rels")
    out: dict[str, str] = {}
    for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        out.setdefault(kind, target.lstrip("/"))
    return out


def _custom_properties(pkg: ZipPackage, part: str | None) -> dict[str, str]:
    if not part or not pkg.has(part):
        return {}
    root = pkg.xml(part)
    out: dict[str, str] = {}
    for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
        name = prop.get("name", "")
        value = next((child.text or "" for child in prop), "")
        out[name] = unicodedata.normalize("NFC", value)
    return out


def _application(pkg: ZipPackage, part: str | None) -> str:
    """The program that saved the file (``docProps/app.xml`` Application), or ``""``."""
    if not part or not pkg.has(part):
        return ""
    node = pkg.xml(part).find(
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Application"
    )
    return (node.text or "").strip()[:120] if node is not None else ""


WRITTEN_BY = {
    "{http://purl.org/dc/elements/1.1/}creator": "creator",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy": (
        "lastModifiedBy"
    ),
    "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}initial-creator": "initial-creator",
}
"""The document properties that name who wrote a Word file (``docProps/core.xml``) or an
OpenDocument one (``meta.xml``) and who saved it last, by their names in the file."""


def written_by(data: bytes) -> list[tuple[str, str]]:
    """Who a Word or OpenDocument file says wrote it and saved it last (:data:`WRITTEN_BY`,
    each with its text): a person's name as the program takes it from the account (``Zofia
    Wiśniewska``; formgen's own forms say ``formgen``). No reader takes it into a submission:
    it stays in the archived original, where ``register find --all`` and ``register erase``
    look at it. ``[]`` for any other file, or one that cannot be read."""
    if not data.startswith(ZIP_MAGICS):
        return []
    try:
        pkg = open_zip(data, "")
        if pkg.has("meta.xml"):
            part = "meta.xml"
        else:
            rels = _relations(pkg) if pkg.has("_rels/.rels") else {}
            part = rels.get(CORE_REL, "docProps/core.xml")
        if not pkg.has(part):
            return []
        root = pkg.xml(part)
    except DocxError:
        return []
    return [
        (WRITTEN_BY[str(e.tag)], text)
        for e in root.iter()
        if str(e.tag) in WRITTEN_BY and (text := (e.text or "").strip())
    ]


def _core_timestamps(pkg: ZipPackage, part: str | None) -> dict[str, str]:
    if not part or not pkg.has(part):
        return {}
    root = pkg.xml(part)
    out = {}
    for key in ("created", "modified"):
        node = root.find(f"{{http://purl.org/dc/terms/}}{key}")
        if node is not None and node.text:
            out[key] = node.text.strip()[:40]
    return out


# ------------------------------------------------------------------------------ the values


@dataclass
class _Found:
    path: str
    control: Control
    by_position: bool = False


def _label_matches(cell_text: str, expected: str) -> bool:
    norm = " ".join(cell_text.split())
    return norm.startswith(" ".join(expected.split()))


def _tables(body: etree._Element) -> list[etree._Element]:
    return [t for t in body if t.tag == qn("w:tbl")]


def _rows(tbl: etree._Element) -> list[etree._Element]:
    return [r for r in tbl if r.tag == qn("w:tr")]


def _cells(tr: etree._Element) -> list[etree._Element]:
    out = []
    for child in tr:
        if child.tag == qn("w:tc"):
            out.append(child)
        elif child.tag == qn("w:sdt"):  # a row-level content control wrapping cells
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                out.extend(c for c in content if c.tag == qn("w:tc"))
    return out


def _by_position(body: etree._Element, plan: FormPlan) -> tuple[dict[str, Control], list[str]]:
    """Controls at the places the plan gives them: path → control, and what could not be placed."""
    placed: dict[str, Control] = {}
    problems: list[str] = []
    tables = _tables(body)
    if len(tables) != len(plan.tables):
        problems.append(
            Said("ingest_office_table_count", found=len(tables), planned=len(plan.tables))
        )
    for t, table in enumerate(plan.tables):
        if t >= len(tables):
            break
        rows = _rows(tables[t])
        for r, row in enumerate(table.rows):
            if not row.slots or r >= len(rows):
                continue
            cells = _cells(rows[r])
            label = row.label[:40]
            # a form made before a label was reworded shows the one it had then
            labels = row.field.labels(plan.lang) if row.field else (row.label,)
            if len(cells) < 2 or not any(_label_matches(shown_text(cells[0]), s) for s in labels):
                said = Said("ingest_office_row_changed", table=t + 1, row=r + 1, label=label)
                problems.append(said)
                continue
            shown = list(iter_controls(cells[-1]))
            controls = _pieces_joined(shown)
            if _piece_differs(shown):
                # LibreOffice 7.4 writes a text control holding Arabic as several controls with
                # the same alias, one after the other; the first holds the whole text, and said
                # only where another holds text it lacks (typed into a piece, say)
                problems.append(Said("ingest_office_split", label=label, table=t + 1, n=len(shown)))
            if len(controls) != len(row.slots):
                problems.append(
                    Said(
                        "ingest_office_control_count",
                        label=label,
                        table=t + 1,
                        found=len(controls),
                        planned=len(row.slots),
                    )
                )
                continue
            for slot, control in zip(row.slots, controls, strict=True):
                if _fits(slot, control):
                    placed[slot.path] = control
    return placed, problems


def _outside_controls(cell: etree._Element, row: Row, lang: str) -> list[str]:
    """The text of a value cell that stands outside its controls and is not the form's own (the
    boxes' option labels, „Andere:“), a line for each paragraph holding some: typed after a
    control, a table pasted into the cell, a number typed where a control was deleted."""
    f = row.field
    own = [
        option_label(f, s.option, lang) for s in row.slots if f and s.option and s.kind == CHECKBOX
    ]
    own += [ui_text(lang, "other"), *EARLIER_OTHER]
    lines = []
    for p in cell.iter(qn("w:p")):
        text = "".join(
            t.text or ""
            for t in p.iter(qn("w:t"))
            if not any(a.tag == qn("w:sdt") for a in _up_to(t, cell))
        )
        for label in own:
            text = text.replace(label, "", 1)
        text = " ".join(text.split())
        if text.strip("\u200e\u200f"):
            lines.append(text)
    return lines


def _up_to(node: etree._Element, cell: etree._Element) -> Iterator[etree._Element]:
    """The ancestors of ``node`` inside ``cell``."""
    for a in node.iterancestors():
        if a is cell:
            return
        yield a


def _typed_outside(
    body: etree._Element, plan: FormPlan
) -> Iterator[tuple[Row, list[Control], list[str]]]:
    """Each field row of the form whose value cell holds text outside its controls
    (:func:`_outside_controls`): the row, the controls in its cell and that text. Rows as
    :func:`_by_position` finds them: by their place and label."""
    for table, tbl in zip(plan.tables, _tables(body), strict=False):
        for row, tr in zip(table.rows, _rows(tbl), strict=False):
            cells = _cells(tr)
            labels = row.field.labels(plan.lang) if row.field else (row.label,)
            if not row.slots or len(cells) < 2:
                continue
            if not any(_label_matches(shown_text(cells[0]), s) for s in labels):
                continue
            if lines := _outside_controls(cells[-1], row, plan.lang):
                yield row, list(iter_controls(cells[-1])), lines


RESTORED = "{urn:formgen}restored"
"""Marks a ``w:br`` the reader put back (:func:`_restore_breaks`); no program writes it."""


def _restore_breaks(body: etree._Element) -> None:
    """Put back the line breaks LibreOffice 7.4 (and before) dropped from input fields.

    7.4 turns a plain-text control into an input field; a line break typed into it (or a
    prefilled value's) is a control character its DOCX export leaves out, closing the ``w:t``
    before it and opening another in the same run: „Kölner Straße 45</w:t><w:t>(Eingang …“.
    Measured with 7.4.7 (``samples/docx/README.md``): nothing else splits a ``w:t`` of an
    unsplit control (4,000 and 5,000 characters, tabs, no-break spaces, soft hyphens, ZWNJ stay
    one), a tab is ``w:tab`` and Shift+Enter ``w:br``; a break at the start or end leaves no
    trace, and an empty line between two lines leaves the same one as a single break."""
    for t in [t for t in body.iter(qn("w:t")) if _follows_text(t)]:
        t.addprevious(etree.Element(qn("w:br"), {RESTORED: "1"}))


def _follows_text(t: etree._Element) -> bool:
    before = t.getprevious()
    return before is not None and before.tag == qn("w:t")


def _restored(control: Control) -> bool:
    """Whether :func:`_restore_breaks` put a line break back into ``control``."""
    return control.element is not None and any(
        br.get(RESTORED) for br in control.element.iter(qn("w:br"))
    )


def _breaks_said(
    schema: Schema,
    slots: dict[str, Slot],
    read_from: dict[str, Control],
    values: dict[str, RawValue],
) -> list[str]:
    """The notes on the line breaks of a form saved by LibreOffice 7.4: the fields whose breaks
    were put back (:func:`_restore_breaks`), and the multi-line ones written in pieces with no
    trace of a break, whose lines may have been joined."""
    filled = [(p, c) for p, c in read_from.items() if values.get(p) and p in slots]
    restored = [p for p, c in filled if _restored(c)]
    unsure = [
        p
        for p, c in filled
        if slots[p].field.type is FieldType.TEXTAREA and _split(c) and p not in restored
    ]
    return [
        said_count(key, len(paths), fields=_fields(schema, slots, paths))
        for key, paths in (
            ("ingest_office_breaks_restored", restored),
            ("ingest_office_breaks_unsure", unsure),
        )
        if paths
    ]


def _split(control: Control) -> bool:
    """Whether LibreOffice 7.4 wrote ``control`` in pieces (:func:`_pieces_joined`): the next
    control has its alias. A line break in a piece may leave no trace (``lo74-arabic.docx``)."""
    after = None if control.element is None else control.element.getnext()
    if after is None or after.tag != qn("w:sdt") or control.alias is None:
        return False
    alias = after.find(f"{qn('w:sdtPr')}/{qn('w:alias')}")
    return alias is not None and alias.get(qn("w:val")) == control.alias


def _pieces_joined(controls: list[Control]) -> list[Control]:
    """``controls`` with each run of pieces of one text control (same kind and alias, one
    after the other) reduced to its first."""
    out: list[Control] = []
    for c in controls:
        if out and c.kind == out[-1].kind != CHECKBOX and c.alias == out[-1].alias:
            continue
        out.append(c)
    return out


def _piece_differs(controls: list[Control]) -> bool:
    """Whether a piece of a text control split by LibreOffice 7.4 (:func:`_pieces_joined`) holds
    text its first piece lacks. 7.4 writes the first piece with the whole text and each other
    one with a run of it (the words of one script, „شارع الملك “, „12“, „ / “) before the whole
    text again: those lose nothing, however many there are."""
    first: Control | None = None
    for c in controls:
        if first is not None and c.kind == first.kind != CHECKBOX and c.alias == first.alias:
            rest = c.text.replace(first.text, "", 1)
            # the run and the whole text meet as two w:t, read as a line break (_restore_breaks)
            if any(line not in first.text for line in rest.split("\n")):
                return True
        else:
            first = c
    return False


def _fits(slot: Slot, control: Control) -> bool:
    if control.tag and control.tag != slot.path:
        return False
    if slot.kind == CHECKBOX:
        return control.kind == CHECKBOX
    return control.kind != CHECKBOX


def _value(slot: Slot | None, control: Control, lang: str) -> tuple[RawValue | None, str | None]:
    """The raw value of a control in the submission contract, and a note when it is doubtful.
    Only the control's own hints (:func:`placeholder_texts`) are blank; one left before what
    was typed is taken off, said with the text as typed."""
    hints = placeholder_texts(slot, lang)
    typed = newlines(control.text).strip()
    rest = after_hint(typed, hints) if control.kind != CHECKBOX else None
    if rest:
        control = replace(control, text=rest)
    reading = interpret(control, hints)
    value = reading.value
    note = Said(f"ingest_office_{reading.note}", **reading.args) if reading.note else None
    if rest and value is not None:
        said = Said("ingest_office_after_hint", text=one_line(typed))
        note = SaidJoined((said, note), "; ") if note else said
    if slot is None or value is None:
        return value, note
    f = slot.field
    if slot.kind == CHECKBOX:
        return bool(value), note
    if isinstance(value, bool):
        return None, Said("ingest_office_checkbox_for", type=f.type.value)
    if (slot.kind == DROPDOWN and control.kind != DROPDOWN) or (control.kind == DROPDOWN and note):
        # a program turned the list into text, or the text is not an item: map labels back
        for choice in choices_of(f):
            if value in (choice.value, *choice.label.values.values()):
                return choice.value, None
    if slot.kind == DATE and control.kind != DATE:
        shown = parse_shown_date(value)
        if shown is not None:
            return shown.isoformat(), note
    return value, note


def by_tag(controls: Iterable[Control]) -> tuple[dict[str, list[Control]], list[str]]:
    """The controls by the field path in their tag, and the tags that are no field path."""
    tagged: dict[str, list[Control]] = {}
    foreign: list[str] = []
    for control in controls:
        if not control.tag:
            continue
        try:
            path = str(FieldPath.parse(control.tag))
        except FormgenError:
            foreign.append(control.tag)
            continue
        tagged.setdefault(path, []).append(control)
    return tagged, foreign


def values_by_tag(
    tagged: dict[str, list[Control]],
    slots: dict[str, Slot],
    lang: str,
    notes: list[str],
) -> dict[str, RawValue]:
    """The value of each tagged field path (notes about doubtful ones go into ``notes``); of a
    control that appears more than once, the first filled one."""
    values: dict[str, RawValue] = {}
    for path, found in tagged.items():
        if len(found) > 1:
            readings = {str(_value(slots.get(path), c, lang)[0]) for c in found}
            if len(readings) > 1:
                values_shown = ", ".join(sorted(readings))[:120]
                said = Said(
                    "ingest_office_copied_differ", path=path, n=len(found), values=values_shown
                )
            else:
                said = Said("ingest_office_copied", path=path, n=len(found))
            notes.append(said)
        for control in found:
            value, note = _value(slots.get(path), control, lang)
            if note:
                notes.append(SaidJoined((path, note), ": "))
            if value is not None and value != "" and path not in values:
                values[path] = value
                break
        else:
            if path not in values:
                value, _ = _value(slots.get(path), found[0], lang)
                if isinstance(value, bool):
                    values[path] = value
    return values


def slot_index(plan: FormPlan | None) -> dict[str, Slot]:
    return {slot.path: slot for *_, slot in plan.slots()} if plan else {}


def _body_controls(body: etree._Element) -> Iterator[Control]:
    yield from iter_controls(body)


def read_docx(
    source: bytes | IO[bytes],
    file_name: str = "<docx>",
    schema: Schema | None = None,
    *,
    sha256: str | None = None,
) -> RawSubmission:
    """Read a returned DOCX form. ``schema`` (default: the shipped one, when the form's identity
    names it) lets controls that lost their tag be recovered by their table position;
    ``sha256`` is the bytes' digest when the caller has computed it already.

    Raises :class:`~formgen.errors.NotADocxError`, :class:`~formgen.errors.UnsafeDocxError`,
    :class:`~formgen.errors.NotOurFormError` or :class:`~formgen.errors.IdentityError` with a
    message naming the file.
    """
    data = read_all(source, file_name)
    pkg = _open(data, file_name)
    rels = _relations(pkg)
    main = rels.get(MAIN_REL, "word/document.xml")
    if not pkg.has(main):
        raise refused(NotADocxError, file_name, Said("ingest_office_no_main", part=main))
    doc = pkg.xml(main)
    if doc.tag.startswith("{http://purl.oclc.org/ooxml/"):
        raise refused(NotADocxError, file_name, Said("ingest_office_strict"))
    body = doc.find(qn("w:body"))
    if body is None:
        raise refused(NotADocxError, file_name, Said("ingest_office_no_body", part=main))
    props = _custom_properties(pkg, rels.get(CUSTOM_REL, "docProps/custom.xml"))
    notes: list[str] = []
    identity: FormIdentity | None = None
    if any(k.startswith(FIELD_PREFIX + ".") for k in props):
        try:
            identity = FormIdentity.from_fields(props)
        except FormgenError as exc:
            raise exc.named(file_name) from None

    saved_by = _application(pkg, rels.get(APP_REL, "docProps/app.xml"))
    old_libreoffice = bool(saved_by and _LO_OLD_RE.match(saved_by))
    if old_libreoffice:
        program = saved_by.split("$")[0]
        notes.append(Said("ingest_office_old_libreoffice", program=program))
        _restore_breaks(body)

    controls = list(_body_controls(body))
    tagged, foreign = by_tag(controls)
    for control in controls:
        if control.inside is not None:
            inner = control.tag or control.alias or ""
            notes.append(Said("ingest_office_nested", inner=inner, outer=control.inside))
    reference = _footer_reference(pkg, main)
    if identity is None:
        if not tagged and reference is None:
            raise refused(NotOurFormError, file_name, Said("ingest_office_docx_not_ours"))
        notes.append(
            Said("ingest_office_no_identity_footer", reference=reference)
            if reference
            else Said("ingest_office_no_identity")
        )

    plan: FormPlan | None = None
    if identity is not None and (planned := _plan_for(identity, schema, notes)):
        plan, schema = planned
    slots = slot_index(plan)
    lang = plan.lang if plan else "de"

    values = values_by_tag(tagged, slots, lang, notes)
    read_from = {path: found[0] for path, found in tagged.items()}

    recovered: list[str] = []
    lost: list[str] = []
    if plan is not None and schema is not None:
        missing = [s for s in slots if s not in tagged]
        if missing:
            placed, problems = _by_position(body, plan)
            for path in missing:
                at_place = placed.get(path)
                if at_place is None:
                    lost.append(path)
                    continue
                read_from[path] = at_place
                value, note = _value(slots[path], at_place, lang)
                if note:
                    notes.append(SaidJoined((path, note), ": "))
                if value is not None and value != "":
                    values[path] = value
                    if value is not False:
                        recovered.append(path)
            untagged = len(missing) - len(lost)
            if untagged:
                filled = len(recovered)
                fields = _fields(schema, slots, recovered)
                notes.append(
                    said_count("ingest_office_untagged", untagged, filled=filled, fields=fields)
                    if recovered
                    else said_count("ingest_office_untagged_empty", untagged)
                )
            if lost:
                fields = _fields(schema, slots, lost)
                notes.append(said_count("ingest_office_missing", len(lost), fields=fields))
            notes.extend(problems[:10])
    if plan is not None:
        for row, shown, lines in _typed_outside(body, plan):
            text = short(" / ".join(lines), 200)
            slot = row.slots[-1]
            if not shown and len(row.slots) == 1 and slot.kind == TEXT and slot.path in lost:
                # the control deleted, its value typed in its place: the cell shows one text
                values[slot.path] = "\n".join(lines)
                said = Said("ingest_office_typed_instead", text=text)
                notes.append(SaidJoined((slot.path, said), ": "))
            else:
                said = Said("ingest_office_typed_outside", label=short(row.label, 60), text=text)
                notes.append(SaidJoined((slot.value_path, said), ": "))
    if old_libreoffice and schema is not None:
        notes.extend(_breaks_said(schema, slots, read_from, values))
    if foreign:
        notes.append(Said("ingest_office_foreign_tags", n=len(foreign), tags=_list(foreign)))

    unknown = [p for p in values if slots and p not in slots]
    if unknown:
        notes.append(Said("ingest_office_unknown_tags", paths=_list(unknown)))

    provenance = Provenance(
        file_name=file_name,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        size=len(data),
        reader=READER,
        timestamps=_core_timestamps(pkg, rels.get(CORE_REL, "docProps/core.xml")),
    )
    return RawSubmission(
        identity=identity,
        values=values,
        provenance=provenance,
        confidence="low" if recovered or identity is None else "high",
        notes=(*pkg.notes, *notes),
    )


def _list(paths: list[str], limit: int = 12) -> str:
    shown = ", ".join(paths[:limit])
    if len(paths) > limit:
        return Said("ingest_office_and_more", shown=shown, n=len(paths) - limit)
    return shown


def _fields(
    schema: Schema, slots: dict[str, Slot], paths: list[str], limit: int = 12
) -> dict[str, str]:
    """The fields of ``paths`` as the form names them, in each language: by their labels under
    their checklist's name (and block), a ticked box with its option (Einrichtung: „Name der
    Einrichtung“, „Telefon (Zentrale)“; PsychotherapeutIn, niedergelassen: „Sprachen:
    Türkisch“), the first ``limit``."""

    def named(lang: str) -> str:
        quote = "„{}“" if lang == "de" else "'{}'"  # a label may hold a comma: „Konzepte, Angebote“
        groups: dict[str, list[str]] = {}
        for path in paths[:limit]:
            where, slot = FieldPath.parse(path), slots[path]
            scope = scope_label(schema, where.category, lang)
            if where.block is not None:
                scope = say("ingest_office_block", lang, scope=scope, block=where.block)
            label = field_label(slot.field, path, lang)
            if slot.option is not None and slot.option != OTHER:
                label = f"{label}: {option_label(slot.field, slot.option, lang)}"
            groups.setdefault(scope, []).append(quote.format(label))
        shown = "; ".join(f"{scope}: {', '.join(labels)}" for scope, labels in groups.items())
        if len(paths) > limit:
            return say("ingest_office_and_more", lang, shown=shown, n=len(paths) - limit)
        return shown

    return per_language(named)


def _plan_for(
    identity: FormIdentity, schema: Schema | None, notes: list[str]
) -> tuple[FormPlan, Schema] | None:
    candidate = schema
    if candidate is None or candidate.schema_id != identity.schema_id:
        shipped = default_schema()
        candidate = shipped if shipped.schema_id == identity.schema_id else None
    if candidate is None:
        notes.append(Said("ingest_office_unknown_schema", schema=identity.schema_id))
        return None
    if candidate.schema_version != identity.schema_version:
        notes.append(
            Said(
                "ingest_office_other_version",
                form_version=identity.schema_version,
                version=candidate.schema_version,
            )
        )
    try:
        return form_plan(candidate, identity.kind, identity.categories, identity.lang), candidate
    except FormgenError as exc:
        notes.append(Said("ingest_office_no_layout", error=str(exc)))
        return None


def _footer_reference(pkg: ZipPackage, main: str) -> str | None:
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    for info in pkg.zf.infolist():
        name = info.filename
        if name.startswith(folder + "footer") and name.endswith(".xml"):
            instance = parse_reference(shown_text(pkg.xml(name)))
            if instance:
                return f"FG-{instance[:5]}-{instance[5:]}"
    return None


def read_all(source: bytes | IO[bytes], name: str) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        data = source.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise refused(UnsafeDocxError, name, Said("ingest_office_too_large", size=_mib(MAX_FILE)))
    return data
