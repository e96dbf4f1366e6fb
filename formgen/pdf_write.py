"""A small, fast PDF object writer: Python values → PDF objects → a complete file.

The PDF form generator builds a few hundred objects per form; writing them directly is about ten
times faster than going through a general PDF library, which matters for a batch of a thousand
personalised forms. Output is deterministic (no dates, ids derived from the content).

Python → PDF: ``dict`` → dictionary (keys are names), ``list``/``tuple`` → array, :class:`Name`
→ name, ``str`` → text string (literal when printable ASCII, else UTF-16BE with BOM),
``bytes`` → hex string, ``int``/``float``/``bool``/``None`` → number/boolean/null,
:class:`Ref` → indirect reference, :class:`Raw` → written as it is.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any


class Name(str):
    """A PDF name (``/Tx``); the text is without the slash."""

    __slots__ = ()


class Raw(bytes):
    """Bytes written into the file as they are (pre-serialised objects)."""

    __slots__ = ()


class Ref:
    """An indirect reference to object ``num``."""

    __slots__ = ("num",)

    def __init__(self, num: int) -> None:
        self.num = num

    def __repr__(self) -> str:
        return f"Ref({self.num})"


_NAME_SAFE = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+*:;,!?@'\"&^`|~"
)
_PRINTABLE = re.compile(r"[\x20-\x7e]*")
_NAMES: dict[str, bytes] = {}


def _name(text: str) -> bytes:
    cached = _NAMES.get(text)
    if cached is not None:
        return cached
    raw = text.encode("utf-8")
    out = b"/" + b"".join(bytes([b]) if b in _NAME_SAFE else b"#%02X" % b for b in raw)
    if len(_NAMES) < 10_000:
        _NAMES[text] = out
    return out


def _text(text: str) -> bytes:
    if text.isascii() and _PRINTABLE.fullmatch(text):
        raw = text.encode("ascii")
        if b"\\" in raw or b"(" in raw or b")" in raw:
            raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        return b"(" + raw + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def number(value: float) -> bytes:
    if isinstance(value, int):
        return b"%d" % value
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return (text if text not in ("-0", "") else "0").encode("ascii")


def _dict(value: Mapping[str, Any]) -> bytes:
    parts = [b"<<"]
    for key, item in value.items():
        parts.append(_name(key))
        parts.append(serialize(item))
    parts.append(b">>")
    return b" ".join(parts)


def _array(value: list[Any] | tuple[Any, ...]) -> bytes:
    return b"[" + b" ".join([serialize(v) for v in value]) + b"]"


_DISPATCH: dict[type, Callable[[Any], bytes]] = {
    dict: _dict,
    list: _array,
    tuple: _array,
    str: _text,
    int: lambda v: b"%d" % v,
    float: number,
    bool: lambda v: b"true" if v else b"false",
    type(None): lambda v: b"null",
    bytes: lambda v: b"<" + v.hex().encode("ascii") + b">",
}


def serialize(value: Any) -> bytes:
    """One PDF object as bytes."""
    handler = _DISPATCH.get(type(value))
    if handler is not None:
        return handler(value)
    if isinstance(value, Ref):
        return b"%d 0 R" % value.num
    if isinstance(value, Name):
        return _name(value)
    if isinstance(value, Raw):
        return bytes(value)
    if isinstance(value, Mapping):
        return _dict(value)
    raise TypeError(f"cannot write {type(value).__name__} into a PDF")


class PdfWriter:
    """Collects numbered objects and writes the file (objects packed into compressed object
    streams with a cross-reference stream, PDF 1.5+, unless ``compact=False``)."""

    def __init__(self) -> None:
        self._objects: list[bytes | None] = [None]
        self._streams: set[int] = set()

    def reserve(self) -> Ref:
        """A number for an object written later with :meth:`set`."""
        self._objects.append(None)
        return Ref(len(self._objects) - 1)

    def set(self, ref: Ref, value: Any) -> Ref:
        self._objects[ref.num] = serialize(value)
        return ref

    def add(self, value: Any) -> Ref:
        return self.set(self.reserve(), value)

    def add_raw(self, data: bytes, is_stream: bool | None = None) -> Ref:
        """An object already serialised (e.g. a cached font program)."""
        ref = self.reserve()
        self._objects[ref.num] = data
        if is_stream or (is_stream is None and data.endswith(b"endstream")):
            self._streams.add(ref.num)
        return ref

    def stream(
        self, data: bytes, entries: Mapping[str, Any] | None = None, compress: bool = True
    ) -> Ref:
        return self.add_raw(stream_bytes(data, entries, compress), is_stream=True)

    def write(self, root: Ref, info: Ref, compact: bool = True) -> bytes:
        """The whole file; ``/ID`` is a hash of the content, so equal input gives equal files."""
        for num, body in enumerate(self._objects):
            if num and body is None:
                raise ValueError(f"PDF object {num} was reserved but never written")
        file_id = Raw(b"<" + _file_id(body or b"" for body in self._objects[1:]) + b">")
        trailer = {"Root": root, "Info": info, "ID": [file_id, file_id]}
        if compact:
            return self._write_compact(trailer)
        out = [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"]
        pos = len(out[0])
        offsets = [0] * len(self._objects)
        for num in range(1, len(self._objects)):
            chunk = b"%d 0 obj\n" % num + (self._objects[num] or b"") + b"\nendobj\n"
            offsets[num] = pos
            out.append(chunk)
            pos += len(chunk)
        xref = [b"xref\n0 %d\n" % len(self._objects), b"0000000000 65535 f \n"]
        xref.extend(b"%010d 00000 n \n" % offset for offset in offsets[1:])
        out.extend(xref)
        trailer["Size"] = len(self._objects)
        out.append(b"trailer\n" + serialize(trailer) + b"\nstartxref\n%d\n%%%%EOF\n" % pos)
        return b"".join(out)

    def _write_compact(self, trailer: dict[str, Any]) -> bytes:
        objects = self._objects
        packed = [n for n in range(1, len(objects)) if n not in self._streams]
        # entries: num → (type, field2, field3) of the cross-reference stream
        entries: dict[int, tuple[int, int, int]] = {0: (0, 0, 65535)}
        out = [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"]
        pos = len(out[0])

        def emit(num: int, body: bytes) -> None:
            nonlocal pos
            chunk = b"%d 0 obj\n" % num + body + b"\nendobj\n"
            entries[num] = (1, pos, 0)
            out.append(chunk)
            pos += len(chunk)

        for num in range(1, len(objects)):
            if num in self._streams:
                emit(num, objects[num] or b"")
        next_num = len(objects)
        for start in range(0, len(packed), 400):
            group = packed[start : start + 400]
            header: list[bytes] = []
            bodies: list[bytes] = []
            offset = 0
            for index, num in enumerate(group):
                body = objects[num] or b""
                header.append(b"%d %d" % (num, offset))
                bodies.append(body)
                offset += len(body) + 1
                entries[num] = (2, next_num, index)
            head = b" ".join(header) + b"\n"
            data = head + b"\n".join(bodies) + b"\n"
            emit(
                next_num,
                stream_bytes(data, {"Type": Name("ObjStm"), "N": len(group), "First": len(head)}),
            )
            next_num += 1
        xref_num = next_num
        size = xref_num + 1
        entries[xref_num] = (1, pos, 0)
        rows = b"".join(
            bytes([entries[n][0]])
            + entries[n][1].to_bytes(4, "big")
            + entries[n][2].to_bytes(2, "big")
            for n in range(size)
        )
        xref = {**trailer, "Type": Name("XRef"), "Size": size, "W": [1, 4, 2]}
        out.append(b"%d 0 obj\n" % xref_num + stream_bytes(rows, xref) + b"\nendobj\n")
        out.append(b"startxref\n%d\n%%%%EOF\n" % pos)
        return b"".join(out)


def stream_bytes(
    data: bytes, entries: Mapping[str, Any] | None = None, compress: bool = True
) -> bytes:
    """A stream object's bytes (Flate-compressed when worth it)."""
    head = dict(entries or {})
    if compress and len(data) > 64:
        data = zlib.compress(data, 6)
        head["Filter"] = Name("FlateDecode")
    head["Length"] = len(data)
    return serialize(head) + b"\nstream\n" + data + b"\nendstream"


