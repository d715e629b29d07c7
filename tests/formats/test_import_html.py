"""Web pages saved from a browser: the article and its metadata come out, nothing else, nothing fetched."""

from __future__ import annotations

import socket

import pytest

from desktop.formats.importing import import_file
from desktop.formats.textfile import UnreadableDocument

HEADLINE = "Kremlin says Zelenskyy’s legitimacy can be questioned"
PARAGRAPHS = [
    "The Kremlin said on Tuesday that the legitimacy of Ukrainian President Volodymyr Zelenskyy could be "
    "questioned now that his original five-year term in office has expired.",
    "“Zelenskyy’s legitimacy can be questioned,” Kremlin spokesman Dmitry Peskov told reporters in Moscow, "
    "adding that Russia would study the legal situation carefully before drawing any conclusions.",
    "Ukraine’s constitution does not allow elections to be held while martial law is in force, and Kyiv says "
    "Zelenskyy remains the legitimate head of state until a successor is elected.",
    "Western governments have rejected the Russian argument, calling it an attempt to undermine Ukraine’s "
    "leadership at a critical moment of the war.",
]
CANONICAL = "https://www.dailycourier.example/world/2024/05/21/kremlin-zelenskyy-legitimacy"
NOISE = [
    "We use cookies", "Accept all cookies", "Privacy policy", "Subscribe now", "Home", "Sport",
    "Buy cheap flights", "Subscribe for only", "INJECTED SCRIPT TEXT", "dataLayer", "font-family",
    "Ten things you missed", "Related stories", "nobody believes it", "balanced reporting", "troll123",
    "All rights reserved", "Comments (2)",
]


def news_page(*, charset: str = "utf-8", head_extra: str = "", saved_from: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    body += '\n<div class="ad-inline advertisement">Advertisement: Subscribe for only 1 euro a month</div>\n'
    body += "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    return f"""<!DOCTYPE html>
{saved_from}<html lang="en-GB">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{HEADLINE} | The Daily Courier</title>
{head_extra}
<script src="https://tracker.example/analytics.js"></script>
<script>window.dataLayer=[];fetch("https://tracker.example/ping");document.write("INJECTED SCRIPT TEXT");</script>
<style>body{{font-family:serif}}</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
  <button>Accept all cookies</button> <a href="/privacy">Privacy policy</a></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<div class="ad-slot advertisement"><iframe src="https://ads.example/slot1"></iframe>Buy cheap flights today!</div>
<main>
<article>
<h1>{HEADLINE}</h1>
<p class="byline">By <span class="author">Anna Petrova</span>, <time datetime="2024-05-21">21 May 2024</time></p>
<div class="article-body">
{body}
</div>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a1">Ten things you missed this week</a></li>
  <li><a href="/a2">Weather: storms ahead</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments (2)</h3>
  <div class="comment"><p class="comment-author">troll123</p><p>This is all propaganda and nobody believes it
  anymore!!!</p></div>
  <div class="comment"><p class="comment-author">reader_b</p><p>Great article, thanks for the balanced reporting
  on this topic.</p></div>
</section>
</main>
<footer><p>© 2024 The Daily Courier. All rights reserved.</p></footer>
<img src="https://tracker.example/pixel.gif" width="1" height="1">
</body>
</html>
"""


FULL_META = f"""
<link rel="canonical" href="{CANONICAL}">
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="The Daily Courier">
<meta name="author" content="Anna Petrova">
<meta property="article:published_time" content="2024-05-21T09:30:00+00:00">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"{HEADLINE}","datePublished":"2024-05-21T09:30:00+00:00",
 "author":{{"@type":"Person","name":"Anna Petrova"}},"publisher":{{"@type":"Organization","name":"The Daily Courier"}}}}
