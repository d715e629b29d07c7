"""CSV export: the public column contract, safe to open in a spreadsheet.

UTF-8 with a BOM and CRLF row ends (RFC 4180) so Excel, LibreOffice and pandas read it right. A cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab, CR or LF is prefixed with an apostrophe so a spreadsheet shows it instead of
running it (OWASP CSV injection); ``raw=True`` writes cells untouched for scripts.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from desktop.store.annotations import EXPORT_COLUMNS

EXTRA_COLUMNS = ("document_outlet", "document_url", "document_published")
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
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(header(custom))
            rows = project.export_rows(document_id)
            base = len(EXPORT_COLUMNS)
            if custom:
                def shape(r):
                    values = json.loads(r[base]) if r[base] != "{}" else {}
                    return (*r[:base], *(values.get(name, "") for name in custom), *r[base + 1:])
            else:
                def shape(r):
                    return (*r[:base], *r[base + 1:])
            if raw:
                for r in rows:
                    writer.writerow(shape(r))
                    count += 1
            else:
                for r in rows:
                    writer.writerow([neutralise(v) for v in shape(r)])
                    count += 1
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return count
