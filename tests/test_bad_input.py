"""Bad input gets a sentence, never a traceback, and the program keeps working."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.content import load_content
from index.errors import ContentError
from index.handbook import Handbook
from index.resources import search_config_dir

# =============================================================================================
# Regressions: each failure the property tests found, pinned down on its own
# =============================================================================================


def test_a_long_paste_is_not_offered_back_as_a_suggestion(handbook: Handbook) -> None:
    # Only the first 1000 characters are read, so the last word is cut short ("oppl") and
    # unknown; it does not stand alone in the text, so there is nothing to correct.
    text = "opplevelsen " * 84
    result = handbook.searcher.search(text)
    assert result.hits
    assert result.suggestion != text


def content_problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder, search_config_dir())
    return [p.message() for p in caught.value.problems]


def test_an_article_that_cannot_be_read_is_a_problem_not_a_crash(content_copy: Path) -> None:
    (content_copy / "articles" / "mappe.md").mkdir()  # a folder where an article should be
    (message,) = content_problems(content_copy)
    assert message.startswith("content/articles/mappe.md:1: kan ikke lese filen ("), message
