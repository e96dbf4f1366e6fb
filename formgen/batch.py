"""Forms for many institutions at once: recipients → one personalised form each, in a folder.

* Input: :class:`~formgen.record.InstitutionRecord` objects (from the register), or a recipients
  list (CSV or XLSX: :func:`require_recipients`; columns ``id``, ``institution`` or ``name``,
  ``categories``, ``region``, ``email``, optionally ``language``; more columns that are
  institution fields are used too). Every row is checked before anything is written; a bad row is an error naming the row and
  column.
* Output: ``<id>.pdf`` (or ``.docx``) per institution plus ``manifest.csv`` (id, name, email,
  file, reference, instance id), written as ``register export`` writes a CSV
  (:mod:`formgen.csv_write`: UTF-8 with BOM, ``;`` when ``lang`` is German, no value a
  spreadsheet runs as a formula), in the output folder. Everything is written to a temporary
  folder next to it first and moved in at the end, so an error leaves nothing half-written.
* Deterministic: with a seed, identities (and so the files) are the same for the same input.
* Both cores: with more than a few forms the rendering runs in worker processes (fork).
* The renderer is pluggable: ``pdf`` is :func:`formgen.pdf_form.render_pdf`, ``docx`` is
  ``formgen.docx_form.render_docx`` (same signature).
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import random
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formgen.csv_write import csv_delimiter, to_csv
from formgen.errors import FormgenError, RecordError
from formgen.forms import FormRequest, GeneratedForm, new_identity
from formgen.identity import FormIdentity
from formgen.messages import Said, SaidJoined, say
from formgen.model import Schema
from formgen.recipients import Recipient, RecipientList
from formgen.record import InstitutionRecord
from formgen.workspace import IssuedForm, keep_mode

Renderer = Callable[[Schema, FormRequest, FormIdentity], GeneratedForm]
Progress = Callable[[int, int], None]
"""Called with (forms done, forms in all) as forms are finished."""

RENDERERS = {
    "pdf": ("formgen.pdf_form", "render_pdf"),
    "docx": ("formgen.docx_form", "render_docx"),
}
PARALLEL_FROM = 8
"""From this many forms on, rendering runs in worker processes."""
MANIFEST = "manifest.csv"


def get_renderer(fmt: str) -> Renderer:
    """The render function for ``pdf`` or ``docx``."""
    try:
        module_name, func_name = RENDERERS[fmt]
    except KeyError:
        raise FormgenError(f"unknown form format '{fmt}'; use {' or '.join(RENDERERS)}") from None
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise FormgenError(f"the {fmt} generator is not installed in this formgen") from None
    func: Renderer = getattr(module, func_name)
    return func


# --------------------------------------------------------------------------- recipients


def require_recipients(listed: RecipientList, source: str, lang: str = "en") -> list[Recipient]:
    """The recipients of a list (read by :func:`formgen.cli.common.read_recipients`, as
    ``formgen mail`` reads it): one per row; ``Recipient.record()`` is its prefill,
    ``Recipient.lang`` the language its row asks for (``""``: none).

    Raises :class:`RecipientsError` listing every problem with its line (said in ``lang``);
    nothing is made then.
    """
    listed = listed.require_valid(lang=lang)
    if not listed.recipients:
        raise RecordError(say("mail_list_no_recipients", lang, source=source))
    return list(listed.recipients)


# --------------------------------------------------------------------------- batch


@dataclass(frozen=True)
class BatchItem:
    """One generated form of a batch."""

    record_id: str
    name: str
    email: str
    file: str
    identity: FormIdentity
    size: int


@dataclass(frozen=True)
class BatchResult:
    out_dir: Path
    items: tuple[BatchItem, ...]
    warnings: tuple[str, ...] = ()

    @property
    def identities(self) -> tuple[FormIdentity, ...]:
        return tuple(i.identity for i in self.items)

    @property
    def total_bytes(self) -> int:
        return sum(i.size for i in self.items)


# State of a worker process (set before forking, inherited by the children).
_JOB: dict[str, Any] = {}


def _render_to(task: tuple[FormRequest, FormIdentity, str]) -> tuple[str, int, tuple[str, ...]]:
    request, identity, path = task
    schema: Schema = _JOB["schema"]
    renderer: Renderer = _JOB["renderer"]
    form = renderer(schema, request, identity)
    with open(path, "wb") as fh:
        fh.write(form.data)
    who = request.record.id if request.record else Path(path).name
    return (
        path,
        len(form.data),
        tuple(SaidJoined((who, w), ": ") for w in form.warnings),
    )


def generate_batch(
    schema: Schema,
    records: Sequence[InstitutionRecord],
    out_dir: str | Path,
    *,
    secret: bytes,
    fmt: str = "pdf",
    lang: str = "de",
    langs: Mapping[str, str] | None = None,
    emails: Mapping[str, str] | None = None,
    categories: Iterable[str] | None = None,
    seed: int | None = None,
    stand: str | None = None,
    progress: Progress | None = None,
    jobs: int | None = None,
    workspace: Any = None,
) -> BatchResult:
    """One personalised form per record in ``out_dir``; all or nothing.

    ``langs`` gives some records' form language by their id (a recipients list's ``language``
    column); the others are in ``lang``. ``emails`` gives the address the manifest lists for some
    records (a recipients list's ``email`` column: the one to mail the form to, though the form is
    prefilled from the register); the others list their record's. ``categories`` limits every form to these checklists (default: each record's own).
    ``workspace`` (a :class:`formgen.workspace.Workspace`) records the issued identities, so
    that printed copies can be matched later.
    """
    renderer = get_renderer(fmt)
    suffix = "." + fmt
    only = tuple(categories) if categories else None
    for cid in only or ():
        schema.category(cid)
    rng = random.Random(seed) if seed is not None else None
    tasks_meta: list[tuple[InstitutionRecord, FormRequest, FormIdentity, str]] = []
    for record in records:
        cats = only or record.categories
        if not cats:
            raise RecordError(f"record '{record.id}': no categories; say which checklists it gets")
        form_lang = (langs or {}).get(record.id, lang)
        request = FormRequest("institution", tuple(cats), record, form_lang, stand)
        identity = new_identity(schema, request, secret, rng)
        tasks_meta.append((record, request, identity, f"{record.id}{suffix}"))

    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        tasks = [(req, ident, str(tmp / name)) for _, req, ident, name in tasks_meta]
        sizes: dict[str, int] = {}
        warnings: list[str] = []
        _JOB.update(schema=schema, renderer=renderer)
        done = 0
        workers = jobs if jobs is not None else min(2, os.cpu_count() or 1)
        use_pool = (
            workers > 1
            and len(tasks) >= PARALLEL_FROM
            and "fork" in multiprocessing.get_all_start_methods()
        )
        if use_pool:
            _warm_up(fmt)
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(workers) as pool:
                for path, size, warns in pool.imap(_render_to, tasks, chunksize=4):
                    sizes[path] = size
                    warnings.extend(warns)
                    done += 1
                    if progress:
                        progress(done, len(tasks))
        else:
            for task in tasks:
                path, size, warns = _render_to(task)
                sizes[path] = size
                warnings.extend(warns)
                done += 1
                if progress:
                    progress(done, len(tasks))
        items = tuple(
            BatchItem(
                record_id=record.id,
                name=record.name,
                email=(emails or {}).get(record.id) or str(record.institution.get("email", "")),
                file=name,
                identity=ident,
                size=sizes[str(tmp / name)],
            )
            for record, _, ident, name in tasks_meta
        )
        (tmp / MANIFEST).write_bytes(to_csv(_manifest(items), csv_delimiter(lang)))
        if workspace is not None:
            # recorded before the files appear: an issued identity whose file was never moved
            # in is harmless, a form in the folder that the workspace does not know is not
            with workspace.lock():
                workspace.record_issued(
                    (i.identity for i in items),
                    {
                        ident.instance_id: IssuedForm.made(
                            schema, req.record, (tmp / name).read_bytes()
                        )
                        for _, req, ident, name in tasks_meta
                    },
                    schema=schema,
                )
        _move_in(tmp, out)
    finally:
        _JOB.clear()
        shutil.rmtree(tmp, ignore_errors=True)
    return BatchResult(out, items, tuple(warnings))


def _warm_up(fmt: str) -> None:
    """Build per-process caches (fonts) once before forking, so workers inherit them."""
    if fmt == "pdf":
        from formgen.pdf_form import _shared_objects

        _shared_objects()
    else:
        from formgen.docx_form import embedded_fonts

        embedded_fonts()


def _manifest(items: Sequence[BatchItem]) -> Iterator[list[str | int]]:
    """The rows of ``manifest.csv``: a header, then a form each."""
    yield ["id", "name", "email", "file", "reference", "instance_id", "categories"]
    for i in items:
        yield [
            i.record_id,
            i.name,
            i.email,
            i.file,
            i.identity.reference,
            i.identity.instance_id,
            " ".join(i.identity.categories),
        ]


def _move_in(tmp: Path, out: Path) -> None:
    """Move the finished files into ``out`` (renaming the whole folder when it is new)."""
    if not out.exists():
        os.replace(tmp, out)
        return
    if not out.is_dir():
        raise FormgenError(Said("gen_out_not_folder", path=str(out)))
    for path in sorted(tmp.iterdir()):
        keep_mode(path, out / path.name)
        os.replace(path, out / path.name)


def generate_one(
    schema: Schema,
    request: FormRequest,
    out_path: str | Path,
    *,
    secret: bytes,
    fmt: str = "pdf",
    seed: int | None = None,
    workspace: Any = None,
) -> GeneratedForm:
    """One form written to ``out_path`` (atomically: a crash leaves the old file or none)."""
    from formgen.workspace import write_atomic

    renderer = get_renderer(fmt)
    rng = random.Random(seed) if seed is not None else None
    identity = new_identity(schema, request, secret, rng)
    form = renderer(schema, request, identity)
    out = Path(out_path)
    if out.is_dir():
        raise FormgenError(Said("gen_out_folder", path=str(out)))
    out.parent.mkdir(parents=True, exist_ok=True)
    if workspace is not None:
        with workspace.lock():
            made = IssuedForm.made(schema, request.record, form.data)
            workspace.record_issued([identity], {identity.instance_id: made}, schema=schema)
    write_atomic(out, form.data)
    return form
