"""Errors the user may see. Each carries a translatable template and its parameters, so the
desktop layer can show it in the user's language; ``str()`` gives the bokmål sentence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.i18n import CONTEXT


class HandbokError(Exception):
    """A known, explainable problem (bad content, missing store, bad query argument)."""

    bad_input = False  # True: the user's input is at fault (exit code 2 on the command line)

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message())

    def message(self, translate: Any = None) -> str:
        template = translate(CONTEXT, self.template) if translate else self.template
        return str(template.format(**self.params))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one content file, at one line."""

    file: str
    line: int
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, translate: Any = None) -> str:
        template = translate(CONTEXT, self.template) if translate else self.template
        # One problem, one line: a value quoted from the file may hold line breaks.
        text = " ".join(template.format(**self.params).splitlines())
        return f"{self.file}:{self.line}: {text}"


class ContentError(HandbokError):
    """The content folder has one or more problems; the build stops and lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("{text}", text="\n".join(p.message() for p in problems))

    def message(self, translate: Any = None) -> str:
        return "\n".join(p.message(translate) for p in self.problems)


class StoreError(HandbokError):
    """The built store is missing, damaged or from another version."""


class NotFoundError(HandbokError):
    """An id that names nothing in the store."""
