"""The codebook: tag types, their colours, keys and fields."""

from __future__ import annotations

import json
import re

from desktop.domain.model import ClaimdeskError, FieldSpec, NotFound, TagType
from desktop.domain.resources import resource_path
from desktop.store.rows import fields_to_json, tag_type_from_row

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")

# Columns of the annotation exports; a custom field of the same name would make two columns of one name.
RESERVED_FIELD_NAMES = frozenset({
    "annotation_id", "document_id", "document_title", "tag", "start", "end", "text", "note", "annotator",
    "created_at", "updated_at", "document_outlet", "document_url", "document_published", "orphan", "id", "uuid",
    "fields", "prefix", "suffix", "tag_type_id", "start_utf16", "end_utf16", "document_sha256",
})


class CodebookMixin:
    def _install_default_codebook(self) -> None:
        data = json.loads(resource_path("codebook.json").read_text(encoding="utf-8"))
        for order, item in enumerate(data["tag_types"]):
            self.db.execute(
                'INSERT INTO tag_types(name, description, color, key, "order", fields) VALUES (?, ?, ?, ?, ?, ?)',
                [item["name"], item.get("description", ""), item["color"], item.get("key", ""), order,
                 fields_to_json(item.get("fields", []))],
            )

    def tag_types(self) -> list[TagType]:
        rows = self.db.execute('SELECT * FROM tag_types ORDER BY "order", id')
        cols = [c[0] for c in rows.description]
        return [tag_type_from_row(dict(zip(cols, r))) for r in rows.fetchall()]

    def tag_type(self, tag_type_id: int) -> TagType:
        for t in self.tag_types():
            if t.id == tag_type_id:
                return t
        raise NotFound(f"no tag type with id {tag_type_id}")

    def find_tag_type(self, name_or_key: str) -> TagType:
        """A tag type by name (any case) or by its key."""
        wanted = name_or_key.strip().casefold()
        types = self.tag_types()
        for t in types:
            if t.name.casefold() == wanted:
                return t
        for t in types:
            if t.key and t.key.casefold() == wanted:
                return t
        names = ", ".join(f"{t.name} ({t.key})" if t.key else t.name for t in types)
        raise NotFound(f"no tag type {name_or_key!r}; the codebook has: {names}")

    def _check_fields(self, fields) -> None:
        """Field names are unique and never one of the export's own columns (they become CSV columns)."""
        seen = set()
        for f in fields:
            name = (f.name if isinstance(f, FieldSpec) else FieldSpec.from_json(f).name).strip()
            if not name:
                raise ClaimdeskError("a field needs a name")
            if name.casefold() in RESERVED_FIELD_NAMES:
                raise ClaimdeskError(f"{name!r} is one of the export's own columns; give the field another name")
            if name.casefold() in seen:
                raise ClaimdeskError(f"the field {name!r} is listed twice")
            seen.add(name.casefold())

    def _check_tag_type_values(self, name: str | None, color: str | None, key: str | None,
                               exclude_id: int | None = None) -> None:
        if name is not None and not name.strip():
            raise ClaimdeskError("a tag type needs a name")
        if color is not None and not _COLOR.match(color):
            raise ClaimdeskError(f"colour must look like #RRGGBB, not {color!r}")
        if key is not None and len(key) > 1:
            raise ClaimdeskError("a shortcut key is one character")
        for t in self.tag_types():
            if t.id == exclude_id:
                continue
            if name is not None and t.name.casefold() == name.strip().casefold():
                raise ClaimdeskError(f"a tag type named {t.name!r} exists already")
            if key and t.key == key:
                raise ClaimdeskError(f"key {key!r} is taken by {t.name!r}")

    def add_tag_type(self, name: str, color: str, key: str = "", description: str = "",
                     fields: tuple[FieldSpec, ...] | list = (), order: int | None = None) -> TagType:
        self._check_tag_type_values(name, color, key)
        self._check_fields(fields)
        if order is None:
            order = 1 + max((t.order for t in self.tag_types()), default=-1)
        with self._write() as db:
            cur = db.execute(
                'INSERT INTO tag_types(name, description, color, key, "order", fields) VALUES (?, ?, ?, ?, ?, ?)',
                [name.strip(), description, color, key, order, fields_to_json(fields)],
            )
            new_id = cur.lastrowid
        return self.tag_type(new_id)

    def update_tag_type(self, tag_type_id: int, **changes) -> TagType:
        """Change name, color, key, description, order or fields of a tag type."""
        allowed = {"name", "color", "key", "description", "order", "fields"}
        unknown = set(changes) - allowed
        if unknown:
            raise ClaimdeskError(f"cannot change {', '.join(sorted(unknown))} of a tag type")
        self.tag_type(tag_type_id)
        self._check_tag_type_values(changes.get("name"), changes.get("color"), changes.get("key"), tag_type_id)
        if "fields" in changes:
            self._check_fields(changes["fields"])
            changes["fields"] = fields_to_json(changes["fields"])
        if "name" in changes:
            changes["name"] = changes["name"].strip()
        if changes:
            sets = ", ".join(f'"{k}" = ?' for k in changes)
            with self._write() as db:
                db.execute(f"UPDATE tag_types SET {sets} WHERE id = ?", [*changes.values(), tag_type_id])
        return self.tag_type(tag_type_id)

    def reorder_tag_types(self, ids_in_order: list[int]) -> None:
        with self._write() as db:
            for order, tid in enumerate(ids_in_order):
                db.execute('UPDATE tag_types SET "order" = ? WHERE id = ?', [order, tid])

    def count_annotations_of_type(self, tag_type_id: int) -> int:
        return self.db.execute("SELECT count(*) FROM annotations WHERE tag_type_id = ?", [tag_type_id]).fetchone()[0]

    def delete_tag_type(self, tag_type_id: int) -> int:
        """Delete a tag type and its annotations (each recorded in history); returns how many were deleted."""
        self.tag_type(tag_type_id)
        ids = [r[0] for r in self.db.execute("SELECT id FROM annotations WHERE tag_type_id = ?", [tag_type_id])]
        with self._write() as db:
            for ann_id in ids:
                self._delete_annotation_in_tx(ann_id)
            db.execute("DELETE FROM tag_types WHERE id = ?", [tag_type_id])
        return len(ids)
