"""How the program looks, in one place: colours from the platform's palette, a focus ring that
is always visible, and WCAG 2.1 contrast checked for every colour of the program's own.

The platform decides light, dark or high contrast (``QStyleHints.colorScheme`` and
``QStyleHints.accessibility().contrastPreference()``) and the system font size; the program
only derives from its palette: secondary text is the text colour mixed towards the
background as far as 4.5:1 allows, a link or status colour is moved towards the text colour
until it reads at 4.5:1, and in high contrast the red bar takes the system's colours. Nothing
else in the windows names a colour. ``python tools/contrast.py`` prints the ratios.
"""

from __future__ import annotations

import sys
import weakref
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidgetItem

TEXT_MINIMUM = 4.5  # WCAG 2.1 1.4.3, normal text
FOCUS_MINIMUM = 3.0  # WCAG 2.1 1.4.11, a focus indicator against what is behind it
RING_WANTED = 4.0  # what the ring is given where the accent colour allows
RING_WIDTH = 2  # px, at 96 dpi; scaled with the screen like everything else
RING_GAP = 1  # px of background between the control and its ring
# The program's own colours, as it shows them in a light or dark scheme.
RED_BAR = "#8a1c1c"
GREEN = "#11652b"
AMBER = "#8a4b00"
YELLOW = "#ffe45c"
NOTICE = "#fff4d6"


def luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor | str, second: QColor | str) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21."""
    a, b = luminance(_colour(first)), luminance(_colour(second))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def _colour(colour: QColor | str) -> QColor:
    # Not QColor(a QColor): its overloads take a Qt.GlobalColor too, and choosing among
    # them makes the Qt namespace's 93 enums (40 ms), here before the first frame.
    return colour if isinstance(colour, QColor) else QColor.fromString(colour)


def mix(first: QColor, second: QColor, share: float) -> QColor:
    """``share`` of ``second`` in ``first``."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * share,
        first.greenF() + (second.greenF() - first.greenF()) * share,
        first.blueF() + (second.blueF() - first.blueF()) * share,
    )


def readable(colour: QColor, background: QColor, minimum: float = TEXT_MINIMUM) -> QColor:
    """``colour``, moved towards black or white (whichever is further from the background)
    just far enough to read at ``minimum`` against ``background``, with a little to spare."""
    target = QColor("black") if luminance(background) > 0.18 else QColor("white")
    for step in range(21):
        tried = mix(colour, target, step / 20)
        if contrast(tried, background) >= minimum + 0.1:
            return tried
    return target


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(QPalette.ColorRole.Window)) < 0.18


def high_contrast() -> bool:
    """The platform's contrast setting, as Qt reports it."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and newer
    if accessibility is None:
        return False
    wanted = QtCore.Qt.ContrastPreference.HighContrast
    return bool(accessibility().contrastPreference() == wanted)


def system_high_contrast() -> bool:
    """Whether Windows' high contrast is on, asked of Windows itself (what Qt reports there):
    for the first frame, which does without the Qt namespace, whose 93 enums cost 40 ms
    to make. Elsewhere False, until ``refresh`` asks Qt a moment after the first frame."""
    if sys.platform != "win32":
        return False
    import ctypes
    from ctypes import wintypes

    class HighContrast(ctypes.Structure):  # HIGHCONTRASTW
        _fields_ = [
            ("cbSize", wintypes.UINT),
            ("dwFlags", wintypes.DWORD),
            ("lpszDefaultScheme", wintypes.LPWSTR),
        ]

    spi_get_high_contrast, high_contrast_on = 0x0042, 0x0001  # SPI_GETHIGHCONTRAST, HCF_...
    info = HighContrast()
    info.cbSize = ctypes.sizeof(info)
    try:
        user32 = ctypes.windll.user32
        done = user32.SystemParametersInfoW(
            spi_get_high_contrast, info.cbSize, ctypes.byref(info), 0
        )
    except (AttributeError, OSError):  # no answer: refresh asks Qt after the first frame
        return False
    return bool(done) and bool(info.dwFlags & high_contrast_on)


@dataclass(frozen=True)
class Colours:
    """Every colour the windows use, as #rrggbb. ``on_*``: text on that background."""

    window: str
    on_window: str
    base: str  # fields, lists and the reading pane
    on_base: str
    details: str  # secondary text (dates, sources, help under a checklist item) on base
    window_details: str  # the same on the window's background
    link: str
    open: str  # "Åpen nå"
    closed: str
    warning: str  # a problem in a form, on the window's background
    notice: str  # a notice's background in the reading pane
    on_notice: str
    quote: str
    on_quote: str
    hit: str  # a search word marked in the text
    on_hit: str
    bar: str  # the red bar
    on_bar: str
    ring: str  # the focus ring on the window and on base
    ring_on_bar: str
    high_contrast: bool = False

    def pairs(self) -> list[tuple[str, str, str, float]]:
        """(what, foreground, background, minimum): every pair the program shows."""
        text = [
            ("text", self.on_base, self.base),
            ("window text", self.on_window, self.window),
            ("details", self.details, self.base),
            ("details on window", self.window_details, self.window),
            ("result group header", self.on_base, self.base),
            ("link", self.link, self.base),
            ("open now", self.open, self.base),
            ("closed", self.closed, self.base),
            ("form problem", self.warning, self.window),
            ("notice", self.on_notice, self.notice),
            ("quote", self.on_quote, self.quote),
            ("search word", self.on_hit, self.hit),
            ("red bar", self.on_bar, self.bar),
        ]
        rings = [
            ("focus ring on window", self.ring, self.window),
            ("focus ring on base", self.ring, self.base),
            ("focus ring on red bar", self.ring_on_bar, self.bar),
        ]
        return [(*p, TEXT_MINIMUM) for p in text] + [(*p, FOCUS_MINIMUM) for p in rings]


