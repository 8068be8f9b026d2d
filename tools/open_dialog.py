"""Start Handbok the way ``handbok`` does and open one of its dialogs once the content is on
screen, so it can be looked at from outside: the AT-SPI walk of check_window.sh, a screenshot.

    python tools/open_dialog.py DIALOG [--data-dir DIR]
    ../shared/tools/check_window.sh 1280x720 -- .venv/bin/python tools/open_dialog.py save

DIALOG is one of: main (no dialog), card (a contact shown), checklist (a checklist shown),
bookmark, question, message, contact, composer, preview, print, save, open, overwrite. The
dialog is the program's own, opened by the same method a key or button calls (Ctrl+D, Ctrl+P,
"Lagre som PDF" ...). tools/check_dialogs.sh runs them all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from desktop import app as desktop_app
from desktop.windows.mainwindow import MainWindow

CONTACT = "kirkens-sos"


def _window() -> MainWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return found[0] if found and found[0].handbook is not None else None


def _overwrite(folder: Path) -> None:
    """In the open save dialog: the name of a file that exists, and Lagre."""
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog))
    dialog.setDirectory(str(folder))
    name = next(f for f in dialog.findChildren(QLineEdit) if f.objectName() == "fileNameEdit")
    name.setText("finnes.pdf")
    dialog.accept()


def open_dialog(window: MainWindow, which: str, folder: Path) -> None:
    if which in ("card", "bookmark", "preview", "question"):
        window.open(CONTACT)
    if which == "checklist":
        window.open("starte-selvhjelpsgruppe")
    if which == "bookmark":
        window.toggle_bookmark()
    elif which == "question":
        window.library.clear_history()  # type: ignore[union-attr]
    elif which == "message":
        window.about_content()
    elif which == "contact":
        window.dialogs.edit_contact(None)
    elif which == "preview":
        window.print_current()
    elif which == "open":
        window.update_content()
    elif which in ("composer", "print", "save", "overwrite"):
        window.open_composer()
        if which == "print":
            window.composer.print_()
        elif which == "save":
            window.composer.save_pdf()
        elif which == "overwrite":
            (folder / "finnes.pdf").write_bytes(b"%PDF-1.4\n")
            QTimer.singleShot(1500, lambda: _overwrite(folder))
            window.composer.save_pdf()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("dialog")
    parser.add_argument("--data-dir", dest="data_dir")
    parser.add_argument("--store")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = Path(args.data_dir or ".").resolve()

    def poll() -> None:
        window = _window()
        if window is None:
            return
        timer.stop()
        if args.dialog != "main":
            open_dialog(window, args.dialog, folder)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(200)
    code = desktop_app.run(args)
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())
