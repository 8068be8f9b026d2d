"""Bad input gets a sentence, never a traceback, and the program keeps working: property tests
over the search API (national, and with the local layer), the content loader, the CSV import
of local contacts and signed content packs (issue 7), and a regression test for each bug
they found.

The search tests let Hypothesis draw part of each batch, plus a seed for a plain
``random.Random`` that makes the rest: one example can then run a hundred queries without
running into Hypothesis's per-example data budget, and the number of queries is certain.
A failure message always quotes the exact input, since the seeded part does not shrink.
Everything that writes works in a temporary folder of its own per example, as Hypothesis
does not reset function-scoped fixtures between examples.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import random
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from index.content.loader import load_content
from index.content.model import KINDS
from index.errors import ContentError, HandbokError, PackError
from index.handbook import Handbook, open_handbook
from index.local.csvfile import HEADER, export_csv, import_csv, read_csv
from index.local.draft import ChannelDraft, ContactDraft
from index.local.layer import LayeredSearcher, LocalLayer
from index.local.store import LocalStore
from index.packs.install import (
    PackInfo,
    PublicKey,
    current_store,
    generate_keypair,
    import_pack,
    installed_info,
    make_pack,
    verify_pack,
)
from index.resources import content_dir, search_config_dir
from index.search.searcher import MAX_LIMIT, SearchResult
from index.search.spelling import WORDS_FILE
from index.store.build import build_store
from tests.test_packs import entries, snapshot, write_zip

SEED = st.integers(min_value=0, max_value=2**32 - 1)


def assert_sentence(error: HandbokError, what: object) -> None:
    """The project's own error, with a sentence a person can read (not a class name or a
    traceback) that is what the desktop and the command line show."""
    text = str(error)
    assert text.strip(), f"empty message for {what!r}"
    assert text == error.message(), what
    assert "Traceback" not in text and not text[0].isspace(), (text, what)


# =============================================================================================
# Search: the real Searcher on the real store, and the layered searcher with local contacts
# =============================================================================================

BATCH = 100  # queries per example
DRAWN = 8  # of which Hypothesis draws (and can shrink) this many; a seed makes the rest
NATIONAL_EXAMPLES = 60
LAYERED_EXAMPLES = 40
QUERIES_WANTED = 10_000
QUERIES_RUN = {"national": 0, "layered": 0}
assert (NATIONAL_EXAMPLES + LAYERED_EXAMPLES) * BATCH >= QUERIES_WANTED

SYNTAX = (
    "AND", "OR", "NOT", "ELLER", "IKKE", "OG", "and", "or", "*", "?", "~", "^", ":", "(", ")",
    '"', "-", "+", "«", "»", "“", "”", "„", "＂", "title:", "content:", "kind:contact", "id:*",
    "[a TO z]", "{a TO z}", "\\", "''", "~2", "^3", "-*", "*-", '""', "&&", "||", "!", "/",
    "'", "*?*", "--", "++", "((", "))", ":::", "-\"", "\"-",
)  # fmt: skip
CONTROL = (
    *(chr(c) for c in range(0x20)), "\x7f", "\x85", "\xa0", "\u200b", "\u200e", "\u2028",
    "\u2029", "\u202e", "\u2066", "\ufeff", "\ufffe", "\uffff",
)  # fmt: skip
ODD = (
    "\ud800", "\udfff", "\ud83d", "\udc00x", "🙂", "👩‍⚕️", "\u0301", "a\u0308", "İ", "ß", "ﬁ",
    "½", "Σς", "\U0010ffff", "\ue000", "ǅ", "ⅷ", "٣", "２０２６", "ｓｅｌｖ", "ǂ", "ﷺ", "𝔰𝔢𝔩𝔳",
    "ÅØÆ", "åøæ", "ÄÖÜ", "é", "\u0130stanbul", "ǈ", "ⓢⓔⓛⓥ", "\u034f", "\U000e0041",
)  # fmt: skip
PHONES = ("22 40 00 40", "116 123", "113", "22400040", "+47 22 40 00 40", "800 33 321", "1881")
VALID_KINDS: tuple[str | None, ...] = (None, None, None, *KINDS)
BAD_KINDS = ("", "bok", "Article", "kontakt", "article ", "\x00", "*", "artikkel", "CONTACT")
# Single characters, and the odd pieces above (some longer than one code point).
ANY_PIECE = st.one_of(
    st.characters(), st.sampled_from([*CONTROL, *ODD, *'*?~^:()"-+«»']), st.just(" ")
)
ANY_TEXT = st.lists(ANY_PIECE, max_size=40).map("".join)
CHECKS = ("selvhjelpsgruppe", "frivilligsentral", "pårørende", "kirkens sos", "hjelpetelefon")


@dataclass(frozen=True)
class Pools:
    """Real words and names from the built content, to make queries from."""

    words: tuple[str, ...]
    titles: tuple[str, ...]


@pytest.fixture(scope="module")
def pools(store_dir: Path, handbook: Handbook) -> Pools:
    words = []
    for line in (store_dir / WORDS_FILE).read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition("\t")
        if len(word) >= 3 and count.isdigit():
            words.append(word)
    store = handbook.store
    titles = [a.title for a in store.articles()]
    titles += [s.heading for a in store.articles() for s in a.sections]
    titles += [c.name for c in store.contacts()] + [c.title for c in store.checklists()]
    assert len(words) > 500 and len(titles) > 50
    return Pools(tuple(sorted(set(words))), tuple(sorted(set(titles))))


def _typo(rnd: random.Random, word: str) -> str:
    if not word:
        return rnd.choice("abcæøå")
    at = rnd.randrange(len(word))
    letter = rnd.choice("abcdefghijklmnopqrstuvwxyzæøåéü")
    return rnd.choice(
        (
            word[:at] + word[at + 1 :],  # a letter left out
            word[:at] + letter + word[at:],  # one too many
            word[:at] + letter + word[at + 1 :],  # the wrong one
            word[:at] + word[at + 1 : at + 2] + word[at : at + 1] + word[at + 2 :],  # swapped
            word[:at] + word[at] * 3 + word[at + 1 :],  # a key held down
        )
    )


def _fold(word: str) -> str:
    return word.translate(str.maketrans({"å": "a", "ø": "o", "æ": "ae", "Å": "A", "Ø": "O"}))


class QueryMaker:
    """Everything a user (or a paste) can put into the search field, from a seed."""

    def __init__(self, pools: Pools) -> None:
        self.words = pools.words
        self.titles = pools.titles
        # Weighted towards what people type; the long kinds cost several times more each.
        self.short: tuple[Callable[[random.Random], str], ...] = (
            self.word, self.word, self.word, self.typo, self.typo, self.typo, self.prefix,
            self.prefix, self.quoted, self.unbalanced, self.syntax, self.syntax, self.unicode,
            self.unicode, self.control, self.number, self.shouting, self.title,
        )  # fmt: skip
        self.makers = (*self.short, self.long, self.mixture)

    def query(self, rnd: random.Random) -> str:
        return rnd.choice(self.makers)(rnd)

    def word(self, rnd: random.Random) -> str:
        return rnd.choice(self.words)

    def typo(self, rnd: random.Random) -> str:
        text = rnd.choice(self.words)
        for _ in range(rnd.choice((1, 1, 2, 3))):
            text = _typo(rnd, text)
        return text

    def prefix(self, rnd: random.Random) -> str:
        word = rnd.choice(self.words)
        return word[: rnd.randint(1, len(word))] + rnd.choice(("", "", "*", "**", "?", "~"))

    def quoted(self, rnd: random.Random) -> str:
        inner = " ".join(rnd.choice(self.words) for _ in range(rnd.randint(0, 6)))
        opening, closing = rnd.choice((('"', '"'), ("«", "»"), ("“", "”"), ("„", "“"), ("'", "'")))
        return opening + inner + closing

    def unbalanced(self, rnd: random.Random) -> str:
        words = [rnd.choice(self.words) for _ in range(rnd.randint(1, 5))]
        for _ in range(rnd.randint(1, 3)):
            words.insert(rnd.randint(0, len(words)), rnd.choice('"«»“„'))
        return rnd.choice(("", " ")).join(words)

    def syntax(self, rnd: random.Random) -> str:
        parts = [
            rnd.choice(SYNTAX) if rnd.random() < 0.5 else rnd.choice(self.words)
            for _ in range(rnd.randint(1, 10))
        ]
        glue = rnd.choice((" ", "", " ", ":", "-", "*"))
        return glue.join(parts)

    def unicode(self, rnd: random.Random) -> str:
        def char() -> str:
            pick = rnd.random()
            if pick < 0.1:
                return chr(rnd.randint(0xD800, 0xDFFF))  # lone surrogates, as Qt may pass
            if pick < 0.3:
                return rnd.choice(ODD)
            if pick < 0.6:
                return chr(rnd.randint(0x20, 0x2FFF))
            return chr(rnd.randint(0, 0x10FFFF))

        return "".join(char() for _ in range(rnd.randint(1, 40)))

    def control(self, rnd: random.Random) -> str:
        words = [rnd.choice(self.words) for _ in range(rnd.randint(1, 4))]
        out = ""
        for word in words:
            out += word + "".join(rnd.choice(CONTROL) for _ in range(rnd.randint(0, 3)))
        return out

    def long(self, rnd: random.Random) -> str:
        kind = rnd.randrange(6)
        if kind == 5:
            return " ".join(rnd.choice(self.words) for _ in range(rnd.randint(10, 40)))
        if kind == 0:
            return (rnd.choice(self.words) + " ") * rnd.randint(100, 3000)
        if kind == 1:
            return rnd.choice("aæø") * rnd.randint(1000, 20_000)
        if kind == 2:
            return '"' + " ".join(rnd.choice(self.words) for _ in range(rnd.randint(50, 400)))
        if kind == 3:
            return "-" + " -".join(rnd.choice(self.words) for _ in range(rnd.randint(30, 300)))
        return " OR ".join(rnd.choice(self.words) + "*" for _ in range(rnd.randint(30, 200)))

    def title(self, rnd: random.Random) -> str:
        text = rnd.choice(self.titles)
        return text if rnd.random() < 0.5 else _typo(rnd, text)

    def number(self, rnd: random.Random) -> str:
        text = rnd.choice(PHONES)
        return text if rnd.random() < 0.7 else text[: rnd.randint(1, len(text))]

    def shouting(self, rnd: random.Random) -> str:
        text = rnd.choice(self.titles)
        return rnd.choice((text.upper(), text.lower(), _fold(text), text.swapcase()))

    def mixture(self, rnd: random.Random) -> str:
        parts = [rnd.choice(self.short)(rnd) for _ in range(rnd.randint(2, 4))]
        return rnd.choice((" ", "", "\n", " OR ", " -")).join(parts)

    def options(self, rnd: random.Random) -> dict[str, Any]:
        pick = rnd.random()
        if pick < 0.03:
            limit = rnd.randint(-5, 0)
        elif pick < 0.05:
            limit = rnd.randint(100, MAX_LIMIT + 100)
        elif pick < 0.15:
            limit = rnd.choice((20, 40))  # as the window asks
        else:
            limit = rnd.choice((1, 3, 5, 5, 10))  # highlighting each hit costs the most
        return {
            "kind": rnd.choice(BAD_KINDS) if rnd.random() < 0.04 else rnd.choice(VALID_KINDS),
            "limit": limit,
            "prefix_last": rnd.random() < 0.5,
            "snippets": rnd.random() < 0.5,
        }


@st.composite
def mangled_word(draw: st.DrawFn, words: Sequence[str]) -> str:
    """A real word as it comes out of hurried typing, drawn so that Hypothesis can shrink it."""
    word = draw(st.sampled_from(words))
    at = draw(st.integers(0, max(len(word) - 1, 0)))
    op = draw(st.sampled_from(("typo", "prefix", "quote", "open", "minus", "upper", "fold")))
    if op == "typo":
        letter = draw(ANY_PIECE)
        return word[:at] + letter + word[at + 1 :]
    if op == "prefix":
        return word[: at + 1] + draw(st.sampled_from(("", "*", "?", "~", "^2")))
    if op == "quote":
        return f'"{word} {draw(st.sampled_from(words))}"'
    if op == "open":
        return '"' + word
    if op == "minus":
        return "-" + word
    if op == "upper":
        return word.upper()
    return _fold(word)


def drawn_query(pools: Pools) -> st.SearchStrategy[str]:
    words = st.sampled_from(pools.words)
    return st.one_of(
        ANY_TEXT,
        mangled_word(pools.words),
        st.lists(st.one_of(words, st.sampled_from(SYNTAX)), max_size=8).map(" ".join),
        st.builds(lambda w, n: (w + " ") * n, words, st.integers(1, 3000)),
        st.builds(
            lambda a, c, b: a + c + b, words, st.sampled_from((*CONTROL, *ODD, *SYNTAX)), words
        ),
    )


DRAWN_OPTIONS = st.fixed_dictionaries(
    {
        "kind": st.one_of(st.sampled_from(VALID_KINDS), st.sampled_from(BAD_KINDS)),
        "limit": st.integers(-3, MAX_LIMIT + 50),
        "prefix_last": st.booleans(),
        "snippets": st.booleans(),
    }
)


def known_ids(handbook: Handbook) -> set[str]:
    tables = ("articles", "sections", "contacts", "checklists", "checklist_items")
    conn = handbook.store.conn
    return {row[0] for t in tables for row in conn.execute(f"SELECT id FROM {t}")}


class Checker:
    """Runs one query and checks what comes back; counts the queries run."""

    def __init__(self, searcher: Any, ids: set[str], counter: str) -> None:
        self.searcher = searcher
        self.ids = ids
        self.counter = counter
        self.baseline = {text: self.ids_for(text) for text in CHECKS}
        assert all(self.baseline.values()), self.baseline
        assert "kirkens-sos" in self.baseline["kirkens sos"]

    def ids_for(self, text: str) -> list[str]:
        return [hit.id for hit in self.searcher.search(text, limit=10, snippets=False).hits]

    def run(self, text: str, options: dict[str, Any]) -> None:
        QUERIES_RUN[self.counter] += 1
        what = (text, options)
        try:
            result = self.searcher.search(text, **options)
        except HandbokError as error:
            # The query language has no syntax errors; only an unknown kind is refused.
            assert options["kind"] not in VALID_KINDS, (what, error)
            assert_sentence(error, what)
            return
        assert options["kind"] in VALID_KINDS, f"unknown kind accepted: {what!r}"
        self.check(result, text, options)

    def check(self, result: SearchResult, text: str, options: dict[str, Any]) -> None:
        what = (text, options)
        assert isinstance(result, SearchResult), what
        assert result.text == text, what
        hits = result.hits
        assert isinstance(hits, tuple) and result.total == len(hits), what
        assert len(hits) <= max(1, min(options["limit"], MAX_LIMIT)), what
        assert len({h.id for h in hits}) == len(hits), (what, [h.id for h in hits])
        for hit in hits:
            assert hit.id in self.ids, (what, hit.id)
            assert hit.kind in KINDS, (what, hit)
            assert options["kind"] in (None, hit.kind), (what, hit)
            assert isinstance(hit.title, str) and isinstance(hit.snippet, str), (what, hit)
            assert isinstance(hit.score, float) and math.isfinite(hit.score), (what, hit)
            assert hit.parent_id == "" or hit.parent_id in self.ids, (what, hit)
            # Shown as Qt rich text: only <b> tags, everything else escaped.
            assert "<" not in re.sub(r"</?b>", "", hit.snippet), (what, hit.snippet)
        assert isinstance(result.suggestion, str), what
        if result.suggestion:
            assert result.suggestion != text, f"«Mente du» repeats the query: {what!r}"
        assert all(isinstance(t, str) for t in result.terms), what
        if not hits:
            assert not (result.relaxed or result.fuzzy), what

    def still_works(self) -> None:
        """An ordinary word still finds what it found before the batch."""
        for text, expected in self.baseline.items():
            assert self.ids_for(text) == expected, text


def run_batches(checker: Checker, pools: Pools, examples: int) -> None:
    maker = QueryMaker(pools)
    drawn = st.tuples(drawn_query(pools), DRAWN_OPTIONS)

    # No shrinking: each step would rerun a whole batch, and the failure quotes the query.
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate])
    @given(seed=SEED, queries=st.lists(drawn, min_size=DRAWN, max_size=DRAWN))
    def batch(seed: int, queries: list[tuple[str, dict[str, Any]]]) -> None:
        rnd = random.Random(seed)
        made = [(maker.query(rnd), maker.options(rnd)) for _ in range(BATCH - DRAWN)]
        for text, options in [*queries, *made]:
            checker.run(text, options)
        checker.still_works()

    batch()


def test_ten_thousand_bad_queries_part_1_the_national_search(
    handbook: Handbook, pools: Pools
) -> None:
    before = QUERIES_RUN["national"]
    checker = Checker(handbook.searcher, known_ids(handbook), "national")
    run_batches(checker, pools, NATIONAL_EXAMPLES)
    assert QUERIES_RUN["national"] - before >= NATIONAL_EXAMPLES * BATCH


LOCAL = (
    ContactDraft(
        name="Frivilligsentralen i Testby",
        organisation="Testby kommune",
        category="kommunal-tjeneste",
        audience=("voksne", "pårørende"),
        channels=(ChannelDraft("telefon", "62 00 00 01", note="sentralbord"),),  # fictional
        hours="man-fre 08:00-15:30",
        description="Låner ut lokaler til selvhjelpsgrupper. Kirkens SOS holder kurs her.",
    ),
    ContactDraft(
        name='Kafé «Pusterommet»; "åpent hus" <b>ikke fet</b> & co',
        category="organisasjon",
        audience=("barn og unge",),
        channels=(ChannelDraft("nett", "pusterommet.example.no/a?b=c&d"),),
        description='Selvhjelpsgruppe for etterlatte \\ tirsdager * OR NOT "sitat',
    ),
    ContactDraft(name="Ærlig Øystein Åsen", category="organisasjon", description="ÆØÅ æøå"),
)


@pytest.fixture
def layered(handbook: Handbook, store_dir: Path, tmp_path: Path) -> Iterator[LayeredSearcher]:
    """The national searcher with this PC's own contacts and a note laid over it, as the app
    opens it. Searching writes nothing, so one layer serves every example."""
    local = LocalStore.open(tmp_path / "lokalt")
    for draft in LOCAL:
        local.contacts.add(draft)
    section = handbook.store.articles()[0].sections[-1].id
    local.notes.add(section, "Hos oss: frivilligsentralen har selvhjelpsgrupper hver tirsdag.")
    layer = LocalLayer(local, None, store_dir, handbook.store.synonyms())
    yield LayeredSearcher(handbook.searcher, layer)
    layer.close()


def test_ten_thousand_bad_queries_part_2_with_local_contacts(
    handbook: Handbook, pools: Pools, layered: LayeredSearcher
) -> None:
    local_ids = {c.id for c in layered.layer.contacts()}
    assert len(local_ids) == len(LOCAL)
    checker = Checker(layered, known_ids(handbook) | local_ids, "layered")
    assert "lokal-frivilligsentralen-i-testby" in checker.baseline["frivilligsentral"]
    before = QUERIES_RUN["layered"]
    run_batches(checker, pools, LAYERED_EXAMPLES)
    assert QUERIES_RUN["layered"] - before >= LAYERED_EXAMPLES * BATCH


def test_ten_thousand_bad_queries_were_run() -> None:
    """Checked last: the two search tests above ran at least 10,000 queries between them."""
    if not all(QUERIES_RUN.values()):
        pytest.skip("run together with the two search tests above")
    assert sum(QUERIES_RUN.values()) >= QUERIES_WANTED, QUERIES_RUN


# =============================================================================================
# The content loader: damaged copies of the real content folder
# =============================================================================================

CONTENT_EXAMPLES = 40
SEARCH_FILE = "search/synonyms.yaml"
# The files the loader reads, as "content/..." and "search/..." paths under one folder.
CONTENT_FILES = (
    *sorted(
        f"content/{p.relative_to(content_dir()).as_posix()}"
        for p in content_dir().rglob("*")
        if p.suffix in (".md", ".yaml") and p.name != "README.md"
    ),
    SEARCH_FILE,
)
PROBLEM = re.compile(r"^(?P<file>(?:content|search)/[^\n:]+):(?P<line>\d+): \S")
# Lines an editor (or a bad merge) might leave in a content file.
BAD_LINES = (
    "---", "...", "- id: x", "id: [", "id: {", "  - [", "key: : value", "\tid: tabulator",
    "id: Store Bokstaver", "title:", "title: [1, 2]", "updated: 2026-13-45", "updated: i går",
    "keywords: tekst", "keywords: [1, 2]", "audience: [romvesener]", "category: kafé",
    "verified: 2026-02-30", "verified: i går", "hours: man-fre 25:00-26:00",
    "hours: [søn-man 10:00-12:00]", "hours: {a: 1}", "channels: tekst", "channels: [1, 2]",
    '  - {type: telefon, value: "22 99 99 99"}', "  - {type: brevdue, value: x}",
    "  - {type: e-post, value: ikke en adresse}", "  - {type: nett, value: https://x.no}",
    "## Overskrift uten anker", "## Dårlig anker {#Store Bokstaver}", "## Dobbel {#innledning}",
    "## {#tom}", "# Tittel på nivå 1", "```", "~~~", "[lenke](ftp://x)",
    "[lenke](kontakt:finnes-ikke)", "[lenke](artikkel:finnes-ikke#x)", "[lenke](sjekkliste:nei)",
    "Ring 22 99 99 99.", "Ring 22400040.", "a: &a [*a]", "<<: *ukjent", "b: *ukjent",
    "!!python/object/apply:os.system [echo]", "? [sammensatt, nøkkel]", "? {a: 1}", "%YAML 9.9",
    "x: " + "[" * 400, "x: " + "[" * 400 + "]" * 400, "x: " + "{a: " * 300 + "}" * 300,
    "> " * 300 + "sitat", "[" * 2000, "*" * 3000,
    "- " * 200 + "x", "\x00", "\ufeff", "\u2028", "\x85", "\x0c", "items: []", "items: tekst",
    "blocks: tekst", "blocks: [1]", "- type: ukjent", "- {type: contact, id: finnes-ikke}",
    "sources: [finnes-ikke]", "source: [finnes-ikke]", "  - id: dobbel\n  - id: dobbel",
    "- [a, b]\n- [c]", "- tekst", "null", "[]", "{}", "0", "'", '"', "&", "|", ">",
)  # fmt: skip
SYNTAX_BYTES = b":-[]{}#\"'\t|>&*!%@`\\ \n"  # what YAML and Markdown read as structure
MUTATIONS = (
    "truncate", "insert_bytes", "insert_line", "insert_line", "delete_lines", "swap_lines",
    "duplicate_block", "duplicate_block", "break_header", "reencode", "byte_order_mark",
    "replace_char", "delete_file", "folder_instead", "empty", "clone_as_other",
)  # fmt: skip


@dataclass(frozen=True)
class Mutation:
    op: str
    file: int  # index into CONTENT_FILES
    at: int  # a position, taken modulo the file's length
    count: int
    payload: bytes


MUTATION = st.builds(
    Mutation,
    op=st.sampled_from(MUTATIONS),
    file=st.integers(0, len(CONTENT_FILES) - 1),
    at=st.integers(0, 10**6),
    count=st.integers(0, 40),
    payload=st.one_of(
        st.binary(max_size=24),
        st.sampled_from(BAD_LINES).map(lambda s: s.encode("utf-8")),
        st.text(max_size=30).map(lambda s: s.encode("utf-8")),
    ),
)


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _block(lines: list[bytes], start: int) -> tuple[int, int]:
    """The YAML list entry (or heading section) starting at or after ``start``."""
    for i in [*range(start, len(lines)), *range(start)]:
        stripped = lines[i].lstrip()
        if stripped.startswith((b"- ", b"## ")):
            indent = len(lines[i]) - len(stripped)
            end = i + 1
            while end < len(lines) and (
                not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
            ):
                end += 1
            return i, end
    return 0, len(lines)


def mutate(root: Path, change: Mutation) -> None:
    """Apply one damage to the copy under ``root``; a file already gone stays gone."""
    name = CONTENT_FILES[change.file]
    path = root / name
    if not path.is_file():
        return
    data = path.read_bytes()
    at = change.at % (len(data) + 1)
    lines = _lines(data)
    line = change.at % (len(lines) + 1)
    op = change.op
    if op == "truncate":
        data = data[:at]
    elif op == "insert_bytes":
        data = data[:at] + change.payload + data[at:]
    elif op == "insert_line":
        data = b"\n".join([*lines[:line], change.payload, *lines[line:]])
    elif op == "delete_lines":
        data = b"\n".join(lines[:line] + lines[line + change.count + 1 :])
    elif op == "swap_lines":
        other = (line + change.count + 1) % len(lines)
        line %= len(lines)
        lines[line], lines[other] = lines[other], lines[line]
        data = b"\n".join(lines)
    elif op == "duplicate_block":  # the same contact, item, number or heading twice
        start, end = _block(lines, line % len(lines))
        data = b"\n".join([*lines[:end], *lines[start:end], *lines[end:]])
    elif op == "break_header":
        markers = [i for i, text in enumerate(lines) if text.strip() == b"---"]
        if markers and change.count % 3 == 0:
            del lines[markers[change.count % len(markers)]]  # a header left open
        elif markers and change.count % 3 == 1:
            lines.insert(markers[0] + 1, change.payload)  # something odd inside it
        else:
            lines[line % len(lines)] = lines[line % len(lines)].replace(b":", b" ", 1)
        data = b"\n".join(lines)
    elif op == "reencode":  # saved in the wrong encoding by another editor
        text = data.decode("utf-8", errors="replace")  # it may have been re-encoded before
        codec = ("latin-1", "cp1252", "utf-16", "mac_roman")[change.count % 4]
        data = text.encode(codec, errors="replace")
    elif op == "byte_order_mark":
        data = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")[change.count % 3] + data
    elif op == "replace_char":
        if data:
            at %= len(data)
            char = SYNTAX_BYTES[change.count % len(SYNTAX_BYTES)]
            data = data[:at] + bytes([char]) + data[at + 1 :]
    elif op == "delete_file":
        path.unlink()
        return
    elif op == "folder_instead":  # a folder where the file should be: unreadable as a file
        path.unlink()
        path.mkdir()
        return
    elif op == "empty":
        data = b""
    elif op == "clone_as_other":
        # A copy under another content item's name, its id changed to match: a duplicate id.
        stems = sorted({Path(n).stem for n in CONTENT_FILES if n.count("/") == 2} - {path.stem})
        other = stems[change.count % len(stems)]
        target = path.with_name(other + path.suffix)
        if not target.exists():
            target.write_bytes(data.replace(f"id: {path.stem}".encode(), f"id: {other}".encode()))
        return
    path.write_bytes(data)


def check_content_error(error: ContentError, root: Path, what: object) -> None:
    """Every problem says file:line: what is wrong, with a line that exists in that file."""
    assert error.problems, what
    assert_sentence(error, what)
    assert str(error).splitlines() == [p.message() for p in error.problems], what
    for problem in error.problems:
        message = problem.message()
        found = PROBLEM.match(message)
        assert found, (message, what)
        assert (found["file"], int(found["line"])) == (problem.file, problem.line), message
        path = root / problem.file
        assert path.resolve().is_relative_to(root.resolve()), message
        assert problem.line >= 1, message
        if path.is_file():
            try:
                lines = len(path.read_text(encoding="utf-8").splitlines())
            except UnicodeDecodeError:
                assert problem.line == 1, message
            else:
                assert problem.line <= lines + 1, (message, lines, what)
        else:
            assert problem.line == 1, message


@settings(max_examples=CONTENT_EXAMPLES, deadline=None, database=None)
@given(changes=st.lists(MUTATION, min_size=1, max_size=3))
def test_damaged_content_is_loaded_or_reported_by_file_and_line(changes: list[Mutation]) -> None:
    # A temporary folder per example (hypothesis does not reset function-scoped fixtures).
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(content_dir(), root / "content")
        shutil.copytree(search_config_dir(), root / "search")
        for change in changes:
            mutate(root, change)
        try:
            content = load_content(root / "content", root / "search")
        except ContentError as error:
            check_content_error(error, root, changes)
        else:
            assert content.articles, changes


# =============================================================================================
# CSV import of local contacts
# =============================================================================================

CSV_EXAMPLES = 60
RAW_CSV_EXAMPLES = 40
KNOWN = ContactDraft(
    name="Frivilligsentralen Hamar",
    organisation="Hamar kommune",
    category="organisasjon",
    audience=("voksne",),
    channels=(ChannelDraft("telefon", "62000000", note="Sentralbord"),),  # fictional
    description="Finnes fra før: en import sletter aldri noe.",
)
COLUMN_NAMES = (
    *HEADER, *HEADER, "malgruppe", "epost", "e-mail", "nett", "region", "sist kontrollert",
    "Navn på kontakt", "NAVN", " navn ", "\ufeffNavn", "Merknad", "", "  ", "Id;Navn", '"Navn"',
)  # fmt: skip
# Per column: values that can be saved, and values that get a sentence for their row.
GOOD_PHONES = (
    "22 40 00 40", "116 123", "113", "+47 22400040", "412 34 567, 62 00 00 01", "0047 113",
    "22 40 00 40 (vakt, helg) [døgnåpen], 116 123", "62000000 (a (b) c)", ",", "",
)  # fmt: skip
BAD_PHONES = (
    "22 40 00 4", "113 (åpen", "113 [man-fre", "113 (x) y", "\\(113\\)", "ring meg",
    "113 [man-fre 25:00-26:00]",
)  # fmt: skip
GOOD_WEB = ("selvhjelp.no", "https://www.Selvhjelp.no/", "chat.example.no/a\\,b\\(c\\)", "")
CELLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Id": (
        ("", "lokal-kafeen", "Lokal-Kafeen Hamar", "lokal-frivilligsentralen-hamar", "x y z"),
        ("?!", "lokal-", "LOKAL-", "---"),
    ),
    "Navn": (
        (
            "Kafeen", "Frivilligsentralen Hamar", 'Kafé «Pusterommet»; "åpent hus"',
            '=HYPERLINK("x")', "'=1+1", "-minus", "@at", "Navn\nmed linjeskift",
            "Navn\r\nCRLF", "  mellomrom  ", "ÆØÅ",
        ),
        ("", "   ", "\n"),
    ),
    "Organisasjon": (("Hamar kommune", "", "HAMAR  kommune", "'+47"), ()),
    "Kategori": (
        (
            "organisasjon", "Organisasjon", "kommunal tjeneste", "Kommunal-tjeneste",
            "nødnummer", "hjelpetelefon", "kompetansesenter",
        ),
        ("kafé", "", "organisasjon;"),
    ),
    "Målgruppe": (
        ("voksne", "barn og unge, voksne", "Pårørende; etterlatte", "", ",,,"),
        ("romvesener", "voksne, alle"),
    ),
    "Telefon": (GOOD_PHONES, BAD_PHONES),
    "SMS": (GOOD_PHONES, BAD_PHONES),
    "E-post": (
        ("post@kommune.no", "mailto:a@b.no", "a@b.no (x) [døgnåpen]", ""),
        ("ikke epost", "a@b"),
    ),
    "Nettside": (GOOD_WEB, ("a b", "https://")),
    "Chat": (GOOD_WEB, ("a b",)),
    "Åpningstider": (
        ("døgnåpen", "24/7", "man-fre 09:00-15:00 | lør 10:00-14:00", "man–fre 09:00–15:00", ""),
        ("man-fre 25:00-26:00", "søn-man 10:00-12:00", "hele tiden", "man 10:00-10:00"),
    ),
    "Kontrollert": (
        (
            "22.11.2026", "2026-11-22", "22.11.2026 00:00", "22.11.2026 0:00:00", "22.11.26",
            "22.11.0226", "1.1.0001", "２２.１１.２０２６", "",
        ),
        ("31.02.2026", "0000-01-01", "i går", "2026-11-22T10:00"),
    ),
}  # fmt: skip
FREE = ("", "Torggata 1\n2317 Hamar", "- Åpent for alle.", "=1+2", "ÆØÅ æøå", 'sitat "her"')
EXCEL_TEXT = st.text(st.sampled_from(list(";,\"'\n\r\t()[]\\=+-@ æøåÆØÅ«»|#\ufeff\x00aZ1")))
HUGE_CELL = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(("x", "æ", '"', ";", "\n", "a b ")),
    st.sampled_from((1000, 30_000, 140_000)),  # the last is beyond the csv module's field limit
)
ENCODINGS = (
    "utf-8-sig", "utf-8-sig", "cp1252", "cp1252", "utf-8", "utf-16", "utf-16-le", "latin-1",
    "mac_roman",
)  # fmt: skip


def cell(column: str, clean: bool) -> st.SearchStrategy[str]:
    known = {h.casefold(): h for h in HEADER}.get(column.strip().casefold())
    good, bad = CELLS.get(known or "", (FREE, ()))
    if clean:
        return st.sampled_from(good)
    return st.one_of(
        st.sampled_from(good), st.sampled_from(bad or good), EXCEL_TEXT, ANY_TEXT, HUGE_CELL
    )


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A contact list as Excel, LibreOffice, a text editor or a bad copy may have left it."""
    columns = draw(st.lists(st.sampled_from(COLUMN_NAMES), max_size=8))
    for needed in ("Navn", "Kategori"):  # most lists have the columns every contact needs
        if draw(st.integers(0, 7)) and needed not in columns:
            columns.insert(draw(st.integers(0, len(columns))), needed)
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        # Most rows can be saved; the others have one mistake, or are cut short or too long.
        wrong = draw(st.integers(-1, 2 * len(columns)))
        row = [draw(cell(column, n != wrong)) for n, column in enumerate(columns)]
        extra = draw(st.integers(-2, 2)) if wrong < 0 else 0
        rows.append(row[: len(row) + extra] if extra < 0 else row + ["x"] * extra)
    delimiter = draw(st.sampled_from(";,\t"))
    style = draw(st.sampled_from(("minimal", "all", "escaped", "naive")))
    newline = draw(st.sampled_from(("\r\n", "\n", "\r")))
    # Joined without any quoting, as a hand-written file might be ...
    text = "".join(delimiter.join(r) + newline for r in [columns, *rows])
    if style != "naive":  # ... or as a program writes CSV (which cannot write every row)
        buffer = io.StringIO(newline="")
        quoting = {"minimal": csv.QUOTE_MINIMAL, "all": csv.QUOTE_ALL, "escaped": csv.QUOTE_NONE}
        writer = csv.writer(
            buffer, delimiter=delimiter, lineterminator=newline, quoting=quoting[style],
            escapechar="\\",
        )  # fmt: skip
        with contextlib.suppress(csv.Error):
            writer.writerows([columns, *rows])
            text = buffer.getvalue()
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    damage = draw(st.sampled_from(("none", "none", "none", "cut", "insert")))
    at = draw(st.integers(0, len(data)))
    if damage == "cut":
        data = data[:at]
    elif damage == "insert":
        data = data[:at] + draw(st.binary(max_size=16)) + data[at:]
    return data


