"""Whatever goes wrong, the command line says one line, exits 1, and changes nothing it should not."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest


def run(*args, env=None, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, cwd=cwd, env=env,
                          timeout=60)
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), err


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "CLAIMDESK_DATA_DIR": str(tmp_path / "data")}


def test_a_fifo_named_like_a_project_is_refused_without_hanging(tmp_path, env):
    fifo = tmp_path / "x.claimdesk"
    os.mkfifo(fifo)
    for command in ("info", "history"):
        rc, _, err = run(command, str(fifo), env=env)
        assert rc == 1 and "not a regular file" in err and err.count("\n") == 1


def test_links_to_nothing_and_loops_are_refused_and_kept(tmp_path, env, sample_path):
    dangling = tmp_path / "dang.claimdesk"
    dangling.symlink_to(tmp_path / "nothing.claimdesk")
    rc, _, err = run("import", str(dangling), str(sample_path), env=env)
    assert rc == 1 and "link to a file that does not exist" in err
    assert dangling.is_symlink() and not (tmp_path / "nothing.claimdesk").exists()
    loop = tmp_path / "a.claimdesk"
    loop.symlink_to(tmp_path / "b.claimdesk")
    (tmp_path / "b.claimdesk").symlink_to(loop)
    rc, _, err = run("import", str(loop), str(sample_path), env=env)
    assert rc == 1 and "loop of symbolic links" in err
    assert run("restore", str(dangling), env=env)[0] == run("restore", str(tmp_path / "missing.claimdesk"),
                                                             env=env)[0] == 1


def test_huge_document_ids_and_foreign_bytes_give_one_line(tmp_path, env, sample_path):
    project = tmp_path / "p.claimdesk"
    assert run("import", str(project), str(sample_path), env=env)[0] == 0
    for args in (["tag", str(project), "1" + "0" * 20, "1", "--text", "Peskov"],
                 ["export", str(project), "-o", str(tmp_path / "o.csv"), "--doc", "1" + "0" * 20],
                 ["history", str(project), "--doc", "1" + "0" * 20]):
        rc, _, err = run(*args, env=env)
        assert rc == 1 and "no document with id 1000" in err
    speaker = os.fsdecode(b"M\xfcller")  # a Latin-1 terminal's bytes
    rc, out, err = run("tag", str(project), "1", "Quote", "--text", "Peskov", "--speaker", speaker, env=env)
    assert rc == 0, err
    latin = tmp_path / os.fsdecode(b"caf\xe9.txt")
    latin.write_text("A short article about the talks, with enough words to be read as text.", encoding="utf-8")
    rc, out, err = run("import", str(project), str(latin), env=env)
    assert rc == 0, err
    with sqlite3.connect(project) as db:
        assert db.execute("SELECT speaker FROM annotations").fetchone() == ("M\u00fcller",)
        assert ("caf\u00e9",) in db.execute("SELECT title FROM documents").fetchall()


def test_an_unexpected_error_is_one_line_naming_the_log(tmp_path, env):
    # A fault injected into one command stands for any bug a reader library or a hand-edited file may trip.
    code = ("import desktop.cli as c; c.COMMAND_FUNCS['info'] = lambda args: 1 / 0; "
            f"raise SystemExit(c.main(['info', {str(tmp_path / 'p.claimdesk')!r}]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    log = tmp_path / "data" / "claimdesk-errors.log"
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "ZeroDivisionError" in proc.stderr and str(log) in proc.stderr
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_backup_never_silently_replaces_another_project(tmp_path, env, sample_path):
    a, b = tmp_path / "a.claimdesk", tmp_path / "b.claimdesk"
    run("import", str(a), str(sample_path), env=env)
    other = tmp_path / "other.txt"
    other.write_text("Another analyst's article, with words enough to be imported as text.", encoding="utf-8")
    run("import", str(b), str(other), env=env)
    rc, _, err = run("backup", str(a), "-o", str(b), env=env)
    assert rc == 1 and "--replace" in err
    with sqlite3.connect(b) as db:
        assert db.execute("SELECT count(*) FROM documents WHERE text LIKE 'Another%'").fetchone() == (1,)
    rc, _, err = run("backup", str(a), "-o", str(b), "--replace", env=env)
    assert rc == 0, err
    kept = list((tmp_path / "b.backups").glob("*.claimdesk"))
    assert kept, "the replaced project is backed up first"
    with sqlite3.connect(kept[0]) as db:
        assert db.execute("SELECT count(*) FROM documents WHERE text LIKE 'Another%'").fetchone() == (1,)


def test_info_into_a_closed_pipe_is_quiet(tmp_path, env, sample_path):
    project = tmp_path / "p.claimdesk"
    run("import", str(project), str(sample_path), env=env)
    proc = subprocess.run(f'"{sys.executable}" -m desktop info "{project}" | head -1', shell=True,
                          capture_output=True, env=env, timeout=60)
    assert b"Broken pipe" not in proc.stderr and b"Traceback" not in proc.stderr


def test_a_refused_import_leaves_no_new_project_behind(tmp_path, env):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a Word file")
    project = tmp_path / "new.claimdesk"
    rc, _, err = run("import", str(project), str(bad), env=env)
    assert rc == 1 and err.startswith("claimdesk: error: bad.docx") and err.count("\n") == 1
    assert not project.exists() and not (tmp_path / "new.backups").exists()


def test_a_damaged_byte_in_a_stored_text_is_named_without_the_text(tmp_path, env, sample_path):
    project = tmp_path / "p.claimdesk"
    run("import", str(project), str(sample_path), env=env)
    data = bytearray(project.read_bytes())
    data[data.find(b"spokesman Dmitry") + 3] = 0xFF
    project.write_bytes(bytes(data))
    rc, _, err = run("info", str(project), env=env)
    assert rc == 1 and "damaged" in err and "restore" in err and "Dmitry" not in err


def test_exporting_into_a_missing_folder_names_the_folder(tmp_path, env, sample_path):
    project = tmp_path / "p.claimdesk"
    run("import", str(project), str(sample_path), env=env)
    rc, _, err = run("export", str(project), "-o", str(tmp_path / "missing" / "x.csv"), env=env)
    assert rc == 1 and "missing" in err and ".part" not in err
