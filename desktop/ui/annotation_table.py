"""The annotation table with its filters (type, free text). Selecting a row selects that annotation."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
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

COLUMN_WIDTHS = {0: 132, 1: 190, 2: 120, 3: 130, 4: 80, 5: 160}


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
        for col, width in COLUMN_WIDTHS.items():
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
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
        # The type column fits the longest type name (with its swatch), within reason.
        fm = self.view.fontMetrics()
        widest = max((fm.horizontalAdvance(t.name) for t in self.session.tag_types), default=60)
        self.view.horizontalHeader().resizeSection(0, min(190, max(90, widest + 40)))

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
            if not index.isValid():  # filtered out
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
    def _filter_changed(self, *_args) -> None:
        self.proxy.set_filter(self.type_filter.currentData(), self.text_filter.text())
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

    def column_widths(self) -> list[int]:
        return [self.view.horizontalHeader().sectionSize(i) for i in range(len(COLUMNS))]
