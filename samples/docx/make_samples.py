"""Make the DOCX samples: blank formgen forms, filled by LibreOffice (7.4 and, when present, 25.2)
through its scripting API, and filled the way Word edits content controls; then ingest each one
and record what came back.

    .venv/bin/python samples/docx/make_samples.py [arabic|long|hints]

(``arabic``: only the samples of the Arabic and Persian institution form, ``*-arabic.*``;
``long``: only ``lo74-export-long.pdf``; ``hints``: only the samples of a form whose empty
controls show each field's own hint, ``*-hints.*``.)

Needs LibreOffice with python3-uno (Debian: /usr/bin/soffice, run by /usr/bin/python3). A newer
LibreOffice is used when ``/opt/lo25/run.sh`` exists: it runs a command with LibreOffice 25.2
(bookworm-backports .debs unpacked into /opt/lo25) bind-mounted over the system's in a private
mount namespace.

The forms are signed with the sample workspace's secret (``samples/workspace/secret.key``, the
one ``samples/pdf/make_samples.py`` signs with and ``formgen demo`` checks with) and their
identities are recorded in its ``issued.jsonl`` (only this script's lines are replaced; the PDF
samples' stay). Writes, next to this script:

* ``blank-<kind>.docx``         the generated forms (fixed seed and "Stand": reproducible)
* ``<filler>-<kind>.docx``      filled and saved by ``lo74``, ``lo252``, ``wordsim``
* ``expected-<kind>.json``      every value filled in (field path → value the reader must return)
* ``lo74-export-arabic.pdf``    ``wordsim-arabic.docx`` exported as PDF by the system's LibreOffice
* ``lo74-export-long.pdf``      the form prefilled with ``LONG_RECORD``, exported as it is by the
                                system's LibreOffice
* ``lo74-export-hints.pdf``     ``lo74-hints.docx`` exported as PDF by the system's LibreOffice
* ``report.json``               per sample: values back, missing, different, notes, timings
* ``<filler>-<kind>-p<N>.png``  pages as LibreOffice prints them (pdftoppm -r 60)
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

from formgen.docx_form import FormPlan, form_plan, render_docx
from formgen.docx_xml import CHECKBOX, DATE, DROPDOWN, qn, run_props, text_runs
from formgen.forms import FormRequest, new_identity
from formgen.identity import FormIdentity
from formgen.model import FieldPath, FieldType, choices_of
from formgen.record import record_from_json
from formgen.schema_load import default_schema
from formgen.workspace import ISSUED, Workspace
from ingest.docx_reader import read_docx

HERE = Path(__file__).resolve().parent
WORKSPACE = HERE.parent / "workspace"
STAND = "2026-11-22"

RECORD = {
    "id": "inst-0042",
    "base_version": 7,
    "categories": ["psychotherapie", "migrantenselbstorganisationen"],
    "institution": {
        "name": "Praxis Şule Yılmaz",
        "traeger": "Verein Ольга Петренко e.V.",
        "street": "Königsallee 1",
        "postcode": "40212",
        "city": "Düsseldorf",
        "region": "duesseldorf",
        "opening_hours": "Mo–Fr 9–13 Uhr",
        "email": "praxis@example.org",
    },
    "entries": {
        "psychotherapie": {
            "migrant_experience": "ja",
            "languages_offered": ["tr", "ru"],
            "date": "2025-09-24",
            "initials": "ŞY",
        },
        "migrantenselbstorganisationen": {"migrant_experience": "fehlanzeige"},
    },
}

TEXTS = {
    FieldType.TEXT: "Çiğdem Öztürk-İnce, Łódź – Ελληνικά",
    FieldType.TEXTAREA: "Beratung auf Türkisch und Русский\nمركز الاستشارة",
    FieldType.INTEGER: "12",
    FieldType.PERCENTAGE: "35",
    FieldType.PHONE: "0211 7654321",
    FieldType.EMAIL: "kontakt@example.org",
    FieldType.URL: "https://example.org/beratung",
    FieldType.INITIALS: "ÇÖ",
}
ARABIC_RECORD = {
    "id": "inst-0077",
    "base_version": 3,
    "categories": ["psychotherapie"],
    "institution": {
        "name": "مركز الأمل e.V.",
        "traeger": "انجمن پناه\u200cجویان ایرانی",  # Persian, a ZWNJ inside پناه‌جویان
        "street": "شارع كولن 12",
        "postcode": "40213",
        "city": "دوسلدورف",
        "region": "duesseldorf",
        "opening_hours": "الاثنين إلى الجمعة\nمن الساعة 9 إلى 13",
        "email": "amal@example.org",
    },
    "entries": {
        "psychotherapie": {
            "migrant_experience": "ja",
            "languages_offered": ["ar", "fa"],
            "languages_offered._other": "الأمازيغية، الكردية",
            "contact_name": "مریم حسینی\u200cها",
            "contact_role": "مشاور خانواده\u200cها",
            "agreements": "اتفاق مع مركز النور\nمواعيد كل خميس",
            "date": "2025-10-02",
        }
    },
}
"""An institution whose register values are Arabic and Persian (with zero-width non-joiners),
one mixed with Latin letters, two of several lines, and Arabic in a multiple choice's "other"
box: ``*-arabic.*``."""
ARABIC_FILL = [
    [1, 7, 0, "text", "مجموعة للنساء"],
    [1, 14, 3, "checkbox", True],
    [1, 17, 0, "date", "15.12.2025"],
    [1, 20, 0, "text", "م.ح"],
]
"""What the person of ``ARABIC_RECORD`` types (table, row, control, kind, text): plans, Arabic
among the contact's languages, a meeting date, initials."""
LONG_RECORD = {
    "id": "inst-0123",
    "base_version": 2,
    "categories": ["psychotherapie"],
    "institution": {
        "name": "Psychosoziale Beratungsstelle Düsseldorf",
        "region": "duesseldorf",
        "email": "info@psychosoziale-beratungsstelle-duesseldorf-neuss-mettmann.example.org",
        "website": "https://www.psychosoziale-beratungsstelle-duesseldorf.example.org/angebote/"
        "migration",
        "traeger": "Çiğdem Öztürk-İnce Stiftung für Geflüchtete und Migrantinnen und Migranten",
        "phone": "+49 211 123456-789 / 0211 98765432 (Zentrale) / 0211 98765433 (Fax)",
        "opening_hours": "Mo–Fr 9–13 Uhr\nDo 14–18 Uhr",
    },
    "entries": {
        "psychotherapie": {
            "contact_email": "sule.yilmaz.oeztuerk@beratungsstelleduesseldorfneussmettmann"
            "krefeldwuppertal.example"
        }
    },
}
"""An institution whose e-mail and web addresses are too long for a line of the Word form's
cell (LibreOffice breaks them after a hyphen, or inside a word too long for the line), as are
its name and phone numbers (broken at a space); its opening hours are two lines typed with
Enter: ``lo74-export-long.pdf``."""
HINTS_RECORD = {
    "id": "inst-0088",
    "base_version": 1,
    "categories": ["psychotherapie"],
    "institution": {"name": "Beratungsstelle Łódź–Neuss", "region": "neuss_meerbusch"},
}
"""An institution the register knows little of: on its form nearly every control is empty and
shows its field's own hint (its help, „Vollständiger Name, wie …“): ``*-hints.*``."""
HINTS_FILL = [
    [0, 3, 0, "text", "Çiçek Sokak 5"],
    [1, 17, 0, "date", "15.12.2025"],
]
"""What the person of ``HINTS_RECORD`` types (table, row, control, kind, text): a street and a
meeting date; every other control is left showing its hint."""
POSTCODES = ("40212", "41460", "41539", "40667", "47798")
"""Real five-digit postcodes (the schema's pattern), one per filled entry in turn."""


