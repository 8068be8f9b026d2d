"""Plain values passed between layers: content as the store and the app see it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from index.content.hours import OpeningHours

# Defined apart so the first frame does not import this module; part of its interface.
from index.content.kinds import KINDS as KINDS
from index.content.kinds import LOCAL_ID_PREFIX as LOCAL_ID_PREFIX
from index.content.kinds import Kind as Kind
from index.content.kinds import is_local_id as is_local_id
from index.i18n import QT_TRANSLATE_NOOP

# The content's fixed vocabularies: the ids written in content files.
CATEGORIES = ("nødnummer", "hjelpetelefon", "organisasjon", "kompetansesenter", "kommunal-tjeneste")
AUDIENCES = ("barn og unge", "voksne", "pårørende", "etterlatte", "fagfolk")
CHANNEL_TYPES = ("telefon", "chat", "sms", "e-post", "nett")
# What the user reads for each id (and for regions and "døgnåpen"), marked for translation;
# the desktop layer shows them through desktop.i18n.label().
LABELS = {
    "nødnummer": QT_TRANSLATE_NOOP("Handbok", "nødnummer"),
    "hjelpetelefon": QT_TRANSLATE_NOOP("Handbok", "hjelpetelefon"),
    "organisasjon": QT_TRANSLATE_NOOP("Handbok", "organisasjon"),
    "kompetansesenter": QT_TRANSLATE_NOOP("Handbok", "kompetansesenter"),
    "kommunal-tjeneste": QT_TRANSLATE_NOOP("Handbok", "kommunal tjeneste"),
    "barn og unge": QT_TRANSLATE_NOOP("Handbok", "barn og unge"),
    "voksne": QT_TRANSLATE_NOOP("Handbok", "voksne"),
    "pårørende": QT_TRANSLATE_NOOP("Handbok", "pårørende"),
    "etterlatte": QT_TRANSLATE_NOOP("Handbok", "etterlatte"),
    "fagfolk": QT_TRANSLATE_NOOP("Handbok", "fagfolk"),
    "telefon": QT_TRANSLATE_NOOP("Handbok", "telefon"),
    "chat": QT_TRANSLATE_NOOP("Handbok", "chat"),
    "sms": QT_TRANSLATE_NOOP("Handbok", "SMS"),
    "e-post": QT_TRANSLATE_NOOP("Handbok", "e-post"),
    "nett": QT_TRANSLATE_NOOP("Handbok", "nettside"),
    "nasjonal": QT_TRANSLATE_NOOP("Handbok", "hele landet"),
    "lokal": QT_TRANSLATE_NOOP("Handbok", "lokalt"),
    "nord": QT_TRANSLATE_NOOP("Handbok", "Nord"),
    "midt": QT_TRANSLATE_NOOP("Handbok", "Midt"),
    "vest": QT_TRANSLATE_NOOP("Handbok", "Vest"),
    "sør": QT_TRANSLATE_NOOP("Handbok", "Sør"),
    "øst": QT_TRANSLATE_NOOP("Handbok", "Øst"),
}
NUMBER_CHANNELS = ("telefon", "sms")


@dataclass(frozen=True)
class Section:
    id: str  # "<article id>#<anchor>"
    article_id: str
    anchor: str
    heading: str
    position: int
    markdown: str
    text: str  # plain text, for search and the command line


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    publisher: str
    source: str
    summary: str
    sections: tuple[Section, ...]
    publisher_note: str = ""
    author: str = ""
    updated: date | None = None
    seed: str = ""
    keywords: tuple[str, ...] = ()

    def section(self, anchor: str) -> Section | None:
        return next((s for s in self.sections if s.anchor == anchor), None)


@dataclass(frozen=True)
class Channel:
    type: str
    value: str
    note: str = ""
    hours: OpeningHours | None = None


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    category: str
    audience: tuple[str, ...]
    channels: tuple[Channel, ...]
    description: str
    source: str
    verified: date
    organisation: str = ""
    region: str = "nasjonal"
    address: str = ""
    hours: OpeningHours | None = None
    caution: str = ""

    def channel_hours(self, channel: Channel) -> OpeningHours | None:
        return channel.hours or self.hours


@dataclass(frozen=True)
class ChecklistItem:
    id: str  # "<checklist id>#<item>"
    checklist_id: str
    key: str
    position: int
    text: str
    group: str = ""
    help: str = ""
    source: str = ""  # a section id


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    intro: str
    items: tuple[ChecklistItem, ...]
    sources: tuple[str, ...] = ()


BLOCK_TYPES = ("text", "contact", "section", "checklist")


@dataclass(frozen=True)
class HandoutBlock:
    """One block of a handout: the template's own text, or a piece of content by its id."""

    type: str
    id: str = ""
    heading: str = ""
    text: str = ""


@dataclass(frozen=True)
class HandoutTemplate:
    id: str
    title: str
    description: str
    intro: str
    blocks: tuple[HandoutBlock, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Content:
    """Everything in a content folder, validated."""

    articles: tuple[Article, ...]
    contacts: tuple[Contact, ...]
    checklists: tuple[Checklist, ...]
    content_hash: str
    synonyms: tuple[tuple[str, ...], ...] = field(default=())
    handouts: tuple[HandoutTemplate, ...] = ()


@dataclass(frozen=True)
class SectionNote:
    """A "Hos oss" note on a section: from kommune.yaml (``note_id`` None, read-only) or
    written by staff on this PC."""

    section_id: str
    text: str
    note_id: int | None = None

    @property
    def deployed(self) -> bool:
        return self.note_id is None
