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

import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from index.errors import HandbokError, NotFoundError
from index.i18n import CONTEXT, QT_TRANSLATE_NOOP
from index.model import KINDS, Kind

FILE_NAME = "userdata.sqlite3"
HISTORY_LIMIT = 500
BUSY_TIMEOUT = 5.0  # seconds another copy of the program may hold the write lock
COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside the database
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
class ImportResult:
    added: int = 0
    updated: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class Notice:
    """Something the user should be told after opening, e.g. that a damaged file was moved."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)
    moved_to: Path | None = None

    def message(self, translate: Any = None) -> str:
        template = translate(CONTEXT, self.template) if translate else self.template
        return str(template.format(**self.params))


class UserDataError(HandbokError):
    """Reading or saving user data failed for a known reason (full disk, no write access...).

    ``cause`` is one of "full", "readonly", "busy", "damaged", "io", "other". The ``action``
    parameter is itself a marked phrase ("lagre bokmerket") and is translated with the template.
    """

    def __init__(self, template: str, *, cause: str = "other", **params: Any) -> None:
        self.cause = cause
        super().__init__(template, **params)

    def message(self, translate: Any = None) -> str:
        if translate is None or "action" not in self.params:
            return super().message(translate)
        params = dict(self.params, action=translate(CONTEXT, self.params["action"]))
        return str(translate(CONTEXT, self.template).format(**params))


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


_FULL = QT_TRANSLATE_NOOP("Handbok", "Kunne ikke {action}: disken er full.")
_READONLY = QT_TRANSLATE_NOOP(
    "Handbok", "Kunne ikke {action}: Handbok får ikke skrive i mappen {folder}."
)
_BUSY = QT_TRANSLATE_NOOP(
    "Handbok", "Kunne ikke {action}: et annet vindu av Handbok bruker filen. Prøv igjen om litt."
)
_DAMAGED = QT_TRANSLATE_NOOP(
    "Handbok",
    "Kunne ikke {action}: filen med brukerdata er skadet. Start Handbok på nytt, "
    "så tas den vare på og en ny fil lages.",
)
_IO = QT_TRANSLATE_NOOP("Handbok", "Kunne ikke {action}: feil på disken ({reason}).")
_CAUSES: dict[int, tuple[str, str]] = {  # SQLite primary result code -> cause, sentence
    sqlite3.SQLITE_FULL: ("full", _FULL),
    sqlite3.SQLITE_READONLY: ("readonly", _READONLY),
    sqlite3.SQLITE_PERM: ("readonly", _READONLY),
    sqlite3.SQLITE_CANTOPEN: ("readonly", _READONLY),
    sqlite3.SQLITE_BUSY: ("busy", _BUSY),
    sqlite3.SQLITE_LOCKED: ("busy", _BUSY),
    sqlite3.SQLITE_CORRUPT: ("damaged", _DAMAGED),
    sqlite3.SQLITE_NOTADB: ("damaged", _DAMAGED),
    sqlite3.SQLITE_IOERR: ("io", _IO),
}
_READ = QT_TRANSLATE_NOOP("Handbok", "lese brukerdataene")
_OTHER = QT_TRANSLATE_NOOP("Handbok", "Kunne ikke {action} ({reason}).")


def _error(action: str, error: sqlite3.Error, folder: Path) -> UserDataError:
    """Turn an SQLite error into a sentence. ``action`` is a marked phrase: "lagre bokmerket"."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
    cause, template = _CAUSES.get(code, ("other", _OTHER))
    return UserDataError(
        template, cause=cause, action=action, folder=str(folder), reason=str(error)
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


def _migrate(conn: sqlite3.Connection) -> None:
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # again, under the lock
        if version > SCHEMA_VERSION:  # a newer copy upgraded it a moment ago: leave it alone
            raise UserDataError(
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "En nyere versjon av Handbok bruker filen med brukerdata. "
                    "Lukk den før du åpner denne versjonen.",
                ),
                cause="busy",
            )
        for step in MIGRATIONS[version:]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _configure(conn: sqlite3.Connection) -> str:
    """Set the journal; return the journal mode in effect.

    WAL lets one copy of the program read while another writes. With WAL, a committed
    transaction is in the -wal file before COMMIT returns, so it survives a killed process even
    with synchronous=NORMAL; FULL also fsyncs the -wal on every commit, so it survives a power
    cut too. Writes here are a person's clicks, a few a minute, so the fsync costs nothing
    anyone notices, and a nurse's ticks are worth it. Should SQLite refuse WAL, it keeps its
    rollback journal, which with FULL is just as durable, only less concurrent.
    """
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    try:
        mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_READONLY:
            raise
        # A write-protected file: open it anyway so the user can read; writes will say why not.
        mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return mode


