"""The name prompt: a welcome on the first run, prefilled with the login name, naming the real menu item."""

from __future__ import annotations

import getpass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.ui import dialogs


def test_first_run_prompt_welcomes_and_prefills_the_login_name(qtbot, monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "jdoe")
    dialog = dialogs.AnnotatorDialog(None, "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Welcome to Claimdesk"
    intro = dialog.findChild(QLabel, "annotatorIntro")
    assert "Edit \u203a Analyst Name\u2026" in intro.text()
    assert dialog.edit.text() == "jdoe"
    assert dialog.width() >= 460 and intro.height() < dialog.height() / 2
    dialog.edit.selectAll()
    qtbot.keyClicks(dialog.edit, "  Ann Analyst ")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter is OK
    assert dialog.result() == dialogs.QDialog.DialogCode.Accepted
    assert dialog.name() == "Ann Analyst"


def test_unknown_login_name_leaves_the_field_empty_and_a_later_change_shows_the_current_name(qtbot, monkeypatch):
    def no_user():
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_user)
    first = dialogs.AnnotatorDialog(None, "")
    qtbot.addWidget(first)
    assert first.edit.text() == ""
    later = dialogs.AnnotatorDialog(None, "A. Analyst")
    qtbot.addWidget(later)
    assert later.windowTitle() == "Analyst Name"
    assert later.edit.text() == "A. Analyst"
    later.show()
    qtbot.keyClick(later.edit, Qt.Key.Key_Escape)
    assert later.result() == dialogs.QDialog.DialogCode.Rejected
