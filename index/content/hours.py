"""Opening hours in a form the program can reason about ("åpen nå") and people can read.

The content writes hours as ``døgnåpen`` or rules like ``"man-fre 09:00-15:00"``
(``parse_hours``, strict, so a typing error in the content is caught). What staff write in
the local-contact form, a CSV file or kommune.yaml is read as people write it instead
(``read_hours``: "mandag–fredag 8–15.30", "hverdager 08.00-15.30", "stengt i helgene").
Unknown hours are simply absent: the app then says so instead of guessing. Public holidays
are not modelled; the help lines that matter most are open around the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

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

    def next_change(self, at: datetime) -> datetime | None:
        """When the state at ``at`` changes: the closing time while open, the opening time
        while closed; None when it never changes (always open, or never open)."""
        if self.always or not self.rules:
            return None
        now = at.weekday() * DAY + at.hour * 60 + at.minute
        spans = _week_spans(self.rules)
        inside = next((s for s in spans if s[0] <= now < s[1]), None)
        if inside is not None:
            if inside[1] - now >= WEEK:
                return None  # open all week round
            step = inside[1] - now
        else:
            step = min(start - now for start, _end in spans if start > now)
        return at.replace(second=0, microsecond=0) + timedelta(minutes=step)

    def spec(self) -> str | list[str]:
        """The content-file form, for storing and round-tripping."""
        return ALWAYS if self.always else [rule.spec() for rule in self.rules]

    def describe(self) -> str:
        """Human-readable, as printed on a handout: ``døgnåpen`` or ``man–fre 09:00–15:00``."""
        if self.always:
            return QT_TRANSLATE_NOOP("Handbok", "døgnåpen")
        return ", ".join(rule.spec().replace("-", "–") for rule in self.rules)


DAY, WEEK = 24 * 60, 7 * 24 * 60


def _week_spans(rules: tuple[Rule, ...]) -> list[tuple[int, int]]:
    """The open spans as minutes from Monday 00:00, merged where they touch, repeated for the
    week before and after so that a span across Sunday midnight is found from either side."""
    spans = []
    for rule in rules:
        length = rule.end - rule.start if rule.end > rule.start else rule.end + DAY - rule.start
        for day in rule.days:
            start = day * DAY + rule.start
            spans += [(start + shift, start + shift + length) for shift in (-WEEK, 0, WEEK)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


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


# --- hours as people write them ------------------------------------------------------------

_ALWAYS_PHRASES = ("døgnåpen", "døgnåpent", "døgnet rundt", "hele døgnet", "24/7", "alltid åpen")
_DAY_NAMES = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_DAY_GROUPS = {
    "hverdag": range(5), "ukedag": range(5), "virkedag": range(5),
    "helg": range(5, 7), "helgedag": range(5, 7),
    "daglig": range(7), "dag": range(7), "uke": range(7), "uka": range(7),
}  # fmt: skip
_FILLER = {
    "og",
    "alle",
    "hver",
    "hele",
    "fra",
    "kl",
    "klokka",
    "klokken",
    "åpent",
    "åpen",
    "i",
    "på",
}
_TIME_RANGE = re.compile(
    r"(?<![\d.:])(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|til)\s*(\d{1,2})(?:[.:](\d{2}))?(?![\d.:])"
)
_WORD = re.compile(r"[a-zæøå]+|-|[^\s.:]")  # "kl." and "kl" alike
_EXAMPLE = "mandag–fredag 8–15.30"


def read_hours(text: str) -> OpeningHours | None:
    """Opening hours as staff write them, in a form, a CSV cell or kommune.yaml: "" is unknown
    (None); ``døgnåpen``; or parts separated by ``|``, ``;``, ``,`` or line breaks, each days
    and times ("mandag–fredag 8–15.30", "hverdager 08.00-15.30", "man-fre kl. 8-16",
    "tirsdager 18–20", "lør og søn 10–14") or the days it is closed ("stengt i helgene").
    The content's own form ("man-fre 09:00-15:00") reads too. Raises HoursError with a
    sentence saying what could not be read."""
    cleaned = " ".join(text.casefold().replace("–", "-").replace("—", "-").split())
    if not cleaned:
        return None
    if cleaned in _ALWAYS_PHRASES:
        return OpeningHours(always=True)
    rules: list[Rule] = []
    pending: list[int] = []  # days named in a part without times: "man, ons og fre 9-12"
    for part in (p.strip() for p in re.split(r"[|;,\n]", cleaned)):
        if not part:
            continue
        closed = "stengt" in part.split()
        times = [] if closed else _times(part)
        days = _days(_TIME_RANGE.sub(" ", part).replace("stengt", " "), part)
        if closed:
            pending.clear()
            continue
        if not times:
            pending += days
            continue
        days = sorted({*pending, *days})
        pending.clear()
        if not days:
            raise HoursError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "skriv hvilke dager «{part}» gjelder (for eksempel «{example}»)"
                ).format(part=part, example=_EXAMPLE)
            )
        for start, end in times:
            rules += [Rule(days=run, start=start, end=end) for run in _runs(days)]
    if pending:
        raise HoursError(
            QT_TRANSLATE_NOOP(
                CONTEXT, "skriv når det er åpent på {days} (for eksempel «{example}»)"
            ).format(days=", ".join(_DAY_NAMES[d] for d in pending), example=_EXAMPLE)
        )
    if not rules:
        raise HoursError(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "skriv når det er åpent, ikke bare når det er stengt (for eksempel «{example}»)",
            ).format(example=_EXAMPLE)
        )
    first = _week_spans(tuple(rules))[0]
    if first[1] - first[0] >= 3 * WEEK:  # the whole week, and the weeks either side
        return OpeningHours(always=True)  # "hver dag hele døgnet"
    return OpeningHours(rules=tuple(rules))


def _times(part: str) -> list[tuple[int, int]]:
    if any(phrase in part for phrase in _ALWAYS_PHRASES[:4]):
        return [(0, DAY)]
    found = []
    for match in _TIME_RANGE.finditer(part):
        h1, h2 = int(match[1]), int(match[3])
        m1, m2 = int(match[2] or 0), int(match[4] or 0)
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
            raise HoursError(
                QT_TRANSLATE_NOOP("Handbok", "klokkeslettet i «{rule}» finnes ikke").format(
                    rule=match[0]
                )
            )
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if start == end:
            raise HoursError(
                QT_TRANSLATE_NOOP("Handbok", "«{rule}» åpner og stenger samtidig").format(
                    rule=match[0]
                )
            )
        found.append((start % DAY, end))
    return found


def _days(words: str, part: str) -> list[int]:
    days: list[int] = []
    tokens = _WORD.findall(words)
    for phrase in _ALWAYS_PHRASES[:4]:
        tokens = [t for t in tokens if t not in phrase.split()]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in _FILLER:
            i += 1
            continue
        group = _day_group(token)
        day = _day(token)
        if group is not None:
            days += group
        elif day is not None:
            if i + 2 < len(tokens) and tokens[i + 1] in ("-", "til"):
                last = _day(tokens[i + 2])
                if last is None or last < day:
                    raise HoursError(
                        QT_TRANSLATE_NOOP(
                            "Handbok", "dagene i «{rule}» står i feil rekkefølge"
                        ).format(rule=part)
                    )
                days += range(day, last + 1)
                i += 2
            else:
                days.append(day)
        else:
            raise HoursError(
                QT_TRANSLATE_NOOP(
                    CONTEXT, "forstår ikke «{word}» i «{part}» (skriv for eksempel «{example}»)"
                ).format(word=token, part=part, example=_EXAMPLE)
            )
        i += 1
    return days


def _stem(word: str) -> str:
    for ending in ("ene", "en", "er", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _day(word: str) -> int | None:
    """``mandag``, ``mandager``, ``man``, ``ma`` -> 0; None for anything else."""
    stem = _stem(word.replace("o", "ø") if word[:2] in ("lo", "so") else word)
    for n, name in enumerate(_DAY_NAMES):
        if len(stem) >= 2 and name.startswith(stem):
            return n
    return None


def _day_group(word: str) -> range | None:
    return _DAY_GROUPS.get(word) or _DAY_GROUPS.get(_stem(word))


def _runs(days: list[int]) -> list[tuple[int, ...]]:
    """[0, 1, 2, 4] -> [(0, 1, 2), (4,)]: a rule holds days in a row."""
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return [tuple(run) for run in runs]
