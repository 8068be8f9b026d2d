"""The handout composer: choose a template, add, remove and reorder blocks, choose paper and
print size, see the pages as they will print, then print or save as PDF.

A line typed for the patient is kept only in this window; it is printed and forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPagedPaintDevice, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.handout import build_document, decor
from desktop.documents.printing import paint, set_paper, write_pdf
from desktop.i18n import translate
from desktop.windows import a11y, theme
from desktop.windows.dialogs import DialogService
from index.content.model import HandoutBlock
from index.errors import HandbokError
from index.handout import Handout, Resolved, block_for, resolve
from index.store.database import ContentStore
from index.userdata.store import UserData

if TYPE_CHECKING:
    from index.local.layer import LocalLayer

MUNICIPALITY_SETTING = "handout.municipality"


class Composer(QDialog):
    def __init__(
        self,
        store: ContentStore,
        userdata: UserData | None,
        dialogs: DialogService,
        parent: QWidget | None = None,
        current: str | None = None,
        layer: LocalLayer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lag skriv til pasienten"))
        self.store = store
        self.layer = layer  # the municipality's name, logo and "Hos oss" notes, when there
        self.userdata = userdata
        self.dialogs = dialogs
        self.current = current  # what the reader shows: offered as "add what I am reading"
        self.templates = store.handouts()
        self.handout = Handout.from_template(self.templates[0])
        self.last_document: QTextDocument | None = None
        self._build()
        self.template_choice.setCurrentIndex(0)
        self._template_chosen(0)
        self._options_changed()
        self.resize(1100, 760)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.template_choice = QComboBox(self)
        self.template_choice.setAccessibleName(self.tr("Mal"))
        for template in self.templates:
            self.template_choice.addItem(template.title, template.id)
        self.template_choice.currentIndexChanged.connect(self._template_chosen)
        self.description = QLabel(self)
        self.description.setWordWrap(True)

        self.blocks = QListWidget(self)
        self.blocks.setAccessibleName(self.tr("Innholdet i skrivet"))
        self.up = self._button(self.tr("Flytt opp"), lambda: self._move(-1))
        self.down = self._button(self.tr("Flytt ned"), lambda: self._move(+1))
        self.remove = self._button(self.tr("Fjern"), self._remove)
        self.addable = QComboBox(self)
        self.addable.setAccessibleName(self.tr("Innhold som kan legges til"))
        self._fill_addable()
        self.add = self._button(self.tr("Legg til"), self._add_chosen)
        self.add_current = self._button(self.tr("Legg til det du leser"), self._add_current)
        self.add_current.setEnabled(bool(self.current))

        self.paper = QComboBox(self)
        self.paper.setAccessibleName(self.tr("Papir"))
        self.paper.addItems(["A4", "A5"])
        self.paper.currentTextChanged.connect(self._options_changed)
        self.large = QCheckBox(self.tr("Stor skrift"), self)
        self.large.toggled.connect(self._options_changed)
        self.municipality = QLineEdit(self)
        self.municipality.setAccessibleName(self.tr("Kommunens navn"))
        # The user's own setting, else the name IT gave in kommune.yaml.
        deployed = self.layer.municipality if self.layer is not None else ""
        self.municipality.setText(self._setting(MUNICIPALITY_SETTING) or deployed)
        self.municipality.editingFinished.connect(self._municipality_changed)
        self.patient_line = QLineEdit(self)
        self.patient_line.setAccessibleName(self.tr("Linje til pasienten"))
        self.patient_line.setPlaceholderText(self.tr("Skrives ut, men lagres ikke"))
        self.patient_line.editingFinished.connect(self._options_changed)
        self.ticks = QComboBox(self)
        self.ticks.setAccessibleName(self.tr("Avkrysninger fra gjennomgang"))
        self.ticks.currentIndexChanged.connect(self._options_changed)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        theme.mark(self.warnings, "warning")

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setAccessibleName(self.tr("Forhåndsvisning"))
        self.preview.paintRequested.connect(self._paint_preview)
        self.preview.setViewMode(QPrintPreviewWidget.ViewMode.AllPagesView)

        print_button = self._button(self.tr("Skriv ut …"), self.print_)
        pdf_button = self._button(self.tr("Lagre som PDF …"), self.save_pdf)
        close = self._button(self.tr("Lukk"), self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Mal"), self.template_choice)
        form.addRow("", self.description)
        form.addRow(self.tr("Papir"), self.paper)
        form.addRow("", self.large)
        form.addRow(self.tr("Kommune"), self.municipality)
        form.addRow(self.tr("Til pasienten"), self.patient_line)
        form.addRow(self.tr("Avkrysninger"), self.ticks)
        moves = QHBoxLayout()
        for button in (self.up, self.down, self.remove):
            moves.addWidget(button)
        adds = QHBoxLayout()
        adds.addWidget(self.addable, 1)
        adds.addWidget(self.add)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("Innhold (i rekkefølge):"), self))
        column.addWidget(self.blocks, 1)
        column.addLayout(moves)
        column.addLayout(adds)
        column.addWidget(self.add_current)
        column.addWidget(self.warnings)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 680])
        a11y.name_splitter(
            split,
            self.tr("Innstillinger og forhåndsvisning"),
            self.tr("Skillelinje mellom innstillinger og forhåndsvisning"),
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (print_button, pdf_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.rstrip(" …"))
        button.clicked.connect(slot)
        return button

    def _fill_addable(self) -> None:
        self.addable.addItem(self.tr("Velg innhold …"), None)
        for contact in self.store.contacts():
            self.addable.addItem(self.tr("Kontakt: {name}").format(name=contact.name), contact.id)
        for checklist in self.store.checklists():
            self.addable.addItem(
                self.tr("Sjekkliste: {title}").format(title=checklist.title), checklist.id
            )
        for article in self.store.articles():
            for section in article.sections:
                self.addable.addItem(
                    self.tr("Avsnitt: {title}").format(title=section.heading), section.id
                )

    # --- the handout ---------------------------------------------------------------------

    def _template_chosen(self, index: int) -> None:
        template = self.templates[max(index, 0)]
        kept = self.handout
        self.handout = Handout.from_template(template)
        self.handout.paper, self.handout.large_print = kept.paper, kept.large_print
        self.description.setText(template.description)
        self._refresh()

    def block_label(self, block: HandoutBlock) -> str:
        if block.type == "text":
            return self.tr("Tekst: {heading}").format(heading=block.heading or "…")
        if block.type == "contact":
            return self.tr("Kontakt: {name}").format(name=self.store.contact(block.id).name)
        if block.type == "checklist":
            title = self.store.checklist(block.id).title
            return self.tr("Sjekkliste: {title}").format(title=title)
        _article, section = self.store.section(block.id)
        return self.tr("Avsnitt: {title}").format(title=section.heading)

    def _refresh(self, select: int | None = None) -> None:
        self.blocks.clear()
        for block in self.handout.blocks:
            self.blocks.addItem(QListWidgetItem(self.block_label(block)))
        if select is not None:
            self.blocks.setCurrentRow(select)
        self._fill_ticks()
        self._show_warnings()
        self.update_preview()

    def _fill_ticks(self) -> None:
        chosen = self.ticks.currentData()
        self.ticks.blockSignals(True)
        self.ticks.clear()
        self.ticks.addItem(self.tr("Ingen (tomme bokser)"), None)
        if self.userdata is not None:
            for block in self.handout.blocks:
                if block.type == "checklist":
                    for run in self.userdata.runs.list(block.id):
                        self.ticks.addItem(run.name, run.id)
        self.ticks.setCurrentIndex(max(self.ticks.findData(chosen), 0))
        self.ticks.setEnabled(self.ticks.count() > 1)
        self.ticks.blockSignals(False)
        self._apply_ticks()

    def _apply_ticks(self) -> None:
        run_id = self.ticks.currentData()
        self.handout.ticks = {}
        if run_id is not None and self.userdata is not None:
            state = self.userdata.runs.state(int(run_id))
            self.handout.ticks = {item: s.ticked for item, s in state.items()}

    def _show_warnings(self) -> None:
        """Staff-facing cautions (an old number, say) for what is on the handout."""
        lines = [
            f"{contact.name}: {contact.caution}"
            for block in self.handout.blocks
            if block.type == "contact" and (contact := self.store.contact(block.id)).caution
        ]
        self.warnings.setText(
            self.tr("Kontroller før utskrift:") + "\n" + "\n".join(lines) if lines else ""
        )

    def _move(self, delta: int) -> None:
        row = self.blocks.currentRow()
        if row >= 0:
            self._refresh(select=self.handout.move(row, delta))

    def _remove(self) -> None:
        row = self.blocks.currentRow()
        if row >= 0:
            self.handout.remove(row)
            self._refresh(select=min(row, len(self.handout.blocks) - 1))

    def add_content(self, ident: str) -> None:
        try:
            for block in block_for(self.store, ident):
                self.handout.add(block)
        except HandbokError as error:
            self.dialogs.warn(self.windowTitle(), error.message(translate))
            return
        self._refresh(select=len(self.handout.blocks) - 1)

    def _add_chosen(self) -> None:
        ident = self.addable.currentData()
        if ident:
            self.add_content(str(ident))

    def _add_current(self) -> None:
        if self.current:
            self.add_content(self.current)

    def _options_changed(self, *_args: object) -> None:
        self.handout.paper = self.paper.currentText()
        self.handout.large_print = self.large.isChecked()
        self.handout.municipality = self.municipality.text().strip()
        if self.layer is not None and self.layer.deployment is not None:
            self.handout.logo = self.layer.deployment.logo
        self.handout.patient_line = self.patient_line.text()
        self._apply_ticks()
        self.update_preview()

    def _municipality_changed(self) -> None:
        if self.userdata is not None:
            try:
                self.userdata.settings.set(MUNICIPALITY_SETTING, self.municipality.text().strip())
            except HandbokError as error:
                self.warnings.setText(error.message(translate))
        self._options_changed()

    def _setting(self, key: str) -> str:
        if self.userdata is None:
            return ""
        try:
            return self.userdata.settings.get(key) or ""
        except HandbokError:
            return ""

    # --- output --------------------------------------------------------------------------

    def _resolved(self) -> Resolved:
        return resolve(self.handout, self.store, layer=self.layer)

    def _build_for(self, device: QPagedPaintDevice) -> QTextDocument:
        self.last_document = build_document(self._resolved(), device)
        return self.last_document

    def update_preview(self) -> None:
        set_paper(self.printer, self.handout.paper)
        self.preview.updatePreview()

    def _paint_preview(self, printer: QPrinter) -> None:
        paint(self._build_for, printer, decor(self._resolved()))

    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_paper(printer, self.handout.paper)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            paint(self._build_for, printer, decor(self._resolved()))

    def save_pdf(self) -> Path | None:
        suggestion = f"{self.handout.template.id}.pdf"
        path = self.dialogs.save_path(self.tr("Lagre som PDF"), suggestion, self.tr("PDF (*.pdf)"))
        if path is None:
            return None
        try:
            write_pdf(
                self._build_for,
                path,
                self.handout.paper,
                decor(self._resolved()),
                self.handout.title,
            )
        except OSError as error:
            self.dialogs.warn(
                self.tr("Lagre som PDF"),
                self.tr("Kunne ikke lagre {path} ({reason}).").format(
                    path=path, reason=error.strerror or error
                ),
            )
            return None
        return path
