"""Regenerate samples/pdf/: formgen PDF forms filled and saved by real programs.

    python samples/pdf/make_samples.py                # from the repository root, venv active
    python samples/pdf/make_samples.py checklist_e2   # only these forms; the others' files kept

Needs: node + npm (pdf.js, installed into samples/pdf/tools/node_modules by ``npm ci``/
``npm install``), pypdfium2 (PyPI), pdftk-java, qpdf and poppler-utils (Debian).

1. The sample workspace ``samples/workspace/`` (fixed, committed secret: these forms are test
   data, the secret protects nothing) signs the forms (``FORMS``), recorded in its
   ``issued.jsonl``: two institution forms prefilled from ``record.json`` (psychotherapie +
   fluechtlingsberatung) and a blank checklist of the category psychotherapie. The second
   institution form ("overflow") is filled with values longer than their boxes: a viewer
   shows them cut off where the box ends, but draws them whole, the rest in the next box or
   beyond it. These three were made of forms of layout edition 1 (``MADE_BEFORE``) and are
   not made again; ``institution_e2`` and ``checklist_e2`` are the first two as the generator
   lays them out now (:data:`formgen.layout.LAYOUT_EDITION`), filled with the same values
   (steps 2 and 3; no copies that cannot be read back, merged or with a letter).
2. Each is filled with the values in ``TYPED`` by
   pdf.js (Firefox's engine: annotationStorage + saveDocument, ``tools/fill_pdfjs.mjs``),
   PDFium (Chrome's engine: form-fill API, ``tools/fill_pdfium.py``) and
   pdftk-java (``fill_form`` with a UTF-8 XFDF).
3. Copies without fields: the pdf.js-filled forms flattened by qpdf
   (``--generate-appearances --flatten-annotations=all``) and the PDFium-filled forms printed
   to PDF by poppler (``pdftocairo -pdf``), the two ways a "printed" return arrives; the
   PDFium-filled forms flattened by pdftk (``output … flatten``); and the copies whose typed
   text cannot be read back: filled and flattened by pdftk in one go (``fill_form … flatten``),
   the pdftk-filled forms flattened by qpdf, and forms pdftk filled leaving the appearances to
   the viewer (``need_appearances``) whose appearances qpdf then made and flattened
   (:func:`drawn_unreadably`).
4. Merged copies (:func:`merged_copies`): a filled form put through a tool that merges PDFs,
   which keeps the values in the fields on the pages but not the form's list of them:
   poppler's ``pdfunite`` (drops the fields above the pages' ones, so their names), qpdf's
   ``--empty --pages`` (copies a category's fields once for each page, the copy named
   ``psychotherapie+1``), pypdf's ``PdfWriter.add_page`` (no ``/AcroForm``, no ``/Parent``)
   and pikepdf's ``pages.extend`` (no ``/AcroForm``, the fields above kept).
   ``python samples/pdf/make_samples.py --merged`` makes only these, of the committed
   filled forms.
5. Copies whose pages are out of order or doubled (``REORDERED``): qpdf ``--pages`` of the
   copies of step 3, as a print driver or scanner that puts the last page first leaves them.
6. Copies sent in one PDF with a covering letter (:func:`with_letter`): a short German letter
   (``LETTER``) that LibreOffice (``soffice --convert-to pdf``) made a PDF of, put before or
   after the printed copy of step 3 by ``pdfunite``, ``qpdf --empty --pages`` and ``pdftk …
   cat``, and before the PDFium-filled form; the PDFium-filled form put through ``mutool
   merge`` (which keeps neither the fields nor what was typed into them); and the printed copy
   with its page 3 printed blank before the filled one (the blank form printed by
   ``pdftocairo -pdf``). ``python samples/pdf/make_samples.py --letter`` makes only these, of
   the committed files.
7. ``expected.json`` records what was typed, which program made each file (with its version),
   and what the readers must give back (a copy without fields: also the fields it shows cut
   off, the fields held because a doubled page shows them filled in otherwise, and the notes
   on its pages).
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
import sys
import warnings
import xml.sax.saxutils as sax
from collections.abc import Callable, Collection
from pathlib import Path

from formgen.forms import FormRequest, new_identity
from formgen.identity import FormIdentity
from formgen.layout import LAYOUT_EDITION
from formgen.pdf_form import render_pdf
from formgen.record import record_from_json
from formgen.workspace import ISSUED, SECRET, Workspace

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORKSPACE = HERE.parent / "workspace"
TOOLS = HERE / "tools"
STAND = "2025-09-01"
SAMPLE_SECRET = hashlib.sha256(b"formgen samples: a public test secret, never for real forms")

# What a person types into each form (text as typed, dates German-style; checkbox True/False;
# a group of exclusive boxes or a dropdown: the choice value). The PDFium script picks dropdown
# options by their visible label, mapped from the schema below.
TYPED: dict[str, dict[str, object]] = {
    "institution": {
        "institution.traeger": "مركز الاستشارة",
        "institution.region": "dormagen",
        "institution.opening_hours": "Mo–Fr 9–13 Uhr\nDo 14–18 Uhr",
        "institution.phone": "0211 1234567",
        "psychotherapie.contact_name": "Çiğdem Öztürk-İnce",
        "psychotherapie.languages_offered.ar": False,
        "psychotherapie.languages_offered.ru": True,
        "psychotherapie.languages_offered.pl": True,
        "psychotherapie.languages_offered._other": "Tamil, Urdu",
        "psychotherapie.contact_languages.uk": True,
        "psychotherapie.contact_languages._other": "Ελληνικά",
        "psychotherapie.concepts": (
            "Muttersprachliche Gruppen für Frauen aus Łódź und Kraków\n"
            "Dolmetscherin: Ольга Петренко (Russisch, Ukrainisch)\n"
            "Ελληνικά nach Absprache"
        ),
        "psychotherapie.share_migrants": "35",
        "psychotherapie.meeting_date": "24.09.2025",
        "psychotherapie.date": "24.09.2025",
        "psychotherapie.initials": "ÇÖ",
        "fluechtlingsberatung.migrant_experience": "fehlanzeige",
        "fluechtlingsberatung.contact_name": "Ελένη Παπαδοπούλου",
        "fluechtlingsberatung.agreements": "Erstgespräch am 1.10.2025 in Dormagen",
        "fluechtlingsberatung.date": "24.09.2025",
        "fluechtlingsberatung.initials": "EP",
    },
    "checklist": {
        "psychotherapie.1.name": "Praxis Ольга Петренко",
        "psychotherapie.1.region": "dormagen",
        "psychotherapie.1.migrant_experience": "ja",
        "psychotherapie.1.languages_offered.ru": True,
        "psychotherapie.1.languages_offered.uk": True,
        "psychotherapie.1.concepts": "Einzel- und Gruppentherapie\nauf Russisch und Ukrainisch",
        "psychotherapie.1.date": "24.09.2025",
        "psychotherapie.1.initials": "OP",
        "psychotherapie.2.name": "Beratung Łódź – Paweł Wiśniewski",
        "psychotherapie.2.traeger": "مركز الاستشارة",
        "psychotherapie.2.region": "neuss_meerbusch",
        "psychotherapie.2.migrant_experience": "fehlanzeige",
        "psychotherapie.2.date": "24.09.2025",
        "psychotherapie.3.name": "Praxis Dr. Yılmaz",
        "psychotherapie.3.contact_name": "Şule Yılmaz",
        "psychotherapie.3.contact_languages.tr": True,
        "psychotherapie.3.contact_languages._other": "Ελληνικά",
    },
    # Longer than their boxes (the fields in CUT_OFF), each by less than 90 pt: poppler's
    # pdftocairo drops glyphs drawn further than about 100 pt beyond the clip (a line drawn
    # below a box's last visible one too), so the printed copy holds every typed value whole.
    "overflow": {
        # into the prefilled street beside it
        "institution.traeger": "Türkisch-Deutscher Verein Şişli e.V., Mitglied im Paritätischen",
        # into the empty e-mail box beside it (a coordinator's test read '68' as the e-mail)
        "institution.phone": "0211 1234567 oder 0211 1234568",
        # beyond the page's right margin
        "psychotherapie.languages_offered._other": (
            "Tamil, Urdu, Paschtu, Dari, Tigrinya, Somali, Kurmandschi, Sorani, Ελληνικά, "
            "Polski, Українська"
        ),
        # eight lines: PDFium (lines 9 pt apart) shows the last one half, pdf.js (13.2 pt)
        # draws the last three below the box, two of them in the plans' box under it
        "psychotherapie.concepts": (
            "Einzelberatung auf Türkisch und Kurdisch\n"
            "Gruppe für Frauen aus Łódź und Kraków\n"
            "Dolmetscherin: Ольга Петренко\n"
            "Sprechstunde für Geflüchtete aus der Ukraine\n"
            "Hausbesuche nach Absprache\n"
            "Angehörigengruppe (monatlich)\n"
            "Beratung auf Ελληνικά nach Absprache\n"
            "Psychoedukation in einfacher Sprache"
        ),
        "psychotherapie.plans": "Gruppe auf Ukrainisch ab Januar 2026",
        # into the function beside it
        "psychotherapie.contact_name": "Çiğdem Öztürk-İnce und Ольга Петренко (Vertretung)",
        "psychotherapie.contact_role": "Leitung",
        # into the e-mail beside it, which itself runs beyond the page's right margin
        "psychotherapie.contact_phone": "0211 1234567 oder 0211 1234568",
        "psychotherapie.contact_email": "beratung.migration@psychosoziales-zentrum.example.org",
        "psychotherapie.date": "24.09.2025",
        "psychotherapie.initials": "ÇÖ",
    },
}
CUT_OFF = {
    "overflow": [
        "institution.traeger",
        "institution.phone",
        "psychotherapie.languages_offered._other",
        "psychotherapie.concepts",
        "psychotherapie.contact_name",
        "psychotherapie.contact_phone",
        "psychotherapie.contact_email",
    ],
}
"""The fields whose text a copy without fields (qpdf's, poppler's) shows cut off: their
values are read whole with a note that the copy cuts them off."""
REORDERED: dict[str, tuple[list[str], list[str]]] = {
    "institution_poppler_print_reversed.pdf": (
        ["institution_poppler_print.pdf", "z-1"],
        [
            "the copy's pages are out of order: they show the form's pages 3, 2, 1; each was read "
            "as the form's page whose printed labels it shows"
        ],
    ),
    # eight pages alike (the entries of one category): told apart by their printed number
    "checklist_qpdf_flat_reversed.pdf": (
        ["checklist_qpdf_flat.pdf", "z-1"],
        [
            "the copy's pages are out of order: they show the form's pages 8, 7, 6, 5, 4, 3, 2, "
            "1; each was read as the form's page whose printed labels it shows"
        ],
    ),
    "institution_qpdf_flat_page2_twice.pdf": (
        ["institution_qpdf_flat.pdf", "1-3,2"],
        [
            "the copy's page 4 shows the form's page 2 again, with the same values as its page 2, "
            "which was read"
        ],
    ),
    # page 1 of the pdf.js-filled copy after the PDFium-filled one: pdf.js drew the Arabic
    # Träger mirrored (drawn_by_pdfjs), so the two pages 1 show it differently
    "institution_poppler_print_page1_twice.pdf": (
        ["institution_poppler_print.pdf", "1-3", "institution_qpdf_flat.pdf", "1"],
        [
            "institution.traeger: the copy shows the form's page 1 on its pages 1, 4, filled in "
            "otherwise (مركز الاستشارة / ةراشتسالا زكرم); none was read — ask the sender which "
            "is right"
        ],
    ),
}
"""Copies without fields whose pages came out of a print driver or scanner last page first, or
with a page twice (qpdf ``--pages`` of the copies above: the files and their pages), and what
the reader notes of their pages. Each page is read as the form's page it shows: the values
are those of the first file's copy, but for those of ``HELD``."""
HELD = {"institution_poppler_print_page1_twice.pdf": ["institution.traeger"]}
"""The fields a doubled page shows filled in otherwise: held, not read (pdf.js drew the Arabic
Träger mirrored, PDFium as typed)."""
LETTER = """Psychosoziales Zentrum Düsseldorf
Çiğdem Öztürk-İnce
Kölner Straße 12, 40211 Düsseldorf

An die SPKoM Düsseldorf
Koordinierungsstelle

Düsseldorf, 24.09.2025

Rückmeldung zur Bestandsaufnahme

Sehr geehrte Damen und Herren,

anbei senden wir Ihnen das ausgefüllte Formular zurück. Wir beraten auf Russisch, Polnisch
und Ukrainisch; Frau Ольга Петренко dolmetscht, Gespräche auf Arabisch (مركز الاستشارة)
nach Absprache.

Mit freundlichen Grüßen

Çiğdem Öztürk-İnce
"""
"""The covering letter sent in one PDF with the form (:func:`with_letter`)."""
FORMS = {  # form → its kind and categories
    "institution": ("institution", ("psychotherapie", "fluechtlingsberatung")),
    "checklist": ("checklist", ("psychotherapie",)),
    "overflow": ("institution", ("psychotherapie", "fluechtlingsberatung")),
    # the first two again, laid out as the generator lays forms out now
    "institution_e2": ("institution", ("psychotherapie", "fluechtlingsberatung")),
    "checklist_e2": ("checklist", ("psychotherapie",)),
}
TYPED["institution_e2"] = TYPED["institution"]
TYPED["checklist_e2"] = TYPED["checklist"]
MADE_BEFORE = {"institution": 1, "checklist": 1, "overflow": 1}
"""The forms whose samples were made of forms of an earlier layout edition (form → edition,
:data:`formgen.layout.LAYOUT_EDITION`): the generator lays them out otherwise now, so they are
not made again; kept, they test how copies without fields of forms made before are read (the
reader's fallback to the layout they were made with, ``fitting_layout``)."""


