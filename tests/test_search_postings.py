"""The index's posting layout (index/search/codec.py) reads back exactly what Whoosh's own W3
codec reads back, over real Norwegian text with blocks of every kind, and finds the same; the
phrase matcher (index/search/phrase.py) finds what Whoosh's finds, and only real phrases."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher

from index import resources
from index.content.loader import load_content
from index.search import fulltext
from index.search.codec import ArrayLeafMatcher, HandbokCodec
from index.search.phrase import Phrase

SECTIONS = 1200  # enough documents for terms of many blocks (a block holds 128 postings)


def _documents() -> list[fulltext.Document]:
    """The shipped content's documents, then more made of their own sentences, so common
    words have postings over several blocks, with weights both 1.0 and not."""
    content = load_content(resources.content_dir(), resources.search_config_dir())
    docs = fulltext.documents(content)
    rng = random.Random(7)
    sentences = [s for d in docs for s in d.body.split(". ") if s.strip()]
    for i in range(SECTIONS):
        docs.append(
            fulltext.Document(
                id=f"extra{i}",
                kind="article",
                title=rng.choice(sentences)[:40],
                body=". ".join(rng.sample(sentences, rng.randint(1, 6))),
            )
        )
    return docs


def _build(docs: list[fulltext.Document], folder: Path, codec: Any) -> Any:
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), fulltext.schema(fulltext.vocabulary_for(docs)))
    writer = ix.writer(codec=codec)
    for doc in docs:
        writer.add_document(
            id=doc.id,
            kind=doc.kind,
            body=doc.body,
            title=doc.title,
            content=f"{doc.title} \n{doc.body}",
            _boost=doc.boost,
        )
    writer.commit(optimize=True)
    return ix


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    docs = _documents()
    root = tmp_path_factory.mktemp("codec")
    w3 = _build(docs, root / "w3", W3Codec(compression=0))
    return w3, _build(docs, root / "ours", HandbokCodec())


def _postings(matcher: Any) -> list[tuple[int, float, bytes]]:
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


def test_every_posting_reads_back_as_w3_reads_it(indexes: tuple[Any, Any]) -> None:
    w3, ours = indexes
    with w3.reader() as old, ours.reader() as new:
        terms = [(f, t) for f in ("content", "title") for t, _ in old.iter_field(f)]
        assert terms == [(f, t) for f in ("content", "title") for t, _ in new.iter_field(f)]
        many_blocks = 0
        for field, term in terms:
            a, b = old.postings(field, term), new.postings(field, term)
            if not isinstance(b, ArrayLeafMatcher):
                continue  # inlined in the term index: W3's own
            assert isinstance(a, W3LeafMatcher)
            expected = _postings(a)
            assert _postings(b) == expected, term
            assert list(new.postings(field, term).all_ids()) == [p[0] for p in expected]
            many_blocks += len(expected) > 2 * 128
        assert many_blocks >= 10  # the test reached terms of several blocks


def test_skip_to_lands_where_w3_lands(indexes: tuple[Any, Any]) -> None:
    w3, ours = indexes
    rng = random.Random(3)
    with w3.reader() as old, ours.reader() as new:
        common = sorted(old.iter_field("content"), key=lambda item: -item[1].doc_frequency())
        for term, _ in common[:40]:
            a, b = old.postings("content", term), new.postings("content", term)
            target = 0
            while a.is_active():
                assert b.is_active() and a.id() == b.id()
                target = a.id() + rng.choice((0, 1, 2, 5, 60, 200, 700))
                a.skip_to(target)
                b.skip_to(target)
            assert not b.is_active()


def test_queries_score_the_same(indexes: tuple[Any, Any]) -> None:
    w3, ours = indexes
    with w3.searcher() as old, ours.searcher() as new:
        ranked = sorted(old.reader().iter_field("content"), key=lambda i: -i[1].doc_frequency())
        common = [t.decode("utf-8") for t, _ in ranked[:30]]
        queries = [
            wq.And([wq.Term("content", common[i]), wq.Term("content", common[i + 7])])
            for i in range(10)
        ]
        queries += [wq.Phrase("content", [common[i], common[i + 1]]) for i in range(10)]
        queries += [
            wq.AndMaybe(wq.Term("content", t), wq.Term("title", t, boost=3.0)) for t in common
        ]
        for q in queries:
            expected = [(h.docnum, h.score) for h in old.search(q, limit=10)]
            assert [(h.docnum, h.score) for h in new.search(q, limit=10)] == expected, q


def _phrases(searcher: Any, count: int) -> list[list[str]]:
    """Word pairs and triples that stand side by side in the index's own documents."""
    reader = searcher.reader()
    rng = random.Random(11)
    found: list[list[str]] = []
    for docnum in rng.sample(range(reader.doc_count_all()), count):
        words = [
            t.text
            for t in searcher.schema["content"].analyzer(searcher.stored_fields(docnum)["body"])
        ]
        if len(words) > 3:
            start = rng.randrange(len(words) - 3)
            found.append(words[start : start + rng.choice((2, 3))])
    return found


def test_phrases_match_what_whoosh_matches(indexes: tuple[Any, Any]) -> None:
    _, ours = indexes
    with ours.searcher() as searcher:
        phrases = _phrases(searcher, 150)
        common = [
            t.decode("utf-8")
            for t, _ in sorted(
                searcher.reader().iter_field("content"), key=lambda i: -i[1].doc_frequency()
            )[:12]
        ]
        phrases += [[a, b] for a in common for b in common if a != b]
        matched = 0
        for words in phrases:
            theirs = searcher.search(wq.Phrase("content", words), limit=None)
            mine = searcher.search(Phrase("content", words), limit=None)
            assert [(h.docnum, h.score) for h in mine] == [(h.docnum, h.score) for h in theirs]
            matched += bool(len(theirs))
        assert matched > 100


def test_the_best_phrase_hits_all_hold_the_phrase(indexes: tuple[Any, Any]) -> None:
    # limit=10 lets the collector skip blocks by their quality, the case Whoosh's own
    # matcher can get wrong.
    _, ours = indexes
    with ours.searcher() as searcher:
        for words in _phrases(searcher, 150):
            every = {
                h.docnum: h.score for h in searcher.search(Phrase("content", words), limit=None)
            }
            best = [
                (h.docnum, h.score) for h in searcher.search(Phrase("content", words), limit=10)
            ]
            assert all(every.get(d) == s for d, s in best), words
            assert [s for _, s in best] == sorted(every.values(), reverse=True)[:10]
