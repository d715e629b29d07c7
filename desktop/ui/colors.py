"""Colours of tag types on screen: soft highlight tints, blends for overlaps, small swatches."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

TINT = 0.34  # how much of a type's colour a highlight shows over white paper
SELECTED_TINT = 0.62
SEARCH_HIT = "#FFE45C"


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


MIN_LIGHTNESS = 0.76  # deep overlaps stay light enough to read the text on them


@lru_cache(maxsize=512)
def blend(colors: tuple[str, ...], amount: float = TINT) -> QColor:
    """Overlapping highlights multiply like transparent markers, so each layer still shows; three or more layers
    are lightened back to a readable tint (the underline tells the depth)."""
    r = g = b = 1.0
    for c in colors:
        t = tint(c, amount)
        r, g, b = r * t.redF(), g * t.greenF(), b * t.blueF()
    mixed = QColor.fromRgbF(r, g, b)
    lightness = mixed.lightnessF()
    if lightness < MIN_LIGHTNESS:
        mixed = _mix(mixed, QColor("#FFFFFF"), (MIN_LIGHTNESS - lightness) / (1.0 - lightness))
    return mixed


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
