"""A project edited outside Claimdesk (the README invites sqlite3) is refused with one clear line, never a crash
later in an export or a tag."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.formats.importing import import_file
from desktop.store import Project
from desktop.store.errors import CorruptProject


@pytest.fixture
def tagged(tmp_path, sample_path):
    path = tmp_path / "p.claimdesk"
    with Project.open(path, create=True) as p:
        doc = import_file(p, sample_path)
        p.create_annotation(doc.id, p.find_tag_type("Quote").id, 0, 7)
    return path


def _edit(path, *statements):
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = 1")
    for sql in statements:
        db.execute(sql)
    db.commit()
    db.close()


@pytest.mark.parametrize("statements, words", [
    (["DELETE FROM tag_types WHERE name = 'Quote'"], "refers to a tag_types row"),
    (["DELETE FROM documents"], "refers to a documents row"),
    (["UPDATE annotations SET orphan = 2"], "annotation 1 has"),
    (['UPDATE annotations SET start = 9, "end" = 3'], "annotation 1 has"),
    (["UPDATE annotations SET fields = '[1,2]'"], "annotation 1 has"),
    (["UPDATE tag_types SET color = 'red' WHERE name = 'Claim'"], "tag type 'Claim'"),
])
@pytest.mark.parametrize("readonly", [False, True])
def test_broken_rows_are_refused_at_open(tagged, statements, words, readonly):
    _edit(tagged, *statements)
    with pytest.raises(CorruptProject, match="changed outside Claimdesk") as caught:
        Project.open(tagged, readonly=readonly)
    assert words in str(caught.value)


def test_a_lowered_schema_version_is_named_not_a_crash(tagged):
    with sqlite3.connect(tagged) as db:
        db.execute("PRAGMA user_version = 1")
        db.execute("DELETE FROM _sqlite_migrations WHERE rowid = (SELECT max(rowid) FROM _sqlite_migrations)")
    with pytest.raises(CorruptProject, match="schema version does not match"):
        Project.open(tagged, readonly=True)
