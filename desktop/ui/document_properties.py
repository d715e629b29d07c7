"""Document properties: the metadata an analyst cites (title, outlet, author, URL, published date, language) and
a note. The text itself is never changed here (see ``correct_text``).

``edit_document_properties`` runs the dialog; ``run_dialog`` is the one modal call, so tests can drive the real
dialog instead.
"""

from __future__ import annotations

import re
from datetime import date

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

# (field, label, placeholder), in the order shown.
LINE_FIELDS = (
    ("title", "&Title", ""),
    ("outlet", "&Outlet", "e.g. The Guardian, TASS, Meduza"),
    ("author", "&Author", "one or more names"),
    ("url", "&URL", "https://\u2026"),
    ("published", "&Published", "YYYY-MM-DD (or YYYY-MM, or YYYY)"),
    ("language", "&Language", "e.g. en, ru, uk"),
)
FIELDS = tuple(f for f, _, _ in LINE_FIELDS) + ("note",)

_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                        r"(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")


def check_published(value: str) -> str | None:
    """Why ``value`` is not a usable publication date, or None when it is (empty is fine)."""
    value = value.strip()
    if not value:
        return None
    m = _PUBLISHED.match(value)
    if m is None:
        return f"the published date {value!r} is not written as YYYY-MM-DD (or YYYY-MM, or YYYY)"
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return f"the published date {value!r} does not exist"
    return None


class DocumentPropertiesDialog(QDialog):
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
            form.addRow(label, edit)
            self.edits[name] = edit
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

        self.problem = QLabel(self)
        self.problem.setObjectName("propertiesProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #CF222E;")
        self.problem.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

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

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

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
        why = check_published(changes.get("published", ""))
        if why:
            self._show_problem(why[0].upper() + why[1:] + ".")
            self.edits["published"].setFocus()
            return
        if changes:
            try:
                self.saved = self.project.update_document(self.document.id, **changes)
            except ClaimdeskError as exc:
                self._show_problem(f"Not saved: {exc}")
                return
        super().accept()

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; True when it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def edit_document_properties(parent: QWidget | None, project, document_id: int) -> bool:
    """Edit a document's metadata; True when a change was saved to the project file."""
    dialog = DocumentPropertiesDialog(project, document_id, parent)
    try:
        return run_dialog(dialog) and dialog.saved is not None
    finally:
        dialog.deleteLater()
