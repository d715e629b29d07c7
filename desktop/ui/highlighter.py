"""Paints annotations (and find hits) into the article, one block at a time, from the per-block span index.

The document's text is never touched. Every span keeps its own colour from the legend, never a blend: where
spans overlap, the innermost (shortest) one tints the background, and each span around it is drawn as a thick
line under the text in its own colour, one line per level (the article view paints those lines, from
``underlines``). Find hits are drawn on top: a solid yellow with an amber underline, whatever tint lies below.

Loading a long article highlights the blocks on screen at once and the others a few hundred at a time while the
window is idle (blocks scrolled into view jump the queue), so a document with 10,000 annotations opens quickly.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.app.span_index import BlockSpanIndex
from desktop.domain.text import flatten
from desktop.ui import colors

_HIT = -1  # key of a find hit among the spans of a block
CHUNK = 40  # blocks highlighted per idle moment after a document is loaded (a few milliseconds)
IDLE_MS = 300  # the rest waits until the analyst has paused this long


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.index = BlockSpanIndex("")
        self.type_colors: dict[int, str] = {}
        self.hits: dict[int, list[tuple[int, int]]] = {}  # block -> find hits (UTF-16, absolute)
        self._formats: dict[tuple, QTextCharFormat] = {}
        self.suspended = False  # while loading: leave every block plain (see schedule)
        self._pending: set[int] = set()
        self._queue: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)

    # ------------------------------------------------------------ lazy loading
    def schedule(self, visible: range) -> None:
        """After a load with ``suspended`` set: highlight ``visible`` blocks now, the others when idle."""
        blocks = sorted(self.index.blocks_with_spans())
        self._pending = set(blocks)
        self._queue = blocks[::-1]  # popped from the end: top of the article first
        self.highlight_now(visible)
        if self._pending:
            self._timer.start(IDLE_MS)

    def highlight_now(self, blocks: range) -> None:
        """Highlight those of ``blocks`` still waiting (they are about to be painted)."""
        if self._pending:
            self.refresh_blocks([b for b in blocks if b in self._pending])

    def postpone(self) -> None:
        """The analyst is busy (typing, tagging): keep idle work out of the way a little longer."""
        if self._pending:
            self._timer.start(IDLE_MS)

    def finish(self) -> None:
        """Highlight every waiting block now."""
        self._timer.stop()
        self.refresh_blocks(sorted(self._pending))
        self._pending.clear()
        self._queue = []

    @property
    def waiting(self) -> int:
        return len(self._pending)

    def _work(self) -> None:
        self._timer.setInterval(0)
        done = 0
        while self._queue and done < CHUNK:
            b = self._queue.pop()
            if b in self._pending:
                self.refresh_blocks((b,))
                done += 1
        if not self._queue:
            self._pending.clear()
            self._timer.stop()

    def set_index(self, index: BlockSpanIndex) -> None:
        """Use a new index; the caller loads the text (or calls rehighlight) afterwards."""
        self.index = index
        self.hits = {}
        self._timer.stop()
        self._pending.clear()
        self._queue = []

    def set_type_colors(self, type_colors: dict[int, str]) -> None:
        self.type_colors = dict(type_colors)
        self._formats.clear()

    def refresh_blocks(self, blocks: range | list[int]) -> None:
        doc = self.document()
        if doc is None:
            return
        for n in blocks:
            block = doc.findBlockByNumber(n)
            if block.isValid():
                self.rehighlightBlock(block)

    def set_hits(self, hits16: list[tuple[int, int]]) -> None:
        """Show find hits (UTF-16 spans); restyles only the blocks whose hits change."""
        old = set(self.hits)
        new: dict[int, list[tuple[int, int]]] = {}
        block_of = self.index.block_of
        for s, e in hits16:
            for b in range(block_of(s), block_of(max(s, e - 1)) + 1):
                new.setdefault(b, []).append((s, e))
        self.hits = new
        changed = sorted(old | set(new))
        if len(changed) > 2000:
            self.rehighlight()
        else:
            self.refresh_blocks(changed)

    def segments(self, block) -> list[tuple[int, int, list[tuple[int, int]], bool]]:
        """Disjoint pieces of a block: (start, end, spans as (annotation id, type id) innermost first, find hit),
        positions relative to the block (UTF-16)."""
        n = block.blockNumber()
        spans = self.index.in_block(n)
        hits = self.hits.get(n)
        if not spans and not hits:
            return []
        pos = block.position()
        length = block.length() - 1
        items = []
        for ann_id, (s, e, type_id) in spans.items():
            s0, e0 = max(s - pos, 0), min(e - pos, length)
            if e0 > s0:
                items.append((s0, e0, (e - s, ann_id, type_id)))
        if hits:
            for s, e in hits:
                s0, e0 = max(s - pos, 0), min(e - pos, length)
                if e0 > s0:
                    items.append((s0, e0, (_HIT, _HIT, _HIT)))
        out = []
        for s0, e0, keys in flatten(items):
            ordered = sorted(k for k in keys if k[0] != _HIT)
            out.append((s0, e0, [(a, t) for _n, a, t in ordered], len(ordered) != len(keys)))
        return out

    def underlines(self, block) -> list[tuple[int, int, int, int, int]]:
        """The lines under the text of a block: (start, end, level, annotation id, type id). Level 1 is the first
        span around the one that tints the background (or around a find hit, which hides every tint)."""
        out = []
        for s0, e0, spans, hit in self.segments(block):
            around = spans if hit else spans[1:]
            for level, (ann_id, type_id) in enumerate(around, 1):
                out.append((s0, e0, level, ann_id, type_id))
        return out

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if self.suspended:
            return
        block = self.currentBlock()
        self._pending.discard(block.blockNumber())
        for s0, e0, spans, hit in self.segments(block):
            self.setFormat(s0, e0 - s0, self._format(spans[0][1] if spans else None, hit))

    def _format(self, inner_type: int | None, hit: bool) -> QTextCharFormat:
        cache_key = (inner_type, hit)
        fmt = self._formats.get(cache_key)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        if hit:  # on top of any tint: solid, never blended
            fmt.setBackground(QColor(colors.SEARCH_HIT))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(colors.SEARCH_EDGE))
        elif inner_type is not None:
            fmt.setBackground(colors.tint(self.type_colors.get(inner_type, "#999999")))
        self._formats[cache_key] = fmt
        return fmt


def hits_near(hits: list[tuple[int, int]], pos: int) -> int:
    """Index of the first hit starting at or after ``pos`` (wrapping to 0)."""
    i = bisect_left(hits, (pos, -1))
    return i if i < len(hits) else 0
