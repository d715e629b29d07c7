"""Colours of tag types on screen: soft highlight tints, lines under nested spans, small swatches."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

TINT = 0.34  # how much of a type's colour a highlight shows over white paper
SELECTED_TINT = 0.62
SEARCH_HIT = "#FFE033"  # find hits: solid, drawn over any tint
SEARCH_EDGE = "#C77700"  # amber underline of a find hit
LEVEL_LINE = 2.5  # thickness (px) of the line under the text for a span around a nested one
LEVEL_GAP = 3.5  # distance between two such lines
SELECTED_LINE = 4.0  # the selected annotation's line


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``t`` of colour ``b`` over ``a``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


@lru_cache(maxsize=512)
def tint(color: str, amount: float = TINT) -> QColor:
    return _mix(QColor("#FFFFFF"), QColor(color), amount)


@lru_cache(maxsize=512)
def line(color: str) -> QColor:
    """The line under the text for a span around a nested one: the type's own colour, a little deeper so a
    thin line reads as that colour."""
    return QColor(color).darker(112)


@lru_cache(maxsize=512)
def strong(color: str) -> QColor:
    """A darker shade of a type's colour, for underlines and text on white."""
    return QColor(color).darker(150)


@lru_cache(maxsize=128)
def swatch(color: str, size: int = 12) -> QIcon:
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2.0)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor(color).darker(130))
    p.setBrush(QColor(color))
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
    p.end()
    return QIcon(pix)
