"""Bulk reads and writes: many rows per statement.

* :func:`add_documents` and :func:`add_annotations` write thousands of rows with ``executemany`` inside one
  committed transaction (each annotation still gets its ``create`` entry in history), for generated and
  migrated projects.
* :func:`export_batches`, :func:`export_documents` and :func:`export_tag_names` read what an export needs in a
  few queries, custom fields spread into columns and formula-like cells already guarded in SQL.
* :func:`bare_connection`, :func:`bare_insert` and :func:`bare_export_rows` are plain sqlite3 with the project's
  pragmas: the baselines the benchmark compares Claimdesk against.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid as uuidlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.domain.model import ClaimdeskError
from desktop.domain.text import check_span, context, normalize_text
from desktop.store.rows import ANNOTATION_COLUMNS, DOCUMENT_META, now

_DOC_COLUMNS = ("id", "uuid", "title", "text", "sha256", "char_count", *DOCUMENT_META, "imported_at")
_ANN_INSERT = (
    "INSERT INTO annotations(" + ", ".join(f'"{c}"' for c in ANNOTATION_COLUMNS) + ") VALUES ("
    + ", ".join("?" for _ in ANNOTATION_COLUMNS) + ")"
)
_HISTORY_INSERT = (
    "INSERT INTO history(at, who, action, annotation_id, document_id, before, after) "
    "VALUES (?, ?, 'create', ?, ?, NULL, ?)"
)


# ----------------------------------------------------------------------------------------------- writing
def add_documents(project, documents: Iterable[tuple[str, str, dict]]) -> list[int]:
    """Store many ``(text, title, meta)`` documents in one transaction; returns their ids in order.

    Texts are normalised like :meth:`Project.add_document`; a text already in the project (or given twice)
    makes the whole batch fail with nothing written.
    """
    rows = []
    stamp = now()
    seen: set[str] = set()
    for text, title, meta in documents:
        unknown = set(meta) - set(DOCUMENT_META) - {"uuid", "imported_at"}
        if unknown:
            raise ClaimdeskError(f"unknown document field(s): {', '.join(sorted(unknown))}")
        text = normalize_text(text)
        if not text.strip():
            raise ClaimdeskError(f"{title or 'a document'} is empty")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in seen:
            raise ClaimdeskError(f"{title or 'a document'} is given twice")
        seen.add(digest)
        row = [None, meta.get("uuid") or str(uuidlib.uuid4()), (title or "").strip() or "Untitled", text, digest,
               len(text), *(str(meta.get(k) or "") for k in DOCUMENT_META), meta.get("imported_at") or stamp]
        rows.append(row)
    with project._write() as db:
        first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM documents").fetchone()[0]
        for i, row in enumerate(rows):
            row[0] = first + i
        try:
            db.conn.executemany(
                f"INSERT INTO documents({', '.join(_DOC_COLUMNS)}) VALUES ({', '.join('?' for _ in _DOC_COLUMNS)})",
                rows,
            )
        except sqlite3.IntegrityError as exc:
            if "sha256" in str(exc):
                raise ClaimdeskError("one of the documents is already in the project; nothing was added") from None
            raise
    return [row[0] for row in rows]


def add_annotations(project, annotations: Iterable[dict]) -> int:
    """Store many annotations in one transaction, each with its ``create`` entry in history.

    Each item is a dict with ``document_id``, ``tag_type_id``, ``start``, ``end`` and optionally ``speaker``,
    ``target``, ``stance``, ``note``, ``annotator``, ``fields``, ``uuid``, ``created_at``. Spans are checked
    against the stored text exactly as single tags are; one bad item fails the batch with nothing written.
    Returns how many were stored.
    """
    types = {t.id: t for t in project.tag_types()}
    stamp = now()
    rows: list[tuple] = []
    images: list[tuple] = []
    texts: dict[int, str] = {}
    for item in annotations:
        doc_id = item["document_id"]
        text = texts.get(doc_id)
        if text is None:
            text = texts[doc_id] = project.document_text(doc_id)
        start, end = item["start"], item["end"]
        span = check_span(text, start, end, item.get("text"))
        prefix, suffix = context(text, start, end)
        tag_type = types.get(item["tag_type_id"])
        if tag_type is None:
            raise ClaimdeskError(f"no tag type with id {item['tag_type_id']}")
        fields = {k: str(v) for k, v in (item.get("fields") or {}).items() if v not in (None, "")}
        stance = item.get("stance") or ""
        if stance or fields:
            project._validate_values(tag_type, stance, fields)
        created = item.get("created_at") or stamp
        values = {
            "id": None, "uuid": item.get("uuid") or str(uuidlib.uuid4()), "document_id": doc_id,
            "tag_type_id": tag_type.id, "start": start, "end": end, "text": span, "prefix": prefix,
            "suffix": suffix, "speaker": item.get("speaker") or "", "target": item.get("target") or "",
            "stance": stance, "note": item.get("note") or "",
            "annotator": project.annotator if item.get("annotator") is None else item["annotator"],
            "created_at": created, "updated_at": item.get("updated_at") or created, "fields": fields, "orphan": 0,
        }
        rows.append(values)
    with project._write() as db:
        next_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM annotations").fetchone()[0]
        params = []
        for values in rows:
            values["id"] = next_id
            next_id += 1
            # The history image has the same form as a single tag's (annotation_to_json).
            images.append((values["created_at"], project.annotator, values["id"], values["document_id"],
                           json.dumps(values, ensure_ascii=False, sort_keys=True)))
            fields_json = json.dumps(values["fields"], ensure_ascii=False, sort_keys=True)
            params.append(tuple(fields_json if c == "fields" else values[c] for c in ANNOTATION_COLUMNS))
        db.conn.executemany(_ANN_INSERT, params)
        db.conn.executemany(_HISTORY_INSERT, images)
    return len(rows)


# ----------------------------------------------------------------------------------------------- reading
_DANGER = "(61, 43, 45, 64, 9, 13, 10)"  # = + - @ tab CR LF


def _guarded(expr: str) -> str:
    """SQL for a cell a spreadsheet must not run: an apostrophe goes in front of a formula-like text.

    The same rule as desktop.formats.csv_export.neutralise: a text whose first character after any leading
    apostrophes is ``= + - @``, tab, CR or LF gets one more apostrophe. ``unicode()`` reads only the first
    character, so the common case costs almost nothing.
    """
    return (f"CASE WHEN unicode({expr}) IN {_DANGER} OR (unicode({expr}) = 39 AND unicode(ltrim({expr}, ''''))"
            f" IN {_DANGER}) THEN '''' || {expr} ELSE {expr} END")


def custom_fields_in_sql(custom_fields: list[str]) -> bool:
    """Whether :func:`export_batches` can spread these custom fields in SQL (a JSON path cannot hold ``"``)."""
    return all('"' not in name and "\\" not in name for name in custom_fields)


def export_documents(project, guard: bool = True) -> dict[int, tuple[str, str, str, str]]:
    """Each document's title, outlet, url and published date as export cells, by document id."""
    cols = ["title", "outlet", "url", "published"]
    if guard:
        cols = [_guarded(c) for c in cols]
    return {r[0]: r[1:] for r in project.db.conn.execute(f"SELECT id, {', '.join(cols)} FROM documents")}


def export_tag_names(project, guard: bool = True) -> dict[int, str]:
    """Each tag type's name as an export cell, by tag type id."""
    name = _guarded("name") if guard else "name"
    return dict(project.db.conn.execute(f"SELECT id, {name} FROM tag_types"))


def export_batches(project, custom_fields: list[str], document_id: int | None = None, guard: bool = True,
                   size: int = 4096, as_bytes: bool = False) -> Iterator[list[tuple]]:
    """Annotations for export in batches of ``size`` rows, by document, then position.

    Each row: id, document id, tag type id, start, end (integers), then text, speaker, target, stance, note,
    annotator, created_at, updated_at, one text per custom field (``''`` when absent) and the orphan flag
    (``'1'`` or ``''``). With ``guard``, every
    text cell that a spreadsheet would run as a formula has an apostrophe in front. Join the document and tag
    cells from :func:`export_documents` and :func:`export_tag_names` by id (no join per row). With ``as_bytes``,
    texts come as UTF-8 bytes, undecoded, for a writer that writes bytes.
    """
    if not custom_fields_in_sql(custom_fields):
        raise ClaimdeskError("a custom field name holds a double quote or backslash; use the general export path")
    texts = ["text", "speaker", "target", "stance", "note", "annotator", "created_at", "updated_at"]
    texts += [f"""CAST(coalesce(fields ->> '$."{name.replace("'", "''")}"', '') AS TEXT)"""
              for name in custom_fields]
    if guard:
        texts = [_guarded(c) for c in texts]
    orphan = "CASE orphan WHEN 1 THEN '1' ELSE '' END"
    sql = f'SELECT id, document_id, tag_type_id, start, "end", {", ".join(texts)}, {orphan} FROM annotations'
    if document_id is None:
        cur = project.db.conn.execute(sql + ' ORDER BY document_id, start, "end", id')
    else:
        cur = project.db.conn.execute(sql + ' WHERE document_id = ? ORDER BY start, "end", id', [document_id])
    conn = project.db.conn
    while True:
        if as_bytes:
            # text_factory is read while rows are fetched; the connection is itself again between batches.
            conn.text_factory = bytes
            try:
                rows = cur.fetchmany(size)
            finally:
                conn.text_factory = str
        else:
            rows = cur.fetchmany(size)
        if not rows:
            return
        yield rows


# --------------------------------------------------------------------------------------------- baselines
def bare_connection(path: str | Path, *, export_only: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection with the project's pragmas (rollback journal, synchronous FULL).

    Unless ``export_only``, it holds one small table for :func:`bare_insert`.
    """
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    if not export_only:
        conn.execute('CREATE TABLE IF NOT EXISTS bare(id INTEGER PRIMARY KEY, document_id INTEGER, start INTEGER, '
                     '"end" INTEGER, text TEXT)')
        conn.commit()
    return conn


def bare_insert(conn: sqlite3.Connection, start: int, text: str) -> None:
    """One row inserted and committed: the floor under the cost of saving a tag."""
    conn.execute('INSERT INTO bare(document_id, start, "end", text) VALUES (1, ?, ?, ?)',
                 (start, start + len(text), text))
    conn.commit()


BARE_EXPORT_SQL = (
    'SELECT a.id, a.document_id, d.title, t.name, a.start, a."end", a.text, a.speaker, a.target, a.stance, '
    "a.note, a.annotator, a.created_at, a.updated_at, d.outlet, d.url, d.published "
    "FROM annotations a JOIN documents d ON d.id = a.document_id JOIN tag_types t ON t.id = a.tag_type_id "
    'ORDER BY a.document_id, a.start, a."end", a.id'
)


def bare_export_rows(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """The CSV's rows read the plain way (same columns and order, no guarding) from a project file."""
    return conn.execute(BARE_EXPORT_SQL)
