"""Remembering the window between runs: geometry, splitter sizes, table column widths."""

from __future__ import annotations

from desktop.app.appdata import window_settings


def restore(window) -> bool:
    """Restore geometry and splitters; returns False when nothing was saved yet (first run)."""
    s = window_settings()
    geometry = s.value("window/geometry")
    if geometry is None:
        return False
    window.restoreGeometry(geometry)
    for name, splitter in window.splitters.items():
        state = s.value(f"splitter/{name}")
        if state is not None:
            splitter.restoreState(state)
    widths = s.value("annotations/columns")
    if isinstance(widths, list):
        window.table_panel.restore_column_widths(widths)  # used once the table has its size, if they fit
    return True


def save(window) -> None:
    s = window_settings()
    s.setValue("window/geometry", window.saveGeometry())
    for name, splitter in window.splitters.items():
        s.setValue(f"splitter/{name}", splitter.saveState())
    widths = window.table_panel.column_widths()
    if widths:  # a table never shown (a project without annotations) keeps the widths saved before
        s.setValue("annotations/columns", [str(w) for w in widths])
    s.sync()