RAW_CSV = st.builds(
    lambda head, body: head + body,
    st.sampled_from(
        (
            b"", b"Navn;Kategori\r\n", "\ufeffId;Navn;Kategori\n".encode(),
            ";".join(HEADER).encode("utf-8-sig") + b"\r\n", b"\xff\xfe", b"\xfe\xff",
            "Navn\tKategori\n".encode("utf-16"), b"Navn,Kategori\n\"",
        )
    ),
    st.binary(max_size=2000),
)  # fmt: skip


def check_csv_import(data: bytes) -> None:
    # A temporary folder per example (hypothesis does not reset function-scoped fixtures).
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "kontakter.csv"
        path.write_bytes(data)
        with LocalStore.open(root / "data") as store:
            known = store.contacts.add(KNOWN)
            before = store.contacts.list()
            try:
                report = import_csv(store, path)
            except HandbokError as error:
                assert_sentence(error, data)
                assert store.contacts.list() == before, "a refused file changed the store"
                return
            after = store.contacts.list()
            assert {c.id for c in before} <= {c.id for c in after}, "an import deleted"
            assert store.contacts.get(known.id) is not None
            assert report.added == len(after) - len(before), report
            good, problems, _ignored = read_csv(path)
            assert report.added + report.updated + report.unchanged == len(good), report
            assert len(report.problems) == len(problems)
            for (row, error), line in zip(report.problems, report.messages(), strict=True):
                assert row >= 2, report
                assert_sentence(error, (data, row))
                assert line.startswith(f"Rad {row}: "), line
            # What was imported reads back the same: exported and imported into a fresh store.
            export_csv(store, root / "ut.csv")
        with LocalStore.open(root / "fresh") as fresh:
            again = import_csv(fresh, root / "ut.csv")
            assert again.errors == [], (again.errors, data)
            assert fresh.contacts.list() == after, data


