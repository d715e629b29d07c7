"""Import files chosen or dropped by the analyst: articles (text, web pages, Word, PDF) and annotated exchange
files (brat ``.ann``, JSON Lines, our CSV, W3C JSON-LD, REFI-QDA ``.qdpx``/``.qdc``), each through
``desktop.formats.importing.import_path``.

Nothing is dropped silently: at the end a report lists every file that was already in the project or could not
be read (with why), and every annotation an exchange file carried that could not be placed. Several files get a
progress dialog that can be stopped. ``choose_files`` is the module's file chooser, replaceable in tests; the
report goes through ``report_dialog.show_report``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget

from desktop.domain.model import ClaimdeskError
from desktop.formats.importing import PROJECT_IMPORTERS, READERS, ImportResult, import_path
from desktop.store.errors import DuplicateDocument, ProjectError
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
    results: list[ImportResult] = []
    skipped: list[str] = []
    failed: list[str] = []
    problems: list[str] = []
    imported: list[str] = []
    stopped = ""
    progress = _progress(parent, len(paths))
    try:
        for i, path in enumerate(paths):
            if progress is not None:
                if progress.wasCanceled():
                    stopped = f"Stopped with {len(paths) - i} file(s) left."
                    break
                progress.setLabelText(f"File {i + 1} of {len(paths)}: {path.name}")
                progress.setValue(i)
                QApplication.processEvents()
            try:
                result = import_path(project, path)
            except DuplicateDocument as exc:
                skipped.append(f"{path.name}: {exc}")
                continue
            except ProjectError as exc:
                stopped = f"The import stopped at {path.name}: {exc}."
                failed.append(f"{path.name}: {exc}")
                break
            except (ClaimdeskError, OSError) as exc:
                failed.append(f"{path.name}: {exc}" if path.name not in str(exc) else str(exc))
                continue
            except sqlite3.Error:
                raise
            except Exception as exc:  # a reader library choking on one odd file must not end the whole run
                failed.append(f"{path.name} could not be read ({exc.__class__.__name__}: {str(exc)[:120]})")
                continue
            results.append(result)
            imported.extend(f"{d.title} (from {path.name})" for d in result.documents)
            if not result.documents and result.annotations:
                imported.append(f"{result.annotations} annotation(s) from {path.name}")
            problems.extend(f"{path.name}: {p}" for p in result.problems)
    finally:
        if progress is not None:
            progress.close()
            progress.deleteLater()
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
