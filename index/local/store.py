"""The local layer: what a municipality adds on top of the national content.

Two sources, both shown beside the national content and marked "lokalt":

- ``LocalStore``: local contacts and local notes that staff enter in the program, in their own
  SQLite file ``lokalt.sqlite3`` in the user's data folder. It follows the rules of
  ``index.userdata.store`` (schema version in ``PRAGMA user_version``, migrations in a transaction,
  WAL with ``synchronous = FULL``, a busy timeout, a damaged or newer file moved aside with a
  notice, every write one transaction, SQLite errors turned into ``UserDataError`` sentences).
- ``load_deployment``: a read-only file ``kommune.yaml`` that IT places beside the program or
  in the machine-wide data folder.

Local contacts are ``index.content.model.Contact`` values, so the app shows them exactly like
national ones. Their ids start with ``lokal-`` and are made from the name when the contact is first
saved (``Frivilligsentralen Hamar`` -> ``lokal-frivilligsentralen-hamar``, then ``-2``, ``-3``
... if taken); renaming a contact keeps its id, so bookmarks to it survive. Phone and SMS
numbers are not checked against ``verified-numbers.yaml`` (that rule is for the national
content) but must look Norwegian: eight digits (``22 40 00 40``, ``412 34 567``) or a short
service number: ``1xx`` (``113``), four or five digits (``1881``, ``02800``) or the
European ``116 xxx`` (``116 123``). ``+47`` is dropped and
a number typed without spaces is grouped as it is dialled.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from index.content.model import Contact
from index.errors import NotFoundError, UserDataError
from index.i18n import QT_TRANSLATE_NOOP
from index.local.draft import (
    ContactDraft,
    check_note,
    clean_text,
    control_in_note,
    empty_note,
    match_key,
    new_id,
    normalise_id,
    valid_contact,
)
from index.local.finder import CREATE_TERMS, TERMS_TABLE, contacts_terms, search_terms
from index.local.rows import contact_or_none
from index.store.contactrow import contact_columns
from index.untrusted import has_control
from index.userdata.sqlitefile import READ_ONLY, FileKind, Notice, open_file, open_to_read
from index.userdata.sqlitefile import Db as _Db
from index.userdata.sqlitefile import now as _now
from index.userdata.sqlitefile import one as _one

FILE_NAME = "lokalt.sqlite3"
PROGRESS_EVERY = 1000  # contacts between two calls of a merge's progress callback
MergeOutcome = Literal["added", "updated", "unchanged"]
Merged = tuple[MergeOutcome, Contact]


@dataclass(frozen=True, slots=True)
class LocalNote:
    """A note staff wrote to a section of the guidance ("artikkel-id#anker")."""

    id: int
    section_id: str
    text: str
    created: datetime  # UTC
    updated: datetime  # UTC


# --- the SQLite file -----------------------------------------------------------------------


def _v1(conn: sqlite3.Connection) -> None:
    for sql in (
        """CREATE TABLE contacts (
               id TEXT PRIMARY KEY,
               name TEXT NOT NULL,
               organisation TEXT NOT NULL DEFAULT '',
               category TEXT NOT NULL,
               audience TEXT NOT NULL DEFAULT '[]',
               channels TEXT NOT NULL DEFAULT '[]',
               hours TEXT,
               region TEXT NOT NULL DEFAULT 'lokal',
               address TEXT NOT NULL DEFAULT '',
               description TEXT NOT NULL DEFAULT '',
               source TEXT NOT NULL DEFAULT '',
               verified TEXT NOT NULL,
               created TEXT NOT NULL,
               updated TEXT NOT NULL)""",
        """CREATE TABLE notes (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               section_id TEXT NOT NULL,
               text TEXT NOT NULL,
               created TEXT NOT NULL,
               updated TEXT NOT NULL)""",
        "CREATE INDEX notes_section ON notes (section_id, id)",
    ):
        conn.execute(sql)


def _v2(conn: sqlite3.Connection) -> None:
    """The contacts' search terms (index.local.finder), for the contacts already saved."""
    conn.execute(CREATE_TERMS)
    rows = conn.execute("SELECT rowid AS row_id, * FROM contacts").fetchall()
    saved = [(r[0], c) for r in rows if (c := contact_or_none(r)) is not None]
    conn.executemany(_TERMS_INSERT, contacts_terms(saved))


