"""The per-user store of the desktop reader: bookmarks, history, checklist runs and settings.

One SQLite file, ``userdata.sqlite3``, in a folder the caller chooses (normally
``index.paths.user_data_dir()``). Everything refers to content by its stable id
("artikkel-id#anker", "kirkens-sos", "sjekkliste-id"), so it survives a content rebuild; the
store never looks at the content, and the caller decides what to show for a target that is gone.

Rules that keep "nothing the user saved is ever lost" true:
- every write is one ``BEGIN IMMEDIATE ... COMMIT``, committed before the method returns;
- WAL journal with ``synchronous = FULL`` (see ``_configure``), and a busy timeout, because two
  copies of the program may run on the same folder;
- a damaged file, or one written by a newer version, is renamed aside, never deleted, and the
  user is told where it is (``UserData.notice``);
- an SQLite error never reaches the user raw: it becomes a ``UserDataError`` with a sentence.

Use one ``UserData`` per thread (SQLite connections are not shared between threads here).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from index.content.kinds import KINDS, Kind
from index.errors import NotFoundError, UserDataError
from index.i18n import QT_TRANSLATE_NOOP
from index.userdata.remembered import FILE_NAME as FILE_NAME  # the window reads it early
from index.userdata.sqlitefile import Db as _Db
from index.userdata.sqlitefile import FileKind, open_file
from index.userdata.sqlitefile import Notice as Notice  # part of this module's interface
from index.userdata.sqlitefile import now as _now
from index.userdata.sqlitefile import one as _one
from index.userdata.sqlitefile import text as _text

HISTORY_LIMIT = 500
_V = TypeVar("_V", "Bookmark", "HistoryEntry", "ChecklistRun", "ItemState")


# --- values --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bookmark:
    target: str
    kind: Kind
    title: str  # as it was when bookmarked; the content may have renamed it since
    note: str  # "" when the user wrote none
    created: datetime  # UTC


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    target: str
    kind: Kind
    title: str
    opened: datetime  # UTC


@dataclass(frozen=True, slots=True)
class ChecklistRun:
    id: int
    checklist_id: str
    name: str
    created: datetime  # UTC
    updated: datetime  # UTC, last rename, tick or note


@dataclass(frozen=True, slots=True)
class ItemState:
    item_id: str
    ticked: bool
    note: str
    updated: datetime  # UTC


@dataclass(frozen=True, slots=True)
class BookmarkImport:
    added: int = 0
    updated: int = 0
    skipped: int = 0


_DAMAGED_NOTICE = QT_TRANSLATE_NOOP(
    "Handbok",
    "Filen med bokmerker, historikk og sjekklister var skadet og kunne ikke brukes. "
    "Den er tatt vare på som {path}, og Handbok har laget en ny, tom fil.",
)
_NEWER_NOTICE = QT_TRANSLATE_NOOP(
    "Handbok",
    "Filen med bokmerker, historikk og sjekklister er lagret av en nyere versjon av Handbok. "
    "Den er tatt vare på som {path}, og denne versjonen har laget en ny, tom fil.",
)


# --- schema --------------------------------------------------------------------------------


def _v1(conn: sqlite3.Connection) -> None:
    for sql in (
        """CREATE TABLE bookmarks (
               target TEXT PRIMARY KEY,
               kind TEXT NOT NULL,
               title TEXT NOT NULL,
               note TEXT NOT NULL DEFAULT '',
               created TEXT NOT NULL)""",
        """CREATE TABLE history (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               target TEXT NOT NULL,
               kind TEXT NOT NULL,
               title TEXT NOT NULL,
               opened TEXT NOT NULL)""",
        """CREATE TABLE checklist_runs (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               checklist_id TEXT NOT NULL,
               name TEXT NOT NULL,
               created TEXT NOT NULL,
               updated TEXT NOT NULL)""",
        "CREATE INDEX checklist_runs_checklist ON checklist_runs (checklist_id)",
        """CREATE TABLE run_items (
               run_id INTEGER NOT NULL REFERENCES checklist_runs (id) ON DELETE CASCADE,
               item_id TEXT NOT NULL,
               ticked INTEGER NOT NULL DEFAULT 0,
               note TEXT NOT NULL DEFAULT '',
               updated TEXT NOT NULL,
               PRIMARY KEY (run_id, item_id)) WITHOUT ROWID""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ):
        conn.execute(sql)


