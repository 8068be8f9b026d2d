"""The rules for text from files (index.untrusted) and the helpers that put it into widgets
(desktop.safetext), over any text hypothesis can think of: what a widget shows is the text
itself, never markup, never a loaded file, never a link the allow-list did not pass."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from desktop import safetext
from index.untrusted import (
    CONTROL,
    external_link,
    has_control,
    visible,
    web_address,
    web_url,
)
from tests.spies import FileSpy

# Text as it comes from a hostile file: markup, entities, control characters, line breaks.
MARKUP = [
    '<img src="file:///dev/zero">', "<a href='file:///bin/sh'>x</a>", "<table><tr><td>",
    "&lt;b&gt;", "&amp;", "<qt>", "<!DOCTYPE html>", "<style>@import url(/x.css)</style>",
    "\x1b[31m", "\x1b]0;title\x07", "\u202e", "\x00", "\x9b", "\r\n", "\u2028", "\t", "<",
]  # fmt: skip
hostile = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=5)), max_size=8).map("".join),
)


def _shown(text: str) -> str:
    """What a document shows for plain text: line breaks of any kind as one, and Qt's own
    no-break space as a space."""
    return re.sub(r"\r\n?|[\u2028\u2029]", "\n", text).replace("\u00a0", " ")


# --- index.untrusted ----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(text=hostile)
def test_visible_text_has_no_control_character_left(text: str) -> None:
    shown = visible(text, limit=None)
    assert not has_control(shown)
    assert not has_control(visible(text, single_line=True), single_line=True)
    # Nothing else is changed: with no control character there is nothing to write out.
    if not CONTROL.search(text):
        assert shown == text


@settings(max_examples=300, deadline=None)
@given(text=hostile)
def test_a_web_value_becomes_an_http_address_or_nothing(text: str) -> None:
    url = web_url(text)
    if url is not None:
        assert url.startswith(("https://", "http://"))
        assert external_link(url)
        assert not re.search(r"[\s\\<>\"']", url)
    stored = web_address(text)
    if stored is not None:
        assert web_url(stored) is not None


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)//x.no", "javascript:…/://", "smb://server/share", "smb:x.no/a",
        "file:///etc/passwd", "\\\\server\\share", "x.no\\..\\evil", "http://10.0.0.1/",
        "https://user@x.no", "x.no:8080", "a b.no", "x.no/\x1b[31m", "https://x.no/\u202e",
        "ftp://x.no", "data:text/html,x", "", "no-dot", "x." + "a" * 400,
    ],
)  # fmt: skip
def test_what_is_no_web_address(value: str) -> None:
    assert web_url(value) is None
    assert web_address(value) is None


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("selvhjelp.no", "https://selvhjelp.no"),
        ("www.leve.no/kontakt?x=1#a", "https://www.leve.no/kontakt?x=1#a"),
        ("http://soschat.no", "http://soschat.no"),
        ("https://værnes.no/", "https://værnes.no/"),
    ],
)
def test_what_is_a_web_address(value: str, url: str) -> None:
    assert web_url(value) == url


@pytest.mark.parametrize(
    ("link", "allowed"),
    [
        ("https://selvhjelp.no", True), ("http://x.no/a", True), ("mailto:post@leve.no", True),
        ("file:///bin/sh", False), ("smb://x/y", False), ("javascript:alert(1)", False),
        ("https:x.no", False), ("mailto:a@b.no?cc=c@d.no", False), ("kontakt:x", False),
        ("HTTPS://X.NO", True), ("https://x.no\\y", False), ("", False),
    ],
)  # fmt: skip
def test_the_link_allow_list(link: str, allowed: bool) -> None:
    assert external_link(link) is allowed


# --- desktop.safetext ---------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(text=hostile)
def test_a_tooltip_shows_the_text_itself(qapp: object, text: str) -> None:
    tip = safetext.tooltip(text)
    text = text.strip()
    if not text:
        assert tip == ""
        return
    doc = QTextDocument()
    doc.setHtml(tip)
    cut = text if len(text) <= safetext.TOOLTIP_LIMIT else text[: safetext.TOOLTIP_LIMIT] + "…"
    assert doc.toPlainText() == _shown(visible(cut))
    assert _tags(tip) == ["p"]


@settings(max_examples=200, deadline=None)
@given(text=hostile)
def test_escaped_text_in_html_shows_the_text_itself(qapp: object, text: str) -> None:
    doc = QTextDocument()
    doc.setHtml(f"<p style='white-space:pre-wrap'>{safetext.escaped(text)}</p>")
    # Line breaks at a paragraph's start and end are its edges, nothing more.
    assert doc.toPlainText().strip("\n") == _shown(visible(text)).strip("\n")


@settings(max_examples=200, deadline=None)
@given(text=hostile)
def test_a_plain_label_shows_the_text_as_it_is(qapp: object, text: str) -> None:
    from PySide6.QtCore import Qt

    # Plain text, or a text Qt would not read as markup in its automatic format (the label
    # turns plain only when a text could be: the first frame does without Qt's enums).
    label = safetext.PlainLabel(text)
    from PySide6.QtGui import Qt as GuiQt  # where Qt::mightBeRichText is

    shown_plain = not GuiQt.mightBeRichText(label.text())
    assert label.textFormat() == Qt.TextFormat.PlainText or shown_plain
    assert label.text() == visible(text)
    label.setText(text + "<b>")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == visible(text + "<b>")
    label.setText("no markup")  # and it stays plain
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_plain_label_turns_plain_for_a_first_text_that_could_be_markup(qapp: object) -> None:
    from PySide6.QtCore import Qt

    for text in ("<b>fet</b>", "&lt;b&gt;", "a\n<i>b</i>", "Tom & Jerry"):
        assert safetext.PlainLabel(text).textFormat() == Qt.TextFormat.PlainText
    later = safetext.PlainLabel("Åpner innholdet …")
    later.setText("<img src='x.png'>")
    assert later.textFormat() == Qt.TextFormat.PlainText


@settings(max_examples=300, deadline=None)
@given(fragment=hostile)
def test_a_snippet_keeps_no_tag_but_bold(fragment: str) -> None:
    snippet = safetext.only_bold(fragment)
    assert set(_tags(snippet)) <= {"b"}
    # What was escaped text with <b> marks comes through unchanged.
    clean = "<b>" + html.escape(fragment) + "</b>"
    assert safetext.only_bold(clean) == clean


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def _tags(fragment: str) -> list[str]:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser.tags


# --- documents load nothing -----------------------------------------------------------------


def _hostile_html(spy_dir: Path, prefix: str) -> str:
    """Every way rich text names a file, each naming its own file (Qt caches images by
    name, so a second mention of one file would not show a second load)."""
    names = iter(f"{prefix}{n}.png" for n in range(20))
    for n in range(20):
        (spy_dir / f"{prefix}{n}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return "".join(
        [
            f'<img src="file://{spy_dir}/{next(names)}">',
            f'<img src="{spy_dir}/{next(names)}">',
            f'<img src="file://localhost{spy_dir}/{next(names)}">',
            f"<img src='{spy_dir.name}/{next(names)}'>",  # relative to the working folder
            f'<p style="background-image: url({spy_dir}/{next(names)})">x</p>',
            f"<style>@import url({spy_dir}/{next(names)});</style>",
            f'<link rel="stylesheet" href="{spy_dir}/{next(names)}">',
            f'<table background="{spy_dir}/{next(names)}"><tr><td>x</td></tr></table>',
        ]
    )


def test_a_safe_document_and_browser_load_no_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy_dir = tmp_path / "spies"
    spy_dir.mkdir()
    monkeypatch.chdir(tmp_path)
    ordinary_page = _hostile_html(spy_dir, "ordinary")
    safe_page, browser_page = _hostile_html(spy_dir, "safe"), _hostile_html(spy_dir, "browser")
    spy = FileSpy(spy_dir)
    try:
        # The spy sees what an ordinary QTextDocument does with such text.
        plain = QTextDocument()
        plain.setHtml(ordinary_page)
        plain.size()
        assert len(spy.opened()) >= 3
        spy.seen.clear()
        doc = safetext.SafeDocument()
        doc.setHtml(safe_page)
        doc.size()
        browser = safetext.SafeBrowser()
        qtbot.addWidget(browser)
        browser.setHtml(browser_page)
        browser.show()
        qtbot.waitExposed(browser)
        assert spy.opened() == []
        assert doc.refused  # it was asked, and said no
    finally:
        spy.close()


def test_a_resource_the_program_adds_itself_is_still_shown(qapp: object) -> None:
    from PySide6.QtGui import QImage

    doc = safetext.SafeDocument()
    image = QImage(7, 3, QImage.Format.Format_ARGB32)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("qr:1"), image)
    doc.setHtml('<img src="qr:1">')
    doc.size()
    found = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl("qr:1"))
    assert found.width() == 7 and doc.refused == []


def test_a_logo_is_read_only_as_a_raster_image(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    spy_dir = tmp_path / "spies"
    spy_dir.mkdir()
    (spy_dir / "secret.png").write_bytes(b"")
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"><image xlink:href="file://{spy_dir}/secret.png" '
        'width="10" height="10"/></svg>'
    )
    disguised = tmp_path / "logo.png"
    disguised.write_text(svg)
    good = tmp_path / "good.png"
    image = QImage(4, 2, QImage.Format.Format_ARGB32)
    image.fill(0xFF0000FF)
    assert image.save(str(good))
    spy = FileSpy(spy_dir)
    try:
        assert safetext.load_image(disguised).isNull()
        assert safetext.load_image(tmp_path / "logo.svg").isNull()
        assert spy.opened() == []
    finally:
        spy.close()
    assert safetext.load_image(good).size().width() == 4
