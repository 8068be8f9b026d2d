"""The municipality's layer over the national content: the contacts IT deploys in
``kommune.yaml`` (read-only) and those the staff add themselves, searchable at once with the
same analysis as the national content, and shown beside it.

``LayeredStore`` and ``LayeredSearcher`` are a ``ContentStore`` and a ``ContentSearcher``
(the protocols of ``index.store.database`` and ``index.search.searcher``), so the app, the
command line and the handouts need not know whether a contact is local.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh.filedb.filestore import RamStorage

from index.content.model import (
    Article,
    Checklist,
    Contact,
    HandoutTemplate,
    Kind,
    Section,
    SectionNote,
    is_local_id,
)
from index.i18n import QT_TRANSLATE_NOOP
from index.local.finder import OwnContacts, facts_of, hit_fields, snippet
from index.local.listing import ContactFilter, ContactPage, OwnListing, page
from index.local.store import LocalStore
from index.search import fulltext, spelling
from index.search.analysis import Vocabulary
from index.search.hits import SearchHit
from index.search.intent import read_intent
from index.search.ranking import ContactFacts, final_order
from index.search.searcher import MAX_LIMIT, ContentSearcher, Searcher, SearchResult
from index.search.spelling import Corrector
from index.store.database import ContentStore

if TYPE_CHECKING:
    from index.local.deployment import Deployment

NOTE_TITLE = QT_TRANSLATE_NOOP("Handbok", "Lokalt notat")


class LocalLayer:
    """The deployed contacts and notes (kommune.yaml, few), the staff's notes (few) and the
    staff's own contacts (any number: 100,000 from one spreadsheet). The own contacts are
    never all read to search them (``index.local.finder``); ``contacts()`` reads them the
    first time a list of all of them is asked for, and again after ``reload``."""

    def __init__(
        self,
        local: LocalStore | None,
        deployment: Deployment | None,
        national_store: Path,
        synonyms: Iterable[Iterable[str]] = (),
    ) -> None:
        self.local = local
        self.deployment = deployment
        self._vocabulary_file = national_store / fulltext.VOCABULARY_FILE
        self._synonyms = [tuple(g) for g in synonyms]
        self._searcher: Searcher | None = None
        self._built_from: object = None
        self._building = threading.Lock()  # searcher(): one thread builds, the others wait
        self._all: tuple[Contact, ...] | None = None
        self._by_id: dict[str, Contact] | None = None
        self._notes: tuple[SectionNote, ...] = ()
        self.own = OwnContacts(local.path) if local is not None else None
        self.listing = OwnListing(local.path) if local is not None else None
        self.reload()

    def reload(self, own: list[Contact] | None = None) -> None:
        """After an edit or an import: the notes read again, the list of all contacts left to
        be read when it is next asked for, or ``own`` when the caller has just read it (an
        import's worker thread did). Searches on another thread read the file through a
        connection of their own, never this thread's."""
        self._all, self._by_id = None, None
        if own is not None:
            deployed = self._deployed()
            seen = {c.id for c in deployed}
            self._all = (*deployed, *(c for c in own if c.id not in seen))
        deployed_notes = self.deployment.notes if self.deployment else ()
        own_notes = self.local.notes.list_all() if self.local else []
        self._notes = (
            *(SectionNote(n.section_id, n.text) for n in deployed_notes),
            *(SectionNote(n.section_id, n.text, n.id) for n in own_notes),
        )

    @property
    def municipality(self) -> str:
        return self.deployment.municipality if self.deployment else ""

    def _deployed(self) -> tuple[Contact, ...]:
        return self.deployment.contacts if self.deployment else ()

    def deployed_contacts(self) -> tuple[Contact, ...]:
        """kommune.yaml's contacts (tens at most): at hand, unlike the staff's own."""
        return self._deployed()

    def page(
        self, national: Sequence[Contact], chosen: ContactFilter, now: datetime, limit: int
    ) -> ContactPage:
        """A page of the contact list: ``national`` (the content's contacts), then the
        deployed, then the staff's own, filtered; without reading all of the staff's own.
        Safe on any thread (each reads through a connection of its own)."""
        return page([*national, *self._deployed()], self.listing, chosen, now, limit)

    def most_common_region(self, leave_out: Collection[str]) -> str | None:
        """The region the local contacts are in most often, of those not in ``leave_out``."""
        counts = Counter(c.region for c in self._deployed() if c.region not in leave_out)
        if self.listing is not None:
            counts.update(self.listing.region_counts(leave_out))
        return counts.most_common(1)[0][0] if counts else None

    def contacts(self) -> list[Contact]:
        """Deployed contacts first (IT's, read-only), then the staff's own."""
        if self._all is None:
            deployed = self._deployed()
            own = self.local.contacts.list() if self.local else []
            seen = {c.id for c in deployed}
            self._all = (*deployed, *(c for c in own if c.id not in seen))
        return list(self._all)

    def contact(self, ident: str) -> Contact | None:
        """One contact by id, without reading them all."""
        if self.deployment is not None and (found := self.deployment.contact(ident)):
            return found
        if self._all is not None:
            if self._by_id is None:
                self._by_id = {c.id: c for c in self._all}
            return self._by_id.get(ident)
        if self.local is None or not is_local_id(ident):
            return None
        return self.local.contacts.get(ident)

    def notes_for(self, section_id: str) -> list[SectionNote]:
        """The notes on a section, kommune.yaml's first."""
        return [note for note in self._notes if note.section_id == section_id]

    def add_note(self, section_id: str, text: str) -> None:
        if self.local is not None:
            self.local.notes.add(section_id, text)
            self.reload()

    def delete_note(self, note_id: int) -> None:
        if self.local is not None:
            self.local.notes.delete(note_id)
            self.reload()

    def searcher(self) -> Searcher | None:
        """The deployed contacts and the notes, indexed in memory like the national content
        (tens of them: milliseconds), rebuilt when they change. The staff's own contacts
        are searched in the file (``own``)."""
        contacts, notes = self._deployed(), self._notes
        if not contacts and not notes:
            return None
        with self._building:
            if self._searcher is None or (contacts, notes) != self._built_from:
                self._searcher = self._build(contacts, notes)
                self._built_from = (contacts, notes)
            return self._searcher

    def _build(self, contacts: tuple[Contact, ...], notes: tuple[SectionNote, ...]) -> Searcher:
        vocabulary = Vocabulary.load(self._vocabulary_file)
        # Whoosh's writer keeps its temporary files in a folder of the system's temporary
        # folder named after the index: under the default name (MAIN) one folder for every
        # thread and every program on the machine building one at once, deleted by the
        # first to finish under the others ("/tmp/MAIN.tmp is not a directory"), or owned by
        # another user. A name of its own for each.
        index = RamStorage().create_index(
            fulltext.schema(vocabulary), indexname=f"handbok-{uuid.uuid4().hex}"
        )
        docs = [fulltext.contact_document(c) for c in contacts]
        # A note is found as the section it belongs to.
        docs += [
            fulltext.Document(id=n.section_id, kind="article", title=NOTE_TITLE, body=n.text)
            for n in notes
        ]
        fulltext.write(index, docs)
        words = spelling.count_words(t for d in docs for t in (d.title, d.body, d.keywords))
        return Searcher.over(index, Corrector(words), self._synonyms)

    def own_hits(self, text: str, limit: int, now: datetime) -> tuple[list[SearchHit], bool]:
        """The staff's own contacts that match, as search hits, best first; and whether
        they match only some of the words."""
        if self.own is None:
            return [], False
        found, relaxed = self.own.find(text, limit)
        return [
            SearchHit(
                id=contact.id, kind="contact", title=contact.name, snippet=snippet(contact),
                score=score, **hit_fields(contact, now),  # type: ignore[arg-type]
            )
            for contact, score in found
        ], relaxed  # fmt: skip

    def find_own(self, text: str, limit: int) -> list[Contact]:
        """The staff's own contacts that match ``text``, best first (the composer's picker).
        Safe on any thread."""
        if self.own is None:
            return []
        found, _some_words = self.own.find(text, limit)
        return [contact for contact, _score in found]

    def facts(self, ident: str) -> ContactFacts | None:
        """A local contact's facts for ranking, without reading them all. Asked from the
        search thread: it reads through that thread's own connection (``own``), never the
        window's."""
        if not is_local_id(ident):
            return None
        contact = self.deployment.contact(ident) if self.deployment is not None else None
        if contact is None and self.own is not None:
            contact = self.own.get(ident)
        return facts_of(contact) if contact is not None else None

    @property
    def damaged(self) -> bool:
        """Whether a search met a damaged page in the staff's own contacts (``OwnContacts``)."""
        return self.own is not None and self.own.damaged

    def close(self) -> None:
        if self.own is not None:
            self.own.close()
        if self.listing is not None:
            self.listing.close()
        if self.local is not None:
            self.local.close()


class LayeredStore:
    """A Store that also knows the local contacts (everything else goes to the store)."""

    def __init__(self, store: ContentStore, layer: LocalLayer) -> None:
        self._store = store
        self.layer = layer

    # The national content, as it is.
    def meta(self, key: str) -> str | None:
        return self._store.meta(key)

    def handouts(self) -> list[HandoutTemplate]:
        return self._store.handouts()

    def handout(self, ident: str) -> HandoutTemplate:
        return self._store.handout(ident)

    def synonyms(self) -> list[tuple[str, ...]]:
        return self._store.synonyms()

    def article(self, ident: str) -> Article:
        return self._store.article(ident)

    def articles(self) -> list[Article]:
        return self._store.articles()

    def section(self, ident: str) -> tuple[Article, Section]:
        return self._store.section(ident)

    def checklist(self, ident: str) -> Checklist:
        return self._store.checklist(ident)

    def checklists(self) -> list[Checklist]:
        return self._store.checklists()

    # Contacts: the local ones too.
    def kind_of(self, ident: str) -> Kind | None:
        if self.layer.contact(ident) is not None:
            return "contact"
        return self._store.kind_of(ident)

    def contact(self, ident: str) -> Contact:
        return self.layer.contact(ident) or self._store.contact(ident)

    def contacts(self) -> list[Contact]:
        return [*self._store.contacts(), *self.layer.contacts()]

    def contacts_at_hand(self) -> list[Contact]:
        """The national contacts and kommune.yaml's (tens): not the staff's own, which may
        be 100,000 (``layer.page`` and ``layer.find_own`` read those)."""
        return [*self._store.contacts(), *self.layer.deployed_contacts()]

    def close(self) -> None:
        self._store.close()


class LayeredSearcher:
    """Searches the national content and the local contacts with one query; local contacts
    that match come first, as they are the ones close by, except before an exact title match
    and the help lines a question for help asks for (ranking.final_order)."""

    def __init__(self, national: ContentSearcher, layer: LocalLayer) -> None:
        self._national = national
        self.layer = layer

    def search(self, text: str, **options: Any) -> SearchResult:
        result = self._national.search(text, **options)
        if options.get("kind") not in (None, "contact"):
            return result
        limit = max(1, min(int(options.get("limit", 20)), MAX_LIMIT))  # as the national search
        now = options.get("now") or datetime.now()
        local = self.layer.searcher()
        nearby = local.search(text, **options) if local is not None else SearchResult(text)
        own, relaxed = self.layer.own_hits(text, limit, now)
        if not nearby.hits and not own:
            return result
        # Deployed contacts and notes, then the staff's own contacts, then the national.
        merged = {h.id: h for h in reversed((*nearby.hits, *own, *result.hits))}  # first wins
        order = list(dict.fromkeys(h.id for h in (*nearby.hits, *own, *result.hits)))
        # Lifted above the national hits, but never above an exact title match, nor above
        # the help lines a question for help asks for: the order the national search keeps.
        intent = read_intent(text, now)
        facts = _Facts(self, [merged[i] for i in order])
        hits = tuple(final_order([merged[i] for i in order], text, intent, facts))[:limit]
        found_local = bool(nearby.hits or own)
        return replace(
            result,
            hits=hits,
            total=len(hits),
            relaxed=result.relaxed and (not found_local or relaxed or nearby.relaxed),
            terms=tuple(sorted({*result.terms, *nearby.terms})),
            suggestion=result.suggestion if result.hits else nearby.suggestion,
        )

    def matcher(self, terms: Iterable[str]) -> Callable[[str], bool]:
        return self._national.matcher(terms)

    @property
    def contact_facts(self) -> Mapping[str, ContactFacts]:
        """The national contacts' facts and the deployed ones'; a staff's own contact's facts
        are looked up by id (``self[id]``), never all at once."""
        return _Facts(self, [])

    def close(self) -> None:
        self._national.close()


class _Facts(Mapping[str, ContactFacts]):
    """Contact facts by id: the national and deployed ones at hand, a staff's own contact's
    read when asked for. Iterating gives the national, deployed and the given hits' ids."""

    def __init__(self, searcher: LayeredSearcher, hits: Iterable[SearchHit]) -> None:
        self._searcher = searcher
        local = searcher.layer.searcher()
        self._known = {
            **searcher._national.contact_facts,
            **(local.contact_facts if local is not None else {}),
        }
        self._ids = [h.id for h in hits if h.kind == "contact"]

    def __getitem__(self, ident: str) -> ContactFacts:
        found = self._known.get(ident)
        if found is None:
            found = self._searcher.layer.facts(ident)
            if found is None:
                raise KeyError(ident)
            self._known[ident] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._known, *self._ids]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*self._known, *self._ids]))


