"""Exporting a project: one entry point, the format chosen by name or by the output's extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.domain.model import ClaimdeskError
from desktop.formats.brat import export_brat
from desktop.formats.csv_export import export_csv
from desktop.formats.jsonl import export_jsonl
from desktop.formats.refi.export import export_qdc, export_qdpx
from desktop.formats.w3c import export_w3c

# Format name -> (suffixes, writer(project, out, document_id=None, raw=False) -> count).
EXPORTERS: dict[str, tuple[tuple[str, ...], Callable[..., int]]] = {
    "csv": ((".csv",), export_csv),
    "jsonl": ((".jsonl",), export_jsonl),
    "w3c": ((".jsonld",), export_w3c),
    # brat writes a folder: an output name without an extension (or ending in .brat) means brat.
    "brat": (("", ".brat"), export_brat),
    "qdpx": ((".qdpx",), export_qdpx),
    "qdc": ((".qdc",), export_qdc),
}


def format_for(out: Path, fmt: str | None) -> str:
    if fmt:
        if fmt not in EXPORTERS:
            raise ClaimdeskError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
        return fmt
    suffix = Path(out).suffix.lower()
    for name, (suffixes, _writer) in EXPORTERS.items():
        if suffix in suffixes:
            return name
    raise ClaimdeskError(
        f"cannot tell the export format from {Path(out).name!r}; give --format ({', '.join(EXPORTERS)})"
    )


SQLITE_MAGIC = b"SQLite format 3\x00"


def check_output(project, out: Path) -> None:
    """Refuse an output that would overwrite a project: the open one, its side files, or any SQLite file."""
    out = Path(out)
    target = out.resolve()
    own = Path(project.path).resolve()
    own_files = {own, *(own.with_name(own.name + side) for side in (".lock", "-journal", "-wal", "-shm"))}
    if target in own_files or own.with_name(own.stem + ".backups") in target.parents:
        raise ClaimdeskError(f"{out.name} is the project itself or one of its files; choose another name to export to")
    if out.is_file():
        with open(out, "rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                raise ClaimdeskError(f"{out.name} is an SQLite database (perhaps a project); an export never "
                                     "overwrites one: choose another name")


def export(project, out: Path, fmt: str | None = None, document_id: int | None = None, raw: bool = False) -> int:
    name = format_for(out, fmt)
    check_output(project, out)
    writer = EXPORTERS[name][1]
    return writer(project, out, document_id=document_id, raw=raw)
