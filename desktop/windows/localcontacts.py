"""The municipality's own contacts in the app: new, edit, delete, CSV import and export.

Contacts IT deployed in kommune.yaml are shown but cannot be changed here. After every
change the local layer is read again, so search and the contact list show it at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from desktop.i18n import tr, translate
from desktop.windows.dialogs import DialogService
from desktop.windows.guard import Guard
from index.local.draft import LOCAL_REGION
from index.local.layer import LocalLayer

T = TypeVar("T")


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

    def _done(self) -> None:
        self.layer.reload()
        self.changed()

    def editable(self, contact_id: str | None) -> bool:
        store = self.layer.local
        return bool(contact_id and store and store.contacts.get(contact_id) is not None)

    def home_region(self) -> str:
        """Where a new contact belongs: the area the municipality's contacts are in most
        often, else the municipality's name ("Hamar" for "Hamar kommune"), else "lokal"."""
        regions = Counter(
            c.region for c in self.layer.contacts() if c.region not in (LOCAL_REGION, "nasjonal")
        )
        if regions:
            return regions.most_common(1)[0][0]
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
        from index.local.csvfile import import_csv

        store = self.layer.local
        path = self.dialogs.open_path(tr("Importer kontakter"), tr("CSV (*.csv *.txt)"))
        if store is None or path is None:
            return
        report = self._safe(lambda: import_csv(store, path), None)
        if report is None:
            return
        self._done()
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
