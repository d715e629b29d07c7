"""Document properties read the dates analysts write and save them as YYYY-MM-DD; a bad one is explained beside
the field, and the Note box keeps its height."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import db_rows

from desktop.store import Project
from desktop.ui import document_properties
from desktop.ui.document_properties import DocumentPropertiesDialog, edit_document_properties


def published(path):
    return db_rows(path, "SELECT published FROM documents")[0][0]


@pytest.mark.parametrize("typed, stored", [
    ("25/11/2024", "2024-11-25"), ("25.11.2024", "2024-11-25"), ("2024/11/25", "2024-11-25"),
    ("25 November 2024", "2024-11-25"), ("Nov 25, 2024", "2024-11-25"), ("11/25/2024", "2024-11-25"),
    ("November 2024", "2024-11"), ("2024-11-25", "2024-11-25"),
])
def test_common_date_forms_are_saved_as_iso(project_path, qtbot, monkeypatch, typed, stored):
    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        edit = dialog.edits["published"]
        edit.setFocus()
        qtbot.keyClicks(edit, typed)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(document_properties, "run_dialog", run)
    with Project.open(project_path) as p:
        assert edit_document_properties(None, p, 1) is True
    assert published(project_path) == stored


def test_bad_date_is_explained_beside_the_field_and_the_note_keeps_its_height(project_path, qtbot):
    with Project.open(project_path) as p:
        dialog = DocumentPropertiesDialog(p, 1)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        note = dialog.edits["note"]
        note_height = note.height()
        edit = dialog.edits["published"]
        edit.setFocus()
        qtbot.keyClicks(edit, "31/02/2024")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.date_error.isVisible() and dialog.date_error.text() == "There is no such date."
        qtbot.wait(10)
        # right under the date field, above the next field; the note box is as tall as before
        error_top = dialog.date_error.mapTo(dialog, dialog.date_error.rect().topLeft()).y()
        edit_bottom = edit.mapTo(dialog, edit.rect().bottomLeft()).y()
        language_top = dialog.edits["language"].mapTo(dialog, dialog.edits["language"].rect().topLeft()).y()
        assert edit_bottom <= error_top < language_top
        assert note.height() == note_height
        assert not note.visibleRegion().isEmpty()
        # typing again hides the message; a readable date is shown in ISO form when the field is left
        edit.selectAll()
        qtbot.keyClicks(edit, "Nov 25, 2024")
        assert not dialog.date_error.isVisible()
        dialog.edits["language"].setFocus()
        assert edit.text() == "2024-11-25"
    assert published(project_path) == ""