_WRITTEN_END = re.compile(rb"startxref\n(\d+)\n%%EOF\s*\Z")
_WRITTEN_ID = re.compile(rb"/ID \[<([0-9A-F]{32})> <\1>\]")
_INFLATED_MAX = 256 << 20
"""More than a form's object stream ever unpacks to (a few MB); a damaged file stops there."""


def as_written(data: bytes) -> bool:
    """Whether ``data`` is a file exactly as :meth:`PdfWriter.write` wrote it (compact, as every
    form is written): its objects, read back, hash to its ``/ID`` (the writer's digest of them),
    and nothing follows the writer's ``%%EOF`` but line ends. No program saved into it since: a
    PDF viewer that saves what was typed rewrites the file (PDFium, pdftk) or appends an update
    after that end (pdf.js, Acrobat), and one cut off there (an upload broken off) is the form
    as it was sent.

    Bytes not written so (another program's, damaged ones) give ``False``, never an error."""
    end = _WRITTEN_END.search(data, max(0, len(data) - 64))
    if end is None:
        return False
    xref = int(end.group(1))
    written = _WRITTEN_ID.search(data, xref, data.find(b"\nstream\n", xref, end.start()))
    if written is None:
        return False
    try:
        bodies = _compact_bodies(data, xref, end.start())
    except (ValueError, IndexError, KeyError, zlib.error):
        return False
    return _file_id(bodies) == written.group(1)


