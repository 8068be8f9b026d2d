"""The window's queries scored from kept term maps (index/search/termscores.py) find exactly what
Whoosh finds for the same query: the same documents, scores and order, on the real index of
the shipped content typed key by key, and on a generated index with long posting lists, where
a few documents are looked up in a long list rather than the list read whole."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from whoosh import query as wq

from index.search import fulltext
from index.search.clauses import CONTENT, TITLE, Clauses, Or
from index.search.query import parse
from index.search.termscores import TermScores
from index.store.database import DB_FILE, Store

CASES = yaml.safe_load((Path(__file__).parent / "data" / "search_cases.yaml").read_text("utf-8"))
LIMIT = 40


def whoosh_top(searcher: Any, q: Any, limit: int | None = LIMIT, filter_q: Any = None) -> list[Any]:
    """Whoosh's best hits, from all it finds: with a limit, Whoosh's collector can miss a
    document that scores above the last one it keeps (seen with AND-maybe on long lists)."""
    if type(q) is wq.AndNot:
        # Whoosh's AND-NOT can let an excluded document through when the first part of an
        # OR is a word the index lacks: the oracle is its positive part less the excluded.
        out = set(searcher.docs_for_query(q.b))
        found = [(d, s) for d, s in whoosh_top(searcher, q.a, None, filter_q) if d not in out]
    else:
        found = [(h.docnum, h.score) for h in searcher.search(q, limit=None, filter=filter_q)]
    return found[:limit]


def assert_same(found: list[tuple[int, float]] | None, expected: list[Any], what: str) -> None:
    assert found is not None, what
    assert [d for d, _ in found] == [d for d, _ in expected], what
    assert all(abs(a - b) < 1e-6 for (_, a), (_, b) in zip(found, expected, strict=True)), what


def window_queries(clauses: Clauses, text: str) -> Iterator[Any]:
    """The queries the searcher makes of what the field holds: every word, any word, the
    title lifts, an excluded word."""
    parsed = parse(text, prefix_last=True)
    found = clauses.all_clauses(parsed)
    if not found:
        return
    lifts = Or([wq.Term(TITLE, t, boost=fulltext.TITLE_BOOST) for t in clauses.title_terms(parsed)])
    yield wq.AndMaybe(wq.And(found), lifts)
    yield wq.AndMaybe(Or(found), lifts)
    yield wq.AndNot(Or(found), wq.Term(CONTENT, "selvmord"))


@pytest.fixture(scope="module")
def shipped(store_dir: Path) -> Iterator[tuple[Any, Clauses]]:
    ix = fulltext.open_index(store_dir)
    store = Store(store_dir / DB_FILE)
    synonyms = store.synonyms()
    store.close()
    searcher = ix.searcher()
    clauses = Clauses(
        searcher.reader(),
        fulltext.vocabulary_of(ix),
        synonyms,
        fulltext.load_prefixes(store_dir / fulltext.PREFIXES_FILE),
    )
    yield searcher, clauses
    searcher.close()
    ix.close()


def test_every_keystroke_of_the_search_cases_scores_as_whoosh_does(
    shipped: tuple[Any, Clauses],
) -> None:
    searcher, clauses = shipped
    scores = TermScores(searcher)
    assert scores.enabled  # the built store is one optimised segment
    checked = 0
    for text in sorted({c["query"] for c in CASES}):
        for end in range(1, len(text) + 1):
            for q in window_queries(clauses, text[:end]):
                found = scores.top(q, LIMIT)
                if any(isinstance(leaf, wq.Phrase) for leaf in q.leaves()):
                    # A synonym of several words: left to Whoosh, unless an AND is empty
                    # before it comes to the phrase.
                    assert found is None or found == whoosh_top(searcher, q) == []
                    continue
                assert_same(found, whoosh_top(searcher, q), f"{text[:end]!r} {q}")
                checked += 1
    assert checked > 1000


def test_a_kind_filter_and_a_small_limit_keep_whoosh_s_order(
    shipped: tuple[Any, Clauses],
) -> None:
    searcher, clauses = shipped
    scores = TermScores(searcher)
    for text in ("hjelp", "selvhjelp gru", "telefon", "sjekk"):
        for q in window_queries(clauses, text):
            if any(isinstance(leaf, wq.Phrase) for leaf in q.leaves()):
                continue
            for kind in ("contact", "article", "checklist"):
                f = wq.Term("kind", kind)
                assert_same(scores.top(q, 5, f), whoosh_top(searcher, q, 5, f), f"{text} {kind}")
            assert_same(scores.top(q, 1), whoosh_top(searcher, q, 1), text)


def test_a_query_it_does_not_read_is_left_to_whoosh(shipped: tuple[Any, Clauses]) -> None:
    searcher, _ = shipped
    scores = TermScores(searcher)
    phrase = wq.Phrase(CONTENT, ["selvhjelp", "grupp"])
    assert scores.top(phrase, LIMIT) is None
    assert scores.top(wq.And([wq.Term(CONTENT, "hjelp"), phrase]), LIMIT) is None
    assert scores.top(wq.Term(CONTENT, "hjelp"), LIMIT, wq.Not(wq.Term("kind", "x"))) is None
    assert scores.top(wq.Term(CONTENT, "ordetfinnesikke"), LIMIT) == []


@pytest.fixture(scope="module")
def long_lists(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """3,000 documents: one word in all of them, some in hundreds, a few in a handful, with
    kinds and titles, so posting lists run to many blocks."""
    rng = random.Random(7)
    common = ["kommune", "tjeneste", "gruppe", "arbeid", "helse", "samarbeid"]
    rare = ["fyrtårn", "kystlag", "vindmølle"]
    docs = []
    for n in range(3000):
        words = ["felles", *rng.choices(common, k=rng.randint(1, 12))]
        if n % 211 == 0:
            words += rng.choices(rare, k=rng.randint(1, 3))
        rng.shuffle(words)
        docs.append(
            fulltext.Document(
                id=f"d{n}",
                kind=rng.choice(("article", "checklist")),
                title=" ".join(rng.choices(common + rare[:1], k=rng.randint(1, 3))),
                body=" ".join(words),
            )
        )
    out = tmp_path_factory.mktemp("long") / "store"
    fulltext.build(docs, out)
    ix = fulltext.open_index(out)
    searcher = ix.searcher()
    yield searcher
    searcher.close()
    ix.close()


def test_a_rare_word_with_common_ones_scores_as_whoosh_does(long_lists: Any) -> None:
    searcher = long_lists
    scores = TermScores(searcher)
    assert searcher.doc_frequency(CONTENT, "fell") == 3000  # stemmed as the index holds it

    terms = {w: next(t.text for t in searcher.schema[CONTENT].analyzer(w)) for w in (
        "felles", "kommune", "tjeneste", "gruppe", "arbeid", "helse", "samarbeid", "fyrtårn",
        "kystlag", "vindmølle",
    )}  # fmt: skip
    t = {w: wq.Term(CONTENT, s) for w, s in terms.items()}
    title = wq.Term(TITLE, terms["kommune"], boost=fulltext.TITLE_BOOST)
    queries = [
        wq.And([t["fyrtårn"], t["felles"]]),
        wq.And([t["felles"], t["kystlag"], Or([t["kommune"], t["gruppe"], t["helse"]])]),
        wq.AndMaybe(wq.And([t["vindmølle"], Or([t["arbeid"], t["samarbeid"]])]), title),
        wq.AndMaybe(wq.And([t["felles"], t["kommune"]]), Or([title, t["fyrtårn"]])),
        wq.AndNot(wq.And([t["felles"], t["tjeneste"]]), Or([t["helse"], t["kystlag"]])),
        Or([t["fyrtårn"], t["kystlag"], t["vindmølle"]]),
        wq.And([Or([t["fyrtårn"], t["kystlag"]]), Or([t["felles"], t["gruppe"]])]),
    ]
    for q in queries:
        for limit in (1, 10, LIMIT, 500):
            assert_same(scores.top(q, limit), whoosh_top(searcher, q, limit), f"{q} {limit}")
            f = wq.Term("kind", "checklist")
            assert_same(scores.top(q, limit, f), whoosh_top(searcher, q, limit, f), f"{q} kind")
    # Asked again, from the kept maps: the same.
    for q in queries:
        assert_same(scores.top(q, LIMIT), whoosh_top(searcher, q), f"again {q}")
