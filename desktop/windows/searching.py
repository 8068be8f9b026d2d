"""Search while typing without ever blocking the keyboard.

Queries run on one worker thread. Each carries a sequence number; the worker skips a query
that a newer one has already replaced, and the window drops any result that is not for the
latest query, so the list always matches what is in the field.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from index.search.searcher import ContentSearcher, SearchResult


class _Worker(QObject):
    finished = Signal(int, object)  # sequence, SearchResult or HandbokError

    def __init__(self, searcher: ContentSearcher, latest: list[int], lock: threading.Lock) -> None:
        super().__init__()
        self._searcher = searcher
        self._latest = latest
        self._lock = lock

    @Slot(int, str, object)
    def run(self, sequence: int, text: str, kind: Any) -> None:
        with self._lock:
            if sequence != self._latest[0]:
                return  # already replaced by a newer query: skip the work
        try:
            result: object = self._searcher.search(text, kind=kind, limit=40, prefix_last=True)
        except Exception as error:  # shown to the user as a sentence; never kills the thread
            result = error
        self.finished.emit(sequence, result)


class SearchController(QObject):
    """``search(text)``; ``results_ready(SearchResult)`` fires only for the latest query."""

    results_ready = Signal(object)
    failed = Signal(object)
    _request = Signal(int, str, object)

    def __init__(self, searcher: ContentSearcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.searcher = searcher
        self._latest = [0]
        self._lock = threading.Lock()
        self._thread = QThread(self)
        self._thread.setObjectName("search")
        self._worker = _Worker(searcher, self._latest, self._lock)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._worker.finished.connect(self._finished)
        self._thread.start()

    def search(self, text: str, kind: str | None = None) -> int:
        with self._lock:
            self._latest[0] += 1
            sequence = self._latest[0]
        self._request.emit(sequence, text, kind)
        return sequence

    @Slot(int, object)
    def _finished(self, sequence: int, result: object) -> None:
        with self._lock:
            if sequence != self._latest[0]:
                return
        if isinstance(result, SearchResult):
            self.results_ready.emit(result)
        else:
            self.failed.emit(result)

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait(5000)
