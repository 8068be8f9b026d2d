"""A file the user picked to import or export (a contact list, bookmarks): read with a size
limit, or saved whole (``write_atomically``), each failure a sentence the user can act on.
The caller names its own error class, and says in its own words what could not be saved."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.atomicfile import write_atomically
from index.errors import UserDataError
from index.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class SaveSentences:
    """What to say when a save fails; each may use ``{file}`` and ``{folder}``, ``other``
    also ``{reason}``."""

    full: str
    readonly: str
    no_folder: str
    other: str


def read_picked(path: Path, max_bytes: int, too_big: str, error: type[UserDataError]) -> bytes:
    """The bytes of ``path``; ``too_big`` (with ``{file}``) if it holds more than ``max_bytes``."""
    params = {"file": str(path)}
    try:
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1)
    except FileNotFoundError as cause:
        template = QT_TRANSLATE_NOOP("Handbok", "Fant ikke filen {file}.")
        raise error(template, cause="file", **params) from cause
    except PermissionError as cause:
        template = QT_TRANSLATE_NOOP("Handbok", "Handbok får ikke lese filen {file}.")
        raise error(template, cause="file", **params) from cause
    except OSError as cause:
        template = QT_TRANSLATE_NOOP("Handbok", "Kunne ikke lese filen {file} ({reason}).")
        reason = cause.strerror or str(cause)
        raise error(template, cause="file", reason=reason, **params) from cause
    if len(raw) > max_bytes:
        raise error(too_big, cause="file", **params)
    return raw


def save_picked(
    path: Path, data: bytes, sentences: SaveSentences, error: type[UserDataError]
) -> None:
    """Replace ``path`` with ``data`` whole, or raise ``error`` and leave it untouched."""
    try:
        write_atomically(path, data)
    except OSError as cause:
        raise _save_error(path, cause, sentences, error) from cause


def _save_error(
    path: Path, cause: OSError, sentences: SaveSentences, error: type[UserDataError]
) -> UserDataError:
    params: dict[str, Any] = {"file": str(path), "folder": str(path.parent)}
    if cause.errno in (errno.ENOSPC, errno.EDQUOT):
        return error(sentences.full, cause="full", **params)
    if cause.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return error(sentences.readonly, cause="readonly", **params)
    if cause.errno == errno.ENOENT:
        return error(sentences.no_folder, cause="io", **params)
    return error(sentences.other, cause="io", reason=cause.strerror or str(cause), **params)
