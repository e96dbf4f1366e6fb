"""Ingest throughput: 1,000 returned institution forms and 100 full checklists.

    python bench/ingest_throughput.py [--institutions 1000] [--checklists 100] [--repeat 5]

Compared in the same run with the raw cost of only reading the fields:

* ``pikepdf walk`` — open each file with pikepdf and read every field's ``/V`` (one core, and
  the files split over two processes: how well this machine runs two at once);
* ``pypdf get_fields`` — the same with pypdf (one core);
* ``in-process`` — formgen's reader + validation, no worker processes (one core);
* ``pipeline jobs=1`` / ``jobs=2`` — :func:`ingest.pipeline.ingest_sources` as ``formgen ingest``
  runs it (sniff, SHA-256, bounded worker processes, settle in order), without the merge;
* ``work split in two, no protocol`` — what a worker does for each file, the files split over
  two processes and the results handed back in one piece: the pipeline's work without handing
  files out one by one, the bound for any protocol between the parent and its workers;
* ``formgen ingest`` — :func:`ingest.pipeline.ingest_into_register`, what a coordinator runs:
  every valid return archived and merged into the register, each merge journaled (synced to
  disk); every copy of the institution form issued for its own institution, a fresh workspace
  each round;
* ``pipeline, empty files`` — the same pipeline over files that are rejected after the first
  bytes: the fixed per-file cost of the worker round trip.

The forms are formgen's own, filled once with PDFium (Chrome's engine) and then varied with
pikepdf (one value per copy), so every copy has its own SHA-256. Every run once per round,
``--repeat`` rounds; medians, and ratios as the median of the per-round ratios.

Measured 2026-11-23 on the shared 2-vCPU development machine (``--repeat 5``), 1,000
institution forms of 184 KB (~100 values) and 100 full checklists of 4.1 MB (3,754 values):

=================================  ===================  ====================
run                                institution form     full checklist
=================================  ===================  ====================
pikepdf walk, 1 core               1.30 ms/file         136 ms/file
pikepdf walk, 2 processes          0.68 ms/file         75 ms/file
pypdf get_fields                   24 ms/file           3.5 s/file
in-process read+validate           2.29 ms (1.75x)      210 ms (1.50x)
pipeline jobs=1                    2.61 ms/file         204 ms/file
pipeline jobs=2                    1.45 ms (2.14x)      106 ms (1.36x)
formgen ingest into a register     3.07 ms (3.65x)
empty files, jobs=2                0.22 ms/file
=================================  ===================  ====================

Ratios against the walk with the same number of cores (per round: 2.07–2.29x for the pipeline
on institution forms); against the one-core walk the pipeline on two cores is 1.14x
(institution form) and 0.75x (checklist), ``formgen ingest`` 2.17x. The machine was quiet in
this run; in busy ones most figures were 1.6–1.7x higher and the pipeline's ratio 2.04–2.41x
(medians of runs on 2026-11-22 and 23; against the one-core walk 1.31–1.52x, ``formgen
ingest`` 2.36–2.66x). A later run on 2026-11-23 (a slower machine: the walk 2.11 ms and
230 ms): pipeline jobs=2 2.65 ms = 2.14x the two-process walk (rounds 1.75–2.25), 1.20x the
one-core walk; in-process 1.79x; full checklist 1.53x and 0.75x; ``formgen ingest`` 5.31 ms =
2.59x the one-core walk. A run on a quiet machine on the evening of 2026-11-23 (``--repeat 3``;
the walk 1.86x faster on two processes than on one, formgen's pipeline 1.68x): pipeline jobs=2
1.78 ms = 2.46x the two-process walk (0.72 ms; rounds 2.03–2.76), 1.35x the one-core walk;
in-process 1.86x; full checklist 1.32x and 0.70x; ``formgen ingest`` 3.93 ms = 2.72x the
one-core walk; empty files 0.30–0.33 ms, the fixed cost of a file's round trip through the
worker, which a machine that runs two processes at full speed shows most. A run on the
evening of 2026-11-23 with the run without the protocol beside it (``--repeat 5``, load 0.5 at
the start): pipeline jobs=2 2.33 ms = 2.49x the two-process walk (1.12 ms; rounds 1.69–2.80),
formgen's work split in two without the protocol 2.24 ms = 2.03x (rounds 1.43–2.64), in-process
1.79x the one-core walk; full checklist 1.42x for both; ``formgen ingest`` 5.34 ms = 2.08x the
one-core walk; empty files 0.19–0.23 ms. The protocol costs 4 % of a form's time here: the
ratio is held by the work per file (read, hash, validate, hand back), not by handing files out
one by one, so batching files per message could not bring it under 2x. Counted in instructions
(callgrind, 30 forms in one process), that work is 2.06x the walk, 1.44x without SHA-256,
which valgrind computes without the CPU's SHA instructions.

A run on a quiet machine late on 2026-11-23 (``--repeat 5``, load 0.6 at the start, rounds
within 10 %): pipeline jobs=2 1.76 ms = 2.28x the two-process walk (0.74 ms; rounds
2.10–2.48), 1.29x the one-core walk (1.38 ms); the work split in two without the protocol
1.55 ms = 2.05x (rounds 1.97–2.12); in-process 1.82x; full checklist 1.45x and 0.79x. Counted
in instructions (callgrind, per file, SHA-256 left out), a worker's whole work is 12.1 M
against the walk's 8.5 M (1.43x) and the parent's share 0.6–0.7 M; yet in time the in-process
work is 1.8x the walk. The difference is the rate: qpdf's parser, most of the walk, runs about
twice as many instructions per second as the Python that formgen adds (field names and types,
values, identity, validation, the result). Cutting that Python by a third would be needed for
2x on two cores; trimmed line by line (the read path, validation, the parent's loop), no
change reached 1 % of the work.

Where a small form's cost goes, in units of one raw walk of the same file (timed file by file
beside it): formgen's field walk 0.90, validation 0.30 (phone numbers 0.13), field values 0.12,
opening and sniffing the file ≈0.1, identity and signature 0.09, SHA-256 0.07, pickling the
result both ways 0.10; the pipeline's parent process takes 0.3–0.5 ms CPU per file. Counted in
CPU time of all processes (``getrusage``), the pipeline costs 2.0–2.4x the two-process walk
per form (4.2–5.6 ms against 2.0–2.3 ms). Letting the parent sleep 4 ms between batches of results
halved its CPU but left that ratio where it was; not kept. qpdf's own form-field helper
(``Pdf.acroform``) walks the fields 20 % faster than formgen's walk, but it skips fields that
are direct objects, which formgen reads: not used.

``formgen ingest`` adds the register: three syncs per merged return (the archived original,
its folder, the journal line), the register's promise that a kill -9 loses nothing that was
reported, and the checkpoint of register.json at the end. The worker that read a return
archives it, so those syncs run in the workers, beside the parent's merges; the checkpoint is
written by the C JSON encoder (3.49–3.61 → 3.14–3.17 ms per form for 1,000 new institutions
in an A/B run).

A run on a quiet machine on 2026-11-24 (600 institution forms, 20 checklists, ``--repeat 3``,
load 0.3): pipeline jobs=2 1.94 ms = 2.43x the two-process walk (0.75 ms; rounds 1.82–2.63),
1.37x the one-core walk (1.39 ms); the work split in two without the protocol 2.04x; in-process
1.92x; full checklist 1.42x and 0.80x; ``formgen ingest`` 2.48x the one-core walk. The readers
had gained checks that day (UTF-8 values without a byte order mark, fields named twice, merged
PDFs, mail headers by their shape): +0.9 % instructions per form in ``_process`` (callgrind,
17.27 → 17.42 M; the walk 8.43 M), +1–2 % wall time in an A/B run of the pipeline on two cores
(the old and new code alternately, three pairs); the rest of the difference to the day before
is the machine.

A run on a quiet, fast machine on the evening of 2026-11-24 (``--repeat 3``, load 1.1; the
walk 0.98 ms on one core, 0.53 ms on two processes): pipeline jobs=2 1.30 ms = 2.46x the
two-process walk (rounds 2.33–2.53), 1.32x the one-core walk; in-process 2.00x; full
checklist 1.44x and 0.82x; ``formgen ingest`` 3.12 ms = 5.60x the two-process walk, 2.75x the
one-core walk. ``formgen ingest`` no longer loads the erasure's code (with reportlab and
pdfplumber) for a return none of whose prefilled values was erased; merging in groups with
one journal sync each (5.2 → 3.1–3.3 syncs a form) was measured beside it and left out: in
fresh processes, interleaved, it was 1.01x the code without it (rounds 0.83–1.27).

Where ``formgen ingest``'s time on top of the pipeline goes, profiled on 2026-11-25 (600
returns of new institutions made as :func:`make_corpus` makes them, jobs=2; cProfile in the
parent, ``py-spy record --subprocesses --idle`` over all processes, CPU of all of them by
``getrusage``; scripts in the session's notes). The machine was shared and busy (load 2–12 on
two cores, one sync 3.5–15 ms where it takes 0.24 ms alone): wall times of 4–20 ms a form, so
only shares and ratios count. The workers spend 46–64 % of their time in the archive's syncs
(the copy, its folder, a new ``archive/ab/``), the parent 36–45 % in the journal line's sync
and 35–37 % waiting for the workers; neither side is held by the other alone. In CPU the merge
side is small: the parent 1.6–1.9 ms a form into a register against 0.54–0.63 ms for the
pipeline alone, the workers 0.4–1.7 ms more (writing the archive; three pairs, load 4–6). Under
cProfile (load 2) the parent's share is the register's merge 0.6 ms a form and the checkpoints
0.4 (three in a run of 600 new institutions: the empty register, after 500 operations, at the
end), the rest spread thin: no step done twice, no scan of the register per return. Nothing in
a merge grows with the register: 600 returns into a register of 3,000 institutions cost the
parent 2.3–2.5 ms a form against 1.5–1.7 ms into an empty one (three pairs, load 6–10), and the
difference is per run: opening the register (248 → 673 ms for 600 → 3,000 institutions, 3.1 →
15.7 MB, load 10) and the checkpoint at the end (408 → 1,156 ms); settling the 600 returns,
syncs aside, took 1.4 s in the large register and 1.9 s in the empty one (cProfile). For the
few returns a coordinator takes in at a time the run is that: 10 returns into the register of
3,000 took 3.2–3.8 s against 1.2 s into an empty one, the parent's CPU 0.60–0.67 s against 0.04
s (two pairs, load 11). Not cut: register.json is the register the README describes, current
after every run, and a checkpoint skipped would be replayed by every command that reads it.
Each return asked ``issued.jsonl`` three times (four for a mail: prefilled values, erasures,
the day issued, a file as made), each an open and a read of a log that had not changed; a stat
now answers while it has not (46–55 → 18–20 µs a look with 3,000 forms issued; the parent's CPU
0.93x, pairs 0.90–1.07, wall 0.91x, five pairs, load 9–12). A worker writing and syncing a
return's copy in a thread while it reads the file (put in place once the return is valid) took
its main thread's time in the archive from 64 % to 46 % of its samples, but in wall time it was
0.98x (pairs 0.86–1.30, five pairs, load 6–7) and 1.04x with 3 ms added to every sync (three
pairs), its workers' CPU 1.10–1.27x: on a machine with no core to spare, a sync waited for is
lent to another process, and the thread finishes late: its every return from a system call
waits for the interpreter's lock, which the reading holds up to the 5 ms switch interval (the
main thread waited for it in 28 % of its samples; alone, a thread writing and syncing 186 KB
took 4.5 ms beside a sleeping main thread and 30 ms beside one running Python, medians of 60,
load 11). A writer that needs no lock (a process) would be the next thing to try. Left out
(branch ``s21S-archive-overlap``), to be measured again on a quiet machine.

A run on a quiet machine late on 2026-11-25 (``--repeat 3``, load 0.3 at the start; the walk
0.93 ms on one core, 0.54 ms on two processes): pipeline jobs=2 1.33 ms = 2.45x the two-process
walk (rounds 2.43–2.46), 1.46x the one-core walk; the work split in two without the protocol
2.47x; in-process 2.06x; full checklist 1.40x and 0.81x; ``formgen ingest`` 2.73 ms = 4.76x the
two-process walk, 2.81x the one-core walk. The readers had gained that day the report of PDF
objects qpdf cannot read (one call for qpdf's warnings per file: +0.6 % instructions on the read
path, callgrind) and the matching of e-mail and web addresses (version 4).

Two runs on a quiet machine on the morning of 2026-11-25 (``--repeat 3``, load 0.5 and 0.8 at
the start; the walk 0.94–0.96 ms on one core, 0.52–0.53 ms on two processes): pipeline jobs=2
1.48 and 1.39 ms = 2.88x and 2.68x the two-process walk (rounds 2.41–3.06), 1.58x and 1.46x the
one-core walk; in-process 2.25x and 2.22x; full checklist 1.49x and 1.48x, 0.84x and 0.80x;
``formgen ingest`` 2.82 and 2.90 ms = 2.88x and 3.02x the one-core walk. The code of the day
before, run in the same hour: pipeline jobs=2 1.32 ms = 2.44x, in-process 2.09x. The readers
had gained that day the months and approximate values, the remarks on languages, IDNA 2008
for addresses and the check of a PDF's last revision; in CPU time a worker's whole work per
form was 1.3–4.2 % more than the day before's on one corpus (four alternating pairs, load 1),
the in-process read and validation 0–1.8 % (five pairs). That is a few percent of the
difference, not all of it; the rest was not found that day (the two-process rounds varied from
2.41 to 3.06).

Two runs on a quiet machine on 2026-11-25, at the start and the end of a day of work on what a
coordinator sees and on damaged input (``--repeat 3``, load 0.1 and 0.5 at the start; the walk
0.93–0.96 ms on one core, 0.51–0.53 ms on two processes): pipeline jobs=2 1.34 and 1.31 ms =
2.48x and 2.57x the two-process walk (rounds 2.47–2.69), 1.40x and 1.39x the one-core walk;
in-process 2.03x and 2.08x; full checklist 1.46x and 0.83x at the end; ``formgen ingest``
2.88 and 2.71 ms = 2.99x and 2.82x the one-core walk. A form's read path gained that day the
check of an address's domain for letters of two scripts (15 µs an address) and brackets in a
list of languages; the printed-copy reader, which the bench does not run, lost work.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pypdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from ingest_support import institution_returns, load_maker, workspace  # noqa: E402

from formgen.forms import FormRequest  # noqa: E402
from formgen.schema_load import default_schema  # noqa: E402
from formgen.workspace import Workspace  # noqa: E402
from ingest.pipeline import (  # noqa: E402
    Limits,
    ReadContext,
    _process,
    discover,
    ingest_into_register,
    ingest_sources,
    read_pdf,
)
from ingest.submission import Provenance  # noqa: E402
from ingest.validate import validate  # noqa: E402

MAKER = load_maker()


def variants(filled: bytes, field: str, count: int, out: Path, prefix: str) -> list[Path]:
    paths = []
    with pikepdf.open(io.BytesIO(filled)) as pdf:
        node = MAKER._field(pdf, field)
        for i in range(count):
            node.V = pikepdf.String(f"Einrichtung Nr. {i} – Łódź")
            path = out / f"{prefix}-{i:04d}.pdf"
            pdf.save(path)
            paths.append(path)
    return paths


def make_corpus(
    out: Path, institutions: int, checklists: int
) -> tuple[list[Path], list[Path], list[Path]]:
    form, _ = MAKER.blank_form(MAKER.institution_request())
    inst = MAKER.fill(form, MAKER.INSTITUTION_VALUES)
    cats = tuple(c.id for c in default_schema().categories)
    full, _ = MAKER.blank_form(FormRequest("checklist", cats, stand="2025-09-01"))
    values: dict[str, object] = {}
    for cid in cats:
        for block in (1, 2):
            values[f"{cid}.{block}.name"] = f"{cid} {block} Şule"
            values[f"{cid}.{block}.date"] = "24.09.2025"
            values[f"{cid}.{block}.languages_offered.ar"] = True
    checklist = MAKER.fill(full, values)
    return (
        variants(inst, "institution.name", institutions, out, "inst"),
        variants(checklist, f"{cats[0]}.1.name", checklists, out, "full"),
        institution_returns(inst, institutions, out),
    )


def pikepdf_walk(path: Path) -> int:
    n = 0
    with pikepdf.open(path) as pdf:
        stack = list(pdf.Root.AcroForm.Fields)
        while stack:
            node = stack.pop()
            if "/V" in node:
                _ = node.V
                n += 1
            stack.extend(node.get("/Kids", []))
    return n


def _walk_all(paths: list[Path]) -> int:
    return sum(pikepdf_walk(p) for p in paths)


def walk_two(files: list[Path]) -> None:
    """The raw walk with the files split over two processes."""
    half = len(files) // 2
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_walk_all, [files[:half], files[half:]])


_SPLIT_CTX: list[ReadContext] = []
"""The read context of :func:`work_two`'s processes (set before they are forked)."""


