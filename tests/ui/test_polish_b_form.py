"""The form's rows keep their place whichever type is shown."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from ui_helpers import select_text


def _y(window, widget):
    return widget.mapTo(window.form, QPoint(0, 0)).y()


def test_type_row_does_not_move_between_types(window, qtbot):
    view = window.article
    form = window.form
    select_text(view, "Dmitry Peskov")
    QTest.keyClick(view, "1")
    quote_id = window.session.selected_id
    select_text(view, "Zelenskyy’s legitimacy can be questioned")
    QTest.keyClick(view, "3")
    legit_id = window.session.selected_id
    ys = []
    for ann_id in (quote_id, legit_id, quote_id):
        window.session.select(ann_id)
        qtbot.wait(10)
        ys.append((_y(window, form.type_combo), _y(window, form.quote)))
    assert ys[0] == ys[1] == ys[2]
    window.session.select(legit_id)
    qtbot.wait(10)
    assert _y(window, form.speaker) > _y(window, form.type_combo)
