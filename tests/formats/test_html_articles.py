"""A saved page becomes a document only when it holds an article, and its headline is stored once."""

from __future__ import annotations

import pytest

from desktop.formats.importing import import_file
from desktop.formats.textfile import UnreadableDocument

HEADLINE = "Kremlin says legitimacy can be questioned"
CAPTION = ("Kremlin spokesman Dmitry Peskov speaks to reporters in Moscow on Tuesday, May 21, 2024, after a meeting "
           "of the Security Council at which officials discussed the situation in Ukraine and the west. Photo: "
           "Reuters/Pool")  # 34 words
BODY = [
    "The Kremlin said on Tuesday that the legitimacy of Ukrainian President Volodymyr Zelenskyy could be "
    "questioned now that his original five-year term in office has expired.",
    "Kyiv says the constitution does not allow elections while martial law is in force.",
]


def _save(tmp_path, body: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(f"<html lang='en'><head><title>{HEADLINE}</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    return path


def test_headline_shown_after_a_kicker_is_stored_once(project, tmp_path):
    body = (f"<article><p class='kicker'>World news</p><h1>{HEADLINE}</h1>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</article>")
    doc = project.document(import_file(project, _save(tmp_path, body)).id)
    assert doc.text.count(HEADLINE) == 1
    assert doc.text == "\n\n".join(["World news", HEADLINE, *BODY])
    assert doc.title == HEADLINE


def test_headline_the_page_does_not_show_is_put_first(project, tmp_path):
    doc = project.document(import_file(project, _save(tmp_path, "".join(f"<p>{p}</p>" for p in BODY))).id)
    assert doc.text == "\n\n".join([HEADLINE, *BODY])


@pytest.mark.parametrize("body", [
    f"<div class='content'><p>{CAPTION}</p></div>",
    f"<div class='gallery'><p>{CAPTION}</p><p>Next photo</p><p>Share this</p></div>",
    "<main><p>{{ article.body }}</p><p>Lorem ipsum dolor sit amet</p><p>Read more</p></main>",
], ids=["caption", "caption-and-buttons", "template"])
def test_page_without_an_article_is_refused_with_its_reason(project, tmp_path, body):
    with pytest.raises(UnreadableDocument, match=r"holds no article, only \d+ word\(s\).*50 words"):
        import_file(project, _save(tmp_path, body))
    assert project.document_count() == 0


def test_short_article_of_two_paragraphs_is_imported(project, tmp_path):
    doc = import_file(project, _save(tmp_path, "<article>" + "".join(f"<p>{p}</p>" for p in BODY) + "</article>"))
    assert BODY[1] in project.document(doc.id).text


def test_short_chinese_article_counts_its_characters_as_words(project, tmp_path):
    paragraphs = ["克里姆林宫发言人佩斯科夫周二表示，泽连斯基的合法性可以受到质疑。",
                  "基辅方面拒绝了这一说法，称宪法不允许在战时举行选举。"]
    doc = import_file(project, _save(tmp_path, "<article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
                                     + "</article>", "zh.html"))
    assert paragraphs[1] in project.document(doc.id).text
