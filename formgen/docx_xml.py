"""The small WordprocessingML pieces of a fillable DOCX form: content controls, written and read.

This is the one module that knows the XML of content controls (``w:sdt``); the form layout
(:mod:`formgen.docx_form`) and the reader (:mod:`ingest.docx_reader`) both go through it.
python-docx has no content-control API, so the pieces are built with lxml here.

Every control is *inline* (inside a paragraph, never around one): LibreOffice converts or breaks
block-level controls. Each control carries

* ``w:tag``   — the stable field path (:class:`formgen.model.FieldPath` as text),
* ``w:alias`` — the label people read (Word shows it as the control's title, a screen reader
  says it; :func:`formgen.docx_form.control_alias`),
* ``w:showingPlcHdr`` — while the control shows its placeholder text (a grey hint, not a value;
  :func:`formgen.docx_form.control_hint`).

Kinds, as Word defines them (ECMA-376 Part 1 §17.5.2, MS-DOCX §2.6 for ``w14:checkbox``):

========== ================================================================================
text       ``w:text`` (``w:multiLine="1"`` for a textarea; line breaks are ``w:br``)
checkbox   ``w14:checkbox`` with ``w14:checked`` and the two glyphs ☒ / ☐
dropdown   ``w:dropDownList`` with ``w:listItem`` (``w:value`` stored, ``w:displayText`` shown)
date       ``w:date`` with ``w:fullDate``, format ``dd.MM.yyyy``, the form's language
========== ================================================================================

Reading (:func:`iter_controls`, :func:`interpret`) also understands what LibreOffice makes of
controls it cannot keep: legacy form fields (``FORMTEXT``/``FORMCHECKBOX``/``FORMDROPDOWN``)
and input fields, which carry a value but no tag.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from lxml import etree

from formgen.bidi_order import glue_to_latin, paragraph_rtl
from formgen.linebreak import LINE_BREAK, newlines, shorten
from formgen.messages import date_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NSMAP = {"w": W, "w14": W14, "r": R, "mc": MC}

DATE_FORMAT = {"de": "dd.MM.yyyy", "en": "yyyy-MM-dd"}
"""How a date control shows its date (Word's picture), by the form's language: as formgen writes
dates in it (:func:`formgen.messages.date_text`); German for another."""
CHECKED_GLYPH = "☒"  # U+2612
UNCHECKED_GLYPH = "☐"  # U+2610
SYMBOL_FONT = "DejaVu Sans"
"""Font of the checkbox glyphs (the font embedded in every formgen DOCX)."""

PLACEHOLDER_STYLE = "PlaceholderText"

TEXT, CHECKBOX, DROPDOWN, DATE = "text", "checkbox", "dropdown", "date"

# Placeholder texts Word and formgen put into empty controls. A control whose text equals one of
# these is blank, also when the showingPlcHdr flag was cleared (LibreOffice clears it on the first
# keystroke, and keeps the hint when the person typed nothing after all).
WORD_PLACEHOLDERS = frozenset(
    {
        "Click or tap here to enter text.",
        "Click here to enter text.",
        "Choose an item.",
        "Click or tap to enter a date.",
        "Click here to enter a date.",
        "Klicken oder tippen Sie hier, um Text einzugeben.",
        "Klicken Sie hier, um Text einzugeben.",
        "Wählen Sie ein Element aus.",
        "Klicken oder tippen Sie, um ein Datum einzugeben.",
        "Klicken Sie hier, um ein Datum einzugeben.",
    }
)


XML_NS = "http://www.w3.org/XML/1998/namespace"


@functools.cache
def qn(name: str) -> str:
    """``"w:tag"`` → ``"{namespace}tag"`` (also ``xml:space``)."""
    prefix, local = name.split(":")
    uri = XML_NS if prefix == "xml" else NSMAP[prefix]
    return f"{{{uri}}}{local}"


def el(name: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """A new element ``name`` (``"w:p"``) with namespaced attributes and children."""
    # No nsmap per element (slow with thousands of them): the document root declares the
    # prefixes and lxml reuses them when the element is appended (see docx_form._xml).
    node = etree.Element(qn(name))
    for key, value in (attrs or {}).items():
        node.set(qn(key) if ":" in key else key, value)
    for child in children:
        node.append(child)
    return node


def sub(parent: etree._Element, name: str, attrs: dict[str, str] | None = None) -> etree._Element:
    node = el(name, attrs)
    parent.append(node)
    return node


# --------------------------------------------------------------------------------------- runs


def run_props(
    *,
    style: str | None = None,
    bold: bool = False,
    size_pt: float | None = None,
    color: str | None = None,
    font: str | None = None,
) -> etree._Element | None:
    """A ``w:rPr`` with the given formatting, or None when there is none."""
    if not (style or bold or size_pt or color or font):
        return None
    rpr = el("w:rPr")
    if style:
        sub(rpr, "w:rStyle", {"w:val": style})
    if font:
        sub(rpr, "w:rFonts", {k: font for k in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")})
    if bold:
        sub(rpr, "w:b")
        sub(rpr, "w:bCs")
    if color:
        sub(rpr, "w:color", {"w:val": color})
    if size_pt:
        half = str(round(size_pt * 2))
        sub(rpr, "w:sz", {"w:val": half})
        sub(rpr, "w:szCs", {"w:val": half})
    return rpr


def text_runs(
    text: str, rpr: etree._Element | None = None, rtl: bool = False
) -> list[etree._Element]:
    """Runs showing ``text``; a line break (:data:`formgen.linebreak.LINE_BREAK`) becomes a
    ``w:br``, as Word writes one, ``\\t`` a tab. (A U+2028 the register held from before the
    readers stored it as ``\\n`` stood in a ``w:t``.)

    ``rtl``: ``text`` is a right-to-left paragraph (:func:`formgen.bidi_order.paragraph_rtl`);
    its right-to-left stretches are runs marked ``w:rtl``, its Latin ones plain runs, as Word
    writes them: ``w:rtl`` overrides the direction of the spaces and punctuation of its run
    (ECMA-376 Part 1 §17.3.2.30), so over „Beratung für Familien“ it would put the words in
    right-to-left order."""
    runs: list[etree._Element] = []
    for i, line in enumerate(LINE_BREAK.split(text)):
        for k, (part, part_rtl) in enumerate(_direction_parts(line) if rtl else [(line, False)]):
            r = el("w:r")
            if part_rtl:
                props = _copy(rpr) if rpr is not None else el("w:rPr")
                sub(props, "w:rtl")
                r.append(props)
            elif rpr is not None:
                r.append(_copy(rpr))
            if i and not k:
                sub(r, "w:br")
            for j, piece in enumerate(part.split("\t")):
                if j:
                    sub(r, "w:tab")
                if piece:
                    t = sub(r, "w:t")
                    t.text = piece
                    if piece != piece.strip():
                        t.set(qn("xml:space"), "preserve")
            runs.append(r)
    return runs


def _direction_parts(line: str) -> list[tuple[str, bool]]:
    """``line`` of a right-to-left paragraph cut where its direction changes: (text, whether
    right to left). Latin letters, what lies between two of them (spaces, digits) and the
    punctuation typed against one (the last full stop of „e.V.“: :func:`glue_to_latin`) are
    left to right; everything else takes the paragraph's direction (UAX #9 N1, N2)."""
    kinds = ["R" if kind == "AL" else kind for kind in map(unicodedata.bidirectional, line)]
    glue_to_latin(line, kinds)
    strong = [k for k, kind in enumerate(kinds) if kind in ("L", "R")]
    parts: list[tuple[str, bool]] = []
    for k, ch in enumerate(line):
        if kinds[k] in ("L", "R"):
            part_rtl = kinds[k] != "L"
        else:
            before = next((kinds[j] for j in reversed(strong) if j < k), "R")
            after = next((kinds[j] for j in strong if j > k), "R")
            part_rtl = not (before == after == "L")
        if parts and parts[-1][1] == part_rtl:
            parts[-1] = (parts[-1][0] + ch, part_rtl)
        else:
            parts.append((ch, part_rtl))
    return parts or [("", False)]


def _copy(node: etree._Element) -> etree._Element:
    return copy.deepcopy(node)


# ----------------------------------------------------------------------------- writing controls


@dataclass(frozen=True)
class Item:
    """One entry of a drop-down list: the stored value and the text people see."""

    value: str
    display: str


def _sdt(
    tag: str,
    alias: str,
    control_id: int,
    placeholder: bool,
    kind_el: etree._Element | None,
    content: Sequence[etree._Element],
    rpr: etree._Element | None = None,
) -> etree._Element:
    # sdtPr children in schema order: rPr, alias, tag, id, lock, placeholder, temporary,
    # showingPlcHdr, …, then the kind (text/date/dropDownList); w14:checkbox is an extension.
    pr = el("w:sdtPr")
    if rpr is not None:
        pr.append(_copy(rpr))
    sub(pr, "w:alias", {"w:val": alias})
    sub(pr, "w:tag", {"w:val": tag})
    sub(pr, "w:id", {"w:val": str(control_id)})
    if placeholder:
        sub(pr, "w:showingPlcHdr")
    if kind_el is not None:
        pr.append(kind_el)
    body = el("w:sdtContent")
    for node in content:
        body.append(node)
    return el("w:sdt", None, pr, body)


def _content_runs(
    value: str | None, placeholder: str, rpr: etree._Element | None
) -> tuple[bool, list[etree._Element]]:
    if value:
        return False, text_runs(value, rpr, rtl=paragraph_rtl(value))
    hint = run_props(style=PLACEHOLDER_STYLE)
    return True, text_runs(placeholder, hint)


def text_control(
    tag: str,
    alias: str,
    control_id: int,
    value: str | None,
    placeholder: str,
    multiline: bool = False,
    rpr: etree._Element | None = None,
) -> etree._Element:
    """A plain-text control; ``value`` None or empty shows ``placeholder``."""
    kind = el("w:text", {"w:multiLine": "1"} if multiline else None)
    if not multiline and value:
        value = value.replace("\n", " ")
    shows_hint, runs = _content_runs(value, placeholder, rpr)
    return _sdt(tag, alias, control_id, shows_hint, kind, runs, rpr)


def checkbox_control(
    tag: str, alias: str, control_id: int, checked: bool, rpr: etree._Element | None = None
) -> etree._Element:
    """A ``w14:checkbox`` control showing ☒ or ☐."""
    kind = el("w14:checkbox")
    sub(kind, "w14:checked", {"w14:val": "1" if checked else "0"})
    sub(kind, "w14:checkedState", {"w14:val": "2612", "w14:font": SYMBOL_FONT})
    sub(kind, "w14:uncheckedState", {"w14:val": "2610", "w14:font": SYMBOL_FONT})
    glyph_props = run_props(font=SYMBOL_FONT)
    runs = text_runs(CHECKED_GLYPH if checked else UNCHECKED_GLYPH, glyph_props)
    return _sdt(tag, alias, control_id, False, kind, runs, rpr)


def dropdown_control(
    tag: str,
    alias: str,
    control_id: int,
    items: Sequence[Item],
    value: str | None,
    placeholder: str,
    rpr: etree._Element | None = None,
) -> etree._Element:
    """A drop-down list; ``value`` (an item's value) selects it, None shows ``placeholder``."""
    chosen = next((i for i in items if i.value == value), None) if value else None
    kind = el("w:dropDownList", {"w:lastValue": chosen.value} if chosen else None)
    for item in items:
        sub(kind, "w:listItem", {"w:displayText": item.display, "w:value": item.value})
    shows_hint, runs = _content_runs(chosen.display if chosen else None, placeholder, rpr)
    return _sdt(tag, alias, control_id, shows_hint, kind, runs, rpr)


def word_language(lang: str) -> str:
    """The language tag Word takes for a form in ``lang``: ``de-DE``, else ``en-GB``."""
    return "de-DE" if lang == "de" else "en-GB"


def date_control(
    tag: str,
    alias: str,
    control_id: int,
    value: dt.date | str | None,
    placeholder: str,
    rpr: etree._Element | None = None,
    lang: str = "de",
) -> etree._Element:
    """A date picker (showing ``dd.MM.yyyy`` in German, ``yyyy-MM-dd`` in English; its calendar
    in ``lang``, Word's month and day names); ``value`` None shows ``placeholder``, text (no
    day: „ab 01/2027“ kept as typed) shows that text, as Word shows text typed into it."""
    day = value if isinstance(value, dt.date) else None
    attrs = {"w:fullDate": f"{day.isoformat()}T00:00:00Z"} if day else None
    kind = el("w:date", attrs)
    sub(kind, "w:dateFormat", {"w:val": DATE_FORMAT.get(lang, DATE_FORMAT["de"])})
    sub(kind, "w:lid", {"w:val": word_language(lang)})
    sub(kind, "w:storeMappedDataAs", {"w:val": "dateTime"})
    sub(kind, "w:calendar", {"w:val": "gregorian"})
    text = value if isinstance(value, str) else None
    shown = date_text(day, lang) if day else text or None
    shows_hint, runs = _content_runs(shown, placeholder, rpr)
    return _sdt(tag, alias, control_id, shows_hint, kind, runs, rpr)


# ------------------------------------------------------------------------------ reading controls


@dataclass(frozen=True)
class Control:
    """One control as found in a document: what it is and what it shows."""

    kind: str
    """``text``, ``checkbox``, ``dropdown``, ``date``, or ``unknown``."""
    tag: str | None
    alias: str | None
    text: str
    """The text shown (runs joined; ``w:br`` → ``\\n``), NFC."""
    showing_placeholder: bool = False
    checked: bool | None = None
    items: tuple[Item, ...] = ()
    full_date: str | None = None
    last_value: str | None = None
    source: str = "sdt"
    """``sdt`` (a content control), ``formfield`` (legacy form field) or ``input`` (input field)."""
    placeholder_style: bool = False
    """All of the text is in the placeholder character style."""
    inside: str | None = None
    """For a control nested in another one's content: the outer one's tag (or title)."""
    holds_controls: bool = False
    """Other controls are nested in this one's content (its ``text`` leaves theirs out)."""
    invalid_state: str | None = None
    """A checkbox's ``w14:checked`` value that is no on/off value (``2``); ``checked`` is then
    what its glyph shows."""
    element: etree._Element | None = field(default=None, compare=False, repr=False)


def _val(node: etree._Element | None, attr: str = "w:val") -> str | None:
    if node is None:
        return None
    return node.get(qn(attr))


_ON_OFF = frozenset({"1", "0", "true", "false", "on", "off"})


def _symbol(box: etree._Element, name: str, default: str) -> str:
    """The character a checkbox shows in one state (``w14:checkedState``: hex ``2612`` → ☒)."""
    try:
        return chr(int(_val(box.find(qn(name)), "w14:val") or default, 16))
    except (ValueError, OverflowError):
        return chr(int(default, 16))


def _on(value: str | None) -> bool:
    return value is None or value.strip().lower() in ("1", "true", "on")


def shown_text(node: etree._Element) -> str:
    """The text a person sees in ``node``: runs in order, breaks as ``\\n``, no field codes.

    Deleted text (tracked changes) and field instructions are left out; paragraphs are joined
    with ``\\n``. The result is NFC.
    """
    parts: list[str] = []
    first_paragraph = True
    for item in node.iter():
        tag = item.tag
        if tag == qn("w:p"):
            if not first_paragraph:
                parts.append("\n")
            first_paragraph = False
        elif tag == qn("w:t"):
            if item.getparent() is not None and _inside(item, qn("w:del")):
                continue
            parts.append(item.text or "")
        elif tag in (qn("w:br"), qn("w:cr")):
            if _val(item, "w:type") in (None, "textWrapping"):
                parts.append("\n")
        elif tag == qn("w:tab") and _parent_tag(item) == qn("w:r"):
            parts.append("\t")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
    return unicodedata.normalize("NFC", "".join(parts))


def _parent_tag(node: etree._Element) -> object:
    parent = node.getparent()
    return None if parent is None else parent.tag


def _inside(node: etree._Element, ancestor_tag: str) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag == ancestor_tag:
            return True
        parent = parent.getparent()
    return False


def _all_placeholder_style(node: etree._Element) -> bool:
    runs = [r for r in node.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    if not runs:
        return False
    for r in runs:
        style = r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if style is None or "placeholder" not in (_val(style) or "").lower():
            return False
    return True


def read_sdt(sdt: etree._Element) -> Control:
    """What one ``w:sdt`` element is and shows."""
    pr = sdt.find(qn("w:sdtPr"))
    content = sdt.find(qn("w:sdtContent"))
    nested = content is not None and next(content.iter(qn("w:sdt")), None) is not None
    if nested and content is not None:  # each control's own text: nested ones are read apart
        content = copy.deepcopy(content)
        for inner in list(content.iter(qn("w:sdt"))):
            parent = inner.getparent()
            if parent is not None:
                parent.remove(inner)
    text = shown_text(content) if content is not None else ""
    if pr is None:
        return Control("unknown", None, None, text, element=sdt, holds_controls=nested)
    tag = _val(pr.find(qn("w:tag")))
    alias = _val(pr.find(qn("w:alias")))
    placeholder = pr.find(qn("w:showingPlcHdr")) is not None and _on(
        _val(pr.find(qn("w:showingPlcHdr")))
    )
    styled = content is not None and _all_placeholder_style(content)
    common = {
        "tag": tag,
        "alias": alias,
        "text": text,
        "showing_placeholder": placeholder,
        "placeholder_style": styled,
        "element": sdt,
        "holds_controls": nested,
    }
    box = pr.find(qn("w14:checkbox"))
    if box is not None:
        checked_el = box.find(qn("w14:checked"))
        state = None if checked_el is None else checked_el.get(qn("w14:val"))
        if state is None or state.strip().lower() in _ON_OFF:
            checked = checked_el is not None and _on(state)
            return Control(CHECKBOX, checked=checked, **common)  # type: ignore[arg-type]
        # no valid state: what Word shows is the glyph, one of the box's two symbols
        glyphs = (
            _symbol(box, "w14:checkedState", "2612"),
            _symbol(box, "w14:uncheckedState", "2610"),
        )
        shown: bool | None = text.strip() == glyphs[0] if text.strip() in glyphs else None
        return Control(CHECKBOX, checked=shown, invalid_state=state[:20], **common)  # type: ignore[arg-type]
    for list_name in ("w:dropDownList", "w:comboBox"):
        lst = pr.find(qn(list_name))
        if lst is not None:
            items = tuple(
                Item(
                    _val(i, "w:value") or _val(i, "w:displayText") or "",
                    _val(i, "w:displayText") or _val(i, "w:value") or "",
                )
                for i in lst.findall(qn("w:listItem"))
            )
            return Control(
                DROPDOWN,
                items=items,
                last_value=_val(lst, "w:lastValue"),
                **common,  # type: ignore[arg-type]
            )
    date = pr.find(qn("w:date"))
    if date is not None:
        return Control(DATE, full_date=_val(date, "w:fullDate"), **common)  # type: ignore[arg-type]
    if pr.find(qn("w:text")) is not None or pr.find(qn("w:richText")) is not None:
        return Control(TEXT, **common)  # type: ignore[arg-type]
    return Control("unknown", **common)  # type: ignore[arg-type]


_FIELD_KINDS = {"FORMTEXT": TEXT, "FORMCHECKBOX": CHECKBOX, "FORMDROPDOWN": DROPDOWN}
_INPUT_RE = re.compile(r"^\s*(FILLIN|INPUT)\b", re.IGNORECASE)


def _legacy(begin: etree._Element, instr: str, result: str) -> Control | None:
    """A control from a legacy form field / input field (begin ``w:fldChar`` + instruction)."""
    word = instr.strip().split(" ")[0].upper() if instr.strip() else ""
    ff = begin.find(qn("w:ffData"))
    name = _val(ff.find(qn("w:name"))) if ff is not None else None
    if word in _FIELD_KINDS:
        kind = _FIELD_KINDS[word]
        if kind == CHECKBOX and ff is not None:
            box = ff.find(qn("w:checkBox"))
            checked_el = box.find(qn("w:checked")) if box is not None else None
            if checked_el is None and box is not None:
                checked_el = box.find(qn("w:default"))
            checked = checked_el is not None and _on(_val(checked_el))
            return Control(
                CHECKBOX, name or None, None, result, checked=checked, source="formfield"
            )
        if kind == DROPDOWN and ff is not None:
            dd = ff.find(qn("w:ddList"))
            entries = (
                [_val(e) or "" for e in dd.findall(qn("w:listEntry"))] if dd is not None else []
            )
            index_el = dd.find(qn("w:result")) if dd is not None else None
            index = int(_val(index_el) or 0) if index_el is not None else 0
            shown = entries[index] if 0 <= index < len(entries) else result
            return Control(
                DROPDOWN,
                name or None,
                None,
                unicodedata.normalize("NFC", shown),
                items=tuple(Item(e, e) for e in entries),
                source="formfield",
            )
        return Control(TEXT, name or None, None, result, source="formfield")
    if _INPUT_RE.match(instr):
        return Control(TEXT, None, None, result, source="input")
    return None


def iter_controls(node: etree._Element) -> Iterator[Control]:
    """Every control inside ``node``, in document order (nested controls are not descended into).

    Content controls (``w:sdt``), legacy form fields and input fields (complex ``w:fldChar``
    fields and ``w:fldSimple``) are found; other fields (PAGE, …) are not controls.
    """
    yield from _walk(node, [])


_BLOCK_TAGS = frozenset(qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc"))


def is_block_content(content: etree._Element) -> bool:
    """True when an ``w:sdtContent`` holds paragraphs, tables, rows or cells (block level)."""
    return any(child.tag in _BLOCK_TAGS for child in content)


def _walk(node: etree._Element, stack: list[dict[str, object]]) -> Iterator[Control]:
    for child in node:
        tag = child.tag
        if tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None and is_block_content(content):
                # a block-level control around paragraphs/cells (LibreOffice 7.4 wraps cells
                # in one): a container, not a value; the controls are inside
                yield from _walk(content, stack)
            else:
                found = read_sdt(child)
                yield found
                if found.holds_controls and content is not None:
                    outer = found.tag or found.alias or ""
                    for inner in _walk(content, []):
                        yield replace(inner, inside=inner.inside or outer)
            continue
        if tag == qn("w:fldSimple"):
            instr = _val(child, "w:instr") or ""
            control = _legacy(child, instr, shown_text(child))
            if control is not None:
                yield control
            continue
        if tag == qn("w:r"):
            for part in child:
                if part.tag == qn("w:fldChar"):
                    kind = _val(part, "w:fldCharType")
                    if kind == "begin":
                        stack.append({"begin": part, "instr": [], "result": [], "sep": False})
                    elif kind == "separate" and stack:
                        stack[-1]["sep"] = True
                    elif kind == "end" and stack:
                        top = stack.pop()
                        instr = "".join(top["instr"])  # type: ignore[arg-type]
                        result = unicodedata.normalize("NFC", "".join(top["result"]))  # type: ignore[arg-type]
                        control = _legacy(top["begin"], instr, result)  # type: ignore[arg-type]
                        if control is not None:
                            yield control
                elif part.tag == qn("w:instrText") and stack:
                    stack[-1]["instr"].append(part.text or "")  # type: ignore[attr-defined]
                elif stack and stack[-1]["sep"]:
                    if part.tag == qn("w:t"):
                        stack[-1]["result"].append(part.text or "")  # type: ignore[attr-defined]
                    elif part.tag in (qn("w:br"), qn("w:cr")):
                        stack[-1]["result"].append("\n")  # type: ignore[attr-defined]
                    elif part.tag == qn("w:tab"):
                        stack[-1]["result"].append("\t")  # type: ignore[attr-defined]
            continue
        if tag in (qn("w:del"), qn("w:moveFrom")):
            continue
        yield from _walk(child, stack)


# ------------------------------------------------------------------------- what a control holds


@dataclass(frozen=True)
class Reading:
    """What a control means: its value (None = blank) and, when it is doubtful, why: ``note``
    names the remark (``not_an_item``, ``date_unread``, ``date_differs``) and ``args`` hold what
    it quotes; the reader says it in words (:data:`formgen.messages.WORDS`, ``ingest_office_*``)."""

    value: str | bool | None
    note: str | None = None
    args: dict[str, str] = field(default_factory=dict)


_DATE_PATTERNS = (
    re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4}|\d{2})$"),
    re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"),
)


def parse_shown_date(text: str) -> dt.date | None:
    """A date typed or shown as ``24.09.2025``, ``24.9.25``, ``24/09/2025`` or ISO; else None."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if year < 100:
                year += 2000 if year < 70 else 1900
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


def is_placeholder(control: Control, placeholders: frozenset[str] = frozenset()) -> bool:
    """True when the control shows a hint rather than a value.

    The flag ``w:showingPlcHdr`` says so; when the flag was cleared (LibreOffice does on the first
    keystroke) the text is still compared with the known hints (formgen's and Word's).
    """
    text = " ".join(control.text.split())
    if not text:
        return True
    if control.showing_placeholder:
        return True
    return text in placeholders or text in WORD_PLACEHOLDERS


def interpret(control: Control, placeholders: frozenset[str] = frozenset()) -> Reading:
    """The value of a control: bool for a checkbox, the item *value* for a drop-down, the ISO
    date for a date whose ``w:fullDate`` matches the shown text, else the text as typed
    (NFC, each line break as ``\\n``: :func:`formgen.linebreak.newlines`, trimmed); None when
    blank or showing its placeholder."""
    if control.kind == CHECKBOX:
        ticked = control.checked
        if ticked is None:
            ticked = control.text.strip() in (CHECKED_GLYPH, "☑", "✓", "✔", "x", "X")
        if control.invalid_state is not None:
            args = {"state": control.invalid_state, "glyph": control.text.strip()[:10]}
            return Reading(ticked, "checkbox_state", args)
        return Reading(ticked)
    if is_placeholder(control, placeholders):
        return Reading(None)
    text = newlines(control.text).strip()
    if control.kind == DROPDOWN:
        for item in control.items:
            if item.display == text:
                return Reading(item.value)
        for item in control.items:
            if item.value == text:
                return Reading(item.value)
        return Reading(text, "not_an_item", {"text": shorten(text, len, 60)})
    if control.kind == DATE:
        shown = parse_shown_date(text)
        full = _full_date(control.full_date)
        if full is not None and shown == full:
            return Reading(full.isoformat())
        if full is not None and shown is None:
            return Reading(
                text, "date_unread", {"text": shorten(text, len, 40), "stored": full.isoformat()}
            )
        if full is not None and shown is not None:
            args = {"shown": shown.isoformat(), "stored": full.isoformat()}
            return Reading(shown.isoformat(), "date_differs", args)
        return Reading(shown.isoformat() if shown else text)
    return Reading(text)


def _full_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
