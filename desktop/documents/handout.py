"""A handout as printed: plain language, large print when asked, the emergency numbers
first, every QR code in the row of the address it holds, the sources in words a patient
understands, and only text written for the patient.

The handout is a list of units for the pagination model (``pages``): a heading stays with
what follows it, a contact with its channels and codes and a checklist item with its box are
never split.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from desktop.documents.pages import MM, POINT, DocumentUnit, Unit, document_text
from desktop.documents.pdfinfo import PdfInfo
from desktop.documents.printing import Decor, Paged, lay_out
from desktop.documents.qr import qr_for
from desktop.documents.typeset import (
    Para,
    Run,
    TypeScale,
    document,
    scale_for,
    text_width,
)
from desktop.i18n import tr
from index.content.hours import OpeningHours
from index.content.model import Article, Channel, Checklist, Contact, HandoutBlock, Section
from index.handout import Resolved, Span, TextPart, patient_text, web_addresses

EMERGENCY_FILL = QColor("#fde8e8")
NUMBER_CHANNELS = ("telefon", "sms")


def decor(resolved: Resolved) -> Decor:
    handout = resolved.handout
    return Decor(
        header_left=handout.municipality or "Handbok",
        header_right=handout.title,
        footer_left=tr("Skrevet ut {date} fra Handbok").format(date=_date(resolved.printed)),
        font_points=scale_for(handout.large_print).small,
        logo=handout.logo,
    )


def lay_out_handout(resolved: Resolved) -> Paged:
    """The handout cut into pages: the same pages for the PDF, the printer and the preview."""
    return lay_out(
        resolved.handout.paper, decor(resolved), lambda width: _Builder(resolved, width).units()
    )


def _date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


class Composite(Unit):
    """Documents and images placed side by side, painted as one piece."""

    def __init__(self, height: float, *, space_before: float = 0.0) -> None:
        self.height = height
        self.space_before = space_before
        self.docs: list[tuple[QPointF, QTextDocument]] = []
        self.images: list[tuple[QRectF, QImage]] = []
        self.fills: list[tuple[QRectF, QColor]] = []

    def paint(self, painter: QPainter, top: float, bottom: float) -> None:
        painter.save()
        painter.translate(0, -top)
        for rect, color in self.fills:
            if top <= rect.top() < bottom:
                painter.fillRect(rect, color)
        for rect, image in self.images:
            if top <= rect.top() < bottom:
                painter.drawImage(rect, image)
        for point, doc in self.docs:
            if top <= point.y() < bottom:
                painter.save()
                painter.translate(point)
                doc.drawContents(painter)
                painter.restore()
        painter.restore()

    def plain_text(self, top: float, bottom: float) -> str:
        return "\n".join(
            document_text(doc) for point, doc in self.docs if top <= point.y() < bottom
        )


@dataclass
class _Row:
    height: float
    docs: list[tuple[QPointF, QTextDocument]]
    images: list[tuple[QRectF, QImage]]


class _Builder:
    def __init__(self, resolved: Resolved, width: float) -> None:
        self.resolved = resolved
        self.handout = resolved.handout
        self.width = width
        self.type: TypeScale = scale_for(self.handout.large_print)
        self.out: list[Unit] = []
        # 22 mm reads at 100 dpi (a version 3 code is 33 modules with its border: 2.6 px
        # each) and leaves an A5 page's address room beside it.
        self.qr_size = 22 * MM

    # --- the order of a handout ---------------------------------------------------------

    def units(self) -> list[Unit]:
        self._heading(self.handout.title, 1)
        line = self.handout.patient_line.strip()
        if line:
            self._paragraph((Span(line, italic=True),))
        self._emergency()
        for paragraph in _paragraphs(self.handout.template.intro):
            self._paragraph((Span(paragraph),))
        for block, part in self.resolved.parts:
            self._block(block, part)
        self._sources()
        return self.out

    def _block(self, block: HandoutBlock, part: object) -> None:
        if block.type == "text":
            if block.heading:
                self._heading(block.heading, 2)
            self._text(block.text)
        elif block.type == "contact" and isinstance(part, Contact):
            self._contact(part)
        elif block.type == "section" and isinstance(part, tuple):
            article, section = part
            self._section(article, section)
        elif block.type == "checklist" and isinstance(part, Checklist):
            self._checklist(part)

    # --- text ---------------------------------------------------------------------------

    def _para(self, spans: tuple[Span, ...], points: float, **options: object) -> Para:
        runs = tuple(Run(s.text, bold=s.bold, italic=s.italic) for s in spans)
        options.setdefault("line_height", self.type.line_height)
        return Para(runs=runs, points=points, **options)  # type: ignore[arg-type]

    def _add(self, paras: list[Para], *, space: float, keep: bool = False) -> None:
        doc = document(self.width, paras)
        self.out.append(DocumentUnit(doc, keep_with_next=keep, space_before=space, breakable=True))

    def _heading(self, text: str, level: int) -> None:
        size = {1: self.type.title, 2: self.type.heading}.get(level, self.type.subheading)
        space = {1: 0.0, 2: self.type.gap * 2.2}.get(level, self.type.gap * 1.4)
        para = Para(runs=(Run(text),), points=size, heading=level, line_height=115)
        self._add([para], space=space, keep=True)

    def _paragraph(self, spans: tuple[Span, ...], *, marker: str = "", depth: int = 0) -> None:
        if not marker:
            self._add([self._para(spans, self.type.body)], space=self.type.gap)
            return
        # A list item or a checklist item with its box: the marker in a column of its own,
        # so that every line of the text starts at the same place; never split.
        em = self.type.body * POINT
        left = depth * em * 1.2
        indent = left + max(text_width(marker, self.type.body), em * 0.6) + em * 0.55
        mark = document(indent - left, [self._para((Span(marker),), self.type.body)])
        text = document(self.width - indent, [self._para(spans, self.type.body)])
        unit = Composite(text.size().height(), space_before=self.type.gap * 0.45)
        unit.docs.append((QPointF(left, 0), mark))
        unit.docs.append((QPointF(indent, 0), text))
        self.out.append(unit)

    def _text(self, text: str) -> None:
        """A template's own text: short paragraphs; lines starting with "- " are bullets."""
        for paragraph in _blocks(text):
            lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
            if lines and all(line.startswith("- ") for line in lines):
                for line in lines:
                    self._paragraph((Span(line[2:]),), marker="•")
            elif lines:
                self._paragraph((Span(" ".join(lines)),))

    def _section(self, article: Article, section: Section) -> None:
        self._heading(section.heading, 2)
        for part in patient_text(section.markdown):
            self._part(part)
        for note in self.resolved.notes.get(section.id, []):
            who = tr("Hos oss (fra kommunen):") if note.deployed else tr("Hos oss:")
            self._paragraph((Span(who + " ", bold=True), Span(note.text)))

    def _part(self, part: TextPart) -> None:
        if part.kind == "heading":
            self._heading("".join(s.text for s in part.spans), 3)
        elif part.kind == "item":
            self._paragraph(part.spans, marker=part.marker or "–", depth=part.depth)
        else:
            self._paragraph(part.spans)

    # --- the emergency box --------------------------------------------------------------

    def _emergency(self) -> None:
        rows = [(_phone(c), _plain_name(c)) for c in self.resolved.emergency if _phone(c)]
        if not rows:
            return
        pad = self.type.body * 0.7 * POINT
        paras = [Para(runs=(Run(tr("Haster det? Ring:"), bold=True),), points=self.type.body)]
        for number, name in rows:
            paras.append(
                Para(
                    runs=(
                        Run(number, bold=True, points=self.type.number),
                        Run(" " + name),
                    ),
                    points=self.type.body,
                    line_height=self.type.line_height,
                )
            )
        doc = document(self.width - 2 * pad, paras)
        box = Composite(doc.size().height() + 2 * pad, space_before=self.type.gap)
        box.fills.append((QRectF(0, 0, self.width, box.height), EMERGENCY_FILL))
        box.docs.append((QPointF(pad, pad), doc))
        self.out.append(box)

    # --- a contact: its name, then a row per channel, a code beside each web address ----

    def _contact(self, contact: Contact) -> None:
        name = document(
            self.width, [Para(runs=(Run(contact.name),), points=self.type.subheading, heading=3)]
        )
        rows = [self._channel_row(contact, channel) for channel in contact.channels]
        if contact.address:
            rows.append(self._address_row(contact.address))
        gap = self.type.gap * 0.6
        height = name.size().height() + gap
        unit = Composite(0.0, space_before=self.type.gap * 1.6)
        unit.docs.append((QPointF(0, 0), name))
        for row in rows:
            for point, doc in row.docs:
                unit.docs.append((QPointF(point.x(), point.y() + height), doc))
            for rect, image in row.images:
                unit.images.append((rect.translated(0, height), image))
            height += row.height + gap
        unit.height = height - gap
        self.out.append(unit)

    def _channel_row(self, contact: Contact, channel: Channel) -> _Row:
        code = qr_for(channel.value) if channel.type in ("nett", "chat") else None
        column = self.qr_size + 4 * MM if code else 0.0
        text = self._channel_text(contact, channel, self.width - column)
        height = text.size().height()
        if code is None:
            return _Row(height, [(QPointF(0, 0), text)], [])
        caption = document(
            column,
            [
                Para(
                    runs=(Run(_channel_label(channel.type)),),
                    points=self.type.small,
                    align=Qt.AlignmentFlag.AlignHCenter,
                    line_height=110,
                )
            ],
        )
        qr_top = 0.0
        text_top = max(0.0, (self.qr_size - height) / 2)  # the address level with the code
        left = self.width - column + (column - self.qr_size) / 2
        caption_top = qr_top + self.qr_size + 1 * MM
        row_height = max(text_top + height, caption_top + caption.size().height())
        return _Row(
            row_height,
            [
                (QPointF(0, text_top), text),
                (QPointF(self.width - column, caption_top), caption),
            ],
            [(QRectF(left, qr_top, self.qr_size, self.qr_size), code.image)],
        )

    def _channel_text(self, contact: Contact, channel: Channel, width: float) -> QTextDocument:
        label = _channel_label(channel.type) + ":"
        number = channel.type in NUMBER_CHANNELS
        value_points = self.type.number if number else self.type.body
        head = self._value_lines(label, channel.value, value_points, width)
        details = " ".join(d for d in self._details(contact, channel) if d)
        paras = list(head)
        if details:
            paras.append(self._para((Span(details),), self.type.body))
        return document(width, paras)

    def _value_lines(self, label: str, value: str, points: float, width: float) -> list[Para]:
        """ "Ring: 116 123" on one line when it fits; else the label over the value. The value
        never breaks: it is made smaller (never under the smallest size) until it fits."""
        body = self.type.body
        label_run = Run(label + " ", bold=True)
        together = Para(
            runs=(label_run, Run(value, bold=True, points=points)),
            points=body,
            nowrap=True,
            line_height=self.type.line_height,
        )
        if _fits(label + " ", body, value, points, width):
            return [together]
        size = points
        while size > self.type.small and text_width(value, size, bold=True) > width:
            size -= 0.5
        return [
            Para(runs=(Run(label, bold=True),), points=body, line_height=self.type.line_height),
            Para(
                runs=(Run(value, bold=True, points=size),),
                points=size,
                nowrap=True,
                line_height=self.type.line_height,
            ),
        ]

    def _details(self, contact: Contact, channel: Channel) -> list[str]:
        hours = contact.channel_hours(channel) if channel.type != "e-post" else None
        lines = []
        if channel.type in ("telefon", "sms", "chat"):
            if hours is not None:
                lines.append(_hours(hours))
            else:
                webs = [w for w in web_addresses(contact) if w != channel.value]
                if webs and channel.type in NUMBER_CHANNELS:
                    lines.append(tr("Åpningstider: se {web}.").format(web=webs[0]))
        if channel.note:
            lines.append(_sentence(channel.note))
        return lines

    def _address_row(self, address: str) -> _Row:
        parts = [p.strip() for p in address.split(",") if p.strip()]
        label = Run(tr("Adresse:") + " ", bold=True)
        together = Para(
            runs=(label, Run(", ".join(parts))),
            points=self.type.body,
            nowrap=True,
            line_height=self.type.line_height,
        )
        if text_width(tr("Adresse:") + " " + ", ".join(parts), self.type.body) <= self.width:
            doc = document(self.width, [together])
        else:  # each part of the address whole, one a line
            paras = [Para(runs=(label,), points=self.type.body)]
            paras += [Para(runs=(Run(p),), points=self.type.body, nowrap=True) for p in parts]
            doc = document(self.width, paras)
        return _Row(doc.size().height(), [(QPointF(0, 0), doc)], [])

    # --- a checklist: each item with its box -------------------------------------------

    def _checklist(self, checklist: Checklist) -> None:
        self._heading(checklist.title, 2)
        group = None
        for item in checklist.items:
            if item.group and item.group != group:
                group = item.group
                self._heading(group, 3)
            mark = "☑" if self.handout.ticks.get(item.id) else "☐"
            self._paragraph((Span(item.text),), marker=mark)

    # --- sources, in words a patient understands -----------------------------------------

    def _sources(self) -> None:
        lines = source_lines(self.resolved)
        if not lines:
            return
        size = self.type.small
        self._add(
            [Para(runs=(Run(tr("Kilder")),), points=size + 1, heading=3, line_height=115)],
            space=self.type.gap * 2.2,
            keep=True,
        )
        self._add(
            [Para(runs=(Run(line),), points=size, line_height=130) for line in lines],
            space=self.type.gap * 0.5,
        )


