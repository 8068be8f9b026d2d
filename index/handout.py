"""A handout being composed: a template's blocks, plus what staff add, remove and reorder.

Plain Python, so the composer's logic is testable without a window. Nothing here is ever
saved: a line typed for the patient lives only in this object until it is printed.

This is also where "patient text only" is decided: which contacts can be printed (one with no
channel cannot), which parts of a guidance section are left out (editorial notes, notes kept
for staff), which sources can be named (not an unknown publisher).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.content.markdown import STAFF_MARKS, parse
from index.content.model import Article, Contact, HandoutBlock, HandoutTemplate, SectionNote
from index.errors import NotFoundError
from index.i18n import QT_TRANSLATE_NOOP
from index.store.database import ContentStore
from index.untrusted import web_url

if TYPE_CHECKING:
    from index.local.layer import LocalLayer

# The emergency contacts printed at the top of every handout, from the contact list.
EMERGENCY = ("medisinsk-nodtelefon", "legevakt")
WEB_CHANNELS = ("nett", "chat")
UNKNOWN_PUBLISHERS = ("", "ukjent")


@dataclass
class Handout:
    template: HandoutTemplate
    blocks: list[HandoutBlock]
    paper: str = "A4"
    large_print: bool = False
    municipality: str = ""
    logo: Path | None = None  # the municipality's, from kommune.yaml
    patient_line: str = ""  # printed, never stored
    ticks: dict[str, bool] = field(default_factory=dict)  # checklist item id -> ticked

    @classmethod
    def from_template(cls, template: HandoutTemplate) -> Handout:
        return cls(template=template, blocks=list(template.blocks))

    @property
    def title(self) -> str:
        return self.template.title

    def add(self, block: HandoutBlock) -> None:
        if block.type != "text" and any(
            b.type == block.type and b.id == block.id for b in self.blocks
        ):
            return  # the same contact or section twice is never what anyone wants
        self.blocks.append(block)

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.blocks):
            del self.blocks[index]

    def move(self, index: int, delta: int) -> int:
        """Move a block up (-1) or down (+1); returns its new index."""
        target = index + delta
        if not (0 <= index < len(self.blocks) and 0 <= target < len(self.blocks)):
            return index
        self.blocks[index], self.blocks[target] = self.blocks[target], self.blocks[index]
        return target

    def additions(self) -> list[HandoutBlock]:
        """What staff added to the template's own blocks, in order."""
        own = list(self.template.blocks)
        return [b for b in self.blocks if b not in own]

    def with_template(self, template: HandoutTemplate, keep: bool) -> Handout:
        """The same handout on another template: paper, print size, municipality and logo
        stay; what staff added comes along when ``keep``."""
        changed = Handout.from_template(template)
        changed.paper, changed.large_print = self.paper, self.large_print
        changed.municipality, changed.logo = self.municipality, self.logo
        changed.patient_line = self.patient_line
        if keep:
            for block in self.additions():
                changed.add(block)
        return changed


def block_for(store: ContentStore, ident: str) -> list[HandoutBlock]:
    """The block(s) for a content id: a contact, a section, a whole article (its sections)
    or a checklist. Raises NotFound-like HandbokError for an unknown id."""
    kind = store.kind_of(ident)
    if kind == "contact":
        return [HandoutBlock("contact", id=ident)]
    if kind == "checklist":
        return [HandoutBlock("checklist", id=ident.partition("#")[0])]
    if kind == "article" and "#" in ident:
        return [HandoutBlock("section", id=ident)]
    if kind == "article":
        return [HandoutBlock("section", id=s.id) for s in store.article(ident).sections]
    raise NotFoundError(
        QT_TRANSLATE_NOOP("Handbok", "Fant ingenting med id «{id}» å legge til i skrivet."),
        id=ident,
    )


def written_for_staff(block: HandoutBlock, store: ContentStore) -> bool:
    """Guidance sections are written for staff (the guidance's own wording, for the people
    who work with it); so are contacts meant only for staff. The composer says so before
    either is added to a patient's handout."""
    if block.type == "section":
        return True
    if block.type == "contact":
        return set(store.contact(block.id).audience) <= {"fagfolk"}
    return False


def printable(contact: Contact) -> bool:
    """A contact with no phone, address or chat would print as a bare heading: left out."""
    return bool(contact.channels)


@dataclass(frozen=True)
class Resolved:
    """A handout with its content looked up, ready to be laid out."""

    handout: Handout
    emergency: tuple[Contact, ...]
    parts: tuple[tuple[HandoutBlock, object], ...]  # block and its Contact/Section/Checklist
    publishers: tuple[tuple[str, date | None], ...]  # who the text is from, newest update
    checked: tuple[date, ...]  # when the contacts' facts were checked, oldest first
    printed: date
    notes: dict[str, list[SectionNote]] = field(default_factory=dict)  # section id -> notes
    left_out: tuple[Contact, ...] = ()  # contacts that cannot be printed


