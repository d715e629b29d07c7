"""Hostile JSON Lines records are reported by line, never as a traceback."""

import pytest

from desktop.formats.exchange import ExchangeFileError
from desktop.formats.jsonl import import_jsonl

BAD = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "infinite": '{"tag": "Quote", "start": Infinity, "end": 3}',
    "huge": '{"tag": "Quote", "start": 1e400, "end": 3}',
    "digits": '{"tag": "Quote", "start": ' + "9" * 5000 + ', "end": 3}',
    "spaces": '{"tag": "   ", "start": 0, "end": 3}',
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_a_hostile_record_is_named_by_its_line(project, sample_doc, tmp_path, kind):
    path = tmp_path / "bad.jsonl"
    path.write_text("\n" + BAD[kind] + "\n", encoding="utf-8")
    try:
        result = import_jsonl(project, path)
        text = str(result)
    except ExchangeFileError as exc:
        text = str(exc)
    assert "line 2" in text
    assert project.annotations(sample_doc.id) == []
