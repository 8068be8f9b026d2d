"""The contact list as pages, however many contacts the staff have saved.

A municipality may import its whole phone list: 100,000 contacts. Reading them all to show the
contact list took 3 s, on the window's thread, at every start and after every change; the list
shows 100 cards at most anyway. So the list asks for a page: the first ``limit`` contacts that
pass its filters, in the list's order, and how many pass. The few contacts at hand (the
national ones and kommune.yaml's, tens) are filtered here in Python; the staff's own are
filtered by SQL in lokalt.sqlite3, and only the rows the page shows are read whole.

The window asks from a thread of its own (``desktop.windows.background``), so each thread
reads through a read-only connection of its own, as ``index.local.finder`` does.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path

from index.content.hours import OpeningHours, parse_hours
from index.content.model import Contact
from index.local.readers import ThreadReaders
from index.local.rows import contact_or_none
from index.local.store import collate

LINE_TYPES = ("telefon", "chat", "sms")  # the channels "åpen nå" is about
SORT_RUN = 4096  # keys sorted at once: a few milliseconds holding the interpreter


@dataclass(frozen=True, slots=True)
class ContactFilter:
    """The contact list's filters; None (or False) lets every contact through."""

    category: str | None = None
    audience: str | None = None
    channel: str | None = None
    region: str | None = None
    open_now: bool = False


@dataclass(frozen=True, slots=True)
class ContactPage:
    """The first contacts that pass the filters, in the list's order; how many pass in all;
    and every region any contact is in (the region filter's choices)."""

    contacts: tuple[Contact, ...]
    total: int
    regions: tuple[str, ...]


def lines_open(contact: Contact, now: datetime) -> list[bool]:
    """For each phone, chat and SMS line with known hours: whether it is open at ``now``."""
    return [
        hours.is_open(now)
        for channel in contact.channels
        if channel.type in LINE_TYPES and (hours := contact.channel_hours(channel)) is not None
    ]


def passes(contact: Contact, chosen: ContactFilter, now: datetime) -> bool:
    if chosen.category and contact.category != chosen.category:
        return False
    if chosen.audience and chosen.audience not in contact.audience:
        return False
    if chosen.channel and not any(c.type == chosen.channel for c in contact.channels):
        return False
    if chosen.region and contact.region != chosen.region:
        return False
    return not chosen.open_now or any(lines_open(contact, now))


@lru_cache(maxsize=4096)
def _hours(written: str) -> OpeningHours | None:
    """Hours from their JSON, remembered: 100,000 contacts say the same few hours."""
    spec = json.loads(written)
    return parse_hours(spec) if spec else None


@lru_cache(maxsize=8192)
def _open(written: str, minute: datetime) -> bool:
    hours = _hours(written)
    return hours is not None and hours.is_open(minute)


