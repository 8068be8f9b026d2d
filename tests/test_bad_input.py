"""Bad input gets a sentence, never a traceback, and the program keeps working."""

from __future__ import annotations

from index.handbook import Handbook

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
