"""Search latency benchmark: Handbok's Whoosh search side by side with a plain SQLite FTS5 table.

What it measures
  1. A deterministic synthetic Norwegian-like corpus (default 10,000 articles of 4-6 sections of
     60-100 words, ~400 tokens an article): words from the shipped content plus common
     Norwegian words, their inflected forms (-en, -ene, -er, -et) and many compounds
     (selvhjelp+s+gruppe), drawn with a Zipf-like distribution.
  2. The Whoosh store built through the project's own code path (``index.search.fulltext.Document``
     -> ``index.search.fulltext.build``) and a plain FTS5 table of the same text (unicode61,
     remove_diacritics 2, optimized): build time and size on disk.
  3. Five query types drawn from the corpus (term, AND, phrase, fuzzy, prefix) through
     ``index.search.searcher.Searcher.search(q, limit=10)`` with and without snippets, and the
     equivalent ``MATCH ... ORDER BY bm25() LIMIT 10`` on FTS5 (with and without ``snippet()``).
     After a warm-up every query is run ``--rounds`` times, engines interleaved query by query,
     timed with ``time.perf_counter``; p50/p95 per type and overall (types weighted equally).
     A type whose ``--budget`` of seconds runs out stops early, after at least 10 queries:
     slow types on a big corpus would otherwise take many minutes.
  4. The typing path (bench/keystrokes.py): ``--typed`` queries typed letter by letter, each
     keystroke a search with the last word as a prefix and the window's 40 hits with
     snippets, beside FTS5 typed the same way; p50/p95 of single keystrokes and of whole
     typed queries.
  5. The shipped content: ``index.store.build.build_store`` time, and ~30 queries a nurse would type
     through a Searcher with the store's synonyms (snippets on, as the GUI searches).
The built corpus (Whoosh store and FTS5 table) is kept in ``--cache`` and reused while its
size, seed and the index code are the same: building it takes many minutes on a busy machine.
Targets (docs/architecture.md): shipped p95 < 5 ms and build < 3 s; on 10,000 articles
p95 < 16 ms and within 2x of FTS5.

Usage:
    .venv/bin/python bench/search_bench.py [--articles N] [--queries-per-type K] [--rounds R]
        [--budget SECONDS] [--shipped-rounds R] [--seed S] [--out bench/out/search.json]
        [--typed K] [--cache DIR] [--profile]
Progress goes to stderr, the table to stdout, every figure to the JSON file.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import inspect
import io
import pstats
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any

from common import ROOT, code_version, read_json, write_json
from common import SEARCH_CORPUS_ARTICLES as TARGET_ARTICLES
from common import SEARCH_CORPUS_P95_MS as TARGET_CORPUS_P95_MS
from common import SEARCH_FTS5_RATIO as TARGET_FTS5_RATIO
from common import SEARCH_SHIPPED_P95_MS as TARGET_SHIPPED_P95_MS
from keystrokes import Fts5Typing, WhooshTyping, bench_typing
from whoosh.fields import TEXT

from index import resources
from index.content.loader import FORMAT_VERSION, load_content
from index.search import fulltext
from index.search.analysis import STOP_WORDS, fold, query_terms
from index.search.searcher import Searcher, SearchResult
from index.store.build import build_store
from index.store.database import DB_FILE, Store

QUERY_TYPES = ("term", "and", "phrase", "fuzzy", "prefix")
LIMIT = 10
TARGET_SHIPPED_BUILD_S = 3.0  # this script's own bar for `make store`; the docs set none
ZIPF_EXPONENT = 1.05
COMPOUNDS = 30_000
TOP_REAL = 400  # real words ranked above every derived form
WARM_UP = 2  # queries of each type run through every engine before timing
MIN_QUERIES = 10  # runs of each type (through every engine), however slow
PROFILE_QUERIES = 10  # queries of each profiled type
FUZZY_NOTE = "FTS5 has no fuzzy matching: the misspelt term is run as typed (finds nothing)"

# Common Norwegian words (function words first, then frequent content words): the head of the
# Zipf distribution, as in real text.
_COMMON_TEXT = """
og i det som er en på til med for av at ikke den har de seg om et kan var vi jeg men så fra
også skal blir eller være ved etter hvor når mer alle andre hvis bare nå du han hun dem oss
der her noe noen mange kunne ville skulle over under mellom mot uten inn ut opp ned både
hva hvem hvordan hvorfor denne dette disse slik samme sin sitt sine deres vår våre man få
godt god gode ny nytt nye stor store liten små lang lite viktig viktige egen eget egne
annen annet første siste hele flere mest ofte alltid aldri gjerne særlig blant annet
gjennom omkring rundt innen fram tilbake sammen igjen allerede fortsatt kanskje derfor
likevel dessuten altså dermed nemlig først deretter
år tid dag uke måned gang del måte sted land kommune fylke stat folk menneske mennesker
barn unge ungdom voksne eldre familie foreldre venner person personer bruker brukere
helse tjeneste tjenester hjelp arbeid plan tiltak oppgave oppgaver ansvar samarbeid
rapport område grunnlag forhold behov mål resultat utvikling erfaring kunnskap informasjon
skole lege sykepleier pasient pasienter behandling oppfølging kontakt møte gruppe grupper
organisasjon organisasjoner frivillig frivillige ressurs ressurser nettverk tilbud
ha gjøre si gå komme se ta gi bruke finne trenge bidra delta starte følge bygge arbeide
vise mene tro vite sette legge holde kalle snakke lese skrive hjelpe lære møtes
"""
COMMON_WORDS = tuple(_COMMON_TEXT.split())

# What a nurse at a health station would type into the shipped handbook.
SHIPPED_QUERIES = (
    "selvhjelpsgruppe",
    "hjelpetelefon for unge",
    "etterlatte",
    "frivilligsentral lokaler",
    "LMS",
    "parorende",
    "kirkens sos",
    "handlingsplan selvmord",
    "selvskading",
    "igangsetter",
    "frisklivssentral",
    "legevakt",
    "mental helse",
    "chat for ungdom",
    "etterlatte ved selvmord",
    "rvts",
    "forebygging pa nett",
    "selvorganisert selvhjelp",
    "starte gruppe",
    "samarbeid med frivillige organisasjoner",
    "napha",
    "lærings- og mestringssenter",
    "nødnummer",
    "pårørende psykisk helse",
    '"selvorganisert selvhjelp"',
    "selvhj*",
    "frivil*",
    "selvmordsforebygging",
    "hjelpetelfon",
    "selvhjelpsgrupe",
    "kors på halsen",
    "alarmtelefonen",
)

_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[a-zæøå]+")
_NOISE = frozenset({"https", "http", "www", "mailto", "html", "php", "aspx"})
_VOWELS = frozenset("aeiouyæøå")
_TYPO_LETTERS = "abdefgiklmnoprstuv"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- vocabulary and corpus ---------------------------------------------------------------


@dataclass(frozen=True)
class Sampler:
    words: list[str]
    cum_weights: list[float]

    @classmethod
    def zipf(cls, words: list[str], exponent: float = ZIPF_EXPONENT) -> Sampler:
        weights = (1.0 / (rank + 3) ** exponent for rank in range(len(words)))
        return cls(words, list(accumulate(weights)))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=k)


@dataclass
class Corpus:
    docs: list[fulltext.Document]
    counts: Counter[str]  # body tokens (lower case) by frequency
    vocabulary_size: int
    articles: int

    @property
    def tokens(self) -> int:
        return sum(self.counts.values())


def unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))


def content_words() -> list[str]:
    """Real words of the shipped content (as the project loads it: no YAML keys, no English
    README), most frequent first, ties alphabetical."""
    content = load_content(resources.content_dir(), resources.search_config_dir())
    counts: Counter[str] = Counter()
    for doc in fulltext.documents(content):
        text = " ".join((doc.title, doc.parent_title, doc.keywords, doc.body)).lower()
        counts.update(w for w in _LETTERS.findall(text) if len(w) >= 3 and w not in _NOISE)
    return [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def inflections(word: str) -> list[str]:
    """Definite and plural forms: gruppe -> gruppen, grupper, gruppene, gruppet."""
    if word.endswith("e"):
        return [word + "n", word + "r", word + "ne", word + "t"]
    return [word + "en", word + "er", word + "ene", word + "et"]


def compounds(parts: list[str], count: int, rng: random.Random) -> list[str]:
    """Two words joined, with a linking s or e after a consonant: selvhjelp+s+gruppe."""
    found: dict[str, None] = {}
    for _ in range(count * 4):
        if len(found) >= count:
            break
        modifier, head = rng.choice(parts), rng.choice(parts)
        if modifier == head:
            continue
        link = "" if modifier[-1] in _VOWELS else rng.choices(("", "s", "e"), (55, 35, 10))[0]
        word = modifier + link + head
        if rng.random() < 0.3:
            word = rng.choice(inflections(word))
        found[word] = None
    return list(found)


def ranked_vocabulary(rng: random.Random) -> tuple[list[str], int]:
    """All word types, most frequent first, and how many common words lead the list."""
    common = unique(COMMON_WORDS)
    known = set(common)
    # About 36 % of the tokens are then inflected forms and compounds, 42 % stop words.
    real = [w for w in content_words() if w not in known]
    stems = [w for w in real if len(w) >= 4 and fold(w) not in STOP_WORDS]
    derived = unique(f for w in stems[:1500] for f in inflections(w))
    parts = [w for w in stems[:2000] if len(w) <= 9]
    derived += compounds(parts, COMPOUNDS, rng)
    known.update(real)
    derived = [w for w in unique(derived) if w not in known]
    rng.shuffle(derived)
    # The most frequent real words head the list; below them, real words keep their order and
    # the derived ones are spread between them.
    ranked = common + real[:TOP_REAL]
    rest = real[TOP_REAL:]
    step = len(derived) / max(len(rest), 1)
    for i, word in enumerate(rest):
        ranked.append(word)
        ranked.extend(derived[int(i * step) : int((i + 1) * step)])
    return ranked, len(common)


def sentences(rng: random.Random, words: list[str]) -> str:
    out: list[str] = []
    start = 0
    while start < len(words):
        end = min(len(words), start + rng.randint(6, 14))
        sentence = " ".join(words[start:end])
        out.append(sentence[0].upper() + sentence[1:] + ".")
        start = end
    return " ".join(out)


def heading(rng: random.Random, topics: Sampler, k: int) -> str:
    text = " ".join(topics.draw(rng, k))
    return text[0].upper() + text[1:]


def make_corpus(n_articles: int, seed: int) -> Corpus:
    rng = random.Random(seed)
    ranked, n_common = ranked_vocabulary(rng)
    text = Sampler.zipf(ranked)
    topics = Sampler.zipf(ranked[n_common:])
    counts: Counter[str] = Counter()
    docs: list[fulltext.Document] = []
    for a in range(n_articles):
        title = heading(rng, topics, rng.randint(2, 5))
        for s in range(rng.randint(4, 6)):
            words = text.draw(rng, rng.randint(60, 100))
            counts.update(words)
            docs.append(
                fulltext.Document(
                    id=f"art{a}#s{s}",
                    kind="article",
                    title=heading(rng, topics, rng.randint(1, 4)),
                    body=sentences(rng, words),
                    parent_id=f"art{a}",
                    parent_title=title,
                )
            )
    return Corpus(docs, counts, len(ranked), n_articles)


# --- building ------------------------------------------------------------------------------


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build_whoosh(docs: list[fulltext.Document], out: Path) -> float:
    started = time.perf_counter()
    fulltext.build(docs, out)
    return time.perf_counter() - started


def build_fts5(docs: list[fulltext.Document], path: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, parent_title, body, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    with conn:
        conn.executemany(
            "INSERT INTO docs VALUES (?, ?, ?, ?)",
            ((d.id, d.title, d.parent_title, d.body) for d in docs),
        )
    with conn:
        conn.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    conn.close()
    return time.perf_counter() - started


# --- queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    kind: str
    whoosh: str  # as a user types it into Handbok
    fts5: str  # the FTS5 MATCH expression


def searchable(word: str) -> bool:
    return (
        word.isalpha()
        and len(word) >= 3
        and fold(word) not in STOP_WORDS
        and bool(query_terms(word))
    )


def term_queries(ranked: list[str], k: int, rng: random.Random) -> list[Query]:
    """A third frequent, a third middling, a third rare words."""
    bands = (
        ranked[:200],
        ranked[len(ranked) // 10 : len(ranked) // 3],
        ranked[-len(ranked) // 3 :],
    )
    sizes = (k // 3, k - 2 * (k // 3), k // 3)
    words = [w for band, n in zip(bands, sizes, strict=True) for w in rng.sample(band, n)]
    return [Query("term", w, f'"{w}"') for w in words]


def and_queries(corpus: Corpus, k: int, rng: random.Random) -> list[Query]:
    """Two or three words of one section."""
    queries: list[Query] = []
    while len(queries) < k:
        body = rng.choice(corpus.docs).body.lower()
        words = sorted({w for w in _WORD.findall(body) if searchable(w)})
        n = 2 + len(queries) % 2
        if len(words) >= n:
            picked = rng.sample(words, n)
            queries.append(Query("and", " ".join(picked), " ".join(f'"{w}"' for w in picked)))
    return queries


def phrase_queries(corpus: Corpus, k: int, rng: random.Random) -> list[Query]:
    """Two words that stand side by side in a section."""
    queries: list[Query] = []
    while len(queries) < k:
        tokens = _WORD.findall(rng.choice(corpus.docs).body.lower())
        pairs = [(a, b) for a, b in pairwise(tokens) if searchable(a) and searchable(b)]
        if pairs:
            a, b = rng.choice(pairs)
            queries.append(Query("phrase", f'"{a} {b}"', f'"{a} {b}"'))
    return queries


def fuzzy_queries(
    ranked: list[str], k: int, rng: random.Random, indexed: Callable[[str], bool]
) -> list[Query]:
    """A middling-frequency word of 6+ letters with one letter replaced, the result unknown."""
    pool = [w for w in ranked[len(ranked) // 20 : len(ranked) // 2] if len(w) >= 6]
    known = set(ranked)
    queries: list[Query] = []
    while len(queries) < k:
        word = rng.choice(pool)
        position = rng.randrange(2, len(word) - 1)
        letter = rng.choice(_TYPO_LETTERS.replace(word[position], ""))
        typo = word[:position] + letter + word[position + 1 :]
        terms = query_terms(typo)
        if typo not in known and terms and not any(indexed(t) for t in terms):
            queries.append(Query("fuzzy", typo, f'"{typo}"'))
    return queries


def prefix_queries(ranked: list[str], k: int, rng: random.Random) -> list[Query]:
    """The first 4-6 letters of a word of 7+ letters: selvhj*."""
    pool = [w for w in ranked if len(w) >= 7]
    prefixes: dict[str, None] = {}
    while len(prefixes) < k:
        word = rng.choice(pool)
        prefixes[word[: rng.randint(4, 6)]] = None
    return [Query("prefix", f"{p}*", f'"{p}"*') for p in prefixes]


def pick_queries(
    corpus: Corpus, k: int, seed: int, indexed: Callable[[str], bool]
) -> dict[str, list[Query]]:
    rng = random.Random(seed + 1)
    ranked = [w for w, _ in sorted(corpus.counts.items(), key=lambda i: (-i[1], i[0]))]
    ranked = [w for w in ranked if searchable(w)]
    return {
        "term": term_queries(ranked, k, rng),
        "and": and_queries(corpus, k, rng),
        "phrase": phrase_queries(corpus, k, rng),
        "fuzzy": fuzzy_queries(ranked, k, rng, indexed),
        "prefix": prefix_queries(ranked, k, rng),
    }


def index_lookup(store: Path) -> tuple[Callable[[str], bool], Callable[[], None]]:
    """Whether a term is in any text field of the built index (whatever the schema), and a
    function that closes the index."""
    ix = fulltext.open_index(store)
    reader = ix.reader()
    names = [name for name, field in ix.schema.items() if isinstance(field, TEXT)]

    def indexed(term: str) -> bool:
        return any((name, term) in reader for name in names)

    def close() -> None:
        reader.close()
        ix.close()

    return indexed, close


# --- engines and timing --------------------------------------------------------------------


class WhooshEngine:
    """Runs a query through ``Searcher.search`` and keeps the last result of every query."""

    def __init__(self, searcher: Searcher, snippets: bool) -> None:
        self.searcher = searcher
        self.snippets = snippets
        self.results: dict[str, SearchResult] = {}

    def __call__(self, query: Query) -> None:
        result = self.searcher.search(query.whoosh, limit=LIMIT, snippets=self.snippets)
        self.results[query.whoosh] = result


class Fts5Engine:
    """Runs the MATCH expression, best ``bm25()`` first, and keeps the number of rows."""

    def __init__(self, conn: sqlite3.Connection, snippets: bool) -> None:
        columns = "id, title, parent_title, bm25(docs, 0.0, 3.0, 1.5, 1.0) AS rank"
        if snippets:
            columns += ", snippet(docs, 3, '<b>', '</b>', ' … ', 24)"
        self.sql = f"SELECT {columns} FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT {LIMIT}"
        self.conn = conn
        self.hits: dict[str, int] = {}

    def __call__(self, query: Query) -> None:
        self.hits[query.fts5] = len(self.conn.execute(self.sql, (query.fts5,)).fetchall())


Engine = WhooshEngine | Fts5Engine


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def summary(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "mean_ms": round(statistics.fmean(ms), 3) if ms else 0.0,
        "max_ms": round(max(ms), 3) if ms else 0.0,
    }


def weighted_percentile(groups: list[list[float]], q: int) -> float:
    """Percentile over several groups that count equally, however many values each has."""
    pairs = sorted((v, 1 / len(g)) for g in groups if g for v in g)
    target = q / 100 * sum(w for _, w in pairs)
    seen = 0.0
    for value, weight in pairs:
        seen += weight
        if seen >= target - 1e-12:
            return value
    return pairs[-1][0] if pairs else 0.0


def overall_summary(groups: list[list[float]]) -> dict[str, float]:
    """Every query type weighs the same, even when its time budget cut its rounds short."""
    ms = [[s * 1000 for s in g] for g in groups if g]
    return {
        "n": sum(len(g) for g in ms),
        "p50_ms": round(weighted_percentile(ms, 50), 3),
        "p95_ms": round(weighted_percentile(ms, 95), 3),
        "mean_ms": round(statistics.fmean(statistics.fmean(g) for g in ms), 3) if ms else 0.0,
        "max_ms": round(max(max(g) for g in ms), 3) if ms else 0.0,
    }


@dataclass
class Timings:
    """Seconds per run, by engine and query type, and by engine and query text."""

    by_type: dict[str, dict[str, list[float]]]
    by_query: dict[str, dict[str, list[float]]]

    @classmethod
    def empty(cls, engines: Iterable[str], kinds: Iterable[str]) -> Timings:
        names = list(engines)
        return cls({e: {k: [] for k in kinds} for e in names}, {e: {} for e in names})

    def add(self, engine: str, kind: str, query: Query, seconds: float) -> None:
        self.by_type[engine][kind].append(seconds)
        self.by_query[engine].setdefault(query.whoosh, []).append(seconds)


def time_queries(
    queries: dict[str, list[Query]], engines: dict[str, Engine], rounds: int, budget: float
) -> Timings:
    """Engines are interleaved query by query, and their order turns every round, so none
    always runs on the caches another one warmed. A type stops when its time budget (seconds)
    is spent, but not before the first ``MIN_QUERIES`` queries have run through every engine."""
    timings = Timings.empty(engines, queries)
    names = list(engines)
    clock = time.perf_counter
    for kind, items in queries.items():
        gc.collect()
        deadline = clock() + budget
        runs = 0
        for round_ in range(rounds):
            order = names[round_ % len(names) :] + names[: round_ % len(names)]
            for query in items:
                if clock() > deadline and runs >= MIN_QUERIES:
                    break
                for name in order:
                    started = clock()
                    engines[name](query)
                    timings.add(name, kind, query, clock() - started)
                runs += 1
            else:
                continue
            break
        log(f"  timed {kind}: {runs} runs of {len(items)} queries x {len(engines)} engines")
    return timings


def latency_table(timings: Timings) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for engine, by_kind in timings.by_type.items():
        table[engine] = {kind: summary(values) for kind, values in by_kind.items()}
        table[engine]["overall"] = overall_summary(list(by_kind.values()))
    return table


def median_ms(timings: Timings, engine: str) -> dict[str, float]:
    """Median milliseconds of every query through one engine, slowest first."""
    medians = {q: statistics.median(t) * 1000 for q, t in timings.by_query[engine].items()}
    return {q: round(ms, 2) for q, ms in sorted(medians.items(), key=lambda i: -i[1])}


def warm_up(queries: dict[str, list[Query]], engines: dict[str, Engine]) -> None:
    """The first few queries of every type through every engine: files opened, caches set."""
    for items in queries.values():
        for query in items[:WARM_UP]:
            for engine in engines.values():
                engine(query)


def describe_queries(
    queries: dict[str, list[Query]], whoosh: WhooshEngine, fts5: Fts5Engine
) -> dict[str, list[dict[str, Any]]]:
    """Every query that ran, with what each engine found (from the timed runs)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for kind, items in queries.items():
        out[kind] = []
        for query in items:
            result = whoosh.results.get(query.whoosh)
            if result is None:
                continue  # not reached within the time budget
            out[kind].append(
                {
                    **asdict(query),
                    "whoosh_hits": len(result.hits),
                    "whoosh_total": result.total,
                    "whoosh_fuzzy": result.fuzzy,
                    "whoosh_relaxed": result.relaxed,
                    "fts5_hits": fts5.hits[query.fts5],
                }
            )
    return out


