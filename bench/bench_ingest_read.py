"""Benchmark: reading returned PDF forms, against the raw field walk of pikepdf and of pypdf.

    python bench/bench_ingest_read.py [--forms 1000] [--checklists 100] [--distinct 200]

Not a test. Prepares returned forms once (in a temporary folder):

* institution forms (categories psychotherapie + fluechtlingsberatung), each prefilled from a
  different record — values in ``/V`` with appearances, as a returned form that was confirmed —
  ``--distinct`` different files, read round-robin until ``--forms`` reads;
* one full checklist (every category, 5 entry blocks each) with values in its first block of
  every category, read ``--checklists`` times.

Then, in the same run and on the same bytes, per file:

* ``ours``: :func:`ingest.pdf_reader.read_acroform` — bytes → RawSubmission (SHA-256, checks,
  field walk with inheritance, checkbox states, identity, provenance);
* ``pikepdf raw``: open with pikepdf and walk ``/Fields`` reading ``/T``, ``/Kids``, ``/V``;
* ``pypdf raw``: ``PdfReader(...).get_fields()``.

Reports the median per file and the ratio to the pikepdf walk (target: ours within 2x), and the
throughput of ``ours`` over the whole batch with 1 and 2 processes.

Measured 2026-11-22 (2 cores shared with other jobs, load average 7–8; pikepdf 10.17, pypdf 7.1),
forms from the direct PDF writer:

    institution forms (146 KiB, 60 values), 1,000 reads:
      ours 15.9 ms   pikepdf raw 10.2 ms (ours 1.56x)   pypdf raw 193 ms (19.0x)
    full checklist (every category, 755 KiB, 3,585 values), 100 reads (pypdf 10):
      ours 1,055 ms  pikepdf raw 570 ms (ours 1.85x)    pypdf raw 11,725 ms (20.6x)
    ours over 1,000 files: 116 files/s with 1 process, 146 files/s with 2 (1.26x; the cores
    were shared)

On a quieter moment the full checklist read 458 ms against 285 ms for the raw walk (1.6x); the
difference is reading /FT and /Ff (inheritance, checkbox flags) and building the values.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pikepdf
from pypdf import PdfReader

from formgen.forms import FormRequest, new_identity
from formgen.pdf_form import render_pdf
from formgen.record import record_from_json
from formgen.schema_load import default_schema
from ingest.pdf_reader import read_acroform

SECRET = b"bench" * 8
NAMES = ["Şule Yılmaz", "Ольга Петренко", "Łódź Beratung", "Ελένη Παπαδοπούλου", "مركز الاستشارة"]


def institution_forms(count: int) -> list[bytes]:
    schema = default_schema()
    rng = random.Random(5)
    out = []
    for i in range(count):
        record = record_from_json(
            schema,
            {
                "id": f"inst-{i:04d}",
                "base_version": i % 7,
                "categories": ["psychotherapie", "fluechtlingsberatung"],
                "institution": {
                    "name": f"{rng.choice(NAMES)} {i}",
                    "city": "Düsseldorf",
                    "region": rng.choice(["duesseldorf", "dormagen", "neuss_meerbusch"]),
                    "opening_hours": "Mo–Fr 9–13 Uhr\nDo 14–18 Uhr",
                },
                "entries": {
                    "psychotherapie": {
                        "migrant_experience": rng.choice(["ja", "nein", "fehlanzeige"]),
                        "languages_offered": rng.sample(["tr", "ar", "fa", "ru", "uk", "pl"], 3),
                        "contact_name": rng.choice(NAMES),
                        "date": "2025-09-24",
                    },
                    "fluechtlingsberatung": {"migrant_experience": "ja"},
                },
            },
        )
        request = FormRequest("institution", record.categories, record, stand="2025-09-01")
        ident = new_identity(schema, request, SECRET, random.Random(i))
        out.append(render_pdf(schema, request, ident).data)
    return out


def full_checklist() -> bytes:
    schema = default_schema()
    cats = tuple(c.id for c in schema.categories)
    request = FormRequest("checklist", cats, stand="2025-09-01")
    data = render_pdf(schema, request, new_identity(schema, request, SECRET, random.Random(1))).data
    pdf = pikepdf.open(io.BytesIO(data))
    for root in pdf.Root.AcroForm.Fields:
        blocks = root.get("/Kids", [])
        for block in blocks:
            if str(block.get("/T")) != "1":
                continue
            for f in block.get("/Kids", []):
                if str(f.get("/T")) in ("name", "contact_name", "concepts"):
                    f.V = pikepdf.String(f"{random.choice(NAMES)}\nzweite Zeile")
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def ours(data: bytes) -> int:
    return len(read_acroform(data, "return.pdf").values)


def pikepdf_raw(data: bytes) -> int:
    pdf = pikepdf.open(io.BytesIO(data))
    n = 0
    stack = list(pdf.Root.AcroForm.Fields)
    while stack:
        f = stack.pop()
        f.get("/T")
        kids = f.get("/Kids")
        if kids is not None:
            stack.extend(k for k in kids if "/T" in k)
        if f.get("/V") is not None:
            n += 1
    pdf.close()
    return n


def pypdf_raw(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).get_fields() or {})


READERS: dict[str, Callable[[bytes], int]] = {
    "ours": ours,
    "pikepdf raw": pikepdf_raw,
    "pypdf raw": pypdf_raw,
}


def per_file(files: list[bytes], reads: int, names: list[str]) -> dict[str, float]:
    """Median seconds per file for each reader, interleaved so load spikes hit all alike."""
    times: dict[str, list[float]] = {n: [] for n in names}
    for i in range(reads):
        data = files[i % len(files)]
        for name in names:
            t = time.perf_counter()
            READERS[name](data)
            times[name].append(time.perf_counter() - t)
    return {n: statistics.median(v) for n, v in times.items()}


def _read_path(path: str) -> int:
    return ours(Path(path).read_bytes())


def throughput(paths: list[str], processes: int) -> float:
    t = time.perf_counter()
    if processes == 1:
        for p in paths:
            _read_path(p)
    else:
        with multiprocessing.Pool(processes) as pool:
            pool.map(_read_path, paths, chunksize=16)
    return len(paths) / (time.perf_counter() - t)


def report(title: str, medians: dict[str, float]) -> None:
    base = medians["pikepdf raw"]
    print(f"\n{title}")
    for name, m in medians.items():
        print(f"  {name:12s} median {m * 1000:8.2f} ms/file   {m / base:5.2f}x pikepdf raw")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--forms", type=int, default=1000)
    ap.add_argument("--checklists", type=int, default=100)
    ap.add_argument("--distinct", type=int, default=200, help="distinct institution forms")
    ap.add_argument("--pypdf-checklists", type=int, default=10, help="pypdf is slow: fewer reads")
    args = ap.parse_args()

    t = time.perf_counter()
    forms = institution_forms(min(args.distinct, args.forms))
    checklist = full_checklist()
    print(
        f"prepared {len(forms)} institution forms (median {statistics.median(map(len, forms)) / 1024:.0f} KiB, "
        f"{ours(forms[0])} values) and a full checklist ({len(checklist) / 1024:.0f} KiB, "
        f"{ours(checklist)} values) in {time.perf_counter() - t:.0f} s",
        file=sys.stderr,
    )
    names = list(READERS)
    report(f"institution forms: {args.forms} reads", per_file(forms, args.forms, names))
    cl = per_file([checklist], args.checklists, ["ours", "pikepdf raw"])
    cl.update(per_file([checklist], args.pypdf_checklists, ["pypdf raw"]))
    report(f"full checklists: {args.checklists} reads (pypdf: {args.pypdf_checklists})", cl)

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.forms):
            p = Path(tmp) / f"r{i}.pdf"
            p.write_bytes(forms[i % len(forms)])
            paths.append(str(p))
        one = throughput(paths, 1)
        two = throughput(paths, 2)
    print(
        f"\nours over {args.forms} institution files: {one:.0f} files/s with 1 process, "
        f"{two:.0f} files/s with 2 processes ({two / one:.2f}x)"
    )


if __name__ == "__main__":
    main()
