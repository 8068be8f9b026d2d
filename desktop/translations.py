"""Keeps the translation files in step: ``update`` extracts strings into the .ts sources,
``build`` compiles them to the .qm files the program loads (built, never committed).

    python -m desktop.translations update   # after changing user-facing strings
    python -m desktop.translations build    # make does this before run and test
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from index.resources import bundle_root, resource_path

LANGUAGES = ("en",)


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or f"pyside6-{name}"


def sources() -> list[Path]:
    root = bundle_root()
    return sorted([*root.joinpath("desktop").rglob("*.py"), *root.joinpath("index").rglob("*.py")])


def update() -> int:
    # No source locations in the .ts: they change with every edit anywhere in a file, and
    # would make each change of code a change of every translation file too.
    for lang in LANGUAGES:
        ts = resource_path("i18n", f"handbok_{lang}.ts")
        files = [str(p) for p in sources()]
        result = subprocess.run(
            [_tool("lupdate"), "-no-obsolete", "-locations", "none", "-source-language", "nb_NO",
             "-target-language", lang, *files, "-ts", str(ts)],
            check=False,
        )  # fmt: skip
        if result.returncode:
            return result.returncode
    return 0


def build() -> int:
    for ts in sorted(resource_path("i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        result = subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=False
        )
        if result.returncode:
            print(f"Could not compile {ts.name}", file=sys.stderr)
            return result.returncode
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    sys.exit({"update": update, "build": build}[command]())
