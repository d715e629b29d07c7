"""Shared fixtures. Qt runs offscreen in every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_8b596457b106f73e.txt"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def project(tmp_path):
    from desktop.store import Project

    p = Project.open(tmp_path / "test.claimdesk", create=True)
    yield p
    p.close()


@pytest.fixture
def sample_doc(project, sample_path):
    from desktop.formats.importing import import_file

    return import_file(project, sample_path)
