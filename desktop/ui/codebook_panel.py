"""The codebook's tag buttons: colour, name and key. A click tags the article's selection."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from desktop.ui import colors


class TagButton(QPushButton):
    def __init__(self, tag_type, parent=None):
        super().__init__(parent)
        self.tag_type = tag_type
        key = f"  [{tag_type.key}]" if tag_type.key else ""
        self.setText(f"{tag_type.name}{key}")
        self.setIcon(colors.swatch(tag_type.color, 14))
        self.setIconSize(QSize(14, 14))
        self.setObjectName(f"tagButton_{tag_type.id}")
        self.setAccessibleName(f"Tag {tag_type.name}" + (f", key {tag_type.key}" if tag_type.key else ""))
        tip = f"<b>{tag_type.name}</b>" + (f" &mdash; key <b>{tag_type.key}</b>" if tag_type.key else "")
        if tag_type.description:
            tip += f"<br>{tag_type.description}"
        self.setToolTip(tip + "<br><i>Select text in the article, then click or press the key.</i>")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus stays in the article
        tint = colors.tint(tag_type.color, 0.22).name()
        edge = colors.strong(tag_type.color).name()
        hover = colors.tint(tag_type.color, 0.4).name()
        self.setStyleSheet(
            f"QPushButton {{ text-align: left; padding: 5px 8px; background: {tint}; border: 1px solid {edge};"
            f" border-left: 5px solid {tag_type.color}; border-radius: 4px; color: #1F2328; }}"
            f"QPushButton:hover {{ background: {hover}; }}"
            f"QPushButton:pressed {{ background: {tag_type.color}; }}"
        )


class CodebookPanel(QWidget):
    tagClicked = Signal(int)  # tag type id
    editRequested = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("codebookPanel")
        self.setAccessibleName("Codebook")
        self.buttons: dict[int, TagButton] = {}
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(QLabel("<b>Tags</b>", self))
        header.addStretch(1)
        edit = QToolButton(self)
        edit.setText("Edit codebook\u2026")
        edit.setAutoRaise(True)
        edit.setObjectName("editCodebookButton")
        edit.setToolTip("Add, rename, recolour and reorder tag types")
        edit.clicked.connect(self.editRequested)
        header.addWidget(edit)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(6)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #6E7781;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(self.grid)
        layout.addWidget(self.hint)
        self.rebuild()

    def rebuild(self) -> None:
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        types = self.session.tag_types
        columns = 2 if len(types) > 3 else 1
        for i, t in enumerate(types):
            button = TagButton(t, self)
            button.clicked.connect(lambda _checked=False, tid=t.id: self.tagClicked.emit(tid))
            self.grid.addWidget(button, i // columns, i % columns)
            self.buttons[t.id] = button
        if not types:
            self.hint.setText("The codebook is empty: add a tag type with \u201cEdit codebook\u2026\u201d.")
        else:
            keys = ", ".join(t.key for t in types if t.key)
            self.hint.setText(f"Select text, then press {keys} or click a tag." if keys else
                              "Select text, then click a tag.")
