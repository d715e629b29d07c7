"""The source of a quote or reported statement: cue verbs before or after it, with back-off from a pronoun or a
title to the last matching named person."""

from __future__ import annotations

import bisect
import re

CUES = (r"said|says|told|added|stated|explained|noted|declared|stressed|warned|claimed|insisted|wrote|asked|"
        r"replied|argued|revealed|emphasi[sz]ed|заявил|заявила|сказал|сказала|отметил|отметила|заявив|заявила|"
        r"сказав|сказала|зазначив")
NAME = r"(?:[A-ZА-ЯЁІЇЄҐ][\w'’-]+)(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+){0,3}"
SUBJECT = (rf"(?:(?:the|The)\s+(?:[\w-]+\s+){{0,3}}?[\w-]+|he|she|they|He|She|They|"
           rf"(?:[A-ZА-Я][\w-]+\s+)?(?:[a-zа-я][\w-]+\s+){{0,2}}?{NAME})")
_AFTER = re.compile(rf"^[\s,.!?—–-]*(?:(?P<cue1>{CUES})\s+(?P<s1>{SUBJECT})|(?P<s2>{SUBJECT})\s+(?:has\s+|had\s+)?(?:{CUES}))")
_BEFORE = re.compile(rf"(?P<s>{SUBJECT})\s+(?:has\s+|had\s+)?(?:{CUES})(?:\s+\w+)?\s*[:,]?\s*\W?$")
_ACCORDING = re.compile(rf"(?:according to|по словам|за словами)\s+(?P<s>{NAME}|[\w\s]{{1,40}}?)(?=,)")
_PERSON = re.compile(rf"(?P<title>(?:[a-zа-я][\w-]*\s+){{0,3}})(?P<name>[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+){{1,4}})")
PRONOUNS = {"he", "she", "they", "him", "her", "он", "она", "він", "вона"}
_STOP = {"The", "A", "An", "In", "On", "But", "However", "And"}


class SpeakerResolver:
    """Named persons in order of appearance, with the words before them (titles) for back-off."""

    def __init__(self, text: str):
        self.text = text
        self.people: list[tuple[int, str, str]] = []  # (position, name, title words)
        for m in _PERSON.finditer(text):
            words = m.group("name").split()
            while words and words[0] in _STOP:
                words.pop(0)
            if len(words) >= 2:
                title = ((m.group("title") or "") + " ".join(words[:-2])).lower()
                self.people.append((m.start("name"), " ".join(words[-2:]), title))

    @property
    def _positions(self) -> list[int]:
        if not hasattr(self, "_pos_cache") or len(self._pos_cache) != len(self.people):
            self._pos_cache = [p[0] for p in self.people]
        return self._pos_cache

    def resolve(self, mention: str, position: int) -> str:
        mention = (mention or "").strip()
        low = mention.lower()
        if not mention:
            return ""
        if not low.startswith("the ") and mention[:1].isupper():
            run = re.search(rf"{NAME}$", mention)
            mention = run.group() if run else mention
            if " " in mention and mention.split()[0].lower() in ("kremlin", "russian", "ukrainian"):
                mention = " ".join(mention.split()[1:])
        cut = bisect.bisect_left(self._positions, position)
        before = self.people[max(0, cut - 50):cut]
        if low in PRONOUNS and before:
            return before[-1][1]
        if low.startswith("the "):
            words = [w for w in low.split()[1:] if len(w) > 2]
            for _, name, title in reversed(before):
                if words and words[-1][:6] in title:
                    return name
            return before[-1][1] if before else mention
        for _, name, _t in reversed(before):  # a surname alone names the last full name that ends with it
            if name != mention and name.endswith(" " + mention):
                return name
        return mention

    def speaker_for(self, start: int, end: int) -> str:
        after = self.text[end + 1:end + 120].split("\n", 1)[0]
        m = _AFTER.match(after)
        if m:
            return self.resolve(m.group("s1") or m.group("s2"), end)
        line_start = self.text.rfind("\n", 0, start) + 1
        before = self.text[max(line_start, start - 150):max(start - 1, 0)]
        m = _BEFORE.search(before)
        if m:
            return self.resolve(m.group("s"), start)
        m = None
        for m in _ACCORDING.finditer(before):
            pass
        if m:
            return self.resolve(m.group("s"), start)
        return ""
