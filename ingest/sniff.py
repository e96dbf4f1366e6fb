"""What a file is, from its bytes, never from its name.

A ``.pdf`` that is really a Word file, a form saved without an extension, a mail saved as
``.txt``: returns arrive with any name. :func:`sniff` looks at the magic bytes (and, for ZIP and
OLE2 containers, at the names inside) and says which reader fits.
"""

from __future__ import annotations

import errno
import io
import lzma
import os
import re
import stat
import warnings
import zipfile
import zlib
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from formgen.errors import NotAFileError
from formgen.messages import Said

HEAD_BYTES = 8192


class Kind(StrEnum):
    """What a file is; the value is what the report shows."""

    EMPTY = "empty"
    PDF = "pdf"
    DOCX = "docx"
    EML = "eml"
    MBOX = "mbox"
    MAILDIR = "maildir"
    MSG = "msg"
    ODT = "odt"
    OFFICE_ZIP = "office-zip"
    ZIP = "zip"
    OLE = "ole"
    ARCHIVE = "archive"
    PROGRAM = "program"
    TNEF = "tnef"
    IMAGE = "image"
    TEXT = "text"
    UNKNOWN = "unknown"


MAIL_KINDS = frozenset({Kind.EML, Kind.MBOX, Kind.MAILDIR, Kind.MSG})
"""Mail containers, whose attachments are ingested one by one."""
CONTAINER_KINDS = MAIL_KINDS | {Kind.ZIP, Kind.TNEF}
"""Every container whose files are ingested one by one: mails, ZIP archives and Outlook's
winmail.dat."""

SUFFIX = {
    Kind.PDF: ".pdf",
    Kind.DOCX: ".docx",
    Kind.ODT: ".odt",
    Kind.EML: ".eml",
    Kind.MBOX: ".mbox",
    Kind.MSG: ".msg",
}
"""File suffix for a copy written by formgen (quarantine): from the kind, never from a name."""

WHAT = {
    Kind.EMPTY: Said("ingest_pipeline_what_empty"),
    Kind.ODT: Said("ingest_pipeline_what_odt"),
    Kind.OFFICE_ZIP: Said("ingest_pipeline_what_office_zip"),
    Kind.ZIP: Said("ingest_pipeline_what_zip"),
    Kind.OLE: Said("ingest_pipeline_what_ole"),
    Kind.ARCHIVE: Said("ingest_pipeline_what_archive"),
    Kind.PROGRAM: Said("ingest_pipeline_what_program"),
    Kind.TNEF: Said("ingest_pipeline_what_tnef"),
    Kind.IMAGE: Said("ingest_pipeline_what_image"),
    Kind.TEXT: Said("ingest_pipeline_what_text"),
    Kind.UNKNOWN: Said("ingest_pipeline_what_unknown"),
}
"""What each kind of file no reader reads is, as the report names it (said in the workspace's
language)."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_START = (b"PK\x03\x04", b"PK\x05\x06")  # a file's local header; the end of an empty archive
_PACKAGE_PARTS = (b"[Content_Types].xml", b"_rels/", b"docProps/", b"word/", b"mimetype")
"""How the first file of an Office document starts, as Word ([Content_Types].xml), LibreOffice
(_rels/.rels, and mimetype for OpenDocument) and others write it: such a ZIP file is a form,
not an archive of them."""
_TNEF = b"\x78\x9f\x3e\x22"  # the TNEF signature 0x223E9F78, little-endian
_ARCHIVES = {
    b"\x1f\x8b": Said("ingest_pipeline_what_gzip"),
    b"7z\xbc\xaf\x27\x1c": Said("ingest_pipeline_what_7z"),
    b"Rar!\x1a\x07": Said("ingest_pipeline_what_rar"),
    b"\xfd7zXZ\x00": Said("ingest_pipeline_what_xz"),
    b"\x28\xb5\x2f\xfd": Said("ingest_pipeline_what_zstd"),
}
"""How archives formgen does not unpack start, and what they are."""
_BZIP2 = re.compile(rb"BZh[1-9](1AY&SY|\x17rE8P\x90)")
"""How a bzip2 file starts: its block size, then the magic of its first block (or of its end,
when it is empty)."""
_IMAGE_SUFFIX = {
    b"\x89PNG\r\n\x1a\n": ".png",
    b"\xff\xd8\xff": ".jpg",
    b"GIF87a": ".gif",
    b"GIF89a": ".gif",
    b"II*\x00": ".tif",
    b"MM\x00*": ".tif",
    b"BM": ".bmp",
}
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")
"""ISO base media brands of HEIF pictures: an iPhone's photos (.heic), AVIF."""
HEADER_LINE = re.compile(rb"[!-9;-~]+:")
"""A header line: an RFC 5322 field name (printable ASCII but the colon), then a colon."""
_NAME = re.compile(rb"[!-9;-~]*")
_MAIL_HEADERS = (
    b"from:",
    b"date:",
    b"subject:",
    b"to:",
    b"message-id:",
    b"mime-version:",
    b"received:",
    b"return-path:",
    b"delivered-to:",
    b"x-mozilla-status:",
    b"reply-to:",
    b"cc:",
    b"dkim-signature:",
    b"arc-seal:",
    b"authentication-results:",
)
"""Names of a mail's headers: two of them make a header a mail's (:func:`_mail_kind`).
``Content-Type`` is not among them, and ``Date`` alone makes none: an HTTP response's header
has them too."""
_MBOX_FROM = re.compile(rb"^From \S+ .*\d{4}\s*\r?$", re.MULTILINE)