@settings(max_examples=CSV_EXAMPLES, deadline=None, database=None)
@given(data=csv_bytes())
def test_a_messy_contact_list_is_imported_or_refused_with_a_sentence(data: bytes) -> None:
    check_csv_import(data)


@settings(max_examples=RAW_CSV_EXAMPLES, deadline=None, database=None)
@given(data=RAW_CSV)
def test_arbitrary_bytes_as_a_contact_list(data: bytes) -> None:
    check_csv_import(data)


# =============================================================================================
# Content packs: manifests re-signed with the trusted key, and packs changed after signing
# =============================================================================================

PACK_EXAMPLES = 70
DAMAGED_PACK_EXAMPLES = 50
INSTALLED = "2026.9.3"
NEW = "2026.12.1"
PACK_REASONS = {
    "not-zip", "damaged", "unreadable", "too-many-files", "too-big", "file-too-big", "ratio",
    "lying-size", "symlink", "unsafe-path", "long-name", "duplicate", "no-manifest", "no-signature",
    "bad-signature", "unknown-format", "bad-manifest", "changed-file", "unlisted-file",
    "missing-file", "invalid-content", "not-newer", "write-failed", "windows-name",
}  # fmt: skip
# A small but complete content folder: installing it builds a store in a blink.
SMALL_CONTENT = {
    "articles/nytt-fra-redaksjonen.md": (
        "---\nid: nytt-fra-redaksjonen\ntitle: Nytt fra redaksjonen\npublisher: Handbok\n"
        "source: Redaksjonen\nsummary: En artikkel fra en innholdspakke.\n---\n\n"
        "Innledningen.\n\n## Hva er nytt {#hva-er-nytt}\n\n"
        "Se [kontakten](kontakt:selvhjelp-norge).\n"
    ),
    "contacts.yaml": (
        "- id: selvhjelp-norge\n  name: Selvhjelp Norge\n  category: organisasjon\n"
        "  audience: [voksne]\n  channels:\n    - {type: nett, value: selvhjelp.no}\n"
        "  description: Nasjonalt kompetansesenter for selvorganisert selvhjelp.\n"
        "  source: Redaksjonen\n  verified: 2026-11-22\n"
    ),
    "verified-numbers.yaml": "[]\n",
}
JSON_ODD = (
    20261201, "20261201", "2026-12-01", "2026-12-01T00:00", "2026-W49-1", "2026-13-01", "",
    "２０２６.１２.１", "٢٠٢٦.١٢.١", "2026.12.1\n", " 2026.12.1", "2026.12.1.1.1.1.1", "1" * 12,
    "2027.1.1", "2026.9.3", "0", 10**30, -1, 1.0, True, "handbok-innholdspakke", 1, "../../x",
    "C:\\x", "\x00", "\ud800",
)  # fmt: skip