def _file_id(bodies: Iterable[bytes]) -> bytes:
    """The file's ``/ID`` as :meth:`PdfWriter.write` makes it: the objects' bodies hashed."""
    digest = hashlib.md5(usedforsecurity=False)
    for body in bodies:
        digest.update(body)
    return digest.hexdigest().upper().encode("ascii")


def _chunk(data: bytes, num: int, start: int, stop: int) -> bytes:
    """Object ``num``'s body, written from ``start`` to ``stop`` as ``N 0 obj\\n…\\nendobj\\n``."""
    head, tail = b"%d 0 obj\n" % num, b"\nendobj\n"
    if not data.startswith(head, start) or data[stop - len(tail) : stop] != tail:
        raise ValueError(num)
    return data[start + len(head) : stop - len(tail)]


def _stream(body: bytes, limit: int) -> tuple[bytes, bytes]:
    """A stream object's dictionary and its data, unpacked (:func:`stream_bytes` wrote it)."""
    head, _, rest = body.partition(b"\nstream\n")
    if not rest.endswith(b"\nendstream"):
        raise ValueError(head)
    packed = rest[: -len(b"\nendstream")]
    if b"/Filter /FlateDecode" not in head:
        return head, packed
    inflate = zlib.decompressobj()
    data = inflate.decompress(packed, limit)
    if inflate.unconsumed_tail:
        raise ValueError(limit)
    return head, data


def _number(head: bytes, key: bytes) -> int:
    found = re.search(rb"/" + key + rb" (\d+)", head)
    if found is None:
        raise ValueError(key)
    return int(found.group(1))


def _compact_bodies(data: bytes, xref: int, end: int) -> list[bytes]:
    """The bodies of objects 1… in a file with object streams and a cross-reference stream:
    a stream object stands on its own, the others are packed 400 to an object stream."""
    first = re.compile(rb"(\d+) 0 obj\n").match(data, xref)
    if first is None:
        raise ValueError(xref)
    size = int(first.group(1)) + 1
    head, rows = _stream(_chunk(data, size - 1, xref, end), 7 * size)
    if b"/W [1 4 2]" not in head or _number(head, b"Size") != size or len(rows) != 7 * size:
        raise ValueError(size)
    entries = [
        (
            rows[i],
            int.from_bytes(rows[i + 1 : i + 5], "big"),
            int.from_bytes(rows[i + 5 : i + 7], "big"),
        )
        for i in range(0, len(rows), 7)
    ]
    objects = min([n for kind, n, _ in entries if kind == 2] or [size - 1])
    placed = sorted(  # the objects and object streams, each up to the next or the xref stream
        (offset, num) for num, (kind, offset, _) in enumerate(entries[: size - 1]) if kind == 1
    )
    stops = dict(zip((num for _, num in placed), [o for o, _ in placed[1:]] + [xref], strict=True))
    bodies: dict[int, bytes] = {}
    for offset, num in placed:
        body = _chunk(data, num, offset, stops[num])
        if num < objects:
            bodies[num] = body
        else:  # an object stream: the objects packed in it
            head, packed = _stream(body, _INFLATED_MAX)
            at = _number(head, b"First")
            pairs = packed[:at].split()
            nums, starts = pairs[0::2], [at + int(o) for o in pairs[1::2]]
            stop = [s - 1 for s in starts[1:]] + [len(packed) - 1]
            for n, s, e in zip(nums, starts, stop, strict=True):
                bodies[int(n)] = packed[s:e]
    return [bodies[num] for num in range(1, objects)]
