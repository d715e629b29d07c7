"""Qt's model tester on the table and list models, while annotations come and go."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import select_text

from desktop.ui.document_model import CountRole, DetailRole


def test_annotation_table_model_stays_consistent(window, qtmodeltester):
    model = window.table_panel.model
    qtmodeltester.check(model)  # keeps watching every signal below
    view = window.article
    for needle, key in (("Dmitry Peskov", "1"), ("Kremlin spokesman", "2"), ("Zelenskyy’s legitimacy", "3"),
                        ("Putin himself said", "1")):
        select_text(view, needle)
        QTest.keyClick(view, key)
    s = window.session
    first = min(s.annotations.values(), key=lambda a: a.start)
    last = max(s.annotations.values(), key=lambda a: a.start)
    s.adjust_span(first.id, last.start + 1, last.end)  # moves a row down
    s.retype(last.id, s.project.find_tag_type("2").id)
    s.delete(last.id)
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    window.actions["redo"].trigger()
    starts = [model.annotation_at(r).start for r in range(model.rowCount())]
    assert starts == sorted(starts)
    assert sorted(model.annotation_at(r).id for r in range(model.rowCount())) == sorted(s.annotations)
    qtmodeltester.check(model)


def test_sorting_by_a_column_and_back(window):
    view = window.article
    for needle, key in (("Putin himself said", "1"), ("Dmitry Peskov", "2"), ("Kremlin spokesman", "3")):
        select_text(view, needle)
        QTest.keyClick(view, key)
    table = window.table_panel.view
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    texts = [window.table_panel.proxy.index(r, 1).data() for r in range(3)]
    assert texts == sorted(texts, key=str.casefold)


def test_document_list_model(window, qtmodeltester, tmp_path):
    qtmodeltester.check(window.documents.model)
    other = tmp_path / "b.txt"
    other.write_text("The parliament's legitimacy was denied by the opposition.", encoding="utf-8")
    window.import_documents([other])
    select_text(window.article, "legitimacy")
    QTest.keyClick(window.article, "3")
    model = window.documents.model
    row = model.row_of(window.session.document.id)
    assert model.index(row, 0).data(CountRole) == 1
    window.documents.filter.setText("opposition")  # only in the text: found through full-text search
    assert window.documents.proxy.rowCount() == 1
    window.documents.filter.setText("zzz")
    assert window.documents.proxy.rowCount() == 0
    qtmodeltester.check(window.documents.model)


def test_one_document_added_or_changed_is_one_row_not_a_reset(window, qtmodeltester):
    model = window.documents.model
    qtmodeltester.check(model)
    resets, inserted, changed = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    s = window.session
    doc = s.project.add_document("Kyiv rejected the claim about martial law.", "Kyiv answers")
    s.document_added(doc.id)
    assert inserted == [(1, 1)] and model.row_of(doc.id) == 1
    s.project.update_document(doc.id, outlet="Ukrainska Pravda")
    s.document_updated(doc.id)
    assert changed[-1] == (1, 1)
    assert "Ukrainska Pravda" in model.index(1, 0).data(DetailRole)
    assert resets == []
    qtmodeltester.check(model)


def test_sorted_list_moves_one_row_per_change_and_stays_in_order(window, qtmodeltester, qtbot):
    s = window.session
    model = window.documents.model
    for title in ("Delta", "Bravo", "Echo"):
        s.document_added(s.project.add_document(f"{title} text about the vote.", title).id)
    qtmodeltester.check(model)
    window.documents.set_sort("title")

    def titles():
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    assert titles() == sorted(titles(), key=str.casefold)
    moves, resets = [], []
    model.rowsMoved.connect(lambda *a: moves.append(a))
    model.modelReset.connect(lambda: resets.append(1))
    echo = next(d.id for d in s.summaries if d.title == "Echo")
    s.project.update_document(echo, title="Alpha")
    s.document_updated(echo)
    assert titles()[0] == "Alpha" and titles() == sorted(titles(), key=str.casefold)
    s.document_added(s.project.add_document("Charlie text.", "Charlie").id)
    assert titles() == sorted(titles(), key=str.casefold)
    window.documents.set_sort("annotations")  # the most annotated first
    bravo = next(d.id for d in s.summaries if d.title == "Bravo")
    window.show_document(bravo)
    select_text(window.article, "Bravo")
    QTest.keyClick(window.article, "1")
    assert titles()[0] == "Bravo" and window.documents.view.currentIndex().data() == "Bravo"
    assert len(moves) == 2 and resets == []
    qtmodeltester.check(model)
