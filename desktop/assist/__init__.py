"""Offline suggestions of quotes, speakers, reported claims and legitimacy assertions (Qt-free)."""

from desktop.assist.suggest import Suggestion, suggest

__all__ = ["Suggestion", "suggest"]
