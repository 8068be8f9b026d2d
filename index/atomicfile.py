"""Writing a file so that a crash or a full disk never leaves half of it: a temporary file in
the same folder, flushed to disk, then renamed over the target (the rename is atomic)."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Raises OSError (the caller turns it into a sentence); the target is then untouched."""
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
        if os.name == "posix":  # make the rename itself durable; Windows has no folder fsync
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    finally:
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)
