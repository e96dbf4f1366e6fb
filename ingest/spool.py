"""The folder where an ingest run keeps the attachments and archive members it takes apart.

They are returned forms (personal data), so the folder goes at the end of the run, also one
stopped by Ctrl-C, SIGTERM or SIGHUP. A run killed outright (SIGKILL, the OOM killer, a power
cut with a /tmp on disk) cannot remove it: the next run does, and so does ``register erase``
(``register find --all`` names it). While a run lasts, it and its
workers hold an ``flock`` on the folder; a folder no process holds any longer, and not just
made, was abandoned.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PREFIX = "formgen-ingest-"
FRESH = 10.0
"""Seconds a folder nobody holds is left alone: one just made by a run that has not locked it
yet (a matter of microseconds) is not taken for abandoned."""


@contextlib.contextmanager
def spool_folder() -> Iterator[Path]:
    """A new private folder under the system's temporary folder, removed when the block ends;
    abandoned ones of earlier runs are removed first."""
    remove_abandoned()
    with tempfile.TemporaryDirectory(prefix=PREFIX) as name:
        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # workers forked meanwhile hold it too
            yield Path(name)
        finally:
            os.close(fd)


def remove_abandoned() -> None:
    """Remove the spool folders no run holds any longer (:func:`abandoned`)."""
    for folder in abandoned():
        shutil.rmtree(folder, ignore_errors=True)


def abandoned() -> list[Path]:
    """The spool folders no run holds any longer and not just made: left by a run killed
    outright, with the files it took apart (this user's: another user's cannot be opened).
    A run never takes over another's folder, so one found here stays abandoned."""
    found = []
    for folder in sorted(Path(tempfile.gettempdir()).glob(PREFIX + "*")):
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError:
            continue  # not a folder, gone meanwhile, or not ours
        try:
            if time.time() - os.fstat(fd).st_mtime < FRESH:
                continue
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a run holds it
        else:
            found.append(folder)
        finally:
            os.close(fd)
    return found
