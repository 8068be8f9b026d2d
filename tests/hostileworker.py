"""The real window, offscreen, through a hostile corpus (tests/hostile.py), in a process of its
own so that a freeze is a timeout and a crash an exit code, not a hung or dead test run:

    python -m tests.hostileworker STORE DATA SPIES WORK

The content store STORE was built from the hostile content; HANDBOK_KOMMUNE_DIR names the
hostile kommune.yaml. The window is driven the way a nurse would: every article, section,
contact and checklist opened, every link in the reading pane clicked, every tooltip shown,
a search for the hostile words, the hostile CSV and bookmark files imported, the hostile pack
offered as a content update, the contact list and a contact printed, a handout made from the
hostile template. Message boxes are real ones, read and closed by a timer.

It prints one JSON line: the files in SPIES that anything opened (FileSpy), the URLs handed
to the system (UrlSpy), every message box (its text format and text), every status line, and
every label that would read its text as markup while holding the hostile text.
"""

from __future__ import annotations

import json
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QToolTip,
    QWidget,
)

from desktop.windows.dialogs import DialogService
from desktop.windows.mainwindow import MainWindow
from desktop.windows.searching import SearchController
from index.handbook import open_handbook
from index.userdata.store import UserData
from tests.nonetwork import guarded_connect
from tests.spies import FileSpy, make_url_spy


