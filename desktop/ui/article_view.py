"""The article: read-only, selectable with mouse and keyboard, highlighted from the per-block span index.

This is the one widget that converts Qt's UTF-16 positions to the code points used everywhere else.

Very long paragraphs are shown with some spaces as line breaks (desktop.domain.display), so that Qt lays out and
restyles short blocks; offsets are the same in the shown and the stored text. Whatever leaves the widget as text
(a copied or dragged selection, ``selected_text``) is taken from the stored text, with its spaces.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from desktop.app.span_index import BlockSpanIndex
from desktop.domain.display import display_text
from desktop.domain.model import Annotation, Document
from desktop.domain.offsets import OffsetMap
from desktop.ui import colors
from desktop.ui.highlighter import SpanHighlighter

READING_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "Cambria", "DejaVu Serif", "serif"]
MEASURE_CHARS = 74  # comfortable line length
TOOLTIP_ITEMS = 8
MAX_LEVELS = 3  # lines drawn under the text for spans around a nested one (deeper ones share the last)


class ArticleView(QPlainTextEdit):
    tagKeyPressed = Signal(int)  # a tag type's id, from its key
    annotationClicked = Signal(object)  # annotation id, or None for a click on plain text
    formRequested = Signal()  # Return pressed: go to the selected annotation's form

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("articleView")
        self.setAccessibleName("Article")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setMouseTracking(True)
        font = QFont()
        font.setFamilies(READING_FAMILIES)
        font.setPointSizeF(12.5)
        font.setStyleHint(QFont.StyleHint.Serif)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        pal = self.palette()
        # The selection stays plainly visible while the find bar has the focus.
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            pal.setColor(QPalette.ColorGroup.Inactive, role, pal.color(QPalette.ColorGroup.Active, role))
        pal.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))
        pal.setColor(QPalette.ColorRole.Window, QColor("#FFFFFF"))
        pal.setColor(QPalette.ColorRole.Text, QColor("#1F2328"))
        self.setPalette(pal)
        self.setBackgroundVisible(False)
        self.highlighter = SpanHighlighter(self.document())
        self.offsets = OffsetMap("")
        self.index = BlockSpanIndex("")
        self.text = ""
        self.selected_id: int | None = None
        self._last_click: tuple[int, int] | None = None  # (position, annotation id) to cycle nested spans
        self.verticalScrollBar().valueChanged.connect(self._highlight_visible)

    # ----------------------------------------------------------------- loading
    def show_document(self, doc: Document | None, annotations) -> None:
        self.selected_id = None
        self.setExtraSelections([])
        self.text = doc.text if doc else ""
        shown = display_text(self.text)  # same length and offsets; long paragraphs cut into short blocks
        self.offsets = OffsetMap(self.text)
        self.index = BlockSpanIndex(shown, self.offsets)
        self.index.add_many(annotations)
        self.highlighter.set_type_colors(self._type_colors())
        self.highlighter.set_index(self.index)
        self.highlighter.suspended = True  # blocks are highlighted below: on screen now, the rest when idle
        try:
            self.setPlainText(shown)
        finally:
            self.highlighter.suspended = False
        if self.document().blockCount() != len(self.index.starts):  # Qt split blocks differently: follow Qt
            starts, block = [], self.document().firstBlock()
            while block.isValid():
                starts.append(block.position())
                block = block.next()
            self.index = BlockSpanIndex(self.text, self.offsets, starts)
            self.index.add_many(annotations)
            self.highlighter.set_index(self.index)
        self.verticalScrollBar().setValue(0)
        self.highlighter.schedule(self.visible_blocks())

    def _type_colors(self) -> dict[int, str]:
        return {t.id: t.color for t in self.session.tag_types}

    def codebook_changed(self) -> None:
        self.highlighter.set_type_colors(self._type_colors())
        self.highlighter.rehighlight()
        self._update_selected_accent()

    # ---------------------------------------------------------------- changes
    def add_annotation(self, ann: Annotation) -> None:
        self.highlighter.postpone()
        self.highlighter.refresh_blocks(self.index.add_annotation(ann))

    def remove_annotation(self, ann: Annotation) -> None:
        self.highlighter.postpone()
        self.highlighter.refresh_blocks(self.index.remove(ann.id))
        if ann.id == self.selected_id:
            self.set_selected(None)

    def change_annotation(self, new: Annotation, old: Annotation) -> None:
        self.highlighter.postpone()
        blocks = set(self.index.remove(old.id)) | set(self.index.add_annotation(new))
        self.highlighter.refresh_blocks(sorted(blocks))
        if new.id == self.selected_id:
            self._update_selected_accent()

    # -------------------------------------------------------------- positions
    def selection_span(self) -> tuple[int, int] | None:
        """The selection in code points of the stored text, or None."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        return self.offsets.from_utf16(c.selectionStart()), self.offsets.from_utf16(c.selectionEnd())

    def selected_text(self) -> str:
        """The selected stored text (the shown text may hold line breaks where the stored one has spaces)."""
        span = self.selection_span()
        return self.text[span[0]:span[1]] if span else ""

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt's name)
        """Copy and drag give the stored text of the selection, not the shown one.

        The object is Qt's own (one made in Python would be freed twice, by Qt and at exit). Qt fills its formats
        from the shown text the first time one is read: read one, drop them all (rich text would carry the shown
        line breaks too), then put the stored text in place as plain text.
        """
        data = super().createMimeDataFromSelection()
        data.text()
        for fmt in data.formats():
            data.removeFormat(fmt)
        data.setText(self.selected_text())
        return data

    def select_span(self, start: int, end: int, *, ensure_visible: bool = True) -> None:
        c = self.textCursor()
        c.setPosition(self.offsets.to_utf16(start))
        c.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)
        if ensure_visible:
            self.ensureCursorVisible()

    def collapse_selection(self) -> None:
        c = self.textCursor()
        if c.hasSelection():
            c.setPosition(c.selectionEnd())
            self.setTextCursor(c)

    def visible_blocks(self) -> range:
        """Numbers of the blocks on screen (a few extra below, for smooth scrolling)."""
        vp = self.viewport().rect()
        first = self.cursorForPosition(vp.topLeft()).blockNumber()
        last = self.cursorForPosition(vp.bottomRight()).blockNumber()
        return range(first, last + 3)

    def _highlight_visible(self, *_args) -> None:
        if self.highlighter.waiting:
            self.highlighter.highlight_now(self.visible_blocks())

    def first_visible_position(self) -> int:
        return self.offsets.from_utf16(self.cursorForPosition(QPoint(0, 0)).position())

    def scroll_to_position(self, position: int) -> None:
        """Scroll so the line holding ``position`` (code points) is at the top."""
        pos16 = self.offsets.to_utf16(max(0, min(position, self.offsets.length)))
        block = self.document().findBlock(pos16)
        if not block.isValid():
            return
        bar = self.verticalScrollBar()
        bar.setValue(block.firstLineNumber())
        layout = block.layout()
        if layout is not None and layout.lineCount() > 1:
            line = layout.lineForTextPosition(pos16 - block.position())
            if line.isValid():
                bar.setValue(block.firstLineNumber() + line.lineNumber())

    def _char_at(self, point: QPoint) -> int | None:
        """UTF-16 position of the character under ``point`` (viewport coordinates), or None."""
        c = self.cursorForPosition(point)
        p = c.position()
        rect = self.cursorRect(c)
        if point.x() < rect.left() and p > 0:
            p -= 1
        c.setPosition(p)
        left = self.cursorRect(c)
        c.setPosition(min(p + 1, self.document().characterCount() - 1))
        right = self.cursorRect(c)
        if right.top() != left.top():
            right_x = left.left() + self.fontMetrics().averageCharWidth()
        else:
            right_x = right.left()
        if not (left.left() - 1 <= point.x() <= right_x + 1 and left.top() <= point.y() <= left.bottom() + 2):
            return None
        return p

    def annotations_at(self, point: QPoint) -> list[int]:
        p = self._char_at(point)
        return [] if p is None else self.index.at(p)

    # -------------------------------------------------------------- selection
    def set_selected(self, annotation_id: int | None, *, scroll: bool = True) -> None:
        self.selected_id = annotation_id
        if annotation_id is not None:
            span = self.index.span_of(annotation_id)
            if span is not None and self.selection_span() == tuple(span[:2]):
                cursor = self.textCursor()
                cursor.clearSelection()  # a leftover selection of the same text would hide its highlight
                self.setTextCursor(cursor)
        self._update_selected_accent()
        if annotation_id is not None and scroll:
            self.reveal(annotation_id)

    def reveal(self, annotation_id: int) -> None:
        span = self.index.span_of(annotation_id)
        if span is None:
            return
        c = QTextCursor(self.document())
        c.setPosition(span[0])
        rect = self.cursorRect(c)
        c.setPosition(span[1])
        end_rect = self.cursorRect(c)
        view = self.viewport().rect()
        if rect.top() >= 0 and end_rect.bottom() <= view.bottom():
            return
        cursor = self.textCursor()
        cursor.clearSelection()
        cursor.setPosition(span[0])
        self.setTextCursor(cursor)
        self.centerCursor()

    def _update_selected_accent(self) -> None:
        """The selected annotation is tinted deeper where it is the innermost span; where a span lies inside it,
        that span keeps its own tint (the selected one shows there as its thick line, see paintEvent)."""
        self.viewport().update()
        span = self.index.span_of(self.selected_id) if self.selected_id is not None else None
        if span is None:
            self.setExtraSelections([])
            return
        s16, e16, type_id = span
        t = self.session.types_by_id.get(type_id)
        color = t.color if t else "#999999"
        fmt = QTextCharFormat()
        fmt.setBackground(colors.tint(color, colors.SELECTED_TINT))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(colors.strong(color))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        pieces: list[tuple[int, int]] = []
        doc = self.document()
        for n in self.index.blocks_of_key(self.selected_id):
            block = doc.findBlockByNumber(n)
            if not block.isValid():
                continue
            pos = block.position()
            for b0, b1, spans, hit in self.highlighter.segments(block):
                if spans and spans[0][0] == self.selected_id and not hit:
                    if pieces and pieces[-1][1] == pos + b0:
                        pieces[-1] = (pieces[-1][0], pos + b1)
                    else:
                        pieces.append((pos + b0, pos + b1))
        selections = []
        for a, b in pieces:
            sel = QTextEdit.ExtraSelection()
            c = QTextCursor(doc)
            c.setPosition(a)
            c.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = c
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        self._paint_levels(event.rect())

    def _paint_levels(self, rect) -> None:
        """Draw a line in its own colour under the text of each span that has another span inside it, one
        line per level; the selected annotation's line is thicker and deeper."""
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        painter = None
        colors_of = self.highlighter.type_colors
        try:
            while block.isValid():
                geo = self.blockBoundingGeometry(block).translated(offset)
                if geo.top() > rect.bottom():
                    break
                if block.isVisible() and geo.bottom() >= rect.top():
                    lines = self.highlighter.underlines(block)
                    layout = block.layout()
                    if lines and layout is not None:
                        if painter is None:
                            painter = QPainter(self.viewport())
                        self._paint_block_levels(painter, layout, geo.top(), geo.left(), lines, colors_of)
                block = block.next()
        finally:
            if painter is not None:
                painter.end()

    def _paint_block_levels(self, painter, layout, top, left, lines, colors_of) -> None:
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            l0, l1 = line.textStart(), line.textStart() + line.textLength()
            baseline = top + line.y() + line.ascent()
            for s0, e0, level, ann_id, type_id in lines:
                a, b = max(s0, l0), min(e0, l1)
                if a >= b:
                    continue
                x0 = left + line.cursorToX(a)[0]
                x1 = left + line.cursorToX(b)[0]
                color = colors_of.get(type_id, "#999999")
                selected = ann_id == self.selected_id
                width = colors.SELECTED_LINE if selected else colors.LEVEL_LINE
                pen = QPen(colors.strong(color) if selected else colors.line(color), width)
                pen.setCapStyle(Qt.PenCapStyle.FlatCap)
                painter.setPen(pen)
                y = baseline + 1.5 + colors.LEVEL_GAP * (min(level, MAX_LEVELS) - 1) + width / 2
                painter.drawLine(QLineF(x0, y, x1, y))

    # ------------------------------------------------------------------ input
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self.highlighter.postpone()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        text = event.text()
        if not mods and text and text.isprintable() and not text.isspace():
            t = self.session.type_for_key(text)
            if t is not None:
                self.tagKeyPressed.emit(t.id)
                event.accept()
                return
        if not mods and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id is not None:
            self.formRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.highlighter.postpone()
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        point = event.position().toPoint()
        if (point - getattr(self, "_press_pos", point)).manhattanLength() > 4:
            return
        p = self._char_at(point)
        keys = [] if p is None else self.index.at(p)
        if not keys:
            self._last_click = None
            self.annotationClicked.emit(None)
            return
        choice = keys[0]
        if self._last_click and self._last_click[0] == p and self._last_click[1] in keys:
            choice = keys[(keys.index(self._last_click[1]) + 1) % len(keys)]  # click again: the next one out
        self._last_click = (p, choice)
        self.annotationClicked.emit(choice)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event) -> None:
        point = self.viewport().mapFromGlobal(event.globalPos())
        keys = self.annotations_at(point)
        if not keys:
            QToolTip.hideText()
            event.ignore()
            return
        QToolTip.showText(event.globalPos(), self.tooltip_html(keys), self)

    def tooltip_html(self, keys: list[int]) -> str:
        from html import escape

        rows = []
        for k in keys[:TOOLTIP_ITEMS]:
            ann = self.session.annotations.get(k)
            if ann is None:
                continue
            t = self.session.types_by_id.get(ann.tag_type_id)
            name, color = (t.name, t.color) if t else ("?", "#999999")
            who = " \u2014 " + escape(ann.speaker) if ann.speaker else ""
            extra = []
            if ann.target:
                extra.append("target: " + escape(ann.target))
            if ann.stance:
                extra.append(escape(ann.stance))
            snippet = ann.text if len(ann.text) <= 90 else ann.text[:87] + "\u2026"
            rows.append(
                f"<tr><td style='background:{color}'>&nbsp;</td><td>&nbsp;<b>{escape(name)}</b>{who}"
                + (f" <span style='color:#555'>({'; '.join(extra)})</span>" if extra else "")
                + f"<br>&nbsp;<span style='color:#444'>\u201c{escape(snippet)}\u201d</span></td></tr>"
            )
        if len(keys) > TOOLTIP_ITEMS:
            rows.append(f"<tr><td></td><td>&nbsp;and {len(keys) - TOOLTIP_ITEMS} more</td></tr>")
        return "<table cellspacing=3>" + "".join(rows) + "</table>"

    # ----------------------------------------------------------------- layout
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._center_column()
        self._highlight_visible()

    def _center_column(self) -> None:
        """Keep lines near a comfortable reading length by centring the text column."""
        measure = self.fontMetrics().averageCharWidth() * MEASURE_CHARS + 2 * self.document().documentMargin()
        spare = self.width() - self.verticalScrollBar().sizeHint().width() - measure
        side = int(max(0, spare / 2))
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
