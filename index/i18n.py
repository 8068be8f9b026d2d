"""Marks user-facing strings of the Qt-free core for translation.

``index/`` must not import Qt, yet every sentence a user reads goes through Qt's translation
functions. Messages here are Norwegian bokmål source strings marked with this no-op, which
pyside6-lupdate recognises; ``desktop/`` translates them with ``QCoreApplication.translate``.
"""

from __future__ import annotations

CONTEXT = "Handbok"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
