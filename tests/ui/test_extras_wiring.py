"""The extras inside the real main window, wired as /work/notes/wiring.md describes (with the session calls that
exist today): the window follows each change, and the file holds it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from ui_helpers import db_rows, select_text

from desktop.ui import correct_text, report_dialog
from desktop.ui.orphan_list import show_orphans
from desktop.ui.readonly_banner import ReadOnlyBanner
from desktop.ui.search_box import make_search_box


def test_banner_in_a_second_window(open_window, project_path, qtbot):
    first = open_window(project_path)
    second = open_window(project_path)
    holder = QWidget()
    qtbot.addWidget(holder)
    banner = ReadOnlyBanner(holder)
    QVBoxLayout(holder).addWidget(banner)
    holder.show()
    assert not banner.show_for(first.session.project)
    assert banner.show_for(second.session.project)
    assert "another window of this Claimdesk" in banner.text()


def test_correction_then_orphan_fixed_from_the_list(window, project_path, qtbot, monkeypatch):
    s = window.session
    select_text(window.article, "legal foundations")
    window.tag_selection(s.tag_types[1].id)
    orphan_id = s.selected_id
    text = s.text
    cut = text.index("legal foundations")

    def run(dialog):
        c = dialog.editor.textCursor()
        c.setPosition(cut)
        c.setPosition(cut + len("legal foundations"), c.MoveMode.KeepAnchor)
        dialog.editor.setTextCursor(c)
        qtbot.keyClicks(dialog.editor, "legal basis")
        dialog.accept()
        return True

    monkeypatch.setattr(correct_text, "run_dialog", run)
    monkeypatch.setattr(report_dialog, "show_report", lambda *a: None)
    report = correct_text.correct_document_text(window, s.project, s.document.id)
    # the recipe: the undo history holds old offsets, so it goes; the shown document is read again
    s.undo_stack.clear()
    s.open_document(report.document_id)
    assert window.article.text == s.text and "legal basis" in s.text
    assert [a.id for a in report.orphans] == [orphan_id]

    dialog = show_orphans(window, s.project)
    qtbot.addWidget(dialog)
    dialog.annotationActivated.connect(lambda doc, ann: (window.show_document(doc), s.select(ann)))
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert s.selected_id == orphan_id
    select_text(window.article, "legal basis")
    window.adjust_span_to_selection()
    dialog.refresh()
    assert dialog.rows() == []
    assert db_rows(project_path, f"SELECT text, orphan FROM annotations WHERE id = {orphan_id}") == [
        ("legal basis", 0)]


def test_search_box_opens_the_document(window, qtbot):
    s = window.session
    other = s.project.add_document("Kyiv rejected the claim about martial law.", "Kyiv answers")
    box = make_search_box(window, s.project)
    qtbot.addWidget(box)
    box.documentActivated.connect(window.show_document)
    box.edit.setText("martial")
    box.run_search()
    assert box.titles() == ["Kyiv answers"]
    box.activate_current()
    assert s.document.id == other.id and window.article.text == other.text
