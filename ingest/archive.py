"""Returned forms packed into a ZIP archive or Outlook's winmail.dat: each file inside is
ingested on its own.

A Träger answering for several of its institutions may pack their forms into one ZIP
(Windows: "Send to ▸ Compressed folder"), or a mail carries one. The archive is read like a
mail with attachments: each file inside is spooled under its SHA-256 and read in its own task,
shown as ``rueckmeldungen.zip#2 Praxis.pdf``; names inside are shown, never used as paths.

Before anything is inflated, the central directory is checked: the number of files, each
file's declared size and its compression ratio (a zip bomb is never inflated); Python's
zipfile never inflates a file beyond its declared size. A password-protected file, a compression
method Python cannot unpack (Deflate64) or a damaged entry is one line of the report; the
rest of the archive is read. Folders and the metadata macOS and Windows add (``__MACOSX/``,
``.DS_Store``, ``Thumbs.db``) are left out.

Outlook, set to send "Rich Text", wraps a mail's attachments into one ``winmail.dat``
(``application/ms-tnef``, TNEF); a mail program other than Outlook shows only that file. Its
files are read with tnefparse, under their long (Unicode) names, and an Outlook item attached
inside it (a forwarded mail) gives its own files too (``winmail.dat#2/1 antrag.pdf``).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import os
import struct
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

import tnefparse.tnef
from tnefparse.mapi import decode_mapi
from tnefparse.tnef import TNEF, TNEFAttachment

from formgen.errors import UnreadableFileError
from formgen.messages import Said, said_count
from ingest.mailbox import Attachment, MailInfo, MailScan, display_name
from ingest.sniff import ZIP_ENTRY_ERRORS, ZIP_START

MAX_RATIO = 200
"""Deflated XML of real documents stays far below 100:1; zip bombs are at 1000:1 and more."""
RATIO_FLOOR = 1024 * 1024
"""Entries smaller than this are not checked for their ratio (tiny files compress oddly)."""
MAX_ENDS = 64
"""How many records of a directory's end are tried, from the file's end, for the last archive
that opens (:func:`_last_whole`): one for each archive inside a cut one stored unpacked, say;
a file crafted of them is damaged, not opened a million times."""
MAX_NESTING = 4
"""Archives within archives (within mails) deeper than this are not unpacked (a ZIP quine
unpacks to itself forever)."""
WINDOWS_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini"})
"""What Windows Explorer leaves in a folder, by name in lower case (Windows names ignore case):
its thumbnail caches and the folder's settings; never a return."""
_TNEF_LOG = logging.getLogger("tnefparse")
_TNEF_LOG.addHandler(logging.NullHandler())  # its checksum warnings become report lines
_TNEF_LOG.propagate = False


class _Overruns(threading.local):
    """The property counts :func:`_bounded_mapi` cut in this thread's winmail.dat."""

    counts: list[int]

    def __init__(self) -> None:
        self.counts = []


_overruns = _Overruns()


def _bounded_mapi(
    data: bytes, codepage: str = "cp1252", starting_offset: int | None = None
) -> object:
    """tnefparse's ``decode_mapi`` with the number of properties a list claims cut to what its
    bytes can hold (each takes 4 at least). tnefparse loops over the claimed number, skipping
    each past the end: one changed byte (0x00 → 0xe8) claims 3.9 billion, and its loop held a
    worker until the per-file time limit (600 s). The cut is noted in :data:`_overruns`."""
    offset = starting_offset or 0
    if len(data) - offset >= 4:
        (count,) = struct.unpack_from("<I", data, offset)
        room = (len(data) - offset - 4) // 4
        if count > room:
            _overruns.counts.append(count)
            data = data[:offset] + struct.pack("<I", room) + data[offset + 4 :]
    return decode_mapi(data, codepage, starting_offset)


tnefparse.tnef.decode_mapi = _bounded_mapi  # tnefparse 1.4 has no bound of its own