JSON_LEAF = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
    st.sampled_from(JSON_ODD),
)  # fmt: skip
JSON_NESTED = st.one_of(
    st.lists(JSON_LEAF, max_size=3), st.dictionaries(st.text(max_size=6), JSON_LEAF, max_size=3)
)
# Two levels deep is enough for a manifest (an object of lists of objects).
JSON_VALUE = st.one_of(
    JSON_LEAF,
    JSON_NESTED,
    st.lists(JSON_NESTED, max_size=2),
    st.dictionaries(st.text(max_size=6), JSON_NESTED, max_size=2),
)
MANIFEST_KEYS = (
    "format", "format_version", "version", "created", "changelog", "files", "extra", "",
    "FORMAT", "signature",
)  # fmt: skip
ENTRY_PATHS = (
    "../evil.md", "articles/../../evil.md", "/etc/passwd", "C:/x.md", "articles\\x.md",
    "articles/X.md", "articles/a.md\x00", "articles/ny.md", "contacts.yaml", "README.md",
    "articles/æ.md", "articles/.md", "checklists/a.yaml", "articles//a.md", "./contacts.yaml",
    "content/contacts.yaml", "articles/a.md ", "ARTICLES/a.md", "articles/a.md/", "..",
    "articles/" + "a" * 300 + ".md", "handouts/x.yaml", "skript.py", "",
)  # fmt: skip
SHAS = ("", "0" * 64, "A" * 64, "g" * 64, "0" * 63, "0" * 65, 12, None)
# Values each field may be given by a faulty tool, near misses first.
FIELD_ODD: tuple[tuple[str, object], ...] = (
    *(("version", v) for v in (
        "２０２６.１２.１", "٢٠٢٦.١٢.١", "2026.12.1\n", " 2026.12.1", "2026.12.1.1.1.1.1",
        "1" * 10, "2027.1.1", "2026.9.3", "2026.9.2", "2026.12.01", "0", "v2026", 2026.12, 2026,
        None, "",
    )),
    *(("created", v) for v in (
        20261201, "20261201", "2026-W49-1", "2026-13-01", "2026-12-01T00:00", "2026-12-1",
        "1.12.2026", "", None, 2026, ["2026-12-01"], "0001-01-01", "9999-12-31",
    )),
    *(("format_version", v) for v in (1.0, True, "1", 2, 0, -1, 10**30, None, [1])),
    *(("format", v) for v in ("Handbok-innholdspakke", "handbok-innholdspakke ", None, 1)),
    *(("changelog", v) for v in ("", "\x00", "\ud800", "a" * 10_000, None, 1, ["a"], {"nb": "x"})),
    *(("files", v) for v in ([], {}, "alt", None, [None], [[]], [{}])),
)  # fmt: skip
MANIFEST_CHANGE = st.one_of(
    st.sampled_from(FIELD_ODD).map(lambda pair: ("set", *pair)),
    st.tuples(st.just("set"), st.sampled_from(MANIFEST_KEYS), JSON_VALUE),
    st.tuples(st.just("delete"), st.sampled_from(MANIFEST_KEYS), st.none()),
    st.tuples(st.just("path"), st.integers(0, 9), st.sampled_from(ENTRY_PATHS)),
    st.tuples(st.just("sha"), st.integers(0, 9), st.sampled_from(SHAS)),
    st.tuples(st.just("entry"), st.integers(0, 9), JSON_VALUE),
    st.tuples(st.just("entry_key"), st.integers(0, 9), JSON_VALUE),
    st.tuples(st.just("drop"), st.integers(0, 9), st.none()),
    st.tuples(st.just("twice"), st.integers(0, 9), st.none()),
    st.tuples(st.just("whole"), st.none(), JSON_VALUE),
)
# How the manifest's bytes are written, besides plain UTF-8 JSON.
SERIAL = st.one_of(
    st.tuples(st.sampled_from(("plain", "plain", "plain", "ascii", "indent")), st.none()),
    st.tuples(st.sampled_from(("latin-1", "utf-16", "bom", "empty", "nan")), st.none()),
    st.tuples(st.just("cut"), st.integers(0, 10**5)),
    st.tuples(st.just("insert"), st.tuples(st.integers(0, 10**5), st.binary(max_size=8))),
    st.tuples(st.just("deep"), st.sampled_from((10, 500, 5000, 100_000))),
    st.tuples(st.just("bignum"), st.sampled_from((20, 4301, 10_000))),
    st.tuples(st.just("duplicate_key"), st.sampled_from(MANIFEST_KEYS)),
)


