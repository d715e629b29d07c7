"""Importing files into a project: one entry point for every supported format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.domain.model import Document
from desktop.formats.textfile import ImportedText, UnreadableDocument, read_text_file

# Suffix -> reader. Readers return ImportedText; they never touch the store.
READERS: dict[str, Callable[[Path], ImportedText]] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_text_file,
}


def read_document(path: Path) -> ImportedText:
    path = Path(path)
    if not path.is_file():
        raise UnreadableDocument(f"{path} is not a file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        raise UnreadableDocument(f"{path.name}: Claimdesk cannot import {path.suffix or 'this kind of'} files ({kinds})")
    return reader(path)


def import_file(project, path: Path) -> Document:
    """Read one file and store it as a new document. Raises a ClaimdeskError subclass on any problem."""
    imported = read_document(path)
    return project.add_document(imported.text, imported.title, **imported.meta)
