"""The window and ``claimdesk tag`` follow the same rules: the same sequence of tags, made once through the window's
session and once through the command line, leaves the same annotations in the two project files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from desktop.store import Project

QUOTE = "The main thing for us is to achieve our goals."
INSIDE = "achieve our goals"
SEQUENCE = [  # (type, exact text, speaker given)
    ("Quote", QUOTE, "Dmitry Peskov"),
    ("Claim", INSIDE, ""),  # inherits the quote's speaker
    ("Quote", QUOTE, ""),  # the same analyst's duplicate: nothing written
]


def _rows(path):
    with sqlite3.connect(path) as db:
        return sorted(db.execute("SELECT t.name, a.start, a.\"end\", a.speaker, a.annotator FROM annotations a "
                                 "JOIN tag_types t ON t.id = a.tag_type_id"))


def test_the_same_tags_leave_the_same_file(open_session, tmp_path, sample_path):
    session = open_session("window.claimdesk", annotator="Ana")
    text = session.text
    for type_name, needle, speaker in SEQUENCE:
        start = text.index(needle)
        tag_type = next(t for t in session.tag_types if t.name == type_name)
        session.tag(start, start + len(needle), tag_type.id, {"speaker": speaker} if speaker else None)
    session.close_project()

    cli_path = tmp_path / "cli.claimdesk"
    with Project.open(cli_path, create=True) as p:
        from desktop.formats.importing import import_file

        doc_id = import_file(p, sample_path).id
    for type_name, needle, speaker in SEQUENCE:
        args = ["tag", cli_path, doc_id, type_name, "--text", needle, "--annotator", "Ana"]
        if speaker:
            args += ["--speaker", speaker]
        proc = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr

    window_rows = _rows(tmp_path / "window.claimdesk")
    assert window_rows == _rows(cli_path)
    assert len(window_rows) == 2 and {r[3] for r in window_rows} == {"Dmitry Peskov"}


def test_another_analysts_identical_span_is_a_new_annotation(open_session):
    session = open_session("team.claimdesk", annotator="Ana")
    start = session.text.index(QUOTE)
    quote = next(t for t in session.tag_types if t.name == "Quote")
    first = session.tag(start, start + len(QUOTE), quote.id)
    session.set_annotator("Ben")
    second = session.tag(start, start + len(QUOTE), quote.id)
    assert second is not None and second.id != first.id
    path = session.path
    session.close_project()
    with Project.open(path, readonly=True) as reread:
        assert sorted(a.annotator for a in reread.annotations()) == ["Ana", "Ben"]
