"""Crash safety: a confirmed tag survives SIGKILL, and the project file alone (no side files) already holds it."""

import shutil
import sqlite3
import subprocess
import sys
import textwrap

from desktop.store import Project
from desktop.store.locking import lock_path

TAGGER = textwrap.dedent("""
    import sys, time
    from desktop.store import Project
    p = Project.open(sys.argv[1])
    count = int(sys.argv[2])
    for i in range(count):
        ann = p.create_annotation(1, 1 + i % 3, i % 40, i % 40 + 5, note=f"tag {i} ✓")
        print(ann.id, flush=True)   # the screen would show it as saved now
    time.sleep(120)                 # the app keeps running until it is killed
""")


def make_project(path):
    with Project.open(path, create=True) as p:
        p.add_document("Peskov: Zelenskyy's legitimacy can be questioned, he said on Friday. 🇺🇦 " * 3, "doc")


def start_tagger(path, count):
    return subprocess.Popen([sys.executable, "-c", TAGGER, str(path), str(count)], stdout=subprocess.PIPE, text=True)


def rows(path, sql):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_tag_is_in_the_file_and_in_a_copy_of_the_file_alone_before_the_kill(tmp_path):
    path = tmp_path / "live.claimdesk"
    make_project(path)
    proc = start_tagger(path, 1)
    try:
        ann_id = int(proc.stdout.readline())
        # Copy the project file alone, as an analyst e-mails it while the app runs: no -wal or -journal beside it.
        copy = tmp_path / "mailed" / "copy.claimdesk"
        copy.parent.mkdir()
        shutil.copyfile(path, copy)
        assert not (tmp_path / "live.claimdesk-wal").exists()
        assert not (tmp_path / "live.claimdesk-journal").exists()
    finally:
        proc.kill()
        proc.wait()
    for p in (copy, path):
        assert rows(p, "SELECT id, note FROM annotations") == [(ann_id, "tag 0 ✓")]
        assert rows(p, "PRAGMA integrity_check") == [("ok",)]
        assert rows(p, "PRAGMA journal_mode") == [("delete",)]
    # Bytes 18-19 of the header: 1 = rollback journal (WAL would be 2, and would keep commits in a side file).
    assert copy.read_bytes()[18:20] == b"\x01\x01"


def test_every_confirmed_tag_survives_a_kill_in_the_middle_of_tagging(tmp_path):
    path = tmp_path / "busy.claimdesk"
    make_project(path)
    proc = start_tagger(path, 400)
    confirmed = []
    try:
        for _ in range(150):
            confirmed.append(int(proc.stdout.readline()))
    finally:
        proc.kill()  # SIGKILL on Linux and macOS: no cleanup runs
        proc.wait()
    assert lock_path(path).exists()  # the killed process could not remove its lock
    with Project.open(path) as p:  # the dead process's lock is taken over at once
        assert not p.readonly
        assert p.integrity_ok()
        saved = {a.id for a in p.annotations()}
        assert set(confirmed) <= saved
        text = p.document_text(1)
        assert all(a.text == text[a.start:a.end] for a in p.annotations())
        assert len(p.history()) == len(saved)  # every saved tag has its history row, no more
        p.create_annotation(1, 1, 0, 6)  # and the project is writable again


HALF_WRITER = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA cache_size = 2")   # small cache: changed pages spill into the file before the commit
    conn.execute("BEGIN")
    for i in range(300):
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)", [f"k{i}", '"' + "x" * 2000 + '"'])
    print("mid-change", flush=True)
    time.sleep(120)
""")


def killed_mid_change(path):
    make_project(path)
    with Project.open(path) as p:
        p.create_annotation(1, 1, 0, 7, note="confirmed")
    proc = subprocess.Popen([sys.executable, "-c", HALF_WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "mid-change"
    finally:
        proc.kill()
        proc.wait()
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0  # a hot journal: the file holds half a change


def test_a_change_cut_off_by_a_crash_is_rolled_back_on_opening(tmp_path):
    path = tmp_path / "cut.claimdesk"
    killed_mid_change(path)
    with Project.open(path, readonly=True) as p:  # even a read-only open (claimdesk info) repairs it first
        assert p.integrity_ok()
        assert [a.note for a in p.annotations()] == ["confirmed"]
        assert p.get_setting("k0") is None
    assert not path.with_name(path.name + "-journal").exists()
    with Project.open(path) as p:
        assert not p.readonly and p.annotation_count() == 1


def test_a_cut_off_change_in_a_read_only_folder_is_reported_clearly(tmp_path):
    import os
    import stat

    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "cut.claimdesk"
    killed_mid_change(path)
    mode = folder.stat().st_mode
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
    try:
        proc = subprocess.run([sys.executable, "-m", "desktop", "info", str(path)], capture_output=True, text=True,
                              encoding="utf-8")
    finally:
        os.chmod(folder, mode)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "half-written" in proc.stderr and "read-only" in proc.stderr


def test_consistency_problems_finds_a_span_that_drifted_from_its_text(tmp_path):
    path = tmp_path / "check.claimdesk"
    make_project(path)
    with Project.open(path) as p:
        text = p.document_text(1)
        ann = p.create_annotation(1, 1, text.index("Friday"), text.index("🇺🇦") + 2)  # ends in astral characters
        assert p.consistency_problems() == []  # substr counts code points, as Claimdesk does
        # Damage only a tool outside Claimdesk could do: shift the offsets without the text.
        p.db.execute('UPDATE annotations SET start = start + 1, "end" = "end" + 1 WHERE id = ?', [ann.id])
        p.db.conn.commit()
        assert p.consistency_problems() == [f"annotation {ann.id} ({ann.start + 1}-{ann.end + 1}) does not match "
                                            f"the text of document 1"]
