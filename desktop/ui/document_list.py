"""The document list: a filter box over the project's documents, two lines per document."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QItemSelectionModel, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import ClaimdeskError
from desktop.ui.document_model import (
    SORT_KEYS,
    CountRole,
    DetailRole,
    DocumentFilterProxy,
    DocumentListModel,
    IdRole,
)
from desktop.ui.item_painting import bold_font, paint_row_background


class DocumentDelegate(QStyledItemDelegate):
    """Title (elided) with the annotation count on the right; outlet and date below in grey."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        fm = option.fontMetrics
        return QSize(120, fm.lineSpacing() * 3 + 16)

    def paint(self, painter, option, index) -> None:
        painter.save()
        selected, fg = paint_row_background(painter, option)
        grey = QColor("#E8EEF4") if selected else QColor("#6E7781")
        r = option.rect.adjusted(10, 7, -10, -7)
        fm = option.fontMetrics
        line = fm.lineSpacing()
        count = index.data(CountRole) or 0
        bold = bold_font(option.font)
        painter.setFont(bold)
        painter.setPen(fg)
        bfm = painter.fontMetrics()
        # The title on up to two lines, the second elided.
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        first, rest = _split_line(bfm, title, r.width())
        painter.drawText(QRect(r.left(), r.top(), r.width(), line), Qt.AlignmentFlag.AlignVCenter, first)
        if rest:
            painter.drawText(QRect(r.left(), r.top() + line, r.width(), line), Qt.AlignmentFlag.AlignVCenter,
                             bfm.elidedText(rest, Qt.TextElideMode.ElideRight, r.width()))
        painter.setFont(option.font)
        painter.setPen(grey)
        detail = index.data(DetailRole) or ""
        detail = (detail + " \u00b7 " if detail else "") + f"{count} annotation{'s' if count != 1 else ''}"
        top = r.top() + line * (2 if rest else 1) + 1
        painter.drawText(QRect(r.left(), top, r.width(), line), Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(detail, Qt.TextElideMode.ElideRight, r.width()))
        painter.setPen(QColor("#E1E4E8"))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()


def _split_line(fm, text: str, width: int) -> tuple[str, str]:
    """The words of ``text`` that fit on one line of ``width``, and the rest."""
    if fm.horizontalAdvance(text) <= width:
        return text, ""
    words = text.split(" ")
    line = ""
    for i, w in enumerate(words):
        candidate = f"{line} {w}" if line else w
        if fm.horizontalAdvance(candidate) > width:
            if not line:  # one long word: cut it
                return fm.elidedText(text, Qt.TextElideMode.ElideRight, width), ""
            return line, " ".join(words[i:])
        line = candidate
    return line, ""


class DocumentListPanel(QWidget):
    documentChosen = Signal(int)
    propertiesRequested = Signal(int)  # double-click or context menu on a row: that document's id
    correctRequested = Signal(int)
    historyRequested = Signal(int)
    sortChanged = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("documentPanel")
        self.model = DocumentListModel(session, self)
        self.proxy = DocumentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("documentFilter")
        self.filter.setAccessibleName("Filter documents")
        self.filter.setPlaceholderText("Filter by title, outlet, author\u2026")
        self.filter.setToolTip("Keeps the documents whose title, outlet, author or date holds these letters, "
                               "or whose text holds these words")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.view = QListView(self)
        self.view.setObjectName("documentList")
        self.view.setAccessibleName("Documents")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(DocumentDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setMouseTracking(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda index: self.propertiesRequested.emit(index.data(IdRole)))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.sort_combo = QComboBox(self)
        self.sort_combo.setObjectName("documentSort")
        self.sort_combo.setAccessibleName("Sort documents by")
        self.sort_combo.setToolTip("Order of the documents")
        for key, label in SORT_KEYS.items():
            self.sort_combo.addItem(label, key)
        self.sort_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort_combo.currentIndexChanged.connect(self._sort_chosen)
        self.title = QLabel("<b>Documents</b>", self)
        self.empty = QLabel("No documents yet.", self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setStyleSheet("color: #6E7781; padding: 24px 12px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(6)
        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.sort_combo)
        layout.addLayout(heading)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self._syncing = False
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        self._update_title()
        if self.session.document is not None:
            self.set_current(self.session.document.id)

    def document_added(self, document_id: int) -> None:
        """One new document: one row, and the count in the title."""
        self.model.insert_document(document_id)
        self._update_title()

    def document_updated(self, document_id: int) -> None:
        self.model.update_document(document_id)

    def _update_title(self) -> None:
        n = self.model.rowCount()
        self.title.setText(f"<b>Documents</b> <span style='color:#6E7781'>({n})</span>" if n else "<b>Documents</b>")
        self.empty.setVisible(n == 0 and self.session.project is not None)
        self.view.setVisible(n > 0 or self.session.project is None)

    def set_current(self, document_id: int | None) -> None:
        self._syncing = True
        try:
            row = self.model.row_of(document_id) if document_id is not None else -1
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
            if index is None or not index.isValid():
                self.view.selectionModel().clear()
                return
            self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(index)
        finally:
            self._syncing = False

    def _current_changed(self, current, _previous) -> None:
        if not self._syncing and current.isValid():
            self.documentChosen.emit(current.data(IdRole))

    def _filter_changed(self, text: str) -> None:
        hits: set[int] = set()
        if text.strip() and self.session.project is not None:
            try:
                hits = set(self.session.project.search_documents(text))
            except (sqlite3.Error, ClaimdeskError):  # an odd query only narrows the filter to titles
                hits = set()
        self.proxy.set_filter(text, hits)
        if self.session.document is not None:
            self.set_current(self.session.document.id)

    # ------------------------------------------------------------------ sorting
    def set_sort(self, key: str) -> None:
        i = self.sort_combo.findData(key)
        self.sort_combo.setCurrentIndex(i if i >= 0 else 0)
        self._sort_chosen()

    def sort_key(self) -> str:
        return self.model.sort_key

    def _sort_chosen(self, *_args) -> None:
        key = self.sort_combo.currentData() or "added"
        self.model.set_sort(key)
        if self.session.document is not None:
            self.set_current(self.session.document.id)
        self.sortChanged.emit(key)

    def titles(self) -> list[str]:
        """The titles as the list shows them, top to bottom."""
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    # ------------------------------------------------------------- context menu
    def context_menu(self, document_id: int) -> QMenu:
        """The menu of one row (built on its own so it can be tested without showing it)."""
        menu = QMenu(self)
        menu.setObjectName("documentContextMenu")
        menu.addAction("&Open", lambda: self.documentChosen.emit(document_id))
        menu.addAction("&Properties\u2026", lambda: self.propertiesRequested.emit(document_id))
        correct = menu.addAction("&Correct Text\u2026", lambda: self.correctRequested.emit(document_id))
        project = self.session.project
        correct.setEnabled(project is not None and not project.readonly)
        menu.addAction("&History\u2026", lambda: self.historyRequested.emit(document_id))
        return menu

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = self.context_menu(index.data(IdRole))
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()
