"""Word documents (.docx): paragraphs, headings and tables in reading order, and the core properties.

Each non-empty paragraph (headings included) becomes a paragraph of the document, with a blank line between
paragraphs; a line break inside a paragraph stays a line break; a table's rows become lines with cells separated
by tabs. Title, author and creation date come from the file's core properties (the title falls back to a first
paragraph styled as a title or heading, then to the file name); the language from its ``dc:language`` when set.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.formats.textfile import (
    MAX_BYTES,
    ImportedText,
    UnreadableDocument,
    check_size,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx_file(path: Path) -> ImportedText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    check_size(path, "Word files", MAX_BYTES)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableDocument(f"{path.name} is not a readable Word .docx file (damaged or another format: "
                                 f"{_reason(exc)})") from None
    except Exception as exc:  # lxml and zipfile raise many kinds on damaged packages
        if exc.__class__.__module__.startswith(("lxml", "docx", "zipfile")):
            raise UnreadableDocument(f"{path.name} is a damaged Word file ({_reason(exc)})") from None
        raise
    blocks = [b for b in _blocks(document) if b.strip()]
    if not blocks:
        raise UnreadableDocument(f"{path.name} holds no text")
    props = document.core_properties
    title = (props.title or "").strip() or _heading_title(document) or path.stem.replace("_", " ").strip() \
        or "Untitled"
    meta = {
        "author": (props.author or "").strip(),
        "published": props.created.date().isoformat() if props.created else "",
        "language": (props.language or "").strip(),
        "original_filename": path.name,
    }
    return ImportedText(text="\n\n".join(blocks), title=title, meta=meta)


def refuse_old_word_file(path: Path) -> ImportedText:
    raise UnreadableDocument(
        f"{Path(path).name} is an old Word 97-2003 file; open it in Word or LibreOffice, save it as .docx and "
        "import that"
    )


def _blocks(document):
    """Paragraph and table texts in the order they appear in the body."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            yield _paragraph_text(Paragraph(child, document))
        elif child.tag == f"{_W}tbl":
            table = Table(child, document)
            rows = []
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(_paragraph_text(p) for p in cell.paragraphs if p.text.strip())
                    if not cells or cells[-1] != value:  # merged cells repeat their text
                        cells.append(value)
                line = "\t".join(cells).strip()
                if line:
                    rows.append(line)
            yield "\n".join(rows)


def _heading_title(document) -> str:
    """The first paragraph when it is styled as a title or heading; else ''."""
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            if style.startswith(("Title", "Heading")):
                return " ".join(paragraph.text.split())
            return ""
    return ""


def _paragraph_text(paragraph) -> str:
    lines = [" ".join(line.replace("\t", " ").split()) for line in paragraph.text.split("\n")]
    return "\n".join(line for line in lines if line)


def _reason(exc: BaseException) -> str:
    return str(exc).strip().split("\n")[0][:120] or exc.__class__.__name__
