"""Bringing files into a project: one policy for every front end (window, folder import, command line).

Each file is imported on its own transaction, so a stopped or failed run keeps what came in. A file whose text
the project already holds is *skipped* (same sha256); a file that cannot be read is *failed*, with its reason,
and the run goes on; a failure of the project itself (read-only, locked, disk full) stops the run. A reader
library choking on one odd file never ends the run: its error becomes that file's reason.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.model import ClaimdeskError, Document
from desktop.formats.folder import FolderReport, import_folder  # noqa: F401  (the folder import, for front ends)
from desktop.formats.importing import PROJECT_IMPORTERS, READERS, ImportResult, import_path  # noqa: F401
from desktop.ops.changes import Changes
from desktop.store.errors import DuplicateDocument, ProjectError

# progress(done, total, name) is called before each file and once at the end with name ""; False stops the run.
Progress = Callable[[int, int, str], "bool | None"]


@dataclass
class FileOutcome:
    """What became of one file."""

    path: Path
    status: str  # "imported", "skipped" (already in the project) or "failed"
    reason: str = ""  # for skipped and failed: why, led by the file's name
    documents: list[Document] = field(default_factory=list)
    annotations: int = 0
    problems: list[str] = field(default_factory=list)  # annotations it carried that could not be placed
    existing_id: int | None = None  # skipped: the document already holding its text


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    stopped: str = ""  # why the run ended early (the analyst stopped it, or the project refused a write)
    changes: Changes = field(default_factory=Changes)

    def of(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def documents(self) -> list[Document]:
        return [d for o in self.outcomes for d in o.documents]

    @property
    def annotations(self) -> int:
        return sum(o.annotations for o in self.outcomes)

    @property
    def problems(self) -> list[str]:
        return [p for o in self.outcomes for p in o.problems]

    def summary(self) -> str:
        docs, anns = len(self.documents), self.annotations
        parts = [f"{docs} document{'s' if docs != 1 else ''} imported"]
        if anns:
            parts.append(f"{anns} annotation{'s' if anns != 1 else ''}")
        if self.of("skipped"):
            parts.append(f"{len(self.of('skipped'))} already in the project")
        if self.of("failed"):
            parts.append(f"{len(self.of('failed'))} could not be read")
        text = ", ".join(parts) + "."
        return f"{text} {self.stopped}" if self.stopped else text


def import_one(project, path: Path, label: str | None = None, annotator: str | None = None) -> FileOutcome:
    """Import one file, applying the policy above; ``label`` names it in messages (default: its name).
    Raises ProjectError (and sqlite3.Error) only: the project itself refused, the caller stops."""
    path = Path(path)
    where = label or path.name
    try:
        result = import_path(project, path, annotator=annotator)
    except DuplicateDocument as exc:
        return FileOutcome(path, "skipped", _led(where, str(exc)), existing_id=exc.existing_id)
    except ProjectError:
        raise
    except ClaimdeskError as exc:
        return FileOutcome(path, "failed", _led(where, str(exc)))
    except sqlite3.Error:
        raise
    except OSError as exc:
        return FileOutcome(path, "failed", f"{where} cannot be read: {exc.strerror or exc}")
    except Exception as exc:  # a reader library choking on one odd file must not end the whole run
        return FileOutcome(path, "failed", f"{where} could not be read ({exc.__class__.__name__}: {str(exc)[:120]})")
    return FileOutcome(path, "imported", documents=list(result.documents), annotations=result.annotations,
                       problems=[_led(where, p) for p in result.problems])


def import_files(project, paths: list[Path], progress: Progress | None = None,
                 labels: dict[Path, str] | None = None) -> ImportReport:
    """Import files in order under the policy above; the report's change set names the new documents."""
    report = ImportReport()
    paths = [Path(p) for p in paths]
    for done, path in enumerate(paths):
        label = (labels or {}).get(path, path.name)
        if progress is not None and progress(done, len(paths), label) is False:
            report.stopped = f"Stopped with {len(paths) - done} file(s) left."
            break
        try:
            outcome = import_one(project, path, label)
        except ProjectError as exc:
            report.outcomes.append(FileOutcome(path, "failed", _led(label, str(exc))))
            report.stopped = f"The import stopped at {label}: {exc}."
            break
        report.outcomes.append(outcome)
    else:
        if progress is not None:
            progress(len(paths), len(paths), "")
    docs = report.documents
    report.changes = Changes(documents_added=[d.id for d in docs], codebook=bool(report.annotations))
    return report


def _led(where: str, message: str) -> str:
    """The message, led by the file's name unless it already names it."""
    return message if where in message else f"{where}: {message}"
