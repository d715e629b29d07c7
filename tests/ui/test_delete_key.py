"""Del deletes the selected annotation only from the article or the annotation table; elsewhere it does what that
widget does with it (a line edit deletes a character)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text


@pytest.fixture
def tagged(window, project_path, qtbot):
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    (ann_id, *_), = db_rows(project_path)
    assert window.session.selected_id == ann_id
    return ann_id


def press_delete_in(widget, qtbot):
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(widget, Qt.Key.Key_Delete)


def test_del_in_the_type_box_keeps_the_annotation(window, project_path, tagged, qtbot):
    press_delete_in(window.form.type_combo, qtbot)
    assert [r[0] for r in db_rows(project_path)] == [tagged]
    assert window.session.selected_id == tagged


def test_del_in_a_form_field_deletes_a_character(window, project_path, tagged, qtbot):
    speaker = window.form.speaker
    speaker.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(speaker.hasFocus)
    QTest.keyClicks(speaker, "Peskov")
    speaker.setCursorPosition(0)
    QTest.keyClick(speaker, Qt.Key.Key_Delete)
    assert speaker.text() == "eskov"
    assert [r[0] for r in db_rows(project_path)] == [tagged]
    window.form.commit()
    assert db_rows(project_path, "SELECT speaker FROM annotations") == [("eskov",)]


def test_del_in_the_note_and_the_document_list_keeps_the_annotation(window, project_path, tagged, qtbot):
    press_delete_in(window.form.note, qtbot)
    press_delete_in(window.documents.view, qtbot)
    assert [r[0] for r in db_rows(project_path)] == [tagged]
    assert window.documents.model.rowCount() == 1


def test_del_in_the_annotation_table_deletes_it(window, project_path, tagged, qtbot):
    press_delete_in(window.table_panel.view, qtbot)
    assert db_rows(project_path) == []
    assert window.table_panel.model.rowCount() == 0
    assert window.actions["undo"].text() == "Undo Delete Quote"
