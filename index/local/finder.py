"""Search over the staff's own local contacts, however many there are.

A municipality may import its whole phone list: 100,000 contacts. An index built in memory
from all of them took 40 s and 725 MB on every start and every command-line search, so the
contacts' search terms live in lokalt.sqlite3 itself: an FTS5 table (``contact_terms``,
rowid = the contact's rowid) written in the same transaction as the contact, by
``index.local.store``. A search reads only the rows it finds.

The terms are the national search's query terms of the contact's text (lower case, å/ø/æ
folded, stop words out, Snowball stems) and its numbers as digits, and a query matches each
of its terms as a prefix: ``turgr`` finds ``turgruppe``, ``22400040`` finds ``22 40 00 40``.
Compound parts are not split out as the national index does (that needs the national
vocabulary at every save); ``gruppe`` finds ``gruppe`` and ``grupper``, not ``turgruppe``.

Searches run on the window's search thread, so each thread reads through a connection of its
own (WAL lets it read while the window's thread writes).
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from index.content.model import LABELS, Contact
from index.local.readers import ThreadReaders
from index.local.rows import contact_or_none
from index.search.ranking import ContactFacts

TERMS_TABLE = "contact_terms"
# Tokens are written already folded and stemmed (search_terms); the tokenizer only splits them.
_TOKENIZER = "unicode61 remove_diacritics 0"
CREATE_TERMS = f"CREATE VIRTUAL TABLE {TERMS_TABLE} USING fts5(terms, tokenize = '{_TOKENIZER}')"
SNIPPET_CHARS = 160
_DIGITS = re.compile(r"\D")


_WORD = re.compile(r"\w+")
_HAS_DIGIT = re.compile(r"\d")


def terms_of(text: str) -> list[str]:
    """The national search's query chain (analysis.query_analyzer: lower case, folded, stop
    words out, stemmed), without Whoosh's token objects: a tenth of the time, which counts
    at 100,000 contacts. The same function reads a query, so both sides always agree."""
    found = []
    for word in _WORD.findall(text.lower()):
        # A word with digits (a number, an address, a name with a number) has no Norwegian
        # ending to take off, and is most often new: not worth remembering.
        term = word if word.isascii() and _HAS_DIGIT.search(word) else _term(word)
        if term:
            found.append(term)
    return found


@lru_cache(maxsize=100_000)
def _term(word: str) -> str:
    """One lower-case word as a term, "" for a stop word; remembered, as the words of a list
    of contacts come again and again (one look-up instead of folding, the stop words and the
    stemmer's own memory)."""
    from index.search.analysis import STOP_WORDS, fold, stem  # not at start-up

    folded = word if word.isascii() else fold(word)
    if folded in STOP_WORDS:
        return ""
    return folded if _HAS_DIGIT.search(folded) else stem(folded)


def search_terms(contact: Contact) -> str:
    """What a contact is found by, as FTS5 tokens."""
    text = " ".join(
        (
            contact.name, contact.organisation, contact.description, contact.address,
            contact.region, LABELS.get(contact.category, contact.category),
            contact.category, *contact.audience,
            *(f"{c.value} {c.note}" for c in contact.channels),
        )
    )  # fmt: skip
    words = terms_of(text)
    numbers = [_DIGITS.sub("", c.value) for c in contact.channels if c.type in ("telefon", "sms")]
    return " ".join(dict.fromkeys([*words, *(n for n in numbers if n)]))


def match_query(text: str, every_word: bool = True) -> str | None:
    """The FTS5 query for what the user typed: each term as a prefix, all of them (or any),
    or None when nothing searchable is left. Terms are ``\\w`` only, so quoting is safe."""
    terms = list(dict.fromkeys(t for t in terms_of(text) if t))
    if not terms:
        return None
    return (" AND " if every_word else " OR ").join(f'"{t}"*' for t in terms)


def facts_of(contact: Contact) -> ContactFacts:
    from index.search import fulltext

    return ContactFacts.parse(fulltext.contact_facets(contact), fulltext.line_hours(contact))


def snippet(contact: Contact) -> str:
    """The hit's snippet, escaped HTML as the search's own: the description, shortened."""
    text = " ".join(contact.description.split())
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(text)


# The best rows first, then only those read from the contacts: joined before the limit, every
# match's whole contact was read and sorted (a term in 6,000 of 100,000 contacts: 6,000 rows
# read for 10 shown, two to four times the time). Equal scores in rowid order.
_FIND = (
    f"SELECT c.*, best.score FROM (SELECT rowid, -bm25({TERMS_TABLE}) AS score "
    f"FROM {TERMS_TABLE} WHERE {TERMS_TABLE} MATCH ? ORDER BY bm25({TERMS_TABLE}), rowid "
    "LIMIT ?) AS best JOIN contacts AS c ON c.rowid = best.rowid "
    "ORDER BY best.score DESC, best.rowid"
)


class OwnContacts:
    """The staff's own contacts as search sees them: found through ``contact_terms``, read
    one by one, through a read-only connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # A read met a damaged page: the file was opened to be read only, without checking
        # every page (LocalStore.open_to_read), so the one who asked is told (the CLI).
        self.damaged = False
        self._readers = ThreadReaders(path)

    def find(self, text: str, limit: int) -> tuple[list[tuple[Contact, float]], bool]:
        """The best ``limit`` contacts for ``text`` with their scores, and whether they had
        only some of its words (no contact had them all)."""
        for every_word in (True, False):
            query = match_query(text, every_word)
            if query is None:
                return [], False
            try:
                rows = self._readers.conn().execute(_FIND, (query, limit)).fetchall()
            except sqlite3.Error as error:
                self._note(error)
                return [], False  # no file yet, or one being replaced: no local hits now
            found = [(c, float(r["score"])) for r in rows if (c := contact_or_none(r))]
            if found:
                return found, not every_word
        return [], False

    def get(self, ident: str) -> Contact | None:
        try:
            rows = (
                self._readers.conn()
                .execute("SELECT * FROM contacts WHERE id = ?", (ident,))
                .fetchall()
            )
        except sqlite3.Error as error:
            self._note(error)
            return None
        return contact_or_none(rows[0]) if rows else None

    def _note(self, error: sqlite3.Error) -> None:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            self.damaged = True

    def close(self) -> None:
        """Every thread's connection (the search thread has stopped by now)."""
        self._readers.close()


def hit_fields(contact: Contact, now: datetime) -> dict[str, object]:
    """A SearchHit's contact fields for one of the staff's own contacts."""
    from index.search import fulltext
    from index.search.hits import open_now

    return {
        "phone": fulltext.main_phone(contact),
        "open_now": open_now(fulltext.line_hours(contact), now),
        "category": contact.category,
        "parent_title": contact.organisation,
    }


def contacts_terms(contacts: Iterable[tuple[int, Contact]]) -> list[tuple[int, str]]:
    """(rowid, terms) for writing many at once."""
    return [(rowid, search_terms(contact)) for rowid, contact in contacts]
