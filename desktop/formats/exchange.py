"""What the annotated exchange formats share: documents, tag types, placing spans, reporting, safe output.

A reader (brat, JSON Lines, CSV, W3C, REFI-QDA) parses its file into :class:`NewDocument` (a text the file
carries) and :class:`Pending` annotations; :class:`ImportBatch` then writes them in one transaction. A document
already in the project (same text, so the same sha256) is reused, never duplicated. An annotation whose offsets do
not hold its text is placed at the nearest occurrence of that text; one that cannot be placed, or that the
project refuses, is reported in ``ImportResult.problems`` and never dropped silently.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.model import BUILTIN_FIELDS, ClaimdeskError, FieldSpec, TagType
from desktop.domain.text import find_all, normalize_text, sha256_text
from desktop.formats.importing import ImportResult
from desktop.store import exchange as store_exchange

# Colours for tag types an import creates (Okabe-Ito, then neutral greys), skipping colours already in use.
PALETTE = ("#009E73", "#0072B2", "#D55E00", "#F0E442", "#56B4E9", "#E69F00", "#CC79A7", "#000000", "#999999",
           "#666666")


# While set (``import_path(..., annotator=NAME)``), every annotation an exchange file brings in is that analyst's,
# whatever the file says: each coder's file becomes that coder's annotations in one project.
ANNOTATOR_OVERRIDE: contextvars.ContextVar[str | None] = contextvars.ContextVar("annotator_override", default=None)


class ExchangeFileError(ClaimdeskError):
    """A file that cannot be imported at all (damaged, of another kind, missing its text)."""


@dataclass
class NewDocument:
    """A document whose text the file carries (brat .txt, REFI-QDA sources)."""

    key: str
    text: str
    title: str
    meta: dict = field(default_factory=dict)


@dataclass
class DocumentRef:
    """A document the file names but does not carry (CSV, JSON Lines, W3C): matched in the project."""

    sha256: str = ""
    uuid: str = ""
    title: str = ""
    id: int | None = None

    def describe(self) -> str:
        if self.title:
            return repr(self.title)
        if self.sha256:
            return f"with sha256 {self.sha256[:12]}…"
        return f"{self.id}" if self.id is not None else "(unnamed)"


@dataclass
class Pending:
    """One annotation read from a file, not yet placed."""

    where: str  # for messages: "line 4", "T3 in a.ann", "selection 1f2e…"
    doc: str | DocumentRef  # a NewDocument key, or a reference to a document in the project
    tag: str
    start: int
    end: int
    text: str | None = None  # the span's text, when the file gives it
    prefix: str = ""
    suffix: str = ""
    speaker: str = ""
    target: str = ""
    stance: str = ""
    note: str = ""
    fields: dict = field(default_factory=dict)
    annotator: str = ""
    created_at: str = ""
    updated_at: str = ""
    uuid: str = ""
    orphan: bool = False


@dataclass
class TagSpec:
    """What a file says about a tag type (colour, description, fields with choices)."""

    color: str = ""
    description: str = ""
    fields: list[FieldSpec] = field(default_factory=list)


def place(text: str, start: int, end: int, expected: str | None, prefix: str = "", suffix: str = "",
          ) -> tuple[int, int] | None:
    """Where a span belongs in ``text``: at its offsets if they hold ``expected``, else at the occurrence of
    ``expected`` whose context matches best and that lies nearest to ``start``; None if it cannot be found."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if expected is None or text[start:end] == expected:
            return start, end
    if not expected:
        return None
    hits = find_all(text, expected, exact=True)
    if not hits:
        return None

    def score(hit):
        s, e = hit
        context = 0
        if prefix and text[max(0, s - len(prefix)):s] == prefix:
            context += 1
        if suffix and text[e:e + len(suffix)] == suffix:
            context += 1
        return (-context, abs(s - (start if isinstance(start, int) else 0)))

    return min(hits, key=score)


