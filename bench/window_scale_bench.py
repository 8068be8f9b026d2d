"""The window with a municipality's whole phone list: how long the GUI thread stalls.

    python bench/window_scale_bench.py [--contacts 100000] [--repeat 3]

A lokalt.sqlite3 with ``--contacts`` of the staff's own contacts is made once (the CSV import
of local_scale_bench.py, fictional contacts with web addresses only); then the real window
runs offscreen in a new process, ``--repeat`` times, with a heartbeat: a 5 ms QTimer whose
longest gap is the longest time the event loop could not answer (a click, a key, a repaint).
The gaps are taken for each step a user takes:

- start: the local layer opened on a loader thread and the content attached on the window's,
  as ``desktop.app`` does, until the contact list has its first page;
- contacts: Kontakter (Alt+3) shown, then a category chosen in its filter;
- import: a CSV of 500 more contacts imported from the menu action, until the list shows them;
- composer: "Skriv til pasienten" opened, a contact searched for in its picker, added,
  and the preview laid out (the handout resolved with its emergency numbers);
- new contact: the region a new contact is offered (the most common one).

Prints each step's longest gap and writes bench/out/window_scale.json with the min and median
over the runs. The bar: no step stalls the window for more than 100 ms (a few frames).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import OUT, ROOT, code_version, write_json

STALL_BAR_S = 0.1
HEARTBEAT_MS = 5
SETTLE_S = 2.0  # events processed after each step, so work handed to a thread lands too
MORE = 500  # contacts in the second import
# Set to 1 to open the local layer on the window's thread, as the program did before the
# loader thread opened it: for measuring older code with this script.
ON_WINDOW_THREAD = "HANDBOK_BENCH_LAYER_ON_WINDOW_THREAD"


def make_data(folder: Path, csv: Path, count: int) -> float:
    from local_scale_bench import write_csv

    from index.local.csvfile import import_csv
    from index.local.store import LocalStore

    write_csv(csv, count)
    started = time.perf_counter()
    with LocalStore.open(folder) as store:
        import_csv(store, csv)
    return time.perf_counter() - started


def write_more(csv: Path, count: int) -> None:
    """``count`` contacts that are not in the first file (names of their own)."""
    from local_scale_bench import write_csv

    write_csv(csv, count)
    text = csv.read_text(encoding="utf-8").replace("Testkontakt ", "Tilleggskontakt ")
    csv.write_text(text, encoding="utf-8")


def child(store: Path, data: Path, more: Path, wanted: str) -> dict[str, object]:
    """One run of the window (in its own process: a QApplication per process)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.windows.dialogs import ScriptedDialogs
    from desktop.windows.mainwindow import MainWindow
    from desktop.windows.searching import SearchController
    from desktop.windows.sections import CONTACTS
    from index.handbook import open_handbook
    from index.userdata.store import UserData

    app = QApplication([])
    handbook = open_handbook(store)  # the loader thread's part: not on the GUI thread
    userdata = UserData.open(data)
    dialogs = ScriptedDialogs(more)
    window = MainWindow(userdata, dialogs)
    window.show()
    window.build_panels()
    app.processEvents()

    gaps: list[float] = []
    ends: list[float] = []  # when each gap ended
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        ends.append(now)
        last[0] = now

    heart = QTimer()
    heart.timeout.connect(beat)
    heart.start(HEARTBEAT_MS)

    def settle(seconds: float = SETTLE_S, until: object = None) -> float:
        """Events for ``seconds`` (or until ``until()``, at most 60 s); the time it took."""
        started = time.perf_counter()
        deadline = started + (60.0 if until is not None else seconds)
        while time.perf_counter() < deadline:
            app.processEvents()
            if until is not None and until():  # type: ignore[operator]
                break
            time.sleep(0.001)
        took = time.perf_counter() - started
        if until is not None:
            settle(0.5)
        return took

    def step(name: str, action: object, until: object = None) -> None:
        settle(0.3)
        gaps.clear()
        ends.clear()
        last[0] = time.perf_counter()
        started = time.perf_counter()
        action()  # type: ignore[operator]
        called = time.perf_counter() - started
        waited = settle(until=until) if until is not None else settle()
        worst = max(range(len(gaps)), key=gaps.__getitem__, default=None)
        figures[name] = {
            "longest_gap_s": round(max(gaps, default=0.0), 3),
            # When the longest gap began, from the step's start: what held the loop then.
            "longest_gap_from_s": (
                round(ends[worst] - gaps[worst] - started, 3) if worst is not None else None
            ),
            "call_s": round(called, 3),
            "until_done_s": round(called + waited, 3) if until is not None else None,
        }

    figures: dict[str, object] = {}

    # As desktop.app does: the local layer opened on the loader thread, the content attached
    # on the window's thread once it is there.
    on_window = os.environ.get(ON_WINDOW_THREAD) == "1"  # as the program did before
    loader = threading.Thread(
        target=(lambda: None) if on_window else (lambda: handbook.add_local(data))
    )
    attached: list[bool] = []

    def listed() -> bool:
        """The list has rows, and none of them says it is still being read."""
        texts = _texts(window.contacts.list)
        return bool(texts) and not any("Henter" in text for text in texts)

    def started() -> bool:
        if not attached and not loader.is_alive():
            if on_window:
                handbook.add_local(data)
            window.attach(handbook, SearchController(handbook.searcher, window))
            attached.append(True)
        return bool(attached) and listed()

    step("start", loader.start, until=started)
    step("contacts", lambda: window.show_section(CONTACTS), until=listed)
    step("category", lambda: window.contacts.category.setCurrentIndex(1), until=listed)
    window.contacts.category.setCurrentIndex(0)
    settle(0.5)
    actions = window.local_contacts
    assert actions is not None
    before = len(dialogs.shown)
    step(
        "import",
        actions.import_csv,
        until=lambda: actions.worker is None and len(dialogs.shown) > before + 1,
    )
    figures["import_reported"] = [m for _t, m in dialogs.shown if "nye" in m][:1]

    def compose() -> None:
        window.open_composer()

    step("composer_open", compose)
    composer = window.composer
    assert composer is not None

    def pick() -> None:
        composer.picker.search.setText(wanted)

    def searched() -> bool:
        return not getattr(composer.picker, "searching", lambda: False)()

    step("composer_search", pick, until=searched)
    found = [i for i in composer.picker.visible_ids() if i.startswith("lokal-")]
    figures["composer_found"] = found[:3]

    def add() -> None:
        if found:
            composer.add_content(found[0])
        composer.relayout()

    step("composer_add_and_preview", add)
    composer.close()
    step("new_contact_region", actions.home_region)
    heart.stop()
    window.search_controller.stop()  # type: ignore[union-attr]
    window.close()
    handbook.close()
    return figures


