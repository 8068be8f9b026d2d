"""Corrects typing errors to real words of the content: "Mente du ...?" and typo tolerance.

Symmetric deletes (the SymSpell idea): every known word is filed under itself and each form
with one letter left out; a typed word is looked up the same way. That finds, in a handful of
dictionary look-ups, every word one insertion, deletion, substitution or swap away (and many
two away), without walking the vocabulary. Words are compared with å/ø/æ folded, so
"parorende" finds "pårørende", and the real spelling is what the user is shown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from index.search.analysis import fold

WORD = re.compile(r"[^\W\d_]{3,}")
MIN_LENGTH = 4  # shorter words have too many neighbours to correct usefully
MAX_DISTANCE = 2
WORDS_FILE = "words.txt"


def count_words(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w.lower() for w in WORD.findall(text))
    return counts


def save_words(counts: Counter[str], path: Path) -> None:
    lines = (f"{word}\t{count}" for word, count in sorted(counts.items()))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class Corrector:
    def __init__(self, counts: dict[str, int]) -> None:
        # Folded form -> (real spelling seen most often, total count).
        self.words: dict[str, tuple[str, int]] = {}
        for word, count in counts.items():
            key = fold(word)
            spelled, total = self.words.get(key, (word, 0))
            if count > counts.get(spelled, 0):
                spelled = word
            self.words[key] = (spelled, total + count)
        self._deletes: dict[str, list[str]] | None = None

    @classmethod
    def load(cls, path: Path) -> Corrector:
        counts: dict[str, int] = {}
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                word, _, count = line.partition("\t")
                if word and count.isdigit():
                    counts[word] = int(count)
        return cls(counts)

    def _index(self) -> dict[str, list[str]]:
        """Built on first use: most searches never need it."""
        if self._deletes is None:
            deletes: dict[str, list[str]] = {}
            for key in self.words:
                if len(key) >= MIN_LENGTH:
                    for variant in _one_deleted(key):
                        deletes.setdefault(variant, []).append(key)
            self._deletes = deletes
        return self._deletes

    def candidates(self, word: str, limit: int = 3) -> list[str]:
        """Real words near ``word``, nearest and most common first ([] when none)."""
        lower = word.lower()
        typed = fold(lower)
        if len(typed) < MIN_LENGTH:
            return []
        index = self._index()
        found: set[str] = set()
        for variant in _one_deleted(typed):
            found.update(index.get(variant, ()))
            if variant in self.words:
                found.add(variant)
        found.update(index.get(typed, ()))
        if typed in self.words and self.words[typed][0] != lower:
            found.add(typed)  # typed without å/ø/æ: the real spelling, at distance 0
        ranked = sorted(
            (distance, -self.words[key][1], key)
            for key in found
            if self.words[key][0] != lower and (distance := _distance(typed, key)) <= MAX_DISTANCE
        )
        return [self.words[key][0] for _, _, key in ranked[:limit]]

    def best(self, word: str) -> str:
        found = self.candidates(word, limit=1)
        return found[0] if found else ""


def _one_deleted(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, swaps."""
    if abs(len(a) - len(b)) > MAX_DISTANCE:
        return MAX_DISTANCE + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]
