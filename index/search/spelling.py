"""Corrects typing errors to real words of the content: "Mente du ...?" and typo tolerance.

A typed word is compared with every word of the content of about its length (rapidfuzz's C++
edit distance: insertions, deletions, substitutions and swapped letters), and the distance
allowed grows with the word: one mistake in a short word, three or four in a long compound
typed fast or spelt by ear (``selfhjelpsgrupe``, ``frivillighetssentral``). Words are compared
with å/ø/æ folded, so "parorende" finds "pårørende", and the real spelling is what the user is
shown. The nearest words win, the most common of them first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from index.search.analysis import fold

WORD = re.compile(r"[^\W\d_]{3,}")
MIN_LENGTH = 4  # shorter words have too many neighbours to correct usefully
MAX_DISTANCE = 4
WORDS_FILE = "words.txt"


def count_words(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w.lower() for w in WORD.findall(text))
    return counts


def save_words(counts: Counter[str], path: Path) -> None:
    lines = (f"{word}\t{count}" for word, count in sorted(counts.items()))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def allowed_distance(length: int) -> int:
    """Mistakes forgiven in a word of this many letters: 1 up to 5, 2 up to 9, then one more
    for every 4 letters (a 16-letter compound may have 4), never more than 4."""
    if length < MIN_LENGTH:
        return 0
    if length <= 5:
        return 1
    if length <= 9:
        return 2
    return min(MAX_DISTANCE, length // 4)


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
        self._by_start: dict[tuple[str, int], list[str]] | None = None

    @classmethod
    def load(cls, path: Path) -> Corrector:
        counts: dict[str, int] = {}
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                word, _, count = line.partition("\t")
                if word and count.isdigit():
                    counts[word] = int(count)
        return cls(counts)

    def _pools(self) -> dict[tuple[str, int], list[str]]:
        """Words by first letter and length, built on first use: most searches never need
        it. A typing error is seldom in the first letter, so those words are looked at
        first, a twentieth of the vocabulary."""
        if self._by_start is None:
            pools: dict[tuple[str, int], list[str]] = {}
            for key in self.words:
                pools.setdefault((key[:1], len(key)), []).append(key)
            self._by_start = pools
        return self._by_start

    def candidates(self, word: str, limit: int = 3, distance: int | None = None) -> list[str]:
        """Real words near ``word``, nearest and most common first ([] when none); the
        distance allowed is the word's own (``allowed_distance``) unless given."""
        lower = word.lower()
        typed = fold(lower)
        if distance is None or len(typed) < MIN_LENGTH:
            distance = allowed_distance(len(typed))
        if not distance:
            return []
        pools = self._pools()
        lengths = range(len(typed) - distance, len(typed) + distance + 1)
        found = self._near(typed, lower, [pools.get((typed[:1], n), []) for n in lengths], distance)
        if not found:
            others = [p for (first, n), p in pools.items() if first != typed[:1] and n in lengths]
            found = self._near(typed, lower, others, distance)
        found.sort()
        return [self.words[key][0] for _, _, key in found[:limit]]

    def _near(
        self, typed: str, lower: str, pools: list[list[str]], distance: int
    ) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        for pool in pools:
            if not pool:
                continue
            for key, score, _ in process.extract(
                typed, pool, scorer=OSA.distance, score_cutoff=distance, limit=None
            ):
                if self.words[key][0] != lower:  # the same word as typed is no correction
                    found.append((int(score), -self.words[key][1], key))
        return found

    def best(self, word: str) -> str:
        found = self.candidates(word, limit=1)
        return found[0] if found else ""
