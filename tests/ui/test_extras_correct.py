"""Correcting a document's text in the dialog: annotations follow their text, lost ones become orphans that the
orphan list shows, and untouched characters stay exactly as stored."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from ui_helpers import db_rows, utf16

from desktop.store import Project
from desktop.ui import correct_text, report_dialog
from desktop.domain.anchor import merge_edit
from desktop.ui.correct_text import correct_document_text
from desktop.ui.orphan_list import show_orphans


@pytest.fixture
def shown_reports(monkeypatch):
    shown = []
    monkeypatch.setattr(report_dialog, "show_report",
                        lambda parent, title, summary, sections: shown.append((title, summary, sections)))
    return shown


def drive(qtbot, monkeypatch, edit):
    seen = {}

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        seen["dialog"] = dialog
        edit(dialog.editor)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["open_after"] = dialog.isVisible()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(correct_text, "run_dialog", run)
    return seen


def select(editor, start, end):
    c = editor.textCursor()
    c.setPosition(start)
    c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(c)


def type_at(qtbot, editor, position, text):
    select(editor, position, position)
    qtbot.keyClicks(editor, text)


@pytest.fixture
def tagged(project_path):
    with Project.open(project_path) as p:
        text = p.document_text(1)
        ids = {}
        for name, needle, type_id in (("peskov", "Dmitry Peskov", 1), ("legal", "legal foundations", 2),
                                      ("riyadh", "Riyadh", 2)):
            s = text.index(needle)
            ids[name] = p.create_annotation(1, type_id, s, s + len(needle), speaker="Dmitry Peskov").id
    return ids


def annotations_in_file(path):
    return {r[0]: r[1:] for r in db_rows(path, 'SELECT id, start, "end", text, orphan FROM annotations')}


def test_correction_moves_annotations_and_orphans_the_lost_one(project_path, tagged, qtbot, monkeypatch,
                                                               dialog_log, shown_reports):
    with Project.open(project_path) as p:
        old = p.document_text(1)
    head = old.index("Kremlin spokesman")
    cut = old.index("legal foundations of ")

    def edit(editor):
        select(editor, cut, cut + len("legal foundations of "))  # no surrogate pairs before this point
        editor.textCursor().removeSelectedText()
        type_at(qtbot, editor, head, "UPDATED ")

    drive(qtbot, monkeypatch, edit)
    with Project.open(project_path) as p:
        report = correct_document_text(None, p, 1)
    expected = old[:head] + "UPDATED " + old[head:cut] + old[cut + len("legal foundations of "):]
    text = db_rows(project_path, "SELECT text FROM documents WHERE id = 1")[0][0]
    assert text == expected
    anns = annotations_in_file(project_path)
    for key in ("peskov", "riyadh"):
        start, end, ann_text, orphan = anns[tagged[key]]
        assert text[start:end] == ann_text and orphan == 0
    assert anns[tagged["peskov"]][0] == old.index("Dmitry Peskov") + len("UPDATED ")
    assert anns[tagged["legal"]][2:] == ("legal foundations", 1)
    # the analyst was told before saving, and shown the orphans after
    assert "The text of 1 annotation is no longer" in dialog_log.confirms[-1]
    assert "legal foundations" in dialog_log.confirms[-1]
    title, summary, sections = shown_reports[-1]
    assert "1 orphan(s) to fix" in summary
    assert sections[0].lines == ["Claim \u201clegal foundations\u201d (Dmitry Peskov)"]
    assert [a.id for a in report.orphans] == [tagged["legal"]]
    # history holds the old text
    doc_rows = db_rows(project_path, "SELECT before FROM history WHERE action = 'reanchor' AND annotation_id IS NULL")
    assert json.loads(doc_rows[0][0])["text"] == old


def test_declining_the_orphan_warning_saves_nothing(project_path, tagged, qtbot, monkeypatch, dialog_log,
                                                    shown_reports):
    with Project.open(project_path) as p:
        old = p.document_text(1)
    cut = old.index("legal foundations")
    dialog_log.confirm_answer = False
    seen = drive(qtbot, monkeypatch, lambda e: (select(e, cut, cut + 5), e.textCursor().removeSelectedText()))
    before = annotations_in_file(project_path)
    with Project.open(project_path) as p:
        assert correct_document_text(None, p, 1) is None
    assert seen["open_after"]  # still open for more editing
    assert db_rows(project_path, "SELECT text FROM documents WHERE id = 1")[0][0] == old
    assert annotations_in_file(project_path) == before and not shown_reports


def test_untouched_characters_stay_as_stored(project, qtbot, monkeypatch, shown_reports, tmp_path):
    odd = "Alpha\u00a0beta\u2028gamma \U0001F600.\nA typo here.\n\nLast\u00a0line"
    doc = project.add_document(odd, "Odd characters")
    path = project.path
    project.close()

    def edit(editor):
        raw = editor.document().toRawText()
        at = utf16(raw, raw.index("typo"))  # Qt counts the emoji before it as two
        select(editor, at, at + 4)
        qtbot.keyClicks(editor, "fixed")
        editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, "New line")

    drive(qtbot, monkeypatch, edit)
    with Project.open(path) as p:
        assert correct_document_text(None, p, doc.id) is not None
        assert p.document_text(doc.id) == "Alpha\u00a0beta\u2028gamma \U0001F600.\nA fixed here.\nNew line\n\nLast\u00a0line"


def test_unchanged_text_writes_nothing(project_path, qtbot, monkeypatch, shown_reports):
    drive(qtbot, monkeypatch, lambda e: None)
    with Project.open(project_path) as p:
        assert correct_document_text(None, p, 1) is None
    assert db_rows(project_path, "SELECT count(*) FROM history") == [(0,)] and not shown_reports


def test_orphan_list_shows_and_activates_orphans(project_path, tagged, qtbot):
    with Project.open(project_path) as p:
        text = p.document_text(1)
        cut = text.index("legal foundations")
        from desktop.store.reanchor import replace_document_text

        replace_document_text(p, 1, text[:cut] + text[cut + len("legal foundations"):])
        dialog = show_orphans(None, p)
        qtbot.addWidget(dialog)
        assert dialog.rows() == [(p.document(1).title, "Claim", "legal foundations", "Dmitry Peskov", "")]
        with qtbot.waitSignal(dialog.annotationActivated) as signal:
            qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
        assert signal.args == [1, tagged["legal"]]
        # placed again: the list empties on refresh
        new_text = p.document_text(1)
        s = new_text.index("Riyadh")
        p.update_annotation(tagged["legal"], start=s, end=s + 6)
        dialog.refresh()
        assert dialog.rows() == [] and "No orphans" in dialog.summary.text()
        dialog.close()


def test_merge_edit_keeps_the_stored_text_outside_the_edit():
    stored = "a\u00a0b\nc"
    raw = "a\u00a0b\u2029c"
    assert merge_edit(stored, raw, raw) == stored
    assert merge_edit(stored, raw, "a\u00a0b\u2029cd\u2029e") == "a\u00a0b\ncd\ne"
    assert merge_edit("aaaa", "aaaa", "aaaaa") == "aaaaa"
    assert merge_edit("abcabc", "abcabc", "abc") == "abc"
