"""The banner at the top of the real window, and what a read-only project or a refused write does: nothing
reaches the file, the analyst is told, reading and exporting still work."""

from __future__ import annotations

import csv
import hashlib
import os
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

from desktop.ui import dialogs


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def readonly_path(project_path):
    os.chmod(project_path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield project_path
    os.chmod(project_path, stat.S_IRUSR | stat.S_IWUSR)


def test_writable_project_has_no_banner(window):
    assert not window.banner.isVisible()
    column = window.centralWidget().layout()
    assert column.itemAt(0).widget() is window.banner and column.itemAt(1).widget() is window.main


def test_read_only_file_shows_the_banner_and_a_tag_key_changes_nothing(open_window, readonly_path, tmp_path,
                                                                       monkeypatch):
    before = sha(readonly_path)
    window = open_window(readonly_path)
    assert window.banner.isVisible() and window.banner.level == "readonly"
    assert window.banner.text().startswith("Read-only: work.claimdesk is a read-only file")
    assert window.banner.mapTo(window, window.banner.rect().topLeft()).y() <= window.menuBar().height() + 2
    assert "(read-only)" in window.windowTitle()
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    assert sha(readonly_path) == before
    assert window.table_panel.model.rowCount() == 0 and not window.article.index
    assert "read-only" in window.statusBar().currentMessage()
    for name in ("paste_document", "import", "import_folder", "restore_backup", "correct_text"):
        assert not window.actions[name].isEnabled(), name
    for name in ("export", "export_csv", "save_copy", "document_history", "document_properties", "search"):
        assert window.actions[name].isEnabled(), name
    # Reading and exporting still work.
    out = tmp_path / "out.csv"
    monkeypatch.setattr(dialogs, "export_path", lambda parent, suggested: out)
    window.actions["export_csv"].trigger()
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert list(csv.DictReader(fh)) == []
    assert sha(readonly_path) == before


def test_a_second_window_on_the_same_project_is_read_only_and_says_why(open_window, project_path):
    first = open_window(project_path)
    second = open_window(project_path)
    assert not first.banner.isVisible()
    assert second.banner.isVisible() and "another window of this Claimdesk" in second.banner.text()
    assert not second.banner.dismiss_button.isVisible()


def test_banner_goes_when_a_writable_project_is_opened(open_window, readonly_path, tmp_path, monkeypatch):
    window = open_window(readonly_path)
    assert window.banner.isVisible()
    other = tmp_path / "other.claimdesk"
    monkeypatch.setattr(dialogs, "new_project_path", lambda parent, start=None: other)
    window.actions["new"].trigger()
    assert window.session.path == other and not window.banner.isVisible()
    assert window.actions["paste_document"].isEnabled()


def test_full_disk_the_note_is_not_saved_and_the_window_says_so(window, project_path, qtbot):
    s = window.session
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    ann_id = s.selected_id
    pages = s.project.db.execute("PRAGMA page_count").fetchone()[0]
    s.project.db.execute(f"PRAGMA max_page_count = {pages}")
    window.form.note.setPlainText("a very long note " * 4000)
    window.form.commit()
    assert db_rows(project_path, f"SELECT note FROM annotations WHERE id = {ann_id}") == [("",)]
    assert window.form.unsaved.isVisible() and "disk is full" in window.form.unsaved.text()
    assert window.banner.isVisible() and window.banner.level == "failure"
    assert window.banner.text().startswith("The disk is full; the change was not saved")
    assert window.form.unsaved.text().startswith("The disk is full; the change was not saved")
    assert window.table_panel.model.annotation_at(0).note == ""  # the table shows what the file holds
    # Room again: the next change is saved, and the warnings go.
    s.project.db.execute("PRAGMA max_page_count = 1073741823")
    window.form.commit()
    assert db_rows(project_path, f"SELECT length(note) FROM annotations WHERE id = {ann_id}") == [(17 * 4000,)]
    assert not window.form.unsaved.isVisible() and not window.banner.isVisible()


def test_failure_banner_can_be_dismissed(window, qtbot):
    s = window.session
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    pages = s.project.db.execute("PRAGMA page_count").fetchone()[0]
    s.project.db.execute(f"PRAGMA max_page_count = {pages}")
    s.edit(s.selected_id, note="x" * 100_000)
    assert window.banner.isVisible()
    qtbot.mouseClick(window.banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    s.project.db.execute("PRAGMA max_page_count = 1073741823")
