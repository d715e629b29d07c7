"""The project's documents as a list model (title, outlet, date, annotation count), with a filter proxy."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt

IdRole = Qt.ItemDataRole.UserRole + 1
DetailRole = Qt.ItemDataRole.UserRole + 2  # "outlet · date"
CountRole = Qt.ItemDataRole.UserRole + 3


def _date(published: str) -> str:
    return published[:10] if published else ""


class DocumentListModel(QAbstractListModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._docs = []
        self._rows: dict[int, int] = {}

    def reload(self) -> None:
        self.beginResetModel()
        self._docs = list(self.session.summaries)
        self._rows = {d.id: i for i, d in enumerate(self._docs)}
        self.endResetModel()

    def count_changed(self, document_id: int) -> None:
        row = self._rows.get(document_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [CountRole, Qt.ItemDataRole.ToolTipRole])

    def insert_document(self, document_id: int) -> None:
        """One new document: one row added at the end (no reset, so the view keeps its place)."""
        summary = self._summary(document_id)
        if summary is None or document_id in self._rows:
            return
        row = len(self._docs)
        self.beginInsertRows(QModelIndex(), row, row)
        self._docs.append(summary)
        self._rows[document_id] = row
        self.endInsertRows()

    def update_document(self, document_id: int) -> None:
        """One document's metadata changed: its row is read again."""
        row = self._rows.get(document_id)
        summary = self._summary(document_id)
        if row is None or summary is None:
            return
        self._docs[row] = summary
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def _summary(self, document_id: int):
        return next((d for d in self.session.summaries if d.id == document_id), None)

    def row_of(self, document_id: int) -> int:
        return self._rows.get(document_id, -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._docs)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._docs)):
            return None
        d = self._docs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return d.title
        if role == IdRole:
            return d.id
        if role == CountRole:
            return self.session.doc_counts.get(d.id, 0)
        if role == DetailRole:
            return " \u00b7 ".join(x for x in (d.outlet, _date(d.published)) if x)
        if role == Qt.ItemDataRole.ToolTipRole:
            n = self.session.doc_counts.get(d.id, 0)
            lines = [f"<b>{_esc(d.title)}</b>"]
            for label, value in (("Outlet", d.outlet), ("Author", d.author), ("Published", d.published),
                                 ("URL", d.url)):
                if value:
                    lines.append(f"{label}: {_esc(value)}")
            lines.append(f"{d.char_count:,} characters, {n} annotation{'s' if n != 1 else ''}")
            return "<br>".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            n = self.session.doc_counts.get(d.id, 0)
            return f"{d.title}, {n} annotations"
        return None

    def search_text(self, row: int) -> str:
        d = self._docs[row]
        return f"{d.title} {d.outlet} {d.author} {d.published}".casefold()

    def summary_at(self, row: int):
        return self._docs[row]


def _descending(text: str) -> tuple:
    """A key that orders strings from the largest down (ISO dates: newest first)."""
    return tuple(-ord(c) for c in text) + (1,)


def _esc(text: str) -> str:
    from html import escape

    return escape(text)


# How the list can be ordered: key -> label. Empty values (no outlet, no date) always come last.
SORT_KEYS = {
    "added": "Order added",
    "title": "Title",
    "outlet": "Outlet",
    "author": "Author",
    "published": "Newest first",
    "annotations": "Most annotated",
}


def _text_key(value: str) -> tuple:
    value = " ".join((value or "").split()).casefold()
    return (value == "", value)


class DocumentFilterProxy(QSortFilterProxyModel):
    """Keeps documents whose title, outlet, author or date contain the filter, or whose text matches it; orders
    them by one of ``SORT_KEYS``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.needle = ""
        self.text_hits: set[int] = set()
        self.sort_key = "added"
        self.setDynamicSortFilter(True)

    def set_sort(self, key: str) -> None:
        self.sort_key = key if key in SORT_KEYS else "added"
        # The order added is the model's own order: no sorting at all.
        self.sort(-1 if self.sort_key == "added" else 0, Qt.SortOrder.AscendingOrder)
        self.invalidate()

    def _key(self, row: int) -> tuple:
        model = self.sourceModel()
        d = model.summary_at(row)
        key = self.sort_key
        if key in ("title", "outlet", "author"):
            return _text_key(getattr(d, key)) + _text_key(d.title) + (d.id,)
        if key == "published":  # newest first; undated last
            return (not d.published, _descending(d.published or ""), d.id)
        if key == "annotations":
            return (-model.session.doc_counts.get(d.id, 0), d.id)
        return (d.id,)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Sorted by author, the author leads the grey line, so the order can be seen.
        if role == DetailRole and self.sort_key == "author" and index.isValid():
            author = self.sourceModel().summary_at(self.mapToSource(index).row()).author
            detail = super().data(index, role)
            return " \u00b7 ".join(x for x in (author, detail) if x)
        return super().data(index, role)

    def lessThan(self, left, right) -> bool:  # noqa: N802
        return self._key(left.row()) < self._key(right.row())

    def set_filter(self, needle: str, text_hits: set[int]) -> None:
        self.beginFilterChange()
        self.needle = needle.strip().casefold()
        self.text_hits = text_hits
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        if not self.needle:
            return True
        model = self.sourceModel()
        if self.needle in model.search_text(source_row):
            return True
        return model.index(source_row, 0).data(IdRole) in self.text_hits
