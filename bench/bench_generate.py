"""Benchmark PDF generation (not a test): blank full checklist, and 1,000 personalised forms.

Run:  python bench/bench_generate.py [--forms 1000] [--repeat 3] [--jobs 2]

Reports medians over ``--repeat`` runs:
* the blank checklist of every category (pages, fields, seconds, MB);
* ``--forms`` personalised, prefilled institution forms (1–3 categories each, Unicode names)
  through :func:`formgen.batch.generate_batch` on ``--jobs`` processes: seconds, MB in all,
  KB per form. Target: 1,000 forms in under 30 s on 2 cores;
* the size of the embedded field font (blank one-category checklist with and without it).
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

import pikepdf

from formgen.batch import generate_batch
from formgen.forms import FormRequest, new_identity
from formgen.pdf_form import render_pdf
from formgen.record import InstitutionRecord, record_from_json
from formgen.schema_load import default_schema

NAMES = [
    "Şule Yılmaz Beratungszentrum",
    "Praxis Çiğdem Öztürk-İnce",
    "Centrum Łódź e.V.",
    "Ольга Петренко Консультация",
    "Ελληνική Κοινότητα Düsseldorf",
    "مركز الاستشارة النفسية",
    "Caritas Fachdienst Integration",
]


def make_records(n: int) -> list[InstitutionRecord]:
    schema = default_schema()
    cats = [c.id for c in schema.categories]
    rng = random.Random(42)
    records = []
    for i in range(n):
        chosen = rng.sample(cats, rng.choice([1, 1, 2, 3]))
        entries = {
            cid: {
                "migrant_experience": rng.choice(["ja", "nein", "fehlanzeige"]),
                "share_migrants": rng.randint(0, 100),
                "languages_offered": rng.sample(["tr", "ar", "fa", "ru", "uk", "pl"], 2),
                "contact_name": rng.choice(NAMES[:4]),
                "concepts": "Muttersprachliche Beratung, Dolmetschereinsatz. " * rng.randint(1, 4),
                "date": "2025-09-24",
                "initials": "ŞY",
            }
            for cid in chosen
        }
        data = {
            "id": f"inst-{i:04d}",
            "base_version": 1,
            "categories": chosen,
            "institution": {
                "name": f"{rng.choice(NAMES)} {i}",
                "street": "Ольга-Петренко-Straße 5",
                "postcode": "40210",
                "city": "Düsseldorf",
                "region": rng.choice(["duesseldorf", "dormagen", "neuss_meerbusch"]),
                "email": f"info{i}@example.org",
            },
            "entries": entries,
        }
        records.append(record_from_json(schema, data, f"bench {i}"))
    return records


def strip_field_font(data: bytes) -> int:
    """Size of the same PDF without the embedded field font program (for the font's cost)."""
    pdf = pikepdf.open(io.BytesIO(data))
    for name, font in pdf.Root.AcroForm.DR.Font.items():
        if "/DescendantFonts" in font:
            descriptor = font.DescendantFonts[0].FontDescriptor
            del descriptor["/FontFile2"]
            del font.DescendantFonts[0]["/W"]
            del font["/ToUnicode"]
            del name
    out = io.BytesIO()
    pdf.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return len(out.getvalue())


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    schema = default_schema()
    secret = b"b" * 32

    # warm the per-process caches once (font subsetting ≈ 1 s) so runs measure generation
    t0 = time.perf_counter()
    request = FormRequest("checklist", ("psychotherapie",), None, "de", "2026-11-22")
    one = render_pdf(schema, request, new_identity(schema, request, secret, random.Random(1)))
    print(f"first form incl. font preparation: {time.perf_counter() - t0:.2f} s")
    without = strip_field_font(one.data)
    print(
        f"blank checklist, 1 category: {len(one.data) / 1e3:.0f} KB; without the field font "
        f"{without / 1e3:.0f} KB → font costs {(len(one.data) - without) / 1e3:.0f} KB per file"
    )

    all_cats = tuple(c.id for c in schema.categories)
    request = FormRequest("checklist", all_cats, None, "de", "2026-11-22")
    times, size, pages, fields = [], 0, 0, 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        form = render_pdf(schema, request, new_identity(schema, request, secret, random.Random(1)))
        times.append(time.perf_counter() - t)
        size = len(form.data)
    with pikepdf.open(io.BytesIO(form.data)) as pdf:
        pages = len(pdf.pages)
        fields = sum(len(p.get("/Annots", [])) for p in pdf.pages)
    print(
        f"blank full checklist ({len(all_cats)} categories): {pages} pages, {fields} widgets, "
        f"median {statistics.median(times):.2f} s, {size / 1e6:.2f} MB "
        f"(without field font {strip_field_font(form.data) / 1e6:.2f} MB)"
    )

    records = make_records(args.forms)
    times = []
    cpu_times = []
    total = 0
    for run in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            cpu0 = _cpu()
            t = time.perf_counter()
            result = generate_batch(
                schema, records, Path(tmp) / "out", secret=secret, seed=run, jobs=args.jobs,
                stand="2026-11-22",
            )  # fmt: skip
            times.append(time.perf_counter() - t)
            cpu_times.append(_cpu() - cpu0)
            total = result.total_bytes
    med = statistics.median(times)
    print(
        f"{args.forms} personalised forms on {args.jobs} process(es): median {med:.1f} s "
        f"({med / args.forms * 1e3:.1f} ms/form), {total / 1e6:.1f} MB in all, "
        f"{total / args.forms / 1e3:.0f} KB per form; runs: {', '.join(f'{x:.1f}' for x in times)} s"
    )
    cpu = statistics.median(cpu_times)
    print(
        f"  CPU time (this process + workers): median {cpu:.1f} s = {cpu / args.forms * 1e3:.1f} "
        f"ms/form → {cpu / args.jobs:.1f} s wall on {args.jobs} idle cores (the machine may be "
        "shared: wall time above includes waiting for other processes)"
    )


if __name__ == "__main__":
    main()
