"""The per-user store: real SQLite files in tmp_path, real processes, no mocks."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.errors import BookmarkFileError, HandbokError, NotFoundError, UserDataError
from index.userdata.bookmarkfile import FORMAT, VERSION, export_bookmarks, import_bookmarks
from index.userdata.sqlitefile import backup_path
from index.userdata.store import FILE_NAME, SCHEMA_VERSION, Bookmark, BookmarkImport, UserData
from tests.damage import DAMAGES, Damage, overwritten_page, truncated

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def data(folder: Path) -> Iterator[UserData]:
    with UserData.open(folder) as store:
        yield store


def fill(store: UserData) -> None:
    store.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS", "Døgnåpen")
    store.bookmarks.add("samarbeid#frivillige", "article", "Samarbeid med frivillige")
    store.history.record("samarbeid", "article", "Samarbeid")
    run = store.runs.create("selvhjelpsgruppe", "Gruppe for etterlatte")
    store.runs.set_ticked(run.id, "lokale", True)
    store.runs.set_note(run.id, "lokale", "Frivilligsentralen, tirsdager")
    store.settings.set("zoom", "1.25")


def snapshot(store: UserData) -> object:
    runs = store.runs.list("selvhjelpsgruppe")
    return (
        store.bookmarks.list(),
        store.history.list(),
        runs,
        [store.runs.state(r.id) for r in runs],
        store.settings.get("zoom"),
    )


# --- round trips ---------------------------------------------------------------------------


def test_new_folder_gives_an_empty_store_in_wal_mode(folder: Path) -> None:
    with UserData.open(folder) as store:
        assert store.notice is None
        assert store.path == folder / FILE_NAME
        assert store.journal_mode == "wal"
        assert store.bookmarks.list() == []
    conn = sqlite3.connect(folder / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_bookmarks(data: UserData) -> None:
    first = data.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS")
    assert first.note == "" and first.created.tzinfo is not None
    data.bookmarks.add("samarbeid#frivillige", "article", "Samarbeid", "Les før møtet")
    assert [b.target for b in data.bookmarks.list()] == ["samarbeid#frivillige", "kirkens-sos"]

    again = data.bookmarks.add(
        "kirkens-sos", "contact", "Kirkens SOS-telefonen", "Ring 22 40 00 40"
    )
    assert (again.title, again.note, again.created) == (
        "Kirkens SOS-telefonen",
        "Ring 22 40 00 40",
        first.created,
    )
    kept = data.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS")  # no note: keeps it
    assert kept.note == "Ring 22 40 00 40"
    assert len(data.bookmarks.list()) == 2

    assert data.bookmarks.update_note("kirkens-sos", "Ny merknad").note == "Ny merknad"
    assert data.bookmarks.get("kirkens-sos") == Bookmark(
        "kirkens-sos", "contact", "Kirkens SOS", "Ny merknad", first.created
    )
    assert data.bookmarks.is_bookmarked("kirkens-sos")
    assert data.bookmarks.delete("kirkens-sos") is True
    assert data.bookmarks.delete("kirkens-sos") is False
    assert not data.bookmarks.is_bookmarked("kirkens-sos")
    assert data.bookmarks.get("kirkens-sos") is None
    with pytest.raises(NotFoundError):
        data.bookmarks.update_note("kirkens-sos", "x")
    with pytest.raises(ValueError):
        data.bookmarks.add("x", "video", "x")  # type: ignore[arg-type]


def test_history(data: UserData) -> None:
    a = data.history.record("samarbeid", "article", "Samarbeid")
    again = data.history.record("samarbeid", "article", "Samarbeid med frivillige")
    assert again.id == a.id and again.opened >= a.opened and again.title.endswith("frivillige")
    data.history.record("kirkens-sos", "contact", "Kirkens SOS")
    data.history.record("samarbeid", "article", "Samarbeid")  # not consecutive: a new entry
    assert [e.target for e in data.history.list()] == ["samarbeid", "kirkens-sos", "samarbeid"]
    assert [e.target for e in data.history.list(limit=1)] == ["samarbeid"]

    data.history.limit = 5
    for n in range(12):
        data.history.record(f"artikkel-{n}", "article", f"Artikkel {n}")
    assert [e.target for e in data.history.list(limit=100)] == [
        f"artikkel-{n}" for n in range(11, 6, -1)
    ]
    data.history.clear()
    assert data.history.list() == []


def test_history_keeps_at_most_500_entries(data: UserData) -> None:
    for n in range(510):
        data.history.record(f"a{n}", "article", "A")
    entries = data.history.list(limit=1000)
    assert len(entries) == 500 and entries[0].target == "a509" and entries[-1].target == "a10"


def test_checklist_runs(data: UserData) -> None:
    one = data.runs.create("selvhjelpsgruppe", "Gruppe for etterlatte")
    two = data.runs.create("selvhjelpsgruppe", "Gruppe for pårørende")
    other = data.runs.create("handlingsplan", "Handlingsplan 2025")
    assert [r.name for r in data.runs.list("selvhjelpsgruppe")] == [one.name, two.name]
    assert data.runs.list("handlingsplan") == [other]

    data.runs.set_ticked(one.id, "lokale", True)
    data.runs.set_ticked(one.id, "igangsetter", True)
    data.runs.set_note(one.id, "igangsetter", "Spør LMS")
    data.runs.set_ticked(one.id, "igangsetter", False)
    data.runs.set_note(one.id, "annonse", "Plakat på biblioteket")
    state = data.runs.state(one.id)
    assert {k: (s.ticked, s.note) for k, s in state.items()} == {
        "lokale": (True, ""),
        "igangsetter": (False, "Spør LMS"),
        "annonse": (False, "Plakat på biblioteket"),
    }
    assert data.runs.progress(one.id) == 1
    assert data.runs.progress(one.id, items={"igangsetter", "annonse"}) == 0
    assert data.runs.state(two.id) == {} and data.runs.progress(two.id) == 0

    renamed = data.runs.rename(two.id, "Gruppe for unge pårørende")
    assert renamed.name == "Gruppe for unge pårørende"
    assert data.runs.get(two.id) == renamed
    assert renamed.updated >= two.updated

    assert data.runs.delete(one.id) is True
    assert data.runs.delete(one.id) is False
    assert data.runs.get(one.id) is None and data.runs.state(one.id) == {}
    rows = data._db.conn.execute("SELECT count(*) FROM run_items WHERE run_id = ?", (one.id,))
    assert rows.fetchone()[0] == 0
    with pytest.raises(NotFoundError):
        data.runs.set_ticked(one.id, "lokale", True)  # deleted in another window, say
    with pytest.raises(NotFoundError):
        data.runs.rename(one.id, "x")
    assert data.runs.state(one.id) == {}


def test_settings(data: UserData) -> None:
    assert data.settings.get("zoom") is None
    assert data.settings.get("zoom", "1.0") == "1.0"
    data.settings.set("zoom", "1.5")
    data.settings.set("zoom", "2.0")
    data.settings.set("geometry", "AdnQywADAAAAAAH/AAAA")
    assert data.settings.get("zoom") == "2.0"
    data.settings.delete("zoom")
    assert data.settings.get("zoom") is None
    assert data.settings.get("geometry") == "AdnQywADAAAAAAH/AAAA"
    with pytest.raises(TypeError):
        data.settings.set("zoom", 2)  # type: ignore[arg-type]


def test_reopening_sees_everything(folder: Path) -> None:
    with UserData.open(folder) as store:
        fill(store)
        before = snapshot(store)
    with UserData.open(folder) as store:
        assert store.notice is None
        assert snapshot(store) == before


# --- damaged and newer files ---------------------------------------------------------------


def make_real_database(folder: Path) -> Path:
    with UserData.open(folder) as store:
        fill(store)
        for n in range(300):  # some pages, so damage lands inside the data
            store.bookmarks.add(f"artikkel-{n}", "article", f"Artikkel {n}", "notat " * 40)
    return folder / FILE_NAME


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_file_without_a_good_copy_is_moved_aside_and_a_fresh_one_works(
    folder: Path, damage: Damage
) -> None:
    path = folder / FILE_NAME
    damage(path, make_real_database)
    backup_path(path).unlink(missing_ok=True)  # never made (a first start), or deleted
    original = path.read_bytes()

    with UserData.open(folder) as store:
        notice = store.notice
        assert notice is not None and notice.moved_to is not None
        assert re.fullmatch(r"userdata\.sqlite3\.damaged-\d{8}-\d{6}", notice.moved_to.name)
        assert "skadet" in notice.message() and str(notice.moved_to) in notice.message()
        assert notice.moved_to.read_bytes() == original  # kept, byte for byte
        assert store.bookmarks.list() == []
        store.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS")
    with UserData.open(folder) as store:
        assert store.notice is None
        assert store.bookmarks.is_bookmarked("kirkens-sos")


@pytest.mark.parametrize("damage", [truncated, overwritten_page])
def test_damaged_file_is_replaced_by_the_last_good_copy(folder: Path, damage: Damage) -> None:
    path = folder / FILE_NAME
    damage(path, make_real_database)  # the copy was kept when the store was closed
    original = path.read_bytes()
    with UserData.open(folder) as store:
        notice = store.notice
        assert notice is not None and notice.moved_to is not None
        assert notice.moved_to.read_bytes() == original  # kept, byte for byte
        assert "siste gode kopien" in notice.message() and str(notice.moved_to) in notice.message()
        assert len(store.bookmarks.list()) == 302 and store.settings.get("zoom") == "1.25"
        store.bookmarks.add("ny", "article", "Ny")
    with UserData.open(folder) as store:
        assert store.notice is None
        assert store.bookmarks.is_bookmarked("ny") and len(store.bookmarks.list()) == 303


def test_a_damaged_copy_is_not_put_back(folder: Path) -> None:
    path = make_real_database(folder)
    for damaged in (path, backup_path(path)):
        with damaged.open("r+b") as f:
            f.truncate(damaged.stat().st_size // 2)
    with UserData.open(folder) as store:
        assert store.notice is not None and "ny, tom fil" in store.notice.message()
        assert store.bookmarks.list() == []


def test_file_from_a_newer_version_is_moved_aside_with_its_wal(folder: Path) -> None:
    path = folder / FILE_NAME
    folder.mkdir()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE future (x TEXT)")
    writer.execute("INSERT INTO future VALUES ('lagret av versjon 99')")
    writer.execute("PRAGMA user_version = 99")
    # Copy the files while the writer still holds them, so the row lives only in the -wal.
    copy = folder.parent / "copy"
    copy.mkdir()
    for suffix in ("", "-wal", "-shm"):
        (copy / f"{FILE_NAME}{suffix}").write_bytes(Path(f"{path}{suffix}").read_bytes())
    writer.close()

    with UserData.open(copy) as store:
        assert store.notice is not None and store.notice.moved_to is not None
        moved = store.notice.moved_to
        assert re.fullmatch(r"userdata\.sqlite3\.newer-\d{8}-\d{6}", moved.name)
        assert "nyere versjon" in store.notice.message()
        assert Path(f"{moved}-wal").exists()
        assert store.bookmarks.list() == []
    old = sqlite3.connect(moved)
    assert old.execute("SELECT x FROM future").fetchall() == [("lagret av versjon 99",)]
    assert old.execute("PRAGMA user_version").fetchone()[0] == 99
    old.close()


def test_a_wal_without_its_database_is_moved_aside_not_replayed(folder: Path) -> None:
    folder.mkdir()
    (folder / f"{FILE_NAME}-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 4000)
    with UserData.open(folder) as store:
        store.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS")
    assert [p.name for p in folder.glob("*.orphan-*-wal")]


# --- full disk, read-only ------------------------------------------------------------------


def test_full_disk_gives_a_sentence_and_the_store_stays_readable(data: UserData) -> None:
    fill(data)
    before = snapshot(data)
    pages = data._db.conn.execute("PRAGMA page_count").fetchone()[0]
    data._db.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL
    with pytest.raises(UserDataError) as caught:
        data.bookmarks.add("stor", "article", "Stor", "x" * 100_000)
    assert caught.value.cause == "full"
    assert str(caught.value) == "Kunne ikke lagre bokmerket: disken er full."
    assert isinstance(caught.value, HandbokError)
    assert snapshot(data) == before
    data._db.conn.execute("PRAGMA max_page_count = 1073741823")
    data.bookmarks.add("liten", "article", "Liten")
    assert data.bookmarks.is_bookmarked("liten")


def test_read_only_gives_a_sentence_and_the_store_stays_readable(data: UserData) -> None:
    fill(data)
    before = snapshot(data)
    data._db.conn.execute("PRAGMA query_only = ON")  # SQLite's own SQLITE_READONLY
    for write in (
        lambda: data.bookmarks.add("x", "article", "X"),
        lambda: data.runs.set_ticked(data.runs.list("selvhjelpsgruppe")[0].id, "a", True),
        lambda: data.history.record("x", "article", "X"),
        lambda: data.settings.set("zoom", "3"),
    ):
        with pytest.raises(UserDataError) as caught:
            write()
        assert caught.value.cause == "readonly"
        assert str(caught.value).startswith("Kunne ikke ")
        assert "får ikke skrive i mappen" in str(caught.value)
    assert snapshot(data) == before


def test_error_sentence_translates_the_action_too(data: UserData) -> None:
    data._db.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(UserDataError) as caught:
        data.bookmarks.delete("x")
    english = {
        "slette bokmerket": "delete the bookmark",
        "Kunne ikke {action}: Handbok får ikke skrive i mappen {folder}.": (
            "Could not {action}: Handbok may not write to the folder {folder}."
        ),
    }
    text = caught.value.message(lambda _context, source: english.get(source, source))
    assert text.startswith("Could not delete the bookmark: Handbok may not write")


# --- export and import ---------------------------------------------------------------------


def test_export_import_round_trip(tmp_path: Path, data: UserData) -> None:
    fill(data)
    data.bookmarks.add("tom", "checklist", "Uten notat")
    out = tmp_path / "ut" / "bokmerker.json"
    out.parent.mkdir()
    assert export_bookmarks(data.bookmarks, out) == 3
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT and document["version"] == VERSION
    assert [p.name for p in out.parent.iterdir()] == ["bokmerker.json"]  # no temp file left

    with UserData.open(tmp_path / "other") as other:
        assert import_bookmarks(other.bookmarks, out) == BookmarkImport(added=3)
        assert other.bookmarks.list() == data.bookmarks.list()
        assert import_bookmarks(other.bookmarks, out) == BookmarkImport(skipped=3)
        assert other.bookmarks.list() == data.bookmarks.list()


def test_import_merges_without_duplicates(tmp_path: Path, data: UserData) -> None:
    data.bookmarks.add("a", "article", "A her", "Mitt notat")
    data.bookmarks.add("b", "article", "B her")
    data.bookmarks.add("c", "contact", "C her", "Behold")
    file = tmp_path / "inn.json"
    entries = [
        {"target": "a", "kind": "article", "title": "A der", "note": "Annet notat"},
        {"target": "b", "kind": "article", "title": "B der", "note": "Notat fra der"},
        {"target": "c", "kind": "contact", "title": "C der"},
        {"target": "d", "kind": "checklist", "title": "D", "created": "2024-05-01T10:00:00"},
        {"target": "d", "kind": "checklist", "title": "D igjen", "note": "fra duplikat"},
    ]
    file.write_text(json.dumps({"format": FORMAT, "version": 1, "bookmarks": entries}))
    assert import_bookmarks(data.bookmarks, file) == BookmarkImport(added=1, updated=2, skipped=2)
    got = {b.target: (b.title, b.note) for b in data.bookmarks.list()}
    assert got == {
        "a": ("A her", "Mitt notat"),
        "b": ("B her", "Notat fra der"),
        "c": ("C her", "Behold"),
        "d": ("D", "fra duplikat"),
    }
    assert data.bookmarks.list()[-1].target == "d"  # its own time, 2024, sorts it last


def good(entries: Sequence[object]) -> str:
    return json.dumps({"format": FORMAT, "version": 1, "bookmarks": entries})


OK_ENTRY = {"target": "ny", "kind": "article", "title": "Ny"}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"format": "handbok-bokmerker",\n "version": 1,\n "bookmarks": [}', "linje 3, tegn"),
        (b"", "linje 1, tegn 1"),
        (b"\xff\xfe{}", "UTF-8"),
        (b"[]", "ikke en bokmerkefil"),
        (b'{"version": 1, "bookmarks": []}', "ikke en bokmerkefil"),
        (b'{"format": "handbok-bokmerker", "version": 1, "bookmarks": {}}', "ikke en bokmerk"),
        (b'{"format": "handbok-bokmerker", "version": 2, "bookmarks": []}', "format 2"),
        (b'{"format": "handbok-bokmerker", "version": "1", "bookmarks": []}', 'format "1"'),
        (b'{"format": "handbok-bokmerker", "version": true, "bookmarks": []}', "format true"),
        (good([OK_ENTRY, {"target": "x", "kind": "video", "title": "X"}]).encode(), "nummer 2"),
        (good([OK_ENTRY, {"kind": "article", "title": "X"}]).encode(), "«target»"),
        (good([OK_ENTRY, {"target": "x", "kind": "article"}]).encode(), "«title»"),
        (good([{**OK_ENTRY, "note": 5}]).encode(), "«note»"),
        (good([{**OK_ENTRY, "created": "i går"}]).encode(), "«created»"),
        (good([OK_ENTRY, "tekst"]).encode(), "nummer 2"),
        (b"[" * 100_000, "ikke"),
    ],
)
def test_bad_import_file_changes_nothing(
    tmp_path: Path, data: UserData, content: bytes, words: str
) -> None:
    fill(data)
    before = snapshot(data)
    file = tmp_path / "inn.json"
    file.write_bytes(content)
    with pytest.raises(BookmarkFileError) as caught:
        import_bookmarks(data.bookmarks, file)
    assert words in str(caught.value), str(caught.value)
    assert str(file) in str(caught.value)
    assert snapshot(data) == before


def test_import_syntax_error_names_line_and_column(tmp_path: Path, data: UserData) -> None:
    file = tmp_path / "inn.json"
    file.write_text('{\n  "format": "handbok-bokmerker",\n  "version": 1,,\n}')
    with pytest.raises(BookmarkFileError) as caught:
        import_bookmarks(data.bookmarks, file)
    assert (caught.value.params["line"], caught.value.params["column"]) == (3, 16)


def test_missing_import_file(tmp_path: Path, data: UserData) -> None:
    with pytest.raises(BookmarkFileError, match="Fant ikke filen"):
        import_bookmarks(data.bookmarks, tmp_path / "finnes-ikke.json")


def test_import_that_fails_half_way_is_rolled_back(tmp_path: Path, data: UserData) -> None:
    fill(data)
    before = snapshot(data)
    file = tmp_path / "inn.json"
    many = [
        {"target": f"t{n}", "kind": "article", "title": "T", "note": "n" * 2000} for n in range(200)
    ]
    file.write_text(good(many))
    pages = data._db.conn.execute("PRAGMA page_count").fetchone()[0]
    data._db.conn.execute(f"PRAGMA max_page_count = {pages + 20}")  # room for a few only
    with pytest.raises(UserDataError) as caught:
        import_bookmarks(data.bookmarks, file)
    assert caught.value.cause == "full"
    assert str(caught.value) == "Kunne ikke importere bokmerkene: disken er full."
    assert snapshot(data) == before


def test_export_to_a_missing_folder_is_a_sentence(tmp_path: Path, data: UserData) -> None:
    fill(data)
    with pytest.raises(BookmarkFileError, match="finnes ikke"):
        export_bookmarks(data.bookmarks, tmp_path / "nei" / "b.json")


def test_export_replaces_an_old_file_whole(tmp_path: Path, data: UserData) -> None:
    out = tmp_path / "b.json"
    out.write_text("gammelt innhold " * 1000)
    data.bookmarks.add("a", "article", "A")
    export_bookmarks(data.bookmarks, out)
    assert [b["target"] for b in json.loads(out.read_text(encoding="utf-8"))["bookmarks"]] == ["a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json", "data"]


# --- two copies, and a killed process ------------------------------------------------------


def test_two_stores_on_one_file_see_each_others_writes(folder: Path) -> None:
    with UserData.open(folder) as one, UserData.open(folder) as two:
        one.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS")
        two.bookmarks.add("mental-helse", "contact", "Mental Helse")
        run = two.runs.create("selvhjelpsgruppe", "Gruppe")
        one.runs.set_ticked(run.id, "lokale", True)
        two.runs.set_note(run.id, "lokale", "Avtalt")
        one.settings.set("zoom", "1.1")
        assert {b.target for b in one.bookmarks.list()} == {"kirkens-sos", "mental-helse"}
        assert {b.target for b in two.bookmarks.list()} == {"kirkens-sos", "mental-helse"}
        assert one.runs.state(run.id) == two.runs.state(run.id)
        assert one.runs.progress(run.id) == two.runs.progress(run.id) == 1
        assert two.settings.get("zoom") == "1.1"


WRITER = """
import sys
from index.userdata.store import UserData
store = UserData.open(sys.argv[1])
for n in range(int(sys.argv[3])):
    store.bookmarks.add(f"{sys.argv[2]}-{n}", "article", "Artikkel", f"notat {n}")