@dataclass(frozen=True)
class PackWorld:
    key: Ed25519PrivateKey
    public: PublicKey
    good: dict[str, bytes]  # the zip entries of a good pack, newer than the one installed
    info: PackInfo  # what verification says about it
    installed: Path  # a stores_root with an older pack in use


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> PackWorld:
    folder = tmp_path_factory.mktemp("pack-world")
    public = generate_keypair(folder / "pack.pem", folder / "pack.pub")
    key = load_pem_private_key((folder / "pack.pem").read_bytes(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    content = folder / "content"
    for name, text in SMALL_CONTENT.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    make_pack(content, folder / "pack.pem", folder / "old.zip", version=INSTALLED, changelog="")
    import_pack(
        folder / "old.zip", [public], folder / "stores", installed_version=None,
        search_dir=search_config_dir(),
    )  # fmt: skip
    make_pack(content, folder / "pack.pem", folder / "new.zip", version=NEW, changelog="Nytt.")
    info = verify_pack(folder / "new.zip", [public])
    assert info.version == NEW
    return PackWorld(key, public, entries(folder / "new.zip"), info, folder / "stores")


Change = tuple[str, Any, Any]  # what, where, the new value
Serial = tuple[str, Any]  # how the manifest is written, and a parameter


def changed_manifest(manifest: dict[str, Any], files: dict[str, bytes], change: Change) -> Any:
    """The manifest with one change; a file renamed in it is renamed in the zip too, so the
    name checks (not only the comparison with the zip) see it."""
    op, where, value = change
    if op == "whole" or not isinstance(manifest, dict):
        return value if op == "whole" else manifest
    listed = manifest.get("files")
    entries_ = listed if isinstance(listed, list) and listed else None
    if op == "set":
        return {**manifest, where: value}
    if op == "delete":
        return {k: v for k, v in manifest.items() if k != where}
    if entries_ is None:
        return manifest
    n = where % len(entries_)
    entry = entries_[n]
    if op == "drop":
        entries_ = [e for i, e in enumerate(entries_) if i != n]
    elif op == "twice":
        entries_ = [*entries_, entry]
    elif op == "entry":
        entries_ = [value if i == n else e for i, e in enumerate(entries_)]
    elif isinstance(entry, dict):
        if op == "path":
            old = files.pop(f"content/{entry.get('path')}", b"")
            files[f"content/{value}"] = old
            entry = {**entry, "path": value}
        elif op == "sha":
            entry = {**entry, "sha256": value}
        elif op == "entry_key":
            entry = {**entry, "ekstra": value}
        entries_ = [entry if i == n else e for i, e in enumerate(entries_)]
    return {**manifest, "files": entries_}


def manifest_bytes(manifest: Any, serial: Serial) -> bytes:
    how, arg = serial
    if how == "deep":  # a value nested deeper than any parser recurses
        marker = json.dumps({**manifest, "changelog": "@@"} if isinstance(manifest, dict) else [])
        return marker.replace('"@@"', "[" * arg + "]" * arg).encode()
    if how == "bignum":
        text = json.dumps({**manifest, "format_version": "@@"} if isinstance(manifest, dict) else 0)
        return text.replace('"@@"', "1" + "0" * arg).encode()
    if how == "duplicate_key":
        return b'{"' + arg.encode() + b'": "x", ' + json.dumps(manifest).encode()[1:]
    text = json.dumps(manifest, ensure_ascii=how == "ascii", indent=2 if how == "indent" else None)
    if how == "nan":
        text = text.replace("1", "NaN", 1)
    raw = text.encode("utf-8", errors="surrogatepass")
    if how == "latin-1":
        return text.encode("latin-1", errors="replace")
    if how == "utf-16":
        return text.encode("utf-16", errors="surrogatepass")
    if how == "bom":
        return b"\xef\xbb\xbf" + raw
    if how == "empty":
        return b""
    if how == "cut":
        return raw[: arg % (len(raw) + 1)]
    if how == "insert":
        at, piece = arg
        at %= len(raw) + 1
        return raw[:at] + piece + raw[at:]
    return raw


def check_pack(world: PackWorld, pack: Path, what: object, *, tampered: bool = False) -> None:
    """Verification and import either accept the pack, and then it is the content in use, or
    refuse it with the same reason and a sentence, and nothing in use changed. A pack
    ``tampered`` with after signing is accepted only if what it holds is still what was
    signed (damage to a zip field nothing checks, such as a file's date)."""
    root = pack.parent / "stores"
    shutil.copytree(world.installed, root)
    before = snapshot(root)
    in_use = current_store(root)
    refused: PackError | None = None
    try:
        info = verify_pack(pack, [world.public])
    except PackError as error:
        refused = error
        assert error.reason in PACK_REASONS, (error.reason, what)
        assert_sentence(error, what)
    else:
        assert isinstance(info.version, str) and isinstance(info.created, date), (info, what)
        assert isinstance(info.changelog, str), (info, what)
        assert not tampered or info == world.info, f"a tampered pack was taken: {what!r}"
    try:
        report = import_pack(
            pack, [world.public], root, installed_version=INSTALLED,
            search_dir=search_config_dir(),
        )  # fmt: skip
    except PackError as error:
        assert_sentence(error, what)
        assert error.reason in PACK_REASONS, (error.reason, what)
        if refused is not None:
            assert error.reason == refused.reason, (error.reason, refused.reason, what)
        assert snapshot(root) == before, f"a refused pack changed the content in use: {what!r}"
        assert current_store(root) == in_use
        return
    assert refused is None, f"import took a pack that verification refused: {what!r}"
    assert current_store(root) == report.store, f"the pack installed is not in use: {what!r}"
    installed = installed_info(root)
    assert installed is not None and installed.version == report.info.version, what
    book = open_handbook(report.store)  # and the program can work with what it installed
    try:
        assert book.searcher.search("redaksjonen").hits, what
    finally:
        book.close()


def resigned(world: PackWorld, folder: Path, changes: list[Change], serial: Serial) -> Path:
    """The good pack with its manifest changed and signed again with the trusted key, so the
    manifest parser itself meets every change."""
    files = dict(world.good)
    manifest: Any = json.loads(files["manifest.json"])
    for change in changes:
        manifest = changed_manifest(manifest, files, change)
    raw = manifest_bytes(manifest, serial)
    files["manifest.json"] = raw
    files["manifest.sig"] = world.key.sign(raw)
    return write_zip(folder / "pakke.zip", files)


@settings(max_examples=PACK_EXAMPLES, deadline=None, database=None)
@given(changes=st.lists(MANIFEST_CHANGE, min_size=1, max_size=3), serial=SERIAL)
def test_a_resigned_manifest_is_read_with_care(
    world: PackWorld, changes: list[Change], serial: Serial
) -> None:
    # A temporary folder per example (hypothesis does not reset function-scoped fixtures).
    with tempfile.TemporaryDirectory() as tmp:
        pack = resigned(world, Path(tmp), changes, serial)
        check_pack(world, pack, (changes, serial))


@pytest.mark.parametrize("field", FIELD_ODD, ids=[f"{k}={v!r:.30}" for k, v in FIELD_ODD])
def test_every_near_miss_in_a_manifest_field(
    world: PackWorld, field: tuple[str, object], tmp_path: Path
) -> None:
    """Each of the near misses on its own, so none depends on Hypothesis drawing it."""
    key, value = field
    pack = resigned(world, tmp_path, [("set", key, value)], ("plain", None))
    check_pack(world, pack, field)


POSITION = st.integers(0, 10**6)  # taken modulo the length
UNSIGNED_CHANGE = st.one_of(
    st.tuples(
        st.just("flip"),
        st.lists(st.tuples(POSITION, st.integers(1, 255)), min_size=1, max_size=5),
    ),
    st.tuples(st.just("cut"), POSITION),
    st.tuples(st.just("insert"), st.tuples(POSITION, st.binary(min_size=1, max_size=16))),
    st.tuples(st.just("manifest"), st.tuples(st.sampled_from(MANIFEST_KEYS), JSON_VALUE)),
    st.tuples(st.just("file"), st.tuples(st.integers(0, 9), st.binary(max_size=16))),
    st.tuples(st.just("signature"), st.binary(max_size=80)),
)  # fmt: skip


@settings(max_examples=DAMAGED_PACK_EXAMPLES, deadline=None, database=None)
@given(change=UNSIGNED_CHANGE)
def test_a_pack_changed_after_signing_is_refused(world: PackWorld, change: tuple[str, Any]) -> None:
    """Edited by hand (the manifest, a file, the signature) or damaged on the way (the zip's
    bytes) after signing: refused, unless nothing that was signed changed."""
    how, arg = change
    files = dict(world.good)
    # A temporary folder per example (hypothesis does not reset function-scoped fixtures).
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pakke.zip"
        if how == "manifest":
            key, value = arg
            manifest = json.loads(files["manifest.json"])
            files["manifest.json"] = json.dumps({**manifest, key: value}).encode(
                errors="surrogatepass"
            )
        elif how == "file":
            names = sorted(n for n in files if n.startswith("content/"))
            n, piece = arg
            files[names[n % len(names)]] += piece
        elif how == "signature":
            files["manifest.sig"] = arg
        write_zip(pack, files)
        if how in ("flip", "cut", "insert"):
            data = bytearray(pack.read_bytes())
            if how == "flip":
                for offset, xor in arg:
                    data[offset % len(data)] ^= xor
            elif how == "cut":
                del data[arg % len(data) :]
            else:
                at, piece = arg
                data[at % len(data) : at % len(data)] = piece
            pack.write_bytes(bytes(data))
        check_pack(world, pack, change, tampered=True)


# =============================================================================================
# Regressions: each failure the property tests found, pinned down on its own
# =============================================================================================


def test_a_long_paste_is_not_offered_back_as_a_suggestion(handbook: Handbook) -> None:
    # Only the first 1000 characters are read, so the last word is cut short ("oppl") and
    # unknown; it does not stand alone in the text, so there is nothing to correct.
    text = "opplevelsen " * 84
    result = handbook.searcher.search(text)
    assert result.hits
    assert result.suggestion != text


def content_problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder, search_config_dir())
    return [p.message() for p in caught.value.problems]


def test_an_article_that_cannot_be_read_is_a_problem_not_a_crash(content_copy: Path) -> None:
    (content_copy / "articles" / "mappe.md").mkdir()  # a folder where an article should be
    (message,) = content_problems(content_copy)
    assert message.startswith("content/articles/mappe.md:1: kan ikke lese filen ("), message


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("2026-02-30", "«2026-02-30» er ikke en gyldig dato"),
        ("2026-11-22 25:00:00", "«2026-11-22 25:00:00» er ikke en gyldig dato"),
        ("0x_", "«0x_» er ikke et gyldig tall"),
    ],
)
def test_a_date_or_number_that_does_not_exist_is_reported_with_its_line(
    content_copy: Path, written: str, problem: str
) -> None:
    contacts = content_copy / "contacts.yaml"
    text = contacts.read_text(encoding="utf-8")
    line = text[: text.index("verified: 2026-11-22")].count("\n") + 1
    wrong = text.replace("verified: 2026-11-22", f"verified: {written}", 1)
    contacts.write_text(wrong, encoding="utf-8")
    assert content_problems(content_copy) == [
        f"content/contacts.yaml:{line}: ugyldig YAML: {problem}"
    ]


