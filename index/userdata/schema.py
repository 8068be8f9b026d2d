"""Whether an SQLite file's schema is the one the program's own migrations make.

A user file can be crafted: it passes SQLite's integrity check and still holds a trigger that
runs on every save, a view named ``history`` over an endless recursive query that hangs the
start, a table without the columns the program reads, or a version number no migration can
start from. Such a file is treated like a damaged one (moved aside, a sentence, a new file).

The expected schema is not written out by hand: it is what the migrations up to the file's
version create in an empty database in memory, so it can never disagree with them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache

Migrations = tuple[Callable[[sqlite3.Connection], None], ...]
# name -> (type, columns); columns only for tables. SQLite's own objects (sqlite_sequence,
# sqlite_autoindex_...) are left out: they follow from the tables.
Schema = dict[str, tuple[str, frozenset[str]]]


def read(conn: sqlite3.Connection) -> Schema:
    """The file's tables, indexes, views and triggers, read from sqlite_master only: nothing
    here runs a view or a trigger."""
    schema: Schema = {}
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall():
        columns: frozenset[str] = frozenset()
        if kind == "table":
            rows = conn.execute("SELECT name FROM pragma_table_info(?)", (name,)).fetchall()
            columns = frozenset(str(r[0]) for r in rows)
        schema[str(name)] = (str(kind), columns)
    return schema


@cache
def expected(migrations: Migrations, version: int) -> Schema:
    """What the first ``version`` migrations make, in a database of their own in memory."""
    conn = sqlite3.connect(":memory:")
    try:
        for step in migrations[:version]:
            step(conn)
        return read(conn)
    finally:
        conn.close()


def is_sound(conn: sqlite3.Connection, migrations: Migrations) -> bool:
    """The file's version is one the migrations know (0 to the newest), it has every table
    and index that version has, each of its kind and each table with its columns, nothing
    the later migrations would make already there, and no view or trigger at all (the
    program makes none). A newer version is the caller's to judge before this is asked."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not isinstance(version, int) or not 0 <= version <= len(migrations):
        return False
    found = read(conn)
    if any(kind in ("view", "trigger") for kind, _columns in found.values()):
        return False
    wanted = expected(migrations, version)
    for name, (kind, columns) in wanted.items():
        have = found.get(name)
        if have is None or have[0] != kind or not columns <= have[1]:
            return False
    later = expected(migrations, len(migrations)).keys() - wanted.keys()
    return not (later & found.keys())