def typed_text(f_id: str, f_type: FieldType, entry: int) -> str:
    """What a person types into a text control of the ``entry``-th filled entry: the Unicode
    sample text, but a valid postcode, and a name and phone number of its own per entry (so
    that the entries are different institutions in the register, not one with conflicts)."""
    if f_id == "postcode":
        return POSTCODES[entry % len(POSTCODES)]
    if f_id == "name":
        return f"{TEXTS[f_type]} {entry + 1}"
    if f_id == "phone":
        return f"0211 76543{entry + 1:02d}"
    return TEXTS[f_type]


def record_issued(ws: Workspace, identities: list[FormIdentity]) -> None:
    """Replace this script's lines in issued.jsonl (the PDF samples' lines stay)."""
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
                {**ident.to_fields(), "issued_at": STAND + "T09:00:00+0100"}, ensure_ascii=False
            )
        )
    path.write_text("\n".join(keep) + "\n", "utf-8")


def forms(ws: Workspace) -> dict[str, tuple[FormRequest, bytes, FormPlan]]:
    """The blank forms, signed with the sample workspace's secret and recorded as issued there."""
    schema = default_schema()
    record = record_from_json(schema, RECORD)
    arabic = record_from_json(schema, ARABIC_RECORD)
    long = record_from_json(schema, LONG_RECORD)
    hints = record_from_json(schema, HINTS_RECORD)
    requests = {
        "checklist": FormRequest(
            "checklist", ("krisendienst", "fluechtlingsberatung"), stand=STAND
        ),
        "institution": FormRequest("institution", record.categories, record, stand=STAND),
        "arabic": FormRequest("institution", arabic.categories, arabic, stand=STAND),
        "long": FormRequest("institution", long.categories, long, stand=STAND),
        "hints": FormRequest("institution", hints.categories, hints, stand=STAND),
    }
    out = {}
    identities = []
    for n, (kind, req) in enumerate(requests.items()):
        ident = new_identity(schema, req, ws.secret, random.Random(100 + n))
        identities.append(ident)
        data = render_docx(schema, req, ident).data
        out[kind] = (req, data, form_plan(schema, req.kind, req.categories, req.lang))
    record_issued(ws, identities)
    return out


