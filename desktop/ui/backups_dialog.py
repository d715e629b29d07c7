"""File > Save a Copy, and File > Restore from Backup: the project's backups listed with their date, kind and
what they hold; the chosen one replaces the project after a confirmation (the current state is kept as a backup
first, so a restore can itself be undone by restoring that one).

A restore replaces the file, so the window closes the project first (``before_restore``) and opens it again
afterwards. ``choose_copy_path`` and ``run_dialog`` are the module's modal calls; confirmations and messages go
through ``dialogs``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import ClaimdeskError
from desktop.ops.backups import restore as restore_file
from desktop.ops.queries import KIND_LABELS, Backup, backup_counts, backups_dir, list_backups
from desktop.ui import dialogs
from desktop.ui.dialog_parts import ok_cancel_buttons, run_dialog

PROJECT_FILTER = "Claimdesk projects (*.claimdesk)"
COLUMNS = ("Taken", "Why", "Documents", "Annotations", "Size")


def choose_copy_path(parent: QWidget | None, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save a Copy", str(suggested), PROJECT_FILTER)
    return Path(path) if path else None


def save_copy(parent: QWidget | None, project) -> Path | None:
    """Write a complete copy of the open project to a file the analyst names; returns it (None if cancelled)."""
    suggested = project.path.with_name(f"{project.path.stem} copy.claimdesk")
    dest = choose_copy_path(parent, suggested)
    if dest is None:
        return None
    if not dest.suffix:
        dest = dest.with_suffix(".claimdesk")
    try:
        return project.save_copy(dest)
    except ClaimdeskError as exc:
        dialogs.show_error(parent, "Save a Copy", f"The copy was not saved: {exc}")
        return None


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return str(n)


class BackupsDialog(QDialog):
    """The backups of a project, newest first; the chosen one is in ``chosen`` after Restore."""

    def __init__(self, project_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.project_path = Path(project_path)
        self.backups: list[Backup] = list_backups(self.project_path)
        self.chosen: Backup | None = None
        self.setObjectName("backupsDialog")
        self.setWindowTitle(f"Restore {self.project_path.name} from a Backup")
        self.resize(700, 360)
        intro = QLabel(f"Backups are kept in the folder {backups_dir(self.project_path).name} beside the project. "
                       f"Restoring one replaces the project's content with it; the current content is kept as a "
                       f"backup first.", self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), len(COLUMNS), self)
        self.table.setObjectName("backupsTable")
        self.table.setAccessibleName("Backups")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, b in enumerate(self.backups):
            counts = backup_counts(b.path)
            values = (b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), KIND_LABELS.get(b.kind, b.kind),
                      f"{counts.documents:,}" if counts else "unreadable",
                      f"{counts.annotations:,}" if counts else "", _size(b.size))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(str(b.path))
                if col in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons = ok_cancel_buttons(self, "Restore\u2026")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        if self.backups:
            self.table.selectRow(0)
        self._selection_changed()

    @property
    def restore_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def rows(self) -> list[tuple[str, ...]]:
        return [tuple(self.table.item(r, c).text() for c in range(len(COLUMNS))) for r in range(self.table.rowCount())]

    def accept(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.backups[rows[0].row()]
        super().accept()


@dataclass
class RestoreOutcome:
    """What a restore did. True when the project now holds the backup; ``reopen`` says the window closed the
    project for it and must open ``path`` again (also after a failure)."""

    path: Path
    backup: Backup
    restored: bool
    reopen: bool
    kept: Backup | None = None  # the project's previous state, kept as a backup
    error: str = ""

    def __bool__(self) -> bool:
        return self.restored

    def message(self) -> str:
        if not self.restored:
            return f"The backup was not restored: {self.error}"
        kept = f"; the previous state is kept as the backup of {self.kept.label}" if self.kept else ""
        return f"{self.path.name} was restored from the backup of {self.backup.label}{kept}."


def restore_backup(parent: QWidget | None, project_path: Path,
                   before_restore: Callable[[], None] | None = None) -> RestoreOutcome | None:
    """Let the analyst choose a backup, confirm, then replace the project with it.

    ``before_restore`` runs after the confirmation and before the file is replaced: the window passes its
    close-project method, since an open project cannot be replaced. None when the analyst chose nothing."""
    project_path = Path(project_path)
    title = "Restore from Backup"
    if not list_backups(project_path):
        dialogs.show_info(parent, title, f"{project_path.name} has no backups yet. Claimdesk keeps one each time a "
                                         f"changed project is opened, and File \u203a Save a Copy writes one "
                                         f"wherever you like.")
        return None
    dialog = BackupsDialog(project_path, parent)
    try:
        chosen = dialog.chosen if run_dialog(dialog) else None
    finally:
        dialog.deleteLater()
    if chosen is None:
        return None
    question = (f"Replace the content of {project_path.name} with the backup of {chosen.label}?\n\n"
                f"Everything changed since then is replaced. The current content is first kept as a backup, so "
                f"you can go back to it the same way.")
    if not dialogs.confirm(parent, title, question, "Restore"):
        return None
    closed = False
    if before_restore is not None:
        before_restore()
        closed = True
    try:
        kept = restore_file(project_path, chosen.path)
    except ClaimdeskError as exc:
        outcome = RestoreOutcome(project_path, chosen, restored=False, reopen=closed, error=str(exc))
        dialogs.show_error(parent, title, outcome.message())
        return outcome
    return RestoreOutcome(project_path, chosen, restored=True, reopen=True, kept=kept)
