"""The orphans: annotations whose text a correction of their document left nowhere. They keep their text and
attributes; this list lets the analyst find each one, show it, and give it a span again (select its new text in
the article, then Edit > Use Selection as Span).

The window keeps the list open beside it and calls ``refresh`` after a change; activating a row emits
``annotationActivated(document_id, annotation_id)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ops.queries import document_titles, orphan_annotations

COLUMNS = ("Document", "Type", "Text", "Speaker", "Note")
IdRole = Qt.ItemDataRole.UserRole + 1


class OrphanListDialog(QDialog):
    annotationActivated = Signal(int, int)  # document id, annotation id

    def __init__(self, project, document_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.document_id = document_id
        self.setObjectName("orphanListDialog")
        self.setWindowTitle("Orphan Annotations")
        self.resize(760, 360)
        self.summary = QLabel(self)
        self.summary.setObjectName("orphanSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("orphanTable")
        self.table.setAccessibleName("Orphan annotations")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.itemActivated.connect(lambda _item: self.activate_current())
        self.table.itemDoubleClicked.connect(lambda _item: self.activate_current())
        self.show_button = QPushButton("Show in Article", self)
        self.show_button.setObjectName("showOrphanButton")
        self.show_button.clicked.connect(self.activate_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Read the orphans again (one query)."""
        orphans = orphan_annotations(self.project, self.document_id)
        names = {t.id: t.name for t in self.project.tag_types()}
        titles = document_titles(self.project, sorted({a.document_id for a in orphans}))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(orphans))
        for row, a in enumerate(orphans):
            values = (titles.get(a.document_id, str(a.document_id)), names.get(a.tag_type_id, ""),
                      " ".join(a.text.split()), a.speaker, " ".join(a.note.split()))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(a.text if col == 2 else value)
                item.setData(IdRole, (a.document_id, a.id))
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.setSortingEnabled(True)
        n = len(orphans)
        if n:
            self.summary.setText(f"{n} annotation{'s are' if n != 1 else ' is'} no longer anchored in the text. "
                                 f"Show one, select its text in the article, then choose Edit \u203a Use "
                                 f"Selection as Span.")
            self.table.selectRow(0)
        else:
            self.summary.setText("No orphans: every annotation is anchored in its document's text.")
        self.show_button.setEnabled(n > 0)

    def rows(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row."""
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]

    def activate_current(self) -> None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        if item is not None:
            document_id, annotation_id = item.data(IdRole)
            self.annotationActivated.emit(document_id, annotation_id)


def show_orphans(parent: QWidget | None, project, document_id: int | None = None) -> OrphanListDialog:
    """Open the orphan list beside the window (not modal); connect its ``annotationActivated``."""
    dialog = OrphanListDialog(project, document_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