def _texts(widget: object) -> list[str]:
    count = widget.count()  # type: ignore[attr-defined]
    return [widget.item(r).text() for r in range(count)]  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        store, data, more = (Path(p) for p in args.child[:3])
        print(json.dumps(child(store, data, more, args.child[3])), flush=True)
        return 0

    from index.resources import content_dir, search_config_dir
    from index.store.build import build_store

    runs: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store = root / "store"
        build_store(content_dir(), search_config_dir(), store)
        made = make_data(root / "data", root / "kontakter.csv", args.contacts)
        print(f"{args.contacts} contacts saved in {made:.1f} s", flush=True)
        write_more(root / "flere.csv", MORE)
        env = {
            **os.environ, "QT_QPA_PLATFORM": "offscreen", "HANDBOK_LANG": "nb",
            "HANDBOK_KOMMUNE_DIR": str(root / "ingen-kommune"), "PYTHONPATH": str(ROOT),
        }  # fmt: skip
        for run in range(args.repeat):
            # Each run starts from the same file: the import's 500 are taken out again.
            data = root / f"run{run}"
            subprocess.run(["cp", "-r", str(root / "data"), str(data)], check=True)
            wanted = f"Testkontakt {args.contacts * 2 // 3}"  # a name the picker must find
            argv = ["--child", str(store), str(data), str(root / "flere.csv"), wanted]
            done = subprocess.run(
                [sys.executable, __file__, *argv],
                capture_output=True, text=True, env=env, timeout=900,
            )  # fmt: skip
            if done.returncode != 0:
                print(done.stderr[-2000:], file=sys.stderr)
                return 1
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"run {run + 1}:", json.dumps(figures, ensure_ascii=False), flush=True)
            runs.append(figures)
    steps = [k for k, v in runs[0].items() if isinstance(v, dict)]
    summary: dict[str, object] = {}
    for name in steps:
        longest = [float(r[name]["longest_gap_s"]) for r in runs]  # type: ignore[index]
        summary[name] = {
            "longest_gap_min_s": min(longest),
            "longest_gap_median_s": round(statistics.median(longest), 3),
            "ok": statistics.median(longest) < STALL_BAR_S,
        }
        print(f"{name:28} longest gap min {min(longest):.3f} s, median "
              f"{statistics.median(longest):.3f} s")  # fmt: skip
    write_json(
        OUT / "window_scale.json",
        {
            "contacts": args.contacts,
            "runs": runs,
            "summary": summary,
            "bar_s": STALL_BAR_S,
            "code": code_version("index", "desktop"),
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