# MIGRATIONS[n] takes a database from version n to n + 1. Append, never edit a released step.
MIGRATIONS = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)

_DAMAGED_NOTICE = QT_TRANSLATE_NOOP(
    "Handbok",
    "Filen med lokale kontakter og notater var skadet og kunne ikke brukes. "
    "Den er tatt vare på som {path}, og Handbok har laget en ny, tom fil.",
)
_NEWER_NOTICE = QT_TRANSLATE_NOOP(
    "Handbok",
    "Filen med lokale kontakter og notater er lagret av en nyere versjon av Handbok. "
    "Den er tatt vare på som {path}, og denne versjonen har laget en ny, tom fil.",
)
# Said by a command that opened the file only to read it (LocalStore.open_to_read) and met a
# damaged page: the window's next start checks the file and moves it aside.
DAMAGED_WHILE_READING = QT_TRANSLATE_NOOP(
    "Handbok",
    "Filen med lokale kontakter ser ut til å være skadet, så lokale treff kan mangle. Start "
    "Handbok, så tas filen vare på og den siste gode kopien hentes fram.",
)
LOCAL_FILE = FileKind(
    name=FILE_NAME,
    migrations=MIGRATIONS,
    open_action=QT_TRANSLATE_NOOP("Handbok", "åpne de lokale kontaktene"),
    damaged_notice=_DAMAGED_NOTICE,
    newer_notice=_NEWER_NOTICE,
    newer_in_use=QT_TRANSLATE_NOOP(
        "Handbok",
        "En nyere versjon av Handbok bruker filen med lokale kontakter. "
        "Lukk den før du åpner denne versjonen.",
    ),
    restored_notice=QT_TRANSLATE_NOOP(
        "Handbok",
        "Filen med lokale kontakter og notater var skadet. "
        "Handbok har hentet fram den siste gode kopien, fra {time}; det som ble lagret etter "
        "det, kan mangle. Den skadde filen er tatt vare på som {path}.",
    ),
    read_only_notice=QT_TRANSLATE_NOOP(
        "Handbok",
        "Handbok får ikke skrive i mappen {folder}. Du ser de lokale kontaktene og notatene "
        "som er lagret der, men endringer kan ikke lagres.",
    ),
)


def _note(row: sqlite3.Row | None) -> LocalNote:
    note = _note_or_none(row)
    if note is None:
        raise _unreadable()
    return note


def _note_or_none(row: sqlite3.Row | None) -> LocalNote | None:
    """The note in ``row``, or None if the file holds something this program never writes
    (a crafted file, a half-damaged one): that row is hidden, the others are shown."""
    if row is None:
        return None
    try:
        if not (isinstance(row["id"], int) and isinstance(row["section_id"], str)):
            return None
        if not isinstance(row["text"], str) or has_control(row["text"]):
            return None
        return LocalNote(
            id=row["id"],
            section_id=row["section_id"],
            text=row["text"],
            created=datetime.fromisoformat(row["created"]),
            updated=datetime.fromisoformat(row["updated"]),
        )
    except (ValueError, TypeError, IndexError, KeyError):
        return None


def _unreadable() -> UserDataError:
    return UserDataError(
        QT_TRANSLATE_NOOP(
            "Handbok",
            "Det som ble lagret, kan ikke leses tilbake: filen med lokale kontakter ser ikke ut "
            "som Handboks egen. Start Handbok på nytt, så tas den vare på og en ny fil lages.",
        ),
        cause="damaged",
    )


# Æ, Ø, Å come after Z, above every other letter; ä and ö sort as æ and ø.
_LAST = {"æ": "\U000ffff1", "ä": "\U000ffff1", "ø": "\U000ffff2", "ö": "\U000ffff2"}
_ALPHABET = str.maketrans({**_LAST, "å": "\U000ffff3"})


