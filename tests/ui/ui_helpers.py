"""Helpers for the window tests: read the real project file, compute UTF-16 positions independently."""

from __future__ import annotations

import sqlite3

from PySide6.QtGui import QTextCursor


def db_rows(path, sql='SELECT id, start, "end", text, tag_type_id FROM annotations ORDER BY id', params=()):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def utf16(text: str, cp: int) -> int:
    """UTF-16 position of code point ``cp``, computed independently of the app's offset map."""
    return len(text[:cp].encode("utf-16-le")) // 2


def select16(view, start16: int, end16: int) -> None:
    """Select in the article by Qt (UTF-16) positions, as a mouse or Shift+arrows would."""
    c = view.textCursor()
    c.setPosition(start16)
    c.setPosition(end16, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(c)


def select_text(view, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """Select the n-th occurrence of ``needle``; returns its (start, end) in code points."""
    text = view.text
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    select16(view, utf16(text, start), utf16(text, end))
    return start, end
