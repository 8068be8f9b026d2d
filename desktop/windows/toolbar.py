"""The window's actions: the tool bar (back, forward, search, bookmark, print, "Skriv til
pasienten", the menu), the shortcuts that have no button, and the menu, which always opens
inside the window. One list of shortcuts feeds both the actions and F1's help."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QToolBar, QToolButton

from desktop.i18n import tr
from desktop.windows.sidepanel import section_names

MainWindow = Any  # the window builds this object: typed loosely, so neither imports the other


class WindowActions:
    """Builds the actions on ``window`` and keeps them by name."""

    def __init__(self, window: MainWindow, search_field: QLineEdit) -> None:
        self.window = window
        self.shortcuts: list[tuple[str, str]] = []  # (keys, what they do), for F1
        w = window
        self.back = self._action(tr("Tilbake"), ("Alt+Left",), w.go_back)
        self.forward = self._action(tr("Fram"), ("Alt+Right",), w.go_forward)
        self.bookmark = self._action(tr("Bokmerke"), ("Ctrl+D",), w.toggle_bookmark)
        self.bookmark.setToolTip(tr("Legg til eller fjern bokmerke (Ctrl+D)"))
        self.print = self._action(tr("Skriv ut"), ("Ctrl+P",), w.print_current)
        self.handout = self._action(tr("Skriv til pasienten …"), ("Ctrl+Shift+P",), w.open_composer)
        self._action(tr("Søk"), ("Ctrl+K", "Ctrl+L"), w.focus_search)
        for number, name in enumerate(section_names()):
            self._action(
                tr("Gå til {section}").format(section=name),
                (f"Alt+{number + 1}",),
                partial(w.show_section, number, focus_panel=True),
            )
        self._action(tr("Neste område"), ("F6",), partial(w.next_region, +1))
        self._action(tr("Forrige område"), ("Shift+F6",), partial(w.next_region, -1))
        self._action(tr("Finn på siden"), ("Ctrl+F",), w.find_in_page)
        self._action(tr("Finn neste"), ("F3",), w.find_next)
        self.bigger = self._action(tr("Større tekst"), ("Ctrl++", "Ctrl+="), w.text_size.bigger)
        self.smaller = self._action(tr("Mindre tekst"), ("Ctrl+-",), w.text_size.smaller)
        self.normal = self._action(tr("Vanlig tekststørrelse"), ("Ctrl+0",), w.text_size.reset)
        self.help = self._action(tr("Hjelp og hurtigtaster"), ("F1",), w.show_help)
        self.quit = self._action(tr("Avslutt"), ("Ctrl+Q",), w.close)
        self.update = QAction(tr("Oppdater innhold fra fil …"), w)
        self.update.triggered.connect(w.update_content)
        self.about_content = QAction(tr("Om innholdet …"), w)
        self.about_content.triggered.connect(w.about_content)
        self.about = QAction(tr("Om Handbok"), w)
        self.about.triggered.connect(lambda: w.show_help(about=True))

        self.toolbar = QToolBar(tr("Verktøylinje"), w)
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        for action in (self.back, self.forward):
            self.toolbar.addAction(action)
        self.toolbar.addWidget(search_field)
        for action in (self.bookmark, self.print, self.handout):
            self.toolbar.addAction(action)
        self.menu = QMenu(w)
        for action in (self.bigger, self.smaller, self.normal):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in (self.update, self.about_content):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in (self.help, self.about, self.quit):
            self.menu.addAction(action)
        self.menu_button = QToolButton(self.toolbar)
        self.menu_button.setText(tr("Meny"))
        self.menu_button.setAccessibleName(tr("Meny"))
        self.menu_button.setToolTip(tr("Tekststørrelse, hjelp, innhold og avslutt"))
        self.menu_button.clicked.connect(self.open_menu)
        self.toolbar.addWidget(self.menu_button)

    def _action(self, text: str, keys: tuple[str, ...], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        if len(keys) == 1:
            action.setToolTip(f"{text} ({keys[0]})")
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        shown = " / ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys
        )
        self.shortcuts.append((shown, text))
        return action

    def open_menu(self) -> None:
        """Below the button, its right edge on the button's, never past the window."""
        button = self.menu_button
        size = self.menu.sizeHint()
        window = self.window
        corner = button.mapTo(window, QPoint(button.width(), button.height()))
        x = max(0, min(corner.x() - size.width(), window.width() - size.width()))
        y = max(0, min(corner.y(), window.height() - size.height()))
        self.menu.popup(window.mapToGlobal(QPoint(x, y)))

    def set_icons(self, icon: Callable[[str], object]) -> None:
        for action, role in (
            (self.back, "back"),
            (self.forward, "forward"),
            (self.print, "print"),
            (self.handout, "handout"),
            (self.help, "help"),
            (self.quit, "quit"),
            (self.bigger, "bigger"),
            (self.smaller, "smaller"),
        ):
            action.setIcon(icon(role))  # type: ignore[arg-type]
        self.menu_button.setIcon(icon("menu"))  # type: ignore[arg-type]
        self.toolbar.setToolButtonStyle(self.toolbar.toolButtonStyle().ToolButtonTextBesideIcon)
        self.icon = icon

    def show_bookmarked(self, marked: bool) -> None:
        self.bookmark.setText(tr("Bokmerket") if marked else tr("Bokmerke"))
        icon = getattr(self, "icon", None)
        if icon is not None:
            self.bookmark.setIcon(icon("bookmark-on" if marked else "bookmark-off"))
