"""The whole program, started through its real entry point in its own process and used through
its window (tests/appdriver.py), under the conditions of a real municipal PC: two copies on one
data folder, a content store that is damaged when both start, a data folder it may not write,
and a disk that fills up while a nurse is saving."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from index.local.store import FILE_NAME as LOCAL_FILE
from index.local.store import LocalStore
from index.userdata.sqlitefile import backup_path
from index.userdata.store import FILE_NAME as USER_FILE
from index.userdata.store import UserData
from tests.appdriver import CHECKLIST, contact_name
from tests.damage import integrity

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 12
OPENING = "Åpner innholdet …"  # the status line while the content loads: not a problem


def environment(tmp_path: Path, store: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "HANDBOK_LANG": "nb",
        "HANDBOK_BUILTIN_STORE": str(store),
        "HANDBOK_PACKS_DIR": str(tmp_path / "packs"),
        "HANDBOK_KOMMUNE_DIR": str(tmp_path / "kommune"),
    }


def driver(copy: str, data: Path) -> list[str]:
    return [sys.executable, "-m", "tests.appdriver", copy, str(ROUNDS), str(data)]


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    seen: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    assert seen["network"] == []  # the program never went online
    return seen


def problems(seen: dict[str, Any]) -> list[str]:
    """Everything the user was told: message boxes and status-line sentences."""
    return [*seen["messages"], *(s for s in seen["status"] if s != OPENING)]


def check_search(seen: dict[str, Any]) -> None:
    assert seen["search"][0] == "kirkens-sos"


# --- two copies at once ------------------------------------------------------------------------


def test_two_copies_on_one_data_folder_both_work_and_lose_nothing(
    tmp_path: Path, store_dir: Path
) -> None:
    data = tmp_path / "data"  # not there yet: both copies create it at the same moment
    env = environment(tmp_path, store_dir)
    copies = [start(driver(copy, data), env) for copy in ("a", "b")]
    seen = [finish(process) for process in copies]

    for one in seen:
        assert problems(one) == []
        check_search(one)
        assert len(one["bookmarked"]) == ROUNDS and one["ticked"] == ROUNDS
    for name in (USER_FILE, LOCAL_FILE):
        assert integrity(data / name) == "ok"
        assert integrity(backup_path(data / name)) == "ok"  # each kept its last good copy
    with UserData.open(data) as store:
        assert store.notice is None
        assert {b.target for b in store.bookmarks.list()} == {
            *seen[0]["bookmarked"],
            *seen[1]["bookmarked"],
        }
        runs = store.runs.list(CHECKLIST)
        assert len(runs) == 2  # one per copy
        assert [store.runs.progress(run.id) for run in runs] == [ROUNDS, ROUNDS]
    with LocalStore.open(data) as local:
        names = {c.name for c in local.contacts.list()}
    assert names == {contact_name(copy, n) for copy in ("a", "b") for n in range(ROUNDS)}


def test_two_copies_starting_on_a_damaged_store_both_repair_it(
    tmp_path: Path, store_dir: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(store_dir, store)
    for segment in (store / "whoosh").glob("*.seg"):  # the search index is garbage
        segment.write_bytes(b"\0" * 128)
    env = environment(tmp_path, store)
    copies = [start(driver(copy, tmp_path / copy), env) for copy in ("a", "b")]
    for seen in (finish(process) for process in copies):
        check_search(seen)
        assert all("bygget det på nytt" in said for said in problems(seen)), problems(seen)


# --- damaged files at the start --------------------------------------------------------------


def test_damaged_user_data_and_a_damaged_search_index_are_put_right_and_said(
    tmp_path: Path, store_dir: Path
) -> None:
    data, store = tmp_path / "data", tmp_path / "store"
    with UserData.open(data) as saved:
        saved.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS")
    user_file = data / USER_FILE
    with user_file.open("r+b") as f:  # cut short, as by a pulled plug
        f.truncate(user_file.stat().st_size // 2)
    shutil.copytree(store_dir, store)
    for segment in (store / "whoosh").glob("*.seg"):
        segment.write_bytes(b"\0" * 128)
    # (A missing content database is rebuilt silently from a source checkout, as on a first
    # `make run`; the frozen program's smoke test in build/build.py removes it and checks.)

    seen = finish(start(driver("a", data), environment(tmp_path, store)))
    check_search(seen)
    told = problems(seen)
    assert len(told) == 2, told  # one sentence for each thing put right
    assert any("siste gode kopien" in said for said in told)
    assert any("bygget det på nytt" in said for said in told)
    assert "kirkens-sos" in seen["bookmarks"]
    # The damaged file is kept (with any -wal beside it) for IT to look at.
    assert len(list(data.glob(f"{USER_FILE}.damaged-????????-??????"))) == 1


# --- a data folder Handbok may not write -------------------------------------------------------


def without_write_access(command: list[str]) -> list[str]:
    """Run ``command`` so that file permissions bind it. Root passes them, so as root drop the
    capabilities that let it (the tests in CI run as root)."""
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv (util-linux) to drop write access")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]


def test_read_only_data_folder_keeps_what_was_saved_and_says_why_not(
    tmp_path: Path, store_dir: Path
) -> None:
    data = tmp_path / "data"
    with UserData.open(data) as store:
        store.bookmarks.add("kirkens-sos", "contact", "Kirkens SOS")
    with LocalStore.open(data):
        pass
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    for path in data.iterdir():
        path.chmod(0o444)
    data.chmod(0o555)
    try:
        process = start(without_write_access(driver("a", data)), environment(tmp_path, store_dir))
        seen = finish(process)
    finally:
        data.chmod(0o755)
        for path in data.iterdir():
            path.chmod(0o644)

    check_search(seen)
    told = problems(seen)
    assert told, "the user was not told that nothing can be saved"
    assert all("får ikke skrive i mappen" in said for said in told), told
    assert seen["bookmarks"] == ["kirkens-sos"]  # what was saved before is there to use
    assert seen["bookmarked"] == []  # and nothing is shown as saved that was not
    assert seen["ticked"] == 0  # a tick that cannot be saved is not shown as made
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


# --- a disk that fills up ----------------------------------------------------------------------


def small_disk_available() -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not small_disk_available(), reason="needs Linux, root and unshare -m")
def test_full_disk_keeps_every_save_it_confirmed_and_says_the_disk_is_full(
    tmp_path: Path, store_dir: Path
) -> None:
    disk, kept = tmp_path / "disk", tmp_path / "kept"
    disk.mkdir()
    # A private 1 MB disk for this one process; filled to leave room for the two files and a
    # few saves. It vanishes with the process, so the data folder is copied out at the end.
    script = (
        'mount -t tmpfs -o size=1m tmpfs "$1" && mkdir "$1/data" && '
        'head -c 840000 /dev/zero > "$1/fyll" && "$@" ; code=$?; '
        'cp -a "$1/data" "$2"; exit $code'
    )
    script = script.replace('"$@"', " ".join(f"'{part}'" for part in driver("a", disk / "data")))
    process = start(
        ["unshare", "-m", "sh", "-c", script, "sh", str(disk), str(kept)],
        environment(tmp_path, store_dir),
    )
    seen = finish(process)

    check_search(seen)
    told = problems(seen)
    assert told and all("disken er full" in said for said in told), told
    for name in (USER_FILE, LOCAL_FILE):
        assert integrity(kept / name) == "ok"
    with UserData.open(kept) as store:
        assert store.notice is None
        saved = {b.target for b in store.bookmarks.list()}
        (run,) = store.runs.list(CHECKLIST) or (None,)
        ticks = store.runs.progress(run.id) if run else 0
    assert saved == set(seen["bookmarked"])  # what the window showed as saved, and only that
    assert ticks == seen["ticked"]
