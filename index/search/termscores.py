"""Queries scored from each term's document scores, kept while the user types on and between
searches (the window's keystrokes, and whole queries from the window and the command line).

Whoosh scores a query by stepping a tree of matchers through every matching posting in
Python, some 20,000 postings a second: a word and a word being typed (``styrke sam``) on a
large handbook is the word intersected with the union of eight completions, thousands of
documents, hundreds of milliseconds for one keystroke. Here each term's postings are read once
into a map of document to score, with Whoosh's own model (its BM25F scorer: idf, average
length, the index's quantised field lengths, the query's boosts), so a hit scores exactly as
Whoosh would score it; the maps of the last terms are kept, as typing asks for the same words
again at every key, and the query tree is then worked out with dictionary operations, each
part only over the documents the rest of the query leaves.

Only the shapes the searcher builds for typed words are read (terms, AND, OR, AND-maybe for
title lifts, AND-NOT); a phrase or anything else returns None, and Whoosh runs that query as
before. It reads one optimised segment without deletions (the built store); any other index
(the municipality's small in-memory one) is left to Whoosh.
"""

from __future__ import annotations

import heapq
import operator
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25FScorer
from whoosh.util.numeric import byte_to_length, length_to_byte

# Postings whose maps are kept: some 70 bytes each, so about 50 MB; on a 10,000-article
# handbook that is the few dozen common terms the last keystrokes used.
MAX_KEPT_POSTINGS = 700_000

# A posting list this many times longer than the documents asked about is skipped through for
# them rather than read whole.
PROBE_RATIO = 32

Scores = dict[int, float]