# MIGRATIONS[n] takes a database from version n to n + 1. Append, never edit a released step.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1,)
SCHEMA_VERSION = len(MIGRATIONS)
USER_DATA = FileKind(
    name=FILE_NAME,
    migrations=MIGRATIONS,
    open_action=QT_TRANSLATE_NOOP("Handbok", "åpne brukerdataene"),
    damaged_notice=_DAMAGED_NOTICE,
    newer_notice=_NEWER_NOTICE,
    newer_in_use=QT_TRANSLATE_NOOP(
        "Handbok",
        "En nyere versjon av Handbok bruker filen med brukerdata. "
        "Lukk den før du åpner denne versjonen.",
    ),
    restored_notice=QT_TRANSLATE_NOOP(
        "Handbok",
        "Filen med bokmerker, historikk og sjekklister var skadet. "
        "Handbok har hentet fram den siste gode kopien, fra {time}; det som ble lagret etter "
        "det, kan mangle. Den skadde filen er tatt vare på som {path}.",
    ),
    read_only_notice=QT_TRANSLATE_NOOP(
        "Handbok",
        "Handbok får ikke skrive i mappen {folder}. Du ser bokmerkene, historikken og sjekklistene "
        "som er lagret der, men endringer kan ikke lagres.",
    ),
)


# --- opening, and moving a bad file aside --------------------------------------------------


def _read(cls: type[_V], row: sqlite3.Row | None) -> _V | None:
    """A row as one of the dataclasses above (columns and fields share their names), or None
    if a value in it is not what this program writes: a crafted or half-damaged file's bad
    date, an unknown kind or a number where text belongs hides that row only."""
    if row is None:
        return None
    try:
        values = {f.name: row[f.name] for f in fields(cls)}
        for f in fields(cls):
            value = values[f.name]
            if f.type == "datetime":
                values[f.name] = datetime.fromisoformat(value)
            elif f.type == "bool":
                if value not in (0, 1):
                    return None
                values[f.name] = bool(value)
            elif not _of_type(value, str(f.type)):
                return None
        if "kind" in values and values["kind"] not in KINDS:
            return None
        if any(isinstance(v, datetime) and v.year < 1970 for v in values.values()):
            return None  # no time the program wrote; and year 1 cannot even be shown locally
    except (ValueError, TypeError, IndexError, KeyError, OverflowError):
        return None
    return cls(**values)


def _of_type(value: object, name: str) -> bool:
    if name == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str) if name in ("str", "Kind") else True


def _values(cls: type[_V], rows: Iterable[sqlite3.Row]) -> list[_V]:
    return [value for row in rows if (value := _read(cls, row)) is not None]


def _row(conn: sqlite3.Connection, table: str, row_id: int | None) -> sqlite3.Row | None:
    """The row just written, read back in the same transaction. Not ``RETURNING *``: that
    needs SQLite 3.35, and a Python on a municipal PC may bring an older one."""
    assert table in ("history", "checklist_runs")  # a table name, never user input
    return _one(conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)))


def _value(cls: type[_V], row: sqlite3.Row | None) -> _V:
    """The row just written; a sentence if the file gives back something
    this program did not write."""
    value = _read(cls, row)
    if value is None:
        raise UserDataError(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Det som ble lagret, kan ikke leses tilbake: filen med brukerdata ser ikke ut "
                "som Handboks egen. Start Handbok på nytt, så tas den vare på og en ny fil lages.",
            ),
            cause="damaged",
        )
    return value


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    return kind


# --- the store -----------------------------------------------------------------------------


