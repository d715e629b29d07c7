"""The banner says when a project is read-only and why, or sits where it is at risk."""

from __future__ import annotations

import os
import shutil
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.store import Project
from desktop.ui.readonly_banner import ReadOnlyBanner


@pytest.fixture
def banner(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    b = ReadOnlyBanner(holder)
    QVBoxLayout(holder).addWidget(b)
    holder.show()
    b.holder = holder  # keep the parent alive as long as the banner
    return b


def test_writable_project_shows_nothing(banner, project_path):
    with Project.open(project_path) as p:
        assert banner.show_for(p) is False
    assert not banner.isVisible()
    assert banner.show_for(None) is False


def test_second_window_is_told_who_writes(banner, project_path):
    with Project.open(project_path) as first, Project.open(project_path) as second:
        assert not first.readonly and second.readonly
        assert banner.show_for(second)
    assert banner.isVisible() and banner.level == "readonly"
    assert banner.text().startswith("Read-only: ")
    assert "another window of this Claimdesk" in banner.text()
    assert not banner.dismiss_button.isVisible()  # it stays while the project is read-only


def test_read_only_file_says_so(banner, project_path):
    os.chmod(project_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with Project.open(project_path) as p:
            assert banner.show_for(p)
    finally:
        os.chmod(project_path, stat.S_IRUSR | stat.S_IWUSR)
    assert banner.text() == "Read-only: work.claimdesk is a read-only file, so changes cannot be saved."


def test_cloud_folder_warning_can_be_dismissed(banner, project_path, tmp_path, qtbot):
    cloud = tmp_path / "Dropbox" / "research"
    cloud.mkdir(parents=True)
    shutil.copy(project_path, cloud / "work.claimdesk")
    with Project.open(cloud / "work.claimdesk") as p:
        assert banner.show_for(p)
    assert banner.level == "warning" and "Dropbox folder" in banner.text()
    assert not banner.text().startswith("Read-only")
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_opened_read_only_on_request(banner, project_path):
    with Project.open(project_path, readonly=True) as p:
        banner.show_for(p)
    assert banner.text() == ("Read-only: The project was opened read-only. You can read, search and export, but changes cannot be "
                             "saved.")
