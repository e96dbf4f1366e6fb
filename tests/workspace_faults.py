"""A workspace that refuses to be written, as on a read-only mount, a full disk or a folder
without permission, for the CLI's promise: ``Error: …`` and exit status 1, never a traceback.

Every write of formgen's to a workspace goes through :mod:`formgen.workspace` (atomic writes,
appended lines, the write lock), so the refusal is made there; a real read-only mount or
``chmod`` does not stop root, who runs the tests in containers.
"""

from __future__ import annotations

import builtins
import os
from pathlib import Path
from typing import Any

import pytest

import formgen.workspace


def refuse_writes(monkeypatch: pytest.MonkeyPatch, root: Path, errno: int) -> None:
    """Make every file that formgen opens for writing under ``root`` fail with ``errno``."""
    real_open = builtins.open
    root = root.resolve()

    def open_or_refuse(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        writing = any(c in mode for c in "wax+")
        if writing and Path(file).resolve().is_relative_to(root):
            raise OSError(errno, os.strerror(errno), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(formgen.workspace, "open", open_or_refuse, raising=False)
