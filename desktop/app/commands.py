"""Undo commands. Each ``redo()`` and ``undo()`` goes through the store (which commits before it returns), then the
session emits a signal so the screen follows the file.

The session runs a new command's first ``redo()`` itself and pushes the command only if it succeeded (the push
then skips that redo): a failed change leaves no phantom entry and, unlike a push that fails, keeps the redo
history. A later undo or redo that fails marks the command obsolete, so QUndoStack drops it; the session reports
every failure.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop.domain.model import Annotation, ClaimdeskError

if TYPE_CHECKING:
    from desktop.app.session import Session

# Errors a store call may raise that leave the file as it was.
STORE_ERRORS = (ClaimdeskError, sqlite3.Error)

_EDIT_ID = 4201  # commands with this id merge consecutive edits of one field of one annotation


class _StoreCommand(QUndoCommand):
    def __init__(self, session: Session, label: str):
        super().__init__(label)
        self.session = session
        self.failed: Exception | None = None
        self._already_done = False

    def run_first(self) -> bool:
        """Do the change now (before it is pushed); True if it was saved."""
        self._guard(self._redo)
        self._already_done = self.failed is None
        return self._already_done

    def redo(self) -> None:
        if self._already_done:  # the push right after run_first()
            self._already_done = False
            return
        if self._guard(self._redo):
            self.session.notice.emit(f"Redid: {self.text()}")

    def undo(self) -> None:
        if self._guard(self._undo):
            self.session.notice.emit(f"Undid: {self.text()}")

    def _guard(self, step) -> bool:
        try:
            step()
        except STORE_ERRORS as exc:
            self.failed = exc
            self.setObsolete(True)
            self.session._report(exc)
            return False
        return True

    def _redo(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _undo(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class TagCommand(_StoreCommand):
    """Tag a span. The first redo creates the annotation; later redos restore it with the same id."""

    def __init__(self, session: Session, document_id: int, tag_type_id: int, start: int, end: int, label: str,
                 values: dict | None = None):
        super().__init__(session, label)
        self.document_id = document_id
        self.tag_type_id = tag_type_id
        self.start = start
        self.end = end
        self.values = dict(values or {})
        self.annotation: Annotation | None = None
        self.existing_id: int | None = None  # the first run found the analyst's own annotation on this span
        self.notice = ""

    def _redo(self) -> None:
        if self.annotation is None:
            changes = self.session._store_tag(self.document_id, self.tag_type_id, self.start, self.end, self.values)
            if changes.added:
                self.annotation = changes.added[0]
            else:
                self.existing_id, self.notice = changes.selected, changes.notice
        else:
            self.session._store_restore(self.annotation)

    def _undo(self) -> None:
        self.session._store_delete(self.annotation.id)
        self.session.spanReleased.emit(self.document_id, self.start, self.end)


class DeleteCommand(_StoreCommand):
    """Delete an annotation; undo puts it back with the same id."""

    def __init__(self, session: Session, annotation: Annotation, label: str):
        super().__init__(session, label)
        self.annotation = annotation

    def _redo(self) -> None:
        self.annotation = self.session._store_delete(self.annotation.id)

    def _undo(self) -> None:
        self.session._store_restore(self.annotation)


class EditCommand(_StoreCommand):
    """Change attributes of an annotation (speaker, target, stance, note, custom fields, type or span)."""

    def __init__(self, session: Session, annotation: Annotation, changes: dict, label: str):
        super().__init__(session, label)
        self.annotation_id = annotation.id
        self.document_id = annotation.document_id
        self.after = dict(changes)
        self.before = {k: _value_of(annotation, k) for k in changes}
        if "start" in changes or "end" in changes:
            self.before["orphan"] = annotation.orphan
        self._replaying = False

    def _redo(self) -> None:
        # The first time, the values are checked against the codebook; a replay puts back a state the file held.
        self.session._store_update(self.annotation_id, self.document_id, self.after, restoring=self._replaying)
        self._replaying = True

    def _undo(self) -> None:
        self.session._store_update(self.annotation_id, self.document_id, self.before, restoring=True)

    def id(self) -> int:
        return _EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing in one field of one annotation, committed several times, undoes in one step."""
        if not isinstance(other, EditCommand) or type(other) is not type(self):
            return False
        if other.failed is not None or other.isObsolete():
            return False
        if other.annotation_id != self.annotation_id or set(other.after) != set(self.after):
            return False
        if not set(self.after) <= {"speaker", "target", "note"}:
            return False
        self.after = dict(other.after)
        return True


class RetypeCommand(EditCommand):
    """Give an annotation another tag type."""

    def __init__(self, session: Session, annotation: Annotation, tag_type_id: int, label: str):
        super().__init__(session, annotation, {"tag_type_id": tag_type_id}, label)


class AdjustSpanCommand(EditCommand):
    """Move an annotation's span to new offsets."""

    def __init__(self, session: Session, annotation: Annotation, start: int, end: int, label: str):
        super().__init__(session, annotation, {"start": start, "end": end}, label)


def _value_of(ann: Annotation, key: str):
    value = getattr(ann, key)
    return dict(value) if isinstance(value, dict) else value
