"""A ``Contact`` as a row of a SQLite table, and back. The content store and the local
contacts keep contacts in the same columns, so both write and read them here."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from functools import lru_cache
from typing import Any

from index.content.hours import OpeningHours, parse_hours
from index.content.model import Channel, Contact

# json.dumps(..., ensure_ascii=False) as one encoder: dumps makes a new one for each call
# with an option, three times a contact (an import writes 100,000).
_json = json.JSONEncoder(ensure_ascii=False).encode


def contact_columns(contact: Contact) -> dict[str, Any]:
    """The columns both tables share; lists and opening hours as JSON, hours NULL if unknown."""
    return {
        "id": contact.id,
        "name": contact.name,
        "organisation": contact.organisation,
        "category": contact.category,
        "audience": _json(contact.audience),
        "channels": _json(
            [
                {
                    "type": c.type,
                    "value": c.value,
                    "note": c.note,
                    "hours": c.hours.spec() if c.hours else None,
                }
                for c in contact.channels
            ]
        ),
        "hours": _hours_json(contact.hours) if contact.hours else None,
        "region": contact.region,
        "address": contact.address,
        "description": contact.description,
        "source": contact.source,
        "verified": contact.verified.isoformat(),
    }


def contact_from_row(row: sqlite3.Row) -> Contact:
    """The contact in ``row``. Older content stores wrote unknown hours
    as the JSON ``null`` rather than NULL; both read as unknown."""
    return Contact(
        id=row["id"],
        name=row["name"],
        organisation=row["organisation"] or "",
        category=row["category"],
        audience=tuple(json.loads(row["audience"])),
        channels=tuple(
            Channel(
                type=c["type"], value=c["value"], note=c["note"] or "", hours=_hours(c["hours"])
            )
            for c in json.loads(row["channels"])
        ),
        hours=_hours_of(row["hours"]) if row["hours"] else None,
        region=row["region"],
        address=row["address"] or "",
        description=row["description"],
        source=row["source"],
        verified=date.fromisoformat(row["verified"]),
    )


@lru_cache(maxsize=4096)
def _hours_json(hours: OpeningHours) -> str:
    """Hours as JSON, remembered as ``_hours_of`` reads them (frozen values, few of them)."""
    return _json(hours.spec())


def _hours(spec: Any) -> OpeningHours | None:
    return parse_hours(spec) if spec else None


@lru_cache(maxsize=4096)
def _hours_of(written: str) -> OpeningHours | None:
    """A contact's hours from their JSON, remembered: a list of 100,000 local contacts says
    the same few opening hours over and over (and the hours are frozen values)."""
    return _hours(json.loads(written))
