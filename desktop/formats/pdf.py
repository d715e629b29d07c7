"""PDF articles: the text layer, with its lines joined back into paragraphs.

pypdf reads the text layer page by page together with each line's position. A new paragraph starts where the
gap to the previous line is clearly larger than the page's usual line spacing, where a line is indented, where the
type size changes (a heading), after a line less than half as long as the page's full lines (a heading in
the body's type, a list item), or where a line shorter than usual ends a sentence. Inside a paragraph, lines are joined with a
space; a word broken at a line end ("legiti-" / "macy") is joined again only when that is safe (see
:func:`join_hyphenated`). Lone page numbers at the top or bottom of a page are dropped.

Typographic ligatures (``ﬁ``, ``ﬂ``, ``ﬀ``, ``ﬃ`` ...) and Arabic presentation forms (the shaped letters some
PDFs record instead of the letters themselves) are folded to the letters they stand for (Unicode NFKC, applied
to those characters only), so that "filled" finds "ﬁlled".

A PDF without a text layer (a scan) and a PDF locked with a password are refused with a message saying what to
do; a PDF that only restricts printing or copying (an empty user password) opens normally. A PDF counts as
scanned when its text layer holds no letters or digits at all, or fewer than 20 while its pages carry pictures
(a scanner's stamp on a page image); a short text without pictures (a one-line statement) is imported.
"""

from __future__ import annotations

import logging
import re
import statistics
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from desktop.formats.textfile import ImportedText, UnreadableDocument, check_size

MAX_PDF_BYTES = 200 * 1024 * 1024

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*|стр\.?\s*|s\.\s*|p\.\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:of|/|из|von)\s*\d{1,4})?"
                          r"\s*[-–—]?\s*$", re.I)
_SENTENCE_END = tuple(".!?:;…\"'”»)")
_HYPHENS = ("-", "\u2010", "\u00ad")
# Words that form hyphenated compounds: "self-" / "determination" stays "self-determination".
COMPOUND_HEADS = frozenset(
    """self pro anti ex non co post pre neo quasi semi well all half cross counter multi pan vice so long short far
    left right high low full part one two three four five six seven eight nine ten first second third year war
    state man old new ill mid ultra inter intra extra de re e
    по кое из во как что кто где когда какой чей куда откуда почему зачем сколько вице экс пол северо юго
    социал либерал""".split()
)
# Particles that follow a hyphen: "что-" / "то" stays "что-то".
COMPOUND_TAILS = frozenset("то либо нибудь ка таки де".split())
_WORD_END = re.compile(r"(\w+)$")
_WORD_START = re.compile(r"^(\w+)")
_WORDS = re.compile(r"\w+")
_COMPOUNDS = re.compile(r"\w+-\w+")
# Latin and Armenian ligatures, Arabic presentation forms A and B (not the noncharacters U+FDD0-FDEF, U+FEFF).
_LIGATURES = re.compile("[\ufb00-\ufb06\ufb13-\ufb17\ufb50-\ufdcf\ufdf0-\ufdff\ufe70-\ufefe]")
SCAN_LETTERS = 20  # a text layer with fewer letters and digits than this, on pages with pictures, is a scan


@dataclass
class _Line:
    text: str
    x: float
    y: float
    size: float


def read_pdf_file(path: Path) -> ImportedText:
    from pypdf import PdfReader
    from pypdf.errors import (
        DependencyError,
        FileNotDecryptedError,
        PdfReadError,
        PdfStreamError,
    )

    path = Path(path)
    check_size(path, "PDF files", MAX_PDF_BYTES)
    # pypdf reports a damaged file through its logger too; the analyst gets our one clear message instead.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(f"{path.name} is locked with a password; open it, save a copy without the "
                                     "password, and import that")
        pages = [_page_lines(page) for page in reader.pages]
        pictured = any(_has_pictures(page) for page in reader.pages)
        metadata = reader.metadata
        language = _language(reader)
    except UnreadableDocument:
        raise
    except (DependencyError, FileNotDecryptedError, NotImplementedError) as exc:  # e.g. an unknown encryption version
        raise UnreadableDocument(f"{path.name} is encrypted in a way Claimdesk cannot open ({exc})") from None
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, EOFError) as exc:
        raise UnreadableDocument(f"{path.name} is not a readable PDF (damaged or another format: "
                                 f"{str(exc)[:100] or exc.__class__.__name__})") from None
    text = lines_to_text(pages)
    letters = sum(c.isalnum() for c in text)
    if letters == 0 or (letters < SCAN_LETTERS and pictured):
        raise UnreadableDocument(
            f"{path.name} has no text layer (it looks like a scanned image); run text recognition (OCR) on it, "
            "e.g. with OCRmyPDF, and import the result"
        )
    title = _meta(metadata, "/Title") or path.stem.replace("_", " ").strip() or "Untitled"
    meta = {"author": _meta(metadata, "/Author"), "published": _pdf_date(_meta(metadata, "/CreationDate")),
            "language": language, "original_filename": path.name}
    return ImportedText(text=text, title=title, meta=meta)


def _has_pictures(page) -> bool:
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return False
    return any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.get_object().values())


def fold_ligatures(text: str) -> str:
    """``ﬁlled`` -> ``filled``: ligature characters and presentation forms become the letters they show."""
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def _meta(metadata, key: str) -> str:
    if not metadata:
        return ""
    value = metadata.get(key)
    return " ".join(str(value).split()) if value else ""


