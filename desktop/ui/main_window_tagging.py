"""The main window's annotating handlers: tagging the selected text, deleting and adjusting the selected
annotation, and keeping the article, table and form in step with the session's annotation signals.

Mixed into :class:`desktop.ui.main_window.MainWindow`, which owns the widgets used here.
"""

from __future__ import annotations

from desktop.domain.text import snap_to_words


class TaggingMixin:
    """Annotating methods of the main window (a mixin of MainWindow)."""

    def tag_selection(self, tag_type_id: int) -> None:
        span = self.article.selection_span()
        if span is None:
            self.statusBar().showMessage("Select some text in the article first, then press the tag's key.", 5000)
            return
        start, end = span
        if self.snap_to_words:
            start, end = snap_to_words(self.session.text, start, end)
        if start >= end:
            self.statusBar().showMessage("The selection holds only spaces; nothing was tagged.", 5000)
            return
        ann = self.session.tag(start, end, tag_type_id)
        if ann is not None:
            self.article.collapse_selection()
            self.session.select(ann.id)

    def _span_released(self, document_id: int, start: int, end: int) -> None:
        """An undone tag leaves its text selected, so another key tags it again."""
        if self.session.document is not None and self.session.document.id == document_id:
            self.article.select_span(start, end)

    def delete_selected(self) -> None:
        ann = self.session.selected
        if ann is None:
            self.statusBar().showMessage("No annotation is selected.", 3000)
            return
        self.form.commit()
        self.session.delete(ann.id)

    def adjust_span_to_selection(self) -> None:
        ann = self.session.selected
        span = self.article.selection_span()
        if ann is None or span is None:
            self.statusBar().showMessage("Select an annotation, then select its new text in the article.", 5000)
            return
        start, end = snap_to_words(self.session.text, *span) if self.snap_to_words else span
        self.form.commit()
        if self.session.adjust_span(ann.id, start, end):
            self.article.collapse_selection()

    def _annotation_added(self, ann) -> None:
        if self.session.document is None or ann.document_id != self.session.document.id:
            return
        self.article.add_annotation(ann)
        self.table_panel.model.add(ann)

    def _annotation_removed(self, ann) -> None:
        if self.session.document is None or ann.document_id != self.session.document.id:
            return
        self.article.remove_annotation(ann)
        self.table_panel.model.remove(ann)

    def _annotation_changed(self, new, old) -> None:
        if self.session.document is None or new.document_id != self.session.document.id:
            return
        self.article.change_annotation(new, old)
        self.table_panel.model.change(new, old)
        if self.form.ann is not None and self.form.ann.id == new.id:
            self.form.show_annotation(new)
        if self.session.selected_id == new.id:
            self.table_panel.select_annotation(new.id)

    def _selection_changed(self, annotation_id) -> None:
        self.article.set_selected(annotation_id, scroll=not self._restoring)
        self.table_panel.select_annotation(annotation_id)
        self.form.show_annotation(self.session.selected)
        if "annotation_history" in self.actions:
            self.actions["annotation_history"].setEnabled(annotation_id is not None)

    def _codebook_changed(self) -> None:
        self.codebook.rebuild()
        self.form.codebook_changed()
        self.table_panel.codebook_changed()
        if self.session.document is not None:
            self.article.codebook_changed()
        self._schedule_counts()

    def edit_codebook(self) -> None:
        if self.session.project is None:
            return
        from desktop.ui.codebook_editor import CodebookEditor

        self.form.commit()
        editor = CodebookEditor(self.session, self)
        editor.exec()
        editor.deleteLater()
