"""Markdown as the content is written: to plain text (search, command line) and to HTML.

The content has no images (a pack carries none), so an image in the text is a mistake the
loader reports (``image_targets``); should one get into a store anyway, it is rendered as its
description, never as an ``<img>`` that would make a document read what it names.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

EDITORIAL_MARK = "**Redaksjonell merknad:**"
# Text kept for staff that is not the editor's (slide notes, abbreviations of the source): a
# block quote opening with this mark. Neither kind of note is ever printed for a patient.
STAFF_MARK = "**For fagfolk:**"
STAFF_MARKS = (EDITORIAL_MARK, STAFF_MARK)


@cache
def _parser() -> MarkdownIt:
    # CommonMark plus tables; raw HTML off, since content must never carry remote content.
    # CommonMark's maxNesting of 20 keeps quotes and lists within what a document lays out.
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    parser.add_render_rule("image", _image_as_text)
    return parser


def _image_as_text(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    return escapeHtml(self.renderInlineAsText(tokens[idx].children or [], options, env))


def parse(markdown: str) -> list[Token]:
    """The text's block tokens, for renderers other than HTML (the patient handout)."""
    return list(_parser().parse(markdown))


def to_html(markdown: str) -> str:
    return str(_parser().render(markdown))


def to_plain(markdown: str) -> str:
    """Readable plain text: paragraphs separated by blank lines, list items as bullets."""
    blocks: list[str] = []
    prefix = ""
    for token in _parser().parse(markdown):
        if token.type == "list_item_open":
            prefix = "• "
        elif token.type == "inline":
            blocks.append(prefix + _inline_text(token))
            prefix = ""
    return "\n\n".join(b for b in blocks if b.strip())


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def image_targets(markdown: str) -> list[str]:
    """Every image target in the text, in order."""
    return [
        str(child.attrs.get("src", ""))
        for token in _parser().parse(markdown)
        for child in token.children or []
        if child.type == "image"
    ]


def link_targets(markdown: str) -> list[str]:
    """Every link target in the text, in order."""
    targets: list[str] = []
    for token in _parser().parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                targets.append(str(child.attrs.get("href", "")))
    return targets
