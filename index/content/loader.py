"""Reads and validates a content folder into the model.

Every problem is collected with its file and line, and all of them are reported at once, so
an editor can fix a file in one pass. Nothing here raises anything but ContentError.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from index.content import markdown
from index.content.articles import load_article
from index.content.checklists import load_checklist
from index.content.contacts import load_contacts
from index.content.fields import (
    Problems,
    load_numbers,
    read_yaml,
)
from index.content.handouts import check_handouts, load_handout
from index.content.model import (
    Article,
    Checklist,
    Contact,
    Content,
)
from index.errors import ContentError
from index.i18n import QT_TRANSLATE_NOOP

# Bump when analysis or the store layout changes, so every existing store is rebuilt.
FORMAT_VERSION = "6"


def load_content(content_dir: Path, search_dir: Path | None = None) -> Content:
    """Load and validate everything; raise ContentError listing every problem found."""
    problems = Problems(content_dir)
    if not content_dir.is_dir():
        problems.add(content_dir, 1, QT_TRANSLATE_NOOP("Handbok", "innholdsmappen finnes ikke"))
        raise ContentError(problems.items)
    numbers = load_numbers(content_dir / "verified-numbers.yaml", problems)
    articles = [
        a
        for path in sorted((content_dir / "articles").glob("*.md"))
        if (a := load_article(path, numbers, problems))
    ]
    contacts = load_contacts(content_dir / "contacts.yaml", numbers, problems)
    checklists = [
        c
        for path in sorted((content_dir / "checklists").glob("*.yaml"))
        if (c := load_checklist(path, problems))
    ]
    handouts = [
        h
        for path in sorted((content_dir / "handouts").glob("*.yaml"))
        if (h := load_handout(path, numbers, problems))
    ]
    synonyms = _load_synonyms(search_dir / "synonyms.yaml", problems) if search_dir else ()
    if not articles and not problems.items:
        problems.add(
            content_dir / "articles", 1, QT_TRANSLATE_NOOP("Handbok", "fant ingen artikler (*.md)")
        )
    _check_references(content_dir, articles, contacts, checklists, problems)
    check_handouts(content_dir, handouts, articles, contacts, checklists, problems)
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


def _load_synonyms(path: Path, problems: Problems) -> tuple[tuple[str, ...], ...]:
    if not path.is_file():
        return ()
    data = read_yaml(path, problems)
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


# --- cross references ------------------------------------------------------------------------


def _check_references(
    content_dir: Path,
    articles: Iterable[Article],
    contacts: Iterable[Contact],
    checklists: Iterable[Checklist],
    problems: Problems,
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