class Answers(DialogService):
    """The real message boxes and questions; only the file dialogs and the print preview
    are answered from a queue (they would wait for a person)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[Path] = []

    def open_path(self, title: str, filter_text: str) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def save_path(self, title: str, suggestion: str, filter_text: str) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def print_preview(self, build, decor, paper):  # type: ignore[no-untyped-def]
        from desktop.documents.printing import write_pdf

        if self.paths:
            write_pdf(build, self.paths.pop(0), paper, decor, decor.header_right)


def _no_network() -> None:
    def refuse(address: object) -> None:
        raise OSError(f"network connection refused by the test: {address!r}")

    guarded = guarded_connect(refuse)
    socket.socket.connect = guarded  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = guarded  # type: ignore[method-assign,assignment]


def main() -> int:
    _no_network()
    store, data, spies, work = (Path(p) for p in sys.argv[1:5])
    app = QApplication.instance() or QApplication(["hostile"])
    url_spy, opened_urls = make_url_spy()
    file_spy = FileSpy(spies)
    boxes: list[dict[str, object]] = []
    statuses: list[str] = []
    times: dict[str, float] = {}

    def close_boxes() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                boxes.append(
                    {
                        "format": widget.textFormat().name,
                        "text": widget.text(),
                        "title": widget.windowTitle(),
                    }
                )
                button = widget.button(QMessageBox.StandardButton.Ok) or widget.button(
                    QMessageBox.StandardButton.No
                )
                if button is not None:
                    button.click()
                else:
                    widget.reject()

    closer = QTimer()
    closer.timeout.connect(close_boxes)
    closer.start(20)

    handbook = open_handbook(store)
    notices = handbook.add_local(data)
    userdata = UserData.open(data)
    dialogs = Answers()
    window = MainWindow(userdata, dialogs)
    dialogs.parent = window
    window.status_label.setText("")
    original = window.show_problem

    def show_problem(sentence: str) -> None:
        statuses.append(sentence)
        original(sentence)

    window.show_problem = show_problem  # type: ignore[method-assign]
    window.resize(1200, 760)
    window.show()
    window.attach(handbook, SearchController(handbook.searcher, window))
    if notices:
        window.show_problem(" ".join(notices))
    app.processEvents()

    def step(name: str, action: Callable[[], object]) -> None:
        started = time.monotonic()
        action()
        for _ in range(3):
            app.processEvents()
        times[name] = round(time.monotonic() - started, 2)

    def tooltips() -> None:
        """Every tooltip of every item in the side panel's lists, shown as hovering would."""

        from PySide6.QtWidgets import QListWidget, QTreeWidget, QTreeWidgetItemIterator

        for widget in window.findChildren(QListWidget):
            for row in range(widget.count()):
                tip = widget.item(row).toolTip()
                if tip:
                    QToolTip.showText(QPoint(20, 20), tip, widget)
                    app.processEvents()
        for tree in window.findChildren(QTreeWidget):
            items = QTreeWidgetItemIterator(tree)
            while items.value():
                tip = items.value().toolTip(0)
                if tip:
                    QToolTip.showText(QPoint(20, 20), tip, tree)
                    app.processEvents()
                items += 1
        QToolTip.hideText()

    def click_links() -> None:
        """Every link in the reading pane, clicked."""
        doc: QTextDocument = window.reader.browser.document()
        block = doc.begin()
        links: list[str] = []
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isAnchor() and fmt.anchorHref():
                    links.append(fmt.anchorHref())
                it += 1
            block = block.next()
        for href in links:
            if href.startswith(("lokalnotat:", "slettnotat:")):
                continue  # they ask a question; the note links are tested elsewhere
            window.reader.browser.anchorClicked.emit(QUrl(href))
            app.processEvents()

    store_ids = handbook.store
    articles = [a.id for a in store_ids.articles()]
    sections = [s.id for a in store_ids.articles() for s in a.sections]
    contacts = [c.id for c in store_ids.contacts()]
    checklists = [c.id for c in store_ids.checklists()]

    dialogs.paths.append(work / "kontakter.csv")
    step("csv", lambda: (window.local_contacts.import_csv(), window.local_contacts.wait()))
    bad_marks, good_marks = work / "bokmerker-feil.json", work / "bokmerker.json"
    dialogs.paths.extend([bad_marks, good_marks])
    assert window.library is not None
    step("bookmarks-bad", window.library.import_file)
    step("bookmarks", window.library.import_file)
    contacts = [c.id for c in handbook.store.contacts()]
    for ident in [*articles, *sections, *contacts, *checklists]:
        step(f"open {ident}", lambda ident=ident: window.open(ident))
        if window.pages.currentWidget() is window.reader:
            step(f"links {ident}", click_links)
    # The refused content update, then the history list refreshed, in the middle of the walk:
    # this order crashed in shiboken's releaseWrapper, now and then, until issue 15 was fixed
    # (the checklists and the start page left wrappers of freed layout items behind;
    # tests/test_lifetimes.py).
    dialogs.paths.append(work / "pakke.zip")
    step("pack", window.update_content)
    step("history", window.library.refresh_history)
    step("search", lambda: window.search_field.setText("fiendtlig"))
    deadline = time.monotonic() + 20
    while not window.results.hit_ids() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.show_section(6)  # the search results
    step("tooltips", tooltips)
    for section in range(7):  # every section of the side panel, and the results, once
        window.show_section(section)
        app.processEvents()
    step("tooltips-again", tooltips)
    local = [c for c in contacts if c.startswith("lokal-")]
    for ident in local:
        window.open(ident)
        dialogs.paths.append(work / f"{ident}.pdf")
        step(f"print {ident}", window.print_current)
    dialogs.paths.append(work / "kontaktliste.pdf")
    step("print list", window.print_contact_list)
    window.open("fiendtlig")
    step("composer", window.open_composer)
    composer = window.composer
    index = composer.template_choice.findData("fiendtlig-skriv")
    step("template", lambda: composer.template_choice.setCurrentIndex(index))
    dialogs.paths.append(work / "skriv.pdf")
    step("handout pdf", composer.save_pdf)
    composer.close()

    strip_buttons = window.emergency.findChildren(QAbstractButton)
    marked_up = [
        label.text()[:80]
        for label in app.allWidgets()
        if isinstance(label, QLabel)
        and label.textFormat() != Qt.TextFormat.PlainText
        and "<img" in label.text()
    ]
    print(
        json.dumps(
            {
                "opened_files": file_spy.opened(),
                "opened_urls": opened_urls,
                "boxes": boxes,
                "statuses": statuses,
                "marked_up_labels": marked_up,
                "strip": [b.accessibleName() for b in strip_buttons],
                "times": times,
                "pdfs": sorted(p.name for p in work.glob("*.pdf")),
            },
            ensure_ascii=False,
        ),
        flush=True,
    )
    del url_spy
    window.close()
    userdata.close()
    handbook.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
