"""Custom field values kept in ``annotations.fields``, by field name: count them, and carry them to a new name.

The codebook names a tag type's fields; each annotation keeps its custom values in a JSON object under those
names. Renaming a field in the codebook does not touch that object by itself, so these functions let the editor
say how many annotations hold a value and, if the analyst agrees, move the values to the new name.
"""

from __future__ import annotations

import json
from dataclasses import replace

from desktop.domain.model import BUILTIN_FIELDS, ClaimdeskError
from desktop.store.rows import ANNOTATION_COLUMNS, annotation_from_row, fields_to_json, now

_HOLDING = (
    "SELECT {cols} FROM annotations a WHERE a.tag_type_id = ? AND EXISTS "
    "(SELECT 1 FROM json_each(a.fields) j WHERE j.key = ? AND j.value IS NOT NULL AND j.value <> '')"
)


def count_field_values(project, tag_type_id: int, name: str) -> int:
    """How many annotations of a tag type hold a (non-empty) value under the custom field ``name``."""
    sql = _HOLDING.format(cols="count(*)")
    return project.db.execute(sql, [tag_type_id, name]).fetchone()[0]


def rename_field_values(project, tag_type_id: int, old: str, new: str, fields=None) -> list[int]:
    """Move every value of custom field ``old`` to ``new`` in the annotations of a tag type, in one transaction.

    Each changed annotation is recorded in history as an update. ``fields`` (the tag type's new field list), when
    given, is saved in the same transaction, so the codebook and the values never disagree. Returns the ids of
    the changed annotations. Refuses, changing nothing, when an annotation already holds a value under ``new``."""
    old, new = old.strip(), new.strip()
    if not old or not new:
        raise ClaimdeskError("a field needs a name")
    if new in BUILTIN_FIELDS:
        raise ClaimdeskError(f"{new} is a column of its own, not a custom field; its values were not moved")
    project.tag_type(tag_type_id)  # NotFound for a type that is gone
    cols = ", ".join(f'a."{c}"' for c in ANNOTATION_COLUMNS)
    rows = project.db.execute(_HOLDING.format(cols=cols) + " ORDER BY a.id", [tag_type_id, old]).fetchall()
    befores = [annotation_from_row(dict(zip(ANNOTATION_COLUMNS, r))) for r in rows] if old != new else []
    clashes = sum(1 for ann in befores if ann.fields.get(new))
    if clashes:
        raise ClaimdeskError(
            f"{clashes} annotation{'s' if clashes != 1 else ''} already hold{'s' if clashes == 1 else ''} a value "
            f"for {new!r}; the values of {old!r} were not moved")
    stamp = now()
    with project._write() as db:
        for before in befores:
            moved = {(new if k == old else k): v for k, v in before.fields.items()}
            after = replace(before, fields=moved, updated_at=stamp)
            db.execute("UPDATE annotations SET fields = ?, updated_at = ? WHERE id = ?",
                       [json.dumps(moved, ensure_ascii=False, sort_keys=True), stamp, before.id])
            project._log("update", after, before, after)
        if fields is not None:
            db.execute("UPDATE tag_types SET fields = ? WHERE id = ?", [fields_to_json(fields), tag_type_id])
    return [ann.id for ann in befores]
