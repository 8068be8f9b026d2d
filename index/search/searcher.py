"""Search over the built store: one long-lived Searcher, results as plain dataclasses.

A query is tried strictly first (every word must match), then relaxed (any word), then with
typing errors corrected to real words of the content; the result says which, and offers
"Mente du ...?" when a typed word is unknown. Every word is one posting list (the ``content``
field); a title that matches lifts a document without being required.
"""

from __future__ import annotations

import html
import json
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from whoosh import highlight
from whoosh import query as wq

from index.content.hours import HoursError, OpeningHours, parse_hours
from index.content.model import KINDS
from index.errors import HandbokError
from index.i18n import QT_TRANSLATE_NOOP
from index.search import fulltext
from index.search.analysis import fold, query_terms
from index.search.query import ParsedQuery, parse
from index.search.spelling import WORDS_FILE, Corrector

CONTENT, TITLE = "content", "title"
DEFINITION_TERM = query_terms("definisjon")[0]
SNIPPET_CHARS = 180
MAX_LIMIT = 500
PREFIX_TERMS = 8  # a prefix stands for its most common completions, not for all of them
PREFIX_SCAN = 4000  # completions looked at to find those
CORRECTIONS = 2  # real words tried for a mistyped one


@dataclass(frozen=True)
class SearchHit:
    id: str
    kind: str
    title: str
    snippet: str  # HTML: escaped text, matches in <b>...</b>
    score: float
    parent_id: str = ""
    parent_title: str = ""
    # A contact's main number ("" when it has no telephone line) and whether one of its lines
    # is open at the time of the search (None: its hours are not known).
    phone: str = ""
    open_now: bool | None = None

    def as_json(self) -> dict[str, Any]:
        data = {
            "id": self.id, "kind": self.kind, "title": self.title, "snippet": self.snippet,
            "score": round(self.score, 4), "parent_id": self.parent_id,
            "parent_title": self.parent_title,
        }  # fmt: skip
        if self.kind == "contact":
            data["phone"] = self.phone
            data["open_now"] = self.open_now
        return data


@dataclass(frozen=True)
class SearchResult:
    text: str
    hits: tuple[SearchHit, ...] = ()
    total: int = 0  # hits found (counting every match would cost a second pass)
    relaxed: bool = False  # no item had every word; these have some
    fuzzy: bool = False  # found only after correcting typing errors
    suggestion: str = ""  # "Mente du ...?": the query with unknown words corrected
    terms: tuple[str, ...] = field(default=())  # index terms, for highlighting in the reader


class ContentSearcher(Protocol):
    """What the window and the command line search through: a ``Searcher``, or one that also
    searches the municipality's contacts (``index.local.layer.LayeredSearcher``)."""

    def search(
        self,
        text: str,
        *,
        kind: str | None = None,
        limit: int = 20,
        prefix_last: bool = False,
        snippets: bool = True,
        now: datetime | None = None,
    ) -> SearchResult: ...

    def matcher(self, terms: Iterable[str]) -> Callable[[str], bool]: ...

    def close(self) -> None: ...


