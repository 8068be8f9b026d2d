"""The window's areas in reading order (toolbar, red bar, sections, side panel, content):
what Tab walks area by area and F6 / Shift+F6 jump between."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtWidgets import QApplication, QWidget

from desktop.windows import a11y

if TYPE_CHECKING:
    from desktop.windows.mainwindow import MainWindow


def regions(window: MainWindow) -> list[QWidget]:
    """The window's areas in reading order: toolbar, red bar, sections, side panel,
    content."""
    side = [window.panel_stack] if window.panel_stack.isVisible() else []
    return [window.toolbar, window.emergency, window.sections, *side, window.pages]


def next_region(window: MainWindow, step: int) -> None:
    areas = [window.search_field, *regions(window)[1:]]
    focus = QApplication.focusWidget()
    here = next(
        (
            i
            for i, r in enumerate(areas)
            if focus is not None and (focus is r or r.isAncestorOf(focus))
        ),
        -1,
    )
    for k in range(1, len(areas) + 1):
        if focus_region(areas[(here + step * k) % len(areas)]):
            return


def focus_region(region: QWidget | None) -> bool:
    stop = a11y.first_stop(region) if region is not None else None
    if stop is None:
        return False
    stop.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    return True


def tab(window: MainWindow, next: bool) -> bool:
    """Tab follows reading order, area by area, however late a panel's widgets were
    made (Qt's own order is the order widgets were created in). False: not ours to move."""
    stops = a11y.tab_stops(window, regions(window))
    focus = QApplication.focusWidget()
    if focus not in stops:
        return False
    target = stops[(stops.index(focus) + (1 if next else -1)) % len(stops)]
    reasons = QtCore.Qt.FocusReason
    reason = reasons.TabFocusReason if next else reasons.BacktabFocusReason
    target.setFocus(reason)
    return True
