"""Issue 15: a history-list refresh segfaulted in shiboken's releaseWrapper. The checklist
view and the start page took their rows out of a layout that stayed; PySide kept wrappers for
the layout items Qt then freed, and a later history row made at such an address was taken
for the dead item when the list was cleared (desktop/windows/pagebody.py).

The real window rebuilds its checklists and start page over and over in a process of its own
(tests/lifetimeworker.py), so a segfault fails this test instead of ending the test run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 12  # before the fix: 75 stale items after one round, and a segfault in the second
TIME_LIMIT = 240  # seconds; the rounds take a few seconds on a loaded machine


def run_worker(store_dir: Path, data: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HANDBOK_LANG": "nb",
        "PYTHONPATH": str(ROOT),
        "HANDBOK_DATA_DIR": str(data),
    }
    return subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "tests.lifetimeworker",
         str(store_dir), str(data), str(ROUNDS)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIME_LIMIT,
    )  # fmt: skip


def test_rebuilding_pages_leaves_no_wrapper_of_a_freed_layout_item(
    store_dir: Path, tmp_path: Path
) -> None:
    result = run_worker(store_dir, tmp_path / "data")
    crashed = result.returncode < 0 and -result.returncode == signal.SIGSEGV
    assert not crashed, "segfault:\n" + result.stderr[-3000:]
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["rounds"] == ROUNDS
    # Every layout item PySide still holds a wrapper for is in a live layout.
    assert report["stale"] == 0, report
