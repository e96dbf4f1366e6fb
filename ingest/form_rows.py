"""Values of the Word form's tables, read as text row by row: from a PDF or an ODT of it.

The Word form (:mod:`formgen.docx_form`) is a column of two-cell tables: the label (with its
help text) on the left, the controls' shown text on the right. A copy that keeps the tables but
not the controls — a PDF made of the filled Word form, the form saved as OpenDocument text —
still shows every row. Each reader turns its copy into (label text, value text) rows; here they
are matched, in order, against the rows the form was written with
(:func:`formgen.docx_form.form_plan`), and each value cell's text becomes the value of its
field: text, a date, a choice by its label, every ☒/☐ box and the "Andere:" text. A reader
that knows where a program wrapped a value's lines gives it joined both ways, and an e-mail or
web address, which holds no space, takes the join without one.

Every field row must be found, in the plan's order, by its label and help text: a copy whose
rows were deleted, moved or relabelled is not read at all, since a value under the wrong label
is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from formgen.docx_form import EARLIER_OTHER, FormPlan, Row, Slot, after_hint, placeholder_texts
from formgen.docx_xml import (
    CHECKBOX,
    CHECKED_GLYPH,
    DATE,
    DROPDOWN,
    UNCHECKED_GLYPH,
    parse_shown_date,
)
from formgen.layout import ui_text
from formgen.linebreak import one_line
from formgen.messages import Said, SaidJoined
from formgen.model import OTHER, UNSPACED_TYPES, Field, FieldType, choice_value, option_label
from ingest.submission import RawValue


def values_from_rows(
    rows: list[tuple[str, str]],
    plan: FormPlan,
    row_notes: Mapping[int, str] | None = None,
    unspaced: Mapping[int, str] | None = None,
    unread: Collection[int] = (),
) -> tuple[dict[str, RawValue] | None, list[str], list[str]]:
    """The values the (label, value) text ``rows`` show for the form of ``plan``.

    ``None`` with no note: none of the rows is one of the form's (the copy is not of this
    form); ``None`` with a note: some are, but not all of the form's rows in its order.
    ``row_notes``: row index → a note on how its value was read (its order guessed), said for
    each value but a tick read from it (``<path>: <note>``). ``unspaced``: row index → its
    value with the lines the program wrapped joined without a space, taken for an e-mail or web
    address (broken inside a word); the row's value joins them with one. ``unread``: rows whose
    value cell could not be read (glyphs that map to no character): nothing is read from them,
    and their fields' value paths are given back third (the reader says why).
    """
    wanted = [
        (row, {_flat(label) for label in _row_labels(row, plan.lang)})
        for table in plan.tables
        for row in table.rows
        if row.field is not None
    ]
    labels = set().union(*(label for _, label in wanted))
    flat = ((i, _flat(label), shown) for i, (label, shown) in enumerate(rows))
    found = [(i, label, shown) for i, label, shown in flat if label in labels]
    if not found:
        return None, [], []
    if len(found) != len(wanted) or any(
        label not in known for (_, label, _), (_, known) in zip(found, wanted, strict=False)
    ):
        return (
            None,
            [Said("ingest_office_rows_changed", found=len(found), wanted=len(wanted))],
            [],
        )
    values: dict[str, RawValue] = {}
    notes: list[str] = []
    illegible: list[str] = []
    for (row, _), (i, _, shown) in zip(wanted, found, strict=True):
        if i in unread:
            illegible.append(row.slots[0].value_path)
            continue
        if row.field is not None and row.field.type in UNSPACED_TYPES:
            shown = (unspaced or {}).get(i, shown)
        row_values, read_notes = _row_values(row, shown, plan.lang)
        values.update(row_values)
        notes += read_notes
        if row_notes and i in row_notes:
            notes += [
                SaidJoined((p, row_notes[i]), ": ")
                for p, v in row_values.items()
                if not isinstance(v, bool)
            ]
    return values, notes, illegible


def _row_labels(row: Row, lang: str) -> list[str]:
    """A field row's label cell as the Word form writes it (label, required mark, help), and as
    a form made before its label was reworded wrote it (:attr:`Field.former_labels`)."""
    f = row.field
    required = " *" if f is not None and f.required else ""
    return [f"{label}{required} {row.help}" for label in (f.labels(lang) if f else (row.label,))]


def _flat(text: str) -> str:
    return " ".join(text.split())


_BOXES = re.compile(f"([{CHECKED_GLYPH}{UNCHECKED_GLYPH}☑])")
"""The glyphs a checkbox control shows (☑ for a box ticked in another program)."""


def _row_values(row: Row, shown: str, lang: str) -> tuple[dict[str, RawValue], list[str]]:
    """The values one row's value cell shows: text, a date, a choice's label, or ticked boxes."""
    f = row.field
    assert f is not None
    if f.is_multi:
        return _ticked(row, f, shown, lang)
    slot = row.slots[0]
    text, notes = _without_hint(
        slot, shown.strip() if f.type is FieldType.TEXTAREA else _flat(shown), lang
    )
    if not text:
        return {}, []
    if slot.kind == DROPDOWN:
        value = choice_value(f, text)
        if value is None:
            return {slot.path: text}, [
                *notes,
                Said("ingest_office_rows_no_choice", path=slot.path, text=text[:60]),
            ]
        return {slot.path: value}, notes
    if slot.kind == DATE:
        date = parse_shown_date(text)
        return {slot.path: date.isoformat() if date else text}, notes
    return {slot.path: text}, notes


def _without_hint(slot: Slot, text: str, lang: str) -> tuple[str, list[str]]:
    """``text`` without the hint of ``slot``'s control (:func:`placeholder_texts`) where it is
    that hint ("": blank) or begins with it (a hint left before what was typed: said, with the
    text as typed). Another field's hint or help is a value here."""
    rest = after_hint(text, placeholder_texts(slot, lang))
    if rest is None:
        return text, []
    if not rest:
        return "", []
    said = Said("ingest_office_after_hint", text=one_line(text))
    return rest, [SaidJoined((slot.path, said), ": ")]


