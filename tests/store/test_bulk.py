"""Bulk writes: many documents and annotations in one transaction, recorded like single ones."""

import pytest

from desktop.domain.model import ClaimdeskError
from desktop.store import Project, bulk


def test_bulk_annotations_read_back_like_single_tags_with_history(project):
    ids = bulk.add_documents(project, [("Peskov said Zelenskyy’s legitimacy can be questioned. 🙂 End.", "One", {}),
                                       ("Another text, with a comma.", "Two", {"outlet": "TASS"})])
    assert [project.document(i).title for i in ids] == ["One", "Two"]
    assert project.document(ids[1]).outlet == "TASS"
    single = project.create_annotation(ids[0], 3, 12, 52, speaker="Peskov", target="Zelenskyy", stance="questions")
    n = bulk.add_annotations(project, [
        {"document_id": ids[0], "tag_type_id": 3, "start": 12, "end": 52, "speaker": "Peskov", "target": "Zelenskyy",
         "stance": "questions"},
        {"document_id": ids[0], "tag_type_id": 1, "start": 0, "end": 11, "note": "=1+1"},
        {"document_id": ids[1], "tag_type_id": 2, "start": 0, "end": 12},
    ])
    assert n == 3
    anns = project.annotations(ids[0])
    twin = next(a for a in anns if a.id != single.id and a.start == 12)
    assert twin.text == single.text == "Zelenskyy’s legitimacy can be questioned"
    assert (twin.prefix, twin.suffix) == (single.prefix, single.suffix)
    history = {h["annotation_id"]: h for h in project.history()}
    assert set(history) == {a.id for a in project.annotations()}
    image, single_image = history[twin.id]["after"], history[single.id]["after"]
    assert set(image) == set(single_image)
    assert image["text"] == single_image["text"] and image["fields"] == {}


def test_one_bad_item_fails_the_whole_batch(project):
    (doc,) = bulk.add_documents(project, [("A short text here.", "t", {})])
    with pytest.raises(ClaimdeskError):
        bulk.add_annotations(project, [{"document_id": doc, "tag_type_id": 1, "start": 0, "end": 5},
                                       {"document_id": doc, "tag_type_id": 1, "start": 5, "end": 500}])
    with pytest.raises(ClaimdeskError):
        bulk.add_annotations(project, [{"document_id": doc, "tag_type_id": 3, "start": 0, "end": 5,
                                        "stance": "loves"}])
    assert project.annotation_count() == 0 and project.history() == []


def test_a_text_already_in_the_project_adds_nothing(project):
    bulk.add_documents(project, [("Same text.", "a", {})])
    with pytest.raises(ClaimdeskError):
        bulk.add_documents(project, [("Other text.", "b", {}), ("Same text.", "c", {})])
    with pytest.raises(ClaimdeskError):
        bulk.add_documents(project, [("Twice.", "b", {}), ("Twice.", "c", {})])
    assert [d.title for d in project.documents()] == ["a"]


def test_bulk_writes_survive_reopening(project):
    path = project.path
    text = "Kept after closing, with emoji 🇺🇦 inside."
    (doc,) = bulk.add_documents(project, [(text, "t", {})])
    start = text.index("🇺🇦")
    bulk.add_annotations(project, [{"document_id": doc, "tag_type_id": 1, "start": start, "end": start + 2}])
    project.close()
    with Project.open(path) as again:
        (ann,) = again.annotations()
        assert ann.text == "🇺🇦"
        assert again.history()[0]["after"]["start"] == start
        assert again.search_documents("emoji") == [doc]
