"""The annotation table fits the right-hand panel of a 1280 px window: every column on screen, Text the widest."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import select_text

from desktop.app.appdata import window_settings
from desktop.ui.annotation_model import COLUMNS

LEGIT = "Zelenskyy’s legitimacy can be questioned"


def tag_legitimacy(window):
    select_text(window.article, LEGIT)
    window.article.setFocus()
    QTest.keyClick(window.article, "3")
    ann_id = window.session.selected_id
    window.session.edit(ann_id, speaker="Dmitry Sergeyevich Peskov, Kremlin spokesman",
                        target="Volodymyr Oleksandrovych Zelenskyy", stance="questions",
                        note="Repeats the line that his term ran out in May 2024 under martial law.")
    return ann_id


def assert_columns_fit(panel):
    view, header = panel.view, panel.view.horizontalHeader()
    right_edge = view.viewport().width()
    for col, name in enumerate(COLUMNS):
        assert not header.isSectionHidden(col), name
        assert header.sectionViewportPosition(col) >= 0, name
        assert header.sectionViewportPosition(col) + header.sectionSize(col) <= right_edge, name
        assert header.sectionSize(col) >= 40, name
    assert not view.horizontalScrollBar().isVisible()
    widths = panel.column_widths()
    assert widths[1] == max(widths)  # Text is the widest column
    assert widths[0] < 100  # Type: the swatch and a short name


def test_all_columns_fit_at_1280_and_cells_show_full_text_as_tooltips(window, qtbot):
    assert window.width() == 1280
    tag_legitimacy(window)
    panel = window.table_panel
    qtbot.waitUntil(panel.view.isVisible)
    assert_columns_fit(panel)
    index = panel.proxy.index(0, 0)
    tips = [panel.proxy.index(0, c).data(Qt.ItemDataRole.ToolTipRole) for c in range(len(COLUMNS))]
    assert index.data() == "Legitimacy assertion" and tips[0] == "Legitimacy assertion"
    assert tips[1:] == [LEGIT, "Dmitry Sergeyevich Peskov, Kremlin spokesman", "Volodymyr Oleksandrovych Zelenskyy",
                        "questions", "Repeats the line that his term ran out in May 2024 under martial law."]


def test_old_wide_saved_widths_are_ignored(open_window, project_path, qtbot):
    first = open_window(project_path)
    first.close()  # saves the window's layout
    s = window_settings()
    s.setValue("annotations/columns", ["132", "190", "120", "130", "80", "160"])  # as saved by older versions
    s.sync()
    window = open_window(project_path)
    tag_legitimacy(window)
    qtbot.waitUntil(window.table_panel.view.isVisible)
    assert_columns_fit(window.table_panel)


def test_widths_the_analyst_chose_come_back(open_window, project_path, qtbot):
    window = open_window(project_path)
    tag_legitimacy(window)
    header = window.table_panel.view.horizontalHeader()
    qtbot.waitUntil(window.table_panel.view.isVisible)
    header.resizeSection(2, 90)  # as a drag on the header does
    chosen = window.table_panel.column_widths()
    window.close()
    again = open_window(project_path)
    qtbot.waitUntil(again.table_panel.view.isVisible)
    assert again.table_panel.column_widths()[2] == 90
    assert [w for c, w in enumerate(again.table_panel.column_widths()) if c != 1] == [
        w for c, w in enumerate(chosen) if c != 1]
