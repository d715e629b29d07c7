"""The document list: a filter box over the project's documents, two lines per document."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QItemSelectionModel, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import ClaimdeskError
from desktop.ui.document_model import CountRole, DetailRole, DocumentFilterProxy, DocumentListModel, IdRole


class DocumentDelegate(QStyledItemDelegate):
    """Title (elided) with the annotation count on the right; outlet and date below in grey."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        fm = option.fontMetrics
        return QSize(200, fm.height() * 2 + 14)

    def paint(self, painter, option, index) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, QColor("#EEF1F4"))
        fg = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        grey = fg if selected else QColor("#6E7781")
        r = option.rect.adjusted(10, 6, -10, -6)
        fm = option.fontMetrics
        count = index.data(CountRole) or 0
        badge = str(count)
        bold = QFont(option.font)
        bold.setBold(True)
        bw = fm.horizontalAdvance(badge) + 12
        painter.setFont(option.font)
        if count:
            badge_rect = QRect(r.right() - bw + 1, r.top(), bw, fm.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#FFFFFF") if selected else QColor("#E7ECF0"))
            painter.drawRoundedRect(badge_rect, fm.height() / 2, fm.height() / 2)
            painter.setPen(QColor("#24292F"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        title_w = r.width() - (bw + 6 if count else 0)
        painter.setFont(bold)
        painter.setPen(fg)
        title = painter.fontMetrics().elidedText(index.data(Qt.ItemDataRole.DisplayRole) or "",
                                                 Qt.TextElideMode.ElideRight, title_w)
        painter.drawText(QRect(r.left(), r.top(), title_w, fm.height()), Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(option.font)
        painter.setPen(grey)
        detail = index.data(DetailRole) or ""
        detail = (detail + " \u00b7 " if detail else "") + (f"{count} annotation{'s' if count != 1 else ''}")
        painter.drawText(QRect(r.left(), r.top() + fm.height() + 2, r.width(), fm.height()),
                         Qt.AlignmentFlag.AlignVCenter, fm.elidedText(detail, Qt.TextElideMode.ElideRight, r.width()))
        painter.setPen(QColor("#E1E4E8"))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()
        del style


class DocumentListPanel(QWidget):
    documentChosen = Signal(int)

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
        self.filter.setPlaceholderText("Filter documents\u2026")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.view = QListView(self)
        self.view.setObjectName("documentList")
        self.view.setAccessibleName("Documents")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(DocumentDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setMouseTracking(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.title = QLabel("<b>Documents</b>", self)
        self.empty = QLabel("No documents yet.\n\nImport articles with File \u203a Import documents (Ctrl+I) "
                            "or drop files on the window.", self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #6E7781; padding: 12px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self._syncing = False
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        n = self.model.rowCount()
        self.title.setText(f"<b>Documents</b> <span style='color:#6E7781'>({n})</span>" if n else "<b>Documents</b>")
        self.empty.setVisible(n == 0 and self.session.project is not None)
        self.view.setVisible(n > 0 or self.session.project is None)
        if self.session.document is not None:
            self.set_current(self.session.document.id)

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
