"""What the start page offers to go back to, from the user's own data: checklist runs not yet
done, the pages read last, the bookmarks. A problem with the user data is a sentence, and the
start page shows what it could read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.i18n import tr, translate
from desktop.windows.startpage import LINKS_SHOWN, Link
from index.errors import HandbokError


def links(
    userdata: Any, store: Any, report: Callable[[str], None]
) -> tuple[list[Link], list[Link], list[Link]]:
    """(runs in progress, recent pages, bookmarks), newest first."""
    if userdata is None:
        return [], [], []
    try:
        return _runs(userdata, store), _recent(userdata), _bookmarks(userdata)
    except HandbokError as error:
        report(error.message(translate))
        return [], [], []


def _runs(userdata: Any, store: Any) -> list[Link]:
    found = []
    for checklist in store.checklists():
        items = [item.id for item in checklist.items]
        for run in userdata.runs.list(checklist.id):
            done = userdata.runs.progress(run.id, items)
            if done < len(items):
                detail = tr("{name}: {done} av {total} punkter").format(
                    name=run.name, done=done, total=len(items)
                )
                found.append((run.updated, Link(checklist.id, checklist.title, detail, run.id)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [link for _when, link in found]


def _recent(userdata: Any) -> list[Link]:
    return [Link(e.target, e.title) for e in userdata.history.list(limit=LINKS_SHOWN)]


def _bookmarks(userdata: Any) -> list[Link]:
    return [Link(b.target, b.title) for b in userdata.bookmarks.list()[:LINKS_SHOWN]]
