"""Document properties: the metadata an analyst cites (title, outlet, author, URL, published date, language) and
a note. The text itself is never changed here (see ``correct_text``).

``edit_document_properties`` runs the dialog; ``run_dialog`` is the one modal call, so tests can drive the real
dialog instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import ClaimdeskError, Document
from desktop.ops.documents import update_properties
from desktop.ui.dialog_parts import ProblemFooter, ok_cancel_buttons, problem_label, run_dialog
from desktop.ui.published_date import DateNotRead, date_problem, normalize_published

# (field, label, placeholder), in the order shown.
LINE_FIELDS = (
    ("title", "&Title", ""),
    ("outlet", "&Outlet", "e.g. The Guardian, TASS, Meduza"),
    ("author", "&Author", "one or more names"),
    ("url", "&URL", "https://\u2026"),
    ("published", "&Published", "YYYY-MM-DD, 25/11/2024, 25 November 2024\u2026"),
    ("language", "&Language", "e.g. en, ru, uk"),
)
FIELDS = tuple(f for f, _, _ in LINE_FIELDS) + ("note",)



def check_published(value: str) -> str | None:
    """Why ``value`` is not a usable publication date, or None when it is (empty is fine)."""
    return date_problem(value)


class DocumentPropertiesDialog(QDialog, ProblemFooter):
    def __init__(self, project, document_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.document: Document = project.document(document_id)
        self.saved: Document | None = None
        self.setObjectName("documentPropertiesDialog")
        self.setWindowTitle("Document Properties")
        self.setMinimumWidth(520)
        doc = self.document

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, label, placeholder in LINE_FIELDS:
            edit = QLineEdit(getattr(doc, name), self)
            edit.setObjectName(f"{name}Edit")
            edit.setAccessibleName(label.replace("&", ""))
            edit.setPlaceholderText(placeholder)
            edit.setCursorPosition(0)
            self.edits[name] = edit
            if name == "published":
                form.addRow(label, self._published_row(edit))
            else:
                form.addRow(label, edit)
        note = QPlainTextEdit(doc.note, self)
        note.setObjectName("noteEdit")
        note.setAccessibleName("Note")
        note.setTabChangesFocus(True)
        note.setFixedHeight(90)
        form.addRow("&Note", note)
        self.edits["note"] = note

        facts = [f"{len(doc.text):,} characters"]
        if doc.original_filename:
            facts.append(f"imported from {doc.original_filename}")
        if doc.encoding:
            facts.append(f"encoding {doc.encoding}")
        if doc.imported_at:
            facts.append(f"on {doc.imported_at[:10]}")
        info = QLabel(" \u00b7 ".join(facts), self)
        info.setObjectName("documentFacts")
        info.setWordWrap(True)
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info.setStyleSheet("color: #6E7781;")

        self.problem = problem_label(self, "propertiesProblem")

        self.buttons = ok_cancel_buttons(self)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(info)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        if project.readonly:
            for edit in self.edits.values():
                edit.setReadOnly(True)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self._show_problem(f"The project is open read-only ({project.readonly_reason}); "
                               f"these properties cannot be changed.")

    def _published_row(self, edit: QLineEdit) -> QWidget:
        """The date field with its own message line under it (hidden until a date cannot be read)."""
        edit.setToolTip("Written dates are turned into YYYY-MM-DD: 25/11/2024, 25.11.2024, 2024/11/25, "
                        "25 November 2024 and Nov 25, 2024 all become 2024-11-25 (numbers are read day first).")
        edit.editingFinished.connect(self._tidy_published)
        edit.textEdited.connect(lambda _text: self.date_error.hide())
        self.date_error = problem_label(self, "publishedProblem")
        row = QWidget(self)
        box = QVBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(edit)
        box.addWidget(self.date_error)
        return row

    def _tidy_published(self) -> bool:
        """Show the typed date in ISO form, or say beside the field why it cannot be read; True when usable."""
        edit = self.edits["published"]
        try:
            iso = normalize_published(edit.text())
        except DateNotRead as exc:
            self.date_error.setText(str(exc))
            self.date_error.show()
            return False
        if iso != edit.text():
            edit.setText(iso)
        self.date_error.hide()
        return True

    def values(self) -> dict[str, str]:
        out = {}
        for name, edit in self.edits.items():
            text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            out[name] = text.rstrip() if name == "note" else text.strip()
        return out

    def changes(self) -> dict[str, str]:
        """The fields whose value differs from the stored one."""
        return {k: v for k, v in self.values().items() if v != (getattr(self.document, k) or "")}

    def accept(self) -> None:
        changes = self.changes()
        if "title" in changes and not changes["title"]:
            self._show_problem("A document needs a title.")
            self.edits["title"].setFocus()
            return
        if "published" in changes:
            if not self._tidy_published():
                self.edits["published"].setFocus()
                return
            changes = self.changes()
        if changes:
            try:
                self.saved, _changes = update_properties(self.project, self.document.id, **changes)
            except ClaimdeskError as exc:
                self._show_problem(f"Not saved: {exc}")
                return
        super().accept()


def edit_document_properties(parent: QWidget | None, project, document_id: int) -> bool:
    """Edit a document's metadata; True when a change was saved to the project file."""
    dialog = DocumentPropertiesDialog(project, document_id, parent)
    try:
        return run_dialog(dialog) and dialog.saved is not None
    finally:
        dialog.deleteLater()
