"""Bookmarks to and from a JSON file: to move them to another PC, or share a reading list.

The file (format version 1)::

    {"format": "handbok-bokmerker", "version": 1, "exported": "2025-03-01T12:00:00+00:00",
     "bookmarks": [{"target": "artikkel-id#anker", "kind": "article", "title": "...",
                    "note": "...", "created": "2025-02-01T09:30:00+00:00"}, ...]}

An export is written to a temporary file beside the target and renamed over it, so a crash or
full disk never leaves half a file. An import is checked completely before anything is written,
then merged in one transaction (``Bookmarks.merge``): a bad file changes nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from index.content.model import KINDS
from index.errors import BookmarkFileError
from index.i18n import QT_TRANSLATE_NOOP
from index.userdata.pickedfile import SaveSentences, read_picked, save_picked
from index.userdata.store import Bookmark, BookmarkImport, Bookmarks

FORMAT = "handbok-bokmerker"
VERSION = 1
MAX_BYTES = 50_000_000  # far beyond any real list; stops a wrongly chosen huge file early


_TOO_BIG = QT_TRANSLATE_NOOP("Handbok", "Filen {file} er for stor til å være en bokmerkefil.")
_SAVE = SaveSentences(
    full=QT_TRANSLATE_NOOP("Handbok", "Kunne ikke lagre bokmerkene i {file}: disken er full."),
    readonly=QT_TRANSLATE_NOOP(
        "Handbok", "Kunne ikke lagre bokmerkene i {file}: Handbok får ikke skrive i {folder}."
    ),
    no_folder=QT_TRANSLATE_NOOP(
        "Handbok", "Kunne ikke lagre bokmerkene: mappen {folder} finnes ikke."
    ),
    other=QT_TRANSLATE_NOOP("Handbok", "Kunne ikke lagre bokmerkene i {file} ({reason})."),
)


def export_bookmarks(bookmarks: Bookmarks, path: str | Path) -> int:
    """Write all bookmarks to ``path``, newest first; return how many."""
    path = Path(path)
    items = bookmarks.list()
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "bookmarks": [
            {
                "target": b.target,
                "kind": b.kind,
                "title": b.title,
                "note": b.note,
                "created": b.created.isoformat(timespec="microseconds"),
            }
            for b in items
        ],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    save_picked(path, text.encode("utf-8"), _SAVE, BookmarkFileError)
    return len(items)


def import_bookmarks(bookmarks: Bookmarks, path: str | Path) -> BookmarkImport:
    """Merge the bookmarks in ``path`` into ``bookmarks`` (rule: ``Bookmarks.merge``)."""
    return bookmarks.merge(read_bookmark_file(path))


def read_bookmark_file(path: str | Path) -> list[Bookmark]:
    """Parse and check a bookmark file; raise BookmarkFileError with a sentence if it is bad."""
    path = Path(path)
    name = str(path)
    raw = read_picked(path, MAX_BYTES, _TOO_BIG, BookmarkFileError)
    try:
        text = raw.decode("utf-8-sig")  # tolerate the byte-order mark Notepad may add
    except UnicodeDecodeError as error:
        raise BookmarkFileError(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Filen {file} er ikke en tekstfil i UTF-8, så den kan ikke leses som bokmerker.",
            ),
            cause="file",
            file=name,
        ) from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BookmarkFileError(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Filen {file} er ikke en gyldig bokmerkefil: feil i JSON på linje {line}, "
                "tegn {column}.",
            ),
            cause="file",
            file=name,
            line=error.lineno,
            column=error.colno,
        ) from error
    except RecursionError as error:  # absurdly deep nesting
        raise _not_ours(name) from error
    return _bookmarks(document, name)


def _bookmarks(document: Any, name: str) -> list[Bookmark]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _not_ours(name)
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):
        raise BookmarkFileError(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Filen {file} har format {found}, men denne versjonen av Handbok kan bare lese "
                "format {wanted}.",
            ),
            cause="file",
            file=name,
            found=json.dumps(version, ensure_ascii=False)[:40],
            wanted=VERSION,
        )
    entries = document.get("bookmarks")
    if not isinstance(entries, list):
        raise _not_ours(name)
    return [_bookmark(entry, number, name) for number, entry in enumerate(entries, start=1)]


def _bookmark(entry: Any, number: int, name: str) -> Bookmark:
    def bad(key: str) -> BookmarkFileError:
        return BookmarkFileError(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Bokmerke nummer {number} i filen {file} kan ikke leses: «{key}» mangler "
                "eller har feil verdi.",
            ),
            cause="file",
            file=name,
            number=number,
            key=key,
        )

    if not isinstance(entry, dict):
        raise bad("target")
    target, kind, title = entry.get("target"), entry.get("kind"), entry.get("title")
    note, created = entry.get("note", ""), entry.get("created")
    note = "" if note is None else note
    if not isinstance(target, str) or not target:
        raise bad("target")
    if kind not in KINDS:
        raise bad("kind")
    if not isinstance(title, str):
        raise bad("title")
    if not isinstance(note, str):
        raise bad("note")
    if created is None:
        when = datetime.now(UTC)
    else:
        try:
            when = datetime.fromisoformat(created)
        except (TypeError, ValueError) as error:
            raise bad("created") from error
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
    return Bookmark(target=target, kind=kind, title=title, note=note, created=when)


def _not_ours(name: str) -> BookmarkFileError:
    return BookmarkFileError(
        QT_TRANSLATE_NOOP("Handbok", "Filen {file} er ikke en bokmerkefil fra Handbok."),
        cause="file",
        file=name,
    )
