"""Snippets: the passages of a hit's text where the query's words are, matches in bold.

Whoosh's highlighter runs the whole analysis chain (token objects, folding, stop words,
compound splitting, stemming) over every hit's text, and that cost more than the search
itself: 40 hits a keystroke in the window. Here each distinct word of a text is analysed once
(and remembered), so a snippet is a regular-expression pass and a few dictionary look-ups. The
matching is the index's own: a word matches when it, or one of its compound parts, has one of
the query's terms.
"""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache

from index.search.analysis import STOP_WORDS, Vocabulary, fold, stem

WORD = re.compile(r"\w+")
SNIPPET_CHARS = 180  # one passage
SURROUND = 60  # text kept before the first match of a passage
PASSAGES = 2
BETWEEN = " … "
KEPT_TEXTS = 2000  # texts whose words are kept by term: the hits of the last keystrokes


class Snippets:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        self.terms_of = lru_cache(maxsize=200_000)(self._terms_of)
        # Each recent text's words by the terms they stand for: typing on shows mostly the
        # same hits, and a snippet is then a few look-ups, not a pass over the text.
        self._where: OrderedDict[str, dict[str, list[tuple[int, int]]]] = OrderedDict()

    def _terms_of(self, word: str) -> frozenset[str]:
        """The index terms a word of the text stands for (as index_analyzer makes them)."""
        folded = fold(word.lower())
        if folded in STOP_WORDS:
            return frozenset()
        parts = self._vocabulary.split(folded)
        return frozenset(stem(w) for w in (folded, *parts))

    def make(self, text: str, terms: Iterable[str]) -> str:
        """HTML: escaped text, matches in <b>...</b>, up to two passages; "" when no word of
        the text matches."""
        wanted = frozenset(terms)
        if not wanted:
            return ""
        where = self._words_by_term(text)
        if len(wanted) < len(where):
            found = [where[t] for t in wanted if t in where]
        else:
            found = [spans for t, spans in where.items() if t in wanted]
        # A word standing for several wanted terms is one match.
        matches = found[0] if len(found) == 1 else sorted({s for spans in found for s in spans})
        if not matches:
            return ""
        passages = _passages(matches)
        best = sorted(sorted(passages, key=lambda p: -len(p[2]))[:PASSAGES], key=lambda p: p[0])
        return BETWEEN.join(_render(text, start, end, spans) for start, end, spans in best)

    def _words_by_term(self, text: str) -> dict[str, list[tuple[int, int]]]:
        where = self._where.get(text)
        if where is not None:
            self._where.move_to_end(text)
            return where
        where = {}
        terms_of = self.terms_of
        for match in WORD.finditer(text):
            span = match.span()
            for term in terms_of(match.group()):
                where.setdefault(term, []).append(span)
        self._where[text] = where
        if len(self._where) > KEPT_TEXTS:
            self._where.popitem(last=False)
        return where


def _passages(matches: list[tuple[int, int]]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Runs of matches that fit in one passage, each with some text before it."""
    passages: list[tuple[int, int, list[tuple[int, int]]]] = []
    start = -1
    spans: list[tuple[int, int]] = []
    for span in matches:
        if spans and span[1] - start <= SNIPPET_CHARS:
            spans.append(span)
            continue
        if spans:
            passages.append((start, start + SNIPPET_CHARS, spans))
        # Never back into the passage before: two passages must not repeat the same text.
        start = max(0, span[0] - SURROUND, start + SNIPPET_CHARS if spans else 0)
        spans = [span]
    passages.append((start, start + SNIPPET_CHARS, spans))
    return passages


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    # Whole words only at both ends of the passage.
    if start > 0:
        cut = text.find(" ", start, spans[0][0])
        start = cut + 1 if cut != -1 else spans[0][0]
    if end < len(text):
        cut = text.rfind(" ", spans[-1][1], end)
        end = cut if cut != -1 else max(end, spans[-1][1])
    out: list[str] = []
    at = start
    for a, b in spans:
        out.append(html.escape(text[at:a]))
        out.append(f"<b>{html.escape(text[a:b])}</b>")
        at = b
    out.append(html.escape(text[at:end]))
    return " ".join("".join(out).split())
