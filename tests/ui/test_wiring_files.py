"""The File commands inside the real main window, driven by their keys and menus: importing articles and
annotated exchange files, a whole folder, exporting in every format, a copy, a restore, and a damaged project
restored on opening. The choosers are answered by stubs; everything else is the real dialog and the real file."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

from desktop.formats.exporting import export
from desktop.store import Project
from desktop.ui import backups_dialog, export_dialog, folder_import, import_files

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def tag_two(window):
    for needle, key in (("Dmitry Peskov", "1"), ("legitimacy can be questioned", "3")):
        select_text(window.article, needle)
        QTest.keyClick(window.article, key)


def test_ctrl_i_imports_an_exchange_file_with_its_annotations(open_window, project_path, tmp_path, monkeypatch,
                                                              dialog_log):
    with Project.open(project_path) as p:
        text = p.document_text(1)
        at = text.index("Dmitry Peskov")
        p.create_annotation(1, 1, at, at + 13, speaker="Peskov")
        export(p, tmp_path / "all.qdpx", "qdpx")
    fresh = tmp_path / "fresh.claimdesk"
    Project.open(fresh, create=True).close()
    window = open_window(fresh)
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(import_files, "choose_files", lambda parent, start=None: [tmp_path / "all.qdpx", broken])
    assert not window.article.isVisible()  # an empty project shows its hint instead
    window.actions["import"].trigger()
    assert db_rows(fresh, "SELECT text, speaker FROM annotations") == [("Dmitry Peskov", "Peskov")]
    assert window.documents.model.rowCount() == 1
    assert window.session.document is not None and window.table_panel.model.rowCount() == 1
    (title, summary, sections) = dialog_log.reports[-1]
    assert summary.startswith("1 document imported, 1 annotation") and "1 could not be read" in summary
    assert sections["Could not be read"][0].startswith("broken.qdpx")


def test_ctrl_shift_i_imports_a_folder_once(window, project_path, tmp_path, monkeypatch, dialog_log):
    folder = tmp_path / "articles"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.txt").write_text("The minister said the election was fair.", encoding="utf-8")
    (folder / "2024" / "b.txt").write_text("Opposition leaders called the result illegitimate.", encoding="utf-8")
    (folder / "2024" / "broken.pdf").write_bytes(b"%PDF-1.4\ncut off")
    monkeypatch.setattr(folder_import, "choose_folder", lambda parent, start=None: folder)
    reloads = []
    window.session.documentsChanged.connect(lambda: reloads.append(1))
    QTest.keyClick(window.article, Qt.Key.Key_I, CTRL_SHIFT)
    assert db_rows(project_path, "SELECT count(*) FROM documents") == [(3,)]
    assert window.documents.model.rowCount() == 3 and reloads == [1]
    (title, summary, sections) = dialog_log.reports[-1]
    assert title == "Import Folder" and sections["Could not be read"][0].startswith("2024/broken.pdf: ")
    assert sections["Imported"] == ["b", "a"]
    assert "Opposition leaders" in window.article.text  # the first new document is shown


def drive_export(qtbot, monkeypatch, fmt, out):
    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        button = dialog.format_buttons[fmt]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog, "run_dialog", run)
    monkeypatch.setattr(export_dialog, "choose_output", lambda parent, chosen, suggested: out)


def test_ctrl_shift_e_exports_json_lines_and_w3c(window, tmp_path, qtbot, monkeypatch):
    tag_two(window)
    out = tmp_path / "all.jsonl"
    drive_export(qtbot, monkeypatch, "jsonl", out)
    QTest.keyClick(window.article, Qt.Key.Key_E, CTRL_SHIFT)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["text"] for x in lines] == ["Dmitry Peskov", "legitimacy can be questioned"]
    assert window.statusBar().currentMessage() == f"2 annotations written to {out}"
    out = tmp_path / "all.jsonld"
    drive_export(qtbot, monkeypatch, "w3c", out)
    window.actions["export"].trigger()
    assert len(json.loads(out.read_text(encoding="utf-8"))["first"]["items"]) == 2


def test_file_menu_lists_the_new_commands_in_order(window):
    menu = window.menuBar().actions()[0].menu()
    names = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    assert names == ["New Project\u2026", "Open Project\u2026", "Open Recent", "New Document from Clipboard\u2026",
                     "Import Documents\u2026", "Import Folder\u2026", "Export\u2026", "Export CSV\u2026",
                     "Save a Copy\u2026", "Restore from Backup\u2026", "Close Project", "Quit"]
    keys = {name: window.actions[name].shortcut().toString() for name in (
        "paste_document", "import", "import_folder", "export", "export_csv", "save_copy")}
    assert keys == {"paste_document": "Ctrl+Shift+V", "import": "Ctrl+I", "import_folder": "Ctrl+Shift+I",
                    "export": "Ctrl+Shift+E", "export_csv": "Ctrl+E", "save_copy": "Ctrl+Shift+S"}


def test_ctrl_shift_s_saves_a_complete_copy(window, tmp_path, monkeypatch):
    tag_two(window)
    monkeypatch.setattr(backups_dialog, "choose_copy_path", lambda parent, suggested: tmp_path / "for Maria")
    QTest.keyClick(window.article, Qt.Key.Key_S, CTRL_SHIFT)
    copy = tmp_path / "for Maria.claimdesk"
    assert db_rows(copy, "SELECT text FROM annotations ORDER BY id") == [("Dmitry Peskov",),
                                                                        ("legitimacy can be questioned",)]
    assert window.statusBar().currentMessage() == f"A complete copy was saved to {copy}"
    assert window.session.project is not None  # still open and usable


def choose_backup_with(qtbot, monkeypatch, annotations: str):
    def run(dialog):
        qtbot.addWidget(dialog)
        rows = dialog.rows()
        dialog.table.selectRow([r[3] for r in rows].index(annotations))
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(backups_dialog, "run_dialog", run)


def test_restore_from_backup_reopens_the_project_as_it_was(open_window, project_path, qtbot, monkeypatch,
                                                           dialog_log):
    Project.open(project_path).close()  # a backup holding no annotation
    window = open_window(project_path)
    tag_two(window)
    assert window.table_panel.model.rowCount() == 2
    choose_backup_with(qtbot, monkeypatch, "0")
    window.actions["restore_backup"].trigger()
    assert "Replace the content of work.claimdesk" in dialog_log.confirms[-1]
    assert db_rows(project_path, "SELECT count(*) FROM annotations") == [(0,)]
    assert window.session.path == project_path and window.table_panel.model.rowCount() == 0
    assert window.article.text and window.session.undo_stack.count() == 0
    assert "was restored from the backup of" in window.statusBar().currentMessage()


def test_a_damaged_project_is_offered_a_restore_on_opening(open_window, project_path, qtbot, monkeypatch,
                                                           dialog_log):
    with Project.open(project_path) as p:
        at = p.document_text(1).index("Riyadh")
        p.create_annotation(1, 2, at, at + 6)
    Project.open(project_path).close()  # a backup holding that annotation
    data = bytearray(project_path.read_bytes())
    data[16:24] = b"\xff" * 8  # page size and format bytes of the header
    project_path.write_bytes(bytes(data))
    choose_backup_with(qtbot, monkeypatch, "1")
    window = open_window(project_path)
    assert window is not None and window.session.path == project_path
    assert "is damaged" in dialog_log.confirms[0] and "keeps backups of work.claimdesk" in dialog_log.confirms[0]
    assert db_rows(project_path, "SELECT text FROM annotations") == [("Riyadh",)]
    assert window.table_panel.model.rowCount() == 1


def test_a_damaged_project_without_backups_says_so(open_window, tmp_path, dialog_log):
    path = tmp_path / "lost.claimdesk"
    Project.open(path, create=True).close()
    data = bytearray(path.read_bytes())
    data[16:24] = b"\xff" * 8
    path.write_bytes(bytes(data))
    assert open_window(path) is None
    assert "no backup" in dialog_log.errors[-1][1] and dialog_log.confirms == []
