"""Words and a word being typed (``styrke sam``): the documents that can match, found with sets
first, so Whoosh scores only those.

Whoosh intersects a word with the union of a prefix's completions by stepping through both in
Python: on a large handbook, with common words, a second or more for one keystroke. The
document numbers of each term are read into a set instead (a few milliseconds for tens of
thousands, and the last terms' sets are kept while the user types on), the sets are
intersected at C speed, and the query is then run against only those documents: the same
query, the same scores, far fewer steps. When thousands of documents have every word (common
words together, on a large handbook), only those among the best documents of some common
term (champions.py's table) are scored, on the command line and in the window alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher

from index.search.clauses import CONTENT, Or

MAX_CANDIDATES = 3000  # beyond this, stepping through them costs as much as the query itself
MAX_SETS = 64  # terms whose document sets are kept (the last few keystrokes')


class Candidates:
    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._sets: dict[str, frozenset[int]] = {}

    def restrict(
        self, clauses: list[Any], champions: Mapping[str, list[tuple[int, float]]] | None = None
    ) -> Any:
        """``And(clauses)`` limited to the documents that can match all of them, or None
        when that does not pay (too many documents, or a clause it cannot read).

        With ``champions``, when too many documents match (common words together, on a
        large handbook), only those among the best of some common term's documents are
        scored: every hit still has every word, but a document that is among no term's best
        is left out. The shipped content has no such words."""
        found: frozenset[int] | None = None
        # The smallest sets first: the intersection shrinks at once.
        for clause in clauses:
            docs = self._docs(clause)
            if docs is None:
                return None
            found = docs if found is None else found & docs
            if not found:
                break
        if found is None:
            return None
        if len(found) > MAX_CANDIDATES and champions:
            best = {d for c in clauses for t in _terms(c) for d, _ in champions.get(t, ())}
            found = found & best if best else found
        if len(found) > MAX_CANDIDATES or (not found and champions):
            return None
        return wq.And([*clauses, _Documents(sorted(found))])

    def _docs(self, q: Any) -> frozenset[int] | None:
        if isinstance(q, wq.Term) and q.fieldname == CONTENT:
            return self._term_docs(q.text)
        if isinstance(q, wq.Phrase) and q.fieldname == CONTENT:
            sets = [self._term_docs(w) for w in q.words]
            return frozenset.intersection(*sets) if sets else frozenset()
        if isinstance(q, wq.And):
            parts = [self._docs(s) for s in q.subqueries]
            if any(p is None for p in parts):
                return None
            return frozenset.intersection(*parts) if parts else frozenset()  # type: ignore[arg-type]
        if isinstance(q, (wq.Or, Or)):
            parts = [self._docs(s) for s in q.subqueries]
            if any(p is None for p in parts):
                return None
            return frozenset().union(*parts)  # type: ignore[arg-type]
        return None

    def _term_docs(self, term: str) -> frozenset[int]:
        cached = self._sets.get(term)
        if cached is not None:
            return cached
        if (CONTENT, term) not in self._reader:
            docs: frozenset[int] = frozenset()
        else:
            docs = frozenset(self._reader.postings(CONTENT, term).all_ids())
        if len(self._sets) >= MAX_SETS:
            self._sets.pop(next(iter(self._sets)))
        self._sets[term] = docs
        return docs


def _terms(q: Any) -> list[str]:
    return [_text(t) for f, t in q.iter_all_terms() if f == CONTENT]


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


class _Documents(wq.Query):  # type: ignore[misc]
    """Matches the given document numbers and adds nothing to their scores."""

    def __init__(self, docnums: list[int]) -> None:
        self.docnums = docnums
        self.boost = 1.0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Documents) and self.docnums == other.docnums

    def __hash__(self) -> int:
        return hash(tuple(self.docnums))

    def __repr__(self) -> str:
        return f"_Documents({len(self.docnums)})"

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.docnums)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        return _ZeroMatcher(self.docnums)


class _ZeroMatcher(ListMatcher):  # type: ignore[misc]
    def score(self) -> float:
        return 0.0

    def supports_block_quality(self) -> bool:
        return False
