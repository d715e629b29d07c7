"""Random sequences of create, edit, retype, adjust, delete, undo and redo against the session controller,
compared after every step with a plain in-memory model of the undo history, and with the project file itself
(read through a second connection, so every step must have been committed)."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.app.session import Session
from desktop.store import Project

TEXT = ("Peskov said Zelenskyy’s legitimacy “can be questioned”. 👋🏽 Officials 𝕏 disagreed.\n\n"
        "The talks in Riyadh may resume; the 👨‍👩‍👧 families wait.\nEnd.")
FIELDS = ("speaker", "target", "note")
VALUES = ("", "Peskov", "Dmitry Peskov", "Kremlin", "note ✓")
MERGEABLE = set(FIELDS)


def valid(start: int, end: int) -> bool:
    return 0 <= start < end <= len(TEXT) and bool(TEXT[start:end].strip())


span = st.tuples(st.integers(0, len(TEXT)), st.integers(0, 30)).map(lambda t: (t[0], min(len(TEXT), t[0] + t[1])))
ops = st.one_of(
    st.tuples(st.just("create"), span, st.integers(0, 2)),
    st.tuples(st.just("edit"), st.integers(0, 50), st.sampled_from(FIELDS), st.sampled_from(VALUES)),
    st.tuples(st.just("retype"), st.integers(0, 50), st.integers(0, 2)),
    st.tuples(st.just("adjust"), st.integers(0, 50), span),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
)


class Model:
    """The undo history as a list of whole states; a command is one step, a merged edit replaces the top state."""

    def __init__(self):
        self.states: list[dict[int, dict]] = [{}]
        self.commands: list[tuple | None] = [None]
        self.index = 0

    @property
    def state(self) -> dict[int, dict]:
        return self.states[self.index]

    def push(self, new_state: dict[int, dict], command: tuple) -> None:
        top = self.commands[self.index]
        if (top is not None and command[0] == "edit" and top[0] == "edit" and top[1] == command[1]
                and top[2] == command[2] and set(command[2]) <= MERGEABLE):
            self.states[self.index] = new_state
            del self.states[self.index + 1:], self.commands[self.index + 1:]
            return
        del self.states[self.index + 1:], self.commands[self.index + 1:]
        self.states.append(new_state)
        self.commands.append(command)
        self.index += 1


def image(ann) -> dict:
    return {"type": ann.tag_type_id, "start": ann.start, "end": ann.end, "speaker": ann.speaker,
            "target": ann.target, "note": ann.note}


def file_state(path: Path) -> tuple[str, dict[int, dict]]:
    conn = sqlite3.connect(path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        text = conn.execute("SELECT text FROM documents").fetchone()[0]
        rows = conn.execute('SELECT id, tag_type_id, start, "end", speaker, target, note, text FROM annotations')
        state = {}
        for aid, tid, s, e, speaker, target, note, span_text in rows:
            assert span_text == text[s:e]
            state[aid] = {"type": tid, "start": s, "end": e, "speaker": speaker, "target": target, "note": note}
        return ok, state
    finally:
        conn.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(ops, min_size=1, max_size=30))
def test_random_sequences_match_the_model(qapp, steps):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.claimdesk"
        with Project.open(path, create=True) as p:
            doc = p.add_document(TEXT, "Doc")
        session = Session()
        session.open_project(path, annotator="Prop")
        session.open_document(doc.id)
        types = [t.id for t in session.tag_types]
        model = Model()
        try:
            for step in steps:
                _apply(session, model, types, step)
                ok, in_file = file_state(path)
                assert ok == "ok"
                assert in_file == model.state, step
                assert {a.id: image(a) for a in session.annotations.values()} == model.state, step
                assert session.undo_stack.index() == model.index
                assert session.undo_stack.count() == len(model.states) - 1
        finally:
            session.close_project()


def _speaker_around(session: Session, state: dict[int, dict], tag_type: int, start: int, end: int) -> str:
    """A new span inside annotations with a speaker takes the innermost one's (the newest of equal ones), if its
    type carries a speaker."""
    if "speaker" not in session.types_by_id[tag_type].field_names():
        return ""
    holders = sorted((v["end"] - v["start"], -k, v["speaker"]) for k, v in state.items()
                     if v["speaker"] and v["start"] <= start and end <= v["end"])
    return holders[0][2] if holders else ""


def _pick(model: Model, n: int) -> int | None:
    ids = sorted(model.state)
    return ids[n % len(ids)] if ids else None


def _apply(session: Session, model: Model, types: list[int], step: tuple) -> None:
    kind = step[0]
    state = {k: dict(v) for k, v in model.state.items()}
    if kind == "create":
        (start, end), t = step[1], types[step[2]]
        ann = session.tag(start, end, t)
        if not valid(start, end):
            assert ann is None
            return
        assert ann is not None and ann.text == TEXT[start:end]
        same = [k for k, v in state.items() if (v["type"], v["start"], v["end"]) == (t, start, end)]
        if same:  # an exact duplicate is refused: the existing one is selected, nothing is pushed
            assert ann.id == same[0] and session.selected_id == same[0]
            return
        assert ann.id not in model.state
        state[ann.id] = {"type": t, "start": start, "end": end, "speaker": _speaker_around(session, state, t, start, end),
                         "target": "", "note": ""}
        model.push(state, ("create", ann.id))
    elif kind == "undo":
        session.undo_stack.undo()
        model.index = max(0, model.index - 1)
    elif kind == "redo":
        session.undo_stack.redo()
        model.index = min(len(model.states) - 1, model.index + 1)
    else:
        aid = _pick(model, step[1])
        if aid is None:
            return
        if kind == "edit":
            field, value = step[2], step[3]
            assert session.edit(aid, **{field: value})
            if state[aid][field] != value:
                state[aid][field] = value
                model.push(state, ("edit", aid, (field,)))
        elif kind == "retype":
            t = types[step[2]]
            assert session.retype(aid, t)
            if state[aid]["type"] != t:
                state[aid]["type"] = t
                model.push(state, ("retype", aid))
        elif kind == "adjust":
            start, end = step[2]
            ok = session.adjust_span(aid, start, end)
            if (state[aid]["start"], state[aid]["end"]) == (start, end):
                assert ok
            elif valid(start, end):
                assert ok
                state[aid]["start"], state[aid]["end"] = start, end
                model.push(state, ("adjust", aid))
            else:
                assert not ok
        elif kind == "delete":
            assert session.delete(aid)
            del state[aid]
            model.push(state, ("delete", aid))
