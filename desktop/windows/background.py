"""Reading on a thread of its own, so the window's thread never waits for a large file.

A municipality's 100,000 contacts cost a second to read for the contact list, the start page
or the handout composer's picker; on the window's thread that second is a frozen window.
``Background.ask(key, work)`` runs ``work`` on one worker thread; ``answered(key, result)``
comes back on the window's thread for the latest request of each key only (a request that a
newer one of its key has replaced is skipped, or its answer dropped), like the search's own
worker (``searching.py``). A plain Python thread, not a QThread: one that is still reading
when a window or a test goes away ends by itself, and nothing must wait for it.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot


class Background(QObject):
    """``answered(key, result)``; ``failed(key)`` when the work raised (the fault is logged
    in ``log_folder``, when there is one)."""

    answered = Signal(str, object)
    failed = Signal(str)
    _done = Signal(str, int, object, bool)

    def __init__(self, parent: QObject | None = None, log_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.log_folder = log_folder
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="handbok-reading")
        self._latest: dict[str, int] = {}
        self._pending = 0
        self._counter = itertools.count(1)
        self._lock = threading.Lock()
        self._done.connect(self._finished)  # queued: emitted on the worker, run here
        executor = self._executor  # its thread ends with this object (a closed composer's)
        self.destroyed.connect(lambda: executor.shutdown(wait=False, cancel_futures=True))

    def ask(self, key: str, work: Callable[[], object]) -> None:
        with self._lock:
            sequence = self._latest[key] = next(self._counter)
            self._pending += 1
        try:
            self._executor.submit(self._run, key, sequence, work)
        except RuntimeError:  # shut down: the window is closing
            with self._lock:
                self._pending -= 1

    def busy(self) -> bool:
        """Whether an answer is still to come (for tests and benchmarks to wait on)."""
        with self._lock:
            return self._pending > 0

    def _run(self, key: str, sequence: int, work: Callable[[], object]) -> None:
        with self._lock:
            stale = sequence != self._latest.get(key)
        if stale:
            result: object = None
            failed = False
        else:
            try:
                result, failed = work(), False
            except Exception:  # a bug: said in one sentence by the receiver, logged here
                result, failed = traceback.format_exc(), True
        with contextlib.suppress(RuntimeError):  # the window went away meanwhile
            self._done.emit(key, sequence, result, failed)

    @Slot(str, int, object, bool)
    def _finished(self, key: str, sequence: int, result: object, failed: bool) -> None:
        with self._lock:
            self._pending -= 1
            latest = sequence == self._latest.get(key)
        if not latest:
            return
        if failed:
            if self.log_folder is not None:
                from desktop.faults import log_fault

                log_fault(self.log_folder, str(result))
            self.failed.emit(key)
        else:
            self.answered.emit(key, result)

    def stop(self) -> None:
        """No more requests; what runs now ends by itself (its answer is dropped)."""
        with self._lock:
            self._latest.clear()
        self._executor.shutdown(wait=False, cancel_futures=True)
