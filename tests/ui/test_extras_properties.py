"""Document properties: the dialog's edits reach the project file; bad input is refused in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import db_rows

from desktop.store import Project
from desktop.ui import document_properties
from desktop.ui.document_properties import DocumentPropertiesDialog, check_published, edit_document_properties


def drive(qtbot, monkeypatch, fill, click="ok"):
    """Replace the modal call with a driver that types into the real dialog and clicks its button."""
    seen = {}

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        seen["dialog"] = dialog
        fill(dialog)
        button = dialog.ok_button if click == "ok" else dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        seen["visible_after"] = dialog.isVisible()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(document_properties, "run_dialog", run)
    return seen


def doc_row(path):
    return db_rows(path, "SELECT title, outlet, author, url, published, language, note FROM documents")[0]


def test_edits_are_saved_to_the_file(project_path, qtbot, monkeypatch):
    def fill(d):
        d.edits["title"].setText("Peskov on Zelenskyy's legitimacy")
        d.edits["outlet"].clear()
        qtbot.keyClicks(d.edits["outlet"], "TASS")
        d.edits["author"].setText("Staff")
        d.edits["url"].setText("  https://tass.com/politics/1  ")
        d.edits["published"].setText("2024-05-21")
        d.edits["language"].setText("en")
        d.edits["note"].setPlainText("Cited in chapter 3.\nCheck the Russian original.")

    drive(qtbot, monkeypatch, fill)
    with Project.open(project_path) as p:
        assert edit_document_properties(None, p, 1) is True
    assert doc_row(project_path) == ("Peskov on Zelenskyy's legitimacy", "TASS", "Staff", "https://tass.com/politics/1",
                                     "2024-05-21", "en", "Cited in chapter 3.\nCheck the Russian original.")
    # the full-text index follows the new title
    with Project.open(project_path) as p:
        assert p.search_documents("Peskov legitimacy") == [1]


def test_cyrillic_metadata_round_trips(project_path, qtbot, monkeypatch):
    def fill(d):
        d.edits["outlet"].setText("Коммерсантъ")
        d.edits["author"].setText("Андрей Колесников")

    drive(qtbot, monkeypatch, fill)
    with Project.open(project_path) as p:
        assert edit_document_properties(None, p, 1)
    assert doc_row(project_path)[1:3] == ("Коммерсантъ", "Андрей Колесников")


def test_bad_date_and_empty_title_keep_the_dialog_open_and_the_file_unchanged(project_path, qtbot, monkeypatch):
    before = doc_row(project_path)

    def fill(d):
        d.edits["published"].setText("late May 2024")
        d.edits["outlet"].setText("RIA")

    seen = drive(qtbot, monkeypatch, fill)
    with Project.open(project_path) as p:
        assert edit_document_properties(None, p, 1) is False
    dialog = seen["dialog"]
    assert seen["visible_after"]
    assert "YYYY-MM-DD" in dialog.date_error.text()
    assert doc_row(project_path) == before

    def fill2(d):
        d.edits["title"].setText("   ")

    seen = drive(qtbot, monkeypatch, fill2)
    with Project.open(project_path) as p:
        assert edit_document_properties(None, p, 1) is False
    assert "title" in seen["dialog"].problem.text()
    assert doc_row(project_path) == before


def test_cancel_and_unchanged_save_nothing(project_path, qtbot, monkeypatch):
    before = doc_row(project_path)
    drive(qtbot, monkeypatch, lambda d: d.edits["outlet"].setText("Other"), click="cancel")
    with Project.open(project_path) as p:
        assert edit_document_properties(None, p, 1) is False
    drive(qtbot, monkeypatch, lambda d: None)
    with Project.open(project_path) as p:
        assert edit_document_properties(None, p, 1) is False  # nothing changed, nothing written
    assert doc_row(project_path) == before


def test_read_only_project_shows_why_and_cannot_save(project_path, qtbot):
    with Project.open(project_path, readonly=True) as p:
        dialog = DocumentPropertiesDialog(p, 1)
        qtbot.addWidget(dialog)
        assert not dialog.ok_button.isEnabled()
        assert dialog.edits["title"].isReadOnly()
        assert "read-only" in dialog.problem.text()


@pytest.mark.parametrize("value, ok", [("", True), ("2024", True), ("2024-02", True), ("2024-02-29", True),
                                       ("2024-02-14T10:30:00+01:00", True), ("2023-02-29", False),
                                       ("Feb 2024", True), ("late Feb 2024", False), ("2024-13", False)])
def test_published_dates(value, ok):
    assert (check_published(value) is None) is ok
