"""Parts the editing dialogs and forms share: the red problem line, the OK/Cancel footer and the modal call."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; True when it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def problem_label(parent: QWidget, name: str) -> QLabel:
    """A hidden red line that says why the dialog could not do its job."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #CF222E;")
    label.hide()
    return label


def ok_cancel_buttons(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK and Cancel, wired to the dialog's accept and reject (OK renamed when ``ok_text`` is given)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ProblemFooter:
    """``ok_button`` and ``_show_problem`` for a dialog with ``self.buttons`` and ``self.problem``."""

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
