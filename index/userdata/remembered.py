"""The few settings the first frame needs (the window's size and place, the side panel's
width, the text size), read from the user's data file before it is opened properly.

Opening the file the proper way (index/userdata/store.py: checked, migrated, a damaged file
moved aside) imports the store and its schema, which costs a tenth of the time a bare window
takes to open; the window opens first and the store right after it. This read changes
nothing: a read-only connection, one query, and any trouble (no file yet, a damaged one, a
lock held by another copy) is only the default look, which the proper opening then reports
and puts right.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

FILE_NAME = "userdata.sqlite3"
WINDOW_KEYS = ("window.geometry", "window.panel_width", "window.text_size", "reader.zoom")
WAIT_S = 0.1  # for another copy's write to finish; after that the default look


def read(folder: Path, keys: Sequence[str] = WINDOW_KEYS) -> dict[str, str]:
    """The values of ``keys`` in the data file in ``folder`` (those it has, as strings)."""
    path = folder / FILE_NAME
    try:
        if not path.is_file():
            return {}
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=WAIT_S)
        try:
            marks = ", ".join("?" for _ in keys)
            query = f"SELECT key, value FROM settings WHERE key IN ({marks})"
            rows = conn.execute(query, tuple(keys)).fetchall()
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return {}
    return {key: value for key, value in rows if isinstance(key, str) and isinstance(value, str)}