def derive(palette: QPalette, contrast_wanted: bool = False) -> Colours:
    """The program's colours for this palette (light, dark or high contrast)."""
    role = QPalette.ColorRole
    window, on_window = palette.color(role.Window), palette.color(role.WindowText)
    base, on_base = palette.color(role.Base), palette.color(role.Text)
    dark = is_dark(palette)
    if contrast_wanted:  # the system's own colours, nothing of the program's
        link = readable(palette.color(role.Link), base)
        bar, on_bar = window, on_window
        notice = quote = base
        on_notice = on_quote = on_base
        hit, on_hit = palette.color(role.Highlight), palette.color(role.HighlightedText)
        status = on_base
        details, window_details = on_base, on_window
    else:
        link = readable(palette.color(role.Link), base)
        bar, on_bar = QColor(RED_BAR), QColor("white")
        notice = mix(base, QColor(NOTICE if not dark else AMBER), 1.0 if not dark else 0.35)
        on_notice = readable(mix(on_base, QColor(AMBER), 0.6), notice)
        quote = mix(base, on_base, 0.06)
        on_quote = readable(mix(on_base, base, 0.3), quote)
        hit = QColor(YELLOW) if not dark else mix(base, QColor(YELLOW), 0.4)
        on_hit = readable(on_base, hit)
        status = QColor()
        details = readable(mix(on_base, base, 0.33), base)
        window_details = readable(mix(on_window, window, 0.33), window)
    ring = palette.color(role.Highlight)  # the system's accent colour, with room to spare
    if min(contrast(ring, window), contrast(ring, base)) < RING_WANTED:
        ring = readable(ring, window, RING_WANTED)
    if min(contrast(ring, window), contrast(ring, base)) < FOCUS_MINIMUM + 0.1:
        ring = on_window  # no shade of the accent stands out: the text colour always does
    green = status if status.isValid() else readable(QColor(GREEN), base)
    red = status if status.isValid() else readable(QColor(RED_BAR), base)
    warning = on_window if contrast_wanted else readable(QColor(RED_BAR), window)
    return Colours(
        window=window.name(),
        on_window=on_window.name(),
        base=base.name(),
        on_base=on_base.name(),
        details=details.name(),
        window_details=window_details.name(),
        link=link.name(),
        open=green.name(),
        closed=red.name(),
        warning=warning.name(),
        notice=notice.name(),
        on_notice=on_notice.name(),
        quote=quote.name(),
        on_quote=on_quote.name(),
        hit=hit.name(),
        on_hit=on_hit.name(),
        bar=bar.name(),
        on_bar=on_bar.name(),
        ring=ring.name(),
        ring_on_bar=on_bar.name(),
        high_contrast=contrast_wanted,
    )


def reader_css(colours: Colours, printed_css: str) -> str:
    """The reading pane's style sheet: the printed page's rules, in the screen's colours."""
    c = colours
    return printed_css + (
        f"body {{ color: {c.on_base}; }}\n"
        f".meta, .unknown {{ color: {c.details}; }}\n"
        f".notice {{ background-color: {c.notice}; color: {c.on_notice}; }}\n"
        f"blockquote {{ background-color: {c.quote}; color: {c.on_quote}; }}\n"
        f".hit {{ background-color: {c.hit}; color: {c.on_hit}; }}\n"
        f".open {{ color: {c.open}; }}\n"
        f".closed {{ color: {c.closed}; }}\n"
        f"a {{ color: {c.link}; }}\n"
    )


