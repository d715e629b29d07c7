"""Search every document of the project (SQLite FTS5 over titles and texts): a box and the matching documents,
best first, each with a snippet of its text around the match. Activating a result emits
``documentActivated(document_id)``.

Searching runs a moment after typing stops (one query; the last word also matches longer words, so ``legit``
finds ``legitimacy``). Down moves from the box into the results, Enter opens the current (or first) result,
Escape clears the box.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import ClaimdeskError
from desktop.ops.queries import HIT_CLOSE, HIT_OPEN, search_hits
from desktop.ui.item_painting import bold_font, paint_row_background

_bold = bold_font  # the bold face matched words are measured and drawn in

IdRole = Qt.ItemDataRole.UserRole + 1
SnippetRole = Qt.ItemDataRole.UserRole + 2
PAUSE_MS = 180
LIMIT = 200


def plain_snippet(snippet: str) -> str:
    return snippet.replace(HIT_OPEN, "").replace(HIT_CLOSE, "")


def fit_snippet(snippet: str, font: QFont, width: int) -> list[tuple[str, bool]]:
    """The pieces of a snippet drawn on one line ``width`` pixels wide, as (text, is a match).

    The first matched word is always shown whole: when the words before it do not leave room for it, they are
    cut at the left (after an ellipsis, at a word start); what does not fit after it is cut at the right."""
    normal, bold = QFontMetrics(font), QFontMetrics(_bold(font))
    parts, hit = [], False
    for part in " ".join(snippet.split()).replace(HIT_CLOSE, HIT_OPEN).split(HIT_OPEN):
        if part:
            parts.append((part, hit))
        hit = not hit

    def advance(part: str, is_hit: bool) -> int:
        return (bold if is_hit else normal).horizontalAdvance(part)

    first = next((i for i, (_p, is_hit) in enumerate(parts) if is_hit), None)
    if first is not None:
        match_width = advance(*parts[first])
        tail = normal.horizontalAdvance("…") * 3  # a little of what follows the match stays in sight
        dots = normal.horizontalAdvance("\u2026")
        room = max(width - match_width - tail, min(dots, width - match_width))
        before = "".join(p for p, _h in parts[:first])
        if normal.horizontalAdvance(before) > room:
            cut = normal.elidedText(before, Qt.TextElideMode.ElideLeft, max(room, 0))
            if cut != before:
                rest = cut[1:] if cut.startswith("…") else cut
                if " " in rest and not rest.startswith(" "):
                    rest = rest[rest.index(" "):]  # start at a whole word
                cut = "…" + rest if rest.strip() else "…"
                if normal.horizontalAdvance(cut) > max(room, 0):
                    cut = "…" if normal.horizontalAdvance("…") <= max(room, 0) else ""
            parts = ([(cut, False)] if cut else []) + parts[first:]
    shown, x = [], 0
    for part, is_hit in parts:
        w = advance(part, is_hit)
        if x + w > width:
            part = (bold if is_hit else normal).elidedText(part, Qt.TextElideMode.ElideRight, width - x)
            if part:
                shown.append((part, is_hit))
            break
        shown.append((part, is_hit))
        x += w
    return shown


class _ResultDelegate(QStyledItemDelegate):
    """The title in bold; below it the snippet in grey with the matched words in bold."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        return QSize(200, option.fontMetrics.height() * 2 + 12)

    def paint(self, painter, option, index) -> None:
        painter.save()
        selected, fg = paint_row_background(painter, option)
        grey = fg if selected else QColor("#57606A")
        r = option.rect.adjusted(8, 5, -8, -5)
        fm = option.fontMetrics
        bold = bold_font(option.font)
        painter.setFont(bold)
        painter.setPen(fg)
        title = painter.fontMetrics().elidedText(index.data(Qt.ItemDataRole.DisplayRole) or "",
                                                 Qt.TextElideMode.ElideRight, r.width())
        painter.drawText(QRect(r.left(), r.top(), r.width(), fm.height()), Qt.AlignmentFlag.AlignVCenter, title)
        x, y = r.left(), r.top() + fm.height() + 2
        painter.setPen(grey)
        for part, hit in fit_snippet(index.data(SnippetRole) or "", option.font, r.width()):
            painter.setFont(bold if hit else option.font)
            width = painter.fontMetrics().horizontalAdvance(part)
            painter.drawText(QRect(x, y, width + 1, fm.height()), Qt.AlignmentFlag.AlignVCenter, part)
            x += width
        painter.restore()


class SearchBox(QWidget):
    documentActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None, project=None):
        super().__init__(parent)
        self.project = project
        self.setObjectName("searchBox")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setAccessibleName("Search all documents")
        self.edit.setPlaceholderText("Search all documents\u2026")
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setStyleSheet("color: #6E7781;")
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Documents matching the search")
        self.results.setItemDelegate(_ResultDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setMouseTracking(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.itemClicked.connect(self._activate)
        self.results.itemActivated.connect(self._activate)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.returnPressed.connect(self.activate_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._show([], "")

    def set_project(self, project) -> None:
        """Search another project (None: nothing open); the box is cleared."""
        self.project = project
        self.edit.clear()
        self._timer.stop()
        self._show([], "")

    def refresh(self) -> None:
        """Run the current search again (after documents were added, removed or retitled)."""
        if self.edit.text().strip():
            self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.edit.text()
        if self.project is None or not query.strip():
            self._show([], "")
            return
        try:
            hits = search_hits(self.project, query, limit=LIMIT, prefix=True)
        except (sqlite3.Error, ClaimdeskError) as exc:
            self._show([], f"The search could not run: {exc}")
            return
        if not hits:
            message = "No document holds every word."
        elif len(hits) >= LIMIT:
            message = f"The {LIMIT} best matches; add a word to narrow the search."
        else:
            message = f"{len(hits)} document{'s' if len(hits) != 1 else ''}"
        self._show(hits, message)

    def _show(self, hits, message: str) -> None:
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(hit.title)
            item.setData(IdRole, hit.id)
            item.setData(SnippetRole, hit.snippet)
            item.setToolTip(f"{hit.title}\n\n{plain_snippet(hit.snippet)}")
            self.results.addItem(item)
        self.status.setText(message)
        self.status.setVisible(bool(message))
        self.results.setVisible(bool(hits))

    def titles(self) -> list[str]:
        return [self.results.item(i).text() for i in range(self.results.count())]

    def activate_current(self) -> None:
        if self._timer.isActive():
            self.run_search()
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._activate(item)

    def _activate(self, item: QListWidgetItem) -> None:
        self.documentActivated.emit(int(item.data(IdRole)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.edit.text():
                self.edit.clear()
                return True
        return super().eventFilter(watched, event)


def make_search_box(parent: QWidget | None, project=None) -> SearchBox:
    """A search box over ``project`` (``set_project`` changes it); connect ``documentActivated``."""
    return SearchBox(parent, project)
