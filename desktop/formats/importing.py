"""Importing files into a project: one entry point for every supported format.

Two kinds of file come in: *documents* (an article: text, HTML, Word, PDF), read by a reader into
:class:`ImportedText` and stored as a new document, and *annotated exchange files* (brat, JSON Lines, our CSV,
REFI-QDA), which bring documents and annotations together. Both are listed here by suffix; each entry names the
function lazily as ``"module:function"`` so that importing this module stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.model import Document
from desktop.domain.text import os_text
from desktop.formats.textfile import ImportedText, UnreadableDocument

# Suffix -> reader(path) -> ImportedText. Readers never touch the store.
READERS: dict[str, str] = {
    ".txt": "desktop.formats.textfile:read_text_file",
    ".text": "desktop.formats.textfile:read_text_file",
    ".md": "desktop.formats.textfile:read_text_file",
    ".html": "desktop.formats.html:read_html_file",
    ".htm": "desktop.formats.html:read_html_file",
    ".xhtml": "desktop.formats.html:read_html_file",
    ".mhtml": "desktop.formats.html:read_mhtml_file",
    ".mht": "desktop.formats.html:read_mhtml_file",
    ".docx": "desktop.formats.word:read_docx_file",
    ".doc": "desktop.formats.word:refuse_old_word_file",
    ".pdf": "desktop.formats.pdf:read_pdf_file",
}

# Suffix -> importer(project, path) -> ImportResult, for files that carry annotations.
PROJECT_IMPORTERS: dict[str, str] = {
    ".ann": "desktop.formats.brat:import_brat",
    ".jsonl": "desktop.formats.jsonl:import_jsonl",
    ".jsonld": "desktop.formats.w3c:import_w3c",
    ".csv": "desktop.formats.csv_import:import_csv",
    ".qdpx": "desktop.formats.refi.importer:import_qdpx",
    ".qdc": "desktop.formats.refi.importer:import_qdc",
}


@dataclass
class ImportResult:
    """What one import brought in, and what it could not place (reported, never silently dropped)."""

    documents: list[Document] = field(default_factory=list)
    annotations: int = 0
    problems: list[str] = field(default_factory=list)


def _resolve(spec: str) -> Callable:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def supported_suffixes() -> list[str]:
    return sorted(set(READERS) | set(PROJECT_IMPORTERS))


def read_document(path: Path) -> ImportedText:
    path = Path(path)
    if not path.is_file():
        raise UnreadableDocument(f"{path} is not a file")
    spec = READERS.get(path.suffix.lower())
    if spec is None:
        kinds = ", ".join(supported_suffixes())
        raise UnreadableDocument(f"{path.name}: Claimdesk cannot import {path.suffix or 'this kind of'} files ({kinds})")
    return _resolve(spec)(path)


def import_file(project, path: Path) -> Document:
    """Read one article and store it as a new document. Raises a ClaimdeskError subclass on any problem."""
    imported = read_document(path)
    meta = {k: os_text(v) if isinstance(v, str) else v for k, v in imported.meta.items()}
    return project.add_document(imported.text, os_text(imported.title), **meta)


def import_path(project, path: Path, annotator: str | None = None) -> ImportResult:
    """Import an article or an annotated exchange file, chosen by suffix. With ``annotator``, every annotation
    the file brings is that analyst's, whatever the file says."""
    path = Path(path)
    spec = PROJECT_IMPORTERS.get(path.suffix.lower())
    if spec is not None and path.is_file():
        if annotator is None:
            return _resolve(spec)(project, path)
        from desktop.formats.exchange import ANNOTATOR_OVERRIDE

        token = ANNOTATOR_OVERRIDE.set(annotator)
        try:
            return _resolve(spec)(project, path)
        finally:
            ANNOTATOR_OVERRIDE.reset(token)
    return ImportResult(documents=[import_file(project, path)])
