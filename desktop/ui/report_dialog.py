"""A report at the end of a long action (importing a folder or files, correcting a text): a summary line, then
sections that list what happened to each item, so nothing is dropped silently.

``show_report`` is the one modal call; tests replace it to read what would have been shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Sections listing more lines than this are shown folded; every line is still there.
UNFOLDED_LINES = 40


@dataclass
class Section:
    """One kind of outcome: a heading and a line per item (``kind`` is ``ok``, ``warning`` or ``problem``)."""

    heading: str
    lines: list[str] = field(default_factory=list)
    kind: str = "ok"


_KIND_COLOURS = {"ok": "#1A7F37", "warning": "#9A6700", "problem": "#CF222E"}


def report_text(title: str, summary: str, sections: list[Section]) -> str:
    """The whole report as plain text (what the Copy button puts on the clipboard)."""
    out = [title, summary, ""]
    for s in sections:
        if not s.lines:
            continue
        out.append(f"{s.heading} ({len(s.lines)}):")
        out.extend(f"  {line}" for line in s.lines)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


class ReportDialog(QDialog):
    def __init__(self, title: str, summary: str, sections: list[Section], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(title)
        self.resize(640, 420)
        self._text = report_text(title, summary, sections)
        self.summary = QLabel(summary, self)
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet("font-weight: 600; padding: 2px 0 6px 0;")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("reportTree")
        self.tree.setAccessibleName("Report")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        for s in sections:
            if not s.lines:
                continue
            top = QTreeWidgetItem([f"{s.heading} ({len(s.lines)})"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setForeground(0, _brush(s.kind))
            top.addChildren([_line_item(line) for line in s.lines])
            self.tree.addTopLevelItem(top)
            top.setExpanded(len(s.lines) <= UNFOLDED_LINES or s.kind == "problem")
        self.tree.setVisible(self.tree.topLevelItemCount() > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton("Copy Report", self)
        copy.setObjectName("copyReportButton")
        copy.setToolTip("Copy the whole report as text, to keep it or send it on")
        copy.clicked.connect(self.copy_report)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        if not self.tree.isVisibleTo(self):
            self.resize(480, 140)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self._text)

    def section_lines(self) -> dict[str, list[str]]:
        """What each section lists, by its heading without the count."""
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            heading = top.text(0).rsplit(" (", 1)[0]
            out[heading] = [top.child(j).text(0) for j in range(top.childCount())]
        return out


def _line_item(line: str) -> QTreeWidgetItem:
    item = QTreeWidgetItem([line])
    item.setToolTip(0, line)
    return item


def _brush(kind: str):
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(_KIND_COLOURS.get(kind, "#1F2328")))


def show_report(parent: QWidget | None, title: str, summary: str, sections: list[Section]) -> None:
    """Show a report and wait until it is closed."""
    dialog = ReportDialog(title, summary, sections, parent)
    dialog.exec()
    dialog.deleteLater()
