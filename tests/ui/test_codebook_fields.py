"""Renaming or removing a custom field in the codebook editor keeps the values annotations hold under it."""

from __future__ import annotations

import csv
import json

import pytest
from ui_helpers import db_rows

from desktop.domain.model import FieldSpec
from desktop.formats.exporting import export
from desktop.store import Project
from desktop.ui import dialogs
from desktop.ui.codebook_editor import CodebookEditor


@pytest.fixture
def field_project(project_path):
    """Claim has a custom field 'strength'; two claims hold a value, one does not, and a quote holds a stray
    'strength' value of its own (another type: never touched)."""
    with Project.open(project_path) as p:
        claim, quote = p.find_tag_type("Claim"), p.find_tag_type("Quote")
        p.update_tag_type(claim.id, fields=(FieldSpec("speaker"), FieldSpec("strength", ("weak", "strong"))))
        doc = p.documents()[0].id
        text = p.document_text(doc)
        spans = [(text.index(w), text.index(w) + len(w)) for w in ("Dmitry Peskov", "Kremlin", "Zelenskyy")]
        a = p.create_annotation(doc, claim.id, *spans[0], fields={"strength": "weak"})
        b = p.create_annotation(doc, claim.id, *spans[1], fields={"strength": "strong"})
        c = p.create_annotation(doc, claim.id, *spans[2])
        q = p.create_annotation(doc, quote.id, spans[2][0], spans[2][1] - 1, fields={"strength": "loud"})
    return {"claim": claim.id, "a": a.id, "b": b.id, "c": c.id, "q": q.id}


def fields_in_file(path):
    return {i: json.loads(f) for i, f in db_rows(path, "SELECT id, fields FROM annotations")}


def type_fields_in_file(path, name="Claim"):
    return [f["name"] for f in json.loads(db_rows(path, "SELECT fields FROM tag_types WHERE name = ?", [name])[0][0])]


def open_claim(window, qtbot):
    editor = CodebookEditor(window.session, window)
    qtbot.addWidget(editor)
    editor.show()
    for i in range(editor.list.count()):
        if editor.list.item(i).text().startswith("Claim"):
            editor.list.setCurrentRow(i)
    return editor


def field_row(editor, name):
    for row in range(editor.fields.rowCount()):
        if editor.fields.item(row, 0).text() == name:
            return row
    raise AssertionError(name)


def csv_rows(project_path, tmp_path):
    out = tmp_path / "out.csv"
    with Project.open(project_path, readonly=True) as p:
        export(p, out, "csv")
    with open(out, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def test_rename_carries_values_over(field_project, window, project_path, qtbot, dialog_log, tmp_path):
    ids = field_project
    window.session.select(ids["a"])
    editor = open_claim(window, qtbot)
    editor.fields.item(field_row(editor, "strength"), 0).setText("force")
    assert dialog_log.field_renames == [("Claim", "strength", "force", 2)]
    assert type_fields_in_file(project_path) == ["speaker", "force"]
    stored = fields_in_file(project_path)
    assert stored[ids["a"]] == {"force": "weak"} and stored[ids["b"]] == {"force": "strong"}
    assert stored[ids["c"]] == {} and stored[ids["q"]] == {"strength": "loud"}
    # each changed annotation is in the history as an update, with the old name in its before image
    with Project.open(project_path, readonly=True) as p:
        updates = [h for h in p.history() if h["action"] == "update"]
    assert sorted(h["annotation_id"] for h in updates) == [ids["a"], ids["b"]]
    assert all(h["before"]["fields"].keys() == {"strength"} for h in updates)
    # the CSV has the values under the new column; the form shows the value in the renamed field
    by_id = {int(r["annotation_id"]): r for r in csv_rows(project_path, tmp_path)}
    assert by_id[ids["a"]]["force"] == "weak" and by_id[ids["b"]]["force"] == "strong"
    assert "strength" not in by_id[ids["a"]]
    assert list(window.form.custom) == ["force"]
    assert window.form.custom["force"].currentData() == "weak"
    # a later edit of the table does not ask again
    editor.fields.item(field_row(editor, "force"), 1).setText("weak, strong, total")
    assert len(dialog_log.field_renames) == 1
    assert fields_in_file(project_path)[ids["a"]] == {"force": "weak"}


def test_rename_only_or_cancel(field_project, window, project_path, qtbot, dialog_log):
    ids = field_project
    editor = open_claim(window, qtbot)
    dialog_log.rename_answer = None  # cancel: nothing changes, the old name is shown again
    editor.fields.item(field_row(editor, "strength"), 0).setText("force")
    assert type_fields_in_file(project_path) == ["speaker", "strength"]
    assert editor.fields.item(1, 0).text() == "strength"
    dialog_log.rename_answer = dialogs.KEEP_VALUES
    editor.fields.item(field_row(editor, "strength"), 0).setText("force")
    assert type_fields_in_file(project_path) == ["speaker", "force"]
    assert fields_in_file(project_path)[ids["a"]] == {"strength": "weak"}


def test_remove_field_warns_with_count_and_asks(field_project, window, project_path, qtbot, dialog_log):
    ids = field_project
    editor = open_claim(window, qtbot)
    dialog_log.confirm_answer = False
    editor.fields.setCurrentCell(field_row(editor, "strength"), 0)
    editor.remove_field()
    assert "2 annotations" in dialog_log.confirms[-1] and "strength" in dialog_log.confirms[-1]
    assert type_fields_in_file(project_path) == ["speaker", "strength"]
    assert editor.fields.rowCount() == 2
    dialog_log.confirm_answer = True
    editor.fields.setCurrentCell(field_row(editor, "strength"), 0)
    editor.remove_field()
    assert type_fields_in_file(project_path) == ["speaker"]
    assert fields_in_file(project_path)[ids["a"]] == {"strength": "weak"}  # kept in the file
    # a field nobody filled in goes without a question
    asked = len(dialog_log.confirms)
    editor.fields.setCurrentCell(field_row(editor, "speaker"), 0)
    editor.remove_field()
    assert len(dialog_log.confirms) == asked
    assert type_fields_in_file(project_path) == []
