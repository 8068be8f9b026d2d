"""The window as assistive technology reads it, and the Qt strings it shows.

Screen readers meet a Qt program through QAccessible: AT-SPI on Linux and UI Automation on
Windows are both bridges over the same tree, so walking it here finds what a screen reader
would announce. ``Recorder`` lists every string Qt itself looked up, so a test can tell that
each one has a bokmål translation in resources/i18n/qtbase_nb.ts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from index.resources import resource_path

R = QAccessible.Role
# The roles a user acts on: each must have a name (the roles a11y_walk.py checks over AT-SPI,
# and the split panes, which a screen reader announces while the user moves between them).
INTERACTIVE = {
    R.Button, R.PushButton, R.CheckBox, R.RadioButton, R.EditableText, R.PageTab, R.ComboBox,
    R.Link, R.MenuItem, R.SpinBox, R.Slider, R.List, R.Tree, R.Table, R.ButtonMenu,
    R.ButtonDropDown, R.Splitter, R.ListItem, R.TreeItem, R.ColumnHeader,
}  # fmt: skip
# Qt's English words as a screen reader would speak them (the list a11y_walk.py uses, and more).
ENGLISH = re.compile(
    r"^(OK|Cancel|Save|Close|Open|Apply|Yes|No|Print|Print Preview|Scroll Left|Scroll Right|"
    r"Look in:?|File name:?|Help|Discard|Reset|Restore Defaults|Back|Forward|Copy|Paste|Cut|"
    r"Undo|Redo|Delete|Select All|Page Setup|Zoom in|Zoom out|Next page|Previous page|"
    r"First page|Last page|Portrait|Landscape|Name|Size|Date Modified|Options|Printer|"
    r"Properties|Detail View|List View|Parent Directory|New Folder|Sidebar|Files of type:?|"
    r"Press|Toggle|SetFocus|ShowMenu)$",
    re.IGNORECASE,
)
EMPTY_ROW = re.compile(r"^\s*$")


def plain(text: str) -> str:
    """A label as it is read: without the mnemonic's ampersand."""
    return re.sub(r"&(.)", r"\1", text).strip()


@dataclass(frozen=True)
class Node:
    role: str
    name: str
    description: str
    where: str  # the class and object name of the widget behind it, for the failure message

    def __str__(self) -> str:
        return f"{self.role} {self.name!r} ({self.where})"


def _where(face: QAccessibleInterface) -> str:
    obj = face.object()
    if obj is None:
        parent = face.parent()
        return f"in {_where(parent)}" if parent is not None and parent.isValid() else "?"
    return f"{type(obj).__name__} {obj.objectName()}".strip()


def walk(widget: QWidget, limit: int = 4000) -> list[Node]:
    """Every showing node under ``widget``, as QAccessible exposes it."""
    root = QAccessible.queryAccessibleInterface(widget)
    found: list[Node] = []
    todo = [root] if root is not None else []
    seen = 0
    while todo and seen < limit:
        face = todo.pop()
        seen += 1
        if face is None or not face.isValid() or face.state().invisible:
            continue
        found.append(
            Node(
                face.role().name,
                face.text(QAccessible.Text.Name) or "",
                face.text(QAccessible.Text.Description) or "",
                _where(face),
            )
        )
        todo.extend(reversed([face.child(i) for i in range(face.childCount())]))
    return found


def unnamed(widget: QWidget) -> list[str]:
    return [
        str(n)
        for n in walk(widget)
        if R[n.role] in INTERACTIVE and EMPTY_ROW.match(n.name) and not _spacer(n)
    ]


def _spacer(node: Node) -> bool:
    # A list row with nothing in it is the spacing between groups that Qt reports as a row;
    # rows the user can pick always carry text (ID rows are checked by their own tests).
    return node.role in ("ListItem", "TreeItem") and node.where.startswith("in ")


@cache
def qt_catalogue() -> dict[tuple[str, str], str]:
    """(context, English source) -> bokmål, from resources/i18n/qtbase_nb.ts."""
    catalogue: dict[tuple[str, str], str] = {}
    for context in ET.parse(resource_path("i18n", "qtbase_nb.ts")).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            catalogue[(name, message.findtext("source") or "")] = (
                message.findtext("translation") or ""
            )
    return catalogue


