"""Two writers: a project open for writing elsewhere opens read-only with a reason naming the holder."""

import getpass
import json
import os
import socket
import subprocess
import sys
import textwrap

import pytest

from desktop.store import Project, ProjectLocked
from desktop.store.locking import lock_path, read_holder
from desktop.store.safety import sync_folder_warning

HOLDER = textwrap.dedent("""
    import sys
    from desktop.store import Project
    p = Project.open(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()
    p.set_setting("holder", "done")
    p.close()
""")


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "shared.claimdesk"
    with Project.open(p, create=True) as project:
        project.add_document("Peskov said Zelenskyy's legitimacy can be questioned. 😀", "one")
    return p


@pytest.fixture
def other_process(path):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    yield proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_second_process_gets_read_only_naming_the_holder(path, other_process):
    with Project.open(path) as p:
        assert p.readonly
        reason = p.readonly_reason
        assert f"process {other_process.pid}" in reason and socket.gethostname() in reason
        assert getpass.getuser() in reason and "open here read-only" in reason
        assert p.lock_holder.pid == other_process.pid
        assert p.document_count() == 1  # reading works
        with pytest.raises(ProjectLocked, match=f"process {other_process.pid}.*not saved"):
            p.create_annotation(1, 1, 0, 6)
    with pytest.raises(ProjectLocked, match="open for writing by"):
        Project.open(path, require_write=True)
    # The holder's writes go on and are not overwritten.
    other_process.stdin.write("\n")
    other_process.stdin.flush()
    assert other_process.wait(timeout=30) == 0
    with Project.open(path) as p:
        assert not p.readonly and p.readonly_reason is None
        assert p.get_setting("holder") == "done" and p.annotation_count() == 0
    assert not lock_path(path).exists()


def test_command_line_refuses_to_write_while_the_window_has_it(path, other_process):
    proc = subprocess.run([sys.executable, "-m", "desktop", "tag", str(path), "1", "1", "--start", "0", "--end", "6"],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "open for writing by" in lines[0] and str(other_process.pid) in lines[0]
    # Reading commands still work.
    proc = subprocess.run([sys.executable, "-m", "desktop", "info", str(path)], capture_output=True, text=True,
                          encoding="utf-8")
    assert proc.returncode == 0 and "Documents: 1" in proc.stdout


def test_second_project_in_the_same_process_is_read_only(path):
    first = Project.open(path)
    try:
        second = Project.open(path)
        assert second.readonly and "another window of this Claimdesk" in second.readonly_reason
        with pytest.raises(ProjectLocked):
            second.set_setting("x", 1)
        second.close()
        first.set_setting("x", 2)
    finally:
        first.close()
    with Project.open(path) as third:
        assert not third.readonly and third.get_setting("x") == 2


def test_lock_file_names_user_host_pid_and_time(path):
    with Project.open(path):
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        assert data["pid"] == os.getpid() and data["host"] == socket.gethostname()
        assert data["user"] == getpass.getuser() and data["since"].endswith("Z")
    assert read_holder(path) is None


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.parametrize("content", [
    lambda: json.dumps({"user": "ghost", "host": socket.gethostname(), "pid": dead_pid(), "since": "2020-01-01T00:00:00Z"}),
    lambda: "",
    lambda: "{half-written",
], ids=["dead-process", "empty", "garbage"])
def test_stale_lock_is_taken_over(path, content):
    lock_path(path).write_text(content(), encoding="utf-8")
    with Project.open(path) as p:
        assert not p.readonly
        assert read_holder(path).pid == os.getpid()
    assert not lock_path(path).exists()


def test_lock_from_another_computer_is_respected(path):
    lock_path(path).write_text(json.dumps({"user": "bob", "host": "bobs-laptop", "pid": 1234,
                                           "since": "2026-11-25T09:00:00Z"}), encoding="utf-8")
    with Project.open(path) as p:
        assert p.readonly and "bob on bobs-laptop" in p.readonly_reason
        assert "delete shared.claimdesk.lock" in p.readonly_reason
    assert read_holder(path).host == "bobs-laptop"  # left for its owner


@pytest.mark.parametrize("folder, service", [
    ("Dropbox/Research", "Dropbox"),
    ("Dropbox (Personal)", "Dropbox"),
    ("OneDrive - Contoso/Projects", "OneDrive"),
    ("Library/CloudStorage/GoogleDrive-ana@example.org/My Drive", "Google Drive"),
    ("Google Drive", "Google Drive"),
    ("Library/Mobile Documents/com~apple~CloudDocs", "iCloud Drive"),
    ("iCloud Drive/papers", "iCloud Drive"),
])
def test_cloud_folders_are_warned_about(tmp_path, folder, service):
    path = tmp_path / folder / "p.claimdesk"
    path.parent.mkdir(parents=True)
    warning = sync_folder_warning(path)
    assert warning and service in warning and "p.claimdesk" in warning


def test_ordinary_folders_get_no_warning(tmp_path):
    (tmp_path / "Documents" / "dropped").mkdir(parents=True)
    assert sync_folder_warning(tmp_path / "Documents" / "dropped" / "p.claimdesk", mounts="") is None


@pytest.mark.parametrize("fstype", ["nfs4", "cifs", "smb3", "fuse.sshfs", "9p"])
def test_network_shares_are_warned_about(tmp_path, fstype):
    if sys.platform == "win32":
        pytest.skip("mount table is Linux's")
    mounts = f"/dev/vda / ext4 rw 0 0\nserver:/export {tmp_path} {fstype} rw 0 0\n"
    warning = sync_folder_warning(tmp_path / "p.claimdesk", mounts=mounts)
    assert warning and fstype in warning and "one computer at a time" in warning
    assert sync_folder_warning(tmp_path.parent / "p.claimdesk", mounts=mounts) is None
