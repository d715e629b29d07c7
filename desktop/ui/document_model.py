"""The project's documents as a list model (title, outlet, date, annotation count) in the order the analyst
chose (``SORT_KEYS``), with a filter proxy.

The model keeps its rows in that order itself (one Python sort of the keys, about 10 ms for 10,000 documents,
where a sorting proxy would call back into Python for every comparison), and moves one row when one document
changes.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt

IdRole = Qt.ItemDataRole.UserRole + 1
DetailRole = Qt.ItemDataRole.UserRole + 2  # "outlet · date" (the author first when sorted by author)
CountRole = Qt.ItemDataRole.UserRole + 3

# How the list can be ordered: key -> label. Empty values (no outlet, no date) always come last.
SORT_KEYS = {
    "added": "Order added",
    "title": "Title",
    "outlet": "Outlet",
    "author": "Author",
    "published": "Newest first",
    "annotations": "Most annotated",
}


def _date(published: str) -> str:
    return published[:10] if published else ""


def _text_key(value: str) -> tuple:
    value = " ".join((value or "").split()).casefold()
    return (value == "", value)


def _descending(text: str) -> tuple:
    """A key that orders strings from the largest down (ISO dates: newest first)."""
    return tuple(-ord(c) for c in text) + (1,)


class DocumentListModel(QAbstractListModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.sort_key = "added"
        self._docs = []
        self._keys: list[tuple] = []  # the sort key of each row, in row order
        self._rows: dict[int, int] = {}

    # ---------------------------------------------------------------- ordering
    def key_of(self, d) -> tuple:
        key = self.sort_key
        if key in ("title", "outlet", "author"):
            return _text_key(getattr(d, key)) + _text_key(d.title) + (d.id,)
        if key == "published":  # newest first; undated last
            return (not d.published, _descending(d.published or ""), d.id)
        if key == "annotations":
            return (-self.session.doc_counts.get(d.id, 0), d.id)
        return (d.id,)

    def _order(self, docs) -> None:
        pairs = sorted(((self.key_of(d), d) for d in docs), key=lambda p: p[0])
        self._keys = [k for k, _ in pairs]
        self._docs = [d for _, d in pairs]
        self._rows = {d.id: i for i, d in enumerate(self._docs)}

    def set_sort(self, key: str) -> None:
        """Order the rows by another key; views keep their current document."""
        key = key if key in SORT_KEYS else "added"
        if key == self.sort_key:
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = [index.data(IdRole) for index in self.persistentIndexList()]
        old = self.persistentIndexList()
        self.sort_key = key
        self._order(self._docs)
        self.changePersistentIndexList(old, [self.index(self._rows[i], 0) if i in self._rows else QModelIndex()
                                             for i in old_ids])
        self.layoutChanged.emit()

    def reload(self) -> None:
        self.beginResetModel()
        self._order(self.session.summaries)
        self.endResetModel()

    def _reposition(self, document_id: int, summary=None) -> int | None:
        """Put one row where its (new) key belongs, moving it if needed; returns its row."""
        row = self._rows.get(document_id)
        if row is None:
            return None
        summary = summary or self._docs[row]
        key = self.key_of(summary)
        self._docs[row] = summary
        if key == self._keys[row]:
            return row
        target = bisect_left(self._keys, key)  # counting the row itself, which sits before it when moving down
        if target > row:
            target -= 1
        if target != row:
            # Qt counts the destination before the row is taken out.
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if target > row else target)
        del self._docs[row], self._keys[row]
        self._docs.insert(target, summary)
        self._keys.insert(target, key)
        lo, hi = min(row, target), max(row, target)
        for i in range(lo, hi + 1):
            self._rows[self._docs[i].id] = i
        if target != row:
            self.endMoveRows()
        return target

    # ----------------------------------------------------------------- changes
    def count_changed(self, document_id: int) -> None:
        row = self._reposition(document_id) if self.sort_key == "annotations" else self._rows.get(document_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [CountRole, Qt.ItemDataRole.ToolTipRole])

    def insert_document(self, document_id: int) -> None:
        """One new document: one row added where the order puts it (no reset, so the view keeps its place)."""
        summary = self._summary(document_id)
        if summary is None or document_id in self._rows:
            return
        key = self.key_of(summary)
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._docs.insert(row, summary)
        self._keys.insert(row, key)
        for i in range(row, len(self._docs)):
            self._rows[self._docs[i].id] = i
        self.endInsertRows()

    def update_document(self, document_id: int) -> None:
        """One document's metadata changed: its row is read again (and moved when the order says so)."""
        summary = self._summary(document_id)
        if summary is None or document_id not in self._rows:
            return
        row = self._reposition(document_id, summary)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def _summary(self, document_id: int):
        return next((d for d in self.session.summaries if d.id == document_id), None)

    # ---------------------------------------------------------------- reading
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
            # Sorted by author, the author leads the grey line, so the order can be seen.
            lead = d.author if self.sort_key == "author" else ""
            return " \u00b7 ".join(x for x in (lead, d.outlet, _date(d.published)) if x)
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


def _esc(text: str) -> str:
    from html import escape

    return escape(text)


class DocumentFilterProxy(QSortFilterProxyModel):
    """Keeps documents whose title, outlet, author or date contain the filter, or whose text matches it (in the
    model's order)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.needle = ""
        self.text_hits: set[int] = set()

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
