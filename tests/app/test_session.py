"""The session controller and its undo stack, without widgets, against the real project file."""

from __future__ import annotations

import sqlite3

import pytest



@pytest.fixture
def session(open_session):
    s = open_session()
    s.events = []
    s.annotationAdded.connect(lambda a: s.events.append(("added", a.id)))
    s.annotationRemoved.connect(lambda a: s.events.append(("removed", a.id)))
    s.annotationChanged.connect(lambda new, old: s.events.append(("changed", new.id)))
    return s


def rows(path):
    with sqlite3.connect(path) as conn:
        return conn.execute('SELECT id, tag_type_id, start, "end", text, speaker, annotator FROM annotations').fetchall()


def quote_id(session):
    return session.project.find_tag_type("Quote").id


def test_tag_writes_the_file_then_signals(session):
    text = session.text
    start = text.index("Dmitry Peskov")
    ann = session.tag(start, start + len("Dmitry Peskov"), quote_id(session))
    assert ann is not None
    assert rows(session.path) == [(ann.id, quote_id(session), start, start + 13, "Dmitry Peskov", "", "Ana Lyst")]
    assert session.events == [("added", ann.id)]
    assert session.undo_stack.undoText() == "Tag Quote"
    assert session.doc_counts[session.document.id] == 1


def test_undo_redo_keep_the_same_id(session):
    ann = session.tag(0, 8, quote_id(session))
    session.undo_stack.undo()
    assert rows(session.path) == []
    assert ann.id not in session.annotations
    session.undo_stack.redo()
    assert [r[0] for r in rows(session.path)] == [ann.id]
    assert session.annotations[ann.id].uuid == ann.uuid
    assert session.events == [("added", ann.id), ("removed", ann.id), ("added", ann.id)]


def test_failed_tag_leaves_no_phantom_entry(session):
    session.tag(0, 4, quote_id(session))
    count = session.undo_stack.count()
    assert session.tag(5, 5, quote_id(session)) is None  # empty span
    assert session.undo_stack.count() == count
    assert session.undo_stack.undoText() == "Tag Quote"
    assert session.errors and "empty" in session.errors[-1]
    assert len(rows(session.path)) == 1


def test_edit_retype_adjust_delete_and_undo_all(session):
    text = session.text
    start = text.index("Kremlin spokesman")
    ann = session.tag(start, start + 7, quote_id(session))
    legit = session.project.find_tag_type("Legitimacy assertion").id
    assert session.edit(ann.id, speaker="Dmitry Peskov")
    assert session.retype(ann.id, legit)
    assert session.undo_stack.undoText() == "Change type to Legitimacy assertion"
    assert session.adjust_span(ann.id, start, start + 17)
    assert rows(session.path) == [(ann.id, legit, start, start + 17, "Kremlin spokesman", "Dmitry Peskov", "Ana Lyst")]
    assert session.delete(ann.id)
    assert rows(session.path) == []
    assert session.undo_stack.undoText() == "Delete Legitimacy assertion"
    for _ in range(5):
        session.undo_stack.undo()
    assert rows(session.path) == []
    for _ in range(4):
        session.undo_stack.redo()
    assert rows(session.path) == [(ann.id, legit, start, start + 17, "Kremlin spokesman", "Dmitry Peskov", "Ana Lyst")]
    assert session.project_type_counts[legit] == 1


def test_typing_in_one_field_undoes_in_one_step(session):
    ann = session.tag(0, 8, quote_id(session))
    session.edit(ann.id, speaker="D")
    session.edit(ann.id, speaker="Dm")
    session.edit(ann.id, speaker="Dmitry")
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert session.annotations[ann.id].speaker == ""


def test_undo_shows_the_document_it_changes(session, tmp_path):
    first = session.document.id
    ann = session.tag(0, 8, quote_id(session))
    new_ids, problems = session.import_files([_write(tmp_path / "b.txt", "Another article about nothing.")])
    assert problems == [] and len(new_ids) == 1
    session.open_document(new_ids[0])
    session.undo_stack.undo()
    assert session.document.id == first
    assert ann.id not in session.annotations


def test_annotator_kept_in_project_settings(session):
    assert session.project.get_setting("annotator") == "Ana Lyst"
    session.set_annotator("B. Analyst")
    assert session.project.get_setting("annotator") == "B. Analyst"


def test_selection_is_remembered(session):
    ann = session.tag(0, 8, quote_id(session))
    session.select(ann.id)
    session.flush_settings()
    assert session.project.get_setting("selected_annotation") == ann.id


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_failed_change_keeps_the_redo_history(session):
    ann = session.tag(0, 8, quote_id(session))
    session.undo_stack.undo()
    assert session.tag(3, 3, quote_id(session)) is None
    assert session.undo_stack.canRedo()
    session.undo_stack.redo()
    assert [r[0] for r in rows(session.path)] == [ann.id]


def test_failed_undo_is_dropped_and_reported(session):
    ann = session.tag(0, 8, quote_id(session))
    # another program deletes the row behind the window's back
    with sqlite3.connect(session.path) as conn:
        conn.execute("DELETE FROM annotations WHERE id = ?", [ann.id])
    conn.close()
    session.undo_stack.undo()
    assert session.errors and str(ann.id) in session.errors[-1]
    assert session.undo_stack.count() == 0


def test_undo_puts_back_a_stance_the_codebook_no_longer_offers(session):
    legit = session.project.find_tag_type("3")
    ann = session.tag(0, 8, legit.id, {"stance": "questions"})
    assert session.edit(ann.id, stance="denies")
    fields = [f if f.name != "stance" else type(f)(name="stance", choices=("denies", "affirms")) for f in legit.fields]
    session.update_tag_type(legit.id, fields=fields)
    session.undo_stack.undo()
    assert not session.errors
    with sqlite3.connect(session.path) as conn:
        assert conn.execute("SELECT stance FROM annotations WHERE id = ?", [ann.id]).fetchone() == ("questions",)
    session.undo_stack.redo()
    with sqlite3.connect(session.path) as conn:
        assert conn.execute("SELECT stance FROM annotations WHERE id = ?", [ann.id]).fetchone() == ("denies",)
