"""Opens the content the program works with: the store and its searcher, built if needed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from index.build import BuildReport, ensure_store
from index.resources import content_dir, is_frozen, search_config_dir
from index.search import Searcher
from index.store import DB_FILE, Store


@dataclass
class Handbook:
    store: Store
    searcher: Searcher
    location: Path

    def close(self) -> None:
        self.searcher.close()
        self.store.close()


def prepare_store(location: Path) -> BuildReport | None:
    """From a source checkout, (re)build the store when the content changed. A frozen program
    uses the store it ships with, in a folder that may well be read-only."""
    if is_frozen():
        return None
    return ensure_store(content_dir(), search_config_dir(), location)


def open_handbook(location: Path) -> Handbook:
    store = Store(location / DB_FILE)
    try:
        searcher = Searcher(location, store.synonyms())
    except Exception:
        store.close()
        raise
    return Handbook(store, searcher, location)
