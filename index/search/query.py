"""Reads whatever a user types into a small, predictable query structure.

There is no syntax error: quotes that never close, lone operators, stray ``*``, control
characters and 10,000-character pastes all give a query (possibly an empty one). Supported:
words (all must match), "exact phrases", -excluded words, prefix*, and OR/ELLER between words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_INPUT = 1000  # characters read; the rest of a huge paste is ignored
MAX_PARTS = 24  # words, phrases and prefixes together
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "＂": '"'})
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+")
_OR = {"OR", "ELLER"}
_NOT = {"NOT", "IKKE"}
_AND = {"AND", "OG"}
# Questions that ask what something means: definitions should come first.
_DEFINITION_QUESTION = re.compile(r"^\s*(hva er|hva betyr|hva menes med|hva vil det si)\b", re.I)


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefixes: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    any_of: bool = False
    wants_definition: bool = False

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases or self.prefixes)


def parse(text: str, *, prefix_last: bool = False) -> ParsedQuery:
    """``prefix_last`` treats a last word still being typed (no space after it) as a prefix."""
    text = _CONTROL.sub(" ", str(text)[:MAX_INPUT]).translate(_QUOTES)
    typing = prefix_last and bool(text) and not text[-1].isspace()
    phrases: list[tuple[str, ...]] = []
    for match in _PHRASE.finditer(text):
        phrase = tuple(w.lower() for w in _WORD.findall(match.group(1)))
        if len(phrase) > 1:
            phrases.append(phrase)
        elif phrase:
            text += " " + phrase[0]  # a one-word "phrase" is just a word
    rest = _PHRASE.sub(" ", text).replace('"', " ")

    words: list[str] = []
    prefixes: list[str] = []
    excluded: list[str] = []
    any_of = False
    negate_next = False
    tokens = rest.split()
    for position, token in enumerate(tokens):
        if token in _OR:
            any_of = True
            continue
        if token in _NOT:
            negate_next = True
            continue
        if token in _AND:
            continue
        negate = negate_next or (token.startswith("-") and len(token) > 1)
        negate_next = False
        star = token.endswith("*")
        parts = [w.lower() for w in _WORD.findall(token)]
        if not parts:
            continue  # a lone operator or punctuation
        if negate:
            excluded.extend(parts)
        elif (star and len(parts[-1]) >= 2) or (
            typing and position == len(tokens) - 1 and len(parts[-1]) >= 3
        ):
            words.extend(parts[:-1])
            prefixes.append(parts[-1])
        else:
            words.extend(parts)
    budget = MAX_PARTS
    phrases = phrases[:budget]
    budget -= len(phrases)
    words = _unique(words)[: max(budget, 0)]
    budget -= len(words)
    return ParsedQuery(
        wants_definition=bool(_DEFINITION_QUESTION.match(text)),
        words=tuple(words),
        phrases=tuple(phrases),
        prefixes=tuple(_unique(prefixes)[: max(budget, 0)]),
        excluded=tuple(_unique(excluded)[:MAX_PARTS]),
        any_of=any_of,
    )


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
