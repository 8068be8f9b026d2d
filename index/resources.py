"""The one place that knows where bundled files live.

Works the same from a source checkout and from a PyInstaller bundle, so no other module
looks at ``__file__`` or ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def bundle_root() -> Path:
    """The program folder: the repository root from source, the unpacked bundle when frozen."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/``."""
    return bundle_root().joinpath("resources", *parts)


def content_dir() -> Path:
    return resource_path("content")


def search_config_dir() -> Path:
    return resource_path("search")
