"""The user's text size, for the whole window: lists, checklists, dialogs and the reading pane
alike. It starts from the system's font size (Windows' text size setting) and is remembered
as steps from it, so a later change of the system's size still counts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

STEP_MIN, STEP_MAX = -3, 12
POINTS_PER_STEP = 1.0
SMALLEST = 7.0
_system: list[float] = []  # the size the program found at start, before any change of ours


class TextSize(QObject):
    """``changed(steps)`` after every change."""

    changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not _system:
            _system.append(QApplication.font().pointSizeF())
        self.system = _system[0]
        self.steps = 0

    def points(self) -> float:
        return max(SMALLEST, self.system + self.steps * POINTS_PER_STEP)

    def set(self, steps: int) -> None:
        self.steps = max(STEP_MIN, min(STEP_MAX, steps))
        font = QFont(QApplication.font())
        font.setPointSizeF(self.points())
        QApplication.setFont(font)
        self.changed.emit(self.steps)

    def bigger(self) -> None:
        self.set(self.steps + 1)

    def smaller(self) -> None:
        self.set(self.steps - 1)

    def reset(self) -> None:
        self.set(0)
