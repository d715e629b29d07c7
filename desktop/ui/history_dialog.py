"""The history of an annotation or of a document, read from the project's append-only ``history`` table: when,
who, what happened, and what changed (each changed field, before and after).

``show_history`` opens it beside the window (not modal) and returns the dialog.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import ClaimdeskError
from desktop.domain.anchor import common_prefix, common_suffix

COLUMNS = ("When", "Who", "Action", "Annotation", "What changed")
ACTIONS = {"create": "Created", "update": "Edited", "delete": "Deleted", "reanchor": "Re-anchored"}
# Fields shown in a change, in this order (context, ids and timestamps are bookkeeping, not the analyst's content).
SHOWN_FIELDS = ("tag_type_id", "span", "speaker", "target", "stance", "note", "fields", "orphan")
QUOTE_CHARS = 60


def local_time(stamp: str) -> str:
    """``2026-11-25T07:16:25.183Z`` as local time, ``2026-11-25 08:16:25``."""
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except (ValueError, AttributeError):
        return stamp or ""


def _quote(text: str, width: int = QUOTE_CHARS) -> str:
    text = " ".join((text or "").split())
    if len(text) > width:
        text = text[:width - 1].rstrip() + "\u2026"
    return f"\u201c{text}\u201d" if text else "(empty)"


def _value(name: str, image: dict, type_names: dict[int, str]) -> str:
    if name == "tag_type_id":
        return type_names.get(image.get("tag_type_id"), f"type {image.get('tag_type_id')}")
    if name == "span":
        return f"{image.get('start')}\u2013{image.get('end')} {_quote(image.get('text', ''))}"
    if name == "orphan":
        return "orphan" if image.get("orphan") else "anchored"
    if name == "fields":
        fields = image.get("fields") or {}
        return ", ".join(f"{k}: {v}" for k, v in sorted(fields.items())) or "(none)"
    return _quote(str(image.get(name) or ""))


def _span(image: dict) -> tuple:
    return image.get("start"), image.get("end"), image.get("text")


def changed_fields(before: dict, after: dict) -> list[str]:
    out = []
    for name in SHOWN_FIELDS:
        if name == "span":
            if _span(before) != _span(after):
                out.append(name)
        elif name == "fields":
            if (before.get("fields") or {}) != (after.get("fields") or {}):
                out.append(name)
        elif name == "orphan":
            if bool(before.get("orphan")) != bool(after.get("orphan")):
                out.append(name)
        elif (before.get(name) or "") != (after.get(name) or ""):
            out.append(name)
    return out


_LABELS = {"tag_type_id": "type", "span": "span", "fields": "fields", "orphan": "anchoring"}


def _cuts(text: str, i: int) -> bool:
    """True when position ``i`` falls inside a word."""
    return 0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum()


def _text_change(before: dict, after: dict) -> str:
    old, new = before.get("text") or "", after.get("text") or ""
    p = common_prefix(old, new)
    s = common_suffix(old, new, p)
    # Show whole words ("foundations" -> "basis", not "foundation" -> "basi"): widen a boundary that cuts one.
    while p > 0 and (_cuts(old, p) or _cuts(new, p)):
        p -= 1
    while s > 0 and (_cuts(old, len(old) - s) or _cuts(new, len(new) - s)):
        s -= 1
    was, now = old[p:len(old) - s], new[p:len(new) - s]
    counts = f"{len(old):,} \u2192 {len(new):,} characters"
    if not was and not now:
        return f"text corrected ({counts})"
    return f"text corrected at character {p:,}: {_quote(was, 40)} \u2192 {_quote(now, 40)} ({counts})"


def describe(row: dict, type_names: dict[int, str]) -> str:
    """One line saying what a history row changed."""
    action, before, after = row.get("action"), row.get("before") or {}, row.get("after") or {}
    if action == "reanchor" and row.get("annotation_id") is None:
        return _text_change(before, after)
    if action == "create":
        parts = [f"{_value('tag_type_id', after, type_names)} {_value('span', after, type_names)}"]
        parts += [f"{n}: {_value(n, after, type_names)}" for n in ("speaker", "target", "stance", "note")
                  if after.get(n)]
        if after.get("fields"):
            parts.append(f"fields: {_value('fields', after, type_names)}")
        return "; ".join(parts)
    if action == "delete":
        return f"{_value('tag_type_id', before, type_names)} {_value('span', before, type_names)} deleted"
    names = changed_fields(before, after)
    if not names:
        return "no visible change"
    parts = []
    for n in names:
        if n == "orphan":
            parts.append("its text is no longer in the document: kept as an orphan" if after.get("orphan")
                         else "anchored in the text again")
        else:
            parts.append(f"{_LABELS.get(n, n)}: {_value(n, before, type_names)} \u2192 "
                         f"{_value(n, after, type_names)}")
    return "; ".join(parts)


def action_label(row: dict) -> str:
    if row.get("action") == "reanchor" and row.get("annotation_id") is None:
        return "Text corrected"
    return ACTIONS.get(row.get("action"), row.get("action") or "")


class HistoryModel(QAbstractTableModel):
    """History rows; each row's description is worked out when first shown."""

    def __init__(self, rows: list[dict], type_names: dict[int, str], parent=None):
        super().__init__(parent)
        self._rows = rows
        self._names = type_names
        self._described: dict[int, str] = {}

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def text(self, row: int, column: int) -> str:
        r = self._rows[row]
        if column == 0:
            return local_time(r.get("at", ""))
        if column == 1:
            return r.get("who") or ""
        if column == 2:
            return action_label(r)
        if column == 3:
            return f"#{r['annotation_id']}" if r.get("annotation_id") is not None else "(document)"
        if row not in self._described:
            self._described[row] = describe(r, self._names)
        return self._described[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(index.row(), index.column())
            if role == Qt.ItemDataRole.ToolTipRole:
                return text.replace("; ", "\n") if index.column() == 4 else None
            return text
        return None


class HistoryDialog(QDialog):
    def __init__(self, project, annotation_id: int | None = None, document_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.resize(900, 420)
        rows = project.history(document_id=document_id, annotation_id=annotation_id)
        names = {t.id: t.name for t in project.tag_types()}
        if annotation_id is not None:
            what = f"annotation #{annotation_id}"
        elif document_id is not None:
            try:
                what = f"\u201c{project.document(document_id).title}\u201d"
            except ClaimdeskError:
                what = f"document {document_id}"
        else:
            what = "the project"
        self.setWindowTitle(f"History of {what}")
        self.heading = QLabel(f"{len(rows)} change{'s' if len(rows) != 1 else ''} to {what}, oldest first. "
                              f"Every change is kept; none can be altered.", self)
        self.heading.setObjectName("historyHeading")
        self.heading.setWordWrap(True)
        self.model = HistoryModel(rows, names, self)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName("History")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 150), (1, 110), (2, 110), (3, 90)):
            header.resizeSection(col, width)
        self.table.setColumnHidden(3, annotation_id is not None)
        self.detail = QLabel(self)
        self.detail.setObjectName("historyDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(48)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setStyleSheet("background: #F6F8FA; border: 1px solid #D0D7DE; padding: 6px;")
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_detail(cur.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        if rows:
            self.table.selectRow(len(rows) - 1)
        self._show_detail(len(rows) - 1)
        self.table.scrollToBottom()

    def _show_detail(self, row: int) -> None:
        """The selected change in full, one changed field per line."""
        if not 0 <= row < self.model.rowCount():
            self.detail.setText("No changes recorded yet." if not self.model.rowCount() else "")
            return
        head = f"{self.model.text(row, 0)} · {self.model.text(row, 1) or 'unknown'} · " \
               f"{self.model.text(row, 2)} {self.model.text(row, 3) if not self.table.isColumnHidden(3) else ''}"
        self.detail.setText(head.rstrip() + "\n" + self.model.text(row, 4).replace("; ", "\n"))

    def rows(self) -> list[tuple[str, ...]]:
        """What the table shows (visible columns only), row by row."""
        cols = [c for c in range(len(COLUMNS)) if not self.table.isColumnHidden(c)]
        return [tuple(self.model.text(r, c) for c in cols) for r in range(self.model.rowCount())]


def show_history(parent: QWidget | None, project, annotation_id: int | None = None,
                 document_id: int | None = None) -> HistoryDialog:
    """Open the history of an annotation (or of a document) beside the window."""
    dialog = HistoryDialog(project, annotation_id, document_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
