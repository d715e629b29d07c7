"""Find in the article: case-insensitive, straight and curly quotes alike, with a count.

Enter selects the next match, Shift+Enter the previous one; Escape closes the bar and gives the focus back to the
article with the match still selected, so a tag key tags it.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desktop.domain.text import find_all, fold_for_search

MAX_SHOWN_HITS = 10_000  # beyond this the count is still right, but only the first ones are tinted


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, article, parent=None):
        super().__init__(parent)
        self.article = article
        self.setObjectName("findBar")
        self.setAccessibleName("Find in article")
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self._folded_for: tuple[int, str] | None = None  # (id of the text, its folded form)

        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setAccessibleName("Find")
        self.edit.setPlaceholderText("Find in article (quotes and case ignored)")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._search)
        self.edit.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(90)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        prev_btn = QToolButton(self, text="\u2191", toolTip="Previous match (Shift+Enter)", autoRaise=True)
        next_btn = QToolButton(self, text="\u2193", toolTip="Next match (Enter)", autoRaise=True)
        close_btn = QToolButton(self, text="\u2715", toolTip="Close (Esc)", autoRaise=True)
        prev_btn.clicked.connect(self.previous)
        next_btn.clicked.connect(self.next)
        close_btn.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(prev_btn)
        layout.addWidget(next_btn)
        layout.addWidget(close_btn)
        self.setStyleSheet("#findBar { background: #F3F4F6; border-bottom: 1px solid #D0D7DE; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()

    # ----------------------------------------------------------------- opening
    def open_bar(self) -> None:
        self._anchor = self.article.offsets.from_utf16(self.article.textCursor().selectionStart())
        selected = self.article.selected_text()  # the stored text, not the view's line breaks
        self.show()
        if selected and "\n" not in selected and len(selected) < 200 and selected != self.edit.text():
            self.edit.setText(selected)
        elif self.edit.text():
            self._search(self.edit.text())
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.article.highlighter.set_hits([])
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and self._key(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event) -> bool:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape:
            self.close_bar()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.previous() if shift else self.next()
        elif event.matches(QKeySequence.StandardKey.FindNext):
            self.next()
        elif event.matches(QKeySequence.StandardKey.FindPrevious):
            self.previous()
        else:
            return False
        return True

    def document_changed(self) -> None:
        """A new text is shown: search it again if the bar is open."""
        self._folded_for = None
        self.matches, self.current = [], -1
        if self.isVisible() and self.edit.text():
            self._anchor = 0
            self._search(self.edit.text())
        else:
            self._update_count()

    # --------------------------------------------------------------- searching
    def _folded(self) -> str:
        text = self.article.text
        if self._folded_for is None or self._folded_for[0] != id(text):
            self._folded_for = (id(text), fold_for_search(text))
        return self._folded_for[1]

    def _search(self, needle: str) -> None:
        text = self.article.text
        self.matches = find_all(text, needle, folded_text=self._folded()) if needle else []
        to16 = self.article.offsets.to_utf16
        self.article.highlighter.set_hits([(to16(s), to16(e)) for s, e in self.matches[:MAX_SHOWN_HITS]])
        if self.matches:
            anchor = getattr(self, "_anchor", 0)
            i = bisect_left(self.matches, (anchor, -1))
            self._go(i if i < len(self.matches) else 0)
        else:
            self.current = -1
            self._update_count()

    def next(self) -> None:
        if self.matches:
            self._go((self.current + 1) % len(self.matches))

    def previous(self) -> None:
        if self.matches:
            self._go((self.current - 1) % len(self.matches))

    def _go(self, i: int) -> None:
        self.current = i
        start, end = self.matches[i]
        self._anchor = start
        self.article.select_span(start, end, ensure_visible=False)
        self.article.centerCursor()
        self._update_count()

    def _update_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("no matches")
            self.count.setStyleSheet("color: #B42318;")
            return
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        self.count.setStyleSheet("color: #57606A;")
