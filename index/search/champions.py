"""One word, or one word being typed, answered from the build's table of the best documents of
the commonest words (``fulltext.CHAMPIONS_FILE``) instead of scoring their postings again.

Whoosh scores postings in Python, some 20,000 a second: a word in a fifth of a large
handbook's sections, or the union of a short prefix's completions, costs tens to hundreds of
milliseconds, more than a keystroke may. A query of one common word gets exactly the hits a
search would give (the table holds that search's first hundred); a prefix gets its completions'
tables merged, their scores added (a close approximation: a document outside one completion's
hundred best gets nothing for it), with the rarer completions searched as usual.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from whoosh import query as wq

from index.search import fulltext
from index.search.analysis import fold, query_terms
from index.search.clauses import CONTENT, PREFIX_TERMS, Clauses, Or
from index.search.query import ParsedQuery
from index.search.termscores import TermScores


class Ranked:
    """What the searcher reads of Whoosh's results, for hits found in the table."""

    def __init__(
        self, searcher: Any, scored: list[tuple[int, float]], terms: list[str], q: Any = None
    ) -> None:
        self._searcher = searcher
        self._scored = scored
        if q is None:
            q = Or([wq.Term(CONTENT, t) for t in terms]) if terms else wq.NullQuery()
        self.q = q  # the query's terms are what the snippets highlight

    def scored_length(self) -> int:
        return len(self._scored)

    def __iter__(self) -> Iterator[_Hit]:
        for docnum, score in self._scored:
            yield _Hit(self._searcher.stored_fields(docnum), score)


class _Hit:
    def __init__(self, fields: dict[str, Any], score: float) -> None:
        self._fields = fields
        self.score = score

    def __getitem__(self, name: str) -> Any:
        return self._fields[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self._fields.get(name, default)


class Champions:
    def __init__(
        self,
        table: Mapping[str, list[tuple[int, float]]],
        clauses: Clauses,
        scores: TermScores | None = None,
    ) -> None:
        self._table = table
        self._clauses = clauses
        self._scores = scores  # the rare completions' own scores, kept while typing on

    def answer(self, searcher: Any, parsed: ParsedQuery, limit: int) -> Ranked | None:
        """The hits from the table, or None when the query is not one it can answer."""
        words = [w for w in parsed.words if query_terms(w)]  # stop words search nothing
        if (
            not self._table
            or limit > fulltext.CHAMPIONS
            or parsed.phrases
            or parsed.excluded
            or parsed.any_of
            or parsed.wants_definition
            or len(words) + len(parsed.prefixes) != 1
        ):
            return None
        if words:
            term = self._plain_term(words[0])
            if term is None or term not in self._table:
                return None
            return Ranked(searcher, self._table[term][:limit], [term])
        return self._prefix(searcher, parsed.prefixes[0], limit)

    def _plain_term(self, word: str) -> str | None:
        """The one index term of a word without synonyms or compound parts, or None."""
        terms = query_terms(word)
        if len(terms) != 1 or (fold(word),) in self._clauses.synonyms:
            return None
        if not self._clauses.indexed(terms[0]):
            return None
        return terms[0]

    def _prefix(self, searcher: Any, prefix: str, limit: int) -> Ranked | None:
        if (fold(prefix),) in self._clauses.synonyms:
            return None
        terms = [t for _, t in self._clauses.completions(fold(prefix))[:PREFIX_TERMS]]
        own = [t for t in query_terms(prefix) if self._clauses.indexed(t)]
        if len(own) > 1:
            return None
        terms = list(dict.fromkeys([*terms, *own]))
        common = [t for t in terms if t in self._table]
        if not common:
            return None  # all rare: the usual search is cheap
        scores: dict[int, float] = {}
        for term in common:
            for docnum, score in self._table[term]:
                scores[docnum] = scores.get(docnum, 0.0) + score
        rare = [t for t in terms if t not in self._table]
        if rare:
            query = Or([fulltext.champion_query(t) for t in rare])
            found = self._scores.top(query, fulltext.CHAMPIONS) if self._scores else None
            if found is None:
                found = [
                    (h.docnum, h.score) for h in searcher.search(query, limit=fulltext.CHAMPIONS)
                ]
            for docnum, score in found:
                scores[docnum] = scores.get(docnum, 0.0) + score
        best = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
        return Ranked(searcher, best, terms)
