"""Tagging in the real window, then reading the real project file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select16, select_text, utf16

from desktop.store import Project
from desktop.ui import colors


def legit_id(window):
    return window.session.project.find_tag_type("3").id


def test_select_and_press_3_writes_the_row(window, project_path):
    view = window.findChild(type(window.article), "articleView")
    assert view is window.article and view.accessibleName()
    start, end = select_text(view, "Zelenskyy’s legitimacy can be questioned")
    view.setFocus()
    QTest.keyClick(view, "3")
    rows = db_rows(project_path)
    assert rows == [(rows[0][0], start, end, "Zelenskyy’s legitimacy can be questioned", legit_id(window))]
    ann_id = rows[0][0]
    # on screen: highlighted, in the table and selected there, the form shows it
    assert ann_id in view.index
    table = window.table_panel
    assert table.model.rowCount() == 1
    assert table.view.selectionModel().currentIndex().row() == 0
    assert window.session.selected_id == ann_id
    assert window.form.ann.id == ann_id
    assert not view.textCursor().hasSelection()


def test_annotator_asked_once_and_stored(window, project_path, dialog_log, qtbot, open_window):
    qtbot.waitUntil(lambda: dialog_log.asked_annotator == 1)
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    assert db_rows(project_path, "SELECT annotator FROM annotations") == [("Tester",)]
    with Project.open(project_path, readonly=True) as p:
        assert p.get_setting("annotator") == "Tester"
    window.close()
    open_window(project_path)
    qtbot.wait(20)
    assert dialog_log.asked_annotator == 1


def test_selection_snaps_to_words_and_trims_spaces(window, project_path):
    text = window.article.text
    i = text.index("Kremlin spokesman Dmitry")
    # " spokesman Dmi" : leading space and a cut word
    select16(window.article, utf16(text, i + 7), utf16(text, i + 21))
    QTest.keyClick(window.article, "2")
    assert db_rows(project_path)[0][3] == "spokesman Dmitry"
    window.actions["snap"].trigger()  # off
    select16(window.article, utf16(text, i + 8), utf16(text, i + 12))
    QTest.keyClick(window.article, "2")
    assert db_rows(project_path)[-1][3] == "spok"


def test_undo_removes_from_file_and_table_redo_restores_same_id(window, project_path):
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    (ann_id, *_rest), = db_rows(project_path)
    assert window.actions["undo"].text() == "Undo Tag Quote"
    QTest.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_rows(project_path) == []
    assert window.table_panel.model.rowCount() == 0
    assert ann_id not in window.article.index
    QTest.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [r[0] for r in db_rows(project_path)] == [ann_id]
    assert window.table_panel.model.rowCount() == 1
    assert ann_id in window.article.index
    QTest.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.article, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [r[0] for r in db_rows(project_path)] == [ann_id]


def test_emoji_article_tags_the_right_code_points(open_window, tmp_path):
    text = "Hello 👋🏽 world 𝕏 said the 👨‍👩‍👧 family.\nSecond 😀 line: the end."
    src = tmp_path / "emoji.txt"
    src.write_text(text, encoding="utf-8")
    path = tmp_path / "emoji.claimdesk"
    window = open_window(path, [src])
    view = window.article
    assert view.text == text
    for needle, key in (("world", "1"), ("family", "2"), ("𝕏", "1"), ("the end", "3")):
        start = text.index(needle)
        select16(view, utf16(text, start), utf16(text, start + len(needle)))
        QTest.keyClick(view, key)
    rows = db_rows(path, 'SELECT start, "end", text FROM annotations ORDER BY id')
    assert rows == [(text.index(n), text.index(n) + len(n), n) for n in ("world", "family", "𝕏", "the end")]
    for start, end, span in rows:
        assert text[start:end] == span


def test_tag_button_tags_the_selection(window, project_path):
    select_text(window.article, "Kremlin spokesman")
    window.codebook.buttons[window.session.project.find_tag_type("Claim").id].click()
    assert db_rows(project_path)[0][3] == "Kremlin spokesman"


def test_no_selection_tags_nothing_and_says_so(window, project_path):
    QTest.keyClick(window.article, "1")
    assert db_rows(project_path) == []
    assert "Select some text" in window.statusBar().currentMessage()


def test_delete_key_deletes_the_selected_annotation(window, project_path, qtbot):
    window.article.setFocus()  # Del deletes an annotation only from the article or the table
    qtbot.waitUntil(window.article.hasFocus)
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    assert len(db_rows(project_path)) == 1
    QTest.keyClick(window.article, Qt.Key.Key_Delete)
    assert db_rows(project_path) == []
    assert window.table_panel.model.rowCount() == 0
    assert window.actions["undo"].text() == "Undo Delete Quote"


def test_overlapping_spans_both_visible_hover_lists_both_click_selects(window, project_path, qtbot):
    view = window.article
    outer = select_text(view, "Zelenskyy’s legitimacy can be questioned")
    QTest.keyClick(view, "1")
    inner = select_text(view, "legitimacy can be questioned")
    QTest.keyClick(view, "3")
    (outer_id, *_), (inner_id, *_) = db_rows(project_path)
    text = view.text
    pos = utf16(text, inner[0] + 3)
    assert view.index.at(pos) == [inner_id, outer_id]
    # the nested part: the inner type's own tint, and a line in the quote's colour under it
    block = view.document().findBlock(pos)
    formats = block.layout().formats()
    nested = [f for f in formats if f.start <= pos - block.position() < f.start + f.length]
    inner_color = window.session.types_by_id[window.session.project.find_tag_type("3").id].color
    assert nested and nested[0].format.background().color().name() == colors.tint(inner_color).name()
    lines = view.highlighter.underlines(block)
    assert any(level == 1 and ann == outer_id and s0 <= pos - block.position() < e0
               for s0, e0, level, ann, _t in lines)
    assert "Quote" in view.tooltip_html(view.index.at(pos)) and "Legitimacy assertion" in view.tooltip_html(
        view.index.at(pos))
    # a click on the nested part selects the inner one; a second click steps out to the quote
    c = view.textCursor()
    c.setPosition(pos)
    rect = view.cursorRect(c)
    point = rect.center()
    point.setX(rect.left() + 3)
    window.session.select(None)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.session.selected_id == inner_id
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.session.selected_id == outer_id
    assert outer[0] < inner[0]


def test_form_edits_are_saved_and_undoable(window, project_path, qtbot):
    select_text(window.article, "Zelenskyy’s legitimacy can be questioned")
    QTest.keyClick(window.article, "3")
    form = window.form
    form.speaker.setFocus()
    QTest.keyClicks(form.speaker, "Dmitry Peskov")
    QTest.keyClick(form.speaker, Qt.Key.Key_Return)
    form.stance.setCurrentIndex(form.stance.findData("questions"))
    form.stance.activated.emit(form.stance.currentIndex())
    rows = db_rows(project_path, "SELECT speaker, stance FROM annotations")
    assert rows == [("Dmitry Peskov", "questions")]
    assert window.table_panel.model.index(0, 2).data() == "Dmitry Peskov"
    window.actions["undo"].trigger()
    assert db_rows(project_path, "SELECT speaker, stance FROM annotations") == [("Dmitry Peskov", "")]
    assert form.stance.currentData() == ""
    # retype through the combo
    claim = window.session.project.find_tag_type("Claim").id
    form.type_combo.setCurrentIndex(form.type_combo.findData(claim))
    form.type_combo.activated.emit(form.type_combo.currentIndex())
    assert db_rows(project_path, "SELECT tag_type_id FROM annotations") == [(claim,)]
    assert window.actions["undo"].text() == "Undo Change type to Claim"


def test_speaker_completes_from_names_used(window, project_path):
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    window.session.edit(window.session.selected_id, speaker="Dmitry Peskov")
    select_text(window.article, "Putin himself said")
    QTest.keyClick(window.article, "1")
    window.form.speaker.setFocus()
    assert window.form.speaker.completer().model().stringList() == ["Dmitry Peskov"]


def test_adjust_span_to_selection(window, project_path):
    select_text(window.article, "Dmitry")
    QTest.keyClick(window.article, "1")
    start, end = select_text(window.article, "Kremlin spokesman Dmitry Peskov")
    window.actions["adjust_span"].trigger()
    assert db_rows(project_path)[0][1:4] == (start, end, "Kremlin spokesman Dmitry Peskov")
    window.actions["undo"].trigger()
    assert db_rows(project_path)[0][3] == "Dmitry"


def test_annotation_table_filters(window, project_path):
    for needle, key in (("Dmitry Peskov", "1"), ("Kremlin spokesman", "2"), ("legitimacy can be questioned", "3")):
        select_text(window.article, needle)
        QTest.keyClick(window.article, key)
    panel = window.table_panel
    assert panel.proxy.rowCount() == 3
    panel.type_filter.setCurrentIndex(panel.type_filter.findData(window.session.project.find_tag_type("2").id))
    assert panel.proxy.rowCount() == 1
    panel.type_filter.setCurrentIndex(0)
    QTest.keyClicks(panel.text_filter, "peskov")
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, 1).data() == "Dmitry Peskov"
    assert panel.shown.text() == "1 of 3"


def test_single_change_never_resets_the_table(window):
    resets = []
    window.table_panel.model.modelReset.connect(lambda: resets.append(1))
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    window.session.edit(window.session.selected_id, speaker="P")
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    window.actions["redo"].trigger()
    assert resets == []


def test_orphans_are_listed_not_highlighted(open_window, project_path):
    with Project.open(project_path) as p:
        doc = p.documents()[0].id
        quote = p.find_tag_type("Quote").id
        text = p.document_text(doc)
        start = text.index("Dmitry Peskov")
        ann = p.create_annotation(doc, quote, start, start + 13)
        p.update_annotation(ann.id, orphan=True)
    window = open_window(project_path)
    assert ann.id not in window.article.index
    assert window.table_panel.model.index(0, 0).data() == "Quote (orphan)"
    # anchoring it again through the form's span action brings the highlight back
    window.session.select(ann.id)
    select_text(window.article, "Dmitry Peskov")
    window.actions["adjust_span"].trigger()
    assert ann.id in window.article.index
    assert db_rows(project_path, "SELECT orphan FROM annotations") == [(0,)]
