"""A process saving bookmarks, checklist ticks and local contacts is killed at random moments,
200 times: after every kill both files pass SQLite's integrity check and every save the process
had reported done is there (docs/architecture.md: nothing the user saved is ever lost)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import IO

import pytest

from index.local.store import FILE_NAME as LOCAL_FILE
from index.local.store import LocalStore
from index.userdata.store import FILE_NAME as USER_FILE
from index.userdata.store import UserData
from tests import crashworker
from tests.crashworker import BOOKMARK, CONTACT, TICK
from tests.damage import integrity

ROOT = Path(__file__).resolve().parents[1]
KILLS = 200
MAX_DELAY_S = 0.03  # after the first save: long enough for a few dozen saves, often mid-commit

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL are POSIX")


def read_report(stream: IO[bytes]) -> list[str]:
    line = stream.readline().decode()
    assert line, "the fork server ended"
    return line.split()


def saved_in_round(folder: Path, round_no: int) -> dict[str, set[int]]:
    """What the files hold of one round's saves, read back through the program's own stores."""
    found: dict[str, set[int]] = defaultdict(set)
    with UserData.open(folder) as data:
        assert data.notice is None  # nothing was found damaged and moved aside
        prefix = crashworker.bookmark_target(round_no, 0)[:-1]
        for bookmark in data.bookmarks.list():
            if bookmark.target.startswith(prefix):
                found[BOOKMARK].add(int(bookmark.target.removeprefix(prefix)))
        for run in data.runs.list(crashworker.CHECKLIST):
            if run.name == crashworker.run_name(round_no):
                found["run"].add(run.id)
                for item_id, state in data.runs.state(run.id).items():
                    assert state.ticked
                    found[TICK].add(int(item_id.removeprefix("punkt-")))
    with LocalStore.open(folder) as local:
        assert local.notice is None
        prefix = crashworker.contact_name(round_no, 0)[:-1]
        for contact in local.contacts.list():
            if contact.name.startswith(prefix):
                found[CONTACT].add(int(contact.name.removeprefix(prefix)))
    return found


def test_killed_writer_loses_nothing_it_reported_saved(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    UserData.open(folder).close()
    LocalStore.open(folder).close()
    chance = random.Random(20261122)
    total_saves = 0
    with subprocess.Popen(
        [sys.executable, "-m", "tests.crashworker", str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    ) as server:
        assert server.stdin is not None and server.stdout is not None
        for round_no in range(KILLS):
            server.stdin.write(f"{round_no}\n".encode())
            server.stdin.flush()
            pid, acked = 0, []
            while not (pid and acked):  # the worker has started and saved something
                what, _round, *rest = read_report(server.stdout)
                assert what != "end", f"round {round_no}: the worker ended by itself"
                if what == "pid":
                    pid = int(rest[0])
                else:
                    acked.append((rest[0], int(rest[1])))
            time.sleep(chance.uniform(0, MAX_DELAY_S))
            os.kill(pid, signal.SIGKILL)  # no cleanup, no checkpoint, no close
            while (report := read_report(server.stdout))[0] == "ack":
                acked.append((report[2], int(report[3])))
            assert report[0] == "end" and os.WTERMSIG(int(report[2])) == signal.SIGKILL

            for name in (USER_FILE, LOCAL_FILE):
                assert integrity(folder / name) == "ok", f"round {round_no}: {name} is damaged"
            found = saved_in_round(folder, round_no)
            assert {n for kind, n in acked if kind == "run"} <= found["run"]
            saves = [n for kind, n in acked if kind != "run"]
            # The one save in flight when the kill came may have landed without its report.
            in_flight = (max(saves) + 1) if saves else 0
            for kind in (BOOKMARK, TICK, CONTACT):
                reported = {n for k, n in acked if k == kind}
                assert reported <= found[kind], f"round {round_no}: reported {kind}s are missing"
                assert found[kind] - reported <= {in_flight}, f"round {round_no}: extra {kind}s"
            total_saves += len(saves)
        server.stdin.close()
    # The kills must have landed while saving, not before the first save or after the last.
    assert total_saves >= KILLS
