"""Checklists: one YAML file each, items with an optional source section."""

from __future__ import annotations

from pathlib import Path

from index.content import yamlsrc
from index.content.fields import (
    Problems,
    check_id,
    read_mapping,
    string_list,
    text_field,
    unknown_keys,
)
from index.content.model import (
    Checklist,
    ChecklistItem,
)
from index.i18n import QT_TRANSLATE_NOOP


def load_checklist(path: Path, problems: Problems) -> Checklist | None:
    problems.lines.setdefault(path.stem, 1)
    data = read_mapping(
        path,
        problems,
        QT_TRANSLATE_NOOP("Handbok", "sjekklisten skal være felt med verdier (nøkkel: verdi)"),
    )
    if data is None:
        return None
    before = len(problems.items)
    ident = check_id(data, path, problems)
    problems.lines[ident] = data.line_of("id")
    title = text_field(data, "title", path, problems)
    intro = text_field(data, "intro", path, problems)
    sources = string_list(data, "source", path, problems)
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
        key = check_id(raw, path, problems, stem=False)
        if key in seen:
            problems.add(
                path,
                raw.line_of("id"),
                QT_TRANSLATE_NOOP("Handbok", "punktet «{id}» finnes fra før i listen"),
                id=key,
            )
        seen.add(key)
        problems.lines[f"{ident}#{key}"] = raw.line_of("source")
        unknown_keys(raw, {"id", "group", "text", "help", "source"}, path, problems)
        items.append(
            ChecklistItem(
                id=f"{ident}#{key}",
                checklist_id=ident,
                key=key,
                position=len(items),
                text=text_field(raw, "text", path, problems),
                group=text_field(raw, "group", path, problems, required=False),
                help=text_field(raw, "help", path, problems, required=False),
                source=text_field(raw, "source", path, problems, required=False),
            )
        )
    if len(problems.items) > before:
        return None
    return Checklist(id=ident, title=title, intro=intro, items=tuple(items), sources=sources)
