"""The left column of the real window: the document list sorts and filters by the metadata an analyst cites
(title, outlet, author, published date), and the search box over every document sits above it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.store import Project
from desktop.ui.document_model import DetailRole

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

DOCS = [  # title, outlet, author, published, text
    ("Kyiv answers", "Ukrainska Pravda", "Olena Koval", "2024-03-02", "Kyiv rejected the claim about martial law."),
    ("Zelenskyy in Paris", "Le Monde", "", "2024-05-20", "The president met his French counterpart."),
    ("A vote called a farce", "Meduza", "Ivan Petrov", "", "The opposition called the vote a farce."),
]


@pytest.fixture
def many_path(project_path):
    with Project.open(project_path) as p:
        p.update_document(1, outlet="TASS", author="Anna Smirnova", published="2024-04")
        for title, outlet, author, published, text in DOCS:
            doc = p.add_document(text, title)
            p.update_document(doc.id, outlet=outlet, author=author, published=published)
    return project_path


def choose_sort(window, label: str) -> None:
    combo = window.documents.sort_combo
    combo.setCurrentIndex(combo.findText(label))


def test_sort_by_title_outlet_author_and_date(open_window, many_path):
    window = open_window(many_path)
    panel = window.documents
    sample = window.session.summaries[0].title
    assert panel.titles() == [sample, "Kyiv answers", "Zelenskyy in Paris", "A vote called a farce"]
    choose_sort(window, "Title")
    assert panel.titles() == sorted(panel.titles(), key=str.casefold)
    choose_sort(window, "Outlet")  # Le Monde, Meduza, TASS, Ukrainska Pravda
    assert panel.titles() == ["Zelenskyy in Paris", "A vote called a farce", sample, "Kyiv answers"]
    choose_sort(window, "Author")  # no author last
    assert panel.titles() == [sample, "A vote called a farce", "Kyiv answers", "Zelenskyy in Paris"]
    assert panel.proxy.index(0, 0).data(DetailRole).startswith("Anna Smirnova \u00b7 TASS")  # the order is seen
    choose_sort(window, "Newest first")  # undated last
    assert panel.titles() == ["Zelenskyy in Paris", sample, "Kyiv answers", "A vote called a farce"]
    assert window.session.document.title == sample  # sorting does not open another document
    assert panel.view.currentIndex().data() == sample


def test_sort_is_remembered_and_follows_a_changed_document(open_window, many_path, qtbot):
    window = open_window(many_path)
    choose_sort(window, "Outlet")
    window.close()
    again = open_window(many_path)
    assert again.documents.sort_combo.currentText() == "Outlet"
    s = again.session
    kyiv = next(d.id for d in s.summaries if d.title == "Kyiv answers")
    s.project.update_document(kyiv, outlet="BBC")
    s.document_updated(kyiv)
    assert again.documents.titles()[0] == "Kyiv answers"
    doc = s.project.add_document("Talks resumed in Ankara.", "Ankara talks")
    s.project.update_document(doc.id, outlet="Reuters")
    s.document_added(doc.id)
    assert again.documents.titles().index("Ankara talks") == 3  # BBC, Le Monde, Meduza, Reuters, TASS, ...


def test_filter_matches_outlet_author_and_date(open_window, many_path):
    window = open_window(many_path)
    panel = window.documents
    for needle, expected in (("meduza", ["A vote called a farce"]), ("koval", ["Kyiv answers"]),
                             ("2024-05", ["Zelenskyy in Paris"]), ("martial", ["Kyiv answers"])):
        panel.filter.setText(needle)
        assert panel.titles() == expected, needle
    panel.filter.clear()
    assert len(panel.titles()) == 4


def test_search_box_above_the_list_opens_a_document(open_window, many_path, qtbot):
    window = open_window(many_path)
    left = window.left.layout()
    assert left.indexOf(window.search.parentWidget()) < left.indexOf(window.documents)
    QTest.keyClick(window.article, Qt.Key.Key_F, CTRL_SHIFT)
    assert window.search.edit.hasFocus()
    QTest.keyClicks(window.search.edit, "farce")
    window.search.run_search()
    assert window.search.titles() == ["A vote called a farce"]
    QTest.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert window.session.document.title == "A vote called a farce"
    assert "farce" in window.article.text


def test_search_follows_documents_added_and_the_project(open_window, many_path, tmp_path, qtbot):
    window = open_window(many_path)
    window.search.edit.setText("ankara")
    window.search.run_search()
    assert window.search.titles() == []
    s = window.session
    doc = s.project.add_document("Talks resumed in Ankara.", "Ankara talks")
    s.document_added(doc.id)
    assert window.search.titles() == ["Ankara talks"]
    window.close_project()
    assert window.search.edit.text() == "" and not window.actions["search"].isEnabled()
