"""A strip across the top of the window when the open project needs the analyst's attention: it is read-only
(and why: a read-only file or folder, another window or computer writing to it, opened read-only), it sits in a
synced cloud folder or on a network share, or no backup could be made when it was opened.

``show_for(project)`` shows or hides it; a read-only notice stays, a warning alone can be dismissed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

STYLES = {
    "readonly": "QFrame#readOnlyBanner { background: #FFF8C5; border: none; border-left: 5px solid #BF8700; "
                "border-bottom: 1px solid #E6D9A1; }",
    "warning": "QFrame#readOnlyBanner { background: #FFF1E5; border: none; border-left: 5px solid #BC4C00; "
               "border-bottom: 1px solid #F2D3BC; }",
    "failure": "QFrame#readOnlyBanner { background: #FFEBE9; border: none; border-left: 5px solid #CF222E; "
               "border-bottom: 1px solid #F5C2C0; }",
}


def _sentence(text: str) -> str:
    """End with a full stop; capitalise a leading word, but never a file name (``work.claimdesk is ...``)."""
    text = text.strip()
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if first.isalpha():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def notices(project) -> tuple[str | None, list[str]]:
    """The read-only notice (None when the project can be written) and the warnings, as sentences."""
    if project is None:
        return None, []
    readonly = None
    if getattr(project, "readonly", False):
        reason = project.readonly_reason or "opened read-only"
        if reason == "opened read-only":
            reason = "the project was opened read-only"
        readonly = "Read-only: " + _sentence(reason)
        if "cannot be saved" not in reason:
            readonly += " You can read, search and export, but changes cannot be saved."
    warnings = []
    location = project.location_warning() if hasattr(project, "location_warning") else None
    if location:
        warnings.append(_sentence(location))
    backup = getattr(project, "backup_warning", None)
    if backup:
        warnings.append(_sentence(backup))
    return readonly, warnings


class ReadOnlyBanner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setAccessibleName("Project notice")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.label = QLabel(self)
        self.label.setObjectName("readOnlyBannerText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet("color: #1F2328; background: transparent;")
        self.dismiss_button = QPushButton("Dismiss", self)
        self.dismiss_button.setObjectName("dismissBannerButton")
        self.dismiss_button.setToolTip("Hide this warning until the project is opened again")
        self.dismiss_button.setFlat(True)
        self.dismiss_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 7, 10, 7)
        layout.setSpacing(10)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.level = ""
        self.project = None
        self.hide()

    def show_failure(self, message: str) -> None:
        """A change the file refused (a full disk, a damaged file): said until dismissed or a later change is
        saved, on top of any notice about the project."""
        readonly, warnings = notices(self.project)
        said = _sentence(message)
        lines = [said if "not saved" in said.lower() else f"Not saved: {said}"] + ([readonly] if readonly else []) \
            + warnings
        self.level = "failure"
        self.setStyleSheet(STYLES[self.level])
        self.label.setText("\n".join(lines))
        self.setToolTip("\n".join(lines))
        self.dismiss_button.setVisible(True)
        self.show()

    def dismiss(self) -> None:
        """Hide a warning; a failure gives way to the project's own notice, if it has one."""
        if self.level == "failure" and self.show_for(self.project):
            return
        self.hide()

    def clear_failure(self) -> None:
        if self.level == "failure":
            self.show_for(self.project)

    def show_for(self, project) -> bool:
        """Show what the project needs the analyst to know, or hide the banner; returns whether it is shown."""
        self.project = project
        readonly, warnings = notices(project)
        lines = ([readonly] if readonly else []) + warnings
        if not lines:
            self.level = ""
            self.label.clear()
            self.hide()
            return False
        self.level = "readonly" if readonly else "warning"
        self.setStyleSheet(STYLES[self.level])
        self.label.setText("\n".join(lines))
        self.setToolTip("\n".join(lines))
        self.dismiss_button.setVisible(readonly is None)
        self.show()
        return True

    def text(self) -> str:
        return self.label.text()
