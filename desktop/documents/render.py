"""Articles and contacts as HTML for the reading pane (QTextBrowser's rich-text subset).

Nothing remote is ever referenced: no images, no fonts, no scripts. Internal links use the
content's own schemes (kontakt:, artikkel:, sjekkliste:) and ``kopier:`` copies a number.
Every value from a file goes in through ``_text`` (escaped), a label of a vocabulary too: a
region or category from a CSV file or kommune.yaml is shown as written when it is no known id.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from string import Template
from typing import TYPE_CHECKING
from urllib.parse import quote

from desktop.i18n import label, tr
from desktop.safetext import escaped
from index.content.model import Article, Channel, Checklist, Contact
from index.untrusted import web_url

if TYPE_CHECKING:  # a type only: locallayer imports Whoosh, which must wait for the window
    from index.content.model import SectionNote

OLD_CONTENT_YEARS = 3
OLD_CONTACT_DAYS = 365
Matcher = Callable[[str], bool]

# The type scale, relative to the text size (the system's, or the user's): title x-large,
# section large, text as it is, details and sources small. Qt's rich text knows these
# keywords, not em or %. On paper the sizes are points instead (printing.page_document): a
# keyword there would scale any size given with it (small is 8.8 pt of 11).
SCREEN_SIZES = {"title": "x-large", "heading": "large", "number": "large", "details": "small"}
_CSS = """
body { color: #1d1d1f; }
h1 { font-size: $title; font-weight: 600; margin-bottom: 4px; }
h2 { font-size: $heading; font-weight: 600; margin-top: 18px; margin-bottom: 6px; }
p, li { line-height: 140%; }
.meta { color: #555555; font-size: $details; }
.source { color: #444444; font-size: $details; margin-left: 12px; }
.notelink { font-size: $details; }
.notice { background-color: #fff4d6; color: #5a4300; }
blockquote { background-color: #f3f3f3; color: #444444; margin-left: 12px; margin-right: 12px; }
.hit { background-color: #ffe45c; }
.open { color: #11652b; font-weight: 600; }
.closed { color: #8a1c1c; font-weight: 600; }
.unknown { color: #555555; }
.number { font-size: $number; font-weight: 600; }
a { color: #0b57d0; }
"""


def css(sizes: Mapping[str, str]) -> str:
    """The style sheet with these sizes (keys as in SCREEN_SIZES)."""
    return Template(_CSS).substitute(sizes)


CSS = css(SCREEN_SIZES)


def _date(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _label(value: str) -> str:
    """A vocabulary id as the user reads it, escaped: an unknown one is shown as written."""
    return escaped(label(value))


def highlight(fragment: str, matches: Matcher | None) -> str:
    """Wrap words the search matched in <span class="hit">, touching text only, never tags."""
    if matches is None:
        return fragment

    def words(text: re.Match[str]) -> str:
        return re.sub(
            r"\w+",
            lambda w: f'<span class="hit">{w.group()}</span>' if matches(w.group()) else w.group(),
            text.group(),
        )

    return re.sub(r"(?<=>)[^<]+|^[^<]+", words, fragment)


def _note_pattern() -> re.Pattern[str]:
    from index.content.markdown import EDITORIAL_MARK

    mark = re.escape(EDITORIAL_MARK.strip("*"))
    # A note, and the paragraph it follows when it follows one (the sentence it is about).
    return re.compile(
        rf"(?P<before></p>\n)?<blockquote>\n<p><strong>{mark}</strong>\s*(?P<note>.*?)"
        r"</p>\n</blockquote>\n?",
        re.S,
    )


def _section_html(markdown: str, key: str | None = None, unfolded: bool = False) -> str:
    """A section's text. With ``key``, its editorial notes are folded under "Om kilden" at
    the section's end (opened with ``omkilden:key``), and a sentence a note is about, such
    as "Se oversikt ... her." where the source lost its link, gets a small "(merknad)" that
    opens them; without, each note stays where it is, labelled (for printing)."""
    from index.content.markdown import to_html  # markdown-it: not needed at start-up

    body = to_html(markdown)
    mark = html.escape(tr("Redaksjonell merknad:"))
    if key is None:
        return _note_pattern().sub(
            lambda m: (
                (m["before"] or "")
                + f"<blockquote>\n<p><strong>{mark}</strong> {m['note']}</p>\n</blockquote>\n"
            ),
            body,
        )
    notes: list[str] = []
    link = f'<a class="notelink" href="omkilden:{quote(key)}">({html.escape(tr("merknad"))})</a>'

    def fold(match: re.Match[str]) -> str:
        notes.append(match["note"])
        return f" {link}</p>\n" if match["before"] else ""

    body = _note_pattern().sub(fold, body)
    return body + _about_source(key, notes, unfolded) if notes else body


def _about_source(key: str, notes: list[str], unfolded: bool) -> str:
    """ "Om kilden": editorial notes and facts about the source, folded until asked for."""
    arrow = "▾" if unfolded else "▸"
    head = html.escape(tr("Om kilden"))
    if not unfolded and len(notes) > 1:
        head += " " + html.escape(tr("({count} merknader)").format(count=len(notes)))
    parts = [f'<p class="meta"><a href="omkilden:{quote(key)}">{arrow} {head}</a></p>']
    if unfolded:
        parts += [f'<p class="source">{note}</p>' for note in notes]
    return "".join(parts)


def article_html(
    article: Article,
    focus: str | None = None,
    matches: Matcher | None = None,
    today: date | None = None,
    notes: Callable[[str], list[SectionNote]] | None = None,
    unfolded: Collection[str] | None = frozenset(),
) -> str:
    """``notes(section id)``: the municipality's notes on a section; when given, each section
    also offers to add one, and staff's own notes can be deleted. ``unfolded``: the ids
    (article or section) whose "Om kilden" is open; None shows every editorial note where it
    stands, as on paper."""
    today = today or date.today()
    parts = [f"<h1>{html.escape(article.title)}</h1>"]
    meta = [tr("Utgiver: {publisher}").format(publisher=html.escape(article.publisher))]
    if article.author:
        meta.append(tr("Forfatter: {author}").format(author=html.escape(article.author)))
    if article.updated:
        meta.append(tr("Sist faglig oppdatert: {date}").format(date=_date(article.updated)))
    source = tr("Kilde: {source}").format(source=html.escape(article.source))
    about = [source] + ([html.escape(article.publisher_note)] if article.publisher_note else [])
    if unfolded is None:
        parts.append(f'<p class="meta">{"<br>".join(meta + about)}</p>')
    else:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
        parts.append(_about_source(article.id, about, article.id in unfolded))
    notice = content_age_notice(article.updated, today)
    if notice:
        parts.append(f'<p class="notice">{html.escape(notice)}</p>')
    for section in article.sections:
        parts.append(f'<a name="{escaped(section.anchor)}"></a>')
        if section.position > 0 or section.heading != article.title:
            parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        if unfolded is None:
            body = _section_html(section.markdown)
        else:
            body = _section_html(section.markdown, section.id, section.id in unfolded)
        if section.anchor == focus:
            body = highlight(body, matches)
        parts.append(body)
        if notes is not None:
            parts.append(_notes_html(section.id, notes(section.id)))
    return "".join(parts)


def notes_html(notes: list[SectionNote], editable: bool = True) -> str:
    """The notes as paragraphs; with ``editable``, staff's own notes get a delete link."""
    parts = []
    for note in notes:
        who = tr("Hos oss (fra kommunen):") if note.deployed else tr("Hos oss:")
        delete = ""
        if editable and not note.deployed:
            delete = f' <a href="slettnotat:{note.note_id}">{html.escape(tr("slett"))}</a>'
        parts.append(
            f'<p class="notice"><b>{html.escape(who)}</b> {html.escape(note.text)}{delete}</p>'
        )
    return "".join(parts)


def _notes_html(section_id: str, notes: list[SectionNote]) -> str:
    parts = [notes_html(notes)]
    add = html.escape(tr("+ Legg til lokalt notat"))
    parts.append(f'<p class="meta"><a href="lokalnotat:{quote(section_id)}">{add}</a></p>')
    return "".join(parts)


def content_age_notice(updated: date | None, today: date) -> str:
    if updated is None:
        return tr("Kilden oppgir ikke når teksten sist ble faglig oppdatert.")
    if (today - updated).days > OLD_CONTENT_YEARS * 365:
        return tr(
            "Denne teksten ble sist faglig oppdatert {date}, for mer enn tre år siden. "
            "Sjekk gjerne om det finnes nyere råd fra kilden."
        ).format(date=_date(updated))
    return ""


def open_status(contact: Contact, now: datetime) -> tuple[str, str]:
    """(css class, text): whether any of the contact's phone or chat lines is open now."""
    states = [
        hours.is_open(now)
        for channel in contact.channels
        if channel.type in ("telefon", "chat", "sms")
        and (hours := contact.channel_hours(channel)) is not None
    ]
    if any(states):
        return "open", tr("Åpen nå")
    if states:
        return "closed", tr("Stengt nå")
    return "unknown", tr("Åpningstid ukjent")


def contact_is_stale(contact: Contact, today: date) -> bool:
    return (today - contact.verified).days > OLD_CONTACT_DAYS


def contact_html(contact: Contact, now: datetime | None = None, printing: bool = False) -> str:
    now = now or datetime.now()
    css, status = open_status(contact, now)
    parts = [f"<h1>{html.escape(contact.name)}</h1>"]
    about = [_label(contact.category)]
    if contact.organisation and contact.organisation != contact.name:
        about.insert(0, html.escape(contact.organisation))
    parts.append(f'<p class="meta">{" · ".join(about)} · <span class="{css}">{status}</span></p>')
    if contact.caution:
        parts.append(f'<p class="notice">{html.escape(contact.caution)}</p>')
    if contact.channels:
        parts.append("<table cellspacing='0' cellpadding='4'>")
        for channel in contact.channels:
            parts.append(_channel_row(contact, channel, printing))
        parts.append("</table>")
    else:
        none = tr("Ingen kontrollerte kontaktopplysninger.")
        parts.append(f"<p>{html.escape(none)}</p>")
    parts.append(f"<p>{html.escape(contact.description)}</p>")
    facts = [
        tr("For: {audience}").format(audience=", ".join(_label(a) for a in contact.audience)),
        tr("Område: {region}").format(region=_label(contact.region)),
    ]
    if contact.address:
        facts.append(tr("Adresse: {address}").format(address=html.escape(contact.address)))
    facts.append(tr("Kilde: {source}").format(source=html.escape(contact.source)))
    facts.append(tr("Kontrollert: {date}").format(date=_date(contact.verified)))
    parts.append(f'<p class="meta">{"<br>".join(facts)}</p>')
    if contact_is_stale(contact, now.date()):
        parts.append(
            '<p class="notice">'
            + html.escape(tr("Opplysningene ble kontrollert for mer enn ett år siden."))
            + "</p>"
        )
    return "".join(parts)


def _channel_row(contact: Contact, channel: Channel, printing: bool = False) -> str:
    value = html.escape(channel.value)
    kind = escaped(label(channel.type).capitalize())
    copy = html.escape(tr("Kopier"))
    if channel.type in ("telefon", "sms"):
        shown = f'<span class="number">{value}</span>'
        action = f'<a href="kopier:{quote(channel.value)}">{copy}</a>'
    elif channel.type in ("nett", "chat") and (url := web_url(channel.value)) is not None:
        shown = f'<a href="{html.escape(url)}">{value}</a>'
        action = ""
    elif channel.type == "e-post":
        shown = f'<a href="mailto:{value}">{value}</a>'
        action = f'<a href="kopier:{quote(channel.value)}">{copy}</a>'
    else:
        shown, action = value, ""
    hours = contact.channel_hours(channel)
    when = ""
    if channel.type in ("telefon", "sms", "chat"):
        when = escaped(label(hours.describe()) if hours else tr("åpningstid ukjent"))
    note = f"<br><span class='meta'>{html.escape(channel.note)}</span>" if channel.note else ""
    if printing:
        action = ""  # "Kopier" means nothing on paper
    return (
        f"<tr><td><b>{kind}</b></td><td>{shown}{note}</td>"
        f"<td class='meta'>{when}</td><td>{action}</td></tr>"
    )


def checklist_html(
    checklist: Checklist, ticks: dict[str, bool] | None = None, notes: dict[str, str] | None = None
) -> str:
    """A checklist as a page: for printing (with a run's ticks and notes), and for reading
    when ticks cannot be saved (no user data folder)."""
    ticks, notes = ticks or {}, notes or {}
    parts = [f"<h1>{html.escape(checklist.title)}</h1><p>{html.escape(checklist.intro)}</p>"]
    group = None
    for item in checklist.items:
        if item.group and item.group != group:
            group = item.group
            parts.append(f"<h2>{html.escape(group)}</h2>")
        mark = "☑" if ticks.get(item.id) else "☐"
        parts.append(f"<p>{mark} {html.escape(item.text)}")
        if notes.get(item.id):
            parts.append(f"<br><i>{html.escape(notes[item.id])}</i>")
        parts.append("</p>")
    return "".join(parts)


def section_html(article: Article, focus: str, today: date | None = None) -> str:
    """One section with its article's title and source, for printing what is being read."""
    one = Article(
        id=article.id,
        title=article.title,
        publisher=article.publisher,
        source=article.source,
        summary=article.summary,
        sections=tuple(s for s in article.sections if s.anchor == focus),
        publisher_note=article.publisher_note,
        author=article.author,
        updated=article.updated,
    )
    return article_html(one, None, None, today, unfolded=None)


def contact_list_html(contacts: list[Contact], now: datetime, title: str) -> str:
    parts = [f"<h1>{html.escape(title)}</h1>"]
    for contact in contacts:
        parts.append(
            contact_html(contact, now, printing=True)
            .replace("<h1>", "<h2>")
            .replace("</h1>", "</h2>")
        )
    return "".join(parts)
