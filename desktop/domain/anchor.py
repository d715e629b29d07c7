"""Finding annotations again after a document's text was corrected.

An annotation is anchored by its exact text, with up to 32 characters of context on each side (``prefix`` and
``suffix``) and its old offsets. After an edit:

1. The old and new texts are aligned (their common beginning and end, then the lines in between with difflib).
   An annotation lying wholly inside an unchanged stretch simply moves with it: its text is certainly still there.
2. Any other annotation (one the edit touched, or one already orphaned) is searched for by its exact text. Of
   several occurrences, the one whose surroundings match the stored prefix and suffix best wins; among equally
   good ones, the one nearest to where the old position maps in the new text.
3. An annotation whose exact text no longer occurs anywhere cannot be placed: it becomes an orphan.

So every annotation whose text still exists after an edit is kept on that text. Offsets are code points.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.domain.text import normalize_text


@dataclass(frozen=True)
class Anchor:
    """What is known about an annotation's place: old offsets, exact text and context."""

    start: int
    end: int
    text: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class _Block:
    """``old[old_start:old_end] == new[new_start:new_start + old_end - old_start]``."""

    old_start: int
    old_end: int
    new_start: int


def aligned_blocks(old: str, new: str) -> list[_Block]:
    """Stretches of ``old`` found unchanged in ``new``, in order."""
    limit = min(len(old), len(new))
    head = _common_prefix(old, new, limit)
    tail = _common_suffix(old, new, limit - head)
    blocks = [_Block(0, head, 0)] if head else []
    old_mid, new_mid = old[head:len(old) - tail], new[head:len(new) - tail]
    if old_mid and new_mid:
        old_lines, new_lines = old_mid.splitlines(keepends=True), new_mid.splitlines(keepends=True)
        old_pos, new_pos = _line_starts(old_lines), _line_starts(new_lines)
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
            if tag == "equal":
                blocks.append(_Block(head + old_pos[i1], head + old_pos[i2], head + new_pos[j1]))
    if tail:
        blocks.append(_Block(len(old) - tail, len(old), len(new) - tail))
    return blocks


def reanchor(old: str, new: str, anchors: Sequence[Anchor]) -> list[tuple[int, int] | None]:
    """New (start, end) for each anchor, or None where its exact text no longer occurs in ``new``."""
    blocks = aligned_blocks(old, new)
    starts = [b.old_start for b in blocks]
    return [_place(old, new, anchor, blocks, starts) for anchor in anchors]


def _place(old: str, new: str, anchor: Anchor, blocks: list[_Block], starts: list[int]) -> tuple[int, int] | None:
    if not anchor.text:
        return None
    length = len(anchor.text)
    index = bisect.bisect_right(starts, anchor.start) - 1
    intact = 0 <= anchor.start and old[anchor.start:anchor.end] == anchor.text
    if intact and index >= 0:
        block = blocks[index]
        if block.old_start <= anchor.start and anchor.end <= block.old_end:
            start = anchor.start - block.old_start + block.new_start
            return start, start + length
    expected = _map_position(anchor.start, blocks, index)
    best: tuple[int, int, int] | None = None  # (context score, -distance, start)
    found = new.find(anchor.text)
    while found >= 0:
        score = _context_score(new, found, found + length, anchor.prefix, anchor.suffix)
        key = (score, -abs(found - expected), found)
        if best is None or key[:2] > best[:2]:
            best = key
        found = new.find(anchor.text, found + 1)
    if best is None:
        return None
    return best[2], best[2] + length


def _map_position(position: int, blocks: list[_Block], index: int) -> int:
    """Where an old position lands in the new text, by the unchanged stretch at or before it."""
    if index < 0:
        return position
    block = blocks[index]
    if position <= block.old_end:
        return position - block.old_start + block.new_start
    return block.new_start + (block.old_end - block.old_start) + (position - block.old_end)


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the stored context match around ``text[start:end]``."""
    before = text[max(0, start - len(prefix)):start]
    after = text[end:end + len(suffix)]
    return _common_suffix(prefix, before, min(len(prefix), len(before))) + \
        _common_prefix(suffix, after, min(len(suffix), len(after)))


def _common_prefix(a: str, b: str, limit: int) -> int:
    if a[:limit] == b[:limit]:
        return limit
    lo, hi = 0, limit  # a[:lo] == b[:lo], a[:hi] != b[:hi]
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    if limit <= 0:
        return 0
    if a[len(a) - limit:] == b[len(b) - limit:]:
        return limit
    lo, hi = 0, limit
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid
    return lo


def _line_starts(lines: list[str]) -> list[int]:
    positions = [0]
    for line in lines:
        positions.append(positions[-1] + len(line))
    return positions


PARAGRAPH = "\u2029"  # how a text editor's raw text marks the end of a paragraph


def merge_edit(stored: str, raw_before: str, raw_after: str) -> str:
    """The corrected text: ``stored`` with only the region that differs between an editor's raw texts replaced.

    ``raw_before`` is the editor's raw text right after loading ``stored`` (one character for each of it) and
    ``raw_after`` its raw text now; paragraph ends typed in the edited region become ``\\n``."""
    if raw_after == raw_before:
        return stored
    if len(raw_before) != len(stored):  # cannot map positions one to one: take the editor's text as a whole
        return normalize_text(raw_after.replace(PARAGRAPH, "\n"))
    p = common_prefix(raw_before, raw_after)
    s = common_suffix(raw_before, raw_after, p)
    middle = raw_after[p:len(raw_after) - s].replace(PARAGRAPH, "\n").replace("\u2028", "\n")
    return stored[:p] + middle + stored[len(stored) - s:]


def common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix of two texts (by halving, so long texts compare at C speed)."""
    return _common_prefix(a, b, min(len(a), len(b)))


def common_suffix(a: str, b: str, prefix: int = 0) -> int:
    """Length of the longest common suffix that does not reach into the first ``prefix`` characters."""
    return _common_suffix(a, b, min(len(a), len(b)) - prefix)
