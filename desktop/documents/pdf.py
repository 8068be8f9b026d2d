"""Rendering without a window, for the command line and tests: a handout straight to PDF."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from index.handout import Handout, Resolved, resolve
from index.store.database import ContentStore

if TYPE_CHECKING:
    from index.local.layer import LocalLayer


def ensure_gui_application() -> None:
    """Text layout needs a Qt application; with no screen (IT scripts, CI), use Qt's
    offscreen platform rather than fail. A full QApplication, so that widgets can still be
    made in the same process later (the composer, tests)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _keep.append(QApplication(["handbok"]))


_keep: list[object] = []


def render_handout_pdf(
    handout: Handout, store: ContentStore, path: Path, layer: LocalLayer | None = None
) -> int:
    ensure_gui_application()
    return write_handout_pdf(resolve(handout, store, layer=layer), path)


def write_handout_pdf(resolved: Resolved, path: Path) -> int:
    """The resolved handout as a PDF at ``path``; returns the page count."""
    from desktop.documents.handout import lay_out_handout, pdf_info
    from desktop.documents.printing import write_paged_pdf

    return write_paged_pdf(lay_out_handout(resolved), path, pdf_info(resolved))
