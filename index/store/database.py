"""The built content store: an SQLite database of the content, beside the Whoosh index.

Written once by ``build`` (sqlite-utils), then only read. It uses SQLite's rollback journal,
not WAL, and is opened with ``mode=ro``, so it works from a read-only program folder.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from index.content.model import (
    Article,
    Checklist,
    ChecklistItem,
    Contact,
    Content,
    HandoutBlock,
    HandoutTemplate,
    Kind,
    Section,
)
from index.errors import NotFoundError, StoreError
from index.i18n import QT_TRANSLATE_NOOP
from index.store.contactrow import contact_columns, contact_from_row

DB_FILE = "content.db"


class ContentStore(Protocol):
    """What the program reads content through: a ``Store``, or one with the municipality's
    contacts laid over it (``index.local.layer.LayeredStore``). Callers type against this, so
    strict mypy checks both."""

    def close(self) -> None: ...
    def meta(self, key: str) -> str | None: ...
    def handouts(self) -> list[HandoutTemplate]: ...
    def handout(self, ident: str) -> HandoutTemplate: ...
    def synonyms(self) -> list[tuple[str, ...]]: ...
    def kind_of(self, ident: str) -> Kind | None: ...
    def article(self, ident: str) -> Article: ...
    def articles(self) -> list[Article]: ...
    def section(self, ident: str) -> tuple[Article, Section]: ...
    def contact(self, ident: str) -> Contact: ...
    def contacts(self) -> list[Contact]: ...
    def checklist(self, ident: str) -> Checklist: ...
    def checklists(self) -> list[Checklist]: ...


SCHEMA_VERSION = 2


# The tables sqlite-utils makes from their first row, as it makes them, for content without any.
_MAYBE_EMPTY = {
    "sections": "id TEXT PRIMARY KEY, article_id TEXT REFERENCES articles(id), anchor TEXT, "
    "heading TEXT, position INTEGER, markdown TEXT, text TEXT",
    "contacts": "id TEXT PRIMARY KEY, name TEXT, organisation TEXT, category TEXT, "
    "audience TEXT, channels TEXT, hours TEXT, region TEXT, address TEXT, description TEXT, "
    "source TEXT, verified TEXT, caution TEXT, position INTEGER",
    "checklists": "id TEXT PRIMARY KEY, title TEXT, intro TEXT, sources TEXT, position INTEGER",
    "checklist_items": "id TEXT PRIMARY KEY, checklist_id TEXT REFERENCES checklists(id), "
    "key TEXT, position INTEGER, grp TEXT, text TEXT, help TEXT, source TEXT",
    "handouts": "id TEXT PRIMARY KEY, title TEXT, description TEXT, intro TEXT, blocks TEXT, "
    "sources TEXT, position INTEGER",
    "synonyms": "grp INTEGER, word TEXT",
}


def write_database(content: Content, path: Path, version: str) -> None:
    import sqlite_utils  # only for building; the program itself only reads

    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA journal_mode = DELETE")
    meta = {
        "content_hash": content.content_hash,
        "built_at": datetime.now().isoformat(timespec="seconds"),
        "program_version": version,
    }
    db.table("meta").insert_all(({"key": k, "value": v} for k, v in meta.items()), pk="key")
    db.table("articles").insert_all(
        (
            {
                "id": a.id,
                "title": a.title,
                "publisher": a.publisher,
                "publisher_note": a.publisher_note,
                "author": a.author,
                "updated": a.updated.isoformat() if a.updated else None,
                "source": a.source,
                "seed": a.seed,
                "summary": a.summary,
                "keywords": json.dumps(a.keywords, ensure_ascii=False),
            }
            for a in content.articles
        ),
        pk="id",
    )
    db.table("sections").insert_all(
        (
            {
                "id": s.id,
                "article_id": s.article_id,
                "anchor": s.anchor,
                "heading": s.heading,
                "position": s.position,
                "markdown": s.markdown,
                "text": s.text,
            }
            for a in content.articles
            for s in a.sections
        ),
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("contacts").insert_all(
        (
            {**contact_columns(c), "caution": c.caution, "position": position}
            for position, c in enumerate(content.contacts)
        ),
        pk="id",
    )
    db.table("checklists").insert_all(
        (
            {
                "id": c.id,
                "title": c.title,
                "intro": c.intro,
                "sources": json.dumps(c.sources),
                "position": position,
            }
            for position, c in enumerate(content.checklists)
        ),
        pk="id",
    )
    db.table("checklist_items").insert_all(
        (
            {
                "id": i.id,
                "checklist_id": i.checklist_id,
                "key": i.key,
                "position": i.position,
                "grp": i.group,
                "text": i.text,
                "help": i.help,
                "source": i.source,
            }
            for c in content.checklists
            for i in c.items
        ),
        pk="id",
        foreign_keys=[("checklist_id", "checklists", "id")],
    )
    db.table("handouts").insert_all(
        (
            {
                "id": h.id,
                "title": h.title,
                "description": h.description,
                "intro": h.intro,
                "blocks": json.dumps(
                    [
                        {"type": b.type, "id": b.id, "heading": b.heading, "text": b.text}
                        for b in h.blocks
                    ],
                    ensure_ascii=False,
                ),
                "sources": json.dumps(h.sources, ensure_ascii=False),
                "position": position,
            }
            for position, h in enumerate(content.handouts)
        ),
        pk="id",
        columns={
            "id": str,
            "title": str,
            "description": str,
            "intro": str,
            "blocks": str,
            "sources": str,
            "position": int,
        },
    )
    db.table("synonyms").insert_all(
        ({"grp": n, "word": w} for n, group in enumerate(content.synonyms) for w in group),
        columns={"grp": int, "word": str},
    )
    # Content may have no sections, contacts, checklists or handouts (load_content allows it),
    # and sqlite-utils makes a table with its first row only: the store reads every table.
    for table, columns in _MAYBE_EMPTY.items():
        db.conn.execute(f"CREATE TABLE IF NOT EXISTS [{table}] ({columns})")
    db.table("sections").create_index(["article_id", "position"])
    db.table("checklist_items").create_index(["checklist_id", "position"])
    db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.conn.commit()
    db.close()


class Store:
    """Read access to the content database. Cheap to open; keep one for the program's life."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise StoreError(
                QT_TRANSLATE_NOOP("Handbok", "Fant ikke innholdsdatabasen i {folder}."),
                folder=path.parent,
            )
        try:
            # Opened on a loader thread, read on the GUI thread: safe, as it is read-only.
            self.conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            self.conn.row_factory = sqlite3.Row
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Handbok", "Innholdsdatabasen er skadet og kan ikke leses ({reason})."
                ),
                reason=str(error),
            ) from error
        if version != SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "Innholdsdatabasen har et annet format ({found}) enn programmet ({wanted}).",
                ),
                found=version,
                wanted=SCHEMA_VERSION,
            )

    def close(self) -> None:
        self.conn.close()

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def handouts(self) -> list[HandoutTemplate]:
        rows = self.conn.execute("SELECT * FROM handouts ORDER BY position")
        return [_handout(row) for row in rows]

    def handout(self, ident: str) -> HandoutTemplate:
        row = self.conn.execute("SELECT * FROM handouts WHERE id = ?", (ident,)).fetchone()
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Handbok", "Fant ingen mal for skriv med id «{id}»."), id=ident
            )
        return _handout(row)

    def synonyms(self) -> list[tuple[str, ...]]:
        groups: dict[int, list[str]] = {}
        for grp, word in self.conn.execute("SELECT grp, word FROM synonyms ORDER BY rowid"):
            groups.setdefault(grp, []).append(word)
        return [tuple(g) for g in groups.values()]

    # --- lookups -------------------------------------------------------------------------

    def kind_of(self, ident: str) -> Kind | None:
        """What an id names: an article or section, a contact, a checklist or checklist item."""
        for kind, sql in (
            ("article", "SELECT 1 FROM articles WHERE id = ?"),
            ("article", "SELECT 1 FROM sections WHERE id = ?"),
            ("contact", "SELECT 1 FROM contacts WHERE id = ?"),
            ("checklist", "SELECT 1 FROM checklists WHERE id = ?"),
            ("checklist", "SELECT 1 FROM checklist_items WHERE id = ?"),
        ):
            if self.conn.execute(sql, (ident,)).fetchone():
                return kind  # type: ignore[return-value]
        return None

    def article(self, ident: str) -> Article:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (ident,)).fetchone()
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Handbok", "Fant ingen artikkel med id «{id}»."), id=ident
            )
        sections = tuple(
            Section(
                id=s["id"],
                article_id=s["article_id"],
                anchor=s["anchor"],
                heading=s["heading"],
                position=s["position"],
                markdown=s["markdown"],
                text=s["text"],
            )
            for s in self.conn.execute(
                "SELECT * FROM sections WHERE article_id = ? ORDER BY position", (ident,)
            )
        )
        return Article(
            id=row["id"],
            title=row["title"],
            publisher=row["publisher"],
            publisher_note=row["publisher_note"] or "",
            author=row["author"] or "",
            updated=date.fromisoformat(row["updated"]) if row["updated"] else None,
            source=row["source"],
            seed=row["seed"] or "",
            summary=row["summary"],
            keywords=tuple(json.loads(row["keywords"])),
            sections=sections,
        )

    def articles(self) -> list[Article]:
        ids = [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY title")]
        return [self.article(i) for i in ids]

    def section(self, ident: str) -> tuple[Article, Section]:
        article_id, _, anchor = ident.partition("#")
        article = self.article(article_id)
        section = article.section(anchor)
        if section is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Handbok", "Fant ikke avsnittet «{id}»."), id=ident
            )
        return article, section

    def contact(self, ident: str) -> Contact:
        row = self.conn.execute("SELECT * FROM contacts WHERE id = ?", (ident,)).fetchone()
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Handbok", "Fant ingen kontakt med id «{id}»."), id=ident
            )
        return _contact(row)

    def contacts(self) -> list[Contact]:
        return [_contact(r) for r in self.conn.execute("SELECT * FROM contacts ORDER BY position")]

    def checklist(self, ident: str) -> Checklist:
        row = self.conn.execute("SELECT * FROM checklists WHERE id = ?", (ident,)).fetchone()
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Handbok", "Fant ingen sjekkliste med id «{id}»."), id=ident
            )
        items = tuple(
            ChecklistItem(
                id=i["id"],
                checklist_id=i["checklist_id"],
                key=i["key"],
                position=i["position"],
                text=i["text"],
                group=i["grp"] or "",
                help=i["help"] or "",
                source=i["source"] or "",
            )
            for i in self.conn.execute(
                "SELECT * FROM checklist_items WHERE checklist_id = ? ORDER BY position", (ident,)
            )
        )
        return Checklist(
            id=row["id"],
            title=row["title"],
            intro=row["intro"],
            items=items,
            sources=tuple(json.loads(row["sources"])),
        )

    def checklists(self) -> list[Checklist]:
        ids = [r[0] for r in self.conn.execute("SELECT id FROM checklists ORDER BY position")]
        return [self.checklist(i) for i in ids]


def _handout(row: sqlite3.Row) -> HandoutTemplate:
    return HandoutTemplate(
        id=row["id"],
        title=row["title"],
        description=row["description"],
        intro=row["intro"],
        blocks=tuple(HandoutBlock(**b) for b in json.loads(row["blocks"])),
        sources=tuple(json.loads(row["sources"])),
    )


def _contact(row: sqlite3.Row) -> Contact:
    return replace(contact_from_row(row), caution=row["caution"] or "")
