"""Small helpers for screen readers and the keyboard, shared by the windows.

``announce`` has a screen reader say a sentence that appeared somewhere it would not look (the
status line, "Ikke funnet"); ``SpokenLabel`` does it for every text it is given; the search
field's clear button gets a name; ``first_stop`` finds where Tab would land inside an area.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QSplitter, QToolButton, QWidget

from desktop.safetext import PlainLabel

CLEAR_ACTION = "_q_qlineeditclearaction"  # Qt's name for a line edit's clear button action


def announce(widget: QWidget, sentence: str) -> None:
    """Have a screen reader read ``sentence`` now (AT-SPI and UI Automation, Qt 6.8+). Not
    from a widget that is not on screen yet (the status line as the first frame is built):
    nothing reads it there, and QAccessible's classes cost 2 ms to make."""
    if not sentence or not widget.isVisible():
        return
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, sentence))


class SpokenLabel(PlainLabel):
    """A label whose every new text is also read out: for the status line, which quotes
    files, so it shows its text as it is (PlainLabel), never as markup."""

    def setText(self, text: str) -> None:  # type: ignore[override]
        changed = text != self.text()
        super().setText(text)
        if changed:
            announce(self, text)


def name_clear_button(field: QLineEdit, name: str) -> None:
    """The little ✕ in a line edit has no name of its own; give it one."""
    for action in field.findChildren(QAction):
        if action.objectName() == CLEAR_ACTION:
            action.setText(name)
            action.setToolTip(name)
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)


def name_splitter(splitter: QSplitter, name: str, handle_name: str) -> None:
    """A split view and its dividers, which Qt leaves without names."""
    splitter.setAccessibleName(name)
    for index in range(1, splitter.count()):
        splitter.handle(index).setAccessibleName(handle_name)


def tab_stops(window: QWidget, regions: list[QWidget]) -> list[QWidget]:
    """Every control Tab stops on in ``window``, area by area in the order of ``regions``
    and, within an area, in Qt's own order (widgets outside every area come last)."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    for _ in range(20000):
        if widget is None or widget is window:
            break
        if _stops(widget) and widget.window() is window:
            chain.append(widget)
        widget = widget.nextInFocusChain()

    def area(w: QWidget) -> int:
        return next((i for i, r in enumerate(regions) if r is w or r.isAncestorOf(w)), len(regions))

    return sorted(chain, key=area)  # stable: Qt's order within an area


def _stops(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None  # its proxy is the stop
        and bool(widget.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus)
    )


def first_stop(area: QWidget) -> QWidget | None:
    """The first control inside ``area`` that Tab would stop on, in the window's tab order."""
    tabbable = [w for w in [area, *area.findChildren(QWidget)] if _stops(w)]
    if not tabbable:
        return None
    if area in tabbable:
        return area
    start = area.window()
    widget: QWidget | None = start.nextInFocusChain()
    for _ in range(5000):
        if widget is None or widget is start:
            break
        if widget in tabbable:
            return widget
        widget = widget.nextInFocusChain()
    return tabbable[0]
