"""The analyst's name: a cancelled first-run question still stores annotations under a name, shown in the
status bar."""

from __future__ import annotations

import getpass

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton
from ui_helpers import db_rows, select_text

from desktop.app.appdata import AppSettings


def test_cancelled_name_question_falls_back_to_the_system_user(open_window, project_path, dialog_log, qtbot):
    dialog_log.annotator = None  # the analyst cancels the question
    window = open_window(project_path)
    qtbot.waitUntil(lambda: dialog_log.asked_annotator == 1)
    user = getpass.getuser() or "analyst"
    button = window.statusBar().findChild(QToolButton, "analystButton")
    qtbot.waitUntil(lambda: button.text() == f"Coding as {user}")
    assert button.isVisible() and "Analyst Name" in button.toolTip()
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    assert db_rows(project_path, "SELECT annotator FROM annotations") == [(user,)]
    assert AppSettings().annotator == user
    # a click on the name asks again
    dialog_log.annotator = "Maria"
    button.click()
    assert dialog_log.asked_annotator == 2
    assert button.text() == "Coding as Maria"
    select_text(window.article, "Kremlin spokesman")
    QTest.keyClick(window.article, "2")
    assert db_rows(project_path, "SELECT annotator FROM annotations ORDER BY id") == [(user,), ("Maria",)]


def test_an_empty_name_saved_earlier_is_replaced_on_open(open_window, project_path, dialog_log, qtbot):
    settings = AppSettings()
    settings.set_annotator("")  # what a cancelled question used to store
    window = open_window(project_path)
    qtbot.wait(20)
    assert dialog_log.asked_annotator == 0
    user = getpass.getuser() or "analyst"
    assert window.session.annotator == user
    select_text(window.article, "Dmitry Peskov")
    QTest.keyClick(window.article, "1")
    assert db_rows(project_path, "SELECT annotator FROM annotations") == [(user,)]
