"""Web pages saved from a browser (.html, .htm, or .mhtml "single file"): the article's main text and metadata.

The article is found by trafilatura, a library made for news pages: it drops navigation, advertising, cookie
banners, related-story boxes, scripts, styles and reader comments. It works on the saved file alone; nothing the
page names (scripts, images, frames, links) is ever fetched or run. Paragraphs, headings, quotations and list items
each become a paragraph of the document, with a blank line between paragraphs; the headline comes first, unless
the page already shows it among its first paragraphs (after a kicker or a date line). A page with no article (a
photo caption, a menu, a template) is refused: under 50 words of text, the headline left out, it must hold two
paragraphs of 8 words or more.

Metadata: title, author, outlet (the site's name), published date and canonical URL from the page's own metadata
(``<link rel=canonical>``, Open Graph, JSON-LD, ``<meta>``), falling back to the address a browser records in a
page it saves (``<!-- saved from url=... -->``); the outlet falls back to the URL's host name; the language comes
from ``<html lang>`` or the page's ``<meta>``.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from desktop.formats.textfile import (
    MAX_BYTES,
    ImportedText,
    UnreadableDocument,
    check_size,
    decode_bytes,
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_BLOCKS_WITH_BLOCKS = ("quote", "div", "section", "article", "main", "body")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
HEADLINE_WITHIN = 3  # a headline among the first paragraphs (after a kicker, a date line) is not added again
ARTICLE_WORDS = 50  # a page with fewer words of text is an article only with two sentence-long paragraphs
SENTENCE_WORDS = 8
_UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Text of an HTML file: a byte-order mark first, then the page's declared charset, then detection."""
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return decode_bytes(data, name)
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            encoding = ""
        # Pages declaring Latin-1 are decoded as its superset Windows-1252, as browsers do.
        if encoding in ("latin-1", "iso8859-1", "ascii"):
            encoding = "cp1252"
        if encoding and not encoding.startswith("utf-16"):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                pass  # the declaration is wrong; detect instead
    return decode_bytes(data, name)


def read_html_file(path: Path) -> ImportedText:
    path = Path(path)
    check_size(path, "web pages", MAX_BYTES)
    markup, encoding = decode_html(path.read_bytes(), path.name)
    imported = html_to_document(markup, path.name)
    imported.meta.update(encoding=encoding, original_filename=path.name)
    if not imported.title:
        imported.title = path.stem.replace("_", " ").strip() or "Untitled"
    return imported


def read_mhtml_file(path: Path) -> ImportedText:
    """A page saved as "web page, single file" (.mhtml, .mht): the page's HTML part, read as above."""
    import email
    from email import policy

    path = Path(path)
    check_size(path, "web pages", MAX_BYTES)
    message = email.message_from_bytes(path.read_bytes(), policy=policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() in ("text/html", "application/xhtml+xml")), None)
    if part is None:
        raise UnreadableDocument(f"{path.name} is not a saved web page (it holds no HTML part)")
    data = part.get_payload(decode=True) or b""
    declared = part.get_content_charset()
    markup, encoding = "", ""
    if declared:
        try:
            markup, encoding = data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            markup = ""
    if not markup:
        markup, encoding = decode_html(data, path.name)
    imported = html_to_document(markup, path.name)
    if not imported.meta.get("url"):
        location = message.get("Snapshot-Content-Location") or part.get("Content-Location") or ""
        if location.lower().startswith(("http://", "https://")):
            imported.meta["url"] = location.strip()
    imported.meta.update(encoding=encoding, original_filename=path.name)
    if not imported.title:
        imported.title = path.stem.replace("_", " ").strip() or "Untitled"
    return imported