class UserData:
    """The user's data file, open. ``notice`` is set when a bad file was moved aside."""

    def __init__(self, db: _Db, notice: Notice | None, journal_mode: str) -> None:
        self._db = db
        self.path = db.path
        self.notice = notice
        self.journal_mode = journal_mode
        self.bookmarks = Bookmarks(db)
        self.history = History(db)
        self.runs = ChecklistRuns(db)
        self.settings = Settings(db)

    @classmethod
    def open(cls, folder: str | Path) -> UserData:
        db, notice, mode = open_file(Path(folder), USER_DATA)
        return cls(db, notice, mode)

    @property
    def read_only(self) -> bool:
        """Opened from a folder Handbok may not write: shown, not saved to."""
        return not self._db.writable

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> UserData:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Bookmarks:
    def __init__(self, db: _Db) -> None:
        self._db = db

    def add(self, target: str, kind: Kind, title: str, note: str | None = None) -> Bookmark:
        """Bookmark ``target``; if it already is, update its kind, title and (if given) note.
        It keeps its place (time created) in the list."""
        note = None if note is None else _text(note)
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre bokmerket")) as conn:
            conn.execute(
                "INSERT INTO bookmarks (target, kind, title, note, created) "
                "VALUES (?1, ?2, ?3, coalesce(?4, ''), ?5) ON CONFLICT (target) DO UPDATE "
                "SET kind = ?2, title = ?3, note = coalesce(?4, note)",
                (target, _kind(kind), _text(title), note, _now()),
            )
            row = _one(conn.execute("SELECT * FROM bookmarks WHERE target = ?", (target,)))
        return _value(Bookmark, row)

    def get(self, target: str) -> Bookmark | None:
        rows = self._db.rows("SELECT * FROM bookmarks WHERE target = ?", (target,))
        return _read(Bookmark, rows[0]) if rows else None

    def is_bookmarked(self, target: str) -> bool:
        return bool(self._db.rows("SELECT 1 FROM bookmarks WHERE target = ?", (target,)))

    def list(self) -> list[Bookmark]:
        """Newest first."""
        rows = self._db.rows("SELECT * FROM bookmarks ORDER BY created DESC, rowid DESC")
        return _values(Bookmark, rows)

    def update_note(self, target: str, note: str) -> Bookmark:
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre notatet")) as conn:
            sql = "UPDATE bookmarks SET note = ? WHERE target = ?"
            conn.execute(sql, (_text(note), target))
            row = _one(conn.execute("SELECT * FROM bookmarks WHERE target = ?", (target,)))
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Handbok", "Bokmerket «{id}» finnes ikke lenger."), id=target
            )
        return _value(Bookmark, row)

    def delete(self, target: str) -> bool:
        """Remove the bookmark; False if there was none."""
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "slette bokmerket")) as conn:
            deleted = conn.execute("DELETE FROM bookmarks WHERE target = ?", (target,)).rowcount
        return deleted > 0

    def merge(self, bookmarks: Iterable[Bookmark]) -> BookmarkImport:
        """Import, in one transaction: all or nothing.

        A target not yet bookmarked is added as it is. One already bookmarked keeps what the
        user has here (title, time, note), except that an empty note takes the imported note.
        Later duplicates within ``bookmarks`` meet the earlier ones by the same rule.
        """
        added = updated = skipped = 0
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "importere bokmerkene")) as conn:
            for b in bookmarks:
                old = _one(conn.execute("SELECT note FROM bookmarks WHERE target = ?", (b.target,)))
                if old is None:
                    created = b.created.astimezone(UTC).isoformat(timespec="microseconds")
                    conn.execute(
                        "INSERT INTO bookmarks (target, kind, title, note, created) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (b.target, _kind(b.kind), _text(b.title), _text(b.note), created),
                    )
                    added += 1
                elif not old["note"] and b.note:
                    sql = "UPDATE bookmarks SET note = ? WHERE target = ?"
                    conn.execute(sql, (_text(b.note), b.target))
                    updated += 1
                else:
                    skipped += 1
        return BookmarkImport(added=added, updated=updated, skipped=skipped)


class History:
    def __init__(self, db: _Db, limit: int = HISTORY_LIMIT) -> None:
        self._db = db
        self.limit = limit

    def record(self, target: str, kind: Kind, title: str) -> HistoryEntry:
        """Note that ``target`` was opened. Opening the latest entry again only moves its time;
        the oldest entries beyond ``limit`` are dropped."""
        values = (_kind(kind), _text(title), _now())
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "oppdatere historikken")) as conn:
            last = _one(conn.execute("SELECT id, target FROM history ORDER BY id DESC LIMIT 1"))
            if last is not None and last["target"] == target:
                sql = "UPDATE history SET kind = ?, title = ?, opened = ? WHERE id = ?"
                conn.execute(sql, (*values, last["id"]))
                row = _row(conn, "history", last["id"])
            else:
                sql = "INSERT INTO history (kind, title, opened, target) VALUES (?, ?, ?, ?)"
                row = _row(conn, "history", conn.execute(sql, (*values, target)).lastrowid)
                conn.execute(
                    "DELETE FROM history WHERE id <= "
                    "(SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET ?)",
                    (self.limit,),
                )
        return _value(HistoryEntry, row)

    def list(self, limit: int = 50) -> list[HistoryEntry]:
        """Newest first."""
        rows = self._db.rows("SELECT * FROM history ORDER BY id DESC LIMIT ?", (limit,))
        return _values(HistoryEntry, rows)

    def clear(self) -> None:
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "tømme historikken")) as conn:
            conn.execute("DELETE FROM history")