def open_local_layer(
    data_dir: Path,
    national_store: Path,
    synonyms: Iterable[Iterable[str]] = (),
    read_only: bool = False,
) -> tuple[LocalLayer, list[str]]:
    """The layer, and sentences for the user about anything that went wrong on the way
    (a damaged file moved aside, a broken kommune.yaml): Handbok works on without it.
    ``read_only``: for a command that only reads the staff's own contacts and notes
    (``LocalStore.open_to_read``)."""
    from index import paths
    from index.errors import HandbokError

    notices: list[str] = []
    deployment = None
    found = paths.find_deployment(paths.deployment_dirs())
    if found is not None:
        from index.local.deployment import load_deployment  # YAML: only when there is a file

        try:
            deployment = load_deployment(found)
        except HandbokError as error:
            notices.append(error.message())
    reserved = [c.id for c in deployment.contacts] if deployment else []
    local = _open_own(data_dir, reserved, read_only, notices)
    if read_only and local is not None:
        try:
            return LocalLayer(local, deployment, national_store, synonyms), notices
        except HandbokError:
            # The notes could not be read (a damaged page, not looked for when opening only
            # to read): the file opened as the window opens it, checked, moved aside and
            # the last good copy put back, with its sentence.
            local.close()
            local = _open_own(data_dir, reserved, False, notices)
    return LocalLayer(local, deployment, national_store, synonyms), notices


def _open_own(
    data_dir: Path, reserved: list[str], read_only: bool, notices: list[str]
) -> LocalStore | None:
    """The staff's own file (None if it cannot be opened, or there is none to read), each
    thing that went wrong a sentence in ``notices``."""
    from index.errors import HandbokError

    try:
        if read_only:
            local = LocalStore.open_to_read(data_dir, reserved_ids=reserved)
        else:
            local = LocalStore.open(data_dir, reserved_ids=reserved)
    except HandbokError as error:
        notices.append(error.message())
        return None
    if local is not None and local.notice:
        notices.append(local.notice.message())
    return local
