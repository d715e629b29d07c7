"""Overlapping spans keep their own colours (inner tint, a line per enclosing span) and find hits stay vivid."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text, utf16

from desktop.ui import colors


def _tag_nested(window):
    view = window.article
    select_text(view, "Zelenskyy’s legitimacy can be questioned")
    QTest.keyClick(view, "1")
    inner = select_text(view, "legitimacy can be questioned")
    QTest.keyClick(view, "3")
    (outer_id, *_), (inner_id, *_) = db_rows(window.session.path)
    return outer_id, inner_id, inner


def _format_at(view, pos16):
    block = view.document().findBlock(pos16)
    rel = pos16 - block.position()
    ranges = block.layout().formats()
    found = [QTextCharFormat(f.format) for f in ranges if f.start <= rel < f.start + f.length]
    return found[0] if found else None


def _color_near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= 12


def _line_colors_under(view, pos16):
    c = QTextCursor(view.document())
    c.setPosition(pos16)
    rect = view.cursorRect(c)
    image = view.viewport().grab().toImage()
    x = rect.left() + 4
    return [image.pixelColor(x, y) for y in range(rect.top(), min(rect.bottom() + 12, image.height()))]


def test_nested_span_keeps_its_tint_and_the_outer_shows_as_its_own_line(window, qtbot):
    view = window.article
    outer_id, inner_id, inner = _tag_nested(window)
    types = window.session.types_by_id
    quote = types[window.session.annotations[outer_id].tag_type_id].color
    legit = types[window.session.annotations[inner_id].tag_type_id].color
    pos = utf16(view.text, inner[0] + 3)
    # no blend: the nested part's background is the inner type's own tint
    assert _format_at(view, pos).background().color().name() == colors.tint(legit).name()
    window.session.select(None)
    qtbot.wait(10)
    pixels = _line_colors_under(view, pos)
    assert any(_color_near(p, colors.line(quote)) for p in pixels)
    # the outer span selected: the nested part keeps its own tint, the outer's line is drawn deeper
    window.session.select(outer_id)
    qtbot.wait(10)
    inner16 = (utf16(view.text, inner[0]), utf16(view.text, inner[1]))
    for sel in view.extraSelections():
        a, b = sel.cursor.selectionStart(), sel.cursor.selectionEnd()
        assert b <= inner16[0] or a >= inner16[1]
    assert view.extraSelections()  # the outer's own part is accented
    pixels = _line_colors_under(view, pos)
    assert any(_color_near(p, colors.tint(legit)) for p in pixels)
    assert any(_color_near(p, colors.strong(quote)) for p in pixels)


def test_find_hit_inside_an_annotation_is_solid_yellow(window, qtbot):
    view = window.article
    _outer_id, _inner_id, inner = _tag_nested(window)
    window.session.select(None)
    window.open_find_bar()
    window.find_bar.edit.setText("legitimacy")
    qtbot.wait(50)
    hits = [s for s, _e in sum(view.highlighter.hits.values(), [])]
    start16 = utf16(view.text, inner[0])
    assert start16 in hits
    fmt = _format_at(view, start16 + 2)
    assert fmt.background().color() == QColor(colors.SEARCH_HIT)
    assert fmt.underlineColor() == QColor(colors.SEARCH_EDGE)