class Searcher:
    """Keeps the index open; ``search`` is safe to call from one worker thread at a time."""

    def __init__(self, store: Path, synonyms: Iterable[Iterable[str]] = ()) -> None:
        try:
            index = fulltext.open_index(store)
        except Exception as error:  # Whoosh raises many kinds for a damaged index
            raise HandbokError(
                QT_TRANSLATE_NOOP("Handbok", "Søkeindeksen kan ikke åpnes ({reason})."),
                reason=type(error).__name__,
            ) from error
        self._setup(index, Corrector.load(store / WORDS_FILE), synonyms)

    @classmethod
    def over(
        cls, index: Any, corrector: Corrector, synonyms: Iterable[Iterable[str]] = ()
    ) -> Searcher:
        """A searcher over an index built in memory (the municipality's local contacts)."""
        searcher = cls.__new__(cls)
        searcher._setup(index, corrector, synonyms)
        return searcher

    def _setup(self, index: Any, corrector: Corrector, synonyms: Iterable[Iterable[str]]) -> None:
        self._index = index
        try:
            self._searcher = index.searcher()
        except Exception as error:
            raise HandbokError(
                QT_TRANSLATE_NOOP("Handbok", "Søkeindeksen kan ikke åpnes ({reason})."),
                reason=type(error).__name__,
            ) from error
        self._reader = self._searcher.reader()
        self._analyzer = index.schema[CONTENT].analyzer
        self._corrector = corrector
        self._lock = threading.Lock()
        self._synonyms: dict[str, list[list[str]]] = {}
        for group in synonyms:
            variants = [query_terms(v) for v in group]
            for raw, terms in zip(group, variants, strict=True):
                others = [t for t in variants if t and t != terms]
                self._synonyms.setdefault(fold(raw.lower()), []).extend(others)
        self._fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
        self._formatter = _BoldFormatter(between=" … ")

    def matcher(self, terms: Iterable[str]) -> Callable[[str], bool]:
        """A test for words in a text: does this word match any of a result's terms? Uses the
        index's own analysis, so compounds and inflected forms light up in the reader too."""
        wanted = set(terms)
        analyzer = self._analyzer

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
        now: datetime | None = None,
    ) -> SearchResult:
        """``prefix_last``: the last word may still be being typed (the window's search).
        ``now`` is the moment a contact's ``open_now`` is for (default: the clock)."""
        finished = parse(text)
        typing = parse(text, prefix_last=True) if prefix_last else finished
        limit = max(1, min(int(limit), MAX_LIMIT))
        if kind is not None and kind not in KINDS:
            raise HandbokError(QT_TRANSLATE_NOOP("Handbok", "Ukjent type «{kind}»."), kind=kind)
        if typing.empty:
            return SearchResult(text)
        at = now or datetime.now()
        with self._lock:
            if typing == finished or not self._known(typing.prefixes[-1]):
                return self._run(text, typing, kind, limit, snippets, at)
            # The last word is a whole word already: what the command line finds for the
            # same text comes first, in its order, so a finished query looks the same in
            # the window; the word's completions only fill the list up.
            done = self._run(text, finished, kind, limit, snippets, at)
            if len(done.hits) >= limit:
                return done
            more = self._run(text, typing, kind, limit, snippets, at)
            return _followed_by(done, more, limit)

    # --- running a query -----------------------------------------------------------------

    def _run(
        self,
        text: str,
        parsed: ParsedQuery,
        kind: str | None,
        limit: int,
        snippets: bool,
        now: datetime,
    ) -> SearchResult:
        filter_q = wq.Term("kind", kind) if kind else None
        results, relaxed = self._attempt(parsed, filter_q, limit)
        fuzzy = False
        if results is None or results.scored_length() == 0:
            corrected = self._corrected(parsed)
            if corrected is not None:
                results, _ = self._attempt(corrected, filter_q, limit)
                fuzzy = True
        hits: tuple[SearchHit, ...] = ()
        terms: set[str] = set()
        if results is not None and results.scored_length():
            # The query's own terms, for highlighting: asking Whoosh which terms matched in
            # each document costs a sixth of the search time.
            terms = {_text(t) for f, t in results.q.iter_all_terms() if f == CONTENT}
            hits = tuple(self._hit(h, terms if snippets else None, now) for h in results)
        unsure = fuzzy or not hits
        return SearchResult(
            text=text,
            hits=hits,
            total=len(hits),
            relaxed=relaxed and bool(hits),
            fuzzy=fuzzy and bool(hits),
            suggestion=self._suggest(text, parsed, with_prefixes=unsure),
            terms=tuple(sorted(terms)),
        )

    def _attempt(self, parsed: ParsedQuery, filter_q: Any, limit: int) -> tuple[Any, bool]:
        """All words, then any word. Returns the results (None: nothing to search for)."""
        clauses = self._clauses(parsed)
        if not clauses:
            return None, False
        combine = wq.Or if parsed.any_of else wq.And
        results = self._search(combine(clauses), parsed, filter_q, limit)
        if results.scored_length() == 0 and len(clauses) > 1 and not parsed.any_of:
            return self._search(wq.Or(clauses), parsed, filter_q, limit), True
        return results, False

    def _search(self, q: Any, parsed: ParsedQuery, filter_q: Any, limit: int) -> Any:
        lifts = [wq.Term(TITLE, t, boost=fulltext.TITLE_BOOST) for t in self._title_terms(parsed)]
        if parsed.wants_definition:
            lifts.append(wq.Term(TITLE, DEFINITION_TERM, boost=fulltext.TITLE_BOOST))
        if lifts:
            q = wq.AndMaybe(q, wq.Or(lifts))
        if parsed.excluded:
            negative = [c for w in parsed.excluded if (c := self._word(w, synonyms=False))]
            if negative:
                q = wq.AndNot(q, wq.Or(negative))
        return self._searcher.search(q, limit=limit, filter=filter_q)

    # --- building queries ----------------------------------------------------------------

    def _clauses(self, parsed: ParsedQuery) -> list[Any]:
        clauses = [c for w in parsed.words if (c := self._word(w))]
        for phrase in parsed.phrases:
            terms = [t for w in phrase for t in query_terms(w)]
            if len(terms) > 1:
                clauses.append(wq.Phrase(CONTENT, terms))
            elif terms:
                clauses.append(wq.Term(CONTENT, terms[0]))
        clauses += [c for p in parsed.prefixes if (c := self._prefix(p))]
        return clauses

    def _word(self, word: str, synonyms: bool = True) -> Any:
        terms = query_terms(word)
        if not terms:
            return None  # a stop word
        clause = _all_of(terms)
        alternatives = self._synonyms.get(fold(word), []) if synonyms else []
        if not alternatives:
            return clause
        return wq.Or([clause, *(_all_of(a) if len(a) == 1 else _phrase(a) for a in alternatives)])

    def _prefix(self, prefix: str) -> Any:
        """A word still being typed: its most common completions, and the word itself."""
        folded = fold(prefix)
        found = [
            (info.doc_frequency(), _text(term))
            for term, info in islice(self._reader.iter_prefix(CONTENT, folded), PREFIX_SCAN)
        ]
        options = [wq.Term(CONTENT, t) for _, t in sorted(found, reverse=True)[:PREFIX_TERMS]]
        word = self._word(prefix)  # the word as typed, with its synonyms
        if word is not None:
            options.append(word)
        return wq.Or(options) if options else None

    def _completes(self, prefix: str) -> bool:
        """Some word in the content starts with this."""
        return any(True for _ in islice(self._reader.iter_prefix(CONTENT, fold(prefix)), 1))

    def _title_terms(self, parsed: ParsedQuery) -> list[str]:
        words = (*parsed.words, *(w for p in parsed.phrases for w in p))
        return list(dict.fromkeys(t for w in words for t in query_terms(w)))

    # --- typing errors -------------------------------------------------------------------

    def _known(self, word: str) -> bool:
        """Known as typed, or found through folding, inflection and compound parts."""
        terms = query_terms(word)
        return not terms or all((CONTENT, t) in self._reader for t in terms)

    def _corrected(self, parsed: ParsedQuery) -> ParsedQuery | None:
        """The query with unknown words replaced by the nearest real words (OR-ed)."""
        changed = False
        words: list[str] = []
        for word in (*parsed.words, *parsed.prefixes, *(w for p in parsed.phrases for w in p)):
            if len(word) >= 4 and not word.isdigit() and not self._known(word):
                found = self._corrector.candidates(word, CORRECTIONS)
                if found:
                    words.append(" ".join(found))
                    changed = True
                    continue
            words.append(word)
        if not changed:
            return None
        return ParsedQuery(words=tuple(w for text in words for w in text.split()), any_of=True)

    def _suggest(self, text: str, parsed: ParsedQuery, with_prefixes: bool = False) -> str:
        """Replace typed words the content does not know by the nearest real words.

        A word still being typed (a prefix) is only corrected when nothing was found: until
        then it is probably just unfinished."""
        candidates = [*parsed.words, *(w for p in parsed.phrases for w in p)]
        if with_prefixes:
            candidates += [p for p in parsed.prefixes if not self._completes(p)]
        corrected, changed = text, False
        for word in candidates:
            if len(word) < 4 or word.isdigit() or fold(word) in self._synonyms:
                continue
            if self._known(word):
                continue
            best = self._corrector.best(word)
            if best and best != word:
                # The word may not stand alone in the text (cut off by MAX_INPUT, or changed
                # by lower-casing): then there is nothing to suggest for it.
                replaced = _replace_word(corrected, word, best)
                changed = changed or replaced != corrected
                corrected = replaced
        return corrected if changed else ""

    # --- hits ----------------------------------------------------------------------------

    def _hit(self, hit: Any, terms: set[str] | None, now: datetime) -> SearchHit:
        body = hit.get("body", "")
        snippet = ""
        if terms:
            snippet = highlight.highlight(
                body, frozenset(terms), self._analyzer, self._fragmenter, self._formatter, top=2
            )
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
            phone=hit.get("phone", "") or "",
            open_now=open_now(hit.get("hours", "") or "", now),
        )


