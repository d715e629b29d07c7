"""The project file: one SQLite database, written through sqlite-utils. All SQL lives in this package."""

from desktop.store.errors import (  # noqa: F401
    DuplicateDocument,
    ProjectError,
    ProjectLocked,
    ProjectNotFound,
    ReadOnlyProject,
    WriteFailed,
)
from desktop.store.project import Project  # noqa: F401
