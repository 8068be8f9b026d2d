"""A contact as read back from lokalt.sqlite3, or nothing: a crafted or half-damaged file's
bad value hides its own row only (the others are shown), and never reaches a widget."""

from __future__ import annotations

import sqlite3

from index.content.model import Contact
from index.local.draft import normalise_id
from index.store.contactrow import contact_from_row
from index.untrusted import has_control


def contact_or_none(row: sqlite3.Row) -> Contact | None:
    """The contact in ``row``, or None (hidden) if a value is not one this program writes:
    JSON that does not parse, hours that cannot be read, a number where text belongs, a
    control character."""
    try:
        contact = contact_from_row(row)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None  # HoursError and json's errors are ValueErrors
    texts = [
        contact.id, contact.name, contact.organisation, contact.category, contact.region,
        contact.address, contact.description, contact.source, *contact.audience,
        *(t for c in contact.channels for t in (c.type, c.value, c.note)),
    ]  # fmt: skip
    # One search over them all: a line break is no control character here (has_control).
    if not all(isinstance(t, str) for t in texts) or has_control("\n".join(texts)):
        return None
    # Only ids the program gives local contacts: one like a national contact's would stand in
    # for it (and its verified number) wherever the id is looked up.
    return contact if normalise_id(contact.id) == contact.id else None