class _BoldFormatter(highlight.HtmlFormatter):  # type: ignore[misc]
    """Matches as bare ``<b>`` tags: the snippet is shown in Qt rich text and on the CLI."""

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"<b>{self._text(highlight.get_text(text, token, replace))}</b>"


def _followed_by(first: SearchResult, then: SearchResult, limit: int) -> SearchResult:
    """``first``'s hits and verdicts, with ``then``'s other hits after them."""
    if not first.hits:
        return then
    seen = {h.id for h in first.hits}
    hits = (*first.hits, *(h for h in then.hits if h.id not in seen))[:limit]
    return replace(
        first, hits=hits, total=len(hits), terms=tuple(sorted({*first.terms, *then.terms}))
    )


def open_now(line_hours: str, at: datetime) -> bool | None:
    """Whether any of a contact's lines is open at ``at``, from ``fulltext.line_hours``;
    None when no line's hours are known."""
    hours = _parsed_hours(line_hours)
    if not hours:
        return None
    return any(h.is_open(at) for h in hours)


@lru_cache(maxsize=1024)
def _parsed_hours(line_hours: str) -> tuple[OpeningHours, ...]:
    if not line_hours:
        return ()
    try:
        return tuple(parse_hours(spec) for spec in json.loads(line_hours))
    except (HoursError, ValueError, TypeError):  # written by our own build: never expected
        return ()


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def _all_of(terms: list[str]) -> Any:
    if len(terms) == 1:
        return wq.Term(CONTENT, terms[0])
    return wq.And([wq.Term(CONTENT, t) for t in terms])


def _phrase(terms: list[str]) -> Any:
    return wq.Phrase(CONTENT, terms)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _replace_word(text: str, word: str, replacement: str) -> str:
    return re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", replacement, text, count=1)
