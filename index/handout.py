"""A handout being composed: a template's blocks, plus what staff add, remove and reorder.

Plain Python, so the composer's logic is testable without a window. Nothing here is ever
saved: a line typed for the patient lives only in this object until it is printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from index.content.model import (
    Article,
    Checklist,
    Contact,
    HandoutBlock,
    HandoutTemplate,
    SectionNote,
)
from index.errors import NotFoundError
from index.i18n import QT_TRANSLATE_NOOP
from index.store.database import ContentStore

if TYPE_CHECKING:
    from index.local.layer import LocalLayer

# The emergency contacts printed at the top of every handout, from the contact list.
EMERGENCY = ("medisinsk-nodtelefon", "legevakt")


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


@dataclass(frozen=True)
class Resolved:
    """A handout with its content looked up, ready to be laid out."""

    handout: Handout
    emergency: tuple[Contact, ...]
    parts: tuple[tuple[HandoutBlock, object], ...]  # block and its Contact/Section/Checklist
    sources: tuple[str, ...]
    printed: date
    notes: dict[str, list[SectionNote]] = field(default_factory=dict)  # section id -> notes


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
    for block in handout.blocks:
        if block.type == "contact":
            contact = store.contact(block.id)
            contacts.append(contact)
            parts.append((block, contact))
        elif block.type == "section":
            article, section = store.section(block.id)
            articles.setdefault(article.id, article)
            parts.append((block, (article, section)))
        elif block.type == "checklist":
            parts.append((block, store.checklist(block.id)))
        else:
            parts.append((block, None))
    for source in handout.template.sources:
        kind = store.kind_of(source)
        if kind == "article" and "#" not in source:
            articles.setdefault(source, store.article(source))
        elif kind == "contact" and all(c.id != source for c in contacts):
            contacts.append(store.contact(source))
    emergency = tuple(c for c in store.contacts() if c.id in EMERGENCY)
    notes = {b.id: layer.notes_for(b.id) for b in handout.blocks if layer and b.type == "section"}
    return Resolved(
        handout=handout,
        emergency=emergency,
        parts=tuple(parts),
        sources=tuple(_sources(list(articles.values()), _unique([*emergency, *contacts]))),
        printed=today or date.today(),
        notes={k: v for k, v in notes.items() if v},
    )


def _unique(contacts: list[Contact]) -> list[Contact]:
    return list({c.id: c for c in contacts}.values())


def _sources(articles: list[Article], contacts: list[Contact]) -> list[str]:
    lines = []
    for article in articles:
        line = f"«{article.title}», {article.publisher}"
        if article.updated:
            line += ", " + QT_TRANSLATE_NOOP("Handbok", "sist faglig oppdatert {date}").format(
                date=article.updated.strftime("%d.%m.%Y")
            )
        lines.append(line + ".")
    checked = {c.verified for c in contacts}
    for day in sorted(checked):
        names = ", ".join(c.name for c in contacts if c.verified == day)
        lines.append(
            QT_TRANSLATE_NOOP(
                "Handbok", "Kontaktopplysninger ({names}): sist kontrollert {date}."
            ).format(names=names, date=day.strftime("%d.%m.%Y"))
        )
    return lines


def web_addresses(contact: Contact) -> list[str]:
    return [c.value for c in contact.channels if c.type in ("nett", "chat")]


def checklist_items(checklist: Checklist) -> list[tuple[str, str, str]]:
    """(group, item id, text) in order."""
    return [(i.group, i.id, i.text) for i in checklist.items]
