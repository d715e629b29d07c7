"""A newly tagged or newly selected annotation hidden by the table's filters is shown: the filters are cleared."""

from __future__ import annotations

from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

from desktop.ui.annotation_model import IdRole


def tag(window, needle, key):
    select_text(window.article, needle)
    window.article.setFocus()
    QTest.keyClick(window.article, key)
    return window.session.selected_id


def shown_ids(panel):
    return [panel.proxy.index(r, 0).data(IdRole) for r in range(panel.proxy.rowCount())]


def test_tagging_another_type_under_a_type_filter_shows_the_new_row(window, project_path, qtbot):
    panel = window.table_panel
    quote = tag(window, "Dmitry Peskov", "1")
    panel.type_filter.setCurrentIndex(panel.type_filter.findText("Quote"))
    assert shown_ids(panel) == [quote]
    legit = tag(window, "Zelenskyy’s legitimacy can be questioned", "3")
    assert len(db_rows(project_path)) == 2
    assert panel.type_filter.currentText() == "All types"
    assert sorted(shown_ids(panel)) == sorted([quote, legit])
    assert panel.shown.text() == "2"
    assert panel.view.selectionModel().currentIndex().data(IdRole) == legit


def test_selecting_an_annotation_the_text_filter_hides_clears_it(window, qtbot):
    panel = window.table_panel
    quote = tag(window, "Dmitry Peskov", "1")
    legit = tag(window, "Zelenskyy’s legitimacy can be questioned", "3")
    window.session.select(quote)
    panel.text_filter.setFocus()
    qtbot.keyClicks(panel.text_filter, "Peskov")
    assert shown_ids(panel) == [quote]
    window.session.select(legit)  # as a click on its highlight does
    assert panel.text_filter.text() == ""
    assert panel.view.selectionModel().currentIndex().data(IdRole) == legit
    assert sorted(shown_ids(panel)) == sorted([quote, legit])
