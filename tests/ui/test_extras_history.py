"""The history dialog reads the project's history table and says, per change, what changed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.store import Project
from desktop.store.reanchor import replace_document_text
from desktop.ui.history_dialog import local_time, show_history


def make_changes(path):
    with Project.open(path) as p:
        p.annotator = "Ana"
        text = p.document_text(1)
        s = text.index("Dmitry Peskov")
        a = p.create_annotation(1, 1, s, s + len("Dmitry Peskov"), speaker="Peskov")
        p.update_annotation(a.id, speaker="Dmitry Peskov", note="first quote")
        p.update_annotation(a.id, tag_type_id=3, stance="questions", target="Volodymyr Zelenskyy")
        p.update_annotation(a.id, start=s, end=s + len("Dmitry"))
        b = p.create_annotation(1, 2, text.index("Riyadh"), text.index("Riyadh") + 6)
        p.delete_annotation(b.id)
        cut = text.index("Dmitry Peskov")
        replace_document_text(p, 1, text[:cut] + "Mr " + text[cut:])
        return a.id, b.id


def test_annotation_history_reads_like_a_story(project_path, qtbot):
    a, _b = make_changes(project_path)
    with Project.open(project_path) as p:
        dialog = show_history(None, p, annotation_id=a)
        qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert [r[1:3] for r in rows] == [("Ana", "Created"), ("Ana", "Edited"), ("Ana", "Edited"), ("Ana", "Edited"),
                                      ("Ana", "Re-anchored")]
    assert rows[0][3].startswith("Quote ") and "\u201cDmitry Peskov\u201d" in rows[0][3]
    assert "speaker: \u201cPeskov\u201d" in rows[0][3]
    assert rows[1][3] == ("speaker: \u201cPeskov\u201d \u2192 \u201cDmitry Peskov\u201d; "
                          "note: (empty) \u2192 \u201cfirst quote\u201d")
    assert rows[2][3].startswith("type: Quote \u2192 Legitimacy assertion; target: (empty) \u2192 "
                                 "\u201cVolodymyr Zelenskyy\u201d; stance: (empty) \u2192 \u201cquestions\u201d")
    assert "span:" in rows[3][3] and "\u201cDmitry\u201d" in rows[3][3]
    assert rows[4][3].startswith("span:")  # moved by the correction
    assert "6 changes" not in dialog.heading.text() and "5 changes" in dialog.heading.text()
    dialog.close()


def test_document_history_includes_deletions_and_the_text_correction(project_path, qtbot):
    a, b = make_changes(project_path)
    with Project.open(project_path) as p:
        dialog = show_history(None, p, document_id=1)
        qtbot.addWidget(dialog)
        title = p.document(1).title
    rows = dialog.rows()
    assert title in dialog.windowTitle()
    assert [r[2] for r in rows] == ["Created", "Edited", "Edited", "Edited", "Created", "Deleted", "Text corrected",
                                    "Re-anchored"]
    assert rows[5][3] == f"#{b}"
    assert rows[5][4].startswith("Claim ") and rows[5][4].endswith("\u201cRiyadh\u201d deleted")
    correction = [r for r in rows if r[2] == "Text corrected"]
    assert len(correction) == 1 and correction[0][3] == "(document)"
    assert "(empty) \u2192 \u201cMr\u201d" in correction[0][4]
    # the tooltip gives one change per line
    index = dialog.model.index(1, 4)
    assert "\n" in dialog.model.data(index, Qt.ItemDataRole.ToolTipRole)
    dialog.close()


def test_local_time_reads_utc_stamps():
    assert local_time("2026-11-25T07:16:25.183Z")[:10] in ("2026-11-25", "2026-11-24", "2026-11-26")
    assert local_time("not a time") == "not a time"


def test_selected_change_is_shown_in_full(project_path, qtbot):
    a, _b = make_changes(project_path)
    with Project.open(project_path) as p:
        dialog = show_history(None, p, annotation_id=a)
        qtbot.addWidget(dialog)
    last = dialog.detail.text()
    assert "Re-anchored" in last  # the newest change is selected at first
    dialog.table.selectRow(2)
    lines = dialog.detail.text().splitlines()
    assert "Ana" in lines[0] and lines[1:] == ["type: Quote \u2192 Legitimacy assertion",
                                                "target: (empty) \u2192 \u201cVolodymyr Zelenskyy\u201d",
                                                "stance: (empty) \u2192 \u201cquestions\u201d"]
    dialog.close()


def test_a_corrected_word_is_named_whole(project_path, qtbot):
    with Project.open(project_path) as p:
        text = p.document_text(1)
        cut = text.index("legal foundations") + len("legal ")
        replace_document_text(p, 1, text[:cut] + "basis" + text[cut + len("foundations"):])
        dialog = show_history(None, p, document_id=1)
        qtbot.addWidget(dialog)
    assert "\u201cfoundations\u201d \u2192 \u201cbasis\u201d" in dialog.rows()[0][4]
    dialog.close()
