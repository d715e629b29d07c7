"""The application icon, from resources/icons (shipped in the wheel as desktop/resources/icons)."""

from __future__ import annotations

from PySide6.QtGui import QIcon


def app_icon() -> QIcon:
    from desktop.domain.resources import resource_path

    try:
        return QIcon(str(resource_path("icons", "claimdesk.svg")))
    except FileNotFoundError:
        return QIcon()
