"""What the benchmarks share: where figures go, and the quality bars of docs/architecture.md.

The bars live here once, so a script's own verdict and the combined report (report.py)
cannot disagree.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

# docs/architecture.md, "The quality bars".
SEARCH_SHIPPED_P95_MS = 5.0  # p95 on the shipped content
SEARCH_CORPUS_P95_MS = 16.0  # p95 on the synthetic corpus: one frame
SEARCH_CORPUS_ARTICLES = 10_000  # the corpus size the two corpus bars are defined for
SEARCH_FTS5_RATIO = 2.0  # corpus p95 within 2x of a plain SQLite FTS5 table
FIRST_WINDOW_S = 0.35  # median, from source (and frozen)
FIRST_WINDOW_RATIO = 1.5  # the first window within 1.5x of a bare PySide6 window, same run
HANDOUT_MS = 300.0  # a two-page PDF


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def code_version(*folders: str) -> dict[str, Any]:
    """The commit measured, and whether the given folders had uncommitted changes."""

    def git(*argv: str) -> str:
        try:
            done = subprocess.run(["git", *argv], cwd=ROOT, capture_output=True, text=True)
        except OSError:
            return ""
        return done.stdout.strip()

    return {
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--", *folders)),
        "dirty_checked": list(folders),
    }
