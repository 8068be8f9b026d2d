"""Questions the program asks the user, behind one small object.

The windows ask through a DialogService; tests pass a ScriptedDialogs with the answers a
user would give, so the logic around each question runs for real without a modal dialog.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QTextDocument
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.documents.printing import Decor, paint, set_paper, write_pdf
from index.content.model import Contact
from index.local.draft import ContactDraft


class DialogService:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_text(self, title: str, prompt: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(
            self.parent, title, prompt, QLineEdit.EchoMode.Normal, text
        )
        return value if ok else None

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self.parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)

    def warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, message)

    def save_path(self, title: str, suggestion: str, filter_text: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggestion, filter_text)
        return Path(path) if path else None

    def open_path(self, title: str, filter_text: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, "", filter_text)
        return Path(path) if path else None

    def edit_contact(self, contact: Contact | None) -> ContactDraft | None:
        """The local-contact form; the draft when saved, None when cancelled."""
        from desktop.windows.contactform import ContactForm

        form = ContactForm(contact, self.parent)
        return form.draft if form.exec() else None

    def print_preview(
        self, build: Callable[[QPagedPaintDevice], QTextDocument], decor: Decor, paper: str
    ) -> None:
        """Qt's print preview, from which the user prints through the system dialog."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_paper(printer, paper)
        preview = QPrintPreviewDialog(printer, self.parent)
        preview.paintRequested.connect(lambda device: paint(build, device, decor))
        preview.exec()


class ScriptedDialogs(DialogService):
    """Answers from a queue, and remembers what was shown: for tests and demos."""

    def __init__(self, *answers: object) -> None:
        super().__init__(None)
        self.answers: deque[object] = deque(answers)
        self.shown: list[tuple[str, str]] = []

    def _next(self) -> object:
        return self.answers.popleft() if self.answers else None

    def ask_text(self, title: str, prompt: str, text: str = "") -> str | None:
        self.shown.append((title, prompt))
        answer = self._next()
        return None if answer is None else str(answer)

    def confirm(self, title: str, question: str) -> bool:
        self.shown.append((title, question))
        return bool(self._next())

    def inform(self, title: str, message: str) -> None:
        self.shown.append((title, message))

    def warn(self, title: str, message: str) -> None:
        self.shown.append((title, message))

    def save_path(self, title: str, suggestion: str, filter_text: str) -> Path | None:
        self.shown.append((title, suggestion))
        answer = self._next()
        return None if answer is None else Path(str(answer))

    def open_path(self, title: str, filter_text: str) -> Path | None:
        self.shown.append((title, filter_text))
        answer = self._next()
        return None if answer is None else Path(str(answer))

    def edit_contact(self, contact: Contact | None) -> ContactDraft | None:
        self.shown.append(("contact", contact.id if contact else ""))
        answer = self._next()
        return answer if isinstance(answer, ContactDraft) else None

    def print_preview(
        self, build: Callable[[QPagedPaintDevice], QTextDocument], decor: Decor, paper: str
    ) -> None:
        """Prints to the PDF file given as the next answer, through the same painter."""
        self.shown.append(("print", decor.header_right))
        answer = self._next()
        if answer is not None:
            write_pdf(build, Path(str(answer)), paper, decor, decor.header_right)