def is_maildir(path: Path) -> bool:
    """A Maildir folder: ``cur``, ``new`` and ``tmp`` subfolders."""
    return all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))


def not_a_file(path: Path | str, mode: int) -> str | None:
    """What ``path``, whose ``st_mode`` is ``mode``, is when it is not a regular file (``a named
    pipe (FIFO)``; ``a link to a named pipe (FIFO)`` where ``path`` is a link); ``None`` for a
    regular file."""
    if stat.S_ISREG(mode):
        return None
    what = _what(mode)
    return Said("ingest_pipeline_link_to", what=what) if os.path.islink(path) else what


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return Said("ingest_pipeline_what_folder")
    if stat.S_ISFIFO(mode):
        return Said("ingest_pipeline_what_fifo")
    if stat.S_ISSOCK(mode):
        return Said("ingest_pipeline_what_socket")
    if stat.S_ISCHR(mode):
        return Said("ingest_pipeline_what_device")
    if stat.S_ISBLK(mode):
        return Said("ingest_pipeline_what_disk")
    return Said("ingest_pipeline_what_other")


def open_regular(path: Path | str, name: str) -> BinaryIO:
    """The regular file at ``path`` (called ``name`` in messages), open for reading.

    Anything else is never opened — a named pipe blocks until someone writes to it, a device
    like ``/dev/zero`` never ends, and opening some devices does things: it is looked at with
    ``stat`` first, and checked again on the open file (it may have been replaced meanwhile).
    Raises :class:`~formgen.errors.NotAFileError` for such a thing (its ``what`` and its
    ``said`` can be said in the workspace's language), ``IsADirectoryError`` for a folder and
    ``OSError`` as :func:`open` does."""

    def check(mode: int) -> None:
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        what = not_a_file(path, mode)
        if what is not None:
            error = NotAFileError(name, what)
            error.said = Said("ingest_pipeline_not_a_file", what=what)  # as the report says it
            raise error

    check(os.stat(path).st_mode)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        check(os.fstat(fd).st_mode)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def sniff(path: Path) -> Kind:
    """The kind of the file (or Maildir folder) at ``path``, from its content."""
    if path.is_dir():
        return Kind.MAILDIR if is_maildir(path) else Kind.UNKNOWN
    with open_regular(path, str(path)) as fh:
        return kind_of(fh.read(HEAD_BYTES), path)


