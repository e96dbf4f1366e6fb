"""Make the returns that answer ``formgen demo``'s invitation round, filled by real programs.

    .venv/bin/python samples/demo/make_returns.py

The demo mails its round with reproducible form ids (``ROUND_SEED`` in formgen/cli/demo.py), so
this script runs the demo once, takes two of the forms it mailed and fills them as the
institutions would:

* ``returns/inst-0008-pdfium.pdf``: the PDF of the migrant self-organisation Al-Amal, filled in
  PDFium (Chrome's engine, ``samples/pdf/tools/fill_pdfium.py``), Arabic names and notes typed;
* ``returns/inst-0010-libreoffice.docx``: the Word form of the Sozialpsychiatrischer Dienst,
  filled in LibreOffice through its scripting API (``samples/docx/lo_fill.py``) and saved as DOCX.

``returns/typed.json`` records what was typed into which form. Needs pypdfium2 and LibreOffice
with python3-uno (Debian: /usr/bin/soffice, run by /usr/bin/python3). Run it again whenever the
demo's round changes (its recipients, their order, the seed): ``tests/test_demo.py`` fails when
the shipped returns no longer answer the demo's forms.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from formgen.docx_form import form_plan
from formgen.schema_load import default_schema

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
OUT = HERE / "returns"

MSO = "migrantenselbstorganisationen"
SPD = "sozialpsychiatrischer_dienst"

PDFIUM = {  # inst-0008 types into its PDF (fully qualified field names, as fill_pdfium.py takes)
    "institution.traeger": "جمعية الأمل للثقافة والاندماج e.V.",
    "institution.street": "Kölner Straße 45",
    "institution.postcode": "41539",
    "institution.city": "Dormagen",
    "institution.opening_hours": "Mo–Do 10–16 Uhr",
    "institution.phone": "02133 4567890",
    "institution.website": "https://al-amal.example",
    f"{MSO}.catchment_area": "Dormagen, Grevenbroich, Rommerskirchen",
    f"{MSO}.migrant_experience": "ja",
    f"{MSO}.share_migrants": "95",
    f"{MSO}.languages_offered.ar": True,
    f"{MSO}.languages_offered.fa": True,
    f"{MSO}.languages_offered.ckb": True,
    f"{MSO}.languages_offered._other": "Amharisch",
    f"{MSO}.concepts": (
        "Gesprächskreis für Frauen auf Arabisch und Persisch\n"
        "Begleitung zu Ärztinnen, Beratungsstellen und Ämtern"
    ),
    f"{MSO}.contact_name": "ليلى حداد",
    f"{MSO}.contact_role": "Vorsitzende",
    f"{MSO}.contact_phone": "0176 23456789",
    f"{MSO}.contact_email": "l.haddad@al-amal.example",
    f"{MSO}.office_hours": "Di 14–18 Uhr",
    f"{MSO}.contact_languages.ar": True,
    f"{MSO}.contact_languages.en": True,
    f"{MSO}.date": "20.11.2026",
    f"{MSO}.initials": "LH",
}

LIBREOFFICE = {  # inst-0010 types into its Word form (field path → what is typed or picked)
    "institution.traeger": "Rhein-Kreis Neuss, Gesundheitsamt",
    "institution.street": "Auf der Schanze 1",
    "institution.postcode": "41515",
    "institution.city": "Grevenbroich",
    "institution.opening_hours": "Mo–Fr 8–12 Uhr",
    "institution.phone": "02181 601-5301",
    f"{SPD}.catchment_area": "Rhein-Kreis Neuss",
    f"{SPD}.migrant_experience": "Ja",
    f"{SPD}.share_migrants": "30",
    f"{SPD}.languages_offered.tr": True,
    f"{SPD}.languages_offered.ru": True,
    f"{SPD}.languages_offered.pl": True,
    f"{SPD}.concepts": "Sprechstunde mit Dolmetscherin (Türkisch, Russisch) jeden Mittwoch",
    f"{SPD}.contact_name": "Małgorzata Nowak-Yıldız",
    f"{SPD}.contact_role": "Sozialarbeiterin",
    f"{SPD}.contact_phone": "02181 601-5310",
    f"{SPD}.contact_email": "m.nowak@rhein-kreis-neuss.example",
    f"{SPD}.contact_languages.pl": True,
    f"{SPD}.contact_languages.tr": True,
    f"{SPD}.date": "20.11.2026",
    f"{SPD}.initials": "MNY",
}


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)


def mailed_form(workspace: Path, institution: str, suffix: str) -> Path:
    (found,) = sorted((workspace / "forms" / "mail").glob(f"*/{institution}_FG-*{suffix}"))
    return found


def libreoffice_plan(values: dict[str, object]) -> list[list[object]]:
    """Where each value goes in the Word form, as ``lo_fill.py`` takes it (table, row, position)."""
    plan = form_plan(default_schema(), "institution", (SPD,), "de")
    where = {slot.path: (t, r, i, slot.kind) for t, r, i, slot in plan.slots()}
    out: list[list[object]] = []
    for path, value in values.items():
        t, r, i, kind = where[path]
        out.append([t, r, i, kind, value])
    return out


def main() -> None:
    OUT.mkdir(exist_ok=True)
    formgen = str(Path(sys.executable).with_name("formgen"))
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo"
        run([formgen, "demo", str(demo), "--samples", str(SAMPLES)])
        pdf = mailed_form(demo, "inst-0008", ".pdf")
        docx = mailed_form(demo, "inst-0010", ".docx")
        values = Path(tmp) / "pdfium.json"
        values.write_text(json.dumps(PDFIUM, ensure_ascii=False), "utf-8")
        tools = SAMPLES / "pdf" / "tools"
        run(
            [
                sys.executable,
                str(tools / "fill_pdfium.py"),
                str(pdf),
                str(values),
                str(OUT / "inst-0008-pdfium.pdf"),
            ]
        )
        plan = Path(tmp) / "lo.json"
        plan.write_text(json.dumps(libreoffice_plan(LIBREOFFICE), ensure_ascii=False), "utf-8")
        run(
            [
                "/usr/bin/python3",
                str(SAMPLES / "docx" / "lo_fill.py"),
                str(docx),
                str(OUT / "inst-0010-libreoffice.docx"),
                str(plan),
                str(Path(tmp) / "profile"),
            ]
        )
        typed = {
            "inst-0008-pdfium.pdf": {"form": pdf.name, "typed": PDFIUM},
            "inst-0010-libreoffice.docx": {"form": docx.name, "typed": LIBREOFFICE},
        }
    (OUT / "typed.json").write_text(json.dumps(typed, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