# --- the two benchmarks --------------------------------------------------------------------


def cache_key(args: argparse.Namespace) -> str:
    """Changes whenever what the corpus builds into changes: its size and seed, the analysis
    and index code, the store format."""
    digest = hashlib.sha256(f"{args.articles}-{args.seed}-{FORMAT_VERSION}".encode())
    for name in ("analysis", "codec", "compounds", "fulltext", "spelling"):
        digest.update((ROOT / "index" / "search" / f"{name}.py").read_bytes())
    digest.update(inspect.getsource(make_corpus).encode())
    digest.update(inspect.getsource(ranked_vocabulary).encode())
    return digest.hexdigest()[:16]


def cached_builds(
    corpus: Corpus, args: argparse.Namespace, work: Path
) -> tuple[Path, Path, dict[str, Any]]:
    """The Whoosh store and the FTS5 table of the corpus, built once and kept in ``--cache``
    (the build takes minutes on a busy machine); ``--no-cache`` builds into ``work``."""
    folder = args.cache / f"corpus-{args.articles}-{cache_key(args)}" if args.cache else work
    store, fts_path, figures = folder / "store", folder / "fts5.db", folder / "build.json"
    if args.cache and figures.is_file() and store.is_dir() and fts_path.is_file():
        builds = read_json(figures)
        log(f"reusing the corpus built in {folder} (build figures from then)")
        return store, fts_path, {**builds, "cached": True}
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    log("building the Whoosh store (index.search.fulltext.build) ...")
    whoosh_s = build_whoosh(corpus.docs, store)
    log(f"  {whoosh_s:.1f} s, {folder_bytes(store) / 1e6:.1f} MB")
    log("building the FTS5 table ...")
    fts_s = build_fts5(corpus.docs, fts_path)
    log(f"  {fts_s:.1f} s, {fts_path.stat().st_size / 1e6:.1f} MB")
    builds = {"whoosh": whoosh_s, "fts5": fts_s}
    if args.cache:
        write_json(figures, builds)
    return store, fts_path, {**builds, "cached": False}


