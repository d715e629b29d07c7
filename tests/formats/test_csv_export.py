"""The CSV contract: columns, encoding, row ends, formula protection."""

import csv
import io

from desktop.formats.csv_export import export_csv, neutralise, unneutralise

CONTRACT = ["annotation_id", "document_id", "document_title", "tag", "start", "end", "text", "speaker", "target",
            "stance", "note", "annotator", "created_at", "updated_at"]


def _read(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel reads accents right"
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_columns_encoding_and_row_ends(project, sample_doc, tmp_path):
    project.create_annotation(sample_doc.id, 1, 0, 8, speaker="Peskov", note="two\nlines, \"quoted\"")
    out = tmp_path / "out.csv"
    assert export_csv(project, out) == 1
    raw, rows = _read(out)
    assert rows[0][: len(CONTRACT)] == CONTRACT
    assert rows[0][len(CONTRACT):] == ["document_outlet", "document_url", "document_published", "orphan"]
    assert raw.count(b"\r\n") == 2, "CRLF after each row, the newline inside the note stays quoted"
    assert rows[1][CONTRACT.index("note")] == "two\nlines, \"quoted\""
    assert rows[1][CONTRACT.index("text")] == sample_doc.text[0:8]


def test_formula_cells_are_neutralised_unless_raw(project, tmp_path):
    doc = project.add_document("=HYPERLINK(\"http://x\") said +1 -2 @cmd", "t")
    project.create_annotation(doc.id, 1, 0, 22, speaker="@evil", note="-1+1", target="\tx")
    out = tmp_path / "safe.csv"
    export_csv(project, out)
    row = dict(zip(*_read(out)[1]))
    assert row["text"].startswith("'=HYPERLINK")
    assert row["speaker"] == "'@evil" and row["note"] == "'-1+1" and row["target"] == "'\tx"
    export_csv(project, tmp_path / "raw.csv", raw=True)
    row = dict(zip(*_read(tmp_path / "raw.csv")[1]))
    assert row["text"].startswith("=HYPERLINK") and row["speaker"] == "@evil"


def test_neutralise_round_trips():
    for value in ["=1+1", "+x", "-", "@a", "\tx", "\nx", "plain", "'quoted", "", "'=already", "''-x", "'"]:
        assert unneutralise(neutralise(value)) == value
    assert neutralise(5) == 5


def test_custom_fields_get_their_own_columns(project, sample_doc, tmp_path):
    t = project.add_tag_type("Frame", "#009E73", fields=[{"name": "frame"}])
    project.create_annotation(sample_doc.id, t.id, 0, 8, fields={"frame": "security"})
    export_csv(project, tmp_path / "f.csv")
    rows = _read(tmp_path / "f.csv")[1]
    assert rows[0][len(CONTRACT)] == "frame"
    assert rows[1][len(CONTRACT)] == "security"


def test_header_cells_are_neutralised_too(project, sample_doc, tmp_path):
    t = project.add_tag_type("Frame", "#009E73", fields=[{"name": '=HYPERLINK("http://x")'}])
    project.create_annotation(sample_doc.id, t.id, 0, 8)
    export_csv(project, tmp_path / "h.csv")
    names = _read(tmp_path / "h.csv")[1][0]
    assert names[len(CONTRACT)] == "'=HYPERLINK(\"http://x\")"


def test_a_field_cannot_take_an_export_column_name(project):
    import pytest

    from desktop.domain.model import ClaimdeskError

    for name in ("text", "start", "Note", "orphan"):
        with pytest.raises(ClaimdeskError, match="export's own columns"):
            project.add_tag_type(f"T {name}", "#009E73", fields=[{"name": name}])
    with pytest.raises(ClaimdeskError, match="listed twice"):
        project.add_tag_type("Twice", "#009E73", fields=[{"name": "frame"}, {"name": "Frame"}])
