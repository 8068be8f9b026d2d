"""Questions the program asks the user, behind one small object.

The windows ask through a DialogService; tests pass a ScriptedDialogs with the answers a
user would give, so the logic around each question runs for real without a modal dialog.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QPagedPaintDevice, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QToolButton,
    QWidget,
)

from desktop.documents.printing import Decor, paint, set_paper, write_pdf
from desktop.i18n import tr
from desktop.safetext import visible
from desktop.windows import a11y
from index.content.model import Contact
from index.local.draft import ContactDraft

# Windows' own file dialog speaks the language Windows is installed in, and screen readers
# know it well; elsewhere the native dialog (GTK's, or none offscreen) cannot be given bokmål
# by the program, so Qt's own dialog is used, translated by resources/i18n/qtbase_nb.ts.
NATIVE_FILE_DIALOG = sys.platform == "win32"


class DialogService:
    """Each question is built by a method of its own (``message_box``, ``file_dialog`` ...), so
    tests can open exactly the dialog the user sees and read what it says."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    # --- the dialogs themselves ----------------------------------------------------------

    # Every question and message is plain text (desktop.safetext): it may quote a file.

    def text_dialog(self, title: str, prompt: str, text: str = "") -> QInputDialog:
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(visible(title))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setLabelText(visible(prompt))
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        dialog.setTextValue(text)
        dialog.setOkButtonText(tr("Lagre"))  # what the button does, not "OK"
        field = dialog.findChild(QLineEdit)
        if field is not None:  # read out as the question, not as an anonymous field
            field.setAccessibleName(prompt.rstrip(":"))
        return dialog

    def message_box(self, kind: str, title: str, text: str) -> QMessageBox:
        """``kind``: "question" (Ja, Nei), "information" or "warning" (Lukk)."""
        icons = {
            "question": QMessageBox.Icon.Question,
            "information": QMessageBox.Icon.Information,
            "warning": QMessageBox.Icon.Warning,
        }
        buttons = (
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            if kind == "question"
            else QMessageBox.StandardButton.Close
        )
        box = QMessageBox(icons[kind], visible(title), visible(text), buttons, self.parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the sentence may quote a file: data
        if kind == "question":
            box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def file_dialog(self, title: str, filter_text: str, suggestion: str = "") -> QFileDialog:
        """A save dialog when there is a suggested file name, else an open dialog."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self.parent, title, folder, filter_text)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not NATIVE_FILE_DIALOG)
        for splitter in dialog.findChildren(QSplitter):  # Qt's dialog leaves it nameless
            a11y.name_splitter(
                splitter, tr("Steder og filer"), tr("Skillelinje mellom steder og filer")
            )
        if suggestion:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            dialog.selectFile(suggestion)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return dialog

    def preview_dialog(
        self, build: Callable[[QPagedPaintDevice], QTextDocument], decor: Decor, paper: str
    ) -> QDialog:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_paper(printer, paper)
        preview = QPrintPreviewDialog(printer, self.parent)
        preview.paintRequested.connect(lambda device: paint(build, device, decor))
        preview.printer_kept = printer  # type: ignore[attr-defined]  # the dialog does not own it
        _name_preview_parts(preview)
        return preview

    # --- asking --------------------------------------------------------------------------

    def ask_text(self, title: str, prompt: str, text: str = "") -> str | None:
        dialog = self.text_dialog(title, prompt, text)
        return dialog.textValue() if dialog.exec() else None

    def confirm(self, title: str, question: str) -> bool:
        box = self.message_box("question", title, question)
        return box.exec() == QMessageBox.StandardButton.Yes

    def inform(self, title: str, message: str) -> None:
        self.message_box("information", title, message).exec()

    def warn(self, title: str, message: str) -> None:
        self.message_box("warning", title, message).exec()

    def save_path(self, title: str, suggestion: str, filter_text: str) -> Path | None:
        return self._chosen(self.file_dialog(title, filter_text, suggestion))

    def open_path(self, title: str, filter_text: str) -> Path | None:
        return self._chosen(self.file_dialog(title, filter_text))

    def _chosen(self, dialog: QFileDialog) -> Path | None:
        if not dialog.exec():
            return None
        files = dialog.selectedFiles()
        return Path(files[0]) if files and files[0] else None

    def edit_contact(self, contact: Contact | None, region: str = "lokal") -> ContactDraft | None:
        """The local-contact form; the draft when saved, None when cancelled. ``region``:
        where a new contact belongs."""
        from desktop.windows.contactform import ContactForm

        form = ContactForm(contact, self.parent, region=region)
        return form.draft if form.exec() else None

    def print_preview(
        self, build: Callable[[QPagedPaintDevice], QTextDocument], decor: Decor, paper: str
    ) -> None:
        """Qt's print preview, from which the user prints through the system dialog."""
        self.preview_dialog(build, decor, paper).exec()


def _name_preview_parts(preview: QDialog) -> None:
    """Qt's print preview leaves its zoom and page fields, and the button that shows the
    tool bar's hidden buttons, without names."""
    for combo in preview.findChildren(QComboBox):
        combo.setAccessibleName(tr("Forstørrelse"))
        edit = combo.lineEdit()
        if edit is not None:
            edit.setAccessibleName(tr("Forstørrelse"))
    for field in preview.findChildren(QLineEdit):
        if not isinstance(field.parentWidget(), QComboBox):
            field.setAccessibleName(tr("Side"))
    for button in preview.findChildren(QToolButton):
        if button.objectName() == "qt_toolbar_ext_button":
            button.setAccessibleName(tr("Flere knapper"))


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

    def edit_contact(self, contact: Contact | None, region: str = "lokal") -> ContactDraft | None:
        self.shown.append(("contact", contact.id if contact else region))
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