def fill_values(kind: str, plan: FormPlan) -> tuple[list[list[object]], dict[str, object]]:
    """What to type where (shown text per control) and what the reader must return per path."""
    if kind in ("arabic", "hints"):
        fill = ARABIC_FILL if kind == "arabic" else HINTS_FILL
        slots = {(t, r, i): s for t, r, i, s in plan.slots()}
        return fill, {
            slots[t, r, i].path: (
                dt.datetime.strptime(str(value), "%d.%m.%Y").date().isoformat()
                if how == DATE
                else value
            )
            for t, r, i, how, value in fill
        }
    rng = random.Random(7)
    lo_plan: list[list[object]] = []
    expected: dict[str, object] = {}
    entries: dict[tuple[str, int | None], int] = {}
    for t, r, i, slot in plan.slots():
        table = plan.tables[t]
        if kind == "checklist" and (table.block not in (1, 3) or (table.block == 3 and t > 5)):
            continue  # leave most blocks blank: blank must stay blank
        f = slot.field
        if slot.kind == CHECKBOX:
            if rng.random() < 0.4:
                lo_plan.append([t, r, i, CHECKBOX, True])
                expected[slot.path] = True
            continue
        if slot.option == "_other":
            shown = expected_value = "Tamil, Urdu"
        elif slot.kind == DROPDOWN:
            choice = choices_of(f)[(t + r) % len(choices_of(f))]
            shown, expected_value = choice.label.get(plan.lang), choice.value
        elif slot.kind == DATE:
            day = dt.date(2025, 1, 1) + dt.timedelta(days=37 * t + r)
            shown, expected_value = day.strftime("%d.%m.%Y"), day.isoformat()
        else:
            where = FieldPath.parse(slot.path)
            # the institution form's entry is another institution than the checklist's three
            first = 0 if kind == "checklist" else len(POSTCODES) - 1
            entry = entries.setdefault((where.category, where.block), first + len(entries))
            shown = expected_value = typed_text(f.id, f.type, entry)
        lo_plan.append([t, r, i, slot.kind, shown])
        expected[slot.path] = expected_value
    return lo_plan, expected


def word_fill(data: bytes, plan: FormPlan, lo_plan: list[list[object]]) -> bytes:
    """Edit the controls as Word does when a person fills them (ECMA-376 / MS-DOCX semantics):
    the content replaced by the typed text, w:showingPlcHdr removed, w14:checked set with its
    glyph, a list item's display text shown (w:lastValue = its value), a date's w:fullDate set."""
    slots = {(t, r, i): s for t, r, i, s in plan.slots()}
    wanted = {slots[(t, r, i)].path: (kind, value) for t, r, i, kind, value in lo_plan}
    zin = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(zin.read("word/document.xml"))
    for sdt in root.iter(qn("w:sdt")):
        pr = sdt.find(qn("w:sdtPr"))
        tag = pr.find(qn("w:tag")).get(qn("w:val"))
        if tag not in wanted:
            continue
        kind, value = wanted[tag]
        content = sdt.find(qn("w:sdtContent"))
        hint = pr.find(qn("w:showingPlcHdr"))
        if hint is not None:
            pr.remove(hint)
        if kind == CHECKBOX:
            pr.find(qn("w14:checkbox")).find(qn("w14:checked")).set(qn("w14:val"), "1")
            content.find(f".//{qn('w:t')}").text = "☒"
            continue
        for child in list(content):
            content.remove(child)
        for run in text_runs(str(value), run_props()):
            content.append(run)
        if kind == DROPDOWN:
            lst = pr.find(qn("w:dropDownList"))
            for item in lst.findall(qn("w:listItem")):
                if item.get(qn("w:displayText")) == value:
                    lst.set(qn("w:lastValue"), item.get(qn("w:value")))
        if kind == DATE:
            day, month, year = str(value).split(".")
            pr.find(qn("w:date")).set(qn("w:fullDate"), f"{year}-{month}-{day}T00:00:00Z")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "word/document.xml":
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, body)
    return out.getvalue()


