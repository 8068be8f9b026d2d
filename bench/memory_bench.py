"""Peak memory (RSS) of the real app with a few articles open, beside a bare PySide6 window.

    python bench/memory_bench.py [--runs N] [--out bench/out/memory.json]

Every run is a fresh child process (QT_QPA_PLATFORM=offscreen, an empty data folder and an
empty content-pack folder, so the built-in content) that calls the real ``desktop.app.run``
and drives the window from inside with a QTimer, the way a user does: it waits until the
content is attached, opens the first five articles of the guide panel with Enter, types a
search and opens the first hit with Down and Enter, opens the handout composer with its
preview, then reads VmHWM (peak resident memory) and VmRSS (resident now) from
/proc/self/status and quits. A bare PySide6 QMainWindow (bench/bare.py) is measured the same
way: the floor Qt itself costs on this machine. Figures are MiB, the median of the runs.
docs/architecture.md sets no bar for memory: this is a figure to watch.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from common import OUT, read_json, write_json

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

ARTICLES = 5
QUERY = "selvhjelpsgruppe"
POLL_MS = 20
SETTLE_TURNS = 5  # timer turns after a step, so that what it showed has been painted
STEP_TIMEOUT_S = 60.0
PLATFORM = "offscreen"
FINAL = "+ a search and a handout preview"

Condition = Callable[[], bool]
Script = Iterator[Condition]  # each condition yielded is waited for before the next step
Marks = dict[str, dict[str, float]]


def memory() -> dict[str, float]:
    """This process's peak and current resident memory, MiB."""
    found: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        name, _, value = line.partition(":")
        if name in ("VmHWM", "VmRSS"):
            found[name] = round(int(value.split()[0]) / 1024, 1)  # the kernel reports kB
    return {"peak_mib": found["VmHWM"], "rss_mib": found["VmRSS"]}


def turns(count: int) -> Condition:
    """True once the timer has come round ``count`` times (the event loop ran in between)."""
    left = [count]

    def done() -> bool:
        left[0] -= 1
        return left[0] <= 0

    return done


# --- inside the child --------------------------------------------------------------------


def app_script(marks: Marks) -> Script:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.windows.lists import ID_ROLE
    from desktop.windows.mainwindow import MainWindow

    def shown() -> MainWindow | None:
        windows = QApplication.topLevelWidgets()
        return next((w for w in windows if isinstance(w, MainWindow) and w.isVisible()), None)

    # No mark at the first frame: the content loader's thread is already importing by then.
    yield lambda: shown() is not None
    window = shown()
    assert window is not None
    yield lambda: window.handbook is not None  # desktop.app attaches it when loaded
    yield turns(SETTLE_TURNS)
    marks["content attached"] = memory()

    def showing(target: str) -> Condition:
        return lambda: window.current == target

    guide = window.build_panels().guide  # idempotent: the panels the app built
    for row in range(ARTICLES):
        item = guide.topLevelItem(row)
        assert item is not None, f"the guide lists fewer than {ARTICLES} articles"
        guide.setCurrentItem(item)
        QTest.keyClick(guide, Qt.Key.Key_Return)
        yield showing(str(item.data(0, ID_ROLE)))
        yield turns(SETTLE_TURNS)
    marks[f"{ARTICLES} articles opened"] = memory()

    QTest.keyClicks(window.search_field, QUERY)  # a search on every keystroke, as typed
    results = window.results
    yield lambda: results.result is not None and results.result.text == QUERY
    QTest.keyClick(window.search_field, Qt.Key.Key_Down)  # into the results
    QTest.keyClick(results.list, Qt.Key.Key_Return)
    yield showing(results.hit_ids()[0])
    window.handout_action.trigger()  # "Skriv til pasienten", Ctrl+Shift+P
    yield (
        lambda: (
            window.composer is not None
            and window.composer.isVisible()
            and (window.composer.paged is not None)
        )
    )
    yield turns(SETTLE_TURNS)
    marks[FINAL] = memory()
    if window.composer is not None:
        window.composer.close()
    window.close()


def bare_script(marks: Marks) -> Script:
    from bare import bare_window

    _app, window = bare_window()
    yield window.isVisible
    yield turns(SETTLE_TURNS)
    marks["window shown"] = memory()
    window.close()


def drive(script: Script, app: QApplication) -> list[str]:
    """Steps through ``script`` from a timer, then quits the application. Failures end up in
    the returned list: desktop.app's excepthook would only write them to the data folder's
    log, and a silent failure would look like a hang."""
    from PySide6.QtCore import QTimer

    errors: list[str] = []
    waiting: list[Condition] = [lambda: True]
    deadline = [time.monotonic() + STEP_TIMEOUT_S]
    timer = QTimer(app)

    def tick() -> None:
        try:
            if not waiting[0]():
                if time.monotonic() > deadline[0]:
                    raise TimeoutError(f"a step did not finish within {STEP_TIMEOUT_S:.0f} s")
                return
            waiting[0] = next(script)
            deadline[0] = time.monotonic() + STEP_TIMEOUT_S
        except StopIteration:
            timer.stop()
            app.quit()
        except Exception:
            errors.append(traceback.format_exc())
            timer.stop()
            app.exit(1)

    timer.timeout.connect(tick)
    timer.start(POLL_MS)
    return errors


def child(kind: str, result: Path) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # desktop.app.run reuses it
    marks: Marks = {}
    errors = drive(app_script(marks) if kind == "app" else bare_script(marks), app)
    if kind == "app":
        from desktop.app import run

        code = run(argparse.Namespace())  # the data and pack folders come from the environment
    else:
        code = app.exec()
    if errors or code != 0:
        print("".join(errors) or f"exit code {code}", file=sys.stderr)
        return 1
    write_json(result, marks)
    return 0


# --- the parent ----------------------------------------------------------------------------


def run_child(kind: str) -> Marks:
    from index.paths import DATA_DIR_ENV, PACKS_DIR_ENV

    with tempfile.TemporaryDirectory(prefix="handbok-memory-") as tmp:
        folder = Path(tmp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": PLATFORM,
            DATA_DIR_ENV: str(folder / "data"),
            PACKS_DIR_ENV: str(folder / "packs"),
        }
        result = folder / "marks.json"
        argv = [sys.executable, __file__, "--child", kind, "--result", str(result)]
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise SystemExit(f"memory: the {kind} run failed:\n{done.stderr}")
        marks: Marks = read_json(result)
        return marks


def medians(runs: list[Marks]) -> Marks:
    return {
        mark: {key: round(statistics.median(r[mark][key] for r in runs), 1) for key in figures}
        for mark, figures in runs[0].items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT / "memory.json")
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.result)

    from index.handbook import prepare_store
    from index.paths import builtin_store_dir

    prepare_store(builtin_store_dir())  # a stale store would be rebuilt inside the first run
    figures: dict[str, Marks] = {}
    for name, kind in (("bare_pyside6", "bare"), ("handbok", "app")):
        figures[name] = medians([run_child(kind) for _ in range(args.runs)])
    print(f"{'memory, MiB (median of ' + str(args.runs) + ')':<44}{'peak':>8}{'resident':>10}")
    for name, marks in figures.items():
        for mark, row in marks.items():
            print(f"{name + ': ' + mark:<44}{row['peak_mib']:>8.1f}{row['rss_mib']:>10.1f}")
    write_json(
        args.out,
        {
            "platform": PLATFORM,
            "runs": args.runs,
            "articles_opened": ARTICLES,
            "query": QUERY,
            "final_mark": FINAL,
            **figures,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
