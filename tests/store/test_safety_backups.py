"""Backups: rolling copies on opening (the newest five kept), Save a Copy, listing and restoring."""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from desktop.store import Project, ProjectError, ProjectLocked
from desktop.store.backups import BACKUPS_KEPT, backups_dir, list_backups, restore_file
from desktop.store.errors import CorruptProject


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def notes(path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in conn.execute("SELECT note FROM annotations ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "work.claimdesk"
    with Project.open(p, create=True) as project:
        project.add_document("Peskov said Zelenskyy's legitimacy can be questioned. 🇺🇦 Then he left.", "doc")
    return p


def session(path, note):
    with Project.open(path) as p:
        p.create_annotation(1, 1, 0, 6, note=note)


def test_rolling_backups_keep_the_newest_five_each_a_whole_project(path):
    for i in range(8):
        session(path, f"session {i}")
    found = list_backups(path)
    assert [b.kind for b in found] == ["opened"] * BACKUPS_KEPT == ["opened"] * 5
    assert found[0].path.parent == path.parent / "work.backups"
    # The newest was taken when the last session opened: it holds everything before that session.
    assert notes(found[0].path) == [f"session {i}" for i in range(7)]
    assert notes(found[-1].path) == [f"session {i}" for i in range(3)]
    for b in found:
        assert b.path.read_bytes()[18:20] == b"\x01\x01" and b.size == b.path.stat().st_size


def test_no_new_backup_when_nothing_changed(path):
    session(path, "one")
    with Project.open(path):
        pass
    count = len(list_backups(path))
    for _ in range(3):
        with Project.open(path):
            pass
    assert len(list_backups(path)) == count


def test_one_shot_commands_and_read_only_opens_take_no_backup(path):
    with Project.open(path, readonly=True):
        pass
    with Project.open(path, backup=False):
        pass
    assert list_backups(path) == [] and not backups_dir(path).exists()


def test_backup_failure_does_not_stop_the_analyst_but_is_reported(path):
    session(path, "one")
    shutil.rmtree(backups_dir(path))
    backups_dir(path).write_text("not a folder", encoding="utf-8")
    with Project.open(path) as p:
        assert not p.readonly
        assert p.backup_warning and "no backup was made" in p.backup_warning


def test_save_a_copy_writes_a_whole_project_and_keeps_working(path, tmp_path):
    session(path, "before the copy")
    dest = tmp_path / "elsewhere" / "copy of work.claimdesk"
    with Project.open(path) as p:
        assert p.save_copy(dest) == dest
        p.create_annotation(1, 2, 7, 11, note="after the copy")
    assert notes(dest) == ["before the copy"]
    assert notes(path) == ["before the copy", "after the copy"]
    assert sorted(os.listdir(dest.parent)) == ["copy of work.claimdesk"]  # no temporary or lock file left
    with Project.open(dest) as copy:
        assert not copy.readonly and copy.document_text(1).endswith("Then he left.")


def test_save_a_copy_refuses_the_project_itself_and_an_open_project(path, tmp_path):
    other = tmp_path / "other.claimdesk"
    with Project.open(other, create=True):
        pass
    with Project.open(path) as p:
        with pytest.raises(ProjectError, match="cannot replace the open project itself"):
            p.save_copy(path)
        with Project.open(other):
            with pytest.raises(ProjectLocked):
                p.save_copy(other)
    with Project.open(path, readonly=True) as p:  # a read-only window can still save a copy
        p.save_copy(tmp_path / "from-read-only.claimdesk")
    assert notes(tmp_path / "from-read-only.claimdesk") == []


def test_restore_a_backup_into_the_open_project_keeping_the_current_state(path):
    session(path, "good work")
    with Project.open(path) as p:
        good = p.backup_now()
        assert good.kind == "manual"
        p.delete_annotation(1)
        p.create_annotation(1, 2, 7, 11, note="mistake")
        kept = p.restore_backup(good.path)
        assert [a.note for a in p.annotations()] == ["good work"]
        assert p.document_text(1).startswith("Peskov")
        p.create_annotation(1, 3, 12, 21, note="after restoring")  # still writable
    assert kept.kind == "before-restore" and notes(kept.path) == ["mistake"]
    assert notes(path) == ["good work", "after restoring"]
    assert {b.kind for b in list_backups(path)} >= {"manual", "before-restore"}


def test_read_only_window_cannot_restore(path):
    session(path, "x")
    with Project.open(path) as writer, Project.open(path) as reader:
        backup = writer.backup_now()
        with pytest.raises(ProjectLocked):
            reader.restore_backup(backup.path)


def test_restore_refuses_a_bad_backup_and_changes_nothing(path, tmp_path):
    session(path, "kept")
    bogus = tmp_path / "bogus.claimdesk"
    bogus.write_text("not a project", encoding="utf-8")
    with Project.open(path) as p:
        before = sha(path)
        with pytest.raises(ProjectError, match="not an SQLite file"):
            p.restore_backup(bogus)
        assert sha(path) == before and [a.note for a in p.annotations()] == ["kept"]


def test_a_damaged_project_is_restored_from_its_newest_backup(path):
    session(path, "first")
    session(path, "second")  # its opening backed up "first"
    newest = list_backups(path)[0]
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'annotations'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\x0d\xff\xff\xff\xff")
    damaged = sha(path)
    with pytest.raises(CorruptProject):
        Project.open(path)
    kept = restore_file(path, newest.path)
    assert kept.kind == "damaged" and sha(kept.path) == damaged  # the damaged bytes are kept, as they were
    with Project.open(path) as p:
        assert [a.note for a in p.annotations()] == ["first"] and p.integrity_ok()


def test_restore_file_refuses_while_the_project_is_open_for_writing(path):
    session(path, "x")
    with Project.open(path) as p:
        backup = p.backup_now()
        with pytest.raises(ProjectLocked):
            restore_file(path, backup.path)


def run(*args):
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8")


def test_command_line_backup_list_and_restore(path, tmp_path):
    session(path, "one")
    proc = run("backup", path)
    assert proc.returncode == 0
    manual = proc.stdout.strip()
    assert manual.endswith("manual.claimdesk") and os.path.exists(manual)
    copy = tmp_path / "copy.claimdesk"
    assert run("backup", path, "-o", copy).returncode == 0 and notes(copy) == ["one"]
    session(path, "two")
    listing = run("restore", path).stdout.strip().splitlines()
    assert listing[0].startswith("1\t") and any(manual in line for line in listing)
    number = next(line.split("\t")[0] for line in listing if manual in line)
    proc = run("restore", path, number)
    assert proc.returncode == 0 and "restored work.claimdesk" in proc.stdout
    assert notes(path) == ["one"]
    proc = run("restore", path, "99")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "no backup number 99" in proc.stderr
