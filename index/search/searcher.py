"""Search over the built store: one long-lived Searcher, results as plain dataclasses.

A query is tried strictly first (every word must match), then relaxed (any word), then with
typing errors corrected to real words of the content; the result says which, and offers
"Mente du ...?" when a typed word is unknown. What the query asks for beyond its words (a
time, a channel, a group of people, help itself: intent.py) lifts the contacts that answer
it; an exact title comes first (ranking.py).
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from whoosh import query as wq

from index.content.model import KINDS
from index.errors import HandbokError
from index.i18n import QT_TRANSLATE_NOOP
from index.search import fulltext
from index.search.analysis import fold, query_terms
from index.search.champions import Champions, Ranked
from index.search.clauses import CONTENT, TITLE, AndNot, Clauses, Or
from index.search.hits import SearchHit, SearchResult, followed_by, open_now
from index.search.intent import CHANNEL_ONLY, Intent, read_intent
from index.search.query import ParsedQuery, parse
from index.search.ranking import HELP_LINE, ContactFacts, final_order, lift
from index.search.snippets import SNIPPET_CHARS, Snippets
from index.search.spelling import WORDS_FILE, Corrector, allowed_distance
from index.search.termscores import TermScores

__all__ = ["MAX_LIMIT", "SearchHit", "SearchResult", "Searcher"]

FACETS = "facets"
DEFINITION_TERM = query_terms("definisjon")[0]
MAX_LIMIT = 500
CORRECTIONS = 2  # real words tried for a mistyped one
MIN_CORRECTED_COMPOUND = 10  # a typed word this long may be a compound with one part wrong
MIN_CORRECTED_PART = 5  # ... and its parts this long
MAX_REMEMBERED_CORRECTIONS = 512
INTENT_POOL = 40  # hits looked at when the query asks for something contacts may answer


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

    @property
    def contact_facts(self) -> Mapping[str, ContactFacts]: ...

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
        prefixes = fulltext.load_prefixes(store / fulltext.PREFIXES_FILE)
        champions = fulltext.load_champions(store / fulltext.CHAMPIONS_FILE)
        self._setup(index, Corrector.load(store / WORDS_FILE), synonyms, prefixes, champions)

    @classmethod
    def over(
        cls, index: Any, corrector: Corrector, synonyms: Iterable[Iterable[str]] = ()
    ) -> Searcher:
        """A searcher over an index built in memory (the municipality's local contacts)."""
        searcher = cls.__new__(cls)
        searcher._setup(index, corrector, synonyms)
        return searcher

    def _setup(
        self,
        index: Any,
        corrector: Corrector,
        synonyms: Iterable[Iterable[str]],
        prefixes: dict[str, tuple[str, ...]] | None = None,
        champions: Mapping[str, list[tuple[int, float]]] | None = None,
    ) -> None:
        self._index = index
        try:
            self._searcher = index.searcher()
            self._reader = self._searcher.reader()
            self._contacts = self._contact_facts()
        except Exception as error:
            raise HandbokError(
                QT_TRANSLATE_NOOP("Handbok", "Søkeindeksen kan ikke åpnes ({reason})."),
                reason=type(error).__name__,
            ) from error
        self._analyzer = index.schema[CONTENT].analyzer
        vocabulary = fulltext.vocabulary_of(index)
        self._clauses = Clauses(self._reader, vocabulary, synonyms, prefixes)
        self._scores = TermScores(self._searcher)
        self._champions = Champions(champions or {}, self._clauses, self._scores)
        self._snippets = Snippets(vocabulary)
        self._corrector = corrector
        self._near: dict[tuple[str, int], list[str]] = {}
        self._lock = threading.Lock()

    def _contact_facts(self) -> dict[str, ContactFacts]:
        """Every contact's category, channels, audiences and hours (tens of them)."""
        facts: dict[str, ContactFacts] = {}
        for docnum in self._searcher.docs_for_query(wq.Term("kind", "contact")):
            stored = self._searcher.stored_fields(docnum)
            facts[stored["id"]] = ContactFacts.parse(
                stored.get("facets", "") or "", stored.get("hours", "") or ""
            )
        return facts

    @property
    def contact_facts(self) -> Mapping[str, ContactFacts]:
        """Every contact's category, channels, audiences and hours, by id."""
        return self._contacts

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
            if typing == finished or not self._clauses.findable(typing.prefixes[-1]):
                return self._run(text, typing, kind, limit, snippets, at)
            # The last word is a whole word already: what the command line finds for the
            # same text comes first, in its order, so a finished query looks the same in
            # the window; the word's completions only fill the list up.
            done = self._run(text, finished, kind, limit, snippets, at)
            if len(done.hits) >= limit:
                return done
            more = self._run(text, typing, kind, limit, snippets, at)
            return followed_by(done, more, limit)

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
        intent = read_intent(text, now) if self._contacts else Intent()
        parsed = _without(parsed, intent.carriers)
        filter_q = wq.Term("kind", kind) if kind else None
        pool = max(limit, INTENT_POOL) if intent.any else limit
        # Every word as typed; every word with the unknown ones corrected; any word as typed;
        # any word and the nearest real words of the unknown ones.
        fast = None if kind or intent.any else self._champions.answer(self._searcher, parsed, pool)
        if fast is not None and fast.scored_length():
            results, relaxed = fast, False
        else:
            results, relaxed = self._attempt(parsed, intent, filter_q, pool, relax=False)
        fuzzy = False
        if _nothing(results) and (corrected := self._corrected(parsed, 1)) is not None:
            intent = read_intent(f"{text} {' '.join(corrected.words)}", now)
            if self._contacts:
                parsed, corrected = (
                    _without(parsed, intent.carriers),
                    _without(corrected, intent.carriers),
                )
            results, _ = self._attempt(corrected, intent, filter_q, pool, relax=False)
            fuzzy = not _nothing(results)
        if _nothing(results):
            results, relaxed = self._attempt(parsed, intent, filter_q, pool)
        if _nothing(results) and (corrected := self._corrected(parsed, CORRECTIONS)) is not None:
            any_word = replace(corrected, any_of=True)
            results, _ = self._attempt(any_word, intent, filter_q, pool)
            fuzzy = True
        hits: tuple[SearchHit, ...] = ()
        terms: set[str] = set()
        if results is not None and results.scored_length():
            # The query's own terms, for highlighting: asking Whoosh which terms matched in
            # each document costs a sixth of the search time.
            terms = {_text(t) for f, t in results.q.iter_all_terms() if f == CONTENT}
            ranked = self._ranked(results, intent)
            bodies = {h["id"]: h.get("body", "") for h, _ in ranked}
            found = [self._hit(h, score, now) for h, score in ranked]
            hits = tuple(
                self._with_snippet(hit, bodies[hit.id], terms if snippets else None)
                for hit in final_order(found, text, intent, self._contacts)[:limit]
            )
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

    def _ranked(self, results: Any, intent: Intent) -> list[tuple[Any, float]]:
        """Whoosh's hits with the scores the query's intent gives them, best first."""
        scored = []
        for hit in results:
            score = float(hit.score or 0.0)
            if intent.any and (facts := self._contacts.get(hit["id"])) is not None:
                score *= lift(facts, intent)
            scored.append((hit, score))
        if intent.any:
            scored.sort(key=lambda pair: -pair[1])
        return scored

    def _attempt(
        self,
        parsed: ParsedQuery,
        intent: Intent,
        filter_q: Any,
        limit: int,
        relax: bool = True,
    ) -> tuple[Any, bool]:
        """All words, then (``relax``) any word. Returns the results and whether they were
        relaxed (None: nothing to search for)."""
        clauses = self._clauses.all_clauses(parsed)
        asked = self._asked(intent)
        if not clauses and asked is None and intent.any:
            asked = wq.Term("kind", "contact")  # "åpen i natt": the contacts open then
        if not clauses and asked is None:
            return None, False
        if not clauses:
            return self._search(asked, parsed, filter_q, limit), False
        combine = Or if parsed.any_of else wq.And
        text_q, relaxed = combine(clauses), False
        if asked is not None:
            # The contacts the intent asks for join what the words find; whether the words
            # find anything at all decides on relaxing them first.
            strict = relax and len(clauses) > 1 and not parsed.any_of
            if strict and _nothing(self._find(text_q, filter_q, 1)):
                text_q, relaxed = Or(clauses), True
            return self._search(Or([text_q, asked]), parsed, filter_q, limit), relaxed
        results = self._search(text_q, parsed, filter_q, limit)
        if relax and results.scored_length() == 0 and len(clauses) > 1 and not parsed.any_of:
            return self._search(Or(clauses), parsed, filter_q, limit), True
        return results, False

    def _asked(self, intent: Intent) -> Any:
        """The contacts a query's intent asks for, whatever its words (None: none)."""
        facets = []
        if intent.help_lines:
            facets.append(fulltext.facet("category", HELP_LINE))
            facets += [fulltext.facet("audience", a) for a in intent.audiences]
        elif intent.channels and intent.carriers & CHANNEL_ONLY:
            facets += [fulltext.facet("channel", c) for c in intent.channels]
        if not facets:
            return None
        return Or([wq.Term(FACETS, f) for f in facets])

    def _search(self, q: Any, parsed: ParsedQuery, filter_q: Any, limit: int) -> Any:
        lifts = [
            wq.Term(TITLE, t, boost=fulltext.TITLE_BOOST) for t in self._clauses.title_terms(parsed)
        ]
        if parsed.wants_definition:
            lifts.append(wq.Term(TITLE, DEFINITION_TERM, boost=fulltext.TITLE_BOOST))
        if lifts:
            q = wq.AndMaybe(q, Or(lifts))
        if parsed.excluded:
            negative = [c for w in parsed.excluded if (c := self._clauses.word(w, synonyms=False))]
            if negative:
                q = AndNot(q, Or(negative))
        return self._find(q, filter_q, limit)

    def _find(self, q: Any, filter_q: Any, limit: int) -> Any:
        """Whoosh's best hits for a query, scored from the kept term maps (termscores.py)
        when the query is one they can answer: the same scores and order, for the window's
        keystrokes and for whole queries alike (Whoosh's matcher tree walked an AND of
        common words posting by posting, 15 ms and more on a large handbook)."""
        if (best := self._scores.top(q, limit, filter_q)) is not None:
            return Ranked(self._searcher, best, [], q)
        return self._searcher.search(q, limit=limit, filter=filter_q)

    # --- typing errors -------------------------------------------------------------------

    def _corrected(self, parsed: ParsedQuery, per_word: int) -> ParsedQuery | None:
        """The query with each unknown word replaced by its ``per_word`` nearest real words."""
        changed = False
        words: list[str] = []
        inside = self._clauses.in_synonyms(parsed.words)
        for word in (*parsed.words, *parsed.prefixes, *(w for p in parsed.phrases for w in p)):
            if word in inside:
                words.append(word)
                continue
            if len(word) >= 4 and not word.isdigit() and not self._clauses.findable(word):
                found = self._nearest(word, per_word)
                if found:
                    words.extend(w for text in found for w in text.split())
                    changed = True
                    continue
            words.append(word)
        if not changed:
            return None
        return ParsedQuery(words=tuple(dict.fromkeys(words)))

    def _nearest(self, word: str, limit: int) -> list[str]:
        """Real words near a typed one (remembered: one search asks up to three times, and
        typing asks again for the same words)."""
        key = (word.lower(), limit)
        found = self._near.get(key)
        if found is None:
            if len(self._near) >= MAX_REMEMBERED_CORRECTIONS:
                self._near.pop(next(iter(self._near)))
            found = self._near[key] = self._find_nearest(word, limit)
        return found

    def _find_nearest(self, word: str, limit: int) -> list[str]:
        """For a compound the content lacks, with a mistake in one part (selvmordsgrupe),
        the other part is kept and the mistyped one corrected."""
        found = self._corrector.candidates(word, limit)
        if found or len(word) < MIN_CORRECTED_COMPOUND:
            return found
        lower = word.lower()
        # A part may have as many mistakes as the whole word would be forgiven.
        distance = allowed_distance(len(lower))
        for end in range(len(lower) - MIN_CORRECTED_PART, MIN_CORRECTED_PART - 1, -1):
            modifier = lower[:end]
            starts = [end, end + 1] if lower[end] in "se" else [end]
            for start in starts:
                head = lower[start:]
                if len(head) < MIN_CORRECTED_PART:
                    continue
                if self._clauses.known(modifier):
                    for best in self._corrector.candidates(head, 1, distance):
                        return [lower[:start] + best]
                if self._clauses.known(head) and len(modifier) >= MIN_CORRECTED_PART:
                    for best in self._corrector.candidates(modifier, 1, distance):
                        return [best + lower[end:]]
        return []

    def _suggest(self, text: str, parsed: ParsedQuery, with_prefixes: bool = False) -> str:
        """Replace typed words the content does not know by the nearest real words.

        A word still being typed (a prefix) is only corrected when nothing was found: until
        then it is probably just unfinished."""
        candidates = [*parsed.words, *(w for p in parsed.phrases for w in p)]
        if with_prefixes:
            candidates += [p for p in parsed.prefixes if not self._clauses.completes(p)]
        corrected, changed = text, False
        inside = self._clauses.in_synonyms(parsed.words)
        for word in candidates:
            if len(word) < 4 or word.isdigit() or word in inside or self._clauses.findable(word):
                continue
            best = next(iter(self._nearest(word, 1)), "")
            if best and best != word:
                # The word may not stand alone in the text (cut off by MAX_INPUT, or changed
                # by lower-casing): then there is nothing to suggest for it.
                replaced = _replace_word(corrected, word, best)
                changed = changed or replaced != corrected
                corrected = replaced
        return corrected if changed else ""

    # --- hits ----------------------------------------------------------------------------

    def _hit(self, hit: Any, score: float, now: datetime) -> SearchHit:
        facts = self._contacts.get(hit["id"]) if hit["kind"] == "contact" else None
        return SearchHit(
            id=hit["id"],
            kind=hit["kind"],
            title=hit.get("title", ""),
            snippet="",
            score=score,
            parent_id=hit.get("parent_id", "") or "",
            parent_title=hit.get("parent_title", "") or "",
            phone=hit.get("phone", "") or "",
            open_now=open_now(hit.get("hours", "") or "", now),
            category=facts.category if facts else "",
        )

    def _with_snippet(self, hit: SearchHit, body: str, terms: set[str] | None) -> SearchHit:
        """Snippets only for the hits that are shown: highlighting is the costly part."""
        snippet = self._snippets.make(body, terms) if terms else ""
        if not snippet:
            snippet = html.escape(_shorten(body, SNIPPET_CHARS))
        return replace(hit, snippet=snippet)


def _nothing(results: Any) -> bool:
    return results is None or results.scored_length() == 0


def _without(parsed: ParsedQuery, carriers: frozenset[str]) -> ParsedQuery:
    """The query without the words that only carried its intent."""
    if not carriers:
        return parsed
    return replace(
        parsed,
        words=tuple(w for w in parsed.words if fold(w) not in carriers),
        prefixes=tuple(p for p in parsed.prefixes if fold(p) not in carriers),
    )


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _replace_word(text: str, word: str, replacement: str) -> str:
    return re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", replacement, text, count=1)
