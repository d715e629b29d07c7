"""The File menu, drag and drop, the keyboard path into the form, the status bar."""

from __future__ import annotations

import csv

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

from desktop.ui import dialogs, import_files


def test_export_csv_writes_the_file(window, tmp_path, monkeypatch):
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    out = tmp_path / "out.csv"
    monkeypatch.setattr(dialogs, "export_path", lambda parent, suggested: out)
    QTest.keyClick(window.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["tag"], r["text"]) for r in rows] == [("Quote", "Dmitry Peskov")]
    assert "1 annotation written" in window.statusBar().currentMessage()


def test_import_with_ctrl_i_and_by_dropping_files(window, project_path, tmp_path, monkeypatch):
    first = tmp_path / "first.txt"
    first.write_text("The minister said the election was fair.", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("Opposition leaders called the result illegitimate.", encoding="utf-8")
    monkeypatch.setattr(import_files, "choose_files", lambda parent, start=None: [first])
    QTest.keyClick(window.article, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.title and "minister" in window.article.text
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert len(db_rows(project_path, "SELECT id FROM documents")) == 3
    assert window.documents.model.rowCount() == 3
    assert "Opposition" in window.article.text


def test_new_and_open_and_recent(window, project_path, tmp_path, monkeypatch):
    new = tmp_path / "fresh.claimdesk"
    monkeypatch.setattr(dialogs, "new_project_path", lambda parent, start=None: new)
    window.actions["new"].trigger()
    assert new.exists() and window.windowTitle().startswith("fresh")
    assert window.session.summaries == []
    monkeypatch.setattr(dialogs, "open_project_path", lambda parent, start=None: project_path)
    window.actions["open"].trigger()
    assert window.session.path == project_path
    window.recent_menu.aboutToShow.emit()
    labels = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert any("work.claimdesk" in t for t in labels) and any("fresh.claimdesk" in t for t in labels)


def test_new_project_refuses_an_existing_file(window, project_path, monkeypatch, dialog_log):
    monkeypatch.setattr(dialogs, "new_project_path", lambda parent, start=None: project_path)
    window.close_project()
    window.actions["new"].trigger()
    assert "exists already" in dialog_log.errors[-1][1]
    assert window.session.project is None


def test_return_goes_to_the_speaker_and_escape_comes_back(window, project_path, qtbot):
    select_text(window.article, "Putin himself said")
    QTest.keyClick(window.article, "1")
    QTest.keyClick(window.article, Qt.Key.Key_Return)
    qtbot.waitUntil(window.form.speaker.hasFocus)
    QTest.keyClicks(window.form.speaker, "Dmitry Peskov")
    QTest.keyClick(window.form.speaker, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.article.hasFocus)
    assert db_rows(project_path, "SELECT speaker FROM annotations") == [("Dmitry Peskov",)]


def test_status_bar_counts_document_and_project(window, qtbot):
    for needle, key in (("Dmitry Peskov", "1"), ("Kremlin spokesman", "1"), ("legitimacy can be questioned", "3")):
        select_text(window.article, needle)
        QTest.keyClick(window.article, key)
    qtbot.waitUntil(lambda: "This document: 3" in window.counts_label.text())
    text = window.counts_label.text()
    assert "Quote 2" in text and "Legitimacy assertion 1" in text and "Project: 3 annotations in 1 document" in text


def test_table_row_click_selects_and_reveals(open_window, tmp_path):
    long_text = "\n\n".join(f"Paragraph {i}: the spokesman said talks could resume." for i in range(300))
    src = tmp_path / "long.txt"
    src.write_text(long_text, encoding="utf-8")
    window = open_window(tmp_path / "long.claimdesk", [src])
    view = window.article
    select_text(view, "Paragraph 280:")
    QTest.keyClick(view, "2")
    select_text(view, "Paragraph 2:")
    QTest.keyClick(view, "1")
    view.verticalScrollBar().setValue(0)
    table = window.table_panel.view
    row = [table.model().index(r, 1).data() for r in range(2)].index("Paragraph 280:")
    rect = table.visualRect(table.model().index(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    ann = window.session.selected
    assert ann.text == "Paragraph 280:"
    assert window.form.quote.text() == "\u201cParagraph 280:\u201d"
    assert view.verticalScrollBar().value() > 0  # it was far below: the article scrolled to it
    c = view.textCursor()
    c.setPosition(view.offsets.to_utf16(ann.start))
    assert view.viewport().rect().contains(view.cursorRect(c).center())
