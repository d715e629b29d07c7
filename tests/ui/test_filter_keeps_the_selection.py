"""Filtering the table hides and shows rows only: the selected annotation, the form and the article stay."""

from __future__ import annotations

from PySide6.QtTest import QTest
from ui_helpers import select_text


def test_typing_a_filter_or_choosing_a_type_changes_no_selection(window):
    view = window.article
    select_text(view, "Dmitry Peskov")
    QTest.keyClick(view, "2")
    claim = window.session.selected_id
    select_text(view, "Zelenskyy’s legitimacy can be questioned")
    QTest.keyClick(view, "3")
    legit = window.session.selected_id
    assert claim != legit
    scroll = view.verticalScrollBar().value()
    panel = window.table_panel
    QTest.keyClicks(panel.text_filter, "Peskov")  # matches the claim only
    assert window.session.selected_id == legit and window.form.ann.id == legit
    assert view.verticalScrollBar().value() == scroll
    panel.text_filter.clear()
    panel.type_filter.setCurrentIndex(panel.type_filter.findText("Claim"))
    assert window.session.selected_id == legit and window.form.ann.id == legit
    assert view.verticalScrollBar().value() == scroll
    panel.type_filter.setCurrentIndex(0)
