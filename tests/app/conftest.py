"""A session on a real project file holding the sample article, for the controller's tests."""

from __future__ import annotations

import pytest

from desktop.app.session import Session
from desktop.formats.importing import import_file
from desktop.store import Project


@pytest.fixture
def open_session(qapp, tmp_path, sample_path):
    """``open_session(name, prepare=None, open_doc=True, annotator=...)``: a Session on a new project holding the
    sample; ``prepare(project)`` runs first, on the file itself. Every session is closed after the test."""
    opened: list[Session] = []

    def make(name: str = "s.claimdesk", prepare=None, open_doc: bool = True, annotator: str = "Ana Lyst") -> Session:
        path = tmp_path / name
        with Project.open(path, create=True) as p:
            import_file(p, sample_path)
            if prepare is not None:
                prepare(p)
        s = Session()
        s.open_project(path, annotator=annotator)
        if open_doc:
            s.open_document(s.summaries[0].id)
        s.errors = []
        s.error.connect(s.errors.append)
        opened.append(s)
        return s

    yield make
    for s in opened:
        s.close_project()
