"""Norwegian text analysis for search.

One chain for indexing and highlighting: words -> lower case -> accent folding (å/ø/æ typed as
a/o/ae match) -> stop words -> compound splitting -> Snowball stemming. Queries use the same
chain without compound splitting: the index already holds the parts of every compound, so
``gruppe`` finds ``selvhjelpsgruppe`` and ``telefon`` finds ``hjelpetelefonen``.

The compound splitter knows words only from the corpus's own vocabulary, which is kept in a
file beside the index (never in the pickled schema: Whoosh pickles analyzers).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.lang import stemmer_for_language, stopwords_for_language

from index.search.compounds import Vocabulary as _Vocabulary

WORD_PATTERN = r"\w+"

_FOLD = str.maketrans({"å": "a", "ø": "o", "æ": "ae", "ä": "a", "ö": "o", "ü": "u", "é": "e"})
_stem = stemmer_for_language("no")
# Irregular plurals the Snowball stemmer leaves apart (senter/sentre).
_IRREGULAR = (("sentrene", "senter"), ("sentrer", "senter"), ("sentre", "senter"))


def fold(word: str) -> str:
    """å->a, ø->o, æ->ae and other accents dropped, so both spellings meet in the index."""
    word = word.translate(_FOLD)
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


STOP_WORDS = frozenset(fold(w) for w in stopwords_for_language("no"))


class Vocabulary(_Vocabulary):
    """The compound vocabulary with Norwegian stop words kept out of the parts."""

    def __init__(self, words: Iterable[str] = (), stop_words: Iterable[str] = STOP_WORDS) -> None:
        super().__init__(words, stop_words, stem)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        words: set[str] = set()
        pattern = re.compile(WORD_PATTERN)
        for text in texts:
            words.update(fold(w.lower()) for w in pattern.findall(text))
        return cls(words)

    @classmethod
    def load(cls, path: Path, stop_words: Iterable[str] = STOP_WORDS) -> Vocabulary:
        if not path.is_file():
            return cls()
        return cls(path.read_text(encoding="utf-8").split(), stop_words)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem a folded, lower-case word.

    Applied twice: Norwegian Snowball takes one suffix at a time, so igangsettere -> igangsetter
    but igangsetter -> igangsett; the second pass lets every form meet.
    """
    for suffix, replacement in _IRREGULAR:
        if word.endswith(suffix):
            word = word[: -len(suffix)] + replacement
            break
    return str(_stem(_stem(word)))


class FoldFilter(Filter):  # type: ignore[misc]
    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            if not token.text.isascii():
                token.text = fold(token.text)
            yield token


class StemFilter(Filter):  # type: ignore[misc]
    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


class CompoundFilter(Filter):  # type: ignore[misc]
    """Emits the parts of a compound word at the compound's own position, after the word
    itself, so phrase search over the original text is untouched."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or Vocabulary()

    def __getstate__(self) -> dict[str, Any]:
        # Whoosh pickles the schema; the vocabulary is loaded from its own file instead.
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.vocabulary = Vocabulary()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CompoundFilter)

    def __hash__(self) -> int:
        return hash(CompoundFilter)

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            word = token.text  # read before yielding: later filters rewrite token.text
            yield token
            if token.stopped:
                continue
            for part in self.vocabulary.split(word):
                token.text = part
                yield token


def _stop_filter() -> Filter:
    return StopFilter(stoplist=STOP_WORDS, minsize=1)


def index_analyzer(vocabulary: Vocabulary) -> Any:
    """For the searchable text fields: indexing and highlighting."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | FoldFilter()
        | _stop_filter()
        | CompoundFilter(vocabulary)
        | StemFilter()
    )


def query_analyzer() -> Any:
    """Turns what the user typed into index terms (no compound splitting needed)."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | FoldFilter()
        | _stop_filter()
        | StemFilter()
    )


def query_terms(text: str) -> list[str]:
    """The index terms for a piece of user text, in order, stop words removed."""
    return [t.text for t in _QUERY(text) if not t.stopped]


def words(text: str) -> list[str]:
    """Lower-case words as typed (no folding, no stemming)."""
    return [w.lower() for w in re.findall(WORD_PATTERN, text)]


_QUERY = query_analyzer()
