"""Only the changed sheets of the printed register (``formgen register print --changed-since``).

A coordinator keeps the printed register in a binder and replaces what changed, not all of it.
:func:`changed_against` finds the sections whose entries changed since the binder's sheets
were printed: a value, an entry or an institution come or gone, a confirmation, a value held
for a decision; against the print of the binder's Stand as recorded (:data:`PRINTS`), or the
register of that day made again from the journal (:func:`ingest.journal.as_of`). :func:`render_changed` prints the whole register (so that its contents and index, which
change with it, and its page numbers are the binder's) and keeps its cover, contents, those
sections and the index, each with the blank back of its last sheet where it has one, behind a
first sheet that says which sheets to take out and which to put in.

A changed section is reprinted whole, not from its first changed entry on: its pages are
numbered within it, of how many („Seite 3/6“), so an entry that grows or shrinks changes the
footer of every page of it, and the sheets before the entry could only be kept where the
section's page count stayed as the binder's (which only a print of the day before could tell).
The first sheet says so; where every section changed it says that the plain print makes the
same sheets, faster (nothing to compare, no pages to copy; with the journal replayed for the
register of the day before, at about half the cost).

An entry that only grew stale since (its last confirmation too old by now) does not count: the
sheet of the day it was printed says that day in its footer; the cover and the contents count
the stale entries anew.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pypdf
from pypdf.constants import PageLabelStyle

# reportlab's imports are untyped (Any)
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer  # type: ignore[import-untyped]

from formgen.messages import Said, say, say_count
from formgen.model import Category
from formgen.workspace import append_line, glued_tails, json_line
from ingest.export import personal_fields
from ingest.printed import PrintOptions, _fonts, _para, _styles, render_register
from ingest.register import Register, split_path

_BOOKKEEPING = frozenset({"src", "rev"})
"""What a stored value keeps of where it came from: not printed, so not a change of its sheet."""


def changed_against(
    printed: list[dict[str, str]], now: dict[str, str], categories: Sequence[Category]
) -> list[Category]:
    """Of ``categories``, those whose section ``now`` (:func:`section_digests`) differs from
    any of the prints ``printed`` (of the binder's Stand: it may hold any of them) by what the
    register holds: an entry come or gone (an institution retired, merged into another), a
    value of it or of its institution (its name, address), its last confirmation, a value of it
    held for a decision; without personal data the fields the schema marks personal are not
    printed, so not a change."""
    return [c for c in categories if any(p.get(c.id) != now.get(c.id) for p in printed)]


def section_digests(reg: Register, personal: bool = True) -> dict[str, str]:
    """Each category's section as printed, by category: a digest of its entries' data (a
    category without an entry has none); without ``personal`` without the personal fields."""
    return _sections(reg, set() if personal else personal_fields(reg.schema))


PRINTS = "prints.jsonl"
"""In the workspace: a line per print of the whole register (its Stand, with or without personal
data, :func:`section_digests`: digests, no text), so that ``--changed-since`` that Stand compares
against it and need not make the register of the day before again from the journal (seconds a
year: 8 s for five years' 23,000 operations)."""


def record_print(path: Path, stand: dt.date, personal: bool, digests: dict[str, str]) -> None:
    """Add a print of the whole register of ``stand`` to ``path`` (:data:`PRINTS`), on a line
    of its own after a damaged last one (:func:`~formgen.workspace.start_line`)."""
    line = {"stand": stand.isoformat(), "personal": personal, "sections": digests}
    append_line(path, json.dumps(line, sort_keys=True))


@dataclass(frozen=True)
class Recorded:
    """What :data:`PRINTS` records of the prints of one Stand: their sections
    (:func:`section_digests`), and the lines that cannot be read (number and why; line 0: the
    file is empty), which are left out."""

    prints: list[dict[str, str]]
    damaged: list[tuple[int, Said]]


def prints_of(path: Path, stand: dt.date, personal: bool) -> Recorded:
    """The prints of the whole register of ``stand`` recorded in ``path`` (:data:`PRINTS`) with
    or without personal data as ``personal``; none where there is no such file (deleted by
    hand, a print of a formgen before 2026-11-25) or line. A line that cannot be read (cut
    short, not UTF-8, not JSON, its ``sections`` not by category) is left out and named where
    it may have recorded a print of ``stand``, as is an empty file (0 bytes: its prints lost)."""
    if not path.exists():
        return Recorded([], [])
    data = path.read_bytes()
    if not data:
        return Recorded([], [(0, Said("log_empty"))])
    found: list[dict[str, str]] = []
    damaged: list[tuple[int, Said]] = []
    for n, raw in enumerate(data.splitlines(), 1):
        line, error = _print_line(raw, stand, personal)
        for tail in glued_tails(raw, b'{"personal"') if error is not None else ():
            whole, more = _print_line(tail, stand, personal)
            if more is None:  # a whole line after the cut: read
                line = whole
                break
        if error is not None:
            damaged.append((n, error))
        if line is not None:
            found.append(line)
    return Recorded(found, damaged)


def _print_line(
    raw: bytes, stand: dt.date, personal: bool
) -> tuple[dict[str, str] | None, Said | None]:
    """A line of :data:`PRINTS`: the sections of its print where it is one of ``stand`` and
    ``personal``, and why it cannot be read where it may be one (the words of
    ``journal.jsonl``'s damaged lines where they fit)."""
    if not raw.strip():
        return None, None
    line, error = json_line(raw)
    if error is not None:
        return None, error
    sections = line.get("sections") if isinstance(line, dict) else None
    if sections is not None and (
        line.get("stand") not in (stand.isoformat(), None)
        or line.get("personal") not in (personal, None)
    ):
        return None, None  # another print's, whatever else it holds
    if not (
        isinstance(sections, dict)
        and all(isinstance(v, str) for v in sections.values())
        and isinstance(line.get("stand"), str)
        and isinstance(line.get("personal"), bool)
    ):
        return None, Said("prints_not_record")
    return {str(k): v for k, v in sections.items()}, None


def _sections(reg: Register, hidden: set[str]) -> dict[str, str]:
    """Each category's entries as printed data, by category: a digest; without the fields
    ``hidden`` (and values of them held for a decision), which the print leaves out."""
    held: dict[str, list[str]] = {}
    for c in reg.conflicts():
        if not reg.moot(c) and _shown({split_path(c["path"])[1]: c}, hidden):
            held.setdefault(c["institution_id"], []).append(c["path"])
    parts: dict[str, list[Any]] = {}
    for iid, cid, entry in reg.iter_entries():
        inst = reg.institutions[iid]
        fields = _shown(entry["fields"], hidden)
        parts.setdefault(cid, []).append(
            (
                iid,
                _printed(_shown(inst["institution"], hidden)),
                _printed({**entry, "fields": fields}),
                sorted(held.get(iid, [])),
            )
        )
    return {
        cid: hashlib.sha256(json.dumps(p, sort_keys=True, default=str).encode()).hexdigest()
        for cid, p in parts.items()
    }


def _shown(values: dict[str, Any], hidden: set[str]) -> dict[str, Any]:
    """``values`` by field key without those of the fields ``hidden`` (a field's "other" text,
    ``x._other``, with its field)."""
    return {k: v for k, v in values.items() if k.partition(".")[0] not in hidden}


def _printed(data: Any) -> Any:
    """``data`` without what its values keep of where they came from (:data:`_BOOKKEEPING`)."""
    if isinstance(data, dict):
        return {k: _printed(v) for k, v in data.items() if k not in _BOOKKEEPING}
    if isinstance(data, list):
        return [_printed(v) for v in data]
    return data


@dataclass(frozen=True)
class Changed:
    """A print of the changed sheets: the PDF, the sections in it (number, title, its pages'
    labels), how many pages of the whole print it took (``pages``, without its first sheet)
    and how many the whole print has; ``every``: every section changed."""

    pdf: bytes
    sections: list[tuple[str, str, list[str]]]
    pages: int
    all_pages: int
    every: bool = False
    """Every section changed: the plain print makes the same sheets, faster."""


def render_changed(
    reg: Register,
    changed: list[Category],
    options: PrintOptions,
    progress: Callable[[int, int], None] | None = None,
    older: Sequence[Category] = (),
) -> Changed:
    """The register printed whole (:func:`~ingest.printed.render_register`, ``options``), of it
    the cover, the contents, the ``changed`` sections and the index (found by the print's page
    labels, „15/3“; the other sections laid out, not drawn: ``PrintOptions.drawn``), behind a
    first sheet that says which sheets to replace (:func:`_swap_sheet`); ``older``: the
    checklists without an entry, whose sheets a binder a formgen before 2026-11-25 printed
    holds (its print not recorded), to be taken out."""
    numbers = {c.id: str(n) for n, c in enumerate(reg.schema.categories, 1)}
    wanted = {numbers[c.id] for c in changed}
    # the other sections laid out to the page as in the whole print, but not drawn
    drawn = replace(options, drawn=frozenset({*wanted, "contents", "index"}))
    full = pypdf.PdfReader(io.BytesIO(render_register(reg, drawn, progress)))
    kept: list[int] = []
    labels: dict[str, list[str]] = {}  # by part: the cover with the contents on its back
    contents = say("print_contents", options.lang)
    printed = full.page_labels  # made anew at each use: 930 uses were 11 % of it (cProfile)
    for n, label in enumerate(printed):
        part = label.partition("/")[0] if "/" in label else ""  # the cover: i
        if part.isdigit() and part not in wanted:
            continue
        kept.append(n)
        labels.setdefault("" if part == contents else part, []).append(label)
    lang = options.lang
    sections = [
        (numbers[c.id], f"{numbers[c.id]}. {c.label.get(lang)}", labels.get(numbers[c.id], []))
        for c in changed
    ]
    every = len(kept) == len(full.pages)  # every section changed: the whole print
    since = options.since or dt.date.today()
    first = _swap_sheet(sections, labels, since, options, every, [numbers[c.id] for c in older])
    out = pypdf.PdfWriter()
    out.append(pypdf.PdfReader(io.BytesIO(first)))
    ahead = len(out.pages)
    out.set_page_label(0, ahead - 1, PageLabelStyle.DECIMAL, f"{say('print_swap_label', lang)}/", 1)
    for at, n in enumerate(kept, ahead):
        page = full.pages[n]
        # links to pages not in this print: dropped before the page is copied, or the copy takes
        # the pages they go to along, unseen (3.8 MB of 399 pages' 0.9 MB, 1.5 s CPU of 0.1 s)
        page.pop("/Annots", None)
        out.add_page(page)
        # a viewer's page box says the page as its footer does, as in the whole print
        prefix, _, number = printed[n].rpartition("/")
        if prefix:
            out.set_page_label(at, at, PageLabelStyle.DECIMAL, f"{prefix}/", int(number))
        else:
            out.set_page_label(at, at, PageLabelStyle.LOWERCASE_ROMAN, None, kept.index(n) + 1)
    out.add_metadata({k: str(v) for k, v in (full.metadata or {}).items()})
    buf = io.BytesIO()
    out.write(buf)
    return Changed(buf.getvalue(), sections, len(kept), len(full.pages), every)


def _swap_sheet(
    sections: list[tuple[str, str, list[str]]],
    labels: dict[str, list[str]],
    since: dt.date,
    options: PrintOptions,
    every: bool = False,
    older: Sequence[str] = (),
) -> bytes:
    """The first sheet of a print of the changed sheets: what to take out of the binder and
    what to put in, part by part, and why a section is replaced whole (its pages are numbered
    „3/6“ within it); with ``every`` (every section changed) that the plain print makes the
    same sheets, faster. In duplex with its blank back, so that every part after it
    begins on the front of a sheet, as in the binder."""
    _fonts()
    st = _styles()
    lang = options.lang
    stand = options.stand or dt.date.today()
    story = [
        _para(say("print_swap_title", lang, since=since.isoformat()), st["h1"]),
        _para(
            say("print_swap_intro", lang, since=since.isoformat(), stand=stand.isoformat()),
            st["base"],
        ),
        Spacer(1, 4 * mm),
    ]

    def line(part: str, pages: list[str]) -> None:
        sheets = (len(pages) + 1) // 2 if options.duplex else len(pages)
        first, last = pages[0], pages[-1]
        said = say_count("print_swap_pages", lang, len(pages), first=first, last=last)
        sheets_said = say_count("print_sheets", lang, sheets)
        part = f"<b>{escape(part)}</b>"
        story.append(
            _para(
                say("print_swap_part", lang, part=part, pages=said, sheets=sheets_said), st["base"]
            )
        )

    line(say("print_swap_cover", lang), labels[""])
    for _number, title, pages in sections:
        if pages:
            line(title, pages)
        else:  # its last entry gone: the contents name it among those without one
            said = say("print_swap_emptied", lang, part=f"<b>{escape(title)}</b>")
            story.append(_para(said, st["base"]))
    line(say("print_index", lang), labels[say("print_index_label", lang)])
    if older:  # their sheets, which the contents name now
        said = say("print_swap_older", lang, parts=", ".join(older))
        story += [Spacer(1, 2 * mm), _para(said, st["base"])]
    story.append(Spacer(1, 4 * mm))
    story.append(_para(say("print_swap_whole", lang), st["base"]))
    story.append(_para(say("print_swap_rest", lang), st["base"]))
    if every:
        story.append(Spacer(1, 4 * mm))
        story.append(_para(say("print_swap_all", lang, since=since.isoformat()), st["base"]))
    if options.duplex:
        story.append(PageBreak())
        story.append(_para(say("print_blank", lang), st["base"]))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm
    )
    doc.build(story)
    return buf.getvalue()