</script>
"""


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket or resolve a name fails the test.

    The extraction libraries are imported first: urllib3 (which trafilatura imports) probes at import time
    whether the machine has IPv6 by binding a socket to ::1, which sends nothing."""
    import trafilatura  # noqa: F401

    import desktop.formats.html  # noqa: F401

    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse("socket", args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def _save(tmp_path, markup: str, name: str = "Kremlin legitimacy.html", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(markup.encode(encoding))
    return path


def test_saved_news_page_gives_the_article_with_its_metadata(project, tmp_path, no_network):
    path = _save(tmp_path, news_page(head_extra=FULL_META))
    doc = project.document(import_file(project, path).id)

    assert doc.text == "\n\n".join([HEADLINE, *PARAGRAPHS])
    for noise in NOISE:
        assert noise not in doc.text
    assert doc.title == HEADLINE
    assert doc.author == "Anna Petrova"
    assert doc.outlet == "The Daily Courier"
    assert doc.published == "2024-05-21"
    assert doc.url == CANONICAL
    assert doc.language == "en-GB"
    assert doc.encoding == "utf-8"
    assert doc.original_filename == "Kremlin legitimacy.html"
    assert no_network == []


def test_page_without_canonical_link_takes_the_address_the_browser_saved(project, tmp_path, no_network):
    saved = "<!-- saved from url=(0047)https://news.example.org/2024/05/kremlin-zelensky -->\n"
    path = _save(tmp_path, news_page(saved_from=saved), "page.htm")
    doc = project.document(import_file(project, path).id)
    assert doc.url == "https://news.example.org/2024/05/kremlin-zelensky"
    assert doc.outlet == "news.example.org"  # the page names no site: its host stands in
    assert PARAGRAPHS[1] in doc.text
    assert "nobody believes it" not in doc.text


def test_page_in_windows_1251_declared_in_meta(project, tmp_path, no_network):
    ru = ("В Кремле заявили, что легитимность Зеленского может быть поставлена под сомнение. "
          "Об этом журналистам сообщил пресс-секретарь президента Дмитрий Песков.")
    markup = news_page(charset="windows-1251").replace(PARAGRAPHS[0], ru)
    markup = "".join(c if ord(c) < 0x2000 else "'" for c in markup)  # cp1251 lacks some typographic quotes
    path = _save(tmp_path, markup, "ru.html", "cp1251")
    doc = project.document(import_file(project, path).id)
    assert ru in doc.text
    assert doc.encoding == "cp1251"


def test_paragraphs_headings_quotes_and_lists_are_separate_paragraphs(project, tmp_path, no_network):
    extra = ("<h2>Reactions in Europe</h2><blockquote><p>We will study the situation.</p></blockquote>"
             "<ul><li>First, the term expired.</li><li>Second, elections were <b>postponed</b>.</li></ul>")
    markup = news_page(head_extra=FULL_META).replace(f"<p>{PARAGRAPHS[3]}</p>", extra + f"<p>{PARAGRAPHS[3]}</p>")
    doc = project.document(import_file(project, _save(tmp_path, markup)).id)
    assert "\n\nReactions in Europe\n\nWe will study the situation.\n\n" in doc.text
    assert "First, the term expired.\nSecond, elections were postponed.\n\n" + PARAGRAPHS[3] in doc.text


def test_page_without_any_article_text_is_refused_clearly(project, tmp_path, no_network):
    path = _save(tmp_path, "<html><head><script>alert(1)</script></head><body><nav><a href='/'>Home</a></nav>"
                           "</body></html>", "empty.html")
    with pytest.raises(UnreadableDocument, match="no article text"):
        import_file(project, path)
    assert project.document_count() == 0


def test_page_saved_as_single_file_mhtml(project, tmp_path, no_network):
    import quopri

    html = news_page(head_extra=FULL_META.replace(f'<link rel="canonical" href="{CANONICAL}">', ""))
    html = html.replace('<meta property="og:url"', "<meta")
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    mhtml = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.dailycourier.example/kremlin\r\n"
        "Subject: Kremlin says\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc"\r\n\r\n'
        "------MultipartBoundary--abc\r\n"
        "Content-Type: text/html\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://www.dailycourier.example/kremlin\r\n\r\n"
        + body.replace("\n", "\r\n") + "\r\n"
        "------MultipartBoundary--abc\r\n"
        "Content-Type: text/javascript\r\n"
        "Content-Location: https://tracker.example/analytics.js\r\n\r\n"
        "document.write('INJECTED SCRIPT TEXT');\r\n"
        "------MultipartBoundary--abc--\r\n"
    )
    path = tmp_path / "Kremlin says.mhtml"
    path.write_bytes(mhtml.encode("ascii"))
    doc = project.document(import_file(project, path).id)
    assert doc.text == "\n\n".join([HEADLINE, *PARAGRAPHS])
    assert doc.url == "https://www.dailycourier.example/kremlin"
    assert doc.outlet == "The Daily Courier"
    assert "INJECTED" not in doc.text
