"""What a query asks for beyond its words: a time (nå, i kveld, i natt, i helgen), a way to
get in touch (ringe, chatte, skrive), a group of people (etterlatte, unge), or help itself
("kan jeg ringe noen", "tanker om selvmord").

Such words rarely stand in the content, so requiring them would find nothing: they are taken
out of the words that must match and turn into lifts for the contacts that answer them
(open then, on that channel, for those people); a question for help puts help lines first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from index.search.analysis import fold

# Folded words -> channel types of the content (model.CHANNEL_TYPES).
CHANNEL_WORDS = {
    "ringe": "telefon", "ring": "telefon", "ringer": "telefon", "telefonen": "telefon",
    "chatte": "chat", "chat": "chat", "chatten": "chat", "chatter": "chat", "nettprat": "chat",
    "skrive": "chat", "skriv": "chat", "skriftlig": "chat",
    "melding": "sms", "sms": "sms", "tekstmelding": "sms", "sende": "sms",
    "epost": "e-post", "mail": "e-post", "mailen": "e-post",
}  # fmt: skip
# Words that only carry the channel: never required to match (telefon and chat do match
# content, so they stay searchable words as well).
CHANNEL_ONLY = frozenset(CHANNEL_WORDS) - {"telefon", "chat", "sms", "telefonen"}
# Folded words -> the content's audience ids (model.AUDIENCES).
AUDIENCE_WORDS = {
    "etterlatte": "etterlatte", "etterlatt": "etterlatte", "sorg": "etterlatte",
    "parorende": "pårørende",
    "unge": "barn og unge", "ungdom": "barn og unge", "ungdommer": "barn og unge",
    "tenaring": "barn og unge", "tenaringer": "barn og unge", "barn": "barn og unge",
    "elev": "barn og unge", "elever": "barn og unge",
    "voksne": "voksne",
}  # fmt: skip
TIME_ONLY = frozenset((
    "na", "naa", "kveld", "kvelden", "natt", "natta", "natten", "helg", "helga", "helgen",
    "apen", "apent",
))  # fmt: skip
_EVENING, _NIGHT, _WEEKEND_DAY = (20, 0), (2, 0), 5  # i kveld 20:00, i natt 02:00, Saturday
_HELP_QUESTION = re.compile(
    r"\b(hvem|hvor|hva) (kan|skal|bor|ma) (jeg|man|en|vi|de|hun|han|pasienten|foreldre\w*)\b"
    r"|\bhvem (kan|skal) (hjelpe|ringe|snakke|kontaktes)\b|\bhvem (hjelper|svarer)\b"
    r"|\b(kan|vil) noen hjelpe\b|\bhjelpe meg\b"
    r"|\bkan (jeg|man|en|hun|han|de) (ringe|snakke|chatte|skrive|fa hjelp)"
    r"|\b(noen|en) (a|aa) (snakke|prate|ringe) med\b|\bsnakke med noen\b"
    r"|\b(trenger|faa?|ha) hjelp\b|\bhjelp (na|naa)\b"
)
_SUICIDAL_THOUGHTS = re.compile(
    r"\b(selvmords|sjolvmords)tank|\btank\w* (om|pa) (a )?(selvmord|sjolvmord|ta livet|do)\b"
    r"|\btenker (pa )?(a )?(ta livet|selvmord|sjolvmord|do)\b|\bta livet (av )?seg\b"
    r"|\bvil (ikke leve|do)\b|\borker ikke (mer|leve)\b|\bsuicid"
)
# Words that only say the thoughts are there (the topic, selvmord, stays a searched word).
THOUGHT_ONLY = frozenset((
    "tanker", "tanke", "tankene", "tenker", "tenke", "ta", "livet", "seg", "vil", "orker",
    "do", "ikke", "mer", "suicidal", "suicidale", "selvmordstanker", "sjolvmordstankar",
    "selvmordstanke", "sjolvmordstankar",
))  # fmt: skip
# Words of a question for help that say nothing about the topic.
QUESTION_ONLY = frozenset((
    "hvem", "hvor", "hva", "kan", "skal", "bor", "ma", "jeg", "man", "en", "vi", "de", "hun",
    "han", "noen", "snakke", "prate", "fa", "faa", "trenger", "kontakte", "henvende",
))  # fmt: skip


@dataclass(frozen=True)
class Intent:
    at: datetime | None = None  # the time asked about; None: no time was named
    channels: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    help_lines: bool = False  # a question for help: help lines first
    # Typed words (folded) that only said the above: not required to match.
    carriers: frozenset[str] = field(default=frozenset())

    @property
    def any(self) -> bool:
        return bool(self.at or self.channels or self.audiences or self.help_lines)


def read_intent(text: str, now: datetime) -> Intent:
    folded = " ".join(fold(w) for w in re.findall(r"\w+", text.lower()))
    words = folded.split()
    carriers: set[str] = set()
    at = _time_asked(folded, now)
    if at is not None:
        carriers |= {w for w in words if w in TIME_ONLY}
    channels = {CHANNEL_WORDS[w] for w in words if w in CHANNEL_WORDS}
    carriers |= {w for w in words if w in CHANNEL_ONLY}
    audiences = {AUDIENCE_WORDS[w] for w in words if w in AUDIENCE_WORDS}
    thoughts = bool(_SUICIDAL_THOUGHTS.search(folded))
    help_lines = thoughts or bool(_HELP_QUESTION.search(folded))
    if help_lines:
        carriers |= {w for w in words if w in QUESTION_ONLY}
    if thoughts:
        carriers |= {w for w in words if w in THOUGHT_ONLY}
    return Intent(
        at=at,
        channels=frozenset(channels),
        audiences=frozenset(audiences),
        help_lines=help_lines,
        carriers=frozenset(carriers),
    )


def _time_asked(folded: str, now: datetime) -> datetime | None:
    if re.search(r"\bi (natt|natta)\b|\bnatt(en)?\b", folded):
        day = now if now.hour < 6 else now + timedelta(days=1)
        return day.replace(hour=_NIGHT[0], minute=_NIGHT[1], second=0, microsecond=0)
    if re.search(r"\bi kveld\b|\bkvelden?\b", folded):
        if now.hour >= _EVENING[0] or now.hour < 6:
            return now
        return now.replace(hour=_EVENING[0], minute=_EVENING[1], second=0, microsecond=0)
    if re.search(r"\bhelg(a|en)?\b", folded):
        if now.weekday() >= _WEEKEND_DAY:
            return now
        saturday = now + timedelta(days=_WEEKEND_DAY - now.weekday())
        return saturday.replace(hour=12, minute=0, second=0, microsecond=0)
    if re.search(r"\b(na|naa|apen|apent)\b", folded):
        return now
    return None
