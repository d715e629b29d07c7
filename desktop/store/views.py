"""Reads shaped for the window: only the columns it shows, as light tuples, in one query.

Opening a document with 10,000 annotations must take a few milliseconds, so the window loads what it paints
(id, type, span, text, speaker, target, stance, note, orphan flag) and asks for a whole :class:`Annotation` only for the one
being edited.
"""

from __future__ import annotations

from typing import NamedTuple


class AnnotationRow(NamedTuple):
    """What the article and the table show of an annotation."""

    id: int
    tag_type_id: int
    start: int
    end: int
    text: str
    speaker: str
    target: str
    stance: str
    note: str
    orphan: int  # 1 when a text correction left the span without its text (not highlighted)


_ROWS_SQL = (
    'SELECT id, tag_type_id, start, "end", text, speaker, target, stance, note, orphan FROM annotations '
    "WHERE document_id = ?"
)


def annotation_rows(project, document_id: int) -> list[AnnotationRow]:
    """Every annotation of one document, in no particular order (the caller sorts what it needs)."""
    return list(map(AnnotationRow._make, project.db.execute(_ROWS_SQL, [document_id])))
