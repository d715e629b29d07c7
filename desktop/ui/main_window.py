"""The main window: documents on the left, the article in the centre, tags, form and table on the right.

The window wires widgets to the session; every change goes through the session's undo commands, and the widgets
follow the session's signals (one highlight and one table row per change).
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop.app import session as session_keys
from desktop.app.appdata import AppSettings
from desktop.app.session import Session
from desktop.domain.model import ClaimdeskError, Document
from desktop.ops.errors import CorruptProject, ProjectError
from desktop.ui import dialogs, search_box, window_state
from desktop.ui.annotation_form import AnnotationForm
from desktop.ui.annotation_table import AnnotationTablePanel
from desktop.ui.codebook_panel import CodebookPanel
from desktop.ui.document_list import DocumentListPanel
from desktop.ui.file_menu import build_file_menu
from desktop.ui.main_window_tagging import TaggingMixin
from desktop.ui.menus import (
    SHORTCUTS_HTML,
    build_codebook_menu,
    build_document_menu,
    build_edit_menu,
    build_help_menu,
    build_view_menu,
)
from desktop.ui.readonly_banner import ReadOnlyBanner
from desktop.ui.status_bar import StatusBarMixin, default_annotator  # noqa: F401  (importable from here)
from desktop.ui.window_extras import WindowExtras
from desktop.ui.workbench import ArticlePane

SORT_SETTING = "document_sort"
SEARCH_ROWS = 6  # search results shown before they scroll


class MainWindow(QMainWindow, TaggingMixin, StatusBarMixin):
    """The window (its annotating handlers are in :mod:`desktop.ui.main_window_tagging`, its status bar in
    :mod:`desktop.ui.status_bar`)."""

    def __init__(self, app_settings: AppSettings | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.app_settings = app_settings or AppSettings()
        self.session = Session(self)
        self.actions: dict = {}
        self.snap_to_words = bool(self.app_settings.get("snap_to_words", True))
        self._restoring = False
        self.open_error = ""  # why the last project could not be opened
        self.extras = WindowExtras(self)

        self.banner = ReadOnlyBanner(self)
        self.search = search_box.make_search_box(self)
        self.documents = DocumentListPanel(self.session, self)
        self.article_pane = ArticlePane(self.session, self)
        self.article = self.article_pane.view
        self.find_bar = self.article_pane.find_bar
        self.codebook = CodebookPanel(self.session, self)
        self.form = AnnotationForm(self.session, self)
        self.table_panel = AnnotationTablePanel(self.session, self)

        top_right = QWidget(self)
        tr = QVBoxLayout(top_right)
        tr.setContentsMargins(0, 0, 0, 0)
        tr.setSpacing(0)
        tr.addWidget(self.codebook)
        tr.addWidget(self.form, 1)
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(top_right)
        self.right.addWidget(self.table_panel)
        self.right.setStretchFactor(1, 1)
        self.right.setChildrenCollapsible(False)
        self.left = QWidget(self)
        self.left.setObjectName("leftPanel")
        search_holder = QWidget(self.left)
        sh = QVBoxLayout(search_holder)
        sh.setContentsMargins(8, 8, 4, 0)
        sh.addWidget(self.search)
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(0)
        left.addWidget(search_holder)
        left.addWidget(self.documents, 1)
        self.main = QSplitter(Qt.Orientation.Horizontal, self)
        self.main.setObjectName("mainSplitter")
        self.main.addWidget(self.left)
        self.main.addWidget(self.article_pane)
        self.main.addWidget(self.right)
        self.main.setStretchFactor(1, 1)
        self.main.setChildrenCollapsible(False)
        self.main.setSizes([220, 570, 490])
        self.right.setSizes([380, 340])
        self.splitters = {"main": self.main, "right": self.right}
        central = QWidget(self)
        central.setObjectName("centralPanel")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.main, 1)
        self.setCentralWidget(central)

        self._build_status_bar()

        build_file_menu(self)
        build_edit_menu(self)
        build_document_menu(self)
        build_view_menu(self)
        build_codebook_menu(self)
        build_help_menu(self)
        self.setAcceptDrops(True)
        self.article.setAcceptDrops(False)
        self._connect()
        self.documents.set_sort(str(self.app_settings.get(SORT_SETTING, "added")))
        self.documents.sortChanged.connect(lambda key: self.app_settings.set(SORT_SETTING, key))
        self.resize(1280, 800)
        window_state.restore(self)
        self._project_changed()

    # ---------------------------------------------------------------- wiring
    def _connect(self) -> None:
        s = self.session
        s.projectOpened.connect(self._project_changed)
        s.projectClosed.connect(self._project_changed)
        s.documentOpened.connect(self._document_opened)
        s.documentsChanged.connect(self.documents.reload)
        s.documentAdded.connect(self.documents.document_added)
        s.documentUpdated.connect(self.documents.document_updated)
        s.documentUpdated.connect(self._document_updated)
        for signal in (s.documentsChanged, s.documentAdded, s.documentUpdated):
            signal.connect(self.search.refresh)
        s.annotationChanged.connect(self.extras.annotation_changed)
        s.annotationAdded.connect(self.extras.annotation_added_or_removed)
        s.annotationRemoved.connect(self.extras.annotation_added_or_removed)
        for signal in (s.annotationAdded, s.annotationRemoved, s.annotationChanged):
            signal.connect(self.banner.clear_failure)
        s.documentCountChanged.connect(self.documents.model.count_changed)
        s.annotationAdded.connect(self._annotation_added)
        s.annotationRemoved.connect(self._annotation_removed)
        s.annotationChanged.connect(self._annotation_changed)
        s.selectionChanged.connect(self._selection_changed)
        s.codebookChanged.connect(self._codebook_changed)
        s.countsChanged.connect(self._schedule_counts)
        s.error.connect(self.show_problem)
        s.notice.connect(lambda message: self.statusBar().showMessage(message, 5000))
        s.spanReleased.connect(self._span_released)
        self.documents.documentChosen.connect(self.show_document)
        self.documents.propertiesRequested.connect(self.extras.edit_properties)
        self.documents.correctRequested.connect(self.extras.correct_text)
        self.documents.historyRequested.connect(self.extras.document_history)
        self.search.documentActivated.connect(self.show_document)
        self.search.results.model().modelReset.connect(self._search_results_changed)
        self.search.results.model().rowsInserted.connect(self._search_results_changed)
        self.form.historyRequested.connect(self.extras.annotation_history)
        self.article.tagKeyPressed.connect(self.tag_selection)
        self.article.annotationClicked.connect(self.session.select)
        self.article.formRequested.connect(self.form.focus_first_field)
        self.codebook.tagClicked.connect(self.tag_selection)
        self.codebook.editRequested.connect(self.edit_codebook)
        self.form.adjustRequested.connect(self.adjust_span_to_selection)
        self.form.deleteRequested.connect(self.delete_selected)
        self.form.doneEditing.connect(lambda: self.article.setFocus(Qt.FocusReason.OtherFocusReason))
        self._counts_timer = QTimer(self, singleShot=True, interval=0)
        self._counts_timer.timeout.connect(self.update_counts)

    # --------------------------------------------------------------- project
    def open_project(self, path: Path, *, create: bool = False, restore: bool = True) -> bool:
        """Open a project; a problem is shown in a message box (and kept in ``open_error``) and returns False."""
        self.form.commit()
        self._remember_place()
        self.open_error = ""
        try:
            self.session.open_project(path, create=create, annotator=self.app_settings.annotator)
        except CorruptProject as exc:
            self.open_error = str(exc)
            return self.extras.offer_restore(path, str(exc))  # a restored copy that opens clears open_error
        except ProjectError as exc:
            self.open_error = str(exc)
            dialogs.show_error(self, "Cannot open project", str(exc))
            return False
        self.app_settings.add_recent(path)
        if not self.session.annotator and self.app_settings.annotator_asked:
            self._use_annotator("")  # asked before and left empty: never store annotations without a name
        self._show_analyst()
        if restore:
            self.restore_place()
        # Everything alive now lives as long as the window (modules, widgets, the project's lists): keep it out
        # of the cyclic collector's scans, so a collection never pauses a document switch or a tag. (What is
        # already garbage, e.g. the previous project's objects, is collected first: unfrozen, so that what an
        # earlier opening froze is collected too when it is garbage now.)
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        if not self.app_settings.annotator_asked:
            QTimer.singleShot(0, self._ask_annotator_once)
        return True

    def restore_place(self) -> None:
        """Show the document, scroll position and annotation the analyst left."""
        s = self.session
        last = s.setting(session_keys.LAST_DOCUMENT)
        doc_id = last if last in s.doc_counts else (s.summaries[0].id if s.summaries else None)
        selected = s.setting(session_keys.SELECTED)
        scroll = s.setting(session_keys.SCROLL) or {}
        self._restoring = True
        try:
            self.show_document(doc_id)
            if doc_id is not None and isinstance(scroll, dict) and scroll.get("document") == doc_id:
                self.article.scroll_to_position(int(scroll.get("position") or 0))
            if selected in s.annotations:
                s.select(selected)
        finally:
            self._restoring = False

    def _project_changed(self) -> None:
        s = self.session
        if s.project is None:
            self.setWindowTitle("Claimdesk")
        else:
            ro = " (read-only)" if s.project.readonly else ""
            self.setWindowTitle(f"{s.project.path.stem}{ro} \u2014 Claimdesk")
        has = s.project is not None
        for name in ("export_csv", "close_project", "edit_codebook", "find"):
            if name in self.actions:
                self.actions[name].setEnabled(has)
        self.extras.close_orphans()
        self._show_analyst()
        self.banner.show_for(s.project)
        self.search.set_project(s.project)
        self.extras.update_actions()
        self._codebook_changed()
        self.documents.reload()
        self.article_pane.show_document(s.document)
        if s.document is None:
            self.article.show_document(None, [])
            self.table_panel.load([])
            self.form.show_annotation(None)
        self.update_counts()

    def new_project(self) -> None:
        start = self.session.path.parent if self.session.path else None
        path = dialogs.new_project_path(self, start)
        if path is None:
            return
        if path.exists():
            dialogs.show_error(self, "New project", f"{path.name} exists already; open it with File \u203a Open.")
            return
        self.open_project(path, create=True)

    def open_project_dialog(self) -> None:
        start = self.session.path.parent if self.session.path else None
        path = dialogs.open_project_path(self, start)
        if path is not None:
            self.open_project(path)

    def close_project(self) -> None:
        self.form.commit()
        self._remember_place()
        self.session.close_project()

    def _remember_place(self) -> None:
        if self.session.document is not None:
            self.session.remember_scroll(self.article.first_visible_position())
        self.session.flush_settings()

    # ------------------------------------------------------------- documents
    def show_document(self, document_id: int | None) -> None:
        if self.session.document is not None and self.session.document.id == document_id:
            return
        self.form.commit()
        if self.session.document is not None:
            self.session.remember_scroll(self.article.first_visible_position())
        try:
            self.session.open_document(document_id)
        except ClaimdeskError as exc:
            self.show_problem(str(exc))

    def _document_opened(self, doc: Document | None) -> None:
        anns = list(self.session.annotations.values())
        self.article.show_document(doc, anns)
        self.article_pane.show_document(doc)
        self.table_panel.load(anns)
        self.form.show_annotation(None)
        self.find_bar.document_changed()
        self.documents.set_current(doc.id if doc else None)
        self.extras.update_actions()
        self._schedule_counts()

    def _document_updated(self, document_id: int) -> None:
        if self.session.document is not None and self.session.document.id == document_id:
            self.article_pane.show_document(self.session.document)

    def import_documents(self, paths: list[Path] | None = None) -> list[int]:
        """Import articles or annotated files (chosen when ``paths`` is None); returns the new documents' ids."""
        return self.extras.import_paths(paths)

    def export_csv(self) -> None:
        if self.session.project is None:
            return
        from desktop.ops.exports import export
        from desktop.ui.export_dialog import export_folder, remember_export_folder

        suggested = export_folder(self.session.path) / (self.session.path.stem + ".csv")
        out = dialogs.export_path(self, suggested)
        if out is None:
            return
        try:
            count = export(self.session.project, out, "csv")
        except (ClaimdeskError, OSError) as exc:
            dialogs.show_error(self, "Export CSV", f"The CSV was not written: {exc}")
            return
        remember_export_folder(out)
        self.statusBar().showMessage(f"{count} annotation{'s' if count != 1 else ''} written to {out}", 8000)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and self.session.project is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_documents(paths)

    # --------------------------------------------------------------- finding
    def open_find_bar(self) -> None:
        if self.session.document is not None:
            self.find_bar.open_bar()

    def focus_search(self) -> None:
        """Search All Documents: the box above the document list, ready for typing."""
        if self.session.project is None:
            return
        self.search.show()
        self.search.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.edit.selectAll()

    def _search_results_changed(self, *_args) -> None:
        """The results take the room their rows need (up to SEARCH_ROWS, then they scroll); the document list
        keeps the rest of the left column."""
        results = self.search.results
        rows = min(results.count(), SEARCH_ROWS)
        if rows:
            results.setMaximumHeight(rows * results.sizeHintForRow(0) + 2 * results.frameWidth() + 2)

    def toggle_snap(self) -> None:
        self.snap_to_words = self.actions["snap"].isChecked()
        self.app_settings.set("snap_to_words", self.snap_to_words)

    def show_shortcuts(self) -> None:
        dialogs.show_info(self, "Keys and mouse", SHORTCUTS_HTML)

    def show_about(self) -> None:
        from desktop import __version__

        dialogs.show_info(self, "About Claimdesk",
                          f"Claimdesk {__version__}\n\nMark quotes, claims and legitimacy assertions in news "
                          f"articles. Every change is saved at once to the project file.")

    # ----------------------------------------------------------------- close
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.form.commit()
        self._remember_place()
        window_state.save(self)
        self.session.close_project()
        super().closeEvent(event)

