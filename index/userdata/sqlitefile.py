"""What the program's own SQLite files (user data, local contacts) share: opened so that a
damaged file or one from a newer program is moved aside with a notice, never deleted;
migrated in one transaction; WAL with synchronous=FULL; every write its own transaction; every
SQLite error turned into a sentence.

Each file says what differs in a ``FileKind``: its name, its migrations and its sentences.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from index.errors import UserDataError
from index.i18n import CONTEXT, QT_TRANSLATE_NOOP
from index.userdata import schema

BUSY_TIMEOUT = 5.0  # seconds another copy of the program may hold the write lock
COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside the database
State = Literal["ok", "damaged", "newer"]


@dataclass(frozen=True)
class Notice:
    """Something the user should be told after opening, e.g. that a damaged file was moved."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)
    moved_to: Path | None = None

    def message(self, translate: Any = None) -> str:
        template = translate(CONTEXT, self.template) if translate else self.template
        return str(template.format(**self.params))


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


def error(action: str, failure: sqlite3.Error, folder: Path) -> UserDataError:
    """Turn an SQLite error into a sentence. ``action`` is a marked phrase: "lagre bokmerket"."""
    code = getattr(failure, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
    cause, template = _CAUSES.get(code, ("other", _OTHER))
    return UserDataError(
        template, cause=cause, action=action, folder=str(folder), reason=str(failure)
    )


def configure(conn: sqlite3.Connection) -> str:
    """Set the journal; return the journal mode in effect.

    WAL lets one copy of the program read while another writes. With WAL, a committed
    transaction is in the -wal file before COMMIT returns, so it survives a killed process even
    with synchronous=NORMAL; FULL also fsyncs the -wal on every commit, so it survives a power
    cut too. Writes here are a person's clicks, a few a minute, so the fsync costs nothing
    anyone notices, and a nurse's ticks are worth it. Should SQLite refuse WAL, it keeps its
    rollback journal, which with FULL is just as durable, only less concurrent.
    """
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
            break
        except sqlite3.OperationalError as error:
            code = error.sqlite_errorcode & 0xFF
            # Turning a new file to WAL needs it to itself, and SQLite does not wait for that
            # (no busy handler): two copies started at once both get here. Wait like it would.
            # The loser of that race can also get a passing I/O error while the winner makes
            # the -shm file (seen on a loaded machine); it is retried the same way, and one
            # that lasts past the deadline is raised as before.
            if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_IOERR) and time.monotonic() < deadline:
                time.sleep(0.01)
                continue
            if code != sqlite3.SQLITE_READONLY:
                raise
            # A write-protected file: open it anyway so the user can read; writes say why not.
            mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
            break
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return mode


def identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def free_name(path: Path, label: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # local time: the user reads it
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 2
    while any(Path(f"{candidate}{s}").exists() for s in ("", *COMPANIONS)):
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
        n += 1
    return candidate


def move_aside(path: Path, label: str) -> Path:
    """Rename the database and its companions to ``<name>.<label>-<time>``; delete nothing.

    The -wal keeps its suffix after the new name, so opening the moved file reads it too.
    """
    aside = free_name(path, label)
    try:
        if path.exists():
            os.rename(path, aside)
        for suffix in COMPANIONS:
            with suppress(FileNotFoundError):  # most are absent; another copy may move one too
                os.rename(f"{path}{suffix}", f"{aside}{suffix}")
    except OSError as failure:
        raise UserDataError(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Filen med brukerdata {path} kan ikke brukes, og den kunne ikke flyttes "
                "til side ({reason}). Lukk andre vinduer av Handbok og prøv igjen.",
            ),
            cause="busy",
            path=str(path),
            reason=failure.strerror or str(failure),
        ) from failure
    return aside


def connect_read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write, nor checkpoint a -wal into the file on closing.
    ``immutable`` also reads a WAL file without its -shm (which only a writer can make)."""
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    uri = f"{path.resolve().as_uri()}?{options}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, check_same_thread=False)


def connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: no implicit transactions; every write opens its own below.
    # check_same_thread=False: the window's loader thread opens (and checks) lokalt.sqlite3,
    # then hands it to the window's thread, which alone uses it from then on.
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    return conn


def one(cursor: sqlite3.Cursor) -> sqlite3.Row | None:
    """The single row of a query, stepped to the end so COMMIT can run."""
    rows = cursor.fetchall()
    return rows[0] if rows else None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def text(value: str) -> str:
    """Strings from Qt may hold surrogates, which UTF-8 (so SQLite) cannot store: a pair
    becomes its character, a lone one U+FFFD."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value


