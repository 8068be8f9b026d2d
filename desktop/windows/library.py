"""What the user keeps: bookmarks (with notes, export and import) and history.

The window owns the panels; this object holds the logic between them and the user data,
and reports problems as sentences through ``report``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from desktop.i18n import tr
from desktop.windows.dialogs import DialogService
from desktop.windows.guard import Guard
from desktop.windows.lists import BookmarksPanel, HistoryPanel
from index.userdata.store import Bookmark, HistoryEntry, UserData

T = TypeVar("T")


class Library:
    def __init__(
        self,
        userdata: UserData,
        dialogs: DialogService,
        bookmarks: BookmarksPanel,
        history: HistoryPanel,
        exists: Callable[[str], bool],
        report: Callable[[str], None],
    ) -> None:
        self.userdata = userdata
        self.dialogs = dialogs
        self.bookmarks_panel = bookmarks
        self.history_panel = history
        self.exists = exists
        self.report = report
        self._safe = Guard(report)
        bookmarks.note_button.clicked.connect(self.edit_note)
        bookmarks.delete_button.clicked.connect(self.delete_chosen)
        bookmarks.export_button.clicked.connect(self.export)
        bookmarks.import_button.clicked.connect(self.import_file)
        history.clear_button.clicked.connect(self.clear_history)

    # --- bookmarks -----------------------------------------------------------------------

    def is_bookmarked(self, target: str) -> bool:
        return self._safe(lambda: self.userdata.bookmarks.is_bookmarked(target), False)

    def toggle(self, target: str, kind: Any, title: str) -> None:
        """Ctrl+D and the star: add a bookmark (asking for an optional note) or remove it."""
        bookmarks = self.userdata.bookmarks
        if self.is_bookmarked(target):
            if self.dialogs.confirm(
                tr("Fjern bokmerke"),
                tr("Vil du fjerne bokmerket «{title}»?").format(title=title),
            ):
                self._safe(lambda: bookmarks.delete(target), None)
        else:
            note = self.dialogs.ask_text(
                tr("Legg til bokmerke"), tr("Notat til bokmerket (kan stå tomt):")
            )
            if note is None:
                return
            self._safe(lambda: bookmarks.add(target, kind, title, note.strip()), None)
        self.refresh()

    def refresh(self) -> None:
        none: list[Bookmark] = []
        marks = self._safe(self.userdata.bookmarks.list, none)
        present = {b.target for b in marks if self.exists(b.target)}
        self.bookmarks_panel.set_bookmarks(marks, present)

    def edit_note(self) -> None:
        target = self.bookmarks_panel.current_target()
        if target is None:
            return
        bookmarks = self.userdata.bookmarks
        current = self._safe(lambda: bookmarks.get(target), None)
        note = self.dialogs.ask_text(
            tr("Notat"), tr("Notat til bokmerket:"), current.note if current else ""
        )
        if note is not None:
            self._safe(lambda: bookmarks.update_note(target, note.strip()), None)
            self.refresh()

    def delete_chosen(self) -> None:
        target = self.bookmarks_panel.current_target()
        if target is None:
            return
        if self.dialogs.confirm(tr("Slett bokmerke"), tr("Vil du slette bokmerket?")):
            bookmarks = self.userdata.bookmarks
            self._safe(lambda: bookmarks.delete(target), None)
            self.refresh()

    def export(self) -> None:
        from index.userdata.bookmarkfile import export_bookmarks

        path = self.dialogs.save_path(
            tr("Eksporter bokmerker"), "handbok-bokmerker.json", tr("JSON (*.json)")
        )
        if path is None:
            return
        bookmarks = self.userdata.bookmarks
        count = self._safe(lambda: export_bookmarks(bookmarks, path), None)
        if count is not None:
            self.report(
                tr("Eksporterte {count} bokmerker til {path}.").format(count=count, path=path)
            )

    def import_file(self) -> None:
        from index.userdata.bookmarkfile import import_bookmarks

        path = self.dialogs.open_path(tr("Importer bokmerker"), tr("JSON (*.json)"))
        if path is None:
            return
        bookmarks = self.userdata.bookmarks
        result = self._safe(lambda: import_bookmarks(bookmarks, path), None)
        if result is not None:
            self.dialogs.inform(
                tr("Importer bokmerker"),
                tr("{added} nye, {updated} oppdatert, {skipped} fantes fra før.").format(
                    added=result.added, updated=result.updated, skipped=result.skipped
                ),
            )
            self.refresh()

    # --- history -------------------------------------------------------------------------

    def record(self, target: str, kind: Any, title: str) -> None:
        if self.userdata.read_only:  # told once at the start; not again at every page opened
            return
        history = self.userdata.history
        if self._safe(lambda: history.record(target, kind, title), None) is not None:
            self.refresh_history()

    def refresh_history(self) -> None:
        history = self.userdata.history
        none: list[HistoryEntry] = []
        self.history_panel.set_entries(self._safe(lambda: history.list(100), none))

    def clear_history(self) -> None:
        if self.dialogs.confirm(tr("Tøm historikken"), tr("Vil du tømme historikken?")):
            self._safe(self.userdata.history.clear, None)
            self.refresh_history()
