"""DOCX forms: how long generating and reading take, and how big the files are.

    .venv/bin/python bench/bench_docx.py [--repeat 5]

Prints medians (and the ratio reading/generating) for: one institution form (two categories),
a one-category checklist, the full checklist of every category; and reading the committed
LibreOffice samples (the 7.4 one needs position recovery for every control).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from formgen.docx_form import render_docx
from formgen.forms import FormRequest, new_identity
from formgen.record import record_from_json
from formgen.schema_load import default_schema
from ingest.docx_reader import read_docx

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "docx"


def median(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    schema = default_schema()
    record = record_from_json(
        schema,
        {
            "id": "inst-1",
            "categories": ["psychotherapie", "rechtsanwaelte"],
            "institution": {"name": "Şule Yılmaz"},
        },
    )
    requests = {
        "institution form (2 categories)": FormRequest(
            "institution", record.categories, record, stand="2026-11-22"
        ),
        "checklist, 1 category (5 blocks)": FormRequest(
            "checklist", ("psychotherapie",), stand="2026-11-22"
        ),
        "checklist, all 25 categories": FormRequest(
            "checklist", tuple(c.id for c in schema.categories), stand="2026-11-22"
        ),
    }
    print(f"{'form':40} {'size':>9} {'render':>9} {'read':>9} {'read/render':>11}")
    for label, request in requests.items():
        identity = new_identity(schema, request, b"k" * 32, random.Random(1))
        form = render_docx(schema, request, identity)
        render = median(
            lambda request=request, identity=identity: render_docx(schema, request, identity),
            repeat,
        )
        read = median(lambda data=form.data: read_docx(data, "bench.docx"), repeat)
        print(
            f"{label:40} {len(form.data) / 1024:>6.0f} KB {render * 1000:>6.0f} ms {read * 1000:>6.0f} ms {read / render:>10.2f}x"
        )
    for path in sorted(SAMPLES.glob("lo*-*.docx")):
        data = path.read_bytes()
        read = median(lambda data=data, name=path.name: read_docx(data, name), repeat)
        print(f"read {path.name:35} {len(data) / 1024:>6.0f} KB {'':>9} {read * 1000:>6.0f} ms")


if __name__ == "__main__":
    main()
