"""Quotation spans in any common quotation style, in one linear pass per paragraph."""

from __future__ import annotations

import re

OPEN_CLOSE = {"“": "”\"", "«": "»", "„": "“”\"", "‚": "‘’", "‹": "›", "「": "」", "‘": "’", '"': '"”', "»": "«"}
MARKS = set(OPEN_CLOSE) | {c for v in OPEN_CLOSE.values() for c in v}
_PARA = re.compile(r"[^\n]+")


def _is_apostrophe(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in "’'‘":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or ch != "‘" and not after.strip())


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation's content, outermost quotes only; unclosed quotes end at their paragraph
    unless the next paragraph opens a quote (a quotation continued over several paragraphs)."""
    found: list[tuple[int, int]] = []
    pending: int | None = None  # content start of a quote left open by the previous paragraph
    for para in _PARA.finditer(text):
        p_start, p_end = para.span()
        stack: list[tuple[str, int]] = []
        i = p_start
        if pending is not None and text[p_start:p_start + 3].lstrip()[:1] not in OPEN_CLOSE:
            pending = None
        first_mark = True
        while i < p_end:
            ch = text[i]
            if ch in MARKS and not _is_apostrophe(text, i):
                if stack and ch in OPEN_CLOSE[stack[-1][0]]:
                    opener, start = stack.pop()
                    if not stack:
                        found.append((start, i))
                elif ch in OPEN_CLOSE and i + 1 < p_end and not text[i + 1].isspace():
                    if pending is not None and first_mark and i - p_start < 3:
                        stack.append((ch, pending))
                    else:
                        stack.append((ch, i + 1))
                    pending = None
                first_mark = False
            i += 1
        pending = None
        if stack:
            start = stack[0][1]
            pending = start  # continues if the next paragraph opens a quote
            found.append((start, _last_nonspace(text, p_start, p_end)))
    found = _merge_continuations(found)
    return [(s, e) for s, e in found if e > s]


def _last_nonspace(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _merge_continuations(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote continued in the next paragraph was recorded twice with the same start: keep the longest."""
    best: dict[int, int] = {}
    for s, e in spans:
        best[s] = max(best.get(s, e), e)
    return sorted(best.items())