class Db:
    """The connection plus the two ways to use it: a read, or one committed write."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, writable: bool = True, changed: bool = False
    ) -> None:
        self.conn = conn
        self.path = path
        self.writable = writable
        self.changed = changed  # written to (or migrated) since it was opened

    def close(self) -> None:
        """Close, first keeping a copy of the file if it is sound (the last good copy), when
        this program changed it or there is no copy yet. Copying a file nothing was written
        to would copy what the last copy holds, at the cost of reading and writing it whole:
        a second for 100,000 local contacts, after every command-line search."""
        if self.writable and (self.changed or not backup_path(self.path).exists()):
            with suppress(sqlite3.Error):
                if self.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                    keep_copy(self.conn, self.path)
        self.conn.close()

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
            self.changed = True
        except sqlite3.Error as failure:
            self._rollback()
            raise error(action, failure, self.path.parent) from failure
        except BaseException:
            self._rollback()
            raise

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as failure:
            raise error(_READ, failure, self.path.parent) from failure

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            # SQLite may have rolled back by itself (after SQLITE_FULL, for one)
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")


# --- the last good copy --------------------------------------------------------------------

BACKUP_SUFFIX = ".backup"  # beside the file: "userdata.sqlite3.backup"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy through SQLite's backup API, written beside ``target`` and then
    renamed over it, so ``target`` is always either the old file or the whole new one."""
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        dest = sqlite3.connect(temp)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal to carry along
        finally:
            dest.close()
        with open(temp, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temp, target)
    finally:
        with suppress(OSError):
            temp.unlink()


def keep_copy(conn: sqlite3.Connection, path: Path) -> None:
    """Best effort: a full disk or a locked folder leaves the previous copy as it was."""
    with suppress(sqlite3.Error, OSError):
        _copy_database(conn, backup_path(path))


def restore_copy(path: Path, kind: FileKind) -> datetime | None:
    """Put the last good copy in place of a damaged file that has been moved aside; the time
    the copy was made, or None if there is no sound copy of this program's version."""
    copy = backup_path(path)
    try:
        made = datetime.fromtimestamp(copy.stat().st_mtime)
        source = connect_read_only(copy)
    except (OSError, sqlite3.Error):
        return None
    try:
        if inspect(source, kind) != "ok":
            return None
        _copy_database(source, path)
    except (OSError, sqlite3.Error):
        return None
    finally:
        source.close()
    return made


# --- opening -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileKind:
    """What differs between the program's SQLite files."""

    name: str
    migrations: tuple[Callable[[sqlite3.Connection], None], ...]  # [n]: version n to n + 1
    open_action: str  # marked phrase: "åpne brukerdataene"
    damaged_notice: str  # marked sentences with {path}: told after moving the file aside
    newer_notice: str
    newer_in_use: str  # a newer program upgraded the file while this one opened it
    restored_notice: str  # marked sentence with {path} and {time}: the last good copy is back
    read_only_notice: str  # marked sentence with {folder}: the file is shown but not saved to

    @property
    def version(self) -> int:
        return len(self.migrations)


