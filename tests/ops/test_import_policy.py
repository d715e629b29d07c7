"""One import policy: imported, already there, unreadable, and a stop that keeps what came in."""

from __future__ import annotations

from desktop.ops.imports import import_files
from desktop.store import Project


def test_each_file_gets_its_fate_and_the_run_goes_on(project, tmp_path, sample_path):
    good = tmp_path / "good.txt"
    good.write_text("Peskov said the talks were over. Nobody else spoke today.", encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip at all")
    report = import_files(project, [sample_path, broken, good, sample_path])
    assert [o.status for o in report.outcomes] == ["imported", "failed", "imported", "skipped"]
    assert report.of("failed")[0].reason.startswith("broken.docx")
    assert report.of("skipped")[0].existing_id == report.documents[0].id
    assert "2 documents imported" in report.summary() and "1 could not be read" in report.summary()
    assert report.changes.documents_added == [d.id for d in report.documents]
    with Project.open(project.path, readonly=True) as reread:
        assert reread.document_count() == 2


def test_stopping_keeps_what_came_in(project, tmp_path, sample_path):
    other = tmp_path / "other.txt"
    other.write_text("A second article with enough words to be a text.", encoding="utf-8")
    report = import_files(project, [sample_path, other], progress=lambda done, total, name: done < 1)
    assert len(report.documents) == 1 and "Stopped with 1 file(s) left" in report.stopped
    with Project.open(project.path, readonly=True) as reread:
        assert reread.document_count() == 1
