"""What undo and redo bring back is selected, shown in the form, and its highlight is not hidden by a selection."""

from __future__ import annotations

from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

NEEDLE = "Zelenskyy’s legitimacy can be questioned"


def test_redo_of_a_tag_selects_it_and_clears_the_leftover_selection(window, project_path):
    view = window.article
    select_text(view, NEEDLE)
    view.setFocus()
    QTest.keyClick(view, "3")
    ann_id = db_rows(project_path)[0][0]
    window.session.undo_stack.undo()
    assert db_rows(project_path) == [] and view.textCursor().hasSelection()  # ready for another key
    window.session.undo_stack.redo()
    assert db_rows(project_path)[0][0] == ann_id
    assert window.session.selected_id == ann_id and window.form.ann.id == ann_id
    assert not view.textCursor().hasSelection()


def test_undo_of_a_delete_selects_what_came_back(window, project_path):
    view = window.article
    select_text(view, NEEDLE)
    view.setFocus()
    QTest.keyClick(view, "3")
    ann_id = db_rows(project_path)[0][0]
    window.session.delete(ann_id)
    assert window.session.selected_id is None and db_rows(project_path) == []
    window.session.undo_stack.undo()
    assert db_rows(project_path)[0][0] == ann_id
    assert window.session.selected_id == ann_id and window.form.ann.id == ann_id
    assert window.table_panel.view.selectionModel().currentIndex().isValid()
