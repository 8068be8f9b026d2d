"""Plain values passed between layers: content as the store and the app see it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from index.hours import OpeningHours
from index.i18n import QT_TRANSLATE_NOOP

Kind = Literal["article", "contact", "checklist"]
KINDS: tuple[Kind, ...] = ("article", "contact", "checklist")

# The content's fixed vocabularies. Marked so lupdate offers them for translation; the
# desktop layer shows them through desktop.i18n.label().
CATEGORIES = (
    QT_TRANSLATE_NOOP("Handbok", "nødnummer"),
    QT_TRANSLATE_NOOP("Handbok", "hjelpetelefon"),
    QT_TRANSLATE_NOOP("Handbok", "organisasjon"),
    QT_TRANSLATE_NOOP("Handbok", "kompetansesenter"),
    QT_TRANSLATE_NOOP("Handbok", "kommunal-tjeneste"),
)
AUDIENCES = (
    QT_TRANSLATE_NOOP("Handbok", "barn og unge"),
    QT_TRANSLATE_NOOP("Handbok", "voksne"),
    QT_TRANSLATE_NOOP("Handbok", "pårørende"),
    QT_TRANSLATE_NOOP("Handbok", "etterlatte"),
    QT_TRANSLATE_NOOP("Handbok", "fagfolk"),
)
CHANNEL_TYPES = (
    QT_TRANSLATE_NOOP("Handbok", "telefon"),
    QT_TRANSLATE_NOOP("Handbok", "chat"),
    QT_TRANSLATE_NOOP("Handbok", "sms"),
    QT_TRANSLATE_NOOP("Handbok", "e-post"),
    QT_TRANSLATE_NOOP("Handbok", "nett"),
)
REGIONS = (
    QT_TRANSLATE_NOOP("Handbok", "nasjonal"),
    QT_TRANSLATE_NOOP("Handbok", "lokal"),
    QT_TRANSLATE_NOOP("Handbok", "nord"),
    QT_TRANSLATE_NOOP("Handbok", "midt"),
    QT_TRANSLATE_NOOP("Handbok", "vest"),
    QT_TRANSLATE_NOOP("Handbok", "sør"),
    QT_TRANSLATE_NOOP("Handbok", "øst"),
)
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


@dataclass(frozen=True)
class Content:
    """Everything in a content folder, validated."""

    articles: tuple[Article, ...]
    contacts: tuple[Contact, ...]
    checklists: tuple[Checklist, ...]
    content_hash: str
    synonyms: tuple[tuple[str, ...], ...] = field(default=())
