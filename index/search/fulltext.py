"""The Whoosh full-text index: one document per searchable thing (article section, contact,
checklist, checklist item), so a hit points straight at what the user wants to read.

All searchable text of a document goes into one ``content`` field: a word is then one
posting list, not one per field, which is what keeps search fast on large content. The title
is indexed once more on its own, only to lift documents whose title matches.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from index.content.model import Contact, Content
from index.search import spelling
from index.search.analysis import CompoundFilter, Vocabulary, index_analyzer
from index.search.codec import HandbokCodec

VOCABULARY_FILE = "vocabulary.txt"
SPLITS_FILE = "compounds.txt"  # every compound of the content and its parts
PREFIXES_FILE = "prefixes.txt"  # the most common completions of prefixes that start many words
PREFIX_MIN, PREFIX_MAX = 3, 6
PREFIX_KEPT = 8  # completions kept for a prefix (clauses.PREFIX_TERMS are used)
CHAMPIONS_FILE = "champions.txt"  # the best documents of the commonest words
# Documents a term must be in to have its best ones kept. A word being typed stands for eight
# completions; the union of those below the table, a few hundred documents each, was most of
# the time of a prefix on a large handbook (about 4,000 of 40,000 terms there; none on the
# shipped content, whose commonest word is in 64 documents).
CHAMPIONS_FROM = 100
CHAMPIONS = 100  # documents kept for such a term: more than any window asks for
PREFIX_TABLE_FROM = 64  # completions a prefix must have to be in the table: fewer are cheap
INDEX_DIR = "whoosh"
TITLE_BOOST = 3.0
# Whole-document boosts by what a hit is. A nurse who types a name or a number wants the
# contact; a checklist's short items would otherwise outrank the checklist and the guidance.
KIND_BOOST = {"contact": 1.5, "checklist": 1.5, "checklist_item": 0.6, "article": 1.0}
# The channels someone answers on: a contact is open now when one of them is (as the window's
# contact card says it).
LINE_TYPES = ("telefon", "chat", "sms")


@dataclass(frozen=True)
class Document:
    """What goes into the index for one searchable thing."""

    id: str
    kind: str
    title: str
    body: str  # searched and quoted in snippets
    parent_id: str = ""
    parent_title: str = ""
    keywords: str = ""
    # Searched with the title's weight but not shown: a contact's numbers and addresses.
    title_extra: str = ""
    # Searched but never quoted: a section's editorial notes, which are about the source
    # (folded under "Om kilden" in the reader), not guidance.
    notes: str = ""
    # A contact's main number and the opening hours of its lines (JSON, see line_hours), so a
    # hit says what to dial and whether anyone answers now without a trip to the database.
    phone: str = ""
    hours: str = ""
    # A contact's category, channels, audiences and region as ``name:value`` words, so a
    # query about help lines, chat or the bereaved can lift the contacts that answer it.
    facets: str = ""

    @property
    def boost(self) -> float:
        kind = "checklist_item" if self.kind == "checklist" and self.parent_id else self.kind
        return KIND_BOOST.get(kind, 1.0)


def schema(vocabulary: Vocabulary) -> Schema:
    analyzer = index_analyzer(vocabulary)
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True),
        phone=STORED(),
        hours=STORED(),
        facets=KEYWORD(stored=True, scorable=False),
        parent_id=STORED(),
        parent_title=STORED(),
        body=STORED(),
        title=TEXT(analyzer=analyzer, stored=True, phrase=False),
        content=TEXT(analyzer=analyzer, phrase=True),
    )


def documents(content: Content) -> list[Document]:
    # markdown-it only when building: the searcher imports this module too.
    from index.content.markdown import editorial_text, to_plain

    docs: list[Document] = []
    for article in content.articles:
        for section in article.sections:
            intro = section.position == 0
            docs.append(
                Document(
                    id=section.id,
                    kind="article",
                    title=section.heading,
                    body=to_plain(section.markdown, editorial=False),
                    notes=editorial_text(section.markdown),
                    parent_id=article.id,
                    parent_title=""
                    if intro and section.heading == article.title
                    else article.title,
                    # The article's summary and keywords speak for its introduction.
                    keywords=" ".join((*article.keywords, article.summary)) if intro else "",
                )
            )
    docs += [contact_document(contact) for contact in content.contacts]
    for checklist in content.checklists:
        docs.append(
            Document(id=checklist.id, kind="checklist", title=checklist.title, body=checklist.intro)
        )
        for item in checklist.items:
            docs.append(
                Document(
                    id=item.id,
                    kind="checklist",
                    title=item.text,
                    body=item.help or item.text,
                    parent_id=checklist.id,
                    parent_title=checklist.title,
                    keywords=item.group,
                )
            )
    return docs


def contact_document(contact: Contact) -> Document:
    channels = " ".join(f"{c.type} {c.value} {c.note}" for c in contact.channels)
    return Document(
        id=contact.id,
        kind="contact",
        title=contact.name,
        title_extra=" ".join(c.value for c in contact.channels),
        body=contact.description,
        parent_title=contact.organisation,
        keywords=" ".join(
            (contact.category, *contact.audience, contact.region, channels, contact.address)
        ),
        phone=main_phone(contact),
        hours=line_hours(contact),
        facets=contact_facets(contact),
    )


def facet(name: str, value: str) -> str:
    return f"{name}:{value.replace(' ', '_')}"


def contact_facets(contact: Contact) -> str:
    words = [facet("category", contact.category), facet("region", contact.region)]
    words += [facet("channel", c.type) for c in contact.channels]
    words += [facet("audience", a) for a in contact.audience]
    return " ".join(dict.fromkeys(words))


def main_phone(contact: Contact) -> str:
    """The number to call: the first telephone line, as the contact card shows it."""
    return next((c.value for c in contact.channels if c.type == "telefon"), "")


def line_hours(contact: Contact) -> str:
    """The opening hours of each line (telephone, chat, SMS) as their content-file form, in
    JSON; a line whose hours are unknown is left out, as it cannot say "open now"."""
    specs = [
        hours.spec()
        for channel in contact.channels
        if channel.type in LINE_TYPES and (hours := contact.channel_hours(channel)) is not None
    ]
    return json.dumps(specs, ensure_ascii=False) if specs else ""


def vocabulary_for(docs: Iterable[Document]) -> Vocabulary:
    return Vocabulary.from_texts(
        text for d in docs for text in (d.title, d.body, d.parent_title, d.keywords, d.notes)
    )


def build(docs: list[Document], out_dir: Path) -> None:
    """Write a fresh index (one optimised segment), its compound vocabulary and the word
    list for spelling correction into ``out_dir``."""
    vocabulary = vocabulary_for(docs)
    out_dir.mkdir(parents=True, exist_ok=True)
    vocabulary.save(out_dir / VOCABULARY_FILE)
    spelling.save_words(
        spelling.count_words(
            t for d in docs for t in (d.title, d.body, d.parent_title, d.keywords, d.notes)
        ),
        out_dir / spelling.WORDS_FILE,
    )
    (out_dir / INDEX_DIR).mkdir()
    ix = whoosh_index.create_in(str(out_dir / INDEX_DIR), schema(vocabulary))
    write(ix, docs)
    save_prefixes(ix, out_dir / PREFIXES_FILE)
    save_champions(ix, out_dir / CHAMPIONS_FILE)
    ix.close()
    vocabulary.save_splits(out_dir / SPLITS_FILE)


def save_prefixes(ix: Any, path: Path) -> None:
    """For every prefix of 3 to 6 letters that starts many words, its most common
    completions: a word being typed then costs one look-up instead of a walk through
    thousands of terms (fre, før, sel)."""
    counts: dict[str, int] = {}
    best: dict[str, list[tuple[int, str]]] = {}
    with ix.reader() as reader:
        for term, info in reader.iter_field("content"):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            frequency = info.doc_frequency()
            for length in range(PREFIX_MIN, min(PREFIX_MAX, len(text)) + 1):
                prefix = text[:length]
                counts[prefix] = counts.get(prefix, 0) + 1
                heap = best.setdefault(prefix, [])
                if len(heap) < PREFIX_KEPT:
                    heapq.heappush(heap, (frequency, text))
                elif (frequency, text) > heap[0]:
                    heapq.heapreplace(heap, (frequency, text))
    lines = (
        f"{prefix}\t{' '.join(t for _, t in sorted(best[prefix], key=lambda p: (-p[0], p[1])))}"
        for prefix, count in sorted(counts.items())
        if count > PREFIX_TABLE_FROM
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def save_champions(ix: Any, path: Path) -> None:
    """For every term in many documents, the documents a search for that word alone ranks
    first (with their scores), worked out once here: Whoosh scores some 20,000 postings a
    second in Python, so a common word or the completions of a short prefix would otherwise
    cost far more than a keystroke may."""

    lines: list[str] = []
    with ix.searcher() as searcher:
        reader = searcher.reader()
        for term, info in reader.iter_field("content"):
            if info.doc_frequency() < CHAMPIONS_FROM:
                continue
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            results = searcher.search(champion_query(text), limit=CHAMPIONS)
            ranked = " ".join(f"{hit.docnum}:{hit.score:.4f}" for hit in results)
            lines.append(f"{text}\t{ranked}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def champion_query(term: str) -> Any:
    """The query the searcher makes of one word: the word, its title lifting it."""

    return wq.AndMaybe(wq.Term("content", term), wq.Term("title", term, boost=TITLE_BOOST))


class ChampionTable(Mapping[str, list[tuple[int, float]]]):
    """The table of ``CHAMPIONS_FILE``: a term's documents and scores, read from its line the
    first time they are asked for (parsing every line up front cost most of a second on a
    large handbook, for the few terms a session uses)."""

    def __init__(self, lines: dict[str, str]) -> None:
        self._lines = lines
        self._parsed: dict[str, list[tuple[int, float]]] = {}

    def __getitem__(self, term: str) -> list[tuple[int, float]]:
        found = self._parsed.get(term)
        if found is None:
            pairs = (item.partition(":") for item in self._lines[term].split())
            found = self._parsed[term] = [(int(doc), float(score)) for doc, _, score in pairs]
        return found

    def __contains__(self, term: object) -> bool:
        return term in self._lines

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def load_champions(path: Path) -> ChampionTable:
    lines: dict[str, str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            term, _, ranked = line.partition("\t")
            if term:
                lines[term] = ranked
    return ChampionTable(lines)


def load_prefixes(path: Path) -> dict[str, tuple[str, ...]]:
    if not path.is_file():
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        prefix, _, terms = line.partition("\t")
        if prefix and terms:
            table[prefix] = tuple(terms.split())
    return table


def write(ix: Any, docs: Iterable[Document]) -> None:
    """Add the documents to an index and commit them as one optimised segment."""
    # Posting blocks as arrays, uncompressed (codec.py): reading them was most of the time
    # of an AND or a phrase of common words.
    writer = ix.writer(limitmb=256, codec=HandbokCodec())
    for doc in docs:
        title = f"{doc.title} {doc.title_extra}" if doc.title_extra else doc.title
        # Only contacts carry a number and hours: no empty stored values on every section.
        extra = (
            {"phone": doc.phone, "hours": doc.hours, "facets": doc.facets}
            if doc.kind == "contact"
            else {}
        )
        writer.add_document(
            **extra,
            id=doc.id,
            kind=doc.kind,
            parent_id=doc.parent_id,
            parent_title=doc.parent_title,
            body=doc.body,
            title=title,
            _stored_title=doc.title,
            content=" \n".join((title, doc.parent_title, doc.keywords, doc.body, doc.notes)),
            _boost=doc.boost,
        )
    writer.commit(optimize=True)


def vocabulary_of(index: Any) -> Vocabulary:
    """The compound vocabulary the index's analyzer splits with."""
    for item in getattr(index.schema["content"].analyzer, "items", ()):
        if isinstance(item, CompoundFilter):
            return item.vocabulary
    return Vocabulary()


def open_index(store: Path) -> Any:
    """Open read-only with the schema built here: the pickled one has no vocabulary."""
    vocabulary = Vocabulary.load(store / VOCABULARY_FILE)
    vocabulary.load_splits(store / SPLITS_FILE)
    return whoosh_index.open_dir(str(store / INDEX_DIR), readonly=True, schema=schema(vocabulary))
