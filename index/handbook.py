"""Opens the content the program works with: the store and its searcher, built if needed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from index.paths import builtin_store_dir, packs_root
from index.resources import content_dir, is_frozen, search_config_dir
from index.search.searcher import ContentSearcher, Searcher
from index.store.database import DB_FILE, ContentStore, Store

if TYPE_CHECKING:
    from index.content.model import Contact
    from index.local.layer import LocalLayer
    from index.store.build import BuildReport


@dataclass
class Handbook:
    store: ContentStore  # a Store, or a LayeredStore once the local layer is added
    searcher: ContentSearcher  # a Searcher, or a LayeredSearcher
    location: Path
    layer: LocalLayer | None = None
    national: ContentStore | None = None  # the store under the local layer, once it is added

    def national_contacts(self) -> list[Contact]:
        """The content's own contacts (tens), never the staff's (which may be 100,000)."""
        return (self.national or self.store).contacts()

    def add_local(self, data_dir: Path, read_only: bool = False) -> list[str]:
        """Lay the municipality's contacts over the national content (on the thread that will
        use them); returns sentences about anything that could not be opened. ``read_only``:
        for a command that only reads them (``open_local_layer``)."""
        from index.local.layer import LayeredSearcher, LayeredStore, open_local_layer

        layer, notices = open_local_layer(
            data_dir, self.location, self.store.synonyms(), read_only=read_only
        )
        self.national = self.store
        self.store = LayeredStore(self.store, layer)
        self.searcher = LayeredSearcher(self.searcher, layer)
        self.layer = layer
        return notices

    def close(self) -> None:
        self.searcher.close()
        self.store.close()
        if self.layer is not None:
            self.layer.close()


def prepare_store(location: Path) -> BuildReport | None:
    """Rebuild a store whose content or format changed. The store of an imported content pack
    is rebuilt from that pack's content (after a program update changed the format, say),
    never from the built-in content. A frozen program's own store is used as shipped, from a
    folder that may well be read-only; a source checkout rebuilds it when the content changed.
    """
    from index.packs.install import installed_info

    pack = installed_info(packs_root())
    if pack is not None and pack.store == location and pack.content is not None:
        return _ensure(pack.content, location)
    if is_frozen() or location != builtin_store_dir():
        return None
    return _ensure(content_dir(), location)


def _ensure(content: Path, location: Path) -> BuildReport:
    # The builder brings the content's parsers (Markdown, YAML): imported only when a store
    # may need building, never for one used as it is (a frozen program, ``--store``).
    from index.store.build import ensure_store

    return ensure_store(content, search_config_dir(), location)


def open_handbook(location: Path) -> Handbook:
    store = Store(location / DB_FILE)
    try:
        searcher = Searcher(location, store.synonyms())
    except Exception:
        store.close()
        raise
    return Handbook(store, searcher, location)


def open_or_repair(location: Path, repair: bool = True) -> tuple[Handbook, str]:
    """Open the content; if its database or search index is damaged or missing, build it again
    from the content it came from and say so in one sentence (empty when all was well).

    The repair goes where it can be written: in place from a source checkout or for a content
    pack, else (a frozen program's read-only folder) into the user's own folder, for this run.
    """
    from index.errors import HandbokError
    from index.i18n import QT_TRANSLATE_NOOP

    try:
        return open_handbook(location), ""
    except HandbokError as failure:
        if not repair:  # a store named explicitly is never replaced behind the user's back
            raise
        reason = failure.message()
    from index.store.build import build_store  # the content's parsers: only for a repair

    source, target = _repair_plan(location)
    build_store(source, search_config_dir(), target)
    notice = QT_TRANSLATE_NOOP(
        "Handbok",
        "Innholdet kunne ikke åpnes ({reason}). Handbok har bygget det på nytt fra sine egne "
        "filer, og alt virker som før.",
    )
    return open_handbook(target), notice.format(reason=reason.rstrip("."))


def _repair_plan(location: Path) -> tuple[Path, Path]:
    """(content to build from, where to build)."""
    from index.packs.install import installed_info

    pack = installed_info(packs_root())
    if pack is not None and pack.store == location and pack.content is not None:
        return pack.content, location
    if _writable(location.parent):
        return content_dir(), location
    return content_dir(), packs_root() / "reparert-innhold"


def _writable(folder: Path) -> bool:
    import os

    return folder.is_dir() and os.access(folder, os.W_OK)