def zip_members(
    path: Path,
    name: str,
    scan: MailScan,
    max_files: int,
    max_file_bytes: int,
    mail: MailInfo,
) -> Iterator[Attachment]:
    """The files in the ZIP archive at ``path`` (called ``name``: its file or attachment
    name), each with the mail that carried the archive.

    Raises :class:`~formgen.errors.UnreadableFileError` when the archive itself cannot be
    opened; a problem with one file inside goes into ``scan.problems``. Archives joined into
    one file (``cat a.zip b.zip``) are read one after the other, numbered on (``#1`` … of the
    first, then the second's), and ``scan.notes`` says so; the part before the last one that
    does not open as an archive is a problem: its files were not read."""
    with contextlib.ExitStack() as stack:
        infos = [
            (zf, info)
            for zf in _joined(path, name, scan, stack, max_files)
            for info in zf.infolist()
            if not info.is_dir() and not _system_file(info.filename)
        ]
        scan.attachments = len(infos)
        if len(infos) > max_files:
            scan.problems.append(Said("ingest_mail_zip_too_many", n=len(infos), limit=max_files))
        for number, (zf, info) in enumerate(infos[:max_files], start=1):
            shown = _shown(info)
            where = f"#{number} {shown}"
            if info.flag_bits & 0x1:
                scan.problems.append(Said("ingest_mail_zip_password", where=where))
            elif info.file_size > max_file_bytes:
                scan.problems.append(
                    Said(
                        "ingest_mail_too_large",
                        where=where,
                        size=info.file_size,
                        limit=max_file_bytes,
                    )
                )
            elif bomb_ratio(info):
                scan.problems.append(
                    Said(
                        "ingest_mail_zip_bomb",
                        where=where,
                        size=info.file_size,
                        packed=info.compress_size,
                        ratio=MAX_RATIO,
                    )
                )
            else:
                try:
                    data = zf.read(info)
                except NotImplementedError:
                    scan.problems.append(Said("ingest_mail_zip_method", where=where))
                except ZIP_ENTRY_ERRORS:
                    scan.problems.append(Said("ingest_mail_zip_entry_damaged", where=where))
                else:
                    yield Attachment(data, shown, str(number), mail)


_FILE, _END = ZIP_START
_FILE_HEADER = struct.Struct("<4s2xH18xHH")
"""A file's header in an archive (its signature, flags, the lengths of its name and extra), as
long as it is before the name."""


def _joined(
    path: Path, name: str, scan: MailScan, stack: contextlib.ExitStack, limit: int
) -> list[zipfile.ZipFile]:
    """The archives in the file at ``path``, first to last, open until ``stack`` closes.

    zipfile reads the last archive of a file, by the directory at its end; the bytes before
    that archive's first file, when they start as a ZIP archive does, are read as an archive
    of their own (and so on: ``cat a.zip b.zip c.zip``). A self-extracting archive starts with
    a program, never read as an archive. The last ``limit`` archives are read at most (the
    number of files read from one archive), and the bytes before them said to be left. An
    archive cut off after the last whole one (:func:`_last_whole`) is said to be cut, by the
    first file in it where its name is left."""
    try:
        fh = stack.enter_context(path.open("rb"))
        last, whole = _last_whole(fh)
    except ZIP_ENTRY_ERRORS:
        raise UnreadableFileError(name, "damaged", Said("ingest_mail_zip_damaged")) from None
    stack.enter_context(last)
    fh.seek(whole)
    cut = fh.read(_FILE_HEADER.size + 0xFFFF)
    if cut.startswith(_FILE):
        size = os.fstat(fh.fileno()).st_size - whole
        first = _first_name(cut)
        scan.problems.append(
            Said("ingest_mail_zip_joined_cut_named", size=size, first=first)
            if first
            else Said("ingest_mail_zip_joined_cut", size=size)
        )
    archives = [last]
    end = _first_offset(last)
    fh.seek(0)
    joined = bool(end) and fh.read(4).startswith(ZIP_START)
    while end and joined:
        if len(archives) == limit:
            scan.problems.append(Said("ingest_mail_zip_joined_many", limit=limit, size=end))
            break
        try:
            head = zipfile.ZipFile(_Head(fh, end))
        except ZIP_ENTRY_ERRORS:
            scan.problems.append(Said("ingest_mail_zip_joined_damaged", size=end))
            break
        start = _first_offset(stack.enter_context(head))
        if start >= end:  # its directory points past its own end: no archive joined there
            scan.problems.append(Said("ingest_mail_zip_joined_damaged", size=end))
            break
        archives.insert(0, head)
        end = start
    if len(archives) > 1:
        scan.notes.append(Said("ingest_mail_zip_joined", n=len(archives)))
    return archives


