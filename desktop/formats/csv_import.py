"""Importing our own CSV back (a round trip, e.g. after a colleague edited speakers in a spreadsheet).

The CSV holds no document text, so its annotations go into a project that already holds the documents. Each row
is matched to a document by its ``document_title`` (the same article imported into another project keeps its
title), or else by ``document_id``; the span is placed at ``start``-``end`` when the document's text there reads
the row's ``text``, otherwise at the occurrence of that text nearest to ``start``. Rows that cannot be placed are
reported, one line each.

The apostrophe the export puts before cells starting with ``=``, ``+``, ``-``, ``@``, tab, CR or LF is removed
again. A file written with ``--raw`` has no such apostrophes; it is recognised by a cell that starts with one of
those characters unprotected, and read untouched.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.formats.csv_export import EXTRA_COLUMNS, unneutralise
from desktop.formats.exchange import DocumentRef, ExchangeFileError, ImportBatch, Pending, read_utf8
from desktop.formats.importing import ImportResult
from desktop.formats.textfile import MAX_BYTES
from desktop.store.annotations import EXPORT_COLUMNS

REQUIRED = ("tag", "start", "end", "text")


def starts_like_formula(value: str) -> bool:
    """True for a cell a spreadsheet would run (the kind the export protects with an apostrophe)."""
    return bool(value) and value[0] != "'" and unneutralise("'" + value) == value


def _is_raw(rows: list[list[str]]) -> bool:
    """True when some cell starts with a formula character without the protecting apostrophe."""
    return any(starts_like_formula(cell) for row in rows for cell in row)


def import_csv(project, path: Path) -> ImportResult:
    path = Path(path)
    text = read_utf8(path)
    previous = csv.field_size_limit(MAX_BYTES)  # a cell may be as long as a whole document
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ExchangeFileError(f"{path.name} is not a readable CSV file ({exc})") from None
    finally:
        csv.field_size_limit(previous)
    if not rows:
        raise ExchangeFileError(f"{path.name} is empty")
    header, body = rows[0], rows[1:]
    missing = [c for c in REQUIRED if c not in header]
    if missing or not ({"document_title", "document_id"} & set(header)):
        raise ExchangeFileError(f"{path.name} is not a Claimdesk CSV export (it lacks the columns "
                                f"{', '.join(missing or ['document_title'])})")
    if not _is_raw(body):
        body = [[unneutralise(cell) for cell in row] for row in body]
    known = set(EXPORT_COLUMNS) | set(EXTRA_COLUMNS)
    custom = [name for name in header if name not in known]
    batch = ImportBatch(project, path.name)
    for number, row in enumerate(body, 2):
        if not any(row):
            continue
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        cell = dict(zip(header, row))
        try:
            start, end = int(cell["start"]), int(cell["end"])
        except ValueError:
            batch.problem(f"row {number}: start and end must be whole numbers")
            continue
        if not cell["tag"].strip():
            batch.problem(f"row {number}: the tag is empty")
            continue
        doc_id = cell.get("document_id", "")
        batch.add(Pending(
            where=f"row {number}",
            doc=DocumentRef(title=cell.get("document_title", ""), id=int(doc_id) if doc_id.isdigit() else None),
            tag=cell["tag"].strip(), start=start, end=end, text=cell["text"],
            speaker=cell.get("speaker", ""), target=cell.get("target", ""), stance=cell.get("stance", ""),
            note=cell.get("note", ""), fields={name: cell[name] for name in custom if cell[name]},
            annotator=cell.get("annotator", ""), created_at=cell.get("created_at", ""),
            updated_at=cell.get("updated_at", ""),
        ))
    return batch.run()
