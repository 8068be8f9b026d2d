"""The handout composer: choose a template, add, remove and reorder blocks, choose paper and
print size, see the pages as they will print, then print or save as PDF.

The preview, the printer and the PDF get the same laid-out pages. A line typed for the
patient is kept only in this window; it is printed and forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QHideEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.handout import lay_out_handout, pdf_info
from desktop.documents.printing import Paged, paint_pages, write_paged_pdf
from desktop.i18n import translate
from desktop.safetext import PlainLabel
from desktop.windows import a11y, theme
from desktop.windows.contentpicker import ContentPicker
from desktop.windows.dialogs import DialogService
from desktop.windows.pagepreview import PagePreview
from index.content.model import HandoutBlock
from index.errors import HandbokError
from index.handout import Handout, Resolved, block_for, resolve, written_for_staff
from index.store.database import ContentStore
from index.userdata.store import UserData

if TYPE_CHECKING:
    from index.local.layer import LocalLayer

MUNICIPALITY_SETTING = "handout.municipality"
PAPER_SETTING = "handout.paper"
LARGE_SETTING = "handout.large_print"
PREVIEW_DELAY_MS = 120  # typing settles first; the preview still follows within 300 ms
NOTICE_LINES = (5, 12)  # the notices' height in lines: on a small screen, and at most


class Composer(QDialog):
    def __init__(
        self,
        store: ContentStore,
        userdata: UserData | None,
        dialogs: DialogService,
        parent: QWidget | None = None,
        current: str | None = None,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
        layer: LocalLayer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lag skriv til pasienten"))
        self.store = store
        self.layer = layer  # the municipality's name, logo and "Hos oss" notes, when there
        self.userdata = userdata
        self.dialogs = dialogs
        self.open_url = open_url
        self.current = current  # what the reader shows: offered as "add what I am reading"
        self.templates = store.handouts()
        self.handout = Handout.from_template(self.templates[0])
        self.paged: Paged | None = None
        self.saved: Path | None = None
        self._template_index = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.relayout)
        self._build()
        self._restore_settings()
        self._template_chosen(0)
        self._fit_screen()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.template_choice = QComboBox(self)
        self.template_choice.setAccessibleName(self.tr("Mal"))
        for template in self.templates:
            self.template_choice.addItem(template.title, template.id)
        self.template_choice.currentIndexChanged.connect(self._template_chosen)
        self.description = PlainLabel(self)  # a template's text, from a pack
        self.description.setWordWrap(True)

        self.paper = QComboBox(self)
        self.paper.setAccessibleName(self.tr("Papir"))
        self.paper.addItems(["A4", "A5"])
        self.large = QCheckBox(self.tr("Stor skrift"), self)
        self.municipality = QLineEdit(self)
        self.municipality.setAccessibleName(self.tr("Kommunens navn"))
        self.patient_line = QLineEdit(self)
        self.patient_line.setAccessibleName(self.tr("Linje til pasienten"))
        self.patient_line.setPlaceholderText(self.tr("Skrives ut, men lagres ikke"))
        self.ticks = QComboBox(self)
        self.ticks.setAccessibleName(self.tr("Avkrysninger fra gjennomgang"))

        self.blocks = QListWidget(self)
        self.blocks.setAccessibleName(self.tr("Innholdet i skrivet"))
        self.up = self._button(self.tr("Flytt opp"), lambda: self._move(-1))
        self.down = self._button(self.tr("Flytt ned"), lambda: self._move(+1))
        self.remove = self._button(self.tr("Fjern"), self._remove)
        self.picker = ContentPicker(self.store, self, layer=self.layer)
        self.picker.chosen.connect(self.add_content)
        self.add = self._button(self.tr("Legg til"), self._add_chosen)
        self.add_current = self._button(self.tr("Legg til det du leser"), self._add_current)
        self.add_current.setEnabled(bool(self.current))
        self.warnings = PlainLabel(self)
        self.warnings.setWordWrap(True)
        theme.mark(self.warnings, "warning")
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignTop)
        # The notices scroll when there are many: the lists above keep their room.
        self.notices = QScrollArea(self)
        self.notices.setWidget(self.warnings)
        self.notices.setWidgetResizable(True)
        self.notices.setFrameShape(QFrame.Shape.NoFrame)
        self.notices.setAccessibleName(self.tr("Merknader til skrivet"))
        self._fit_notices()

        self.preview = PagePreview(self)
        self.preview.setAccessibleName(self.tr("Forhåndsvisning"))

        self.saved_bar = QFrame(self)
        self.saved_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.saved_label = PlainLabel(self.saved_bar)  # names the file saved
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label.setWordWrap(True)
        self.open_pdf = self._button(self.tr("Åpne PDF"), self._open_saved)
        self.show_folder = self._button(self.tr("Vis i mappe"), self._show_folder)
        saved_row = QHBoxLayout(self.saved_bar)
        saved_row.addWidget(self.saved_label, 1)
        saved_row.addWidget(self.open_pdf)
        saved_row.addWidget(self.show_folder)
        self.saved_bar.hide()

        print_button = self._button(self.tr("Skriv ut …"), self.print_)
        pdf_button = self._button(self.tr("Lagre som PDF …"), self.save_pdf)
        close = self._button(self.tr("Lukk"), self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Mal"), self.template_choice)
        form.addRow("", self.description)
        sizes = QHBoxLayout()
        sizes.addWidget(self.paper)
        sizes.addWidget(self.large)
        sizes.addStretch(1)
        form.addRow(self.tr("Papir"), sizes)
        form.addRow(self.tr("Kommune"), self.municipality)
        form.addRow(self.tr("Til pasienten"), self.patient_line)
        form.addRow(self.tr("Avkrysninger"), self.ticks)
        moves = QHBoxLayout()
        for button in (self.up, self.down, self.remove):
            moves.addWidget(button)
        adds = QHBoxLayout()
        adds.addWidget(self.add)
        adds.addWidget(self.add_current)
        content = QWidget(self)
        content_column = QVBoxLayout(content)
        content_column.setContentsMargins(0, 0, 0, 0)
        content_column.addWidget(PlainLabel(self.tr("Innhold i skrivet (i rekkefølge):"), self))
        content_column.addWidget(self.blocks, 1)
        content_column.addLayout(moves)
        adding = QWidget(self)
        adding_column = QVBoxLayout(adding)
        adding_column.setContentsMargins(0, 0, 0, 0)
        adding_column.addWidget(PlainLabel(self.tr("Legg til:"), self))
        adding_column.addWidget(self.picker, 1)
        adding_column.addLayout(adds)
        lists = QSplitter(Qt.Orientation.Vertical, self)
        lists.addWidget(content)
        lists.addWidget(adding)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(lists, 1)
        column.addWidget(self.notices)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 700])
        a11y.name_splitter(
            split,
            self.tr("Innstillinger og forhåndsvisning"),
            self.tr("Skillelinje mellom innstillinger og forhåndsvisning"),
        )
        a11y.name_splitter(
            lists,
            self.tr("Innhold i skrivet og innhold som kan legges til"),
            self.tr("Skillelinje mellom innholdet i skrivet og det som kan legges til"),
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (print_button, pdf_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.saved_bar)
        layout.addLayout(buttons)

        self.paper.currentTextChanged.connect(self._options_changed)
        self.large.toggled.connect(self._options_changed)
        self.municipality.textChanged.connect(self._options_changed)
        self.municipality.editingFinished.connect(self._remember)
        self.patient_line.textChanged.connect(self._options_changed)
        self.ticks.currentIndexChanged.connect(self._options_changed)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.rstrip(" …"))
        button.clicked.connect(slot)
        return button

    def _fit_screen(self) -> None:
        """As large as is useful, never larger than the screen (1280x720 laptops)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1560, 1000
        if room is not None:
            width, height = min(width, room.width() - 24), min(height, room.height() - 48)
        self.resize(width, height)

    # --- settings ------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        deployed = self.layer.municipality if self.layer is not None else ""
        widgets = (self.paper, self.large, self.municipality)
        for widget in widgets:
            widget.blockSignals(True)
        self.municipality.setText(self._setting(MUNICIPALITY_SETTING) or deployed)
        self.paper.setCurrentText(self._setting(PAPER_SETTING) or "A4")
        self.large.setChecked(self._setting(LARGE_SETTING) == "1")
        for widget in widgets:
            widget.blockSignals(False)

    def _remember(self) -> None:
        if self.userdata is None:
            return
        try:
            self.userdata.settings.set(MUNICIPALITY_SETTING, self.municipality.text().strip())
            self.userdata.settings.set(PAPER_SETTING, self.paper.currentText())
            self.userdata.settings.set(LARGE_SETTING, "1" if self.large.isChecked() else "0")
        except HandbokError as error:
            self.warnings.setText(error.message(translate))

    def _setting(self, key: str) -> str:
        if self.userdata is None:
            return ""
        try:
            return self.userdata.settings.get(key) or ""
        except HandbokError:
            return ""

    # --- the handout ---------------------------------------------------------------------

    def _template_chosen(self, index: int) -> None:
        template = self.templates[max(index, 0)]
        keep = False
        added = self.handout.additions()
        if added and template.id != self.handout.template.id:
            keep = self.dialogs.confirm(
                self.tr("Bytt mal"),
                self.tr(
                    "Du har lagt til {count} deler i skrivet. Vil du ta dem med over i "
                    "«{title}»? Svarer du nei, blir de borte fra skrivet."
                ).format(count=len(added), title=template.title),
            )
        self._template_index = max(index, 0)
        self.handout = self.handout.with_template(template, keep)
        self.description.setText(template.description)
        self._options_changed()
        self._refresh()

    def block_label(self, block: HandoutBlock) -> str:
        if block.type == "text":
            return self.tr("Tekst: {heading}").format(heading=block.heading or "…")
        if block.type == "contact":
            name = self.store.contact(block.id).name
            if written_for_staff(block, self.store):
                return self.tr("Kontakt (for fagfolk): {name}").format(name=name)
            return self.tr("Kontakt: {name}").format(name=name)
        if block.type == "checklist":
            title = self.store.checklist(block.id).title
            return self.tr("Sjekkliste: {title}").format(title=title)
        _article, section = self.store.section(block.id)
        return self.tr("Avsnitt (for fagfolk): {title}").format(title=section.heading)

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
        """Staff-facing cautions (an old number, say) and what will not be printed."""
        lines = []
        cautions = [
            f"{contact.name}: {contact.caution}"
            for block in self.handout.blocks
            if block.type == "contact" and (contact := self.store.contact(block.id)).caution
        ]
        if cautions:
            lines += [self.tr("Kontroller før utskrift:"), *cautions]
        left_out = [
            contact
            for block in self.handout.blocks
            if block.type == "contact" and not (contact := self.store.contact(block.id)).channels
        ]
        for contact in left_out:
            lines.append(
                self.tr(
                    "Skrives ikke ut: {name} har ingen telefon, e-post eller nettadresse i "
                    "Handbok. Legg inn kommunens egen som lokal kontakt, og legg den til."
                ).format(name=contact.name)
            )
        self.warnings.setText("\n".join(lines))
        self.notices.setVisible(bool(lines))
        self._fit_notices()

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
            blocks = block_for(self.store, ident)
        except HandbokError as error:
            self.dialogs.warn(self.windowTitle(), error.message(translate))
            return
        staff = [b for b in blocks if written_for_staff(b, self.store)]
        if staff and not self.dialogs.confirm(
            self.tr("Skrevet for fagfolk"),
            self.tr(
                "«{title}» er skrevet for fagfolk, ikke for pasienter, og kan ha faguttrykk "
                "og forkortelser. Vil du likevel ha det med i skrivet?"
            ).format(title=self._title_of(ident)),
        ):
            return
        for block in blocks:
            self.handout.add(block)
        self._refresh(select=len(self.handout.blocks) - 1)

    def _title_of(self, ident: str) -> str:
        kind = self.store.kind_of(ident)
        if kind == "contact":
            return self.store.contact(ident).name
        if kind == "article" and "#" in ident:
            return self.store.section(ident)[1].heading
        if kind == "article":
            return self.store.article(ident).title
        return ident

    def _add_chosen(self) -> None:
        ident = self.picker.current()
        if ident:
            self.add_content(ident)

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
        if self.sender() in (self.paper, self.large):
            self._remember()
        self.update_preview()

    # --- output --------------------------------------------------------------------------

    def update_preview(self) -> None:
        """Lay the pages out again shortly: a burst of typing costs one layout. Hidden, the
        pages are laid out when shown, printed or saved."""
        self.paged = None
        if self.isVisible():
            self._timer.start()

    def _fit_notices(self) -> None:
        """Five lines on a 720 px screen (the lists above keep their room); a taller dialog
        gives a line more for every 40 px, up to twelve, so what to check before printing is
        read without scrolling."""
        line = self.fontMetrics().lineSpacing()
        fewest, most_lines = NOTICE_LINES
        lines = min(most_lines, fewest + max(0, self.height() - 700) // 40)
        most = line * lines + 6
        # As tall as the text when that fits (the lists above take the rest), else ``most``.
        width = max(self.notices.viewport().width(), 100)
        needed = self.warnings.heightForWidth(width) + 2
        self.notices.setFixedHeight(min(max(needed, line + 6), most))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_notices()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.paged is None:
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        self._remember()  # a municipality typed just before closing counts too
        super().hideEvent(event)

    def _resolved(self) -> Resolved:
        return resolve(self.handout, self.store, layer=self.layer)

    def relayout(self) -> Paged:
        self._timer.stop()
        self.paged = lay_out_handout(self._resolved())
        self.preview.set_pages(self.paged)
        return self.paged

    def _pages(self) -> Paged:
        """The pages as the preview shows them, laid out now if a change is still waiting."""
        if self.paged is None or self._timer.isActive():
            return self.relayout()
        return self.paged

    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                paint_pages(self._pages(), printer)
            except OSError as error:
                self.dialogs.warn(self.tr("Skriv ut"), str(error))

    def suggested_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{self.handout.template.id}-{date.today().isoformat()}.pdf"
        return Path(folder or Path.home()) / name

    def save_pdf(self) -> Path | None:
        path = self.dialogs.save_path(
            self.tr("Lagre som PDF"), str(self.suggested_path()), self.tr("PDF (*.pdf)")
        )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_paged_pdf(self._pages(), path, pdf_info(self._resolved()))
        except OSError as error:
            self.dialogs.warn(
                self.tr("Lagre som PDF"),
                self.tr("Kunne ikke lagre {path} ({reason}).").format(
                    path=path, reason=error.strerror or error
                ),
            )
            return None
        self.saved = path
        self.saved_label.setText(
            self.tr("Lagret {pages} sider som {path}.").format(pages=self._pages().count, path=path)
        )
        self.saved_bar.show()
        return path

    def _open_saved(self) -> None:
        if self.saved is not None:
            self.open_url(QUrl.fromLocalFile(str(self.saved)))

    def _show_folder(self) -> None:
        if self.saved is not None:
            self.open_url(QUrl.fromLocalFile(str(self.saved.parent)))
