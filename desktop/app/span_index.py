"""Annotations of one document indexed per text block (paragraph), in the UTF-16 positions Qt counts.

The highlighter asks for the spans of one block at a time; adding or removing one annotation touches only the
blocks it covers, so only those are restyled.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from desktop.domain.display import BLOCK_BREAK
from desktop.domain.model import Annotation
from desktop.domain.offsets import OffsetMap


def block_starts(text: str, offsets: OffsetMap) -> list[int]:
    """UTF-16 position where each block starts, as QTextDocument.setPlainText splits ``text``.

    Pass the text as shown (desktop.domain.display): it has the stored text's length and offsets.
    """
    return [0, *(offsets.to_utf16(m.end()) for m in BLOCK_BREAK.finditer(text))]


def _start(a) -> int:
    return a.start


class BlockSpanIndex:
    """Maps block number -> {key: (start16, end16, tag_type_id)} for the spans that touch that block."""

    def __init__(self, text: str = "", offsets: OffsetMap | None = None, starts: list[int] | None = None):
        self.offsets = offsets or OffsetMap(text)
        self.starts = starts if starts is not None else block_starts(text, self.offsets)
        self._blocks: dict[int, dict[int, tuple[int, int, int]]] = {}
        self._spans: dict[int, tuple[int, int, int]] = {}

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, key: int) -> bool:
        return key in self._spans

    def block_of(self, pos16: int) -> int:
        return max(0, bisect_right(self.starts, pos16) - 1)

    def blocks_of(self, start16: int, end16: int) -> range:
        return range(self.block_of(start16), self.block_of(max(start16, end16 - 1)) + 1)

    def span16(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_utf16(start), self.offsets.to_utf16(end)

    def add(self, key: int, start: int, end: int, tag_type_id: int) -> range:
        """Index a span given in code points; returns the blocks it covers."""
        if key in self._spans:
            self.remove(key)
        s16, e16 = self.span16(start, end)
        entry = (s16, e16, tag_type_id)
        self._spans[key] = entry
        blocks = self.blocks_of(s16, e16)
        for b in blocks:
            self._blocks.setdefault(b, {})[key] = entry
        return blocks

    def add_annotation(self, ann: Annotation) -> range:
        """Index an annotation; an orphan (its span no longer holds its text) is not shown in the text."""
        if ann.orphan:
            return self.remove(ann.id)
        return self.add(ann.id, ann.start, ann.end, ann.tag_type_id)

    def add_many(self, anns: Iterable[Annotation]) -> None:
        """Index many spans in one pass (sorted by start, so block lookups walk forward)."""
        to16 = self.offsets.to_utf16
        starts = self.starts
        nblocks = len(starts)
        blocks, spans = self._blocks, self._spans
        b = 0
        for a in sorted(anns, key=_start):
            if a.orphan:
                continue
            s16, e16 = to16(a.start), to16(a.end)
            entry = (s16, e16, a.tag_type_id)
            spans[a.id] = entry
            while b + 1 < nblocks and starts[b + 1] <= s16:
                b += 1
            last = b
            while last + 1 < nblocks and starts[last + 1] < e16:
                last += 1
            for n in range(b, last + 1):
                bucket = blocks.get(n)
                if bucket is None:
                    bucket = blocks[n] = {}
                bucket[a.id] = entry

    def remove(self, key: int) -> range:
        entry = self._spans.pop(key, None)
        if entry is None:
            return range(0)
        blocks = self.blocks_of(entry[0], entry[1])
        for b in blocks:
            bucket = self._blocks.get(b)
            if bucket is not None:
                bucket.pop(key, None)
                if not bucket:
                    del self._blocks[b]
        return blocks

    def clear(self) -> None:
        self._blocks.clear()
        self._spans.clear()

    def blocks_with_spans(self):
        return self._blocks.keys()

    def in_block(self, block: int) -> dict[int, tuple[int, int, int]]:
        return self._blocks.get(block, {})

    def blocks_of_key(self, key: int) -> range:
        entry = self._spans.get(key)
        return self.blocks_of(entry[0], entry[1]) if entry else range(0)

    def at(self, pos16: int) -> list[int]:
        """Keys of the spans covering UTF-16 position ``pos16``, innermost (shortest) first."""
        hits = [(e - s, k) for k, (s, e, _t) in self.in_block(self.block_of(pos16)).items() if s <= pos16 < e]
        return [k for _n, k in sorted(hits)]

    def span_of(self, key: int) -> tuple[int, int, int] | None:
        return self._spans.get(key)