def _last_whole(fh: BinaryIO) -> tuple[zipfile.ZipFile, int]:
    """The last archive in the open file ``fh`` that opens, and where it ends: the one whose
    directory's end is last in the file, or, where that one does not open, the one before;
    :class:`zipfile.BadZipFile` where none does. zipfile finds the directory's end among the
    last 64 KB only, and there takes the last it sees: an archive cut off after another one
    (``cat a.zip b.zip``, ``b.zip`` cut) read as damaged, or, where the cut one was short, as
    ``a.zip`` alone, nothing said of the rest. The last :data:`MAX_ENDS` are tried at most."""
    size = os.fstat(fh.fileno()).st_size
    for end in itertools.islice(_ends(fh, size), MAX_ENDS):
        with contextlib.suppress(*ZIP_ENTRY_ERRORS):  # the file itself read faster
            return zipfile.ZipFile(fh if end == size else _Head(fh, end)), end
    raise zipfile.BadZipFile("no archive in the file opens")


def _ends(fh: BinaryIO, size: int) -> Iterator[int]:
    """Where each record of a directory's end in the file ``fh`` (``size`` bytes) ends with its
    comment, the last first: read from the end, 64 KB at a time (a file of any size is never
    read whole, nor mapped into a worker's limited memory)."""
    stop = size
    while stop > 0:
        start = max(0, stop - (1 << 16))
        fh.seek(start)
        data = fh.read(stop - start + 21)  # each record that starts before stop, whole
        at = data.rfind(_END, 0, stop - start + 3)
        while at >= 0:
            yield min(size, start + at + 22 + int.from_bytes(data[at + 20 : at + 22], "little"))
            at = data.rfind(_END, 0, at + 3)
        stop = start


def _first_name(data: bytes) -> str | None:
    """The name of the file whose header ``data`` starts with, as shown; ``None`` where the
    header is cut before the name's end."""
    if len(data) < _FILE_HEADER.size:
        return None
    _, flags, length, _ = _FILE_HEADER.unpack_from(data)
    raw = data[_FILE_HEADER.size : _FILE_HEADER.size + length]
    if not length or len(raw) < length:
        return None
    info = zipfile.ZipInfo(raw.decode("utf-8" if flags & 0x800 else "cp437", "replace"))
    info.flag_bits = flags
    return _shown(info)


def _shown(info: zipfile.ZipInfo) -> str:
    """A file's name in an archive as a report shows it: the last part of its path."""
    return display_name(PurePosixPath(member_name(info).replace("\\", "/")).name)


def _first_offset(zf: zipfile.ZipFile) -> int:
    """Where the archive's first file starts in the file (0 for an archive of its own)."""
    return min((i.header_offset for i in zf.infolist()), default=0)