store.close()
"""


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_two_processes_writing_at_once_lose_nothing(folder: Path) -> None:
    UserData.open(folder).close()
    children = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(folder), name, "60"], env=child_env())
        for name in ("a", "b")
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0]
    with UserData.open(folder) as store:
        targets = {b.target for b in store.bookmarks.list()}
    assert targets == {f"{name}-{n}" for name in ("a", "b") for n in range(60)}


OPENER = """
import sys, time
from index.userdata.store import UserData
start = float(sys.argv[2])
while time.time() < start:  # both open at the same moment
    pass
UserData.open(sys.argv[1]).close()
"""


def test_two_processes_creating_the_file_at_once_both_open_it(tmp_path: Path) -> None:
    # Turning a new file to WAL once made the second copy fail at once with "locked".
    for round_no in range(8):
        folder = tmp_path / str(round_no)
        start = str(time.time() + 0.3)
        children = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, str(folder), start],
                env=child_env(),
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for child in children:
            _, err = child.communicate(timeout=60)
            assert child.returncode == 0, err


KILLED = """
import sys, time
from index.userdata.store import UserData
store = UserData.open(sys.argv[1])
store.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS", "Ring 22 40 00 40")
run = store.runs.create("selvhjelpsgruppe", "Gruppe")
store.runs.set_ticked(run.id, "lokale", True)
print("done", flush=True)
time.sleep(120)
"""


def test_acknowledged_write_survives_a_killed_process(folder: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", KILLED, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "done"
        child.kill()  # SIGKILL on POSIX: no cleanup, no checkpoint, no close
        child.wait(timeout=10)
    if os.name == "posix":
        assert child.returncode == -9
    assert Path(f"{folder / FILE_NAME}-wal").exists()  # the writes were never checkpointed
    with UserData.open(folder) as store:
        assert store.notice is None
        bookmark = store.bookmarks.get("kirkens-sos")
        assert bookmark is not None and bookmark.note == "Ring 22 40 00 40"
        (run,) = store.runs.list("selvhjelpsgruppe")
        assert store.runs.progress(run.id) == 1


# --- any text round-trips ------------------------------------------------------------------

texts = st.one_of(
    st.text(),
    st.text(st.characters(categories=["Cc", "Zs", "Zl", "Zp", "Cf"])),
    st.text(min_size=1, max_size=4).map(lambda s: s * 50_000),  # very long
)


@settings(max_examples=60, deadline=None, database=None)
@given(title=texts, note=texts)
def test_any_text_round_trips(title: str, note: str) -> None:
    # A temporary folder per example (hypothesis does not reset function-scoped fixtures).
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with UserData.open(root / "a") as store:
            store.bookmarks.add("artikkel#anker", "article", title, note)
            run = store.runs.create("sjekkliste", title)
            store.runs.set_note(run.id, "punkt", note)
            store.settings.set("tekst", note)
        with UserData.open(root / "a") as store:
            bookmark = store.bookmarks.get("artikkel#anker")
            assert bookmark is not None and (bookmark.title, bookmark.note) == (title, note)
            (run,) = store.runs.list("sjekkliste")
            assert run.name == title and store.runs.state(run.id)["punkt"].note == note
            assert store.settings.get("tekst") == note
            export_bookmarks(store.bookmarks, root / "b.json")
        with UserData.open(root / "b") as other:
            import_bookmarks(other.bookmarks, root / "b.json")
            assert other.bookmarks.get("artikkel#anker") == bookmark


def test_surrogates_from_qt_are_stored_as_characters(data: UserData) -> None:
    saved = data.bookmarks.add("a", "article", "Tittel \ud800 slutt", "\ud83d\ude00\udfff")
    assert saved.title == "Tittel \ufffd slutt" and saved.note == "\U0001f600\ufffd"


def test_the_window_reads_what_it_remembers_without_touching_the_file(tmp_path: Path) -> None:
    # index/userdata/remembered.py: read before the file is opened properly, at start.
    from index.userdata import remembered

    folder = tmp_path / "data"
    assert remembered.read(folder) == {}  # no file yet: the default look
    with UserData.open(folder) as store:
        store.settings.set("window.text_size", "2")
        store.settings.set("window.geometry", "AdnQywADAAA=")
        store.settings.set("something.else", "x")
    before = (folder / FILE_NAME).read_bytes()
    seen = remembered.read(folder)
    assert seen == {"window.text_size": "2", "window.geometry": "AdnQywADAAA="}
    # Nothing written: the file as it was, and no journal (a reader of a WAL file leaves its
    # index, -shm, and an empty -wal, as any reader does; the next writer takes them over).
    assert (folder / FILE_NAME).read_bytes() == before
    wal = folder / f"{FILE_NAME}-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    with UserData.open(folder) as store, store._db.write("lagre") as conn:
        # Another copy in the middle of a write does not keep the window from opening.
        conn.execute("INSERT INTO settings (key, value) VALUES ('window.panel_width', '9')")
        assert remembered.read(folder) == seen
    assert remembered.read(folder)["window.panel_width"] == "9"
    for damage in (b"", b"SQLite format 3\0" + b"\xff" * 4000, b"no database" * 500):
        (folder / FILE_NAME).write_bytes(damage)
        assert remembered.read(folder) == {}