@cache
def _english_sources() -> frozenset[str]:
    """Qt's English strings that read differently in bokmål."""
    return frozenset(
        plain(source)
        for (_ctx, source), bokmaal in qt_catalogue().items()
        if plain(source) != plain(bokmaal) and len(plain(source)) > 1
    )


def is_english(text: str) -> bool:
    text = plain(text)
    return bool(ENGLISH.match(text)) or text in _english_sources()


def english_names(widget: QWidget) -> list[str]:
    return [str(n) for n in walk(widget) if is_english(n.name) or is_english(n.description)]


def shown_texts(widget: QWidget) -> list[str]:
    """What the user reads on screen: titles, labels, buttons, fields' hints, list rows and
    column headers, combo box entries, tabs, tooltips and the actions of tool bars."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        texts += [child.toolTip(), child.accessibleName(), child.statusTip()]
        texts += [a.text() for a in child.actions()] + [a.toolTip() for a in child.actions()]
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QTabBar):
            texts += [child.tabText(i) for i in range(child.count())]
        if isinstance(child, QHeaderView) and child.model() is not None:
            model = child.model()
            texts += [
                str(model.headerData(c, child.orientation()) or "") for c in range(child.count())
            ]
    return [t for t in texts if t]


def english_texts(widget: QWidget) -> list[str]:
    return sorted({t for t in shown_texts(widget) if is_english(t)})


def qt_context(context: str) -> bool:
    """A context of Qt's own (its classes, and a few named otherwise), not of Handbok's."""
    return bool(re.match(r"Q[A-Z]", context)) or context in (
        "CloseButton",
        "Print Device Input Slot",
        "Print Device Output Bin",
    )


# Contexts Qt looks strings up in without showing them: to read or write one shortcut Qt asks
# for the name of every key there is (those a menu or tooltip shows are in qtbase_nb.ts, and
# the English check reads them), and file errors, which the program words in its own sentences.
NOT_SHOWN = {"QShortcut", "QIODevice"}


class Recorder(QTranslator):
    """Installed last, so asked first: notes every Qt string looked up, translates nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, str, int]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:  # type: ignore[override]
        if qt_context(context):
            self.asked.add((context, source, disambiguation or "", n))
        return None  # not found here: the next translator answers

    def untranslated(self) -> list[str]:
        """What was asked that QCoreApplication answers in English (its source). PySide's
        ``tr`` also looks the program's own strings up under the Qt base classes: skipped."""
        missing = []
        ours = own_sources()
        for context, source, disambiguation, n in sorted(self.asked):
            if source in ours or context in NOT_SHOWN:
                continue
            answer = QCoreApplication.translate(context, source, disambiguation or None, n)
            if answer == source and plain(source) and not _language_neutral(context, source):
                note = f" [{disambiguation}]" if disambiguation else ""
                missing.append(f"{context}: {source!r}{note}")
        return missing

    def clear(self) -> None:
        self.asked.clear()


@cache
def own_sources() -> frozenset[str]:
    """The program's own strings (bokmål), from the English translation's sources."""
    root = ET.parse(resource_path("i18n", "handbok_en.ts")).getroot()
    return frozenset(m.findtext("source") or "" for m in root.iter("message"))


def _language_neutral(context: str, source: str) -> bool:
    """Strings that read the same in bokmål, kept so in qtbase_nb.ts (OK, A4, Ctrl ...)."""
    return qt_catalogue().get((context, source)) == source


# --- every dialog the program shows, opened for a look ----------------------------------------

Look = Callable[[str, QWidget], None]