def run(cmd: list[str], **kw: object) -> str:
    print("+", " ".join(cmd), file=sys.stderr)
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)  # type: ignore[call-overload]
    return str(done.stdout)


def workspace() -> Workspace:
    if not (WORKSPACE / "workspace.toml").exists():
        Workspace.init(WORKSPACE, name="SPKoM Beispiel (samples)", sender="spkom@example.org")
    (WORKSPACE / SECRET).write_text(SAMPLE_SECRET.hexdigest() + "\n")
    return Workspace.open(WORKSPACE)


def record_issued(ws: Workspace, identities: list[FormIdentity]) -> None:
    """Replace this script's lines in issued.jsonl (other areas may have their own there)."""
    path = ws.root / ISSUED
    mine = {i.instance_id for i in identities}
    keep = []
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and json.loads(line).get("formgen.instance_id") not in mine:
                keep.append(line)
    for ident in identities:
        keep.append(
            json.dumps(
                {**ident.to_fields(), "issued_at": STAND + "T09:00:00+0200"}, ensure_ascii=False
            )
        )
    path.write_text("\n".join(keep) + "\n", "utf-8")


def generate(
    ws: Workspace, names: list[str], scratch: Path
) -> dict[str, tuple[Path, FormIdentity]]:
    """The blank forms ``names``, signed and recorded as issued, written into ``scratch``: the
    generator makes them again (the committed ``*_blank.pdf`` are the forms of
    :data:`MADE_BEFORE`, which it no longer makes)."""
    schema = ws.schema()
    record = record_from_json(schema, json.loads((HERE / "record.json").read_text("utf-8")))
    out = {}
    for seed, (name, (kind, categories)) in enumerate(FORMS.items(), start=1):
        if name not in names:
            continue
        prefilled = record if kind == "institution" else None
        request = FormRequest(kind, categories, prefilled, stand=STAND)
        ident = new_identity(schema, request, ws.secret, random.Random(seed))
        form = render_pdf(schema, request, ident)
        path = scratch / f"{name}_blank.pdf"
        path.write_bytes(form.data)
        out[name] = (path, ident)
    record_issued(ws, [ident for _, ident in out.values()])
    return out