def _work_all(paths: list[Path]) -> list[object]:
    tasks, _ = discover(paths)
    with tempfile.TemporaryDirectory() as spool:
        return [_process(t, _SPLIT_CTX[0], Limits(), Path(spool)) for t in tasks]


def work_two(files: list[Path], ctx: ReadContext) -> None:
    """formgen's whole per-file work (what a worker does for a file) with the files split over
    two processes and the results handed back in one piece: the pipeline without the cost of
    handing files out one by one, the bound for any protocol between parent and workers."""
    _SPLIT_CTX[:] = [ctx]
    half = len(files) // 2
    with multiprocessing.get_context("fork").Pool(2) as pool:
        done = pool.map(_work_all, [files[:half], files[half:]])
    assert sum(map(len, done)) == len(files)


def pypdf_fields(path: Path) -> int:
    return len(pypdf.PdfReader(path).get_fields() or {})


def interleaved(
    runs: dict[str, tuple[int, Callable[[], object]]], repeat: int
) -> dict[str, list[float]]:
    """Each run once per round, ``repeat`` rounds: a noisy moment hits every run alike.

    ``runs`` maps a label to (number of files, the run); the result is milliseconds per file,
    one figure per round."""
    per_file: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(repeat):
        for label, (count, run) in runs.items():
            started = time.perf_counter()
            run()
            per_file[label].append((time.perf_counter() - started) / count * 1000)
    for label, times in per_file.items():
        median = statistics.median(times)
        print(
            f"  {label:<30} {median:8.2f} ms/file  {1000 / median:8.1f} files/s"
            f"   (rounds: {' '.join(f'{t:.2f}' for t in times)})"
        )
    return per_file


