"""Starts the desktop application: the window first, the content right after.

Importing Whoosh and opening the index take about a third of a second, so they happen on a
background thread once the window is on screen (docs/architecture.md, "The quality bars").
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.faults import log_fault
from desktop.i18n import translate
from desktop.windows import theme
from desktop.windows.mainwindow import MainWindow
from index import paths
from index.errors import HandbokError
from index.userdata import remembered

if TYPE_CHECKING:
    from index.userdata.store import UserData

SMOKE_TEST_ENV = "HANDBOK_SMOKE_TEST"
PANELS_DELAY_MS = 10
LOADER_DELAY_MS = 30


class ContentLoader(QThread):
    """Opens (and from a source checkout, rebuilds if needed) the store off the GUI thread."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        store_dir: Path | None,
        build: bool,
        log_folder: Path | None = None,
        local_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.store_dir = store_dir  # None: the one in use (paths.store_dir), found on the thread
        self.build = build
        self.log_folder = log_folder or paths.user_data_dir()
        self.local_dir = local_dir  # where lokalt.sqlite3 is: opened here too, when given
        self.notice = ""  # set when the content had to be rebuilt
        self.local_notices: list[str] = []  # sentences about the local layer, if any

    def run(self) -> None:
        try:
            from index.handbook import open_or_repair, prepare_store

            if self.store_dir is None:  # reads the content packs' pointer: not before the frame
                self.store_dir = paths.store_dir()
            if self.build:
                prepare_store(self.store_dir)
            handbook, self.notice = open_or_repair(self.store_dir, repair=self.build)
            if self.local_dir is not None:
                # The local layer too: checking every page of lokalt.sqlite3 and reading
                # kommune.yaml took 0.3 s at 100,000 contacts, a frozen window on its thread.
                # The window's thread alone uses it from here on.
                self.local_notices = handbook.add_local(self.local_dir)
            self.loaded.emit(handbook)
        except HandbokError as error:
            self.failed.emit(error.message(translate))
        except Exception:
            log_fault(self.log_folder, traceback.format_exc())
            self.failed.emit(i18n.tr("Innholdet kunne ikke åpnes på grunn av en uventet feil."))


def open_userdata(folder: Path) -> tuple[UserData | None, str]:
    """The user's data, and a sentence to show if something was moved aside or failed."""
    from index.userdata.store import UserData

    try:
        data = UserData.open(folder)
    except HandbokError as error:
        return None, error.message(translate)
    return data, data.notice.message(translate) if data.notice else ""


def _excepthook(window: MainWindow | None, log_folder: Path) -> object:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log_fault(log_folder, "".join(traceback.format_exception(kind, error, tb)))
        if window is not None:
            window.show_problem(
                i18n.tr("Det oppstod en uventet feil. Handbok fortsetter; detaljer er i loggen.")
            )

    return hook


def run(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Handbok")
    app.setApplicationDisplayName("Handbok")
    i18n.install(i18n.language())
    theme.install(app)  # the colours; the focus ring follows the first frame
    data_dir = paths.user_data_dir(getattr(args, "data_dir", None))

    # The first frame (docs/architecture.md, "The quality bars"): the window with what it
    # remembers of its size and text size, read without opening the user's data properly.
    window = MainWindow(None, remembered=remembered.read(data_dir))
    sys.excepthook = _excepthook(window, data_dir)  # type: ignore[assignment]
    window.show()
    app.processEvents()

    explicit_store = getattr(args, "store", None)
    loader = ContentLoader(
        paths.store_dir(explicit_store) if explicit_store else None,
        build=explicit_store is None,
        log_folder=data_dir,
        local_dir=data_dir,
    )

    def loaded(handbook: Any) -> None:
        from desktop.windows.searching import SearchController

        # The local layer was opened on the loader thread (its checks take a while).
        notices = [loader.notice] if loader.notice else []
        notices += loader.local_notices
        controller = SearchController(handbook.searcher, window)
        window.attach(handbook, controller)
        if notices:
            window.show_problem(" ".join(notices))
            if os.environ.get(SMOKE_TEST_ENV) == "1":  # the verdict reads what the user read
                print(" ".join(notices), flush=True)

    loader.loaded.connect(loaded)
    loader.failed.connect(window.show_content_failure)
    if os.environ.get(SMOKE_TEST_ENV) == "1":
        # The build's smoke test: the real window and content, then quit with a verdict.
        loader.loaded.connect(lambda _book: QTimer.singleShot(500, app.quit))
        loader.failed.connect(lambda sentence: (print(sentence, file=sys.stderr), app.exit(1)))

    def after_the_first_frame() -> None:
        # In this order: the rest of the frame's own widgets, the user's data, the panels
        # and the start page (which read it); then the content, on its own thread.
        from PySide6.QtGui import QIcon

        from desktop.windows import focusring
        from index.resources import resource_path

        app.setWindowIcon(QIcon(str(resource_path("icons", "handbok.png"))))
        focusring.install(app)
        window.finish_first_frame()
        userdata, notice = open_userdata(data_dir)
        window.set_userdata(userdata)
        window.build_panels()  # with them the filter that fits every dialog to the screen
        if notice:
            window.dialogs.inform("Handbok", notice)

    # A turn of the event loop later, so the frame is painted first; building the panels
    # and importing Whoosh (which holds the GIL) would otherwise delay it.
    QTimer.singleShot(PANELS_DELAY_MS, after_the_first_frame)
    QTimer.singleShot(LOADER_DELAY_MS, loader.start)
    code = app.exec()
    loader.wait(10_000)
    window.close()  # stops the search worker, should the program have been quit another way
    if window.handbook is not None:
        window.handbook.close()  # closing keeps the local contacts' last good copy
    if window.userdata is not None:
        window.userdata.close()
    return int(code)
