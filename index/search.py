"""Search over the built store: one long-lived Searcher, results as plain dataclasses.

A query is tried strictly first (every word must match), then relaxed (any word), then with
typo tolerance; the result says which, and offers "Mente du ...?" in real words when a typed
word is unknown.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import highlight
from whoosh import query as wq

from index import fulltext
from index.analysis import fold, query_terms
from index.errors import HandbokError
from index.i18n import QT_TRANSLATE_NOOP
from index.model import KINDS
from index.query import ParsedQuery, parse

FIELDS = (("title", fulltext.TITLE_BOOST), ("parent_title", fulltext.CONTEXT_BOOST),
          ("keywords", fulltext.CONTEXT_BOOST), ("body", 1.0))  # fmt: skip
PHRASE_FIELDS = (("title", fulltext.TITLE_BOOST), ("body", 1.0))
DEFINITION_TERM = query_terms("definisjon")[0]
SNIPPET_CHARS = 180
MAX_LIMIT = 500


@dataclass(frozen=True)
class SearchHit:
    id: str
    kind: str
    title: str
    snippet: str  # HTML: escaped text, matches in <b>...</b>
    score: float
    parent_id: str = ""
    parent_title: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "title": self.title, "snippet": self.snippet,
            "score": round(self.score, 4), "parent_id": self.parent_id,
            "parent_title": self.parent_title,
        }  # fmt: skip


@dataclass(frozen=True)
class SearchResult:
    text: str
    hits: tuple[SearchHit, ...] = ()
    total: int = 0
    relaxed: bool = False  # no item had every word; these have some
    fuzzy: bool = False  # found only by tolerating typing errors
    suggestion: str = ""  # "Mente du ...?": the query with unknown words corrected
    terms: tuple[str, ...] = field(default=())  # index terms, for highlighting in the reader


class Searcher:
    """Keeps the index open; ``search`` is safe to call from one worker thread at a time."""

    def __init__(self, store: Path, synonyms: Iterable[Iterable[str]] = ()) -> None:
        try:
            self._index = fulltext.open_index(store)
            self._searcher = self._index.searcher()
        except Exception as error:  # Whoosh raises many kinds for a damaged index
            raise HandbokError(
                QT_TRANSLATE_NOOP("Handbok", "Søkeindeksen kan ikke åpnes ({reason})."),
                reason=type(error).__name__,
            ) from error
        self._lock = threading.Lock()
        self._synonyms: dict[str, list[list[str]]] = {}
        for group in synonyms:
            variants = [query_terms(v) for v in group]
            for raw, terms in zip(group, variants, strict=True):
                others = [t for t in variants if t and t != terms]
                self._synonyms.setdefault(fold(raw.lower()), []).extend(others)
        self._highlighter = highlight.Highlighter(
            fragmenter=highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60),
            formatter=_BoldFormatter(between=" … "),
        )

    def matcher(self, terms: Iterable[str]) -> Callable[[str], bool]:
        """A test for words in a text: does this word match any of a result's terms? Uses the
        index's own analysis, so compounds and inflected forms light up in the reader too."""
        wanted = set(terms)
        analyzer = self._index.schema["body"].analyzer

        def matches(word: str) -> bool:
            return bool(wanted) and any(t.text in wanted for t in analyzer(word))

        return matches

    def close(self) -> None:
        self._searcher.close()
        self._index.close()

    def search(
        self,
        text: str,
        *,
        kind: str | None = None,
        limit: int = 20,
        prefix_last: bool = False,
        snippets: bool = True,
    ) -> SearchResult:
        parsed = parse(text, prefix_last=prefix_last)
        limit = max(1, min(int(limit), MAX_LIMIT))
        if kind is not None and kind not in KINDS:
            raise HandbokError(QT_TRANSLATE_NOOP("Handbok", "Ukjent type «{kind}»."), kind=kind)
        if parsed.empty:
            return SearchResult(text)
        with self._lock:
            return self._run(text, parsed, kind, limit, snippets)

    # --- internals -----------------------------------------------------------------------

    def _run(
        self, text: str, parsed: ParsedQuery, kind: str | None, limit: int, snippets: bool
    ) -> SearchResult:
        filter_q = wq.Term("kind", kind) if kind else None
        clauses = self._clauses(parsed)
        relaxed = fuzzy = False
        results = None
        if clauses:
            combine = wq.Or if parsed.any_of else wq.And
            results = self._search(combine(clauses), parsed, filter_q, limit)
            if results.scored_length() == 0 and len(clauses) > 1 and not parsed.any_of:
                relaxed = True
                results = self._search(wq.Or(clauses), parsed, filter_q, limit)
        if results is None or results.scored_length() == 0:
            fuzzy_q = self._fuzzy(parsed)
            if fuzzy_q is not None:
                fuzzy = True
                results = self._search(fuzzy_q, parsed, filter_q, limit)
        hits = tuple(self._hit(h, snippets) for h in results) if results is not None else ()
        unsure = fuzzy or not hits
        terms = tuple(sorted({t for _, t in results.matched_terms()} if results else ()))
        total = len(results) if results is not None else 0
        return SearchResult(
            text=text,
            hits=hits,
            total=total,
            relaxed=relaxed and bool(hits),
            fuzzy=fuzzy and bool(hits),
            suggestion=self._suggest(text, parsed, with_prefixes=unsure),
            terms=tuple(t.decode() if isinstance(t, bytes) else str(t) for t in terms),
        )

    def _search(self, q: Any, parsed: ParsedQuery, filter_q: Any, limit: int) -> Any:
        if parsed.wants_definition:
            q = wq.AndMaybe(q, _term(DEFINITION_TERM))
        if parsed.excluded:
            negative = [c for w in parsed.excluded if (c := self._word(w, synonyms=False))]
            if negative:
                q = wq.AndNot(q, wq.Or(negative))
        return self._searcher.search(q, limit=limit, filter=filter_q, terms=True)

    def _clauses(self, parsed: ParsedQuery) -> list[Any]:
        clauses = [c for w in parsed.words if (c := self._word(w))]
        for phrase in parsed.phrases:
            terms = [t for w in phrase for t in query_terms(w)]
            if len(terms) > 1:
                clauses.append(_phrase(terms))
            elif terms:
                clauses.append(_term(terms[0]))
        for prefix in parsed.prefixes:
            folded = fold(prefix)
            options = [wq.Prefix(name, folded, boost=boost) for name, boost in FIELDS]
            options += [_term(t) for t in query_terms(prefix)]
            clauses.append(wq.Or(options))
        return clauses

    def _word(self, word: str, synonyms: bool = True) -> Any:
        terms = query_terms(word)
        if not terms:
            return None  # a stop word
        clause = _term(terms[0]) if len(terms) == 1 else wq.And([_term(t) for t in terms])
        alternatives = self._synonyms.get(fold(word), []) if synonyms else []
        if not alternatives:
            return clause
        return wq.Or([clause, *(_term(a[0]) if len(a) == 1 else _phrase(a) for a in alternatives)])

    def _fuzzy(self, parsed: ParsedQuery) -> Any:
        options = []
        for word in (*parsed.words, *parsed.prefixes, *(w for p in parsed.phrases for w in p)):
            for term in query_terms(word):
                if len(term) < 4 or term.isdigit():
                    continue
                distance = 1 if len(term) < 7 else 2
                options += [
                    wq.FuzzyTerm(name, term, boost=boost, maxdist=distance, prefixlength=1)
                    for name, boost in FIELDS
                ]
        return wq.Or(options) if options else None

    def _suggest(self, text: str, parsed: ParsedQuery, with_prefixes: bool = False) -> str:
        """Replace typed words the content does not know by the nearest real words.

        A word still being typed (a prefix) is only corrected when nothing was found: until
        then it is probably just unfinished."""
        reader = self._searcher.reader()
        corrected = text
        changed = False
        candidates = (*parsed.words, *(w for p in parsed.phrases for w in p))
        if with_prefixes:
            candidates += tuple(p for p in parsed.prefixes if _no_term_starts_with(reader, p))
        for word in candidates:
            if len(word) < 4 or word.isdigit() or fold(word) in self._synonyms:
                continue
            # Known as typed, or found through folding and compound parts: nothing to correct.
            terms = query_terms(word)
            if ("plain", word) in reader or any(("body", t) in reader for t in terms):
                continue
            found = self._searcher.suggest("plain", word, limit=1, maxdist=2, prefix=1)
            if found and found[0] != word:
                corrected = _replace_word(corrected, word, found[0])
                changed = True
        return corrected if changed else ""

    def _hit(self, hit: Any, snippets: bool) -> SearchHit:
        body = hit.get("body", "")
        snippet = ""
        if snippets:
            snippet = self._highlighter.highlight_hit(hit, "body", text=body, top=2) or ""
        if not snippet:
            snippet = html.escape(_shorten(body, SNIPPET_CHARS))
        return SearchHit(
            id=hit["id"],
            kind=hit["kind"],
            title=hit.get("title", ""),
            snippet=snippet,
            score=float(hit.score or 0.0),
            parent_id=hit.get("parent_id", "") or "",
            parent_title=hit.get("parent_title", "") or "",
        )


class _BoldFormatter(highlight.HtmlFormatter):  # type: ignore[misc]
    """Matches as bare ``<b>`` tags: the snippet is shown in Qt rich text and on the CLI."""

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"<b>{self._text(highlight.get_text(text, token, replace))}</b>"


def _no_term_starts_with(reader: Any, prefix: str) -> bool:
    folded = fold(prefix)
    return not any(True for _ in reader.expand_prefix("body", folded)) and not any(
        True for _ in reader.expand_prefix("plain", prefix)
    )


def _term(term: str) -> Any:
    return wq.Or([wq.Term(name, term, boost=boost) for name, boost in FIELDS])


def _phrase(terms: list[str]) -> Any:
    return wq.Or([wq.Phrase(name, terms, boost=boost) for name, boost in PHRASE_FIELDS])


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _replace_word(text: str, word: str, replacement: str) -> str:
    return re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", replacement, text, count=1)
