"""Benchmark of the register: merge, export and print at two sizes; is the cost linear?

    python bench/bench_register.py                 # 1x (500 institutions, 1,000 returns) and 10x
    python bench/bench_register.py --sizes 1 --repeat 1

Each size runs in its own process (so peak memory is that size's), ``--repeat`` times; the
medians are printed. One size step is:

1. *setup*: a register of N institutions, built by merging N/5 returned checklists of five
   blocks each (every block goes through the matcher against the growing register);
2. *merge*: 2N returned personalised forms (three values changed, ``base_version`` current for
   90 %, one revision behind for 10 %) merged through the durable writer (journal append + fsync
   per return, checkpoint at the end) — what ``formgen ingest`` does; *merge_rules* is the part
   spent in the merge rules themselves, *checkpoint* the final atomic write of register.json;
3. *export*: JSON, CSV (wide and long) and XLSX of the whole register;
4. *print*: the loose-leaf PDF of the whole register.

Target (issue 6): 10x the data within 12x the time.

Measured 2026-11-23 (2 shared cores, medians of 3; seconds):

    size  inst  returns  setup  merge (rules, checkpoint)  export  print  peak RSS
      1x   500     1000   0.68   0.72 (0.08, 0.15)           1.32   2.75   100 MB
     10x  5000    10000   5.20   7.12 (0.84, 1.20)          11.99  22.32   449 MB
    ratio                 x7.7  x10.0 (x11.2, x7.8)          x9.1   x8.1

register.json is written one value record per line with the C JSON encoder (see
``Register.write_json``): in the same run as the previous ``indent=1`` layout (pure-Python
encoder), the checkpoint of 5,000 institutions took 1.18–1.36 s instead of 2.59–2.79 s, and the
file is 36.2 MB instead of 46.9 MB.

Merging is dominated by the fsync of each journal line (~0.5–1 ms); export by XLSX (openpyxl,
~1 M cells at 10x); the peak memory by the printed register (reportlab keeps every page's
flowables for its two passes).

The print, 2026-11-25: its layout's first pass (it only finds the pages) draws nothing, each
entry is made once for all passes and measured once in each, and the index's lines are laid
out again in the next pass, not made anew. ``formgen register print`` of 3,000 institutions
(built as here, then five yearly rounds of every institution's form mailed and returned; 1,586
pages), CPU, medians of 4 runs interleaved with the print before, at load 9–12: 25.0 s →
18.3 s; peak RSS 309 → 348 MB, here at 10x 382 → 444 MB (the entries' rows and the index's
lines kept for the next pass). This script's print seconds are wall time: at that load they
are not comparable across runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BASE_INSTITUTIONS = 500

FIRST = [
    "Şule",
    "Çiğdem",
    "Ольга",
    "Γιώργος",
    "Łukasz",
    "Amina",
    "Jonas",
    "Fatemeh",
    "Elif",
    "Marek",
]
LAST = ["Yılmaz", "Öztürk", "Петренко", "Παπαδόπουλος", "Kowalski", "Haddad", "Becker", "Rahimi"]
KIND = ["Praxis", "Beratungsstelle", "Zentrum", "Dienst", "Verein", "Ambulanz", "Wohngruppe"]
LANGS = ["fa", "ar", "tr", "ru", "uk", "pl", "ku", "ti", "so", "prs", "sq", "ro"]


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _one(n_inst: int, seed: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from formgen.identity import FormIdentity
    from formgen.schema_load import default_schema
    from formgen.workspace import Workspace
    from ingest import export
    from ingest.journal import writing
    from ingest.printed import PrintOptions, render_register
    from ingest.submission import Checked, EntryReturn, Provenance, Submission

    schema = default_schema()
    cats = [c.id for c in schema.categories]
    regions = [r.value for r in schema.regions]
    rng = random.Random(seed)
    counter = iter(range(10**9))
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

    def ck(v: Any) -> Checked:
        return Checked(", ".join(v) if isinstance(v, list) else str(v), v)

    def sub(entries: list[EntryReturn], kind: str, iid: str | None, base: int | None) -> Submission:
        n = next(counter)
        ident = FormIdentity(
            schema.schema_id,
            schema.schema_version,
            "".join(rng.choice(alphabet) for _ in range(10)),
            kind,
            tuple(dict.fromkeys(e.category for e in entries if e.category)),
            iid,
            base,
        )
        sha = hashlib.sha256(f"{seed}/{n}".encode()).hexdigest()
        return Submission(
            ident,
            Provenance(f"return-{n}.pdf", sha, 50_000, "acroform-pdf"),
            "high",
            tuple(entries),
        )

    def block(n: int, cat: str) -> EntryReturn:
        inst = {
            "name": ck(f"{rng.choice(KIND)} {rng.choice(FIRST)} {rng.choice(LAST)} Nr. {n}"),
            "street": ck(f"Königsallee {n}"),
            "postcode": ck(str(40000 + rng.randrange(400))),
            "city": ck("Düsseldorf"),
            "region": ck(rng.choice(regions)),
            "phone": ck(f"+49 211 {100000 + n}"),
        }
        entry = {
            "migrant_experience": ck(rng.choice(["ja", "ja", "nein", "fehlanzeige"])),
            "languages_offered": ck(rng.sample(LANGS, 3)),
            "concepts": ck("Gruppenangebot; Beratung in der Muttersprache\nzweite Zeile"),
            "contact_name": ck(f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
            "date": ck(
                f"20{rng.choice(['24', '25', '26'])}-0{rng.randrange(1, 10)}-1{rng.randrange(10)}"
            ),
            "initials": ck("AB"),
        }
        return EntryReturn(None, cat, None, inst, entry)

    tmp = Path(tempfile.mkdtemp(prefix="bench-register-"))
    ws = Workspace.init(tmp / "ws")
    timings: dict[str, float] = {}

    t0 = time.perf_counter()
    with writing(ws, checkpoint_every=10**9) as w:
        for start in range(0, n_inst, 5):
            cat = rng.choice(cats)
            w.merge(sub([block(start + k + 1, cat) for k in range(5)], "checklist", None, None))
        reg = w.register
    timings["setup"] = time.perf_counter() - t0
    peaks = {"setup": _peak_mb()}
    ids = sorted(reg.institutions)

    returns = []
    for _ in range(2 * n_inst):
        iid = rng.choice(ids)
        cat = next(iter(reg.institutions[iid]["entries"]))
        values = {
            "languages_offered": ck(rng.sample(LANGS, 2)),
            "plans": ck(f"Plan {rng.randrange(10**6)}"),
            "date": ck("2026-11-01"),
        }
        returns.append((iid, cat, values))

    t0 = time.perf_counter()
    statuses: dict[str, int] = {}
    in_memory = 0.0
    with writing(ws, checkpoint_every=10**9) as w:
        merge_rules = w.register.merge

        def timed(submission: Submission, *args: Any, **kwargs: Any) -> Any:
            nonlocal in_memory
            t = time.perf_counter()
            try:
                return merge_rules(submission, *args, **kwargs)
            finally:
                in_memory += time.perf_counter() - t

        w.register.merge = timed  # type: ignore[method-assign]
        for iid, cat, values in returns:
            rev = w.register.institutions[iid]["rev"]
            base = rev if rng.random() < 0.9 else max(rev - 1, 1)
            out = w.merge(sub([EntryReturn(iid, cat, None, {}, values)], "institution", iid, base))
            statuses[out.status] = statuses.get(out.status, 0) + 1
        t_ck = time.perf_counter()
    timings["checkpoint"] = time.perf_counter() - t_ck
    reg = w.register
    timings["merge"] = time.perf_counter() - t0
    timings["merge_rules"] = in_memory
    peaks["merge"] = _peak_mb()
    register_mb = ws.register_path.stat().st_size / 1e6

    t0 = time.perf_counter()
    sizes = {
        "json": len(export.export_json(reg)),
        "csv_wide": len(export.export_csv(reg, "wide", ";")),
        "csv_long": len(export.export_csv(reg, "long")),
        "xlsx": len(export.export_xlsx(reg)),
    }
    timings["export"] = time.perf_counter() - t0
    peaks["export"] = _peak_mb()

    t0 = time.perf_counter()
    pdf = render_register(reg, PrintOptions(centre="SPKoM Bench"))
    timings["print"] = time.perf_counter() - t0
    peaks["print"] = _peak_mb()

    return {
        "institutions": len(reg.institutions),
        "returns": len(returns),
        "statuses": statuses,
        "seconds": timings,
        "register_mb": round(register_mb, 1),
        "export_mb": {k: round(v / 1e6, 1) for k, v in sizes.items()},
        "pdf_mb": round(len(pdf) / 1e6, 1),
        "peak_rss_mb": _peak_mb(),
        "peak_rss_mb_after": peaks,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--sizes", type=int, nargs="+", default=[1, 10], help="multiples of 500 institutions"
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(_one(args.one, args.seed)))
        return
    results: dict[int, list[dict[str, Any]]] = {}
    for size in args.sizes:
        for r in range(args.repeat):
            proc = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--one",
                    str(size * BASE_INSTITUTIONS),
                    "--seed",
                    str(r + 1),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            results.setdefault(size, []).append(json.loads(proc.stdout))
            print(f"{size}x run {r + 1}: {proc.stdout.strip()}", file=sys.stderr)
    stages = ["setup", "merge", "merge_rules", "checkpoint", "export", "print"]
    print(
        f"{'size':>5} {'inst':>6} {'returns':>7} "
        + " ".join(f"{s:>8}" for s in stages)
        + "  peak RSS"
    )
    med: dict[int, dict[str, float]] = {}
    for size, runs in results.items():
        med[size] = {s: statistics.median(r["seconds"][s] for r in runs) for s in stages}
        rss = statistics.median(r["peak_rss_mb"] for r in runs)
        print(
            f"{size:>4}x {runs[0]['institutions']:>6} {runs[0]['returns']:>7} "
            + " ".join(f"{med[size][s]:>7.2f}s" for s in stages)
            + f"  {rss:.0f} MB   register {runs[0]['register_mb']} MB, pdf {runs[0]['pdf_mb']} MB"
        )
    if len(med) >= 2:
        small, big = min(med), max(med)
        factor = big / small
        print(f"\nratio {big}x/{small}x (data x{factor:.0f}; target ≤ x{factor * 1.2:.0f}):")
        for s in stages:
            ratio = med[big][s] / med[small][s]
            print(f"  {s:>7}: x{ratio:.1f} {'ok' if ratio <= factor * 1.2 else 'OVER'}")


if __name__ == "__main__":
    main()