def kind_of(head: bytes, path: Path, name: str = "") -> Kind:
    """The kind of the file at ``path`` whose first :data:`HEAD_BYTES` bytes are ``head``.

    Most files are decided by ``head`` alone; ZIP and OLE2 containers are opened at ``path`` to
    look at the names inside. ``name`` is what the file is called where ``path`` does not say
    it (an attachment, spooled under its hash)."""
    if not head:
        return Kind.EMPTY
    # Containers first: a .msg or .docx may hold a PDF within its first kilobyte.
    if head.startswith(ZIP_START):
        return _zip_kind(path)
    if head.startswith(_OLE):
        return Kind.MSG if _is_msg(path, name or path.name) else Kind.OLE
    if head.startswith(_TNEF):
        return Kind.TNEF
    if image_suffix(head):
        return Kind.IMAGE
    # Before the PDF marker: a mail may carry a PDF unencoded (Content-Transfer-Encoding:
    # binary) within its first kilobyte.
    mail = _mail_kind(head)
    if mail is not None:
        return mail
    if archive_name(head):
        return Kind.ARCHIVE
    if head.startswith(b"MZ") and b"\x00" in head[2:64]:  # a DOS/Windows executable's header
        return Kind.PROGRAM
    if b"%PDF-" in head[:1024]:
        return Kind.PDF
    return _text_kind(head)


def image_suffix(head: bytes) -> str:
    """The usual suffix of the picture that starts with ``head`` (``""``: not a picture)."""
    for magic, suffix in _IMAGE_SUFFIX.items():
        if head.startswith(magic) and (magic != b"BM" or head[6:10] == b"\0\0\0\0"):
            return suffix
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return ".avif" if head[8:12] == b"avif" else ".heic"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return ".webp"
    return ""


def archive_name(head: bytes) -> str:
    """What the archive that starts with ``head`` is (``"a 7-Zip archive (.7z)"``), when it is
    one formgen does not unpack (``""``: it is not)."""
    if head[257:262] == b"ustar":  # a tar file's first header; a PDF in it may follow at 512
        return Said("ingest_pipeline_what_tar")
    if _BZIP2.match(head):
        return Said("ingest_pipeline_what_bzip2")
    return next((name for magic, name in _ARCHIVES.items() if head.startswith(magic)), "")


PAGE_PICTURE = (800, 500)
"""Pixels on the long and on the short side from which a picture may show a form's page (a
phone's photo, a scan at 100 dpi and more); smaller ones are logos and icons of a signature."""
PAGE_PICTURE_BYTES = 100_000
"""A picture whose size cannot be read (an iPhone's .heic, a damaged header) counts as a page
from this many bytes on."""
PAPER_ADVICE = Said("ingest_pipeline_paper_advice")
"""What to do with a paper form that came back as a picture (formgen reads no handwriting)."""
SCAN_NOTE = Said("ingest_pdf_scan", advice=PAPER_ADVICE)
"""The note on a PDF whose pages are pictures without text: a scan or a photo of a paper form."""
AS_WRITTEN_NOTE = Said("ingest_pdf_as_written")
"""The note on a form exactly as formgen wrote it (:func:`formgen.pdf_write.as_written`):
nothing was saved into it, so it holds only what it was sent with; a return cut off after the
form as sent (an upload broken off after pdf.js's update began) is one too."""


def picture_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of the picture ``data`` from its header (no pixels are decoded), or
    ``None`` when Pillow cannot read it (a damaged header, a format it does not know)."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # DecompressionBombWarning: only the header is read
            with Image.open(io.BytesIO(data)) as picture:
                width, height = picture.size
                return width, height
    except Exception:  # Pillow raises many types on damaged headers (and on bombs)
        return None


