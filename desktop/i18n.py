"""Translation for everything the user reads.

Source strings are Norwegian bokmål, so the program's own text needs no translation file in
bokmål; English is shipped as a second translation (resources/i18n/handbok_en.qm, compiled from
the .ts source at build time). Qt's own strings (button boxes, file and print dialogs, print
preview, context menus) are English in the source and the PySide6 wheel has no bokmål for
them, so bokmål loads the program's own translation of those (qtbase_nb.qm). The language is
bokmål unless HANDBOK_LANG (or the app's setting) says ``en``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from index.i18n import CONTEXT
from index.resources import resource_path

LANG_ENV = "HANDBOK_LANG"
LANGUAGES = ("nb", "en")
_installed: list[Any] = []  # keep translators alive for the life of the application


def language(setting: str | None = None) -> str:
    chosen = (setting or os.environ.get(LANG_ENV) or "nb").lower()[:2]
    return chosen if chosen in LANGUAGES else "nb"


# What each language loads: the program's own strings (not in bokmål, their source language)
# and Qt's own (not in English, theirs).
_FILES = {"nb": ("qtbase_nb",), "en": ("handbok_en",)}


def install(lang: str) -> bool:
    """Install the translations for ``lang`` into the running Q(Core)Application; False if
    one could not be loaded (the program then shows that part in its source language)."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    if QCoreApplication.instance() is None:
        return lang == "nb"
    if lang == "nb":  # dates, decimal commas and page sizes in Qt's dialogs, as in Norway
        QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    loaded = True
    for name in _FILES.get(lang, ()):
        translator = QTranslator()
        if not translator.load(str(resource_path("i18n", f"{name}.qm"))):
            loaded = False
            continue
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    return loaded


def uninstall() -> None:
    """Remove every translation ``install`` put in (tests switch languages)."""
    from PySide6.QtCore import QCoreApplication, QLocale

    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())


def tr(text: str, context: str = "") -> str:
    """Translate a bokmål source string. pyside6-lupdate files a bare ``tr("...")`` call
    outside a class under the empty context, so that is where it is looked up.

    While Qt is not loaded there is no application and so no translator: the text is its
    own translation. The command line in bokmål then never loads Qt (a third of a
    ``handbok search`` was loading it to build the parser's help texts)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return text
    return str(qtcore.QCoreApplication.translate(context, text))


def translate(context: str, text: str) -> str:
    """The ``translate`` callback index/ errors accept."""
    return tr(text, context)


def label(value: str) -> str:
    """What the user reads for an id from the content's fixed vocabularies (category,
    audience, channel type, region), as marked in index/content/model.py."""
    from index.content.model import LABELS

    return tr(LABELS.get(value, value), CONTEXT)


def grouped(count: int) -> str:
    """A count as a Norwegian reader writes it: 100 000, with a space that never breaks."""
    return f"{count:,}".replace(",", "\u00a0")
