"""An export never overwrites a project or someone's own brat corpus."""

import hashlib
import subprocess
import sys

import pytest

from desktop.domain.model import ClaimdeskError
from desktop.formats.exporting import export
from desktop.store import Project


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_onto_the_open_project_is_refused(project, sample_doc):
    project.create_annotation(sample_doc.id, 1, 0, 8)
    before = _sha(project.path)
    for fmt in ("csv", "jsonl", "w3c"):
        with pytest.raises(ClaimdeskError, match="the project itself"):
            export(project, project.path, fmt)
    with pytest.raises(ClaimdeskError, match="the project itself"):
        export(project, project.path.with_name(project.path.name + ".lock"), "csv")
    assert _sha(project.path) == before
    assert project.annotation_count() == 1


def test_export_onto_another_project_is_refused(project, sample_doc, tmp_path):
    other = tmp_path / "other.claimdesk"
    Project.open(other, create=True).close()
    before = _sha(other)
    with pytest.raises(ClaimdeskError, match="SQLite database"):
        export(project, other, "jsonl")
    assert _sha(other) == before


def test_cli_refuses_and_leaves_the_project_intact(tmp_path, sample_path):
    project = tmp_path / "s.claimdesk"
    run = [sys.executable, "-m", "desktop"]
    subprocess.run([*run, "import", project, sample_path], check=True, capture_output=True)
    before = _sha(project)
    proc = subprocess.run([*run, "export", project, "-o", project, "--format", "csv"], capture_output=True,
                          text=True)
    assert proc.returncode == 1 and "the project itself" in proc.stderr
    assert _sha(project) == before


def test_someone_elses_brat_corpus_is_never_replaced(project, sample_doc, tmp_path):
    corpus = tmp_path / "realbrat"
    corpus.mkdir()
    (corpus / "annotation.conf").write_text("[entities]\nPerson\n", encoding="utf-8")
    (corpus / "doc001.txt").write_text("x", encoding="utf-8")
    (corpus / "doc001.ann").write_text("T1\tPerson 0 1\tx\n", encoding="utf-8")
    with pytest.raises(ClaimdeskError, match="not an earlier brat export"):
        export(project, corpus, "brat")
    assert sorted(p.name for p in corpus.iterdir()) == ["annotation.conf", "doc001.ann", "doc001.txt"]
    # Our own export may be replaced by exporting again.
    ours = tmp_path / "ours"
    export(project, ours, "brat")
    project.create_annotation(sample_doc.id, 1, 0, 8)
    assert export(project, ours, "brat") == 1


def test_a_name_that_merely_starts_like_the_project_is_fine(project, sample_doc):
    out = project.path.with_name(project.path.name + ".csv")  # what a chooser makes of "test.claimdesk"
    assert export(project, out) == 0 and out.is_file()
    with pytest.raises(ClaimdeskError, match="the project itself"):
        export(project, project.path.with_name(project.path.name + "-journal"), "csv")
