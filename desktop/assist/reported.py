"""Reported statements without quote marks: "Peskov said that ...", "according to Peskov, ..."."""

from __future__ import annotations

import re

from desktop.assist.speakers import CUES, NAME, SUBJECT

_SAID_THAT = re.compile(rf"(?P<s>{SUBJECT})\s+(?:has\s+|had\s+)?(?:{CUES})\s+(?:that|что|що)\s+(?P<c>[^\n.!?]+)")
_ACCORDING = re.compile(rf"(?:[Aa]ccording to|[Пп]о словам|[Зз]а словами)\s+(?P<s>{NAME}),\s+(?P<c>[^\n.!?]+)")


def find_reported(text: str) -> list[tuple[int, int, str]]:
    out = []
    for rx in (_SAID_THAT, _ACCORDING):
        for m in rx.finditer(text):
            out.append((m.start("c"), m.end("c"), m.group("s")))
    return sorted(out)