def source_lines(resolved: Resolved) -> list[str]:
    lines = []
    names = []
    for name, updated in resolved.publishers:
        if updated:
            names.append(
                tr("{name} (sist faglig oppdatert {date})").format(name=name, date=_date(updated))
            )
        else:
            names.append(name)
    if names:
        lines.append(tr("Teksten bygger på veiledning fra {names}.").format(names=_and(names)))
    if len(resolved.checked) == 1:
        lines.append(
            tr("Telefonnumre og adresser ble sist kontrollert {date}.").format(
                date=_date(resolved.checked[0])
            )
        )
    elif resolved.checked:
        lines.append(
            tr("Telefonnumre og adresser ble kontrollert mellom {first} og {last}.").format(
                first=_date(resolved.checked[0]), last=_date(resolved.checked[-1])
            )
        )
    return lines


def _and(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return tr("{first} og {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _fits(label: str, label_points: float, value: str, points: float, width: float) -> bool:
    return (
        text_width(label, label_points, bold=True) + text_width(value, points, bold=True) <= width
    )


def _blocks(text: str) -> list[str]:
    import re

    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in _blocks(text)]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


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


def _hours(hours: OpeningHours) -> str:
    if hours.always:
        return tr("Åpent hele døgnet.")
    return tr("Åpent {hours}.").format(hours=hours.describe())


def pdf_info(resolved: Resolved) -> PdfInfo:
    handout = resolved.handout
    return PdfInfo(
        title=handout.title,
        author=handout.municipality or "Handbok",
        subject=tr("Skriv til pasienten: {title}").format(title=handout.title),
    )
