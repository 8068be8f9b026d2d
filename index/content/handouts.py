"""Handout templates: one YAML file each, the blocks a patient handout starts from."""

from __future__ import annotations

from pathlib import Path

from index.content import yamlsrc
from index.content.fields import (
    PHONE,
    Problems,
    check_id,
    check_number,
    read_mapping,
    string_list,
    text_field,
    unknown_keys,
)
from index.content.model import (
    BLOCK_TYPES,
    Article,
    Checklist,
    Contact,
    HandoutBlock,
    HandoutTemplate,
)
from index.i18n import QT_TRANSLATE_NOOP


def load_handout(path: Path, numbers: dict[str, str], problems: Problems) -> HandoutTemplate | None:
    data = read_mapping(
        path,
        problems,
        QT_TRANSLATE_NOOP("Handbok", "malen skal være felt med verdier (nøkkel: verdi)"),
    )
    if data is None:
        return None
    before = len(problems.items)
    ident = check_id(data, path, problems)
    problems.lines[f"{ident}:handout"] = data.line_of("sources")
    title = text_field(data, "title", path, problems)
    description = text_field(data, "description", path, problems)
    intro = text_field(data, "intro", path, problems, required=False)
    sources = string_list(data, "sources", path, problems)
    unknown_keys(data, {"id", "title", "description", "intro", "blocks", "sources"}, path, problems)
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
            check_number(found.group(), numbers, path, line_number, problems)
    if len(problems.items) > before:
        return None
    return HandoutTemplate(ident, title, description, intro, tuple(blocks), sources)


def _handout_block(
    raw: object, path: Path, data: yamlsrc.LineDict, numbers: dict[str, str], problems: Problems
) -> HandoutBlock | None:
    if not isinstance(raw, yamlsrc.LineDict):
        problems.add(
            path, data.line_of("blocks"), QT_TRANSLATE_NOOP("Handbok", "hver blokk skal ha «type»")
        )
        return None
    kind = text_field(raw, "type", path, problems)
    if kind and kind not in BLOCK_TYPES:
        problems.add(
            path,
            raw.line_of("type"),
            QT_TRANSLATE_NOOP("Handbok", "ukjent blokktype «{value}» (bruk {allowed})"),
            value=kind,
            allowed=", ".join(BLOCK_TYPES),
        )
        return None
    unknown_keys(raw, {"type", "id", "heading", "text"}, path, problems)
    if kind == "text":
        return HandoutBlock(
            "text",
            heading=text_field(raw, "heading", path, problems, required=False),
            text=text_field(raw, "text", path, problems),
        )
    return HandoutBlock(kind, id=text_field(raw, "id", path, problems))


def check_handouts(
    content_dir: Path,
    handouts: list[HandoutTemplate],
    articles: list[Article],
    contacts: list[Contact],
    checklists: list[Checklist],
    problems: Problems,
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
