"""Draws Handbok's icon (an open book on a deep-red square, the colour of the emergency bar)
and writes resources/icons/handbok.png and handbok.ico. Run once when the design changes."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setBrush(QColor("#8a1c1c"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    p.setBrush(QColor("white"))
    for mirror in (-1, 1):
        page = QPainterPath(QPointF(128 * s, 78 * s))
        page.cubicTo(128 * s + mirror * 30 * s, 62 * s, 128 * s + mirror * 70 * s, 62 * s,
                     128 * s + mirror * 92 * s, 70 * s)  # fmt: skip
        page.lineTo(128 * s + mirror * 92 * s, 190 * s)
        page.cubicTo(128 * s + mirror * 70 * s, 182 * s, 128 * s + mirror * 30 * s, 182 * s,
                     128 * s, 198 * s)  # fmt: skip
        page.closeSubpath()
        p.drawPath(page)
    p.setPen(QPen(QColor("#8a1c1c"), 6 * s))
    p.drawLine(QPointF(128 * s, 80 * s), QPointF(128 * s, 196 * s))
    p.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "handbok.png"))
    draw(256).save(str(OUT / "handbok.ico"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
