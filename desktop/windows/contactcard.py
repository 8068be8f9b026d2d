"""One contact card for every place a contact is offered: a search hit, the contact list, the
start page (and the red bar, should it want one). Name, number in large type, whether it is
open now and until when (or when it opens), who it is for; one click opens the contact, and
"Kopier" says "Kopiert" right beside the button.

Every field comes from a file (the content, a CSV import, kommune.yaml), so every label here
is plain text (docs/architecture.md, "Text from files is data"): never rich text built from
contact data.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import label, tr
from desktop.safetext import tooltip
from desktop.windows import a11y, theme
from index.content.hours import OpeningHours
from index.content.model import Channel, Contact

CONFIRM_MS = 2500
NUMBER_SCALE, DENSE_NUMBER_SCALE, NAME_SCALE, DETAIL_SCALE = 1.6, 1.3, 1.05, 0.92
OPEN, CLOSED, UNKNOWN = "open", "closed", "unknown"
STATE_COLOURS = {OPEN: "open", CLOSED: "closed", UNKNOWN: "details"}  # theme.Colours fields


def main_channel(contact: Contact) -> Channel | None:
    """The line the card shows: the first phone, else SMS, else chat."""
    for kind in ("telefon", "sms", "chat"):
        found = next((c for c in contact.channels if c.type == kind), None)
        if found is not None:
            return found
    return None


def _weekday(day: int) -> str:
    return (
        tr("mandag"),
        tr("tirsdag"),
        tr("onsdag"),
        tr("torsdag"),
        tr("fredag"),
        tr("lørdag"),
        tr("søndag"),
    )[day]


def _when(at: datetime, now: datetime) -> str:
    clock = at.strftime("%H:%M")
    if at.date() == now.date():
        return tr("kl. {clock}").format(clock=clock)
    if at.date() == now.date() + timedelta(days=1):
        return tr("i morgen kl. {clock}").format(clock=clock)
    return tr("{day} kl. {clock}").format(day=_weekday(at.weekday()), clock=clock)


def hours_status(hours: OpeningHours | None, now: datetime) -> tuple[str, str]:
    """(state, sentence): "Døgnåpen", "Åpen nå · stenger kl. 15:30", "Stengt nå · åpner i
    morgen kl. 08:00", "Åpningstid ukjent"."""
    if hours is None:
        return UNKNOWN, tr("Åpningstid ukjent")
    if hours.always:
        return OPEN, tr("Døgnåpen")
    change = hours.next_change(now)
    if hours.is_open(now):
        if change is None:
            return OPEN, tr("Åpen nå")
        return OPEN, tr("Åpen nå · stenger {when}").format(when=_when(change, now))
    if change is None:
        return CLOSED, tr("Stengt nå")
    return CLOSED, tr("Stengt nå · åpner {when}").format(when=_when(change, now))


def contact_status(contact: Contact, now: datetime) -> tuple[str, str]:
    channel = main_channel(contact)
    return hours_status(contact.channel_hours(channel) if channel else contact.hours, now)


def audience_text(contact: Contact) -> str:
    if not contact.audience:
        return ""
    return tr("For {audience}").format(audience=", ".join(label(a) for a in contact.audience))


class ScaledLabel(QLabel):
    """Plain text at a size relative to the window's text size, following it when the user
    makes the text bigger or smaller."""

    def __init__(
        self, text: str, scale: float, parent: QWidget | None = None, bold: bool = False
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.scale, self.bold = scale, bold
        self._apply()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._apply)

    def _apply(self, _font: object = None) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self.scale)
        font.setBold(self.bold)
        self.setFont(font)


def draw_chosen_frame(widget: QWidget) -> None:
    """The current row of a list of cards: a frame in the highlight colour around it, so its
    own colours (a grey snippet, a red "stengt") keep their contrast on the base background."""
    painter = QPainter(widget)
    pen = QPen(widget.palette().color(QPalette.ColorRole.Highlight))
    pen.setWidth(3)
    painter.setPen(pen)
    painter.drawRect(widget.rect().adjusted(1, 1, -2, -2))
    painter.end()


