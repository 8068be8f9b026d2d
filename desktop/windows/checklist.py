"""A checklist to work through: ticks and a note per item, kept in named runs (one per
self-help group being started, say). Every tick and every note is saved at once."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.safetext import PlainLabel, RichLabel, escaped
from desktop.windows import pagebody, theme
from desktop.windows.dialogs import DialogService
from desktop.windows.guard import Guard
from index.content.model import Checklist, ChecklistItem
from index.userdata.store import ChecklistRun, ChecklistRuns, ItemState

T = TypeVar("T")
MEASURE = 90  # regular characters: an item's bold text then runs to about 75 a line
COLUMN_EXTRA = 60  # the box, the indent of a note and the scroll bar
SAMPLE = "Frivilligsentralene kan være et sted der selvhjelpsgrupper kan låne lokaler."


class ChecklistView(QWidget):
    """``error(sentence)`` when saving fails; ``source_requested(section id)``."""

    error = Signal(str)
    source_requested = Signal(str)

    def __init__(
        self, runs: ChecklistRuns, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runs = runs
        self.dialogs = dialogs
        self._safe = Guard(self.error.emit)
        self.checklist: Checklist | None = None
        self.boxes: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLineEdit] = {}

        self.title = RichLabel(parent=self)  # the title and intro, escaped
        self.title.setWordWrap(True)
        self.run_choice = QComboBox(self)
        self.run_choice.setAccessibleName(self.tr("Gjennomgang"))
        self.run_choice.setMinimumWidth(160)
        # No run yet: say what starts one rather than show an empty field.
        self.run_choice.setPlaceholderText(self.tr("Ingen ennå: den første haken starter en"))
        self.run_choice.currentIndexChanged.connect(self._run_chosen)
        self.new_run = QPushButton(self.tr("Ny gjennomgang"), self)
        self.new_run.clicked.connect(self.create_run)
        self.rename_run = QPushButton(self.tr("Gi nytt navn"), self)
        self.rename_run.clicked.connect(self.rename_current)
        self.delete_run = QPushButton(self.tr("Slett"), self)
        self.delete_run.setAccessibleName(self.tr("Slett gjennomgangen"))
        self.delete_run.clicked.connect(self.delete_current)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Framdrift"))
        scroll = self.scroll_area = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items_box, self.items_layout = pagebody.begin(scroll)
        pagebody.show(scroll, self.items_box)

        # The run and its buttons on two rows: the view fits beside the panel on half of a
        # 1280 px screen.
        runs_row, buttons_row = QHBoxLayout(), QHBoxLayout()
        runs_row.addWidget(PlainLabel(self.tr("Gjennomgang:"), self))
        runs_row.addWidget(self.run_choice, 1)
        for widget in (self.new_run, self.rename_run, self.delete_run):
            buttons_row.addWidget(widget)
        buttons_row.addStretch(1)
        # One column, centred, about MEASURE characters wide: on a wide screen an item's text
        # ran to 140 characters a line and the progress bar across the whole window.
        self.column = QWidget(self)
        layout = QVBoxLayout(self.column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(runs_row)
        layout.addLayout(buttons_row)
        layout.addWidget(self.progress)
        layout.addWidget(scroll, 1)
        # Centred by two stretches that take only what the column cannot (a margin or an
        # alignment would hold the view wider than a small screen leaves it).
        outer = QHBoxLayout(self)
        outer.setSpacing(0)
        outer.addStretch(1)
        outer.addWidget(self.column, 10_000)
        outer.addStretch(1)
        self._fit_measure()

    def _fit_measure(self) -> None:
        per_char = self.fontMetrics().horizontalAdvance(SAMPLE) / len(SAMPLE)
        self.column.setMaximumWidth(int(MEASURE * per_char) + COLUMN_EXTRA)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed: so does the measure
            self._fit_measure()

    # --- showing -------------------------------------------------------------------------

    def show_checklist(self, checklist: Checklist, run_id: int | None = None) -> None:
        same = self.checklist is not None and self.checklist.id == checklist.id
        self.checklist = checklist
        self.title.setText(f"<h1>{escaped(checklist.title)}</h1><p>{escaped(checklist.intro)}</p>")
        self._build_items(checklist.items, keep_place=same)
        self._load_runs(select=run_id)

    def _build_items(self, items: tuple[ChecklistItem, ...], keep_place: bool) -> None:
        # A new box for the items, the old one deleted whole (pagebody: taking the rows out
        # of a layout that stays left PySide wrappers of freed layout items, issue 15).
        self.items_box, self.items_layout = pagebody.begin(self.scroll_area)
        self.boxes.clear()
        self.notes.clear()
        group = None
        for item in items:
            if item.group and item.group != group:
                group = item.group
                heading = RichLabel(f"<h3>{escaped(group)}</h3>", self.items_box)
                self.items_layout.addWidget(heading)
            box = _ItemBox(self.scroll_area, self.items_box)
            box.setAccessibleName(item.text)
            box.toggled.connect(lambda ticked, i=item.id: self._ticked(i, ticked))
            self.items_layout.addLayout(_item_row(box, item.text, self.items_box))
            if item.help:
                help_text = PlainLabel(item.help, self.items_box)
                help_text.setWordWrap(True)
                help_text.setStyleSheet("margin-left: 24px;")
                theme.mark(help_text, "window_details")
                self.items_layout.addWidget(help_text)
            note = QLineEdit(self.items_box)
            note.setPlaceholderText(self.tr("Notat"))
            note.setAccessibleName(self.tr("Notat til: {item}").format(item=item.text))
            note.setStyleSheet("margin-left: 24px;")
            note.textEdited.connect(lambda text, i=item.id: self._noted(i, text))
            self.items_layout.addWidget(note)
            self.boxes[item.id] = box
            self.notes[item.id] = note
        self.items_layout.addStretch(1)
        pagebody.show(self.scroll_area, self.items_box, keep_place)

    def _load_runs(self, select: int | None = None, show_state: bool = True) -> None:
        assert self.checklist is not None
        checklist_id = self.checklist.id
        no_runs: list[ChecklistRun] = []
        runs = self._safe(lambda: self.runs.list(checklist_id), no_runs)
        self.run_choice.blockSignals(True)
        self.run_choice.clear()
        for run in runs:
            self.run_choice.addItem(run.name, run.id)
        if select is not None and (index := self.run_choice.findData(select)) >= 0:
            self.run_choice.setCurrentIndex(index)
        elif runs:  # with a placeholder text a combo box leaves the choice to us
            self.run_choice.setCurrentIndex(0)
        self.run_choice.blockSignals(False)
        has_runs = bool(runs)
        self.rename_run.setEnabled(has_runs)
        self.delete_run.setEnabled(has_runs)
        if show_state:
            self._show_state()

    def focus_item(self, item_id: str) -> None:
        """Bring one item into view, as when a search hit pointed at it."""
        box = self.boxes.get(item_id)
        if box is not None:
            self.items_box.adjustSize()
            self.scroll_area.ensureWidgetVisible(box, 50, 120)
            box.setFocus()

    def marks(self) -> tuple[dict[str, bool], dict[str, str]]:
        """The ticks and notes on screen, for printing."""
        ticks = {item: box.isChecked() for item, box in self.boxes.items()}
        notes = {item: field.text() for item, field in self.notes.items() if field.text()}
        return ticks, notes

    def current_run(self) -> int | None:
        data = self.run_choice.currentData()
        return int(data) if data is not None else None

    def _run_chosen(self, _index: int) -> None:
        self._show_state()

    def _show_state(self) -> None:
        run_id = self.current_run()
        state: dict[str, ItemState] = {}
        if run_id is not None:
            state = self._safe(lambda: self.runs.state(run_id), state)
        for item_id in self.boxes:
            saved = state.get(item_id)
            self._show_tick(item_id, bool(saved and saved.ticked))
            self.notes[item_id].setText(saved.note if saved else "")
        self._update_progress()

    def _show_tick(self, item_id: str, ticked: bool) -> None:
        """Show a tick as saved, without it counting as the user's click."""
        box = self.boxes[item_id]
        box.blockSignals(True)
        box.setChecked(ticked)
        box.blockSignals(False)

    def _update_progress(self) -> None:
        total = len(self.boxes)
        done = sum(box.isChecked() for box in self.boxes.values())
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} av {total} punkter").format(done=done, total=total))

    # --- saving --------------------------------------------------------------------------

    def _ensure_run(self) -> int | None:
        """The first tick or note on a checklist starts a run, so nothing is ever lost."""
        run_id = self.current_run()
        if run_id is not None or self.checklist is None:
            return run_id
        name = self.tr("Gjennomgang {date}").format(date=date.today().strftime("%d.%m.%Y"))
        checklist_id = self.checklist.id
        run = self._safe(lambda: self.runs.create(checklist_id, name), None)
        if run is None:
            return None
        # The new run is empty: keep what is on screen (the tick that started it) as it is.
        self._load_runs(select=run.id, show_state=False)
        return run.id

    def _ticked(self, item_id: str, ticked: bool) -> None:
        run_id = self._ensure_run()
        saved = run_id is not None and self._safe(
            lambda: self._save_tick(run_id, item_id, ticked), False
        )
        if not saved:  # the sentence is shown; the box must not claim what was not saved
            self._show_tick(item_id, not ticked)
        self._update_progress()

    def _save_tick(self, run_id: int, item_id: str, ticked: bool) -> bool:
        self.runs.set_ticked(run_id, item_id, ticked)
        return True

    def _noted(self, item_id: str, text: str) -> None:
        run_id = self._ensure_run()
        if run_id is not None:
            self._safe(lambda: self.runs.set_note(run_id, item_id, text), None)

    def create_run(self) -> None:
        if self.checklist is None:
            return
        name = self.dialogs.ask_text(
            self.tr("Ny gjennomgang"),
            self.tr("Navn på gjennomgangen (for eksempel gruppen eller stedet):"),
        )
        if not name or not name.strip():
            return
        checklist_id = self.checklist.id
        run = self._safe(lambda: self.runs.create(checklist_id, name.strip()), None)
        if run is not None:
            self._load_runs(select=run.id)

    def rename_current(self) -> None:
        run_id = self.current_run()
        if run_id is None:
            return
        name = self.dialogs.ask_text(
            self.tr("Gi nytt navn"), self.tr("Nytt navn:"), self.run_choice.currentText()
        )
        if name and name.strip():
            self._safe(lambda: self.runs.rename(run_id, name.strip()), None)
            self._load_runs(select=run_id)

    def delete_current(self) -> None:
        run_id = self.current_run()
        if run_id is None:
            return
        if self.dialogs.confirm(
            self.tr("Slett gjennomgangen"),
            self.tr("Vil du slette «{name}» med alle avkrysninger og notater?").format(
                name=self.run_choice.currentText()
            ),
        ):
            self._safe(lambda: self.runs.delete(run_id), None)
            self._load_runs()


class _ItemBox(QCheckBox):
    """An item's box. Space ticks it only when the user can see it: with the box scrolled
    out of sight, the first Space brings it into view (and the ring around it) instead, so a
    key meant to scroll never ticks an item nobody looked at."""

    def __init__(self, scroll: QScrollArea, parent: QWidget) -> None:
        super().__init__(parent)
        self.area = scroll
        self._held = False  # a Space press shown, not acted on: its release is not a click

    def seen(self) -> bool:
        shown = self.visibleRegion().boundingRect()
        return shown == self.rect()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self.seen():
            self.area.ensureWidgetVisible(self, 50, 120)
            self._held = True
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self._held:
            self._held = False
            event.accept()
            return
        super().keyReleaseEvent(event)


class _ClickableLabel(PlainLabel):
    """The item text beside its box, as it is written: wraps, and a click on it ticks the box."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setStyleSheet("font-weight: 600;")
        self.setBuddy(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.box.toggle()
        super().mouseReleaseEvent(event)


def _item_row(box: QCheckBox, text: str, parent: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(_ClickableLabel(text, box, parent), 1)
    return row
