"""The File menu. Other menus can be added the same way: a function that takes the window and fills a menu.

Actions are also kept in ``window.actions`` by name, so later features can find and extend them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu


def add_action(window, menu: QMenu, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    action.setObjectName(f"action_{name}")
    if shortcut is not None:
        if isinstance(shortcut, (list, tuple)):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.actions[name] = action
    return action


def add_menu(window, title: str, name: str) -> QMenu:
    """A menu of the window's menu bar, named for tests and style sheets."""
    menu = window.menuBar().addMenu(title)
    menu.setObjectName(name)
    return menu


def build_file_menu(window) -> QMenu:
    menu = add_menu(window, "&File", "fileMenu")
    add_action(window, menu, "new", "&New Project\u2026", window.new_project, QKeySequence.StandardKey.New,
               "Create an empty project file")
    add_action(window, menu, "open", "&Open Project\u2026", window.open_project_dialog, QKeySequence.StandardKey.Open,
               "Open a project file")
    recent = menu.addMenu("Open &Recent")
    recent.setObjectName("recentMenu")
    recent.aboutToShow.connect(lambda: fill_recent_menu(window, recent))
    window.recent_menu = recent
    menu.addSeparator()
    extras = window.extras
    add_action(window, menu, "paste_document", "New Document from &Clipboard\u2026", extras.paste_document,
               "Ctrl+Shift+V", "Make a new document from the text on the clipboard")
    add_action(window, menu, "import", "&Import Documents\u2026", window.import_documents, "Ctrl+I",
               "Import articles (text, web pages, Word, PDF) or annotated files (brat, JSON Lines, CSV, W3C, "
               "REFI-QDA); you can also drop files on the window")
    add_action(window, menu, "import_folder", "Import &Folder\u2026", extras.import_folder, "Ctrl+Shift+I",
               "Import every article in a folder and its subfolders")
    menu.addSeparator()
    add_action(window, menu, "export", "E&xport\u2026", extras.export, "Ctrl+Shift+E",
               "Export annotations as CSV, JSON Lines, W3C Web Annotation, brat or REFI-QDA")
    add_action(window, menu, "export_csv", "&Export CSV\u2026", window.export_csv, "Ctrl+E",
               "Export every annotation of the project to a CSV file")
    menu.addSeparator()
    add_action(window, menu, "save_copy", "Save a Cop&y\u2026", extras.save_copy, "Ctrl+Shift+S",
               "Write a complete copy of the project to another file")
    add_action(window, menu, "restore_backup", "Restore from &Backup\u2026", extras.restore_backup,
               tip="Put back one of the project's backups (the current state is kept as a backup first)")
    menu.addSeparator()
    add_action(window, menu, "close_project", "&Close Project", window.close_project, QKeySequence.StandardKey.Close,
               "Close the project (everything is already saved)")
    add_action(window, menu, "quit", "&Quit", window.close, QKeySequence.StandardKey.Quit)
    return menu


def fill_recent_menu(window, menu: QMenu) -> None:
    menu.clear()
    paths = window.app_settings.recent_projects()
    if not paths:
        empty = menu.addAction("No recent projects")
        empty.setEnabled(False)
        return
    for i, path in enumerate(paths):
        label = f"&{i + 1 if i < 9 else 0}  {path.name}" if i < 10 else path.name
        action = menu.addAction(label)
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.setEnabled(Path(path).exists())
        action.triggered.connect(lambda _checked=False, p=path: window.open_project(p))
    menu.addSeparator()
    clear = menu.addAction("Clear List")
    clear.triggered.connect(lambda: window.app_settings.set("recent", []))
