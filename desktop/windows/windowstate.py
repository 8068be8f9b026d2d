"""What the window remembers between runs: its size and place (clamped to the
screen it opens on), the side panel's width and the text size, in the user's settings. At
start they are read before the user's data is opened (``MainWindow.remembered``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from desktop.i18n import translate
from desktop.windows import screenfit
from index.errors import HandbokError

if TYPE_CHECKING:
    from desktop.windows.mainwindow import MainWindow


def save_setting(window: MainWindow, key: str, value: str) -> None:
    if window.userdata is None:
        return
    try:
        window.userdata.settings.set(key, value)
    except HandbokError as error:
        window.show_problem(error.message(translate))


def setting(window: MainWindow, key: str) -> str | None:
    if window.userdata is None:  # not opened yet, at start (index/userdata/remembered.py)
        return window.remembered.get(key)
    try:
        return window.userdata.settings.get(key)
    except HandbokError:
        return None  # a missing setting only means the default look


def restore(window: MainWindow) -> None:
    steps = setting(window, "window.text_size") or setting(window, "reader.zoom")
    if steps and steps.lstrip("-").isdigit() and int(steps):
        window.text_size.set(int(steps))
    window.text_size.changed.connect(lambda s: save_setting(window, "window.text_size", str(s)))
    geometry = setting(window, "window.geometry")
    if not geometry or not window.restoreGeometry(QByteArray.fromBase64(geometry.encode())):
        screenfit.default_geometry(window)
    screenfit.clamp(window)  # a size remembered from a bigger screen must fit this one
    width = setting(window, "window.panel_width")
    if width and width.isdigit():
        window.panel_width = max(int(width), window.panel_stack.minimumWidth())


def save(window: MainWindow) -> None:
    geometry = bytes(window.saveGeometry().toBase64().data()).decode()
    save_setting(window, "window.geometry", geometry)
    save_setting(window, "window.panel_width", str(window.panel_width))
