"""Translation for everything the user reads.

Source strings are Norwegian bokmål, so bokmål needs no translation file; English is shipped
as a second translation (resources/i18n/handbok_en.qm, compiled from the .ts source at build
time). The language is bokmål unless HANDBOK_LANG (or the app's setting) says ``en``.
"""

from __future__ import annotations

import os
from typing import Any

from index.i18n import CONTEXT
from index.resources import resource_path

LANG_ENV = "HANDBOK_LANG"
LANGUAGES = ("nb", "en")
_installed: list[Any] = []  # keep translators alive for the life of the application


def language(setting: str | None = None) -> str:
    chosen = (setting or os.environ.get(LANG_ENV) or "nb").lower()[:2]
    return chosen if chosen in LANGUAGES else "nb"


def install(lang: str) -> bool:
    """Install the translation for ``lang`` into the running Q(Core)Application."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    if lang == "nb" or QCoreApplication.instance() is None:
        return lang == "nb"
    translator = QTranslator()
    if not translator.load(str(resource_path("i18n", f"handbok_{lang}.qm"))):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return True


def tr(text: str, context: str = "") -> str:
    """Translate a bokmål source string. pyside6-lupdate files a bare ``tr("...")`` call
    outside a class under the empty context, so that is where it is looked up."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def translate(context: str, text: str) -> str:
    """The ``translate`` callback index/ errors accept."""
    return tr(text, context)


def label(value: str) -> str:
    """What the user reads for an id from the content's fixed vocabularies (category,
    audience, channel type, region), as marked in index/content/model.py."""
    from index.content.model import LABELS

    return tr(LABELS.get(value, value), CONTEXT)
