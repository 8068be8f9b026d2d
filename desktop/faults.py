"""Where an unexpected fault is written down: ``handbok.log`` in the user's data folder.

The user sees one sentence (a message in the window, a line on the command line); the
details go here, for IT. Both the window and the command line use this one log."""

from __future__ import annotations

from pathlib import Path

LOG_FILE = "handbok.log"


def log_fault(folder: Path, details: str) -> Path | None:
    """Append ``details`` to the log in ``folder``; the log's path, or None if it could not be
    written (a read-only or full data folder must not turn one fault into two)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / LOG_FILE
        with log.open("a", encoding="utf-8") as out:
            out.write(details.rstrip("\n") + "\n")
        return log
    except OSError:
        return None
