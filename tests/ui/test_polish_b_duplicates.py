"""Tagging the same text with the same type twice keeps one annotation and selects it."""

from __future__ import annotations

from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text


def test_same_key_twice_on_same_text_keeps_one_row(window, project_path):
    view = window.article
    select_text(view, "Dmitry Peskov")
    QTest.keyClick(view, "1")
    first = db_rows(project_path)
    assert len(first) == 1
    window.session.select(None)
    select_text(view, "Dmitry Peskov")
    QTest.keyClick(view, "1")
    assert db_rows(project_path) == first
    assert window.session.selected_id == first[0][0]
    assert window.statusBar().currentMessage() == "Already tagged as Quote \u2014 selected it"
    assert window.session.undo_stack.count() == 1
    # another type on the same text is a new annotation
    select_text(view, "Dmitry Peskov")
    QTest.keyClick(view, "2")
    assert len(db_rows(project_path)) == 2


def test_codebook_button_refuses_the_duplicate_too(window, project_path):
    view = window.article
    quote = window.session.project.find_tag_type("1").id
    select_text(view, "Dmitry Peskov")
    window.codebook.tagClicked.emit(quote)
    select_text(view, "Dmitry Peskov")
    window.codebook.tagClicked.emit(quote)
    assert len(db_rows(project_path)) == 1
