"""The user's text size, for the whole window: lists, checklists, dialogs and the reading pane
alike. It is kept as steps on top of the system's font size (Windows' text size setting), so
a change of the system's size, at start or while the program runs, still counts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

STEP_MIN, STEP_MAX = -3, 12
POINTS_PER_STEP = 1.0
SMALLEST = 7.0
# Process-wide, as the application's font is: the system's size, and the size this module
# last gave the application (a font change to anything else is the system's).
_sizes: dict[str, float] = {}


class TextSize(QObject):
    """``changed(steps)`` after every change the user makes."""

    changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        now = QApplication.font().pointSizeF()
        if _sizes.get("applied") != now:
            _sizes["system"] = now
        self.steps = 0
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._application_font_changed)

    @property
    def system(self) -> float:
        return _sizes["system"]

    def points(self) -> float:
        return max(SMALLEST, self.system + self.steps * POINTS_PER_STEP)

    def set(self, steps: int) -> None:
        self.steps = max(STEP_MIN, min(STEP_MAX, steps))
        self._apply()
        self.changed.emit(self.steps)

    def _apply(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(self.points())
        _sizes["applied"] = font.pointSizeF()
        QApplication.setFont(font)

    def _application_font_changed(self, font: QFont) -> None:
        if font.pointSizeF() == _sizes.get("applied"):
            return  # our own change
        _sizes["system"] = font.pointSizeF()  # the system's size changed: keep the steps on top
        if self.steps:
            self._apply()

    def bigger(self) -> None:
        self.set(self.steps + 1)

    def smaller(self) -> None:
        self.set(self.steps - 1)

    def reset(self) -> None:
        self.set(0)
