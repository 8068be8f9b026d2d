"""Field readers that every content file and kommune.yaml share: problems collected as
``file:line``, YAML read with its line numbers, and typed fields (text, dates, lists, ids,
verified phone numbers)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from index.content import yamlsrc
from index.errors import Problem
from index.i18n import QT_TRANSLATE_NOOP

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Digit groups written the way Norwegian numbers are dialled: 22 40 00 40, 800 33 321, 116 123,
# or eight digits in a row. Years and page numbers do not match.
PHONE = re.compile(
    r"(?<!\d)(?<!\d[.,])(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}|\d{3} \d{3}|\d{8})"
    r"(?!\d|[.,]\d)"
)
CONTACT_FIELDS = {
    "id", "name", "organisation", "category", "audience", "channels", "hours", "region",
    "address", "description", "source", "verified", "caution",
}  # fmt: skip
CHANNEL_FIELDS = {"type", "value", "note", "hours"}
# A YAML file is read whole into memory and parsed on the way to the first window: a content
# file is never near this (a pack refuses one over 10 MB before it is unpacked).
MAX_YAML_BYTES = 10 * 1024 * 1024


class Problems:
    """Every problem found, each as ``file:line: sentence``. Files are named relative to the
    folder above ``root`` (``content/articles/x.md``); without a root, as given."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.items: list[Problem] = []
        # Where ids and references were written, so cross-reference errors name the line. An
        # id written in a file that has other problems still counts as existing, so one
        # mistake is reported once, not again by every link that points at it.
        self.lines: dict[str, int] = {}

    def add(self, path: Path, line: int, template: str, **params: Any) -> None:
        if self.root is None:
            name = str(path)
        else:
            try:
                name = path.relative_to(self.root.parent).as_posix()
            except ValueError:
                name = path.as_posix()
        self.items.append(Problem(name, line, template, params))


def read_yaml(
    path: Path,
    problems: Problems,
    offset: int = 0,
    text: str | None = None,
    max_bytes: int = MAX_YAML_BYTES,
) -> Any:
    """The YAML in ``path`` (or ``text``); None, with the problem added, if it cannot be read,
    is larger than ``max_bytes`` or is not YAML (aliases included: see yamlsrc)."""
    try:
        if text is None:
            with path.open("rb") as stream:
                raw = stream.read(max_bytes + 1)
            if len(raw) > max_bytes:
                problems.add(
                    path,
                    1,
                    QT_TRANSLATE_NOOP(
                        "Handbok", "filen er for stor (over {limit} MB); den blir ikke lest"
                    ),
                    limit=max_bytes // (1024 * 1024),
                )
                return None
            text = raw.decode("utf-8-sig")
        return yamlsrc.load(text)
    except UnicodeDecodeError:
        problems.add(path, 1, QT_TRANSLATE_NOOP("Handbok", "filen er ikke lagret som UTF-8"))
    except FileNotFoundError:
        problems.add(path, 1, QT_TRANSLATE_NOOP("Handbok", "filen finnes ikke"))
    except OSError as error:
        problems.add(
            path,
            1,
            QT_TRANSLATE_NOOP("Handbok", "kan ikke lese filen ({reason})"),
            reason=error.strerror or str(error),
        )
    except yaml.YAMLError as error:
        line, what = yamlsrc.error_line(error, offset)
        problems.add(path, line, QT_TRANSLATE_NOOP("Handbok", "ugyldig YAML: {what}"), what=what)
    return None


def unknown_keys(
    data: yamlsrc.LineDict, known: set[str], path: Path, problems: Problems, offset: int = 0
) -> None:
    """A field the format does not know is a mistake (a typo of a known one, most likely)."""
    for key in sorted(set(data) - known, key=data.line_of):
        template = QT_TRANSLATE_NOOP("Handbok", "ukjent felt «{key}»")
        problems.add(path, data.line_of(key) + offset, template, key=key)


def text_field(
    data: yamlsrc.LineDict,
    key: str,
    path: Path,
    problems: Problems,
    *,
    required: bool = True,
    offset: int = 0,
) -> str:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(
                path,
                data.line + offset,
                QT_TRANSLATE_NOOP("Handbok", "mangler feltet «{key}»"),
                key=key,
            )
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):  # yes/no is no text
        problems.add(
            path,
            data.line_of(key) + offset,
            QT_TRANSLATE_NOOP("Handbok", "feltet «{key}» skal være tekst"),
            key=key,
        )
        return ""
    return str(value).strip()


def date_field(
    data: yamlsrc.LineDict, key: str, path: Path, problems: Problems, offset: int = 0
) -> date | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, date):
        return value
    problems.add(
        path,
        data.line_of(key) + offset,
        QT_TRANSLATE_NOOP(
            "Handbok", "feltet «{key}» skal være en dato som 2026-11-22, ikke «{value}»"
        ),
        key=key,
        value=value,
    )
    return None


def string_list(
    data: yamlsrc.LineDict, key: str, path: Path, problems: Problems, offset: int = 0
) -> tuple[str, ...]:
    value = data.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add(
            path,
            data.line_of(key) + offset,
            QT_TRANSLATE_NOOP("Handbok", "feltet «{key}» skal være en liste med tekster"),
            key=key,
        )
        return ()
    return tuple(v.strip() for v in value)


def check_id(
    data: yamlsrc.LineDict, path: Path, problems: Problems, offset: int = 0, stem: bool = True
) -> str:
    ident = text_field(data, "id", path, problems, offset=offset)
    if ident and not SLUG.match(ident):
        problems.add(
            path,
            data.line_of("id") + offset,
            QT_TRANSLATE_NOOP(
                "Handbok", "id «{id}» kan bare ha små bokstaver a-z, sifre og bindestrek"
            ),
            id=ident,
        )
    elif ident and stem and ident != path.stem:
        problems.add(
            path,
            data.line_of("id") + offset,
            QT_TRANSLATE_NOOP("Handbok", "id «{id}» skal være lik filnavnet «{stem}»"),
            id=ident,
            stem=path.stem,
        )
    return ident


def load_numbers(path: Path, problems: Problems) -> dict[str, str]:
    """Verified numbers: digits -> the number as it is written."""
    if not path.is_file():
        problems.add(
            path, 1, QT_TRANSLATE_NOOP("Handbok", "filen med kontrollerte telefonnumre mangler")
        )
        return {}
    data = read_yaml(path, problems)
    if data is None:
        return {}
    numbers: dict[str, str] = {}
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("number"), str):
            numbers[re.sub(r"\D", "", entry["number"])] = entry["number"]
    return numbers


def check_number(
    value: str, numbers: dict[str, str], path: Path, line: int, problems: Problems
) -> None:
    written = numbers.get(re.sub(r"\D", "", value))
    if written is None:
        problems.add(
            path,
            line,
            QT_TRANSLATE_NOOP("Handbok", "nummeret «{number}» står ikke i verified-numbers.yaml"),
            number=value,
        )
    elif written != value:
        problems.add(
            path,
            line,
            QT_TRANSLATE_NOOP(
                "Handbok", "skriv nummeret gruppert slik det ringes: «{written}», ikke «{number}»"
            ),
            written=written,
            number=value,
        )


def read_mapping(path: Path, problems: Problems, not_a_mapping: str) -> yamlsrc.LineDict | None:
    """A YAML file that must hold fields with values; ``not_a_mapping`` says so otherwise."""
    data = read_yaml(path, problems)
    if data is not None and not isinstance(data, yamlsrc.LineDict):
        problems.add(path, 1, not_a_mapping)
        return None
    return data if isinstance(data, yamlsrc.LineDict) else None
