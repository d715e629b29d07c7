"""Correcting a document's text without losing its annotations.

:func:`replace_document_text` replaces the text and re-anchors every annotation of the document (see
:mod:`desktop.domain.anchor`) in one transaction: either all of it is saved or none of it.

An annotation whose exact text no longer occurs becomes an **orphan** (``orphan = 1``). It is never deleted: it
keeps its own ``text`` (what the analyst tagged), its ``prefix``, ``suffix`` and attributes, and its offsets stay
where they were, moved back only as far as needed to lie inside the shorter text (``end - start`` stays the length
of its text). So for an orphan, and only for an orphan, ``text`` may differ from the document's text at
``start:end``. Setting its span again (``update_annotation(id, start=..., end=...)``) anchors it and clears the
flag; the next correction of the text also tries again to find it.

History: one ``reanchor`` row for the document (annotation_id empty; before and after hold the document's text,
sha256 and length, so the old text can always be recovered), then one ``reanchor`` row per annotation whose
span, context or orphan flag changed (before and after images of the annotation).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from desktop.domain.anchor import Anchor, reanchor
from desktop.domain.model import Annotation, ClaimdeskError
from desktop.domain.text import context, normalize_text, sha256_text
from desktop.store.errors import DuplicateDocument
from desktop.store.rows import ANNOTATION_COLUMNS, annotation_to_json, annotation_to_row, now


@dataclass
class ReanchorReport:
    """What a correction did to a document's annotations."""

    document_id: int
    changed: bool = False  # False when the new text equals the old one (nothing was written)
    kept: list[Annotation] = field(default_factory=list)  # anchored again (moved or not), as they are now
    moved: list[Annotation] = field(default_factory=list)  # those of ``kept`` whose offsets changed
    restored: list[Annotation] = field(default_factory=list)  # orphans before, anchored again now
    orphans: list[Annotation] = field(default_factory=list)  # could not be placed; flagged, listed for the analyst

    def summary(self) -> str:
        if not self.changed:
            return "the text is unchanged"
        parts = [f"{len(self.kept)} annotation(s) kept ({len(self.moved)} moved)"]
        if self.restored:
            parts.append(f"{len(self.restored)} orphan(s) found again")
        if self.orphans:
            parts.append(f"{len(self.orphans)} orphan(s) to fix: their text is no longer in the document")
        return "; ".join(parts)


def replace_document_text(project, document_id: int, new_text: str) -> ReanchorReport:
    """Replace a document's text and re-anchor its annotations; committed before it returns."""
    old_doc = project.document(document_id)
    new_text = normalize_text(new_text)
    if not new_text.strip():
        raise ClaimdeskError(f"the corrected text of {old_doc.title} is empty; delete the document instead")
    if "\x00" in new_text:
        raise ClaimdeskError("the corrected text holds NUL characters")
    report = ReanchorReport(document_id=document_id)
    if new_text == old_doc.text:
        return report
    digest = sha256_text(new_text)
    existing = project.document_id_by_sha256(digest)
    if existing is not None and existing != document_id:
        raise DuplicateDocument(f"the corrected text is the same as document {existing}'s", existing)

    annotations = project.annotations(document_id=document_id)
    places = reanchor(old_doc.text, new_text,
                      [Anchor(a.start, a.end, a.text, a.prefix, a.suffix) for a in annotations])
    stamp = now()
    changes: list[tuple[Annotation, Annotation]] = []
    for before, place in zip(annotations, places):
        after = _placed(before, place, new_text)
        if place is None:
            report.orphans.append(after)
        else:
            report.kept.append(after)
            if (after.start, after.end) != (before.start, before.end):
                report.moved.append(after)
            if before.orphan:
                report.restored.append(after)
        if _differs(before, after):
            changes.append((before, replace(after, updated_at=stamp)))
    stamped = {a.id: a for _b, a in changes}
    report.kept = [stamped.get(a.id, a) for a in report.kept]
    report.moved = [stamped.get(a.id, a) for a in report.moved]
    report.restored = [stamped.get(a.id, a) for a in report.restored]
    report.orphans = [stamped.get(a.id, a) for a in report.orphans]

    sets = ", ".join(f'"{c}" = ?' for c in ANNOTATION_COLUMNS if c != "id")
    with project._write() as db:
        db.execute("UPDATE documents SET text = ?, sha256 = ?, char_count = ? WHERE id = ?",
                   [new_text, digest, len(new_text), document_id])
        _log(db, project.annotator, None, document_id, _document_image(old_doc.text), _document_image(new_text))
        for before, after in changes:
            row = annotation_to_row(after)
            db.execute(f"UPDATE annotations SET {sets} WHERE id = ?",
                       [row[c] for c in ANNOTATION_COLUMNS if c != "id"] + [after.id])
            _log(db, project.annotator, after.id, document_id, annotation_to_json(before), annotation_to_json(after))
    project._texts[document_id] = new_text
    report.changed = True
    return report


def _placed(ann: Annotation, place: tuple[int, int] | None, text: str) -> Annotation:
    if place is not None:
        start, end = place
        prefix, suffix = context(text, start, end)
        return replace(ann, start=start, end=end, text=text[start:end], prefix=prefix, suffix=suffix, orphan=False)
    length = len(ann.text)
    start = max(0, min(ann.start, len(text) - length))
    return replace(ann, start=start, end=start + length, orphan=True)


def _differs(a: Annotation, b: Annotation) -> bool:
    return any(getattr(a, k) != getattr(b, k) for k in ("start", "end", "text", "prefix", "suffix", "orphan"))


def _document_image(text: str) -> str:
    return json.dumps({"sha256": sha256_text(text), "char_count": len(text), "text": text}, ensure_ascii=False)


def _log(db, who: str, annotation_id: int | None, document_id: int, before: str, after: str) -> None:
    db.execute(
        "INSERT INTO history(at, who, action, annotation_id, document_id, before, after) "
        "VALUES (?, ?, 'reanchor', ?, ?, ?, ?)",
        [now(), who or "", annotation_id, document_id, before, after],
    )


def orphans(project, document_id: int | None = None) -> list[Annotation]:
    """Annotations flagged as orphans (in one document or the whole project), for the analyst to fix."""
    return [a for a in project.annotations(document_id=document_id) if a.orphan]
