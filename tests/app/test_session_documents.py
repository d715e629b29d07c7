"""Documents added, changed and corrected while a project is open: the session reads one line from the file and
signals once per change; a correction of the text empties the undo history."""

from __future__ import annotations

import pytest

from desktop.store.reanchor import replace_document_text


@pytest.fixture
def session(open_session):
    s = open_session()
    s.events = []
    s.documentAdded.connect(lambda i: s.events.append(("added", i)))
    s.documentUpdated.connect(lambda i: s.events.append(("updated", i)))
    s.documentsChanged.connect(lambda: s.events.append(("reloaded",)))
    return s


def test_document_added_appends_one_summary(session):
    doc = session.project.add_document("The opposition called the vote a farce.", "Vote a farce")
    session.document_added(doc.id)
    assert [d.title for d in session.summaries][-1] == "Vote a farce"
    assert session.doc_counts[doc.id] == 0
    assert session.events == [("added", doc.id)]
    session.document_added(doc.id)  # told twice: still one line
    assert [d.id for d in session.summaries].count(doc.id) == 1


def test_document_updated_reads_the_new_metadata_and_the_shown_document(session):
    shown = session.document.id
    session.project.update_document(shown, outlet="TASS", author="I. Ivanov")
    session.document_updated(shown)
    summary = next(d for d in session.summaries if d.id == shown)
    assert (summary.outlet, summary.author) == ("TASS", "I. Ivanov")
    assert session.document.outlet == "TASS"
    assert session.events == [("updated", shown)]


def test_text_corrected_clears_undo_and_shows_the_new_text(session):
    text = session.text
    start = text.index("Dmitry Peskov")
    quote = session.project.find_tag_type("Quote").id
    session.tag(start, start + len("Dmitry Peskov"), quote)
    assert session.undo_stack.count() == 1
    replace_document_text(session.project, session.document.id, "Foreword. " + text)
    session.text_corrected(session.document.id)
    assert session.undo_stack.count() == 0
    assert session.text.startswith("Foreword. ")
    ann = next(iter(session.annotations.values()))
    assert session.text[ann.start:ann.end] == "Dmitry Peskov" and ann.start == start + len("Foreword. ")


def test_reload_documents_after_a_bulk_change(session):
    doc = session.project.add_document("Kyiv rejected the claim.", "Kyiv answers")
    session.reload_documents()
    assert doc.id in session.doc_counts and ("reloaded",) in session.events
    assert session.document is not None  # the shown document stays shown
