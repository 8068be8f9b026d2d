"""The strip of numbers that is always on screen: emergency numbers and the help lines that
answer around the clock, taken from the contact list (never typed in here)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from index.content.model import Contact

# The emergency contacts always shown first, in this order; then every help line that the
# contact list says is open around the clock.
PINNED = ("medisinsk-nodtelefon", "legevakt")
STYLE = "background-color: #8a1c1c; color: white; padding: 4px;"


def strip_contacts(contacts: list[Contact]) -> list[Contact]:
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


class EmergencyStrip(QWidget):
    """``open_requested(contact id)`` when a number is clicked."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setStyleSheet(STYLE)
        # Rich text is detected, and links answer the mouse, by default. The first use of
        # Qt's enum namespace costs 20 ms, so keyboard access is switched on in set_contacts,
        # after the window is on screen.
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Nødnumre og døgnåpne hjelpetelefoner"))
        self.label.linkActivated.connect(self.open_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label)
        # Until the contact list is loaded: the two numbers everybody must always see.
        self.label.setText(
            self.tr("Akutt: <b>113</b> Medisinsk nødtelefon · <b>116 117</b> Legevakt")
        )

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        parts = []
        for contact in strip_contacts(contacts):
            number = first_phone(contact)
            if not number:
                continue
            name = contact.name.replace(number, "").strip()
            parts.append(
                f'<a href="{contact.id}" style="color: white; text-decoration: none;">'
                f"<b>{html.escape(number)}</b> {html.escape(name)}</a>"
            )
        if parts:
            self.label.setText(self.tr("Akutt:") + " " + " · ".join(parts))
