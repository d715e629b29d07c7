"""What the list delegates (documents, search results) paint alike: the row's background and its text colour."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QStyle

HOVER = "#EEF1F4"  # the background of the row under the pointer


def paint_row_background(painter, option) -> tuple[bool, QColor]:
    """Fill a selected or hovered row; returns whether it is selected and the colour its text takes."""
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    if selected:
        painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
    elif option.state & QStyle.StateFlag.State_MouseOver:
        painter.fillRect(option.rect, QColor(HOVER))
    fg = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    return selected, fg


def bold_font(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
