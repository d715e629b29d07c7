"""The errors an operation may raise, for the front ends: they catch these, never SQLite's or the store's own."""

from desktop.domain.model import ClaimdeskError, InvalidSpan, NotFound  # noqa: F401
from desktop.store.errors import (  # noqa: F401
    CorruptProject,
    DuplicateDocument,
    ProjectError,
    ReadOnlyProject,
)