class OwnListing:
    """The staff's own contacts in lokalt.sqlite3, filtered and counted in the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._readers = ThreadReaders(path)
        self._local = threading.local()  # each thread's cached order of the contacts

    def page(
        self, chosen: ContactFilter, now: datetime, limit: int
    ) -> tuple[list[Contact], int, list[str]]:
        """The first ``limit`` that pass, in Norwegian alphabetical order; how many pass;
        the regions. Nothing (no file yet, or one being replaced) reads as no contacts."""
        try:
            return self._page(self._readers.conn(), chosen, now, limit)
        except sqlite3.Error:
            return [], 0, []

    def _page(
        self, conn: sqlite3.Connection, chosen: ContactFilter, now: datetime, limit: int
    ) -> tuple[list[Contact], int, list[str]]:
        order, regions = self._order(conn)
        where, params = _where(chosen)
        if where or chosen.open_now:
            sql = f"SELECT rowid FROM contacts WHERE {where or '1'}"
            passing = {r[0] for r in conn.execute(sql, params)}
            if chosen.open_now:
                passing &= self._open_rows(conn, now)
            total = len(passing)
            wanted = list(islice((n for n in order if n in passing), limit))
        else:
            total, wanted = len(order), order[:limit]
        marks = ", ".join("?" * len(wanted))
        read = conn.execute(
            f"SELECT rowid AS row_id, * FROM contacts WHERE rowid IN ({marks})", wanted
        )
        by_row = {r["row_id"]: c for r in read if (c := contact_or_none(r)) is not None}
        contacts = [by_row[n] for n in wanted if n in by_row]
        total -= len(wanted) - len(contacts)  # a row with a bad value is hidden, not counted
        return contacts, total, regions

    def _order(self, conn: sqlite3.Connection) -> tuple[list[int], list[str]]:
        """Every row id in the list's order (Norwegian alphabetical order of name, then
        organisation, as ``store.sort_key``), and the regions, remembered until the file
        changes: most pages are then a walk down it that stops after ``limit``."""
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        known: tuple[int, list[int], list[str]] | None = getattr(self._local, "order", None)
        if known is not None and known[0] == version:
            return known[1], known[2]
        cursor = conn.cursor()
        cursor.row_factory = None  # plain tuples: a third of the time for 100,000 rows
        rows = cursor.execute("SELECT name, organisation, id, rowid FROM contacts")
        # Row by row in Python and sorted in short runs, never one long C call (one sort of
        # 100,000 keys holds the interpreter for 50 ms): the window's thread gets its turns.
        keys = [(_key(n), _key(o), str(i), r) for n, o, i, r in rows]
        runs = [sorted(keys[n : n + SORT_RUN]) for n in range(0, len(keys), SORT_RUN)]
        order = [key[3] for key in heapq.merge(*runs)]
        regions = [r[0] for r in conn.execute("SELECT DISTINCT region FROM contacts")]
        self._local.order = (version, order, [r for r in regions if isinstance(r, str)])
        return order, self._local.order[2]

    def _open_rows(self, conn: sqlite3.Connection, now: datetime) -> set[int]:
        """The rows with a line open at ``now``: each line's hours (its own, else the
        contact's) judged once for all the contacts that share them."""
        minute = now.replace(second=0, microsecond=0)
        lines = conn.execute(
            # A line's own hours as JSON text, else the contact's (JSON text too). Written
            # with json_quote(json_extract()), not ``->`` (SQLite 3.38+), so an older SQLite
            # in a Python on a municipal PC runs it: json_quote keeps an object or a list as
            # its JSON, quotes a string, and turns JSON null or no hours at all into 'null'.
            "SELECT c.rowid, "
            "coalesce(nullif(json_quote(json_extract(line.value, '$.hours')), 'null'), c.hours) "
            f"FROM contacts AS c, json_each({_json_or('c.channels', '[]')}) AS line "
            f"WHERE json_extract(line.value, '$.type') IN ({', '.join('?' * len(LINE_TYPES))})",
            LINE_TYPES,
        )
        found = set()
        for row_id, written in lines:
            if isinstance(written, str) and row_id not in found:
                try:
                    if _open(written, minute):
                        found.add(row_id)
                except (ValueError, TypeError, KeyError, AttributeError):
                    continue  # hours this program never writes: that contact is not open
        return found

    def region_counts(self, leave_out: Collection[str]) -> dict[str, int]:
        """How many contacts each region has, but those in ``leave_out``."""
        marks = ", ".join("?" * len(leave_out))
        sql = f"SELECT region, count(*) FROM contacts WHERE region NOT IN ({marks}) GROUP BY region"
        try:
            rows = self._readers.conn().execute(sql, tuple(leave_out)).fetchall()
        except sqlite3.Error:
            return {}
        return {r: n for r, n in rows if isinstance(r, str)}

    def close(self) -> None:
        self._readers.close()
        self._local = threading.local()


def _key(text: object) -> str:
    """A name's sort key; a value this program never writes (a crafted file) sorts first,
    and its row is hidden when it is read (``contact_or_none``), never the whole list."""
    return collate(text) if isinstance(text, str) else ""


def _json_or(column: str, empty: str) -> str:
    """``column`` if it holds JSON, else ``empty``: json_each fails the whole query on one
    row's bad JSON, and a bad value must hide its own row only."""
    return f"(CASE WHEN json_valid({column}) THEN {column} ELSE '{empty}' END)"


def _where(chosen: ContactFilter) -> tuple[str, list[str]]:
    """The SQL for every filter but "åpen nå" (empty when there is none), and its values."""
    clauses: list[str] = []
    params: list[str] = []
    if chosen.category:
        clauses.append("category = ?")
        params.append(chosen.category)
    if chosen.region:
        clauses.append("region = ?")
        params.append(chosen.region)
    if chosen.audience:
        clauses.append(
            f"EXISTS (SELECT 1 FROM json_each({_json_or('contacts.audience', '[]')}) "
            "WHERE value = ?)"
        )
        params.append(chosen.audience)
    if chosen.channel:
        clauses.append(
            f"EXISTS (SELECT 1 FROM json_each({_json_or('contacts.channels', '[]')}) "
            "WHERE json_extract(value, '$.type') = ?)"
        )
        params.append(chosen.channel)
    return " AND ".join(clauses), params


def page(
    few: Sequence[Contact],
    own: OwnListing | None,
    chosen: ContactFilter,
    now: datetime,
    limit: int,
) -> ContactPage:
    """The few contacts at hand first (in their order), then the staff's own; ``limit`` of
    them at most, and how many pass in all."""
    at_hand = [c for c in few if passes(c, chosen, now)]
    seen = {c.id for c in few}
    regions = {c.region for c in few}
    own_contacts: list[Contact] = []
    own_total = 0
    if own is not None:
        own_contacts, own_total, own_regions = own.page(chosen, now, max(limit - len(at_hand), 0))
        regions.update(own_regions)
        # An id kommune.yaml holds is kommune.yaml's (LocalLayer.contacts does the same).
        own_contacts = [c for c in own_contacts if c.id not in seen]
    return ContactPage(
        contacts=tuple([*at_hand, *own_contacts][:limit]),
        total=len(at_hand) + own_total,
        regions=tuple(sorted(regions)),
    )