def pdfium_values(ws: Workspace, typed: dict[str, object]) -> dict[str, object]:
    """Dropdowns are picked by their visible label in Chrome."""
    schema = ws.schema()
    out = dict(typed)
    for path, value in typed.items():
        if path.endswith(".region") and isinstance(value, str):
            out[path] = schema.region_label(value, "de")
    return out


def xfdf(values: dict[str, object], on_state: str = "Yes") -> str:
    """A UTF-8 XFDF of fully qualified names (nested <field> elements, as Acrobat writes them)."""
    tree: dict[str, object] = {}
    for name, value in values.items():
        node = tree
        parts = name.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        if isinstance(value, bool):
            value = on_state if value else "Off"
        node[parts[-1]] = value  # type: ignore[index]

    def emit(node: dict[str, object]) -> str:
        parts = []
        for key, value in node.items():
            inner = (
                emit(value)
                if isinstance(value, dict)
                else f"<value>{sax.escape(str(value))}</value>"
            )
            parts.append(f'<field name="{sax.escape(key)}">{inner}</field>')
        return "".join(parts)

    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve">'
        f"<fields>{emit(tree)}</fields></xfdf>\n"
    )


def expected_values(ws: Workspace, name: str) -> dict[str, object]:
    """What a reader must give back: prefilled values as the form shows them, then the typed
    ones; blanks (empty text, unticked boxes) left out."""
    schema = ws.schema()
    kind, categories = FORMS[name]
    out: dict[str, object] = {}
    if kind == "institution":
        from formgen.layout import layout_form
        from formgen.pdf_form import display_text

        record = record_from_json(schema, json.loads((HERE / "record.json").read_text("utf-8")))
        fields = {b.path: b.field for b in layout_form(schema, kind, categories, "de").boxes}
        for path, value in record.form_values(schema).items():
            if isinstance(value, list):
                out.update({f"{path}.{code}": True for code in value})
            elif path in fields:
                f = fields[path]
                out[path] = (
                    value
                    if f.type.value in ("select_one", "yes_no_none")
                    else display_text(f, value, "de")
                )
    out.update(TYPED[name])
    return {k: v for k, v in out.items() if v not in ("", False)}


