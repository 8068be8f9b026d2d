"""Search from several threads at once finds what it finds on one: the window's search thread
(``LayeredSearcher.search``), the window's own thread highlighting an article it opened
(``matcher``, the index's analysis) and the reading thread finding the staff's own contacts
(``LocalLayer.find_own``), on the real store and a real local contacts file.

The threads switch every microsecond, so that any state they share without a lock is met
half-changed; the searcher is fresh, so that its memories of splits, terms and snippets are
filled while the threads run."""

from __future__ import annotations

import random
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from index.handbook import Handbook
from index.local.draft import ChannelDraft, ContactDraft
from index.local.layer import LayeredSearcher, LocalLayer
from index.local.store import LocalStore
from index.search import fulltext
from index.search.searcher import Searcher, SearchResult
from index.search.spelling import WORDS_FILE, Corrector

SEARCHING_THREADS = 2
ROUNDS = 1  # each search thread runs every query this many times (the first as typed)
NOVEL = 60  # compounds of two content words that the content does not hold, searched
SPLIT = 450  # ... and split at once


def novel_compounds(store_dir: Path, count: int) -> list[str]:
    """Compounds made of the content's words (selvhjelp+s+telefon), not words of it: their
    splits are worked out while searching and highlighting, not read from the build."""
    words = sorted(w for w in fulltext.vocabulary_of(fulltext.open_index(store_dir)).words)
    content = set(words)
    rnd = random.Random(7)
    found: dict[str, None] = {}
    while len(found) < count:
        word = rnd.choice(words) + rnd.choice(("", "s", "e")) + rnd.choice(words)
        if len(word) <= 30 and word not in content:
            found[word] = None
    return list(found)


def queries(store_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    words = novel_compounds(store_dir, NOVEL)
    rnd = random.Random(11)
    made: list[tuple[str, dict[str, Any]]] = []
    for word in words:
        text = rnd.choice((word, f"{word} hjelp", f"{word[:-2]}", f'"{word} telefon"', word))
        options = {"kind": rnd.choice((None, None, "contact", "article")), "limit": 40}
        made.append((text, {**options, "prefix_last": rnd.random() < 0.5}))
    made += [(t, {"limit": 40, "prefix_last": True}) for t in ("frivil", "selvhjelpsgr", "sos")]
    return made


def _parts(analyzer: Any, word: str) -> set[str]:
    """The terms the index's analysis gives a word's compound parts (the first is its own)."""
    own, *rest = [t.text for t in analyzer(word)]
    return set(rest) - {own}


def answer(result: SearchResult) -> tuple[Any, ...]:
    hits = [(h.id, round(h.score, 9), h.snippet, h.open_now) for h in result.hits]
    return hits, result.suggestion, result.relaxed, result.fuzzy, result.terms


def layered(
    handbook: Handbook, store_dir: Path, folder: Path
) -> tuple[LayeredSearcher, LocalLayer]:
    """A fresh national searcher and local layer, as the app opens them."""
    local = LocalStore.open(folder)
    if not local.contacts.list():
        local.contacts.add(
            ContactDraft(
                name="Frivilligsentralen i Testby",
                category="kommunal-tjeneste",
                channels=(ChannelDraft("telefon", "62 00 00 01"),),  # fictional
                description="Låner ut lokaler til selvhjelpsgrupper og sorggrupper.",
            )
        )
        section = handbook.store.articles()[0].sections[-1].id
        local.notes.add(section, "Hos oss: frivilligsentralen har selvhjelpsgrupper.")
    synonyms = handbook.store.synonyms()
    layer = LocalLayer(local, None, store_dir, synonyms)
    return LayeredSearcher(Searcher(store_dir, synonyms), layer), layer


@pytest.fixture
def switching() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def run_all(
    work: list[Callable[[], None]], done: threading.Event, beside: list[Callable[[], None]]
) -> list[BaseException]:
    """``work`` on threads of their own, and ``beside`` on others until it is ``done``."""
    errors: list[BaseException] = []

    def guarded(job: Callable[[], None]) -> None:
        try:
            job()
        except BaseException as error:  # reported by the test
            errors.append(error)

    working = [threading.Thread(target=guarded, args=(job,)) for job in work]
    besides = [threading.Thread(target=guarded, args=(job,)) for job in beside]
    for thread in (*besides, *working):
        thread.start()
    for thread in working:
        thread.join(timeout=120)
    done.set()
    for thread in besides:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in (*working, *besides)), "a thread never finished"
    return errors


