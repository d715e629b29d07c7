"""Annotations and their append-only history."""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Iterator

from desktop.domain.model import BUILTIN_FIELDS, Annotation, ClaimdeskError, InvalidSpan, NotFound, TagType
from desktop.domain.text import check_span, context
from desktop.store.rows import (
    ANNOTATION_COLUMNS,
    annotation_from_row,
    annotation_to_json,
    annotation_to_row,
    now,
)

_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in ANNOTATION_COLUMNS) + " FROM annotations"
_INSERT = (
    "INSERT INTO annotations(" + ", ".join(f'"{c}"' for c in ANNOTATION_COLUMNS) + ") VALUES ("
    + ", ".join("?" for _ in ANNOTATION_COLUMNS) + ")"
)

# The columns of the CSV contract, in order, as one query (no query per row).
EXPORT_COLUMNS = (
    "annotation_id", "document_id", "document_title", "tag", "start", "end", "text", "speaker", "target", "stance",
    "note", "annotator", "created_at", "updated_at",
)
_EXPORT_SQL = """
SELECT a.id, a.document_id, d.title, t.name, a.start, a."end", a.text, a.speaker, a.target, a.stance, a.note,
       a.annotator, a.created_at, a.updated_at, a.fields, d.outlet, d.url, d.published, a.orphan
FROM annotations a JOIN documents d ON d.id = a.document_id JOIN tag_types t ON t.id = a.tag_type_id
"""


