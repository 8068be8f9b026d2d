"""One read-only connection to lokalt.sqlite3 per thread, all closed together.

The contact list reads on the window's worker thread and search on its own: an sqlite3
connection may not be shared between threads while one of them reads, so each thread gets its
own, and the layer closes every one of them when it closes (not the garbage collector)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class ThreadReaders:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []  # every thread's, to close them all
        self._lock = threading.Lock()

    def conn(self) -> sqlite3.Connection:
        """This thread's connection, opened to read only on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=5.0, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
            with self._lock:
                self._opened.append(conn)
        return conn

    def close(self) -> None:
        """Every thread's connection (the threads that read have stopped by now)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()
        self._local = threading.local()
