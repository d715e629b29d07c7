"""Reading plain-text articles in any common encoding."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.model import ClaimdeskError
from desktop.domain.text import normalize_text

MAX_BYTES = 50_000_000  # 50 MB of text is far beyond a book; larger files are refused clearly (README: safety)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UnreadableDocument(ClaimdeskError):
    """A file that cannot become a document (binary, empty, undecodable, too large)."""


@dataclass
class ImportedText:
    """What an importer hands to the store: the text and whatever metadata the file carried."""

    text: str
    title: str
    meta: dict = field(default_factory=dict)


def decode_bytes(data: bytes, name: str = "the file") -> tuple[str, str]:
    """Decode article bytes; returns (text, encoding name). Raises UnreadableDocument with a clear reason."""
    if not data.strip():
        raise UnreadableDocument(f"{name} is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(f"{name} starts with a {encoding} mark but is not valid {encoding}: {exc.reason}") from None
    from desktop.formats.charsets import detect_single_or_multibyte, detect_utf16

    if b"\x00" in data:
        found = detect_utf16(data)
        if found is None:
            raise UnreadableDocument(f"{name} looks like a binary file (it holds NUL bytes), not text")
        return found
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = detect_single_or_multibyte(data)
    if found is None:
        raise UnreadableDocument(f"{name} looks like a binary file: it is not text in any encoding Claimdesk recognises")
    return found


def check_size(path: Path, kind: str, limit: int = MAX_BYTES) -> None:
    """Refuse a file over ``limit`` bytes with a message naming the kind of file and the limit."""
    size = path.stat().st_size
    if size > limit:
        raise UnreadableDocument(
            f"{path.name} is {size / 1e6:.0f} MB; Claimdesk imports {kind} up to {limit // 1_000_000} MB"
        )


def read_text_file(path: Path) -> ImportedText:
    path = Path(path)
    check_size(path, "text files")
    text, encoding = decode_bytes(path.read_bytes(), path.name)
    text = normalize_text(text).replace("\u2028", "\n").replace("\u2029", "\n")  # Unicode's line ends are line ends
    if not text.strip():
        raise UnreadableDocument(f"{path.name} is empty")
    check_text(text, path.name)
    return ImportedText(text=text, title=_title_from(path, text), meta={"encoding": encoding,
                                                                         "original_filename": path.name})


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # tab, line ends, \v and \f are text


def check_text(text: str, name: str = "the file") -> None:
    """Refuse decoded text that is really a binary file: control characters a text does not hold.

    A binary file without NUL bytes (an executable, a compressed archive, an image) still "decodes" in a
    single-byte encoding; what gives it away is control characters, which prose holds almost never. A stray
    few are tolerated: more than 2, and more than 1 in 1,000 characters, is refused."""
    limit = max(2, len(text) // 1000)
    for count, _ in enumerate(_CONTROL.finditer(text), 1):
        if count > limit:
            raise UnreadableDocument(f"{name} looks like a binary file (it holds control characters), not text")


_MACHINE_NAME = re.compile(r"^[\W_]*(?:[0-9a-fA-F]{6,}|\d+)(?:[\W_]+(?:[0-9a-fA-F]{6,}|\d+))*[\W_]*$")


def _title_from(path: Path, text: str, limit: int = 90) -> str:
    """The file's name, unless it is only numbers and hashes: then the first sentence-like line of the text."""
    stem = path.stem.replace("_", " ").strip()
    if stem and not _MACHINE_NAME.match(path.stem):
        return stem
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) >= 4:
            if len(line) <= limit:
                return line
            cut = line[:limit].rsplit(" ", 1)[0].rstrip(",;:-–—")
            return cut + "…"
    return stem or "Untitled"
