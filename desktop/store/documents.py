"""Documents: the canonical texts and their metadata."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid as uuidlib

from desktop.domain.model import ClaimdeskError, Document, DocumentSummary, NotFound
from desktop.domain.text import normalize_text, sha256_text
from desktop.store.errors import CorruptProject, DuplicateDocument
from desktop.store.rows import DOCUMENT_META, document_from_row, now, summary_from_row

_SUMMARY_SQL = """
SELECT d.id, d.title, d.outlet, d.author, d.url, d.published, d.language, d.char_count, d.imported_at,
       coalesce(c.n, 0) AS annotation_count
FROM documents d
LEFT JOIN (SELECT document_id, count(*) AS n FROM annotations GROUP BY document_id) c ON c.document_id = d.id
"""


class DocumentsMixin:
    def add_document(self, text: str, title: str, **meta) -> Document:
        """Store a new document. The text is normalised (BOM removed, ``\\n`` line ends) and never changed after."""
        unknown = set(meta) - set(DOCUMENT_META) - {"uuid", "imported_at"}
        if unknown:
            raise ClaimdeskError(f"unknown document field(s): {', '.join(sorted(unknown))}")
        text = normalize_text(text)
        if not text.strip():
            raise ClaimdeskError(f"{title or 'the document'} is empty")
        if "\x00" in text:
            raise ClaimdeskError(f"{title or 'the document'} holds NUL characters; it looks like a binary file")
        digest = sha256_text(text)
        existing = self.document_id_by_sha256(digest)
        if existing is not None:
            raise DuplicateDocument(f"{title or 'this text'} is already in the project as document {existing}", existing)
        row = {k: str(meta.get(k) or "") for k in DOCUMENT_META}
        row.update(
            title=(title or "").strip() or "Untitled",
            text=text,
            sha256=digest,
            char_count=len(text),
            uuid=meta.get("uuid") or str(uuidlib.uuid4()),
            imported_at=meta.get("imported_at") or now(),
        )
        cols = list(row)
        with self._write() as db:
            cur = db.execute(
                f"INSERT INTO documents({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                [row[c] for c in cols],
            )
            doc_id = cur.lastrowid
        self._texts[doc_id] = text
        return self.document(doc_id)

    def document_id_by_sha256(self, digest: str) -> int | None:
        row = self.db.execute("SELECT id FROM documents WHERE sha256 = ?", [digest]).fetchone()
        return row[0] if row else None

    def document(self, document_id: int) -> Document:
        with self._damaged_text(document_id):
            cur = self.db.execute("SELECT * FROM documents WHERE id = ?", [document_id])
            row = cur.fetchone()
        if row is None:
            raise NotFound(f"no document with id {document_id}")
        doc = document_from_row(dict(zip([c[0] for c in cur.description], row)))
        self._texts[document_id] = doc.text
        return doc

    def document_text(self, document_id: int) -> str:
        text = self._texts.get(document_id)
        if text is None:
            with self._damaged_text(document_id):
                row = self.db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
            if row is None:
                raise NotFound(f"no document with id {document_id}")
            text = self._texts[document_id] = row[0]
        return text

    def documents(self) -> list[DocumentSummary]:
        with self._damaged_text(None):
            cur = self.db.execute(_SUMMARY_SQL + " ORDER BY d.id")
            cols = [c[0] for c in cur.description]
            return [summary_from_row(dict(zip(cols, r))) for r in cur.fetchall()]

    @contextlib.contextmanager
    def _damaged_text(self, document_id: int | None):
        """A byte flipped inside a stored text (the file's pages still check out) makes SQLite's UTF-8 decoding
        fail with the whole text in its message: name the document instead, never its text."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if not str(exc).startswith("Could not decode to UTF-8"):
                raise
            where = f"document {document_id}" if document_id is not None else self._first_damaged_document()
            raise CorruptProject(f"{self.path.name} is damaged: a text of {where} is not valid UTF-8; restore a "
                                 "backup (File › Restore from Backup, or claimdesk restore)") from None

    def _first_damaged_document(self) -> str:
        columns = ", ".join(f"CAST({c} AS BLOB)" for c in ("title", "outlet", "author", "url", "text"))
        for doc_id, *blobs in self.db.execute(f"SELECT id, {columns} FROM documents ORDER BY id"):
            try:
                for blob in blobs:
                    if blob is not None:
                        bytes(blob).decode("utf-8")
            except UnicodeDecodeError:
                return f"document {doc_id}"
        return "a document"

    def document_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def update_document(self, document_id: int, **meta) -> Document:
        """Change a document's metadata (never its text)."""
        unknown = set(meta) - set(DOCUMENT_META)
        if unknown:
            raise ClaimdeskError(f"cannot change {', '.join(sorted(unknown))} of a document")
        self.document(document_id)
        if meta:
            sets = ", ".join(f"{k} = ?" for k in meta)
            with self._write() as db:
                db.execute(f"UPDATE documents SET {sets} WHERE id = ?", [*(str(v or "") for v in meta.values()),
                                                                         document_id])
        return self.document(document_id)

    def search_documents(self, query: str, limit: int = 200) -> list[int]:
        """Ids of documents whose title or text match ``query`` (full-text search), best first."""
        from desktop.store.ui_queries import fts_query

        match = fts_query(query)
        if not match:
            return []
        rows = self.db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", [match, limit]
        )
        return [r[0] for r in rows]