class AnnotationsMixin:
    # ------------------------------------------------------------------ reads
    def annotation(self, annotation_id: int) -> Annotation:
        row = self.db.execute(_SELECT + " WHERE id = ?", [annotation_id]).fetchone()
        if row is None:
            raise NotFound(f"no annotation with id {annotation_id}")
        return annotation_from_row(dict(zip(ANNOTATION_COLUMNS, row)))

    def annotations(self, document_id: int | None = None, tag_type_id: int | None = None) -> list[Annotation]:
        where, params = [], []
        if document_id is not None:
            where.append("document_id = ?")
            params.append(document_id)
        if tag_type_id is not None:
            where.append("tag_type_id = ?")
            params.append(tag_type_id)
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + ' ORDER BY document_id, start, "end", id'
        return [annotation_from_row(dict(zip(ANNOTATION_COLUMNS, r))) for r in self.db.execute(sql, params)]

    def annotation_count(self, document_id: int | None = None) -> int:
        if document_id is None:
            return self.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
        return self.db.execute("SELECT count(*) FROM annotations WHERE document_id = ?", [document_id]).fetchone()[0]

    def counts_by_type(self, document_id: int | None = None) -> dict[str, int]:
        """Annotations per tag type name, in codebook order (types with none included)."""
        cond = "AND a.document_id = ?" if document_id is not None else ""
        rows = self.db.execute(
            f'SELECT t.name, count(a.id) FROM tag_types t LEFT JOIN annotations a ON a.tag_type_id = t.id {cond} '
            f'GROUP BY t.id ORDER BY t."order", t.id',
            [document_id] if document_id is not None else [],
        )
        return {name: n for name, n in rows}

    def used_values(self, column: str) -> list[str]:
        """Distinct non-empty speakers or targets already used in the project, for completion."""
        if column not in ("speaker", "target"):
            raise ClaimdeskError(f"no completion for {column}")
        rows = self.db.execute(
            f"SELECT {column}, count(*) FROM annotations WHERE {column} <> '' GROUP BY {column} ORDER BY 2 DESC, 1"
        )
        return [r[0] for r in rows]

    def export_rows(self, document_id: int | None = None) -> Iterator[tuple]:
        """Rows for exports in CSV-contract order, then the custom fields' JSON, outlet, url, published, orphan."""
        if document_id is None:
            return self.db.execute(_EXPORT_SQL + ' ORDER BY a.document_id, a.start, a."end", a.id')
        return self.db.execute(_EXPORT_SQL + ' WHERE a.document_id = ? ORDER BY a.start, a."end", a.id',
                               [document_id])

    def custom_field_names(self) -> list[str]:
        """Custom field names over the whole codebook, in codebook order, each once."""
        names: list[str] = []
        for t in self.tag_types():
            for f in t.custom_fields():
                if f.name not in names:
                    names.append(f.name)
        return names

    def history(self, document_id: int | None = None, annotation_id: int | None = None) -> list[dict]:
        where, params = [], []
        if document_id is not None:
            where.append("document_id = ?")
            params.append(document_id)
        if annotation_id is not None:
            where.append("annotation_id = ?")
            params.append(annotation_id)
        cur = self.db.execute(
            "SELECT id, at, who, action, annotation_id, document_id, before, after FROM history"
            + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id",
            params,
        )
        cols = [c[0] for c in cur.description]
        out = []
        for r in cur:
            row = dict(zip(cols, r))
            row["before"] = json.loads(row["before"]) if row["before"] else None
            row["after"] = json.loads(row["after"]) if row["after"] else None
            out.append(row)
        return out

    # ----------------------------------------------------------------- writes
    def _validate_values(self, tag_type: TagType, stance: str, fields: dict, before: Annotation | None = None) -> None:
        """Check values against the type's choices. Values an annotation already holds under the same type stay
        valid after its choices are narrowed, so an edit of its note is never refused for them."""
        specs = {f.name: f for f in tag_type.fields}
        if before is not None and before.tag_type_id == tag_type.id:
            if stance == before.stance:
                stance = ""
            fields = {k: v for k, v in fields.items() if before.fields.get(k) != v}
        if stance:
            spec = specs.get("stance")
            choices = spec.choices if spec else ()
            if choices and stance not in choices:
                raise ClaimdeskError(f"stance must be one of {', '.join(choices)}, not {stance!r}")
        for name in fields:
            if name in BUILTIN_FIELDS:
                raise ClaimdeskError(f"{name} is a column of its own, not a custom field")
            spec = specs.get(name)
            if spec and spec.choices and fields[name] and fields[name] not in spec.choices:
                raise ClaimdeskError(f"{name} must be one of {', '.join(spec.choices)}, not {fields[name]!r}")

    def _build(self, document_id: int, tag_type_id: int, start: int, end: int, expected: str | None,
               before: Annotation | None = None, restoring: bool = False, **values) -> Annotation:
        text = self.document_text(document_id)
        span = check_span(text, start, end, expected)
        prefix, suffix = context(text, start, end)
        tag_type = self.tag_type(tag_type_id)
        fields = _clean_fields(values.pop("fields", None))
        values = {k: ("" if v is None else str(v)) for k, v in values.items()}
        if not restoring:
            self._validate_values(tag_type, values.get("stance", ""), fields, before)
        return Annotation(id=0, document_id=document_id, tag_type_id=tag_type_id, start=start, end=end, text=span,
                          prefix=prefix, suffix=suffix, fields=fields, **values)

    def create_annotation(self, document_id: int, tag_type_id: int, start: int, end: int, *, speaker: str = "",
                          target: str = "", stance: str = "", note: str = "", fields: dict | None = None,
                          annotator: str | None = None, expected_text: str | None = None) -> Annotation:
        """Tag ``text[start:end]`` of a document; committed before it returns."""
        ann = self._build(document_id, tag_type_id, start, end, expected_text, speaker=speaker, target=target,
                          stance=stance, note=note, fields=fields,
                          annotator=self.annotator if annotator is None else annotator)
        stamp = now()
        ann = _replace(ann, uuid=str(uuidlib.uuid4()), created_at=stamp, updated_at=stamp)
        with self._write():
            ann = self._insert_in_tx(ann)
        return ann

    def restore_annotation(self, ann: Annotation) -> Annotation:
        """Put back an annotation exactly as it was (same id), e.g. to redo a tag or undo a deletion."""
        if self.db.execute("SELECT 1 FROM annotations WHERE id = ?", [ann.id]).fetchone():
            raise ClaimdeskError(f"annotation {ann.id} exists already")
        text = self.document_text(ann.document_id)
        check_span(text, ann.start, ann.end, ann.text)
        with self._write():
            return self._insert_in_tx(ann, keep_id=True)

    def _insert_in_tx(self, ann: Annotation, keep_id: bool = False) -> Annotation:
        row = annotation_to_row(ann)
        if not keep_id:
            row["id"] = None
        cur = self.db.execute(_INSERT, [row[c] for c in ANNOTATION_COLUMNS])
        ann = _replace(ann, id=cur.lastrowid)
        self._log("create", ann, None, ann)
        return ann

    def update_annotation(self, annotation_id: int, *, restoring: bool = False, **changes) -> Annotation:
        """Change tag type, attributes, note, custom fields or the span (start and end together).

        ``restoring`` puts back values the annotation held before (an undo): they are not checked against the
        type's choices again, which may have been narrowed since."""
        allowed = {"tag_type_id", "speaker", "target", "stance", "note", "fields", "start", "end", "orphan"}
        unknown = set(changes) - allowed
        if unknown:
            raise ClaimdeskError(f"cannot change {', '.join(sorted(unknown))} of an annotation")
        before = self.annotation(annotation_id)
        values = {k: getattr(before, k) for k in ("speaker", "target", "stance", "note", "annotator")}
        values["fields"] = dict(before.fields)
        for k in ("speaker", "target", "stance", "note"):
            if k in changes:
                values[k] = changes[k]
        if "fields" in changes:
            values["fields"] = changes["fields"]
        tag_type_id = changes.get("tag_type_id", before.tag_type_id)
        span_changed = "start" in changes or "end" in changes
        if before.orphan and not span_changed:
            # An orphan keeps its own text and context (its offsets no longer point at it); only its values change.
            fields = _clean_fields(values.pop("fields"))
            values = {k: ("" if v is None else str(v)) for k, v in values.items()}
            if not restoring:
                self._validate_values(self.tag_type(tag_type_id), values["stance"], fields, before)
            after = _replace(before, tag_type_id=tag_type_id, fields=fields, **values)
        else:
            after = self._build(before.document_id, tag_type_id, changes.get("start", before.start),
                                changes.get("end", before.end), None, before, restoring=restoring, **values)
            after = _replace(after, id=before.id, uuid=before.uuid, created_at=before.created_at)
        after = _replace(after, orphan=bool(changes.get("orphan", False if span_changed else before.orphan)))
        if _same_content(before, after):
            return before
        after = _replace(after, updated_at=now())
        row = annotation_to_row(after)
        sets = ", ".join(f'"{c}" = ?' for c in ANNOTATION_COLUMNS if c != "id")
        with self._write() as db:
            db.execute(f"UPDATE annotations SET {sets} WHERE id = ?",
                       [row[c] for c in ANNOTATION_COLUMNS if c != "id"] + [annotation_id])
            self._log("update", after, before, after)
        return after

    def delete_annotation(self, annotation_id: int) -> Annotation:
        """Delete an annotation; returns it as it was, so it can be restored."""
        ann = self.annotation(annotation_id)
        with self._write():
            self._delete_annotation_in_tx(annotation_id, ann)
        return ann

    def _delete_annotation_in_tx(self, annotation_id: int, ann: Annotation | None = None) -> None:
        ann = ann or self.annotation(annotation_id)
        self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        self._log("delete", ann, ann, None)

    def _log(self, action: str, ann: Annotation, before: Annotation | None, after: Annotation | None) -> None:
        self.db.execute(
            "INSERT INTO history(at, who, action, annotation_id, document_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [now(), self.annotator, action, ann.id, ann.document_id,
             annotation_to_json(before) if before else None, annotation_to_json(after) if after else None],
        )


def _replace(ann: Annotation, **changes) -> Annotation:
    from dataclasses import replace

    return replace(ann, **changes)


def _clean_fields(fields: dict | None) -> dict:
    return {k: str(v) for k, v in (fields or {}).items() if v not in (None, "")}


def _same_content(a: Annotation, b: Annotation) -> bool:
    keys = ("tag_type_id", "start", "end", "speaker", "target", "stance", "note", "fields", "orphan")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


__all__ = ["AnnotationsMixin", "EXPORT_COLUMNS", "InvalidSpan"]
