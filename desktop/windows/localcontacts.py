"""The municipality's own contacts in the app: new, edit, delete, CSV import and export.

Contacts IT deployed in kommune.yaml are shown but cannot be changed here. After every
change the local layer is read again, so search and the contact list show it at once.

A CSV import runs on a thread of its own (``ImportWorker``), through a connection of its own,
with its progress shown: a municipality's whole phone list (100,000 rows) takes seconds, and
the window must go on answering meanwhile. The window then reads a page of the list on its
background thread (``background.py``), never all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.faults import log_fault
from desktop.i18n import tr, translate
from desktop.windows.dialogs import DialogService
from desktop.windows.guard import Guard
from index.local.draft import LOCAL_REGION
from index.local.layer import LocalLayer

T = TypeVar("T")


class ImportWorker(QThread):
    """Imports a CSV file into the local contacts file in ``folder``, off the GUI thread.
    ``progress(done, total)``; then ``finished_import(report)`` or ``failed(sentence)``."""

    progress = Signal(int, int)
    finished_import = Signal(object)
    failed = Signal(str)

    def __init__(self, folder: Path, path: Path, reserved: Collection[str]) -> None:
        super().__init__()
        self.folder, self.path, self.reserved = folder, path, list(reserved)

    def run(self) -> None:
        import traceback

        from index.errors import HandbokError
        from index.local.csvfile import import_csv
        from index.local.store import LocalStore

        try:
            with LocalStore.open(self.folder, reserved_ids=self.reserved) as store:
                report = import_csv(store, self.path, self.progress.emit)
            self.finished_import.emit(report)
        except HandbokError as error:
            self.failed.emit(error.message(translate))
        except Exception:
            log_fault(self.folder, traceback.format_exc())
            self.failed.emit(
                tr("Importen stoppet på grunn av en uventet feil; ingenting ble lagret.")
            )


def _progress_dialog(parent: QWidget | None) -> QProgressDialog:
    """Shown after half a second (a short file never shows it); it cannot be cancelled, as
    an import is one transaction that saves all good rows or none."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(tr("Importer kontakter"))
    dialog.setLabelText(tr("Leser og lagrer kontaktene …"))
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(tr("Importerer kontakter"))
    return dialog


class LocalContactActions:
    def __init__(
        self,
        layer: LocalLayer,
        dialogs: DialogService,
        changed: Callable[[], None],
        report: Callable[[str], None],
    ) -> None:
        self.layer = layer
        self.dialogs = dialogs
        self.changed = changed
        self.report = report
        self._safe = Guard(lambda sentence: dialogs.warn(tr("Lokale kontakter"), sentence))
        self.worker: ImportWorker | None = None
        self.progress: QProgressDialog | None = None

    def _done(self) -> None:
        self.layer.reload()
        self.changed()

    def editable(self, contact_id: str | None) -> bool:
        store = self.layer.local
        return bool(contact_id and store and store.contacts.get(contact_id) is not None)

    def home_region(self) -> str:
        """Where a new contact belongs: the area the municipality's contacts are in most
        often, else the municipality's name ("Hamar" for "Hamar kommune"), else "lokal"."""
        region = self.layer.most_common_region((LOCAL_REGION, "nasjonal"))
        if region:
            return region
        name = self.layer.municipality.strip()
        if name.lower().endswith(" kommune"):
            name = name[: -len(" kommune")].strip()
        return name or LOCAL_REGION

    def new(self) -> None:
        store = self.layer.local
        if store is None:
            return
        draft = self.dialogs.edit_contact(None, region=self.home_region())
        if draft is not None and self._safe(lambda: store.contacts.add(draft), None):
            self._done()

    def edit(self, contact_id: str | None) -> None:
        store = self.layer.local
        if store is None or not self.editable(contact_id):
            self.report(tr("Bare kontakter dere har lagt inn selv, kan endres her."))
            return
        assert contact_id is not None
        draft = self.dialogs.edit_contact(store.contacts.get(contact_id))
        if draft is not None and self._safe(lambda: store.contacts.update(contact_id, draft), None):
            self._done()

    def delete(self, contact_id: str | None) -> None:
        store = self.layer.local
        if store is None or not self.editable(contact_id):
            self.report(tr("Bare kontakter dere har lagt inn selv, kan slettes her."))
            return
        assert contact_id is not None
        if self.dialogs.confirm(tr("Slett kontakt"), tr("Vil du slette den lokale kontakten?")):
            self._safe(lambda: store.contacts.delete(contact_id), None)
            self._done()

    def import_csv(self) -> None:
        """Ask for a file and import it on the worker thread; the window stays usable, the
        progress is shown, and the outcome is told when the worker is done."""
        store = self.layer.local
        if store is None or self.worker is not None:
            return
        path = self.dialogs.open_path(tr("Importer kontakter"), tr("CSV (*.csv *.txt)"))
        if path is None:
            return
        reserved = [c.id for c in self.layer.deployment.contacts] if self.layer.deployment else []
        worker = self.worker = ImportWorker(store.path.parent, path, reserved)
        parent = self.dialogs.parent if isinstance(self.dialogs.parent, QWidget) else None
        self.progress = _progress_dialog(parent)
        worker.progress.connect(self._progressed)
        worker.finished_import.connect(self._imported)
        worker.failed.connect(self._import_failed)
        worker.finished.connect(self._worker_gone)
        worker.start()

    def wait(self, seconds: float = 600.0) -> None:
        """Until the import running now is done and told (tests, and closing the window)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(int(seconds * 1000))
        while self.worker is not None and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(5)

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, total))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _worker_gone(self) -> None:
        """The thread has ended (its ``finished``): only now may it be deleted."""
        self._close_progress()
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
        self.worker = None

    def _import_failed(self, sentence: str) -> None:
        self._close_progress()
        self.dialogs.warn(tr("Lokale kontakter"), sentence)

    def _imported(self, report: Any) -> None:
        self._close_progress()
        self.layer.reload()
        self.changed()
        lines = [
            tr("{added} nye, {updated} oppdatert, {unchanged} uendret.").format(
                added=report.added, updated=report.updated, unchanged=report.unchanged
            ),
            *report.messages(translate),
        ]
        self.dialogs.inform(tr("Importer kontakter"), "\n".join(lines))

    def export_csv(self) -> None:
        from index.local.csvfile import export_csv

        store = self.layer.local
        path = self.dialogs.save_path(
            tr("Eksporter kontakter"), "lokale-kontakter.csv", tr("CSV (*.csv)")
        )
        if store is None or path is None:
            return
        count = self._safe(lambda: export_csv(store, path), None)
        if count is not None:
            self.report(
                tr("Skrev {count} lokale kontakter til {path}.").format(count=count, path=path)
            )