def drawn_by_pdfjs(
    expected: dict[str, object], typed: dict[str, object]
) -> tuple[dict[str, object], dict[str, str]]:
    """pdf.js draws typed Arabic left to right in the order it was typed, so the page shows it
    mirrored; a reader of the page (and the flattened-copy reader) gets it mirrored."""
    values = dict(expected)
    lost = {}
    for path, value in typed.items():
        if isinstance(value, str) and any("\u0600" <= ch <= "\u06ff" for ch in value):
            values[path] = value[::-1]
            lost[path] = (
                f"typed {value!r}; pdf.js drew it left to right, the page shows {value[::-1]!r}"
            )
    return values, lost


def drawn_unreadably(
    ws: Workspace, form: str, expected: dict[str, object], paths: Collection[str]
) -> tuple[dict[str, object], list[str]]:
    """What a flattened copy gives back when the text of the boxes at ``paths`` was drawn with
    glyphs that map to no character: pdftk-java draws the text it fills in with the form's
    field font (a composite font, two bytes a glyph) as glyph 0 (.notdef) only, qpdf writes the
    text it draws there one byte a character; the page shows empty boxes or stray glyphs. The
    reader names those fields as not readable (``unreadable``) and reads no value for them, nor
    the ticks of a multiple choice whose other text it is (they are one value); the other ticks
    and ticked choices are drawn as the form drew them and read."""
    from formgen.layout import WidgetKind, layout_form
    from formgen.model import OTHER

    drawn_as_text = (WidgetKind.TEXT, WidgetKind.MULTILINE, WidgetKind.COMBO)
    kind, categories = FORMS[form]
    kinds = {b.path: b.kind for b in layout_form(ws.schema(), kind, categories, "de").boxes}
    lost = sorted(
        p.removesuffix(f".{OTHER}")
        for p in expected
        if p in paths and kinds.get(p) in drawn_as_text
    )
    values = {
        k: v for k, v in expected.items() if k not in lost and k.rpartition(".")[0] not in lost
    }
    return values, lost


