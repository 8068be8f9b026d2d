"""Time from starting `handbok` to its first viewable window, measured the way the bar of
docs/architecture.md is: an X server (Xvfb), polling the window tree for a viewable top-level
window.

    python bench/startup_bench.py [--runs N] [--out bench/out/startup.json]

Uses shared/tools/first_window.py beside the repository when it is there (the reference
measurement), and needs xvfb-run and xwininfo (Debian: xvfb, x11-utils). Also times a bare
PySide6 QMainWindow (bench/bare.py) the same way, as the floor this machine allows: the bar
of docs/architecture.md is within 1.5x of it. The commands take turns, one run each, so a
busy moment on a shared machine falls on all of them alike; the load average is printed.

From source, ``handbok`` starts the way ``make run`` starts it: the program's own modules
compiled beforehand (``make compile``, which this script runs too), as an installed or frozen
program reads them. A start after an edit compiles the edited module once more, about 1 ms
per 100 lines.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bare import TITLE as BARE_TITLE
from common import FIRST_WINDOW_RATIO, FIRST_WINDOW_S, OUT, ROOT, write_json

TOOL = ROOT.parent / "shared" / "tools" / "first_window.py"
BARE = Path(__file__).resolve().with_name("bare.py")
FROZEN = ROOT / "dist" / "Handbok" / ("Handbok.exe" if sys.platform == "win32" else "Handbok")


def missing_tools() -> str:
    """What this machine lacks to measure, as a sentence; empty when nothing is missing."""
    missing = [name for name in ("xvfb-run", "xwininfo") if not shutil.which(name)]
    if not TOOL.exists():
        return f"needs {TOOL} (the reference measurement), which is not there"
    if missing:
        return f"needs {' and '.join(missing)}: on Debian/Ubuntu, apt-get install xvfb x11-utils"
    return ""


Command = tuple[str, list[str], dict[str, str] | None]  # window title, command, environment


def once(title: str, command: list[str], env: dict[str, str] | None = None) -> float:
    out = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(TOOL), title, "1", "--", *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    found = re.search(r"min ([\d.na]+) s", out)
    if not found:
        raise SystemExit(f"could not read the tool's output: {out!r}")
    return float(found.group(1))


def measure(commands: dict[str, Command], runs: int) -> dict[str, dict[str, float]]:
    """Min, median and max of each command, the commands taking turns run by run."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (title, command, env) in commands.items():
            times[name].append(once(title, command, env))
    results = {}
    for name, seen in times.items():
        shown = [t for t in seen if not math.isnan(t)] or [math.nan]
        worst = math.nan if len(shown) < len(seen) else max(shown)  # a run saw no window
        results[name] = {"min": min(shown), "median": statistics.median(shown), "max": worst}
    return results


def compile_program() -> None:
    """The program's modules compiled, as ``make run`` has them (``make compile``)."""
    folders = [str(ROOT / "desktop"), str(ROOT / "index")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--out", type=Path, default=OUT / "startup.json")
    args = parser.parse_args()
    problem = missing_tools()
    if problem:
        print(f"startup: not measured; {problem}")
        return 0
    handbok = Path(sys.executable).with_name("handbok")
    frozen = FROZEN if FROZEN.exists() else None  # built by `make dist`, if it has been run
    load_before = os.getloadavg()
    compile_program()
    with tempfile.TemporaryDirectory() as data:
        command = [str(handbok), "--data-dir", data]
        commands: dict[str, Command] = {
            "handbok": ("Handbok", command, None),
            "bare_pyside6": (BARE_TITLE, [sys.executable, str(BARE)], None),
        }
        if frozen is not None:
            commands["handbok_frozen"] = ("Handbok", [str(frozen), "--data-dir", data], None)
        results = measure(commands, args.runs)
    load_after = os.getloadavg()
    print(f"{'first window':<22}{'min':>8}{'median':>8}{'max':>8}  x bare (min, median)")
    if frozen is None:
        print(f"frozen: not measured; {FROZEN} is not there (make dist builds it)")
    bare = results["bare_pyside6"]
    for name, figures in results.items():
        times = "".join(f"{figures[k]:>7.2f}s" for k in ("min", "median", "max"))
        ratios = f"{figures['min'] / bare['min']:.2f} {figures['median'] / bare['median']:.2f}"
        print(f"{name:<22}{times}  {ratios}")
    print(f"load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    verdict = "meets" if results["handbok"]["median"] < FIRST_WINDOW_S else "misses"
    print(f"target: median under {FIRST_WINDOW_S} s from source ({verdict} it)")
    ratio = results["handbok"]["median"] / bare["median"]
    verdict = "meets" if ratio <= FIRST_WINDOW_RATIO else "misses"
    bar = f"median within {FIRST_WINDOW_RATIO}x of the bare window"
    print(f"bar: {bar} ({ratio:.2f}x: {verdict} it)")
    write_json(args.out, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
