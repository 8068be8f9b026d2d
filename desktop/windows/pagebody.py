"""Content that is built again and again in a scroll area (the start page, a checklist's
items): each time a new widget is filled and put in, and the old one is deleted whole.

Never take rows out of a layout that stays (issue 15). PySide gives a layout item a Python
wrapper, kept alive by the layout, whenever Python sees it: ``addLayout`` does so for every
item already in the added layout (one QWidgetItem per widget), and so does ``itemAt``. When
Qt then frees such an item while the layout stays (its inner layout deleted, ``removeWidget``),
PySide is not told: the layout goes on holding a wrapper that claims an address malloc hands
out again. The next object wrapped at that
address (a row of the history list) shares it with the dead item, and deleting that row
crashed in shiboken's ``releaseWrapper``. Deleting the whole content widget deletes its
layout first, which releases those wrappers before Qt frees the items.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget


def begin(area: QScrollArea) -> tuple[QWidget, QVBoxLayout]:
    """A new content widget for ``area`` with a vertical layout, to fill before ``show``.
    Its parent is the area, so Qt owns it; it stays hidden until then."""
    body = QWidget(area)
    return body, QVBoxLayout(body)


def show(area: QScrollArea, body: QWidget, keep_place: bool = True) -> None:
    """Put the filled ``body`` into ``area`` in place of the old content (at the same scroll
    position with ``keep_place``, else at the top). The old content is hidden at once and
    deleted when control returns to the event loop: it may hold the button whose click asked
    for the new content."""
    place = area.verticalScrollBar().value() if keep_place else 0
    old = area.takeWidget()
    area.setWidget(body)  # its size is known now: the layout is filled
    area.verticalScrollBar().setValue(place)
    if old is not None:
        old.hide()
        old.setParent(area)  # takeWidget left it parentless: not a window of its own meanwhile
        old.deleteLater()
