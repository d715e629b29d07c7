"""Every modal question the app asks, each behind a small function returning plain values.

Callers use ``dialogs.NAME(...)`` (module attribute), so tests can replace any of them with a stub.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

PROJECT_FILTER = "Claimdesk projects (*.claimdesk);;All files (*)"


def system_user_name() -> str:
    """The login name of whoever runs the app, as a first guess at the analyst's name ("" if unknown)."""
    import getpass

    try:
        return getpass.getuser().strip()
    except (OSError, KeyError, ImportError):
        return ""


class AnnotatorDialog(QDialog):
    """Asks the analyst's name: on the first run as a welcome, later from Edit › Analyst Name… in the menu."""

    def __init__(self, parent: QWidget | None = None, current: str = ""):
        super().__init__(parent)
        self.setObjectName("annotatorDialog")
        first_run = not current.strip()
        self.setWindowTitle("Welcome to Claimdesk" if first_run else "Analyst Name")
        intro = QLabel(
            ("Claimdesk stores your name with each annotation you make, so a shared project shows who tagged "
             "what. " if first_run else "Your name is stored with each annotation you make from now on. ")
            + "You can change it at any time under Edit › Analyst Name…", self)
        intro.setObjectName("annotatorIntro")
        intro.setWordWrap(True)
        self.edit = QLineEdit(current.strip() or system_user_name(), self)
        self.edit.setObjectName("annotatorEdit")
        self.edit.setAccessibleName("Your name or initials")
        self.edit.setPlaceholderText("Your name or initials")
        self.edit.selectAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Your name:", self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.edit.setFocus()

    def name(self) -> str:
        return self.edit.text().strip()


def ask_annotator(parent: QWidget | None, current: str = "") -> str | None:
    """The analyst's name, recorded with every annotation. None if the question was dismissed."""
    dialog = AnnotatorDialog(parent, current)
    try:
        return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def confirm(parent: QWidget | None, title: str, message: str, action: str) -> bool:
    """Ask before doing something that loses data; ``action`` labels the confirming button."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Cancel, parent)
    ok = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


CARRY_VALUES, KEEP_VALUES = "carry", "keep"


def ask_field_rename(parent: QWidget | None, type_name: str, old: str, new: str, count: int) -> str | None:
    """Renaming a custom field that holds values: CARRY_VALUES (move them to the new name), KEEP_VALUES (rename
    only; the values stay under the old name, hidden) or None (do not rename)."""
    some = f"{count} annotation{'s' if count != 1 else ''}"
    box = QMessageBox(
        QMessageBox.Icon.Question, "Rename field",
        f"{some} of \u201c{type_name}\u201d hold{'s' if count == 1 else ''} a value for \u201c{old}\u201d.\n\n"
        f"Carry the values over to \u201c{new}\u201d? If not, they stay stored under \u201c{old}\u201d, which is no "
        "longer a field of the type (the CSV export has no column for it).",
        QMessageBox.StandardButton.Cancel, parent)
    carry = box.addButton("Carry values over", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Rename only", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(carry)
    box.exec()
    clicked = box.clickedButton()
    return CARRY_VALUES if clicked is carry else KEEP_VALUES if clicked is keep else None


def confirm_field_removal(parent: QWidget | None, type_name: str, name: str, count: int) -> bool:
    """Removing a custom field that holds values: True to remove it anyway."""
    some = f"{count} annotation{'s' if count != 1 else ''}"
    return confirm(
        parent, "Remove field",
        f"{some} of \u201c{type_name}\u201d hold{'s' if count == 1 else ''} a value for \u201c{name}\u201d. "
        "Removing the field takes its column out of the CSV export; the values stay stored in the project and "
        f"come back if you add a field named \u201c{name}\u201d again.",
        f"Remove {name}")


def open_project_path(parent: QWidget | None, start: Path | None = None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open project", str(start or Path.home()), PROJECT_FILTER)
    return Path(path) if path else None


def new_project_path(parent: QWidget | None, start: Path | None = None) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "New project", str(start or Path.home() / "Project.claimdesk"),
                                          PROJECT_FILTER, options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    p = Path(path)
    return p if p.suffix else p.with_suffix(".claimdesk")


def export_path(parent: QWidget | None, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export CSV", str(suggested), "CSV files (*.csv)")
    if not path:
        return None
    p = Path(path)
    return p if p.suffix else p.with_suffix(".csv")


def pick_color(parent: QWidget | None, initial: str) -> str | None:
    color = QColorDialog.getColor(QColor(initial), parent, "Tag colour")
    return color.name().upper() if color.isValid() else None


def ask_text(parent: QWidget | None, title: str, label: str, initial: str = "") -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, initial)
    return text if ok else None
