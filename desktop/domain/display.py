"""Display-only paragraph breaks for very long paragraphs.

A document that is one long paragraph (an 800,000-character line from a text or web import) is slow to show:
the editor lays out and restyles a whole paragraph on every change. The article therefore shows the text with
some spaces inside long paragraphs replaced by line breaks, preferably after a sentence end, so that each shown
block holds at most ``cap`` characters. A space and a line break are both one code point and one UTF-16 unit,
so every offset is identical in the stored and the shown text; the stored text is never changed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

LONG = 2000  # paragraphs longer than this are broken for display
CAP = 2000  # no shown block is longer than this, unless it holds no space to break at
MIN_BLOCK = 500  # a sentence end closer than this to the block's start is not used (blocks stay readable)

# Characters at which the editor starts a new block when it loads plain text.
BLOCK_BREAK = re.compile("[\n\r\u2029\ufdd0\ufdd1]")
# The end of a sentence: . ! ? … (or their CJK forms), maybe closed by quotes or brackets, then spaces.
_SENTENCE_END = re.compile("[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb\u203a)\\]]{0,3}( +)")
_SPACE = re.compile(" (?! )")  # the last space of a run of spaces


def _breakable(text: str, i: int, end: int) -> bool:
    """A space at ``i`` may become a line break: it is not the paragraph's last character and does not carry a
    combining mark or joiner (which would make it part of a grapheme with the next character)."""
    if i + 1 >= end:
        return False
    nxt = text[i + 1]
    if nxt == " " or nxt == "\u200d" or unicodedata.combining(nxt):
        return False
    return unicodedata.category(nxt) not in ("Mn", "Me", "Mc", "Cf")


def break_points(text: str, *, long: int = LONG, cap: int = CAP, min_block: int = MIN_BLOCK) -> list[int]:
    """Positions of the spaces shown as line breaks, in ascending order."""
    points: list[int] = []
    para = 0
    n = len(text)
    for m in (*BLOCK_BREAK.finditer(text), None):
        end = m.start() if m is not None else n
        if end - para > long:
            points.extend(_paragraph_points(text, para, end, cap, min_block))
        para = end + 1
    return points


def _paragraph_points(text: str, start: int, end: int, cap: int, min_block: int) -> list[int]:
    sentence = []
    for m in _SENTENCE_END.finditer(text, start, end):
        i = m.end() - 1  # the last space of the run
        if _breakable(text, i, end) and not text[i + 1].islower():  # "e.g. the" is not a sentence end
            sentence.append(i)
    spaces = [m.start() for m in _SPACE.finditer(text, start, end) if _breakable(text, m.start(), end)]
    points = []
    p = start  # start of the current shown block
    while end - p > cap:
        limit = p + cap  # a break at i gives the block text[p:i]: at most cap characters
        i = bisect_right(sentence, limit) - 1
        if i >= 0 and sentence[i] >= p + min_block:
            brk = sentence[i]
        else:
            j = bisect_right(spaces, limit) - 1
            if j >= 0 and spaces[j] > p:
                brk = spaces[j]
            elif j + 1 < len(spaces):  # no space within reach: break at the first one further on
                brk = spaces[j + 1]
            else:
                break
        points.append(brk)
        p = brk + 1
    return points


def display_text(text: str, *, long: int = LONG, cap: int = CAP, min_block: int = MIN_BLOCK) -> str:
    """``text`` with long paragraphs broken into blocks of at most ``cap`` characters, for showing only.

    The result has the same length as ``text`` and differs from it only where a space became a line break.
    """
    points = break_points(text, long=long, cap=cap, min_block=min_block)
    if not points:
        return text
    parts = []
    prev = 0
    for i in points:
        parts.append(text[prev:i])
        prev = i + 1
    parts.append(text[prev:])
    return "\n".join(parts)
