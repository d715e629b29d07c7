"""A large, realistic project for the benchmark, generated in seconds.

News-like articles of varied length (one book-length article of about a million characters), quotes, claims and
legitimacy assertions over them with speakers, targets, stances and notes, overlapping spans, accents, Cyrillic
and emoji, and a few cells a spreadsheet would run as formulas. Everything is drawn from a seeded generator, so
the same sizes give the same project.
"""

from __future__ import annotations

import math
import random
import uuid as uuidlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from desktop.domain.model import ClaimdeskError

SPEAKERS = (
    "Dmitry Peskov", "Volodymyr Zelenskyy", "Ursula von der Leyen", "Recep Tayyip Erdoğan", "Emmanuel Macron",
    "Sergey Lavrov", "Antony Blinken", "Olaf Scholz", "Mykhailo Podolyak", "Josep Borrell", "Annalena Baerbock",
    "Xi Jinping", "Narendra Modi", "Luiz Inácio Lula da Silva", "Мария Захарова", "a Kremlin spokesman",
    "an EU official", "the foreign ministry", "protesters", "the opposition leader",
)
TARGETS = (
    "Volodymyr Zelenskyy", "Vladimir Putin", "the interim government", "the election commission", "the parliament",
    "Nicolás Maduro", "the constitutional court", "the president", "the junta", "Alexander Lukashenko",
)
STANCES = ("questions", "denies", "affirms", "asserts")
OUTLETS = ("Reuters", "TASS", "Le Monde", "Kyiv Independent", "BBC News", "Deutsche Welle", "Al Jazeera", "RIA")
NOTES = (
    "check against the Russian original", "reported speech, not a direct quote", "same claim as in TASS",
    "speaker unclear 🤔", "legitimacy framed as expired mandate", "compare with the press conference",
    "translation by the outlet", "important 🔥", "ironic?", "repeated from yesterday",
    "-2% figure looks wrong", "=needs a second coder", "@desk: verify", "counter-claim follows",
)
WORDS = (
    "government sanctions ceasefire negotiations election mandate constitution legitimacy sovereignty territory "
    "border troops offensive humanitarian corridor parliament referendum minister spokesman statement security "
    "council resolution evidence investigation observers ballot democracy opposition protest crackdown media "
    "pipeline energy prices grain exports agreement talks delegation summit alliance partners weapons aid "
    "reconstruction refugees decree court ruling appeal majority coalition budget inflation currency reserves "
    "diplomatic channels envoy embassy communiqué régime façade naïve coördinated Kyiv Moscow Brussels Ankara "
    "Беларусь выборы легитимность переговоры 🇺🇦 📢 🕊️ the the the of of of to to and and a a in in on for "
    "with that which was were has had not but by from at as it its their this these would could should may"
).split()
VERBS = ("said", "told reporters", "insisted", "wrote on Telegram", "claimed", "stressed", "added", "warned")
LEGITIMACY = (
    "{t}’s legitimacy can be questioned", "{t} is no longer a legitimate leader", "{t} remains the legitimate "
    "authority", "the mandate of {t} has expired", "{t} was lawfully elected and is legitimate",
    "nobody recognises {t} as legitimate", "{t} has every right to govern",
)


@dataclass
class GeneratedDocument:
    title: str
    text: str
    meta: dict
    sentences: list[tuple[int, int]]  # code-point spans of the sentences


@dataclass
class Plan:
    """What to generate."""

    docs: int = 1000
    annotations: int = 100_000
    big_chars: int = 1_000_000
    big_share: float = 0.1  # of the annotations, in the big document
    seed: int = 8
    big_index: int = field(default=-1)  # position of the big document (default: the last)

    def check(self) -> None:
        if self.docs < 1:
            raise ClaimdeskError("--docs must be at least 1")
        if self.annotations < 0:
            raise ClaimdeskError("--annotations cannot be negative")
        if self.big_chars < 200:
            raise ClaimdeskError("--big-chars must be at least 200")


class TextGenerator:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def _clause(self, lo: int = 6, hi: int = 18) -> str:
        rng = self.rng
        return " ".join(rng.choices(WORDS, k=rng.randint(lo, hi)))

    def sentence(self) -> str:
        rng = self.rng
        kind = rng.random()
        speaker = rng.choice(SPEAKERS)
        if kind < 0.3:
            clause = self._clause()
            return f"“{clause[0].upper()}{clause[1:]},” {speaker} {rng.choice(VERBS)}."
        if kind < 0.5:
            return f"{speaker} {rng.choice(VERBS)} that {self._clause()}."
        if kind < 0.62:
            return f"According to {speaker}, {rng.choice(LEGITIMACY).format(t=rng.choice(TARGETS))}."
        clause = self._clause(8, 24)
        return f"{clause[0].upper()}{clause[1:]}."

    def article(self, chars: int) -> tuple[str, list[tuple[int, int]]]:
        """Paragraphs of sentences, about ``chars`` code points long, with the sentences' spans."""
        rng = self.rng
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        in_paragraph = 0
        while pos < chars:
            if in_paragraph and (in_paragraph >= 6 or rng.random() < 0.25):
                parts.append("\n\n")
                pos += 2
                in_paragraph = 0
            elif in_paragraph:
                parts.append(" ")
                pos += 1
            s = self.sentence()
            parts.append(s)
            spans.append((pos, pos + len(s)))
            pos += len(s)
            in_paragraph += 1
        return "".join(parts) + "\n", spans