def resolve(
    handout: Handout,
    store: ContentStore,
    today: date | None = None,
    layer: LocalLayer | None = None,
) -> Resolved:
    """What the handout prints, looked up; ``layer`` adds the municipality's "Hos oss" notes."""
    parts: list[tuple[HandoutBlock, object]] = []
    articles: dict[str, Article] = {}
    contacts: list[Contact] = []
    left_out: list[Contact] = []
    for block in handout.blocks:
        if block.type == "contact":
            contact = store.contact(block.id)
            if not printable(contact):
                left_out.append(contact)
                continue
            contacts.append(contact)
            parts.append((block, contact))
        elif block.type == "section":
            article, section = store.section(block.id)
            articles.setdefault(article.id, article)
            parts.append((block, (article, section)))
        elif block.type == "checklist":
            checklist = store.checklist(block.id)
            parts.append((block, checklist))
            for source in checklist.sources:  # the guidance the checklist was written from
                article_id = source.partition("#")[0]
                if article_id not in articles and store.kind_of(article_id) == "article":
                    articles[article_id] = store.article(article_id)
        else:
            parts.append((block, None))
    for source in handout.template.sources:
        kind = store.kind_of(source)
        if kind == "article" and "#" not in source:
            articles.setdefault(source, store.article(source))
        elif kind == "contact" and all(c.id != source for c in contacts):
            contact = store.contact(source)
            if printable(contact):
                contacts.append(contact)
    # Looked up by id: the store's contacts may hold a municipality's 100,000.
    emergency = tuple(store.contact(i) for i in EMERGENCY if store.kind_of(i) == "contact")
    notes = {b.id: layer.notes_for(b.id) for b in handout.blocks if layer and b.type == "section"}
    return Resolved(
        handout=handout,
        emergency=emergency,
        parts=tuple(parts),
        publishers=tuple(publishers(list(articles.values()))),
        checked=tuple(sorted({c.verified for c in [*emergency, *contacts]})),
        printed=today or date.today(),
        notes={k: v for k, v in notes.items() if v},
        left_out=tuple(left_out),
    )


def publishers(articles: list[Article]) -> list[tuple[str, date | None]]:
    """Each named publisher once, in order, with the newest "sist faglig oppdatert" date of
    its texts; a publisher the source does not name ("ukjent") is not printed."""
    found: dict[str, date | None] = {}
    for article in articles:
        name = article.publisher.strip()
        if name.casefold() in UNKNOWN_PUBLISHERS:
            continue
        before = found.get(name)
        found[name] = max((d for d in (before, article.updated) if d), default=None)
    return list(found.items())


def web_addresses(contact: Contact) -> list[str]:
    """The contact's web and chat addresses that are http(s) addresses (index.untrusted's
    web_url): only those are printed, and only those get a QR code."""
    return [
        c.value for c in contact.channels if c.type in WEB_CHANNELS and web_url(c.value) is not None
    ]


# --- guidance text for a patient -------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class TextPart:
    """A paragraph, list item or heading of a guidance section, as it is printed."""

    kind: str  # "paragraph", "heading", "item"
    spans: tuple[Span, ...]
    depth: int = 0  # list nesting, for items
    marker: str = ""  # "•" or "3."


def patient_text(markdown: str) -> list[TextPart]:
    """A section's text without what is kept for staff (block quotes opening with an
    editorial or staff mark), links as their words, images left out."""
    parts: list[TextPart] = []
    tokens = parse(markdown)
    skip_to = -1
    lists: list[list[int]] = []  # per open list: [next number] or [] for bullets
    pending_marker = ""
    for index, token in enumerate(tokens):
        if index <= skip_to:
            continue
        if token.type == "blockquote_open":
            following = tokens[index + 2] if index + 2 < len(tokens) else None
            if following is not None and following.content.startswith(STAFF_MARKS):
                skip_to = _closing(tokens, index)
            continue
        if token.type == "bullet_list_open":
            lists.append([])
        elif token.type == "ordered_list_open":
            lists.append([int(token.attrs.get("start", 1) or 1)])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            if lists and lists[-1]:
                pending_marker = f"{lists[-1][0]}."
                lists[-1][0] += 1
            else:
                pending_marker = "•"
        elif token.type == "inline":
            spans = _spans(token)
            if not spans:
                continue
            previous = tokens[index - 1].type if index else ""
            if previous == "heading_open":
                parts.append(TextPart("heading", spans))
            elif pending_marker:
                parts.append(TextPart("item", spans, len(lists) - 1, pending_marker))
                pending_marker = ""
            elif lists:
                parts.append(TextPart("item", spans, len(lists) - 1, ""))
            else:
                parts.append(TextPart("paragraph", spans))
    return parts


def _closing(tokens: list[Any], index: int) -> int:
    depth = 0
    for position in range(index, len(tokens)):
        if tokens[position].type == "blockquote_open":
            depth += 1
        elif tokens[position].type == "blockquote_close":
            depth -= 1
            if depth == 0:
                return position
    return len(tokens)


def _spans(token: Any) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = 0
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("text", "code_inline"):
            spans.append(Span(child.content, bold > 0, italic > 0))
        elif kind in ("softbreak", "hardbreak"):
            spans.append(Span(" ", bold > 0, italic > 0))
    if not "".join(s.text for s in spans).strip():
        return ()
    return tuple(spans)