def is_page_picture(data: bytes) -> tuple[bool, str]:
    """Whether the picture ``data`` is large enough to be a photo or scan of a form's page, and
    how the report names it (``"a picture of 1654×2339 pixels"``)."""
    size = picture_size(data)
    if size is None:
        return len(data) >= PAGE_PICTURE_BYTES, Said("ingest_pipeline_what_picture")
    long, short = max(size), min(size)
    return (
        long >= PAGE_PICTURE[0] and short >= PAGE_PICTURE[1],
        Said("ingest_pipeline_what_picture_size", width=size[0], height=size[1]),
    )


ZIP_ENTRY_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,  # a damaged directory or header
    zlib.error,  # damaged deflated data
    lzma.LZMAError,  # damaged LZMA data
    EOFError,  # data that ends too soon (LZMA, bzip2)
    OSError,  # damaged bzip2 data ("Invalid data stream"), and reading the file itself
    RuntimeError,  # an encrypted entry (zipfile wants a password)
    NotImplementedError,  # a compression method zipfile cannot unpack (Deflate64)
    ValueError,  # a header that points outside the file
)
"""What opening a ZIP archive (a DOCX, an ODT) or reading one of its files raises when the
archive is damaged or protected: every reader catches these same types."""


ODF_PARTS = frozenset({"content.xml", "META-INF/manifest.xml"})
"""Parts of an OpenDocument file besides its ``mimetype`` entry: a ZIP file with one of them
and no readable ``mimetype`` is taken for an ODT, not for an archive of returns."""


_NAMED = {".docx": Kind.DOCX, ".odt": Kind.ODT}
"""A ZIP file with one of these names is never unpacked as an archive of its parts."""


def _zip_kind(path: Path) -> Kind:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return Kind.DOCX
            if "mimetype" in names:
                odf = _odf_kind(zf, names)
                if odf is not None:
                    return odf
            elif ODF_PARTS & names:
                # An OpenDocument file without its mimetype entry (packed again by another
                # program, or damaged): the ODT reader reads it or says in one line what it is.
                return Kind.ODT
            if "[Content_Types].xml" in names:
                return Kind.OFFICE_ZIP
            if path.suffix.lower() in _NAMED:
                # a file named as a form is read as one: its reader says what is wrong with it
                return _NAMED[path.suffix.lower()]
    except ZIP_ENTRY_ERRORS:
        # A damaged ZIP; if it claims to be Word, let the DOCX reader explain what is wrong.
        with open_regular(path, str(path)) as fh:
            if b"word/" in fh.read(1 << 16):
                return Kind.DOCX
    return Kind.ZIP


def _odf_kind(zf: zipfile.ZipFile, names: set[str]) -> Kind | None:
    """An OpenDocument text (:attr:`Kind.ODT`), another OpenDocument file (a spreadsheet:
    :attr:`Kind.OFFICE_ZIP`) or ``None`` (not one) by its ``mimetype`` entry. When that entry
    cannot be read (marked encrypted, damaged) or names no OpenDocument type
    (``application/zip``) but the file has the other parts of one, it is an ODT: the ODT reader
    says in one line what is wrong with it, where a ZIP archive would give a line for each of
    its parts."""
    try:
        mime: bytes | None = zf.read("mimetype")[:100]
    except ZIP_ENTRY_ERRORS:
        mime = None
    if mime is not None and b"opendocument.text" in mime:
        return Kind.ODT
    if mime is not None and mime.startswith(b"application/vnd.oasis.opendocument."):
        return Kind.OFFICE_ZIP
    return Kind.ODT if ODF_PARTS & names else None


_MSG_STREAM = "__substg1.0_".encode("utf-16-le")
"""How an Outlook mail's directory names its streams (the OLE2 directory holds UTF-16 names)."""


