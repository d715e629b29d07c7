"""Import Folder: every article under a folder, with a progress dialog that counts and can be cancelled, and a
report at the end listing what was imported, what was already there and what could not be read (with why).

Each file is committed on its own, so a cancelled run keeps what it brought in. ``choose_folder`` and
``make_progress`` are the module's outside calls (tests replace or watch them); the report goes through
``report_dialog.show_report``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget

from desktop.domain.model import ClaimdeskError
from desktop.ops.imports import FolderReport, import_folder
from desktop.ui import dialogs, report_dialog
from desktop.ui.report_dialog import Section

TITLE = "Import Folder"


def choose_folder(parent: QWidget | None, start: Path | None = None) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, "Import every article in a folder", str(start or Path.home()))
    return Path(path) if path else None


class FolderImportProgress(QProgressDialog):
    """Counts files as they are imported; Cancel stops before the next file."""

    fileStarted = Signal(int, int, str)  # done, total, the file's place in the folder

    def __init__(self, project, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.setObjectName("folderImportProgress")
        self.setWindowTitle(TITLE)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(460)
        self.setCancelButtonText("Stop")
        self.setLabelText(f"Looking for articles in {Path(folder).name}\u2026")
        self._before = project.document_count()

    def update_progress(self, done: int, total: int, name: str) -> bool:
        """The progress callback of ``import_folder``: returns False once the analyst pressed Stop."""
        if self.wasCanceled():
            return False
        self.setMaximum(max(total, 1))
        new = self.project.document_count() - self._before
        so_far = f"{new} new document{'s' if new != 1 else ''} so far"
        if name:
            self.setLabelText(f"File {done + 1} of {total}: {name}\n{so_far}")
        else:
            self.setLabelText(f"{total} file{'s' if total != 1 else ''} done\n{so_far}")
        self.setValue(done)
        self.fileStarted.emit(done, total, name)
        QApplication.processEvents()
        return not self.wasCanceled()


def make_progress(project, folder: Path, parent: QWidget | None) -> FolderImportProgress:
    return FolderImportProgress(project, folder, parent)


def report_sections(report: FolderReport) -> list[Section]:
    """What the end-of-import report lists, section by section."""
    return [
        Section("Could not be read", [e.reason for e in report.failed], "problem"),
        Section("Annotations that could not be placed", list(report.problems), "warning"),
        Section("Already in the project (not imported again)", [e.reason for e in report.skipped], "warning"),
        Section("Imported", [d.title for d in report.imported], "ok"),
        Section("Left out (not a kind of file Claimdesk imports)", [_relative(p, report.folder) for p in report.ignored],
                "ok"),
    ]


def import_folder_with_progress(parent: QWidget | None, project, folder: Path) -> FolderReport | None:
    """Import a folder recursively; returns the report (also when stopped), or None when nothing could start.

    A failure of the project itself (read-only, disk full) stops the run; what came in before it stays."""
    folder = Path(folder)
    if project.readonly:
        dialogs.show_error(parent, TITLE, f"The project is open read-only ({project.readonly_reason}); "
                                          f"nothing can be imported.")
        return None
    progress = make_progress(project, folder, parent)
    before = project.document_count()
    try:
        progress.show()
        report = import_folder(project, folder, progress.update_progress)
    except ClaimdeskError as exc:
        progress.close()
        added = project.document_count() - before
        kept = f" The {added} document{'s' if added != 1 else ''} imported before it stopped are kept." if added else ""
        dialogs.show_error(parent, TITLE, f"The import stopped: {exc}.{kept}")
        return None
    finally:
        progress.close()
        progress.deleteLater()
    report_dialog.show_report(parent, TITLE, _summary(report), report_sections(report))
    return report


def _summary(report: FolderReport) -> str:
    if report.total == 0 and not report.failed:
        return f"{report.folder.name} holds no articles Claimdesk can import."
    return report.summary()[0].upper() + report.summary()[1:] + "."


def _relative(path: Path, folder: Path) -> str:
    try:
        return str(Path(path).relative_to(folder))
    except ValueError:
        return Path(path).name
