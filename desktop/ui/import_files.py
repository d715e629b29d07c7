"""Import files chosen or dropped by the analyst: articles (text, web pages, Word, PDF) and annotated exchange
files (brat ``.ann``, JSON Lines, our CSV, W3C JSON-LD, REFI-QDA ``.qdpx``/``.qdc``), each through
the operations layer's one import policy (``desktop.ops.imports``).

Nothing is dropped silently: at the end a report lists every file that was already in the project or could not
be read (with why), and every annotation an exchange file carried that could not be placed. Several files get a
progress dialog that can be stopped. ``choose_files`` is the module's file chooser, replaceable in tests; the
report goes through ``report_dialog.show_report``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget

from desktop.ops.imports import PROJECT_IMPORTERS, READERS, ImportResult
from desktop.ops.imports import import_files as import_paths
from desktop.ui import dialogs, report_dialog
from desktop.ui.report_dialog import Section

TITLE = "Import"
PROGRESS_FROM = 3  # files; fewer are imported without a progress dialog


def file_filter() -> str:
    annotated = " ".join(f"*{s}" for s in sorted(PROJECT_IMPORTERS))
    articles = " ".join(f"*{s}" for s in sorted(READERS))
    return (f"Everything Claimdesk imports ({articles} {annotated});;Articles ({articles});;"
            f"Annotated files: brat, JSON Lines, CSV, W3C, REFI-QDA ({annotated});;All files (*)")


def choose_files(parent: QWidget | None, start: Path | None = None) -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import articles or annotated files", str(start or Path.home()),
                                            file_filter())
    return [Path(p) for p in paths]


def _progress(parent: QWidget | None, total: int) -> QProgressDialog | None:
    if total < PROGRESS_FROM:
        return None
    dialog = QProgressDialog("Importing\u2026", "Stop", 0, total, parent)
    dialog.setObjectName("importProgress")
    dialog.setWindowTitle(TITLE)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def import_files(parent: QWidget | None, project, paths: list[Path],
                 status: Callable[[str], None] | None = None) -> list[ImportResult]:
    """Import each file; returns what each successful import brought (documents, annotation count, problems).

    A report is shown when anything was not imported or not placed; otherwise ``status`` gets a one-line
    summary. A failure of the project itself (read-only, disk full) stops the run, keeping what came in."""
    paths = [Path(p) for p in paths]
    if not paths:
        return []
    if project.readonly:
        dialogs.show_error(parent, TITLE, f"The project is open read-only ({project.readonly_reason}); "
                                          f"nothing can be imported.")
        return []
    progress = _progress(parent, len(paths))

    def step(done: int, total: int, name: str) -> bool:
        if progress is None:
            return True
        if progress.wasCanceled():
            return False
        if name:
            progress.setLabelText(f"File {done + 1} of {total}: {name}")
        progress.setValue(done)
        QApplication.processEvents()
        return True

    try:
        report = import_paths(project, paths, progress=step)
    finally:
        if progress is not None:
            progress.close()
            progress.deleteLater()
    skipped = [o.reason for o in report.of("skipped")]
    failed = [o.reason for o in report.of("failed")]
    problems = report.problems
    imported = [f"{d.title} (from {o.path.name})" for o in report.of("imported") for d in o.documents]
    imported += [f"{o.annotations} annotation(s) from {o.path.name}" for o in report.of("imported")
                 if not o.documents and o.annotations]
    results = [ImportResult(o.documents, o.annotations, o.problems) for o in report.of("imported")]
    stopped = report.stopped
    summary = _summary(results, skipped, failed, stopped)
    if skipped or failed or problems or stopped:
        sections = [
            Section("Could not be read", failed, "problem"),
            Section("Annotations that could not be placed", problems, "warning"),
            Section("Already in the project (not imported again)", skipped, "warning"),
            Section("Imported", imported, "ok"),
        ]
        report_dialog.show_report(parent, TITLE, summary, sections)
    elif status is not None:
        status(summary)
    return results


def _summary(results: list[ImportResult], skipped: list[str], failed: list[str], stopped: str) -> str:
    docs = sum(len(r.documents) for r in results)
    anns = sum(r.annotations for r in results)
    parts = [f"{docs} document{'s' if docs != 1 else ''} imported"]
    if anns:
        parts.append(f"{anns} annotation{'s' if anns != 1 else ''}")
    if skipped:
        parts.append(f"{len(skipped)} already in the project")
    if failed:
        parts.append(f"{len(failed)} could not be read")
    text = ", ".join(parts) + "."
    return f"{text} {stopped}" if stopped else text
