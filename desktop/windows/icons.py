"""The program's icons: one kept set, Font Awesome Free 6 (solid and regular), drawn by
qtawesome from the icon fonts it bundles.

Licence: Font Awesome Free 6.7.2 by Fonticons, Inc. The icons are CC BY 4.0, the fonts SIL
OFL 1.1 (https://fontawesome.com/license/free); qtawesome is MIT. "Om Handbok" (F1) says so.
Only these two fonts of qtawesome's set are loaded, and only they are frozen into the program
(build/handbok.spec).

Importing qtawesome imports QtPy, which star-imports PySide6's modules: about a tenth of a
second. So nothing here is imported before the first window is on screen (docs/architecture.md); the
window asks for its icons once it is showing (``MainWindow.build_panels``).
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from PySide6.QtGui import QGuiApplication, QIcon

LICENCE = (
    "Font Awesome Free 6.7.2 (Fonticons, Inc.): ikoner CC BY 4.0, skrifter SIL OFL 1.1. "
    "qtawesome (MIT)."
)
VERSION = "6.7.2"
FONTS = tuple(
    (
        prefix,
        f"fontawesome6-{style}-webfont-{VERSION}.ttf",
        f"fontawesome6-{style}-webfont-charmap-{VERSION}.json",
    )
    for prefix, style in (("fa6s", "solid"), ("fa6r", "regular"))
)

# What each part of the window shows, by the icon set's own names.
NAMES = {
    "start": "fa6s.house",
    "guide": "fa6s.book-open",
    "contacts": "fa6s.address-book",
    "checklists": "fa6s.list-check",
    "bookmarks": "fa6s.bookmark",
    "history": "fa6s.clock-rotate-left",
    "back": "fa6s.arrow-left",
    "forward": "fa6s.arrow-right",
    "bookmark-off": "fa6r.star",
    "bookmark-on": "fa6s.star",
    "print": "fa6s.print",
    "handout": "fa6s.pen-to-square",
    "menu": "fa6s.bars",
    "copy": "fa6r.copy",
    "phone": "fa6s.phone",
    "help": "fa6r.circle-question",
    "quit": "fa6s.right-from-bracket",
    "new": "fa6s.plus",
    "edit": "fa6s.pen",
    "delete": "fa6r.trash-can",
    "import": "fa6s.file-import",
    "export": "fa6s.file-export",
    "bigger": "fa6s.plus",
    "smaller": "fa6s.minus",
}


@cache
def _font() -> Any:
    # QtPy picks the first binding it finds; say which one, so it never probes another.
    os.environ.setdefault("QT_API", "pyside6")
    from qtawesome.iconic_font import IconicFont

    return IconicFont(*FONTS)


def icon(role: str) -> QIcon:
    """The icon for a part of the window (a key of NAMES), in the palette's text colour so
    it follows light, dark and high-contrast schemes."""
    palette = QGuiApplication.palette()
    text = palette.windowText().color().name()
    disabled = palette.color(palette.ColorGroup.Disabled, palette.ColorRole.WindowText).name()
    result: QIcon = _font().icon(NAMES[role], color=text, color_disabled=disabled)
    return result
