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
from collections.abc import Callable, Mapping
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
        digest = hashlib.md5(usedforsecurity=False)
        for body in self._objects[1:]:
            digest.update(body or b"")
        file_id = Raw(b"<" + digest.hexdigest().upper().encode("ascii") + b">")
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
