"""Whoosh's phrase query, its words checked side by side with sets of positions.

Whoosh matches a phrase by walking the AND of its words and, in every document that has them
all, building a span object for each position of each word and comparing them pairwise in
Python; for two common words that was a third of a phrase's time. Here a document matches
when some position p of the first word has the second word at p+1, the third at p+2 ...,
worked out with set intersections; the spans and scores are the ones Whoosh gives.

Whoosh's span matcher takes the plain wrapper's ``skip_to_quality``, which may leave it on a
document without the phrase (no such hit was seen on the 10,000-article bench corpus); this
one looks for the phrase again after such a skip.
"""

from __future__ import annotations

from typing import Any

from whoosh import query as wq
from whoosh.matching import NullMatcher, WrappingMatcher, binary
from whoosh.query.spans import Span, SpanWrappingMatcher
from whoosh.util import make_binary_tree


class Phrase(wq.Phrase):  # type: ignore[misc]
    """Words in a row (no slop); anything else is Whoosh's own phrase."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self.slop != 1 or len(self.words) < 2 or self.fieldname not in searcher.schema:
            return super().matcher(searcher, context)
        field = searcher.schema[self.fieldname]
        if not field.format or not field.format.supports("positions"):
            return super().matcher(searcher, context)
        reader = searcher.reader()
        matchers = []
        for word in self.words:
            try:
                term = field.to_bytes(word)
            except ValueError:
                return NullMatcher()
            if (self.fieldname, term) not in reader:
                return NullMatcher()
            matchers.append(wq.Term(self.fieldname, term).matcher(searcher, context))
        m = AdjacentMatcher(matchers)
        return m if self.boost == 1.0 else WrappingMatcher(m, boost=self.boost)


class AdjacentMatcher(SpanWrappingMatcher):  # type: ignore[misc]
    """The documents where the words stand in order, one after the other."""

    def __init__(self, matchers: list[Any]) -> None:
        self.ms = matchers
        super().__init__(make_binary_tree(binary.IntersectionMatcher, matchers))

    def copy(self) -> AdjacentMatcher:
        return AdjacentMatcher([m.copy() for m in self.ms])

    def replace(self, minquality: float = 0) -> Any:
        return self if self.is_active() else NullMatcher()

    def skip_to_quality(self, minquality: float) -> int:
        child = self.child
        before = child.id() if child.is_active() else None
        skipped = int(child.skip_to_quality(minquality) or 0)
        if child.is_active() and child.id() != before:
            self._find_next()
        return skipped

    def _get_spans(self) -> list[Any]:
        first, *rest = self.ms
        starts = set(first.value_as("positions"))
        for offset, m in enumerate(rest, 1):
            if not starts:
                break
            starts.intersection_update(p - offset for p in m.value_as("positions"))
        last = len(self.ms) - 1
        return [Span(p, p + last) for p in sorted(starts)]
