"""Time from starting `handbok` to its first viewable window, measured the way DESIGN.md's
bar is: an X server (Xvfb), polling the window tree for a viewable top-level window.

    python bench/startup_bench.py [--runs N] [--out bench/out/startup.json]

Uses shared/tools/first_window.py beside the repository when it is there (the reference
measurement), and needs xvfb-run and xwininfo (Debian: xvfb, x11-utils). Also times a bare
PySide6 QMainWindow the same way, as the floor this machine allows.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT.parent / "shared" / "tools" / "first_window.py"
BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow, QLabel\n"
    "app = QApplication([]); w = QMainWindow(); w.setWindowTitle('BareQt')\n"
    "w.setCentralWidget(QLabel('Hei')); w.show(); app.exec()\n"
)
TARGET_S = 0.35


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
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "startup.json")
    args = parser.parse_args()
    if not TOOL.exists() or not shutil.which("xvfb-run") or not shutil.which("xwininfo"):
        print("startup: needs ../shared/tools/first_window.py, xvfb-run and xwininfo; skipped")
        return 0
    handbok = Path(sys.executable).with_name("handbok")
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        results = {
            "handbok": measure("Handbok", args.runs, [str(handbok), "--data-dir", data]),
            "bare_pyside6": measure("BareQt", args.runs, [sys.executable, str(bare)]),
        }
    print(f"{'first window':<22}{'min':>8}{'median':>8}{'max':>8}")
    for name, figures in results.items():
        print(f"{name:<22}" + "".join(f"{figures[k]:>7.2f}s" for k in ("min", "median", "max")))
    verdict = "meets" if results["handbok"]["median"] < TARGET_S else "misses"
    print(f"target: median under {TARGET_S} s from source ({verdict} it)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
