"""The order of hits beyond what the words score: what the query asks for (intent.py) lifts
the contacts that answer it; an exact title comes first; a question for help puts the help
lines first. Used by the national search and by the layer that adds local contacts, so both
order the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index.search.analysis import fold
from index.search.hits import SearchHit, open_now
from index.search.intent import Intent

HELP_LINE = "hjelpetelefon"
AUDIENCE_LIFT = 2.0  # divided among a contact's audiences: LEVE (etterlatte) gets it all
CHANNEL_LIFT = 1.0
OPEN_LIFT, CLOSED = 1.0, 0.5  # open at the time asked about; closed then
SPECIFIC_AUDIENCES = 2  # a contact for at most this many groups is for those in particular


@dataclass(frozen=True)
class ContactFacts:
    category: str = ""
    channels: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    region: str = ""
    hours: str = ""

    @classmethod
    def parse(cls, facets: str, hours: str = "") -> ContactFacts:
        values: dict[str, set[str]] = {}
        for word in facets.split():
            name, _, value = word.partition(":")
            values.setdefault(name, set()).add(value.replace("_", " "))
        return cls(
            category=next(iter(values.get("category", ())), ""),
            channels=frozenset(values.get("channel", ())),
            audiences=frozenset(values.get("audience", ())),
            region=next(iter(values.get("region", ())), ""),
            hours=hours,
        )


def lift(facts: ContactFacts, intent: Intent) -> float:
    """How much more a contact is worth for this query: 1.0 when the query asks nothing of it."""
    factor = 1.0
    if intent.audiences and facts.audiences & intent.audiences:
        factor += AUDIENCE_LIFT / len(facts.audiences)
    if intent.channels & facts.channels:
        factor += CHANNEL_LIFT
    if intent.at is not None:
        state = open_now(facts.hours, intent.at)
        if state is True:
            factor += OPEN_LIFT
        elif state is False:
            factor *= CLOSED
    return factor


def answers_help(hit: SearchHit, intent: Intent, facts: ContactFacts | None) -> bool:
    """A help line, or a contact with a telephone line for just the people asked about (LEVE
    for the bereaved): what a question for help wants first."""
    if hit.category == HELP_LINE:
        return True
    return (
        facts is not None
        and bool(hit.phone)
        and len(facts.audiences) <= SPECIFIC_AUDIENCES
        and bool(facts.audiences & intent.audiences)
    )


def normal(text: str) -> str:
    """Lower case, folded, words only: how titles and queries are compared."""
    return " ".join(fold(w) for w in re.findall(r"\w+", text.lower()))


def final_order(
    hits: Sequence[SearchHit],
    text: str,
    intent: Intent,
    facts: Mapping[str, ContactFacts] | None = None,
) -> list[SearchHit]:
    """Exact title matches first, then (for a question for help) the help lines, then the
    order given. Stable: within each group the order given stays."""
    wanted = normal(text)
    facts = facts or {}

    def key(hit: SearchHit) -> tuple[int, int]:
        exact = bool(wanted) and normal(hit.title) == wanted
        help_line = intent.help_lines and answers_help(hit, intent, facts.get(hit.id))
        return (0 if exact else 1, 0 if help_line else 1)

    return sorted(hits, key=key)