def collate(text: str) -> str:
    """A key that sorts text as a Norwegian reader expects: é with e, æ ø å after z."""
    if text.isascii():  # most names: nothing to fold (and a list may hold 100,000 of them)
        return text.casefold()
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_ALPHABET))
    return "".join(c for c in folded if not unicodedata.combining(c))


def sort_key(contact: Contact) -> tuple[str, str, str]:
    """Norwegian alphabetical order of name, then organisation."""
    return (collate(contact.name), collate(contact.organisation), contact.id)


class LocalStore:
    """``lokalt.sqlite3``, open. ``notice`` is set when a bad file was moved aside.

    ``reserved_ids``: ids new contacts must not get (those of ``kommune.yaml``).
    Use one ``LocalStore`` per thread.
    """

    def __init__(
        self, db: _Db, notice: Notice | None, journal_mode: str, reserved_ids: Collection[str]
    ) -> None:
        self._db = db
        self.path = db.path
        self.notice = notice
        self.journal_mode = journal_mode
        self.contacts = LocalContacts(db, frozenset(reserved_ids))
        self.notes = LocalNotes(db)

    @classmethod
    def open(cls, folder: str | Path, reserved_ids: Collection[str] = ()) -> LocalStore:
        db, notice, mode = open_file(Path(folder), LOCAL_FILE)
        return cls(db, notice, mode, reserved_ids)

    @classmethod
    def open_to_read(
        cls, folder: str | Path, reserved_ids: Collection[str] = ()
    ) -> LocalStore | None:
        """For a command that only reads (``handbok search``, ``handbok show``): the file as
        it is, without the whole-file check of ``open`` (``sqlitefile.open_to_read`` says
        why that is safe); None when there is no file (nothing to read, and nothing made).
        A file that is not plainly sound and current is opened as ``open`` opens it."""
        path = Path(folder) / FILE_NAME
        if not path.exists():
            return None
        db = open_to_read(path, LOCAL_FILE)
        if db is None:
            return cls.open(folder, reserved_ids)
        return cls(db, None, READ_ONLY, reserved_ids)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_COLUMNS = (
    "id", "name", "organisation", "category", "audience", "channels", "hours", "region",
    "address", "description", "source", "verified",
)  # fmt: skip
_INSERT = (
    f"INSERT INTO contacts ({', '.join(_COLUMNS)}, created, updated) "
    f"VALUES ({', '.join(':' + c for c in _COLUMNS)}, :now, :now)"
)
_UPDATE = (
    f"UPDATE contacts SET {', '.join(f'{c} = :{c}' for c in _COLUMNS[1:])}, updated = :now "
    "WHERE id = :id"
)
_TERMS_INSERT = f"INSERT INTO {TERMS_TABLE} (rowid, terms) VALUES (?, ?)"
_TERMS_DELETE = f"DELETE FROM {TERMS_TABLE} WHERE rowid = ?"


def _insert(conn: sqlite3.Connection, contact: Contact, now: str) -> None:
    """The contact and its search terms, in the caller's transaction."""
    rowid = conn.execute(_INSERT, {**contact_columns(contact), "now": now}).lastrowid
    conn.execute(_TERMS_INSERT, (rowid, search_terms(contact)))


_INSERT_WITH_ROWID = _INSERT.replace("(id, ", "(rowid, id, ").replace("(:id, ", "(:rowid, :id, ")
_LAST_ROWID = (
    "SELECT max(coalesce((SELECT max(rowid) FROM contacts), 0), "
    f"coalesce((SELECT rowid FROM {TERMS_TABLE} ORDER BY rowid DESC LIMIT 1), 0))"
)


def _insert_all(conn: sqlite3.Connection, contacts: list[Contact], now: str) -> None:
    """New contacts and their search terms, in two statements (an import's thousands of rows
    one by one were a fifth of its time), in the caller's transaction. Each gets a rowid past
    every one in use in either table, as SQLite itself would give it."""
    if not contacts:
        return
    first = int(_one(conn.execute(_LAST_ROWID))[0]) + 1  # type: ignore[index]
    conn.executemany(
        _INSERT_WITH_ROWID,
        ({**contact_columns(c), "now": now, "rowid": first + n} for n, c in enumerate(contacts)),
    )
    conn.executemany(_TERMS_INSERT, ((first + n, search_terms(c)) for n, c in enumerate(contacts)))