class ChecklistRuns:
    """Named runs of a checklist (say one per self-help group), each with its ticks and notes."""

    def __init__(self, db: _Db) -> None:
        self._db = db

    def create(self, checklist_id: str, name: str) -> ChecklistRun:
        now = _now()
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre sjekklisten")) as conn:
            sql = (
                "INSERT INTO checklist_runs (checklist_id, name, created, updated) "
                "VALUES (?, ?, ?, ?)"
            )
            added = conn.execute(sql, (checklist_id, _text(name), now, now)).lastrowid
            row = _row(conn, "checklist_runs", added)
        return _value(ChecklistRun, row)

    def get(self, run_id: int) -> ChecklistRun | None:
        rows = self._db.rows("SELECT * FROM checklist_runs WHERE id = ?", (run_id,))
        return _read(ChecklistRun, rows[0]) if rows else None

    def list(self, checklist_id: str) -> list[ChecklistRun]:
        """In the order they were created."""
        sql = "SELECT * FROM checklist_runs WHERE checklist_id = ? ORDER BY id"
        return _values(ChecklistRun, self._db.rows(sql, (checklist_id,)))

    def rename(self, run_id: int, name: str) -> ChecklistRun:
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "endre navnet")) as conn:
            sql = "UPDATE checklist_runs SET name = ?, updated = ? WHERE id = ?"
            conn.execute(sql, (_text(name), _now(), run_id))
            row = _row(conn, "checklist_runs", run_id)
        if row is None:
            raise _run_gone()
        return _value(ChecklistRun, row)

    def delete(self, run_id: int) -> bool:
        """Remove the run and its ticks and notes; False if there was none."""
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "slette sjekklisten")) as conn:
            conn.execute("DELETE FROM run_items WHERE run_id = ?", (run_id,))
            deleted = conn.execute("DELETE FROM checklist_runs WHERE id = ?", (run_id,)).rowcount
        return deleted > 0

    def set_ticked(self, run_id: int, item_id: str, ticked: bool) -> None:
        action = QT_TRANSLATE_NOOP("Handbok", "lagre avkrysningen")
        self._set(action, run_id, item_id, "ticked", int(ticked))

    def set_note(self, run_id: int, item_id: str, note: str) -> None:
        action = QT_TRANSLATE_NOOP("Handbok", "lagre notatet")
        self._set(action, run_id, item_id, "note", _text(note))

    def _set(self, action: str, run_id: int, item_id: str, column: str, value: object) -> None:
        assert column in ("ticked", "note")  # a column name, never user input
        now = _now()
        with self._db.write(action) as conn:
            sql = "UPDATE checklist_runs SET updated = ? WHERE id = ?"
            if not conn.execute(sql, (now, run_id)).rowcount:
                raise _run_gone()  # deleted in another window; write() rolls back
            conn.execute(
                f"INSERT INTO run_items (run_id, item_id, {column}, updated) VALUES (?, ?, ?, ?) "
                f"ON CONFLICT (run_id, item_id) DO UPDATE SET {column} = excluded.{column}, "
                "updated = excluded.updated",
                (run_id, item_id, value, now),
            )

    def state(self, run_id: int) -> dict[str, ItemState]:
        """item id -> its state; items never touched are absent (not ticked, no note)."""
        sql = "SELECT item_id, ticked, note, updated FROM run_items WHERE run_id = ?"
        return {s.item_id: s for s in _values(ItemState, self._db.rows(sql, (run_id,)))}

    def progress(self, run_id: int, items: Collection[str] | None = None) -> int:
        """How many items are ticked; with ``items``, only those (the checklist's current items,
        so a tick on an item a content update removed no longer counts)."""
        ticked = [s.item_id for s in self.state(run_id).values() if s.ticked]
        return len(ticked) if items is None else sum(1 for i in ticked if i in items)


def _run_gone() -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP(
            "Handbok",
            "Denne gjennomgangen av sjekklisten finnes ikke lenger. "
            "Den kan være slettet i et annet vindu.",
        )
    )


class Settings:
    """Small string values the program remembers: zoom level, window geometry (base64)..."""

    def __init__(self, db: _Db) -> None:
        self._db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        rows = self._db.rows("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else default

    def set(self, key: str, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"setting {key!r} must be a str, not {type(value).__name__}")
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre innstillingen")) as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, _text(value)),
            )

    def delete(self, key: str) -> None:
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre innstillingen")) as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))
