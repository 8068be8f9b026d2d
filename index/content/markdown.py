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


def to_plain(markdown: str, editorial: bool = True) -> str:
    """Readable plain text: paragraphs separated by blank lines, list items as bullets.
    ``editorial=False`` leaves out the editorial notes (the reader folds them under "Om
    kilden"), for text quoted as the guidance itself, such as a search hit's snippet."""
    return "\n\n".join(text for text, note in _plain_blocks(markdown) if editorial or not note)


def editorial_text(markdown: str) -> str:
    """Only the editorial notes, as plain text (what ``to_plain(editorial=False)`` leaves)."""
    return "\n\n".join(text for text, note in _plain_blocks(markdown) if note)


def _plain_blocks(markdown: str) -> list[tuple[str, bool]]:
    """Each block's text, and whether it is in an editorial note's block quote."""
    blocks: list[tuple[str, bool]] = []
    prefix = ""
    depth = 0  # inside an editorial note's block quote (and any quote within it)
    tokens = _parser().parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "blockquote_open":
            following = tokens[index + 2] if index + 2 < len(tokens) else None
            if depth or (following is not None and following.content.startswith(EDITORIAL_MARK)):
                depth += 1
        elif token.type == "blockquote_close" and depth:
            depth -= 1
        elif token.type == "list_item_open":
            prefix = "• "
        elif token.type == "inline":
            text = prefix + _inline_text(token)
            prefix = ""
            if text.strip():
                blocks.append((text, depth > 0))
    return blocks


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
