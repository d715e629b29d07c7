"""Where the analyst is (document, scroll, selection) is written in one go: one transaction, one sync."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.app import session as session_keys


@pytest.fixture
def session(open_session):
    return open_session(open_doc=False)


def settings_in_file(path):
    with sqlite3.connect(path) as conn:
        return {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM settings")}


def traced(session, call) -> list[str]:
    """The SQL statements the project's connection runs during ``call()``."""
    statements: list[str] = []
    session.project.db.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        session.project.db.conn.set_trace_callback(None)
    return statements


def test_flush_writes_every_remembered_setting_in_one_transaction(session):
    doc = session.summaries[0].id
    session.open_document(doc)
    ann = session.tag(0, 8, session.project.find_tag_type("Quote").id)
    session.select(ann.id)
    session.remember_scroll(120)
    statements = traced(session, session.flush_settings)
    commits = [s for s in statements if s.strip().upper().startswith(("COMMIT", "RELEASE"))]
    assert len(commits) == 1, statements
    stored = settings_in_file(session.path)
    assert stored[session_keys.LAST_DOCUMENT] == doc
    assert stored[session_keys.SELECTED] == ann.id
    assert stored[session_keys.SCROLL] == {"document": doc, "position": 120}
    assert traced(session, session.flush_settings) == []  # nothing pending: nothing written


def test_set_settings_writes_all_or_nothing(session):
    project = session.project
    project.set_settings({"a": 1, "b": [2, "drei"]})
    assert project.get_setting("a") == 1 and project.get_setting("b") == [2, "drei"]
    with pytest.raises(TypeError):
        project.set_settings({"a": 5, "c": object()})  # the second cannot be stored: the first is not kept
    assert settings_in_file(session.path)["a"] == 1
    assert "c" not in settings_in_file(session.path)
