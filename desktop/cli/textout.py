"""Items as plain text and as JSON, for the command line (``handbok show``, ``search``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.i18n import label, tr
from index.content.hours import OpeningHours
from index.content.model import Article, Checklist, ChecklistItem, Contact, Section
from index.search.searcher import SearchResult
from index.store.database import ContentStore


def kind_label(kind: str) -> str:
    labels = {"article": tr("artikkel"), "contact": tr("kontakt"), "checklist": tr("sjekkliste")}
    return labels.get(kind, kind)


def _hours(hours: OpeningHours | None) -> str:
    return label(hours.describe()) if hours else tr("åpningstid ukjent")


def _date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _strip_tags(snippet: str) -> str:
    import html

    return html.unescape(re.sub(r"</?b>", "*", snippet))


def search_text(result: SearchResult) -> str:
    lines: list[str] = []
    if result.suggestion:
        lines.append(tr("Mente du: {suggestion}").format(suggestion=result.suggestion))
    if not result.hits:
        lines.append(tr("Ingen treff for «{query}».").format(query=result.text.strip()))
        return "\n".join(lines)
    if result.fuzzy:
        lines.append(tr("Ingen eksakte treff. Viser treff med lignende ord."))
    elif result.relaxed:
        lines.append(tr("Ingen treff med alle ordene. Viser treff med noen av dem."))
    for number, hit in enumerate(result.hits, 1):
        title = f"{hit.title} – {hit.parent_title}" if hit.parent_title else hit.title
        lines.append(f"{number}. {title}  [{kind_label(hit.kind)}]")
        lines.append(f"   id: {hit.id}")
        snippet = " ".join(_strip_tags(hit.snippet).split())
        if snippet:
            lines.append(f"   {snippet}")
    return "\n".join(lines)


def item_text(store: ContentStore, ident: str) -> str:
    kind = store.kind_of(ident)
    if kind == "article" and "#" in ident:
        article, section = store.section(ident)
        return _section_text(article, section, standalone=True)
    if kind == "article":
        return _article_text(store.article(ident))
    if kind == "contact":
        return _contact_text(store.contact(ident))
    if kind == "checklist" and "#" in ident:
        checklist = store.checklist(ident.partition("#")[0])
        item = next(i for i in checklist.items if i.id == ident)
        return _item_text(checklist, item)
    return _checklist_text(store.checklist(ident))


def _article_meta(article: Article) -> list[str]:
    lines = [tr("Utgiver: {publisher}").format(publisher=article.publisher)]
    if article.publisher_note:
        lines.append(f"  ({article.publisher_note})")
    if article.author:
        lines.append(tr("Forfatter: {author}").format(author=article.author))
    if article.updated:
        lines.append(tr("Sist faglig oppdatert: {date}").format(date=_date(article.updated)))
    lines.append(tr("Kilde: {source}").format(source=article.source))
    return lines


def _article_text(article: Article) -> str:
    lines = [article.title, "=" * len(article.title), *_article_meta(article), ""]
    for section in article.sections:
        lines.append(_section_text(article, section, standalone=False))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _section_text(article: Article, section: Section, *, standalone: bool) -> str:
    if standalone:
        title = f"{article.title} – {section.heading}"
        head = [title, "=" * len(title), *_article_meta(article), ""]
    else:
        head = [section.heading, "-" * len(section.heading)]
    return "\n".join([*head, section.text]).rstrip() + ("\n" if standalone else "")


def _contact_text(contact: Contact) -> str:
    lines = [contact.name, "=" * len(contact.name)]
    if contact.organisation and contact.organisation != contact.name:
        lines.append(contact.organisation)
    lines.append(tr("Kategori: {category}").format(category=label(contact.category)))
    lines.append(
        tr("For: {audience}").format(audience=", ".join(label(a) for a in contact.audience))
    )
    lines.append(tr("Område: {region}").format(region=label(contact.region)))
    if contact.address:
        lines.append(tr("Adresse: {address}").format(address=contact.address))
    if contact.caution:
        lines.append(tr("OBS: {caution}").format(caution=contact.caution))
    lines.append("")
    for channel in contact.channels:
        line = f"{label(channel.type).capitalize()}: {channel.value}"
        if channel.type in ("telefon", "sms", "chat"):
            line += f" ({_hours(contact.channel_hours(channel))})"
        if channel.note:
            line += f" – {channel.note}"
        lines.append(line)
    if not contact.channels:
        lines.append(tr("Ingen kontrollerte kontaktopplysninger."))
    lines += ["", contact.description, ""]
    lines.append(tr("Kilde: {source}").format(source=contact.source))
    lines.append(tr("Kontrollert: {date}").format(date=_date(contact.verified)))
    return "\n".join(lines) + "\n"


def _checklist_text(checklist: Checklist) -> str:
    lines = [checklist.title, "=" * len(checklist.title), checklist.intro, ""]
    group = None
    for item in checklist.items:
        if item.group and item.group != group:
            group = item.group
            lines += ["", group]
        lines.append(f"[ ] {item.text}")
        if item.help:
            lines.append(f"    {item.help}")
    return "\n".join(lines) + "\n"


def _item_text(checklist: Checklist, item: ChecklistItem) -> str:
    lines = [f"[ ] {item.text}"]
    if item.help:
        lines.append(f"    {item.help}")
    lines.append(tr("Fra sjekklisten: {title}").format(title=checklist.title))
    if item.source:
        lines.append(tr("Kilde: {source}").format(source=item.source))
    return "\n".join(lines) + "\n"


# --- JSON ------------------------------------------------------------------------------------


def item_json(store: ContentStore, ident: str) -> dict[str, Any]:
    kind = store.kind_of(ident)
    if kind == "article" and "#" in ident:
        article, section = store.section(ident)
        return {"kind": "section", **_section_json(section), "article": _article_head(article)}
    if kind == "article":
        article = store.article(ident)
        return {
            "kind": "article",
            **_article_head(article),
            "sections": [_section_json(s) for s in article.sections],
            "text": "\n\n".join(f"{s.heading}\n\n{s.text}" for s in article.sections),
        }
    if kind == "contact":
        return {"kind": "contact", **_contact_json(store.contact(ident))}
    checklist = store.checklist(ident.partition("#")[0])
    if "#" in ident:
        item = next(i for i in checklist.items if i.id == ident)
        return {"kind": "checklist_item", **_item_json(item), "checklist_title": checklist.title}
    return {
        "kind": "checklist",
        "id": checklist.id,
        "title": checklist.title,
        "intro": checklist.intro,
        "sources": list(checklist.sources),
        "items": [_item_json(i) for i in checklist.items],
        "text": checklist.intro + "\n\n" + "\n".join(i.text for i in checklist.items),
    }


def _article_head(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "publisher": article.publisher,
        "publisher_note": article.publisher_note,
        "author": article.author,
        "updated": article.updated.isoformat() if article.updated else None,
        "source": article.source,
        "summary": article.summary,
        "keywords": list(article.keywords),
    }


def _section_json(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "article_id": section.article_id,
        "anchor": section.anchor,
        "title": section.heading,
        "markdown": section.markdown,
        "text": section.text,
    }


def _contact_json(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "title": contact.name,
        "name": contact.name,
        "organisation": contact.organisation,
        "category": contact.category,
        "audience": list(contact.audience),
        "region": contact.region,
        "address": contact.address,
        "hours": contact.hours.spec() if contact.hours else None,
        "channels": [
            {
                "type": c.type,
                "value": c.value,
                "note": c.note,
                "hours": h.spec() if (h := contact.channel_hours(c)) else None,
            }
            for c in contact.channels
        ],
        "description": contact.description,
        "caution": contact.caution,
        "source": contact.source,
        "verified": contact.verified.isoformat(),
        "text": contact.description,
    }


def _item_json(item: ChecklistItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "checklist_id": item.checklist_id,
        "title": item.text,
        "text": item.text,
        "group": item.group,
        "help": item.help,
        "source": item.source,
    }
