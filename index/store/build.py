"""Builds the store from a content folder, and rebuilds it only when the content changed."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from index import __version__
from index.content.loader import content_hash, load_content
from index.errors import StoreError
from index.i18n import QT_TRANSLATE_NOOP
from index.search import fulltext
from index.store.database import DB_FILE, Store, write_database


@dataclass(frozen=True)
class BuildReport:
    store: Path
    rebuilt: bool
    seconds: float
    documents: int
    content_hash: str


def build_store(content_dir: Path, search_dir: Path | None, out: Path) -> BuildReport:
    """Validate the content and build a complete new store beside ``out``, then switch to it.

    A failed build (bad content, full disk) leaves the existing store untouched.
    """
    started = time.perf_counter()
    content = load_content(content_dir, search_dir)
    out = out.absolute()
    work = out.parent / f".{out.name}.building-{os.getpid()}"
    try:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        write_database(content, work / DB_FILE, __version__)
        docs = fulltext.documents(content)
        fulltext.build(docs, work)
        _switch(work, out)
    except OSError as error:
        shutil.rmtree(work, ignore_errors=True)
        raise StoreError(
            QT_TRANSLATE_NOOP("Handbok", "Kunne ikke bygge innholdet i {folder}: {reason}."),
            folder=out,
            reason=error.strerror or str(error),
        ) from error
    return BuildReport(out, True, time.perf_counter() - started, len(docs), content.content_hash)


def stored_hash(store: Path) -> str | None:
    try:
        db = Store(store / DB_FILE)
    except StoreError:
        return None
    try:
        return db.meta("content_hash")
    finally:
        db.close()


def ensure_store(content_dir: Path, search_dir: Path | None, out: Path) -> BuildReport:
    """Build the store if it is missing, damaged or older than the content; else do nothing."""
    started = time.perf_counter()
    wanted = content_hash(content_dir, search_dir)
    if stored_hash(out) == wanted and (out / fulltext.INDEX_DIR).is_dir():
        return BuildReport(out, False, time.perf_counter() - started, 0, wanted)
    return build_store(content_dir, search_dir, out)


def _switch(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` with no moment where a half-built store is visible."""
    if not target.exists():
        new.rename(target)
        return
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    shutil.rmtree(old, ignore_errors=True)
    target.rename(old)
    try:
        new.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
