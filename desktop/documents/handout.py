"""A handout as a QTextDocument: plain language, large print when asked, emergency numbers
first, a QR code beside every web address, and the sources with their dates at the end."""

from __future__ import annotations

import html
import re
from datetime import date

import segno
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFont, QImage, QPagedPaintDevice, QTextDocument

from desktop.documents.printing import Decor
from desktop.documents.render import notes_html
from desktop.i18n import tr
from index.content.hours import OpeningHours
from index.content.model import Article, Checklist, Contact, HandoutBlock, Section
from index.handout import Resolved, web_addresses

QR_MM = 24.0
QR_PIXELS_PER_MODULE = 10


def decor(resolved: Resolved) -> Decor:
    handout = resolved.handout
    return Decor(
        header_left=handout.municipality or "Handbok",
        header_right=handout.title,
        footer_left=tr("Skrevet ut {date} fra Handbok").format(date=_date(resolved.printed)),
        font_points=11.0 if handout.large_print else 8.5,
        logo=handout.logo,
    )


def _date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _css(large: bool) -> str:
    body, h1, h2, number = (14, 24, 18, 20) if large else (11, 19, 14, 15)
    return f"""
    body {{ font-size: {body}pt; }}
    h1 {{ font-size: {h1}pt; font-weight: 700; margin-bottom: 8px; }}
    h2 {{ font-size: {h2}pt; font-weight: 700; margin-top: 14px; margin-bottom: 4px; }}
    h3 {{ font-size: {body}pt; font-weight: 700; margin-top: 8px; }}
    p, li {{ line-height: {165 if large else 140}%; }}
    .number {{ font-size: {number}pt; font-weight: 700; }}
    .muted {{ color: #444444; }}
    .sources {{ font-size: {max(body - 3, 9)}pt; color: #333333; }}
    """


def qr_image(text: str) -> QImage:
    """A QR code as a black-and-white image, module edges sharp at any zoom: one byte per
    module, then scaled up without smoothing.

    Built from a byte buffer, not pixel by pixel: PySide6's QImage.setPixel miscounts
    references to None on Python 3.11, and thousands of calls crash the interpreter.
    """
    code = segno.make(text, error="m", boost_error=False)
    rows = list(code.matrix_iter(border=4))
    size = len(rows)
    stride = (size + 3) // 4 * 4  # QImage wants 32-bit aligned lines
    data = bytearray(b"\xff" * stride * size)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                data[y * stride + x] = 0
    image = QImage(bytes(data), size, size, stride, QImage.Format.Format_Grayscale8).copy()
    scaled = size * QR_PIXELS_PER_MODULE
    return image.scaled(
        scaled,
        scaled,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )


def web_url(value: str) -> str:
    return value if "://" in value else f"https://{value}"


