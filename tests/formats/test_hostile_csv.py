"""A CSV note longer than the csv module's default cell limit (131,072 characters) imports; the limit is restored."""

import csv

from desktop.formats.csv_export import export_csv
from desktop.formats.csv_import import import_csv


def test_a_note_over_131072_characters_is_read_back(project, sample_doc, tmp_path):
    long_note = "word " * 40_000
    annotation = project.create_annotation(sample_doc.id, 1, 0, 8, note=long_note)
    export_csv(project, tmp_path / "out.csv")
    project.delete_annotation(annotation.id)
    before = csv.field_size_limit()
    import_csv(project, tmp_path / "out.csv")
    assert csv.field_size_limit() == before
    assert [a.note.strip() for a in project.annotations(sample_doc.id)] == [long_note.strip()]
