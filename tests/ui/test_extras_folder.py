"""Import Folder with progress: counts, Stop, and a report that lists every file's fate."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from ui_helpers import db_rows

from desktop.store import Project
from desktop.ui import folder_import, report_dialog
from desktop.ui.folder_import import import_folder_with_progress
from desktop.ui.report_dialog import ReportDialog

RU = "В Кремле заявили, что легитимность Зеленского может быть поставлена под сомнение."


@pytest.fixture
def folder(tmp_path, sample_path):
    root = tmp_path / "articles"
    (root / "2024").mkdir(parents=True)
    for i in range(5):
        (root / f"a{i}.txt").write_text(f"Article number {i}: Peskov spoke about legitimacy again.", encoding="utf-8")
    (root / "2024" / "ru.txt").write_bytes(RU.encode("cp1251"))
    (root / "2024" / "copy of sample.txt").write_bytes(sample_path.read_bytes())  # already in the project
    (root / "2024" / "broken.pdf").write_bytes(b"%PDF-1.4\ncut off")
    (root / "2024" / "empty.txt").write_bytes(b"")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 32)
    return root


@pytest.fixture
def shown_reports(monkeypatch):
    shown = []
    monkeypatch.setattr(report_dialog, "show_report",
                        lambda parent, title, summary, sections: shown.append((title, summary, sections)))
    return shown


def titles_in_file(path):
    return [r[0] for r in db_rows(path, "SELECT title FROM documents ORDER BY id")]


def test_folder_is_imported_and_every_file_reported(project_path, folder, qtbot, shown_reports, monkeypatch):
    seen = []

    def watch(project, where, parent):
        progress = folder_import.FolderImportProgress(project, where, parent)
        qtbot.addWidget(progress)
        progress.fileStarted.connect(lambda done, total, name: seen.append((done, total, name, progress.labelText())))
        return progress

    monkeypatch.setattr(folder_import, "make_progress", watch)
    with Project.open(project_path) as p:
        report = import_folder_with_progress(None, p, folder)

    titles = titles_in_file(project_path)
    assert titles[1:] == ["ru", "a0", "a1", "a2", "a3", "a4"]  # sub-folders first, in name order
    assert db_rows(project_path, "SELECT text FROM documents WHERE title = 'ru'") == [(RU,)]
    assert report.total == 9 and len(report.imported) == 6
    # the dialog counted files and new documents as it went
    assert seen[0][:3] == (0, 9, "2024/broken.pdf")
    assert "File 1 of 9: 2024/broken.pdf" in seen[0][3]
    assert "6 new documents so far" in seen[-1][3] and seen[-1][2] == ""
    # the report lists every file that was not imported, with the reason
    title, summary, sections = shown_reports[-1]
    dialog = ReportDialog(title, summary, sections)
    qtbot.addWidget(dialog)
    lines = dialog.section_lines()
    assert summary.startswith("6 document(s) imported") and "1 already in the project" in summary
    assert len(lines["Could not be read"]) == 2
    assert any(line.startswith("2024/broken.pdf") for line in lines["Could not be read"])
    assert any("2024/empty.txt" in line and "empty" in line for line in lines["Could not be read"])
    assert lines["Already in the project (not imported again)"][0].startswith("2024/copy of sample.txt")
    assert "document 1" in lines["Already in the project (not imported again)"][0]
    assert lines["Imported"] == ["ru", "a0", "a1", "a2", "a3", "a4"]
    assert lines["Left out (not a kind of file Claimdesk imports)"] == ["photo.jpg"]
    assert "Could not be read (2):" in report_dialog.report_text(title, summary, sections)


def test_stop_keeps_what_came_in_and_says_how_many_were_left(project_path, folder, qtbot, shown_reports, monkeypatch):
    def stop_at_fifth(project, where, parent):
        progress = folder_import.FolderImportProgress(project, where, parent)
        qtbot.addWidget(progress)

        def maybe_stop(done, total, name):
            if done == 4:
                qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        progress.fileStarted.connect(maybe_stop)
        return progress

    monkeypatch.setattr(folder_import, "make_progress", stop_at_fifth)
    with Project.open(project_path) as p:
        report = import_folder_with_progress(None, p, folder)
    assert report.cancelled and report.processed == 4
    # broken.pdf, copy of sample.txt, empty.txt and ru.txt came first; ru is kept, nothing after the Stop came in
    assert titles_in_file(project_path)[1:] == ["ru"]
    assert "cancelled with 5 file(s) left" in shown_reports[-1][1]


def test_read_only_project_imports_nothing(project_path, folder, dialog_log, shown_reports):
    with Project.open(project_path, readonly=True) as p:
        assert import_folder_with_progress(None, p, folder) is None
    assert "read-only" in dialog_log.errors[-1][1]
    assert len(titles_in_file(project_path)) == 1 and not shown_reports


def test_not_a_folder_is_a_clear_message(project_path, tmp_path, dialog_log, shown_reports):
    with Project.open(project_path) as p:
        assert import_folder_with_progress(None, p, tmp_path / "missing") is None
    assert "not a folder" in dialog_log.errors[-1][1]