class TermScores:
    """Evaluates a Whoosh query over kept term maps; ``top`` is None when it cannot."""

    def __init__(self, searcher: Any) -> None:
        self._searcher = searcher
        reader = searcher.reader()
        self._reader = reader
        self.enabled = isinstance(reader, SegmentReader) and not reader.has_deletions()
        self._doccount = reader.doc_count_all() if self.enabled else 0
        self._lengths: dict[str, bytes] = {}
        self._maps: OrderedDict[tuple[str, str], Scores] = OrderedDict()
        self._kept = 0

    def top(self, q: Any, limit: int, filter_q: Any = None) -> list[tuple[int, float]] | None:
        """The best ``limit`` documents as (docnum, score), best first, ties by document
        number (as Whoosh's collector orders them); None: a query Whoosh must run."""
        if not self.enabled:
            return None
        within = None
        if filter_q is not None:
            if not isinstance(filter_q, wq.Term):
                return None
            within = set(self._ids(filter_q.fieldname, filter_q.text))
        scores = self._evaluate(q, within)
        if scores is None:
            return None
        if len(scores) > limit:
            # The limit's best scores found in C; every document tied with the last of them
            # kept, so that ties are ordered by document number as Whoosh orders them.
            cut = heapq.nlargest(limit, scores.values())[-1]
            return sorted(((d, s) for d, s in scores.items() if s >= cut), key=_best_first)[:limit]
        return sorted(scores.items(), key=_best_first)

    # --- the query tree --------------------------------------------------------------------

    def _evaluate(self, q: Any, within: set[int] | None) -> Scores | None:
        """Scores of the documents matching ``q``, only those in ``within`` when given."""
        kind = type(q)
        boost = float(getattr(q, "boost", 1.0))
        found: Scores | None
        if kind is wq.Term:
            found = self._term_within(q.fieldname, q.text, within)
            if within is not None:
                found = _restricted(found, within)
        elif q is wq.NullQuery:
            found = {}
        elif kind is wq.And:
            found = self._all(q.subqueries, within)
        elif isinstance(q, wq.Or):
            if getattr(q, "minmatch", 0) or getattr(q, "scale", None):
                return None
            found = self._any(q.subqueries, within)
        elif kind is wq.AndMaybe:
            found = self._evaluate(q.a, within)
            lift = None if found is None else self._evaluate(q.b, set(found))
            if found is None or lift is None:
                return None
            found = dict(found)  # never the kept map itself
            for d, s in lift.items():  # all among found: it was asked only about those
                found[d] += s
        elif isinstance(q, wq.AndNot):  # clauses.AndNot too
            found = self._evaluate(q.a, within)
            out = None if found is None else self._evaluate(q.b, set(found))
            if found is None or out is None:
                return None
            found = dict(found)
            for d in out:
                del found[d]
        else:
            return None
        if found is not None and boost != 1.0:
            found = {d: s * boost for d, s in found.items()}
        return found

    def _all(self, subqueries: Iterable[Any], within: set[int] | None) -> Scores | None:
        """AND: the part with the fewest documents first; each other part then only over the
        documents left."""
        found: Scores | None = None
        for q in sorted(subqueries, key=self._size):
            keys = within if found is None else found.keys()
            if type(q) is wq.Term and float(q.boost) == 1.0:
                part: Scores | None = self._term_within(q.fieldname, q.text, keys)
            else:
                part = self._evaluate(q, None if keys is None else set(keys))
            if part is None:
                return None
            if found is None:
                found = _restricted(part, within) if within is not None else dict(part)
            else:
                found = {d: s + part[d] for d, s in found.items() if d in part}
            if not found:
                return {}
        return found if found is not None else {}

    def _size(self, q: Any) -> int:
        """About how many documents a query matches: to take the smallest part first."""
        kind = type(q)
        if kind is wq.Term:
            if q.fieldname not in self._searcher.schema:
                return 0
            term = self._searcher.schema[q.fieldname].to_bytes(q.text)
            return int(self._reader.doc_frequency(q.fieldname, term))
        if kind is wq.And:
            return min((self._size(s) for s in q.subqueries), default=0)
        if isinstance(q, wq.Or):
            return sum(self._size(s) for s in q.subqueries)
        if kind is wq.AndMaybe or isinstance(q, wq.AndNot):
            return self._size(q.a)
        return self._doccount

    def _any(self, subqueries: Iterable[Any], within: set[int] | None) -> Scores | None:
        """OR: a document's score is the sum of the parts it matches."""
        parts: list[Scores] = []
        for q in subqueries:
            if type(q) is wq.Term and float(q.boost) == 1.0:
                parts.append(self._term_within(q.fieldname, q.text, within))  # restricted below
                continue
            part = self._evaluate(q, within)
            if part is None:
                return None
            parts.append(part)
        if not parts:
            return {}
        if within is not None and len(within) * len(parts) < sum(map(len, parts)):
            # Fewer documents asked about than postings in the parts: look each one up.
            found: Scores = {}
            for d in within:
                total, matched = 0.0, False
                for scores in parts:
                    value = scores.get(d)
                    if value is not None:
                        total += value
                        matched = True
                if matched:
                    found[d] = total
            return found
        parts.sort(key=len, reverse=True)
        found = dict(parts[0])
        for scores in parts[1:]:
            get = found.get
            for d, s in scores.items():
                found[d] = get(d, 0.0) + s
        return _restricted(found, within) if within is not None else found

    # --- one term --------------------------------------------------------------------------

    def _term_within(self, field: str, text: str, within: Iterable[int] | None) -> Scores:
        """The term's map; or, for a few documents of a long posting list not read yet, only
        theirs, found by skipping through the list (the map is not kept)."""
        if within is None or (field, text) in self._maps:
            return self.term(field, text)
        wanted = sorted(within)
        if len(wanted) * PROBE_RATIO >= self._size(wq.Term(field, text)):
            return self.term(field, text)
        return self._read(field, text, wanted)

    def term(self, field: str, text: str) -> Scores:
        """Every document with the term and its score, as Whoosh's scorer gives it."""
        key = (field, text)
        scores = self._maps.get(key)
        if scores is not None:
            self._maps.move_to_end(key)
            return scores
        scores = self._read(field, text)
        self._maps[key] = scores
        self._kept += len(scores)
        while self._kept > MAX_KEPT_POSTINGS and len(self._maps) > 1:
            _, dropped = self._maps.popitem(last=False)
            self._kept -= len(dropped)
        return scores

    def _read(self, field: str, text: str, wanted: list[int] | None = None) -> Scores:
        """The term's scores: of every document, or of the ``wanted`` ones (sorted), whose
        blocks alone are read."""
        searcher, reader = self._searcher, self._reader
        if field not in searcher.schema:
            return {}
        term = searcher.schema[field].to_bytes(text)
        if (field, term) not in reader:
            return {}
        scorer = searcher.weighting.scorer(searcher, field, term)
        matcher = reader.postings(field, term)
        if not isinstance(scorer, BM25FScorer) or not isinstance(matcher, W3LeafMatcher):
            return self._read_slowly(field, term, wanted)
        lengths = self._field_lengths(field)
        scores: Scores = {}
        if wanted is not None:
            at = 0
            while matcher.is_active() and at < len(wanted):
                last = matcher.block_max_id()  # known from the block's header
                if wanted[at] <= last:
                    ids, weights = _block(matcher)
                    block = dict(zip(ids, weights, strict=True))
                    while at < len(wanted) and wanted[at] <= last:
                        d = wanted[at]
                        if (weight := block.get(d)) is not None:
                            scores[d] = scorer._score(weight, _length(lengths[d]))
                        at += 1
                matcher._next_block()
            return scores
        # A score for each (weight, length byte): a table row per weight met, so a posting
        # costs a few look-ups made in C rather than a Python call.
        table: list[float] = []
        rows: dict[float, int] = {}
        for ids, weights in _blocks(matcher):
            for weight in set(weights) - rows.keys():
                rows[weight] = len(table)
                table.extend(scorer._score(weight, _length(b)) for b in range(256))
            keys = map(operator.add, map(rows.__getitem__, weights), map(lengths.__getitem__, ids))
            scores.update(zip(ids, map(table.__getitem__, keys), strict=True))
        return scores

    def _read_slowly(self, field: str, term: bytes, wanted: list[int] | None) -> Scores:
        """Any other scorer or codec: Whoosh's matcher, posting by posting."""
        matcher = self._searcher.postings(field, term)
        scores: Scores = {}
        if wanted is not None:
            for d in wanted:
                if not matcher.is_active():
                    break
                matcher.skip_to(d)
                if matcher.is_active() and matcher.id() == d:
                    scores[d] = matcher.score()
            return scores
        while matcher.is_active():
            scores[matcher.id()] = matcher.score()
            matcher.next()
        return scores

    def _ids(self, field: str, text: str) -> list[int]:
        term = (
            self._searcher.schema[field].to_bytes(text) if field in self._searcher.schema else b""
        )
        if not term or (field, term) not in self._reader:
            return []
        return list(self._reader.postings(field, term).all_ids())

    def _field_lengths(self, field: str) -> bytes:
        """Each document's length byte in the field (as the scorer reads it), read once."""
        lengths = self._lengths.get(field)
        if lengths is None:
            lengths = self._lengths[field] = self._read_lengths(field)
        return lengths

    def _read_lengths(self, field: str) -> bytes:
        column = self._reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        count = self._doccount
        raw = getattr(column, "_dbfile", None)
        if column is not None and raw is not None and getattr(column, "_fixedlen", 0) == 1:
            data = bytes(raw.get(column._basepos, min(column._count, count)))
            return data + bytes(count - len(data))
        length = self._reader.doc_field_length
        return bytes(length_to_byte(length(d, field) or 0) for d in range(count))


def _blocks(matcher: Any) -> Iterable[tuple[Any, Any]]:
    """A W3 posting list block by block: its document numbers and weights."""
    while matcher.is_active():
        yield _block(matcher)
        matcher._next_block()


def _block(matcher: Any) -> tuple[Any, Any]:
    """The document numbers and weights of the block a W3 matcher is in."""
    matcher._read_ids()
    matcher._read_weights()
    return matcher._ids, matcher._weights


def _length(length_byte: int) -> float:
    """A document's length in a field as Whoosh's scorer reads it."""
    return byte_to_length(length_byte) if length_byte else 1


def _restricted(scores: Scores, within: set[int]) -> Scores:
    if len(within) < len(scores):
        return {d: scores[d] for d in within if d in scores}
    return {d: s for d, s in scores.items() if d in within}


def _best_first(pair: tuple[int, float]) -> tuple[float, int]:
    return (-pair[1], pair[0])
