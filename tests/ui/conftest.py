"""Fixtures for driving the real window offscreen. Every modal question is replaced by a stub; an unexpected one
fails the test instead of blocking it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.formats.importing import import_file
from desktop.store import Project

sys.path.insert(0, str(Path(__file__).resolve().parent))  # ui_helpers (tests run with --import-mode=importlib)


class DialogLog:
    def __init__(self):
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.confirms: list[str] = []
        self.confirm_answer = True
        self.field_renames: list[tuple[str, str, str, int]] = []  # type, old name, new name, annotations holding one
        self.rename_answer: str | None = "carry"  # dialogs.CARRY_VALUES, dialogs.KEEP_VALUES or None (cancel)
        self.annotator = "Tester"
        self.color = "#123456"
        self.asked_annotator = 0
        self.reports: list[tuple[str, str, dict[str, list[str]]]] = []  # title, summary, lines by heading

    def report_text(self) -> str:
        return "\n".join(f"{summary}\n" + "\n".join(line for lines in sections.values() for line in lines)
                         for _title, summary, sections in self.reports)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "appdata"
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def dialog_log(monkeypatch):
    from desktop.ui import backups_dialog, dialogs, export_dialog, folder_import, import_files, report_dialog

    log = DialogLog()

    def ask_annotator(parent, current=""):
        log.asked_annotator += 1
        return log.annotator

    def confirm(parent, title, message, action):
        log.confirms.append(message)
        return log.confirm_answer

    def ask_field_rename(parent, type_name, old, new, count):
        log.field_renames.append((type_name, old, new, count))
        return log.rename_answer

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args!r}")

    def show_report(parent, title, summary, sections):
        log.reports.append((title, summary, {sec.heading: list(sec.lines) for sec in sections if sec.lines}))

    monkeypatch.setattr(report_dialog, "show_report", show_report)
    # The modal choosers of the window's extras: a test that reaches one without naming its answer fails.
    for module, name in ((import_files, "choose_files"), (folder_import, "choose_folder"),
                         (export_dialog, "choose_output"), (backups_dialog, "choose_copy_path")):
        monkeypatch.setattr(module, name, unexpected)
    monkeypatch.setattr(dialogs, "ask_annotator", ask_annotator)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: log.errors.append((title, message)))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, message: log.infos.append((title, message)))
    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "ask_field_rename", ask_field_rename)
    monkeypatch.setattr(dialogs, "pick_color", lambda parent, initial: log.color)
    for name in ("open_project_path", "new_project_path", "export_path", "ask_text"):
        monkeypatch.setattr(dialogs, name, unexpected)
    return log


@pytest.fixture
def project_path(tmp_path, sample_path):
    path = tmp_path / "work.claimdesk"
    with Project.open(path, create=True) as p:
        import_file(p, sample_path)
    return path


@pytest.fixture
def open_window(qtbot):
    """open_window(path, files=()) -> a shown MainWindow, closed at the end of the test."""
    from desktop.ui.launch import open_main_window

    windows = []

    def opener(path=None, files=()):
        window = open_main_window(path, list(files))
        if window is not None:
            qtbot.addWidget(window)
            windows.append(window)
            window.activateWindow()
            qtbot.waitExposed(window)
            qtbot.waitUntil(window.isActiveWindow)  # window shortcuts (Ctrl+...) reach only the active window
        return window

    yield opener
    for w in windows:
        if w.session.project is not None:
            w.close()


@pytest.fixture
def window(open_window, project_path):
    return open_window(project_path)