def lo_versions() -> dict[str, list[str]]:
    out = {"lo74": ["/usr/bin/python3"]}
    if Path("/opt/lo25/run.sh").exists():
        out["lo252"] = ["/opt/lo25/run.sh", "/usr/bin/python3"]
    return out


def version_of(prefix: list[str]) -> str:
    cmd = [*prefix[:-1], "soffice", "--version"] if len(prefix) > 1 else ["soffice", "--version"]
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()


def kept(path: Path) -> dict[str, int]:
    """What of formgen's markup a saved file still has (counts in its parts)."""
    zf = zipfile.ZipFile(path)
    doc = zf.read("word/document.xml").decode("utf-8")
    names = zf.namelist()
    custom = (
        zf.read("docProps/custom.xml").decode("utf-8") if "docProps/custom.xml" in names else ""
    )
    settings = zf.read("word/settings.xml").decode("utf-8")
    footers = "".join(zf.read(n).decode("utf-8") for n in names if n.startswith("word/footer"))
    return {
        "sdt": doc.count("<w:sdt>"),
        "tag": doc.count("<w:tag "),
        "alias": doc.count("<w:alias "),
        "showingPlcHdr": doc.count("<w:showingPlcHdr"),
        "w14:checkbox": doc.count("<w14:checkbox>"),
        "dropDownList": doc.count("<w:dropDownList"),
        "listItem": doc.count("<w:listItem "),
        "date": doc.count("<w:date"),
        "fullDate": doc.count("w:fullDate="),
        "text": doc.count("<w:text"),
        "multiLine": doc.count('w:multiLine="1"') + doc.count('w:multiLine="true"'),
        "custom formgen.* properties": custom.count('name="formgen.'),
        "documentProtection forms": int('w:edit="forms"' in settings),
        "embedded font parts": sum(n.endswith(".odttf") for n in names),
        "footer reference FG-": int("FG-" in footers),
        "PAGE/NUMPAGES fields": footers.count("PAGE"),
    }


def soffice_prefix() -> list[str]:
    """The newest LibreOffice here, to print (7.4 shows multi-line controls on one line)."""
    return ["/opt/lo25/run.sh", "soffice"] if Path("/opt/lo25/run.sh").exists() else ["soffice"]


def _pdf_of(docx: Path, tmp: str, soffice: list[str]) -> Path:
    """``docx`` converted to PDF in the folder ``tmp`` by the LibreOffice ``soffice`` starts."""
    subprocess.run(
        [
            *soffice,
            f"-env:UserInstallation=file://{tmp}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(docx),
        ],
        capture_output=True,
        check=True,
    )
    return Path(tmp) / (docx.stem + ".pdf")


def to_png(docx: Path, stem: str, first_pages: int = 2) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = _pdf_of(docx, tmp, soffice_prefix())
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                str(first_pages),
                str(pdf),
                str(HERE / stem),
            ],
            check=True,
        )


