"""Store functions the exchange formats need beyond the Project's own methods.

Importing a file (brat, JSON Lines, CSV, W3C, REFI-QDA) runs as one transaction, so a file that fails half-way
leaves the project as it was, and it keeps what the file says about each annotation: who made it, when, and its
uuid (when that uuid is free in this project).
"""

from __future__ import annotations

import contextlib
import uuid as uuidlib
from dataclasses import replace

from desktop.domain.model import Annotation
from desktop.store.rows import now


@contextlib.contextmanager
def import_transaction(project):
    """One committed transaction around a whole import; on any error nothing of it is kept."""
    try:
        with project._write():
            yield project
    except BaseException:
        # Documents added inside the rolled-back transaction must not linger in the text cache: their ids will
        # be given out again.
        project._texts.clear()
        raise


def document_id_by_uuid(project, uuid: str) -> int | None:
    if not uuid:
        return None
    row = project.db.execute("SELECT id FROM documents WHERE uuid = ?", [uuid]).fetchone()
    return row[0] if row else None


def annotation_uuid_taken(project, uuid: str) -> bool:
    return bool(uuid) and project.db.execute("SELECT 1 FROM annotations WHERE uuid = ?", [uuid]).fetchone() is not None


def _valid_uuid(value: str) -> bool:
    try:
        uuidlib.UUID(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def add_imported_annotation(project, document_id: int, tag_type_id: int, start: int, end: int, *,
                            expected_text: str | None = None, speaker: str = "", target: str = "",
                            stance: str = "", note: str = "", fields: dict | None = None, annotator: str = "",
                            created_at: str = "", updated_at: str = "", uuid: str = "",
                            orphan: bool = False) -> Annotation:
    """Store an annotation read from a file, keeping its author, times and uuid where they are given and valid.

    Validates exactly like :meth:`Project.create_annotation` (span, stance choices, custom fields) and raises the
    same errors; the change is recorded in history as a ``create``.
    """
    ann = project._build(document_id, tag_type_id, start, end, expected_text, speaker=speaker, target=target,
                         stance=stance, note=note, fields=fields, annotator=annotator or "")
    if not _valid_uuid(uuid) or annotation_uuid_taken(project, uuid):
        uuid = str(uuidlib.uuid4())
    stamp = now()
    created_at = created_at or updated_at or stamp
    ann = replace(ann, uuid=uuid, created_at=created_at, updated_at=updated_at or created_at, orphan=bool(orphan))
    with project._write():
        return project._insert_in_tx(ann)
