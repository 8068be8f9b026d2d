"""One way for a view to touch user data: a known problem (full disk, read-only folder,
damaged file) becomes one sentence for the user, and the view goes on with a fallback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from desktop.i18n import translate
from index.errors import HandbokError

T = TypeVar("T")


class Guard:
    def __init__(self, show: Callable[[str], None]) -> None:
        self._show = show

    def __call__(self, action: Callable[[], T], fallback: T) -> T:
        try:
            return action()
        except HandbokError as error:
            self._show(error.message(translate))
            return fallback
