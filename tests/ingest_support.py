"""Helpers for the ingest tests: the bad-input maker and a workspace with its secret."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from formgen.workspace import Workspace

DATA = Path(__file__).parent / "data" / "ingest"


def load_maker() -> ModuleType:
    """tests/data/ingest/make_bad_inputs.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("make_bad_inputs", DATA / "make_bad_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    import shutil

    shutil.copytree(SAMPLES / "workspace", root)
    if secret is not None:
        (root / "secret.key").write_text(secret.hex() + "\n", "ascii")
    return Workspace.open(root)