def html_to_document(markup: str, name: str = "the page") -> ImportedText:
    """Extract the article of an HTML page (a string; nothing is fetched) with its metadata."""
    import trafilatura

    if not markup.strip():
        raise UnreadableDocument(f"{name} is empty")
    language = page_language(markup)
    options = dict(include_comments=False, include_tables=True, include_images=False, include_links=False,
                   with_metadata=True, date_extraction_params={"extensive_search": False, "original_date": True})
    extracted = trafilatura.bare_extraction(markup, **options)
    text = _body_text(extracted.body) if extracted is not None and extracted.body is not None else ""
    if not text.strip():
        extracted = trafilatura.bare_extraction(markup, favor_recall=True, **options)
        text = _body_text(extracted.body) if extracted is not None and extracted.body is not None else ""
    if not text.strip():
        raise UnreadableDocument(f"{name} holds no article text Claimdesk can find")
    title = _squash(extracted.title or "")
    paragraphs = text.split("\n\n")
    shown = [p for p in paragraphs[:HEADLINE_WITHIN] if p.casefold() == title.casefold()]
    body = [p for p in paragraphs if p.casefold() != title.casefold()]
    if not is_article(body):
        words = sum(_words(p) for p in body)
        raise UnreadableDocument(
            f"{name} holds no article, only {words} word(s) of text (a caption, a menu or a template); Claimdesk "
            f"imports pages with {ARTICLE_WORDS} words of text, or two paragraphs of {SENTENCE_WORDS} words or more")
    if title and not shown and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline is part of what the reader saw, and often quoted
    url = extracted.url or _saved_from(markup)
    meta = {
        "author": extracted.author or "",
        "outlet": extracted.sitename or _host(url),
        "published": extracted.date or "",
        "url": url or "",
        "language": language,
    }
    return ImportedText(text=text, title=title, meta=meta)


def is_article(paragraphs: list[str]) -> bool:
    """Whether a page's text, headline left out, is an article rather than a caption, a menu or a template."""
    if sum(_words(p) for p in paragraphs) >= ARTICLE_WORDS:
        return True
    return sum(_words(p) >= SENTENCE_WORDS for p in paragraphs) >= 2


def _words(text: str) -> int:
    """Words; in scripts written without spaces (Chinese, Japanese, Thai) two characters count as one."""
    unspaced = len(_UNSPACED.findall(text))
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // 2 if unspaced else len(text.split())


def page_language(markup: str) -> str:
    """The language the page declares (``<html lang>``, then ``<meta>``), as a tag like ``en-GB``; or ''."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(markup[:200_000].encode("utf-8", "replace"),
                                             parser=lxml_html.HTMLParser(encoding="utf-8", no_network=True))
    except (ValueError, TypeError, SyntaxError):
        return ""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("name") or meta.get("property") or "").lower()
        if key in ("content-language", "language", "og:locale", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        value = (value or "").strip().split(",")[0].strip()
        if value and _LANG.match(value):
            return value.replace("_", "-")
    return ""


def _host(url: str | None) -> str:
    """``https://www.example.org/a`` -> ``example.org``: the outlet when the page does not name itself."""
    from urllib.parse import urlsplit

    host = urlsplit(url or "").hostname or ""
    return host[4:] if host.startswith("www.") else host


def _saved_from(markup: str) -> str:
    found = _SAVED_FROM.search(markup[:4096])
    return found.group(1) if found and found.group(1).lower().startswith(("http://", "https://")) else ""


def _body_text(body) -> str:
    blocks: list[str] = []
    _collect_blocks(body, blocks)
    return "\n\n".join(b for b in blocks if b.strip())


def _collect_blocks(element, blocks: list[str]) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            items = [_inline_text(item) for item in child if item.tag == "item"]
            blocks.append("\n".join(i for i in items if i))
        elif tag == "table":
            rows = []
            for row in child.iter("row"):
                cells = [_inline_text(cell) for cell in row if cell.tag in ("cell", "head")]
                rows.append("\t".join(cells).strip())
            blocks.append("\n".join(r for r in rows if r))
        elif tag in _BLOCKS_WITH_BLOCKS and any(isinstance(c.tag, str) and c.tag in ("p", "head", "list", "quote",
                                                                                       "table", "div") for c in child):
            if (child.text or "").strip():
                blocks.append(_squash(child.text))
            _collect_blocks(child, blocks)
        elif tag:
            blocks.append(_inline_text(child))
        if (child.tail or "").strip() and element.tag != "item":
            blocks.append(_squash(child.tail))


def _inline_text(element) -> str:
    """Text of a block: white space squashed within lines, ``<lb/>`` and list items kept as line breaks."""
    parts: list[str] = []
    _walk_inline(element, parts)
    return "\n".join(_squash(line) for line in "".join(parts).split("\n") if line.strip())


def _walk_inline(element, parts: list[str]) -> None:
    if element.tag in ("lb", "item", "list", "row"):
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            _walk_inline(child, parts)
        parts.append(child.tail or "")


def _squash(text: str) -> str:
    return " ".join(text.split())
