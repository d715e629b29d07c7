"""The find bar, and reopening a project where the analyst left it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text


def test_find_escape_and_key_tags_the_match(window, project_path, qtbot):
    view, bar = window.article, window.find_bar
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    assert bar.objectName() == "findBar" and bar.accessibleName()
    QTest.keyClicks(bar.edit, "zelenskyy's legitimacy")  # straight apostrophe finds the curly one
    assert bar.count.text() == "1 of 1"
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    QTest.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, "3")
    text = view.text
    start = text.index("Zelenskyy’s legitimacy")
    assert db_rows(project_path)[0][1:4] == (start, start + 22, "Zelenskyy’s legitimacy")


def test_find_counts_case_insensitive_and_steps(window):
    bar = window.find_bar
    window.actions["find"].trigger()
    QTest.keyClicks(bar.edit, "PESKOV")
    n = window.article.text.lower().count("peskov")
    assert bar.count.text() == f"1 of {n}"
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {n}"
    QTest.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"1 of {n}"
    assert window.article.textCursor().selectedText().lower() == "peskov"
    bar.edit.clear()
    QTest.keyClicks(bar.edit, "no such words here")
    assert bar.count.text() == "no matches"


def test_reopen_restores_document_scroll_and_selection(open_window, tmp_path, sample_path, qtbot):
    long_text = "\n\n".join(f"Paragraph {i}: the spokesman said talks could resume, officials noted." for i in range(400))
    second = tmp_path / "long.txt"
    second.write_text(long_text, encoding="utf-8")
    path = tmp_path / "reopen.claimdesk"
    window = open_window(path, [sample_path, second])
    docs = window.session.summaries
    assert len(docs) == 2
    window.show_document(docs[1].id)
    view = window.article
    start, _end = select_text(view, "Paragraph 250:")
    QTest.keyClick(view, "2")
    ann_id = window.session.selected_id
    assert ann_id is not None
    view.scroll_to_position(view.text.index("Paragraph 240:"))
    qtbot.wait(10)
    top = view.first_visible_position()
    assert top > 0
    window.close()

    again = open_window(path)
    assert again.session.document.id == docs[1].id
    assert again.session.selected_id == ann_id
    assert again.table_panel.view.selectionModel().currentIndex().data() is not None
    assert again.form.ann.id == ann_id
    top_block = again.article.document().findBlock(again.article.offsets.to_utf16(top)).blockNumber()
    shown = again.article.first_visible_position()
    assert again.article.document().findBlock(again.article.offsets.to_utf16(shown)).blockNumber() == top_block
    assert again.documents.view.currentIndex().data() == docs[1].title


def test_set_position_twenty_thousand_times(window):
    """PySide6 6.12.0 on Python 3.11 aborts after ~5,000 calls of Qt methods returning nothing."""
    cursor = QTextCursor(window.article.document())
    n = window.article.document().characterCount() - 1
    for i in range(20_000):
        cursor.setPosition(i % n)
    assert cursor.position() == 19_999 % n
