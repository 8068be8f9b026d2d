"""Drives the whole program, started through its real entry point, the way a nurse would:

    python -m tests.appdriver COPY ROUNDS DATA_DIR

starts ``desktop.app.run`` (the very function ``handbok`` runs) in this process; once the
content is on screen it searches, opens what it bookmarks through the window's own action,
ticks a checklist in the checklist view and adds local contacts through the store the window
uses, then prints one JSON line of what it saw and quits. COPY names this copy, so that two
copies on one data folder save different things. Every message box the program shows is read
and closed, and every sentence in the status line is kept, so a test can check what the user
was told. Used by tests/test_copies.py for two copies at once, a read-only data folder and a
full disk.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop import app as desktop_app
from desktop.windows.mainwindow import MainWindow
from index.local.draft import ChannelDraft, ContactDraft
from tests.nonetwork import guarded_connect

TICK_MS = 5
CHECKLIST = "starte-selvhjelpsgruppe"
QUERY = "kirkens sos"

Step = Iterator[None]


def contact_name(copy: str, n: int) -> str:
    return f"Kontakt {copy} {n}"


class Driver:
    def __init__(self, app: QApplication, copy: str, rounds: int) -> None:
        self.app, self.copy, self.rounds = app, copy, rounds
        self.seen: dict[str, list[str]] = {"messages": [], "status": []}
        self.result: dict[str, object] = {}
        self.steps = self.scenario()
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        # A step may open a dialog, whose own event loop runs inside that step: Qt does not
        # fire a timer again while its slot runs, so dialogs are answered from a second one.
        self.answering = QTimer()
        self.answering.timeout.connect(self.answer_dialogs)
        self.answering.start(TICK_MS)

    def window(self) -> MainWindow | None:
        found = [w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0] if found else None

    def answer_dialogs(self) -> None:
        # Offscreen, a dialog is shown but never becomes the active window: look for it.
        dialogs = [
            w
            for w in self.app.topLevelWidgets()
            if isinstance(w, QMessageBox | QInputDialog) and w.isVisible()
        ]
        modal = dialogs[0] if dialogs else None
        if isinstance(modal, QMessageBox):
            self.seen["messages"].append(modal.text())
            modal.accept()
        elif isinstance(modal, QInputDialog):  # a bookmark's note, a checklist run's name
            modal.setTextValue(f"Kopi {self.copy}")
            modal.accept()

    def tick(self) -> None:
        window = self.window()
        if window is not None:
            status = window.status_label.text()
            if status and (not self.seen["status"] or self.seen["status"][-1] != status):
                self.seen["status"].append(status)
        try:
            next(self.steps)
        except StopIteration:
            self.timer.stop()
            print(json.dumps({**self.seen, **self.result}, ensure_ascii=False), flush=True)
            self.app.quit()

    def wait_until(self, condition: Callable[[], bool]) -> Step:
        while not condition():
            yield

    def scenario(self) -> Step:
        yield from self.wait_until(
            lambda: (w := self.window()) is not None and w.handbook is not None
        )
        window = self.window()
        assert window is not None and window.handbook is not None
        store = window.handbook.store

        window.search_field.setText(QUERY)
        yield from self.wait_until(
            lambda: window.results.result is not None and window.results.result.text == QUERY
        )
        self.result["search"] = window.results.hit_ids()

        # This copy's share of everything that can be bookmarked.
        targets = [a.id for a in store.articles()] + [c.id for c in store.contacts()]
        mine = targets[0 if self.copy == "a" else 1 :: 2][: self.rounds]
        for target in mine:
            window.open(target)
            if window.library is not None and not window.library.is_bookmarked(target):
                window.bookmark_action.trigger()
            yield

        window.open(CHECKLIST)
        view = window.checklist_view
        assert view is not None
        view.new_run.click()  # this copy's own run, named "Kopi a" or "Kopi b"
        boxes = list(view.boxes.values())
        for box in boxes[: self.rounds]:
            box.click()
            yield

        layer = window.handbook.layer
        if layer is not None and layer.local is not None:
            for n in range(self.rounds):
                draft = ContactDraft(
                    name=contact_name(self.copy, n),
                    category="kommunal-tjeneste",
                    channels=(ChannelDraft("nett", "www.example.invalid"),),
                )
                try:
                    layer.local.contacts.add(draft)
                except Exception as error:  # the window would show its sentence
                    self.seen["status"].append(str(error))
                yield

        self.result["bookmarked"] = [
            t for t in mine if window.library and window.library.is_bookmarked(t)
        ]
        self.result["bookmarks"] = window.bookmarks.targets()  # the panel: all of them
        self.result["ticked"] = sum(box.isChecked() for box in boxes)
        self.result["userdata"] = window.userdata is not None
        yield


def refuse_network(attempts: list[str]) -> None:
    """The test suite's guard: any network connection is refused, and reported."""

    def refuse(address: object) -> None:
        attempts.append(repr(address))
        raise OSError("network connection refused by the test")

    guarded = guarded_connect(refuse)
    socket.socket.connect = guarded  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = guarded  # type: ignore[method-assign,assignment]


def main() -> int:
    copy, rounds, data_dir = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    driver = Driver(app, copy, rounds)
    attempts: list[str] = []
    driver.result["network"] = attempts
    refuse_network(attempts)
    code = desktop_app.run(argparse.Namespace(data_dir=str(data_dir), store=None))
    del driver
    return code


if __name__ == "__main__":
    sys.exit(main())
