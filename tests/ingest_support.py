"""Helpers for the ingest tests: the bad-input maker and a workspace with its secret."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import pikepdf
import pytest

from formgen.forms import FormRequest
from formgen.identity import FIELD_PREFIX, FormIdentity, new_instance_id
from formgen.model import Schema
from formgen.record import record_from_json
from formgen.workspace import Workspace
from ingest.submission import RawSubmission

DATA = Path(__file__).parent / "data" / "ingest"


def load_maker() -> ModuleType:
    """tests/data/ingest/make_bad_inputs.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("make_bad_inputs", DATA / "make_bad_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def institution_returns(filled: bytes, count: int, out: Path) -> list[Path]:
    """The filled institution form ``filled`` (:func:`load_maker`'s) as ``count`` different
    institutions return it, written to ``out`` as reg-0000.pdf …: each copy's identity is
    issued (and signed) for its own institution (inst-0000 …) and named „Einrichtung N – Łódź“,
    so every copy is a file of its own and every merge another entry."""
    maker = load_maker()
    paths = []
    with pikepdf.open(io.BytesIO(filled)) as pdf:
        names = (f"{FIELD_PREFIX}.{f.name}" for f in dataclasses.fields(FormIdentity))
        hidden = {name: maker._field(pdf, name) for name in names}
        issued = FormIdentity.from_fields({k: str(v.V) for k, v in hidden.items()})
        for i in range(count):
            ident = dataclasses.replace(
                issued, instance_id=new_instance_id(), institution_id=f"inst-{i:04d}"
            ).sign(maker.SECRET)
            for name, value in ident.to_fields().items():
                hidden[name].V = pikepdf.String(value)
            pdf.docinfo["/FormgenIdentity"] = json.dumps(
                ident.to_fields(), ensure_ascii=False, sort_keys=True
            )
            maker._field(pdf, "institution.name").V = pikepdf.String(f"Einrichtung {i} – Łódź")
            path = out / f"reg-{i:04d}.pdf"
            pdf.save(path)
            paths.append(path)
    return paths


def prefilled_request(schema: Schema, values: dict[str, str]) -> FormRequest:
    """The German institution form of inst-0001 (Psychotherapie, Düsseldorf) prefilled with
    ``values``: field path (``institution.name``, ``psychotherapie.plans``) → value."""
    institution: dict[str, str] = {"region": "duesseldorf"}
    entry: dict[str, str] = {}
    for path, value in values.items():
        group, field = path.split(".")
        (institution if group == "institution" else entry)[field] = value
    record = record_from_json(
        schema,
        {
            "id": "inst-0001",
            "base_version": 1,
            "categories": ["psychotherapie"],
            "institution": institution,
            "entries": {"psychotherapie": entry},
        },
        "test",
    )
    return FormRequest("institution", ("psychotherapie",), record, "de", "2026-11-22")


def workspace(root: Path, secret: bytes) -> Workspace:
    """A fresh workspace whose signing secret is ``secret`` (the fixtures were signed with it)."""
    ws = Workspace.init(root)
    (root / "secret.key").write_text(secret.hex() + "\n", "ascii")
    return ws


def docx_reader_present() -> bool:
    return importlib.util.find_spec("ingest.docx_reader") is not None


def flat_reader_present() -> bool:
    return importlib.util.find_spec("ingest.flat_reader") is not None


SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def sample_workspace(root: Path, secret: bytes | None = None) -> Workspace:
    """A copy of samples/workspace (its secret and issued forms), optionally with another secret."""
    shutil.copytree(SAMPLES / "workspace", root)
    root.chmod(0o700)  # as `formgen init` makes it: a 0755 copy would be warned of
    if secret is not None:
        (root / "secret.key").write_text(secret.hex() + "\n", "ascii")
    return Workspace.open(root)


def reworded(docx: bytes) -> bytes:
    """``docx`` with each „Beratung auf Türkisch“ of its multi-line values reworded: a copy of
    a sample Word form that disagrees with the others (since LibreOffice 7.4's line breaks are
    put back, its copies read as the others do)."""
    zin = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "word/document.xml":
                body = body.replace(
                    "Beratung auf Türkisch".encode(), "Sprechstunde auf Türkisch".encode()
                )
            zout.writestr(info, body)
    return out.getvalue()


def check_word_form_values(sub: RawSubmission, kind: str, lines_joined_by_lo74: bool) -> None:
    """Every value of a copy of the filled sample Word form (``samples/docx/lo252-*.docx``) read
    without its controls: each one ``expected-<kind>.json`` lists, every checkbox read (an
    unticked one as False, not left out) and nothing else. With ``lines_joined_by_lo74`` the
    copy went through LibreOffice 7.4, which keeps a plain-text control as an input field
    without line breaks (``report.json`` lists those values)."""
    import json

    from formgen.docx_form import form_plan
    from formgen.schema_load import default_schema

    docx = SAMPLES / "docx"
    expected = json.loads((docx / f"expected-{kind}.json").read_text("utf-8"))
    report = json.loads((docx / "report.json").read_text("utf-8"))
    joined = (
        set(report["samples"][f"lo74-{kind}"]["lines_joined_by_libreoffice_7_4"])
        if lines_joined_by_lo74
        else set()
    )
    got = {k: v for k, v in sub.values.items() if v is not False}
    for path, value in expected.items():
        assert got.get(path) == (value.replace("\n", "") if path in joined else value), path
    assert set(got) == set(expected)
    assert sub.identity is not None
    plan = form_plan(default_schema(), kind, sub.identity.categories, sub.identity.lang)
    boxes = [slot.path for *_, slot in plan.slots() if slot.kind == "checkbox"]
    assert all(isinstance(sub.values[path], bool) for path in boxes)


def libreoffice(data: bytes, target: str, tmp: Path, name: str = "form.docx") -> bytes:
    """The DOCX ``data`` (or another file, ``name``: ``table.xlsx``) converted by the system's
    LibreOffice (headless) to ``target`` (``pdf``, ``odt``, ``docx:MS Word 2007 XML``, ``csv``),
    as a person saves or exports it; skips without it."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) not installed")
    (tmp / name).write_bytes(data)
    out = tmp / "out"
    cmd = ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless"]
    cmd += ["--convert-to", target, "--outdir", str(out), str(tmp / name)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return next(out.iterdir()).read_bytes()
