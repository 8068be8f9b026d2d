"""Where things live: the built store and the per-user data folder.

Each location has an explicit override (command-line option, then environment variable) so
tests and IT can point Handbok anywhere and nothing ever writes into the program folder by
accident.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from index.resources import bundle_root, is_frozen

APP_NAME = "Handbok"
DATA_DIR_ENV = "HANDBOK_DATA_DIR"
STORE_DIR_ENV = "HANDBOK_STORE"
PACKS_DIR_ENV = "HANDBOK_PACKS_DIR"
DEPLOYMENT_DIR_ENV = "HANDBOK_KOMMUNE_DIR"
BUILTIN_STORE_ENV = "HANDBOK_BUILTIN_STORE"
PACKS_FOLDER = "innholdspakker"


def user_data_dir(override: str | Path | None = None) -> Path:
    """Per-user data (bookmarks, history, checklist runs, settings). Roaming on Windows, so a
    nurse who logs on at another municipal PC keeps her bookmarks."""
    if override:
        return Path(override)
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs  # here: not needed with --data-dir, and 4 ms before the first frame

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def packs_root(override: str | Path | None = None) -> Path:
    """Where imported content packs and the stores built from them live. Local, not roaming:
    the stores are large and can always be rebuilt from a pack."""
    if override:
        return Path(override)
    env = os.environ.get(PACKS_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)) / PACKS_FOLDER


def builtin_store_dir() -> Path:
    """The store of the content the program came with. A frozen program ships it prebuilt in
    its (read-only) folder; a source checkout builds it into ``.store/``, which git ignores."""
    env = os.environ.get(BUILTIN_STORE_ENV)  # tests: a store built for them
    if env:
        return Path(env)
    if is_frozen():
        return bundle_root() / "store"
    return bundle_root() / ".store"


def store_dir(override: str | Path | None = None) -> Path:
    """The content store in use: an explicit one, else the store of the imported content pack
    in use, else the built-in one."""
    if override:
        return Path(override)
    env = os.environ.get(STORE_DIR_ENV)
    if env:
        return Path(env)
    from index.packs.pointer import current_store  # light: reads a small pointer file

    return current_store(packs_root()) or builtin_store_dir()


DEPLOYMENT_FILE = "kommune.yaml"


def find_deployment(folders: Iterable[Path]) -> Path | None:
    """The first ``kommune.yaml`` in ``folders`` (``deployment_dirs``). Here, not with its
    reader (index.local.deployment): most machines have none, and then the YAML parser is
    never imported."""
    return next((f / DEPLOYMENT_FILE for f in folders if (f / DEPLOYMENT_FILE).is_file()), None)


def deployment_dirs() -> list[Path]:
    """Where IT may place the municipality's ``kommune.yaml``, first found wins: a folder named
    by HANDBOK_KOMMUNE_DIR, the program's own folder, the machine-wide data folder
    (C:\\ProgramData\\Handbok on Windows)."""
    folders = []
    env = os.environ.get(DEPLOYMENT_DIR_ENV)
    if env:
        folders.append(Path(env))
    folders.append(Path(sys.executable).parent if is_frozen() else bundle_root())
    import platformdirs

    folders.append(Path(platformdirs.site_data_dir(APP_NAME, appauthor=False)))
    return folders
