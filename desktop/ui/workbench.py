"""The centre of the window: the document's heading, the find bar and the article (or a hint when empty)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QStackedLayout, QVBoxLayout, QWidget

from desktop.domain.model import Document
from desktop.ui.article_view import ArticleView
from desktop.ui.find_bar import FindBar


class ArticlePane(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("articlePane")
        self.heading = QLabel(self)
        self.heading.setObjectName("documentHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setContentsMargins(18, 10, 18, 8)
        self.heading.setStyleSheet("background: #FFFFFF;")
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet("color: #E1E4E8;")
        self.view = ArticleView(session, self)
        self.find_bar = FindBar(self.view, self)
        article_page = QWidget(self)
        col = QVBoxLayout(article_page)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.heading)
        col.addWidget(rule)
        col.addWidget(self.find_bar)
        col.addWidget(self.view, 1)
        self.hint = QLabel(self)
        self.hint.setObjectName("articleHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #57606A; font-size: 14px; background: #FFFFFF; padding: 40px;")
        self.stack = QStackedLayout(self)
        self.stack.addWidget(article_page)
        self.stack.addWidget(self.hint)
        self.show_document(None)

    def show_document(self, doc: Document | None) -> None:
        if doc is None:
            if self.session.project is None:
                self.hint.setText("No project is open.\n\nUse File \u203a New Project or File \u203a Open Project.")
            elif not self.session.summaries:
                self.hint.setText("This project has no documents yet.\n\nImport articles with File \u203a Import "
                                  "Documents (Ctrl+I), or drop text files on this window.")
            else:
                self.hint.setText("Choose a document on the left.")
            self.stack.setCurrentIndex(1)
            return
        from html import escape

        meta = [x for x in (doc.outlet, doc.author, doc.published[:10] if doc.published else "") if x]
        meta.append(f"{len(doc.text):,} characters")
        details = escape(" \u00b7 ".join(meta))
        self.heading.setText(
            f"<div style='font-size:15pt; font-weight:600; color:#1F2328'>{escape(doc.title)}</div>"
            f"<div style='color:#6E7781'>{details}</div>"
        )
        self.stack.setCurrentIndex(0)
