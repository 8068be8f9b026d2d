"""The red bar that is always on screen: emergency numbers and the help lines that answer
around the clock, taken from the contact list (never typed in here).

Each number is a button of its own, so a screen reader reads it ("113 Medisinsk nødtelefon")
and can press it, which opens the contact. For the keyboard the bar is one Tab stop: the arrow
keys (and Home, End) move between the numbers, Enter or Space opens one, and Tab leaves the
bar, coming back to the number last visited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QPoint, QRect, QSize, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QLayout, QLayoutItem, QWidget

from desktop.i18n import tr
from desktop.safetext import tooltip
from desktop.windows import theme
from index.content.kinds import is_local_id

if TYPE_CHECKING:  # not needed before the first frame: the model (its dataclasses, the
    # hours parser), nor the classes of the events the bar handles
    from PySide6.QtGui import QKeyEvent, QPaintEvent

    from index.content.model import Contact

# The emergency contacts always shown first, in this order; then every national help line that
# the contact list says is open around the clock. Never a local contact: its number is the
# municipality's or a user's, not one the national content verified.
PINNED = ("medisinsk-nodtelefon", "legevakt")
GAP = 14  # px between two numbers


def strip_contacts(contacts: list[Contact]) -> list[Contact]:
    contacts = [c for c in contacts if not is_local_id(c.id)]
    by_id = {c.id: c for c in contacts}
    chosen = [by_id[i] for i in PINNED if i in by_id]
    for contact in contacts:
        always = contact.hours is not None and contact.hours.always
        phone_always = any(
            ch.type == "telefon" and (h := contact.channel_hours(ch)) is not None and h.always
            for ch in contact.channels
        )
        if contact.category == "hjelpetelefon" and (always or phone_always):
            chosen.append(contact)
    return chosen


def first_phone(contact: Contact) -> str:
    return next((c.value for c in contact.channels if c.type == "telefon"), "")


class NumberButton(QAbstractButton):
    """One number on the bar: the number in bold, then whose it is."""

    def __init__(self, contact_id: str, number: str, name: str, parent: EmergencyStrip) -> None:
        super().__init__(parent)
        self.strip = parent
        self.contact_id, self.number, self.name = contact_id, number, name
        self.setForegroundRole(QPalette.ColorRole.ButtonText)  # what paintEvent draws in
        self.setAccessibleName(f"{number} {name}")
        self.setAccessibleDescription(tr("Døgnåpen. Enter viser kontakten."))
        self.setToolTip(
            tooltip(tr("{number} {name}: vis kontakten").format(number=number, name=name))
        )
        self.clicked.connect(lambda: parent.open_requested.emit(self.contact_id))

    def _fonts(self) -> tuple[QFont, QFont]:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold, self.font()

    def sizeHint(self) -> QSize:
        bold, normal = self._fonts()
        width = QFontMetrics(bold).horizontalAdvance(self.number + " ")
        width += QFontMetrics(normal).horizontalAdvance(self.name)
        return QSize(width + 4, QFontMetrics(bold).height() + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter  # after the first frame is laid out

        # The painter starts with the button's foreground colour (ButtonText, the bar's
        # text colour) and font. The red bar is in the first frame, so this paints without
        # naming the Qt namespace's enums (40 ms to make): no setPen, whose overloads take a
        # Qt.PenStyle, and text at a baseline rather than with an alignment flag.
        painter = QPainter(self)
        bold, normal = self._fonts()
        area = self.rect().adjusted(2, 0, 0, 0)
        painter.setFont(bold)
        painter.drawText(self._baseline(area.left(), bold), self.number + " ")
        x = area.left() + QFontMetrics(bold).horizontalAdvance(self.number + " ")
        normal.setUnderline(self.underMouse())
        painter.setFont(normal)
        painter.drawText(self._baseline(x, normal), self.name)
        painter.end()

    def _baseline(self, x: int, font: QFont) -> QPoint:
        """Where text in ``font`` starts at ``x`` to sit centred in the button's height."""
        metrics = QFontMetrics(font)
        return QPoint(x, (self.height() - metrics.height()) // 2 + metrics.ascent())

    def enterEvent(self, event: object) -> None:
        if not self.testAttribute(QtCore.Qt.WidgetAttribute.WA_SetCursor):
            # The hand is set when the pointer first comes, not in the first frame.
            self.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
        self.update()

    def leaveEvent(self, event: object) -> None:
        self.update()

    def focusInEvent(self, event: object) -> None:
        self.strip.visit(self)
        super().focusInEvent(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, keys = event.key(), QtCore.Qt.Key
        moves = {keys.Key_Left: -1, keys.Key_Up: -1, keys.Key_Right: +1, keys.Key_Down: +1}
        if key in moves:
            self.strip.step(moves[keys(key)])
        elif key == keys.Key_Home:
            self.strip.go(0)
        elif key == keys.Key_End:
            self.strip.go(len(self.strip.buttons) - 1)
        elif key in (keys.Key_Return, keys.Key_Enter):
            self.click()
        else:
            super().keyPressEvent(event)


class EmergencyStrip(QFrame):
    """``open_requested(contact id)`` when a number is clicked or pressed."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergency")
        self.setAccessibleName(tr("Nødnumre og døgnåpne hjelpetelefoner"))
        self.setAccessibleDescription(
            tr("Piltastene flytter mellom numrene, Enter viser kontakten.")
        )
        self.setAutoFillBackground(True)
        self.buttons: list[NumberButton] = []
        self.current = 0
        self.heading = QLabel(tr("Akutt:"), self)
        self.heading.setAccessibleName(tr("Akutt"))
        self.flow = _Flow(self)
        # room above and below for the focus ring, which is drawn around a number, on the red
        ring = theme.RING_WIDTH + theme.RING_GAP + 1
        self.flow.setContentsMargins(8, ring, 8, ring)
        self.flow.addWidget(self.heading)
        self.recolour()
        theme.theme().changed.connect(self.recolour)
        # Until the contact list is loaded: the two numbers everybody must always see.
        # Their one Tab stop follows the first frame (``finish_first_frame``): a focus
        # policy is one of the Qt namespace's enums, 40 ms to make.
        self._show(
            [
                ("medisinsk-nodtelefon", "113", tr("Medisinsk nødtelefon")),
                ("legevakt", "116 117", tr("Legevakt")),
            ],
            tab_stop=False,
        )

    def finish_first_frame(self) -> None:
        """One Tab stop for the numbers, the arrows inside (idempotent)."""
        self.go(self.current, focus=False)

    def recolour(self) -> None:
        colours = theme.current()
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colours.bar))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
            palette.setColor(role, QColor(colours.on_bar))
        self.setPalette(palette)
        self.setProperty(theme.RING_PROPERTY, colours.ring_on_bar)
        # In high contrast the bar has the system's colours: a line keeps it apart.
        self.setFrameShape(QFrame.Shape.Box if colours.high_contrast else QFrame.Shape.NoFrame)

    def set_contacts(self, contacts: list[Contact]) -> None:
        shown = []
        for contact in strip_contacts(contacts):
            number = first_phone(contact)
            if number:
                shown.append((contact.id, number, contact.name.replace(number, "").strip()))
        if shown:
            self._show(shown)

    def _show(self, entries: list[tuple[str, str, str]], tab_stop: bool = True) -> None:
        visited = self.buttons[self.current].contact_id if self.buttons else None
        had_focus = any(b.hasFocus() for b in self.buttons)
        for button in self.buttons:
            self.flow.removeWidget(button)
            button.hide()  # gone for screen readers and Tab now, not at the next event loop
            button.deleteLater()
        self.buttons = [NumberButton(i, number, name, self) for i, number, name in entries]
        for button in self.buttons:
            self.flow.addWidget(button)
            button.show()
        ids = [b.contact_id for b in self.buttons]
        self.current = ids.index(visited) if visited in ids else 0
        if tab_stop:
            self.go(self.current, focus=had_focus)

    def numbers(self) -> list[str]:
        """What the bar says, number and name, in order."""
        return [b.accessibleName() for b in self.buttons]

    # --- one Tab stop, arrows inside ---------------------------------------------------

    def go(self, index: int, focus: bool = True) -> None:
        if not self.buttons:
            return
        self.current = max(0, min(index, len(self.buttons) - 1))
        policy = QtCore.Qt.FocusPolicy
        for i, button in enumerate(self.buttons):
            button.setFocusPolicy(policy.StrongFocus if i == self.current else policy.ClickFocus)
        if focus:
            self.buttons[self.current].setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def step(self, delta: int) -> None:
        self.go((self.current + delta) % len(self.buttons))

    def visit(self, button: NumberButton) -> None:
        """A number got the focus (by Tab, arrow or click): it is where Tab comes back to."""
        if button in self.buttons and self.buttons.index(button) != self.current:
            self.go(self.buttons.index(button), focus=False)


class _Flow(QLayout):
    """Lays the numbers out left to right and wraps onto a second line when the window is
    narrow, so no number is ever cut off or hidden behind an arrow."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:
        self.items.append(item)

    def count(self) -> int:
        return len(self.items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self.items.pop(index) if 0 <= index < len(self.items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self.items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self.items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line, 0
            if move:
                # centred on the line, so the label and the numbers share a baseline
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + GAP
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