def ratios(per_file: dict[str, list[float]], *pairs: tuple[str, str]) -> None:
    """Print, for each (ours, theirs), the median of the per-round ratios (the two ran back to
    back in each round) and their range."""
    for ours, theirs in pairs:
        rounds = [a / b for a, b in zip(per_file[ours], per_file[theirs], strict=True)]
        print(
            f"  {ours} / {theirs}:".ljust(72)
            + f"{statistics.median(rounds):.2f}x (rounds {min(rounds):.2f}–{max(rounds):.2f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--institutions", type=int, default=1000)
    parser.add_argument("--checklists", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--pypdf-files", type=int, default=20, help="pypdf is slow: time it on this many files"
    )
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir()
        started = time.perf_counter()
        inst, full, returns = make_corpus(corpus, args.institutions, args.checklists)
        print(
            f"corpus: {len(inst)} institution forms ({inst[0].stat().st_size:,} bytes each), "
            f"{len(full)} full checklists ({full[0].stat().st_size:,} bytes, {pikepdf_walk(full[0])} values) "
            f"made in {time.perf_counter() - started:.0f} s"
        )
        ws = workspace(root / "ws", MAKER.SECRET)
        ctx = ReadContext.for_workspace(ws)
        empty = root / "empty"
        empty.mkdir()
        for i in range(len(inst)):
            (empty / f"e{i}.pdf").write_bytes(b"")

        def in_process(files: list[Path]) -> None:
            for p in files:
                data = p.read_bytes()
                raw = read_pdf(data, Provenance(p.name, "", len(data), "pdf"), ctx)
                validate(raw, ctx.registry, ctx.secret)

        def pipeline(files: list[Path], jobs: int) -> None:
            tasks, _ = discover(files)
            report = ingest_sources(tasks, ctx, jobs=jobs)
            bad = [
                o for o in report.outcomes if o.status.value not in ("ok", "warnings", "unreadable")
            ]
            assert not bad, bad[:3]

        for label, files in (("institution forms", inst), ("full checklists", full)):
            print(f"\n{label} ({len(files)}), medians of {args.repeat} interleaved rounds:")
            some = files[: args.pypdf_files]
            t = interleaved(
                {
                    "pikepdf walk (1 core)": (
                        len(files),
                        lambda f=files: [pikepdf_walk(p) for p in f],
                    ),
                    "pikepdf walk (2 processes)": (len(files), lambda f=files: walk_two(f)),
                    f"pypdf get_fields ({len(some)} files)": (
                        len(some),
                        lambda f=some: [pypdf_fields(p) for p in f],
                    ),
                    "in-process read+validate": (len(files), lambda f=files: in_process(f)),
                    "pipeline jobs=1": (len(files), lambda f=files: pipeline(f, 1)),
                    "pipeline jobs=2": (len(files), lambda f=files: pipeline(f, 2)),
                    "work split in two, no protocol": (
                        len(files),
                        lambda f=files: work_two(f, ctx),
                    ),
                },
                args.repeat,
            )
            ratios(
                t,
                ("pipeline jobs=2", "pikepdf walk (2 processes)"),
                ("work split in two, no protocol", "pikepdf walk (2 processes)"),
                ("in-process read+validate", "pikepdf walk (1 core)"),
                ("pipeline jobs=2", "pikepdf walk (1 core)"),
            )
        # What a coordinator runs: ``formgen ingest`` into the register, every merge archived
        # and journaled (fsync), one institution per form; a fresh workspace each round.
        fresh = [workspace(root / f"register-{k}", MAKER.SECRET) for k in range(args.repeat)]

        def into_register(files: list[Path]) -> None:
            report = ingest_into_register(files, Workspace.open(fresh.pop().root), jobs=2)
            merged = [o for o in report.outcomes if o.merged]
            assert len(merged) == len(files), report.outcomes[0]

        print(
            f"\n{len(returns)} institution forms of {len(returns)} institutions, into a register:"
        )
        t = interleaved(
            {
                "pikepdf walk (1 core)": (len(returns), lambda: [pikepdf_walk(p) for p in returns]),
                "pikepdf walk (2 processes)": (len(returns), lambda: walk_two(returns)),
                "formgen ingest, jobs=2": (len(returns), lambda: into_register(returns)),
            },
            args.repeat,
        )
        ratios(
            t,
            ("formgen ingest, jobs=2", "pikepdf walk (2 processes)"),
            ("formgen ingest, jobs=2", "pikepdf walk (1 core)"),
        )
        empties = sorted(empty.iterdir())
        print(f"\nempty files ({len(empties)}), rejected after the first bytes:")
        interleaved(
            {
                "pipeline jobs=1": (len(empties), lambda: pipeline(empties, 1)),
                "pipeline jobs=2": (len(empties), lambda: pipeline(empties, 2)),
            },
            args.repeat,
        )
    print(
        f"\nload average at end: {os.getloadavg()[0]:.1f} (other work on the machine skews jobs=2)"
    )


if __name__ == "__main__":
    main()
