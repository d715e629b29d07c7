"""The open project: current document, its annotations, the undo stack, and the signals the widgets follow.

Every change to an annotation is an undo command (:mod:`desktop.app.commands`) whose ``redo()``/``undo()`` calls the
store, which commits before it returns; only then does the session update its cache and emit a signal. Widgets
never write to the store themselves.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from desktop.app.commands import (
    STORE_ERRORS,
    AdjustSpanCommand,
    DeleteCommand,
    EditCommand,
    RetypeCommand,
    TagCommand,
)
from desktop.app.session_documents import (  # noqa: F401  (the setting keys stay importable from here)
    ANNOTATOR,
    LAST_DOCUMENT,
    SCROLL,
    SELECTED,
    SessionDocuments,
)
from desktop.domain.model import Annotation, ClaimdeskError, Document, DocumentSummary, NotFound, TagType
from desktop.ops import annotations as annotation_ops
from desktop.ops.changes import Changes
from desktop.store import Project
from desktop.store.errors import CorruptProject
from desktop.store.views import AnnotationRow, annotation_rows

_FIELD_LABELS = {"speaker": "speaker", "target": "target", "stance": "stance", "note": "note", "fields": "fields"}


class Session(QObject, SessionDocuments):
    """One open project (or none) and the document shown (its document list and settings methods are in
    :mod:`desktop.app.session_documents`)."""

    projectOpened = Signal()
    projectClosed = Signal()
    documentOpened = Signal(object)  # Document, or None when no document is shown
    documentsChanged = Signal()  # documents were added or removed
    documentAdded = Signal(int)  # one new document (its id)
    documentUpdated = Signal(int)  # one document's metadata or text changed (its id)
    documentCountChanged = Signal(int)  # a document's annotation count changed (its id)
    annotationAdded = Signal(object)  # Annotation
    annotationChanged = Signal(object, object)  # new Annotation, old Annotation
    annotationRemoved = Signal(object)  # Annotation as it was
    selectionChanged = Signal(object)  # annotation id or None
    codebookChanged = Signal()
    countsChanged = Signal()
    error = Signal(str)
    notice = Signal(str)  # a short word for the status bar (nothing went wrong)
    spanReleased = Signal(int, int, int)  # a tag was undone: document id, start, end (its text may be re-tagged)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.project: Project | None = None
        self.document: Document | None = None
        self.undo_stack = QUndoStack(self)
        # The shown document's annotations: light rows as loaded (see full() for a whole Annotation).
        self.annotations: dict[int, Annotation | AnnotationRow] = {}
        self.tag_types: list[TagType] = []
        self.types_by_id: dict[int, TagType] = {}
        self.summaries: list[DocumentSummary] = []
        self.doc_counts: dict[int, int] = {}
        self.project_type_counts: Counter[int] = Counter()
        self.doc_type_counts: Counter[int] = Counter()
        self.selected_id: int | None = None
        self.damaged_documents: set[int] = set()  # documents whose stored text could not be read
        self.last_error: str = ""
        self.last_exception: Exception | None = None
        # Where the analyst is (document, scroll, selection) is written a moment later, in one go, so switching
        # documents or clicking through annotations never waits for the disk.
        self._remembered: dict = {}
        self._remember_timer = QTimer(self)
        self._remember_timer.setSingleShot(True)
        self._remember_timer.setInterval(500)
        self._remember_timer.timeout.connect(self.flush_settings)

    # ------------------------------------------------------------------ project
    @property
    def path(self) -> Path | None:
        return self.project.path if self.project else None

    @property
    def annotator(self) -> str:
        return self.project.annotator if self.project else ""

    def open_project(self, path: str | Path, *, create: bool = False, annotator: str = "") -> Project:
        """Open a project (closing the current one). Raises ProjectError with a clear message."""
        project = Project.open(path, create=create)
        self.close_project()
        self.project = project
        stored = project.get_setting(ANNOTATOR, "") or ""
        project.annotator = annotator or stored
        if annotator and annotator != stored and not project.readonly:
            self._quiet_setting(ANNOTATOR, annotator)
        self._load_codebook()
        self._load_counts()
        self.projectOpened.emit()
        return project

    def close_project(self) -> None:
        if self.project is None:
            return
        self.flush_settings()
        self.undo_stack.clear()
        self.project.close()
        self.project = None
        self.document = None
        self.annotations = {}
        self.selected_id = None
        self.tag_types, self.types_by_id, self.summaries, self.doc_counts = [], {}, [], {}
        self.project_type_counts, self.doc_type_counts = Counter(), Counter()
        self.projectClosed.emit()

    def _load_codebook(self) -> None:
        self.tag_types = self.project.tag_types()
        self.types_by_id = {t.id: t for t in self.tag_types}

    def _load_counts(self) -> None:
        self.summaries = self.project.documents()
        self.doc_counts = {d.id: d.annotation_count for d in self.summaries}
        by_name = self.project.counts_by_type()
        self.project_type_counts = Counter({t.id: by_name.get(t.name, 0) for t in self.tag_types})

    def tag_type(self, tag_type_id: int) -> TagType:
        try:
            return self.types_by_id[tag_type_id]
        except KeyError:
            raise NotFound(f"no tag type with id {tag_type_id}") from None

    def type_for_key(self, key: str) -> TagType | None:
        if not key:
            return None
        for t in self.tag_types:
            if t.key and t.key == key:
                return t
        for t in self.tag_types:
            if t.key and t.key.casefold() == key.casefold():
                return t
        return None

    # ----------------------------------------------------------------- document
    def open_document(self, document_id: int | None) -> Document | None:
        """Show a document (its text and annotations are loaded now, not before)."""
        if self.project is None:
            return None
        if document_id is None:
            self.document, self.annotations, self.selected_id = None, {}, None
            self.doc_type_counts = Counter()
            self.documentOpened.emit(None)
            return None
        try:
            doc = self.project.document(document_id)
        except CorruptProject as exc:  # one damaged document: say which, keep the rest of the project open
            self._report(exc)
            self.damaged_documents.add(document_id)
            return None
        self.document = doc
        anns = annotation_rows(self.project, document_id)
        self.annotations = {a.id: a for a in anns}
        self.doc_type_counts = Counter(a.tag_type_id for a in anns)
        self.selected_id = None
        self._remember(LAST_DOCUMENT, document_id)
        self._remember(SELECTED, None)
        self.documentOpened.emit(doc)
        self.countsChanged.emit()
        return doc

    def _show(self, document_id: int) -> None:
        """Undo and redo bring the document they change onto the screen."""
        if self.document is None or self.document.id != document_id:
            self.open_document(document_id)

    @property
    def text(self) -> str:
        return self.document.text if self.document else ""

    # ---------------------------------------------------------------- selection
    def select(self, annotation_id: int | None) -> None:
        if annotation_id is not None and annotation_id not in self.annotations:
            annotation_id = None
        if annotation_id == self.selected_id:
            return
        self.selected_id = annotation_id
        self._remember(SELECTED, annotation_id)
        self.selectionChanged.emit(annotation_id)

    @property
    def selected(self) -> Annotation | None:
        return self.full(self.selected_id) if self.selected_id in self.annotations else None

    def full(self, annotation_id: int | None) -> Annotation | None:
        """The whole annotation (custom fields, context, timestamps), read from the file when needed."""
        if annotation_id is None or self.project is None:
            return None
        ann = self.annotations.get(annotation_id)
        if isinstance(ann, Annotation):
            return ann
        try:
            ann = self.project.annotation(annotation_id)
        except NotFound:
            return None
        if ann.id in self.annotations:
            self.annotations[ann.id] = ann
        return ann

    # ------------------------------------------------------------------ changes
    def tag(self, start: int, end: int, tag_type_id: int, values: dict | None = None) -> Annotation | None:
        """Tag ``text[start:end]`` of the current document; returns the annotation, or None if it failed."""
        if self.document is None:
            self._report(ClaimdeskError("open a document first"))
            return None
        try:
            tag_type = self.tag_type(tag_type_id)
        except NotFound as exc:
            self._report(exc)
            return None
        cmd = TagCommand(self, self.document.id, tag_type_id, start, end, f"Tag {tag_type.name}", dict(values or {}))
        if not cmd.run_first():
            return None
        if cmd.annotation is None:  # the analyst's own annotation already holds this span and type: nothing written
            self.select(cmd.existing_id)
            self.notice.emit(cmd.notice)
            return self.full(cmd.existing_id)
        self.undo_stack.push(cmd)
        return cmd.annotation

    def delete(self, annotation_id: int) -> bool:
        ann = self._annotation(annotation_id)
        if ann is None:
            return False
        name = self._type_name(ann.tag_type_id)
        if not self._push(DeleteCommand(self, ann, f"Delete {name}")):
            return False
        self.notice.emit(f"Deleted {name} \u2014 Ctrl+Z to undo")
        return True

    def edit(self, annotation_id: int, **changes) -> bool:
        """Change speaker, target, stance, note or custom fields; a no-op change pushes nothing."""
        ann = self._annotation(annotation_id)
        if ann is None:
            return False
        changes = {k: v for k, v in changes.items() if getattr(ann, k) != v}
        if not changes:
            return True
        names = ", ".join(_FIELD_LABELS.get(k, k) for k in changes)
        cmd = EditCommand(self, ann, changes, f"Edit {names} of {self._type_name(ann.tag_type_id)}")
        return self._push(cmd)

    def retype(self, annotation_id: int, tag_type_id: int) -> bool:
        ann = self._annotation(annotation_id)
        if ann is None or ann.tag_type_id == tag_type_id:
            return ann is not None
        cmd = RetypeCommand(self, ann, tag_type_id, f"Change type to {self._type_name(tag_type_id)}")
        return self._push(cmd)

    def adjust_span(self, annotation_id: int, start: int, end: int) -> bool:
        ann = self._annotation(annotation_id)
        if ann is None:
            return False
        if (ann.start, ann.end) == (start, end) and not ann.orphan:
            return True
        cmd = AdjustSpanCommand(self, ann, start, end, f"Adjust span of {self._type_name(ann.tag_type_id)}")
        return self._push(cmd)

    def _push(self, cmd) -> bool:
        """Run a new command; only a saved change goes on the undo stack."""
        if not cmd.run_first():
            return False
        self.undo_stack.push(cmd)
        return True

    def _annotation(self, annotation_id: int) -> Annotation | None:
        ann = self.full(annotation_id)
        if ann is None and self.project is not None:
            self._report(NotFound(f"no annotation with id {annotation_id}"))
        return ann

    def _type_name(self, tag_type_id: int) -> str:
        t = self.types_by_id.get(tag_type_id)
        return t.name if t else "annotation"

    # ------------------------------------------- store calls made by the commands
    def _store_tag(self, document_id: int, tag_type_id: int, start: int, end: int, values: dict) -> Changes:
        """Tag through the shared operation (its rules: no duplicate of the analyst's own span, a speaker taken
        from the annotation around the span)."""
        self._show(document_id)
        changes = annotation_ops.tag(self.project, document_id, tag_type_id, start, end, values)
        for ann in changes.added:
            self._added(ann)
        return changes

    def _store_restore(self, ann: Annotation) -> Annotation:
        self._show(ann.document_id)
        ann = self.project.restore_annotation(ann)
        self._added(ann)
        self.select(ann.id)  # what undo or redo brought back is where the analyst is
        return ann

    def _store_delete(self, annotation_id: int) -> Annotation:
        ann = self.full(annotation_id) or self.project.annotation(annotation_id)
        self._show(ann.document_id)
        ann = self.project.delete_annotation(annotation_id)
        self.annotations.pop(ann.id, None)
        self._count(ann, -1)
        if self.selected_id == ann.id:
            self.select(None)
        self.annotationRemoved.emit(ann)
        self.countsChanged.emit()
        return ann

    def _store_update(self, annotation_id: int, document_id: int, changes: dict, restoring: bool = False) -> Annotation:
        self._show(document_id)
        old = self.full(annotation_id) or self.project.annotation(annotation_id)
        new = self.project.update_annotation(annotation_id, restoring=restoring, **changes)
        self.annotations[new.id] = new
        if new.tag_type_id != old.tag_type_id:
            self._count(old, -1)
            self._count(new, +1)
        self.annotationChanged.emit(new, old)
        if new.tag_type_id != old.tag_type_id:
            self.countsChanged.emit()
        return new

    def _added(self, ann: Annotation) -> None:
        self.annotations[ann.id] = ann
        self._count(ann, +1)
        self.annotationAdded.emit(ann)
        self.countsChanged.emit()

    def _count(self, ann: Annotation, delta: int) -> None:
        self.project_type_counts[ann.tag_type_id] += delta
        if self.document is not None and ann.document_id == self.document.id:
            self.doc_type_counts[ann.tag_type_id] += delta
        self.doc_counts[ann.document_id] = self.doc_counts.get(ann.document_id, 0) + delta
        self.documentCountChanged.emit(ann.document_id)

    def _report(self, exc: Exception) -> None:
        message = str(exc) if isinstance(exc, ClaimdeskError) else f"the change was not saved: {exc}"
        self.last_error = message
        self.last_exception = exc
        self.error.emit(message)

    # ------------------------------------------------------------------ codebook
    def add_tag_type(self, **values) -> TagType | None:
        return self._codebook_change(lambda: self.project.add_tag_type(**values))

    def update_tag_type(self, tag_type_id: int, **changes) -> TagType | None:
        return self._codebook_change(lambda: self.project.update_tag_type(tag_type_id, **changes))

    def reorder_tag_types(self, ids_in_order: list[int]) -> bool:
        return self._codebook_change(lambda: self.project.reorder_tag_types(ids_in_order) or True) is not None

    def delete_tag_type(self, tag_type_id: int) -> int | None:
        """Delete a type and its annotations. The undo history is cleared, since it may refer to them."""
        deleted = self._codebook_change(lambda: self.project.delete_tag_type(tag_type_id))
        if deleted is not None:
            self.undo_stack.clear()
            self._load_counts()
            if self.document is not None:
                self.open_document(self.document.id)
            self.documentsChanged.emit()
        return deleted

    def count_of_type(self, tag_type_id: int) -> int:
        return self.project_type_counts.get(tag_type_id, 0)

    def field_value_count(self, tag_type_id: int, name: str) -> int:
        """How many annotations of a type hold a value under the custom field ``name``."""
        if self.project is None or not name:
            return 0
        from desktop.store.fields import count_field_values

        return count_field_values(self.project, tag_type_id, name)

    def rename_field(self, tag_type_id: int, old: str, new: str, fields) -> TagType | None:
        """Rename a custom field of a type and carry its values over (one saved change; the undo history, whose
        commands hold the old values, is cleared when any value moved)."""
        from desktop.store.fields import rename_field_values

        def change():
            moved = rename_field_values(self.project, tag_type_id, old, new, fields)
            if moved:
                self.undo_stack.clear()
            for ann_id in moved:
                if isinstance(self.annotations.get(ann_id), Annotation):
                    self.annotations[ann_id] = self.project.annotation(ann_id)
            return self.project.tag_type(tag_type_id)

        return self._codebook_change(change)

    def _codebook_change(self, change):
        if self.project is None:
            return None
        try:
            result = change()
        except STORE_ERRORS as exc:
            self._report(exc)
            return None
        self._load_codebook()
        self.codebookChanged.emit()
        return result
