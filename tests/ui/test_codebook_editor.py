"""The codebook editor's changes reach the project file and the window."""

from __future__ import annotations

import json

from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

from desktop.ui.codebook_editor import CodebookEditor


def types_in_file(path):
    return db_rows(path, 'SELECT name, key, color, description, fields FROM tag_types ORDER BY "order", id')


def editor_for(window, qtbot):
    editor = CodebookEditor(window.session, window)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def select_type(editor, name):
    for i in range(editor.list.count()):
        if editor.list.item(i).text().startswith(name):
            editor.list.setCurrentRow(i)
            return
    raise AssertionError(name)


def test_rename_rekey_recolour_describe_persist(window, project_path, qtbot):
    editor = editor_for(window, qtbot)
    select_type(editor, "Claim")
    editor.name.setText("Factual claim")
    editor.name.editingFinished.emit()
    editor.key.setText("c")
    editor.key.editingFinished.emit()
    editor.choose_color()  # the stub answers #123456
    editor.description.setPlainText("Stated as fact.")
    editor.close()
    rows = types_in_file(project_path)
    assert rows[1][:4] == ("Factual claim", "c", "#123456", "Stated as fact.")
    # the window follows: button, combo and key
    assert any(b.text().startswith("Factual claim") for b in window.codebook.buttons.values())
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "c")
    assert db_rows(project_path, "SELECT t.name FROM annotations a JOIN tag_types t ON t.id = a.tag_type_id") == [
        ("Factual claim",)]


def test_add_reorder_and_fields(window, project_path, qtbot):
    editor = editor_for(window, qtbot)
    editor.add_type()
    assert types_in_file(project_path)[-1][:2] == ("New type 4", "4")
    editor.name.setText("Denial")
    editor.name.editingFinished.emit()
    editor.add_field()
    editor.fields.item(editor.fields.rowCount() - 1, 0).setText("strength")
    editor.fields.item(editor.fields.rowCount() - 1, 1).setText("weak, strong")
    editor.move(-1)
    editor.move(-1)
    rows = types_in_file(project_path)
    assert [r[0] for r in rows] == ["Quote", "Denial", "Claim", "Legitimacy assertion"]
    assert json.loads(rows[1][4]) == [{"name": "strength", "choices": ["weak", "strong"]}]
    assert [t.name for t in window.session.tag_types][1] == "Denial"
    assert "Denial" in [window.table_panel.type_filter.itemText(i) for i in range(window.table_panel.type_filter.count())]


def test_duplicate_key_is_refused_and_shown(window, project_path, qtbot):
    editor = editor_for(window, qtbot)
    select_type(editor, "Claim")
    editor.key.setText("1")
    editor.key.editingFinished.emit()
    assert editor.key_error.text() == "Key 1 is already used by Quote; Claim keeps 2."
    assert editor.key.text() == "2"
    assert types_in_file(project_path)[1][1] == "2"


def test_delete_type_says_how_many_and_asks(window, project_path, qtbot, dialog_log):
    for needle in ("Dmitry Peskov", "Kremlin spokesman"):
        select_text(window.article, needle)
        QTest.keyClick(window.article, "2")
    editor = editor_for(window, qtbot)
    select_type(editor, "Claim")
    dialog_log.confirm_answer = False
    editor.delete_btn.click()
    assert "2 annotations" in dialog_log.confirms[-1]
    assert len(types_in_file(project_path)) == 3
    dialog_log.confirm_answer = True
    editor.delete_btn.click()
    assert [r[0] for r in types_in_file(project_path)] == ["Quote", "Legitimacy assertion"]
    assert db_rows(project_path) == []
    assert window.table_panel.model.rowCount() == 0
    assert window.article.index.at(0) == []
    assert len(window.codebook.buttons) == 2


def test_codebook_menu_opens_editor(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(CodebookEditor, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    window.actions["edit_codebook"].trigger()
    assert opened == ["Codebook"]
    assert window.codebook.objectName() == "codebookPanel"
