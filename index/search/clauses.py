"""Whoosh queries for what the user typed: words with their synonyms, compounds the content
does not hold made of words it does, phrases, and the last word still being typed.

Every word is one posting list in the ``content`` field; a title that holds a query word (or
one of its synonyms) lifts a document without being required.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any

from whoosh import query as wq
from whoosh.matching import AndNotMatcher

from index.search.analysis import Vocabulary, fold, query_terms
from index.search.phrase import Phrase
from index.search.query import ParsedQuery

CONTENT, TITLE = "content", "title"
PREFIX_TERMS = 8  # a prefix stands for its most common completions, not for all of them
PREFIX_SCAN = 4000  # completions looked at to find those
MAX_SYNONYM_WORDS = 4  # the longest synonym written as several words
MAX_REMEMBERED = 4096  # typed words whose compound parts are kept
MAX_REMEMBERED_PREFIXES = 256  # prefixes whose completions are kept (the last few typed)


class Or(wq.Or):  # type: ignore[misc]
    """Whoosh's Or, always as a tree of union matchers: on a small index Whoosh would read
    every posting of every part up front, which costs more than it saves here."""

    matcher_type = wq.Or.DEFAULT_MATCHER


class AndNot(wq.AndNot):  # type: ignore[misc]
    """Whoosh's AND-NOT, with a matcher that stops when the documents it keeps run out."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        kept = self.a.matcher(searcher, context)
        excluded = self.b.matcher(searcher, searcher.boolean_context())
        return _AndNotMatcher(kept, excluded)


class _AndNotMatcher(AndNotMatcher):  # type: ignore[misc]
    """Whoosh's ``skip_to_quality`` skips the kept side's blocks and then looks for its next
    document that is not excluded, without asking whether the skip used the kept side up:
    a small limit (the best hit's score is soon too high for any block left) then read the
    id of a finished posting list, an IndexError (``-holdninger "psykisk" mestringssentre``
    with one hit asked for)."""

    def _find_next(self) -> Any:
        if not self.a.is_active():
            return False
        return super()._find_next()