class ContactCard(QFrame):
    """``open_requested(contact id)`` on a click anywhere but "Kopier", or Enter/Space."""

    open_requested = Signal(str)
    copied = Signal(str)

    def __init__(
        self,
        contact: Contact,
        now: datetime,
        parent: QWidget | None = None,
        dense: bool = False,
        number: str | None = None,
        note: str = "",
    ) -> None:
        """``dense``: a row in a list, which has the keyboard focus and the selection (the
        card takes clicks only); ``number``: the number to show when the caller knows it
        (a search hit carries it); ``note``: one more line, such as "checked long ago"."""
        super().__init__(parent)
        self.contact_id = contact.id
        channel = main_channel(contact)
        self.number = number if number is not None else (channel.value if channel else "")
        self.state, status = contact_status(contact, now)
        self.setObjectName("contactcard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus if dense else Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # A card keeps the base background its colours are measured on (theme.Colours); in a
        # list that keeps its text readable, the current row being drawn as a frame.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.chosen = False

        self.name = ScaledLabel(contact.name, NAME_SCALE, self, bold=True)
        self.name.setWordWrap(True)
        scale = DENSE_NUMBER_SCALE if dense else NUMBER_SCALE
        self.number_label = ScaledLabel(self.number, scale, self, bold=True)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.status = ScaledLabel(status, DETAIL_SCALE, self, bold=self.state == OPEN)
        self.status.setWordWrap(True)
        theme.mark(self.status, STATE_COLOURS[self.state])
        self.audience = ScaledLabel(audience_text(contact), DETAIL_SCALE, self)
        theme.mark(self.audience, "details")
        self.audience.setWordWrap(True)
        self.audience.setVisible(bool(self.audience.text()))
        self.note = ScaledLabel(note, DETAIL_SCALE, self)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        self.copy_button = QPushButton(tr("Kopier"), self)
        self.copy_button.setAccessibleName(tr("Kopier {number}").format(number=self.number))
        self.copy_button.setToolTip(tr("Kopier nummeret"))
        self.copy_button.clicked.connect(self.copy)
        if dense:
            self.copy_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the keys
        self.copy_button.setVisible(bool(self.number))
        self.confirm = ScaledLabel("", DETAIL_SCALE, self)
        self.confirm.setAccessibleName(tr("Kopiert"))
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.timeout.connect(self.confirm.clear)

        number_row = QHBoxLayout()
        number_row.setSpacing(8)
        number_row.addWidget(self.number_label)
        number_row.addStretch(1)
        number_row.addWidget(self.confirm)
        number_row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.name)
        if self.number:
            layout.addLayout(number_row)
        else:
            self.number_label.hide()
            self.copy_button.hide()
        if dense:  # a row in a list: whether it is open and for whom on one line, if it fits
            status_row = QHBoxLayout()
            status_row.setSpacing(8)
            self.status.setWordWrap(False)
            status_row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
            status_row.addWidget(self.audience, 1)
            layout.addLayout(status_row)
        else:
            layout.addWidget(self.status)
            layout.addWidget(self.audience)
        layout.addWidget(self.note)
        self.setAccessibleName(", ".join(x for x in (contact.name, self.number, status) if x))
        self.setAccessibleDescription(tr("Trykk Enter for å åpne kontakten."))
        self.setToolTip(tooltip(contact.description))

    def set_icon(self, icon: object) -> None:
        from PySide6.QtGui import QIcon

        if isinstance(icon, QIcon):
            self.copy_button.setIcon(icon)

    def set_chosen(self, chosen: bool) -> None:
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.chosen:
            draw_chosen_frame(self)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.number)
        self.confirm.setText(tr("Kopiert"))
        self._confirm_timer.start(CONFIRM_MS)
        a11y.announce(self.confirm, tr("Kopiert"))  # a screen reader hears it too
        self.copied.emit(self.number)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.open_requested.emit(self.contact_id)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the release opens; the list behind must not take the press

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_requested.emit(self.contact_id)
            return
        super().keyPressEvent(event)
