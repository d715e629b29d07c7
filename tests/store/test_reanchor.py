"""Correcting a document's text in a real project file: annotations follow their text, the rest become orphans."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.domain.model import ClaimdeskError
from desktop.domain.text import sha256_text
from desktop.store import DuplicateDocument, Project
from desktop.store.reanchor import orphans, replace_document_text

TEXT = (
    "The Kremlin said on Tuesday that Zelenskyy’s legitimacy can be questioned.\n\n"
    "“Zelenskyy’s legitimacy can be questioned,” Dmitry Peskov told reporters in Moscow.\n\n"
    "Kyiv rejectd the remarks as propaganda."
)


def tag(project, doc_id, needle, n=1, **values):
    text = project.document_text(doc_id)
    pos = -1
    for _ in range(n):
        pos = text.index(needle, pos + 1)
    return project.create_annotation(doc_id, 1, pos, pos + len(needle), **values)


@pytest.fixture
def tagged(project):
    doc = project.add_document(TEXT, "Peskov")
    anns = {
        "first": tag(project, doc.id, "Zelenskyy’s legitimacy can be questioned", 1),
        "quote": tag(project, doc.id, "Zelenskyy’s legitimacy can be questioned", 2, speaker="Dmitry Peskov"),
        "typo": tag(project, doc.id, "Kyiv rejectd the remarks", note="check"),
        "moscow": tag(project, doc.id, "Moscow"),
    }
    return doc, anns


def test_correction_keeps_annotations_on_their_text_and_orphans_the_rest(tmp_path, project, tagged):
    doc, anns = tagged
    new = TEXT.replace("The Kremlin said on Tuesday", "The Kremlin, in a briefing, said on Tuesday") \
              .replace("rejectd", "rejected")
    report = replace_document_text(project, doc.id, new)

    assert report.changed
    assert {a.id for a in report.kept} == {anns["first"].id, anns["quote"].id, anns["moscow"].id}
    assert [a.id for a in report.orphans] == [anns["typo"].id]
    assert "1 orphan(s) to fix" in report.summary()

    project.close()
    reopened = Project.open(tmp_path / "test.claimdesk")
    assert reopened.document(doc.id).text == new
    assert reopened.document_text(doc.id) == new
    for key in ("first", "quote", "moscow"):
        ann = reopened.annotation(anns[key].id)
        assert new[ann.start:ann.end] == anns[key].text
        assert not ann.orphan
        assert ann.prefix == new[max(0, ann.start - 32):ann.start]
    quote = reopened.annotation(anns["quote"].id)
    assert quote.start == new.index("Zelenskyy’s legitimacy", new.index("“"))  # the second one, not the first
    assert quote.speaker == "Dmitry Peskov"
    typo = reopened.annotation(anns["typo"].id)
    assert typo.orphan and typo.text == "Kyiv rejectd the remarks" and typo.note == "check"
    assert 0 <= typo.start and typo.end - typo.start == len(typo.text)
    assert [a.id for a in orphans(reopened, doc.id)] == [anns["typo"].id]
    reopened.close()


def test_correction_is_recorded_in_history_with_the_old_text(project, tagged):
    doc, anns = tagged
    new = "Breaking.\n\n" + TEXT
    replace_document_text(project, doc.id, new)
    rows = [h for h in project.history(document_id=doc.id) if h["action"] == "reanchor"]
    document_row = rows[0]
    assert document_row["annotation_id"] is None
    assert document_row["before"]["text"] == TEXT and document_row["after"]["text"] == new
    moved = {h["annotation_id"]: h for h in rows[1:]}
    assert set(moved) == {a.id for a in anns.values()}
    first = moved[anns["first"].id]
    assert first["after"]["start"] == first["before"]["start"] + len("Breaking.\n\n")


def test_orphan_is_found_again_when_the_text_is_restored(project, tagged):
    doc, anns = tagged
    replace_document_text(project, doc.id, TEXT.replace("rejectd", "rejected"))
    report = replace_document_text(project, doc.id, TEXT)
    assert [a.id for a in report.restored] == [anns["typo"].id]
    ann = project.annotation(anns["typo"].id)
    assert not ann.orphan and TEXT[ann.start:ann.end] == ann.text


def test_orphan_is_fixed_by_setting_its_span(project, tagged):
    doc, anns = tagged
    new = TEXT.replace("rejectd", "rejected")
    replace_document_text(project, doc.id, new)
    start = new.index("Kyiv rejected the remarks")
    fixed = project.update_annotation(anns["typo"].id, start=start, end=start + len("Kyiv rejected the remarks"))
    assert not fixed.orphan and fixed.text == "Kyiv rejected the remarks"


def test_shorter_text_clamps_orphans_inside_it(project, tagged):
    doc, anns = tagged
    report = replace_document_text(project, doc.id, "Zelenskyy’s legitimacy can be questioned.")
    assert {a.id for a in report.orphans} == {anns["typo"].id, anns["moscow"].id}
    for ann in report.orphans:
        stored = project.annotation(ann.id)
        assert stored.end <= len("Zelenskyy’s legitimacy can be questioned.")
        assert stored.end - stored.start == len(stored.text)


def test_same_text_changes_nothing(project, tagged):
    doc, _ = tagged
    before = len(project.history())
    report = replace_document_text(project, doc.id, TEXT.replace("\n", "\r\n"))  # normalised to the same text
    assert not report.changed and len(project.history()) == before


def test_refusals_leave_the_project_untouched(project, tagged):
    doc, _ = tagged
    other = project.add_document("Another article entirely.", "Other")
    with pytest.raises(DuplicateDocument):
        replace_document_text(project, doc.id, "Another article entirely.")
    with pytest.raises(ClaimdeskError, match="empty"):
        replace_document_text(project, doc.id, "  \n")
    assert project.document(doc.id).text == TEXT
    assert project.document(other.id).text == "Another article entirely."


def test_full_text_search_follows_the_correction(project, tagged):
    doc, _ = tagged
    replace_document_text(project, doc.id, TEXT.replace("rejectd", "rejected"))
    assert project.search_documents("rejected") == [doc.id]
    assert project.search_documents("rejectd") == []


def test_a_failed_write_keeps_the_old_text_and_offsets(project, tagged):
    doc, anns = tagged
    project.db.execute("CREATE TRIGGER refuse BEFORE UPDATE ON annotations BEGIN SELECT RAISE(ABORT, 'no'); END")
    with pytest.raises(sqlite3.DatabaseError):
        replace_document_text(project, doc.id, "Breaking.\n\n" + TEXT)
    project.db.execute("DROP TRIGGER refuse")
    assert project.document(doc.id).text == TEXT
    assert project.document_text(doc.id) == TEXT
    assert project.annotation(anns["first"].id).start == anns["first"].start


WORDS = ["Peskov", "said", "legitimacy", "can", "be", "questioned", "Kyiv", "\n\n", "«", "»", "🇺🇦", "ё"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_corrections_keep_every_annotation_whose_text_remains(tmp_path_factory, data):
    old = " ".join(data.draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=40)))
    new = " ".join(data.draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40)))
    assume(old.strip() and new.strip())  # a text of line breaks alone is refused as empty, not corrected
    path = tmp_path_factory.mktemp("p") / "p.claimdesk"
    with Project.open(path, create=True) as project:
        doc = project.add_document(old, "doc")
        anns = []
        for _ in range(data.draw(st.integers(1, 6))):
            start = data.draw(st.integers(0, len(old) - 1))
            end = data.draw(st.integers(start + 1, min(len(old), start + 30)))
            if old[start:end].strip():
                anns.append(project.create_annotation(doc.id, 1, start, end))
        if new == old or not new.strip() or project.document_id_by_sha256(sha256_text(new)) not in (None, doc.id):
            return  # unchanged, empty (refused with a message, tested elsewhere) or another document's text
        report = replace_document_text(project, doc.id, new)
        assert len(report.kept) + len(report.orphans) == len(anns)
        for ann in anns:
            stored = project.annotation(ann.id)
            assert stored.text == ann.text
            assert stored.end - stored.start == len(stored.text)
            if ann.text in new:
                assert not stored.orphan and new[stored.start:stored.end] == ann.text
            else:
                assert stored.orphan
        assert project.integrity_ok()