class Clauses:
    """Builds queries against one index reader."""

    def __init__(
        self,
        reader: Any,
        vocabulary: Vocabulary,
        synonyms: Iterable[Iterable[str]] = (),
        prefixes: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self._reader = reader
        self._prefixes = prefixes or {}  # fulltext.PREFIXES_FILE
        self._vocabulary = vocabulary
        self._parts: dict[str, tuple[str, ...]] = {}
        self._completions: dict[str, list[tuple[int, str]]] = {}
        # A word or words (folded, as a tuple) -> the index terms of each other member.
        self.synonyms: dict[tuple[str, ...], list[list[str]]] = {}
        for group in synonyms:
            members = list(group)
            variants = [query_terms(m) for m in members]
            for member, terms in zip(members, variants, strict=True):
                key = tuple(fold(w) for w in member.lower().replace("-", " ").split())
                others = [t for t in variants if t and t != terms]
                if key:
                    self.synonyms.setdefault(key, []).extend(others)

    # --- what the index knows ------------------------------------------------------------

    def indexed(self, term: str) -> bool:
        return (CONTENT, term) in self._reader

    def known(self, word: str) -> bool:
        """Known as typed, or through folding, inflection and the parts of compounds."""
        terms = query_terms(word)
        return not terms or all(self.indexed(t) for t in terms)

    def findable(self, word: str) -> bool:
        """Known, a synonym, or a compound of known words."""
        return self.known(word) or (fold(word),) in self.synonyms or bool(self.parts(word))

    def parts(self, word: str) -> tuple[str, ...]:
        """A compound the content does not hold, as words it does (selvmords|gruppe)."""
        key = fold(word.lower())
        found = self._parts.get(key)
        if found is None:
            if len(self._parts) > MAX_REMEMBERED:
                self._parts.clear()
            found = self._parts[key] = self._vocabulary.split_query(key, self.known)
        return found

    def completes(self, prefix: str) -> bool:
        """Some word in the content starts with this."""
        return any(True for _ in islice(self._reader.iter_prefix(CONTENT, fold(prefix)), 1))

    # --- clauses -------------------------------------------------------------------------

    def all_clauses(self, parsed: ParsedQuery) -> list[Any]:
        clauses = self.word_clauses(parsed.words)
        for phrase in parsed.phrases:
            terms = [t for w in phrase for t in query_terms(w)]
            if len(terms) > 1:
                clauses.append(Phrase(CONTENT, terms))
            elif terms:
                clauses.append(wq.Term(CONTENT, terms[0]))
        clauses += [c for p in parsed.prefixes if (c := self.prefix(p))]
        return clauses

    def in_synonyms(self, words: tuple[str, ...]) -> set[str]:
        """The words that stand in a synonym of several words (born og unge): each is
        known through the synonym, whatever it is alone."""
        folded = [fold(w) for w in words]
        inside: set[str] = set()
        for i in range(len(words)):
            for n in range(min(MAX_SYNONYM_WORDS, len(words) - i), 1, -1):
                if tuple(folded[i : i + n]) in self.synonyms:
                    inside.update(words[i : i + n])
                    break
        return inside

    def word_clauses(self, words: tuple[str, ...]) -> list[Any]:
        """One clause per word, or per run of words that is a synonym (mistet noen)."""
        clauses: list[Any] = []
        folded = [fold(w) for w in words]
        i = 0
        while i < len(words):
            for n in range(min(MAX_SYNONYM_WORDS, len(words) - i), 1, -1):
                alternatives = self.synonyms.get(tuple(folded[i : i + n]))
                if alternatives:
                    own = [t for w in words[i : i + n] for t in query_terms(w)]
                    clauses.append(_any_of([own, *alternatives]))
                    i += n
                    break
            else:
                if (clause := self.word(words[i])) is not None:
                    clauses.append(clause)
                i += 1
        return clauses

    def word(self, word: str, synonyms: bool = True) -> Any:
        terms = query_terms(word)
        if not terms:
            return None  # a stop word
        own = terms
        if not self.known(word) and (parts := self.parts(word)):
            own = [t for p in parts for t in query_terms(p)]
        alternatives = self.synonyms.get((fold(word),), []) if synonyms else []
        if not alternatives:
            return _all_of(own)
        return _any_of([own, *alternatives])

    def prefix(self, prefix: str) -> Any:
        """A word still being typed: its most common completions, and the word itself."""
        found = self.completions(fold(prefix))
        options = [wq.Term(CONTENT, t) for _, t in found[:PREFIX_TERMS]]
        word = self.word(prefix)  # the word as typed, with its synonyms
        if word is not None:
            options.append(word)
        return Or(options) if options else None

    def completions(self, folded: str) -> list[tuple[int, str]]:
        """The index terms starting with ``folded``, most documents first, as (documents,
        term). Typing adds a letter at a time: the list for the letters before is filtered
        rather than the term index read again."""
        cached = self._completions.get(folded)
        if cached is not None:
            return cached
        table = self._prefixes.get(folded)
        if table is not None:  # a prefix that starts thousands of words: looked up, not read
            return [(0, t) for t in table]
        for end in range(len(folded) - 1, 0, -1):
            shorter = self._completions.get(folded[:end])
            if shorter is not None and len(shorter) < PREFIX_SCAN:  # complete, not cut off
                found = [pair for pair in shorter if pair[1].startswith(folded)]
                break
        else:
            found = sorted(
                (
                    (info.doc_frequency(), _text(term))
                    for term, info in islice(self._reader.iter_prefix(CONTENT, folded), PREFIX_SCAN)
                ),
                key=lambda pair: (-pair[0], pair[1]),
            )
        if len(self._completions) >= MAX_REMEMBERED_PREFIXES:
            self._completions.pop(next(iter(self._completions)))  # the oldest
        self._completions[folded] = found
        return found

    def title_terms(self, parsed: ParsedQuery) -> list[str]:
        """The terms a title may hold to be lifted: each word's own and its synonyms'."""
        words = (*parsed.words, *(w for p in parsed.phrases for w in p))
        terms: list[str] = []
        for word in words:
            terms += query_terms(word)
            terms += [a[0] for a in self.synonyms.get((fold(word),), []) if len(a) == 1]
        for prefix in parsed.prefixes:  # a title with the word being typed, completed
            terms += [t for _, t in self.completions(fold(prefix))[:PREFIX_TERMS]]
            terms += query_terms(prefix)
        return list(dict.fromkeys(terms))


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def _all_of(terms: list[str]) -> Any:
    if len(terms) == 1:
        return wq.Term(CONTENT, terms[0])
    return wq.And([wq.Term(CONTENT, t) for t in terms])


def _any_of(variants: list[list[str]]) -> Any:
    """The first variant as words, the others as phrases (a synonym of several words)."""
    options = [_all_of(variants[0])]
    options += [wq.Term(CONTENT, v[0]) if len(v) == 1 else Phrase(CONTENT, v) for v in variants[1:]]
    return Or(options)
