"""The fast CSV writer gives byte for byte what csv.writer (with the formula guard) gives, on any values."""

import csv
import io
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.formats.csv_export import _write_fast, _write_general, export_csv, neutralise

# Characters that matter to CSV quoting and to the formula guard, and some that test the encoding.
ALPHABET = st.sampled_from(list(",\"'\r\n\t=+-@ aZ\x1fé🙂Ж") + ["\u2028"])
cells = st.text(ALPHABET, max_size=8)
_counter = itertools.count()


def _both(project, custom, document_id, raw):
    fast, general = io.BytesIO(), io.BytesIO()
    n_fast = _write_fast(fast, project, custom, document_id, raw)
    n_general = _write_general(general, project, custom, document_id, raw)
    assert n_fast == n_general
    return fast.getvalue(), general.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=cells, outlet=cells, values=st.lists(st.tuples(cells, cells, cells, cells), min_size=1, max_size=4))
def test_fast_writer_matches_csv_writer(project, title, outlet, values):
    frame = next((t for t in project.tag_types() if t.name == "Frame"), None)
    if frame is None:
        frame = project.add_tag_type("Frame", "#009E73", fields=[{"name": "frame"}, {"name": "it's"}])
    doc = project.add_document(f"Text number {next(_counter)}, with words to tag.", title or "x", outlet=outlet)
    for speaker, target, note, field in values:
        project.create_annotation(doc.id, frame.id, 0, 4, speaker=speaker, target=target, note=note,
                                  fields={"frame": field, "it's": note})
    custom = project.custom_field_names()
    for raw in (False, True):
        fast, general = _both(project, custom, doc.id, raw)
        assert fast == general


def test_whole_project_and_tag_names_that_need_quoting(project, sample_doc, tmp_path):
    project.add_tag_type('=Evil, "tag"', "#000000")
    evil = next(t for t in project.tag_types() if t.name.startswith("="))
    project.create_annotation(sample_doc.id, evil.id, 0, 8, note="-minus\r\nline")
    project.create_annotation(sample_doc.id, 1, 3, 20, speaker="''=x")
    for raw in (False, True):
        fast, general = _both(project, [], None, raw)
        assert fast == general
    export_csv(project, tmp_path / "out.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[1][3] == neutralise('=Evil, "tag"') and rows[1][10] == "'-minus\r\nline"
    assert rows[2][7] == "'''=x"


def test_custom_field_names_sql_cannot_address_take_the_general_path(project, sample_doc, tmp_path):
    t = project.add_tag_type("Frame", "#009E73", fields=[{"name": 'the "frame"'}])
    project.create_annotation(sample_doc.id, t.id, 0, 8, fields={'the "frame"': "=security"})
    assert export_csv(project, tmp_path / "f.csv") == 1
    rows = list(csv.reader(io.StringIO((tmp_path / "f.csv").read_bytes().decode("utf-8-sig"), newline="")))
    column = rows[0].index('the "frame"')
    assert rows[1][column] == "'=security"