def documents(plan: Plan) -> list[GeneratedDocument]:
    rng = random.Random(plan.seed)
    gen = TextGenerator(rng)
    big = plan.big_index % plan.docs
    out = []
    day = datetime(2024, 1, 1, tzinfo=timezone.utc)
    for i in range(plan.docs):
        if i == big:
            chars = plan.big_chars
        else:
            chars = int(min(40_000, max(600, rng.lognormvariate(math.log(4000), 0.6))))
        text, spans = gen.article(chars)
        outlet = rng.choice(OUTLETS)
        title = f"{outlet}: {gen._clause(3, 7)} ({i + 1})" if i != big else f"Book-length dossier ({i + 1})"
        published = (day + timedelta(days=i % 700)).date().isoformat()
        meta = {"outlet": outlet, "url": f"https://news.example/{i + 1}", "published": published,
                "language": "en", "uuid": str(uuidlib.UUID(int=rng.getrandbits(128), version=4))}
        out.append(GeneratedDocument(title, text, meta, spans))
    return out


def _per_document(plan: Plan, docs: list[GeneratedDocument]) -> list[int]:
    """How many annotations each document gets: a share for the big one, the rest by length."""
    big = plan.big_index % plan.docs
    if plan.docs == 1:
        return [plan.annotations]
    in_big = round(plan.annotations * plan.big_share)
    rest = plan.annotations - in_big
    lengths = [len(d.text) if i != big else 0 for i, d in enumerate(docs)]
    total = sum(lengths)
    counts = [rest * n // total for n in lengths]
    for i in sorted(range(len(docs)), key=lambda i: -lengths[i])[: rest - sum(counts)]:
        counts[i] += 1
    counts[big] = in_big
    return counts


def annotations(plan: Plan, docs: list[GeneratedDocument], doc_ids: list[int], tag_type_ids: list[int]):
    """Annotation dicts for :func:`desktop.store.bulk.add_annotations`: sentences, pairs of sentences and
    phrases inside them, so spans overlap; every third one a legitimacy assertion with target and stance."""
    rng = random.Random(plan.seed + 1)
    base = datetime(2025, 3, 1, 8, 0, tzinfo=timezone.utc)
    n = 0
    for doc, doc_id, count in zip(docs, doc_ids, _per_document(plan, docs)):
        text, sentences = doc.text, doc.sentences
        for _ in range(count):
            k = rng.randrange(len(sentences))
            start, end = sentences[k]
            shape = rng.random()
            if shape < 0.25 and k + 1 < len(sentences):
                end = sentences[k + 1][1]
            elif shape < 0.45 and end - start > 30:
                a = text.find(" ", start + rng.randrange(1, (end - start) // 2))
                b = text.rfind(" ", a + 2, end - 1)
                if 0 <= a < b:
                    start, end = a + 1, b
            type_index = n % 3 if len(tag_type_ids) >= 3 else n % len(tag_type_ids)
            stamp = (base + timedelta(seconds=n * 7)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            item = {"document_id": doc_id, "tag_type_id": tag_type_ids[type_index], "start": start, "end": end,
                    "speaker": rng.choice(SPEAKERS), "annotator": f"analyst-{1 + n % 3}", "created_at": stamp,
                    "uuid": str(uuidlib.UUID(int=rng.getrandbits(128), version=4))}
            if type_index == 2:
                item["target"] = rng.choice(TARGETS)
                item["stance"] = rng.choice(STANCES)
            if rng.random() < 0.2:
                item["note"] = rng.choice(NOTES)
            n += 1
            yield item


def make_project(path: str | Path, plan: Plan):
    """Write a new project at ``path`` following ``plan``; returns (project path, id of the big document)."""
    from desktop.store import Project
    from desktop.store import bulk

    plan.check()
    path = Path(path)
    if path.exists():
        raise ClaimdeskError(f"{path} exists already; give a new file name")
    docs = documents(plan)
    with Project.open(path, create=True) as project:
        project.annotator = "bench"
        ids = bulk.add_documents(project, [(d.text, d.title, d.meta) for d in docs])
        type_ids = [t.id for t in project.tag_types()]
        bulk.add_annotations(project, annotations(plan, docs, ids, type_ids))
        big_id = ids[plan.big_index % plan.docs]
    return path, big_id
