"""What a search gives back: plain dataclasses the window, the command line and the handouts
use without knowing Whoosh."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from index.content.hours import HoursError, OpeningHours, parse_hours


@dataclass(frozen=True)
class SearchHit:
    id: str
    kind: str
    title: str
    snippet: str  # HTML: escaped text, matches in <b>...</b>
    score: float
    parent_id: str = ""
    parent_title: str = ""
    # A contact's main number ("" when it has no telephone line) and whether one of its lines
    # is open at the time of the search (None: its hours are not known).
    phone: str = ""
    open_now: bool | None = None
    category: str = ""  # a contact's category id (model.CATEGORIES)

    def as_json(self) -> dict[str, Any]:
        data = {
            "id": self.id, "kind": self.kind, "title": self.title, "snippet": self.snippet,
            "score": round(self.score, 4), "parent_id": self.parent_id,
            "parent_title": self.parent_title,
        }  # fmt: skip
        if self.kind == "contact":
            data["phone"] = self.phone
            data["open_now"] = self.open_now
            data["category"] = self.category
        return data


@dataclass(frozen=True)
class SearchResult:
    text: str
    hits: tuple[SearchHit, ...] = ()
    total: int = 0  # hits found (counting every match would cost a second pass)
    relaxed: bool = False  # no item had every word; these have some
    fuzzy: bool = False  # found only after correcting typing errors
    suggestion: str = ""  # "Mente du ...?": the query with unknown words corrected
    terms: tuple[str, ...] = field(default=())  # index terms, for highlighting in the reader


def followed_by(first: SearchResult, then: SearchResult, limit: int) -> SearchResult:
    """``first``'s hits and verdicts, with ``then``'s other hits after them."""
    if not first.hits:
        return then
    seen = {h.id for h in first.hits}
    hits = (*first.hits, *(h for h in then.hits if h.id not in seen))[:limit]
    return replace(
        first, hits=hits, total=len(hits), terms=tuple(sorted({*first.terms, *then.terms}))
    )


def open_now(line_hours: str, at: datetime) -> bool | None:
    """Whether any of a contact's lines is open at ``at``, from ``fulltext.line_hours``;
    None when no line's hours are known."""
    hours = _parsed_hours(line_hours)
    if not hours:
        return None
    return any(h.is_open(at) for h in hours)


@lru_cache(maxsize=1024)
def _parsed_hours(line_hours: str) -> tuple[OpeningHours, ...]:
    if not line_hours:
        return ()
    try:
        return tuple(parse_hours(spec) for spec in json.loads(line_hours))
    except (HoursError, ValueError, TypeError):  # written by our own build: never expected
        return ()
