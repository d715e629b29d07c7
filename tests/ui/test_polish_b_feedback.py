"""Del, Ctrl+Z and Ctrl+Y say what they did; an undone tag leaves its text selected for another key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

CTRL = Qt.KeyboardModifier.ControlModifier


def test_undo_redo_delete_are_reported_and_undone_text_stays_selected(window, project_path, qtbot):
    view = window.article
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    start, end = select_text(view, "Dmitry Peskov")
    QTest.keyClick(view, "1")
    QTest.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert db_rows(project_path) == []
    assert window.statusBar().currentMessage() == "Undid: Tag Quote"
    assert view.selection_span() == (start, end)
    QTest.keyClick(view, "2")  # re-tag the same text as a claim, no new selection needed
    rows = db_rows(project_path)
    assert [(r[1], r[2], r[3]) for r in rows] == [(start, end, "Dmitry Peskov")]
    assert rows[0][4] == window.session.project.find_tag_type("2").id
    QTest.keyClick(view, Qt.Key.Key_Z, CTRL)
    QTest.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert window.statusBar().currentMessage() == "Redid: Tag Claim"
    assert len(db_rows(project_path)) == 1
    window.session.select(rows[0][0])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert db_rows(project_path) == []
    assert window.statusBar().currentMessage() == "Deleted Claim \u2014 Ctrl+Z to undo"
    QTest.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == "Undid: Delete Claim"
    assert len(db_rows(project_path)) == 1
