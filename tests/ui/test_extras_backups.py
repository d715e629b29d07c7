"""Save a Copy and Restore from Backup, on real files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import db_rows

from desktop.store import Project
from desktop.store.backups import list_backups
from desktop.ui import backups_dialog
from desktop.ui.backups_dialog import BackupsDialog, restore_backup, save_copy


def tag(path, needle="Dmitry Peskov"):
    with Project.open(path) as p:
        s = p.document_text(1).index(needle)
        return p.create_annotation(1, 1, s, s + len(needle)).id


def test_save_a_copy_writes_a_complete_project(project_path, tmp_path, monkeypatch):
    tag(project_path)
    asked = []
    monkeypatch.setattr(backups_dialog, "choose_copy_path",
                        lambda parent, suggested: asked.append(suggested) or tmp_path / "out" / "for Maria")
    with Project.open(project_path) as p:
        written = save_copy(None, p)
        assert p.annotation_count() == 1  # still open and usable
    assert asked[0].name == "work copy.claimdesk"
    assert written == tmp_path / "out" / "for Maria.claimdesk"
    assert db_rows(written, "SELECT count(*) FROM annotations") == [(1,)]
    assert db_rows(written, "SELECT count(*) FROM documents") == [(1,)]


def test_save_a_copy_over_the_project_itself_is_refused(project_path, monkeypatch, dialog_log):
    monkeypatch.setattr(backups_dialog, "choose_copy_path", lambda parent, suggested: project_path)
    with Project.open(project_path) as p:
        assert save_copy(None, p) is None
    assert "cannot replace the open project" in dialog_log.errors[-1][1]
    monkeypatch.setattr(backups_dialog, "choose_copy_path", lambda parent, suggested: None)
    with Project.open(project_path) as p:
        assert save_copy(None, p) is None


@pytest.fixture
def with_backup(project_path):
    """The project opened once (a backup of it with no annotations), then two annotations made."""
    Project.open(project_path).close()
    tag(project_path)
    tag(project_path, "Riyadh")
    return project_path


def drive(qtbot, monkeypatch):
    """Choose the backup that holds no annotations (the oldest), and click Restore."""
    seen = {}

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        seen["rows"] = rows = dialog.rows()
        dialog.table.selectRow([r[3] for r in rows].index("0"))
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(backups_dialog, "run_dialog", run)
    return seen


def test_restore_lists_backups_with_counts_and_replaces_the_project(with_backup, qtbot, monkeypatch, dialog_log):
    seen = drive(qtbot, monkeypatch)
    window_project = Project.open(with_backup)  # as the window holds it
    closed = []
    outcome = restore_backup(None, with_backup, before_restore=lambda: (window_project.close(), closed.append(1)))
    assert [r[1:4] for r in seen["rows"]] == [("on opening", "1", "2"), ("on opening", "1", "1"),
                                              ("on opening", "1", "0")]  # newest first
    assert "Replace the content of work.claimdesk" in dialog_log.confirms[-1]
    assert closed == [1] and outcome and outcome.reopen and outcome.path == with_backup
    assert db_rows(with_backup, "SELECT count(*) FROM annotations") == [(0,)]
    # the state it replaced is kept, and offered for a restore in turn
    kept = [b for b in list_backups(with_backup) if b.kind == "before-restore"]
    assert len(kept) == 1 and db_rows(kept[0].path, "SELECT count(*) FROM annotations") == [(2,)]
    assert "previous state is kept" in outcome.message()
    with Project.open(with_backup) as p:  # the window can open it again
        assert p.annotation_count() == 0


def test_restore_while_the_project_is_still_open_says_so_and_changes_nothing(with_backup, qtbot, monkeypatch,
                                                                             dialog_log):
    drive(qtbot, monkeypatch)
    with Project.open(with_backup):
        outcome = restore_backup(None, with_backup)
    assert outcome is not None and not outcome and not outcome.reopen
    assert "not restored" in dialog_log.errors[-1][1] and "another window" in dialog_log.errors[-1][1]
    assert db_rows(with_backup, "SELECT count(*) FROM annotations") == [(2,)]


def test_declining_or_no_backups_changes_nothing(project_path, with_backup, qtbot, monkeypatch, dialog_log, tmp_path):
    drive(qtbot, monkeypatch)
    dialog_log.confirm_answer = False
    assert restore_backup(None, with_backup, before_restore=lambda: pytest.fail("closed for nothing")) is None
    assert db_rows(with_backup, "SELECT count(*) FROM annotations") == [(2,)]
    with Project.open(tmp_path / "fresh.claimdesk", create=True):
        pass
    assert restore_backup(None, tmp_path / "fresh.claimdesk") is None
    assert "no backups yet" in dialog_log.infos[-1][1]


def test_the_dialog_lists_newest_first_and_needs_a_choice(with_backup, qtbot):
    with Project.open(with_backup) as p:  # changed since the last backup: a second one on opening
        p.backup_now()
    dialog = BackupsDialog(with_backup)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert [r[1] for r in rows] == ["made by hand", "on opening", "on opening", "on opening"]
    assert [r[3] for r in rows] == ["2", "2", "1", "0"]
    dialog.table.clearSelection()
    assert not dialog.restore_button.isEnabled()