# The colour schemes the program is measured against (tools/contrast.py, the tests): Qt's
# own on Linux, Windows 11 light and dark, and Windows' high-contrast themes. Role: colour.
SCHEMES: dict[str, tuple[bool, dict[str, str]]] = {
    "Fusion light (Linux)": (False, {
        "Window": "#efefef", "WindowText": "#000000", "Base": "#ffffff", "Text": "#000000",
        "Highlight": "#308cc6", "HighlightedText": "#ffffff", "Link": "#0000ff",
        "Button": "#efefef", "ButtonText": "#000000",
    }),
    "Fusion dark (Linux)": (False, {
        "Window": "#353535", "WindowText": "#ffffff", "Base": "#2a2a2a", "Text": "#ffffff",
        "Highlight": "#2a82da", "HighlightedText": "#ffffff", "Link": "#2a82da",
        "Button": "#353535", "ButtonText": "#ffffff",
    }),
    "Windows 11 light": (False, {
        "Window": "#f3f3f3", "WindowText": "#1b1b1b", "Base": "#ffffff", "Text": "#1b1b1b",
        "Highlight": "#005fb8", "HighlightedText": "#ffffff", "Link": "#005fb8",
        "Button": "#fbfbfb", "ButtonText": "#1b1b1b",
    }),
    "Windows 11 dark": (False, {
        "Window": "#202020", "WindowText": "#ffffff", "Base": "#2b2b2b", "Text": "#ffffff",
        "Highlight": "#60cdff", "HighlightedText": "#000000", "Link": "#60cdff",
        "Button": "#2d2d2d", "ButtonText": "#ffffff",
    }),
    "Windows high contrast Aquatic": (True, {
        "Window": "#202020", "WindowText": "#ffffff", "Base": "#202020", "Text": "#ffffff",
        "Highlight": "#8ee3f0", "HighlightedText": "#263b50", "Link": "#75e9fc",
        "Button": "#202020", "ButtonText": "#ffffff",
    }),
    "Windows high contrast Desert": (True, {
        "Window": "#fffaef", "WindowText": "#3d3d3d", "Base": "#fffaef", "Text": "#3d3d3d",
        "Highlight": "#903909", "HighlightedText": "#fff5e3", "Link": "#1c5e75",
        "Button": "#fffaef", "ButtonText": "#3d3d3d",
    }),
    "Windows high contrast Night sky": (True, {
        "Window": "#000000", "WindowText": "#ffffff", "Base": "#000000", "Text": "#ffffff",
        "Highlight": "#d6b4fd", "HighlightedText": "#2b2b2b", "Link": "#8080ff",
        "Button": "#000000", "ButtonText": "#ffffff",
    }),
}  # fmt: skip


def scheme_palette(name: str) -> QPalette:
    palette = QPalette()
    for role, colour in SCHEMES[name][1].items():
        palette.setColor(QPalette.ColorRole[role], QColor(colour))
    return palette


# --- the running program -------------------------------------------------------------------


class _Theme(QObject):
    """Follows the platform: a changed palette, colour scheme or contrast setting derives the
    colours again, re-colours the widgets marked with ``mark`` and emits ``changed``."""

    changed = Signal()
    font_changed = Signal()  # the system's (or the application's) font size changed

    def __init__(self) -> None:
        super().__init__()
        # Windows' own answer now, Qt's with the first ``refresh`` (MainWindow calls it right
        # after the first frame): asking Qt makes the Qt namespace's enums, 40 ms.
        self.colours = derive(QGuiApplication.palette(), system_high_contrast())
        self.marked: weakref.WeakKeyDictionary[QWidget, str] = weakref.WeakKeyDictionary()

    def refresh(self) -> None:
        colours = derive(QGuiApplication.palette(), high_contrast())
        if colours == self.colours:
            return
        self.colours = colours
        for widget, field in list(self.marked.items()):
            if shiboken6.isValid(widget):
                _paint_text(widget, getattr(colours, field))
            else:  # deleted by Qt while Python still holds its wrapper
                del self.marked[widget]
        self.changed.emit()


_theme: list[_Theme] = []


def theme() -> _Theme:
    if not _theme:
        _theme.append(_Theme())
    return _theme[0]


def current() -> Colours:
    return theme().colours


def mark(widget: QWidget, field: str) -> None:
    """Colour a widget's text with one of the Colours fields (``details``, ``warning`` ...),
    now and whenever the scheme changes."""
    if field not in {f.name for f in fields(Colours)}:
        raise ValueError(field)
    theme().marked[widget] = field
    _paint_text(widget, getattr(current(), field))


def plain_row(item: QListWidgetItem) -> None:
    """A list row to read, not to pick (a group heading, "Ingen bokmerker ennå"): Qt greys a
    disabled row to about 2:1 against the list, so it keeps the full text colour."""
    item.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
    item.setForeground(QColor(current().on_base))


def _paint_text(widget: QWidget, colour: str) -> None:
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


def install(app: QApplication) -> None:
    """The colours, for the whole application, following the platform. Call before the first
    window is shown (again is harmless: tests start many windows). The focus ring is
    desktop/windows/focusring.py's, installed after it."""
    if app.property("handbok_colours") is not None:
        return
    watcher = theme()
    # Signals, not an event filter on the application: a Python filter there sees every
    # event of every object, and the first event of an object of a class PySide6 has not
    # made yet (a private one, such as the window's QWidgetWindow) makes PySide6 create all
    # its classes and their enums at once, 25 ms before the first frame.
    app.paletteChanged.connect(lambda _palette: watcher.refresh())
    app.fontChanged.connect(lambda _font: watcher.font_changed.emit())
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: watcher.refresh())
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        accessibility().contrastPreferenceChanged.connect(lambda _pref: watcher.refresh())
    app.setProperty("handbok_colours", True)


# A widget (the red bar) that wants its own focus ring colour sets it (focusring.py draws it).
RING_PROPERTY = "focusRing"
