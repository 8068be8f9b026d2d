"""Where things live: the built store and the per-user data folder.

Each location has an explicit override (command-line option, then environment variable) so
tests and IT can point Handbok anywhere and nothing ever writes into the program folder by
accident.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from index.resources import bundle_root, is_frozen

APP_NAME = "Handbok"
DATA_DIR_ENV = "HANDBOK_DATA_DIR"
STORE_DIR_ENV = "HANDBOK_STORE"


def user_data_dir(override: str | Path | None = None) -> Path:
    """Per-user data (bookmarks, history, checklist runs, settings). Roaming on Windows, so a
    nurse who logs on at another municipal PC keeps her bookmarks."""
    if override:
        return Path(override)
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def store_dir(override: str | Path | None = None) -> Path:
    """The built content store (SQLite database and Whoosh index).

    A frozen program ships a prebuilt store inside its (read-only) folder; a source checkout
    builds one into ``.store/`` beside the code, which git ignores.
    """
    if override:
        return Path(override)
    env = os.environ.get(STORE_DIR_ENV)
    if env:
        return Path(env)
    if is_frozen():
        return bundle_root() / "store"
    return bundle_root() / ".store"
