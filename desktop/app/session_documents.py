"""The session's document list and the analyst's reading place: imports and list bookkeeping, and the project
settings that remember where the analyst was.

Mixed into :class:`desktop.app.session.Session`, which declares the signals used here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.app.commands import STORE_ERRORS
from desktop.ops.queries import document_summary

# Project settings the session keeps.
LAST_DOCUMENT = "last_document"
SCROLL = "scroll"
SELECTED = "selected_annotation"
ANNOTATOR = "annotator"


class SessionDocuments:
    """Document list and settings methods of the session (a mixin of Session)."""

    # ------------------------------------------------------------------ documents
    def import_files(self, paths: list[Path]) -> tuple[list[int], list[str]]:
        """Import articles; returns the new documents' ids and one message per file that was not imported."""
        from desktop.ops.imports import import_files

        report = import_files(self.project, [Path(p) for p in paths])
        new_ids = [d.id for d in report.documents]
        problems = [f"{o.reason}" if o.status == "failed" else f"skipped, {o.reason}" for o in report.outcomes
                    if o.status != "imported"] + report.problems
        if new_ids:
            self._load_counts()
            self.documentsChanged.emit()
            self.countsChanged.emit()
        return new_ids, problems

    def document_added(self, document_id: int) -> None:
        """One document was added to the file (pasted, say): one list line is read and one row added."""
        summary = document_summary(self.project, document_id) if self.project is not None else None
        if summary is None or document_id in self.doc_counts:
            return
        self.summaries.append(summary)
        self.doc_counts[document_id] = summary.annotation_count
        self.documentAdded.emit(document_id)
        self.countsChanged.emit()

    def document_updated(self, document_id: int) -> None:
        """One document's metadata (or text) changed in the file: its list line, and the shown document, follow."""
        if self.project is None:
            return
        summary = document_summary(self.project, document_id)
        if summary is None:
            return
        self.summaries = [summary if d.id == document_id else d for d in self.summaries]
        if self.document is not None and self.document.id == document_id:
            self.document = self.project.document(document_id)
        self.documentUpdated.emit(document_id)

    def reload_documents(self) -> None:
        """After a bulk import: the list, the codebook (exchange files may add tag types) and the shown document."""
        if self.project is None:
            return
        self._load_codebook()
        self._load_counts()
        self.codebookChanged.emit()
        self.documentsChanged.emit()
        self.countsChanged.emit()
        if self.document is not None:
            self.open_document(self.document.id)

    def text_corrected(self, document_id: int) -> None:
        """A document's text was corrected: the undo history (whose commands hold offsets in the old text) goes,
        and the document is read again."""
        self.undo_stack.clear()
        self.document_updated(document_id)
        if self.document is not None and self.document.id == document_id:
            self.open_document(document_id)

    # ------------------------------------------------------------------ settings
    def set_annotator(self, name: str) -> None:
        if self.project is None:
            return
        self.project.annotator = name.strip()
        self._quiet_setting(ANNOTATOR, self.project.annotator)

    def setting(self, key: str, default=None):
        if self.project is None:
            return default
        try:
            return self.project.get_setting(key, default)
        except (sqlite3.Error, ValueError):
            return default

    def _quiet_setting(self, key: str, value) -> None:
        """Remember where the analyst was; a read-only file just does not remember."""
        if self.project is None or self.project.readonly:
            return
        try:
            self.project.set_setting(key, value)
        except STORE_ERRORS:
            pass

    def _remember(self, key: str, value) -> None:
        self._remembered[key] = value
        self._remember_timer.start()

    def flush_settings(self) -> None:
        """Write where the analyst is now (also done on close)."""
        self._remember_timer.stop()
        pending, self._remembered = self._remembered, {}
        if not pending or self.project is None or self.project.readonly:
            return  # a read-only file just does not remember
        try:
            self.project.set_settings(pending)  # one transaction, one sync to disk
        except STORE_ERRORS:
            pass

    def remember_scroll(self, position: int) -> None:
        if self.document is not None:
            self._remember(SCROLL, {"document": self.document.id, "position": int(position)})
