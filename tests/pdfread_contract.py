"""Small AcroForm PDFs that follow formgen's field naming contract, built field by field.

The PDF readers are tested against the contract itself (``ingest/submission.py``), not against
one generator's output: these forms use a real field hierarchy (``institution`` → ``name``),
checkbox on-states other than ``/Yes``, combo boxes with export values and labels, a
yes/no/none field with three checkbox kids, hidden identity fields and ``/Info``.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from formgen.identity import FormIdentity

TX, BTN, CH = Name.Tx, Name.Btn, Name.Ch
READ_ONLY, HIDDEN_FLAG = 1, 2
COMBO = 1 << 17
MULTI_SELECT = 1 << 21


@dataclass
class Spec:
    """One field of a contract form."""

    name: str
    kind: str  # text | checkbox | combo | listbox | choice_boxes | hidden
    value: object = None
    on_state: str = "Yes"
    options: list[tuple[str, str]] = field(default_factory=list)
    """combo/listbox: (export value, label); choice_boxes: on-states (label ignored)."""
    set_as_only: bool = False
    """checkbox: leave /V out and set only the widget's /AS (as some fillers do)."""


def _box_ap(pdf: pikepdf.Pdf, on: str) -> Dictionary:
    def stream(data: bytes) -> pikepdf.Stream:
        s = pikepdf.Stream(pdf, data)
        s.Type, s.Subtype, s.BBox = Name.XObject, Name.Form, [0, 0, 10, 10]
        return s

    return Dictionary(
        N=Dictionary({"/" + on: stream(b"0 0 m 10 10 l S"), "/Off": stream(b"")}),
    )


def contract_form(
    specs: list[Spec],
    identity: FormIdentity | None = None,
    *,
    info_identity: bool = True,
    hidden_identity: bool = True,
) -> bytes:
    """A one-page PDF with these fields, named hierarchically by their dotted names."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    annots = Array()
    roots = Array()
    nodes: dict[str, Dictionary] = {}

    def node(path: str) -> Dictionary:
        if path in nodes:
            return nodes[path]
        parent_path, _, part = path.rpartition(".")
        d = pdf.make_indirect(Dictionary(T=String(part)))
        if parent_path:
            parent = node(parent_path)
            d.Parent = parent
            if "/Kids" not in parent:
                parent.Kids = Array()
            parent.Kids.append(d)
        else:
            roots.append(d)
        nodes[path] = d
        return d

    y = 800
    all_specs = list(specs)
    if identity is not None and hidden_identity:
        all_specs += [Spec(k, "hidden", v) for k, v in identity.to_fields().items()]
    for spec in all_specs:
        f = node(spec.name)
        y -= 12

        def widget(target: Dictionary, rect: list[float]) -> Dictionary:
            target.Type, target.Subtype = Name.Annot, Name.Widget
            target.Rect, target.P, target.F = rect, page.obj, 4
            annots.append(target)
            return target

        if spec.kind in ("text", "hidden"):
            f.FT = TX
            f.DA = String("/Helv 10 Tf 0 g")
            if spec.value is not None:
                f.V = String(str(spec.value))
            if spec.kind == "hidden":
                f.Ff = READ_ONLY
                widget(f, [0, 0, 0, 0]).F = HIDDEN_FLAG
            else:
                widget(f, [50, y, 300, y + 10])
        elif spec.kind == "checkbox":
            f.FT = BTN
            widget(f, [50, y, 60, y + 10])
            f.AP = _box_ap(pdf, spec.on_state)
            state = Name("/" + spec.on_state) if spec.value else Name.Off
            f.AS = state
            if not spec.set_as_only:
                f.V = state
        elif spec.kind in ("combo", "listbox"):
            f.FT = CH
            f.Ff = COMBO if spec.kind == "combo" else MULTI_SELECT
            f.Opt = Array([Array([String(v), String(label)]) for v, label in spec.options])
            widget(f, [50, y, 300, y + 10])
            if isinstance(spec.value, list):
                f.V = Array([String(v) for v in spec.value])
            elif spec.value is not None:
                f.V = String(str(spec.value))
        elif spec.kind == "choice_boxes":
            f.FT = BTN
            f.Kids = Array()
            for i, (state, _label) in enumerate(spec.options):
                kid = pdf.make_indirect(Dictionary(Parent=f))
                widget(kid, [50 + 20 * i, y, 60 + 20 * i, y + 10])
                kid.AP = _box_ap(pdf, state)
                kid.AS = Name("/" + state) if spec.value == state else Name.Off
                f.Kids.append(kid)
            f.V = Name("/" + str(spec.value)) if spec.value else Name.Off
        else:
            raise ValueError(spec.kind)
    page.Annots = annots
    pdf.Root.AcroForm = Dictionary(Fields=roots, DA=String("/Helv 10 Tf 0 g"))
    if identity is not None and info_identity:
        pdf.docinfo["/FormgenIdentity"] = json.dumps(identity.to_fields(), ensure_ascii=False)
    pdf.docinfo["/CreationDate"] = "D:20250924101500+02'00'"
    pdf.docinfo["/ModDate"] = "D:20250925083000Z"
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()
