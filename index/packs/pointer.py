"""The pointer file that names the content store in use: ``stores_root/current.json``.

Kept apart from the pack installer so that finding the store in use (``index.paths``) reads one
small file and imports nothing heavy."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from index.store.database import DB_FILE

POINTER = "current.json"
STORE_NAME = re.compile(r"^store-[0-9.]+-[0-9-]+$")
CONTENT_NAME = re.compile(r"^packs/[0-9.]+-[0-9-]+/content$")


def current_store(stores_root: Path) -> Path | None:
    """The store an installed pack put in use; None if there is none or the pointer is broken
    (then the program uses the store it was shipped with)."""
    return store_of(stores_root, read_pointer(stores_root))


def read_pointer(stores_root: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((stores_root / POINTER).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # unreadable, not JSON, nested past reason
        return None
    return data if isinstance(data, dict) else None


def write_pointer(stores_root: Path, pointer: dict[str, Any]) -> None:
    work = stores_root / f".{POINTER}.{os.getpid()}.tmp"
    try:
        with work.open("w", encoding="utf-8") as stream:
            json.dump(pointer, stream, ensure_ascii=False, indent=2)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(work, stores_root / POINTER)
    finally:
        work.unlink(missing_ok=True)


def store_of(stores_root: Path, pointer: dict[str, Any] | None) -> Path | None:
    name = pointer.get("store") if pointer else None
    if not is_name(STORE_NAME, name):
        return None
    store = stores_root / str(name)
    return store if (store / DB_FILE).is_file() else None


def is_name(pattern: re.Pattern[str], value: object) -> bool:
    """Pointer entries name folders directly under stores_root, and nothing else: a damaged or
    edited pointer must never make the program read or delete anything outside it."""
    return isinstance(value, str) and bool(pattern.fullmatch(value))
