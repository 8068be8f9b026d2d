"""Three ways a SQLite file gets damaged on a real PC: replaced by something else, cut short
by a full disk or a pulled USB stick, or a page overwritten. Each takes the file's path and
``make``, which writes a real database in a folder and returns its path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from index.userdata.sqlitefile import connect_read_only

Make = Callable[[Path], Path]


def garbage(path: Path, make: Make) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"Dette er ikke en database.\n" * 200)


def truncated(path: Path, make: Make) -> None:
    make(path.parent)
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 2)


def overwritten_page(path: Path, make: Make) -> None:
    make(path.parent)
    with path.open("r+b") as f:
        f.seek(3 * 4096)
        f.write(b"\xa5" * 4096)


Damage = Callable[[Path, Make], None]
DAMAGES: tuple[Damage, ...] = (garbage, truncated, overwritten_page)


def integrity(path: Path) -> str:
    """SQLite's full check of a file, "ok" when sound; read-only, so it changes nothing."""
    conn = connect_read_only(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