def _pdf_date(value: str) -> str:
    """``D:20240521093000Z`` -> ``2024-05-21``; '' when it is not a date."""
    found = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", value)
    if not found:
        return ""
    return "-".join(part for part in found.groups() if part)


def _language(reader) -> str:
    value = reader.trailer["/Root"].get("/Lang")
    return str(value).strip() if value else ""


def _page_lines(page) -> list[_Line]:
    """The page's text lines in reading order, each with where it starts and its type size."""
    lines: list[_Line] = []
    current: list[str] = []
    position: list[float] | None = None

    def visit(text, cm, tm, _font, font_size):
        nonlocal position
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i > 0:
                _flush()
            if piece:
                if position is None and piece.strip():
                    scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
                    position = [tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5],
                                (font_size or 10) * scale]
                current.append(piece)

    def _flush():
        nonlocal position
        line = fold_ligatures("".join(current)).strip()
        if line:
            x, y, size = position or (0.0, 0.0, 10.0)
            lines.append(_Line(" ".join(line.split()), x, y, size))
        current.clear()
        position = None

    page.extract_text(visitor_text=visit)
    _flush()
    while lines and _PAGE_NUMBER.match(lines[-1].text):
        lines.pop()
    while lines and _PAGE_NUMBER.match(lines[0].text):
        lines.pop(0)
    return lines


def lines_to_text(pages: list[list[_Line]]) -> str:
    """Join positioned lines into paragraphs separated by blank lines."""
    paragraphs: list[list[str]] = []
    # The usual line spacing: the lower quartile of the steps between lines (paragraph gaps are the larger ones).
    steps = sorted(a.y - b.y for lines in pages for a, b in zip(lines, lines[1:]) if a.y - b.y >= 0.5 * b.size)
    spacing = steps[len(steps) // 4] if steps else None
    for lines in pages:
        if not lines:
            continue
        left = statistics.median(line.x for line in lines)
        lengths = sorted(len(line.text) for line in lines)
        full = lengths[int(len(lengths) * 0.75)] if lengths else 0
        for i, line in enumerate(lines):
            if i == 0:
                continues = bool(paragraphs) and not paragraphs[-1][-1].endswith(_SENTENCE_END)
            else:
                continues = not _breaks(lines[i - 1], line, spacing, left, full)
            if continues and paragraphs:
                paragraphs[-1].append(line.text)
            else:
                paragraphs.append([line.text])
    words, compounds = _vocabulary(paragraphs)
    return "\n\n".join(_join_lines(p, words, compounds) for p in paragraphs)


def _vocabulary(paragraphs: list[list[str]]) -> tuple[set[str], set[str]]:
    """Words and hyphenated compounds the document spells in full somewhere, to settle broken words."""
    words: set[str] = set()
    compounds: set[str] = set()
    for paragraph in paragraphs:
        for line in paragraph:
            words.update(w.lower() for w in _WORDS.findall(line))
            compounds.update(c.lower() for c in _COMPOUNDS.findall(line))
    return words, compounds


def _breaks(prev: _Line, line: _Line, spacing: float | None, left: float, full: int) -> bool:
    step = prev.y - line.y
    if step <= 0:
        return True  # back up the page: a new column or a box
    if spacing and step > spacing * 1.4:
        return True
    if abs(line.size - prev.size) > 0.15 * max(line.size, prev.size):
        return True
    if line.x - left > 1.5 * line.size and prev.x - left <= 1.5 * prev.size:
        return True  # a first-line indent
    if prev.text.endswith(_HYPHENS):
        return False
    if len(prev.text) < 0.5 * full:
        return True  # a heading, a list item, or the end of a paragraph
    return prev.text.endswith(_SENTENCE_END) and len(prev.text) < 0.7 * full


def _join_lines(lines: list[str], words: set[str], compounds: set[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if text.endswith(_HYPHENS) and not text.endswith(" -"):
            text = join_hyphenated(text, line, words, compounds)
        else:
            text = f"{text} {line}"
    return text


def join_hyphenated(left: str, right: str, words: set[str] = frozenset(), compounds: set[str] = frozenset()) -> str:
    """Join a line ending in a hyphen to the next line, undoing the break only when it is safe.

    A soft hyphen is always undone. The document's own spelling decides next: the break is undone when the whole
    word appears elsewhere in it ("legitimacy"), kept when the hyphenated form does ("well-known"). Otherwise the
    hyphen stays ("pro-" / "Western" -> "pro-Western") when the next
    line starts with a capital, a digit or punctuation, when the broken word is a compound head ("self-",
    "anti-", "по-") or is followed by a particle ("что-" / "то"), or when its first part already holds a hyphen.
    """
    if left.endswith("\u00ad"):
        return left[:-1] + right
    stem, hyphen = left[:-1], left[-1]
    head = _WORD_END.search(stem)
    tail = _WORD_START.match(right)
    keep = f"{stem}{hyphen}{right}"
    if not head or not tail:
        return keep
    a, b = head.group(1), tail.group(1)
    if not (a.isalpha() and b.isalpha()) or not b[0].islower():
        return keep
    if f"{a}-{b}".lower() in compounds:
        return keep
    if (a + b).lower() in words:
        return stem + right
    if a.lower() in COMPOUND_HEADS or b.lower() in COMPOUND_TAILS:
        return keep
    if stem[: head.start()].endswith(_HYPHENS):
        return keep  # "mother-in-" / "law"
    return stem + right
