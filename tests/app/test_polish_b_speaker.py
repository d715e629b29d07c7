"""A span tagged inside an annotation with a speaker takes that speaker, saved with the tag and undone with it."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.domain.model import FieldSpec


@pytest.fixture
def session(qtbot, open_session):
    return open_session("speakers.claimdesk", annotator="Tester")


def _speakers(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute('SELECT start, "end", speaker FROM annotations ORDER BY id').fetchall()
    finally:
        conn.close()


def test_nested_tag_takes_the_innermost_speaker(session):
    text = session.text
    quote = session.project.find_tag_type("1").id
    claim = session.project.find_tag_type("2").id
    legit = session.project.find_tag_type("3").id
    s = text.index("Zelenskyy’s legitimacy can be questioned")
    outer = session.tag(s, s + 40, quote)
    assert session.edit(outer.id, speaker="Dmitry Peskov")
    middle_start = text.index("legitimacy can be questioned")
    middle = session.tag(middle_start, middle_start + 28, legit)
    inner_start = text.index("can be", middle_start)
    inner = session.tag(inner_start, inner_start + 6, claim)
    assert middle.speaker == inner.speaker == "Dmitry Peskov"
    assert _speakers(session.path)[1:] == [(middle_start, middle_start + 28, "Dmitry Peskov"),
                                           (inner_start, inner_start + 6, "Dmitry Peskov")]
    # the innermost holder wins; a given speaker is kept
    assert session.edit(middle.id, speaker="Putin")
    again = session.tag(inner_start, inner_start + 10, legit)
    assert again.speaker == "Putin"
    given = session.tag(inner_start, inner_start + 3, legit, {"speaker": "Someone"})
    assert given.speaker == "Someone"
    # one undo removes the tag with its speaker; redo brings both back
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert len(_speakers(session.path)) == 3
    session.undo_stack.redo()
    assert _speakers(session.path)[-1] == (inner_start, inner_start + 10, "Putin")
    # outside any span: no speaker
    plain = session.tag(0, 5, claim)
    assert plain.speaker == ""


def test_type_without_speaker_field_gets_none(session):
    text = session.text
    quote = session.project.find_tag_type("1").id
    s = text.index("Zelenskyy’s legitimacy can be questioned")
    outer = session.tag(s, s + 40, quote)
    session.edit(outer.id, speaker="Dmitry Peskov")
    plain = session.add_tag_type(name="Topic", color="#888888", key="t",
                                 fields=(FieldSpec(name="topic"),))
    ann = session.tag(s + 12, s + 22, plain.id)
    assert ann.speaker == ""
    assert _speakers(session.path)[-1] == (s + 12, s + 22, "")
