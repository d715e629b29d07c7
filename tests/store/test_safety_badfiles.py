"""Bad project files are refused with a clear message and left byte-for-byte as they were; read-only opens."""

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys

import pytest

from desktop.store import Project, ProjectError, ReadOnlyProject
from desktop.store.errors import CorruptProject, NewerProject, NotAProject

FIXTURE_V1 = os.path.join(os.path.dirname(__file__), "..", "fixtures", "schema_v1.claimdesk")


def sha(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def good_project(path):
    shutil.copyfile(FIXTURE_V1, path)
    return path


def corrupt_btree(path, table="annotations"):
    """Overwrite the b-tree page header of a table's root page: a damaged file SQLite can still open."""
    conn = sqlite3.connect(path)
    root, page_size = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0], \
        conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0d\xff\xff\xff\xff\x00\x00\xff")


def make_not_sqlite(path):
    path.write_text("Quote,Claim\nnot a database at all\n", encoding="utf-8")


def make_binary(path):
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)


def make_truncated_half(path):
    good_project(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def make_truncated_odd(path):
    good_project(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 1000])


def make_truncated_header(path):
    good_project(path)
    path.write_bytes(path.read_bytes()[:60])


def make_corrupt(path):
    good_project(path)
    corrupt_btree(path)


def make_corrupt_index(path):
    good_project(path)
    corrupt_btree(path, "annotations_document_start")


def make_foreign(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers(name) VALUES ('Ada')")
    conn.commit()
    conn.close()


def make_foreign_wal(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def make_newer(path):
    good_project(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


def make_missing_table(path):
    good_project(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE settings")
    conn.commit()
    conn.close()


def make_empty_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("VACUUM")
    conn.close()


def make_zero_bytes(path):
    path.write_bytes(b"")


BAD = [
    ("not-sqlite", make_not_sqlite, NotAProject, "not an SQLite file"),
    ("binary", make_binary, NotAProject, "not an SQLite file"),
    ("truncated-half", make_truncated_half, CorruptProject, "truncated"),
    ("truncated-mid-page", make_truncated_odd, CorruptProject, "truncated"),
    ("truncated-header", make_truncated_header, CorruptProject, "truncated"),
    ("corrupt-table", make_corrupt, CorruptProject, "damaged"),
    ("corrupt-index", make_corrupt_index, CorruptProject, "damaged"),
    ("foreign", make_foreign, NotAProject, "another program"),
    ("foreign-wal", make_foreign_wal, NotAProject, "another program"),
    ("newer", make_newer, NewerProject, "newer Claimdesk"),
    ("missing-table", make_missing_table, CorruptProject, "lacks the table"),
    ("empty-sqlite", make_empty_sqlite, NotAProject, "empty SQLite file"),
    ("zero-bytes", make_zero_bytes, NotAProject, "empty"),
]


@pytest.mark.parametrize("label, make, error, words", BAD, ids=[b[0] for b in BAD])
@pytest.mark.parametrize("readonly", [False, True], ids=["write", "read"])
def test_bad_file_is_refused_clearly_and_left_untouched(tmp_path, label, make, error, words, readonly):
    path = tmp_path / "work.claimdesk"
    make(path)
    before, listing = sha(path), sorted(os.listdir(tmp_path))
    with pytest.raises(error, match=words) as info:
        Project.open(path, readonly=readonly)
    message = str(info.value)
    assert "work.claimdesk" in message and "\n" not in message and "Traceback" not in message
    assert sha(path) == before
    assert sorted(os.listdir(tmp_path)) == listing  # no lock file, journal, -wal or backups folder left


@pytest.mark.parametrize("label, make, error, words", BAD, ids=[b[0] for b in BAD])
def test_command_line_says_one_line_and_exits_1(tmp_path, label, make, error, words):
    path = tmp_path / "work.claimdesk"
    make(path)
    before = sha(path)
    for args in (["info", path], ["tag", path, "1", "1", "--start", "0", "--end", "5"], ["history", path]):
        proc = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                              encoding="utf-8")
        assert proc.returncode == 1, proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("claimdesk: error: ") and words in lines[0], proc.stderr
    assert sha(path) == before


def test_zero_byte_file_becomes_a_project_only_when_creating(tmp_path):
    path = tmp_path / "new.claimdesk"
    path.write_bytes(b"")
    with Project.open(path, create=True) as p:
        assert [t.name for t in p.tag_types()][:1] == ["Quote"]


@pytest.fixture
def restore_mode():
    changed = []
    yield changed
    for p, mode in changed:
        os.chmod(p, mode)


def test_read_only_file_opens_read_only_with_a_reason(tmp_path, restore_mode):
    path = good_project(tmp_path / "ro.claimdesk")
    with Project.open(path) as p:  # upgrade the fixture if it is older, then freeze it
        pass
    restore_mode.append((path, path.stat().st_mode))
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = sha(path)
    with Project.open(path) as p:
        assert p.readonly
        assert "read-only file" in p.readonly_reason
        assert p.annotation_count() == 4
        with pytest.raises(ReadOnlyProject, match="not saved"):
            p.update_annotation(1, note="x")
    with pytest.raises(ReadOnlyProject, match="read-only file"):
        Project.open(path, require_write=True)
    assert sha(path) == before
    assert not (tmp_path / "ro.claimdesk.lock").exists()


def test_read_only_folder_opens_read_only_with_a_reason(tmp_path, restore_mode):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = good_project(folder / "p.claimdesk")
    with Project.open(path):
        pass
    listing = sorted(os.listdir(folder))
    restore_mode.append((folder, folder.stat().st_mode))
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    before = sha(path)
    with Project.open(path) as p:
        assert p.readonly and "folder holding p.claimdesk is read-only" in p.readonly_reason
        with pytest.raises(ReadOnlyProject):
            p.set_setting("x", 1)
    with pytest.raises(ProjectError, match="cannot create"):
        Project.open(folder / "new.claimdesk", create=True)
    assert sha(path) == before and sorted(os.listdir(folder)) == listing


def test_explicit_read_only_never_writes_even_an_old_or_locked_file(tmp_path):
    path = good_project(tmp_path / "p.claimdesk")
    before = sha(path)
    with Project.open(path, readonly=True) as p:
        assert p.readonly and p.readonly_reason == "opened read-only"
        assert p.document_count() == 2
    assert sha(path) == before and sorted(os.listdir(tmp_path)) == ["p.claimdesk"]