def typing_texts(queries: dict[str, list[Query]], k: int, seed: int) -> list[str]:
    """What a nurse types: the words of the term and AND queries, as plain text."""
    pool = [q.whoosh for q in (*queries["and"], *queries["term"])]
    return random.Random(seed + 2).sample(pool, min(k, len(pool)))


def bench_corpus(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    log(f"generating {args.articles:,} articles (seed {args.seed})")
    started = time.perf_counter()
    corpus = make_corpus(args.articles, args.seed)
    generate_s = time.perf_counter() - started
    log(f"  {len(corpus.docs):,} sections, {corpus.tokens:,} body tokens in {generate_s:.1f} s")

    store, fts_path, builds = cached_builds(corpus, args, work)
    whoosh_s, fts_s = builds["whoosh"], builds["fts5"]

    indexed, close_lookup = index_lookup(store)
    queries = pick_queries(corpus, args.queries_per_type, args.seed, indexed)
    close_lookup()

    started = time.perf_counter()
    searcher = Searcher(store)
    searcher.search("oppfølging", limit=LIMIT)
    open_s = time.perf_counter() - started
    conn = sqlite3.connect(f"{fts_path.resolve().as_uri()}?mode=ro", uri=True)
    whoosh, fts5 = WhooshEngine(searcher, snippets=True), Fts5Engine(conn, snippets=False)
    engines: dict[str, Engine] = {
        "whoosh+snippets": whoosh,
        "whoosh": WhooshEngine(searcher, snippets=False),
        "fts5": fts5,
        "fts5+snippet": Fts5Engine(conn, snippets=True),
    }
    log("warm-up ...")
    warm_up(queries, engines)
    log(f"timing up to {args.rounds} rounds, at most ~{args.budget:.0f} s a query type ...")
    timings = time_queries(queries, engines, args.rounds, args.budget)
    log(f"typing {args.typed} queries letter by letter, at most ~{args.budget:.0f} s ...")
    typed_texts = typing_texts(queries, args.typed, args.seed)
    typing = bench_typing(
        typed_texts,
        {"whoosh": WhooshTyping(searcher), "fts5": Fts5Typing(conn)},
        args.rounds,
        args.budget,
        log,
    )
    latency = latency_table(timings)
    described = describe_queries(queries, whoosh, fts5)
    profile = profile_slowest(searcher, queries, latency, args.out.parent) if args.profile else None
    searcher.close()
    conn.close()
    return {
        "articles": corpus.articles,
        "sections": len(corpus.docs),
        "body_tokens": corpus.tokens,
        "stop_word_share": round(
            sum(n for w, n in corpus.counts.items() if fold(w) in STOP_WORDS) / corpus.tokens, 3
        ),
        "word_types_used": len(corpus.counts),
        "vocabulary_size": corpus.vocabulary_size,
        "generate_s": round(generate_s, 2),
        "build": {
            "whoosh": {"seconds": round(whoosh_s, 2), "bytes": folder_bytes(store)},
            "fts5": {"seconds": round(fts_s, 2), "bytes": fts_path.stat().st_size},
        },
        "whoosh_open_and_first_query_s": round(open_s, 3),
        "builds_cached": builds["cached"],
        "typing": typing,
        "fts5_fuzzy": FUZZY_NOTE,
        "latency": latency,
        "median_ms_by_query": {e: median_ms(timings, e) for e in ("whoosh+snippets", "fts5")},
        "queries": described,
        "profile": profile,
    }


def bench_shipped(rounds: int, work: Path) -> dict[str, Any]:
    log("building the shipped content store 3 times (index.store.build.build_store) ...")
    builds: list[float] = []
    documents = 0
    for i in range(3):
        started = time.perf_counter()
        report = build_store(resources.content_dir(), resources.search_config_dir(), work / f"s{i}")
        builds.append(time.perf_counter() - started)
        documents = report.documents
    store = work / "s0"
    db = Store(store / DB_FILE)
    synonyms = db.synonyms()
    db.close()
    searcher = Searcher(store, synonyms)
    queries = {"shipped": [Query("shipped", q, "") for q in SHIPPED_QUERIES]}
    found = {}
    for query in queries["shipped"]:
        result = searcher.search(query.whoosh, limit=LIMIT)
        found[query.whoosh] = {
            "total": result.total,
            "fuzzy": result.fuzzy,
            "relaxed": result.relaxed,
            "first": result.hits[0].id if result.hits else None,
        }
    engines: dict[str, Engine] = {"whoosh+snippets": WhooshEngine(searcher, snippets=True)}
    log(f"timing the shipped content, {rounds} rounds ...")
    timings = time_queries(queries, engines, rounds, budget=float("inf"))
    searcher.close()
    return {
        "documents": documents,
        "build_s": {"first": round(builds[0], 3), "median": round(statistics.median(builds), 3)},
        "latency": {e: summary(t["shipped"]) for e, t in timings.by_type.items()},
        "per_query_snippets": {
            q: summary(t) for q, t in timings.by_query["whoosh+snippets"].items()
        },
        "queries": found,
    }


# --- profiling -----------------------------------------------------------------------------


def profile_slowest(
    searcher: Searcher,
    queries: dict[str, list[Query]],
    latency: dict[str, dict[str, Any]],
    out_dir: Path,
) -> dict[str, str]:
    """cProfile one run of the first queries of the two slowest types (Whoosh p95, snippets)."""
    by_p95 = sorted(QUERY_TYPES, key=lambda k: -latency["whoosh+snippets"][k]["p95_ms"])
    out: dict[str, str] = {}
    for kind in by_p95[:2]:
        log(f"profiling {kind} ...")
        profiler = cProfile.Profile()
        profiler.enable()
        for query in queries[kind][:PROFILE_QUERIES]:
            searcher.search(query.whoosh, limit=LIMIT, snippets=True)
        profiler.disable()
        out_dir.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(str(out_dir / f"profile-{kind}.pstats"))
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text).strip_dirs()
        stats.sort_stats("tottime").print_stats(18)
        stats.sort_stats("cumulative").print_stats(25)
        out[kind] = text.getvalue()
    return out


