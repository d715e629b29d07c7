"""History: every change to an annotation is in the history table, and `claimdesk history` lists it."""

import sqlite3
import subprocess
import sys

import pytest

from desktop.store import Project


def run(*args, rc=0):
    proc = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8")
    assert proc.returncode == rc, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "h.claimdesk"
    with Project.open(p, create=True) as project:
        project.annotator = "Jane"
        one = project.add_document("Peskov said Zelenskyy's legitimacy can be questioned. 😀 Yes.", "one")
        two = project.add_document("Другой текст: заявление пресс-секретаря.", "two")
        a = project.create_annotation(one.id, 3, 12, 52, speaker="Dmitry Peskov", stance="questions")
        project.update_annotation(a.id, note="check")
        project.annotator = "Omar"
        b = project.create_annotation(two.id, 1, 0, 6)
        project.delete_annotation(b.id)
        project.restore_annotation(b)
    return p


def test_history_lists_every_change_in_order(path):
    lines = run("history", path).stdout.splitlines()
    fields = [line.split("\t") for line in lines]
    assert [(f[1], f[2], f[3], f[4]) for f in fields] == [
        ("Jane", "create", "annotation 1", "document 1"),
        ("Jane", "update", "annotation 1", "document 1"),
        ("Omar", "create", "annotation 2", "document 2"),
        ("Omar", "delete", "annotation 2", "document 2"),
        ("Omar", "create", "annotation 2", "document 2"),
    ]
    assert fields[0][5] == "12-52" and "legitimacy can be questioned" in fields[0][6]
    assert "Другой" in fields[2][6]
    assert all(f[0].endswith("Z") for f in fields)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM history").fetchone()[0] == len(lines)
    conn.close()


def test_history_of_one_document(path):
    lines = run("history", path, "--doc", 2).stdout.splitlines()
    assert [line.split("\t")[2] for line in lines] == ["create", "delete", "create"]
    assert all("\tdocument 2\t" in line for line in lines)


def test_history_of_a_missing_document_or_project_is_one_clear_line(path, tmp_path):
    err = run("history", path, "--doc", 99, rc=1).stderr
    assert err == "claimdesk: error: no document with id 99\n"
    err = run("history", tmp_path / "nope.claimdesk", rc=1).stderr
    assert err.startswith("claimdesk: error: no project at") and err.count("\n") == 1


def test_history_reads_while_the_window_writes(path):
    with Project.open(path) as window:
        window.create_annotation(1, 2, 0, 6)
        lines = run("history", path).stdout.splitlines()
        assert lines[-1].split("\t")[2:4] == ["create", "annotation 3"]


def test_history_cannot_be_rewritten(path):
    conn = sqlite3.connect(path)
    for sql in ("DELETE FROM history", "UPDATE history SET who = 'someone else'"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(sql)
    conn.close()
