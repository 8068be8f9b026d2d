"""Errors the user may see. Each carries a translatable template and its parameters, so the
desktop layer can show it in the user's language; ``str()`` gives the bokmål sentence.

A parameter often quotes a file (a pack's file name, a value from a CSV row): every text
parameter is kept as ``index.untrusted.visible`` writes it, its control characters spelled out
and its length cut, so a sentence can never carry a terminal escape or a reversed name."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.i18n import CONTEXT
from index.untrusted import visible


def _quoted(params: dict[str, Any]) -> dict[str, Any]:
    return {k: visible(v) if isinstance(v, str) else v for k, v in params.items()}


class HandbokError(Exception):
    """A known, explainable problem (bad content, missing store, bad query argument)."""

    bad_input = False  # True: the user's input is at fault (exit code 2 on the command line)

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = _quoted(params)
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
        text = " ".join(template.format(**_quoted(self.params)).splitlines())
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


class UserDataError(HandbokError):
    """Reading or saving user data failed for a known reason (full disk, no write access...).

    ``cause`` is one of "full", "readonly", "busy", "damaged", "io", "other". The ``action``
    parameter is itself a marked phrase ("lagre bokmerket") and is translated with the template.
    """

    def __init__(self, template: str, *, cause: str = "other", **params: Any) -> None:
        self.cause = cause
        super().__init__(template, **params)

    def message(self, translate: Any = None) -> str:
        if translate is None or "action" not in self.params:
            return super().message(translate)
        params = dict(self.params, action=translate(CONTEXT, self.params["action"]))
        return str(translate(CONTEXT, self.template).format(**params))


class BookmarkFileError(UserDataError):
    """A bookmark file that cannot be read or imported, or an export that could not be saved."""


class ContactFileError(UserDataError):
    """A CSV file that cannot be read, or an export that could not be saved."""

    @property
    def bad_input(self) -> bool:  # type: ignore[override]
        """A file that cannot be used as a contact list is the user's input at fault (the
        command line exits 2, as README says); a save that failed is not."""
        return self.cause == "file"


class LocalValidationError(HandbokError):
    """A value that cannot be saved; the sentence says what to write instead.

    ``field`` names the field it is about, so a form can put the cursor there: a
    ``ContactDraft`` field ("name", "category", "audience", "hours"), a ``ChannelDraft`` field
    ("type", "value", "hours") of the channel at index ``channel``, or a note's "section"/"text".
    """

    def __init__(
        self, template: str, *, field: str = "", channel: int | None = None, **params: Any
    ) -> None:
        self.field = field
        self.channel = channel
        super().__init__(template, **params)


class DeploymentError(HandbokError):
    """``kommune.yaml`` cannot be used. The message is the first problem, ``file:line: ...``;
    ``problems`` holds every one found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("{text}", text=problems[0].message())

    def message(self, translate: Any = None) -> str:
        return self.problems[0].message(translate)


class PackError(HandbokError):
    """A content pack that cannot be made, trusted or installed; ``reason`` says why, as a
    stable code the program and the tests can check (the sentence is for the user)."""

    bad_input = True

    def __init__(self, reason: str, template: str, /, **params: Any) -> None:
        self.reason = reason
        super().__init__(template, **params)
