"""Exporting onto the open project (or any other project) is refused with a clear message, and nothing else
happens: the file stays byte for byte as it was and the window keeps working."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

from desktop.store import Project
from desktop.ui import dialogs, export_dialog


def stub_export_dialog(qtbot, monkeypatch, fmt, out):
    chosen = []

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        button = dialog.format_buttons[fmt]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    def choose(parent, chosen_fmt, suggested):
        chosen.append(chosen_fmt)
        return out

    monkeypatch.setattr(export_dialog, "run_dialog", run)
    monkeypatch.setattr(export_dialog, "choose_output", choose)
    return chosen


def still_works(window, project_path):
    """The window is still on its project and a new tag reaches the file."""
    assert window.session.project is not None and window.session.path == project_path
    before = len(db_rows(project_path))
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    assert len(db_rows(project_path)) == before + 1
    assert Project.open(project_path, readonly=True).integrity_ok()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "w3c", "qdpx", "qdc"])
def test_export_dialog_refuses_the_open_project(window, project_path, qtbot, monkeypatch, dialog_log, fmt):
    window.session.flush_settings()
    saved = project_path.read_bytes()
    chosen = stub_export_dialog(qtbot, monkeypatch, fmt, project_path)
    window.statusBar().clearMessage()
    window.actions["export"].trigger()
    assert chosen == [fmt]
    assert project_path.read_bytes() == saved
    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert title == export_dialog.TITLE
    assert message.startswith("Nothing was exported: ")
    assert f"{project_path.name} is the project itself" in message
    assert window.statusBar().currentMessage() == ""
    still_works(window, project_path)


def test_export_csv_refuses_the_open_project_and_another_one(window, project_path, tmp_path, monkeypatch,
                                                             dialog_log):
    other = tmp_path / "other.claimdesk"
    Project.open(other, create=True).close()
    window.session.flush_settings()
    saved, other_saved = project_path.read_bytes(), other.read_bytes()
    for target in (project_path, other):
        monkeypatch.setattr(dialogs, "export_path", lambda parent, suggested, target=target: target)
        window.actions["export_csv"].trigger()
    assert project_path.read_bytes() == saved
    assert other.read_bytes() == other_saved
    assert [t for t, _m in dialog_log.errors] == ["Export CSV", "Export CSV"]
    first, second = (m for _t, m in dialog_log.errors)
    assert first.startswith("The CSV was not written: ") and f"{project_path.name} is the project itself" in first
    assert "other.claimdesk is an SQLite database" in second
    assert "written to" not in window.statusBar().currentMessage()
    still_works(window, project_path)
