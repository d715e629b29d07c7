"""Starting the window: ``claimdesk`` reopens the last project (the first time, a sample project);
``claimdesk PROJECT FILE...`` opens PROJECT, creating it if missing, with FILEs imported."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.app.appdata import APP_NAME, AppSettings, sample_project_path
from desktop.domain.model import ClaimdeskError


def ensure_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName(APP_NAME)
        app.setOrganizationName(APP_NAME)
        app.setDesktopFileName("claimdesk")
        from desktop.ui.icons import app_icon

        app.setWindowIcon(app_icon())
    return app


from desktop.ops.documents import SAMPLE_OUTLET, SAMPLE_TITLE, make_sample_project  # noqa: E402,F401


def choose_project(project_path: Path | None, settings: AppSettings) -> tuple[Path, bool]:
    """Which project to open, and whether to create it if missing."""
    if project_path is not None:
        return Path(project_path), True
    last = settings.last_project()
    if last is not None:
        return last, False
    sample = sample_project_path()
    if not sample.exists():
        make_sample_project(sample)
    return sample, False


def open_main_window(project_path: Path | None = None, files: list[Path] | None = None,
                     settings: AppSettings | None = None):
    """Build and show the window on the right project; returns the window (or None if it could not start)."""
    from desktop.ui import dialogs
    from desktop.ui.main_window import MainWindow

    ensure_app()
    settings = settings or AppSettings()
    window = MainWindow(settings)
    window.show()
    try:
        path, create = choose_project(project_path, settings)
    except (ClaimdeskError, OSError) as exc:
        dialogs.show_error(window, "Cannot make the sample project", str(exc))
        return window
    if not window.open_project(path, create=create, restore=not files):
        if project_path is not None:
            # Started from a shell with a project named: say it there too, as every claimdesk command does.
            print(f"claimdesk: error: {window.open_error or f'cannot open {path}'}", file=sys.stderr)
            window.close()
            return None
        settings.remove_recent(path)
        return window
    if files:
        window.import_documents([Path(f) for f in files])
        if window.session.document is None:
            window.restore_place()
    return window


def run(project_path: Path | None, files: list[Path]) -> int:
    """Entry point of ``claimdesk`` without a sub-command; returns the exit status."""
    app = ensure_app()
    window = open_main_window(project_path, list(files or []))
    if window is None:
        return 1
    return app.exec()
