"""Renaming a custom field through the session: the values move in one saved change, or not at all."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.domain.model import FieldSpec


@pytest.fixture
def session(open_session):
    def prepare(p):
        p.update_tag_type(p.find_tag_type("Claim").id, fields=(FieldSpec("strength"), FieldSpec("scope")))

    return open_session("f.claimdesk", prepare)


def stored(path):
    with sqlite3.connect(path) as conn:
        anns = {i: json.loads(f) for i, f in conn.execute("SELECT id, fields FROM annotations")}
        types = {n: [f["name"] for f in json.loads(f)] for n, f in conn.execute("SELECT name, fields FROM tag_types")}
        history = conn.execute("SELECT action, annotation_id, who FROM history ORDER BY id").fetchall()
    return anns, types, history


def test_rename_moves_values_in_one_change_with_history(session):
    claim = session.project.find_tag_type("Claim").id
    a = session.tag(0, 8, claim, {"fields": {"strength": "high", "scope": "local"}})
    b = session.tag(10, 20, claim, {"fields": {"scope": "wide"}})
    session.select(a.id)
    assert session.selected.fields == {"strength": "high", "scope": "local"}
    assert session.field_value_count(claim, "strength") == 1
    assert session.field_value_count(claim, "scope") == 2
    new_specs = (FieldSpec("intensity"), FieldSpec("scope"))
    assert session.rename_field(claim, "strength", "intensity", new_specs) is not None
    anns, types, history = stored(session.path)
    assert anns == {a.id: {"intensity": "high", "scope": "local"}, b.id: {"scope": "wide"}}
    assert types["Claim"] == ["intensity", "scope"]
    assert history[-1] == ("update", a.id, "Ana Lyst")
    assert [h for h in history if h[0] == "update"] == [("update", a.id, "Ana Lyst")]
    assert session.selected.fields == {"intensity": "high", "scope": "local"}  # the session's copy follows
    assert session.undo_stack.count() == 0  # its commands held the old values


def test_rename_onto_a_name_holding_values_changes_nothing(session):
    claim = session.project.find_tag_type("Claim").id
    session.tag(0, 8, claim, {"fields": {"strength": "high", "scope": "local"}})
    before = stored(session.path)
    assert session.rename_field(claim, "strength", "scope", (FieldSpec("scope"), FieldSpec("scope"))) is None
    assert "already holds a value for 'scope'" in session.errors[-1]
    assert stored(session.path) == before
    assert session.undo_stack.count() == 1
