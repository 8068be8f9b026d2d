"""Every window inside the screen it opens on: the main window's remembered or default size,
and each dialog as it is shown, clamped to the screen's available area (the part the taskbar
leaves), frame included. A 1280x720 laptop screen is the smallest the program is made for.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The window manager's frame before it has drawn one (title bar and borders), as measured on
# Windows 11 and openbox; once the window is shown its real frame is used.
FRAME = QSize(16, 39)
DEFAULT = QSize(1280, 860)  # the main window on a screen that has room for it


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() if widget.screen() is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def frame_extra(widget: QWidget) -> QSize:
    frame, inner = widget.frameGeometry(), widget.geometry()
    if widget.isVisible() and frame.size() != inner.size():
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return FRAME


def largest_size(widget: QWidget, area: QRect | None = None) -> QSize:
    """The biggest inner size whose frame fits ``area`` (default: the widget's screen)."""
    area = area or available_area(widget)
    extra = frame_extra(widget)
    return QSize(area.width() - extra.width(), area.height() - extra.height())


def clamp(widget: QWidget, area: QRect | None = None) -> None:
    """Shrink ``widget`` to fit ``area`` and move it inside, frame and all."""
    area = area or available_area(widget)
    most = largest_size(widget, area)
    size = widget.size().boundedTo(most).expandedTo(widget.minimumSize().boundedTo(most))
    if size != widget.size():
        widget.resize(size)
    extra = frame_extra(widget)
    outer_w, outer_h = size.width() + extra.width(), size.height() + extra.height()
    x = min(max(widget.x(), area.left()), area.left() + area.width() - outer_w)
    y = min(max(widget.y(), area.top()), area.top() + area.height() - outer_h)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(x, y)


def default_geometry(widget: QWidget) -> None:
    """A first start: DEFAULT, or all of a smaller screen, centred."""
    area = available_area(widget)
    size = DEFAULT.boundedTo(largest_size(widget, area))
    widget.resize(size)
    extra = frame_extra(widget)
    widget.move(
        area.left() + (area.width() - size.width() - extra.width()) // 2,
        area.top() + (area.height() - size.height() - extra.height()) // 2,
    )