def test_lists_nested_too_deep_are_reported(content_copy: Path) -> None:
    checklist = sorted((content_copy / "checklists").glob("*.yaml"))[0]
    with checklist.open("a", encoding="utf-8") as stream:
        stream.write("dypt: " + "[" * 1000 + "]" * 1000 + "\n")
    assert content_problems(content_copy) == [
        f"content/checklists/{checklist.name}:1: ugyldig YAML: lister eller felt er nøstet for dypt"
    ]


def test_a_value_with_line_breaks_keeps_each_problem_on_one_line(content_copy: Path) -> None:
    # A block scalar where the id should be: the problem quotes it, line breaks and all.
    checklist = content_copy / "checklists" / "starte-selvhjelpsgruppe.yaml"
    text = checklist.read_text(encoding="utf-8")
    broken = text.replace("id: starte-selvhjelpsgruppe\n", "id: |\n  starte\n  gruppe\n", 1)
    checklist.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy, search_config_dir())
    lines = str(caught.value).splitlines()
    assert len(lines) == len(caught.value.problems)
    assert all(re.match(r"content/[^:]+:\d+: \S", line) for line in lines), lines
    assert "id «starte gruppe» kan bare ha" in str(caught.value)


def test_content_without_contacts_checklists_or_handouts_builds(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "eneste.md").write_text(
        "---\nid: eneste\ntitle: Eneste artikkel\npublisher: Handbok\nsource: Redaksjonen\n"
        "summary: Alt innholdet.\n---\n\nSelvhjelp i en artikkel uten noe annet.\n",
        encoding="utf-8",
    )
    (content / "contacts.yaml").write_text("[]\n", encoding="utf-8")
    (content / "verified-numbers.yaml").write_text("[]\n", encoding="utf-8")
    build_store(content, search_config_dir(), tmp_path / "store")
    book = open_handbook(tmp_path / "store")
    try:
        store = book.store
        assert (store.contacts(), store.checklists(), store.handouts()) == ([], [], [])
        assert store.kind_of("finnes-ikke") is None
        assert [h.id for h in book.searcher.search("selvhjelp").hits] == ["eneste#innledning"]
    finally:
        book.close()


