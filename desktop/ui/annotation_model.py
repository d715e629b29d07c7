"""The annotations of the shown document as a table model, in document order.

One change inserts, removes, moves or updates one row; only opening another document resets the model.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from desktop.domain.model import Annotation
from desktop.ui import colors

COLUMNS = ("Type", "Text", "Speaker", "Target", "Stance", "Note")
TEXT_PREVIEW = 160

_ORPHAN_GREY = QColor("#8C959F")

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
FilterRole = Qt.ItemDataRole.UserRole + 3
SEP = "\x1f"  # between the type id and the searchable text in FilterRole


def _key(a: Annotation) -> tuple[int, int, int]:
    return (a.start, a.end, a.id)


def _one_line(text: str, limit: int = TEXT_PREVIEW) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class AnnotationTableModel(QAbstractTableModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._rows: list[Annotation] = []
        self._keys: list[tuple[int, int, int]] = []

    # ----------------------------------------------------------------- loading
    def load(self, annotations) -> None:
        self.beginResetModel()
        self._rows = sorted(annotations, key=_key)
        self._keys = [_key(a) for a in self._rows]
        self.endResetModel()

    def add(self, ann: Annotation) -> None:
        k = _key(ann)
        i = bisect_left(self._keys, k)
        if i < len(self._keys) and self._keys[i] == k:
            self.change(ann, ann)
            return
        self.beginInsertRows(QModelIndex(), i, i)
        self._rows.insert(i, ann)
        self._keys.insert(i, k)
        self.endInsertRows()

    def remove(self, ann: Annotation) -> None:
        i = self.row_of(ann.id, _key(ann))
        if i < 0:
            return
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        del self._keys[i]
        self.endRemoveRows()

    def change(self, new: Annotation, old: Annotation) -> None:
        src = self.row_of(old.id, _key(old))
        if src < 0:
            self.add(new)
            return
        k = _key(new)
        if k == self._keys[src]:
            self._rows[src] = new
            self.dataChanged.emit(self.index(src, 0), self.index(src, len(COLUMNS) - 1))
            return
        old_row, old_key = self._rows.pop(src), self._keys.pop(src)
        dst = bisect_left(self._keys, k)  # the row it takes once moved
        if dst == src:
            self._rows.insert(src, new)
            self._keys.insert(src, k)
            self.dataChanged.emit(self.index(src, 0), self.index(src, len(COLUMNS) - 1))
            return
        self._rows.insert(src, old_row)
        self._keys.insert(src, old_key)
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dst if dst < src else dst + 1)
        del self._rows[src]
        del self._keys[src]
        self._rows.insert(dst, new)
        self._keys.insert(dst, k)
        self.endMoveRows()
        self.dataChanged.emit(self.index(dst, 0), self.index(dst, len(COLUMNS) - 1))

    def refresh_all(self) -> None:
        """Tag type names or colours changed: repaint every row (no reset, selection kept)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    # ----------------------------------------------------------------- lookups
    def row_of(self, annotation_id: int, key: tuple[int, int, int] | None = None) -> int:
        if key is not None:
            i = bisect_left(self._keys, key)
            if i < len(self._keys) and self._rows[i].id == annotation_id:
                return i
        for i, a in enumerate(self._rows):
            if a.id == annotation_id:
                return i
        return -1

    def annotation_at(self, row: int) -> Annotation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # ------------------------------------------------------------------ model
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows)) or not (0 <= col < len(COLUMNS)):
            return None
        a = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, col)
        if role == IdRole:
            return a.id
        if role == SortRole:
            return self.type_key(row) if col == 0 else self._display(a, col).casefold()
        if role == FilterRole and col == 0:
            return f"{a.tag_type_id}{SEP}" + " ".join(
                (self._type_name(a), a.text, a.speaker, a.target, a.stance, a.note))
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            t = self.session.types_by_id.get(a.tag_type_id)
            return colors.swatch(t.color) if t else None
        if role == Qt.ItemDataRole.ForegroundRole and a.orphan:
            return _ORPHAN_GREY
        if role == Qt.ItemDataRole.ToolTipRole:
            if a.orphan and col <= 1:
                return ("Orphan: the document's text was corrected and this span no longer holds its text. Select "
                        "the right text and use Edit › Use Selection as Span to anchor it again.")
            if col == 1:
                return a.text if len(a.text) < 1500 else a.text[:1500] + "\u2026"
            if col == 0:
                return self._type_name(a)
            if col in (2, 3, 4):
                return self._display(a, col) or None
            if col == 5 and a.note:
                return a.note
        return None

    def type_key(self, row: int) -> tuple[int, int, int, int]:
        """Where a row goes when sorted by type: codebook order, then position in the text."""
        a = self._rows[row]
        t = self.session.types_by_id.get(a.tag_type_id)
        return (t.order if t else 1 << 30, a.start, a.end, a.id)

    def _type_name(self, a: Annotation) -> str:
        t = self.session.types_by_id.get(a.tag_type_id)
        return t.name if t else "?"

    def _display(self, a: Annotation, col: int) -> str:
        if col == 0:
            return self._type_name(a) + (" (orphan)" if a.orphan else "")
        if col == 1:
            return _one_line(a.text)
        if col == 2:
            return a.speaker
        if col == 3:
            return a.target
        if col == 4:
            return a.stance
        return _one_line(a.note, 80)


class AnnotationFilterProxy(QSortFilterProxyModel):
    """Sorting by any column, filtering by type and free text, all done by Qt's own regex filter.

    No filter set means no per-row Python call at all, so a document with 10,000 annotations opens fast.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterRole(FilterRole)
        self.setFilterKeyColumn(0)
        self.type_id: int | None = None
        self.needle = ""

    def lessThan(self, left, right) -> bool:  # noqa: N802
        # The type column sorts by a tuple (Qt cannot compare Python tuples held in a QVariant); the other columns
        # by their case-folded text (Qt compares the SortRole strings itself).
        model = self.sourceModel()
        if left.column() == 0 and isinstance(model, AnnotationTableModel):
            return model.type_key(left.row()) < model.type_key(right.row())
        return super().lessThan(left, right)

    def set_filter(self, type_id: int | None, needle: str) -> None:
        from PySide6.QtCore import QRegularExpression

        self.type_id, self.needle = type_id, needle.strip()
        if type_id is None and not self.needle:
            self.setFilterRegularExpression(QRegularExpression())
            return
        head = f"^{type_id}{SEP}" if type_id is not None else ""
        body = QRegularExpression.escape(self.needle) if self.needle else ""
        pattern = head + (".*" + body if head and body else body)
        options = (QRegularExpression.PatternOption.CaseInsensitiveOption
                   | QRegularExpression.PatternOption.DotMatchesEverythingOption
                   | QRegularExpression.PatternOption.UseUnicodePropertiesOption)
        self.setFilterRegularExpression(QRegularExpression(pattern, options))