class _Builder:
    def __init__(self, resolved: Resolved, device: QPagedPaintDevice) -> None:
        self.resolved = resolved
        self.handout = resolved.handout
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        # Image and table sizes in a QTextDocument are logical pixels at 96 dpi, whatever the
        # device; Qt scales them to the printer's resolution.
        self.px_per_mm = 96 / 25.4
        font = QFont()
        font.setPointSizeF(14.0 if self.handout.large_print else 11.0)
        self.doc.setDefaultFont(font)
        self.doc.setDefaultStyleSheet(_css(self.handout.large_print))
        self.qr_count = 0

    def build(self) -> QTextDocument:
        parts = [f"<h1>{html.escape(self.handout.title)}</h1>"]
        if self.handout.patient_line.strip():
            parts.append(f"<p><i>{html.escape(self.handout.patient_line.strip())}</i></p>")
        parts.append(self._emergency())
        parts += [f"<p>{html.escape(p)}</p>" for p in _paragraphs(self.handout.template.intro)]
        for block, part in self.resolved.parts:
            parts.append(self._block(block, part))
        parts.append(self._sources())
        self.doc.setHtml("".join(parts))
        return self.doc

    def _emergency(self) -> str:
        lines = [
            f'<span class="number">{html.escape(_phone(c))}</span> {html.escape(_plain_name(c))}'
            for c in self.resolved.emergency
            if _phone(c)
        ]
        if not lines:
            return ""
        title = html.escape(tr("Haster det? Ring:"))
        return (
            '<table width="100%" cellpadding="8" style="background-color: #fde8e8;">'
            f"<tr><td><b>{title}</b><br>{'<br>'.join(lines)}</td></tr></table>"
        )

    def _block(self, block: HandoutBlock, part: object) -> str:
        if block.type == "text":
            heading = f"<h2>{html.escape(block.heading)}</h2>" if block.heading else ""
            return heading + _text_html(block.text)
        if block.type == "contact" and isinstance(part, Contact):
            return self._contact(part)
        if block.type == "section" and isinstance(part, tuple):
            article, section = part
            return self._section(article, section)
        if block.type == "checklist" and isinstance(part, Checklist):
            return self._checklist(part)
        return ""

    def _contact(self, contact: Contact) -> str:
        rows = []
        for channel in contact.channels:
            label = _channel_label(channel.type)
            if channel.type in ("telefon", "sms"):
                value = f'<span class="number">{html.escape(channel.value)}</span>'
            else:
                value = html.escape(channel.value)
            line = f"<b>{html.escape(label)}:</b> {value}"
            when = _hours(contact.channel_hours(channel)) if channel.type != "e-post" else ""
            if channel.type in ("telefon", "sms", "chat") and when:
                line += f" – {html.escape(when)}"
            if channel.note:
                line += f'<br><span class="muted">{html.escape(channel.note)}</span>'
            rows.append(f"<p>{line}</p>")
        unknown = [
            c
            for c in contact.channels
            if c.type in ("telefon", "chat") and not contact.channel_hours(c)
        ]
        webs = web_addresses(contact)
        if unknown and webs:
            rows.append(
                '<p class="muted">'
                + html.escape(tr("Åpningstider: se {web}").format(web=webs[0]))
                + "</p>"
            )
        qr_cells = "".join(self._qr(web) for web in webs)
        side = f'<td width="{self._mm(QR_MM + 6)}" align="center">{qr_cells}</td>' if webs else ""
        return (
            f"<h2>{html.escape(contact.name)}</h2>"
            f'<table width="100%" cellpadding="0"><tr><td>{"".join(rows)}</td>{side}</tr></table>'
        )

    def _qr(self, web: str) -> str:
        self.qr_count += 1
        name = f"qr:{self.qr_count}"
        self.doc.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(name), qr_image(web_url(web))
        )
        size = self._mm(QR_MM)
        # No caption: the address stands beside the code, and a long one would wrap badly.
        return f'<img src="{name}" width="{size}" height="{size}"><br>'

    def _section(self, article: Article, section: Section) -> str:
        from index.content.markdown import EDITORIAL_MARK, to_html

        body = to_html(section.markdown)
        # Editorial notes speak to staff; internal links mean nothing on paper.
        body = re.sub(
            rf"<blockquote>\s*<p><strong>{re.escape(EDITORIAL_MARK.strip('*'))}.*?</blockquote>",
            "",
            body,
            flags=re.S,
        )
        body = re.sub(r'<a href="(?:kontakt|artikkel|sjekkliste):[^"]*">(.*?)</a>', r"\1", body)
        notes = self.resolved.notes.get(section.id, [])
        return f"<h2>{html.escape(section.heading)}</h2>{body}{notes_html(notes, editable=False)}"

    def _checklist(self, checklist: Checklist) -> str:
        parts = [f"<h2>{html.escape(checklist.title)}</h2>"]
        group = None
        for item in checklist.items:
            if item.group and item.group != group:
                group = item.group
                parts.append(f"<h3>{html.escape(group)}</h3>")
            mark = "☑" if self.handout.ticks.get(item.id) else "☐"
            parts.append(f"<p>{mark} {html.escape(item.text)}</p>")
        return "".join(parts)

    def _sources(self) -> str:
        lines = "".join(f"{html.escape(line)}<br>" for line in self.resolved.sources)
        heading = html.escape(tr("Kilder"))
        return f'<h3>{heading}</h3><p class="sources">{lines}</p>' if lines else ""

    def _mm(self, mm: float) -> int:
        return round(mm * self.px_per_mm)


def build_document(resolved: Resolved, device: QPagedPaintDevice) -> QTextDocument:
    return _Builder(resolved, device).build()


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _text_html(text: str) -> str:
    """Short paragraphs; lines starting with "- " are bullets."""
    parts = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{html.escape(line[2:])}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        elif lines:
            parts.append(f"<p>{html.escape(' '.join(lines))}</p>")
    return "".join(parts)


def _phone(contact: Contact) -> str:
    return next((c.value for c in contact.channels if c.type == "telefon"), "")


def _plain_name(contact: Contact) -> str:
    return contact.name.replace(_phone(contact), "").strip()


def _channel_label(kind: str) -> str:
    return {
        "telefon": tr("Ring"),
        "sms": tr("Send SMS"),
        "chat": tr("Chat"),
        "nett": tr("Nettside"),
        "e-post": tr("E-post"),
    }.get(kind, kind)


def _hours(hours: OpeningHours | None) -> str:
    if hours is None:
        return ""
    if hours.always:
        return tr("åpent hele døgnet")
    return hours.describe()