@contextlib.contextmanager
def atomic_output(out: Path):
    """A temporary path beside ``out`` that replaces it only when writing succeeded."""
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_utf8(path: Path) -> str:
    """A UTF-8 file's text (a byte-order mark is dropped); a clear error if it is not UTF-8."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeFileError(f"{Path(path).name} is not UTF-8 text (byte {exc.start} cannot be read)") from None


class RawText:
    """A text as a file holds it (maybe a byte-order mark, CRLF or CR line ends) and its stored, normalised form.

    Positions other tools count over the raw text map to positions in the normalised text: each removed
    character (the mark, the CR of a CRLF) before a position moves it one back.
    """

    def __init__(self, raw: str):
        self.raw = raw
        self.text = normalize_text(raw)
        removed = [0] if raw.startswith("\ufeff") else []
        start = 0
        while (i := raw.find("\r\n", start)) >= 0:
            removed.append(i)
            start = i + 2
        self._removed = removed

    @property
    def changed(self) -> bool:
        return bool(self._removed)

    def to_text(self, raw_pos: int) -> int:
        """The normalised position of a code-point position in the raw text."""
        return raw_pos - bisect_left(self._removed, raw_pos)


def next_color(used: set[str]) -> str:
    for color in PALETTE:
        if color.upper() not in used:
            used.add(color.upper())
            return color
    return PALETTE[len(used) % len(PALETTE)]


class ImportBatch:
    """Collects documents, tag types and annotations read from one file, then stores them in one transaction."""

    def __init__(self, project, source: str):
        self.project = project
        self.source = source
        self.documents: dict[str, NewDocument] = {}
        self.pending: list[Pending] = []
        self.tags: dict[str, TagSpec] = {}
        self.problems: list[str] = []
        self._matched: dict[tuple, int | None] = {}
        self._summaries = None

    # ------------------------------------------------------------- collecting
    def add_document(self, doc: NewDocument) -> None:
        self.documents[doc.key] = doc

    def declare_tag(self, name: str, color: str = "", description: str = "", fields=()) -> None:
        spec = self.tags.setdefault(name, TagSpec())
        spec.color = spec.color or color
        spec.description = spec.description or description
        for f in fields:
            if f.name not in [g.name for g in spec.fields]:
                spec.fields.append(f)

    def add(self, pending: Pending) -> None:
        self.pending.append(pending)
        self.declare_tag(pending.tag)

    def problem(self, message: str) -> None:
        self.problems.append(message)

    # ----------------------------------------------------------------- writing
    def run(self) -> ImportResult:
        result = ImportResult()
        project = self.project
        with store_exchange.import_transaction(project):
            doc_ids = {key: self._store_document(doc, result) for key, doc in self.documents.items()}
            for key, doc_id in doc_ids.items():
                if doc_id is None:
                    lost = sum(1 for p in self.pending if p.doc == key)
                    if lost:
                        self.problem(f"{lost} annotation(s) of {self.documents[key].title!r} were not imported")
            tag_ids = self._store_tag_types()
            existing: dict[int, tuple[set, set]] = {}
            skipped = 0
            for p in self.pending:
                doc_id = doc_ids.get(p.doc) if isinstance(p.doc, str) else self._match(p)
                if doc_id is None:
                    if not isinstance(p.doc, str):  # a missing document of the file is reported above
                        self.problem(f"{p.where}: the document {p.doc.describe()} is not in the project; "
                                     f"import the article first")
                    continue
                text = project.document_text(doc_id)
                span = place(text, p.start, p.end, p.text, p.prefix, p.suffix)
                if span is None:
                    shown = f" ({p.text[:40]!r})" if p.text else ""
                    self.problem(f"{p.where}: cannot place {p.start}-{p.end}{shown} in "
                                 f"{project.document(doc_id).title!r}; the text is not there")
                    continue
                if doc_id not in existing:
                    existing[doc_id] = self._existing(doc_id)
                uuids, contents = existing[doc_id]
                override = ANNOTATOR_OVERRIDE.get()
                if override is not None:
                    p.annotator = override
                key = self._content_key(doc_id, tag_ids[p.tag], span, p)
                if (p.uuid and p.uuid in uuids) or key in contents:
                    skipped += 1
                    continue
                try:
                    ann = store_exchange.add_imported_annotation(
                        project, doc_id, tag_ids[p.tag], span[0], span[1], speaker=p.speaker, target=p.target,
                        stance=p.stance, note=p.note, fields=p.fields, annotator=p.annotator,
                        created_at=p.created_at, updated_at=p.updated_at, uuid=p.uuid, orphan=p.orphan)
                except ClaimdeskError as exc:
                    self.problem(f"{p.where}: {exc}")
                    continue
                uuids.add(ann.uuid)
                contents.add(key)
                result.annotations += 1
        if skipped:
            self.problem(f"{skipped} annotation(s) were already in the project and were not imported again")
        result.problems = self.problems
        return result

    def _store_document(self, doc: NewDocument, result: ImportResult) -> int | None:
        text = normalize_text(doc.text)
        existing = self.project.document_id_by_sha256(sha256_text(text))
        if existing is not None:
            return existing
        meta = {k: v for k, v in doc.meta.items() if v}
        try:
            stored = self.project.add_document(text, doc.title, **meta)
        except ClaimdeskError as exc:
            self.problem(f"document {doc.title!r} was not imported: {exc}")
            return None
        result.documents.append(stored)
        return stored.id

    def _match(self, p: Pending) -> int | None:
        """The project's document a reference names: by sha256, uuid, then title, then id (checked by text)."""
        ref: DocumentRef = p.doc
        key = (ref.sha256, ref.uuid, ref.title, ref.id)
        if key in self._matched:
            return self._matched[key]
        project = self.project
        found = project.document_id_by_sha256(ref.sha256) if ref.sha256 else None
        if found is None:
            found = store_exchange.document_id_by_uuid(project, ref.uuid)
        if found is None:
            if self._summaries is None:
                self._summaries = project.documents()
            candidates = []
            if ref.title:
                candidates = [d.id for d in self._summaries if d.title == ref.title.strip()]
            if not candidates and ref.id is not None and any(d.id == ref.id for d in self._summaries):
                candidates = [ref.id]
            if len(candidates) > 1 and p.text:
                # Several documents share the title: take the one that holds this span (not remembered).
                holding = [c for c in candidates if place(project.document_text(c), p.start, p.end, p.text)]
                return (holding or candidates)[0]
            found = candidates[0] if candidates else None
        self._matched[key] = found
        return found

    def _store_tag_types(self) -> dict[str, int]:
        project = self.project
        by_name = {t.name.casefold(): t for t in project.tag_types()}
        used_colors = {t.color.upper() for t in by_name.values()}
        ids: dict[str, int] = {}
        for name, spec in self.tags.items():
            wanted = self._fields_for(name, spec)
            current = by_name.get(name.strip().casefold())
            if current is None:
                color = spec.color if _is_color(spec.color) and spec.color.upper() not in used_colors else ""
                color = color or next_color(used_colors)
                used_colors.add(color.upper())
                current = project.add_tag_type(name.strip(), color, description=spec.description, fields=wanted)
                by_name[current.name.casefold()] = current
            else:
                current = _extend_fields(project, current, wanted)
            ids[name] = current.id
        return ids

    def _fields_for(self, name: str, spec: TagSpec) -> list[FieldSpec]:
        fields = list(spec.fields)
        names = [f.name for f in fields]
        for p in self.pending:
            if p.tag != name:
                continue
            for builtin in BUILTIN_FIELDS:
                if getattr(p, builtin) and builtin not in names:
                    names.append(builtin)
                    fields.append(FieldSpec(builtin))
            for custom in p.fields:
                if custom not in names:
                    names.append(custom)
                    fields.append(FieldSpec(custom))
        order = {n: i for i, n in enumerate(BUILTIN_FIELDS)}
        return sorted(fields, key=lambda f: (order.get(f.name, len(order)), names.index(f.name)))

    def _existing(self, doc_id: int) -> tuple[set, set]:
        anns = self.project.annotations(doc_id)
        return ({a.uuid for a in anns},
                {self._content_key(doc_id, a.tag_type_id, (a.start, a.end), a) for a in anns})

    @staticmethod
    def _content_key(doc_id: int, tag_type_id: int, span: tuple[int, int], a) -> tuple:
        fields = {k: str(v) for k, v in (a.fields or {}).items() if v not in (None, "")}
        return (doc_id, tag_type_id, span[0], span[1], a.speaker or "", a.target or "", a.stance or "",
                a.note or "", json.dumps(fields, sort_keys=True, ensure_ascii=False), a.annotator or "")


def _is_color(value: str) -> bool:
    return bool(value) and len(value) == 7 and value[0] == "#" and all(c in "0123456789abcdefABCDEF"
                                                                        for c in value[1:])


def _extend_fields(project, tag_type: TagType, wanted: list[FieldSpec]) -> TagType:
    """Add to an existing tag type the fields the import fills but it lacks, so the values show."""
    have = set(tag_type.field_names())
    missing = [f for f in wanted if f.name not in have]
    if not missing:
        return tag_type
    return project.update_tag_type(tag_type.id, fields=[*tag_type.fields, *missing])
