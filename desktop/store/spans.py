"""Span lookups the tagging rules need, each one indexed query on ``annotations(document_id, start, "end")``.

The rules themselves live in :mod:`desktop.ops.annotations`; these only read.
"""

from __future__ import annotations

# An annotation of one analyst with exactly this span and type (orphans hold no span, so they never match).
_DUPLICATE_SQL = (
    'SELECT id FROM annotations WHERE document_id = ? AND start = ? AND "end" = ? AND tag_type_id = ? '
    "AND annotator = ? AND orphan = 0 ORDER BY id LIMIT 1"
)

# The innermost annotation holding [start, end) that names a speaker (of two around the same text, the newer).
_SPEAKER_AROUND_SQL = (
    'SELECT speaker FROM annotations WHERE document_id = ? AND start <= ? AND "end" >= ? '
    "AND speaker <> '' AND orphan = 0 "
    'ORDER BY ("end" - start), id DESC LIMIT 1'
)


def duplicate_annotation(project, document_id: int, tag_type_id: int, start: int, end: int,
                         annotator: str) -> int | None:
    """The id of ``annotator``'s annotation of this type on exactly ``[start, end)``, or None."""
    row = project.db.execute(_DUPLICATE_SQL, [document_id, start, end, tag_type_id, annotator]).fetchone()
    return row[0] if row else None


def speaker_around(project, document_id: int, start: int, end: int) -> str:
    """The speaker of the innermost annotation holding ``[start, end)`` that has one, or ``""``."""
    row = project.db.execute(_SPEAKER_AROUND_SQL, [document_id, start, end]).fetchone()
    return row[0] if row else ""
