"""Write failures: a full disk or an I/O error keeps nothing of the change, says so clearly, and the file stays
consistent. The full disk is real (SQLITE_FULL through PRAGMA max_page_count); the I/O error is injected at the
commit through a connection class that fails on cue."""

import hashlib
import sqlite3

import pytest

from desktop.store import Project, WriteFailed
from desktop.store import project as project_module


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fresh_rows(path, sql):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def full_disk(tmp_path):
    """An open project whose disk is 'full': the file may not grow by a single page."""
    path = tmp_path / "full.claimdesk"
    p = Project.open(path, create=True)
    p.add_document("Peskov said that Zelenskyy's legitimacy can be questioned. 🇺🇦", "doc")
    p.create_annotation(1, 1, 0, 6, speaker="JND")
    pages = p.db.execute("PRAGMA page_count").fetchone()[0]
    p.db.execute(f"PRAGMA max_page_count = {pages}")
    yield p
    p.close()


def test_full_disk_on_import_keeps_nothing_and_says_the_disk_is_full(full_disk):
    path = full_disk.path
    before = sha(path)
    with pytest.raises(WriteFailed, match="disk is full; the change was not saved"):
        full_disk.add_document("A long article. " * 50_000, "too big")
    assert full_disk.document_count() == 1
    assert sha(path) == before  # rolled back: byte-for-byte the file as it was
    assert fresh_rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert fresh_rows(path, "SELECT count(*) FROM documents") == [(1,)]


def test_full_disk_on_a_tag_keeps_no_annotation_and_no_history(full_disk):
    path = full_disk.path
    with pytest.raises(WriteFailed, match="disk is full"):
        full_disk.create_annotation(1, 2, 7, 16, note="a very long note " * 4000)
    assert fresh_rows(path, "SELECT count(*) FROM annotations") == [(1,)]
    assert fresh_rows(path, "SELECT count(*) FROM history") == [(1,)]
    assert fresh_rows(path, "PRAGMA integrity_check") == [("ok",)]
    # Once there is room again, the same project goes on working.
    full_disk.db.execute("PRAGMA max_page_count = 1073741823")
    ann = full_disk.create_annotation(1, 2, 7, 16, note="a very long note " * 4000)
    assert fresh_rows(path, f"SELECT count(*) FROM annotations WHERE id = {ann.id}") == [(1,)]


class FailingCommit(sqlite3.Connection):
    """A connection whose next COMMIT fails as a failing disk makes it fail."""

    fail_next_commit = False

    def execute(self, sql, *args):
        if FailingCommit.fail_next_commit and sql.strip().upper().startswith("COMMIT"):
            FailingCommit.fail_next_commit = False
            raise sqlite3.OperationalError("disk I/O error")
        return super().execute(sql, *args)


@pytest.fixture
def failing_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(project_module, "CONNECTION_FACTORY", FailingCommit)
    p = Project.open(tmp_path / "io.claimdesk", create=True)
    p.add_document("Peskov said that Zelenskyy's legitimacy can be questioned.", "doc")
    assert isinstance(p.db.conn, FailingCommit)
    yield p
    FailingCommit.fail_next_commit = False
    p.close()


@pytest.mark.parametrize("change", [
    lambda p: p.create_annotation(1, 1, 0, 6),
    lambda p: p.update_annotation(1, speaker="changed"),
    lambda p: p.delete_annotation(1),
    lambda p: p.set_setting("scroll", 120),
    lambda p: p.add_document("Another article entirely.", "second"),
], ids=["create", "update", "delete", "setting", "import"])
def test_io_error_at_commit_keeps_nothing_and_says_so(failing_disk, change):
    p = failing_disk
    p.create_annotation(1, 1, 7, 16, speaker="kept")
    before = sha(p.path)
    FailingCommit.fail_next_commit = True
    with pytest.raises(WriteFailed, match="disk reported an error; the change was not saved"):
        change(p)
    assert sha(p.path) == before
    assert fresh_rows(p.path, "SELECT id, speaker FROM annotations") == [(1, "kept")]
    assert fresh_rows(p.path, "SELECT count(*) FROM history") == [(1,)]
    assert fresh_rows(p.path, "PRAGMA integrity_check") == [("ok",)]
    assert not p.db.conn.in_transaction
    change(p)  # the next attempt succeeds