def _other_label(shown: str, lang: str) -> tuple[str, str]:
    """The text before and after the label of the "other" text ("Andere:"; "Weitere:" in a form
    made before, :data:`~formgen.docx_form.EARLIER_OTHER`), or all of it and nothing."""
    for label in (ui_text(lang, "other"), *EARLIER_OTHER):
        # before an Arabic value the label stands in a right-to-left paragraph, its colon kept
        # after it by a left-to-right mark the page does not show: read back, the colon leads
        for written in (label, ":" + label.removesuffix(":")):
            head, found, tail = shown.partition(written)
            if found:
                return head, tail
    return shown, ""


def _ticked(row: Row, f: Field, shown: str, lang: str) -> tuple[dict[str, RawValue], list[str]]:
    """A list of boxes ("☒ Englisch ☐ Türkisch … Andere: Tamil"): each box's state, the other text."""
    boxes = [s for s in row.slots if s.kind == CHECKBOX]
    other = next(s for s in row.slots if s.option == OTHER)
    head, tail = _other_label(_flat(shown), lang)
    parts = _BOXES.split(head)
    glyphs, labels = parts[1::2], [p.strip() for p in parts[2::2]]
    values: dict[str, RawValue] = {}
    notes: list[str] = []
    expected = [_flat(option_label(f, s.option or "", lang)) for s in boxes]
    if labels == expected:
        values.update({s.path: g != UNCHECKED_GLYPH for s, g in zip(boxes, glyphs, strict=True)})
    else:
        notes.append(
            Said(
                "ingest_office_rows_boxes",
                path=other.value_path,
                found=len(labels),
                wanted=len(expected),
            )
        )
    tail = tail.strip().removeprefix("\u200e").strip()  # the mark after the label's colon
    tail, hint_notes = _without_hint(other, tail, lang)
    if tail:
        values[other.path] = tail
    return values, notes + hint_notes
