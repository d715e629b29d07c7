"""Full-text search over every document: typing finds documents, activating one names it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.store import Project
from desktop.store.ui_queries import HIT_OPEN
from desktop.ui.search_box import make_search_box


@pytest.fixture
def searchable(project_path):
    with Project.open(project_path) as p:
        p.add_document("Kyiv rejected the claim. Zelenskyy said elections cannot be held under martial law.",
                       "Kyiv answers")
        p.add_document("Статья: легитимность Зеленского обсуждают в Москве.", "Русская статья")
        p.add_document("Weather in Riyadh: hot and dry.", "Weather")
    return project_path


@pytest.fixture
def box(qtbot, searchable):
    project = Project.open(searchable)
    holder = QWidget()
    qtbot.addWidget(holder)
    b = make_search_box(holder, project)
    b.resize(300, 400)
    holder.show()
    b.holder = holder
    yield b
    project.close()


def type_query(qtbot, box, text):
    box.edit.clear()
    qtbot.keyClicks(box.edit, text)
    qtbot.waitUntil(lambda: not box._timer.isActive())


def test_typing_finds_documents_by_their_text_and_prefix(box, qtbot):
    type_query(qtbot, box, "zelenskyy")
    sample_title = box.project.document(1).title
    assert sorted(box.titles()) == sorted(["Kyiv answers", sample_title])
    assert box.status.text() == "2 documents"
    type_query(qtbot, box, "martial la")  # the last word is still being typed
    assert box.titles() == ["Kyiv answers"]
    snippet = box.results.item(0).data(Qt.ItemDataRole.UserRole + 2)
    assert f"{HIT_OPEN}martial" in snippet
    type_query(qtbot, box, "riyadh hot")
    assert box.titles() == ["Weather"]
    type_query(qtbot, box, "nothing like this")
    assert box.titles() == [] and box.status.text() == "No document holds every word."


def test_titles_and_non_latin_text_are_found(box, qtbot):
    box.edit.setText("легитимность")  # typed through the widget's text, not key events (non-ASCII)
    box.run_search()
    assert box.titles() == ["Русская статья"]
    type_query(qtbot, box, "weather")
    assert box.titles() == ["Weather"]


def test_odd_input_never_breaks_the_search(box, qtbot):
    for query in ('"', 'AND OR NOT', '*', 'title:x', '(', 'NEAR(a b)'):
        box.edit.setText(query)
        box.run_search()
        assert "could not run" not in box.status.text()


def test_click_enter_and_down_activate_a_document(box, qtbot, searchable):
    type_query(qtbot, box, "kyiv")
    with Project.open(searchable, readonly=True) as p:
        kyiv_id = p.search_documents("Kyiv answers")[0]
    item = box.results.item(0)
    rect = box.results.visualItemRect(item)
    with qtbot.waitSignal(box.documentActivated) as clicked:
        qtbot.mouseClick(box.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [kyiv_id]
    with qtbot.waitSignal(box.documentActivated) as entered:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert entered.args == [kyiv_id]
    box.edit.setFocus()
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    assert box.results.hasFocus() and box.results.currentRow() == 0
    box.edit.setFocus()
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert box.edit.text() == ""
    qtbot.waitUntil(lambda: not box._timer.isActive())
    assert box.titles() == []


def test_refresh_sees_a_new_document_and_set_project_clears(box, qtbot):
    type_query(qtbot, box, "referendum")
    assert box.titles() == []
    box.project.add_document("A referendum was proposed.", "Referendum")
    box.refresh()
    assert box.titles() == ["Referendum"]
    box.set_project(None)
    assert box.edit.text() == "" and box.titles() == []