def export_pdf(docx: bytes, pdf: Path) -> None:
    """``docx`` exported as PDF by the system's LibreOffice, as an institution does that sends a
    PDF instead of the .docx (``export_pdf.sh`` makes the other such samples)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / (pdf.stem + ".docx")
        copy.write_bytes(docx)
        pdf.write_bytes(_pdf_of(copy, tmp, ["soffice"]).read_bytes())


def main(only: str | None = None) -> None:
    """Make every sample, or with ``only`` (``arabic``) those of one form, keeping the others'
    lines in ``report.json``."""
    report: dict[str, object] = {"made": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    versions = lo_versions()
    report["libreoffice"] = {name: version_of(prefix) for name, prefix in versions.items()}
    samples: dict[str, object] = {}
    if only:
        report = json.loads((HERE / "report.json").read_text("utf-8"))
        samples = report["samples"]  # type: ignore[assignment]
    ws = Workspace.open(WORKSPACE)
    for kind, (_req, data, plan) in forms(ws).items():
        if only and kind != only:
            continue
        if kind == "long":  # sent back unchanged, as a PDF the system's LibreOffice exported
            export_pdf(data, HERE / "lo74-export-long.pdf")
            continue
        (HERE / f"blank-{kind}.docx").write_bytes(data)
        samples[f"blank-{kind}"] = {"size": len(data), "kept": kept(HERE / f"blank-{kind}.docx")}
        to_png(HERE / f"blank-{kind}.docx", f"blank-{kind}-p", first_pages=3)
        lo_plan, expected = fill_values(kind, plan)
        prefilled = {
            k: v for k, v in read_docx(data, f"blank-{kind}.docx").values.items() if v is not False
        }
        expected = {**prefilled, **expected}
        (HERE / f"expected-{kind}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8"
        )
        fill_file = HERE / f"fill-{kind}.json"
        fill_file.write_text(json.dumps(lo_plan, ensure_ascii=False) + "\n", "utf-8")
        made: dict[str, Path] = {}
        wordsim = HERE / f"wordsim-{kind}.docx"
        wordsim.write_bytes(word_fill(data, plan, lo_plan))
        made["wordsim"] = wordsim
        for name, prefix in versions.items():
            out = HERE / f"{name}-{kind}.docx"
            started = time.perf_counter()
            with tempfile.TemporaryDirectory() as profile:
                run = subprocess.run(
                    [
                        *prefix,
                        str(HERE / "lo_fill.py"),
                        str(HERE / f"blank-{kind}.docx"),
                        str(out),
                        str(fill_file),
                        profile,
                    ],
                    capture_output=True,
                    text=True,
                    check=False,
                )
            if run.returncode != 0 or not out.exists():
                print(run.stdout, run.stderr, file=sys.stderr)
                raise SystemExit(f"{name} failed on {kind}")
            samples[f"{name}-{kind}:fill_seconds"] = round(time.perf_counter() - started, 1)
            made[name] = out
        for name, path in made.items():
            started = time.perf_counter()
            sub = read_docx(path.read_bytes(), path.name)
            took = time.perf_counter() - started
            got = {k: v for k, v in sub.values.items() if v is not False and v != ""}
            missing = sorted(k for k in expected if k not in got)
            different = {
                k: [expected[k], got[k]] for k in expected if k in got and got[k] != expected[k]
            }
            # LibreOffice 7.4 turns plain-text controls into input fields, which hold no line
            # break: a multi-line value comes back with its lines joined (recorded, not hidden)
            known_loss = {
                k: v
                for k, v in different.items()
                if name == "lo74" and isinstance(v[0], str) and v[0].replace("\n", "") == v[1]
            }
            for k in known_loss:
                del different[k]
            extra = {k: got[k] for k in got if k not in expected}
            samples[f"{name}-{kind}"] = {
                "size": path.stat().st_size,
                "read_ms": round(took * 1000, 1),
                "identity": sub.identity.reference if sub.identity else None,
                "signature_verifies": bool(sub.identity and sub.identity.verify(ws.secret)),
                "confidence": sub.confidence,
                "expected": len(expected),
                "back_exactly": len(expected) - len(missing) - len(different) - len(known_loss),
                "missing": missing,
                "different": different,
                "lines_joined_by_libreoffice_7_4": sorted(known_loss),
                "extra": extra,
                "notes": list(sub.notes),
                "kept": kept(path),
            }
            to_png(path, f"{name}-{kind}-p")
            back = len(expected) - len(missing) - len(different) - len(known_loss)
            print(
                f"{name}-{kind}: {back}/{len(expected)} back exactly, {len(known_loss)} with lines "
                f"joined, {len(missing)} missing, {len(different)} different, {len(extra)} extra"
            )
    if not only or only == "arabic":
        # the Arabic form filled as Word does, exported by the system's LibreOffice
        export_pdf((HERE / "wordsim-arabic.docx").read_bytes(), HERE / "lo74-export-arabic.pdf")
    if not only or only == "hints":
        # the hints as LibreOffice 7.4 kept them (its own .docx), exported as PDF
        export_pdf((HERE / "lo74-hints.docx").read_bytes(), HERE / "lo74-export-hints.pdf")
    report["samples"] = samples
    (HERE / "report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )


if __name__ == "__main__":
    main(*sys.argv[1:2])