def test_two_contacts_of_the_same_name_stay_two_through_export_and_import(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path / "a") as store:
        for region, number in (("Hamar", "62 00 00 01"), ("Løten", "62 00 00 02")):  # fictional
            store.contacts.add(
                ContactDraft(
                    name="Legevakt",
                    category="kommunal-tjeneste",
                    region=region,
                    channels=(ChannelDraft("telefon", number),),
                )
            )
        saved = store.contacts.list()
        export_csv(store, tmp_path / "kontakter.csv")
    with LocalStore.open(tmp_path / "b") as fresh:
        report = import_csv(fresh, tmp_path / "kontakter.csv")
        assert (report.added, report.updated, report.errors) == (2, 0, [])
        assert fresh.contacts.list() == saved


def test_a_year_before_1000_is_exported_so_that_it_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "kontakter.csv"
    path.write_text("Navn;Kategori;Kontrollert\nKafeen;organisasjon;22.11.0226\n", "utf-8")
    with LocalStore.open(tmp_path / "a") as store:
        assert import_csv(store, path).added == 1
        (saved,) = store.contacts.list()
        assert saved.verified == date(226, 11, 22)
        export_csv(store, tmp_path / "ut.csv")
    assert "22.11.0226" in (tmp_path / "ut.csv").read_text(encoding="utf-8-sig")
    with LocalStore.open(tmp_path / "b") as fresh:
        assert import_csv(fresh, tmp_path / "ut.csv").errors == []
        assert fresh.contacts.list() == [saved]