class _Head(io.RawIOBase):
    """The first ``size`` bytes of the open file ``fh``, for zipfile to read as a file: an
    archive that another was joined to."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        super().__init__()
        self._fh, self._size, self._pos = fh, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: Any) -> int:
        self._fh.seek(self._pos)
        data = self._fh.read(max(0, min(len(buffer), self._size - self._pos)))
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)


def bomb_ratio(info: zipfile.ZipInfo) -> float | None:
    """The compression ratio of an entry (a file in a ZIP archive, a part of a DOCX or ODT)
    that would unpack to more than :data:`RATIO_FLOOR` at more than :data:`MAX_RATIO`:1 (a
    possible zip bomb), else ``None``."""
    if info.file_size <= RATIO_FLOOR:
        return None
    ratio = info.file_size / max(info.compress_size, 1)
    return ratio if ratio > MAX_RATIO else None


def member_name(info: zipfile.ZipInfo) -> str:
    """The file's name as its packer meant it. Without the UTF-8 flag zipfile reads a name as
    code page 437, but Info-ZIP on Linux and macOS write UTF-8 without the flag ("Rückmeldung"
    would show as "R├╝ckmeldung"); names that are valid UTF-8 are read as UTF-8, the others
    stay code page 437 (old Windows; its German letters are those of code page 850)."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _system_file(member: str) -> bool:
    parts = PurePosixPath(member.replace("\\", "/")).parts
    return bool(parts) and (
        parts[0] == "__MACOSX"
        or parts[-1] == ".DS_Store"
        or parts[-1].startswith("._")
        or parts[-1].lower() in WINDOWS_FILES
    )


def tnef_members(
    path: Path,
    name: str,
    scan: MailScan,
    max_files: int,
    max_file_bytes: int,
    mail: MailInfo,
) -> Iterator[Attachment]:
    """The files in Outlook's winmail.dat at ``path`` (called ``name``), each with the mail
    that carried it; like :func:`zip_members`.

    Raises :class:`~formgen.errors.UnreadableFileError` when the file cannot be decoded."""
    size = path.stat().st_size
    if size > max_file_bytes:
        raise UnreadableFileError(
            name, "too-large", Said("ingest_mail_tnef_too_large", size=size, limit=max_file_bytes)
        )
    _overruns.counts = []
    try:
        tnef = TNEF(path.read_bytes())
    except Exception:  # tnefparse fails with whatever its parser meets in a damaged file
        raise UnreadableFileError(name, "damaged", Said("ingest_mail_tnef_damaged")) from None
    if _overruns.counts:
        scan.problems.append(Said("ingest_mail_tnef_overrun", count=max(_overruns.counts)))
    files = list(_tnef_files(tnef, "", scan))
    scan.attachments = len(files)
    if len(files) > max_files:
        scan.problems.append(Said("ingest_mail_tnef_too_many", n=len(files), limit=max_files))
    damaged = sum(not o.good_checksum for o in tnef.objects)
    if damaged:
        scan.problems.append(said_count("ingest_mail_tnef_checksum", damaged))
    for position, att in files[:max_files]:
        shown = display_name(_tnef_name(att))
        if isinstance(att.data, bytes):
            yield Attachment(att.data, shown, position, mail)
        else:
            scan.problems.append(Said("ingest_mail_tnef_not_file", position=position, name=shown))


def _tnef_files(tnef: TNEF, prefix: str, scan: MailScan) -> Iterator[tuple[str, TNEFAttachment]]:
    """(position, attachment) of every file; an attached Outlook item (a forwarded mail) gives
    its own files in its place, and one without files is a line in ``scan.problems``."""
    for number, att in enumerate(tnef.attachments, start=1):
        inner = getattr(att, "embed", None)
        if not isinstance(inner, TNEF):
            yield f"{prefix}{number}", att
        elif inner.attachments:
            yield from _tnef_files(inner, f"{prefix}{number}/", scan)
        else:
            scan.problems.append(
                Said(
                    "ingest_mail_tnef_item",
                    position=f"{prefix}{number}",
                    name=display_name(_tnef_name(att)),
                )
            )


def _tnef_name(att: TNEFAttachment) -> str | None:
    """The long (Unicode) file name, else the 8.3 one Outlook keeps beside it."""
    for name in (att.long_filename, lambda: att.name):
        try:
            text = name()
        except (UnicodeDecodeError, LookupError, AttributeError):
            continue
        if isinstance(text, str) and text.strip("\x00"):
            return text.strip("\x00")
    return None
