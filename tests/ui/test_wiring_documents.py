"""The Document commands inside the real main window, driven by their keys and menus: a pasted document, its
properties, a correction of its text with the orphan it leaves, and the histories. Each checks the widgets a
person would look at and the project file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

from desktop.ui import correct_text, document_properties, paste_document
from desktop.ui.document_model import DetailRole
from desktop.ui.history_dialog import HistoryDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PASTED = "Kyiv rejected the claim.\nThe foreign ministry said the vote was lawful."


def paste_answering(monkeypatch, title: str, text: str = PASTED) -> list:
    shown = []
    monkeypatch.setattr(paste_document, "clipboard_text", lambda: text)

    def run(dialog):
        shown.append(dialog.preview.toPlainText())
        dialog.title.setText(title)
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(paste_document, "run_dialog", run)
    return shown


def set_properties(monkeypatch, **values) -> list:
    seen = []

    def run(dialog):
        seen.append(dialog.document.id)
        for name, value in values.items():
            dialog.edits[name].setText(value)
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(document_properties, "run_dialog", run)
    return seen


def list_titles(window) -> list[str]:
    return window.documents.titles()


def test_ctrl_shift_v_adds_the_clipboard_as_a_document(window, project_path, monkeypatch, qtbot):
    shown = paste_answering(monkeypatch, "Kyiv answers")
    resets = []
    window.documents.model.modelReset.connect(lambda: resets.append(1))
    QTest.keyClick(window.article, Qt.Key.Key_V, CTRL_SHIFT)
    assert shown == [PASTED]
    assert db_rows(project_path, "SELECT title, text FROM documents ORDER BY id")[-1] == ("Kyiv answers", PASTED)
    assert list_titles(window)[-1] == "Kyiv answers" and len(list_titles(window)) == 2
    assert resets == []  # one row inserted, the list not rebuilt
    assert window.article.text == PASTED
    assert "Kyiv answers" in window.article_pane.heading.text()
    assert "(2)" in window.documents.title.text()
    qtbot.waitUntil(lambda: "in 2 documents" in window.counts_label.text())


def test_pasting_the_same_text_twice_is_refused(window, project_path, monkeypatch, dialog_log):
    paste_answering(monkeypatch, "Once")
    window.actions["paste_document"].trigger()
    window.actions["paste_document"].trigger()
    assert db_rows(project_path, "SELECT count(*) FROM documents") == [(2,)]
    assert "already in the project" in dialog_log.infos[-1][1]
    assert len(list_titles(window)) == 2


def test_properties_show_in_the_list_and_the_heading(window, project_path, monkeypatch):
    doc_id = window.session.document.id
    seen = set_properties(monkeypatch, outlet="Meduza", author="Ivan Petrov", published="2024-05-01")
    QTest.keyClick(window.article, Qt.Key.Key_P, CTRL_SHIFT)
    assert seen == [doc_id]
    assert db_rows(project_path, f"SELECT outlet, author, published FROM documents WHERE id = {doc_id}") == [
        ("Meduza", "Ivan Petrov", "2024-05-01")]
    row = window.documents.model.row_of(doc_id)
    assert window.documents.model.index(row, 0).data(DetailRole).startswith("Meduza")
    heading = window.article_pane.heading.text()
    assert "Meduza" in heading and "Ivan Petrov" in heading and "2024-05-01" in heading
    assert window.statusBar().currentMessage() == "The document's properties were saved."


def test_double_click_and_context_menu_open_that_rows_properties(window, project_path, monkeypatch):
    s = window.session
    other = s.project.add_document("The opposition called the vote a farce.", "Vote a farce")
    s.document_added(other.id)
    seen = set_properties(monkeypatch, outlet="Novaya Gazeta")
    panel = window.documents
    index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(other.id), 0))
    panel.view.doubleClicked.emit(index)
    menu = panel.context_menu(other.id)
    next(a for a in menu.actions() if a.text().startswith("&Properties")).trigger()
    assert seen == [other.id, other.id]
    assert db_rows(project_path, f"SELECT outlet FROM documents WHERE id = {other.id}") == [("Novaya Gazeta",)]
    assert s.document.id != other.id  # the shown document stays shown


def test_correct_text_then_place_the_orphan_again(window, project_path, qtbot, monkeypatch):
    s = window.session
    select_text(window.article, "legal foundations")
    window.tag_selection(s.tag_types[1].id)
    orphan_id = s.selected_id
    cut = s.text.index("legal foundations")

    def run(dialog):
        c = dialog.editor.textCursor()
        c.setPosition(cut)
        c.setPosition(cut + len("legal foundations"), c.MoveMode.KeepAnchor)
        dialog.editor.setTextCursor(c)
        qtbot.keyClicks(dialog.editor, "legal basis")
        dialog.accept()
        return True

    monkeypatch.setattr(correct_text, "run_dialog", run)
    assert window.actions["undo"].isEnabled()
    window.actions["correct_text"].trigger()
    assert "legal basis" in window.article.text and "legal foundations" not in window.article.text
    assert s.undo_stack.count() == 0 and not window.actions["undo"].isEnabled()
    assert db_rows(project_path, f"SELECT orphan FROM annotations WHERE id = {orphan_id}") == [(1,)]
    orphans = window.extras.orphans
    assert orphans is not None and orphans.isVisible()
    assert [r[2] for r in orphans.rows()] == ["legal foundations"]
    # The orphan is not highlighted at its old place; the table marks it; the list shows it when asked.
    assert orphan_id not in window.article.index
    assert "(orphan)" in window.table_panel.model.index(0, 0).data()
    qtbot.mouseClick(orphans.show_button, Qt.MouseButton.LeftButton)
    assert s.selected_id == orphan_id
    select_text(window.article, "legal basis")
    QTest.keyClick(window.article, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert orphans.rows() == []  # refreshed by the change itself
    assert orphan_id in window.article.index
    assert db_rows(project_path, f"SELECT text, orphan FROM annotations WHERE id = {orphan_id}") == [
        ("legal basis", 0)]


def test_correct_text_is_in_the_document_menu_and_needs_a_document(window):
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "documentMenu")
    names = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    assert names == ["Properties\u2026", "Correct Text\u2026", "Orphan Annotations\u2026",
                     "History of Document\u2026"]
    bar = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert bar == ["File", "Edit", "Document", "View", "Codebook", "Help"]
    window.show_document(None)
    assert not window.actions["correct_text"].isEnabled()
    assert not window.actions["document_properties"].isEnabled()
    assert window.actions["orphans"].isEnabled()


def history_dialogs(window) -> list[HistoryDialog]:
    return [d for d in window.findChildren(HistoryDialog) if d.isVisible()]


def test_ctrl_h_shows_the_selected_annotations_history(window, qtbot):
    s = window.session
    assert not window.actions["annotation_history"].isEnabled()
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    s.edit(s.selected_id, speaker="Peskov")
    QTest.keyClick(window.article, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    (dialog,) = history_dialogs(window)
    assert [r[2] for r in dialog.rows()] == ["Created", "Edited"]
    assert f"#{s.selected_id}" in dialog.windowTitle()
    dialog.close()
    qtbot.mouseClick(window.form.history_btn, Qt.MouseButton.LeftButton)
    assert len(history_dialogs(window)) == 1


def test_document_history_lists_its_annotations_changes(window):
    s = window.session
    for needle, key in (("Dmitry Peskov", "1"), ("Riyadh", "2")):
        select_text(window.article, needle)
        QTest.keyClick(window.article, key)
    window.delete_selected()
    window.actions["document_history"].trigger()
    (dialog,) = history_dialogs(window)
    assert [r[2] for r in dialog.rows()] == ["Created", "Created", "Deleted"]
    assert s.document.title in dialog.windowTitle()