def _pypdf_add_page(source: Path, out: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter()
    for page in pypdf.PdfReader(source).pages:
        writer.add_page(page)
    writer.write(out)


def _pikepdf_extend(source: Path, out: Path) -> None:
    import pikepdf

    with pikepdf.open(source) as src, pikepdf.new() as pdf, warnings.catch_warnings():
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)  # what this copy is about
        pdf.pages.extend(src.pages)
        pdf.save(out)


def merged_copies(
    samples: dict[str, dict[str, object]], versions: dict[str, str], names: Collection[str]
) -> None:
    """Copies of the filled forms put through tools that merge PDFs (step 4): every value
    is still in the fields on the pages, read back as from the filled form."""
    import pikepdf
    import pypdf

    made: dict[str, tuple[str, Callable[[Path, Path], object]]] = {
        "pdfunite": (
            f"poppler pdfunite {versions['poppler']}",
            lambda src, out: run(["pdfunite", str(src), str(out)]),
        ),
        "qpdf_pages": (
            f"qpdf {versions['qpdf']} --empty --pages … --",
            lambda src, out: run(["qpdf", "--empty", "--pages", str(src), "--", str(out)]),
        ),
        "pypdf_add_page": (f"pypdf {pypdf.__version__} PdfWriter.add_page", _pypdf_add_page),
        "pikepdf_pages": (f"pikepdf {pikepdf.__version__} pages.extend", _pikepdf_extend),
    }
    for kind in ("institution", "checklist"):  # the overflow form adds nothing here
        if kind not in names:
            continue
        for filler in ("pdfium", "pdfjs"):
            source = HERE / f"{kind}_{filler}.pdf"
            for name, (program, make) in made.items():
                if filler == "pdfjs" and name != "pdfunite":
                    continue  # one program's form through each merger is enough
                out = HERE / f"{kind}_{filler}_{name}.pdf"
                make(source, out)
                samples[out.name] = {
                    **samples[source.name],
                    "program": f"{program} (of {source.name})",
                }


