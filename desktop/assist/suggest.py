"""One entry point: every suggestion for a text, as plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.assist.legitimacy import find_legitimacy
from desktop.assist.quotes import find_quotes
from desktop.assist.reported import find_reported
from desktop.assist.speakers import SpeakerResolver


@dataclass
class Suggestion:
    type: str  # "Quote" | "Claim" | "Legitimacy assertion"
    start: int
    end: int
    text: str
    speaker: str = ""
    target: str = ""
    stance: str = ""
    score: float = 0.5


def suggest(text: str, *, language: str | None = None) -> list[Suggestion]:
    resolver = SpeakerResolver(text)
    out: list[Suggestion] = []
    for start, end in find_quotes(text):
        speaker = resolver.speaker_for(start, end)
        out.append(Suggestion("Quote", start, end, text[start:end], speaker, score=0.9 if speaker else 0.6))
    quoted = [(s.start, s.end) for s in out]
    for start, end, speaker in find_reported(text):
        if not any(s <= start < e or start <= s < end for s, e in quoted):
            out.append(Suggestion("Claim", start, end, text[start:end], resolver.resolve(speaker, start), score=0.6))
    for start, end, target, stance in find_legitimacy(text):
        speaker = next((s.speaker for s in out if s.start < end and start < s.end and s.speaker), "")
        out.append(Suggestion("Legitimacy assertion", start, end, text[start:end], speaker, target, stance, 0.7))
    out.sort(key=lambda s: (s.start, s.end))
    return out
