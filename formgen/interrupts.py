"""Stopping a long run between two steps: Ctrl-C, ``kill`` (SIGTERM) or a closed terminal
(SIGHUP) end ``formgen ingest`` between two files and ``formgen mail`` between two mails, so
that what was done is logged and said, and the same command run again does the rest."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

STOP_SIGNALS = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM", signal.SIGHUP: "SIGHUP"}
"""Signals that stop a run between two steps (:class:`Interrupts`), by the name the report
gives them: Ctrl-C, ``kill`` or a service manager (systemd) stopping the run, the terminal
being closed. A terminal sends them to ingest's workers too; only the parent acts on them."""


class Interrupts:
    """Ctrl-C (or another of :data:`STOP_SIGNALS`) stops a run between two steps: each raises
    :class:`KeyboardInterrupt` where it comes, but one that comes inside :meth:`held` (a file
    being merged, a mail being sent and logged) waits until that block is done, so that
    nothing is left half-done or done unlogged."""

    def __init__(self) -> None:
        self.merging = False
        self.asked = False
        self.by = "Ctrl-C"

    @contextlib.contextmanager
    def caught(self) -> Iterator[None]:
        """Take the stop signals over while the run lasts, each where Python's own handling
        has it (not one the program ignores, as ``nohup`` has SIGHUP ignored)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        taken = {
            signum: handler
            for signum in STOP_SIGNALS
            if (handler := signal.getsignal(signum)) in (signal.default_int_handler, signal.SIG_DFL)
        }
        for signum in taken:
            signal.signal(signum, self._signal)
        try:
            yield
        finally:
            for signum, handler in taken.items():
                signal.signal(signum, handler)

    def _signal(self, signum: int, frame: object) -> None:
        self.by = STOP_SIGNALS[signal.Signals(signum)]
        if self.merging:
            self.asked = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """A stop signal waits until the block is done, then stops the run."""
        self.merging = True
        try:
            yield
        finally:
            self.merging = False
        if self.asked:
            raise KeyboardInterrupt
