"""Norwegian compounds split into real words: selvhjelp-s-gruppe, handling-s-plan, hjelpe-telefon.

No decompounder for Norwegian exists as a library, so this one learns from the content itself
what a part may be:
- a word the content uses on its own (``gruppe``, ``telefon``), in any inflected form;
- a head that ends several compounds with different known first parts (``senter`` in
  kompetansesenter, ressurssenter, mestringssenter), even if it never stands alone;
- a first part ending in a derivational suffix before the linking ``s`` (``handlings-``,
  ``informasjons-``, ``sykdoms-``): Norwegian always links those with an s, so the shape
  itself says where the compound joins, even when ``handling`` never stands alone.
Words that are never a part in the sense a reader means are kept out: function words and
adverbs (``mest`` would make ``mestring`` mest+ring, and ``ringe`` would find learning
centres), and derivational tails (``fellesskap`` is no felles+skap).

Words are folded and lower case (see ``analysis.fold``); the vocabulary is kept in a file
beside the index, never in the pickled schema.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

MIN_PART = 4  # shortest part: shorter ones (liv, tid, lær) split far too eagerly
MIN_COMPOUND = 2 * MIN_PART
MAX_COMPOUND = 60  # longer is no word: not worth the search for its parts
LINKING = "se"  # selvhjelp-s-gruppe, hjelp-e-telefon
# A first part ending so is joined by an s: handlings-, sykdoms-, informasjons-, helhets-.
DERIVATIONAL = ("ing", "het", "else", "sjon", "dom", "skap", "tet", "nad")
MIN_SHAPED_MODIFIER = 6  # such a first part unknown to the content: at least this long
# Inflected forms of a part: gruppe/gruppen/grupper/gruppene, senter/senteret.
INFLECTIONS = ("", "e", "n", "t", "r", "a", "s", "en", "et", "er", "ne", "es",
               "ene", "ens", "ets", "ers", "enes", "ets", "et", "ere")  # fmt: skip
_ENDINGS = frozenset(INFLECTIONS[1:])
_LONGEST_ENDING = max(len(e) for e in _ENDINGS)
HEADS_LINE = "#heads"  # the first line of the saved splits: the attested heads
MAX_REMEMBERED = 200_000  # splits kept (the content's words; typed ones come and go)
ATTESTING_COMPOUNDS = 2  # distinct known first parts that make a head a word of its own
MIN_ATTESTED_HEAD = 5  # a head known only from compounds: shorter ones are mostly suffixes
# Adverbs, prepositions and other words that start many words without being their first
# part in the sense a reader means (mest-ring, sammen-heng, gjennom-føring, fort-settelse).
NOT_MODIFIERS = frozenset((
    "mest", "mange", "meget", "sammen", "videre", "gjennom", "fort", "over", "under", "etter",
    "innen", "utenfor", "ellers", "bare", "helt", "ikke", "igjen", "innom", "langs", "rundt",
    "forbi", "frem", "fram", "tilbake", "alle", "selv", "egen", "eget", "samt", "blant",
    "mellom", "ovenfor", "nedenfor", "foran", "bakom", "borte", "hjemme",
))  # fmt: skip
# Tails that are suffixes or fragments, not words: felles-skap, kjær-lighet, bruke-rens.
NOT_HEADS = frozenset((
    "skap", "skapet", "skaper", "heten", "heter", "else", "elsen", "lighet", "ring", "rens",
    "enter",
))  # fmt: skip


class Vocabulary:
    """Known words (folded, lower case): what a compound may be made of. ``stem`` maps the
    inflected forms of a word to one key (the analysis's stemmer)."""

    def __init__(
        self,
        words: Iterable[str] = (),
        stop_words: Iterable[str] = (),
        stem: Callable[[str], str] = lambda word: word,
    ) -> None:
        stop = frozenset(stop_words)
        self.words = {w for w in words if len(w) >= MIN_PART and w.isalpha() and w not in stop}
        self._stop = stop
        self._stem = stem
        self._cache: dict[str, tuple[str, ...]] = {}
        self._saved: dict[str, tuple[str, ...]] = {}  # from the index's own file
        self._best: dict[str, _Split | None] = {}

    def save(self, path: Path) -> None:
        path.write_text("\n".join(sorted(self.words)) + "\n", encoding="utf-8")

    def save_splits(self, path: Path) -> None:
        """Every split made so far (after indexing: those of every word of the content), so
        the searcher need not work them out again to make snippets."""
        heads = f"{HEADS_LINE}\t{' '.join(sorted(self._attested_heads))}"
        lines = (f"{w}\t{' '.join(p)}" for w, p in sorted(self._cache.items()) if p)
        path.write_text("\n".join((heads, *lines)) + "\n", encoding="utf-8")

    def load_splits(self, path: Path) -> None:
        if not path.is_file():
            return
        for line in path.read_text(encoding="utf-8").splitlines():
            word, _, parts = line.partition("\t")
            if word == HEADS_LINE:  # worked out at the build: seconds for a large handbook
                self.__dict__["_attested_heads"] = frozenset(parts.split())
            elif word and parts:
                self._saved[word] = tuple(parts.split())

    # --- what a part may be --------------------------------------------------------------

    def _word(self, part: str) -> bool:
        """A word of the content, in this or another inflected form."""
        if part in self.words:
            return True
        return any(
            part[-k:] in _ENDINGS and part[:-k] in self.words
            for k in range(1, min(_LONGEST_ENDING, len(part) - MIN_PART) + 1)
        )

    def _could_split(self, word: str) -> bool:
        """Some first part fits: a known word, or the shape of one (handlings-). Rules out
        most words at once, typed nonsense above all."""
        words = self.words
        for end in range(MIN_PART, len(word) - MIN_PART + 1):
            if word[:end] in words:
                return True
            if (
                end >= MIN_SHAPED_MODIFIER
                and word[end] == "s"
                and word[:end].endswith(DERIVATIONAL)
            ):
                return True
        return False

    def _modifier_rank(self, part: str, linked: bool) -> int | None:
        """0: a word of the content; 1: unknown, but shaped as a first part; None: no."""
        if part in NOT_MODIFIERS or part in self._stop or len(part) < MIN_PART:
            return None
        if part in self.words:
            return 0
        if linked and len(part) >= MIN_SHAPED_MODIFIER and part.endswith(DERIVATIONAL):
            return 1
        return None

    def _head_rank(self, part: str) -> int | None:
        """0: a word of the content; 1: a head several compounds end with; None: no."""
        if len(part) < MIN_PART or part in NOT_HEADS or part in self._stop:
            return None
        if self._word(part):
            return 0
        if len(part) < MIN_ATTESTED_HEAD:
            return None
        return 1 if self._stem(part) in self._attested_heads else None

    @cached_property
    def _attested_heads(self) -> frozenset[str]:
        """Stems of tails that end compounds with at least two different known first parts
        (kompetanse-senter, ressurs-senter: senter)."""
        first_parts: dict[str, set[str]] = {}
        for word in self.words:
            if len(word) < MIN_COMPOUND:
                continue
            for end in range(MIN_PART, len(word) - MIN_PART + 1):
                modifier = word[:end]
                if modifier not in self.words or modifier in NOT_MODIFIERS:
                    continue
                for start in _starts(word, end):
                    tail = word[start:]
                    if len(tail) >= MIN_PART and tail not in NOT_HEADS:
                        first_parts.setdefault(self._stem(tail), set()).add(modifier)
        return frozenset(t for t, m in first_parts.items() if len(m) >= ATTESTING_COMPOUNDS)

    def known(self, word: str) -> bool:
        return self._word(word)

    # --- splitting -----------------------------------------------------------------------

    def split(self, word: str) -> tuple[str, ...]:
        """The parts of a compound (all levels, first parts first), or () when it is none."""
        if len(word) < MIN_COMPOUND or len(word) > MAX_COMPOUND or not word.isalpha():
            return ()
        cached = self._cache.get(word)
        if cached is None and self._saved:
            # A word of the content splits as it did when it was indexed; any other, that
            # the content holds no split for, is no compound of it.
            cached = self._saved.get(word, ()) if word in self.words else None
        if cached is None:
            best = self._split(word)
            cached = ()
            if best is not None:
                modifier, head = best.modifier, best.head
                cached = (modifier, *self.split(modifier), head, *self.split(head))
            self._cache[word] = cached
        return cached

    def _split(self, word: str) -> _Split | None:
        """The best way to cut ``word`` in two: fewest parts in all, then the surest parts
        (words of the content before attested heads and shaped first parts), then the
        longest shortest part."""
        # The window's thread (highlighting an article) and the search thread split words
        # at once, so these memories only ever hold finished answers, read in one look-up
        # (another thread may clear them in between). No word stands in its own split (each
        # part is shorter), so nothing needs marking while it is worked out: a mark read by
        # the other thread was taken for "no compound" and kept, wrong, in the splits built
        # on it.
        known = self._best.get(word, _UNKNOWN)
        if known is not _UNKNOWN:
            return known
        if len(self._best) > MAX_REMEMBERED:  # typed text must not grow it without end
            self._best.clear()
            self._cache.clear()
        best: _Split | None = None
        if len(word) >= MIN_COMPOUND and word.isalpha() and self._could_split(word):
            for end in range(MIN_PART, len(word) - MIN_PART + 1):
                modifier = word[:end]
                for start in _starts(word, end):
                    head = word[start:]
                    left = self._side(modifier, self._modifier_rank(modifier, start > end))
                    right = self._side(head, self._head_rank(head))
                    if left is None or right is None:
                        continue
                    found = _Split(
                        modifier,
                        head,
                        left[0] + right[0],
                        left[1] + right[1],
                        min(left[2], right[2]),
                    )
                    if best is None or found.key < best.key:
                        best = found
        self._best[word] = best
        return best

    def _side(self, part: str, rank: int | None) -> tuple[int, int, int] | None:
        """(parts, doubts, shortest part) of one side: the part itself or its own split."""
        if len(part) < MIN_PART:
            return None
        if rank is not None:
            return 1, rank, len(part)
        if part in NOT_MODIFIERS:
            return None
        inner = self._split(part)
        if inner is None:
            return None
        return inner.parts, inner.doubts, inner.shortest

    def split_query(self, word: str, known: Callable[[str], bool]) -> tuple[str, ...]:
        """A typed compound the content may not hold (selvmordsgruppe) as parts the index
        ``known``s, each as large as it can be; () when it cannot be made of them."""
        fits = MIN_COMPOUND <= len(word) <= MAX_COMPOUND and word.isalpha()
        best = self._split(word) if fits else None
        if best is None:
            return ()
        parts: list[str] = []
        for part in (best.modifier, best.head):
            if known(part):
                parts.append(part)
            elif inner := self.split_query(part, known):
                parts.extend(inner)
            else:
                return ()
        return tuple(parts)


@dataclass(frozen=True)
class _Split:
    modifier: str
    head: str
    parts: int
    doubts: int
    shortest: int

    @property
    def key(self) -> tuple[int, int, int]:
        return self.parts, self.doubts, -self.shortest


# A word not split yet, told apart by identity (None: split, and no compound).
_UNKNOWN = _Split("", "", 0, 0, 0)


def _starts(word: str, end: int) -> list[int]:
    return [end, end + 1] if end < len(word) and word[end] in LINKING else [end]
