"""Enter in the codebook editor's fields saves the field only; a key clash is explained beside the Key field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import db_rows

from desktop.ui.codebook_editor import CodebookEditor


def type_names(path):
    return [r[0] for r in db_rows(path, 'SELECT name FROM tag_types ORDER BY "order", id')]


def shown_editor(window, qtbot):
    editor = CodebookEditor(window.session, window)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    return editor


def test_enter_after_renaming_saves_the_name_and_adds_no_type(window, project_path, qtbot):
    editor = shown_editor(window, qtbot)
    editor.list.setCurrentRow(1)
    editor.name.setFocus()
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Factual claim")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    qtbot.keyClick(editor.name, Qt.Key.Key_Enter)
    assert type_names(project_path) == ["Quote", "Factual claim", "Legitimacy assertion"]
    assert editor.isVisible()
    assert not any(b.isDefault() or b.autoDefault() for b in editor.findChildren(type(editor.delete_btn)))


def test_key_clash_is_explained_beside_the_key_field(window, project_path, qtbot):
    editor = shown_editor(window, qtbot)
    editor.list.setCurrentRow(2)
    editor.key.setFocus()
    editor.key.selectAll()
    qtbot.keyClicks(editor.key, "1")
    qtbot.keyClick(editor.key, Qt.Key.Key_Return)
    assert editor.key_error.text() == "Key 1 is already used by Quote; Legitimacy assertion keeps 3."
    assert editor.key_error.isVisible()
    # beside the field: on the same row, not in the message line at the bottom of the dialog
    assert abs(editor.key_error.mapTo(editor, editor.key_error.rect().center()).y()
               - editor.key.mapTo(editor, editor.key.rect().center()).y()) < 12
    assert db_rows(project_path, "SELECT key FROM tag_types ORDER BY id") == [("1",), ("2",), ("3",)]
    # a free key is saved and the message goes
    editor.key.selectAll()
    qtbot.keyClicks(editor.key, "l")
    qtbot.keyClick(editor.key, Qt.Key.Key_Return)
    assert editor.key_error.text() == ""
    assert db_rows(project_path, "SELECT key FROM tag_types ORDER BY id") == [("1",), ("2",), ("l",)]
