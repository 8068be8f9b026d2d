"""The built store: faithful to the content, rebuilt only when needed, safe to read anywhere."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from index.content.loader import load_content
from index.errors import ContentError, StoreError
from index.handbook import open_handbook
from index.resources import content_dir, search_config_dir
from index.store.build import build_store, ensure_store, stored_hash
from index.store.database import DB_FILE, Store


def test_store_holds_exactly_the_content(store_dir: Path) -> None:
    content = load_content(content_dir(), search_config_dir())
    store = Store(store_dir / DB_FILE)
    try:
        assert store.articles() == sorted(content.articles, key=lambda a: a.title)
        assert store.contacts() == list(content.contacts)
        assert store.checklists() == list(content.checklists)
        assert store.meta("content_hash") == content.content_hash
        assert store.synonyms() == list(content.synonyms)
        assert store.kind_of("kirkens-sos") == "contact"
        assert store.kind_of("starte-selvhjelpsgruppe#mal") == "checklist"
        assert (
            store.kind_of("samarbeid-om-selvorganisert-selvhjelp#frivilligsentralene") == "article"
        )
        assert store.kind_of("finnes-ikke") is None
    finally:
        store.close()


def test_rebuilds_only_when_the_content_changes(content_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "store"
    assert ensure_store(content_copy, search_config_dir(), out).rebuilt
    assert not ensure_store(content_copy, search_config_dir(), out).rebuilt
    article = content_copy / "articles" / "hva-er-selvhjelp.md"
    article.write_text(article.read_text("utf-8") + "\nEt nytt avsnitt om likepersoner.\n", "utf-8")
    assert ensure_store(content_copy, search_config_dir(), out).rebuilt
    book = open_handbook(out)
    try:
        assert book.searcher.search("likepersoner").hits
    finally:
        book.close()


def test_a_failed_build_leaves_the_working_store_alone(content_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "store"
    build_store(content_copy, search_config_dir(), out)
    before = stored_hash(out)
    (content_copy / "contacts.yaml").write_text("- id: [broken\n", encoding="utf-8")
    with pytest.raises(ContentError):
        ensure_store(content_copy, search_config_dir(), out)
    assert stored_hash(out) == before
    book = open_handbook(out)
    try:
        assert book.searcher.search("kirkens sos").hits
    finally:
        book.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".store")] == []


def test_damaged_database_is_a_sentence_and_gets_rebuilt(store_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    (copy / DB_FILE).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="skadet"):
        Store(copy / DB_FILE)
    assert ensure_store(content_dir(), search_config_dir(), copy).rebuilt
    assert Store(copy / DB_FILE).contact("leve").name.startswith("LEVE")


def test_store_from_another_format_is_refused(store_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    conn = sqlite3.connect(copy / DB_FILE)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="annet format"):
        Store(copy / DB_FILE)


def test_missing_store_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Fant ikke innholdsdatabasen"):
        Store(tmp_path / DB_FILE)


def test_reading_never_writes_into_the_store_folder(store_dir: Path, tmp_path: Path) -> None:
    # A read-only program folder must work: no journal, lock or temp file may be needed.
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    before = {p: p.stat().st_mtime_ns for p in copy.rglob("*")}
    book = open_handbook(copy)
    try:
        assert book.searcher.search("selvhjelpsgruppe lokaler").hits
        book.store.article("hva-er-selvhjelp")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            book.store.conn.execute("DELETE FROM contacts")
    finally:
        book.close()
    assert {p: p.stat().st_mtime_ns for p in copy.rglob("*")} == before
    journal = sqlite3.connect(copy / DB_FILE).execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "delete"