def each_dialog(window: object, folder: object, look: Look) -> list[str]:
    """Show each dialog the program shows, built exactly as the program builds it, and call
    ``look(title, dialog)`` while it is on screen; returns the titles looked at. ``window``
    is a MainWindow with content, ``folder`` a writable Path for the file dialogs."""
    from pathlib import Path

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from desktop.documents.printing import Decor, page_document
    from desktop.documents.render import contact_html
    from desktop.windows.composer import Composer
    from desktop.windows.contactform import ContactForm
    from desktop.windows.dialogs import DialogService

    assert isinstance(folder, Path)
    service = DialogService(window)  # type: ignore[arg-type]
    store = window.handbook.store  # type: ignore[attr-defined]
    page = contact_html(store.contact("kirkens-sos"), window.clock())  # type: ignore[attr-defined]
    decor = Decor("Handbok", "Kirkens SOS", "Skrevet ut")
    (folder / "finnes.pdf").write_bytes(b"%PDF-1.4\n")
    seen: list[str] = []

    def show(title: str, dialog: QWidget) -> None:
        dialog.show()
        QApplication.processEvents()
        look(title, dialog)
        seen.append(title)
        dialog.close()
        dialog.deleteLater()
        QApplication.processEvents()

    show("Legg til bokmerke", service.text_dialog("Legg til bokmerke", "Notat til bokmerket:"))
    show("Spørsmål", service.message_box("question", "Slett bokmerke", "Vil du slette det?"))
    show("Melding", service.message_box("information", "Importer bokmerker", "1 nye."))
    show("Advarsel", service.message_box("warning", "Lokale kontakter", "Det gikk ikke."))
    show("Ny lokal kontakt", ContactForm(None, window))  # type: ignore[arg-type]
    save = service.file_dialog("Lagre som PDF", "PDF (*.pdf)", "skriv.pdf")
    save.setDirectory(str(folder))
    save.setViewMode(QFileDialog.ViewMode.Detail)
    show("Lagre som PDF", save)
    opening = service.file_dialog("Importer bokmerker", "JSON (*.json)")
    opening.setDirectory(str(folder))
    show("Importer bokmerker", opening)

    # Saving over a file that exists: the file dialog asks first, in an event loop of its own.
    again = service.file_dialog("Lagre som PDF", "PDF (*.pdf)", "finnes.pdf")
    again.setDirectory(str(folder))
    again.selectFile(str(folder / "finnes.pdf"))
    again.show()
    QApplication.processEvents()
    loop = QEventLoop()

    def question() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        box = next((b for b in boxes if b.isVisible()), None)
        if box is None:
            return
        timer.stop()
        look("Filen finnes fra før", box)
        seen.append("Filen finnes fra før")
        box.reject()  # "Nei": the old file stays
        loop.quit()

    timer = QTimer()
    timer.timeout.connect(question)
    timer.start(20)
    QTimer.singleShot(0, again.accept)
    QTimer.singleShot(5000, loop.quit)
    loop.exec()
    timer.stop()
    again.close()
    again.deleteLater()

    show("Forhåndsvisning", service.preview_dialog(lambda d: page_document(page, d), decor, "A4"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # must outlive the dialog
    printing = QPrintDialog(printer, window)  # type: ignore[arg-type]
    printing.show()
    QApplication.processEvents()
    for button in printing.findChildren(QAbstractButton):
        if plain(button.text()).startswith(("Valg", "Options")):
            button.click()  # the dialog's second half: copies, pages, sides
    show("Skriv ut", printing)
    show("Lag skriv til pasienten", Composer(store, window.userdata, service, window))  # type: ignore[attr-defined]
    return seen


# --- fixtures: Qt in bokmål, as the program runs it -------------------------------------------


@pytest.fixture
def bokmaal(qapp: QApplication) -> Iterator[Recorder]:
    """The program's translations and look, installed as desktop.app installs them, and a
    Recorder of every Qt string looked up while the test runs."""
    from desktop import i18n
    from desktop.windows import focusring, theme

    assert i18n.install("nb"), "qtbase_nb.qm is missing: run python -m desktop.translations build"
    theme.install(qapp)
    focusring.install(qapp)
    recorder = Recorder()
    QCoreApplication.installTranslator(recorder)
    yield recorder
    QCoreApplication.removeTranslator(recorder)
    i18n.uninstall()