def inspect(conn: sqlite3.Connection, kind: FileKind) -> State:
    """Read the header, check every page and the schema (index.userdata.schema: a crafted
    file with a trigger, a view or a version no migration starts from counts as damaged);
    only reads, so a damaged file keeps its bytes."""
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] > kind.version:
            return "newer"
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            return "damaged"
        return "ok" if schema.is_sound(conn, kind.migrations) else "damaged"
    except sqlite3.DatabaseError as failure:
        code = getattr(failure, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return "damaged"
        raise  # locked, unreadable...: not a reason to move the user's file


def look_at(path: Path, kind: FileKind) -> State | None:
    """Inspect through a read-only connection, which never checkpoints the -wal into the file
    on closing: a file that is moved aside keeps its bytes. None if it cannot be opened so."""
    if not path.exists():
        return "ok"
    try:
        conn = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        return inspect(conn, kind)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def migrate(conn: sqlite3.Connection, kind: FileKind) -> bool:
    """Bring the file to this program's version; whether anything was done."""
    if conn.execute("PRAGMA user_version").fetchone()[0] == kind.version:
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # again, under the lock
        if version > kind.version:  # a newer copy upgraded it a moment ago: leave it alone
            raise UserDataError(kind.newer_in_use, cause="busy")
        for step in kind.migrations[version:]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {kind.version}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True


READ_ONLY = "readonly"  # the journal mode reported for a file opened only to be read


def open_file(folder: Path, kind: FileKind) -> tuple[Db, Notice | None, str]:
    """The file in ``folder``, checked and migrated: (database, notice or None, journal mode).

    A file in a folder Handbok may not write (a locked-down profile, a full quota that IT set
    read-only) is still opened, to be read: the nurse sees her bookmarks, is told once that
    changes cannot be saved, and each save that fails says so. Journal mode is then READ_ONLY.
    """
    try:
        return _open_writable(folder, kind)
    except UserDataError as failure:
        if failure.cause != "readonly":
            raise
        db = _open_read_only(folder / kind.name, kind)
        if db is None:
            raise
    return db, Notice(kind.read_only_notice, {"folder": str(folder)}), READ_ONLY


def _open_read_only(path: Path, kind: FileKind) -> Db | None:
    """The file opened for reading only, or None if it is absent, unreadable, damaged or of
    another version (none of which can be put right without writing)."""
    if not path.exists():
        return None
    # A WAL file needs its -shm, which cannot be made in a read-only folder; "immutable" reads
    # the file as it is, which is right when nothing here can change it either.
    for immutable in (False, True):
        try:
            conn = connect_read_only(path, immutable)
        except sqlite3.Error:
            continue
        db = _reader_if(conn, path, lambda c: inspect(c, kind) == "ok" and _is_version(c, kind))
        if db is not None:
            return db
    return None


def open_to_read(path: Path, kind: FileKind) -> Db | None:
    """The file for a command that only reads it (``handbok search``, ``handbok show``),
    opened without reading every page first; None when it is not plainly this program's
    current, sound-looking file (absent, of another version, a schema the migrations do not
    make, locked), which the caller then opens the ordinary way (``open_file``: checked,
    migrated or moved aside with a sentence).

    Why no integrity check here: it reads the whole file, 0.3 s for 100,000 local contacts,
    on every command. A damaged page still cannot pass for data: SQLite reports it as an
    error in the read that meets it, which the readers turn into no hits or a sentence, and
    the window's next start (``open_file``) checks the file and moves it aside. The schema
    check stays, as it reads sqlite_master only: a view or a trigger of the program's names
    is what could hang or run in a read."""
    try:
        conn = connect_read_only(path)
    except sqlite3.Error:
        return None
    return _reader_if(
        conn, path, lambda c: _is_version(c, kind) and schema.is_sound(c, kind.migrations)
    )


def _is_version(conn: sqlite3.Connection, kind: FileKind) -> bool:
    return bool(conn.execute("PRAGMA user_version").fetchone()[0] == kind.version)


def _reader_if(
    conn: sqlite3.Connection, path: Path, sound: Callable[[sqlite3.Connection], bool]
) -> Db | None:
    """A read-only ``Db`` over ``conn`` if ``sound`` says the file is fit to read; otherwise
    (or if asking fails) the connection is closed and None returned."""
    conn.row_factory = sqlite3.Row
    try:
        if sound(conn):
            conn.isolation_level = None
            return Db(conn, path, writable=False)
    except sqlite3.Error:
        pass
    conn.close()
    return None


def _open_writable(folder: Path, kind: FileKind) -> tuple[Db, Notice | None, str]:
    path = folder / kind.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as failure:
        raise UserDataError(
            QT_TRANSLATE_NOOP(
                "Handbok", "Kunne ikke lage mappen for brukerdata {folder} ({reason})."
            ),
            cause="readonly",
            folder=str(folder),
            reason=failure.strerror or str(failure),
        ) from failure
    notice: Notice | None = None
    for _attempt in range(3):
        if not path.exists() and any(Path(f"{path}{s}").exists() for s in COMPANIONS):
            move_aside(path, "orphan")  # a -wal without its database must not be replayed
        before = identity(path)
        state = look_at(path, kind)
        try:
            conn = connect(path)
        except sqlite3.Error as failure:
            raise error(kind.open_action, failure, folder) from failure
        try:
            if state is None:  # could not look read-only: check on this connection
                state = inspect(conn, kind)
            if state == "ok":
                mode = configure(conn)
                migrated = migrate(conn, kind)
                # No copy here: opening is on the way to the first window, and on a roaming
                # profile a copy and its fsync could cost more than the whole start; the copy
                # is kept when the file is closed.
                return Db(conn, path, changed=migrated), notice, mode
        except sqlite3.Error as failure:
            conn.close()
            raise error(kind.open_action, failure, folder) from failure
        except BaseException:
            conn.close()
            raise
        conn.close()
        if identity(path) != before:
            continue  # another copy replaced the file meanwhile: look at the new one
        moved = move_aside(path, state)
        made = restore_copy(path, kind) if state == "damaged" else None
        if made is not None:
            when = made.strftime("%d.%m.%Y %H:%M")
            notice = Notice(kind.restored_notice, {"path": str(moved), "time": when}, moved)
        else:
            template = kind.newer_notice if state == "newer" else kind.damaged_notice
            notice = Notice(template, {"path": str(moved)}, moved_to=moved)
    raise UserDataError(
        QT_TRANSLATE_NOOP(
            "Handbok", "Filen med brukerdata {path} endres hele tiden av et annet program."
        ),
        cause="busy",
        path=str(path),
    )
