"""Opening hours in a form the program can reason about ("åpen nå") and people can read.

The content writes hours as ``døgnåpen`` or rules like ``"man-fre 09:00-15:00"``. Unknown
hours are simply absent: the app then says so instead of guessing. Public holidays are not
modelled; the help lines that matter most are open around the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from index.i18n import CONTEXT, QT_TRANSLATE_NOOP

DAYS = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
ALWAYS = "døgnåpen"
_RULE = re.compile(
    r"^\s*(?P<d1>[a-zø]{3})(?:\s*-\s*(?P<d2>[a-zø]{3}))?\s+"
    r"(?P<h1>\d{1,2}):(?P<m1>\d{2})\s*-\s*(?P<h2>\d{1,2}):(?P<m2>\d{2})\s*$"
)


class HoursError(ValueError):
    """A rule that cannot be read; the message is a bokmål sentence for the editor."""


@dataclass(frozen=True)
class Rule:
    """Open on ``days`` (0 = Monday) from ``start`` to ``end`` minutes after midnight.
    An ``end`` at or before ``start`` runs past midnight into the next day."""

    days: tuple[int, ...]
    start: int
    end: int

    def spec(self) -> str:
        first, last = self.days[0], self.days[-1]
        days = DAYS[first] if first == last else f"{DAYS[first]}-{DAYS[last]}"
        return f"{days} {_clock(self.start)}-{_clock(self.end)}"

    def covers(self, weekday: int, minute: int) -> bool:
        if self.end > self.start:
            return weekday in self.days and self.start <= minute < self.end
        # Overnight: the evening part on the listed days, the morning part the day after.
        if weekday in self.days and minute >= self.start:
            return True
        return (weekday - 1) % 7 in self.days and minute < self.end


@dataclass(frozen=True)
class OpeningHours:
    always: bool = False
    rules: tuple[Rule, ...] = ()

    def is_open(self, at: datetime) -> bool:
        if self.always:
            return True
        minute = at.hour * 60 + at.minute
        return any(rule.covers(at.weekday(), minute) for rule in self.rules)

    def spec(self) -> str | list[str]:
        """The content-file form, for storing and round-tripping."""
        return ALWAYS if self.always else [rule.spec() for rule in self.rules]

    def describe(self) -> str:
        """Human-readable, as printed on a handout: ``døgnåpen`` or ``man–fre 09:00–15:00``."""
        if self.always:
            return QT_TRANSLATE_NOOP("Handbok", "døgnåpen")
        return ", ".join(rule.spec().replace("-", "–") for rule in self.rules)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_hours(value: object) -> OpeningHours:
    """Read ``døgnåpen`` or a list of day/time rules; raise HoursError with a clear sentence."""
    if isinstance(value, str):
        if value.strip().lower() in (ALWAYS, "24/7"):
            return OpeningHours(always=True)
        value = [value]
    if not isinstance(value, list) or not value:
        raise HoursError(
            QT_TRANSLATE_NOOP("Handbok", "åpningstid må være «døgnåpen» eller en liste med regler")
        )
    return OpeningHours(rules=tuple(_parse_rule(item) for item in value))


def _parse_rule(item: object) -> Rule:
    match = _RULE.match(str(item).lower())
    if not match:
        raise HoursError(
            QT_TRANSLATE_NOOP(
                CONTEXT, "kan ikke lese åpningstiden «{rule}» (skriv f.eks. «man-fre 09:00-15:00»)"
            ).format(rule=item)
        )
    d1, d2 = match["d1"], match["d2"] or match["d1"]
    for day in (d1, d2):
        if day not in DAYS:
            raise HoursError(
                QT_TRANSLATE_NOOP("Handbok", "ukjent dag «{day}» (bruk {days})").format(
                    day=day, days=" ".join(DAYS)
                )
            )
    first, last = DAYS.index(d1), DAYS.index(d2)
    if last < first:
        raise HoursError(
            QT_TRANSLATE_NOOP("Handbok", "dagene i «{rule}» står i feil rekkefølge").format(
                rule=item
            )
        )
    h1, m1, h2, m2 = (int(match[k]) for k in ("h1", "m1", "h2", "m2"))
    if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
        raise HoursError(
            QT_TRANSLATE_NOOP("Handbok", "klokkeslettet i «{rule}» finnes ikke").format(rule=item)
        )
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if start == end:
        raise HoursError(
            QT_TRANSLATE_NOOP("Handbok", "«{rule}» åpner og stenger samtidig").format(rule=item)
        )
    return Rule(days=tuple(range(first, last + 1)), start=start, end=end)
