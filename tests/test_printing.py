"""The paginator: no heading left at the bottom of a page, on any page size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from desktop.documents.printing import _first_line_top, keep_headings_with_next


@pytest.mark.parametrize("filler", range(14, 30))
def test_a_heading_is_never_the_last_thing_on_a_page(qtbot: QtBot, filler: int) -> None:
    doc = QTextDocument()
    paragraphs = "".join(
        f"<p>Avsnitt {n} med litt tekst som fyller en linje.</p>" for n in range(filler)
    )
    doc.setHtml(f"<h1>Tittel</h1>{paragraphs}<h2>Overskrift</h2><p>Det som hører til.</p>" * 3)
    height = 400.0
    doc.setPageSize(QSizeF(300, height))
    keep_headings_with_next(doc, height)
    layout = doc.documentLayout()
    block = doc.begin()
    checked = 0
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            here = int(_first_line_top(layout, block) // height)
            there = int(_first_line_top(layout, following) // height)
            assert here == there, (block.text(), here, there)
            checked += 1
        block = following
    assert checked == 6
