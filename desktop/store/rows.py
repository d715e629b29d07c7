"""Conversion between table rows and domain types."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from desktop.domain.model import Annotation, Document, DocumentSummary, FieldSpec, TagType

ANNOTATION_COLUMNS = (
    "id", "uuid", "document_id", "tag_type_id", "start", "end", "text", "prefix", "suffix", "speaker", "target",
    "stance", "note", "annotator", "created_at", "updated_at", "fields", "orphan",
)
DOCUMENT_META = ("title", "outlet", "url", "author", "published", "language", "original_filename", "encoding", "note")


def now() -> str:
    """A UTC timestamp, ISO 8601 to the millisecond."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def annotation_from_row(row: dict) -> Annotation:
    data = dict(row)
    data["fields"] = json.loads(data.get("fields") or "{}")
    data["orphan"] = bool(data.get("orphan"))
    return Annotation(**{k: data[k] for k in ANNOTATION_COLUMNS if k in data})


def annotation_to_row(ann: Annotation) -> dict:
    row = {k: getattr(ann, k) for k in ANNOTATION_COLUMNS}
    row["fields"] = json.dumps(ann.fields, ensure_ascii=False, sort_keys=True)
    row["orphan"] = int(ann.orphan)
    return row


def annotation_to_json(ann: Annotation) -> str:
    """The before/after image kept in history."""
    row = annotation_to_row(ann)
    row["fields"] = ann.fields
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def tag_type_from_row(row: dict) -> TagType:
    return TagType(
        id=row["id"],
        name=row["name"],
        color=row["color"],
        key=row["key"],
        description=row["description"],
        order=row["order"],
        fields=tuple(FieldSpec.from_json(f) for f in json.loads(row["fields"] or "[]")),
    )


def fields_to_json(fields) -> str:
    return json.dumps([f.to_json() if isinstance(f, FieldSpec) else FieldSpec.from_json(f).to_json() for f in fields],
                      ensure_ascii=False)


def document_from_row(row: dict) -> Document:
    return Document(**{k: row[k] for k in Document.__dataclass_fields__ if k in row})


def summary_from_row(row: dict) -> DocumentSummary:
    return DocumentSummary(**{k: row[k] for k in DocumentSummary.__dataclass_fields__ if k in row})
