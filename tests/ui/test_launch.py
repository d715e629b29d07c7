"""Starting the window: first run, reopening the last project, PROJECT FILE..., errors as message boxes."""

from __future__ import annotations

import sqlite3

from ui_helpers import db_rows

from desktop.app.appdata import AppSettings


def test_first_run_makes_the_sample_project(open_window, data_dir):
    window = open_window(None)
    sample = data_dir / "Sample.claimdesk"
    assert sample.exists()
    assert window.session.path == sample
    assert window.session.document is not None
    assert "Kremlin" in window.article.toPlainText()
    assert window.windowTitle().startswith("Sample")
    assert [d.title for d in window.session.summaries] == ["Sample: the Kremlin on talks with Zelenskyy"]


def test_plain_claimdesk_reopens_the_last_project(open_window, project_path):
    first = open_window(project_path)
    first.close()
    again = open_window(None)
    assert again.session.path == project_path
    assert AppSettings().recent_projects()[0] == project_path.resolve()


def test_project_and_files_are_imported(open_window, tmp_path, sample_path):
    other = tmp_path / "other.txt"
    other.write_text("Officials said the vote was legitimate.", encoding="utf-8")
    path = tmp_path / "new.claimdesk"
    window = open_window(path, [sample_path, other])
    assert path.exists()
    assert len(db_rows(path, "SELECT id FROM documents")) == 2
    assert window.documents.model.rowCount() == 2
    assert window.session.document is not None


def test_duplicate_and_unreadable_imports_are_reported(open_window, project_path, sample_path, tmp_path, dialog_log):
    bad = tmp_path / "picture.xyz"
    bad.write_bytes(b"\x89PNG")
    open_window(project_path, [sample_path, bad])
    text = dialog_log.report_text()
    assert "already in the project" in text
    assert "picture.xyz" in text


def test_not_a_project_shows_a_message_not_a_traceback(open_window, tmp_path, dialog_log):
    bad = tmp_path / "notes.claimdesk"
    bad.write_text("just some notes", encoding="utf-8")
    window = open_window(bad)
    assert window is None
    assert dialog_log.errors and "not a Claimdesk project" in dialog_log.errors[0][1]


def test_foreign_sqlite_file_is_refused_clearly(open_window, tmp_path, dialog_log):
    other = tmp_path / "other.claimdesk"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t(x)")
    conn.close()
    assert open_window(other) is None
    assert "another program" in dialog_log.errors[0][1]


def test_missing_last_project_falls_back_to_an_empty_window(open_window, tmp_path, project_path, dialog_log):
    settings = AppSettings()
    settings.add_recent(project_path)
    project_path.unlink()
    window = open_window(None)  # the recent entry no longer exists: the sample project opens instead
    assert window.session.path.name == "Sample.claimdesk"
    assert dialog_log.errors == []


def test_close_project_leaves_a_clear_empty_window(window):
    window.actions["close_project"].trigger()
    assert window.session.project is None
    assert window.windowTitle() == "Claimdesk"
    assert "No project is open" in window.article_pane.hint.text()
    assert not window.actions["import"].isEnabled()


def test_window_geometry_and_splitters_are_remembered(open_window, project_path):
    first = open_window(project_path)
    first.resize(780, 560)  # fits the offscreen test screen (800x600)
    first.main.setSizes([200, 330, 240])
    sizes = first.main.sizes()
    first.close()
    again = open_window(project_path)
    assert again.size() == first.size()
    assert again.main.sizes() == sizes


def test_six_main_widgets_have_stable_names(window):
    from PySide6.QtWidgets import QWidget

    for name in ("documentList", "articleView", "codebookPanel", "annotationForm", "annotationTable", "findBar"):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_a_project_that_cannot_open_is_also_said_on_stderr(open_window, tmp_path, dialog_log, capsys):
    bad = tmp_path / "bad.claimdesk"
    bad.write_text("just some notes", encoding="utf-8")
    assert open_window(bad) is None  # ``claimdesk bad.claimdesk`` then exits with status 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"claimdesk: error: {dialog_log.errors[0][1]}"]
    assert "not a Claimdesk project" in err[0]


def test_a_damaged_project_without_backups_is_said_on_stderr(open_window, tmp_path, dialog_log, capsys):
    damaged = tmp_path / "damaged.claimdesk"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 3996)
    assert open_window(damaged) is None
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("claimdesk: error: ")
    assert "damaged.claimdesk" in err[0]