# --- opening, and moving a bad file aside --------------------------------------------------

_State = Literal["ok", "damaged", "newer"]


def _inspect(conn: sqlite3.Connection) -> _State:
    """Read the header and check every page; only reads, so a damaged file keeps its bytes."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            return "newer"
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return "damaged"
        raise  # locked, unreadable...: not a reason to move the user's file
    return "ok" if [tuple(r) for r in rows] == [("ok",)] else "damaged"


def _look_at(path: Path) -> _State | None:
    """Inspect through a read-only connection, which never checkpoints the -wal into the file
    on closing: a file that is moved aside keeps its bytes. None if it cannot be opened so."""
    if not path.exists():
        return "ok"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error:
        return None
    try:
        return _inspect(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def _free_name(path: Path, label: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # local time: the user reads it
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 2
    while any(Path(f"{candidate}{s}").exists() for s in ("", *COMPANIONS)):
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
        n += 1
    return candidate


def _move_aside(path: Path, label: str) -> Path:
    """Rename the database and its companions to ``<name>.<label>-<time>``; delete nothing.

    The -wal keeps its suffix after the new name, so opening the moved file reads it too.
    """
    aside = _free_name(path, label)
    try:
        if path.exists():
            os.rename(path, aside)
        for suffix in COMPANIONS:
            with suppress(FileNotFoundError):  # most are absent; another copy may move one too
                os.rename(f"{path}{suffix}", f"{aside}{suffix}")
    except OSError as error:
        raise UserDataError(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Filen med brukerdata {path} kan ikke brukes, og den kunne ikke flyttes "
                "til side ({reason}). Lukk andre vinduer av Handbok og prøv igjen.",
            ),
            cause="busy",
            path=str(path),
            reason=error.strerror or str(error),
        ) from error
    return aside


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: no implicit transactions; every write opens its own below.
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def _one(cursor: sqlite3.Cursor) -> sqlite3.Row | None:
    """The single row of an ``... RETURNING`` statement, stepped to the end so COMMIT can run."""
    rows = cursor.fetchall()
    return rows[0] if rows else None


_TIMES = ("created", "opened", "updated")


def _value(cls: type[_V], row: sqlite3.Row | None) -> _V:
    """A row as one of the dataclasses above; columns and fields share their names."""
    assert row is not None
    values = {f.name: row[f.name] for f in fields(cls)}
    for name in _TIMES:
        if name in values:
            values[name] = datetime.fromisoformat(values[name])
    if "ticked" in values:
        values["ticked"] = bool(values["ticked"])
    return cls(**values)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _text(value: str) -> str:
    """Strings from Qt may hold surrogates, which UTF-8 (so SQLite) cannot store: a pair
    becomes its character, a lone one U+FFFD."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    return kind


