"""Paste as Document: the clipboard's text becomes a new document with the title the analyst gives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from ui_helpers import db_rows

from desktop.store import Project
from desktop.ui import paste_document
from desktop.ui.paste_document import paste_as_document, suggested_title

ARTICLE = ("Kremlin: talks are possible\r\n\r\nDmitry Peskov said on Tuesday that Zelenskyy\u2019s legitimacy "
           "\u201ccan be questioned\u201d. \U0001F1FA\U0001F1E6 Reporters asked again.\r\n")


def drive(qtbot, monkeypatch, fill=None, click="ok"):
    seen = {}

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        seen["dialog"] = dialog
        seen["title"] = dialog.title.text()
        if fill:
            fill(dialog)
        button = dialog.ok_button if click == "ok" else dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(paste_document, "run_dialog", run)
    return seen


def test_clipboard_text_becomes_a_document_titled_from_its_first_line(project_path, qtbot, monkeypatch):
    QGuiApplication.clipboard().setText(ARTICLE)
    seen = drive(qtbot, monkeypatch)
    with Project.open(project_path) as p:
        doc = paste_as_document(None, p)
    assert seen["title"] == "Kremlin: talks are possible"
    rows = db_rows(project_path, "SELECT id, title, text FROM documents ORDER BY id")
    assert rows[-1] == (doc.id, "Kremlin: talks are possible", ARTICLE.replace("\r\n", "\n"))
    assert "\U0001F1FA\U0001F1E6" in rows[-1][2]


def test_the_analyst_changes_the_title(project_path, qtbot, monkeypatch):
    QGuiApplication.clipboard().setText("one two three\nfour")

    def fill(d):
        d.title.clear()
        qtbot.keyClicks(d.title, "Peskov briefing, 21 May")

    drive(qtbot, monkeypatch, fill)
    with Project.open(project_path) as p:
        paste_as_document(None, p)
    assert db_rows(project_path, "SELECT title FROM documents ORDER BY id")[-1] == ("Peskov briefing, 21 May",)


def test_pasting_the_same_text_twice_says_which_document_has_it(project_path, qtbot, monkeypatch, dialog_log):
    QGuiApplication.clipboard().setText(ARTICLE)
    drive(qtbot, monkeypatch)
    with Project.open(project_path) as p:
        first = paste_as_document(None, p)
        assert paste_as_document(None, p) is None
    assert db_rows(project_path, "SELECT count(*) FROM documents") == [(2,)]
    title, message = dialog_log.infos[-1]
    assert f"document {first.id}" in message and "Kremlin: talks are possible" in message


def test_empty_clipboard_and_cancel_add_nothing(project_path, qtbot, monkeypatch, dialog_log):
    QGuiApplication.clipboard().setText("  \n\t ")
    drive(qtbot, monkeypatch)
    with Project.open(project_path) as p:
        assert paste_as_document(None, p) is None
    assert "no text" in dialog_log.infos[-1][1]
    QGuiApplication.clipboard().setText("Something new to keep")
    drive(qtbot, monkeypatch, click="cancel")
    with Project.open(project_path) as p:
        assert paste_as_document(None, p) is None
    assert db_rows(project_path, "SELECT count(*) FROM documents") == [(1,)]


def test_read_only_project_refuses_clearly(project_path, qtbot, monkeypatch, dialog_log):
    QGuiApplication.clipboard().setText("Fresh text")
    with Project.open(project_path, readonly=True) as p:
        assert paste_as_document(None, p) is None
    assert "read-only" in dialog_log.errors[-1][1]


def test_suggested_title():
    assert suggested_title("\n\n   Headline   here  \nbody") == "Headline here"
    long = "word " * 60
    title = suggested_title(long)
    assert title.endswith("\u2026") and len(title) <= 121 and not title[:-1].endswith(" ")