# --- report --------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_corpus(result: dict[str, Any]) -> None:
    build = result["build"]
    print(
        f"\nSynthetic corpus: {result['articles']:,} articles, {result['sections']:,} sections, "
        f"{result['body_tokens'] / 1e6:.2f} M body tokens, {result['word_types_used']:,} word types"
    )
    for engine in ("whoosh", "fts5"):
        b = build[engine]
        print(f"  build {engine:<7} {b['seconds']:7.1f} s   {b['bytes'] / 1e6:7.1f} MB on disk")
    print(f"  Whoosh open + first query: {result['whoosh_open_and_first_query_s'] * 1000:.0f} ms")
    print(f"  fuzzy on FTS5: {result['fts5_fuzzy']}")
    latency = result["latency"]
    print(
        f"\n{'engine':<16} {'type':<8} {'runs':>5} {'p50 ms':>8} {'p95 ms':>8}"
        f" {'x fts5 p50':>11} {'x fts5 p95':>11}"
    )
    for kind in (*QUERY_TYPES, "overall"):
        base = latency["fts5"][kind]
        for engine, by_kind in latency.items():
            row = by_kind[kind]
            ratios = ""
            if engine.startswith("whoosh"):
                p50, p95 = (ratio(row[k], base[k]) for k in ("p50_ms", "p95_ms"))
                ratios = f"{p50:>11} {p95:>11}"
            print(
                f"{engine:<16} {kind:<8} {row['n']:>5} {row['p50_ms']:8.2f} {row['p95_ms']:8.2f}"
                f" {ratios}".rstrip()
            )
        print()
    typing = result["typing"]
    print(
        f"\nTyping, letter by letter ({len(typing['queries'])} queries, last word as prefix,"
        f" {typing['limit']} hits, snippets on)"
    )
    print(f"{'engine':<16} {'what':<12} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for what in ("keystroke", "whole_query"):
        for engine, row in typing[what].items():
            print(
                f"{engine:<16} {what:<12} {row['n']:>5} {row['p50_ms']:8.2f} {row['p95_ms']:8.2f}"
                f" {row['max_ms']:8.1f}"
            )
    for engine, slow in typing["slowest_keystroke"].items():
        print(f"  slowest keystroke {engine}: {slow['ms']} ms for {slow['typed']!r}")
    found = result["queries"]
    for kind in QUERY_TYPES:
        items = found[kind]
        print(
            f"  {kind:<7} mean hits whoosh {statistics.fmean(i['whoosh_hits'] for i in items):4.1f}"
            f"  fts5 {statistics.fmean(i['fts5_hits'] for i in items):4.1f}"
            f"  whoosh fuzzy fallback {sum(i['whoosh_fuzzy'] for i in items)}/{len(items)}"
            f"  relaxed {sum(i['whoosh_relaxed'] for i in items)}/{len(items)}"
        )


def ratio(value: float, base: float) -> str:
    return f"{value / base:.1f}x" if base > 0 else "-"


def print_shipped(result: dict[str, Any]) -> None:
    print(
        f"\nShipped content: build {result['build_s']['first']:.2f} s first, "
        f"{result['build_s']['median']:.2f} s median of 3"
    )
    for engine, row in result["latency"].items():
        print(f"  {engine:<16} p50 {row['p50_ms']:6.2f} ms   p95 {row['p95_ms']:6.2f} ms")
    slowest = sorted(result["per_query_snippets"].items(), key=lambda i: -i[1]["p95_ms"])[:6]
    print("  slowest (snippets): " + ", ".join(f"{q!r} {s['p95_ms']:.1f}" for q, s in slowest))


def check(value: float | None, target: str, ok: bool) -> dict[str, Any]:
    return {"value": value, "target": target, "pass": ok}


def targets(corpus: dict[str, Any], shipped: dict[str, Any]) -> dict[str, Any]:
    shipped_p95 = shipped["latency"]["whoosh+snippets"]["p95_ms"]
    build_s = shipped["build_s"]["median"]
    overall = corpus["latency"]["whoosh+snippets"]["overall"]["p95_ms"]
    fts = corpus["latency"]["fts5"]["overall"]["p95_ms"]
    vs_fts = round(overall / fts, 2) if fts else None
    keystroke = corpus["typing"]["keystroke"]["whoosh"]["p95_ms"]
    typed = corpus["typing"]["whole_query"]
    typed_ratio = (
        round(typed["whoosh"]["p95_ms"] / typed["fts5"]["p95_ms"], 2)
        if typed["fts5"]["p95_ms"]
        else None
    )
    return {
        "keystroke_p95_ms": check(keystroke, f"<= {TARGET_CORPUS_P95_MS}",
                                  keystroke <= TARGET_CORPUS_P95_MS),
        "typed_query_vs_fts5": check(typed_ratio, f"<= {TARGET_FTS5_RATIO}",
                                     typed_ratio is not None and typed_ratio <= TARGET_FTS5_RATIO),
        "shipped_p95_ms": check(shipped_p95, f"< {TARGET_SHIPPED_P95_MS}",
                                shipped_p95 < TARGET_SHIPPED_P95_MS),
        "shipped_build_s": check(build_s, f"< {TARGET_SHIPPED_BUILD_S}",
                                 build_s < TARGET_SHIPPED_BUILD_S),
        "corpus_p95_ms": check(overall, f"< {TARGET_CORPUS_P95_MS}",
                               overall < TARGET_CORPUS_P95_MS),
        "corpus_p95_vs_fts5": check(vs_fts, f"<= {TARGET_FTS5_RATIO}",
                                    vs_fts is not None and vs_fts <= TARGET_FTS5_RATIO),
    }  # fmt: skip


def print_targets(result: dict[str, Any], articles: int) -> None:
    print("\nTargets (docs/architecture.md; Whoosh with snippets, as the GUI searches):")
    for name, row in result.items():
        print(f"  {name:<20} {row['value']!s:>8}  target {row['target']:<7} {verdict(row['pass'])}")
    if articles != TARGET_ARTICLES:
        print(
            f"  (the corpus targets are defined for {TARGET_ARTICLES:,} articles;"
            f" this run had {articles:,})"
        )


# --- main ----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=TARGET_ARTICLES)
    parser.add_argument("--queries-per-type", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5, help="runs of every query (corpus)")
    parser.add_argument(
        "--budget", type=float, default=30.0, help="seconds a query type may take (corpus)"
    )
    parser.add_argument("--shipped-rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--out", type=Path, default=Path("bench/out/search.json"))
    parser.add_argument("--profile", action="store_true", help="cProfile the two slowest types")
    parser.add_argument("--typed", type=int, default=30, help="queries typed letter by letter")
    parser.add_argument(
        "--cache",
        type=lambda value: Path(value) if value else None,
        default=Path("bench/out/corpus-cache"),
        help="where the built corpus is kept and reused ('' to build afresh)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="handbok-bench-"))
    try:
        shipped = bench_shipped(args.shipped_rounds, work)
        corpus = bench_corpus(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    checks = targets(corpus, shipped)
    print_shipped(shipped)
    print_corpus(corpus)
    print_targets(checks, args.articles)
    for kind, text in (corpus.get("profile") or {}).items():
        print(f"\n--- cProfile: {kind} ---\n{text}", file=sys.stderr)
    report = {
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "code": code_version("index"),
        "shipped": shipped,
        "corpus": corpus,
        "targets": checks,
        "seconds": round(time.perf_counter() - started, 1),
    }
    write_json(args.out, report)
    log(f"done in {report['seconds']} s; figures in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
