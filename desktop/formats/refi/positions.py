"""How a REFI-QDA file counts positions in a source, found out from the selections themselves.

The standard counts Unicode code points of the source's plain text, end exclusive. Real files differ: NVivo
counts UTF-16 units with CRLF as two, some tools count a UTF-8 byte-order mark, some end positions are
inclusive. For each source every plausible way of counting is tried; the one under which the most selections
read their own name (ATLAS.ti, MAXQDA and Claimdesk name a selection after its text) wins, then the one under
which the most selections fall inside the text, then the one under which the most begin and end between words
(a wrong counting shifts spans into words), then the most likely for the tool that wrote the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.offsets import OffsetMap
from desktop.formats.exchange import RawText


@dataclass(frozen=True)
class Counting:
    utf16: bool = False  # UTF-16 units instead of code points
    crlf_two: bool = True  # a CRLF line end counts two (as in the file), not one
    bom: bool = False  # a leading byte-order mark counts one
    inclusive: bool = False  # the end position is the last character, not the one after

    def describe(self) -> str:
        parts = ["UTF-16 units" if self.utf16 else "code points"]
        parts.append("CRLF as two" if self.crlf_two else "CRLF as one")
        if self.bom:
            parts.append("counting the byte-order mark")
        if self.inclusive:
            parts.append("inclusive end")
        return ", ".join(parts)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _clean(text: str, start: int, end: int) -> bool:
    """Whether a span begins and ends between words (not inside one)."""
    def inside(i: int) -> bool:
        return 0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum()
    return not inside(start) and not inside(end)


def reads_as(span: str, name: str) -> bool:
    """Whether a selection's ``name`` is its text (whole, or its beginning cut short)."""
    a, b = _norm(span), _norm(name)
    if not b:
        return False
    if a == b:
        return True
    cut = b.rstrip(".…").rstrip()
    if len(cut) >= 6 and cut != b:
        return a.startswith(cut)
    return len(b) >= 20 and a.startswith(b)


class SourceText:
    """A source's text as the file holds it, and conversions from each way of counting to stored positions."""

    def __init__(self, raw: str):
        self.bom = raw.startswith("\ufeff")
        self.raw = raw[1:] if self.bom else raw
        self.text = RawText(self.raw).text
        self._maps: dict[tuple[bool, bool], tuple[RawText, OffsetMap]] = {}

    def countings(self, prefer_utf16: bool, named: bool) -> list[Counting]:
        crlf_options = (True, False) if "\r\n" in self.raw else (True,)
        bom_options = (False, True) if self.bom else (False,)
        unit_options = (True, False) if prefer_utf16 else (False, True)
        if OffsetMap(self.raw).is_trivial:
            unit_options = (False,)
        inclusive_options = (False, True) if named else (False,)
        return [Counting(u, c, b, i) for i in inclusive_options for b in bom_options for u in unit_options
                for c in crlf_options]

    def _map(self, counting: Counting) -> tuple[RawText, OffsetMap]:
        key = (counting.crlf_two, counting.bom)
        if key not in self._maps:
            counted = self.raw if counting.crlf_two else self.raw.replace("\r\n", "\n")
            if counting.bom:
                counted = "\ufeff" + counted
            self._maps[key] = (RawText(counted), OffsetMap(counted))
        return self._maps[key]

    def span(self, counting: Counting, start: int, end: int) -> tuple[int, int] | None:
        """The stored span for positions counted this way; None if they fall outside or select only space."""
        raw, offsets = self._map(counting)
        if counting.inclusive:
            end += 1
        limit = offsets.length_utf16 if counting.utf16 else offsets.length
        if not 0 <= start < end <= limit:
            return None
        if counting.utf16:
            start, end = offsets.from_utf16(start), offsets.from_utf16(end)
        s, e = raw.to_text(start), raw.to_text(end)
        if s >= e or not self.text[s:e].strip():
            return None
        return s, e


def choose_counting(source: SourceText, selections: list[tuple[int, int, str]],
                    prefer_utf16: bool) -> tuple[Counting, bool]:
    """The counting that explains ``selections`` (start, end, name) best, and whether names are their texts."""
    named = [s for s in selections if s[2].strip()]
    best, best_key, best_matches = Counting(), None, 0
    for rank, counting in enumerate(source.countings(prefer_utf16, bool(named))):
        matches = valid = clean = 0
        for start, end, name in selections:
            span = source.span(counting, start, end)
            if span is None:
                continue
            valid += 1
            clean += _clean(source.text, *span)
            if name.strip() and reads_as(source.text[span[0]:span[1]], name):
                matches += 1
        key = (matches, valid, clean, -rank)
        if best_key is None or key > best_key:
            best, best_key, best_matches = counting, key, matches
    names_are_text = bool(named) and best_matches * 2 > len(named)
    return best, names_are_text
