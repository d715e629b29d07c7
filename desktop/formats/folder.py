"""Importing a whole folder of articles, recursively, reporting every file's fate.

Every file of a kind Claimdesk imports is imported in turn (each committed on its own, so a cancelled or failed
run keeps what it brought in). A file whose text is already in the project is *skipped* (same sha256), a file that
cannot be read is *failed* with its reason, and the run goes on. Files of other kinds (images, style sheets,
scripts) are *ignored*, as are hidden files, Word's ``~$`` lock files, the companion folder a browser writes beside
a page saved as "web page, complete" (``Article_files`` beside ``Article.html``), and a brat ``NAME.txt`` whose
``NAME.ann`` brings it in with its annotations.

``progress(done, total, name)`` is called before each file and once at the end with ``name`` empty; returning
``False`` cancels before the next file.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.model import ClaimdeskError, Document
from desktop.formats.importing import PROJECT_IMPORTERS, READERS, import_path
from desktop.formats.textfile import UnreadableDocument
from desktop.store.errors import DuplicateDocument, ProjectError

Progress = Callable[[int, int, str], "bool | None"]

_HTML = (".html", ".htm", ".xhtml")
# How browsers name the folder of a page saved complete, after the page's own name.
_COMPANION = re.compile(r"^[_\-. ](?:files?|dateien|fichiers|archivos|arquivos|bestanden|filer|tiedostot|pliki|"
                        r"soubory|fájlok|dosyalar|файлы|файли|檔案|文件)$", re.I)


@dataclass
class FolderEntry:
    path: Path
    reason: str
    existing_id: int | None = None  # for a duplicate: the document that already holds its text


@dataclass
class FolderReport:
    folder: Path
    total: int = 0
    imported: list[Document] = field(default_factory=list)
    imported_files: list[Path] = field(default_factory=list)  # the files those documents came from
    annotations: int = 0
    skipped: list[FolderEntry] = field(default_factory=list)  # already in the project
    failed: list[FolderEntry] = field(default_factory=list)  # could not be read, with the reason
    ignored: list[Path] = field(default_factory=list)  # not a kind Claimdesk imports
    problems: list[str] = field(default_factory=list)  # warnings about annotations in exchange files
    cancelled: bool = False
    processed: int = 0  # files dealt with (imported, skipped or failed) before the end or a cancel

    def summary(self) -> str:
        parts = [f"{len(self.imported)} document(s) imported"]
        if self.annotations:
            parts.append(f"{self.annotations} annotation(s)")
        if self.skipped:
            parts.append(f"{len(self.skipped)} already in the project")
        if self.failed:
            parts.append(f"{len(self.failed)} could not be read")
        if self.cancelled:
            parts.append(f"cancelled with {self.total - self.processed} file(s) left")
        return ", ".join(parts)


def importable_suffixes() -> set[str]:
    return set(READERS) | set(PROJECT_IMPORTERS)


def collect_files(folder: Path) -> tuple[list[Path], list[Path], list[FolderEntry]]:
    """The files to import under ``folder`` in a stable order, those left out, and sub-folders that cannot be read."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UnreadableDocument(f"{folder} is not a folder")
    suffixes = importable_suffixes()
    files: list[Path] = []
    ignored: list[Path] = []
    unreadable: list[FolderEntry] = []

    def refused(exc: OSError) -> None:
        where = Path(exc.filename or folder)
        unreadable.append(FolderEntry(where, f"{_relative(where, folder)} cannot be read: {exc.strerror or exc}"))

    for root, dirs, names in os.walk(folder, onerror=refused):
        here = Path(root)
        pages = {Path(n).stem.casefold() for n in names if Path(n).suffix.lower() in _HTML}
        kept_dirs = []
        for d in sorted(dirs, key=str.casefold):
            if d.startswith("."):
                continue
            if any(d.casefold().startswith(stem) and _COMPANION.match(d[len(stem):]) for stem in pages):
                ignored.append(here / d)
                continue
            kept_dirs.append(d)
        dirs[:] = kept_dirs
        stems_with_ann = {Path(n).stem for n in names if Path(n).suffix.lower() == ".ann"}
        for name in sorted(names, key=str.casefold):
            path = here / name
            suffix = path.suffix.lower()
            if name.startswith((".", "~$")):
                continue
            if suffix not in suffixes:
                ignored.append(path)
            elif suffix == ".txt" and path.stem in stems_with_ann:
                continue  # brought in by its .ann, with the annotations
            else:
                files.append(path)
    files.sort(key=lambda p: [part.casefold() for part in p.relative_to(folder).parts])
    return files, ignored, unreadable


def import_folder(project, folder: Path, progress: Progress | None = None) -> FolderReport:
    """Import every article under ``folder``; see the module's description."""
    folder = Path(folder)
    files, ignored, unreadable = collect_files(folder)
    report = FolderReport(folder=folder, total=len(files), ignored=ignored, failed=unreadable)
    for done, path in enumerate(files):
        if progress is not None and progress(done, report.total, _relative(path, folder)) is False:
            report.cancelled = True
            return report
        _import_one(project, path, folder, report)
        report.processed += 1
    if progress is not None:
        progress(report.total, report.total, "")
    return report


def _import_one(project, path: Path, folder: Path, report: FolderReport) -> None:
    try:
        result = import_path(project, path)
    except DuplicateDocument as exc:
        report.skipped.append(FolderEntry(path, _located(path, folder, str(exc)), exc.existing_id))
    except ProjectError:
        raise  # the project itself refuses writes (read-only, locked, disk full): stop the whole run
    except ClaimdeskError as exc:
        report.failed.append(FolderEntry(path, _located(path, folder, str(exc))))
    except sqlite3.Error:
        raise
    except OSError as exc:
        report.failed.append(FolderEntry(path, f"{_relative(path, folder)} cannot be read: {exc.strerror or exc}"))
    except Exception as exc:  # a reader library choking on one odd file must not end the whole run
        report.failed.append(FolderEntry(path, f"{_relative(path, folder)} could not be read "
                                               f"({exc.__class__.__name__}: {str(exc)[:120]})"))
    else:
        report.imported.extend(result.documents)
        report.imported_files.append(path)
        report.annotations += result.annotations
        report.problems.extend(f"{_relative(path, folder)}: {p}" for p in result.problems)


def _located(path: Path, folder: Path, message: str) -> str:
    """The message, led by the file's place in the folder unless it already starts with it."""
    where = _relative(path, folder)
    return message if message.startswith(where) else f"{where}: {message}"


def _relative(path: Path, folder: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return path.name
