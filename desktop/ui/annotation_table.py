"""The annotation table with its filters (type, free text). Selecting a row selects that annotation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import colors
from desktop.ui.annotation_model import COLUMNS, AnnotationFilterProxy, AnnotationTableModel, IdRole

TEXT_COLUMN = 1
# Share of the table's width each column but Text gets (Text stretches over the rest), and its least width.
COLUMN_SHARES = {0: 0.15, 2: 0.12, 3: 0.12, 4: 0.10, 5: 0.09}
MIN_COLUMN = 40
MIN_TEXT = 100  # saved widths leaving the Text column less than this are not used


class AnnotationTablePanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("annotationPanel")
        self.model = AnnotationTableModel(session, self)
        self.proxy = AnnotationFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.type_filter = QComboBox(self)
        self.type_filter.setObjectName("annotationTypeFilter")
        self.type_filter.setAccessibleName("Show annotations of type")
        self.type_filter.currentIndexChanged.connect(self._filter_changed)
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("annotationTextFilter")
        self.text_filter.setAccessibleName("Filter annotations")
        self.text_filter.setPlaceholderText("Filter text, speaker, target, note\u2026")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self._filter_changed)
        self.shown = QLabel(self)
        self.shown.setStyleSheet("color: #57606A;")

        self.view = QTableView(self)
        self.view.setObjectName("annotationTable")
        self.view.setAccessibleName("Annotations")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(28)
        header.sectionResized.connect(self._section_resized)
        # Until the analyst drags a column (or saved widths fit), the columns share the table's width.
        self._auto_widths = True
        self._sizing = False
        self._saved_widths: list[int] | None = None
        self._widths_seen = False  # the table has been on screen with a width of its own
        self.view.viewport().installEventFilter(self)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # document order until a header is clicked
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.clicked.connect(self._row_clicked)
        self.empty = QLabel("No annotations yet. Select text in the article and press a tag key.", self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setStyleSheet("color: #6E7781; padding: 24px 18px;")

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>Annotations</b>", self)
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.shown)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.type_filter)
        filters.addWidget(self.text_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self._syncing = False
        self.codebook_changed()
        self.model.rowsInserted.connect(self._update_counts)
        self.model.rowsRemoved.connect(self._update_counts)
        self.model.modelReset.connect(self._update_counts)
        self.proxy.layoutChanged.connect(self._update_counts)
        self._update_counts()

    # ----------------------------------------------------------------- session
    def load(self, annotations) -> None:
        self.model.load(annotations)

    def codebook_changed(self) -> None:
        current = self.type_filter.currentData()
        self.type_filter.blockSignals(True)
        self.type_filter.clear()
        self.type_filter.addItem("All types", None)
        for t in self.session.tag_types:
            self.type_filter.addItem(colors.swatch(t.color), t.name, t.id)
        i = self.type_filter.findData(current)
        self.type_filter.setCurrentIndex(i if i >= 0 else 0)
        self.type_filter.blockSignals(False)
        self._filter_changed()
        self.model.refresh_all()
        self._fit_columns()

    def select_annotation(self, annotation_id: int | None) -> None:
        """Follow the session's selection (select and scroll to the row) without echoing it back."""
        self._syncing = True
        try:
            sel = self.view.selectionModel()
            if annotation_id is None:
                sel.clear()
                return
            ann = self.session.annotations.get(annotation_id)
            row = self.model.row_of(annotation_id, (ann.start, ann.end, ann.id) if ann is not None else None)
            if row < 0:
                sel.clear()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():  # hidden by a filter: show everything, so the selection is never out of sight
                self.clear_filters()
                index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                sel.clear()
                return
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False

    def _row_changed(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        self.session.select(current.data(IdRole))

    def _row_clicked(self, index) -> None:
        if index.isValid() and not self._syncing:
            self.session.select(index.data(IdRole))

    # ---------------------------------------------------------------- filters
    def clear_filters(self) -> None:
        self.type_filter.blockSignals(True)
        self.type_filter.setCurrentIndex(0)
        self.type_filter.blockSignals(False)
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)
        self._filter_changed()

    def _filter_changed(self, *_args) -> None:
        """Filter the rows. Filtering only hides and shows rows: it never selects another annotation (the form
        keeps editing the one the analyst was on) and never moves the article."""
        self._syncing = True
        try:
            self.proxy.set_filter(self.type_filter.currentData(), self.text_filter.text())
            selected = self.session.selected_id
            sel = self.view.selectionModel()
            ann = self.session.annotations.get(selected) if selected is not None else None
            row = self.model.row_of(selected, (ann.start, ann.end, ann.id)) if ann is not None else -1
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
            if index is not None and index.isValid():
                sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                    | QItemSelectionModel.SelectionFlag.Rows)
            else:
                sel.clear()
        finally:
            self._syncing = False
        self._update_counts()

    def _update_counts(self, *_args) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.shown.setText(f"{shown:,} of {total:,}" if shown != total else (f"{total:,}" if total else ""))
        empty = total == 0
        if self.session.document is None:
            self.empty.setText("No document is open.")
        else:
            self.empty.setText("No annotations yet. Select text in the article and press a tag key.")
        self.empty.setVisible(empty)
        self.view.setVisible(not empty)

    # ---------------------------------------------------------------- columns
    def column_widths(self) -> list[int]:
        """The columns' widths as the analyst last saw them; empty when the table was never on screen (its
        widths then mean nothing and must not be remembered for the next project)."""
        if not self._widths_seen:
            return []
        return [self.view.horizontalHeader().sectionSize(i) for i in range(len(COLUMNS))]

    def restore_column_widths(self, widths) -> None:
        """Use widths saved in an earlier run once the table has its size, unless they would push a column off
        the right edge (or squeeze the Text column), as wide columns saved by older versions did."""
        try:
            self._saved_widths = [int(w) for w in widths]
        except (TypeError, ValueError):
            self._saved_widths = None
        if self._saved_widths is not None and len(self._saved_widths) != len(COLUMNS):
            self._saved_widths = None
        if self.view.viewport().width() > 1 and self.isVisible():
            self._fit_columns()

    def _apply_saved_widths(self, available: int) -> bool:
        widths, self._saved_widths = self._saved_widths, None
        if not widths:
            return False
        others = [w for col, w in enumerate(widths) if col != TEXT_COLUMN]
        if min(others) < MIN_COLUMN // 2 or sum(others) > available - MIN_TEXT:
            return False
        self._resize_sections(dict(enumerate(widths)))
        self._auto_widths = False
        return True

    def _fit_columns(self) -> None:
        available = self.view.viewport().width()
        if available <= 1:
            return
        if self.view.isVisible():
            self._widths_seen = True
        if self._saved_widths is not None and self.view.isVisible() and self._apply_saved_widths(available):
            return
        if not self._auto_widths:
            return
        fm = self.view.fontMetrics()
        type_fit = 16 + 12 + max((fm.horizontalAdvance(t.name) for t in self.session.tag_types), default=60)
        widths = {col: max(MIN_COLUMN, int(available * share)) for col, share in COLUMN_SHARES.items()}
        widths[0] = max(MIN_COLUMN, min(type_fit, widths[0]))
        self._resize_sections(widths)

    def _resize_sections(self, widths: dict[int, int]) -> None:
        header = self.view.horizontalHeader()
        self._sizing = True
        try:
            for col, width in widths.items():
                if col != TEXT_COLUMN:
                    header.resizeSection(col, width)
        finally:
            self._sizing = False

    def _section_resized(self, col: int, _old: int, _new: int) -> None:
        if not self._sizing and col != TEXT_COLUMN and self.view.isVisible():
            self._auto_widths = False  # the analyst dragged a column: keep the widths chosen

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)
