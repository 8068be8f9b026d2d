"""The real window, in a process of its own, rebuilding what it rebuilds most (issue 15): every
checklist opened again and again (its items made anew, the history list refreshed with each),
the start page shown after each, the contact list, the red bar and the bookmarks filled again,
and the event loop let run between rounds, as it does for a nurse, so that what was deleted
later is deleted.

    python -m tests.lifetimeworker STORE DATA ROUNDS

It prints one JSON line: ``stale``, the layout items that PySide still holds a live wrapper
for although no layout holds the item any more (Qt freed it, or will never free it), and
``rounds``. A freed item's wrapper claims an address malloc hands out again; before the fix a
history row made at such an address crashed the process in shiboken's ``releaseWrapper``,
so the test reads a crash as a failure too (tests/test_lifetimes.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLayout, QLayoutItem, QWidget

from desktop.windows import contentview
from desktop.windows.dialogs import ScriptedDialogs
from desktop.windows.mainwindow import MainWindow
from desktop.windows.searching import SearchController
from desktop.windows.sections import START
from index.handbook import open_handbook
from index.userdata.store import UserData


def run_event_loop(app: QApplication) -> None:
    """One short turn of a real event loop: deleteLater is carried out only there, not by
    processEvents outside one."""
    loop = QEventLoop()
    QTimer.singleShot(10, loop.quit)
    loop.exec()
    app.processEvents()


def item_address(item: QLayoutItem) -> int:
    return int(shiboken6.getCppPointer(item)[0])


def live_items() -> set[int]:
    """The address of every item some layout of a live widget holds now."""
    found: set[int] = set()

    def walk(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None:
                continue
            found.add(item_address(item))
            inner = item.layout()
            if inner is not None:
                walk(inner)

    for widget in QApplication.allWidgets():
        if isinstance(widget, QWidget) and widget.layout() is not None:
            walk(widget.layout())
    return found


def stale_items() -> list[str]:
    """Live wrappers of plain layout items (not layouts, not widgets) no layout holds."""
    live = live_items()
    stale = []
    for wrapper in shiboken6.getAllValidWrappers():
        plain = isinstance(wrapper, QLayoutItem) and not isinstance(wrapper, QLayout)
        if plain and item_address(wrapper) not in live:
            stale.append(type(wrapper).__name__)
    return stale


def main() -> int:
    store, data, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    app = QApplication.instance() or QApplication(["lifetimes"])
    assert isinstance(app, QApplication)
    handbook = open_handbook(store)
    userdata = UserData.open(data)
    window = MainWindow(userdata, ScriptedDialogs())
    window.resize(1200, 760)
    window.show()
    window.attach(handbook, SearchController(handbook.searcher, window))
    run_event_loop(app)
    checklists = [c.id for c in handbook.store.checklists()]
    articles = [a.id for a in handbook.store.articles()]
    assert window.library is not None
    for _round in range(rounds):
        for ident in checklists:
            window.open(ident)  # the items made anew; the history list refreshed
            window.open(articles[_round % len(articles)])
            window.show_section(START)  # the start page made anew
        # The other lists that are filled again: contacts (cards as row widgets), the red
        # bar (its own layout), the start page once more, and the bookmarks.
        contentview.local_changed(window)
        window.emergency.set_contacts(handbook.store.contacts())
        window.library.refresh()
        run_event_loop(app)
    stale = stale_items()
    print(json.dumps({"stale": len(stale), "kinds": sorted(set(stale)), "rounds": rounds}))
    window.close()
    if window.search_controller is not None:
        window.search_controller.stop()
    userdata.close()
    handbook.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
