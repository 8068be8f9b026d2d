"""The typing path, as the window searches: a query typed letter by letter, every keystroke a
search with the last word as a prefix, the window's number of hits, snippets on; and the same
keystrokes through SQLite FTS5 (every word quoted, the last one as a ``"prefix"*``, the same
LIMIT, ``snippet()``), engines interleaved keystroke by keystroke.

Figures: p50/p95 of single keystrokes, and of whole typed queries (the sum of a query's
keystrokes), for each engine.
"""

from __future__ import annotations

import gc
import re
import sqlite3
import statistics
import time
from collections.abc import Callable
from typing import Any

from index.search.searcher import Searcher

WINDOW_LIMIT = 40  # hits the window asks for (desktop/windows/searching.py)
MIN_RUNS = 5  # typed queries run through every engine, however slow
_WORD = re.compile(r"\w+")


def keystrokes(text: str) -> list[str]:
    """What the search field holds after each key: "s", "se", "sel", ..."""
    return [text[:i] for i in range(1, len(text) + 1) if text[:i].strip()]


def fts5_match(typed: str) -> str:
    """The FTS5 expression for a half-typed query: whole words quoted, the last one a prefix
    unless a space follows it."""
    words = _WORD.findall(typed.lower())
    if not words:
        return ""
    parts = [f'"{w}"' for w in words]
    if not typed[-1].isspace():
        parts[-1] += "*"
    return " ".join(parts)


class WhooshTyping:
    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher

    def __call__(self, typed: str) -> int:
        result = self.searcher.search(typed, limit=WINDOW_LIMIT, prefix_last=True, snippets=True)
        return len(result.hits)


class Fts5Typing:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.sql = (
            "SELECT id, title, parent_title, bm25(docs, 0.0, 3.0, 1.5, 1.0) AS rank, "
            "snippet(docs, 3, '<b>', '</b>', ' … ', 24) FROM docs WHERE docs MATCH ? "
            f"ORDER BY rank LIMIT {WINDOW_LIMIT}"
        )

    def __call__(self, typed: str) -> int:
        match = fts5_match(typed)
        return len(self.conn.execute(self.sql, (match,)).fetchall()) if match else 0


def _ms(values: list[float]) -> dict[str, float]:
    ms = sorted(v * 1000 for v in values)
    if not ms:
        return {"n": 0, "p50_ms": 0.0, "p95_ms": 0.0, "mean_ms": 0.0, "max_ms": 0.0}
    quantiles = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {
        "n": len(ms),
        "p50_ms": round(quantiles[49], 3),
        "p95_ms": round(quantiles[94], 3),
        "mean_ms": round(statistics.fmean(ms), 3),
        "max_ms": round(ms[-1], 3),
    }


def bench_typing(
    texts: list[str],
    engines: dict[str, Callable[[str], int]],
    rounds: int,
    budget: float,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """Every text typed ``rounds`` times through every engine, keystroke by keystroke."""
    per_key: dict[str, list[float]] = {name: [] for name in engines}
    per_query: dict[str, list[float]] = {name: [] for name in engines}
    slowest: dict[str, tuple[float, str]] = {name: (0.0, "") for name in engines}
    names = list(engines)
    clock = time.perf_counter
    for text in texts[:2]:  # warm-up: files opened, caches set
        for typed in keystrokes(text):
            for engine in engines.values():
                engine(typed)
    gc.collect()
    deadline = clock() + budget
    runs = 0
    for round_ in range(rounds):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for text in texts:
            if clock() > deadline and runs >= MIN_RUNS:
                break
            totals = dict.fromkeys(names, 0.0)
            for typed in keystrokes(text):
                for name in order:
                    started = clock()
                    engines[name](typed)
                    took = clock() - started
                    per_key[name].append(took)
                    totals[name] += took
                    if took > slowest[name][0]:
                        slowest[name] = (took, typed)
            for name in names:
                per_query[name].append(totals[name])
            runs += 1
        else:
            continue
        break
    log(f"  typed {runs} queries ({len(texts)} different) x {len(engines)} engines")
    return {
        "limit": WINDOW_LIMIT,
        "queries": texts,
        "keystroke": {name: _ms(v) for name, v in per_key.items()},
        "whole_query": {name: _ms(v) for name, v in per_query.items()},
        "slowest_keystroke": {
            n: {"ms": round(s * 1000, 2), "typed": t} for n, (s, t) in slowest.items()
        },
    }