class _Db:
    """The connection plus the two ways to use it: a read, or one committed write."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @contextmanager
    def write(self, action: str) -> Iterator[sqlite3.Connection]:
        """One transaction, committed before the caller's method returns; rolled back on error.

        IMMEDIATE takes the write lock up front, so a second copy waits (busy timeout) instead
        of failing half-way through a read-then-write.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise _error(action, error, self.path.parent) from error
        except BaseException:
            self._rollback()
            raise

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as error:
            raise _error(_READ, error, self.path.parent) from error

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            # SQLite may have rolled back by itself (after SQLITE_FULL, for one)
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")


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
        folder = Path(folder)
        path = folder / FILE_NAME
        action = QT_TRANSLATE_NOOP("Handbok", "åpne brukerdataene")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UserDataError(
                QT_TRANSLATE_NOOP(
                    "Handbok", "Kunne ikke lage mappen for brukerdata {folder} ({reason})."
                ),
                cause="readonly",
                folder=str(folder),
                reason=error.strerror or str(error),
            ) from error
        notice: Notice | None = None
        for _attempt in range(3):
            if not path.exists() and any(Path(f"{path}{s}").exists() for s in COMPANIONS):
                _move_aside(path, "orphan")  # a -wal without its database must not be replayed
            identity = _identity(path)
            state = _look_at(path)
            try:
                conn = _connect(path)
            except sqlite3.Error as error:
                raise _error(action, error, folder) from error
            try:
                if state is None:  # could not look read-only: check on this connection
                    state = _inspect(conn)
                if state == "ok":
                    mode = _configure(conn)
                    _migrate(conn)
                    return cls(_Db(conn, path), notice, mode)
            except sqlite3.Error as error:
                conn.close()
                raise _error(action, error, folder) from error
            except BaseException:
                conn.close()
                raise
            conn.close()
            if _identity(path) != identity:
                continue  # another copy replaced the file meanwhile: look at the new one
            moved = _move_aside(path, state)
            template = _NEWER_NOTICE if state == "newer" else _DAMAGED_NOTICE
            notice = Notice(template, {"path": str(moved)}, moved_to=moved)
        raise UserDataError(
            QT_TRANSLATE_NOOP(
                "Handbok", "Filen med brukerdata {path} endres hele tiden av et annet program."
            ),
            cause="busy",
            path=str(path),
        )

    def close(self) -> None:
        self._db.conn.close()

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
            row = _one(
                conn.execute(
                    "INSERT INTO bookmarks (target, kind, title, note, created) "
                    "VALUES (?1, ?2, ?3, coalesce(?4, ''), ?5) ON CONFLICT (target) DO UPDATE "
                    "SET kind = ?2, title = ?3, note = coalesce(?4, note) RETURNING *",
                    (target, _kind(kind), _text(title), note, _now()),
                )
            )
        return _value(Bookmark, row)

    def get(self, target: str) -> Bookmark | None:
        rows = self._db.rows("SELECT * FROM bookmarks WHERE target = ?", (target,))
        return _value(Bookmark, rows[0]) if rows else None

    def is_bookmarked(self, target: str) -> bool:
        return bool(self._db.rows("SELECT 1 FROM bookmarks WHERE target = ?", (target,)))

    def list(self) -> list[Bookmark]:
        """Newest first."""
        rows = self._db.rows("SELECT * FROM bookmarks ORDER BY created DESC, rowid DESC")
        return [_value(Bookmark, r) for r in rows]

    def update_note(self, target: str, note: str) -> Bookmark:
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre notatet")) as conn:
            sql = "UPDATE bookmarks SET note = ? WHERE target = ? RETURNING *"
            row = _one(conn.execute(sql, (_text(note), target)))
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

    def merge(self, bookmarks: Iterable[Bookmark]) -> ImportResult:
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
        return ImportResult(added=added, updated=updated, skipped=skipped)


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
                sql = "UPDATE history SET kind = ?, title = ?, opened = ? WHERE id = ? RETURNING *"
                row = _one(conn.execute(sql, (*values, last["id"])))
            else:
                sql = "INSERT INTO history (kind, title, opened, target) VALUES (?, ?, ?, ?) "
                row = _one(conn.execute(sql + "RETURNING *", (*values, target)))
                conn.execute(
                    "DELETE FROM history WHERE id <= "
                    "(SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET ?)",
                    (self.limit,),
                )
        return _value(HistoryEntry, row)

    def list(self, limit: int = 50) -> list[HistoryEntry]:
        """Newest first."""
        rows = self._db.rows("SELECT * FROM history ORDER BY id DESC LIMIT ?", (limit,))
        return [_value(HistoryEntry, r) for r in rows]

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
                "VALUES (?, ?, ?, ?) RETURNING *"
            )
            row = _one(conn.execute(sql, (checklist_id, _text(name), now, now)))
        return _value(ChecklistRun, row)

    def get(self, run_id: int) -> ChecklistRun | None:
        rows = self._db.rows("SELECT * FROM checklist_runs WHERE id = ?", (run_id,))
        return _value(ChecklistRun, rows[0]) if rows else None

    def list(self, checklist_id: str) -> list[ChecklistRun]:
        """In the order they were created."""
        sql = "SELECT * FROM checklist_runs WHERE checklist_id = ? ORDER BY id"
        return [_value(ChecklistRun, r) for r in self._db.rows(sql, (checklist_id,))]

    def rename(self, run_id: int, name: str) -> ChecklistRun:
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "endre navnet")) as conn:
            sql = "UPDATE checklist_runs SET name = ?, updated = ? WHERE id = ? RETURNING *"
            row = _one(conn.execute(sql, (_text(name), _now(), run_id)))
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
        return {r["item_id"]: _value(ItemState, r) for r in self._db.rows(sql, (run_id,))}

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
