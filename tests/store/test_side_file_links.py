"""Files Claimdesk writes beside a project are never written through a symbolic link."""

from __future__ import annotations

import pytest

from desktop.store import Project, ProjectError


def test_a_symlinked_lock_file_does_not_overwrite_its_target(tmp_path):
    path = tmp_path / "p.claimdesk"
    Project.open(path, create=True).close()
    victim = tmp_path / "bashrc"
    victim.write_text("precious\n")
    (tmp_path / "p.claimdesk.lock").symlink_to(victim)
    with pytest.raises(ProjectError, match="symbolic link"):
        Project.open(path, require_write=True)
    assert victim.read_text() == "precious\n"


def test_a_symlinked_backups_folder_is_not_written_into(tmp_path):
    path = tmp_path / "p.claimdesk"
    Project.open(path, create=True).close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "p.backups").symlink_to(elsewhere)
    with pytest.raises(ProjectError, match="symbolic link"):
        with Project.open(path) as project:
            project.backup_now()
    assert list(elsewhere.iterdir()) == []
