"""Legitimacy assertions: a lexicon term, the actor it governs and a stance guess."""

from __future__ import annotations

import re

TERMS = (r"illegitima\w*|legitima\w*|legitimacy|mandate|usurp\w*|puppet regime|(?:un)?elected|sovereign\w*|"
         r"the right to|нелегитимн\w*|легитимн\w*|узурпатор\w*|марионеточн\w*|суверен\w*|мандат\w*|"
         r"нелегітимн\w*|легітимн\w*|маріонетков\w*")
_TERM = re.compile(rf"\b(?:{TERMS})", re.IGNORECASE)
_OF_TARGET = re.compile(r"^\s+(?:of\s+)?(?P<t>(?:[\w'’]+\s+){0,2}?[A-ZА-Я][\w'’]+(?:['’]s)?(?:\s+[a-z]+)?)")
_POSSESSIVE = re.compile(r"(?P<t>[A-ZА-Я][\w]+(?:\s+[A-Z][\w]+)*)['’]s\s+$")
_SENT = re.compile(r"[^.!?\n]+[.!?]?")


def _stance(sentence: str, term: str) -> str:
    s = sentence.lower()
    if term.lower().startswith(("illegit", "usurp", "puppet", "нелегит", "нелегіт", "узурп", "марион", "маріон")):
        return "denies"
    if re.search(r"\b(?:question\w*|doubt\w*|whether|сомн\w*|сумнів\w*)", s):
        return "questions"
    if re.search(r"\b(?:not|no|never|lacks?|isn't|не)\b", s):
        return "denies"
    if re.search(r"\b(?:has|have|is|are|remains?)\b", s):
        return "asserts"
    return "affirms"


def find_legitimacy(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, target, stance) per sentence that holds a lexicon term; the span is the sentence."""
    out = []
    for sent in _SENT.finditer(text):
        m = _TERM.search(sent.group())
        if not m:
            continue
        head = sent.group()[:m.start()]
        tail = sent.group()[m.end():]
        target = ""
        pm = _POSSESSIVE.search(head)
        if pm:
            target = pm.group("t")
        else:
            om = _OF_TARGET.match(tail)
            if om and "of" in tail[:4]:
                target = om.group("t")
        if not target:
            caps = re.findall(r"[A-ZА-Я][\w]+(?:\s+[A-Z][\w]+)*", head)
            target = caps[-1] if caps else ""
        start, end = sent.start(), sent.end()
        while start < end and (text[start].isspace() or text[start] in "\"“”«»„'’"):
            start += 1
        out.append((start, end, target, _stance(sent.group(), m.group())))
    return out
