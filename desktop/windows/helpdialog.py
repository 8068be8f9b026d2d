"""F1: the keyboard shortcuts, and "Om Handbok" (version, where the content comes from, the
icons' licence). Sized to fit a 1280x720 screen; the shortcuts scroll if the text is large."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import tr
from index import __version__


def _plain(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class HelpDialog(QDialog):
    def __init__(
        self, shortcuts: Sequence[tuple[str, str]], licences: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Hjelp og hurtigtaster"))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("Hjelp"))

        keys = QWidget()
        grid = QGridLayout(keys)
        grid.setColumnStretch(1, 1)
        for row, (combination, what) in enumerate(shortcuts):
            key_label = _plain(combination, keys)
            key_label.setStyleSheet("font-weight: 600;")
            grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_plain(what, keys), row, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(keys)
        scroll.setAccessibleName(tr("Hurtigtaster"))
        self.tabs.addTab(scroll, tr("Hurtigtaster"))

        about = QWidget()
        column = QVBoxLayout(about)
        for text in (
            tr("Handbok {version}").format(version=__version__),
            tr(
                "Veiledning, kontakter og sjekklister for helsestasjoner og fastlegekontor, "
                "uten nett. Teksten i veiledningen er fra kildene som står ved hver artikkel; "
                "telefonnumrene er kontrollert mot kildene som står ved hver kontakt."
            ),
            tr("Handbok åpner aldri en nettforbindelse. Lenker åpnes bare når du ber om det."),
            licences,
        ):
            column.addWidget(_plain(text, about))
        column.addStretch(1)
        self.about = about
        self.tabs.addTab(about, tr("Om Handbok"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def show_about(self) -> None:
        self.tabs.setCurrentWidget(self.about)
