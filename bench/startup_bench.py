"""Time from starting `handbok` to its first viewable window, measured the way the bar of
docs/architecture.md is: an X server (Xvfb), polling the window tree for a viewable top-level
window.

    python bench/startup_bench.py [--runs N] [--out bench/out/startup.json]

Uses shared/tools/first_window.py beside the repository when it is there (the reference
measurement), and needs xvfb-run and xwininfo (Debian: xvfb, x11-utils). Also times a bare
PySide6 QMainWindow (bench/bare.py) the same way, as the floor this machine allows.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bare import TITLE as BARE_TITLE
from common import FIRST_WINDOW_S, OUT, ROOT, write_json

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


def measure(title: str, runs: int, command: list[str]) -> dict[str, float]:
    out = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(TOOL), title, str(runs), "--", *command],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"min ([\d.na]+) s, median ([\d.na]+) s, max ([\d.na]+) s", out)
    if not found:
        raise SystemExit(f"could not read the tool's output: {out!r}")
    return dict(zip(("min", "median", "max"), map(float, found.groups()), strict=True))


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
    with tempfile.TemporaryDirectory() as data:
        results = {
            "handbok": measure("Handbok", args.runs, [str(handbok), "--data-dir", data]),
            "bare_pyside6": measure(BARE_TITLE, args.runs, [sys.executable, str(BARE)]),
        }
        if frozen is not None:
            command = [str(frozen), "--data-dir", data]
            results["handbok_frozen"] = measure("Handbok", args.runs, command)
    print(f"{'first window':<22}{'min':>8}{'median':>8}{'max':>8}")
    if frozen is None:
        print(f"frozen: not measured; {FROZEN} is not there (make dist builds it)")
    for name, figures in results.items():
        print(f"{name:<22}" + "".join(f"{figures[k]:>7.2f}s" for k in ("min", "median", "max")))
    verdict = "meets" if results["handbok"]["median"] < FIRST_WINDOW_S else "misses"
    print(f"target: median under {FIRST_WINDOW_S} s from source ({verdict} it)")
    write_json(args.out, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
