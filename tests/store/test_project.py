"""The project file: schema contract, committed writes, history, validation."""

import sqlite3

import pytest

from desktop.domain.model import ClaimdeskError, InvalidSpan
from desktop.store import DuplicateDocument, Project
from desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION


def _rows(path, sql, params=()):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_new_project_is_a_plain_sqlite_file_with_the_contract(project):
    path = project.path
    assert _rows(path, "PRAGMA application_id")[0][0] == APPLICATION_ID
    assert _rows(path, "PRAGMA user_version")[0][0] == SCHEMA_VERSION
    tables = {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "tag_types", "annotations", "history", "settings"} <= tables
    assert project.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    cols = {r[1] for r in _rows(path, "PRAGMA table_info(annotations)")}
    assert {"id", "document_id", "tag_type_id", "start", "end", "text", "prefix", "suffix", "speaker", "target",
            "stance", "note", "annotator", "created_at", "updated_at"} <= cols


def test_default_codebook(project):
    types = project.tag_types()
    assert [(t.name, t.key) for t in types] == [("Quote", "1"), ("Claim", "2"), ("Legitimacy assertion", "3")]
    legit = types[2]
    assert legit.field_names() == ("speaker", "target", "stance")
    assert dict((f.name, f.choices) for f in legit.fields)["stance"] == ("questions", "denies", "affirms", "asserts")
    assert len({t.color for t in types}) == 3


def test_tag_is_in_the_file_before_the_call_returns(project, sample_doc):
    text = sample_doc.text
    start = text.index("Zelenskyy’s legitimacy")
    end = start + len("Zelenskyy’s legitimacy can be questioned")
    ann = project.create_annotation(sample_doc.id, project.find_tag_type("3").id, start, end,
                                    speaker="Dmitry Peskov", target="Volodymyr Zelenskyy", stance="questions")
    # A second, independent connection sees it: it is committed.
    row = _rows(project.path, 'SELECT start, "end", text, speaker, stance FROM annotations WHERE id = ?', [ann.id])
    assert row == [(start, end, "Zelenskyy’s legitimacy can be questioned", "Dmitry Peskov", "questions")]
    assert ann.prefix == text[start - 32 : start] and ann.suffix == text[end : end + 32]


def test_invalid_spans_and_values_are_refused_and_nothing_is_written(project, sample_doc):
    quote = project.find_tag_type("quote").id
    with pytest.raises(InvalidSpan, match="outside"):
        project.create_annotation(sample_doc.id, quote, 10, 10**6)
    with pytest.raises(InvalidSpan, match="empty"):
        project.create_annotation(sample_doc.id, quote, 10, 10)
    with pytest.raises(ClaimdeskError, match="stance must be one of"):
        project.create_annotation(sample_doc.id, project.find_tag_type("3").id, 10, 20, stance="maybe")
    assert _rows(project.path, "SELECT count(*) FROM annotations") == [(0,)]


def test_update_delete_restore_and_history(project, sample_doc):
    quote, claim = project.find_tag_type("Quote").id, project.find_tag_type("claim").id
    ann = project.create_annotation(sample_doc.id, quote, 0, 8)
    changed = project.update_annotation(ann.id, tag_type_id=claim, note="check source", start=2, end=8)
    assert changed.text == sample_doc.text[2:8] and changed.tag_type_id == claim
    gone = project.delete_annotation(ann.id)
    assert _rows(project.path, "SELECT count(*) FROM annotations") == [(0,)]
    back = project.restore_annotation(gone)
    assert back.id == ann.id and back.note == "check source"
    actions = [h["action"] for h in project.history(annotation_id=ann.id)]
    assert actions == ["create", "update", "delete", "create"]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        project.db.execute("DELETE FROM history")


def test_duplicate_text_is_reported_not_imported_twice(project, sample_doc):
    with pytest.raises(DuplicateDocument) as info:
        project.add_document("\ufeff" + sample_doc.text.replace("\n", "\r\n"), "again")
    assert info.value.existing_id == sample_doc.id
    assert project.document_count() == 1


