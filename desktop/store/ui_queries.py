"""Small reads the window's dialogs need: search hits with a snippet, titles by id, what a backup holds.

Each is one query (never one per row), and none writes.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import NamedTuple

from desktop.store import safety
from desktop.store.errors import ProjectError

# Marks around the matched words in a snippet (control characters that never occur in stored text).
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"
SNIPPET_WORDS = 12


class SearchHit(NamedTuple):
    id: int
    title: str
    snippet: str  # a few words around the first match in the text, matches between HIT_OPEN and HIT_CLOSE


class BackupCounts(NamedTuple):
    documents: int
    annotations: int


def fts_query(query: str, prefix: bool = False) -> str:
    """The FTS5 expression matching every word of ``query`` (each quoted, so no word is taken as syntax);
    with ``prefix`` the last word also matches longer words (``legit`` finds ``legitimacy``), for search as
    you type."""
    words = [w.replace('"', '""') for w in query.split()]
    terms = [f'"{w}"' for w in words]
    if prefix and terms and query[-1:].strip():
        terms[-1] += "*"
    return " ".join(terms)


def search_hits(project, query: str, limit: int = 200, prefix: bool = False) -> list[SearchHit]:
    """Documents whose title or text hold every word of ``query``, best first, with a snippet of the text."""
    match = fts_query(query, prefix)
    if not match:
        return []
    rows = project.db.execute(
        "SELECT f.rowid, d.title, snippet(documents_fts, 1, ?, ?, '\u2026', ?) FROM documents_fts f "
        "JOIN documents d ON d.id = f.rowid WHERE documents_fts MATCH ? ORDER BY f.rank LIMIT ?",
        [HIT_OPEN, HIT_CLOSE, SNIPPET_WORDS, match, limit],
    )
    return [SearchHit(*r) for r in rows]


def document_titles(project, ids: list[int]) -> dict[int, str]:
    """The titles of the documents ``ids`` (missing ones are left out)."""
    if not ids:
        return {}
    out: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        marks = ", ".join("?" for _ in chunk)
        out.update(project.db.execute(f"SELECT id, title FROM documents WHERE id IN ({marks})", chunk).fetchall())
    return out


def backup_counts(path: str | Path) -> BackupCounts | None:
    """How many documents and annotations a backup (or any project file) holds; None when it cannot be read.

    The file is opened read-only and never written to."""
    path = Path(path)
    try:
        safety.check_header(path)
        conn = safety.connect_readonly(path)
    except (ProjectError, OSError, sqlite3.Error):
        return None
    try:
        row = conn.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM annotations)").fetchone()
        return BackupCounts(*row)
    except sqlite3.Error:
        return None
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.close()


def orphan_annotations(project, document_id: int | None = None):
    """Annotations flagged as orphans, in one document or the whole project (one query over the orphan flag)."""
    from desktop.store.rows import ANNOTATION_COLUMNS, annotation_from_row

    cols = ", ".join(f'"{c}"' for c in ANNOTATION_COLUMNS)
    sql = f"SELECT {cols} FROM annotations WHERE orphan = 1"
    params: list = []
    if document_id is not None:
        sql += " AND document_id = ?"
        params.append(document_id)
    sql += ' ORDER BY document_id, start, "end", id'
    return [annotation_from_row(dict(zip(ANNOTATION_COLUMNS, r))) for r in project.db.execute(sql, params)]


_SUMMARY_SQL = """
SELECT d.id, d.title, d.outlet, d.author, d.url, d.published, d.language, d.char_count, d.imported_at,
       (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count
FROM documents d WHERE d.id = ?
"""


def document_summary(project, document_id: int):
    """One document's line in the document list (as ``Project.documents()`` gives every one), or None.

    For updating one row after a change to one document, instead of reading the whole list again."""
    from desktop.store.rows import summary_from_row

    cur = project.db.execute(_SUMMARY_SQL, [document_id])
    row = cur.fetchone()
    if row is None:
        return None
    return summary_from_row(dict(zip([c[0] for c in cur.description], row)))
