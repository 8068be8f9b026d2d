"""Reads and validates a content folder into the model.

Every problem is collected with its file and line, and all of them are reported at once, so
an editor can fix a file in one pass. Nothing here raises anything but ContentError.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from index.content import markdown, yamlsrc
from index.content.hours import HoursError, OpeningHours, parse_hours
from index.content.model import (
    AUDIENCES,
    BLOCK_TYPES,
    CATEGORIES,
    CHANNEL_TYPES,
    NUMBER_CHANNELS,
    Article,
    Channel,
    Checklist,
    ChecklistItem,
    Contact,
    Content,
    HandoutBlock,
    HandoutTemplate,
    Section,
)
from index.errors import ContentError, Problem
from index.i18n import QT_TRANSLATE_NOOP

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEADING = re.compile(r"^##\s+(?P<title>.*?)\s*(?:\{#(?P<anchor>[^}]*)\})?\s*$")
# Digit groups written the way Norwegian numbers are dialled: 22 40 00 40, 800 33 321, 116 123,
# or eight digits in a row. Years and page numbers do not match.
PHONE = re.compile(
    r"(?<!\d)(?<!\d[.,])(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}|\d{3} \d{3}|\d{8})"
    r"(?!\d|[.,]\d)"
)
INTRO_ANCHOR = "innledning"
LINK_SCHEMES = ("kontakt:", "artikkel:", "sjekkliste:", "https://", "http://", "mailto:")
# Bump when analysis or the store layout changes, so every existing store is rebuilt.
FORMAT_VERSION = "5"


class _Problems:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.items: list[Problem] = []
        # Where ids and references were written, so cross-reference errors name the line. An
        # id written in a file that has other problems still counts as existing, so one
        # mistake is reported once, not again by every link that points at it.
        self.lines: dict[str, int] = {}

    def add(self, path: Path, line: int, template: str, **params: Any) -> None:
        try:
            name = path.relative_to(self.root.parent).as_posix()
        except ValueError:
            name = path.as_posix()
        self.items.append(Problem(name, line, template, params))


def load_content(content_dir: Path, search_dir: Path | None = None) -> Content:
    """Load and validate everything; raise ContentError listing every problem found."""
    problems = _Problems(content_dir)
    if not content_dir.is_dir():
        problems.add(content_dir, 1, QT_TRANSLATE_NOOP("Handbok", "innholdsmappen finnes ikke"))
        raise ContentError(problems.items)
    numbers = _load_numbers(content_dir / "verified-numbers.yaml", problems)
    articles = [
        a
        for path in sorted((content_dir / "articles").glob("*.md"))
        if (a := _load_article(path, numbers, problems))
    ]
    contacts = _load_contacts(content_dir / "contacts.yaml", numbers, problems)
    checklists = [
        c
        for path in sorted((content_dir / "checklists").glob("*.yaml"))
        if (c := _load_checklist(path, problems))
    ]
    handouts = [
        h
        for path in sorted((content_dir / "handouts").glob("*.yaml"))
        if (h := _load_handout(path, numbers, problems))
    ]
    synonyms = _load_synonyms(search_dir / "synonyms.yaml", problems) if search_dir else ()
    if not articles and not problems.items:
        problems.add(
            content_dir / "articles", 1, QT_TRANSLATE_NOOP("Handbok", "fant ingen artikler (*.md)")
        )
    _check_references(content_dir, articles, contacts, checklists, problems)
    _check_handouts(content_dir, handouts, articles, contacts, checklists, problems)
    if problems.items:
        raise ContentError(problems.items)
    return Content(
        articles=tuple(articles),
        contacts=tuple(contacts),
        checklists=tuple(checklists),
        content_hash=content_hash(content_dir, search_dir),
        synonyms=synonyms,
        handouts=tuple(handouts),
    )


def content_files(content_dir: Path, search_dir: Path | None = None) -> list[Path]:
    files = [content_dir / "verified-numbers.yaml", content_dir / "contacts.yaml"]
    files += sorted((content_dir / "articles").glob("*.md"))
    files += sorted((content_dir / "checklists").glob("*.yaml"))
    files += sorted((content_dir / "handouts").glob("*.yaml"))
    if search_dir:
        files.append(search_dir / "synonyms.yaml")
    return [f for f in files if f.is_file()]


def content_hash(content_dir: Path, search_dir: Path | None = None) -> str:
    """Changes whenever any content file or the store format changes: decides rebuilds."""
    digest = hashlib.sha256(f"handbok-format-{FORMAT_VERSION}\n".encode())
    for path in content_files(content_dir, search_dir):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# --- reading helpers -------------------------------------------------------------------------


def _read_yaml(path: Path, problems: _Problems, offset: int = 0, text: str | None = None) -> Any:
    try:
        if text is None:
            text = path.read_text(encoding="utf-8-sig")
        return yamlsrc.load(text)
    except UnicodeDecodeError:
        problems.add(path, 1, QT_TRANSLATE_NOOP("Handbok", "filen er ikke lagret som UTF-8"))
    except OSError as error:
        problems.add(
            path,
            1,
            QT_TRANSLATE_NOOP("Handbok", "kan ikke lese filen ({reason})"),
            reason=error.strerror,
        )
    except yaml.YAMLError as error:
        line, what = yamlsrc.error_line(error, offset)
        problems.add(path, line, QT_TRANSLATE_NOOP("Handbok", "ugyldig YAML: {what}"), what=what)
    return None


def _text(
    data: yamlsrc.LineDict,
    key: str,
    path: Path,
    problems: _Problems,
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
    if not isinstance(value, str | int | float):
        problems.add(
            path,
            data.line_of(key) + offset,
            QT_TRANSLATE_NOOP("Handbok", "feltet «{key}» skal være tekst"),
            key=key,
        )
        return ""
    return str(value).strip()


def _date(
    data: yamlsrc.LineDict, key: str, path: Path, problems: _Problems, offset: int = 0
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


def _string_list(
    data: yamlsrc.LineDict, key: str, path: Path, problems: _Problems, offset: int = 0
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


def _check_id(
    data: yamlsrc.LineDict, path: Path, problems: _Problems, offset: int = 0, stem: bool = True
) -> str:
    ident = _text(data, "id", path, problems, offset=offset)
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


def _load_numbers(path: Path, problems: _Problems) -> dict[str, str]:
    """Verified numbers: digits -> the number as it is written."""
    data = _read_yaml(path, problems)
    if data is None:
        if path.is_file():
            return {}
        problems.add(
            path, 1, QT_TRANSLATE_NOOP("Handbok", "filen med kontrollerte telefonnumre mangler")
        )
        return {}
    numbers: dict[str, str] = {}
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("number"), str):
            numbers[re.sub(r"\D", "", entry["number"])] = entry["number"]
    return numbers


def _check_number(
    value: str, numbers: dict[str, str], path: Path, line: int, problems: _Problems
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


# --- articles --------------------------------------------------------------------------------


def _load_article(path: Path, numbers: dict[str, str], problems: _Problems) -> Article | None:
    # Links into a file that cannot be read are not reported again (see _check_references).
    problems.lines.setdefault(path.stem, 1)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.add(path, 1, QT_TRANSLATE_NOOP("Handbok", "filen er ikke lagret som UTF-8"))
        return None
    except OSError as error:  # a folder named *.md, no permission to read: as _read_yaml says
        problems.add(
            path,
            1,
            QT_TRANSLATE_NOOP("Handbok", "kan ikke lese filen ({reason})"),
            reason=error.strerror,
        )
        return None
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        problems.add(
            path,
            1,
            QT_TRANSLATE_NOOP("Handbok", "filen skal begynne med et YAML-hode mellom to «---»"),
        )
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        problems.add(
            path, 1, QT_TRANSLATE_NOOP("Handbok", "YAML-hodet er ikke avsluttet med «---»")
        )
        return None
    header = _read_yaml(path, problems, offset=1, text="\n".join(lines[1:end]))
    if header is None:
        return None
    if not isinstance(header, yamlsrc.LineDict):
        problems.add(
            path,
            2,
            QT_TRANSLATE_NOOP("Handbok", "YAML-hodet skal være felt med verdier (nøkkel: verdi)"),
        )
        return None
    before = len(problems.items)
    ident = _check_id(header, path, problems, offset=1)
    problems.lines[ident] = header.line_of("id") + 1
    fields = {
        key: _text(header, key, path, problems, offset=1)
        for key in ("title", "publisher", "source", "summary")
    }
    optional = {
        key: _text(header, key, path, problems, required=False, offset=1)
        for key in ("publisher_note", "author", "seed")
    }
    updated = _date(header, "updated", path, problems, offset=1)
    keywords = _string_list(header, "keywords", path, problems, offset=1)
    unknown = set(header) - {"id", "updated", "keywords", *fields, *optional}
    for key in sorted(unknown):
        problems.add(
            path,
            header.line_of(key) + 1,
            QT_TRANSLATE_NOOP("Handbok", "ukjent felt «{key}» i hodet"),
            key=key,
        )
    sections = _sections(path, ident, fields["title"], lines, end + 1, numbers, problems)
    if len(problems.items) > before:
        return None
    return Article(
        id=ident,
        sections=tuple(sections),
        updated=updated,
        keywords=keywords,
        title=fields["title"],
        publisher=fields["publisher"],
        source=fields["source"],
        summary=fields["summary"],
        publisher_note=optional["publisher_note"],
        author=optional["author"],
        seed=optional["seed"],
    )


def _sections(
    path: Path,
    article_id: str,
    title: str,
    lines: list[str],
    start: int,
    numbers: dict[str, str],
    problems: _Problems,
) -> list[Section]:
    """Split the body at level-2 headings; text before the first one is the introduction."""
    chunks: list[tuple[int, str, str, list[str]]] = [(start + 1, INTRO_ANCHOR, title, [])]
    fenced = False
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if match:
            anchor = match["anchor"]
            if anchor is None:
                problems.add(
                    path,
                    number,
                    QT_TRANSLATE_NOOP(
                        "Handbok", "overskriften mangler anker, skriv «## Tittel {{#anker}}»"
                    ),
                )
            elif not SLUG.match(anchor):
                problems.add(
                    path,
                    number,
                    QT_TRANSLATE_NOOP(
                        "Handbok",
                        "ankeret «{anchor}» kan bare ha små bokstaver a-z, sifre og bindestrek",
                    ),
                    anchor=anchor,
                )
            chunks.append((number, anchor or f"linje-{number}", match["title"], []))
            continue
        if not fenced and re.match(r"^#\s", line):
            problems.add(
                path,
                number,
                QT_TRANSLATE_NOOP("Handbok", "bruk «##» for avsnitt; tittelen står i hodet"),
            )
        for found in PHONE.finditer(line):
            _check_number(found.group(), numbers, path, number, problems)
        chunks[-1][3].append(line)

    sections: list[Section] = []
    seen: set[str] = set()
    for number, anchor, heading, body in chunks:
        source = "\n".join(body).strip()
        if anchor == INTRO_ANCHOR and number == start + 1 and not source:
            continue  # no introduction: fine
        if anchor in seen:
            problems.add(
                path,
                number,
                QT_TRANSLATE_NOOP("Handbok", "ankeret «{anchor}» er brukt før i artikkelen"),
                anchor=anchor,
            )
        seen.add(anchor)
        if not source:
            problems.add(
                path,
                number,
                QT_TRANSLATE_NOOP("Handbok", "avsnittet «{heading}» er tomt"),
                heading=heading,
            )
        for target in markdown.link_targets(source):
            if not target.startswith(LINK_SCHEMES):
                problems.add(
                    path,
                    number,
                    QT_TRANSLATE_NOOP(
                        "Handbok",
                        "lenken «{target}» skal begynne med https://, kontakt:, artikkel: "
                        "eller sjekkliste:",
                    ),
                    target=target,
                )
        problems.lines[f"{article_id}#{anchor}"] = number
        sections.append(
            Section(
                id=f"{article_id}#{anchor}",
                article_id=article_id,
                anchor=anchor,
                heading=heading,
                position=len(sections),
                markdown=source,
                text=markdown.to_plain(source),
            )
        )
    return sections


# --- contacts --------------------------------------------------------------------------------


def _load_contacts(path: Path, numbers: dict[str, str], problems: _Problems) -> list[Contact]:
    if not path.is_file():
        problems.add(path, 1, QT_TRANSLATE_NOOP("Handbok", "kontaktlisten mangler"))
        return []
    data = _read_yaml(path, problems)
    if not isinstance(data, list):
        if data is not None:
            problems.add(
                path,
                1,
                QT_TRANSLATE_NOOP("Handbok", "kontaktlisten skal være en liste («- id: ...»)"),
            )
        problems.lines["kontakt:*"] = 1  # unreadable: links to contacts are not checked
        return []
    contacts = []
    for entry in data:
        if not isinstance(entry, yamlsrc.LineDict):
            problems.add(
                path, 1, QT_TRANSLATE_NOOP("Handbok", "hver kontakt skal være felt med verdier")
            )
            continue
        contact = _contact(entry, path, numbers, problems)
        if contact:
            contacts.append(contact)
    return contacts


CONTACT_FIELDS = {
    "id", "name", "organisation", "category", "audience", "channels", "hours", "region",
    "address", "description", "source", "verified", "caution",
}  # fmt: skip


def _contact(
    entry: yamlsrc.LineDict, path: Path, numbers: dict[str, str], problems: _Problems
) -> Contact | None:
    before = len(problems.items)
    ident = _check_id(entry, path, problems, stem=False)
    problems.lines[ident] = entry.line_of("id")
    name = _text(entry, "name", path, problems)
    description = _text(entry, "description", path, problems)
    source = _text(entry, "source", path, problems)
    category = _text(entry, "category", path, problems)
    if category and category not in CATEGORIES:
        problems.add(
            path,
            entry.line_of("category"),
            QT_TRANSLATE_NOOP("Handbok", "ukjent kategori «{value}» (bruk {allowed})"),
            value=category,
            allowed=", ".join(CATEGORIES),
        )
    audience = _string_list(entry, "audience", path, problems)
    for value in audience:
        if value not in AUDIENCES:
            problems.add(
                path,
                entry.line_of("audience"),
                QT_TRANSLATE_NOOP("Handbok", "ukjent målgruppe «{value}» (bruk {allowed})"),
                value=value,
                allowed=", ".join(AUDIENCES),
            )
    if "audience" not in entry:
        problems.add(
            path, entry.line, QT_TRANSLATE_NOOP("Handbok", "mangler feltet «{key}»"), key="audience"
        )
    verified = _date(entry, "verified", path, problems)
    if verified is None and "verified" not in entry:
        problems.add(
            path, entry.line, QT_TRANSLATE_NOOP("Handbok", "mangler feltet «{key}»"), key="verified"
        )
    hours = _hours(entry, path, problems)
    channels = _channels(entry, path, numbers, problems)
    for key in sorted(set(entry) - CONTACT_FIELDS):
        problems.add(
            path, entry.line_of(key), QT_TRANSLATE_NOOP("Handbok", "ukjent felt «{key}»"), key=key
        )
    if len(problems.items) > before or verified is None:
        return None
    return Contact(
        id=ident,
        name=name,
        category=category,
        audience=audience,
        channels=channels,
        description=description,
        source=source,
        verified=verified,
        organisation=_text(entry, "organisation", path, problems, required=False),
        region=_text(entry, "region", path, problems, required=False) or "nasjonal",
        address=_text(entry, "address", path, problems, required=False),
        hours=hours,
        caution=_text(entry, "caution", path, problems, required=False),
    )


def _hours(entry: yamlsrc.LineDict, path: Path, problems: _Problems) -> OpeningHours | None:
    if entry.get("hours") is None:
        return None
    try:
        return parse_hours(entry["hours"])
    except HoursError as error:
        problems.add(path, entry.line_of("hours"), "{what}", what=str(error))
        return None


def _channels(
    entry: yamlsrc.LineDict, path: Path, numbers: dict[str, str], problems: _Problems
) -> tuple[Channel, ...]:
    raw = entry.get("channels")
    if raw is None:
        problems.add(
            path, entry.line, QT_TRANSLATE_NOOP("Handbok", "mangler feltet «{key}»"), key="channels"
        )
        return ()
    if not isinstance(raw, list):
        problems.add(
            path,
            entry.line_of("channels"),
            QT_TRANSLATE_NOOP("Handbok", "feltet «channels» skal være en liste"),
        )
        return ()
    channels = []
    for item in raw:
        if not isinstance(item, yamlsrc.LineDict):
            problems.add(
                path,
                entry.line_of("channels"),
                QT_TRANSLATE_NOOP("Handbok", "hver kanal skal ha «type» og «value»"),
            )
            continue
        kind = _text(item, "type", path, problems)
        value = _text(item, "value", path, problems)
        if kind and kind not in CHANNEL_TYPES:
            problems.add(
                path,
                item.line_of("type"),
                QT_TRANSLATE_NOOP("Handbok", "ukjent kanal «{value}» (bruk {allowed})"),
                value=kind,
                allowed=", ".join(CHANNEL_TYPES),
            )
        if kind in NUMBER_CHANNELS and value:
            _check_number(value, numbers, path, item.line_of("value"), problems)
        elif kind == "e-post" and value and ("@" not in value or " " in value):
            problems.add(
                path,
                item.line_of("value"),
                QT_TRANSLATE_NOOP("Handbok", "«{value}» er ikke en e-postadresse"),
                value=value,
            )
        elif (
            kind in ("nett", "chat")
            and value
            and ("://" in value or " " in value or "." not in value)
        ):
            problems.add(
                path,
                item.line_of("value"),
                QT_TRANSLATE_NOOP(
                    "Handbok", "skriv nettadressen uten https:// og mellomrom, som «selvhjelp.no»"
                ),
            )
        for key in sorted(set(item) - {"type", "value", "note", "hours"}):
            problems.add(
                path,
                item.line_of(key),
                QT_TRANSLATE_NOOP("Handbok", "ukjent felt «{key}»"),
                key=key,
            )
        channels.append(
            Channel(
                type=kind,
                value=value,
                note=_text(item, "note", path, problems, required=False),
                hours=_hours(item, path, problems),
            )
        )
    return tuple(channels)


# --- checklists ------------------------------------------------------------------------------


def _read_mapping(path: Path, problems: _Problems, not_a_mapping: str) -> yamlsrc.LineDict | None:
    """A YAML file that must hold fields with values; ``not_a_mapping`` says so otherwise."""
    data = _read_yaml(path, problems)
    if data is not None and not isinstance(data, yamlsrc.LineDict):
        problems.add(path, 1, not_a_mapping)
        return None
    return data if isinstance(data, yamlsrc.LineDict) else None


def _load_checklist(path: Path, problems: _Problems) -> Checklist | None:
    problems.lines.setdefault(path.stem, 1)
    data = _read_mapping(
        path,
        problems,
        QT_TRANSLATE_NOOP("Handbok", "sjekklisten skal være felt med verdier (nøkkel: verdi)"),
    )
    if data is None:
        return None
    before = len(problems.items)
    ident = _check_id(data, path, problems)
    problems.lines[ident] = data.line_of("id")
    title = _text(data, "title", path, problems)
    intro = _text(data, "intro", path, problems)
    sources = _string_list(data, "source", path, problems)
    problems.lines[f"{ident}:source"] = data.line_of("source")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        problems.add(
            path,
            data.line_of("items"),
            QT_TRANSLATE_NOOP("Handbok", "sjekklisten skal ha en liste «items» med punkter"),
        )
        raw_items = []
    items: list[ChecklistItem] = []
    seen: set[str] = set()
    for raw in raw_items:
        if not isinstance(raw, yamlsrc.LineDict):
            problems.add(
                path,
                data.line_of("items"),
                QT_TRANSLATE_NOOP("Handbok", "hvert punkt skal ha «id» og «text»"),
            )
            continue
        key = _check_id(raw, path, problems, stem=False)
        if key in seen:
            problems.add(
                path,
                raw.line_of("id"),
                QT_TRANSLATE_NOOP("Handbok", "punktet «{id}» finnes fra før i listen"),
                id=key,
            )
        seen.add(key)
        problems.lines[f"{ident}#{key}"] = raw.line_of("source")
        for extra in sorted(set(raw) - {"id", "group", "text", "help", "source"}):
            problems.add(
                path,
                raw.line_of(extra),
                QT_TRANSLATE_NOOP("Handbok", "ukjent felt «{key}»"),
                key=extra,
            )
        items.append(
            ChecklistItem(
                id=f"{ident}#{key}",
                checklist_id=ident,
                key=key,
                position=len(items),
                text=_text(raw, "text", path, problems),
                group=_text(raw, "group", path, problems, required=False),
                help=_text(raw, "help", path, problems, required=False),
                source=_text(raw, "source", path, problems, required=False),
            )
        )
    if len(problems.items) > before:
        return None
    return Checklist(id=ident, title=title, intro=intro, items=tuple(items), sources=sources)


def _load_synonyms(path: Path, problems: _Problems) -> tuple[tuple[str, ...], ...]:
    if not path.is_file():
        return ()
    data = _read_yaml(path, problems)
    if data is None:
        return ()
    groups = []
    for group in data if isinstance(data, list) else [None]:
        if (
            not isinstance(group, list)
            or len(group) < 2
            or not all(isinstance(w, str) for w in group)
        ):
            problems.add(
                path,
                1,
                QT_TRANSLATE_NOOP(
                    "Handbok", "hver synonymgruppe skal være en liste med minst to ord"
                ),
            )
            continue
        groups.append(tuple(w.strip().lower() for w in group))
    return tuple(groups)


# --- handout templates ----------------------------------------------------------------------


def _load_handout(
    path: Path, numbers: dict[str, str], problems: _Problems
) -> HandoutTemplate | None:
    data = _read_mapping(
        path,
        problems,
        QT_TRANSLATE_NOOP("Handbok", "malen skal være felt med verdier (nøkkel: verdi)"),
    )
    if data is None:
        return None
    before = len(problems.items)
    ident = _check_id(data, path, problems)
    problems.lines[f"{ident}:handout"] = data.line_of("sources")
    title = _text(data, "title", path, problems)
    description = _text(data, "description", path, problems)
    intro = _text(data, "intro", path, problems, required=False)
    sources = _string_list(data, "sources", path, problems)
    for key in sorted(set(data) - {"id", "title", "description", "intro", "blocks", "sources"}):
        problems.add(
            path, data.line_of(key), QT_TRANSLATE_NOOP("Handbok", "ukjent felt «{key}»"), key=key
        )
    raw_blocks = data.get("blocks") or []
    if not isinstance(raw_blocks, list):
        problems.add(
            path,
            data.line_of("blocks"),
            QT_TRANSLATE_NOOP("Handbok", "feltet «blocks» skal være en liste"),
        )
        raw_blocks = []
    blocks: list[HandoutBlock] = []
    for raw in raw_blocks:
        block = _handout_block(raw, path, data, numbers, problems)
        if block is not None:
            problems.lines[f"{ident}:block:{len(blocks)}"] = (
                raw.line_of("id") if isinstance(raw, yamlsrc.LineDict) else 1
            )
            blocks.append(block)
    for line_number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        for found in PHONE.finditer(line):
            _check_number(found.group(), numbers, path, line_number, problems)
    if len(problems.items) > before:
        return None
    return HandoutTemplate(ident, title, description, intro, tuple(blocks), sources)


def _handout_block(
    raw: object, path: Path, data: yamlsrc.LineDict, numbers: dict[str, str], problems: _Problems
) -> HandoutBlock | None:
    if not isinstance(raw, yamlsrc.LineDict):
        problems.add(
            path, data.line_of("blocks"), QT_TRANSLATE_NOOP("Handbok", "hver blokk skal ha «type»")
        )
        return None
    kind = _text(raw, "type", path, problems)
    if kind and kind not in BLOCK_TYPES:
        problems.add(
            path,
            raw.line_of("type"),
            QT_TRANSLATE_NOOP("Handbok", "ukjent blokktype «{value}» (bruk {allowed})"),
            value=kind,
            allowed=", ".join(BLOCK_TYPES),
        )
        return None
    for key in sorted(set(raw) - {"type", "id", "heading", "text"}):
        problems.add(
            path, raw.line_of(key), QT_TRANSLATE_NOOP("Handbok", "ukjent felt «{key}»"), key=key
        )
    if kind == "text":
        return HandoutBlock(
            "text",
            heading=_text(raw, "heading", path, problems, required=False),
            text=_text(raw, "text", path, problems),
        )
    return HandoutBlock(kind, id=_text(raw, "id", path, problems))


def _check_handouts(
    content_dir: Path,
    handouts: list[HandoutTemplate],
    articles: list[Article],
    contacts: list[Contact],
    checklists: list[Checklist],
    problems: _Problems,
) -> None:
    known = {
        "contact": {c.id for c in contacts},
        "section": {s.id for a in articles for s in a.sections},
        "checklist": {c.id for c in checklists},
    }
    everything = known["contact"] | {a.id for a in articles}
    # As in _check_references: what a broken file declared counts as existing, so one
    # mistake is reported once.
    declared = set(problems.lines)
    article_ids = {a.id for a in articles}

    def exists(kind: str, ident: str) -> bool:
        if ident in known[kind] or ident in declared:
            return True
        if kind == "contact":
            return "kontakt:*" in declared
        article = ident.partition("#")[0]
        return kind == "section" and article in declared and article not in article_ids

    for handout in handouts:
        path = content_dir / "handouts" / f"{handout.id}.yaml"
        for number, block in enumerate(handout.blocks):
            if block.type in known and not exists(block.type, block.id):
                problems.add(
                    path,
                    problems.lines.get(f"{handout.id}:block:{number}", 1),
                    QT_TRANSLATE_NOOP("Handbok", "blokken viser til «{id}», som ikke finnes"),
                    id=block.id,
                )
        for source in handout.sources:
            if source not in everything and source not in declared and "kontakt:*" not in declared:
                problems.add(
                    path,
                    problems.lines.get(f"{handout.id}:handout", 1),
                    QT_TRANSLATE_NOOP(
                        "Handbok", "kilden «{source}» er ingen artikkel eller kontakt"
                    ),
                    source=source,
                )


# --- cross references ------------------------------------------------------------------------


def _check_references(
    content_dir: Path,
    articles: Iterable[Article],
    contacts: Iterable[Contact],
    checklists: Iterable[Checklist],
    problems: _Problems,
) -> None:
    articles, contacts, checklists = list(articles), list(contacts), list(checklists)
    owners: dict[str, str] = {}
    for kind, ident, where in (
        *(("artikkel", a.id, f"articles/{a.id}.md") for a in articles),
        *(("kontakt", c.id, "contacts.yaml") for c in contacts),
        *(("sjekkliste", c.id, f"checklists/{c.id}.yaml") for c in checklists),
    ):
        if ident in owners:
            problems.add(
                content_dir / where,
                1,
                QT_TRANSLATE_NOOP("Handbok", "id «{id}» er brukt før ({other})"),
                id=ident,
                other=owners[ident],
            )
        owners[ident] = f"{kind} i {where}"
    sections = {s.id for a in articles for s in a.sections}
    article_ids = {a.id for a in articles}
    contact_ids = {c.id for c in contacts}
    checklist_ids = {c.id for c in checklists}

    declared = set(problems.lines)

    def exists(target: str) -> bool:
        scheme, _, rest = target.partition(":")
        if rest in declared or (scheme == "kontakt" and "kontakt:*" in declared):
            return True
        if scheme == "kontakt":
            return rest in contact_ids
        if scheme == "artikkel":
            article = rest.partition("#")[0]
            unreadable = article in declared and article not in article_ids
            return rest in sections or rest in article_ids or unreadable
        if scheme == "sjekkliste":
            return rest in checklist_ids
        return True

    for article in articles:
        path = content_dir / "articles" / f"{article.id}.md"
        for section in article.sections:
            for target in markdown.link_targets(section.markdown):
                if not exists(target):
                    problems.add(
                        path,
                        problems.lines.get(section.id, 1),
                        QT_TRANSLATE_NOOP(
                            "Handbok", "lenken «{target}» peker på noe som ikke finnes"
                        ),
                        target=target,
                    )
    for checklist in checklists:
        path = content_dir / "checklists" / f"{checklist.id}.yaml"
        for source in checklist.sources:
            if source not in article_ids and source not in declared:
                problems.add(
                    path,
                    problems.lines.get(f"{checklist.id}:source", 1),
                    QT_TRANSLATE_NOOP("Handbok", "kilden «{source}» er ingen artikkel"),
                    source=source,
                )
        for item in checklist.items:
            if item.source and item.source not in sections and item.source not in declared:
                problems.add(
                    path,
                    problems.lines.get(item.id, 1),
                    QT_TRANSLATE_NOOP(
                        "Handbok", "punktet «{item}» viser til «{source}», som ikke er et avsnitt"
                    ),
                    item=item.key,
                    source=item.source,
                )
