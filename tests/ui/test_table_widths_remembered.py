"""Column widths are remembered only from a table that was on screen: a project without annotations never
overwrites the widths the analyst chose before."""

from __future__ import annotations

from desktop.app.appdata import window_settings


def test_a_table_never_shown_saves_no_widths(open_window, project_path):
    chosen = ["80", "300", "110", "120", "80"]
    s = window_settings()
    s.setValue("annotations/columns", chosen)
    s.sync()
    window = open_window(project_path)  # the sample project without annotations: the table is not shown
    assert not window.table_panel.view.isVisible()
    window.close()
    s = window_settings()
    s.sync()
    assert [str(w) for w in s.value("annotations/columns")] == chosen