def reordered(
    samples: dict[str, dict[str, object]], qpdf: str, names: list[str], make: bool = True
) -> None:
    """The copies of ``REORDERED``, made by qpdf of this run's copies of the forms ``names``
    (``make=False``: only what they must give back, of the committed copies)."""
    for name, (pages, notes) in REORDERED.items():
        source = pages[0]
        meta = samples[source]
        if meta["form"] not in names:
            continue
        args = [str(HERE / a) if a.endswith(".pdf") else a for a in pages]
        if make:
            run(["qpdf", str(HERE / source), "--pages", *args, "--", str(HERE / name)])
        held = HELD.get(name, [])
        samples[name] = {
            **meta,
            "program": f"qpdf {qpdf} --pages {' '.join(pages)} (of {source}: {meta['program']})",
            "page_notes": notes,
            **({"held": held} if held else {}),
        }
        samples[name]["values"] = {k: v for k, v in meta["values"].items() if k not in held}


def mutool_version() -> str:
    return subprocess.run(["mutool", "-v"], capture_output=True, text=True).stderr.split()[-1]


def with_letter(samples: dict[str, dict[str, object]], versions: dict[str, str]) -> None:
    """Step 6: the returned form in one PDF with other pages. Needs LibreOffice, pdftk-java,
    qpdf, poppler-utils and mutool (Debian: mupdf-tools)."""
    scratch = HERE / ".work"
    scratch.mkdir(exist_ok=True)
    (scratch / "anschreiben.txt").write_text(LETTER, "utf-8")
    office = run(["soffice", "--version"]).split()[:2]
    run(
        [
            "soffice",
            f"-env:UserInstallation=file://{scratch / 'lo'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(scratch),
            str(scratch / "anschreiben.txt"),
        ]
    )
    letter = scratch / "anschreiben.pdf"
    joined = f"a covering letter ({' '.join(office)} --convert-to pdf of a text)"
    tools: dict[str, tuple[str, Callable[[list[Path], Path], object]]] = {
        "pdfunite": (
            f"poppler pdfunite {versions['poppler']}",
            lambda parts, out: run(["pdfunite", *map(str, parts), str(out)]),
        ),
        "qpdf": (
            f"qpdf {versions['qpdf']} --empty --pages … --",
            lambda parts, out: run(
                ["qpdf", "--empty", "--pages", *map(str, parts), "--", str(out)]
            ),
        ),
        "pdftk": (
            f"pdftk-java {versions['pdftk-java']} … cat",
            lambda parts, out: run(["pdftk", *map(str, parts), "cat", "output", str(out)]),
        ),
    }
    cases = [("poppler_print", "before"), ("poppler_print", "after"), ("pdfium", "before")]
    for copy, where in cases:
        source = HERE / f"institution_{copy}.pdf"
        for tool, (program, make) in tools.items():
            out = HERE / f"institution_{copy}_letter_{tool}_{where}.pdf"
            make([letter, source] if where == "before" else [source, letter], out)
            # qpdf and pdftk keep the fields (read as the form's), pdfunite drops their names
            fields_kept = copy == "pdfium" and tool != "pdfunite"
            samples[out.name] = {
                **samples[source.name],
                "program": f"{program} of {joined} {where} {source.name}",
                "page_notes": []
                if fields_kept
                else [
                    f"the copy's page {1 if where == 'before' else 4} has no form reference and "
                    "shows none of the form's pages (a covering letter or fax cover sheet sent "
                    "with it): it was not read; the file is kept whole, with it"
                ],
            }
    source = HERE / "institution_pdfium.pdf"
    out = HERE / "institution_pdfium_mutool_merge.pdf"
    run(["mutool", "merge", "-o", str(out), str(source)])
    samples[out.name] = {
        **samples[source.name],
        "program": f"mutool {versions['mutool']} merge (of {source.name})",
        "reader": "flattened-pdf",
        "values": {},
        "unread": True,
    }
    blank = scratch / "institution_blank_printed.pdf"
    run(["pdftocairo", "-pdf", str(HERE / "institution_blank.pdf"), str(blank)])
    source = HERE / "institution_poppler_print.pdf"
    out = HERE / "institution_poppler_print_page3_blank_first.pdf"
    pages = [str(source), "1-2", str(blank), "3", str(source), "3"]
    run(["qpdf", str(source), "--pages", *pages, "--", str(out)])
    meta = samples[source.name]
    # what was typed on page 3 (its "Fehlanzeige" was prefilled: the blank page shows it too)
    typed = ["contact_name", "agreements", "date", "initials"]
    samples[out.name] = {
        **meta,
        "program": (
            f"qpdf {versions['qpdf']} --pages {source.name} 1-2 (institution_blank.pdf printed by "
            f"pdftocairo -pdf) 3 {source.name} 3 (of {source.name}: {meta['program']})"
        ),
        "page_notes": [
            "the copy shows the form's page 3 on its pages 3, 4; what only one of them shows "
            "filled in, or readably, was read from it: "
            + ", ".join(f"fluechtlingsberatung.{field}" for field in typed)
        ],
    }