def _update(conn: sqlite3.Connection, contact: Contact, now: str) -> None:
    conn.execute(_UPDATE, {**contact_columns(contact), "now": now})
    row = _one(conn.execute("SELECT rowid FROM contacts WHERE id = ?", (contact.id,)))
    if row is not None:
        conn.execute(_TERMS_DELETE, (row[0],))
        conn.execute(_TERMS_INSERT, (row[0], search_terms(contact)))


class LocalContacts:
    """Contacts staff add for their municipality; read and written as ``Contact`` values."""

    def __init__(self, db: _Db, reserved: frozenset[str]) -> None:
        self._db = db
        self.reserved = reserved

    def add(self, draft: ContactDraft) -> Contact:
        """Check and save a new contact; raise LocalValidationError with the first problem."""
        contact = valid_contact(draft)
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre kontakten")) as conn:
            taken = {r[0] for r in conn.execute("SELECT id FROM contacts")} | self.reserved
            contact = replace(contact, id=new_id(contact.name, taken))
            _insert(conn, contact, _now())
        return contact

    def update(self, contact_id: str, draft: ContactDraft) -> Contact:
        """Replace what is saved for ``contact_id``; its id stays, whatever the new name."""
        contact = valid_contact(draft)
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre kontakten")) as conn:
            old = _one(conn.execute("SELECT verified FROM contacts WHERE id = ?", (contact_id,)))
            if old is None:
                raise _contact_gone(contact_id)
            verified = draft.verified or date.fromisoformat(old["verified"])
            contact = replace(contact, id=contact_id, verified=verified)
            _update(conn, contact, _now())
        return contact

    def delete(self, contact_id: str) -> bool:
        """Remove the contact; False if there was none."""
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "slette kontakten")) as conn:
            row = _one(conn.execute("SELECT rowid FROM contacts WHERE id = ?", (contact_id,)))
            if row is not None:
                conn.execute(_TERMS_DELETE, (row[0],))
            deleted = conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,)).rowcount
        return deleted > 0

    def get(self, contact_id: str) -> Contact | None:
        rows = self._db.rows("SELECT * FROM contacts WHERE id = ?", (contact_id,))
        return contact_or_none(rows[0]) if rows else None

    def merge(
        self,
        items: Iterable[tuple[str, ContactDraft]],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Merged]:
        """Import ``(id or "", draft)`` pairs in one transaction: all or nothing.

        Each is matched to a saved contact by id (in any spelling ``normalise_id`` accepts),
        else by name and organisation (``match_key``). A match is updated (its id kept, and its
        date checked kept when the draft has none) unless nothing changed; anything else is
        added, with the given id if it is free, else one made from the name. Earlier items
        count as saved for later ones, so one file never adds the same contact twice. A row
        with an id is not matched by name to a contact that another row names by its id: two
        contacts of the same name (an export holds both) stay two.
        A draft with a problem raises LocalValidationError and nothing is saved.
        ``progress(done, total)`` is called every PROGRESS_EVERY items while they are saved.
        """
        return self.merge_checked(
            ((ident, draft, valid_contact(draft)) for ident, draft in items), progress
        )

    def merge_checked(
        self,
        items: Iterable[tuple[str, ContactDraft, Contact]],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Merged]:
        """``merge`` for drafts already checked: each with the contact ``valid_contact``
        made of it (a CSV import has checked every row once already)."""
        checked = [(normalise_id(ident), draft, contact) for ident, draft, contact in items]
        named = {ident for ident, _draft, _contact in checked if ident}
        outcomes: list[Merged] = []
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "importere kontaktene")) as conn:
            rows = conn.execute("SELECT * FROM contacts").fetchall()
            unreadable = {str(r["id"]) for r in rows}  # their ids stay taken all the same
            saved = {c.id: c for r in rows if (c := contact_or_none(r)) is not None}
            unreadable -= saved.keys()
            # Every id in use, kept up to date as contacts are added: building it again for
            # each new contact made an import of 100,000 rows quadratic.
            taken = saved.keys() | self.reserved | unreadable
            by_key: dict[tuple[str, str], str] = {}
            for c in sorted(saved.values(), key=sort_key):
                by_key.setdefault(match_key(c.name, c.organisation), c.id)
            now = _now()  # one transaction: saved at one time
            # New contacts are written a thousand at a time (_insert_all), and before any
            # update, which may be of a contact added by an earlier row of the same file.
            new_ones: list[Contact] = []
            for number, (ident, draft, contact) in enumerate(checked, start=1):
                if progress is not None and number % PROGRESS_EVERY == 0:
                    _insert_all(conn, new_ones, now)
                    new_ones.clear()
                    progress(number, len(checked))
                key = match_key(contact.name, contact.organisation)
                target = ident if ident in saved else by_key.get(key)
                if ident and target is not None and target != ident and target in named:
                    target = None
                if target is not None:
                    old = saved[target]
                    new = replace(contact, id=target, verified=draft.verified or old.verified)
                    if new == old:
                        outcomes.append(("unchanged", old))
                        continue
                    _insert_all(conn, new_ones, now)
                    new_ones.clear()
                    _update(conn, new, now)
                    outcomes.append(("updated", new))
                else:
                    free = ident and ident not in taken
                    new = replace(contact, id=ident if free else new_id(contact.name, taken))
                    new_ones.append(new)
                    outcomes.append(("added", new))
                saved[new.id] = new
                taken.add(new.id)
                by_key.setdefault(key, new.id)
            _insert_all(conn, new_ones, now)
        return outcomes

    def list(self) -> list[Contact]:
        """In Norwegian alphabetical order of name, then organisation."""
        rows = self._db.rows("SELECT * FROM contacts")
        return sorted((c for r in rows if (c := contact_or_none(r)) is not None), key=sort_key)