def test_text_is_stored_canonically(project):
    doc = project.add_document("\ufeffline one\r\nline two\rend", "t")
    assert doc.text == "line one\nline two\nend"
    assert _rows(project.path, "SELECT text FROM documents") == [("line one\nline two\nend",)]


def test_reopen_keeps_everything_and_settings(tmp_path, sample_path):
    from desktop.formats.importing import import_file

    path = tmp_path / "p.claimdesk"
    with Project.open(path, create=True) as p:
        doc = import_file(p, sample_path)
        p.create_annotation(doc.id, 1, 0, 8, speaker="JND")
        p.set_setting("last_document", doc.id)
    with Project.open(path) as p:
        assert p.get_setting("last_document") == doc.id
        assert [a.speaker for a in p.annotations(doc.id)] == ["JND"]


def test_codebook_changes(project, sample_doc):
    t = project.add_tag_type("Denial", "#009E73", key="4", fields=[{"name": "speaker"}, {"name": "source_type",
                                                                                          "choices": ["TV", "print"]}])
    assert project.find_tag_type("4").name == "Denial"
    with pytest.raises(ClaimdeskError, match="taken"):
        project.add_tag_type("Other", "#000000", key="4")
    with pytest.raises(ClaimdeskError, match="colour"):
        project.update_tag_type(t.id, color="red")
    project.create_annotation(sample_doc.id, t.id, 0, 8, fields={"source_type": "TV"})
    assert project.custom_field_names() == ["source_type"]
    assert project.count_annotations_of_type(t.id) == 1
    assert project.delete_tag_type(t.id) == 1
    assert project.annotation_count() == 0


def test_editing_an_orphan_keeps_its_own_text(project, sample_doc):
    ann = project.create_annotation(sample_doc.id, 1, 0, 8)
    # An orphan: its quote no longer stands at its offsets (as after a correction of the document's text).
    project.db.execute("UPDATE annotations SET orphan = 1, text = 'gone!!!!' WHERE id = ?", [ann.id])
    project.db.conn.commit()
    edited = project.update_annotation(ann.id, note="checked", speaker="JND")
    assert edited.text == "gone!!!!" and edited.orphan and edited.note == "checked"
    placed = project.update_annotation(ann.id, start=2, end=8)
    assert placed.text == sample_doc.text[2:8] and not placed.orphan


def test_annotation_ids_are_never_given_twice(project, sample_doc):
    first = project.create_annotation(sample_doc.id, 1, 0, 8)
    newest = project.create_annotation(sample_doc.id, 1, 10, 20)
    project.delete_annotation(newest.id)
    again = project.create_annotation(sample_doc.id, 1, 30, 40)
    assert again.id > newest.id > first.id
    project.delete_annotation(again.id)
    assert project.restore_annotation(again).id == again.id  # undo of a delete keeps its id


def test_narrowing_a_choice_list_never_locks_existing_annotations(project, sample_doc):
    legit = project.find_tag_type("3")
    ann = project.create_annotation(sample_doc.id, legit.id, 0, 8, stance="questions")
    fields = [f if f.name != "stance" else type(f)(name="stance", choices=("denies", "affirms")) for f in legit.fields]
    project.update_tag_type(legit.id, fields=fields)
    edited = project.update_annotation(ann.id, note="still editable")
    assert edited.note == "still editable" and edited.stance == "questions"
    with pytest.raises(ClaimdeskError, match="stance must be one of denies, affirms"):
        project.update_annotation(ann.id, stance="asserts")


def test_an_undo_may_put_back_a_value_the_choices_no_longer_list(project, sample_doc):
    legit = project.find_tag_type("3")
    ann = project.create_annotation(sample_doc.id, legit.id, 0, 8, stance="questions")
    project.update_annotation(ann.id, stance="denies")
    fields = [f if f.name != "stance" else type(f)(name="stance", choices=("denies", "affirms")) for f in legit.fields]
    project.update_tag_type(legit.id, fields=fields)
    with pytest.raises(ClaimdeskError, match="stance must be one of"):
        project.update_annotation(ann.id, stance="questions")
    assert project.update_annotation(ann.id, stance="questions", restoring=True).stance == "questions"
