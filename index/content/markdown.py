"""Markdown as the content is written: to plain text (search, command line) and to HTML."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

EDITORIAL_MARK = "**Redaksjonell merknad:**"
# Text kept for staff that is not the editor's (slide notes, abbreviations of the source): a
# block quote opening with this mark. Neither kind of note is ever printed for a patient.
STAFF_MARK = "**For fagfolk:**"
STAFF_MARKS = (EDITORIAL_MARK, STAFF_MARK)


@cache
def _parser() -> MarkdownIt:
    # CommonMark plus tables; raw HTML off, since content must never carry remote content.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


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


def link_targets(markdown: str) -> list[str]:
    """Every link target in the text, in order."""
    targets: list[str] = []
    for token in _parser().parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                targets.append(str(child.attrs.get("href", "")))
    return targets
