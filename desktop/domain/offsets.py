"""Conversion between code points (the canonical unit) and UTF-16 units (Qt, NVivo, JavaScript).

Every offset stored or exported by Claimdesk counts Unicode code points of the stored text, end-exclusive, so
``text[start:end]`` is the span. Qt counts UTF-16 code units, in which a character beyond the Basic
Multilingual Plane (an emoji, mathematical letters) counts two. This module is the one place that converts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 units in O(log n)."""

    __slots__ = ("_astral", "_astral_u16", "length", "length_utf16")

    def __init__(self, text: str):
        # Code-point positions of characters that take two UTF-16 units.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        # The UTF-16 position of each of them.
        self._astral_u16 = [cp + n for n, cp in enumerate(self._astral)]
        self.length = len(text)
        self.length_utf16 = self.length + len(self._astral)

    @property
    def is_trivial(self) -> bool:
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code-point position ``cp`` (0..len)."""
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def from_utf16(self, u16: int) -> int:
        """Code-point position of UTF-16 position ``u16``.

        A position inside a surrogate pair (which Qt never reports for a cursor) is rounded down to the start of
        that character.
        """
        if not self._astral:
            return u16
        # Astral characters that start strictly before u16; inside a pair this rounds down to the pair's start.
        return u16 - bisect_right(self._astral_u16, u16 - 1)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
