"""An article that is one long paragraph is shown in short blocks, but tagging and copying use the stored text."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select16, utf16

from desktop.store import Project

SENTENCES = ["The minister said on Tuesday that the talks were over.",
             "\u201cWe will not negotiate under pressure,\u201d she told reporters in Kyiv \U0001f1fa\U0001f1e6.",
             "Critics called the statement a bluff!",
             "Is the government still legitimate?"]


def long_paragraph() -> str:
    return " ".join(f"{s} ({n})" for n in range(600) for s in SENTENCES)  # about 80,000 characters, no line break


def test_one_long_paragraph_tags_and_copies_the_stored_text(open_window, tmp_path):
    text = long_paragraph()
    assert "\n" not in text
    path = tmp_path / "long.claimdesk"
    with Project.open(path, create=True) as p:
        p.add_document(text, "one paragraph")
    window = open_window(path)
    view = window.article
    assert view.text == text
    assert view.document().blockCount() > 20  # shown in short blocks ...
    assert view.document().characterCount() == len(text.encode("utf-16-le")) // 2 + 1  # ... with the same offsets

    # Sentences in the middle of the article, across a line break that exists only on screen.
    middle = text.index("Critics called the statement a bluff! (300)")
    shown = view.toPlainText()  # code points, as stored
    assert len(shown) == len(text)
    brk = shown.index("\n", middle)
    assert text[brk] == " "
    sel_start, sel_end = middle, middle
    while sel_end <= brk:
        sel_end = text.index(". ", sel_end + 1) + 1

    select16(view, utf16(text, sel_start), utf16(text, sel_end))
    view.setFocus()
    QTest.keyClick(view, "1")
    rows = db_rows(path)
    assert len(rows) == 1
    _id, s, e, stored, _type = rows[0]
    assert (s, e) == (sel_start, sel_end)
    assert stored == text[sel_start:sel_end]
    assert "\n" not in stored and "\u2029" not in stored

    # Copying a selection across the break gives the stored text: spaces, not line breaks.
    select16(view, utf16(text, sel_start), utf16(text, sel_end))
    assert "\u2029" in view.textCursor().selectedText()  # what Qt itself would copy
    assert view.selected_text() == text[sel_start:sel_end]
    QGuiApplication.clipboard().clear()
    QTest.keySequence(view, QKeySequence.StandardKey.Copy)
    assert QGuiApplication.clipboard().text() == text[sel_start:sel_end]


def test_copying_then_quitting_exits_cleanly(tmp_path):
    """The copied object belongs to Qt; one made in Python was freed twice and crashed the program at exit."""
    import os
    import subprocess
    import sys

    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop.ui.article_view import ArticleView\n"
        "app = QApplication([])\n"
        "from types import SimpleNamespace\n"
        "view = ArticleView(SimpleNamespace(tag_types=[]))\n"
        "from desktop.domain.model import Document\n"
        "text = 'One sentence here. ' * 300\n"
        "view.show_document(Document(id=1, title='t', text=text, sha256='0' * 64), [])\n"
        "view.selectAll()\n"
        "view.copy()\n"
        "assert app.clipboard().text() == text, repr(app.clipboard().text()[:80])\n"
        "print('copied')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "copied" in proc.stdout
