"""Paste as Document: a new document from the text on the clipboard, with a title the analyst confirms.

``clipboard_text`` and ``run_dialog`` are the module's outside calls, so tests can replace them.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import ClaimdeskError, Document
from desktop.domain.text import normalize_text
from desktop.ops.documents import add_text
from desktop.ops.errors import DuplicateDocument
from desktop.ui import dialogs
from desktop.ui.dialog_parts import ProblemFooter, ok_cancel_buttons, problem_label, run_dialog

TITLE_CHARS = 120
PREVIEW_CHARS = 20_000


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def suggested_title(text: str) -> str:
    """The first line that holds something, cut at a word near TITLE_CHARS characters."""
    for line in normalize_text(text).split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if len(line) <= TITLE_CHARS:
            return line
        cut = line[:TITLE_CHARS].rsplit(" ", 1)[0] or line[:TITLE_CHARS]
        return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"
    return "Pasted text"


class PasteDocumentDialog(QDialog, ProblemFooter):
    """Shows what will be stored and asks for its title; OK stores the document."""

    def __init__(self, project, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.text = text
        self.document: Document | None = None
        self.duplicate_of: int | None = None
        self.setObjectName("pasteDocumentDialog")
        self.setWindowTitle("New Document from Clipboard")
        self.resize(620, 460)

        self.title = QLineEdit(suggested_title(text), self)
        self.title.setObjectName("pasteTitleEdit")
        self.title.setAccessibleName("Title")
        self.title.selectAll()
        form = QFormLayout()
        form.addRow("&Title", self.title)

        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("pastePreview")
        self.preview.setAccessibleName("Text to be stored")
        self.preview.setReadOnly(True)
        self.preview.setPlainText(text[:PREVIEW_CHARS] + ("\n\u2026" if len(text) > PREVIEW_CHARS else ""))
        lines = text.count("\n") + 1
        facts = QLabel(f"{len(normalize_text(text)):,} characters in {lines:,} line{'s' if lines != 1 else ''}; "
                       f"the text is stored exactly as shown.", self)
        facts.setStyleSheet("color: #6E7781;")

        self.problem = problem_label(self, "pasteProblem")

        self.buttons = ok_cancel_buttons(self, "Add Document")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(facts)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.title.setFocus()

    def accept(self) -> None:
        title = self.title.text().strip() or suggested_title(self.text)
        try:
            self.document, _changes = add_text(self.project, self.text, title)
        except DuplicateDocument as exc:
            self.duplicate_of = exc.existing_id
            super().reject()
            return
        except ClaimdeskError as exc:
            self._show_problem(f"Not added: {exc}")
            return
        super().accept()


def paste_as_document(parent: QWidget | None, project) -> Document | None:
    """Make a new document from the clipboard's text; returns it, or None when nothing was added."""
    title = "New Document from Clipboard"
    text = clipboard_text()
    if not text or not text.strip():
        dialogs.show_info(parent, title, "The clipboard holds no text. Copy the article's text first "
                                         "(select it in the browser or the file, then Ctrl+C).")
        return None
    if project.readonly:
        dialogs.show_error(parent, title, f"The project is open read-only ({project.readonly_reason}); "
                                          f"no document can be added.")
        return None
    dialog = PasteDocumentDialog(project, text, parent)
    try:
        run_dialog(dialog)
        if dialog.duplicate_of is not None:
            existing = dialog.duplicate_of
            try:
                name = f"\u201c{project.document(existing).title}\u201d"
            except ClaimdeskError:
                name = f"document {existing}"
            dialogs.show_info(parent, title, f"This text is already in the project as {name} "
                                             f"(document {existing}); it was not added again.")
        return dialog.document
    finally:
        dialog.deleteLater()
