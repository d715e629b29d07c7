"""Errors about the project file. Every message is one sentence an analyst can act on."""

from desktop.domain.model import ClaimdeskError


class ProjectError(ClaimdeskError):
    """The project file cannot be opened as asked."""


class ProjectNotFound(ProjectError):
    pass


class NotAProject(ProjectError):
    """Not a SQLite file, or a SQLite file of another program."""


class CorruptProject(ProjectError):
    pass


class NewerProject(ProjectError):
    """Written by a newer Claimdesk than this one."""


class ProjectLocked(ProjectError):
    """Another window or process is writing to the project."""


class ReadOnlyProject(ProjectError):
    """A write was attempted on a project opened read-only."""


class WriteFailed(ProjectError):
    """The disk refused a write (full, I/O error); nothing of the change was kept."""


class DuplicateDocument(ClaimdeskError):
    """The project already holds a document with the same text."""

    def __init__(self, message: str, existing_id: int):
        super().__init__(message)
        self.existing_id = existing_id
