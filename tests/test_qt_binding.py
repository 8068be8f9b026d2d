"""Guards against a known defect of the Qt binding, which would crash a long session.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a void method; a
nurse's day of clicking would end in "Fatal Python error: none_dealloc". This test fails on
such a binding, so an upgrade cannot bring it back unnoticed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QListWidgetItem
from pytestqt.qtbot import QtBot


def test_void_methods_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    item = QListWidgetItem("x")
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    calls = (
        lambda: label.setText("a"),
        lambda: item.setSizeHint(QSize(1, 1)),
        lambda: item.setData(Qt.ItemDataRole.UserRole, "a"),
        lambda: image.setPixel(1, 1, 0),
    )
    before = sys.getrefcount(None)
    for call in calls:
        for _ in range(200):
            call()
    assert sys.getrefcount(None) - before > -100
