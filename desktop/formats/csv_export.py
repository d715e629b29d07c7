"""CSV export: the public column contract, safe to open in a spreadsheet.

UTF-8 with a BOM and CRLF row ends (RFC 4180) so Excel, LibreOffice and pandas read it right. A cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab, CR or LF is prefixed with an apostrophe so a spreadsheet shows it instead of
running it (OWASP CSV injection); ``raw=True`` writes cells untouched for scripts.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from pathlib import Path

from desktop.store import bulk
from desktop.store.annotations import EXPORT_COLUMNS

EXTRA_COLUMNS = ("document_outlet", "document_url", "document_published", "orphan")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")
_DANGEROUS_SET = frozenset(_DANGEROUS)


def neutralise(value):
    """Prefix a text cell a spreadsheet would run as a formula with an apostrophe.

    A cell that already starts with apostrophes before such a character gets one more, so that
    :func:`unneutralise` gives back exactly what was stored.
    """
    if value.__class__ is str and value:
        first = value[0]
        if first in _DANGEROUS or (first == "'" and value.lstrip("'")[:1] in _DANGEROUS_SET):
            return "'" + value
    return value


def unneutralise(value: str) -> str:
    """Undo :func:`neutralise` (for importing our own CSV)."""
    if value[:1] == "'" and value.lstrip("'")[:1] in _DANGEROUS_SET:
        return value[1:]
    return value


def header(custom_fields: list[str]) -> list[str]:
    return [*EXPORT_COLUMNS, *custom_fields, *EXTRA_COLUMNS]


def export_csv(project, out: str | os.PathLike, document_id: int | None = None, raw: bool = False) -> int:
    """Write the annotations to ``out``; returns the number of rows. The file appears whole or not at all."""
    out = Path(out)
    custom = project.custom_field_names()
    tmp = out.with_name(out.name + ".part")
    count = 0
    try:
        with open(tmp, "wb") as fh:
            first = io.StringIO()
            names = header(custom)
            csv.writer(first, lineterminator="\r\n").writerow(names if raw else [neutralise(n) for n in names])
            fh.write(codecs.BOM_UTF8 + first.getvalue().encode("utf-8"))
            if bulk.custom_fields_in_sql(custom):
                count = _write_fast(fh, project, custom, document_id, raw)
            else:
                count = _write_general(fh, project, custom, document_id, raw)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return count


# Byte values of the characters that make csv.writer quote a cell.
_QUOTE, _COMMA, _LF, _CR = 0x22, 0x2C, 0x0A, 0x0D


def quote_cell(cell: bytes) -> bytes:
    """One UTF-8 cell as ``csv.writer`` writes it: quoted only if it holds a comma, a quote, CR or LF.

    No byte of a multi-byte UTF-8 character is one of those, so testing bytes is exact. (Testing for an int is
    a plain memchr; testing for a one-byte bytes object costs three times more.)
    """
    if _QUOTE in cell:
        return b'"' + cell.replace(b'"', b'""') + b'"'
    if _COMMA in cell or _LF in cell or _CR in cell:
        return b'"%s"' % cell
    return cell


def _quote_column(cells: tuple[bytes, ...]):
    """A column's cells quoted where needed; one scan of the joined column decides whether any cell needs it."""
    joined = b"\x1f".join(cells)
    if _QUOTE in joined or _COMMA in joined or _LF in joined or _CR in joined:
        return map(quote_cell, cells)
    return cells


def _write_fast(fh, project, custom: list[str], document_id: int | None, raw: bool) -> int:
    """Write rows a batch at a time, column by column, as UTF-8 bytes straight from SQLite: byte for byte what
    ``csv.writer`` writes, without Python work per cell. Formula-like cells arrive guarded from SQL; document
    and tag cells are rendered once per document and tag type."""
    guard = not raw
    docs = bulk.export_documents(project, guard)

    def cell(text: str) -> bytes:
        return quote_cell(text.encode("utf-8"))

    # Per document: "document_id,title" and "outlet,url,published", rendered once.
    head = {i: b"%d," % i + cell(d[0]) for i, d in docs.items()}
    tail = {i: b",".join(map(cell, d[1:])) for i, d in docs.items()}
    tags = {i: cell(name) for i, name in bulk.export_tag_names(project, guard).items()}
    number = b"%d".__mod__
    count = 0
    for rows in bulk.export_batches(project, custom, document_id, guard, as_bytes=True):
        count += len(rows)
        cols = list(zip(*rows))
        doc_ids = cols[1]
        line_cols = [map(number, cols[0]), map(head.__getitem__, doc_ids), map(tags.__getitem__, cols[2]),
                     map(number, cols[3]), map(number, cols[4])]
        line_cols += [_quote_column(c) for c in cols[5:-1]]
        line_cols.append(map(tail.__getitem__, doc_ids))
        line_cols.append(cols[-1])  # orphan: b"1" or b""
        fh.write(b"\r\n".join(map(b",".join, zip(*line_cols))))
        fh.write(b"\r\n")
    return count


def _write_general(fh, project, custom: list[str], document_id: int | None, raw: bool) -> int:
    """Any custom field names: rows shaped in Python, through ``csv.writer``."""
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    base = len(EXPORT_COLUMNS)
    count = 0
    for r in project.export_rows(document_id):
        values = json.loads(r[base]) if r[base] != "{}" else {}
        row = (*r[:base], *(values.get(name, "") for name in custom), *r[base + 1:-1], "1" if r[-1] else "")
        writer.writerow(row if raw else [neutralise(v) for v in row])
        count += 1
    text.detach()
    return count