def _contact_gone(contact_id: str) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP(
            "Handbok",
            "Kontakten «{id}» finnes ikke lenger. Den kan være slettet i et annet vindu.",
        ),
        id=contact_id,
    )


class LocalNotes:
    """Notes staff attach to a section of the guidance ("artikkel-id#anker")."""

    def __init__(self, db: _Db) -> None:
        self._db = db

    def add(self, section_id: str, text: str) -> LocalNote:
        text = check_note(section_id, text)
        now = _now()
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre notatet")) as conn:
            # Read back, not ``RETURNING *``: that needs SQLite 3.35, older than some Pythons'.
            sql = "INSERT INTO notes (section_id, text, created, updated) VALUES (?, ?, ?, ?)"
            added = conn.execute(sql, (section_id, text, now, now)).lastrowid
            row = _one(conn.execute("SELECT * FROM notes WHERE id = ?", (added,)))
        return _note(row)

    def update(self, note_id: int, text: str) -> LocalNote:
        cleaned = clean_text(text)
        if not cleaned:
            raise empty_note()
        if has_control(cleaned):
            raise control_in_note()
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre notatet")) as conn:
            sql = "UPDATE notes SET text = ?, updated = ? WHERE id = ?"
            conn.execute(sql, (cleaned, _now(), note_id))
            row = _one(conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)))
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "Handbok", "Notatet finnes ikke lenger. Det kan være slettet i et annet vindu."
                )
            )
        return _note(row)

    def delete(self, note_id: int) -> bool:
        """Remove the note; False if there was none."""
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "slette notatet")) as conn:
            deleted = conn.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount
        return deleted > 0

    def get(self, note_id: int) -> LocalNote | None:
        rows = self._db.rows("SELECT * FROM notes WHERE id = ?", (note_id,))
        return _note_or_none(rows[0]) if rows else None

    def list_for(self, section_id: str) -> list[LocalNote]:
        """The notes on one section, oldest first."""
        sql = "SELECT * FROM notes WHERE section_id = ? ORDER BY id"
        return [n for r in self._db.rows(sql, (section_id,)) if (n := _note_or_none(r))]

    def list_all(self) -> list[LocalNote]:
        """Every note, by section id, oldest first within a section."""
        rows = self._db.rows("SELECT * FROM notes ORDER BY section_id, id")
        return [n for r in rows if (n := _note_or_none(r))]
