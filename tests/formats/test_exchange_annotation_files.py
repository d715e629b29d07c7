"""JSON Lines, CSV and W3C files carry annotations but not the texts: their import finds the documents."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.formats.exporting import export
from desktop.formats.importing import import_path
from desktop.formats.jsonl import FIELDS
from desktop.store import Project

sys.path.insert(0, str(Path(__file__).parent))
from test_exchange_fixtures import ARTICLE, build_rich_project, copy_documents  # noqa: E402


@pytest.fixture
def rich(tmp_path):
    p = build_rich_project(tmp_path / "source.claimdesk")
    yield p
    p.close()


def test_jsonl_lines_carry_every_field_and_both_offset_units(rich, tmp_path):
    export(rich, tmp_path / "out.jsonl")
    raw = (tmp_path / "out.jsonl").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    lines = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    assert len(lines) == 8
    for item in lines:
        assert tuple(item) == FIELDS
        text = rich.document_text(item["document_id"])
        assert item["document_sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert text[item["start"]:item["end"]] == item["text"]
        # UTF-16 offsets, as JavaScript counts: String.prototype.slice(start_utf16, end_utf16) is the span.
        units = text.encode("utf-16-le")
        assert units[2 * item["start_utf16"]:2 * item["end_utf16"]].decode("utf-16-le") == item["text"]
    after_emoji = next(i for i in lines if i["text"].startswith("𝕏"))
    assert after_emoji["start_utf16"] == after_emoji["start"] + 1
    assert after_emoji["end_utf16"] == after_emoji["end"] + 2


def _rewrite_csv(path: Path, change) -> None:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    change(rows)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(("\ufeff" + buf.getvalue()).encode("utf-8"))


def test_csv_rows_find_their_document_by_title_and_their_span_by_text(rich, tmp_path):
    out = tmp_path / "out.csv"
    export(rich, out)
    header = []

    def edit(rows):
        header.extend(rows[0])
        col = {name: i for i, name in enumerate(rows[0])}
        for row in rows[1:]:
            if row[col["text"]] == "Зеленський":
                row[col["start"]] = str(int(row[col["start"]]) + 3)  # offsets edited by hand, off by three
                row[col["end"]] = str(int(row[col["end"]]) + 3)
        rows.append(["99", "42", "An article not in the project", "Claim", "0", "4", "Text"]
                    + [""] * (len(rows[0]) - 7))

    _rewrite_csv(out, edit)
    with Project.open(tmp_path / "target.claimdesk", create=True) as target:
        target.add_document("An unrelated article that takes id 1.", "Unrelated")
        copy_documents(rich, target)
        result = import_path(target, out)
        assert result.annotations == 8
        assert result.problems == ["row 10: the document 'An article not in the project' is not in the project; "
                                   "import the article first"]
        second = next(d.id for d in target.documents() if d.title == "Second article")
        [ann] = target.annotations(second)
        assert ann.text == "Зеленський" and ann.speaker == "Зеленський В."
        formula = [a.note for a in target.annotations() if a.note.startswith(("=", "-"))]
        assert sorted(formula) == ['-starts with a minus', '=HYPERLINK("x")\nsecond line\twith a tab']
        assert "source kind" in header


def test_jsonl_into_a_project_without_the_documents_reports_every_line(rich, tmp_path):
    export(rich, tmp_path / "out.jsonl")
    with Project.open(tmp_path / "empty.claimdesk", create=True) as target:
        result = import_path(target, tmp_path / "out.jsonl")
        assert result.annotations == 0
        assert len(result.problems) == 8
        assert all("is not in the project" in p for p in result.problems)


def test_w3c_annotations_from_another_tool_are_anchored_by_their_quote(tmp_path):
    with Project.open(tmp_path / "p.claimdesk", create=True) as project:
        doc = project.add_document(ARTICLE, "Kremlin statement")
        page = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [{
            "id": "https://hypothes.is/a/abc", "type": "Annotation", "creator": "acct:someone@hypothes.is",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Quote"},
                     {"type": "TextualBody", "purpose": "commenting", "value": "Key line"}],
            "target": {"source": "https://tass.com/politics/1", "selector": [
                {"type": "TextQuoteSelector", "exact": "legitimacy can be questioned", "prefix": "Zelenskyy’s "}]},
        }]}
        (tmp_path / "h.jsonld").write_text(json.dumps(page), encoding="utf-8")
        # Matched by title only when the source names it; here the page names none, so no document matches.
        result = import_path(project, tmp_path / "h.jsonld")
        assert result.annotations == 0 and "not in the project" in result.problems[0]
        page["items"][0]["target"]["source"] = {"id": "https://tass.com/politics/1", "title": "Kremlin statement"}
        (tmp_path / "h.jsonld").write_text(json.dumps(page), encoding="utf-8")
        result = import_path(project, tmp_path / "h.jsonld")
        assert result.problems == []
        [ann] = project.annotations(doc.id)
        assert (ann.text, ann.note, project.tag_type(ann.tag_type_id).name) == (
            "legitimacy can be questioned", "Key line", "Quote")


def _run(*args):
    proc = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8")
    assert "Traceback" not in proc.stderr
    return proc


def test_the_command_line_exports_by_extension_and_imports_by_suffix(rich, tmp_path):
    rich.close()
    source = tmp_path / "source.claimdesk"
    for name in ("out.qdpx", "out.jsonld", "corpus", "codebook.qdc"):
        proc = _run("export", source, "-o", tmp_path / name)
        assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "corpus" / "annotation.conf").is_file()
    proc = _run("import", tmp_path / "new.claimdesk", tmp_path / "out.qdpx")
    assert proc.returncode == 0, proc.stderr
    assert sorted(line.split("\t")[1] for line in proc.stdout.splitlines()) == ["Kremlin 🙂 statement",
                                                                                "Second article"]
    proc = _run("import", tmp_path / "new.claimdesk", tmp_path / "out.jsonld")
    assert proc.returncode == 0 and "already in the project" in proc.stderr
    proc = _run("export", source, "-o", tmp_path / "out.xyz")
    assert proc.returncode == 1 and "--format" in proc.stderr