def _is_msg(path: Path, name: str) -> bool:
    """Whether the OLE2 file at ``path`` is an Outlook mail: by its streams, or — when it is
    too damaged to list them (cut off or garbled on the way) — by their names in its bytes, or
    by its ``name`` ending ``.msg`` (cut off before its directory, which Outlook writes last),
    so that the .msg reader says it is damaged rather than the report calling it an old Office
    file."""
    try:
        import olefile  # type: ignore[import-untyped]  # installed with extract-msg; no stubs
    except ImportError:  # pragma: no cover - extract-msg is a dependency
        return False
    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = ole.listdir()
            if streams:
                return bool(ole.exists("__properties_version1.0")) or any(
                    entry[0].startswith("__substg1.0_") for entry in streams
                )
    except (OSError, ValueError):
        pass
    try:
        with open(path, "rb") as fh:
            tail = b""
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                if _MSG_STREAM in tail + chunk:
                    return True
                tail = chunk[1 - len(_MSG_STREAM) :]
    except OSError:
        pass
    return name.lower().endswith(".msg")


def starts_like_mail(data: bytes) -> bool:
    """``data`` starts with a mail's header (:func:`_mail_kind`), not with a line of text that
    only looks like a header line (``From: Praxis Nord <p@example.org>`` quoted in a mail)."""
    return _mail_kind(data[:HEAD_BYTES]) is not None


def _mail_kind(head: bytes) -> Kind | None:
    """:attr:`Kind.MBOX` or :attr:`Kind.EML` when ``head`` is how a mailbox or a saved mail
    starts, else ``None``.

    A mail by the shape of its header: lines ``Name: value`` (an RFC 5322 field name) and
    folded continuations of them up to a blank line, among them two names only mails have
    (:data:`_MAIL_HEADERS`) — or one, when every line of ``head`` is such a line: Microsoft 365
    writes kilobytes of ``Received``, ``ARC-*`` and ``X-MS-Exchange-*`` lines before ``From``,
    and a long ``To`` is folded over many lines. A header broken off by another line before the
    blank one counts up to there; the mail reader then says the mail is damaged unless it finds
    an attachment, as it does for a file that is nothing but a header (a mail cut off)."""
    body = head.lstrip(b"\r\n\t ")
    if body.startswith(b"From ") and _MBOX_FROM.match(body):
        return Kind.MBOX
    if not HEADER_LINE.match(body):  # the first line is no header (cheap: most files stop here)
        return None
    block, *rest = re.split(rb"\r?\n\r?\n", body, maxsplit=1)
    lines = block.splitlines()
    runs_past = not rest
    if runs_past and len(head) == HEAD_BYTES and _NAME.fullmatch(lines[-1]):
        lines.pop()  # cut off inside a header's name
    names = set()
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            continue
        header = HEADER_LINE.match(line)
        if header is None:  # the header is broken off here, as the mail parser ends it
            runs_past = False
            break
        names.add(header[0].lower())
    known = len(names.intersection(_MAIL_HEADERS))
    return Kind.EML if known >= 2 or (known and runs_past) else None


def _text_kind(head: bytes) -> Kind:
    if b"\x00" not in head:
        try:
            # The head may end inside a multi-byte character: cut at the last line break.
            (head.rsplit(b"\n", 1)[0] if len(head) == HEAD_BYTES else head).decode("utf-8")
            return Kind.TEXT
        except UnicodeDecodeError:
            pass
    return Kind.UNKNOWN


def looks_like_container(path: Path | str) -> bool:
    """A quick look at the first bytes only: might this be a container whose files are read one
    by one (:data:`CONTAINER_KINDS`: a mail, a mailbox, a Maildir folder, a ZIP archive, a
    winmail.dat), which gets the longer time limit? A ZIP file is told from a DOCX or ODT by the
    name of its first file (its directory, at the end, is not read); any OLE2 file may be an
    Outlook mail."""
    try:
        with open_regular(path, str(path)) as fh:
            head = fh.read(HEAD_BYTES)
    except IsADirectoryError:
        return is_maildir(Path(path))
    except (OSError, NotAFileError):
        return False
    if head.startswith(ZIP_START):
        name = head[30 : 30 + int.from_bytes(head[26:28], "little")]
        return head.startswith(b"PK\x05\x06") or not name.startswith(_PACKAGE_PARTS)
    return head.startswith((_OLE, _TNEF)) or _mail_kind(head) is not None