def signed_manifest(folder: Path, raw: bytes) -> tuple[Path, PublicKey]:
    """A pack of nothing but a manifest, signed by a key the test trusts."""
    key = Ed25519PrivateKey.generate()
    pack = write_zip(folder / "pakke.zip", {"manifest.json": raw, "manifest.sig": key.sign(raw)})
    return pack, PublicKey(key.public_key().public_bytes_raw())


def manifest_of(**fields: object) -> bytes:
    manifest = {
        "format": "handbok-innholdspakke", "format_version": 1, "version": "2026.12.1",
        "created": "2026-12-01", "changelog": "", "files": [], **fields,
    }  # fmt: skip
    return json.dumps(manifest, ensure_ascii=False).encode()


def refusal(pack: Path, public: PublicKey) -> PackError:
    with pytest.raises(PackError) as caught:
        verify_pack(pack, [public])
    return caught.value


def test_a_signed_manifest_nested_too_deep_is_refused(tmp_path: Path) -> None:
    # Deep enough for any JSON parser written with recursion, not so packed that the zip
    # checks refuse it for its compression ratio first.
    raw = manifest_of(changelog="@@").replace(b'"@@"', b"[" * 3000 + b"]" * 3000)
    error = refusal(*signed_manifest(tmp_path, raw))
    assert error.reason == "bad-manifest" and "manifest.json" in str(error)


def test_a_signed_manifest_with_a_date_written_as_a_number_is_refused(tmp_path: Path) -> None:
    error = refusal(*signed_manifest(tmp_path, manifest_of(created=20261201)))
    assert error.reason == "bad-manifest" and "«created»" in str(error)


@pytest.mark.parametrize("version", ["２０２６.１２.１", "٢٠٢٦.١٢.١"])
def test_a_version_in_other_digits_is_refused(tmp_path: Path, version: str) -> None:
    # The version names the store's folder, which the pointer only accepts with 0-9.
    error = refusal(*signed_manifest(tmp_path, manifest_of(version=version)))
    assert error.reason == "bad-manifest" and "«version»" in str(error)


def test_a_pack_damaged_in_its_zip_version_field_is_refused(tmp_path: Path) -> None:
    # One damaged byte in the central directory: the version needed to extract, 8.4.
    pack, public = signed_manifest(tmp_path, manifest_of())
    data = bytearray(pack.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (84).to_bytes(2, "little")
    pack.write_bytes(bytes(data))
    error = refusal(pack, public)
    assert error.reason == "damaged" and "er skadet" in str(error)
