"""The search results show the whole matched word in the passage, however narrow the list."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from desktop.ui.search_box import HIT_CLOSE, HIT_OPEN, SnippetRole, _bold, fit_snippet


def drawn_line(window, query, width=None):
    box = window.search
    box.edit.setText(query)
    box.run_search()
    item = box.results.item(0)
    assert item is not None
    font = box.results.font()
    width = width or box.results.viewport().width() - 16
    parts = fit_snippet(item.data(SnippetRole), font, width)
    used = sum(QFontMetrics(_bold(font) if hit else font).horizontalAdvance(p) for p, hit in parts)
    return item.data(SnippetRole), parts, used, width


def test_the_match_is_shown_whole_in_the_left_panel(window):
    for query, word in (("legitimacy", "legitimacy"), ("leader", "leadership"), ("Zelenskyy", "Zelenskyy")):
        snippet, parts, used, width = drawn_line(window, query)
        assert f"{HIT_OPEN}{word}{HIT_CLOSE}" in snippet
        assert (word, True) in parts, (query, parts)
        assert used <= width
    window.search.results.grab()  # painting the rows goes through the same fitting


def test_a_very_narrow_list_still_shows_the_match(window):
    snippet, parts, used, width = drawn_line(window, "legitimacy", width=110)
    assert ("legitimacy", True) in parts
    assert used <= width
    assert parts[0][0].startswith("\u2026")  # the words before it are cut on the left