def test_searching_highlighting_and_finding_at_once_answer_as_one_thread_does(
    handbook: Handbook, store_dir: Path, tmp_path: Path, switching: None
) -> None:
    asked = queries(store_dir)
    compounds = novel_compounds(store_dir, NOVEL)
    # What one thread finds, on a searcher of its own.
    alone, alone_layer = layered(handbook, store_dir, tmp_path / "lokalt")
    expected = {i: answer(alone.search(text, **options)) for i, (text, options) in enumerate(asked)}
    # A compound's parts light up in the reader: the analysis splits it as on one thread.
    analyzer = fulltext.open_index(store_dir).schema["content"].analyzer
    parts = {w: _parts(analyzer, w) for w in compounds}
    own_expected = alone_layer.find_own("frivillig", 10)
    alone_layer.close()
    alone.close()
    assert sum(bool(p) for p in parts.values()) > NOVEL // 2  # most of them are compounds
    assert any(hit for hits, *_ in expected.values() for hit in hits)

    together, layer = layered(handbook, store_dir, tmp_path / "lokalt")
    wrong: list[str] = []
    done = threading.Event()

    def searching(seed: int) -> None:
        # First as typed, as the reader highlights them too; then in an order of its own.
        again = [i for _ in range(ROUNDS - 1) for i in range(len(asked))]
        random.Random(seed).shuffle(again)
        for i in [*range(len(asked)), *again]:
            text, options = asked[i]
            if answer(together.search(text, **options)) != expected[i]:
                wrong.append(f"search {text!r} {options}")

    def highlighting() -> None:
        while not done.is_set():
            for word in compounds:
                if parts[word] and not together.matcher(parts[word])(word):
                    wrong.append(f"highlight {word!r}")

    def finding() -> None:
        while not done.is_set():
            if layer.find_own("frivillig", 10) != own_expected:
                wrong.append("find_own")

    try:
        searches = [partial(searching, seed) for seed in range(SEARCHING_THREADS)]
        errors = run_all(searches, done, [highlighting, finding])
    finally:
        layer.close()
        together.close()
    assert not errors, errors
    assert not wrong, f"{len(wrong)} answers differ from one thread's, e.g. {wrong[:5]}"


def test_compounds_split_at_once_by_the_reader_and_the_search_split_as_on_one_thread(
    store_dir: Path, switching: None
) -> None:
    # The window's thread highlights an article (the index's analysis splits each word)
    # while the search thread splits what was typed (Clauses.parts): one vocabulary, and
    # its memory of splits, for both. A word being split was marked in that memory, and the
    # other thread read the mark as "no compound".
    compounds = novel_compounds(store_dir, SPLIT)
    alone = fulltext.open_index(store_dir).schema["content"].analyzer
    expected = {w: _parts(alone, w) for w in compounds}
    index = fulltext.open_index(store_dir)
    searcher = Searcher.over(index, Corrector.load(store_dir / WORDS_FILE))  # as Searcher()
    together = fulltext.vocabulary_of(index)
    wrong: list[str] = []

    def highlighting() -> None:
        for word in compounds:
            if expected[word] and not searcher.matcher(expected[word])(word):
                wrong.append(word)

    def typed() -> None:
        for word in compounds:
            parts = together.split_query(word, lambda part: True)
            if bool(parts) != bool(expected[word]):
                wrong.append(word)

    try:
        errors = run_all([highlighting, highlighting, typed], threading.Event(), [])
    finally:
        searcher.close()
    assert not errors, errors
    assert not wrong, f"{len(wrong)} splits differ from one thread's, e.g. {wrong[:5]}"


def test_the_local_index_is_built_beside_another_program_building_one(
    handbook: Handbook, store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whoosh's writer keeps its temporary files in <temp>/<index name>.tmp: another program
    # (or thread) building an index under the default name has that folder, or has just
    # deleted it; here a file of that name stands where the folder would go.
    temp = tmp_path / "temp"
    temp.mkdir()
    (temp / "MAIN.tmp").write_text("another program's", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    local = LocalStore.open(tmp_path / "lokalt")
    section = handbook.store.articles()[0].sections[-1].id
    local.notes.add(section, "Hos oss: frivilligsentralen har selvhjelpsgrupper.")
    layer = LocalLayer(local, None, store_dir, handbook.store.synonyms())
    try:
        searcher = layer.searcher()
        assert searcher is not None
        assert [h.id for h in searcher.search("frivilligsentralen").hits] == [section]
    finally:
        layer.close()
    assert [p.name for p in temp.iterdir()] == ["MAIN.tmp"]  # nothing left behind
