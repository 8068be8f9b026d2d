"""The focus ring: one solid ring, RING_WIDTH wide, around whatever has the keyboard focus, in
every window, in a colour that stands out at 3:1 from what is behind it (WCAG 2.1 1.4.11),
whatever the platform style draws by itself; its colours are theme.py's."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from desktop.windows.theme import RING_GAP, RING_PROPERTY, RING_WIDTH, current


def install(app: QApplication) -> None:
    """The ring, for the whole application (again is harmless: tests start many windows).
    The program installs it just after its first frame: the style classes it needs cost
    PySide6 7 ms to make, and nothing has the keyboard focus before the window is shown."""
    if app.property("handbok_focus_ring") is not None:
        return
    style = FocusStyle(app.style().name())
    app.setStyle(style)
    ring = FocusRing(app)
    app.setProperty("handbok_focus_ring", ring)  # kept alive with the application
    focus = app.focusWidget()
    if focus is not None:  # focused before the ring was there (the search field, at start)
        ring.moved(None, focus)


class FocusStyle(QProxyStyle):
    """The platform's style, with one change: the focus frame is a solid ring, RING_WIDTH
    wide, in a colour that stands out at 3:1 from what is behind it."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (
            QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PixelMetric.PM_FocusFrameVMargin,
        ):
            return RING_WIDTH + RING_GAP
        return super().pixelMetric(metric, option, widget)

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: object = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1  # on top of everything in the window: nothing opaque can hide it
        return super().styleHint(hint, option, widget, returnData)  # type: ignore[arg-type]

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_FocusFrame:
            target = widget.widget() if isinstance(widget, QFocusFrame) else None
            draw_ring(painter, QRectF(option.rect), ring_colour(target))
            return
        super().drawControl(element, option, painter, widget)


def ring_colour(target: QWidget | None) -> QColor:
    """The ring's colour for a control: its own (or an ancestor's) RING_PROPERTY if set."""
    widget = target
    while widget is not None:
        own = widget.property(RING_PROPERTY)
        if own:
            return QColor(str(own))
        widget = widget.parentWidget()
    return QColor(current().ring)


def draw_ring(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(colour, RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH / 2
    painter.drawRect(rect.adjusted(half, half, -half, -half))
    painter.restore()


class FocusRing(QObject):
    """One QFocusFrame that follows the keyboard focus through every window, so focus is
    seen on every control, whatever the platform style draws (or does not) by itself."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.frame: QFocusFrame | None = None
        app.focusChanged.connect(self.moved)

    def moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        wanted = new is not None and not isinstance(new.window(), QMenu)
        if self.frame is not None:
            try:
                self.frame.setWidget(None)  # type: ignore[arg-type]
            except RuntimeError:  # its window was closed and took the frame with it
                self.frame = None
        if not wanted or new is None:
            return
        if self.frame is None:
            self.frame = QFocusFrame()
            self.frame.destroyed.connect(self._lost)
        self.frame.setWidget(new)

    def _lost(self) -> None:
        self.frame = None
