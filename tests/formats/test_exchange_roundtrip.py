"""Round trips: export a project with emoji, overlaps and every attribute, import into a new project, compare."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.formats.exporting import export
from desktop.formats.importing import import_path
from desktop.store import Project, ReadOnlyProject

sys.path.insert(0, str(Path(__file__).parent))
from test_exchange_fixtures import CONTENT, build_rich_project, copy_documents, rows  # noqa: E402

TIMES = ("annotator", "created_at", "updated_at")
# Format -> (output name, what survives besides span, tag and text, whether the file carries the texts).
FORMATS = {
    "jsonl": ("out.jsonl", (*CONTENT, *TIMES, "uuid", "orphan"), False),
    "w3c": ("out.jsonld", (*CONTENT, *TIMES, "uuid"), False),
    "csv": ("out.csv", (*CONTENT, *TIMES), False),
    "csv-raw": ("raw.csv", (*CONTENT, *TIMES), False),
    "brat": ("corpus", CONTENT, True),
    "qdpx": ("out.qdpx", (*CONTENT, *TIMES, "uuid"), True),
}


@pytest.fixture
def rich(tmp_path):
    p = build_rich_project(tmp_path / "source.claimdesk")
    yield p
    p.close()


def _import_all(project, out):
    results = []
    paths = sorted(out.glob("*.ann")) if out.is_dir() else [out]
    for path in paths:
        results.append(import_path(project, path))
    return results


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_keeps_every_annotation(rich, tmp_path, fmt):
    name, keep, carries_text = FORMATS[fmt]
    out = tmp_path / name
    written = export(rich, out, raw=fmt == "csv-raw")
    assert written == rich.annotation_count() == 8

    with Project.open(tmp_path / "target.claimdesk", create=True) as target:
        if not carries_text:
            copy_documents(rich, target)
        results = _import_all(target, out)
        assert [p for r in results for p in r.problems] == []
        assert sum(r.annotations for r in results) == 8
        assert rows(target, keep) == rows(rich, keep)
        if carries_text:
            assert sorted(d.title for r in results for d in r.documents) == ["Kremlin 🙂 statement",
                                                                             "Second article"]
            assert ({target.document(d.id).sha256 for d in target.documents()}
                    == {rich.document(d.id).sha256 for d in rich.documents()})


@pytest.mark.parametrize("fmt", FORMATS)
def test_importing_the_same_file_twice_adds_nothing(rich, tmp_path, fmt):
    name, _keep, carries_text = FORMATS[fmt]
    out = tmp_path / name
    export(rich, out, raw=fmt == "csv-raw")
    with Project.open(tmp_path / "target.claimdesk", create=True) as target:
        if not carries_text:
            copy_documents(rich, target)
        _import_all(target, out)
        again = _import_all(target, out)
        assert sum(r.annotations for r in again) == 0
        assert target.annotation_count() == 8
        assert target.document_count() == 2
        assert any("already in the project" in p for r in again for p in r.problems)


@pytest.mark.parametrize("fmt", ["brat", "qdpx"])
def test_codebook_travels_with_colours_and_choices(rich, tmp_path, fmt):
    name, _keep, _ = FORMATS[fmt]
    export(rich, tmp_path / name)
    with Project.open(tmp_path / "target.claimdesk", create=True) as target:
        _import_all(target, tmp_path / name)
        legit = target.find_tag_type("Legitimacy assertion")
        fields = {f.name: f.choices for f in legit.fields}
        assert fields["stance"] == ("questions", "denies", "affirms", "asserts")
        assert fields["certainty"] == ("high", "low")
        assert "source kind" in fields
        assert {t.name: t.color for t in target.tag_types()} == {t.name: t.color for t in rich.tag_types()}


def test_tag_types_missing_from_the_project_are_created(rich, tmp_path):
    rich.add_tag_type("Denial", "#123456", key="4")
    doc = rich.documents()[0].id
    text = rich.document_text(doc)
    start = text.index("absurd")
    rich.create_annotation(doc, rich.find_tag_type("Denial").id, start, start + 6)
    export(rich, tmp_path / "out.qdpx")
    export(rich, tmp_path / "out.jsonl")
    for name in ("out.qdpx", "out.jsonl"):
        with Project.open(tmp_path / f"{name}.claimdesk", create=True) as target:
            if name.endswith("jsonl"):
                copy_documents(rich, target)
            import_path(target, tmp_path / name)
            denial = target.find_tag_type("Denial")
            assert denial.color == "#123456"
            assert denial.key == ""  # keys are the analyst's shortcuts; an import never takes one
            assert [a.text for a in target.annotations(tag_type_id=denial.id)] == ["absurd"]


def test_a_read_only_project_refuses_an_import_and_stays_as_it_was(rich, tmp_path):
    export(rich, tmp_path / "out.qdpx")
    Project.open(tmp_path / "target.claimdesk", create=True).close()
    with Project.open(tmp_path / "target.claimdesk", readonly=True) as target, pytest.raises(ReadOnlyProject):
        import_path(target, tmp_path / "out.qdpx")
    with Project.open(tmp_path / "target.claimdesk") as target:
        assert target.document_count() == 0 and target.annotation_count() == 0