def main() -> None:
    if sys.argv[1:] in (["--merged"], ["--letter"]):
        expected = json.loads((HERE / "expected.json").read_text("utf-8"))
        versions = {
            "qpdf": run(["qpdf", "--version"]).split("\n")[0].split()[-1],
            "poppler": subprocess.run(["pdftocairo", "-v"], capture_output=True, text=True)
            .stderr.split("\n")[0]
            .split()[-1],
            "pdftk-java": run(["pdftk", "--version"]).split("\n")[0].split()[4],
            "mutool": mutool_version(),
        }
        if sys.argv[1] == "--merged":
            merged_copies(expected["samples"], versions, list(FORMS))
        else:
            reordered(expected["samples"], versions["qpdf"], list(FORMS), make=False)
            with_letter(expected["samples"], versions)
            shutil.rmtree(HERE / ".work")
        (HERE / "expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
        return
    names = sys.argv[1:] or [form for form in FORMS if form not in MADE_BEFORE]
    if unknown := set(names) - set(FORMS):
        raise SystemExit(f"no such form: {', '.join(sorted(unknown))}; forms: {', '.join(FORMS)}")
    if before := [form for form in names if form in MADE_BEFORE]:
        raise SystemExit(
            f"{', '.join(before)}: made of forms of layout edition "
            f"{', '.join(sorted({str(MADE_BEFORE[f]) for f in before}))}, the generator makes "
            f"edition {LAYOUT_EDITION}: kept as they are (MADE_BEFORE)"
        )
    ws = workspace()
    scratch = HERE / ".work"
    scratch.mkdir(exist_ok=True)
    forms = generate(ws, names, scratch)
    if not (TOOLS / "node_modules" / "pdfjs-dist").exists():
        run(["npm", "install", "--no-audit", "--no-fund"], cwd=TOOLS)
    versions = {
        "pdf.js": json.loads((TOOLS / "node_modules/pdfjs-dist/package.json").read_text())[
            "version"
        ],
        "PDFium": str(__import__("pypdfium2").version.PDFIUM_INFO),
        "pdftk-java": run(["pdftk", "--version"]).split("\n")[0].split()[4],
        "qpdf": run(["qpdf", "--version"]).split("\n")[0].split()[-1],
        "poppler": subprocess.run(["pdftocairo", "-v"], capture_output=True, text=True)
        .stderr.split("\n")[0]
        .split()[-1],
        "mutool": mutool_version(),
    }
    kept = json.loads((HERE / "expected.json").read_text("utf-8"))["samples"]
    samples = {k: v for k, v in kept.items() if v["form"] not in names}
    for form, (blank, ident) in forms.items():
        typed = TYPED[form]
        values_json = scratch / f"{form}.json"
        values_json.write_text(json.dumps(typed, ensure_ascii=False), "utf-8")
        pdfium_json = scratch / f"{form}_pdfium.json"
        pdfium_json.write_text(json.dumps(pdfium_values(ws, typed), ensure_ascii=False), "utf-8")
        xfdf_path = scratch / f"{form}.xfdf"
        xfdf_path.write_text(xfdf(typed), "utf-8")

        made = {
            "pdfjs": (
                ["node", str(TOOLS / "fill_pdfjs.mjs"), str(blank), str(values_json)],
                "pdf.js",
            ),
            "pdfium": (
                [sys.executable, str(TOOLS / "fill_pdfium.py"), str(blank), str(pdfium_json)],
                "PDFium",
            ),
        }
        for name, (cmd, program) in made.items():
            out = HERE / f"{form}_{name}.pdf"
            run([*cmd, str(out)])
            samples[out.name] = {
                "form": form,
                "program": f"{program} {versions[program]}",
                "reader": "acroform-pdf",
            }
        out = HERE / f"{form}_pdftk.pdf"
        run(["pdftk", str(blank), "fill_form", str(xfdf_path), "output", str(out)])
        samples[out.name] = {
            "form": form,
            "program": f"pdftk-java {versions['pdftk-java']} fill_form (XFDF, UTF-8)",
            "reader": "acroform-pdf",
        }

        expected = expected_values(ws, form)
        for name in ("pdfjs", "pdfium", "pdftk"):
            samples[f"{form}_{name}.pdf"]["values"] = expected

        # Copies without fields: what a flattening tool and a print driver leave on the page.
        source = HERE / f"{form}_pdfjs.pdf"
        out = HERE / f"{form}_qpdf_flat.pdf"
        run(["qpdf", "--generate-appearances", "--flatten-annotations=all", str(source), str(out)])
        recovered, lost = drawn_by_pdfjs(expected, typed)
        samples[out.name] = {
            "form": form,
            "program": f"qpdf {versions['qpdf']} --generate-appearances --flatten-annotations=all (of {source.name})",
            "reader": "flattened-pdf",
            "values": recovered,
            "differences": lost,
            "cut_off": CUT_OFF.get(form, []),
        }
        source = HERE / f"{form}_pdfium.pdf"
        out = HERE / f"{form}_poppler_print.pdf"
        run(["pdftocairo", "-pdf", str(source), str(out)])
        samples[out.name] = {
            "form": form,
            "program": f"poppler pdftocairo {versions['poppler']} -pdf (of {source.name})",
            "reader": "flattened-pdf",
            "values": expected,
            "cut_off": CUT_OFF.get(form, []),
        }
        if form in ("institution", "checklist"):  # what pdftk and qpdf draw (overflow: the same)
            source = HERE / f"{form}_pdfium.pdf"
            out = HERE / f"{form}_pdfium_pdftk_flat.pdf"
            run(["pdftk", str(source), "output", str(out), "flatten"])
            samples[out.name] = {
                "form": form,
                "program": f"pdftk-java {versions['pdftk-java']} flatten (of {source.name})",
                "reader": "flattened-pdf",
                "values": expected,
            }

            # pdftk's appearances of what it filled in cannot be read back (drawn_unreadably)
            pdftk = f"pdftk-java {versions['pdftk-java']}"
            qpdf = f"qpdf {versions['qpdf']} --generate-appearances --flatten-annotations=all"
            out = HERE / f"{form}_pdftk_flat.pdf"
            run(["pdftk", str(blank), "fill_form", str(xfdf_path), "output", str(out), "flatten"])
            values, lost = drawn_unreadably(ws, form, expected, typed)
            samples[out.name] = {
                "form": form,
                "program": f"{pdftk} fill_form (XFDF, UTF-8) … flatten (of {blank.name})",
                "reader": "flattened-pdf",
                "values": values,
                "unreadable": lost,
            }
            source = HERE / f"{form}_pdftk.pdf"
            out = HERE / f"{form}_pdftk_qpdf_flat.pdf"
            run(
                [
                    "qpdf",
                    "--generate-appearances",
                    "--flatten-annotations=all",
                    str(source),
                    str(out),
                ]
            )
            samples[out.name] = {
                "form": form,
                "program": f"{qpdf} (of {source.name})",
                "reader": "flattened-pdf",
                "values": values,
                "unreadable": lost,
            }
            viewer = scratch / f"{form}_pdftk_need_appearances.pdf"
            run(
                [
                    "pdftk",
                    str(blank),
                    "fill_form",
                    str(xfdf_path),
                    "output",
                    str(viewer),
                    "need_appearances",
                ]
            )
            out = HERE / f"{form}_pdftk_na_qpdf_flat.pdf"
            # qpdf warns of the exclusive boxes' on-states (not /Yes); exit status 3: warnings only
            cmd = [
                "qpdf",
                "--generate-appearances",
                "--flatten-annotations=all",
                str(viewer),
                str(out),
            ]
            print("+", " ".join(cmd), file=sys.stderr)
            if subprocess.run(cmd).returncode not in (0, 3):
                raise SystemExit(f"qpdf failed on {viewer.name}")
            values, lost = drawn_unreadably(ws, form, expected, expected)
            samples[out.name] = {
                "form": form,
                "program": (
                    f"{qpdf} of {blank.name} filled by {pdftk} fill_form (XFDF, UTF-8) … "
                    "need_appearances"
                ),
                "reader": "flattened-pdf",
                "values": values,
                "unreadable": lost,
            }

        for meta in samples.values():
            if meta["form"] == form:
                meta["instance_id"] = ident.instance_id
                meta["edition"] = LAYOUT_EDITION
    reordered(samples, versions["qpdf"], names)
    merged_copies(samples, versions, names)
    if "institution" in names:
        with_letter(samples, versions)
    shutil.rmtree(scratch)
    expected = {
        "about": "What was typed into each form and what the readers must give back; see make_samples.py.",
        "secret": "samples/workspace/secret.key",
        "typed": TYPED,
        "prefilled": json.loads((HERE / "record.json").read_text("utf-8")),
        "samples": samples,
    }
    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    print(f"{len(samples)} samples in {HERE.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
