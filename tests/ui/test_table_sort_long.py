"""Sorting the annotation table by type stays right in a document longer than ten million characters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import db_rows

from desktop.app.session import Session
from desktop.store import Project
from desktop.ui.annotation_model import IdRole
from desktop.ui.annotation_table import AnnotationTablePanel


def test_type_column_sorts_by_codebook_order_then_position_past_ten_million(qtbot, tmp_path):
    path = tmp_path / "long.claimdesk"
    line = "The spokesman said the talks would go on. " * 24 + "\n"
    text = line * (10_200_000 // len(line))
    assert len(text) > 10_100_000
    with Project.open(path, create=True) as p:
        doc = p.add_document(text, "A very long transcript").id
        quote, claim = p.find_tag_type("Quote").id, p.find_tag_type("Claim").id  # codebook order 0, 1
        far = len(text) - 50  # past 10,000,000
        p.create_annotation(doc, claim, 4, 13)
        p.create_annotation(doc, quote, far, far + 9)
        p.create_annotation(doc, claim, far - 100, far - 91)
        p.create_annotation(doc, quote, 44, 53)
    session = Session()
    session.open_project(path)
    try:
        session.open_document(doc)
        panel = AnnotationTablePanel(session)
        qtbot.addWidget(panel)
        panel.show()
        panel.load(list(session.annotations.values()))
        panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        shown = [panel.proxy.index(r, 0).data(IdRole) for r in range(panel.proxy.rowCount())]
        by_id = {i: (t, s) for i, t, s in db_rows(path, "SELECT id, tag_type_id, start FROM annotations")}
        assert [by_id[i] for i in shown] == [(quote, 44), (quote, far), (claim, 4), (claim, far - 100)]
        assert [panel.proxy.index(r, 0).data() for r in range(4)] == ["Quote", "Quote", "Claim", "Claim"]
        panel.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        shown = [panel.proxy.index(r, 0).data(IdRole) for r in range(panel.proxy.rowCount())]
        assert [by_id[i] for i in shown] == [(claim, far - 100), (claim, 4), (quote, far), (quote, 44)]
    finally:
        session.close_project()
